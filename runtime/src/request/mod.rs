//! One request: where it goes and what it carries (query, headers, body). How it is sent
//! (auth, timeout, retries) is in `send`; how its response is read and decoded in `response`.

mod json_path;
mod response;
mod send;

pub use response::{RawResponse, Redirect, decode};

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC};
use reqwest::Method;
use reqwest::header::{HeaderName, HeaderValue};
use url::Url;

use crate::encode::{WireText, header_text};
use crate::error::Error;
use crate::page::NextPage;

/// Path characters left as they are: what RFC 3986 allows in a path segment (unreserved,
/// sub-delims, `:` and `@`), so `+15017122661` and `sip:alice@example.com` go out as written,
/// as Twilio's SDKs send them. Everything else in a path argument is percent-encoded, so `/`,
/// `?`, `#` and `%` can never change the route.
const PATH_SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'!')
    .remove(b'$')
    .remove(b'&')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')')
    .remove(b'*')
    .remove(b'+')
    .remove(b',')
    .remove(b';')
    .remove(b'=')
    .remove(b':')
    .remove(b'@');

const FORM_CONTENT_TYPE: &str = "application/x-www-form-urlencoded";

/// An authentication scheme an API or operation accepts (from the spec's `security`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    /// HTTP basic: the account SID (or API key SID) and the auth token (or API key secret).
    Basic,
    /// `Authorization: Bearer <token>`: HTTP bearer and OAuth 2.0 client credentials alike.
    Bearer,
}

impl Scheme {
    /// What a user configures on the builder to have this scheme.
    fn how_to_configure(self) -> &'static str {
        match self {
            Scheme::Basic => {
                "basic credentials (`.account_sid(..)` with `.auth_token(..)` or `.api_key(..)`)"
            }
            Scheme::Bearer => "a bearer token (`.bearer_token(..)` or `.token_source(..)`)",
        }
    }
}

/// An API's default location and authentication, from its spec's `servers` and `security`.
#[derive(Debug)]
pub struct Api {
    pub scheme: &'static str,
    pub host: &'static str,
    pub base_path: &'static str,
    /// The schemes its operations accept, in order of preference; empty for none.
    pub security: &'static [Scheme],
}

/// A request body, encoded when it is set so that every attempt sends the same bytes.
#[derive(Clone)]
enum Body {
    /// `application/x-www-form-urlencoded` pairs, already encoded (possibly none).
    Form(String),
    Json {
        content_type: HeaderValue,
        bytes: bytes::Bytes,
    },
}

impl std::fmt::Debug for Body {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Bodies may carry personal data; their size is enough to debug with.
        match self {
            Body::Form(form) => write!(f, "Form(<{} bytes>)", form.len()),
            Body::Json {
                content_type,
                bytes,
            } => {
                write!(f, "Json({content_type:?}, <{} bytes>)", bytes.len())
            }
        }
    }
}

/// A request ready to send: method, path and query (already encoded), headers and body.
#[derive(Debug, Clone)]
pub struct Request {
    api: &'static Api,
    method: Method,
    operation: &'static str,
    /// The spec's path (`/v1/Sessions/{id}`), as traced instead of the filled path.
    path_template: &'static str,
    path: String,
    query: Option<String>,
    /// Whether the path already holds the API's base path (true for next-page URLs).
    absolute_path: bool,
    headers: Vec<(HeaderName, HeaderValue)>,
    body: Option<Body>,
    /// The operation's own `security`, replacing the API's.
    security: Option<&'static [Scheme]>,
}

impl Request {
    pub fn new(
        api: &'static Api,
        method: Method,
        operation: &'static str,
        path_template: &'static str,
    ) -> Self {
        Request {
            api,
            method,
            operation,
            path_template,
            path: String::new(),
            query: None,
            absolute_path: false,
            headers: Vec::new(),
            body: None,
            security: None,
        }
    }

    /// Appends literal path text from the spec.
    pub fn path(&mut self, literal: &str) {
        self.path.push_str(literal);
    }

