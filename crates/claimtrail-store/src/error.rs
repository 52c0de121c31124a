/// Store errors.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The database failed.
    #[error("database: {0}")]
    Database(String),
    /// A stored value could not be decoded.
    #[error("corrupt store: {0}")]
    Corrupt(String),
    /// A record handed to the store is inconsistent (an index out of range); its whole batch is
    /// rolled back.
    #[error("invalid record: {0}")]
    Invalid(String),
    /// File system trouble.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        Error::Database(e.to_string())
    }
}

/// Store result.
pub type Result<T, E = Error> = std::result::Result<T, E>;
