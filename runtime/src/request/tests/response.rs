//! Answers: statuses, redirects, errors at each level.

use super::*;

#[tokio::test]
async fn execute_raw_returns_each_success_status_and_body() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({"sid": "SK1"})))
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(202).set_body_json(json!({"sid": "SK2"})))
        .mount(&server)
        .await;
    let client = basic_client(&server);
    let mut outcomes = Vec::new();
    for verb in [Method::POST, Method::DELETE, Method::GET] {
        let raw = client
            .execute_raw(&Request::new(&TEST_API, verb, "UpsertKey", "/test"))
            .await
            .unwrap();
        // As generated code for several 2xx outcomes does.
        let outcome = match raw.status {
            201 | 202 => raw.decode::<serde_json::Value>("UpsertKey").unwrap()["sid"].clone(),
            204 => json!(null),
            other => panic!("unexpected {other}"),
        };
        outcomes.push((raw.status, outcome));
    }
    assert_eq!(
        outcomes,
        [(201, json!("SK1")), (204, json!(null)), (202, json!("SK2"))]
    );
    let error = RawResponse {
        status: 201,
        body: bytes::Bytes::from_static(b"{\"sid\": 3}"),
    }
    .decode::<std::collections::HashMap<String, String>>("UpsertKey")
    .unwrap_err();
    assert!(
        matches!(&error, Error::Decode(e) if e.path == "sid"),
        "{error:?}"
    );
}

#[tokio::test]
async fn redirects_give_their_location_and_are_never_followed() {
    let elsewhere = answering(ResponseTemplate::new(200).set_body_json(json!({}))).await;
    let target = format!("{}/landing?token=1", elsewhere.uri());
    let server = answering(
        ResponseTemplate::new(302)
            .insert_header("Location", target.as_str())
            .set_body_string("moved"),
    )
    .await;
    let client = basic_client(&server);
    let request = Request::new(&TEST_API, Method::GET, "FetchRecordingMedia", "/test");
    assert_eq!(client.execute_redirect(&request).await.unwrap(), target);

    // An operation that expects a 2xx gets an API error with the 3xx status.
    let error = client.execute_empty(&request).await.unwrap_err();
    assert_eq!(error.status(), Some(302), "{error:?}");
    assert!(matches!(error, Error::Api(_)));
    let error = client
        .execute::<serde_json::Value>(&request)
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(302), "{error:?}");

    assert_eq!(received(&server).await.len(), 3);
    assert!(received(&elsewhere).await.is_empty());

    // Without a Location, or with a 2xx, there is nothing to return.
    let no_location = answering(ResponseTemplate::new(307)).await;
    let error = basic_client(&no_location)
        .execute_redirect(&request)
        .await
        .unwrap_err();
    assert!(
        matches!(&error, Error::Decode(e) if e.status == 307 && e.message.contains("Location")),
        "{error:?}"
    );
    let error = basic_client(&elsewhere)
        .execute_redirect(&request)
        .await
        .unwrap_err();
    assert!(
        matches!(&error, Error::Decode(e) if e.status == 200 && e.operation == "FetchRecordingMedia"),
        "{error:?}"
    );
}

#[tokio::test]
async fn redirects_with_a_documented_body_give_both_and_are_never_followed() {
    let elsewhere = answering(ResponseTemplate::new(200).set_body_json(json!({}))).await;
    let target = format!("{}/authorize?state=1", elsewhere.uri());
    let request = Request::new(&TEST_API, Method::GET, "FetchAuthorize", "/test");

    let with_location = answering(
        ResponseTemplate::new(302)
            .insert_header("Location", target.as_str())
            .set_body_json(json!({"redirect_to": target})),
    )
    .await;
    let answer = basic_client(&with_location)
        .execute_redirect_body::<serde_json::Value>(&request)
        .await
        .unwrap();
    assert_eq!(answer.status, 302);
    assert_eq!(answer.location.as_deref(), Some(target.as_str()));
    assert_eq!(answer.body, json!({"redirect_to": target}));

    // Twilio's spec documents the body only: no Location is fine, the body says where.
    let body_only =
        answering(ResponseTemplate::new(302).set_body_json(json!({"redirect_to": "x"}))).await;
    let answer = basic_client(&body_only)
        .execute_redirect_body::<serde_json::Value>(&request)
        .await
        .unwrap();
    assert_eq!(
        (answer.location, answer.body),
        (None, json!({"redirect_to": "x"}))
    );

    // A body of the wrong shape is a decode error naming the status.
    let error = basic_client(&body_only)
        .execute_redirect_body::<Vec<String>>(&request)
        .await
        .unwrap_err();
    assert!(
        matches!(&error, Error::Decode(e) if e.status == 302),
        "{error:?}"
    );
    assert!(received(&elsewhere).await.is_empty(), "nothing is followed");
}

