//! Ordinary least squares for y = slope·x + intercept with its inferential statistics: R²,
//! standard errors, the slope's t and p, and a confidence band for the mean response.
//!
//! With the centred sums of [`LineFit`] and residual sum of squares SSE = Syy − Sxy²/Sxx on
//! n − 2 degrees of freedom, s² = SSE/(n − 2), SE(slope) = s/√Sxx,
//! SE(intercept) = s·√(1/n + x̄²/Sxx), t = slope/SE(slope) (H₀: slope = 0, two-sided p from the
//! t survival function), R² = 1 − SSE/Syy, and the band at x is
//! ŷ(x) ± t₍ₙ₋₂, 1−α/2₎·s·√(1/n + (x − x̄)²/Sxx). These match `scipy.stats.linregress`.

use super::distributions::StudentT;
use super::error::MathError;
use super::regression::LineFit;
use crate::math::ClampTo;

/// A least-squares line with its statistics.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ols {
    /// The sufficient statistics.
    pub fit: LineFit,
    /// The slope.
    pub slope: f64,
    /// The intercept.
    pub intercept: f64,
    /// R² = 1 − SSE/Syy.
    pub r_squared: f64,
    /// The residual standard error s = √(SSE/(n − 2)).
    pub residual_se: f64,
    /// SE of the slope.
    pub slope_stderr: f64,
    /// SE of the intercept.
    pub intercept_stderr: f64,
    /// t = slope/SE(slope) (±∞ for a perfect fit).
    pub slope_t: f64,
    /// Two-sided p-value of H₀: slope = 0.
    pub slope_p_value: f64,
    /// Degrees of freedom n − 2.
    pub df: f64,
}

impl Ols {
    /// The fit of `points`: at least 3 points, finite within ±1e9, x not all equal, y not all
    /// equal.
    pub fn new(points: &[[f64; 2]]) -> Result<Ols, MathError> {
        if points.len() < 3 {
            return Err(MathError::TooFewPoints {
                needed: 3,
                got: points.len(),
            });
        }
        let fit = LineFit::new(points)?;
        let scale = points.iter().map(|p| p[1].abs()).fold(0.0, f64::max);
        if fit.syy <= (f64::EPSILON * scale).powi(2) * fit.n as f64 {
            return Err(MathError::OutOfRange {
                parameter: "the spread of y",
                value: 0.0,
                expected: "> 0 (all y values are equal, so R² and the slope's t are undefined)",
            });
        }
        let [slope, intercept] = fit.least_squares();
        let n = fit.n as f64;
        let df = n - 2.0;
        let sse = (fit.syy - fit.sxy * fit.sxy / fit.sxx).max(0.0);
        let residual_se = (sse / df).sqrt();
        let slope_stderr = residual_se / fit.sxx.sqrt();
        let intercept_stderr = residual_se * (1.0 / n + fit.mean_x * fit.mean_x / fit.sxx).sqrt();
        let slope_t = if slope_stderr > 0.0 {
            slope / slope_stderr
        } else if slope == 0.0 {
            0.0
        } else {
            slope.signum() * f64::INFINITY
        };
        let t = StudentT::new(df)?;
        let slope_p_value = (2.0 * t.sf(slope_t.abs())).min(1.0);
        Ok(Ols {
            fit,
            slope,
            intercept,
            r_squared: (1.0 - sse / fit.syy).clamp_to(0.0, 1.0),
            residual_se,
            slope_stderr,
            intercept_stderr,
            slope_t,
            slope_p_value,
            df,
        })
    }

    /// The fitted value ŷ(x).
    pub fn predict(&self, x: f64) -> f64 {
        self.intercept + self.slope * x
    }

    /// Half the width of the `level` (e.g. 0.95) confidence interval for the mean response at x.
    pub fn band_half_width(&self, x: f64, level: f64) -> Result<f64, MathError> {
        Ok(self.band(level)?.half_width(x))
    }

