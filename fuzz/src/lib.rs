//! The entry functions of Mathsight's fuzz targets, shared by the libFuzzer binaries in
//! `fuzz_targets/` and by the main crate's `tests/fuzz_corpus.rs`, which replays the committed
//! corpus through them in every `cargo test` (no libFuzzer needed there).
//!
//! Each function takes arbitrary bytes and panics only when an invariant is broken — which is
//! what the fuzzer looks for:
//!
//! - [`options`]: the bytes are a URL fragment or query (`widget=optimizers&surface=valley…`),
//!   decoded as the shell's `URLSearchParams` decodes it, and every pair is handed to the
//!   widget's `set_option` as `www/ms/url-state.js` and `el.setOption` hand it over. A rejected
//!   value must come back as an error with a short message and leave the state as it was; an
//!   unknown name must be refused; the state must still be written and the widget still draw.
//! - [`data`]: the bytes are pasted text, read by every data and matrix parser (the CSV table,
//!   points, values, labelled points, matrices, vectors, a linear system). Whatever they accept
//!   must be finite, within the documented limits and of the documented shape.

use mathsight::math::matrix_text::{parse_matrix, parse_vector, Entry, MAX_ENTRY};
use mathsight::math::table::{parse_table, MAX_ROWS};
use mathsight::viz::descriptive_stats::parse_values;
use mathsight::viz::logistic_regression::parse_labelled;
use mathsight::viz::options::{parse_points, MAX_POINTS};
use mathsight::viz::registry::{AnyWidget, KINDS};
use mathsight::viz::theme::Theme;

/// The longest error message accepted: a message quotes a bad value briefly, never whole.
pub const MAX_MESSAGE_LEN: usize = 600;

