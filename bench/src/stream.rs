//! `.stream()` across many pages from a loopback server: the heap it holds (which must not grow
//! with the number of pages), the allocations per item, and items per second.
//!
//! The list is assistants_v1's `list_messages`, 1000 messages a page. Each page links to the
//! next with `meta.next_page_url`, an absolute URL on Twilio's host, as Twilio sends it (the
//! client requests its path and query from its own origin); the last page's link is null. The
//! session ID says how many pages there are (`sess_200`), so the server keeps no state.

use std::future::ready;
use std::hint::black_box;
use std::io::Write as _;

use futures_util::TryStreamExt as _;

use crate::alloc;
use crate::loopback;
use crate::stats::Samples;

const PAGE_SIZE: usize = 1000;
/// The heap held while streaming the long list may be at most this times the short one's.
const TARGET: f64 = 1.2;

pub fn figures() {
    let (items, origin) = server();
    let client = twilio_api::Client::builder()
        .account_sid("AC0123456789abcdef0123456789abcdef")
        .auth_token("token")
        .base_url(origin)
        .build()
        .unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let stream_all = |pages: usize| {
        runtime.block_on(async {
            client
                .assistants_v1()
                .list_messages(format!("sess_{pages}"))
                .page_size(PAGE_SIZE as u64)
                .stream()
                .try_fold(0usize, |count, message| {
                    black_box(message);
                    ready(Ok(count + 1))
                })
                .await
                .unwrap()
        })
    };
    // Warm the connection, the runtime and the allocator's free lists.
    assert_eq!(stream_all(2), 2 * PAGE_SIZE);

    let (short, long) = (20, 200);
    let (count, short_heap) = alloc::measure(|| stream_all(short));
    assert_eq!(count, short * PAGE_SIZE);
    let (count, long_heap) = alloc::measure(|| stream_all(long));
    assert_eq!(count, long * PAGE_SIZE);
    let times = Samples::time(5, || assert_eq!(stream_all(long), long * PAGE_SIZE));
    let total = long * PAGE_SIZE;
    let per_item = times.per(total);
    let ratio = long_heap.peak as f64 / short_heap.peak as f64;

    println!(
        "stream, list_messages().stream() on loopback, pages of {PAGE_SIZE} messages ({} KiB of JSON each):",
        items / 1024
    );
    println!(
        "  peak heap: {short} pages {} KiB, {long} pages {} KiB: ratio {ratio:.3}x ({})",
        short_heap.peak / 1024,
        long_heap.peak / 1024,
        if ratio < TARGET {
            format!("target < {TARGET}: met, flat")
        } else {
            format!("target < {TARGET}: missed")
        }
    );
    println!(
        "  allocations: {:.1} per item ({} for {total} items over {long} pages)",
        long_heap.allocations as f64 / total as f64,
        long_heap.allocations
    );
    println!(
        "  {long} pages in {times}: {:.0} items/s ({per_item} per item, median), {:.0} MB/s of JSON\n",
        total as f64 / times.median().as_secs_f64(),
        (items * long) as f64 / times.median().as_secs_f64() / 1e6
    );
}

/// Starts the page server; the size of one page's items in bytes, and the server's origin.
fn server() -> (usize, String) {
    let messages: Vec<serde_json::Value> = (0..PAGE_SIZE)
        .map(|i| {
            serde_json::json!({
                "id": format!("aia_msg_{i:08}"),
                "account_sid": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                "assistant_id": "aia_asst_01hxyz",
                "session_id": "sess_1",
                "identity": format!("user-{i}@example.com"),
                "role": if i % 2 == 0 { "user" } else { "assistant" },
                "content": {"text": format!("Message number {i} of this page, with a sentence or two of text in it.")},
                "meta": {"source": "web"},
                "date_created": "2009-07-06T20:30:00Z",
                "date_updated": "2009-07-06T20:30:00Z"
            })
        })
        .collect();
    let mut prefix = b"{\"messages\":".to_vec();
    serde_json::to_writer(&mut prefix, &messages).unwrap();
    prefix.extend_from_slice(b",\"meta\":");
    let items = prefix.len();
    let origin = loopback::serve(move |request, out| {
        // `/v1/Sessions/sess_{pages}/Messages?PageSize=1000[&Page={n}&PageToken=PT{n}]`
        let (path, query) = request
            .target
            .split_once('?')
            .unwrap_or((request.target, ""));
        let pages: usize = path
            .strip_prefix("/v1/Sessions/sess_")
            .and_then(|rest| rest.strip_suffix("/Messages"))
            .unwrap()
            .parse()
            .unwrap();
        let page: usize = query
            .split('&')
            .find_map(|pair| pair.strip_prefix("Page="))
            .map_or(0, |n| n.parse().unwrap());
        // Written on the stack: the server allocates nothing per request.
        let mut meta = [0u8; 1024];
        let mut cursor = &mut meta[..];
        let host = "https://assistants.twilio.com";
        write!(
            cursor,
            "{{\"first_page_url\":\"{host}{path}?PageSize={PAGE_SIZE}&Page=0\",\"key\":\"messages\",\"next_page_url\":"
        )
        .unwrap();
        if page + 1 < pages {
            write!(
                cursor,
                "\"{host}{path}?PageSize={PAGE_SIZE}&Page={}&PageToken=PT{}\"",
                page + 1,
                page + 1
            )
            .unwrap();
        } else {
            write!(cursor, "null").unwrap();
        }
        write!(
            cursor,
            ",\"page\":{page},\"page_size\":{PAGE_SIZE},\"previous_page_url\":null,\"url\":\"{host}{path}?PageSize={PAGE_SIZE}&Page={page}\"}}}}"
        )
        .unwrap();
        let left = cursor.len();
        let written = meta.len() - left;
        loopback::ok_json(out, &[&prefix, &meta[..written]]);
    });
    (items, origin)
}
