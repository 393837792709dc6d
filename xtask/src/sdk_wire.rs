//! `cargo xtask sdk-wire --cases FILE --specs DIR`: the requests Twilio's own SDK tests expect,
//! reproduced by the generated client, and the response fixtures they decode, decoded.
//!
//! Each `request` case names an operation and the request Twilio's Python SDK sends for it
//! (method, path, query and form pairs in order, headers, body kind). The command generates the
//! client for the specs the cases name, writes a program that makes each call with the case's
//! values against a recording loopback server (wiremock) answering the case's response, and
//! compares what arrived with what the case expects; each `decode-py7` case's body is decoded
//! through its operation's response type, as `send()` does. Stdout gets one `FAIL` line per case
//! that differs and then `N passed, M failed`.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::process::Command;

use generator::emit::{external_type_tokens, format_file, ident};
use generator::model::{
    Input, InputLocation, Model, Module, Operation, Outcome, PathSegment, TypeRef, ValueKind,
};
use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;
use serde::Deserialize;
use serde_json::Value;

use crate::conformance::runner::{input_tokens, program_helpers};
use crate::program::{
    Client, build_program, first_error, generate_client, target_dir, write_program,
};

/// One case of the SDK material (`../shared/twilio-sdk-wire/README.md`).
#[derive(Debug, Clone, Deserialize)]
pub struct Case {
    /// `request` or `decode-py7`.
    pub kind: String,
    /// The spec file without `.yaml` (`twilio_events_v1`).
    pub spec: String,
    /// The operation's `operationId`.
    pub op: String,
    /// The SDK test it comes from.
    pub test: String,
    /// For a request case, what the SDK sends.
    #[serde(default)]
    pub expect: Option<Expected>,
    /// The response's status.
    pub status: u16,
    /// The response's body, as JSON text (`None`: no body, as for a `204`).
    pub body: Option<String>,
}

/// The request Twilio's SDK sends.
#[derive(Debug, Clone, Deserialize)]
pub struct Expected {
    /// `GET`, `POST`, …
    pub method: String,
    /// The path, values filled in.
    pub path: String,
    /// Query pairs in order.
    pub query: Vec<(String, String)>,
    /// Form pairs in order.
    pub form: Vec<(String, String)>,
    /// Form fields whose value is JSON text.
    #[serde(default)]
    pub json_fields: Vec<String>,
    /// Headers that must be present.
    pub headers: Vec<(String, String)>,
    /// `none`, `form` or `json`.
    pub body_kind: String,
}

/// What the program saw of one request case.
#[derive(Debug, Deserialize)]
struct Seen {
    case: usize,
    error: Option<String>,
    requests: Vec<Recorded>,
}

/// One request as the loopback server received it.
#[derive(Debug, Deserialize)]
struct Recorded {
    method: String,
    path: String,
    query: Vec<(String, String)>,
    form: Vec<(String, String)>,
    headers: Vec<(String, String)>,
    content_type: Option<String>,
    body_len: usize,
}

/// What a run found.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Cases reproduced exactly.
    pub passed: usize,
    /// Cases that differ or could not be made.
    pub failed: usize,
}

