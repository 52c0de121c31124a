/// Errors of the document model.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A date string that is not `YYYY-MM-DD` (or `YYYY-MM-DDThh:mm...`).
    #[error("invalid date {0:?}: expected YYYY-MM-DD")]
    InvalidDate(String),
}

/// Result with the core [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
