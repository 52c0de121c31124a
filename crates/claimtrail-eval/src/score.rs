//! Precision, recall, F1.

use std::fmt;

/// Counts for one part of an evaluation.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize)]
pub struct Prf {
    /// Predictions that match gold (for precision).
    pub tp_pred: f64,
    /// Gold items matched (for recall).
    pub tp_gold: f64,
    /// Number of predictions.
    pub pred: f64,
    /// Number of gold items.
    pub gold: f64,
}

impl Prf {
    /// Precision.
    pub fn precision(&self) -> f64 {
        if self.pred == 0.0 {
            0.0
        } else {
            self.tp_pred / self.pred
        }
    }
    /// Recall.
    pub fn recall(&self) -> f64 {
        if self.gold == 0.0 {
            0.0
        } else {
            self.tp_gold / self.gold
        }
    }
    /// F1.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    /// Adds counts.
    pub fn add(&mut self, other: Prf) {
        self.tp_pred += other.tp_pred;
        self.tp_gold += other.tp_gold;
        self.pred += other.pred;
        self.gold += other.gold;
    }
}

/// A named set of scores.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Report {
    /// What was evaluated.
    pub title: String,
    /// Number of documents.
    pub documents: usize,
    /// Scores by part, in print order.
    pub parts: Vec<(String, Prf)>,
}

impl Report {
    /// The scores of a part.
    pub fn part(&self, name: &str) -> Option<&Prf> {
        self.parts.iter().find(|(n, _)| n == name).map(|(_, p)| p)
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} ({} documents)", self.title, self.documents)?;
        writeln!(f, "{:<28} {:>7} {:>7} {:>7} {:>8} {:>8}", "part", "P", "R", "F1", "pred", "gold")?;
        for (name, p) in &self.parts {
            writeln!(
                f,
                "{:<28} {:>7.3} {:>7.3} {:>7.3} {:>8} {:>8}",
                name,
                p.precision(),
                p.recall(),
                p.f1(),
                p.pred,
                p.gold
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn f1_of_counts() {
        let p = Prf { tp_pred: 3.0, tp_gold: 3.0, pred: 4.0, gold: 6.0 };
        assert!((p.precision() - 0.75).abs() < 1e-9);
        assert!((p.recall() - 0.5).abs() < 1e-9);
        assert!((p.f1() - 0.6).abs() < 1e-9);
        assert_eq!(Prf::default().f1(), 0.0);
    }
}
