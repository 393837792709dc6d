//! The client and its builder: credentials, where requests go, timeouts and retries.

use std::fmt;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use reqwest::header::HeaderValue;
use url::Url;

use crate::error::Error;
use crate::retry::RetryPolicy;

/// The default time limit for one request (connect, send, and read the whole response).
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// The default for [`ClientBuilder::max_response_size`]: 64 MiB, far above any page Twilio
/// sends (a page of 1000 records is a few megabytes).
const DEFAULT_MAX_RESPONSE_SIZE: usize = 64 * 1024 * 1024;

/// A Twilio API client.
///
/// Build one with [`Client::builder`] or [`Client::from_env`], then reach each API through its
/// accessor (`client.assistants_v1()`, …). Cloning is cheap: clones share one connection pool
/// and one configuration, so clone freely into tasks.
#[derive(Clone)]
pub struct Client {
    pub(crate) inner: Arc<ClientInner>,
}

pub(crate) struct ClientInner {
    pub(crate) http: reqwest::Client,
    /// Empty when the client has only a bearer token.
    pub(crate) account_sid: String,
    /// The username of basic auth: the account SID, or the API key SID (empty without basic
    /// credentials).
    pub(crate) username: String,
    /// The ready basic `Authorization` header, marked sensitive so it is never logged.
    pub(crate) basic: Option<HeaderValue>,
    /// Where bearer tokens come from, if configured.
    pub(crate) bearer: Option<Bearer>,
    pub(crate) base_url: Option<Url>,
    pub(crate) region: Option<String>,
    pub(crate) edge: Option<String>,
    pub(crate) timeout: Duration,
    pub(crate) retry: RetryPolicy,
    pub(crate) user_agent: HeaderValue,
    /// The largest success body read, in bytes.
    pub(crate) max_response_size: usize,
}

impl Client {
    /// Starts configuring a client.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::new()
    }

    /// A client configured from the environment: `TWILIO_ACCOUNT_SID` and `TWILIO_AUTH_TOKEN`
    /// (or `TWILIO_API_KEY` and `TWILIO_API_SECRET` instead of the token), and optionally
    /// `TWILIO_REGION` and `TWILIO_EDGE`.
    pub fn from_env() -> Result<Client, Error> {
        ClientBuilder::new().with_env_vars().build()
    }

    /// The account this client acts for; empty (`""`) when the client was built with only a
    /// bearer token or token source and no account SID.
    pub fn account_sid(&self) -> &str {
        &self.inner.account_sid
    }
}

/// The future a [`TokenSource`] returns: a bearer token, or why there is none.
pub type TokenFuture<'a> = Pin<
    Box<dyn Future<Output = Result<String, Box<dyn std::error::Error + Send + Sync>>> + Send + 'a>,
>;

/// Gives bearer tokens (OAuth 2.0 access tokens) for operations whose spec asks for bearer or
/// OAuth 2.0 authentication; set it with [`ClientBuilder::token_source`].
///
/// It is asked once per attempt of every such request (retries included), so it can cache a
/// token and refresh it when it nears expiry. Return the future with
/// `Box::pin(async move { ... })`. An error it returns becomes
/// [`Error::Auth`](crate::Error::Auth) and the request is not sent.
pub trait TokenSource: Send + Sync + 'static {
    /// A token to send as `Authorization: Bearer <token>`.
    fn token(&self) -> TokenFuture<'_>;
}

/// Where bearer tokens come from.
#[derive(Clone)]
pub(crate) enum Bearer {
    /// A fixed token, as a ready (sensitive) `Authorization` header.
    Fixed(HeaderValue),
    /// Asked for a token on each attempt.
    Source(Arc<dyn TokenSource>),
}

/// A bearer credential as configured on the builder.
#[derive(Clone)]
enum BearerConfig {
    Token(String),
    Source(Arc<dyn TokenSource>),
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &self.inner;
        f.debug_struct("Client")
            .field("account_sid", &inner.account_sid)
            .field("username", &inner.username)
            .field("credentials", &"<redacted>")
            .field(
                "bearer",
                &inner.bearer.as_ref().map(|bearer| match bearer {
                    Bearer::Fixed(_) => "<redacted>",
                    Bearer::Source(_) => "<token source>",
                }),
            )
            .field("base_url", &inner.base_url.as_ref().map(Url::as_str))
            .field("region", &inner.region)
            .field("edge", &inner.edge)
            .field("timeout", &inner.timeout)
            .field("max_retries", &inner.retry.max_retries)
            .field("retry_writes", &inner.retry.retry_writes)
            .finish_non_exhaustive()
    }
}

