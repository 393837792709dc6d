//! The client against a real HTTP server on loopback (wiremock): what it sends for every
//! operation, how it decodes, and how it refuses bad arguments before sending anything.

#![allow(clippy::unwrap_used)] // A panic in a test is a failed test.

mod common;

use common::{ACCOUNT_SID, AUTH_TOKEN, basic, client_for, data, requests};
use serde_json::json;
use twilio_api::conversations_v2::ConversationStatus;
use twilio_api::{Client, Error};
use wiremock::matchers::{header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const ASSISTANT: &str = "UAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const DIALOGUE: &str = "UKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

#[tokio::test]
async fn fetch_dialogue_sends_get_with_auth_accept_and_user_agent() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!(
            "/v1/Assistants/{ASSISTANT}/Dialogues/{DIALOGUE}"
        )))
        .and(header(
            "authorization",
            basic(ACCOUNT_SID, AUTH_TOKEN).as_str(),
        ))
        .and(header("accept", "application/json"))
        .respond_with(ResponseTemplate::new(200).set_body_json(data("dialogue.json")))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder()
        .account_sid(ACCOUNT_SID)
        .auth_token(AUTH_TOKEN)
        .base_url(server.uri())
        .user_agent("my-app/1.2")
        .build()
        .unwrap();
    let dialogue = client
        .autopilot_v1()
        .fetch_dialogue(ASSISTANT, DIALOGUE)
        .send()
        .await
        .unwrap();
    assert_eq!(dialogue.sid.unwrap().as_str(), DIALOGUE);

    let sent = &requests(&server).await[0];
    let agent = sent.headers.get("user-agent").unwrap().to_str().unwrap();
    assert!(
        agent.starts_with(&format!("twilio-api/{} (rust; ", env!("CARGO_PKG_VERSION"))),
        "{agent}"
    );
    assert!(agent.ends_with(") my-app/1.2"), "{agent}");
    assert_eq!(sent.url.query(), None);
}

#[tokio::test]
async fn fetch_conversation_decodes_the_seed_example() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v2/Conversations/conv_conversation_01k1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(data("conversation.json")))
        .expect(1)
        .mount(&server)
        .await;
    let client = client_for(&server);
    let conversation = client
        .conversations_v2()
        .fetch_conversation("conv_conversation_01k1")
        .send()
        .await
        .unwrap();
    assert_eq!(conversation.status, Some(ConversationStatus::Active));
    assert_eq!(conversation.participants.unwrap().len(), 1);
}

#[tokio::test]
async fn fetch_session_accepts_str_string_and_id_types() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/Sessions/sess_1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(data("session.json")))
        .expect(3)
        .mount(&server)
        .await;
    let client = client_for(&server);
    let assistants = client.assistants_v1();
    let from_str = assistants.fetch_session("sess_1").send().await.unwrap();
    let from_string = assistants
        .fetch_session(String::from("sess_1"))
        .send()
        .await
        .unwrap();
    let id = twilio_api::assistants_v1::AssistantId::new_unchecked("sess_1");
    let from_id = assistants.fetch_session(&id).send().await.unwrap();
    assert_eq!(from_str, from_string);
    assert_eq!(from_str, from_id);
    assert_eq!(from_str.identity.as_deref(), Some("identity"));
}

#[tokio::test]
async fn list_sessions_sends_its_query_parameters_and_returns_one_page() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/Sessions"))
        .and(query_param("PageSize", "50"))
        .and(query_param("Page", "2"))
        .and(query_param("PageToken", "tok en/&="))
        .respond_with(ResponseTemplate::new(200).set_body_json(data("sessions_page.json")))
        .expect(1)
        .mount(&server)
        .await;
    let client = client_for(&server);
    let page = client
        .assistants_v1()
        .list_sessions()
        .page_size(50)
        .page(2)
        .page_token("tok en/&=")
        .send()
        .await
        .unwrap();
    assert_eq!(page.sessions.unwrap()[0].id.as_deref(), Some("id"));
    assert_eq!(page.meta.unwrap().page_size, Some(42));
    let query = requests(&server).await[0].url.query().unwrap().to_owned();
    assert_eq!(query, "Page=2&PageSize=50&PageToken=tok+en%2F%26%3D");
}

