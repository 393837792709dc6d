//! SSML tags inside `<Say>`. Their XML names are lower case (`<break>`, `<say-as>`, …);
//! the Rust types carry an `Ssml` prefix (as in Twilio's SDKs) so that `<p>`, `<s>` and `<w>`
//! don't become types named `P`, `S` and `W`.

use super::*;

element! {
    /// SSML `<break>`: a pause inside [`Say`].
    SsmlBreak = "break", empty, fragment;
    attrs {
        strength = "strength": BreakStrength,
        /// Like `500ms` or `2s`.
        time = "time": str,
    }
    children {
    }
}

element! {
    /// SSML `<emphasis>`: speaks its words with emphasis.
    SsmlEmphasis = "emphasis", opt_text, fragment;
    attrs {
        level = "level": EmphasisLevel,
    }
    children {
        break_: SsmlBreak bare,
        emphasis: SsmlEmphasis into,
        lang: SsmlLang into,
        phoneme: SsmlPhoneme into,
        prosody: SsmlProsody into,
        say_as: SsmlSayAs into,
        sub: SsmlSub into,
        w: SsmlW into,
    }
}

element! {
    /// SSML `<lang>`: speaks its words in another language (`xml:lang`).
    SsmlLang = "lang", opt_text, fragment;
    attrs {
        xml_lang = "xml:lang": str,
    }
    children {
        break_: SsmlBreak bare,
        emphasis: SsmlEmphasis into,
        lang: SsmlLang into,
        p: SsmlP into,
        phoneme: SsmlPhoneme into,
        prosody: SsmlProsody into,
        s: SsmlS into,
        say_as: SsmlSayAs into,
        sub: SsmlSub into,
        w: SsmlW into,
    }
}

element! {
    /// SSML `<p>`: a paragraph.
    SsmlP = "p", opt_text, fragment;
    attrs {
    }
    children {
        break_: SsmlBreak bare,
        emphasis: SsmlEmphasis into,
        lang: SsmlLang into,
        phoneme: SsmlPhoneme into,
        prosody: SsmlProsody into,
        s: SsmlS into,
        say_as: SsmlSayAs into,
        sub: SsmlSub into,
        w: SsmlW into,
    }
}

element! {
    /// SSML `<phoneme>`: a phonetic pronunciation (`ph`) of its words.
    SsmlPhoneme = "phoneme", text, fragment;
    attrs {
        alphabet = "alphabet": PhonemeAlphabet,
        ph = "ph": str,
    }
    children {
    }
}

element! {
    /// SSML `<prosody>`: volume, rate and pitch of its words.
    SsmlProsody = "prosody", opt_text, fragment;
    attrs {
        volume = "volume": str,
        rate = "rate": str,
        pitch = "pitch": str,
    }
    children {
        break_: SsmlBreak bare,
        emphasis: SsmlEmphasis into,
        lang: SsmlLang into,
        p: SsmlP into,
        phoneme: SsmlPhoneme into,
        prosody: SsmlProsody into,
        s: SsmlS into,
        say_as: SsmlSayAs into,
        sub: SsmlSub into,
        w: SsmlW into,
    }
}

element! {
    /// SSML `<s>`: a sentence.
    SsmlS = "s", opt_text, fragment;
    attrs {
    }
    children {
        break_: SsmlBreak bare,
        emphasis: SsmlEmphasis into,
        lang: SsmlLang into,
        phoneme: SsmlPhoneme into,
        prosody: SsmlProsody into,
        say_as: SsmlSayAs into,
        sub: SsmlSub into,
        w: SsmlW into,
    }
}

element! {
    /// SSML `<say-as>`: how to read its words (spelled out, as a date, …).
    SsmlSayAs = "say-as", text, fragment;
    attrs {
        interpret_as = "interpret-as": InterpretAs,
        format = "format": SayAsFormat,
    }
    children {
    }
}

element! {
    /// SSML `<sub>`: speaks `alias` instead of its words.
    SsmlSub = "sub", text, fragment;
    attrs {
        alias = "alias": str,
    }
    children {
    }
}

element! {
    /// SSML `<w>`: a word, with a part-of-speech `role`.
    SsmlW = "w", opt_text, fragment;
    attrs {
        role = "role": str,
    }
    children {
        break_: SsmlBreak bare,
        emphasis: SsmlEmphasis into,
        phoneme: SsmlPhoneme into,
        prosody: SsmlProsody into,
        say_as: SsmlSayAs into,
        sub: SsmlSub into,
    }
}
