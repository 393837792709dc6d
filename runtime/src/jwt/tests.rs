//! Every token minted here is decoded and verified by an independent JWT library
//! (`jsonwebtoken`, HS256), and its header and claims are compared as raw JSON.

#![allow(deprecated)] // IpMessagingGrant and ConversationsGrant are tested too.

use std::collections::{BTreeMap, HashMap};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, KeyInit as _, Mac as _};
use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde_json::{Value, json};
use sha2::Sha256;

use super::*;

const ACCOUNT: &str = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const KEY: &str = "SKbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
const SECRET: &str = "s3cr3t-api-key-secret";
const APP: &str = "APcccccccccccccccccccccccccccccccc";

/// 2023-11-14T22:13:20Z.
const T0: u64 = 1_700_000_000;

fn at(seconds: u64) -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(seconds)
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

fn token() -> AccessToken {
    AccessToken::new(ACCOUNT, KEY, SECRET)
}

/// Strict validation by `jsonwebtoken`: HS256 only, exp and nbf checked with no leeway,
/// iss and sub must be ours.
fn strict() -> Validation {
    let mut validation = Validation::new(Algorithm::HS256);
    validation.leeway = 0;
    validation.validate_nbf = true;
    validation.set_issuer(&[KEY]);
    validation.sub = Some(ACCOUNT.to_owned());
    validation.set_required_spec_claims(&["exp", "iss", "sub"]);
    validation
}

/// As [`strict`], but for tokens issued at a fixed time in the past (no exp/nbf check).
fn fixed_time() -> Validation {
    let mut validation = strict();
    validation.validate_exp = false;
    validation.validate_nbf = false;
    validation
}

fn verify_with(
    jwt: &str,
    secret: &str,
    validation: &Validation,
) -> jsonwebtoken::errors::Result<jsonwebtoken::TokenData<Value>> {
    jsonwebtoken::decode::<Value>(
        jwt,
        &DecodingKey::from_secret(secret.as_bytes())?,
        validation,
    )
}

/// Verifies `jwt` with `jsonwebtoken` and returns its claims, after checking that they are
/// exactly the raw payload.
fn claims(jwt: &str, validation: &Validation) -> Value {
    let data = verify_with(jwt, SECRET, validation).unwrap();
    assert_eq!(data.header.alg, Algorithm::HS256);
    assert_eq!(data.header.typ.as_deref(), Some("JWT"));
    assert_eq!(data.header.cty.as_deref(), Some("twilio-fpa;v=1"));
    assert_eq!(data.claims, raw_part(jwt, 1));
    data.claims
}

/// Part `index` of `jwt`, base64url-decoded, as text.
fn raw_text(jwt: &str, index: usize) -> String {
    let part = jwt.split('.').nth(index).unwrap();
    String::from_utf8(URL_SAFE_NO_PAD.decode(part).unwrap()).unwrap()
}

fn raw_part(jwt: &str, index: usize) -> Value {
    serde_json::from_str(&raw_text(jwt, index)).unwrap()
}

/// The `grants` claim of a fixed-time token carrying `grant`.
fn grants_of(grant: impl Grant) -> Value {
    let jwt = token().issued_at(at(T0)).grant(grant).to_jwt().unwrap();
    claims(&jwt, &fixed_time())["grants"].clone()
}

fn has_null(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::Array(items) => items.iter().any(has_null),
        Value::Object(map) => map.values().any(has_null),
        _ => false,
    }
}

// ---- the token as a whole ----

#[test]
fn token_verifies_with_jsonwebtoken_and_has_the_twilio_claims() {
    let before = now();
    let jwt = token()
        .identity("alice")
        .ttl(Duration::from_secs(3600))
        .grant(
            VoiceGrant::new()
                .outgoing_application_sid(APP)
                .incoming_allow(true),
        )
        .to_jwt()
        .unwrap();
    let after = now();

    assert_eq!(jwt.split('.').count(), 3);
    assert!(!jwt.contains('='), "no base64 padding: {jwt}");

    let claims = claims(&jwt, &strict());
    let iat = claims["iat"].as_u64().unwrap();
    assert!((before..=after).contains(&iat));
    assert_eq!(
        claims,
        json!({
            "jti": format!("{KEY}-{iat}"),
            "iss": KEY,
            "sub": ACCOUNT,
            "iat": iat,
            "exp": iat + 3600,
            "grants": {
                "identity": "alice",
                "voice": {
                    "incoming": {"allow": true},
                    "outgoing": {"application_sid": APP},
                },
            },
        })
    );
    assert_eq!(
        raw_text(&jwt, 0),
        r#"{"alg":"HS256","typ":"JWT","cty":"twilio-fpa;v=1"}"#
    );
}

