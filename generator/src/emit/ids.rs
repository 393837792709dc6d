//! ID types: a newtype per pattern, with the pattern compiled into a `matches` function of
//! plain byte checks (see [`crate::pattern`]).

use proc_macro2::{Literal, TokenStream};
use quote::{ToTokens as _, quote};

use super::rust::{doc_paragraphs, doc_text, ident, spec};
use crate::model::IdType;
use crate::pattern::{CharClass, Matcher, PatternCheck, Piece};

/// The newtype `name` for an ID, its `Id` impl and its trait impls.
pub fn id_type(type_name: &str, doc: &Option<String>, id: &IdType) -> TokenStream {
    let name = ident(type_name);
    let pattern = &id.pattern;
    let expected = doc_text(&id.check.describe());
    let shape = match &id.check {
        PatternCheck::Checked(_) => format!(
            "Shape: {expected} (`{pattern}`), checked by [`{type_name}::parse`], `FromStr` and `TryFrom`; values decoded from responses are kept as sent (see [`{type_name}::is_valid`])."
        ),
        PatternCheck::Unchecked { reason } => format!(
            "The pattern `{pattern}` is not checked client-side (it uses {}): [`{type_name}::parse`], `FromStr` and `TryFrom` accept {}; the server checks it.",
            doc_text(reason),
            length_phrase(id)
        ),
    };
    let example = id.example.as_ref().map(|e| format!("Example: `{e}`."));
    let docs = doc_paragraphs(&[spec(doc), Some(shape), example]);
    // A pattern left unchecked without length bounds ignores the value.
    let (value, check) = match matches_body(id) {
        Some(check) => (quote! { value }, check),
        None => (quote! { _value }, quote! { true }),
    };
    quote! {
        #docs
        #[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, ::serde::Serialize, ::serde::Deserialize)]
        #[serde(transparent)]
        pub struct #name(::std::string::String);

        impl crate::Id for #name {
            const TYPE_NAME: &'static str = #type_name;
            const PATTERN: &'static str = #pattern;
            const EXPECTED: &'static str = #expected;

            fn matches(#value: &str) -> bool {
                #check
            }

            fn from_string_unchecked(value: ::std::string::String) -> Self {
                Self(value)
            }
        }

        crate::runtime::id_type!(#name);
    }
}

/// "any value", or the values the length bounds allow.
fn length_phrase(id: &IdType) -> String {
    match (id.min_length, id.max_length) {
        (None, None) => "any value".to_owned(),
        (Some(min), None) => format!("any value of at least {min} characters"),
        (None, Some(max)) => format!("any value of at most {max} characters"),
        (Some(min), Some(max)) => format!("any value of {min} to {max} characters"),
    }
}

fn n(value: usize) -> Literal {
    Literal::usize_unsuffixed(value)
}

