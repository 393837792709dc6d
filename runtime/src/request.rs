//! One request: where it goes, what it carries (query, headers, body), how it is sent (auth,
//! timeout, retries) and how its response becomes a value or an error.

use std::sync::Arc;
use std::time::{Instant, SystemTime};

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC};
use reqwest::Method;
use reqwest::header::{
    ACCEPT, AUTHORIZATION, CONTENT_LENGTH, CONTENT_TYPE, HeaderName, HeaderValue, LOCATION,
    RETRY_AFTER, USER_AGENT,
};
use serde::de::DeserializeOwned;
use url::Url;

use crate::client::{Bearer, Client, TokenSource, bearer_auth, regional_host};
use crate::encode::WireText;
use crate::error::{ApiError, AuthError, DecodeError, Error, TransportError};
use crate::pagination::NextPage;
use crate::retry::{Attempt, is_write, parse_retry_after};
use crate::trace::Call;

/// Path characters left as they are: RFC 3986's unreserved set. Everything else in a path
/// argument is percent-encoded, so `/`, `?`, `#` and `%` can never change the route.
const PATH_SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Error bodies are read up to this size; the rest is not needed to report the error.
const ERROR_BODY_LIMIT: usize = 64 * 1024;

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

/// `text` as a header value if it is visible ASCII, spaces and tabs. `HeaderValue::from_str`
/// also takes bytes above 127, which servers read in whatever charset they assume.
pub fn header_text(text: &str) -> Option<HeaderValue> {
    if !text
        .bytes()
        .all(|b| b == b'\t' || (b' '..=b'~').contains(&b))
    {
        return None;
    }
    HeaderValue::from_str(text).ok()
}

/// The answer of an operation whose only success is a redirect with a body: the client never
/// follows it (credentials stay on the configured origin), it hands over both parts.
#[derive(Debug, Clone, PartialEq)]
pub struct Redirect<T> {
    /// The 3xx status.
    pub status: u16,
    /// The `Location` header, as sent (it may be relative), if there is one.
    pub location: Option<String>,
    /// The decoded body.
    pub body: T,
}

/// A success (2xx) response, read whole.
#[derive(Debug)]
pub struct RawResponse {
    pub status: u16,
    pub body: bytes::Bytes,
}

impl RawResponse {
    /// Decodes the JSON body as `T` (see [`decode`]).
    pub fn decode<T: DeserializeOwned>(&self, operation: &'static str) -> Result<T, Error> {
        decode(operation, self.status, &self.body)
    }

    /// A decode error about this response's content as a whole.
    pub fn decode_error(&self, operation: &'static str, message: String) -> Error {
        Error::Decode(DecodeError::of_body(
            operation,
            self.status,
            message,
            &self.body,
        ))
    }

    /// The error for a success status the spec does not document for this operation.
    pub fn unexpected_status(&self, operation: &'static str) -> Error {
        Error::Decode(DecodeError::of_body(
            operation,
            self.status,
            format!(
                "HTTP {} is not a documented success status of this operation",
                self.status
            ),
            &self.body,
        ))
    }
}

/// What an operation counts as its answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// A 2xx; a 3xx is an error like any other status.
    Success,
    /// A 3xx (a 2xx is also returned, for the caller to report).
    Redirect,
}

/// An answer the operation expects, read.
struct Answer {
    status: u16,
    location: Option<String>,
    body: bytes::Bytes,
}

