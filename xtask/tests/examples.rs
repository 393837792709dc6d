//! `cargo xtask examples` end to end on a fixture whose examples are two right and one wrong:
//! the wrong one is the only failure, named with its file, line and JSON path, and a number
//! written as text (as Twilio sends them) decodes.
//!
//! Ignored by default: it builds a generated client and a decoder (a minute on a cold target
//! folder). `.ci/run` runs it, then the same command on all 55 of Twilio's files.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is a failed test.

use std::process::Command;

use xtask::workspace_root;

#[test]
#[ignore = "slow: builds the generated client and a decoder"]
fn a_wrong_example_is_the_one_failure_and_names_where_it_is() {
    let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .current_dir(workspace_root())
        .args(["examples", "--specs", "xtask/tests/fixtures/examples"])
        .output()
        .expect("run xtask");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        output.status.code(),
        Some(1),
        "stdout:\n{stdout}\nstderr:\n{stderr}"
    );
    assert_eq!(
        stdout.lines().collect::<Vec<_>>(),
        [
            "FAIL pets_v1::fetch_pet 200 `broken` (pets_v1.yaml:32): at `age`: invalid type: map, \
             expected a number or a string holding one at line 1 column 19",
            "2 decoded, 1 failed",
        ],
        "stderr:\n{stderr}"
    );
}
