//! The name of an operation whose spec gives no `operationId` (twilio-oai 1.x has none), made
//! as Twilio's own generator makes it: a verb from the method and the kind of path, then the
//! path's resources, singular. It reads only the operation's own method and path, so adding an
//! operation elsewhere never renames this one.

use super::HttpMethod;

/// The path parameter every official Twilio SDK fills from the client (see `default_account`):
/// its resource is the client's account, so it is not part of a name.
pub(super) const CLIENT_ACCOUNT: &str = "AccountSid";

/// Whether a path names a collection or one member of it (Twilio's `x-twilio.pathType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PathKind {
    /// `/v1/Services`: the path ends in a static segment.
    List,
    /// `/v1/Services/{Sid}`: the path ends in a parameter.
    Instance,
}

impl PathKind {
    /// `x-twilio.pathType` where the spec says it (`list` / `instance`), else the path's end.
    pub fn of(path: &str, path_type: Option<&str>) -> PathKind {
        match path_type {
            Some("list") => PathKind::List,
            Some("instance") => PathKind::Instance,
            _ if last_piece(path).starts_with('{') => PathKind::Instance,
            _ => PathKind::List,
        }
    }
}

/// `ListCallRecording` for `GET /2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}/Recordings.json`:
/// GET list -> List, GET instance -> Fetch, POST list -> Create, POST instance and PUT -> Update,
/// PATCH -> Patch, DELETE -> Delete (other methods keep their name); the noun is each static segment
/// after the version, singular (but for a singleton's own name), leaving out the client's
/// account.
pub(super) fn derived_id(method: HttpMethod, path: &str, kind: PathKind) -> String {
    let verb = match (method, kind) {
        (HttpMethod::Get, PathKind::List) => "List",
        (HttpMethod::Get, PathKind::Instance) => "Fetch",
        (HttpMethod::Post, PathKind::List) => "Create",
        (HttpMethod::Post, PathKind::Instance) | (HttpMethod::Put, _) => "Update",
        // A partial update: a path may take both PUT and PATCH (iam_organizations' SCIM users).
        (HttpMethod::Patch, _) => "Patch",
        (HttpMethod::Delete, _) => "Delete",
        (HttpMethod::Head, _) => "Head",
        (HttpMethod::Options, _) => "Options",
        (HttpMethod::Trace, _) => "Trace",
    };
    let pieces: Vec<&str> = path
        .split('/')
        .filter(|piece| !piece.is_empty())
        .map(|piece| piece.split_once('.').map_or(piece, |(stem, _)| stem))
        .collect();
    let skip_version = pieces.first().is_some_and(|first| is_version(first));
    let pieces = &pieces[usize::from(skip_version)..];
    let mut noun = String::new();
    for (index, piece) in pieces.iter().enumerate() {
        if piece.starts_with('{') || piece.is_empty() {
            continue;
        }
        let is_client_account = pieces.get(index + 1).is_some_and(|next| {
            next.strip_prefix('{').and_then(|n| n.strip_suffix('}')) == Some(CLIENT_ACCOUNT)
        });
        if is_client_account && index + 2 < pieces.len() {
            continue;
        }
        // A singleton (an instance path ending in a static segment: `/Workers/Statistics`)
        // keeps its name; every other resource is named for one member.
        let singleton = kind == PathKind::Instance && index + 1 == pieces.len();
        let word = if singleton {
            (*piece).to_owned()
        } else {
            singular(piece)
        };
        noun.push_str(&crate::names::type_name(&word));
    }
    format!("{verb}{noun}")
}

/// The last `/`-separated piece of a path, without a `.json`-style extension.
fn last_piece(path: &str) -> &str {
    let last = path.trim_end_matches('/').rsplit('/').next().unwrap_or("");
    last.split_once('.').map_or(last, |(stem, _)| stem)
}

