//! Hand-written: the `auth_servers` fixture's generated operations against loopback servers.
//! Which host each operation reaches (servers per file, path and operation), and which
//! credentials each sends (basic, bearer, OAuth 2.0 as bearer, none, alternatives), failing
//! before sending when the client lacks them. The rows of `../../fixtures/CONSTRUCTS.md` each
//! test covers are named in its doc comment.
//!
//! `base_url` sends every API to one origin, so it hides which host an operation would reach.
//! The host is observed instead through a loopback HTTP proxy: for an `https` URL the client
//! first sends `CONNECT <host>:443` to the proxy, which records it and refuses the tunnel, so
//! nothing leaves the machine and no credential is ever seen by the proxy (they would travel
//! inside TLS).

#![allow(clippy::unwrap_used)] // A panic in a test is a failed test.

use std::io::{Read as _, Write as _};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use fixture_auth_servers::{Client, ClientBuilder, Error, TokenFuture, TokenSource};
use serde_json::json;
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

const ACCOUNT_SID: &str = "AC0123456789abcdef0123456789abcdef";
const AUTH_TOKEN: &str = "auth-token";
const BEARER: &str = "bearer-token-1";
const ORG_SID: &str = "OR33f4f3aa6fffe840d000f8ef22e883db";
const KEY_SID: &str = "SK0123456789abcdef0123456789abcdef";
const PUBLIC_KEY_SID: &str = "CR0123456789abcdef0123456789abcdef";
const ROLE_SID: &str = "IX0123456789abcdef0123456789abcdef";

fn basic(builder: ClientBuilder) -> ClientBuilder {
    builder.account_sid(ACCOUNT_SID).auth_token(AUTH_TOKEN)
}

fn on(server: &MockServer) -> ClientBuilder {
    Client::builder().base_url(server.uri()).max_retries(0)
}

fn basic_header() -> String {
    use base64::Engine as _;
    let encoded =
        base64::engine::general_purpose::STANDARD.encode(format!("{ACCOUNT_SID}:{AUTH_TOKEN}"));
    format!("Basic {encoded}")
}

/// A server answering everything with `body`.
async fn answering(body: serde_json::Value) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(&server)
        .await;
    server
}

async fn received(server: &MockServer) -> Vec<wiremock::Request> {
    server.received_requests().await.unwrap()
}

fn authorization(request: &wiremock::Request) -> Option<&str> {
    request
        .headers
        .get("authorization")
        .map(|value| value.to_str().unwrap())
}

/// A loopback HTTP proxy that records the request head of every connection (`CONNECT
/// host:443 HTTP/1.1` and its headers) and refuses it.
struct ConnectRecorder {
    url: String,
    heads: Arc<Mutex<Vec<String>>>,
}

impl ConnectRecorder {
    fn start() -> Self {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let heads = Arc::new(Mutex::new(Vec::new()));
        let seen = Arc::clone(&heads);
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let mut head = Vec::new();
                let mut byte = [0u8; 1];
                while !head.ends_with(b"\r\n\r\n") {
                    match stream.read(&mut byte) {
                        Ok(1) => head.push(byte[0]),
                        _ => break,
                    }
                }
                seen.lock()
                    .unwrap()
                    .push(String::from_utf8_lossy(&head).into_owned());
                let _ = stream.write_all(
                    b"HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\nconnection: close\r\n\r\n",
                );
            }
        });
        ConnectRecorder { url, heads }
    }

    /// A client with every credential, whose requests all go through this proxy.
    fn client(&self, configure: impl FnOnce(ClientBuilder) -> ClientBuilder) -> Client {
        let http = fixture_auth_servers::http_client_builder()
            .unwrap()
            .proxy(reqwest::Proxy::all(&self.url).unwrap())
            .build()
            .unwrap();
        configure(
            basic(Client::builder())
                .bearer_token(BEARER)
                .http_client(http)
                .max_retries(0),
        )
        .build()
        .unwrap()
    }

    /// The first line of each request head seen since the last call.
    fn take_request_lines(&self) -> Vec<String> {
        let heads = std::mem::take(&mut *self.heads.lock().unwrap());
        for head in &heads {
            assert!(
                !head.to_ascii_lowercase().contains("authorization"),
                "credentials reached the proxy: {head}"
            );
        }
        heads
            .iter()
            .map(|head| head.lines().next().unwrap_or_default().to_owned())
            .collect()
    }
}

