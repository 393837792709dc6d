//! The client on loopback against hand-rolled reqwest + serde_json, request by request.

use std::hint::black_box;
use std::time::{Duration, Instant};

use crate::stats::Samples;

pub fn figures() {
    use wiremock::matchers::method;
    use wiremock::{Mock, MockServer, ResponseTemplate};

    const REQUESTS: usize = 2000;
    const ROUNDS: usize = 10;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let server = MockServer::start().await;
        let body = serde_json::json!({
            "id": "sess_1", "account_sid": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "assistant_id": "aia_asst_1",
            "verified": true, "identity": "user", "date_created": "2009-07-06T20:30:00Z", "date_updated": "2009-07-06T20:30:00Z"
        });
        Mock::given(method("GET")).respond_with(ResponseTemplate::new(200).set_body_json(body)).mount(&server).await;
        let client = twilio_api::Client::builder()
            .account_sid("AC0123456789abcdef0123456789abcdef")
            .auth_token("token")
            .base_url(server.uri())
            .build()
            .unwrap();
        let raw = twilio_api::http_client_builder().unwrap().build().unwrap();
        let url = format!("{}/v1/Sessions/sess_1", server.uri());
        // Warm both connection pools.
        client.assistants_v1().fetch_session("sess_1").send().await.unwrap();
        raw.get(&url).send().await.unwrap().bytes().await.unwrap();

        // Alternate rounds of each, so drift on a shared machine hits both alike; keep medians.
        let (mut ours, mut baseline) = (Vec::new(), Vec::new());
        for _ in 0..ROUNDS {
            let start = Instant::now();
            for _ in 0..REQUESTS / ROUNDS {
                black_box(client.assistants_v1().fetch_session("sess_1").send().await.unwrap());
            }
            ours.push(start.elapsed());
            let start = Instant::now();
            for _ in 0..REQUESTS / ROUNDS {
                let response = raw
                    .get(&url)
                    .basic_auth("AC0123456789abcdef0123456789abcdef", Some("token"))
                    .header("accept", "application/json")
                    .header("user-agent", "hand-rolled/1.0")
                    .timeout(Duration::from_secs(30))
                    .send()
                    .await
                    .unwrap();
                let bytes = response.bytes().await.unwrap();
                black_box(serde_json::from_slice::<twilio_api::assistants_v1::Session>(&bytes).unwrap());
            }
            baseline.push(start.elapsed());
        }
        let (ours, baseline) = (Samples::of(ours).per(REQUESTS / ROUNDS), Samples::of(baseline).per(REQUESTS / ROUNDS));
        println!("client, {REQUESTS} sequential fetch_session calls on loopback (wiremock server), {ROUNDS} alternating rounds, per request:");
        println!("  twilio-api {ours}\n  hand-rolled reqwest (same headers and timeout) + serde_json {baseline}\n  ratio {:.3}x", ours.ratio(&baseline));
    });
}
