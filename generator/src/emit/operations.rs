//! Emits an API's `operations.rs`: the handle (`client.events_v1()`), one method per
//! operation taking its required inputs, and one request builder per operation with setters
//! for the optional ones, `send`, and for list operations `limit`, `stream` and `pages`.
//! Everything here prints decisions the model made (inputs, checks, outcome, pagination).

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::debug::{Printed, debug_impl};
use super::rust::{doc, doc_paragraphs, doc_text, ident, spec, type_tokens};
use crate::model::{
    Api, AuthScheme, BodyEncoding, Check, Fallback, Held, IdOrigin, Input, InputLocation, Model,
    Module, NextPage, Operation, PathSegment, ValueKind,
};

/// The `operations.rs` of a module with an API.
pub fn operations(model: &Model, module: &Module, api: &Api) -> TokenStream {
    let handle = ident(&api.handle);
    let accessor = ident(&module.name);
    let default_server = api.default_server().url();
    let title = &module.title;
    let handle_doc = doc(Some(&format!(
        "{title} (`{default_server}`). Get it with [`Client::{accessor}`](crate::Client::{accessor})."
    )));
    let accessor_doc = doc_paragraphs(&[
        Some(format!("{title} (`{default_server}`): its operations.")),
        spec(&module.description),
    ]);
    let security = schemes(&api.security);
    let servers = api.servers.iter().map(|server| {
        let name = ident(&server.rust_name);
        let (scheme, host, base_path) = (&server.scheme, &server.host, &server.base_path);
        let docs = doc(Some(&format!(
            "`{}`, from the spec's `servers`.",
            server.url()
        )));
        quote! {
            #docs
            pub(crate) static #name: crate::runtime::request::Api = crate::runtime::request::Api {
                scheme: #scheme,
                host: #host,
                base_path: #base_path,
                security: #security,
            };
        }
    });
    let mut methods = Vec::new();
    let mut builders = Vec::new();
    for op in &api.operations {
        methods.push(method(model, module, api, op));
        builders.push(builder(model, module, api, op));
    }
    quote! {
        //! The API handle, its operations, and their request builders.

        #(#servers)*

        impl crate::Client {
            #accessor_doc
            pub fn #accessor(&self) -> #handle {
                #handle { client: self.inner.clone() }
            }
        }

        #handle_doc
        #[derive(Debug, Clone)]
        pub struct #handle {
            client: crate::runtime::Client,
        }

        impl #handle {
            #(#methods)*
        }

        #(#builders)*
    }
}

