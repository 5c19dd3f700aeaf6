//! The option table of the logistic-regression widget, and the "x,y,class;…" point format.

use crate::math::decimal::parse_f64;
use crate::math::logistic::Labelled;
use crate::viz::options::{quote, OptionKind, OptionSpec, MAX_POINTS};

/// The option table.
pub const OPTIONS: &[OptionSpec] = &[
    OptionSpec {
        name: "points",
        kind: OptionKind::Text { max_chars: 40_000 },
        default: "",
        doc: "labelled points \"x,y,class;…\" with class 0 or 1; empty means generated data (n, separation, seed)",
    },
    OptionSpec {
        name: "n",
        kind: OptionKind::Int { min: 4, max: 400 },
        default: "40",
        doc: "number of generated points, half in each class",
    },
    OptionSpec {
        name: "separation",
        kind: OptionKind::Float { min: 0.0, max: 10.0, log: false },
        default: "2.5",
        doc: "distance between the two classes' centres, in standard deviations",
    },
    OptionSpec {
        name: "seed",
        kind: OptionKind::Int { min: 0, max: 4_294_967_295 },
        default: "3",
        doc: "seed of the generated points",
    },
    OptionSpec {
        name: "learning-rate",
        kind: OptionKind::Float { min: 0.001, max: 100.0, log: true },
        default: "0.5",
        doc: "learning rate α: each step moves (w₁, w₂, b) by −α·∇L",
    },
    OptionSpec {
        name: "steps",
        kind: OptionKind::Int { min: 0, max: 100_000 },
        default: "0",
        doc: "steps already taken when the widget loads or is reset",
    },
    OptionSpec {
        name: "speed",
        kind: OptionKind::Float { min: 1.0, max: 240.0, log: true },
        default: "30",
        doc: "steps per second while playing",
    },
    OptionSpec {
        name: "add-class",
        kind: OptionKind::Choice(&["0", "1"]),
        default: "1",
        doc: "the class a click (or the key 0 or 1 at the keyboard cursor) adds",
    },
];

/// Parses "x,y,class;…" (spaces allowed, a trailing `;` ignored); the message names the entry.
pub fn parse_labelled(text: &str) -> Result<Vec<Labelled>, String> {
    let mut points = Vec::new();
    for (i, entry) in text.split(';').enumerate() {
        let entry = entry.trim();
        if entry.is_empty() {
            continue;
        }
        if points.len() == MAX_POINTS {
            return Err(format!("at most {MAX_POINTS} points are accepted"));
        }
        let parts: Vec<&str> = entry.split(',').map(str::trim).collect();
        let parsed = match parts.as_slice() {
            [x, y, c] => parse_f64(x).zip(parse_f64(y)).zip(match *c {
                "0" => Some(0u8),
                "1" => Some(1u8),
                _ => None,
            }),
            _ => None,
        };
        match parsed {
            Some(((x, y), class)) if x.is_finite() && y.is_finite() => {
                points.push(Labelled { x: [x, y], class })
            }
            _ => {
                return Err(format!(
                    "entry {} {} must be x,y,class with finite x and y and class 0 or 1",
                    i + 1,
                    quote(entry)
                ))
            }
        }
    }
    Ok(points)
}

/// Writes points as "x,y,class;…", each number as the shortest text that reads back exactly.
pub fn format_labelled(points: &[Labelled]) -> String {
    points
        .iter()
        .map(|p| {
            format!(
                "{},{},{}",
                crate::math::float_text::Float(p.x[0]),
                crate::math::float_text::Float(p.x[1]),
                p.class
            )
        })
        .collect::<Vec<_>>()
        .join(";")
}