/// How a request is authenticated, decided before the first attempt.
enum Auth<'a> {
    None,
    Header(&'a HeaderValue),
    Source(&'a Arc<dyn TokenSource>),
}

// What generated request builders call; not for users, so not in the docs.
#[doc(hidden)]
impl Client {
    /// Sends `request` and decodes its JSON body.
    pub async fn execute<T: DeserializeOwned>(&self, request: &Request) -> Result<T, Error> {
        let raw = self.execute_raw(request).await?;
        decode(request.operation, raw.status, &raw.body)
    }

    /// Sends `request`, for operations without a response body.
    pub async fn execute_empty(&self, request: &Request) -> Result<(), Error> {
        self.execute_raw(request).await.map(|_| ())
    }

    /// Sends `request` and returns any 2xx response, status and body, for operations that
    /// answer differently depending on the status.
    pub async fn execute_raw(&self, request: &Request) -> Result<RawResponse, Error> {
        let answer = self.send(request, Expect::Success).await?;
        Ok(RawResponse {
            status: answer.status,
            body: answer.body,
        })
    }

    /// Sends `request`, for operations whose only success is a redirect: returns the
    /// `Location` of the 3xx answer, as sent, without following it. A 3xx without `Location`
    /// or a 2xx is an [`Error::Decode`].
    pub async fn execute_redirect(&self, request: &Request) -> Result<String, Error> {
        let answer = self.send(request, Expect::Redirect).await?;
        let problem = match (answer.status, answer.location) {
            (300..=399, Some(location)) => return Ok(location),
            (300..=399, None) => "the redirect has no Location header".to_owned(),
            (status, _) => format!(
                "expected a redirect (3xx with a Location header), got HTTP {status}; a reqwest \
                 client that follows redirects hides them"
            ),
        };
        Err(Error::Decode(DecodeError::of_body(
            request.operation,
            answer.status,
            problem,
            &answer.body,
        )))
    }

    /// Sends `request`, for operations whose only success is a redirect with a documented
    /// body: the body is decoded, the `Location` kept if there is one; nothing is followed.
    pub async fn execute_redirect_body<T: DeserializeOwned>(
        &self,
        request: &Request,
    ) -> Result<Redirect<T>, Error> {
        let answer = self.send(request, Expect::Redirect).await?;
        if !(300..=399).contains(&answer.status) {
            return Err(Error::Decode(DecodeError::of_body(
                request.operation,
                answer.status,
                format!(
                    "expected a redirect (3xx), got HTTP {}; a reqwest client that follows \
                     redirects hides them",
                    answer.status
                ),
                &answer.body,
            )));
        }
        Ok(Redirect {
            status: answer.status,
            location: answer.location,
            body: decode(request.operation, answer.status, &answer.body)?,
        })
    }

    /// The full URL of a request on this client's origin for its API.
    pub fn url_for(&self, request: &Request) -> Result<Url, Error> {
        let inner = &self.inner;
        let api = request.api;
        let (mut url, prefix) = match &inner.base_url {
            Some(base) => (base.clone(), base.path().trim_end_matches('/').to_owned()),
            None => {
                let host = regional_host(api.host, inner.region.as_deref(), inner.edge.as_deref());
                let origin = format!("{}://{host}", api.scheme);
                let url = Url::parse(&origin)
                    .map_err(|e| Error::config(format!("invalid host {host:?}: {e}")))?;
                (url, String::new())
            }
        };
        let path = if request.absolute_path {
            // Next-page URLs carry the server's full path; a base URL's prefix is added unless
            // the server already included it.
            if !prefix.is_empty() && !request.path.starts_with(&format!("{prefix}/")) {
                format!("{prefix}{}", request.path)
            } else {
                request.path.clone()
            }
        } else {
            format!("{prefix}{}{}", api.base_path, request.path)
        };
        url.set_path(&path);
        url.set_query(request.query.as_deref());
        Ok(url)
    }

    /// How `request` is authenticated: the first of its schemes the client has credentials
    /// for. Fails, before anything is sent, when it has none of them.
    fn auth_for(&self, request: &Request) -> Result<Auth<'_>, Error> {
        let schemes = request.security.unwrap_or(request.api.security);
        if schemes.is_empty() {
            return Ok(Auth::None);
        }
        let inner = &self.inner;
        for scheme in schemes {
            match (scheme, &inner.basic, &inner.bearer) {
                (Scheme::Basic, Some(basic), _) => return Ok(Auth::Header(basic)),
                (Scheme::Bearer, _, Some(Bearer::Fixed(header))) => {
                    return Ok(Auth::Header(header));
                }
                (Scheme::Bearer, _, Some(Bearer::Source(source))) => {
                    return Ok(Auth::Source(source));
                }
                _ => {}
            }
        }
        let mut needed: Vec<&str> = Vec::new();
        for scheme in schemes {
            if !needed.contains(&scheme.how_to_configure()) {
                needed.push(scheme.how_to_configure());
            }
        }
        Err(Error::config(format!(
            "{} needs {}, which this client was not given",
            request.operation,
            needed.join(" or ")
        )))
    }

    /// Sends with retries (see [`crate::retry`]); returns the expected answer or the
    /// last error.
    async fn send(&self, request: &Request, expect: Expect) -> Result<Answer, Error> {
        let call = Call::start(
            request.operation,
            request.method.as_str(),
            request.path_template,
        );
        let mut attempts = 0;
        let result = call
            .within(self.send_with_retries(request, expect, &call, &mut attempts))
            .await;
        call.finish(attempts, result.as_ref().map(|answer| answer.status));
        result
    }

    /// [`send`](Self::send)'s loop; counts the attempts made in `attempts`.
    async fn send_with_retries(
        &self,
        request: &Request,
        expect: Expect,
        call: &Call,
        attempts: &mut u32,
    ) -> Result<Answer, Error> {
        let url = self.url_for(request)?;
        let auth = self.auth_for(request)?;
        let policy = self.inner.retry;
        let started = Instant::now();
        let mut attempt = 0;
        loop {
            // Asked on every attempt, so a token source can hand out a refreshed token.
            let authorization = authorization(&auth, request.operation).await?;
            *attempts = attempt + 1;
            let mut error = match self.send_once(request, &url, authorization, expect).await {
                Ok(answer) => return Ok(answer),
                Err(error) => error,
            };
            // The rules (crate::retry) decide from what happened; a retried attempt is one
            // Twilio did not apply, so the last attempt's error speaks for all of them.
            let happened = Attempt::of(&error);
            let retry_after = error.api_error().and_then(|api| api.retry_after);
            let wait = policy.wait_before_retry(
                &request.method,
                happened,
                attempt,
                started.elapsed(),
                retry_after,
            );
            let Some(delay) = wait else {
                if is_write(&request.method) && happened.may_have_applied() {
                    error.mark_write_maybe_applied();
                }
                return Err(error);
            };
            call.retrying(attempt, &error, delay);
            tokio::time::sleep(delay).await;
            attempt += 1;
        }
    }

    /// One attempt: the expected answer, or an API or transport error.
    async fn send_once(
        &self,
        request: &Request,
        url: &Url,
        authorization: Option<HeaderValue>,
        expect: Expect,
    ) -> Result<Answer, Error> {
        let inner = &self.inner;
        let transport = |e| {
            Error::Transport(TransportError::new(
                request.operation,
                request.method.clone(),
                e,
            ))
        };
        // Built in place, as `RequestBuilder` would, without its intermediate header map.
        let mut http_request = reqwest::Request::new(request.method.clone(), url.clone());
        *http_request.timeout_mut() = Some(inner.timeout);
        let headers = http_request.headers_mut();
        headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
        headers.insert(USER_AGENT, inner.user_agent.clone());
        // A header parameter replaces a default of the same name; repeated ones are all sent.
        for (name, _) in &request.headers {
            headers.remove(name);
        }
        for (name, value) in &request.headers {
            headers.append(name.clone(), value.clone());
        }
        let body = match &request.body {
            // A POST, PUT or PATCH without a body still says so: servers may answer 411
            // Length Required otherwise.
            None if matches!(request.method, Method::POST | Method::PUT | Method::PATCH) => {
                headers.insert(CONTENT_LENGTH, HeaderValue::from_static("0"));
                None
            }
            None => None,
            Some(Body::Form(form)) => {
                headers.insert(CONTENT_TYPE, HeaderValue::from_static(FORM_CONTENT_TYPE));
                if form.is_empty() {
                    // hyper leaves the length out of an empty body; servers may then refuse a
                    // POST with 411 Length Required.
                    headers.insert(CONTENT_LENGTH, HeaderValue::from_static("0"));
                }
                Some(reqwest::Body::from(form.clone()))
            }
            Some(Body::Json {
                content_type,
                bytes,
            }) => {
                headers.insert(CONTENT_TYPE, content_type.clone());
                Some(reqwest::Body::from(bytes.clone()))
            }
        };
        if let Some(authorization) = authorization {
            headers.insert(AUTHORIZATION, authorization);
        }
        *http_request.body_mut() = body;
        let response = inner.http.execute(http_request).await.map_err(transport)?;
        if response.url() != url {
            // Only a `reqwest::Client` given to `http_client(..)` follows redirects. reqwest
            // drops `Authorization` when one leads to another origin; its answer is refused
            // here, so a redirect is never taken for the operation's result.
            return Err(Error::config(format!(
                "{}: the reqwest client given to `http_client(..)` followed a redirect; build \
                 it from `http_client_builder()` or with \
                 `.redirect(reqwest::redirect::Policy::none())`",
                request.operation
            )));
        }
        let status = response.status();
        let accepted =
            status.is_success() || (expect == Expect::Redirect && status.is_redirection());
        if accepted {
            let location = match expect {
                Expect::Redirect => response
                    .headers()
                    .get(LOCATION)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_owned),
                Expect::Success => None,
            };
            let body = if status.is_success() {
                read_capped(response, inner.max_response_size)
                    .await
                    .map_err(|e| match e {
                        Capped::Read(e) => transport(e),
                        Capped::TooLarge(start) => Error::Decode(DecodeError::of_body(
                            request.operation,
                            status.as_u16(),
                            format!(
                                "the response body is larger than the client's limit of {} \
                                 bytes (`ClientBuilder::max_response_size`)",
                                inner.max_response_size
                            ),
                            &start,
                        )),
                    })?
            } else {
                // A redirect's body is small when the spec documents one; read it bounded.
                let (body, error) = read_limited(response, ERROR_BODY_LIMIT).await;
                if let Some(error) = error {
                    return Err(transport(error));
                }
                bytes::Bytes::from(body)
            };
            return Ok(Answer {
                status: status.as_u16(),
                location,
                body,
            });
        }
        let headers = response.headers();
        let request_id = headers
            .get("twilio-request-id")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let retry_after = headers
            .get(RETRY_AFTER)
            .and_then(|v| parse_retry_after(v, SystemTime::now()));
        // The status is the answer; a body cut short (a timeout, a reset) still gives what
        // arrived, and the error stays an API error, retried as its status is.
        let (body, _) = read_limited(response, ERROR_BODY_LIMIT).await;
        Err(Error::Api(ApiError::from_body(
            status.as_u16(),
            body,
            request_id,
            retry_after,
        )))
    }
}

