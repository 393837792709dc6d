//! ID types check their pattern when built from caller input, with errors that name the type,
//! the value and the expected shape; decoding never checks.

#![allow(clippy::unwrap_used)] // A panic in a test is a failed test.

use twilio_api::assistants_v1::{AssistantId, MessageId};
use twilio_api::autopilot_v1::{AssistantSid, DialogueSid};
use twilio_api::{AccountSid, Id, ParseIdError};

const HEX32: &str = "0123456789abcdefABCDEF0123456789";

#[test]
fn account_sid_accepts_ac_and_32_hex_digits_in_either_case() {
    for value in [
        format!("AC{HEX32}"),
        "AC0123456789abcdef0123456789abcdef".to_owned(),
        format!("AC{}", "F".repeat(32)),
    ] {
        let sid = AccountSid::parse(value.clone()).unwrap();
        assert_eq!(sid.as_str(), value);
        assert_eq!(sid.to_string(), value);
        assert_eq!(value.parse::<AccountSid>().unwrap(), sid);
        assert_eq!(AccountSid::try_from(value.as_str()).unwrap(), sid);
        assert_eq!(AccountSid::try_from(value.clone()).unwrap(), sid);
        let text: &str = sid.as_ref();
        assert_eq!(text, value);
        assert_eq!(sid, value, "compares with String");
        assert!(sid.starts_with("AC"), "derefs to str");
        assert_eq!(Some(sid.clone()).as_deref(), Some(value.as_str()));
        assert_eq!(String::from(sid), value);
    }
}

fn rejected(result: Result<AccountSid, ParseIdError>) -> ParseIdError {
    result.expect_err("must be rejected")
}

#[test]
fn account_sid_rejects_wrong_prefix_length_digits_empty_and_unicode() {
    let cases = [
        ("wrong prefix", format!("AB{HEX32}")),
        ("lowercase prefix", format!("ac{HEX32}")),
        ("too short", format!("AC{}", &HEX32[..31])),
        ("too long", format!("AC{HEX32}0")),
        ("non-hex digit", format!("AC{}g", &HEX32[..31])),
        ("empty", String::new()),
        ("prefix only", "AC".to_owned()),
        // 34 characters, but `é` is not a hex digit (and is two bytes).
        ("unicode letter", format!("AC{}é", &HEX32[..31])),
        // Full-width digits look like digits but are not ASCII hex.
        ("full-width digits", format!("AC{}", "０".repeat(32))),
        ("whitespace", format!(" AC{}", &HEX32[..31])),
    ];
    for (case, value) in cases {
        let error = rejected(AccountSid::parse(value.clone()));
        assert_eq!(error.type_name(), "AccountSid", "{case}");
        assert_eq!(error.value(), value, "{case}");
        let message = error.to_string();
        assert!(message.contains("invalid AccountSid"), "{case}: {message}");
        assert!(message.contains(&format!("{value:?}")), "{case}: {message}");
        assert!(
            message.contains("`AC` followed by 32 hexadecimal digits"),
            "{case}: {message}"
        );
        assert!(value.parse::<AccountSid>().is_err(), "{case}");
    }
}

#[test]
fn long_rejected_values_are_cut_in_messages() {
    let value = "x".repeat(10_000);
    let error = AccountSid::parse(value).unwrap_err();
    assert!(error.to_string().len() < 300, "{}", error);
    assert!(error.value().ends_with('…'));
}

#[test]
fn autopilot_sids_have_their_own_prefixes() {
    assert!(AssistantSid::parse(format!("UA{HEX32}")).is_ok());
    assert!(DialogueSid::parse(format!("UK{HEX32}")).is_ok());
    assert!(AssistantSid::parse(format!("UK{HEX32}")).is_err());
    assert!(DialogueSid::parse(format!("AC{HEX32}")).is_err());
    assert_eq!(DialogueSid::PATTERN, "^UK[0-9a-fA-F]{32}$");
}

#[test]
fn prefixed_ids_need_the_whole_prefix_and_at_least_one_more_character() {
    for good in [
        "aia_msg_01hxyz",
        "aia_msg_x",
        "aia_msg_é",
        "aia_msg__",
        "aia_msg_a b",
    ] {
        assert!(MessageId::parse(good).is_ok(), "{good}");
    }
    for bad in [
        "aia_msg_",
        "aia_msg",
        "aia_msgx",
        "aia_asst_1",
        "",
        "AIA_MSG_1",
        "aia_msg_\n",
        " aia_msg_1",
    ] {
        let error = MessageId::parse(bad).unwrap_err();
        assert!(
            error
                .to_string()
                .contains("`aia_msg_` followed by at least 1 character"),
            "{bad:?}: {error}"
        );
    }
    assert!(AssistantId::parse("aia_asst_01hxyz").is_ok());
    assert!(
        AssistantId::parse("aia_asst").is_err(),
        "the pages' `^aia_asst_*$` is meant as a prefix"
    );
    assert!(AssistantId::parse("aia_asst_").is_err());
    assert!(AssistantId::matches("aia_asst_é"));
}

#[test]
fn decoding_accepts_any_shape_and_encoding_is_transparent() {
    let sid: AccountSid = serde_json::from_str("\"not-a-sid\"").unwrap();
    assert_eq!(sid.as_str(), "not-a-sid");
    assert!(!sid.is_valid());
    assert_eq!(serde_json::to_string(&sid).unwrap(), "\"not-a-sid\"");
    assert_eq!(format!("{sid:?}"), "AccountSid(\"not-a-sid\")");
    assert!(
        serde_json::from_str::<AccountSid>("42").is_err(),
        "a number is not text"
    );
}

#[test]
fn parse_errors_convert_into_the_crate_error() {
    let error: twilio_api::Error = AccountSid::parse("nope").unwrap_err().into();
    assert!(matches!(error, twilio_api::Error::InvalidArgument(_)));
    assert!(
        error.to_string().contains("invalid AccountSid \"nope\""),
        "{error}"
    );
}
