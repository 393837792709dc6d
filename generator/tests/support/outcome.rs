//! What a generation run must uphold whatever specs it is given; shared by the property tests
//! (`tests/properties.rs`) and the fuzz target (`fuzz/fuzz_targets/generate.rs`, which
//! includes this file by path).
//!
//! - Specs that are refused give an error whose every problem names one of the given files
//!   (as `label/name`), or the folder itself, with a line inside that file when it gives one
//!   and a JSON pointer when it gives one; never an internal error.
//! - Specs that are accepted give a crate whose every `.rs` file parses as Rust.
//!
//! Panics and hangs are caught by the callers (proptest, libFuzzer's `-timeout`).

use std::collections::BTreeMap;

use generator::{Error, Output};

/// The line that starts a new file in a fuzz input: `#%% name.yaml` (a YAML comment, so a
/// single spec file is a valid input as it is).
pub const FILE_SEPARATOR: &str = "#%% ";

/// The file name given to the text before the first separator (none when the input starts
/// with a separator).
pub const FIRST_FILE: &str = "fuzz_v1.yaml";

/// Splits a fuzz input into spec files by [`FILE_SEPARATOR`] lines; `common.yaml` is added
/// with `common` as its text unless the input has one.
pub fn split_files(input: &str, common: &str) -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    let mut name = FIRST_FILE.to_owned();
    let mut text = String::new();
    for line in input.split_inclusive('\n') {
        if let Some(next) = line.strip_prefix(FILE_SEPARATOR) {
            // An input that starts with a separator has no first file.
            if !(files.is_empty() && name == FIRST_FILE && text.is_empty()) {
                files.insert(std::mem::take(&mut name), std::mem::take(&mut text));
            }
            name = file_name(next);
        } else {
            text.push_str(line);
        }
    }
    files.insert(name, text);
    files
        .entry("common.yaml".to_owned())
        .or_insert_with(|| common.to_owned());
    files
}

/// A usable file name from the rest of a separator line: letters, digits, `_`, `-` and `.`
/// kept, anything else `_`, and `.yaml` added when missing.
fn file_name(raw: &str) -> String {
    let mut name: String = raw
        .trim()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if !name.ends_with(".yaml") {
        name.push_str(".yaml");
    }
    name
}

/// Checks one run's result against the promises above; `Err` says which one it broke.
pub fn check(
    sources: &BTreeMap<String, String>,
    label: &str,
    result: &Result<Output, Error>,
) -> Result<(), String> {
    match result {
        Err(error) => check_error(sources, label, error),
        Ok(output) => check_output(output),
    }
}

fn check_error(
    sources: &BTreeMap<String, String>,
    label: &str,
    error: &Error,
) -> Result<(), String> {
    if error.problems.is_empty() {
        return Err("an error without any problem".to_owned());
    }
    let shown = error.to_string();
    for problem in &error.problems {
        let name = problem
            .file
            .strip_prefix(label)
            .map_err(|_| format!("a problem outside the specs folder: {problem}"))?;
        let text = if name.as_os_str().is_empty() {
            None
        } else {
            let name = name.to_string_lossy();
            Some(
                sources
                    .get(name.as_ref())
                    .ok_or_else(|| format!("a problem in a file that was not given: {problem}"))?,
            )
        };
        if problem.message.trim().is_empty() {
            return Err(format!("a problem without a message: {problem:?}"));
        }
        if problem.message.contains("internal error") {
            return Err(format!("an internal error: {problem}"));
        }
        if let Some(line) = problem.line {
            // A parser may stop just past the last line (an unterminated string, a document
            // of comments only).
            let last = text.map_or(0, |text| yaml_lines(text) + 1);
            if line == 0 || line > last {
                return Err(format!("line {line} is not in the file: {problem}"));
            }
        }
        if let Some(pointer) = &problem.pointer
            && !pointer.is_empty()
            && !pointer.starts_with('/')
        {
            return Err(format!("`{pointer}` is not a JSON pointer: {problem}"));
        }
        let file = problem.file.display().to_string();
        if !shown.contains(&file) {
            return Err(format!("the message does not name {file}: {shown}"));
        }
    }
    Ok(())
}

/// Lines as the YAML parser counts them: broken by LF, CRLF and a lone CR, and (YAML 1.1) NEL,
/// LS and PS. A file with a lone CR has more lines for the parser than for `str::lines`.
fn yaml_lines(text: &str) -> usize {
    let mut chars = text.chars().peekable();
    let mut breaks = 0;
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' => breaks += 1,
            _ => {}
        }
    }
    let unterminated =
        !text.is_empty() && !text.ends_with(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}']);
    breaks + usize::from(unterminated)
}

fn check_output(output: &Output) -> Result<(), String> {
    for (path, contents) in &output.files {
        if path.ends_with(".rs")
            && let Err(error) = syn::parse_file(contents)
        {
            return Err(format!("{path} is not valid Rust ({error}):\n{contents}"));
        }
    }
    Ok(())
}
