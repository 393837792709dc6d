//! Cross-checks a diff verdict against cargo-semver-checks: the crates generated from the old
//! and the new specs are compared as a minor release. Where semver-checks finds a major change,
//! our verdict must be breaking, unless the crate's stated policy makes it compatible
//! ([`POLICY`] says why); where ours is breaking and semver-checks sees nothing, each breaking
//! change must be one it cannot see ([`UNSEEN`] says why).
//!
//! Slow (two rustdoc builds per case), so it runs only with `SEMVER_CHECKS=1`, inside the diff
//! and history tests, on every case they compare: `SEMVER_CHECKS=1 cargo test -p xtask --test
//! diff --test history` (needs `cargo install --locked cargo-semver-checks`; `.ci/run` does both).

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is a failed test.

use std::path::{Path, PathBuf};
use std::process::Command;

use xtask::diff::{Change, Severity};

/// Lints semver-checks fails on that the crate's semver policy treats as compatible:
/// (lint, our change that causes it, why).
pub const POLICY: &[(&str, &str, &str)] = &[(
    "constructible_struct_adds_field",
    "optional field",
    "models are Twilio's data, decoded rather than built, and gain optional fields in minor \
     releases (the crate docs say so): build one with `..Default::default()`, not a literal \
     naming every field",
)];

/// Breaking changes semver-checks cannot see: (what our message says, why it cannot).
pub const UNSEEN: &[(&str, &str)] = &[
    (
        "type changed",
        "cargo-semver-checks has no lint for a field's or an argument's type changing (it \
         checks that items, fields, variants and arguments exist, not their types); the \
         compiler does see it",
    ),
    (
        "now required: ",
        "a field's type losing its `Option`: a type change, which cargo-semver-checks does not \
         compare",
    ),
    (
        "now optional (may be null or missing)",
        "a field's type gaining an `Option`: a type change, which cargo-semver-checks does not \
         compare",
    ),
    (
        "(tightened)",
        "a bound checked before sending: the same method now refuses values it took",
    ),
    (
        "pattern",
        "an ID type's pattern: the same type now refuses strings it accepted",
    ),
    (
        "Twilio's default changed",
        "the server's default for an input left unset: same code, other behaviour",
    ),
    (
        "host changed",
        "where requests go: same code, another server",
    ),
    (
        "now sent to",
        "where requests go: same code, another server",
    ),
    (
        "request changed from",
        "the method or path of an operation: same Rust call, another request",
    ),
    (
        "authentication changed",
        "which credentials an operation needs: same code, refused without them",
    ),
    (
        "request body changed",
        "how the body is encoded: same code, another request",
    ),
    (
        "documented error responses changed",
        "error bodies are read at run time through ApiError::decode_body",
    ),
];

/// Whether the cross-check runs (`SEMVER_CHECKS=1`).
pub fn enabled() -> bool {
    std::env::var_os("SEMVER_CHECKS").is_some_and(|v| v != "0")
}

/// Runs the cross-check for one case: `old` and `new` are spec folders, `changes` our
/// verdict. Does nothing unless [`enabled`].
pub fn cross_check(case: &str, old: &Path, new: &Path, changes: &[Change]) {
    if !enabled() {
        return;
    }
    let work = tempfile::tempdir().unwrap();
    let old_crate = generate(old, &work.path().join("old"));
    let new_crate = generate(new, &work.path().join("new"));
    let major = semver_major(&old_crate, &new_crate);
    let breaking: Vec<&Change> = changes
        .iter()
        .filter(|c| c.severity == Severity::Breaking && c.via.is_none())
        .collect();
    // One line per case, for the README's table (`-- --nocapture`).
    eprintln!(
        "semver cross-check | {case} | ours: {} | cargo-semver-checks: {}",
        if breaking.is_empty() {
            "compatible"
        } else {
            "breaking"
        },
        if major.is_empty() {
            "minor".to_owned()
        } else {
            major.join(", ")
        }
    );
    if !major.is_empty() && breaking.is_empty() {
        for lint in &major {
            let explained = POLICY.iter().any(|(policy_lint, cause, _)| {
                policy_lint == lint && changes.iter().any(|c| c.message.contains(cause))
            });
            assert!(
                explained,
                "{case}: cargo-semver-checks finds `{lint}` but our verdict is compatible, and no POLICY entry explains it: {changes:#?}"
            );
        }
        return;
    }
    if !major.is_empty() {
        return;
    }
    for change in breaking {
        let reason = UNSEEN
            .iter()
            .find(|(says, _)| change.message.contains(says));
        assert!(
            reason.is_some(),
            "{case}: our verdict calls `{}` ({}) breaking, but cargo-semver-checks sees no major change and no reason in UNSEEN explains it",
            change.item,
            change.message
        );
    }
}

/// Writes the crate generated from `specs` to `dir`, as its own workspace with the main
/// workspace's lock file (the same dependency versions, already built).
fn generate(specs: &Path, dir: &Path) -> PathBuf {
    let output = generator::generate(specs, "specs").unwrap();
    for (path, text) in &output.files {
        let file = dir.join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(file, text).unwrap();
    }
    let manifest = dir.join("Cargo.toml");
    let mut toml = std::fs::read_to_string(&manifest).unwrap();
    toml.push_str("\n[workspace]\n");
    std::fs::write(&manifest, toml).unwrap();
    std::fs::copy(
        xtask::workspace_root().join("Cargo.lock"),
        dir.join("Cargo.lock"),
    )
    .unwrap();
    dir.to_owned()
}

/// The lints cargo-semver-checks fails on when `new` is released as a minor version of `old`.
fn semver_major(old: &Path, new: &Path) -> Vec<String> {
    let target = xtask::workspace_root().join("target/semver-checks-cases");
    let output = Command::new("cargo")
        .args(["semver-checks", "check-release", "--release-type", "minor"])
        .arg("--manifest-path")
        .arg(new.join("Cargo.toml"))
        .arg("--baseline-root")
        .arg(old)
        .env("CARGO_TARGET_DIR", &target)
        .env("CARGO_TERM_COLOR", "never")
        .output()
        .expect("cargo semver-checks runs (cargo install --locked cargo-semver-checks)");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let failures: Vec<String> = text
        .lines()
        .filter_map(|line| line.trim().strip_prefix("--- failure "))
        .map(|rest| rest.split(':').next().unwrap_or(rest).trim().to_owned())
        .collect();
    assert!(
        output.status.success() || !failures.is_empty(),
        "cargo semver-checks failed without a finding:\n{text}"
    );
    failures
}
