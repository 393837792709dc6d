//! `cargo xtask diff --old --new` on real change history: consecutive releases of Twilio's
//! own API descriptions (`tests/fixtures/history/`, from twilio-oai), whose changelog marks
//! the change breaking, must be reported breaking with the parameter or field and the Rust
//! item; a file against itself reports nothing; added optional things are compatible.

#![allow(clippy::unwrap_used)] // A panic in a test is a failed test.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use xtask::diff::{self, Options, Severity};

fn history(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/history")
        .join(name)
}

/// `diff --old --new` of two files, cross-checked with cargo-semver-checks when enabled.
fn diff_of(old: &Path, new: &Path) -> diff::Diff {
    let result = diff::diff(&Options::Paths {
        old: old.to_owned(),
        new: new.to_owned(),
    })
    .unwrap();
    if common::semver::enabled() && old.is_file() {
        // The crates are generated from folders holding each file under the API's name.
        let dirs = tempfile::tempdir().unwrap();
        let name = "twilio_api_under_review.yaml";
        for (side, file) in [("old", old), ("new", new)] {
            std::fs::create_dir(dirs.path().join(side)).unwrap();
            std::fs::copy(file, dirs.path().join(side).join(name)).unwrap();
        }
        let case = format!("{} -> {}", old.display(), new.display());
        common::semver::cross_check(
            &case,
            &dirs.path().join("old"),
            &dirs.path().join("new"),
            &result.changes,
        );
    }
    result
}