    /// The `level` confidence band for the mean response, its t quantile taken once for every
    /// x it is asked about.
    pub fn band(&self, level: f64) -> Result<Band, MathError> {
        let t = StudentT::new(self.df)?.quantile(0.5 + level / 2.0)?;
        Ok(Band {
            scale: t * self.residual_se,
            inv_n: 1.0 / self.fit.n as f64,
            mean_x: self.fit.mean_x,
            sxx: self.fit.sxx,
        })
    }
}

/// A confidence band for the mean response: t · s · √(1/n + (x − x̄)² / Sxx).
#[derive(Debug, Clone, Copy)]
pub struct Band {
    scale: f64,
    inv_n: f64,
    mean_x: f64,
    sxx: f64,
}

impl Band {
    /// Half its width at x.
    pub fn half_width(&self, x: f64) -> f64 {
        let dx = x - self.mean_x;
        self.scale * (self.inv_n + dx * dx / self.sxx).sqrt()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const POINTS: [[f64; 2]; 6] = [
        [1.0, 2.1],
        [2.0, 2.9],
        [3.0, 4.2],
        [4.0, 4.8],
        [5.0, 6.3],
        [6.0, 6.8],
    ];

    fn close(a: f64, b: f64, rel: f64) -> bool {
        (a - b).abs() <= rel * b.abs().max(1e-300)
    }

    #[test]
    fn matches_scipy_linregress() {
        let o = Ols::new(&POINTS).unwrap();
        // scipy.stats.linregress([1, 2, 3, 4, 5, 6], [2.1, 2.9, 4.2, 4.8, 6.3, 6.8]):
        // slope 0.9799999999999999, intercept 1.086666666666667, rvalue 0.993479771005865,
        // pvalue 6.363148069747597e-05, stderr 0.05623081683476449,
        // intercept_stderr 0.21898756940876038
        assert!(close(o.slope, 0.9799999999999999, 1e-12));
        assert!(close(o.intercept, 1.086666666666667, 1e-12));
        assert!(close(o.r_squared, 0.993479771005865f64.powi(2), 1e-12));
        assert!(
            close(o.slope_p_value, 6.363148069747597e-05, 1e-8),
            "{}",
            o.slope_p_value
        );
        assert!(close(o.slope_stderr, 0.05623081683476449, 1e-10));
        assert!(close(o.intercept_stderr, 0.21898756940876038, 1e-10));
        assert_eq!(o.df, 4.0);
    }

    #[test]
    fn band_matches_the_formula() {
        let o = Ols::new(&POINTS).unwrap();
        // scipy.stats.t.ppf(0.975, 4) = 2.7764451051977934; at x̄ = 3.5
        // the half width is t·s/√6.
        let s = o.residual_se;
        let h = o.band_half_width(3.5, 0.95).unwrap();
        assert!(close(h, 2.7764451051977934 * s / 6f64.sqrt(), 1e-9), "{h}");
        assert!(
            o.band_half_width(0.0, 0.95).unwrap() > h,
            "the band widens away from x̄"
        );
    }

    #[test]
    fn degenerate_data_is_named() {
        assert_eq!(
            Ols::new(&[[1.0, 1.0], [2.0, 3.0]]).unwrap_err().to_string(),
            "at least 3 data points are needed, got 2"
        );
        assert_eq!(
            Ols::new(&[[1.0, 1.0]]).unwrap_err().to_string(),
            "at least 3 data points are needed, got 1"
        );
        assert!(matches!(
            Ols::new(&[[1.0, 1.0], [1.0, 2.0], [1.0, 3.0]]),
            Err(MathError::ConstantX { .. })
        ));
        assert_eq!(
            Ols::new(&[[1.0, 2.0], [2.0, 2.0], [3.0, 2.0]]).unwrap_err().to_string(),
            "the spread of y must be > 0 (all y values are equal, so R² and the slope's t are undefined), got 0"
        );
        // An exact line: SE 0, so t is infinite and p is 0 (scipy.stats.linregress reports
        // 9e-11 here only because it adds a tiny constant to avoid dividing by zero).
        let exact = Ols::new(&[[1.0, 1.0], [2.0, 3.0], [3.0, 5.0]]).unwrap();
        assert_eq!(exact.slope_p_value, 0.0);
        assert_eq!(exact.r_squared, 1.0);
    }
}
