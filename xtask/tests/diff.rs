//! `cargo xtask diff`: every kind of spec change is classified for callers of the generated
//! crate, shared-schema changes reach each model that uses them once, the Markdown is what a
//! pull request shows, and `--base` reads the specs of a git revision.

#![allow(clippy::unwrap_used)] // A panic in a test is a failed test.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use xtask::diff::compare::compare;
use xtask::diff::report::{Compared, Place, markdown};
use xtask::diff::{Change, Impact, Kind, Severity};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/diff")
}

fn model(dir: &Path) -> generator::model::Model {
    generator::model::build(&generator::load::load_dir(dir).unwrap()).unwrap()
}

/// A copy of the fixture with `edits` (file, from, to) applied.
fn edited(edits: &[(&str, &str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in fs::read_dir(fixture()).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    for (file, from, to) in edits {
        let path = dir.path().join(file);
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{file} does not contain {from:?}");
        fs::write(&path, text.replacen(from, to, 1)).unwrap();
    }
    dir
}

/// The changes made by applying `edits` (file, from, to) to a copy of the fixture.
fn changes_after(edits: &[(&str, &str, &str)]) -> Vec<Change> {
    let head = edited(edits);
    let changes = compare(&model(&fixture()), &model(head.path()));
    common::semver::cross_check(&format!("{edits:?}"), &fixture(), head.path(), &changes);
    changes
}

/// The one direct change (ignoring lines repeated on models that use a changed type).
fn only_direct(changes: &[Change]) -> &Change {
    let direct: Vec<&Change> = changes.iter().filter(|c| c.via.is_none()).collect();
    assert_eq!(
        direct.len(),
        1,
        "expected one direct change, got {direct:#?}"
    );
    direct[0]
}

fn assert_change(edits: &[(&str, &str, &str)], severity: Severity, item: &str, message: &str) {
    let changes = changes_after(edits);
    let change = only_direct(&changes);
    assert_eq!(change.severity, severity, "{change:#?}");
    assert_eq!(change.item.to_string(), item, "{change:#?}");
    assert!(
        change.message.contains(message),
        "expected {message:?} in {change:#?}"
    );
}

const ORDER_NOTE: &str = "        note:\n          type: string\n";

#[test]
fn no_change_no_report() {
    assert!(changes_after(&[]).is_empty());
}

/// A new operationId on the same method and path: one renamed method (a Rust-only break),
/// not an operation removed and one added.
#[test]
fn an_operation_renamed_in_place_is_one_rename() {
    let changes = changes_after(&[(
        "billing_v1.yaml",
        "operationId: FetchInvoice",
        "operationId: GetInvoice",
    )]);
    let lines: Vec<(Severity, Kind, Impact, String, &str)> = changes
        .iter()
        .map(|c| {
            (
                c.severity,
                c.kind,
                c.impact,
                c.item.to_string(),
                c.message.as_str(),
            )
        })
        .collect();
    assert_eq!(
        lines,
        [(
            Severity::Breaking,
            Kind::Renamed,
            Impact::Rust,
            "billing_v1::BillingV1::get_invoice".to_owned(),
            "operation `FetchInvoice` renamed to `GetInvoice` (`fetch_invoice()` is now `get_invoice()`)"
        )],
        "{changes:#?}"
    );
}

#[test]
fn removing_an_operation_is_breaking() {
    let changes = changes_after(&[(
        "billing_v1.yaml",
        "paths:\n  /v1/Invoices/{Sid}:",
        "paths:\n  /v1/Unused:\n    get:\n      operationId: Ping\n      responses:\n        '204':\n          description: ok\n  /v1/Gone/{Sid}:",
    )]);
    // The path changed: the old operation is the same id at a new path.
    let change = changes
        .iter()
        .find(|c| c.item.to_string() == "billing_v1::BillingV1::fetch_invoice")
        .unwrap();
    assert_eq!(change.severity, Severity::Breaking);
    assert!(
        change
            .message
            .contains("request changed from `GET /v1/Invoices/{Sid}` to `GET /v1/Gone/{Sid}`")
    );
    let added = changes
        .iter()
        .find(|c| c.item.to_string() == "billing_v1::BillingV1::ping")
        .unwrap();
    assert_eq!(added.severity, Severity::Compatible);

    // A renamed operationId on the same request is one rename (`an_operation_renamed_in_place_
    // is_one_rename`); on another path it is a removal and an addition.
    let changes = changes_after(&[
        (
            "shop_v1.yaml",
            "      operationId: ListOrders",
            "      operationId: ListAllOrders",
        ),
        ("shop_v1.yaml", "  /v1/Orders:", "  /v1/AllOrders:"),
    ]);
    let removed = changes
        .iter()
        .find(|c| c.item.to_string() == "shop_v1::ShopV1::list_orders")
        .unwrap();
    assert_eq!(removed.severity, Severity::Breaking);
    assert_eq!(
        removed.message,
        "operation `ListOrders` removed (GET /v1/Orders)"
    );
    let added = changes
        .iter()
        .find(|c| c.item.to_string() == "shop_v1::ShopV1::list_all_orders")
        .unwrap();
    assert_eq!(added.severity, Severity::Compatible);
}

#[test]
fn adding_an_operation_is_compatible() {
    let changes = changes_after(&[(
        "shop_v1.yaml",
        "components:\n",
        "  /v1/Health:\n    get:\n      operationId: CheckHealth\n      responses:\n        '204':\n          description: ok\ncomponents:\n",
    )]);
    let change = only_direct(&changes);
    assert_eq!(
        (change.severity, change.item.to_string().as_str()),
        (Severity::Compatible, "shop_v1::ShopV1::check_health")
    );
    assert!(
        change
            .message
            .contains("operation `CheckHealth` added (GET /v1/Health)")
    );
}

#[test]
fn removing_a_field_is_breaking_and_names_the_base_location() {
    let changes = changes_after(&[("shop_v1.yaml", ORDER_NOTE, "")]);
    let change = only_direct(&changes);
    assert_eq!(
        (change.severity, change.item.to_string().as_str()),
        (Severity::Breaking, "shop_v1::Order::note")
    );
    assert_eq!(change.message, "field `note` removed");
    assert_eq!(change.location.side, xtask::diff::change::Side::Base);
    assert_eq!(change.location.line, Some(65));
    assert_eq!(
        change.location.pointer,
        "/components/schemas/Order/properties/note"
    );
}

#[test]
fn changing_a_field_type_is_breaking() {
    assert_change(
        &[(
            "shop_v1.yaml",
            "        total:\n          type: integer",
            "        total:\n          type: number",
        )],
        Severity::Breaking,
        "shop_v1::Order::total",
        "type changed from `i64` to `f64`",
    );
}

#[test]
fn making_a_field_required_or_optional_changes_its_rust_type() {
    assert_change(
        &[(
            "shop_v1.yaml",
            "      required: [sid]",
            "      required: [sid, total]",
        )],
        Severity::Breaking,
        "shop_v1::Order::total",
        "now required",
    );
    assert_change(
        &[(
            "shop_v1.yaml",
            "      required: [sid]",
            "      required: []",
        )],
        Severity::Breaking,
        "shop_v1::Order::sid",
        "now optional",
    );
}

#[test]
fn adding_an_optional_field_is_compatible_and_a_required_one_is_not() {
    assert_change(
        &[(
            "shop_v1.yaml",
            ORDER_NOTE,
            "        note:\n          type: string\n        gift:\n          type: boolean\n",
        )],
        Severity::Compatible,
        "shop_v1::Order::gift",
        "optional field `gift` added",
    );
    assert_change(
        &[
            (
                "shop_v1.yaml",
                ORDER_NOTE,
                "        note:\n          type: string\n        gift:\n          type: boolean\n",
            ),
            (
                "shop_v1.yaml",
                "      required: [sid]",
                "      required: [sid, gift]",
            ),
        ],
        Severity::Breaking,
        "shop_v1::Order::gift",
        "required field `gift` added",
    );
}

#[test]
fn parameters_added_as_required_break_and_optional_ones_do_not() {
    let required = "        - name: PageSize\n          in: query\n          required: false\n";
    let param = "        - name: Since\n          in: query\n          required: true\n          schema:\n            type: string\n            format: date-time\n";
    assert_change(
        &[(
            "shop_v1.yaml",
            "        - name: PageSize\n          in: query\n",
            &format!("{param}        - name: PageSize\n          in: query\n"),
        )],
        Severity::Breaking,
        // A required input is an argument of the method, so callers' code no longer compiles.
        "shop_v1::ShopV1::list_orders(since)",
        "query parameter `Since` added as required",
    );
    assert_change(
        &[(
            "shop_v1.yaml",
            "        - name: PageSize\n          in: query\n",
            &format!("{}{required}", param.replace("true", "false")),
        )],
        Severity::Compatible,
        "shop_v1::ListOrders::since",
        "query parameter `Since` added (optional)",
    );
}

#[test]
fn tightened_bounds_break_and_loosened_ones_do_not() {
    assert_change(
        &[(
            "shop_v1.yaml",
            "            maximum: 100",
            "            maximum: 50",
        )],
        Severity::Breaking,
        "shop_v1::ListOrders::page_size",
        "maximum 100 -> 50 (tightened)",
    );
    assert_change(
        &[(
            "shop_v1.yaml",
            "            maximum: 100",
            "            maximum: 1000",
        )],
        Severity::Compatible,
        "shop_v1::ListOrders::page_size",
        "(loosened)",
    );
}

/// Behaviour a caller feels without any type changing: the server's default for an input left
/// unset (a new value breaks; documenting or dropping it is docs), and an `Option` field that
/// may now be null.
#[test]
fn default_values_and_nullability_are_classified_by_what_callers_get() {
    let with_default = |value: &str| {
        (
            "shop_v1.yaml",
            "            maximum: 100",
            format!("            maximum: 100\n            default: {value}"),
        )
    };
    let (file, from, to) = with_default("50");
    let changes = changes_after(&[(file, from, &to)]);
    let change = only_direct(&changes);
    assert_eq!(
        (change.severity, change.message.as_str()),
        (Severity::Compatible, "Twilio's default `50` now documented")
    );
    let base = edited(&[(file, from, &to)]);
    let (_, _, to_20) = with_default("20");
    let head = edited(&[(file, from, &to_20)]);
    let changes = compare(&model(base.path()), &model(head.path()));
    common::semver::cross_check("default 50 -> 20", base.path(), head.path(), &changes);
    let change = only_direct(&changes);
    assert_eq!(change.severity, Severity::Breaking);
    assert_eq!(change.item.to_string(), "shop_v1::ListOrders::page_size");
    assert_eq!(
        change.message,
        "Twilio's default changed from `50` to `20`: calls that leave it unset behave differently"
    );

    assert_change(
        &[(
            "shop_v1.yaml",
            "          type: integer\n          description: Total in cents.",
            "          type: integer\n          nullable: true\n          description: Total in cents.",
        )],
        Severity::Compatible,
        "shop_v1::Order::total",
        "may now be null (already an `Option`)",
    );
}

#[test]
fn pattern_changes_are_classified_by_the_ids_they_accept() {
    assert_change(
        &[("shop_v1.yaml", "'^OR[0-9a-f]{8}$'", "'^OR[0-9]{8}$'")],
        Severity::Breaking,
        "shop_v1::OrderSid",
        "tightened",
    );
    assert_change(
        &[("shop_v1.yaml", "'^OR[0-9a-f]{8}$'", "'^OR[0-9a-fA-F]{8}$'")],
        Severity::Compatible,
        "shop_v1::OrderSid",
        "loosened",
    );
    assert_change(
        &[("shop_v1.yaml", "'^OR[0-9a-f]{8}$'", "'^OR[0-9a-f]{8,12}$'")],
        Severity::Compatible,
        "shop_v1::OrderSid",
        "loosened",
    );
    assert_change(
        &[("shop_v1.yaml", "'^OR[0-9a-f]{8}$'", "'^OX[0-9a-f]{8}$'")],
        Severity::Breaking,
        "shop_v1::OrderSid",
        "changed; some IDs it accepted before are refused",
    );
}

#[test]
fn enum_values_removed_break_and_added_ones_do_not() {
    // `OrderStatus` is a request parameter (ListOrders' Status) and a response field.
    assert_change(
        &[("shop_v1.yaml", "enum: [open, closed]", "enum: [open]")],
        Severity::Breaking,
        "shop_v1::OrderStatus::Closed",
        "enum value `closed` removed",
    );
    assert_change(
        &[(
            "shop_v1.yaml",
            "enum: [open, closed]",
            "enum: [open, closed, refunded]",
        )],
        Severity::Compatible,
        "shop_v1::OrderStatus::Refunded",
        "enum value `refunded` added",
    );
}

#[test]
fn host_changes_are_breaking() {
    assert_change(
        &[(
            "billing_v1.yaml",
            "https://billing.example.com",
            "https://invoices.example.com",
        )],
        Severity::Breaking,
        "twilio_api::Client::billing_v1",
        "host changed from `https://billing.example.com` to `https://invoices.example.com`",
    );
}

#[test]
fn docs_changes_are_compatible() {
    assert_change(
        &[(
            "shop_v1.yaml",
            "description: Total in cents.",
            "description: Total in cents, tax included.",
        )],
        Severity::Compatible,
        "shop_v1::Order::total",
        "docs changed",
    );
    assert_change(
        &[(
            "shop_v1.yaml",
            "summary: Fetch an order",
            "summary: Fetch one order",
        )],
        Severity::Compatible,
        "shop_v1::ShopV1::fetch_order",
        "docs changed",
    );
}

#[test]
fn a_shared_schema_change_is_reported_once_per_affected_model() {
    let changes = changes_after(&[(
        "common.yaml",
        "        email:\n          type: string\n",
        "",
    )]);
    let direct = only_direct(&changes);
    assert_eq!(
        (direct.severity, direct.item.to_string().as_str()),
        (Severity::Breaking, "common::Customer::email")
    );
    let mut affected: Vec<(&str, String)> = changes
        .iter()
        .filter(|c| c.via.is_some())
        .map(|c| (c.api.as_str(), c.item.to_string()))
        .collect();
    affected.sort();
    // `Order` uses `Customer` twice and `OrderPage` reaches it through `Order`: each once.
    assert_eq!(
        affected,
        [
            ("billing_v1", "billing_v1::Invoice".to_owned()),
            ("shop_v1", "shop_v1::Order".to_owned()),
            ("shop_v1", "shop_v1::OrderPage".to_owned())
        ]
    );
    for change in changes.iter().filter(|c| c.via.is_some()) {
        assert_eq!(change.severity, Severity::Breaking);
        assert_eq!(
            change.via.as_ref().map(ToString::to_string).as_deref(),
            Some("common::Customer")
        );
        assert!(
            change
                .message
                .starts_with("uses `common::Customer`, which changed: field `email` removed")
        );
    }
    // Docs changes do not ripple as "uses" lines; fields that show the type's description get
    // their own docs line.
    let docs = changes_after(&[(
        "common.yaml",
        "description: Who placed an order.",
        "description: The buyer.",
    )]);
    assert!(docs.iter().all(|c| c.via.is_none()
        && c.severity == Severity::Compatible
        && c.message == "docs changed"));
    assert!(
        docs.iter()
            .any(|c| c.item.to_string() == "common::Customer")
    );
    // Compatible changes to a shared type do not ripple either: nothing breaks for its users.
    let added = changes_after(&[(
        "common.yaml",
        "        email:\n",
        "        phone:\n          type: string\n        email:\n",
    )]);
    assert_eq!(added.len(), 1, "{added:#?}");
}

#[test]
fn markdown_has_a_summary_and_a_table_per_api() {
    let changes = changes_after(&[
        (
            "shop_v1.yaml",
            "enum: [open, closed]",
            "enum: [open, closed, refunded]",
        ),
        (
            "common.yaml",
            "        email:\n          type: string\n",
            "",
        ),
    ]);
    let compared = Compared {
        old: "`specs/` at `main` (`0123456789`)".to_owned(),
        new: "the working tree".to_owned(),
        old_place: Place::Folder("0123456789:specs/".to_owned()),
        new_place: Place::Folder("specs/".to_owned()),
    };
    let expected = "\
## Spec changes: 1 breaking (1 wire, 0 rust), 1 compatible

Comparing `specs/` at `main` (`0123456789`) with the working tree.

_wire_: what Twilio accepts or sends changes; _rust_: only the generated signature.

### `billing_v1`

| | impact | kind | change | Rust item | spec |
|---|---|---|---|---|---|
| **breaking** | wire | removed | uses `common::Customer`, which changed: field `email` removed | `billing_v1::Invoice` | `specs/billing_v1.yaml:31` |

### `common`

| | impact | kind | change | Rust item | spec |
|---|---|---|---|---|---|
| **breaking** | wire | removed | field `email` removed | `common::Customer::email` | `0123456789:specs/common.yaml:14` |

### `shop_v1`

| | impact | kind | change | Rust item | spec |
|---|---|---|---|---|---|
| compatible | wire | added | enum value `refunded` added | `shop_v1::OrderStatus::Refunded` | `specs/shop_v1.yaml:52` |
| **breaking** | wire | removed | uses `common::Customer`, which changed: field `email` removed | `shop_v1::Order` | `specs/shop_v1.yaml:69` |
| **breaking** | wire | removed | uses `common::Customer`, which changed: field `email` removed | `shop_v1::OrderPage` | `specs/shop_v1.yaml:76` |
";
    assert_eq!(markdown(&compared, &changes), expected);
}

// --- Against a git repository -------------------------------------------------------------

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "-c",
            "user.name=test",
            "-c",
            "user.email=test@example.com",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&status.stderr)
    );
}

