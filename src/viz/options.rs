//! Widget options: one table per widget defines every option (name, kind, default, range,
//! one-line doc), and that table drives the attribute parser, the URL state, the embed
//! snippets and the docs.
//!
//! Raw text (an attribute, a URL parameter) becomes a validated [`OptionValue`] in one step,
//! [`OptionSpec::parse`]; a bad value is an [`OptionError`] that names the option, the valid
//! range and the value, and changes nothing.

use crate::math::float_text::Float;
use std::fmt;

use super::json::Json;
use crate::math::decimal::parse_f64;

/// The longest raw option value accepted, in bytes. Longer text is refused before parsing.
pub const MAX_RAW_LEN: usize = 100_000;

/// The most data points an option may hold.
pub const MAX_POINTS: usize = 1_000;

/// What kind of value an option holds, with its valid range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum OptionKind {
    /// A finite number in [min, max]; `log` asks for a logarithmic slider.
    Float {
        /// Smallest valid value.
        min: f64,
        /// Largest valid value.
        max: f64,
        /// Whether a slider for it should be logarithmic.
        log: bool,
    },
    /// A whole number in [min, max].
    Int {
        /// Smallest valid value.
        min: i64,
        /// Largest valid value.
        max: i64,
    },
    /// `true` or `false` (also `1`/`0`, `yes`/`no`, `on`/`off`, and empty for true).
    Bool,
    /// Data points written "x,y;x,y;…"; empty means "use generated data".
    Points,
    /// One of a fixed set of words.
    Choice(&'static [&'static str]),
    /// Free text of at most `max_chars` characters (a label, a matrix "2,1;4,3"); the widget
    /// parses and validates it further. Never treated as HTML.
    Text {
        /// The most characters accepted.
        max_chars: usize,
    },
    /// Text of several lines (pasted CSV): like [`OptionKind::Text`], but line breaks and
    /// tabs are allowed. Never treated as HTML.
    Lines {
        /// The most characters accepted.
        max_chars: usize,
    },
}

/// One option of a widget: the single definition everything else is derived from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OptionSpec {
    /// The kebab-case name, as an attribute and a URL key.
    pub name: &'static str,
    /// Its kind and range.
    pub kind: OptionKind,
    /// The default, as raw text (it must parse: a test checks every table).
    pub default: &'static str,
    /// One line for the docs.
    pub doc: &'static str,
}

/// A validated option value.
#[derive(Debug, Clone, PartialEq)]
pub enum OptionValue {
    /// A finite number.
    Float(f64),
    /// A whole number.
    Int(i64),
    /// A flag.
    Bool(bool),
    /// Data points `[x, y]` (possibly none).
    Points(Vec<[f64; 2]>),
    /// The chosen word.
    Choice(&'static str),
    /// Free text (trimmed).
    Text(String),
}

/// A rejected option value.
#[derive(Clone, PartialEq)]
pub struct OptionError {
    /// The option's name.
    pub option: String,
    /// The whole message, naming the option, the valid range and the value.
    pub message: String,
}

impl fmt::Display for OptionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// The option and the message, unquoted: a derived `Debug` would quote both with
/// `escape_debug`, and the wasm would carry its Unicode tables (the widgets' `expect` on their
/// default options refers to this).
impl fmt::Debug for OptionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "OptionError({}: {})", self.option, self.message)
    }
}

impl std::error::Error for OptionError {}

/// `raw`, quoted and cut to 40 characters, for echoing back in a message.
pub fn quote(raw: &str) -> String {
    crate::math::quote::quote(raw, 40)
}

/// Whether `text` holds markup or a script URL: an HTML tag start (`<` then an ASCII letter,
/// `/`, `!` or `?`, as the HTML tokenizer reads one) or a `javascript:`, `vbscript:` or
/// `data:text/html` scheme (compared without ASCII case, as URL schemes are, and without the
/// whitespace and control characters a browser skips in a URL). The shell
/// only ever sets text, so such a value could not run; it is refused anyway, with a message,
/// so that a hostile link or attribute never even shows up as a label. `x < y` is fine.
pub fn looks_like_markup(text: &str) -> bool {
    // Bytes are enough: `<` and the ASCII letters are single bytes in UTF-8, never part of a
    // longer character (and a plain byte search keeps the string searcher out of the wasm).
    let starts_tag = |n: &u8| n.is_ascii_alphabetic() || matches!(n, b'/' | b'!' | b'?');
    if text
        .as_bytes()
        .windows(2)
        .any(|pair| matches!(pair, [b'<', n] if starts_tag(n)))
    {
        return true;
    }
    // Each character as one byte, lowercased (one beyond U+00FF as 0x80: the schemes are ASCII,
    // so no byte above 0x7F can be part of a match).
    let squeezed: Vec<u8> = text
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .map(|c| u8::try_from(c).map_or(0x80, |b| b.to_ascii_lowercase()))
        .collect();
    [&b"javascript:"[..], b"vbscript:", b"data:text/html"]
        .iter()
        .any(|scheme| squeezed.windows(scheme.len()).any(|w| w == *scheme))
}

