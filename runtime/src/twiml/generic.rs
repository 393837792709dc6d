//! The escape hatch for elements this module does not type.

use super::node::{IntoNode, Node};
use super::{ChildOf, write};

/// An element of any name, for TwiML this module does not type yet (an element Twilio adds
/// later, or an SSML tag Twilio passes on). It is accepted by every `push`, and accepts any
/// child itself: nothing about its placement is checked.
///
/// The name is kept as given if it is a valid XML name; otherwise each character that is not
/// allowed becomes `_` (an empty name is written `_`), so the output stays well-formed.
///
/// ```
/// # use twilio_api_runtime as twilio_api;
/// use twilio_api::twiml::{Dial, GenericElement, VoiceResponse};
/// let dial = Dial::from("+10000000000").push(GenericElement::new("Ninja").attr("sword", "always"));
/// let xml = VoiceResponse::new().dial(dial).to_xml_without_declaration();
/// assert_eq!(xml, r#"<Response><Dial>+10000000000<Ninja sword="always"/></Dial></Response>"#);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[must_use = "builders return the updated element; add it to a response and write it"]
pub struct GenericElement(pub(crate) Node);

impl GenericElement {
    /// An empty element named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        GenericElement(Node::named_owned(name.into()))
    }

    /// Appends raw text after the content so far.
    pub fn text(mut self, text: impl Into<String>) -> Self {
        self.0.push_text(text.into());
        self
    }

    /// Sets an attribute (written sorted by name; the last value set wins).
    pub fn attr(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.0.set_attr_owned(name.into(), value.into());
        self
    }

    /// Appends any element.
    pub fn push(mut self, child: impl ChildOf<GenericElement>) -> Self {
        self.0.push_node(child.into_node());
        self
    }
}

impl IntoNode for GenericElement {
    fn into_node(self) -> Node {
        self.0
    }
}

impl<T: IntoNode> ChildOf<GenericElement> for T {}

/// Writes the element alone, without an XML declaration.
impl std::fmt::Display for GenericElement {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write::element(f, &self.0)
    }
}
