//! The read endpoints of `/api/v1` (docs/api.md). Each validates its parameters, then runs one
//! store query on a pooled read-only connection.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Json;
use claimtrail_store::{
    ArticleQuery, ArticleRef, ArticleView, ClaimQuery, ClaimSummary, ClaimTrail, EntityProfile, EntityQuery,
    EntitySummary, OutletSummary, SearchHit, SourceQuery, SourceSummary, Store, StoreStats,
};
use serde::Serialize;

use crate::error::ApiError;
use crate::params::{id, Page, Params, DEFAULT_LIMIT, MAX_LIMIT};
use crate::state::AppState;

/// A JSON answer or an error.
pub(crate) type ApiResult<T> = Result<Json<T>, ApiError>;

/// Longest accepted `q` (search words, a sentence to check), in bytes.
pub const MAX_QUERY_BYTES: usize = 2000;
/// Deepest search result reachable by paging.
pub const MAX_SEARCH_DEPTH: usize = 10_000;
/// Default and largest `max_nodes` of the source graph.
pub const GRAPH_NODES: (usize, usize) = (150, 2000);
/// Default and largest `limit` of a check.
pub const CHECK_LIMIT: (usize, usize) = (10, 50);

fn query_text(p: &Params, name: &str) -> Result<String, ApiError> {
    let q = p.required(name)?;
    if q.len() > MAX_QUERY_BYTES {
        return Err(ApiError::bad_request(format!("{name} is longer than {MAX_QUERY_BYTES} bytes")));
    }
    Ok(q)
}

/// `GET /api/v1/stats`.
pub(crate) async fn stats(State(state): State<AppState>) -> ApiResult<StoreStats> {
    state.read(|s, _| Ok(s.stats()?)).await.map(Json)
}

/// `GET /api/v1/claims`.
pub(crate) async fn claims(State(state): State<AppState>, p: Params) -> ApiResult<Page<ClaimSummary>> {
    let (limit, offset) = p.paging(DEFAULT_LIMIT, MAX_LIMIT)?;
    let order = p.choice("order", &["contested", "cited"], "contested")?;
    let query = ClaimQuery {
        contested: p.flag("contested")?,
        about: p.text("entity"),
        since: p.date("since")?,
        until: p.date("until")?,
        outlet: p.text("outlet"),
        text: p.text("q"),
        contested_first: order == "contested",
        limit: limit + 1,
        offset,
    };
    let rows = state.read(move |s, _| Ok(s.claims(&query)?)).await?;
    Ok(Json(Page::new(rows, limit, offset)))
}

/// `GET /api/v1/claims/{id}`.
pub(crate) async fn claim(State(state): State<AppState>, Path(raw): Path<String>) -> ApiResult<ClaimTrail> {
    let id = id(&raw, "claim")?;
    let trail = state.read(move |s, _| Ok(s.claim(id)?)).await?;
    trail.map(Json).ok_or_else(|| ApiError::not_found(format!("no claim {id}")))
}

/// `GET /api/v1/entities`.
pub(crate) async fn entities(State(state): State<AppState>, p: Params) -> ApiResult<Page<EntitySummary>> {
    let (limit, offset) = p.paging(DEFAULT_LIMIT, MAX_LIMIT)?;
    let query = EntityQuery { name: p.text("q"), kind: p.text("kind"), limit: limit + 1, offset };
    let rows = state.read(move |s, _| Ok(s.entities(&query)?)).await?;
    Ok(Json(Page::new(rows, limit, offset)))
}

/// `GET /api/v1/outlets`.
pub(crate) async fn outlets(State(state): State<AppState>, p: Params) -> ApiResult<Page<OutletSummary>> {
    let (limit, offset) = p.paging(DEFAULT_LIMIT, MAX_LIMIT)?;
    let rows = state.read(move |s, _| Ok(s.outlets(limit + 1, offset)?)).await?;
    Ok(Json(Page::new(rows, limit, offset)))
}

/// `GET /api/v1/entities/{id}`.
pub(crate) async fn entity(State(state): State<AppState>, Path(raw): Path<String>) -> ApiResult<EntityProfile> {
    let id = id(&raw, "entity")?;
    let profile = state.read(move |s, _| Ok(s.entity_by_id(id)?)).await?;
    profile.map(Json).ok_or_else(|| ApiError::not_found(format!("no entity {id}")))
}

/// A JSON body serialized ahead (a cached answer).
pub(crate) struct JsonBytes(pub Bytes);

impl IntoResponse for JsonBytes {
    fn into_response(self) -> Response {
        let mut r = self.0.into_response();
        r.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
        r
    }
}

/// The answer under `key` from the cache, else computed by `f` on a reader, serialized there
/// and cached: for costly aggregates that change only with writes.
async fn cached<T, F>(state: &AppState, key: String, f: F) -> Result<JsonBytes, ApiError>
where
    T: Serialize,
    F: FnOnce(&claimtrail_store::SqliteStore) -> Result<T, ApiError> + Send + 'static,
{
    if let Some(body) = state.cached(&key) {
        return Ok(JsonBytes(body));
    }
    let generation = state.generation();
    let body = state.read(move |s, _| serde_json::to_vec(&f(s)?).map(Bytes::from).map_err(ApiError::internal)).await?;
    state.remember(key, generation, body.clone());
    Ok(JsonBytes(body))
}

/// `GET /api/v1/sources` (cached: a corpus-wide aggregate).
pub(crate) async fn sources(State(state): State<AppState>, p: Params) -> Result<JsonBytes, ApiError> {
    let (limit, offset) = p.paging(DEFAULT_LIMIT, MAX_LIMIT)?;
    let outlet = p.text("outlet");
    let key = format!("sources {limit} {offset} {outlet:?}");
    let query = SourceQuery { outlet, limit: limit + 1, offset };
    cached(&state, key, move |s| Ok(Page::<SourceSummary>::new(s.sources(&query)?, limit, offset))).await
}

