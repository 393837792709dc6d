//! `cargo xtask diff`: what a spec change means for callers of the generated crate.
//!
//! Loads the specs at a git revision (default: the merge base with `main`, else `HEAD`) and in
//! the working tree through the generator's own loader and model, compares the two models
//! ([`compare`]) and prints a report ([`report`]). Exit code: 0 when nothing is breaking, 3 when
//! something is, 1 on error.

pub mod compare;
mod operations;
pub mod report;
mod types;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use generator::model::Model;

pub use compare::{Change, Severity};
pub use report::Compared;

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Markdown for a pull request.
    Markdown,
    /// JSON for tools.
    Json,
}

/// What `diff` needs to know.
#[derive(Debug, Clone)]
pub struct Options {
    /// The git repository (any folder inside it).
    pub repo: PathBuf,
    /// The specs folder, relative to the repository root.
    pub specs: String,
    /// The base revision; `None` for the merge base with `main` (or `HEAD`).
    pub base: Option<String>,
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
        }
    }
}

/// Runs the comparison.
pub fn diff(options: &Options) -> Result<Diff, String> {
    let root = git(&options.repo, &["rev-parse", "--show-toplevel"])?
        .trim()
        .to_owned();
    let root = PathBuf::from(root);
    let (base, described) = match &options.base {
        Some(base) => (base.clone(), format!("`{base}`")),
        None => default_base(&root),
    };
    let commit = git(
        &root,
        &["rev-parse", "--verify", &format!("{base}^{{commit}}")],
    )
    .map_err(|e| format!("unknown base revision `{base}`: {e}"))?
    .trim()
    .to_owned();
    // Errors name the revision as the user gave it (`HEAD`), else the commit.
    let shown = options.base.clone().unwrap_or_else(|| short(&commit));
    let base_model = model_at(&root, &commit, &shown, &options.specs)?;
    let head_dir = root.join(&options.specs);
    let head_specs = generator::load::load_dir(&head_dir)
        .map_err(|e| format!("the specs in the working tree do not load:\n{e}"))?;
    let head_model = generator::model::build(&head_specs)
        .map_err(|e| format!("the specs in the working tree do not load:\n{e}"))?;
    let changes = compare::compare(&base_model, &head_model);
    Ok(Diff {
        compared: Compared {
            base: described,
            commit,
            specs: options.specs.clone(),
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
