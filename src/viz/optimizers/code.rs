//! The optimizer race's program: the same surface, start, optimizers, hyperparameters and
//! number of steps, in NumPy, with each update rule as published and each run stopped by the
//! widget's rule (converged near a minimum, diverged when it overflows or flies off the plot).

use super::{regression_points, Optimizers};
use crate::math::optimizers::Method;
use crate::math::race::{CONVERGED_DISTANCE, DIVERGED_DISTANCE};
use crate::math::surfaces::Surface;
use crate::viz::code::{np_array, py_float};

/// `f` and `grad` of a surface, and its minima, as Python.
fn surface_source(surface: &Surface) -> String {
    let formula = |f: &str, g: &str| {
        format!(
            "def f(p):\n    x, y = p\n    return {f}\n\n\ndef grad(p):\n    x, y = p\n    return np.array({g})\n"
        )
    };
    let fixed = |minima: &[[f64; 2]]| {
        let list: Vec<String> = minima
            .iter()
            .map(|m| format!("[{}, {}]", py_float(m[0]), py_float(m[1])))
            .collect();
        format!(
            "\n\nminima = np.array([{}])  # the × marks\n",
            list.join(", ")
        )
    };
    match surface {
        Surface::Regression(_) => {
            let points = regression_points();
            let xs: Vec<f64> = points.iter().map(|p| p[0]).collect();
            let ys: Vec<f64> = points.iter().map(|p| p[1]).collect();
            format!(
                r#"# The data of the gradient-descent widget; (x, y) below is the line's (m, c).
x_data = {x}
y_data = {y}


def f(p):
    """J(m, c): the mean squared vertical distance from the points to y = m*x + c."""
    m, c = p
    return np.mean((y_data - (m * x_data + c)) ** 2)


def grad(p):
    m, c = p
    r = y_data - (m * x_data + c)
    return np.array([-2 * np.mean(x_data * r), -2 * np.mean(r)])


minima = np.polyfit(x_data, y_data, 1)[np.newaxis]  # the least-squares (m, c): the × mark
"#,
                x = np_array(&xs),
                y = np_array(&ys),
            )
        }
        Surface::Bowl => formula("x**2 + y**2", "[2 * x, 2 * y]") + &fixed(&surface.minima()),
        Surface::Valley => {
            formula("0.1 * x**2 + 8 * y**2", "[0.2 * x, 16 * y]") + &fixed(&surface.minima())
        }
        Surface::Rosenbrock => {
            formula(
                "(1 - x) ** 2 + 100 * (y - x**2) ** 2",
                "[-2 * (1 - x) - 400 * x * (y - x**2), 200 * (y - x**2)]",
            ) + &fixed(&surface.minima())
        }
        Surface::Saddle => {
            formula("x**2 + 0.25 * y**4 - 0.5 * y**2", "[2 * x, y**3 - y]")
                + &fixed(&surface.minima())
        }
        Surface::Himmelblau => {
            formula(
                "(x**2 + y - 11) ** 2 + (x + y**2 - 7) ** 2",
                "[4 * x * (x**2 + y - 11) + 2 * (x + y**2 - 7), 2 * (x**2 + y - 11) + 4 * y * (x + y**2 - 7)]",
            ) + r#"

# The four minima (the × marks): (3, 2), and three found numerically.
starts = [(-2.8, 3.1), (-3.8, -3.3), (3.6, -1.8)]
found = [minimize(f, s, jac=grad, method="BFGS", options={"gtol": 1e-14}).x for s in starts]
minima = np.array([[3.0, 2.0], *found])
"#
        }
        Surface::Plateau => {
            "def f(p):\n    x, y = p\n    return 1 - np.exp(-(x**2 + y**2) / 2)\n\n\n\
             def grad(p):\n    x, y = p\n    e = np.exp(-(x**2 + y**2) / 2)\n    return np.array([x * e, y * e])\n"
                .to_string()
                + &fixed(&surface.minima())
        }
    }
}

