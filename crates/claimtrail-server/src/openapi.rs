//! `GET /api/v1/openapi.json`: the API as an OpenAPI 3.1 document, built from the route table
//! ([`crate::routes::API_ROUTES`]) so that every route is described.

use axum::Json;
use serde_json::{json, Map, Value};

use crate::api::{CHECK_LIMIT, GRAPH_NODES, MAX_QUERY_BYTES};
use crate::ingest::MAX_BODY_BYTES;
use crate::params::{DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET};
use crate::routes::{Endpoint, API_ROUTES};

/// `GET /api/v1/openapi.json`.
pub(crate) async fn handler() -> Json<Value> {
    Json(document())
}

fn schema_ref(name: &str) -> Value {
    json!({"$ref": format!("#/components/schemas/{name}")})
}

fn param(name: &str, location: &str, required: bool, schema: Value, description: &str) -> Value {
    json!({"name": name, "in": location, "required": required, "schema": schema, "description": description})
}

fn text(name: &str, description: &str) -> Value {
    param(name, "query", false, json!({"type": "string"}), description)
}

fn date(name: &str, description: &str) -> Value {
    param(
        name,
        "query",
        false,
        json!({"type": "string", "pattern": "^\\s*\\d{4}(-\\d{2}(-\\d{2})?)?\\s*$"}),
        description,
    )
}

/// An optional integer query parameter in `1..=max` with its default.
fn bounded(name: &str, default: usize, max: usize, description: &str) -> Value {
    param(
        name,
        "query",
        false,
        json!({"type": "integer", "minimum": 1, "maximum": max, "default": default}),
        description,
    )
}

fn paging() -> Vec<Value> {
    vec![
        bounded("limit", DEFAULT_LIMIT, MAX_LIMIT, "page size"),
        param(
            "offset",
            "query",
            false,
            json!({"type": "integer", "minimum": 0, "maximum": MAX_OFFSET, "default": 0}),
            "rows to skip",
        ),
    ]
}

fn path_id(what: &str) -> Value {
    param("id", "path", true, json!({"type": "integer", "minimum": 1}), &format!("{what} id"))
}

fn required_q(description: &str) -> Value {
    param("q", "query", true, json!({"type": "string", "minLength": 1, "maxLength": MAX_QUERY_BYTES}), description)
}

fn page_of(item: &str) -> Value {
    json!({
        "type": "object",
        "required": ["items", "limit", "offset", "next_offset"],
        "properties": {
            "items": {"type": "array", "items": schema_ref(item)},
            "limit": {"type": "integer"},
            "offset": {"type": "integer"},
            "next_offset": {"type": ["integer", "null"]}
        }
    })
}

fn ok(schema: Value) -> Value {
    json!({"description": "OK", "content": {"application/json": {"schema": schema}}})
}

fn error(description: &str) -> Value {
    json!({"description": description, "content": {"application/json": {"schema": schema_ref("Error")}}})
}

