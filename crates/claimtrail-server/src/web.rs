//! The web UI (the one page and its fixed list of embedded assets), the fallback, and the layer
//! that every response passes through: security headers, and JSON bodies for every error
//! (axum's own rejections included).

use axum::body::Body;
use axum::extract::Path;
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::assets;
use crate::error::{code_for, ApiError};

/// The Content-Security-Policy of every response: scripts, styles and requests only to the
/// server itself, nothing inline, no framing.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                       connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// The security headers set on every response.
pub const SECURITY_HEADERS: &[(&str, &str)] = &[
    ("content-security-policy", CSP),
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "no-referrer"),
    ("x-frame-options", "DENY"),
];

/// The UI's routes: each serves the one page, which draws itself from the API.
pub const UI_ROUTES: &[&str] = &["/", "/claims/{id}", "/entities/{id}", "/articles/{id}", "/network", "/search"];

/// An embedded file under `/assets/`.
#[derive(Debug, Clone, Copy)]
pub struct Asset {
    /// File name (`/assets/{name}`).
    pub name: &'static str,
    /// Content type.
    pub content_type: &'static str,
    /// Bytes.
    pub body: &'static str,
}

/// The embedded assets: the only files the server sends.
pub const ASSETS: &[Asset] = &[
    Asset { name: "app.js", content_type: "text/javascript; charset=utf-8", body: assets::APP_JS },
    Asset { name: "app.css", content_type: "text/css; charset=utf-8", body: assets::APP_CSS },
    Asset { name: "favicon.svg", content_type: "image/svg+xml", body: assets::FAVICON_SVG },
];

/// A strong ETag of a body: FNV-1a 64 of its bytes.
fn etag(body: &str) -> String {
    let h = body.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    format!("\"{h:016x}\"")
}

/// A static body with validators: `304 Not Modified` when the client has it.
fn cached(headers: &HeaderMap, content_type: &'static str, body: &'static str) -> Response {
    let tag = etag(body);
    let fresh = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == tag || t.trim() == "*"));
    let mut r = if fresh { StatusCode::NOT_MODIFIED.into_response() } else { body.into_response() };
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    if let Ok(v) = HeaderValue::from_str(&tag) {
        h.insert(header::ETAG, v);
    }
    r
}

/// Every UI route: the page.
pub(crate) async fn index(headers: HeaderMap) -> Response {
    cached(&headers, "text/html; charset=utf-8", assets::INDEX_HTML)
}

/// `/assets/{name}`: one of [`ASSETS`], else 404. Nothing is read from disk.
pub(crate) async fn asset(Path(name): Path<String>, headers: HeaderMap) -> Response {
    match ASSETS.iter().find(|a| a.name == name) {
        Some(a) => cached(&headers, a.content_type, a.body),
        None => ApiError::not_found("no such asset").into_response(),
    }
}

/// Anything not routed.
pub(crate) async fn fallback() -> ApiError {
    ApiError::not_found("no such page or endpoint")
}

/// Largest error body read back from an inner handler to become the JSON message.
const MAX_ERROR_BODY: usize = 4096;

/// The last layer: security headers on every response, and every error with a JSON body.
pub(crate) async fn finish(response: Response) -> Response {
    let status = response.status();
    let mut response = if (status.is_client_error() || status.is_server_error()) && !is_json(response.headers()) {
        jsonify(response).await
    } else {
        response
    };
    let h = response.headers_mut();
    for (name, value) in SECURITY_HEADERS {
        h.insert(HeaderName::from_static(name), HeaderValue::from_static(value));
    }
    response
}

fn is_json(headers: &HeaderMap) -> bool {
    headers.get(header::CONTENT_TYPE).is_some_and(|v| v.as_bytes().starts_with(b"application/json"))
}

/// An error from axum itself (a rejection, 405) as `{"error": {...}}`, keeping its headers
/// (`Allow` of a 405).
async fn jsonify(response: Response) -> Response {
    let (mut parts, body) = response.into_parts();
    let status = parts.status;
    let text = axum::body::to_bytes(body, MAX_ERROR_BODY)
        .await
        .ok()
        .and_then(|b| String::from_utf8(b.to_vec()).ok())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty() && !status.is_server_error());
    let message = text.unwrap_or_else(|| status.canonical_reason().unwrap_or("error").to_lowercase());
    let error = ApiError { status, code: code_for(status), message };
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    Response::from_parts(parts, Body::from(error.body()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn etags_differ_by_content_and_are_quoted() {
        assert_ne!(etag("a"), etag("b"));
        assert!(etag("").starts_with('"') && etag("").ends_with('"'));
        assert_eq!(etag("x").len(), 18);
    }
}