/// Runs the cases of `cases_file` against the client generated from the files of `specs` they
/// name, printing failures and the summary line to stdout.
pub fn run(cases_file: &Path, specs: &Path) -> Result<Summary, String> {
    let root = crate::workspace_root();
    let text =
        fs::read_to_string(cases_file).map_err(|e| format!("{}: {e}", cases_file.display()))?;
    let cases: Vec<Case> =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", cases_file.display()))?;
    let work = target_dir(&root).join("sdk-wire");
    // Only the files the cases name: a smaller client to build.
    let spec_dir = work.join("specs");
    let _ = fs::remove_dir_all(&spec_dir);
    fs::create_dir_all(&spec_dir).map_err(|e| format!("{}: {e}", spec_dir.display()))?;
    let mut files: Vec<&str> = cases.iter().map(|c| c.spec.as_str()).collect();
    files.sort_unstable();
    files.dedup();
    for file in &files {
        let from = specs.join(format!("{file}.yaml"));
        fs::copy(&from, spec_dir.join(format!("{file}.yaml")))
            .map_err(|e| format!("{}: {e}", from.display()))?;
    }
    let Client {
        model,
        crate_name,
        package: client_package,
        ..
    } = generate_client(&spec_dir, &work.join("client"))?;
    let (main_rs, mut failures) = program(&model, &crate_name, &cases)?;
    let dir = work.join("caller");
    let package = "sdk-wire-caller";
    write_program(
        &root,
        &dir,
        package,
        &client_package,
        &[
            r#"serde = "1""#,
            r#"serde_json = "1""#,
            r#"tokio = { version = "1", features = ["macros", "rt"] }"#,
            r#"url = "2""#,
            r#"wiremock = "0.6""#,
        ],
        &main_rs,
        &[],
    )?;
    eprintln!(
        "sdk-wire: building the client and a caller for {} cases",
        cases.len()
    );
    let exe = match build_program(&dir, &work.join("target"), package) {
        Ok(exe) => exe,
        Err(errors) => {
            eprintln!("{errors}");
            let (first, count) = first_error(&errors);
            println!(
                "FAIL [build] the generated client or the caller does not compile ({count} errors; the first: {first})"
            );
            println!("0 passed, {} failed", cases.len());
            return Ok(Summary {
                passed: 0,
                failed: cases.len(),
            });
        }
    };
    let output = Command::new(&exe)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", exe.display()))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let mut answered = vec![false; cases.len()];
    for line in stdout.lines() {
        let seen: Seen =
            serde_json::from_str(line).map_err(|e| format!("the caller printed `{line}`: {e}"))?;
        let Some(case) = cases.get(seen.case) else {
            return Err(format!(
                "the caller reported case {} of {}",
                seen.case,
                cases.len()
            ));
        };
        answered[seen.case] = true;
        if let Some(difference) = compare(case, &seen) {
            failures.push((seen.case, difference));
        }
    }
    for (index, done) in answered.iter().enumerate() {
        if !done && !failures.iter().any(|(i, _)| *i == index) {
            failures.push((
                index,
                format!(
                    "not reported by the caller ({})",
                    String::from_utf8_lossy(&output.stderr).trim()
                ),
            ));
        }
    }
    failures.sort();
    for (index, difference) in &failures {
        let case = &cases[*index];
        println!(
            "FAIL {} {} ({}): {difference}",
            case.spec, case.op, case.test
        );
    }
    let summary = Summary {
        passed: cases.len() - failures.len(),
        failed: failures.len(),
    };
    println!("{} passed, {} failed", summary.passed, summary.failed);
    Ok(summary)
}

/// How what the program saw differs from the case, if it does.
fn compare(case: &Case, seen: &Seen) -> Option<String> {
    if let Some(error) = &seen.error {
        return Some(error.clone());
    }
    let Some(expect) = &case.expect else {
        return None;
    };
    let [request] = seen.requests.as_slice() else {
        return Some(format!("{} requests arrived, not one", seen.requests.len()));
    };
    let mut differences = String::new();
    let mut differ = |what: &str, expected: &dyn std::fmt::Debug, sent: &dyn std::fmt::Debug| {
        let _ = write!(
            differences,
            "{}{what}: expected {expected:?}, sent {sent:?}",
            if differences.is_empty() { "" } else { "; " }
        );
    };
    if request.method != expect.method {
        differ("method", &expect.method, &request.method);
    }
    if request.path != expect.path {
        differ("path", &expect.path, &request.path);
    }
    if request.query != expect.query {
        differ("query", &expect.query, &request.query);
    }
    if request.form != expect.form {
        differ("form", &expect.form, &request.form);
    }
    for (name, value) in &expect.headers {
        let sent = request
            .headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v);
        if sent != Some(value) {
            differ(&format!("header {name}"), value, &sent);
        }
    }
    let kind = match (&request.content_type, request.body_len) {
        (_, 0) => "none",
        (Some(media), _) if media.starts_with("application/x-www-form-urlencoded") => "form",
        (Some(media), _) if media.starts_with("application/json") => "json",
        _ => "other",
    };
    // An empty form is no body at all, whichever the SDK names it.
    let expected_kind = if expect.body_kind == "form" && expect.form.is_empty() {
        "none"
    } else {
        expect.body_kind.as_str()
    };
    if kind != expected_kind {
        differ("body", &expected_kind, &kind);
    }
    (!differences.is_empty()).then_some(differences)
}

