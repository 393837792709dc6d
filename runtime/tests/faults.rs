//! Writes under faults and load (#20): 1,000 calls (reads, writes, item streams over paged
//! lists) through clones of one `Client`, 16 at a time, against the fault-injecting server
//! (resets before and after the headers, partial bodies, a slow trickle, 5xx, 429 with
//! `Retry-After` in seconds and as a date, correct answers; drawn with a fixed seed).
//!
//! It checks that every call ends in `Ok` or a typed error within the time the configuration
//! allows, that no write reaches the server twice unless the attempt before was answered 429
//! (a connection never made reaches nothing), that errors say truly whether a write may have
//! been applied, that connections are reused and that nothing grows. `--nocapture` shows the
//! counts. The ignored `soak` test runs the same mix for minutes (`cargo xtask soak`).

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is a failed test.

mod support;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use futures::TryStreamExt as _;
use support::faults::{Fault, FaultServer, LIST_PAGES, PAGE_ITEMS};
use support::{ListPage, Thing, create, fetch, list};
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use twilio_api_runtime::{Client, Error, TransportErrorKind};

const CALLS: usize = 1000;
const CONCURRENCY: usize = 16;
const SEED: u64 = 20;
const TIMEOUT: Duration = Duration::from_millis(300);
const TIME_LIMIT: Duration = Duration::from_secs(2);
const MAX_RETRIES: u32 = 3;
/// Scheduling on a loaded 2-core machine, in a debug build.
const SLACK: Duration = Duration::from_millis(1500);

fn client(base_url: &str) -> Client {
    support::builder(base_url)
        .max_retries(MAX_RETRIES)
        .timeout(TIMEOUT)
        .retry_backoff(Duration::from_millis(1), Duration::from_millis(20))
        .retry_time_limit(TIME_LIMIT)
        .build()
        .unwrap()
}

/// What one call does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Fetch,
    Write,
    /// Every item of a list of `LIST_PAGES` pages.
    Stream,
    /// `.limit(3)` of it.
    StreamLimited,
}

fn kind(call: usize) -> Kind {
    match call % 8 {
        0 | 1 => Kind::Fetch,
        2..=5 => Kind::Write,
        6 => Kind::Stream,
        _ => Kind::StreamLimited,
    }
}

/// The most a call of `kind` may take: each request at most the time limit (no retry starts
/// after it) plus one attempt's timeout; a stream makes one request per page.
fn bound(kind: Kind) -> Duration {
    let requests = match kind {
        Kind::Fetch | Kind::Write => 1,
        Kind::Stream | Kind::StreamLimited => LIST_PAGES as u32,
    };
    (TIME_LIMIT + TIMEOUT) * requests + SLACK
}

/// Makes the call; a wrong answer (not the server's data) panics.
async fn call(client: &Client, kind: Kind, marker: &str) -> Result<(), Error> {
    match kind {
        Kind::Fetch => {
            let thing: Thing = client.execute(&fetch(marker)).await?;
            assert_eq!(thing.sid, marker);
        }
        Kind::Write => {
            let thing: Thing = client.execute(&create(marker)).await?;
            assert_eq!(thing.sid, marker);
        }
        Kind::Stream | Kind::StreamLimited => {
            let limit = (kind == Kind::StreamLimited).then_some(3);
            let items: Vec<String> = twilio_api_runtime::pagination::items::<ListPage>(
                client.clone(),
                Ok(list(marker)),
                None,
                limit,
            )
            .try_collect()
            .await?;
            let expected: Vec<String> = (0..LIST_PAGES * PAGE_ITEMS)
                .map(|n| format!("{marker}-{}-{}", n / PAGE_ITEMS, n % PAGE_ITEMS))
                .take(limit.unwrap_or(usize::MAX))
                .collect();
            assert_eq!(items, expected, "every item once, in order");
        }
    }
    Ok(())
}

/// How a call ended, as the checks and the counts see it.
struct Ended {
    label: String,
    ok: bool,
    /// The error says the write may have been applied (bare reqwest cannot know: it says so
    /// of every failed write).
    maybe_applied: bool,
}

