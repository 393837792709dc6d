//! Finds the line of a JSON pointer in block-style YAML text, so errors found after parsing (a
//! missing operationId, an unresolved `$ref`) can still say "line 42".
//!
//! [`LineIndex`] reads a file once and maps the pointer of every block-style node to its line,
//! so a lookup costs the same in a 1.5 MB spec as in a small one. Best effort: nodes inside
//! flow-style YAML (`{a: 1}`, `[a, b]`) are not indexed, and an error there carries only the
//! pointer.

use std::collections::HashMap;
use std::ops::ControlFlow;

/// The 1-based line of every block-style node of one YAML file, by JSON pointer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineIndex {
    lines: HashMap<String, usize>,
}

/// An open node while reading: a mapping entry (`key:`) or a sequence item (`- `).
struct Frame {
    /// The column of the key or of the `-`.
    column: usize,
    pointer: String,
    is_item: bool,
    /// How many sequence items this node has had so far.
    items: usize,
    /// An explicit key (`? /a/very/long/path`) whose `: value` line is still to come.
    awaits_value: bool,
}

impl LineIndex {
    /// Reads `text` in one pass (see [`walk`]).
    pub fn new(text: &str) -> Self {
        let mut lines = HashMap::new();
        walk(text, |pointer, line| {
            // A duplicate key is an error reported elsewhere; keep the first.
            lines.entry(pointer.to_owned()).or_insert(line);
            ControlFlow::Continue(())
        });
        LineIndex { lines }
    }

    /// The 1-based line where the node at `pointer` starts, if it is indexed.
    pub fn line(&self, pointer: &str) -> Option<usize> {
        self.lines.get(pointer).copied()
    }

    /// Every indexed pointer and its line, in no particular order.
    #[cfg(test)]
    fn iter(&self) -> impl Iterator<Item = (&str, usize)> {
        self.lines
            .iter()
            .map(|(pointer, &line)| (pointer.as_str(), line))
    }
}

/// Calls `visit` with the pointer and 1-based line of every block-style node of `text`, in
/// order, until it breaks. One pass, with a stack of the open nodes' columns.
fn walk(text: &str, mut visit: impl FnMut(&str, usize) -> ControlFlow<()>) {
    let mut stack = vec![Frame {
        column: 0,
        pointer: String::new(),
        is_item: false,
        items: 0,
        awaits_value: false,
    }];
    // Lines deeper than this column belong to a scalar (`description: >-`, a plain or quoted
    // scalar continued on the next lines, a flow collection) and are skipped.
    let mut scalar_above: Option<usize> = None;
    for (number, line) in text.lines().enumerate() {
        let content = line.trim_start_matches(' ');
        let column = line.len() - content.len();
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        if let Some(limit) = scalar_above {
            if column > limit {
                continue;
            }
            scalar_above = None;
        }
        if content.starts_with("---") || content.starts_with("...") {
            continue;
        }
        match node(&mut stack, column, content, number + 1, &mut visit) {
            ControlFlow::Continue(limit) => scalar_above = limit,
            ControlFlow::Break(()) => return,
        }
    }
}

/// Reads the node starting at `column` (`content` is the rest of the line); continues with the
/// column deeper than which the following lines continue a scalar, if they do.
fn node(
    stack: &mut Vec<Frame>,
    column: usize,
    content: &str,
    line: usize,
    visit: &mut impl FnMut(&str, usize) -> ControlFlow<()>,
) -> ControlFlow<(), Option<usize>> {
    let is_item = content == "-" || content.starts_with("- ");
    let is_value = content == ":" || content.starts_with(": ");
    // Close the nodes this one is not inside. Items at a key's own column are that key's value
    // (a compact sequence: `tags:` then `- Session` below it), and so is the `: value` line of
    // an explicit key.
    while stack.len() > 1 {
        let top = &stack[stack.len() - 1];
        let keeps = top.column < column
            || (top.column == column && is_item && !top.is_item)
            || (top.column == column && is_value && top.awaits_value);
        if keeps {
            break;
        }
        stack.pop();
    }
    let Some(parent) = stack.last_mut() else {
        return ControlFlow::Continue(None);
    };
    if is_value && parent.awaits_value {
        // `: servers:` after `? /path`: the value starts on this line, right of the `:`.
        parent.awaits_value = false;
        let rest = content[1..].trim_start_matches(' ');
        if rest.is_empty() || rest.starts_with('#') {
            return ControlFlow::Continue(None);
        }
        let rest_column = column + (content.len() - rest.len());
        return node(stack, rest_column, rest, line, visit);
    }
    if let Some(key) = explicit_key(content) {
        let pointer = crate::pointer::child_pointer(&parent.pointer, &key);
        visit(&pointer, line)?;
        stack.push(Frame {
            column,
            pointer,
            is_item: false,
            items: 0,
            awaits_value: true,
        });
        return ControlFlow::Continue(None);
    }
    if is_item {
        let pointer = format!("{}/{}", parent.pointer, parent.items);
        parent.items += 1;
        visit(&pointer, line)?;
        stack.push(Frame {
            column,
            pointer,
            is_item: true,
            items: 0,
            awaits_value: false,
        });
        let rest = content[1..].trim_start_matches(' ');
        if rest.is_empty() || rest.starts_with('#') {
            return ControlFlow::Continue(None);
        }
        // The item's content starts on its own line: `- name: Page`, `- - x` or a scalar.
        let rest_column = column + (content.len() - rest.len());
        return node(stack, rest_column, rest, line, visit);
    }
    let Some((key, value)) = split_key(content) else {
        // A scalar (an item's value, or a document that is one): what follows deeper is more
        // of it.
        return ControlFlow::Continue(Some(column));
    };
    let pointer = crate::pointer::child_pointer(&parent.pointer, &key);
    visit(&pointer, line)?;
    stack.push(Frame {
        column,
        pointer,
        is_item: false,
        items: 0,
        awaits_value: false,
    });
    ControlFlow::Continue(has_inline_value(value).then_some(column))
}

