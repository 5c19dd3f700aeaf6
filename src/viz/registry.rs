//! Every widget by name: the table the web layer, the CLI and the tests share, scenarios for
//! snapshots and the gallery, and rendering any widget to SVG.

use std::rc::Rc;

use super::bayes_rule;
use super::bayes_update;
use super::descriptive_stats;
use super::display::{self, Command, EstimatedText, TextMeasure};
use super::distribution;
use super::field::draw_coarse;
use super::gradient_descent;
use super::hypothesis_test;
use super::json::Json;
use super::least_squares;
use super::linear_system;
use super::logistic_regression;
use super::matrix_transform;
use super::naive_bayes;
use super::optimizers;
use super::options::{quote, specs_json, OptionError, OptionSpec};
use super::regression_stats;
use super::svg::Svg;
use super::theme::Theme;
use super::widget::{Frame, Widget};

/// One widget kind: its name, option table and constructor.
pub struct Kind {
    /// The kebab-case name, the same in every layer.
    pub name: &'static str,
    /// Its option table.
    pub options: &'static [OptionSpec],
    /// A new widget at its defaults.
    pub create: fn() -> Box<dyn Widget>,
}

/// Every widget kind, in the order of the course: all of them but in a one-widget build (see
/// the `all-widgets` feature in Cargo.toml).
pub const KINDS: &[Kind] = &[
    #[cfg(feature = "linear-system")]
    Kind {
        name: linear_system::NAME,
        options: linear_system::OPTIONS,
        create: || Box::new(linear_system::LinearSystem::new()),
    },
    #[cfg(feature = "least-squares")]
    Kind {
        name: least_squares::NAME,
        options: least_squares::OPTIONS,
        create: || Box::new(least_squares::LeastSquares::new()),
    },
    #[cfg(feature = "matrix-transform")]
    Kind {
        name: matrix_transform::NAME,
        options: matrix_transform::OPTIONS,
        create: || Box::new(matrix_transform::MatrixTransform::new()),
    },
    #[cfg(feature = "gradient-descent")]
    Kind {
        name: gradient_descent::NAME,
        options: gradient_descent::OPTIONS,
        create: || Box::new(gradient_descent::GradientDescent::new()),
    },
    #[cfg(feature = "optimizers")]
    Kind {
        name: optimizers::NAME,
        options: optimizers::OPTIONS,
        create: || Box::new(optimizers::Optimizers::new()),
    },
    #[cfg(feature = "logistic-regression")]
    Kind {
        name: logistic_regression::NAME,
        options: logistic_regression::OPTIONS,
        create: || Box::new(logistic_regression::LogisticRegression::new()),
    },
    #[cfg(feature = "distribution")]
    Kind {
        name: distribution::NAME,
        options: distribution::OPTIONS,
        create: || Box::new(distribution::DistributionWidget::new()),
    },
    #[cfg(feature = "bayes-rule")]
    Kind {
        name: bayes_rule::NAME,
        options: bayes_rule::OPTIONS,
        create: || Box::new(bayes_rule::BayesRule::new()),
    },
    #[cfg(feature = "bayes-update")]
    Kind {
        name: bayes_update::NAME,
        options: bayes_update::OPTIONS,
        create: || Box::new(bayes_update::BayesUpdate::new()),
    },
    #[cfg(feature = "naive-bayes")]
    Kind {
        name: naive_bayes::NAME,
        options: naive_bayes::OPTIONS,
        create: || Box::new(naive_bayes::NaiveBayes::new()),
    },
    #[cfg(feature = "descriptive-stats")]
    Kind {
        name: descriptive_stats::NAME,
        options: descriptive_stats::OPTIONS,
        create: || Box::new(descriptive_stats::DescriptiveStats::new()),
    },
    #[cfg(feature = "hypothesis-test")]
    Kind {
        name: hypothesis_test::NAME,
        options: hypothesis_test::OPTIONS,
        create: || Box::new(hypothesis_test::HypothesisTest::new()),
    },
    #[cfg(feature = "regression-stats")]
    Kind {
        name: regression_stats::NAME,
        options: regression_stats::OPTIONS,
        create: || Box::new(regression_stats::RegressionStats::new()),
    },
];

