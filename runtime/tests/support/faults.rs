//! A fault-injecting HTTP/1.1 server on loopback, for tests: it answers each request with a
//! [`Fault`], from a script or drawn at random with a fixed seed, and records what it received
//! per request identity, so a test can prove that no write reached it twice.
//!
//! Every request names its identity in a `Marker` field: the query of a `GET`, the form body
//! of a `POST`. Only requests read whole are recorded (a request the server never read cannot
//! have been applied). Bounded: 127.0.0.1 only, at most [`MAX_CONNECTIONS`] open at once (one
//! more is accepted and closed unread), a connection idle for [`IDLE`] is closed, heads over
//! 64 KiB are refused, a trickled answer ends after [`TRICKLE_BYTES`] bytes, and dropping the
//! server stops every task it started.
//!
//! The answers: `GET /v1/Things/{sid}` gives `{"sid": …}`; `POST /v1/Things` gives 201 with
//! `{"sid": <marker>}`; `GET /v1/Lists?Marker=m&Page=n` gives [`LIST_PAGES`] pages of
//! [`PAGE_ITEMS`] items (`"m-n-i"`), linked by `next_page_uri`.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)] // Test support.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

/// The most connections open at once.
pub const MAX_CONNECTIONS: usize = 64;
/// A connection with no request for this long is closed.
pub const IDLE: Duration = Duration::from_secs(2);
/// A trickled body: this many bytes, one per [`TRICKLE_GAP`].
pub const TRICKLE_BYTES: usize = 40;
pub const TRICKLE_GAP: Duration = Duration::from_millis(25);
/// Pages in a list, and items on each.
pub const LIST_PAGES: usize = 3;
pub const PAGE_ITEMS: usize = 2;

/// How the server answers one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// The correct answer.
    Ok,
    /// The request is read, then the connection is reset (RST): no answer at all.
    ResetBeforeHeaders,
    /// The status and headers of the correct answer and half its body, then a reset.
    ResetAfterHeaders,
    /// The correct answer's `Content-Length` with half its body, then the connection closes.
    PartialBody,
    /// The correct answer one byte per [`TRICKLE_GAP`], padded to [`TRICKLE_BYTES`]: longer
    /// than a test client's timeout.
    Trickle,
    /// This error status (a 5xx, a 4xx) with a Twilio error body; the connection stays open.
    Status(u16),
    /// 429 with `Retry-After: <seconds>`.
    TooManySeconds(u32),
    /// 429 with `Retry-After` as an HTTP date this many seconds ahead (0: now, which is no
    /// wait once rounded to the second).
    TooManyDate(u32),
}

impl Fault {
    /// Whether the server closes the connection after this answer.
    pub fn closes(self) -> bool {
        matches!(
            self,
            Fault::ResetBeforeHeaders
                | Fault::ResetAfterHeaders
                | Fault::PartialBody
                | Fault::Trickle
        )
    }

    pub fn is_429(self) -> bool {
        matches!(self, Fault::TooManySeconds(_) | Fault::TooManyDate(_))
    }
}

/// The mix the random mode draws from: (weight, fault).
pub const MIX: &[(u32, Fault)] = &[
    (55, Fault::Ok),
    (6, Fault::ResetBeforeHeaders),
    (4, Fault::ResetAfterHeaders),
    (4, Fault::PartialBody),
    (3, Fault::Trickle),
    (4, Fault::Status(500)),
    (2, Fault::Status(502)),
    (6, Fault::Status(503)),
    (8, Fault::TooManySeconds(0)),
    (1, Fault::TooManySeconds(1)),
    (7, Fault::TooManyDate(0)),
];

/// Where the next answer comes from.
enum Mode {
    /// These in order, then [`Fault::Ok`].
    Script(std::collections::VecDeque<Fault>),
    Random(fastrand::Rng),
}

/// Counts over the server's life.
#[derive(Debug, Default)]
pub struct Counts {
    pub connections: AtomicUsize,
    /// Accepted beyond [`MAX_CONNECTIONS`] and closed unread.
    pub over_capacity: AtomicUsize,
    pub open: AtomicUsize,
    pub requests: AtomicUsize,
    /// Connections the server closed as part of a fault.
    pub closed_by_fault: AtomicUsize,
}

struct State {
    mode: Mutex<Mode>,
    /// Per marker, the answers given to requests read whole, in order; removed by `finish`.
    records: Mutex<HashMap<String, Vec<Fault>>>,
    counts: Counts,
}

