//! The gradient-descent widget's program: the same data, start, learning rate and number of
//! steps, in NumPy, ending with the values the widget shows.

use super::GradientDescent;
use crate::viz::code::{np_array, py_float};

impl GradientDescent {
    /// The program for the current state.
    pub(super) fn python(&self) -> String {
        let xs: Vec<f64> = self.model.points.iter().map(|p| p[0]).collect();
        let ys: Vec<f64> = self.model.points.iter().map(|p| p[1]).collect();
        let [m0, c0] = self.start();
        let steps = self.descent.steps();
        format!(
            r#"# Gradient descent fitting y = m*x + c, exactly as the Mathsight widget computes it.
import json

import numpy as np

# The data: the points on the left-hand plot.
x = {x}
y = {y}

alpha = {alpha}  # the learning rate
m, c = {m0}, {c0}  # the start: the ring on the cost plot
steps = {steps}  # steps taken: the path on the cost plot


def cost(m, c):
    """J(m, c): the mean of the squared vertical distances from the points to the line."""
    return np.mean((y - (m * x + c)) ** 2)


def gradient(m, c):
    """[dJ/dm, dJ/dc]; the arrow on the cost plot is minus this."""
    r = y - (m * x + c)  # the residuals: the grey segments on the left
    return np.array([-2 * np.mean(x * r), -2 * np.mean(r)])


for _ in range(steps):
    g = gradient(m, c)
    m, c = m - alpha * g[0], c - alpha * g[1]

# Where the descent is heading: the least-squares line (the x on the cost plot).
m_star, c_star = np.polyfit(x, y, 1)
# The stability bound 2/L: L is the largest eigenvalue of J's Hessian (2/n)[[sum x^2, sum x], [sum x, n]].
n = len(x)
hessian = 2 / n * np.array([[np.sum(x * x), np.sum(x)], [np.sum(x), n]])
bound = 2 / np.linalg.eigvalsh(hessian).max()

print(f"after {{steps}} steps: m = {{m:.6g}}, c = {{c:.6g}}, J = {{cost(m, c):.6g}}")
print(f"least squares: m = {{m_star:.6g}}, c = {{c_star:.6g}}; stable for alpha < 2/L = {{bound:.4g}}")
# The widget's state, for comparison (an iterative method: equal to about 1e-6 relative).
print(json.dumps({{
    "_tolerance": 1e-6, "m": m, "c": c, "cost": cost(m, c), "gradient": list(gradient(m, c)), "step": steps,
    "least_squares": [m_star, c_star], "learning_rate_bound": bound,
}}))
"#,
            x = np_array(&xs),
            y = np_array(&ys),
            alpha = py_float(self.descent.learning_rate()),
            m0 = py_float(m0),
            c0 = py_float(c0),
        )
    }
}
