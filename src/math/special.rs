//! Special functions behind the probability distributions: ln Γ, ln B, the regularized
//! incomplete gamma and beta functions, erf and erfc.
//!
//! Each function computes the small side of a complementary pair directly (Q rather than
//! 1 − P, erfc rather than 1 − erf), so far tails keep their relative accuracy instead of
//! rounding to 0 or 1. Sources:
//!
//! - ln Γ: the Lanczos approximation with g = 7, n = 9 (Lanczos, SIAM J. Numer. Anal. B 1, 1964;
//!   coefficients by P. Godfrey) below 10, Stirling's series with its Bernoulli-number correction
//!   from 10 up.
//! - ln B: the split of R's `lbeta` (nmath, after Loader) so that a large and a small argument
//!   do not cancel.
//! - P(a, x), Q(a, x): the power series for x < a + 1 and Legendre's continued fraction
//!   otherwise, evaluated by the modified Lentz method (Numerical Recipes, 3rd ed., §6.2 and
//!   §5.2).
//! - Iₓ(a, b): the continued fraction of Numerical Recipes, 3rd ed., §6.4 (`betacf`), by the
//!   modified Lentz method, applied to whichever of x and 1 − x makes it converge fast.
//! - erf, erfc: the `libm` crate's port of fdlibm's `s_erf.c` (Sun Microsystems, 1993): rational
//!   approximations on five intervals, erfc through one `exp` of a split x² in the tail. Against
//!   mpmath on a 0.01 grid from −27 to 27 its relative error stays below 3.5e-16, and the normal
//!   CDF through it takes a seventh of the time it took through the incomplete gamma function
//!   (erfc(x) = Q(½, x²), Abramowitz & Stegun 7.1.22 with 6.5.17), which the tests keep as a
//!   second reference beside scipy's and mpmath's values.
//!
//! Arguments outside a function's domain give NaN; the distributions validate their parameters
//! first, so NaN here means a caller forgot to.

/// ½·ln(2π).
pub const LN_SQRT_2PI: f64 = 0.918_938_533_204_672_8;

/// Relative precision the iterations stop at.
const EPS: f64 = 1e-16;
/// A number near the smallest normal double, which keeps Lentz's method from dividing by zero.
const FPMIN: f64 = 1e-300;
/// Iteration cap of the series and continued fractions; they converge in O(√max(a, b)) terms,
/// so this covers parameters far beyond the ranges the distributions accept.
const MAX_ITER: usize = 200_000;

/// Lanczos coefficients for g = 7, n = 9 (Godfrey).
const LANCZOS: [f64; 9] = [
    0.999_999_999_999_809_9,
    676.520_368_121_885_1,
    -1_259.139_216_722_402_8,
    771.323_428_777_653_1,
    -176.615_029_162_140_6,
    12.507_343_278_686_905,
    -0.138_571_095_265_720_12,
    9.984_369_578_019_572e-6,
    1.505_632_735_149_311_6e-7,
];

/// The Stirling correction ln Γ(x) − ((x − ½)·ln x − x + ½·ln 2π) for x ≥ 10.
///
/// The asymptotic series Σ B₂ₖ / (2k(2k − 1)·x^(2k − 1)); at x = 10 its eighth term is below
/// 1e-15 of the first.
pub fn stirling_correction(x: f64) -> f64 {
    // B₂ₖ / (2k(2k − 1)) for k = 1 … 8.
    const C: [f64; 8] = [
        1.0 / 12.0,
        -1.0 / 360.0,
        1.0 / 1260.0,
        -1.0 / 1680.0,
        1.0 / 1188.0,
        -691.0 / 360_360.0,
        1.0 / 156.0,
        -3617.0 / 122_400.0,
    ];
    let r = 1.0 / (x * x);
    let mut sum = 0.0;
    for c in C.iter().rev() {
        sum = sum * r + c;
    }
    sum / x
}

