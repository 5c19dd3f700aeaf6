//! The descriptive-statistics widget's program: the same values summarised with NumPy —
//! centre, spread, quartiles by `np.percentile(method="linear")`, whiskers and histogram bins.

use super::DescriptiveStats;
use crate::math::descriptive::MAX_BINS;
use crate::viz::code::{np_array, py_float};

impl DescriptiveStats {
    /// The program for the current state.
    pub(super) fn python(&self) -> String {
        let source = if self.options.text("data").trim().is_empty() {
            format!(
                "# Generated data ({} shape, n = {}, seed = {}) comes from the widget's own seeded generator,\n\
                 # which NumPy does not have, so the values are written out here.\n",
                self.options.choice("shape"),
                self.options.int("n"),
                self.options.int("seed")
            )
        } else {
            String::new()
        };
        format!(
            r#"# Descriptive statistics of one list of numbers, as the Mathsight widget computes them.
import json

import numpy as np

# The values: the dots on the number line.
{source}x = {values}
bin_width = {bin_width}  # the histogram's bin width; 0 means "choose one"

n = len(x)
mean = np.mean(x)  # the triangle under the number line
median = np.median(x)  # the line inside the box
values, repeats = np.unique(x, return_counts=True)
mode_count = int(repeats.max()) if repeats.max() > 1 else 0  # how often the commonest value occurs
modes = values[repeats == mode_count]  # every value occurring that often; none when no value repeats
variance = np.var(x, ddof=1) if n > 1 else None  # the sample variance s^2 divides by n - 1
population_variance = np.var(x)  # divides by n
# The box: numpy's default "linear" quantiles (Hyndman & Fan type 7), as the widget uses.
q1, q3 = np.percentile(x, [25, 75], method="linear")
iqr = q3 - q1
# Tukey's whiskers: the most extreme values within 1.5 IQR of the box, never inside the box.
whiskers = [min(x[x >= q1 - 1.5 * iqr].min(), q1), max(x[x <= q3 + 1.5 * iqr].max(), q3)]


def nice(raw):
    """raw rounded to the nearest 1, 2 or 5 x 10^k (on a log scale)."""
    unit = 10 ** np.floor(np.log10(raw))
    f = raw / unit
    return (1 if f < np.sqrt(2) else 2 if f < np.sqrt(10) else 5 if f < np.sqrt(50) else 10) * unit


def nice_at_least(raw):
    """The smallest 1, 2 or 5 x 10^k at or above raw."""
    unit = 10 ** np.floor(np.log10(raw))
    return next((s * unit for s in (1, 2, 5, 10) if s * unit >= raw), 20 * unit)


if bin_width <= 0:
    # Freedman-Diaconis 2 IQR / n^(1/3); Scott's 3.49 sigma / n^(1/3) when the IQR is 0.
    fd, scott = 2 * iqr / np.cbrt(n), 3.49 * np.sqrt(population_variance) / np.cbrt(n)
    bin_width = nice(fd if fd > 0 else scott if scott > 0 else max(abs(mean) * 0.1, 1.0))
if (x.max() - x.min()) / bin_width >= {max_bins}:
    bin_width = nice_at_least((x.max() - x.min()) / {last_bin})  # at most {max_bins} bins are drawn
# The bars: bins [start + k w, start + (k + 1) w) from a multiple of the width; the last holds the maximum.
start = np.floor(x.min() / bin_width) * bin_width
bins = int(np.clip(np.floor((x.max() - start) / bin_width) + 1, 1, {max_bins} + 1))
counts = np.bincount(np.clip(np.floor((x - start) / bin_width), 0, bins - 1).astype(int), minlength=bins)

print(f"n = {{n}}, mean = {{mean:.4g}}, median = {{median:.4g}}, modes = {{modes.tolist()}}")
print(f"Q1 = {{q1:.4g}}, Q3 = {{q3:.4g}}, whiskers {{whiskers[0]:g}} to {{whiskers[1]:g}}, {{bins}} bins of width {{bin_width:g}}")
# The widget's state, for comparison.
print(json.dumps({{
    "n": n, "mean": mean, "median": median, "mode": modes.tolist(), "mode_count": mode_count,
    "variance": variance, "std": None if variance is None else np.sqrt(variance),
    "population_variance": population_variance, "population_std": np.sqrt(population_variance),
    "q1": q1, "q3": q3, "iqr": iqr, "min": x.min(), "max": x.max(), "whiskers": whiskers,
    "bin_width": bin_width, "bin_start": start, "bin_counts": counts.tolist(),
}}))
"#,
            values = np_array(self.values()),
            bin_width = py_float(self.options.float("bin-width")),
            max_bins = MAX_BINS,
            last_bin = MAX_BINS - 1,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::viz::widget::Widget;

    #[test]
    fn the_values_and_the_bin_width_are_inlined() {
        let mut w = DescriptiveStats::new();
        assert!(w.python().contains("written out here"));
        w.set_option("data", "3.1, 4.2\n2.8").unwrap();
        w.set_option("bin-width", "0.5").unwrap();
        let code = w.python();
        assert!(code.contains("x = np.array([3.1, 4.2, 2.8])\n"), "{code}");
        assert!(code.contains("bin_width = 0.5  #"), "{code}");
        assert!(code.contains(r#"method="linear""#), "{code}");
        assert!(!code.contains("written out here"), "{code}");
    }
}
