//! Lists the account's Assistant sessions and the messages of each.
//!
//! ```text
//! TWILIO_ACCOUNT_SID=AC… TWILIO_AUTH_TOKEN=… cargo run -p twilio-api --example sessions
//! cargo run -p twilio-api --example sessions -- --base-url http://127.0.0.1:4010 --limit 5
//! ```
//!
//! Options: `--base-url URL` sends every request there (a local mock such as `prism mock`),
//! `--limit N` stops after N sessions (default 20), `--messages N` shows at most N messages per
//! session (default 10). Credentials come from the environment (`TWILIO_ACCOUNT_SID`,
//! `TWILIO_AUTH_TOKEN`, or `TWILIO_API_KEY` and `TWILIO_API_SECRET`).

use std::process::ExitCode;

use futures::TryStreamExt as _;
use twilio_api::Client;

struct Options {
    base_url: Option<String>,
    limit: usize,
    messages: usize,
}

fn options() -> Result<Options, String> {
    let mut options = Options {
        base_url: None,
        limit: 20,
        messages: 10,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--base-url" => options.base_url = Some(value("--base-url")?),
            "--limit" => {
                options.limit = value("--limit")?
                    .parse()
                    .map_err(|e| format!("--limit: {e}"))?
            }
            "--messages" => {
                options.messages = value("--messages")?
                    .parse()
                    .map_err(|e| format!("--messages: {e}"))?
            }
            other => {
                return Err(format!(
                    "unknown argument {other:?} (try --base-url, --limit, --messages)"
                ));
            }
        }
    }
    Ok(options)
}

async fn run(options: Options) -> Result<(), Box<dyn std::error::Error>> {
    let client = match &options.base_url {
        // `from_env` reads the credentials; a base URL needs the builder.
        Some(base_url) => {
            let var = |name: &str| std::env::var(name).map_err(|_| format!("set {name}"));
            Client::builder()
                .account_sid(var("TWILIO_ACCOUNT_SID")?)
                .auth_token(var("TWILIO_AUTH_TOKEN")?)
                .base_url(base_url)
                .build()?
        }
        None => Client::from_env()?,
    };
    let assistants = client.assistants_v1();
    let sessions: Vec<_> = assistants
        .list_sessions()
        .limit(options.limit)
        .stream()
        .try_collect()
        .await?;
    println!("{} session(s)", sessions.len());
    for session in sessions {
        let Some(id) = session.id.as_deref() else {
            continue;
        };
        let updated = session
            .date_updated
            .map(|t| t.to_rfc3339())
            .unwrap_or_default();
        println!(
            "session {id} (identity {:?}, updated {updated})",
            session.identity.as_deref().unwrap_or("-")
        );
        let mut messages = assistants
            .list_messages(id)
            .limit(options.messages)
            .stream();
        while let Some(message) = messages.try_next().await? {
            let role = message.role.as_deref().unwrap_or("?");
            let content = message.content.map(|c| c.to_string()).unwrap_or_default();
            println!("  [{role}] {content}");
        }
    }
    Ok(())
}

#[tokio::main]
async fn main() -> ExitCode {
    let options = match options() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    match run(options).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            // Each error prints its own level; the causes (a refused connection, …) follow.
            eprintln!("error: {error}");
            let mut cause = error.source();
            while let Some(error) = cause {
                eprintln!("  caused by: {error}");
                cause = error.source();
            }
            ExitCode::FAILURE
        }
    }
}
