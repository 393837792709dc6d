//! Snapshot tests: each folder in `tests/fixtures/` is a specs folder; its generated crate is
//! kept in `tests/snapshots/<name>/`, which is a workspace member, so every snapshot is also
//! compiled (and linted) by `cargo test --workspace` and clippy. Run with
//! `EXPECTORATE=overwrite` to accept a change.

#![allow(clippy::unwrap_used)] // A panic in a test is a failed test.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use generator::emit::MARKER_TEXT;

fn check_fixture(name: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let specs = root.join("fixtures").join(name);
    let snapshot = root.join("snapshots").join(name);
    let output = generator::generate_with(
        &specs,
        &format!("generator/tests/fixtures/{name}"),
        generator::RuntimeDependency::Path("../../../../runtime".to_owned()),
    )
    .unwrap_or_else(|e| panic!("fixture {name} does not generate:\n{e}"));
    let overwrite = std::env::var("EXPECTORATE").as_deref() == Ok("overwrite");
    for (path, contents) in &output.files {
        let target = snapshot.join(path);
        if overwrite {
            fs::create_dir_all(target.parent().unwrap()).unwrap();
        }
        expectorate::assert_contents(target, contents);
    }
    // Files the generator no longer writes must not linger in the snapshot.
    let on_disk = marked_files(&snapshot, &snapshot);
    let expected: BTreeSet<String> = output.files.keys().cloned().collect();
    let extra: Vec<&String> = on_disk.difference(&expected).collect();
    if overwrite {
        for path in extra {
            fs::remove_file(snapshot.join(path)).unwrap();
        }
    } else {
        assert!(
            extra.is_empty(),
            "snapshot {name} has files the generator no longer writes: {extra:?} (run with EXPECTORATE=overwrite)"
        );
    }
}

fn marked_files(dir: &Path, root: &Path) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return found;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(marked_files(&path, root));
        } else if fs::read_to_string(&path)
            .is_ok_and(|text| text.lines().next().is_some_and(|l| l.contains(MARKER_TEXT)))
        {
            found.insert(
                path.strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/"),
            );
        }
    }
    found
}

#[test]
fn minimal_fixture_matches_its_snapshot() {
    check_fixture("minimal");
}

#[test]
fn features_fixture_matches_its_snapshot() {
    check_fixture("features");
}

#[test]
fn patterns_fixture_matches_its_snapshot() {
    check_fixture("patterns");
}

#[test]
fn writes_fixture_matches_its_snapshot() {
    check_fixture("writes");
}

#[test]
fn forms_fixture_matches_its_snapshot() {
    check_fixture("forms");
}

#[test]
fn auth_servers_fixture_matches_its_snapshot() {
    check_fixture("auth_servers");
}

#[test]
fn names_fixture_matches_its_snapshot() {
    check_fixture("names");
}

#[test]
fn pagination_fixture_matches_its_snapshot() {
    check_fixture("pagination");
}

#[test]
fn schemas_fixture_matches_its_snapshot() {
    check_fixture("schemas");
}