#[test]
fn a_different_secret_or_a_changed_token_fails_verification() {
    let jwt = token().identity("alice").to_jwt().unwrap();
    assert!(verify_with(&jwt, SECRET, &strict()).is_ok());

    let error = verify_with(&jwt, "another-secret", &strict()).unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::InvalidSignature);

    // Same header and signature, claims with another identity.
    let parts: Vec<&str> = jwt.split('.').collect();
    let mut claims = raw_part(&jwt, 1);
    claims["grants"]["identity"] = json!("mallory");
    let forged = format!(
        "{}.{}.{}",
        parts[0],
        URL_SAFE_NO_PAD.encode(serde_json::to_vec(&claims).unwrap()),
        parts[2]
    );
    let error = verify_with(&forged, SECRET, &strict()).unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::InvalidSignature);

    // A token minted with another secret does not verify with ours.
    let other = AccessToken::new(ACCOUNT, KEY, "another-secret")
        .to_jwt()
        .unwrap();
    let error = verify_with(&other, SECRET, &strict()).unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::InvalidSignature);
}

#[test]
fn the_signature_is_hmac_sha256_of_the_first_two_parts() {
    let jwt = token().identity("alice").to_jwt().unwrap();
    let (signing_input, signature) = jwt.rsplit_once('.').unwrap();
    let mut mac = Hmac::<Sha256>::new_from_slice(SECRET.as_bytes()).unwrap();
    mac.update(signing_input.as_bytes());
    assert_eq!(
        signature,
        URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
    );
}

#[test]
fn a_fixed_issue_time_gives_a_byte_identical_golden_token() {
    // The expected token was computed outside this crate (Python's hmac and base64) from the
    // literal header and claims below.
    const GOLDEN: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCIsImN0eSI6InR3aWxpby1mcGE7dj0xIiwidHdyIjoiaWUxIn0.eyJqdGkiOiJTS2JiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiLTE3MDAwMDAwMDAiLCJpc3MiOiJTS2JiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiIiwic3ViIjoiQUNhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYSIsImlhdCI6MTcwMDAwMDAwMCwiZXhwIjoxNzAwMDAzNjAwLCJuYmYiOjE3MDAwMDAwMDAsImdyYW50cyI6eyJpZGVudGl0eSI6ImFsaWNlIiwidmlkZW8iOnsicm9vbSI6InN0YW5kdXAifSwidm9pY2UiOnsiaW5jb21pbmciOnsiYWxsb3ciOnRydWV9LCJvdXRnb2luZyI6eyJhcHBsaWNhdGlvbl9zaWQiOiJBUGNjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjIiwicGFyYW1zIjp7InRvIjoiYm9iIn19fX19.tSoBlEik6CWHBduMqL8XLD_t6qRie-ZYgcaipMeGWyE";
    let header = r#"{"alg":"HS256","typ":"JWT","cty":"twilio-fpa;v=1","twr":"ie1"}"#;
    let payload = format!(
        concat!(
            r#"{{"jti":"{key}-1700000000","iss":"{key}","sub":"{account}","iat":1700000000,"#,
            r#""exp":1700003600,"nbf":1700000000,"grants":{{"identity":"alice","#,
            r#""video":{{"room":"standup"}},"voice":{{"incoming":{{"allow":true}},"#,
            r#""outgoing":{{"application_sid":"{app}","params":{{"to":"bob"}}}}}}}}}}"#
        ),
        key = KEY,
        account = ACCOUNT,
        app = APP
    );

    let builder = AccessToken::new(ACCOUNT, KEY, "golden-secret")
        .identity("alice")
        .region("ie1")
        .nbf_at_issue()
        .issued_at(at(T0))
        // Grants added in another order than their keys sort in.
        .grant(
            VoiceGrant::new()
                .outgoing_application_params([("to", "bob")])
                .outgoing_application_sid(APP)
                .incoming_allow(true),
        )
        .grant(VideoGrant::new().room("standup"));
    let first = builder.to_jwt().unwrap();
    let second = builder.clone().to_jwt().unwrap();

    assert_eq!(raw_text(&first, 0), header);
    assert_eq!(raw_text(&first, 1), payload);
    assert_eq!(first, GOLDEN);
    assert_eq!(second, GOLDEN);
    let data = verify_with(&first, "golden-secret", &fixed_time()).unwrap();
    assert_eq!(data.claims["grants"]["video"], json!({"room": "standup"}));
}

