//! Sends one SMS through the generated client with only the `api_v2010` feature. The `builds`
//! bench compiles it cold beside `reqwest.rs`, the same program on bare reqwest; it is never run.

#[tokio::main]
async fn main() -> Result<(), twilio_api::Error> {
    let account_sid = std::env::var("TWILIO_ACCOUNT_SID").unwrap_or_default();
    let client = twilio_api::Client::from_env()?;
    let message = client
        .api_v2010()
        .create_message(account_sid, "+15558675310")
        .from("+15017122661")
        .body("Hello from Rust")
        .send()
        .await?;
    println!("sent {:?}: {:?}", message.sid, message.status);
    Ok(())
}