/// The key of an explicit-key line (`? /a/path/too/long/for/a/plain/key`), as YAML writers emit
/// for keys past 128 characters; `None` for anything else, and for keys that are collections.
fn explicit_key(content: &str) -> Option<String> {
    let rest = content.strip_prefix("? ")?.trim();
    match rest.chars().next()? {
        quote @ ('\'' | '"') => quoted(rest, quote).map(|(key, _)| key),
        '{' | '[' | '&' | '*' | '!' | '|' | '>' | '-' | '?' | '#' => None,
        _ => Some(rest.to_owned()),
    }
}

/// The 1-based line where the node at `pointer` starts, if it can be found: what
/// [`LineIndex::line`] answers, read up to that node only. Each call reads the text again: to
/// look up more than one pointer, build a [`LineIndex`] once (`SpecFile::line`).
pub fn line_of(text: &str, pointer: &str) -> Option<usize> {
    let mut found = None;
    walk(text, |node, line| {
        if node == pointer {
            found = Some(line);
            return ControlFlow::Break(());
        }
        ControlFlow::Continue(())
    });
    found
}

/// `key: value` -> the key (unquoted) and the rest after the colon; `None` if the line does
/// not start with a mapping key.
fn split_key(content: &str) -> Option<(String, &str)> {
    let (key, after) = match content.chars().next()? {
        quote @ ('\'' | '"') => {
            let (key, length) = quoted(content, quote)?;
            (key, content[length..].trim_start_matches(' '))
        }
        // Complex keys, flow collections, anchors, tags and aliases are left alone.
        '?' | '{' | '[' | '&' | '*' | '!' | '|' | '>' | '%' | '@' | '`' => return None,
        _ => {
            let end = plain_key_end(content)?;
            (content[..end].trim_end().to_owned(), &content[end..])
        }
    };
    let value = after.strip_prefix(':')?;
    if !(value.is_empty() || value.starts_with(' ') || value.starts_with('\t')) {
        return None;
    }
    Some((key, value))
}

/// Where a plain key ends: the first `:` followed by a space or the end of the line, before
/// any ` #` comment.
fn plain_key_end(content: &str) -> Option<usize> {
    let bytes = content.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'#' if i > 0 && bytes[i - 1] == b' ' => return None,
            b':' if matches!(bytes.get(i + 1), None | Some(b' ' | b'\t')) => return Some(i),
            _ => {}
        }
    }
    None
}

/// A quoted scalar at the start of `content`: its value and its length in bytes.
fn quoted(content: &str, quote: char) -> Option<(String, usize)> {
    let mut value = String::new();
    let mut chars = content.char_indices().skip(1);
    while let Some((i, c)) = chars.next() {
        match (quote, c) {
            ('\'', '\'') => {
                // `''` is a quote inside single quotes.
                if content[i + 1..].starts_with('\'') {
                    value.push('\'');
                    chars.next();
                } else {
                    return Some((value, i + 1));
                }
            }
            ('"', '"') => return Some((value, i + 1)),
            ('"', '\\') => {
                let (_, escaped) = chars.next()?;
                value.push(match escaped {
                    'n' => '\n',
                    't' => '\t',
                    other => other,
                });
            }
            _ => value.push(c),
        }
    }
    None
}

