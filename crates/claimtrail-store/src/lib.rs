//! The corpus store.
//!
//! Analysis workers are stateless: each turns an article into a
//! [`claimtrail_corpus::ArticleRecord`]. The store is the one stateful writer: it keeps the
//! articles, groups wire copies, resolves each article's entities and claims to corpus-wide
//! ones, and answers the analyst's queries. Everything goes through the [`Store`] trait, narrow
//! enough that a server database can take SQLite's place; [`SqliteStore`] is the embedded
//! implementation (rusqlite, bundled SQLite with FTS5).

#![deny(missing_docs)]

mod error;
pub mod model;
mod sqlite;

pub use error::{Error, Result};
pub use model::*;
pub use sqlite::{SqliteStore, SCHEMA_VERSION};

/// Statements per stance in a claim's trail ([`Store::claim`]), at most: the oldest of each.
pub const MAX_TRAIL_PER_STANCE: usize = 100;

use claimtrail_corpus::ArticleRecord;

/// A corpus store.
///
/// Writes come in batches; a batch is atomic (all of it is stored or none), so a process killed
/// at any moment leaves a store that a rerun completes: articles already stored (same content
/// hash) are skipped.
pub trait Store {
    /// Whether an article with this content hash is stored.
    fn contains(&self, content_hash: &str) -> Result<bool>;

    /// Stores a batch of articles atomically, linking them into the corpus. One outcome per
    /// record, in order.
    fn insert(&mut self, records: &[ArticleRecord]) -> Result<Vec<InsertOutcome>>;

    /// Claims, most-cited first.
    fn claims(&self, query: &ClaimQuery) -> Result<Vec<ClaimSummary>>;

    /// The trail of one claim: its statements, oldest first, at most
    /// [`MAX_TRAIL_PER_STANCE`] per stance (`omitted` counts the rest).
    fn claim(&self, id: i64) -> Result<Option<ClaimTrail>>;

    /// Entities matching a name (exact, alias, surname, folded variants), best first.
    fn entity(&self, name: &str) -> Result<Vec<EntityProfile>>;

    /// Sources (speakers and outlets) with citation counts.
    fn sources(&self, query: &SourceQuery) -> Result<Vec<SourceSummary>>;

    /// Full-text search over articles and statements.
    fn search(&self, text: &str, limit: usize) -> Result<Vec<SearchHit>>;

    /// Candidate articles for claim matching: full-text search with these terms (any of them,
    /// ranked), each with its analysis and the corpus claims of its local claims.
    fn candidates(&self, terms: &[String], limit: usize) -> Result<Vec<Candidate>>;

    /// Calls `f` for every stored article, in storage order.
    fn for_each_article(&self, f: &mut dyn FnMut(StoredArticle) -> Result<()>) -> Result<()>;

    /// The source network: speaker -> outlet -> citing outlet. With `max_nodes > 0`, only the
    /// heaviest nodes (by statement count) and the edges among them.
    fn source_graph(&self, max_nodes: usize) -> Result<SourceGraph>;

    /// Entities, most mentioned first.
    fn entities(&self, query: &EntityQuery) -> Result<Vec<EntitySummary>>;

    /// One entity's profile by corpus id.
    fn entity_by_id(&self, id: i64) -> Result<Option<EntityProfile>>;

    /// Stored articles, newest stored first.
    fn articles(&self, query: &ArticleQuery) -> Result<Vec<ArticleRef>>;

    /// One stored article with its analysis and corpus links.
    fn article(&self, id: i64) -> Result<Option<ArticleView>>;

    /// Counts and sizes.
    fn stats(&self) -> Result<StoreStats>;
}