#[test]
fn the_region_goes_into_the_twr_header() {
    let jwt = token().region("au1").to_jwt().unwrap();
    assert_eq!(
        raw_text(&jwt, 0),
        r#"{"alg":"HS256","typ":"JWT","cty":"twilio-fpa;v=1","twr":"au1"}"#
    );
    let data = verify_with(&jwt, SECRET, &strict()).unwrap();
    assert_eq!(
        data.header.extras.get::<String>("twr").unwrap().as_deref(),
        Some("au1")
    );
    assert_eq!(data.header.cty.as_deref(), Some("twilio-fpa;v=1"));

    let jwt = token().to_jwt().unwrap();
    let data = verify_with(&jwt, SECRET, &strict()).unwrap();
    assert_eq!(data.header.extras.get::<String>("twr").unwrap(), None);
}

#[test]
fn jti_iss_sub_iat_exp_follow_the_issue_time_and_ttl() {
    for ttl in [1, 60, 3600, 86_400] {
        let jwt = token()
            .issued_at(at(T0))
            .ttl(Duration::from_secs(ttl))
            .to_jwt()
            .unwrap();
        let claims = claims(&jwt, &fixed_time());
        assert_eq!(claims["jti"], json!(format!("{KEY}-{T0}")));
        assert_eq!(claims["iss"], json!(KEY));
        assert_eq!(claims["sub"], json!(ACCOUNT));
        assert_eq!(claims["iat"], json!(T0));
        assert_eq!(claims["exp"], json!(T0 + ttl));
        assert_eq!(
            claims["exp"].as_u64().unwrap() - claims["iat"].as_u64().unwrap(),
            ttl
        );
    }
}

#[test]
fn the_default_ttl_is_one_hour_and_fractions_are_dropped() {
    let jwt = token().issued_at(at(T0)).to_jwt().unwrap();
    assert_eq!(claims(&jwt, &fixed_time())["exp"], json!(T0 + 3600));
    assert_eq!(DEFAULT_TTL, Duration::from_secs(3600));

    let jwt = token()
        .issued_at(at(T0) + Duration::from_millis(999))
        .ttl(Duration::from_millis(90_500))
        .to_jwt()
        .unwrap();
    let claims = claims(&jwt, &fixed_time());
    assert_eq!(claims["iat"], json!(T0));
    assert_eq!(claims["exp"], json!(T0 + 90));
    assert_eq!(claims["jti"], json!(format!("{KEY}-{T0}")));
}

#[test]
fn nbf_is_absent_by_default_and_written_when_set() {
    let jwt = token().issued_at(at(T0)).to_jwt().unwrap();
    assert!(claims(&jwt, &fixed_time()).get("nbf").is_none());

    let jwt = token().issued_at(at(T0)).nbf(at(T0 + 60)).to_jwt().unwrap();
    assert_eq!(claims(&jwt, &fixed_time())["nbf"], json!(T0 + 60));

    let jwt = token().issued_at(at(T0)).nbf_at_issue().to_jwt().unwrap();
    assert_eq!(claims(&jwt, &fixed_time())["nbf"], json!(T0));

    // The later call wins.
    let jwt = token()
        .issued_at(at(T0))
        .nbf_at_issue()
        .nbf(at(T0 - 5))
        .to_jwt()
        .unwrap();
    assert_eq!(claims(&jwt, &fixed_time())["nbf"], json!(T0 - 5));
}

#[test]
fn jsonwebtoken_enforces_our_nbf_and_exp() {
    // Not valid yet: nbf ten minutes from now.
    let jwt = token()
        .nbf(SystemTime::now() + Duration::from_secs(600))
        .to_jwt()
        .unwrap();
    let error = verify_with(&jwt, SECRET, &strict()).unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::ImmatureSignature);

    // Valid now with nbf = iat = now.
    let jwt = token().nbf_at_issue().to_jwt().unwrap();
    let claims = claims(&jwt, &strict());
    assert_eq!(claims["nbf"], claims["iat"]);

    // Expired: issued two hours ago for one hour.
    let jwt = token()
        .issued_at(SystemTime::now() - Duration::from_secs(7200))
        .to_jwt()
        .unwrap();
    let error = verify_with(&jwt, SECRET, &strict()).unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::ExpiredSignature);
}

