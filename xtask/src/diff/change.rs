//! The diff's vocabulary: what one change is (its severity, the item of the generated crate it
//! is about, where the spec writes it) and the collector the comparisons push into. It imports
//! nothing of the diff, so every comparison and report can use it.

use std::collections::BTreeMap;
use std::fmt;

use generator::model::{Model, Module, Source, TypeName};
use serde::{Serialize, Serializer};

/// How a change affects callers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Additions, looser checks, documentation.
    Compatible,
    /// Something callers rely on is gone, renamed, retyped or stricter.
    Breaking,
}

/// What kind of difference a change is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Something new: a module, operation, input, type, field or value.
    Added,
    /// Something gone.
    Removed,
    /// The same thing under another Rust name.
    Renamed,
    /// Another type (`NaiveDate` to `DateTime<Utc>`, a struct to an enum).
    TypeChanged,
    /// Optional became required, or the reverse.
    RequiredChanged,
    /// The same item sends or reads another text: an enum value, a parameter name or a
    /// path spelled differently (`approved` -> `APPROVED`).
    WireValueChanged,
    /// A minimum, maximum or length bound.
    BoundChanged,
    /// An ID pattern.
    PatternChanged,
    /// How the request goes: method, path, host, authentication, body encoding, the value
    /// sent when none is given.
    RequestChanged,
    /// The value Twilio uses for an input left unset.
    DefaultChanged,
    /// What comes back: `send()`'s type, pagination, documented errors, nullability.
    ResponseChanged,
    /// Personal-data marking or deprecation.
    MarkingChanged,
    /// Documentation only.
    DocsChanged,
}

impl Kind {
    /// As the reports print it (`wire-value-changed`), the same as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Added => "added",
            Kind::Removed => "removed",
            Kind::Renamed => "renamed",
            Kind::TypeChanged => "type-changed",
            Kind::RequiredChanged => "required-changed",
            Kind::WireValueChanged => "wire-value-changed",
            Kind::BoundChanged => "bound-changed",
            Kind::PatternChanged => "pattern-changed",
            Kind::RequestChanged => "request-changed",
            Kind::DefaultChanged => "default-changed",
            Kind::ResponseChanged => "response-changed",
            Kind::MarkingChanged => "marking-changed",
            Kind::DocsChanged => "docs-changed",
        }
    }
}

/// Whose concern a change is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Impact {
    /// A request Twilio accepts or a response it sends changes meaning.
    Wire,
    /// Only the generated Rust changes: the same requests go out, the same answers decode.
    Rust,
    /// Only documentation.
    Docs,
}

impl Impact {
    /// As the reports print it, the same as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Impact::Wire => "wire",
            Impact::Rust => "rust",
            Impact::Docs => "docs",
        }
    }
}

/// A change's severity, kind and impact, decided together where the change is found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Class {
    /// Breaking or compatible.
    pub severity: Severity,
    /// What kind of difference.
    pub kind: Kind,
    /// Wire, Rust or docs.
    pub impact: Impact,
}

impl Class {
    /// A breaking change.
    pub const fn breaking(kind: Kind, impact: Impact) -> Class {
        Class {
            severity: Severity::Breaking,
            kind,
            impact,
        }
    }

    /// A compatible change.
    pub const fn compatible(kind: Kind, impact: Impact) -> Class {
        Class {
            severity: Severity::Compatible,
            kind,
            impact,
        }
    }

    /// A documentation change (always compatible).
    pub const DOCS: Class = Class::compatible(Kind::DocsChanged, Impact::Docs);
}

/// Which side of the comparison a location is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// The base revision (for things that were removed).
    Base,
    /// The working tree.
    Head,
}

/// Where a change is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    /// Spec file name (`assistants_v1.yaml`).
    pub file: String,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// JSON pointer of the node.
    pub pointer: String,
    /// Base revision or working tree.
    pub side: Side,
}

impl Location {
    /// Where a model item is written, on `side`.
    pub fn of(source: &Source, side: Side) -> Location {
        Location {
            file: source.file.clone(),
            line: source.line,
            pointer: source.pointer.clone(),
            side,
        }
    }

    /// A whole module's spec file.
    pub fn of_module(module: &Module, side: Side) -> Location {
        Location {
            file: module.file.clone(),
            line: None,
            pointer: String::new(),
            side,
        }
    }
}

/// The item of the generated crate a change is about. Printed as a Rust path
/// (`assistants_v1::Session::verified`); kept typed so a comparison can ask which type a
/// change touches without re-reading the path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// A module of the crate (`twilio_api::assistants_v1`).
    Module {
        /// The crate's library name (`twilio_api`).
        krate: String,
        /// The module.
        module: String,
    },
    /// The client's accessor of an API (`twilio_api::Client::assistants_v1`).
    Accessor {
        /// The crate's library name.
        krate: String,
        /// The module of the API.
        module: String,
    },
    /// A method of an API handle (`assistants_v1::AssistantsV1::create_session`).
    Method {
        /// The module.
        module: String,
        /// The API handle type.
        handle: String,
        /// The method.
        method: String,
    },
    /// A required input: an argument of its method (`…::create_session(friendly_name)`).
    Argument {
        /// The method taking it.
        method: Box<Subject>,
        /// The argument.
        argument: String,
    },
    /// An optional input: a setter of its operation's builder (`assistants_v1::CreateSession::ttl`).
    Setter {
        /// The module.
        module: String,
        /// The builder type.
        builder: String,
        /// The setter.
        setter: String,
    },
    /// A type of the model (`assistants_v1::Session`).
    Type(TypeName),
    /// A field, variant or value of a type (`assistants_v1::Session::verified`).
    Member {
        /// The type.
        ty: TypeName,
        /// The member, as Rust names it.
        member: String,
    },
}

