//! The distribution widget's numbers as a table: the PMF (each whole number in the plotted
//! range, every k-th when there are many) or the PDF at evenly spaced points, with the CDF and
//! whether the point lies in [a, b]; P(a ≤ X ≤ b) in the caption.

use super::{model, DistributionWidget};
use crate::viz::format::sig;
use crate::viz::widget::Table;

/// The most rows listed.
pub const MAX_TABLE_ROWS: usize = 41;

/// Points of a continuous family listed across the plotted range.
pub const CONTINUOUS_POINTS: usize = 21;

impl DistributionWidget {
    /// The plotted curve's numbers, for readers who cannot see the picture.
    pub(super) fn data_table(&self) -> Table {
        let d = &self.dist;
        let (a, b) = self.ends();
        let discrete = d.is_discrete();
        let (xs, sampled): (Vec<f64>, String) = if discrete {
            let (lo, hi) = (self.view.lo.ceil(), self.view.hi.floor());
            let count = ((hi - lo).max(0.0) as usize).saturating_add(1);
            let stride = count.div_ceil(MAX_TABLE_ROWS).max(1);
            let xs = (0..count)
                .step_by(stride)
                .map(|k| lo + k as f64)
                .collect::<Vec<_>>();
            let how = if stride == 1 {
                format!("each whole number from {} to {}", sig(lo, 6), sig(hi, 6))
            } else {
                format!(
                    "every {stride}th whole number from {} to {}",
                    sig(lo, 6),
                    sig(hi, 6)
                )
            };
            (xs, how)
        } else {
            let n = CONTINUOUS_POINTS;
            let xs = (0..n)
                .map(|k| self.view.lo + self.view.width() * k as f64 / (n - 1) as f64)
                .collect();
            (xs, format!("{n} evenly spaced points of the plotted range"))
        };
        let rows = xs
            .iter()
            .map(|&x| {
                let inside = if x >= a && x <= b { "yes" } else { "no" };
                vec![
                    sig(x, 4),
                    sig(d.density(x), 4),
                    sig(d.cdf(x), 4),
                    inside.to_string(),
                ]
            })
            .collect();
        Table {
            caption: format!(
                "{}: {} = {}; {} at {sampled}",
                model::family_formula(&self.options),
                self.interval_text(),
                sig(self.probability(), 4),
                if discrete {
                    "the probability mass"
                } else {
                    "the density"
                },
            ),
            headers: if discrete {
                vec!["x", "P(X = x)", "P(X ≤ x)", "in [a, b]"]
            } else {
                vec!["x", "density f(x)", "P(X ≤ x)", "in [a, b]"]
            },
            rows,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{CONTINUOUS_POINTS, MAX_TABLE_ROWS};
    use crate::viz::distribution::DistributionWidget;
    use crate::viz::widget::Widget;

    #[test]
    fn the_normal_density_at_evenly_spaced_points_with_the_interval_probability() {
        let w = DistributionWidget::new();
        let t = w.table().unwrap();
        assert_eq!(t.rows.len(), CONTINUOUS_POINTS);
        assert_eq!(t.headers[1], "density f(x)");
        // scipy.stats.norm.cdf(1) - scipy.stats.norm.cdf(-1) → 0.6826894921370859
        assert!(
            t.caption.contains("P(-1 ≤ X ≤ 1) = 0.6827"),
            "{}",
            t.caption
        );
        // The middle point of a symmetric range is 0: scipy.stats.norm.pdf(0) → 0.3989422804014327
        let mid = &t.rows[CONTINUOUS_POINTS / 2];
        assert_eq!(mid[1], "0.3989", "{mid:?}");
        assert_eq!(mid[2], "0.5");
        assert_eq!(mid[3], "yes");
        assert_eq!(t.rows[0][3], "no");
    }

    #[test]
    fn a_binomial_lists_its_mass_at_whole_numbers_capped() {
        let mut w = DistributionWidget::new();
        w.set_option("family", "binomial").unwrap();
        let t = w.table().unwrap();
        assert_eq!(t.headers[1], "P(X = x)");
        // scipy.stats.binom(10, 0.3).pmf(3) → 0.26682793200000005
        let three = t.rows.iter().find(|r| r[0] == "3").unwrap();
        assert_eq!(three[1], "0.2668");
        w.set_option("n", "1000").unwrap();
        let t = w.table().unwrap();
        assert!(t.rows.len() <= MAX_TABLE_ROWS, "{} rows", t.rows.len());
        assert!(t.caption.contains("every"), "{}", t.caption);
    }
}
