//! Twilio access tokens: short-lived JWTs that let Twilio's client SDKs (Voice, Video,
//! Conversations, Sync, TaskRouter, Live) talk to Twilio on behalf of one of your users.
//!
//! Your server mints a token with an [API key](https://www.twilio.com/docs/iam/api-keys) (its SID
//! `SK…` and secret) and hands it to the client; the client SDK sends it to Twilio. Nothing here
//! calls Twilio's API.
//!
//! ```
//! # use twilio_api_runtime as twilio_api;
//! use std::time::Duration;
//! use twilio_api::jwt::{AccessToken, VideoGrant, VoiceGrant};
//!
//! let jwt: String = AccessToken::new(
//!     "AC00000000000000000000000000000000",
//!     "SK00000000000000000000000000000000",
//!     "api_key_secret",
//! )
//! .identity("alice")
//! .ttl(Duration::from_secs(3600))
//! .grant(
//!     VoiceGrant::new()
//!         .outgoing_application_sid("AP00000000000000000000000000000000")
//!         .incoming_allow(true),
//! )
//! .grant(VideoGrant::new().room("daily-standup"))
//! .to_jwt()?;
//! assert_eq!(jwt.split('.').count(), 3);
//! # Ok::<(), twilio_api::jwt::TokenError>(())
//! ```
//!
//! # The token
//!
//! An HS256 JWT, signed with the API key secret. Header:
//!
//! ```json
//! {"alg": "HS256", "typ": "JWT", "cty": "twilio-fpa;v=1", "twr": "au1"}
//! ```
//!
//! (`twr` only with a [`region`](AccessToken::region)). Claims:
//!
//! ```json
//! {"jti": "SK…-1700000000", "iss": "SK…", "sub": "AC…",
//!  "iat": 1700000000, "exp": 1700003600, "nbf": 1700000000,
//!  "grants": {"identity": "alice", "voice": {…}, "video": {…}}}
//! ```
//!
//! * `jti` is `"{key SID}-{iat}"`, `iss` the API key SID, `sub` the account SID.
//! * `iat` is the issue time ([`issued_at`](AccessToken::issued_at), by default now) and
//!   `exp` is `iat` + [`ttl`](AccessToken::ttl) (default one hour, at most 24 hours), in whole
//!   seconds since the Unix epoch.
//! * `nbf` is written only when set with [`nbf`](AccessToken::nbf) or
//!   [`nbf_at_issue`](AccessToken::nbf_at_issue).
//! * `grants` holds each grant under its key ([`Grant::key`]) and the
//!   [`identity`](AccessToken::identity), when set.
//!
//! # Where Twilio's SDKs differ, and what this module does
//!
//! * **`iat`** is always written, as twilio-node does (its JWT library adds it); twilio-python
//!   leaves it out. Twilio accepts both; with it the token is a plain standard JWT.
//! * **`nbf`** is left out unless asked for, as twilio-node does; twilio-python writes
//!   `nbf` = now by default ([`nbf_at_issue`](AccessToken::nbf_at_issue) does the same here).
//! * **The same grant kind twice**: the last one added wins, as in both SDKs (the grants object
//!   is keyed by grant key).
//! * **`identity`** is optional, as in twilio-python (twilio-node requires it). Voice and
//!   Conversations need one to be useful.
//! * **Checks**: the SDKs check almost nothing. [`AccessToken::to_jwt`] refuses, with a
//!   [`TokenError`], an account SID that does not start with `AC`, an API key SID that does not
//!   start with `SK`, an empty secret, an empty identity or region (when set), a TTL of zero or
//!   over 24 hours (Twilio's maximum), times before the Unix epoch or after the year 9999, an
//!   `nbf` at or after `exp`, and a grant whose key is empty or `identity` or whose payload is
//!   not a JSON object. Grant fields set to an empty string are left out, as the SDKs do.

mod grants;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, KeyInit as _, Mac as _};
use serde::Serialize;
use serde_json::Value;
use sha2::Sha256;

pub use grants::{ChatGrant, PlaybackGrant, SyncGrant, TaskRouterGrant, VideoGrant, VoiceGrant};
#[allow(deprecated)]
pub use grants::{ConversationsGrant, IpMessagingGrant};

/// The token lifetime used when [`AccessToken::ttl`] is not called: one hour, as in Twilio's SDKs.
pub const DEFAULT_TTL: Duration = Duration::from_secs(3600);

/// The longest lifetime Twilio accepts for an access token: 24 hours.
pub const MAX_TTL: Duration = Duration::from_secs(24 * 3600);

/// The latest time a token may carry: 9999-12-31T23:59:59Z, in seconds since the Unix epoch.
const MAX_TIMESTAMP: u64 = 253_402_300_799;

