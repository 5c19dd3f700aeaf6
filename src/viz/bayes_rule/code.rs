//! The Bayes'-rule widget's program: the same three probabilities and number of repeated
//! observations in plain Python, ending with the beliefs the widget shows.

use super::{BayesRule, POPULATION};
use crate::viz::code::{py_float, py_str};

impl BayesRule {
    /// The program for the current state.
    pub(super) fn python(&self) -> String {
        let first_prior = self.history.first().copied().unwrap_or(0.0);
        let r = self.rule();
        format!(
            r#"# Bayes' rule for one hypothesis A and one piece of evidence B, as the Mathsight widget computes it.
import json
import math

label_a = {label_a}  # A, the hypothesis
label_b = {label_b}  # B, the evidence
prior = {prior}  # P(A) before any evidence: the width of the A column in the square
likelihood = {likelihood}  # P(B|A): the shaded height of the A column
false_positive = {false_positive}  # P(B|not A): the shaded height of the other column
observations = {observations}  # "Observe again" presses: each posterior became the next prior


def posterior(prior):
    """P(A|B) = P(B|A) P(A) / P(B), or None when P(B) = 0 and B never happens."""
    evidence = likelihood * prior + false_positive * (1 - prior)
    return likelihood * prior / evidence if evidence > 0 else None


history = [prior]  # the beliefs drawn along the bottom, one per observation
for _ in range(observations):
    if posterior(history[-1]) is None:
        break
    history.append(posterior(history[-1]))

prior = history[-1]  # the belief now, before the next observation
joint = likelihood * prior  # P(A and B): the shaded part of the A column
joint_not_a = false_positive * (1 - prior)  # P(not A and B): the shaded part of the other column
evidence = joint + joint_not_a  # P(B): all the shaded area
p = posterior(prior)  # P(A|B): the A column's share of the shaded area


def count(probability):
    """Out of {population:.0} people, rounded half up as the widget rounds."""
    return math.floor({population_py} * probability + 0.5)


people = {{"population": {population:?}, "a": count(prior), "a_and_b": count(joint),
          "not_a_and_b": count(joint_not_a)}}
people["b"] = people["a_and_b"] + people["not_a_and_b"]

print(f"P(A) = {{prior:.4g}}, P(B) = {{evidence:.4g}}, P(A|B) = {{p if p is None else round(p, 4)}}")
print(f"{{people['a_and_b']}} of the {{people['b']}} for whom {{label_b!r}} also {{label_a!r}}")
# The widget's state, for comparison.
print(json.dumps({{
    "prior": prior, "likelihood": likelihood, "false_positive": false_positive, "joint": joint,
    "evidence": evidence, "posterior": p, "observations": len(history) - 1, "history": history,
    "natural_frequencies": people, "label_a": label_a, "label_b": label_b,
}}))
"#,
            label_a = py_str(&self.label("label-a", "A")),
            label_b = py_str(&self.label("label-b", "B")),
            prior = py_float(first_prior),
            likelihood = py_float(r.likelihood()),
            false_positive = py_float(r.false_positive()),
            observations = self.history.len().saturating_sub(1),
            population_py = py_float(POPULATION),
            population = crate::math::float_text::Float(POPULATION),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::viz::widget::Widget;

    #[test]
    fn inlines_the_options_and_the_observations() {
        let mut w = BayesRule::new();
        w.set_option("story", "medical-test").unwrap();
        w.step(3);
        let code = w.python();
        assert!(code.contains("prior = 0.01  #"), "{code}");
        assert!(code.contains("false_positive = 0.09  #"), "{code}");
        assert!(code.contains("observations = 3  #"), "{code}");
        assert!(code.contains(r#"label_b = "tests positive""#), "{code}");
    }

    #[test]
    fn a_label_cannot_break_out_of_its_string() {
        let mut w = BayesRule::new();
        w.set_option("label-a", r#"x" + __import__("os").name + ""#)
            .unwrap();
        let code = w.python();
        assert!(
            code.contains(r#"label_a = "x\" + __import__(\"os\").name + \"""#),
            "{code}"
        );
    }
}
