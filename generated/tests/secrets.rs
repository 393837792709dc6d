//! Secrets never print: every error path is driven with known credentials (auth token, API
//! key secret, bearer token) and a personal path argument, and everything the crate can print
//! about the outcome (`Display`, `Debug`, pretty `Debug`, each `source()` in the chain, the
//! client, its builder and the request builder) is scanned for them.

#![allow(clippy::unwrap_used)] // A panic in a test is a failed test.

mod common;

use std::error::Error as _;
use std::time::Duration;

use common::basic;
use serde_json::json;
use twilio_api::{Client, ClientBuilder, Error};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

const ACCOUNT_SID: &str = "AC0123456789abcdef0123456789abcdef";
const AUTH_TOKEN: &str = "tok-SECRET-7f3a9";
const API_KEY: &str = "SK0123456789abcdef0123456789abcdef";
const API_SECRET: &str = "keysecret-SECRET-41c2";
const BEARER: &str = "bearer-SECRET-e8d0";
/// A path argument that may be personal data (an identity used as a session id): the
/// request builder prints it (the spec does not mark `id`), but errors never repeat arguments
/// or the filled path.
const PERSONAL: &str = "alice-at-example-com";

/// Everything that can be printed about `error`.
fn printed(error: &Error) -> String {
    let mut text = format!("{error}\n{error:?}\n{error:#?}\n");
    let mut cause = error.source();
    while let Some(level) = cause {
        text.push_str(&format!("{level}\n{level:?}\n"));
        cause = level.source();
    }
    text
}

fn assert_clean(what: &str, text: &str) {
    assert_no_credentials(what, text);
    assert!(
        !text.contains(PERSONAL),
        "{what} prints {PERSONAL}:\n{text}"
    );
}

fn assert_no_credentials(what: &str, text: &str) {
    let secrets = [
        AUTH_TOKEN,
        API_SECRET,
        BEARER,
        &basic(ACCOUNT_SID, AUTH_TOKEN)["Basic ".len()..],
        &basic(API_KEY, API_SECRET)["Basic ".len()..],
    ];
    for secret in secrets {
        assert!(!text.contains(secret), "{what} prints {secret}:\n{text}");
    }
}

fn builder(base_url: &str) -> ClientBuilder {
    Client::builder()
        .account_sid(ACCOUNT_SID)
        .auth_token(AUTH_TOKEN)
        .bearer_token(BEARER)
        .base_url(base_url)
        .timeout(Duration::from_millis(300))
        .retry_backoff(Duration::from_millis(1), Duration::from_millis(5))
}

async fn answering(template: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(template)
        .mount(&server)
        .await;
    server
}

async fn fetch(client: &Client) -> Error {
    let request = client.assistants_v1().fetch_session(PERSONAL);
    assert_no_credentials("a request builder", &format!("{request:?}"));
    request.send().await.unwrap_err()
}

#[tokio::test]
async fn no_error_path_prints_a_credential_or_a_personal_argument() {
    let mut cases: Vec<(&str, Error)> = Vec::new();

    // Configuration.
    let configs = [
        (
            "missing account SID",
            Client::builder().auth_token(AUTH_TOKEN).build(),
        ),
        (
            "token given as the account SID",
            Client::builder()
                .account_sid(AUTH_TOKEN)
                .auth_token(ACCOUNT_SID)
                .build(),
        ),
        (
            "API secret given as the key",
            Client::builder()
                .account_sid(ACCOUNT_SID)
                .api_key(API_SECRET, API_SECRET)
                .base_url("not a url")
                .build(),
        ),
        (
            "credentials in the base URL",
            builder(&format!(
                "https://{ACCOUNT_SID}:{AUTH_TOKEN}@api.example.com"
            ))
            .build(),
        ),
        (
            "plain http to another host",
            builder("http://api.example.com").build(),
        ),
        (
            "a bearer token that cannot be sent",
            Client::builder()
                .bearer_token(format!("{BEARER}\nX-Injected: 1"))
                .build(),
        ),
    ];
    for (what, result) in configs {
        cases.push((what, result.unwrap_err()));
    }

    // Arguments: a path argument that cannot be sent.
    let offline = builder("http://127.0.0.1:9").build().unwrap();
    assert_clean("the client", &format!("{offline:?} {offline:#?}"));
    assert_clean(
        "a client builder",
        &format!("{:?}", builder("http://127.0.0.1:9")),
    );
    let refused = offline
        .assistants_v1()
        .fetch_session("..")
        .send()
        .await
        .unwrap_err();
    cases.push(("a refused argument", refused));

    // Transport: nothing listening, then a server that never answers in time.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = closed.local_addr().unwrap();
    drop(closed);
    let nobody = builder(&format!("http://{address}"))
        .max_retries(0)
        .build()
        .unwrap();
    cases.push(("a refused connection", fetch(&nobody).await));
    let slow = answering(ResponseTemplate::new(200).set_delay(Duration::from_secs(5))).await;
    let client = builder(&slow.uri()).max_retries(0).build().unwrap();
    cases.push(("a timeout", fetch(&client).await));

    // Twilio's answers: errors of each shape, retries exhausted, undecodable successes.
    let answers = [
        (
            "a Twilio error",
            ResponseTemplate::new(401).set_body_json(json!({
                "code": 20003, "message": "Authenticate", "more_info": "https://www.twilio.com/docs/errors/20003", "status": 401
            })),
        ),
        (
            "an RFC 9457 problem",
            ResponseTemplate::new(400)
                .set_body_json(json!({"type": "about:blank", "title": "Bad", "detail": "bad", "status": 400})),
        ),
        (
            "an HTML error page",
            ResponseTemplate::new(502).set_body_string("<html>bad gateway</html>"),
        ),
        (
            "retries exhausted",
            ResponseTemplate::new(503).insert_header("Retry-After", "0"),
        ),
        (
            "a success body of the wrong shape",
            ResponseTemplate::new(200).set_body_json(json!({"id": 42})),
        ),
        (
            "a personal value of the wrong type (decode errors name the kind, not the value)",
            ResponseTemplate::new(200).set_body_json(json!({"id": "s", "verified": PERSONAL})),
        ),
        (
            "a success body that is not JSON",
            ResponseTemplate::new(200).set_body_string("{\"id\": "),
        ),
        (
            "an unexpected redirect",
            ResponseTemplate::new(302).insert_header("Location", "https://evil.example.com/"),
        ),
    ];
    for (what, template) in answers {
        let server = answering(template).await;
        let client = builder(&server.uri()).build().unwrap();
        cases.push((what, fetch(&client).await));
        let key_client = Client::builder()
            .account_sid(ACCOUNT_SID)
            .api_key(API_KEY, API_SECRET)
            .base_url(server.uri())
            .max_retries(0)
            .build()
            .unwrap();
        cases.push((what, fetch(&key_client).await));
    }

    let kinds: std::collections::BTreeSet<&str> = cases
        .iter()
        .map(|(_, error)| match error {
            Error::Config(_) => "config",
            Error::InvalidArgument(_) => "invalid argument",
            Error::Transport(_) => "transport",
            Error::Api(_) => "api",
            Error::Decode(_) => "decode",
            Error::Auth(_) => "auth",
            _ => "other",
        })
        .collect();
    assert_eq!(
        kinds.into_iter().collect::<Vec<_>>(),
        ["api", "config", "decode", "invalid argument", "transport"],
        "every error variant reachable from this crate's operations is driven"
    );
    for (what, error) in &cases {
        assert_clean(what, &printed(error));
    }
}
