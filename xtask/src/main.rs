//! `cargo xtask`: maintainer commands. Run `cargo xtask help` for the list.

use std::path::PathBuf;
use std::process::ExitCode;

use xtask::{conformance, diff, examples, regen, sdk_wire, workspace_root};

const HELP: &str = "\
cargo xtask <command>

Commands:
  regen [--check] [--specs DIR] [--out DIR]
        Generate the client crate from the specs (default: specs/ -> generated/).
        Writes only files that change and removes generated files no longer produced.
        --check writes nothing and fails if generated/ is stale, listing files and a diff.
  diff [--base REV] [--format markdown|json|github] [--specs DIR]
  diff --old PATH --new PATH [--format markdown|json|github]
        Explain what the spec changes since REV (default: the merge base with main, else
        HEAD) mean for callers of the generated crate: each change is breaking or compatible,
        with its spec location and the Rust item it affects. With --old and --new, compare
        two spec folders, or two spec files as one API (`x@2.3.5.yaml` and `x@2.4.0.yaml`).
        --format github prints GitHub Actions annotations on the spec lines and a summary.
        Exit code: 0 nothing breaking, 3 something breaking, 1 error.
  conformance [--specs DIR] [--all-options] [--dynamic-rounds N]
        Generate the client for DIR (default: specs/) and a runner that calls every
        operation once, then run it against Stoplight Prism (`prism mock` of each spec file,
        static mode, then dynamic mode for GET operations). Prints each failure and then
        `N passed, M failed`; exit code 1 if anything failed. --all-options adds a static
        pass that sets every optional input; --dynamic-rounds repeats the dynamic pass
        (its answers are random; default 1). Needs `npm ci --prefix .ci` (or PRISM_BIN).
  examples [--specs DIR]
        Generate the client for DIR (default: specs/) and decode every response example the
        specs embed through the type the client reads that response with, as `send()` does.
        Prints each example that does not decode (with its JSON path) and then
        `N decoded, M failed`; exit code 1 if any failed.
  sdk-wire [--cases FILE] [--specs DIR]
        Reproduce the requests Twilio's own SDK tests expect (method, path, query and form
        pairs in order, headers) with the client generated from the files of DIR the cases
        name, against a recording loopback server, and decode the SDK's response fixtures.
        Defaults: xtask/tests/fixtures/twilio-sdk-wire/cases.json, generator/tests/twilio-oai.
        Prints each case that differs and then `N passed, M failed`; exit code 1 if any did.
  bench [GROUP...]
        Build the benchmarks in release mode and print their figures and ratios, each time as
        median (min … max), with the target beside it. Groups: ids, decode,
        client, stream, scale, progenitor, size, builds (cold builds: several minutes;
        BENCH_BUILD_ROUNDS repeats them). Name groups to run only those.
  soak [--seconds N]
        Run the fault-injecting loopback server's mix (resets, partial bodies, trickles, 5xx,
        429 with Retry-After) for N seconds (default 120; release build): a quarter each
        through this crate's client and bare reqwest, with faults and with correct answers
        only. Prints calls per second, outcomes, connections, duplicate writes (must be 0)
        and peak memory. Not part of CI: `cargo test` runs a 1,000-call slice of it.
  help  Show this text.
";

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<ExitCode, String> {
    let mut parser = lexopt::Parser::from_env();
    let command = match parser.next().map_err(|e| e.to_string())? {
        Some(lexopt::Arg::Value(value)) => value.to_string_lossy().into_owned(),
        Some(lexopt::Arg::Long("help") | lexopt::Arg::Short('h')) | None => {
            print!("{HELP}");
            return Ok(ExitCode::SUCCESS);
        }
        Some(other) => return Err(format!("unexpected {}\n\n{HELP}", describe(&other))),
    };
    match command.as_str() {
        "regen" => regen_command(parser),
        "diff" => diff_command(parser),
        "conformance" => conformance_command(parser),
        "examples" => examples_command(parser),
        "sdk-wire" => sdk_wire_command(parser),
        "bench" => bench_command(parser),
        "soak" => soak_command(parser),
        "help" => {
            print!("{HELP}");
            Ok(ExitCode::SUCCESS)
        }
        other => Err(format!("unknown command `{other}`\n\n{HELP}")),
    }
}

