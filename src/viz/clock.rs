//! Turning the shell's clock into whole steps for widgets that animate ("Play"): a steady
//! number of steps per second, fractions carried over, and no burst after a long pause.

use crate::math::ClampTo;

/// Step bookkeeping for one animating widget.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct StepClock {
    last_ms: Option<f64>,
    debt: f64,
}

impl StepClock {
    /// Forgets the last tick (on play, pause or reset): the next tick only starts the clock.
    pub fn restart(&mut self) {
        *self = StepClock::default();
    }

    /// How many whole steps are due at `now_ms` (the shell's clock) at `per_second` steps a
    /// second. The first tick after a restart, a non-finite time and gaps beyond 250 ms (a
    /// hidden tab) give no burst of steps.
    pub fn due(&mut self, now_ms: f64, per_second: f64) -> u32 {
        if !now_ms.is_finite() {
            return 0;
        }
        let Some(last) = self.last_ms.replace(now_ms) else {
            return 0;
        };
        self.debt += (now_ms - last).clamp_to(0.0, 250.0) / 1000.0 * per_second.max(0.0);
        let whole = self.debt.floor();
        self.debt -= whole;
        whole as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_follow_the_clock_without_bursts() {
        let mut c = StepClock::default();
        assert_eq!(
            c.due(1000.0, 100.0),
            0,
            "the first tick only starts the clock"
        );
        assert_eq!(c.due(1100.0, 100.0), 10);
        assert_eq!(c.due(1105.0, 100.0), 0, "half a step is carried over");
        assert_eq!(c.due(1110.0, 100.0), 1);
        assert_eq!(c.due(60_000.0, 100.0), 25, "a long pause counts as 250 ms");
        assert_eq!(c.due(f64::NAN, 100.0), 0);
        c.restart();
        assert_eq!(c.due(70_000.0, 100.0), 0);
    }
}
