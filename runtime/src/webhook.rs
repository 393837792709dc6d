//! Validating the webhooks Twilio sends: the `X-Twilio-Signature` header.
//!
//! Twilio signs every webhook request with your account's auth token. A
//! [`RequestValidator`] recomputes that signature and tells you whether a request really came
//! from Twilio, so a handler can refuse forged ones before acting on them.
//!
//! ```
//! # use twilio_api_runtime as twilio_api;
//! use twilio_api::webhook::{RequestValidator, SignatureError};
//!
//! let validator = RequestValidator::new("12345");
//! // The URL exactly as Twilio called it, the POST parameters, and the header's value.
//! let url = "https://mycompany.com/myapp.php?foo=1&bar=2";
//! let params = [
//!     ("CallSid", "CA1234567890ABCDE"),
//!     ("Caller", "+14158675309"),
//!     ("Digits", "1234"),
//!     ("From", "+14158675309"),
//!     ("To", "+18005551212"),
//! ];
//! validator.validate(url, params, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")?;
//!
//! assert_eq!(
//!     validator.validate(url, params, "bm90IGEgcmVhbCBzaWduYXR1cmU="),
//!     Err(SignatureError::SignatureMismatch),
//! );
//! # Ok::<(), SignatureError>(())
//! ```
//!
//! # What is signed
//!
//! The signature is `base64(HMAC-SHA1(auth token, data))`, where `data` is the full URL Twilio
//! requested followed by every POST parameter's name and value, sorted by name (and, for a name
//! sent more than once, by value), concatenated without separators. Identical name/value pairs
//! count once, as in Twilio's Python and Node libraries.
//!
//! - **The URL is used as written.** It is not parsed and re-serialised: case, percent-encoding,
//!   credentials (`user:pass@`), trailing slashes and the query string all stay as they are. The
//!   query string is part of the URL and is not added to the parameters.
//! - **Default ports.** Twilio does not always sign the port the same way, so a signature is
//!   accepted over the URL as given and over its default-port twin: `https://host/x` and
//!   `https://host:443/x` (`:80` for `http`) validate each other. A non-default port is never
//!   added or removed: a signature made for `https://host/x` does not validate
//!   `https://host:8443/x`.
//! - **JSON webhooks** ([`RequestValidator::validate_body`]) carry no form parameters; instead
//!   the URL's query has `bodySHA256=<hex SHA-256 of the body>`, and the signature covers the URL
//!   alone. Both the signature and the body hash must match.
//!
//! Comparisons of signatures and body hashes take constant time. A signature has no timestamp,
//! so a captured request can be replayed: serve webhooks over HTTPS.
//!
//! # Web frameworks
//!
//! [`RequestValidator::validate_request`] takes an [`http::Request`] whose body has been read
//! into memory, plus the public base URL your application is reached at (not guessed from the
//! `Host` header, which behind a proxy is not what Twilio called), and picks the right check
//! from the request's content type and URL.

use std::borrow::Cow;
use std::fmt;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use hmac::digest::common::Key;
use hmac::{Hmac, KeyInit, Mac};
use sha1::Sha1;
use sha2::{Digest, Sha256};
use subtle::{Choice, ConstantTimeEq};

#[cfg(test)]
mod tests;

/// The name of the header that carries Twilio's signature.
pub const SIGNATURE_HEADER: &str = "X-Twilio-Signature";

/// The query parameter that carries the hex SHA-256 of a JSON webhook's body.
pub const BODY_HASH_PARAM: &str = "bodySHA256";

/// No form parameters, for [`RequestValidator::validate`] and [`RequestValidator::signature`]
/// on requests without a body, such as `GET` webhooks.
///
/// ```
/// # use twilio_api_runtime as twilio_api;
/// use twilio_api::webhook::{NO_PARAMS, RequestValidator};
///
/// let validator = RequestValidator::new("12345");
/// let url = "https://example.com/status?CallSid=CA123&CallStatus=completed";
/// let signature = validator.signature(url, NO_PARAMS);
/// assert_eq!(validator.validate(url, NO_PARAMS, &signature), Ok(()));
/// ```
pub const NO_PARAMS: [(&str, &str); 0] = [];

