//! `cargo xtask bench`: measures what the design decisions are about and prints figures and
//! ratios (no pass/fail: timings on shared 2-core machines vary; compare runs on one machine).
//!
//! 1. The generator: load, model and emit for `specs/`.
//! 2. ID checks: the generator's compiled byte checks against the `regex` crate.
//! 3. Decoding a page of 1000 sessions: plain serde_json (what the client does first) against
//!    JSON path tracking (what it redoes only when decoding fails, to name the bad field); and
//!    the heap it takes.
//! 4. The client on loopback against raw reqwest + serde_json, request by request.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A benchmark that cannot run should stop.

mod alloc;

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use twilio_api::Id as _;
use twilio_api::assistants_v1::{ListSessionsResponse, MessageId};

/// Runs `f` `rounds` times and returns the median time of one run.
fn median(rounds: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf();
    println!(
        "twilio-api benchmarks ({} build)\n",
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    );
    generator_figures(&root.join("specs"));
    id_figures();
    decode_figures();
    client_figures();
}

fn generator_figures(specs: &Path) {
    let load = median(21, || {
        black_box(generator::load::load_dir(specs).unwrap());
    });
    let loaded = generator::load::load_dir(specs).unwrap();
    let model = median(21, || {
        black_box(generator::model::build(&loaded).unwrap());
    });
    let built = generator::model::build(&loaded).unwrap();
    let emit = median(21, || {
        black_box(generator::emit::emit(&built).unwrap());
    });
    let output = generator::emit::emit(&built).unwrap();
    let bytes: usize = output.files.values().map(String::len).sum();
    println!(
        "generator (specs/ -> {} files, {} KiB):",
        output.files.len(),
        bytes / 1024
    );
    println!(
        "  load {}  model {}  emit {}  total {}\n",
        ms(load),
        ms(model),
        ms(emit),
        ms(load + model + emit)
    );
}

/// An ID type's name, pattern, sample values and compiled check.
type IdCase<'a> = (&'a str, &'a str, &'a [String], fn(&str) -> bool);

fn id_figures() {
    const N: usize = 200_000;
    let sids: Vec<String> = (0..N)
        .map(|i| match i % 4 {
            0 => format!("AC{:032x}", i),
            1 => format!("AC{:032X}", i * 7),
            2 => format!("AB{:032x}", i),
            _ => format!("AC{:031x}g", i),
        })
        .collect();
    let messages: Vec<String> = (0..N)
        .map(|i| {
            if i % 3 == 0 {
                format!("aia_msg_{i:x}")
            } else {
                format!("aia_ms{i}")
            }
        })
        .collect();
    let cases: [IdCase<'_>; 2] = [
        (
            "AccountSid",
            twilio_api::AccountSid::PATTERN,
            &sids,
            twilio_api::AccountSid::matches,
        ),
        (
            "MessageId",
            MessageId::PATTERN,
            &messages,
            MessageId::matches,
        ),
    ];
    println!("ID checks ({N} values, a mix of valid and invalid):");
    for (name, pattern, values, check) in cases {
        let regex = regex::Regex::new(pattern).unwrap();
        let mut agree = 0usize;
        for value in values {
            agree += usize::from(check(value) == regex.is_match(value));
        }
        assert_eq!(
            agree,
            values.len(),
            "{name}: the byte check and the regex disagree"
        );
        let compiled = median(11, || {
            black_box(values.iter().filter(|v| check(black_box(v))).count());
        });
        let with_regex = median(11, || {
            black_box(
                values
                    .iter()
                    .filter(|v| regex.is_match(black_box(v)))
                    .count(),
            );
        });
        let per = |d: Duration| d.as_secs_f64() * 1e9 / values.len() as f64;
        println!(
            "  {name:<10} byte check {:>6.1} ns/value   regex {:>6.1} ns/value   regex / byte check = {:.1}x",
            per(compiled),
            per(with_regex),
            with_regex.as_secs_f64() / compiled.as_secs_f64()
        );
    }
    println!();
}

/// A page of `n` sessions, as the API would send it.
fn sessions_page(n: usize) -> Vec<u8> {
    let sessions: Vec<serde_json::Value> = (0..n)
        .map(|i| {
            serde_json::json!({
                "id": format!("sess_{i:08}"),
                "account_sid": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                "assistant_id": format!("aia_asst_{i:06}"),
                "verified": i % 2 == 0,
                "identity": format!("user-{i}@example.com"),
                "date_created": "2009-07-06T20:30:00Z",
                "date_updated": "2009-07-06T20:30:00Z"
            })
        })
        .collect();
    let page = serde_json::json!({
        "sessions": sessions,
        "meta": {
            "first_page_url": "https://assistants.twilio.com/v1/Sessions?PageSize=1000&Page=0",
            "key": "sessions",
            "next_page_url": "https://assistants.twilio.com/v1/Sessions?PageSize=1000&Page=1&PageToken=abc",
            "page": 0,
            "page_size": 1000,
            "previous_page_url": null,
            "url": "https://assistants.twilio.com/v1/Sessions?PageSize=1000&Page=0"
        }
    });
    serde_json::to_vec(&page).unwrap()
}

