//! Time expressions normalized against the publication date.

use claimtrail_core::{Document, TimeExpr};

use crate::{Result, Stage};

/// Finds and normalizes time expressions. (Placeholder: finds none yet.)
#[derive(Debug, Clone, Default)]
pub struct TimeNormalizer;

impl Stage for TimeNormalizer {
    const NAME: &'static str = "time";
    type Output = Vec<TimeExpr>;

    fn run(&self, _doc: &Document) -> Result<Vec<TimeExpr>> {
        Ok(Vec::new())
    }
}
