//! `cargo xtask diff`: what a spec change means for callers of the generated crate.
//!
//! Loads two sets of specs through the generator's own loader and model: the specs folder at a
//! git revision (default: the merge base with `main`, else `HEAD`) and in the working tree, or
//! two folders or files given as they are (two releases of a vendor's spec). Compares the two
//! models ([`compare`]) and prints a report ([`report`]). Exit code: 0 when nothing is breaking,
//! 3 when something is, 1 on error.

mod affected;
pub mod change;
pub mod compare;
mod operations;
pub mod report;
mod types;
mod values;
mod wire;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use generator::model::Model;

pub use change::{Change, Impact, Kind, Severity, Subject};
pub use report::{Compared, Place};

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Markdown for a pull request.
    Markdown,
    /// JSON for tools.
    Json,
    /// GitHub Actions workflow commands: an annotation on the spec line of each change, then
    /// a one-line summary for a bot to post.
    Github,
}

/// What `diff` compares.
#[derive(Debug, Clone)]
pub enum Options {
    /// A specs folder at a git revision against the same folder in the working tree.
    Revision {
        /// The git repository (any folder inside it).
        repo: PathBuf,
        /// The specs folder, relative to the repository root.
        specs: String,
        /// The base revision; `None` for the merge base with `main` (or `HEAD`).
        base: Option<String>,
    },
    /// Two spec folders, or two spec files, as they are on disk.
    Paths {
        /// The old side.
        old: PathBuf,
        /// The new side.
        new: PathBuf,
    },
}

/// The comparison: what was compared and every change.
#[derive(Debug, Clone)]
pub struct Diff {
    /// Base revision and specs folder.
    pub compared: Compared,
    /// The changes, in API order.
    pub changes: Vec<Change>,
}

impl Diff {
    /// Whether any change is breaking.
    pub fn has_breaking(&self) -> bool {
        self.changes
            .iter()
            .any(|c| c.severity == Severity::Breaking)
    }

    /// The report in `format`.
    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Markdown => report::markdown(&self.compared, &self.changes),
            Format::Json => report::json(&self.compared, &self.changes),
            Format::Github => report::github(&self.compared, &self.changes),
        }
    }
}

/// Runs the comparison.
pub fn diff(options: &Options) -> Result<Diff, String> {
    match options {
        Options::Revision { repo, specs, base } => diff_revision(repo, specs, base.as_deref()),
        Options::Paths { old, new } => diff_paths(old, new),
    }
}

/// Two folders, or two files. Two files are compared as one API whatever their names:
/// both are loaded under the new file's name without a release suffix
/// (`twilio_events_v1@2.4.0.yaml` is the API `events_v1`).
fn diff_paths(old: &Path, new: &Path) -> Result<Diff, String> {
    let (old_model, new_model) = match (old.is_dir(), new.is_dir()) {
        (true, true) => (model_of_dir(old, "old")?, model_of_dir(new, "new")?),
        (false, false) => {
            let name = new
                .file_name()
                .map(|n| api_file_name(&n.to_string_lossy()))
                .ok_or_else(|| format!("--new {}: not a spec file", new.display()))?;
            (
                model_of_file(old, &name, "old")?,
                model_of_file(new, &name, "new")?,
            )
        }
        _ => {
            return Err(format!(
                "--old {} and --new {}: give two folders or two files",
                old.display(),
                new.display()
            ));
        }
    };
    let changes = compare::compare(&old_model, &new_model);
    Ok(Diff {
        compared: Compared {
            old: format!("`{}`", old.display()),
            new: format!("`{}`", new.display()),
            old_place: Place::of(old),
            new_place: Place::of(new),
        },
        changes,
    })
}

/// A spec file's name without a release suffix: `twilio_events_v1@2.4.0.yaml` ->
/// `twilio_events_v1.yaml`.
fn api_file_name(name: &str) -> String {
    match (name.split_once('@'), name.rsplit_once('.')) {
        (Some((api, _)), Some((_, extension))) => format!("{api}.{extension}"),
        _ => name.to_owned(),
    }
}

fn model_of_dir(dir: &Path, side: &str) -> Result<Model, String> {
    let specs = generator::load::load_dir(dir)
        .map_err(|e| format!("the {side} specs do not load:\n{e}"))?;
    generator::model::build(&specs).map_err(|e| format!("the {side} specs do not load:\n{e}"))
}

