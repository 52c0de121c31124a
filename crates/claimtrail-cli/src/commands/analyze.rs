//! `claimtrail analyze`: one or more articles in, their ledgers out.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use claimtrail_core::contract::Analysis;
use claimtrail_core::{render, Date};
use claimtrail_pipeline::Pipeline;
use rayon::prelude::*;

use crate::input::{self, Article, InputFormat, ReadOptions, TxtMeta};

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Readable ledger (default on a terminal).
    Text,
    /// The `claimtrail.analysis/1` contract; JSON Lines for more than one document.
    Json,
}

/// Arguments of `analyze`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Articles: `.txt` files (id = file stem), `.jsonl` files (one article a line), `.html` pages, RSS/Atom
    /// feeds, `.warc`/`.warc.gz` archives, directories of these, `-` for stdin.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Output format [default: text on a terminal, json otherwise].
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// How to read the inputs.
    #[arg(long, value_enum, default_value = "auto")]
    pub input_format: InputFormat,
    /// Publication date (YYYY-MM-DD) of `.txt` input.
    #[arg(long, value_parser = parse_date)]
    pub published: Option<Date>,
    /// Title of `.txt` input.
    #[arg(long)]
    pub title: Option<String>,
    /// Outlet of `.txt` input.
    #[arg(long)]
    pub outlet: Option<String>,
    /// Largest article accepted, in bytes.
    #[arg(long, default_value_t = 8 * 1024 * 1024)]
    pub max_bytes: usize,
    /// Language of the articles: picks the language bundle (models and word lists). Only
    /// English ("en") ships today; another tag is a clear error.
    #[arg(long, default_value = "en")]
    pub language: String,
    /// Pretty-print JSON (one document only).
    #[arg(long)]
    pub pretty: bool,
    /// Text output: show each statement's confidence and the rules behind its cue, source and
    /// stance (JSON always carries them as `confidence` and `why`).
    #[arg(long)]
    pub explain: bool,
}

pub(crate) fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s).map_err(|e| e.to_string())
}

/// What happened to one input item.
pub(crate) enum Outcome {
    Done(String),
    Failed(String),
}

pub(crate) fn analyze_one(
    pipeline: &Pipeline,
    item: Result<Article, input::Rejected>,
    format: Format,
    pretty: bool,
    explain: bool,
) -> Outcome {
    let article = match item {
        Ok(a) => a,
        Err(e) => return Outcome::Failed(e.to_string()),
    };
    for w in &article.warnings {
        eprintln!("claimtrail: warning: {}: document {:?}: {w}", article.origin, article.meta.id);
    }
    let origin = article.origin.clone();
    let id = article.meta.id.clone();
    // A bug in a stage must cost one document, never the batch: a panic is caught and reported.
    let result =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| pipeline.analyze(article.meta, &article.text)));
    let result = match result {
        Ok(r) => r,
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            return Outcome::Failed(format!("{origin}: document {id:?}: internal error (please report): {what}"));
        }
    };
    match result {
        Ok(doc) => Outcome::Done(match format {
            Format::Text => render::ledger_with(&doc, explain),
            Format::Json => {
                let a = Analysis::from_document(&doc);
                let mut s = if pretty { serde_json::to_string_pretty(&a) } else { serde_json::to_string(&a) }
                    .unwrap_or_default();
                s.push('\n');
                s
            }
        }),
        Err(e) => Outcome::Failed(format!("{origin}: document {id:?}: {e}")),
    }
}

/// Runs `analyze`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let format = args.format.unwrap_or(if std::io::stdout().is_terminal() { Format::Text } else { Format::Json });
    let opts = ReadOptions {
        format: args.input_format,
        txt_meta: TxtMeta { published: args.published, title: args.title, outlet: args.outlet },
        max_bytes: args.max_bytes,
    };
    let pipeline = Pipeline::for_language(&args.language)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    // HTML extraction is left to the workers: one thread reads, all cores extract and analyze.
    let mut articles = input::pending(args.inputs, opts);
    let (mut ok, mut failed) = (0usize, 0usize);
    // Chunks keep memory flat and output in input order while all cores work.
    const CHUNK: usize = 256;
    let mut first = true;
    loop {
        let chunk: Vec<_> = articles.by_ref().take(CHUNK).collect();
        if chunk.is_empty() {
            break;
        }
        let results: Vec<Outcome> = chunk
            .into_par_iter()
            .map(|item| analyze_one(&pipeline, item.resolve(), format, args.pretty, args.explain))
            .collect();
        for r in results {
            match r {
                Outcome::Done(s) => {
                    if format == Format::Text && !first {
                        out.write_all(b"\n")?;
                    }
                    first = false;
                    out.write_all(s.as_bytes()).context("writing output")?;
                    ok += 1;
                }
                Outcome::Failed(msg) => {
                    eprintln!("claimtrail: error: {msg}");
                    failed += 1;
                }
            }
        }
    }
    out.flush().context("writing output")?;
    if failed > 0 {
        eprintln!("claimtrail: {ok} documents analyzed, {failed} failed");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
