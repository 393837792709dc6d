//! The type space: generated types (structs, open enums, ID types, unions, aliases) and the
//! references fields and inputs make to them.

use serde::Serialize;

use super::Source;
use crate::pattern::PatternCheck;

/// Index of a type in [`Model::types`](super::Model::types).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct TypeId(pub usize);

/// A named type: the module that defines it and its name there. Stable across two models of
/// the same specs, so `xtask diff` matches types by it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct TypeName {
    /// Defining module (`common`).
    pub module: String,
    /// Type name (`AccountSid`).
    pub name: String,
}

/// The type of a field or input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum TypeRef {
    /// Text.
    String,
    /// A whole number.
    Integer(IntegerKind),
    /// A floating point number.
    Number,
    /// `true` or `false`.
    Boolean,
    /// RFC 3339 timestamp (`format: date-time`).
    DateTime,
    /// RFC 2822 timestamp (`format: date-time-rfc-2822`: `Thu, 01 Sep 2016 10:11:12 +0000`),
    /// Twilio's oldest APIs' timestamps; the same Rust type as [`TypeRef::DateTime`], read and
    /// written in its own text.
    DateTimeRfc2822,
    /// Calendar date (`format: date`).
    Date,
    /// Absolute URL (`format: uri`).
    Url,
    /// The HTTP method of a callback (`format: http-method`, Twilio's `GET`/`POST`): the
    /// runtime's one `HttpMethod`, not an enum per field.
    HttpMethod,
    /// Any JSON value (untyped schemas, objects without declared properties).
    Json,
    /// A list.
    Array(Box<TypeRef>),
    /// A map from strings to values (`additionalProperties`).
    Map(Box<TypeRef>),
    /// A list item or map value that may be `null` (`nullable: true` on `items` or
    /// `additionalProperties`): an `Option` of the type.
    Nullable(Box<TypeRef>),
    /// A generated type.
    Named(TypeId),
}

/// Which Rust integer a schema maps to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[allow(missing_docs)]
pub enum IntegerKind {
    I32,
    I64,
    U32,
    U64,
}

/// A generated type.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TypeDef {
    /// The module that defines it.
    pub module: String,
    /// Rust name (`Session`).
    pub name: String,
    /// Description.
    pub doc: Option<String>,
    /// What kind of type.
    pub kind: TypeKind,
    /// Where it is written.
    pub source: Source,
}

/// The kinds of generated types.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum TypeKind {
    /// A struct of fields.
    Struct(Struct),
    /// An open enum (unknown values decode to `Unknown`).
    Enum(Enum),
    /// A string ID whose shape is checked when built from caller input.
    Id(IdType),
    /// One of several types (`oneOf`/`anyOf`).
    Union(Union),
    /// Another name for a type.
    Alias(TypeRef),
}

/// A struct: its fields and what it does with properties it does not declare.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Struct {
    /// The declared properties, in spec order.
    pub fields: Vec<Field>,
    /// Undeclared properties kept in a map of this value type (`additionalProperties` typed,
    /// `true` or `{}`); `None`: they are ignored when decoding.
    pub additional: Option<TypeRef>,
}

/// A struct field.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Field {
    /// JSON and Rust names.
    pub name: FieldName,
    /// Value type.
    pub ty: TypeRef,
    /// Listed in `required`.
    pub required: bool,
    /// `nullable: true`.
    pub nullable: bool,
    /// Held in a `Box` because the struct would otherwise contain itself.
    pub boxed: bool,
    /// Description.
    pub doc: Option<String>,
    /// Whether the value is personal data, and how it is printed.
    pub pii: Personal,
    /// Marked deprecated.
    pub deprecated: bool,
    /// Example value from the spec.
    pub example: Option<serde_json::Value>,
    /// Where it is written.
    pub source: Source,
}

/// How a field is read where Twilio's data is looser than its type: each kind a decision,
/// named, so a field Twilio writes oddly does not fail the whole response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leniency {
    /// As serde reads the type.
    Strict,
    /// An optional timestamp or date: an empty string is `None` (Twilio sends `""` for
    /// values it does not have); any other text must parse.
    EmptyTextIsNone,
    /// An optional URL: empty or unparseable text is `None` (URL parsers differ at the edges,
    /// and such a difference must not fail the response).
    BadUrlIsNone,
    /// An RFC 2822 timestamp, read and written in that text; where the field is optional,
    /// an empty string is `None`.
    Rfc2822,
    /// An integer or number: a JSON string holding it is read as it (`"price": "-0.0025"`),
    /// as every official Twilio SDK reads it; an empty string is `None` where the field is
    /// optional.
    NumberAsText,
}

