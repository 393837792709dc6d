//! The retry table of `ClientBuilder::max_retries`, one rule at a time, on loopback: what is
//! retried for a read and for a write, what the server received (per request identity), and
//! what the error tells the caller.

#![allow(clippy::unwrap_used)] // A panic in a test is a failed test.

mod support;

use std::time::{Duration, Instant};

use support::faults::{Fault, FaultServer};
use support::{Thing, builder, create, fetch};
use twilio_api_runtime::request::Request;
use twilio_api_runtime::{Client, Error, TransportErrorKind};

/// A client with up to `retries` retries, a short timeout and a 10 s time limit.
fn client(server: &FaultServer, retries: u32) -> Client {
    builder(&server.uri())
        .max_retries(retries)
        .timeout(Duration::from_millis(300))
        .retry_time_limit(Duration::from_secs(10))
        .build()
        .unwrap()
}

async fn call(client: &Client, request: &Request) -> Result<Thing, Error> {
    client.execute::<Thing>(request).await
}

/// Runs `request` against a server scripted with `script` (then correct answers): the
/// result and the answers the server gave to it.
async fn against(
    script: &[Fault],
    retries: u32,
    request: fn(&str) -> Request,
) -> (Result<Thing, Error>, Vec<Fault>) {
    let server = FaultServer::scripted(script).await;
    let result = call(&client(&server, retries), &request("m1")).await;
    (result, server.finish("m1"))
}

fn transport_kind(error: &Error) -> Option<TransportErrorKind> {
    match error {
        Error::Transport(transport) => Some(transport.kind),
        _ => None,
    }
}

#[tokio::test]
async fn a_429_is_retried_for_reads_and_writes_and_says_nothing_was_applied() {
    for request in [fetch, create] {
        let (result, answers) = against(&[Fault::TooManySeconds(0)], 2, request).await;
        assert_eq!(result.unwrap().sid, "m1");
        assert_eq!(answers, [Fault::TooManySeconds(0), Fault::Ok]);

        // Retried until max_retries; the last 429 is returned, and the write was not applied.
        let (result, answers) = against(&[Fault::TooManyDate(0); 5], 2, request).await;
        let error = result.unwrap_err();
        assert_eq!(error.status(), Some(429));
        assert!(!error.is_write_maybe_applied(), "{error:?}");
        assert_eq!(answers.len(), 3, "the first attempt and two retries");
    }
}

#[tokio::test]
async fn a_write_waits_out_retry_after_in_seconds_and_as_a_date() {
    for fault in [Fault::TooManySeconds(1), Fault::TooManyDate(2)] {
        let started = Instant::now();
        let (result, answers) = against(&[fault], 1, create).await;
        assert_eq!(result.unwrap().sid, "m1");
        assert_eq!(answers, [fault, Fault::Ok]);
        // A date has whole seconds: two seconds ahead is more than one from now.
        assert!(started.elapsed() >= Duration::from_millis(990), "{fault:?}");
    }
}

#[tokio::test]
async fn a_retry_after_past_the_time_limit_is_not_waited_for_even_by_a_write() {
    let server = FaultServer::scripted(&[Fault::TooManySeconds(30)]).await;
    let client = builder(&server.uri())
        .retry_time_limit(Duration::from_secs(2))
        .build()
        .unwrap();
    let started = Instant::now();
    let error = call(&client, &create("m1")).await.unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(2));
    assert_eq!(error.status(), Some(429));
    assert_eq!(server.finish("m1").len(), 1);
}

#[tokio::test]
async fn a_503_is_retried_for_reads_only() {
    let (result, answers) = against(&[Fault::Status(503)], 2, fetch).await;
    assert!(result.is_ok());
    assert_eq!(answers, [Fault::Status(503), Fault::Ok]);

    let (result, answers) = against(&[Fault::Status(503)], 2, create).await;
    let error = result.unwrap_err();
    assert_eq!(error.status(), Some(503));
    assert!(error.is_write_maybe_applied(), "{error:?}");
    assert!(matches!(
        &error,
        Error::Api(api) if api.write_maybe_applied && api.status == 503
    ));
    assert_eq!(answers.len(), 1, "sent once");
}

