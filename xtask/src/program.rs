//! Programs that xtask writes from the model and builds against a client generated into the
//! target folder: the conformance runner and the examples check. Each lives in
//! `<target>/<command>/<specs folder>/` with the client beside it, and is rewritten only where
//! it changed, so a second run rebuilds nothing.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use generator::load::Specs;
use generator::model::Model;

use crate::regen;

/// The specs of a folder, their model, and the client generated from them into `client_dir`.
pub struct Client {
    /// The loaded specs.
    pub specs: Specs,
    /// Their model.
    pub model: Model,
    /// The client crate's Rust name (`twilio_api`).
    pub crate_name: String,
    /// The client crate's package name (`twilio-api`).
    pub package: String,
}

/// Generates the client for the specs in `specs_dir` into `client_dir`, reaching the
/// workspace's runtime crate by its path.
pub fn generate_client(specs_dir: &Path, client_dir: &Path) -> Result<Client, String> {
    let mut specs = generator::load::load_dir(specs_dir)
        .map_err(|e| format!("the specs in {} do not load:\n{e}", specs_dir.display()))?;
    specs.dir = regen::label(specs_dir);
    specs.config.runtime = regen::runtime_dependency(client_dir);
    let model = generator::model::build(&specs)
        .map_err(|e| format!("the specs in {} do not build:\n{e}", specs_dir.display()))?;
    let output = generator::emit::emit(&model)
        .map_err(|e| format!("the specs in {} do not generate:\n{e}", specs_dir.display()))?;
    let plan = regen::plan_files(&output.files, client_dir).map_err(|e| e.to_string())?;
    regen::apply(&plan, client_dir).map_err(|e| e.to_string())?;
    let package = model.crate_config.name.clone();
    Ok(Client {
        specs,
        model,
        crate_name: package.replace('-', "_"),
        package,
    })
}

/// Writes the program crate `package` into `dir`: `main_rs`, plus `files` beside its
/// manifest, depending on the client in `../client` and on `dependencies` (manifest lines).
/// Its starting lock file is the workspace's `Cargo.lock`: the same dependency versions as the
/// client's own tests, and nothing new to download.
pub fn write_program(
    root: &Path,
    dir: &Path,
    package: &str,
    client_package: &str,
    dependencies: &[&str],
    main_rs: &str,
    files: &[(&str, &str)],
) -> Result<(), String> {
    let written_by = package.split('-').next().unwrap_or(package);
    let manifest = format!(
        r#"# Written by `cargo xtask {written_by}`. DO NOT EDIT.
[package]
name = "{package}"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
{client_package} = {{ path = "../client" }}
{}

# Its own workspace: it lives under the target folder, not in ours.
[workspace]
"#,
        dependencies.join("\n")
    );
    write_if_changed(&dir.join("Cargo.toml"), &manifest)?;
    write_if_changed(&dir.join("src/main.rs"), main_rs)?;
    for (name, contents) in files {
        write_if_changed(&dir.join(name), contents)?;
    }
    let lock = dir.join("Cargo.lock");
    if !lock.exists()
        && let Ok(workspace_lock) = fs::read_to_string(root.join("Cargo.lock"))
    {
        write_if_changed(&lock, &workspace_lock)?;
    }
    Ok(())
}

fn write_if_changed(path: &Path, contents: &str) -> Result<(), String> {
    if fs::read_to_string(path).is_ok_and(|old| old == contents) {
        return Ok(());
    }
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    fs::write(path, contents).map_err(|e| format!("{}: {e}", path.display()))
}

/// Builds the program; on failure returns cargo's error output.
pub fn build_program(dir: &Path, build_dir: &Path, package: &str) -> Result<PathBuf, String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .arg("build")
        .arg("--manifest-path")
        .arg(dir.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(build_dir)
        .args(["--message-format", "short", "--color", "never"])
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !output.status.success() {
        return Err(String::from_utf8_lossy(&output.stderr).into_owned());
    }
    Ok(build_dir
        .join("debug")
        .join(format!("{package}{}", std::env::consts::EXE_SUFFIX)))
}

/// The first compiler error of a failed build's output, and how many there are
/// (`--message-format short`: one `path:line:col: error[..]: ..` line per error).
pub fn first_error(errors: &str) -> (String, usize) {
    let messages: Vec<&str> = errors
        .lines()
        .filter(|l| l.contains("error[") || l.contains(": error:"))
        .collect();
    let first = messages
        .first()
        .copied()
        .or_else(|| errors.lines().find(|l| l.starts_with("error")))
        .unwrap_or("cargo build failed");
    (first.to_owned(), messages.len())
}

/// Cargo's target folder: `CARGO_TARGET_DIR` if set, else the workspace's `target/`.
pub fn target_dir(root: &Path) -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => {
            let dir = PathBuf::from(dir);
            if dir.is_absolute() {
                dir
            } else {
                std::env::current_dir().map_or(dir.clone(), |cwd| cwd.join(dir))
            }
        }
        _ => root.join("target"),
    }
}

/// A folder and package name for the specs folder (`specs`, `twilio-oai-sample`).
pub fn folder_name(specs: &Path) -> String {
    let absolute = fs::canonicalize(specs).unwrap_or_else(|_| specs.to_path_buf());
    let raw = absolute
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "specs".to_owned());
    let name: String = raw
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let name = name.trim_matches('-').to_owned();
    if name.is_empty() {
        "specs".to_owned()
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_names_are_tidy() {
        assert_eq!(folder_name(Path::new("/no/such/Twilio OAI")), "twilio-oai");
        assert_eq!(folder_name(Path::new("/x/specs/")), "specs");
    }
}
