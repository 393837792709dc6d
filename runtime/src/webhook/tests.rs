use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use proptest::prelude::*;

use super::*;

const TOKEN: &str = "12345";
const URL: &str = "https://mycompany.com/myapp.php?foo=1&bar=2";
const PARAMS: [(&str, &str); 5] = [
    ("CallSid", "CA1234567890ABCDE"),
    ("Caller", "+14158675309"),
    ("Digits", "1234"),
    ("From", "+14158675309"),
    ("To", "+18005551212"),
];
const EXPECTED: &str = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

/// The JSON vector of twilio-python's tests (body, its hash, signature over URL + hash).
const JSON_BODY: &str = r#"{"property": "value", "boolean": true}"#;
const JSON_BODY_HASH: &str = "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";
const JSON_EXPECTED: &str = "a9nBmqA0ju/hNViExpshrM61xv4=";

fn validator() -> RequestValidator {
    RequestValidator::new(TOKEN)
}

/// HMAC-SHA1 straight over `data`, independent of the parameter handling under test.
fn reference(token: &str, data: &str) -> String {
    let mut mac = HmacSha1::new_from_slice(token.as_bytes()).unwrap();
    mac.update(data.as_bytes());
    BASE64.encode(mac.finalize().into_bytes())
}

fn json_url() -> String {
    format!("{URL}&bodySHA256={JSON_BODY_HASH}")
}

// ----- Twilio's vectors -----

#[test]
fn twilio_documented_vector() {
    let v = validator();
    assert_eq!(v.signature(URL, PARAMS), EXPECTED);
    assert_eq!(v.validate(URL, PARAMS, EXPECTED), Ok(()));
}

#[test]
fn vectors_computed_with_twilio_python_algorithm() {
    // Computed with twilio-python's `compute_signature` (sorted(set(names)), sorted(set(values))).
    let v = validator();
    let repeated = [("b", "2"), ("a", "z"), ("a", "y"), ("a", "y"), ("c", "")];
    assert_eq!(
        v.signature("https://example.com/sms", repeated),
        "8T3KRQoSKyonvPHu2wMHRa3d5cI="
    );
    let unicode = [("Body", "héllo 👋 wörld"), ("From", "+1555")];
    assert_eq!(
        v.signature("https://example.com/sms", unicode),
        "ovPFBAArP472MS50stQEB0MIU5Y="
    );
}

#[test]
fn long_token_is_hashed_like_hmac_does() {
    // Longer than SHA-1's 64-byte block: HMAC hashes the key first.
    let token = "t".repeat(100);
    let v = RequestValidator::new(&token);
    assert_eq!(v.signature(URL, PARAMS), "8q4lnaqkqBNiVDFyMywvBtQnM2w=");
    // And every length around the block size agrees with hmac's own key handling.
    for len in [0, 1, 63, 64, 65, 128] {
        let token = "k".repeat(len);
        let v = RequestValidator::new(token.as_str());
        assert_eq!(v.signature(URL, NO_PARAMS), reference(&token, URL), "{len}");
    }
}

#[test]
fn json_vector_from_twilio_python() {
    let v = validator();
    assert_eq!(body_hash(JSON_BODY), JSON_BODY_HASH);
    assert_eq!(v.signature(&json_url(), NO_PARAMS), JSON_EXPECTED);
    assert_eq!(
        v.validate_body(&json_url(), JSON_BODY, JSON_EXPECTED),
        Ok(())
    );
}

// ----- params: shapes accepted, sorting, repeats -----

