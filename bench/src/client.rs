//! The client's own cost per request: our client against bare reqwest doing the same work
//! (the same `reqwest::Client`, from `http_client_builder()`, given to ours with
//! `http_client(..)`; the same headers, timeout and body on the wire; the answer decoded into
//! the same model), on one loopback server.
//!
//! Sharing the `reqwest::Client` means sharing its one keep-alive connection. With a
//! connection each, the ratio swung between 0.79 and 1.23 from run to run with the same code
//! on both sides (bare reqwest against bare reqwest): each connection has its own server
//! thread, and how the scheduler places the two threads changes a round trip by a fifth.
//!
//! Before timing, one request of each is sent to a recording server and the two are compared
//! (method, target, every header, body): the figures stop if the baseline sends something else.
//! The server is `crate::loopback` (raw HTTP/1.1, keep-alive, its own threads); the client runs
//! on a current-thread runtime, so no thread hand-off adds noise. The contenders take turns in
//! short batches, in alternating order, so drift on a shared machine hits them alike; the
//! baseline also runs twice, and its ratio to itself shows how much of a ratio is noise.

use std::hint::black_box;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderValue, USER_AGENT};
use twilio_api::assistants_v1::Session;

use crate::loopback;
use crate::stats::{Samples, against};

/// Calls per contender, as the issue sets them.
const REQUESTS: usize = 2000;
/// Calls per batch; each contender runs `REQUESTS / BATCH` batches.
const BATCH: usize = 25;
/// The ratio our client must stay within.
const TARGET: f64 = 1.05;

const ACCOUNT_SID: &str = "AC0123456789abcdef0123456789abcdef";
const AUTH_TOKEN: &str = "token";
/// The client's default timeout, which the baseline sets on each request as the client does.
const TIMEOUT: Duration = twilio_api::DEFAULT_TIMEOUT;

pub fn figures() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        fetch().await;
        form().await;
    });
    println!();
}

/// `GET` of one session: `fetch_session` against reqwest + serde_json.
async fn fetch() {
    let session = serde_json::to_vec(&serde_json::json!({
        "id": "sess_1", "account_sid": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "assistant_id": "aia_asst_1",
        "verified": true, "identity": "user", "date_created": "2009-07-06T20:30:00Z", "date_updated": "2009-07-06T20:30:00Z"
    }))
    .unwrap();
    let origin = {
        let session = session.clone();
        loopback::serve(move |_, out| loopback::ok_json(out, &[&session]))
    };
    let (recorder, recorded) = recording(session);
    let raw = twilio_api::http_client_builder().unwrap().build().unwrap();
    let ours = |origin: &str| {
        twilio_api::Client::builder()
            .account_sid(ACCOUNT_SID)
            .auth_token(AUTH_TOKEN)
            .base_url(origin)
            .http_client(raw.clone())
            .build()
            .unwrap()
    };
    // The baseline sends the headers our client sends: the same user agent and the same
    // `Authorization`, made once, as a hand-written client would.
    ours(&recorder)
        .assistants_v1()
        .fetch_session("sess_1")
        .send()
        .await
        .unwrap();
    let headers = Baseline::from(&recorded.lock().unwrap()[0]);
    let bare = async |raw: &reqwest::Client, url: &str| {
        let response = raw
            .get(url)
            .header(ACCEPT, headers.accept.clone())
            .header(USER_AGENT, headers.user_agent.clone())
            .header(AUTHORIZATION, headers.authorization.clone())
            .timeout(TIMEOUT)
            .send()
            .await
            .unwrap();
        assert!(response.status().is_success());
        let bytes = response.bytes().await.unwrap();
        serde_json::from_slice::<Session>(&bytes).unwrap()
    };
    bare(&raw, &format!("{recorder}/v1/Sessions/sess_1")).await;
    same_requests(&recorded);

    let client = ours(&origin);
    let url = format!("{origin}/v1/Sessions/sess_1");
    let (ours, baseline, again) = alternate(
        async || {
            black_box(
                client
                    .assistants_v1()
                    .fetch_session("sess_1")
                    .send()
                    .await
                    .unwrap(),
            );
        },
        async || {
            black_box(bare(&raw, &url).await);
        },
    )
    .await;
    println!(
        "client, {REQUESTS} sequential calls each on loopback (a raw HTTP/1.1 keep-alive server), \
         in {} interleaved batches of {BATCH}; per request:",
        REQUESTS / BATCH
    );
    print(
        "GET fetch_session",
        "reqwest + serde_json",
        &ours,
        &baseline,
        &again,
    );
}

