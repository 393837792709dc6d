//! Character classes as sets: membership, complement, the ASCII part, and the most
//! ordinary member.

use super::CharClass;

impl CharClass {
    /// Whether every character of the class is ASCII.
    pub fn is_ascii(&self) -> bool {
        self.ranges.iter().all(|&(_, hi)| hi.is_ascii())
    }

    /// The ASCII part of the class, as byte ranges.
    pub fn ascii_ranges(&self) -> Vec<(u8, u8)> {
        self.ranges
            .iter()
            .filter(|(lo, _)| lo.is_ascii())
            .map(|&(lo, hi)| (lo as u8, hi.min('\x7f') as u8))
            .collect()
    }

    /// The characters not in the class, as ranges.
    pub fn complement(&self) -> Vec<(char, char)> {
        let mut out = Vec::new();
        let mut next = 0u32;
        for &(lo, hi) in &self.ranges {
            if (lo as u32) > next {
                push_range(&mut out, next, lo as u32 - 1);
            }
            next = hi as u32 + 1;
        }
        push_range(&mut out, next, char::MAX as u32);
        out
    }

    pub(super) fn len(&self) -> usize {
        self.ranges
            .iter()
            .map(|&(lo, hi)| hi as usize - lo as usize + 1)
            .sum()
    }

    pub(super) fn chars(&self) -> impl Iterator<Item = char> + '_ {
        self.ranges.iter().flat_map(|&(lo, hi)| lo..=hi)
    }

    pub(super) fn contains(&self, c: char) -> bool {
        self.ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi)
    }

    /// The most ordinary character of the class, for sample values: a lowercase letter, a
    /// digit or an uppercase letter if it has one, then one of `-_.~` (safe in URLs), then any
    /// printable ASCII character, then its first character.
    pub fn representative(&self) -> char {
        let preferred = ('a'..='z')
            .chain('0'..='9')
            .chain('A'..='Z')
            .chain(['-', '_', '.', '~'])
            .chain('!'..='~');
        preferred
            .into_iter()
            .find(|&c| self.contains(c))
            .or_else(|| self.ranges.first().map(|&(lo, _)| lo))
            .unwrap_or('a')
    }

    /// Whether this is `.`: every character but ECMA's line terminators.
    pub fn is_any_but_line_terminators(&self) -> bool {
        self.complement() == [('\n', '\n'), ('\r', '\r'), ('\u{2028}', '\u{2029}')]
    }
}

fn push_range(out: &mut Vec<(char, char)>, lo: u32, hi: u32) {
    // Surrogates are not characters: split around them.
    let (surrogates_lo, surrogates_hi) = (0xD800, 0xDFFF);
    let pieces = [
        (lo, hi.min(surrogates_lo - 1)),
        (lo.max(surrogates_hi + 1), hi),
    ];
    for (lo, hi) in pieces {
        if lo <= hi
            && let (Some(lo), Some(hi)) = (char::from_u32(lo), char::from_u32(hi))
        {
            out.push((lo, hi));
        }
    }
}