/// The names of all widgets.
pub fn names() -> impl Iterator<Item = &'static str> {
    KINDS.iter().map(|k| k.name)
}

/// The kind called `name`.
pub fn kind(name: &str) -> Option<&'static Kind> {
    KINDS.iter().find(|k| k.name == name)
}

/// A description of every widget for the shell and the docs: `[{name, options: [...]}]`.
pub fn catalogue() -> Json {
    Json::Arr(
        KINDS
            .iter()
            .map(|k| {
                Json::obj([
                    ("name", Json::str(k.name)),
                    ("options", specs_json(k.options)),
                ])
            })
            .collect(),
    )
}

/// A named widget state: drives the SVG snapshot tests and the gallery of examples.
#[derive(Debug, Clone, Copy)]
pub struct Scenario {
    /// Its id, also the snapshot's file name.
    pub id: &'static str,
    /// The widget's name.
    pub widget: &'static str,
    /// Options applied in order (then the widget is reset, so `steps` takes effect).
    pub options: &'static [(&'static str, &'static str)],
    /// The drawing's width in CSS pixels.
    pub width_css: f64,
    /// Whether to use the dark theme.
    pub dark: bool,
}

/// Every scenario, in the order of the course.
pub const SCENARIOS: &[Scenario] = &[
    Scenario {
        id: "gradient-descent-start",
        widget: gradient_descent::NAME,
        options: &[],
        width_css: 640.0,
        dark: false,
    },
    Scenario {
        id: "gradient-descent-converging",
        widget: gradient_descent::NAME,
        options: &[
            ("learning-rate", "0.15"),
            ("start-m", "3"),
            ("start-c", "-1"),
            ("steps", "25"),
        ],
        width_css: 640.0,
        dark: false,
    },
    Scenario {
        id: "gradient-descent-diverged-dark-narrow",
        widget: gradient_descent::NAME,
        options: &[
            ("learning-rate", "0.2"),
            ("steps", "40"),
            ("points", "0,1;1,2.5;2,2.9;3,4.8;4,5.1"),
        ],
        width_css: 360.0,
        dark: true,
    },
    Scenario {
        id: "descriptive-stats-normal",
        widget: descriptive_stats::NAME,
        options: &[],
        width_css: 640.0,
        dark: false,
    },
    Scenario {
        id: "descriptive-stats-outliers-dark-narrow",
        widget: descriptive_stats::NAME,
        options: &[("shape", "outliers"), ("n", "40"), ("seed", "3")],
        width_css: 360.0,
        dark: true,
    },
    Scenario {
        id: "descriptive-stats-small-data",
        widget: descriptive_stats::NAME,
        options: &[("data", "3.1, 4.2, 2.8, 5.9, 4.2, 3.7, 12.5, 4.8, 3.3, 4.0")],
        width_css: 640.0,
        dark: false,
    },
    Scenario {
        id: "hypothesis-test-t",
        widget: hypothesis_test::NAME,
        options: &[],
        width_css: 800.0,
        dark: false,
    },
    Scenario {
        id: "hypothesis-test-welch-greater-dark-narrow",
        widget: hypothesis_test::NAME,
        options: &[
            ("test", "welch"),
            ("alternative", "greater"),
            ("data", "5.1, 4.9, 6.2, 5.8, 6.0, 5.5, 5.3, 6.1, 4.7, 5.9"),
            ("data-b", "4.8, 5.2, 4.6, 5.0, 4.4, 5.1, 4.9"),
            ("prior", "normal"),
            ("prior-mean", "0"),
            ("prior-sd", "0.3"),
        ],
        width_css: 360.0,
        dark: true,
    },
    Scenario {
        id: "hypothesis-test-z-less",
        widget: hypothesis_test::NAME,
        options: &[
            ("test", "z"),
            ("alternative", "less"),
            ("mean", "4.2"),
            ("effect", "-0.8"),
        ],
        width_css: 800.0,
        dark: false,
    },
    Scenario {
        id: "regression-stats-generated",
        widget: regression_stats::NAME,
        options: &[],
        width_css: 720.0,
        dark: false,
    },
    Scenario {
        id: "regression-stats-csv-dark-narrow",
        widget: regression_stats::NAME,
        options: &[(
            "csv",
            "hours,score\n1,2.1\n2,2.9\n3,4.2\noops,1\n4,4.8\n5,6.3\n6,6.8\n",
        )],
        width_css: 360.0,
        dark: true,
    },
    Scenario {
        id: "bayes-rule-friends",
        widget: bayes_rule::NAME,
        options: &[],
        width_css: 640.0,
        dark: false,
    },
    Scenario {
        id: "bayes-rule-medical-observed-twice-dark-narrow",
        widget: bayes_rule::NAME,
        options: &[("story", "medical-test"), ("observations", "2")],
        width_css: 360.0,
        dark: true,
    },
    Scenario {
        id: "distribution-normal",
        widget: distribution::NAME,
        options: &[],
        width_css: 640.0,
        dark: false,
    },
    Scenario {
        id: "distribution-binomial-pmf",
        widget: distribution::NAME,
        options: &[
            ("family", "binomial"),
            ("n", "20"),
            ("p", "0.35"),
            ("a", "5"),
            ("b", "9"),
        ],
        width_css: 640.0,
        dark: false,
    },
    Scenario {
        id: "distribution-beta-cdf-dark-narrow",
        widget: distribution::NAME,
        options: &[
            ("family", "beta"),
            ("alpha", "0.6"),
            ("beta", "0.8"),
            ("a", "0.2"),
            ("b", "0.7"),
            ("view", "cdf"),
        ],
        width_css: 360.0,
        dark: true,
    },
    Scenario {
        id: "distribution-chi-squared",
        widget: distribution::NAME,
        options: &[
            ("family", "chi-squared"),
            ("df", "3"),
            ("a", "0"),
            ("b", "7.81"),
        ],
        width_css: 640.0,
        dark: false,
    },
    Scenario {
        id: "bayes-update-beta",
        widget: bayes_update::NAME,
        options: &[("successes", "7"), ("failures", "3")],
        width_css: 640.0,
        dark: false,
    },
    Scenario {
        id: "bayes-update-normal-dark-narrow",
        widget: bayes_update::NAME,
        options: &[
            ("model", "normal-normal"),
            ("data", "1.2, 2.5, 0.7, 1.9, 1.4, 2.2"),
        ],
        width_css: 360.0,
        dark: true,
    },
    Scenario {
        id: "naive-bayes-seeded",
        widget: naive_bayes::NAME,
        options: &[],
        width_css: 640.0,
        dark: false,
    },
    Scenario {
        id: "naive-bayes-full-covariance-dark-narrow",
        widget: naive_bayes::NAME,
        options: &[("full-covariance", "true")],
        width_css: 360.0,
        dark: true,
    },
    Scenario {
        id: "linear-system-start",
        widget: linear_system::NAME,
        options: &[],
        width_css: 700.0,
        dark: false,
    },
    Scenario {
        id: "linear-system-eliminated",
        widget: linear_system::NAME,
        options: &[("step", "1")],
        width_css: 700.0,
        dark: false,
    },
    Scenario {
        id: "linear-system-parallel-narrow",
        widget: linear_system::NAME,
        options: &[("a", "1,2;2,4"), ("b", "3,16"), ("step", "1")],
        width_css: 360.0,
        dark: false,
    },
    Scenario {
        id: "linear-system-coincident-dark",
        widget: linear_system::NAME,
        options: &[("a", "1,-2;-3,6"), ("b", "1,-3")],
        width_css: 640.0,
        dark: true,
    },
    Scenario {
        id: "linear-system-planes",
        widget: linear_system::NAME,
        options: &[
            ("a", "2,1,-1;-3,-1,2;-2,1,2"),
            ("b", "8,-11,-3"),
            ("step", "2"),
        ],
        width_css: 700.0,
        dark: false,
    },
    Scenario {
        id: "linear-system-planes-line-narrow",
        widget: linear_system::NAME,
        options: &[("a", "1,1,1;1,2,3;2,3,4"), ("b", "6,14,20"), ("yaw", "-40")],
        width_css: 360.0,
        dark: true,
    },
    Scenario {
        id: "linear-system-planes-inconsistent",
        widget: linear_system::NAME,
        options: &[("a", "1,1,1;1,2,3;2,3,4"), ("b", "6,14,21")],
        width_css: 700.0,
        dark: false,
    },
    Scenario {
        id: "linear-system-planes-coincident-narrow",
        widget: linear_system::NAME,
        options: &[("a", "1,1,1;2,2,2;-1,-1,-1"), ("b", "2,4,-2")],
        width_css: 360.0,
        dark: false,
    },
    Scenario {
        id: "least-squares-line",
        widget: least_squares::NAME,
        options: &[],
        width_css: 700.0,
        dark: false,
    },
    Scenario {
        id: "least-squares-cubic-narrow",
        widget: least_squares::NAME,
        options: &[("model", "cubic"), ("n", "12"), ("seed", "5")],
        width_css: 360.0,
        dark: false,
    },
    Scenario {
        id: "least-squares-exact-dark",
        widget: least_squares::NAME,
        options: &[("points", "1,3;3,7")],
        width_css: 640.0,
        dark: true,
    },
    Scenario {
        id: "matrix-transform-start",
        widget: matrix_transform::NAME,
        options: &[],
        width_css: 640.0,
        dark: false,
    },
    Scenario {
        id: "matrix-transform-flipped-narrow",
        widget: matrix_transform::NAME,
        options: &[("a", "1,1.5;0.5,-1"), ("shape", "circle")],
        width_css: 360.0,
        dark: true,
    },
    Scenario {
        id: "matrix-transform-singular",
        widget: matrix_transform::NAME,
        options: &[("a", "1,2;0.5,1")],
        width_css: 640.0,
        dark: false,
    },
    Scenario {
        id: "gradient-descent-surface-3d",
        widget: gradient_descent::NAME,
        options: &[
            ("view", "surface"),
            ("start-m", "3"),
            ("start-c", "-1"),
            ("learning-rate", "0.15"),
            ("steps", "25"),
        ],
        width_css: 640.0,
        dark: false,
    },
    Scenario {
        id: "gradient-descent-both-views",
        widget: gradient_descent::NAME,
        options: &[
            ("view", "both"),
            ("start-m", "3"),
            ("start-c", "-1"),
            ("learning-rate", "0.15"),
            ("steps", "25"),
        ],
        width_css: 900.0,
        dark: false,
    },
    Scenario {
        id: "optimizers-valley-race",
        widget: optimizers::NAME,
        options: &[("steps", "60")],
        width_css: 720.0,
        dark: false,
    },
    Scenario {
        id: "optimizers-rosenbrock-diverged-dark-narrow",
        widget: optimizers::NAME,
        options: &[("surface", "rosenbrock"), ("steps", "150")],
        width_css: 360.0,
        dark: true,
    },
    Scenario {
        id: "optimizers-himmelblau",
        widget: optimizers::NAME,
        options: &[
            ("surface", "himmelblau"),
            ("gd-learning-rate", "0.01"),
            ("momentum-learning-rate", "0.002"),
            ("nesterov-learning-rate", "0.002"),
            ("rmsprop-learning-rate", "0.05"),
            ("steps", "120"),
        ],
        width_css: 640.0,
        dark: false,
    },
    Scenario {
        id: "logistic-regression-training",
        widget: logistic_regression::NAME,
        options: &[("steps", "40")],
        width_css: 720.0,
        dark: false,
    },
    Scenario {
        id: "logistic-regression-separated-dark-narrow",
        widget: logistic_regression::NAME,
        options: &[
            ("points", "0,0,0;1,0.5,0;0.5,1.5,0;3,3,1;4,2.5,1;3.5,4,1"),
            ("steps", "300"),
        ],
        width_css: 360.0,
        dark: true,
    },
];

