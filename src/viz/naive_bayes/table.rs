//! The naive-bayes widget's numbers as a table: the probe and the data points with their
//! class and P(A | x, y) under the classifier shown; each class's fitted means in the caption.

use super::NaiveBayes;
use crate::math::naive_bayes::Covariance;
use crate::viz::format::sig;
use crate::viz::widget::Table;

/// The most data points listed (the probe comes first, then the points in order).
pub const MAX_TABLE_POINTS: usize = 60;

impl NaiveBayes {
    /// The probe and the points with their probabilities, for readers who cannot see the picture.
    pub(super) fn data_table(&self) -> Table {
        let fit = &self.model.fit;
        let kind = self.kind();
        let s = |v: f64| sig(v, 4);
        let verdict = |p: f64| if p >= 0.5 { "A" } else { "B" };
        let probe = fit.probability_a(self.probe, kind);
        let mut rows = vec![vec![
            "probe".to_string(),
            "—".to_string(),
            s(self.probe[0]),
            s(self.probe[1]),
            sig(probe, 3),
            verdict(probe).to_string(),
        ]];
        let points = self
            .model
            .a
            .iter()
            .map(|p| ("A", p))
            .chain(self.model.b.iter().map(|p| ("B", p)));
        let total = self.model.a.len() + self.model.b.len();
        for (i, (class, p)) in points.take(MAX_TABLE_POINTS).enumerate() {
            let pa = fit.probability_a(*p, kind);
            rows.push(vec![
                (i + 1).to_string(),
                class.to_string(),
                s(p[0]),
                s(p[1]),
                sig(pa, 3),
                verdict(pa).to_string(),
            ]);
        }
        let listed = if total > MAX_TABLE_POINTS {
            format!("the first {MAX_TABLE_POINTS} of {total} points")
        } else {
            format!("all {total} points")
        };
        Table {
            caption: format!(
                "{}: class A's mean ({}, {}), class B's mean ({}, {}); the probe and {listed}",
                if kind == Covariance::Full {
                    "Full-covariance Gaussian classifier"
                } else {
                    "Naive Bayes"
                },
                s(fit.a.mean[0]),
                s(fit.a.mean[1]),
                s(fit.b.mean[0]),
                s(fit.b.mean[1]),
            ),
            headers: vec!["point", "class", "x", "y", "P(A | x, y)", "classified as"],
            rows,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::MAX_TABLE_POINTS;
    use crate::viz::naive_bayes::NaiveBayes;
    use crate::viz::widget::Widget;

    #[test]
    fn lists_the_probe_then_the_points_with_their_probability() {
        let mut w = NaiveBayes::new();
        w.set_option("points-a", "0,0;2,0;0,2;2,2").unwrap();
        w.set_option("points-b", "6,6;8,6;6,8;8,8").unwrap();
        let t = w.table().unwrap();
        assert_eq!(t.rows.len(), 1 + 8);
        assert_eq!(t.rows[0][0], "probe");
        assert_eq!(t.rows[1][1..4], ["A", "0", "0"].map(String::from));
        assert_eq!(t.rows[1][5], "A");
        assert_eq!(t.rows[8][1..4], ["B", "8", "8"].map(String::from));
        assert_eq!(t.rows[8][5], "B");
        assert!(t.caption.contains("class A's mean (1, 1)"), "{}", t.caption);
        assert!(t.caption.contains("all 8 points"), "{}", t.caption);
        assert!(t.rows.iter().all(|r| r.len() == t.headers.len()));
    }

    #[test]
    fn many_points_are_capped_and_the_caption_says_so() {
        let mut w = NaiveBayes::new();
        w.set_option("n", "100").unwrap();
        let t = w.table().unwrap();
        assert_eq!(t.rows.len(), 1 + MAX_TABLE_POINTS);
        assert!(
            t.caption.contains("the first 60 of 200 points"),
            "{}",
            t.caption
        );
    }
}
