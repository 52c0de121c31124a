//! Finding attribution spans: cue, source, content, via hops, form.

use claimtrail_core::Document;

use super::RawAttribution;

/// Finds the attributions of `doc` (which has sentences, tokens, mentions and times).
/// (Placeholder: finds none.)
pub fn extract(_doc: &Document) -> Vec<RawAttribution> {
    Vec::new()
}
