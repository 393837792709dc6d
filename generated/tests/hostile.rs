//! Hostile and broken servers: every case ends in a typed error (or a bounded wait), never a
//! panic, an unbounded allocation or a request somewhere unexpected.
//!
//! wiremock serves what it can; a raw TCP server (a thread on loopback) serves what it cannot:
//! endless and slow bodies, resets, lying `Content-Length`s and non-HTTP answers.

#![allow(clippy::unwrap_used)] // A panic in a test is a failed test.

mod common;

use std::io::{Read as _, Write as _};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use common::{ACCOUNT_SID, AUTH_TOKEN, basic, client_for, requests};
use futures::StreamExt as _;
use serde_json::{Value, json};
use twilio_api::{Client, Error, TransportErrorKind};
use wiremock::matchers::{any, method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// What a raw server did: bytes written, and whether a handler ran to its end (it stops at
/// the first failed write, when the client has gone).
#[derive(Clone, Default)]
struct Tally {
    written: Arc<AtomicU64>,
    finished: Arc<AtomicBool>,
}

impl Tally {
    fn written(&self) -> u64 {
        self.written.load(Ordering::SeqCst)
    }
}

/// One connection of a raw server; writes are counted.
struct Conn<'a> {
    stream: TcpStream,
    tally: &'a Tally,
}

impl Conn<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.stream.write_all(bytes)?;
        self.tally
            .written
            .fetch_add(bytes.len() as u64, Ordering::SeqCst);
        Ok(())
    }
}

type Respond = fn(&mut Conn<'_>) -> std::io::Result<()>;

/// A server on loopback that reads each request's head and answers with `respond`, in a
/// thread per connection. The threads end with the test process.
fn raw_server(respond: Respond) -> (SocketAddr, Tally) {
    serve(true, respond)
}

/// A server that answers without reading the request: closing the connection with the
/// request still unread makes the kernel send a reset (RST) instead of a normal close.
fn resetting_server(respond: Respond) -> (SocketAddr, Tally) {
    serve(false, respond)
}

fn serve(read_request: bool, respond: Respond) -> (SocketAddr, Tally) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let tally = Tally::default();
    let shared = tally.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let tally = shared.clone();
            std::thread::spawn(move || {
                let mut conn = Conn {
                    stream,
                    tally: &tally,
                };
                let read = !read_request || read_head(&mut conn.stream).is_ok();
                if read && respond(&mut conn).is_ok() {
                    tally.finished.store(true, Ordering::SeqCst);
                }
            });
        }
    });
    (addr, tally)
}

/// Reads up to the end of a request's head (the client's requests here have no body).
fn read_head(stream: &mut TcpStream) -> std::io::Result<()> {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        if stream.read(&mut byte)? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        head.push(byte[0]);
    }
    Ok(())
}

/// A client for a raw server: no retries, and a timeout the test can wait out quickly.
fn raw_client(
    addr: SocketAddr,
    configure: impl FnOnce(twilio_api::ClientBuilder) -> twilio_api::ClientBuilder,
) -> Client {
    let builder = Client::builder()
        .account_sid(ACCOUNT_SID)
        .auth_token(AUTH_TOKEN)
        .base_url(format!("http://{addr}"))
        .max_retries(0)
        .timeout(Duration::from_secs(5));
    configure(builder).build().unwrap()
}

async fn fetch(client: &Client) -> Result<twilio_api::assistants_v1::Session, Error> {
    client.assistants_v1().fetch_session("sess_1").send().await
}

/// Waits until the server has stopped writing (its handler failed or ended), and returns
/// how much it wrote.
async fn settled(tally: &Tally) -> u64 {
    let mut last = tally.written();
    loop {
        tokio::time::sleep(Duration::from_millis(100)).await;
        let now = tally.written();
        if now == last {
            return now;
        }
        last = now;
    }
}

const MIB: u64 = 1024 * 1024;

fn endless_chunks(conn: &mut Conn<'_>, status: &str) -> std::io::Result<()> {
    conn.write(format!("HTTP/1.1 {status}\r\nTransfer-Encoding: chunked\r\n\r\n").as_bytes())?;
    let chunk = format!("4000\r\n{}\r\n", "x".repeat(0x4000));
    loop {
        conn.write(chunk.as_bytes())?;
    }
}

