//! Two-column tables pasted by a reader: CSV (commas), semicolons, tabs or spaces between the
//! columns, an optional header line, `#` comment lines. Bad rows are reported by line and
//! column with the reason; good rows are kept. Never panics, whatever the text.

use super::decimal::parse_f64;
use super::error::MAX_COORDINATE;

/// The most rows kept; later rows are counted, not parsed.
pub const MAX_ROWS: usize = 1_000;

/// Why one row was not used.
#[derive(Debug, Clone, PartialEq)]
pub struct RowError {
    /// The line, counted from 1.
    pub line: usize,
    /// The column, counted from 1 (None when the row as a whole is wrong).
    pub column: Option<usize>,
    /// The reason, in words.
    pub reason: String,
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.column {
            Some(c) => write!(f, "line {}, column {c}: {}", self.line, self.reason),
            None => write!(f, "line {}: {}", self.line, self.reason),
        }
    }
}

/// A parsed table.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// The good rows as [x, y].
    pub points: Vec<[f64; 2]>,
    /// The header's two names, if the first line was a header.
    pub header: Option<[String; 2]>,
    /// The rows not used, in order.
    pub errors: Vec<RowError>,
    /// Rows beyond [`MAX_ROWS`] good ones, not used.
    pub dropped: usize,
}

/// `field` as a number, or why not.
fn number(field: &str) -> Result<f64, String> {
    let shown: String = field.chars().take(24).collect();
    match parse_f64(field) {
        Some(v) if !v.is_finite() => Err(format!("\"{shown}\" is not a finite number")),
        Some(v) if v.abs() > MAX_COORDINATE => Err(format!("{shown} is beyond ±1e9")),
        Some(v) => Ok(v),
        None if field.is_empty() => Err("the value is empty".to_string()),
        None => Err(format!("\"{shown}\" is not a number")),
    }
}

/// Splits a line into fields by its delimiter: comma, else semicolon, else tab, else spaces.
fn fields(line: &str) -> Vec<String> {
    let unquote = |f: &str| f.trim().trim_matches('"').trim().to_string();
    if line.contains(',') {
        line.split(',').map(unquote).collect()
    } else if line.contains(';') {
        line.split(';').map(unquote).collect()
    } else if line.contains('\t') {
        line.split('\t').map(unquote).collect()
    } else {
        line.split_whitespace().map(unquote).collect()
    }
}

/// Parses `text` into a two-column table.
pub fn parse_table(text: &str) -> Table {
    let mut table = Table::default();
    let mut first = true;
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let cells = fields(line);
        let is_first = std::mem::replace(&mut first, false);
        let [x_text, y_text] = cells.as_slice() else {
            table.errors.push(RowError {
                line: i + 1,
                column: None,
                reason: format!("expected 2 columns, found {}", cells.len()),
            });
            continue;
        };
        let parsed = [number(x_text), number(y_text)];
        if is_first && parsed.iter().all(Result::is_err) {
            let name = |s: &String| s.chars().take(40).collect::<String>();
            table.header = Some([name(x_text), name(y_text)]);
            continue;
        }
        match parsed {
            [Ok(x), Ok(y)] => {
                if table.points.len() < MAX_ROWS {
                    table.points.push([x, y]);
                } else {
                    table.dropped += 1;
                }
            }
            [a, b] => {
                for (column, r) in [(1, a), (2, b)] {
                    if let Err(reason) = r {
                        table.errors.push(RowError {
                            line: i + 1,
                            column: Some(column),
                            reason,
                        });
                    }
                }
            }
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_with_header_and_bad_rows() {
        let t = parse_table("x,y\n1,2\n\n2, 3.5\nthree,4\n5\n6,1e400\n# note\n7;8\n");
        assert_eq!(t.header, Some(["x".to_string(), "y".to_string()]));
        assert_eq!(t.points, vec![[1.0, 2.0], [2.0, 3.5], [7.0, 8.0]]);
        let shown: Vec<String> = t.errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(
            shown,
            vec![
                "line 5, column 1: \"three\" is not a number",
                "line 6: expected 2 columns, found 1",
                "line 7, column 2: \"1e400\" is not a finite number",
            ]
        );
    }

    #[test]
    fn whitespace_tabs_and_quotes() {
        let t = parse_table("  1   2\r\n3\t4\r\n\"5\",\"6\"\n1e10 2");
        assert_eq!(t.points, vec![[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]);
        assert_eq!(
            t.errors[0].to_string(),
            "line 4, column 1: 1e10 is beyond ±1e9"
        );
        assert_eq!(t.header, None);
    }

    #[test]
    fn rows_beyond_the_limit_are_counted() {
        let text: String = (0..MAX_ROWS + 5).map(|i| format!("{i},{i}\n")).collect();
        let t = parse_table(&text);
        assert_eq!((t.points.len(), t.dropped), (MAX_ROWS, 5));
    }
}
