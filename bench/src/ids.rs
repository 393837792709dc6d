//! ID checks: the generator's compiled byte checks against the `regex` crate on the same patterns.

use std::hint::black_box;

use twilio_api::Id as _;
use twilio_api::assistants_v1::MessageId;

use crate::stats::Samples;

/// An ID type's name, pattern, sample values and compiled check.
type IdCase<'a> = (&'a str, &'a str, &'a [String], fn(&str) -> bool);

pub fn figures() {
    const N: usize = 200_000;
    let sids: Vec<String> = (0..N)
        .map(|i| match i % 4 {
            0 => format!("AC{:032x}", i),
            1 => format!("AC{:032X}", i * 7),
            2 => format!("AB{:032x}", i),
            _ => format!("AC{:031x}g", i),
        })
        .collect();
    let messages: Vec<String> = (0..N)
        .map(|i| {
            if i % 3 == 0 {
                format!("aia_msg_{i:x}")
            } else {
                format!("aia_ms{i}")
            }
        })
        .collect();
    let cases: [IdCase<'_>; 2] = [
        (
            "AccountSid",
            twilio_api::AccountSid::PATTERN,
            &sids,
            twilio_api::AccountSid::matches,
        ),
        (
            "MessageId",
            MessageId::PATTERN,
            &messages,
            MessageId::matches,
        ),
    ];
    println!("ID checks ({N} values, a mix of valid and invalid):");
    for (name, pattern, values, check) in cases {
        let regex = regex::Regex::new(pattern).unwrap();
        let mut agree = 0usize;
        for value in values {
            agree += usize::from(check(value) == regex.is_match(value));
        }
        assert_eq!(
            agree,
            values.len(),
            "{name}: the byte check and the regex disagree"
        );
        let compiled = Samples::time(11, || {
            black_box(values.iter().filter(|v| check(black_box(v))).count());
        });
        let with_regex = Samples::time(11, || {
            black_box(
                values
                    .iter()
                    .filter(|v| regex.is_match(black_box(v)))
                    .count(),
            );
        });
        let per = |s: &Samples| s.median().as_secs_f64() * 1e9 / values.len() as f64;
        println!(
            "  {name:<10} byte check {:>6.1} ns/value   regex {:>6.1} ns/value   regex / byte check = {:.1}x",
            per(&compiled),
            per(&with_regex),
            with_regex.ratio(&compiled)
        );
    }
    println!();
}
