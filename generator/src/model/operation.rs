//! Operations: servers and security, the path, the name, and the outcome; their inputs are
//! read in [`super::inputs`].

use std::collections::BTreeSet;

use serde_json::Value;

use super::draft::{Builder, flag, text};
use super::operation_id::{CLIENT_ACCOUNT, PathKind, derived_id};
use super::responses::Responses;
use super::{
    Api, AuthScheme, Fallback, HttpMethod, IdOrigin, Input, InputLocation, Operation, PathSegment,
    Server,
};
use crate::names;
use crate::refs::Node;

const METHODS: &[(&str, HttpMethod)] = &[
    ("get", HttpMethod::Get),
    ("put", HttpMethod::Put),
    ("post", HttpMethod::Post),
    ("delete", HttpMethod::Delete),
    ("options", HttpMethod::Options),
    ("head", HttpMethod::Head),
    ("patch", HttpMethod::Patch),
    ("trace", HttpMethod::Trace),
];

impl Builder<'_> {
    /// The API of one file, if it has operations.
    pub fn api(&mut self, file: &str) -> Option<Api> {
        let root = Node::new(file, "");
        let paths = self.value(&root.child("paths")).as_object()?;
        if paths.is_empty() {
            return None;
        }
        let mut servers = Vec::new();
        let default_server = match self.value(&root).get("servers") {
            Some(_) => self.server(&root.child("servers"), &mut servers),
            None => {
                // Twilio writes `servers` on each path; the first one found is the default.
                let first = paths.keys().find_map(|path| {
                    let node = root.child("paths").child(path).child("servers");
                    self.specs.value(&node).map(|_| node)
                });
                match first {
                    Some(node) => self.server(&node, &mut servers),
                    None => {
                        self.problem(&root, "an API needs a `servers` entry with its base URL");
                        None
                    }
                }
            }
        };
        default_server?;
        let security = match self.value(&root).get("security") {
            Some(_) => self.security(&root.child("security"))?,
            None => Vec::new(),
        };
        let mut operations: Vec<Operation> = Vec::new();
        for path in paths.keys() {
            let item = root.child("paths").child(path);
            let Some(item) = self.follow_or_report(&item) else {
                continue;
            };
            let path_server = match self.specs.value(&item.child("servers")) {
                Some(_) => self.server(&item.child("servers"), &mut servers),
                None => Some(0),
            };
            for &(method, http_method) in METHODS {
                let node = item.child(method);
                if self.specs.value(&node).is_none() {
                    continue;
                }
                let Some(op) =
                    self.operation(path, &item, &node, http_method, path_server, &mut servers)
                else {
                    continue;
                };
                if let Some(first) = operations.iter().find(|o| o.id == op.id) {
                    let message = match (first.id_origin, op.id_origin) {
                        (IdOrigin::Spec, IdOrigin::Spec) => format!(
                            "duplicate operationId `{}` (also used at {})",
                            op.id, first.source.pointer
                        ),
                        _ => format!(
                            "`{} {}` and `{} {}`{} would both be named `{}` (an operation \
                             without an operationId is named from its method and path); give \
                             one of them an operationId",
                            op.http_method.as_str(),
                            op.path,
                            first.http_method.as_str(),
                            first.path,
                            first
                                .source
                                .line
                                .map(|line| format!(" (line {line})"))
                                .unwrap_or_default(),
                            op.id
                        ),
                    };
                    let at = match op.id_origin {
                        IdOrigin::Spec => node.child("operationId"),
                        IdOrigin::Derived => node.clone(),
                    };
                    self.problem(&at, message);
                    continue;
                }
                if let Some(other) = operations.iter().find(|o| o.method_name == op.method_name) {
                    let message = format!(
                        "operationIds `{}` and `{}` both become the method `{}`",
                        other.id, op.id, op.method_name
                    );
                    self.problem(&node.child("operationId"), message);
                    continue;
                }
                operations.push(op);
            }
        }
        // Paths without operations (Twilio keeps stubs of unreleased APIs: `/v2/x: {}`) make
        // no API handle: there would be nothing to call on it.
        if operations.is_empty() {
            return None;
        }
        operations.sort_by(|a, b| a.method_name.cmp(&b.method_name));
        Some(Api {
            handle: names::type_name(&self.module_of(file)),
            servers,
            security,
            operations,
        })
    }

    /// The first URL of a `servers` list, as an index into `servers` (added if new).
    fn server(&mut self, node: &Node, servers: &mut Vec<Server>) -> Option<usize> {
        let url_node = node.child("0").child("url");
        let Some(url) = self.specs.value(&url_node).and_then(Value::as_str) else {
            self.problem(node, "`servers` needs at least one entry with a `url`");
            return None;
        };
        let parsed = url.split_once("://").and_then(|(scheme, rest)| {
            let (host, base_path) = match rest.find('/') {
                Some(index) => (&rest[..index], rest[index..].trim_end_matches('/')),
                None => (rest, ""),
            };
            let valid_host = !host.is_empty()
                && host
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || ".-:".contains(c));
            (matches!(scheme, "http" | "https") && valid_host)
                .then(|| (scheme.to_owned(), host.to_owned(), base_path.to_owned()))
        });
        let (scheme, host, base_path) = match parsed {
            Some(_) if url.contains('{') => {
                self.problem(&url_node, "unsupported construct: server URL variables");
                return None;
            }
            Some(parts) => parts,
            None => {
                self.problem(
                    &url_node,
                    format!("server URL `{url}` is not an absolute http(s) URL"),
                );
                return None;
            }
        };
        if let Some(index) = servers
            .iter()
            .position(|s| s.scheme == scheme && s.host == host && s.base_path == base_path)
        {
            return Some(index);
        }
        let rust_name = match servers.len() {
            0 => "API".to_owned(),
            n => format!("API_{}", n + 1),
        };
        servers.push(Server {
            rust_name,
            scheme,
            host,
            base_path,
            source: self.source(&url_node),
        });
        Some(servers.len() - 1)
    }

    /// The schemes a `security` list accepts, in order (empty: no authentication).
    fn security(&mut self, node: &Node) -> Option<Vec<AuthScheme>> {
        let Some(requirements) = self.value(node).as_array() else {
            self.problem(node, "`security` must be a list");
            return None;
        };
        let mut out = Vec::new();
        for (index, requirement) in requirements.iter().enumerate() {
            let Some(names) = requirement.as_object() else {
                continue;
            };
            for name in names.keys() {
                let here = node.child(&index.to_string()).child(name);
                let scheme_node = Node::new(&node.file, "/components/securitySchemes").child(name);
                let scheme = match self.specs.follow(&scheme_node) {
                    Ok(target) if self.specs.value(&target).is_some() => self.value(&target),
                    _ => {
                        self.problem(&here, format!("security scheme `{name}` is not defined in components.securitySchemes"));
                        return None;
                    }
                };
                let kind = text(scheme, "type").unwrap_or_default();
                let http = text(scheme, "scheme")
                    .unwrap_or_default()
                    .to_ascii_lowercase();
                let auth = match (kind.as_str(), http.as_str()) {
                    ("http", "basic") => AuthScheme::Basic,
                    ("http", "bearer") | ("oauth2", _) => AuthScheme::Bearer,
                    _ => {
                        self.problem(&here, format!("unsupported construct: security scheme `{name}` of type `{kind}` (supported: HTTP basic, HTTP bearer, OAuth2)"));
                        return None;
                    }
                };
                if !out.contains(&auth) {
                    out.push(auth);
                }
            }
        }
        Some(out)
    }

    fn operation(
        &mut self,
        path: &str,
        item: &Node,
        node: &Node,
        http_method: HttpMethod,
        path_server: Option<usize>,
        servers: &mut Vec<Server>,
    ) -> Option<Operation> {
        let value = self.value(node);
        let (id, id_origin) = match text(value, "operationId") {
            Some(id) => (id, IdOrigin::Spec),
            None => {
                let path_type = self.value(item).pointer("/x-twilio/pathType");
                let kind = PathKind::of(path, path_type.and_then(Value::as_str));
                let id = derived_id(http_method, path, kind);
                self.warning(
                    node,
                    format!(
                        "operation has no operationId; named `{id}` from its method and path \
                         (give it an operationId to choose the name)"
                    ),
                );
                (id, IdOrigin::Derived)
            }
        };
        let builder = names::type_name(&id);
        let server = match value.get("servers") {
            Some(_) => self.server(&node.child("servers"), servers)?,
            None => path_server?,
        };
        let security = match value.get("security") {
            Some(_) => Some(self.security(&node.child("security"))?),
            None => None,
        };
        let raw_segments = self.path_segments(path, item)?;
        let mut inputs = self.parameters(item, node, &builder)?;
        if !self.check_path_params(path, node, &raw_segments, &inputs) {
            return None;
        }
        // Path parameters first, in the order they appear in the path; the rest keep spec order.
        inputs.sort_by_key(|input| match input.location {
            InputLocation::Path => (
                0,
                raw_segments
                    .iter()
                    .position(|s| *s == RawSegment::Param(&input.name)),
            ),
            _ => (1, None),
        });
        let path_segments = raw_segments
            .iter()
            .map(|segment| match segment {
                RawSegment::Literal(text) => Some(PathSegment::Literal((*text).to_owned())),
                RawSegment::Param(name) => inputs
                    .iter()
                    .position(|i| i.location == InputLocation::Path && i.name == *name)
                    .map(PathSegment::Input),
            })
            .collect::<Option<Vec<_>>>()?;
        let body = match value.get("requestBody") {
            Some(_) => Some(self.body(&node.child("requestBody"), &builder, &mut inputs)?),
            None => None,
        };
        let body_required = body.is_some()
            && self
                .specs
                .follow(&node.child("requestBody"))
                .is_ok_and(|target| flag(self.value(&target), "required"));
        let Responses {
            outcome,
            errors,
            accept,
            examples,
        } = self.responses(node, &builder)?;
        default_account(&mut inputs);
        Some(Operation {
            method_name: names::snake_name(&id),
            builder,
            id,
            id_origin,
            http_method,
            path: path.to_owned(),
            path_segments,
            server,
            security,
            summary: text(value, "summary"),
            description: text(value, "description"),
            inputs,
            body,
            body_required,
            outcome,
            accept,
            errors,
            examples,
            pagination: None,
            deprecated: flag(value, "deprecated"),
            source: self.source(node),
        })
    }

    fn path_segments<'p>(&mut self, path: &'p str, item: &Node) -> Option<Vec<RawSegment<'p>>> {
        let mut segments = Vec::new();
        let mut rest = path;
        if !path.starts_with('/') {
            self.problem(item, format!("path `{path}` must start with `/`"));
            return None;
        }
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}').map(|c| open + c) else {
                self.problem(item, format!("path `{path}` has an unclosed `{{`"));
                return None;
            };
            if open > 0 {
                segments.push(RawSegment::Literal(&rest[..open]));
            }
            let name = &rest[open + 1..close];
            if name.is_empty() || name.contains('{') {
                self.problem(
                    item,
                    format!("path `{path}` has an invalid parameter placeholder"),
                );
                return None;
            }
            segments.push(RawSegment::Param(name));
            rest = &rest[close + 1..];
        }
        if !rest.is_empty() {
            segments.push(RawSegment::Literal(rest));
        }
        Some(segments)
    }

    /// Whether the path's placeholders and the declared path parameters are the same set;
    /// each difference is a problem.
    fn check_path_params(
        &mut self,
        path: &str,
        node: &Node,
        segments: &[RawSegment<'_>],
        inputs: &[Input],
    ) -> bool {
        let declared: BTreeSet<&str> = inputs
            .iter()
            .filter(|p| p.location == InputLocation::Path)
            .map(|p| p.name.as_str())
            .collect();
        let used: BTreeSet<&str> = segments
            .iter()
            .filter_map(|s| match s {
                RawSegment::Param(n) => Some(*n),
                RawSegment::Literal(_) => None,
            })
            .collect();
        let same = used == declared;
        for missing in used.difference(&declared) {
            self.problem(
                node,
                format!("path parameter `{missing}` of `{path}` is not declared"),
            );
        }
        for extra in declared.difference(&used) {
            self.problem(
                node,
                format!("path parameter `{extra}` does not appear in `{path}`"),
            );
        }
        same
    }
}