/// A node of the source network.
#[derive(Debug, Clone, Serialize)]
pub struct GraphNode {
    /// Key (edges refer to it).
    pub id: String,
    /// Display name.
    pub label: String,
    /// person | organization | outlet | anonymous | ...
    pub kind: String,
    /// Statements it takes part in as speaker, relay or publishing outlet.
    pub weight: u32,
}

/// An edge of the source network.
#[derive(Debug, Clone, Serialize)]
pub struct GraphEdge {
    /// From node id.
    pub source: String,
    /// To node id.
    pub target: String,
    /// cited_by | relayed_by | published_in.
    pub relation: String,
    /// Statements behind it.
    pub weight: u32,
}

/// The source network.
#[derive(Debug, Clone, Serialize)]
pub struct Graph {
    /// Nodes.
    pub nodes: Vec<GraphNode>,
    /// Edges.
    pub edges: Vec<GraphEdge>,
}

impl From<claimtrail_store::SourceGraph> for Graph {
    fn from(g: claimtrail_store::SourceGraph) -> Graph {
        let nodes = g
            .nodes
            .into_iter()
            .zip(g.weights.into_iter().chain(std::iter::repeat(0)))
            .map(|((id, label, kind), weight)| GraphNode { id, label, kind, weight })
            .collect();
        let edges = g
            .edges
            .into_iter()
            .map(|(source, target, relation, weight)| GraphEdge { source, target, relation, weight })
            .collect();
        Graph { nodes, edges }
    }
}

/// `GET /api/v1/sources/graph` (cached: a corpus-wide aggregate).
pub(crate) async fn source_graph(State(state): State<AppState>, p: Params) -> Result<JsonBytes, ApiError> {
    let max_nodes = p.int("max_nodes", GRAPH_NODES.0, 1, GRAPH_NODES.1)?;
    cached(&state, format!("graph {max_nodes}"), move |s| Ok(Graph::from(s.source_graph(max_nodes)?))).await
}

/// `GET /api/v1/articles`.
pub(crate) async fn articles(State(state): State<AppState>, p: Params) -> ApiResult<Page<ArticleRef>> {
    let (limit, offset) = p.paging(DEFAULT_LIMIT, MAX_LIMIT)?;
    let query = ArticleQuery { outlet: p.text("outlet"), limit: limit + 1, offset };
    let rows = state.read(move |s, _| Ok(s.articles(&query)?)).await?;
    Ok(Json(Page::new(rows, limit, offset)))
}

async fn article_view(state: &AppState, raw: &str) -> Result<ArticleView, ApiError> {
    let id = id(raw, "article")?;
    let view = state.read(move |s, _| Ok(s.article(id)?)).await?;
    view.ok_or_else(|| ApiError::not_found(format!("no article {id}")))
}

/// `GET /api/v1/articles/{id}`.
pub(crate) async fn article(
    State(state): State<AppState>,
    Path(raw): Path<String>,
) -> ApiResult<claimtrail_core::contract::Analysis> {
    Ok(Json(article_view(&state, &raw).await?.analysis))
}

/// An article's links into the corpus.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleLinks {
    /// The article.
    pub article: ArticleRef,
    /// The original of its wire group, if it is a copy.
    pub copy_of: Option<ArticleRef>,
    /// The other articles of its wire group.
    pub copies: Vec<ArticleRef>,
    /// Local claim id -> corpus claim id.
    pub claims: Vec<(String, i64)>,
    /// Local entity id -> corpus entity id.
    pub entities: Vec<(String, i64)>,
}

/// `GET /api/v1/articles/{id}/links`.
pub(crate) async fn article_links(State(state): State<AppState>, Path(raw): Path<String>) -> ApiResult<ArticleLinks> {
    let v = article_view(&state, &raw).await?;
    Ok(Json(ArticleLinks {
        article: v.article,
        copy_of: v.copy_of,
        copies: v.copies,
        claims: v.claims,
        entities: v.entities,
    }))
}

/// `GET /api/v1/search`.
pub(crate) async fn search(State(state): State<AppState>, p: Params) -> ApiResult<Page<SearchHit>> {
    let q = query_text(&p, "q")?;
    let (limit, offset) = p.paging(DEFAULT_LIMIT, MAX_LIMIT)?;
    // Ranked search has no cheap deep pages: results end at MAX_SEARCH_DEPTH (a page past it is
    // empty, the page reaching it has no next page).
    if offset >= MAX_SEARCH_DEPTH {
        return Ok(Json(Page::new(Vec::new(), limit, offset)));
    }
    let take = limit.min(MAX_SEARCH_DEPTH - offset);
    let hits = state.read(move |s, _| Ok(s.search(&q, offset + take + 1)?)).await?;
    let mut items: Vec<SearchHit> = hits.into_iter().skip(offset).collect();
    if offset + take >= MAX_SEARCH_DEPTH {
        items.truncate(take);
    }
    Ok(Json(Page::new(items, limit, offset)))
}

/// `GET /api/v1/check`.
pub(crate) async fn check(
    State(state): State<AppState>,
    p: Params,
) -> ApiResult<claimtrail_check::corpus::CheckResult> {
    let q = query_text(&p, "q")?;
    let limit = p.int("limit", CHECK_LIMIT.0, 1, CHECK_LIMIT.1)?;
    let result = state.read(move |s, m| Ok(claimtrail_check::corpus::check(s as &dyn Store, m, &q, limit)?)).await?;
    Ok(Json(result))
}