#[tokio::test]
async fn list_messages_puts_the_session_in_the_path() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/Sessions/sess_1/Messages"))
        .respond_with(ResponseTemplate::new(200).set_body_json(data("messages_page.json")))
        .expect(1)
        .mount(&server)
        .await;
    let client = client_for(&server);
    let page = client
        .assistants_v1()
        .list_messages("sess_1")
        .send()
        .await
        .unwrap();
    assert_eq!(
        page.messages.unwrap()[0].id.as_ref().unwrap().as_str(),
        "aia_msg"
    );
}

#[tokio::test]
async fn api_key_credentials_replace_the_auth_token() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(header(
            "authorization",
            basic("SKkey", "key-secret").as_str(),
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(data("session.json")))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder()
        .account_sid(ACCOUNT_SID)
        .api_key("SKkey", "key-secret")
        .base_url(server.uri())
        .build()
        .unwrap();
    client
        .assistants_v1()
        .fetch_session("s")
        .send()
        .await
        .unwrap();
}

#[tokio::test]
async fn path_arguments_are_percent_encoded_and_cannot_reach_another_path() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(data("session.json")))
        .mount(&server)
        .await;
    let client = client_for(&server);
    let assistants = client.assistants_v1();
    assistants
        .fetch_session("a/../b?c=1#d%2F é")
        .send()
        .await
        .unwrap();
    // What a path segment may hold stays as written: Twilio's SDKs send `+1501…` unencoded.
    assistants
        .fetch_session("+15017122661:sip@x")
        .send()
        .await
        .unwrap();
    let sent = &requests(&server).await;
    assert_eq!(
        sent[0].url.path(),
        "/v1/Sessions/a%2F..%2Fb%3Fc=1%23d%252F%20%C3%A9"
    );
    assert_eq!(sent[1].url.path(), "/v1/Sessions/+15017122661:sip@x");
    let sent = &sent[0];
    assert_eq!(sent.url.query(), None);
    assert_eq!(sent.url.fragment(), None);

    for bad in ["", ".", ".."] {
        let error = assistants.fetch_session(bad).send().await.unwrap_err();
        assert!(
            matches!(&error, Error::InvalidArgument(e) if e.name == "id"),
            "{bad:?}: {error}"
        );
    }
    assert_eq!(
        requests(&server).await.len(),
        2,
        "refused arguments send nothing"
    );
}

#[tokio::test]
async fn out_of_range_page_sizes_are_refused_before_sending() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    for size in [0, 1001] {
        let error = client
            .assistants_v1()
            .list_sessions()
            .page_size(size)
            .send()
            .await
            .unwrap_err();
        assert!(
            matches!(&error, Error::InvalidArgument(e) if e.name == "page_size"),
            "{error}"
        );
        assert_eq!(
            error.to_string(),
            "invalid argument `page_size`: must be between 1 and 1000",
            "the message names the rule, not the value"
        );
        assert_eq!(error.status(), None);
        let streamed: Vec<_> = futures::StreamExt::collect(
            client
                .assistants_v1()
                .list_messages("s")
                .page_size(size)
                .stream(),
        )
        .await;
        assert!(
            matches!(streamed.as_slice(), [Err(Error::InvalidArgument(_))]),
            "{streamed:?}"
        );
    }
    assert!(requests(&server).await.is_empty());
}

#[tokio::test]
async fn the_client_is_cheap_to_clone_and_never_shows_its_secret() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(404)
                .set_body_json(json!({"code": 20404, "message": "nope", "status": 404})),
        )
        .mount(&server)
        .await;
    let client = client_for(&server);
    let clone = client.clone();
    let debug = format!("{client:?} {:?}", Client::builder().auth_token(AUTH_TOKEN));
    assert!(!debug.contains(AUTH_TOKEN), "{debug}");
    assert!(debug.contains(ACCOUNT_SID));
    let error = clone
        .assistants_v1()
        .fetch_session("x")
        .send()
        .await
        .unwrap_err();
    assert!(!format!("{error} {error:?}").contains(AUTH_TOKEN));
    let builder = client.assistants_v1().fetch_session("x");
    assert!(!format!("{builder:?}").contains(AUTH_TOKEN));
}

