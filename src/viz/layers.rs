//! The static layer: while a widget animates — or is being interacted with, its picture redrawn
//! frame after frame by a drag, a held key or a slider — the part of its picture that did not
//! change since the last frame stays painted on a canvas of its own, under the canvas that is
//! repainted.
//!
//! A widget records its whole picture every frame ([`super::display`]), and most of it is the
//! same from one frame to the next: the background, the axes and their labels, a cost field.
//! Repainting those costs the browser more than the parts that move. [`Layers`] compares each
//! new display list with the last one: the longest unchanged *prefix* of the list goes on the
//! lower (base) canvas and is painted only when it changes; everything after it goes on the upper
//! canvas, cleared and repainted each frame. Painting the prefix below and the rest above is the
//! same picture as painting the whole list on one canvas (source-over compositing is
//! associative), so widgets need not know; they only gain by drawing what stays still first.
//!
//! A widget may also say where its still part ends, with a [`Command::Still`] mark: the base
//! then holds everything before the last mark, and grows without being cleared — only the
//! commands between its old and new end are painted onto it. A widget whose picture grows (a
//! path drawn in pieces that never change once complete) draws its settled pieces right after
//! its still parts, then the mark, then what moves. The mark is trusted but checked: if
//! anything before it changes, the base is repainted. Without the mark, the base holds only what
//! has been seen unchanged, and cannot grow: a part that moves but happened to stay put for a
//! frame would join it, and force a repaint of the whole base on the next frame.
//!
//! The upper canvas is not cleared whole between moving frames: only the [`areas`] that the
//! commands painted on it last time can have touched (clearing a large canvas in software
//! costs about as much as filling it).
//!
//! Only those moving frames use the base: a still picture (and the shell paints one as soon as
//! the animation or interaction is over) is painted whole on the upper canvas, so what the
//! reader exports, prints or inspects is one canvas.

use super::display::{Command, TextMeasure};
use super::extent::{areas, Area};

/// The fewest commands worth a layer of their own (the background alone is not).
pub const MIN_BASE_COMMANDS: usize = 8;

/// How to paint a display list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paint {
    /// Everything on the upper canvas; the base is left empty.
    Whole,
    /// The first `base` commands on the base canvas and the rest on the cleared upper canvas.
    /// The base already holds the first `kept` of them: it is cleared and repainted when `kept`
    /// is 0, and only `base - kept` commands are painted onto it otherwise.
    Layered {
        /// How many commands the base holds.
        base: usize,
        /// How many of them it held already.
        kept: usize,
    },
}

/// What the two canvases hold between frames.
#[derive(Debug, Default)]
pub struct Layers {
    previous: Vec<Command>,
    base: usize,
    /// The areas that hold all the upper canvas's ink, when it holds only what a moving frame
    /// painted there; `None` when it may hold a whole picture.
    upper: Option<Vec<Area>>,
}

impl Layers {
    /// How to paint `commands`: layered while `animating`, whole otherwise. The base keeps what
    /// it holds while that is unchanged since the last frame. In a picture with
    /// [`Command::Still`] marks it holds everything up to the last mark, growing onto what it
    /// held when it can and repainted when that changed; without marks it holds the unchanged
    /// prefix, if long enough, and never grows.
    pub fn plan(&self, commands: &[Command], animating: bool) -> Paint {
        if !animating {
            return Paint::Whole;
        }
        let same = unchanged_prefix(&self.previous, commands);
        let keeps = self.base > 0 && self.base <= same;
        let mark = commands.iter().rposition(|c| matches!(c, Command::Still));
        let (base, kept) = match (mark, keeps) {
            (Some(mark), true) => (mark.max(self.base), self.base),
            (Some(mark), false) => (mark, 0),
            (None, true) => (self.base, self.base),
            (None, false) => (same, 0),
        };
        if base >= MIN_BASE_COMMANDS {
            Paint::Layered { base, kept }
        } else {
            Paint::Whole
        }
    }

