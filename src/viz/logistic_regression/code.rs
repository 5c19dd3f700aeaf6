//! The logistic-regression widget's program: the same points, learning rate and number of
//! steps, trained by gradient descent on the mean log-loss in NumPy (with SciPy's `expit` as
//! the sigmoid), stopped by the widget's rule, ending with the values the widget shows.

use super::LogisticRegression;
use crate::math::logistic::{Training, RISING_STEPS, UNSTABLE_RISES, WINDOW};
use crate::viz::code::{np_array, py_float};

impl LogisticRegression {
    /// The program for the current state.
    pub(super) fn python(&self) -> String {
        let points = self.points();
        let x1: Vec<f64> = points.iter().map(|p| p.x[0]).collect();
        let x2: Vec<f64> = points.iter().map(|p| p.x[1]).collect();
        // The classes, 0 or 1, thirty to a line.
        let classes: Vec<String> = points
            .chunks(30)
            .map(|c| {
                c.iter()
                    .map(|p| p.class.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .collect();
        let trainer = self.trainer();
        // A run that stopped itself stops at the same step however many more are asked for;
        // one more than it took lets the program see the stop too.
        let steps = match trainer.status() {
            Training::Running => trainer.steps(),
            Training::Converged | Training::Diverged(_) => trainer.steps() + 1,
        };
        format!(
            r#"# Logistic regression trained by gradient descent, exactly as the Mathsight widget computes it.
import json

import numpy as np
from scipy.special import expit  # the sigmoid 1 / (1 + exp(-z))

# The data: the two classes of points on the left-hand plot.
x1 = {x1}
x2 = {x2}
y = np.array([{y}])
X = np.column_stack([x1, x2, np.ones(len(y))])  # a column of ones for the bias b
n = len(y)

alpha = {alpha}  # the learning rate
steps = {steps}  # steps to take (Step and Play); the run may stop itself sooner


def loss(theta):
    """The mean log-loss: the curve in the top-right plot."""
    z = X @ theta
    return np.mean(np.logaddexp(0, z) - y * z)


def gradient(theta):
    """dL/d(w1, w2, b): the arrows' directions, reversed, in the weights panel."""
    return X.T @ (expit(X @ theta) - y) / n


theta = np.zeros(3)  # (w1, w2, b), starting at 0: p = 1/2 everywhere
losses = [loss(theta)]
tolerance = 1e-7 * (1 + np.linalg.norm(gradient(theta)))  # "converged" below this gradient
status = "running"
for _ in range(steps):
    new = theta - alpha * gradient(theta)
    if not (np.isfinite(new).all() and np.isfinite(loss(new)) and np.isfinite(gradient(new)).all()):
        status = "diverged"  # the numbers overflowed: stop before them
        break
    theta = new
    losses.append(loss(theta))
    rose = np.array(losses[1:]) > np.array(losses[:-1]) * (1 + 1e-12)  # the loss rose
    # Diverged: the loss rose {rising} steps in a row, or on {rises} of the last {window}.
    if len(rose) >= {rising} and rose[-{rising}:].all() or rose[-{window}:].sum() >= {rises}:
        status = "diverged"
        break
    if np.linalg.norm(gradient(theta)) <= tolerance:
        status = "converged"
        break

w, b = theta[:2], theta[2]  # the boundary w1*x1 + w2*x2 + b = 0: the dark line
z = X @ theta  # p = expit(z) is the shading
separated = bool(np.all(np.where(y == 1, z > 0, z < 0)))  # the line splits the classes
accuracy = np.mean((z >= 0) == (y == 1))  # p >= 1/2 predicts class 1
# Descent is stable for alpha < 2/L, L the largest eigenvalue of X^T X / (4n): the slider's mark.
bound = 2 / np.linalg.eigvalsh(X.T @ X / (4 * n)).max()

print(f"after {{len(losses) - 1}} steps ({{status}}): w = {{w}}, b = {{b:.6g}}, loss = {{loss(theta):.6g}}")
print(f"accuracy {{accuracy:.3f}}, separated: {{separated}}, stable for alpha < 2/L = {{bound:.4g}}")
# The widget's state, for comparison (an iterative method: equal to about 1e-6 relative).
print(json.dumps({{
    "_tolerance": 1e-6, "w": w.tolist(), "b": b, "loss": loss(theta), "gradient": gradient(theta).tolist(),
    "step": len(losses) - 1, "status": status, "separated": separated, "accuracy": accuracy,
    "weight_norm": np.hypot(*w), "learning_rate_bound": bound,
}}))
"#,
            x1 = np_array(&x1),
            x2 = np_array(&x2),
            y = classes.join(",\n    "),
            alpha = py_float(self.options.float("learning-rate")),
            rising = RISING_STEPS,
            rises = UNSTABLE_RISES,
            window = WINDOW,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::viz::widget::Widget;

    #[test]
    fn inlines_the_points_and_the_steps_taken() {
        let mut w = LogisticRegression::new();
        w.set_option("points", "0,0,0;1,0.5,0;2,1,1;0.5,2,1")
            .unwrap();
        w.set_option("learning-rate", "0.25").unwrap();
        w.step(9);
        let code = w.python();
        assert!(
            code.contains("x1 = np.array([0.0, 1.0, 2.0, 0.5])"),
            "{code}"
        );
        assert!(code.contains("x2 = np.array([0.0, 0.5, 1.0, 2.0])"));
        assert!(code.contains("y = np.array([0, 0, 1, 1])"));
        assert!(code.contains("alpha = 0.25 "));
        assert!(code.contains("steps = 9 "));
        assert!(!code.contains("NaN") && !code.contains("float("));
    }

    #[test]
    fn a_stopped_run_asks_for_one_step_more() {
        let mut w = LogisticRegression::new();
        w.set_option("learning-rate", "60").unwrap();
        w.step(500);
        assert!(matches!(w.trainer().status(), Training::Diverged(_)));
        let taken = w.trainer().steps();
        assert!(w.python().contains(&format!("steps = {} ", taken + 1)));
    }
}
