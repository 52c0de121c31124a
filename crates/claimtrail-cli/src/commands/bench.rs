//! `claimtrail bench`: throughput of the full pipeline over a JSON Lines corpus, and
//! `claimtrail bench store`: ingest rate, store size and query latencies of a generated corpus.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use claimtrail_core::contract::Analysis;
use claimtrail_pipeline::Pipeline;
use rayon::prelude::*;

use crate::input::{self, InputFormat, ReadOptions, TxtMeta};

/// Arguments of `bench`.
#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Args {
    /// Another benchmark.
    #[command(subcommand)]
    pub mode: Option<Mode>,
    /// A JSON Lines corpus (one article a line).
    #[arg(required = true)]
    pub corpus: Option<PathBuf>,
    /// Passes over the corpus.
    #[arg(long, default_value_t = 5)]
    pub passes: usize,
    /// Threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
}

/// Benchmarks other than the pipeline's.
#[derive(Debug, clap::Subcommand)]
pub enum Mode {
    /// Build a store from generated articles; print ingest rate, size ratio and query latencies.
    Store(store::Args),
    /// Load-test the HTTP server (in-process over a store, or --url): requests/s and latency percentiles.
    Serve(serve::Args),
}

#[path = "bench_serve.rs"]
pub mod serve;

/// xorshift64*: the benchmarks' reproducible choices (seeded).
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    /// The next 64 random bits.
    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `0..n` (0 for `n` = 0).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Runs `bench`: analysis plus JSON serialization, as `analyze --format json` does.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.mode {
        Some(Mode::Store(a)) => return store::run(a),
        Some(Mode::Serve(a)) => return serve::run(a),
        None => {}
    }
    let Some(corpus) = args.corpus.clone() else { anyhow::bail!("bench: a corpus path is required") };
    let corpus_path = corpus;
    let opts = ReadOptions { format: InputFormat::Jsonl, txt_meta: TxtMeta::default(), max_bytes: 64 << 20 };
    let articles: Vec<_> = input::articles(vec![corpus_path.clone()], opts).filter_map(Result::ok).collect();
    anyhow::ensure!(!articles.is_empty(), "no articles in {}", corpus_path.display());
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
    println!("corpus: {} ({} articles, {:.2} MB)", corpus_path.display(), articles.len(), bytes as f64 / 1e6);
    println!("model load + first article: {:.1} ms", load.as_secs_f64() * 1e3);
    println!("threads: {}", pool.current_num_threads());
    println!("passes: {}, time: {:.3} s", args.passes, secs);
    println!("throughput: {:.0} articles/s, {:.2} MB/s (output {:.1} MB)", n / secs, mb / secs, out_bytes as f64 / 1e6);
    Ok(ExitCode::SUCCESS)
}

/// `bench store`: a store of many generated articles (sentences of the shipped corpus
/// recombined by a seeded RNG, with varied ids, outlets and dates, and some wire copies),
/// built through the real pipeline and the real store.
pub mod store {
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;
    use std::time::{Duration, Instant};

    use claimtrail_core::{Date, Meta};
    use claimtrail_pipeline::Pipeline;
    use claimtrail_store::{ArticleQuery, ClaimQuery, EntityQuery, EntitySummary, SqliteStore, Store};
    use rayon::prelude::*;

    use super::Rng;

    /// Arguments of `bench store`.
    #[derive(Debug, clap::Args)]
    pub struct Args {
        /// Articles to generate and store.
        #[arg(long, default_value_t = 100_000)]
        pub articles: usize,
        /// Store file (replaced). Default: a file in the temporary directory.
        #[arg(long)]
        pub db: Option<PathBuf>,
        /// Source articles: JSON Lines files and directories of `.txt` files.
        #[arg(long, num_args = 1.., default_values = ["corpus/wikinews-meantime.jsonl", "crates/claimtrail-pipeline/tests/fixtures/articles"])]
        pub from: Vec<PathBuf>,
        /// Records per store transaction.
        #[arg(long, default_value_t = 500)]
        pub batch: usize,
        /// Threads for analysis (default: all cores).
        #[arg(long)]
        pub threads: Option<usize>,
        /// RNG seed.
        #[arg(long, default_value_t = 7)]
        pub seed: u64,
        /// Runs per query kind (the median is printed).
        #[arg(long, default_value_t = 7)]
        pub runs: usize,
        /// Only time the queries, on the existing store `--db` (not replaced; a writer opens it
        /// once to add missing derived tables, then the queries run on a read-only connection).
        #[arg(long, requires = "db")]
        pub queries_only: bool,
    }