type HmacSha1 = Hmac<Sha1>;

/// One form parameter: a name and a value.
///
/// Implemented for pairs `(K, V)` and references to pairs `&(K, V)` whose parts are
/// `AsRef<str>`, so [`RequestValidator::validate`] takes arrays and vectors of pairs (by value
/// or by reference), slices of pairs, `HashMap`s and `BTreeMap`s (by value or by reference),
/// and the `(Cow<str>, Cow<str>)` items of [`url::form_urlencoded::parse`].
pub trait Param {
    /// The parameter's name.
    fn name(&self) -> &str;
    /// The parameter's value.
    fn value(&self) -> &str;
}

impl<K: AsRef<str>, V: AsRef<str>> Param for (K, V) {
    fn name(&self) -> &str {
        self.0.as_ref()
    }

    fn value(&self) -> &str {
        self.1.as_ref()
    }
}

impl<K: AsRef<str>, V: AsRef<str>> Param for &(K, V) {
    fn name(&self) -> &str {
        self.0.as_ref()
    }

    fn value(&self) -> &str {
        self.1.as_ref()
    }
}

/// Checks the signatures of Twilio's webhook requests with one account's auth token.
///
/// Cheap to clone; build one at start-up and share it. Its `Debug` output never shows the
/// token.
///
/// ```
/// # use twilio_api_runtime as twilio_api;
/// use twilio_api::webhook::RequestValidator;
///
/// let validator = RequestValidator::new("your_auth_token");
/// assert_eq!(format!("{validator:?}"), "RequestValidator { .. }");
/// ```
#[derive(Clone)]
pub struct RequestValidator {
    /// HMAC-SHA1 already keyed with the auth token; cloned for each signature.
    mac: HmacSha1,
}

impl fmt::Debug for RequestValidator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RequestValidator").finish_non_exhaustive()
    }
}

impl RequestValidator {
    /// A validator for the account (or subaccount) whose auth token is `auth_token`.
    ///
    /// Use the auth token of the account the webhook belongs to; an API key's secret does not
    /// sign webhooks.
    pub fn new(auth_token: impl AsRef<str>) -> Self {
        Self {
            mac: keyed_hmac(auth_token.as_ref().as_bytes()),
        }
    }

    /// The signature Twilio would send for a request to `url` with these form parameters.
    ///
    /// The URL is signed exactly as given. Useful for testing your own webhook handlers.
    ///
    /// ```
    /// # use twilio_api_runtime as twilio_api;
    /// use twilio_api::webhook::RequestValidator;
    ///
    /// let validator = RequestValidator::new("12345");
    /// let signature = validator.signature(
    ///     "https://mycompany.com/myapp.php?foo=1&bar=2",
    ///     [
    ///         ("To", "+18005551212"),
    ///         ("CallSid", "CA1234567890ABCDE"),
    ///         ("Caller", "+14158675309"),
    ///         ("Digits", "1234"),
    ///         ("From", "+14158675309"),
    ///     ],
    /// );
    /// assert_eq!(signature, "RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    /// ```
    pub fn signature<I>(&self, url: &str, params: I) -> String
    where
        I: IntoIterator,
        I::Item: Param,
    {
        let items: Vec<I::Item> = params.into_iter().collect();
        self.sign(url, &sorted_pairs(&items))
    }

