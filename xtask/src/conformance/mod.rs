//! `cargo xtask conformance --specs DIR`: the generated client against Stoplight Prism.
//!
//! Generates the client crate for DIR into `<target>/conformance/<name>/client`, writes a
//! runner crate next to it whose `main.rs` the generator emits from the same model (every
//! operation called once, inputs from the spec's examples or synthesized from the types), and
//! runs it against one `prism mock` per spec file with operations: in static mode (answers
//! from the spec's examples) and in dynamic mode (random data the schemas allow; `GET`
//! operations only, `--dynamic-rounds N` times). Prism checks each request against the spec and answers 4xx to any that
//! does not conform; the client must decode every answer. Stdout gets one line per failure and
//! then `N passed, M failed`; progress goes to stderr.

mod plan;
mod prism;
mod prism_specs;
mod runner;
mod values;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

pub use plan::Summary;
use plan::{Mode, expected};
use prism::{Mocks, Served, prism_bin, run_runner};
use prism_specs::write_prism_specs;
use runner::{build_runner, write_runner};

use crate::regen;

/// What to run.
#[derive(Debug, Clone)]
pub struct Options {
    /// The specs folder.
    pub specs: PathBuf,
    /// Also run a static pass that sets every optional input.
    pub all_options: bool,
    /// How many times dynamic mode calls each `GET` operation (its answers are random).
    pub dynamic_rounds: usize,
}

/// Runs the conformance check, printing failures and the summary line to stdout.
pub fn run(options: &Options) -> Result<Summary, String> {
    let root = crate::workspace_root();
    let prism = prism_bin(&root)?;
    let started = Instant::now();

    let mut specs = generator::load::load_dir(&options.specs)
        .map_err(|e| format!("the specs in {} do not load:\n{e}", options.specs.display()))?;
    specs.dir = regen::label(&options.specs);
    let target = target_dir(&root);
    let name = folder_name(&options.specs);
    let work = target.join("conformance").join(&name);
    let client_dir = work.join("client");
    specs.config.runtime = regen::runtime_dependency(&client_dir);
    let model = generator::model::build(&specs).map_err(|e| {
        format!(
            "the specs in {} do not build:\n{e}",
            options.specs.display()
        )
    })?;
    let output = generator::emit::emit(&model).map_err(|e| {
        format!(
            "the specs in {} do not generate:\n{e}",
            options.specs.display()
        )
    })?;
    let client_crate = model.crate_config.name.clone();
    let main_rs = runner::runner(&model, &client_crate.replace('-', "_"))
        .map_err(|e| format!("cannot write the conformance runner:\n{e}"))?;

    let runner_dir = work.join("runner");
    let logs = work.join("logs");
    let plan = regen::plan_files(&output.files, &client_dir).map_err(|e| e.to_string())?;
    regen::apply(&plan, &client_dir).map_err(|e| e.to_string())?;
    let package = format!("conformance-{name}");
    write_runner(&root, &runner_dir, &package, &client_crate, &main_rs)?;
    fs::create_dir_all(&logs).map_err(|e| format!("{}: {e}", logs.display()))?;
    let prism_specs = work.join("prism-specs");
    write_prism_specs(&specs, &prism_specs)?;

    let mut modes = vec![Mode::Static];
    if options.all_options {
        modes.push(Mode::StaticAllOptions);
    }
    modes.push(Mode::Dynamic);
    let planned: usize = modes
        .iter()
        .map(|&mode| {
            let rounds = match mode {
                Mode::Dynamic => options.dynamic_rounds.max(1),
                Mode::Static | Mode::StaticAllOptions => 1,
            };
            expected(&model, mode).len() * rounds
        })
        .sum();

    let build_dir = target.join("conformance").join("target");
    eprintln!(
        "conformance: building the client and runner for {} in {} (the first build takes minutes)",
        options.specs.display(),
        work.display()
    );
    let runner = match build_runner(&runner_dir, &build_dir, &package) {
        Ok(runner) => runner,
        Err(errors) => {
            eprintln!("{errors}");
            // `--message-format short`: one `path:line:col: error[..]: ..` line per error.
            let messages: Vec<&str> = errors
                .lines()
                .filter(|l| l.contains("error[") || l.contains(": error:"))
                .collect();
            let first = messages
                .first()
                .copied()
                .or_else(|| errors.lines().find(|l| l.starts_with("error")))
                .unwrap_or("cargo build failed");
            println!(
                "FAIL [build] the generated client or its runner does not compile ({} errors; the first: {first})",
                messages.len()
            );
            println!("0 passed, {planned} failed");
            return Ok(Summary {
                passed: 0,
                failed: planned,
            });
        }
    };

    let mut summary = Summary::default();
    for mode in modes {
        let wanted = expected(&model, mode);
        if wanted.is_empty() {
            continue;
        }
        let files: BTreeSet<(String, String)> = wanted
            .iter()
            .map(|(module, file, _)| (module.clone(), file.clone()))
            .collect();
        let clock = Instant::now();
        let served = Served {
            dir: &prism_specs,
            original: &options.specs,
        };
        let mocks = Mocks::start(&prism, &served, &files, mode, &logs)?;
        eprintln!(
            "conformance: {}: {} Prism server(s) ready in {:.1} s",
            mode.label(),
            mocks.len(),
            clock.elapsed().as_secs_f64()
        );
        let labels: Vec<String> = wanted.iter().map(|(_, _, label)| label.clone()).collect();
        let rounds = match mode {
            Mode::Dynamic => options.dynamic_rounds.max(1),
            Mode::Static | Mode::StaticAllOptions => 1,
        };
        for _ in 0..rounds {
            let result = run_runner(&runner, &mocks, mode, &labels)?;
            summary.passed += result.passed;
            summary.failed += result.failed;
        }
        drop(mocks);
    }
    eprintln!(
        "conformance: done in {:.0} s (logs in {})",
        started.elapsed().as_secs_f64(),
        logs.display()
    );
    println!("{} passed, {} failed", summary.passed, summary.failed);
    Ok(summary)
}

/// Cargo's target folder: `CARGO_TARGET_DIR` if set, else the workspace's `target/`.
fn target_dir(root: &Path) -> PathBuf {
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
fn folder_name(specs: &Path) -> String {
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
