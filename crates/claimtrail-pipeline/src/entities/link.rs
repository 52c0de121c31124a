//! Merging mentions into entities inside one article: aliases (surname to full name,
//! transliteration variants, gendered surname forms), roles and titles, role phrases
//! resolved to their person.

use claimtrail_core::{Document, Entity, Mention};

/// Merges `mentions` (in text order) of `doc` into entities.
/// (Placeholder: one entity per distinct mention text.)
pub fn link_entities(doc: &Document, mentions: &[Mention]) -> Vec<Entity> {
    let mut entities: Vec<Entity> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        let name = doc.slice(m.range);
        let id = claimtrail_core::MentionId::from_index(i);
        match entities.iter_mut().find(|e| e.name == name && e.kind == m.kind) {
            Some(e) => e.mentions.push(id),
            None => entities.push(Entity {
                name: name.to_string(),
                kind: m.kind,
                aliases: Vec::new(),
                roles: Vec::new(),
                mentions: vec![id],
                references: Vec::new(),
            }),
        }
    }
    entities
}