    /// Appends a path argument, percent-encoded. Empty, `.` and `..` are refused: each would
    /// make the request reach another resource.
    pub fn path_param(&mut self, name: &'static str, value: &str) -> Result<(), Error> {
        if value.is_empty() {
            return Err(Error::invalid_argument(
                name,
                "must not be empty".to_owned(),
            ));
        }
        if value == "." || value == ".." {
            return Err(Error::invalid_argument(
                name,
                format!("{value:?} is not allowed in a path"),
            ));
        }
        self.path
            .extend(percent_encoding::utf8_percent_encode(value, PATH_SEGMENT));
        Ok(())
    }

    /// Appends a query parameter for an optional input, when it is set.
    pub fn query_opt<T: WireText + ?Sized>(&mut self, name: &str, value: Option<&T>) {
        if let Some(value) = value {
            self.query(name, &value.wire_text());
        }
    }

    /// Appends a query parameter.
    pub fn query(&mut self, name: &str, value: &str) {
        append_pair(self.query.get_or_insert_with(String::new), name, value);
    }

    /// The path and query, as compared to detect a repeated next page.
    pub fn path_and_query(&self) -> String {
        match &self.query {
            Some(query) => format!("{}?{query}", self.path),
            None => self.path.clone(),
        }
    }

    /// The request for the page after this one, `None` when `next` is empty, or why `next`
    /// cannot be followed.
    ///
    /// A URL (absolute, or relative to this request's URL) gives its path and query, sent to
    /// this request's origin, never the host (or user and password) written in it, so
    /// credentials only go where configured. A link that is not an http(s) URL or a path
    /// (`file:`, `javascript:`, control characters, unparseable) is refused: it cannot be a
    /// page of this API, and stopping quietly would pass a partial list off as whole. A token
    /// gives this request again with `token_param` set to it (any earlier value of that
    /// parameter removed).
    pub fn for_next_page(
        &self,
        next: NextPage<'_>,
        token_param: Option<&str>,
    ) -> Result<Option<Request>, String> {
        match next {
            NextPage::Url(next) => {
                let next = next.trim();
                if next.is_empty() {
                    return Ok(None);
                }
                let refused = |why: &str| {
                    // Quoted with escapes and cut short: the link is the server's text.
                    let shown: String = next.chars().take(100).collect();
                    let cut = if shown.len() < next.len() { "…" } else { "" };
                    format!("the next-page link {shown:?}{cut} {why}; paging stopped")
                };
                // The URL parser would drop tabs and line breaks silently; a link holding them
                // (or any other control character) is not one a server meant.
                if next.chars().any(char::is_control) {
                    return Err(refused("contains control characters"));
                }
                // A relative URL is resolved against this request's path on a placeholder
                // origin; only the resulting path and query are kept.
                let current = if self.absolute_path {
                    self.path.clone()
                } else {
                    format!("{}{}", self.api.base_path, self.path)
                };
                let url = match Url::parse(next) {
                    Ok(url) if matches!(url.scheme(), "http" | "https") => url,
                    Ok(_) => return Err(refused("is not an http(s) URL")),
                    Err(url::ParseError::RelativeUrlWithoutBase) => {
                        Url::parse("http://next.invalid/")
                            .and_then(|base| base.join(&current))
                            .and_then(|base| base.join(next))
                            .map_err(|_| refused("is not a URL"))?
                    }
                    Err(_) => return Err(refused("is not a URL")),
                };
                Ok(Some(Request {
                    path: url.path().to_owned(),
                    query: url.query().filter(|q| !q.is_empty()).map(str::to_owned),
                    absolute_path: true,
                    ..self.clone()
                }))
            }
            NextPage::Token(value) => {
                if value.trim().is_empty() {
                    return Ok(None);
                }
                let Some(param) = token_param else {
                    return Err("the page links onward with a token, but the list takes no \
                                token parameter to send it back in; paging stopped"
                        .to_owned());
                };
                let mut request = self.clone();
                let kept: Vec<(String, String)> =
                    url::form_urlencoded::parse(self.query.as_deref().unwrap_or("").as_bytes())
                        .filter(|(name, _)| name != param)
                        .map(|(name, value)| (name.into_owned(), value.into_owned()))
                        .collect();
                request.query = None;
                for (name, value) in &kept {
                    request.query(name, value);
                }
                request.query(param, value);
                Ok(Some(request))
            }
        }
    }

