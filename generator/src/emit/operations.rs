//! Emits an API's `operations.rs`: the handle (`client.assistants_v1()`), one method per
//! operation, and one request builder per operation with its query setters, `send`, and for
//! list operations `limit`, `stream` and `pages`.

use proc_macro2::TokenStream;
use quote::quote;

use super::rust::{doc, doc_paragraphs, doc_text, ident, integer_tokens, spec, type_tokens};
use crate::error::{Error, Problem};
use crate::model::{
    Api, Constraints, HttpMethod, Model, Module, Operation, Param, ParamLocation, PathSegment,
    TypeDefKind, TypeRef,
};

/// How a parameter is stored in a builder, taken by its setter and written into the request.
enum ParamKind {
    /// Text (and ID types, checked before sending).
    Text {
        id_type: Option<TokenStream>,
    },
    /// An open enum.
    Enum(TokenStream),
    /// A value written with `to_string()` (numbers).
    Display(TokenStream),
    Boolean,
    DateTime,
    Date,
    Url,
}

struct ParamShape {
    kind: ParamKind,
    /// `Vec` of the kind (query arrays, sent as repeated keys).
    repeated: bool,
}

/// The `operations.rs` of a module with an API.
pub fn operations(model: &Model, module: &Module, api: &Api) -> Result<TokenStream, Error> {
    let handle = ident(&api.handle);
    let accessor = ident(&module.name);
    let server = api.server.url();
    let (scheme, host, base_path) = (&api.server.scheme, &api.server.host, &api.server.base_path);
    let title = &module.title;
    let handle_doc = doc(Some(&format!(
        "{title} (`{server}`), from `{file}`. Get it with [`Client::{accessor}`](crate::Client::{accessor}).",
        file = module.file
    )));
    let accessor_doc = doc_paragraphs(&[
        Some(format!(
            "{title}: the operations of `{}` (`{server}`).",
            module.file
        )),
        spec(&module.description),
    ]);
    let mut methods = Vec::new();
    let mut builders = Vec::new();
    for op in &api.operations {
        let (method, builder) = operation(model, module, api, op)?;
        methods.push(method);
        builders.push(builder);
    }
    Ok(quote! {
        //! The API handle, its operations, and their request builders.

        /// Where this API is served and how it authenticates, from the spec's `servers` and `security`.
        pub(crate) static API: crate::runtime::request::Api = crate::runtime::request::Api {
            scheme: #scheme,
            host: #host,
            base_path: #base_path,
            security: &[crate::runtime::request::Scheme::Basic],
        };

        impl crate::Client {
            #accessor_doc
            pub fn #accessor(&self) -> #handle {
                #handle { client: self.clone() }
            }
        }

        #handle_doc
        #[derive(Debug, Clone)]
        pub struct #handle {
            client: crate::Client,
        }

        impl #handle {
            #(#methods)*
        }

        #(#builders)*
    })
}

