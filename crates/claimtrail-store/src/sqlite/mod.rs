//! [`SqliteStore`]: the embedded store (rusqlite, bundled SQLite with FTS5).
//!
//! Layout (schema version [`SCHEMA_VERSION`] in `PRAGMA user_version`):
//!
//! - `articles`: one row per stored article; small columns first so that listing rows does not
//!   touch the overflow pages of `fingerprint` (16-bit MinHash slots), `analysis` (the contract
//!   JSON without the text and without span texts, which are restored from the offsets;
//!   deflate-compressed) and `text` (deflate-compressed; SQL function `ct_text(text)` inflates
//!   it). `copy_of` is the original of its wire group.
//! - `band_keys`: MinHash LSH bands -> articles, to find wire-copy candidates.
//! - `entities`, `entity_keys` (folded names per kind family; `person#s` holds surnames),
//!   `entity_aliases`, `entity_roles`; `articles.entities` maps local ids to corpus ids (JSON).
//! - `claims` with denormalized counters, `claim_participants`, `claim_index` ((event, entity)
//!   -> claim, the candidate lookup for linking), `claim_sources` (the distinct (source, stance)
//!   pairs behind the counters), `article_claims` (local id -> corpus id).
//! - `statements`: one per statement; wire copies point at the original statement with
//!   `copy_of_statement` and are not counted. `quote` is NULL when it is the article text under
//!   the span (`ct_span(articles.text, span_start, span_end)` gives it).
//! - `articles_fts` (title, text): FTS5 with external content (the view `articles_content`, which
//!   inflates the text), so no text is stored twice. Statements are found through it: a quote
//!   is a span of its article's text, so a second index of quotes would index the same words
//!   twice (a third of the index size); statement hits are the statements of the best articles
//!   that hold every query word.
//! - `meta`: running totals (text bytes) and the watermarks of the derived tables.
//! - Derived tables and indexes for the web API (see `derived.rs`): `claims_fts`,
//!   `entity_names_fts`, `claim_outlets`, `graph_nodes`/`graph_edges`, `statements_trail`,
//!   `articles_outlet`. Created (and filled) when a writer opens an older store; the schema
//!   version stays 1.
//!
//! One writer ([`SqliteStore::open`]) and any number of readers
//! ([`SqliteStore::open_read_only`]) may use a store at once: WAL mode gives each reader's query
//! a consistent snapshot while the writer's batch is in progress.
//!
//! Linking rules (in `insert.rs`), applied record by record in input order:
//!
//! - **Wire copies**: candidates share an LSH band key; the new article is a copy when the
//!   estimated Jaccard similarity with one is at least 0.8, and then belongs to that article's
//!   group (`copy_of` is always the group's first article). Its statements that match one of
//!   the original's (same claim, source and stance, or the same quote) are stored with
//!   `copy_of_statement` and do not count.
//! - **Entities**: the same kind family (person; organization or outlet; location; other) and a
//!   shared folded name; a bare surname ("Lavrov") joins the one person with that surname (or
//!   the clearly most mentioned one; none when tied), and a full name joins an earlier bare
//!   surname entity, which takes the full name. An untyped name joins the one typed entity with
//!   that name or surname. Anonymous sources ("a senior official") are one entity only within
//!   one outlet (same folded description and outlet; articles without an outlet never share
//!   them): two outlets' "senior officials" are not known to be the same people.
//! - **Claims**: a signature (event, participants as corpus ids, time, terms) is compared with
//!   [`claimtrail_corpus::same_claim`] to the claims indexed under the same (event, participant)
//!   keys, oldest first; the first match wins, else a new claim.
//! - **Counters**: per claim, distinct (source, stance) pairs, where the source is the corpus
//!   entity, else the anonymous description within its outlet, else the outlet (own voice), else
//!   the folded source text; `contested` = asserted or hedged by some and denied by some.

mod derived;
mod insert;
mod query;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension};

