//! Emits a module's types: structs, open enums, unions and aliases to `models.rs`, ID
//! newtypes to `ids.rs`.

use proc_macro2::TokenStream;
use quote::quote;

use super::debug::{Printed, debug_impl};
use super::rust::{doc, doc_paragraphs, ident, spec, type_tokens};
use crate::model::{
    Enum, EnumValue, Field, Held, Model, Module, Personal, Struct, TypeDef, TypeKind, Union,
};

/// `models.rs`: every struct, enum, union and alias of the module, plus the `Page` impls of
/// its page types. `None` when the module has none.
pub fn models(model: &Model, module: &Module) -> Option<TokenStream> {
    let items: Vec<TokenStream> = module
        .types
        .iter()
        .map(|&id| model.ty(id))
        .filter_map(|def| match &def.kind {
            TypeKind::Struct(structure) => Some(struct_def(model, module, def, structure)),
            TypeKind::Enum(Enum::String(values)) => Some(string_enum(def, values)),
            TypeKind::Enum(Enum::Integer(values)) => Some(integer_enum(def, values)),
            TypeKind::Union(union) => Some(union_def(model, module, def, union)),
            TypeKind::Alias(ty) => {
                let name = ident(&def.name);
                let docs = doc(Some(&type_doc(def)));
                let ty = type_tokens(model, ty, &module.name);
                Some(quote! { #docs pub type #name = #ty; })
            }
            TypeKind::Id(_) => None,
        })
        .collect();
    let pages = super::pages::page_impls(model, module);
    if items.is_empty() && pages.is_empty() {
        return None;
    }
    Some(quote! {
        //! Types used as operation parameters and responses.
        #(#items)*
        #(#pages)*
    })
}

/// `ids.rs`: the module's pattern-checked ID types. `None` when it has none.
pub fn ids(model: &Model, module: &Module) -> Option<TokenStream> {
    let items: Vec<TokenStream> = module
        .types
        .iter()
        .map(|&id| model.ty(id))
        .filter_map(|def| match &def.kind {
            TypeKind::Id(id) => Some(super::ids::id_type(&def.name, &def.doc, id)),
            _ => None,
        })
        .collect();
    if items.is_empty() {
        return None;
    }
    Some(quote! {
        //! ID types: checked against their pattern when built from your input, accepted as sent
        //! when decoded from a response.
        #(#items)*
    })
}

fn struct_def(model: &Model, module: &Module, def: &TypeDef, structure: &Struct) -> TokenStream {
    let module = module.name.as_str();
    let name = ident(&def.name);
    let docs = doc(Some(&type_doc(def)));
    let all_optional = structure.fields.iter().all(Field::is_optional);
    let default = all_optional.then(|| quote! { Default, });
    let fields = structure.fields.iter().map(|field| {
        // No `..`: a field added to the model does not compile here until it is printed.
        let Field {
            name,
            ty,
            required: _, // with `nullable`: `Field::is_optional`; `object` writes `None` by it
            nullable: _,
            boxed,
            doc: _, // `field_doc`
            pii: _, // `field_doc`; the redacting `Debug` is `emit::debug`'s
            deprecated,
            example: _, // `field_doc`
            source: _,  // where the spec writes it: for errors and `xtask diff`
        } = field;
        let rust = ident(&name.rust);
        let ty = type_tokens(model, ty, module);
        let ty = if *boxed {
            quote! { ::std::boxed::Box<#ty> }
        } else {
            ty
        };
        let docs = field_doc(field);
        let deprecated = deprecated.then(|| quote! { #[deprecated] });
        let ty = if field.is_optional() {
            quote! { ::std::option::Option<#ty> }
        } else {
            ty
        };
        quote! { #docs #deprecated pub #rust: #ty, }
    });
    let additional = structure.additional.as_ref().map(|value| {
        let value = type_tokens(model, value, module);
        quote! {
            /// Properties the spec does not declare, as sent.
            pub additional_properties: ::std::collections::BTreeMap<::std::string::String, #value>,
        }
    });
    // Personal data is printed `<redacted>` by a written-out `Debug`; otherwise it is derived.
    let redacts = structure.fields.iter().any(|f| f.pii.is_redacted());
    let derived_debug = (!redacts).then(|| quote! { Debug, });
    let debug = redacts.then(|| {
        let mut printed: Vec<Printed<'_>> = structure
            .fields
            .iter()
            .map(|field| Printed {
                name: &field.name.rust,
                redacted: field.pii.is_redacted().then_some(if field.is_optional() {
                    Held::Optional
                } else {
                    Held::One
                }),
            })
            .collect();
        if structure.additional.is_some() {
            printed.push(Printed {
                name: "additional_properties",
                redacted: None,
            });
        }
        let deprecated = structure.fields.iter().any(|f| f.deprecated);
        debug_impl(&def.name, &printed, deprecated)
    });
    let encode = super::object::struct_encode(&def.name, structure);
    let decode = super::object::struct_decode(&def.name, structure);
    quote! {
        #docs
        #[derive(#derived_debug Clone, PartialEq, #default)]
        pub struct #name {
            #(#fields)*
            #additional
        }
        #debug
        #encode
        #decode
    }
}

/// A type's docs: the spec's description, or a placeholder (every public item is documented).
fn type_doc(def: &TypeDef) -> String {
    spec(&def.doc).unwrap_or_else(|| format!("The `{}` schema.", def.name))
}

fn field_doc(field: &Field) -> TokenStream {
    let example = field.example.as_ref().and_then(|e| match e {
        serde_json::Value::String(s) if !s.contains('`') && !s.contains('\n') => {
            Some(format!("Example: `{s}`."))
        }
        serde_json::Value::Number(n) => Some(format!("Example: `{n}`.")),
        _ => None,
    });
    let pii = personal_doc(field.pii);
    // Every public item is documented, even when the spec says nothing.
    let text = spec(&field.doc).or_else(|| Some(format!("The `{}` property.", field.name.json)));
    doc_paragraphs(&[text, example, pii])
}
/// The doc line that tells a caller how a personal value prints.
pub(super) fn personal_doc(pii: Personal) -> Option<String> {
    match pii {
        Personal::Unmarked => None,
        Personal::Standard => Some("Personal data: `Debug` prints `<redacted>`.".to_owned()),
        Personal::Sensitive => Some(
            "Sensitive personal data: `Debug` prints `<redacted>` and errors never repeat it."
                .to_owned(),
        ),
    }
}

fn string_enum(def: &TypeDef, values: &[EnumValue<String>]) -> TokenStream {
    let name = ident(&def.name);
    let docs = doc(Some(&type_doc(def)));
    let variants: Vec<_> = values.iter().map(|v| ident(&v.variant)).collect();
    let wires: Vec<_> = values.iter().map(|v| v.wire.as_str()).collect();
    let variant_docs = wires.iter().map(|wire| format!(" `{wire}`"));
    quote! {
        #docs
        ///
        /// Open: a value this version of the crate does not know decodes to `Unknown`.
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum #name {
            #( #[doc = #variant_docs] #variants, )*
            /// A value this version of the crate does not know, as sent.
            Unknown(crate::UnknownValue),
        }

        impl #name {
            /// Every value this version of the crate knows.
            pub const KNOWN: &'static [Self] = &[#(Self::#variants),*];

            /// The value as sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #(Self::#variants => #wires,)*
                    Self::Unknown(value) => value.as_str(),
                }
            }
        }

        impl ::std::convert::From<::std::string::String> for #name {
            fn from(value: ::std::string::String) -> Self {
                match value.as_str() {
                    #(#wires => Self::#variants,)*
                    _ => Self::Unknown(crate::UnknownValue::new(value)),
                }
            }
        }

        crate::runtime::open_enum!(#name);
    }
}

/// An open enum of integers: known values as variants, any other as `Unknown`.
fn integer_enum(def: &TypeDef, values: &[EnumValue<i64>]) -> TokenStream {
    let name = ident(&def.name);
    let docs = doc(Some(&type_doc(def)));
    let variants: Vec<_> = values.iter().map(|v| ident(&v.variant)).collect();
    let numbers: Vec<proc_macro2::Literal> = values
        .iter()
        .map(|v| proc_macro2::Literal::i64_unsuffixed(v.wire))
        .collect();
    let variant_docs = values.iter().map(|v| format!(" `{}`", v.wire));
    quote! {
        #docs
        ///
        /// Open: a value this version of the crate does not know decodes to `Unknown`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum #name {
            #( #[doc = #variant_docs] #variants, )*
            /// A value this version of the crate does not know, as sent.
            Unknown(crate::UnknownValue<i64>),
        }

        impl #name {
            /// Every value this version of the crate knows.
            pub const KNOWN: &'static [Self] = &[#(Self::#variants),*];

            /// The value as sent on the wire.
            pub fn as_i64(self) -> i64 {
                match self {
                    #(Self::#variants => #numbers,)*
                    Self::Unknown(value) => *value.get(),
                }
            }
        }

        impl ::std::convert::From<i64> for #name {
            fn from(value: i64) -> Self {
                match value {
                    #(#numbers => Self::#variants,)*
                    _ => Self::Unknown(crate::UnknownValue::new(value)),
                }
            }
        }

        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::fmt::Display::fmt(&self.as_i64(), f)
            }
        }

        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_i64(self.as_i64())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                <i64 as ::serde::Deserialize>::deserialize(deserializer).map(Self::from)
            }
        }
    }
}

