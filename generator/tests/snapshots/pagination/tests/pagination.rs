//! Hand-written: the `pagination` fixture's list operations against a loopback server. Each
//! paging strategy (`meta.next_page_url`, a top-level or nested relative `next_page_uri`, a token
//! sent back in `Token` or `PageToken`) is followed by `.stream()` on the client's own origin,
//! stops where it should, and honours `.limit(n)`; a list shape that fits no strategy is an
//! ordinary operation. The rows of `../../fixtures/CONSTRUCTS.md` each test covers are named in
//! its doc comment.

#![allow(clippy::unwrap_used)] // A panic in a test is a failed test.

use futures::TryStreamExt as _;
use serde_json::json;
use wiremock::matchers::{method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

const ACCOUNT_SID: &str = "AC0123456789abcdef0123456789abcdef";
const PORT_IN_SID: &str = "KW0123456789abcdef0123456789abcdef";

fn client_at(base_url: &str) -> fixture_pagination::Client {
    fixture_pagination::Client::builder()
        .account_sid(ACCOUNT_SID)
        .auth_token("token")
        .base_url(base_url)
        .max_retries(0)
        .build()
        .unwrap()
}

fn client(server: &MockServer) -> fixture_pagination::Client {
    client_at(&server.uri())
}

async fn received(server: &MockServer) -> Vec<wiremock::Request> {
    server.received_requests().await.unwrap()
}

fn queries(sent: &[wiremock::Request]) -> Vec<Option<&str>> {
    sent.iter().map(|r| r.url.query()).collect()
}

fn basic_auth() -> String {
    use base64::Engine as _;
    let encoded = base64::engine::general_purpose::STANDARD.encode(format!("{ACCOUNT_SID}:token"));
    format!("Basic {encoded}")
}

fn sink(n: u32) -> serde_json::Value {
    json!({"sid": format!("DG{n:032x}"), "status": "active", "sink_type": "kinesis"})
}

fn sink_page(sinks: &[u32], next_page_url: serde_json::Value) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({
        "sinks": sinks.iter().map(|n| sink(*n)).collect::<Vec<_>>(),
        "meta": {
            "page": 0,
            "page_size": 2,
            "first_page_url": "https://events.twilio.com/v1/Sinks?PageSize=2&Page=0",
            "previous_page_url": null,
            "url": "https://events.twilio.com/v1/Sinks?PageSize=2&Page=0",
            "next_page_url": next_page_url,
            "key": "sinks"
        }
    }))
}

/// P1: `.stream()` follows `meta.next_page_url` (an absolute URL on Twilio's host) by sending
/// its path and query to the client's own origin, with the same credentials, and stops on a null
/// link; `.send()` is one page with its meta; `.pages()` yields whole pages.
#[tokio::test]
async fn stream_follows_meta_next_page_url_on_the_clients_origin() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/Sinks"))
        .and(query_param("Page", "1"))
        .respond_with(sink_page(&[3], json!(null)))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/Sinks"))
        .and(query_param_is_missing("Page"))
        .respond_with(sink_page(
            &[1, 2],
            json!(
                "https://events.twilio.com/v1/Sinks?InUse=true&PageSize=2&Page=1&PageToken=PTDG1"
            ),
        ))
        .mount(&server)
        .await;
    let events = client(&server).events_v1();

    let sinks: Vec<fixture_pagination::events_v1::Sink> = events
        .list_sink()
        .in_use(true)
        .page_size(2)
        .stream()
        .try_collect()
        .await
        .unwrap();
    let sids: Vec<String> = sinks
        .iter()
        .map(|s| s.sid.as_ref().unwrap().to_string())
        .collect();
    assert_eq!(
        sids,
        [
            format!("DG{:032x}", 1),
            format!("DG{:032x}", 2),
            format!("DG{:032x}", 3)
        ]
    );
    let sent = received(&server).await;
    assert_eq!(
        queries(&sent),
        [
            Some("InUse=true&PageSize=2"),
            Some("InUse=true&PageSize=2&Page=1&PageToken=PTDG1")
        ]
    );
    assert_eq!(sent[1].url.path(), "/v1/Sinks");
    let auth = basic_auth();
    assert!(sent.iter().all(|r| {
        r.headers.get("authorization").map(|v| v.to_str().unwrap()) == Some(auth.as_str())
    }));

    let page = events
        .list_sink()
        .in_use(true)
        .page_size(2)
        .send()
        .await
        .unwrap();
    assert_eq!(page.sinks.as_ref().unwrap().len(), 2);
    let meta = page.meta.unwrap();
    assert_eq!(meta.key.as_deref(), Some("sinks"));
    assert_eq!(
        meta.next_page_url.unwrap().as_str(),
        "https://events.twilio.com/v1/Sinks?InUse=true&PageSize=2&Page=1&PageToken=PTDG1"
    );
    assert_eq!(received(&server).await.len(), 3, "send() fetched one page");

    let pages: Vec<fixture_pagination::events_v1::ListSinkResponse> = events
        .list_sink()
        .in_use(true)
        .page_size(2)
        .pages()
        .try_collect()
        .await
        .unwrap();
    let sizes: Vec<usize> = pages
        .iter()
        .map(|p| p.sinks.as_ref().unwrap().len())
        .collect();
    assert_eq!(sizes, [2, 1]);
}

