//! A compiled pattern in words (`` `AC` followed by 32 hexadecimal digits ``), for the
//! generated docs and error messages.

use super::{CharClass, Matcher, PatternCheck, Piece};

impl Piece {
    fn describe(&self) -> String {
        match self {
            Piece::Literal(text) => format!("`{text}`"),
            Piece::Class { class, min, max } => match (*min, *max) {
                (0, None) => format!("any number of {}", class.describe(true)),
                (min, None) => format!("at least {min} {}", class.describe(min != 1)),
                (min, Some(max)) if min == max => format!("{min} {}", class.describe(min != 1)),
                (min, Some(max)) => format!("{min} to {max} {}", class.describe(true)),
            },
            Piece::OneOf(texts) => {
                const SHOWN: usize = 8;
                let mut shown: Vec<String> =
                    texts.iter().take(SHOWN).map(|t| format!("`{t}`")).collect();
                if texts.len() > SHOWN {
                    shown.push(format!("{} more", texts.len() - SHOWN));
                }
                format!("one of {}", shown.join(", "))
            }
            Piece::Group { pieces, min, max } => {
                let body = describe_sequence(pieces);
                let times = match (*min, *max) {
                    (min, Some(max)) if min == max => format!("{min} times"),
                    (0, None) => "any number of times".to_owned(),
                    (min, None) => format!("at least {min} times"),
                    (min, Some(max)) => format!("{min} to {max} times"),
                };
                format!("({body}) {times}")
            }
        }
    }
}

fn describe_sequence(pieces: &[Piece]) -> String {
    let parts: Vec<String> = pieces.iter().map(Piece::describe).collect();
    parts.join(" followed by ")
}

impl PatternCheck {
    /// Says in words what a matching value looks like, for error messages.
    pub fn describe(&self) -> String {
        match self {
            PatternCheck::Checked(matcher) => matcher.describe(),
            PatternCheck::Unchecked { .. } => {
                "a value matching the pattern (checked by the server, not client-side)".to_owned()
            }
        }
    }
}

impl Matcher {
    /// Says in words what a matching value looks like (`` `AC` followed by 32 hexadecimal
    /// digits ``; "contains …" when the pattern is not anchored).
    pub fn describe(&self) -> String {
        let body = describe_sequence(&self.pieces);
        match (self.anchored_start, self.anchored_end, body.is_empty()) {
            (true, true, true) => "an empty string".to_owned(),
            (_, _, true) => "any value".to_owned(),
            (true, true, false) => body,
            (true, false, false) => format!("a value starting with {body}"),
            (false, true, false) => format!("a value ending with {body}"),
            (false, false, false) => format!("a value containing {body}"),
        }
    }
}

impl CharClass {
    fn describe(&self, plural: bool) -> String {
        let noun = |one: &str, many: &str| {
            if plural {
                many.to_owned()
            } else {
                one.to_owned()
            }
        };
        if self.is_any_but_line_terminators() {
            return noun("character", "characters") + " other than line breaks";
        }
        if !self.is_ascii() {
            let excluded = self.complement();
            if excluded.iter().all(|&(_, hi)| hi.is_ascii()) || excluded.len() <= 4 {
                return format!(
                    "{} (not {})",
                    noun("character", "characters"),
                    set_notation(&excluded)
                );
            }
            return format!(
                "{} from {}",
                noun("character", "characters"),
                set_notation(&self.ranges)
            );
        }
        let ascii = |ranges: &[(u8, u8)]| -> Vec<(char, char)> {
            ranges
                .iter()
                .map(|&(a, b)| (a as char, b as char))
                .collect()
        };
        if self.ranges == ascii(&[(b'0', b'9'), (b'A', b'F'), (b'a', b'f')]) {
            return noun("hexadecimal digit", "hexadecimal digits");
        }
        if self.ranges == ascii(&[(b'0', b'9'), (b'a', b'f')]) {
            return noun(
                "lowercase hexadecimal digit",
                "lowercase hexadecimal digits",
            );
        }
        if self.ranges == ascii(&[(b'0', b'9')]) {
            return noun("digit", "digits");
        }
        if self.ranges == ascii(&[(b'0', b'9'), (b'A', b'Z'), (b'a', b'z')]) {
            return noun("letter or digit", "letters or digits");
        }
        if self.ranges == ascii(&[(b'A', b'Z'), (b'a', b'z')]) {
            return noun("letter", "letters");
        }
        if self.ranges == ascii(&[(b'a', b'z')]) {
            return noun("lowercase letter", "lowercase letters");
        }
        if self.ranges == ascii(&[(b'A', b'Z')]) {
            return noun("uppercase letter", "uppercase letters");
        }
        format!(
            "{} from {}",
            noun("character", "characters"),
            set_notation(&self.ranges)
        )
    }
}

/// `` `[0-9a-f]` `` notation, in backticks (rustdoc would read `[a]` as a link).
fn set_notation(ranges: &[(char, char)]) -> String {
    let body: String = ranges
        .iter()
        .map(|&(lo, hi)| {
            if lo == hi {
                printable(lo)
            } else {
                format!("{}-{}", printable(lo), printable(hi))
            }
        })
        .collect();
    format!("`[{body}]`")
}

fn printable(c: char) -> String {
    match c {
        '\n' => "\\n".to_owned(),
        '\r' => "\\r".to_owned(),
        '\t' => "\\t".to_owned(),
        c if c.is_ascii_graphic() => c.to_string(),
        c if c.is_ascii() => format!("\\x{:02X}", c as u32),
        c => format!("\\u{{{:X}}}", c as u32),
    }
}