    /// The operation's name (`ListSessions`).
    pub fn operation(&self) -> &'static str {
        self.operation
    }
}

impl Request {
    /// Adds a header parameter. A value that cannot be sent in a header (line breaks, control
    /// or non-ASCII characters) is refused, naming the header, before anything is sent.
    pub fn header(&mut self, name: &'static str, value: &str) -> Result<(), Error> {
        let header = HeaderName::from_bytes(name.as_bytes()).map_err(|_| {
            Error::invalid_argument(name, "is not a valid HTTP header name".to_owned())
        })?;
        let value = header_text(value).ok_or_else(|| {
            Error::invalid_argument(
                name,
                "cannot be sent in an HTTP header: only visible ASCII characters, spaces and \
                     tabs are allowed"
                    .to_owned(),
            )
        })?;
        self.headers.push((header, value));
        Ok(())
    }

    /// Gives the request an `application/x-www-form-urlencoded` body, empty until fields are
    /// added (an operation whose body is a form sends one even with no field set).
    pub fn form_body(&mut self) {
        if !matches!(self.body, Some(Body::Form(_))) {
            self.body = Some(Body::Form(String::new()));
        }
    }

    /// Appends one form field for an optional input, when it is set.
    pub fn form_opt<T: WireText + ?Sized>(&mut self, name: &str, value: Option<&T>) {
        if let Some(value) = value {
            self.form(name, &value.wire_text());
        }
    }

    /// Appends one field to the form body (starting one if needed). Names are sent as they
    /// are (`Sip.Username`); a name given again is sent again, in call order, which is how
    /// Twilio takes arrays.
    pub fn form(&mut self, name: &str, value: &str) {
        self.form_body();
        if let Some(Body::Form(form)) = &mut self.body {
            if form.is_empty() {
                // Room for a few fields at once, rather than doubling from a few bytes.
                form.reserve(256);
            }
            append_pair(form, name, value);
        }
    }

    /// Sets a JSON body with this content type (`application/json`,
    /// `application/scim+json`), serialized now so that retries send the same bytes.
    pub fn json(
        &mut self,
        content_type: &'static str,
        body: &(impl serde::Serialize + ?Sized),
    ) -> Result<(), Error> {
        let content_type = HeaderValue::from_str(content_type).map_err(|_| {
            Error::config(format!(
                "{}: {content_type:?} is not a valid content type",
                self.operation
            ))
        })?;
        let bytes = serde_json::to_vec(body).map_err(|e| {
            Error::invalid_argument("body", format!("cannot be written as JSON: {e}"))
        })?;
        self.body = Some(Body::Json {
            content_type,
            bytes: bytes.into(),
        });
        Ok(())
    }

    /// Replaces the API's authentication schemes for this operation; empty means none is sent.
    pub fn security(&mut self, schemes: &'static [Scheme]) {
        self.security = Some(schemes);
    }
}

/// Appends `name=value` to a query string or form body, `&`-separated and encoded as
/// `application/x-www-form-urlencoded` (what `url::form_urlencoded::Serializer::append_pair`
/// writes, without taking the string apart and back for each pair).
fn append_pair(target: &mut String, name: &str, value: &str) {
    if !target.is_empty() {
        target.push('&');
    }
    target.extend(url::form_urlencoded::byte_serialize(name.as_bytes()));
    target.push('=');
    target.extend(url::form_urlencoded::byte_serialize(value.as_bytes()));
}

#[cfg(test)]
pub mod tests;
