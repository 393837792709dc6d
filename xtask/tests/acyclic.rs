//! The house stays acyclic: in each crate of the workspace, no module imports one that
//! imports it back (directly or around a longer loop). A module may use its ancestors and its
//! descendants freely (that is nesting, not a cycle); every other `crate::`, `super::` or
//! `self::` path in code (comments aside, tests included) is an edge of the graph checked.

#![allow(clippy::unwrap_used)] // A panic in a test is a failed test.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use regex::Regex;

type ModulePath = Vec<String>;

/// Every `.rs` file under `dir`, with the module path it defines (`crate::model::schema`).
fn modules(src: &Path) -> BTreeMap<ModulePath, PathBuf> {
    let mut out = BTreeMap::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let relative = path.strip_prefix(src).unwrap().with_extension("");
                let mut module: ModulePath = vec!["crate".to_owned()];
                module.extend(relative.iter().map(|s| s.to_string_lossy().into_owned()));
                if matches!(
                    module.last().map(String::as_str),
                    Some("mod" | "lib" | "main")
                ) {
                    module.pop();
                }
                out.insert(module, path);
            }
        }
    }
    out
}

/// The paths a file names: `crate::a::b`, `super::c`, and each item of a `use x::{..}` group.
fn paths_in(source: &str) -> Vec<Vec<String>> {
    let comments = Regex::new(r"//[^\n]*").unwrap();
    let code = comments.replace_all(source, "");
    let path = Regex::new(r"\b((?:crate|super|self)(?:::(?:\w+|\{[^}]*\}))+)").unwrap();
    let mut out = Vec::new();
    for found in path.find_iter(&code) {
        let text = found.as_str();
        let (prefix, group) = match text.find('{') {
            Some(at) => (&text[..at], Some(&text[at + 1..text.len() - 1])),
            None => (text, None),
        };
        let base: Vec<String> = prefix
            .split("::")
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
        match group {
            None => out.push(base),
            Some(items) => {
                for item in items.split(',') {
                    let mut full = base.clone();
                    full.extend(
                        item.trim()
                            .split("::")
                            .map(|s| s.trim().to_owned())
                            .filter(|s| !s.is_empty() && s != "self"),
                    );
                    out.push(full);
                }
            }
        }
    }
    out
}

/// The module a path from `from` lands in: the longest prefix that is a module of the crate.
fn target(from: &ModulePath, path: &[String], known: &BTreeMap<ModulePath, PathBuf>) -> ModulePath {
    let mut segments = path.iter().peekable();
    let mut at: ModulePath = match segments.peek().map(|s| s.as_str()) {
        Some("crate") => {
            segments.next();
            vec!["crate".to_owned()]
        }
        _ => from.clone(),
    };
    while let Some(segment) = segments.peek() {
        match segment.as_str() {
            "self" => {}
            "super" => {
                at.pop();
            }
            _ => break,
        }
        segments.next();
    }
    for segment in segments {
        let mut next = at.clone();
        next.push(segment.clone());
        if !known.contains_key(&next) {
            break;
        }
        at = next;
    }
    at
}

fn nested(a: &ModulePath, b: &ModulePath) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

/// The groups of modules that reach each other (strongly connected, more than one module).
fn cycles(src: &Path) -> Vec<Vec<String>> {
    let known = modules(src);
    let mut edges: BTreeMap<&ModulePath, BTreeSet<ModulePath>> = BTreeMap::new();
    for (module, file) in &known {
        let source = std::fs::read_to_string(file).unwrap();
        for path in paths_in(&source) {
            let to = target(module, &path, &known);
            if known.contains_key(&to) && !nested(module, &to) {
                edges.entry(module).or_default().insert(to);
            }
        }
    }
    let reach = |start: &ModulePath| {
        let mut seen: BTreeSet<ModulePath> = BTreeSet::new();
        let mut stack = vec![start.clone()];
        while let Some(at) = stack.pop() {
            for next in edges.get(&at).into_iter().flatten() {
                if seen.insert(next.clone()) {
                    stack.push(next.clone());
                }
            }
        }
        seen
    };
    let reached: BTreeMap<&ModulePath, BTreeSet<ModulePath>> =
        known.keys().map(|m| (m, reach(m))).collect();
    let mut groups: Vec<Vec<String>> = Vec::new();
    let mut placed: BTreeSet<&ModulePath> = BTreeSet::new();
    for module in known.keys() {
        if placed.contains(module) || !reached[module].contains(module) {
            continue;
        }
        let group: Vec<&ModulePath> = known
            .keys()
            .filter(|other| reached[module].contains(*other) && reached[*other].contains(module))
            .collect();
        placed.extend(group.iter().copied());
        groups.push(group.iter().map(|m| m.join("::")).collect());
    }
    groups
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    for krate in ["generator", "runtime", "xtask", "bench"] {
        let found = cycles(&root.join(krate).join("src"));
        assert!(found.is_empty(), "{krate}: import cycles {found:#?}");
    }
}

#[test]
fn a_cycle_is_found_and_nesting_is_not_one() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path();
    std::fs::create_dir(src.join("parent")).unwrap();
    let write = |name: &str, text: &str| std::fs::write(src.join(name), text).unwrap();
    write("lib.rs", "mod a; mod b; mod parent;");
    write(
        "a.rs",
        "use crate::b::thing; // crate::c in a comment is no edge\n",
    );
    write("b.rs", "use super::{a::other, parent};\n");
    write("parent/mod.rs", "mod child; use self::child::x;\n");
    write("parent/child.rs", "use super::super::parent::y;\n");
    assert_eq!(
        cycles(src),
        [vec!["crate::a".to_owned(), "crate::b".to_owned()]]
    );
}