#[tokio::test]
async fn a_followed_redirect_from_a_users_reqwest_client_is_refused() {
    // reqwest's default policy follows up to 10 redirects.
    let following = crate::tls::http_client_builder()
        .unwrap()
        .redirect(reqwest::redirect::Policy::default())
        .build()
        .unwrap();
    let elsewhere = answering(ResponseTemplate::new(200).set_body_json(json!({}))).await;
    let request = Request::new(&TEST_API, Method::GET, "FetchThing", "/test");

    // To another origin (another port is another origin): reqwest itself drops the
    // credentials, and the answer from there is refused.
    let cross = answering(
        ResponseTemplate::new(302)
            .insert_header("Location", format!("{}/landing", elsewhere.uri()).as_str()),
    )
    .await;
    let client = builder_for(&cross)
        .account_sid(ACCOUNT_SID)
        .auth_token(AUTH_TOKEN)
        .http_client(following.clone())
        .build()
        .unwrap();
    let error = client.execute_empty(&request).await.unwrap_err();
    assert!(
        matches!(&error, Error::Config(e) if e.message.contains("followed a redirect")),
        "{error:?}"
    );
    let error = client.execute_redirect(&request).await.unwrap_err();
    assert!(matches!(error, Error::Config(_)), "{error:?}");
    let landed = received(&elsewhere).await;
    assert_eq!(landed.len(), 2);
    assert!(landed.iter().all(|r| header(r, "authorization").is_none()));
    let sent = received(&cross).await;
    assert_eq!(
        header(&sent[0], "authorization"),
        Some(basic_header().as_str())
    );

    // On the same origin the answer is refused all the same.
    let same = MockServer::start().await;
    Mock::given(wiremock::matchers::path("/v1/moved"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
        .mount(&same)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(307).insert_header("Location", "/v1/moved"))
        .mount(&same)
        .await;
    let client = builder_for(&same)
        .account_sid(ACCOUNT_SID)
        .auth_token(AUTH_TOKEN)
        .http_client(following)
        .build()
        .unwrap();
    let error = client.execute_empty(&request).await.unwrap_err();
    assert!(matches!(error, Error::Config(_)), "{error:?}");
    assert_eq!(
        received(&same).await.len(),
        2,
        "the request and its redirect"
    );
}

/// A token source's error with a cause of its own.
#[derive(Debug)]
struct ProviderDown(std::io::Error);

impl std::fmt::Display for ProviderDown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("identity provider unavailable")
    }
}

impl std::error::Error for ProviderDown {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.0)
    }
}

struct Down;

impl TokenSource for Down {
    fn token(&self) -> TokenFuture<'_> {
        Box::pin(async {
            let cause = std::io::Error::new(std::io::ErrorKind::ConnectionRefused, "idp:443");
            Err(Box::new(ProviderDown(cause)) as Box<dyn std::error::Error + Send + Sync>)
        })
    }
}

/// A loopback server that answers once with `answer` and closes, or with nothing when
/// `answer` is empty; its address.
fn one_shot(answer: &'static [u8]) -> std::net::SocketAddr {
    use std::io::{Read as _, Write as _};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        if let Ok((mut stream, _)) = listener.accept() {
            let _ = stream.read(&mut [0; 4096]);
            if answer.is_empty() {
                std::thread::sleep(Duration::from_secs(5));
            }
            let _ = stream.write_all(answer);
        }
    });
    addr
}

