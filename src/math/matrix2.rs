//! 2×2 matrices as maps of the plane: the images of the basis vectors, the determinant as
//! signed area, and the real eigenvectors (directions the map only stretches).
//!
//! A matrix is `[[a, b], [c, d]]` (rows); its columns A·e₁ = (a, c) and A·e₂ = (b, d) are
//! where the basis vectors land.

/// Relative size below which det A counts as zero: |det| ≤ this × (largest |entry|)².
pub const SINGULAR_TOLERANCE: f64 = 1e-12;

/// A 2×2 matrix, rows first.
pub type Matrix2 = [[f64; 2]; 2];

/// A·v.
pub fn apply(m: &Matrix2, v: [f64; 2]) -> [f64; 2] {
    [
        m[0][0] * v[0] + m[0][1] * v[1],
        m[1][0] * v[0] + m[1][1] * v[1],
    ]
}

/// det A = a·d − b·c: the signed area of the image of the unit square (negative when the map
/// flips orientation).
///
/// ```
/// assert_eq!(mathsight::math::matrix2::det(&[[2.0, 1.0], [1.0, 2.0]]), 3.0);
/// ```
pub fn det(m: &Matrix2) -> f64 {
    m[0][0] * m[1][1] - m[0][1] * m[1][0]
}

/// Whether det A is zero relative to the size of the entries.
pub fn is_singular(m: &Matrix2) -> bool {
    let big = m.iter().flatten().fold(0.0_f64, |s, v| s.max(v.abs()));
    det(m).abs() <= SINGULAR_TOLERANCE * big * big
}

/// The eigenvalues and unit eigenvectors when they are real, largest eigenvalue first.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Eigen {
    /// Two real eigenvalues with their unit eigenvectors (one repeated direction possible).
    Real {
        /// λ₁ ≥ λ₂.
        values: [f64; 2],
        /// Unit eigenvectors for λ₁ and λ₂ (equal for a defective matrix).
        vectors: [[f64; 2]; 2],
    },
    /// A complex pair re ± i·im: the map rotates, no direction is kept.
    Complex {
        /// The real part.
        re: f64,
        /// The imaginary part (> 0).
        im: f64,
    },
}

fn unit(v: [f64; 2]) -> [f64; 2] {
    let n = v[0].hypot(v[1]);
    if n > 0.0 {
        [v[0] / n, v[1] / n]
    } else {
        [1.0, 0.0]
    }
}

/// An eigenvector for λ: a non-zero row of A − λI gives the direction perpendicular to it.
fn vector_for(m: &Matrix2, lambda: f64) -> [f64; 2] {
    let r0 = [m[0][0] - lambda, m[0][1]];
    let r1 = [m[1][0], m[1][1] - lambda];
    let row = if r0[0].hypot(r0[1]) >= r1[0].hypot(r1[1]) {
        r0
    } else {
        r1
    };
    if row[0].hypot(row[1]) <= 1e-14 * (1.0 + lambda.abs()) {
        // A − λI = 0: every direction is an eigenvector; take e₁.
        return [1.0, 0.0];
    }
    unit([-row[1], row[0]])
}

/// The eigen-decomposition of a 2×2 matrix from its characteristic polynomial
/// λ² − tr·λ + det = 0, with the discriminant computed as ((a − d)/2)² + b·c to avoid
/// cancellation.
pub fn eigen(m: &Matrix2) -> Eigen {
    let half_trace = 0.5 * (m[0][0] + m[1][1]);
    let half_diff = 0.5 * (m[0][0] - m[1][1]);
    let disc = half_diff * half_diff + m[0][1] * m[1][0];
    if disc < 0.0 {
        return Eigen::Complex {
            re: half_trace,
            im: (-disc).sqrt(),
        };
    }
    let root = disc.sqrt();
    let (l1, l2) = (half_trace + root, half_trace - root);
    Eigen::Real {
        values: [l1, l2],
        vectors: [vector_for(m, l1), vector_for(m, l2)],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parallel(u: [f64; 2], v: [f64; 2]) -> bool {
        (u[0] * v[1] - u[1] * v[0]).abs() < 1e-12
    }

    #[test]
    fn eigenpairs_match_numpy() {
        // numpy.linalg.eig([[2,1],[1,2]]) → values [3., 1.], vectors ±[0.7071, 0.7071], ±[-0.7071, 0.7071]
        let Eigen::Real { values, vectors } = eigen(&[[2.0, 1.0], [1.0, 2.0]]) else {
            panic!("real expected")
        };
        assert_eq!(values, [3.0, 1.0]);
        assert!(parallel(vectors[0], [1.0, 1.0]) && parallel(vectors[1], [-1.0, 1.0]));
        // numpy.linalg.eig(np.array([[1.,2],[3,4]]))[0] → [-0.3722813232690143, 5.372281323269014]
        let m = [[1.0, 2.0], [3.0, 4.0]];
        let Eigen::Real { values, vectors } = eigen(&m) else {
            panic!("real expected")
        };
        assert!((values[0] - 5.372281323269014).abs() < 1e-12);
        assert!((values[1] + 0.3722813232690143).abs() < 1e-12);
        for (l, v) in values.iter().zip(vectors) {
            let av = apply(&m, v);
            assert!((av[0] - l * v[0]).abs() < 1e-12 && (av[1] - l * v[1]).abs() < 1e-12);
        }
        // numpy.linalg.eig([[0,-1],[1,0]]) → values [0.+1.j, 0.-1.j]
        assert_eq!(
            eigen(&[[0.0, -1.0], [1.0, 0.0]]),
            Eigen::Complex { re: 0.0, im: 1.0 }
        );
    }

    #[test]
    fn determinant_and_singularity() {
        assert_eq!(det(&[[1.0, 2.0], [3.0, 4.0]]), -2.0);
        assert!(is_singular(&[[1.0, 2.0], [2.0, 4.0]]));
        assert!(is_singular(&[[0.0, 0.0], [0.0, 0.0]]));
        assert!(!is_singular(&[[1e-3, 0.0], [0.0, 1e-3]]));
    }
}
