//! Quoting what a reader typed, for a message about it: cut to a length, in double quotes,
//! with whatever would not show as itself written as an escape, so that the message shows
//! exactly what was typed and stays on one line.
//!
//! Escapes: `\\`, `\"`, `\n`, `\r`, `\t`, `\0`, and `\u{…}` (hex) for other control characters
//! and for the characters a paste can carry that show only as space or not at all (spaces other
//! than the ASCII one, zero-width spaces and joiners, direction marks and overrides, the
//! byte-order mark, line and paragraph separators).
//! Any other character, in any script, is shown as itself. This is what `str::escape_debug`
//! does for such text, without its Unicode tables (about 4 KB in every wasm module).

/// `raw` cut to `max_chars` characters (then "…"), quoted and escaped.
///
/// ```
/// use mathsight::math::quote::quote;
/// assert_eq!(quote("a \"b\"\n\u{202e}c", 40), r#""a \"b\"\n\u{202e}c""#);
/// assert_eq!(quote("αβγδ", 2), "\"αβ…\"");
/// ```
pub fn quote(raw: &str, max_chars: usize) -> String {
    let mut out = String::with_capacity(raw.len().min(4 * max_chars) + 4);
    out.push('"');
    let mut chars = raw.chars();
    for c in chars.by_ref().take(max_chars) {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push_str("\\0"),
            c if c.is_control() || invisible(c) => {
                out.push_str("\\u{");
                let code = u32::from(c);
                let digits = (32 - code.leading_zeros()).div_ceil(4).max(1);
                for k in (0..digits).rev() {
                    let nibble = (code >> (4 * k)) & 0xf;
                    out.push(char::from_digit(nibble, 16).unwrap_or('0'));
                }
                out.push('}');
            }
            c => out.push(c),
        }
    }
    if chars.next().is_some() {
        out.push('…');
    }
    out.push('"');
    out
}

/// The characters that show nothing, or only space, or reorder or break the text around them:
/// every space but the ASCII one, and the invisible formatting characters.
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{a0}'
            | '\u{ad}'
            | '\u{34f}'
            | '\u{61c}'
            | '\u{115f}'..='\u{1160}'
            | '\u{1680}'
            | '\u{180e}'
            | '\u{2000}'..='\u{200f}'
            | '\u{2028}'..='\u{202f}'
            | '\u{205f}'..='\u{206f}'
            | '\u{3000}'
            | '\u{3164}'
            | '\u{fe00}'..='\u{fe0f}'
            | '\u{feff}'
            | '\u{ffa0}'
            | '\u{fff0}'..='\u{fffb}'
            | '\u{e0000}'..='\u{e0fff}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_would_not_show_and_nothing_else() {
        assert_eq!(quote("", 5), "\"\"");
        assert_eq!(quote("a\\b", 5), r#""a\\b""#);
        assert_eq!(
            quote("x\u{1b}y\u{7f}\u{85}", 9),
            r#""x\u{1b}y\u{7f}\u{85}""#
        );
        assert_eq!(quote("a\u{200b}b\u{feff}", 9), r#""a\u{200b}b\u{feff}""#);
        assert_eq!(quote("é 中 🙂 − ≤", 20), "\"é 中 🙂 − ≤\"");
        assert_eq!(quote("12345", 5), "\"12345\"");
        assert_eq!(quote("123456", 5), "\"12345…\"");
    }

    /// proptest runs natively only (it is a native dev-dependency).
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            /// On text of controls, the invisible characters and printable letters and symbols of
            /// several scripts, `quote` writes what `escape_debug` writes. (`escape_debug` also
            /// escapes `'`, a combining mark at the very start and unassigned code points; `quote`
            /// shows them as they are.)
            #[test]
            fn agrees_with_escape_debug(s in "[\\x00-&(-\\x7f\u{80}-\u{2ff}\u{391}-\u{3a1}\u{3a3}-\u{3c9}\u{4e00}-\u{4e80}\u{1f600}-\u{1f64f}\u{200b}-\u{200f}\u{2028}-\u{202e}\u{2060}-\u{2064}\u{feff}]{0,12}") {
                let ours = quote(&s, 100);
                let std = format!("\"{}\"", s.escape_debug());
                prop_assert_eq!(ours, std);
            }
        }
    }
}
