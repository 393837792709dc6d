//! One request: where it goes, how it is sent (auth, headers, timeout, retries) and how its
//! response becomes a value or an error.

use std::time::{Instant, SystemTime};

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC};
use reqwest::Method;
use reqwest::header::{ACCEPT, AUTHORIZATION, HeaderValue, RETRY_AFTER, USER_AGENT};
use serde::de::DeserializeOwned;
use url::Url;

use crate::runtime::client::{Client, regional_host};
use crate::runtime::error::{ApiError, DecodeError, Error, TransportError};
use crate::runtime::pagination::NextPage;
use crate::runtime::retry::{is_retried, parse_retry_after};

/// Path characters left as they are: RFC 3986's unreserved set. Everything else in a path
/// argument is percent-encoded, so `/`, `?`, `#` and `%` can never change the route.
const PATH_SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Error bodies are read up to this size; the rest is not needed to report the error.
const ERROR_BODY_LIMIT: usize = 64 * 1024;

/// An API's default location, from its spec's `servers`.
#[derive(Debug)]
pub(crate) struct Api {
    pub scheme: &'static str,
    pub host: &'static str,
    pub base_path: &'static str,
}

/// A request ready to send: method, path and query, already encoded.
#[derive(Debug, Clone)]
pub(crate) struct Request {
    api: &'static Api,
    method: Method,
    operation: &'static str,
    path: String,
    query: Option<String>,
    /// Whether the path already holds the API's base path (true for next-page URLs).
    absolute_path: bool,
}

impl Request {
    pub(crate) fn new(api: &'static Api, method: Method, operation: &'static str) -> Self {
        Request {
            api,
            method,
            operation,
            path: String::new(),
            query: None,
            absolute_path: false,
        }
    }

    /// Appends literal path text from the spec.
    pub(crate) fn path(&mut self, literal: &str) {
        self.path.push_str(literal);
    }

    /// Appends a path argument, percent-encoded. Empty, `.` and `..` are refused: each would
    /// make the request reach another resource.
    pub(crate) fn path_param(&mut self, name: &'static str, value: &str) -> Result<(), Error> {
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

    /// Appends a query parameter.
    #[allow(dead_code)] // Unused by crates whose specs have no query parameter.
    pub(crate) fn query(&mut self, name: &str, value: &str) {
        let query = self.query.get_or_insert_with(String::new);
        let mut serializer = url::form_urlencoded::Serializer::for_suffix(std::mem::take(query), 0);
        serializer.append_pair(name, value);
        *query = serializer.finish();
    }

    /// The path and query, as compared to detect a repeated next page.
    #[allow(dead_code)] // Unused by crates whose specs have no list operation.
    pub(crate) fn path_and_query(&self) -> String {
        match &self.query {
            Some(query) => format!("{}?{query}", self.path),
            None => self.path.clone(),
        }
    }

    /// The request for the page after this one, or `None` when `next` is empty.
    ///
    /// A URL (absolute, or relative to this request's URL) gives its path and query, sent to
    /// this request's origin, never the host written in it, so credentials only go where
    /// configured. A token gives this request again with the token's query parameter set to
    /// it (any earlier value of that parameter removed).
    #[allow(dead_code)] // Unused by crates whose specs have no list operation.
    pub(crate) fn for_next_page(&self, next: NextPage<'_>) -> Option<Request> {
        match next {
            NextPage::Url(next) => {
                let next = next.trim();
                if next.is_empty() {
                    return None;
                }
                // A relative URL is resolved against this request's path on a placeholder
                // origin; only the resulting path and query are kept.
                let current = if self.absolute_path {
                    self.path.clone()
                } else {
                    format!("{}{}", self.api.base_path, self.path)
                };
                let base = Url::parse("http://next.invalid/")
                    .ok()?
                    .join(&current)
                    .ok()?;
                let url = Url::parse(next).or_else(|_| base.join(next)).ok()?;
                Some(Request {
                    path: url.path().to_owned(),
                    query: url.query().filter(|q| !q.is_empty()).map(str::to_owned),
                    absolute_path: true,
                    ..self.clone()
                })
            }
            NextPage::Token { param, value } => {
                if value.trim().is_empty() {
                    return None;
                }
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
                Some(request)
            }
        }
    }

    fn is_idempotent(&self) -> bool {
        !matches!(self.method, Method::POST | Method::PATCH)
    }
}

/// A success response, read whole.
struct Success {
    status: u16,
    body: bytes::Bytes,
}

impl Client {
    /// Sends `request` and decodes its JSON body.
    pub(crate) async fn execute<T: DeserializeOwned>(&self, request: &Request) -> Result<T, Error> {
        let success = self.send(request).await?;
        decode(request.operation, success.status, &success.body)
    }