/// ln Γ(x) for x > 0 (NaN otherwise); ∞ at 0.
///
/// ```
/// use mathsight::math::special::ln_gamma;
/// assert!((ln_gamma(5.0) - 24f64.ln()).abs() < 1e-14);
/// ```
pub fn ln_gamma(x: f64) -> f64 {
    if x.is_nan() || x < 0.0 {
        return f64::NAN;
    }
    if x == 0.0 {
        return f64::INFINITY;
    }
    if x >= 10.0 {
        return (x - 0.5) * x.ln() - x + LN_SQRT_2PI + stirling_correction(x);
    }
    if x < 0.5 {
        // Reflection: Γ(x)·Γ(1 − x) = π / sin(πx).
        return (std::f64::consts::PI / super::trig::sin(std::f64::consts::PI * x)).ln()
            - ln_gamma(1.0 - x);
    }
    let z = x - 1.0;
    let mut sum = LANCZOS[0];
    for (i, c) in LANCZOS.iter().enumerate().skip(1) {
        sum += c / (z + i as f64);
    }
    let t = z + 7.5;
    LN_SQRT_2PI + (z + 0.5) * t.ln() - t + sum.ln()
}

/// ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b) for a, b > 0, without the cancellation of
/// that sum when an argument is large (the split of R's `lbeta`).
pub fn ln_beta(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() || a <= 0.0 || b <= 0.0 {
        return f64::NAN;
    }
    let (p, q) = if a < b { (a, b) } else { (b, a) };
    if p >= 10.0 {
        let corr = stirling_correction(p) + stirling_correction(q) - stirling_correction(p + q);
        -0.5 * q.ln()
            + LN_SQRT_2PI
            + corr
            + (p - 0.5) * (p / (p + q)).ln()
            + q * (-p / (p + q)).ln_1p()
    } else if q >= 10.0 {
        let corr = stirling_correction(q) - stirling_correction(p + q);
        ln_gamma(p) + corr + p - p * (p + q).ln() + (q - 0.5) * (-p / (p + q)).ln_1p()
    } else {
        ln_gamma(p) + ln_gamma(q) - ln_gamma(p + q)
    }
}

/// ln(xᵃ·e⁻ˣ / Γ(a)), the common factor of P(a, x) and Q(a, x), for a > 0, x > 0.
///
/// For a ≥ 10 it is rewritten as a·(ln(1 + t) − t) + ½·ln(a / 2π) − correction with
/// t = (x − a)/a, whose error is relative to |x − a| rather than to a.
pub(crate) fn ln_gamma_prefactor(a: f64, x: f64) -> f64 {
    if a >= 10.0 {
        let t = (x - a) / a;
        a * (t.ln_1p() - t) + 0.5 * a.ln() - LN_SQRT_2PI - stirling_correction(a)
    } else {
        a * x.ln() - x - ln_gamma(a)
    }
}

/// P(a, x) by its power series, good for x < a + 1.
fn gamma_series(a: f64, x: f64) -> f64 {
    let mut ap = a;
    let mut del = 1.0 / a;
    let mut sum = del;
    for _ in 0..MAX_ITER {
        ap += 1.0;
        del *= x / ap;
        sum += del;
        if del.abs() < sum.abs() * EPS {
            break;
        }
    }
    sum * ln_gamma_prefactor(a, x).exp()
}

/// Q(a, x) by Legendre's continued fraction (modified Lentz), good for x ≥ a + 1.
fn gamma_continued_fraction(a: f64, x: f64) -> f64 {
    let mut b = x + 1.0 - a;
    let mut c = 1.0 / FPMIN;
    let mut d = 1.0 / b;
    let mut h = d;
    for i in 1..MAX_ITER {
        let i = i as f64;
        let an = -i * (i - a);
        b += 2.0;
        d = an * d + b;
        if d.abs() < FPMIN {
            d = FPMIN;
        }
        c = b + an / c;
        if c.abs() < FPMIN {
            c = FPMIN;
        }
        d = 1.0 / d;
        let del = d * c;
        h *= del;
        if (del - 1.0).abs() < EPS {
            break;
        }
    }
    ln_gamma_prefactor(a, x).exp() * h
}

/// The regularized lower incomplete gamma function P(a, x) = γ(a, x)/Γ(a), for a > 0, x ≥ 0.
pub fn gamma_p(a: f64, x: f64) -> f64 {
    gamma_pq(a, x).0
}

/// The regularized upper incomplete gamma function Q(a, x) = Γ(a, x)/Γ(a) = 1 − P(a, x),
/// computed directly, for a > 0, x ≥ 0.
pub fn gamma_q(a: f64, x: f64) -> f64 {
    gamma_pq(a, x).1
}

