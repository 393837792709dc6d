//! Emits a module's types: structs and open enums to `models.rs`, ID newtypes to `ids.rs`.

use proc_macro2::TokenStream;
use quote::quote;

use super::rust::{doc, doc_paragraphs, ident, spec, type_tokens};
use crate::model::{
    EnumValue, Field, Model, Module, Pagination, TypeDef, TypeDefKind, TypeName, TypeRef,
};

/// `models.rs`: every struct, enum and alias of the module, plus the `Page` impls of its page
/// types. `None` when the module has none.
pub fn models(model: &Model, module: &Module) -> Option<TokenStream> {
    let items: Vec<TokenStream> = module
        .types
        .iter()
        .filter_map(|def| match &def.kind {
            TypeDefKind::Struct(fields) => Some(struct_def(model, module, def, fields)),
            TypeDefKind::Enum(values) => Some(enum_def(def, values)),
            TypeDefKind::Alias(ty) => {
                let name = ident(&def.name);
                let docs = doc(Some(&type_doc(def)));
                let ty = type_tokens(ty, &module.name);
                Some(quote! { #docs pub type #name = #ty; })
            }
            TypeDefKind::Id(_) => None,
        })
        .collect();
    let pages = page_impls(model, module);
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
pub fn ids(module: &Module) -> Option<TokenStream> {
    let items: Vec<TokenStream> = module
        .types
        .iter()
        .filter_map(|def| match &def.kind {
            TypeDefKind::Id(id) => Some(super::ids::id_type(&def.name, &def.doc, id)),
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

fn struct_def(model: &Model, module: &Module, def: &TypeDef, fields: &[Field]) -> TokenStream {
    let this = TypeName {
        module: module.name.clone(),
        name: def.name.clone(),
    };
    let module = module.name.as_str();
    let name = ident(&def.name);
    let docs = doc(Some(&type_doc(def)));
    let all_optional = fields.iter().all(Field::is_optional);
    let default = all_optional.then(|| quote! { Default, });
    let fields = fields.iter().map(|field| {
        let rust = ident(&field.name.rust);
        let ty = type_tokens(&field.ty, module);
        // A field that leads back to its own struct without a `Vec` or map in between needs a
        // box, or the struct would contain itself.
        let ty = if contains_inline(model, &field.ty, &this, &mut Vec::new()) {
            quote! { ::std::boxed::Box<#ty> }
        } else {
            ty
        };
        let docs = field_doc(field);
        let rename = (field.name.rust != field.name.json).then(|| {
            let json = &field.name.json;
            quote! { rename = #json, }
        });
        let deprecated = field.deprecated.then(|| quote! { #[deprecated] });
        if field.is_optional() {
            // Missing and null both decode to `None`; `None` is left out when encoding, unless
            // the field is required (then it is written as null).
            let skip = (!field.required)
                .then(|| quote! { skip_serializing_if = "::std::option::Option::is_none", });
            // Empty strings decode to `None` for URLs and timestamps (Twilio sends `""`), and so
            // do URLs the URL parser refuses.
            let lenient = match field.ty {
                TypeRef::Url => {
                    Some(quote! { deserialize_with = "crate::runtime::wire::lenient_url", })
                }
                TypeRef::DateTime | TypeRef::Date => {
                    Some(quote! { deserialize_with = "crate::runtime::wire::empty_as_none", })
                }
                _ => None,
            };
            quote! {
                #docs
                #deprecated
                #[serde(#rename default, #skip #lenient)]
                pub #rust: ::std::option::Option<#ty>,
            }
        } else {
            let attr = rename.map(|rename| quote! { #[serde(#rename)] });
            quote! { #docs #deprecated #attr pub #rust: #ty, }
        }
    });
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, #default ::serde::Serialize, ::serde::Deserialize)]
        pub struct #name {
            #(#fields)*
        }
    }
}

/// Whether a value of type `ty` holds a `target` directly (not behind a `Vec` or a map).
fn contains_inline(
    model: &Model,
    ty: &TypeRef,
    target: &TypeName,
    seen: &mut Vec<TypeName>,
) -> bool {
    let TypeRef::Named(name) = ty else {
        return false;
    };
    if name == target {
        return true;
    }
    if seen.contains(name) {
        return false;
    }
    seen.push(name.clone());
    match model.type_def(name).map(|d| &d.kind) {
        Some(TypeDefKind::Struct(fields)) => fields
            .iter()
            .any(|f| contains_inline(model, &f.ty, target, seen)),
        Some(TypeDefKind::Alias(inner)) => contains_inline(model, inner, target, seen),
        _ => false,
    }
}

/// A type's docs: the spec's description, or a placeholder (every public item is documented).
fn type_doc(def: &TypeDef) -> String {
    spec(&def.doc).unwrap_or_else(|| format!("The `{}` schema.", def.name))
}

fn field_doc(field: &Field) -> TokenStream {
    let example = field.example.as_ref().and_then(|e| match e {
        serde_json::Value::String(s) if !s.contains('`') => Some(format!("Example: `{s}`.")),
        serde_json::Value::Number(n) => Some(format!("Example: `{n}`.")),
        _ => None,
    });
    let pii = field.pii.map(|pii| {
        if pii {
            "Contains personal data (PII).".to_owned()
        } else {
            "Not PII.".to_owned()
        }
    });
    // Every public item is documented, even when the spec says nothing.
    let text = spec(&field.doc).or_else(|| Some(format!("The `{}` property.", field.name.json)));
    doc_paragraphs(&[text, example, pii])
}

fn enum_def(def: &TypeDef, values: &[EnumValue]) -> TokenStream {
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
            Unknown(::std::string::String),
        }

        impl #name {
            /// Every value this version of the crate knows.
            pub const KNOWN: &'static [Self] = &[#(Self::#variants),*];

            /// The value as sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #(Self::#variants => #wires,)*
                    Self::Unknown(value) => value,
                }
            }
        }

        impl ::std::convert::From<::std::string::String> for #name {
            fn from(value: ::std::string::String) -> Self {
                match value.as_str() {
                    #(#wires => Self::#variants,)*
                    _ => Self::Unknown(value),
                }
            }
        }

        crate::runtime::enums::open_enum!(#name);
    }
}

/// `impl Page` for each page type in the module (once per type, whichever operations use it).
fn page_impls(model: &Model, module: &Module) -> Vec<TokenStream> {
    let mut seen: Vec<&crate::model::TypeName> = Vec::new();
    let mut out = Vec::new();
    for (_, api) in model.apis() {
        for op in &api.operations {
            let Some(pagination) = &op.pagination else {
                continue;
            };
            if pagination.page_type.module != module.name || seen.contains(&&pagination.page_type) {
                continue;
            }
            seen.push(&pagination.page_type);
            if let Some(tokens) = page_impl(model, module, pagination) {
                out.push(tokens);
            }
        }
    }
    out
}

fn page_impl(model: &Model, module: &Module, pagination: &Pagination) -> Option<TokenStream> {
    let page = model.type_def(&pagination.page_type)?;
    let TypeDefKind::Struct(fields) = &page.kind else {
        return None;
    };
    let items = fields.iter().find(|f| f.name == pagination.items_field)?;
    let meta = fields.iter().find(|f| f.name == pagination.meta_field)?;
    let TypeRef::Named(meta_type) = &meta.ty else {
        return None;
    };
    let TypeDefKind::Struct(meta_fields) = &model.type_def(meta_type)?.kind else {
        return None;
    };
    let next = meta_fields
        .iter()
        .find(|f| f.name == pagination.next_url_field)?;

    let page_name = ident(&page.name);
    let item_type = type_tokens(&pagination.item_type, &module.name);
    let items_ident = ident(&items.name.rust);
    let meta_ident = ident(&meta.name.rust);
    let next_ident = ident(&next.name.rust);
    let meta_ref = if meta.is_optional() {
        quote! { self.#meta_ident.as_ref()? }
    } else {
        quote! { &self.#meta_ident }
    };
    let as_str = if next.ty == TypeRef::Url {
        quote! { ::url::Url::as_str }
    } else {
        quote! { ::std::string::String::as_str }
    };
    let next_url = if next.is_optional() {
        quote! { #meta_ref.#next_ident.as_ref().map(#as_str) }
    } else {
        quote! { ::std::option::Option::Some(#as_str(&#meta_ref.#next_ident)) }
    };
    let into_items = if items.is_optional() {
        quote! { self.#items_ident.unwrap_or_default() }
    } else {
        quote! { self.#items_ident }
    };
    Some(quote! {
        impl crate::Page for #page_name {
            type Item = #item_type;

            fn next_page(&self) -> ::std::option::Option<crate::NextPage<'_>> {
                #next_url.map(crate::NextPage::Url)
            }

            fn into_items(self) -> ::std::vec::Vec<Self::Item> {
                #into_items
            }
        }
    })
}
