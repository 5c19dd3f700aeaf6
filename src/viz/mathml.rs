//! Formulas as MathML trees, sent to the shell as plain data (never as markup): the shell
//! builds the elements with `createElementNS` and sets leaf text with `textContent`, so a label
//! from an attribute can never become markup.
//!
//! A node is `{"t": tag, "s": text}` for a leaf (`mi`, `mn`, `mo`, `mtext`) or
//! `{"t": tag, "c": [children]}` for `mrow`, `mfrac` (numerator, denominator), `msub`, `msup`,
//! `mover` (base, script) and `msqrt`.

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

/// A base with a subscript: x₁, μ₀.
pub fn msub(base: Json, subscript: Json) -> Json {
    Json::obj([
        ("t", Json::str("msub")),
        ("c", Json::Arr(vec![base, subscript])),
    ])
}

/// A base with a superscript: x², σ².
pub fn msup(base: Json, superscript: Json) -> Json {
    Json::obj([
        ("t", Json::str("msup")),
        ("c", Json::Arr(vec![base, superscript])),
    ])
}

/// A base with a mark over it: x̄ (`mover(mi("x"), mo("¯"))`).
pub fn mover(base: Json, over: Json) -> Json {
    Json::obj([
        ("t", Json::str("mover")),
        ("c", Json::Arr(vec![base, over])),
    ])
}

/// The mean x̄, as x with a bar over it.
pub fn x_bar() -> Json {
    mover(mi("x"), mo("¯"))
}

/// A square root.
pub fn msqrt(inner: Json) -> Json {
    Json::obj([("t", Json::str("msqrt")), ("c", Json::Arr(vec![inner]))])
}

/// A number as MathML: `mn` with its digits, a leading minus as an operator (so it reads
/// "minus 2", not a hyphen).
pub fn number(text: &str) -> Json {
    match text.strip_prefix('-').or_else(|| text.strip_prefix('−')) {
        Some(rest) => mrow([mo("−"), mn(rest)]),
        None => mn(text),
    }
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
    fn a_negative_number_reads_as_minus_and_its_digits() {
        assert_eq!(
            number("-2.5").to_json(),
            r#"{"t":"mrow","c":[{"t":"mo","s":"−"},{"t":"mn","s":"2.5"}]}"#
        );
        assert_eq!(number("3").to_json(), r#"{"t":"mn","s":"3"}"#);
        assert_eq!(
            msup(mi("x"), mn("2")).to_json(),
            r#"{"t":"msup","c":[{"t":"mi","s":"x"},{"t":"mn","s":"2"}]}"#
        );
    }

    #[test]
    fn a_conditional_probability_is_a_row_of_leaves() {
        assert_eq!(
            probability("A", Some("B")).to_json(),
            r#"{"t":"mrow","c":[{"t":"mi","s":"P"},{"t":"mo","s":"("},{"t":"mi","s":"A"},{"t":"mo","s":"|"},{"t":"mi","s":"B"},{"t":"mo","s":")"}]}"#
        );
    }
}
