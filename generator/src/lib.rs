//! The twilio-api generator: reads the OpenAPI specs in `specs/` and writes the `twilio-api`
//! client crate.
//!
//! One pipeline, one stage per module: [`load`] parses the YAML into openapiv3 documents,
//! [`model`] turns them into the intermediate model (names, types, operations, in a fixed
//! order), and [`emit`] turns the model into the crate's files. The generator does no I/O
//! beyond reading specs: writing the files is the caller's job (`cargo xtask regen`).

#![deny(missing_docs)]

pub mod emit;
pub mod error;
pub mod load;
mod locate;
pub mod model;
pub mod names;
pub mod pattern;
pub mod pointer;
pub mod refs;

use std::collections::BTreeMap;
use std::path::Path;

pub use emit::Output;
pub use error::{Error, Problem};
pub use load::{RUNTIME_VERSION, RuntimeDependency};

/// Loads the specs in `specs_dir` and builds the files of the crate, all in memory. `label` is
/// how generated files name the specs folder (`specs`), so output does not depend on where the
/// checkout lives.
pub fn generate(specs_dir: &Path, label: &str) -> Result<Output, Error> {
    generate_with(specs_dir, label, RuntimeDependency::default())
}

/// The same as [`generate`], for a crate that reaches the runtime crate through `runtime`
/// (a crate written elsewhere than `generated/`).
pub fn generate_with(
    specs_dir: &Path,
    label: &str,
    runtime: RuntimeDependency,
) -> Result<Output, Error> {
    let mut specs = load::load_dir(specs_dir)?;
    specs.dir = label.to_owned();
    specs.config.runtime = runtime;
    let model = model::build(&specs)?;
    emit::emit(&model)
}

/// The same as [`generate`] for spec texts given by file name (`assistants_v1.yaml`, and
/// `crate.yaml` if any) instead of a folder: nothing is read from disk. Messages show each
/// file as `label/name`. The fuzz targets and property tests go through here.
pub fn generate_sources(sources: BTreeMap<String, String>, label: &str) -> Result<Output, Error> {
    let specs = load::load_sources(Path::new(label), sources)?;
    let model = model::build(&specs)?;
    emit::emit(&model)
}
