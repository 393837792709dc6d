//! ID types: a newtype per pattern, with the pattern compiled into a `matches` function of
//! plain byte checks (see [`crate::pattern`]).

use proc_macro2::TokenStream;
use quote::quote;

use super::rust::{doc_paragraphs, ident, spec};
use crate::model::IdType;
use crate::pattern::{ByteClass, Piece};

/// The newtype `name` for an ID, its `Id` impl and its trait impls.
pub fn id_type(type_name: &str, doc: &Option<String>, id: &IdType) -> TokenStream {
    let name = ident(type_name);
    let pattern = &id.pattern;
    let expected = id.check.describe();
    let shape = format!(
        "Shape: {expected} (`{pattern}`), checked by [`{type_name}::parse`], `FromStr` and `TryFrom`; values decoded from responses are kept as sent (see [`{type_name}::is_valid`])."
    );
    let example = id.example.as_ref().map(|e| format!("Example: `{e}`."));
    let docs = doc_paragraphs(&[spec(doc), Some(shape), example]);
    let check = matches_body(id);
    quote! {
        #docs
        #[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, ::serde::Serialize, ::serde::Deserialize)]
        #[serde(transparent)]
        pub struct #name(::std::string::String);

        impl crate::Id for #name {
            const TYPE_NAME: &'static str = #type_name;
            const PATTERN: &'static str = #pattern;
            const EXPECTED: &'static str = #expected;

            fn matches(value: &str) -> bool {
                #check
            }

            fn from_string_unchecked(value: ::std::string::String) -> Self {
                Self(value)
            }
        }

        crate::runtime::id::id_type!(#name);
    }
}

/// The body of `matches`: length first, then each fixed piece by byte index, then the tail.
fn matches_body(id: &IdType) -> TokenStream {
    let check = &id.check;
    let fixed = check.fixed_len();
    let n = proc_macro2::Literal::usize_unsuffixed;
    let mut conditions: Vec<TokenStream> = Vec::new();
    match &check.tail {
        None => {
            let fixed = n(fixed);
            conditions.push(quote! { bytes.len() == #fixed })
        }
        Some(tail) => {
            let min_bytes = fixed + tail.min;
            if min_bytes > 0 {
                let min_bytes = n(min_bytes);
                conditions.push(quote! { bytes.len() >= #min_bytes });
            }
            if let (Some(max), false) = (tail.max, tail.class.non_ascii) {
                let max_bytes = n(fixed + max);
                conditions.push(quote! { bytes.len() <= #max_bytes });
            }
        }
    }
    let mut at = 0usize;
    for piece in &check.pieces {
        match piece {
            Piece::Literal(literal) => {
                let end = at + literal.len();
                let (from, to) = (n(at), n(end));
                let literal = proc_macro2::Literal::byte_string(literal);
                conditions.push(quote! { bytes[#from..#to] == *#literal });
                at = end;
            }
            Piece::Class { class, count } => {
                let end = at + count;
                let (from, to) = (n(at), n(end));
                let predicate = byte_predicate(class);
                conditions.push(quote! { bytes[#from..#to].iter().all(#predicate) });
                at = end;
            }
        }
    }
    if let Some(tail) = &check.tail {
        let from = n(at);
        if tail.class.non_ascii {
            // Counted in characters: `.` and negated classes match any non-ASCII character.
            let ascii = byte_predicate(&ByteClass {
                ranges: tail.class.ranges.clone(),
                non_ascii: false,
            });
            let mut rest_checks = vec![quote! { rest.bytes().all(|b| b >= 0x80 || (#ascii)(&b)) }];
            if tail.class.is_any_but_newline() {
                rest_checks = vec![quote! { !rest.contains('\n') }];
            }
            let needs_count = tail.max.is_some() || tail.min > 1;
            if needs_count {
                let min = n(tail.min);
                let count = match tail.max.map(n) {
                    Some(max) => quote! { (#min..=#max).contains(&rest.chars().count()) },
                    None => quote! { rest.chars().count() >= #min },
                };
                rest_checks.push(count);
            }
            conditions.push(quote! { value.get(#from..).is_some_and(|rest| #(#rest_checks)&&*) });
        } else {
            let predicate = byte_predicate(&tail.class);
            conditions.push(quote! { bytes[#from..].iter().all(#predicate) });
        }
    }
    let (implied_min, implied_max) = check.char_len();
    let min_length = id.min_length.filter(|&min| min > implied_min);
    let max_length = id
        .max_length
        .filter(|&max| implied_max.is_none_or(|implied| max < implied));
    if min_length.is_some() || max_length.is_some() {
        let min = n(min_length.unwrap_or(0));
        let range = match max_length.map(n) {
            Some(max) => quote! { (#min..=#max) },
            None => quote! { (#min..) },
        };
        conditions.push(quote! { #range.contains(&value.chars().count()) });
    }
    if conditions.is_empty() {
        conditions.push(quote! { true });
    }
    let uses_bytes = conditions.iter().any(|c| c.to_string().contains("bytes"));
    let bytes = uses_bytes.then(|| quote! { let bytes = value.as_bytes(); });
    quote! {
        #bytes
        #(#conditions)&&*
    }
}

/// A `Fn(&u8) -> bool` for an ASCII class, using std's named checks where one fits.
fn byte_predicate(class: &ByteClass) -> TokenStream {
    let named = match class.ranges.as_slice() {
        [(b'0', b'9'), (b'A', b'F'), (b'a', b'f')] => Some(quote! { u8::is_ascii_hexdigit }),
        [(b'0', b'9')] => Some(quote! { u8::is_ascii_digit }),
        [(b'0', b'9'), (b'A', b'Z'), (b'a', b'z')] => Some(quote! { u8::is_ascii_alphanumeric }),
        [(b'A', b'Z'), (b'a', b'z')] => Some(quote! { u8::is_ascii_alphabetic }),
        [(b'a', b'z')] => Some(quote! { u8::is_ascii_lowercase }),
        [(b'A', b'Z')] => Some(quote! { u8::is_ascii_uppercase }),
        _ => None,
    };
    if let Some(named) = named {
        return named;
    }
    let ranges = class.ranges.iter().map(|&(lo, hi)| {
        let (lo_lit, hi_lit) = (
            proc_macro2::Literal::byte_character(lo),
            proc_macro2::Literal::byte_character(hi),
        );
        match (lo, hi) {
            (b'0', b'9') => quote! { b.is_ascii_digit() },
            (b'a', b'z') => quote! { b.is_ascii_lowercase() },
            (b'A', b'Z') => quote! { b.is_ascii_uppercase() },
            _ if lo == hi => quote! { b == #lo_lit },
            _ => quote! { (#lo_lit..=#hi_lit).contains(&b) },
        }
    });
    quote! { |&b: &u8| #(#ranges)||* }
}
