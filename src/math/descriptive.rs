//! Descriptive statistics of one list of numbers: centre (mean, median, mode), spread
//! (population and sample variance and standard deviation, quartiles, IQR), and the pieces a
//! histogram and a box plot are drawn from.
//!
//! Quantiles use numpy's default definition (`numpy.percentile(..., method="linear")`, Hyndman
//! & Fan type 7): with the values sorted x₍₀₎ ≤ … ≤ x₍ₙ₋₁₎, the p-quantile lies at position
//! h = (n − 1)·p and is x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎). The median is the 0.5-quantile.
//!
//! Variances are computed from deviations about the mean (two passes), never from raw sums
//! such as Σx² − n·x̄², which cancel catastrophically when the mean is large.

use super::error::{MathError, MAX_COORDINATE};
use super::rng::SplitMix64;
use super::sorting::sort_floats;
use crate::math::ClampTo;

/// The most values a summary accepts.
pub const MAX_VALUES: usize = 1_000;

/// The most histogram bins drawn; a narrower bin width is widened to this many bins.
pub const MAX_BINS: usize = 400;

/// The summary statistics of a list of values.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// How many values.
    pub n: usize,
    /// The values in increasing order.
    pub sorted: Vec<f64>,
    /// The mean x̄ = Σx/n.
    pub mean: f64,
    /// The median (the 0.5-quantile).
    pub median: f64,
    /// Every value that occurs most often, increasing; empty when no value repeats.
    pub modes: Vec<f64>,
    /// How often each mode occurs (0 when there is none).
    pub mode_count: usize,
    /// The population variance σ² = Σ(x − x̄)²/n.
    pub population_variance: f64,
    /// The sample variance s² = Σ(x − x̄)²/(n − 1); `None` for a single value.
    pub sample_variance: Option<f64>,
    /// The first quartile (0.25-quantile).
    pub q1: f64,
    /// The third quartile (0.75-quantile).
    pub q3: f64,
}

impl Summary {
    /// The summary of `values`: at least one value, each finite and within ±1e9, at most
    /// [`MAX_VALUES`] of them.
    pub fn new(values: &[f64]) -> Result<Summary, MathError> {
        validate_values(values)?;
        let n = values.len();
        let nf = n as f64;
        let mut sorted = values.to_vec();
        sort_floats(&mut sorted);
        // Two passes: the mean, then a correction by the mean of the residuals.
        let rough = values.iter().sum::<f64>() / nf;
        let mean = rough + values.iter().map(|x| x - rough).sum::<f64>() / nf;
        let ss: f64 = values.iter().map(|x| (x - mean) * (x - mean)).sum();
        let (modes, mode_count) = modes_of(&sorted);
        Ok(Summary {
            n,
            mean,
            median: quantile_sorted(&sorted, 0.5),
            modes,
            mode_count,
            population_variance: ss / nf,
            sample_variance: (n > 1).then(|| ss / (nf - 1.0)),
            q1: quantile_sorted(&sorted, 0.25),
            q3: quantile_sorted(&sorted, 0.75),
            sorted,
        })
    }

    /// The population standard deviation σ = √(Σ(x − x̄)²/n).
    pub fn population_std(&self) -> f64 {
        self.population_variance.sqrt()
    }

    /// The sample standard deviation s = √(Σ(x − x̄)²/(n − 1)); `None` for a single value.
    pub fn sample_std(&self) -> Option<f64> {
        self.sample_variance.map(f64::sqrt)
    }

    /// The interquartile range Q3 − Q1.
    pub fn iqr(&self) -> f64 {
        self.q3 - self.q1
    }

    /// The smallest value.
    pub fn min(&self) -> f64 {
        self.sorted.first().copied().unwrap_or(f64::NAN)
    }

    /// The largest value.
    pub fn max(&self) -> f64 {
        self.sorted.last().copied().unwrap_or(f64::NAN)
    }

    /// The p-quantile (numpy's default "linear" definition, see the module docs).
    pub fn quantile(&self, p: f64) -> f64 {
        quantile_sorted(&self.sorted, p)
    }

