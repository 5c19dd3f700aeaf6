//! Mathsight: the mathematics behind machine learning, computed in Rust and drawn live.
//!
//! Four rooms, and data flows one way — `math` → `viz` → `web` (→ the `www/` shell):
//!
//! - [`math`]: pure numerics, testable natively; no web, no drawing.
//! - [`viz`]: widgets — options, state, interaction and drawing through plotters'
//!   `DrawingBackend`, so the same widget renders to a browser canvas or an SVG string.
//! - `web` (wasm32 only): the `#[wasm_bindgen]` boundary, the canvas backend, panic handling.
//!
//! See `ARCHITECTURE.md` for the invariants.

pub mod math;
pub mod viz;

#[cfg(target_arch = "wasm32")]
pub mod web;