#[test]
fn accepts_every_param_shape() {
    let v = validator();
    let owned: Vec<(String, String)> = PARAMS
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    let hash: HashMap<String, String> = owned.iter().cloned().collect();
    let btree: BTreeMap<&str, &str> = PARAMS.into_iter().collect();
    let slice: &[(&str, &str)] = &PARAMS;
    let encoded = "CallSid=CA1234567890ABCDE&Caller=%2B14158675309&Digits=1234\
                   &From=%2B14158675309&To=%2B18005551212";
    let cows: Vec<(Cow<'_, str>, Cow<'_, str>)> =
        url::form_urlencoded::parse(encoded.as_bytes()).collect();

    assert_eq!(v.validate(URL, PARAMS, EXPECTED), Ok(()));
    assert_eq!(v.validate(URL, &PARAMS, EXPECTED), Ok(()));
    assert_eq!(v.validate(URL, slice, EXPECTED), Ok(()));
    assert_eq!(v.validate(URL, &owned, EXPECTED), Ok(()));
    assert_eq!(v.validate(URL, owned.iter(), EXPECTED), Ok(()));
    assert_eq!(v.validate(URL, &hash, EXPECTED), Ok(()));
    assert_eq!(v.validate(URL, &btree, EXPECTED), Ok(()));
    assert_eq!(v.validate(URL, btree, EXPECTED), Ok(()));
    assert_eq!(v.validate(URL, hash, EXPECTED), Ok(()));
    assert_eq!(v.validate(URL, owned, EXPECTED), Ok(()));
    assert_eq!(v.validate(URL, cows, EXPECTED), Ok(()));
    assert_eq!(
        v.validate(
            URL,
            url::form_urlencoded::parse(encoded.as_bytes()),
            EXPECTED
        ),
        Ok(())
    );
}

#[test]
fn params_are_sorted_by_name_bytewise_and_concatenated() {
    let v = validator();
    let mut shuffled = PARAMS;
    shuffled.reverse();
    assert_eq!(v.signature(URL, shuffled), EXPECTED);
    // Byte order: uppercase before lowercase, so "CallSid" < "Caller".
    let data = format!(
        "{URL}CallSidCA1234567890ABCDECaller+14158675309Digits1234From+14158675309To+18005551212"
    );
    assert_eq!(reference(TOKEN, &data), EXPECTED);
    assert_eq!(
        v.signature(URL, [("b", "1"), ("B", "2"), ("a", "3")]),
        reference(TOKEN, &format!("{URL}B2a3b1"))
    );
}

#[test]
fn repeated_names_include_all_values_sorted() {
    let v = validator();
    let url = "https://example.com/sms";
    let expected = reference(TOKEN, &format!("{url}Media2aMediaa1Mediab0To+1"));
    let params = [
        ("To", "+1"),
        ("Media", "b0"),
        ("Media", "2a"),
        ("Media", "a1"),
    ];
    assert_eq!(v.signature(url, params), expected);
    assert_eq!(v.validate(url, params, &expected), Ok(()));
    // Dropping one of the values breaks it.
    assert_eq!(
        v.validate(
            url,
            [("To", "+1"), ("Media", "b0"), ("Media", "a1")],
            &expected
        ),
        Err(SignatureError::SignatureMismatch)
    );
}

#[test]
fn identical_pairs_count_once() {
    let v = validator();
    let url = "https://example.com/sms";
    let once = reference(TOKEN, &format!("{url}a1"));
    let twice = reference(TOKEN, &format!("{url}a1a1"));
    assert_eq!(v.signature(url, [("a", "1"), ("a", "1")]), once);
    assert_eq!(v.validate(url, [("a", "1"), ("a", "1")], &once), Ok(()));
    assert_eq!(
        v.validate(url, [("a", "1"), ("a", "1")], &twice),
        Err(SignatureError::SignatureMismatch)
    );
}

#[test]
fn query_string_is_part_of_the_url_not_the_params() {
    let v = validator();
    let with_query = "https://example.com/sms?x=1&y=2";
    let sig = v.signature(with_query, [("Body", "hi")]);
    assert_eq!(sig, reference(TOKEN, &format!("{with_query}Bodyhi")));
    // Moving the query into the params is a different signature.
    assert_ne!(
        sig,
        v.signature(
            "https://example.com/sms",
            [("Body", "hi"), ("x", "1"), ("y", "2")]
        )
    );
    // The query is signed as written, not re-encoded or reordered.
    assert_eq!(
        v.validate("https://example.com/sms?y=2&x=1", [("Body", "hi")], &sig),
        Err(SignatureError::SignatureMismatch)
    );
    let raw = "https://example.com/sms?q=a b";
    let raw_sig = v.signature(raw, NO_PARAMS);
    assert_eq!(v.validate(raw, NO_PARAMS, &raw_sig), Ok(()));
    assert_eq!(
        v.validate("https://example.com/sms?q=a%20b", NO_PARAMS, &raw_sig),
        Err(SignatureError::SignatureMismatch)
    );
}

// ----- ports and credentials -----

