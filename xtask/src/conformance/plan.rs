//! What a run calls: the modes of running the operations against Prism, the calls each mode
//! makes, and how a run came out.

use generator::model::{HttpMethod, Model};

/// One way of running the operations against Prism.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    /// `prism mock`: examples; every operation, required inputs only.
    Static,
    /// `prism mock`, every operation with every optional input set too.
    StaticAllOptions,
    /// `prism mock -d`: generated data; `GET` operations only.
    Dynamic,
}

impl Mode {
    pub(super) fn label(self) -> &'static str {
        match self {
            Mode::Static => "static",
            Mode::StaticAllOptions => "static+options",
            Mode::Dynamic => "dynamic",
        }
    }

    pub(super) fn runner_args(self) -> &'static [&'static str] {
        match self {
            Mode::Static => &[],
            Mode::StaticAllOptions => &["--all-options"],
            Mode::Dynamic => &["--get-only"],
        }
    }
}

/// The operations a mode calls: (module, spec file, `module::method`).
pub(super) fn expected(model: &Model, mode: Mode) -> Vec<(String, String, String)> {
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

/// The outcome of a run.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Operation calls that passed, across modes.
    pub passed: usize,
    /// Operation calls that failed (or were never made because the runner did not build or
    /// stopped early), across modes.
    pub failed: usize,
}