fn decode_figures() {
    let body = sessions_page(1000);
    let tracked = median(31, || {
        let mut deserializer = serde_json::Deserializer::from_slice(black_box(&body));
        let page: ListSessionsResponse =
            serde_path_to_error::deserialize(&mut deserializer).unwrap();
        black_box(page);
    });
    let plain = median(31, || {
        let page: ListSessionsResponse = serde_json::from_slice(black_box(&body)).unwrap();
        black_box(page);
    });
    let mb_per_s = |d: Duration| body.len() as f64 / d.as_secs_f64() / 1e6;
    let (page, heap) =
        alloc::peak_during(|| serde_json::from_slice::<ListSessionsResponse>(&body).unwrap());
    assert_eq!(page.sessions.map(|s| s.len()), Some(1000));
    println!(
        "decoding a page of 1000 sessions ({} KiB of JSON):",
        body.len() / 1024
    );
    println!(
        "  with JSON path tracking {} ({:.0} MB/s)   plain serde_json (the client's first try) {} ({:.0} MB/s)   tracking costs {:.2}x",
        ms(tracked),
        mb_per_s(tracked),
        ms(plain),
        mb_per_s(plain),
        tracked.as_secs_f64() / plain.as_secs_f64()
    );
    println!(
        "  peak heap while decoding: {} KiB ({} bytes per session)\n",
        heap / 1024,
        heap / 1000
    );
}

fn client_figures() {
    use wiremock::matchers::method;
    use wiremock::{Mock, MockServer, ResponseTemplate};

    const REQUESTS: usize = 2000;
    const ROUNDS: usize = 10;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let server = MockServer::start().await;
        let body = serde_json::json!({
            "id": "sess_1", "account_sid": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "assistant_id": "aia_asst_1",
            "verified": true, "identity": "user", "date_created": "2009-07-06T20:30:00Z", "date_updated": "2009-07-06T20:30:00Z"
        });
        Mock::given(method("GET")).respond_with(ResponseTemplate::new(200).set_body_json(body)).mount(&server).await;
        let client = twilio_api::Client::builder()
            .account_sid("AC0123456789abcdef0123456789abcdef")
            .auth_token("token")
            .base_url(server.uri())
            .build()
            .unwrap();
        let raw = twilio_api::http_client_builder().unwrap().build().unwrap();
        let url = format!("{}/v1/Sessions/sess_1", server.uri());
        // Warm both connection pools.
        client.assistants_v1().fetch_session("sess_1").send().await.unwrap();
        raw.get(&url).send().await.unwrap().bytes().await.unwrap();

        // Alternate rounds of each, so drift on a shared machine hits both alike; keep medians.
        let (mut ours, mut baseline) = (Vec::new(), Vec::new());
        for _ in 0..ROUNDS {
            let start = Instant::now();
            for _ in 0..REQUESTS / ROUNDS {
                black_box(client.assistants_v1().fetch_session("sess_1").send().await.unwrap());
            }
            ours.push(start.elapsed());
            let start = Instant::now();
            for _ in 0..REQUESTS / ROUNDS {
                let response = raw
                    .get(&url)
                    .basic_auth("AC0123456789abcdef0123456789abcdef", Some("token"))
                    .header("accept", "application/json")
                    .header("user-agent", "hand-rolled/1.0")
                    .timeout(Duration::from_secs(30))
                    .send()
                    .await
                    .unwrap();
                let bytes = response.bytes().await.unwrap();
                black_box(serde_json::from_slice::<twilio_api::assistants_v1::Session>(&bytes).unwrap());
            }
            baseline.push(start.elapsed());
        }
        ours.sort();
        baseline.sort();
        let (ours, baseline) = (ours[ROUNDS / 2] * ROUNDS as u32, baseline[ROUNDS / 2] * ROUNDS as u32);
        let per = |d: Duration| d.as_secs_f64() * 1e6 / REQUESTS as f64;
        println!("client, {REQUESTS} sequential fetch_session calls on loopback (wiremock server), median of {ROUNDS} alternating rounds:");
        println!(
            "  twilio-api {:.0} us/request   hand-rolled reqwest (same headers and timeout) + serde_json {:.0} us/request   ratio {:.2}x",
            per(ours),
            per(baseline),
            ours.as_secs_f64() / baseline.as_secs_f64()
        );
    });
}
