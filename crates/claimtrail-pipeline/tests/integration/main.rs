//! Integration tests of the whole pipeline: golden ledgers of shipped articles and
//! invariants over arbitrary text.

mod golden;
mod headlines;
mod invariants;
mod relays;
mod seed;
mod speakers;

use claimtrail_core::{Date, Document, Meta};
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