/// The error of a request the recording proxy refused: a transport error, nothing answered.
fn refused<T: std::fmt::Debug>(result: Result<T, Error>) {
    let error = result.unwrap_err();
    assert!(matches!(error, Error::Transport(_)), "{error:?}");
}

/// A1, A2, A3, A4: the host comes from the operation's `servers`, else its path's, else the
/// file's; all over https (port 443). A region and edge rewrite each of those hosts.
#[tokio::test]
async fn each_operation_reaches_the_host_its_servers_name() {
    let proxy = ConnectRecorder::start();
    let client = proxy.client(|builder| builder);
    // A1: per-path servers equal to the file's.
    refused(client.iam_v1().list_get_keys(ACCOUNT_SID).send().await);
    // A3: per-path servers naming another host.
    refused(
        client
            .iam_v1()
            .fetch_public_key(PUBLIC_KEY_SID)
            .send()
            .await,
    );
    // A2: no servers on the path: the file's.
    refused(
        client
            .iam_organizations()
            .list_organization_users(ORG_SID)
            .send()
            .await,
    );
    // A4: the operation's own servers.
    refused(
        client
            .iam_organizations()
            .create_token("client_credentials", "OQ7cda1a615f05a95634e643aaaf7081d7")
            .send()
            .await,
    );
    assert_eq!(
        proxy.take_request_lines(),
        [
            "CONNECT iam.twilio.com:443 HTTP/1.1",
            "CONNECT accounts.twilio.com:443 HTTP/1.1",
            "CONNECT preview-iam.twilio.com:443 HTTP/1.1",
            "CONNECT oauth.twilio.com:443 HTTP/1.1",
        ]
    );

    let regional = proxy.client(|builder| builder.region("ie1").edge("dublin"));
    refused(
        regional
            .iam_v1()
            .fetch_public_key(PUBLIC_KEY_SID)
            .send()
            .await,
    );
    refused(
        regional
            .iam_organizations()
            .create_token("client_credentials", "OQ7cda1a615f05a95634e643aaaf7081d7")
            .send()
            .await,
    );
    assert_eq!(
        proxy.take_request_lines(),
        [
            "CONNECT accounts.dublin.ie1.twilio.com:443 HTTP/1.1",
            "CONNECT oauth.dublin.ie1.twilio.com:443 HTTP/1.1",
        ]
    );
}

/// A4: with `base_url` set, every host above is replaced by that origin (and its path prefix);
/// each operation keeps its own path.
#[tokio::test]
async fn base_url_replaces_every_host() {
    let server = answering(json!({})).await;
    let client = basic(Client::builder())
        .bearer_token(BEARER)
        .base_url(format!("{}/mock", server.uri()))
        .build()
        .unwrap();
    client
        .iam_v1()
        .list_get_keys(ACCOUNT_SID)
        .send()
        .await
        .unwrap();
    client
        .iam_v1()
        .fetch_public_key(PUBLIC_KEY_SID)
        .send()
        .await
        .unwrap();
    client
        .iam_organizations()
        .create_token("client_credentials", "OQ7cda1a615f05a95634e643aaaf7081d7")
        .send()
        .await
        .unwrap();
    let paths: Vec<String> = received(&server)
        .await
        .iter()
        .map(|r| r.url.path().to_owned())
        .collect();
    assert_eq!(
        paths,
        [
            "/mock/v1/Keys".to_owned(),
            format!("/mock/v1/PublicKeys/{PUBLIC_KEY_SID}"),
            "/mock/v1/token".to_owned(),
        ]
    );
}