#[tokio::test]
async fn other_5xx_are_retried_for_nobody_and_a_write_may_have_been_applied() {
    for status in [500, 502, 504] {
        let (result, answers) = against(&[Fault::Status(status)], 2, fetch).await;
        let error = result.unwrap_err();
        assert_eq!((error.status(), answers.len()), (Some(status), 1));
        assert!(!error.is_write_maybe_applied(), "a read: {error:?}");

        let (result, answers) = against(&[Fault::Status(status)], 2, create).await;
        let error = result.unwrap_err();
        assert_eq!((error.status(), answers.len()), (Some(status), 1));
        assert!(error.is_write_maybe_applied(), "{error:?}");
    }
}

#[tokio::test]
async fn a_timeout_is_not_retried_and_a_write_may_have_been_applied() {
    for (request, applied) in [(fetch as fn(&str) -> Request, false), (create, true)] {
        let (result, answers) = against(&[Fault::Trickle], 2, request).await;
        let error = result.unwrap_err();
        assert_eq!(transport_kind(&error), Some(TransportErrorKind::Timeout));
        assert_eq!(error.is_write_maybe_applied(), applied, "{error:?}");
        assert_eq!(answers, [Fault::Trickle]);
    }
}

#[tokio::test]
async fn a_reset_after_the_request_was_written_is_not_retried() {
    for fault in [
        Fault::ResetBeforeHeaders,
        Fault::ResetAfterHeaders,
        Fault::PartialBody,
    ] {
        // Reads keep today's rule: only a connection never made is retried.
        let (result, answers) = against(&[fault], 2, fetch).await;
        let error = result.unwrap_err();
        assert!(!error.is_write_maybe_applied(), "{fault:?}: {error:?}");
        assert_eq!(answers, [fault]);

        let (result, answers) = against(&[fault], 2, create).await;
        let error = result.unwrap_err();
        assert!(
            matches!(&error, Error::Transport(t) if t.write_maybe_applied),
            "{fault:?}: {error:?}"
        );
        assert_eq!(answers, [fault], "the write reached the server once");
    }
}

#[tokio::test]
async fn a_4xx_is_final_and_says_the_write_was_refused() {
    for status in [400, 404, 409] {
        for request in [fetch as fn(&str) -> Request, create] {
            let (result, answers) = against(&[Fault::Status(status)], 2, request).await;
            let error = result.unwrap_err();
            assert_eq!(error.status(), Some(status));
            assert_eq!(error.code(), Some(20000 + i64::from(status)));
            assert!(!error.is_write_maybe_applied(), "{error:?}");
            assert_eq!(answers.len(), 1);
        }
    }
}

/// A port nothing listens on (just released).
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[tokio::test]
async fn a_refused_connection_is_retried_for_writes_until_the_server_is_there() {
    let port = free_port();
    let client = support::builder(&format!("http://127.0.0.1:{port}"))
        .max_retries(100)
        .retry_backoff(Duration::from_millis(20), Duration::from_millis(20))
        .retry_time_limit(Duration::from_secs(10))
        .build()
        .unwrap();
    // The server comes up while the client is retrying.
    let call = tokio::spawn({
        let client = client.clone();
        async move { client.execute::<Thing>(&create("m1")).await }
    });
    tokio::time::sleep(Duration::from_millis(150)).await;
    let listener = std::net::TcpListener::bind(("127.0.0.1", port)).unwrap();
    let server = FaultServer::on(listener).await;
    let thing = call.await.unwrap().unwrap();
    assert_eq!(thing.sid, "m1");
    assert_eq!(server.finish("m1"), [Fault::Ok], "received once");
}

#[tokio::test]
async fn a_refused_connection_is_a_connect_error_that_sent_nothing() {
    let base = format!("http://127.0.0.1:{}", free_port());
    for retry_writes in [true, false] {
        let client = builder(&base)
            .max_retries(2)
            .retry_writes(retry_writes)
            .build()
            .unwrap();
        for request in [fetch("m1"), create("m1")] {
            let error = call(&client, &request).await.unwrap_err();
            assert_eq!(transport_kind(&error), Some(TransportErrorKind::Connect));
            assert!(!error.is_write_maybe_applied(), "{error:?}");
            assert!(error.is_retryable());
        }
    }
}

