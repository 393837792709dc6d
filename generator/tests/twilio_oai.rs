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
    // A file whose paths are all empty stubs has no operation, so nothing in it is reached and
    // it makes no module (iam_scim and verify_v3, placeholders of unreleased APIs).
    for file in &files {
        let module = file.strip_prefix("twilio_").unwrap_or(file);
        let generated = output.files.contains_key(&format!("src/{module}/mod.rs"));
        let stub = ["iam_scim", "verify_v3"].contains(&module);
        assert_eq!(generated, !stub, "{file}.yaml: module `{module}`");
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

/// Twilio's earliest files (twilio-oai 1.x) have no `operationId`s. With every one taken out of
/// the 55 files, each operation is named from its method and path with a located warning, and
/// the names that two operations would share are located errors naming both.
#[test]
fn operations_without_ids_are_named_from_method_and_path() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/twilio-oai");
    let mut matched = 0;
    let mut named = 0;
    let mut collisions = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        if !file.ends_with(".yaml") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        // Operations sit at `paths./x.get`: their keys are indented by six spaces.
        let mut ids = Vec::new();
        let stripped: String = text
            .lines()
            .filter(|line| match line.strip_prefix("      operationId: ") {
                Some(id) => {
                    ids.push(id.trim().to_owned());
                    false
                }
                None => true,
            })
            .map(|line| format!("{line}\n"))
            .collect();
        if ids.is_empty() {
            continue; // verify_v3 has no operations
        }
        let sources = [(file.clone(), stripped)].into_iter().collect();
        match generator::generate_sources(sources, "stripped") {
            Ok(output) => {
                for warning in &output.warnings {
                    assert!(warning.line.is_some(), "{warning}");
                    let name = warning.message.split('`').nth(1).unwrap();
                    named += 1;
                    matched += usize::from(ids.iter().any(|id| id == name));
                }
                assert_eq!(output.warnings.len(), ids.len(), "{file}: one warning each");
            }
            Err(error) => {
                for problem in error.problems {
                    assert!(problem.line.is_some(), "{problem}");
                    assert!(problem.message.contains("would both be named"), "{problem}");
                    collisions.push(problem.to_string());
                }
            }
        }
    }
    collisions.sort();
    // The name is made from the operation alone, so a few pairs meet: POST and PUT on one
    // instance path (both update), and a path that differs only by a parameter.
    let files: Vec<&str> = collisions
        .iter()
        .map(|c| c.split(':').next().unwrap())
        .collect();
    assert_eq!(
        files,
        [
            "stripped/twilio_lookups_v2.yaml",
            "stripped/twilio_taskrouter_v1.yaml"
        ],
        "{collisions:#?}"
    );
    // The other 53 files generate; about half the names are the ones Twilio chose by hand.
    assert_eq!((named, matched), (1376, 644));
}
