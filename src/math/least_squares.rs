//! Fitting a polynomial of degree 1 to 3 to points by least squares, written as linear algebra:
//! each point is one equation θ₀·xᵈ + … + θ_d = y, i.e. one row of A·θ = y with A the
//! Vandermonde matrix (columns xᵈ, …, x, 1: highest degree first).
//!
//! With as many points as unknowns the system is square and solved exactly; with more, θ
//! minimises ‖y − A·θ‖². It is computed by a Householder QR factorisation of A (A = Q·R, then
//! R·θ = Qᵀ·y), which avoids squaring the condition number as forming AᵀA would; AᵀA and Aᵀy
//! are still computed, to show the normal equations AᵀA·θ = Aᵀy that θ satisfies.

use super::error::MathError;
use super::regression::validate_points;
use super::svd::svd;

/// The highest polynomial degree offered.
pub const MAX_DEGREE: usize = 3;

/// A least-squares polynomial fit and everything shown about it.
#[derive(Debug, Clone, PartialEq)]
pub struct PolyFit {
    /// The degree d.
    pub degree: usize,
    /// θ, highest degree first (for a line: m, then c).
    pub coefficients: Vec<f64>,
    /// The fitted values ŷ = A·θ, one per point.
    pub fitted: Vec<f64>,
    /// The residuals y − ŷ.
    pub residuals: Vec<f64>,
    /// The residual sum of squares Σ(y − ŷ)².
    pub rss: f64,
    /// The total sum of squares Σ(y − ȳ)².
    pub tss: f64,
    /// AᵀA, (d+1)×(d+1).
    pub normal_matrix: Vec<Vec<f64>>,
    /// Aᵀy.
    pub normal_rhs: Vec<f64>,
    /// ‖y‖ and ‖ŷ‖: with √rss they form the right triangle of the projection.
    pub norm_y: f64,
    /// ‖ŷ‖.
    pub norm_fitted: f64,
    /// σ_max/σ_min of A.
    pub condition_number: f64,
}

/// The row of A for `x`: [xᵈ, …, x, 1].
pub fn design_row(x: f64, degree: usize) -> Vec<f64> {
    let mut row = vec![1.0; degree + 1];
    for k in (0..degree).rev() {
        let next = row.get(k + 1).copied().unwrap_or(1.0) * x;
        if let Some(slot) = row.get_mut(k) {
            *slot = next;
        }
    }
    row
}

/// p(x) for coefficients highest degree first (Horner).
pub fn evaluate(coefficients: &[f64], x: f64) -> f64 {
    coefficients.iter().fold(0.0, |acc, c| acc * x + c)
}

/// Solves the least-squares problem min ‖y − A·θ‖² by Householder QR; `None` if A (n×p,
/// n ≥ p) has a column that is numerically dependent on the others.
pub fn qr_solve(a: &[Vec<f64>], y: &[f64]) -> Option<Vec<f64>> {
    let n = a.len();
    let p = a.first().map_or(0, Vec::len);
    if n < p || y.len() != n || p == 0 {
        return None;
    }
    // Work on columns: r[j] is column j.
    let mut r: Vec<Vec<f64>> = (0..p)
        .map(|j| {
            a.iter()
                .map(|row| row.get(j).copied().unwrap_or(0.0))
                .collect()
        })
        .collect();
    let mut qty = y.to_vec();
    let scale = a.iter().flatten().fold(0.0_f64, |m, v| m.max(v.abs()));
    for k in 0..p {
        let col = r.get(k)?.clone();
        let norm = col.iter().skip(k).map(|v| v * v).sum::<f64>().sqrt();
        if norm <= 1e-12 * scale * (n as f64) {
            return None;
        }
        let alpha = if col.get(k).copied().unwrap_or(0.0) > 0.0 {
            -norm
        } else {
            norm
        };
        // v = x − α·e_k on rows k.., normalised so H = I − 2vvᵀ/(vᵀv).
        let mut v: Vec<f64> = col.iter().skip(k).copied().collect();
        if let Some(first) = v.first_mut() {
            *first -= alpha;
        }
        let vv: f64 = v.iter().map(|x| x * x).sum();
        if vv == 0.0 {
            continue;
        }
        let reflect = |x: &mut Vec<f64>| {
            let dotv: f64 = x.iter().skip(k).zip(&v).map(|(a, b)| a * b).sum();
            let f = 2.0 * dotv / vv;
            for (xi, vi) in x.iter_mut().skip(k).zip(&v) {
                *xi -= f * vi;
            }
        };
        for j in k..p {
            reflect(r.get_mut(j)?);
        }
        reflect(&mut qty);
    }
    // Back-substitution R·θ = (Qᵀy)[..p].
    let mut theta = vec![0.0; p];
    for i in (0..p).rev() {
        let mut s = qty.get(i).copied()?;
        for j in i + 1..p {
            s -= r.get(j)?.get(i)? * theta.get(j)?;
        }
        *theta.get_mut(i)? = s / r.get(i)?.get(i)?;
    }
    theta.iter().all(|t| t.is_finite()).then_some(theta)
}