/// A plain TCP server that answers anything (a TLS ClientHello) with plain HTTP and closes:
/// every TLS handshake with it fails. Its address and how many connections it accepted.
fn not_tls() -> (
    std::net::SocketAddr,
    std::sync::Arc<std::sync::atomic::AtomicUsize>,
) {
    use std::io::{Read as _, Write as _};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let accepted = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counter = std::sync::Arc::clone(&accepted);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let _ = stream.read(&mut [0; 4096]);
            let _ = stream.write_all(b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n");
        }
    });
    (addr, accepted)
}

#[tokio::test]
async fn a_failed_tls_handshake_is_retried_for_writes_unless_writes_are_never_retried() {
    for (retry_writes, request, connections) in [
        (true, create as fn(&str) -> Request, 3),
        (true, fetch, 3),
        (false, create, 1),
        (false, fetch, 3),
    ] {
        let (addr, accepted) = not_tls();
        let client = builder(&format!("https://{addr}"))
            .max_retries(2)
            .retry_writes(retry_writes)
            .build()
            .unwrap();
        let error = call(&client, &request("m1")).await.unwrap_err();
        assert_eq!(
            transport_kind(&error),
            Some(TransportErrorKind::Connect),
            "{error:?}"
        );
        assert!(
            !error.is_write_maybe_applied(),
            "the request was never written"
        );
        assert_eq!(
            accepted.load(std::sync::atomic::Ordering::SeqCst),
            connections,
            "retry_writes({retry_writes})"
        );
    }
}

#[tokio::test]
async fn retry_writes_false_sends_a_write_once_whatever_happens() {
    let server = FaultServer::scripted(&[Fault::TooManySeconds(0), Fault::Status(503)]).await;
    let client = builder(&server.uri())
        .max_retries(3)
        .retry_writes(false)
        .build()
        .unwrap();
    let error = call(&client, &create("m1")).await.unwrap_err();
    assert_eq!(error.status(), Some(429));
    assert!(!error.is_write_maybe_applied(), "Twilio refused it");
    assert_eq!(server.finish("m1"), [Fault::TooManySeconds(0)]);
    // Reads are retried as before.
    assert!(call(&client, &fetch("m2")).await.is_ok());
    assert_eq!(server.finish("m2"), [Fault::Status(503), Fault::Ok]);
}

/// A resolver that knows no name, counting how often it was asked: a DNS failure, with
/// nothing sent anywhere.
struct NoSuchHost(std::sync::Arc<std::sync::atomic::AtomicUsize>);

impl reqwest::dns::Resolve for NoSuchHost {
    fn resolve(&self, _name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        self.0.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        Box::pin(async {
            Err::<reqwest::dns::Addrs, Box<dyn std::error::Error + Send + Sync>>(
                "no such host".into(),
            )
        })
    }
}

#[tokio::test]
async fn a_dns_failure_is_retried_for_writes_and_sent_nothing() {
    for (retry_writes, request, lookups) in [
        (true, create as fn(&str) -> Request, 3),
        (true, fetch, 3),
        (false, create, 1),
        (false, fetch, 3),
    ] {
        let asked = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let http = twilio_api_runtime::http_client_builder()
            .unwrap()
            .dns_resolver(NoSuchHost(std::sync::Arc::clone(&asked)))
            .build()
            .unwrap();
        let client = builder("https://api.twilio.invalid")
            .http_client(http)
            .max_retries(2)
            .retry_writes(retry_writes)
            .build()
            .unwrap();
        let error = call(&client, &request("m1")).await.unwrap_err();
        assert_eq!(
            transport_kind(&error),
            Some(TransportErrorKind::Connect),
            "{error:?}"
        );
        assert!(!error.is_write_maybe_applied(), "nothing was sent");
        assert_eq!(
            asked.load(std::sync::atomic::Ordering::SeqCst),
            lookups,
            "retry_writes({retry_writes})"
        );
    }
}
