//! Entity recognition: named mentions and entities merged inside the article.

use claimtrail_core::{Diagnostic, Document, Entity, Mention};

use crate::{Result, Stage};

pub mod link;

/// Output of the [`EntityRecognizer`].
#[derive(Debug, Clone, Default)]
pub struct EntityLayer {
    /// Named mentions, in text order.
    pub mentions: Vec<Mention>,
    /// Entities.
    pub entities: Vec<Entity>,
    /// Soft failures.
    pub diagnostics: Vec<Diagnostic>,
}

/// Finds named entities. (Placeholder: finds none yet.)
#[derive(Debug, Clone, Default)]
pub struct EntityRecognizer;

impl Stage for EntityRecognizer {
    const NAME: &'static str = "entities";
    type Output = EntityLayer;

    fn run(&self, doc: &Document) -> Result<EntityLayer> {
        let mentions: Vec<Mention> = Vec::new();
        let entities = link::link_entities(doc, &mentions);
        Ok(EntityLayer { mentions, entities, diagnostics: Vec::new() })
    }
}
