//! Per-article records for the corpus.
//!
//! An analysis worker is stateless: it turns one analyzed [`Document`] into an
//! [`ArticleRecord`] — the `claimtrail.analysis/1` contract plus what the store needs to link
//! the article into the corpus without re-reading it:
//!
//! - a content hash (the idempotency key: the same text is stored once),
//! - a MinHash fingerprint of word shingles (wire copies: the same agency story on many sites),
//! - per entity, normalized name keys (spelling and transliteration variants, surnames),
//! - per claim, a signature (event class, participants, time) that is independent of wording,
//! - statements: who takes which stance toward which claim, through which chain of outlets;
//!   attributions, and the article's own voice for its event sentences.
//!
//! The store (a stateful, single writer) resolves these keys against what it already holds.

#![deny(missing_docs)]

use claimtrail_core::contract::Analysis;
use claimtrail_core::{Document, Stance};
use serde::{Deserialize, Serialize};

/// Everything the store needs to know about one analyzed article.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ArticleRecord {
    /// The analysis in the public contract (character offsets).
    pub analysis: Analysis,
    /// Hex digest of the normalized text: equal texts, equal hashes.
    pub content_hash: String,
    /// MinHash signature of word shingles ([`fingerprint`]).
    pub fingerprint: Vec<u32>,
    /// One record per entity of `analysis.entities`, in the same order.
    pub entities: Vec<EntityRecord>,
    /// Claims: one per claim of `analysis.claims` (same order), then the article's own-voice claims.
    pub claims: Vec<ClaimRecord>,
    /// Statements about claims (or about nothing linkable, `claim: None`).
    pub statements: Vec<StatementRecord>,
}

/// One entity of the article with the keys that link it across articles.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EntityRecord {
    /// Local id in the analysis (`e1`).
    pub local: String,
    /// Canonical name as the article writes it.
    pub name: String,
    /// Contract kind: person, organization, outlet, location, anonymous, ...
    pub kind: String,
    /// Folded name keys, most specific first ([`fold_name`] of the name and each alias).
    pub keys: Vec<String>,
    /// For persons: the folded surname, which may link a surname-only mention elsewhere.
    pub surname: Option<String>,
    /// Roles and descriptions ("Kremlin spokesman").
    pub roles: Vec<String>,
}

/// A claim's wording-independent signature.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ClaimRecord {
    /// Local claim id in the analysis (`c1`), or `o1`, `o2`, ... for own-voice claims.
    pub local: String,
    /// Short statement of the proposition.
    pub gist: String,
    /// Event class ("meet", "visit", ...), when the contents have an event word.
    pub event: Option<String>,
    /// Participants: indices into [`ArticleRecord::entities`].
    pub participants: Vec<usize>,
    /// Normalized time value of the event (TIMEX3-like, "2015-07-24"), when known.
    pub when: Option<String>,
    /// Content terms (lowercased, stemmed) as a fallback for matching claims without an event.
    pub terms: Vec<String>,
}

/// One statement: a source's stance toward a claim.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StatementRecord {
    /// Index into [`ArticleRecord::claims`].
    pub claim: Option<usize>,
    /// Local attribution id (`a3`), `None` for the article's own voice.
    pub attribution: Option<String>,
    /// The source entity: index into [`ArticleRecord::entities`].
    pub source: Option<usize>,
    /// The source as written ("a senior official"); the outlet for own voice.
    pub source_text: String,
    /// person | organization | outlet | anonymous | document (own voice) | unknown.
    pub source_kind: String,
    /// Stance toward the claim.
    pub stance: Stance,
    /// Relay chain, nearest hop first.
    pub via: Vec<ViaRecord>,
    /// When it was said (normalized value), if the text says.
    pub said_on: Option<String>,
    /// The quoted or reported words.
    pub quote: String,
    /// Character offsets of `quote` in the text.
    pub span: [u32; 2],
}

/// One hop of a relay chain.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ViaRecord {
    /// Index into [`ArticleRecord::entities`].
    pub entity: Option<usize>,
    /// As written ("RIA Novosti").
    pub text: String,
}

/// Builds the record of one analyzed document.
pub fn build_record(doc: &Document) -> ArticleRecord {
    let _ = doc;
    unimplemented!("corpus helper")
}

/// Folds a name for matching across articles: lowercase, accents and punctuation removed,
/// transliteration variants unified ("Sergey" / "Sergei", "Aleksandr" / "Alexander").
pub fn fold_name(name: &str) -> String {
    let _ = name;
    unimplemented!("corpus helper")
}

/// MinHash signature of the word shingles of a text.
pub fn fingerprint(text: &str) -> Vec<u32> {
    let _ = text;
    unimplemented!("corpus helper")
}

/// Estimated Jaccard similarity of two fingerprints.
pub fn similarity(a: &[u32], b: &[u32]) -> f32 {
    let _ = (a, b);
    unimplemented!("corpus helper")
}

/// LSH band keys of a fingerprint: two near-duplicates share at least one key with high probability.
pub fn band_keys(fingerprint: &[u32]) -> Vec<u64> {
    let _ = fingerprint;
    unimplemented!("corpus helper")
}

/// A claim's signature once its participants are resolved to corpus entities.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimSig {
    /// Event class, when known.
    pub event: Option<String>,
    /// Corpus entity ids of the participants, sorted, distinct.
    pub participants: Vec<i64>,
    /// Normalized time value, when known.
    pub when: Option<String>,
    /// Content terms, for claims without an event class.
    pub terms: Vec<String>,
}

/// Whether two claim signatures are about the same proposition: same event class, compatible
/// times, and participants of one contained in the other's (sharing at least one).
pub fn same_claim(a: &ClaimSig, b: &ClaimSig) -> bool {
    let _ = (a, b);
    unimplemented!("corpus helper")
}
