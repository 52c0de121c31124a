//! Giving raw attributions their meaning: source kind and entity, stance, date, via entities.

use claimtrail_core::{Attribution, Document, Source, SourceKind, Stance, Via};

use super::{AttributionLayer, RawAttribution};

/// Turns raw attributions into full ones. (Placeholder: sources unresolved, stance asserts.)
pub fn enrich(_doc: &Document, raw: &[RawAttribution]) -> AttributionLayer {
    AttributionLayer {
        attributions: raw
            .iter()
            .map(|r| Attribution {
                source: r.source.map(|range| Source { range, kind: SourceKind::Unresolved, entity: None }),
                cue: r.cue,
                content: r.content,
                form: r.form,
                stance: Stance::Asserts,
                via: r.via.iter().map(|&range| Via { range, entity: None }).collect(),
                said_on: None,
            })
            .collect(),
        diagnostics: Vec::new(),
    }
}
