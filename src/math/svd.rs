//! The singular value decomposition of small dense matrices (a few columns) by one-sided Jacobi
//! rotations: the columns of A are rotated pairwise until they are orthogonal, A·V = W; then
//! σⱼ = |wⱼ| and uⱼ = wⱼ/σⱼ (Hestenes, "Inversion of matrices by biorthogonalization", J. SIAM
//! 6(1), 1958; Demmel & Veselić, SIAM J. Matrix Anal. Appl. 13(4), 1992, show that it finds
//! even tiny singular values to high relative accuracy).
//!
//! Small and self-contained on purpose: the widgets need 2×2 to 1000×4 matrices, and a general
//! dense SVD costs tens of kilobytes of wasm.

/// A thin SVD A = U·diag(σ)·Vᵀ of an m×n matrix (m ≥ n is not required).
#[derive(Debug, Clone, PartialEq)]
pub struct Svd {
    /// The singular values, largest first.
    pub sigma: Vec<f64>,
    /// Column j of V (as a row of this vector), matching `sigma[j]`.
    pub v: Vec<Vec<f64>>,
    /// Column j of A·V = σⱼ·uⱼ, matching `sigma[j]`.
    pub w: Vec<Vec<f64>>,
}

fn column(a: &[Vec<f64>], j: usize) -> Vec<f64> {
    a.iter().map(|r| r.get(j).copied().unwrap_or(0.0)).collect()
}

fn dot(x: &[f64], y: &[f64]) -> f64 {
    x.iter().zip(y).map(|(p, q)| p * q).sum()
}

/// The indices of `keys` in ascending order (insertion sort: the slices here hold a handful of
/// values, and one small non-generic sort keeps the wasm small).
pub fn ascending(keys: &[f64]) -> Vec<usize> {
    let mut idx: Vec<usize> = Vec::with_capacity(keys.len());
    for i in 0..keys.len() {
        let key = keys.get(i).copied().unwrap_or(f64::NAN);
        let at = idx
            .iter()
            .position(|&j| keys.get(j).is_some_and(|k| k.total_cmp(&key).is_gt()))
            .unwrap_or(idx.len());
        idx.insert(at, i);
    }
    idx
}

/// The SVD of `a` (rows of equal length); `None` for non-finite entries or ragged rows.
pub fn svd(a: &[Vec<f64>]) -> Option<Svd> {
    let n = a.first().map_or(0, Vec::len);
    if a.iter()
        .any(|r| r.len() != n || r.iter().any(|v| !v.is_finite()))
    {
        return None;
    }
    // Scale so the largest entry is 1: avoids overflow in the column norms.
    let big = a.iter().flatten().fold(0.0_f64, |m, v| m.max(v.abs()));
    let scale = if big > 0.0 { big } else { 1.0 };
    let mut w: Vec<Vec<f64>> = (0..n)
        .map(|j| column(a, j).iter().map(|v| v / scale).collect())
        .collect();
    let mut v: Vec<Vec<f64>> = (0..n)
        .map(|j| (0..n).map(|i| if i == j { 1.0 } else { 0.0 }).collect())
        .collect();
    for _sweep in 0..60 {
        let mut rotated = false;
        for p in 0..n {
            for q in p + 1..n {
                let (wp, wq) = (w.get(p)?.clone(), w.get(q)?.clone());
                let alpha = dot(&wp, &wp);
                let beta = dot(&wq, &wq);
                let gamma = dot(&wp, &wq);
                if gamma.abs() <= f64::EPSILON * (alpha * beta).sqrt() || gamma == 0.0 {
                    continue;
                }
                rotated = true;
                let zeta = (beta - alpha) / (2.0 * gamma);
                let t = zeta.signum() / (zeta.abs() + (1.0 + zeta * zeta).sqrt());
                let t = if zeta == 0.0 { 1.0 } else { t };
                let c = 1.0 / (1.0 + t * t).sqrt();
                let s = c * t;
                let rot = |x: &mut Vec<Vec<f64>>| -> Option<()> {
                    let (xp, xq) = (x.get(p)?.clone(), x.get(q)?.clone());
                    *x.get_mut(p)? = xp.iter().zip(&xq).map(|(a, b)| c * a - s * b).collect();
                    *x.get_mut(q)? = xp.iter().zip(&xq).map(|(a, b)| s * a + c * b).collect();
                    Some(())
                };
                rot(&mut w)?;
                rot(&mut v)?;
            }
        }
        if !rotated {
            break;
        }
    }
    // Largest first: sort the negated norms ascending.
    let negated: Vec<f64> = w.iter().map(|c| -dot(c, c).sqrt()).collect();
    let order: Vec<(f64, usize)> = ascending(&negated)
        .into_iter()
        .map(|j| (-negated.get(j).copied().unwrap_or(0.0), j))
        .collect();
    Some(Svd {
        sigma: order.iter().map(|(s, _)| s * scale).collect(),
        v: order
            .iter()
            .filter_map(|(_, j)| v.get(*j).cloned())
            .collect(),
        w: order
            .iter()
            .filter_map(|(_, j)| w.get(*j).map(|c| c.iter().map(|x| x * scale).collect()))
            .collect(),
    })
}

