/// Errors of the analysis pipeline (hard failures; soft ones are diagnostics).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The article has no visible text.
    #[error("document {doc:?} is empty")]
    Empty {
        /// Document id.
        doc: String,
    },
    /// The article is larger than the pipeline accepts.
    #[error("document {doc:?} is {bytes} bytes, more than the limit of {max}")]
    TooLarge {
        /// Document id.
        doc: String,
        /// Its size.
        bytes: usize,
        /// The limit.
        max: usize,
    },
    /// No language bundle serves the language.
    #[error("no language bundle for {tag:?} (supported: {supported})")]
    UnsupportedLanguage {
        /// The language tag asked for.
        tag: String,
        /// The codes of the bundles there are.
        supported: String,
    },
    /// A model file could not be read.
    #[error("model {name}: {message}")]
    Model {
        /// Model name.
        name: &'static str,
        /// What is wrong.
        message: String,
    },
}

/// Result with the pipeline [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