/// Parameters and the success answer of an endpoint.
fn describe(e: Endpoint) -> (Vec<Value>, Value) {
    match e {
        Endpoint::Stats => (vec![], ok(schema_ref("StoreStats"))),
        Endpoint::Claims => {
            let mut p = paging();
            p.extend([
                param("contested", "query", false, json!({"type": "boolean"}), "only contested claims"),
                text("entity", "only claims with this entity (name, alias or surname)"),
                text("outlet", "only claims with a statement published or relayed by this outlet"),
                date("since", "only claims with a statement on or after this date"),
                date("until", "only claims with a statement on or before this date"),
                text("q", "only claims whose gist or statements contain these words"),
                param(
                    "order",
                    "query",
                    false,
                    json!({"type": "string", "enum": ["contested", "cited"], "default": "contested"}),
                    "contested first (the board), or most cited first",
                ),
            ]);
            (p, ok(page_of("ClaimSummary")))
        }
        Endpoint::Claim => (vec![path_id("claim")], ok(schema_ref("ClaimTrail"))),
        Endpoint::Entities => {
            let mut p = paging();
            p.extend([text("q", "name or alias (a word prefix matches)"), text("kind", "person, organization, ...")]);
            (p, ok(page_of("EntitySummary")))
        }
        Endpoint::Entity => (vec![path_id("entity")], ok(schema_ref("EntityProfile"))),
        Endpoint::Sources => {
            let mut p = paging();
            p.push(text("outlet", "only sources cited by this outlet"));
            (p, ok(page_of("SourceSummary")))
        }
        Endpoint::SourceGraph => (
            vec![bounded("max_nodes", GRAPH_NODES.0, GRAPH_NODES.1, "keep the heaviest nodes")],
            ok(schema_ref("SourceGraph")),
        ),
        Endpoint::Outlets => (paging(), ok(page_of("OutletSummary"))),
        Endpoint::Articles => {
            let mut p = paging();
            p.push(text("outlet", "only articles of this outlet"));
            (p, ok(page_of("ArticleRef")))
        }
        Endpoint::Article => (vec![path_id("article")], ok(schema_ref("Analysis"))),
        Endpoint::ArticleLinks => (vec![path_id("article")], ok(schema_ref("ArticleLinks"))),
        Endpoint::Search => {
            let mut p = vec![required_q("words to find")];
            p.extend(paging());
            (p, ok(page_of("SearchHit")))
        }
        Endpoint::Check => (
            vec![
                required_q("one sentence, as a reader would write it"),
                bounded("limit", CHECK_LIMIT.0, CHECK_LIMIT.1, "at most this many matching claims"),
            ],
            ok(schema_ref("CheckResult")),
        ),
        Endpoint::Ingest => (
            vec![],
            json!({"description": "Already stored (same text)", "content": {"application/json": {"schema": schema_ref("IngestResult")}}}),
        ),
        Endpoint::OpenApi => (vec![], ok(json!({"type": "object"}))),
    }
}

fn operation(method: &str, path: &str, e: Endpoint, summary: &str) -> Value {
    let (parameters, success) = describe(e);
    let mut responses = Map::new();
    if e == Endpoint::Ingest {
        responses.insert(
            "201".into(),
            json!({
                "description": "Stored",
                "headers": {"Location": {"schema": {"type": "string"}, "description": "the article's URL"}},
                "content": {"application/json": {"schema": schema_ref("IngestResult")}}
            }),
        );
        responses.insert("200".into(), success);
        for (code, what) in [
            ("400", "The body is not JSON"),
            ("401", "Missing or wrong token"),
            ("403", "The server is read-only"),
            ("413", "The body is larger than the limit"),
            ("415", "The body is not application/json"),
            ("422", "The body is JSON but not an article"),
        ] {
            responses.insert(code.into(), error(what));
        }
    } else {
        responses.insert("200".into(), success);
        if parameters.iter().any(|p| p["in"] == "query") {
            responses.insert("400".into(), error("A parameter is invalid"));
        }
        if path.contains("{id}") {
            responses.insert("404".into(), error("No such id"));
        }
    }
    responses.insert("500".into(), error("Internal error (details in the server's log)"));
    let id =
        format!("{}{}", method.to_lowercase(), path.trim_start_matches("/api/v1").replace(['/', '{', '}', '.'], "_"));
    let mut op = json!({"operationId": id, "summary": summary, "parameters": parameters, "responses": responses});
    if e == Endpoint::Ingest {
        op["security"] = json!([{"bearer": []}]);
        op["requestBody"] = json!({
            "required": true,
            "description": format!("One article, the fields of a JSON line of `claimtrail ingest`; at most {MAX_BODY_BYTES} bytes"),
            "content": {"application/json": {"schema": schema_ref("IngestRequest")}}
        });
    }
    op
}

fn object(required: &[&str], properties: Value) -> Value {
    json!({"type": "object", "required": required, "properties": properties})
}

fn nullable(t: &str) -> Value {
    json!({"type": [t, "null"]})
}