use crate::{
    ArticleQuery, ArticleRef, ArticleView, Candidate, ClaimQuery, ClaimSummary, ClaimTrail, EntityProfile, EntityQuery,
    EntitySummary, Error, InsertOutcome, OutletSummary, Result, SearchHit, SourceGraph, SourceQuery, SourceSummary,
    Store, StoreStats, StoredArticle,
};
use claimtrail_corpus::ArticleRecord;
use claimtrail_text::analyzer::TextAnalyzer;

/// Schema version written to `PRAGMA user_version`.
pub const SCHEMA_VERSION: i64 = 1;

const SCHEMA: &str = r#"
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    title TEXT,
    outlet TEXT,
    url TEXT,
    published TEXT,
    copy_of INTEGER REFERENCES articles(id),
    entities TEXT NOT NULL,
    fingerprint BLOB NOT NULL,
    analysis BLOB NOT NULL,
    text BLOB NOT NULL
);
CREATE INDEX articles_copy_of ON articles(copy_of) WHERE copy_of IS NOT NULL;
CREATE TABLE band_keys (
    band INTEGER NOT NULL,
    article INTEGER NOT NULL REFERENCES articles(id),
    PRIMARY KEY (band, article)
) WITHOUT ROWID;
CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    mentions INTEGER NOT NULL DEFAULT 0,
    articles INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE entity_keys (
    key TEXT NOT NULL,
    family TEXT NOT NULL,
    entity INTEGER NOT NULL REFERENCES entities(id),
    PRIMARY KEY (key, family, entity)
) WITHOUT ROWID;
CREATE TABLE entity_aliases (
    entity INTEGER NOT NULL REFERENCES entities(id),
    alias TEXT NOT NULL,
    PRIMARY KEY (entity, alias)
) WITHOUT ROWID;
CREATE TABLE entity_roles (
    entity INTEGER NOT NULL REFERENCES entities(id),
    role TEXT NOT NULL,
    PRIMARY KEY (entity, role)
) WITHOUT ROWID;
CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    gist TEXT NOT NULL,
    event TEXT,
    "when" TEXT,
    participants TEXT NOT NULL,
    terms TEXT NOT NULL,
    places TEXT NOT NULL,
    statements INTEGER NOT NULL DEFAULT 0,
    asserts INTEGER NOT NULL DEFAULT 0,
    denies INTEGER NOT NULL DEFAULT 0,
    hedges INTEGER NOT NULL DEFAULT 0,
    no_knowledge INTEGER NOT NULL DEFAULT 0,
    articles INTEGER NOT NULL DEFAULT 0,
    contested INTEGER NOT NULL DEFAULT 0,
    first_seen TEXT,
    last_seen TEXT
);
CREATE INDEX claims_rank ON claims(statements DESC, id);
CREATE INDEX claims_contested ON claims(contested, statements DESC, id);
CREATE TABLE claim_participants (
    entity INTEGER NOT NULL REFERENCES entities(id),
    claim INTEGER NOT NULL REFERENCES claims(id),
    PRIMARY KEY (entity, claim)
) WITHOUT ROWID;
CREATE INDEX claim_participants_claim ON claim_participants(claim, entity);
CREATE TABLE claim_index (
    event TEXT NOT NULL,
    entity INTEGER NOT NULL,
    claim INTEGER NOT NULL REFERENCES claims(id),
    PRIMARY KEY (event, entity, claim)
) WITHOUT ROWID;
CREATE TABLE claim_sources (
    claim INTEGER NOT NULL REFERENCES claims(id),
    source_key TEXT NOT NULL,
    stance INTEGER NOT NULL,
    PRIMARY KEY (claim, source_key, stance)
) WITHOUT ROWID;
CREATE TABLE article_claims (
    article INTEGER NOT NULL REFERENCES articles(id),
    local TEXT NOT NULL,
    claim INTEGER NOT NULL REFERENCES claims(id),
    PRIMARY KEY (article, local)
) WITHOUT ROWID;
CREATE TABLE statements (
    id INTEGER PRIMARY KEY,
    claim INTEGER REFERENCES claims(id),
    article INTEGER NOT NULL REFERENCES articles(id),
    attribution TEXT,
    source_entity INTEGER REFERENCES entities(id),
    source_text TEXT NOT NULL,
    source_kind TEXT NOT NULL,
    source_key TEXT,
    stance INTEGER NOT NULL,
    via TEXT NOT NULL,
    date TEXT,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    copy_of_statement INTEGER REFERENCES statements(id),
    quote TEXT
);
CREATE INDEX statements_claim ON statements(claim, date) WHERE claim IS NOT NULL;
CREATE INDEX statements_article ON statements(article);
CREATE INDEX statements_source ON statements(source_entity, date) WHERE source_entity IS NOT NULL;
CREATE INDEX statements_copy ON statements(copy_of_statement) WHERE copy_of_statement IS NOT NULL;
CREATE VIEW articles_content AS SELECT id, title, ct_text(text) AS text FROM articles;
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles_content', content_rowid='id', detail=column,
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO meta(key, value) VALUES ('text_bytes', 0);
"#;

