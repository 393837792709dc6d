//! How model types read as Rust text, in docs and in `xtask diff`: one home, so a spec review
//! names a type as the generated docs do. (Emitters print the same decisions as tokens, with
//! fully qualified paths.)

use super::{CrateConfigModel, IntegerKind, Model, Outcome, TypeKind, TypeName, TypeRef};

/// How model types are named in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Naming {
    /// With their module (`assistants_v1::Session`): a spec review names types of every module.
    Qualified,
    /// By name alone (`Session`): a module's own README.
    Short,
}

impl Model {
    /// A type as callers read it: `Vec<assistants_v1::Session>`, `Option<String>`,
    /// `DateTime<Utc>`.
    pub fn rust_text(&self, ty: &TypeRef) -> String {
        self.type_text(ty, Naming::Qualified)
    }

    /// A type as Rust text, its named types as `naming` says.
    pub fn type_text(&self, ty: &TypeRef, naming: Naming) -> String {
        let inner = |ty: &TypeRef| self.type_text(ty, naming);
        match ty {
            TypeRef::String => "String".to_owned(),
            TypeRef::Integer(kind) => kind.rust_name().to_owned(),
            TypeRef::Number => "f64".to_owned(),
            TypeRef::Boolean => "bool".to_owned(),
            TypeRef::DateTime | TypeRef::DateTimeRfc2822 => "DateTime<Utc>".to_owned(),
            TypeRef::Date => "NaiveDate".to_owned(),
            TypeRef::Url => "Url".to_owned(),
            TypeRef::HttpMethod => "HttpMethod".to_owned(),
            TypeRef::Json => "serde_json::Value".to_owned(),
            TypeRef::Nullable(ty) => format!("Option<{}>", inner(ty)),
            TypeRef::Array(item) => format!("Vec<{}>", inner(item)),
            TypeRef::Map(value) => format!("BTreeMap<String, {}>", inner(value)),
            TypeRef::Named(id) => match naming {
                Naming::Qualified => self.type_name(*id).rust_path(),
                Naming::Short => self.ty(*id).name.clone(),
            },
        }
    }

    /// What an operation's `send` returns, as Rust text: its body type, `()`, the statuses
    /// enum with the body of each (`CreateSinkOutcome { 201: Sink, 204: () }`), a redirect's
    /// `String` Location or `Redirect<T>`.
    pub fn outcome_text(&self, outcome: &Outcome, naming: Naming) -> String {
        let body = |body: &Option<TypeRef>| {
            body.as_ref()
                .map_or_else(|| "()".to_owned(), |ty| self.type_text(ty, naming))
        };
        match outcome {
            Outcome::Body(ty) => body(ty),
            Outcome::Statuses { name, variants } => {
                let parts: Vec<String> = variants
                    .iter()
                    .map(|v| format!("{}: {}", v.status, body(&v.body)))
                    .collect();
                format!("{name} {{ {} }}", parts.join(", "))
            }
            Outcome::Redirect { body: None, .. } => "String (the Location)".to_owned(),
            Outcome::Redirect { body: Some(ty), .. } => {
                format!("Redirect<{}>", self.type_text(ty, naming))
            }
        }
    }
}

impl TypeName {
    /// The type's path in the crate (`assistants_v1::Session`).
    pub fn rust_path(&self) -> String {
        format!("{}::{}", self.module, self.name)
    }
}

impl IntegerKind {
    /// The Rust integer type (`i64`).
    pub fn rust_name(self) -> &'static str {
        match self {
            IntegerKind::I32 => "i32",
            IntegerKind::I64 => "i64",
            IntegerKind::U32 => "u32",
            IntegerKind::U64 => "u64",
        }
    }
}

impl TypeKind {
    /// What kind of Rust item it is, in words (`ID type`).
    pub fn noun(&self) -> &'static str {
        match self {
            TypeKind::Struct(_) => "struct",
            TypeKind::Enum(_) => "enum",
            TypeKind::Id(_) => "ID type",
            TypeKind::Union(_) => "union",
            TypeKind::Alias(_) => "type alias",
        }
    }
}

impl CrateConfigModel {
    /// The crate's library name, as Rust code names it (`twilio_api` for `twilio-api`).
    pub fn lib_name(&self) -> String {
        self.name.replace('-', "_")
    }
}