/// Configures a [`Client`]. Only credentials are required: the account SID with the auth token
/// or an API key, or (for operations that take OAuth 2.0 or bearer authentication) a bearer
/// token or token source, or both kinds.
///
/// `C` is what [`build`](Self::build) returns: this [`Client`], or a generated crate's own
/// `Client`, which wraps it and adds the API accessors.
pub struct ClientBuilder<C = Client> {
    account_sid: Option<String>,
    auth_token: Option<String>,
    api_key: Option<(String, String)>,
    bearer: Option<BearerConfig>,
    base_url: Option<String>,
    region: Option<String>,
    edge: Option<String>,
    timeout: Option<Duration>,
    retry: RetryPolicy,
    user_agent_suffix: Option<String>,
    http_client: Option<reqwest::Client>,
    insecure_http: bool,
    max_response_size: Option<usize>,
    /// The crate users depend on, named first in `User-Agent`: (name, version).
    product: (&'static str, &'static str),
    output: PhantomData<fn() -> C>,
}

impl<C> Default for ClientBuilder<C> {
    fn default() -> Self {
        ClientBuilder {
            account_sid: None,
            auth_token: None,
            api_key: None,
            bearer: None,
            base_url: None,
            region: None,
            edge: None,
            timeout: None,
            retry: RetryPolicy::default(),
            user_agent_suffix: None,
            http_client: None,
            insecure_http: false,
            max_response_size: None,
            product: (env!("CARGO_PKG_NAME"), env!("CARGO_PKG_VERSION")),
            output: PhantomData,
        }
    }
}

impl<C> Clone for ClientBuilder<C> {
    fn clone(&self) -> Self {
        ClientBuilder {
            account_sid: self.account_sid.clone(),
            auth_token: self.auth_token.clone(),
            api_key: self.api_key.clone(),
            bearer: self.bearer.clone(),
            base_url: self.base_url.clone(),
            region: self.region.clone(),
            edge: self.edge.clone(),
            timeout: self.timeout,
            retry: self.retry,
            user_agent_suffix: self.user_agent_suffix.clone(),
            http_client: self.http_client.clone(),
            insecure_http: self.insecure_http,
            max_response_size: self.max_response_size,
            product: self.product,
            output: PhantomData,
        }
    }
}

impl<C> ClientBuilder<C> {
    /// A builder with nothing set (the same as [`Client::builder`]).
    pub fn new() -> Self {
        Self::default()
    }

    /// A builder for the crate `name` at `version`, which `User-Agent` names first: how a
    /// generated crate's `Client::builder` starts.
    #[doc(hidden)]
    pub fn for_crate(name: &'static str, version: &'static str) -> Self {
        ClientBuilder {
            product: (name, version),
            ..Self::default()
        }
    }

    /// Fills what is not set yet from the environment: `TWILIO_ACCOUNT_SID`,
    /// `TWILIO_AUTH_TOKEN`, `TWILIO_API_KEY` with `TWILIO_API_SECRET`, `TWILIO_REGION` and
    /// `TWILIO_EDGE` (blank values count as unset). [`Client::from_env`] is
    /// `Client::builder().with_env_vars().build()`.
    pub fn with_env_vars(self) -> Self {
        self.with_env(|name| std::env::var(name).ok())
    }

    /// The Account SID (`AC` followed by 32 hexadecimal digits); checked by [`build`](Self::build).
    pub fn account_sid(mut self, account_sid: impl Into<String>) -> Self {
        self.account_sid = Some(account_sid.into());
        self
    }

    /// The account's auth token.
    pub fn auth_token(mut self, auth_token: impl Into<String>) -> Self {
        self.auth_token = Some(auth_token.into());
        self
    }

