//! Seeded sample data sets, generated from a [`SplitMix64`] the caller seeds.

use super::rng::SplitMix64;

/// `n` points scattered around the line y = slope·x + intercept: x uniform on
/// [`x_range`.0, `x_range`.1], y with Gaussian noise of standard deviation `noise`.
///
/// The x values are sorted so that a table of the points reads left to right.
pub fn noisy_line(
    n: usize,
    slope: f64,
    intercept: f64,
    noise: f64,
    x_range: (f64, f64),
    seed: u64,
) -> Vec<[f64; 2]> {
    let mut rng = SplitMix64::new(seed);
    let mut xs: Vec<f64> = (0..n)
        .map(|_| x_range.0 + (x_range.1 - x_range.0) * rng.uniform())
        .collect();
    super::sorting::sort_floats(&mut xs);
    xs.into_iter()
        .map(|x| [x, slope * x + intercept + noise * rng.normal()])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reproducible_and_within_range() {
        let a = noisy_line(30, 2.0, 1.0, 0.5, (0.0, 4.0), 9);
        let b = noisy_line(30, 2.0, 1.0, 0.5, (0.0, 4.0), 9);
        assert_eq!(a, b);
        assert!(a.iter().all(|p| (0.0..4.0).contains(&p[0])));
        assert!(a.windows(2).all(|w| w[0][0] <= w[1][0]));
        let c = noisy_line(30, 2.0, 1.0, 0.5, (0.0, 4.0), 10);
        assert_ne!(a, c);
    }

    #[test]
    fn zero_noise_lies_on_the_line() {
        for p in noisy_line(10, -1.5, 3.0, 0.0, (-2.0, 2.0), 1) {
            assert!((p[1] - (-1.5 * p[0] + 3.0)).abs() < 1e-12);
        }
    }
}
