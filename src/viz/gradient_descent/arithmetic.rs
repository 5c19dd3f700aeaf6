//! "Show the arithmetic": the current step of the gradient-descent widget worked out with its
//! numbers — each point's residual, the sums that make ∂J/∂m and ∂J/∂c, the gradient, and the
//! update of m and c — as plain data the shell renders as a table and MathML.

use super::GradientDescent;
use crate::viz::format::sig;
use crate::viz::json::Json;

/// The most table rows shown; the sums always cover every point of the batch.
pub const MAX_ROWS: usize = 40;

/// One side of a fraction: a number if it starts with a digit, else an identifier.
fn atom(text: &str) -> Json {
    let kind = if text.starts_with(|c: char| c.is_ascii_digit()) {
        "mn"
    } else {
        "mi"
    };
    Json::obj([(kind, Json::str(text))])
}

/// An equation as MathML tokens from a compact spec of space-separated tokens: `i:x` an
/// identifier, `o:=` an operator, `f:a/b` a fraction, `#` the next of `values` (in
/// parentheses when negative, so "− α·(−3.2)" reads right), `#p` the next value plain.
pub(super) fn equation(spec: &str, values: &[f64]) -> Json {
    let mut next = values.iter();
    let mut out = Vec::new();
    for token in spec.split(' ') {
        match token.split_once(':') {
            Some(("i", t)) => out.push(Json::obj([("mi", Json::str(t))])),
            Some(("o", t)) => out.push(Json::obj([("mo", Json::str(t))])),
            Some(("f", t)) => {
                let (num, den) = t.split_once('/').unwrap_or((t, "1"));
                out.push(Json::obj([(
                    "frac",
                    Json::obj([
                        ("num", Json::Arr(vec![atom(num)])),
                        ("den", Json::Arr(vec![atom(den)])),
                    ]),
                )]));
            }
            _ => {
                let v = next.next().copied().unwrap_or(f64::NAN);
                let n = Json::obj([("mn", Json::str(sig(v, 4)))]);
                if token == "#" && v < 0.0 {
                    out.extend([
                        Json::obj([("mo", Json::str("("))]),
                        n,
                        Json::obj([("mo", Json::str(")"))]),
                    ]);
                } else {
                    out.push(n);
                }
            }
        }
    }
    Json::Arr(out)
}

impl GradientDescent {
    /// The worked step; see [`crate::viz::widget::Widget::details`].
    pub(super) fn arithmetic(&self) -> Json {
        let now = self.descent.current();
        let [m, c] = now.theta;
        let step = self.descent.steps();
        let batch = self.model.cost.batch(step as u64);
        let points = self.model.cost.points();
        let x_name = if self.model.scale.is_some() {
            "x′"
        } else {
            "x"
        };
        let (mut sum_r, mut sum_xr) = (0.0, 0.0);
        let mut rows = Vec::new();
        for &i in &batch {
            let Some(p) = points.get(i) else { continue };
            let fitted = m * p[0] + c;
            let r = p[1] - fitted;
            sum_r += r;
            sum_xr += p[0] * r;
            if rows.len() < MAX_ROWS {
                rows.push(Json::Arr(
                    [
                        (i + 1).to_string(),
                        sig(p[0], 4),
                        sig(p[1], 4),
                        sig(fitted, 4),
                        sig(r, 4),
                        sig(p[0] * r, 4),
                    ]
                    .into_iter()
                    .map(Json::Str)
                    .collect(),
                ));
            }
        }
        let b = batch.len().max(1);
        let bf = b as f64;
        let (gm, gc) = (-2.0 * sum_xr / bf, -2.0 * sum_r / bf);
        let alpha = self.descent.learning_rate();
        let [dm, dc] = now.gradient;
        let over = if b == points.len() {
            format!("all {b} points")
        } else {
            format!("the batch of {b} of {} points", points.len())
        };
        let n_name = if b == points.len() { "n" } else { "b" };
        let equations = vec![
            equation(
                &format!("f:∂J/∂m o:= o:− f:2/{n_name} o:· o:Σ i:{x_name} o:· i:r o:= o:− f:2/{b} o:· # o:= #"),
                &[sum_xr, gm],
            ),
            equation(
                &format!("f:∂J/∂c o:= o:− f:2/{n_name} o:· o:Σ i:r o:= o:− f:2/{b} o:· # o:= #"),
                &[sum_r, gc],
            ),
            equation("i:∇J o:= o:( #p o:, #p o:)", &[dm, dc]),
            equation(
                "i:m o:← i:m o:− i:α o:· f:∂J/∂m o:= # o:− # o:· # o:= #",
                &[m, alpha, dm, m - alpha * dm],
            ),
            equation(
                "i:c o:← i:c o:− i:α o:· f:∂J/∂c o:= # o:− # o:· # o:= #",
                &[c, alpha, dc, c - alpha * dc],
            ),
        ];
        Json::obj([
            (
                "caption",
                Json::str(format!(
                    "Step {} → {}: residuals r = y − (m·{x_name} + c) over {over}, at m = {}, c = {}",
                    step,
                    step + 1,
                    sig(m, 4),
                    sig(c, 4)
                )),
            ),
            (
                "columns",
                Json::Arr(
                    [
                        "point".to_string(),
                        x_name.to_string(),
                        "y".to_string(),
                        format!("m·{x_name} + c"),
                        "r".to_string(),
                        format!("{x_name}·r"),
                    ]
                    .into_iter()
                    .map(Json::Str)
                    .collect(),
                ),
            ),
            ("rows", Json::Arr(rows)),
            (
                "footer",
                Json::Arr(
                    [
                        "Σ".to_string(),
                        String::new(),
                        String::new(),
                        String::new(),
                        sig(sum_r, 4),
                        sig(sum_xr, 4),
                    ]
                    .into_iter()
                    .map(Json::Str)
                    .collect(),
                ),
            ),
            ("hidden_rows", Json::Num(b.saturating_sub(MAX_ROWS) as f64)),
            (
                "equations",
                Json::Arr(equations),
            ),
            ("gradient", Json::nums([gm, gc])),
            ("next", Json::nums([m - alpha * dm, c - alpha * dc])),
        ])
    }
}
