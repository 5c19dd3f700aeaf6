//! Reading matrices and vectors written as text: rows separated by `;`, entries by `,`
//! ("2,1;4,3"). Whole numbers and fractions ("-3/2") stay exact; decimals ("0.25", "1e3") are
//! floating point. Every error names the matrix, the row and the column.

use std::fmt;

use super::decimal::parse_f64;
use super::rational::Rational;

/// The largest magnitude accepted for an entry (as for data coordinates): products and sums
/// in a 3×3 elimination of numbers this size stay far from overflow.
pub const MAX_ENTRY: f64 = 1e9;

/// One entry as written: exact when it was a whole number or a fraction.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Entry {
    /// A whole number or fraction, kept exact.
    Exact(Rational),
    /// A decimal number.
    Float(f64),
}

impl Entry {
    /// The value as an `f64`.
    pub fn to_f64(&self) -> f64 {
        match self {
            Entry::Exact(q) => q.to_f64(),
            Entry::Float(x) => *x,
        }
    }
}

/// Text that is not a usable matrix or vector: what, where, and what was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextError {
    /// The option's name ("a", "b", "points").
    pub name: &'static str,
    /// The whole message, without the name prefix.
    pub detail: String,
}

impl fmt::Display for TextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.name, self.detail)
    }
}

impl std::error::Error for TextError {}

fn quoted(raw: &str) -> String {
    super::quote::quote(raw, 24)
}

/// Parses one entry; `place` says where it is ("row 2, column 1") for the message.
pub fn parse_entry(name: &'static str, place: &str, raw: &str) -> Result<Entry, TextError> {
    let text = raw.trim();
    let err = |detail: String| TextError { name, detail };
    if text.is_empty() {
        return Err(err(format!("{place} is empty; write a number there")));
    }
    let whole = |s: &str| -> Option<i64> {
        let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        s.parse::<i64>().ok()
    };
    let in_range = |v: f64| v.abs() <= MAX_ENTRY;
    if let Some(k) = whole(text) {
        if !in_range(k as f64) {
            return Err(err(format!(
                "{place} must be within ±1e9, got {}",
                quoted(text)
            )));
        }
        return Ok(Entry::Exact(Rational::int(k)));
    }
    if let Some((p, q)) = text.split_once('/') {
        return match (whole(p.trim()), whole(q.trim())) {
            (Some(_), Some(0)) => Err(err(format!(
                "{place} divides by zero, got {}",
                quoted(text)
            ))),
            (Some(p), Some(q)) if in_range(p as f64) && in_range(q as f64) => {
                match Rational::new(p as i128, q as i128) {
                    Some(r) => Ok(Entry::Exact(r)),
                    None => Err(err(format!(
                        "{place} is not a usable fraction, got {}",
                        quoted(text)
                    ))),
                }
            }
            (Some(_), Some(_)) => Err(err(format!(
                "{place} must be a fraction of whole numbers within ±1e9, got {}",
                quoted(text)
            ))),
            _ => Err(err(format!(
                "{place} must be a number (like 3, -1/2 or 0.25), got {}",
                quoted(text)
            ))),
        };
    }
    match parse_f64(text) {
        Some(v) if !v.is_finite() => {
            Err(err(format!("{place} must be finite, got {}", quoted(text))))
        }
        Some(v) if !in_range(v) => Err(err(format!(
            "{place} must be within ±1e9, got {}",
            quoted(text)
        ))),
        Some(v) => Ok(Entry::Float(v)),
        None => Err(err(format!(
            "{place} must be a number (like 3, -1/2 or 0.25), got {}",
            quoted(text)
        ))),
    }
}

/// Splits `text` on `sep`, dropping one trailing empty piece ("1,2;3,4;" is two rows).
fn pieces(text: &str, sep: char) -> Vec<&str> {
    let mut parts: Vec<&str> = text.trim().split(sep).collect();
    if parts.len() > 1 && parts.last().is_some_and(|p| p.trim().is_empty()) {
        parts.pop();
    }
    parts
}

