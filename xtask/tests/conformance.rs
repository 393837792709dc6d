//! `cargo xtask conformance --specs specs` end to end: the generated client calls every
//! operation of our specs against Prism, in static and dynamic mode, and all of them pass.
//!
//! Ignored by default: it builds the generated client and the runner (minutes on a cold
//! target folder) and needs Prism (`npm ci --prefix .ci`). Run it with
//! `cargo test -p xtask --test conformance -- --ignored`; `.ci/run` runs every ignored test.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is a failed test.

use std::process::Command;

use generator::model::HttpMethod;
use xtask::workspace_root;

#[test]
#[ignore = "slow: builds the generated client and a runner, and needs Prism (npm ci --prefix .ci)"]
fn every_operation_of_the_specs_passes_against_prism() {
    let root = workspace_root();
    let specs = generator::load::load_dir(&root.join("specs")).unwrap();
    let model = generator::model::build(&specs).unwrap();
    let operations = model.apis().flat_map(|(_, api)| &api.operations);
    let expected = operations
        .map(|op| {
            if op.http_method == HttpMethod::Get {
                2
            } else {
                1
            }
        })
        .sum::<usize>();

    let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .current_dir(&root)
        .args(["conformance", "--specs", "specs"])
        .output()
        .expect("run xtask");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let context = format!("stdout:\n{stdout}\nstderr:\n{stderr}");
    assert!(output.status.success(), "conformance failed\n{context}");
    let last = stdout.lines().last().unwrap_or_default();
    assert_eq!(
        last,
        format!("{expected} passed, 0 failed"),
        "static mode tries every operation, dynamic mode every GET\n{context}"
    );
}