/// The `Authorization` header for one attempt, asking the token source if there is one.
async fn authorization(
    auth: &Auth<'_>,
    operation: &'static str,
) -> Result<Option<HeaderValue>, Error> {
    match auth {
        Auth::None => Ok(None),
        Auth::Header(header) => Ok(Some((*header).clone())),
        Auth::Source(source) => {
            let token = source.token().await.map_err(|e| {
                Error::Auth(AuthError::new(
                    operation,
                    "the token source failed",
                    Some(e),
                ))
            })?;
            bearer_auth(&token)
                .map(Some)
                .map_err(|problem| Error::Auth(AuthError::new(operation, problem, None)))
        }
    }
}

/// Reads at most `limit` bytes of a body, and stops there: the rest is never read (the
/// connection is closed rather than drained). On a read error, what arrived before it.
async fn read_limited(
    mut response: reqwest::Response,
    limit: usize,
) -> (Vec<u8>, Option<reqwest::Error>) {
    let mut body = Vec::new();
    while body.len() < limit {
        match response.chunk().await {
            Ok(Some(chunk)) => {
                body.extend_from_slice(&chunk[..chunk.len().min(limit - body.len())]);
            }
            Ok(None) => break,
            Err(error) => return (body, Some(error)),
        }
    }
    (body, None)
}

/// Why a success body was not read whole.
enum Capped {
    Read(reqwest::Error),
    /// Longer than the limit (announced or read); the start of what was read, if any.
    TooLarge(Vec<u8>),
}

