//! `cargo xtask regen [--check]`: generates the crate in memory, then brings the output folder in
//! line with it. Only files whose contents change are written (each atomically, through a
//! temporary file and a rename); generated files that are no longer produced are removed; files
//! without the generated-file marker (hand-written tests and examples) are never touched. On
//! any error nothing is written. `--check` writes nothing and reports what would change.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use generator::emit::MARKER_TEXT;

/// What a regen run would do or did, by path relative to the output folder.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Plan {
    /// Files that do not exist yet.
    pub created: Vec<String>,
    /// Files whose contents change.
    pub changed: Vec<String>,
    /// Generated files no longer produced.
    pub removed: Vec<String>,
    /// Files already up to date.
    pub unchanged: Vec<String>,
    /// What the specs generate with but a maintainer should see (file:line: message).
    pub warnings: Vec<generator::Problem>,
    /// New contents of created and changed files, and old contents of changed files.
    contents: BTreeMap<String, (Option<String>, String)>,
}

impl Plan {
    /// Whether the output folder already matches.
    pub fn is_clean(&self) -> bool {
        self.created.is_empty() && self.changed.is_empty() && self.removed.is_empty()
    }

    /// One line per file that differs, then a short diff of each changed file.
    pub fn describe(&self, diff_lines: usize) -> String {
        let mut out = String::new();
        for path in &self.created {
            let _ = writeln!(out, "  missing  {path}");
        }
        for path in &self.changed {
            let _ = writeln!(out, "  stale    {path}");
        }
        for path in &self.removed {
            let _ = writeln!(out, "  extra    {path} (no longer generated)");
        }
        for path in &self.changed {
            if let Some((Some(old), new)) = self.contents.get(path) {
                let diff = similar::TextDiff::from_lines(old, new);
                let text = diff
                    .unified_diff()
                    .context_radius(2)
                    .header(&format!("a/{path}"), &format!("b/{path}"))
                    .to_string();
                let lines: Vec<&str> = text.lines().collect();
                for line in lines.iter().take(diff_lines) {
                    let _ = writeln!(out, "    {line}");
                }
                if lines.len() > diff_lines {
                    let _ = writeln!(out, "    … {} more diff lines", lines.len() - diff_lines);
                }
            }
        }
        out
    }
}

/// A regen failure: the specs are broken, or the output folder cannot be read or written.
#[derive(Debug)]
pub enum RegenError {
    /// The specs do not generate (every problem, with file and location).
    Spec(generator::Error),
    /// Reading or writing the output folder failed.
    Io(PathBuf, io::Error),
}

impl std::fmt::Display for RegenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RegenError::Spec(error) => write!(f, "{error}"),
            RegenError::Io(path, error) => write!(f, "{}: {error}", path.display()),
        }
    }
}

impl std::error::Error for RegenError {}

/// Generates from `specs` and plans the changes to `out`, writing nothing.
pub fn plan(specs: &Path, out: &Path) -> Result<Plan, RegenError> {
    let output = generator::generate_with(specs, &label(specs), runtime_dependency(out))
        .map_err(RegenError::Spec)?;
    let mut plan = plan_files(&output.files, out)?;
    plan.warnings = output.warnings;
    Ok(plan)
}

/// Plans bringing `out` in line with `files` (contents by relative path), writing nothing.
pub fn plan_files(files: &BTreeMap<String, String>, out: &Path) -> Result<Plan, RegenError> {
    let mut plan = Plan::default();
    for (path, new) in files {
        let target = out.join(path);
        match fs::read_to_string(&target) {
            Ok(old) if normalize(&old) == *new => plan.unchanged.push(path.clone()),
            Ok(old) => {
                plan.changed.push(path.clone());
                plan.contents
                    .insert(path.clone(), (Some(normalize(&old)), new.clone()));
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                plan.created.push(path.clone());
                plan.contents.insert(path.clone(), (None, new.clone()));
            }
            Err(e) => return Err(RegenError::Io(target, e)),
        }
    }
    for path in generated_files(out)? {
        if !files.contains_key(&path) {
            plan.removed.push(path);
        }
    }
    Ok(plan)
}

