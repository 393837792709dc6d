//! Emits `src/lib.rs` (crate docs with a quick start drawn from the specs, module list,
//! re-exports) and each module's `mod.rs`.

use proc_macro2::TokenStream;
use quote::quote;

use super::rust::{doc, doc_lines, doc_text, ident};
use crate::model::{Enum, Model, Module, Operation, TypeKind, TypeRef, ValueKind};

/// `src/lib.rs`.
pub fn lib_rs(model: &Model) -> TokenStream {
    let docs = crate_docs(model);
    let modules = model.modules.iter().map(|m| {
        let name = ident(&m.name);
        let feature = &m.feature.name;
        let doc = doc(Some(&format!("{} (feature `{feature}`).", m.title)));
        // Generated modules are laid out by prettyplease; rustfmt leaves them alone.
        quote! { #doc #[cfg(feature = #feature)] #[rustfmt::skip] pub mod #name; }
    });
    let root_ids = model.modules.iter().flat_map(|module| {
        let feature = &module.feature.name;
        let module_ident = ident(&module.name);
        module.root_ids.iter().map(move |&id| {
            let name = ident(&model.ty(id).name);
            quote! { #[cfg(feature = #feature)] pub use #module_ident::#name; }
        })
    });
    let helpers = crate::model::HELPERS.iter().map(|helper| {
        let name = ident(helper.name);
        let feature = helper.name;
        quote! { #[cfg(feature = #feature)] pub use runtime::#name; }
    });
    quote! {
        #(#![doc = #docs])*
        #![deny(missing_docs)]
        #![forbid(unsafe_code)]

        use twilio_api_runtime as runtime;

        runtime::api_client!();

        pub use runtime::{ApiError, AuthError, ConfigError, DecodeError, Error};
        pub use runtime::{InvalidArgument, TransportError, TransportErrorKind};
        pub use runtime::{DEFAULT_TIMEOUT, TokenFuture, TokenSource, http_client_builder};
        pub use runtime::{Id, ParseIdError};
        pub use runtime::{ItemStream, MAX_EMPTY_PAGES, NextPage, Page, PageStream};
        pub use runtime::{HttpMethod, Redirect, ResponseFuture, UnknownValue};
        #[doc(hidden)]
        pub use runtime::fuzz as __fuzz;

        #(#helpers)*

        #(#modules)*

        #(#root_ids)*
    }
}

/// The crate-level docs, one string per line.
fn crate_docs(model: &Model) -> Vec<String> {
    let name = &model.crate_config.name;
    let krate = model.crate_config.lib_name();
    let mut text = format!(
        "# {name}\n\n{}\n\n",
        doc_text(&model.crate_config.description)
    );
    text.push_str(&quick_start(model, &krate));
    text.push_str("\n## APIs\n\n| module | API | operations |\n|---|---|---|\n");
    for module in &model.modules {
        let ops = module.api.as_ref().map_or_else(String::new, |api| {
            api.operations
                .iter()
                .map(|op| format!("`{}`", op.method_name))
                .collect::<Vec<_>>()
                .join(", ")
        });
        text.push_str(&format!(
            "| [`{0}`] | {1} | {2} |\n",
            module.name, module.title, ops
        ));
    }
    text.push_str(&features_section(model, name));
    text.push_str(
        "\n## Errors\n\n\
         Every call returns [`Error`]: a bad argument fails before anything is sent \
         ([`Error::InvalidArgument`]); Twilio's error responses become [`Error::Api`] with Twilio's \
         `code`, `message`, `more_info` and the HTTP `status`; transport failures and undecodable \
         bodies have variants of their own. [`Error::status`] and [`Error::is_retryable`] work on all.\n\n\
         ## Retries\n\n\
         Every request is retried after HTTP 429 or a connection that could not be made, and \
         reads (`GET`, `PUT`, `DELETE`) also after HTTP 503, up to [`ClientBuilder::max_retries`] \
         times (default 2), honouring `Retry-After`, within [`ClientBuilder::retry_time_limit`]; \
         a write (`POST`, `PATCH`) that may have reached Twilio (a timeout, a connection lost \
         after sending, a 5xx) is never sent again, and its error says so \
         ([`Error::is_write_maybe_applied`]). The table on [`ClientBuilder::max_retries`] lists \
         every case, and [`ClientBuilder::retry_writes`] turns write retries off.\n\n\
         ## Pagination\n\n\
         List operations return one page from `.send()`; `.stream()` yields every item and fetches \
         the next page (the path and query of `meta.next_page_url`, always on the client's own \
         origin) only when needed; `.limit(n)` stops after `n` items. The host, user and password \
         written in a next-page link are ignored, so credentials only go to the client's origin; a \
         link that is not an http(s) URL or a path (`file:`, `javascript:`, control characters) ends \
         the stream with [`Error::Decode`] after the page's items (a `next_page_url` that does not \
         parse as a URL decodes to none, like any URL field, and ends paging as a missing one \
         does). A repeated next page ends paging, and [`MAX_EMPTY_PAGES`] empty pages in a row \
         that still link onward end `.stream()` with [`Error::Decode`], so a list cannot run \
         away.\n\n\
         ## Redirects\n\n\
         The client never follows a redirect, to another origin or to its own: a 3xx is an \
         [`Error::Api`] with its status, except for operations whose spec documents a 3xx, which \
         return its `Location` (and body) for the caller to act on. A `reqwest::Client` given to \
         [`ClientBuilder::http_client`] keeps its own redirect policy; build it from \
         [`http_client_builder`], which follows none. If it follows one anyway, reqwest has already \
         sent the request again (without `Authorization` when the redirect leads to another host, \
         port or scheme), and the client refuses that answer with [`Error::Config`].\n\n\
         ## Limits\n\n\
         Responses are read within bounds. A success body larger than \
         [`ClientBuilder::max_response_size`] (64 MiB by default) fails with [`Error::Decode`] \
         without being read further, and a larger `Content-Length` fails before reading; an error \
         body is read up to 64 KiB and the rest is never read. [`ClientBuilder::timeout`] covers \
         each attempt from connecting to the end of the body, so a server that sends slowly ends \
         in a timeout; a `Retry-After` that would end past [`ClientBuilder::retry_time_limit`] is \
         not waited for.\n\n\
         ## TLS\n\n\
         The default feature `rustls-ring` uses rustls with the `ring` provider, given to this \
         client only. `rustls-aws-lc-rs` and `native-tls` select reqwest's other TLS backends.\n\n\
         ## Stability\n\n\
         Twilio adds to its APIs all the time, so a minor release of this crate may add \
         operations, optional inputs, optional fields to models and values to enums (enums are \
         `#[non_exhaustive]` and keep values they do not know as `Unknown`). Models are meant to \
         be decoded; to build one, use `..Default::default()` rather than a literal naming every \
         field. Anything else that changes for callers is a major release (`cargo xtask diff` \
         classifies each spec change).\n\n\
         ## Tracing\n\n\
         With the `tracing` feature, each call is one `request` span (target `twilio_api`) with \
         the operation id, the method and the path template (`/v1/Sessions/{id}`, never the \
         filled path), then the status, the number of attempts and the duration; each retry is \
         an event in it. Credentials, arguments, bodies and error messages are never recorded.\n\n\
         ## Personal data\n\n\
         Fields and inputs the specs mark as personal data (Twilio's \
         `x-twilio: {pii: {handling: standard|sensitive}}`: identities, names, phone numbers, \
         message content) print `<redacted>` in `Debug`, request builders included; `None` and \
         list lengths stay visible. Serde, the fields themselves and `PartialEq` keep the real \
         value. Argument errors name the argument and the rule, never the value. Only the spec \
         decides what is marked: each such item's docs say so.\n",
    );
    doc_lines(&text)
}

/// How the crate's cargo features select APIs.
fn features_section(model: &Model, name: &str) -> String {
    let example = model
        .apis()
        .next()
        .map_or("…", |(module, _)| module.feature.name.as_str());
    format!(
        "\n## Features\n\n\
         Each module is compiled only with the cargo feature of the same name; `full`, one of \
         the default features, turns on all of them. To compile only the APIs you call:\n\n\
         ```toml\n\
         {name} = {{ version = \"{version}\", default-features = false, features = [\"rustls-ring\", \"{example}\"] }}\n\
         ```\n\n\
         A module's feature turns on the modules whose types it uses (such as shared ID types) \
         and the dependencies only some APIs need (`chrono`, for timestamps and dates).\n",
        version = model.crate_config.version,
    )
}

/// A compiling (not run) example made from the specs' own operations.
fn quick_start(model: &Model, krate: &str) -> String {
    let apis: Vec<_> = model.apis().collect();
    let call = |module: &Module, op: &Operation| {
        let args: Vec<String> = op
            .arguments()
            .map(|p| format!("{:?}", example_argument(model, &p.ty, &p.rust_name)))
            .collect();
        format!(
            "client.{}().{}({})",
            module.name,
            op.method_name,
            args.join(", ")
        )
    };
    let fetch = apis.iter().find_map(|(m, api)| {
        api.operations
            .iter()
            .find(|o| o.pagination.is_none() && takes_text_only(model, o))
            .map(|o| (*m, o))
    });
    let list = apis.iter().find_map(|(m, api)| {
        api.operations
            .iter()
            .find(|o| o.pagination.is_some() && takes_text_only(model, o))
            .map(|o| (*m, o))
    });
    let mut lines = vec![
        "use futures::TryStreamExt as _;".to_owned(),
        String::new(),
        format!("# async fn run() -> Result<(), {krate}::Error> {{"),
        format!("let client = {krate}::Client::builder()"),
        "    .account_sid(\"AC0123456789abcdef0123456789abcdef\")".to_owned(),
        "    .auth_token(\"your_auth_token\")".to_owned(),
        "    .build()?;".to_owned(),
        format!("// Or: let client = {krate}::Client::from_env()?;"),
    ];
    if let Some((module, op)) = fetch {
        lines.push(format!("let one = {}.send().await?;", call(module, op)));
        lines.push("println!(\"{one:?}\");".to_owned());
    }
    if let Some((module, op)) = list {
        let page_size = if op.inputs.iter().any(|p| p.rust_name == "page_size") {
            ".page_size(50)"
        } else {
            ""
        };
        lines.push(format!(
            "let page = {}{page_size}.send().await?;",
            call(module, op)
        ));
        lines.push("println!(\"{page:?}\");".to_owned());
        lines.push(format!(
            "let all: Vec<_> = {}.limit(100).stream().try_collect().await?;",
            call(module, op)
        ));
        lines.push("println!(\"{} items\", all.len());".to_owned());
    }
    lines.push("# Ok(())".to_owned());
    lines.push("# }".to_owned());
    format!("## Quick start\n\n```no_run\n{}\n```\n", lines.join("\n"))
}

/// Whether every argument of `op` accepts a string literal, so the quick start compiles.
fn takes_text_only(model: &Model, op: &Operation) -> bool {
    op.arguments().all(|input| match input.kind {
        ValueKind::Text => !input.repeated,
        ValueKind::Enum => {
            !input.repeated
                && (input.ty == TypeRef::HttpMethod
                    || matches!(&input.ty, TypeRef::Named(id)
                        if matches!(&model.ty(*id).kind, TypeKind::Enum(Enum::String(_)))))
        }
        ValueKind::Plain | ValueKind::JsonText | ValueKind::PrefixedMap { .. } => false,
    })
}

/// A value to show for a path argument: the ID type's example, else the argument's name.
fn example_argument(model: &Model, ty: &TypeRef, name: &str) -> String {
    if let TypeRef::Named(type_id) = ty
        && let TypeKind::Id(id) = &model.ty(*type_id).kind
        && let Some(example) = &id.example
    {
        return example.clone();
    }
    name.to_owned()
}

/// A module's `mod.rs`: its docs and the re-exports of its files.
pub fn module_rs(model: &Model, module: &Module, has_models: bool, has_ids: bool) -> TokenStream {
    // Users read these docs without the spec files: the title and the API's version say it.
    let mut text = match module.version.as_str() {
        "" => format!("{}.", module.title),
        version => format!("{} (API version {version}).", module.title),
    };
    if let Some(description) = &module.description {
        text.push_str("\n\n");
        text.push_str(&doc_text(description.trim()));
    }
    if let Some(api) = &module.api {
        text.push_str(&format!(
            "\n\nServed at `{}`; reach it with [`Client::{}`](crate::Client::{}).",
            api.default_server().url(),
            module.name,
            module.name
        ));
    }
    text.push_str(&format!(
        "\n\nCompiled with the cargo feature `{}` (on by default, through `full`).",
        module.feature.name
    ));
    let docs = doc_lines(&text);
    let ids = has_ids.then(|| quote! { mod ids; pub use ids::*; });
    let models = has_models.then(|| quote! { mod models; pub use models::*; });
    let operations = module
        .api
        .as_ref()
        .map(|_| quote! { mod operations; pub use operations::*; });
    let shared = module.shared.iter().map(|&id| {
        let def = model.ty(id);
        let (defining, name) = (ident(&def.module), ident(&def.name));
        let doc = format!(
            " An ID type this API shares with others (defined in [`crate::{}`]).",
            def.module
        );
        quote! {
            #[doc = #doc]
            pub use crate::#defining::#name;
        }
    });
    quote! {
        #(#![doc = #docs])*
        #ids
        #models
        #operations
        #(#shared)*
    }
}
