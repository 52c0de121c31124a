//! Integration tests of the whole pipeline: golden ledgers of shipped articles and
//! invariants over arbitrary text.

mod golden;
mod headlines;
mod invariants;
mod relays;
mod seed;
mod speakers;
mod statements;

use claimtrail_core::{Attribution, Date, Document, Meta};
use claimtrail_pipeline::Pipeline;

/// The pipeline, built once per test binary.
pub fn pipeline() -> &'static Pipeline {
    static P: std::sync::OnceLock<Pipeline> = std::sync::OnceLock::new();
    P.get_or_init(Pipeline::new)
}

/// Analyzes `text` as document `id` published on `published`.
pub fn analyze(id: &str, published: Option<&str>, text: &str) -> Document {
    let meta = Meta { id: id.into(), published: published.map(|p| Date::parse(p).unwrap()), ..Meta::default() };
    pipeline().analyze(meta, text).unwrap()
}

/// The first statement whose cue reads `cue`; panics naming the text when there is none.
pub fn with_cue<'d>(doc: &'d Document, cue: &str) -> &'d Attribution {
    doc.attributions
        .iter()
        .find(|a| doc.slice(a.cue) == cue)
        .unwrap_or_else(|| panic!("{}: no statement with cue {cue}", doc.text()))
}

/// The first statement whose source as written contains `speaker`; panics naming the text when
/// there is none.
pub fn by_speaker<'d>(doc: &'d Document, speaker: &str) -> &'d Attribution {
    doc.attributions
        .iter()
        .find(|a| a.source.as_ref().is_some_and(|s| doc.slice(s.range).contains(speaker)))
        .unwrap_or_else(|| panic!("{}: no statement by {speaker}", doc.text()))
}