/// The `cty` header of every Twilio access token.
const CONTENT_TYPE: &str = "twilio-fpa;v=1";

/// A permission for one Twilio product, carried in an [`AccessToken`]'s `grants` claim.
///
/// Implemented by [`VoiceGrant`], [`VideoGrant`], [`ChatGrant`], [`SyncGrant`],
/// [`TaskRouterGrant`], [`PlaybackGrant`] and the deprecated [`IpMessagingGrant`] and
/// [`ConversationsGrant`]. Implement it yourself for a grant this module does not know yet:
///
/// ```
/// # use twilio_api_runtime as twilio_api;
/// use twilio_api::jwt::{AccessToken, Grant};
///
/// struct FutureGrant;
///
/// impl Grant for FutureGrant {
///     fn key(&self) -> &str {
///         "future"
///     }
///     fn to_payload(&self) -> serde_json::Value {
///         serde_json::json!({ "enabled": true })
///     }
/// }
///
/// let jwt = AccessToken::new(
///     "AC00000000000000000000000000000000",
///     "SK00000000000000000000000000000000",
///     "api_key_secret",
/// )
/// .grant(FutureGrant)
/// .to_jwt()?;
/// # Ok::<(), twilio_api::jwt::TokenError>(())
/// ```
pub trait Grant {
    /// The grant's key inside the `grants` claim, e.g. `voice`. Must not be empty nor
    /// `identity`.
    fn key(&self) -> &str;

    /// The grant's value inside the `grants` claim. Must be a JSON object.
    fn to_payload(&self) -> Value;
}

impl<G: Grant + ?Sized> Grant for &G {
    fn key(&self) -> &str {
        (**self).key()
    }

    fn to_payload(&self) -> Value {
        (**self).to_payload()
    }
}

impl<G: Grant + ?Sized> Grant for Box<G> {
    fn key(&self) -> &str {
        (**self).key()
    }

    fn to_payload(&self) -> Value {
        (**self).to_payload()
    }
}

/// Why [`AccessToken::to_jwt`] could not mint a token.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum TokenError {
    /// The account SID is empty or does not start with `AC`.
    InvalidAccountSid,
    /// The API key SID is empty or does not start with `SK`. Access tokens are signed with an
    /// API key, never with the account's auth token.
    InvalidKeySid,
    /// The API key secret is empty.
    EmptySecret,
    /// [`AccessToken::identity`] was set to an empty string.
    EmptyIdentity,
    /// [`AccessToken::region`] was set to an empty string.
    EmptyRegion,
    /// The TTL is zero (after truncation to whole seconds) or longer than [`MAX_TTL`].
    InvalidTtl(Duration),
    /// A time (`"iat"` or `"nbf"`) is before the Unix epoch.
    TimeBeforeEpoch(&'static str),
    /// A time (`"iat"`, `"exp"` or `"nbf"`) is after 9999-12-31T23:59:59Z.
    TimeOutOfRange(&'static str),
    /// `nbf` is at or after `exp`: the token would never be valid.
    NotBeforeAfterExpiry {
        /// The `nbf` claim, seconds since the Unix epoch.
        nbf: u64,
        /// The `exp` claim, seconds since the Unix epoch.
        exp: u64,
    },
    /// A grant's key is empty or `identity`, or its payload is not a JSON object.
    InvalidGrant {
        /// The grant's key.
        key: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// The token could not be encoded or signed. Not expected to happen.
    Encoding(String),
}

impl fmt::Display for TokenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::InvalidAccountSid => f.write_str("the account SID must start with `AC`"),
            Self::InvalidKeySid => f.write_str("the API key SID must start with `SK`"),
            Self::EmptySecret => f.write_str("the API key secret is empty"),
            Self::EmptyIdentity => f.write_str("the identity is empty"),
            Self::EmptyRegion => f.write_str("the region is empty"),
            Self::InvalidTtl(ttl) => write!(
                f,
                "the token lifetime must be between 1 s and {} s, not {ttl:?}",
                MAX_TTL.as_secs()
            ),
            Self::TimeBeforeEpoch(field) => write!(f, "`{field}` is before the Unix epoch"),
            Self::TimeOutOfRange(field) => write!(f, "`{field}` is after the year 9999"),
            Self::NotBeforeAfterExpiry { nbf, exp } => write!(
                f,
                "`nbf` ({nbf}) is not before `exp` ({exp}): the token would never be valid"
            ),
            Self::InvalidGrant { key, reason } => write!(f, "grant `{key}`: {reason}"),
            Self::Encoding(message) => write!(f, "the token could not be encoded: {message}"),
        }
    }
}