impl Scenario {
    /// The widget in this state.
    pub fn build(&self) -> Result<AnyWidget, OptionError> {
        AnyWidget::with_options(self.widget, self.options.iter().copied())
    }
}

/// Any widget, behind the common interface.
pub struct AnyWidget(Box<dyn Widget>);

impl std::fmt::Debug for AnyWidget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "AnyWidget({})", self.0.name())
    }
}

impl AnyWidget {
    /// The widget called `name` at its defaults.
    pub fn create(name: &str) -> Result<AnyWidget, OptionError> {
        match kind(name) {
            Some(k) => Ok(AnyWidget((k.create)())),
            None => Err(OptionError {
                option: "widget".to_string(),
                message: format!(
                    "unknown widget {}; the widgets are {}",
                    quote(name),
                    names().collect::<Vec<_>>().join(", ")
                ),
            }),
        }
    }

    /// The widget called `name` with `options` applied in order; the first bad one is an error.
    pub fn with_options<'a>(
        name: &str,
        options: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<AnyWidget, OptionError> {
        let mut w = AnyWidget::create(name)?;
        for (k, v) in options {
            w.0.set_option(k, v)?;
        }
        w.0.reset();
        Ok(w)
    }

    /// The widget through its common interface.
    pub fn as_widget(&self) -> &dyn Widget {
        self.0.as_ref()
    }

