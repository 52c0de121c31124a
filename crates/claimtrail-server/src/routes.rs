//! The route table: one list of the API's endpoints, used both to build the router
//! ([`crate::app`]) and the OpenAPI document ([`crate::openapi`]), so neither can miss one.

use axum::routing::{get, post, MethodRouter};

use crate::state::AppState;
use crate::{api, ingest, openapi};

/// An endpoint of the JSON API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    /// `GET /api/v1/stats`.
    Stats,
    /// `GET /api/v1/claims`.
    Claims,
    /// `GET /api/v1/claims/{id}`.
    Claim,
    /// `GET /api/v1/entities`.
    Entities,
    /// `GET /api/v1/entities/{id}`.
    Entity,
    /// `GET /api/v1/sources`.
    Sources,
    /// `GET /api/v1/sources/graph`.
    SourceGraph,
    /// `GET /api/v1/articles`.
    Articles,
    /// `GET /api/v1/articles/{id}`.
    Article,
    /// `GET /api/v1/articles/{id}/links`.
    ArticleLinks,
    /// `GET /api/v1/search`.
    Search,
    /// `GET /api/v1/check`.
    Check,
    /// `POST /api/v1/articles`.
    Ingest,
    /// `GET /api/v1/openapi.json`.
    OpenApi,
}

/// One API route.
#[derive(Debug, Clone, Copy)]
pub struct Route {
    /// `GET` or `POST`.
    pub method: &'static str,
    /// Path, with `{id}` parameters (axum's and OpenAPI's syntax alike).
    pub path: &'static str,
    /// Which handler.
    pub endpoint: Endpoint,
    /// One line for the OpenAPI document.
    pub summary: &'static str,
}

const fn route(method: &'static str, path: &'static str, endpoint: Endpoint, summary: &'static str) -> Route {
    Route { method, path, endpoint, summary }
}

/// Every API route.
pub const API_ROUTES: &[Route] = &[
    route("GET", "/api/v1/stats", Endpoint::Stats, "Counts of articles, wire groups, entities, claims, statements"),
    route("GET", "/api/v1/claims", Endpoint::Claims, "Claims, contested first (the claim board)"),
    route("GET", "/api/v1/claims/{id}", Endpoint::Claim, "One claim's trail: every statement about it"),
    route("GET", "/api/v1/entities", Endpoint::Entities, "Entities, most mentioned first"),
    route("GET", "/api/v1/entities/{id}", Endpoint::Entity, "One entity's profile and timeline"),
    route("GET", "/api/v1/sources", Endpoint::Sources, "Speakers and outlets with citation counts"),
    route("GET", "/api/v1/sources/graph", Endpoint::SourceGraph, "The source network: who cites whom"),
    route("GET", "/api/v1/articles", Endpoint::Articles, "Stored articles, newest stored first"),
    route("POST", "/api/v1/articles", Endpoint::Ingest, "Ingest one article (needs the ingest token)"),
    route("GET", "/api/v1/articles/{id}", Endpoint::Article, "One article's analysis (claimtrail.analysis/1)"),
    route("GET", "/api/v1/articles/{id}/links", Endpoint::ArticleLinks, "One article's wire group and corpus ids"),
    route("GET", "/api/v1/search", Endpoint::Search, "Full-text search over articles and statements"),
    route("GET", "/api/v1/check", Endpoint::Check, "Which stored claims say the same as a sentence, with stances"),
    route("GET", "/api/v1/openapi.json", Endpoint::OpenApi, "This API as OpenAPI 3.1"),
];

/// The handler of an endpoint.
pub(crate) fn handler(endpoint: Endpoint) -> MethodRouter<AppState> {
    match endpoint {
        Endpoint::Stats => get(api::stats),
        Endpoint::Claims => get(api::claims),
        Endpoint::Claim => get(api::claim),
        Endpoint::Entities => get(api::entities),
        Endpoint::Entity => get(api::entity),
        Endpoint::Sources => get(api::sources),
        Endpoint::SourceGraph => get(api::source_graph),
        Endpoint::Articles => get(api::articles),
        Endpoint::Article => get(api::article),
        Endpoint::ArticleLinks => get(api::article_links),
        Endpoint::Search => get(api::search),
        Endpoint::Check => get(api::check),
        Endpoint::Ingest => post(ingest::ingest),
        Endpoint::OpenApi => get(openapi::handler),
    }
}
