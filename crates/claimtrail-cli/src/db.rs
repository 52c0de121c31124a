//! The `--db FILE` option shared by `ingest`, the queries, `check` and `export`.

use std::path::{Path, PathBuf};

use anyhow::Context;
use claimtrail_store::Store;

/// A store behind the narrow interface: SQLite today, a server database later.
pub type DynStore = Box<dyn Store + Send>;

/// Default store file, in the current directory.
pub const DEFAULT_DB: &str = "claimtrail.db";

/// The store to use.
#[derive(Debug, Clone, clap::Args)]
pub struct DbArg {
    /// Store file (SQLite).
    #[arg(long, default_value = DEFAULT_DB)]
    pub db: PathBuf,
}

/// Opens an existing store for queries: a missing file is an error, never a new empty store.
///
/// # Errors
/// The file does not exist or is not a claimtrail store.
pub fn open_existing(path: &Path) -> anyhow::Result<DynStore> {
    if !path.is_file() {
        anyhow::bail!(
            "no store at {} (build one with `claimtrail ingest PATH... --db {}`, or try `claimtrail demo`)",
            path.display(),
            path.display()
        );
    }
    open(path)
}

/// Opens a store, creating it when missing.
///
/// # Errors
/// The file cannot be created or opened as a store.
pub fn open(path: &Path) -> anyhow::Result<DynStore> {
    let store =
        claimtrail_store::SqliteStore::open(path).with_context(|| format!("cannot open store {}", path.display()))?;
    Ok(Box::new(store))
}
