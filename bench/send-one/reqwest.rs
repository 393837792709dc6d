//! Sends one SMS on bare reqwest and serde, as a program without the generated client would:
//! the baseline of `twilio-api.rs` in the `builds` bench, which compiles it cold; never run.
//! TLS is set up as the client runtime does it (rustls with `ring`, the platform's verifier).

use std::sync::Arc;

use rustls_platform_verifier::BuilderVerifierExt as _;
use serde::Deserialize;

/// What Twilio answers with: the fields a program would read.
#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Message {
    sid: String,
    account_sid: String,
    messaging_service_sid: Option<String>,
    status: MessageStatus,
    direction: String,
    to: String,
    from: Option<String>,
    body: String,
    num_segments: String,
    num_media: String,
    price: Option<String>,
    price_unit: Option<String>,
    error_code: Option<i64>,
    error_message: Option<String>,
    date_created: Option<String>,
    date_updated: Option<String>,
    date_sent: Option<String>,
    api_version: String,
    uri: String,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "snake_case")]
enum MessageStatus {
    Queued,
    Sending,
    Sent,
    Failed,
    Delivered,
    Undelivered,
    Receiving,
    Received,
    Accepted,
    Scheduled,
    Read,
    PartiallyDelivered,
    Canceled,
}

/// Twilio's error body.
#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct TwilioError {
    code: Option<i64>,
    message: String,
    more_info: Option<String>,
    status: u16,
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let account_sid = std::env::var("TWILIO_ACCOUNT_SID")?;
    let auth_token = std::env::var("TWILIO_AUTH_TOKEN")?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let tls = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .with_platform_verifier()?
        .with_no_client_auth();
    let http = reqwest::Client::builder()
        .tls_backend_preconfigured(tls)
        .build()?;
    let response = http
        .post(format!(
            "https://api.twilio.com/2010-04-01/Accounts/{account_sid}/Messages.json"
        ))
        .basic_auth(&account_sid, Some(&auth_token))
        .form(&[
            ("To", "+15558675310"),
            ("From", "+15017122661"),
            ("Body", "Hello from Rust"),
        ])
        .send()
        .await?;
    if !response.status().is_success() {
        let error: TwilioError = response.json().await?;
        return Err(format!("Twilio error {:?}: {}", error.code, error.message).into());
    }
    let message: Message = response.json().await?;
    println!("sent {}: {:?}", message.sid, message.status);
    Ok(())
}
