//! The intermediate model: everything the emitters need, in Rust terms, with names decided and
//! order fixed. Nothing after this stage looks at openapiv3 types, so `cargo xtask diff` can
//! compare two models and speak about methods, fields and types the way callers see them.

mod build;
mod schema;

pub use build::build;

use serde::Serialize;

use crate::load::CrateConfig;
use crate::pattern::PatternCheck;

/// The whole crate to generate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Model {
    /// The specs folder as given (`specs`), named in generated-file markers.
    pub specs_dir: String,
    /// Package metadata.
    pub crate_config: CrateConfigModel,
    /// One module per spec file, in module-name order.
    pub modules: Vec<Module>,
}

/// Package metadata (a copy of [`CrateConfig`] the model owns).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CrateConfigModel {
    /// Package name (`twilio-api`).
    pub name: String,
    /// Package version.
    pub version: String,
    /// One-line description.
    pub description: String,
    /// Repository URL.
    pub repository: Option<String>,
}

impl From<&CrateConfig> for CrateConfigModel {
    fn from(config: &CrateConfig) -> Self {
        CrateConfigModel {
            name: config.name.clone(),
            version: config.version.clone(),
            description: config.description.clone(),
            repository: config.repository.clone(),
        }
    }
}

/// Where something came from: the spec file and the JSON pointer within it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Source {
    /// Spec file name (`assistants_v1.yaml`).
    pub file: String,
    /// JSON pointer of the node.
    pub pointer: String,
    /// 1-based line, when found.
    pub line: Option<usize>,
}

/// One spec file: a Rust module with its types and, for an API, its client handle.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Module {
    /// Module name (`assistants_v1`), from the file name.
    pub name: String,
    /// Spec file name (`assistants_v1.yaml`).
    pub file: String,
    /// `info.title`.
    pub title: String,
    /// `info.version`.
    pub version: String,
    /// `info.description`.
    pub description: Option<String>,
    /// The API, when the file has operations.
    pub api: Option<Api>,
    /// Types defined by this file, in name order.
    pub types: Vec<TypeDef>,
}

/// The operations of one spec file and how to reach them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Api {
    /// Name of the handle type (`AssistantsV1`).
    pub handle: String,
    /// Default server: `https://assistants.twilio.com`.
    pub server: Server,
    /// Authentication the operations accept.
    pub auth: Vec<AuthScheme>,
    /// The operations, in method-name order.
    pub operations: Vec<Operation>,
}

/// A server URL split into the parts the client runtime uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Server {
    /// `https`.
    pub scheme: String,
    /// `assistants.twilio.com`.
    pub host: String,
    /// Path prefix every operation path is appended to (`""` for none).
    pub base_path: String,
    /// Where it is written.
    pub source: Source,
}

impl Server {
    /// `https://assistants.twilio.com`.
    pub fn url(&self) -> String {
        format!("{}://{}{}", self.scheme, self.host, self.base_path)
    }
}

/// An authentication scheme the operations use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum AuthScheme {
    /// HTTP basic authentication (account SID or API key, and token or secret).
    Basic {
        /// Scheme name in the spec.
        name: String,
    },
}

/// An HTTP method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[allow(missing_docs)]
pub enum HttpMethod {
    Get,
    Put,
    Post,
    Delete,
    Options,
    Head,
    Patch,
    Trace,
}

impl HttpMethod {
    /// `GET`.
    pub fn as_str(self) -> &'static str {
        match self {
            HttpMethod::Get => "GET",
            HttpMethod::Put => "PUT",
            HttpMethod::Post => "POST",
            HttpMethod::Delete => "DELETE",
            HttpMethod::Options => "OPTIONS",
            HttpMethod::Head => "HEAD",
            HttpMethod::Patch => "PATCH",
            HttpMethod::Trace => "TRACE",
        }
    }

    /// Whether repeating the request has no further effect, so it may be retried.
    pub fn is_idempotent(self) -> bool {
        !matches!(self, HttpMethod::Post | HttpMethod::Patch)
    }
}

/// One operation: a method on the API handle and its request builder.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Operation {
    /// `operationId` (`ListSessions`).
    pub id: String,
    /// Method on the API handle (`list_sessions`).
    pub method_name: String,
    /// Request builder type (`ListSessions`).
    pub builder: String,
    /// HTTP method.
    pub http_method: HttpMethod,
    /// Path template as written (`/v1/Sessions/{id}`).
    pub path: String,
    /// The path split into literal text and parameters.
    pub path_segments: Vec<PathSegment>,
    /// `summary`.
    pub summary: Option<String>,
    /// `description`.
    pub description: Option<String>,
    /// Path parameters in path order, then query parameters in spec order.
    pub params: Vec<Param>,
    /// Type of the success body (`None` for no body).
    pub response: Option<TypeRef>,
    /// Error responses the spec documents.
    pub errors: Vec<ErrorResponse>,
    /// How to follow pages, for list operations.
    pub pagination: Option<Pagination>,
    /// Marked deprecated in the spec.
    pub deprecated: bool,
    /// Where it is written.
    pub source: Source,
}