    /// Remembers what was painted: `commands`, by `paint`, with text measured by `measure`.
    pub fn painted(&mut self, commands: Vec<Command>, paint: Paint, measure: &dyn TextMeasure) {
        (self.base, self.upper) = match paint {
            Paint::Whole => (0, None),
            Paint::Layered { base, .. } => {
                let above = commands.get(base..).unwrap_or_default();
                (base, Some(areas(above, measure)))
            }
        };
        self.previous = commands;
    }

    /// What to clear of the upper canvas before a layered frame: these areas, or everything
    /// when `None`.
    pub fn upper_ink(&self) -> Option<&[Area]> {
        self.upper.as_deref()
    }

    /// Whether the base canvas holds part of the picture.
    pub fn base_in_use(&self) -> bool {
        self.base > 0
    }
}

/// How many commands at the start of `a` and `b` are the same. Fields are the same when they
/// are the same version of the same pixels (never compared pixel by pixel).
pub fn unchanged_prefix(a: &[Command], b: &[Command]) -> usize {
    a.iter()
        .zip(b)
        .take_while(|(x, y)| match (x, y) {
            (Command::Field(f), Command::Field(g)) => {
                std::rc::Rc::ptr_eq(f, g) || (f.version == g.version && f.rect == g.rect)
            }
            _ => x == y,
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::viz::display::EstimatedText;

    const INK: (u8, u8, u8, f64) = (0, 0, 0, 1.0);

    /// A list of `n` distinct lines.
    fn lines(n: i32) -> Vec<Command> {
        (0..n)
            .map(|i| Command::Line((0, i), (10, i), INK, 1))
            .collect()
    }

    #[test]
    fn the_unchanged_prefix_stops_at_the_first_difference() {
        let a = lines(12);
        let mut b = lines(12);
        assert_eq!(unchanged_prefix(&a, &b), 12);
        b[9] = Command::Line((0, 9), (11, 9), INK, 1);
        assert_eq!(unchanged_prefix(&a, &b), 9);
        assert_eq!(unchanged_prefix(&a, &b[..4]), 4);
        assert_eq!(unchanged_prefix(&[], &b), 0);
    }

    #[test]
    fn a_still_picture_is_painted_whole() {
        let mut layers = Layers::default();
        let list = lines(20);
        layers.painted(list.clone(), Paint::Whole, &EstimatedText);
        assert_eq!(layers.plan(&list, false), Paint::Whole);
        assert!(!layers.base_in_use());
    }

    #[test]
    fn animation_keeps_the_unchanged_prefix_below() {
        let mut layers = Layers::default();
        let mut list = lines(20);
        // The first frame has nothing to compare with.
        assert_eq!(layers.plan(&list, true), Paint::Whole);
        layers.painted(list.clone(), Paint::Whole, &EstimatedText);
        // The next moves the last five lines: the first fifteen go on the base.
        for c in &mut list[15..] {
            *c = Command::Line((1, 1), (2, 2), INK, 1);
        }
        let first = layers.plan(&list, true);
        assert_eq!(first, Paint::Layered { base: 15, kept: 0 });
        layers.painted(list.clone(), first, &EstimatedText);
        assert!(layers.base_in_use());
        // The next changes only what is above: the base stays as it is, even though more of
        // the list (now 19 commands) is unchanged than the base holds: without a mark, nothing
        // says those four will not move next.
        list[19] = Command::Line((3, 3), (4, 4), INK, 1);
        let second = layers.plan(&list, true);
        assert_eq!(second, Paint::Layered { base: 15, kept: 15 });
        layers.painted(list.clone(), second, &EstimatedText);
        // A change inside the base repaints it from the new unchanged prefix.
        list[3] = Command::Line((5, 5), (6, 6), INK, 1);
        assert_eq!(layers.plan(&list, false), Paint::Whole);
        assert_eq!(
            layers.plan(&list, true),
            Paint::Whole,
            "three unchanged commands are not worth a layer"
        );
        list[3] = Command::Line((0, 3), (10, 3), INK, 1);
        list[12] = Command::Line((5, 5), (6, 6), INK, 1);
        assert_eq!(
            layers.plan(&list, true),
            Paint::Layered { base: 12, kept: 0 }
        );
    }

    #[test]
    fn a_growing_picture_appends_to_the_base_up_to_its_mark() {
        let mut layers = Layers::default();
        // Still parts, settled pieces and a mark, then two moving pieces: the first moves only
        // every third frame, the second every frame.
        let moving = |k: i32| Command::Line((k, 0), (k, 1), INK, 2);
        let mut list = lines(10);
        list.extend([Command::Still, moving(0), moving(0)]);
        // The first frame paints the base: there is nothing to compare with.
        assert_eq!(
            layers.plan(&list, true),
            Paint::Layered { base: 10, kept: 0 }
        );
        layers.painted(
            list.clone(),
            Paint::Layered { base: 10, kept: 0 },
            &EstimatedText,
        );
        for frame in 1..40 {
            let mark = list.len() - 3;
            list.truncate(mark);
            if frame % 8 == 0 {
                // A piece settles: it joins the list before the mark, for good.
                list.push(Command::Line((frame, 5), (frame, 6), INK, 2));
            }
            list.extend([Command::Still, moving(frame / 3), moving(frame)]);
            let plan = layers.plan(&list, true);
            let Paint::Layered { base, kept } = plan else {
                panic!("frame {frame} was painted whole");
            };
            // Everything before the mark is on the base, a settled piece as soon as it settles;
            // nothing after the mark ever is.
            assert_eq!(base, list.len() - 3, "frame {frame}");
            assert!(kept > 0, "frame {frame} repainted the base");
            assert!(
                base - kept <= 1,
                "frame {frame} painted {} on the base",
                base - kept
            );
            layers.painted(list.clone(), plan, &EstimatedText);
        }
    }

    #[test]
    fn a_change_before_the_mark_repaints_the_base() {
        let mut layers = Layers::default();
        let mut list = lines(12);
        list.insert(10, Command::Still);
        let first = layers.plan(&list, true);
        assert_eq!(first, Paint::Layered { base: 10, kept: 0 });
        layers.painted(list.clone(), first, &EstimatedText);
        list[4] = Command::Line((5, 5), (6, 6), INK, 1);
        assert_eq!(
            layers.plan(&list, true),
            Paint::Layered { base: 10, kept: 0 }
        );
        list.truncate(6);
        assert_eq!(
            layers.plan(&list, true),
            Paint::Whole,
            "no mark, and 4 unchanged"
        );
    }

    #[test]
    fn the_upper_canvas_is_cleared_where_the_last_moving_frame_drew() {
        let mut layers = Layers::default();
        let mut list = lines(12);
        list.insert(10, Command::Still);
        // Painted whole, the upper canvas may hold anything: all of it is cleared.
        layers.painted(list.clone(), Paint::Whole, &EstimatedText);
        assert_eq!(layers.upper_ink(), None);
        let plan = layers.plan(&list, true);
        assert_eq!(plan, Paint::Layered { base: 10, kept: 0 });
        layers.painted(list.clone(), plan, &EstimatedText);
        // Above the mark: the lines at y = 10 and 11, from x = 0 to 10, 1 px wide.
        let ink = layers
            .upper_ink()
            .expect("only the moving part is up there");
        assert_eq!(
            ink,
            [Area {
                x0: -3,
                y0: 7,
                x1: 14,
                y1: 15
            }]
        );
        // Nothing above the mark: nothing to clear next time.
        list.truncate(11);
        let plan = layers.plan(&list, true);
        layers.painted(list, plan, &EstimatedText);
        assert_eq!(layers.upper_ink(), Some(&[][..]));
    }
}