fn run_diff(repo: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .arg("diff")
        .args(args)
        .current_dir(repo)
        .output()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn base_revisions_are_read_from_git() {
    let repo = tempfile::tempdir().unwrap();
    let specs = repo.path().join("specs");
    fs::create_dir_all(&specs).unwrap();
    for entry in fs::read_dir(fixture()).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, specs.join(path.file_name().unwrap())).unwrap();
    }
    git(repo.path(), &["init", "-q"]);
    git(repo.path(), &["add", "."]);
    git(repo.path(), &["commit", "-qm", "specs"]);

    // Nothing changed: exit 0.
    let (code, stdout, _) = run_diff(repo.path(), &[]);
    assert_eq!(code, Some(0));
    assert!(stdout.contains("0 breaking, 0 compatible"), "{stdout}");
    assert!(stdout.contains("the merge base with `main`"), "{stdout}");

    // A compatible change in the working tree: exit 0.
    let shop = specs.join("shop_v1.yaml");
    let text = fs::read_to_string(&shop).unwrap();
    fs::write(
        &shop,
        text.replace("enum: [open, closed]", "enum: [open, closed, refunded]"),
    )
    .unwrap();
    let (code, stdout, _) = run_diff(repo.path(), &["--base", "HEAD"]);
    assert_eq!(code, Some(0), "{stdout}");
    assert!(stdout.contains("0 breaking, 1 compatible"), "{stdout}");

    // Committed on a branch, then a breaking change on top: against main, both show; exit 3.
    git(repo.path(), &["checkout", "-qb", "feature"]);
    git(repo.path(), &["commit", "-qam", "refunded"]);
    fs::write(
        &shop,
        fs::read_to_string(&shop).unwrap().replace(ORDER_NOTE, ""),
    )
    .unwrap();
    let (code, stdout, _) = run_diff(repo.path(), &[]);
    assert_eq!(code, Some(3), "{stdout}");
    assert!(
        stdout.contains("1 breaking (1 wire, 0 rust), 1 compatible"),
        "{stdout}"
    );
    let (code, json, _) = run_diff(repo.path(), &["--base", "HEAD", "--format", "json"]);
    assert_eq!(code, Some(3));
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(report["breaking"], 1);
    assert_eq!(report["changes"][0]["item"], "shop_v1::Order::note");
    assert_eq!(report["changes"][0]["location"]["side"], "base");

    // Errors: an unknown revision, and a revision whose specs do not load.
    let (code, _, stderr) = run_diff(repo.path(), &["--base", "no-such-rev"]);
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains("unknown base revision `no-such-rev`"),
        "{stderr}"
    );
    fs::write(
        specs.join("billing_v1.yaml"),
        "openapi: 3.0.3\ninfo: [broken\n",
    )
    .unwrap();
    git(repo.path(), &["commit", "-qam", "broken"]);
    let (code, _, stderr) = run_diff(repo.path(), &["--base", "HEAD"]);
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains("the specs at `HEAD` do not load"),
        "{stderr}"
    );
    assert!(
        stderr.contains("HEAD:specs/billing_v1.yaml:3: invalid YAML"),
        "{stderr}"
    );
}

