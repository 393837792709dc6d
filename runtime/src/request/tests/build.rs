//! Building requests: paths, queries, URLs, next pages, bodies, headers.

use super::*;

#[test]
fn pairs_are_encoded_as_the_form_serializer_encodes_them() {
    let pairs = [
        ("Sip.Username", "a b&c=d"),
        ("", ""),
        ("Body", "héllo ☃ 100%+/?#"),
        ("Empty", ""),
        ("StartTime<", "2024-05-01T12:00:00Z"),
    ];
    let mut ours = String::new();
    let mut serializer = url::form_urlencoded::Serializer::new(String::new());
    for (name, value) in pairs {
        append_pair(&mut ours, name, value);
        serializer.append_pair(name, value);
    }
    assert_eq!(ours, serializer.finish());
}

#[test]
fn urls_use_the_spec_host_region_edge_or_base_url() {
    assert_eq!(
        url(&client(|b| b)),
        "https://assistants.twilio.com/v1/Sessions?PageSize=50"
    );
    assert_eq!(
        url(&client(|b| b.region("ie1").edge("dublin"))),
        "https://assistants.dublin.ie1.twilio.com/v1/Sessions?PageSize=50"
    );
    assert_eq!(
        url(&client(|b| b
            .region("ie1")
            .base_url("http://127.0.0.1:4010"))),
        "http://127.0.0.1:4010/v1/Sessions?PageSize=50"
    );
}

#[test]
fn next_pages_keep_only_path_and_query() {
    let client = client(|b| b.base_url("http://127.0.0.1:4010/proxy"));
    let first = Request::new(&ASSISTANTS, Method::GET, "ListSessions", "/v1/Sessions");
    let next = first
        .for_next_page(
            NextPage::Url("https://evil.example.com/v1/Sessions?PageToken=x#frag"),
            None,
        )
        .unwrap()
        .unwrap();
    assert_eq!(
        client.url_for(&next).unwrap().as_str(),
        "http://127.0.0.1:4010/proxy/v1/Sessions?PageToken=x"
    );
    let already_prefixed = first
        .for_next_page(
            NextPage::Url("http://127.0.0.1:4010/proxy/v1/Sessions?Page=2"),
            None,
        )
        .unwrap()
        .unwrap();
    assert_eq!(
        client.url_for(&already_prefixed).unwrap().as_str(),
        "http://127.0.0.1:4010/proxy/v1/Sessions?Page=2"
    );
    let relative = first
        .for_next_page(NextPage::Url("/v1/Sessions?Page=3"), None)
        .unwrap()
        .unwrap();
    assert_eq!(
        client.url_for(&relative).unwrap().as_str(),
        "http://127.0.0.1:4010/proxy/v1/Sessions?Page=3"
    );
    assert!(matches!(
        first.for_next_page(NextPage::Url("  "), None),
        Ok(None)
    ));

    // Userinfo, `..` and encoded line breaks stay on the client's origin (and prefix).
    let cases = [
        (
            "https://user:pass@evil.example/v1/Sessions?Page=4",
            "http://127.0.0.1:4010/proxy/v1/Sessions?Page=4",
        ),
        (
            "/proxy/../../../admin?x=1",
            "http://127.0.0.1:4010/proxy/admin?x=1",
        ),
        ("../%2e%2e/admin", "http://127.0.0.1:4010/proxy/admin"),
        (
            "/v1/Sessions?Page=5%0d%0aX-Injected:%201",
            "http://127.0.0.1:4010/proxy/v1/Sessions?Page=5%0d%0aX-Injected:%201",
        ),
    ];
    for (link, expected) in cases {
        let next = first
            .for_next_page(NextPage::Url(link), None)
            .unwrap()
            .unwrap();
        assert_eq!(client.url_for(&next).unwrap().as_str(), expected, "{link}");
    }

    // Links that cannot be a page of this API are refused, saying why.
    for (link, why) in [
        ("file:///etc/passwd", "is not an http(s) URL"),
        ("ftp://evil.example/v1/Sessions", "is not an http(s) URL"),
        ("javascript:alert(1)", "is not an http(s) URL"),
        (
            "/v1/Sessions?Page=6\r\nX-Injected: 1",
            "contains control characters",
        ),
        ("/v1/Sessions?Page=\n7", "contains control characters"),
        ("http://[::1/v1", "is not a URL"),
    ] {
        let problem = first
            .for_next_page(NextPage::Url(link), None)
            .err()
            .unwrap();
        assert!(problem.contains(why), "{link}: {problem}");
        assert!(!problem.contains('\n'), "{problem}");
    }
}

#[test]
fn token_pages_replace_the_token_and_keep_the_other_parameters() {
    let client = client(|b| b.base_url("http://127.0.0.1:4010"));
    let mut first = Request::new(&TEST_API, Method::GET, "ListThings", "/test");
    first.path("/Things");
    first.query("PageToken", "old");
    first.query("PageSize", "2");
    first.query("PageToken", "older");
    let next = first
        .for_next_page(NextPage::Token("new token/&"), Some("PageToken"))
        .unwrap()
        .unwrap();
    assert_eq!(
        client.url_for(&next).unwrap().as_str(),
        "http://127.0.0.1:4010/v1/Things?PageSize=2&PageToken=new+token%2F%26"
    );
    assert!(matches!(
        first.for_next_page(NextPage::Token(""), Some("PageToken")),
        Ok(None)
    ));
    assert!(
        first
            .for_next_page(NextPage::Token("t"), None)
            .is_err_and(|problem| problem.contains("no token parameter")),
        "a token with nowhere to go stops paging with an error, not silently"
    );
}