/// `POST` of a form with 20 fields (Twilio's `UpdateService`, from the `forms` fixture)
/// against `serde_urlencoded` + reqwest + serde_json.
async fn form() {
    use fixture_forms::HttpMethod;
    use fixture_forms::ip_messaging_v2::Service;

    const SERVICE_SID: &str = "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    const ROLE_SID: &str = "RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    let service = serde_json::to_vec(&service_json()).unwrap();
    let origin = {
        let service = service.clone();
        loopback::serve(move |_, out| loopback::ok_json(out, &[&service]))
    };
    let (recorder, recorded) = recording(service);
    let raw = fixture_forms::http_client_builder()
        .unwrap()
        .build()
        .unwrap();
    let ours = |origin: &str| {
        fixture_forms::Client::builder()
            .account_sid(ACCOUNT_SID)
            .auth_token(AUTH_TOKEN)
            .base_url(origin)
            .http_client(raw.clone())
            .build()
            .unwrap()
    };
    // Twenty of its 31 fields, in the spec's order (which is the order both send them in).
    let update = |client: &fixture_forms::Client| {
        client
            .ip_messaging_v2()
            .update_service(SERVICE_SID)
            .friendly_name("Support chat (EMEA)")
            .default_service_role_sid(ROLE_SID)
            .default_channel_role_sid(ROLE_SID)
            .default_channel_creator_role_sid(ROLE_SID)
            .read_status_enabled(true)
            .reachability_enabled(false)
            .typing_indicator_timeout(5)
            .consumption_report_interval(10)
            .notifications_new_message_enabled(true)
            .notifications_new_message_template("${USER}: ${MESSAGE}")
            .notifications_new_message_sound("default")
            .notifications_new_message_badge_count_enabled(true)
            .notifications_added_to_channel_enabled(true)
            .notifications_added_to_channel_template("You joined ${CHANNEL}")
            .notifications_added_to_channel_sound("chime")
            .notifications_removed_from_channel_enabled(false)
            .notifications_removed_from_channel_template("You left ${CHANNEL}")
            .notifications_removed_from_channel_sound("none")
            .webhook_method(HttpMethod::Post)
            .limits_channel_members(500)
    };
    #[derive(serde::Serialize)]
    #[serde(rename_all = "PascalCase")]
    struct UpdateService<'a> {
        friendly_name: &'a str,
        default_service_role_sid: &'a str,
        default_channel_role_sid: &'a str,
        default_channel_creator_role_sid: &'a str,
        read_status_enabled: bool,
        reachability_enabled: bool,
        typing_indicator_timeout: i64,
        consumption_report_interval: i64,
        #[serde(rename = "Notifications.NewMessage.Enabled")]
        new_message_enabled: bool,
        #[serde(rename = "Notifications.NewMessage.Template")]
        new_message_template: &'a str,
        #[serde(rename = "Notifications.NewMessage.Sound")]
        new_message_sound: &'a str,
        #[serde(rename = "Notifications.NewMessage.BadgeCountEnabled")]
        new_message_badge_count_enabled: bool,
        #[serde(rename = "Notifications.AddedToChannel.Enabled")]
        added_to_channel_enabled: bool,
        #[serde(rename = "Notifications.AddedToChannel.Template")]
        added_to_channel_template: &'a str,
        #[serde(rename = "Notifications.AddedToChannel.Sound")]
        added_to_channel_sound: &'a str,
        #[serde(rename = "Notifications.RemovedFromChannel.Enabled")]
        removed_from_channel_enabled: bool,
        #[serde(rename = "Notifications.RemovedFromChannel.Template")]
        removed_from_channel_template: &'a str,
        #[serde(rename = "Notifications.RemovedFromChannel.Sound")]
        removed_from_channel_sound: &'a str,
        webhook_method: &'a str,
        #[serde(rename = "Limits.ChannelMembers")]
        limits_channel_members: i64,
    }
    let fields = UpdateService {
        friendly_name: "Support chat (EMEA)",
        default_service_role_sid: ROLE_SID,
        default_channel_role_sid: ROLE_SID,
        default_channel_creator_role_sid: ROLE_SID,
        read_status_enabled: true,
        reachability_enabled: false,
        typing_indicator_timeout: 5,
        consumption_report_interval: 10,
        new_message_enabled: true,
        new_message_template: "${USER}: ${MESSAGE}",
        new_message_sound: "default",
        new_message_badge_count_enabled: true,
        added_to_channel_enabled: true,
        added_to_channel_template: "You joined ${CHANNEL}",
        added_to_channel_sound: "chime",
        removed_from_channel_enabled: false,
        removed_from_channel_template: "You left ${CHANNEL}",
        removed_from_channel_sound: "none",
        webhook_method: "POST",
        limits_channel_members: 500,
    };

    update(&ours(&recorder)).send().await.unwrap();
    let headers = Baseline::from(&recorded.lock().unwrap()[0]);
    let form_type = HeaderValue::from_static("application/x-www-form-urlencoded");
    let bare = async |raw: &reqwest::Client, url: &str| {
        let body = serde_urlencoded::to_string(&fields).unwrap();
        let response = raw
            .post(url)
            .header(ACCEPT, headers.accept.clone())
            .header(USER_AGENT, headers.user_agent.clone())
            .header(AUTHORIZATION, headers.authorization.clone())
            .header(CONTENT_TYPE, form_type.clone())
            .body(body)
            .timeout(TIMEOUT)
            .send()
            .await
            .unwrap();
        assert!(response.status().is_success());
        let bytes = response.bytes().await.unwrap();
        serde_json::from_slice::<Service>(&bytes).unwrap()
    };
    bare(&raw, &format!("{recorder}/v2/Services/{SERVICE_SID}")).await;
    same_requests(&recorded);

    let client = ours(&origin);
    let url = format!("{origin}/v2/Services/{SERVICE_SID}");
    let (ours, baseline, again) = alternate(
        async || {
            black_box(update(&client).send().await.unwrap());
        },
        async || {
            black_box(bare(&raw, &url).await);
        },
    )
    .await;
    print(
        "POST update_service, 20 form fields",
        "serde_urlencoded + reqwest + serde_json",
        &ours,
        &baseline,
        &again,
    );
}