/// A running server; dropping it stops it.
pub struct FaultServer {
    pub addr: SocketAddr,
    state: Arc<State>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for FaultServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl FaultServer {
    /// Answers with `script`, then correctly.
    pub async fn scripted(script: &[Fault]) -> FaultServer {
        Self::start(Mode::Script(script.iter().copied().collect())).await
    }

    /// Answers with faults drawn from [`MIX`] with this seed.
    pub async fn random(seed: u64) -> FaultServer {
        Self::start(Mode::Random(fastrand::Rng::with_seed(seed))).await
    }

    /// Answers correctly on `listener` (bound by the caller, on 127.0.0.1).
    pub async fn on(listener: std::net::TcpListener) -> FaultServer {
        listener.set_nonblocking(true).unwrap();
        let listener = TcpListener::from_std(listener).unwrap();
        Self::serve(listener, Mode::Script(Default::default()))
    }

    async fn start(mode: Mode) -> FaultServer {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        Self::serve(listener, mode)
    }

    fn serve(listener: TcpListener, mode: Mode) -> FaultServer {
        let addr = listener.local_addr().unwrap();
        let state = Arc::new(State {
            mode: Mutex::new(mode),
            records: Mutex::new(HashMap::new()),
            counts: Counts::default(),
        });
        let task = tokio::spawn(accept(listener, Arc::clone(&state)));
        FaultServer { addr, state, task }
    }

    pub fn uri(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn counts(&self) -> &Counts {
        &self.state.counts
    }

    /// The answers given to `marker`'s requests so far.
    pub fn answers(&self, marker: &str) -> Vec<Fault> {
        let records = self.state.records.lock().unwrap();
        records.get(marker).cloned().unwrap_or_default()
    }

    /// The answers given to `marker`'s requests, forgotten: call once its call has ended.
    pub fn finish(&self, marker: &str) -> Vec<Fault> {
        self.state
            .records
            .lock()
            .unwrap()
            .remove(marker)
            .unwrap_or_default()
    }

    /// How many markers are recorded and not finished.
    pub fn unfinished(&self) -> usize {
        self.state.records.lock().unwrap().len()
    }
}

async fn accept(listener: TcpListener, state: Arc<State>) {
    let permits = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    // Owned here, so aborting this task aborts every connection too.
    let mut connections = JoinSet::new();
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            continue;
        };
        while connections.try_join_next().is_some() {}
        state.counts.connections.fetch_add(1, Ordering::Relaxed);
        let Ok(permit) = Arc::clone(&permits).try_acquire_owned() else {
            state.counts.over_capacity.fetch_add(1, Ordering::Relaxed);
            continue;
        };
        let state = Arc::clone(&state);
        connections.spawn(async move {
            state.counts.open.fetch_add(1, Ordering::Relaxed);
            let _ = connection(stream, &state).await;
            state.counts.open.fetch_sub(1, Ordering::Relaxed);
            drop(permit);
        });
    }
}

/// One request as read.
struct Received {
    method: String,
    target: String,
    body: Vec<u8>,
}

/// Serves requests on one connection until the client closes it, it idles, or a fault ends it.
async fn connection(mut stream: TcpStream, state: &State) -> std::io::Result<()> {
    let mut buffer = Vec::with_capacity(4096);
    loop {
        let Some(request) = read_request(&mut stream, &mut buffer).await? else {
            return Ok(());
        };
        state.counts.requests.fetch_add(1, Ordering::Relaxed);
        let fault = next_fault(state);
        let marker = marker(&request);
        state
            .records
            .lock()
            .unwrap()
            .entry(marker)
            .or_default()
            .push(fault);
        if fault.closes() {
            state.counts.closed_by_fault.fetch_add(1, Ordering::Relaxed);
        }
        answer(&mut stream, fault, &request).await?;
        if fault.closes() {
            return Ok(());
        }
    }
}

fn next_fault(state: &State) -> Fault {
    match &mut *state.mode.lock().unwrap() {
        Mode::Script(script) => script.pop_front().unwrap_or(Fault::Ok),
        Mode::Random(rng) => {
            let total: u32 = MIX.iter().map(|(weight, _)| weight).sum();
            let mut pick = rng.u32(0..total);
            for (weight, fault) in MIX {
                if pick < *weight {
                    return *fault;
                }
                pick -= weight;
            }
            Fault::Ok
        }
    }
}

/// Reads one request (head and `Content-Length` body); `None` when the connection ends or
/// idles first. `buffer` keeps bytes read past the request.
async fn read_request(
    stream: &mut TcpStream,
    buffer: &mut Vec<u8>,
) -> std::io::Result<Option<Received>> {
    let head_end = loop {
        if let Some(at) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
            break at + 4;
        }
        if buffer.len() > 64 * 1024 || !fill(stream, buffer).await? {
            return Ok(None);
        }
    };
    let head = String::from_utf8_lossy(&buffer[..head_end]).into_owned();
    let mut lines = head.split("\r\n");
    let mut first = lines.next().unwrap_or("").split(' ');
    let method = first.next().unwrap_or("").to_owned();
    let target = first.next().unwrap_or("").to_owned();
    let length: usize = lines
        .filter_map(|line| line.split_once(':'))
        .find(|(name, _)| name.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, value)| value.trim().parse().ok())
        .unwrap_or(0);
    while buffer.len() < head_end + length {
        if !fill(stream, buffer).await? {
            return Ok(None);
        }
    }
    let body = buffer[head_end..head_end + length].to_vec();
    buffer.drain(..head_end + length);
    Ok(Some(Received {
        method,
        target,
        body,
    }))
}