#[test]
fn default_port_either_way() {
    let v = validator();
    let pairs = [
        (
            "https://mycompany.com/myapp.php?foo=1",
            "https://mycompany.com:443/myapp.php?foo=1",
        ),
        (
            "http://mycompany.com/myapp.php",
            "http://mycompany.com:80/myapp.php",
        ),
        ("HTTPS://mycompany.com", "HTTPS://mycompany.com:443"),
        ("https://mycompany.com?a=b", "https://mycompany.com:443?a=b"),
        ("https://[::1]/x", "https://[::1]:443/x"),
        (
            "https://u:p@mycompany.com/x",
            "https://u:p@mycompany.com:443/x",
        ),
    ];
    for (without, with) in pairs {
        let signed_without = v.signature(without, PARAMS);
        let signed_with = v.signature(with, PARAMS);
        assert_ne!(signed_without, signed_with);
        assert_eq!(v.validate(with, PARAMS, &signed_without), Ok(()), "{with}");
        assert_eq!(
            v.validate(without, PARAMS, &signed_with),
            Ok(()),
            "{without}"
        );
        assert_eq!(v.validate(with, PARAMS, &signed_with), Ok(()));
        assert_eq!(v.validate(without, PARAMS, &signed_without), Ok(()));
    }
}

#[test]
fn non_default_ports_are_never_added_or_removed() {
    let v = validator();
    let no_port = v.signature("https://mycompany.com/x", PARAMS);
    let default_port = v.signature("https://mycompany.com:443/x", PARAMS);
    let other_port = v.signature("https://mycompany.com:8443/x", PARAMS);
    let mismatch = Err(SignatureError::SignatureMismatch);
    for sig in [&no_port, &default_port] {
        assert_eq!(
            v.validate("https://mycompany.com:8443/x", PARAMS, sig),
            mismatch
        );
        assert_eq!(
            v.validate("https://mycompany.com:80/x", PARAMS, sig),
            mismatch
        );
    }
    assert_eq!(
        v.validate("https://mycompany.com/x", PARAMS, &other_port),
        mismatch
    );
    assert_eq!(
        v.validate("https://mycompany.com:443/x", PARAMS, &other_port),
        mismatch
    );
    assert_eq!(
        v.validate("https://mycompany.com:8443/x", PARAMS, &other_port),
        Ok(())
    );
    // :443 is not http's default.
    let http_443 = v.signature("http://mycompany.com:443/x", PARAMS);
    assert_eq!(
        v.validate("http://mycompany.com/x", PARAMS, &http_443),
        mismatch
    );
}

#[test]
fn default_port_twin_shapes() {
    assert_eq!(
        default_port_twin("https://h/p").as_deref(),
        Some("https://h:443/p")
    );
    assert_eq!(
        default_port_twin("https://h:443/p").as_deref(),
        Some("https://h/p")
    );
    assert_eq!(
        default_port_twin("https://h:0443").as_deref(),
        Some("https://h")
    );
    assert_eq!(
        default_port_twin("https://a:b@c@h#f").as_deref(),
        Some("https://a:b@c@h:443#f")
    );
    assert_eq!(
        default_port_twin("https://[::1]:443?q").as_deref(),
        Some("https://[::1]?q")
    );
    for odd in [
        "ftp://h/p",
        "https://h:8443/p",
        "https://h:/p",
        "https://h:+443/p",
        "https://:443/p",
        "https:///p",
        "https://[::1",
        "https://[::1]x/",
        "mycompany.com/myapp.php",
        "",
    ] {
        assert_eq!(default_port_twin(odd), None, "{odd}");
    }
}

#[test]
fn credentials_are_signed_as_written() {
    let v = validator();
    let with_credentials = "https://user:pa%40ss@mycompany.com/x";
    let sig = v.signature(with_credentials, PARAMS);
    assert_eq!(
        sig,
        v.sign(with_credentials, &sorted_pairs(&PARAMS)),
        "URL signed verbatim"
    );
    assert_eq!(v.validate(with_credentials, PARAMS, &sig), Ok(()));
    assert_eq!(
        v.validate("https://mycompany.com/x", PARAMS, &sig),
        Err(SignatureError::SignatureMismatch)
    );
    assert_eq!(
        v.validate("https://user:pa%40ss@mycompany.com:443/x", PARAMS, &sig),
        Ok(())
    );
}

// ----- mismatches -----