#[test]
fn authentication_and_personal_data_changes_are_classified() {
    assert_change(
        &[
            (
                "billing_v1.yaml",
                "      operationId: FetchInvoice\n",
                "      operationId: FetchInvoice\n      security:\n        - bearer: []\n",
            ),
            (
                "billing_v1.yaml",
                "components:\n  schemas:\n",
                "components:\n  securitySchemes:\n    bearer:\n      type: http\n      scheme: bearer\n  schemas:\n",
            ),
        ],
        Severity::Breaking,
        "billing_v1::BillingV1::fetch_invoice",
        "authentication changed from none to bearer token",
    );
    assert_change(
        &[(
            "billing_v1.yaml",
            "        amount:\n          type: integer\n",
            "        amount:\n          type: integer\n          x-twilio:\n            pii:\n              handling: standard\n",
        )],
        Severity::Compatible,
        "billing_v1::Invoice::amount",
        "personal-data marking changed from unmarked to personal (standard)",
    );
    assert_change(
        &[(
            "billing_v1.yaml",
            "        amount:\n          type: integer\n",
            "        amount:\n          type: integer\n          x-twilio:\n            pii:\n              handling: sensitive\n",
        )],
        Severity::Compatible,
        "billing_v1::Invoice::amount",
        "personal-data marking changed from unmarked to personal (sensitive)",
    );
}

