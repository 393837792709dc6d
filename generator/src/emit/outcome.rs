//! How an operation's successful answer is read: the return type of its `send`, the runtime
//! `Receive` that reads it, and the enum of success statuses when they differ in body.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::rust::{doc, ident, type_tokens};
use crate::model::{Model, Module, Operation, Outcome};

/// The return type of `send`, and the runtime's `Receive` that reads the answer.
pub fn send(model: &Model, module: &Module, op: &Operation) -> (TokenStream, TokenStream) {
    match &op.outcome {
        Outcome::Body(Some(ty)) => {
            let ty = type_tokens(model, ty, &module.name);
            (ty.clone(), quote! { crate::runtime::operation::Json<#ty> })
        }
        Outcome::Body(None) => (
            quote! { () },
            quote! { crate::runtime::operation::NoContent },
        ),
        Outcome::Redirect { body: None, .. } => (
            quote! { ::std::string::String },
            quote! { crate::runtime::operation::Location },
        ),
        Outcome::Redirect { body: Some(ty), .. } => {
            let ty = type_tokens(model, ty, &module.name);
            (
                quote! { crate::Redirect<#ty> },
                quote! { crate::runtime::operation::RedirectWith<#ty> },
            )
        }
        Outcome::Statuses { name, .. } => {
            let name = ident(name);
            (quote! { #name }, quote! { #name })
        }
    }
}

/// The enum of an operation's success statuses, when they have different bodies.
pub fn outcome_enum(model: &Model, module: &Module, op: &Operation) -> Option<TokenStream> {
    let Outcome::Statuses { name, variants } = &op.outcome else {
        return None;
    };
    let name = ident(name);
    let docs = doc(Some(&format!(
        "What [`{}::send`] returns: one variant per documented success status.",
        op.builder
    )));
    let variant_defs = variants.iter().map(|variant| {
        let variant_name = ident(&variant.name);
        let status_doc = format!(" HTTP {}.", variant.status);
        match &variant.body {
            Some(ty) => {
                let ty = type_tokens(model, ty, &module.name);
                quote! { #[doc = #status_doc] #variant_name(#ty), }
            }
            None => quote! { #[doc = #status_doc] #variant_name, },
        }
    });
    let operation_id = &op.id;
    let arms = variants.iter().map(|variant| {
        let status = Literal::u16_unsuffixed(variant.status);
        let variant_name = ident(&variant.name);
        match variant.body {
            Some(_) => quote! {
                #status => ::std::result::Result::Ok(Self::#variant_name(response.decode(#operation_id)?)),
            },
            None => quote! { #status => ::std::result::Result::Ok(Self::#variant_name), },
        }
    });
    Some(quote! {
        #docs
        #[derive(Debug, Clone, PartialEq)]
        pub enum #name {
            #(#variant_defs)*
        }

        impl crate::runtime::operation::Receive for #name {
            type Output = Self;

            async fn receive(
                client: &crate::runtime::Client,
                request: &crate::runtime::request::Request,
            ) -> ::std::result::Result<Self, crate::Error> {
                let response = client.execute_raw(request).await?;
                match response.status {
                    #(#arms)*
                    _ => ::std::result::Result::Err(response.unexpected_status(#operation_id)),
                }
            }
        }
    })
}
