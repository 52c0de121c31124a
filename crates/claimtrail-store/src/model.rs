//! What the store answers: plain rows, serializable for `--format json|csv`.

use claimtrail_core::contract::Analysis;
use claimtrail_core::Stance;
use serde::Serialize;

/// What became of one inserted record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum InsertOutcome {
    /// Stored under this article id; `copy_of` is the first article of its wire group when it
    /// is a near-duplicate of an earlier one.
    Stored {
        /// Store-wide article id.
        article: i64,
        /// The original of its wire group, if this is a copy.
        copy_of: Option<i64>,
    },
    /// Same content already stored under this article id.
    Duplicate {
        /// The stored article.
        article: i64,
    },
}

/// Filters of [`crate::Store::claims`].
#[derive(Debug, Clone, Default)]
pub struct ClaimQuery {
    /// Only claims some source asserts (or hedges) and another denies.
    pub contested: bool,
    /// Only claims with this entity (name, alias or surname) among participants or sources.
    pub about: Option<String>,
    /// Only claims with a statement on or after this date (ISO, by said-on or publication date).
    pub since: Option<String>,
    /// ... on or before this date.
    pub until: Option<String>,
    /// Only claims with a statement published by (or relayed through) this outlet.
    pub outlet: Option<String>,
    /// Only claims whose gist or statements contain these words (the board's search box).
    pub text: Option<String>,
    /// Contested claims first, then by statements (the board's order); else by statements only.
    pub contested_first: bool,
    /// At most this many (most statements first); 0 = no limit.
    pub limit: usize,
    /// Skip this many (pagination).
    pub offset: usize,
}

/// One claim with its counts. Counts are of distinct statements: a statement relayed by many
/// wire copies counts once.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimSummary {
    /// Corpus claim id.
    pub id: i64,
    /// Short statement of the proposition.
    pub gist: String,
    /// Event class.
    pub event: Option<String>,
    /// When it happened, if known.
    pub when: Option<String>,
    /// Participant names.
    pub participants: Vec<String>,
    /// Distinct sources asserting it.
    pub asserts: u32,
    /// ... denying it.
    pub denies: u32,
    /// ... hedging.
    pub hedges: u32,
    /// ... saying they do not know.
    pub no_knowledge: u32,
    /// Articles (copies included) that carry a statement about it.
    pub articles: u32,
    /// Asserted (or hedged) by some source and denied by another.
    pub contested: bool,
    /// Earliest and latest statement date.
    pub first_seen: Option<String>,
    /// Latest statement date.
    pub last_seen: Option<String>,
}

/// One statement in a claim's trail.
#[derive(Debug, Clone, Serialize)]
pub struct StatementRow {
    /// Statement id.
    pub id: i64,
    /// The source's corpus entity id, if resolved.
    pub source_entity: Option<i64>,
    /// The source's name (canonical when resolved, else as written).
    pub source: String,
    /// person | organization | outlet | anonymous | document | unknown.
    pub source_kind: String,
    /// Stance toward the claim.
    pub stance: Stance,
    /// Relay chain, nearest hop first.
    pub via: Vec<String>,
    /// When it was said (normalized), else the article's publication date.
    pub date: Option<String>,
    /// The quoted or reported words.
    pub quote: String,
    /// The article it comes from.
    pub article: ArticleRef,
    /// Character span of the quoted words in that article's text.
    pub span: [u32; 2],
    /// Local attribution id in that article's analysis (`a3`), if the statement is one.
    pub attribution: Option<String>,
    /// Other articles carrying the same statement (wire copies).
    pub copies: Vec<ArticleRef>,
}

/// A short reference to a stored article.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleRef {
    /// Store-wide article id.
    pub id: i64,
    /// Document id (from the input).
    pub doc_id: String,
    /// Title.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Publication date.
    pub published: Option<String>,
}

/// A claim and every statement about it.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimTrail {
    /// The claim with its counts.
    pub claim: ClaimSummary,
    /// Statements, oldest first: at most [`crate::MAX_TRAIL_PER_STANCE`] per stance (the oldest
    /// of each), so a claim carried by thousands of articles still has a page.
    pub statements: Vec<StatementRow>,
    /// Statements left out by that bound (0: the trail is complete).
    pub omitted: u32,
}

/// Who an entity is and what it said and what is said of it.
#[derive(Debug, Clone, Serialize)]
pub struct EntityProfile {
    /// Corpus entity id.
    pub id: i64,
    /// Canonical name.
    pub name: String,
    /// Kind.
    pub kind: String,
    /// Other names seen.
    pub aliases: Vec<String>,
    /// Roles and descriptions seen.
    pub roles: Vec<String>,
    /// Articles mentioning it.
    pub articles: u32,
    /// Its own statements (as source), oldest first.
    pub said: Vec<EntityStatement>,
    /// Statements about claims it takes part in, oldest first.
    pub said_about: Vec<EntityStatement>,
}

/// A statement in an entity's timeline.
#[derive(Debug, Clone, Serialize)]
pub struct EntityStatement {
    /// Date (said-on, else publication).
    pub date: Option<String>,
    /// Corpus claim id, if linked.
    pub claim: Option<i64>,
    /// Claim gist, or the quote.
    pub gist: String,
    /// Source name.
    pub source: String,
    /// Stance.
    pub stance: Stance,
    /// Quoted words.
    pub quote: String,
    /// Relay chain.
    pub via: Vec<String>,
    /// Article.
    pub article: ArticleRef,
}

