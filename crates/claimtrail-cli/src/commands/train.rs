//! `claimtrail train`: rebuild the models the pipeline embeds from the data in ../shared/data.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use claimtrail_pipeline::entities::train::{train, TrainOptions};
use claimtrail_pipeline::pos::train::TrainOptions as PosOptions;

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
    /// The part-of-speech model (UPOS), from UD English EWT train.
    Pos {
        /// CoNLL-U training file.
        #[arg(long, default_value = "../shared/data/ud-english-ewt/train.conllu")]
        train: PathBuf,
        /// Where to write the model.
        #[arg(long, default_value = "crates/claimtrail-pipeline/models/pos.bin")]
        out: PathBuf,
        /// Unlabeled articles (`*.txt` in this directory) that only feed the word case statistics;
        /// skipped when the directory does not exist.
        #[arg(long, default_value = "../shared/data/polnear/train/text")]
        texts: PathBuf,
        /// A CoNLL-U file to score after each epoch (e.g. ../shared/data/ud-english-ewt/dev.conllu).
        #[arg(long)]
        dev: Option<PathBuf>,
        /// Passes over the training data.
        #[arg(long, default_value_t = PosOptions::default().epochs)]
        epochs: usize,
        /// Seed of the sentence order (used as `seed | 1`).
        #[arg(long, default_value_t = PosOptions::default().seed)]
        seed: u64,
        /// Runs over different sentence orders whose weights are averaged.
        #[arg(long, default_value_t = PosOptions::default().runs)]
        runs: usize,
        /// Drop feature rows whose quantized weights (of 32767) all stay below this.
        #[arg(long, default_value_t = PosOptions::default().prune)]
        prune: u16,
        /// Drop features seen fewer times than this in the training data.
        #[arg(long, default_value_t = PosOptions::default().min_count)]
        min_count: u32,
        /// Words seen at least this often with one tag (in --dict-share of cases) get it without scoring.
        #[arg(long, default_value_t = PosOptions::default().dict_min)]
        dict_min: u32,
        /// See --dict-min.
        #[arg(long, default_value_t = PosOptions::default().dict_share)]
        dict_share: f64,
    },
    /// The claim-matching models of `check`: a document-frequency table from general news
    /// (CoNLL-2003 train, PolNeAR train texts, the Wikinews corpus), then the `related` and
    /// `stance` models from FNC-1 train pairs whose body id is not a multiple of 5.
    Check {
        /// FNC-1 directory (`train_stances.csv`, `train_bodies.csv`).
        #[arg(long, default_value = "../shared/data/fnc1")]
        fnc1: PathBuf,
        /// CoNLL-2003 file whose documents count for document frequencies.
        #[arg(long, default_value = "../shared/data/conll2003/eng.train")]
        conll: PathBuf,
        /// Directory of `*.txt` articles that count for document frequencies.
        #[arg(long, default_value = "../shared/data/polnear/train/text")]
        texts: PathBuf,
        /// JSON Lines corpus (`text` field) that counts for document frequencies.
        #[arg(long, default_value = "../shared/corpus/wikinews-meantime.jsonl")]
        wikinews: PathBuf,
        /// Directory to write `df.tsv` and `check.model` into.
        #[arg(long, default_value = "crates/claimtrail-check/models")]
        out: PathBuf,
        /// Gradient steps of each model.
        #[arg(long, default_value_t = claimtrail_check::model::TrainOptions::default().iterations)]
        iterations: usize,
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

/// Texts of a CoNLL file (one per document), a text directory and a JSON Lines corpus; missing
/// inputs are reported and skipped.
fn df_texts(conll: &Path, texts: &Path, jsonl: &Path) -> anyhow::Result<Vec<String>> {
    let mut out = Vec::new();
    if conll.is_file() {
        for d in claimtrail_eval::conll::read(conll)? {
            let words: Vec<&str> = d.sentences.iter().flat_map(|s| s.words.iter().map(String::as_str)).collect();
            out.push(words.join(" "));
        }
    } else {
        eprintln!("no CoNLL file {}", conll.display());
    }
    out.extend(read_texts(texts)?);
    if jsonl.is_file() {
        let text = std::fs::read_to_string(jsonl).with_context(|| format!("reading {}", jsonl.display()))?;
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value =
                serde_json::from_str(line).with_context(|| format!("parsing a line of {}", jsonl.display()))?;
            if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
                out.push(t.to_string());
            }
        }
    } else {
        eprintln!("no corpus {}", jsonl.display());
    }
    Ok(out)
}

