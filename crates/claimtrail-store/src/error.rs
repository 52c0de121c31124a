/// Store errors.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The database failed.
    #[error("database: {0}")]
    Database(String),
    /// A stored value could not be decoded.
    #[error("corrupt store: {0}")]
    Corrupt(String),
    /// File system trouble.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Store result.
pub type Result<T, E = Error> = std::result::Result<T, E>;
