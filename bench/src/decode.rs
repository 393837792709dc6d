//! Decoding a page of sessions: into our models against into `serde_json::Value`, a page
//! that fails at its last item (the error names the JSON path) against one that decodes, and
//! the heap each takes.

use std::hint::black_box;

use twilio_api::assistants_v1::ListSessionsResponse;

use crate::alloc;
use crate::stats::Samples;

/// A page of `n` sessions, as the API would send it.
pub fn sessions_page(n: usize) -> Vec<u8> {
    let sessions: Vec<serde_json::Value> = (0..n)
        .map(|i| {
            serde_json::json!({
                "id": format!("sess_{i:08}"),
                "account_sid": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                "assistant_id": format!("aia_asst_{i:06}"),
                "verified": i % 2 == 0,
                "identity": format!("user-{i}@example.com"),
                "date_created": "2009-07-06T20:30:00Z",
                "date_updated": "2009-07-06T20:30:00Z"
            })
        })
        .collect();
    let page = serde_json::json!({
        "sessions": sessions,
        "meta": {
            "first_page_url": "https://assistants.twilio.com/v1/Sessions?PageSize=1000&Page=0",
            "key": "sessions",
            "next_page_url": "https://assistants.twilio.com/v1/Sessions?PageSize=1000&Page=1&PageToken=abc",
            "page": 0,
            "page_size": 1000,
            "previous_page_url": null,
            "url": "https://assistants.twilio.com/v1/Sessions?PageSize=1000&Page=0"
        }
    });
    serde_json::to_vec(&page).unwrap()
}

pub fn figures() {
    let body = sessions_page(1000);
    // The last session's `verified` is text: the whole page is read before it fails.
    let broken = {
        let text = String::from_utf8(body.clone()).unwrap();
        let at = text.rfind("\"verified\":").unwrap();
        let mut text = text.into_bytes();
        let flag = if text[at + 11] == b't' { 4 } else { 5 };
        text.splice(at + 11..at + 11 + flag, *b"\"yes\"");
        text
    };
    let Err(twilio_api::Error::Decode(error)) =
        twilio_api::__fuzz::decode::<ListSessionsResponse>(200, &broken)
    else {
        panic!("the broken page decoded");
    };
    assert_eq!(error.path, "sessions[999].verified");
    let failing = Samples::time(31, || {
        let error = twilio_api::__fuzz::decode::<ListSessionsResponse>(200, black_box(&broken));
        black_box(error.unwrap_err());
    });
    let plain = Samples::time(31, || {
        let page: ListSessionsResponse = serde_json::from_slice(black_box(&body)).unwrap();
        black_box(page);
    });
    let value = Samples::time(31, || {
        let page: serde_json::Value = serde_json::from_slice(black_box(&body)).unwrap();
        black_box(page);
    });
    let mb_per_s = |s: &Samples| body.len() as f64 / s.median().as_secs_f64() / 1e6;
    let (page, heap) =
        alloc::measure(|| serde_json::from_slice::<ListSessionsResponse>(&body).unwrap());
    assert_eq!(page.sessions.map(|s| s.len()), Some(1000));
    let (_, value_heap) =
        alloc::measure(|| serde_json::from_slice::<serde_json::Value>(&body).unwrap());
    println!(
        "decoding a page of 1000 sessions ({} KiB of JSON):",
        body.len() / 1024
    );
    println!(
        "  into our models {} ({:.0} MB/s)   into serde_json::Value {} ({:.0} MB/s)   models take {:.2}x Value's time",
        plain,
        mb_per_s(&plain),
        value,
        mb_per_s(&value),
        plain.ratio(&value)
    );
    println!(
        "  failing at the last session, with its JSON path {} ({:.0} MB/s)   decoding {}   the error costs {:.2}x (no second pass)",
        failing,
        mb_per_s(&failing),
        plain,
        failing.ratio(&plain)
    );
    println!(
        "  peak heap while decoding: models {} KiB ({} bytes, {:.1} allocations per session), Value {} KiB ({} bytes, {:.1} allocations per session)\n",
        heap.peak / 1024,
        heap.peak / 1000,
        heap.allocations as f64 / 1000.0,
        value_heap.peak / 1024,
        value_heap.peak / 1000,
        value_heap.allocations as f64 / 1000.0
    );
}
