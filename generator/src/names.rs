//! Every Rust identifier the generator writes is made here, with heck, so naming rules (case,
//! keywords, leading digits) live in one place.

use heck::{ToSnakeCase, ToUpperCamelCase};

const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "try", "typeof", "unsized", "virtual", "yield",
];

/// A type or variant name: `list_sessions_response` -> `ListSessionsResponse`.
pub fn type_name(raw: &str) -> String {
    legal(raw.to_upper_camel_case(), "Value", "V")
}

/// A field, method, parameter or module name: `PageSize` -> `page_size`, `type` -> `type_`.
pub fn snake_name(raw: &str) -> String {
    legal(raw.to_snake_case(), "value", "n")
}

/// Makes a cased name a legal identifier: a stand-in for an empty name, a prefix before a
/// leading digit, and `_` after a keyword.
fn legal(name: String, empty: &str, digit_prefix: &str) -> String {
    let name = if name.is_empty() {
        empty.to_owned()
    } else {
        name
    };
    let name = if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("{digit_prefix}{name}")
    } else {
        name
    };
    if KEYWORDS.contains(&name.as_str()) {
        format!("{name}_")
    } else {
        name
    }
}

/// The name of an enum variant for a wire value. `Unknown` is kept for the catch-all variant.
pub fn variant_name(wire: &str) -> String {
    let name = type_name(wire);
    if name == "Unknown" {
        "UnknownValue".to_owned()
    } else {
        name
    }
}

/// Names that request builders already use for their own methods.
pub const BUILDER_METHODS: &[&str] = &["send", "stream", "pages", "limit", "client", "request"];

/// A builder setter name for a parameter, avoiding the builder's own methods.
pub fn param_name(raw: &str) -> String {
    let name = snake_name(raw);
    if BUILDER_METHODS.contains(&name.as_str()) {
        format!("{name}_param")
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_rust_conventions() {
        assert_eq!(type_name("ListSessionsResponse"), "ListSessionsResponse");
        assert_eq!(type_name("assistants_v1"), "AssistantsV1");
        assert_eq!(variant_name("GROUP_BY_PROFILE"), "GroupByProfile");
        assert_eq!(variant_name("AI_AGENT"), "AiAgent");
        assert_eq!(variant_name("UNKNOWN"), "UnknownValue");
        assert_eq!(variant_name("2fa"), "V2fa");
        assert_eq!(snake_name("PageSize"), "page_size");
        assert_eq!(snake_name("accountId"), "account_id");
        assert_eq!(snake_name("type"), "type_");
        assert_eq!(snake_name("Self"), "self_");
        assert_eq!(param_name("Limit"), "limit_param");
    }
}