#[tokio::test]
async fn an_endless_chunked_error_body_is_cut_at_64_kib_and_the_rest_never_read() {
    let (addr, tally) = raw_server(|conn| endless_chunks(conn, "500 Internal Server Error"));
    let started = Instant::now();
    let error = fetch(&raw_client(addr, |b| b)).await.unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(3));
    let api = error.api_error().unwrap_or_else(|| panic!("{error:?}"));
    assert_eq!(api.status(), 500);
    assert_eq!(api.body().len(), 64 * 1024);
    // The client closed the connection: the server's writes failed soon after the cap.
    let written = settled(&tally).await;
    assert!(written < 32 * MIB, "the server wrote {written} bytes");
    assert!(!tally.finished.load(Ordering::SeqCst));
}

#[tokio::test]
async fn a_50_mib_error_body_with_its_length_is_cut_at_64_kib() {
    let (addr, tally) = raw_server(|conn| {
        let size = 50 * MIB;
        conn.write(
            format!("HTTP/1.1 502 Bad Gateway\r\nContent-Length: {size}\r\n\r\n").as_bytes(),
        )?;
        let block = vec![b'<'; 64 * 1024];
        for _ in 0..size / block.len() as u64 {
            conn.write(&block)?;
        }
        Ok(())
    });
    let error = fetch(&raw_client(addr, |b| b)).await.unwrap_err();
    let api = error.api_error().unwrap_or_else(|| panic!("{error:?}"));
    assert_eq!((api.status(), api.body().len()), (502, 64 * 1024));
    let written = settled(&tally).await;
    assert!(
        written < 50 * MIB,
        "the whole body was sent ({written} bytes)"
    );
    assert!(!tally.finished.load(Ordering::SeqCst));
}

#[tokio::test]
async fn an_endless_success_body_stops_at_max_response_size() {
    let (addr, tally) = raw_server(|conn| endless_chunks(conn, "200 OK"));
    let client = raw_client(addr, |b| b.max_response_size(MIB as usize));
    let error = fetch(&client).await.unwrap_err();
    let Error::Decode(decode) = &error else {
        panic!("expected a decode error, got {error:?}");
    };
    assert_eq!(decode.status, 200);
    assert!(decode.message.contains("max_response_size"), "{error}");
    assert!(decode.snippet.as_deref().unwrap().starts_with("xxxx"));
    let written = settled(&tally).await;
    assert!(written < 32 * MIB, "the server wrote {written} bytes");
}

