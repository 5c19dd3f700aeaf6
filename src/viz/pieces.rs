//! A growing series cut into pieces that never change once complete, so that an animation can
//! keep them on its still layer ([`super::layers`]) and repaint only the growing tail.
//!
//! Piece boundaries are fixed indices — 0, 32, 64, 96, 144, 216, 324, 486, … (each piece half
//! as long as everything before it, and at least [`SHORTEST`] long) — so a piece drawn at one
//! step is drawn identically at every later step. Ten thousand points make fourteen pieces and
//! a tail. Neighbouring pieces share their boundary point, so the pieces drawn one after another
//! are the whole line.

use std::ops::Range;

/// The shortest piece, in points.
pub const SHORTEST: usize = 32;

/// The boundary after `start`.
fn next_boundary(start: usize) -> usize {
    start + (start / 2).max(SHORTEST)
}

/// The settled pieces of a series of `len` points, each as the range of point indices it
/// covers (its end point included, so the range ends one past it), and the start of the
/// growing tail after them. A series that has `finished` growing has no tail: what is left
/// after the last whole piece is one more settled piece.
pub fn pieces(len: usize, finished: bool) -> (Vec<Range<usize>>, usize) {
    let mut settled = Vec::new();
    let mut start = 0;
    loop {
        let end = next_boundary(start);
        if end >= len {
            break;
        }
        settled.push(start..end + 1);
        start = end;
    }
    if finished && len > start + 1 {
        settled.push(start..len);
        start = len - 1;
    }
    (settled, start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_are_fixed_and_pieces_grow_with_the_series() {
        let (settled, tail) = pieces(300, false);
        let starts: Vec<usize> = settled.iter().map(|r| r.start).collect();
        assert_eq!(starts, [0, 32, 64, 96, 144]);
        assert_eq!(settled.last(), Some(&(144..217)));
        assert_eq!(tail, 216);
        assert_eq!(pieces(10_001, false).0.len(), 14);
    }

    #[test]
    fn a_short_series_is_all_tail() {
        assert_eq!(pieces(0, false), (vec![], 0));
        assert_eq!(pieces(32, false), (vec![], 0));
        assert_eq!(
            pieces(33, false),
            (vec![Range { start: 0, end: 33 }], 32),
            "the tail is then a single point"
        );
    }

    #[test]
    fn a_finished_series_is_all_settled() {
        assert_eq!(pieces(50, true), (vec![0..33, 32..50], 49));
        assert_eq!(pieces(33, true), (vec![Range { start: 0, end: 33 }], 32));
        assert_eq!(pieces(1, true), (vec![], 0));
    }

    #[test]
    fn pieces_cover_the_series_and_never_change_as_it_grows() {
        let mut seen: Vec<Range<usize>> = Vec::new();
        for len in 1..3_000 {
            let (settled, tail) = pieces(len, false);
            assert!(settled.starts_with(&seen), "length {len}");
            for pair in settled.windows(2) {
                assert_eq!(
                    pair[0].end - 1,
                    pair[1].start,
                    "pieces share their boundary"
                );
            }
            assert_eq!(settled.last().map_or(0, |r| r.end - 1), tail);
            assert!(tail < len.max(1));
            seen = settled;
        }
    }
}
