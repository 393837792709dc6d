//! The compiler: a pattern's HIR (read with ECMA meaning by [`super::ecma`]) lowered to a
//! [`Matcher`] of pieces, or the reason it stays unchecked.

use std::collections::BTreeSet;

use regex_syntax::hir::{Class, Hir, HirKind, Look};

use super::{CharClass, Matcher, PatternCheck, Piece, ecma};

/// An alternation is checked as a list of texts up to this many (Twilio's longest has 42).
const MAX_ALTERNATIVES: usize = 64;
/// Each variable-length piece multiplies the positions the generated search tries.
const MAX_VARIABLE_PIECES: usize = 3;

/// Compiles `pattern`. `Err` only for a pattern that is not a valid ECMA-262 regex; a valid one
/// the compiler cannot express becomes [`PatternCheck::Unchecked`].
pub fn compile(pattern: &str) -> Result<PatternCheck, String> {
    let hir = match ecma::parse(pattern) {
        Ok(hir) => hir,
        Err(ecma::Refusal::Invalid(why)) => {
            return Err(format!("invalid pattern `{pattern}`: {why}"));
        }
        Err(ecma::Refusal::Unsupported(reason)) => return Ok(PatternCheck::Unchecked { reason }),
    };
    Ok(match lower(&hir) {
        Ok(matcher) => PatternCheck::Checked(matcher),
        Err(reason) => PatternCheck::Unchecked { reason },
    })
}

/// Turns the HIR into a [`Matcher`], or says what it cannot express.
fn lower(hir: &Hir) -> Result<Matcher, String> {
    let mut items = Vec::new();
    flatten(hir, &mut items);
    let leading = items
        .iter()
        .take_while(|h| matches!(h.kind(), HirKind::Look(Look::Start)))
        .count();
    let body_end = items.len()
        - items[leading..]
            .iter()
            .rev()
            .take_while(|h| matches!(h.kind(), HirKind::Look(Look::End)))
            .count();
    let pieces = pieces_of(&items[leading..body_end])?;
    let variable = pieces.iter().filter(|p| !p.is_fixed_chars()).count();
    if variable > MAX_VARIABLE_PIECES {
        return Err(format!(
            "more than {MAX_VARIABLE_PIECES} variable-length parts"
        ));
    }
    Ok(Matcher {
        anchored_start: leading > 0,
        anchored_end: body_end < items.len(),
        pieces,
    })
}

/// The items of a sequence, with groups that are not repeated opened up.
fn flatten<'h>(hir: &'h Hir, out: &mut Vec<&'h Hir>) {
    match hir.kind() {
        HirKind::Concat(items) => items.iter().for_each(|item| flatten(item, out)),
        HirKind::Capture(capture) => flatten(&capture.sub, out),
        HirKind::Empty => {}
        _ => out.push(hir),
    }
}

fn pieces_of(items: &[&Hir]) -> Result<Vec<Piece>, String> {
    let mut pieces: Vec<Piece> = Vec::new();
    for item in items {
        let piece = match item.kind() {
            HirKind::Literal(literal) => Piece::Literal(text(&literal.0)?),
            HirKind::Class(class) => Piece::Class {
                class: char_class(class)?,
                min: 1,
                max: Some(1),
            },
            HirKind::Alternation(_) => match literal_set(item) {
                Some(alternatives) => Piece::OneOf(alternatives),
                None => {
                    return Err("an alternation whose branches are not literal text".to_owned());
                }
            },
            HirKind::Repetition(rep) => {
                let (min, max) = (rep.min as usize, rep.max.map(|m| m as usize));
                repetition(&rep.sub, min, max)?
            }
            HirKind::Look(_) => {
                return Err("an anchor or word boundary inside the pattern".to_owned());
            }
            // `flatten` has removed these.
            HirKind::Empty | HirKind::Concat(_) | HirKind::Capture(_) => continue,
        };
        // Adjacent literal text is one piece.
        if let (Some(Piece::Literal(previous)), Piece::Literal(next)) = (pieces.last_mut(), &piece)
        {
            previous.push_str(next);
            continue;
        }
        pieces.push(piece);
    }
    Ok(pieces)
}