/// The caller's `main.rs`, and the cases it cannot make (no such operation, an input the case
/// gives that the operation does not have).
fn program(
    model: &Model,
    client_crate: &str,
    cases: &[Case],
) -> Result<(String, Vec<(usize, String)>), String> {
    let krate = ident(client_crate);
    let mut functions = Vec::new();
    let mut calls = Vec::new();
    let mut failures = Vec::new();
    for (index, case) in cases.iter().enumerate() {
        let module_name = case.spec.strip_prefix("twilio_").unwrap_or(&case.spec);
        let found = model
            .apis()
            .find(|(module, _)| module.name == module_name)
            .and_then(|(module, api)| {
                api.operations
                    .iter()
                    .find(|op| op.id == case.op)
                    .map(|op| (module, op))
            });
        let Some((module, op)) = found else {
            failures.push((
                index,
                format!("no operation {} in module {module_name}", case.op),
            ));
            continue;
        };
        let function = ident(&format!("case_{index}"));
        let made = match &case.expect {
            Some(expect) => call_fn(model, module, op, expect, &krate, &function),
            None => decode_fn(model, op, case.status, &krate, &function),
        };
        match made {
            Ok(tokens) => {
                functions.push(tokens);
                let status = case.status;
                let body = case.body.as_deref().unwrap_or_default();
                let index = Literal::usize_unsuffixed(index);
                calls.push(quote! { run(&server, #index, #status, #body, cases::#function(&client, #status, #body)).await; });
            }
            Err(why) => failures.push((index, why)),
        }
    }
    let helpers = program_helpers();
    let read = crate::examples::read_fn(&krate);
    let tokens = quote! {
        //! Makes each case's call against a recording loopback server and prints what arrived,
        //! one JSON line per case. Written by `cargo xtask sdk-wire`.
        #![allow(deprecated)]

        type Outcome = ::std::result::Result<(), ::std::string::String>;

        #helpers

        #read

        /// Answers every request with `status` and `body`, runs `call`, prints what arrived.
        async fn run(
            server: &::wiremock::MockServer,
            case: usize,
            status: u16,
            body: &str,
            call: impl ::std::future::Future<Output = Outcome>,
        ) {
            server.reset().await;
            ::wiremock::Mock::given(::wiremock::matchers::any())
                .respond_with(::wiremock::ResponseTemplate::new(status).set_body_raw(body.to_owned(), "application/json"))
                .mount(server)
                .await;
            let error = call.await.err();
            let requests: ::std::vec::Vec<::serde_json::Value> = server
                .received_requests()
                .await
                .unwrap_or_default()
                .iter()
                .map(|request| {
                    let pairs = |text: &[u8]| -> ::std::vec::Vec<(::std::string::String, ::std::string::String)> {
                        ::url::form_urlencoded::parse(text).map(|(k, v)| (k.into_owned(), v.into_owned())).collect()
                    };
                    let content_type = request.headers.get("content-type").and_then(|v| v.to_str().ok()).map(str::to_owned);
                    let form = if content_type.as_deref().is_some_and(|t| t.starts_with("application/x-www-form-urlencoded")) {
                        pairs(&request.body)
                    } else {
                        ::std::vec::Vec::new()
                    };
                    let headers: ::std::vec::Vec<(::std::string::String, ::std::string::String)> = request
                        .headers
                        .iter()
                        .map(|(name, value)| (name.as_str().to_owned(), value.to_str().unwrap_or_default().to_owned()))
                        .collect();
                    ::serde_json::json!({
                        "method": request.method.as_str(),
                        "path": request.url.path(),
                        "query": pairs(request.url.query().unwrap_or_default().as_bytes()),
                        "form": form,
                        "headers": headers,
                        "content_type": content_type,
                        "body_len": request.body.len(),
                    })
                })
                .collect();
            ::std::println!("{}", ::serde_json::json!({ "case": case, "error": error, "requests": requests }));
        }

        mod cases {
            #(#functions)*
        }

        #[::tokio::main(flavor = "current_thread")]
        async fn main() {
            let server = ::wiremock::MockServer::start().await;
            let client = match ::#krate::Client::builder()
                .account_sid("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
                .auth_token("sdk-wire-auth-token")
                .base_url(server.uri())
                .max_retries(0)
                .build()
            {
                ::std::result::Result::Ok(client) => client,
                ::std::result::Result::Err(error) => {
                    ::std::eprintln!("cannot build the client: {}", describe(&error));
                    return;
                }
            };
            #(#calls)*
        }
    };
    let text = format_file(tokens)
        .map_err(|e| format!("internal error: the sdk-wire caller is invalid Rust: {e}"))?;
    Ok((text, failures))
}

/// A request case's call: every input the case gives, required ones as arguments.
fn call_fn(
    model: &Model,
    module: &Module,
    op: &Operation,
    expect: &Expected,
    krate: &Ident,
    function: &Ident,
) -> Result<TokenStream, String> {
    let mut given: Vec<(&Input, Vec<String>)> = Vec::new();
    let path_values = path_values(op, &expect.path)?;
    for (input, value) in path_values {
        given.push((input, vec![value]));
    }
    let pairs = expect
        .query
        .iter()
        .map(|pair| (InputLocation::Query, pair))
        .chain(
            expect
                .form
                .iter()
                .map(|pair| (InputLocation::FormField, pair)),
        )
        .chain(
            expect
                .headers
                .iter()
                .map(|pair| (InputLocation::Header, pair)),
        );
    for (location, (name, value)) in pairs {
        let input = op
            .inputs
            .iter()
            .find(|i| {
                i.location == location
                    && (i.name == *name
                        || (location == InputLocation::Header && i.name.eq_ignore_ascii_case(name)))
            })
            .ok_or_else(|| format!("the operation has no {location:?} input `{name}`"))?;
        match given.iter_mut().find(|(i, _)| std::ptr::eq(*i, input)) {
            Some((_, values)) => values.push(value.clone()),
            None => given.push((input, vec![value.clone()])),
        }
    }
    let value_of = |input: &Input| -> Option<TokenStream> {
        let (_, texts) = given.iter().find(|(i, _)| std::ptr::eq(*i, input))?;
        Some(input_tokens(
            model,
            input,
            &wire_value(model, input, texts),
            krate,
        ))
    };
    let mut arguments = Vec::new();
    for input in op.arguments() {
        arguments.push(value_of(input).ok_or_else(|| {
            format!(
                "the case gives no value for the required input `{}`",
                input.name
            )
        })?);
    }
    let options = op.options().filter_map(|input| {
        let value = value_of(input)?;
        let setter = ident(&input.rust_name);
        Some(quote! { .#setter(#value) })
    });
    let accessor = ident(&module.name);
    let method = ident(&op.method_name);
    Ok(quote! {
        pub async fn #function(client: &::#krate::Client, _status: u16, _body: &str) -> super::Outcome {
            client.#accessor().#method(#(#arguments),*) #(#options)* .send().await.map(drop).map_err(|error| super::describe(&error))
        }
    })
}

/// A fixture case: the body decoded as the operation's answer for `status`.
fn decode_fn(
    model: &Model,
    op: &Operation,
    status: u16,
    krate: &Ident,
    function: &Ident,
) -> Result<TokenStream, String> {
    let ty = match &op.outcome {
        Outcome::Body(ty) => ty.clone(),
        Outcome::Statuses { variants, .. } => variants
            .iter()
            .find(|v| v.status == status)
            .and_then(|v| v.body.clone()),
        Outcome::Redirect { body, .. } => body.clone(),
    };
    let ty: TypeRef =
        ty.ok_or_else(|| format!("the operation has no body to decode for status {status}"))?;
    let ty = external_type_tokens(model, &ty, krate);
    Ok(quote! {
        pub async fn #function(_client: &::#krate::Client, status: u16, body: &str) -> super::Outcome {
            super::read::<#ty>(status, body.as_bytes())
        }
    })
}

/// The path inputs' values, read from `path` by the operation's path template.
fn path_values<'m>(op: &'m Operation, path: &str) -> Result<Vec<(&'m Input, String)>, String> {
    let mut rest = path;
    let mut values = Vec::new();
    let segments = &op.path_segments;
    for (at, segment) in segments.iter().enumerate() {
        match segment {
            PathSegment::Literal(text) => {
                rest = rest
                    .strip_prefix(text.as_str())
                    .ok_or_else(|| format!("path {path} does not match {}", op.path))?;
            }
            PathSegment::Input(index) => {
                // Up to the next literal, or the end.
                let end = match segments.get(at + 1) {
                    Some(PathSegment::Literal(next)) => rest
                        .find(next.as_str())
                        .ok_or_else(|| format!("path {path} does not match {}", op.path))?,
                    _ => rest.len(),
                };
                values.push((&op.inputs[*index], rest[..end].to_owned()));
                rest = &rest[end..];
            }
        }
    }
    Ok(values)
}

/// The JSON value of an input given as wire text (`texts`: one per repeated key).
fn wire_value(model: &Model, input: &Input, texts: &[String]) -> Value {
    let one = |text: &String| match (&input.kind, model.resolve_alias(&input.ty)) {
        (ValueKind::JsonText, _) => {
            serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.clone()))
        }
        (_, TypeRef::Integer(_)) => text
            .parse::<i64>()
            .map_or_else(|_| Value::String(text.clone()), Value::from),
        (_, TypeRef::Number) => text
            .parse::<f64>()
            .map_or_else(|_| Value::String(text.clone()), Value::from),
        (_, TypeRef::Boolean) => Value::Bool(text == "true"),
        _ => Value::String(text.clone()),
    };
    if input.repeated {
        Value::Array(texts.iter().map(one).collect())
    } else {
        texts.first().map_or(Value::Null, one)
    }
}