impl OptionSpec {
    /// The message for text that looks like markup or a script URL (see [`looks_like_markup`]).
    fn markup_error(&self, raw: &str) -> OptionError {
        OptionError {
            option: self.name.to_string(),
            message: format!(
                "{} must be plain text, without HTML tags or script URLs, got {}",
                self.name,
                quote(raw)
            ),
        }
    }

    /// The valid range in words: "a number from 0.0001 to 10".
    pub fn expected(&self) -> String {
        match self.kind {
            OptionKind::Float { min, max, .. } => {
                format!("a number from {} to {}", Float(min), Float(max))
            }
            OptionKind::Int { min, max } => format!("a whole number from {min} to {max}"),
            OptionKind::Bool => "true or false".to_string(),
            OptionKind::Points => {
                format!("points written x,y;x,y;… (at most {MAX_POINTS}), or empty")
            }
            OptionKind::Choice(words) => format!("one of {}", words.join(", ")),
            OptionKind::Text { max_chars } => format!("text of at most {max_chars} characters"),
            OptionKind::Lines { max_chars } => {
                format!("lines of text of at most {max_chars} characters")
            }
        }
    }

    /// The type's name for docs: "number", "integer", "boolean", "points" or "choice".
    pub fn type_name(&self) -> &'static str {
        match self.kind {
            OptionKind::Float { .. } => "number",
            OptionKind::Int { .. } => "integer",
            OptionKind::Bool => "boolean",
            OptionKind::Points => "points",
            OptionKind::Choice(_) => "choice",
            OptionKind::Text { .. } => "text",
            OptionKind::Lines { .. } => "lines",
        }
    }

    fn error(&self, raw: &str) -> OptionError {
        OptionError {
            option: self.name.to_string(),
            message: format!(
                "{} must be {}, got {}",
                self.name,
                self.expected(),
                quote(raw)
            ),
        }
    }

    /// Parses and range-checks `raw`.
    pub fn parse(&self, raw: &str) -> Result<OptionValue, OptionError> {
        if raw.len() > MAX_RAW_LEN {
            return Err(OptionError {
                option: self.name.to_string(),
                message: format!(
                    "{} is {} bytes long; at most {MAX_RAW_LEN} are accepted",
                    self.name,
                    raw.len()
                ),
            });
        }
        let text = raw.trim();
        match self.kind {
            OptionKind::Float { min, max, .. } => match parse_f64(text) {
                Some(x) if x.is_finite() && x >= min && x <= max => Ok(OptionValue::Float(x)),
                _ => Err(self.error(raw)),
            },
            OptionKind::Int { min, max } => match text.parse::<i64>() {
                Ok(k) if k >= min && k <= max => Ok(OptionValue::Int(k)),
                _ => Err(self.error(raw)),
            },
            OptionKind::Bool => match text.to_ascii_lowercase().as_str() {
                "" | "true" | "1" | "yes" | "on" => Ok(OptionValue::Bool(true)),
                "false" | "0" | "no" | "off" => Ok(OptionValue::Bool(false)),
                _ => Err(self.error(raw)),
            },
            OptionKind::Choice(words) => words
                .iter()
                .find(|w| w.eq_ignore_ascii_case(text))
                .map(|w| OptionValue::Choice(w))
                .ok_or_else(|| self.error(raw)),
            OptionKind::Text { .. } | OptionKind::Lines { .. } if looks_like_markup(text) => {
                Err(self.markup_error(raw))
            }
            OptionKind::Text { max_chars } => {
                if text.chars().count() <= max_chars && !text.chars().any(char::is_control) {
                    Ok(OptionValue::Text(text.to_string()))
                } else {
                    Err(self.error(raw))
                }
            }
            OptionKind::Lines { max_chars } => {
                let ok = |c: char| !c.is_control() || matches!(c, '\n' | '\r' | '\t');
                if text.chars().count() <= max_chars && text.chars().all(ok) {
                    Ok(OptionValue::Text(text.to_string()))
                } else {
                    Err(self.error(raw))
                }
            }
            OptionKind::Points => parse_points(text)
                .map(OptionValue::Points)
                .map_err(|message| OptionError {
                    option: self.name.to_string(),
                    message: format!("{}: {message}", self.name),
                }),
        }
    }
}

