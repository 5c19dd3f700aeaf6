//! The linear-system widget's numbers as a table: the augmented matrix [A | b] before
//! elimination and after every row operation, the one on screen marked, the solution in the
//! caption.

use super::LinearSystem;
use crate::viz::widget::Table;

impl LinearSystem {
    /// Every stage of the elimination, one row each, for readers who cannot see the picture.
    pub(super) fn data_table(&self) -> Table {
        let e = &self.system.elimination;
        let n = self.system.n();
        let headers = if n == 3 {
            vec!["step", "row operation", "row 1 [A | b]", "row 2", "row 3"]
        } else {
            vec!["step", "row operation", "row 1 [A | b]", "row 2"]
        };
        let rows = e
            .stage_text
            .iter()
            .enumerate()
            .map(|(k, stage)| {
                let step = if k == self.shown {
                    format!("{k} (shown)")
                } else {
                    k.to_string()
                };
                let op = match k.checked_sub(1).and_then(|i| e.steps.get(i)) {
                    Some(s) => s.text.clone(),
                    None => "the original system".to_string(),
                };
                let mut row = vec![step, op];
                row.extend((0..n).map(|i| match stage.get(i) {
                    Some(r) => {
                        let (a, b) = r.split_at(r.len().saturating_sub(1));
                        format!("[{} | {}]", a.join(", "), b.join(""))
                    }
                    None => String::new(),
                }));
                row
            })
            .collect();
        Table {
            caption: format!(
                "Gaussian elimination of [A | b], step {} of {} shown; solution: {}",
                self.shown,
                self.step_count(),
                self.solution_words()
            ),
            headers,
            rows,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::viz::linear_system::LinearSystem;
    use crate::viz::widget::Widget;

    #[test]
    fn lists_every_stage_of_the_elimination_and_marks_the_shown_one() {
        let mut w = LinearSystem::new();
        w.step(1);
        let t = w.table().unwrap();
        assert_eq!(t.headers.len(), 4);
        assert_eq!(t.rows.len(), w.system().elimination.steps.len() + 1);
        assert_eq!(t.rows[0][1], "the original system");
        assert_eq!(t.rows[0][2], "[2, 1 | 9]");
        assert_eq!(t.rows[0][3], "[4, 3 | 27]");
        assert_eq!(t.rows[1][0], "1 (shown)");
        assert_eq!(t.rows[1][1], "R2 ← R2 − 2·R1: eliminates x from R2");
        assert_eq!(t.rows[1][3], "[0, 1 | 9]");
        assert!(t.caption.contains("x = 0, y = 9"), "{}", t.caption);
        assert!(t.rows.iter().all(|r| r.len() == t.headers.len()));
    }

    #[test]
    fn three_unknowns_have_three_row_columns() {
        let mut w = LinearSystem::new();
        w.set_option("a", "1,0,0;0,2,0;0,0,4").unwrap();
        w.set_option("b", "1,2,4").unwrap();
        let t = w.table().unwrap();
        assert_eq!(t.headers.len(), 5);
        assert_eq!(t.rows[0][4], "[0, 0, 4 | 4]");
    }
}