#[test]
fn identity_is_inside_grants_and_absent_when_unset() {
    let jwt = token().identity("alice").to_jwt().unwrap();
    let claims = claims(&jwt, &strict());
    assert_eq!(claims["grants"], json!({"identity": "alice"}));
    assert!(claims.get("identity").is_none());

    let jwt = token().to_jwt().unwrap();
    assert_eq!(claims_now(&jwt)["grants"], json!({}));

    // Characters JSON must escape survive the trip.
    let odd = "al\"ice\\ \u{e9}\u{1F600} \n\u{0}";
    let jwt = token().identity(odd).to_jwt().unwrap();
    assert_eq!(claims_now(&jwt)["grants"]["identity"], json!(odd));
}

fn claims_now(jwt: &str) -> Value {
    claims(jwt, &strict())
}

#[test]
fn debug_never_shows_the_secret() {
    let secret = "Zq9-super-secret-value-Zq9";
    let builder = AccessToken::new(ACCOUNT, KEY, secret)
        .identity("alice")
        .region("au1")
        .nbf_at_issue()
        .issued_at(at(T0))
        .grant(VoiceGrant::new().incoming_allow(true));
    for text in [format!("{builder:?}"), format!("{builder:#?}")] {
        assert!(!text.contains(secret), "{text}");
        assert!(!text.contains("Zq9"), "{text}");
        assert!(text.contains("<redacted>"), "{text}");
        assert!(text.contains(ACCOUNT) && text.contains(KEY) && text.contains("alice"));
    }
}

#[test]
fn accessors_return_the_sids() {
    let builder = token();
    assert_eq!(builder.account_sid(), ACCOUNT);
    assert_eq!(builder.key_sid(), KEY);
}

// ---- grants ----

#[test]
fn voice_grant_has_the_sdk_fields() {
    let full = VoiceGrant::new()
        .incoming_allow(true)
        .outgoing_application_sid(APP)
        .outgoing_application_params([("to", json!("bob")), ("priority", json!(2))])
        .push_credential_sid("CRdddddddddddddddddddddddddddddddd")
        .endpoint_id("alice-phone");
    assert_eq!(
        grants_of(full),
        json!({"voice": {
            "incoming": {"allow": true},
            "outgoing": {"application_sid": APP, "params": {"to": "bob", "priority": 2}},
            "push_credential_sid": "CRdddddddddddddddddddddddddddddddd",
            "endpoint_id": "alice-phone",
        }})
    );

    // incoming only when allowed; params only with an application SID.
    assert_eq!(grants_of(VoiceGrant::new()), json!({"voice": {}}));
    assert_eq!(
        grants_of(VoiceGrant::new().incoming_allow(false)),
        json!({"voice": {}})
    );
    assert_eq!(
        grants_of(VoiceGrant::new().outgoing_application_params([("to", "bob")])),
        json!({"voice": {}})
    );
    assert_eq!(
        grants_of(
            VoiceGrant::new()
                .outgoing_application_sid(APP)
                .outgoing_application_params(Vec::<(String, String)>::new())
        ),
        json!({"voice": {"outgoing": {"application_sid": APP}}})
    );
}

#[test]
fn voice_params_take_maps_and_json_objects_and_replace() {
    let mut hash = HashMap::new();
    hash.insert("to".to_owned(), "bob".to_owned());
    let mut btree = BTreeMap::new();
    btree.insert("to", 7);
    let object = json!({"to": {"nested": [1, 2]}})
        .as_object()
        .cloned()
        .unwrap();

    for (grant, params) in [
        (
            VoiceGrant::new().outgoing_application_params(hash),
            json!({"to": "bob"}),
        ),
        (
            VoiceGrant::new().outgoing_application_params(btree),
            json!({"to": 7}),
        ),
        (
            VoiceGrant::new().outgoing_application_params(object),
            json!({"to": {"nested": [1, 2]}}),
        ),
        (
            VoiceGrant::new()
                .outgoing_application_params([("a", "1")])
                .outgoing_application_params([("b", "2")]),
            json!({"b": "2"}),
        ),
    ] {
        let grant = grant.outgoing_application_sid(APP);
        assert_eq!(
            grants_of(grant)["voice"]["outgoing"],
            json!({"application_sid": APP, "params": params})
        );
    }
}

