//! User text made safe to show: control characters, bidi overrides and zero-width characters
//! become visible stand-ins, so a spec or catalog cannot send terminal escapes, reorder what a
//! reader sees (a right-to-left override) or hide text (zero-width characters) in a record, an
//! index, a link label or terminal output.
//!
//! Every character is replaced by exactly one character, so columns counted in the original
//! text stay true in the shown text.

use std::borrow::Cow;

/// What `c` is shown as, or None when it is shown as itself. Tab and line feed are kept: they
/// are layout, not hidden content; callers of one-line contexts replace line feeds themselves.
pub fn stand_in(c: char) -> Option<char> {
    match c {
        '\t' | '\n' => None,
        // C0 controls as their Unicode control pictures (ESC shows as `␛`).
        '\0'..='\x1f' => char::from_u32(0x2400 + c as u32),
        '\x7f' => Some('\u{2421}'),
        // C1 controls (CSI among them), bidi embeddings, overrides and isolates, marks, and
        // zero-width characters: nothing to picture them with, so the replacement character.
        '\u{80}'..='\u{9f}'
        | '\u{061c}'
        | '\u{200b}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2069}'
        | '\u{feff}' => Some('\u{fffd}'),
        _ => None,
    }
}

/// `text` with every hidden or control character replaced by a visible stand-in.
pub fn visible(text: &str) -> Cow<'_, str> {
    // Fast path for the common case, printable ASCII with tabs and line feeds: a byte test the
    // compiler vectorises, where decoding every character of every record cell was a tenth of a
    // `decide`.
    if text.bytes().all(|b| matches!(b, b' '..=b'~' | b'\t' | b'\n')) {
        return Cow::Borrowed(text);
    }
    if !text.chars().any(|c| stand_in(c).is_some()) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(|c| stand_in(c).unwrap_or(c)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_bidi_and_zero_width_characters_become_visible() {
        assert_eq!(visible("red\x1b[31m"), "red\u{241b}[31m");
        assert_eq!(visible("a\u{9b}2J"), "a\u{fffd}2J");
        assert_eq!(visible("evil\u{202e}txt.exe"), "evil\u{fffd}txt.exe");
        assert_eq!(visible("x\u{2066}y\u{2069}"), "x\u{fffd}y\u{fffd}");
        assert_eq!(visible("zero\u{200b}width\u{feff}"), "zero\u{fffd}width\u{fffd}");
        assert_eq!(visible("bell\x07\x7f"), "bell\u{2407}\u{2421}");
    }

    #[test]
    fn the_ascii_fast_path_agrees_with_the_character_rule() {
        for b in 0u8..=0x7f {
            let c = char::from(b);
            let fast = matches!(b, b' '..=b'~' | b'\t' | b'\n');
            if fast {
                assert!(
                    stand_in(c).is_none(),
                    "byte {b:#04x} takes the fast path but has a stand-in"
                );
            }
        }
    }

    #[test]
    fn ordinary_text_is_borrowed_unchanged() {
        let text = "Pick a framework — Äpfel, 日本語\tand\nlines";
        assert!(matches!(visible(text), Cow::Borrowed(t) if t == text));
    }

    #[test]
    fn one_character_stays_one_character() {
        let text = "\x1b\u{202e}\u{200b}\r\x00a";
        assert_eq!(visible(text).chars().count(), text.chars().count());
    }
}
