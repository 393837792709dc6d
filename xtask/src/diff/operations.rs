//! Operation changes: hosts, operations, their requests (method, path, server, security,
//! body, `Accept`), outcomes, pagination and inputs.

use std::collections::BTreeMap;

use generator::model::{
    Api, AuthScheme, BodyEncoding, Check, ErrorResponse, Fallback, Input, InputLocation, Model,
    Module, Naming, NextPage, Operation, Outcome,
};

use super::change::{Changes, Class, DOCS, Impact, Kind, Location, Models, Side, Subject};
use super::types::marking_changes;
use super::values::{Bound, bound_change};

pub(super) fn compare_apis(
    out: &mut Changes,
    models: Models<'_>,
    module: &str,
    old: &Module,
    new: &Module,
) {
    match (&old.api, &new.api) {
        (None, None) => {}
        (Some(old_api), None) => {
            for op in &old_api.operations {
                operation_removed(out, module, old_api, op);
            }
        }
        (None, Some(new_api)) => {
            for op in &new_api.operations {
                operation_added(out, module, new_api, op);
            }
        }
        (Some(old_api), Some(new_api)) => {
            let (old_url, new_url) = (server_url(old_api), server_url(new_api));
            if old_url != new_url {
                out.push(
                    Class::breaking(Kind::RequestChanged, Impact::Wire),
                    module,
                    Subject::Accessor {
                        krate: models.head.crate_config.lib_name(),
                        module: module.to_owned(),
                    },
                    format!("host changed from `{}` to `{}`", old_url, new_url),
                    Location::of(&new_api.default_server().source, Side::Head),
                );
            }
            let old_ops: BTreeMap<&str, &Operation> = old_api
                .operations
                .iter()
                .map(|o| (o.id.as_str(), o))
                .collect();
            let new_ops: BTreeMap<&str, &Operation> = new_api
                .operations
                .iter()
                .map(|o| (o.id.as_str(), o))
                .collect();
            // An operation whose id alone changed (same method and path) is one renamed
            // method, then compared like any other.
            let request = |o: &Operation| (o.http_method, o.path.clone());
            let renamed: BTreeMap<&str, &Operation> = new_ops
                .iter()
                .filter(|(id, _)| !old_ops.contains_key(*id))
                .filter_map(|(_, op)| {
                    old_ops
                        .values()
                        .find(|o| !new_ops.contains_key(o.id.as_str()) && request(o) == request(op))
                        .map(|old_op| (op.id.as_str(), *old_op))
                })
                .collect();
            for (id, op) in &old_ops {
                let was_renamed = renamed.values().any(|o| o.id == *id);
                if !new_ops.contains_key(id) && !was_renamed {
                    operation_removed(out, module, old_api, op);
                }
            }
            for (id, op) in &new_ops {
                let before = old_ops.get(id).or_else(|| renamed.get(id));
                match before {
                    None => operation_added(out, module, new_api, op),
                    Some(old_op) => {
                        if old_op.id != op.id {
                            out.push(
                                Class::breaking(Kind::Renamed, Impact::Rust),
                                module,
                                method_item(module, new_api, op),
                                format!(
                                    "operation `{}` renamed to `{}` (`{}()` is now `{}()`)",
                                    old_op.id, op.id, old_op.method_name, op.method_name
                                ),
                                Location::of(&op.source, Side::Head),
                            );
                        }
                        compare_operation(out, models, module, (old_api, new_api), old_op, op)
                    }
                }
            }
        }
    }
}

fn server_url(api: &Api) -> String {
    api.default_server().url()
}

fn method_item(module: &str, api: &Api, op: &Operation) -> Subject {
    Subject::Method {
        module: module.to_owned(),
        handle: api.handle.clone(),
        method: op.method_name.clone(),
    }
}

fn operation_removed(out: &mut Changes, module: &str, api: &Api, op: &Operation) {
    operation_presence(out, module, api, op, Side::Base);
}

fn operation_added(out: &mut Changes, module: &str, api: &Api, op: &Operation) {
    operation_presence(out, module, api, op, Side::Head);
}