/// Applies a plan: writes created and changed files atomically, removes stale ones.
pub fn apply(plan: &Plan, out: &Path) -> Result<(), RegenError> {
    for (path, (_, contents)) in &plan.contents {
        let target = out.join(path);
        let io_error = |e| RegenError::Io(target.clone(), e);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(io_error)?;
        }
        let temporary = target.with_extension(format!(
            "{}.regen-tmp",
            target.extension().and_then(|e| e.to_str()).unwrap_or("")
        ));
        fs::write(&temporary, contents).map_err(io_error)?;
        fs::rename(&temporary, &target).map_err(io_error)?;
    }
    for path in &plan.removed {
        let target = out.join(path);
        fs::remove_file(&target).map_err(|e| RegenError::Io(target.clone(), e))?;
        // Drop folders the removal emptied (but never the output folder itself).
        let mut dir = target.parent();
        while let Some(current) = dir {
            if current == out || fs::remove_dir(current).is_err() {
                break;
            }
            dir = current.parent();
        }
    }
    Ok(())
}

/// Files under `out` that carry the generated-file marker on their first line, relative to
/// `out`. `target/` and hidden folders are skipped.
fn generated_files(out: &Path) -> Result<Vec<String>, RegenError> {
    let mut found = Vec::new();
    if !out.exists() {
        return Ok(found);
    }
    let mut pending = vec![out.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries = fs::read_dir(&dir).map_err(|e| RegenError::Io(dir.clone(), e))?;
        for entry in entries {
            let entry = entry.map_err(|e| RegenError::Io(dir.clone(), e))?;
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if path.is_dir() {
                if !name.starts_with('.') && name != "target" {
                    pending.push(path);
                }
            } else if has_marker(&path) {
                let relative = path.strip_prefix(out).unwrap_or(&path);
                found.push(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    found.sort();
    Ok(found)
}

fn has_marker(path: &Path) -> bool {
    use std::io::{BufRead as _, Read as _};
    let Ok(file) = fs::File::open(path) else {
        return false;
    };
    let mut first = String::new();
    io::BufReader::new(file)
        .take(512)
        .read_line(&mut first)
        .is_ok()
        && first.contains(MARKER_TEXT)
}

/// How generated files name the specs folder: relative to the workspace when inside it.
pub fn label(specs: &Path) -> String {
    let root = crate::workspace_root();
    let absolute = fs::canonicalize(specs).unwrap_or_else(|_| specs.to_path_buf());
    let root = fs::canonicalize(&root).unwrap_or(root);
    let shown = absolute
        .strip_prefix(&root)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| specs.to_path_buf());
    shown.to_string_lossy().replace('\\', "/")
}

/// How a crate written to `out` reaches this workspace's `runtime/`: a relative path when
/// `out` is inside the workspace (the checkout can move), else the absolute path, so a crate
/// generated anywhere on this machine builds as it is.
pub fn runtime_dependency(out: &Path) -> generator::RuntimeDependency {
    let root = crate::workspace_root();
    let root = fs::canonicalize(&root).unwrap_or(root);
    let out = absolute(out);
    let runtime = root.join("runtime");
    let path = match out.strip_prefix(&root) {
        Ok(inside) => {
            let up = inside.components().count();
            let mut path = "../".repeat(up);
            path.push_str("runtime");
            path
        }
        Err(_) => runtime.to_string_lossy().into_owned(),
    };
    generator::RuntimeDependency::Path(path.replace('\\', "/"))
}

/// `path` made absolute without requiring it to exist: its deepest existing ancestor is
/// canonicalized (symbolic links resolved, as the workspace root is) and the rest appended.
fn absolute(path: &Path) -> PathBuf {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut rest = Vec::new();
    let mut existing = path.as_path();
    loop {
        if let Ok(found) = fs::canonicalize(existing) {
            let mut full = found;
            full.extend(rest.iter().rev());
            return full;
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_owned());
                existing = parent;
            }
            _ => return path,
        }
    }
}

/// Line endings normalized, so a checkout with CRLF does not read as stale.
fn normalize(text: &str) -> String {
    text.replace("\r\n", "\n")
}