/// The six update rules, each a generator that yields the position and what the rule
/// remembers, then steps. Only the racing ones are written out.
fn rule_source(method: &Method) -> &'static str {
    match method {
        Method::GradientDescent { .. } => {
            r#"def gradient_descent(p, lr):
    """Cauchy 1847: p <- p - lr * grad(p)."""
    while True:
        yield p, {}
        p = p - lr * grad(p)
"#
        }
        Method::Momentum { .. } => {
            r#"def momentum(p, lr, beta):
    """Heavy ball (Polyak 1964), as in Goh, "Why momentum really works" (Distill 2017)."""
    z = np.zeros(2)  # the velocity
    while True:
        yield p, {"velocity": z}
        z = beta * z + grad(p)
        p = p - lr * z
"#
        }
        Method::Nesterov { .. } => {
            r#"def nesterov(p, lr, beta):
    """Sutskever et al., ICML 2013, eq. (3)-(4): the gradient at the look-ahead point."""
    v = np.zeros(2)  # the velocity
    while True:
        yield p, {"velocity": v}
        v = beta * v - lr * grad(p + beta * v)
        p = p + v
"#
        }
        Method::AdaGrad { .. } => {
            r#"def adagrad(p, lr):
    """Duchi, Hazan & Singer, JMLR 2011 (diagonal): lr over the root of the summed g**2."""
    G = np.zeros(2)  # the sum of squared gradients
    while True:
        yield p, {"squared_gradient": G}
        g = grad(p)
        G = G + g**2
        p = p - lr * (g / (np.sqrt(G) + eps))
"#
        }
        Method::RmsProp { .. } => {
            r#"def rmsprop(p, lr, beta):
    """Tieleman & Hinton, lecture 6.5 (2012): lr over the root of a running average of g**2."""
    E = np.zeros(2)  # the running average of squared gradients
    while True:
        yield p, {"squared_gradient": E}
        g = grad(p)
        E = beta * E + (1 - beta) * g**2
        p = p - lr * (g / (np.sqrt(E) + eps))
"#
        }
        Method::Adam { .. } => {
            r#"def adam(p, lr, beta1, beta2):
    """Kingma & Ba, ICLR 2015, Algorithm 1: bias-corrected averages of g and g**2."""
    m, v, t = np.zeros(2), np.zeros(2), 0
    while True:
        yield p, {"mean_gradient": m, "squared_gradient": v, "t": t}
        t += 1
        g = grad(p)
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g**2
        p = p - lr * ((m / (1 - beta1**t)) / (np.sqrt(v / (1 - beta2**t)) + eps))
"#
        }
    }
}

/// The call that starts `method` from the start with the widget's hyperparameters.
fn rule_call(method: &Method) -> String {
    match *method {
        Method::GradientDescent { learning_rate } => {
            format!("gradient_descent(start, lr={})", py_float(learning_rate))
        }
        Method::Momentum {
            learning_rate,
            beta,
        } => format!(
            "momentum(start, lr={}, beta={})",
            py_float(learning_rate),
            py_float(beta)
        ),
        Method::Nesterov {
            learning_rate,
            beta,
        } => format!(
            "nesterov(start, lr={}, beta={})",
            py_float(learning_rate),
            py_float(beta)
        ),
        Method::AdaGrad { learning_rate, .. } => {
            format!("adagrad(start, lr={})", py_float(learning_rate))
        }
        Method::RmsProp {
            learning_rate,
            beta,
            ..
        } => format!(
            "rmsprop(start, lr={}, beta={})",
            py_float(learning_rate),
            py_float(beta)
        ),
        Method::Adam {
            learning_rate,
            beta1,
            beta2,
            ..
        } => format!(
            "adam(start, lr={}, beta1={}, beta2={})",
            py_float(learning_rate),
            py_float(beta1),
            py_float(beta2)
        ),
    }
}

/// Runs one optimizer with the widget's stopping rule; shared by every program.
const RACE: &str = r#"def distance_to_minimum(p):
    return np.hypot(*(minima - p).T).min()


def race(optimizer):
    """One run: its path on the contours, its curve on the right and its readout."""
    p, memory = next(optimizer)
    taken = 0
    near = lambda q: distance_to_minimum(q) <= CONVERGED * diagonal
    status = "converged" if near(p) and not grad(p).any() else "running"
    while status == "running" and taken < steps:
        q, new_memory = next(optimizer)
        finite = np.isfinite([*q, f(q), *grad(q)]).all()
        if not (finite and all(np.isfinite(v).all() for v in new_memory.values())):
            status = "diverged"  # it overflowed: the path ends at its last finite point
            break
        taken += 1
        if np.hypot(*(q - centre)) > DIVERGED * diagonal:
            status = "diverged"  # it flew far off the plot
        elif near(q) and np.hypot(*(q - p)) <= CONVERGED * diagonal:
            status = "converged"  # at a minimum and hardly moving
        p, memory = q, new_memory
    return {
        "position": p.tolist(), "value": f(p), "gradient": grad(p).tolist(), "step": taken,
        "status": status, "distance_to_minimum": distance_to_minimum(p),
        "memory": {k: np.asarray(v).tolist() for k, v in memory.items()},
    }
"#;

