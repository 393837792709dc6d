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

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::{BufRead as _, BufReader, Read as _};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use generator::load::Specs;
use generator::model::{HttpMethod, Model};
use serde_json::Value;

use crate::regen;

/// How long one batch of Prism servers may take to start listening.
const STARTUP_LIMIT: Duration = Duration::from_secs(120);

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

/// One way of running the operations against Prism.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// `prism mock`: examples; every operation, required inputs only.
    Static,
    /// `prism mock`, every operation with every optional input set too.
    StaticAllOptions,
    /// `prism mock -d`: generated data; `GET` operations only.
    Dynamic,
}

impl Mode {
    fn label(self) -> &'static str {
        match self {
            Mode::Static => "static",
            Mode::StaticAllOptions => "static+options",
            Mode::Dynamic => "dynamic",
        }
    }

    fn runner_args(self) -> &'static [&'static str] {
        match self {
            Mode::Static => &[],
            Mode::StaticAllOptions => &["--all-options"],
            Mode::Dynamic => &["--get-only"],
        }
    }
}

/// The outcome of a run.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Operation calls that passed, across modes.
    pub passed: usize,
    /// Operation calls that failed (or were never made because the runner did not build or
    /// stopped early), across modes.
    pub failed: usize,
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
    let main_rs = generator::conformance::runner(&model, &client_crate.replace('-', "_"))
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
            mocks.0.len(),
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

