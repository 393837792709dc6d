//! What a compiled pattern accepts, as the generated `matches` decides, and a sample value
//! that it accepts (for mock requests and tests).

use super::language::Nfa;
use super::{Matcher, PatternCheck, Piece};

impl PatternCheck {
    /// Whether `value` matches, as the generated `matches` decides: an unchecked pattern
    /// accepts every value.
    pub fn matches(&self, value: &str) -> bool {
        self.matcher().is_none_or(|matcher| matcher.matches(value))
    }

    /// A value that matches (see [`Matcher::sample`]); `None` for an unchecked pattern, whose
    /// values the generator cannot make.
    pub fn sample(&self, min_chars: usize) -> Option<String> {
        self.matcher().map(|matcher| matcher.sample(min_chars))
    }
}

impl Matcher {
    /// Whether `value` matches (searched for, unless anchored).
    pub fn matches(&self, value: &str) -> bool {
        let nfa = Nfa::of(self);
        let mut states = nfa.closure(vec![nfa.start]);
        for c in value.chars() {
            states = nfa.step(&states, c);
            if states.is_empty() {
                return false;
            }
        }
        states.contains(&nfa.accept)
    }

    /// A value that matches, for mock requests and tests: literal text as written, the first
    /// alternative, each class's most ordinary character (see [`CharClass::representative`])
    /// repeated its minimum number of times but at least once where it may be (an empty tail
    /// is a corner case servers mishandle), groups their minimum number of times. When the
    /// result is shorter than `min_chars` (an ID type's `minLength`), the last class that may
    /// repeat more grows, or a value not anchored at its end gets more characters.
    ///
    /// [`CharClass::representative`]: super::CharClass::representative
    pub fn sample(&self, min_chars: usize) -> String {
        let mut counts: Vec<usize> = self
            .pieces
            .iter()
            .map(|piece| match piece {
                Piece::Class { min: 0, max, .. } if *max != Some(0) => 1,
                Piece::Class { min, .. } | Piece::Group { min, .. } => *min,
                Piece::Literal(_) | Piece::OneOf(_) => 1,
            })
            .collect();
        let length = |counts: &[usize]| -> usize {
            self.pieces
                .iter()
                .zip(counts)
                .map(|(piece, &count)| match piece {
                    Piece::Literal(text) => text.chars().count(),
                    Piece::OneOf(texts) => texts.first().map_or(0, |t| t.chars().count()),
                    Piece::Class { .. } => count,
                    Piece::Group { pieces, .. } => {
                        Matcher {
                            anchored_start: true,
                            anchored_end: true,
                            pieces: pieces.clone(),
                        }
                        .char_len()
                        .0 * count
                    }
                })
                .sum()
        };
        for index in (0..self.pieces.len()).rev() {
            let short = min_chars.saturating_sub(length(&counts));
            if short == 0 {
                break;
            }
            if let Piece::Class { max, .. } = &self.pieces[index] {
                let room = max.map_or(short, |max| max.saturating_sub(counts[index]));
                counts[index] += short.min(room);
            }
        }
        let mut out = String::new();
        for (piece, &count) in self.pieces.iter().zip(&counts) {
            match piece {
                Piece::Literal(text) => out.push_str(text),
                Piece::OneOf(texts) => out.push_str(texts.first().map_or("", String::as_str)),
                Piece::Class { class, .. } => {
                    out.extend(std::iter::repeat_n(class.representative(), count));
                }
                Piece::Group { pieces, .. } => {
                    let body = Matcher {
                        anchored_start: true,
                        anchored_end: true,
                        pieces: pieces.clone(),
                    }
                    .sample(0);
                    out.push_str(&body.repeat(count));
                }
            }
        }
        if !self.anchored_end {
            let short = min_chars.saturating_sub(out.chars().count());
            out.extend(std::iter::repeat_n('a', short));
        }
        out
    }
}
