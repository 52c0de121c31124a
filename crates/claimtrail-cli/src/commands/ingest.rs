//! `claimtrail ingest`: stream articles into the store.
//!
//! The reader yields articles in input order; chunks of `--batch` articles are analyzed on all
//! cores (each worker stateless: text in, [`ArticleRecord`] out) and handed, in order, to the one
//! writer thread, which stores each chunk in one transaction. Analysis of the next chunk overlaps
//! with the writing of the previous one; memory stays bounded by two chunks. Because chunks are
//! stored whole and in input order, a run killed at any moment and rerun ends with the store a
//! clean run makes: stored articles are skipped by content hash, the rest follow in the same order.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::sync_channel;
use std::time::{Duration, Instant};

use anyhow::Context;
use claimtrail_core::{Date, Meta};
use claimtrail_corpus::ArticleRecord;
use claimtrail_pipeline::Pipeline;
use claimtrail_store::InsertOutcome;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use crate::db::{self, DbArg, DynStore};

/// Arguments of `ingest`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Articles: `.txt`, `.jsonl`, `.html`, RSS/Atom feeds, `.warc`/`.warc.gz`, or directories of these.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    #[command(flatten)]
    pub db: DbArg,
    /// Articles per chunk: analyzed together, stored in one transaction.
    #[arg(long, default_value_t = 256, value_parser = clap::value_parser!(u64).range(1..=100_000))]
    pub batch: u64,
    /// Analysis threads [default: all cores].
    #[arg(long)]
    pub threads: Option<usize>,
    /// Largest article accepted, in bytes.
    #[arg(long, default_value_t = 8 * 1024 * 1024)]
    pub max_bytes: usize,
    /// Publication date (YYYY-MM-DD) of `.txt` input.
    #[arg(long, value_parser = super::analyze::parse_date)]
    pub published: Option<Date>,
    /// Title of `.txt` input.
    #[arg(long)]
    pub title: Option<String>,
    /// Outlet of `.txt` input.
    #[arg(long)]
    pub outlet: Option<String>,
}

/// One article to ingest.
#[derive(Debug, Clone)]
pub(crate) struct Item {
    /// Where it came from (`path[:line|@offset|#entry]`).
    pub origin: String,
    /// Metadata.
    pub meta: Meta,
    /// Text.
    pub text: String,
    /// Non-fatal remarks about the input.
    pub warnings: Vec<String>,
}

/// An input item that could not be read or analyzed, as `origin: message`.
#[derive(Debug, Clone)]
pub(crate) struct Reject(pub String);

/// Text metadata and limits for reading.
#[derive(Debug, Clone, Default)]
pub(crate) struct ReadSettings {
    pub max_bytes: usize,
    pub published: Option<Date>,
    pub title: Option<String>,
    pub outlet: Option<String>,
}

/// Opens `paths` as a stream of items, in input order; the costly part of reading (HTML
/// extraction) is left to [`resolve`] on the workers.
fn open_inputs(paths: Vec<PathBuf>, settings: ReadSettings) -> claimtrail_sources::PendingArticles {
    use claimtrail_sources::{ReadOptions, TxtMeta};
    let opts = ReadOptions {
        format: None,
        txt_meta: TxtMeta { published: settings.published, title: settings.title, outlet: settings.outlet },
        max_bytes: settings.max_bytes,
    };
    claimtrail_sources::read_pending(paths, opts)
}

/// Turns a read item into an article (extracting HTML), with its content hash. A panic in
/// extraction costs this item only.
fn resolve(p: claimtrail_sources::Pending) -> Result<(Item, String), Reject> {
    let origin = p.origin().to_string();
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| p.resolve())) {
        Ok(Ok(a)) => {
            let item = Item { origin: a.origin.to_string(), meta: a.meta, text: a.text, warnings: a.warnings };
            let hash = content_hash(&item);
            Ok((item, hash))
        }
        Ok(Err(e)) => Err(Reject(e.to_string())),
        Err(panic) => Err(Reject(format!(
            "{origin}: internal error reading (please report): {}",
            claimtrail_corpus::panic_message(panic.as_ref())
        ))),
    }
}

