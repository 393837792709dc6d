//! `cargo xtask examples --specs DIR`: every response example the specs embed, decoded
//! through the type the generated client reads that response with.
//!
//! Twilio's files carry about 1,765 example bodies, written by Twilio from what its API
//! sends; each is a test of the client's types that nobody here wrote. The command generates
//! the client into `<target>/examples/<name>/client`, writes a program beside it with one
//! decoder per response type and the examples as data, and runs it: stdout gets one `FAIL`
//! line per example that does not decode (with its JSON path) and then `N decoded, M failed`.

use std::collections::BTreeMap;
use std::process::Command;
use std::time::Instant;

use generator::emit::{external_type_tokens, format_file, ident};
use generator::model::Model;
use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;

use crate::program::{
    Client, build_program, first_error, folder_name, generate_client, target_dir, write_program,
};

/// What a run found.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Examples that decoded.
    pub decoded: usize,
    /// Examples that did not, or could not be tried (the program did not build).
    pub failed: usize,
}

/// One example as the program reads it: what to print, the status, the decoder and the body.
type Row = (String, u16, usize, String);

/// Runs the check on the specs in `specs`, printing failures and the summary line to stdout.
pub fn run(specs: &std::path::Path) -> Result<Summary, String> {
    let root = crate::workspace_root();
    let started = Instant::now();
    let name = folder_name(specs);
    let work = target_dir(&root).join("examples").join(&name);
    let Client {
        model,
        crate_name,
        package: client_package,
        ..
    } = generate_client(specs, &work.join("client"))?;
    let (main_rs, rows) = program(&model, &crate_name)?;
    let data = serde_json::to_string(&rows).map_err(|e| e.to_string())?;
    let dir = work.join("decoder");
    let package = format!("examples-{name}");
    write_program(
        &root,
        &dir,
        &package,
        &client_package,
        &[r#"serde = "1""#, r#"serde_json = "1""#],
        &main_rs,
        &[("examples.json", &data)],
    )?;
    eprintln!(
        "examples: building the client and a decoder for {} examples of {} (the first build takes minutes)",
        rows.len(),
        specs.display()
    );
    let build_dir = target_dir(&root).join("examples").join("target");
    let exe = match build_program(&dir, &build_dir, &package) {
        Ok(exe) => exe,
        Err(errors) => {
            eprintln!("{errors}");
            let (first, count) = first_error(&errors);
            println!(
                "FAIL [build] the generated client or the decoder does not compile ({count} errors; the first: {first})"
            );
            println!("0 decoded, {} failed", rows.len());
            return Ok(Summary {
                decoded: 0,
                failed: rows.len(),
            });
        }
    };
    let output = Command::new(&exe)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", exe.display()))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let failures: Vec<&str> = stdout.lines().filter(|l| l.starts_with("FAIL ")).collect();
    for line in &failures {
        println!("{line}");
    }
    let summary = Summary {
        decoded: stdout.lines().filter(|l| l.starts_with("OK ")).count(),
        failed: failures.len(),
    };
    if summary.decoded + summary.failed != rows.len() {
        return Err(format!(
            "the decoder reported {} of {} examples:\n{}",
            summary.decoded + summary.failed,
            rows.len(),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    eprintln!("examples: done in {:.0} s", started.elapsed().as_secs_f64());
    println!("{} decoded, {} failed", summary.decoded, summary.failed);
    Ok(summary)
}

/// The decoder's `main.rs` for the client crate `client_crate`, and the examples it reads.
fn program(model: &Model, client_crate: &str) -> Result<(String, Vec<Row>), String> {
    let krate = ident(client_crate);
    // One decoder per distinct type, in first-use order.
    let mut decoders: BTreeMap<String, (usize, TokenStream)> = BTreeMap::new();
    let mut rows = Vec::new();
    for (module, api) in model.apis() {
        for op in &api.operations {
            for example in &op.examples {
                let ty = external_type_tokens(model, &example.ty, &krate);
                let next = decoders.len();
                let index = decoders.entry(ty.to_string()).or_insert((next, ty)).0;
                let line = example
                    .source
                    .line
                    .map_or(String::new(), |l| format!(":{l}"));
                let label = format!(
                    "{}::{} {} `{}` ({}{line})",
                    module.name, op.method_name, example.status, example.name, example.source.file
                );
                // A range (`4XX`) or `default` is read as its first status; only messages show it.
                let status = example.status.replace(['X', 'x'], "0").parse().unwrap_or(0);
                let body = serde_json::to_string(&example.value).map_err(|e| e.to_string())?;
                rows.push((label, status, index, body));
            }
        }
    }
    let mut arms: Vec<(usize, TokenStream)> = decoders.into_values().collect();
    arms.sort_by_key(|(index, _)| *index);
    let arms = arms.into_iter().map(|(index, ty)| {
        let index = Literal::usize_unsuffixed(index);
        quote! { #index => read::<#ty>(status, body), }
    });
    let read = read_fn(&krate);
    let tokens = quote! {
        //! Decodes every response example of the specs through the type the client reads it
        //! with, as `send()` does. Written by `cargo xtask examples`.
        #![allow(deprecated)]

        /// `[label, status, decoder, body]` per example.
        const EXAMPLES: &str = include_str!("../examples.json");

        fn main() -> ::std::process::ExitCode {
            let examples: ::std::vec::Vec<(::std::string::String, u16, usize, ::std::string::String)> =
                match ::serde_json::from_str(EXAMPLES) {
                    ::std::result::Result::Ok(examples) => examples,
                    ::std::result::Result::Err(error) => {
                        ::std::eprintln!("examples.json: {error}");
                        return ::std::process::ExitCode::from(2);
                    }
                };
            let mut failed = false;
            for (label, status, decoder, body) in &examples {
                match decode(*decoder, *status, body.as_bytes()) {
                    ::std::result::Result::Ok(()) => ::std::println!("OK {label}"),
                    ::std::result::Result::Err(error) => {
                        failed = true;
                        ::std::println!("FAIL {label}: {error}");
                    }
                }
            }
            if failed { ::std::process::ExitCode::FAILURE } else { ::std::process::ExitCode::SUCCESS }
        }

        fn decode(decoder: usize, status: u16, body: &[u8]) -> ::std::result::Result<(), ::std::string::String> {
            match decoder {
                #(#arms)*
                _ => ::std::result::Result::Err(::std::format!("no decoder {decoder}")),
            }
        }

        #read
    };
    Ok((format_file(tokens)?, rows))
}

/// A program's `read::<T>(status, body)`: decodes `body` as `T` exactly as `send()` does,
/// through the client crate `krate`; a failure says where (`at \`sid\`: invalid type: …`).
pub(crate) fn read_fn(krate: &Ident) -> TokenStream {
    quote! {
        /// Decodes `body` as `T` as `send()` does; a failure names its JSON path.
        fn read<T: ::serde::de::DeserializeOwned>(status: u16, body: &[u8]) -> ::std::result::Result<(), ::std::string::String> {
            match ::#krate::__fuzz::decode::<T>(status, body) {
                ::std::result::Result::Ok(_) => ::std::result::Result::Ok(()),
                ::std::result::Result::Err(::#krate::Error::Decode(error)) => {
                    ::std::result::Result::Err(::std::format!("at `{}`: {}", error.path, error.message))
                }
                ::std::result::Result::Err(error) => ::std::result::Result::Err(error.to_string()),
            }
        }
    }
}
