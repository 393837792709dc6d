//! The declarative tables behind every builder and value type.
//!
//! `element!` turns one table entry (name, constructor form, attributes, allowed children)
//! into a newtype over [`Node`](super::node::Node) with its setters, its child methods and
//! the [`ChildOf`](super::ChildOf) impls that let `push` accept exactly those children.
//! Generated bodies are one call each, so the code per attribute stays a few instructions.

/// One element kind. Constructor forms: `empty` (`new()`), `opt_text` (`new()` plus
/// `From<&str>`), `text` (`new(text)` plus `From<&str>`), `pair` (`new(name, value)`).
/// Kinds: `fragment` (a child element) or `document` (a `<Response>` root).
/// Child forms: `into` (method takes `impl Into<Child>`), `bare` (no argument, bare element),
/// `pair` (name and value), `push` (no method, only [`push`](super::ChildOf)).
macro_rules! element {
    (
        $(#[$meta:meta])*
        $Name:ident = $xml:literal, $ctor:ident, $kind:ident;
        attrs { $( $(#[$am:meta])* $afn:ident = $axml:literal : $akind:tt ),* $(,)? }
        children { $( $cfn:ident : $Child:ident $cform:ident ),* $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        #[must_use = "builders return the updated element; add it to a response and write it"]
        pub struct $Name(pub(crate) $crate::twiml::node::Node);

        element_ctor!($Name, $xml, $ctor);
        element_kind!($Name, $kind);

        impl $Name {
            /// Appends raw text after the content so far (merged with a text just before it).
            /// Use it for mixed content; an element's own text is given to its constructor.
            pub fn text(mut self, text: impl Into<String>) -> Self {
                self.0.push_text(text.into());
                self
            }

            /// Sets an attribute by its XML name, for attributes this module does not type
            /// (yet). Attributes are written sorted by name; setting one twice keeps the last
            /// value. A name that is not a valid XML name is repaired (module docs).
            pub fn attr(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
                self.0.set_attr_owned(name.into(), value.into());
                self
            }

            /// Appends a child element. Only the kinds TwiML allows here compile: see the
            /// implementors of [`ChildOf`](crate::twiml::ChildOf) for this type, plus
            /// [`GenericElement`](crate::twiml::GenericElement), the unchecked escape hatch.
            pub fn push(mut self, child: impl $crate::twiml::ChildOf<Self>) -> Self {
                self.0.push_node($crate::twiml::node::IntoNode::into_node(child));
                self
            }

            $( setter!($(#[$am])* $afn $axml $akind); )*
            $( child_method!($cfn $Child $cform); )*
        }

        $( impl $crate::twiml::ChildOf<$Name> for $Child {} )*
        impl $crate::twiml::ChildOf<$Name> for $crate::twiml::GenericElement {}

        #[cfg(test)]
        #[allow(dead_code)]
        impl $Name {
            pub(crate) const XML: &'static str = $xml;
            pub(crate) fn test_children() -> Vec<&'static str> {
                vec![$($Child::XML),*]
            }
            pub(crate) fn test_all_attributes(self) -> Self {
                self $( .$afn(sample!($akind)) )*
            }
        }
    };
}

macro_rules! element_ctor {
    ($Name:ident, $xml:literal, empty) => {
        impl $Name {
            #[doc = concat!("An empty `<", $xml, ">`.")]
            pub fn new() -> Self {
                Self($crate::twiml::node::Node::named($xml))
            }
        }
        impl Default for $Name {
            fn default() -> Self {
                Self::new()
            }
        }
        element_ctor!(@test $Name, Self::new());
    };
    ($Name:ident, $xml:literal, opt_text) => {
        impl $Name {
            #[doc = concat!("An empty `<", $xml, ">` (`From<&str>` gives one holding a text).")]
            pub fn new() -> Self {
                Self($crate::twiml::node::Node::named($xml))
            }
        }
        impl Default for $Name {
            fn default() -> Self {
                Self::new()
            }
        }
        element_ctor!(@from $Name, $xml);
        element_ctor!(@test $Name, Self::from("text"));
    };
    ($Name:ident, $xml:literal, text) => {
        impl $Name {
            #[doc = concat!("A `<", $xml, ">` holding `text` (an empty text gives `<", $xml, "/>`).")]
            pub fn new(text: impl Into<String>) -> Self {
                Self($crate::twiml::node::Node::with_text($xml, text.into()))
            }
        }
        element_ctor!(@from $Name, $xml);
        element_ctor!(@test $Name, Self::new("text"));
    };
    ($Name:ident, $xml:literal, pair) => {
        impl $Name {
            #[doc = concat!("A `<", $xml, " name=\"…\" value=\"…\"/>`.")]
            pub fn new(name: impl Into<String>, value: impl Into<String>) -> Self {
                let mut node = $crate::twiml::node::Node::named($xml);
                node.set_attr("name", name.into());
                node.set_attr("value", value.into());
                Self(node)
            }
        }
        element_ctor!(@test $Name, Self::new("n", "v"));
    };
    (@test $Name:ident, $make:expr) => {
        #[cfg(test)]
        #[allow(dead_code)]
        impl $Name {
            pub(crate) fn test_instance() -> Self {
                $make
            }
        }
    };
    (@from $Name:ident, $xml:literal) => {
        impl From<&str> for $Name {
            #[doc = concat!("A `<", $xml, ">` holding this text.")]
            fn from(text: &str) -> Self {
                Self($crate::twiml::node::Node::with_text($xml, text.to_owned()))
            }
        }
        impl From<String> for $Name {
            #[doc = concat!("A `<", $xml, ">` holding this text.")]
            fn from(text: String) -> Self {
                Self($crate::twiml::node::Node::with_text($xml, text))
            }
        }
    };
}

macro_rules! element_kind {
    ($Name:ident, fragment) => {
        impl $crate::twiml::node::IntoNode for $Name {
            fn into_node(self) -> $crate::twiml::node::Node {
                self.0
            }
        }
        /// Writes the element alone, without an XML declaration.
        impl ::std::fmt::Display for $Name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                $crate::twiml::write::element(f, &self.0)
            }
        }
    };
    ($Name:ident, document) => {
        /// Writes the document: the XML declaration, then `<Response>` and all it holds.
        impl ::std::fmt::Display for $Name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                $crate::twiml::write::document(f, &self.0, true)
            }
        }
        impl $Name {
            /// The document as a string, with the XML declaration (same as `to_string()`).
            pub fn to_xml(&self) -> String {
                self.to_string()
            }

            /// The document without the XML declaration: just `<Response>…</Response>`
            /// (Python's `to_xml(xml_declaration=False)`).
            pub fn to_xml_without_declaration(&self) -> String {
                let mut out = String::new();
                // Writing into a String cannot fail.
                let _ = $crate::twiml::write::document(&mut out, &self.0, false);
                out
            }
        }
    };
}

/// One typed attribute setter. Kinds: `url`, `str`, `u32`, `bool`, `[T]` (a list joined with
/// spaces) or an open value type `T` (taken as `impl Into<T>`).
macro_rules! setter {
    ($(#[$m:meta])* $fn:ident $xml:literal url) => {
        #[doc = concat!("Sets `", $xml, "`, a URL written as given (not parsed or normalised).")]
        $(#[$m])*
        pub fn $fn(mut self, url: impl Into<String>) -> Self {
            self.0.set_attr($xml, url.into());
            self
        }
    };
    ($(#[$m:meta])* $fn:ident $xml:literal str) => {
        #[doc = concat!("Sets `", $xml, "`.")]
        $(#[$m])*
        pub fn $fn(mut self, value: impl Into<String>) -> Self {
            self.0.set_attr($xml, value.into());
            self
        }
    };
    ($(#[$m:meta])* $fn:ident $xml:literal u32) => {
        #[doc = concat!("Sets `", $xml, "`, a whole number.")]
        $(#[$m])*
        pub fn $fn(mut self, value: u32) -> Self {
            self.0.set_attr($xml, $crate::twiml::node::AttrText::into_attr_text(value));
            self
        }
    };
    ($(#[$m:meta])* $fn:ident $xml:literal bool) => {
        #[doc = concat!("Sets `", $xml, "`, written `true` or `false`.")]
        $(#[$m])*
        pub fn $fn(mut self, value: bool) -> Self {
            self.0.set_attr($xml, $crate::twiml::node::AttrText::into_attr_text(value));
            self
        }
    };
    ($(#[$m:meta])* $fn:ident $xml:literal [$T:ident]) => {
        #[doc = concat!("Sets `", $xml, "`, a list written with one space between values.")]
        $(#[$m])*
        pub fn $fn(mut self, values: impl IntoIterator<Item = $T>) -> Self {
            self.0.set_attr($xml, $crate::twiml::node::join(values));
            self
        }
    };
    ($(#[$m:meta])* $fn:ident $xml:literal $T:ident) => {
        #[doc = concat!("Sets `", $xml, "` (a [`", stringify!($T), "`], or any string).")]
        $(#[$m])*
        pub fn $fn(mut self, value: impl Into<$T>) -> Self {
            self.0.set_attr($xml, $crate::twiml::node::AttrText::into_attr_text(value.into()));
            self
        }
    };
}

/// One child method (see `element!` for the forms).
macro_rules! child_method {
    ($fn:ident $Child:ident into) => {
        #[doc = concat!("Appends a [`", stringify!($Child), "`] (anything that converts into one).")]
        #[allow(clippy::should_implement_trait)] // SSML `sub()` is the `<sub>` tag
        pub fn $fn(mut self, child: impl Into<$Child>) -> Self {
            self.0.push_node(child.into().0);
            self
        }
    };
    ($fn:ident $Child:ident bare) => {
        #[doc = concat!("Appends a bare [`", stringify!($Child), "`]; [`push`](Self::push) a configured one.")]
        pub fn $fn(mut self) -> Self {
            self.0.push_node($Child::new().0);
            self
        }
    };
    ($fn:ident $Child:ident pair) => {
        #[doc = concat!("Appends a [`", stringify!($Child), "`] with this name and value.")]
        pub fn $fn(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
            self.0.push_node($Child::new(name, value).0);
            self
        }
    };
    ($fn:ident $Child:ident push) => {};
}

/// A sample value of each setter kind, for the coverage tests.
#[cfg(test)]
macro_rules! sample {
    (url) => {
        "https://example.com/x"
    };
    (str) => {
        "x"
    };
    (u32) => {
        1
    };
    (bool) => {
        true
    };
    ([$T:ident]) => {
        [<$T as $crate::twiml::values::TestSample>::sample()]
    };
    ($T:ident) => {
        <$T as $crate::twiml::values::TestSample>::sample()
    };
}

/// An open enumeration: the values Twilio documents, plus `Other` for anything else (so a
/// value Twilio adds later can be written before this module knows it).
macro_rules! twiml_enum {
    ($(#[$meta:meta])* $Name:ident { $( $Var:ident = $s:literal ),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $Name {
            $( #[doc = concat!("`", $s, "`")] $Var, )*
            /// A value not listed here, written as given. `From<&str>` only builds it for
            /// strings that are not a listed value.
            Other(String),
        }

        impl $Name {
            /// The value as written in TwiML.
            pub fn as_str(&self) -> &str {
                match self {
                    $( Self::$Var => $s, )*
                    Self::Other(value) => value,
                }
            }
        }

        impl From<&str> for $Name {
            fn from(value: &str) -> Self {
                match value {
                    $( $s => Self::$Var, )*
                    _ => Self::Other(value.to_owned()),
                }
            }
        }

        impl From<String> for $Name {
            fn from(value: String) -> Self {
                match value.as_str() {
                    $( $s => Self::$Var, )*
                    _ => Self::Other(value),
                }
            }
        }

        impl ::std::fmt::Display for $Name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl $crate::twiml::node::AttrText for $Name {
            fn into_attr_text(self) -> String {
                match self {
                    Self::Other(value) => value,
                    known => known.as_str().to_owned(),
                }
            }
        }

        #[cfg(test)]
        impl $crate::twiml::values::TestSample for $Name {
            fn sample() -> Self {
                Self::from([$($s),*][0])
            }
            fn known(&self) -> bool {
                !matches!(self, Self::Other(_))
            }
        }
    };
}