    /// Authenticates with an API key and its secret instead of the auth token (the account
    /// SID is still required).
    pub fn api_key(mut self, key_sid: impl Into<String>, secret: impl Into<String>) -> Self {
        self.api_key = Some((key_sid.into(), secret.into()));
        self
    }

    /// A fixed bearer token (an OAuth 2.0 access token), sent as `Authorization: Bearer <token>`
    /// to operations whose spec asks for bearer or OAuth 2.0 authentication. Replaces a
    /// [`token_source`](Self::token_source) set before. Operations that take basic
    /// authentication still need the account SID and auth token (or API key).
    pub fn bearer_token(mut self, token: impl Into<String>) -> Self {
        self.bearer = Some(BearerConfig::Token(token.into()));
        self
    }

    /// Asks `source` for a bearer token on every attempt of a request that needs one (so it can
    /// refresh expiring tokens). Replaces a [`bearer_token`](Self::bearer_token) set before.
    pub fn token_source(mut self, source: impl TokenSource) -> Self {
        self.bearer = Some(BearerConfig::Source(Arc::new(source)));
        self
    }

    /// Sends every API to this origin instead of Twilio's hosts (a mock server, a proxy). A path
    /// in the URL is kept as a prefix of every request path.
    ///
    /// Credentials only travel over https: an `http://` base URL is refused by
    /// [`build`](Self::build) unless its host is loopback (`localhost`, `127.0.0.0/8`, `[::1]`),
    /// or [`danger_allow_insecure_http`](Self::danger_allow_insecure_http) says otherwise.
    pub fn base_url(mut self, base_url: impl Into<String>) -> Self {
        self.base_url = Some(base_url.into());
        self
    }

    /// Allows an `http://` base URL on a host that is not loopback (a mock server in another
    /// container, a plain-text proxy on a trusted network). The auth token, API key secret or
    /// bearer token then cross that network in clear: never use it towards the internet.
    pub fn danger_allow_insecure_http(mut self) -> Self {
        self.insecure_http = true;
        self
    }

    /// The Twilio region (`ie1`, `au1`, …): `assistants.twilio.com` becomes
    /// `assistants.{edge}.ie1.twilio.com`. Ignored when a base URL is set.
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// The Twilio edge location (`dublin`, `sydney`, …); without a region, the region is `us1`.
    /// Ignored when a base URL is set.
    pub fn edge(mut self, edge: impl Into<String>) -> Self {
        self.edge = Some(edge.into());
        self
    }

    /// The time limit for each attempt of a request, from connecting to reading the whole
    /// response. Default: 30 seconds.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// How many times a request is retried after an attempt that failed in a way that is safe
    /// to retry. Default: 2. `0` disables retries.
    ///
    /// What is retried depends on what is known to have happened to the attempt, and on the
    /// method: a write (`POST` creates, `PATCH` updates) is sent again only when Twilio
    /// certainly did not apply it, so a message is never sent twice by the client.
    ///
    /// | what happened to the attempt | `GET`, `PUT`, `DELETE` | `POST`, `PATCH` | [`Error::is_write_maybe_applied`] |
    /// |---|---|---|---|
    /// | no connection made: refused, DNS failure, TLS handshake failure, connect timeout | retried | retried | `false` (nothing was sent) |
    /// | HTTP 429 Too Many Requests | retried, after `Retry-After` | retried, after `Retry-After` | `false` (refused unprocessed) |
    /// | HTTP 503 Service Unavailable | retried, after `Retry-After` | **not retried** | `true` |
    /// | any other 5xx | not retried | not retried | `true` |
    /// | a timeout once connected ([`timeout`](Self::timeout)) | not retried | not retried | `true` |
    /// | connection reset or closed after the request was written, an answer that is not HTTP, a body cut short | not retried | not retried | `true` |
    /// | any other status (4xx, 3xx), a body that does not decode | not retried | not retried | `false` |
    /// | a bad argument, configuration or token source: nothing sent | not retried | not retried | `false` |
    ///
    /// Every retry waits: `Retry-After` as the server sent it (seconds or an HTTP date),
    /// else exponential backoff with full jitter ([`retry_backoff`](Self::retry_backoff)); a
    /// retry whose wait would end past [`retry_time_limit`](Self::retry_time_limit) is not
    /// made. So a call takes at most `retry_time_limit + timeout`. A read that timed out or lost
    /// its connection is not retried either: each attempt may already have waited the whole
    /// `timeout`. [`retry_writes(false)`](Self::retry_writes) retries no write at all.
    pub fn max_retries(mut self, max_retries: u32) -> Self {
        self.retry.max_retries = max_retries;
        self
    }