/// What the reader went through besides articles.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct ReadCounts {
    /// Files opened.
    pub files: u64,
    /// Files in directories that are not articles (unknown extension, hidden, ...).
    pub skipped_files: u64,
    /// Archive records that are not articles (WARC requests, non-HTML responses).
    pub skipped_records: u64,
}

/// How to run an ingestion.
#[derive(Debug, Clone)]
pub(crate) struct Settings {
    /// Articles per chunk and transaction.
    pub batch: usize,
    /// Analysis threads (`None`: rayon's default).
    pub threads: Option<usize>,
    /// Show a progress bar on stderr.
    pub progress: bool,
    /// Print warnings about the input (an unreadable date, ...).
    pub warnings: bool,
}

/// What an ingestion did.
#[derive(Debug, Clone, Default)]
pub(crate) struct Summary {
    /// Articles newly stored.
    pub stored: u64,
    /// Of those, wire copies of an earlier article.
    pub copies: u64,
    /// Articles skipped as already stored (same content).
    pub skipped: u64,
    /// Rejected items, `origin: message`.
    pub rejected: Vec<String>,
    /// Wall time.
    pub elapsed: Duration,
    /// What the reader skipped.
    pub read: ReadCounts,
}

impl Summary {
    /// Articles seen (stored, skipped or rejected).
    pub fn seen(&self) -> u64 {
        self.stored + self.skipped + self.rejected.len() as u64
    }

    /// A short report for the terminal.
    pub fn report(&self) -> String {
        let secs = self.elapsed.as_secs_f64();
        let rate = if secs > 0.0 { self.seen() as f64 / secs } else { 0.0 };
        let noun = if self.seen() == 1 { "article" } else { "articles" };
        let mut s = format!("ingested {} {noun} in {secs:.1} s ({rate:.0} articles/s)\n", self.seen());
        s.push_str(&format!("  stored    {:>8}  ({} wire copies)\n", self.stored, self.copies));
        s.push_str(&format!("  skipped   {:>8}  (already stored)\n", self.skipped));
        s.push_str(&format!("  rejected  {:>8}\n", self.rejected.len()));
        if self.read.skipped_files + self.read.skipped_records > 0 {
            s.push_str(&format!(
                "  ({} files read; {} files and {} archive records passed over as not articles)\n",
                self.read.files, self.read.skipped_files, self.read.skipped_records
            ));
        }
        const SHOWN: usize = 20;
        for r in self.rejected.iter().take(SHOWN) {
            s.push_str(&format!("    {r}\n"));
        }
        if self.rejected.len() > SHOWN {
            s.push_str(&format!("    ... and {} more (all on stderr)\n", self.rejected.len() - SHOWN));
        }
        s
    }
}

/// Analyzes one article into its record. A panic costs this article only.
fn analyze(pipeline: &Pipeline, item: Item) -> Result<(String, ArticleRecord), Reject> {
    let Item { origin, meta, text, .. } = item;
    let id = meta.id.clone();
    match claimtrail_corpus::analyze_record(pipeline, meta, &text) {
        Ok(record) => Ok((origin, record)),
        Err(e) => Err(Reject(format!("{origin}: document {id:?}: {e}"))),
    }
}

fn progress_bar(show: bool) -> ProgressBar {
    if !show {
        return ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
    }
    let pb = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template("{spinner} {human_pos} articles  {rate}  {elapsed}")
        .unwrap_or_else(|_| ProgressStyle::default_spinner())
        .with_key("rate", |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
            let _ = write!(w, "{:.0} articles/s", state.per_sec());
        });
    pb.set_style(style);
    pb.enable_steady_tick(Duration::from_millis(200));
    pb
}

/// The content hash of an article before analysis (the pipeline keeps the text as given, and
/// [`claimtrail_corpus::build_record`] hashes id and text): a rerun skips stored articles
/// without analyzing them again.
fn content_hash(item: &Item) -> String {
    claimtrail_corpus::content_hash(&item.meta.id, &item.text)
}