/// Rebuilds `df.tsv` and `check.model` (see [`Model::Check`]).
fn train_check(
    fnc1: &Path,
    conll: &Path,
    texts: &Path,
    wikinews: &Path,
    out: &Path,
    iterations: usize,
) -> anyhow::Result<()> {
    use claimtrail_check::model::{LinearModel, TrainOptions};
    use claimtrail_check::stance::{RELATED_FEATURES, STANCE_FEATURES};
    use claimtrail_eval::fnc1;

    let docs = df_texts(conll, texts, wikinews)?;
    let table = claimtrail_check::idf::build_table(docs.iter().map(String::as_str), 2);
    let df_path = out.join("df.tsv");
    std::fs::write(&df_path, &table).with_context(|| format!("writing {}", df_path.display()))?;
    eprintln!("wrote {} ({} documents, {} words)", df_path.display(), docs.len(), table.lines().count() - 2);

    let matcher = claimtrail_check::Matcher::with_tables(claimtrail_check::idf::Idf::parse(&table), "");
    let data = fnc1::load(fnc1)?;
    let pipeline = claimtrail_pipeline::Pipeline::new();
    let analyses = fnc1::analyze_bodies(&pipeline, &data);
    let ex = fnc1::examples(&matcher, &data, &analyses, |b| !fnc1::held_out(b));
    eprintln!("{} related examples, {} stance examples", ex.related_x.len(), ex.stance_x.len());
    let opts = TrainOptions { iterations, ..TrainOptions::default() };
    let related = LinearModel::train("related", RELATED_FEATURES, 2, &ex.related_x, &ex.related_y, &opts);
    let stance = LinearModel::train("stance", STANCE_FEATURES, 3, &ex.stance_x, &ex.stance_y, &opts);
    for (name, m, xs, ys, classes) in [
        ("related", &related, &ex.related_x, &ex.related_y, &["unrelated", "related"][..]),
        ("stance", &stance, &ex.stance_x, &ex.stance_y, &["agree", "disagree", "discuss"][..]),
    ] {
        let mut right = vec![0usize; classes.len()];
        let mut total = vec![0usize; classes.len()];
        for (x, &y) in xs.iter().zip(ys.iter()) {
            total[y] += 1;
            right[y] += usize::from(m.predict(x) == y);
        }
        let per: Vec<String> =
            classes.iter().enumerate().map(|(i, c)| format!("{c} {}/{}", right[i], total[i])).collect();
        eprintln!("{name} on its training pairs: {}", per.join(", "));
    }
    let model_path = out.join("check.model");
    let text = format!(
        "# claimtrail-check models, written by `claimtrail train check`\n\
         # trained on FNC-1 train pairs whose body id is not a multiple of 5 ({} related, {} stance examples)\n{}{}",
        ex.related_x.len(),
        ex.stance_x.len(),
        related.to_text(),
        stance.to_text()
    );
    std::fs::write(&model_path, text).with_context(|| format!("writing {}", model_path.display()))?;
    eprintln!("wrote {}", model_path.display());
    Ok(())
}

/// Runs `train`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.model {
        Model::Check { fnc1, conll, texts, wikinews, out, iterations } => {
            train_check(&fnc1, &conll, &texts, &wikinews, &out, iterations)?;
            Ok(ExitCode::SUCCESS)
        }
        Model::Pos {
            train: train_path,
            out,
            texts,
            dev,
            epochs,
            seed,
            runs,
            prune,
            min_count,
            dict_min,
            dict_share,
        } => {
            let sents = claimtrail_eval::ud::read(&train_path)?;
            let dev = match dev {
                Some(p) => claimtrail_eval::ud::read(&p)?,
                None => Vec::new(),
            };
            let texts = read_texts(&texts)?;
            eprintln!("{} unlabeled texts for case statistics", texts.len());
            let opts = PosOptions { epochs, seed, runs, prune, min_count, dict_min, dict_share };
            let model = claimtrail_pipeline::pos::train::train(&sents, &texts, &dev, &opts, |line| eprintln!("{line}"));
            let bytes = model.to_bytes_with_magic(claimtrail_pipeline::pos::MAGIC);
            std::fs::write(&out, &bytes).with_context(|| format!("writing {}", out.display()))?;
            eprintln!("wrote {} ({} features, {} bytes)", out.display(), model.len(), bytes.len());
            Ok(ExitCode::SUCCESS)
        }
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
