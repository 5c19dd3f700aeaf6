//! `bayes-rule`: one hypothesis A, one piece of evidence B. Everyone is a unit square split into
//! columns by A and shaded by B, so P(A|B) is visibly the share of the shaded region that lies
//! in the A column; "Observe again" makes the posterior the next prior.
//!
//! State = options (prior, likelihood, false-positive rate, labels, number of observations);
//! the beliefs are recomputed from them, so the same options give the same picture.

mod code;
mod draw;
mod table;

use crate::math::bayes::BayesRule as Rule;
use crate::math::float_text::Float;
use crate::math::ClampTo;
use crate::viz::format::sig;
use crate::viz::json::Json;
use crate::viz::mathml::{mfrac, mi, mn, mo, mrow, probability};
use crate::viz::options::{OptionError, OptionKind, OptionSet, OptionSpec};
use crate::viz::widget::{
    Control, Frame, Key, Level, Message, PlotInfo, Pointer, Readout, Table, Widget,
};

/// The widget's name in every layer.
pub const NAME: &str = "bayes-rule";

/// The most times "Observe again" can be applied.
pub const MAX_OBSERVATIONS: i64 = 50;

/// The population the natural frequencies count.
pub const POPULATION: f64 = 1000.0;

/// The stories a reader can pick: name, prior, likelihood, false-positive rate, A, B.
const STORIES: &[(&str, &str, &str, &str, &str, &str)] = &[
    (
        "friends",
        "0.2",
        "0.8",
        "0.2",
        "Bob is friendly",
        "Bob befriends Ed",
    ),
    (
        "medical-test",
        "0.01",
        "0.9",
        "0.09",
        "has the disease",
        "tests positive",
    ),
];

const PROBABILITY: OptionKind = OptionKind::Float {
    min: 0.0,
    max: 1.0,
    log: false,
};

/// The option table.
pub const OPTIONS: &[OptionSpec] = &[
    OptionSpec {
        name: "story",
        kind: OptionKind::Choice(&["friends", "medical-test"]),
        default: "friends",
        doc: "a preset: sets prior, likelihood, false-positive and both labels (options after it override)",
    },
    OptionSpec {
        name: "prior",
        kind: PROBABILITY,
        default: "0.2",
        doc: "P(A), the belief in A before the evidence",
    },
    OptionSpec {
        name: "likelihood",
        kind: PROBABILITY,
        default: "0.8",
        doc: "P(B|A), how likely the evidence is if A holds",
    },
    OptionSpec {
        name: "false-positive",
        kind: PROBABILITY,
        default: "0.2",
        doc: "P(B|¬A), how likely the evidence is if A does not hold",
    },
    OptionSpec {
        name: "label-a",
        kind: OptionKind::Text { max_chars: 40 },
        default: "Bob is friendly",
        doc: "what A says",
    },
    OptionSpec {
        name: "label-b",
        kind: OptionKind::Text { max_chars: 40 },
        default: "Bob befriends Ed",
        doc: "what B says",
    },
    OptionSpec {
        name: "observations",
        kind: OptionKind::Int {
            min: 0,
            max: MAX_OBSERVATIONS,
        },
        default: "0",
        doc: "how many times B has been observed again: each posterior became the next prior",
    },
];

/// What a pointer is dragging.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Drag {
    Prior,
    Likelihood,
    FalsePositive,
}

/// The Bayes' rule widget.
#[derive(Debug, Clone)]
pub struct BayesRule {
    options: OptionSet,
    /// How many times B has been observed (the option's count on load and reset).
    observed: usize,
    /// P(A) after 0 … `observed` observations.
    history: Vec<f64>,
    drag: Option<Drag>,
    plots: Vec<PlotInfo>,
}

impl Default for BayesRule {
    fn default() -> Self {
        Self::new()
    }
}

impl BayesRule {
    /// The widget at its default options.
    pub fn new() -> Self {
        let options = OptionSet::new(OPTIONS);
        let observed = options.int("observations").max(0) as usize;
        let history = beliefs(&options, observed);
        BayesRule {
            options,
            observed,
            history,
            drag: None,
            plots: Vec::new(),
        }
    }

    /// Bayes' rule for the current belief: the prior after the observations so far.
    pub fn rule(&self) -> Rule {
        let prior = self.history.last().copied().unwrap_or(0.0);
        rule_with_prior(&self.options, prior)
    }