fn regen_command(mut parser: lexopt::Parser) -> Result<ExitCode, String> {
    let root = workspace_root();
    let mut check = false;
    let mut specs = None;
    let mut out = None;
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            lexopt::Arg::Long("check") => check = true,
            lexopt::Arg::Long("specs") => {
                specs = Some(PathBuf::from(parser.value().map_err(|e| e.to_string())?))
            }
            lexopt::Arg::Long("out") => {
                out = Some(PathBuf::from(parser.value().map_err(|e| e.to_string())?))
            }
            other => return Err(format!("regen: unexpected {}\n\n{HELP}", describe(&other))),
        }
    }
    // The defaults are named relative to the workspace, so generated markers say `specs/`.
    let specs = specs.unwrap_or_else(|| relative_to_cwd(&root, "specs"));
    let out = out.unwrap_or_else(|| relative_to_cwd(&root, "generated"));
    let plan = match regen::plan(&specs, &out) {
        Ok(plan) => plan,
        Err(error) => {
            eprintln!(
                "error: the specs in {} do not generate; nothing was written:\n{error}",
                specs.display()
            );
            return Ok(ExitCode::FAILURE);
        }
    };
    for warning in &plan.warnings {
        eprintln!("warning: {warning}");
    }
    if check {
        if plan.is_clean() {
            println!(
                "regen --check: {} is up to date ({} files)",
                out.display(),
                plan.unchanged.len()
            );
            return Ok(ExitCode::SUCCESS);
        }
        eprintln!(
            "regen --check: {} is stale; run `cargo xtask regen` and commit the result:",
            out.display()
        );
        eprint!("{}", plan.describe(40));
        return Ok(ExitCode::FAILURE);
    }
    regen::apply(&plan, &out).map_err(|e| e.to_string())?;
    for path in &plan.created {
        println!("  created  {path}");
    }
    for path in &plan.changed {
        println!("  updated  {path}");
    }
    for path in &plan.removed {
        println!("  removed  {path}");
    }
    println!(
        "regen: {} created, {} updated, {} removed, {} unchanged in {}",
        plan.created.len(),
        plan.changed.len(),
        plan.removed.len(),
        plan.unchanged.len(),
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}

fn diff_command(mut parser: lexopt::Parser) -> Result<ExitCode, String> {
    let mut base = None;
    let mut format = diff::Format::Markdown;
    let mut specs = None;
    let (mut old, mut new) = (None, None);
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        let name = match arg {
            lexopt::Arg::Long(name) => name.to_owned(),
            other => return Err(format!("diff: unexpected {}\n\n{HELP}", describe(&other))),
        };
        let value = parser
            .value()
            .map_err(|e| format!("diff: --{name}: {e}"))?
            .to_string_lossy()
            .into_owned();
        match name.as_str() {
            "base" => base = Some(value),
            "specs" => specs = Some(value),
            "old" => old = Some(PathBuf::from(value)),
            "new" => new = Some(PathBuf::from(value)),
            "format" => {
                format = match value.as_str() {
                    "markdown" | "md" => diff::Format::Markdown,
                    "json" => diff::Format::Json,
                    "github" => diff::Format::Github,
                    other => {
                        return Err(format!(
                            "diff: unknown format `{other}` (markdown, json or github)"
                        ));
                    }
                }
            }
            other => return Err(format!("diff: unknown option `--{other}`\n\n{HELP}")),
        }
    }
    let options = match (old, new) {
        (None, None) => diff::Options::Revision {
            repo: std::env::current_dir().map_err(|e| e.to_string())?,
            specs: specs
                .as_deref()
                .unwrap_or("specs")
                .trim_end_matches('/')
                .to_owned(),
            base,
        },
        (Some(old), Some(new)) if base.is_none() && specs.is_none() => {
            diff::Options::Paths { old, new }
        }
        (Some(_), Some(_)) => {
            return Err(
                "diff: --old/--new compare two paths; --base and --specs are for a git revision"
                    .to_owned(),
            );
        }
        _ => return Err("diff: give both --old and --new".to_owned()),
    };
    let result = match diff::diff(&options) {
        Ok(result) => result,
        Err(message) => {
            eprintln!("error: {message}");
            return Ok(ExitCode::FAILURE);
        }
    };
    print!("{}", result.render(format));
    Ok(if result.has_breaking() {
        ExitCode::from(3)
    } else {
        ExitCode::SUCCESS
    })
}