    /// Whether writes (`POST`, `PATCH`) are retried after HTTP 429 or a connection that could
    /// not be made, the two cases in which Twilio certainly did not apply them (see the table
    /// on [`max_retries`](Self::max_retries)). Default: `true`. With `false`, a write is sent
    /// once whatever happens, and the caller decides; reads are retried as before.
    pub fn retry_writes(mut self, retry_writes: bool) -> Self {
        self.retry.retry_writes = retry_writes;
        self
    }

    /// The backoff before the first retry and the most any one backoff may be; each retry
    /// waits a random time up to `initial * 2^attempt` (full jitter), unless the server sent
    /// `Retry-After`. Defaults: 500 ms and 8 s.
    pub fn retry_backoff(mut self, initial: Duration, max: Duration) -> Self {
        self.retry.initial_backoff = initial;
        self.retry.max_backoff = max.max(initial);
        self
    }

    /// The most time spent on one call across all its attempts and waits; a retry that would
    /// end later is not made. Default: 60 seconds.
    pub fn retry_time_limit(mut self, limit: Duration) -> Self {
        self.retry.time_limit = limit;
        self
    }

    /// The largest successful response body the client reads, in bytes; a larger one (by its
    /// `Content-Length`, or as it arrives) is not read further and the call fails with
    /// [`Error::Decode`]. Default: 64 MiB. Error bodies are always cut at 64 KiB instead (they
    /// are only read to report the error).
    pub fn max_response_size(mut self, bytes: usize) -> Self {
        self.max_response_size = Some(bytes);
        self
    }

    /// Text appended to the `User-Agent` header (`my-app/1.2`).
    pub fn user_agent(mut self, suffix: impl Into<String>) -> Self {
        self.user_agent_suffix = Some(suffix.into());
        self
    }

