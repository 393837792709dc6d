//! Compiles an ID pattern (`^AC[0-9a-fA-F]{32}$`, `^aia_msg_.+$`) into plain checks, so the
//! generated crate validates IDs with a few byte comparisons and needs no regex engine.
//!
//! Supported shape: `^`, then fixed-length pieces (literal text, or an ASCII character class
//! repeated a fixed number of times), then optionally one variable-length tail (a class with
//! `+`, `*`, `?` or `{m,n}`), then `$`. That covers Twilio's SIDs and prefixed IDs; anything
//! else is reported as unsupported rather than checked wrongly.

use regex_syntax::hir::{Class, Hir, HirKind, Look};
use serde::Serialize;

/// A pattern compiled to checks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PatternCheck {
    /// Fixed-length pieces, in order.
    pub pieces: Vec<Piece>,
    /// The variable-length end, if any.
    pub tail: Option<Tail>,
}

/// A fixed-length piece of a pattern.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Piece {
    /// Exactly these bytes.
    Literal(Vec<u8>),
    /// `count` ASCII bytes, each in `class`.
    Class {
        /// The allowed bytes.
        class: ByteClass,
        /// How many.
        count: usize,
    },
}

/// The variable-length end of a pattern, counted in characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tail {
    /// The allowed characters.
    pub class: ByteClass,
    /// At least this many characters.
    pub min: usize,
    /// At most this many characters.
    pub max: Option<usize>,
}

/// A set of characters: ASCII byte ranges, plus every non-ASCII character if `non_ascii`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ByteClass {
    /// Inclusive ASCII ranges, sorted.
    pub ranges: Vec<(u8, u8)>,
    /// Whether any non-ASCII character matches (as for `.` or `[^…]`).
    pub non_ascii: bool,
}

impl PatternCheck {
    /// Byte length of the fixed pieces.
    pub fn fixed_len(&self) -> usize {
        self.pieces
            .iter()
            .map(|piece| match piece {
                Piece::Literal(bytes) => bytes.len(),
                Piece::Class { count, .. } => *count,
            })
            .sum()
    }

    /// The number of characters a matching value has: (at least, at most).
    pub fn char_len(&self) -> (usize, Option<usize>) {
        let fixed: usize = self
            .pieces
            .iter()
            .map(|piece| match piece {
                Piece::Literal(bytes) => String::from_utf8_lossy(bytes).chars().count(),
                Piece::Class { count, .. } => *count,
            })
            .sum();
        match &self.tail {
            None => (fixed, Some(fixed)),
            Some(tail) => (fixed + tail.min, tail.max.map(|max| fixed + max)),
        }
    }

    /// Whether `value` matches, checked the way the generated `matches` functions check it
    /// (fixed pieces byte by byte, then the tail counted in characters).
    pub fn matches(&self, value: &str) -> bool {
        let mut rest = value.as_bytes();
        for piece in &self.pieces {
            let len = match piece {
                Piece::Literal(bytes) => bytes.len(),
                Piece::Class { count, .. } => *count,
            };
            if rest.len() < len {
                return false;
            }
            let (head, tail) = rest.split_at(len);
            let ok = match piece {
                Piece::Literal(bytes) => head == bytes.as_slice(),
                Piece::Class { class, .. } => head.iter().all(|&b| class.contains_ascii(b)),
            };
            if !ok {
                return false;
            }
            rest = tail;
        }
        let Some(tail) = &self.tail else {
            return rest.is_empty();
        };
        // The fixed pieces are ASCII or literal UTF-8, so `rest` starts on a character boundary.
        let Ok(rest) = std::str::from_utf8(rest) else {
            return false;
        };
        let count = rest.chars().count();
        count >= tail.min
            && tail.max.is_none_or(|max| count <= max)
            && rest.chars().all(|c| tail.class.contains(c))
    }

