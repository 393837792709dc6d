//! Value changes: an enum's values (a respelled one is one line) and an ID type's pattern and
//! length bounds, with the one rule for bounds that input bounds use too.

use std::collections::BTreeSet;

use generator::model::{Enum, IdType, TypeName};
use generator::pattern::Language;

use super::change::{Changes, Class, Impact, Kind, Location, Subject, member};

/// Enum values, matched by wire text; a value whose spelling alone changed (`approved` ->
/// `APPROVED`, `not_participating` -> `notParticipating`: the same variant) is one line.
pub(super) fn compare_values(
    out: &mut Changes,
    module: &str,
    item: &TypeName,
    here: &Location,
    (old, new): (&Enum, &Enum),
) {
    let (old_values, new_values) = (old.texts(), new.texts());
    let old_wires: BTreeSet<&str> = old_values.iter().map(|v| v.0.as_str()).collect();
    let new_wires: BTreeSet<&str> = new_values.iter().map(|v| v.0.as_str()).collect();
    let gone: Vec<&(String, &str)> = old_values
        .iter()
        .filter(|v| !new_wires.contains(v.0.as_str()))
        .collect();
    let came: Vec<&(String, &str)> = new_values
        .iter()
        .filter(|v| !old_wires.contains(v.0.as_str()))
        .collect();
    let respelled = |wire: &str, variant: &str| {
        came.iter()
            .find(|(new_wire, new_variant)| {
                *new_variant == variant || new_wire.eq_ignore_ascii_case(wire)
            })
            .map(|(new_wire, _)| new_wire.as_str())
    };
    for (wire, variant) in &gone {
        match respelled(wire, variant) {
            Some(now) => out.push(
                Class::breaking(Kind::WireValueChanged, Impact::Wire),
                module,
                member(item, variant),
                format!("enum value `{wire}` is now `{now}` on the wire"),
                here.clone(),
            ),
            None => out.push(
                Class::breaking(Kind::Removed, Impact::Wire),
                module,
                member(item, variant),
                format!("enum value `{wire}` removed"),
                here.clone(),
            ),
        }
    }
    for (wire, variant) in &came {
        let was_respelled = gone
            .iter()
            .any(|(old_wire, old_variant)| respelled(old_wire, old_variant) == Some(wire.as_str()));
        if !was_respelled {
            out.push(
                Class::compatible(Kind::Added, Impact::Wire),
                module,
                member(item, variant),
                format!("enum value `{wire}` added"),
                here.clone(),
            );
        }
    }
}

/// An ID type's pattern and length bounds, each said apart.
pub(super) fn compare_ids(
    out: &mut Changes,
    module: &str,
    item: &TypeName,
    here: &Location,
    (old, new): (&IdType, &IdType),
) {
    let mut push = |class: Class, message: String| {
        out.push(
            class,
            module,
            Subject::Type(item.clone()),
            message,
            here.clone(),
        );
    };
    let languages = (
        Language::new(&old.check, None, None),
        Language::new(&new.check, None, None),
    );
    let accepts = match &languages {
        (Some(old_l), Some(new_l)) => Some((new_l.is_subset_of(old_l), old_l.is_subset_of(new_l))),
        _ => None,
    };
    let same_pattern = accepts == Some((true, true)) || old.pattern == new.pattern;
    if !same_pattern {
        let (class, how) = match accepts {
            Some((true, false)) => (
                Class::breaking(Kind::PatternChanged, Impact::Wire),
                "tightened; IDs it accepted before are refused",
            ),
            Some((false, true)) => (
                Class::compatible(Kind::PatternChanged, Impact::Wire),
                "loosened; it accepts more IDs",
            ),
            Some(_) => (
                Class::breaking(Kind::PatternChanged, Impact::Wire),
                "changed; some IDs it accepted before are refused",
            ),
            None => (
                Class::breaking(Kind::PatternChanged, Impact::Wire),
                "changed",
            ),
        };
        push(
            class,
            format!("ID pattern `{}` -> `{}` {how}", old.pattern, new.pattern),
        );
    }
    let lengths = [
        (
            "ID minimum length",
            old.min_length,
            new.min_length,
            Bound::Min,
        ),
        (
            "ID maximum length",
            old.max_length,
            new.max_length,
            Bound::Max,
        ),
    ];
    for (what, before, after, bound) in lengths {
        if let Some((class, message)) = bound_change(what, before, after, bound) {
            push(class, message);
        }
    }
}

/// Which end of a range a bound is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Bound {
    /// A minimum: raising it refuses values.
    Min,
    /// A maximum: lowering it refuses values.
    Max,
}

/// The line for one bound that changed (`maximum 1000 -> 50 (tightened)`): breaking when it
/// accepts fewer values (requests that passed now fail before sending), else compatible.
pub(super) fn bound_change<T: PartialOrd + std::fmt::Display>(
    what: &str,
    before: Option<T>,
    after: Option<T>,
    bound: Bound,
) -> Option<(Class, String)> {
    if before == after {
        return None;
    }
    let tightened = match (&before, &after) {
        (_, None) => false,
        (None, Some(_)) => true,
        (Some(a), Some(b)) => match bound {
            Bound::Min => b > a,
            Bound::Max => b < a,
        },
    };
    let text = |v: &Option<T>| v.as_ref().map_or_else(|| "none".to_owned(), T::to_string);
    let message = format!("{what} {} -> {}", text(&before), text(&after));
    Some(if tightened {
        (
            Class::breaking(Kind::BoundChanged, Impact::Wire),
            format!("{message} (tightened)"),
        )
    } else {
        (
            Class::compatible(Kind::BoundChanged, Impact::Wire),
            format!("{message} (loosened)"),
        )
    })
}