/// P1: paging stops on an empty link and on a link already fetched (no endless loop), and
/// `.limit(n)` sets the page size and stops after `n` items without fetching more.
#[tokio::test]
async fn paging_stops_on_empty_or_repeated_links_and_at_the_limit() {
    let server = MockServer::start().await;
    // Page 0 links to page 1, which links back to page 0.
    Mock::given(method("GET"))
        .and(query_param("Page", "1"))
        .respond_with(sink_page(
            &[3],
            json!("https://events.twilio.com/v1/Sinks?PageSize=2&Page=0"),
        ))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(query_param("Page", "0"))
        .respond_with(sink_page(
            &[1, 2],
            json!("https://events.twilio.com/v1/Sinks?PageSize=2&Page=1"),
        ))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(query_param("Status", "empty-link"))
        .respond_with(sink_page(&[9], json!("")))
        .mount(&server)
        .await;
    let events = client(&server).events_v1();

    let cycle: Vec<_> = events
        .list_sink()
        .page_size(2)
        .page(0)
        .stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(cycle.len(), 3);
    assert_eq!(
        queries(&received(&server).await),
        [Some("PageSize=2&Page=0"), Some("PageSize=2&Page=1")]
    );

    let empty: Vec<_> = events
        .list_sink()
        .status("empty-link")
        .stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(empty.len(), 1);
    assert_eq!(received(&server).await.len(), 3);

    let limited: Vec<_> = events
        .list_sink()
        .page(0)
        .limit(1)
        .stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(limited.len(), 1);
    let sent = received(&server).await;
    assert_eq!(sent.len(), 4, "the limit was reached on the first page");
    assert_eq!(sent[3].url.query(), Some("PageSize=1&Page=0"));
}

/// P1: an error on a later page ends the stream with that error, after the items before it.
#[tokio::test]
async fn a_failing_page_ends_the_stream_with_its_error() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(query_param("Page", "1"))
        .respond_with(ResponseTemplate::new(500).set_body_json(json!({
            "code": 20500, "message": "Internal Server Error", "status": 500
        })))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(sink_page(
            &[1],
            json!("https://events.twilio.com/v1/Sinks?Page=1"),
        ))
        .mount(&server)
        .await;
    let mut stream = client(&server).events_v1().list_sink().stream();
    let first = stream.try_next().await.unwrap().unwrap();
    assert_eq!(first.status.as_deref(), Some("active"));
    let error = stream.try_next().await.unwrap_err();
    assert_eq!(error.status(), Some(500));
    assert_eq!(error.code(), Some(20500));
}

fn message(n: u32) -> serde_json::Value {
    json!({
        "sid": format!("SM{n:032x}"),
        "account_sid": ACCOUNT_SID,
        "body": format!("message {n}"),
        "status": "sent",
        "date_sent": "Fri, 24 May 2019 17:44:46 +0000"
    })
}

