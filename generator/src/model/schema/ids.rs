//! ID types: a string with a `pattern` becomes a checked ID type, shared per pattern, and
//! named by what the pattern says it identifies (see [`kind_name`]).

use serde_json::Value;

use super::{component_names, is_component};
use crate::model::draft::{Builder, IdKey, SHARED_MODULE};
use crate::model::{IdType, TypeId, TypeKind, TypeRef};
use crate::pattern::{CharClass, PatternCheck, Piece};
use crate::refs::Node;
use crate::{names, pattern};

impl Builder<'_> {
    /// The ID type of a string with a pattern: one per pattern (and length bounds) in a
    /// module, or in [`SHARED_MODULE`] when several modules use it.
    pub(super) fn id_type(
        &mut self,
        node: &Node,
        source: &str,
        hint: &str,
        usage: Option<&str>,
    ) -> Option<TypeRef> {
        let value = self.value(node);
        let check = match pattern::compile(source) {
            Ok(check) => check,
            Err(message) => {
                self.problem(&node.child("pattern"), message);
                return None;
            }
        };
        let key = IdKey::compiled(source, Some(&check), value);
        let own = self.module_of(&node.file);
        let module = if self.shared_patterns.contains(&key) {
            SHARED_MODULE.to_owned()
        } else {
            own
        };
        let component = is_component(node);
        if !component && let Some(&id) = self.ids.get(&(module.clone(), key.clone())) {
            self.note_id_usage(id, usage);
            return Some(TypeRef::Named(id));
        }
        let names = if component {
            component_names(node, &module)
        } else {
            vec![names::type_name(hint)]
        };
        let id = self.draft(module.clone(), names, node);
        if component {
            self.by_node.insert(node.clone(), id);
        }
        self.ids.entry((module, key.clone())).or_insert(id);
        let example = value
            .get("example")
            .and_then(Value::as_str)
            .map(str::to_owned);
        self.finish(
            id,
            TypeKind::Id(IdType {
                pattern: source.to_owned(),
                check,
                min_length: key.min_length,
                max_length: key.max_length,
                example,
            }),
        );
        if !component {
            self.note_id_usage(id, usage);
        }
        Some(TypeRef::Named(id))
    }

    /// Counts a field or parameter name towards the name of an (inline) ID type.
    pub(super) fn note_id_usage(&mut self, id: TypeId, usage: Option<&str>) {
        let draft = &self.drafts[id.0];
        if draft.component || !matches!(draft.kind, Some(TypeKind::Id(_))) {
            return;
        }
        if let Some(usage) = usage {
            *self
                .id_names
                .entry(id)
                .or_default()
                .entry(names::type_name(usage))
                .or_default() += 1;
        }
    }
}

/// The name an ID pattern gives its type, from the pattern alone, so no other field sharing
/// the pattern, and no other pattern, can change it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(in crate::model) struct KindName {
    /// What the pattern identifies: Twilio's SID kinds are told apart by their prefix
    /// (`^AC[0-9a-fA-F]{32}$` -> `AcSid`, `^(SM|MM)[0-9a-fA-F]{32}$` -> `SmOrMmSid`); other
    /// prefixed IDs end in `Id` (`^aia_asst_.+$` -> `AiaAsstId`).
    pub base: String,
    /// How the pattern differs from the plain form of its kind (anchored at both ends, hex
    /// digits of either case): `Unanchored`, then `Lowercase`, `Uppercase` or `Alphanumeric`
    /// (`AC[0-9a-f]{32}` -> `AcSidUnanchoredLowercase`). They accept other values, so they
    /// are other types, and say so.
    pub variant: Vec<&'static str>,
}

impl KindName {
    /// The type's name: the base and the variant's words.
    pub fn name(&self) -> String {
        format!("{}{}", self.base, self.variant.concat())
    }
}

/// The kind name of a pattern (see [`KindName`]): by its literal prefix, else by its shape
/// (`^[A-Z]{2}[0-9a-fA-F]{32}$`, a SID of any kind, -> `AnySid`; `^[A-Z0-9]{6}$` ->
/// `UppercaseAlphanumeric6Text`). `None` for the few shapes neither covers, which are named
/// after the fields that use them.
pub(in crate::model) fn kind_name(check: &PatternCheck) -> Option<KindName> {
    let PatternCheck::Checked(matcher) = check else {
        return None;
    };
    let mut variant = Vec::new();
    if !(matcher.anchored_start && matcher.anchored_end) {
        variant.push("Unanchored");
    }
    let base = match matcher.pieces.as_slice() {
        [first, rest @ ..] if let Some(prefix) = literal_prefix(first) => {
            let suffix = match sid_digits(rest) {
                Some(digits) => {
                    variant.extend(digits);
                    "Sid"
                }
                None => "Id",
            };
            format!("{prefix}_{suffix}")
        }
        [
            Piece::Class {
                class: letters,
                min: 2,
                max: Some(2),
            },
            rest @ ..,
        ] if let Some(case) = letter_case(letters)
            && let Some(digits) = sid_digits(rest) =>
        {
            variant.extend(case);
            variant.extend(digits);
            "AnySid".to_owned()
        }
        [Piece::Class { class, min, max }] => {
            let length = match (*min, *max) {
                (min, Some(max)) if min == max => min.to_string(),
                (min, Some(max)) => format!("{min}To{max}"),
                (0 | 1, None) => String::new(),
                (min, None) => format!("{min}OrMore"),
            };
            format!("{}{length}Text", class_words(&class.ranges))
        }
        _ => return None,
    };
    Some(KindName {
        base: names::type_name(&base),
        variant,
    })
}

