//! The conformance runner: a program that calls every operation of the generated client once,
//! with inputs built from the spec, so a mock server that validates requests against the same
//! spec (Stoplight Prism) can say whether the client sends what the spec describes and decodes
//! what it answers. `cargo xtask conformance` writes the program next to the generated crate,
//! builds it and runs it against `prism mock`.
//!
//! Input values come from the model alone: an input's `example` when it is valid for its type
//! and checks, otherwise a value synthesized from the type ([`sample_value`]): ID types a
//! string of their pattern's shape ([`PatternCheck::sample`](crate::pattern::PatternCheck::sample)),
//! enums their first value, numbers and strings within their bounds, structs every required
//! field, unions their first variant (with its tag).

use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;
use serde_json::{Map, Value, json};

use crate::emit::rust::{external_type_tokens, ident, space_items};
use crate::error::{Error, Problem};
use crate::model::{
    Check, Enum, HttpMethod, IdType, Input, IntegerKind, Model, Module, Operation, TypeKind,
    TypeRef, ValueKind,
};

/// The account SID the runner's clients use (`AC` and 32 hexadecimal digits).
pub const ACCOUNT_SID: &str = "AC00000000000000000000000000000000";
/// The timestamp synthesized for `date-time` values.
pub const SAMPLE_DATE_TIME: &str = "2024-01-02T03:04:05Z";
/// The date synthesized for `date` values.
pub const SAMPLE_DATE: &str = "2024-01-02";
/// The URL synthesized for `uri` values.
pub const SAMPLE_URL: &str = "https://example.com/";
/// Nesting beyond which no more struct fields are synthesized (recursive required fields).
const MAX_DEPTH: usize = 12;

