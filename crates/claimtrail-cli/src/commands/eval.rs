//! `claimtrail eval`: score the pipeline against gold data sets.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use claimtrail_pipeline::Pipeline;

/// Arguments of `eval`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    set: Set,
    /// Print the report as JSON.
    #[arg(long, global = true)]
    json: bool,
}

#[derive(Debug, clap::Subcommand)]
enum Set {
    /// PolNeAR attributions: a directory with `text/` and `attributions/` (brat standoff).
    Polnear {
        /// The split directory, e.g. ../shared/data/polnear/dev.
        dir: PathBuf,
    },
    /// CoNLL-2003 NER: a file in CoNLL format, e.g. ../shared/data/conll2003/eng.testa.
    Conll {
        /// The file.
        file: PathBuf,
    },
    /// Universal Dependencies POS tags (UPOS accuracy with gold tokenization): a CoNLL-U file,
    /// e.g. ../shared/data/ud-english-ewt/dev.conllu.
    Ud {
        /// The file.
        file: PathBuf,
    },
    /// TimeML TIMEX3: a directory of `.tml` files (searched recursively), or a `.jsonl` corpus with `timexes`.
    Timeml {
        /// The directory or file.
        path: PathBuf,
    },
    /// FNC-1 claim matching: `check HEADLINE` over BM25 candidates of all bodies; a directory with
    /// `train_stances.csv` and `train_bodies.csv`, e.g. ../shared/data/fnc1.
    Fnc1 {
        /// The directory.
        dir: PathBuf,
        /// Leave the learned models out: rule stance and a fixed similarity threshold (ablation).
        #[arg(long)]
        no_models: bool,
        /// Keep matches whose related probability (similarity without models) reaches this.
        #[arg(long)]
        threshold: Option<f32>,
    },
    /// Hand-annotated ledgers of FNC-1 dev bodies (statements with speaker, stance and via;
    /// statements that must not appear; disputes): a directory with `train_bodies.csv`, e.g.
    /// ../shared/data/fnc1. Set CLAIMTRAIL_LEDGER_ERRORS=FILE to list every verdict.
    Ledgers {
        /// The FNC-1 directory.
        dir: PathBuf,
        /// Ledgers to score instead of the shipped `crates/claimtrail-eval/ledgers/fnc1-dev.jsonl`.
        #[arg(long)]
        ledgers: Option<PathBuf>,
        /// Score these analyses (contract JSON Lines, document id = body id) instead of running
        /// the pipeline: another version's or another system's output.
        #[arg(long)]
        analyses: Option<PathBuf>,
    },
}

/// Runs `eval`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let pipeline = Pipeline::new();
    let report = match args.set {
        Set::Polnear { dir } => claimtrail_eval::polnear::evaluate(&pipeline, &dir)?,
        Set::Conll { file } => claimtrail_eval::conll::evaluate(&pipeline, &file)?,
        Set::Ud { file } => claimtrail_eval::ud::evaluate(&pipeline, &file)?,
        Set::Timeml { path } => claimtrail_eval::timeml::evaluate(&pipeline, &path)?,
        Set::Fnc1 { dir, no_models, threshold } => return fnc1(&pipeline, &dir, no_models, threshold, args.json),
        Set::Ledgers { dir, ledgers, analyses } => {
            let ls = claimtrail_eval::ledgers::load(ledgers.as_deref())?;
            let report = match analyses {
                Some(p) => {
                    let text = claimtrail_eval::read(&p)?;
                    claimtrail_eval::ledgers::evaluate_analyses(&ls, &text, &p.display().to_string())?
                }
                None => claimtrail_eval::ledgers::evaluate(&pipeline, &ls, &dir)?,
            };
            let mut out = std::io::stdout().lock();
            if args.json {
                writeln!(out, "{}", serde_json::to_string_pretty(&report)?)?;
            } else {
                write!(out, "{report}")?;
            }
            return Ok(ExitCode::SUCCESS);
        }
    };
    // write! rather than print!: a closed pipe becomes an error that main turns into exit 0.
    let mut out = std::io::stdout().lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&report)?)?;
    } else {
        write!(out, "{report}")?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `eval fnc1`: its own report (found rates and stances, not precision/recall).
fn fnc1(
    pipeline: &Pipeline,
    dir: &std::path::Path,
    no_models: bool,
    threshold: Option<f32>,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let mut matcher = if no_models {
        let idf = claimtrail_check::idf::Idf::parse(claimtrail_check::idf::SHIPPED);
        claimtrail_check::Matcher::with_tables(idf, "")
    } else {
        claimtrail_check::Matcher::new()
    };
    if let Some(t) = threshold {
        matcher = matcher.with_threshold(t);
    }
    let report = claimtrail_eval::fnc1::evaluate(pipeline, &matcher, dir)?;
    let mut out = std::io::stdout().lock();
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&report)?)?;
    } else {
        write!(out, "{report}")?;
    }
    Ok(ExitCode::SUCCESS)
}
