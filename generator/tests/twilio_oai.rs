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

/// `cargo xtask examples --specs generator/tests/twilio-oai` decodes these (`.ci/run`); the
/// model must hold every one of them: the `examples` entries (some `$ref`s) and lone `example`s
/// of the JSON responses, successes and errors.
#[test]
fn the_model_holds_every_response_example() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/twilio-oai");
    let specs = generator::load::load_dir(&dir).unwrap();
    let model = generator::model::build(&specs).unwrap();
    let examples: Vec<_> = model
        .apis()
        .flat_map(|(_, api)| &api.operations)
        .flat_map(|op| &op.examples)
        .collect();
    assert_eq!(examples.len(), 1767);
    let errors = examples
        .iter()
        .filter(|e| e.status.starts_with(['4', '5']))
        .count();
    assert_eq!(errors, 3, "error examples decode through the error's type");
}
