//! The intermediate model: everything the emitters need, in Rust terms, with names decided and
//! order fixed. Nothing after this stage looks at the spec documents, so `cargo xtask diff` can
//! compare two models and speak about methods, fields and types the way callers see them.
//!
//! Types live in one arena ([`Model::types`], indexed by [`TypeId`]); operations hold their
//! inputs as one list, each with its location and the checks made before sending.

mod build;
mod draft;
mod features;
mod inputs;
mod names_pass;
mod operation;
mod operation_id;
mod pagination;
mod reach;
mod responses;
mod rust_text;
mod schema;
mod types;

#[cfg(test)]
mod tests;

pub use build::build;
pub use draft::SHARED_MODULE;
pub use features::{CRATE_FEATURES, Feature, HELPERS, Helper, RuntimePart};
pub use rust_text::Naming;
pub use types::*;

use serde::Serialize;

use crate::load::{CrateConfig, RuntimeDependency};

/// The whole crate to generate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Model {
    /// The specs folder as given (`specs`), named in generated-file markers.
    pub specs_dir: String,
    /// Package metadata.
    pub crate_config: CrateConfigModel,
    /// One module per spec file (plus `common` for ID types several files share), in
    /// module-name order.
    pub modules: Vec<Module>,
    /// Every generated type; [`TypeId`] indexes it.
    pub types: Vec<TypeDef>,
    /// What generated but deserves a look, located like problems.
    #[serde(skip)]
    pub warnings: Vec<crate::Problem>,
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
    /// How the crate depends on the runtime crate.
    pub runtime: RuntimeDependency,
}

impl From<&CrateConfig> for CrateConfigModel {
    fn from(config: &CrateConfig) -> Self {
        CrateConfigModel {
            name: config.name.clone(),
            version: config.version.clone(),
            description: config.description.clone(),
            repository: config.repository.clone(),
            runtime: config.runtime.clone(),
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
    /// Spec file name (`assistants_v1.yaml`); empty for the synthetic `common` module.
    pub file: String,
    /// `info.title`.
    pub title: String,
    /// `info.version`.
    pub version: String,
    /// `info.description`.
    pub description: Option<String>,
    /// The API, when the file has operations.
    pub api: Option<Api>,
    /// Types defined by this module, in name order.
    pub types: Vec<TypeId>,
    /// ID types of the shared `common` module that this module's types and operations use,
    /// re-exported by it (`events_v1::AccountSid`), in name order; none whose name the module
    /// itself defines.
    pub shared: Vec<TypeId>,
    /// The cargo feature that compiles this module (named after it) and what it turns on.
    pub feature: Feature,
    /// The page types this module defines, each once (`impl Page` for each).
    pub pages: Vec<Page>,
    /// This module's ID types that are also reachable from the crate root
    /// (`twilio_api::AccountSid`): those whose name no other module's ID type has.
    pub root_ids: Vec<TypeId>,
}

/// The operations of one spec file and how to reach them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Api {
    /// Name of the handle type (`AssistantsV1`).
    pub handle: String,
    /// Servers the operations use; the first is the file's default.
    pub servers: Vec<Server>,
    /// Authentication the operations accept unless they say otherwise, in preference order.
    pub security: Vec<AuthScheme>,
    /// The operations, in method-name order.
    pub operations: Vec<Operation>,
}

impl Api {
    /// The file's default server, which the docs name and a client uses unless told otherwise:
    /// the first of [`Api::servers`] (the model builds no API without one).
    pub fn default_server(&self) -> &Server {
        &self.servers[0]
    }

    /// Whether any operation accepts `scheme`, by its own `security` or the API's.
    pub fn accepts(&self, scheme: AuthScheme) -> bool {
        self.security.contains(&scheme)
            || self
                .operations
                .iter()
                .any(|op| op.security.as_ref().is_some_and(|s| s.contains(&scheme)))
    }
}

/// A server URL split into the parts the client runtime uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Server {
    /// Name of the static that describes it in the generated module (`API`, `API_2`).
    pub rust_name: String,
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

/// An authentication scheme an operation accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum AuthScheme {
    /// HTTP basic authentication (account SID or API key, and token or secret).
    Basic,
    /// A bearer token: HTTP bearer, or an OAuth2 access token (client credentials).
    Bearer,
}