/// `oneOf`/`anyOf`: an enum of the variants plus `Unknown` with the value as sent. With a
/// discriminator the tag picks the variant; without, the first variant that decodes wins.
fn union_def(model: &Model, module: &Module, def: &TypeDef, union: &Union) -> TokenStream {
    let name = ident(&def.name);
    let docs = doc(Some(&type_doc(def)));
    let variant_idents: Vec<_> = union.variants.iter().map(|v| ident(&v.name)).collect();
    let variant_types: Vec<_> = union
        .variants
        .iter()
        .map(|v| type_tokens(model, &v.ty, &module.name))
        .collect();
    let variant_docs = union
        .variants
        .iter()
        .map(|v| {
            if v.tags.is_empty() {
                format!(" A `{}`.", v.name)
            } else {
                let tags: Vec<String> = v.tags.iter().map(|t| format!("`{t}`")).collect();
                format!(" Tagged {}.", tags.join(" or "))
            }
        })
        .collect::<Vec<_>>();
    let definition = quote! {
        #docs
        ///
        /// Open: a value that is none of the known variants decodes to `Unknown`.
        #[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
        #[serde(untagged)]
        #[non_exhaustive]
        pub enum #name {
            #( #[doc = #variant_docs] #variant_idents(#variant_types), )*
            /// A value this version of the crate does not know, as sent.
            Unknown(::serde_json::Value),
        }
    };
    let Some(tag) = &union.discriminator else {
        // Untagged: derive tries the variants in order, `Unknown` last.
        return quote! {
            #docs
            ///
            /// Open: a value that is none of the known variants decodes to `Unknown`.
            #[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
            #[serde(untagged)]
            #[non_exhaustive]
            pub enum #name {
                #( #[doc = #variant_docs] #variant_idents(#variant_types), )*
                /// A value this version of the crate does not know, as sent.
                Unknown(::serde_json::Value),
            }
        };
    };
    let arms = union.variants.iter().filter(|v| !v.tags.is_empty()).map(|v| {
        let variant = ident(&v.name);
        let tags = &v.tags;
        quote! {
            ::std::option::Option::Some(#(#tags)|*) => ::serde_json::from_value(value).map(Self::#variant).map_err(::serde::de::Error::custom),
        }
    });
    quote! {
        #definition

        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let value = <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?;
                match value.get(#tag).and_then(::serde_json::Value::as_str) {
                    #(#arms)*
                    _ => ::std::result::Result::Ok(Self::Unknown(value)),
                }
            }
        }
    }
}
