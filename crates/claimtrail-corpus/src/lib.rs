//! Per-article records for the corpus.
//!
//! An analysis worker is stateless: it turns one analyzed [`Document`](claimtrail_core::Document) into an
//! [`ArticleRecord`] — the `claimtrail.analysis/1` contract plus what the store needs to link
//! the article into the corpus without re-reading it:
//!
//! - a content hash (the idempotency key: the same text is stored once) — [`hash`],
//! - a MinHash fingerprint of word shingles (wire copies: the same agency story on many sites)
//!   and its LSH band keys — [`fingerprint`](mod@fingerprint),
//! - per entity, normalized name keys (spelling and transliteration variants, surnames) —
//!   [`names`],
//! - per claim, a signature (event class, participants, time) that is independent of wording,
//!   and the rule that says when two are one claim — [`signature`],
//! - statements: who takes which stance toward which claim, through which chain of outlets;
//!   attributions, and the article's own voice for its event sentences — [`record`].
//!
//! The store (a stateful, single writer) resolves these keys against what it already holds.
//!
//! ```
//! use claimtrail_corpus::{fold_name, same_claim, similarity, fingerprint, ClaimSig};
//! assert_eq!(fold_name("Sergey Lavrov"), fold_name("Sergei Lavrov"));
//! assert_eq!(similarity(&fingerprint("Peskov said no."), &fingerprint("PESKOV said no")), 1.0);
//! let sig = |p: Vec<i64>, when: &str| ClaimSig {
//!     event: Some("meet".into()), participants: p, when: Some(when.into()), terms: vec![], places: vec![],
//! };
//! assert!(same_claim(&sig(vec![1, 2], "2015-07"), &sig(vec![1, 2, 3], "2015-07-24")));
//! assert!(!same_claim(&sig(vec![1, 2], "2015-07-23"), &sig(vec![1, 2], "2015-07-24")));
//! // One shared party is not enough across articles without the same day.
//! assert!(!same_claim(&sig(vec![1], "2015-07"), &sig(vec![1, 2], "2015-07-24")));
//! assert!(same_claim(&sig(vec![1], "2015-07-24"), &sig(vec![1, 2], "2015-07-24")));
//! ```

#![deny(missing_docs)]

pub mod analyze;
pub mod fingerprint;
pub mod hash;
pub mod names;
pub mod record;
pub mod signature;
pub mod terms;

pub use analyze::{analyze_record, panic_message, AnalyzeError};
pub use fingerprint::{band_keys, fingerprint, similarity};
pub use hash::content_hash;
pub use names::fold_name;
pub use record::{build_record, ArticleRecord, ClaimRecord, EntityRecord, StatementRecord, ViaRecord};
pub use signature::{match_score, same_claim, same_claim_in_article, ClaimSig};
