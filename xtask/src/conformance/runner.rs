//! The runner crate's program: one function per operation that calls it through the generated
//! client with inputs from [`values`](super::values), and a `main` that reports `PASS`/`FAIL`
//! per call. Written as tokens from the model, formatted as the generator formats its files.

use generator::emit::{external_type_tokens, format_file, ident};
use generator::model::{
    AuthScheme, Enum, HttpMethod, Input, InputLocation, IntegerKind, Model, Module, Operation,
    TypeKind, TypeRef, ValueKind,
};
use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;

use serde_json::Value;

use super::values::input_value;

/// The account SID the runner's clients use (`AC` and 32 hexadecimal digits).
const ACCOUNT_SID: &str = "AC00000000000000000000000000000000";

/// The `src/main.rs` of the runner crate, which depends on the generated crate under the Rust
/// name `client_crate` (`twilio_api`).
///
/// The program takes `--base MODULE=URL` for each API to call (modules without one are
/// skipped), `--get-only` to skip operations that are not `GET` (for Prism's dynamic mode) and
/// `--all-options` to also set every optional input. It prints `PASS module::method` or
/// `FAIL module::method: error` per operation and exits with 1 if any failed, 2 on bad
/// arguments.
pub(super) fn runner(model: &Model, client_crate: &str) -> Result<String, String> {
    let krate = ident(client_crate);
    let bearer = model.apis().any(|(_, api)| api.accepts(AuthScheme::Bearer));
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
    let helpers = program_helpers();
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

        #helpers

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
    let text = format_file(tokens)
        .map_err(|e| format!("internal error: the conformance runner is invalid Rust: {e}"))?;
    Ok(format!(
        "// Written by `cargo xtask conformance` from {}. DO NOT EDIT.\n\n{text}",
        model.specs_dir
    ))
}

/// One operation's call: required inputs as arguments, optional ones when `all_options`.
fn operation_fn(model: &Model, module: &Module, op: &Operation, krate: &Ident) -> TokenStream {
    let accessor = ident(&module.name);
    let method = ident(&op.method_name);
    let arguments = op
        .arguments()
        .map(|input| input_tokens(model, input, &input_value(model, input), krate));
    let is_body = |input: &&Input| {
        matches!(
            input.location,
            InputLocation::FormField | InputLocation::JsonBody
        )
    };
    // A body the spec requires, with no required field: Prism takes an empty one for none,
    // so the first field is always given (the call Twilio's docs show sets one too).
    let floor = (op.body_required && !op.arguments().any(|input| is_body(&input)))
        .then(|| op.options().find(is_body))
        .flatten();
    let setter = |input: &Input| {
        let setter = ident(&input.rust_name);
        let value = input_tokens(model, input, &input_value(model, input), krate);
        quote! { .#setter(#value) }
    };
    let always: Option<TokenStream> = floor.map(setter);
    let options: Vec<TokenStream> = op
        .options()
        .filter(|input| floor.is_none_or(|f| !std::ptr::eq(f, *input)))
        .map(setter)
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
            #binding = client.#accessor().#method(#(#arguments),*)#always;
            #set_options
            request.send().await.map(drop).map_err(|error| super::describe(&error))
        }
    }
}

/// The expression passed for an input: literals where the argument takes them, otherwise the
/// value decoded from its JSON text.
pub(crate) fn input_tokens(
    model: &Model,
    input: &Input,
    value: &Value,
    krate: &Ident,
) -> TokenStream {
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
    match (&input.kind, resolved) {
        (ValueKind::Text, _) => {
            let text = text();
            quote! { #text }
        }
        (ValueKind::Enum, TypeRef::HttpMethod) => {
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

/// The functions every program that calls the client uses, at the root of its `main.rs`:
/// `input` (an input of any type from its JSON text, where `input_tokens` needs one) and
/// `describe` (an error and its sources on one line).
pub(crate) fn program_helpers() -> TokenStream {
    quote! {
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
    }
}