    /// Uses this `reqwest::Client` (and its connection pool) instead of building one. Its own
    /// default headers and timeouts still apply; the client's timeout is set on each request.
    /// Build it from [`http_client_builder`](crate::http_client_builder) to get this crate's TLS
    /// and redirect policy.
    ///
    /// Give it `.redirect(reqwest::redirect::Policy::none())` if you build it otherwise:
    /// reqwest follows redirects by default. A client that follows one has already sent the
    /// request again to wherever the `Location` pointed (reqwest removes the `Authorization`
    /// header when that is another host, port or scheme, but sends the other headers, and
    /// after a 307 or 308 the body); this crate then refuses the answer with
    /// [`Error::Config`], so a redirect is never taken for an operation's result.
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http_client = Some(client);
        self
    }

    /// Fills what is not set yet from environment variables, read through `var`.
    fn with_env(mut self, var: impl Fn(&str) -> Option<String>) -> Self {
        let var = |name: &str| {
            var(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        self.account_sid = self.account_sid.or_else(|| var("TWILIO_ACCOUNT_SID"));
        self.auth_token = self.auth_token.or_else(|| var("TWILIO_AUTH_TOKEN"));
        if self.api_key.is_none()
            && let (Some(key), Some(secret)) = (var("TWILIO_API_KEY"), var("TWILIO_API_SECRET"))
        {
            self.api_key = Some((key, secret));
        }
        self.region = self.region.or_else(|| var("TWILIO_REGION"));
        self.edge = self.edge.or_else(|| var("TWILIO_EDGE"));
        self
    }

    /// Checks the configuration and builds the client.
    ///
    /// Fails with [`Error::Config`] when every credential is missing, when an auth token or API
    /// key is given without the account SID, when a credential is empty or cannot be sent in
    /// a header, or when the base URL is not an http(s) URL; and with
    /// [`Error::InvalidArgument`] when the account SID does not have the shape `AC` + 32
    /// hexadecimal digits. A client with only a bearer token or token source needs no account
    /// SID ([`Client::account_sid`] is then empty).
    pub fn build(self) -> Result<C, Error>
    where
        C: From<Client>,
    {
        self.build_client().map(C::from)
    }

    fn build_client(self) -> Result<Client, Error> {
        if let Some(account_sid) = &self.account_sid
            && !is_account_sid(account_sid)
        {
            // The value is not repeated: a swapped SID and token would print the token.
            return Err(Error::invalid_argument(
                "account_sid",
                "is not an Account SID: expected `AC` followed by 32 hexadecimal digits".to_owned(),
            ));
        }
        let basic_secret = match (self.api_key, self.auth_token) {
            (Some((key, secret)), _) => Some((Some(key), secret)),
            (None, Some(token)) => Some((None, token)),
            (None, None) => None,
        };
        let (account_sid, basic) = match (self.account_sid, basic_secret) {
            (Some(account_sid), Some((key, password))) => {
                let username = key.unwrap_or_else(|| account_sid.clone());
                (account_sid, Some((username, password)))
            }
            (None, Some(_)) => {
                return Err(Error::config(
                    "missing account SID: call `.account_sid(..)` or set TWILIO_ACCOUNT_SID",
                ));
            }
            (account_sid, None) if self.bearer.is_some() => (account_sid.unwrap_or_default(), None),
            (_, None) => {
                return Err(Error::config(
                    "missing credentials: call `.account_sid(..)` with `.auth_token(..)` or \
                     `.api_key(..)` (or set TWILIO_ACCOUNT_SID with TWILIO_AUTH_TOKEN, or with \
                     TWILIO_API_KEY and TWILIO_API_SECRET), or `.bearer_token(..)` or \
                     `.token_source(..)` for OAuth 2.0",
                ));
            }
        };
        if let Some((username, password)) = &basic
            && (username.is_empty() || password.is_empty())
        {
            return Err(Error::config(
                "empty credentials: the auth token (or API key and secret) must not be empty",
            ));
        }
        let bearer = match self.bearer {
            None => None,
            Some(BearerConfig::Source(source)) => Some(Bearer::Source(source)),
            Some(BearerConfig::Token(token)) => {
                Some(Bearer::Fixed(bearer_auth(&token).map_err(|problem| {
                    Error::config(format!("invalid credentials: {problem}"))
                })?))
            }
        };
        for (what, value) in [("region", &self.region), ("edge", &self.edge)] {
            if let Some(value) = value
                && (value.is_empty()
                    || !value
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'))
            {
                return Err(Error::config(format!(
                    "invalid {what} {value:?}: expected lowercase letters, digits and `-` (like `ie1` or `dublin`)"
                )));
            }
        }
        let base_url = self.base_url.as_deref().map(parse_base_url).transpose()?;
        if let Some(url) = &base_url
            && url.scheme() == "http"
            && !self.insecure_http
            && !is_loopback(url)
        {
            return Err(Error::config(format!(
                "refusing the base URL {}: credentials are only sent over https, or over http to \
                 a loopback host (localhost, 127.0.0.1, [::1]); call \
                 `.danger_allow_insecure_http()` to send them in clear to this host",
                url.as_str()
            )));
        }
        let timeout = self.timeout.unwrap_or(DEFAULT_TIMEOUT);
        let http = match self.http_client {
            Some(http) => http,
            None => crate::tls::http_client()?,
        };
        let (product, version) = self.product;
        let mut user_agent = format!(
            "{product}/{version} (rust; {} {})",
            std::env::consts::OS,
            std::env::consts::ARCH
        );
        if let Some(suffix) = self.user_agent_suffix.filter(|s| !s.trim().is_empty()) {
            user_agent.push(' ');
            user_agent.push_str(suffix.trim());
        }
        let user_agent = HeaderValue::from_str(&user_agent)
            .map_err(|_| Error::config("the user agent suffix must be visible ASCII text"))?;
        let (username, basic) = match basic {
            Some((username, password)) => {
                let header = basic_auth(&username, &password)?;
                (username, Some(header))
            }
            None => (String::new(), None),
        };
        Ok(Client {
            inner: Arc::new(ClientInner {
                http,
                account_sid,
                username,
                basic,
                bearer,
                base_url,
                region: self.region,
                edge: self.edge,
                timeout,
                retry: self.retry,
                user_agent,
                max_response_size: self.max_response_size.unwrap_or(DEFAULT_MAX_RESPONSE_SIZE),
            }),
        })
    }
}

impl<C> fmt::Debug for ClientBuilder<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("account_sid", &self.account_sid)
            .field(
                "auth_token",
                &self.auth_token.as_ref().map(|_| "<redacted>"),
            )
            .field(
                "api_key",
                &self.api_key.as_ref().map(|(key, _)| (key, "<redacted>")),
            )
            .field(
                "bearer",
                &self.bearer.as_ref().map(|bearer| match bearer {
                    BearerConfig::Token(_) => "<redacted>",
                    BearerConfig::Source(_) => "<token source>",
                }),
            )
            .field(
                "base_url",
                &self.base_url.as_deref().map(without_credentials),
            )
            .field("insecure_http", &self.insecure_http)
            .field("region", &self.region)
            .field("edge", &self.edge)
            .field("timeout", &self.timeout)
            .field("max_retries", &self.retry.max_retries)
            .field("retry_writes", &self.retry.retry_writes)
            .finish_non_exhaustive()
    }
}