impl PolyFit {
    /// Fits a polynomial of degree `degree` (1 to 3) to `points`.
    ///
    /// Needs finite coordinates within ±1e9 and at least d + 1 distinct x values.
    pub fn new(points: &[[f64; 2]], degree: usize) -> Result<PolyFit, MathError> {
        validate_points(points)?;
        if !(1..=MAX_DEGREE).contains(&degree) {
            return Err(MathError::OutOfRange {
                parameter: "degree",
                value: degree as f64,
                expected: "1, 2 or 3",
            });
        }
        if points.len() < degree + 1 {
            return Err(MathError::TooFewPoints {
                needed: degree + 1,
                got: points.len(),
            });
        }
        let distinct = points
            .iter()
            .enumerate()
            .filter(|(i, p)| !points.iter().take(*i).any(|q| q[0] == p[0]))
            .count();
        if distinct == 1 {
            return Err(MathError::ConstantX {
                value: points.first().map_or(0.0, |p| p[0]),
            });
        }
        if distinct < degree + 1 {
            return Err(MathError::TooFewDistinctX {
                needed: degree + 1,
                got: distinct,
            });
        }
        let a: Vec<Vec<f64>> = points.iter().map(|p| design_row(p[0], degree)).collect();
        let y: Vec<f64> = points.iter().map(|p| p[1]).collect();
        let decomposition = svd(&a);
        let coefficients = qr_solve(&a, &y)
            .or_else(|| decomposition.as_ref().map(|s| s.solve(&y)))
            .unwrap_or_else(|| vec![0.0; degree + 1]);
        let fitted: Vec<f64> = points
            .iter()
            .map(|p| evaluate(&coefficients, p[0]))
            .collect();
        let residuals: Vec<f64> = y.iter().zip(&fitted).map(|(a, b)| a - b).collect();
        let rss = residuals.iter().map(|r| r * r).sum();
        let mean = y.iter().sum::<f64>() / y.len() as f64;
        let tss = y.iter().map(|v| (v - mean) * (v - mean)).sum();
        let p = degree + 1;
        let normal_matrix = (0..p)
            .map(|i| {
                (0..p)
                    .map(|j| {
                        a.iter()
                            .map(|r| {
                                r.get(i).copied().unwrap_or(0.0) * r.get(j).copied().unwrap_or(0.0)
                            })
                            .sum()
                    })
                    .collect()
            })
            .collect();
        let normal_rhs = (0..p)
            .map(|i| {
                a.iter()
                    .zip(&y)
                    .map(|(r, v)| r.get(i).copied().unwrap_or(0.0) * v)
                    .sum()
            })
            .collect();
        Ok(PolyFit {
            degree,
            norm_y: y.iter().map(|v| v * v).sum::<f64>().sqrt(),
            norm_fitted: fitted.iter().map(|v| v * v).sum::<f64>().sqrt(),
            coefficients,
            fitted,
            residuals,
            rss,
            tss,
            normal_matrix,
            normal_rhs,
            condition_number: decomposition.map_or(f64::INFINITY, |s| s.condition_number()),
        })
    }

    /// R² = 1 − RSS/TSS (1 when the data are constant and fitted exactly).
    pub fn r_squared(&self) -> f64 {
        if self.tss > 0.0 {
            1.0 - self.rss / self.tss
        } else {
            1.0
        }
    }

    /// Whether there were exactly as many points as unknowns (an exact solve).
    pub fn is_exact_solve(&self) -> bool {
        self.residuals.len() == self.degree + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * (1.0 + b.abs())
    }

    #[test]
    fn line_and_cubic_match_numpy() {
        let pts = [[0.0, 1.0], [1.0, 2.5], [2.0, 2.9], [3.0, 4.8], [4.0, 5.1]];
        // np.polyfit([0,1,2,3,4], [1,2.5,2.9,4.8,5.1], 1) → [1.05, 1.16]
        let f = PolyFit::new(&pts, 1).unwrap();
        assert!(
            close(f.coefficients[0], 1.05) && close(f.coefficients[1], 1.16),
            "{:?}",
            f.coefficients
        );
        // rss: np.linalg.lstsq(np.vander(x, 2), y, rcond=None)[1] → [0.547]
        assert!(close(f.rss, 0.547), "{}", f.rss);
        // np.polyfit(x, y, 2) → [-0.06428571428571447, 1.3071428571428578, 1.031428571428571];
        // np.linalg.lstsq(np.vander(x, 3), y, rcond=None)[1] → [0.48914285714285755]
        let f = PolyFit::new(&pts, 2).unwrap();
        let want = [-0.06428571428571447, 1.3071428571428578, 1.031428571428571];
        for (g, w) in f.coefficients.iter().zip(want) {
            assert!((g - w).abs() < 1e-12, "{:?}", f.coefficients);
        }
        assert!(close(f.rss, 0.48914285714285755), "{}", f.rss);
        // np.polyfit(x, y, 3) → [-0.04166666666666623, 0.18571428571428253, 0.9488095238095287,
        //   1.0814285714285694]
        let f = PolyFit::new(&pts, 3).unwrap();
        let want = [
            -0.04166666666666623,
            0.18571428571428253,
            0.9488095238095287,
            1.0814285714285694,
        ];
        for (g, w) in f.coefficients.iter().zip(want) {
            assert!((g - w).abs() < 1e-9, "{:?}", f.coefficients);
        }
    }

    #[test]
    fn two_points_are_an_exact_solve() {
        let f = PolyFit::new(&[[1.0, 3.0], [3.0, 7.0]], 1).unwrap();
        assert!(f.is_exact_solve());
        assert!(close(f.coefficients[0], 2.0) && close(f.coefficients[1], 1.0));
        assert!(f.rss < 1e-20);
        assert_eq!(f.r_squared(), 1.0);
    }

    #[test]
    fn too_few_distinct_x_are_named() {
        assert_eq!(
            PolyFit::new(&[[1.0, 2.0]], 1).unwrap_err().to_string(),
            "at least 2 data points are needed, got 1"
        );
        assert_eq!(
            PolyFit::new(&[[1.0, 2.0], [1.0, 3.0], [2.0, 1.0]], 2)
                .unwrap_err()
                .to_string(),
            "a polynomial of degree 2 needs at least 3 distinct x values, got 2"
        );
    }
}