fn conformance_command(mut parser: lexopt::Parser) -> Result<ExitCode, String> {
    let root = workspace_root();
    let mut specs = None;
    let mut all_options = false;
    let mut dynamic_rounds = 1;
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            lexopt::Arg::Long("specs") => {
                specs = Some(PathBuf::from(parser.value().map_err(|e| e.to_string())?))
            }
            lexopt::Arg::Long("all-options") => all_options = true,
            lexopt::Arg::Long("dynamic-rounds") => {
                let value = parser.value().map_err(|e| e.to_string())?;
                dynamic_rounds = value
                    .to_string_lossy()
                    .parse()
                    .ok()
                    .filter(|&n: &usize| n > 0)
                    .ok_or("conformance: --dynamic-rounds takes a positive number")?;
            }
            other => {
                return Err(format!(
                    "conformance: unexpected {}\n\n{HELP}",
                    describe(&other)
                ));
            }
        }
    }
    let options = conformance::Options {
        specs: specs.unwrap_or_else(|| relative_to_cwd(&root, "specs")),
        all_options,
        dynamic_rounds,
    };
    let summary = conformance::run(&options)?;
    Ok(if summary.failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn examples_command(mut parser: lexopt::Parser) -> Result<ExitCode, String> {
    let mut specs = None;
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            lexopt::Arg::Long("specs") => {
                specs = Some(PathBuf::from(parser.value().map_err(|e| e.to_string())?))
            }
            other => {
                return Err(format!(
                    "examples: unexpected {}\n\n{HELP}",
                    describe(&other)
                ));
            }
        }
    }
    let specs = specs.unwrap_or_else(|| relative_to_cwd(&workspace_root(), "specs"));
    let summary = examples::run(&specs)?;
    Ok(if summary.failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn sdk_wire_command(mut parser: lexopt::Parser) -> Result<ExitCode, String> {
    let root = workspace_root();
    let mut cases = None;
    let mut specs = None;
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            lexopt::Arg::Long("cases") => {
                cases = Some(PathBuf::from(parser.value().map_err(|e| e.to_string())?))
            }
            lexopt::Arg::Long("specs") => {
                specs = Some(PathBuf::from(parser.value().map_err(|e| e.to_string())?))
            }
            other => {
                return Err(format!(
                    "sdk-wire: unexpected {}\n\n{HELP}",
                    describe(&other)
                ));
            }
        }
    }
    let cases = cases.unwrap_or_else(|| {
        relative_to_cwd(&root, "xtask/tests/fixtures/twilio-sdk-wire/cases.json")
    });
    let specs = specs.unwrap_or_else(|| relative_to_cwd(&root, "generator/tests/twilio-oai"));
    let summary = sdk_wire::run(&cases, &specs)?;
    Ok(if summary.failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn bench_command(mut parser: lexopt::Parser) -> Result<ExitCode, String> {
    let mut groups = Vec::new();
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            lexopt::Arg::Value(group) => groups.push(group),
            other => return Err(format!("unexpected {}\n\n{HELP}", describe(&other))),
        }
    }
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = std::process::Command::new(cargo)
        .current_dir(workspace_root())
        .args([
            "run",
            "--release",
            "--quiet",
            "-p",
            "twilio-api-bench",
            // progenitor, for the `progenitor` group: off in plain workspace builds (CI).
            "--features",
            "progenitor",
            "--",
        ])
        .args(groups)
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    Ok(if status.success() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn soak_command(mut parser: lexopt::Parser) -> Result<ExitCode, String> {
    let mut seconds: u64 = 120;
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            lexopt::Arg::Long("seconds") => {
                let value = parser.value().map_err(|e| e.to_string())?;
                seconds = value
                    .to_string_lossy()
                    .parse()
                    .map_err(|_| "soak: --seconds takes a whole number".to_owned())?;
            }
            other => return Err(format!("soak: unexpected {}\n\n{HELP}", describe(&other))),
        }
    }
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    // The soak is the ignored test next to the 1,000-call one, so both drive the same server.
    let status = std::process::Command::new(cargo)
        .current_dir(workspace_root())
        .env("SOAK_SECONDS", seconds.to_string())
        .args([
            "test",
            "--release",
            "--quiet",
            "-p",
            "twilio-api-runtime",
            "--test",
            "faults",
            "--",
            "--ignored",
            "--exact",
            "soak",
            "--nocapture",
        ])
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    Ok(if status.success() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// `root/name`, spelled relative to the current folder when that is the workspace root.
fn relative_to_cwd(root: &std::path::Path, name: &str) -> PathBuf {
    match std::env::current_dir() {
        Ok(cwd) if cwd == root => PathBuf::from(name),
        _ => root.join(name),
    }
}

fn describe(arg: &lexopt::Arg<'_>) -> String {
    match arg {
        lexopt::Arg::Short(c) => format!("option `-{c}`"),
        lexopt::Arg::Long(name) => format!("option `--{name}`"),
        lexopt::Arg::Value(value) => format!("argument `{}`", value.to_string_lossy()),
    }
}
