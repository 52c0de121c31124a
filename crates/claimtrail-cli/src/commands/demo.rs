//! `claimtrail demo`: a store from the bundled corpus (the seed article and the Wikinews
//! articles), its summary and its contested claims.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use claimtrail_core::Date;
use claimtrail_store::ClaimQuery;

use super::ingest::{self, ReadSettings, Settings};
use super::query::claims_table;
use crate::db;

/// The canonical example article of the design notes (published 2015-10-07).
const SEED: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/seed.txt"));
/// Wikinews articles (CC BY 4.0) from the MEANTIME corpus, one JSON article a line.
const WIKINEWS: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/wikinews-meantime.jsonl"));
/// Publication date of the seed article.
const SEED_PUBLISHED: &str = "2015-10-07";

/// Arguments of `demo`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Keep the store in this file [default: a temporary file, removed afterwards].
    #[arg(long)]
    pub db: Option<PathBuf>,
    /// How many claims to show.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
}

/// Removes a temporary directory on drop.
struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs `demo`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
    let tmp = TempDir(std::env::temp_dir().join(format!("claimtrail-demo-{}-{nanos}", std::process::id())));
    std::fs::create_dir_all(&tmp.0).with_context(|| format!("cannot create {}", tmp.0.display()))?;
    let seed = tmp.0.join("seed.txt");
    let wikinews = tmp.0.join("wikinews-meantime.jsonl");
    std::fs::write(&seed, SEED).context("writing the bundled corpus")?;
    std::fs::write(&wikinews, WIKINEWS).context("writing the bundled corpus")?;
    let db_path = args.db.clone().unwrap_or_else(|| tmp.0.join("demo.db"));

    let read_settings = ReadSettings {
        max_bytes: 8 * 1024 * 1024,
        published: Date::parse(SEED_PUBLISHED).ok(),
        ..ReadSettings::default()
    };
    // The bundled data is known; its warnings (one odd date) would only be noise here.
    let settings = Settings { batch: 64, threads: None, progress: std::io::stderr().is_terminal(), warnings: false };
    let summary = ingest::ingest(vec![seed, wikinews], read_settings, &db_path, &settings)?;
    let store = db::open(&db_path)?;
    let stats = store.stats()?;
    let contested = store.claims(&ClaimQuery { contested: true, limit: args.limit, ..ClaimQuery::default() })?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    writeln!(out, "claimtrail demo: the seed article and {} Wikinews articles", WIKINEWS.lines().count())?;
    out.write_all(summary.report().as_bytes())?;
    writeln!(out)?;
    writeln!(
        out,
        "store: {} articles ({} wire groups), {} entities, {} claims, {} statements; {:.1} MB text, {:.1} MB store",
        stats.articles,
        stats.wire_groups,
        stats.entities,
        stats.claims,
        stats.statements,
        stats.text_bytes as f64 / 1e6,
        stats.store_bytes as f64 / 1e6
    )?;
    writeln!(out)?;
    if contested.is_empty() {
        let top = store.claims(&ClaimQuery { limit: args.limit, ..ClaimQuery::default() })?;
        writeln!(out, "no contested claims; the most cited claims:")?;
        out.write_all(claims_table(&top).as_bytes())?;
    } else {
        writeln!(out, "contested claims (asserted by some sources, denied by others):")?;
        out.write_all(claims_table(&contested).as_bytes())?;
    }
    if let Some(p) = &args.db {
        writeln!(out)?;
        writeln!(out, "explore it: claimtrail claims --db {0} | claimtrail claim ID --db {0}", p.display())?;
        writeln!(out, "            claimtrail check \"Soleimani visited Moscow\" --db {}", p.display())?;
        writeln!(out, "browse it:  claimtrail serve --db {}   (then open http://127.0.0.1:8080/)", p.display())?;
    }
    out.flush()?;
    drop(store);
    Ok(if summary.rejected.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