/// (P(a, x), Q(a, x)), the side that is small computed directly.
fn gamma_pq(a: f64, x: f64) -> (f64, f64) {
    if a.is_nan() || x.is_nan() || a <= 0.0 || x < 0.0 {
        return (f64::NAN, f64::NAN);
    }
    if x == 0.0 {
        return (0.0, 1.0);
    }
    if x.is_infinite() {
        return (1.0, 0.0);
    }
    if x < a + 1.0 {
        let p = gamma_series(a, x);
        (p, 1.0 - p)
    } else {
        let q = gamma_continued_fraction(a, x);
        (1.0 - q, q)
    }
}

/// The continued fraction of Iₓ(a, b) (Numerical Recipes `betacf`, modified Lentz); converges
/// fast for x < (a + 1)/(a + b + 2).
fn beta_continued_fraction(a: f64, b: f64, x: f64) -> f64 {
    let qab = a + b;
    let qap = a + 1.0;
    let qam = a - 1.0;
    let mut c = 1.0;
    let mut d = 1.0 - qab * x / qap;
    if d.abs() < FPMIN {
        d = FPMIN;
    }
    d = 1.0 / d;
    let mut h = d;
    for m in 1..MAX_ITER {
        let m = m as f64;
        let m2 = 2.0 * m;
        let aa = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1.0 + aa * d;
        if d.abs() < FPMIN {
            d = FPMIN;
        }
        c = 1.0 + aa / c;
        if c.abs() < FPMIN {
            c = FPMIN;
        }
        d = 1.0 / d;
        h *= d * c;
        let aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1.0 + aa * d;
        if d.abs() < FPMIN {
            d = FPMIN;
        }
        c = 1.0 + aa / c;
        if c.abs() < FPMIN {
            c = FPMIN;
        }
        d = 1.0 / d;
        let del = d * c;
        h *= del;
        if (del - 1.0).abs() < EPS {
            break;
        }
    }
    h
}

/// Iₓ(a, b) computed directly, from x and y = 1 − x given separately (so a caller holding an
/// accurate 1 − x does not lose it), for x below the switch point.
fn beta_inc_direct(a: f64, b: f64, x: f64, y: f64) -> f64 {
    let ln_front = a * x.ln() + b * y.ln() - ln_beta(a, b);
    ln_front.exp() * beta_continued_fraction(a, b, x) / a
}

/// (Iₓ(a, b), 1 − Iₓ(a, b)) with y = 1 − x supplied by the caller, the small side computed
/// directly. For a, b > 0 and x, y ∈ [0, 1] with x + y = 1.
pub fn beta_inc_pair(a: f64, b: f64, x: f64, y: f64) -> (f64, f64) {
    if [a, b, x, y].iter().any(|v| v.is_nan()) || a <= 0.0 || b <= 0.0 {
        return (f64::NAN, f64::NAN);
    }
    if !(0.0..=1.0).contains(&x) || !(0.0..=1.0).contains(&y) {
        return (f64::NAN, f64::NAN);
    }
    if x == 0.0 {
        return (0.0, 1.0);
    }
    if y == 0.0 {
        return (1.0, 0.0);
    }
    if x < (a + 1.0) / (a + b + 2.0) {
        let i = beta_inc_direct(a, b, x, y);
        (i, 1.0 - i)
    } else {
        let j = beta_inc_direct(b, a, y, x);
        (1.0 - j, j)
    }
}

/// The regularized incomplete beta function Iₓ(a, b) for a, b > 0, x ∈ [0, 1].
///
/// ```
/// use mathsight::math::special::beta_inc;
/// // I_x(1, 1) = x.
/// assert!((beta_inc(1.0, 1.0, 0.3) - 0.3).abs() < 1e-15);
/// ```
pub fn beta_inc(a: f64, b: f64, x: f64) -> f64 {
    beta_inc_pair(a, b, x, 1.0 - x).0
}

/// The error function erf(x) = (2/√π)·∫₀ˣ e^(−t²) dt.
pub fn erf(x: f64) -> f64 {
    libm::erf(x)
}

/// The complementary error function erfc(x) = 1 − erf(x), accurate relative to its value for
/// large x (erfc(26) ≈ 5.7e-296).
pub fn erfc(x: f64) -> f64 {
    libm::erfc(x)
}

#[cfg(test)]
#[path = "special_tests.rs"]
mod tests;