/// Reads a whole body of at most `limit` bytes. A `Content-Length` above the limit is refused
/// before reading; a body without one is read until it passes the limit, then dropped.
async fn read_capped(
    mut response: reqwest::Response,
    limit: usize,
) -> Result<bytes::Bytes, Capped> {
    match response.content_length() {
        Some(length) if length > limit as u64 => return Err(Capped::TooLarge(Vec::new())),
        // hyper reads no more than the announced length, and fails if less arrives.
        Some(_) => return response.bytes().await.map_err(Capped::Read),
        None => {}
    }
    let mut body = bytes::BytesMut::new();
    while let Some(chunk) = response.chunk().await.map_err(Capped::Read)? {
        if chunk.len() > limit - body.len() {
            // Enough for the error's snippet (one byte more shows that it was cut).
            let keep = crate::error::SNIPPET_LIMIT + 1;
            let mut start = body.to_vec();
            start.truncate(keep);
            start.extend_from_slice(&chunk[..chunk.len().min(keep - start.len())]);
            return Err(Capped::TooLarge(start));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body.freeze())
}

/// Decodes a JSON body. On failure the body is read again with path tracking, so the error
/// names the JSON path of the bad field; tracking only on failure keeps the common case fast
/// (`cargo xtask bench`: tracking costs about 1.5x on a page of 1000 sessions).
pub fn decode<T: DeserializeOwned>(
    operation: &'static str,
    status: u16,
    body: &[u8],
) -> Result<T, Error> {
    if let Ok(value) = serde_json::from_slice(body) {
        return Ok(value);
    }
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let error = match serde_path_to_error::deserialize::<_, T>(&mut deserializer) {
        Err(error) => {
            let path = error.path().to_string();
            DecodeError::new(
                operation,
                status,
                path,
                error.into_inner().to_string(),
                body,
            )
        }
        // Only trailing characters are left to fail on.
        Ok(_) => match deserializer.end() {
            Err(error) => DecodeError::of_body(operation, status, error.to_string(), body),
            Ok(()) => DecodeError::of_body(operation, status, "invalid JSON".to_owned(), body),
        },
    };
    Err(Error::Decode(error))
}

#[cfg(test)]
pub mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    use serde_json::json;
    use wiremock::matchers::method;
    use wiremock::{Mock, MockServer, ResponseTemplate};

    use super::*;
    use crate::client::{ClientBuilder, TokenFuture};

    pub const ACCOUNT_SID: &str = "AC0123456789abcdef0123456789abcdef";
    pub const AUTH_TOKEN: &str = "s3cr3t-auth-token";
    pub const BEARER: &str = "s3cr3t-bearer-token";

    static ASSISTANTS: Api = Api {
        scheme: "https",
        host: "assistants.twilio.com",
        base_path: "",
        security: &[Scheme::Basic],
    };

    /// An API whose operations take basic auth unless they say otherwise.
    pub static TEST_API: Api = Api {
        scheme: "https",
        host: "api.twilio.com",
        base_path: "/v1",
        security: &[Scheme::Basic],
    };

    /// A builder sending to `server`, with retries that take milliseconds.
    pub fn builder_for(server: &MockServer) -> ClientBuilder {
        Client::builder()
            .base_url(server.uri())
            .retry_backoff(Duration::from_millis(1), Duration::from_millis(5))
    }

    /// A client for `server` with basic credentials.
    pub fn basic_client(server: &MockServer) -> Client {
        builder_for(server)
            .account_sid(ACCOUNT_SID)
            .auth_token(AUTH_TOKEN)
            .build()
            .unwrap()
    }

    /// What `server` received, in order.
    pub async fn received(server: &MockServer) -> Vec<wiremock::Request> {
        server.received_requests().await.unwrap_or_default()
    }

    fn header<'a>(request: &'a wiremock::Request, name: &str) -> Option<&'a str> {
        request.headers.get(name).map(|v| v.to_str().unwrap())
    }

    fn basic_header() -> String {
        use base64::Engine as _;
        let encoded =
            base64::engine::general_purpose::STANDARD.encode(format!("{ACCOUNT_SID}:{AUTH_TOKEN}"));
        format!("Basic {encoded}")
    }

    async fn answering(template: ResponseTemplate) -> MockServer {
        let server = MockServer::start().await;
        Mock::given(wiremock::matchers::any())
            .respond_with(template)
            .mount(&server)
            .await;
        server
    }

    fn post(operation: &'static str) -> Request {
        let mut request = Request::new(&TEST_API, Method::POST, operation, "/test");
        request.path("/Sinks");
        request
    }

    fn url(client: &Client) -> String {
        let mut request = Request::new(&ASSISTANTS, Method::GET, "ListSessions", "/v1/Sessions");
        request.path("/v1/Sessions");
        request.query("PageSize", "50");
        client.url_for(&request).unwrap().to_string()
    }

    fn client(configure: impl FnOnce(ClientBuilder) -> ClientBuilder) -> Client {
        let builder = Client::builder().account_sid(ACCOUNT_SID).auth_token("t");
        configure(builder).build().unwrap()
    }

    #[test]
    fn pairs_are_encoded_as_the_form_serializer_encodes_them() {
        let pairs = [
            ("Sip.Username", "a b&c=d"),
            ("", ""),
            ("Body", "héllo ☃ 100%+/?#"),
            ("Empty", ""),
            ("StartTime<", "2024-05-01T12:00:00Z"),
        ];
        let mut ours = String::new();
        let mut serializer = url::form_urlencoded::Serializer::new(String::new());
        for (name, value) in pairs {
            append_pair(&mut ours, name, value);
            serializer.append_pair(name, value);
        }
        assert_eq!(ours, serializer.finish());
    }

    #[test]
    fn urls_use_the_spec_host_region_edge_or_base_url() {
        assert_eq!(
            url(&client(|b| b)),
            "https://assistants.twilio.com/v1/Sessions?PageSize=50"
        );
        assert_eq!(
            url(&client(|b| b.region("ie1").edge("dublin"))),
            "https://assistants.dublin.ie1.twilio.com/v1/Sessions?PageSize=50"
        );
        assert_eq!(
            url(&client(|b| b
                .region("ie1")
                .base_url("http://127.0.0.1:4010"))),
            "http://127.0.0.1:4010/v1/Sessions?PageSize=50"
        );
    }

    #[test]
    fn next_pages_keep_only_path_and_query() {
        let client = client(|b| b.base_url("http://127.0.0.1:4010/proxy"));
        let first = Request::new(&ASSISTANTS, Method::GET, "ListSessions", "/v1/Sessions");
        let next = first
            .for_next_page(
                NextPage::Url("https://evil.example.com/v1/Sessions?PageToken=x#frag"),
                None,
            )
            .unwrap()
            .unwrap();
        assert_eq!(
            client.url_for(&next).unwrap().as_str(),
            "http://127.0.0.1:4010/proxy/v1/Sessions?PageToken=x"
        );
        let already_prefixed = first
            .for_next_page(
                NextPage::Url("http://127.0.0.1:4010/proxy/v1/Sessions?Page=2"),
                None,
            )
            .unwrap()
            .unwrap();
        assert_eq!(
            client.url_for(&already_prefixed).unwrap().as_str(),
            "http://127.0.0.1:4010/proxy/v1/Sessions?Page=2"
        );
        let relative = first
            .for_next_page(NextPage::Url("/v1/Sessions?Page=3"), None)
            .unwrap()
            .unwrap();
        assert_eq!(
            client.url_for(&relative).unwrap().as_str(),
            "http://127.0.0.1:4010/proxy/v1/Sessions?Page=3"
        );
        assert!(matches!(
            first.for_next_page(NextPage::Url("  "), None),
            Ok(None)
        ));

        // Userinfo, `..` and encoded line breaks stay on the client's origin (and prefix).
        let cases = [
            (
                "https://user:pass@evil.example/v1/Sessions?Page=4",
                "http://127.0.0.1:4010/proxy/v1/Sessions?Page=4",
            ),
            (
                "/proxy/../../../admin?x=1",
                "http://127.0.0.1:4010/proxy/admin?x=1",
            ),
            ("../%2e%2e/admin", "http://127.0.0.1:4010/proxy/admin"),
            (
                "/v1/Sessions?Page=5%0d%0aX-Injected:%201",
                "http://127.0.0.1:4010/proxy/v1/Sessions?Page=5%0d%0aX-Injected:%201",
            ),
        ];
        for (link, expected) in cases {
            let next = first
                .for_next_page(NextPage::Url(link), None)
                .unwrap()
                .unwrap();
            assert_eq!(client.url_for(&next).unwrap().as_str(), expected, "{link}");
        }

        // Links that cannot be a page of this API are refused, saying why.
        for (link, why) in [
            ("file:///etc/passwd", "is not an http(s) URL"),
            ("ftp://evil.example/v1/Sessions", "is not an http(s) URL"),
            ("javascript:alert(1)", "is not an http(s) URL"),
            (
                "/v1/Sessions?Page=6\r\nX-Injected: 1",
                "contains control characters",
            ),
            ("/v1/Sessions?Page=\n7", "contains control characters"),
            ("http://[::1/v1", "is not a URL"),
        ] {
            let problem = first
                .for_next_page(NextPage::Url(link), None)
                .err()
                .unwrap();
            assert!(problem.contains(why), "{link}: {problem}");
            assert!(!problem.contains('\n'), "{problem}");
        }
    }

    #[test]
    fn token_pages_replace_the_token_and_keep_the_other_parameters() {
        let client = client(|b| b.base_url("http://127.0.0.1:4010"));
        let mut first = Request::new(&TEST_API, Method::GET, "ListThings", "/test");
        first.path("/Things");
        first.query("PageToken", "old");
        first.query("PageSize", "2");
        first.query("PageToken", "older");
        let next = first
            .for_next_page(NextPage::Token("new token/&"), Some("PageToken"))
            .unwrap()
            .unwrap();
        assert_eq!(
            client.url_for(&next).unwrap().as_str(),
            "http://127.0.0.1:4010/v1/Things?PageSize=2&PageToken=new+token%2F%26"
        );
        assert!(matches!(
            first.for_next_page(NextPage::Token(""), Some("PageToken")),
            Ok(None)
        ));
        assert!(
            first
                .for_next_page(NextPage::Token("t"), None)
                .is_err_and(|problem| problem.contains("no token parameter")),
            "a token with nowhere to go stops paging with an error, not silently"
        );
    }

    #[tokio::test]
    async fn form_bodies_follow_twilios_conventions() {
        let server =
            answering(ResponseTemplate::new(201).set_body_json(json!({"sid": "DG1"}))).await;
        let client = basic_client(&server);
        let mut request = post("CreateSink");
        let config = json!({"destination": "arn:aws:kinesis", "role": "r w"});
        request.form("Tags", "a");
        request.form("Tags", "b c");
        request.form("Sip.Username", "alice");
        request.form("Enabled", &true.wire_text());
        // How a timestamp becomes text is encode.rs's test; this one is about the form.
        request.form("StartDate", "2024-05-01T12:30:05Z");
        request.form("SinkConfiguration", &config.wire_text());
        request.form("FriendlyName", &json!("plain").wire_text());
        let raw = client.execute_raw(&request).await.unwrap();
        assert_eq!(raw.status, 201);
        let sent = received(&server).await;
        assert_eq!(sent.len(), 1);
        assert_eq!(
            header(&sent[0], "content-type"),
            Some("application/x-www-form-urlencoded")
        );
        assert_eq!(
            String::from_utf8(sent[0].body.clone()).unwrap(),
            "Tags=a&Tags=b+c&Sip.Username=alice&Enabled=true&StartDate=2024-05-01T12%3A30%3A05Z\
             &SinkConfiguration=%7B%22destination%22%3A%22arn%3Aaws%3Akinesis%22%2C%22role%22%3A%22r+w%22%7D\
             &FriendlyName=plain"
        );
        assert_eq!(sent[0].url.path(), "/v1/Sinks");
        assert_eq!(sent[0].method.as_str(), "POST");
    }

    #[tokio::test]
    async fn a_form_body_without_fields_is_sent_empty_with_the_form_content_type() {
        let server = answering(ResponseTemplate::new(200).set_body_json(json!({}))).await;
        let client = basic_client(&server);
        let mut request = post("UpdateSink");
        request.form_body();
        client.execute_empty(&request).await.unwrap();
        let sent = received(&server).await;
        assert_eq!(
            header(&sent[0], "content-type"),
            Some("application/x-www-form-urlencoded")
        );
        assert_eq!(header(&sent[0], "content-length"), Some("0"));
        assert!(sent[0].body.is_empty());
        // Without a body, no content type is claimed.
        client
            .execute_empty(&Request::new(&TEST_API, Method::GET, "FetchSink", "/test"))
            .await
            .unwrap();
        let sent = received(&server).await;
        assert_eq!(header(&sent[1], "content-type"), None);
    }

    #[tokio::test]
    async fn json_bodies_are_sent_with_their_content_type_and_resent_as_is() {
        let server = MockServer::start().await;
        // The first attempt is throttled; the retry must carry the same bytes.
        Mock::given(method("PUT"))
            .respond_with(ResponseTemplate::new(503))
            .up_to_n_times(1)
            .mount(&server)
            .await;
        Mock::given(wiremock::matchers::any())
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({"ok": true})))
            .mount(&server)
            .await;
        let client = basic_client(&server);
        let user =
            json!({"userName": "ann", "emails": [{"value": "a@example.com"}], "active": true});
        let mut scim = Request::new(&TEST_API, Method::PUT, "UpdateUser", "/test");
        scim.path("/Users/U1");
        scim.json("application/scim+json", &user).unwrap();
        let answer: serde_json::Value = client.execute(&scim).await.unwrap();
        assert_eq!(answer, json!({"ok": true}));

        let mut plain = post("CreateThing");
        let body: std::collections::BTreeMap<&str, i32> = [("b", 2), ("a", 1)].into();
        plain.json("application/json", &body).unwrap();
        client.execute_empty(&plain).await.unwrap();

        let sent = received(&server).await;
        assert_eq!(sent.len(), 3);
        for attempt in &sent[..2] {
            assert_eq!(
                header(attempt, "content-type"),
                Some("application/scim+json")
            );
            assert_eq!(attempt.body, serde_json::to_vec(&user).unwrap());
        }
        assert_eq!(header(&sent[2], "content-type"), Some("application/json"));
        assert_eq!(sent[2].body, br#"{"a":1,"b":2}"#);
    }

    #[tokio::test]
    async fn header_parameters_are_sent_and_bad_values_refused_before_sending() {
        let server = answering(ResponseTemplate::new(200).set_body_json(json!({}))).await;
        let client = basic_client(&server);
        // As a generated builder does: check and assemble, then send.
        let build = |enabled: &str| -> Result<Request, Error> {
            let mut request = post("CreateSink");
            request.header("X-Twilio-Webhook-Enabled", enabled)?;
            request.header("Accept", "application/scim+json")?;
            Ok(request)
        };
        for bad in ["true\r\nX-Injected: 1", "line\nbreak", "caf\u{e9}", "nul\0"] {
            let error = match build(bad) {
                Ok(request) => client.execute_empty(&request).await.unwrap_err(),
                Err(error) => error,
            };
            assert!(
                matches!(&error, Error::InvalidArgument(e) if e.name == "X-Twilio-Webhook-Enabled"),
                "{bad:?}: {error}"
            );
            assert!(!error.to_string().contains("Injected"), "{error}");
        }
        assert!(received(&server).await.is_empty());

        client.execute_empty(&build("true").unwrap()).await.unwrap();
        let sent = received(&server).await;
        assert_eq!(sent.len(), 1);
        assert_eq!(header(&sent[0], "x-twilio-webhook-enabled"), Some("true"));
        // A header parameter replaces the default of the same name.
        let accept: Vec<_> = sent[0].headers.get_all("accept").iter().collect();
        assert_eq!(accept, ["application/scim+json"]);
    }

    #[tokio::test]
    async fn schemes_pick_the_first_credential_the_client_has() {
        let server = answering(ResponseTemplate::new(200).set_body_json(json!({}))).await;
        let both = builder_for(&server)
            .account_sid(ACCOUNT_SID)
            .auth_token(AUTH_TOKEN)
            .bearer_token(BEARER)
            .build()
            .unwrap();
        let bearer_only = builder_for(&server).bearer_token(BEARER).build().unwrap();
        assert_eq!(bearer_only.account_sid(), "");
        let basic_only = basic_client(&server);

        let api_default = Request::new(&TEST_API, Method::GET, "FetchThing", "/test");
        let mut bearer_op = api_default.clone();
        bearer_op.security(&[Scheme::Bearer]);
        let mut either = api_default.clone();
        either.security(&[Scheme::Bearer, Scheme::Basic]);
        let mut public = api_default.clone();
        public.security(&[]);

        both.execute_empty(&api_default).await.unwrap();
        both.execute_empty(&bearer_op).await.unwrap();
        both.execute_empty(&either).await.unwrap();
        basic_only.execute_empty(&either).await.unwrap();
        bearer_only.execute_empty(&either).await.unwrap();
        bearer_only.execute_empty(&public).await.unwrap();
        both.execute_empty(&public).await.unwrap();

        let sent = received(&server).await;
        let auth: Vec<Option<&str>> = sent.iter().map(|r| header(r, "authorization")).collect();
        let basic = basic_header();
        let bearer = format!("Bearer {BEARER}");
        assert_eq!(
            auth,
            [
                Some(basic.as_str()),
                Some(bearer.as_str()),
                Some(bearer.as_str()),
                Some(basic.as_str()),
                Some(bearer.as_str()),
                None,
                None,
            ]
        );
    }

    #[tokio::test]
    async fn missing_credentials_for_an_operation_fail_before_sending() {
        let server = answering(ResponseTemplate::new(200).set_body_json(json!({}))).await;
        let bearer_only = builder_for(&server).bearer_token(BEARER).build().unwrap();
        let error = bearer_only
            .execute_empty(&Request::new(&TEST_API, Method::GET, "FetchThing", "/test"))
            .await
            .unwrap_err();
        let Error::Config(config) = &error else {
            panic!("expected a configuration error, got {error:?}");
        };
        assert!(config.message.starts_with("FetchThing needs"), "{error}");
        assert!(config.message.contains(".auth_token(..)"), "{error}");

        let mut bearer_op = Request::new(&TEST_API, Method::GET, "CreateToken", "/test");
        bearer_op.security(&[Scheme::Bearer]);
        let error = basic_client(&server)
            .execute_empty(&bearer_op)
            .await
            .unwrap_err();
        assert!(matches!(error, Error::Config(_)), "{error:?}");
        let message = error.to_string();
        assert!(message.contains("CreateToken needs"), "{message}");
        assert!(message.contains(".token_source(..)"), "{message}");
        assert!(!message.contains(AUTH_TOKEN), "{message}");
        assert!(received(&server).await.is_empty());
    }

    struct Counting(AtomicUsize);

    impl TokenSource for Counting {
        fn token(&self) -> TokenFuture<'_> {
            Box::pin(async move {
                let n = self.0.fetch_add(1, Ordering::SeqCst) + 1;
                Ok(format!("tok-{n}"))
            })
        }
    }

    struct Failing(&'static str);

    impl TokenSource for Failing {
        fn token(&self) -> TokenFuture<'_> {
            Box::pin(async move {
                match self.0 {
                    "" => Err("identity provider unavailable".into()),
                    token => Ok(token.to_owned()),
                }
            })
        }
    }

    #[tokio::test]
    async fn a_token_source_is_asked_on_every_attempt() {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .respond_with(ResponseTemplate::new(503))
            .up_to_n_times(1)
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
            .mount(&server)
            .await;
        let client = builder_for(&server)
            .token_source(Counting(AtomicUsize::new(0)))
            .build()
            .unwrap();
        let mut request = Request::new(&TEST_API, Method::GET, "FetchThing", "/test");
        request.security(&[Scheme::Basic, Scheme::Bearer]);
        client.execute_empty(&request).await.unwrap();
        let sent = received(&server).await;
        let auth: Vec<_> = sent.iter().map(|r| header(r, "authorization")).collect();
        assert_eq!(auth, [Some("Bearer tok-1"), Some("Bearer tok-2")]);
    }

    #[tokio::test]
    async fn a_failing_token_source_is_an_auth_error_and_nothing_is_sent() {
        let server = answering(ResponseTemplate::new(200).set_body_json(json!({}))).await;
        let mut request = Request::new(&TEST_API, Method::GET, "FetchThing", "/test");
        request.security(&[Scheme::Bearer]);

        let failing = builder_for(&server)
            .token_source(Failing(""))
            .build()
            .unwrap();
        let error = failing.execute_empty(&request).await.unwrap_err();
        assert!(
            matches!(&error, Error::Auth(e) if e.operation == "FetchThing"),
            "{error:?}"
        );
        assert_eq!(error.to_string(), "FetchThing: the token source failed");
        let cause = std::error::Error::source(&error).map(ToString::to_string);
        assert_eq!(cause.as_deref(), Some("identity provider unavailable"));
        assert!(!error.is_retryable());

        let bad_token = "tok\r\nX-Injected: 1";
        let unsendable = builder_for(&server)
            .token_source(Failing(bad_token))
            .build()
            .unwrap();
        let error = unsendable.execute_empty(&request).await.unwrap_err();
        assert!(matches!(error, Error::Auth(_)), "{error:?}");
        assert!(
            !format!("{error} {error:?}").contains("Injected"),
            "{error}"
        );
        assert!(received(&server).await.is_empty());
    }

    #[tokio::test]
    async fn execute_raw_returns_each_success_status_and_body() {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .respond_with(ResponseTemplate::new(201).set_body_json(json!({"sid": "SK1"})))
            .mount(&server)
            .await;
        Mock::given(method("DELETE"))
            .respond_with(ResponseTemplate::new(204))
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .respond_with(ResponseTemplate::new(202).set_body_json(json!({"sid": "SK2"})))
            .mount(&server)
            .await;
        let client = basic_client(&server);
        let mut outcomes = Vec::new();
        for verb in [Method::POST, Method::DELETE, Method::GET] {
            let raw = client
                .execute_raw(&Request::new(&TEST_API, verb, "UpsertKey", "/test"))
                .await
                .unwrap();
            // As generated code for several 2xx outcomes does.
            let outcome = match raw.status {
                201 | 202 => raw.decode::<serde_json::Value>("UpsertKey").unwrap()["sid"].clone(),
                204 => json!(null),
                other => panic!("unexpected {other}"),
            };
            outcomes.push((raw.status, outcome));
        }
        assert_eq!(
            outcomes,
            [(201, json!("SK1")), (204, json!(null)), (202, json!("SK2"))]
        );
        let error = RawResponse {
            status: 201,
            body: bytes::Bytes::from_static(b"{\"sid\": 3}"),
        }
        .decode::<std::collections::HashMap<String, String>>("UpsertKey")
        .unwrap_err();
        assert!(
            matches!(&error, Error::Decode(e) if e.path == "sid"),
            "{error:?}"
        );
    }

    #[tokio::test]
    async fn redirects_give_their_location_and_are_never_followed() {
        let elsewhere = answering(ResponseTemplate::new(200).set_body_json(json!({}))).await;
        let target = format!("{}/landing?token=1", elsewhere.uri());
        let server = answering(
            ResponseTemplate::new(302)
                .insert_header("Location", target.as_str())
                .set_body_string("moved"),
        )
        .await;
        let client = basic_client(&server);
        let request = Request::new(&TEST_API, Method::GET, "FetchRecordingMedia", "/test");
        assert_eq!(client.execute_redirect(&request).await.unwrap(), target);

        // An operation that expects a 2xx gets an API error with the 3xx status.
        let error = client.execute_empty(&request).await.unwrap_err();
        assert_eq!(error.status(), Some(302), "{error:?}");
        assert!(matches!(error, Error::Api(_)));
        let error = client
            .execute::<serde_json::Value>(&request)
            .await
            .unwrap_err();
        assert_eq!(error.status(), Some(302), "{error:?}");

        assert_eq!(received(&server).await.len(), 3);
        assert!(received(&elsewhere).await.is_empty());

        // Without a Location, or with a 2xx, there is nothing to return.
        let no_location = answering(ResponseTemplate::new(307)).await;
        let error = basic_client(&no_location)
            .execute_redirect(&request)
            .await
            .unwrap_err();
        assert!(
            matches!(&error, Error::Decode(e) if e.status == 307 && e.message.contains("Location")),
            "{error:?}"
        );
        let error = basic_client(&elsewhere)
            .execute_redirect(&request)
            .await
            .unwrap_err();
        assert!(
            matches!(&error, Error::Decode(e) if e.status == 200 && e.operation == "FetchRecordingMedia"),
            "{error:?}"
        );
    }

    #[tokio::test]
    async fn redirects_with_a_documented_body_give_both_and_are_never_followed() {
        let elsewhere = answering(ResponseTemplate::new(200).set_body_json(json!({}))).await;
        let target = format!("{}/authorize?state=1", elsewhere.uri());
        let request = Request::new(&TEST_API, Method::GET, "FetchAuthorize", "/test");

        let with_location = answering(
            ResponseTemplate::new(302)
                .insert_header("Location", target.as_str())
                .set_body_json(json!({"redirect_to": target})),
        )
        .await;
        let answer = basic_client(&with_location)
            .execute_redirect_body::<serde_json::Value>(&request)
            .await
            .unwrap();
        assert_eq!(answer.status, 302);
        assert_eq!(answer.location.as_deref(), Some(target.as_str()));
        assert_eq!(answer.body, json!({"redirect_to": target}));

        // Twilio's spec documents the body only: no Location is fine, the body says where.
        let body_only =
            answering(ResponseTemplate::new(302).set_body_json(json!({"redirect_to": "x"}))).await;
        let answer = basic_client(&body_only)
            .execute_redirect_body::<serde_json::Value>(&request)
            .await
            .unwrap();
        assert_eq!(
            (answer.location, answer.body),
            (None, json!({"redirect_to": "x"}))
        );

        // A body of the wrong shape is a decode error naming the status.
        let error = basic_client(&body_only)
            .execute_redirect_body::<Vec<String>>(&request)
            .await
            .unwrap_err();
        assert!(
            matches!(&error, Error::Decode(e) if e.status == 302),
            "{error:?}"
        );
        assert!(received(&elsewhere).await.is_empty(), "nothing is followed");
    }

    #[tokio::test]
    async fn a_followed_redirect_from_a_users_reqwest_client_is_refused() {
        // reqwest's default policy follows up to 10 redirects.
        let following = crate::tls::http_client_builder()
            .unwrap()
            .redirect(reqwest::redirect::Policy::default())
            .build()
            .unwrap();
        let elsewhere = answering(ResponseTemplate::new(200).set_body_json(json!({}))).await;
        let request = Request::new(&TEST_API, Method::GET, "FetchThing", "/test");

        // To another origin (another port is another origin): reqwest itself drops the
        // credentials, and the answer from there is refused.
        let cross = answering(
            ResponseTemplate::new(302)
                .insert_header("Location", format!("{}/landing", elsewhere.uri()).as_str()),
        )
        .await;
        let client = builder_for(&cross)
            .account_sid(ACCOUNT_SID)
            .auth_token(AUTH_TOKEN)
            .http_client(following.clone())
            .build()
            .unwrap();
        let error = client.execute_empty(&request).await.unwrap_err();
        assert!(
            matches!(&error, Error::Config(e) if e.message.contains("followed a redirect")),
            "{error:?}"
        );
        let error = client.execute_redirect(&request).await.unwrap_err();
        assert!(matches!(error, Error::Config(_)), "{error:?}");
        let landed = received(&elsewhere).await;
        assert_eq!(landed.len(), 2);
        assert!(landed.iter().all(|r| header(r, "authorization").is_none()));
        let sent = received(&cross).await;
        assert_eq!(
            header(&sent[0], "authorization"),
            Some(basic_header().as_str())
        );

        // On the same origin the answer is refused all the same.
        let same = MockServer::start().await;
        Mock::given(wiremock::matchers::path("/v1/moved"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
            .mount(&same)
            .await;
        Mock::given(method("GET"))
            .respond_with(ResponseTemplate::new(307).insert_header("Location", "/v1/moved"))
            .mount(&same)
            .await;
        let client = builder_for(&same)
            .account_sid(ACCOUNT_SID)
            .auth_token(AUTH_TOKEN)
            .http_client(following)
            .build()
            .unwrap();
        let error = client.execute_empty(&request).await.unwrap_err();
        assert!(matches!(error, Error::Config(_)), "{error:?}");
        assert_eq!(
            received(&same).await.len(),
            2,
            "the request and its redirect"
        );
    }

    /// A token source's error with a cause of its own.
    #[derive(Debug)]
    struct ProviderDown(std::io::Error);

    impl std::fmt::Display for ProviderDown {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("identity provider unavailable")
        }
    }

    impl std::error::Error for ProviderDown {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            Some(&self.0)
        }
    }

    struct Down;

    impl TokenSource for Down {
        fn token(&self) -> TokenFuture<'_> {
            Box::pin(async {
                let cause = std::io::Error::new(std::io::ErrorKind::ConnectionRefused, "idp:443");
                Err(Box::new(ProviderDown(cause)) as Box<dyn std::error::Error + Send + Sync>)
            })
        }
    }

    /// A loopback server that answers once with `answer` and closes, or with nothing when
    /// `answer` is empty; its address.
    fn one_shot(answer: &'static [u8]) -> std::net::SocketAddr {
        use std::io::{Read as _, Write as _};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        std::thread::spawn(move || {
            if let Ok((mut stream, _)) = listener.accept() {
                let _ = stream.read(&mut [0; 4096]);
                if answer.is_empty() {
                    std::thread::sleep(Duration::from_secs(5));
                }
                let _ = stream.write_all(answer);
            }
        });
        addr
    }

    #[tokio::test]
    async fn each_error_level_prints_itself_and_leaves_its_causes_to_source() {
        let with_base = |base: String| {
            Client::builder()
                .account_sid(ACCOUNT_SID)
                .auth_token(AUTH_TOKEN)
                .base_url(base)
                .max_retries(0)
                .timeout(Duration::from_millis(300))
        };
        let fetch = Request::new(&TEST_API, Method::GET, "FetchThing", "/test");
        let mut errors = vec![
            with_base("ftp://example.com".to_owned())
                .build()
                .unwrap_err(),
            Request::new(&TEST_API, Method::GET, "FetchThing", "/test")
                .path_param("Sid", "..")
                .unwrap_err(),
        ];
        // Transport: refused, timed out, cut short.
        let closed = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap();
        for addr in [
            closed,
            one_shot(b""),
            one_shot(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{"),
        ] {
            let client = with_base(format!("http://{addr}")).build().unwrap();
            errors.push(client.execute_empty(&fetch).await.unwrap_err());
        }
        let api = answering(ResponseTemplate::new(404).set_body_json(json!({
            "code": 20404, "message": "not found", "more_info": "https://www.twilio.com/docs/errors/20404"
        })))
        .await;
        errors.push(basic_client(&api).execute_empty(&fetch).await.unwrap_err());
        let html = answering(ResponseTemplate::new(200).set_body_string("<html>")).await;
        let decode = basic_client(&html)
            .execute::<serde_json::Value>(&fetch)
            .await;
        errors.push(decode.unwrap_err());
        let mut bearer = fetch.clone();
        bearer.security(&[Scheme::Bearer]);
        let down = builder_for(&api).token_source(Down).build().unwrap();
        errors.push(down.execute_empty(&bearer).await.unwrap_err());

        let mut variants = Vec::new();
        for error in &errors {
            variants.push(match error {
                Error::Config(_) => "Config",
                Error::InvalidArgument(_) => "InvalidArgument",
                Error::Transport(_) => "Transport",
                Error::Api(_) => "Api",
                Error::Decode(_) => "Decode",
                Error::Auth(_) => "Auth",
            });
            let mut levels = vec![error.to_string()];
            let mut cause = std::error::Error::source(error);
            while let Some(next) = cause {
                levels.push(next.to_string());
                cause = next.source();
            }
            for pair in levels.windows(2) {
                assert!(!pair[0].contains(&pair[1]), "printed twice: {levels:#?}");
            }
            assert!(levels.iter().all(|level| !level.is_empty()), "{levels:?}");
            if let Error::Transport(_) | Error::Auth(_) = error {
                assert!(levels[0].starts_with("FetchThing"), "{levels:?}");
                assert!(levels.len() >= 2, "the cause is reachable: {levels:?}");
            }
        }
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            variants,
            [
                "Config",
                "InvalidArgument",
                "Transport",
                "Transport",
                "Transport",
                "Api",
                "Decode",
                "Auth"
            ],
            "{messages:#?}"
        );
        assert_eq!(
            messages[2..5],
            [
                "FetchThing (GET): could not connect to the server",
                "FetchThing (GET): timed out waiting for the response",
                "FetchThing (GET): the response body could not be read to the end",
            ]
        );
        let auth_causes: Vec<String> =
            std::iter::successors(std::error::Error::source(&errors[7]), |e| e.source())
                .map(ToString::to_string)
                .collect();
        assert_eq!(auth_causes, ["identity provider unavailable", "idp:443"]);
    }

    #[tokio::test]
    async fn scim_errors_give_their_detail_and_keep_the_body() {
        let body = json!({
            "schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"],
            "detail": "User U1 not found",
            "status": "404",
            "scimType": "invalidValue"
        });
        let server = answering(
            ResponseTemplate::new(404).set_body_raw(body.to_string(), "application/scim+json"),
        )
        .await;
        let error = basic_client(&server)
            .execute_empty(&Request::new(&TEST_API, Method::GET, "FetchUser", "/test"))
            .await
            .unwrap_err();
        let api = error.api_error().unwrap();
        assert_eq!(api.status(), 404);
        assert_eq!(api.message(), "User U1 not found");
        assert_eq!(api.code(), None);
        assert_eq!(api.body(), body.to_string().as_bytes());
        #[derive(serde::Deserialize)]
        struct ScimError {
            #[serde(rename = "scimType")]
            scim_type: String,
            status: String,
        }
        let scim: ScimError = api.decode_body().unwrap();
        assert_eq!(
            (scim.scim_type.as_str(), scim.status.as_str()),
            ("invalidValue", "404")
        );
        assert!(api.decode_body::<Vec<u8>>().is_none());
        let debug = format!("{api:?}");
        let size = format!("<{} bytes>", body.to_string().len());
        assert!(
            debug.contains(&size) && !debug.contains("scimType"),
            "{debug}"
        );
    }
}