    /// A value that matches: the literal pieces as written, each class's most ordinary
    /// character repeated as often as it must be, and the tail at its minimum length, but at
    /// least one character when it may have one (an empty tail is a corner case servers
    /// mishandle). `min_chars` asks for a longer tail (an ID type's `minLength`).
    pub fn sample(&self, min_chars: usize) -> String {
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Literal(bytes) => out.push_str(&String::from_utf8_lossy(bytes)),
                Piece::Class { class, count } => {
                    let c = class.representative();
                    out.extend(std::iter::repeat_n(c, *count));
                }
            }
        }
        if let Some(tail) = &self.tail {
            let fixed = out.chars().count();
            let wanted = tail.min.max(1).max(min_chars.saturating_sub(fixed));
            let count = tail.max.map_or(wanted, |max| wanted.min(max));
            out.extend(std::iter::repeat_n(tail.class.representative(), count));
        }
        out
    }

    /// Says in words what a matching value looks like, for error messages.
    pub fn describe(&self) -> String {
        let mut parts: Vec<String> = self
            .pieces
            .iter()
            .map(|piece| match piece {
                Piece::Literal(bytes) => format!("`{}`", String::from_utf8_lossy(bytes)),
                Piece::Class { class, count } => format!("{count} {}", class.describe(*count != 1)),
            })
            .collect();
        if let Some(tail) = &self.tail {
            let class = &tail.class;
            parts.push(match (tail.min, tail.max) {
                (0, None) => format!("any number of {}", class.describe(true)),
                (min, None) => format!("at least {min} {}", class.describe(min != 1)),
                (min, Some(max)) if min == max => format!("{min} {}", class.describe(min != 1)),
                (min, Some(max)) => format!("{min} to {max} {}", class.describe(true)),
            });
        }
        if parts.is_empty() {
            return "an empty string".to_owned();
        }
        parts.join(" followed by ")
    }
}

impl ByteClass {
    fn describe(&self, plural: bool) -> String {
        let noun = |one: &str, many: &str| {
            if plural {
                many.to_owned()
            } else {
                one.to_owned()
            }
        };
        if self.is_any_but_newline() {
            return noun("character", "characters");
        }
        if self.non_ascii {
            return noun("character", "characters") + " (not `" + &self.set_notation() + "`)";
        }
        match self.ranges.as_slice() {
            [(b'0', b'9'), (b'A', b'F'), (b'a', b'f')] => {
                noun("hexadecimal digit", "hexadecimal digits")
            }
            [(b'0', b'9')] => noun("digit", "digits"),
            [(b'0', b'9'), (b'A', b'Z'), (b'a', b'z')] => {
                noun("letter or digit", "letters or digits")
            }
            [(b'a', b'z')] => noun("lowercase letter", "lowercase letters"),
            _ => format!(
                "{} from {}",
                noun("character", "characters"),
                self.set_notation()
            ),
        }
    }

    /// `[0-9a-f]` notation; for classes that include non-ASCII, the ASCII bytes they exclude.
    fn set_notation(&self) -> String {
        let shown: Vec<(u8, u8)> = if self.non_ascii {
            self.excluded_ascii()
        } else {
            self.ranges.clone()
        };
        let body: String = shown
            .iter()
            .map(|&(lo, hi)| {
                if lo == hi {
                    printable(lo)
                } else {
                    format!("{}-{}", printable(lo), printable(hi))
                }
            })
            .collect();
        format!("[{body}]")
    }

    fn excluded_ascii(&self) -> Vec<(u8, u8)> {
        let mut out = Vec::new();
        let mut next = 0u8;
        for &(lo, hi) in &self.ranges {
            if lo > next {
                out.push((next, lo - 1));
            }
            next = hi.saturating_add(1);
        }
        if next <= 0x7f {
            out.push((next, 0x7f));
        }
        out
    }

    /// Whether the ASCII byte `b` is in the class (a byte of a non-ASCII character is not).
    fn contains_ascii(&self, b: u8) -> bool {
        self.ranges.iter().any(|&(lo, hi)| (lo..=hi).contains(&b))
    }

    /// Whether the character `c` is in the class.
    pub fn contains(&self, c: char) -> bool {
        match u8::try_from(c) {
            Ok(b) if b < 0x80 => self.contains_ascii(b),
            _ => self.non_ascii,
        }
    }

    /// The most ordinary character of the class, for sample values: a lowercase letter, a
    /// digit or an uppercase letter if it has one (the first in byte order), else its first
    /// printable character, else `é` for a class of only non-ASCII characters.
    pub fn representative(&self) -> char {
        let preferred = [b'a'..=b'z', b'0'..=b'9', b'A'..=b'Z', b'!'..=b'~'];
        preferred
            .into_iter()
            .flatten()
            .find(|&b| self.contains_ascii(b))
            .or_else(|| self.ranges.first().map(|&(lo, _)| lo))
            .map_or('é', char::from)
    }

    /// Whether this is `.`: every character but a line feed.
    pub fn is_any_but_newline(&self) -> bool {
        self.non_ascii && self.ranges == [(0, b'\n' - 1), (b'\n' + 1, 0x7f)]
    }

    /// Whether this is exactly `[0-9A-Fa-f]`.
    pub fn is_hex_digit(&self) -> bool {
        !self.non_ascii && self.ranges == [(b'0', b'9'), (b'A', b'F'), (b'a', b'f')]
    }
}