    /// The beliefs P(A) so far, the option's prior first.
    pub fn history(&self) -> &[f64] {
        &self.history
    }

    fn label(&self, which: &str, fallback: &'static str) -> String {
        let text = self.options.text(which);
        if text.is_empty() {
            fallback.to_string()
        } else {
            text.to_string()
        }
    }

    /// Sets options from (name, raw) pairs at once; on error nothing changes. Setting the
    /// prior or the observation count starts the observations over from the options.
    fn set_all(&mut self, pairs: &[(&str, String)]) -> Result<(), OptionError> {
        let mut options = self.options.clone();
        for (name, raw) in pairs {
            options.set(name, raw)?;
        }
        if pairs
            .iter()
            .any(|(name, _)| matches!(*name, "prior" | "observations" | "story"))
        {
            self.observed = options.int("observations").max(0) as usize;
        }
        self.history = beliefs(&options, self.observed);
        self.options = options;
        Ok(())
    }

    /// Moves one of the three probabilities to `value` (rounded to 0.001); moving the prior
    /// starts the observations over.
    fn set_probability(&mut self, drag: Drag, value: f64) -> bool {
        let v =
            crate::math::float_text::plain((value.clamp_to(0.0, 1.0) * 1000.0).round() / 1000.0);
        let pairs = match drag {
            Drag::Prior => vec![("prior", v), ("observations", "0".to_string())],
            Drag::Likelihood => vec![("likelihood", v)],
            Drag::FalsePositive => vec![("false-positive", v)],
        };
        self.set_all(&pairs).is_ok()
    }

    fn observe(&mut self) -> bool {
        if self.observed >= MAX_OBSERVATIONS as usize || self.rule().posterior().is_none() {
            return false;
        }
        self.observed += 1;
        self.history = beliefs(&self.options, self.observed);
        true
    }

    /// The natural frequencies out of [`POPULATION`]: (A, A and B, not-A and B), rounded.
    fn counts(&self) -> (f64, f64, f64) {
        let r = self.rule();
        (
            (POPULATION * r.prior()).round(),
            (POPULATION * r.joint()).round(),
            (POPULATION * r.joint_not_a()).round(),
        )
    }

    fn frequencies_text(&self) -> String {
        let (a, ab, nab) = self.counts();
        let (la, lb) = (self.label("label-a", "A"), self.label("label-b", "B"));
        let b = ab + nab;
        let share = if b > 0.0 {
            format!(
                "Of the {} for whom “{lb}”, {} are ones for whom “{la}”: {} / {} ≈ {}.",
                Float(b),
                Float(ab),
                Float(ab),
                Float(b),
                sig(ab / b, 3)
            )
        } else {
            "Nobody is left for whom B happens.".to_string()
        };
        format!(
            "Out of {} people: “{la}” for {}, of whom {} also “{lb}”; of the other {}, {} “{lb}” too. {share}",
            Float(POPULATION),
            Float(a),
            Float(ab),
            Float(POPULATION - a),
            Float(nab),
        )
    }
}

/// Bayes' rule from `options` with the prior replaced by `prior`.
fn rule_with_prior(options: &OptionSet, prior: f64) -> Rule {
    // The options are range-checked to [0, 1], so nothing is clamped in practice.
    Rule::saturating(
        prior,
        options.float("likelihood"),
        options.float("false-positive"),
    )
}

/// P(A) after each of `observed` observations, from the options' prior.
fn beliefs(options: &OptionSet, observed: usize) -> Vec<f64> {
    rule_with_prior(options, options.float("prior")).history(observed)
}

