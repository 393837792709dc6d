//! Maintainer commands behind `cargo xtask`, as a library so tests can run them on fixture trees.

#![deny(missing_docs)]

pub mod conformance;
pub mod diff;
pub mod examples;
pub mod program;
pub mod regen;
pub mod sdk_wire;

use std::path::{Path, PathBuf};

/// The workspace root (the folder holding `specs/`, `generated/` and `xtask/`).
pub fn workspace_root() -> PathBuf {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest_dir.parent().unwrap_or(manifest_dir).to_path_buf()
}