/// The strings an ID type accepts: its pattern and its `minLength`/`maxLength`, as one
/// language, so two versions can be compared (`cargo xtask diff` calls a narrower one a
/// breaking change).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Language {
    /// The allowed characters at each fixed position.
    fixed: Vec<CharSet>,
    /// The allowed characters after the fixed positions, if the pattern has a tail.
    tail: Option<CharSet>,
    /// Fewest characters.
    min: usize,
    /// Most characters.
    max: Option<usize>,
}

/// The characters allowed at one position: ASCII as a bit set, plus all of non-ASCII or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct CharSet {
    ascii: u128,
    non_ascii: bool,
}

impl CharSet {
    fn from_class(class: &ByteClass) -> Self {
        let mut ascii = 0u128;
        for &(lo, hi) in &class.ranges {
            for byte in lo..=hi.min(0x7f) {
                ascii |= 1u128 << byte;
            }
        }
        CharSet {
            ascii,
            non_ascii: class.non_ascii,
        }
    }

    fn is_subset_of(self, other: CharSet) -> bool {
        self.ascii & !other.ascii == 0 && (!self.non_ascii || other.non_ascii)
    }
}

const EMPTY: CharSet = CharSet {
    ascii: 0,
    non_ascii: false,
};

impl Language {
    /// The language of a compiled pattern with optional length bounds (in characters). `None`
    /// when the pattern has non-ASCII literal text, which this comparison does not model.
    pub fn new(
        check: &PatternCheck,
        min_length: Option<usize>,
        max_length: Option<usize>,
    ) -> Option<Self> {
        let mut fixed = Vec::new();
        for piece in &check.pieces {
            match piece {
                Piece::Literal(bytes) => {
                    for &byte in bytes {
                        if byte >= 0x80 {
                            return None;
                        }
                        fixed.push(CharSet {
                            ascii: 1u128 << byte,
                            non_ascii: false,
                        });
                    }
                }
                Piece::Class { class, count } => {
                    fixed.extend(std::iter::repeat_n(CharSet::from_class(class), *count))
                }
            }
        }
        let (pattern_min, pattern_max) = check.char_len();
        let min = pattern_min.max(min_length.unwrap_or(0));
        let max = match (pattern_max, max_length) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        let tail = check.tail.as_ref().map(|t| CharSet::from_class(&t.class));
        Some(Language {
            fixed,
            tail,
            min,
            max,
        })
    }

    fn at(&self, index: usize) -> CharSet {
        match self.fixed.get(index) {
            Some(set) => *set,
            None => self.tail.unwrap_or(EMPTY),
        }
    }

    /// Whether every string this language accepts, `other` accepts too.
    pub fn is_subset_of(&self, other: &Language) -> bool {
        let lengths_fit = self.min >= other.min
            && match (self.max, other.max) {
                (_, None) => true,
                (Some(mine), Some(theirs)) => mine <= theirs,
                (None, Some(_)) => false,
            };
        if !lengths_fit {
            return false;
        }
        // Past both fixed parts every position is tail against tail, so one more index covers
        // all of them.
        let horizon = self.fixed.len().max(other.fixed.len()) + 1;
        let positions = self.max.map_or(horizon, |max| max.min(horizon));
        (0..positions).all(|index| self.at(index).is_subset_of(other.at(index)))
    }
}

fn printable(byte: u8) -> String {
    match byte {
        b'\n' => "\\n".to_owned(),
        b if b.is_ascii_graphic() => (b as char).to_string(),
        b => format!("\\x{b:02X}"),
    }
}

