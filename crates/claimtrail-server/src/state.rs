//! [`AppState`]: the store connections and the analysis pipeline shared by all requests.
//!
//! SQLite in WAL mode: one read-write connection (the writer, behind a mutex, used by ingest
//! only) and a pool of read-only connections. A read checks a connection out of the pool and
//! runs on tokio's blocking threads, so a long query never stalls the event loop and reads go
//! on while the writer holds its transaction.

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use axum::body::Bytes;

use claimtrail_check::Matcher;
use claimtrail_pipeline::Pipeline;
use claimtrail_store::SqliteStore;
use tokio::sync::Semaphore;

use crate::error::{ApiError, Error};

/// Shared server state (cheap to clone).
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    readers: Arc<Mutex<Vec<SqliteStore>>>,
    permits: Arc<Semaphore>,
    writer: Arc<Mutex<SqliteStore>>,
    pipeline: Arc<Pipeline>,
    analyses: Arc<Semaphore>,
    matcher: Arc<Matcher>,
    ingest_token: Option<String>,
    cache: Mutex<HashMap<String, Cached>>,
    generation: AtomicU64,
}

/// A cached answer of a costly aggregate (the source list and graph).
struct Cached {
    at: Instant,
    generation: u64,
    body: Bytes,
}

/// How long a cached aggregate is served (bounds staleness after writes by other processes;
/// this server's own ingests drop the cache at once).
const CACHE_TTL: Duration = Duration::from_secs(30);
/// Most cached answers kept.
const CACHE_ENTRIES: usize = 256;

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState").field("ingest", &self.inner.ingest_token.is_some()).finish_non_exhaustive()
    }
}

/// Gives the connection back to the pool when dropped (also when the query panicked).
struct Lease {
    store: Option<SqliteStore>,
    pool: Arc<Mutex<Vec<SqliteStore>>>,
}

impl Drop for Lease {
    fn drop(&mut self) {
        if let Some(s) = self.store.take() {
            self.pool.lock().unwrap_or_else(PoisonError::into_inner).push(s);
        }
    }
}

impl AppState {
    /// Opens the store at `db` (which must exist): the writer first (it sets up WAL), then
    /// `readers` read-only connections (at least one). With `ingest_token`, `POST
    /// /api/v1/articles` is enabled for requests that carry it.
    ///
    /// # Errors
    /// The file is missing or is not a claimtrail store.
    pub fn open(db: &Path, ingest_token: Option<String>, readers: usize) -> Result<AppState, Error> {
        if !db.is_file() {
            return Err(Error::NoStore(db.to_path_buf()));
        }
        let wrap = |source| Error::Store { path: db.to_path_buf(), source };
        let writer = SqliteStore::open(db).map_err(wrap)?;
        let n = readers.max(1);
        let mut pool = Vec::with_capacity(n);
        for _ in 0..n {
            pool.push(open_reader(db).map_err(wrap)?);
        }
        Ok(AppState {
            inner: Arc::new(Inner {
                readers: Arc::new(Mutex::new(pool)),
                permits: Arc::new(Semaphore::new(n)),
                writer: Arc::new(Mutex::new(writer)),
                pipeline: Arc::new(Pipeline::new()),
                analyses: Arc::new(Semaphore::new(std::thread::available_parallelism().map_or(2, |n| n.get()))),
                matcher: Arc::new(Matcher::new()),
                ingest_token: ingest_token.filter(|t| !t.is_empty()),
                cache: Mutex::new(HashMap::new()),
                generation: AtomicU64::new(0),
            }),
        })
    }

