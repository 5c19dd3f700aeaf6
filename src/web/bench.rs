//! Kernels for `make bench`: each runs a fixed amount of work and returns a number that
//! depends on all of it (so nothing is optimised away). The benchmark times them from
//! JavaScript; nothing here reads a clock.

use wasm_bindgen::prelude::*;

use crate::math::descent::Descent;
use crate::math::regression::LineFit;
use crate::math::rng::SplitMix64;
use crate::math::sample;
use crate::viz::field::banded_field;
use crate::viz::geometry::{PixelRect, Span, Transform};
use crate::viz::theme::Theme;

fn default_fit() -> Option<LineFit> {
    LineFit::new(&sample::noisy_line(200, 1.5, 1.0, 0.7, (0.0, 4.0), 7)).ok()
}

/// Takes `steps` gradient-descent steps on a 200-point regression; returns the final cost.
#[wasm_bindgen(js_name = benchDescent)]
pub fn bench_descent(steps: u32) -> f64 {
    let Some(fit) = default_fit() else {
        return f64::NAN;
    };
    let alpha = 0.5 * fit.stable_learning_rate_bound();
    match Descent::new(&fit, [-20.0, 30.0], alpha) {
        Ok(mut d) => {
            // A start far from the minimum keeps every step doing real work.
            for _ in 0..steps {
                d.step(&fit);
            }
            d.current().value
        }
        Err(_) => f64::NAN,
    }
}

/// Computes one banded cost field of `size × size` pixels; returns the sum of its bands.
#[wasm_bindgen(js_name = benchCostField)]
pub fn bench_cost_field(size: u32) -> f64 {
    let Some(fit) = default_fit() else {
        return f64::NAN;
    };
    let t = Transform {
        rect: PixelRect {
            x: 0,
            y: 0,
            width: size as i32,
            height: size as i32,
        },
        x: Span::new(-2.0, 5.0),
        y: Span::new(-3.0, 5.0),
    };
    let field = banded_field(
        &t,
        fit.min_cost(),
        fit.cost(5.0, 5.0),
        &Theme::LIGHT,
        1,
        |m, c| fit.cost(m, c),
    );
    field.bands.iter().map(|&b| b as f64).sum()
}

/// Solves a seeded, diagonally dominant n × n system by LU with partial pivoting (nalgebra);
/// returns the sum of the solution.
#[wasm_bindgen(js_name = benchSolve)]
pub fn bench_solve(n: u32, seed: u32) -> f64 {
    let n = n.clamp(1, 1000) as usize;
    let mut rng = SplitMix64::new(seed as u64);
    let a = nalgebra::DMatrix::from_fn(n, n, |i, j| {
        rng.uniform() - 0.5 + if i == j { n as f64 } else { 0.0 }
    });
    let b = nalgebra::DVector::from_fn(n, |_, _| rng.uniform());
    a.lu().solve(&b).map_or(f64::NAN, |x| x.sum())
}

/// Evaluates the standard normal CDF at `count` points evenly spaced from `lo` to `hi`;
/// returns their sum.
#[wasm_bindgen(js_name = benchNormalCdf)]
pub fn bench_normal_cdf(lo: f64, hi: f64, count: u32) -> f64 {
    let n = count.max(1);
    let dx = (hi - lo) / n as f64;
    (0..n)
        .map(|i| crate::math::distributions::Normal::STANDARD.cdf(lo + dx * i as f64))
        .sum()
}