#[test]
fn any_change_is_a_mismatch() {
    let v = validator();
    let mismatch = Err(SignatureError::SignatureMismatch);
    let mut changed_value = PARAMS;
    changed_value[2] = ("Digits", "1235");
    let mut changed_name = PARAMS;
    changed_name[2] = ("digits", "1234");
    let mut added = PARAMS.to_vec();
    added.push(("Extra", ""));
    assert_eq!(v.validate(URL, changed_value, EXPECTED), mismatch);
    assert_eq!(v.validate(URL, changed_name, EXPECTED), mismatch);
    assert_eq!(v.validate(URL, &added, EXPECTED), mismatch);
    assert_eq!(v.validate(URL, &PARAMS[1..], EXPECTED), mismatch);
    assert_eq!(v.validate(URL, NO_PARAMS, EXPECTED), mismatch);
    for url in [
        "https://mycompany.com/myapp.php?foo=1&bar=3",
        "https://mycompany.com/myapp.php?foo=1",
        "https://mycompany.com/myapp.php",
        "http://mycompany.com/myapp.php?foo=1&bar=2",
        "https://mycompany.com/other.php?foo=1&bar=2",
        "https://MyCompany.com/myapp.php?foo=1&bar=2",
        "https://mycompany.com/myapp.php?foo=1&bar=2#f",
    ] {
        assert_eq!(v.validate(url, PARAMS, EXPECTED), mismatch, "{url}");
    }
    assert_eq!(
        RequestValidator::new("12346").validate(URL, PARAMS, EXPECTED),
        mismatch
    );
    for sig in [
        "rsoydt4t1cutdk1pdd93/vvr8b8=",
        "RSOYDt4T1cUTdK1PDd93/VVr8B8",
        "RSOYDt4T1cUTdK1PDd93/VVr8B8= ",
        " RSOYDt4T1cUTdK1PDd93/VVr8B8=",
        "RSOYDt4T1cUTdK1PDd93/VVr8B8==",
        "x",
    ] {
        assert_eq!(v.validate(URL, PARAMS, sig), mismatch, "{sig}");
    }
}

#[test]
fn empty_signature() {
    let v = validator();
    assert_eq!(
        v.validate(URL, PARAMS, ""),
        Err(SignatureError::EmptySignature)
    );
    assert_eq!(
        v.validate_body(&json_url(), JSON_BODY, ""),
        Err(SignatureError::EmptySignature)
    );
}

// ----- JSON bodies -----

#[test]
fn json_body_hash_checks() {
    let v = validator();
    let url = json_url();
    assert_eq!(
        v.validate_body(&url, format!("{JSON_BODY} "), JSON_EXPECTED),
        Err(SignatureError::BodyHashMismatch)
    );
    assert_eq!(
        v.validate_body(&url, b"", JSON_EXPECTED),
        Err(SignatureError::BodyHashMismatch)
    );
    // Valid hash but the URL was not signed by this token.
    assert_eq!(
        RequestValidator::new("other").validate_body(&url, JSON_BODY, JSON_EXPECTED),
        Err(SignatureError::SignatureMismatch)
    );
    // Missing hash parameter, even with a signature valid over that URL.
    let sig = v.signature(URL, NO_PARAMS);
    assert_eq!(
        v.validate_body(URL, JSON_BODY, &sig),
        Err(SignatureError::MissingBodyHash)
    );
    assert_eq!(
        v.validate_body("https://example.com/x?bodysha256=abc", JSON_BODY, &sig),
        Err(SignatureError::MissingBodyHash)
    );
    // Empty value: present but wrong.
    let empty = "https://example.com/x?bodySHA256=";
    assert_eq!(
        v.validate_body(empty, JSON_BODY, &v.signature(empty, NO_PARAMS)),
        Err(SignatureError::BodyHashMismatch)
    );
    // Body params are not part of a JSON signature.
    assert_eq!(
        v.validate_body(&url, JSON_BODY, &v.signature(&url, [("a", "b")])),
        Err(SignatureError::SignatureMismatch)
    );
}