/// Prints one comparison: both contenders' times, the ratio and its target, and the noise.
fn print(what: &str, baseline_name: &str, ours: &Samples, baseline: &Samples, again: &Samples) {
    println!("  {what}:");
    println!("    twilio-api {ours}");
    println!("    {baseline_name}, same request {baseline}");
    println!(
        "    ratio {:.3}x ({}); the baseline against itself {:.3}x",
        ours.ratio(baseline),
        against(ours.ratio(baseline), TARGET),
        again.ratio(baseline)
    );
}

/// Runs `ours` and `baseline` `REQUESTS` times each, in batches taking turns (and the
/// baseline once more, to show the noise); the time per call of each batch, for ours, the
/// baseline and the baseline again.
async fn alternate(
    mut ours: impl AsyncFnMut(),
    mut baseline: impl AsyncFnMut(),
) -> (Samples, Samples, Samples) {
    // Warm both connection pools and code paths.
    for _ in 0..BATCH {
        ours().await;
        baseline().await;
    }
    let (mut a, mut b, mut c) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..REQUESTS / BATCH {
        let start = Instant::now();
        for _ in 0..BATCH {
            if round % 2 == 0 {
                ours().await;
            } else {
                baseline().await;
            }
        }
        let first = start.elapsed();
        let start = Instant::now();
        for _ in 0..BATCH {
            baseline().await;
        }
        let middle = start.elapsed();
        let start = Instant::now();
        for _ in 0..BATCH {
            if round % 2 == 0 {
                baseline().await;
            } else {
                ours().await;
            }
        }
        let last = start.elapsed();
        // Ours comes first in even rounds and last in odd ones; the baseline is the one
        // opposite it, the other baseline batch (always in the middle) is the noise check.
        if round % 2 == 0 {
            a.push(first);
            b.push(last);
        } else {
            a.push(last);
            b.push(first);
        }
        c.push(middle);
    }
    (
        Samples::of(a).per(BATCH),
        Samples::of(b).per(BATCH),
        Samples::of(c).per(BATCH),
    )
}