/// Compiles `pattern`, or says why it cannot be compiled.
pub fn compile(pattern: &str) -> Result<PatternCheck, String> {
    // Byte mode without Unicode classes: `\d` means [0-9] as in the ECMA regexes OpenAPI uses.
    let hir = regex_syntax::ParserBuilder::new()
        .unicode(false)
        .utf8(false)
        .build()
        .parse(pattern)
        .map_err(|e| {
            format!(
                "invalid pattern `{pattern}`: {}",
                first_line(&e.to_string())
            )
        })?;
    let items = match hir.kind() {
        HirKind::Concat(items) => items.clone(),
        _ => vec![hir.clone()],
    };
    let unsupported = |why: &str| {
        format!(
            "unsupported pattern `{pattern}`: {why} (supported: `^`, literal text and fixed-length ASCII classes, \
             then at most one repeated class, then `$`)"
        )
    };
    let (first, last) = (items.first(), items.last());
    let anchored = matches!(first.map(Hir::kind), Some(HirKind::Look(Look::Start)))
        && matches!(last.map(Hir::kind), Some(HirKind::Look(Look::End)))
        && items.len() >= 2;
    if !anchored {
        return Err(unsupported("it must start with `^` and end with `$`"));
    }
    let body = &items[1..items.len() - 1];
    let mut pieces = Vec::new();
    let mut tail = None;
    for (index, item) in body.iter().enumerate() {
        let is_last = index + 1 == body.len();
        let (class_or_literal, min, max) = match unwrap_capture(item).kind() {
            HirKind::Literal(literal) => {
                pieces.push(Piece::Literal(literal.0.to_vec()));
                continue;
            }
            HirKind::Class(class) => (byte_class(class), 1, Some(1)),
            HirKind::Repetition(rep) => {
                let class = match unwrap_capture(&rep.sub).kind() {
                    HirKind::Class(class) => byte_class(class),
                    HirKind::Literal(literal) if literal.0.len() == 1 => Ok(ByteClass {
                        ranges: vec![(literal.0[0], literal.0[0])],
                        non_ascii: false,
                    }),
                    _ => {
                        return Err(unsupported(
                            "only a single character or class can be repeated",
                        ));
                    }
                };
                (class, rep.min as usize, rep.max.map(|m| m as usize))
            }
            HirKind::Empty => continue,
            HirKind::Look(_) => return Err(unsupported("anchors are only allowed at the ends")),
            HirKind::Alternation(_) => {
                return Err(unsupported("alternation (`|`) is not supported"));
            }
            _ => return Err(unsupported("this construct is not supported")),
        };
        let class = class_or_literal.map_err(|why: String| unsupported(&why))?;
        if max == Some(min) && !class.non_ascii {
            pieces.push(Piece::Class { class, count: min });
        } else if is_last {
            tail = Some(Tail { class, min, max });
        } else {
            return Err(unsupported(
                "only the last part may vary in length or match non-ASCII characters",
            ));
        }
    }
    Ok(PatternCheck { pieces, tail })
}

fn unwrap_capture(hir: &Hir) -> &Hir {
    match hir.kind() {
        HirKind::Capture(capture) => unwrap_capture(&capture.sub),
        _ => hir,
    }
}

/// Converts a byte class; high bytes must be all-or-nothing (all means "any non-ASCII character").
fn byte_class(class: &Class) -> Result<ByteClass, String> {
    let Class::Bytes(bytes) = class else {
        return Err("Unicode classes are not supported".to_owned());
    };
    let mut ranges = Vec::new();
    let mut high = Vec::new();
    for range in bytes.ranges() {
        let (lo, hi) = (range.start(), range.end());
        if hi < 0x80 {
            ranges.push((lo, hi));
        } else if lo >= 0x80 {
            high.push((lo, hi));
        } else {
            ranges.push((lo, 0x7f));
            high.push((0x80, hi));
        }
    }
    let non_ascii = match high.as_slice() {
        [] => false,
        [(0x80, 0xff)] => true,
        _ => return Err("classes may include all non-ASCII characters or none".to_owned()),
    };
    Ok(ByteClass { ranges, non_ascii })
}

