//! The logistic-regression widget's numbers as a table: each data point with its class, the
//! model's P(class 1 | x) and whether the line classifies it correctly; the weights in the
//! caption.

use super::LogisticRegression;
use crate::math::logistic::{score, sigmoid};
use crate::viz::format::sig;
use crate::viz::widget::Table;

/// The most points listed.
pub const MAX_TABLE_POINTS: usize = 60;

impl LogisticRegression {
    /// The points with the model's probabilities, for readers who cannot see the picture.
    pub(super) fn data_table(&self) -> Table {
        let theta = self.theta();
        let points = &self.model.points;
        let rows = points
            .iter()
            .take(MAX_TABLE_POINTS)
            .map(|p| {
                let prob = sigmoid(score(&theta, p.x));
                let predicted = u8::from(prob >= 0.5);
                vec![
                    sig(p.x[0], 4),
                    sig(p.x[1], 4),
                    p.class.to_string(),
                    sig(prob, 3),
                    if predicted == p.class { "yes" } else { "no" }.to_string(),
                ]
            })
            .collect();
        let listed = if points.len() > MAX_TABLE_POINTS {
            format!("the first {MAX_TABLE_POINTS} of {} points", points.len())
        } else {
            format!("all {} points", points.len())
        };
        Table {
            caption: format!(
                "Step {}: w = ({}, {}), b = {}, log-loss {}; {listed}",
                self.model.trainer.steps(),
                sig(theta[0], 4),
                sig(theta[1], 4),
                sig(theta[2], 4),
                sig(self.model.trainer.current().loss, 4)
            ),
            headers: vec![
                "x₁",
                "x₂",
                "class",
                "P(class 1 | x)",
                "classified correctly",
            ],
            rows,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::MAX_TABLE_POINTS;
    use crate::viz::logistic_regression::LogisticRegression;
    use crate::viz::widget::Widget;

    #[test]
    fn lists_points_with_the_model_probability() {
        let mut w = LogisticRegression::new();
        w.set_option("points", "0,0,0;1,0,0;3,3,1;4,3,1").unwrap();
        let t = w.table().unwrap();
        assert_eq!(t.rows.len(), 4);
        // w = 0, b = 0 at step 0: every probability is σ(0) = 0.5.
        assert!(t.rows.iter().all(|r| r[3] == "0.5"), "{:?}", t.rows);
        assert_eq!(t.rows[2][..3], ["3", "3", "1"].map(String::from));
        w.step(200);
        let t = w.table().unwrap();
        assert!(t.caption.starts_with("Step 200"), "{}", t.caption);
        assert!(t.rows.iter().all(|r| r[4] == "yes"), "{:?}", t.rows);
        assert!(t.rows.iter().all(|r| r.len() == t.headers.len()));
    }

    #[test]
    fn many_points_are_capped_and_the_caption_says_so() {
        let mut w = LogisticRegression::new();
        w.set_option("n", "100").unwrap();
        let t = w.table().unwrap();
        assert_eq!(t.rows.len(), MAX_TABLE_POINTS);
        assert!(t.caption.contains("the first 60 of"), "{}", t.caption);
    }
}