impl Subject {
    /// The module of `model`'s crate.
    pub fn module(model: &Model, module: &str) -> Subject {
        Subject::Module {
            krate: model.crate_config.lib_name(),
            module: module.to_owned(),
        }
    }

    /// The type a change is about, if it is about a type or one of its members.
    pub fn type_name(&self) -> Option<&TypeName> {
        match self {
            Subject::Type(ty) | Subject::Member { ty, .. } => Some(ty),
            _ => None,
        }
    }
}

impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Subject::Module { krate, module } => write!(f, "{krate}::{module}"),
            Subject::Accessor { krate, module } => write!(f, "{krate}::Client::{module}"),
            Subject::Method {
                module,
                handle,
                method,
            } => write!(f, "{module}::{handle}::{method}"),
            Subject::Argument { method, argument } => write!(f, "{method}({argument})"),
            Subject::Setter {
                module,
                builder,
                setter,
            } => write!(f, "{module}::{builder}::{setter}"),
            Subject::Type(ty) => write!(f, "{}::{}", ty.module, ty.name),
            Subject::Member { ty, member } => write!(f, "{}::{}::{member}", ty.module, ty.name),
        }
    }
}

/// A member (field, variant, value) of `ty`.
pub fn member(ty: &TypeName, member: &str) -> Subject {
    Subject::Member {
        ty: ty.clone(),
        member: member.to_owned(),
    }
}

/// Reports and JSON show the Rust path.
impl Serialize for Subject {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// One difference, in the generated crate's terms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// Breaking or compatible.
    pub severity: Severity,
    /// What kind of difference.
    pub kind: Kind,
    /// Wire, Rust or docs.
    pub impact: Impact,
    /// The module (API) the change belongs to (`assistants_v1`).
    pub api: String,
    /// The Rust item it affects (`assistants_v1::Session::verified`).
    pub item: Subject,
    /// What changed.
    pub message: String,
    /// Where it is written.
    pub location: Location,
    /// For a change reported on a model because a type it uses changed: that type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<Subject>,
}

/// The message of a change to documentation only.
pub const DOCS: &str = "docs changed";

/// The changes found so far.
#[derive(Debug, Default)]
pub struct Changes {
    list: Vec<Change>,
}

impl Changes {
    /// Records a direct change (not one reported through a type it uses).
    pub fn push(
        &mut self,
        class: Class,
        api: &str,
        item: Subject,
        message: String,
        location: Location,
    ) {
        self.list.push(Change {
            severity: class.severity,
            kind: class.kind,
            impact: class.impact,
            api: api.to_owned(),
            item,
            message,
            location,
            via: None,
        });
    }

    /// Everything recorded.
    pub fn into_list(self) -> Vec<Change> {
        self.list
    }
}

/// The two models compared: types are named through the model they belong to.
#[derive(Clone, Copy)]
pub struct Models<'m> {
    /// The base revision's model.
    pub base: &'m Model,
    /// The working tree's model.
    pub head: &'m Model,
    /// Types renamed in place (same spec node, another name): base name -> head name.
    pub renames: &'m BTreeMap<TypeName, TypeName>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session() -> TypeName {
        TypeName {
            module: "assistants_v1".to_owned(),
            name: "Session".to_owned(),
        }
    }

    #[test]
    fn subjects_print_as_the_rust_paths_callers_write() {
        let method = Subject::Method {
            module: "assistants_v1".to_owned(),
            handle: "AssistantsV1".to_owned(),
            method: "create_session".to_owned(),
        };
        let cases = [
            (
                Subject::Module {
                    krate: "twilio_api".to_owned(),
                    module: "assistants_v1".to_owned(),
                },
                "twilio_api::assistants_v1",
            ),
            (
                Subject::Accessor {
                    krate: "twilio_api".to_owned(),
                    module: "assistants_v1".to_owned(),
                },
                "twilio_api::Client::assistants_v1",
            ),
            (
                method.clone(),
                "assistants_v1::AssistantsV1::create_session",
            ),
            (
                Subject::Argument {
                    method: Box::new(method),
                    argument: "friendly_name".to_owned(),
                },
                "assistants_v1::AssistantsV1::create_session(friendly_name)",
            ),
            (
                Subject::Setter {
                    module: "assistants_v1".to_owned(),
                    builder: "CreateSession".to_owned(),
                    setter: "ttl".to_owned(),
                },
                "assistants_v1::CreateSession::ttl",
            ),
            (Subject::Type(session()), "assistants_v1::Session"),
            (
                Subject::Member {
                    ty: session(),
                    member: "verified".to_owned(),
                },
                "assistants_v1::Session::verified",
            ),
        ];
        for (subject, path) in cases {
            assert_eq!(subject.to_string(), path);
            assert_eq!(
                serde_json::to_value(&subject).unwrap(),
                serde_json::Value::String(path.to_owned())
            );
        }
    }

    #[test]
    fn only_types_and_their_members_name_a_type() {
        let member = Subject::Member {
            ty: session(),
            member: "verified".to_owned(),
        };
        assert_eq!(member.type_name(), Some(&session()));
        assert_eq!(Subject::Type(session()).type_name(), Some(&session()));
        let setter = Subject::Setter {
            module: "assistants_v1".to_owned(),
            builder: "Session".to_owned(),
            setter: "ttl".to_owned(),
        };
        assert_eq!(setter.type_name(), None, "a builder is not a model type");
    }
}