    /// Sends `request`, for operations without a response body.
    #[allow(dead_code)] // Only crates whose specs have such operations use it.
    pub(crate) async fn execute_empty(&self, request: &Request) -> Result<(), Error> {
        self.send(request).await.map(|_| ())
    }

    /// The full URL of a request on this client's origin for its API.
    pub(crate) fn url_for(&self, request: &Request) -> Result<Url, Error> {
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

    /// Sends with retries (see [`crate::runtime::retry`]); returns the success response or the
    /// last error.
    async fn send(&self, request: &Request) -> Result<Success, Error> {
        let url = self.url_for(request)?;
        let policy = self.inner.retry;
        let started = Instant::now();
        let mut attempt = 0;
        loop {
            let error = match self.send_once(request, &url).await {
                Ok(Ok(success)) => return Ok(success),
                Ok(Err(api)) => Error::Api(api),
                Err(transport) => Error::Transport(transport),
            };
            if !is_retried(&error) || !request.is_idempotent() || attempt >= policy.max_retries {
                return Err(error);
            }
            let retry_after = error.api_error().and_then(|api| api.retry_after);
            let delay = policy.delay(attempt, retry_after);
            if started.elapsed() + delay > policy.time_limit {
                return Err(error);
            }
            tokio::time::sleep(delay).await;
            attempt += 1;
        }
    }

    /// One attempt: the response as success or API error, or a transport error.
    async fn send_once(
        &self,
        request: &Request,
        url: &Url,
    ) -> Result<Result<Success, ApiError>, TransportError> {
        let inner = &self.inner;
        let transport = |e| TransportError::new(request.operation, e);
        let response = inner
            .http
            .request(request.method.clone(), url.clone())
            .header(AUTHORIZATION, inner.authorization.clone())
            .header(ACCEPT, HeaderValue::from_static("application/json"))
            .header(USER_AGENT, inner.user_agent.clone())
            .timeout(inner.timeout)
            .send()
            .await
            .map_err(transport)?;
        let status = response.status().as_u16();
        if response.status().is_success() {
            let body = response.bytes().await.map_err(transport)?;
            return Ok(Ok(Success { status, body }));
        }
        let headers = response.headers();
        let request_id = headers
            .get("twilio-request-id")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let retry_after = headers
            .get(RETRY_AFTER)
            .and_then(|v| parse_retry_after(v, SystemTime::now()));
        let body = read_limited(response, ERROR_BODY_LIMIT)
            .await
            .map_err(transport)?;
        Ok(Err(ApiError::from_body(
            status,
            body,
            request_id,
            retry_after,
        )))
    }
}

/// Reads at most `limit` bytes of a body.
async fn read_limited(
    mut response: reqwest::Response,
    limit: usize,
) -> Result<Vec<u8>, reqwest::Error> {
    let mut body = Vec::new();
    while body.len() < limit {
        match response.chunk().await? {
            Some(chunk) => body.extend_from_slice(&chunk[..chunk.len().min(limit - body.len())]),
            None => break,
        }
    }
    Ok(body)
}

/// Decodes a JSON body. On failure the body is read again with path tracking, so the error
/// names the JSON path of the bad field; tracking only on failure keeps the common case fast
/// (`cargo xtask bench`: tracking costs about 1.5x on a page of 1000 sessions).
pub(crate) fn decode<T: DeserializeOwned>(
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
            Err(error) => {
                DecodeError::new(operation, status, ".".to_owned(), error.to_string(), body)
            }
            Ok(()) => DecodeError::new(
                operation,
                status,
                ".".to_owned(),
                "invalid JSON".to_owned(),
                body,
            ),
        },
    };
    Err(Error::Decode(error))
}

