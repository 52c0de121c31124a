//! Errors: [`Error`] for starting a server, [`ApiError`] for answers (`{"error": {"code",
//! "message"}}`).

use std::path::PathBuf;

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

/// Why a server could not start.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The store file does not exist (a server never creates an empty store).
    #[error(
        "no store at {} (build one with `claimtrail ingest PATH... --db FILE`, or try `claimtrail demo --db FILE`)",
        .0.display()
    )]
    NoStore(PathBuf),
    /// The store could not be opened.
    #[error("cannot open store {}: {source}", path.display())]
    Store {
        /// The file.
        path: PathBuf,
        /// What failed.
        source: claimtrail_store::Error,
    },
}

/// An error answer: HTTP status, stable code, human message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// HTTP status.
    pub status: StatusCode,
    /// Machine-readable code (`bad_request`, `not_found`, ...).
    pub code: &'static str,
    /// For humans.
    pub message: String,
}

/// The error code of an HTTP status (docs/api.md).
pub fn code_for(status: StatusCode) -> &'static str {
    match status {
        StatusCode::BAD_REQUEST => "bad_request",
        StatusCode::UNAUTHORIZED => "unauthorized",
        StatusCode::FORBIDDEN => "read_only",
        StatusCode::NOT_FOUND => "not_found",
        StatusCode::METHOD_NOT_ALLOWED => "method_not_allowed",
        StatusCode::PAYLOAD_TOO_LARGE => "payload_too_large",
        StatusCode::UNSUPPORTED_MEDIA_TYPE => "unsupported_media_type",
        StatusCode::UNPROCESSABLE_ENTITY => "unprocessable",
        s if s.is_client_error() => "bad_request",
        _ => "internal",
    }
}

impl ApiError {
    /// An error with the code of its status.
    pub fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError { status, code: code_for(status), message: message.into() }
    }

    /// 400.
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }

    /// 404.
    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, message)
    }

    /// 500: the details go to stderr, never to the client (they may hold file paths).
    pub fn internal(detail: impl std::fmt::Display) -> ApiError {
        eprintln!("claimtrail serve: internal error: {detail}");
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal server error")
    }

    /// The JSON body.
    pub fn body(&self) -> String {
        serde_json::json!({"error": {"code": self.code, "message": self.message}}).to_string()
    }
}

impl From<claimtrail_store::Error> for ApiError {
    fn from(e: claimtrail_store::Error) -> ApiError {
        ApiError::internal(e)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut r = (self.status, self.body()).into_response();
        r.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_of_statuses() {
        for (status, code) in [
            (400, "bad_request"),
            (401, "unauthorized"),
            (403, "read_only"),
            (404, "not_found"),
            (405, "method_not_allowed"),
            (413, "payload_too_large"),
            (415, "unsupported_media_type"),
            (422, "unprocessable"),
            (408, "bad_request"),
            (500, "internal"),
            (503, "internal"),
        ] {
            assert_eq!(code_for(StatusCode::from_u16(status).unwrap()), code, "{status}");
        }
    }

    #[test]
    fn internal_errors_hide_details() {
        let e = ApiError::from(claimtrail_store::Error::Database("unable to open /secret/path.db".into()));
        assert_eq!(e.status, StatusCode::INTERNAL_SERVER_ERROR);
        assert!(!e.body().contains("/secret"), "{}", e.body());
        let v: serde_json::Value = serde_json::from_str(&ApiError::not_found("no claim 7").body()).unwrap();
        assert_eq!(v, serde_json::json!({"error": {"code": "not_found", "message": "no claim 7"}}));
    }
}