    /// Tukey's box-plot whiskers: the most extreme values within 1.5·IQR of the quartiles,
    /// never inside the box (as `matplotlib.cbook.boxplot_stats`: with interpolated quartiles
    /// the nearest datum within the fence can lie between Q1 and Q3).
    pub fn whiskers(&self) -> [f64; 2] {
        let (lo_fence, hi_fence) = (self.q1 - 1.5 * self.iqr(), self.q3 + 1.5 * self.iqr());
        let lo = self
            .sorted
            .iter()
            .copied()
            .find(|&x| x >= lo_fence)
            .unwrap_or(self.q1);
        let hi = self
            .sorted
            .iter()
            .rev()
            .copied()
            .find(|&x| x <= hi_fence)
            .unwrap_or(self.q3);
        [lo.min(self.q1), hi.max(self.q3)]
    }

    /// A bin width for a histogram, by the Freedman–Diaconis rule 2·IQR·n^(−1/3) (Freedman &
    /// Diaconis, Z. Wahrscheinlichkeitstheorie 57, 1981), falling back to Scott's 3.49·σ·n^(−1/3)
    /// when the IQR is 0, rounded to the nearest 1, 2 or 5 × 10ᵏ. Always finite and > 0.
    pub fn auto_bin_width(&self) -> f64 {
        let cube_root = (self.n as f64).cbrt();
        let fd = 2.0 * self.iqr() / cube_root;
        let scott = 3.49 * self.population_std() / cube_root;
        let raw = if fd > 0.0 {
            fd
        } else if scott > 0.0 {
            scott
        } else {
            // Every value is the same: one bin of a width that suits its magnitude.
            (self.mean.abs() * 0.1).max(1.0)
        };
        nice_width(raw)
    }
}

/// The p-quantile of sorted values by numpy's default "linear" rule; NaN when empty.
pub fn quantile_sorted(sorted: &[f64], p: f64) -> f64 {
    let n = sorted.len();
    if n == 0 {
        return f64::NAN;
    }
    let h = (n - 1) as f64 * p.clamp_to(0.0, 1.0);
    let lo = h.floor() as usize;
    let hi = (lo + 1).min(n - 1);
    let (a, b) = match (sorted.get(lo), sorted.get(hi)) {
        (Some(a), Some(b)) => (*a, *b),
        _ => return f64::NAN,
    };
    a + (h - lo as f64) * (b - a)
}

/// The most frequent values of sorted data and their count; none when no value repeats.
fn modes_of(sorted: &[f64]) -> (Vec<f64>, usize) {
    // Runs of equal values, as (value, length).
    let mut runs: Vec<(f64, usize)> = Vec::new();
    for &v in sorted {
        match runs.last_mut() {
            Some((last, count)) if *last == v => *count += 1,
            _ => runs.push((v, 1)),
        }
    }
    let best = runs.iter().map(|r| r.1).max().unwrap_or(0);
    if best < 2 {
        return (Vec::new(), 0);
    }
    let modes = runs.iter().filter(|r| r.1 == best).map(|r| r.0).collect();
    (modes, best)
}

/// `raw` rounded to the nearest (on a log scale) 1, 2 or 5 × 10ᵏ (1 for non-positive input).
pub fn nice_width(raw: f64) -> f64 {
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let unit = 10f64.powf(raw.log10().floor());
    let f = raw / unit;
    // Boundaries at the geometric means √2, √10 and √50.
    let step = if f < std::f64::consts::SQRT_2 {
        1.0
    } else if f < 10f64.sqrt() {
        2.0
    } else if f < 50f64.sqrt() {
        5.0
    } else {
        10.0
    };
    step * unit
}

/// The smallest 1, 2 or 5 × 10ᵏ at or above `raw` (positive and finite).
fn nice_width_at_least(raw: f64) -> f64 {
    let unit = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|step| step * unit)
        .find(|&w| w >= raw)
        .unwrap_or(20.0 * unit)
}

