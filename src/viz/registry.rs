//! Every widget by name: one enum the web layer and the CLI hold, and SVG rendering for any of
//! them.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::field::{CoarseFields, FieldSink};
use super::gradient_descent::{self, GradientDescent};
use super::json::Json;
use super::options::{specs_json, OptionError, OptionSpec};
use super::theme::Theme;
use super::widget::{Draw, Frame, Widget};

/// The names of all widgets, kebab-case, in the order of the course.
pub const NAMES: &[&str] = &[gradient_descent::NAME];

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
];

impl Scenario {
    /// The widget in this state.
    pub fn build(&self) -> Result<AnyWidget, OptionError> {
        AnyWidget::with_options(self.widget, self.options.iter().copied())
    }
}

/// Any widget.
#[derive(Debug, Clone)]
pub enum AnyWidget {
    /// `gradient-descent`.
    GradientDescent(Box<GradientDescent>),
}

/// The option table of widget `name`.
pub fn option_specs(name: &str) -> Option<&'static [OptionSpec]> {
    match name {
        gradient_descent::NAME => Some(gradient_descent::OPTIONS),
        _ => None,
    }
}

/// A description of every widget for the shell and the docs: `[{name, options: [...]}]`.
pub fn catalogue() -> Json {
    Json::Arr(
        NAMES
            .iter()
            .map(|name| {
                Json::obj([
                    ("name", Json::str(*name)),
                    ("options", specs_json(option_specs(name).unwrap_or(&[]))),
                ])
            })
            .collect(),
    )
}

impl AnyWidget {
    /// The widget called `name` at its defaults.
    pub fn create(name: &str) -> Result<AnyWidget, OptionError> {
        match name {
            gradient_descent::NAME => Ok(AnyWidget::GradientDescent(Box::default())),
            _ => Err(OptionError {
                option: "widget".to_string(),
                message: format!(
                    "unknown widget {}; the widgets are {}",
                    super::options::quote(name),
                    NAMES.join(", ")
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
            w.as_widget_mut().set_option(k, v)?;
        }
        w.as_widget_mut().reset();
        Ok(w)
    }

    /// The widget through its common interface.
    pub fn as_widget(&self) -> &dyn Widget {
        match self {
            AnyWidget::GradientDescent(w) => w.as_ref(),
        }
    }

    /// The widget through its common interface, mutably.
    pub fn as_widget_mut(&mut self) -> &mut dyn Widget {
        match self {
            AnyWidget::GradientDescent(w) => w.as_mut(),
        }
    }

    /// Draws on any backend.
    pub fn draw<DB: DrawingBackend>(
        &mut self,
        root: &DrawingArea<DB, Shift>,
        frame: &Frame,
        fields: &mut impl FieldSink<DB>,
    ) -> Result<(), String> {
        match self {
            AnyWidget::GradientDescent(w) => w.draw(root, frame, fields),
        }
    }

    /// The drawing as an SVG document, `width_css` CSS pixels wide at `scale` device pixels per
    /// CSS pixel (height from the widget's layout). Fields become merged rectangles.
    pub fn to_svg(&mut self, width_css: f64, scale: f64, theme: Theme) -> Result<String, String> {
        let height_css = self.as_widget().height_for_width(width_css);
        let frame = Frame {
            width_px: (width_css * scale).round().max(1.0) as u32,
            height_px: (height_css * scale).round().max(1.0) as u32,
            scale,
            theme,
        };
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (frame.width_px, frame.height_px))
                .into_drawing_area();
            let mut fields = CoarseFields {
                cell: (3.0 * scale).round().max(1.0) as u32,
                theme,
            };
            self.draw(&root, &frame, &mut fields)?;
            root.present().map_err(|e| e.to_string())?;
        }
        Ok(svg)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::viz::options::OptionSet;

    #[test]
    fn every_default_parses_and_every_widget_builds() {
        for name in NAMES {
            let specs = option_specs(name).unwrap();
            for s in specs {
                assert!(s.parse(s.default).is_ok(), "{name}: default of {}", s.name);
            }
            let w = AnyWidget::create(name).unwrap();
            assert_eq!(w.as_widget().options(), &OptionSet::new(specs));
        }
    }

    #[test]
    fn unknown_widget_is_named() {
        let e = AnyWidget::create("gradient-decent").unwrap_err();
        assert_eq!(
            e.message,
            "unknown widget \"gradient-decent\"; the widgets are gradient-descent"
        );
    }
}