#[tokio::test]
async fn each_error_level_prints_itself_and_leaves_its_causes_to_source() {
    let with_base = |base: String| {
        Client::builder()
            .account_sid(ACCOUNT_SID)
            .auth_token(AUTH_TOKEN)
            .base_url(base)
            .max_retries(0)
            .timeout(Duration::from_millis(300))
    };
    let fetch = Request::new(&TEST_API, Method::GET, "FetchThing", "/test");
    let mut errors = vec![
        with_base("ftp://example.com".to_owned())
            .build()
            .unwrap_err(),
        Request::new(&TEST_API, Method::GET, "FetchThing", "/test")
            .path_param("Sid", "..")
            .unwrap_err(),
    ];
    // Transport: refused, timed out, cut short.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    for addr in [
        closed,
        one_shot(b""),
        one_shot(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{"),
    ] {
        let client = with_base(format!("http://{addr}")).build().unwrap();
        errors.push(client.execute_empty(&fetch).await.unwrap_err());
    }
    let api = answering(ResponseTemplate::new(404).set_body_json(json!({
        "code": 20404, "message": "not found", "more_info": "https://www.twilio.com/docs/errors/20404"
    })))
    .await;
    errors.push(basic_client(&api).execute_empty(&fetch).await.unwrap_err());
    let html = answering(ResponseTemplate::new(200).set_body_string("<html>")).await;
    let decode = basic_client(&html)
        .execute::<serde_json::Value>(&fetch)
        .await;
    errors.push(decode.unwrap_err());
    let mut bearer = fetch.clone();
    bearer.security(&[Scheme::Bearer]);
    let down = builder_for(&api).token_source(Down).build().unwrap();
    errors.push(down.execute_empty(&bearer).await.unwrap_err());

    let mut variants = Vec::new();
    for error in &errors {
        variants.push(match error {
            Error::Config(_) => "Config",
            Error::InvalidArgument(_) => "InvalidArgument",
            Error::Transport(_) => "Transport",
            Error::Api(_) => "Api",
            Error::Decode(_) => "Decode",
            Error::Auth(_) => "Auth",
        });
        let mut levels = vec![error.to_string()];
        let mut cause = std::error::Error::source(error);
        while let Some(next) = cause {
            levels.push(next.to_string());
            cause = next.source();
        }
        for pair in levels.windows(2) {
            assert!(!pair[0].contains(&pair[1]), "printed twice: {levels:#?}");
        }
        assert!(levels.iter().all(|level| !level.is_empty()), "{levels:?}");
        if let Error::Transport(_) | Error::Auth(_) = error {
            assert!(levels[0].starts_with("FetchThing"), "{levels:?}");
            assert!(levels.len() >= 2, "the cause is reachable: {levels:?}");
        }
    }
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        variants,
        [
            "Config",
            "InvalidArgument",
            "Transport",
            "Transport",
            "Transport",
            "Api",
            "Decode",
            "Auth"
        ],
        "{messages:#?}"
    );
    assert_eq!(
        messages[2..5],
        [
            "FetchThing (GET): could not connect to the server",
            "FetchThing (GET): timed out waiting for the response",
            "FetchThing (GET): the response body could not be read to the end",
        ]
    );
    let auth_causes: Vec<String> =
        std::iter::successors(std::error::Error::source(&errors[7]), |e| e.source())
            .map(ToString::to_string)
            .collect();
    assert_eq!(auth_causes, ["identity provider unavailable", "idp:443"]);
}

#[tokio::test]
async fn scim_errors_give_their_detail_and_keep_the_body() {
    let body = json!({
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"],
        "detail": "User U1 not found",
        "status": "404",
        "scimType": "invalidValue"
    });
    let server = answering(
        ResponseTemplate::new(404).set_body_raw(body.to_string(), "application/scim+json"),
    )
    .await;
    let error = basic_client(&server)
        .execute_empty(&Request::new(&TEST_API, Method::GET, "FetchUser", "/test"))
        .await
        .unwrap_err();
    let api = error.api_error().unwrap();
    assert_eq!(api.status(), 404);
    assert_eq!(api.message(), "User U1 not found");
    assert_eq!(api.code(), None);
    assert_eq!(api.body(), body.to_string().as_bytes());
    #[derive(serde::Deserialize)]
    struct ScimError {
        #[serde(rename = "scimType")]
        scim_type: String,
        status: String,
    }
    let scim: ScimError = api.decode_body().unwrap();
    assert_eq!(
        (scim.scim_type.as_str(), scim.status.as_str()),
        ("invalidValue", "404")
    );
    assert!(api.decode_body::<Vec<u8>>().is_none());
    let debug = format!("{api:?}");
    let size = format!("<{} bytes>", body.to_string().len());
    assert!(
        debug.contains(&size) && !debug.contains("scimType"),
        "{debug}"
    );
}
