//! Cargo features: one per module, named after it, so a user compiles only the APIs they call.
//! A module's feature turns on the modules whose types it uses and the optional parts of the
//! runtime it needs, so a dependency only some APIs need (chrono, for dates) is compiled only
//! with them.

use std::collections::BTreeSet;

use serde::Serialize;

use super::{Module, TypeDef, TypeId, TypeKind, TypeRef};

/// The features the generated crate defines itself, which no module may be named: its own,
/// and each of the runtime's [`HELPERS`].
pub const CRATE_FEATURES: &[&str] = &["default", "full", "jwt", "tracing", "twiml", "webhook"];

/// The runtime's helper modules every Twilio SDK ships beside the endpoints: each is a cargo
/// feature of the same name, in `full`, and is re-exported at the generated crate's root
/// (`twilio_api::jwt`).
pub const HELPERS: &[Helper] = &[
    Helper {
        name: "jwt",
        what: "Access tokens (HS256 JWTs with grants) for Twilio's client SDKs.",
    },
    Helper {
        name: "twiml",
        what: "Typed builders for TwiML, the XML Twilio executes for calls and messages.",
    },
    Helper {
        name: "webhook",
        what: "Checking the signature Twilio puts on each webhook request (X-Twilio-Signature).",
    },
];

/// One of the runtime's helper modules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Helper {
    /// Its module and feature name.
    pub name: &'static str,
    /// One line on what it is for, for `Cargo.toml` and the docs.
    pub what: &'static str,
}

/// A part of the runtime, with the dependencies it brings, that only some APIs need.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum RuntimePart {
    /// Timestamps and dates in models and inputs: `chrono`.
    Dates,
}

impl RuntimePart {
    /// The crate's internal feature for this part (the runtime's `cfg`s and the `Cargo.toml`
    /// template name it too); a leading `_` keeps it out of any module's way.
    pub fn feature(self) -> &'static str {
        match self {
            RuntimePart::Dates => "_dates",
        }
    }
}

/// A module's cargo feature and what it turns on besides the module itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Feature {
    /// The feature's name: the module's (`assistants_v1`).
    pub name: String,
    /// The features of the other modules whose types this one uses (`common`), in order.
    pub modules: Vec<String>,
    /// Runtime parts its types and operations need, in order.
    pub runtime: Vec<RuntimePart>,
}

impl Feature {
    /// Every feature this one enables, in the order `Cargo.toml` lists them.
    pub fn enables(&self) -> impl Iterator<Item = &str> {
        self.modules
            .iter()
            .map(String::as_str)
            .chain(self.runtime.iter().map(|part| part.feature()))
    }
}

/// The feature of `module`: the other modules and the runtime parts it uses.
pub fn feature_of(module: &Module, types: &[TypeDef]) -> Feature {
    let (named, runtime) = uses(module, types);
    let modules: BTreeSet<String> = named
        .iter()
        .map(|id| &types[id.0].module)
        .filter(|other| **other != module.name)
        .cloned()
        .collect();
    Feature {
        name: module.name.clone(),
        modules: modules.into_iter().collect(),
        runtime: runtime.into_iter().collect(),
    }
}

/// The generated types `module` names (its own and other modules') and the runtime parts its
/// type references need: from its types' fields, variants and aliases and its operations'
/// inputs, checks, outcomes, error bodies and page items.
pub(super) fn uses(
    module: &Module,
    types: &[TypeDef],
) -> (BTreeSet<TypeId>, BTreeSet<RuntimePart>) {
    let mut refs: Vec<&TypeRef> = Vec::new();
    for id in &module.types {
        match &types[id.0].kind {
            TypeKind::Struct(s) => {
                refs.extend(s.fields.iter().map(|f| &f.ty));
                refs.extend(s.additional.as_ref());
            }
            TypeKind::Union(u) => refs.extend(u.variants.iter().map(|v| &v.ty)),
            TypeKind::Alias(ty) => refs.push(ty),
            TypeKind::Enum(_) | TypeKind::Id(_) => {}
        }
    }
    let mut named: BTreeSet<TypeId> = BTreeSet::new();
    for op in module.api.iter().flat_map(|api| &api.operations) {
        super::reach::operation_roots(op, &mut refs, &mut named);
    }
    let mut runtime = BTreeSet::new();
    while let Some(ty) = refs.pop() {
        match ty {
            TypeRef::Named(id) => {
                named.insert(*id);
            }
            TypeRef::Array(inner) | TypeRef::Map(inner) | TypeRef::Nullable(inner) => {
                refs.push(inner);
            }
            TypeRef::DateTime | TypeRef::DateTimeRfc2822 | TypeRef::Date => {
                runtime.insert(RuntimePart::Dates);
            }
            TypeRef::String
            | TypeRef::Integer(_)
            | TypeRef::Number
            | TypeRef::Boolean
            | TypeRef::Url
            | TypeRef::HttpMethod
            | TypeRef::Json => {}
        }
    }
    (named, runtime)
}