/// A piece of an operation path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum PathSegment {
    /// Literal text (`/v1/Sessions/`).
    Literal(String),
    /// The path parameter with this wire name.
    Param(String),
}

/// Where a parameter goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum ParamLocation {
    /// In the URL path.
    Path,
    /// In the query string.
    Query,
}

/// An operation parameter.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Param {
    /// Name on the wire (`PageSize`).
    pub name: String,
    /// Rust name (`page_size`).
    pub rust_name: String,
    /// Path or query.
    pub location: ParamLocation,
    /// Must be given.
    pub required: bool,
    /// Value type.
    pub ty: TypeRef,
    /// Description.
    pub doc: Option<String>,
    /// Checks made before a request is sent.
    pub constraints: Constraints,
    /// Default value the server applies, if documented.
    pub default: Option<serde_json::Value>,
    /// Whether the value is personal data, when the spec says.
    pub pii: Option<bool>,
    /// Marked deprecated.
    pub deprecated: bool,
    /// Where it is written.
    pub source: Source,
}

/// Bounds the generated code checks before sending.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Constraints {
    /// Smallest allowed number (inclusive).
    pub minimum: Option<i64>,
    /// Largest allowed number (inclusive).
    pub maximum: Option<i64>,
    /// Shortest allowed string, in characters.
    pub min_length: Option<usize>,
    /// Longest allowed string, in characters.
    pub max_length: Option<usize>,
}

/// A documented error response.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ErrorResponse {
    /// `404`, `4XX` or `default`.
    pub status: String,
    /// What it means.
    pub description: String,
}

/// How a list operation pages.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pagination {
    /// The page type (the response type).
    pub page_type: TypeName,
    /// Field of the page that holds the items (JSON name and Rust name).
    pub items_field: FieldName,
    /// Type of one item.
    pub item_type: TypeRef,
    /// Field of the page that holds the paging metadata.
    pub meta_field: FieldName,
    /// Field of the metadata that holds the next page's URL.
    pub next_url_field: FieldName,
    /// Rust name of the page-size query parameter, with its upper bound.
    pub page_size_param: Option<(String, Option<i64>)>,
}

/// A field's JSON and Rust names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldName {
    /// As on the wire.
    pub json: String,
    /// As in Rust.
    pub rust: String,
}

/// A named type: the module that defines it and its name there.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct TypeName {
    /// Defining module (`common`).
    pub module: String,
    /// Type name (`AccountSid`).
    pub name: String,
}

/// The type of a field or parameter.
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
    /// Calendar date (`format: date`).
    Date,
    /// Absolute URL (`format: uri`).
    Url,
    /// Any JSON value (objects without declared properties).
    Json,
    /// A list.
    Array(Box<TypeRef>),
    /// A map from strings to values (`additionalProperties`).
    Map(Box<TypeRef>),
    /// A generated type.
    Named(TypeName),
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
    /// Rust name (`Session`).
    pub name: String,
    /// Description.
    pub doc: Option<String>,
    /// What kind of type.
    pub kind: TypeDefKind,
    /// Where it is written.
    pub source: Source,
}

/// The kinds of generated types.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum TypeDefKind {
    /// A struct of fields.
    Struct(Vec<Field>),
    /// An open string enum (unknown values decode to `Unknown(String)`).
    Enum(Vec<EnumValue>),
    /// A string ID whose shape is checked when built from caller input.
    Id(IdType),
    /// Another name for a type.
    Alias(TypeRef),
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
    /// Description.
    pub doc: Option<String>,
    /// Whether the value is personal data, when the spec says.
    pub pii: Option<bool>,
    /// Marked deprecated.
    pub deprecated: bool,
    /// Example value from the spec.
    pub example: Option<serde_json::Value>,
    /// Where it is written.
    pub source: Source,
}

impl Field {
    /// Whether the Rust field is an `Option` (it may be missing or null).
    pub fn is_optional(&self) -> bool {
        !self.required || self.nullable
    }
}

/// One value of an enum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EnumValue {
    /// As on the wire (`ACTIVE`).
    pub wire: String,
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

impl Model {
    /// Looks up a named type.
    pub fn type_def(&self, name: &TypeName) -> Option<&TypeDef> {
        self.modules
            .iter()
            .find(|m| m.name == name.module)?
            .types
            .iter()
            .find(|t| t.name == name.name)
    }

    /// Modules that have operations.
    pub fn apis(&self) -> impl Iterator<Item = (&Module, &Api)> {
        self.modules
            .iter()
            .filter_map(|m| m.api.as_ref().map(|api| (m, api)))
    }
}
