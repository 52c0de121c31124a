//! Rendering query results: aligned text tables, CSV with proper quoting, JSON.

use std::io::{IsTerminal, Write};

/// Output format of the query and check commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned, readable columns (default on a terminal).
    Table,
    /// JSON (default when piped).
    Json,
    /// Comma-separated values with a header row.
    Csv,
}

impl Format {
    /// The format asked for, else table on a terminal and JSON otherwise.
    pub fn resolve(asked: Option<Format>) -> Format {
        asked.unwrap_or(if std::io::stdout().is_terminal() { Format::Table } else { Format::Json })
    }
}

pub use claimtrail_core::clip;

/// Alignment of a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Text.
    Left,
    /// Numbers.
    Right,
}

/// A text table: a header, rows of cells, each column aligned and clipped to its width.
#[derive(Debug, Clone)]
pub struct Table {
    columns: Vec<(String, usize, Align)>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with columns `(title, max width, alignment)`.
    pub fn new(columns: &[(&str, usize, Align)]) -> Table {
        Table { columns: columns.iter().map(|&(t, w, a)| (t.to_string(), w, a)).collect(), rows: Vec::new() }
    }

    /// Adds a row; missing cells are blank, extra ones dropped.
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// Whether the table has no rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Renders the table, two spaces between columns, a rule under the header.
    pub fn render(&self) -> String {
        let cells: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|r| {
                self.columns
                    .iter()
                    .enumerate()
                    .map(|(i, (_, max, _))| clip(r.get(i).map_or("", String::as_str), *max))
                    .collect()
            })
            .collect();
        let widths: Vec<usize> = self
            .columns
            .iter()
            .enumerate()
            .map(|(i, (title, _, _))| {
                cells.iter().map(|r| r[i].chars().count()).chain([title.chars().count()]).max().unwrap_or(0)
            })
            .collect();
        let mut out = String::new();
        let line = |out: &mut String, row: &[String]| {
            let mut l = String::new();
            for (i, cell) in row.iter().enumerate() {
                let pad = widths[i].saturating_sub(cell.chars().count());
                if i > 0 {
                    l.push_str("  ");
                }
                if self.columns[i].2 == Align::Right {
                    l.extend(std::iter::repeat_n(' ', pad));
                    l.push_str(cell);
                } else {
                    l.push_str(cell);
                    if i + 1 < row.len() {
                        l.extend(std::iter::repeat_n(' ', pad));
                    }
                }
            }
            out.push_str(l.trim_end());
            out.push('\n');
        };
        let header: Vec<String> = self.columns.iter().map(|(t, _, _)| t.clone()).collect();
        line(&mut out, &header);
        let rule: Vec<String> = widths.iter().map(|&w| "─".repeat(w)).collect();
        line(&mut out, &rule);
        for r in &cells {
            line(&mut out, r);
        }
        out
    }
}

/// One CSV field, quoted when it holds a comma, quote, line break or edge space.
pub fn csv_field(s: &str) -> String {
    let needs = s.contains([',', '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ');
    if needs {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A tiny CSV writer: a header row, then records, CRLF-free (`\n`) lines.
pub struct Csv<W: Write> {
    out: W,
    width: usize,
}

impl<W: Write> Csv<W> {
    /// Starts a CSV stream with its header row.
    pub fn new(mut out: W, header: &[&str]) -> std::io::Result<Csv<W>> {
        let fields: Vec<String> = header.iter().map(|h| csv_field(h)).collect();
        writeln!(out, "{}", fields.join(","))?;
        Ok(Csv { out, width: header.len() })
    }

    /// Writes one record, padded or cut to the header's width.
    pub fn record<S: AsRef<str>>(&mut self, fields: &[S]) -> std::io::Result<()> {
        let mut line = String::new();
        for i in 0..self.width {
            if i > 0 {
                line.push(',');
            }
            line.push_str(&csv_field(fields.get(i).map_or("", AsRef::as_ref)));
        }
        line.push('\n');
        self.out.write_all(line.as_bytes())
    }

    /// Flushes and returns the writer.
    pub fn finish(mut self) -> std::io::Result<W> {
        self.out.flush()?;
        Ok(self.out)
    }
}

/// Writes `value` as pretty JSON and a newline.
pub fn json<T: serde::Serialize, W: Write>(mut out: W, value: &T) -> anyhow::Result<()> {
    serde_json::to_writer_pretty(&mut out, value)?;
    out.write_all(b"\n")?;
    out.flush()?;
    Ok(())
}

/// An optional value as a cell: the value, or empty.
pub fn opt<T: std::fmt::Display>(v: &Option<T>) -> String {
    v.as_ref().map_or_else(String::new, ToString::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_table() {
        let cases = [
            ("plain", "plain"),
            ("", ""),
            ("a,b", "\"a,b\""),
            ("say \"no\"", "\"say \"\"no\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            (" edge", "\" edge\""),
            ("Sergey Lavrov", "Sergey Lavrov"),
        ];
        for (input, want) in cases {
            assert_eq!(csv_field(input), want, "{input:?}");
        }
    }

    #[test]
    fn csv_writer_pads_records() {
        let mut w = Csv::new(Vec::new(), &["a", "b", "c"]).unwrap();
        w.record(&["1", "x,y"]).unwrap();
        let out = String::from_utf8(w.finish().unwrap()).unwrap();
        assert_eq!(out, "a,b,c\n1,\"x,y\",\n");
    }

    #[test]
    fn table_aligns_and_clips() {
        let mut t = Table::new(&[("id", 5, Align::Right), ("claim", 12, Align::Left), ("n", 3, Align::Right)]);
        t.row(vec!["7".into(), "Soleimani visited Moscow".into(), "12".into()]);
        t.row(vec!["123".into(), "short".into(), "1".into()]);
        let s = t.render();
        let lines: Vec<&str> = s.lines().collect();
        assert_eq!(lines.len(), 4, "{s}");
        assert_eq!(lines[0], " id  claim          n");
        assert_eq!(lines[2], "  7  Soleimani v…  12");
        assert_eq!(lines[3], "123  short          1");
    }
}