fn ended(result: &Result<(), Error>) -> Ended {
    let Err(error) = result else {
        return Ended {
            label: "ok".to_owned(),
            ok: true,
            maybe_applied: false,
        };
    };
    let what = match error {
        Error::Api(api) => format!("api {}", api.status),
        Error::Transport(t) => match t.kind {
            TransportErrorKind::Connect => "transport connect".to_owned(),
            TransportErrorKind::Timeout => "transport timeout".to_owned(),
            TransportErrorKind::Body => "transport body".to_owned(),
            _ => "transport other".to_owned(),
        },
        Error::Decode(_) => "decode".to_owned(),
        other => format!("{other:?}"),
    };
    let maybe_applied = error.is_write_maybe_applied();
    Ended {
        label: if maybe_applied {
            format!("{what} (write maybe applied)")
        } else {
            what
        },
        ok: false,
        maybe_applied,
    }
}

/// Who makes the calls.
#[derive(Clone)]
enum Caller {
    /// This crate's client.
    Ours(Client),
    /// Bare reqwest sending the same requests, once each, and decoding the same JSON.
    Bare(reqwest::Client, String),
}

impl Caller {
    async fn call(&self, kind: Kind, marker: &str) -> Ended {
        match self {
            Caller::Ours(client) => ended(&call(client, kind, marker).await),
            Caller::Bare(http, base) => match bare_call(http, base, kind, marker).await {
                Ok(()) => Ended {
                    label: "ok".to_owned(),
                    ok: true,
                    maybe_applied: false,
                },
                Err(label) => Ended {
                    maybe_applied: kind == Kind::Write,
                    label,
                    ok: false,
                },
            },
        }
    }
}

/// [`call`] with bare reqwest: basic auth, the same targets and form, no retries.
async fn bare_call(
    http: &reqwest::Client,
    base: &str,
    kind: Kind,
    marker: &str,
) -> Result<(), String> {
    async fn get<T: serde::de::DeserializeOwned>(
        request: reqwest::RequestBuilder,
    ) -> Result<T, String> {
        let failed = |e: reqwest::Error| {
            if e.is_timeout() {
                "bare timeout".to_owned()
            } else {
                "bare transport".to_owned()
            }
        };
        let response = request
            .basic_auth(support::ACCOUNT_SID, Some(support::AUTH_TOKEN))
            .send()
            .await
            .map_err(failed)?;
        let status = response.status();
        let body = response.bytes().await.map_err(failed)?;
        if !status.is_success() {
            return Err(format!("bare status {}", status.as_u16()));
        }
        serde_json::from_slice(&body).map_err(|_| "bare decode".to_owned())
    }
    match kind {
        Kind::Fetch => {
            let url = format!("{base}/v1/Things/{marker}?Marker={marker}");
            let thing: Thing = get(http.get(url)).await?;
            assert_eq!(thing.sid, marker);
        }
        Kind::Write => {
            let form = url::form_urlencoded::Serializer::new(String::new())
                .append_pair("Marker", marker)
                .append_pair("Body", "hello")
                .finish();
            let request = http
                .post(format!("{base}/v1/Things"))
                .header("content-type", "application/x-www-form-urlencoded")
                .body(form);
            let thing: Thing = get(request).await?;
            assert_eq!(thing.sid, marker);
        }
        Kind::Stream | Kind::StreamLimited => {
            let limit = if kind == Kind::StreamLimited {
                3
            } else {
                usize::MAX
            };
            let mut items = Vec::new();
            let mut next = Some(format!("/v1/Lists?Marker={marker}&Page=0"));
            while let Some(path) = next.take() {
                let page: ListPage = get(http.get(format!("{base}{path}"))).await?;
                items.extend(page.items);
                if items.len() < limit {
                    next = page.next_page_uri;
                }
            }
            items.truncate(limit);
            assert_eq!(items.len(), (LIST_PAGES * PAGE_ITEMS).min(limit));
        }
    }
    Ok(())
}

/// What a run of calls gave.
#[derive(Debug, Default)]
struct Report {
    calls: usize,
    outcomes: BTreeMap<String, usize>,
    /// Writes the server received more than once (each time after a 429).
    writes_resent_after_429: usize,
    /// Writes received again after an answer other than 429: must stay 0.
    duplicate_writes: usize,
    /// The longest call, per kind, against its bound.
    slowest: BTreeMap<Kind, Duration>,
}