/// `v1`, `v2010`, `2010-04-01`: an API version, not a resource.
fn is_version(piece: &str) -> bool {
    let mut chars = piece.chars();
    match chars.next() {
        Some('v') => chars.next().is_some_and(|c| c.is_ascii_digit()),
        Some(c) => c.is_ascii_digit(),
        None => false,
    }
}

/// English singular of a resource segment's last word, by the regular rules only: `Policies` ->
/// `Policy`, `Addresses` -> `Address`, `Calls` -> `Call`. Words that do not end in a plural
/// `s` stay (`Media`, `Data`, `Feedback`), and so do acronyms (`SMS`, `AWS`).
fn singular(word: &str) -> String {
    let ends_upper = word.chars().next_back().is_some_and(char::is_uppercase);
    if ends_upper {
        return word.to_owned();
    }
    for (plural, single) in [
        ("ies", "y"),
        ("sses", "ss"),
        ("uses", "us"),
        ("xes", "x"),
        ("ches", "ch"),
        ("shes", "sh"),
    ] {
        if let Some(stem) = word.strip_suffix(plural) {
            return format!("{stem}{single}");
        }
    }
    let keeps_s = ["ss", "us", "is"].iter().any(|end| word.ends_with(end));
    match word.strip_suffix('s') {
        Some(stem) if !keeps_s && !stem.is_empty() => stem.to_owned(),
        _ => word.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(method: HttpMethod, path: &str) -> String {
        derived_id(method, path, PathKind::of(path, None))
    }

    #[test]
    fn names_follow_twilios_rule() {
        use HttpMethod::*;
        let cases = [
            (
                Get,
                "/2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}/Recordings.json",
                "ListCallRecording",
            ),
            (
                Get,
                "/2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}/Recordings/{Sid}.json",
                "FetchCallRecording",
            ),
            (
                Post,
                "/2010-04-01/Accounts/{AccountSid}/Messages.json",
                "CreateMessage",
            ),
            (
                Post,
                "/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json",
                "UpdateMessage",
            ),
            (
                Delete,
                "/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json",
                "DeleteMessage",
            ),
            // The account itself, when it is the resource.
            (
                Get,
                "/2010-04-01/Accounts/{AccountSid}.json",
                "FetchAccount",
            ),
            (Get, "/2010-04-01/Accounts.json", "ListAccount"),
            (
                Get,
                "/v1/Services/{ServiceSid}/Entities/{Identity}/Factors",
                "ListServiceEntityFactor",
            ),
            (Put, "/v1/Services/{Sid}", "UpdateService"),
            (Patch, "/v1/Services/{Sid}", "PatchService"),
            (Get, "/v1/Policies", "ListPolicy"),
            (Get, "/v1/Addresses/{Sid}", "FetchAddress"),
            (Get, "/v1/Statuses", "ListStatus"),
            (Get, "/v1/Messages/{Sid}/Media", "ListMessageMedia"),
            (Get, "/v1/SMS/Feedback", "ListSmsFeedback"),
            (
                Post,
                "/v2/LinkShortening/presigned-url",
                "CreateLinkShorteningPresignedUrl",
            ),
            // No version segment.
            (
                Get,
                "/Organizations/{OrganizationSid}/scim/Users",
                "ListOrganizationScimUser",
            ),
        ];
        for (method, path, expected) in cases {
            assert_eq!(id(method, path), expected, "{method:?} {path}");
        }
    }

    #[test]
    fn path_type_overrides_the_path_end() {
        let path = "/v1/Services/{Sid}/Configuration";
        assert_eq!(
            derived_id(HttpMethod::Get, path, PathKind::of(path, Some("instance"))),
            "FetchServiceConfiguration"
        );
        assert_eq!(
            derived_id(HttpMethod::Get, path, PathKind::of(path, None)),
            "ListServiceConfiguration"
        );
        let path = "/v1/Workspaces/{WorkspaceSid}/Statistics";
        assert_eq!(
            derived_id(HttpMethod::Get, path, PathKind::of(path, Some("instance"))),
            "FetchWorkspaceStatistics"
        );
    }
}
