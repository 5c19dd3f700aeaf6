//! The optimizers widget's numbers as a table: each racer's position, value, steps, distance
//! to the nearest minimum and status, as the paths and the value curves draw them.

use super::Optimizers;
use crate::viz::format::sig;
use crate::viz::widget::Table;

impl Optimizers {
    /// Where each optimizer stands, for readers who cannot see the picture.
    pub(super) fn data_table(&self) -> Table {
        let s = |v: f64| sig(v, 4);
        let rows = self
            .runs()
            .map(|(racer, run)| {
                let p = run.current();
                vec![
                    racer.label.to_string(),
                    s(p.theta[0]),
                    s(p.theta[1]),
                    s(p.value),
                    run.steps().to_string(),
                    s(run.distance_to_minimum()),
                    run.status().as_str().to_string(),
                ]
            })
            .collect();
        let [x, y] = self.start();
        Table {
            caption: format!(
                "The race on the {} surface from ({}, {}) at step {}: where each optimizer is",
                self.race.surface.id(),
                s(x),
                s(y),
                self.race.steps
            ),
            headers: vec![
                "optimizer",
                "x",
                "y",
                "value f(x, y)",
                "steps taken",
                "distance to a minimum",
                "status",
            ],
            rows,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::viz::optimizers::Optimizers;
    use crate::viz::widget::Widget;

    #[test]
    fn one_row_per_racer_at_its_current_position() {
        let mut w = Optimizers::new();
        let racing = w.runs().count();
        let t = w.table().unwrap();
        assert_eq!(t.rows.len(), racing);
        let [x, y] = w.start();
        // Before any step every racer is at the start.
        for row in &t.rows {
            assert_eq!(row[1], crate::viz::format::sig(x, 4));
            assert_eq!(row[2], crate::viz::format::sig(y, 4));
            assert_eq!(row[4], "0");
        }
        w.step(5);
        let t = w.table().unwrap();
        assert!(t.caption.contains("at step 5"), "{}", t.caption);
        let (_, first) = w.runs().next().unwrap();
        assert_eq!(
            t.rows[0][3],
            crate::viz::format::sig(first.current().value, 4)
        );
        assert!(t.rows.iter().all(|r| r.len() == t.headers.len()));
    }
}
