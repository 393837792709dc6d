//! Sends one SMS through the generated client with only the `api_v2010` feature. The `builds`
//! bench compiles it cold beside `reqwest.rs`, the same program on bare reqwest; it is never run.

#[tokio::main]
async fn main() -> Result<(), twilio_api::Error> {
    let client = twilio_api::Client::from_env()?;
    // The account is the client's (TWILIO_ACCOUNT_SID).
    let message = client
        .api_v2010()
        .create_message("+15558675310")
        .from("+15017122661")
        .body("Hello from Rust")
        .send()
        .await?;
    println!("sent {:?}: {:?}", message.sid, message.status);
    Ok(())
}
