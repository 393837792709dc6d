//! Responses: an operation's outcome (one body, a status enum, or a redirect), its documented
//! errors, and the `Accept` its successes need.

use super::draft::{Builder, text};
use super::{ErrorResponse, Outcome, StatusVariant, TypeRef};
use crate::names;
use crate::refs::Node;

impl Builder<'_> {
    /// The outcome, the documented errors, and the `Accept` the successes need when it is not
    /// plain JSON (`application/scim+json`).
    pub(super) fn responses(
        &mut self,
        node: &Node,
        builder: &str,
    ) -> Option<(Outcome, Vec<ErrorResponse>, Option<String>)> {
        let responses = node.child("responses");
        let codes: Vec<String> = self
            .value(&responses)
            .as_object()
            .map(|r| r.keys().cloned().collect())
            .unwrap_or_default();
        let mut successes: Vec<(u16, Option<TypeRef>)> = Vec::new();
        let mut redirect: Option<(u16, Option<TypeRef>)> = None;
        let mut errors = Vec::new();
        let mut success_media: Option<String> = None;
        for code in codes {
            let here = self.follow_or_report(&responses.child(&code))?;
            let status = status_number(&code);
            let hint = match status {
                Some(s) if (200..300).contains(&s) && !successes.is_empty() => {
                    format!("{builder}Response{s}")
                }
                Some(s) if (200..300).contains(&s) => format!("{builder}Response"),
                _ => format!("{builder}Error"),
            };
            let (body, media) = self.response_body(&here, &hint)?;
            match status {
                Some(s) if (200..400).contains(&s) => {
                    success_media = success_media.or(media);
                    if s < 300 {
                        successes.push((s, body));
                    } else {
                        redirect = redirect.or(Some((s, body)));
                    }
                }
                _ => errors.push(ErrorResponse {
                    status: code.clone(),
                    description: text(self.value(&here), "description").unwrap_or_default(),
                    body,
                }),
            }
        }
        successes.sort_by_key(|(s, _)| *s);
        let outcome = match (successes.as_slice(), redirect) {
            ([], Some((status, body))) => Outcome::Redirect { status, body },
            ([], None) => {
                self.problem(&responses, "operation has no 2XX response");
                return None;
            }
            ([(_, body), rest @ ..], _) if rest.iter().all(|(_, b)| b == body) => {
                Outcome::Body(body.clone())
            }
            (all, _) => Outcome::Statuses {
                name: format!("{builder}Outcome"),
                variants: all
                    .iter()
                    .map(|(status, body)| StatusVariant {
                        status: *status,
                        name: names::status_name(*status),
                        body: body.clone(),
                    })
                    .collect(),
            },
        };
        let accept = success_media.filter(|media| media != "application/json");
        Some((outcome, errors, accept))
    }

    /// The type of a response's JSON body (`None` when it has no content) and its media type.
    fn response_body(
        &mut self,
        response: &Node,
        hint: &str,
    ) -> Option<(Option<TypeRef>, Option<String>)> {
        let content = response.child("content");
        let Some(media) = self.value(&content).as_object() else {
            return Some((None, None));
        };
        // A body the client does not decode (text, XML): the call returns nothing for it.
        let Some(media) = media.keys().find(|m| is_json(m)) else {
            return Some((None, None));
        };
        let schema = content.child(media).child("schema");
        let essence = media.split(';').next().unwrap_or(media).trim().to_owned();
        if self.specs.value(&schema).is_none() {
            return Some((Some(TypeRef::Json), Some(essence)));
        }
        let ty = self.type_of(&schema, hint, None)?;
        Some((Some(ty), Some(essence)))
    }
}

pub(super) fn is_json(media: &str) -> bool {
    let essence = media.split(';').next().unwrap_or(media).trim();
    essence == "application/json" || essence.ends_with("+json")
}

/// `201` -> 201; a range like `2XX` -> its first code; `default` -> none.
fn status_number(code: &str) -> Option<u16> {
    code.parse().ok().or_else(|| {
        let first = code.chars().next()?.to_digit(10)?;
        (code.len() == 3 && code[1..].eq_ignore_ascii_case("xx"))
            .then(|| u16::try_from(first * 100).ok())
            .flatten()
    })
}