/// Account SIDs are `AC` and 32 hexadecimal digits. This is Twilio's credential format, fixed
/// whatever the specs say, so the runtime checks it itself.
fn is_account_sid(value: &str) -> bool {
    let bytes = value.as_bytes();
    bytes.len() == 34 && bytes.starts_with(b"AC") && bytes[2..].iter().all(u8::is_ascii_hexdigit)
}

/// Parses the base URL. Errors do not repeat the text, which could carry a password
/// (`https://user:secret@host`).
fn parse_base_url(text: &str) -> Result<Url, Error> {
    let url =
        Url::parse(text.trim()).map_err(|e| Error::config(format!("invalid base URL: {e}")))?;
    if !url.username().is_empty() || url.password().is_some() {
        return Err(Error::config(
            "invalid base URL: it must not carry credentials (the client sends its own)",
        ));
    }
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err(Error::config(format!(
            "invalid base URL {}: expected an http:// or https:// URL with a host",
            url.as_str()
        )));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(Error::config(format!(
            "invalid base URL {}: it must not carry a query or a fragment",
            url.as_str()
        )));
    }
    Ok(url)
}

/// A base URL as `Debug` prints it: without a user name or password it may carry (which
/// `build` refuses), and not at all when it does not parse.
fn without_credentials(text: &str) -> String {
    match Url::parse(text.trim()) {
        Ok(mut url) => {
            // Only URLs that cannot have credentials refuse these, and they have none.
            let _ = url.set_username("");
            let _ = url.set_password(None);
            url.into()
        }
        Err(_) => "<not a URL>".to_owned(),
    }
}

/// Whether the URL's host is this machine: `localhost`, `127.0.0.0/8` or `[::1]`.
fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(domain)) => domain.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

fn basic_auth(username: &str, password: &str) -> Result<HeaderValue, Error> {
    use base64::Engine as _;
    let encoded =
        base64::engine::general_purpose::STANDARD.encode(format!("{username}:{password}"));
    let mut value = HeaderValue::from_str(&format!("Basic {encoded}"))
        .map_err(|_| Error::config("credentials could not be encoded"))?;
    value.set_sensitive(true);
    Ok(value)
}

/// `Bearer <token>` as a sensitive header value; the error says what is wrong without the token.
pub(crate) fn bearer_auth(token: &str) -> Result<HeaderValue, &'static str> {
    let token = token.trim();
    if token.is_empty() {
        return Err("the bearer token is empty");
    }
    let mut value = crate::encode::header_text(&format!("Bearer {token}"))
        .ok_or("the bearer token is not visible ASCII text")?;
    value.set_sensitive(true);
    Ok(value)
}