/// One recorded request: method, target, headers (lower-case names, sorted) and body.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Recorded {
    method: String,
    target: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

/// A server that answers `body` to everything and records what it receives; its origin.
fn recording(body: Vec<u8>) -> (String, Arc<Mutex<Vec<Recorded>>>) {
    let recorded = Arc::new(Mutex::new(Vec::new()));
    let origin = {
        let recorded = Arc::clone(&recorded);
        loopback::serve(move |request, out| {
            let mut headers: Vec<(String, String)> = request
                .headers
                .split("\r\n")
                .filter_map(|line| line.split_once(':'))
                .map(|(name, value)| (name.to_ascii_lowercase(), value.trim().to_owned()))
                .collect();
            headers.sort();
            recorded.lock().unwrap().push(Recorded {
                method: request.method.to_owned(),
                target: request.target.to_owned(),
                headers,
                body: request.body.to_vec(),
            });
            loopback::ok_json(out, &[&body]);
        })
    };
    (origin, recorded)
}

/// Stops the figures unless the two recorded requests (ours, then the baseline's) are the same.
fn same_requests(recorded: &Mutex<Vec<Recorded>>) {
    let recorded = recorded.lock().unwrap();
    assert_eq!(recorded.len(), 2);
    assert_eq!(
        recorded[0], recorded[1],
        "the baseline must send what our client sends"
    );
}

/// The header values the baseline sends, taken from what our client sent.
struct Baseline {
    accept: HeaderValue,
    user_agent: HeaderValue,
    authorization: HeaderValue,
}

impl From<&Recorded> for Baseline {
    fn from(recorded: &Recorded) -> Self {
        let value = |name: &str| {
            let (_, value) = recorded.headers.iter().find(|(n, _)| n == name).unwrap();
            HeaderValue::from_str(value).unwrap()
        };
        let mut authorization = value("authorization");
        authorization.set_sensitive(true);
        Baseline {
            accept: value("accept"),
            user_agent: value("user-agent"),
            authorization,
        }
    }
}

/// Twilio's example answer to `UpdateService` (from `twilio_ip_messaging_v2.yaml`).
fn service_json() -> serde_json::Value {
    serde_json::json!({
        "account_sid": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "consumption_report_interval": 100,
        "date_created": "2015-07-30T20:00:00Z",
        "date_updated": "2015-07-30T20:00:00Z",
        "default_channel_creator_role_sid": "RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "default_channel_role_sid": "RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "default_service_role_sid": "RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "friendly_name": "friendly_name",
        "limits": {"channel_members": 500, "user_channels": 600},
        "links": {
            "channels": "https://ip-messaging.twilio.com/v2/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Channels",
            "users": "https://ip-messaging.twilio.com/v2/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Users",
            "roles": "https://ip-messaging.twilio.com/v2/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Roles",
            "bindings": "https://ip-messaging.twilio.com/v2/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Bindings"
        },
        "notifications": {
            "log_enabled": true,
            "added_to_channel": {"enabled": false, "template": "notifications.added_to_channel.template"},
            "invited_to_channel": {"enabled": false, "template": "notifications.invited_to_channel.template"},
            "new_message": {"enabled": false, "template": "notifications.new_message.template", "badge_count_enabled": true},
            "removed_from_channel": {"enabled": false, "template": "notifications.removed_from_channel.template"}
        },
        "post_webhook_url": "post_webhook_url",
        "pre_webhook_url": "pre_webhook_url",
        "pre_webhook_retry_count": 2,
        "post_webhook_retry_count": 3,
        "reachability_enabled": false,
        "read_status_enabled": false,
        "sid": "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "typing_indicator_timeout": 100,
        "url": "https://ip-messaging.twilio.com/v2/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "webhook_filters": ["webhook_filters"],
        "webhook_method": "webhook_method",
        "media": {"size_limit_mb": 150, "compatibility_message": "new media compatibility message"}
    })
}