/// An operation only on one side: removed (breaking) or added (compatible).
fn operation_presence(out: &mut Changes, module: &str, api: &Api, op: &Operation, side: Side) {
    let (class, what) = match side {
        Side::Base => (Class::breaking(Kind::Removed, Impact::Wire), "removed"),
        Side::Head => (Class::compatible(Kind::Added, Impact::Wire), "added"),
    };
    let message = format!(
        "operation `{}` {what} ({} {})",
        op.id,
        op.http_method.as_str(),
        op.path
    );
    out.push(
        class,
        module,
        method_item(module, api, op),
        message,
        Location::of(&op.source, side),
    );
}

/// Every field of an operation is looked at: the destructuring has no `..`, so a field added
/// to the model does not compile here until its changes are classified.
fn compare_operation(
    out: &mut Changes,
    models: Models<'_>,
    module: &str,
    apis: (&Api, &Api),
    old: &Operation,
    new: &Operation,
) {
    let Operation {
        id: _,          // the key operations are matched by
        id_origin: _,   // a made-up id is matched like the spec's: both are the method's name
        method_name: _, // derived from `id`
        builder: _,     // derived from `id`
        http_method,
        path,
        path_segments: _, // derived from `path`
        server,
        security,
        summary,
        description,
        inputs: _, // compared input by input below
        body,
        body_required,
        outcome,
        accept,
        errors,
        examples: _, // documentation of the answer, not part of the client's contract
        pagination,
        deprecated,
        source,
    } = new;
    let (old_api, api) = apis;
    let item = method_item(module, api, new);
    let here = Location::of(source, Side::Head);
    let mut push = |class: Class, message: String| {
        out.push(class, module, item.clone(), message, here.clone());
    };
    if old.http_method != *http_method || old.path != *path {
        // Only the spelling of the path: one change of what is sent, not a new operation.
        let kind = if old.http_method == *http_method && old.path.eq_ignore_ascii_case(path) {
            Kind::WireValueChanged
        } else {
            Kind::RequestChanged
        };
        push(
            Class::breaking(kind, Impact::Wire),
            format!(
                "request changed from `{} {}` to `{} {}`",
                old.http_method.as_str(),
                old.path,
                http_method.as_str(),
                path
            ),
        );
    }
    let (old_url, new_url) = (
        old_api.servers[old.server].url(),
        api.servers[*server].url(),
    );
    // A change of the API's default host is reported once, on the API.
    let both_default = old.server == 0 && *server == 0;
    if old_url != new_url && !both_default {
        push(
            Class::breaking(Kind::RequestChanged, Impact::Wire),
            format!("now sent to `{new_url}` instead of `{old_url}`"),
        );
    }
    let old_security = old.security.as_ref().unwrap_or(&old_api.security);
    let new_security = security.as_ref().unwrap_or(&api.security);
    if old_security != new_security {
        // Accepting every scheme it accepted before (or needing none) keeps callers working.
        let still_accepted = new_security.is_empty()
            || (!old_security.is_empty()
                && old_security
                    .iter()
                    .all(|scheme| new_security.contains(scheme)));
        let class = if still_accepted {
            Class::compatible(Kind::RequestChanged, Impact::Wire)
        } else {
            Class::breaking(Kind::RequestChanged, Impact::Wire)
        };
        push(
            class,
            format!(
                "authentication changed from {} to {}",
                schemes_text(old_security),
                schemes_text(new_security)
            ),
        );
    }
    if old.body != *body {
        push(
            Class::breaking(Kind::RequestChanged, Impact::Wire),
            format!(
                "request body changed from {} to {}",
                body_text(old.body.as_ref()),
                body_text(body.as_ref())
            ),
        );
    }
    if old.body_required != *body_required {
        // What the client sends is the same; a server that checks may now refuse an empty one.
        let class = if *body_required {
            Class::breaking(Kind::RequestChanged, Impact::Wire)
        } else {
            Class::compatible(Kind::RequestChanged, Impact::Wire)
        };
        let now = if *body_required {
            "required"
        } else {
            "optional"
        };
        push(class, format!("request body now {now}"));
    }
    if old.accept != *accept {
        push(
            Class::compatible(Kind::ResponseChanged, Impact::Wire),
            format!(
                "answers now come as `{}` instead of `{}`",
                accept.as_deref().unwrap_or("application/json"),
                old.accept.as_deref().unwrap_or("application/json")
            ),
        );
    }
    let (old_returns, new_returns) = (
        models.base.outcome_text(&old.outcome, Naming::Qualified),
        models.head.outcome_text(outcome, Naming::Qualified),
    );
    if old_returns != new_returns {
        // The same statuses with other type names: the same answers decode; else Twilio's
        // answers changed.
        let impact = if statuses(&old.outcome) == statuses(outcome) {
            Impact::Rust
        } else {
            Impact::Wire
        };
        push(
            Class::breaking(Kind::ResponseChanged, impact),
            format!("`send()` now returns `{new_returns}` instead of `{old_returns}`"),
        );
    }
    match (&old.pagination, pagination) {
        (None, Some(_)) => push(
            Class::compatible(Kind::ResponseChanged, Impact::Wire),
            "now a list operation: `.limit()`, `.stream()` and `.pages()` added".to_owned(),
        ),
        (Some(_), None) => push(
            Class::breaking(Kind::ResponseChanged, Impact::Wire),
            "no longer a list operation: `.limit()`, `.stream()` and `.pages()` removed".to_owned(),
        ),
        // Compared by what the lines print (field names), never by type ids, which differ
        // between two models.
        (Some(before), Some(after)) if next_text(&before.next) != next_text(&after.next) => {
            push(
                // The crate follows either style; callers see the same stream.
                Class::compatible(Kind::ResponseChanged, Impact::Wire),
                format!(
                    "pagination style changed from {} to {}",
                    next_text(&before.next),
                    next_text(&after.next)
                ),
            )
        }
        _ => {}
    }
    if !old.deprecated && *deprecated {
        push(
            Class::compatible(Kind::MarkingChanged, Impact::Rust),
            "deprecated".to_owned(),
        );
    }
    let error_docs = |errors: &[ErrorResponse]| -> Vec<String> {
        errors.iter().map(|e| e.description.clone()).collect()
    };
    if old.summary != *summary
        || old.description != *description
        || error_docs(&old.errors) != error_docs(errors)
    {
        push(Class::DOCS, DOCS.to_owned());
    }
    let (old_errors, new_errors) = (
        errors_text(models.base, &old.errors),
        errors_text(models.head, errors),
    );
    if old_errors != new_errors {
        push(
            Class::compatible(Kind::ResponseChanged, Impact::Wire),
            format!("documented error responses changed from {old_errors} to {new_errors}"),
        );
    }
    compare_params(out, models, module, api, old, new);
}

