//! All 55 of Twilio's API descriptions (vendored in `twilio-oai/`) generate together, each
//! into its module, with no problem reported. Building and linting that crate takes minutes,
//! so it is a documented command instead (`SAMPLE_EACH=0 .ci/sample-crate
//! generator/tests/twilio-oai`, README "All 55 files").

#![allow(clippy::unwrap_used)] // A panic in a test is a failed test.

use std::path::Path;

#[test]
fn every_twilio_api_description_generates() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/twilio-oai");
    let files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|entry| {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            name.strip_suffix(".yaml").map(str::to_owned)
        })
        .collect();
    assert_eq!(files.len(), 55, "the vendored set: {files:?}");
    let output = match generator::generate(&dir, "twilio-oai") {
        Ok(output) => output,
        Err(error) => panic!("{error}"),
    };
    for file in &files {
        let module = file.strip_prefix("twilio_").unwrap_or(file);
        assert!(
            output.files.contains_key(&format!("src/{module}/mod.rs")),
            "{file}.yaml has no module `{module}`"
        );
    }
    let lines: usize = output
        .files
        .iter()
        .filter(|(name, _)| name.ends_with(".rs"))
        .map(|(_, text)| text.lines().count())
        .sum();
    assert!(lines > 250_000, "{lines} lines of Rust");
}