fn first_line(message: &str) -> String {
    message
        .lines()
        .rfind(|l| !l.trim().is_empty())
        .unwrap_or(message)
        .trim()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twilio_sid_is_a_literal_and_32_hex_digits() {
        let check = compile("^AC[0-9a-fA-F]{32}$").unwrap();
        assert_eq!(check.fixed_len(), 34);
        assert!(check.tail.is_none());
        assert_eq!(check.describe(), "`AC` followed by 32 hexadecimal digits");
        assert_eq!(check.char_len(), (34, Some(34)));
    }

    #[test]
    fn prefixed_id_has_an_any_character_tail() {
        let check = compile("^aia_msg_.+$").unwrap();
        assert_eq!(check.pieces, vec![Piece::Literal(b"aia_msg_".to_vec())]);
        let tail = check.tail.clone().unwrap();
        assert!(tail.class.is_any_but_newline());
        assert_eq!((tail.min, tail.max), (1, None));
        assert_eq!(
            check.describe(),
            "`aia_msg_` followed by at least 1 character"
        );
    }

    /// Patterns of every shape the compiler accepts.
    const SHAPES: &[&str] = &[
        "^AC[0-9a-fA-F]{32}$",
        "^UA[0-9a-f]{32}$",
        "^aia_msg_.+$",
        "^aia_asst_.*$",
        "^conv_[a-z0-9]{4,}$",
        r"^\d{3}$",
        "^[A-Z]{2}[0-9]{2}x?$",
        "^sess_[^/]+$",
        "^(ZZ)[0-9A-Z]{1,3}$",
        "^$",
    ];

    #[test]
    fn samples_match_their_pattern_by_the_check_and_by_the_regex_crate() {
        for pattern in SHAPES {
            let check = compile(pattern).unwrap();
            let value = check.sample(0);
            assert!(
                check.matches(&value),
                "{pattern}: {value:?} fails the check"
            );
            let regex = regex::Regex::new(pattern).unwrap();
            assert!(
                regex.is_match(&value),
                "{pattern}: {value:?} fails the regex"
            );
        }
        let sample = |pattern: &str, min| compile(pattern).unwrap().sample(min);
        assert_eq!(
            sample("^AC[0-9a-fA-F]{32}$", 0),
            format!("AC{}", "a".repeat(32))
        );
        assert_eq!(sample("^aia_msg_.+$", 0), "aia_msg_a");
        assert_eq!(
            sample("^aia_asst_.*$", 0),
            "aia_asst_a",
            "an empty tail is avoided"
        );
        assert_eq!(sample("^conv_[a-z0-9]{4,}$", 0), "conv_aaaa");
        assert_eq!(sample(r"^\d{3}$", 0), "000");
        assert_eq!(sample("^[A-Z]{2}[0-9]{2}x?$", 0), "AA00x");
        assert_eq!(
            sample("^sess_.+$", 12),
            "sess_aaaaaaa",
            "a minimum length lengthens the tail"
        );
        assert_eq!(
            sample("^aia_msg_.{1,3}$", 20),
            "aia_msg_aaa",
            "but never past its maximum"
        );
    }

    #[test]
    fn compiled_checks_agree_with_the_regex_crate() {
        let values = [
            "",
            "AC",
            "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "ACAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "ACgggggggggggggggggggggggggggggggg",
            "UA0123456789abcdef0123456789abcdef",
            "aia_msg_",
            "aia_msg_x",
            "aia_msg_é",
            "aia_msg_a\nb",
            "aia_asst_",
            "conv_abcd",
            "conv_ab",
            "123",
            "1234",
            "AB12",
            "AB12x",
            "AB12xx",
            "sess_a/b",
            "sess_ab",
            "ZZ1",
            "ZZ1234",
        ];
        for pattern in SHAPES {
            let check = compile(pattern).unwrap();
            let regex = regex::Regex::new(pattern).unwrap();
            for value in values {
                assert_eq!(
                    check.matches(value),
                    regex.is_match(value),
                    "{pattern} on {value:?}"
                );
            }
        }
    }

    fn language(pattern: &str, min: Option<usize>, max: Option<usize>) -> Language {
        Language::new(&compile(pattern).unwrap(), min, max).unwrap()
    }

    #[test]
    fn languages_compare_by_the_strings_they_accept() {
        let sid = language("^AC[0-9a-fA-F]{32}$", Some(34), Some(34));
        let lower = language("^AC[0-9a-f]{32}$", None, None);
        let prefix = language("^AC.+$", None, None);
        let other_prefix = language("^AB[0-9a-fA-F]{32}$", None, None);
        assert!(
            lower.is_subset_of(&sid) && !sid.is_subset_of(&lower),
            "lowercase only is narrower"
        );
        assert!(
            sid.is_subset_of(&prefix) && !prefix.is_subset_of(&sid),
            "any tail is wider"
        );
        assert!(!sid.is_subset_of(&other_prefix) && !other_prefix.is_subset_of(&sid));
        assert!(
            sid.is_subset_of(&language("^AC[0-9A-Fa-f]{32}$", None, None)),
            "same set, other spelling"
        );
        let msg = language("^aia_msg_.+$", None, None);
        assert!(language("^aia_msg_.{1,10}$", None, None).is_subset_of(&msg));
        assert!(!msg.is_subset_of(&language("^aia_msg_.{1,10}$", None, None)));
        assert!(language("^aia_msg_.+$", None, Some(20)).is_subset_of(&msg));
        assert!(
            !language("^aia_msg_.*$", None, None).is_subset_of(&msg),
            "an empty tail is new"
        );
    }

    #[test]
    fn unsupported_and_invalid_patterns_say_why() {
        assert!(compile("^(ab|cd)$").unwrap_err().contains("alternation"));
        assert!(
            compile("AC[0-9]+")
                .unwrap_err()
                .contains("must start with `^`")
        );
        assert!(
            compile("^[a-z]+[0-9]{2}$")
                .unwrap_err()
                .contains("only the last part")
        );
        assert!(
            compile("^AC[0-9$")
                .unwrap_err()
                .starts_with("invalid pattern")
        );
    }
}
