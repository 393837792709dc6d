//! Conformance against Stoplight Prism (`prism mock`) serving our own specs, in static mode
//! (the specs' examples) and dynamic mode (random data the schemas allow). Prism validates every
//! request against the spec (path, query bounds, basic auth) and answers 4xx to any that does not
//! conform, so a passing run shows the client sends what the specs say and decodes what they
//! allow.
//!
//! Needs Prism: `npm ci --prefix .ci` installs it (or set `PRISM_BIN`); `.ci/run` does both and
//! runs every ignored test (`cargo test --workspace -- --ignored`); alone:
//! `cargo test -p twilio-api --test prism -- --ignored`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is a failed test.

mod common;

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{ACCOUNT_SID, AUTH_TOKEN};
use futures::{StreamExt as _, TryStreamExt as _};
use twilio_api::Client;
use twilio_api::conversations_v2::ConversationStatus;

const ASSISTANT: &str = "UAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const DIALOGUE: &str = "UKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
/// Dynamic responses are random: ask several times (`PRISM_ROUNDS` to change).
const DYNAMIC_ROUNDS: usize = 15;

/// A running `prism mock`, stopped on drop.
struct Prism {
    child: Child,
    url: String,
    log: PathBuf,
}

impl Drop for Prism {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Prism {
    fn log_tail(&self) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(30)..].join("\n")
    }

    fn client(&self) -> Client {
        Client::builder()
            .account_sid(ACCOUNT_SID)
            .auth_token(AUTH_TOKEN)
            .base_url(&self.url)
            .max_retries(0)
            .build()
            .unwrap()
    }
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn prism_bin() -> PathBuf {
    let path = std::env::var_os("PRISM_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace().join(".ci/node_modules/.bin/prism"));
    assert!(
        path.exists(),
        "Prism not found at {}: run `npm ci --prefix .ci` (or set PRISM_BIN)",
        path.display()
    );
    path
}

/// Starts Prism on a free port for one spec file.
fn spawn(spec: &str, dynamic: bool) -> Prism {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let log = std::env::temp_dir().join(format!("prism-{spec}-{port}.log"));
    let file = std::fs::File::create(&log).unwrap();
    let mut command = Command::new(prism_bin());
    command
        .args(["mock", "--host", "127.0.0.1", "--port", &port.to_string()])
        .arg(workspace().join("specs").join(spec))
        .stdin(Stdio::null())
        .stdout(file.try_clone().unwrap())
        .stderr(file);
    if dynamic {
        command.arg("--dynamic");
    }
    let child = command.spawn().expect("start prism");
    Prism {
        child,
        url: format!("http://127.0.0.1:{port}"),
        log,
    }
}

/// Waits until each Prism accepts connections (they start in parallel; Node takes seconds).
fn wait_ready(instances: &mut [Prism]) {
    let deadline = Instant::now() + Duration::from_secs(120);
    for prism in instances.iter_mut() {
        let address = prism.url.trim_start_matches("http://").to_owned();
        loop {
            if let Ok(Some(status)) = prism.child.try_wait() {
                panic!("prism exited early ({status}):\n{}", prism.log_tail());
            }
            if TcpStream::connect(&address).is_ok() {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "prism did not start:\n{}",
                prism.log_tail()
            );
            std::thread::sleep(Duration::from_millis(200));
        }
    }
}

async fn conformance(dynamic: bool) {
    let mut instances = [
        spawn("autopilot_v1.yaml", dynamic),
        spawn("conversations_v2.yaml", dynamic),
        spawn("assistants_v1.yaml", dynamic),
    ];
    wait_ready(&mut instances);
    let [autopilot, conversations, assistants] = &instances;
    let rounds = match std::env::var("PRISM_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
    {
        Some(rounds) if dynamic => rounds,
        _ if dynamic => DYNAMIC_ROUNDS,
        _ => 1,
    };
    for _ in 0..rounds {
        let dialogue = autopilot
            .client()
            .autopilot_v1()
            .fetch_dialogue(ASSISTANT, DIALOGUE)
            .send()
            .await;
        let dialogue =
            dialogue.unwrap_or_else(|e| panic!("FetchDialogue: {e}\n{}", autopilot.log_tail()));

        let conversation = conversations
            .client()
            .conversations_v2()
            .fetch_conversation("conv_1")
            .send()
            .await;
        let conversation = conversation
            .unwrap_or_else(|e| panic!("FetchConversation: {e}\n{}", conversations.log_tail()));

        let api = assistants.client().assistants_v1();
        let fail = |op: &str, e: twilio_api::Error| -> ! {
            panic!("{op}: {e}\n{}", assistants.log_tail())
        };
        let session = api
            .fetch_session("sess_1")
            .send()
            .await
            .unwrap_or_else(|e| fail("FetchSession", e));
        let sessions = api
            .list_sessions()
            .page(0)
            .page_size(1000)
            .page_token("token")
            .send()
            .await
            .unwrap_or_else(|e| fail("ListSessions", e));
        let messages = api
            .list_messages("sess_1")
            .page_size(1)
            .send()
            .await
            .unwrap_or_else(|e| fail("ListMessages", e));
        let first_page = api.list_messages("sess_1").pages().next().await.unwrap();
        first_page.unwrap_or_else(|e| fail("ListMessages (pages)", e));

        if !dynamic {
            // Static mode answers with the specs' examples: the seed pages' own responses.
            assert!(dialogue.url.is_some());
            assert_eq!(conversation.status, Some(ConversationStatus::Active));
            assert_eq!(conversation.name.as_deref(), Some("Miss Christine Morgan"));
            assert_eq!(session.id.as_deref(), Some("your-session-id"));
            assert_eq!(sessions.sessions.as_ref().unwrap().len(), 1);
            assert_eq!(
                messages.messages.as_ref().unwrap()[0]
                    .id
                    .as_ref()
                    .unwrap()
                    .as_str(),
                "aia_msg"
            );
            // One page holds the one session, so the limit ends the stream before the
            // example's next URL is followed.
            let streamed: Vec<_> = api
                .list_sessions()
                .limit(1)
                .stream()
                .try_collect()
                .await
                .unwrap();
            assert_eq!(streamed.len(), 1);
        }
    }
}

#[tokio::test]
#[ignore = "needs Stoplight Prism: `npm ci --prefix .ci`; run by .ci/run"]
async fn client_conforms_to_prism_static_examples() {
    conformance(false).await;
}

#[tokio::test]
#[ignore = "needs Stoplight Prism: `npm ci --prefix .ci`; run by .ci/run"]
async fn client_conforms_to_prism_dynamic_responses() {
    conformance(true).await;
}
