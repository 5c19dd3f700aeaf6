//! "Show the arithmetic": the current step of the gradient-descent widget worked out with its
//! numbers — each point's residual, the sums that make ∂J/∂m and ∂J/∂c, the gradient, and the
//! update of m and c — as plain data the shell renders as a table and MathML.

use super::GradientDescent;
use crate::viz::format::sig;
use crate::viz::json::Json;

/// The most table rows shown; the sums always cover every point of the batch.
pub const MAX_ROWS: usize = 40;

fn mi(s: &str) -> Json {
    Json::obj([("mi", Json::str(s))])
}

fn mo(s: &str) -> Json {
    Json::obj([("mo", Json::str(s))])
}

/// A number token, in parentheses when negative so "− α·(−3.2)" reads right.
fn mn(v: f64) -> Vec<Json> {
    let n = Json::obj([("mn", Json::str(sig(v, 4)))]);
    if v < 0.0 {
        vec![mo("("), n, mo(")")]
    } else {
        vec![n]
    }
}

fn frac(num: Vec<Json>, den: Vec<Json>) -> Json {
    Json::obj([(
        "frac",
        Json::obj([("num", Json::Arr(num)), ("den", Json::Arr(den))]),
    )])
}

fn partial(of: &str) -> Json {
    frac(vec![mi("∂J")], vec![mi(&format!("∂{of}"))])
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
        let mut eq_m = vec![
            partial("m"),
            mo("="),
            mo("−"),
            frac(
                vec![Json::obj([("mn", Json::str("2"))])],
                vec![mi(if b == points.len() { "n" } else { "b" })],
            ),
            mo("·"),
            mo("Σ"),
            mi(x_name),
            mo("·"),
            mi("r"),
            mo("="),
            mo("−"),
            frac(
                vec![Json::obj([("mn", Json::str("2"))])],
                vec![Json::obj([("mn", Json::str(b.to_string()))])],
            ),
            mo("·"),
        ];
        eq_m.extend(mn(sum_xr));
        eq_m.push(mo("="));
        eq_m.extend(mn(gm));
        let mut eq_c = vec![
            partial("c"),
            mo("="),
            mo("−"),
            frac(
                vec![Json::obj([("mn", Json::str("2"))])],
                vec![mi(if b == points.len() { "n" } else { "b" })],
            ),
            mo("·"),
            mo("Σ"),
            mi("r"),
            mo("="),
            mo("−"),
            frac(
                vec![Json::obj([("mn", Json::str("2"))])],
                vec![Json::obj([("mn", Json::str(b.to_string()))])],
            ),
            mo("·"),
        ];
        eq_c.extend(mn(sum_r));
        eq_c.push(mo("="));
        eq_c.extend(mn(gc));
        let plain = |v: f64| Json::obj([("mn", Json::str(sig(v, 4)))]);
        let eq_grad = vec![
            mi("∇J"),
            mo("="),
            mo("("),
            plain(dm),
            mo(","),
            plain(dc),
            mo(")"),
        ];
        let update = |name: &str, v: f64, g: f64| {
            let mut e = vec![
                mi(name),
                mo("←"),
                mi(name),
                mo("−"),
                mi("α"),
                mo("·"),
                partial(name),
                mo("="),
            ];
            e.extend(mn(v));
            e.push(mo("−"));
            e.extend(mn(alpha));
            e.push(mo("·"));
            e.extend(mn(g));
            e.push(mo("="));
            e.extend(mn(v - alpha * g));
            Json::Arr(e)
        };
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
                Json::Arr(vec![
                    Json::Arr(eq_m),
                    Json::Arr(eq_c),
                    Json::Arr(eq_grad),
                    update("m", m, dm),
                    update("c", c, dc),
                ]),
            ),
            ("gradient", Json::nums([gm, gc])),
            ("next", Json::nums([m - alpha * dm, c - alpha * dc])),
        ])
    }
}
