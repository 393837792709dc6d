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
/// Twilio's range filters keep their meaning: `StartTime<` -> `start_time_before`,
/// `StartTime>` -> `start_time_after`, `<=` and `>=` -> `_on_or_before` / `_on_or_after`.
pub fn snake_name(raw: &str) -> String {
    let worded = comparison_words(raw);
    legal(worded.to_snake_case(), "value", "n")
}

/// Spells out a trailing comparison (`StartTime<` -> `StartTime Before`).
fn comparison_words(raw: &str) -> String {
    for (suffix, word) in [
        ("<=", " OnOrBefore"),
        (">=", " OnOrAfter"),
        ("<", " Before"),
        (">", " After"),
    ] {
        if let Some(stem) = raw.strip_suffix(suffix) {
            return format!("{stem}{word}");
        }
    }
    raw.to_owned()
}

/// `base`, or `base_2`, `base_3`, … : the first that `taken` does not claim. Names that
/// collide after casing (`FriendlyName` and `friendly_name`) keep their spec order.
pub fn unique(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_owned();
    }
    let separator = if base.ends_with(|c: char| c.is_ascii_digit())
        || base.contains('_')
        || base.starts_with(|c: char| c.is_ascii_lowercase())
    {
        "_"
    } else {
        ""
    };
    (2..)
        .map(|n| format!("{base}{separator}{n}"))
        .find(|candidate| !taken(candidate))
        .unwrap_or_else(|| base.to_owned())
}

/// Module names a spec file cannot take, as the generated crate uses them itself: `lib`
/// (`src/lib.rs`), `runtime` (the runtime crate's name inside it), and the methods a user calls
/// on its `Client` (each module is also an accessor method on `Client`, `client.assistants_v1()`,
/// which would hide a method of the same name).
pub const RESERVED_MODULES: &[&str] = &[
    "lib",
    "runtime",
    "account_sid",
    "builder",
    "clone",
    "from_env",
];

/// The module name of a spec file: its stem in snake case, without Twilio's `twilio_` prefix
/// (`twilio_events_v1.yaml` -> `events_v1`).
pub fn module_name(file: &str) -> String {
    let stem = file.trim_end_matches(".yaml").trim_end_matches(".yml");
    let stem = stem
        .strip_prefix("twilio_")
        .filter(|s| !s.is_empty())
        .unwrap_or(stem);
    snake_name(stem)
}

/// A component name without its API's own prefix: `events.v1.sink` in module `events_v1`
/// is `sink`. `None` when the name does not start with the module's parts.
pub fn strip_api_prefix<'a>(name: &'a str, module: &str) -> Option<&'a str> {
    // Compared without separators: `ip_messaging.v2.service` is in module `ip_messaging_v2`.
    let letters = |text: &str| -> String {
        text.chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    let module = letters(module);
    name.match_indices('.')
        .map(|(at, _)| (&name[..at], &name[at + 1..]))
        .find(|(prefix, _)| letters(prefix) == module)
        .map(|(_, rest)| rest)
        .filter(|rest| !rest.is_empty())
}

/// Makes a cased name a legal identifier: a stand-in for an empty name, a prefix before a
/// leading digit, and `_` after a keyword.
fn legal(name: String, empty: &str, digit_prefix: &str) -> String {
    // heck keeps every alphanumeric character, but only XID ones may be in an identifier:
    // numbers such as `²` or `𖭛` are dropped.
    let name: String = name
        .chars()
        .filter(|&c| c == '_' || unicode_ident::is_xid_continue(c))
        .collect();
    let name = if name.trim_matches('_').is_empty() {
        empty.to_owned()
    } else {
        name
    };
    // A digit (`3`, `٣`) cannot start one.
    let name = if name.starts_with(|c: char| c != '_' && !unicode_ident::is_xid_start(c)) {
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

/// The variant name of a success status in an operation's outcome enum (`201` -> `Created`).
pub fn status_name(status: u16) -> String {
    match status {
        200 => "Ok".to_owned(),
        201 => "Created".to_owned(),
        202 => "Accepted".to_owned(),
        203 => "NonAuthoritative".to_owned(),
        204 => "NoContent".to_owned(),
        205 => "ResetContent".to_owned(),
        206 => "PartialContent".to_owned(),
        207 => "MultiStatus".to_owned(),
        other => format!("Status{other}"),
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
        assert_eq!(snake_name("StartTime<"), "start_time_before");
        assert_eq!(snake_name("StartTime>"), "start_time_after");
        assert_eq!(snake_name("DateCreated<="), "date_created_on_or_before");
        assert_eq!(snake_name("Sip.Username"), "sip_username");
        assert_eq!(
            snake_name("X-Twilio-Webhook-Enabled"),
            "x_twilio_webhook_enabled"
        );
        assert_eq!(snake_name("3dSecure"), "n3d_secure");
        // Found by tests/properties.rs: alphanumeric characters that no identifier may hold
        // (they panicked in `Ident::new`), and non-ASCII characters that may not start one.
        assert_eq!(type_name("𖭛"), "Value");
        assert_eq!(type_name("x²"), "X");
        assert_eq!(snake_name("ꨟ_ѩ_ப𖭞𐕅a"), "ꨟ_ѩ_ப𐕅a");
        assert_eq!(snake_name("٣abc"), "n٣abc");
        assert_eq!(type_name("٣abc"), "V٣abc");
        assert_eq!(snake_name("__"), "value");
        assert_eq!(module_name("twilio_events_v1.yaml"), "events_v1");
        assert_eq!(module_name("assistants_v1.yaml"), "assistants_v1");
        assert_eq!(
            strip_api_prefix("events.v1.sink", "events_v1"),
            Some("sink")
        );
        assert_eq!(strip_api_prefix("sink_enum_status", "events_v1"), None);
        assert_eq!(
            strip_api_prefix("ip_messaging.v2.service.binding", "ip_messaging_v2"),
            Some("service.binding")
        );
        assert_eq!(unique("sid", |c| c == "sid"), "sid_2");
        assert_eq!(unique("Sink", |c| c == "Sink"), "Sink2");
    }
}