/// A path rooted at an account (`/2010-04-01/Accounts/{AccountSid}/Messages.json`: its first
/// parameter is `{AccountSid}`) is for the client's account by default, as in every official
/// Twilio SDK: the input is no longer an argument but the setter `account_sid(..)`, for another
/// (sub)account. An `{AccountSid}` further in names an account inside something else
/// (`/Organizations/{OrganizationSid}/Accounts/{AccountSid}`) and stays an argument. Where the
/// operation also has a query or body input named `AccountSid`, that one keeps `account_sid`
/// and the path one is `path_account_sid(..)`.
fn default_account(inputs: &mut [Input]) {
    const WIRE: &str = CLIENT_ACCOUNT;
    // Path inputs come first, in path order.
    let path = 0;
    if !inputs
        .first()
        .is_some_and(|i| i.location == InputLocation::Path && i.name == WIRE)
    {
        return;
    }
    let other = inputs
        .iter()
        .position(|i| i.location != InputLocation::Path && i.name == WIRE);
    let input = &mut inputs[path];
    input.required = false;
    input.fallback = Some(Fallback::ClientAccountSid);
    if let Some(other) = other {
        inputs[path].rust_name = "path_account_sid".to_owned();
        inputs[other].rust_name = "account_sid".to_owned();
    }
}

/// A piece of an operation path as written, before path parameters are matched to inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RawSegment<'p> {
    Literal(&'p str),
    /// A `{Name}` placeholder.
    Param(&'p str),
}