#[test]
fn union_variants_removed_break_and_added_do_not() {
    let invoice = "        amount:\n          type: integer\n";
    let union = |variants: &str| format!("{invoice}        payer:\n          oneOf:\n{variants}");
    let card = "            - $ref: '#/components/schemas/Card'\n";
    let bank = "            - $ref: '#/components/schemas/Bank'\n";
    let schemas = "components:\n  schemas:\n";
    let cash = "            - $ref: '#/components/schemas/Cash'\n";
    let defs = "components:\n  schemas:\n    Card:\n      type: object\n      properties:\n        last4:\n          type: string\n    Bank:\n      type: object\n      properties:\n        iban:\n          type: string\n    Cash:\n      type: object\n      properties:\n        till:\n          type: string\n";
    let both = union(&format!("{card}{bank}{cash}"));
    let base = edited(&[
        ("billing_v1.yaml", invoice, &both),
        ("billing_v1.yaml", schemas, defs),
    ]);
    let card_only = union(&format!("{card}{cash}"));
    let head = edited(&[
        ("billing_v1.yaml", invoice, &card_only),
        ("billing_v1.yaml", schemas, defs),
    ]);
    let removed = compare(&model(base.path()), &model(head.path()));
    common::semver::cross_check("union variant removed", base.path(), head.path(), &removed);
    // `Bank` was reached only through the variant: it is no longer generated either.
    let lines: Vec<(Severity, String)> = removed
        .iter()
        .filter(|c| c.via.is_none())
        .map(|c| (c.severity, c.item.to_string()))
        .collect();
    assert_eq!(
        lines,
        [
            (Severity::Breaking, "billing_v1::Bank".to_owned()),
            (
                Severity::Breaking,
                "billing_v1::InvoicePayer::Bank".to_owned()
            ),
        ],
        "{removed:#?}"
    );
    let added = compare(&model(head.path()), &model(base.path()));
    common::semver::cross_check("union variant added", head.path(), base.path(), &added);
    assert!(
        added.iter().all(|c| c.severity == Severity::Compatible),
        "{added:#?}"
    );
    assert!(
        added.iter().any(|c| c.message.contains("variant `Bank`")),
        "{added:#?}"
    );
}