/// Reads more into `buffer`; false at the end of the stream or after [`IDLE`].
async fn fill(stream: &mut TcpStream, buffer: &mut Vec<u8>) -> std::io::Result<bool> {
    let mut chunk = [0u8; 4096];
    match tokio::time::timeout(IDLE, stream.read(&mut chunk)).await {
        Ok(Ok(0)) | Err(_) => Ok(false),
        Ok(Ok(n)) => {
            buffer.extend_from_slice(&chunk[..n]);
            Ok(true)
        }
        Ok(Err(error)) => Err(error),
    }
}

/// The request's `Marker`, from its query or form body.
fn marker(request: &Received) -> String {
    let query = request.target.split_once('?').map_or("", |(_, q)| q);
    let fields = url::form_urlencoded::parse(query.as_bytes())
        .chain(url::form_urlencoded::parse(&request.body));
    fields
        .filter(|(name, _)| name == "Marker")
        .map(|(_, value)| value.into_owned())
        .next()
        .unwrap_or_default()
}

/// The correct answer to `request`: status and JSON body.
fn correct(request: &Received) -> (u16, String) {
    let (path, query) = request
        .target
        .split_once('?')
        .unwrap_or((&request.target, ""));
    let marker = marker(request);
    if request.method == "POST" {
        return (201, serde_json::json!({ "sid": marker }).to_string());
    }
    if path == "/v1/Lists" {
        let page: usize = url::form_urlencoded::parse(query.as_bytes())
            .find(|(name, _)| name == "Page")
            .and_then(|(_, value)| value.parse().ok())
            .unwrap_or(0);
        let items: Vec<String> = (0..PAGE_ITEMS)
            .map(|i| format!("{marker}-{page}-{i}"))
            .collect();
        let next =
            (page + 1 < LIST_PAGES).then(|| format!("/v1/Lists?Marker={marker}&Page={}", page + 1));
        let body = serde_json::json!({ "items": items, "next_page_uri": next });
        return (200, body.to_string());
    }
    let sid = path.rsplit('/').next().unwrap_or("");
    (200, serde_json::json!({ "sid": sid }).to_string())
}

fn head(status: u16, length: usize, extra: &str) -> String {
    format!(
        "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: \
         {length}\r\n{extra}\r\n"
    )
}

async fn answer(stream: &mut TcpStream, fault: Fault, request: &Received) -> std::io::Result<()> {
    let (status, body) = correct(request);
    let body = body.into_bytes();
    let error = |status: u16| {
        serde_json::json!({"code": 20000 + u32::from(status), "message": "fault", "status": status})
            .to_string()
    };
    match fault {
        Fault::Ok => {
            let mut out = head(status, body.len(), "").into_bytes();
            out.extend_from_slice(&body);
            stream.write_all(&out).await
        }
        Fault::ResetBeforeHeaders => reset(stream),
        Fault::ResetAfterHeaders => {
            let mut out = head(status, body.len(), "").into_bytes();
            out.extend_from_slice(&body[..body.len() / 2]);
            stream.write_all(&out).await?;
            stream.flush().await?;
            reset(stream)
        }
        Fault::PartialBody => {
            let mut out = head(status, body.len(), "").into_bytes();
            out.extend_from_slice(&body[..body.len() / 2]);
            stream.write_all(&out).await?;
            stream.shutdown().await
        }
        Fault::Trickle => {
            let mut padded = body;
            padded.resize(padded.len().max(TRICKLE_BYTES), b' ');
            stream
                .write_all(head(status, padded.len(), "").as_bytes())
                .await?;
            for byte in padded {
                stream.write_all(&[byte]).await?;
                tokio::time::sleep(TRICKLE_GAP).await;
            }
            Ok(())
        }
        Fault::Status(status) => {
            let body = error(status);
            let out = head(status, body.len(), "") + &body;
            stream.write_all(out.as_bytes()).await
        }
        Fault::TooManySeconds(seconds) => {
            let body = error(429);
            let out = head(429, body.len(), &format!("retry-after: {seconds}\r\n")) + &body;
            stream.write_all(out.as_bytes()).await
        }
        Fault::TooManyDate(ahead) => {
            let date =
                httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(u64::from(ahead)));
            let body = error(429);
            let out = head(429, body.len(), &format!("retry-after: {date}\r\n")) + &body;
            stream.write_all(out.as_bytes()).await
        }
    }
}

/// Closes with a reset (RST) instead of an orderly close.
fn reset(stream: &TcpStream) -> std::io::Result<()> {
    stream.set_zero_linger()
}