#[tokio::test]
async fn builder_reports_missing_and_malformed_configuration() {
    let no_sid = Client::builder().auth_token("t").build().unwrap_err();
    assert!(matches!(no_sid, Error::Config(_)), "{no_sid}");
    assert!(no_sid.to_string().contains("missing account SID"));

    let bad_sid = Client::builder()
        .account_sid("AC123")
        .auth_token("t")
        .build()
        .unwrap_err();
    assert!(
        matches!(&bad_sid, Error::InvalidArgument(e) if e.name == "account_sid"),
        "{bad_sid}"
    );

    let no_token = Client::builder()
        .account_sid(ACCOUNT_SID)
        .build()
        .unwrap_err();
    assert!(
        no_token.to_string().contains("missing credentials"),
        "{no_token}"
    );

    for url in [
        "not a url",
        "ftp://example.com",
        "http://user:pw@example.com",
        "http://example.com/?q=1",
    ] {
        let error = Client::builder()
            .account_sid(ACCOUNT_SID)
            .auth_token("t")
            .base_url(url)
            .build()
            .unwrap_err();
        assert!(matches!(error, Error::Config(_)), "{url}: {error}");
    }
    let client = Client::builder()
        .account_sid(String::from(ACCOUNT_SID))
        .auth_token(String::from("t"))
        .build()
        .unwrap();
    assert_eq!(client.account_sid(), ACCOUNT_SID);
}

/// Credentials go only over https, except to a loopback base URL (a local mock); plain http
/// elsewhere is refused at `build()`, before anything is sent, unless explicitly allowed.
#[test]
fn credentials_only_go_over_https_or_to_loopback() {
    let build = |url: &str| {
        Client::builder()
            .account_sid(ACCOUNT_SID)
            .auth_token(AUTH_TOKEN)
            .base_url(url)
            .build()
    };
    for url in [
        "http://api.example.com",
        "http://10.0.0.7:4010",
        "http://localhost.example.com",
        "http://127.0.0.1.nip.io",
    ] {
        let error = build(url).unwrap_err();
        assert!(matches!(error, Error::Config(_)), "{url}: {error}");
        let message = error.to_string();
        assert!(
            message.contains("only sent over https")
                && message.contains("danger_allow_insecure_http"),
            "{url}: the error says why and how to opt out: {message}"
        );
    }
    for url in [
        "https://api.example.com",
        "http://127.0.0.1:4010",
        "http://127.8.9.10",
        "http://localhost:4010/prefix",
        "http://LOCALHOST",
        "http://[::1]:4010",
    ] {
        assert!(build(url).is_ok(), "{url} is allowed");
    }
    let allowed = Client::builder()
        .account_sid(ACCOUNT_SID)
        .auth_token(AUTH_TOKEN)
        .base_url("http://prism:4010")
        .danger_allow_insecure_http()
        .build();
    assert!(allowed.is_ok(), "the documented opt-out works");

    let builder = Client::builder()
        .account_sid(ACCOUNT_SID)
        .base_url("https://user:hunter2@example.com/v1");
    assert!(!format!("{builder:?}").contains("hunter2"), "{builder:?}");
    assert!(
        format!("{builder:?}").contains("https://example.com/v1"),
        "{builder:?}"
    );
    let with_password = build("http://user:hunter2@example.com").unwrap_err();
    assert!(
        !with_password.to_string().contains("hunter2")
            && !format!("{with_password:?}").contains("hunter2"),
        "{with_password:?}"
    );
    let swapped = Client::builder()
        .account_sid(AUTH_TOKEN)
        .auth_token(ACCOUNT_SID)
        .build()
        .unwrap_err();
    assert!(
        !swapped.to_string().contains(AUTH_TOKEN) && !format!("{swapped:?}").contains(AUTH_TOKEN),
        "a token given as the SID is not printed: {swapped:?}"
    );
}

#[tokio::test]
async fn a_base_url_path_prefixes_every_request() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/proxy/twilio/v1/Sessions/s1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(data("session.json")))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder()
        .account_sid(ACCOUNT_SID)
        .auth_token(AUTH_TOKEN)
        .base_url(format!("{}/proxy/twilio/", server.uri()))
        .build()
        .unwrap();
    client
        .assistants_v1()
        .fetch_session("s1")
        .send()
        .await
        .unwrap();
}

