//! Helpers every Rust emitter uses: doc attributes, type tokens, identifiers and rendering
//! tokens into formatted source.

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use crate::error::{Error, Problem};
use crate::model::{IntegerKind, Model, TypeRef};

/// An identifier token.
pub fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

/// `#[doc = " …"]` lines for `text` (nothing for `None` or empty text). Text from the specs
/// goes through [`spec`] first.
pub fn doc(text: Option<&str>) -> TokenStream {
    let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else {
        return TokenStream::new();
    };
    let lines = doc_lines(text);
    quote! { #(#[doc = #lines])* }
}

/// The `#[doc = ..]` strings of `text`: wrapped to one width, each after the space that
/// follows `///`, control characters escaped.
pub fn doc_lines(text: &str) -> Vec<String> {
    super::wrap::wrap(text)
        .iter()
        .map(|line| {
            if line.is_empty() {
                String::new()
            } else {
                format!(" {}", escape_controls(line))
            }
        })
        .collect()
}

/// `text` with control characters other than tab written as escapes (`\r`, `\u{7}`): a bare
/// CR is not allowed in a doc comment, and a line break would end a `//` comment.
pub fn escape_controls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() && c != '\t' {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// Doc lines of several paragraphs, skipping empty ones.
pub fn doc_paragraphs(paragraphs: &[Option<String>]) -> TokenStream {
    let text: Vec<&str> = paragraphs
        .iter()
        .flatten()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect();
    doc(Some(&text.join("\n\n")))
}

/// Spec prose made safe for rustdoc (see [`doc_text`]).
pub fn spec(text: &Option<String>) -> Option<String> {
    text.as_deref().map(doc_text)
}

/// Makes spec prose safe for rustdoc: bare URLs become `<…>` links (rustdoc warns about bare
/// URLs) and `[x]` that is not a Markdown link is escaped (rustdoc would try to resolve it).
pub fn doc_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut in_code = false;
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '`' {
            in_code = !in_code;
            out.push(c);
            i += 1;
            continue;
        }
        if in_code {
            out.push(c);
            i += 1;
            continue;
        }
        let starts = |prefix: &str| {
            prefix
                .chars()
                .eq(chars[i..].iter().take(prefix.len()).copied())
        };
        let previous = i.checked_sub(1).map(|p| chars[p]);
        if c == 'h'
            && (starts("https://") || starts("http://"))
            && !matches!(previous, Some('<' | '(' | '['))
        {
            let mut end = i;
            while end < chars.len()
                && !chars[end].is_whitespace()
                && !matches!(chars[end], ')' | '>' | '"' | '\'')
            {
                end += 1;
            }
            while end > i && matches!(chars[end - 1], '.' | ',' | ';' | ':' | '!' | '?') {
                end -= 1;
            }
            out.push('<');
            out.extend(&chars[i..end]);
            out.push('>');
            i = end;
            continue;
        }
        // `<Pay>`, `<channel>`: Twilio's prose names TwiML verbs and placeholders in angle
        // brackets, which rustdoc reads as unclosed HTML tags; only autolinks stay links.
        if c == '<'
            && chars
                .get(i + 1)
                .is_some_and(|next| next.is_ascii_alphabetic() || *next == '/')
            && !starts("<https://")
            && !starts("<http://")
            && !starts("<mailto:")
        {
            out.push_str("\\<");
            i += 1;
            continue;
        }
        if c == '[' {
            let close = chars[i..].iter().position(|&c| c == ']').map(|p| i + p);
            let is_link = close.is_some_and(|close| chars.get(close + 1) == Some(&'('));
            if !is_link {
                out.push_str("\\[");
                i += 1;
                continue;
            }
        }
        if c == ']' && chars.get(i + 1) != Some(&'(') {
            out.push_str("\\]");
            i += 1;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// The Rust type of a field or parameter. Types of the module being written are reached with
/// `super::` (every module's items live in sibling files), others with `crate::module::`.
pub fn type_tokens(model: &Model, ty: &TypeRef, module: &str) -> TokenStream {
    scoped_type_tokens(model, ty, Scope::Module(module))
}

/// The Rust type as code outside the generated crate spells it, with the crate's name as the
/// root (`::twilio_api::assistants_v1::Session`).
pub fn external_type_tokens(model: &Model, ty: &TypeRef, krate: &Ident) -> TokenStream {
    scoped_type_tokens(model, ty, Scope::External(krate))
}

/// Where a type is named from.
#[derive(Clone, Copy)]
enum Scope<'a> {
    /// Inside the generated crate, from this module's files.
    Module(&'a str),
    /// From another crate that depends on it under this name.
    External(&'a Ident),
}

fn scoped_type_tokens(model: &Model, ty: &TypeRef, scope: Scope<'_>) -> TokenStream {
    match ty {
        TypeRef::String => quote! { ::std::string::String },
        TypeRef::Integer(kind) => integer_tokens(*kind),
        TypeRef::Number => quote! { f64 },
        TypeRef::Boolean => quote! { bool },
        TypeRef::DateTime | TypeRef::DateTimeRfc2822 => {
            quote! { ::chrono::DateTime<::chrono::Utc> }
        }
        TypeRef::Date => quote! { ::chrono::NaiveDate },
        TypeRef::Url => quote! { ::url::Url },
        TypeRef::HttpMethod => match scope {
            Scope::Module(_) => quote! { crate::HttpMethod },
            Scope::External(krate) => quote! { ::#krate::HttpMethod },
        },
        TypeRef::Json => quote! { ::serde_json::Value },
        TypeRef::Nullable(inner) => {
            let inner = scoped_type_tokens(model, inner, scope);
            quote! { ::std::option::Option<#inner> }
        }
        TypeRef::Array(item) => {
            let item = scoped_type_tokens(model, item, scope);
            quote! { ::std::vec::Vec<#item> }
        }
        TypeRef::Map(value) => {
            let value = scoped_type_tokens(model, value, scope);
            quote! { ::std::collections::BTreeMap<::std::string::String, #value> }
        }
        TypeRef::Named(id) => {
            let name = model.ty(*id);
            let type_ident = ident(&name.name);
            let module_ident = ident(&name.module);
            match scope {
                Scope::Module(module) if name.module == module => quote! { super::#type_ident },
                Scope::Module(_) => quote! { crate::#module_ident::#type_ident },
                Scope::External(krate) => quote! { ::#krate::#module_ident::#type_ident },
            }
        }
    }
}

/// The Rust integer type of a kind.
pub fn integer_tokens(kind: IntegerKind) -> TokenStream {
    let name = ident(kind.rust_name());
    quote! { #name }
}

/// What the first line of every generated file says, inside the comment syntax of its
/// language: [`MARKER_TEXT`](super::MARKER_TEXT), where from, and not to edit it.
pub fn marker_text(source: &str) -> String {
    // A file name may hold a line break, which would end the comment (`\n` is written instead).
    let source = escape_controls(source);
    format!("{} from {source}. DO NOT EDIT.", super::MARKER_TEXT)
}

/// The first line of every generated Rust file.
pub fn marker(source: &str) -> String {
    format!("// {}\n", marker_text(source))
}

/// Formats tokens as a Rust file with the generated-file marker on top.
pub fn render(tokens: TokenStream, path: &str, source: &str) -> Result<String, Error> {
    let text = format_file(tokens).map_err(|message| {
        Error::one(Problem {
            file: path.into(),
            line: None,
            pointer: None,
            message: format!("internal error: the generator produced invalid Rust: {message}"),
        })
    })?;
    Ok(format!("{}\n{text}", marker(source)))
}

/// Formats tokens as a Rust file the way every generated file is (prettyplease, a blank line
/// between items); the error is syn's message when the tokens are not a Rust file.
pub fn format_file(tokens: TokenStream) -> Result<String, String> {
    let file: syn::File = syn::parse2(tokens).map_err(|e| e.to_string())?;
    Ok(space_items(&prettyplease::unparse(&file)))
}

/// Puts a blank line between items (prettyplease writes them back to back), so the files
/// read like hand-written ones and diffs stay local.
fn space_items(text: &str) -> String {
    const ITEM_STARTS: &[&str] = &[
        "///", "#[", "pub ", "pub(", "fn ", "async ", "impl", "const ", "type ", "static ",
        "enum ", "struct ", "mod ", "use ", "crate::",
    ];
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    // The previous line and its indent.
    let mut previous: Option<(&str, usize)> = None;
    for line in text.lines() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let after_item = previous.is_some_and(|(p, p_indent)| {
            p_indent == indent
                && (p.trim() == "}"
                    || (p_indent == 0 && p.starts_with("//!"))
                    // A statement's end; a comment line may end with `;` too.
                    || (p_indent == 0 && p.ends_with(';') && !p.starts_with("//")))
        });
        if after_item && ITEM_STARTS.iter().any(|start| trimmed.starts_with(start)) {
            out.push('\n');
        }
        out.push_str(line);
        out.push('\n');
        previous = Some((line, indent));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{doc_text, space_items};

    #[test]
    fn items_are_spaced_and_doc_lines_ending_with_a_semicolon_are_not_item_ends() {
        let text = "use a;\nuse b;\n/// Checked by `parse`;\n/// kept as sent.\npub struct X;\nfn f() {}\n";
        assert_eq!(
            space_items(text),
            "use a;\n\nuse b;\n\n/// Checked by `parse`;\n/// kept as sent.\npub struct X;\n\nfn f() {}\n"
        );
    }

    #[test]
    fn doc_text_escapes_angle_brackets_that_are_not_autolinks() {
        assert_eq!(
            doc_text("the <Pay> verb, <channel>:<status>, </b>, a < b, <https://x.io>"),
            "the \\<Pay> verb, \\<channel>:\\<status>, \\</b>, a < b, <https://x.io>"
        );
        assert_eq!(doc_text("`<Pay>` in code"), "`<Pay>` in code");
    }

    #[test]
    fn doc_text_links_bare_urls_and_escapes_brackets() {
        assert_eq!(doc_text("see https://x.io/a."), "see <https://x.io/a>.");
        assert_eq!(doc_text("see <https://x.io/a>"), "see <https://x.io/a>");
        assert_eq!(doc_text("a [link](https://x.io)"), "a [link](https://x.io)");
        assert_eq!(doc_text("array[object]"), "array\\[object\\]");
        assert_eq!(doc_text("`^AC[0-9]$` ok"), "`^AC[0-9]$` ok");
        assert_eq!(
            doc_text("check 'https://x.io/a#b'."),
            "check '<https://x.io/a#b>'."
        );
    }
}
