//! Reads patterns with ECMA-262 meaning through `regex-syntax`, Rust's regex parser.

use regex_syntax::ast::{self, Ast};
use regex_syntax::hir::Hir;

/// Why a pattern cannot be turned into an ECMA-faithful HIR.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Not a valid (ECMA-262) regex.
    Invalid(String),
    /// Valid, but uses something the generated checks leave to the server.
    Unsupported(String),
}

/// Parses `pattern` into a HIR in which `.`, `\d`, `\w` and `\s` have their ECMA meaning.
pub fn parse(pattern: &str) -> Result<Hir, Refusal> {
    let ast = rewrite_pattern(pattern)?;
    regex_syntax::hir::translate::TranslatorBuilder::new()
        .unicode(true)
        .utf8(true)
        .build()
        .translate(pattern, &ast)
        .map_err(|e| Refusal::Invalid(last_line(&e.to_string())))
}

/// The pattern written so that Rust's `regex` crate reads it as ECMA-262 does (for tests
/// and benchmarks that compare the generated checks with a regex engine). `None` for
/// patterns the compiler leaves unchecked or refuses.
pub fn to_rust_regex(pattern: &str) -> Option<String> {
    let ast = rewrite_pattern(pattern).ok()?;
    let mut out = String::new();
    ast::print::Printer::new().print(&ast, &mut out).ok()?;
    Some(out)
}

fn rewrite_pattern(pattern: &str) -> Result<Ast, Refusal> {
    let mut ast = ast::parse::ParserBuilder::new()
        .build()
        .parse(pattern)
        .map_err(|e| match e.kind() {
            // Valid ECMA-262 that Rust's regex does not implement.
            ast::ErrorKind::UnsupportedLookAround => Refusal::Unsupported("look-around".to_owned()),
            ast::ErrorKind::UnsupportedBackreference => {
                Refusal::Unsupported("a back-reference".to_owned())
            }
            _ => Refusal::Invalid(last_line(&e.to_string())),
        })?;
    rewrite(&mut ast)?;
    Ok(ast)
}

/// ECMA's `\s`: ASCII whitespace plus Unicode spaces, line terminators and the BOM.
const SPACE: &[(char, char)] = &[
    ('\t', '\r'),
    (' ', ' '),
    ('\u{a0}', '\u{a0}'),
    ('\u{1680}', '\u{1680}'),
    ('\u{2000}', '\u{200a}'),
    ('\u{2028}', '\u{2029}'),
    ('\u{202f}', '\u{202f}'),
    ('\u{205f}', '\u{205f}'),
    ('\u{3000}', '\u{3000}'),
    ('\u{feff}', '\u{feff}'),
];
const DIGIT: &[(char, char)] = &[('0', '9')];
const WORD: &[(char, char)] = &[('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')];
/// What `.` excludes: ECMA's line terminators.
const LINE_TERMINATORS: &[(char, char)] = &[('\n', '\n'), ('\r', '\r'), ('\u{2028}', '\u{2029}')];

fn class(span: ast::Span, negated: bool, ranges: &[(char, char)]) -> ast::ClassBracketed {
    let literal = |c: char| ast::Literal {
        span,
        kind: ast::LiteralKind::HexBrace(ast::HexLiteralKind::X),
        c,
    };
    let items = ranges
        .iter()
        .map(|&(lo, hi)| {
            if lo == hi {
                ast::ClassSetItem::Literal(literal(lo))
            } else {
                ast::ClassSetItem::Range(ast::ClassSetRange {
                    span,
                    start: literal(lo),
                    end: literal(hi),
                })
            }
        })
        .collect();
    ast::ClassBracketed {
        span,
        negated,
        kind: ast::ClassSet::Item(ast::ClassSetItem::Union(ast::ClassSetUnion { span, items })),
    }
}

fn perl(class_perl: &ast::ClassPerl) -> ast::ClassBracketed {
    let ranges = match class_perl.kind {
        ast::ClassPerlKind::Digit => DIGIT,
        ast::ClassPerlKind::Space => SPACE,
        ast::ClassPerlKind::Word => WORD,
    };
    class(class_perl.span, class_perl.negated, ranges)
}

fn not_ecma(what: &str) -> Refusal {
    Refusal::Invalid(format!("{what} is not ECMA-262 regex syntax"))
}

fn rewrite(node: &mut Ast) -> Result<(), Refusal> {
    match node {
        Ast::Empty(_) | Ast::Literal(_) => Ok(()),
        Ast::Flags(_) => Err(not_ecma("an inline flag group such as `(?i)`")),
        Ast::Dot(span) => {
            *node = Ast::class_bracketed(class(**span, true, LINE_TERMINATORS));
            Ok(())
        }
        Ast::Assertion(assertion) => match assertion.kind {
            ast::AssertionKind::StartLine | ast::AssertionKind::EndLine => Ok(()),
            ast::AssertionKind::WordBoundary | ast::AssertionKind::NotWordBoundary => {
                Err(Refusal::Unsupported("a word boundary".to_owned()))
            }
            _ => Err(not_ecma("this assertion")),
        },
        Ast::ClassUnicode(_) => Err(Refusal::Unsupported("a Unicode property class".to_owned())),
        Ast::ClassPerl(class_perl) => {
            *node = Ast::class_bracketed(perl(class_perl));
            Ok(())
        }
        Ast::ClassBracketed(bracketed) => rewrite_set(&mut bracketed.kind),
        Ast::Repetition(rep) => rewrite(&mut rep.ast),
        Ast::Group(group) => {
            if let ast::GroupKind::NonCapturing(flags) = &group.kind
                && !flags.items.is_empty()
            {
                return Err(not_ecma("a flag group such as `(?i:…)`"));
            }
            rewrite(&mut group.ast)
        }
        Ast::Alternation(alternation) => alternation.asts.iter_mut().try_for_each(rewrite),
        Ast::Concat(concat) => concat.asts.iter_mut().try_for_each(rewrite),
    }
}

fn rewrite_set(set: &mut ast::ClassSet) -> Result<(), Refusal> {
    match set {
        ast::ClassSet::Item(item) => rewrite_item(item),
        // ECMA reads `&&`, `--` and `~~` in a class as plain characters; Rust as set
        // operations. Rather than guess, leave such a pattern to the server.
        ast::ClassSet::BinaryOp(_) => Err(Refusal::Unsupported(
            "`&&`, `--` or `~~` inside a character class".to_owned(),
        )),
    }
}

fn rewrite_item(item: &mut ast::ClassSetItem) -> Result<(), Refusal> {
    match item {
        ast::ClassSetItem::Perl(class_perl) => {
            *item = ast::ClassSetItem::Bracketed(Box::new(perl(class_perl)));
            Ok(())
        }
        ast::ClassSetItem::Unicode(_) => {
            Err(Refusal::Unsupported("a Unicode property class".to_owned()))
        }
        ast::ClassSetItem::Bracketed(bracketed) => rewrite_set(&mut bracketed.kind),
        ast::ClassSetItem::Union(union) => union.items.iter_mut().try_for_each(rewrite_item),
        ast::ClassSetItem::Empty(_)
        | ast::ClassSetItem::Literal(_)
        | ast::ClassSetItem::Range(_)
        | ast::ClassSetItem::Ascii(_) => Ok(()),
    }
}

fn last_line(message: &str) -> String {
    message
        .lines()
        .rfind(|l| !l.trim().is_empty())
        .unwrap_or(message)
        .trim()
        .to_owned()
}
