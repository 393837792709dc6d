//! The example of the README's "Receiving webhooks", kept compiling and passing: a signed
//! inbound SMS is answered in TwiML, a forged one refused.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is a failed test.

use twilio_api_runtime as twilio_api;

use twilio_api::twiml::MessagingResponse;
use twilio_api::webhook::{RequestValidator, SignatureError};

/// The URL Twilio calls, as configured on the phone number. Behind a proxy, load balancer or
/// tunnel the host your server sees is not the one Twilio signed, so it is given, not guessed.
const PUBLIC_BASE: &str = "https://myapp.example.com";

/// An inbound SMS webhook, its body read into memory (a few kilobytes), as any web framework
/// built on the `http` crate hands it over.
fn sms_webhook(
    validator: &RequestValidator,
    request: &http::Request<Vec<u8>>,
) -> Result<String, SignatureError> {
    // The URL is PUBLIC_BASE + the request's path and query; the form fields are read from
    // the body; a JSON body is checked against the URL's bodySHA256 instead.
    validator.validate_request(request, PUBLIC_BASE)?;
    let from = url::form_urlencoded::parse(request.body())
        .find(|(name, _)| name == "From")
        .map(|(_, value)| value.into_owned())
        .unwrap_or_default();
    Ok(MessagingResponse::new()
        .message(format!("Thanks, {from}!"))
        .to_string())
}

fn inbound_sms(signature: &str) -> http::Request<Vec<u8>> {
    http::Request::post("/sms?tenant=7")
        .header("Host", "10.0.0.12:8080") // what the proxy forwarded, not what Twilio signed
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Twilio-Signature", signature)
        .body(b"From=%2B15555550100&Body=hi&To=%2B15555550199".to_vec())
        .unwrap()
}

#[test]
fn a_signed_sms_is_answered_and_a_forged_one_refused() {
    let validator = RequestValidator::new("auth-token");
    let signature = validator.signature(
        "https://myapp.example.com/sms?tenant=7",
        [
            ("From", "+15555550100"),
            ("Body", "hi"),
            ("To", "+15555550199"),
        ],
    );
    assert_eq!(
        sms_webhook(&validator, &inbound_sms(&signature)).unwrap(),
        r#"<?xml version="1.0" encoding="UTF-8"?><Response><Message>Thanks, +15555550100!</Message></Response>"#
    );

    let other_token = RequestValidator::new("someone-else").signature(
        "https://myapp.example.com/sms?tenant=7",
        [
            ("From", "+15555550100"),
            ("Body", "hi"),
            ("To", "+15555550199"),
        ],
    );
    assert_eq!(
        sms_webhook(&validator, &inbound_sms(&other_token)),
        Err(SignatureError::SignatureMismatch)
    );
    // Signed for another path of the same app: refused too.
    let elsewhere = validator.signature(
        "https://myapp.example.com/voice?tenant=7",
        [
            ("From", "+15555550100"),
            ("Body", "hi"),
            ("To", "+15555550199"),
        ],
    );
    assert_eq!(
        sms_webhook(&validator, &inbound_sms(&elsewhere)),
        Err(SignatureError::SignatureMismatch)
    );
    let mut unsigned = inbound_sms("x");
    unsigned.headers_mut().remove("X-Twilio-Signature");
    assert_eq!(
        sms_webhook(&validator, &unsigned),
        Err(SignatureError::MissingSignatureHeader)
    );
}
