//! Widgets: their options, state, interaction and drawing.
//!
//! Architecture Invariant: widgets draw only through plotters' `DrawingBackend` (plus the one
//! fast path for pixel fields, [`field`]), into a display list ([`display`]) that is replayed
//! onto the browser canvas or an SVG string. Nothing here knows about JavaScript.
//!
//! Conventions: pixel quantities are device pixels (CSS px × devicePixelRatio = `Frame::scale`);
//! data space has y up, the canvas y down.

pub mod annotate;
pub mod bayes_rule;
pub mod bayes_update;
pub mod boundary;
pub mod chart;
pub mod clock;
pub mod code;
pub mod curves;
pub mod descriptive_stats;
pub mod display;
pub mod distribution;
pub mod extent;
pub mod field;
pub mod format;
pub mod geometry;
pub mod gradient_descent;
pub mod hypothesis_test;
pub mod json;
pub mod layers;
pub mod least_squares;
pub mod linear_system;
pub mod logistic_regression;
pub mod mathml;
pub mod matrix_transform;
pub mod naive_bayes;
pub mod optimizers;
pub mod options;
pub mod pieces;
pub mod registry;
pub mod regression_stats;
pub mod simplify;
pub mod svg;
pub mod text_sizes;
pub mod theme;
pub mod widget;