impl Widget for BayesRule {
    fn name(&self) -> &'static str {
        NAME
    }

    fn options(&self) -> &OptionSet {
        &self.options
    }

    fn set_option(&mut self, name: &str, raw: &str) -> Result<(), OptionError> {
        if name == "story" {
            let mut options = self.options.clone();
            options.set(name, raw)?;
            let story = options.choice("story");
            if let Some(s) = STORIES.iter().find(|s| s.0 == story) {
                let pairs = [
                    ("story", s.0.to_string()),
                    ("prior", s.1.to_string()),
                    ("likelihood", s.2.to_string()),
                    ("false-positive", s.3.to_string()),
                    ("label-a", s.4.to_string()),
                    ("label-b", s.5.to_string()),
                    ("observations", "0".to_string()),
                ];
                return self.set_all(&pairs);
            }
        }
        self.set_all(&[(name, raw.to_string())])
    }

    fn code(&self) -> Option<String> {
        Some(self.python())
    }

    fn share_steps(&self) -> Option<(&'static str, u64)> {
        Some(("observations", self.observed as u64))
    }

    fn step(&mut self, n: u32) {
        for _ in 0..n {
            if !self.observe() {
                break;
            }
        }
    }

    fn reset(&mut self) {
        self.observed = self.options.int("observations").max(0) as usize;
        self.history = beliefs(&self.options, self.observed);
        self.drag = None;
    }

    fn action(&mut self, action: &str) -> bool {
        match action {
            "observe" | "step" => self.observe(),
            "reset" => {
                self.reset();
                true
            }
            _ => false,
        }
    }

    fn state(&self) -> Json {
        let r = self.rule();
        let (a, ab, nab) = self.counts();
        Json::obj([
            ("widget", Json::str(NAME)),
            ("options", self.options.to_json()),
            ("prior", Json::Num(r.prior())),
            ("likelihood", Json::Num(r.likelihood())),
            ("false_positive", Json::Num(r.false_positive())),
            ("joint", Json::Num(r.joint())),
            ("evidence", Json::Num(r.evidence())),
            ("posterior", r.posterior().map_or(Json::Null, Json::Num)),
            (
                "observations",
                Json::Num((self.history.len().saturating_sub(1)) as f64),
            ),
            ("history", Json::nums(self.history.iter().copied())),
            (
                "natural_frequencies",
                Json::obj([
                    ("population", Json::Num(POPULATION)),
                    ("a", Json::Num(a)),
                    ("a_and_b", Json::Num(ab)),
                    ("not_a_and_b", Json::Num(nab)),
                    ("b", Json::Num(ab + nab)),
                ]),
            ),
            ("label_a", Json::Str(self.label("label-a", "A"))),
            ("label_b", Json::Str(self.label("label-b", "B"))),
            (
                "step",
                Json::Num((self.history.len().saturating_sub(1)) as f64),
            ),
        ])
    }

    fn controls(&self) -> Vec<Control> {
        vec![
            Control::Button {
                action: "observe",
                label: "Observe again",
                title: "Observe B once more: the posterior becomes the next prior",
            },
            Control::Button {
                action: "reset",
                label: "Reset",
                title: "Back to the first prior",
            },
            Control::Select {
                option: "story",
                label: "Story",
            },
            Control::Slider {
                option: "prior",
                label: "Prior P(A)",
                marker: None,
            },
            Control::Slider {
                option: "likelihood",
                label: "Likelihood P(B|A)",
                marker: None,
            },
            Control::Slider {
                option: "false-positive",
                label: "False positive P(B|¬A)",
                marker: None,
            },
            Control::Input {
                option: "label-a",
                label: "A",
            },
            Control::Input {
                option: "label-b",
                label: "B",
            },
        ]
    }

    fn readouts(&self) -> Vec<Readout> {
        let r = self.rule();
        let p = |x: f64| sig(x, 4);
        vec![
            Readout {
                id: "prior",
                label: "P(A)",
                value: p(r.prior()),
            },
            Readout {
                id: "evidence",
                label: "P(B)",
                value: p(r.evidence()),
            },
            Readout {
                id: "posterior",
                label: "P(A|B)",
                value: r.posterior().map_or("undefined".to_string(), p),
            },
            Readout {
                id: "observations",
                label: "observations",
                value: (self.history.len().saturating_sub(1)).to_string(),
            },
        ]
    }

    fn message(&self) -> Option<Message> {
        let r = self.rule();
        if r.posterior().is_none() {
            return Some(Message {
                level: Level::Warning,
                text: "P(B) = 0: with these numbers B never happens, so P(A|B) is undefined. Raise the likelihood P(B|A) or the false-positive rate P(B|¬A).".to_string(),
            });
        }
        Some(Message {
            level: Level::Info,
            text: self.frequencies_text(),
        })
    }

    fn describe(&self) -> String {
        let r = self.rule();
        format!(
            "Prior {}, evidence P(B) {}, posterior {} after {} observations. Left and right arrows move the prior, up and down the likelihood, Page Up and Page Down the false-positive rate, Enter observes again.",
            sig(r.prior(), 3),
            sig(r.evidence(), 3),
            r.posterior().map_or("undefined".to_string(), |p| sig(p, 3)),
            self.history.len().saturating_sub(1)
        )
    }

    fn formula(&self) -> Option<Json> {
        let r = self.rule();
        let n = |x: f64| mn(&sig(x, 3));
        let numbers = mfrac(
            mrow([n(r.likelihood()), mo("·"), n(r.prior())]),
            mrow([
                n(r.likelihood()),
                mo("·"),
                n(r.prior()),
                mo("+"),
                n(r.false_positive()),
                mo("·"),
                n(1.0 - r.prior()),
            ]),
        );
        Some(Json::Arr(vec![
            mrow([
                probability("A", Some("B")),
                mo("="),
                mfrac(
                    mrow([probability("B", Some("A")), mo("·"), probability("A", None)]),
                    probability("B", None),
                ),
            ]),
            mrow([
                mo("="),
                numbers,
                mo("="),
                r.posterior().map_or_else(|| mi("undefined"), n),
            ]),
        ]))
    }

    fn table(&self) -> Option<Table> {
        Some(self.data_table())
    }

    fn key_help(&self) -> &'static str {
        "Left and right arrows move the prior, up and down the likelihood, Page Up and Page Down the false-positive rate, Home and End the prior to its ends; Enter observes again, R resets."
    }

    fn height_for_width(&self, width_css: f64) -> f64 {
        if width_css >= 560.0 {
            (width_css * 0.5).clamp_to(280.0, 520.0)
        } else {
            (width_css * 1.75).clamp_to(420.0, 900.0)
        }
    }

    fn pointer(&mut self, event: Pointer) -> bool {
        match event {
            Pointer::Down(px) => {
                let Some(t) = self.plots.iter().find(|p| p.id == "square") else {
                    return false;
                };
                let (t, scale) = (t.transform, t.scale);
                if !t.rect.contains(px) {
                    return false;
                }
                let [x, y] = t.to_data(px);
                let prior = self.rule().prior();
                let divider_px = t.to_px([prior, 0.0])[0];
                let drag = if (px[0] - divider_px).abs() <= 10.0 * scale {
                    Drag::Prior
                } else if x < prior {
                    Drag::Likelihood
                } else {
                    Drag::FalsePositive
                };
                self.drag = Some(drag);
                match drag {
                    Drag::Prior => self.set_probability(Drag::Prior, x),
                    other => self.set_probability(other, y),
                }
            }
            Pointer::Move(px) => {
                let (Some(drag), Some(t)) = (
                    self.drag,
                    self.plots
                        .iter()
                        .find(|p| p.id == "square")
                        .map(|p| p.transform),
                ) else {
                    return false;
                };
                let [x, y] = t.to_data(px);
                match drag {
                    Drag::Prior => self.set_probability(Drag::Prior, x),
                    other => self.set_probability(other, y),
                }
            }
            Pointer::Up(_) | Pointer::Cancel => self.drag.take().is_some(),
        }
    }

    fn key(&mut self, key: Key<'_>) -> bool {
        let d = if key.shift { 0.1 } else { 0.01 };
        let r = self.rule();
        match key.key {
            "ArrowLeft" => self.set_probability(Drag::Prior, r.prior() - d),
            "ArrowRight" => self.set_probability(Drag::Prior, r.prior() + d),
            "ArrowUp" => self.set_probability(Drag::Likelihood, r.likelihood() + d),
            "ArrowDown" => self.set_probability(Drag::Likelihood, r.likelihood() - d),
            "PageUp" => self.set_probability(Drag::FalsePositive, r.false_positive() + d),
            "PageDown" => self.set_probability(Drag::FalsePositive, r.false_positive() - d),
            "Enter" | " " | "o" => self.action("observe"),
            "Home" => self.set_probability(Drag::Prior, 0.0),
            "End" => self.set_probability(Drag::Prior, 1.0),
            "r" => self.action("reset"),
            _ => false,
        }
    }

    fn set_playing(&mut self, _playing: bool) {}

    fn playing(&self) -> bool {
        false
    }

    fn tick(&mut self, _now_ms: f64) -> bool {
        false
    }

    fn plots(&self) -> Vec<PlotInfo> {
        self.plots.clone()
    }

    fn draw(
        &mut self,
        root: &plotters::drawing::DrawingArea<
            crate::viz::display::Recorder,
            plotters::coord::Shift,
        >,
        frame: &Frame,
        _fields: &mut crate::viz::display::FieldRecorder,
    ) -> Result<(), String> {
        self.draw_all(root, frame)
    }
}

#[cfg(test)]
mod tests;