/// The embedded store: one SQLite file (plus its WAL) holding articles, entities, claims and
/// statements, linked across articles.
///
/// ```no_run
/// use claimtrail_store::{SqliteStore, Store, ClaimQuery};
/// let store = SqliteStore::open("claimtrail.db")?;
/// for c in store.claims(&ClaimQuery { contested: true, limit: 10, ..Default::default() })? {
///     println!("{} {} (+{} -{})", c.id, c.gist, c.asserts, c.denies);
/// }
/// # Ok::<(), claimtrail_store::Error>(())
/// ```
pub struct SqliteStore {
    conn: Connection,
    path: Option<PathBuf>,
    sigs: insert::SigCache,
    /// Opened with [`SqliteStore::open_read_only`]: every write is refused.
    read_only: bool,
    /// Which derived tables and indexes ([`derived`]) the store has.
    have: derived::Have,
}

impl std::fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStore").field("path", &self.path).finish()
    }
}

impl SqliteStore {
    /// Opens (creating or migrating) the store at `path`: WAL journal, `synchronous=NORMAL`
    /// (a committed batch survives a killed process), foreign keys on.
    pub fn open(path: impl AsRef<Path>) -> Result<SqliteStore> {
        let path = path.as_ref();
        let conn = Connection::open(path)?;
        let mut store = SqliteStore::new(conn, Some(path.to_path_buf()), false);
        store.init()?;
        Ok(store)
    }

    /// An in-memory store (tests, throwaway analyses).
    pub fn open_in_memory() -> Result<SqliteStore> {
        let conn = Connection::open_in_memory()?;
        let mut store = SqliteStore::new(conn, None, false);
        store.init()?;
        Ok(store)
    }