/// Decodes `%XX` escapes and `+` as `application/x-www-form-urlencoded` does (what
/// `URLSearchParams` does in the shell); a malformed escape stays as written, and bytes that
/// are not UTF-8 become U+FFFD.
pub fn form_decode(raw: &[u8]) -> String {
    let hex = |b: u8| (b as char).to_digit(16);
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while let Some(&b) = raw.get(i) {
        match b {
            b'+' => out.push(b' '),
            b'%' => match (
                raw.get(i + 1).and_then(|&h| hex(h)),
                raw.get(i + 2).and_then(|&l| hex(l)),
            ) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            _ => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The name–value pairs of a fragment or query, in order, as `URLSearchParams` yields them
/// (one leading `#` or `?` dropped, as `paramsToState` drops it).
pub fn form_pairs(data: &[u8]) -> Vec<(String, String)> {
    let data = match data.first() {
        Some(b'#' | b'?') => data.get(1..).unwrap_or_default(),
        _ => data,
    };
    data.split(|&b| b == b'&')
        .filter(|piece| !piece.is_empty())
        .map(|piece| match piece.iter().position(|&b| b == b'=') {
            Some(at) => (
                form_decode(piece.get(..at).unwrap_or_default()),
                form_decode(piece.get(at + 1..).unwrap_or_default()),
            ),
            None => (form_decode(piece), String::new()),
        })
        .collect()
}

/// Reads `data` as a URL fragment and applies it to a widget, checking the boundary's promises.
pub fn options(data: &[u8]) {
    let pairs = form_pairs(data);
    let named = pairs
        .iter()
        .find(|(k, _)| k == "widget")
        .and_then(|(_, name)| KINDS.iter().find(|k| k.name == name));
    assert!(
        !KINDS.is_empty(),
        "the registry is empty: mathsight must be built with its widgets (all-widgets)"
    );
    let fallback = data.first().map_or(0, |&b| usize::from(b) % KINDS.len());
    let Some(kind) = named.or_else(|| KINDS.get(fallback)) else {
        return;
    };
    let Ok(mut any) = AnyWidget::create(kind.name) else {
        panic!("{} cannot be created", kind.name);
    };
    for (name, value) in &pairs {
        match name.as_str() {
            "widget" | "hide" => continue,
            "lock" => {
                let locks: Vec<&str> = value.split(',').map(str::trim).collect();
                any.as_widget_mut().set_locks(&locks);
                continue;
            }
            _ => {}
        }
        let known = kind.options.iter().any(|s| s.name == name);
        let before = any.as_widget().state().to_json();
        match any.as_widget_mut().set_option(name, value) {
            Ok(()) => assert!(known, "{}: unknown option {name:?} accepted", kind.name),
            Err(e) => {
                assert!(
                    !e.message.is_empty() && e.message.len() <= MAX_MESSAGE_LEN,
                    "{}: {name}={value:?} gave the message {:?}",
                    kind.name,
                    e.message
                );
                let after = any.as_widget().state().to_json();
                assert!(
                    after == before,
                    "{}: the rejected {name}={value:?} changed the state",
                    kind.name
                );
            }
        }
    }
    any.as_widget_mut().reset();
    any.as_widget_mut().step(u32::from(data.len() as u8 % 4));
    let w = any.as_widget();
    // A number that cannot be computed (κ of a singular matrix) may be ∞ in the state; the
    // JSON writer turns it into `null`, which is the documented contract.
    let json = w.state().to_json();
    assert!(json.starts_with('{') && json.ends_with('}'), "{json}");
    let _ = (w.readouts(), w.message(), w.describe(), w.controls());
    let _ = (w.table(), w.formula(), w.details(), w.code(), w.key_help());
    let _ = (
        w.lockable(),
        w.share_steps(),
        w.options().changed_pairs().count(),
    );
    let theme = Theme::LIGHT.with_overrides(&String::from_utf8_lossy(data));
    if let Err(e) = any.to_svg(320.0, 1.0, theme) {
        panic!("{}: drawing failed: {e}", kind.name);
    }
}

fn entry_ok(e: &Entry) -> bool {
    let x = e.to_f64();
    x.is_finite() && x.abs() <= MAX_ENTRY
}

/// Reads `data` as pasted text with every data and matrix parser, checking what they accept.
pub fn data(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let lines = text.lines().count();

    let table = parse_table(&text);
    assert!(table.points.len() <= MAX_ROWS);
    assert!(table
        .points
        .iter()
        .flatten()
        .all(|v| v.is_finite() && v.abs() <= 1e9));
    for e in &table.errors {
        assert!(e.line >= 1 && e.line <= lines, "{e} of {lines} lines");
        assert!(matches!(e.column, None | Some(1 | 2)), "{e}");
        assert!(
            !e.reason.is_empty() && e.reason.len() <= MAX_MESSAGE_LEN,
            "{e}"
        );
    }
    if let Some(header) = &table.header {
        assert!(header.iter().all(|h| h.chars().count() <= 40));
    }

    let check = |what: &str, result: Result<usize, String>| {
        if let Err(message) = result {
            assert!(
                !message.is_empty() && message.len() <= MAX_MESSAGE_LEN,
                "{what}: {message:?}"
            );
        }
    };
    check(
        "points",
        parse_points(&text).map(|p| {
            assert!(p.len() <= MAX_POINTS);
            assert!(p.iter().flatten().all(|v| v.is_finite()));
            p.len()
        }),
    );
    check(
        "values",
        parse_values(&text).map(|v| {
            assert!(v.iter().all(|x| x.is_finite() && x.abs() <= 1e9));
            v.len()
        }),
    );
    check(
        "labelled",
        parse_labelled(&text).map(|p| {
            assert!(p.len() <= MAX_POINTS);
            assert!(p
                .iter()
                .all(|l| l.x.iter().all(|v| v.is_finite()) && l.class <= 1));
            p.len()
        }),
    );
    check(
        "matrix",
        parse_matrix("a", &text)
            .map(|rows| {
                let width = rows.first().map_or(0, Vec::len);
                assert!(width > 0 && rows.iter().all(|r| r.len() == width));
                assert!(rows.iter().flatten().all(entry_ok));
                rows.len()
            })
            .map_err(|e| e.to_string()),
    );
    check(
        "vector",
        parse_vector("b", &text)
            .map(|v| {
                assert!(!v.is_empty() && v.iter().all(entry_ok));
                v.len()
            })
            .map_err(|e| e.to_string()),
    );
    let (a, b) = text.split_once('|').unwrap_or((&text, "1,2,3"));
    check(
        "system",
        mathsight::math::linear_system::parse_system(a, b)
            .map(|(m, v)| {
                assert!((2..=3).contains(&m.len()) && v.len() == m.len());
                assert!(m.iter().all(|r| r.len() == m.len()));
                m.len()
            })
            .map_err(|e| e.to_string()),
    );
}