fn schemas() -> Value {
    let int = json!({"type": "integer"});
    let string = json!({"type": "string"});
    let strings = json!({"type": "array", "items": {"type": "string"}});
    let stance = json!({"type": "string", "enum": ["asserts", "denies", "hedges", "no_knowledge"]});
    let article_refs = json!({"type": "array", "items": schema_ref("ArticleRef")});
    let id_pairs = json!({"type": "array", "items": {"type": "array", "prefixItems": [string, int], "minItems": 2, "maxItems": 2}});
    json!({
        "Error": object(&["error"], json!({"error": object(&["code", "message"], json!({
            "code": {"type": "string", "enum": ["bad_request", "unauthorized", "not_found", "method_not_allowed",
                "payload_too_large", "unsupported_media_type", "unprocessable", "read_only", "internal"]},
            "message": string
        }))})),
        "StoreStats": object(&["articles", "wire_groups", "entities", "claims", "statements", "text_bytes", "store_bytes"], json!({
            "articles": int, "wire_groups": int, "entities": int, "claims": int, "statements": int,
            "text_bytes": int, "store_bytes": int
        })),
        "ArticleRef": object(&["id", "doc_id"], json!({
            "id": int, "doc_id": string, "title": nullable("string"), "outlet": nullable("string"),
            "url": nullable("string"), "published": nullable("string")
        })),
        "ClaimSummary": object(&["id", "gist", "asserts", "denies", "hedges", "no_knowledge", "articles", "contested"], json!({
            "id": int, "gist": string, "event": nullable("string"), "when": nullable("string"),
            "participants": strings, "asserts": int, "denies": int, "hedges": int, "no_knowledge": int,
            "articles": int, "contested": {"type": "boolean"}, "first_seen": nullable("string"),
            "last_seen": nullable("string")
        })),
        "StatementRow": object(&["id", "source", "source_kind", "stance", "via", "quote", "article", "span"], json!({
            "id": int, "source_entity": nullable("integer"), "source": string, "source_kind": string,
            "stance": stance, "via": strings, "date": nullable("string"), "quote": string,
            "article": schema_ref("ArticleRef"),
            "span": {"type": "array", "items": int, "minItems": 2, "maxItems": 2},
            "attribution": nullable("string"), "copies": article_refs
        })),
        "ClaimTrail": object(&["claim", "statements"], json!({
            "claim": schema_ref("ClaimSummary"),
            "statements": {"type": "array", "items": schema_ref("StatementRow")}
        })),
        "OutletSummary": object(&["name", "articles"], json!({"name": string, "articles": int})),
        "EntitySummary": object(&["id", "name", "kind", "mentions", "articles"], json!({
            "id": int, "name": string, "kind": string, "mentions": int, "articles": int
        })),
        "EntityStatement": object(&["gist", "source", "stance", "quote", "article"], json!({
            "date": nullable("string"), "claim": nullable("integer"), "gist": string, "source": string,
            "stance": stance, "quote": string, "via": strings, "article": schema_ref("ArticleRef")
        })),
        "EntityProfile": object(&["id", "name", "kind", "aliases", "roles", "said", "said_about"], json!({
            "id": int, "name": string, "kind": string, "aliases": strings, "roles": strings, "articles": int,
            "said": {"type": "array", "items": schema_ref("EntityStatement")},
            "said_about": {"type": "array", "items": schema_ref("EntityStatement")}
        })),
        "SourceSummary": object(&["name", "kind", "statements", "articles"], json!({
            "entity": nullable("integer"), "name": string, "kind": string, "statements": int, "articles": int,
            "cited_by": id_pairs, "anonymous_share": nullable("number")
        })),
        "SourceGraph": object(&["nodes", "edges"], json!({
            "nodes": {"type": "array", "items": object(&["id", "label", "kind", "weight"], json!({
                "id": string, "label": string, "kind": string, "weight": int
            }))},
            "edges": {"type": "array", "items": object(&["source", "target", "relation", "weight"], json!({
                "source": string, "target": string,
                "relation": {"type": "string", "enum": ["cited_by", "relayed_by", "published_in"]}, "weight": int
            }))}
        })),
        "Analysis": {
            "type": "object",
            "description": "The claimtrail.analysis/1 contract (docs/contract.md), text included",
            "required": ["schema", "document"],
            "properties": {"schema": {"const": "claimtrail.analysis/1"}, "document": {"type": "object"},
                "entities": {"type": "array"}, "attributions": {"type": "array"}, "claims": {"type": "array"},
                "times": {"type": "array"}}
        },
        "ArticleLinks": object(&["article", "copy_of", "copies", "claims", "entities"], json!({
            "article": schema_ref("ArticleRef"),
            "copy_of": {"oneOf": [schema_ref("ArticleRef"), {"type": "null"}]},
            "copies": article_refs, "claims": id_pairs, "entities": id_pairs
        })),
        "SearchHit": object(&["kind", "article", "snippet", "score"], json!({
            "kind": {"type": "string", "enum": ["article", "statement"]}, "article": schema_ref("ArticleRef"),
            "statement": nullable("integer"), "claim": nullable("integer"),
            "snippet": {"type": "string", "description": "matches in [ ]"}, "score": {"type": "number"}
        })),
        "CheckResult": object(&["query", "matches"], json!({
            "query": string,
            "matches": {"type": "array", "items": object(&["claim", "gist", "score", "documents"], json!({
                "claim": nullable("integer"), "gist": string, "score": {"type": "number"},
                "documents": {"type": "array", "items": object(&["article", "id", "stance", "source", "quote"], json!({
                    "article": int, "id": string, "stance": stance, "source": string, "quote": string
                }))}
            }))}
        })),
        "IngestRequest": object(&["text"], json!({
            "id": {"type": ["string", "integer"], "description": "defaults to a hash of the text"},
            "text": {"type": "string", "minLength": 1, "pattern": "\\S", "description": "the article; not blank"},
            "title": string, "outlet": string, "url": string,
            "published": {"type": "string", "description": "YYYY-MM-DD"}
        })),
        "IngestResult": object(&["article", "status"], json!({
            "article": int, "status": {"type": "string", "enum": ["stored", "duplicate"]},
            "copy_of": nullable("integer")
        }))
    })
}

