//! The client's reading of what a server sends, on arbitrary bytes: success bodies through the
//! decoder `send()` uses into generated models and pages, next-page links, error bodies and
//! `Retry-After` values (`twilio_api::__fuzz`, hidden entry points of the runtime).
//!
//! Input: byte 0 picks the reader, bytes 1 and 2 are the HTTP status, the rest is the body.
//! Properties: no panic; a decode failure is an `Error::Decode` with the response's status; a
//! decoded value re-encodes to JSON that decodes again, to an equal value; a next page is a
//! path on the client's origin; an error always has a message.

#![no_main]

use std::fmt::Debug;
use std::time::{Duration, SystemTime};

use libfuzzer_sys::fuzz_target;
use serde::Serialize;
use serde::de::DeserializeOwned;
use twilio_api::__fuzz;
use twilio_api::{Error, Page};
use twilio_api::{assistants_v1, autopilot_v1, common, conversations_v2};

fuzz_target!(|data: &[u8]| {
    let [which, high, low, body @ ..] = data else {
        return;
    };
    let status = u16::from_be_bytes([*high, *low]);
    match which % 12 {
        0 => page::<assistants_v1::ListSessionsResponse>(status, body),
        1 => page::<assistants_v1::ListMessagesResponse>(status, body),
        2 => check::<assistants_v1::Session>(status, body),
        3 => check::<assistants_v1::Message>(status, body),
        4 => check::<autopilot_v1::Dialogue>(status, body),
        5 => check::<conversations_v2::Conversation>(status, body),
        6 => check::<conversations_v2::Participant>(status, body),
        7 => check::<conversations_v2::ConversationConfiguration>(status, body),
        8 => check::<common::ListMeta>(status, body),
        9 => error_body(status, body),
        10 => retry_after(body),
        _ => open_enum(body),
    }
});

fn check<T>(status: u16, body: &[u8])
where
    T: DeserializeOwned + Serialize + PartialEq + Debug,
{
    model::<T>(status, body);
}

/// Decodes `body` as `T` the way `send()` does and checks what it gives.
fn model<T>(status: u16, body: &[u8]) -> Option<T>
where
    T: DeserializeOwned + Serialize + PartialEq + Debug,
{
    match __fuzz::decode::<T>(status, body) {
        Ok(value) => {
            // What the client accepted, it can send back (models are request bodies too).
            let json = serde_json::to_vec(&value).expect("a decoded value serializes");
            let again = __fuzz::decode::<T>(status, &json).unwrap_or_else(|error| {
                panic!(
                    "re-encoded value does not decode: {error}\n{}",
                    String::from_utf8_lossy(&json)
                )
            });
            assert_eq!(value, again, "re-encoded value decodes to another value");
            Some(value)
        }
        Err(Error::Decode(error)) => {
            assert_eq!(error.status, status);
            assert!(!error.to_string().is_empty());
            None
        }
        Err(other) => panic!("a decode failure that is not Error::Decode: {other:?}"),
    }
}

/// A list page: decoded like any model, then its next page followed as the client would.
fn page<P>(status: u16, body: &[u8])
where
    P: Page + Serialize + PartialEq + Debug,
{
    let Some(page) = model::<P>(status, body) else {
        return;
    };
    if let Some(next) = page.next_page()
        && let Ok(Some(path)) = __fuzz::next_page_path(next)
    {
        assert!(path.starts_with('/'), "next page {next:?} gave {path:?}");
    }
    let _items = page.into_items();
}

/// An error response: never fails, always says something.
fn error_body(status: u16, body: &[u8]) {
    let error = __fuzz::api_error(status, body);
    assert_eq!(error.status(), status);
    assert_eq!(error.body(), body);
    assert!(
        !error.message().trim().is_empty(),
        "no message for {body:?}"
    );
    let shown = error.to_string();
    assert!(shown.contains(&format!("HTTP {status}")), "{shown}");
    let _ = error.decode_body::<common::TwilioError>();
}

/// `Retry-After`: seconds are taken as they are, a date is a wait from now (never negative).
fn retry_after(value: &[u8]) {
    let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_800_000_000);
    let parsed = __fuzz::retry_after(value, now);
    // What a header can hold (a value with anything else never reaches the parser).
    let header_text = value
        .iter()
        .all(|&b| b == b'\t' || (b' '..=b'~').contains(&b));
    if let Some(seconds) = std::str::from_utf8(value)
        .ok()
        .filter(|_| header_text)
        .and_then(|text| text.trim().parse::<u64>().ok())
    {
        assert_eq!(parsed, Some(Duration::from_secs(seconds)), "{value:?}");
    }
}

/// Open enums keep every value as sent, known or not.
fn open_enum(value: &[u8]) {
    let text = String::from_utf8_lossy(value);
    let channel = conversations_v2::Channel::from(text.as_ref());
    assert_eq!(channel.as_str(), text);
    let json = serde_json::to_string(&channel).expect("an enum serializes");
    let again: conversations_v2::Channel = serde_json::from_str(&json).expect("and decodes");
    assert_eq!(channel, again);
}
