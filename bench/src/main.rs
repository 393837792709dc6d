//! `cargo xtask bench`: measures what the design decisions are about and prints figures and
//! ratios (no pass/fail: timings on shared 2-core machines vary; compare runs on one machine).
//! Every time is printed as `median (min … max)`.
//!
//! 1. The generator: load, model and emit for `specs/`.
//! 2. ID checks: the generator's compiled byte checks against the `regex` crate.
//! 3. Decoding a page of 1000 sessions: plain serde_json (what the client does first) against
//!    JSON path tracking (what it redoes only when decoding fails, to name the bad field); and
//!    the heap it takes.
//! 4. The client on loopback against raw reqwest + serde_json, request by request.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A benchmark that cannot run should stop.

mod alloc;
mod client;
mod decode;
mod generator_speed;
mod ids;
mod stats;

use std::path::Path;

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
    generator_speed::figures(&root.join("specs"));
    ids::figures();
    decode::figures();
    client::figures();
}
