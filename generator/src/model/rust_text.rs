//! How model types read as Rust text, in docs and in `xtask diff`: one home, so a spec review
//! names a type as the generated docs do. (Emitters print the same decisions as tokens, with
//! fully qualified paths.)

use super::{CrateConfigModel, IntegerKind, Model, TypeKind, TypeName, TypeRef};

impl Model {
    /// A type as callers read it: `Vec<assistants_v1::Session>`, `Option<String>`,
    /// `DateTime<Utc>`.
    pub fn rust_text(&self, ty: &TypeRef) -> String {
        match ty {
            TypeRef::String => "String".to_owned(),
            TypeRef::Integer(kind) => kind.rust_name().to_owned(),
            TypeRef::Number => "f64".to_owned(),
            TypeRef::Boolean => "bool".to_owned(),
            TypeRef::DateTime => "DateTime<Utc>".to_owned(),
            TypeRef::Date => "NaiveDate".to_owned(),
            TypeRef::Url => "Url".to_owned(),
            TypeRef::Json => "serde_json::Value".to_owned(),
            TypeRef::Nullable(inner) => format!("Option<{}>", self.rust_text(inner)),
            TypeRef::Array(item) => format!("Vec<{}>", self.rust_text(item)),
            TypeRef::Map(value) => format!("BTreeMap<String, {}>", self.rust_text(value)),
            TypeRef::Named(id) => self.type_name(*id).rust_path(),
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
