//! `cargo xtask sdk-wire` end to end: every request Twilio's Python SDK tests expect for five
//! of Twilio's files is reproduced exactly and every response fixture decodes; a case changed
//! to expect another request, or a fixture broken, is reported as that one failure.
//!
//! Ignored by default: it builds a generated client and a caller (a minute on a cold target
//! folder). `.ci/run` runs it.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is a failed test.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;
use xtask::workspace_root;

const CASES: &str = "xtask/tests/fixtures/twilio-sdk-wire/cases.json";

fn sdk_wire(cases: &Path) -> (Output, Vec<String>) {
    let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .current_dir(workspace_root())
        .args(["sdk-wire", "--cases"])
        .arg(cases)
        .output()
        .expect("run xtask");
    let lines = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(str::to_owned)
        .collect();
    (output, lines)
}

#[test]
#[ignore = "slow: builds the generated client and a caller"]
fn every_case_of_twilios_sdk_tests_passes_and_a_changed_one_fails() {
    let root = workspace_root();
    let (output, lines) = sdk_wire(&root.join(CASES));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{lines:#?}\n{stderr}");
    assert_eq!(lines, ["259 passed, 0 failed"], "{stderr}");

    let mut cases: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(root.join(CASES)).unwrap()).unwrap();
    let create_sink = cases
        .iter_mut()
        .find(|c| c["op"] == "CreateSink" && c["kind"] == "request")
        .unwrap();
    // The call's values come from the case; what the client decides is the names, their order
    // and the encoding: expect the fields in another order.
    create_sink["expect"]["form"]
        .as_array_mut()
        .unwrap()
        .reverse();
    let decode = cases
        .iter_mut()
        .find(|c| c["op"] == "FetchSink" && c["kind"] == "decode-py7")
        .unwrap();
    decode["body"] = Value::from(r#"{"sid": 5}"#);
    let changed =
        std::env::temp_dir().join(format!("sdk-wire-changed-{}.json", std::process::id()));
    std::fs::write(&changed, serde_json::to_string(&cases).unwrap()).unwrap();
    let (output, lines) = sdk_wire(&changed);
    let _ = std::fs::remove_file(&changed);
    assert_eq!(output.status.code(), Some(1), "{lines:#?}");
    assert_eq!(lines.len(), 3, "{lines:#?}");
    assert!(
        lines[0].starts_with("FAIL twilio_events_v1 CreateSink (events/v1/test_sink.py::test_create_request): form: expected [(\"SinkType\", \"kinesis\")"),
        "{lines:#?}"
    );
    assert!(
        lines[1].starts_with("FAIL twilio_events_v1 FetchSink (events/v1/test_sink.py::test_fetch_response): at `sid`: invalid type: integer"),
        "{lines:#?}"
    );
    assert_eq!(lines[2], "257 passed, 2 failed");
}