/// A histogram: bins of equal width starting at a multiple of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Histogram {
    /// The left edge of the first bin (a multiple of `width`).
    pub start: f64,
    /// The bin width actually used (widened if the requested one gave too many bins).
    pub width: f64,
    /// The count in each bin; bin k is [start + k·width, start + (k+1)·width).
    pub counts: Vec<usize>,
}

impl Histogram {
    /// The histogram of `sorted` values with bins of about `width` (widened to at most
    /// [`MAX_BINS`] bins). Each bin holds its left edge; the last also its right edge.
    pub fn new(sorted: &[f64], width: f64) -> Histogram {
        let (lo, hi) = match (sorted.first(), sorted.last()) {
            (Some(a), Some(b)) => (*a, *b),
            _ => {
                return Histogram {
                    start: 0.0,
                    width: 1.0,
                    counts: Vec::new(),
                }
            }
        };
        let mut width = if width.is_finite() && width > 0.0 {
            width
        } else {
            1.0
        };
        if (hi - lo) / width >= MAX_BINS as f64 {
            // Rounded up, not to the nearest: a narrower width would need more bins than
            // MAX_BINS, and the last would stop short of the largest value.
            width = nice_width_at_least((hi - lo) / (MAX_BINS as f64 - 1.0));
        }
        // Bin edges must stay distinct at the values' magnitude: a width finer than 1e-12 of
        // the largest |value| is widened to about that.
        let finest = lo.abs().max(hi.abs()) * 1e-12;
        if width < finest {
            width = nice_width(finest);
        }
        let start = (lo / width).floor() * width;
        let last = ((hi - start) / width)
            .floor()
            .clamp_to(0.0, MAX_BINS as f64);
        let bins = last as usize + 1;
        let mut counts = vec![0; bins];
        for &x in sorted {
            let k = (((x - start) / width).floor().max(0.0) as usize).min(bins - 1);
            if let Some(c) = counts.get_mut(k) {
                *c += 1;
            }
        }
        Histogram {
            start,
            width,
            counts,
        }
    }

    /// The edges of bin `k`.
    pub fn edges(&self, k: usize) -> [f64; 2] {
        let a = self.start + k as f64 * self.width;
        [a, a + self.width]
    }

    /// The largest count (0 when empty).
    pub fn max_count(&self) -> usize {
        self.counts.iter().copied().max().unwrap_or(0)
    }
}

/// Checks that there are 1 to [`MAX_VALUES`] values, each finite and within ±1e9.
pub fn validate_values(values: &[f64]) -> Result<(), MathError> {
    if values.is_empty() {
        return Err(MathError::TooFewPoints { needed: 1, got: 0 });
    }
    if values.len() > MAX_VALUES {
        return Err(MathError::OutOfRange {
            parameter: "the number of values",
            value: values.len() as f64,
            expected: "at most 1000",
        });
    }
    for (i, &value) in values.iter().enumerate() {
        if !value.is_finite() || value.abs() > MAX_COORDINATE {
            return Err(MathError::BadPoint {
                index: i + 1,
                coordinate: "value",
                value,
            });
        }
    }
    Ok(())
}

/// The shapes of seeded sample data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Normal around 50 with standard deviation 10.
    Normal,
    /// Right-skewed: 30 + a log-normal with median 10.
    Skewed,
    /// Two bumps, around 38 and 64.
    Bimodal,
    /// Normal around 50, with about one value in twelve far out on the right.
    Outliers,
}

