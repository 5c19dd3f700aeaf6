//! Quantiles by root finding, for the families without a closed form.
//!
//! Continuous: safeguarded Newton on cdf(x) − p (or, above p = ½, on (1 − p) − sf(x), so an
//! upper-tail quantile is solved against an accurate tail), falling back to bisection whenever a
//! Newton step leaves the bracket. Discrete: the smallest integer with cdf(k) ≥ p by
//! exponential search and bisection from a guess.

/// The three functions a continuous quantile needs.
pub(super) struct Tails<C, S, D> {
    /// P(X ≤ x).
    pub cdf: C,
    /// P(X > x).
    pub sf: S,
    /// The density.
    pub pdf: D,
}

/// The x in `support` with cdf(x) = p, for p ∈ (0, 1), starting from `guess`.
pub(super) fn continuous<C, S, D>(
    p: f64,
    support: (f64, f64),
    guess: f64,
    f: &Tails<C, S, D>,
) -> f64
where
    C: Fn(f64) -> f64,
    S: Fn(f64) -> f64,
    D: Fn(f64) -> f64,
{
    if p <= 0.0 {
        return support.0;
    }
    if p >= 1.0 {
        return support.1;
    }
    let lower = p <= 0.5;
    let target = if lower { p } else { 1.0 - p };
    // g is increasing in x and has its root at the quantile; g' is the density.
    let g = |x: f64| {
        if lower {
            (f.cdf)(x) - target
        } else {
            target - (f.sf)(x)
        }
    };
    let (mut lo, mut hi) = support;
    let mut x = if guess.is_finite() && guess > lo && guess < hi {
        guess
    } else if lo.is_finite() && hi.is_finite() {
        0.5 * (lo + hi)
    } else if lo.is_finite() {
        lo + 1.0
    } else if hi.is_finite() {
        hi - 1.0
    } else {
        0.0
    };
    // Bracket an infinite end by doubling steps away from the guess.
    if lo == f64::NEG_INFINITY {
        let mut step = x.abs().max(1.0);
        let mut a = x - step;
        while g(a) > 0.0 && a.is_finite() {
            step *= 2.0;
            a = x - step;
        }
        lo = a;
    }
    if hi == f64::INFINITY {
        let mut step = x.abs().max(1.0);
        let mut b = x + step;
        while g(b) < 0.0 && b.is_finite() {
            step *= 2.0;
            b = x + step;
        }
        hi = b;
    }
    for _ in 0..400 {
        let gx = g(x);
        if gx == 0.0 {
            return x;
        }
        if gx < 0.0 {
            lo = x;
        } else {
            hi = x;
        }
        let newton = x - gx / (f.pdf)(x);
        let next = if newton.is_finite() && newton > lo && newton < hi {
            newton
        } else if lo > 0.0 && hi > 4.0 * lo {
            (lo * hi).sqrt()
        } else if lo == 0.0 && hi > 0.0 {
            // Quantiles near a lower support end at 0 can be tiny: approach it geometrically.
            hi * 0.01
        } else {
            0.5 * (lo + hi)
        };
        let tolerance = 2.0 * f64::EPSILON * next.abs().max(f64::MIN_POSITIVE);
        if (next - x).abs() <= tolerance || hi - lo <= tolerance {
            return next;
        }
        x = next;
    }
    x
}

/// The smallest integer k in `support` with cdf(k) ≥ p (equivalently sf(k) ≤ 1 − p), for
/// p ∈ [0, 1], searching from `guess`.
pub(super) fn discrete(
    p: f64,
    support: (f64, f64),
    guess: f64,
    cdf: impl Fn(f64) -> f64,
    sf: impl Fn(f64) -> f64,
) -> f64 {
    if p <= 0.0 {
        return support.0;
    }
    if p >= 1.0 {
        return support.1;
    }
    // reached(k) is false below the quantile and true from it on.
    let reached = |k: f64| {
        if p <= 0.5 {
            cdf(k) >= p
        } else {
            sf(k) <= 1.0 - p
        }
    };
    let clamp = |k: f64| k.max(support.0).min(support.1);
    let start = if guess.is_finite() {
        clamp(guess.floor())
    } else {
        support.0
    };
    // Find lo (not reached, or below the support) and hi (reached).
    let (mut lo, mut hi);
    if reached(start) {
        hi = start;
        let mut step = 1.0;
        lo = start - step;
        while lo >= support.0 && reached(lo) {
            hi = lo;
            step *= 2.0;
            lo = start - step;
        }
        lo = lo.max(support.0 - 1.0);
    } else {
        lo = start;
        let mut step = 1.0;
        hi = clamp(start + step);
        while !reached(hi) && hi < support.1 {
            lo = hi;
            step *= 2.0;
            hi = clamp(start + step);
        }
    }
    while hi - lo > 1.0 {
        let mid = (0.5 * (lo + hi)).floor();
        if reached(mid) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    hi
}
