//! Finds the line of a JSON pointer in block-style YAML text, so errors found after parsing (a
//! missing operationId, an unresolved `$ref`) can still say "line 42". Best effort: flow-style
//! YAML or unusual layouts give `None`, and the error then carries only the pointer.

/// The 1-based line where the node at `pointer` starts, if it can be found.
pub fn line_of(text: &str, pointer: &str) -> Option<usize> {
    let lines: Vec<&str> = text.lines().collect();
    let mut block = 0..lines.len();
    let mut found = None;
    for segment in pointer.split('/').skip(1) {
        let key = segment.replace("~1", "/").replace("~0", "~");
        let (line, node) = find_in_block(&lines, block.clone(), &key)?;
        found = Some(line);
        block = match node {
            // A sequence item's children start on the item line itself (`- name: Page`).
            Node::Item { indent } => line..block_end(&lines, line + 1, indent, false),
            Node::Key { indent } => line + 1..block_end(&lines, line + 1, indent, true),
        };
    }
    found.map(|line| line + 1)
}

enum Node {
    Key { indent: usize },
    Item { indent: usize },
}

fn find_in_block(
    lines: &[&str],
    block: std::ops::Range<usize>,
    key: &str,
) -> Option<(usize, Node)> {
    let first = block.clone().find(|&n| !is_blank(lines[n]))?;
    let first_indent = indent_of(lines[first]);
    if let (Ok(index), true) = (key.parse::<usize>(), is_item(lines[first])) {
        return block
            .filter(|&n| indent_of(lines[n]) == first_indent && is_item(lines[n]))
            .nth(index)
            .map(|n| {
                (
                    n,
                    Node::Item {
                        indent: first_indent,
                    },
                )
            });
    }
    let key_indent = key_position(lines[first]);
    block
        .filter(|&n| !is_blank(lines[n]) && key_position(lines[n]) == key_indent)
        .find(|&n| key_matches(lines[n].trim_start().trim_start_matches("- "), key))
        .map(|n| (n, Node::Key { indent: key_indent }))
}

/// The first line at or after `from` that no longer belongs to a node indented at `indent`.
fn block_end(lines: &[&str], from: usize, indent: usize, compact_sequence_allowed: bool) -> usize {
    (from..lines.len())
        .find(|&n| {
            let line = lines[n];
            let i = indent_of(line);
            // `key:` followed by `- item` at the same indentation is a (compact) sequence value.
            !is_blank(line)
                && (i < indent || (i == indent && !(compact_sequence_allowed && is_item(line))))
        })
        .unwrap_or(lines.len())
}

/// The column where a line's mapping key starts (after a `- ` sequence marker, if any).
fn key_position(line: &str) -> usize {
    let indent = indent_of(line);
    if is_item(line) { indent + 2 } else { indent }
}

fn key_matches(content: &str, key: &str) -> bool {
    [
        format!("{key}:"),
        format!("'{key}':"),
        format!("\"{key}\":"),
    ]
    .iter()
    .any(|k| content.starts_with(k.as_str()))
}

fn is_item(line: &str) -> bool {
    let t = line.trim_start();
    t == "-" || t.starts_with("- ")
}

fn is_blank(line: &str) -> bool {
    let t = line.trim_start();
    t.is_empty() || t.starts_with('#')
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

#[cfg(test)]
mod tests {
    use super::line_of;

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
}