/// The host an API is reached at in a region and at an edge, as Twilio's own SDKs compute it:
/// `{product}.{edge}.{region}.twilio.com`, keeping a region or edge already in the host.
pub(crate) fn regional_host(host: &str, region: Option<&str>, edge: Option<&str>) -> String {
    if region.is_none() && edge.is_none() {
        return host.to_owned();
    }
    let pieces: Vec<&str> = host.split('.').collect();
    if pieces.len() < 3 {
        return host.to_owned();
    }
    let (product, domain) = (pieces[0], &pieces[pieces.len() - 2..]);
    let (host_edge, host_region) = match pieces.len() {
        5 => (Some(pieces[1]), Some(pieces[2])),
        4 => (None, Some(pieces[1])),
        _ => (None, None),
    };
    let edge = edge.or(host_edge);
    let region = region.or(host_region).or(edge.map(|_| "us1"));
    let mut parts = vec![product];
    parts.extend(edge);
    parts.extend(region);
    parts.extend(domain.iter().copied());
    parts.join(".")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_and_edge_rewrite_the_host_like_twilio_sdks() {
        let host = "assistants.twilio.com";
        assert_eq!(regional_host(host, None, None), host);
        assert_eq!(
            regional_host(host, Some("ie1"), Some("dublin")),
            "assistants.dublin.ie1.twilio.com"
        );
        assert_eq!(
            regional_host(host, Some("ie1"), None),
            "assistants.ie1.twilio.com"
        );
        assert_eq!(
            regional_host(host, None, Some("sydney")),
            "assistants.sydney.us1.twilio.com"
        );
        assert_eq!(
            regional_host("api.dublin.ie1.twilio.com", Some("au1"), None),
            "api.dublin.au1.twilio.com"
        );
    }

    struct NoToken;

    impl TokenSource for NoToken {
        fn token(&self) -> TokenFuture<'_> {
            Box::pin(async { Err("none".into()) })
        }
    }

    #[test]
    fn bearer_only_clients_build_without_an_account_sid_and_hide_their_token() {
        let secret = "s3cr3t-bearer-token";
        let builder = Client::builder().bearer_token(secret);
        let client = builder.clone().build().unwrap();
        assert_eq!(client.account_sid(), "");
        let debug = format!("{builder:?} {client:?}");
        assert!(!debug.contains(secret), "{debug}");
        assert!(debug.contains("<redacted>"), "{debug}");

        let sourced = Client::builder().token_source(NoToken).build().unwrap();
        assert!(format!("{sourced:?}").contains("<token source>"));
        let both = Client::builder()
            .account_sid("AC0123456789abcdef0123456789abcdef")
            .auth_token("t")
            .bearer_token(secret)
            .build()
            .unwrap();
        assert_eq!(both.account_sid(), "AC0123456789abcdef0123456789abcdef");
        assert!(!format!("{both:?}").contains(secret));

        // A basic credential still needs its account SID.
        let error = Client::builder()
            .auth_token("t")
            .bearer_token(secret)
            .build()
            .unwrap_err();
        assert!(error.to_string().contains("missing account SID"), "{error}");
        for bad in ["", "  ", "tok\nen"] {
            let error = Client::builder().bearer_token(bad).build().unwrap_err();
            assert!(matches!(error, Error::Config(_)), "{bad:?}: {error}");
        }
        let error = Client::builder()
            .bearer_token(format!("{secret}\u{e9}"))
            .build()
            .unwrap_err();
        assert!(!format!("{error} {error:?}").contains(secret), "{error}");
    }

    #[test]
    fn environment_fills_what_the_builder_left_unset() {
        let env = |name: &str| match name {
            "TWILIO_ACCOUNT_SID" => Some("AC0123456789abcdef0123456789abcdef".to_owned()),
            "TWILIO_API_KEY" => Some("SKkey".to_owned()),
            "TWILIO_API_SECRET" => Some("secret".to_owned()),
            "TWILIO_REGION" => Some("ie1".to_owned()),
            _ => None,
        };
        let client = Client::builder()
            .edge("dublin")
            .with_env(env)
            .build()
            .unwrap();
        assert_eq!(client.inner.username, "SKkey");
        assert_eq!(client.inner.region.as_deref(), Some("ie1"));
        assert_eq!(client.inner.edge.as_deref(), Some("dublin"));
        let missing = Client::builder().with_env(|_| None).build().unwrap_err();
        assert!(missing.to_string().contains("TWILIO_ACCOUNT_SID"));
    }
}