#[test]
fn json_body_hash_accepts_uppercase_and_ports() {
    let v = validator();
    let upper = format!("{URL}&bodySHA256={}", JSON_BODY_HASH.to_ascii_uppercase());
    let sig = v.signature(&upper, NO_PARAMS);
    assert_eq!(v.validate_body(&upper, JSON_BODY, &sig), Ok(()));
    // The signature still covers the URL's exact spelling.
    assert_eq!(
        v.validate_body(&json_url(), JSON_BODY, &sig),
        Err(SignatureError::SignatureMismatch)
    );
    let with_port =
        format!("https://mycompany.com:443/myapp.php?foo=1&bar=2&bodySHA256={JSON_BODY_HASH}");
    assert_eq!(
        v.validate_body(&with_port, JSON_BODY, JSON_EXPECTED),
        Ok(())
    );
    // Fragment is not part of the hash value; a later duplicate is ignored.
    assert_eq!(
        body_hash_param("https://x/?bodySHA256=ab#cd&bodySHA256=ef").as_deref(),
        Some("ab")
    );
    assert_eq!(
        body_hash_param("https://x/?bodySHA256=ab&bodySHA256=ef").as_deref(),
        Some("ab")
    );
    assert_eq!(body_hash_param("https://x/#?bodySHA256=ab"), None);
}

// ----- no secrets in output -----

#[test]
fn debug_and_display_never_show_token_or_signature() {
    let token = "SeCrEt-T0k3n-zq9x";
    let v = RequestValidator::new(token);
    let sig = v.signature(URL, PARAMS);
    let cloned = v.clone();
    for text in [format!("{v:?}"), format!("{v:#?}"), format!("{cloned:?}")] {
        assert!(!text.contains(token), "{text}");
        assert!(!text.contains(&sig), "{text}");
    }
    let errors = [
        v.validate(URL, PARAMS, "bad").unwrap_err(),
        v.validate(URL, PARAMS, "").unwrap_err(),
        v.validate_body(URL, JSON_BODY, &sig).unwrap_err(),
        v.validate_body(&json_url(), "x", &v.signature(&json_url(), NO_PARAMS))
            .unwrap_err(),
        SignatureError::MissingSignatureHeader,
        SignatureError::InvalidUrl,
        SignatureError::InvalidFormBody,
    ];
    for error in errors {
        for text in [format!("{error}"), format!("{error:?}")] {
            assert!(!text.contains(token), "{text}");
            assert!(!text.contains(&sig), "{text}");
            assert!(!text.contains("mycompany"), "{text}");
        }
        assert!(!error.to_string().is_empty());
    }
}

#[test]
fn error_is_a_std_error_send_sync_static() {
    fn assert_error<E: std::error::Error + Send + Sync + 'static>() {}
    fn assert_send_sync<T: Send + Sync + Clone + 'static>() {}
    assert_error::<SignatureError>();
    assert_send_sync::<RequestValidator>();
    let boxed: Box<dyn std::error::Error + Send + Sync> =
        Box::new(SignatureError::SignatureMismatch);
    assert_eq!(
        boxed.to_string(),
        "the Twilio signature does not match the request"
    );
}

// ----- form decoding -----