/// P2: a top-level relative `next_page_uri` is requested as it is (already percent-encoded) on
/// the client's origin, under the base URL's path prefix; `DateSent>` is `date_sent_after`.
#[tokio::test]
async fn stream_follows_a_relative_next_page_uri() {
    let server = MockServer::start().await;
    let route = format!("/proxy/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json");
    let next = format!(
        "/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json?To=%2B123456789&DateSent%3E=2008-01-02&PageSize=1&Page=1&PageToken=PASM1"
    );
    Mock::given(method("GET"))
        .and(path(route.as_str()))
        .and(query_param("Page", "1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "messages": [message(2)],
            "next_page_uri": null,
            "page": 1,
            "page_size": 1,
            "start": 1,
            "end": 1
        })))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(route.as_str()))
        .and(query_param_is_missing("Page"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "messages": [message(1)],
            "next_page_uri": next,
            "first_page_uri": format!("/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json?PageSize=1&Page=0"),
            "previous_page_uri": null,
            "uri": format!("/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json?PageSize=1&Page=0"),
            "page": 0,
            "page_size": 1,
            "start": 0,
            "end": 0
        })))
        .mount(&server)
        .await;
    let client = client_at(&format!("{}/proxy", server.uri()));
    let messages: Vec<fixture_pagination::api_v2010::AccountMessage> = client
        .api_v2010()
        .list_message()
        .date_sent_after(
            chrono::DateTime::parse_from_rfc3339("2008-01-02T00:00:00Z")
                .unwrap()
                .to_utc(),
        )
        .page_size(1)
        .stream()
        .try_collect()
        .await
        .unwrap();
    let bodies: Vec<&str> = messages
        .iter()
        .map(|m| m.body.as_deref().unwrap())
        .collect();
    assert_eq!(bodies, ["message 1", "message 2"]);
    // An RFC 2822 timestamp, as api_v2010 writes them, decodes to UTC.
    assert_eq!(
        messages[1].date_sent,
        chrono::DateTime::parse_from_rfc2822("Fri, 24 May 2019 17:44:46 +0000")
            .ok()
            .map(|at| at.to_utc())
    );
    let sent = received(&server).await;
    assert_eq!(
        queries(&sent),
        [
            Some("DateSent%3E=2008-01-02T00%3A00%3A00Z&PageSize=1"),
            Some("To=%2B123456789&DateSent%3E=2008-01-02&PageSize=1&Page=1&PageToken=PASM1"),
        ]
    );
    assert!(sent.iter().all(|r| r.url.path() == route));

    let page = client.api_v2010().list_message().send().await.unwrap();
    assert_eq!(page.next_page_uri.as_deref(), Some(next.as_str()));
    assert_eq!(
        (page.page, page.page_size, page.start),
        (Some(0), Some(1), Some(0))
    );
}

fn address_page(ids: &[u32], next_page_uri: Option<String>) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({
        "addresses": ids.iter().map(|n| json!({
            "sid": format!("AD{n:032x}"), "street": format!("{n} Main St"), "iso_country": "US"
        })).collect::<Vec<_>>(),
        "paging": {
            "uri": "/v2/Addresses",
            "next_page_uri": next_page_uri,
            "previous_page_uri": null,
            "page_size": ids.len(),
            "num_pages": 3,
            "total": 6,
            "before_sid": null,
            "after_sid": null
        }
    }))
}

/// P3, and `.limit(n)`: a relative `next_page_uri` nested in `paging` is followed like a
/// top-level one; with a limit and no page size the limit is the page size, and pages past the
/// limit are never fetched.
#[tokio::test]
async fn stream_follows_a_nested_paging_next_page_uri_up_to_the_limit() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v2/Addresses"))
        .and(query_param("AfterSid", format!("AD{:032x}", 2)))
        .respond_with(address_page(
            &[3, 4],
            Some(format!("/v2/Addresses?PageSize=3&AfterSid=AD{:032x}", 4)),
        ))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v2/Addresses"))
        .and(query_param("AfterSid", format!("AD{:032x}", 4)))
        .respond_with(address_page(&[5, 6], None))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v2/Addresses"))
        .and(query_param_is_missing("AfterSid"))
        .respond_with(address_page(
            &[1, 2],
            Some(format!("/v2/Addresses?PageSize=3&AfterSid=AD{:032x}", 2)),
        ))
        .mount(&server)
        .await;
    let numbers = client(&server).numbers_v2();

    let all: Vec<fixture_pagination::numbers_v2::Address> =
        numbers.list_address().stream().try_collect().await.unwrap();
    let streets: Vec<&str> = all.iter().map(|a| a.street.as_deref().unwrap()).collect();
    assert_eq!(
        streets,
        [
            "1 Main St",
            "2 Main St",
            "3 Main St",
            "4 Main St",
            "5 Main St",
            "6 Main St"
        ]
    );
    assert_eq!(received(&server).await.len(), 3);

    let first_three: Vec<_> = numbers
        .list_address()
        .limit(3)
        .stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(first_three.len(), 3);
    let sent = received(&server).await;
    assert_eq!(
        queries(&sent[3..]),
        [
            Some("PageSize=3"),
            Some(format!("PageSize=3&AfterSid=AD{:032x}", 2).as_str())
        ],
        "the third page was not fetched"
    );

    let page = numbers.list_address().page_size(2).send().await.unwrap();
    assert_eq!(page.paging.unwrap().total, Some(6));
}