/// The OpenAPI 3.1 document.
pub fn document() -> Value {
    let mut paths = Map::new();
    for r in API_ROUTES {
        let item = paths.entry(r.path).or_insert_with(|| json!({}));
        item[r.method.to_lowercase()] = operation(r.method, r.path, r.endpoint, r.summary);
    }
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "claimtrail",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Who said what, through whom, and who denies it: the claim board's JSON API (docs/api.md)."
        },
        "paths": paths,
        "components": {
            "schemas": schemas(),
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_is_described_with_its_refs_resolved() {
        let doc = document();
        assert_eq!(doc["openapi"], "3.1.0");
        for r in API_ROUTES {
            let op = &doc["paths"][r.path][r.method.to_lowercase()];
            assert!(op.is_object(), "{} {}", r.method, r.path);
            assert!(op["responses"]["500"].is_object());
        }
        let text = doc.to_string();
        for piece in text.split("#/components/schemas/").skip(1) {
            let name: String = piece.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
            assert!(doc["components"]["schemas"][&name].is_object(), "dangling $ref {name}");
        }
    }

    /// The API's surface at a glance: a change to a route, a parameter or an answer shows up in
    /// review.
    #[test]
    fn surface_snapshot() {
        let doc = document();
        let mut lines = Vec::new();
        for (path, item) in doc["paths"].as_object().unwrap() {
            for (method, op) in item.as_object().unwrap() {
                let params: Vec<String> = op["parameters"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|p| {
                        let req = if p["required"] == true { "!" } else { "" };
                        format!("{}{req}", p["name"].as_str().unwrap())
                    })
                    .collect();
                let statuses: Vec<&str> = op["responses"].as_object().unwrap().keys().map(String::as_str).collect();
                lines.push(format!(
                    "{} {path} ({}) -> {}",
                    method.to_uppercase(),
                    params.join(", "),
                    statuses.join(" ")
                ));
            }
        }
        insta::assert_snapshot!(lines.join("\n"));
    }
}
