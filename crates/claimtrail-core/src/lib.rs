//! The claimtrail document model.
//!
//! A [`Document`] holds the original text of one article, its metadata and a set of typed
//! layers, each added by one pipeline stage:
//!
//! | layer | type | added by |
//! |---|---|---|
//! | sentences, tokens | [`Sentence`], [`Token`] | segmenter |
//! | mentions, entities | [`Mention`], [`Entity`] | entity recognizer |
//! | times | [`TimeExpr`] | time normalizer |
//! | attributions | [`Attribution`] | attribution extractor |
//! | claims | [`Claim`] | claim linker |
//!
//! Every span is a [`TextRange`] into the original text; layers refer to lower layers by typed
//! ids ([`TokenId`], [`MentionId`], [`EntityId`], ...). No stage edits a layer it did not make.
//! [`contract`] turns a finished document into the `claimtrail.analysis/1` JSON contract, with
//! character offsets.
//!
//! ```
//! use claimtrail_core::{Date, Document, Meta};
//! let meta = Meta { id: "a".into(), published: Some(Date::parse("2015-10-07").unwrap()), ..Meta::default() };
//! let doc = Document::new(meta, "Peskov said no.");
//! assert_eq!(doc.text(), "Peskov said no.");
//! assert!(doc.tokens.is_empty());
//! ```
#![deny(missing_docs)]

pub mod contract;
mod date;
mod error;
mod layers;
pub mod render;

use std::sync::Arc;

pub use claimtrail_text::{clip, CharMap, Ranged, TextRange};
pub use date::Date;
pub use error::{Error, Result};
pub use layers::*;

/// Metadata of one article.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Meta {
    /// Document id (file stem, or the `id` of a JSON line).
    pub id: String,
    /// Title, when known.
    pub title: Option<String>,
    /// Publishing outlet, when known.
    pub outlet: Option<String>,
    /// URL, when known.
    pub url: Option<String>,
    /// Publication date: the anchor of relative time expressions.
    pub published: Option<Date>,
    /// Language code; claimtrail reads English (`en`).
    pub language: Option<String>,
}

/// One article and its annotation layers.
#[derive(Debug, Clone)]
pub struct Document {
    /// Metadata.
    pub meta: Meta,
    text: Arc<str>,
    /// Sentences, in text order.
    pub sentences: Vec<Sentence>,
    /// Tokens, in text order.
    pub tokens: Vec<Token>,
    /// Part-of-speech tag of each token (parallel to `tokens`; empty when no tagger ran).
    pub pos: Vec<Upos>,
    /// Entity mentions, in text order.
    pub mentions: Vec<Mention>,
    /// Entities: mentions merged inside the article.
    pub entities: Vec<Entity>,
    /// Time expressions, in text order.
    pub times: Vec<TimeExpr>,
    /// Attributions, in text order of their cue.
    pub attributions: Vec<Attribution>,
    /// Claims: attributions grouped by proposition.
    pub claims: Vec<Claim>,
    /// Soft failures of any stage.
    pub diagnostics: Vec<Diagnostic>,
    /// Which stage made which layer.
    pub provenance: Vec<Provenance>,
}

impl Document {
    /// A document with no layers yet.
    pub fn new(meta: Meta, text: impl Into<Arc<str>>) -> Self {
        Self {
            meta,
            text: text.into(),
            sentences: Vec::new(),
            tokens: Vec::new(),
            pos: Vec::new(),
            mentions: Vec::new(),
            entities: Vec::new(),
            times: Vec::new(),
            attributions: Vec::new(),
            claims: Vec::new(),
            diagnostics: Vec::new(),
            provenance: Vec::new(),
        }
    }

    /// The original text.
    #[inline]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text under a range.
    #[inline]
    pub fn slice(&self, r: TextRange) -> &str {
        &self.text[r]
    }

    /// The text of token `id`.
    #[inline]
    pub fn token_text(&self, id: TokenId) -> &str {
        &self.text[self.tokens[id.index()].range]
    }

    /// Tokens of sentence `s`.
    pub fn sentence_tokens(&self, s: &Sentence) -> &[Token] {
        &self.tokens[s.tokens.start as usize..s.tokens.end as usize]
    }

    /// Index of the sentence holding byte `offset`, if any.
    pub fn sentence_at(&self, offset: u32) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.range.end() <= offset);
        (i < self.sentences.len() && self.sentences[i].range.start() <= offset).then_some(i)
    }

    /// Index of the first token that ends after `offset`.
    pub fn token_at_or_after(&self, offset: u32) -> usize {
        self.tokens.partition_point(|t| t.range.end() <= offset)
    }

    /// Tokens overlapping `r`, as an index range.
    pub fn tokens_in(&self, r: TextRange) -> std::ops::Range<usize> {
        let s = self.tokens.partition_point(|t| t.range.end() <= r.start());
        let e = self.tokens.partition_point(|t| t.range.start() < r.end());
        s..e.max(s)
    }
}

/// Which stage made a layer, with which version and configuration.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Provenance {
    /// Layer name.
    pub layer: &'static str,
    /// Stage name.
    pub stage: &'static str,
    /// Stage version.
    pub version: &'static str,
}

/// A soft failure: recorded as data, not an error.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    /// Stage that recorded it.
    pub stage: &'static str,
    /// Where in the text, if anywhere.
    pub range: Option<TextRange>,
    /// What happened.
    pub message: String,
}
