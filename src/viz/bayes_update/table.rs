//! The bayes-update widget's numbers as a table: the prior, the posterior before the last
//! observation (when it is drawn) and the posterior, each with its mean and 95 % interval; the
//! data so far in the caption.

use super::{model, BayesUpdate, Belief};
use crate::math::distributions::Beta;
use crate::viz::format::sig;
use crate::viz::widget::Table;

/// A belief as table cells: distribution, mean, interval low, interval high.
fn cells(belief: Belief) -> [String; 4] {
    let s = |v: f64| sig(v, 4);
    match belief {
        Belief::Beta(a, b) => {
            let q = |p: f64| {
                Beta::new(a, b)
                    .ok()
                    .and_then(|d| d.quantile(p).ok())
                    .unwrap_or(f64::NAN)
            };
            [
                format!("Beta({}, {})", s(a), s(b)),
                s(a / (a + b)),
                s(q(0.025)),
                s(q(0.975)),
            ]
        }
        Belief::Normal(m, sd) => {
            let [lo, hi] = model::normal_interval(m, sd);
            [format!("N({}, {}²)", s(m), s(sd)), s(m), s(lo), s(hi)]
        }
    }
}

impl BayesUpdate {
    /// The beliefs drawn, with their summaries, for readers who cannot see the picture.
    pub(super) fn data_table(&self) -> Table {
        let mut rows = Vec::new();
        let mut push = |name: &str, belief: Belief| {
            let mut row = vec![name.to_string()];
            row.extend(cells(belief));
            rows.push(row);
        };
        push("prior", self.prior());
        if let Some(previous) = self.previous {
            push("posterior before the last observation", previous);
        }
        push("posterior", self.belief());
        let data = if self.normal_model() {
            let n = self.data.len();
            if n == 0 {
                "no observations yet".to_string()
            } else {
                format!(
                    "{n} observations with mean {} (σ = {} known)",
                    sig(self.data.iter().sum::<f64>() / n as f64, 4),
                    sig(self.options.float("sigma"), 4)
                )
            }
        } else {
            format!(
                "{} successes and {} failures",
                self.options.int("successes"),
                self.options.int("failures")
            )
        };
        Table {
            caption: format!(
                "Belief about the {} after {data}: each belief's mean and 95 % equal-tailed interval",
                if self.normal_model() {
                    "mean μ"
                } else {
                    "rate θ"
                }
            ),
            headers: vec!["belief", "distribution", "mean", "95 % from", "95 % to"],
            rows,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::viz::bayes_update::BayesUpdate;
    use crate::viz::widget::Widget;

    #[test]
    fn lists_prior_previous_and_posterior_with_scipy_intervals() {
        let mut w = BayesUpdate::new();
        w.set_option("successes", "6").unwrap();
        w.set_option("failures", "4").unwrap();
        assert!(w.action("success"));
        let t = w.table().unwrap();
        assert_eq!(t.rows.len(), 3);
        assert_eq!(t.rows[0][1], "Beta(2, 2)");
        assert_eq!(t.rows[1][1], "Beta(8, 6)");
        assert_eq!(t.rows[2][1], "Beta(9, 6)");
        // scipy.stats.beta(9, 6).ppf([0.025, 0.975]) → [0.35138011, 0.82338891]; mean 9/15.
        assert_eq!(
            t.rows[2][2..5],
            ["0.6", "0.3514", "0.8234"].map(String::from)
        );
        assert!(
            t.caption.contains("7 successes and 4 failures"),
            "{}",
            t.caption
        );
        assert!(t.rows.iter().all(|r| r.len() == t.headers.len()));
    }

    #[test]
    fn the_normal_model_lists_normal_beliefs() {
        let mut w = BayesUpdate::new();
        w.set_option("model", "normal-normal").unwrap();
        w.set_option("data", "1, 2, 3").unwrap();
        let t = w.table().unwrap();
        assert_eq!(t.rows.len(), 2);
        assert!(t.rows[0][1].starts_with("N("), "{:?}", t.rows[0]);
        assert!(
            t.caption.contains("3 observations with mean 2"),
            "{}",
            t.caption
        );
    }
}
