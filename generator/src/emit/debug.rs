//! `Debug` for structs and request builders that hold personal data: fields the spec marks
//! print `<redacted>` (through the runtime's `redact` module); the others print as derived.

use proc_macro2::TokenStream;
use quote::quote;

use super::rust::ident;
use crate::model::Held;

/// How one field is printed.
pub(super) struct Printed<'a> {
    /// The Rust field name, which is also the label `Debug` prints.
    pub name: &'a str,
    /// `None` prints the value; `Some` prints `<redacted>` for a value held this way.
    pub redacted: Option<Held>,
}

/// `impl Debug` for the struct `name`, printing `fields` in order. `deprecated` allows reading
/// fields marked `#[deprecated]`.
pub(super) fn debug_impl(name: &str, fields: &[Printed<'_>], deprecated: bool) -> TokenStream {
    let type_name = ident(name);
    let entries = fields.iter().map(|field| {
        let label = field.name;
        let rust = ident(field.name);
        let value = match field.redacted {
            None => quote! { &self.#rust },
            Some(Held::One) => quote! { &crate::runtime::redact::Redacted },
            Some(Held::Optional) => quote! { crate::runtime::redact::optional(&self.#rust) },
            Some(Held::Many) => quote! { &crate::runtime::redact::list(&self.#rust) },
        };
        quote! { .field(#label, #value) }
    });
    let allow = deprecated.then(|| quote! { #[allow(deprecated)] });
    quote! {
        #allow
        impl ::std::fmt::Debug for #type_name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct(#name) #(#entries)* .finish()
            }
        }
    }
}
