//! The `tracing` feature: one span per call with the operation, method, path template,
//! status, attempts and duration; each retry an event in it; never credentials, path
//! arguments, query values or bodies. Run with `cargo test -p twilio-api --features tracing
//! --test tracing` (`.ci/run` does).

#![cfg(feature = "tracing")]
#![allow(clippy::unwrap_used)] // A panic in a test is a failed test.

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex};

use common::{ACCOUNT_SID, AUTH_TOKEN, basic, client_for};
use serde_json::json;
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::fmt::format::FmtSpan;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// Everything the subscriber printed.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Captured {
    fn text(&self) -> String {
        String::from_utf8(self.0.lock().unwrap().clone()).unwrap()
    }
}

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for Captured {
    type Writer = Captured;
    fn make_writer(&'a self) -> Captured {
        self.clone()
    }
}

/// Installs a subscriber printing every span (when it closes, with its fields) and event at
/// every level, for the current thread.
fn capture() -> (Captured, tracing::subscriber::DefaultGuard) {
    let captured = Captured::default();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(captured.clone())
        .with_ansi(false)
        .with_max_level(tracing::Level::TRACE)
        .with_span_events(FmtSpan::CLOSE)
        .finish();
    (captured, tracing::subscriber::set_default(subscriber))
}

const IDENTITY: &str = "alice@example.com";
const SESSION: &str = "sess_private_42";

#[tokio::test]
async fn a_call_is_one_span_with_retries_as_events_and_nothing_personal_or_secret() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("/v1/Sessions/{SESSION}")))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"id": SESSION, "identity": IDENTITY})),
        )
        .mount(&server)
        .await;
    let (captured, _guard) = capture();
    let session = client_for(&server)
        .assistants_v1()
        .fetch_session(SESSION)
        .send()
        .await
        .unwrap();
    assert_eq!(session.identity.as_deref(), Some(IDENTITY));
    let output = captured.text();

    let lines: Vec<&str> = output.lines().collect();
    let retry = lines
        .iter()
        .find(|l| l.contains("retrying"))
        .expect(&output);
    for field in ["attempt=1", "status=503", "error=\"api\"", "delay_ms="] {
        assert!(retry.contains(field), "{field} in {retry}");
    }
    let closed = lines.iter().find(|l| l.contains("close")).expect(&output);
    for field in [
        "request{",
        "operation=\"FetchSession\"",
        "method=\"GET\"",
        "path=\"/v1/Sessions/{id}\"",
        "status=200",
        "attempts=2",
        "duration_ms=",
    ] {
        assert!(closed.contains(field), "{field} in {closed}");
    }
    assert_eq!(
        lines.iter().filter(|l| l.contains("close")).count(),
        1,
        "one span per call, retries included: {output}"
    );
    for secret in [
        AUTH_TOKEN,
        ACCOUNT_SID,
        basic(ACCOUNT_SID, AUTH_TOKEN).as_str(),
        SESSION,
        IDENTITY,
    ] {
        assert!(!output.contains(secret), "{secret} leaked into {output}");
    }
}

#[tokio::test]
async fn a_failed_call_records_its_status_and_kind_but_not_the_message() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(404).set_body_json(json!({
            "code": 20404,
            "message": format!("The requested resource /v1/Sessions/{SESSION} was not found"),
            "status": 404
        })))
        .mount(&server)
        .await;
    let (captured, _guard) = capture();
    let error = client_for(&server)
        .assistants_v1()
        .fetch_session(SESSION)
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(404));
    let output = captured.text();
    for field in ["status=404", "error=\"api\"", "attempts=1"] {
        assert!(output.contains(field), "{field} in {output}");
    }
    assert!(!output.contains(SESSION), "{output}");
    assert!(!output.contains("was not found"), "{output}");
}

#[tokio::test]
async fn a_refused_connection_is_traced_as_such() {
    let unused = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = unused.local_addr().unwrap();
    drop(unused);
    let client = twilio_api::Client::builder()
        .account_sid(ACCOUNT_SID)
        .auth_token(AUTH_TOKEN)
        .base_url(format!("http://{address}"))
        .max_retries(0)
        .build()
        .unwrap();
    let (captured, _guard) = capture();
    let error = client
        .assistants_v1()
        .list_sessions()
        .send()
        .await
        .unwrap_err();
    assert!(matches!(error, twilio_api::Error::Transport(_)), "{error}");
    let output = captured.text();
    assert!(output.contains("error=\"connect\""), "{output}");
    assert!(!output.contains(AUTH_TOKEN), "{output}");
}
