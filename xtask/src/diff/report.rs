//! Renders changes as Markdown for a pull request (a summary line, then a table per API) or as
//! JSON for tools.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use super::change::{Change, Impact, Severity, Side};

/// What was compared, for the report's header and its spec locations.
#[derive(Debug, Clone, Serialize)]
pub struct Compared {
    /// The old side, described (`` `specs/` at `main` (`0123456789`) ``).
    pub old: String,
    /// The new side, described ("the working tree").
    pub new: String,
    /// Where the old side's files are (removed things are located there).
    pub old_place: Place,
    /// Where the new side's files are.
    pub new_place: Place,
}

/// Where one side's spec files are, to print a location.
#[derive(Debug, Clone, Serialize)]
pub enum Place {
    /// A folder (or a revision and folder, `0123456789:specs/`): the file name is appended.
    Folder(String),
    /// One file, whatever name it was loaded under.
    File(String),
}

impl Place {
    /// The place of a folder or file given on the command line.
    pub fn of(path: &std::path::Path) -> Place {
        if path.is_dir() {
            Place::Folder(format!(
                "{}/",
                path.display().to_string().trim_end_matches('/')
            ))
        } else {
            Place::File(path.display().to_string())
        }
    }

    fn file(&self, name: &str) -> String {
        match self {
            Place::Folder(prefix) => format!("{prefix}{name}"),
            Place::File(path) => path.clone(),
        }
    }
}

/// Counts of direct changes (not the lines repeated on models that use a changed type).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Breaking changes.
    pub breaking: usize,
    /// Of them, those that change what Twilio accepts or sends.
    pub breaking_wire: usize,
    /// Of them, those that change only the generated Rust.
    pub breaking_rust: usize,
    /// Compatible changes.
    pub compatible: usize,
}

impl Counts {
    /// The counts of `changes`.
    pub fn of(changes: &[Change]) -> Counts {
        let mut counts = Counts::default();
        for change in changes.iter().filter(|c| c.via.is_none()) {
            match (change.severity, change.impact) {
                (Severity::Breaking, Impact::Wire) => counts.breaking_wire += 1,
                (Severity::Breaking, _) => counts.breaking_rust += 1,
                (Severity::Compatible, _) => counts.compatible += 1,
            }
        }
        counts.breaking = counts.breaking_wire + counts.breaking_rust;
        counts
    }
}

impl std::fmt::Display for Counts {
    /// `3 breaking (2 wire, 1 rust), 14 compatible`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} breaking", self.breaking)?;
        if self.breaking > 0 {
            write!(
                f,
                " ({} wire, {} rust)",
                self.breaking_wire, self.breaking_rust
            )?;
        }
        write!(f, ", {} compatible", self.compatible)
    }
}

/// Markdown ready to paste into a pull request.
pub fn markdown(compared: &Compared, changes: &[Change]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "## Spec changes: {}\n\nComparing {} with {}.\n\n_wire_: what Twilio accepts or sends \
         changes; _rust_: only the generated signature.",
        Counts::of(changes),
        compared.old,
        compared.new
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
            "\n### `{api}`\n\n| | impact | kind | change | Rust item | spec |\n|---|---|---|---|---|---|"
        );
        for change in changes {
            let severity = match change.severity {
                Severity::Breaking => "**breaking**",
                Severity::Compatible => "compatible",
            };
            let _ = writeln!(
                out,
                "| {severity} | {} | {} | {} | `{}` | {} |",
                change.impact.as_str(),
                change.kind.as_str(),
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
        #[serde(flatten)]
        counts: Counts,
        changes: &'a [Change],
    }
    let report = Report {
        compared,
        counts: Counts::of(changes),
        changes,
    };
    serde_json::to_string_pretty(&report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
        + "\n"
}

/// GitHub Actions workflow commands: `::error` on the spec line of each breaking change,
/// `::notice` for each compatible one (changes repeated on the models that use a changed type
/// are left out: the direct change is annotated once), then one summary line. Things that were
/// removed are annotated on the same file of the new side, without a line.
pub fn github(compared: &Compared, changes: &[Change]) -> String {
    let mut out = String::new();
    for change in changes.iter().filter(|c| c.via.is_none()) {
        let location = &change.location;
        let (command, title) = match change.severity {
            Severity::Breaking => ("error", "Breaking spec change"),
            Severity::Compatible => ("notice", "Compatible spec change"),
        };
        let title = format!(
            "{title} ({} / {})",
            change.impact.as_str(),
            change.kind.as_str()
        );
        let file = compared.new_place.file(&location.file);
        let line = match (location.side, location.line) {
            (Side::Head, Some(line)) => format!(",line={line}"),
            _ => String::new(),
        };
        let _ = writeln!(
            out,
            "::{command} file={}{line},title={title}::{}",
            property(&file),
            data(&format!("{}: {}", change.item, change.message)),
            title = property(&title)
        );
    }
    let _ = writeln!(out, "{}", summary(changes));
    out
}

/// One line: `spec review: 1 breaking (1 wire, 0 rust), 2 compatible; breaking:
/// events_v1::UpdateSubscription::sink_sid`.
pub fn summary(changes: &[Change]) -> String {
    let mut line = format!("spec review: {}", Counts::of(changes));
    let items: Vec<String> = changes
        .iter()
        .filter(|c| c.via.is_none() && c.severity == Severity::Breaking)
        .map(|c| c.item.to_string())
        .collect();
    if !items.is_empty() {
        let _ = write!(line, "; breaking: {}", items.join(", "));
    }
    line
}

/// Escapes a workflow command's message.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

/// `specs/assistants_v1.yaml:42` (on the old side, `0123456789:specs/…`, for removed things).
fn where_(compared: &Compared, change: &Change) -> String {
    let location = &change.location;
    let place = match location.side {
        Side::Base => &compared.old_place,
        Side::Head => &compared.new_place,
    };
    let mut text = place.file(&location.file);
    if let Some(line) = location.line {
        let _ = write!(text, ":{line}");
    }
    format!("`{text}`")
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}