/// Where an operation's id comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum IdOrigin {
    /// The spec's `operationId`.
    Spec,
    /// Made from the method and path, as Twilio's generator does (the spec has none).
    Derived,
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
}

/// One operation: a method on the API handle and its request builder.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Operation {
    /// `operationId` (`ListSessions`), or the name made from the method and path.
    pub id: String,
    /// Whether the spec gave the id or the generator made it.
    pub id_origin: IdOrigin,
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
    /// Index into [`Api::servers`].
    pub server: usize,
    /// Authentication when it differs from the API's (`Some(vec![])`: none at all).
    pub security: Option<Vec<AuthScheme>>,
    /// `summary`.
    pub summary: Option<String>,
    /// `description`.
    pub description: Option<String>,
    /// Every input: path parameters in path order, then query, header and body inputs in
    /// spec order. Required ones are the method's arguments, in this order.
    pub inputs: Vec<Input>,
    /// How the body is encoded, when the operation sends one.
    pub body: Option<BodyEncoding>,
    /// Whether the spec requires a request body (`requestBody.required`), even one whose
    /// every field is optional. The client sends none when no field is set, as Twilio's SDKs
    /// do; callers that must send one (the conformance runner, against Prism) set a field.
    pub body_required: bool,
    /// What a successful call returns.
    pub outcome: Outcome,
    /// The `Accept` header to send when the answer is not plain JSON
    /// (`application/scim+json`); `None`: the client's default, `application/json`.
    pub accept: Option<String>,
    /// Error responses the spec documents.
    pub errors: Vec<ErrorResponse>,
    /// The JSON response bodies the spec gives as examples, successes and errors.
    pub examples: Vec<ResponseExample>,
    /// How to follow pages, for list operations.
    pub pagination: Option<Pagination>,
    /// Marked deprecated in the spec.
    pub deprecated: bool,
    /// Where it is written.
    pub source: Source,
}

impl Operation {
    /// Inputs that are method arguments (required ones), in order.
    pub fn arguments(&self) -> impl Iterator<Item = &Input> {
        self.inputs.iter().filter(|i| i.required)
    }

    /// Inputs set with builder methods (optional ones).
    pub fn options(&self) -> impl Iterator<Item = &Input> {
        self.inputs.iter().filter(|i| !i.required)
    }
}

/// A piece of an operation path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum PathSegment {
    /// Literal text (`/v1/Sessions/`).
    Literal(String),
    /// The path parameter that is `inputs[index]` of the operation (path inputs come first).
    Input(usize),
}

/// Where an input goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum InputLocation {
    /// In the URL path.
    Path,
    /// In the query string.
    Query,
    /// An HTTP header.
    Header,
    /// A field of an `application/x-www-form-urlencoded` body.
    FormField,
    /// The whole JSON body.
    JsonBody,
}

impl Input {
    /// How the request builder holds the input.
    pub fn held(&self) -> Held {
        match (self.repeated, self.required) {
            (true, _) => Held::Many,
            (false, true) => Held::One,
            (false, false) => Held::Optional,
        }
    }
}

/// How a request builder holds an input: as a value, an `Option` or a `Vec`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Held {
    /// A required argument, always there.
    One,
    /// An optional setter, `None` until set.
    Optional,
    /// A repeated input, sent once per value (empty until set).
    Many,
}

impl InputLocation {
    /// How docs name the place (`query parameter`).
    pub fn describe(self) -> &'static str {
        match self {
            InputLocation::Path => "path parameter",
            InputLocation::Query => "query parameter",
            InputLocation::Header => "header",
            InputLocation::FormField => "form field",
            InputLocation::JsonBody => "JSON body",
        }
    }
}

/// How a request body is encoded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum BodyEncoding {
    /// `application/x-www-form-urlencoded`, one [`InputLocation::FormField`] input per field.
    Form,
    /// A JSON document of this media type (`application/json`, `application/scim+json`).
    Json {
        /// The media type sent as `Content-Type`.
        content_type: String,
    },
}