/// `&[Scheme::Basic, …]` for a list of schemes.
fn schemes(list: &[AuthScheme]) -> TokenStream {
    let items = list.iter().map(|scheme| match scheme {
        AuthScheme::Basic => quote! { crate::runtime::request::Scheme::Basic },
        AuthScheme::Bearer => quote! { crate::runtime::request::Scheme::Bearer },
    });
    quote! { &[#(#items),*] }
}

fn call_text(op: &Operation) -> String {
    format!("`{} {}`", op.http_method.as_str(), op.path)
}

/// The method on the API handle: required inputs are its arguments.
fn method(model: &Model, module: &Module, api: &Api, op: &Operation) -> TokenStream {
    let method_name = ident(&op.method_name);
    let builder = ident(&op.builder);
    let call = call_text(op);
    let server = &api.servers[op.server];
    let sends = match (&op.pagination, op.server) {
        (Some(_), _) => format!(
            "Sends {call}. `.send()` returns one page; `.stream()` yields every item, fetching pages as needed."
        ),
        (None, 0) => format!("Sends {call}."),
        (None, _) => format!("Sends {call} to `{}`.", server.url()),
    };
    let arguments: Vec<&Input> = op.arguments().collect();
    let argument_docs = (!arguments.is_empty()).then(|| {
        let lines: Vec<String> = arguments
            .iter()
            .map(|input| {
                let text = input
                    .doc
                    .as_deref()
                    .map(|d| doc_text(d.trim()))
                    .unwrap_or_default();
                let text = text.lines().collect::<Vec<_>>().join(" ");
                let place = format!("{} `{}`", input.location.describe(), input.name);
                if text.is_empty() {
                    format!("- `{}`: the {place}.", input.rust_name)
                } else {
                    format!("- `{}` ({place}): {text}", input.rust_name)
                }
            })
            .collect();
        format!("# Arguments\n\n{}", lines.join("\n"))
    });
    let errors = (!op.errors.is_empty()).then(|| {
        let lines: Vec<String> = op
            .errors
            .iter()
            .map(|e| {
                let text = doc_text(e.description.trim());
                let mut text = text.lines().collect::<Vec<_>>().join(" ");
                if !text.is_empty() && !text.ends_with(['.', '!', '?']) {
                    text.push('.');
                }
                // A typed error body is read with `ApiError::decode_body`.
                let body = match &e.body {
                    Some(crate::model::TypeRef::Named(id)) => {
                        // `super::ScimError` is not a link target: `crate::iam_v1::ScimError`.
                        let path = format!("crate::{}", model.type_name(*id).rust_path());
                        format!(" Body: [`{path}`], read with `api_error.decode_body::<{path}>()`.")
                    }
                    _ => String::new(),
                };
                format!("- `{}`: {text}{body}", e.status)
            })
            .collect();
        format!(
            "# Errors\n\nTwilio documents these error responses (each becomes [`Error::Api`](crate::Error::Api)):\n\n{}",
            lines.join("\n")
        )
    });
    // A name the spec did not choose may change when the spec gains an operationId.
    let named = (op.id_origin == IdOrigin::Derived).then(|| {
        "Named from its method and path: the spec gives this operation no `operationId`.".to_owned()
    });
    let method_doc = doc_paragraphs(&[
        spec(&op.summary),
        spec(&op.description),
        Some(sends),
        named,
        argument_docs,
        errors,
    ]);
    let deprecated = op.deprecated.then(|| quote! { #[deprecated] });
    let arg_defs = arguments.iter().map(|input| {
        let name = ident(&input.rust_name);
        let ty = argument_type(model, module, input);
        quote! { #name: #ty }
    });
    let inits = op.inputs.iter().map(|input| {
        let name = ident(&input.rust_name);
        if input.required
            && matches!(
                input.kind,
                ValueKind::Plain | ValueKind::JsonText | ValueKind::PrefixedMap { .. }
            )
            && !input.repeated
        {
            quote! { #name }
        } else if input.required {
            let conversion = conversion(input, quote! { #name });
            quote! { #name: #conversion }
        } else if input.repeated {
            quote! { #name: ::std::vec::Vec::new() }
        } else {
            quote! { #name: ::std::option::Option::None }
        }
    });
    let limit_init = op
        .pagination
        .as_ref()
        .map(|_| quote! { limit: ::std::option::Option::None, });
    let too_many = (arguments.len() > 6).then(|| quote! { #[allow(clippy::too_many_arguments)] });
    quote! {
        #method_doc
        #deprecated
        #too_many
        pub fn #method_name(&self, #(#arg_defs),*) -> #builder {
            #builder {
                client: self.client.clone(),
                #(#inits,)*
                #limit_init
            }
        }
    }
}

/// The Rust type of one value of an input as the builder stores it.
fn value_type(model: &Model, module: &Module, input: &Input) -> TokenStream {
    match input.kind {
        ValueKind::Text => quote! { ::std::string::String },
        ValueKind::Enum
        | ValueKind::Plain
        | ValueKind::JsonText
        | ValueKind::PrefixedMap { .. } => type_tokens(model, &input.ty, &module.name),
    }
}

fn stored_type(model: &Model, module: &Module, input: &Input) -> TokenStream {
    let value = value_type(model, module, input);
    match input.held() {
        Held::Many => quote! { ::std::vec::Vec<#value> },
        Held::One => value,
        Held::Optional => quote! { ::std::option::Option<#value> },
    }
}

/// What an argument or setter accepts.
fn argument_type(model: &Model, module: &Module, input: &Input) -> TokenStream {
    let value = value_type(model, module, input);
    let one = match input.kind {
        ValueKind::Text | ValueKind::Enum => quote! { impl ::std::convert::Into<#value> },
        ValueKind::Plain | ValueKind::JsonText | ValueKind::PrefixedMap { .. } => value,
    };
    if input.repeated {
        quote! { impl ::std::iter::IntoIterator<Item = #one> }
    } else {
        one
    }
}

/// Turns what the caller gave into what the builder stores.
fn conversion(input: &Input, value: TokenStream) -> TokenStream {
    let converts = matches!(input.kind, ValueKind::Text | ValueKind::Enum);
    match (input.repeated, converts) {
        (true, true) => quote! { #value.into_iter().map(::std::convert::Into::into).collect() },
        (true, false) => quote! { #value.into_iter().collect() },
        (false, true) => quote! { #value.into() },
        (false, false) => value,
    }
}

fn setter(model: &Model, module: &Module, input: &Input) -> TokenStream {
    let name = ident(&input.rust_name);
    let arg = argument_type(model, module, input);
    let converted = conversion(input, quote! { value });
    let stored = if input.repeated {
        converted
    } else {
        quote! { ::std::option::Option::Some(#converted) }
    };
    let wire = &input.name;
    let rules = check_text(&input.checks);
    let default = match input.fallback {
        Some(Fallback::ClientAccountSid) => Some(
            "Without it, the account the client was built for (`.account_sid(..)` of its builder); \
             set it to act for another account, such as a subaccount."
                .to_owned(),
        ),
        None => input
            .default
            .as_ref()
            .map(|d| format!("Twilio's default: `{d}`.")),
    };
    let sent = Some(match (input.location, input.repeated) {
        (InputLocation::JsonBody, _) => "Sent as the JSON body.".to_owned(),
        (location, _) if let ValueKind::PrefixedMap { prefix } = &input.kind => format!(
            "An object, sent as one `{prefix}.<key>` {} per value, nested keys joined with `.` \
             (`{prefix}.a.b=c` for `{{\"a\": {{\"b\": \"c\"}}}}`), as Twilio's SDKs send it.",
            location.describe()
        ),
        (location, true) if input.kind == ValueKind::JsonText => format!(
            "Sent as the `{wire}` {}, once per value, each as JSON text.",
            location.describe()
        ),
        (location, true) => format!(
            "Sent as the `{wire}` {}, once per value.",
            location.describe()
        ),
        (location, false) => format!("Sent as the `{wire}` {}.", location.describe()),
    });
    let personal = super::types::personal_doc(input.pii);
    let docs = doc_paragraphs(&[spec(&input.doc), rules, default, sent, personal]);
    let deprecated = input.deprecated.then(|| quote! { #[deprecated] });
    quote! {
        #docs
        #deprecated
        pub fn #name(mut self, value: #arg) -> Self {
            self.#name = #stored;
            self
        }
    }
}

fn check_text(checks: &[Check]) -> Option<String> {
    let lines: Vec<String> = checks
        .iter()
        .filter_map(|check| match check {
            Check::Range {
                min: Some(min),
                max: Some(max),
            } => Some(format!(
                "Must be between {min} and {max}; other values are refused before sending."
            )),
            Check::Range {
                min: Some(min),
                max: None,
            } => Some(format!(
                "Must be at least {min}; smaller values are refused before sending."
            )),
            Check::Range {
                min: None,
                max: Some(max),
            } => Some(format!(
                "Must be at most {max}; larger values are refused before sending."
            )),
            Check::Length {
                min: Some(min),
                max: Some(max),
            } => Some(format!("Must be {min} to {max} characters long.")),
            Check::Length {
                min: Some(min),
                max: None,
            } => Some(format!("Must be at least {min} characters long.")),
            Check::Length {
                min: None,
                max: Some(max),
            } => Some(format!("Must be at most {max} characters long.")),
            Check::Url => Some(
                "Must be an absolute URL, sent as written; other text is refused before sending."
                    .to_owned(),
            ),
            Check::Range { .. } | Check::Length { .. } | Check::Id(_) => None,
        })
        .collect();
    (!lines.is_empty()).then(|| lines.join(" "))
}

/// The request builder: fields, setters, `request()`, `send()` and paging.
fn builder(model: &Model, module: &Module, api: &Api, op: &Operation) -> TokenStream {
    // No `..`: a field added to the model does not compile here until an emitter prints it.
    let Operation {
        id,
        id_origin: _, // the method's docs
        method_name,
        builder: builder_name,
        http_method,
        path,
        path_segments,
        server,
        security,
        summary: _,     // the method's docs (`method`)
        description: _, // the method's docs
        inputs,
        body,
        body_required: _, // the client sends no body for no field, as Twilio's SDKs do
        outcome: _,       // `outcome::send` and `outcome::outcome_enum`
        accept,
        errors: _,   // the method's docs
        examples: _, // for the tests that decode them (`cargo xtask examples`)
        pagination,
        deprecated: _, // the method's `#[deprecated]`
        source: _,     // where the spec writes it: for errors and `xtask diff`
    } = op;
    let handle = &api.handle;
    let builder = ident(builder_name);
    let call = call_text(op);
    let then = if op.options().next().is_some() {
        "Set optional inputs with its methods, then call"
    } else {
        "Call"
    };
    let builder_doc = doc(Some(&format!(
        "Request builder for [`{handle}::{}`]: {call}. {then} [`send`](Self::send).",
        method_name
    )));
    let fields = inputs.iter().map(|input| {
        let name = ident(&input.rust_name);
        let ty = stored_type(model, module, input);
        quote! { #name: #ty }
    });
    let limit_field = op
        .pagination
        .as_ref()
        .map(|_| quote! { limit: ::std::option::Option<usize>, });
    let setters = op.options().map(|input| setter(model, module, input));
    let server = ident(&api.servers[*server].rust_name);
    let method = ident(http_method.as_str());
    // Every server static carries the API's security: only a different list is written.
    let security = security
        .as_ref()
        .filter(|list| **list != api.security)
        .map(|list| {
            let list = schemes(list);
            quote! { request.security(#list); }
        });
    let accept = accept
        .as_ref()
        .map(|media| quote! { request.header("Accept", #media)?; });
    let path_steps = path_segments.iter().map(|segment| match segment {
        PathSegment::Literal(text) => quote! { request.path(#text); },
        PathSegment::Input(index) => super::inputs::write_input(model, module, op, &inputs[*index]),
    });
    let form = matches!(body, Some(BodyEncoding::Form)).then(|| quote! { request.form_body(); });
    let other_steps = op
        .inputs
        .iter()
        .filter(|i| i.location != InputLocation::Path)
        .map(|input| super::inputs::write_input(model, module, op, input));
    let (response_type, receive) = super::outcome::send(model, module, op);
    let send_doc = doc(Some(&format!(
        "Sends the request ({call}) and decodes the response."
    )));
    // `send`, `stream` and `pages` are `#[inline]`: a non-generic method is compiled in the
    // library whether a program calls it or not, with the decoding and paging of its types;
    // an inline one only where it is called, so a program pays for the operations it uses.
    let (paging, list_impl) = match pagination {
        None => (None, None),
        Some(pagination) => {
            let page_type = type_tokens(
                model,
                &crate::model::TypeRef::Named(pagination.page_type),
                &module.name,
            );
            let item_type = type_tokens(model, &pagination.item_type, &module.name);
            let fit_page_size = pagination.page_size.as_ref().map(|page_size| {
                let name = ident(&page_size.rust_name);
                let max = page_size.max.map_or(quote! { usize::MAX }, |m| {
                    let m = Literal::usize_unsuffixed(usize::try_from(m).unwrap_or(usize::MAX));
                    quote! { #m }
                });
                quote! {
                    fn fit_page_size(&mut self, limit: usize) {
                        if self.#name.is_none() {
                            self.#name = crate::runtime::operation::page_size_for(limit, #max);
                        }
                    }
                }
            });
            let paging = quote! {
                /// Stops [`stream`](Self::stream) after `limit` items in total; no page past the
                /// one holding the last of them is fetched. Without an explicit page size, pages
                /// are made no larger than `limit`.
                pub fn limit(mut self, limit: usize) -> Self {
                    self.limit = ::std::option::Option::Some(limit);
                    self
                }

                /// Every item across pages, fetched lazily; next pages are always requested from
                /// the client's own origin. Ends after [`limit`](Self::limit) items if set.
                #[inline]
                pub fn stream(self) -> crate::ItemStream<#item_type> {
                    crate::runtime::operation::ListOperation::stream(self)
                }

                /// Every page, fetched lazily.
                #[inline]
                pub fn pages(self) -> crate::PageStream<#page_type> {
                    crate::runtime::operation::ListOperation::pages(self)
                }
            };
            let token_param = match &pagination.next {
                NextPage::Token { param, .. } => Some(quote! {
                    const TOKEN_PARAM: ::std::option::Option<&'static str> =
                        ::std::option::Option::Some(#param);
                }),
                NextPage::Url { .. } => None,
            };
            let list_impl = quote! {
                impl crate::runtime::operation::ListOperation for #builder {
                    type Page = #page_type;
                    #token_param

                    fn limit(&self) -> ::std::option::Option<usize> {
                        self.limit
                    }

                    #fit_page_size
                }
            };
            (Some(paging), Some(list_impl))
        }
    };
    let outcome = super::outcome::outcome_enum(model, module, op);
    // Personal data is printed `<redacted>` by a written-out `Debug`; otherwise it is derived.
    let redacts = inputs.iter().any(|i| i.pii.is_redacted());
    let derived_debug = (!redacts).then(|| quote! { Debug, });
    let debug = redacts.then(|| {
        let client = Printed {
            name: "client",
            redacted: None,
        };
        let inputs = inputs.iter().map(|input| Printed {
            name: &input.rust_name,
            redacted: input.pii.is_redacted().then(|| input.held()),
        });
        let limit = pagination.as_ref().map(|_| Printed {
            name: "limit",
            redacted: None,
        });
        let printed: Vec<Printed<'_>> =
            std::iter::once(client).chain(inputs).chain(limit).collect();
        debug_impl(builder_name, &printed, false)
    });
    quote! {
        #builder_doc
        #[derive(#derived_debug Clone)]
        #[must_use = "a request is only sent by `.send()`"]
        pub struct #builder {
            client: crate::runtime::Client,
            #(#fields,)*
            #limit_field
        }

        impl #builder {
            #(#setters)*

            #send_doc
            #[inline]
            pub fn send(self) -> crate::ResponseFuture<#response_type> {
                crate::runtime::operation::send(self)
            }

            #paging
        }

        impl crate::runtime::operation::Operation for #builder {
            type Response = #receive;

            fn client(&self) -> &crate::runtime::Client {
                &self.client
            }

            // Inline, so that only the operations a program calls are compiled to machine code.
            #[inline]
            fn request(&self) -> ::std::result::Result<crate::runtime::request::Request, crate::Error> {
                let mut request = crate::runtime::request::Request::new(&#server, ::reqwest::Method::#method, #id, #path);
                #security
                #accept
                #(#path_steps)*
                #form
                #(#other_steps)*
                ::std::result::Result::Ok(request)
            }
        }

        #list_impl

        #debug
        #outcome
    }
}
