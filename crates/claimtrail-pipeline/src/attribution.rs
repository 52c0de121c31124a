//! Attribution extraction: source, cue, content, via chain, stance.

use claimtrail_core::{Attribution, Diagnostic, Document};

use crate::{Result, Stage};

/// Output of the [`AttributionExtractor`].
#[derive(Debug, Clone, Default)]
pub struct AttributionLayer {
    /// Attributions in text order of their cue.
    pub attributions: Vec<Attribution>,
    /// Soft failures (unresolved sources, unbalanced quotes).
    pub diagnostics: Vec<Diagnostic>,
}

/// Extracts attributions. (Placeholder: finds none yet.)
#[derive(Debug, Clone, Default)]
pub struct AttributionExtractor;

impl Stage for AttributionExtractor {
    const NAME: &'static str = "attribution";
    type Output = AttributionLayer;

    fn run(&self, _doc: &Document) -> Result<AttributionLayer> {
        Ok(AttributionLayer::default())
    }
}