#[test]
fn video_chat_sync_task_router_grants_have_the_sdk_keys_and_fields() {
    assert_eq!(grants_of(VideoGrant::new()), json!({"video": {}}));
    assert_eq!(
        grants_of(VideoGrant::new().room("RMeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee")),
        json!({"video": {"room": "RMeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee"}})
    );

    assert_eq!(grants_of(ChatGrant::new()), json!({"chat": {}}));
    assert_eq!(
        grants_of(
            ChatGrant::new()
                .service_sid("IS1")
                .endpoint_id("ep")
                .deployment_role_sid("RL1")
                .push_credential_sid("CR1")
        ),
        json!({"chat": {
            "service_sid": "IS1",
            "endpoint_id": "ep",
            "deployment_role_sid": "RL1",
            "push_credential_sid": "CR1",
        }})
    );

    assert_eq!(grants_of(SyncGrant::new()), json!({"data_sync": {}}));
    assert_eq!(
        grants_of(SyncGrant::new().service_sid("IS2").endpoint_id("ep2")),
        json!({"data_sync": {"service_sid": "IS2", "endpoint_id": "ep2"}})
    );

    assert_eq!(
        grants_of(TaskRouterGrant::new()),
        json!({"task_router": {}})
    );
    assert_eq!(
        grants_of(
            TaskRouterGrant::new()
                .workspace_sid("WS1")
                .worker_sid("WK1")
                .role("worker")
        ),
        json!({"task_router": {"workspace_sid": "WS1", "worker_sid": "WK1", "role": "worker"}})
    );
}

#[test]
fn playback_grant_copies_the_api_object() {
    let from_api = json!({
        "requestCredentials": null,
        "playbackUrl": "https://example.com/playback",
        "playerStreamerSid": "VJ1",
    });
    assert_eq!(
        grants_of(PlaybackGrant::new().grant(from_api.clone())),
        json!({"player": from_api})
    );
    let map = from_api.as_object().cloned().unwrap();
    assert_eq!(
        grants_of(PlaybackGrant::new().grant(map)),
        json!({"player": from_api})
    );
    assert_eq!(grants_of(PlaybackGrant::new()), json!({"player": {}}));
    assert_eq!(
        grants_of(PlaybackGrant::new().grant(Value::Null)),
        json!({"player": {}})
    );

    for bad in [json!("text"), json!(1), json!([1]), json!(true)] {
        let error = token()
            .grant(PlaybackGrant::new().grant(bad))
            .to_jwt()
            .unwrap_err();
        assert_eq!(
            error,
            TokenError::InvalidGrant {
                key: "player".to_owned(),
                reason: "the payload is not a JSON object",
            }
        );
    }
}

#[test]
fn deprecated_grants_keep_their_sdk_keys() {
    assert_eq!(
        grants_of(
            IpMessagingGrant::new()
                .service_sid("IS1")
                .endpoint_id("ep")
                .deployment_role_sid("RL1")
                .push_credential_sid("CR1")
        ),
        json!({"ip_messaging": {
            "service_sid": "IS1",
            "endpoint_id": "ep",
            "deployment_role_sid": "RL1",
            "push_credential_sid": "CR1",
        }})
    );
    assert_eq!(
        grants_of(ConversationsGrant::new().configuration_profile_sid("VS1")),
        json!({"rtc": {"configuration_profile_sid": "VS1"}})
    );
    assert_eq!(grants_of(ConversationsGrant::new()), json!({"rtc": {}}));
}

#[test]
fn omitted_and_empty_fields_are_absent_never_null() {
    let jwt = token()
        .issued_at(at(T0))
        .grant(
            VoiceGrant::new()
                .outgoing_application_sid("")
                .outgoing_application_params([("to", "bob")])
                .push_credential_sid("")
                .endpoint_id(""),
        )
        .grant(VideoGrant::new().room(""))
        .grant(
            ChatGrant::new()
                .service_sid("")
                .endpoint_id("")
                .deployment_role_sid("")
                .push_credential_sid(""),
        )
        .grant(SyncGrant::new().service_sid("").endpoint_id(""))
        .grant(
            TaskRouterGrant::new()
                .workspace_sid("")
                .worker_sid("")
                .role(""),
        )
        .to_jwt()
        .unwrap();
    let claims = claims(&jwt, &fixed_time());
    assert_eq!(
        claims["grants"],
        json!({"voice": {}, "video": {}, "chat": {}, "data_sync": {}, "task_router": {}})
    );
    assert!(!has_null(&claims), "{claims}");
    assert!(!raw_text(&jwt, 1).contains("null"));
    assert!(!raw_text(&jwt, 0).contains("null"));
}