#[test]
fn form_decoding() {
    let parsed = parse_form(b"a=1&b=x+y%2Bz&&c&d==e&%41%zz=%e2%82%ac&=v").unwrap();
    let expected = [
        ("a", "1"),
        ("b", "x y+z"),
        ("c", ""),
        ("d", "=e"),
        ("A%zz", "€"),
        ("", "v"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    assert_eq!(parsed, expected);
    assert_eq!(parse_form(b"").unwrap(), Vec::new());
    assert_eq!(parse_form(b"a=%"), Ok(vec![("a".into(), "%".into())]));
    assert_eq!(parse_form(b"a=%4"), Ok(vec![("a".into(), "%4".into())]));
    assert_eq!(parse_form(b"a=%ff"), Err(SignatureError::InvalidFormBody));
    assert_eq!(parse_form(b"a=\xff"), Err(SignatureError::InvalidFormBody));
    assert_eq!(parse_form(b"%C3=1"), Err(SignatureError::InvalidFormBody));
}

// ----- http adapter -----

const FORM_BODY: &str = "CallSid=CA1234567890ABCDE&Caller=%2B14158675309&Digits=1234\
                         &From=%2B14158675309&To=%2B18005551212";

fn form_request<B>(content_type: &str, signature: &str, body: B) -> http::Request<B> {
    http::Request::post("/myapp.php?foo=1&bar=2")
        .header("Content-Type", content_type)
        .header("X-Twilio-Signature", signature)
        .body(body)
        .unwrap()
}

#[test]
fn http_form_request() {
    let v = validator();
    let form = "application/x-www-form-urlencoded";
    let base = "https://mycompany.com";
    assert_eq!(
        v.validate_request(&form_request(form, EXPECTED, FORM_BODY.to_owned()), base),
        Ok(())
    );
    assert_eq!(
        v.validate_request(
            &form_request(form, EXPECTED, FORM_BODY.as_bytes().to_vec()),
            base
        ),
        Ok(())
    );
    assert_eq!(
        v.validate_request(
            &form_request(form, EXPECTED, bytes::Bytes::from(FORM_BODY)),
            base
        ),
        Ok(())
    );
    assert_eq!(
        v.validate_request(
            &form_request(form, EXPECTED, FORM_BODY),
            "https://mycompany.com/"
        ),
        Ok(())
    );
    assert_eq!(
        v.validate_request(
            &form_request(form, EXPECTED, FORM_BODY),
            "https://mycompany.com:443"
        ),
        Ok(())
    );
    // A changed body or a different public host fails.
    let tampered = FORM_BODY.replace("Digits=1234", "Digits=9999");
    assert_eq!(
        v.validate_request(&form_request(form, EXPECTED, tampered), base),
        Err(SignatureError::SignatureMismatch)
    );
    assert_eq!(
        v.validate_request(
            &form_request(form, EXPECTED, FORM_BODY),
            "https://other.com"
        ),
        Err(SignatureError::SignatureMismatch)
    );
    assert_eq!(
        v.validate_request(&form_request(form, EXPECTED, "a=%ff"), base),
        Err(SignatureError::InvalidFormBody)
    );
}

#[test]
fn http_content_type_with_charset_and_case() {
    let v = validator();
    for content_type in [
        "application/x-www-form-urlencoded; charset=UTF-8",
        "application/x-www-form-urlencoded;charset=utf-8",
        "Application/X-WWW-Form-Urlencoded",
        " application/x-www-form-urlencoded ; charset=\"utf-8\"",
    ] {
        let request = form_request(content_type, EXPECTED, FORM_BODY);
        assert_eq!(
            v.validate_request(&request, "https://mycompany.com"),
            Ok(()),
            "{content_type}"
        );
    }
    // Not form-encoded and no bodySHA256: the body is not covered.
    let request = form_request("text/plain", EXPECTED, FORM_BODY);
    assert_eq!(
        v.validate_request(&request, "https://mycompany.com"),
        Err(SignatureError::MissingBodyHash)
    );
}

#[test]
fn http_header_name_is_case_insensitive() {
    let v = validator();
    for name in ["x-twilio-signature", "X-TWILIO-SIGNATURE", SIGNATURE_HEADER] {
        let request = http::Request::post("/myapp.php?foo=1&bar=2")
            .header("content-type", "application/x-www-form-urlencoded")
            .header(name, EXPECTED)
            .body(FORM_BODY)
            .unwrap();
        assert_eq!(
            v.validate_request(&request, "https://mycompany.com"),
            Ok(())
        );
    }
}

#[test]
fn http_json_request() {
    let v = validator();
    let request = http::Request::post(format!(
        "/myapp.php?foo=1&bar=2&bodySHA256={JSON_BODY_HASH}"
    ))
    .header("Content-Type", "application/json")
    .header("X-Twilio-Signature", JSON_EXPECTED)
    .body(JSON_BODY.as_bytes().to_vec())
    .unwrap();
    assert_eq!(
        v.validate_request(&request, "https://mycompany.com"),
        Ok(())
    );

    let tampered = request.map(|mut body| {
        body.push(b' ');
        body
    });
    assert_eq!(
        v.validate_request(&tampered, "https://mycompany.com"),
        Err(SignatureError::BodyHashMismatch)
    );

    let unhashed = http::Request::post("/myapp.php?foo=1&bar=2")
        .header("Content-Type", "application/json")
        .header("X-Twilio-Signature", v.signature(URL, NO_PARAMS))
        .body(JSON_BODY)
        .unwrap();
    assert_eq!(
        v.validate_request(&unhashed, "https://mycompany.com"),
        Err(SignatureError::MissingBodyHash)
    );
}

#[test]
fn http_missing_and_empty_header() {
    let v = validator();
    let request = http::Request::post("/myapp.php?foo=1&bar=2")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(FORM_BODY)
        .unwrap();
    assert_eq!(
        v.validate_request(&request, "https://mycompany.com"),
        Err(SignatureError::MissingSignatureHeader)
    );
    assert_eq!(
        v.validate_request_at_url(&request, URL),
        Err(SignatureError::MissingSignatureHeader)
    );
    let empty = form_request("application/x-www-form-urlencoded", "", "a=%ff");
    assert_eq!(
        v.validate_request(&empty, "https://mycompany.com"),
        Err(SignatureError::EmptySignature)
    );
    let opaque = http::Request::post("/myapp.php?foo=1&bar=2")
        .header(
            "X-Twilio-Signature",
            http::HeaderValue::from_bytes(b"\xffRSOY").unwrap(),
        )
        .body(FORM_BODY)
        .unwrap();
    assert_eq!(
        v.validate_request(&opaque, "https://mycompany.com"),
        Err(SignatureError::SignatureMismatch)
    );
}

#[test]
fn http_public_base_with_path_prefix() {
    let v = validator();
    // A proxy at https://mycompany.com/twilio forwards /twilio/sms as /sms.
    let public_url = "https://mycompany.com/twilio/sms?x=1";
    let params = [("Body", "hello"), ("From", "+14158675309")];
    let sig = v.signature(public_url, params);
    let request = http::Request::post("/sms?x=1")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Twilio-Signature", &sig)
        .body("Body=hello&From=%2B14158675309")
        .unwrap();
    for base in [
        "https://mycompany.com/twilio",
        "https://mycompany.com/twilio/",
        " https://mycompany.com/twilio ",
    ] {
        assert_eq!(v.validate_request(&request, base), Ok(()), "{base}");
    }
    assert_eq!(
        v.validate_request(&request, "https://mycompany.com"),
        Err(SignatureError::SignatureMismatch)
    );
    assert_eq!(v.validate_request_at_url(&request, public_url), Ok(()));
}

#[test]
fn http_uses_only_path_and_query_of_the_request_uri() {
    let v = validator();
    // HTTP/2 servers hand over an absolute URI with the internal authority.
    let request = http::Request::post("http://10.0.0.7:8080/myapp.php?foo=1&bar=2")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Host", "internal")
        .header("X-Twilio-Signature", EXPECTED)
        .body(FORM_BODY)
        .unwrap();
    assert_eq!(
        v.validate_request(&request, "https://mycompany.com"),
        Ok(())
    );
    assert_eq!(v.validate_request_at_url(&request, URL), Ok(()));
}

#[test]
fn http_get_without_body() {
    let v = validator();
    let url = "https://mycompany.com/status?CallSid=CA1&CallStatus=completed";
    let sig = v.signature(url, NO_PARAMS);
    let request = http::Request::get("/status?CallSid=CA1&CallStatus=completed")
        .header("X-Twilio-Signature", &sig)
        .body(Vec::new())
        .unwrap();
    assert_eq!(
        v.validate_request(&request, "https://mycompany.com"),
        Ok(())
    );
    let other = http::Request::get("/status?CallSid=CA2&CallStatus=completed")
        .header("X-Twilio-Signature", &sig)
        .body(Vec::new())
        .unwrap();
    assert_eq!(
        v.validate_request(&other, "https://mycompany.com"),
        Err(SignatureError::SignatureMismatch)
    );
}

#[test]
fn http_invalid_public_base() {
    let v = validator();
    let request = form_request("application/x-www-form-urlencoded", EXPECTED, FORM_BODY);
    for base in [
        "",
        "mycompany.com",
        "/myapp",
        "ftp://mycompany.com",
        "mailto:x@mycompany.com",
        "https://mycompany.com/?a=1",
        "https://mycompany.com?",
        "https://mycompany.com/#top",
        "https://",
    ] {
        assert_eq!(
            v.validate_request(&request, base),
            Err(SignatureError::InvalidUrl),
            "{base:?}"
        );
    }
}

#[test]
fn join_public_url_shapes() {
    let uri = |s: &str| s.parse::<http::Uri>().unwrap();
    assert_eq!(
        join_public_url("https://a.com", &uri("/")).unwrap(),
        "https://a.com/"
    );
    assert_eq!(
        join_public_url("https://a.com:8443/p/", &uri("/x?y=%20z")).unwrap(),
        "https://a.com:8443/p/x?y=%20z"
    );
    assert_eq!(
        join_public_url("https://u:p@a.com", &uri("a.com:443")).unwrap(),
        "https://u:p@a.com/"
    );
    assert_eq!(
        join_public_url("https://a.com", &uri("*")).unwrap(),
        "https://a.com/*"
    );
}

// ----- properties -----

fn params_strategy() -> impl Strategy<Value = Vec<(String, String)>> {
    proptest::collection::vec((any::<String>(), any::<String>()), 0..12)
}

fn url_strategy() -> impl Strategy<Value = String> {
    (
        prop_oneof![Just("https"), Just("http")],
        "[a-z0-9.-]{1,20}",
        proptest::option::of(prop_oneof![Just(80u16), Just(443u16), any::<u16>()]),
        "(/[a-zA-Z0-9%._~-]{0,10}){0,3}",
        proptest::option::of("[a-zA-Z0-9=&%+]{0,20}"),
    )
        .prop_map(|(scheme, host, port, path, query)| {
            let port = port.map(|p| format!(":{p}")).unwrap_or_default();
            let query = query.map(|q| format!("?{q}")).unwrap_or_default();
            format!("{scheme}://{host}{port}{path}{query}")
        })
}

proptest! {
    #[test]
    fn signature_always_validates(url in url_strategy(), params in params_strategy()) {
        let v = validator();
        let sig = v.signature(&url, &params);
        prop_assert_eq!(v.validate(&url, &params, &sig), Ok(()));
    }

    #[test]
    fn param_order_does_not_matter(
        url in url_strategy(),
        (params, shuffled) in params_strategy()
            .prop_flat_map(|p| (Just(p.clone()), Just(p).prop_shuffle())),
    ) {
        let v = validator();
        let sig = v.signature(&url, &params);
        prop_assert_eq!(v.signature(&url, &shuffled), sig.clone());
        prop_assert_eq!(v.validate(&url, &shuffled, &sig), Ok(()));
    }

    #[test]
    fn signature_over_the_default_port_twin_validates(
        url in url_strategy(),
        params in params_strategy(),
    ) {
        let v = validator();
        if let Some(twin) = default_port_twin(&url) {
            let back = default_port_twin(&twin);
            prop_assert_eq!(back.as_deref(), Some(url.as_str()));
            prop_assert_eq!(v.validate(&url, &params, &v.signature(&twin, &params)), Ok(()));
            prop_assert_eq!(v.validate(&twin, &params, &v.signature(&url, &params)), Ok(()));
        }
    }

    #[test]
    fn form_bodies_round_trip(params in params_strategy()) {
        let v = validator();
        let body = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(&params)
            .finish();
        let decoded = parse_form(body.as_bytes()).unwrap();
        let kept: Vec<&(String, String)> = params
            .iter()
            .filter(|(k, val)| !(k.is_empty() && val.is_empty()))
            .collect();
        prop_assert_eq!(v.signature(URL, &decoded), v.signature(URL, kept));
    }

    #[test]
    fn form_decoding_agrees_with_whatwg_on_text(body in "[a-zA-Z0-9=&%+ é€-]{0,40}") {
        // Whenever ours succeeds, it agrees with url's (lossy) parser.
        if let Ok(ours) = parse_form(body.as_bytes()) {
            let theirs: Vec<(String, String)> = url::form_urlencoded::parse(body.as_bytes())
                .into_owned()
                .collect();
            prop_assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn never_panics(
        url in any::<String>(),
        signature in any::<String>(),
        body in proptest::collection::vec(any::<u8>(), 0..64),
        content_type in any::<String>(),
    ) {
        let v = validator();
        let _ = default_port_twin(&url);
        let _ = v.validate(&url, NO_PARAMS, &signature);
        let _ = v.validate_body(&url, &body, &signature);
        let _ = parse_form(&body);
        if let Ok(request) = http::Request::post("/x?y")
            .header("X-Twilio-Signature", signature.as_str())
            .header("Content-Type", content_type.as_str())
            .body(body)
        {
            let _ = v.validate_request(&request, &url);
            let _ = v.validate_request_at_url(&request, &url);
        }
    }
}
