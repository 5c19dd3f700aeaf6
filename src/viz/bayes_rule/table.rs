//! The bayes-rule widget's numbers as a table: for the first belief and after each observation,
//! the prior P(A), the likelihoods P(B|A) and P(B|¬A), the evidence P(B) and the posterior
//! P(A|B) — the belief history the picture draws as a bar.

use super::{rule_with_prior, BayesRule};
use crate::viz::format::sig;
use crate::viz::widget::Table;

impl BayesRule {
    /// Bayes' rule at every observation so far, for readers who cannot see the picture.
    pub(super) fn data_table(&self) -> Table {
        let s = |v: f64| sig(v, 4);
        let rows = self
            .history
            .iter()
            .enumerate()
            .map(|(k, &prior)| {
                let r = rule_with_prior(&self.options, prior);
                let observation = if k + 1 == self.history.len() {
                    format!("{k} (now)")
                } else {
                    k.to_string()
                };
                vec![
                    observation,
                    s(r.prior()),
                    s(r.likelihood()),
                    s(r.false_positive()),
                    s(r.evidence()),
                    r.posterior().map_or("undefined (P(B) = 0)".to_string(), s),
                ]
            })
            .collect();
        Table {
            caption: format!(
                "A: “{}”; B: “{}”. Each observation of B makes the posterior the next prior",
                self.label("label-a", "A"),
                self.label("label-b", "B")
            ),
            headers: vec![
                "observations so far",
                "prior P(A)",
                "P(B | A)",
                "P(B | ¬A)",
                "evidence P(B)",
                "posterior P(A | B)",
            ],
            rows,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::viz::bayes_rule::BayesRule;
    use crate::viz::widget::Widget;

    #[test]
    fn one_row_per_observation_with_evidence_and_posterior() {
        let mut w = BayesRule::new();
        assert!(w.action("observe"));
        let t = w.table().unwrap();
        assert_eq!(t.rows.len(), 2);
        // P(B) = 0.8·0.2 + 0.2·0.8 = 0.32; P(A|B) = 0.16 / 0.32 = 0.5.
        assert_eq!(
            t.rows[0][1..6],
            ["0.2", "0.8", "0.2", "0.32", "0.5"].map(String::from)
        );
        // The posterior is the next prior: P(B) = 0.8·0.5 + 0.2·0.5 = 0.5, P(A|B) = 0.8.
        assert_eq!(t.rows[1][0], "1 (now)");
        assert_eq!(
            t.rows[1][1..6],
            ["0.5", "0.8", "0.2", "0.5", "0.8"].map(String::from)
        );
        assert!(t.caption.contains("Bob is friendly"), "{}", t.caption);
        assert!(t.rows.iter().all(|r| r.len() == t.headers.len()));
    }
}
