//! The generator on arbitrary specs: load -> model -> emit, all in memory.
//!
//! The input is UTF-8 text (other bytes are replaced, as the generator only reads text), split
//! into spec files at `#%% name.yaml` lines; the text before the first such line is
//! `fuzz_v1.yaml`, and `specs/common.yaml` is added unless the input has its own. The run must
//! not panic or hang, a refused spec must give a located error, and an accepted one Rust that
//! parses (see `generator/tests/support/outcome.rs`).

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../generator/tests/support/outcome.rs"]
mod outcome;

const COMMON: &str = include_str!("../../specs/common.yaml");

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let sources = outcome::split_files(&input, COMMON);
    let result = generator::generate_sources(sources.clone(), "specs");
    if let Err(broken) = outcome::check(&sources, "specs", &result) {
        panic!("{broken}");
    }
});