#[tokio::test]
async fn form_bodies_follow_twilios_conventions() {
    let server = answering(ResponseTemplate::new(201).set_body_json(json!({"sid": "DG1"}))).await;
    let client = basic_client(&server);
    let mut request = post("CreateSink");
    let config = json!({"destination": "arn:aws:kinesis", "role": "r w"});
    request.form("Tags", "a");
    request.form("Tags", "b c");
    request.form("Sip.Username", "alice");
    request.form("Enabled", &true.wire_text());
    // How a timestamp becomes text is encode.rs's test; this one is about the form.
    request.form("StartDate", "2024-05-01T12:30:05Z");
    request.form("SinkConfiguration", &config.wire_text());
    request.form("FriendlyName", &json!("plain").wire_text());
    let raw = client.execute_raw(&request).await.unwrap();
    assert_eq!(raw.status, 201);
    let sent = received(&server).await;
    assert_eq!(sent.len(), 1);
    assert_eq!(
        header(&sent[0], "content-type"),
        Some("application/x-www-form-urlencoded")
    );
    assert_eq!(
        String::from_utf8(sent[0].body.clone()).unwrap(),
        "Tags=a&Tags=b+c&Sip.Username=alice&Enabled=true&StartDate=2024-05-01T12%3A30%3A05Z\
         &SinkConfiguration=%7B%22destination%22%3A%22arn%3Aaws%3Akinesis%22%2C%22role%22%3A%22r+w%22%7D\
         &FriendlyName=plain"
    );
    assert_eq!(sent[0].url.path(), "/v1/Sinks");
    assert_eq!(sent[0].method.as_str(), "POST");
}

#[tokio::test]
async fn a_form_body_without_fields_is_sent_empty_with_the_form_content_type() {
    let server = answering(ResponseTemplate::new(200).set_body_json(json!({}))).await;
    let client = basic_client(&server);
    let mut request = post("UpdateSink");
    request.form_body();
    client.execute_empty(&request).await.unwrap();
    let sent = received(&server).await;
    assert_eq!(
        header(&sent[0], "content-type"),
        Some("application/x-www-form-urlencoded")
    );
    assert_eq!(header(&sent[0], "content-length"), Some("0"));
    assert!(sent[0].body.is_empty());
    // Without a body, no content type is claimed.
    client
        .execute_empty(&Request::new(&TEST_API, Method::GET, "FetchSink", "/test"))
        .await
        .unwrap();
    let sent = received(&server).await;
    assert_eq!(header(&sent[1], "content-type"), None);
}

#[tokio::test]
async fn json_bodies_are_sent_with_their_content_type_and_resent_as_is() {
    let server = MockServer::start().await;
    // The first attempt is throttled; the retry must carry the same bytes.
    Mock::given(method("PUT"))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(wiremock::matchers::any())
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"ok": true})))
        .mount(&server)
        .await;
    let client = basic_client(&server);
    let user = json!({"userName": "ann", "emails": [{"value": "a@example.com"}], "active": true});
    let mut scim = Request::new(&TEST_API, Method::PUT, "UpdateUser", "/test");
    scim.path("/Users/U1");
    scim.json("application/scim+json", &user).unwrap();
    let answer: serde_json::Value = client.execute(&scim).await.unwrap();
    assert_eq!(answer, json!({"ok": true}));

    let mut plain = post("CreateThing");
    let body: std::collections::BTreeMap<&str, i32> = [("b", 2), ("a", 1)].into();
    plain.json("application/json", &body).unwrap();
    client.execute_empty(&plain).await.unwrap();

    let sent = received(&server).await;
    assert_eq!(sent.len(), 3);
    for attempt in &sent[..2] {
        assert_eq!(
            header(attempt, "content-type"),
            Some("application/scim+json")
        );
        assert_eq!(attempt.body, serde_json::to_vec(&user).unwrap());
    }
    assert_eq!(header(&sent[2], "content-type"), Some("application/json"));
    assert_eq!(sent[2].body, br#"{"a":1,"b":2}"#);
}

#[tokio::test]
async fn header_parameters_are_sent_and_bad_values_refused_before_sending() {
    let server = answering(ResponseTemplate::new(200).set_body_json(json!({}))).await;
    let client = basic_client(&server);
    // As a generated builder does: check and assemble, then send.
    let build = |enabled: &str| -> Result<Request, Error> {
        let mut request = post("CreateSink");
        request.header("X-Twilio-Webhook-Enabled", enabled)?;
        request.header("Accept", "application/scim+json")?;
        Ok(request)
    };
    for bad in ["true\r\nX-Injected: 1", "line\nbreak", "caf\u{e9}", "nul\0"] {
        let error = match build(bad) {
            Ok(request) => client.execute_empty(&request).await.unwrap_err(),
            Err(error) => error,
        };
        assert!(
            matches!(&error, Error::InvalidArgument(e) if e.name == "X-Twilio-Webhook-Enabled"),
            "{bad:?}: {error}"
        );
        assert!(!error.to_string().contains("Injected"), "{error}");
    }
    assert!(received(&server).await.is_empty());

    client.execute_empty(&build("true").unwrap()).await.unwrap();
    let sent = received(&server).await;
    assert_eq!(sent.len(), 1);
    assert_eq!(header(&sent[0], "x-twilio-webhook-enabled"), Some("true"));
    // A header parameter replaces the default of the same name.
    let accept: Vec<_> = sent[0].headers.get_all("accept").iter().collect();
    assert_eq!(accept, ["application/scim+json"]);
}
