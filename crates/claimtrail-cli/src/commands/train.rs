//! `claimtrail train`: rebuild the models the pipeline embeds from the data in ../shared/data.

use std::path::PathBuf;
use std::process::ExitCode;

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
    },
}

/// Runs `train`. (Placeholder.)
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.model {
        Model::Ner { train, out } => {
            anyhow::bail!("training the NER model from {} to {} is not implemented yet", train.display(), out.display())
        }
    }
}