/// Literal text a pattern starts with, as a name (`AC`, `aia_asst_`, `SM` or `MM`).
fn literal_prefix(piece: &Piece) -> Option<String> {
    let word = |text: &str| {
        text.chars().any(|c| c.is_ascii_alphabetic())
            && text
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    };
    match piece {
        Piece::Literal(text) if word(text) => Some(text.clone()),
        Piece::OneOf(texts) if texts.len() <= 3 && texts.iter().all(|t| word(t)) => {
            Some(texts.join("Or"))
        }
        _ => None,
    }
}

/// Whether `rest` is a SID's 32 characters, and the word for them unless they are hex digits
/// of either case (Twilio's usual class).
fn sid_digits(rest: &[Piece]) -> Option<Option<&'static str>> {
    let [
        Piece::Class {
            class,
            min: 32,
            max: Some(32),
        },
    ] = rest
    else {
        return None;
    };
    let ranges: &[(char, char)] = &class.ranges;
    Some(match ranges {
        [('0', '9'), ('A', 'F'), ('a', 'f')] => None,
        [('0', '9'), ('a', 'f')] => Some("Lowercase"),
        [('0', '9'), ('A', 'F')] => Some("Uppercase"),
        _ => Some("Alphanumeric"),
    })
}

/// Whether a class is letters, and the word for them unless they are uppercase (a SID's
/// prefix).
fn letter_case(class: &CharClass) -> Option<Option<&'static str>> {
    let ranges: &[(char, char)] = &class.ranges;
    match ranges {
        [('A', 'Z')] => Some(None),
        [('A', 'Z'), ('a', 'z')] => Some(Some("AnyCasePrefix")),
        [('a', 'z')] => Some(Some("LowercasePrefix")),
        _ => None,
    }
}

/// What characters a class holds, in words.
fn class_words(ranges: &[(char, char)]) -> &'static str {
    match ranges {
        [('0', '9')] => "Digits",
        [('0', '9'), ('A', 'F'), ('a', 'f')] => "Hex",
        [('0', '9'), ('A', 'Z')] => "UppercaseAlphanumeric",
        [('0', '9'), ('a', 'z')] => "LowercaseAlphanumeric",
        [('0', '9'), ('A', 'Z'), ('a', 'z')] => "Alphanumeric",
        [('A', 'Z')] => "Uppercase",
        [('a', 'z')] => "Lowercase",
        [('A', 'Z'), ('a', 'z')] => "Letters",
        _ => "Restricted",
    }
}

#[cfg(test)]
mod tests {
    use super::kind_name;
    use crate::pattern::compile;

    #[test]
    fn id_types_are_named_by_their_pattern() {
        let name = |pattern: &str| kind_name(&compile(pattern).unwrap()).map(|k| k.name());
        assert_eq!(name("^AC[0-9a-fA-F]{32}$").as_deref(), Some("AcSid"));
        assert_eq!(name("^AC[0-9A-Fa-f]{32}$").as_deref(), Some("AcSid"));
        assert_eq!(
            name("AC[0-9a-f]{32}").as_deref(),
            Some("AcSidUnanchoredLowercase")
        );
        assert_eq!(
            name("^OQ[a-zA-Z0-9]{32}$").as_deref(),
            Some("OqSidAlphanumeric")
        );
        assert_eq!(
            name("^(SM|MM)[0-9a-fA-F]{32}$").as_deref(),
            Some("SmOrMmSid")
        );
        assert_eq!(name("^aia_asst_.+$").as_deref(), Some("AiaAsstId"));
        assert_eq!(
            name("^BU[0-9a-fA-F]{32}(,BU[0-9a-fA-F]{32}){0,19}$").as_deref(),
            Some("BuId")
        );
        assert_eq!(name("^[A-Z]{2}[0-9a-fA-F]{32}$").as_deref(), Some("AnySid"));
        assert_eq!(
            name("^[a-zA-Z]{2}[0-9a-fA-F]{32}$").as_deref(),
            Some("AnySidAnyCasePrefix")
        );
        assert_eq!(
            name("^[A-Z0-9]{6}$").as_deref(),
            Some("UppercaseAlphanumeric6Text")
        );
        assert_eq!(
            name("^[A-Z0-9]+$").as_deref(),
            Some("UppercaseAlphanumericText")
        );
        assert_eq!(
            name("^[0-9abcdefghjkmnpqrstvwxyz]{26}$").as_deref(),
            Some("Restricted26Text")
        );
        assert_eq!(name("^.+@.+$"), None);
    }
}
