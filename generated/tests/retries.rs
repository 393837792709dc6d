//! Retries: idempotent requests are retried on 429, 503 and failed connections with backoff,
//! honouring `Retry-After`, bounded by `max_retries` and the time limit; timeouts are reported.

#![allow(clippy::unwrap_used)] // A panic in a test is a failed test.

mod common;

use std::time::{Duration, Instant};

use common::{ACCOUNT_SID, AUTH_TOKEN, client_for, data, requests};
use twilio_api::{Client, Error, TransportErrorKind};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

fn fast_client(server: &MockServer, max_retries: u32) -> Client {
    Client::builder()
        .account_sid(ACCOUNT_SID)
        .auth_token(AUTH_TOKEN)
        .base_url(server.uri())
        .max_retries(max_retries)
        .retry_backoff(Duration::from_millis(1), Duration::from_millis(10))
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_429_with_retry_after_is_waited_out_then_succeeds() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "1"))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(data("session.json")))
        .mount(&server)
        .await;
    let started = Instant::now();
    let session = client_for(&server)
        .assistants_v1()
        .fetch_session("s")
        .send()
        .await
        .unwrap();
    assert_eq!(session.id.as_deref(), Some("your-session-id"));
    assert_eq!(requests(&server).await.len(), 2);
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "Retry-After: 1 was honoured"
    );
}

#[tokio::test]
async fn retries_stop_after_max_retries() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(503))
        .mount(&server)
        .await;
    let error = fast_client(&server, 2)
        .assistants_v1()
        .fetch_session("s")
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(503));
    assert!(error.is_retryable());
    assert_eq!(
        requests(&server).await.len(),
        3,
        "the first attempt and two retries"
    );
}

#[tokio::test]
async fn max_retries_zero_sends_once() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(429))
        .mount(&server)
        .await;
    let error = fast_client(&server, 0)
        .assistants_v1()
        .fetch_session("s")
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(429));
    assert_eq!(requests(&server).await.len(), 1);
}

#[tokio::test]
async fn other_server_errors_are_not_retried_automatically() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(500))
        .mount(&server)
        .await;
    let error = fast_client(&server, 3)
        .assistants_v1()
        .fetch_session("s")
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(500));
    assert_eq!(requests(&server).await.len(), 1);
}

#[tokio::test]
async fn a_retry_after_beyond_the_time_limit_is_not_waited_for() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "120"))
        .mount(&server)
        .await;
    let started = Instant::now();
    let error = client_for(&server)
        .assistants_v1()
        .fetch_session("s")
        .send()
        .await
        .unwrap_err();
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "gave up at once instead of waiting 120 s"
    );
    assert_eq!(
        error.api_error().unwrap().retry_after,
        Some(Duration::from_secs(120))
    );
    assert_eq!(requests(&server).await.len(), 1);
}

#[tokio::test]
async fn connection_failures_are_retried_then_reported() {
    // A port that was just free: nothing listens there.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let client = Client::builder()
        .account_sid(ACCOUNT_SID)
        .auth_token(AUTH_TOKEN)
        .base_url(format!("http://127.0.0.1:{port}"))
        .max_retries(1)
        .retry_backoff(Duration::from_millis(1), Duration::from_millis(5))
        .build()
        .unwrap();
    let error = client
        .assistants_v1()
        .fetch_session("s")
        .send()
        .await
        .unwrap_err();
    let Error::Transport(transport) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(transport.kind, TransportErrorKind::Connect);
    assert!(error.is_retryable());
    assert_eq!(error.status(), None);
    assert_eq!(
        error.to_string(),
        "FetchSession (GET): could not connect to the server"
    );
    // The reason is a cause, for error reporters to print once.
    let mut causes = Vec::new();
    let mut cause = std::error::Error::source(&error);
    while let Some(error) = cause {
        causes.push(error.to_string());
        cause = error.source();
    }
    assert!(causes.iter().any(|c| c.contains("refused")), "{causes:?}");
}

#[tokio::test]
async fn a_slow_server_times_out() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(data("session.json"))
                .set_delay(Duration::from_secs(3)),
        )
        .mount(&server)
        .await;
    let client = Client::builder()
        .account_sid(ACCOUNT_SID)
        .auth_token(AUTH_TOKEN)
        .base_url(server.uri())
        .timeout(Duration::from_millis(200))
        .build()
        .unwrap();
    let error = client
        .assistants_v1()
        .fetch_session("s")
        .send()
        .await
        .unwrap_err();
    let Error::Transport(transport) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(transport.kind, TransportErrorKind::Timeout);
    assert!(error.to_string().contains("timed out"), "{error}");
    assert_eq!(requests(&server).await.len(), 1, "timeouts are not retried");
}
