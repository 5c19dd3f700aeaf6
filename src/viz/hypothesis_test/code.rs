//! The hypothesis-test widget's program: the same test with `scipy.stats` (the statistic and
//! p-value, the rejection region, the power for the chosen effect and the posterior of the
//! mean), ending with the numbers the widget shows.

use super::HypothesisTest;
use crate::math::hypothesis::{Alternative, Test};
use crate::viz::code::{np_array, py_float};
use crate::viz::descriptive_stats::parse_values;

impl HypothesisTest {
    /// The values of a data option, or none when the summary options are used.
    fn values_of(&self, option: &str) -> Option<Vec<f64>> {
        let text = self.options.text(option);
        if text.trim().is_empty() {
            None
        } else {
            parse_values(text).ok()
        }
    }

    /// The lines that set `mean`, `sd` and `n` (with `suffix`) from data or from the summary.
    fn python_sample(
        &self,
        data: Option<&[f64]>,
        name: &str,
        suffix: &str,
        known_sd: bool,
    ) -> String {
        let o = &self.options;
        let opt = |base: &str| {
            if suffix.is_empty() {
                base.to_string()
            } else {
                format!("{base}-b")
            }
        };
        let sd_line = |sd: &str| {
            if known_sd {
                format!(
                    "sd = {}  # sigma, known (a z test takes it as given)\n",
                    py_float(o.float("sd"))
                )
            } else {
                sd.to_string()
            }
        };
        let label = match (suffix, self.model.test) {
            ("", Test::Welch) => "# Sample A.\n",
            ("", _) => "",
            _ => "# Sample B.\n",
        };
        let text = match data {
            Some(values) => format!(
                "{name} = {values}\nmean{suffix}, n{suffix} = np.mean({name}), len({name})\n{sd}",
                values = np_array(values),
                sd = sd_line(&format!("sd{suffix} = np.std({name}, ddof=1)  # the sample SD divides by n - 1\n")),
            ),
            None => format!(
                "mean{suffix}, n{suffix} = {mean}, {n}  # the sample's summary: mean and size\n{sd}",
                mean = py_float(o.float(&opt("mean"))),
                n = o.int(&opt("n")),
                sd = sd_line(&format!("sd{suffix} = {}  # its standard deviation\n", py_float(o.float(&opt("sd"))))),
            ),
        };
        format!("{label}{text}")
    }

    /// The lines that compute `statistic`, `p_value`, `df`, `estimate`, `se` and `null`.
    fn python_test(&self, a: Option<&[f64]>, b: Option<&[f64]>) -> String {
        let m = &self.model;
        let by_hand = "# The p-value: the shaded tail area beyond the statistic.\n\
                       if alternative == \"greater\":\n    p_value = null.sf(statistic)\n\
                       elif alternative == \"less\":\n    p_value = null.cdf(statistic)\n\
                       else:\n    p_value = 2 * null.sf(abs(statistic))  # both tails\n";
        match m.test {
            Test::Z => format!(
                "# The z test: z = (mean - mu0) / (sigma / sqrt(n)), standard normal under H0.\n\
                 se = sd / np.sqrt(n)  # the standard error of the mean\n\
                 estimate = mean - mu0\n\
                 statistic, df = estimate / se, None\n\
                 null = stats.norm()  # the curve: the statistic's distribution under H0\n\
                 {by_hand}"
            ),
            Test::T => {
                let run = if a.is_some() {
                    "result = stats.ttest_1samp(x, mu0, alternative=alternative)\n\
                     statistic, p_value, df = result.statistic, result.pvalue, float(result.df)\n\
                     null = stats.t(df)  # the curve: the statistic's distribution under H0\n"
                        .to_string()
                } else {
                    format!(
                        "statistic, df = estimate / se, n - 1\n\
                         null = stats.t(df)  # the curve: the statistic's distribution under H0\n\
                         {by_hand}"
                    )
                };
                format!(
                    "# The t test: t = (mean - mu0) / (s / sqrt(n)), Student t with n - 1 df under H0.\n\
                     se = sd / np.sqrt(n)  # the standard error of the mean\n\
                     estimate = mean - mu0\n\
                     {run}"
                )
            }
            Test::Welch => {
                let run = if a.is_some() && b.is_some() {
                    "result = stats.ttest_ind(x, y, equal_var=False, alternative=alternative)\n"
                } else {
                    "result = stats.ttest_ind_from_stats(mean, sd, n, mean_b, sd_b, n_b, equal_var=False,\n\
                     \x20                                    alternative=alternative)\n"
                };
                format!(
                    "# Welch's t test of equal means: t = (mean_A - mean_B) / sqrt(s_A^2/n_A + s_B^2/n_B).\n\
                     {run}\
                     statistic, p_value = result.statistic, result.pvalue\n\
                     va, vb = sd**2 / n, sd_b**2 / n_b\n\
                     se = np.sqrt(va + vb)  # the standard error of the difference\n\
                     estimate = mean - mean_b\n\
                     df = (va + vb) ** 2 / (va**2 / (n - 1) + vb**2 / (n_b - 1))  # Welch-Satterthwaite\n\
                     null = stats.t(df)  # the curve: the statistic's distribution under H0\n"
                )
            }
        }
    }