impl Report {
    fn add(&mut self, other: Report) {
        self.calls += other.calls;
        for (label, n) in other.outcomes {
            *self.outcomes.entry(label).or_default() += n;
        }
        self.writes_resent_after_429 += other.writes_resent_after_429;
        self.duplicate_writes += other.duplicate_writes;
        for (kind, slowest) in other.slowest {
            let entry = self.slowest.entry(kind).or_default();
            *entry = (*entry).max(slowest);
        }
    }
}

/// Checks one call against what the server saw of it; the duplicates it counts.
fn check(kind: Kind, ended: &Ended, answers: &[Fault], elapsed: Duration) -> (usize, usize) {
    assert!(
        elapsed <= bound(kind),
        "{kind:?} took {elapsed:?}: {}",
        ended.label
    );
    if kind != Kind::Write {
        assert!(!ended.maybe_applied, "a read: {}", ended.label);
        return (0, 0);
    }
    let before_last = answers.len().saturating_sub(1);
    let duplicates = answers[..before_last]
        .iter()
        .filter(|a| !a.is_429())
        .count();
    let resent = usize::from(answers.len() > 1);
    if ended.ok {
        assert_eq!(answers.last(), Some(&Fault::Ok), "{answers:?}");
    } else if !ended.maybe_applied {
        // Not applied: Twilio (the server) refused every attempt it saw.
        assert!(
            answers.iter().all(|a| a.is_429()),
            "{}: {answers:?}",
            ended.label
        );
    }
    (resent, duplicates)
}

/// Runs calls `range` through clones of `caller`, `CONCURRENCY` at a time.
async fn drive(
    server: &Arc<FaultServer>,
    caller: &Caller,
    range: std::ops::Range<usize>,
) -> Report {
    let permits = Arc::new(Semaphore::new(CONCURRENCY));
    let mut tasks = JoinSet::new();
    let mut report = Report::default();
    let add = |report: &mut Report, (kind, label, elapsed, resent, duplicates)| {
        report.calls += 1;
        *report.outcomes.entry(label).or_default() += 1;
        report.writes_resent_after_429 += resent;
        report.duplicate_writes += duplicates;
        let slowest = report.slowest.entry(kind).or_default();
        *slowest = (*slowest).max(elapsed);
    };
    for n in range {
        let permit = Arc::clone(&permits).acquire_owned().await.unwrap();
        let (caller, server) = (caller.clone(), Arc::clone(server));
        tasks.spawn(async move {
            let kind = kind(n);
            let marker = format!("c{n}");
            let started = Instant::now();
            let ended = caller.call(kind, &marker).await;
            let elapsed = started.elapsed();
            let answers = server.finish(&marker);
            let (resent, duplicates) = check(kind, &ended, &answers, elapsed);
            drop(permit);
            (kind, ended.label, elapsed, resent, duplicates)
        });
        while let Some(done) = tasks.try_join_next() {
            add(&mut report, done.expect("a call panicked"));
        }
    }
    while let Some(done) = tasks.join_next().await {
        add(&mut report, done.expect("a call panicked"));
    }
    report
}

/// This process's resident memory and its peak, in KiB (`/proc/self/status`).
fn memory_kib() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|line| line.strip_prefix(name))
            .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