fn port_in_page(ids: &[u32], next_token: serde_json::Value) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({
        "port_in_requests": ids.iter().map(|n| json!({
            "port_in_request_sid": format!("KW{n:032x}"),
            "port_in_request_status": "Completed",
            "phone_numbers_requested": 1,
            "phone_numbers_ported": 0,
            "suggested_action": null
        })).collect::<Vec<_>>(),
        "meta": {"next_token": next_token, "previous_token": null}
    }))
}

/// P4: token paging: the next request is the first one with `Token=<next_token>` in place of
/// the token it had (the old one is gone, other parameters kept); a token already used stops.
#[tokio::test]
async fn token_paging_sends_meta_next_token_as_token() {
    let server = MockServer::start().await;
    for (token, ids, next) in [
        ("OLD", &[1, 2][..], json!("KW-2")),
        ("KW-2", &[3][..], json!("KW-3")),
        ("KW-3", &[4][..], json!("KW-2")),
    ] {
        Mock::given(method("GET"))
            .and(path("/v1/Porting/PortIn/PortInRequests"))
            .and(query_param("Token", token))
            .respond_with(port_in_page(ids, next))
            .mount(&server)
            .await;
    }
    let requests: Vec<fixture_pagination::numbers_v1::PortInRequestList> = client(&server)
        .numbers_v1()
        .list_port_in_requests()
        .token("OLD")
        .size(2)
        .port_in_request_status("Completed")
        .stream()
        .try_collect()
        .await
        .unwrap();
    let sids: Vec<String> = requests
        .iter()
        .map(|r| r.port_in_request_sid.clone().unwrap())
        .collect();
    assert_eq!(
        sids,
        (1..=4).map(|n| format!("KW{n:032x}")).collect::<Vec<_>>()
    );
    let sent = received(&server).await;
    assert_eq!(
        queries(&sent),
        [
            Some("Token=OLD&Size=2&PortInRequestStatus=Completed"),
            Some("Size=2&PortInRequestStatus=Completed&Token=KW-2"),
            Some("Size=2&PortInRequestStatus=Completed&Token=KW-3"),
        ],
        "KW-2 came back and was not fetched twice"
    );
}

/// P4b: Twilio's API Standards v1.0: camelCase `meta.nextToken`, sent back as `pageToken`, the
/// name the spec gives it; `.limit(n)` with no page size asks for `pageSize=n`; a null token stops.
#[tokio::test]
async fn v1_0_token_paging_sends_meta_next_token_as_page_token() {
    let server = MockServer::start().await;
    for (first, ids, next) in [
        (true, &[1, 2][..], json!("tok-2")),
        (false, &[3, 4][..], json!(null)),
    ] {
        let page = ResponseTemplate::new(200).set_body_json(json!({
            "orders": ids.iter().map(|n| json!({"sid": format!("HR{n}")})).collect::<Vec<_>>(),
            "meta": {"pageSize": 2, "nextToken": next, "previousToken": null}
        }));
        let mock = Mock::given(method("GET")).and(path("/v1/HostedNumber/Orders"));
        let mock = if first {
            mock.and(wiremock::matchers::query_param_is_missing("pageToken"))
        } else {
            mock.and(query_param("pageToken", "tok-2"))
        };
        mock.respond_with(page).expect(1).mount(&server).await;
    }
    let orders: Vec<fixture_pagination::numbers_v1::HostedNumberOrder> = client(&server)
        .numbers_v1()
        .list_hosted_number_orders()
        .limit(4)
        .stream()
        .try_collect()
        .await
        .unwrap();
    let sids: Vec<&str> = orders.iter().map(|o| o.sid.as_deref().unwrap()).collect();
    assert_eq!(sids, ["HR1", "HR2", "HR3", "HR4"]);
    let sent = received(&server).await;
    assert_eq!(
        queries(&sent),
        [Some("pageSize=4"), Some("pageSize=4&pageToken=tok-2")]
    );
}