/// A5: `security: []` sends no `Authorization`, whatever credentials the client has.
#[tokio::test]
async fn operations_without_security_send_no_credentials() {
    let server = answering(json!({
        "access_token": "eyJhbGciOiJIUzI1NiJ9.e30.sig",
        "refresh_token": null,
        "id_token": null,
        "expires_in": 1438315200000i64,
        "token_type": "bearer",
        "permissions": ["/twilio/messaging/messages/read"]
    }))
    .await;
    let every_credential = basic(on(&server)).bearer_token(BEARER).build().unwrap();
    let basic_only = basic(on(&server)).build().unwrap();
    let bearer_only = on(&server).bearer_token(BEARER).build().unwrap();

    let token = every_credential
        .iam_organizations()
        .create_token("client_credentials", "OQ7cda1a615f05a95634e643aaaf7081d7")
        .client_secret("client-secret")
        .send()
        .await
        .unwrap();
    assert_eq!(
        token.access_token.as_deref(),
        Some("eyJhbGciOiJIUzI1NiJ9.e30.sig")
    );
    assert_eq!(token.refresh_token, None);
    assert_eq!(token.expires_in, Some(1_438_315_200_000));
    for client in [&every_credential, &basic_only, &bearer_only] {
        let permissions = client
            .iam_v1()
            .list_role_permission(ROLE_SID)
            .send()
            .await
            .unwrap();
        assert_eq!(
            permissions.permissions.unwrap(),
            ["/twilio/messaging/messages/read"]
        );
    }

    let sent = received(&server).await;
    assert_eq!(sent.len(), 4);
    assert!(
        sent.iter().all(|r| authorization(r).is_none()),
        "{:?}",
        sent.iter().map(authorization).collect::<Vec<_>>()
    );
    assert_eq!(
        std::str::from_utf8(&sent[0].body).unwrap(),
        "grant_type=client_credentials&client_id=OQ7cda1a615f05a95634e643aaaf7081d7&client_secret=client-secret"
    );
    assert_eq!(
        sent[1].url.path(),
        format!("/v1/Roles/{ROLE_SID}/Permissions")
    );
}

struct Counting(AtomicUsize);

impl TokenSource for Counting {
    fn token(&self) -> TokenFuture<'_> {
        Box::pin(async move {
            let n = self.0.fetch_add(1, Ordering::SeqCst) + 1;
            Ok(format!("sourced-{n}"))
        })
    }
}

