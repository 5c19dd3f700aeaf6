//! The regression-statistics widget's program: the same points fitted with
//! `scipy.stats.linregress`, with R², standard errors, the slope's t and p, and the residual
//! standard error, as the widget reports them.

use super::{RegressionStats, Source};
use crate::viz::code::{np_array, py_str};

impl RegressionStats {
    /// Where the points came from, as comment lines.
    fn python_source(&self) -> String {
        let o = &self.options;
        let t = &self.model.table;
        match self.model.source {
            Source::Generated => format!(
                "# Generated points (n = {}, around y = {} x + {}, noise {}, seed {}) come from the widget's\n\
                 # own seeded generator, which NumPy does not have, so they are written out here.\n",
                o.int("n"),
                crate::math::float_text::Float(o.float("slope")),
                crate::math::float_text::Float(o.float("intercept")),
                crate::math::float_text::Float(o.float("noise")),
                o.int("seed")
            ),
            Source::Points => String::new(),
            Source::Csv => {
                let mut text = String::from("# From the pasted table");
                if let Some([hx, hy]) = &t.header {
                    text.push_str(&format!(" (columns {} and {})", py_str(hx), py_str(hy)));
                }
                let skipped: Vec<String> = t.errors.iter().map(|e| e.line.to_string()).collect();
                if !skipped.is_empty() {
                    text.push_str(&format!(
                        "; the widget skipped line{} {}",
                        if skipped.len() > 1 { "s" } else { "" },
                        skipped.join(", ")
                    ));
                }
                if t.dropped > 0 {
                    text.push_str(&format!("; {} rows beyond the limit were left out", t.dropped));
                }
                text.push_str(".\n");
                text
            }
        }
    }

    /// The program for the current state.
    pub(super) fn python(&self) -> String {
        let xs: Vec<f64> = self.model.points.iter().map(|p| p[0]).collect();
        let ys: Vec<f64> = self.model.points.iter().map(|p| p[1]).collect();
        format!(
            r#"# Ordinary least squares with its statistics, as the Mathsight widget computes them.
import json

import numpy as np
from scipy import stats

# The points on the scatter plot.
{source}x = {x}
y = {y}

fit = stats.linregress(x, y)  # the fitted line y = slope x + intercept
n, df = len(x), len(x) - 2  # residual degrees of freedom: two parameters were fitted
residuals = y - (fit.intercept + fit.slope * x)  # the residual plot
residual_se = np.sqrt(np.sum(residuals**2) / df)  # s, the typical distance from the line
with np.errstate(divide="ignore"):
    slope_t = fit.slope / fit.stderr  # the slope's t for H0: slope = 0 (infinite for a perfect fit)


def finite(v):
    """A perfect fit has an infinite t: JSON writes it as null."""
    return float(v) if np.isfinite(v) else None


print(f"y = {{fit.slope:.4g}} x + {{fit.intercept:.4g}}, R^2 = {{fit.rvalue**2:.4g}}")
print(f"slope: t = {{slope_t:.4g}} on {{df}} df, p = {{fit.pvalue:.3g}}")
# The widget's state, for comparison.
print(json.dumps({{
    "n": n, "slope": fit.slope, "intercept": fit.intercept, "r_squared": fit.rvalue**2,
    "slope_stderr": fit.stderr, "intercept_stderr": fit.intercept_stderr, "slope_t": finite(slope_t),
    "slope_p_value": fit.pvalue, "df": df, "residual_se": residual_se,
}}))
"#,
            source = self.python_source(),
            x = np_array(&xs),
            y = np_array(&ys),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::viz::widget::Widget;

    #[test]
    fn pasted_tables_are_described_and_inlined() {
        let mut w = RegressionStats::new();
        assert!(w.python().contains("written out here"));
        w.set_option("csv", "hours,score\n1,52\n2,oops\n3,61\n4,70\n")
            .unwrap();
        let code = w.python();
        assert!(
            code.contains(r#"# From the pasted table (columns "hours" and "score"); the widget skipped line 3."#),
            "{code}"
        );
        assert!(code.contains("x = np.array([1.0, 3.0, 4.0])\n"), "{code}");
        assert!(
            code.contains("y = np.array([52.0, 61.0, 70.0])\n"),
            "{code}"
        );
        assert!(code.contains("stats.linregress(x, y)"), "{code}");
    }
}
