//! The API and the UI routes in-process, through the router (`tower::ServiceExt::oneshot`),
//! against a store built from the seed article and Wikinews articles (CC BY 4.0).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;
use std::time::Duration;

use axum::body::Body;
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use axum::Router;
use claimtrail_core::{Date, Meta};
use claimtrail_server::{app, AppState, API_ROUTES};
use claimtrail_store::{SqliteStore, Store};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tower::ServiceExt;

const TOKEN: &str = "test-token-5f2c";
/// Wikinews articles stored besides the seed.
const WIKINEWS_LINES: usize = 12;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A fresh directory, unique per process and call.
fn tmpdir(name: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let d = std::env::temp_dir().join(format!(
        "claimtrail-server-{}-{}-{name}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// The base store (built once per test binary): the seed article and some Wikinews lines.
fn base_store() -> &'static Path {
    static BASE: OnceLock<PathBuf> = OnceLock::new();
    BASE.get_or_init(|| {
        let path = tmpdir("base").join("base.db");
        let pipeline = claimtrail_pipeline::Pipeline::new();
        let seed = std::fs::read_to_string(root().join("examples/seed.txt")).unwrap();
        let meta = Meta {
            id: "seed".into(),
            title: Some("Lavrov and Khamenei".into()),
            outlet: Some("RIA".into()),
            url: None,
            published: Some(Date::new(2015, 10, 7).unwrap()),
            language: None,
        };
        let mut records = vec![claimtrail_corpus::build_record(&pipeline.analyze(meta, &seed).unwrap())];
        let corpus = std::fs::read_to_string(root().join("corpus/wikinews-meantime.jsonl")).unwrap();
        for line in corpus.lines().take(WIKINEWS_LINES) {
            let a = claimtrail_sources::parse_json_article(line, 1 << 20).unwrap();
            records.push(claimtrail_corpus::build_record(&pipeline.analyze(a.meta, &a.text).unwrap()));
        }
        let mut store = SqliteStore::open(&path).unwrap();
        store.insert(&records).unwrap();
        store.checkpoint().unwrap();
        path
    })
}

/// A copy of the base store (tests that write get their own).
fn store_copy(name: &str) -> PathBuf {
    let path = tmpdir(name).join("store.db");
    std::fs::copy(base_store(), &path).unwrap();
    path
}

fn state(token: Option<&str>) -> AppState {
    AppState::open(&store_copy("state"), token.map(str::to_string), 2).unwrap()
}

/// A shared read-only router over the base store.
fn reader() -> Router {
    static STATE: OnceLock<AppState> = OnceLock::new();
    app(STATE.get_or_init(|| state(None)).clone())
}

struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    fn header(&self, name: &str) -> &str {
        self.headers.get(name).map_or("", |v| v.to_str().unwrap())
    }

    /// Asserts an error answer with this status and code.
    fn assert_error(&self, status: u16, code: &str) {
        assert_eq!(self.status.as_u16(), status, "{}", self.text());
        assert!(self.header("content-type").starts_with("application/json"), "{:?}", self.headers);
        let v = self.json();
        assert_eq!(v["error"]["code"], code, "{v}");
        assert!(v["error"]["message"].as_str().is_some_and(|m| !m.is_empty()), "{v}");
        assert_eq!(v.as_object().unwrap().len(), 1, "{v}");
    }
}

async fn send(app: &Router, req: Request<Body>) -> Answer {
    let r = tokio::time::timeout(Duration::from_secs(30), app.clone().oneshot(req)).await.unwrap().unwrap();
    let (parts, body) = r.into_parts();
    Answer { status: parts.status, headers: parts.headers, body: body.collect().await.unwrap().to_bytes().to_vec() }
}

async fn get(app: &Router, uri: &str) -> Answer {
    send(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

fn post(uri: &str, token: Option<&str>, content_type: Option<&str>, body: impl Into<Body>) -> Request<Body> {
    let mut b = Request::post(uri);
    if let Some(t) = token {
        b = b.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    if let Some(c) = content_type {
        b = b.header(header::CONTENT_TYPE, c);
    }
    b.body(body.into()).unwrap()
}

/// The id of the seed's contested claim (Soleimani's visit to Moscow).
async fn contested_claim(app: &Router) -> i64 {
    let v = get(app, "/api/v1/claims?contested=true&limit=500").await.json();
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["gist"].as_str().unwrap().contains("Soleimani"))
        .and_then(|c| c["id"].as_i64())
        .unwrap_or_else(|| panic!("no contested Soleimani claim in {v}"))
}

fn keys(v: &Value) -> Vec<&str> {
    let mut k: Vec<&str> = v.as_object().map(|o| o.keys().map(String::as_str).collect()).unwrap_or_default();
    k.sort_unstable();
    k
}

const PAGE: &[&str] = &["items", "limit", "next_offset", "offset"];

#[tokio::test]
async fn endpoints_answer_with_their_shapes() {
    let app = reader();
    let claim = contested_claim(&app).await;
    let claim_uri = format!("/api/v1/claims/{claim}");
    // (uri, status, top-level keys)
    let cases: Vec<(String, u16, &[&str])> = vec![
        (
            "/api/v1/stats".into(),
            200,
            &["articles", "claims", "entities", "statements", "store_bytes", "text_bytes", "wire_groups"],
        ),
        ("/api/v1/claims".into(), 200, PAGE),
        ("/api/v1/claims?contested=true&order=cited&since=2015&until=2015-12-31".into(), 200, PAGE),
        ("/api/v1/claims?entity=Lavrov&outlet=RIA&q=Moscow".into(), 200, PAGE),
        (claim_uri.clone(), 200, &["claim", "omitted", "statements"]),
        ("/api/v1/sources".into(), 200, PAGE),
        ("/api/v1/sources?outlet=RIA&limit=3".into(), 200, PAGE),
        ("/api/v1/sources/graph".into(), 200, &["edges", "nodes"]),
        ("/api/v1/sources/graph?max_nodes=5".into(), 200, &["edges", "nodes"]),
        ("/api/v1/outlets".into(), 200, PAGE),
        ("/api/v1/outlets?limit=1&offset=1".into(), 200, PAGE),
        ("/api/v1/search?q=Soleimani".into(), 200, PAGE),
        ("/api/v1/search?q=Soleimani&offset=20000".into(), 200, PAGE),
        ("/api/v1/check?q=Soleimani+visited+Moscow".into(), 200, &["matches", "query"]),
        ("/api/v1/openapi.json".into(), 200, &["components", "info", "openapi", "paths"]),
    ];
    for (uri, status, want) in &cases {
        let a = get(&app, uri).await;
        assert_eq!(a.status.as_u16(), *status, "{uri}: {}", a.text());
        assert_eq!(a.header("content-type"), "application/json", "{uri}");
        assert_eq!(keys(&a.json()), *want, "{uri}");
    }

    let trail = get(&app, &claim_uri).await.json();
    assert_eq!(trail["claim"]["id"], claim);
    assert_eq!(trail["claim"]["contested"], true);
    let stances: Vec<&str> =
        trail["statements"].as_array().unwrap().iter().filter_map(|s| s["stance"].as_str()).collect();
    assert!(stances.contains(&"asserts") && stances.contains(&"denies"), "{stances:?}");
    let row = &trail["statements"][0];
    for k in ["id", "source", "source_kind", "stance", "via", "quote", "article", "span", "copies", "attribution"] {
        assert!(row.get(k).is_some(), "statement row lacks {k}: {row}");
    }

    let contested = get(&app, "/api/v1/claims?contested=true").await.json();
    assert!(contested["items"].as_array().unwrap().iter().all(|c| c["contested"] == true));
    let board = get(&app, "/api/v1/claims?limit=1").await.json();
    assert_eq!(board["items"][0]["contested"], true, "the board shows contested claims first: {board}");

    let graph = get(&app, "/api/v1/sources/graph?max_nodes=5").await.json();
    let nodes = graph["nodes"].as_array().unwrap();
    assert!(!nodes.is_empty() && nodes.len() <= 5, "{graph}");
    assert_eq!(keys(&nodes[0]), ["id", "kind", "label", "weight"]);
    if let Some(e) = graph["edges"].as_array().unwrap().first() {
        assert_eq!(keys(e), ["relation", "source", "target", "weight"]);
    }

    let hits = get(&app, "/api/v1/search?q=Soleimani&limit=2").await.json();
    assert!(!hits["items"].as_array().unwrap().is_empty(), "{hits}");
    assert!(hits["items"].as_array().unwrap().iter().any(|h| h["snippet"].as_str().unwrap().contains('[')), "{hits}");
    let deep = get(&app, "/api/v1/search?q=Soleimani&offset=20000").await.json();
    assert_eq!(deep["items"].as_array().map(Vec::len), Some(0), "past the search depth: an empty last page");
    assert!(deep["next_offset"].is_null(), "{deep}");

    let check = get(&app, "/api/v1/check?q=Soleimani%20visited%20Moscow&limit=3").await.json();
    assert_eq!(check["query"], "Soleimani visited Moscow");
    let m = &check["matches"][0];
    assert!(m["claim"].is_i64(), "{check}");
    let doc = &m["documents"][0];
    assert_eq!(keys(doc), ["article", "id", "quote", "source", "stance"]);
    assert!(doc["article"].as_i64().unwrap() > 0);
    assert!(check["matches"].as_array().unwrap().len() <= 3);
}

#[tokio::test]
async fn store_listings_and_articles_answer() {
    let app = reader();
    let articles = get(&app, "/api/v1/articles?limit=500").await;
    assert_eq!(articles.status, StatusCode::OK, "{}", articles.text());
    let items = articles.json()["items"].as_array().unwrap().clone();
    assert_eq!(items.len(), 1 + WIKINEWS_LINES);
    let seed = items.iter().find(|a| a["doc_id"] == "seed").unwrap();
    assert_eq!(keys(seed), ["doc_id", "id", "outlet", "published", "title", "url"]);
    let id = seed["id"].as_i64().unwrap();

    let analysis = get(&app, &format!("/api/v1/articles/{id}")).await.json();
    assert_eq!(analysis["schema"], "claimtrail.analysis/1");
    assert_eq!(analysis["document"]["id"], "seed");
    assert!(analysis["document"]["text"].as_str().unwrap().starts_with("Messages about"));
    assert!(!analysis["attributions"].as_array().unwrap().is_empty());

    let links = get(&app, &format!("/api/v1/articles/{id}/links")).await.json();
    assert_eq!(keys(&links), ["article", "claims", "copies", "copy_of", "entities"]);
    assert_eq!(links["article"]["id"], id);
    assert_eq!(links["claims"][0].as_array().map(Vec::len), Some(2), "{links}");

    let entities = get(&app, "/api/v1/entities?q=Lavrov").await.json();
    let lavrov = &entities["items"][0];
    assert_eq!(keys(lavrov), ["articles", "id", "kind", "mentions", "name"]);
    let profile = get(&app, &format!("/api/v1/entities/{}", lavrov["id"])).await.json();
    for k in ["aliases", "roles", "said", "said_about", "name", "kind"] {
        assert!(profile.get(k).is_some(), "profile lacks {k}: {profile}");
    }
    let people = get(&app, "/api/v1/entities?kind=person&limit=500").await.json();
    assert!(people["items"].as_array().unwrap().iter().all(|e| e["kind"] == "person"), "{people}");
}

#[tokio::test]
async fn bad_requests_get_json_errors() {
    let app = reader();
    // (method, uri, status, code)
    let cases: &[(&str, &str, u16, &str)] = &[
        ("GET", "/api/v1/claims?limit=0", 400, "bad_request"),
        ("GET", "/api/v1/claims?limit=501", 400, "bad_request"),
        ("GET", "/api/v1/claims?limit=ten", 400, "bad_request"),
        ("GET", "/api/v1/claims?offset=-1", 400, "bad_request"),
        ("GET", "/api/v1/claims?since=yesterday", 400, "bad_request"),
        ("GET", "/api/v1/claims?until=2015-02-30", 400, "bad_request"),
        ("GET", "/api/v1/claims?contested=maybe", 400, "bad_request"),
        ("GET", "/api/v1/claims?order=random", 400, "bad_request"),
        ("GET", "/api/v1/claims/999999", 404, "not_found"),
        ("GET", "/api/v1/claims/abc", 404, "not_found"),
        ("GET", "/api/v1/claims/0", 404, "not_found"),
        ("GET", "/api/v1/claims/-1", 404, "not_found"),
        ("GET", "/api/v1/claims/99999999999999999999999", 404, "not_found"),
        ("GET", "/api/v1/entities/999999", 404, "not_found"),
        ("GET", "/api/v1/entities/x", 404, "not_found"),
        ("GET", "/api/v1/articles/999999", 404, "not_found"),
        ("GET", "/api/v1/articles/999999/links", 404, "not_found"),
        ("GET", "/api/v1/articles?limit=1000", 400, "bad_request"),
        ("GET", "/api/v1/entities?offset=x", 400, "bad_request"),
        ("GET", "/api/v1/sources?limit=0", 400, "bad_request"),
        ("GET", "/api/v1/sources/graph?max_nodes=0", 400, "bad_request"),
        ("GET", "/api/v1/sources/graph?max_nodes=2001", 400, "bad_request"),
        ("GET", "/api/v1/search", 400, "bad_request"),
        ("GET", "/api/v1/search?q=", 400, "bad_request"),
        ("GET", "/api/v1/check", 400, "bad_request"),
        ("GET", "/api/v1/check?q=x&limit=51", 400, "bad_request"),
        ("GET", "/api/v1/nope", 404, "not_found"),
        ("GET", "/api/v2/claims", 404, "not_found"),
        ("GET", "/api/v1/claims/1/extra", 404, "not_found"),
        ("DELETE", "/api/v1/claims", 405, "method_not_allowed"),
        ("POST", "/api/v1/claims", 405, "method_not_allowed"),
        ("PUT", "/api/v1/articles", 405, "method_not_allowed"),
        ("POST", "/", 405, "method_not_allowed"),
        ("POST", "/api/v1/articles", 403, "read_only"),
    ];
    for (method, uri, status, code) in cases {
        let a = send(&app, Request::builder().method(*method).uri(*uri).body(Body::empty()).unwrap()).await;
        a.assert_error(*status, code);
        if *status == 405 {
            assert!(a.header("allow").contains("GET"), "{uri}: {:?}", a.headers);
        }
    }
    let long = format!("/api/v1/search?q={}", "a".repeat(3000));
    get(&app, &long).await.assert_error(400, "bad_request");
}

#[tokio::test]
async fn pages_walk_the_whole_list() {
    let app = reader();
    for list in ["/api/v1/claims?order=cited", "/api/v1/sources?", "/api/v1/search?q=said"] {
        let all = get(&app, &format!("{list}&limit=500")).await.json();
        assert!(all["next_offset"].is_null(), "{list}");
        let all: Vec<Value> = all["items"].as_array().unwrap().clone();
        assert!(all.len() > 7, "{list}: too few rows to page: {}", all.len());
        let mut walked = Vec::new();
        let mut offset = Some(0);
        while let Some(o) = offset {
            let page = get(&app, &format!("{list}&limit=7&offset={o}")).await.json();
            assert_eq!(page["limit"], 7);
            assert_eq!(page["offset"], o);
            let items = page["items"].as_array().unwrap();
            assert!(items.len() <= 7);
            offset = page["next_offset"].as_u64();
            if let Some(n) = offset {
                assert_eq!((n, items.len()), (o + 7, 7), "{list}");
            }
            walked.extend(items.iter().cloned());
            assert!(walked.len() <= all.len(), "{list}: pages overrun");
        }
        assert_eq!(walked, all, "{list}");
    }
    let past = get(&app, "/api/v1/claims?offset=100000").await.json();
    assert_eq!(past["items"], json!([]));
    assert!(past["next_offset"].is_null());
}

#[tokio::test]
async fn ingest_needs_the_token_and_a_json_article() {
    let app = app(state(Some(TOKEN)));
    let article = r#"{"id":"t1","text":"The mayor said the bridge will reopen on Monday."}"#;
    let json_type = Some("application/json");
    let longer = format!("{TOKEN}x");
    /// (token, content type, body, status, code)
    type Case<'a> = (Option<&'a str>, Option<&'a str>, String, u16, &'a str);
    let cases: Vec<Case> = vec![
        (None, json_type, article.into(), 401, "unauthorized"),
        (Some("wrong"), json_type, article.into(), 401, "unauthorized"),
        (Some(&TOKEN[..TOKEN.len() - 1]), json_type, article.into(), 401, "unauthorized"),
        (Some(&longer), json_type, article.into(), 401, "unauthorized"),
        (Some(TOKEN), Some("text/plain"), article.into(), 415, "unsupported_media_type"),
        (Some(TOKEN), None, article.into(), 415, "unsupported_media_type"),
        (Some(TOKEN), json_type, r#"{"id":"t1","text":"#.into(), 400, "bad_request"),
        (Some(TOKEN), json_type, "not json".into(), 400, "bad_request"),
        (Some(TOKEN), json_type, "[1, 2]".into(), 422, "unprocessable"),
        (Some(TOKEN), json_type, r#"{"id":"t1"}"#.into(), 422, "unprocessable"),
        (Some(TOKEN), json_type, r#"{"id":[1],"text":"x"}"#.into(), 422, "unprocessable"),
        (Some(TOKEN), json_type, r#"{"id":"t1","text":"   "}"#.into(), 422, "unprocessable"),
    ];
    for (token, content_type, body, status, code) in cases {
        let a = send(&app, post("/api/v1/articles", token, content_type, body.clone())).await;
        a.assert_error(status, code);
        if status == 401 {
            assert!(a.json()["error"]["message"].as_str().is_some_and(|m| !m.contains(TOKEN)));
            assert_eq!(a.header("www-authenticate"), "Bearer");
        }
    }
    let basic =
        Request::post("/api/v1/articles").header(header::AUTHORIZATION, format!("Basic {TOKEN}")).body(Body::empty());
    send(&app, basic.unwrap()).await.assert_error(401, "unauthorized");
    // Nothing was stored by the failures.
    let stats = get(&app, "/api/v1/stats").await.json();
    assert_eq!(stats["articles"], 1 + WIKINEWS_LINES);
}

#[tokio::test]
async fn bodies_over_the_limit_get_413() {
    let app = app(state(Some(TOKEN)));
    let big = format!(r#"{{"id":"big","text":"{}"}}"#, "word ".repeat(2 * 1024 * 1024));
    assert!(big.len() > 8 * 1024 * 1024);
    // With a Content-Length, and streamed without one.
    let a = send(&app, post("/api/v1/articles", Some(TOKEN), Some("application/json"), big.clone())).await;
    a.assert_error(413, "payload_too_large");
    // map_frame hides the length (no size hint, no Content-Length).
    let unsized_body = Body::new(http_body_util::Full::new(axum::body::Bytes::from(big)).map_frame(|f| f));
    let a = send(&app, post("/api/v1/articles", Some(TOKEN), Some("application/json"), unsized_body)).await;
    a.assert_error(413, "payload_too_large");
    // A lying Content-Length is refused before the body is read.
    let mut req = post("/api/v1/articles", Some(TOKEN), Some("application/json"), "{}");
    req.headers_mut().insert(header::CONTENT_LENGTH, (9u64 << 20).into());
    send(&app, req).await.assert_error(413, "payload_too_large");
}

#[tokio::test]
async fn ingested_articles_read_back_as_data() {
    let app = app(state(Some(TOKEN)));
    let before = get(&app, "/api/v1/stats").await.json()["articles"].as_u64().unwrap();
    // Cached aggregates, asked twice (the second from the cache), must change with an ingest.
    let sources_before = get(&app, "/api/v1/sources?limit=500").await.json();
    assert_eq!(get(&app, "/api/v1/sources?limit=500").await.json(), sources_before);
    let graph_before = get(&app, "/api/v1/sources/graph?max_nodes=2000").await.json();
    let text = "Officials said the <script>alert('x')</script> report was false. \
                \"It is <img src=x onerror=alert(1)> nonsense,\" the minister told reporters on Tuesday. \
                See <a href=\"javascript:alert(2)\">here</a>.";
    let body = json!({"id": "xss-1", "title": "<b onmouseover=alert(3)>Title</b>", "outlet": "<i>Outlet</i>",
                      "published": "2016-03-01", "text": text})
    .to_string();
    let a =
        send(&app, post("/api/v1/articles", Some(TOKEN), Some("application/json; charset=utf-8"), body.clone())).await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.text());
    let v = a.json();
    assert_eq!(v["status"], "stored");
    assert!(v["copy_of"].is_null());
    let id = v["article"].as_i64().unwrap();
    assert_eq!(a.header("location"), format!("/api/v1/articles/{id}"));

    let again = send(&app, post("/api/v1/articles", Some(TOKEN), Some("application/json"), body)).await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.text());
    assert_eq!(again.json(), json!({"article": id, "status": "duplicate"}));

    let stats = get(&app, "/api/v1/stats").await.json();
    assert_eq!(stats["articles"].as_u64().unwrap(), before + 1);
    let sources = get(&app, "/api/v1/sources?limit=500").await;
    assert_eq!(sources.header("content-type"), "application/json");
    assert_ne!(sources.json(), sources_before, "the source list is stale after an ingest");
    assert_ne!(get(&app, "/api/v1/sources/graph?max_nodes=2000").await.json(), graph_before);

    // The same text under another id: a wire copy of the first.
    let copy = json!({"id": "xss-copy", "outlet": "Other", "published": "2016-03-02", "text": text}).to_string();
    let a = send(&app, post("/api/v1/articles", Some(TOKEN), Some("application/json"), copy)).await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.text());
    assert_eq!(a.json()["copy_of"], id);
    let copy_id = a.json()["article"].as_i64().unwrap();
    let links = get(&app, &format!("/api/v1/articles/{copy_id}/links")).await.json();
    assert_eq!(links["copy_of"]["id"], id, "{links}");
    let links = get(&app, &format!("/api/v1/articles/{id}/links")).await.json();
    assert!(links["copies"].as_array().unwrap().iter().any(|c| c["id"] == copy_id), "{links}");

    let read = get(&app, &format!("/api/v1/articles/{id}")).await;
    assert_eq!(read.status, StatusCode::OK, "{}", read.text());
    assert_eq!(read.header("content-type"), "application/json");
    assert_eq!(read.header("x-content-type-options"), "nosniff");
    let doc = read.json();
    assert_eq!(doc["document"]["text"], text, "the text comes back as a plain JSON string");
    assert_eq!(doc["document"]["title"], "<b onmouseover=alert(3)>Title</b>");
    assert_eq!(doc["document"]["published"], "2016-03-01");

    let hits = get(&app, "/api/v1/search?q=minister+nonsense").await.json();
    assert!(hits["items"].as_array().unwrap().iter().any(|h| h["article"]["id"] == id), "{hits}");

    // Without an id: a digest of the text, the same both times.
    let anon = json!({"text": "The council said the new library opens in May."}).to_string();
    let first = send(&app, post("/api/v1/articles", Some(TOKEN), Some("application/json"), anon.clone())).await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text());
    let second = send(&app, post("/api/v1/articles", Some(TOKEN), Some("application/json"), anon)).await;
    assert_eq!(second.json()["status"], "duplicate");
    assert_eq!(second.json()["article"], first.json()["article"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reads_go_on_while_an_ingest_writes() {
    let path = store_copy("concurrent");
    let state = AppState::open(&path, Some(TOKEN.to_string()), 2).unwrap();
    let app = app(state.clone());

    // 1. A write transaction open on another connection (another process's ingest): the
    //    readers see the last committed state and answer.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.busy_timeout(Duration::from_secs(10)).unwrap();
    conn.execute_batch("BEGIN IMMEDIATE; UPDATE meta SET value = value + 1 WHERE key = 'text_bytes';").unwrap();
    for uri in ["/api/v1/stats", "/api/v1/claims?limit=5", "/api/v1/search?q=Moscow"] {
        let a =
            tokio::time::timeout(Duration::from_secs(5), get(&app, uri)).await.expect("a read waited for the writer");
        assert_eq!(a.status, StatusCode::OK, "{uri}: {}", a.text());
    }
    conn.execute_batch("ROLLBACK").unwrap();

    // 2. The server's own writer busy (held here): an ingest waits for it, reads do not.
    let writer = state.writer_for_tests();
    let (hold_tx, hold_rx) = std::sync::mpsc::channel::<()>();
    let (held_tx, held_rx) = std::sync::mpsc::channel::<()>();
    let holder = std::thread::spawn(move || {
        let _guard = writer.lock().unwrap();
        held_tx.send(()).unwrap();
        hold_rx.recv().unwrap();
    });
    held_rx.recv().unwrap();
    let body =
        json!({"id": "during", "text": "The governor said the dam is safe, engineers told reporters."}).to_string();
    let ingest = tokio::spawn({
        let app = app.clone();
        async move { send(&app, post("/api/v1/articles", Some(TOKEN), Some("application/json"), body)).await }
    });
    for _ in 0..3 {
        for uri in ["/api/v1/stats", "/api/v1/claims?limit=5", "/api/v1/sources/graph"] {
            let a = tokio::time::timeout(Duration::from_secs(5), get(&app, uri))
                .await
                .expect("a read waited for the writer");
            assert_eq!(a.status, StatusCode::OK, "{uri}");
        }
    }
    assert!(!ingest.is_finished(), "the ingest cannot have written while the writer was held");
    hold_tx.send(()).unwrap();
    holder.join().unwrap();
    let done = ingest.await.unwrap();
    assert_eq!(done.status, StatusCode::CREATED, "{}", done.text());
    let stats = get(&app, "/api/v1/stats").await.json();
    assert_eq!(stats["articles"], 2 + WIKINEWS_LINES);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn more_concurrent_reads_than_connections_all_answer() {
    let app = reader();
    let uris =
        ["/api/v1/claims", "/api/v1/stats", "/api/v1/search?q=Moscow", "/api/v1/sources/graph", "/api/v1/claims/1"];
    let tasks: Vec<_> = (0..40)
        .map(|i| {
            let app = app.clone();
            let uri = uris[i % uris.len()];
            tokio::spawn(async move { (uri, get(&app, uri).await.status) })
        })
        .collect();
    for t in tasks {
        let (uri, status) = t.await.unwrap();
        assert_eq!(status, StatusCode::OK, "{uri}");
    }
}

#[tokio::test]
async fn ui_routes_serve_the_page_and_nothing_else_is_read() {
    let app = reader();
    for uri in ["/", "/claims/2", "/entities/1", "/articles/1", "/network", "/search", "/search?q=%3Cscript%3E"] {
        let a = get(&app, uri).await;
        assert_eq!(a.status, StatusCode::OK, "{uri}");
        assert_eq!(a.header("content-type"), "text/html; charset=utf-8", "{uri}");
        assert_eq!(a.text(), claimtrail_server::assets::INDEX_HTML, "{uri}");
    }
    let names: Vec<&str> = claimtrail_server::web::ASSETS.iter().map(|a| a.name).collect();
    assert!(names.contains(&"app.js") && names.contains(&"app.css"), "{names:?}");
    for asset in claimtrail_server::web::ASSETS {
        let (uri, content_type, body) = (format!("/assets/{}", asset.name), asset.content_type, asset.body);
        let uri = uri.as_str();
        let a = get(&app, uri).await;
        assert_eq!(a.status, StatusCode::OK, "{uri}");
        assert_eq!(a.header("content-type"), content_type);
        assert_eq!(a.text(), body);
        let etag = a.header("etag").to_string();
        assert!(etag.starts_with('"'), "{uri}: {etag}");
        let again =
            send(&app, Request::get(uri).header(header::IF_NONE_MATCH, &etag).body(Body::empty()).unwrap()).await;
        assert_eq!(again.status, StatusCode::NOT_MODIFIED, "{uri}");
        assert!(again.body.is_empty());
    }
    for (name, content_type) in [("app.js", "text/javascript; charset=utf-8"), ("app.css", "text/css; charset=utf-8")] {
        let a = get(&app, &format!("/assets/{name}")).await;
        assert_eq!(a.header("content-type"), content_type, "{name}");
    }
    let head = send(&app, Request::head("/assets/app.js").body(Body::empty()).unwrap()).await;
    assert_eq!(head.status, StatusCode::OK);
    assert!(head.body.is_empty());
    for uri in [
        "/assets/../Cargo.toml",
        "/assets/%2e%2e/Cargo.toml",
        "/assets/%2e%2e%2fCargo.toml",
        "/assets/..%2f..%2fCargo.toml",
        "/..%2f..%2fetc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/assets/app.js/../../Cargo.toml",
        "/assets/",
        "/assets/index.html",
        "/assets/APP.JS",
        "/assets/app.js%00.css",
        "/assets/lib.rs",
        "/src/lib.rs",
        "/Cargo.toml",
        "/claims",
        "/claims/1/../../Cargo.toml",
    ] {
        let a = get(&app, uri).await;
        a.assert_error(404, "not_found");
        let text = a.text();
        assert!(!text.contains("[package]") && !text.contains("root:"), "{uri}: {text}");
    }
}

#[tokio::test]
async fn every_asset_the_page_names_is_served() {
    let app = reader();
    let html = claimtrail_server::assets::INDEX_HTML;
    let named: Vec<&str> =
        html.split("/assets/").skip(1).map(|rest| rest.split(['"', '\'', '?', '#']).next().unwrap_or("")).collect();
    assert!(!named.is_empty(), "the page names no assets");
    for name in named {
        let a = get(&app, &format!("/assets/{name}")).await;
        assert_eq!(a.status, StatusCode::OK, "/assets/{name} is named by index.html but not served");
    }
}

#[tokio::test]
async fn every_answer_carries_the_security_headers() {
    let app = app(state(Some(TOKEN)));
    let big = "x".repeat(9 << 20);
    let requests = vec![
        Request::get("/").body(Body::empty()).unwrap(),
        Request::get("/assets/app.js").body(Body::empty()).unwrap(),
        Request::get("/api/v1/stats").body(Body::empty()).unwrap(),
        Request::get("/api/v1/claims?limit=0").body(Body::empty()).unwrap(),
        Request::get("/nope").body(Body::empty()).unwrap(),
        Request::delete("/api/v1/stats").body(Body::empty()).unwrap(),
        post("/api/v1/articles", None, None, ""),
        post("/api/v1/articles", Some(TOKEN), Some("application/json"), big),
    ];
    for req in requests {
        let what = format!("{} {}", req.method(), req.uri());
        let a = send(&app, req).await;
        assert_eq!(a.header("content-security-policy"), claimtrail_server::web::CSP, "{what}");
        assert!(a.header("content-security-policy").contains("script-src 'self'"));
        assert_eq!(a.header("x-content-type-options"), "nosniff", "{what}");
        assert_eq!(a.header("referrer-policy"), "no-referrer", "{what}");
        assert_eq!(a.header("x-frame-options"), "DENY", "{what}");
    }
}

#[tokio::test]
async fn openapi_describes_exactly_the_routes() {
    let app = reader();
    let doc = get(&app, "/api/v1/openapi.json").await.json();
    assert_eq!(doc["openapi"], "3.1.0");
    let mut described: Vec<(String, String)> = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            described.push((method.to_uppercase(), path.clone()));
            assert!(op["responses"].as_object().is_some_and(|r| !r.is_empty()), "{method} {path}");
        }
    }
    let mut routed: Vec<(String, String)> =
        API_ROUTES.iter().map(|r| (r.method.to_string(), r.path.to_string())).collect();
    described.sort();
    routed.sort();
    assert_eq!(described, routed);
    // Every route of the table is routed: it answers other than the fallback's 404 or a 405.
    for r in API_ROUTES {
        let uri = r.path.replace("{id}", "1")
            + if r.path.ends_with("search") || r.path.ends_with("check") { "?q=x" } else { "" };
        let method = Method::from_bytes(r.method.as_bytes()).unwrap();
        let a = send(&app, Request::builder().method(method).uri(&uri).body(Body::empty()).unwrap()).await;
        assert_ne!(a.status, StatusCode::METHOD_NOT_ALLOWED, "{} {uri}", r.method);
        if a.status == StatusCode::NOT_FOUND {
            assert_ne!(a.json()["error"]["message"], "no such page or endpoint", "{} {uri} is not routed", r.method);
        }
        // Documented parameters of the operation are the ones a handler reads.
        let op = &doc["paths"][r.path][r.method.to_lowercase()];
        assert!(op["parameters"].is_array(), "{} {}", r.method, r.path);
    }
    // The ingest body and its bearer security are described.
    let ingest = &doc["paths"]["/api/v1/articles"]["post"];
    assert!(ingest["requestBody"]["content"]["application/json"].is_object());
    assert!(ingest["responses"]["201"].is_object() && ingest["responses"]["413"].is_object());
    assert!(doc["components"]["schemas"]["Error"].is_object());
}

#[tokio::test]
async fn opening_a_missing_store_is_a_clear_error() {
    let missing = tmpdir("missing").join("nope.db");
    let err = AppState::open(&missing, None, 1).unwrap_err().to_string();
    assert!(err.contains("no store at") && err.contains("nope.db"), "{err}");
    assert!(!missing.exists(), "opening must not create a store");
}