/// The statuses an outcome documents, in order.
fn statuses(outcome: &Outcome) -> Vec<String> {
    match outcome {
        Outcome::Body(_) => Vec::new(),
        Outcome::Redirect { status, .. } => vec![status.to_string()],
        Outcome::Statuses { variants, .. } => {
            variants.iter().map(|v| v.status.to_string()).collect()
        }
    }
}

/// Documented errors as the method's docs show them: status and body type, by name.
fn errors_text(model: &Model, errors: &[ErrorResponse]) -> String {
    if errors.is_empty() {
        return "none".to_owned();
    }
    let each: Vec<String> = errors
        .iter()
        .map(|e| match &e.body {
            Some(body) => format!("`{}` (`{}`)", e.status, model.rust_text(body)),
            None => format!("`{}`", e.status),
        })
        .collect();
    each.join(", ")
}

fn schemes_text(schemes: &[AuthScheme]) -> String {
    if schemes.is_empty() {
        return "none".to_owned();
    }
    let names: Vec<&str> = schemes
        .iter()
        .map(|scheme| match scheme {
            AuthScheme::Basic => "basic",
            AuthScheme::Bearer => "bearer token",
        })
        .collect();
    names.join(" or ")
}

fn body_text(body: Option<&BodyEncoding>) -> String {
    match body {
        None => "none".to_owned(),
        Some(BodyEncoding::Form) => "a form".to_owned(),
        Some(BodyEncoding::Json { content_type }) => format!("`{content_type}`"),
    }
}

