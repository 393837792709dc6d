//! How an operation's builder writes one input into its request: the input's checks, then
//! the write for where it goes (path, query, header, form field, JSON body).

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::rust::{ident, type_tokens};
use crate::model::{
    BodyEncoding, Check, Fallback, Held, Input, InputLocation, Model, Module, Operation, ValueKind,
};

/// Checks one input and writes it into `request`.
pub fn write_input(model: &Model, module: &Module, op: &Operation, input: &Input) -> TokenStream {
    let field = ident(&input.rust_name);
    let rust_name = &input.rust_name;
    let wire = &input.name;
    let checks: Vec<TokenStream> = input
        .checks
        .iter()
        .map(|check| match check {
            Check::Range { min, max } => {
                let (min, max) = (bound(*min), bound(*max));
                quote! { crate::runtime::check::range(#rust_name, *value, #min, #max)?; }
            }
            Check::Length { min, max } => {
                let (min, max) = (length(*min), length(*max));
                quote! { crate::runtime::check::length(#rust_name, value, #min, #max)?; }
            }
            Check::Id(id) => {
                let id_type = type_tokens(model, &crate::model::TypeRef::Named(*id), &module.name);
                quote! { crate::runtime::check::id::<#id_type>(#rust_name, value)?; }
            }
            Check::Url => quote! { crate::runtime::check::url(#rust_name, value)?; },
        })
        .collect();
    // A required input with nothing to check is written straight from its field; otherwise
    // the checks and the write share a `value` binding.
    let direct = matches!(input.held(), Held::One) && checks.is_empty();
    let value = if direct {
        quote! { &self.#field }
    } else {
        quote! { value }
    };
    let text = match input.kind {
        ValueKind::Text => value.clone(),
        ValueKind::Enum if direct => quote! { self.#field.as_str() },
        ValueKind::Enum => quote! { value.as_str() },
        ValueKind::Plain => quote! { &crate::runtime::encode::WireText::wire_text(#value) },
        ValueKind::JsonText => quote! { &crate::runtime::encode::json_text(#rust_name, #value)? },
        // Written pair by pair below.
        ValueKind::PrefixedMap { .. } => TokenStream::new(),
    };
    let write = match (input.location, &input.kind) {
        (InputLocation::Query, ValueKind::PrefixedMap { prefix }) => quote! {
            for (name, text) in crate::runtime::encode::prefixed_pairs(#rust_name, #prefix, #value)? {
                request.query(&name, &text);
            }
        },
        (InputLocation::FormField, ValueKind::PrefixedMap { prefix }) => quote! {
            for (name, text) in crate::runtime::encode::prefixed_pairs(#rust_name, #prefix, #value)? {
                request.form(&name, &text);
            }
        },
        (location, _) => match location {
            InputLocation::Path => quote! { request.path_param(#rust_name, #text)?; },
            InputLocation::Query => quote! { request.query(#wire, #text); },
            InputLocation::Header => quote! { request.header(#wire, #text)?; },
            InputLocation::FormField => quote! { request.form(#wire, #text); },
            InputLocation::JsonBody => {
                let content_type = match &op.body {
                    Some(BodyEncoding::Json { content_type }) => content_type.as_str(),
                    _ => "application/json",
                };
                quote! { request.json(#content_type, #value)?; }
            }
        },
    };
    if let Some(Fallback::ClientAccountSid) = input.fallback {
        // The caller's account, else the client's (an error before sending if it has none).
        return quote! {
            {
                let value = crate::runtime::operation::account_sid(#rust_name, &self.client, self.#field.as_deref())?;
                #(#checks)*
                #write
            }
        };
    }
    match input.held() {
        Held::Many => {
            let non_empty = input.required.then(|| {
                quote! { crate::runtime::check::non_empty(#rust_name, &self.#field)?; }
            });
            quote! {
                #non_empty
                for value in &self.#field {
                    #(#checks)*
                    #write
                }
            }
        }
        Held::One if direct => write,
        Held::One => quote! {
            {
                let value = &self.#field;
                #(#checks)*
                #write
            }
        },
        // An optional input with nothing to check and a plain wire text is one call.
        Held::Optional
            if checks.is_empty()
                && matches!(
                    input.kind,
                    ValueKind::Text | ValueKind::Enum | ValueKind::Plain
                )
                && matches!(
                    input.location,
                    InputLocation::Query | InputLocation::FormField
                ) =>
        {
            if input.location == InputLocation::Query {
                quote! { request.query_opt(#wire, self.#field.as_ref()); }
            } else {
                quote! { request.form_opt(#wire, self.#field.as_ref()); }
            }
        }
        Held::Optional => quote! {
            if let ::std::option::Option::Some(value) = &self.#field {
                #(#checks)*
                #write
            }
        },
    }
}

fn bound(value: Option<i64>) -> TokenStream {
    match value {
        Some(v) => {
            let v = Literal::i128_unsuffixed(i128::from(v));
            quote! { ::std::option::Option::Some(#v) }
        }
        None => quote! { ::std::option::Option::None },
    }
}

fn length(value: Option<usize>) -> TokenStream {
    match value {
        Some(v) => {
            let v = Literal::usize_unsuffixed(v);
            quote! { ::std::option::Option::Some(#v) }
        }
        None => quote! { ::std::option::Option::None },
    }
}