#[cfg(test)]
pub(crate) mod tests {
    use std::time::Duration;

    use wiremock::MockServer;

    use super::*;
    use crate::runtime::client::ClientBuilder;

    pub(crate) const ACCOUNT_SID: &str = "AC0123456789abcdef0123456789abcdef";
    pub(crate) const AUTH_TOKEN: &str = "s3cr3t-auth-token";

    static ASSISTANTS: Api = Api {
        scheme: "https",
        host: "assistants.twilio.com",
        base_path: "",
    };

    /// An API for requests made by hand.
    pub(crate) static TEST_API: Api = Api {
        scheme: "https",
        host: "api.twilio.com",
        base_path: "/v1",
    };

    /// A builder sending to `server`, with retries that take milliseconds.
    pub(crate) fn builder_for(server: &MockServer) -> ClientBuilder {
        Client::builder()
            .base_url(server.uri())
            .retry_backoff(Duration::from_millis(1), Duration::from_millis(5))
    }

    /// A client for `server` with basic credentials.
    pub(crate) fn basic_client(server: &MockServer) -> Client {
        builder_for(server)
            .account_sid(ACCOUNT_SID)
            .auth_token(AUTH_TOKEN)
            .build()
            .unwrap()
    }

    /// What `server` received, in order.
    pub(crate) async fn received(server: &MockServer) -> Vec<wiremock::Request> {
        server.received_requests().await.unwrap_or_default()
    }

    fn url(client: &Client) -> String {
        let mut request = Request::new(&ASSISTANTS, Method::GET, "ListSessions");
        request.path("/v1/Sessions");
        request.query("PageSize", "50");
        client.url_for(&request).unwrap().to_string()
    }

    fn client(configure: impl FnOnce(ClientBuilder) -> ClientBuilder) -> Client {
        let builder = Client::builder().account_sid(ACCOUNT_SID).auth_token("t");
        configure(builder).build().unwrap()
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
        let first = Request::new(&ASSISTANTS, Method::GET, "ListSessions");
        let next = first
            .for_next_page(NextPage::Url(
                "https://evil.example.com/v1/Sessions?PageToken=x#frag",
            ))
            .unwrap();
        assert_eq!(
            client.url_for(&next).unwrap().as_str(),
            "http://127.0.0.1:4010/proxy/v1/Sessions?PageToken=x"
        );
        let already_prefixed = first
            .for_next_page(NextPage::Url(
                "http://127.0.0.1:4010/proxy/v1/Sessions?Page=2",
            ))
            .unwrap();
        assert_eq!(
            client.url_for(&already_prefixed).unwrap().as_str(),
            "http://127.0.0.1:4010/proxy/v1/Sessions?Page=2"
        );
        let relative = first
            .for_next_page(NextPage::Url("/v1/Sessions?Page=3"))
            .unwrap();
        assert_eq!(
            client.url_for(&relative).unwrap().as_str(),
            "http://127.0.0.1:4010/proxy/v1/Sessions?Page=3"
        );
        assert!(first.for_next_page(NextPage::Url("  ")).is_none());
    }

    #[test]
    fn token_pages_replace_the_token_and_keep_the_other_parameters() {
        let client = client(|b| b.base_url("http://127.0.0.1:4010"));
        let mut first = Request::new(&TEST_API, Method::GET, "ListThings");
        first.path("/Things");
        first.query("PageToken", "old");
        first.query("PageSize", "2");
        first.query("PageToken", "older");
        let next = first
            .for_next_page(NextPage::Token {
                param: "PageToken",
                value: "new token/&",
            })
            .unwrap();
        assert_eq!(
            client.url_for(&next).unwrap().as_str(),
            "http://127.0.0.1:4010/v1/Things?PageSize=2&PageToken=new+token%2F%26"
        );
        let empty = NextPage::Token {
            param: "PageToken",
            value: "",
        };
        assert!(first.for_next_page(empty).is_none());
    }
}