    /// The program for the current state.
    pub(super) fn python(&self) -> String {
        let m = &self.model;
        let o = &self.options;
        let welch = m.test == Test::Welch;
        let a = self.values_of("data");
        let b = if welch {
            self.values_of("data-b")
        } else {
            None
        };
        let mut samples = self.python_sample(a.as_deref(), "x", "", m.test == Test::Z);
        if welch {
            samples.push_str(&self.python_sample(b.as_deref(), "y", "_b", false));
        }
        let alternative = match m.alternative {
            Alternative::TwoSided => "two-sided",
            Alternative::Less => "less",
            Alternative::Greater => "greater",
        };
        let (what, null_value, shift_per_d) = if welch {
            (
                "Welch's two-sample t test",
                "0.0  # H0: the difference of the means is 0",
                "np.sqrt((sd**2 + sd_b**2) / 2) / se  # d is in units of the average SD",
            )
        } else if m.test == Test::Z {
            ("A one-sample z test", "mu0", "np.sqrt(n)")
        } else {
            ("A one-sample t test", "mu0", "np.sqrt(n)")
        };
        let posterior = match m.prior {
            None => format!(
                "# Flat prior: the posterior is the estimate plus se times the null's family.\n\
                 posterior_mean, posterior_scale = centre, se\n\
                 posterior = {}\n",
                if m.test == Test::Z {
                    "stats.norm(centre, se)"
                } else {
                    "stats.t(df, loc=centre, scale=se)"
                }
            ),
            Some((mean, sd)) => format!(
                "# Normal prior N({m}, {s}^2), with the standard error treated as known: precisions add.\n\
                 precision = 1 / {s}**2 + 1 / se**2\n\
                 posterior_mean = ({m} / {s}**2 + centre / se**2) / precision\n\
                 posterior_scale = 1 / np.sqrt(precision)\n\
                 posterior = stats.norm(posterior_mean, posterior_scale)\n",
                m = py_float(mean),
                s = py_float(sd),
            ),
        };
        format!(
            r#"# {what}, as the Mathsight widget computes it.
import json

import numpy as np
from scipy import stats

alternative = "{alternative}"  # H1: two-sided, less or greater
alpha = {alpha}  # the significance level: the red rejection region
mu0 = {mu0}  # the mean under H0 (one-sample tests)
effect = {effect}  # the true effect size d (in SDs) for the power panel


def finite(v):
    """An open side of the rejection region is infinite: JSON writes it as null."""
    return float(v) if np.isfinite(v) else None


{samples}
{test}
# The rejection region: reject H0 when the statistic is below lo or above hi (the red tails).
if alternative == "two-sided":
    lo, hi = null.ppf(alpha / 2), -null.ppf(alpha / 2)
elif alternative == "less":
    lo, hi = null.ppf(alpha), np.inf
else:
    lo, hi = -np.inf, -null.ppf(alpha)
reject = bool(statistic < lo or statistic > hi)

# Power: the chance of rejecting when the true effect is d; the alternative curve is the null
# moved by d times this (exact for z, the normal-theory approximation for t).
shift = effect * {shift_per_d}
power = min(null.cdf(lo - shift) + null.sf(hi - shift), 1.0)

# The posterior of the parameter beside the p-value.
null_value = {null_value}
centre = null_value + estimate
{posterior}# Its probability of the side of H0 that the alternative argues against.
below, above = posterior.cdf(null_value), posterior.sf(null_value)
prob_h0 = below if alternative == "greater" else above if alternative == "less" else min(below, above)

# (The panel of simulated experiments uses the widget's own seeded generator; it is not repeated here.)


decision = "reject" if reject else "do not reject"
print(f"statistic {{statistic:.4g}}, p = {{p_value:.3g}}: {{decision}} H0 at alpha = {{alpha}}; power {{power:.3g}}")
# The widget's state, for comparison.
print(json.dumps({{
    "statistic": statistic, "df": df, "p_value": p_value, "reject": reject, "critical_lo": finite(lo),
    "critical_hi": finite(hi), "estimate": estimate, "standard_error": se, "mean": mean, "sd": sd, "n": n,
    "sample_b": {sample_b}, "shift": shift, "power": power, "beta": 1 - power,
    "posterior_mean": posterior_mean, "posterior_sd_scale": posterior_scale, "posterior_prob_h0": prob_h0,
}}))
"#,
            alpha = py_float(m.alpha),
            mu0 = py_float(o.float("mu0")),
            effect = py_float(m.effect),
            test = self.python_test(a.as_deref(), b.as_deref()),
            sample_b = if welch {
                r#"{"mean": mean_b, "sd": sd_b, "n": n_b}"#
            } else {
                "None"
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::viz::widget::Widget;

    #[test]
    fn each_test_calls_its_scipy_function() {
        let mut w = HypothesisTest::new();
        assert!(w.python().contains("mean, n = 5.8, 25  #"));
        w.set_option("data", "4.1, 5.2, 6.3").unwrap();
        assert!(w
            .python()
            .contains("stats.ttest_1samp(x, mu0, alternative=alternative)"));
        w.set_option("test", "welch").unwrap();
        w.set_option("alternative", "less").unwrap();
        let code = w.python();
        assert!(code.contains("stats.ttest_ind_from_stats("), "{code}");
        assert!(code.contains(r#"alternative = "less""#), "{code}");
        w.set_option("data-b", "1, 2, 3.5").unwrap();
        assert!(w
            .python()
            .contains("stats.ttest_ind(x, y, equal_var=False, alternative=alternative)"));
        w.set_option("test", "z").unwrap();
        let code = w.python();
        assert!(code.contains("null = stats.norm()"), "{code}");
        assert!(code.contains("sd = 2.0  # sigma, known"), "{code}");
    }
}
