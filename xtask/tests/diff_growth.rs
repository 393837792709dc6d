//! `cargo xtask diff` compares by identity: each of Twilio's 55 files against itself reports
//! nothing, and against a copy grown by additions only (a schema, fields in every schema, an
//! operation, a parameter, each placed before everything already there) reports only those
//! additions, all compatible: no line about anything that was there.

#![allow(clippy::unwrap_used)] // A panic in a test is a failed test.

use std::path::Path;

use generator::model::Model;
use xtask::diff::compare::compare;
use xtask::diff::{Kind, Severity};

#[path = "../../generator/tests/support/grow.rs"]
mod grow;

fn model_of(file: &str, text: String) -> (Model, serde_json::Value) {
    let sources = [(file.to_owned(), text)].into_iter().collect();
    let specs = generator::load::load_sources(Path::new("specs"), sources).unwrap();
    let raw = specs.files[file].raw.clone();
    (generator::model::build(&specs).unwrap(), raw)
}

#[test]
fn a_file_against_itself_and_against_a_grown_copy_reports_only_the_additions() {
    let files = grow::twilio_files();
    let mut additions = 0;
    for path in files {
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let (model, raw) = model_of(&file, std::fs::read_to_string(&path).unwrap());
        let same = compare(&model, &model);
        assert!(same.is_empty(), "{file} against itself: {same:#?}");
        let grown = serde_json::to_string(&grow::grown(raw)).unwrap();
        let (grown_model, _) = model_of(&file, grown);
        let changes = compare(&model, &grown_model);
        let unexpected: Vec<String> = changes
            .iter()
            .filter(|c| c.severity != Severity::Compatible || c.kind != Kind::Added)
            .map(|c| format!("{} {}: {}", c.item, c.kind.as_str(), c.message))
            .collect();
        assert!(unexpected.is_empty(), "{file}: {}", unexpected.join("\n"));
        additions += changes.len();
    }
    assert!(additions > 1_000, "{additions} additions reported");
}
