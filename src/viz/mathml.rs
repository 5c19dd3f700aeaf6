//! Formulas as MathML trees, sent to the shell as plain data (never as markup): the shell
//! builds the elements with `createElementNS` and sets leaf text with `textContent`, so a label
//! from an attribute can never become markup.
//!
//! A node is `{"t": tag, "s": text}` for a leaf (`mi`, `mn`, `mo`, `mtext`) or
//! `{"t": tag, "c": [children]}` for `mrow`, `mfrac` (numerator, denominator) and `msub`.

use super::json::Json;

/// An identifier such as P or A.
pub fn mi(text: &str) -> Json {
    leaf("mi", text)
}

/// A number.
pub fn mn(text: &str) -> Json {
    leaf("mn", text)
}

/// An operator or fence: =, ·, (, |.
pub fn mo(text: &str) -> Json {
    leaf("mo", text)
}

/// Running text, such as a label.
pub fn mtext(text: &str) -> Json {
    leaf("mtext", text)
}

/// A horizontal group.
pub fn mrow(children: impl IntoIterator<Item = Json>) -> Json {
    Json::obj([
        ("t", Json::str("mrow")),
        ("c", Json::Arr(children.into_iter().collect())),
    ])
}

/// A fraction.
pub fn mfrac(numerator: Json, denominator: Json) -> Json {
    Json::obj([
        ("t", Json::str("mfrac")),
        ("c", Json::Arr(vec![numerator, denominator])),
    ])
}

fn leaf(tag: &str, text: &str) -> Json {
    Json::obj([("t", Json::str(tag)), ("s", Json::str(text))])
}

/// P(`event`) or P(`event`|`given`) as a row: `P ( A | B )`.
pub fn probability(event: &str, given: Option<&str>) -> Json {
    let mut row = vec![mi("P"), mo("("), mi(event)];
    if let Some(g) = given {
        row.push(mo("|"));
        row.push(mi(g));
    }
    row.push(mo(")"));
    mrow(row)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_conditional_probability_is_a_row_of_leaves() {
        assert_eq!(
            probability("A", Some("B")).to_json(),
            r#"{"t":"mrow","c":[{"t":"mi","s":"P"},{"t":"mo","s":"("},{"t":"mi","s":"A"},{"t":"mo","s":"|"},{"t":"mi","s":"B"},{"t":"mo","s":")"}]}"#
        );
    }
}
