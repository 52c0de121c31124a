//! One module per subcommand.

pub mod analyze;
pub mod bench;
pub mod check;
pub mod demo;
pub mod eval;
pub mod export;
pub mod ingest;
pub mod query;
pub mod serve;
pub mod train;
