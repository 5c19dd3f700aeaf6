//! The linear-system widget's formula as MathML: the equations of the stage shown, one per
//! row of a table (a system reads top to bottom), so a screen reader hears "2 x plus 1 y
//! equals 9".

use super::LinearSystem;
use crate::math::elimination::UNKNOWNS;
use crate::viz::json::Json;
use crate::viz::mathml::{mi, mn, mo, mrow};

impl LinearSystem {
    /// The shown stage's equations, one row of an `mtable` each.
    pub(super) fn equations(&self) -> Json {
        let node = |t: &str, c: Vec<Json>| Json::obj([("t", Json::str(t)), ("c", Json::Arr(c))]);
        let rows = self
            .stage_text()
            .iter()
            .map(|row| {
                let (coefficients, rhs) = row.split_at(row.len().saturating_sub(1));
                let mut parts = Vec::new();
                for (k, (c, name)) in coefficients.iter().zip(UNKNOWNS).enumerate() {
                    let (negative, magnitude) = match c.strip_prefix('-') {
                        Some(rest) => (true, rest),
                        None => (false, c.as_str()),
                    };
                    if k > 0 {
                        parts.push(mo(if negative { "−" } else { "+" }));
                    } else if negative {
                        parts.push(mo("−"));
                    }
                    parts.push(mn(magnitude));
                    parts.push(mi(name));
                }
                parts.push(mo("="));
                parts.extend(rhs.iter().map(|r| match r.strip_prefix('-') {
                    Some(rest) => mrow([mo("−"), mn(rest)]),
                    None => mn(r),
                }));
                node("mtr", vec![node("mtd", vec![mrow(parts)])])
            })
            .collect();
        node("mtable", rows)
    }
}

#[cfg(test)]
mod tests {
    use crate::viz::json::Json;
    use crate::viz::linear_system::LinearSystem;
    use crate::viz::widget::Widget;

    #[test]
    fn one_equation_per_row_of_the_shown_stage() {
        let mut w = LinearSystem::new();
        let rows = |w: &LinearSystem| match w.formula().and_then(|f| f.field("c").cloned()) {
            Some(Json::Arr(rows)) => rows,
            _ => panic!("no equations"),
        };
        let rows_now = rows(&w);
        assert_eq!(rows_now.len(), 2);
        // 2x + 1y = 9
        let first = rows_now[0].to_json();
        for part in [
            r#""s":"2""#,
            r#""s":"x""#,
            r#""s":"+""#,
            r#""s":"y""#,
            r#""s":"9""#,
        ] {
            assert!(first.contains(part), "{part} in {first}");
        }
        w.step(1);
        // After R2 ← R2 − 2·R1: 0x + 1y = 9.
        assert!(rows(&w)[1].to_json().contains(r#""s":"0""#));
    }
}