/// Ingests the articles of `paths` into the store at `db`: the core of `ingest` and `demo`.
///
/// Three stages run at once: a reader thread (parsing the inputs), the analysis on the rayon pool,
/// and the single writer thread (one transaction per chunk, chunks in input order).
///
/// # Errors
/// Fatal errors only: the store cannot be opened or written. Bad items are rejected and reported.
pub(crate) fn ingest(
    paths: Vec<PathBuf>,
    read_settings: ReadSettings,
    db_path: &Path,
    settings: &Settings,
) -> anyhow::Result<Summary> {
    let store = db::open(db_path)?;
    // A second handle for the cheap "already stored?" check before analysis (SQLite in WAL mode
    // reads while the writer writes).
    let reader_store = db::open(db_path)?;
    let pool = match settings.threads {
        Some(n) if n > 0 => {
            Some(rayon::ThreadPoolBuilder::new().num_threads(n).build().context("starting analysis threads")?)
        }
        _ => None,
    };
    let batch = settings.batch.max(1);
    let (items_tx, items_rx) = sync_channel::<Vec<claimtrail_sources::Pending>>(2);
    let reader = std::thread::spawn(move || {
        let mut articles = open_inputs(paths, read_settings);
        loop {
            let chunk: Vec<_> = articles.by_ref().take(batch).collect();
            if chunk.is_empty() || items_tx.send(chunk).is_err() {
                break;
            }
        }
        let c = articles.counts();
        ReadCounts {
            files: c.files as u64,
            skipped_files: c.skipped_files as u64,
            skipped_records: c.skipped_records as u64,
        }
    });
    let mut summary = run_ingest(items_rx, store, reader_store.as_ref(), settings, pool.as_ref())?;
    // The receiver is gone: a reader still sending stops at its next chunk.
    summary.read = reader.join().unwrap_or_default();
    Ok(summary)
}

/// What the writer did.
#[derive(Debug, Default)]
struct Written {
    stored: u64,
    copies: u64,
    skipped: u64,
    rejected: Vec<String>,
}

impl Written {
    fn count(&mut self, o: &InsertOutcome) {
        match o {
            InsertOutcome::Stored { copy_of, .. } => {
                self.stored += 1;
                self.copies += u64::from(copy_of.is_some());
            }
            InsertOutcome::Duplicate { .. } => self.skipped += 1,
        }
    }
}

/// Stores one chunk in one transaction. Should the store refuse the chunk for a record it finds
/// invalid, the records go in one by one (still in order, each atomic) and the invalid ones are
/// rejected; any other store error is fatal.
fn write_chunk(
    store: &mut (dyn claimtrail_store::Store + Send),
    origins: &[String],
    records: &[ArticleRecord],
    w: &mut Written,
    pb: &ProgressBar,
) -> anyhow::Result<()> {
    match store.insert(records) {
        Ok(outcomes) => {
            outcomes.iter().for_each(|o| w.count(o));
            Ok(())
        }
        Err(claimtrail_store::Error::Invalid(_)) => {
            for (origin, record) in origins.iter().zip(records) {
                match store.insert(std::slice::from_ref(record)) {
                    Ok(outcomes) => outcomes.iter().for_each(|o| w.count(o)),
                    Err(claimtrail_store::Error::Invalid(m)) => {
                        let msg = format!(
                            "{origin}: document {:?}: internal error (please report): invalid record: {m}",
                            record.analysis.document.id
                        );
                        pb.suspend(|| eprintln!("claimtrail: rejected: {msg}"));
                        w.rejected.push(msg);
                    }
                    Err(e) => return Err(e).context("storing articles"),
                }
            }
            Ok(())
        }
        Err(e) => Err(e).context("storing articles"),
    }
}