impl Field {
    /// Whether the Rust field is an `Option` (it may be missing or null).
    pub fn is_optional(&self) -> bool {
        !self.required || self.nullable
    }

    /// How the field is decoded.
    pub fn leniency(&self) -> Leniency {
        match (&self.ty, self.is_optional()) {
            (TypeRef::Integer(_) | TypeRef::Number, _) => Leniency::NumberAsText,
            (TypeRef::DateTimeRfc2822, _) => Leniency::Rfc2822,
            (TypeRef::Url, true) => Leniency::BadUrlIsNone,
            (TypeRef::DateTime | TypeRef::Date, true) => Leniency::EmptyTextIsNone,
            _ => Leniency::Strict,
        }
    }
}

/// A field's JSON and Rust names.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct FieldName {
    /// As on the wire.
    pub json: String,
    /// As in Rust.
    pub rust: String,
}

/// An open enum.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Enum {
    /// JSON strings, in spec order.
    String(Vec<EnumValue<String>>),
    /// JSON integers, in spec order.
    Integer(Vec<EnumValue<i64>>),
}

impl Enum {
    /// Each known value as text (`ACTIVE`, `3`) with its variant name, in spec order: for
    /// messages and comparisons that do not care which kind the values are.
    pub fn texts(&self) -> Vec<(String, &str)> {
        match self {
            Enum::String(values) => values
                .iter()
                .map(|v| (v.wire.clone(), v.variant.as_str()))
                .collect(),
            Enum::Integer(values) => values
                .iter()
                .map(|v| (v.wire.to_string(), v.variant.as_str()))
                .collect(),
        }
    }
}

/// One value of an enum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EnumValue<T> {
    /// As on the wire (`ACTIVE`, or `3` for an integer enum).
    pub wire: T,
    /// Variant name (`Active`).
    pub variant: String,
}

/// A pattern-checked string ID.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IdType {
    /// The pattern as written in the spec.
    pub pattern: String,
    /// The pattern compiled to checks.
    pub check: PatternCheck,
    /// `minLength`, in characters.
    pub min_length: Option<usize>,
    /// `maxLength`, in characters.
    pub max_length: Option<usize>,
    /// Example value from the spec.
    pub example: Option<String>,
}

impl IdType {
    /// Whether `value` has the shape of this ID type (pattern and length bounds), as the
    /// generated check decides: the generator's own reading of it, for tools that choose values.
    pub fn accepts(&self, value: &str) -> bool {
        let count = value.chars().count();
        self.check.matches(value)
            && self.min_length.is_none_or(|min| count >= min)
            && self.max_length.is_none_or(|max| count <= max)
    }
}

/// A value that is one of several types.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Union {
    /// The property whose value says which variant a value is (`discriminator.propertyName`);
    /// `None`: the first variant that decodes wins.
    pub discriminator: Option<String>,
    /// The variants, in spec order.
    pub variants: Vec<UnionVariant>,
}

/// One variant of a [`Union`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnionVariant {
    /// Variant name (`WhatsApp`).
    pub name: String,
    /// The discriminator values that select it (empty without a discriminator).
    pub tags: Vec<String>,
    /// Its type.
    pub ty: TypeRef,
}

/// How the spec marks a value as personal data: Twilio's `x-twilio: {pii: {handling}}`.
/// Only the spec decides; an unmarked value prints as is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize)]
pub enum Personal {
    /// Not marked (Twilio's pages say "Not PII").
    #[default]
    Unmarked,
    /// `handling: standard`: `Debug` prints `<redacted>`.
    Standard,
    /// `handling: sensitive` (secrets such as an auth token): redacted wherever the crate
    /// prints, errors included. A `handling` this generator does not know counts as
    /// sensitive, so a new marking never prints a value.
    Sensitive,
}

impl Personal {
    /// Whether `Debug` prints `<redacted>` instead of the value.
    pub fn is_redacted(self) -> bool {
        self != Personal::Unmarked
    }

    /// How docs and reviews name the marking.
    pub fn describe(self) -> &'static str {
        match self {
            Personal::Unmarked => "unmarked",
            Personal::Standard => "personal (standard)",
            Personal::Sensitive => "personal (sensitive)",
        }
    }
}
