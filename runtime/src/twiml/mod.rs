//! TwiML: typed builders for the XML Twilio executes for calls, messages and faxes,
//! serialised as Twilio reads it.
//!
//! Answer a webhook with a [`VoiceResponse`], [`MessagingResponse`] or [`FaxResponse`], add
//! verbs to it, and write it with `to_string()` (its `Display`):
//!
//! ```
//! # use twilio_api_runtime as twilio_api;
//! use twilio_api::twiml::{Dial, Gather, Message, MessagingResponse, Pause, VoiceResponse};
//!
//! let xml: String = VoiceResponse::new().say("Hello").to_string();
//! assert_eq!(xml, r#"<?xml version="1.0" encoding="UTF-8"?><Response><Say>Hello</Say></Response>"#);
//!
//! let menu = VoiceResponse::new()
//!     .gather(Gather::new().action("https://example.com/menu").num_digits(1).say("Press 1"))
//!     .push(Pause::new().length(2))
//!     .redirect("https://example.com/again");
//! let call = VoiceResponse::new().dial(Dial::new().number("+15555550100").timeout(20));
//! assert!(call.to_string().ends_with(
//!     r#"<Response><Dial timeout="20"><Number>+15555550100</Number></Dial></Response>"#
//! ));
//! let sms = MessagingResponse::new().message(Message::new().body("Hi").media("https://example.com/a.png"));
//! # let _ = (menu, sms);
//! ```
//!
//! # Building
//!
//! One Rust type per element kind, named in UpperCamelCase of its XML name ([`Say`],
//! [`WhatsApp`], [`ConversationRelay`]). The SSML tags inside `<Say>` carry an `Ssml` prefix
//! ([`SsmlBreak`] for `<break>`, [`SsmlSayAs`] for `<say-as>`, [`SsmlP`] for `<p>`), as in
//! Twilio's SDKs, rather than becoming types named `P`, `S` and `W`. `<Sip>` is two kinds:
//! [`Sip`] (under `<Dial>`, with attributes and children) and [`ReferSip`] (under `<Refer>`,
//! text only). Kinds the tables share are one type: [`Redirect`] (Voice and Messaging),
//! [`Queue`], [`Stream`], [`Parameter`], [`Config`].
//!
//! Builders take `self` and return it, so calls chain. For each element:
//!
//! - **Constructors.** An element whose text is required takes it: `Number::new("+1…")`,
//!   `Say::new("Hi")` (`Say` counts as text-first; `Say::new("")` is an empty `<Say/>` to fill
//!   with SSML). An element whose text is optional has `new()` (no text) and converts from
//!   `&str`/`String` (the text): `Dial::new()`, `Dial::from("+1…")`, `Play::from(url)`.
//!   Attribute-only elements have `new()`; `Parameter`, `Config` and `Header` take
//!   `new(name, value)`.
//! - **Attributes** are setters named in snake_case of the XML name: `num_digits` for
//!   `numDigits`, `xml_lang` for `xml:lang`, `interpret_as` for `interpret-as`; Rust keywords
//!   get a trailing `_` (`loop_`, `for_`, SSML `break_()`), and so does `from_` (`Sms`,
//!   `Message`), since an inherent `from` would hide `From::from` (`Message::from("Hi")`).
//!   Calling a setter twice keeps the last value.
//! - **Children.** A parent has one method per child kind TwiML allows there, named in
//!   snake_case (`dial.number(..)`, `say.say_as(..)`, `dial.whats_app(..)`, `say.break_()`):
//!   it takes `impl Into<Child>`, so text children take a `&str` or a configured element
//!   (`say("Hi")`, `say(Say::new("Hi").loop_(2))`). The kinds whose bare form is itself a
//!   complete instruction — `Echo`, `Hangup`, `Leave`, `Pause`, `Record`, `Reject`, `<break>`,
//!   `Receive` — get a method with no argument that adds the bare element (`.pause()`,
//!   `.hangup()`); add a configured one with the generic [`push`](VoiceResponse::push):
//!   `.push(Pause::new().length(2))`. `Parameter`, `Config` and `Header` methods take a name
//!   and a value. `push` accepts every allowed child, whatever its method's form.
//! - `<Language>` under [`ConversationRelay`] has no method, since `language(..)` there sets the
//!   attribute of that name: `push(Language::new().code("fr-FR"))`.
//!
//! # Placement is checked at compile time
//!
//! Only parents that may hold a kind have a method for it, and `push` takes
//! `impl ChildOf<Self>`, implemented exactly for the kinds TwiML allows there (the
//! implementors listed on [`ChildOf`] are the nesting table). So neither of these compiles:
//!
//! ```compile_fail
//! # use twilio_api_runtime as twilio_api;
//! use twilio_api::twiml::{Number, VoiceResponse};
//! // <Number> belongs in <Dial>, not straight under <Response>.
//! let _ = VoiceResponse::new().push(Number::new("+15555550100"));
//! ```
//!
//! ```compile_fail
//! # use twilio_api_runtime as twilio_api;
//! use twilio_api::twiml::{MessagingResponse, Say};
//! // <Say> is Voice TwiML; a Messaging response has no say() and refuses a pushed Say.
//! let _ = MessagingResponse::new().push(Say::new("Hi"));
//! ```
//!
//! ```compile_fail
//! # use twilio_api_runtime as twilio_api;
//! use twilio_api::twiml::Gather;
//! // A <Gather> may hold Say, Play and Pause only.
//! let _ = Gather::new().dial("+15555550100");
//! ```
//!
//! As in Twilio's SDKs, `<Prompt>` and `<Queue>` may also go straight under `<Response>`.
//! What types cannot say (that a `<Connect>` holds one noun, that `<Dial>` has a number or
//! nouns, value ranges) is left to Twilio.
//!
//! # Escape hatches
//!
//! - `.attr(name, value)` on every element sets any attribute by its XML name (one Twilio adds
//!   later, or a spelling another SDK uses). It is sorted in with the others and a later
//!   typed setter of the same name replaces it (and the other way round).
//! - `.text(..)` on every element appends raw text after the content so far (mixed content,
//!   in call order: `<Response>before<Leave/>after</Response>`); two texts in a row are
//!   joined.
//! - [`GenericElement`] is an element of any name with any attributes and children; every
//!   `push` accepts it, unchecked.
//!
//! Names given to these are kept if they are valid XML names; otherwise each character XML
//! does not allow there becomes `_` (and an empty name is `_`), so the output stays
//! well-formed. Colons are allowed (`xml:lang`); declaring other namespace prefixes is up
//! to the caller.
//!
//! # Attribute values
//!
//! URLs are `impl Into<String>` and written as given (never parsed or normalised); HTTP
//! methods are the open [`Method`]; whole numbers are `u32`; booleans are written
//! `true`/`false`; lists take `impl IntoIterator` and are joined with one space; every value
//! list of the tables is an open enumeration (`#[non_exhaustive]`, with `Other(String)`, and
//! `From<&str>`), e.g. [`Trim`], [`CallEvent`], [`InterpretAs`]. `language` values and
//! free-form strings are `impl Into<String>`; `<Say>`'s 900 voices are the [`Voice`] newtype
//! with constants. Lists with `true`/`false` among other values ([`ConferenceBeep`],
//! [`ConversationRecord`]) are enums, not `bool`s. `<Task>` takes its JSON as a string.
//!
//! # Serialisation, and where Twilio's SDKs disagree
//!
//! The document is one line with no whitespace: `<?xml version="1.0" encoding="UTF-8"?>` and
//! then the root `<Response>` (no namespace). Text comes before children when given to the
//! constructor; children and `.text(..)` come in call order; an attribute never set is absent,
//! an empty string is kept (`waitUrl=""`); an element with no content is self-closed; UTF-8 is
//! written raw (never as character references). Where twilio-python 9.11.0 and twilio-node
//! 6.0.2 differ, this module chooses:
//!
//! | question | Python | Node | here |
//! |---|---|---|---|
//! | empty element | `<Hangup />` | `<Hangup/>` | `<Hangup/>` |
//! | attribute order | sorted by name | order given | sorted by name (code-point order), whatever order the setters ran in |
//! | list values | none (`str()` of the list) | joined with spaces | joined with one space |
//! | `>` in an attribute | `&gt;` | raw | `&gt;` |
//! | tab, LF, CR in an attribute | `&#09;` `&#10;` `&#13;` | `&#x9;` `&#xA;` `&#xD;` | `&#9;` `&#10;` `&#13;` |
//! | CR in text | raw (a parser reads LF) | `&#xD;` | `&#13;` |
//! | characters XML forbids | written raw (ill-formed XML) | text: throws | dropped |
//! | two texts in a row | last one wins | joined | joined |
//! | dict as element text | JSON | n/a | n/a: pass the JSON string |
//! | comments | none | `comment(..)` | none |
//! | XML declaration | optional | always | optional: [`VoiceResponse::to_xml_without_declaration`] |
//! | `<Assistant>` | removed | present | kept ([`Assistant`], documented as deprecated by Twilio) |
//! | Dial `passports` | present | missing | kept ([`Dial::passports`]) |
//! | ConversationRelay 2026 attributes | `backgroundNoiseReduction`, … | `backgroundnoisereduction`, … | camelCase, as Python and Twilio's changelog (and every other TwiML attribute) |
//! | enumerations | any string | closed unions | open enums |
//!
//! Escaping: `&`, `<`, `>` are escaped everywhere, `"` too in attribute values (always
//! double-quoted), and tab, line feed and carriage return in attribute values and carriage
//! return in text are written as character references, so that an XML parser's end-of-line
//! and attribute-value normalisation give back exactly the string given. `'` is written raw.
//! The characters XML 1.0 forbids even as references (U+0000–U+0008, U+000B, U+000C,
//! U+000E–U+001F, U+FFFE, U+FFFF) are dropped from texts and attribute values when they are
//! set (Twilio could not read them; a replacement character would be spoken). So any input
//! gives well-formed XML, and nothing here panics.
//!
//! Each element also implements `Display` on its own (without the declaration), which helps in
//! tests: `Say::new("Hi").to_string()` is `<Say>Hi</Say>`.

#[macro_use]
mod macros;

mod connect;
mod dial;
mod generic;
mod messaging;
mod node;
mod response;
mod ssml;
mod values;
mod voice;
mod write;

#[cfg(test)]
mod tests;

pub use connect::*;
pub use dial::*;
pub use generic::GenericElement;
pub use messaging::*;
pub use response::*;
pub use ssml::*;
pub use values::*;
pub use voice::*;

/// Implemented for `C` when TwiML lets a `C` element stand directly inside a `P`: the bound
/// of every `push`. The implementors below are the nesting table; [`GenericElement`] is
/// accepted everywhere (unchecked) and accepts everything.
///
/// Each element's documentation page lists both sides: the `ChildOf<X> for ThisType` impls
/// (where it may stand) and the `ChildOf<ThisType> for Y` impls (what it may hold).
///
/// Sealed: only this module's element types implement it.
pub trait ChildOf<P>: node::IntoNode {}
