//! The generator on `specs/`: load, model and emit, in process.

use std::hint::black_box;
use std::path::Path;

use crate::stats::Samples;

pub fn figures(specs: &Path) {
    let load = Samples::time(21, || {
        black_box(generator::load::load_dir(specs).unwrap());
    });
    let loaded = generator::load::load_dir(specs).unwrap();
    let model = Samples::time(21, || {
        black_box(generator::model::build(&loaded).unwrap());
    });
    let built = generator::model::build(&loaded).unwrap();
    let emit = Samples::time(21, || {
        black_box(generator::emit::emit(&built).unwrap());
    });
    let output = generator::emit::emit(&built).unwrap();
    let bytes: usize = output.files.values().map(String::len).sum();
    println!(
        "generator (specs/ -> {} files, {} KiB):",
        output.files.len(),
        bytes / 1024
    );
    let total = Samples::time(21, || {
        let loaded = generator::load::load_dir(specs).unwrap();
        let built = generator::model::build(&loaded).unwrap();
        black_box(generator::emit::emit(&built).unwrap());
    });
    println!(
        "  load {load}
  model {model}
  emit {emit}
  total {total}
"
    );
}