fn model_of_file(file: &Path, name: &str, side: &str) -> Result<Model, String> {
    let text = std::fs::read_to_string(file)
        .map_err(|e| format!("the {side} spec {} cannot be read: {e}", file.display()))?;
    let dir = file.parent().unwrap_or(Path::new("."));
    let specs = generator::load::load_sources(dir, BTreeMap::from([(name.to_owned(), text)]))
        .map_err(|e| format!("the {side} spec does not load:\n{e}"))?;
    generator::model::build(&specs).map_err(|e| format!("the {side} spec does not load:\n{e}"))
}

/// [`Options::Revision`].
fn diff_revision(repo: &Path, specs: &str, base: Option<&str>) -> Result<Diff, String> {
    let root = git(repo, &["rev-parse", "--show-toplevel"])?
        .trim()
        .to_owned();
    let root = PathBuf::from(root);
    let (revision, described) = match base {
        Some(base) => (base.to_owned(), format!("`{base}`")),
        None => default_base(&root),
    };
    let commit = git(
        &root,
        &["rev-parse", "--verify", &format!("{revision}^{{commit}}")],
    )
    .map_err(|e| format!("unknown base revision `{revision}`: {e}"))?
    .trim()
    .to_owned();
    // Errors name the revision as the user gave it (`HEAD`), else the commit.
    let shown = base.map_or_else(|| short(&commit), str::to_owned);
    let base_model = model_at(&root, &commit, &shown, specs)?;
    let head_dir = root.join(specs);
    let head_specs = generator::load::load_dir(&head_dir)
        .map_err(|e| format!("the specs in the working tree do not load:\n{e}"))?;
    let head_model = generator::model::build(&head_specs)
        .map_err(|e| format!("the specs in the working tree do not load:\n{e}"))?;
    let changes = compare::compare(&base_model, &head_model);
    Ok(Diff {
        compared: Compared {
            old: format!("`{specs}/` at {described} (`{}`)", short(&commit)),
            new: "the working tree".to_owned(),
            old_place: Place::Folder(format!("{}:{specs}/", short(&commit))),
            new_place: Place::Folder(format!("{specs}/")),
        },
        changes,
    })
}

/// The merge base with `main` (or `origin/main`), else `HEAD`; with how to describe it.
fn default_base(root: &Path) -> (String, String) {
    for candidate in ["main", "origin/main"] {
        if let Ok(commit) = git(root, &["merge-base", "HEAD", candidate]) {
            let commit = commit.trim();
            if !commit.is_empty() {
                return (
                    commit.to_owned(),
                    format!("the merge base with `{candidate}`"),
                );
            }
        }
    }
    ("HEAD".to_owned(), "`HEAD`".to_owned())
}

/// The model of the specs folder at `commit` (empty if the folder did not exist there).
fn model_at(root: &Path, commit: &str, base: &str, specs: &str) -> Result<Model, String> {
    let listing = git(
        root,
        &["ls-tree", "--name-only", commit, &format!("{specs}/")],
    )?;
    let mut sources = BTreeMap::new();
    for path in listing.lines() {
        let Some(name) = path.strip_prefix(&format!("{specs}/")) else {
            continue;
        };
        if !(name.ends_with(".yaml") || name.ends_with(".yml")) {
            continue;
        }
        let text = git(root, &["show", &format!("{commit}:{path}")])?;
        sources.insert(name.to_owned(), text);
    }
    if sources.is_empty() {
        return Ok(Model {
            specs_dir: specs.to_owned(),
            crate_config: empty_config(),
            modules: Vec::new(),
            types: Vec::new(),
            warnings: Vec::new(),
        });
    }
    let label = PathBuf::from(format!("{base}:{specs}"));
    let loaded = generator::load::load_sources(&label, sources)
        .map_err(|e| format!("the specs at `{base}` do not load:\n{e}"))?;
    generator::model::build(&loaded).map_err(|e| format!("the specs at `{base}` do not load:\n{e}"))
}

fn short(commit: &str) -> String {
    commit.chars().take(10).collect()
}

fn empty_config() -> generator::model::CrateConfigModel {
    generator::model::CrateConfigModel::from(&generator::load::CrateConfig::default())
}

fn git(dir: &Path, args: &[&str]) -> Result<String, String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !output.status.success() {
        return Err(String::from_utf8_lossy(&output.stderr).trim().to_owned());
    }
    String::from_utf8(output.stdout).map_err(|e| format!("git printed non-UTF-8 output: {e}"))
}