/// The body of `matches`: `minLength`/`maxLength` where the pattern does not already imply
/// them, then the pattern's checks; `None` when every value matches.
fn matches_body(id: &IdType) -> Option<TokenStream> {
    let mut conditions = Vec::new();
    let mut implied = (0, None);
    if let PatternCheck::Checked(matcher) = &id.check {
        conditions = pattern_conditions(matcher);
        let (min, max) = matcher.char_len();
        // A search accepts longer values than its match.
        let exact = matcher.anchored_start && matcher.anchored_end;
        implied = (min, if exact { max } else { None });
    }
    let (implied_min, implied_max) = implied;
    let min_length = id.min_length.filter(|&min| min > implied_min);
    let max_length = id
        .max_length
        .filter(|&max| implied_max.is_none_or(|implied| max < implied));
    // Length first: it is cheaper than the pattern's scan, and a bound of zero says nothing.
    let length = match (min_length.filter(|&min| min > 0).map(n), max_length.map(n)) {
        (None, None) => None,
        (Some(min), None) => Some(quote! { value.chars().count() >= #min }),
        (None, Some(max)) => Some(quote! { value.chars().count() <= #max }),
        (Some(min), Some(max)) => Some(quote! { (#min..=#max).contains(&value.chars().count()) }),
    };
    conditions.splice(0..0, length.map(Test::value));
    if conditions.is_empty() {
        return None;
    }
    let reads_bytes = conditions.iter().any(|test| test.reads_bytes);
    let bytes = reads_bytes.then(|| quote! { let bytes = value.as_bytes(); });
    let conditions = conditions.into_iter().map(|test| test.code);
    Some(quote! {
        #bytes
        #(#conditions)&&*
    })
}

/// The checks for a compiled pattern, to be joined with `&&`.
fn pattern_conditions(matcher: &Matcher) -> Vec<Test> {
    let pieces = &matcher.pieces;
    let Some(width) = matcher.byte_width() else {
        // Variable width: walk the pieces from the start, or from each character boundary.
        if matcher.anchored_start {
            return sequence(pieces, Pos::Const(0), matcher.anchored_end)
                .into_iter()
                .collect();
        }
        let Some(body) = sequence(pieces, Pos::At, matcher.anchored_end) else {
            return Vec::new();
        };
        let body = body.code;
        return vec![Test::bytes(
            quote! { (0..=bytes.len()).any(|at| value.is_char_boundary(at) && #body) },
        )];
    };
    // Fixed width: check the one place a match can be, or slide a window over the value.
    let w = n(width);
    match (matcher.anchored_start, matcher.anchored_end) {
        (true, true) if width == 0 => vec![Test::value(quote! { value.is_empty() })],
        _ if width == 0 => Vec::new(),
        (true, true) => std::iter::once(quote! { bytes.len() == #w })
            .chain(fixed_conditions(&quote! { bytes }, 0, pieces))
            .map(Test::bytes)
            .collect(),
        (true, false) => std::iter::once(quote! { bytes.len() >= #w })
            .chain(fixed_conditions(&quote! { bytes }, 0, pieces))
            .map(Test::bytes)
            .collect(),
        (false, true) => {
            let checks = fixed_conditions(&quote! { w }, 0, pieces);
            vec![
                Test::bytes(quote! { bytes.len() >= #w }),
                Test::bytes(quote! { { let w = &bytes[bytes.len() - #w..]; #(#checks)&&* } }),
            ]
        }
        (false, false) => {
            let checks = fixed_conditions(&quote! { w }, 0, pieces);
            vec![Test::bytes(
                quote! { bytes.windows(#w).any(|w| #(#checks)&&*) },
            )]
        }
    }
}

/// Checks of fixed-width pieces at known offsets of the byte slice `slice`.
fn fixed_conditions(slice: &TokenStream, mut at: usize, pieces: &[Piece]) -> Vec<TokenStream> {
    let mut conditions = Vec::new();
    for piece in pieces {
        let Some(width) = piece.byte_width().filter(|&w| w > 0) else {
            continue;
        };
        let (from, to) = (n(at), n(at + width));
        conditions.push(match piece {
            Piece::Literal(text) => {
                let text = Literal::byte_string(text.as_bytes());
                quote! { #slice[#from..#to] == *#text }
            }
            Piece::Class { class, .. } => {
                let predicate = byte_predicate(class);
                quote! { #slice[#from..#to].iter().all(#predicate) }
            }
            Piece::OneOf(texts) => {
                let list = byte_strings(texts);
                quote! { #list.contains(&&#slice[#from..#to]) }
            }
            Piece::Group { pieces, min, .. } => {
                let body = width / min;
                let checks = fixed_conditions(&quote! { w }, 0, pieces);
                let body = n(body);
                quote! { #slice[#from..#to].chunks_exact(#body).all(|w| #(#checks)&&*) }
            }
        });
        at += width;
    }
    conditions
}

/// Where the next piece starts: a known offset, or the variable `at`.
#[derive(Clone, Copy)]
enum Pos {
    Const(usize),
    At,
}

impl Pos {
    fn tokens(self) -> TokenStream {
        match self {
            Pos::Const(offset) => n(offset).into_token_stream(),
            Pos::At => quote! { at },
        }
    }

    /// `self + extra`, as an expression.
    fn plus(self, extra: TokenStream) -> TokenStream {
        match self {
            Pos::Const(0) => extra,
            _ => {
                let pos = self.tokens();
                quote! { #pos + #extra }
            }
        }
    }

    /// The bytes from here on.
    fn bytes(self) -> TokenStream {
        match self {
            Pos::Const(0) => quote! { bytes },
            _ => {
                let pos = self.tokens();
                quote! { bytes[#pos..] }
            }
        }
    }

    /// The bytes from here on, as a `&[u8]`.
    fn bytes_ref(self) -> TokenStream {
        match self {
            Pos::Const(0) => quote! { bytes },
            _ => {
                let pos = self.tokens();
                quote! { &bytes[#pos..] }
            }
        }
    }

    /// The text from here on (`self` is always a character boundary).
    fn text(self) -> TokenStream {
        match self {
            Pos::Const(0) => quote! { value },
            _ => {
                let pos = self.tokens();
                quote! { value[#pos..] }
            }
        }
    }

    /// The text from here on, as a `&str`.
    fn text_ref(self) -> TokenStream {
        match self {
            Pos::Const(0) => quote! { value },
            _ => {
                let pos = self.tokens();
                quote! { &value[#pos..] }
            }
        }
    }
}

impl Pos {
    /// What to call the rest of the value: the whole value needs no binding.
    fn rest_binding(
        self,
        rest: TokenStream,
        whole: TokenStream,
    ) -> (Option<TokenStream>, TokenStream) {
        match self {
            Pos::Const(0) => (None, whole),
            _ => (Some(quote! { let rest = #rest; }), quote! { rest }),
        }
    }
}

/// `checks` joined with `&&`, in a block after `binding` if there is one.
fn block(binding: Option<TokenStream>, checks: Vec<TokenStream>) -> TokenStream {
    match binding {
        Some(binding) => quote! { { #binding #(#checks)&&* } },
        None => quote! { #(#checks)&&* },
    }
}

/// One condition of `matches`, as Rust code, and whether it reads the `bytes` binding
/// (`value.as_bytes()`), so the binding is written only when something uses it. A condition
/// that holds for every value is not a `Test` at all.
struct Test {
    code: TokenStream,
    reads_bytes: bool,
}

impl Test {
    /// A condition on `bytes`.
    fn bytes(code: TokenStream) -> Self {
        Test {
            code,
            reads_bytes: true,
        }
    }

    /// A condition on the `value` text alone.
    fn value(code: TokenStream) -> Self {
        Test {
            code,
            reads_bytes: false,
        }
    }
}

/// Whether `pieces`, starting at `pos`, match (up to the end of the value when `end`): each
/// piece of variable length tries every length it can take, so no match is missed.
fn sequence(pieces: &[Piece], pos: Pos, end: bool) -> Option<Test> {
    let Some(first) = pieces.first() else {
        return match (pos, end) {
            (_, false) => None,
            (Pos::Const(0), true) => Some(Test::bytes(quote! { bytes.is_empty() })),
            (Pos::Const(offset), true) => {
                let offset = n(offset);
                Some(Test::bytes(quote! { bytes.len() == #offset }))
            }
            (Pos::At, true) => Some(Test::bytes(quote! { at == bytes.len() })),
        };
    };
    // A run of fixed-width pieces is checked in one window.
    let run = pieces
        .iter()
        .take_while(|p| p.byte_width().is_some())
        .count();
    if run > 0 {
        let width: usize = pieces[..run].iter().filter_map(Piece::byte_width).sum();
        let check = match &pieces[..run] {
            [Piece::Literal(text)] => {
                let rest = pos.bytes();
                let text = Literal::byte_string(text.as_bytes());
                quote! { #rest.starts_with(#text) }
            }
            run => {
                let (from, to) = (pos.tokens(), pos.plus(n(width).into_token_stream()));
                let checks = fixed_conditions(&quote! { w }, 0, run);
                quote! { bytes.get(#from..#to).is_some_and(|w| #(#checks)&&*) }
            }
        };
        let (next, binding) = match pos {
            Pos::Const(offset) => (Pos::Const(offset + width), None),
            Pos::At => {
                let width = n(width);
                (Pos::At, Some(quote! { let at = at + #width; }))
            }
        };
        let Some(rest) = sequence(&pieces[run..], next, end) else {
            return Some(Test::bytes(check));
        };
        let rest = rest.code;
        return Some(Test::bytes(match binding {
            Some(binding) => quote! { #check && { #binding #rest } },
            None => quote! { #check && #rest },
        }));
    }
    // After a variable-length piece: nothing more (`closed`: up to the end of the value;
    // `open`: anything may follow), or the rest of the pieces at each length it can take.
    let rest = sequence(&pieces[1..], Pos::At, end);
    let closed = pieces.len() == 1 && end;
    let open = !closed && rest.is_none();
    // What follows depends on the rest only where the piece is neither closed nor open.
    let rest_reads_bytes = rest.as_ref().is_some_and(|rest| rest.reads_bytes);
    let rest = rest.map_or_else(|| quote! { true }, |rest| rest.code);
    Some(match first {
        Piece::Class { class, min, max } if class.is_ascii() => {
            let predicate = byte_predicate(class);
            let bytes = pos.bytes();
            let (min, max) = (*min, *max);
            if closed {
                let (binding, rest) = pos.rest_binding(pos.bytes_ref(), quote! { bytes });
                let mut checks = Vec::new();
                match min {
                    0 => {}
                    1 => checks.push(quote! { !#rest.is_empty() }),
                    min => {
                        let min = n(min);
                        checks.push(quote! { #rest.len() >= #min });
                    }
                }
                if let Some(max) = max {
                    let max = n(max);
                    checks.push(quote! { #rest.len() <= #max });
                }
                checks.push(quote! { #rest.iter().all(#predicate) });
                return Some(Test::bytes(block(binding, checks)));
            }
            if open {
                if min == 0 {
                    return None;
                }
                let min = n(min);
                return Some(Test::bytes(
                    quote! { #bytes.iter().copied().take_while(#predicate).count() >= #min },
                ));
            }
            let take = max.map(|max| {
                let max = n(max);
                quote! { .take(#max) }
            });
            let (min, at) = (n(min), pos.plus(quote! { n }));
            Test::bytes(quote! {
                {
                    let run = #bytes.iter().copied()#take.take_while(#predicate).count();
                    (#min..=run).any(|n| { let at = #at; #rest })
                }
            })
        }
        Piece::Class { class, min, max } => {
            // Counted in characters: the class includes non-ASCII ones.
            let text = pos.text();
            let (min, max) = (*min, *max);
            if closed {
                let (binding, rest) = pos.rest_binding(pos.text_ref(), quote! { value });
                let mut checks = Vec::new();
                match (min, max) {
                    (0, None) => {}
                    (1, None) => checks.push(quote! { !#rest.is_empty() }),
                    (min, None) => {
                        let min = n(min);
                        checks.push(quote! { #rest.chars().count() >= #min });
                    }
                    (min, Some(max)) => {
                        let (min, max) = (n(min), n(max));
                        checks.push(quote! { (#min..=#max).contains(&#rest.chars().count()) });
                    }
                }
                if let Some(predicate) = char_predicate(class) {
                    checks.push(quote! { #rest.chars().all(|c| #predicate) });
                }
                if checks.is_empty() {
                    return None;
                }
                return Some(Test::value(block(binding, checks)));
            }
            if open {
                if min == 0 {
                    return None;
                }
                let min = n(min);
                return Some(Test::value(match char_predicate(class) {
                    Some(predicate) => {
                        quote! { #text.chars().take_while(|&c| #predicate).count() >= #min }
                    }
                    None => quote! { #text.chars().count() >= #min },
                }));
            }
            let filter =
                char_predicate(class).map(|predicate| quote! { .take_while(|&(_, c)| #predicate) });
            let take = max.map(|max| {
                let max = n(max);
                quote! { .take(#max) }
            });
            let start = pos.tokens();
            let end_of = pos.plus(quote! { i + c.len_utf8() });
            let min = n(min);
            Test {
                code: quote! {
                    ::std::iter::once(#start)
                        .chain(#text.char_indices()#filter #take.map(|(i, c)| #end_of))
                        .skip(#min)
                        .any(|at| #rest)
                },
                reads_bytes: rest_reads_bytes,
            }
        }
        Piece::OneOf(texts) => {
            let bytes = pos.bytes();
            let list = byte_strings(texts);
            if closed {
                let bytes = pos.bytes_ref();
                return Some(Test::bytes(quote! { #list.contains(&#bytes) }));
            }
            if open {
                return Some(Test::bytes(
                    quote! { #list.iter().any(|text| #bytes.starts_with(text)) },
                ));
            }
            let at = pos.plus(quote! { text.len() });
            Test::bytes(quote! {
                #list.iter().any(|text| #bytes.starts_with(text) && { let at = #at; #rest })
            })
        }
        Piece::Group { pieces, min, max } => {
            let body = pieces.iter().filter_map(Piece::byte_width).sum::<usize>();
            let checks = fixed_conditions(&quote! { w }, 0, pieces);
            let bytes = pos.bytes();
            let (min, max) = (*min, *max);
            let width = n(body);
            if closed {
                let (binding, rest) = pos.rest_binding(pos.bytes_ref(), quote! { bytes });
                let mut counts = vec![quote! { #rest.len().is_multiple_of(#width) }];
                if min > 0 {
                    let min = n(min);
                    counts.push(quote! { #rest.len() / #width >= #min });
                }
                if let Some(max) = max {
                    let max = n(max);
                    counts.push(quote! { #rest.len() / #width <= #max });
                }
                counts.push(quote! { #rest.chunks_exact(#width).all(|w| #(#checks)&&*) });
                return Some(Test::bytes(block(binding, counts)));
            }
            let take = max.map(|max| {
                let max = n(max);
                quote! { .take(#max) }
            });
            let run =
                quote! { #bytes.chunks_exact(#width)#take.take_while(|w| #(#checks)&&*).count() };
            if open {
                if min == 0 {
                    return None;
                }
                let min = n(min);
                return Some(Test::bytes(quote! { #run >= #min }));
            }
            let (min, at) = (n(min), pos.plus(quote! { n * #width }));
            Test::bytes(quote! {
                {
                    let run = #run;
                    (#min..=run).any(|n| { let at = #at; #rest })
                }
            })
        }
        Piece::Literal(_) => unreachable!("literal text has a fixed width"),
    })
}

/// `[b"SM".as_slice(), b"MM"]`: `as_slice` gives the array one element type whatever the
/// texts' lengths.
fn byte_strings(texts: &[String]) -> TokenStream {
    let literals: Vec<Literal> = texts
        .iter()
        .map(|t| Literal::byte_string(t.as_bytes()))
        .collect();
    match literals.split_first() {
        Some((head, tail)) => quote! { [#head.as_slice(), #(#tail),*] },
        None => quote! { [] },
    }
}

/// A `Fn(&u8) -> bool` for an ASCII class, using std's named checks where one fits.
fn byte_predicate(class: &CharClass) -> TokenStream {
    let ranges = class.ascii_ranges();
    let named = match ranges.as_slice() {
        [(b'0', b'9'), (b'A', b'F'), (b'a', b'f')] => Some(quote! { u8::is_ascii_hexdigit }),
        [(b'0', b'9')] => Some(quote! { u8::is_ascii_digit }),
        [(b'0', b'9'), (b'A', b'Z'), (b'a', b'z')] => Some(quote! { u8::is_ascii_alphanumeric }),
        [(b'A', b'Z'), (b'a', b'z')] => Some(quote! { u8::is_ascii_alphabetic }),
        [(b'a', b'z')] => Some(quote! { u8::is_ascii_lowercase }),
        [(b'A', b'Z')] => Some(quote! { u8::is_ascii_uppercase }),
        _ => None,
    };
    if let Some(named) = named {
        return named;
    }
    let ranges = ranges.iter().map(|&(lo, hi)| {
        let (lo_lit, hi_lit) = (Literal::byte_character(lo), Literal::byte_character(hi));
        match (lo, hi) {
            (b'0', b'9') => quote! { b.is_ascii_digit() },
            (b'a', b'z') => quote! { b.is_ascii_lowercase() },
            (b'A', b'Z') => quote! { b.is_ascii_uppercase() },
            _ if lo == hi => quote! { b == #lo_lit },
            _ => quote! { (#lo_lit..=#hi_lit).contains(&b) },
        }
    });
    quote! { |&b: &u8| #(#ranges)||* }
}

/// A condition on the `char` `c`: membership, or non-membership when the class is mostly
/// everything (`.`, `[^,]`); `None` when every character is in the class.
fn char_predicate(class: &CharClass) -> Option<TokenStream> {
    let complement = class.complement();
    if complement.is_empty() {
        return None;
    }
    let negate = complement.len() < class.ranges.len();
    let ranges = if negate { &complement } else { &class.ranges };
    // Single characters in one list, ranges one by one.
    let (single, spans): (Vec<_>, Vec<_>) = ranges.iter().partition(|(lo, hi)| lo == hi);
    let mut tests = Vec::new();
    match single.as_slice() {
        [] => {}
        [(c, _)] => {
            let c = Literal::character(*c);
            tests.push(quote! { c == #c });
        }
        many => {
            let chars = many.iter().map(|(c, _)| Literal::character(*c));
            tests.push(quote! { [#(#chars),*].contains(&c) });
        }
    }
    for (lo, hi) in &spans {
        let (lo, hi) = (Literal::character(*lo), Literal::character(*hi));
        tests.push(quote! { (#lo..=#hi).contains(&c) });
    }
    Some(match (negate, tests.as_slice()) {
        (false, _) => quote! { #(#tests)||* },
        (true, [test]) => match single.as_slice() {
            [(c, _)] if spans.is_empty() => {
                let c = Literal::character(*c);
                quote! { c != #c }
            }
            _ => quote! { !#test },
        },
        (true, _) => quote! { !(#(#tests)||*) },
    })
}
