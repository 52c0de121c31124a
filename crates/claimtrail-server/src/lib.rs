//! The claim board: a JSON API under `/api/v1` and an embedded web UI, served over a corpus
//! store. See `docs/api.md` for the API contract.
//!
//! Skeleton: the server helper fills this crate (router, state, handlers, OpenAPI, assets).

#![deny(missing_docs)]

/// The web UI's files, embedded in the binary.
pub mod assets {
    /// The single page (every UI route serves it).
    pub const INDEX_HTML: &str = include_str!("../assets/index.html");
    /// The UI's script.
    pub const APP_JS: &str = include_str!("../assets/app.js");
    /// The UI's style sheet.
    pub const APP_CSS: &str = include_str!("../assets/app.css");
}