/// One input of an operation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Input {
    /// Name on the wire (`PageSize`, `Sip.Username`, `StartTime<`); `body` for a JSON body.
    pub name: String,
    /// Rust name of the argument or builder method (`page_size`, `start_time_before`).
    pub rust_name: String,
    /// Where it goes.
    pub location: InputLocation,
    /// Must be given (a method argument); optional inputs are builder methods.
    pub required: bool,
    /// The Rust type of one value.
    pub ty: TypeRef,
    /// How the value is taken and written.
    pub kind: ValueKind,
    /// Several values, sent as repeated keys (query and form arrays).
    pub repeated: bool,
    /// Description.
    pub doc: Option<String>,
    /// Checks made before a request is sent.
    pub checks: Vec<Check>,
    /// Default value the server applies, if documented.
    pub default: Option<serde_json::Value>,
    /// What the client sends when the caller gives nothing, for an input that is optional
    /// only because the client knows a value.
    pub fallback: Option<Fallback>,
    /// Whether the value is personal data, and how it is printed.
    pub pii: Personal,
    /// Marked deprecated.
    pub deprecated: bool,
    /// An example value from the spec, when it gives one.
    pub example: Option<serde_json::Value>,
    /// Where it is written.
    pub source: Source,
}

/// A value the client supplies for an input the caller may leave out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Fallback {
    /// The client's account SID: `{AccountSid}` in a path is the account the client is for
    /// unless the caller names another (a subaccount), as in every official Twilio SDK.
    ClientAccountSid,
}

/// How an input's value is taken from the caller.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum ValueKind {
    /// Text, or an ID type: anything `Into<String>` (ID types are checked before sending).
    Text,
    /// An open enum: anything `Into` the enum.
    Enum,
    /// A value of the Rust type as it is (numbers, booleans, timestamps, URLs, JSON bodies).
    Plain,
    /// A value taken as it is and written as compact JSON text (untyped form fields such as
    /// Twilio's `SinkConfiguration`, objects in a query).
    JsonText,
    /// A JSON object written as one pair per leaf, named `prefix` and its keys joined with
    /// `.` (Twilio's `format: prefixed-collapsible-map-AddOns`: `AddOns.<key>=<value>`), as
    /// Twilio's SDKs send it.
    PrefixedMap {
        /// What the pairs' names start with (`AddOns`).
        prefix: String,
    },
}

/// A check made on an input before anything is sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Check {
    /// An integer between these bounds (inclusive).
    Range {
        /// Smallest allowed value.
        min: Option<i64>,
        /// Largest allowed value.
        max: Option<i64>,
    },
    /// A string of this many characters.
    Length {
        /// Shortest allowed.
        min: Option<usize>,
        /// Longest allowed.
        max: Option<usize>,
    },
    /// Text with the shape of this ID type.
    Id(TypeId),
    /// Text that parses as an absolute URL (`format: uri`). The caller's text is what is sent:
    /// a parsed URL would be re-serialized (`https://example.com` as `https://example.com/`).
    Url,
}

/// What a successful call returns.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Outcome {
    /// One body type (`None`: no body, `()`), whatever the 2xx status.
    Body(Option<TypeRef>),
    /// Several 2xx statuses with different bodies: an enum of them, defined next to the builder.
    Statuses {
        /// Name of the enum (`CreateSinkOutcome`).
        name: String,
        /// One variant per status, in status order.
        variants: Vec<StatusVariant>,
    },
    /// The only success is a redirect, never followed. Without a documented body the call
    /// returns its `Location`; with one, the runtime's `Redirect` with both.
    Redirect {
        /// The documented 3xx status.
        status: u16,
        /// The body the spec documents for it, if any.
        body: Option<TypeRef>,
    },
}

/// One 2xx status of an [`Outcome::Statuses`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatusVariant {
    /// `201`.
    pub status: u16,
    /// Variant name (`Created`).
    pub name: String,
    /// The body, if the status has one.
    pub body: Option<TypeRef>,
}

/// A documented error response.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ErrorResponse {
    /// `404`, `4XX` or `default`.
    pub status: String,
    /// What it means.
    pub description: String,
    /// The body's type, when the spec gives one (read with `ApiError::decode_body`).
    pub body: Option<TypeRef>,
}