fn next_text(next: &NextPage) -> String {
    let path = |fields: &[generator::model::FieldRef]| {
        fields
            .iter()
            .map(|f| f.name.json.as_str())
            .collect::<Vec<_>>()
            .join(".")
    };
    match next {
        NextPage::Url { path: fields } => format!("the URL in `{}`", path(fields)),
        NextPage::Token {
            path: fields,
            param,
        } => {
            format!("the token in `{}` sent as `{param}`", path(fields))
        }
    }
}

fn param_item(module: &str, api: &Api, op: &Operation, param: &Input) -> Subject {
    if param.required {
        Subject::Argument {
            method: Box::new(method_item(module, api, op)),
            argument: param.rust_name.clone(),
        }
    } else {
        Subject::Setter {
            module: module.to_owned(),
            builder: op.builder.clone(),
            setter: param.rust_name.clone(),
        }
    }
}

fn place(param: &Input) -> &'static str {
    param.location.describe()
}

fn compare_params(
    out: &mut Changes,
    models: Models<'_>,
    module: &str,
    api: &Api,
    old_op: &Operation,
    new_op: &Operation,
) {
    let key = |p: &Input| (p.location, p.name.clone());
    let old: BTreeMap<_, &Input> = old_op.inputs.iter().map(|p| (key(p), p)).collect();
    let new: BTreeMap<_, &Input> = new_op.inputs.iter().map(|p| (key(p), p)).collect();
    // A name whose spelling alone changed (`Client_id` -> `client_id`) is one input sent
    // under another name, not one removed and one added.
    let respelled: BTreeMap<_, _> = old
        .keys()
        .filter(|k| !new.contains_key(*k))
        .filter_map(|k| {
            let same = |n: &&(InputLocation, String)| {
                n.0 == k.0 && n.1.eq_ignore_ascii_case(&k.1) && !old.contains_key(*n)
            };
            new.keys().find(same).map(|n| (n.clone(), k.clone()))
        })
        .collect();
    for (k, param) in &old {
        if !new.contains_key(k) && !respelled.values().any(|o| o == k) {
            out.push(
                Class::breaking(Kind::Removed, Impact::Wire),
                module,
                param_item(module, api, old_op, param),
                format!("{} `{}` removed", place(param), param.name),
                Location::of(&param.source, Side::Base),
            );
        }
    }
    for (k, param) in &new {
        let Input {
            name,
            rust_name,
            location: _, // part of the key
            required,
            ty,
            kind: _, // follows from `ty`
            repeated,
            doc,
            checks,
            default,
            fallback,
            pii,
            deprecated,
            example,
            source,
        } = param;
        let item = param_item(module, api, new_op, param);
        let here = Location::of(source, Side::Head);
        let before = match respelled.get(k) {
            Some(old_key) => old.get(old_key),
            None => old.get(k),
        };
        let Some(before) = before else {
            let class = if *required {
                Class::breaking(Kind::Added, Impact::Wire)
            } else {
                Class::compatible(Kind::Added, Impact::Wire)
            };
            let how = if *required {
                "added as required"
            } else {
                "added (optional)"
            };
            out.push(
                class,
                module,
                item,
                format!("{} `{name}` {how}", place(param)),
                here,
            );
            continue;
        };
        let mut push = |class: Class, message: String| {
            out.push(class, module, item.clone(), message, here.clone());
        };
        if before.name != *name {
            push(
                Class::breaking(Kind::WireValueChanged, Impact::Wire),
                format!(
                    "sent as `{name}` instead of `{}` ({})",
                    before.name,
                    place(param)
                ),
            );
        }
        if before.rust_name != *rust_name {
            push(
                Class::breaking(Kind::Renamed, Impact::Rust),
                format!("renamed from `{}` to `{rust_name}`", before.rust_name),
            );
        }
        let (old_ty, new_ty) = (models.base.rust_text(&before.ty), models.head.rust_text(ty));
        if !super::wire::same_rust_type(models, &before.ty, ty) || before.repeated != *repeated {
            let impact = if super::wire::same_values(models, &before.ty, ty)
                && before.repeated == *repeated
            {
                Impact::Rust
            } else {
                Impact::Wire
            };
            push(
                Class::breaking(Kind::TypeChanged, impact),
                format!("type changed from `{old_ty}` to `{new_ty}`"),
            );
        }
        // Required inputs are method arguments, optional ones builder methods: either move
        // changes the calls that compile. Twilio demanding a value it did not is a change of
        // what it accepts; no longer demanding one changes only the signature.
        if !before.required && *required {
            push(
                Class::breaking(Kind::RequiredChanged, Impact::Wire),
                "now required (a method argument)".to_owned(),
            );
        } else if before.required && !*required {
            push(
                Class::breaking(Kind::RequiredChanged, Impact::Rust),
                "now optional (a builder method instead of a method argument)".to_owned(),
            );
        }
        for (class, message) in
            compare_constraints(&Bounds::of(&before.checks), &Bounds::of(checks))
        {
            push(class, message);
        }
        marking_changes(
            &mut push,
            (before.pii, before.deprecated),
            (*pii, *deprecated),
        );
        if let Some((class, message)) = default_change(before.default.as_ref(), default.as_ref()) {
            push(class, message);
        }
        if before.fallback != *fallback {
            // Either way the same request goes out when the caller gives the value; without
            // one, a request that was sent may now fail (or the reverse).
            let class = if fallback.is_some() {
                Class::compatible(Kind::RequestChanged, Impact::Wire)
            } else {
                Class::breaking(Kind::RequestChanged, Impact::Wire)
            };
            let describe = |f: &Option<Fallback>| match f {
                Some(Fallback::ClientAccountSid) => "the client's account",
                None => "nothing",
            };
            push(
                class,
                format!(
                    "value sent when not given changed from {} to {}",
                    describe(&before.fallback),
                    describe(fallback)
                ),
            );
        }
        if before.doc != *doc || before.example != *example {
            push(Class::DOCS, DOCS.to_owned());
        }
    }
}