    const OUTLETS: &[&str] = &[
        "Reuters",
        "Associated Press",
        "AFP",
        "BBC News",
        "CNN",
        "Fox News",
        "The Wall Street Journal",
        "The New York Times",
        "The Guardian",
        "RIA Novosti",
        "TASS",
        "Interfax",
        "Al Jazeera",
        "Deutsche Welle",
        "The Times",
        "Daily Courier",
        "Baltic Times",
        "Tehran Daily",
        "Anatolia Post",
        "Moscow Herald",
    ];

    /// Sentences of one source article.
    fn sentences(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for para in text.split('\n') {
            let mut start = 0;
            let b = para.as_bytes();
            for i in 0..b.len() {
                let end = matches!(b[i], b'.' | b'!' | b'?')
                    && b.get(i + 1) == Some(&b' ')
                    && b.get(i + 2).is_some_and(|c| c.is_ascii_uppercase() || *c == b'"');
                if end || i + 1 == b.len() {
                    let s = para[start..=i].trim();
                    if s.len() >= 40 && s.contains(' ') {
                        out.push(s.to_string());
                    }
                    start = i + 1;
                }
            }
        }
        out
    }

    fn load_sources(paths: &[PathBuf]) -> anyhow::Result<Vec<Vec<String>>> {
        let mut docs = Vec::new();
        for p in paths {
            if p.is_dir() {
                let mut files: Vec<PathBuf> = std::fs::read_dir(p)?
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|f| f.extension().is_some_and(|x| x == "txt"))
                    .collect();
                files.sort();
                for f in files {
                    docs.push(sentences(&std::fs::read_to_string(&f)?));
                }
            } else {
                for line in std::fs::read_to_string(p)?.lines() {
                    let v: serde_json::Value = match serde_json::from_str(line) {
                        Ok(v) => v,
                        Err(_) => continue,
                    };
                    if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
                        docs.push(sentences(t));
                    }
                }
            }
        }
        docs.retain(|d| d.len() >= 3);
        anyhow::ensure!(!docs.is_empty(), "no source articles in {paths:?}");
        Ok(docs)
    }

    /// The i-th generated article: mostly consecutive sentences of one topic article, some from
    /// others; about 3% are wire copies of a recent article under another outlet.
    fn generate(docs: &[Vec<String>], i: usize, seed: u64, recent: &[(Meta, String)]) -> (Meta, String) {
        let mut rng = Rng(seed ^ (i as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        for _ in 0..4 {
            rng.next();
        }
        let outlet = OUTLETS[rng.below(OUTLETS.len())].to_string();
        let id = format!("bench-{i:07}");
        if !recent.is_empty() && rng.below(100) < 3 {
            let (m, text) = &recent[rng.below(recent.len())];
            let meta = Meta { id, outlet: Some(outlet), url: None, ..m.clone() };
            return (meta, format!("{text}\n(Distributed by {}.)", meta_outlet(m)));
        }
        let topic = &docs[rng.below(docs.len())];
        let n = 6 + rng.below(12);
        let mut at = rng.below(topic.len());
        let mut text = String::new();
        for _ in 0..n {
            let s = if rng.below(10) < 7 {
                at = (at + 1) % topic.len();
                &topic[at]
            } else {
                let other = &docs[rng.below(docs.len())];
                &other[rng.below(other.len())]
            };
            if !text.is_empty() {
                text.push(if rng.below(4) == 0 { '\n' } else { ' ' });
            }
            text.push_str(s);
        }
        let published = Date::from_days(Date::new(2000, 1, 1).map_or(0, |d| d.to_days()) + rng.below(7000) as i64);
        let title: String = text.split(['.', '\n']).next().unwrap_or("").chars().take(90).collect();
        let meta = Meta {
            id,
            title: Some(title),
            outlet: Some(outlet),
            url: Some(format!("https://news.example/{i}")),
            published: Some(published),
            language: Some("en".to_string()),
        };
        (meta, text)
    }

    fn meta_outlet(m: &Meta) -> &str {
        m.outlet.as_deref().unwrap_or("a wire service")
    }

    fn median(mut v: Vec<Duration>) -> f64 {
        v.sort();
        v.get(v.len() / 2).map_or(0.0, |d| d.as_secs_f64() * 1e3)
    }

    fn time<T>(runs: usize, mut f: impl FnMut() -> anyhow::Result<T>) -> anyhow::Result<(f64, T)> {
        let mut times = Vec::new();
        let mut last = None;
        for _ in 0..runs.max(1) {
            let t = Instant::now();
            last = Some(f()?);
            times.push(t.elapsed());
        }
        Ok((median(times), last.expect("at least one run")))
    }

    /// CPU time of this process (user + system), from `/proc/self/stat` (Linux; clock ticks of
    /// 10 ms); zero elsewhere. The machine is shared: CPU time shows the cost of a phase when
    /// other processes take the cores.
    fn cpu_time() -> Duration {
        let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else { return Duration::ZERO };
        let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
        // `rest` starts at field 3 (state); utime and stime are fields 14 and 15.
        let f: Vec<&str> = rest.split_whitespace().collect();
        let field = |i: usize| f.get(i - 3).and_then(|x| x.parse::<u64>().ok()).unwrap_or(0);
        let ticks = field(14) + field(15);
        Duration::from_millis(ticks * 10)
    }

    /// Times each query kind (median of `runs`) and prints one line per query.
    fn time_queries(store: &SqliteStore, runs: usize) -> anyhow::Result<()> {
        let people =
            store.entities(&EntityQuery { kind: Some("person".into()), limit: 200, ..EntityQuery::default() })?;
        let (top, surname) = top_person(&people);
        let mid = people.get(people.len() / 2).map(|p| p.name.clone()).unwrap_or_else(|| top.clone());
        let prefix: String = surname.chars().take(4).collect();
        let report = |label: String, ms: f64, n: usize| println!("query {label}: {ms:.2} ms ({n} rows)");
        let q = |c: ClaimQuery| ClaimQuery { limit: 20, ..c };
        let (ms, r) = time(runs, || Ok(store.claims(&q(ClaimQuery::default()))?))?;
        report("claims".into(), ms, r.len());
        let top_claim = r.first().map(|c| c.id);
        let (ms, r) = time(runs, || Ok(store.claims(&q(ClaimQuery { contested: true, ..Default::default() }))?))?;
        report("claims --contested".into(), ms, r.len());
        let (ms, r) =
            time(runs, || Ok(store.claims(&q(ClaimQuery { about: Some(top.clone()), ..Default::default() }))?))?;
        report(format!("claims --about {top:?}"), ms, r.len());
        let (ms, r) =
            time(runs, || Ok(store.claims(&q(ClaimQuery { about: Some(mid.clone()), ..Default::default() }))?))?;
        report(format!("claims --about {mid:?}"), ms, r.len());
        let (ms, r) = time(runs, || {
            Ok(store.claims(&q(ClaimQuery {
                since: Some("2005-01-01".into()),
                until: Some("2005-12-31".into()),
                ..Default::default()
            }))?)
        })?;
        report("claims --since 2005-01-01 --until 2005-12-31".into(), ms, r.len());
        if let Some(id) = top_claim {
            let (ms, r) = time(runs, || Ok(store.claim(id)?))?;
            report(format!("claim {id}"), ms, r.map_or(0, |t| t.statements.len()));
        }
        for name in [&top, &mid, &surname, &prefix] {
            let (ms, r) = time(runs, || Ok(store.entity(name)?))?;
            let rows = r.first().map_or(0, |p| p.said.len() + p.said_about.len());
            report(format!("entity {name:?}"), ms, rows);
        }
        let (ms, r) = time(runs, || Ok(store.search("said president", 20)?))?;
        report("search \"said president\"".into(), ms, r.len());
        let terms: Vec<String> = ["minister", "talks", "agreement", "denied"].iter().map(|s| s.to_string()).collect();
        let (ms, r) = time(runs, || Ok(store.candidates(&terms, 20)?))?;
        report("candidates (4 terms, 20)".into(), ms, r.len());
        let (ms, r) =
            time(1, || Ok(store.sources(&claimtrail_store::SourceQuery { outlet: None, limit: 20, offset: 0 })?))?;
        report("sources (one run)".into(), ms, r.len());
        let (ms, r) = time(1, || Ok(store.stats()?))?;
        report("stats (one run)".into(), ms, r.articles as usize);
        time_web_queries(store, runs, &people)
    }

    /// The most mentioned person's name (a stand-in on an empty store) and surname.
    fn top_person(people: &[EntitySummary]) -> (String, String) {
        let top = people.first().map(|p| p.name.clone()).unwrap_or_else(|| "Obama".into());
        let surname = top.split_whitespace().last().unwrap_or(&top).to_string();
        (top, surname)
    }

    /// The web API's queries: the board (pages up to offset 1000), claim, article and entity
    /// pages, lists and the source network.
    fn time_web_queries(store: &SqliteStore, runs: usize, people: &[EntitySummary]) -> anyhow::Result<()> {
        let report = |label: String, ms: f64, n: usize| println!("query {label}: {ms:.2} ms ({n} rows)");
        let board = |offset: usize| ClaimQuery { contested_first: true, limit: 50, offset, ..Default::default() };
        let mut board_ids = Vec::new();
        for offset in [0, 500, 1000] {
            let (ms, r) = time(runs, || Ok(store.claims(&board(offset))?))?;
            report(format!("board offset {offset}"), ms, r.len());
            board_ids.extend(r.first().map(|c| c.id));
        }
        let stats = store.stats()?;
        let outlet = store.articles(&ArticleQuery { limit: 1, ..Default::default() })?;
        let outlet = outlet.first().and_then(|a| a.outlet.clone()).unwrap_or_else(|| "Reuters".into());
        let (ms, r) =
            time(runs, || Ok(store.claims(&ClaimQuery { outlet: Some(outlet.to_lowercase()), ..board(0) })?))?;
        report(format!("board outlet {outlet:?}"), ms, r.len());
        let (ms, r) =
            time(runs, || Ok(store.claims(&ClaimQuery { outlet: Some("No Such Outlet".into()), ..board(0) })?))?;
        report("board outlet (none)".into(), ms, r.len());
        let (top, surname) = top_person(people);
        for text in [surname.as_str(), "minister", "said president", "zzzz"] {
            let (ms, r) = time(runs, || Ok(store.claims(&ClaimQuery { text: Some(text.into()), ..board(0) })?))?;
            report(format!("board text {text:?}"), ms, r.len());
        }
        let (ms, r) =
            time(runs, || Ok(store.claims(&ClaimQuery { contested: true, about: Some(top.clone()), ..board(0) })?))?;
        report(format!("board contested about {top:?}"), ms, r.len());
        let top_cited = store.claims(&ClaimQuery { limit: 1, ..Default::default() })?;
        board_ids.extend(top_cited.first().map(|c| c.id));
        for id in board_ids {
            let (ms, r) = time(runs, || Ok(store.claim(id)?))?;
            report(format!("claim {id}"), ms, r.map_or(0, |t| t.statements.len()));
        }
        let n = stats.articles as i64;
        for id in [1, n / 2, n] {
            let (ms, r) = time(runs, || Ok(store.article(id)?))?;
            report(format!("article {id}"), ms, r.map_or(0, |a| a.analysis.attributions.len()));
        }
        let (ms, r) = time(runs, || Ok(store.articles(&ArticleQuery { limit: 50, ..Default::default() })?))?;
        report("articles".into(), ms, r.len());
        let (ms, r) = time(runs, || {
            Ok(store.articles(&ArticleQuery { outlet: Some(outlet.clone()), limit: 50, offset: 1000 })?)
        })?;
        report(format!("articles outlet {outlet:?} offset 1000"), ms, r.len());
        let prefix: String = surname.chars().take(3).collect();
        for name in [top.as_str(), surname.as_str(), prefix.as_str(), "a", "zzzz"] {
            let q = EntityQuery { name: Some(name.into()), limit: 50, ..Default::default() };
            let (ms, r) = time(runs, || Ok(store.entities(&q)?))?;
            report(format!("entities {name:?}"), ms, r.len());
        }
        let (ms, r) = time(runs, || {
            Ok(store.entities(&EntityQuery {
                kind: Some("person".into()),
                limit: 50,
                offset: 100,
                ..Default::default()
            })?)
        })?;
        report("entities kind person offset 100".into(), ms, r.len());
        if let Some(p) = people.first() {
            let (ms, r) = time(runs, || Ok(store.entity_by_id(p.id)?))?;
            report(format!("entity_by_id {}", p.id), ms, r.map_or(0, |p| p.said.len() + p.said_about.len()));
        }
        for max in [150, 2000, 0] {
            let (ms, r) = time(runs, || Ok(store.source_graph(max)?))?;
            report(format!("source_graph({max})"), ms, r.nodes.len() + r.edges.len());
        }
        Ok(())
    }

    fn remove_store(path: &Path) {
        for suffix in ["", "-wal", "-shm"] {
            let mut p = path.as_os_str().to_owned();
            p.push(suffix);
            let _ = std::fs::remove_file(PathBuf::from(p));
        }
    }

    /// Runs `bench store`.
    pub fn run(args: Args) -> anyhow::Result<ExitCode> {
        let db = args.db.clone().unwrap_or_else(|| std::env::temp_dir().join("claimtrail-bench-store.db"));
        if args.queries_only {
            let t = Instant::now();
            drop(SqliteStore::open(&db)?);
            println!("store: {} (writer open: {:.0} ms)", db.display(), t.elapsed().as_secs_f64() * 1e3);
            let store = SqliteStore::open_read_only(&db)?;
            let stats = store.stats()?;
            println!(
                "store: {} articles, {} entities, {} claims, {} statements",
                stats.articles, stats.entities, stats.claims, stats.statements
            );
            time_queries(&store, args.runs)?;
            return Ok(ExitCode::SUCCESS);
        }
        let docs = load_sources(&args.from)?;
        remove_store(&db);
        let mut store = SqliteStore::open(&db)?;
        let pipeline = Pipeline::new();
        let _ = pipeline.analyze(Meta { id: "warmup".into(), ..Meta::default() }, "Warm up said the model.");
        let pool = rayon::ThreadPoolBuilder::new().num_threads(args.threads.unwrap_or(0)).build()?;
        println!("sources: {} articles, {} sentences", docs.len(), docs.iter().map(Vec::len).sum::<usize>());
        println!("store: {}, threads: {}", db.display(), pool.current_num_threads());

        let chunk = 2000.max(args.batch);
        let (mut analysis, mut insert) = (Duration::ZERO, Duration::ZERO);
        let (mut analysis_cpu, mut insert_cpu) = (Duration::ZERO, Duration::ZERO);
        let (mut stored, mut copies, mut failed, mut text_bytes) = (0usize, 0usize, 0usize, 0usize);
        let mut recent: Vec<(Meta, String)> = Vec::new();
        let t_all = Instant::now();
        let mut i = 0;
        while i < args.articles {
            let n = chunk.min(args.articles - i);
            let mut input = Vec::with_capacity(n);
            for k in i..i + n {
                let a = generate(&docs, k, args.seed, &recent);
                if recent.len() < 64 {
                    recent.push(a.clone());
                } else {
                    recent[k % 64] = a.clone();
                }
                input.push(a);
            }
            text_bytes += input.iter().map(|a| a.1.len()).sum::<usize>();
            let t = Instant::now();
            let c = cpu_time();
            let records: Vec<_> = pool.install(|| {
                input
                    .par_iter()
                    .filter_map(|(meta, text)| pipeline.analyze(meta.clone(), text).ok())
                    .map(|d| claimtrail_corpus::build_record(&d))
                    .collect()
            });
            analysis += t.elapsed();
            analysis_cpu += cpu_time().saturating_sub(c);
            failed += n - records.len();
            let t = Instant::now();
            let c = cpu_time();
            for batch in records.chunks(args.batch.max(1)) {
                for o in store.insert(batch)? {
                    if let claimtrail_store::InsertOutcome::Stored { copy_of, .. } = o {
                        stored += 1;
                        copies += copy_of.is_some() as usize;
                    }
                }
            }
            insert += t.elapsed();
            insert_cpu += cpu_time().saturating_sub(c);
            i += n;
            eprint!("\r{i}/{} articles", args.articles);
        }
        eprintln!();
        let wall = t_all.elapsed();
        store.checkpoint()?;
        let stats = store.stats()?;
        let rate = |n: usize, d: Duration| n as f64 / d.as_secs_f64().max(1e-9);
        println!(
            "articles: {} generated ({:.1} MB), {stored} stored ({copies} wire copies), {failed} not analyzed",
            args.articles,
            text_bytes as f64 / 1e6
        );
        println!(
            "store: {} entities, {} claims, {} statements, {} wire groups",
            stats.entities, stats.claims, stats.statements, stats.wire_groups
        );
        println!(
            "analysis: {:.0} articles/s ({:.1} s wall; {:.0} articles per CPU-second)",
            rate(args.articles, analysis),
            analysis.as_secs_f64(),
            rate(args.articles, analysis_cpu)
        );
        println!(
            "insert: {:.0} records/s ({:.1} s wall; {:.0} records per CPU-second)",
            rate(stored, insert),
            insert.as_secs_f64(),
            rate(stored, insert_cpu)
        );
        println!("end to end (analysis then insert, not overlapped): {:.0} articles/s", rate(args.articles, wall));
        println!(
            "size: text {:.1} MB, store {:.1} MB, ratio {:.2}",
            stats.text_bytes as f64 / 1e6,
            stats.store_bytes as f64 / 1e6,
            stats.store_bytes as f64 / stats.text_bytes.max(1) as f64
        );

        time_queries(&store, args.runs)?;
        Ok(ExitCode::SUCCESS)
    }
}
