//! `cargo xtask bench`: measures what the design decisions are about and prints figures and
//! ratios (no pass/fail: timings on shared 2-core machines vary; compare runs on one machine).
//! Every time is printed as `median (min … max)`.
//!
//! 1. ID checks: the generator's compiled byte checks against the `regex` crate.
//! 2. Decoding a page of 1000 sessions: into our models against into `serde_json::Value`; a
//!    page that fails at its last item (the error naming its JSON path) against one that
//!    decodes; and the heap each takes.
//! 3. The client on loopback against bare reqwest sending the same requests, call by call
//!    (a `GET`, and a `POST` of 20 form fields against `serde_urlencoded`).
//! 4. `.stream()` over 20 and 200 pages of 1000 items: peak heap, allocations, items per second.
//! 5. The generator at scale (`specs/`, the sample, synthetic 1x/10x/100x specs, warm regen),
//!    against progenitor, and the size of what it writes.
//! 6. Cold builds of the crate with no API, one API and every API; and of a program that sends
//!    one message through the crate generated for Twilio's `api_v2010`, against the same program
//!    on bare reqwest (user CPU time, wall time, peak memory).

#![allow(clippy::unwrap_used, clippy::expect_used)] // A benchmark that cannot run should stop.

mod alloc;
mod builds;
mod client;
mod decode;
mod ids;
mod loopback;
#[cfg(feature = "progenitor")]
mod progenitor;
mod scale;
mod size;
mod stats;
mod stream;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// What every figure group may read.
pub struct Context {
    /// The workspace root.
    pub root: PathBuf,
}

/// A named group of figures and the function that measures and prints them.
type Group = (&'static str, fn(&Context));

/// The figure groups, in the order they run; `cargo xtask bench NAME…` runs only those named.
const GROUPS: &[Group] = &[
    ("ids", |_| ids::figures()),
    ("decode", |_| decode::figures()),
    ("client", |_| client::figures()),
    ("stream", |_| stream::figures()),
    ("scale", |cx| scale::figures(&cx.root)),
    #[cfg(feature = "progenitor")]
    ("progenitor", |cx| progenitor::figures(&cx.root)),
    ("size", |cx| size::figures(&cx.root)),
    ("builds", builds::figures),
];

fn main() -> ExitCode {
    let chosen: Vec<String> = std::env::args().skip(1).collect();
    if let Some(unknown) = chosen
        .iter()
        .find(|name| !GROUPS.iter().any(|(group, _)| group == name))
    {
        let names: Vec<&str> = GROUPS.iter().map(|(name, _)| *name).collect();
        eprintln!(
            "unknown figure group `{unknown}`; the groups are: {}",
            names.join(", ")
        );
        return ExitCode::from(2);
    }
    let cx = Context {
        root: Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .unwrap()
            .to_path_buf(),
    };
    println!(
        "twilio-api benchmarks ({} build)\n",
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    );
    for (name, figures) in GROUPS {
        if chosen.is_empty() || chosen.iter().any(|c| c == name) {
            figures(&cx);
        }
    }
    ExitCode::SUCCESS
}
