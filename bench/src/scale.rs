//! The generator at Twilio's scale, in process: load, model and emit for `specs/`, for the 12
//! sample files, and for synthetic specs 1x, 10x and 100x the largest sample file; then the
//! whole `cargo xtask regen --check` process on `specs/`.

use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use serde_json::Value;

use crate::stats::Samples;

/// The largest of the sample files, the one the synthetic specs copy.
const LARGEST_SAMPLE: &str = "twilio_numbers_v2.yaml";

pub fn figures(root: &Path) {
    println!("scale (load + model + emit, in process):");
    specs_figures(&root.join("specs"));
    let samples = root.join("generator/tests/twilio-oai-sample");
    samples_figures(&samples);
    synthetic_figures(&samples.join(LARGEST_SAMPLE));
    regen_figures(root);
    println!();
}

/// Spec texts of a folder by file name, as `generate_sources` takes them.
pub fn read_sources(dir: &Path) -> BTreeMap<String, String> {
    generator::load::read_sources(dir).unwrap()
}

/// Load, model and emit, each timed on its own over `rounds` runs.
struct Stages {
    load: Samples,
    model: Samples,
    emit: Samples,
    total: Samples,
    operations: usize,
    types: usize,
    output_bytes: usize,
}

fn stages(sources: &BTreeMap<String, String>, rounds: usize) -> Stages {
    let load = || generator::load::load_sources(Path::new("specs"), sources.clone()).unwrap();
    let mut loads = Vec::new();
    let mut models = Vec::new();
    let mut emits = Vec::new();
    let mut totals = Vec::new();
    let mut last = None;
    for _ in 0..rounds.max(1) {
        let start = Instant::now();
        let specs = load();
        let loaded = Instant::now();
        let model = generator::model::build(&specs).unwrap();
        let built = Instant::now();
        let output = generator::emit::emit(&model).unwrap();
        let emitted = Instant::now();
        loads.push(loaded - start);
        models.push(built - loaded);
        emits.push(emitted - built);
        totals.push(emitted - start);
        last = Some((black_box(model), black_box(output)));
    }
    let (model, output) = last.unwrap();
    Stages {
        load: Samples::of(loads),
        model: Samples::of(models),
        emit: Samples::of(emits),
        total: Samples::of(totals),
        operations: model
            .modules
            .iter()
            .filter_map(|m| m.api.as_ref())
            .map(|api| api.operations.len())
            .sum(),
        types: model.types.len(),
        output_bytes: output.files.values().map(String::len).sum(),
    }
}

fn input_bytes(sources: &BTreeMap<String, String>) -> usize {
    sources.values().map(String::len).sum()
}

fn specs_figures(specs: &Path) {
    let sources = read_sources(specs);
    let s = stages(&sources, 21);
    println!(
        "  specs/ ({} files, {} KB of YAML -> {} operations, {} types, {} KB of output):
    load {}
    model {}
    emit {}
    total {}   target < 20 ms",
        sources.len(),
        input_bytes(&sources) / 1000,
        s.operations,
        s.types,
        s.output_bytes / 1000,
        s.load,
        s.model,
        s.emit,
        s.total
    );
}

fn samples_figures(dir: &Path) {
    let sources = read_sources(dir);
    println!("  the sample files, one at a time (total, and ms per MB of YAML):");
    for (name, text) in &sources {
        let one = BTreeMap::from([(name.clone(), text.clone())]);
        let s = stages(&one, 5);
        println!(
            "    {name:<32} {:>4} KB {:>4} ops {:>4} types  {}  {:.0} ms/MB",
            text.len() / 1000,
            s.operations,
            s.types,
            s.total,
            ms_per_mb(&s.total, text.len())
        );
    }
    let s = stages(&sources, 5);
    println!(
        "  the {} sample files as one folder ({} KB -> {} operations, {} types):
    load {}
    model {}
    emit {}
    total {}   target < 0.5 s",
        sources.len(),
        input_bytes(&sources) / 1000,
        s.operations,
        s.types,
        s.load,
        s.model,
        s.emit,
        s.total
    );
}

fn ms_per_mb(samples: &Samples, bytes: usize) -> f64 {
    samples.median().as_secs_f64() * 1e3 / (bytes as f64 / 1e6)
}

