//! Widgets: their options, state, interaction and drawing.
//!
//! Architecture Invariant: widgets draw only through plotters' `DrawingBackend` (plus the one
//! fast path for pixel fields, [`field::FieldSink`]), so the same widget renders to a browser
//! canvas and to an SVG string natively. Nothing here knows about JavaScript.
//!
//! Conventions: pixel quantities are device pixels (CSS px × devicePixelRatio = `Frame::scale`);
//! data space has y up, the canvas y down.

pub mod chart;
pub mod field;
pub mod format;
pub mod geometry;
pub mod gradient_descent;
pub mod json;
pub mod options;
pub mod registry;
pub mod theme;
pub mod widget;
