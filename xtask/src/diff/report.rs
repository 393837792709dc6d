//! Renders changes as Markdown for a pull request (a summary line, then a table per API) or as
//! JSON for tools.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use super::compare::{Change, Severity, Side};

/// What was compared, for the report's header.
#[derive(Debug, Clone, Serialize)]
pub struct Compared {
    /// The base revision, described (`` `main` ``, "the merge base with `main`").
    pub base: String,
    /// Its commit.
    pub commit: String,
    /// The specs folder, relative to the repository (`specs`).
    pub specs: String,
}

/// Counts of direct changes (not the lines repeated on models that use a changed type).
pub fn counts(changes: &[Change]) -> (usize, usize) {
    let direct = changes.iter().filter(|c| c.via.is_none());
    let breaking = direct
        .clone()
        .filter(|c| c.severity == Severity::Breaking)
        .count();
    (breaking, direct.count() - breaking)
}

/// Markdown ready to paste into a pull request.
pub fn markdown(compared: &Compared, changes: &[Change]) -> String {
    let (breaking, compatible) = counts(changes);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "## Spec changes: {breaking} breaking, {compatible} compatible\n\nComparing `{}/` at {} (`{}`) with the working tree.",
        compared.specs,
        compared.base,
        short(&compared.commit)
    );
    if changes.is_empty() {
        let _ = writeln!(out, "\nNo change to the specs affects the generated crate.");
        return out;
    }
    let mut by_api: BTreeMap<&str, Vec<&Change>> = BTreeMap::new();
    for change in changes {
        by_api.entry(&change.api).or_default().push(change);
    }
    for (api, changes) in by_api {
        let _ = writeln!(
            out,
            "\n### `{api}`\n\n| | change | Rust item | spec |\n|---|---|---|---|"
        );
        for change in changes {
            let severity = match change.severity {
                Severity::Breaking => "**breaking**",
                Severity::Compatible => "compatible",
            };
            let _ = writeln!(
                out,
                "| {severity} | {} | `{}` | {} |",
                cell(&change.message),
                change.item,
                where_(compared, change)
            );
        }
    }
    out
}

/// JSON for tools.
pub fn json(compared: &Compared, changes: &[Change]) -> String {
    #[derive(Serialize)]
    struct Report<'a> {
        compared: &'a Compared,
        breaking: usize,
        compatible: usize,
        changes: &'a [Change],
    }
    let (breaking, compatible) = counts(changes);
    let report = Report {
        compared,
        breaking,
        compatible,
        changes,
    };
    serde_json::to_string_pretty(&report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
        + "\n"
}

/// `specs/assistants_v1.yaml:42` (prefixed with the revision for removed things).
fn where_(compared: &Compared, change: &Change) -> String {
    let location = &change.location;
    let mut text = format!("{}/{}", compared.specs, location.file);
    if let Some(line) = location.line {
        let _ = write!(text, ":{line}");
    }
    match location.side {
        Side::Base => format!("`{}:{text}`", short(&compared.commit)),
        Side::Head => format!("`{text}`"),
    }
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

fn short(commit: &str) -> &str {
    &commit[..commit.len().min(10)]
}