    /// Opens an existing store for reading only (a server's reader pool): the file is opened
    /// read-only and the connection refuses writes (`PRAGMA query_only`). In WAL mode it reads a
    /// consistent snapshot per query while another connection (the one writer,
    /// [`SqliteStore::open`]) writes. Fails if the file is not a store of this schema version.
    /// Derived tables that a writer adds at open ([`SqliteStore::open`]) may be missing in a
    /// store no writer of this version has opened yet; queries then take slower paths.
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<SqliteStore> {
        let path = path.as_ref();
        if !path.is_file() {
            return Err(Error::Database(format!("{}: no such store", path.display())));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(path, flags)?;
        register_functions(&conn)?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.set_prepared_statement_cache_capacity(128);
        conn.execute_batch(
            "PRAGMA query_only=1; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536;
             PRAGMA mmap_size=1073741824;",
        )?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        check_version(version, false)?;
        let mut store = SqliteStore::new(conn, Some(path.to_path_buf()), true);
        store.have = derived::Have::probe(&store.conn)?;
        Ok(store)
    }

    fn new(conn: Connection, path: Option<PathBuf>, read_only: bool) -> SqliteStore {
        SqliteStore { conn, path, sigs: Default::default(), read_only, have: derived::Have::default() }
    }

    /// Whether this store was opened with [`SqliteStore::open_read_only`].
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// The database file, if not in memory.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    fn init(&mut self) -> Result<()> {
        register_functions(&self.conn)?;
        let c = &self.conn;
        // Big pages pack the ~2 KB article rows (compressed text and analysis) without leaving
        // half of each page empty. Only takes effect on a new database.
        c.execute_batch("PRAGMA page_size=16384;")?;
        c.busy_timeout(std::time::Duration::from_secs(10))?;
        // Linking runs a few dozen distinct statements per record: keep them all prepared.
        c.set_prepared_statement_cache_capacity(128);
        // journal_mode returns a row; in-memory databases answer "memory".
        let _: String = c.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
        c.execute_batch(
            "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;
             PRAGMA cache_size=-262144; PRAGMA mmap_size=1073741824;
             PRAGMA wal_autocheckpoint=8192;",
        )?;
        let version: i64 = c.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        check_version(version, true)?;
        let tx = self.conn.transaction()?;
        if version == 0 {
            tx.execute_batch(SCHEMA)?;
            tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        }
        // Tables and indexes added within schema version 1 (created and filled once in an
        // older store), and the derived tables brought up to date.
        derived::ensure(&tx)?;
        derived::sync(&tx, &[])?;
        tx.commit()?;
        self.have = derived::Have::probe(&self.conn)?;
        Ok(())
    }

    fn file_bytes(&self) -> u64 {
        let Some(p) = &self.path else { return 0 };
        let mut total = 0;
        for suffix in ["", "-wal"] {
            let mut f = p.as_os_str().to_owned();
            f.push(suffix);
            total += std::fs::metadata(PathBuf::from(f)).map(|m| m.len()).unwrap_or(0);
        }
        total
    }

    /// Checks the database and both full-text indexes against their content.
    pub fn check_integrity(&self) -> Result<()> {
        let ok: String = self.conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        if ok != "ok" {
            return Err(Error::Corrupt(ok));
        }
        self.conn
            .execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')", [])
            .map_err(|e| Error::Corrupt(format!("articles_fts: {e}")))?;
        Ok(())
    }

    /// Merges the full-text index segments (after a bulk ingest: smaller and faster) and
    /// updates the query planner's statistics.
    pub fn optimize(&self) -> Result<()> {
        self.conn.execute_batch(
            "INSERT INTO articles_fts(articles_fts) VALUES ('optimize');
             PRAGMA optimize;",
        )?;
        Ok(())
    }

    /// Checkpoints the WAL into the main file (smaller files on disk; cheap to skip).
    pub fn checkpoint(&self) -> Result<()> {
        self.conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
        Ok(())
    }
}

impl Store for SqliteStore {
    fn contains(&self, content_hash: &str) -> Result<bool> {
        let mut st = self.conn.prepare_cached("SELECT 1 FROM articles WHERE content_hash = ?1")?;
        Ok(st.query_row([content_hash], |_| Ok(())).optional()?.is_some())
    }

    fn insert(&mut self, records: &[ArticleRecord]) -> Result<Vec<InsertOutcome>> {
        if self.read_only {
            return Err(Error::Invalid("the store is open read-only".into()));
        }
        let prepared = insert::prepare_all(records)?;
        let tx = self.conn.transaction()?;
        let mut out = Vec::with_capacity(records.len());
        let mut result = Ok(());
        for (i, (r, p)) in records.iter().zip(prepared).enumerate() {
            match insert::insert_one(&tx, r, p, &mut self.sigs) {
                Ok(o) => out.push(o),
                Err(e) => {
                    result = Err(match e {
                        Error::Invalid(m) => Error::Invalid(format!("record {i} ({}): {m}", r.analysis.document.id)),
                        e => e,
                    });
                    break;
                }
            }
        }
        // The derived tables (source graph) take the batch's statements.
        let result = result.and_then(|()| derived::sync(&tx, &self.sigs.names));
        self.sigs.names.clear();
        if let Err(e) = result.and_then(|()| Ok(tx.commit()?)) {
            // Rolled back (dropping the transaction): forget claims created in it.
            self.sigs.clear();
            return Err(e);
        }
        Ok(out)
    }

