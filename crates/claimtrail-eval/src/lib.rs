//! Evaluation of claimtrail against gold data sets.
//!
//! One module per format: [`polnear`] (brat standoff attributions), [`conll`] (CoNLL-2003
//! NER), [`timeml`] (TimeML TIMEX3), [`ud`] (Universal Dependencies POS tags), [`fnc1`] (FNC-1 headline/body stances, for claim matching). Each reads gold data, runs the pipeline, and returns a
//! [`Report`] of precision, recall and F1 per part.

pub mod conll;
pub mod fnc1;
pub mod ledgers;
pub mod polnear;
pub mod score;
pub mod timeml;
pub mod ud;

pub use claimtrail_core::clip;
pub use score::{Prf, Report};

/// Errors reading gold data.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// I/O error on a path.
    #[error("{path}: {source}")]
    Io {
        /// Path.
        path: String,
        /// Cause.
        source: std::io::Error,
    },
    /// Malformed gold data.
    #[error("{path}: {message}")]
    Format {
        /// Path.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// The pipeline failed on a gold document.
    #[error(transparent)]
    Pipeline(#[from] claimtrail_pipeline::Error),
}

/// Result with the eval [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Reads a file to a string, naming the path in the error.
pub fn read(path: &std::path::Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|source| Error::Io { path: path.display().to_string(), source })
}