impl Svd {
    /// σ_max/σ_min of a square matrix (as `numpy.linalg.cond`, 2-norm), ∞ when σ_min is at or
    /// below the rank tolerance (NumPy then returns a rounding-noise value such as 1e17).
    pub fn condition_number(&self) -> f64 {
        match (self.sigma.first(), self.sigma.last()) {
            (Some(hi), Some(lo)) if self.rank(self.sigma.len()) == self.sigma.len() => hi / lo,
            _ => f64::INFINITY,
        }
    }

    /// The rank: singular values above σ_max·max(m, n)·ε (`numpy.linalg.matrix_rank`).
    pub fn rank(&self, rows: usize) -> usize {
        let tol = self.sigma.first().copied().unwrap_or(0.0)
            * rows.max(self.sigma.len()) as f64
            * f64::EPSILON;
        self.sigma.iter().filter(|&&s| s > tol).count()
    }

    /// The minimum-norm least-squares solution pinv(A)·b, ignoring singular values at or below
    /// the rank tolerance (as `numpy.linalg.lstsq(A, b, rcond=None)`).
    pub fn solve(&self, b: &[f64]) -> Vec<f64> {
        let n = self.v.len();
        let tol = self.sigma.first().copied().unwrap_or(0.0) * b.len().max(n) as f64 * f64::EPSILON;
        let mut x = vec![0.0; n];
        for ((s, v), w) in self.sigma.iter().zip(&self.v).zip(&self.w) {
            if *s <= tol {
                continue;
            }
            // uⱼ·b / σⱼ = (wⱼ·b) / σⱼ².
            let k = dot(w, b) / (s * s);
            for (xi, vi) in x.iter_mut().zip(v) {
                *xi += k * vi;
            }
        }
        x
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn singular_values_match_numpy() {
        // numpy.linalg.svd([[2,1],[4,3]], compute_uv=False) → [5.4649857, 0.36596619]
        let s = svd(&[vec![2.0, 1.0], vec![4.0, 3.0]]).unwrap();
        assert!((s.sigma[0] - 5.464985704219043).abs() < 1e-12);
        assert!((s.sigma[1] - 0.365966190626258).abs() < 1e-12);
        // numpy.linalg.cond([[1,1],[1,1.000000001]]) → 3999999796.3340845
        let s = svd(&[vec![1.0, 1.0], vec![1.0, 1.000000001]]).unwrap();
        assert!((s.condition_number() / 3999999796.3340845 - 1.0).abs() < 1e-6);
        assert_eq!(s.rank(2), 2);
        let s = svd(&[vec![1.0, 2.0], vec![2.0, 4.0]]).unwrap();
        assert_eq!(s.rank(2), 1);
        assert!(svd(&[vec![1.0, f64::NAN]]).is_none());
    }

    #[test]
    fn ascending_orders_indices() {
        assert_eq!(ascending(&[3.0, -1.0, 2.0, -1.0]), [1, 3, 2, 0]);
        assert!(ascending(&[]).is_empty());
    }

    #[test]
    fn least_squares_matches_lstsq() {
        // numpy.linalg.lstsq([[1,0],[1,1],[1,2]], [1,2,2], rcond=None)[0] → [1.16666667, 0.5]
        let s = svd(&[vec![1.0, 0.0], vec![1.0, 1.0], vec![1.0, 2.0]]).unwrap();
        let x = s.solve(&[1.0, 2.0, 2.0]);
        assert!(
            (x[0] - 7.0 / 6.0).abs() < 1e-12 && (x[1] - 0.5).abs() < 1e-12,
            "{x:?}"
        );
    }
}