/// The `src/main.rs` of the runner crate, which depends on the generated crate under the Rust
/// name `client_crate` (`twilio_api`).
///
/// The program takes `--base MODULE=URL` for each API to call (modules without one are
/// skipped), `--get-only` to skip operations that are not `GET` (for Prism's dynamic mode) and
/// `--all-options` to also set every optional input. It prints `PASS module::method` or
/// `FAIL module::method: error` per operation and exits with 1 if any failed, 2 on bad
/// arguments.
pub fn runner(model: &Model, client_crate: &str) -> Result<String, Error> {
    let krate = ident(client_crate);
    let bearer = model.apis().any(|(_, api)| {
        api.security.contains(&crate::model::AuthScheme::Bearer)
            || api.operations.iter().any(|op| {
                op.security
                    .as_ref()
                    .is_some_and(|s| s.contains(&crate::model::AuthScheme::Bearer))
            })
    });
    // Only asked for when a spec needs it, so specs with basic auth alone need nothing more
    // of the runtime than `base_url`.
    let bearer = bearer.then(|| quote! { .bearer_token("conformance-bearer-token") });
    let mut modules = Vec::new();
    let mut calls = Vec::new();
    for (module, api) in model.apis() {
        let module_ident = ident(&module.name);
        let module_name = &module.name;
        let functions = api
            .operations
            .iter()
            .map(|op| operation_fn(model, module, op, &krate));
        modules.push(quote! {
            /// The operations of one API, one function each.
            mod #module_ident {
                #(#functions)*
            }
        });
        let reports = api.operations.iter().map(|op| {
            let label = format!("{}::{}", module.name, op.method_name);
            let function = ident(&op.method_name);
            let report = quote! {
                report(&mut failures, #label, #module_ident::#function(&client, args.all_options).await);
            };
            if op.http_method == HttpMethod::Get {
                report
            } else {
                quote! { if !args.get_only { #report } }
            }
        });
        let labels = api
            .operations
            .iter()
            .map(|op| format!("{}::{}", module.name, op.method_name));
        let gets = api
            .operations
            .iter()
            .map(|op| op.http_method == HttpMethod::Get);
        calls.push(quote! {
            if let ::std::option::Option::Some(base) = args.base(#module_name) {
                match client(base) {
                    ::std::result::Result::Ok(client) => {
                        #(#reports)*
                    }
                    ::std::result::Result::Err(error) => {
                        let error = ::std::format!("cannot build the client: {}", describe(&error));
                        for (label, get) in [#((#labels, #gets)),*] {
                            if get || !args.get_only {
                                report(&mut failures, label, ::std::result::Result::Err(error.clone()));
                            }
                        }
                    }
                }
            }
        });
    }
    let header = format!(
        " Conformance runner for `{client_crate}`: calls every operation once against mock servers."
    );
    let tokens = quote! {
        #![doc = #header]
        #![doc = ""]
        #![doc = " Usage: runner --base MODULE=URL... [--get-only] [--all-options]"]
        // Deprecated operations are called too.
        #![allow(deprecated)]

        const ACCOUNT_SID: &str = #ACCOUNT_SID;

        /// What the command line asks for.
        struct Args {
            bases: ::std::vec::Vec<(::std::string::String, ::std::string::String)>,
            get_only: bool,
            all_options: bool,
        }

        impl Args {
            fn parse() -> ::std::result::Result<Args, ::std::string::String> {
                let mut args = Args { bases: ::std::vec::Vec::new(), get_only: false, all_options: false };
                let mut iter = ::std::env::args().skip(1);
                while let ::std::option::Option::Some(arg) = iter.next() {
                    match arg.as_str() {
                        "--get-only" => args.get_only = true,
                        "--all-options" => args.all_options = true,
                        "--base" => {
                            let value = iter.next().unwrap_or_default();
                            let ::std::option::Option::Some((module, url)) = value.split_once('=') else {
                                return ::std::result::Result::Err(::std::format!("--base takes MODULE=URL, not `{value}`"));
                            };
                            args.bases.push((module.to_owned(), url.to_owned()));
                        }
                        other => {
                            return ::std::result::Result::Err(::std::format!(
                                "unexpected argument `{other}` (usage: --base MODULE=URL... [--get-only] [--all-options])"
                            ));
                        }
                    }
                }
                ::std::result::Result::Ok(args)
            }

            fn base(&self, module: &str) -> ::std::option::Option<&str> {
                self.bases.iter().find(|(m, _)| m == module).map(|(_, url)| url.as_str())
            }
        }

        /// A client that sends every API to `base`, with basic and bearer credentials and no
        /// retries (a mock's 4xx must show, not be retried away).
        fn client(base: &str) -> ::std::result::Result<::#krate::Client, ::#krate::Error> {
            ::#krate::Client::builder()
                .account_sid(ACCOUNT_SID)
                .auth_token("conformance-auth-token")
                #bearer
                .base_url(base)
                .max_retries(0)
                .build()
        }

        /// An input value of type `T` from its JSON text.
        #[allow(dead_code)] // Not every spec has inputs that need it.
        fn input<T: ::serde::de::DeserializeOwned>(name: &str, json: &str) -> ::std::result::Result<T, ::std::string::String> {
            ::serde_json::from_str(json).map_err(|error| ::std::format!("cannot build the input `{name}` from {json}: {error}"))
        }

        /// An error and its sources on one line.
        fn describe(error: &dyn ::std::error::Error) -> ::std::string::String {
            let mut text = error.to_string();
            let mut source = error.source();
            while let ::std::option::Option::Some(cause) = source {
                text.push_str(": ");
                text.push_str(&cause.to_string());
                source = cause.source();
            }
            text.replace('\n', " ")
        }

        fn report(failures: &mut usize, label: &str, result: ::std::result::Result<(), ::std::string::String>) {
            match result {
                ::std::result::Result::Ok(()) => ::std::println!("PASS {label}"),
                ::std::result::Result::Err(error) => {
                    *failures += 1;
                    ::std::println!("FAIL {label}: {error}");
                }
            }
        }

        #(#modules)*

        #[::tokio::main(flavor = "current_thread")]
        async fn main() -> ::std::process::ExitCode {
            let args = match Args::parse() {
                ::std::result::Result::Ok(args) => args,
                ::std::result::Result::Err(message) => {
                    ::std::eprintln!("error: {message}");
                    return ::std::process::ExitCode::from(2);
                }
            };
            let mut failures = 0usize;
            #(#calls)*
            if failures == 0 {
                ::std::process::ExitCode::SUCCESS
            } else {
                ::std::process::ExitCode::FAILURE
            }
        }
    };
    let file: syn::File = syn::parse2(tokens).map_err(|e| {
        Error::one(Problem {
            file: "src/main.rs".into(),
            line: None,
            pointer: None,
            message: format!("internal error: the conformance runner is invalid Rust: {e}"),
        })
    })?;
    Ok(format!(
        "// Code generated by `cargo xtask conformance` from {}. DO NOT EDIT.\n\n{}",
        model.specs_dir,
        space_items(&prettyplease::unparse(&file))
    ))
}

/// One operation's call: required inputs as arguments, optional ones when `all_options`.
fn operation_fn(model: &Model, module: &Module, op: &Operation, krate: &Ident) -> TokenStream {
    let accessor = ident(&module.name);
    let method = ident(&op.method_name);
    let arguments = op
        .arguments()
        .map(|input| input_tokens(model, input, &input_value(model, input), krate));
    let options: Vec<TokenStream> = op
        .options()
        .map(|input| {
            let setter = ident(&input.rust_name);
            let value = input_tokens(model, input, &input_value(model, input), krate);
            quote! { .#setter(#value) }
        })
        .collect();
    let doc = format!(" `{} {}`.", op.http_method.as_str(), op.path);
    let (options_arg, set_options, binding) = if options.is_empty() {
        (quote! { _all_options }, quote! {}, quote! { let request })
    } else {
        (
            quote! { all_options },
            quote! {
                if all_options {
                    request = request #(#options)*;
                }
            },
            quote! { let mut request },
        )
    };
    quote! {
        #[doc = #doc]
        pub async fn #method(client: &::#krate::Client, #options_arg: bool) -> ::std::result::Result<(), ::std::string::String> {
            #binding = client.#accessor().#method(#(#arguments),*);
            #set_options
            request.send().await.map(drop).map_err(|error| super::describe(&error))
        }
    }
}

/// The expression passed for an input: literals where the argument takes them, otherwise the
/// value decoded from its JSON text.
fn input_tokens(model: &Model, input: &Input, value: &Value, krate: &Ident) -> TokenStream {
    if input.repeated {
        let items = value
            .as_array()
            .cloned()
            .unwrap_or_else(|| vec![value.clone()]);
        let items = items
            .iter()
            .map(|item| item_tokens(model, input, item, krate));
        return quote! { [#(#items),*] };
    }
    item_tokens(model, input, value, krate)
}

fn item_tokens(model: &Model, input: &Input, value: &Value, krate: &Ident) -> TokenStream {
    let resolved = model.resolve_alias(&input.ty);
    let text = || match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    };
    match (input.kind, resolved) {
        (ValueKind::Text, _) => {
            let text = text();
            quote! { #text }
        }
        (ValueKind::Enum, TypeRef::Named(id)) => match &model.ty(*id).kind {
            TypeKind::Enum(Enum::Integer(_)) => {
                let number = value
                    .as_i64()
                    .or_else(|| text().parse().ok())
                    .unwrap_or_default();
                let number = Literal::i64_suffixed(number);
                quote! { #number }
            }
            _ => {
                let text = text();
                quote! { #text }
            }
        },
        (ValueKind::Plain | ValueKind::JsonText, TypeRef::Integer(kind)) => {
            integer_literal(*kind, value)
        }
        (ValueKind::Plain | ValueKind::JsonText, TypeRef::Number) => {
            let number = Literal::f64_suffixed(value.as_f64().unwrap_or(1.0));
            quote! { #number }
        }
        (ValueKind::Plain | ValueKind::JsonText, TypeRef::Boolean) => {
            let flag = value.as_bool().unwrap_or(true);
            quote! { #flag }
        }
        _ => {
            let ty = external_type_tokens(model, &input.ty, krate);
            let name = &input.rust_name;
            let json = value.to_string();
            quote! { super::input::<#ty>(#name, #json)? }
        }
    }
}

fn integer_literal(kind: IntegerKind, value: &Value) -> TokenStream {
    let literal = match kind {
        IntegerKind::I32 => Literal::i32_suffixed(
            value
                .as_i64()
                .and_then(|n| i32::try_from(n).ok())
                .unwrap_or(1),
        ),
        IntegerKind::I64 => Literal::i64_suffixed(value.as_i64().unwrap_or(1)),
        IntegerKind::U32 => Literal::u32_suffixed(
            value
                .as_u64()
                .and_then(|n| u32::try_from(n).ok())
                .unwrap_or(1),
        ),
        IntegerKind::U64 => Literal::u64_suffixed(value.as_u64().unwrap_or(1)),
    };
    quote! { #literal }
}

/// The value the runner passes for `input` (an array of values for a repeated input): its
/// example when that is valid for its type and checks, otherwise [`sample_value`].
pub fn input_value(model: &Model, input: &Input) -> Value {
    let valid = |value: &Value| {
        conforms(model, &input.ty, value, 0) && passes_checks(model, &input.checks, value)
    };
    if let Some(example) = &input.example {
        if !input.repeated && valid(example) {
            return example.clone();
        }
        if input.repeated {
            match example.as_array() {
                Some(items) if !items.is_empty() && items.iter().all(valid) => {
                    return example.clone();
                }
                Some(_) => {}
                None if valid(example) => return Value::Array(vec![example.clone()]),
                None => {}
            }
        }
    }
    let one = sample(model, &input.ty, &input.checks, &input.name, 0);
    if input.repeated {
        Value::Array(vec![one])
    } else {
        one
    }
}

/// A value of type `ty` that passes `checks`, as JSON: ID types a string of their pattern's
/// shape, enums their first value, integers their lower bound (or 1), strings `test` fitted to
/// their length bounds (an email address for fields named `…email`), `true`, a fixed
/// timestamp, date and URL, `{}` for untyped JSON and maps, one-item lists, structs with every
/// required field (their examples when valid), and unions as their first variant with its
/// tag.
pub fn sample_value(model: &Model, ty: &TypeRef, checks: &[Check]) -> Value {
    sample(model, ty, checks, "", 0)
}

/// [`sample_value`] for a value named `name` on the wire (a field or input name).
fn sample(model: &Model, ty: &TypeRef, checks: &[Check], name: &str, depth: usize) -> Value {
    if depth > MAX_DEPTH {
        return Value::Null;
    }
    match ty {
        TypeRef::String => Value::String(sample_text(checks, name)),
        TypeRef::Integer(kind) => {
            let value = sample_integer(*kind, checks);
            i64::try_from(value)
                .map_or_else(|_| json!(u64::try_from(value).unwrap_or(0)), |n| json!(n))
        }
        TypeRef::Number => json!(1.5),
        TypeRef::Boolean => Value::Bool(true),
        TypeRef::DateTime => json!(SAMPLE_DATE_TIME),
        TypeRef::Date => json!(SAMPLE_DATE),
        TypeRef::Url => json!(SAMPLE_URL),
        TypeRef::Json | TypeRef::Map(_) => Value::Object(Map::new()),
        TypeRef::Array(item) => Value::Array(vec![sample(model, item, &[], name, depth + 1)]),
        TypeRef::Nullable(inner) => sample(model, inner, checks, name, depth),
        TypeRef::Named(id) => match &model.ty(*id).kind {
            TypeKind::Id(id_type) => Value::String(id_sample(id_type)),
            TypeKind::Enum(Enum::String(values)) => {
                values.first().map_or(json!("unknown"), |v| json!(v.wire))
            }
            TypeKind::Enum(Enum::Integer(values)) => {
                values.first().map_or(json!(0), |v| json!(v.wire))
            }
            TypeKind::Struct(s) => {
                let mut object = Map::new();
                for field in s.fields.iter().filter(|f| f.required) {
                    let value = match &field.example {
                        Some(example) if conforms(model, &field.ty, example, depth + 1) => {
                            example.clone()
                        }
                        _ => sample(model, &field.ty, &[], &field.name.json, depth + 1),
                    };
                    object.insert(field.name.json.clone(), value);
                }
                Value::Object(object)
            }
            TypeKind::Union(union) => {
                let Some(first) = union.variants.first() else {
                    return Value::Object(Map::new());
                };
                let mut value = sample(model, &first.ty, &[], name, depth + 1);
                if let (Some(tag_name), Some(tag), Value::Object(object)) =
                    (&union.discriminator, first.tags.first(), &mut value)
                {
                    object.insert(tag_name.clone(), json!(tag));
                }
                value
            }
            TypeKind::Alias(target) => sample(model, target, checks, name, depth),
        },
    }
}

/// `test`, cut or padded to the length bounds; an email address for a value named like one.
fn sample_text(checks: &[Check], name: &str) -> String {
    let (min, max) = checks
        .iter()
        .find_map(|check| match check {
            Check::Length { min, max } => Some((min.unwrap_or(0), *max)),
            _ => None,
        })
        .unwrap_or((0, None));
    // The model keeps no string `format`, and a server checking `format: email` refuses
    // `test`; Twilio names those fields `…Email` (`authorized_representative_email`,
    // `CcEmails`).
    let email = "user@example.com";
    let normalized: String = name
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    let fits = |text: &str| {
        let count = text.chars().count();
        count >= min && max.is_none_or(|max| count <= max)
    };
    if (normalized.ends_with("email") || normalized.ends_with("emails")) && fits(email) {
        return email.to_owned();
    }
    let mut text = "test".to_owned();
    while text.chars().count() < min {
        text.push('x');
    }
    if let Some(max) = max {
        text = text.chars().take(max.max(min)).collect();
    }
    text
}

/// The lower bound (or 1), kept within the upper bound and the integer kind.
fn sample_integer(kind: IntegerKind, checks: &[Check]) -> i128 {
    let (min, max) = checks
        .iter()
        .find_map(|check| match check {
            Check::Range { min, max } => Some((*min, *max)),
            _ => None,
        })
        .unwrap_or((None, None));
    let mut value = min.map_or(1, i128::from);
    if let Some(max) = max {
        value = value.min(i128::from(max));
    }
    let (low, high) = integer_bounds(kind);
    value.clamp(low, high)
}

fn integer_bounds(kind: IntegerKind) -> (i128, i128) {
    match kind {
        IntegerKind::I32 => (i128::from(i32::MIN), i128::from(i32::MAX)),
        IntegerKind::I64 => (i128::from(i64::MIN), i128::from(i64::MAX)),
        IntegerKind::U32 => (0, i128::from(u32::MAX)),
        IntegerKind::U64 => (0, i128::from(u64::MAX)),
    }
}

/// A value of an ID type: its example when that matches, else a sample of its pattern long
/// enough for its `minLength`; for a pattern the generator cannot check, free text within
/// the length bounds.
pub fn id_sample(id: &IdType) -> String {
    if let Some(example) = &id.example
        && id_accepts(id, example)
    {
        return example.clone();
    }
    let min = id.min_length.unwrap_or(0);
    id.check.sample(min).unwrap_or_else(|| {
        sample_text(
            &[Check::Length {
                min: Some(min),
                max: id.max_length,
            }],
            "",
        )
    })
}

/// Whether `value` has the shape of the ID type (pattern and length bounds).
pub fn id_accepts(id: &IdType, value: &str) -> bool {
    let count = value.chars().count();
    id.check.matches(value)
        && id.min_length.is_none_or(|min| count >= min)
        && id.max_length.is_none_or(|max| count <= max)
}

fn passes_checks(model: &Model, checks: &[Check], value: &Value) -> bool {
    checks.iter().all(|check| match check {
        Check::Range { min, max } => value
            .as_i64()
            .is_some_and(|n| min.is_none_or(|min| n >= min) && max.is_none_or(|max| n <= max)),
        Check::Length { min, max } => value.as_str().is_some_and(|text| {
            let count = text.chars().count();
            min.is_none_or(|min| count >= min) && max.is_none_or(|max| count <= max)
        }),
        Check::Id(id) => match (&model.ty(*id).kind, value.as_str()) {
            (TypeKind::Id(id_type), Some(text)) => id_accepts(id_type, text),
            _ => false,
        },
    })
}

/// Whether `value` is a valid value of `ty`: it decodes into the Rust type and a server
/// checking the same schema accepts it (known enum values only, IDs of the right shape,
/// required fields present).
pub fn conforms(model: &Model, ty: &TypeRef, value: &Value, depth: usize) -> bool {
    if depth > MAX_DEPTH {
        return false;
    }
    let next = depth + 1;
    match ty {
        TypeRef::String => value.is_string(),
        TypeRef::Integer(kind) => {
            let (low, high) = integer_bounds(*kind);
            let number = value
                .as_i64()
                .map(i128::from)
                .or_else(|| value.as_u64().map(i128::from));
            number.is_some_and(|n| (low..=high).contains(&n))
        }
        TypeRef::Number => value.is_number(),
        TypeRef::Boolean => value.is_boolean(),
        TypeRef::DateTime => value.as_str().is_some_and(is_date_time),
        TypeRef::Date => value.as_str().is_some_and(is_date),
        TypeRef::Url => value.as_str().is_some_and(|url| {
            (url.starts_with("https://") || url.starts_with("http://"))
                && url.len() > "https://".len()
                && !url.contains(char::is_whitespace)
        }),
        TypeRef::Json => true,
        TypeRef::Nullable(inner) => value.is_null() || conforms(model, inner, value, depth),
        TypeRef::Array(item) => value
            .as_array()
            .is_some_and(|items| items.iter().all(|v| conforms(model, item, v, next))),
        TypeRef::Map(item) => value
            .as_object()
            .is_some_and(|map| map.values().all(|v| conforms(model, item, v, next))),
        TypeRef::Named(id) => match &model.ty(*id).kind {
            TypeKind::Id(id_type) => value.as_str().is_some_and(|s| id_accepts(id_type, s)),
            TypeKind::Enum(Enum::String(values)) => value
                .as_str()
                .is_some_and(|s| values.iter().any(|v| v.wire == s)),
            TypeKind::Enum(Enum::Integer(values)) => value
                .as_i64()
                .is_some_and(|n| values.iter().any(|v| v.wire == n)),
            TypeKind::Struct(s) => {
                let Some(object) = value.as_object() else {
                    return false;
                };
                let fields_ok = s
                    .fields
                    .iter()
                    .all(|field| match object.get(&field.name.json) {
                        None => !field.required,
                        Some(Value::Null) => field.nullable,
                        Some(v) => conforms(model, &field.ty, v, next),
                    });
                let extra_ok = match &s.additional {
                    None => true,
                    Some(item) => object
                        .iter()
                        .filter(|(key, _)| !s.fields.iter().any(|f| &f.name.json == *key))
                        .all(|(_, v)| conforms(model, item, v, next)),
                };
                fields_ok && extra_ok
            }
            TypeKind::Union(union) => match &union.discriminator {
                Some(tag) => {
                    let Some(tag) = value.get(tag).and_then(Value::as_str) else {
                        return false;
                    };
                    union
                        .variants
                        .iter()
                        .find(|v| v.tags.iter().any(|t| t == tag))
                        .is_some_and(|v| conforms(model, &v.ty, value, next))
                }
                None => union
                    .variants
                    .iter()
                    .any(|v| conforms(model, &v.ty, value, next)),
            },
            TypeKind::Alias(target) => conforms(model, target, value, next),
        },
    }
}

/// `YYYY-MM-DD` with a month and day in range.
fn is_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        bytes
            .get(range.clone())
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
            .then(|| text[range].parse::<u32>().ok())
            .flatten()
    };
    bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && digits(0..4).is_some()
        && digits(5..7).is_some_and(|m| (1..=12).contains(&m))
        && digits(8..10).is_some_and(|d| (1..=31).contains(&d))
}

/// An RFC 3339 timestamp: date, `T`, `hh:mm:ss`, optional fraction, `Z` or an offset.
fn is_date_time(text: &str) -> bool {
    let Some((date, time)) = text.split_once(['T', 't']) else {
        return false;
    };
    let two_digits = |s: &str, max: u32| {
        s.len() == 2
            && s.bytes().all(|b| b.is_ascii_digit())
            && s.parse::<u32>().is_ok_and(|n| n <= max)
    };
    let hms = |s: &str| {
        let parts: Vec<&str> = s.split(':').collect();
        matches!(parts.as_slice(), [h, m, s] if two_digits(h, 23) && two_digits(m, 59) && two_digits(s, 60))
    };
    let (clock, offset) = if let Some(clock) = time.strip_suffix(['Z', 'z']) {
        (clock, None)
    } else if let Some(at) = time.rfind(['+', '-']) {
        (&time[..at], Some(&time[at + 1..]))
    } else {
        return false;
    };
    let clock = match clock.split_once('.') {
        Some((whole, fraction)) => {
            if fraction.is_empty() || !fraction.bytes().all(|b| b.is_ascii_digit()) {
                return false;
            }
            whole
        }
        None => clock,
    };
    let offset_ok = offset.is_none_or(|offset| {
        matches!(offset.split_once(':'), Some((h, m)) if two_digits(h, 23) && two_digits(m, 59))
    });
    is_date(date) && hms(clock) && offset_ok
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Enum, EnumValue, Field, FieldName, Source, Struct, TypeDef, TypeId};
    use crate::pattern::compile;

    fn source() -> Source {
        Source {
            file: "t.yaml".to_owned(),
            pointer: String::new(),
            line: None,
        }
    }

    fn id_type(pattern: &str, min: Option<usize>, max: Option<usize>) -> IdType {
        IdType {
            pattern: pattern.to_owned(),
            check: compile(pattern).unwrap(),
            min_length: min,
            max_length: max,
            example: None,
        }
    }

    #[test]
    fn synthesized_ids_pass_the_id_check_and_the_regex() {
        // Twilio's and our specs' shapes, with and without length bounds.
        let cases = [
            ("^AC[0-9a-fA-F]{32}$", None, None),
            ("^aia_msg_.+$", None, None),
            ("^aia_msg_.+$", Some(20), Some(40)),
            ("^conv_[a-z0-9]{4,}$", Some(10), None),
            ("^sess_[^/]+$", None, Some(64)),
            ("^[A-Z]{2}[0-9]{2}x?$", None, None),
        ];
        for (pattern, min, max) in cases {
            let id = id_type(pattern, min, max);
            let value = id_sample(&id);
            assert!(
                id_accepts(&id, &value),
                "{pattern}: {value:?} fails the ID check"
            );
            let regex = regex::Regex::new(pattern).unwrap();
            assert!(
                regex.is_match(&value),
                "{pattern}: {value:?} fails the regex"
            );
            let count = value.chars().count();
            assert!(min.is_none_or(|m| count >= m) && max.is_none_or(|m| count <= m));
            assert!(
                !value.contains(['/', '?', '#', ' ']),
                "{pattern}: {value:?} is not path-safe"
            );
        }
    }

    #[test]
    fn ids_respect_length_bounds_and_valid_examples() {
        let long = id_type("^sess_.+$", Some(12), None);
        let value = id_sample(&long);
        assert_eq!(value.chars().count(), 12);
        assert!(id_accepts(&long, &value));
        let mut with_example = id_type("^UA[0-9a-f]{32}$", None, None);
        with_example.example = Some("UA0123456789abcdef0123456789abcdef".to_owned());
        assert_eq!(
            id_sample(&with_example),
            "UA0123456789abcdef0123456789abcdef"
        );
        with_example.example = Some("UA123".to_owned());
        assert!(
            id_accepts(&with_example, &id_sample(&with_example)),
            "an invalid example is not used"
        );
    }

    fn model_with(types: Vec<TypeKind>) -> Model {
        Model {
            specs_dir: "specs".to_owned(),
            crate_config: crate::model::CrateConfigModel {
                name: "twilio-api".to_owned(),
                version: "0.1.0".to_owned(),
                description: String::new(),
                repository: None,
                runtime: crate::load::RuntimeDependency::default(),
            },
            modules: Vec::new(),
            types: types
                .into_iter()
                .enumerate()
                .map(|(i, kind)| TypeDef {
                    module: "m".to_owned(),
                    name: format!("T{i}"),
                    doc: None,
                    kind,
                    source: source(),
                })
                .collect(),
        }
    }

    fn field(json: &str, ty: TypeRef, required: bool) -> Field {
        Field {
            name: FieldName {
                json: json.to_owned(),
                rust: json.to_owned(),
            },
            ty,
            required,
            nullable: false,
            boxed: false,
            doc: None,
            pii: crate::model::Personal::Unmarked,
            deprecated: false,
            example: None,
            source: source(),
        }
    }

    #[test]
    fn enums_take_their_first_value_and_bounds_hold() {
        let model = model_with(vec![
            TypeKind::Enum(Enum::String(vec![
                EnumValue {
                    wire: "active".to_owned(),
                    variant: "Active".to_owned(),
                },
                EnumValue {
                    wire: "closed".to_owned(),
                    variant: "Closed".to_owned(),
                },
            ])),
            TypeKind::Enum(Enum::Integer(vec![EnumValue {
                wire: 3,
                variant: "V3".to_owned(),
            }])),
        ]);
        assert_eq!(
            sample_value(&model, &TypeRef::Named(TypeId(0)), &[]),
            json!("active")
        );
        assert_eq!(
            sample_value(&model, &TypeRef::Named(TypeId(1)), &[]),
            json!(3)
        );
        assert!(!conforms(
            &model,
            &TypeRef::Named(TypeId(0)),
            &json!("other"),
            0
        ));

        let range = |min, max| [Check::Range { min, max }];
        let int = TypeRef::Integer(IntegerKind::I64);
        assert_eq!(
            sample_value(&model, &int, &range(Some(5), Some(10))),
            json!(5)
        );
        assert_eq!(
            sample_value(&model, &int, &range(None, Some(-3))),
            json!(-3)
        );
        assert_eq!(sample_value(&model, &int, &range(None, None)), json!(1));
        let unsigned = TypeRef::Integer(IntegerKind::U32);
        assert_eq!(
            sample_value(&model, &unsigned, &range(Some(-4), None)),
            json!(0)
        );

        let length = |min, max| [Check::Length { min, max }];
        assert_eq!(
            sample_value(&model, &TypeRef::String, &length(Some(6), None)),
            json!("testxx")
        );
        assert_eq!(
            sample_value(&model, &TypeRef::String, &length(None, Some(2))),
            json!("te")
        );
        assert_eq!(sample_value(&model, &TypeRef::String, &[]), json!("test"));
    }

    #[test]
    fn structs_get_required_fields_and_examples_only_when_valid() {
        let mut good = field("when", TypeRef::DateTime, true);
        good.example = Some(json!("2020-05-06T07:08:09.5+01:00"));
        let mut bad = field("day", TypeRef::Date, true);
        bad.example = Some(json!("May 6th"));
        let model = model_with(vec![TypeKind::Struct(Struct {
            fields: vec![
                good,
                bad,
                field("count", TypeRef::Integer(IntegerKind::I32), true),
                field("note", TypeRef::String, false),
            ],
            additional: None,
        })]);
        let ty = TypeRef::Named(TypeId(0));
        let value = sample_value(&model, &ty, &[]);
        assert_eq!(
            value,
            json!({"when": "2020-05-06T07:08:09.5+01:00", "day": SAMPLE_DATE, "count": 1})
        );
        assert!(conforms(&model, &ty, &value, 0));
        assert!(!conforms(
            &model,
            &ty,
            &json!({"when": SAMPLE_DATE_TIME}),
            0
        ));
    }

    #[test]
    fn values_named_like_email_addresses_are_email_addresses() {
        let model = model_with(vec![TypeKind::Struct(Struct {
            fields: vec![
                field("authorized_representative_email", TypeRef::String, true),
                field("CcEmails", TypeRef::Array(Box::new(TypeRef::String)), true),
                field("emailed", TypeRef::String, true),
            ],
            additional: None,
        })]);
        assert_eq!(
            sample_value(&model, &TypeRef::Named(TypeId(0)), &[]),
            json!({
                "authorized_representative_email": "user@example.com",
                "CcEmails": ["user@example.com"],
                "emailed": "test"
            })
        );
        let short = [Check::Length {
            min: None,
            max: Some(8),
        }];
        assert_eq!(sample_text(&short, "Email"), "test", "an address must fit");
    }

    #[test]
    fn timestamps_and_dates_are_checked_as_rfc_3339() {
        assert!(is_date_time(SAMPLE_DATE_TIME));
        assert!(is_date_time("2016-01-01T00:00:00-08:00"));
        assert!(!is_date_time("2016-01-01 00:00:00"));
        assert!(!is_date_time("2016-13-01T00:00:00Z"));
        assert!(is_date(SAMPLE_DATE));
        assert!(!is_date("2024-1-02"));
    }
}