/// A change of the default the server applies to an input left unset. A different value
/// changes what callers who leave it unset get, which no type shows: breaking. A default that
/// is newly documented, or no longer, only changes docs.
fn default_change(
    old: Option<&serde_json::Value>,
    new: Option<&serde_json::Value>,
) -> Option<(Class, String)> {
    match (old, new) {
        (Some(old), Some(new)) if old != new => Some((
            Class::breaking(Kind::DefaultChanged, Impact::Wire),
            format!(
                "Twilio's default changed from `{old}` to `{new}`: calls that leave it unset behave differently"
            ),
        )),
        (None, Some(new)) => Some((
            Class::DOCS,
            format!("Twilio's default `{new}` now documented"),
        )),
        (Some(old), None) => Some((
            Class::DOCS,
            format!("Twilio's default `{old}` no longer documented"),
        )),
        _ => None,
    }
}

/// The bounds an input is checked against before sending.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Bounds {
    minimum: Option<i64>,
    maximum: Option<i64>,
    min_length: Option<usize>,
    max_length: Option<usize>,
}

impl Bounds {
    fn of(checks: &[Check]) -> Bounds {
        let mut bounds = Bounds::default();
        for check in checks {
            match check {
                Check::Range { min, max } => {
                    bounds.minimum = *min;
                    bounds.maximum = *max;
                }
                Check::Length { min, max } => {
                    bounds.min_length = *min;
                    bounds.max_length = *max;
                }
                // The ID type and the URL are in the input's type text.
                Check::Id(_) | Check::Url => {}
            }
        }
        bounds
    }
}

/// One line per bound that changed, saying which (`maximum 1000 -> 50 (tightened)`).
fn compare_constraints(old: &Bounds, new: &Bounds) -> Vec<(Class, String)> {
    let lengths = [
        ("minimum length", old.min_length, new.min_length, Bound::Min),
        ("maximum length", old.max_length, new.max_length, Bound::Max),
    ];
    [
        bound_change("minimum", old.minimum, new.minimum, Bound::Min),
        bound_change("maximum", old.maximum, new.maximum, Bound::Max),
    ]
    .into_iter()
    .chain(
        lengths
            .into_iter()
            .map(|(what, before, after, bound)| bound_change(what, before, after, bound)),
    )
    .flatten()
    .collect()
}
