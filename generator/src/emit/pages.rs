//! `impl Page` for the page types of list operations: where the items are and how the next
//! page is found (the model's [`NextPage`] strategy).

use proc_macro2::TokenStream;
use quote::quote;

use super::rust::{ident, type_tokens};
use crate::model::{FieldRef, Model, Module, NextPage, Page, TypeRef};

/// `impl Page` for each page type of the module (the model lists each once).
pub fn page_impls(model: &Model, module: &Module) -> Vec<TokenStream> {
    module
        .pages
        .iter()
        .map(|page| page_impl(model, module, page))
        .collect()
}

fn page_impl(model: &Model, module: &Module, page: &Page) -> TokenStream {
    let Page {
        ty,
        items_field,
        item_type,
        next,
    } = page;
    let page_name = ident(&model.ty(*ty).name);
    let item_type = type_tokens(model, item_type, &module.name);
    let items = ident(&items_field.name.rust);
    let into_items = if items_field.optional {
        quote! { self.#items.unwrap_or_default() }
    } else {
        quote! { self.#items }
    };
    let next = match next {
        NextPage::Url { path } => {
            let url = field_chain(path);
            quote! { #url.map(crate::NextPage::Url) }
        }
        // The token's parameter is the operation's (`ListOperation::TOKEN_PARAM`).
        NextPage::Token { path, .. } => {
            let token = field_chain(path);
            quote! { #token.map(crate::NextPage::Token) }
        }
    };
    quote! {
        impl crate::Page for #page_name {
            type Item = #item_type;

            fn next_page(&self) -> ::std::option::Option<crate::NextPage<'_>> {
                #next
            }

            fn into_items(self) -> ::std::vec::Vec<Self::Item> {
                #into_items
            }
        }
    }
}

/// `Option<&str>` of the text at the end of `path`, read from `self` inside `next_page`.
fn field_chain(path: &[FieldRef]) -> TokenStream {
    let mut access = quote! { self };
    let mut optional_so_far = false;
    let last = path.len().saturating_sub(1);
    for (index, field) in path.iter().enumerate() {
        let name = ident(&field.name.rust);
        let is_last = index == last;
        access = match (field.optional, is_last) {
            (true, false) => quote! { #access.#name.as_ref()? },
            (true, true) => quote! { #access.#name },
            (false, _) => quote! { (&#access.#name) },
        };
        optional_so_far |= field.optional && is_last;
    }
    let as_str = match path.last().map(|f| &f.ty) {
        Some(TypeRef::Url) => quote! { ::url::Url::as_str },
        _ => quote! { ::std::string::String::as_str },
    };
    // `?` on an optional holder returns from `next_page` itself: no holder, no next page.
    if optional_so_far {
        match path.last().map(|f| &f.ty) {
            Some(TypeRef::Url) => quote! { #access.as_ref().map(#as_str) },
            _ => quote! { #access.as_deref() },
        }
    } else {
        quote! { ::std::option::Option::Some(#as_str(#access)) }
    }
}