fn operation(
    model: &Model,
    module: &Module,
    api: &Api,
    op: &Operation,
) -> Result<(TokenStream, TokenStream), Error> {
    let handle = &api.handle;
    let method_name = ident(&op.method_name);
    let builder = ident(&op.builder);
    let operation_id = &op.id;
    let http = op.http_method.as_str();
    let call = format!("`{http} {}`", op.path);
    let path_params: Vec<&Param> = op
        .params
        .iter()
        .filter(|p| p.location == ParamLocation::Path)
        .collect();
    let query_params: Vec<&Param> = op
        .params
        .iter()
        .filter(|p| p.location == ParamLocation::Query)
        .collect();
    // Rust names are unique within an operation (the model checks).
    let shapes: std::collections::BTreeMap<&str, ParamShape> = op
        .params
        .iter()
        .map(|p| Ok((p.rust_name.as_str(), param_shape(model, module, p)?)))
        .collect::<Result<_, Error>>()?;
    let shape_of = |param: &Param| &shapes[param.rust_name.as_str()];

    // The method on the API handle.
    let sends = match &op.pagination {
        Some(_) => format!(
            "Sends {call}. `.send()` returns one page; `.stream()` yields every item, fetching pages as needed."
        ),
        None => format!("Sends {call}."),
    };
    let arguments = (!path_params.is_empty()).then(|| {
        let lines: Vec<String> = path_params
            .iter()
            .map(|p| {
                format!(
                    "- `{}`: {}",
                    p.rust_name,
                    doc_text(p.doc.as_deref().unwrap_or("").trim())
                )
            })
            .collect();
        format!("# Arguments\n\n{}", lines.join("\n"))
    });
    let errors = (!op.errors.is_empty()).then(|| {
        let lines: Vec<String> =
            op.errors.iter().map(|e| format!("- `{}`: {}", e.status, doc_text(e.description.trim()))).collect();
        format!("# Errors\n\nTwilio documents these error responses (each becomes [`Error::Api`](crate::Error::Api)):\n\n{}", lines.join("\n"))
    });
    let method_doc = doc_paragraphs(&[
        spec(&op.summary),
        spec(&op.description),
        Some(sends),
        arguments,
        errors,
    ]);
    let deprecated = op.deprecated.then(|| quote! { #[deprecated] });
    let arg_defs = path_params.iter().map(|p| {
        let name = ident(&p.rust_name);
        let ty = setter_arg(shape_of(p));
        quote! { #name: #ty }
    });
    let arg_inits = path_params.iter().map(|p| {
        let name = ident(&p.rust_name);
        let conversion = setter_conversion(shape_of(p), quote! { #name });
        quote! { #name: #conversion }
    });
    let query_inits = query_params.iter().map(|p| {
        let name = ident(&p.rust_name);
        if shape_of(p).repeated {
            quote! { #name: ::std::vec::Vec::new() }
        } else {
            quote! { #name: ::std::option::Option::None }
        }
    });
    let limit_init = op
        .pagination
        .as_ref()
        .map(|_| quote! { limit: ::std::option::Option::None, });
    let method = quote! {
        #method_doc
        #deprecated
        pub fn #method_name(&self, #(#arg_defs),*) -> #builder {
            #builder {
                client: self.client.clone(),
                #(#arg_inits,)*
                #(#query_inits,)*
                #limit_init
            }
        }
    };

    // The builder.
    let builder_doc = doc(Some(&format!(
        "Request builder for [`{handle}::{}`]: {call}. Set query parameters with its methods, then call [`send`](Self::send).",
        op.method_name
    )));
    let path_fields = path_params.iter().map(|p| {
        let name = ident(&p.rust_name);
        let ty = stored_type(shape_of(p), false);
        quote! { #name: #ty }
    });
    let query_fields = query_params.iter().map(|p| {
        let name = ident(&p.rust_name);
        let ty = stored_type(shape_of(p), true);
        quote! { #name: #ty }
    });
    let limit_field = op
        .pagination
        .as_ref()
        .map(|_| quote! { limit: ::std::option::Option<usize>, });
    let setters = query_params.iter().map(|p| setter(p, shape_of(p)));
    let request_steps = op.path_segments.iter().map(|segment| match segment {
        PathSegment::Literal(text) => quote! { request.path(#text); },
        PathSegment::Param(name) => {
            let param = path_params.iter().find(|p| &p.name == name).copied();
            match param {
                Some(param) => write_param(param, shape_of(param)),
                None => TokenStream::new(),
            }
        }
    });
    let query_steps = query_params.iter().map(|p| write_param(p, shape_of(p)));
    let method_tokens = match op.http_method {
        HttpMethod::Get => quote! { GET },
        HttpMethod::Put => quote! { PUT },
        HttpMethod::Post => quote! { POST },
        HttpMethod::Delete => quote! { DELETE },
        HttpMethod::Options => quote! { OPTIONS },
        HttpMethod::Head => quote! { HEAD },
        HttpMethod::Patch => quote! { PATCH },
        HttpMethod::Trace => quote! { TRACE },
    };
    let (response_type, execute) = match &op.response {
        Some(ty) => (type_tokens(ty, &module.name), quote! { execute }),
        None => (quote! { () }, quote! { execute_empty }),
    };
    let send_doc = doc(Some(&format!(
        "Sends the request ({call}) and decodes the response."
    )));
    let paging = op.pagination.as_ref().map(|pagination| {
        let page_type = type_tokens(&TypeRef::Named(pagination.page_type.clone()), &module.name);
        let item_type = type_tokens(&pagination.item_type, &module.name);
        let fit_page_size = pagination.page_size_param.as_ref().map(|(name, max)| {
            let name = ident(name);
            let param = query_params.iter().find(|p| name == p.rust_name);
            let ty = match param.map(|p| &p.ty) {
                Some(TypeRef::Integer(kind)) => integer_tokens(*kind),
                _ => quote! { u64 },
            };
            let max = max.map_or(quote! { usize::MAX }, |m| {
                let m = proc_macro2::Literal::usize_unsuffixed(
                    usize::try_from(m).unwrap_or(usize::MAX),
                );
                quote! { #m }
            });
            quote! {
                // Fetch no more than needed: a limit below the page size shrinks the pages.
                if self.#name.is_none() && let ::std::option::Option::Some(limit) = self.limit {
                    self.#name = <#ty>::try_from(limit.clamp(1, #max)).ok();
                }
            }
        });
        quote! {
            /// Stops [`stream`](Self::stream) after `limit` items in total; no page past the
            /// one holding the last of them is fetched. Without an explicit page size, pages
            /// are made no larger than `limit`.
            pub fn limit(mut self, limit: usize) -> Self {
                self.limit = ::std::option::Option::Some(limit);
                self
            }

            /// Every item across pages, fetched lazily, following each page's next-page URL on
            /// the client's own origin. Ends after [`limit`](Self::limit) items if set.
            pub fn stream(mut self) -> crate::ItemStream<#item_type> {
                #fit_page_size
                let request = self.request();
                crate::runtime::pagination::items::<#page_type>(self.client, request, self.limit)
            }

            /// Every page, fetched lazily.
            pub fn pages(self) -> crate::PageStream<#page_type> {
                let request = self.request();
                crate::runtime::pagination::pages::<#page_type>(self.client, request)
            }
        }
    });
    let builder_tokens = quote! {
        #builder_doc
        #[derive(Debug, Clone)]
        #[must_use = "a request is only sent by `.send()`"]
        pub struct #builder {
            client: crate::Client,
            #(#path_fields,)*
            #(#query_fields,)*
            #limit_field
        }

        impl #builder {
            #(#setters)*

            /// Checks the arguments and assembles the request.
            fn request(&self) -> ::std::result::Result<crate::runtime::request::Request, crate::Error> {
                let mut request = crate::runtime::request::Request::new(&API, ::reqwest::Method::#method_tokens, #operation_id);
                #(#request_steps)*
                #(#query_steps)*
                ::std::result::Result::Ok(request)
            }

            #send_doc
            pub async fn send(self) -> ::std::result::Result<#response_type, crate::Error> {
                let request = self.request()?;
                self.client.#execute(&request).await
            }

            #paging
        }
    };
    Ok((method, builder_tokens))
}

fn param_shape(model: &Model, module: &Module, param: &Param) -> Result<ParamShape, Error> {
    let unsupported = || {
        Error::one(Problem {
            file: param.source.file.clone().into(),
            line: param.source.line,
            pointer: Some(param.source.pointer.clone()),
            message: format!(
                "unsupported construct: parameter `{}` must be a string, number, boolean, enum or an array of those",
                param.name
            ),
        })
    };
    let (ty, repeated) = match &param.ty {
        TypeRef::Array(item) if param.location == ParamLocation::Query => {
            (resolve_alias(model, item), true)
        }
        ty => (resolve_alias(model, ty), false),
    };
    let kind = match &ty {
        TypeRef::String => ParamKind::Text { id_type: None },
        TypeRef::Integer(kind) => ParamKind::Display(integer_tokens(*kind)),
        TypeRef::Number => ParamKind::Display(quote! { f64 }),
        TypeRef::Boolean => ParamKind::Boolean,
        TypeRef::DateTime => ParamKind::DateTime,
        TypeRef::Date => ParamKind::Date,
        TypeRef::Url => ParamKind::Url,
        TypeRef::Named(name) => match model.type_def(name).map(|d| &d.kind) {
            Some(TypeDefKind::Id(_)) => ParamKind::Text {
                id_type: Some(type_tokens(&ty, &module.name)),
            },
            Some(TypeDefKind::Enum(_)) => ParamKind::Enum(type_tokens(&ty, &module.name)),
            _ => return Err(unsupported()),
        },
        TypeRef::Json | TypeRef::Map(_) | TypeRef::Array(_) => return Err(unsupported()),
    };
    Ok(ParamShape { kind, repeated })
}

/// Follows aliases (`type Foo = String`) to the type they stand for.
fn resolve_alias(model: &Model, ty: &TypeRef) -> TypeRef {
    let mut current = ty.clone();
    for _ in 0..16 {
        let TypeRef::Named(name) = &current else {
            break;
        };
        match model.type_def(name).map(|d| &d.kind) {
            Some(TypeDefKind::Alias(target)) => current = target.clone(),
            _ => break,
        }
    }
    current
}

/// The type of one value in the builder.
fn value_type(kind: &ParamKind) -> TokenStream {
    match kind {
        ParamKind::Text { .. } => quote! { ::std::string::String },
        ParamKind::Enum(ty) | ParamKind::Display(ty) => ty.clone(),
        ParamKind::Boolean => quote! { bool },
        ParamKind::DateTime => quote! { ::chrono::DateTime<::chrono::Utc> },
        ParamKind::Date => quote! { ::chrono::NaiveDate },
        ParamKind::Url => quote! { ::url::Url },
    }
}

fn stored_type(shape: &ParamShape, optional: bool) -> TokenStream {
    let value = value_type(&shape.kind);
    match (shape.repeated, optional) {
        (true, _) => quote! { ::std::vec::Vec<#value> },
        (false, true) => quote! { ::std::option::Option<#value> },
        (false, false) => value,
    }
}

/// What a setter (or a path argument) accepts.
fn setter_arg(shape: &ParamShape) -> TokenStream {
    let one = match &shape.kind {
        ParamKind::Text { .. } => quote! { impl ::std::convert::Into<::std::string::String> },
        ParamKind::Enum(ty) => quote! { impl ::std::convert::Into<#ty> },
        kind => value_type(kind),
    };
    if shape.repeated {
        quote! { impl ::std::iter::IntoIterator<Item = #one> }
    } else {
        one
    }
}

fn setter_conversion(shape: &ParamShape, value: TokenStream) -> TokenStream {
    let converts = matches!(shape.kind, ParamKind::Text { .. } | ParamKind::Enum(_));
    match (shape.repeated, converts) {
        (true, true) => quote! { #value.into_iter().map(::std::convert::Into::into).collect() },
        (true, false) => quote! { #value.into_iter().collect() },
        (false, true) => quote! { #value.into() },
        (false, false) => value,
    }
}

fn setter(param: &Param, shape: &ParamShape) -> TokenStream {
    let name = ident(&param.rust_name);
    let arg = setter_arg(shape);
    let conversion = setter_conversion(shape, quote! { value });
    let stored = if shape.repeated {
        conversion
    } else {
        quote! { ::std::option::Option::Some(#conversion) }
    };
    let wire = &param.name;
    let rules = constraint_text(&param.constraints);
    let default = param
        .default
        .as_ref()
        .map(|d| format!("Twilio's default: `{d}`."));
    let required = param.required.then(|| "Required.".to_owned());
    let sent = Some(if shape.repeated {
        format!("Sent as the `{wire}` query parameter, once per value.")
    } else {
        format!("Sent as the `{wire}` query parameter.")
    });
    let docs = doc_paragraphs(&[spec(&param.doc), required, rules, default, sent]);
    let deprecated = param.deprecated.then(|| quote! { #[deprecated] });
    quote! {
        #docs
        #deprecated
        pub fn #name(mut self, value: #arg) -> Self {
            self.#name = #stored;
            self
        }
    }
}

fn constraint_text(constraints: &Constraints) -> Option<String> {
    let range = match (constraints.minimum, constraints.maximum) {
        (Some(min), Some(max)) => Some(format!(
            "Must be between {min} and {max}; other values are refused before sending."
        )),
        (Some(min), None) => Some(format!(
            "Must be at least {min}; smaller values are refused before sending."
        )),
        (None, Some(max)) => Some(format!(
            "Must be at most {max}; larger values are refused before sending."
        )),
        (None, None) => None,
    };
    let length = match (constraints.min_length, constraints.max_length) {
        (Some(min), Some(max)) => Some(format!("Must be {min} to {max} characters long.")),
        (Some(min), None) => Some(format!("Must be at least {min} characters long.")),
        (None, Some(max)) => Some(format!("Must be at most {max} characters long.")),
        (None, None) => None,
    };
    match (range, length) {
        (None, None) => None,
        (a, b) => Some([a, b].into_iter().flatten().collect::<Vec<_>>().join(" ")),
    }
}

/// Checks one parameter and writes it into `request`.
fn write_param(param: &Param, shape: &ParamShape) -> TokenStream {
    let field = ident(&param.rust_name);
    let rust_name = &param.rust_name;
    let wire = &param.name;
    let c = &param.constraints;
    let opt = |v: Option<i64>| match v {
        Some(v) => {
            let v = proc_macro2::Literal::i128_unsuffixed(i128::from(v));
            quote! { ::std::option::Option::Some(#v) }
        }
        None => quote! { ::std::option::Option::None },
    };
    let opt_len = |v: Option<usize>| match v {
        Some(v) => {
            let v = proc_macro2::Literal::usize_unsuffixed(v);
            quote! { ::std::option::Option::Some(#v) }
        }
        None => quote! { ::std::option::Option::None },
    };
    let mut checks = Vec::new();
    if let ParamKind::Display(_) = shape.kind
        && (c.minimum.is_some() || c.maximum.is_some())
        && !matches!(param.ty, TypeRef::Number)
    {
        let (min, max) = (opt(c.minimum), opt(c.maximum));
        checks.push(quote! { crate::runtime::check::range(#rust_name, *value, #min, #max)?; });
    }
    if let ParamKind::Text { id_type } = &shape.kind {
        // An ID type's own check covers its length bounds.
        if id_type.is_none() && (c.min_length.is_some() || c.max_length.is_some()) {
            let (min, max) = (opt_len(c.min_length), opt_len(c.max_length));
            checks.push(quote! { crate::runtime::check::length(#rust_name, value, #min, #max)?; });
        }
        if let Some(id_type) = id_type {
            checks.push(quote! { crate::runtime::check::id::<#id_type>(#rust_name, value)?; });
        }
    }
    let text = match &shape.kind {
        ParamKind::Text { .. } => quote! { value },
        ParamKind::Enum(_) | ParamKind::Url => quote! { value.as_str() },
        ParamKind::Display(_) => quote! { &value.to_string() },
        ParamKind::Boolean => quote! { if *value { "true" } else { "false" } },
        ParamKind::DateTime => {
            quote! { &value.to_rfc3339_opts(::chrono::SecondsFormat::Secs, true) }
        }
        ParamKind::Date => quote! { &value.format("%Y-%m-%d").to_string() },
    };
    let write = match param.location {
        ParamLocation::Path => quote! { request.path_param(#rust_name, #text)?; },
        ParamLocation::Query => quote! { request.query(#wire, #text); },
    };
    match (param.location, shape.repeated) {
        (ParamLocation::Path, _) => quote! {
            {
                let value = &self.#field;
                #(#checks)*
                #write
            }
        },
        (ParamLocation::Query, true) => {
            let required = param.required.then(|| {
                quote! { crate::runtime::check::non_empty(#rust_name, &self.#field)?; }
            });
            quote! {
                #required
                for value in &self.#field {
                    #(#checks)*
                    #write
                }
            }
        }
        (ParamLocation::Query, false) if param.required => quote! {
            {
                let value = crate::runtime::check::required(#rust_name, self.#field.as_ref())?;
                #(#checks)*
                #write
            }
        },
        (ParamLocation::Query, false) => quote! {
            if let ::std::option::Option::Some(value) = &self.#field {
                #(#checks)*
                #write
            }
        },
    }
}