/// Filters of [`crate::Store::sources`].
#[derive(Debug, Clone, Default)]
pub struct SourceQuery {
    /// Only sources cited by (or relayed through) this outlet.
    pub outlet: Option<String>,
    /// At most this many; 0 = no limit.
    pub limit: usize,
    /// Skip this many (pagination).
    pub offset: usize,
}

/// One source with its counts.
#[derive(Debug, Clone, Serialize)]
pub struct SourceSummary {
    /// Corpus entity id, if resolved (anonymous sources are grouped by description).
    pub entity: Option<i64>,
    /// Name or description.
    pub name: String,
    /// person | organization | outlet | anonymous | ...
    pub kind: String,
    /// Statements made (distinct, copies counted once).
    pub statements: u32,
    /// Articles citing it.
    pub articles: u32,
    /// Outlets citing it (publishing or relaying), most frequent first.
    pub cited_by: Vec<(String, u32)>,
    /// For outlets: share of the statements they carry that come from anonymous sources.
    pub anonymous_share: Option<f32>,
}

/// A full-text search hit.
#[derive(Debug, Clone, Serialize)]
pub struct SearchHit {
    /// article | statement
    pub kind: String,
    /// The article.
    pub article: ArticleRef,
    /// Statement id for statement hits.
    pub statement: Option<i64>,
    /// Claim id, when the statement is linked.
    pub claim: Option<i64>,
    /// A snippet with the match.
    pub snippet: String,
    /// Rank (higher is better).
    pub score: f64,
}

/// A candidate article for `check`.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// The article.
    pub article: ArticleRef,
    /// Its analysis (contract form).
    pub analysis: Analysis,
    /// Local claim id (`c1`, `o1`) -> (corpus claim id, gist).
    pub claims: Vec<(String, i64, String)>,
    /// Own-voice statements: char span -> corpus claim id, for matches outside attributions.
    pub own_voice: Vec<([u32; 2], i64)>,
}

/// One stored article, for export.
#[derive(Debug, Clone)]
pub struct StoredArticle {
    /// The article.
    pub article: ArticleRef,
    /// Its analysis.
    pub analysis: Analysis,
    /// Local claim id -> corpus claim id.
    pub claims: Vec<(String, i64)>,
    /// Local entity id -> corpus entity id.
    pub entities: Vec<(String, i64)>,
    /// The first article of its wire group, if a copy.
    pub copy_of: Option<i64>,
}

/// The source network.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SourceGraph {
    /// Nodes: (key, label, kind), heaviest first (ties by key).
    pub nodes: Vec<(String, String, String)>,
    /// Weight of each node (parallel to `nodes`): the statements it takes part in as speaker,
    /// relay or publishing outlet (wire copies included: every carrying article counts).
    pub weights: Vec<u32>,
    /// Edges: (from key, to key, relation, weight). Relations: `cited_by` (speaker -> outlet
    /// that relays), `relayed_by` (outlet -> citing outlet), `published_in`.
    pub edges: Vec<(String, String, String, u32)>,
}

/// Counts and sizes.
#[derive(Debug, Clone, Default, Serialize)]
pub struct StoreStats {
    /// Articles stored.
    pub articles: u64,
    /// Wire groups with more than one article.
    pub wire_groups: u64,
    /// Corpus entities.
    pub entities: u64,
    /// Corpus claims.
    pub claims: u64,
    /// Statements.
    pub statements: u64,
    /// Bytes of article text.
    pub text_bytes: u64,
    /// Bytes of the database file(s).
    pub store_bytes: u64,
}

/// An entity with its counts ([`crate::Store::entities`]).
#[derive(Debug, Clone, Serialize)]
pub struct EntitySummary {
    /// Corpus entity id.
    pub id: i64,
    /// Canonical name.
    pub name: String,
    /// Kind.
    pub kind: String,
    /// Mentions across articles.
    pub mentions: u64,
    /// Articles mentioning it.
    pub articles: u64,
}

/// Filters of [`crate::Store::entities`].
#[derive(Debug, Clone, Default)]
pub struct EntityQuery {
    /// Only entities whose name or an alias matches (folded; a prefix of a word matches).
    pub name: Option<String>,
    /// Only this kind (person, organization, outlet, location, ...).
    pub kind: Option<String>,
    /// At most this many (most mentioned first); 0 = no limit.
    pub limit: usize,
    /// Skip this many (pagination).
    pub offset: usize,
}

/// An outlet with its article count ([`crate::Store::outlets`]).
#[derive(Debug, Clone, Serialize)]
pub struct OutletSummary {
    /// The outlet as the articles name it.
    pub name: String,
    /// Articles stored from it (copies included).
    pub articles: u64,
}

/// Filters of [`crate::Store::articles`].
#[derive(Debug, Clone, Default)]
pub struct ArticleQuery {
    /// Only articles of this outlet (folded match).
    pub outlet: Option<String>,
    /// At most this many (newest stored first); 0 = no limit.
    pub limit: usize,
    /// Skip this many (pagination).
    pub offset: usize,
}

/// One stored article with its links into the corpus ([`crate::Store::article`]).
#[derive(Debug, Clone, Serialize)]
pub struct ArticleView {
    /// The article.
    pub article: ArticleRef,
    /// Its analysis, `claimtrail.analysis/1`, with the text.
    pub analysis: Analysis,
    /// The original of its wire group, if this is a copy.
    pub copy_of: Option<ArticleRef>,
    /// The other articles of its wire group (copies of it, or the original's other copies).
    pub copies: Vec<ArticleRef>,
    /// Local claim id (`c1`, `o1`) -> corpus claim id.
    pub claims: Vec<(String, i64)>,
    /// Local entity id (`e1`) -> corpus entity id.
    pub entities: Vec<(String, i64)>,
}