/// `n` values of the given shape from `seed`, rounded to one decimal (so repeats, and modes,
/// can occur as in real measurements).
pub fn sample_shape(shape: Shape, n: usize, seed: u64) -> Vec<f64> {
    let mut rng = SplitMix64::new(seed);
    (0..n)
        .map(|_| {
            let z = rng.normal();
            let x = match shape {
                Shape::Normal => 50.0 + 10.0 * z,
                Shape::Skewed => 30.0 + (10f64.ln() + 0.6 * z).exp(),
                Shape::Bimodal => {
                    if rng.uniform() < 0.5 {
                        38.0 + 5.0 * z
                    } else {
                        64.0 + 6.0 * z
                    }
                }
                Shape::Outliers => {
                    if rng.uniform() < 1.0 / 12.0 {
                        95.0 + 15.0 * rng.uniform()
                    } else {
                        50.0 + 8.0 * z
                    }
                }
            };
            (x * 10.0).round() / 10.0
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small data set with a repeated value and an outlier.
    const DATA: [f64; 10] = [3.1, 4.2, 2.8, 5.9, 4.2, 3.7, 12.5, 4.8, 3.3, 4.0];

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-12 * (1.0 + b.abs())
    }

    #[test]
    fn matches_numpy() {
        let s = Summary::new(&DATA).unwrap();
        // x = [3.1, 4.2, 2.8, 5.9, 4.2, 3.7, 12.5, 4.8, 3.3, 4.0]
        // numpy.mean(x) = 4.85
        assert!(close(s.mean, 4.85), "{}", s.mean);
        // numpy.median(x) = 4.1
        assert!(close(s.median, 4.1), "{}", s.median);
        // numpy.var(x) = 7.218500000000001 (population, ddof=0)
        assert!(
            close(s.population_variance, 7.218500000000001),
            "{}",
            s.population_variance
        );
        // numpy.var(x, ddof=1) = 8.020555555555555
        assert!(close(s.sample_variance.unwrap(), 8.020555555555555));
        // numpy.std(x, ddof=1) = 2.83205853674594
        assert!(close(s.sample_std().unwrap(), 2.83205853674594));
        // numpy.std(x) = 2.686726632912251
        assert!(close(s.population_std(), 2.686726632912251));
        // numpy.percentile(x, [25, 75]) = [3.4, 4.65] (method="linear", the default)
        assert!(close(s.q1, 3.4), "{}", s.q1);
        assert!(close(s.q3, 4.65), "{}", s.q3);
        // numpy.percentile(x, 90) = 6.559999999999998
        assert!(
            close(s.quantile(0.9), 6.559999999999998),
            "{}",
            s.quantile(0.9)
        );
        // scipy.stats.mode(x).mode = 4.2 (count 2)
        assert_eq!((s.modes.as_slice(), s.mode_count), (&[4.2][..], 2));
        assert_eq!((s.min(), s.max()), (2.8, 12.5));
        // Tukey fences 3.4 − 1.875 = 1.525 and 4.65 + 1.875 = 6.525: 12.5 is outside.
        assert_eq!(s.whiskers(), [2.8, 5.9]);
    }

    #[test]
    fn large_offsets_do_not_cancel() {
        let shifted: Vec<f64> = DATA.iter().map(|x| x + 1e8).collect();
        let s = Summary::new(&shifted).unwrap();
        // Same spread as DATA; the naive Σx² − n·x̄² would lose every digit here.
        assert!((s.sample_variance.unwrap() - 8.020555555555555).abs() < 1e-6);
    }

    #[test]
    fn edge_cases_are_values_or_named_errors() {
        let one = Summary::new(&[7.0]).unwrap();
        assert_eq!(one.sample_variance, None);
        assert_eq!((one.mean, one.median, one.q1, one.q3), (7.0, 7.0, 7.0, 7.0));
        assert_eq!(one.population_variance, 0.0);
        let constant = Summary::new(&[2.0, 2.0, 2.0]).unwrap();
        assert_eq!(constant.sample_variance, Some(0.0));
        assert_eq!(constant.modes, vec![2.0]);
        assert!(constant.auto_bin_width() > 0.0);
        assert_eq!(
            Summary::new(&[]).unwrap_err().to_string(),
            "at least 1 data points are needed, got 0"
        );
        assert_eq!(
            Summary::new(&[1.0, f64::NAN]).unwrap_err().to_string(),
            "value of point 2 must be finite and within ±1e9, got NaN"
        );
        assert_eq!(
            Summary::new(&[1e300]).unwrap_err().to_string(),
            "value of point 1 must be finite and within ±1e9, got 1e300"
        );
        assert!(Summary::new(&vec![1.0; MAX_VALUES + 1]).is_err());
    }

    #[test]
    fn all_distinct_values_have_no_mode() {
        let s = Summary::new(&[1.0, 2.0, 3.0]).unwrap();
        assert!(s.modes.is_empty());
        let two = Summary::new(&[1.0, 1.0, 2.0, 2.0, 3.0]).unwrap();
        assert_eq!((two.modes, two.mode_count), (vec![1.0, 2.0], 2));
    }

    #[test]
    fn histogram_counts_every_value_once() {
        let mut sorted = DATA.to_vec();
        sorted.sort_by(f64::total_cmp);
        let h = Histogram::new(&sorted, 1.0);
        // numpy.histogram(x, bins=numpy.arange(2, 14)) counts = [1, 3, 4, 1, 0, 0, 0, 0, 0, 0, 1]
        assert_eq!(h.start, 2.0);
        assert_eq!(h.counts, vec![1, 3, 4, 1, 0, 0, 0, 0, 0, 0, 1]);
        assert_eq!(h.counts.iter().sum::<usize>(), DATA.len());
        let tiny = Histogram::new(&sorted, 1e-9);
        assert!(tiny.counts.len() <= MAX_BINS + 1);
        assert_eq!(tiny.counts.iter().sum::<usize>(), DATA.len());
    }

    #[test]
    fn a_width_too_fine_for_the_values_is_widened() {
        // Found by the robustness fuzzer: one value of -1e6 and the smallest subnormal
        // width put the first edge at -inf and overflowed the bin count.
        let h = Histogram::new(&[-1e6], 5e-324);
        assert!(h.start.is_finite() && h.width >= 1e-6, "{h:?}");
        assert!(h.start <= -1e6 && -1e6 < h.edges(0)[1]);
        assert_eq!(h.counts, vec![1]);
    }

    /// proptest runs natively only (it is a native dev-dependency).
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn any_positive_width_counts_every_value_once(
                mut values in proptest::collection::vec(-1e9f64..1e9, 1..50),
                width in prop_oneof![0.0f64..1e10, proptest::num::f64::POSITIVE],
            ) {
                values.sort_by(f64::total_cmp);
                let h = Histogram::new(&values, width);
                prop_assert!(h.start.is_finite() && h.width > 0.0);
                prop_assert!(h.start <= values[0]);
                prop_assert!(h.counts.len() <= MAX_BINS + 1);
                prop_assert_eq!(h.counts.iter().sum::<usize>(), values.len());
            }
        }
    }

    #[test]
    fn a_widened_width_leaves_no_value_past_the_last_edge() {
        // 8185.5 / 399 ≈ 20.5 rounds to the nearest nice width 20, which would need 410 bins.
        let h = Histogram::new(&[0.0, 8185.501058790205], 0.001);
        assert_eq!(h.width, 50.0);
        assert!(h.counts.len() <= MAX_BINS);
        assert!(h.edges(h.counts.len() - 1)[1] >= 8185.501058790205);
        assert_eq!(nice_width_at_least(20.5), 50.0);
        assert_eq!(nice_width_at_least(20.0), 20.0);
        assert_eq!(nice_width_at_least(0.0011), 0.002);
    }

    #[test]
    fn nice_widths() {
        assert_eq!(nice_width(0.13), 0.1);
        assert_eq!(nice_width(3.0), 2.0);
        assert_eq!(nice_width(4.0), 5.0);
        assert_eq!(nice_width(7.5), 10.0);
        assert_eq!(nice_width(-1.0), 1.0);
    }

    #[test]
    fn samples_are_seeded_and_shaped() {
        let a = sample_shape(Shape::Skewed, 200, 3);
        assert_eq!(a, sample_shape(Shape::Skewed, 200, 3));
        let s = Summary::new(&a).unwrap();
        assert!(
            s.mean > s.median,
            "right skew pulls the mean above the median"
        );
        let o = Summary::new(&sample_shape(Shape::Outliers, 200, 3)).unwrap();
        assert!(
            o.max() > o.whiskers()[1],
            "outliers lie beyond the upper whisker"
        );
    }
}