/// A6: the file's HTTP bearer scheme sends `Authorization: Bearer <token>`, from
/// `ClientBuilder::bearer_token` or, asked on every request, a `TokenSource`.
#[tokio::test]
async fn bearer_operations_send_the_clients_token() {
    let server = answering(json!({
        "keys": [{"sid": "SKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "friendly_name": "foo",
                  "date_created": "Mon, 04 Mar 2024 12:00:00 +0000"}]
    }))
    .await;
    let fixed = basic(on(&server)).bearer_token(BEARER).build().unwrap();
    let keys = fixed
        .iam_v1()
        .list_get_keys(ACCOUNT_SID)
        .send()
        .await
        .unwrap();
    let key = &keys.keys.unwrap()[0];
    assert_eq!(
        key.sid.as_ref().unwrap(),
        "SKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    );
    assert_eq!(key.friendly_name.as_deref(), Some("foo"));

    let sourced = on(&server)
        .token_source(Counting(AtomicUsize::new(0)))
        .build()
        .unwrap();
    for _ in 0..2 {
        sourced
            .iam_v1()
            .list_get_keys(ACCOUNT_SID)
            .send()
            .await
            .unwrap();
    }
    let sent = received(&server).await;
    let auth: Vec<Option<&str>> = sent.iter().map(authorization).collect();
    let bearer = format!("Bearer {BEARER}");
    assert_eq!(
        auth,
        [
            Some(bearer.as_str()),
            Some("Bearer sourced-1"),
            Some("Bearer sourced-2")
        ]
    );
    assert_eq!(
        sent[0].url.query(),
        Some(&*format!("AccountSid={ACCOUNT_SID}"))
    );
}

/// A7: the file's OAuth 2.0 client-credentials scheme sends the client's bearer token (the
/// client does not fetch one itself: give it a token or a `TokenSource`); the SCIM answer
/// decodes.
#[tokio::test]
async fn oauth2_operations_send_a_bearer_token() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(200).set_body_raw(
                json!({
                    "Resources": [{"id": "US14def5586bc0799a5c7aab80247af278",
                                   "userName": "alice@example.com"}],
                    "totalResults": 1,
                    "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"]
                })
                .to_string(),
                "application/scim+json",
            ),
        )
        .mount(&server)
        .await;
    let client = basic(on(&server)).bearer_token(BEARER).build().unwrap();
    let page = client
        .iam_organizations()
        .list_organization_users(ORG_SID)
        .filter("userName eq \"alice@example.com\"")
        .send()
        .await
        .unwrap();
    assert_eq!(page.total_results, Some(1));
    assert_eq!(page.resources.unwrap()[0].user_name, "alice@example.com");

    let sourced = on(&server)
        .token_source(Counting(AtomicUsize::new(0)))
        .build()
        .unwrap();
    sourced
        .iam_organizations()
        .list_organization_users(ORG_SID)
        .send()
        .await
        .unwrap();

    let sent = received(&server).await;
    let bearer = format!("Bearer {BEARER}");
    assert_eq!(authorization(&sent[0]), Some(bearer.as_str()));
    assert_eq!(authorization(&sent[1]), Some("Bearer sourced-1"));
    assert_eq!(
        sent[0].url.path(),
        format!("/Organizations/{ORG_SID}/scim/Users")
    );
    assert_eq!(
        sent[0].url.query(),
        Some("filter=userName+eq+%22alice%40example.com%22")
    );
    assert_eq!(
        sent[0].headers.get("accept").map(|v| v.to_str().unwrap()),
        Some("application/scim+json")
    );
}

/// A8: operations that override a bearer / OAuth 2.0 file with basic auth send the account SID
/// and auth token, even when the client also has a bearer token.
#[tokio::test]
async fn operations_overriding_the_scheme_send_basic_auth() {
    let server = answering(json!({
        "sid": "SKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "account_sid": ACCOUNT_SID,
        "friendly_name": "Acme",
        "status": "active",
        "date_created": "2024-03-01T12:00:00Z"
    }))
    .await;
    let client = basic(on(&server)).bearer_token(BEARER).build().unwrap();
    let key = client
        .iam_v1()
        .create_new_key(ACCOUNT_SID)
        .friendly_name("foo")
        .send()
        .await
        .unwrap();
    assert_eq!(key.friendly_name.as_deref(), Some("Acme"));
    let account = client
        .iam_organizations()
        .fetch_organization_account(ORG_SID, "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
        .send()
        .await
        .unwrap();
    assert_eq!(account.account_sid.as_ref().unwrap(), ACCOUNT_SID);
    assert_eq!(account.status.as_ref().map(|s| s.as_str()), Some("active"));
    client
        .iam_v1()
        .fetch_public_key(PUBLIC_KEY_SID)
        .send()
        .await
        .unwrap();

    let sent = received(&server).await;
    let expected = basic_header();
    assert!(
        sent.iter()
            .all(|r| authorization(r) == Some(expected.as_str())),
        "{:?}",
        sent.iter().map(authorization).collect::<Vec<_>>()
    );
    assert_eq!(
        std::str::from_utf8(&sent[0].body).unwrap(),
        format!("AccountSid={ACCOUNT_SID}&FriendlyName=foo")
    );
}

/// A9: with alternatives (bearer, then basic), the first scheme the client has credentials
/// for is used.
#[tokio::test]
async fn alternatives_use_the_first_scheme_the_client_has() {
    let server = answering(json!({"sid": KEY_SID})).await;
    let every_credential = basic(on(&server)).bearer_token(BEARER).build().unwrap();
    let basic_only = basic(on(&server)).build().unwrap();
    let bearer_only = on(&server).bearer_token(BEARER).build().unwrap();
    for client in [&every_credential, &basic_only, &bearer_only] {
        let key = client.iam_v1().fetch_key(KEY_SID).send().await.unwrap();
        assert_eq!(key.sid.unwrap(), KEY_SID);
    }
    let sent = received(&server).await;
    let auth: Vec<Option<&str>> = sent.iter().map(authorization).collect();
    let bearer = format!("Bearer {BEARER}");
    let basic = basic_header();
    assert_eq!(
        auth,
        [
            Some(bearer.as_str()),
            Some(basic.as_str()),
            Some(bearer.as_str())
        ]
    );
}

struct Failing;

impl TokenSource for Failing {
    fn token(&self) -> TokenFuture<'_> {
        Box::pin(async { Err("identity provider unavailable".into()) })
    }
}