    /// Checks `signature` (the `X-Twilio-Signature` header's value) for a form-encoded
    /// request, or one without a body, to `url` with these POST parameters.
    ///
    /// `url` is the full URL Twilio called, including the query string, as it appears in your
    /// webhook configuration (not necessarily what your server sees behind a proxy). Pass the
    /// decoded form parameters, repeated names included; for a request without a body pass
    /// [`NO_PARAMS`]. The signature is accepted over `url` as given and over its default-port
    /// twin (see the [module docs](self)).
    ///
    /// # Errors
    ///
    /// [`SignatureError::EmptySignature`] if `signature` is empty,
    /// [`SignatureError::SignatureMismatch`] if it does not match.
    ///
    /// ```
    /// # use twilio_api_runtime as twilio_api;
    /// use std::collections::HashMap;
    /// use twilio_api::webhook::RequestValidator;
    ///
    /// let validator = RequestValidator::new("12345");
    /// let url = "https://example.com/sms";
    /// let params: HashMap<String, String> = [("From", "+14158675309"), ("Body", "Hello")]
    ///     .into_iter()
    ///     .map(|(k, v)| (k.to_owned(), v.to_owned()))
    ///     .collect();
    /// let signature = validator.signature(url, &params);
    ///
    /// validator.validate(url, &params, &signature)?;
    /// // The port Twilio may or may not have signed makes no difference.
    /// validator.validate("https://example.com:443/sms", &params, &signature)?;
    /// # Ok::<(), twilio_api::webhook::SignatureError>(())
    /// ```
    pub fn validate<I>(&self, url: &str, params: I, signature: &str) -> Result<(), SignatureError>
    where
        I: IntoIterator,
        I::Item: Param,
    {
        if signature.is_empty() {
            return Err(SignatureError::EmptySignature);
        }
        let items: Vec<I::Item> = params.into_iter().collect();
        let pairs = sorted_pairs(&items);
        let mut matched = Choice::from(0);
        for candidate in url_candidates(url) {
            let expected = self.sign(&candidate, &pairs);
            matched |= expected.as_bytes().ct_eq(signature.as_bytes());
        }
        if bool::from(matched) {
            Ok(())
        } else {
            Err(SignatureError::SignatureMismatch)
        }
    }

    /// Checks `signature` for a webhook with a non-form body (JSON), whose `url` carries
    /// `bodySHA256=<hex SHA-256 of the body>` in its query.
    ///
    /// The signature must be valid over `url` alone (no parameters; default-port twins are
    /// accepted as in [`validate`](Self::validate)), and the body's SHA-256 must equal the
    /// `bodySHA256` value. Twilio sends the hash in lowercase hex; uppercase hex is accepted
    /// too, since the signature already vouches for the URL that carries it.
    ///
    /// # Errors
    ///
    /// [`SignatureError::EmptySignature`], [`SignatureError::MissingBodyHash`] if the URL has
    /// no `bodySHA256`, [`SignatureError::SignatureMismatch`], and
    /// [`SignatureError::BodyHashMismatch`] if the signature is right but the body is not the
    /// one Twilio hashed, in that order.
    ///
    /// ```
    /// # use twilio_api_runtime as twilio_api;
    /// use twilio_api::webhook::{body_hash, RequestValidator, SignatureError, NO_PARAMS};
    ///
    /// let validator = RequestValidator::new("12345");
    /// let body = r#"{"property": "value", "boolean": true}"#;
    /// let url = format!("https://example.com/hook?bodySHA256={}", body_hash(body));
    /// let signature = validator.signature(&url, NO_PARAMS);
    ///
    /// validator.validate_body(&url, body, &signature)?;
    /// assert_eq!(
    ///     validator.validate_body(&url, "{}", &signature),
    ///     Err(SignatureError::BodyHashMismatch),
    /// );
    /// # Ok::<(), SignatureError>(())
    /// ```
    pub fn validate_body(
        &self,
        url: &str,
        body: impl AsRef<[u8]>,
        signature: &str,
    ) -> Result<(), SignatureError> {
        if signature.is_empty() {
            return Err(SignatureError::EmptySignature);
        }
        let expected_hash = body_hash_param(url).ok_or(SignatureError::MissingBodyHash)?;
        self.validate(url, NO_PARAMS, signature)?;
        let actual_hash = body_hash(body);
        let expected_hash = expected_hash.to_ascii_lowercase();
        if bool::from(expected_hash.as_bytes().ct_eq(actual_hash.as_bytes())) {
            Ok(())
        } else {
            Err(SignatureError::BodyHashMismatch)
        }
    }

