//! A struct's `Serialize` and `Deserialize`, written out as the list of its fields. Decoding
//! reads each known key into its field (through the `wire` reader its leniency names) and
//! skips other keys or keeps them as additional properties; encoding writes each field under
//! its wire name. The walk itself is the runtime's `object` module.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::rust::ident;
use crate::model::{Field, Leniency, Struct};

/// `impl Deserialize` and `impl FromObject` for the struct `name`.
pub(super) fn struct_decode(name: &str, structure: &Struct) -> TokenStream {
    let type_name = ident(name);
    let names: Vec<&str> = structure
        .fields
        .iter()
        .map(|f| f.name.rust.as_str())
        .collect();
    // Locals of the walk, named so that no field's local takes their name.
    let object = ident(&free_name("object", &names));
    let key = ident(&free_name("key", &names));
    let locals = structure.fields.iter().map(|field| {
        let rust = ident(&field.name.rust);
        quote! { let mut #rust = ::std::option::Option::None; }
    });
    let arms = structure.fields.iter().map(|field| {
        let rust = ident(&field.name.rust);
        let json = field.name.json.as_str();
        let value = read(field, &object);
        if field.is_optional() {
            quote! { #json => #rust = #value, }
        } else {
            quote! { #json => #rust = ::std::option::Option::Some(#value), }
        }
    });
    let inits = structure.fields.iter().map(|field| {
        let rust = ident(&field.name.rust);
        if field.is_optional() {
            quote! { #rust, }
        } else {
            let json = field.name.json.as_str();
            quote! { #rust: crate::runtime::object::required(#rust, #json)?, }
        }
    });
    let (additional_local, other_arm, additional_init) = match &structure.additional {
        Some(_) => (
            quote! { let mut additional_properties = ::std::collections::BTreeMap::new(); },
            quote! {
                _ => {
                    additional_properties.insert(#key.into_string(), #object.next_value()?);
                }
            },
            quote! { additional_properties, },
        ),
        None => (
            TokenStream::new(),
            quote! { _ => crate::runtime::object::skip(&mut #object)?, },
            TokenStream::new(),
        ),
    };
    let allow = allow_deprecated(structure);
    quote! {
        impl<'de> ::serde::Deserialize<'de> for #type_name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                crate::runtime::object::deserialize(deserializer)
            }
        }

        #allow
        impl crate::runtime::object::FromObject for #type_name {
            const NAME: &'static str = #name;

            fn from_object<'de, A: ::serde::de::MapAccess<'de>>(
                mut #object: A,
            ) -> ::std::result::Result<Self, A::Error> {
                #(#locals)*
                #additional_local
                while let ::std::option::Option::Some(#key) =
                    crate::runtime::object::next_key(&mut #object)?
                {
                    match &*#key {
                        #(#arms)*
                        #other_arm
                    }
                }
                ::std::result::Result::Ok(Self {
                    #(#inits)*
                    #additional_init
                })
            }
        }
    }
}

/// `impl Serialize` for the struct `name`: its fields under their wire names, `None` left out
/// unless the field is required (then it is written as null).
pub(super) fn struct_encode(name: &str, structure: &Struct) -> TokenStream {
    let type_name = ident(name);
    let members = structure.fields.iter().map(|field| {
        let rust = ident(&field.name.rust);
        let json = field.name.json.as_str();
        let value = match field.leniency() {
            Leniency::Rfc2822 if field.is_optional() => {
                quote! { &self.#rust.as_ref().map(crate::runtime::wire::WriteRfc2822) }
            }
            Leniency::Rfc2822 => quote! { &crate::runtime::wire::WriteRfc2822(&self.#rust) },
            _ => quote! { &self.#rust },
        };
        // A field that is not required is an `Option`.
        if !field.required {
            quote! { object.optional(#json, #value)?; }
        } else {
            quote! { object.field(#json, #value)?; }
        }
    });
    let additional = structure
        .additional
        .as_ref()
        .map(|_| quote! { object.additional(&self.additional_properties)?; });
    let allow = allow_deprecated(structure);
    quote! {
        #allow
        impl ::serde::Serialize for #type_name {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                let mut object = crate::runtime::object::Writer::new(serializer)?;
                #(#members)*
                #additional
                object.end()
            }
        }
    }
}

/// `#[allow(deprecated)]` where the struct has a deprecated field to read or build.
fn allow_deprecated(structure: &Struct) -> Option<TokenStream> {
    structure
        .fields
        .iter()
        .any(|f| f.deprecated)
        .then(|| quote! { #[allow(deprecated)] })
}

/// The value of `field` read from `object`: as its type reads itself, or through the runtime's
/// reader for Twilio's looser text.
fn read(field: &Field, object: &Ident) -> TokenStream {
    let reader = match (field.leniency(), field.is_optional()) {
        (Leniency::Strict, _) => return quote! { #object.next_value()? },
        (Leniency::EmptyTextIsNone, _) => quote! { EmptyAsNone<_> },
        (Leniency::BadUrlIsNone, _) => quote! { LenientUrl },
        (Leniency::NumberAsText, true) => quote! { OptionalNumber<_> },
        (Leniency::NumberAsText, false) => quote! { Number<_> },
        (Leniency::Rfc2822, true) => quote! { OptionalRfc2822 },
        (Leniency::Rfc2822, false) => quote! { Rfc2822 },
    };
    quote! { #object.next_value::<crate::runtime::wire::#reader>()?.0 }
}

/// `wanted`, or it with `_` appended until no field has the name.
fn free_name(wanted: &str, taken: &[&str]) -> String {
    let mut name = wanted.to_owned();
    while taken.contains(&name.as_str()) {
        name.push('_');
    }
    name
}
