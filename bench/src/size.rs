//! How much Rust the generator writes: lines per operation (`operations.rs`) and per type
//! (`models.rs` and `ids.rs`), per API module, for `specs/` and each sample file; the runtime
//! (the crate `runtime/`, which every generated crate depends on) is counted once. "code"
//! leaves out blank and doc-comment lines.

use std::collections::BTreeMap;
use std::path::Path;

use generator::model::Model;

pub fn figures(root: &Path) {
    println!("size (lines of generated Rust; code = without blank and doc lines):");
    let specs = crate::scale::read_sources(&root.join("specs"));
    let (model, output) = generate(specs);
    let runtime = count_files(&runtime_sources(root), |_| true);
    println!(
        "  runtime (the crate runtime/, which every generated crate depends on): {} lines, {} code",
        runtime.lines, runtime.code
    );
    println!(
        "  {:<28} {:>5} {:>9} {:>9} {:>6} {:>9} {:>9}",
        "module", "ops", "lines/op", "code/op", "types", "lines/ty", "code/ty"
    );
    let mut totals = Totals::default();
    report(&model, &output.files, &mut totals);
    let samples = crate::scale::read_sources(&root.join("generator/tests/twilio-oai-sample"));
    for (name, text) in samples {
        let (model, output) = generate(BTreeMap::from([(name, text)]));
        report(&model, &output.files, &mut totals);
    }
    println!(
        "  {:<28} {:>5} {:>9.0} {:>9.0} {:>6} {:>9.0} {:>9.0}\n",
        "all of the above",
        totals.operations,
        totals.op_lines.lines as f64 / totals.operations as f64,
        totals.op_lines.code as f64 / totals.operations as f64,
        totals.types,
        totals.type_lines.lines as f64 / totals.types as f64,
        totals.type_lines.code as f64 / totals.types as f64,
    );
}

fn generate(sources: BTreeMap<String, String>) -> (Model, generator::Output) {
    let specs = generator::load::load_sources(Path::new("specs"), sources).unwrap();
    let model = generator::model::build(&specs).unwrap();
    let output = generator::emit::emit(&model).unwrap();
    (model, output)
}

#[derive(Default, Clone, Copy)]
struct Lines {
    lines: usize,
    code: usize,
}

#[derive(Default)]
struct Totals {
    operations: usize,
    types: usize,
    op_lines: Lines,
    type_lines: Lines,
}

/// The runtime crate's sources, by path.
fn runtime_sources(root: &Path) -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    let mut dirs = vec![root.join("runtime/src")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                files.insert(path.to_string_lossy().into_owned(), text);
            }
        }
    }
    files
}

fn count_files(files: &BTreeMap<String, String>, mut keep: impl FnMut(&str) -> bool) -> Lines {
    let mut lines = Lines::default();
    for (_, text) in files.iter().filter(|(path, _)| keep(path)) {
        for line in text.lines() {
            lines.lines += 1;
            let line = line.trim();
            if !line.is_empty() && !line.starts_with("///") && !line.starts_with("//!") {
                lines.code += 1;
            }
        }
    }
    lines
}

fn report(model: &Model, files: &BTreeMap<String, String>, totals: &mut Totals) {
    for module in &model.modules {
        let dir = format!("src/{}/", module.name);
        let operations = module.api.as_ref().map_or(0, |api| api.operations.len());
        let types = module.types.len();
        let ops = count_files(files, |p| p == format!("{dir}operations.rs"));
        let tys = count_files(files, |p| {
            p == format!("{dir}models.rs") || p == format!("{dir}ids.rs")
        });
        let per = |lines: usize, n: usize| {
            if n == 0 {
                "-".to_owned()
            } else {
                format!("{:.0}", lines as f64 / n as f64)
            }
        };
        println!(
            "  {:<28} {operations:>5} {:>9} {:>9} {types:>6} {:>9} {:>9}",
            module.name,
            per(ops.lines, operations),
            per(ops.code, operations),
            per(tys.lines, types),
            per(tys.code, types),
        );
        totals.operations += operations;
        totals.types += types;
        totals.op_lines.lines += ops.lines;
        totals.op_lines.code += ops.code;
        totals.type_lines.lines += tys.lines;
        totals.type_lines.code += tys.code;
    }
}