    /// The widget through its common interface, mutably.
    pub fn as_widget_mut(&mut self) -> &mut dyn Widget {
        self.0.as_mut()
    }

    /// Records the drawing for `frame`, measuring text with `measure`.
    pub fn record(
        &mut self,
        frame: &Frame,
        measure: Rc<dyn TextMeasure>,
    ) -> Result<Vec<Command>, String> {
        let widget = self.0.as_mut();
        display::record(
            (frame.width_px, frame.height_px),
            frame.scale,
            measure,
            |root, fields| widget.draw(root, frame, fields),
        )
    }

    /// The drawing as an SVG document, `width_css` CSS pixels wide at `scale` device pixels per
    /// CSS pixel (height from the widget's layout). Text is laid out by estimate, so the
    /// browser's export and the CLI give the same bytes; fields become merged rectangles.
    pub fn to_svg(&mut self, width_css: f64, scale: f64, theme: Theme) -> Result<String, String> {
        let height_css = self.0.height_for_width(width_css);
        let frame = Frame {
            width_px: (width_css * scale).round().max(1.0) as u32,
            height_px: (height_css * scale).round().max(1.0) as u32,
            scale,
            theme,
        };
        let commands = self.record(&frame, Rc::new(EstimatedText))?;
        let mut svg = Svg::new((frame.width_px, frame.height_px));
        let cell = (3.0 * scale).round().max(1.0) as u32;
        display::replay(&commands, &mut svg, |b, field| draw_coarse(b, field, cell))?;
        Ok(svg.finish())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::viz::options::OptionSet;

    #[test]
    fn every_default_parses_and_every_widget_builds() {
        for k in KINDS {
            for s in k.options {
                assert!(
                    s.parse(s.default).is_ok(),
                    "{}: default of {}",
                    k.name,
                    s.name
                );
            }
            let w = AnyWidget::create(k.name).unwrap();
            assert_eq!(w.as_widget().options(), &OptionSet::new(k.options));
            assert_eq!(w.as_widget().name(), k.name);
        }
    }

    #[test]
    fn unknown_widget_is_named() {
        let e = AnyWidget::create("gradient-decent").unwrap_err();
        assert_eq!(
            e.message,
            format!(
                "unknown widget \"gradient-decent\"; the widgets are {}",
                names().collect::<Vec<_>>().join(", ")
            )
        );
    }
}
