//! `claimtrail bench`: throughput of the full pipeline over a JSON Lines corpus.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use claimtrail_core::contract::Analysis;
use claimtrail_pipeline::Pipeline;
use rayon::prelude::*;

use crate::input::{self, InputFormat, ReadOptions, TxtMeta};

/// Arguments of `bench`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A JSON Lines corpus (one article a line).
    pub corpus: PathBuf,
    /// Passes over the corpus.
    #[arg(long, default_value_t = 5)]
    pub passes: usize,
    /// Threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
}

/// Runs `bench`: analysis plus JSON serialization, as `analyze --format json` does.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let opts = ReadOptions { format: InputFormat::Jsonl, txt_meta: TxtMeta::default(), max_bytes: 64 << 20 };
    let articles: Vec<_> = input::articles(vec![args.corpus.clone()], opts).filter_map(Result::ok).collect();
    anyhow::ensure!(!articles.is_empty(), "no articles in {}", args.corpus.display());
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let t0 = Instant::now();
    let pipeline = Pipeline::new();
    // Force lazy model loading and measure it.
    let _ = pipeline.analyze(articles[0].meta.clone(), &articles[0].text);
    let load = t0.elapsed();
    let pool = rayon::ThreadPoolBuilder::new().num_threads(args.threads.unwrap_or(0)).build()?;
    let t = Instant::now();
    let mut out_bytes = 0usize;
    for _ in 0..args.passes {
        out_bytes += pool.install(|| {
            articles
                .par_iter()
                .map(|a| {
                    pipeline
                        .analyze(a.meta.clone(), &a.text)
                        .map(|d| serde_json::to_string(&Analysis::from_document(&d)).map_or(0, |s| s.len()))
                        .unwrap_or(0)
                })
                .sum::<usize>()
        });
    }
    let secs = t.elapsed().as_secs_f64();
    let n = (articles.len() * args.passes) as f64;
    let mb = (bytes * args.passes) as f64 / 1e6;
    println!("corpus: {} ({} articles, {:.2} MB)", args.corpus.display(), articles.len(), bytes as f64 / 1e6);
    println!("model load + first article: {:.1} ms", load.as_secs_f64() * 1e3);
    println!("threads: {}", pool.current_num_threads());
    println!("passes: {}, time: {:.3} s", args.passes, secs);
    println!("throughput: {:.0} articles/s, {:.2} MB/s (output {:.1} MB)", n / secs, mb / secs, out_bytes as f64 / 1e6);
    Ok(ExitCode::SUCCESS)
}