/// P5: the same shape with `PageToken`: the token goes there (never in `Token`), and an empty
/// token stops.
#[tokio::test]
async fn token_paging_sends_the_token_as_page_token() {
    let server = MockServer::start().await;
    let route = format!("/v1/Porting/PortIn/{PORT_IN_SID}/PhoneNumbers");
    for (token, number, next) in [
        ("stale", "+15558675310", json!("PT-2")),
        ("PT-2", "+15558675311", json!("")),
    ] {
        Mock::given(method("GET"))
            .and(path(route.as_str()))
            .and(query_param("PageToken", token))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "phone_numbers": [{"phone_number_sid": "PUaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "phone_number": number}],
                "meta": {"next_token": next, "previous_token": null}
            })))
            .mount(&server)
            .await;
    }
    let numbers: Vec<fixture_pagination::numbers_v1::PortInPhoneNumberList> = client(&server)
        .numbers_v1()
        .list_port_in_phone_numbers(PORT_IN_SID)
        .page_token("stale")
        .page_size(1)
        .stream()
        .try_collect()
        .await
        .unwrap();
    let phones: Vec<&str> = numbers
        .iter()
        .map(|n| n.phone_number.as_deref().unwrap())
        .collect();
    assert_eq!(phones, ["+15558675310", "+15558675311"]);
    let sent = received(&server).await;
    assert_eq!(
        queries(&sent),
        [
            Some("PageSize=1&PageToken=stale"),
            Some("PageSize=1&PageToken=PT-2")
        ]
    );
}

/// P5b: two lists sharing one page type take their token in different parameters: the page
/// says where the token is, each operation where it goes (`Token` for one, `PageToken` for the
/// other), whichever of them was generated first.
#[tokio::test]
async fn lists_sharing_a_page_type_send_the_token_in_their_own_parameter() {
    let server = MockServer::start().await;
    for (route, param) in [
        ("/v1/Porting/PortIn/Archive", "Token"),
        ("/v1/Porting/PortIn/Drafts", "PageToken"),
    ] {
        Mock::given(method("GET"))
            .and(path(route))
            .and(query_param(param, "NEXT"))
            .respond_with(port_in_page(&[2], json!(null)))
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path(route))
            .respond_with(port_in_page(&[1], json!("NEXT")))
            .with_priority(2)
            .mount(&server)
            .await;
    }
    let numbers = client(&server).numbers_v1();
    let archived: Vec<fixture_pagination::numbers_v1::PortInRequestList> = numbers
        .list_archived_port_in_requests()
        .stream()
        .try_collect()
        .await
        .unwrap();
    let drafts: Vec<fixture_pagination::numbers_v1::PortInRequestList> = numbers
        .list_draft_port_in_requests()
        .stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!((archived.len(), drafts.len()), (2, 2));
    let sent = received(&server).await;
    assert_eq!(
        queries(&sent),
        [None, Some("Token=NEXT"), None, Some("PageToken=NEXT")]
    );
}

/// P6: one array property and no next link: an ordinary operation (`.send()` only; it has no
/// `.stream()`, `.pages()` or `.limit()`), whose query array is sent as repeated keys.
#[tokio::test]
async fn a_list_without_a_next_link_is_an_ordinary_operation() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v2/RateLimits"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "rate_limits": [{
                "field": "line_type_intelligence",
                "limit": 100,
                "bucket": "default",
                "owner": "account",
                "ttl": 60
            }]
        })))
        .mount(&server)
        .await;
    let limits: fixture_pagination::lookups_v2::RateLimitListResponse = client(&server)
        .lookups_v2()
        .fetch_lookup_account_rate_limits()
        .fields(["line_type_intelligence", "sim_swap"])
        .send()
        .await
        .unwrap();
    let limit = &limits.rate_limits.unwrap()[0];
    assert_eq!(limit.field.as_deref(), Some("line_type_intelligence"));
    assert_eq!((limit.limit, limit.ttl), (Some(100), Some(60)));
    assert_eq!(
        received(&server).await[0].url.query(),
        Some("Fields=line_type_intelligence&Fields=sim_swap")
    );
}