/// A6, A7, A8: an operation whose schemes the client has no credentials for fails with a
/// configuration error saying what to configure, and a failing token source with an auth
/// error; nothing is sent. A client with no credential at all cannot be built.
#[tokio::test]
async fn missing_credentials_fail_before_sending() {
    let server = answering(json!({})).await;
    let basic_only = basic(on(&server)).build().unwrap();
    let bearer_only = on(&server).bearer_token(BEARER).build().unwrap();

    let no_bearer = [
        basic_only
            .iam_v1()
            .list_get_keys(ACCOUNT_SID)
            .send()
            .await
            .map(drop)
            .unwrap_err(),
        basic_only
            .iam_organizations()
            .list_organization_users(ORG_SID)
            .send()
            .await
            .map(drop)
            .unwrap_err(),
    ];
    for error in no_bearer {
        let Error::Config(config) = &error else {
            panic!("expected a configuration error, got {error:?}")
        };
        assert!(config.message.contains(".bearer_token(..)"), "{error}");
        assert!(!config.message.contains(AUTH_TOKEN), "{error}");
    }
    let no_basic = [
        bearer_only
            .iam_v1()
            .create_new_key(ACCOUNT_SID)
            .send()
            .await
            .map(drop)
            .unwrap_err(),
        bearer_only
            .iam_organizations()
            .fetch_organization_account(ORG_SID, ACCOUNT_SID)
            .send()
            .await
            .map(drop)
            .unwrap_err(),
    ];
    for (error, operation) in no_basic
        .iter()
        .zip(["CreateNewKey", "FetchOrganizationAccount"])
    {
        let Error::Config(config) = error else {
            panic!("expected a configuration error, got {error:?}")
        };
        assert!(
            config.message.starts_with(&format!("{operation} needs")),
            "{error}"
        );
        assert!(config.message.contains(".auth_token(..)"), "{error}");
        assert!(!config.message.contains(BEARER), "{error}");
    }

    let failing = on(&server).token_source(Failing).build().unwrap();
    let error = failing
        .iam_v1()
        .list_get_keys(ACCOUNT_SID)
        .send()
        .await
        .unwrap_err();
    assert!(
        matches!(&error, Error::Auth(e) if e.operation == "ListGetKeys"),
        "{error:?}"
    );

    assert!(received(&server).await.is_empty(), "nothing was sent");

    let error = Client::builder().build().unwrap_err();
    assert!(matches!(error, Error::Config(_)), "{error:?}");
}
