//! The `claimtrail` command line. `main.rs` calls [`run`]; each subcommand lives in
//! `commands/<name>.rs`.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub mod commands;
pub mod db;
pub mod input;
pub mod output;

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
    /// Store articles (text, JSON Lines, HTML, feeds, WARC, directories) in a corpus store.
    Ingest(commands::ingest::Args),
    /// Claims in the store with counts of asserting, denying and hedging sources.
    Claims(commands::query::ClaimsArgs),
    /// The whole trail of one claim: every statement, source, stance, via chain, date, articles.
    Claim(commands::query::ClaimArgs),
    /// Who an entity is, what they said and what is said about them, on a timeline.
    Entity(commands::query::EntityArgs),
    /// Outlets and speakers: how often cited, by whom, share of anonymous sourcing.
    Sources(commands::query::SourcesArgs),
    /// Full-text search over articles and statements.
    Search(commands::query::SearchArgs),
    /// Which stored claims say the same as a sentence, and who asserts, denies or hedges it.
    Check(commands::check::Args),
    /// Export the store: JSON Lines, CSV tables or the source network as GraphML.
    Export(commands::export::Args),
    /// Serve the claim board (web UI) and the JSON API over a store.
    Serve(commands::serve::Args),
    /// Build a store from the bundled corpus and print its contested claims.
    Demo(commands::demo::Args),
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
        Command::Ingest(args) => commands::ingest::run(args),
        Command::Claims(args) => commands::query::claims(args),
        Command::Claim(args) => commands::query::claim(args),
        Command::Entity(args) => commands::query::entity(args),
        Command::Sources(args) => commands::query::sources(args),
        Command::Search(args) => commands::query::search(args),
        Command::Check(args) => commands::check::run(args),
        Command::Export(args) => commands::export::run(args),
        Command::Serve(args) => commands::serve::run(args),
        Command::Demo(args) => commands::demo::run(args),
        Command::Eval(args) => commands::eval::run(args),
        Command::Bench(args) => commands::bench::run(args),
        Command::Train(args) => commands::train::run(args),
    }
}