fn repetition(sub: &Hir, min: usize, max: Option<usize>) -> Result<Piece, String> {
    let mut items = Vec::new();
    flatten(sub, &mut items);
    if let [item] = items.as_slice() {
        match item.kind() {
            HirKind::Class(class) => {
                return Ok(Piece::Class {
                    class: char_class(class)?,
                    min,
                    max,
                });
            }
            HirKind::Literal(literal) => {
                let literal = text(&literal.0)?;
                let mut chars = literal.chars();
                if let (Some(c), None) = (chars.next(), chars.next()) {
                    return Ok(if max == Some(min) {
                        Piece::Literal(literal.repeat(min))
                    } else {
                        Piece::Class {
                            class: CharClass {
                                ranges: vec![(c, c)],
                            },
                            min,
                            max,
                        }
                    });
                }
            }
            _ => {}
        }
    }
    let pieces = pieces_of(&items)?;
    if pieces.iter().any(|p| p.byte_width().is_none()) {
        return Err("a repeated group whose length varies".to_owned());
    }
    Ok(Piece::Group { pieces, min, max })
}

/// All the texts `hir` matches, when that is a short list (`(SM|MM)`, `ST(OP|ART)`).
fn literal_set(hir: &Hir) -> Option<Vec<String>> {
    let set = match hir.kind() {
        HirKind::Empty => vec![String::new()],
        HirKind::Literal(literal) => vec![String::from_utf8(literal.0.to_vec()).ok()?],
        HirKind::Capture(capture) => literal_set(&capture.sub)?,
        HirKind::Class(class) => {
            let class = char_class(class).ok()?;
            if class.len() > 16 {
                return None;
            }
            class.chars().map(String::from).collect()
        }
        HirKind::Concat(items) => {
            let mut set = vec![String::new()];
            for item in items {
                let next = literal_set(item)?;
                if set.len() * next.len() > MAX_ALTERNATIVES {
                    return None;
                }
                set = set
                    .iter()
                    .flat_map(|head| next.iter().map(move |tail| format!("{head}{tail}")))
                    .collect();
            }
            set
        }
        HirKind::Alternation(branches) => {
            let mut set: Vec<String> = Vec::new();
            for branch in branches {
                for text in literal_set(branch)? {
                    if !set.contains(&text) {
                        set.push(text);
                    }
                }
                if set.len() > MAX_ALTERNATIVES {
                    return None;
                }
            }
            set
        }
        HirKind::Repetition(rep) if rep.max == Some(rep.min) && rep.min <= 8 => {
            let one = literal_set(&rep.sub)?;
            let mut set = vec![String::new()];
            for _ in 0..rep.min {
                if set.len() * one.len() > MAX_ALTERNATIVES {
                    return None;
                }
                set = set
                    .iter()
                    .flat_map(|head| one.iter().map(move |tail| format!("{head}{tail}")))
                    .collect();
            }
            set
        }
        HirKind::Repetition(_) | HirKind::Look(_) => return None,
    };
    Some(set)
}

fn text(bytes: &[u8]) -> Result<String, String> {
    String::from_utf8(bytes.to_vec()).map_err(|_| "text that is not UTF-8".to_owned())
}

fn char_class(class: &Class) -> Result<CharClass, String> {
    let ranges: Vec<(char, char)> = match class {
        Class::Unicode(class) => class
            .ranges()
            .iter()
            .map(|r| (r.start(), r.end()))
            .collect(),
        Class::Bytes(class) => class
            .ranges()
            .iter()
            .map(|r| (char::from(r.start()), char::from(r.end())))
            .collect(),
    };
    if ranges.is_empty() {
        return Err("a character class that matches nothing".to_owned());
    }
    Ok(CharClass { ranges })
}

impl Piece {
    /// Whether every text this piece matches has the same number of characters.
    fn is_fixed_chars(&self) -> bool {
        match self {
            Piece::Literal(_) => true,
            Piece::Class { min, max, .. } | Piece::Group { min, max, .. } => *max == Some(*min),
            Piece::OneOf(texts) => {
                let count = |t: &String| t.chars().count();
                texts.iter().map(count).collect::<BTreeSet<_>>().len() <= 1
            }
        }
    }
}