fn run_ingest(
    chunks: std::sync::mpsc::Receiver<Vec<claimtrail_sources::Pending>>,
    mut store: DynStore,
    known: &(dyn claimtrail_store::Store + Send),
    settings: &Settings,
    pool: Option<&rayon::ThreadPool>,
) -> anyhow::Result<Summary> {
    let start = Instant::now();
    let pb = progress_bar(settings.progress);
    let pipeline = Pipeline::new();
    let mut summary = Summary::default();
    let mut prechecked = 0u64;
    // The single writer: one transaction per chunk, chunks in input order.
    let (tx, rx) = sync_channel::<(Vec<String>, Vec<ArticleRecord>)>(1);
    let writer_pb = pb.clone();
    let writer = std::thread::spawn(move || -> anyhow::Result<Written> {
        let mut w = Written::default();
        for (origins, records) in rx {
            write_chunk(store.as_mut(), &origins, &records, &mut w, &writer_pb)?;
            writer_pb.inc(records.len() as u64);
        }
        Ok(w)
    });
    let mut sent_ok = true;
    for chunk in chunks {
        // Extraction on the workers, then the cheap "already stored?" check here, in order.
        let resolved: Vec<Result<(Item, String), Reject>> = match pool {
            Some(pool) => pool.install(|| chunk.into_par_iter().map(resolve).collect()),
            None => chunk.into_par_iter().map(resolve).collect(),
        };
        let mut inputs = Vec::with_capacity(resolved.len());
        for item in resolved {
            match item {
                Ok((item, hash)) => {
                    if known.contains(&hash).context("reading the store")? {
                        prechecked += 1;
                        pb.inc(1);
                        continue;
                    }
                    for w in item.warnings.iter().filter(|_| settings.warnings) {
                        pb.suspend(|| {
                            eprintln!("claimtrail: warning: {}: document {:?}: {w}", item.origin, item.meta.id)
                        });
                    }
                    inputs.push(item);
                }
                Err(Reject(msg)) => {
                    pb.suspend(|| eprintln!("claimtrail: rejected: {msg}"));
                    pb.inc(1);
                    summary.rejected.push(msg);
                }
            }
        }
        let work = || -> Vec<Result<(String, ArticleRecord), Reject>> {
            inputs.into_par_iter().map(|item| analyze(&pipeline, item)).collect()
        };
        let results = match pool {
            Some(pool) => pool.install(work),
            None => work(),
        };
        let mut records = Vec::with_capacity(results.len());
        let mut origins = Vec::with_capacity(results.len());
        for r in results {
            match r {
                Ok((origin, rec)) => {
                    origins.push(origin);
                    records.push(rec);
                }
                Err(Reject(msg)) => {
                    pb.suspend(|| eprintln!("claimtrail: rejected: {msg}"));
                    pb.inc(1);
                    summary.rejected.push(msg);
                }
            }
        }
        if !records.is_empty() && tx.send((origins, records)).is_err() {
            // The writer stopped on an error: it is reported by join below.
            sent_ok = false;
            break;
        }
    }
    drop(tx);
    let written = writer
        .join()
        .map_err(|p| anyhow::anyhow!("store writer crashed: {}", claimtrail_corpus::panic_message(p.as_ref())))?;
    pb.finish_and_clear();
    let written = written?;
    if !sent_ok {
        anyhow::bail!("the store writer stopped early");
    }
    summary.stored = written.stored;
    summary.copies = written.copies;
    summary.skipped = written.skipped + prechecked;
    summary.rejected.extend(written.rejected);
    summary.elapsed = start.elapsed();
    Ok(summary)
}

/// Runs `ingest`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let read_settings =
        ReadSettings { max_bytes: args.max_bytes, published: args.published, title: args.title, outlet: args.outlet };
    let settings = Settings {
        batch: usize::try_from(args.batch).unwrap_or(256),
        threads: args.threads,
        progress: std::io::stderr().is_terminal(),
        warnings: true,
    };
    let summary = ingest(args.inputs, read_settings, &args.db.db, &settings)?;
    let mut out = std::io::stdout().lock();
    out.write_all(summary.report().as_bytes())?;
    out.flush()?;
    Ok(if summary.rejected.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