/// Parses "x,y;x,y;…" (spaces allowed, a trailing `;` ignored). The message names the entry.
pub fn parse_points(text: &str) -> Result<Vec<[f64; 2]>, String> {
    let mut points = Vec::new();
    for (i, entry) in text.split(';').enumerate() {
        let entry = entry.trim();
        if entry.is_empty() {
            continue;
        }
        if points.len() == MAX_POINTS {
            return Err(format!("at most {MAX_POINTS} points are accepted"));
        }
        let mut parts = entry.split(',').map(str::trim);
        let parsed = match (parts.next(), parts.next(), parts.next()) {
            (Some(x), Some(y), None) => parse_f64(x).zip(parse_f64(y)),
            _ => None,
        };
        match parsed {
            Some((x, y)) if x.is_finite() && y.is_finite() => points.push([x, y]),
            Some(_) => {
                return Err(format!(
                    "entry {} {} must be two finite numbers x,y",
                    i + 1,
                    quote(entry)
                ))
            }
            None => {
                return Err(format!(
                    "entry {} {} must be two numbers x,y",
                    i + 1,
                    quote(entry)
                ))
            }
        }
    }
    Ok(points)
}

/// Writes points as "x,y;x,y", each number as the shortest text that reads back exactly.
pub fn format_points(points: &[[f64; 2]]) -> String {
    points
        .iter()
        .map(|p| {
            format!(
                "{},{}",
                crate::math::float_text::Float(p[0]),
                crate::math::float_text::Float(p[1])
            )
        })
        .collect::<Vec<_>>()
        .join(";")
}

/// The current values of one widget's options, always valid.
#[derive(Debug, Clone, PartialEq)]
pub struct OptionSet {
    specs: &'static [OptionSpec],
    values: Vec<OptionValue>,
    raw: Vec<String>,
}

impl OptionSet {
    /// Every option at its default.
    pub fn new(specs: &'static [OptionSpec]) -> Self {
        let values = specs
            .iter()
            .map(|s| s.parse(s.default).unwrap_or(OptionValue::Bool(false)))
            .collect();
        let raw = specs.iter().map(|s| s.default.to_string()).collect();
        OptionSet { specs, values, raw }
    }