    /// Checks an HTTP request whose body has been read into memory, given the public base URL
    /// the application is reached at.
    ///
    /// The URL Twilio called is rebuilt as `public_base` (scheme, host, optional port and
    /// optional path prefix, e.g. `https://myapp.example.com` or
    /// `https://example.com/twilio`; a trailing `/` is ignored) followed by the request's path
    /// and query as received. Only the request's path and query are used, never its `Host`
    /// header: behind a proxy or load balancer that is not the host Twilio called. If the
    /// proxy rewrites paths, or you know the full URL, use
    /// [`validate_request_at_url`](Self::validate_request_at_url).
    ///
    /// The signature comes from the `X-Twilio-Signature` header, then:
    /// - an `application/x-www-form-urlencoded` body (any `charset`) is decoded into
    ///   parameters and checked with [`validate`](Self::validate);
    /// - otherwise, a URL with `bodySHA256` is checked with
    ///   [`validate_body`](Self::validate_body);
    /// - otherwise, an empty body (e.g. a `GET`) is checked with no parameters.
    ///
    /// # Errors
    ///
    /// [`SignatureError::InvalidUrl`] if `public_base` is not an absolute `http`/`https` URL
    /// without query or fragment; [`SignatureError::MissingSignatureHeader`]; any error of
    /// [`validate_request_at_url`](Self::validate_request_at_url).
    ///
    /// ```
    /// # use twilio_api_runtime as twilio_api;
    /// use twilio_api::webhook::RequestValidator;
    ///
    /// let validator = RequestValidator::new("12345");
    /// // As your server receives it, its body already read.
    /// let request = http::Request::post("/myapp.php?foo=1&bar=2")
    ///     .header("Content-Type", "application/x-www-form-urlencoded")
    ///     .header("X-Twilio-Signature", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")
    ///     .body(
    ///         "CallSid=CA1234567890ABCDE&Caller=%2B14158675309&Digits=1234\
    ///          &From=%2B14158675309&To=%2B18005551212",
    ///     )?;
    ///
    /// validator.validate_request(&request, "https://mycompany.com")?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn validate_request<B: AsRef<[u8]>>(
        &self,
        request: &http::Request<B>,
        public_base: &str,
    ) -> Result<(), SignatureError> {
        let url = join_public_url(public_base, request.uri())?;
        self.validate_request_at_url(request, &url)
    }

    /// Checks an HTTP request whose body has been read into memory, given the full URL Twilio
    /// called (scheme, host, path and query), as [`validate_request`](Self::validate_request)
    /// does; the request's own URI is ignored.
    ///
    /// # Errors
    ///
    /// [`SignatureError::MissingSignatureHeader`] if there is no `X-Twilio-Signature` header,
    /// [`SignatureError::EmptySignature`] if it is empty,
    /// [`SignatureError::InvalidFormBody`] if a form body does not decode to UTF-8 text,
    /// [`SignatureError::MissingBodyHash`] if a body that is neither form-encoded nor empty
    /// comes to a URL without `bodySHA256` (nothing would vouch for it), and the errors of
    /// [`validate`](Self::validate) and [`validate_body`](Self::validate_body).
    pub fn validate_request_at_url<B: AsRef<[u8]>>(
        &self,
        request: &http::Request<B>,
        url: &str,
    ) -> Result<(), SignatureError> {
        let signature = request
            .headers()
            .get(SIGNATURE_HEADER)
            .ok_or(SignatureError::MissingSignatureHeader)?;
        // A header that is not visible ASCII cannot be a base64 signature.
        let signature = signature
            .to_str()
            .map_err(|_| SignatureError::SignatureMismatch)?;
        if signature.is_empty() {
            return Err(SignatureError::EmptySignature);
        }
        let body = request.body().as_ref();
        if is_form(request.headers()) {
            let params = parse_form(body)?;
            self.validate(url, &params, signature)
        } else if body_hash_param(url).is_some() {
            self.validate_body(url, body, signature)
        } else if body.is_empty() {
            self.validate(url, NO_PARAMS, signature)
        } else {
            Err(SignatureError::MissingBodyHash)
        }
    }

    /// `base64(HMAC-SHA1(token, url + name1 + value1 + ...))` over already sorted pairs.
    fn sign(&self, url: &str, pairs: &[(&str, &str)]) -> String {
        let mut mac = self.mac.clone();
        mac.update(url.as_bytes());
        for (name, value) in pairs {
            mac.update(name.as_bytes());
            mac.update(value.as_bytes());
        }
        BASE64.encode(mac.finalize().into_bytes())
    }
}

