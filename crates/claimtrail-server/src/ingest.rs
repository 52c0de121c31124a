//! `POST /api/v1/articles`: ingest one article (docs/api.md, "Ingest").
//!
//! Checks run cheapest first and before the body is read: read-only server (403), token (401,
//! compared in constant time), content type (415), size (413); then the body must be JSON (400)
//! and an article (422). Analysis runs on a blocking thread (a panic costs this request only);
//! the insert takes the one writer connection while the readers keep answering.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use claimtrail_corpus::AnalyzeError;
use claimtrail_store::{InsertOutcome, Store};

use crate::error::ApiError;
use crate::state::AppState;

/// Largest request body, in bytes (8 MiB).
pub const MAX_BODY_BYTES: usize = 8 * 1024 * 1024;

/// Whether `given` equals `secret`, in time that depends only on the secret's length.
fn same_token(given: &[u8], secret: &[u8]) -> bool {
    let mut diff = given.len() ^ secret.len();
    for (i, s) in secret.iter().enumerate() {
        diff |= usize::from(given.get(i).copied().unwrap_or(0) ^ s);
    }
    diff == 0
}

/// The bearer token of a request, if any.
fn bearer(headers: &HeaderMap) -> Option<&[u8]> {
    let v = headers.get(header::AUTHORIZATION)?.as_bytes();
    let (scheme, rest) = v.split_at(v.iter().position(|&b| b == b' ')?);
    scheme.eq_ignore_ascii_case(b"bearer").then(|| rest.trim_ascii())
}

fn is_json(headers: &HeaderMap) -> bool {
    let Some(v) = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()) else { return false };
    let essence = v.split(';').next().unwrap_or("").trim();
    essence.eq_ignore_ascii_case("application/json")
}

/// `POST /api/v1/articles`.
pub(crate) async fn ingest(State(state): State<AppState>, req: Request) -> Result<Response, ApiError> {
    let Some(token) = state.ingest_token() else {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "this server is read-only (start it with --ingest-token to accept articles)",
        ));
    };
    if !bearer(req.headers()).is_some_and(|given| same_token(given, token.as_bytes())) {
        let mut r = ApiError::new(StatusCode::UNAUTHORIZED, "missing or wrong token (Authorization: Bearer TOKEN)")
            .into_response();
        r.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        return Ok(r);
    }
    if !is_json(req.headers()) {
        return Err(ApiError::new(StatusCode::UNSUPPORTED_MEDIA_TYPE, "the body must be application/json"));
    }
    let declared = req.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_BODY_BYTES as u64) {
        return Err(too_large());
    }
    let body = Bytes::from_request(req, &state).await.map_err(|r| match r.status() {
        StatusCode::PAYLOAD_TOO_LARGE => too_large(),
        status => ApiError::new(status, r.body_text()),
    })?;
    let text = std::str::from_utf8(&body).map_err(|e| ApiError::bad_request(format!("the body is not UTF-8: {e}")))?;
    if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
        return Err(ApiError::bad_request(format!("the body is not JSON: {e}")));
    }
    let article = claimtrail_sources::parse_json_article(text, MAX_BODY_BYTES)
        .map_err(|r| ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, r.message))?;

    // At most one analysis per core: a burst of posts queues here instead of starving reads.
    let _slot = state.analysis_slot().await?;
    let pipeline = state.pipeline();
    let analyzed = tokio::task::spawn_blocking(move || {
        let id = article.meta.id.clone();
        claimtrail_corpus::analyze_record(&pipeline, article.meta, &article.text).map_err(|e| match e {
            AnalyzeError::Rejected(m) => ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, m),
            AnalyzeError::Panicked(m) => ApiError::internal(format!("analysis of {id:?} panicked: {m}")),
        })
    })
    .await
    .map_err(ApiError::internal)??;

    let outcome = state
        .write(move |s| {
            let mut out = s.insert(std::slice::from_ref(&analyzed))?;
            out.pop().ok_or_else(|| ApiError::internal("insert answered nothing"))
        })
        .await?;
    Ok(match outcome {
        InsertOutcome::Stored { article, copy_of } => {
            state.bump_generation();
            let mut r = (
                StatusCode::CREATED,
                Json(serde_json::json!({"article": article, "status": "stored", "copy_of": copy_of})),
            )
                .into_response();
            if let Ok(v) = HeaderValue::from_str(&format!("/api/v1/articles/{article}")) {
                r.headers_mut().insert(header::LOCATION, v);
            }
            r
        }
        InsertOutcome::Duplicate { article } => {
            Json(serde_json::json!({"article": article, "status": "duplicate"})).into_response()
        }
    })
}

fn too_large() -> ApiError {
    ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, format!("the body is larger than {MAX_BODY_BYTES} bytes"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_compare_whole() {
        for (given, secret, ok) in [
            ("s3cret", "s3cret", true),
            ("s3cre", "s3cret", false),
            ("s3cretX", "s3cret", false),
            ("", "s3cret", false),
            ("S3cret", "s3cret", false),
            ("s3cret\0", "s3cret", false),
        ] {
            assert_eq!(same_token(given.as_bytes(), secret.as_bytes()), ok, "{given:?}");
        }
    }

    #[test]
    fn bearer_and_content_type() {
        let mut h = HeaderMap::new();
        assert_eq!(bearer(&h), None);
        for (value, want) in
            [("Bearer abc", Some(&b"abc"[..])), ("bearer  abc ", Some(b"abc")), ("Basic abc", None), ("Bearer", None)]
        {
            h.insert(header::AUTHORIZATION, HeaderValue::from_static(value));
            assert_eq!(bearer(&h), want, "{value}");
        }
        for (value, want) in [
            ("application/json", true),
            ("application/json; charset=utf-8", true),
            ("Application/JSON", true),
            ("text/plain", false),
            ("application/jsonx", false),
        ] {
            h.insert(header::CONTENT_TYPE, HeaderValue::from_static(value));
            assert_eq!(is_json(&h), want, "{value}");
        }
    }
}
