//! The helpers as a user of `twilio-api` reaches them (the DESIGN contract's calls, through
//! the generated crate's root): webhook signatures, access tokens and TwiML. Their rules are
//! tested rule by rule in `twilio-api-runtime`; this checks they are where the contract says,
//! with the features of `full`, and agree with Twilio's published examples.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use std::time::Duration;
use twilio_api::jwt::{AccessToken, ChatGrant, SyncGrant, VideoGrant, VoiceGrant};
use twilio_api::twiml::{Dial, Gather, Message, MessagingResponse, VoiceResponse};
use twilio_api::webhook::{RequestValidator, SignatureError};

/// Twilio's documented example: auth token, URL, parameters and the signature it sends.
const URL: &str = "https://mycompany.com/myapp.php?foo=1&bar=2";
const PARAMS: [(&str, &str); 5] = [
    ("CallSid", "CA1234567890ABCDE"),
    ("Caller", "+14158675309"),
    ("Digits", "1234"),
    ("From", "+14158675309"),
    ("To", "+18005551212"),
];
const SIGNATURE: &str = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

#[test]
fn webhook_signatures_follow_twilio_documented_example() {
    let v = RequestValidator::new("12345");
    assert_eq!(v.signature(URL, PARAMS), SIGNATURE);
    assert_eq!(v.validate(URL, PARAMS, SIGNATURE), Ok(()));
    // A parameter changed on the way is refused, and the error says which check failed.
    let forged = [("To", "+18005550000"), ("From", "+14158675309")];
    assert_eq!(
        v.validate(URL, forged, SIGNATURE),
        Err(SignatureError::SignatureMismatch)
    );
    // A JSON webhook: the URL carries the body's SHA-256 and the signature covers the URL.
    let body = br#"{"property": "value", "boolean": true}"#;
    let url = format!("{URL}&bodySHA256={}", twilio_api::webhook::body_hash(body));
    let signature = v.signature(&url, twilio_api::webhook::NO_PARAMS);
    assert_eq!(v.validate_body(&url, body, &signature), Ok(()));
    assert!(v.validate_body(&url, b"{}", &signature).is_err());
}

fn claims(jwt: &str) -> (serde_json::Value, serde_json::Value) {
    let parts: Vec<&str> = jwt.split('.').collect();
    assert_eq!(parts.len(), 3, "a JWT has three parts: {jwt}");
    let decode = |part: &str| -> serde_json::Value {
        let bytes = URL_SAFE_NO_PAD.decode(part).unwrap();
        serde_json::from_slice(&bytes).unwrap()
    };
    (decode(parts[0]), decode(parts[1]))
}

#[test]
fn access_tokens_carry_twilio_header_and_grants() {
    let jwt = AccessToken::new(
        "ACxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        "SKxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        "api_key_secret",
    )
    .identity("alice")
    .ttl(Duration::from_secs(3600))
    .grant(
        VoiceGrant::new()
            .outgoing_application_sid("APxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
            .incoming_allow(true),
    )
    .grant(VideoGrant::new().room("RMxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"))
    .grant(
        ChatGrant::new()
            .service_sid("ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
            .push_credential_sid("CRxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
    )
    .grant(
        SyncGrant::new()
            .service_sid("ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
            .endpoint_id("browser"),
    )
    .to_jwt()
    .unwrap();
    let (header, payload) = claims(&jwt);
    assert_eq!(header["alg"], "HS256");
    assert_eq!(header["cty"], "twilio-fpa;v=1");
    assert_eq!(payload["iss"], "SKxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
    assert_eq!(payload["sub"], "ACxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
    let issued = payload["iat"].as_i64().unwrap();
    assert_eq!(payload["exp"].as_i64().unwrap() - issued, 3600);
    assert_eq!(
        payload["jti"],
        format!("SKxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-{issued}")
    );
    let grants = &payload["grants"];
    assert_eq!(grants["identity"], "alice");
    assert_eq!(grants["voice"]["incoming"]["allow"], true);
    assert_eq!(
        grants["voice"]["outgoing"]["application_sid"],
        "APxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
    );
    assert_eq!(
        grants["video"]["room"],
        "RMxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
    );
    assert_eq!(
        grants["chat"]["push_credential_sid"],
        "CRxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
    );
    assert_eq!(grants["data_sync"]["endpoint_id"], "browser");
}

#[test]
fn twiml_is_written_as_twilio_reads_it() {
    const HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8"?>"#;
    assert_eq!(
        VoiceResponse::new().say("Hello").to_string(),
        format!("{HEAD}<Response><Say>Hello</Say></Response>")
    );
    assert_eq!(
        VoiceResponse::new().dial("+15555550100").to_string(),
        format!("{HEAD}<Response><Dial>+15555550100</Dial></Response>")
    );
    assert_eq!(
        VoiceResponse::new()
            .dial(Dial::new().number("+15555550100"))
            .to_string(),
        format!("{HEAD}<Response><Dial><Number>+15555550100</Number></Dial></Response>")
    );
    assert_eq!(
        VoiceResponse::new()
            .gather(
                Gather::new()
                    .action("https://example.com/g")
                    .num_digits(1)
                    .say("Press 1")
            )
            .to_string(),
        format!(
            r#"{HEAD}<Response><Gather action="https://example.com/g" numDigits="1"><Say>Press 1</Say></Gather></Response>"#
        )
    );
    assert_eq!(
        MessagingResponse::new()
            .message(
                Message::new()
                    .body("Fish & <chips>")
                    .media("https://example.com/a.png")
            )
            .to_string(),
        format!(
            "{HEAD}<Response><Message><Body>Fish &amp; &lt;chips&gt;</Body><Media>https://example.com/a.png</Media></Message></Response>"
        )
    );
}