    /// Runs `f` on a pooled read-only connection, on a blocking thread.
    pub(crate) async fn read<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&SqliteStore, &Matcher) -> Result<T, ApiError> + Send + 'static,
    {
        let permit = self.inner.permits.clone().acquire_owned().await.map_err(ApiError::internal)?;
        let pool = self.inner.readers.clone();
        let matcher = self.inner.matcher.clone();
        let job = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let store = pool.lock().unwrap_or_else(PoisonError::into_inner).pop();
            let lease = Lease { store, pool };
            match &lease.store {
                Some(s) => f(s, &matcher),
                None => Err(ApiError::internal("reader pool empty")),
            }
        });
        job.await.map_err(|e| ApiError::internal(format!("query failed: {e}")))?
    }

    /// Runs `f` on the read-write connection, on a blocking thread (one writer at a time).
    pub(crate) async fn write<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut SqliteStore) -> Result<T, ApiError> + Send + 'static,
    {
        let writer = self.inner.writer.clone();
        let job = tokio::task::spawn_blocking(move || {
            // A panic while holding the lock left no transaction open (rusqlite rolls back on
            // drop): the connection is still sound.
            let mut store = writer.lock().unwrap_or_else(PoisonError::into_inner);
            f(&mut store)
        });
        job.await.map_err(|e| ApiError::internal(format!("write failed: {e}")))?
    }

    /// The analysis pipeline (for ingest).
    pub(crate) fn pipeline(&self) -> Arc<Pipeline> {
        self.inner.pipeline.clone()
    }

    /// A turn to analyze an article (at most one analysis per core at a time).
    pub(crate) async fn analysis_slot(&self) -> Result<tokio::sync::OwnedSemaphorePermit, ApiError> {
        self.inner.analyses.clone().acquire_owned().await.map_err(ApiError::internal)
    }

    /// The current write generation (bumped by every article this server stores).
    pub(crate) fn generation(&self) -> u64 {
        self.inner.generation.load(Ordering::Acquire)
    }

    /// Marks the cached aggregates stale.
    pub(crate) fn bump_generation(&self) {
        self.inner.generation.fetch_add(1, Ordering::AcqRel);
    }

    /// A fresh cached answer for `key`.
    pub(crate) fn cached(&self, key: &str) -> Option<Bytes> {
        let cache = self.inner.cache.lock().unwrap_or_else(PoisonError::into_inner);
        let c = cache.get(key)?;
        (c.generation == self.generation() && c.at.elapsed() < CACHE_TTL).then(|| c.body.clone())
    }

    /// Keeps an answer computed at write generation `generation`.
    pub(crate) fn remember(&self, key: String, generation: u64, body: Bytes) {
        let mut cache = self.inner.cache.lock().unwrap_or_else(PoisonError::into_inner);
        if cache.len() >= CACHE_ENTRIES {
            cache.retain(|_, c| c.generation == generation && c.at.elapsed() < CACHE_TTL);
            if cache.len() >= CACHE_ENTRIES {
                cache.clear();
            }
        }
        cache.insert(key, Cached { at: Instant::now(), generation, body });
    }

    /// The ingest token, when ingest is enabled.
    pub(crate) fn ingest_token(&self) -> Option<&str> {
        self.inner.ingest_token.as_deref()
    }

    /// The writer connection's lock, for tests that hold it to show reads go on.
    #[doc(hidden)]
    pub fn writer_for_tests(&self) -> Arc<Mutex<SqliteStore>> {
        self.inner.writer.clone()
    }
}

/// A read-only connection.
fn open_reader(db: &Path) -> claimtrail_store::Result<SqliteStore> {
    SqliteStore::open_read_only(db)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_answers_until_a_write() {
        let dir = std::env::temp_dir().join(format!("claimtrail-server-state-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let db = dir.join("s.db");
        drop(SqliteStore::open(&db).unwrap());
        let state = AppState::open(&db, None, 0).unwrap();
        assert!(state.cached("k").is_none());
        let g = state.generation();
        state.remember("k".into(), g, Bytes::from_static(b"1"));
        assert_eq!(state.cached("k").as_deref(), Some(&b"1"[..]));
        state.bump_generation();
        assert!(state.cached("k").is_none(), "stale after a write");
        // An answer computed before the write is never served after it.
        state.remember("k".into(), g, Bytes::from_static(b"old"));
        assert!(state.cached("k").is_none());
        for i in 0..CACHE_ENTRIES + 5 {
            state.remember(format!("k{i}"), state.generation(), Bytes::new());
        }
        assert!(state.inner.cache.lock().unwrap().len() <= CACHE_ENTRIES);
        drop(state);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
