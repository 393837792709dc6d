//! Responses: an operation's outcome (one body, a status enum, or a redirect), its documented
//! errors, and the `Accept` its successes need.

use super::draft::{Builder, text};
use super::{ErrorResponse, Outcome, ResponseExample, StatusVariant, TypeRef};
use crate::names;
use crate::refs::Node;

impl Builder<'_> {
    /// The outcome, the documented errors, the `Accept` its successes need when it is not
    /// plain JSON (`application/scim+json`), and the example bodies with their types.
    pub(super) fn responses(&mut self, node: &Node, builder: &str) -> Option<Responses> {
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
        let mut examples = Vec::new();
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
            let (body, media, content) = self.response_body(&here, &hint)?;
            if let (Some(content), Some(ty)) = (&content, &body) {
                self.response_examples(content, &code, ty, &mut examples)?;
            }
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
        Some(Responses {
            outcome,
            errors,
            accept,
            examples,
        })
    }

    /// Adds the examples of a response's JSON `content` (status `code`, read as `ty`) to
    /// `examples`; an `examples` entry may be a `$ref`, and one without a `value` (an
    /// `externalValue`) gives nothing to decode.
    fn response_examples(
        &mut self,
        content: &Node,
        code: &str,
        ty: &TypeRef,
        examples: &mut Vec<ResponseExample>,
    ) -> Option<()> {
        let mut found = Vec::new();
        if self.value(content).get("example").is_some() {
            found.push(("example".to_owned(), content.child("example")));
        }
        let names: Vec<String> = self
            .value(&content.child("examples"))
            .as_object()
            .map(|entries| entries.keys().cloned().collect())
            .unwrap_or_default();
        for name in names {
            let entry = self.follow_or_report(&content.child("examples").child(&name))?;
            if self.value(&entry).get("value").is_some() {
                found.push((name, entry.child("value")));
            }
        }
        for (name, node) in found {
            examples.push(ResponseExample {
                status: code.to_owned(),
                name,
                value: self.value(&node).clone(),
                ty: ty.clone(),
                source: self.source(&node),
            });
        }
        Some(())
    }

    /// The type of a response's JSON body (`None` when it has no content), its media type,
    /// and the node of that JSON content (where its examples are).
    fn response_body(
        &mut self,
        response: &Node,
        hint: &str,
    ) -> Option<(Option<TypeRef>, Option<String>, Option<Node>)> {
        let content = response.child("content");
        let Some(media) = self.value(&content).as_object() else {
            return Some((None, None, None));
        };
        // A body the client does not decode (text, XML): the call returns nothing for it.
        let Some(media) = media.keys().find(|m| is_json(m)) else {
            return Some((None, None, None));
        };
        let json = content.child(media);
        let schema = json.child("schema");
        let essence = media.split(';').next().unwrap_or(media).trim().to_owned();
        let ty = if self.specs.value(&schema).is_none() {
            TypeRef::Json
        } else {
            self.type_of(&schema, hint, None)?
        };
        Some((Some(ty), Some(essence), Some(json)))
    }
}

/// What an operation's `responses` say.
pub(super) struct Responses {
    pub outcome: Outcome,
    pub errors: Vec<ErrorResponse>,
    pub accept: Option<String>,
    pub examples: Vec<ResponseExample>,
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