#[test]
fn grants_combine_under_their_keys() {
    let jwt = token()
        .identity("alice")
        .issued_at(at(T0))
        .grant(VoiceGrant::new().incoming_allow(true))
        .grant(VideoGrant::new().room("standup"))
        .grant(ChatGrant::new().service_sid("IS1"))
        .grant(SyncGrant::new().service_sid("IS2"))
        .grant(TaskRouterGrant::new().role("supervisor"))
        .grant(PlaybackGrant::new().grant(json!({"playbackUrl": "u"})))
        .to_jwt()
        .unwrap();
    assert_eq!(
        claims(&jwt, &fixed_time())["grants"],
        json!({
            "identity": "alice",
            "voice": {"incoming": {"allow": true}},
            "video": {"room": "standup"},
            "chat": {"service_sid": "IS1"},
            "data_sync": {"service_sid": "IS2"},
            "task_router": {"role": "supervisor"},
            "player": {"playbackUrl": "u"},
        })
    );
}

#[test]
fn the_same_grant_kind_twice_keeps_the_last() {
    let jwt = token()
        .issued_at(at(T0))
        .grant(VideoGrant::new().room("first"))
        .grant(ChatGrant::new().service_sid("IS1"))
        .grant(VideoGrant::new().room("second"))
        .to_jwt()
        .unwrap();
    assert_eq!(
        claims(&jwt, &fixed_time())["grants"],
        json!({"video": {"room": "second"}, "chat": {"service_sid": "IS1"}})
    );

    // A later empty grant of the same kind replaces a full one too.
    let jwt = token()
        .issued_at(at(T0))
        .grant(VideoGrant::new().room("first"))
        .grant(VideoGrant::new())
        .to_jwt()
        .unwrap();
    assert_eq!(claims(&jwt, &fixed_time())["grants"], json!({"video": {}}));
}

struct Custom {
    key: &'static str,
    payload: Value,
}

impl Grant for Custom {
    fn key(&self) -> &str {
        self.key
    }

    fn to_payload(&self) -> Value {
        self.payload.clone()
    }
}

#[test]
fn custom_grants_references_and_boxes_work() {
    let custom = Custom {
        key: "future",
        payload: json!({"enabled": true}),
    };
    let boxed: Box<dyn Grant> = Box::new(VideoGrant::new().room("r"));
    let jwt = token()
        .issued_at(at(T0))
        .grant(&custom)
        .grant(boxed)
        .to_jwt()
        .unwrap();
    assert_eq!(
        claims(&jwt, &fixed_time())["grants"],
        json!({"future": {"enabled": true}, "video": {"room": "r"}})
    );
}

#[test]
fn invalid_grants_are_refused() {
    let cases = [
        ("", json!({}), "the key is empty"),
        (
            "identity",
            json!({}),
            "the key `identity` is reserved for the token's identity",
        ),
        ("future", json!(null), "the payload is not a JSON object"),
        ("future", json!("x"), "the payload is not a JSON object"),
    ];
    for (key, payload, reason) in cases {
        let error = token()
            .identity("alice")
            .grant(Custom { key, payload })
            .to_jwt()
            .unwrap_err();
        assert_eq!(
            error,
            TokenError::InvalidGrant {
                key: key.to_owned(),
                reason,
            }
        );
        assert!(error.to_string().contains(reason));
    }
}

// ---- errors ----

