//! Doc text wrapped to one width, so generated docs read alike whoever wrote them (a spec's
//! description, the emitters' own sentences). Long lines break at spaces; Markdown blocks
//! (code, tables, headings) are left as they are, and no break starts a line that Markdown
//! would read as a new block.

/// The longest doc line, in characters, before the `/// ` prefix.
pub const DOC_WIDTH: usize = 96;

/// `text`'s lines, each at most [`DOC_WIDTH`] characters where a space allows it.
pub fn wrap(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut fenced = false;
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fenced = !fenced;
            out.push(line.to_owned());
        } else if fenced || line.chars().count() <= DOC_WIDTH || kept_whole(line) {
            out.push(line.to_owned());
        } else {
            wrap_line(line, &mut out);
        }
    }
    out
}

/// Lines whose breaks would change what they are: table rows, headings, indented code.
fn kept_whole(line: &str) -> bool {
    let trimmed = line.trim_start();
    trimmed.starts_with('|') || trimmed.starts_with('#') || line.starts_with("    ")
}

/// Greedy wrap of one line; continuation lines are indented under the text of a list item.
fn wrap_line(line: &str, out: &mut Vec<String>) {
    let body = line.trim_start();
    let indent = &line[..line.len() - body.len()];
    let hang = format!("{indent}{}", " ".repeat(list_marker_width(body)));
    let mut current = indent.to_owned();
    let mut has_word = false;
    for word in body.split(' ') {
        let fits = current.chars().count() + 1 + word.chars().count() <= DOC_WIDTH;
        if has_word && !fits && !starts_block(word) {
            out.push(current);
            current = format!("{hang}{word}");
        } else {
            if has_word {
                current.push(' ');
            }
            current.push_str(word);
        }
        has_word = true;
    }
    out.push(current);
}

/// The width of a list item's marker and its space (`- `, `12. `), 0 for other lines.
fn list_marker_width(body: &str) -> usize {
    let Some((marker, _)) = body.split_once(' ') else {
        return 0;
    };
    if is_list_marker(marker) {
        marker.len() + 1
    } else {
        0
    }
}

fn is_list_marker(word: &str) -> bool {
    matches!(word, "-" | "*" | "+")
        || word
            .strip_suffix(['.', ')'])
            .is_some_and(|n| !n.is_empty() && n.len() <= 9 && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether a line starting with `word` would begin a Markdown block (a list item, a heading,
/// a quote, a table row, a setext underline or a rule), so the break must go elsewhere.
fn starts_block(word: &str) -> bool {
    is_list_marker(word)
        || word.starts_with(['#', '>', '|'])
        || word.starts_with("```")
        || (!word.is_empty() && word.chars().all(|c| matches!(c, '-' | '=' | '*' | '_')))
        || word.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_break_at_spaces_within_the_width() {
        let text = "word ".repeat(60);
        let lines = wrap(text.trim_end());
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| l.chars().count() <= DOC_WIDTH));
        assert_eq!(lines.join(" "), text.trim_end(), "no word lost or split");
    }

    #[test]
    fn blocks_are_kept_and_list_items_hang() {
        let long = "x".repeat(50);
        let text = format!(
            "| {long} | {long} |\n```\n{long} {long} {long}\n```\n- {long} {long}\n    {long} {long}"
        );
        let lines = wrap(&text);
        assert_eq!(lines[0], format!("| {long} | {long} |"));
        assert_eq!(
            lines[2],
            format!("{long} {long} {long}"),
            "code is not wrapped"
        );
        assert_eq!(lines[4], format!("- {long}"));
        assert_eq!(
            lines[5],
            format!("  {long}"),
            "continuation hangs under the item's text"
        );
        assert_eq!(
            lines[6],
            format!("    {long} {long}"),
            "indented code is kept"
        );
    }

    #[test]
    fn no_break_starts_a_markdown_block() {
        let filler = "y".repeat(DOC_WIDTH - 4);
        for word in ["-", "1.", "#", ">", "|", "===", "---"] {
            let text = format!("{filler} {word} tail");
            let lines = wrap(&text);
            assert!(
                lines
                    .iter()
                    .skip(1)
                    .all(|l| !starts_block(l.split(' ').next().unwrap_or(""))),
                "{word}: {lines:?}"
            );
        }
    }

    #[test]
    fn spaces_inside_a_line_are_kept() {
        let text = format!("{}  two spaces", "z ".repeat(50));
        assert_eq!(
            wrap(&text).join(" ").replace("  ", " "),
            text.replace("  ", " ")
        );
    }
}