/// Whether a key's value starts on the key's line (so deeper lines continue it), as opposed to
/// nothing, a comment, an anchor or tag before a nested block.
fn has_inline_value(value: &str) -> bool {
    let value = value.trim_start();
    if value.is_empty() || value.starts_with('#') {
        return false;
    }
    // `&anchor` or `!tag` alone: the node itself follows on the next lines.
    let mut words = value.split_whitespace();
    let first = words.next().unwrap_or_default();
    let alone = words.next().is_none_or(|w| w.starts_with('#'));
    !((first.starts_with('&') || first.starts_with('!')) && alone)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // A panic in a test is a failed test.
    use super::{LineIndex, line_of};

    const TEXT: &str = "openapi: 3.0.3
paths:
  /v1/Sessions:
    get:
      operationId: ListSessions
      parameters:
        - name: Page
          in: query
        - $ref: './common.yaml#/x'
      tags:
      - Session
      responses:
        '200':
          description: ok
components:
  schemas:
    Session:
      type: object
";

    #[test]
    fn finds_nested_keys_escaped_segments_and_items() {
        assert_eq!(
            line_of(TEXT, "/paths/~1v1~1Sessions/get/operationId"),
            Some(5)
        );
        assert_eq!(
            line_of(TEXT, "/paths/~1v1~1Sessions/get/parameters/1"),
            Some(9)
        );
        assert_eq!(
            line_of(TEXT, "/paths/~1v1~1Sessions/get/parameters/0/in"),
            Some(8)
        );
        assert_eq!(
            line_of(TEXT, "/paths/~1v1~1Sessions/get/parameters/1/$ref"),
            Some(9)
        );
        assert_eq!(line_of(TEXT, "/paths/~1v1~1Sessions/get/tags/0"), Some(11));
        assert_eq!(
            line_of(TEXT, "/paths/~1v1~1Sessions/get/responses/200/description"),
            Some(14)
        );
        assert_eq!(line_of(TEXT, "/components/schemas/Session"), Some(17));
        assert_eq!(line_of(TEXT, "/components/schemas/Missing"), None);
        assert_eq!(
            line_of(TEXT, "/paths/~1v1~1Sessions/get/operationId/x"),
            None
        );
    }

    /// YAML writers put keys past 128 characters after `? ` (api_v2010's longest paths).
    #[test]
    fn explicit_keys_and_their_values_are_indexed() {
        let text = "\
paths:
  /short:
    get: {}
  ? /a/long/path/{Sid}.json
  : servers:
    - url: https://api.twilio.com
    get:
      operationId: FetchLong
  ? '/quoted: key'
  :
    post:
      operationId: CreateQuoted
  /after:
    get: {}
";
        let index = LineIndex::new(text);
        let at = |pointer: &str| index.line(pointer);
        assert_eq!(at("/paths/~1a~1long~1path~1{Sid}.json"), Some(4));
        assert_eq!(at("/paths/~1a~1long~1path~1{Sid}.json/servers"), Some(5));
        assert_eq!(
            at("/paths/~1a~1long~1path~1{Sid}.json/servers/0/url"),
            Some(6)
        );
        assert_eq!(
            at("/paths/~1a~1long~1path~1{Sid}.json/get/operationId"),
            Some(8)
        );
        assert_eq!(at("/paths/~1quoted: key/post/operationId"), Some(12));
        assert_eq!(at("/paths/~1after/get"), Some(14));
        assert_eq!(at("/paths/get"), None);
    }

    #[test]
    fn multi_line_scalars_are_not_read_as_keys() {
        let text = "\
a:
  description: >-
    Folded text: with a colon
    next: line
  summary: |
    literal: text

    after a blank line: still text
  plain: a plain scalar
    continued: here
  'quoted': \"a quoted scalar
    continued: too\"
  flow: {x: 1,
    y: 2}
  after: 1
b: 2
";
        let index = LineIndex::new(text);
        assert_eq!(index.line("/a/description"), Some(2));
        assert_eq!(index.line("/a/summary"), Some(5));
        assert_eq!(index.line("/a/plain"), Some(9));
        assert_eq!(index.line("/a/quoted"), Some(11));
        assert_eq!(index.line("/a/flow"), Some(13));
        assert_eq!(index.line("/a/after"), Some(15));
        assert_eq!(index.line("/b"), Some(16));
        for inside in [
            "next",
            "literal",
            "after a blank line",
            "continued",
            "y",
            "x",
        ] {
            assert!(
                index
                    .iter()
                    .all(|(p, _)| !p.ends_with(&format!("/{inside}"))),
                "{inside} is scalar text, not a key"
            );
        }
    }

    #[test]
    fn sequences_of_every_layout_are_counted() {
        let text = "\
servers:
- url: https://a.example.com
  description: first
-   url: https://b.example.com
tags:
  - name: one
  -
    name: two
  - plain item
  - - nested
    - second
required: [a, b]
enum:
  - 'x: y'
  - z
";
        let index = LineIndex::new(text);
        assert_eq!(index.line("/servers/0"), Some(2));
        assert_eq!(index.line("/servers/0/url"), Some(2));
        assert_eq!(index.line("/servers/0/description"), Some(3));
        assert_eq!(index.line("/servers/1/url"), Some(4));
        assert_eq!(index.line("/tags/0/name"), Some(6));
        assert_eq!(index.line("/tags/1"), Some(7));
        assert_eq!(index.line("/tags/1/name"), Some(8));
        assert_eq!(index.line("/tags/2"), Some(9));
        assert_eq!(index.line("/tags/3/0"), Some(10));
        assert_eq!(index.line("/tags/3/1"), Some(11));
        assert_eq!(index.line("/required"), Some(12));
        assert_eq!(
            index.line("/required/0"),
            None,
            "flow content is not indexed"
        );
        assert_eq!(index.line("/enum/1"), Some(15));
        assert_eq!(
            index.line("/enum/0/x"),
            None,
            "a quoted scalar item is not a key"
        );
    }

    #[test]
    fn keys_are_unquoted_and_escaped() {
        let text = "\
paths:
  /v1/a~b/{Sid}:
    get: {}
  '/v1/it''s':
    get: {}
  \"/v1/\\\"q\\\"\":
    get: {}
  x-key: # a comment
    nested: &anchor
      deeper: 1
    with colon:inside: 2
";
        let index = LineIndex::new(text);
        assert_eq!(index.line("/paths/~1v1~1a~0b~1{Sid}/get"), Some(3));
        assert_eq!(index.line("/paths/~1v1~1it's/get"), Some(5));
        assert_eq!(index.line("/paths/~1v1~1\"q\"/get"), Some(7));
        assert_eq!(index.line("/paths/x-key/nested/deeper"), Some(10));
        assert_eq!(index.line("/paths/x-key/with colon:inside"), Some(11));
        assert_eq!(index.line(""), None);
    }

    fn sample_files() -> Vec<std::path::PathBuf> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/twilio-oai-sample");
        let entries = std::fs::read_dir(&dir).unwrap();
        let mut files: Vec<_> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
            .collect();
        files.sort();
        files
    }

    /// The last segment of a pointer as it appears in the text (unescaped).
    fn last_key(pointer: &str) -> String {
        let segment = pointer.rsplit('/').next().unwrap_or_default();
        segment.replace("~1", "/").replace("~0", "~")
    }

    /// Every pointer the index knows, on Twilio's specs, is at a line holding its key (or its
    /// `-`, for an item); and the index agrees with the parsed document on what exists.
    #[test]
    fn every_indexed_pointer_of_the_twilio_samples_is_at_its_key() {
        let mut total_nodes = 0;
        let mut total_bytes = 0;
        let mut total_time = std::time::Duration::ZERO;
        for path in sample_files() {
            let text = std::fs::read_to_string(&path).unwrap();
            let start = std::time::Instant::now();
            let index = LineIndex::new(&text);
            let elapsed = start.elapsed();
            let lines: Vec<&str> = text.lines().collect();
            let document: serde_json::Value = yaml_serde::from_str(&text).unwrap();
            for (pointer, line) in index.iter() {
                let key = last_key(pointer);
                let at = lines[line - 1].trim_start();
                let item = key.parse::<usize>().is_ok() && at.starts_with('-');
                assert!(
                    item || at.contains(&key),
                    "{}: {pointer} -> line {line} `{at}`",
                    path.display()
                );
                assert!(
                    document.pointer(pointer).is_some(),
                    "{}: {pointer} (line {line}) is not in the document",
                    path.display()
                );
            }
            // `line_of` reads the same way, up to the node.
            for (pointer, line) in index.iter().step_by(97) {
                assert_eq!(super::line_of(&text, pointer), Some(line), "{pointer}");
            }
            // Every mapping key of the document that is written block-style is indexed: spot
            // check all operations and component schemas.
            for section in ["/paths", "/components/schemas"] {
                let Some(map) = document.pointer(section).and_then(|v| v.as_object()) else {
                    continue;
                };
                for name in map.keys() {
                    let pointer = format!("{section}/{}", crate::pointer::escape(name));
                    assert!(index.line(&pointer).is_some(), "{pointer} is not indexed");
                }
            }
            println!(
                "{:<32} {:>7} bytes {:>6} nodes  index built in {:>7.2} ms",
                path.file_name().unwrap().to_string_lossy(),
                text.len(),
                index.lines.len(),
                elapsed.as_secs_f64() * 1e3
            );
            total_nodes += index.lines.len();
            total_bytes += text.len();
            total_time += elapsed;
        }
        println!(
            "{:<32} {total_bytes:>7} bytes {total_nodes:>6} nodes  index built in {:>7.2} ms",
            "all",
            total_time.as_secs_f64() * 1e3
        );
    }
}
