//! The `claimtrail` command line. `main.rs` calls [`run`]; each subcommand lives in
//! `commands/<name>.rs`.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub mod commands;
pub mod input;

/// claimtrail: who said what, through whom, and who denies it.
#[derive(Debug, Parser)]
#[command(name = "claimtrail", version, about)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Analyze articles and print their ledgers of claims.
    Analyze(commands::analyze::Args),
    /// Score the pipeline against a gold data set.
    Eval(commands::eval::Args),
    /// Measure throughput over a JSON Lines corpus.
    Bench(commands::bench::Args),
    /// Rebuild an embedded model from training data.
    Train(commands::train::Args),
}

/// Parses the command line and runs the subcommand.
///
/// # Errors
/// Errors that end the whole command (bad arguments, unwritable output). Errors of single
/// documents are reported on stderr and turn into a non-zero exit code instead.
pub fn run() -> anyhow::Result<ExitCode> {
    let cli = Cli::parse();
    match cli.command {
        Command::Analyze(args) => commands::analyze::run(args),
        Command::Eval(args) => commands::eval::run(args),
        Command::Bench(args) => commands::bench::run(args),
        Command::Train(args) => commands::train::run(args),
    }
}