#[tokio::test]
async fn an_injected_reqwest_client_is_used() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(header("x-shared-pool", "yes"))
        .respond_with(ResponseTemplate::new(200).set_body_json(data("session.json")))
        .expect(1)
        .mount(&server)
        .await;
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("x-shared-pool", "yes".parse().unwrap());
    let http = twilio_api::http_client_builder()
        .unwrap()
        .default_headers(headers)
        .build()
        .unwrap();
    let client = Client::builder()
        .account_sid(ACCOUNT_SID)
        .auth_token(AUTH_TOKEN)
        .base_url(server.uri())
        .http_client(http)
        .build()
        .unwrap();
    client
        .assistants_v1()
        .fetch_session("s")
        .send()
        .await
        .unwrap();
}

#[tokio::test]
async fn every_operation_sends_basic_auth_accept_and_user_agent() {
    let server = MockServer::start().await;
    let body = json!({});
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(&server)
        .await;
    let client = client_for(&server);
    client
        .autopilot_v1()
        .fetch_dialogue(ASSISTANT, DIALOGUE)
        .send()
        .await
        .unwrap();
    client
        .conversations_v2()
        .fetch_conversation("conv_1")
        .send()
        .await
        .unwrap();
    client
        .assistants_v1()
        .fetch_session("sess_1")
        .send()
        .await
        .unwrap();
    client.assistants_v1().list_sessions().send().await.unwrap();
    client
        .assistants_v1()
        .list_messages("sess_1")
        .send()
        .await
        .unwrap();
    let sent = requests(&server).await;
    let paths: Vec<&str> = sent.iter().map(|r| r.url.path()).collect();
    assert_eq!(
        paths,
        [
            format!("/v1/Assistants/{ASSISTANT}/Dialogues/{DIALOGUE}").as_str(),
            "/v2/Conversations/conv_1",
            "/v1/Sessions/sess_1",
            "/v1/Sessions",
            "/v1/Sessions/sess_1/Messages",
        ]
    );
    let authorization = basic(ACCOUNT_SID, AUTH_TOKEN);
    for request in &sent {
        assert_eq!(request.method.as_str(), "GET");
        assert_eq!(
            request
                .headers
                .get("authorization")
                .unwrap()
                .to_str()
                .unwrap(),
            authorization
        );
        assert_eq!(
            request.headers.get("accept").unwrap().to_str().unwrap(),
            "application/json"
        );
        let agent = request.headers.get("user-agent").unwrap().to_str().unwrap();
        assert!(agent.starts_with("twilio-api/"), "{agent}");
        assert_eq!(request.url.query(), None, "no query parameter unless set");
    }
}

#[tokio::test]
async fn redirects_are_not_followed_so_credentials_stay_on_the_configured_origin() {
    let elsewhere = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(data("session.json")))
        .mount(&elsewhere)
        .await;
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(307)
                .insert_header("Location", format!("{}/v1/Sessions/s1", elsewhere.uri())),
        )
        .mount(&server)
        .await;
    let error = client_for(&server)
        .assistants_v1()
        .fetch_session("s1")
        .send()
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Api(_)), "{error:?}");
    assert_eq!(error.status(), Some(307));
    assert_eq!(requests(&server).await.len(), 1);
    assert!(requests(&elsewhere).await.is_empty());
}

struct StaticToken;

impl twilio_api::TokenSource for StaticToken {
    fn token(&self) -> twilio_api::TokenFuture<'_> {
        Box::pin(async { Ok("oauth-access-token".to_owned()) })
    }
}

#[tokio::test]
async fn a_bearer_only_client_is_told_which_operation_needs_basic_credentials() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(data("session.json")))
        .mount(&server)
        .await;
    for builder in [
        Client::builder().bearer_token("oauth-access-token"),
        Client::builder().token_source(StaticToken),
    ] {
        let client = builder.base_url(server.uri()).build().unwrap();
        assert_eq!(client.account_sid(), "");
        assert!(!format!("{client:?}").contains("oauth-access-token"));
        let error = client
            .assistants_v1()
            .fetch_session("s1")
            .send()
            .await
            .unwrap_err();
        assert!(matches!(error, Error::Config(_)), "{error:?}");
        let message = error.to_string();
        assert!(
            message.contains("FetchSession needs basic credentials"),
            "{message}"
        );
        assert!(message.contains(".auth_token(..)"), "{message}");
    }
    assert!(requests(&server).await.is_empty());
}
