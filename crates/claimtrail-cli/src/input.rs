//! Reading articles: a thin adapter over [`claimtrail_sources`], which reads `.txt`, JSON Lines,
//! HTML pages, RSS/Atom feeds, WARC archives, directories of these and standard input.
//!
//! Every article or failure carries its [`Origin`] (path and line, entry or record offset), so a bad
//! item is reported precisely and skipped while the rest of the batch goes on.

use std::path::PathBuf;

pub use claimtrail_sources::{Article, Articles, Format, Locator, Origin, Pending, PendingArticles, Rejected, TxtMeta};

/// An input that could not be turned into an article.
pub type InputError = Rejected;

/// How to read the inputs (the `--input-format` flag).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// By extension, then by content: `.txt`, `.jsonl`/`.ndjson`, `.html`/`.htm`, `.rss`/`.atom`/`.xml`,
    /// `.warc`/`.warc.gz`; standard input is text.
    Auto,
    /// One article per file.
    Txt,
    /// One JSON object per line.
    Jsonl,
    /// An HTML page.
    Html,
    /// An RSS or Atom feed.
    Feed,
    /// A WARC archive, plain or gzipped.
    Warc,
}

impl InputFormat {
    /// The format forced on every input, if any.
    pub fn forced(self) -> Option<Format> {
        match self {
            InputFormat::Auto => None,
            InputFormat::Txt => Some(Format::Txt),
            InputFormat::Jsonl => Some(Format::Jsonl),
            InputFormat::Html => Some(Format::Html),
            InputFormat::Feed => Some(Format::Feed),
            InputFormat::Warc => Some(Format::Warc),
        }
    }
}

/// Options for reading.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Format.
    pub format: InputFormat,
    /// Metadata for `.txt` input.
    pub txt_meta: TxtMeta,
    /// Largest article accepted, in bytes.
    pub max_bytes: usize,
}

impl ReadOptions {
    fn sources(self) -> claimtrail_sources::ReadOptions {
        claimtrail_sources::ReadOptions {
            format: self.format.forced(),
            txt_meta: self.txt_meta,
            max_bytes: self.max_bytes,
        }
    }
}

/// Reads `paths` (`-` is standard input, directories are walked) as a stream of articles.
pub fn articles(paths: Vec<PathBuf>, opts: ReadOptions) -> Articles {
    claimtrail_sources::read(paths, opts.sources())
}

/// Like [`articles`], with HTML extraction left to [`Pending::resolve`] (to run on worker threads).
pub fn pending(paths: Vec<PathBuf>, opts: ReadOptions) -> PendingArticles {
    claimtrail_sources::read_pending(paths, opts.sources())
}
