//! The claim board: a JSON API under `/api/v1` and an embedded web UI, served over a corpus
//! store. See `docs/api.md` for the API contract.
//!
//! ```no_run
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let state = claimtrail_server::AppState::open("claimtrail.db".as_ref(), None, 4)?;
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
//! claimtrail_server::serve(listener, state, async { let _ = tokio::signal::ctrl_c().await; }).await?;
//! # Ok(()) }
//! ```

#![deny(missing_docs)]

pub mod api;
pub mod error;
pub mod ingest;
pub mod openapi;
pub mod params;
pub mod routes;
mod state;
pub mod web;

use std::future::Future;

use axum::extract::DefaultBodyLimit;
use axum::routing::get;
use axum::Router;

pub use error::{ApiError, Error};
pub use routes::{Endpoint, Route, API_ROUTES};
pub use state::AppState;

/// The web UI's files, embedded in the binary.
pub mod assets {
    /// The single page (every UI route serves it).
    pub const INDEX_HTML: &str = include_str!("../assets/index.html");
    /// The UI's script.
    pub const APP_JS: &str = include_str!("../assets/app.js");
    /// The UI's style sheet.
    pub const APP_CSS: &str = include_str!("../assets/app.css");
    /// The page's icon.
    pub const FAVICON_SVG: &str = include_str!("../assets/favicon.svg");
}

/// The router: the API routes of [`API_ROUTES`], the UI routes, `/assets/{name}`, a JSON 404
/// for anything else; every response gets the security headers and every error a JSON body.
pub fn app(state: AppState) -> Router {
    let mut router = Router::new();
    for r in API_ROUTES {
        router = router.route(r.path, routes::handler(r.endpoint));
    }
    for path in web::UI_ROUTES {
        router = router.route(path, get(web::index));
    }
    router
        .route("/assets/{name}", get(web::asset))
        .fallback(web::fallback)
        .layer(DefaultBodyLimit::max(ingest::MAX_BODY_BYTES))
        .layer(axum::middleware::map_response(web::finish))
        .with_state(state)
}

/// Serves [`app`] on `listener` until `shutdown` completes, then lets requests in flight finish.
///
/// # Errors
/// The listener fails.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, app(state)).with_graceful_shutdown(shutdown).await
}
