//! The option table of the optimizers widget: the surface, the start, which optimizers race,
//! and every optimizer's hyperparameters.

use crate::viz::options::{OptionKind, OptionSpec};

const fn rate(name: &'static str, default: &'static str, doc: &'static str) -> OptionSpec {
    OptionSpec {
        name,
        kind: OptionKind::Float {
            min: 0.00001,
            max: 10.0,
            log: true,
        },
        default,
        doc,
    }
}

const fn beta(
    name: &'static str,
    max: f64,
    default: &'static str,
    doc: &'static str,
) -> OptionSpec {
    OptionSpec {
        name,
        kind: OptionKind::Float {
            min: 0.0,
            max,
            log: false,
        },
        default,
        doc,
    }
}

const fn racer(name: &'static str, doc: &'static str) -> OptionSpec {
    OptionSpec {
        name,
        kind: OptionKind::Bool,
        default: "true",
        doc,
    }
}

/// The option table. `surface` comes before the start so that an attribute `start-x` given with
/// a `surface` wins over the surface's own start.
pub const OPTIONS: &[OptionSpec] = &[
    OptionSpec {
        name: "surface",
        kind: OptionKind::Choice(&[
            "regression",
            "bowl",
            "valley",
            "rosenbrock",
            "saddle",
            "himmelblau",
            "plateau",
        ]),
        default: "valley",
        doc: "the function raced on; choosing one moves the start to that surface's own start",
    },
    OptionSpec {
        name: "start-x",
        kind: OptionKind::Float {
            min: -1e6,
            max: 1e6,
            log: false,
        },
        default: "-4.5",
        doc: "x (or m) where every optimizer starts",
    },
    OptionSpec {
        name: "start-y",
        kind: OptionKind::Float {
            min: -1e6,
            max: 1e6,
            log: false,
        },
        default: "1.5",
        doc: "y (or c) where every optimizer starts",
    },
    racer("gradient-descent", "race gradient descent: θ ← θ − α·∇f"),
    racer(
        "momentum",
        "race heavy-ball momentum: z ← β·z + ∇f, θ ← θ − α·z",
    ),
    racer(
        "nesterov",
        "race Nesterov: the gradient taken at the look-ahead point θ + β·v",
    ),
    racer(
        "adagrad",
        "race AdaGrad: α divided by the root of the summed squared gradients",
    ),
    racer(
        "rmsprop",
        "race RMSProp: α divided by the root of a running average of g²",
    ),
    racer(
        "adam",
        "race Adam: running averages of g and g², bias-corrected",
    ),
    rate(
        "gd-learning-rate",
        "0.1",
        "gradient descent's learning rate α",
    ),
    rate(
        "momentum-learning-rate",
        "0.02",
        "momentum's learning rate α",
    ),
    beta(
        "momentum-beta",
        0.999,
        "0.9",
        "momentum's β: the share of the velocity kept each step",
    ),
    rate(
        "nesterov-learning-rate",
        "0.02",
        "Nesterov's learning rate α",
    ),
    beta("nesterov-beta", 0.999, "0.9", "Nesterov's β"),
    rate("adagrad-learning-rate", "0.5", "AdaGrad's learning rate α"),
    rate("rmsprop-learning-rate", "0.02", "RMSProp's learning rate α"),
    beta(
        "rmsprop-beta",
        0.999,
        "0.9",
        "RMSProp's β: the decay of the average of g²",
    ),
    rate("adam-learning-rate", "0.1", "Adam's learning rate α"),
    beta(
        "adam-beta1",
        0.999,
        "0.9",
        "Adam's β₁: the decay of the average of g",
    ),
    OptionSpec {
        name: "adam-beta2",
        kind: OptionKind::Float {
            min: 0.001,
            max: 0.9999,
            log: false,
        },
        default: "0.999",
        doc: "Adam's β₂: the decay of the average of g²",
    },
    OptionSpec {
        name: "epsilon",
        kind: OptionKind::Float {
            min: 0.0,
            max: 1.0,
            log: false,
        },
        default: "1e-8",
        doc: "ε added to the root in AdaGrad, RMSProp and Adam, so no step divides by zero",
    },
    OptionSpec {
        name: "steps",
        kind: OptionKind::Int {
            min: 0,
            max: 10_000,
        },
        default: "0",
        doc: "steps already taken when the widget loads or is reset",
    },
    OptionSpec {
        name: "speed",
        kind: OptionKind::Float {
            min: 1.0,
            max: 240.0,
            log: true,
        },
        default: "30",
        doc: "steps per second while playing",
    },
];