/// A response body the spec gives as an example (an entry of a JSON response's `examples`, or
/// its `example`), with the type the client reads that response with.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResponseExample {
    /// The response's status as written (`200`, `4XX`, `default`).
    pub status: String,
    /// The entry's name in `examples` (`create`); `example` for a lone `example`.
    pub name: String,
    /// The body.
    pub value: serde_json::Value,
    /// The type the response is decoded as: the success's body, the redirect's or the error's.
    pub ty: TypeRef,
    /// Where it is written.
    pub source: Source,
}

/// How a list operation pages.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pagination {
    /// The page type (the response type).
    pub page_type: TypeId,
    /// Field of the page that holds the items.
    pub items_field: FieldRef,
    /// Type of one item.
    pub item_type: TypeRef,
    /// How the next page is found.
    pub next: NextPage,
    /// The page-size input: its Rust name, its integer kind and its upper bound.
    pub page_size: Option<PageSize>,
}

/// A page type, as `impl Page` reads it: where its items are and how the next page is found.
/// One per page type, from the first list operation that returns it (all such operations
/// read the same response type alike).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Page {
    /// The page type.
    pub ty: TypeId,
    /// Field of the page that holds the items.
    pub items_field: FieldRef,
    /// Type of one item.
    pub item_type: TypeRef,
    /// How the next page is found.
    pub next: NextPage,
}

impl Pagination {
    /// What `impl Page` of the page type says.
    pub fn page(&self) -> Page {
        Page {
            ty: self.page_type,
            items_field: self.items_field.clone(),
            item_type: self.item_type.clone(),
            next: self.next.clone(),
        }
    }
}

/// The page-size input of a list operation (used to fetch no more than `limit` items).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PageSize {
    /// Rust name of the input.
    pub rust_name: String,
    /// Its integer type.
    pub kind: IntegerKind,
    /// Largest allowed page size.
    pub max: Option<i64>,
}

/// A pagination strategy, chosen from the shape of the list response.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum NextPage {
    /// A URL (absolute, like `meta.next_page_url`, or relative, like api v2010's
    /// `next_page_uri`) whose path and query are sent to the client's own origin.
    Url {
        /// The fields leading to it from the page.
        path: Vec<FieldRef>,
    },
    /// A token sent back as a query parameter of the first request (`meta.next_token` into
    /// `PageToken`).
    Token {
        /// The fields leading to it from the page.
        path: Vec<FieldRef>,
        /// Wire name of the query parameter that carries it.
        param: String,
    },
}

/// A field reached from a type: its names and whether it is an `Option`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldRef {
    /// JSON and Rust names.
    pub name: FieldName,
    /// The Rust field is an `Option`.
    pub optional: bool,
    /// The field's type.
    pub ty: TypeRef,
}

impl Model {
    /// The type `id` stands for.
    pub fn ty(&self, id: TypeId) -> &TypeDef {
        &self.types[id.0]
    }

    /// Looks up a type by module and name.
    pub fn type_def(&self, name: &TypeName) -> Option<&TypeDef> {
        let module = self.modules.iter().find(|m| m.name == name.module)?;
        module
            .types
            .iter()
            .map(|&id| self.ty(id))
            .find(|t| t.name == name.name)
    }

    /// The module-qualified name of a type.
    pub fn type_name(&self, id: TypeId) -> TypeName {
        let def = self.ty(id);
        TypeName {
            module: def.module.clone(),
            name: def.name.clone(),
        }
    }

    /// Modules that have operations.
    pub fn apis(&self) -> impl Iterator<Item = (&Module, &Api)> {
        self.modules
            .iter()
            .filter_map(|m| m.api.as_ref().map(|api| (m, api)))
    }

    /// Follows aliases (`type Foo = String`) to the type they stand for.
    pub fn resolve_alias<'a>(&'a self, ty: &'a TypeRef) -> &'a TypeRef {
        let mut current = ty;
        for _ in 0..32 {
            match current {
                TypeRef::Named(id) => match &self.ty(*id).kind {
                    TypeKind::Alias(target) => current = target,
                    _ => break,
                },
                _ => break,
            }
        }
        current
    }
}