/// `.ci/node_modules/.bin/prism`, or `PRISM_BIN`.
fn prism_bin(root: &Path) -> Result<PathBuf, String> {
    let path = std::env::var_os("PRISM_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join(".ci/node_modules/.bin/prism"));
    if path.exists() {
        Ok(path)
    } else {
        Err(format!(
            "Stoplight Prism not found at {}: install it with `npm ci --prefix .ci` (the version \
             pinned in .ci/package-lock.json), or point PRISM_BIN at a `prism` executable",
            path.display()
        ))
    }
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

/// Writes the runner crate (only what changed, so re-runs rebuild nothing), with the
/// workspace's `Cargo.lock` as its starting lock file: the same dependency versions as the
/// client's own tests, and nothing new to download.
fn write_runner(
    root: &Path,
    dir: &Path,
    package: &str,
    client_crate: &str,
    main_rs: &str,
) -> Result<(), String> {
    let manifest = format!(
        r#"# Written by `cargo xtask conformance`. DO NOT EDIT.
[package]
name = "{package}"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
{client_crate} = {{ path = "../client" }}
chrono = {{ version = "0.4", default-features = false, features = ["serde", "std"] }}
serde = "1"
serde_json = "1"
tokio = {{ version = "1", features = ["macros", "rt"] }}
url = {{ version = "2", features = ["serde"] }}

# Its own workspace: it lives under the target folder, not in ours.
[workspace]
"#
    );
    let write = |path: PathBuf, contents: &str| -> Result<(), String> {
        if fs::read_to_string(&path).is_ok_and(|old| old == contents) {
            return Ok(());
        }
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        fs::write(&path, contents).map_err(|e| format!("{}: {e}", path.display()))
    };
    write(dir.join("Cargo.toml"), &manifest)?;
    write(dir.join("src/main.rs"), main_rs)?;
    let lock = dir.join("Cargo.lock");
    if !lock.exists()
        && let Ok(workspace_lock) = fs::read_to_string(root.join("Cargo.lock"))
    {
        write(lock, &workspace_lock)?;
    }
    Ok(())
}

/// Writes the copies of the spec files Prism serves. Prism reads a form body's fields as
/// single strings unless the spec gives them an `encoding`, although OpenAPI's default for
/// form bodies is `style: form, explode: true`: arrays as repeated keys, Twilio's convention
/// and what the client sends. The copies spell that default out for every array field of a
/// form body; nothing else changes. (They are JSON, which YAML readers read, under the same
/// names, so `$ref`s between files still resolve.) They also cap `maxItems` at
/// [`PRISM_MAX_ITEMS`]: Prism's dynamic mode builds arrays up to `maxItems` long, and Twilio
/// writes `maxItems: 2147483647` (iam_organizations' SCIM users), which exhausts its heap.
fn write_prism_specs(specs: &Specs, dir: &Path) -> Result<(), String> {
    fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for (name, file) in &specs.files {
        let mut document = file.raw.clone();
        spell_out_form_encoding(&mut document);
        cap_max_items(&mut document);
        let text = serde_json::to_string_pretty(&document).map_err(|e| e.to_string())?;
        let path = dir.join(name);
        if fs::read_to_string(&path).is_ok_and(|old| old == text) {
            continue;
        }
        fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

/// The largest `maxItems` Prism is given (see [`write_prism_specs`]).
const PRISM_MAX_ITEMS: u64 = 20;

/// Lowers every `maxItems` above [`PRISM_MAX_ITEMS`] to it; returns how many it lowered.
fn cap_max_items(value: &mut Value) -> usize {
    match value {
        Value::Object(object) => {
            let mut lowered = 0;
            if let Some(max) = object.get_mut("maxItems")
                && max.as_u64().is_some_and(|m| m > PRISM_MAX_ITEMS)
            {
                *max = Value::from(PRISM_MAX_ITEMS);
                lowered += 1;
            }
            lowered + object.values_mut().map(cap_max_items).sum::<usize>()
        }
        Value::Array(items) => items.iter_mut().map(cap_max_items).sum(),
        _ => 0,
    }
}

/// Adds `encoding: {field: {style: form, explode: true}}` for the array fields of every
/// `application/x-www-form-urlencoded` body that does not say how to encode them; returns
/// how many it added.
fn spell_out_form_encoding(document: &mut Value) -> usize {
    const FORM: &str = "application/x-www-form-urlencoded";
    // Where form bodies are: operations' request bodies and shared ones.
    let mut media_pointers = Vec::new();
    if let Some(paths) = document.get("paths").and_then(Value::as_object) {
        for (path, item) in paths {
            let Some(item) = item.as_object() else {
                continue;
            };
            for method in item.keys() {
                media_pointers.push(format!(
                    "/paths/{}/{}/requestBody/content/{}",
                    escape(path),
                    escape(method),
                    escape(FORM)
                ));
            }
        }
    }
    if let Some(bodies) = document
        .pointer("/components/requestBodies")
        .and_then(Value::as_object)
    {
        for name in bodies.keys() {
            media_pointers.push(format!(
                "/components/requestBodies/{}/content/{}",
                escape(name),
                escape(FORM)
            ));
        }
    }
    let resolve = |document: &Value, value: &Value| -> Value {
        match value.get("$ref").and_then(Value::as_str) {
            Some(reference) if reference.starts_with("#/") => document
                .pointer(&reference[1..])
                .cloned()
                .unwrap_or(Value::Null),
            _ => value.clone(),
        }
    };
    let mut added = 0;
    for pointer in media_pointers {
        let Some(media) = document.pointer(&pointer) else {
            continue;
        };
        let schema = resolve(document, media.get("schema").unwrap_or(&Value::Null));
        let Some(properties) = schema.get("properties").and_then(Value::as_object) else {
            continue;
        };
        let arrays: Vec<String> = properties
            .iter()
            .filter(|(_, property)| {
                let property = resolve(document, property);
                property.get("type").and_then(Value::as_str) == Some("array")
                    || property.get("items").is_some()
            })
            .map(|(name, _)| name.clone())
            .collect();
        let Some(Value::Object(media)) = document.pointer_mut(&pointer) else {
            continue;
        };
        let encoding = media
            .entry("encoding")
            .or_insert_with(|| Value::Object(serde_json::Map::new()));
        let Some(encoding) = encoding.as_object_mut() else {
            continue;
        };
        for name in arrays {
            if !encoding.contains_key(&name) {
                encoding.insert(name, serde_json::json!({"style": "form", "explode": true}));
                added += 1;
            }
        }
    }
    added
}

/// A JSON pointer token (`/` and `~` escaped).
fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// Builds the runner; on failure returns cargo's error output.
fn build_runner(runner_dir: &Path, build_dir: &Path, package: &str) -> Result<PathBuf, String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .arg("build")
        .arg("--manifest-path")
        .arg(runner_dir.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(build_dir)
        .args(["--message-format", "short", "--color", "never"])
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !output.status.success() {
        return Err(String::from_utf8_lossy(&output.stderr).into_owned());
    }
    let exe = build_dir
        .join("debug")
        .join(format!("{package}{}", std::env::consts::EXE_SUFFIX));
    Ok(exe)
}

/// The operations a mode calls: (module, spec file, `module::method`).
fn expected(model: &Model, mode: Mode) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for (module, api) in model.apis() {
        for op in &api.operations {
            if mode == Mode::Dynamic && op.http_method != HttpMethod::Get {
                continue;
            }
            out.push((
                module.name.clone(),
                module.file.clone(),
                format!("{}::{}", module.name, op.method_name),
            ));
        }
    }
    out
}

/// The copies of the spec files Prism serves, and the folder they are copies of.
struct Served<'a> {
    dir: &'a Path,
    original: &'a Path,
}

impl Served<'_> {
    fn describe(&self, file: &str) -> String {
        format!(
            "{} (served from {})",
            self.original.join(file).display(),
            self.dir.join(file).display()
        )
    }
}

/// A running `prism mock` for one spec file.
struct Mock {
    module: String,
    file: String,
    port: u16,
    log: PathBuf,
    child: Child,
}

/// The Prism servers of one mode; every one is killed when this is dropped, whatever the exit
/// path (an error, a panic, or the normal end of the mode).
struct Mocks(Vec<Mock>);

impl Drop for Mocks {
    fn drop(&mut self) {
        for mock in &mut self.0 {
            let _ = mock.child.kill();
            let _ = mock.child.wait();
        }
    }
}

impl Mocks {
    /// Starts one Prism per spec file, all at once, and waits until each accepts connections.
    fn start(
        prism: &Path,
        served: &Served<'_>,
        files: &BTreeSet<(String, String)>,
        mode: Mode,
        logs: &Path,
    ) -> Result<Mocks, String> {
        let ports = free_ports(files.len())?;
        let mut mocks = Mocks(Vec::new());
        for ((module, file), port) in files.iter().zip(ports) {
            let log = logs.join(format!("{module}-{}.log", mode.label()));
            let log_file = fs::File::create(&log).map_err(|e| format!("{}: {e}", log.display()))?;
            let log_err = log_file
                .try_clone()
                .map_err(|e| format!("{}: {e}", log.display()))?;
            let mut command = Command::new(prism);
            command.args(["mock", "--host", "127.0.0.1", "--port", &port.to_string()]);
            if mode == Mode::Dynamic {
                command.arg("-d");
            }
            let child = command
                .arg(served.dir.join(file))
                .stdin(Stdio::null())
                .stdout(log_file)
                .stderr(log_err)
                .spawn()
                .map_err(|e| format!("cannot start {}: {e}", prism.display()))?;
            mocks.0.push(Mock {
                module: module.clone(),
                file: file.clone(),
                port,
                log,
                child,
            });
        }
        let deadline = Instant::now() + STARTUP_LIMIT;
        let mut waiting: Vec<usize> = (0..mocks.0.len()).collect();
        while !waiting.is_empty() {
            let mut still = Vec::new();
            for index in waiting {
                let mock = &mut mocks.0[index];
                if let Ok(Some(status)) = mock.child.try_wait() {
                    return Err(format!(
                        "Prism exited ({status}) instead of serving {} ({} mode); its log is {}:\n{}",
                        served.describe(&mock.file),
                        mode.label(),
                        mock.log.display(),
                        log_tail(&mock.log, 20)
                    ));
                }
                let address = SocketAddr::from(([127, 0, 0, 1], mock.port));
                if TcpStream::connect_timeout(&address, Duration::from_millis(200)).is_err() {
                    still.push(index);
                }
            }
            waiting = still;
            if waiting.is_empty() {
                break;
            }
            if Instant::now() > deadline {
                let mock = &mocks.0[waiting[0]];
                return Err(format!(
                    "Prism did not listen on port {} within {} s for {} ({} mode); its log is {}:\n{}",
                    mock.port,
                    STARTUP_LIMIT.as_secs(),
                    served.describe(&mock.file),
                    mode.label(),
                    mock.log.display(),
                    log_tail(&mock.log, 20)
                ));
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        Ok(mocks)
    }
}

/// `count` distinct free loopback ports (held together while chosen, so none repeats).
fn free_ports(count: usize) -> Result<Vec<u16>, String> {
    let listeners = (0..count)
        .map(|_| TcpListener::bind("127.0.0.1:0"))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("cannot find a free port: {e}"))?;
    listeners
        .iter()
        .map(|l| l.local_addr().map(|a| a.port()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("cannot find a free port: {e}"))
}

fn log_tail(path: &Path, lines: usize) -> String {
    let text = fs::read_to_string(path).unwrap_or_default();
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}

/// Runs the runner against `mocks`, printing its failures; every label it does not report
/// counts as failed.
fn run_runner(
    runner: &Path,
    mocks: &Mocks,
    mode: Mode,
    labels: &[String],
) -> Result<Summary, String> {
    let mut command = Command::new(runner);
    for mock in &mocks.0 {
        command
            .arg("--base")
            .arg(format!("{}=http://127.0.0.1:{}", mock.module, mock.port));
    }
    let mut child = command
        .args(mode.runner_args())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {}: {e}", runner.display()))?;
    let stdout = child.stdout.take();
    let mut stderr = child.stderr.take();
    // Read stderr on its own thread so a chatty runner cannot block on a full pipe.
    let stderr_reader = std::thread::spawn(move || {
        let mut text = String::new();
        if let Some(stderr) = stderr.as_mut() {
            let _ = stderr.read_to_string(&mut text);
        }
        text
    });
    let mut reported: BTreeMap<String, Option<String>> = BTreeMap::new();
    if let Some(stdout) = stdout {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if let Some(label) = line.strip_prefix("PASS ") {
                reported.insert(label.to_owned(), None);
            } else if let Some(rest) = line.strip_prefix("FAIL ") {
                let (label, error) = rest.split_once(": ").unwrap_or((rest, ""));
                println!("FAIL [{}] {label}: {error}", mode.label());
                reported.insert(label.to_owned(), Some(error.to_owned()));
            } else {
                eprintln!("{line}");
            }
        }
    }
    let status = child
        .wait()
        .map_err(|e| format!("runner {}: {e}", runner.display()))?;
    let stderr = stderr_reader.join().unwrap_or_default();
    let mut summary = Summary::default();
    for label in labels {
        match reported.get(label) {
            Some(None) => summary.passed += 1,
            Some(Some(_)) => summary.failed += 1,
            None => {
                summary.failed += 1;
                let last = stderr.lines().last().unwrap_or("").trim();
                println!(
                    "FAIL [{}] {label}: not reported by the runner ({status}){}",
                    mode.label(),
                    if last.is_empty() {
                        String::new()
                    } else {
                        format!(": {last}")
                    }
                );
            }
        }
    }
    if !stderr.trim().is_empty() {
        eprint!("{stderr}");
    }
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn huge_max_items_are_capped_for_prism() {
        let mut document = serde_json::json!({
            "a": {"type": "array", "maxItems": 2_147_483_647_u64},
            "b": [{"maxItems": 5}, {"maxItems": 21}],
        });
        assert_eq!(cap_max_items(&mut document), 2);
        assert_eq!(document["a"]["maxItems"], 20);
        assert_eq!(document["b"][0]["maxItems"], 5);
        assert_eq!(document["b"][1]["maxItems"], 20);
    }

    #[test]
    fn form_array_fields_get_the_default_encoding_spelled_out() {
        let mut document = serde_json::json!({
            "paths": {"/v1/Things": {"post": {"requestBody": {"content": {
                "application/x-www-form-urlencoded": {"schema": {"$ref": "#/components/schemas/Form"}}
            }}}}},
            "components": {"schemas": {"Form": {"properties": {
                "Types": {"type": "array", "items": {}},
                "Tags": {"$ref": "#/components/schemas/Tags"},
                "Name": {"type": "string"}
            }}, "Tags": {"type": "array", "items": {"type": "string"}}}}
        });
        assert_eq!(spell_out_form_encoding(&mut document), 2);
        let encoding = document
            .pointer("/paths/~1v1~1Things/post/requestBody/content/application~1x-www-form-urlencoded/encoding")
            .unwrap();
        let default = serde_json::json!({"style": "form", "explode": true});
        assert_eq!(
            encoding,
            &serde_json::json!({"Types": default, "Tags": default})
        );
        assert_eq!(spell_out_form_encoding(&mut document), 0, "once is enough");
    }

    #[test]
    fn folder_names_are_tidy() {
        assert_eq!(folder_name(Path::new("/no/such/Twilio OAI")), "twilio-oai");
        assert_eq!(folder_name(Path::new("/x/specs/")), "specs");
    }
}