/// The lowercase hex SHA-256 of `body`: the `bodySHA256` value Twilio puts in a JSON
/// webhook's URL.
///
/// ```
/// # use twilio_api_runtime as twilio_api;
/// assert_eq!(
///     twilio_api::webhook::body_hash(""),
///     "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
/// );
/// ```
pub fn body_hash(body: impl AsRef<[u8]>) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digest = Sha256::digest(body.as_ref());
    let mut hex = String::with_capacity(digest.len() * 2);
    for byte in digest {
        hex.push(char::from(HEX[usize::from(byte >> 4)]));
        hex.push(char::from(HEX[usize::from(byte & 0x0f)]));
    }
    hex
}

/// Why a webhook request was refused.
///
/// Neither `Display` nor `Debug` shows the auth token, the signature or the URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SignatureError {
    /// The signature was empty.
    EmptySignature,
    /// The request had no `X-Twilio-Signature` header.
    MissingSignatureHeader,
    /// The signature does not match the URL and parameters: the request was not signed with
    /// this auth token, was changed on the way, or the URL given is not the one Twilio called.
    SignatureMismatch,
    /// The request has a body that is not form-encoded, but its URL has no `bodySHA256`
    /// parameter, so nothing vouches for the body.
    MissingBodyHash,
    /// The signature is valid but the body's SHA-256 is not the URL's `bodySHA256`.
    BodyHashMismatch,
    /// The public base URL is not an absolute `http` or `https` URL without query or fragment.
    InvalidUrl,
    /// The form-encoded body does not decode to UTF-8 text.
    InvalidFormBody,
}

impl fmt::Display for SignatureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::EmptySignature => "the Twilio signature is empty",
            Self::MissingSignatureHeader => "the request has no X-Twilio-Signature header",
            Self::SignatureMismatch => "the Twilio signature does not match the request",
            Self::MissingBodyHash => {
                "the request URL has no bodySHA256 parameter, so its body is not signed"
            }
            Self::BodyHashMismatch => "the request body does not match the URL's bodySHA256",
            Self::InvalidUrl => {
                "the public base URL is not an absolute http(s) URL without query or fragment"
            }
            Self::InvalidFormBody => "the form-encoded request body is not valid UTF-8",
        })
    }
}

impl std::error::Error for SignatureError {}

/// HMAC-SHA1 keyed with `key`, without a fallible constructor.
///
/// HMAC first turns any key into one block: hashed if longer than the block, then padded with
/// zeros. Doing that here gives a block-sized key, which `KeyInit::new` takes as is.
fn keyed_hmac(key: &[u8]) -> HmacSha1 {
    let mut block = Key::<HmacSha1>::default();
    if key.len() > block.len() {
        let hashed = Sha1::digest(key);
        for (slot, byte) in block.iter_mut().zip(hashed) {
            *slot = byte;
        }
    } else {
        for (slot, byte) in block.iter_mut().zip(key) {
            *slot = *byte;
        }
    }
    HmacSha1::new(&block)
}

/// The parameters as `(name, value)`, sorted by name then value, identical pairs once.
fn sorted_pairs<P: Param>(items: &[P]) -> Vec<(&str, &str)> {
    let mut pairs: Vec<(&str, &str)> = items.iter().map(|p| (p.name(), p.value())).collect();
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// The URL as given, then its default-port twin if it has one.
fn url_candidates(url: &str) -> impl Iterator<Item = Cow<'_, str>> {
    std::iter::once(Cow::Borrowed(url)).chain(default_port_twin(url).map(Cow::Owned))
}