    /// The table this set follows.
    pub fn specs(&self) -> &'static [OptionSpec] {
        self.specs
    }

    fn index(&self, name: &str) -> Option<usize> {
        let found = self.specs.iter().position(|s| s.name == name);
        debug_assert!(found.is_some(), "no option named {name}");
        found
    }

    /// Sets `name` from raw text; on error nothing changes.
    pub fn set(&mut self, name: &str, raw: &str) -> Result<(), OptionError> {
        let Some(i) = self.specs.iter().position(|s| s.name == name) else {
            let names: Vec<&str> = self.specs.iter().map(|s| s.name).collect();
            return Err(OptionError {
                option: name.chars().take(40).collect(),
                message: format!(
                    "unknown option {}; the options are {}",
                    quote(name),
                    names.join(", ")
                ),
            });
        };
        let value = self.specs[i].parse(raw)?;
        // Canonical raw text: what the URL and snippets will show.
        self.raw[i] = match &value {
            OptionValue::Float(x) => crate::math::float_text::plain(*x),
            OptionValue::Int(k) => format!("{k}"),
            OptionValue::Bool(b) => format!("{b}"),
            OptionValue::Points(p) => format_points(p),
            OptionValue::Choice(w) => w.to_string(),
            OptionValue::Text(t) => t.clone(),
        };
        self.values[i] = value;
        Ok(())
    }

    /// A number option's value (NaN for a name not in the table).
    pub fn float(&self, name: &str) -> f64 {
        match self.index(name).and_then(|i| self.values.get(i)) {
            Some(OptionValue::Float(x)) => *x,
            Some(OptionValue::Int(k)) => *k as f64,
            _ => f64::NAN,
        }
    }

    /// A whole-number option's value (0 for a name not in the table).
    pub fn int(&self, name: &str) -> i64 {
        match self.index(name).and_then(|i| self.values.get(i)) {
            Some(OptionValue::Int(k)) => *k,
            _ => 0,
        }
    }

    /// A flag's value (false for a name not in the table).
    pub fn flag(&self, name: &str) -> bool {
        matches!(
            self.index(name).and_then(|i| self.values.get(i)),
            Some(OptionValue::Bool(true))
        )
    }

    /// A points option's value (empty for a name not in the table).
    pub fn points(&self, name: &str) -> &[[f64; 2]] {
        match self.index(name).and_then(|i| self.values.get(i)) {
            Some(OptionValue::Points(p)) => p,
            _ => &[],
        }
    }

    /// A choice option's word ("" for a name not in the table).
    pub fn choice(&self, name: &str) -> &'static str {
        match self.index(name).and_then(|i| self.values.get(i)) {
            Some(OptionValue::Choice(w)) => w,
            _ => "",
        }
    }

    /// A text option's value ("" for a name not in the table).
    pub fn text(&self, name: &str) -> &str {
        match self.index(name).and_then(|i| self.values.get(i)) {
            Some(OptionValue::Text(t)) => t,
            _ => "",
        }
    }

    /// The canonical raw text of every option, in table order.
    pub fn raw_pairs(&self) -> impl Iterator<Item = (&'static str, &str)> {
        self.specs
            .iter()
            .zip(&self.raw)
            .map(|(s, r)| (s.name, r.as_str()))
    }

    /// The options that differ from their defaults: what a URL or snippet needs to carry.
    pub fn changed_pairs(&self) -> impl Iterator<Item = (&'static str, &str)> {
        let defaults = OptionSet::new(self.specs);
        self.specs
            .iter()
            .zip(&self.raw)
            .zip(self.values.iter().zip(defaults.values))
            .filter(|(_, (v, d))| *v != d)
            .map(|((s, r), _)| (s.name, r.as_str()))
    }

    /// The options as a JSON object of canonical raw text.
    pub fn to_json(&self) -> Json {
        Json::obj(self.raw_pairs().map(|(k, v)| (k, Json::str(v))))
    }
}