#[test]
fn to_jwt_errors() {
    let err = |builder: AccessToken| builder.to_jwt().unwrap_err();

    for sid in ["", "AX123", "ac123", "SK123", " AC123"] {
        assert_eq!(
            err(AccessToken::new(sid, KEY, SECRET)),
            TokenError::InvalidAccountSid
        );
    }
    for sid in ["", "sk123", "AC123", "AK123"] {
        assert_eq!(
            err(AccessToken::new(ACCOUNT, sid, SECRET)),
            TokenError::InvalidKeySid
        );
    }
    assert_eq!(
        err(AccessToken::new(ACCOUNT, KEY, "")),
        TokenError::EmptySecret
    );
    assert_eq!(err(token().identity("")), TokenError::EmptyIdentity);
    assert_eq!(err(token().region("")), TokenError::EmptyRegion);

    for ttl in [
        Duration::ZERO,
        Duration::from_millis(999),
        MAX_TTL + Duration::from_nanos(1),
        Duration::from_secs(u64::MAX),
        Duration::MAX,
    ] {
        assert_eq!(err(token().ttl(ttl)), TokenError::InvalidTtl(ttl));
    }
    assert!(token().ttl(MAX_TTL).to_jwt().is_ok());

    let before_epoch = UNIX_EPOCH - Duration::from_secs(1);
    assert_eq!(
        err(token().issued_at(before_epoch)),
        TokenError::TimeBeforeEpoch("iat")
    );
    assert_eq!(
        err(token().nbf(before_epoch)),
        TokenError::TimeBeforeEpoch("nbf")
    );
    assert!(token().issued_at(UNIX_EPOCH).to_jwt().is_ok());

    let year_10000 = at(253_402_300_800);
    assert_eq!(
        err(token().issued_at(year_10000)),
        TokenError::TimeOutOfRange("iat")
    );
    assert_eq!(
        err(token().issued_at(at(253_402_300_799))),
        TokenError::TimeOutOfRange("exp")
    );
    assert_eq!(
        err(token().issued_at(at(T0)).nbf(year_10000)),
        TokenError::TimeOutOfRange("nbf")
    );

    assert_eq!(
        err(token().issued_at(at(T0)).nbf(at(T0 + 3600))),
        TokenError::NotBeforeAfterExpiry {
            nbf: T0 + 3600,
            exp: T0 + 3600
        }
    );
    assert!(
        token()
            .issued_at(at(T0))
            .nbf(at(T0 + 3599))
            .to_jwt()
            .is_ok()
    );
}

#[test]
fn errors_display_and_are_std_errors() {
    let errors = [
        TokenError::InvalidAccountSid,
        TokenError::InvalidKeySid,
        TokenError::EmptySecret,
        TokenError::EmptyIdentity,
        TokenError::EmptyRegion,
        TokenError::InvalidTtl(Duration::ZERO),
        TokenError::TimeBeforeEpoch("iat"),
        TokenError::TimeOutOfRange("exp"),
        TokenError::NotBeforeAfterExpiry { nbf: 2, exp: 1 },
        TokenError::InvalidGrant {
            key: "k".to_owned(),
            reason: "r",
        },
        TokenError::Encoding("e".to_owned()),
    ];
    for error in errors {
        let boxed: Box<dyn std::error::Error + Send + Sync> = Box::new(error.clone());
        assert!(!boxed.to_string().is_empty());
        assert!(!format!("{error:?}").is_empty());
    }
    let secretless = token().ttl(Duration::ZERO).to_jwt().unwrap_err();
    assert!(!secretless.to_string().contains(SECRET));
}

#[test]
fn odd_inputs_never_panic_and_valid_tokens_always_verify() {
    let strings = [
        "",
        "AC",
        "SK",
        "ACx",
        "SK\u{0}",
        "AC\"\\\n",
        "SK\u{1F600}",
        "é",
        "twr",
    ];
    let mut minted = 0;
    for account in strings {
        for key in strings {
            for secret in [
                "",
                "x",
                "\u{0}",
                "long secret long secret long secret long secret long secret long secret",
            ] {
                for identity in strings {
                    let builder = AccessToken::new(account, key, secret)
                        .identity(identity)
                        .region(identity)
                        .issued_at(at(T0))
                        .grant(
                            VoiceGrant::new()
                                .outgoing_application_sid(identity)
                                .outgoing_application_params([(identity, identity)]),
                        )
                        .grant(ChatGrant::new().service_sid(identity));
                    if let Ok(jwt) = builder.to_jwt() {
                        minted += 1;
                        let mut validation = Validation::new(Algorithm::HS256);
                        validation.validate_exp = false;
                        let data = verify_with(&jwt, secret, &validation).unwrap();
                        assert_eq!(data.claims["iss"], json!(key));
                        assert_eq!(data.claims["sub"], json!(account));
                        assert_eq!(data.claims["grants"]["identity"], json!(identity));
                        assert_eq!(data.claims, raw_part(&jwt, 1));
                    }
                }
            }
        }
    }
    assert!(minted > 0);
}