#[tokio::test]
async fn an_announced_length_above_the_limit_is_refused_before_reading() {
    // The body never comes: only the announced length can end this before the timeout.
    let (addr, _) = raw_server(|conn| {
        conn.write(b"HTTP/1.1 200 OK\r\nContent-Length: 1073741824\r\n\r\n{")?;
        std::thread::sleep(Duration::from_secs(10));
        Ok(())
    });
    let started = Instant::now();
    let error = fetch(&raw_client(addr, |b| b.max_response_size(MIB as usize)))
        .await
        .unwrap_err();
    assert!(
        matches!(&error, Error::Decode(e) if e.message.contains("1048576 bytes")),
        "{error:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(2));

    // The default limit is 64 MiB.
    let (addr, _) = raw_server(|conn| {
        let length = 64 * MIB + 1;
        conn.write(format!("HTTP/1.1 200 OK\r\nContent-Length: {length}\r\n\r\n").as_bytes())?;
        std::thread::sleep(Duration::from_secs(10));
        Ok(())
    });
    let error = fetch(&raw_client(addr, |b| b)).await.unwrap_err();
    assert!(
        matches!(&error, Error::Decode(e) if e.message.contains("67108864 bytes")),
        "{error:?}"
    );
    let (addr, _) = raw_server(|conn| {
        let body = br#"{"id": "sess_1"}"#;
        let head = format!("HTTP/1.1 200 OK\r\nContent-Length: {}\r\n\r\n", body.len());
        conn.write(head.as_bytes())?;
        conn.write(body)
    });
    let exact = raw_client(addr, |b| b.max_response_size(16));
    assert_eq!(fetch(&exact).await.unwrap().id.as_deref(), Some("sess_1"));
}

fn drip(conn: &mut Conn<'_>, head: &str) -> std::io::Result<()> {
    conn.write(head.as_bytes())?;
    loop {
        std::thread::sleep(Duration::from_millis(100));
        conn.write(b" ")?;
    }
}

#[tokio::test]
async fn a_slow_drip_body_ends_at_the_timeout() {
    let (addr, _) =
        raw_server(|conn| drip(conn, "HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n"));
    let timeout = Duration::from_millis(600);
    let started = Instant::now();
    let error = fetch(&raw_client(addr, |b| b.timeout(timeout)))
        .await
        .unwrap_err();
    let elapsed = started.elapsed();
    assert!(
        matches!(&error, Error::Transport(e) if e.kind == TransportErrorKind::Timeout),
        "{error:?}"
    );
    assert_eq!(
        error.to_string(),
        "FetchSession (GET): timed out reading the response body"
    );
    assert!(error.is_retryable());
    assert!(elapsed >= timeout && elapsed < timeout * 3, "{elapsed:?}");
}

#[tokio::test]
async fn a_slow_drip_error_body_keeps_its_status_and_what_arrived() {
    let (addr, _) = raw_server(|conn| {
        drip(
            conn,
            "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 100000\r\n\r\nbusy",
        )
    });
    let started = Instant::now();
    let error = fetch(&raw_client(addr, |b| b.timeout(Duration::from_millis(500))))
        .await
        .unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(2));
    let api = error.api_error().unwrap_or_else(|| panic!("{error:?}"));
    assert_eq!(api.status(), 503);
    assert!(api.body().starts_with(b"busy"), "{:?}", api.body());
}

#[tokio::test]
async fn a_server_that_never_answers_times_out_waiting() {
    let (addr, _) = raw_server(|_| {
        std::thread::sleep(Duration::from_secs(10));
        Ok(())
    });
    let error = fetch(&raw_client(addr, |b| b.timeout(Duration::from_millis(300))))
        .await
        .unwrap_err();
    assert!(
        matches!(&error, Error::Transport(e) if e.kind == TransportErrorKind::Timeout),
        "{error:?}"
    );
    assert_eq!(
        error.to_string(),
        "FetchSession (GET): timed out waiting for the response"
    );
}