    fn claims(&self, query: &ClaimQuery) -> Result<Vec<ClaimSummary>> {
        query::claims(&self.conn, self.have, query)
    }

    fn claim(&self, id: i64) -> Result<Option<ClaimTrail>> {
        query::claim(&self.conn, id)
    }

    fn entity(&self, name: &str) -> Result<Vec<EntityProfile>> {
        query::entity(&self.conn, name)
    }

    fn sources(&self, query: &SourceQuery) -> Result<Vec<SourceSummary>> {
        query::sources(&self.conn, query)
    }

    fn search(&self, text: &str, limit: usize) -> Result<Vec<SearchHit>> {
        query::search(&self.conn, text, limit)
    }

    fn candidates(&self, terms: &[String], limit: usize) -> Result<Vec<Candidate>> {
        query::candidates(&self.conn, terms, limit)
    }

    fn for_each_article(&self, f: &mut dyn FnMut(StoredArticle) -> Result<()>) -> Result<()> {
        query::for_each_article(&self.conn, f)
    }

    fn source_graph(&self, max_nodes: usize) -> Result<SourceGraph> {
        query::source_graph(&self.conn, self.have, max_nodes)
    }

    fn entities(&self, query: &EntityQuery) -> Result<Vec<EntitySummary>> {
        query::entities(&self.conn, self.have, query)
    }

    fn entity_by_id(&self, id: i64) -> Result<Option<EntityProfile>> {
        query::profile(&self.conn, id)
    }

    fn articles(&self, query: &ArticleQuery) -> Result<Vec<ArticleRef>> {
        query::articles(&self.conn, self.have, query)
    }

    fn outlets(&self, limit: usize, offset: usize) -> Result<Vec<OutletSummary>> {
        query::outlets(&self.conn, limit, offset)
    }

    fn article(&self, id: i64) -> Result<Option<ArticleView>> {
        query::article(&self.conn, id)
    }

    fn stats(&self) -> Result<StoreStats> {
        let c = &self.conn;
        let count = |sql: &str| -> Result<u64> { Ok(c.query_row(sql, [], |r| r.get::<_, i64>(0))? as u64) };
        Ok(StoreStats {
            articles: count("SELECT count(*) FROM articles")?,
            wire_groups: count("SELECT count(DISTINCT copy_of) FROM articles WHERE copy_of IS NOT NULL")?,
            entities: count("SELECT count(*) FROM entities")?,
            claims: count("SELECT count(*) FROM claims")?,
            statements: count("SELECT count(*) FROM statements")?,
            text_bytes: count("SELECT value FROM meta WHERE key = 'text_bytes'")?,
            store_bytes: self.file_bytes(),
        })
    }
}

/// Accepts a store of this schema version (or, for a writer, a new empty database: 0).
fn check_version(version: i64, writer: bool) -> Result<()> {
    match version {
        SCHEMA_VERSION => Ok(()),
        0 if writer => Ok(()),
        0 => Err(Error::Database("not a claimtrail store (no schema version)".into())),
        v if v > SCHEMA_VERSION => {
            Err(Error::Database(format!("store schema version {v} is newer than this claimtrail's ({SCHEMA_VERSION})")))
        }
        v => Err(Error::Database(format!("unknown store schema version {v}"))),
    }
}