fn run(args: &[&Path]) -> (Option<i32>, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .arg("diff")
        .args([
            "--old".as_ref(),
            args[0].as_os_str(),
            "--new".as_ref(),
            args[1].as_os_str(),
        ])
        .output()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// The only breaking change of `result` (there must be exactly one).
fn the_one_breaking_change(result: &diff::Diff) -> &xtask::diff::Change {
    let breaking: Vec<_> = result
        .changes
        .iter()
        .filter(|c| c.severity == Severity::Breaking)
        .collect();
    assert_eq!(breaking.len(), 1, "{:#?}", result.changes);
    breaking[0]
}

/// Twilio changelog, twilio-oai 2.4.0: "Remove `SinkSid` parameter when updating
/// subscriptions" (breaking change).
#[test]
fn events_v1_2_3_5_to_2_4_0_removes_sink_sid_from_update_subscription() {
    let old = history("twilio_events_v1@2.3.5.yaml");
    let new = history("twilio_events_v1@2.4.0.yaml");
    let result = diff_of(&old, &new);
    let change = the_one_breaking_change(&result);
    assert_eq!(change.api, "events_v1");
    assert_eq!(
        change.item.to_string(),
        "events_v1::UpdateSubscription::sink_sid"
    );
    assert_eq!(change.message, "form field `SinkSid` removed");

    let (code, markdown, _) = run(&[&old, &new]);
    assert_eq!(code, Some(3), "breaking exits 3");
    assert!(
        markdown.contains("twilio_events_v1@2.3.5.yaml:2555"),
        "a removed input is located in the old file: {markdown}"
    );
}

/// Twilio changelog, twilio-oai 2.1.0 (Numbers): a port-in field's type changed from `date`
/// to `date-time` (breaking change).
#[test]
fn numbers_v1_2_0_3_to_2_1_0_changes_a_date_to_a_date_time() {
    let old = history("twilio_numbers_v1@2.0.3.yaml");
    let new = history("twilio_numbers_v1@2.1.0.yaml");
    let result = diff_of(&old, &new);
    let change = the_one_breaking_change(&result);
    assert_eq!(
        change.item.to_string(),
        "numbers_v1::PortingPortIn::date_created"
    );
    assert_eq!(
        change.message,
        "type changed from `NaiveDate` to `DateTime<Utc>`"
    );
    let (code, markdown, _) = run(&[&old, &new]);
    assert_eq!(code, Some(3));
    assert!(
        markdown.contains("twilio_numbers_v1@2.1.0.yaml:228"),
        "{markdown}"
    );
}

#[test]
fn every_release_against_itself_reports_nothing() {
    for name in [
        "twilio_events_v1@2.3.5.yaml",
        "twilio_events_v1@2.4.0.yaml",
        "twilio_numbers_v1@2.0.3.yaml",
        "twilio_numbers_v1@2.1.0.yaml",
    ] {
        let file = history(name);
        assert!(diff_of(&file, &file).changes.is_empty(), "{name}");
        let (code, markdown, _) = run(&[&file, &file]);
        assert_eq!(code, Some(0), "{name}");
        assert!(markdown.contains("0 breaking, 0 compatible"), "{markdown}");
    }
}

/// The same release with an optional field and an enum value added: both compatible.
#[test]
fn an_added_optional_field_and_enum_value_are_compatible() {
    let old = history("twilio_events_v1@2.4.0.yaml");
    let text = std::fs::read_to_string(&old).unwrap();
    let edited = text
        .replacen(
            "    events.v1.sink:\n      type: object\n      properties:\n",
            "    events.v1.sink:\n      type: object\n      properties:\n        region:\n          type: string\n          nullable: true\n          description: Where the sink is.\n",
            1,
        )
        .replacen(
            "    sink_enum_status:\n      type: string\n      enum:\n",
            "    sink_enum_status:\n      type: string\n      enum:\n      - paused\n",
            1,
        );
    assert_ne!(edited, text, "the edits apply");
    let dir = tempfile::tempdir().unwrap();
    let new = dir.path().join("twilio_events_v1@2.4.1.yaml");
    std::fs::write(&new, edited).unwrap();
    let result = diff_of(&old, &new);
    let messages: Vec<(Severity, String, &str)> = result
        .changes
        .iter()
        .map(|c| (c.severity, c.item.to_string(), c.message.as_str()))
        .collect();
    assert_eq!(
        messages,
        [
            (
                Severity::Compatible,
                "events_v1::Sink::region".to_owned(),
                "optional field `region` added"
            ),
            (
                Severity::Compatible,
                "events_v1::SinkStatus::Paused".to_owned(),
                "enum value `paused` added"
            ),
        ],
        "{:#?}",
        result.changes
    );
    let (code, _, _) = run(&[&old, &new]);
    assert_eq!(code, Some(0), "compatible exits 0");
}

#[test]
fn two_folders_compare_file_by_file_and_a_folder_with_a_file_is_refused() {
    let old = tempfile::tempdir().unwrap();
    let new = tempfile::tempdir().unwrap();
    std::fs::copy(
        history("twilio_events_v1@2.3.5.yaml"),
        old.path().join("twilio_events_v1.yaml"),
    )
    .unwrap();
    std::fs::copy(
        history("twilio_events_v1@2.4.0.yaml"),
        new.path().join("twilio_events_v1.yaml"),
    )
    .unwrap();
    let result = diff_of(old.path(), new.path());
    common::semver::cross_check("two folders", old.path(), new.path(), &result.changes);
    assert!(result.has_breaking());
    assert_eq!(result.changes.len(), 1, "{:#?}", result.changes);

    let (code, _, stderr) = run(&[old.path(), &history("twilio_events_v1@2.4.0.yaml")]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("give two folders or two files"), "{stderr}");
}

/// `--format github`: one annotation per direct change on its spec line (removed things on
/// the new file, without a line), then a one-line summary naming the breaking items.
#[test]
fn github_format_annotates_spec_lines_and_summarises_in_one_line() {
    let numbers = diff_of(
        &history("twilio_numbers_v1@2.0.3.yaml"),
        &history("twilio_numbers_v1@2.1.0.yaml"),
    );
    let new = history("twilio_numbers_v1@2.1.0.yaml")
        .display()
        .to_string();
    assert_eq!(
        numbers.render(diff::Format::Github),
        format!(
            "::error file={new},line=228,title=Breaking spec change (wire / type-changed)::numbers_v1::PortingPortIn::date_created: type changed from `NaiveDate` to `DateTime<Utc>`\n\
             spec review: 1 breaking (1 wire, 0 rust), 0 compatible; breaking: numbers_v1::PortingPortIn::date_created\n"
        )
    );
    let events = diff_of(
        &history("twilio_events_v1@2.3.5.yaml"),
        &history("twilio_events_v1@2.4.0.yaml"),
    );
    let rendered = events.render(diff::Format::Github);
    let first = rendered.lines().next().unwrap();
    assert!(
        first.starts_with("::error file=") && first.contains("twilio_events_v1@2.4.0.yaml,title="),
        "a removed input is annotated on the new file, without a line: {first}"
    );
    let same = history("twilio_events_v1@2.4.0.yaml");
    assert_eq!(
        diff_of(&same, &same).render(diff::Format::Github),
        "spec review: 0 breaking, 0 compatible\n"
    );
}
/// One report line: severity, impact, kind, Rust item, message.
type Line = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

/// Each vendored release pair (see `fixtures/history/README.md`) reports exactly these lines:
/// (severity, impact, kind, Rust item, message), in report order. Before identity matching,
/// stable names and reachability (commit 5110614) the same pairs gave 119 report lines, 82 of
/// them breaking (messaging_v1 alone: 68 and 53, for one added schema no operation uses).
const PAIRS: &[(&str, &str, &[Line])] = &[
    (
        "twilio_chat_v2@2.5.4.yaml",
        "twilio_chat_v2@2.5.5.yaml",
        &[
            (
                "compatible",
                "docs",
                "docs-changed",
                "chat_v2::ChannelStatus",
                "docs changed",
            ),
            (
                "breaking",
                "wire",
                "wire-value-changed",
                "chat_v2::ChannelStatus::NotParticipating",
                "enum value `not_participating` is now `notParticipating` on the wire",
            ),
            (
                "breaking",
                "wire",
                "bound-changed",
                "chat_v2::ListBinding::page_size",
                "maximum 1000 -> 50 (tightened)",
            ),
            (
                "compatible",
                "docs",
                "docs-changed",
                "chat_v2::ListBinding::page_size",
                "docs changed",
            ),
            (
                "breaking",
                "wire",
                "bound-changed",
                "chat_v2::ListChannel::page_size",
                "maximum 1000 -> 100 (tightened)",
            ),
            (
                "compatible",
                "docs",
                "docs-changed",
                "chat_v2::ListChannel::page_size",
                "docs changed",
            ),
            (
                "breaking",
                "wire",
                "bound-changed",
                "chat_v2::ListChannelWebhook::page_size",
                "maximum 1000 -> 5 (tightened)",
            ),
            (
                "compatible",
                "docs",
                "docs-changed",
                "chat_v2::ListChannelWebhook::page_size",
                "docs changed",
            ),
            (
                "breaking",
                "wire",
                "bound-changed",
                "chat_v2::ListInvite::page_size",
                "maximum 1000 -> 100 (tightened)",
            ),
            (
                "compatible",
                "docs",
                "docs-changed",
                "chat_v2::ListInvite::page_size",
                "docs changed",
            ),
            (
                "breaking",
                "wire",
                "bound-changed",
                "chat_v2::ListMember::page_size",
                "maximum 1000 -> 100 (tightened)",
            ),
            (
                "compatible",
                "docs",
                "docs-changed",
                "chat_v2::ListMember::page_size",
                "docs changed",
            ),
            (
                "breaking",
                "wire",
                "bound-changed",
                "chat_v2::ListMessage::page_size",
                "maximum 1000 -> 100 (tightened)",
            ),
            (
                "compatible",
                "docs",
                "docs-changed",
                "chat_v2::ListMessage::page_size",
                "docs changed",
            ),
            (
                "breaking",
                "wire",
                "bound-changed",
                "chat_v2::ListRole::page_size",
                "maximum 1000 -> 100 (tightened)",
            ),
            (
                "compatible",
                "docs",
                "docs-changed",
                "chat_v2::ListRole::page_size",
                "docs changed",
            ),
            (
                "breaking",
                "wire",
                "bound-changed",
                "chat_v2::ListService::page_size",
                "maximum 1000 -> 100 (tightened)",
            ),
            (
                "compatible",
                "docs",
                "docs-changed",
                "chat_v2::ListService::page_size",
                "docs changed",
            ),
            (
                "breaking",
                "wire",
                "bound-changed",
                "chat_v2::ListUser::page_size",
                "maximum 1000 -> 100 (tightened)",
            ),
            (
                "compatible",
                "docs",
                "docs-changed",
                "chat_v2::ListUser::page_size",
                "docs changed",
            ),
            (
                "breaking",
                "wire",
                "bound-changed",
                "chat_v2::ListUserBinding::page_size",
                "maximum 1000 -> 50 (tightened)",
            ),
            (
                "compatible",
                "docs",
                "docs-changed",
                "chat_v2::ListUserBinding::page_size",
                "docs changed",
            ),
            (
                "breaking",
                "wire",
                "bound-changed",
                "chat_v2::ListUserChannel::page_size",
                "maximum 1000 -> 50 (tightened)",
            ),
            (
                "compatible",
                "docs",
                "docs-changed",
                "chat_v2::ListUserChannel::page_size",
                "docs changed",
            ),
            (
                "compatible",
                "docs",
                "docs-changed",
                "chat_v2::ServiceUserUserChannel::status",
                "docs changed",
            ),
            (
                "breaking",
                "wire",
                "wire-value-changed",
                "chat_v2::ListUserChannelResponse",
                "uses `chat_v2::ChannelStatus`, which changed: enum value `not_participating` is now `notParticipating` on the wire",
            ),
            (
                "breaking",
                "wire",
                "wire-value-changed",
                "chat_v2::ServiceUserUserChannel",
                "uses `chat_v2::ChannelStatus`, which changed: enum value `not_participating` is now `notParticipating` on the wire",
            ),
        ],
    ),
    (
        "twilio_events_v1@2.3.5.yaml",
        "twilio_events_v1@2.4.0.yaml",
        &[(
            "breaking",
            "wire",
            "removed",
            "events_v1::UpdateSubscription::sink_sid",
            "form field `SinkSid` removed",
        )],
    ),
    (
        "twilio_flex_v1@2.6.3.yaml",
        "twilio_flex_v1@2.6.4.yaml",
        &[(
            "breaking",
            "wire",
            "wire-value-changed",
            "flex_v1::FlexV1::create_instance",
            "request changed from `POST /v1/instances` to `POST /v1/Instances`",
        )],
    ),
    (
        "twilio_flex_v2@2.4.0.yaml",
        "twilio_flex_v2@2.4.1.yaml",
        &[
            (
                "compatible",
                "wire",
                "added",
                "flex_v2::CreateWebChannel::identity",
                "form field `Identity` added (optional)",
            ),
            (
                "compatible",
                "rust",
                "marking-changed",
                "flex_v2::WebChannel::identity",
                "personal-data marking changed from unmarked to personal (standard)",
            ),
        ],
    ),
    (
        "twilio_messaging_v1@2.5.4.yaml",
        "twilio_messaging_v1@2.5.5.yaml",
        &[],
    ),
    (
        "twilio_numbers_v1@2.0.3.yaml",
        "twilio_numbers_v1@2.1.0.yaml",
        &[(
            "breaking",
            "wire",
            "type-changed",
            "numbers_v1::PortingPortIn::date_created",
            "type changed from `NaiveDate` to `DateTime<Utc>`",
        )],
    ),
    (
        "twilio_oauth_v2@2.5.1.yaml",
        "twilio_oauth_v2@2.5.2.yaml",
        &[
            (
                "breaking",
                "rust",
                "required-changed",
                "oauth_v2::CreateOauth2Token::client_id",
                "now optional (a builder method instead of a method argument)",
            ),
            (
                "breaking",
                "rust",
                "required-changed",
                "oauth_v2::CreateOauth2Token::grant_type",
                "now optional (a builder method instead of a method argument)",
            ),
        ],
    ),
    (
        "twilio_trusthub_v1@2.1.12.yaml",
        "twilio_trusthub_v1@2.1.13.yaml",
        &[
            (
                "breaking",
                "wire",
                "wire-value-changed",
                "trusthub_v1::SupportingDocumentStatus::Approved",
                "enum value `approved` is now `APPROVED` on the wire",
            ),
            (
                "breaking",
                "wire",
                "wire-value-changed",
                "trusthub_v1::SupportingDocumentStatus::Draft",
                "enum value `draft` is now `DRAFT` on the wire",
            ),
            (
                "breaking",
                "wire",
                "wire-value-changed",
                "trusthub_v1::SupportingDocumentStatus::Expired",
                "enum value `expired` is now `EXPIRED` on the wire",
            ),
            (
                "breaking",
                "wire",
                "wire-value-changed",
                "trusthub_v1::SupportingDocumentStatus::PendingReview",
                "enum value `pending-review` is now `PENDING_REVIEW` on the wire",
            ),
            (
                "breaking",
                "wire",
                "wire-value-changed",
                "trusthub_v1::SupportingDocumentStatus::ProvisionallyApproved",
                "enum value `provisionally-approved` is now `PROVISIONALLY_APPROVED` on the wire",
            ),
            (
                "breaking",
                "wire",
                "wire-value-changed",
                "trusthub_v1::SupportingDocumentStatus::Rejected",
                "enum value `rejected` is now `REJECTED` on the wire",
            ),
            (
                "breaking",
                "wire",
                "wire-value-changed",
                "trusthub_v1::ListSupportingDocumentResponse",
                "uses `trusthub_v1::SupportingDocumentStatus`, which changed: enum value `draft` is now `DRAFT` on the wire (and 5 more)",
            ),
            (
                "breaking",
                "wire",
                "wire-value-changed",
                "trusthub_v1::SupportingDocument",
                "uses `trusthub_v1::SupportingDocumentStatus`, which changed: enum value `draft` is now `DRAFT` on the wire (and 5 more)",
            ),
        ],
    ),
];

#[test]
fn each_release_pair_reports_exactly_its_changes() {
    for (old, new, expected) in PAIRS {
        let result = diff_of(&history(old), &history(new));
        let lines: Vec<(String, String, String, String, String)> = result
            .changes
            .iter()
            .map(|c| {
                let severity = match c.severity {
                    Severity::Breaking => "breaking",
                    Severity::Compatible => "compatible",
                };
                (
                    severity.to_owned(),
                    c.impact.as_str().to_owned(),
                    c.kind.as_str().to_owned(),
                    c.item.to_string(),
                    c.message.clone(),
                )
            })
            .collect();
        let expected: Vec<(String, String, String, String, String)> = expected
            .iter()
            .map(|(s, i, k, item, m)| {
                let own = |t: &str| t.to_owned();
                (own(s), own(i), own(k), own(item), own(m))
            })
            .collect();
        assert_eq!(lines, expected, "{old} -> {new}");
        // No line says nothing changed, and none contradicts itself.
        for change in &result.changes {
            if let Some((from, to)) = change
                .message
                .split_once(" from ")
                .and_then(|(_, rest)| rest.split_once(" to "))
            {
                assert_ne!(from, to, "{old} -> {new}: {}", change.message);
            }
        }
    }
}

/// Whole folders: a second file that uses the same ID patterns moves those ID types into
/// `common`; each stays reachable where it was (`events_v1::AcSid`, re-exported), so nothing
/// breaks, and the old file's types are not reported again.
#[test]
fn types_moving_into_common_are_not_breaks() {
    let dirs = tempfile::tempdir().unwrap();
    let (old, new) = (dirs.path().join("old"), dirs.path().join("new"));
    for dir in [&old, &new] {
        std::fs::create_dir(dir).unwrap();
        std::fs::copy(
            history("twilio_events_v1@2.4.0.yaml"),
            dir.join("twilio_events_v1.yaml"),
        )
        .unwrap();
    }
    std::fs::copy(
        history("twilio_numbers_v1@2.1.0.yaml"),
        new.join("twilio_numbers_v1.yaml"),
    )
    .unwrap();
    let result = diff::diff(&Options::Paths {
        old: old.clone(),
        new: new.clone(),
    })
    .unwrap();
    let moved: Vec<&diff::Change> = result
        .changes
        .iter()
        .filter(|c| c.api == "common")
        .collect();
    assert!(!moved.is_empty(), "the shared account SID moves to common");
    let breaking: Vec<String> = result
        .changes
        .iter()
        .filter(|c| c.severity == Severity::Breaking)
        .map(|c| format!("{}: {}", c.item, c.message))
        .collect();
    assert!(breaking.is_empty(), "{breaking:#?}");
    assert!(
        result.changes.iter().all(|c| c.api != "events_v1"),
        "{:#?}",
        result.changes
    );
    // And back: numbers_v1 removed (breaking, as a module), the types leaving `common` for
    // events_v1, where they were still used, are not.
    let back = diff::diff(&Options::Paths { old: new, new: old }).unwrap();
    let breaking: Vec<String> = back
        .changes
        .iter()
        .filter(|c| c.severity == Severity::Breaking && c.api != "numbers_v1")
        .map(|c| format!("{}: {}", c.item, c.message))
        .collect();
    assert!(breaking.is_empty(), "{breaking:#?}");
}