fn print_counts(title: &str, report: &Report, server: &FaultServer) {
    let counts = server.counts();
    println!("{title}");
    println!("  calls {}", report.calls);
    for (label, n) in &report.outcomes {
        println!("  {label:<40} {n}");
    }
    println!(
        "  requests received {}, connections accepted {} (closed by a fault {}, over capacity {})",
        counts.requests.load(Ordering::Relaxed),
        counts.connections.load(Ordering::Relaxed),
        counts.closed_by_fault.load(Ordering::Relaxed),
        counts.over_capacity.load(Ordering::Relaxed),
    );
    println!(
        "  writes received twice or more: {} (each after a 429); after another answer: {}",
        report.writes_resent_after_429, report.duplicate_writes
    );
    for (kind, slowest) in &report.slowest {
        println!("  slowest {kind:?}: {slowest:?} (bound {:?})", bound(*kind));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_thousand_calls_under_faults_never_send_a_write_twice() {
    let server = Arc::new(FaultServer::random(SEED).await);
    let caller = Caller::Ours(client(&server.uri()));
    let started = Instant::now();
    let mut report = drive(&server, &caller, 0..CALLS / 2).await;
    let (rss_half, _) = memory_kib();
    report.add(drive(&server, &caller, CALLS / 2..CALLS).await);
    let (rss_end, peak) = memory_kib();
    print_counts(
        &format!(
            "{CALLS} calls, {CONCURRENCY} at a time, seed {SEED}, in {:?}",
            started.elapsed()
        ),
        &report,
        &server,
    );
    println!("  memory: {rss_half} KiB after half, {rss_end} KiB at the end, peak {peak} KiB");

    assert_eq!(report.calls, CALLS);
    assert_eq!(
        report.duplicate_writes, 0,
        "a write reached the server twice"
    );
    assert!(report.outcomes["ok"] > CALLS / 2, "{:?}", report.outcomes);
    assert!(
        report.writes_resent_after_429 > 0,
        "the mix has 429s to retry"
    );
    // Connections are reused: new ones are those a fault (or the capacity) closed, plus a
    // pool's worth per concurrent call.
    let counts = server.counts();
    let connections = counts.connections.load(Ordering::Relaxed);
    let requests = counts.requests.load(Ordering::Relaxed);
    let closed = counts.closed_by_fault.load(Ordering::Relaxed)
        + counts.over_capacity.load(Ordering::Relaxed);
    assert!(
        connections <= closed + 4 * CONCURRENCY,
        "{connections} connections"
    );
    assert!(
        connections * 2 < requests,
        "{connections} connections for {requests} requests"
    );
    // Nothing grows: the server forgot every finished call, holds no more connections than
    // the client's pool, and the second half took no more memory than a little.
    assert_eq!(server.unfinished(), 0);
    assert!(counts.open.load(Ordering::Relaxed) <= 2 * CONCURRENCY);
    assert!(
        rss_end < rss_half + 32 * 1024,
        "{rss_half} -> {rss_end} KiB"
    );
}

/// Calls through `caller` for `duration`, in rounds of `CALLS`; the report and the time taken.
async fn run_for(
    server: &Arc<FaultServer>,
    caller: &Caller,
    duration: Duration,
) -> (Report, Duration) {
    let started = Instant::now();
    let mut report = Report::default();
    let mut next = 0;
    while started.elapsed() < duration {
        report.add(drive(server, caller, next..next + CALLS).await);
        next += CALLS;
    }
    (report, started.elapsed())
}

/// `cargo xtask soak [--seconds N]`: the fault mix, then correct answers only, each through
/// this crate's client and through bare reqwest (same server, same requests), a quarter of
/// `SOAK_SECONDS` (default 120) each; calls per second, connections, memory.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "minutes long: `cargo xtask soak`"]
async fn soak() {
    let seconds: u64 = std::env::var("SOAK_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(120);
    let quarter = Duration::from_secs(seconds) / 4;
    let http = twilio_api_runtime::http_client_builder()
        .unwrap()
        .timeout(TIMEOUT)
        .build()
        .unwrap();
    println!(
        "soak: {seconds} s, {CONCURRENCY} calls at a time, timeout {TIMEOUT:?}, {MAX_RETRIES} \
         retries, time limit {TIME_LIMIT:?} ({} build)",
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    );
    for faults in [true, false] {
        for bare in [false, true] {
            let server = Arc::new(if faults {
                FaultServer::random(SEED).await
            } else {
                FaultServer::scripted(&[]).await
            });
            let caller = if bare {
                Caller::Bare(http.clone(), server.uri())
            } else {
                Caller::Ours(client(&server.uri()))
            };
            let (rss_before, _) = memory_kib();
            let (report, took) = run_for(&server, &caller, quarter).await;
            let (rss_after, peak) = memory_kib();
            let title = format!(
                "{} through {}: {} calls in {took:.1?}, {:.0} calls/s; memory {rss_before} -> \
                 {rss_after} KiB, peak {peak} KiB",
                if faults {
                    "fault mix"
                } else {
                    "correct answers"
                },
                if bare { "bare reqwest" } else { "twilio-api" },
                report.calls,
                report.calls as f64 / took.as_secs_f64(),
            );
            print_counts(&title, &report, &server);
            assert_eq!(report.duplicate_writes, 0);
            assert_eq!(server.unfinished(), 0);
        }
    }
}