/// A matrix written "2,1;4,3": every row must have the same number of entries.
pub fn parse_matrix(name: &'static str, text: &str) -> Result<Vec<Vec<Entry>>, TextError> {
    if text.trim().is_empty() {
        return Err(TextError {
            name,
            detail:
                "the matrix is empty; write rows separated by ; and entries by , (like 2,1;4,3)"
                    .to_string(),
        });
    }
    let mut rows: Vec<Vec<Entry>> = Vec::new();
    for (i, row) in pieces(text, ';').into_iter().enumerate() {
        if row.trim().is_empty() {
            return Err(TextError {
                name,
                detail: format!("row {} is empty", i + 1),
            });
        }
        let entries = row
            .split(',')
            .enumerate()
            .map(|(j, raw)| parse_entry(name, &format!("row {}, column {}", i + 1, j + 1), raw))
            .collect::<Result<Vec<_>, _>>()?;
        if let Some(first) = rows.first() {
            if first.len() != entries.len() {
                return Err(TextError {
                    name,
                    detail: format!(
                        "row {} has {} entries but row 1 has {}; every row needs the same number",
                        i + 1,
                        entries.len(),
                        first.len()
                    ),
                });
            }
        }
        rows.push(entries);
    }
    Ok(rows)
}

/// A vector written "9,27" (or "9;27"): entry k is row k.
pub fn parse_vector(name: &'static str, text: &str) -> Result<Vec<Entry>, TextError> {
    if text.trim().is_empty() {
        return Err(TextError {
            name,
            detail: "the vector is empty; write one number per row, separated by , (like 9,27)"
                .to_string(),
        });
    }
    let sep = if text.contains(',') { ',' } else { ';' };
    pieces(text, sep)
        .into_iter()
        .enumerate()
        .map(|(i, raw)| parse_entry(name, &format!("row {}", i + 1), raw))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(n: i128, d: i128) -> Entry {
        Entry::Exact(Rational::new(n, d).unwrap())
    }

    #[test]
    fn reads_integers_fractions_and_decimals() {
        let m = parse_matrix("a", " 2, 1 ; 4,-3/6;").unwrap();
        assert_eq!(m, vec![vec![q(2, 1), q(1, 1)], vec![q(4, 1), q(-1, 2)]]);
        assert_eq!(
            parse_vector("b", "0.5,1e3").unwrap(),
            vec![Entry::Float(0.5), Entry::Float(1000.0)]
        );
    }

    #[test]
    fn errors_name_the_row_and_column() {
        let cases = [
            (
                "1,2;3",
                "a: row 2 has 1 entries but row 1 has 2; every row needs the same number",
            ),
            (
                "1,2;3,x",
                "a: row 2, column 2 must be a number (like 3, -1/2 or 0.25), got \"x\"",
            ),
            (
                "1,NaN;3,4",
                "a: row 1, column 2 must be finite, got \"NaN\"",
            ),
            (
                "1,inf;3,4",
                "a: row 1, column 2 must be finite, got \"inf\"",
            ),
            (
                "1,2;3,1e300",
                "a: row 2, column 2 must be within ±1e9, got \"1e300\"",
            ),
            (
                "1,2;3,1/0",
                "a: row 2, column 2 divides by zero, got \"1/0\"",
            ),
            ("1,2;;3,4", "a: row 2 is empty"),
            (
                "1,,2;3,4,5",
                "a: row 1, column 2 is empty; write a number there",
            ),
            (
                "",
                "a: the matrix is empty; write rows separated by ; and entries by , (like 2,1;4,3)",
            ),
        ];
        for (text, message) in cases {
            assert_eq!(
                parse_matrix("a", text).unwrap_err().to_string(),
                message,
                "{text}"
            );
        }
        assert_eq!(
            parse_vector("b", "9,z").unwrap_err().to_string(),
            "b: row 2 must be a number (like 3, -1/2 or 0.25), got \"z\""
        );
    }
}