impl Optimizers {
    /// The program for the current state.
    pub(super) fn python(&self) -> String {
        let surface = self.surface();
        let [x0, y0] = self.start();
        let methods: Vec<(&str, Method)> = self
            .runs()
            .map(|(racer, run)| (racer.id, *run.method()))
            .collect();
        let mut out = format!(
            "# An optimizer race on {} ({}), exactly as the Mathsight widget runs it.\n\
             import json\n\nimport numpy as np\n",
            surface.id(),
            surface.formula()
        );
        if *surface == Surface::Himmelblau {
            out.push_str("from scipy.optimize import minimize\n");
        }
        out.push_str(
            "\nnp.seterr(over=\"ignore\", invalid=\"ignore\")  # a diverging run may overflow: it is caught below\n\n\
             # The surface: its contours fill the left-hand plot.\n",
        );
        out.push_str(&surface_source(surface));
        let box_source = match surface {
            // The regression cost's box is centred on the least-squares point.
            Surface::Regression(_) => "half = np.maximum(1.4 * np.abs(minima[0]), 2.0)\n\
                 box = np.column_stack([minima[0] - half, minima[0] + half])  # the plotted box\n"
                .to_string(),
            _ => {
                let ([a, b], [c, d]) = surface.domain();
                format!(
                    "box = np.array([[{}, {}], [{}, {}]])  # the plotted box: x range, y range\n",
                    py_float(a),
                    py_float(b),
                    py_float(c),
                    py_float(d)
                )
            }
        };
        out.push_str(&box_source);
        out.push_str(&format!(
            "diagonal = np.hypot(*(box[:, 1] - box[:, 0]))\n\
             centre = box.mean(axis=1)\n\
             CONVERGED = {}  # a run converges this close (x diagonal) to a minimum, moving less\n\
             DIVERGED = {}  # and diverges this far (x diagonal) from the centre\n\n\
             start = np.array([{}, {}])  # the ring every path leaves from\n\
             steps = {}  # steps taken: Step and Play add to it\n\
             eps = {}  # epsilon in AdaGrad, RMSProp and Adam\n\n\n",
            py_float(CONVERGED_DISTANCE),
            py_float(DIVERGED_DISTANCE),
            py_float(x0),
            py_float(y0),
            self.steps(),
            py_float(self.options.float("epsilon")),
        ));
        out.push_str(
            "# Each optimizer as published: yield where it is and what it remembers, then step.\n",
        );
        for (_, method) in &methods {
            out.push_str(rule_source(method));
            out.push_str("\n\n");
        }
        out.push_str(RACE);
        out.push_str("\n\n# The racers and their hyperparameters, as the sliders set them.\noptimizers = {\n");
        for (id, method) in &methods {
            out.push_str(&format!("    \"{id}\": {},\n", rule_call(method)));
        }
        out.push_str(
            r#"}
results = [{"id": name, **race(optimizer)} for name, optimizer in optimizers.items()]
for r in results:
    print(f"{r['id']:>9}: {r['status']} after {r['step']} steps, f = {r['value']:.6g}")
# The widget's state, for comparison (iterative methods: equal to about 1e-6 relative).
print(json.dumps({"_tolerance": 1e-6, "step": steps, "minima": minima.tolist(), "optimizers": results}))
"#,
        );
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::viz::widget::Widget;

    #[test]
    fn names_the_surface_the_racers_and_their_hyperparameters() {
        let mut w = Optimizers::new();
        w.set_option("momentum-beta", "0.75").unwrap();
        w.set_option("adam", "false").unwrap();
        w.step(7);
        let code = w.python();
        assert!(code.contains("return 0.1 * x**2 + 8 * y**2"), "{code}");
        assert!(code.contains("\"momentum\": momentum(start, lr=0.02, beta=0.75),"));
        assert!(code.contains("start = np.array([-4.5, 1.5])"));
        assert!(code.contains("steps = 7 "));
        assert!(!code.contains("def adam") && !code.contains("\"adam\""));
        assert_eq!(code.matches("    yield p,").count(), 5);
        assert!(!code.contains("NaN") && !code.contains("float("));
    }

    #[test]
    fn the_regression_surface_inlines_its_data_and_himmelblau_imports_scipy() {
        let mut w = Optimizers::new();
        w.set_option("surface", "regression").unwrap();
        let code = w.python();
        let first = regression_points()[0];
        assert!(code.contains(&format!("x_data = np.array([{}", py_float(first[0]))));
        assert!(code.contains(&format!("y_data = np.array([{}", py_float(first[1]))));
        assert!(!code.contains("scipy"));
        w.set_option("surface", "himmelblau").unwrap();
        assert!(w.python().contains("from scipy.optimize import minimize"));
    }
}