/// For an `http`/`https` URL: with `:443`/`:80` added if it has no port, without it if it has
/// exactly the default port; `None` otherwise (non-default port, other scheme, odd shape).
///
/// Works on the string, so everything else in the URL stays exactly as written.
fn default_port_twin(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let default_port: u16 = if scheme.eq_ignore_ascii_case("https") {
        443
    } else if scheme.eq_ignore_ascii_case("http") {
        80
    } else {
        return None;
    };
    let authority_start = scheme.len() + 3;
    let authority_len = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = rest.get(..authority_len)?;
    let authority_end = authority_start + authority_len;
    // Credentials end at the last `@`; the host and port follow.
    let host_start = authority.rfind('@').map_or(0, |at| at + 1);
    let host_port = authority.get(host_start..)?;
    let port_colon = if host_port.starts_with('[') {
        // IPv6 literal: a port may only follow the closing bracket.
        let close = host_port.find(']')?;
        match host_port.get(close + 1..)? {
            "" => None,
            after if after.starts_with(':') => Some(close + 1),
            _ => return None,
        }
    } else {
        host_port.rfind(':')
    };
    let before_authority_end = url.get(..authority_end)?;
    let after_authority = url.get(authority_end..)?;
    match port_colon {
        None if host_port.is_empty() => None,
        None => Some(format!(
            "{before_authority_end}:{default_port}{after_authority}"
        )),
        Some(0) => None,
        Some(colon) => {
            let port = host_port.get(colon + 1..)?;
            let is_default = !port.is_empty()
                && port.bytes().all(|b| b.is_ascii_digit())
                && port.parse::<u16>() == Ok(default_port);
            if !is_default {
                return None;
            }
            let before_port = url.get(..authority_start + host_start + colon)?;
            Some(format!("{before_port}{after_authority}"))
        }
    }
}

/// The first `bodySHA256` value in the URL's query, if any.
fn body_hash_param(url: &str) -> Option<String> {
    let url = url.split_once('#').map_or(url, |(url, _)| url);
    let (_, query) = url.split_once('?')?;
    url::form_urlencoded::parse(query.as_bytes())
        .find(|(name, _)| name == BODY_HASH_PARAM)
        .map(|(_, value)| value.into_owned())
}

/// Whether the content type is `application/x-www-form-urlencoded`, whatever its parameters.
fn is_form(headers: &http::HeaderMap) -> bool {
    headers
        .get(http::header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| {
            let media_type = value
                .split_once(';')
                .map_or(value, |(media_type, _)| media_type);
            media_type
                .trim()
                .eq_ignore_ascii_case("application/x-www-form-urlencoded")
        })
}

/// Decodes an `application/x-www-form-urlencoded` body as the WHATWG URL standard does
/// (`&`-separated, first `=` splits, `+` is a space, malformed `%` escapes kept literally),
/// except that text that is not UTF-8 once decoded is an error rather than replaced, since
/// Twilio signed the original characters.
fn parse_form(body: &[u8]) -> Result<Vec<(String, String)>, SignatureError> {
    body.split(|&b| b == b'&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = match pair.iter().position(|&b| b == b'=') {
                Some(eq) => {
                    let (name, rest) = pair.split_at(eq);
                    (name, rest.get(1..).unwrap_or_default())
                }
                None => (pair, &[][..]),
            };
            Ok((decode_form_component(name)?, decode_form_component(value)?))
        })
        .collect()
}

/// One name or value of a form body: `+` to space, `%XX` to its byte (a malformed escape
/// kept as written), then strict UTF-8.
fn decode_form_component(raw: &[u8]) -> Result<String, SignatureError> {
    let spaced: Vec<u8> = raw
        .iter()
        .map(|&byte| if byte == b'+' { b' ' } else { byte })
        .collect();
    let decoded: Vec<u8> = percent_encoding::percent_decode(&spaced).collect();
    String::from_utf8(decoded).map_err(|_| SignatureError::InvalidFormBody)
}

/// `public_base` (checked, trailing `/` dropped) followed by the request's path and query.
fn join_public_url(public_base: &str, uri: &http::Uri) -> Result<String, SignatureError> {
    let public_base = public_base.trim();
    let parsed = url::Url::parse(public_base).map_err(|_| SignatureError::InvalidUrl)?;
    if !matches!(parsed.scheme(), "http" | "https")
        || !parsed.has_host()
        || parsed.query().is_some()
        || parsed.fragment().is_some()
    {
        return Err(SignatureError::InvalidUrl);
    }
    let base = public_base.trim_end_matches('/');
    let path_and_query = uri.path_and_query().map_or("/", |pq| pq.as_str());
    let slash = if path_and_query.starts_with('/') {
        ""
    } else {
        "/"
    };
    Ok(format!("{base}{slash}{path_and_query}"))
}