/// Registers `ct_text(blob)` (the inflated article text) and `ct_span(blob, start, end)` (the
/// characters `start..end` of it), used by the full-text content views and the quote column.
fn register_functions(conn: &Connection) -> Result<()> {
    use rusqlite::functions::FunctionFlags;
    let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC;
    conn.create_scalar_function("ct_text", 1, flags, |ctx| {
        let blob: Option<Vec<u8>> = ctx.get(0)?;
        Ok(blob.map(|b| inflate_text(&b).unwrap_or_default()))
    })?;
    conn.create_scalar_function("ct_norm", 1, flags, |ctx| {
        let s: Option<String> = ctx.get(0)?;
        Ok(s.map(|s| EN.normalize(&s)))
    })?;
    conn.create_scalar_function("ct_span", 3, flags, |ctx| {
        let blob: Option<Vec<u8>> = ctx.get(0)?;
        let (start, end): (i64, i64) = (ctx.get(1)?, ctx.get(2)?);
        let (start, end) = (u32::try_from(start).unwrap_or(0), u32::try_from(end).unwrap_or(0));
        let Some(text) = blob.and_then(|b| inflate_chars(&b, end as usize).ok()) else { return Ok(None) };
        Ok(Some(char_slice(&text, start, end).to_string()))
    })?;
    Ok(())
}

/// The characters `start..end` of `text` (as far as it goes).
pub(crate) fn char_slice(text: &str, start: u32, end: u32) -> &str {
    let mut idx = text.char_indices().map(|(i, _)| i).chain(std::iter::once(text.len()));
    let Some(s) = idx.nth(start as usize) else { return "" };
    let e = if end > start { idx.nth((end - start - 1) as usize).unwrap_or(text.len()) } else { s };
    &text[s..e]
}

pub(crate) fn deflate(bytes: &[u8]) -> Result<Vec<u8>> {
    use std::io::Write;
    let mut enc = flate2::write::DeflateEncoder::new(Vec::with_capacity(bytes.len() / 2), flate2::Compression::new(6));
    enc.write_all(bytes)?;
    Ok(enc.finish()?)
}

pub(crate) fn inflate(blob: &[u8]) -> std::io::Result<Vec<u8>> {
    inflate_until(blob, blob.len().saturating_mul(3), |_| false)
}

/// Inflates a raw deflate stream, stopping once `stop(output)` holds (checked after each chunk)
/// or at its end. Decompresses straight from the slice (no buffered reader).
fn inflate_until(blob: &[u8], chunk: usize, mut stop: impl FnMut(&[u8]) -> bool) -> std::io::Result<Vec<u8>> {
    use flate2::{Decompress, FlushDecompress, Status};
    let mut d = Decompress::new(false);
    let mut out: Vec<u8> = Vec::with_capacity(chunk.clamp(64, 1 << 20));
    loop {
        let (before_in, before_out) = (d.total_in(), d.total_out());
        let input = blob.get(before_in as usize..).unwrap_or_default();
        let status = d.decompress_vec(input, &mut out, FlushDecompress::None).map_err(std::io::Error::other)?;
        if status == Status::StreamEnd || stop(&out) {
            return Ok(out);
        }
        if out.len() == out.capacity() {
            out.reserve(out.capacity());
        } else if d.total_in() == before_in && d.total_out() == before_out {
            return Err(std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "truncated deflate stream"));
        }
    }
}

/// The first `chars` characters (at least) of a compressed text; the whole text when shorter.
pub(crate) fn inflate_chars(blob: &[u8], chars: usize) -> Result<String> {
    let mut counted = (0usize, 0usize); // (bytes seen, characters among them)
                                        // Mostly one byte per character: ask for a little more than `chars` bytes first.
    let mut bytes = inflate_until(blob, chars + chars / 8 + 64, |out| {
        counted.1 += out[counted.0..].iter().filter(|&&b| b & 0xC0 != 0x80).count();
        counted.0 = out.len();
        // One more character start than needed: the last needed character is complete.
        counted.1 > chars
    })
    .map_err(|e| Error::Corrupt(format!("article text: {e}")))?;
    // Cut an incomplete character at the end.
    while !bytes.is_empty() && std::str::from_utf8(&bytes).is_err_and(|e| e.error_len().is_none()) {
        bytes.pop();
    }
    String::from_utf8(bytes).map_err(|e| Error::Corrupt(format!("article text: {e}")))
}

