//! Sending a request: its URL on the client's origin, its authentication, the retry loop
//! (rules in [`crate::retry`]) and one attempt.

use std::sync::Arc;
use std::time::{Instant, SystemTime};

use reqwest::Method;
use reqwest::header::{
    ACCEPT, AUTHORIZATION, CONTENT_LENGTH, CONTENT_TYPE, HeaderValue, LOCATION, RETRY_AFTER,
    USER_AGENT,
};
use serde::de::DeserializeOwned;
use url::Url;

use super::response::{
    Capped, ERROR_BODY_LIMIT, RawResponse, Redirect, decode, read_capped, read_limited,
};
use super::{Body, FORM_CONTENT_TYPE, Request, Scheme};
use crate::client::{Bearer, Client, TokenSource, bearer_auth, regional_host};
use crate::error::{ApiError, AuthError, DecodeError, Error, TransportError};
use crate::retry::{Attempt, is_write, parse_retry_after};
use crate::trace::Call;

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
