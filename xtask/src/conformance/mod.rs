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
pub(crate) mod runner;
mod values;

use std::collections::BTreeSet;
use std::fs;
use std::path::PathBuf;
use std::time::Instant;

use crate::program::{
    Client, build_program, first_error, folder_name, generate_client, target_dir, write_program,
};
pub use plan::Summary;
use plan::{Mode, expected};
use prism::{Mocks, Served, prism_bin, run_runner};
use prism_specs::write_prism_specs;

/// What the runner needs besides the client.
const RUNNER_DEPENDENCIES: &[&str] = &[
    r#"chrono = { version = "0.4", default-features = false, features = ["serde", "std"] }"#,
    r#"serde = "1""#,
    r#"serde_json = "1""#,
    r#"tokio = { version = "1", features = ["macros", "rt"] }"#,
    r#"url = { version = "2", features = ["serde"] }"#,
];

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

    let target = target_dir(&root);
    let name = folder_name(&options.specs);
    let work = target.join("conformance").join(&name);
    let Client {
        specs,
        model,
        crate_name,
        package: client_package,
    } = generate_client(&options.specs, &work.join("client"))?;
    let main_rs = runner::runner(&model, &crate_name)
        .map_err(|e| format!("cannot write the conformance runner:\n{e}"))?;

    let runner_dir = work.join("runner");
    let logs = work.join("logs");
    let package = format!("conformance-{name}");
    write_program(
        &root,
        &runner_dir,
        &package,
        &client_package,
        RUNNER_DEPENDENCIES,
        &main_rs,
        &[],
    )?;
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
    let runner = match build_program(&runner_dir, &build_dir, &package) {
        Ok(runner) => runner,
        Err(errors) => {
            eprintln!("{errors}");
            let (first, count) = first_error(&errors);
            println!(
                "FAIL [build] the generated client or its runner does not compile ({} errors; the first: {first})",
                count
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