pub(crate) fn inflate_text(blob: &[u8]) -> Result<String> {
    let bytes = inflate(blob).map_err(|e| Error::Corrupt(format!("article text: {e}")))?;
    String::from_utf8(bytes).map_err(|e| Error::Corrupt(format!("article text: {e}")))
}

/// Byte offsets of a text's characters: the contract's char offsets to `&str` slices.
pub(crate) struct CharOffsets(Vec<u32>);

impl CharOffsets {
    pub(crate) fn new(text: &str) -> CharOffsets {
        let mut v: Vec<u32> = text.char_indices().map(|(i, _)| i as u32).collect();
        v.push(text.len() as u32);
        CharOffsets(v)
    }

    /// The characters `start..end`, if in range.
    pub(crate) fn slice<'a>(&self, text: &'a str, start: u32, end: u32) -> Option<&'a str> {
        let s = *self.0.get(start as usize)? as usize;
        let e = *self.0.get(end as usize)? as usize;
        text.get(s..e)
    }
}

/// The analyzer of the store's normalized text: [`TextAnalyzer::normalize`] (lowercase,
/// alphanumeric words joined by single spaces, accents kept) is the key for comparing quotes,
/// source descriptions and outlet names ("A senior  official," == "a senior official").
/// Normalized values are stored, so changing it needs a schema step.
pub(crate) const EN: TextAnalyzer = TextAnalyzer::english();

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_folds_case_space_and_punctuation() {
        for (input, want) in [
            ("A senior  official,", "a senior official"),
            ("  «Utter nonsense!» ", "utter nonsense"),
            ("", ""),
            ("Łódź-city", "łódź city"),
        ] {
            assert_eq!(EN.normalize(input), want, "{input:?}");
        }
    }

    #[test]
    fn char_slices_and_partial_inflation() {
        let long: String = (0..5000).map(|i| ['a', 'é', '日', '👍', ' '][i % 5]).collect();
        let texts = ["", "plain ascii text", "Łódź «cité» 日本語 👍 end", long.as_str()];
        for text in texts {
            let n = text.chars().count() as u32;
            let blob = deflate(text.as_bytes()).unwrap();
            assert_eq!(inflate_text(&blob).unwrap(), text);
            for (start, end) in
                [(0, 0), (0, 1), (2, 7), (0, n), (n / 2, n), (n, n + 5), (n + 3, n + 9), (5, 3), (1, 4000)]
            {
                let want: String = text.chars().skip(start as usize).take(end.saturating_sub(start) as usize).collect();
                assert_eq!(char_slice(text, start, end), want, "{start}..{end} of {} chars", n);
                let prefix = inflate_chars(&blob, end as usize).unwrap();
                assert!(text.starts_with(&prefix), "a prefix");
                assert!(prefix.chars().count() >= (end as usize).min(n as usize), "long enough for {end}");
                assert_eq!(char_slice(&prefix, start, end), want, "{start}..{end} from the prefix");
            }
        }
        let blob = deflate(long.as_bytes()).unwrap();
        assert!(inflate(&blob[..blob.len() / 2]).is_err(), "a truncated stream is an error");
        assert!(inflate_chars(b"\xff\xfe garbage", 3).is_err());
    }

    #[test]
    fn opens_and_reopens_with_schema_version() {
        let dir = std::env::temp_dir().join(format!("claimtrail-store-open-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("t.db");
        let _ = std::fs::remove_file(&path);
        {
            let s = SqliteStore::open(&path).unwrap();
            let v: i64 = s.conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
            assert_eq!(v, SCHEMA_VERSION);
            let mode: String = s.conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
            assert_eq!(mode, "wal");
            let fk: i64 = s.conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0)).unwrap();
            assert_eq!(fk, 1);
        }
        let s = SqliteStore::open(&path).unwrap();
        assert_eq!(s.stats().unwrap().articles, 0);
        s.conn.pragma_update(None, "user_version", 99).unwrap();
        drop(s);
        assert!(SqliteStore::open(&path).is_err());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