#[tokio::test]
async fn a_body_cut_short_by_a_close_or_a_reset_is_a_body_error() {
    // Content-Length promises more than is sent, then the connection closes.
    let (addr, _) = raw_server(|conn| {
        conn.write(b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n{\"id\": \"se")
    });
    let error = fetch(&raw_client(addr, |b| b)).await.unwrap_err();
    assert!(
        matches!(&error, Error::Transport(e) if e.kind == TransportErrorKind::Body),
        "{error:?}"
    );
    assert_eq!(
        error.to_string(),
        "FetchSession (GET): the response body could not be read to the end"
    );

    // A reset mid-body: the client has read the head and part of the body when the reset
    // comes.
    let (addr, _) = resetting_server(|conn| {
        std::thread::sleep(Duration::from_millis(50));
        conn.write(b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n{\"id\": \"se")?;
        std::thread::sleep(Duration::from_millis(100));
        Ok(())
    });
    let error = fetch(&raw_client(addr, |b| b)).await.unwrap_err();
    assert!(
        matches!(&error, Error::Transport(e) if e.kind == TransportErrorKind::Body),
        "{error:?}"
    );
}

#[tokio::test]
async fn a_content_length_shorter_than_the_body_gives_a_truncated_body_to_decode() {
    let (addr, _) = raw_server(|conn| {
        conn.write(b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n{\"id\": \"sess_1\"}")
    });
    let client = raw_client(addr, |b| b);
    let error = fetch(&client).await.unwrap_err();
    assert!(
        matches!(&error, Error::Decode(e) if e.status == 200 && e.message.contains("EOF")),
        "{error:?}"
    );
}

#[tokio::test]
async fn answers_that_are_not_http_are_transport_errors() {
    let (garbage, _) = raw_server(|conn| conn.write(b"SSH-2.0-OpenSSH_9.6\r\n\r\n"));
    let error = fetch(&raw_client(garbage, |b| b)).await.unwrap_err();
    assert!(matches!(error, Error::Transport(_)), "{error:?}");

    let (huge_head, _) = raw_server(|conn| {
        conn.write(b"HTTP/1.1 200 OK\r\n")?;
        let header = format!("X-Padding: {}\r\n", "p".repeat(8 * 1024));
        for _ in 0..1024 {
            conn.write(header.as_bytes())?;
        }
        conn.write(b"Content-Length: 2\r\n\r\n{}")
    });
    let started = Instant::now();
    let error = fetch(&raw_client(huge_head, |b| b)).await.unwrap_err();
    assert!(matches!(error, Error::Transport(_)), "{error:?}");
    assert!(started.elapsed() < Duration::from_secs(3));
}

async fn fetch_answered(response: ResponseTemplate) -> Error {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(response)
        .mount(&server)
        .await;
    fetch(&client_for(&server)).await.unwrap_err()
}

#[tokio::test]
async fn success_bodies_that_are_not_the_documented_json_are_decode_errors() {
    let cases: [(&str, ResponseTemplate, &str); 6] = [
        (
            "HTML with 200",
            ResponseTemplate::new(200).set_body_raw(
                "<html><body>Welcome to the captive portal</body></html>",
                "text/html",
            ),
            "expected value",
        ),
        (
            "the wrong shape",
            // (serde takes an array for a struct, field by field: `["sess_1"]` is a Session.)
            ResponseTemplate::new(200).set_body_json(json!("sess_1")),
            "expected struct Session",
        ),
        (
            "a field of the wrong type",
            ResponseTemplate::new(200).set_body_json(json!({"id": 5})),
            "invalid type: integer",
        ),
        (
            "invalid UTF-8",
            ResponseTemplate::new(200)
                .set_body_raw(b"{\"id\": \"\xff\xfe\"}".to_vec(), "application/json"),
            "invalid unicode",
        ),
        (
            "truncated JSON",
            ResponseTemplate::new(200)
                .set_body_raw("{\"id\": \"sess_1\", \"acc", "application/json"),
            "EOF",
        ),
        ("an empty body", ResponseTemplate::new(200), "EOF"),
    ];
    for (what, response, says) in cases {
        let error = fetch_answered(response).await;
        let Error::Decode(decode) = &error else {
            panic!("{what}: expected a decode error, got {error:?}");
        };
        assert_eq!(decode.status, 200, "{what}");
        assert!(decode.message.contains(says), "{what}: {error}");
        assert!(!error.is_retryable(), "{what}");
    }
    let error = fetch_answered(ResponseTemplate::new(200).set_body_json(json!({"id": 5}))).await;
    assert!(
        matches!(&error, Error::Decode(e) if e.path == "id"),
        "{error:?}"
    );
}

#[tokio::test]
async fn deeply_nested_json_is_refused_without_exhausting_the_stack() {
    // Error bodies are parsed as untyped JSON to find Twilio's fields; serde_json stops at
    // 128 levels, so the body falls back to a snippet.
    let nested = "[".repeat(100_000);
    let error =
        fetch_answered(ResponseTemplate::new(400).set_body_raw(nested.clone(), "application/json"))
            .await;
    let api = error.api_error().unwrap_or_else(|| panic!("{error:?}"));
    assert_eq!((api.status(), api.code()), (400, None));
    assert!(api.message().starts_with("[[[["), "{error}");
    assert_eq!(api.body().len(), 64 * 1024);

    let error = fetch_answered(
        ResponseTemplate::new(200).set_body_raw(format!("{{\"id\": {nested}"), "application/json"),
    )
    .await;
    assert!(matches!(error, Error::Decode(_)), "{error:?}");
}

#[tokio::test]
async fn any_retry_after_ends_in_a_bounded_wait() {
    let limit = Duration::from_secs(2);
    // (Retry-After, requests made with 2 retries allowed, the parsed wait)
    let cases: [(&str, usize, Option<Duration>); 9] = [
        ("999999999", 1, Some(Duration::from_secs(999_999_999))),
        (
            "18446744073709551615",
            1,
            Some(Duration::from_secs(u64::MAX)),
        ),
        ("Fri, 31 Dec 9999 23:59:59 GMT", 1, None),
        ("3", 1, Some(Duration::from_secs(3))),
        ("18446744073709551616", 3, None),
        ("-5", 3, None),
        ("Sun, 06 Nov 1994 08:49:37 GMT", 3, Some(Duration::ZERO)),
        ("soon", 3, None),
        ("1.5", 3, None),
    ];
    for (retry_after, sent, parsed) in cases {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", retry_after))
            .mount(&server)
            .await;
        let client = Client::builder()
            .account_sid(ACCOUNT_SID)
            .auth_token(AUTH_TOKEN)
            .base_url(server.uri())
            .retry_backoff(Duration::from_millis(1), Duration::from_millis(10))
            .retry_time_limit(limit)
            .build()
            .unwrap();
        let started = Instant::now();
        let error = fetch(&client).await.unwrap_err();
        assert!(
            started.elapsed() < limit,
            "{retry_after}: waited {:?}",
            started.elapsed()
        );
        let api = error.api_error().unwrap_or_else(|| panic!("{error:?}"));
        assert_eq!(api.status(), 429, "{retry_after}");
        assert_eq!(requests(&server).await.len(), sent, "{retry_after}");
        if retry_after.starts_with("Fri") {
            assert!(api.retry_after.unwrap() > Duration::from_secs(1 << 30));
        } else {
            assert_eq!(api.retry_after, parsed, "{retry_after}");
        }
    }
}

fn sessions(ids: &[&str], next: Value) -> Value {
    let items: Vec<Value> = ids.iter().map(|id| json!({"id": id})).collect();
    json!({"sessions": items, "meta": {"key": "sessions", "next_page_url": next}})
}

/// An API server whose first page links to `next`, and which answers any `PageToken=p2`
/// request with a last page; and an "evil" server that must receive nothing.
async fn paging(next: &str) -> (MockServer, MockServer) {
    let (api, evil) = (MockServer::start().await, MockServer::start().await);
    let next = next.replace("EVIL", &evil.address().to_string());
    Mock::given(path("/v1/Sessions"))
        .and(query_param_is_missing("PageToken"))
        .respond_with(ResponseTemplate::new(200).set_body_json(sessions(&["a", "b"], json!(next))))
        .mount(&api)
        .await;
    Mock::given(query_param("PageToken", "p2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(sessions(&["c"], Value::Null)))
        .mount(&api)
        .await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_json(sessions(&["evil"], Value::Null)))
        .mount(&evil)
        .await;
    (api, evil)
}

async fn all_sessions(client: &Client) -> Vec<Result<String, Error>> {
    client
        .assistants_v1()
        .list_sessions()
        .stream()
        .map(|item| item.map(|session| session.id.unwrap_or_default()))
        .collect()
        .await
}

#[tokio::test]
async fn next_page_links_to_other_hosts_only_ever_reach_the_clients_origin() {
    // (the link, the path and query then requested from the API server)
    let cases = [
        (
            "http://EVIL/v1/Sessions?PageToken=p2",
            "/v1/Sessions?PageToken=p2",
        ),
        (
            "https://user:pass@EVIL/v1/Sessions?PageToken=p2",
            "/v1/Sessions?PageToken=p2",
        ),
        (
            "http://EVIL/v1/../../admin/Keys?PageToken=p2",
            "/admin/Keys?PageToken=p2",
        ),
        (
            "http://EVIL/v1/Sessions?PageToken=p2&x=%0d%0aX-Injected:%201",
            "/v1/Sessions?PageToken=p2&x=%0d%0aX-Injected:%201",
        ),
        // `meta.next_page_url` is a URL field: decoding it drops raw tabs and line breaks,
        // as the URL standard says. (Links typed as strings, like Twilio's `next_page_uri`,
        // are refused for them instead: see the runtime's pagination tests.)
        (
            "http://EVIL/v1/Sessions?PageToken=p2&x=\r\nX-Injected: 1",
            "/v1/Sessions?PageToken=p2&x=X-Injected:%201",
        ),
    ];
    for (link, fetched) in cases {
        let (api, evil) = paging(link).await;
        let all = all_sessions(&client_for(&api)).await;
        let ids: Vec<&str> = all.iter().map(|r| r.as_deref().unwrap()).collect();
        assert_eq!(ids, ["a", "b", "c"], "{link}");
        let sent = requests(&api).await;
        assert_eq!(sent.len(), 2, "{link}");
        let second = &sent[1];
        let got = format!("{}?{}", second.url.path(), second.url.query().unwrap_or(""));
        assert_eq!(got, fetched, "{link}");
        // The client's own credentials, never the link's.
        let auth = second
            .headers
            .get("authorization")
            .unwrap()
            .to_str()
            .unwrap();
        assert_eq!(auth, basic(ACCOUNT_SID, AUTH_TOKEN), "{link}");
        assert!(second.headers.get("x-injected").is_none(), "{link}");
        assert!(
            requests(&evil).await.is_empty(),
            "{link}: the other host was called"
        );
    }
}

#[tokio::test]
async fn next_page_links_that_are_not_http_end_the_stream_with_a_decode_error() {
    let cases = [
        "file:///etc/passwd",
        "ftp://EVIL/v1/Sessions?PageToken=p2",
        "javascript:fetch('//EVIL/v1/Sessions?PageToken=p2')",
        "data:text/plain,PageToken=p2",
    ];
    for link in cases {
        let (api, evil) = paging(link).await;
        let all = all_sessions(&client_for(&api)).await;
        assert_eq!(all.len(), 3, "{link}: {all:?}");
        assert_eq!(all[0].as_deref().unwrap(), "a");
        assert_eq!(all[1].as_deref().unwrap(), "b");
        let error = all[2].as_ref().unwrap_err();
        assert!(
            matches!(error, Error::Decode(e) if e.operation == "ListSessions" && e.message.contains("is not an http(s) URL")),
            "{link}: {error:?}"
        );
        assert_eq!(requests(&api).await.len(), 1, "{link}");
        assert!(
            requests(&evil).await.is_empty(),
            "{link}: the other host was called"
        );
    }
}

#[tokio::test]
async fn next_page_links_that_do_not_parse_as_urls_end_the_stream() {
    // A URL field that does not parse decodes to `None` (the models' rule for URLs), which
    // ends paging as a missing link does.
    let cases = [
        "//EVIL/v1/Sessions?PageToken=p2",
        "http://[EVIL/v1/Sessions?PageToken=p2",
        "/v1/Sessions?PageToken=p2\r\nX-Injected: 1",
    ];
    for link in cases {
        let (api, evil) = paging(link).await;
        let all = all_sessions(&client_for(&api)).await;
        let ids: Vec<&str> = all.iter().map(|r| r.as_deref().unwrap()).collect();
        assert_eq!(ids, ["a", "b"], "{link}");
        assert_eq!(requests(&api).await.len(), 1, "{link}");
        assert!(
            requests(&evil).await.is_empty(),
            "{link}: the other host was called"
        );
    }
}

#[tokio::test]
async fn redirects_are_never_followed_to_another_origin_or_the_same() {
    let evil = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": "evil"})))
        .mount(&evil)
        .await;
    for status in [301, 302, 303, 307, 308] {
        for location in [
            format!("{}/v1/Sessions/sess_1", evil.uri()),
            "/v1/Sessions/other".to_owned(),
        ] {
            let api = MockServer::start().await;
            Mock::given(path("/v1/Sessions/other"))
                .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": "other"})))
                .mount(&api)
                .await;
            Mock::given(any())
                .respond_with(
                    ResponseTemplate::new(status).insert_header("Location", location.as_str()),
                )
                .mount(&api)
                .await;
            let error = fetch(&client_for(&api)).await.unwrap_err();
            assert_eq!(
                error.status(),
                Some(status),
                "{status} {location}: {error:?}"
            );
            assert!(matches!(error, Error::Api(_)));
            assert!(!error.is_retryable());
            assert_eq!(requests(&api).await.len(), 1, "{status} {location}");
        }
    }
    assert!(requests(&evil).await.is_empty());
}