fn synthetic_figures(largest: &Path) {
    let original: Value = yaml_serde::from_str(&std::fs::read_to_string(largest).unwrap()).unwrap();
    println!(
        "  synthetic specs: {LARGEST_SAMPLE} copied N times (paths, operationIds and component \
         schemas renamed, $refs rewritten):"
    );
    let mut base: Option<(f64, usize, usize)> = None;
    for (copies, rounds) in [(1, 9), (10, 5), (100, 3)] {
        let text = yaml_serde::to_string(&replicate(&original, copies)).unwrap();
        let sources = BTreeMap::from([(format!("synthetic_x{copies}.yaml"), text)]);
        let bytes = input_bytes(&sources);
        let s = stages(&sources, rounds);
        let per_mb = ms_per_mb(&s.total, bytes);
        let (base_per_mb, base_ops, base_types) =
            *base.get_or_insert((per_mb, s.operations, s.types));
        let target = if copies == 100 { "   target < 5 s" } else { "" };
        println!(
            "    x{copies:<3} {:>6.2} MB -> {:>5} ops ({:.1}x), {:>5} types ({:.1}x), {} KB out
         load {}  model {}  emit {}
         total {}  {:.0} ms/MB ({:.2}x the 1x rate; linear is 1.00x){target}",
            bytes as f64 / 1e6,
            s.operations,
            s.operations as f64 / base_ops as f64,
            s.types,
            s.types as f64 / base_types as f64,
            s.output_bytes / 1000,
            s.load,
            s.model,
            s.emit,
            s.total,
            per_mb,
            per_mb / base_per_mb,
        );
    }
}

/// `spec` with its paths, operations and component schemas (and parameters, responses,
/// request bodies) copied `copies` times; copy `k > 0` gets `/r{k}` in front of each path,
/// `R{k}` after each operationId and `_r{k}` after each component name, and its `$ref`s point
/// to its own components. The model then sees `copies` times the operations and types.
pub fn replicate(spec: &Value, copies: usize) -> Value {
    const SECTIONS: [&str; 4] = ["schemas", "parameters", "responses", "requestBodies"];
    let mut out = spec.clone();
    let mut paths = serde_json::Map::new();
    let mut components: BTreeMap<&str, serde_json::Map<String, Value>> = BTreeMap::new();
    for k in 0..copies {
        let suffix = |name: &str| {
            if k == 0 {
                name.to_owned()
            } else {
                format!("{name}_r{k}")
            }
        };
        for (path, item) in spec["paths"].as_object().into_iter().flatten() {
            let mut item = item.clone();
            rewrite_refs(&mut item, &suffix);
            if k > 0 {
                for operation in item.as_object_mut().unwrap().values_mut() {
                    if let Some(id) = operation.get_mut("operationId") {
                        *id = Value::String(format!("{}R{k}", id.as_str().unwrap()));
                    }
                }
            }
            let path = if k == 0 {
                path.clone()
            } else {
                format!("/r{k}{path}")
            };
            paths.insert(path, item);
        }
        for section in SECTIONS {
            let Some(entries) = spec["components"][section].as_object() else {
                continue;
            };
            let copied = components.entry(section).or_default();
            for (name, value) in entries {
                let mut value = value.clone();
                rewrite_refs(&mut value, &suffix);
                copied.insert(suffix(name), value);
            }
        }
    }
    out["paths"] = Value::Object(paths);
    for (section, entries) in components {
        out["components"][section] = Value::Object(entries);
    }
    out
}

/// Points every local component `$ref` inside `value` at the renamed component.
fn rewrite_refs(value: &mut Value, suffix: &impl Fn(&str) -> String) {
    match value {
        Value::Object(object) => {
            for (key, child) in object.iter_mut() {
                match child {
                    Value::String(reference) if key == "$ref" => {
                        if let Some(name) = reference
                            .strip_prefix("#/components/")
                            .and_then(|rest| rest.split_once('/'))
                            .map(|(section, name)| {
                                format!("#/components/{section}/{}", suffix(name))
                            })
                        {
                            *reference = name;
                        }
                    }
                    _ => rewrite_refs(child, suffix),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|i| rewrite_refs(i, suffix)),
        _ => {}
    }
}

/// The whole process a maintainer runs, warm: `cargo xtask regen --check` (cargo's freshness
/// check, a debug build of xtask, the generator, comparing files), against `cargo xtask help`
/// (cargo and process start alone).
fn regen_figures(root: &Path) {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let run = |args: &[&str]| {
        let status = Command::new(&cargo)
            .args(["xtask"])
            .args(args)
            .current_dir(root)
            .stdout(std::process::Stdio::null())
            .status()
            .unwrap();
        assert!(status.success(), "cargo xtask {} failed", args.join(" "));
    };
    // The warm-up builds xtask if needed.
    run(&["regen", "--check"]);
    let regen = Samples::time(7, || run(&["regen", "--check"]));
    let help = Samples::time(7, || run(&["help"]));
    println!(
        "  `cargo xtask regen --check` on specs/, whole process, warm: {regen}
    of which cargo and process start (`cargo xtask help`): {help}"
    );
}