impl std::error::Error for TokenError {}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NotBefore {
    Unset,
    At(SystemTime),
    AtIssue,
}

/// A Twilio access token under construction; [`to_jwt`](Self::to_jwt) mints the JWT.
///
/// See the [module documentation](self) for the token's layout. `Debug` shows everything but
/// the API key secret.
///
/// The builder can be kept and minted from again: `to_jwt` takes `&self`, and each call without
/// [`issued_at`](Self::issued_at) reads the clock anew.
#[derive(Clone)]
pub struct AccessToken {
    account_sid: String,
    key_sid: String,
    secret: String,
    identity: Option<String>,
    ttl: Duration,
    region: Option<String>,
    nbf: NotBefore,
    issued_at: Option<SystemTime>,
    grants: BTreeMap<String, Value>,
}

impl fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AccessToken")
            .field("account_sid", &self.account_sid)
            .field("key_sid", &self.key_sid)
            .field("secret", &"<redacted>")
            .field("identity", &self.identity)
            .field("ttl", &self.ttl)
            .field("region", &self.region)
            .field("nbf", &self.nbf)
            .field("issued_at", &self.issued_at)
            .field("grants", &self.grants)
            .finish()
    }
}

impl AccessToken {
    /// A token for the account `account_sid` (`AC…`), signed with the API key `key_sid` (`SK…`)
    /// and its secret. Nothing is checked until [`to_jwt`](Self::to_jwt).
    #[must_use]
    pub fn new(
        account_sid: impl Into<String>,
        key_sid: impl Into<String>,
        secret: impl Into<String>,
    ) -> Self {
        Self {
            account_sid: account_sid.into(),
            key_sid: key_sid.into(),
            secret: secret.into(),
            identity: None,
            ttl: DEFAULT_TTL,
            region: None,
            nbf: NotBefore::Unset,
            issued_at: None,
            grants: BTreeMap::new(),
        }
    }

    /// The user the token is for (`grants.identity`): the name your client is known by, e.g. the
    /// `client:alice` of a voice call. Must not be empty.
    #[must_use]
    pub fn identity(mut self, identity: impl Into<String>) -> Self {
        self.identity = Some(identity.into());
        self
    }

    /// How long the token is valid after it is issued: `exp` = `iat` + `ttl`, in whole seconds
    /// (any fraction is dropped). Default [`DEFAULT_TTL`] (one hour); at most [`MAX_TTL`]
    /// (24 hours).
    #[must_use]
    pub fn ttl(mut self, ttl: Duration) -> Self {
        self.ttl = ttl;
        self
    }

    /// The Twilio region the token is for, e.g. `au1` or `ie1` (header `twr`). Unset, Twilio
    /// takes it as `us1`.
    #[must_use]
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// The token is not valid before `nbf` (claim `nbf`, whole seconds). Replaces an earlier
    /// [`nbf_at_issue`](Self::nbf_at_issue).
    #[must_use]
    pub fn nbf(mut self, nbf: SystemTime) -> Self {
        self.nbf = NotBefore::At(nbf);
        self
    }

    /// The token is not valid before it is issued: `nbf` = `iat`, as twilio-python writes by
    /// default. Replaces an earlier [`nbf`](Self::nbf).
    #[must_use]
    pub fn nbf_at_issue(mut self) -> Self {
        self.nbf = NotBefore::AtIssue;
        self
    }

    /// Fixes the issue time (`iat`, and so `jti` and `exp`) instead of reading the clock at
    /// [`to_jwt`](Self::to_jwt): the same builder then always mints the same token, byte for
    /// byte.
    #[must_use]
    pub fn issued_at(mut self, issued_at: SystemTime) -> Self {
        self.issued_at = Some(issued_at);
        self
    }

    /// Adds a grant. A grant with the same [key](Grant::key) as one added before replaces it
    /// (the last one wins, as in Twilio's SDKs).
    ///
    /// The grant's payload is taken now: changing the grant afterwards has no effect.
    #[must_use]
    pub fn grant(mut self, grant: impl Grant) -> Self {
        self.grants
            .insert(grant.key().to_owned(), grant.to_payload());
        self
    }

    /// The account SID given to [`new`](Self::new).
    #[must_use]
    pub fn account_sid(&self) -> &str {
        &self.account_sid
    }

    /// The API key SID given to [`new`](Self::new).
    #[must_use]
    pub fn key_sid(&self) -> &str {
        &self.key_sid
    }