/// The table as JSON, for the shell and the docs:
/// `[{"name", "type", "default", "doc", "expected", "min", "max", "log", "choices"}]`.
pub fn specs_json(specs: &[OptionSpec]) -> Json {
    Json::Arr(
        specs
            .iter()
            .map(|s| {
                let mut o = Json::obj([
                    ("name", Json::str(s.name)),
                    ("type", Json::str(s.type_name())),
                    ("default", Json::str(s.default)),
                    ("doc", Json::str(s.doc)),
                    ("expected", Json::str(s.expected())),
                ]);
                match s.kind {
                    OptionKind::Float { min, max, log } => {
                        o.insert("min", Json::Num(min));
                        o.insert("max", Json::Num(max));
                        o.insert("log", Json::Bool(log));
                    }
                    OptionKind::Int { min, max } => {
                        o.insert("min", Json::Num(min as f64));
                        o.insert("max", Json::Num(max as f64));
                    }
                    OptionKind::Choice(words) => {
                        o.insert(
                            "choices",
                            Json::Arr(words.iter().map(|w| Json::str(*w)).collect()),
                        );
                    }
                    OptionKind::Text { max_chars } | OptionKind::Lines { max_chars } => {
                        o.insert("max_chars", Json::Num(max_chars as f64));
                    }
                    OptionKind::Bool | OptionKind::Points => {}
                }
                o
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// proptest runs natively only (it is a native dev-dependency).
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// The check written plainly with the standard string functions.
        fn plainly(text: &str) -> bool {
            let tag = text.char_indices().any(|(i, c)| {
                c == '<'
                    && text[i + 1..]
                        .chars()
                        .next()
                        .is_some_and(|n| n.is_ascii_alphabetic() || "/!?".contains(n))
            });
            let squeezed: String = text
                .chars()
                .filter(|c| !c.is_whitespace() && !c.is_control())
                .map(|c| c.to_ascii_lowercase())
                .collect();
            tag || ["javascript:", "vbscript:", "data:text/html"]
                .iter()
                .any(|s| squeezed.contains(s))
        }

        proptest! {
            #[test]
            fn the_byte_search_agrees_with_the_plain_one(
                text in proptest::collection::vec(
                    prop_oneof![
                        12 => "[<>/!?ajvsJVSdx: \t\n\u{1}é中]",
                        1 => Just("javascript:".to_string()),
                        1 => Just("VBScript:".to_string()),
                        1 => Just("data:text/html".to_string()),
                    ],
                    0..14,
                ).prop_map(|tokens| tokens.concat())
            ) {
                prop_assert_eq!(looks_like_markup(&text), plainly(&text), "{:?}", text);
            }
        }
    }

    #[test]
    fn markup_and_script_urls_are_refused_in_text() {
        for bad in [
            "<img src=x onerror=alert(1)>",
            "a</b>",
            "<!-- x -->",
            "javascript:alert(1)",
            "  JavaScript:alert(1)",
            "java\tscript:alert(1)",
            "VBScript:x",
            "data:text/html,<b>",
        ] {
            assert!(looks_like_markup(bad), "{bad:?}");
        }
        for fine in [
            "x < y",
            "a <= b",
            "Bob's friend \"Ed\"",
            "1 <2",
            "",
            "P(B|A) > 0.5",
        ] {
            assert!(!looks_like_markup(fine), "{fine:?}");
        }
        let spec = OptionSpec {
            name: "label-a",
            kind: OptionKind::Text { max_chars: 40 },
            default: "",
            doc: "",
        };
        let e = spec.parse("<img src=x onerror=alert(1)>").unwrap_err();
        assert_eq!(
            e.message,
            "label-a must be plain text, without HTML tags or script URLs, got \"<img src=x onerror=alert(1)>\""
        );
        assert!(spec.parse("x < y").is_ok());
    }

    const SPECS: &[OptionSpec] = &[
        OptionSpec {
            name: "learning-rate",
            kind: OptionKind::Float {
                min: 1e-4,
                max: 10.0,
                log: true,
            },
            default: "0.1",
            doc: "step size",
        },
        OptionSpec {
            name: "n",
            kind: OptionKind::Int { min: 2, max: 500 },
            default: "12",
            doc: "points",
        },
        OptionSpec {
            name: "show",
            kind: OptionKind::Bool,
            default: "true",
            doc: "flag",
        },
        OptionSpec {
            name: "points",
            kind: OptionKind::Points,
            default: "",
            doc: "data",
        },
    ];

    #[test]
    fn accepts_good_values() {
        let mut o = OptionSet::new(SPECS);
        o.set("learning-rate", " 0.05 ").unwrap();
        o.set("n", "40").unwrap();
        o.set("show", "off").unwrap();
        o.set("points", "1,2; 3.5,-4;").unwrap();
        assert_eq!(o.float("learning-rate"), 0.05);
        assert_eq!(o.int("n"), 40);
        assert!(!o.flag("show"));
        assert_eq!(o.points("points"), &[[1.0, 2.0], [3.5, -4.0]]);
        let changed: Vec<_> = o.changed_pairs().collect();
        assert_eq!(
            changed,
            vec![
                ("learning-rate", "0.05"),
                ("n", "40"),
                ("show", "false"),
                ("points", "1,2;3.5,-4")
            ]
        );
    }

    #[test]
    fn rejects_bad_values_with_the_range() {
        let mut o = OptionSet::new(SPECS);
        let cases = [
            (
                "learning-rate",
                "-0.1",
                "learning-rate must be a number from 0.0001 to 10, got \"-0.1\"",
            ),
            (
                "learning-rate",
                "NaN",
                "learning-rate must be a number from 0.0001 to 10, got \"NaN\"",
            ),
            (
                "n",
                "2.5",
                "n must be a whole number from 2 to 500, got \"2.5\"",
            ),
            ("show", "maybe", "show must be true or false, got \"maybe\""),
            (
                "points",
                "1,2;3,x",
                "points: entry 2 \"3,x\" must be two numbers x,y",
            ),
            (
                "points",
                "1,2;3,inf",
                "points: entry 2 \"3,inf\" must be two finite numbers x,y",
            ),
            (
                "colour",
                "red",
                "unknown option \"colour\"; the options are learning-rate, n, show, points",
            ),
        ];
        for (name, raw, message) in cases {
            assert_eq!(o.set(name, raw).unwrap_err().message, message);
        }
        assert_eq!(o, OptionSet::new(SPECS), "a rejected value changes nothing");
    }

    #[test]
    fn long_values_are_cut_in_messages() {
        let mut o = OptionSet::new(SPECS);
        let e = o.set("n", &"9".repeat(200)).unwrap_err();
        assert!(e.message.len() < 120, "{}", e.message);
        assert!(o.set("n", &"9".repeat(MAX_RAW_LEN + 1)).is_err());
    }
}
