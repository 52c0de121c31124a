//! `claimtrail train`: rebuild the models the pipeline embeds from the data in ../shared/data.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use claimtrail_pipeline::entities::train::{train, TrainOptions};

/// Arguments of `train`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    model: Model,
}

#[derive(Debug, clap::Subcommand)]
enum Model {
    /// The named-entity model, from CoNLL-2003 train.
    Ner {
        /// CoNLL-2003 training file.
        #[arg(long, default_value = "../shared/data/conll2003/eng.train")]
        train: PathBuf,
        /// Where to write the model.
        #[arg(long, default_value = "crates/claimtrail-pipeline/models/ner.bin")]
        out: PathBuf,
        /// Unlabeled articles (`*.txt` in this directory) that only feed the word case statistics;
        /// skipped when the directory does not exist.
        #[arg(long, default_value = "../shared/data/polnear/train/text")]
        texts: PathBuf,
        /// A CoNLL file to score after each epoch (e.g. ../shared/data/conll2003/eng.testa).
        #[arg(long)]
        dev: Option<PathBuf>,
        /// Passes over the training data.
        #[arg(long, default_value_t = TrainOptions::default().epochs)]
        epochs: usize,
        /// Seed of the document order (used as `seed | 1`).
        #[arg(long, default_value_t = TrainOptions::default().seed)]
        seed: u64,
        /// Runs over different document orders whose weights are averaged.
        #[arg(long, default_value_t = TrainOptions::default().runs)]
        runs: usize,
    },
}

/// Reads the `*.txt` files of `dir`, sorted by name (empty when `dir` does not exist).
fn read_texts(dir: &Path) -> anyhow::Result<Vec<String>> {
    if !dir.is_dir() {
        eprintln!("no text directory {}: case statistics from the training file only", dir.display());
        return Ok(Vec::new());
    }
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths.iter().map(|p| std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))).collect()
}

/// Runs `train`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.model {
        Model::Ner { train: train_path, out, texts, dev, epochs, seed, runs } => {
            let docs = claimtrail_eval::conll::read(&train_path)?;
            let docs = claimtrail_eval::conll::to_train(&docs);
            let dev = match dev {
                Some(p) => claimtrail_eval::conll::to_train(&claimtrail_eval::conll::read(&p)?),
                None => Vec::new(),
            };
            let texts = read_texts(&texts)?;
            eprintln!("{} unlabeled texts for case statistics", texts.len());
            let opts = TrainOptions { epochs, seed, runs };
            let model = train(&docs, &texts, &dev, &opts, |line| eprintln!("{line}"));
            let bytes = model.to_bytes();
            std::fs::write(&out, &bytes).with_context(|| format!("writing {}", out.display()))?;
            eprintln!("wrote {} ({} features, {} bytes)", out.display(), model.len(), bytes.len());
            Ok(ExitCode::SUCCESS)
        }
    }
}