    /// Mints the signed JWT.
    ///
    /// # Errors
    ///
    /// A [`TokenError`] when an input is invalid (see the variants); nothing is minted then.
    pub fn to_jwt(&self) -> Result<String, TokenError> {
        if !self.account_sid.starts_with("AC") {
            return Err(TokenError::InvalidAccountSid);
        }
        if !self.key_sid.starts_with("SK") {
            return Err(TokenError::InvalidKeySid);
        }
        if self.secret.is_empty() {
            return Err(TokenError::EmptySecret);
        }
        if self.identity.as_deref() == Some("") {
            return Err(TokenError::EmptyIdentity);
        }
        if self.region.as_deref() == Some("") {
            return Err(TokenError::EmptyRegion);
        }
        let ttl = self.ttl.as_secs();
        if ttl == 0 || self.ttl > MAX_TTL {
            return Err(TokenError::InvalidTtl(self.ttl));
        }

        let iat = unix_seconds(self.issued_at.unwrap_or_else(SystemTime::now), "iat")?;
        let exp = iat + ttl; // iat <= MAX_TIMESTAMP and ttl <= MAX_TTL: no overflow.
        if exp > MAX_TIMESTAMP {
            return Err(TokenError::TimeOutOfRange("exp"));
        }
        let nbf = match self.nbf {
            NotBefore::Unset => None,
            NotBefore::At(time) => Some(unix_seconds(time, "nbf")?),
            NotBefore::AtIssue => Some(iat),
        };
        if let Some(nbf) = nbf.filter(|&nbf| nbf >= exp) {
            return Err(TokenError::NotBeforeAfterExpiry { nbf, exp });
        }

        for (key, payload) in &self.grants {
            let reason = if key.is_empty() {
                Some("the key is empty")
            } else if key == "identity" {
                Some("the key `identity` is reserved for the token's identity")
            } else if !payload.is_object() {
                Some("the payload is not a JSON object")
            } else {
                None
            };
            if let Some(reason) = reason {
                return Err(TokenError::InvalidGrant {
                    key: key.clone(),
                    reason,
                });
            }
        }
        let identity = self.identity.clone().map(Value::String);
        // A `BTreeMap`, not a `serde_json::Map`: the keys come out sorted whatever
        // `serde_json`'s features are.
        let mut grants: BTreeMap<&str, &Value> = self
            .grants
            .iter()
            .map(|(key, payload)| (key.as_str(), payload))
            .collect();
        if let Some(identity) = &identity {
            grants.insert("identity", identity);
        }

        let header = Header {
            alg: "HS256",
            typ: "JWT",
            cty: CONTENT_TYPE,
            twr: self.region.as_deref(),
        };
        let claims = Claims {
            jti: format!("{}-{iat}", self.key_sid),
            iss: &self.key_sid,
            sub: &self.account_sid,
            iat,
            exp,
            nbf,
            grants,
        };
        sign(&header, &claims, self.secret.as_bytes())
    }
}

/// Seconds since the Unix epoch, checked to lie between the epoch and the year 9999.
fn unix_seconds(time: SystemTime, field: &'static str) -> Result<u64, TokenError> {
    let seconds = time
        .duration_since(UNIX_EPOCH)
        .map_err(|_| TokenError::TimeBeforeEpoch(field))?
        .as_secs();
    if seconds > MAX_TIMESTAMP {
        return Err(TokenError::TimeOutOfRange(field));
    }
    Ok(seconds)
}

/// The JOSE header, fields in this order.
#[derive(Serialize)]
struct Header<'a> {
    alg: &'static str,
    typ: &'static str,
    cty: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    twr: Option<&'a str>,
}

/// The claims, fields in this order; `grants` has its keys sorted.
#[derive(Serialize)]
struct Claims<'a> {
    jti: String,
    iss: &'a str,
    sub: &'a str,
    iat: u64,
    exp: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    nbf: Option<u64>,
    grants: BTreeMap<&'a str, &'a Value>,
}

/// `base64url(header) . base64url(claims) . base64url(HMAC-SHA256(secret, the first two))`.
fn sign(header: &Header<'_>, claims: &Claims<'_>, secret: &[u8]) -> Result<String, TokenError> {
    let mut jwt = encode_json(header)?;
    jwt.push('.');
    jwt.push_str(&encode_json(claims)?);

    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret).map_err(|e| TokenError::Encoding(e.to_string()))?;
    mac.update(jwt.as_bytes());
    let signature = mac.finalize().into_bytes();
    jwt.push('.');
    jwt.push_str(&URL_SAFE_NO_PAD.encode(signature));
    Ok(jwt)
}

/// base64url (no padding) of `value`'s JSON.
fn encode_json<T: Serialize>(value: &T) -> Result<String, TokenError> {
    let bytes = serde_json::to_vec(value).map_err(|e| TokenError::Encoding(e.to_string()))?;
    Ok(URL_SAFE_NO_PAD.encode(bytes))
}
