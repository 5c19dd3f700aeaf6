//! Helpers for "Show the code": each widget writes a short NumPy/SciPy program that recomputes
//! what it shows, with its data inlined. The program's last line prints a JSON object whose
//! keys are the widget's `state` fields, so a test can compare the two.

/// A float as Python source: the shortest text that reads back as the same f64.
///
/// ```
/// use mathsight::viz::code::py_float;
/// assert_eq!(py_float(0.1), "0.1");
/// assert_eq!(py_float(2.0), "2.0");
/// assert_eq!(py_float(-1e-7), "-1e-7");
/// assert_eq!(py_float(f64::NAN), "float('nan')");
/// ```
pub fn py_float(x: f64) -> String {
    if x.is_nan() {
        return "float('nan')".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 {
            "float('inf')"
        } else {
            "float('-inf')"
        }
        .to_string();
    }
    // Debug formatting keeps a ".0" on whole numbers, as Python writes floats.
    crate::math::float_text::debug(x)
}

/// A string as a Python string literal (JSON's escapes are Python's), so text a reader typed
/// (a label, a table header) can never end the literal or a comment and run as code.
///
/// ```
/// use mathsight::viz::code::py_str;
/// assert_eq!(py_str("say \"hi\"\n"), r#""say \"hi\"\n""#);
/// ```
pub fn py_str(text: &str) -> String {
    super::json::Json::str(text).to_json()
}

/// An optional float as Python source: `None` when absent (the state writes it as null).
pub fn py_opt(x: Option<f64>) -> String {
    x.map_or_else(|| "None".to_string(), py_float)
}

/// A list of floats as a `np.array([...])` expression, wrapped to lines of about 88 characters.
pub fn np_array(values: &[f64]) -> String {
    let mut out = wrapped_list(values.iter().map(|v| py_float(*v)));
    out.push(')');
    out
}

/// Points as a `np.array([[x, y], ...])` expression (one row per point), wrapped like
/// [`np_array`].
pub fn np_points(points: &[[f64; 2]]) -> String {
    let mut out = wrapped_list(
        points
            .iter()
            .map(|p| format!("[{}, {}]", py_float(p[0]), py_float(p[1]))),
    );
    // An empty list still has two columns.
    out.push_str(if points.is_empty() {
        ").reshape(0, 2)"
    } else {
        ")"
    });
    out
}

/// `np.array([item, item, …]` (without the closing parenthesis), wrapped to lines of about 88
/// characters.
fn wrapped_list(items: impl Iterator<Item = String>) -> String {
    let mut out = String::from("np.array([");
    let mut line_len = out.len();
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push(',');
            if line_len + item.len() + 3 > 88 {
                out.push_str("\n    ");
                line_len = 4;
            } else {
                out.push(' ');
                line_len += 2;
            }
        }
        line_len += item.len();
        out.push_str(&item);
    }
    out.push(']');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_read_back_exactly() {
        for x in [0.1 + 0.2, 1e300, -3.0, 123.456, 5e-324] {
            assert_eq!(py_float(x).parse::<f64>().unwrap(), x);
        }
    }

    #[test]
    fn arrays_wrap() {
        let a = np_array(&[1.5; 40]);
        assert!(a.starts_with("np.array([1.5, 1.5"));
        assert!(a.lines().all(|l| l.len() <= 92), "{a}");
        assert_eq!(np_array(&[]), "np.array([])");
    }

    #[test]
    fn points_are_rows() {
        assert_eq!(
            np_points(&[[1.0, -2.5], [0.1, 3.0]]),
            "np.array([[1.0, -2.5], [0.1, 3.0]])"
        );
        let many = np_points(&[[1.25, -2.5]; 30]);
        assert!(
            many.lines().count() > 3 && many.lines().all(|l| l.len() <= 92),
            "{many}"
        );
        assert_eq!(np_points(&[]), "np.array([]).reshape(0, 2)");
    }

    #[test]
    fn strings_and_options() {
        assert_eq!(py_str("a\u{1}b"), "\"a\\u0001b\"");
        assert_eq!(py_opt(None), "None");
        assert_eq!(py_opt(Some(0.5)), "0.5");
    }
}
