//! Derived tables and indexes added within schema version 1 (the web API's queries).
//!
//! They hold nothing that is not in the base tables, so an older store gets them created and
//! filled once when a writer opens it ([`ensure`]), and the schema version stays the same:
//!
//! - `articles_outlet`: articles by outlet (the articles list's filter).
//! - `statements_trail`: a claim's statements by stance and date (the oldest of each stance
//!   in a claim's trail, without reading the others).
//! - `claims_fts`: each claim's gist and participant names (the board's search box).
//! - `entity_names_fts`: every entity name and alias (the entity list's name filter).
//! - `claim_outlets`: (outlet normalized with `TextAnalyzer::normalize`, claim) for every claim
//!   with a statement published by or relayed through that outlet (the board's outlet filter).
//! - `graph_nodes`, `graph_edges`: the source network with counts.
//!
//! The indexes are kept up to date by SQLite itself. The rest is filled by [`sync`] at the end
//! of every write batch and when a writer opens the store (catching up with whatever an older
//! claimtrail wrote): `claims_fts` (one row per claim, once its participants are known),
//! `claim_outlets` and the graph from the claims and statements stored after their watermarks
//! (`claims_fts_upto`, `derived_upto` in `meta`), `entity_names_fts` from the entities stored
//! after `entity_names_upto` and the aliases and renames of the batch (an older claimtrail's
//! aliases of older entities are missed). No triggers: see [`ensure`].

use std::collections::{BTreeMap, BTreeSet, HashSet};

use rusqlite::{params, Connection, OptionalExtension};

use super::query::{is_pronoun, scan_sources, SourceRow};
use super::EN;
use crate::{Result, SourceGraph};

/// Created when missing, in this order; the second item fills a newly created table from the
/// base tables (`None`: SQLite fills it, or nothing to fill).
const DERIVED: &[(&str, &str, Option<&str>)] = &[
    ("articles_outlet", "CREATE INDEX articles_outlet ON articles(outlet);", None),
    (
        "statements_trail",
        "CREATE INDEX statements_trail ON statements(claim, stance, date)
         WHERE copy_of_statement IS NULL AND claim IS NOT NULL;",
        None,
    ),
    (
        "claims_fts",
        "CREATE VIRTUAL TABLE claims_fts USING fts5(gist, names, tokenize='unicode61 remove_diacritics 2');
         INSERT OR REPLACE INTO meta(key, value) VALUES ('claims_fts_upto', 0);",
        None,
    ),
    (
        "entity_names_fts",
        "CREATE VIRTUAL TABLE entity_names_fts USING fts5(
             name, entity UNINDEXED, tokenize='unicode61 remove_diacritics 2'
         );",
        Some(
            "INSERT INTO entity_names_fts(name, entity)
                 SELECT name, id FROM entities UNION ALL SELECT alias, entity FROM entity_aliases;
             INSERT OR REPLACE INTO meta(key, value) VALUES ('entity_names_upto', (SELECT COALESCE(MAX(id), 0) FROM entities));",
        ),
    ),
    (
        "graph_nodes",
        "CREATE TABLE IF NOT EXISTS claim_outlets (
             outlet TEXT NOT NULL,
             claim INTEGER NOT NULL,
             PRIMARY KEY (outlet, claim)
         ) WITHOUT ROWID;
         CREATE TABLE graph_nodes (
             key TEXT PRIMARY KEY,
             label TEXT NOT NULL,
             kind TEXT NOT NULL,
             weight INTEGER NOT NULL DEFAULT 0
         ) WITHOUT ROWID;
         CREATE TABLE graph_edges (
             source TEXT NOT NULL,
             target TEXT NOT NULL,
             relation TEXT NOT NULL,
             weight INTEGER NOT NULL DEFAULT 0,
             PRIMARY KEY (source, target, relation)
         ) WITHOUT ROWID;",
        None,
    ),
];

fn exists(conn: &Connection, name: &str) -> Result<bool> {
    let mut st = conn.prepare_cached("SELECT 1 FROM sqlite_master WHERE name = ?1")?;
    Ok(st.query_row([name], |_| Ok(())).optional()?.is_some())
}

/// Creates the derived tables and indexes a store lacks and fills them (inside the writer's
/// opening transaction).
pub(super) fn ensure(conn: &Connection) -> Result<()> {
    // Development versions of these tables (a trigger-kept `claim_outlets`, a board index):
    // dropped, and the counted tables counted again.
    let upto: Option<i64> =
        conn.query_row("SELECT value FROM meta WHERE key = 'derived_upto'", [], |r| r.get(0)).optional()?;
    if upto.is_none() {
        conn.execute_batch(
            "DROP TRIGGER IF EXISTS claim_outlets_statement; DROP INDEX IF EXISTS claims_board;
             DROP TRIGGER IF EXISTS claims_fts_claim; DROP TRIGGER IF EXISTS claims_fts_participant;
             DROP TRIGGER IF EXISTS claims_fts_rename; DROP TABLE IF EXISTS claims_fts;
             DROP TRIGGER IF EXISTS entity_names_entity; DROP TRIGGER IF EXISTS entity_names_rename;
             DROP TRIGGER IF EXISTS entity_names_alias; DROP TABLE IF EXISTS entity_names_fts;
             DROP TABLE IF EXISTS entity_names_log; DELETE FROM meta WHERE key = 'entity_names_upto';
             DROP TABLE IF EXISTS claim_outlets; DROP TABLE IF EXISTS graph_nodes; DROP TABLE IF EXISTS graph_edges;
             DELETE FROM meta WHERE key = 'graph_upto';
             INSERT INTO meta(key, value) VALUES ('derived_upto', 0);",
        )?;
    }
    // No triggers: a statement that can fire one runs in a statement transaction, and each of
    // those is a savepoint of the full-text tables, which flushes `articles_fts` (a fifth
    // slower ingest). Development versions had some.
    conn.execute_batch(
        "DROP TRIGGER IF EXISTS claims_fts_rename; DROP TRIGGER IF EXISTS entity_names_entity;
         DROP TRIGGER IF EXISTS entity_names_rename; DROP TRIGGER IF EXISTS entity_names_alias;
         DROP TABLE IF EXISTS entity_names_log;",
    )?;
    if exists(conn, "entity_names_fts")? {
        conn.execute_batch(
            "INSERT OR IGNORE INTO meta(key, value)
                 VALUES ('entity_names_upto', (SELECT COALESCE(MAX(id), 0) FROM entities));",
        )?;
    }
    for (name, create, fill) in DERIVED {
        if exists(conn, name)? {
            continue;
        }
        conn.execute_batch(create)?;
        if let Some(fill) = fill {
            conn.execute_batch(fill)?;
        }
    }
    Ok(())
}

/// Which derived tables a store has (a read-only connection to a store that no writer of this
/// version has opened lacks them; queries then take the slow paths).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Have {
    pub(super) articles_outlet: bool,
    pub(super) claim_outlets: bool,
    pub(super) claims_fts: bool,
    pub(super) entity_names_fts: bool,
    pub(super) graph: bool,
}

impl Have {
    pub(super) fn probe(conn: &Connection) -> Result<Have> {
        Ok(Have {
            articles_outlet: exists(conn, "articles_outlet")?,
            claim_outlets: exists(conn, "claim_outlets")?,
            claims_fts: exists(conn, "claims_fts")?,
            entity_names_fts: exists(conn, "entity_names_fts")?,
            graph: exists(conn, "graph_nodes")?,
        })
    }
}

/// Brings the derived tables that SQLite does not maintain (`claim_outlets`, the source graph)
/// up to date with the statements stored after their watermark.
pub(super) fn sync(conn: &Connection, names: &[(i64, String, bool)]) -> Result<()> {
    let upto: i64 = conn
        .prepare_cached("SELECT value FROM meta WHERE key = 'derived_upto'")?
        .query_row([], |r| r.get(0))
        .optional()?
        .unwrap_or(0);
    let last: i64 = conn.prepare_cached("SELECT COALESCE(MAX(id), 0) FROM statements")?.query_row([], |r| r.get(0))?;
    sync_claims_fts(conn)?;
    sync_names(conn, names)?;
    if last <= upto {
        return Ok(());
    }
    let mut g = GraphAgg::default();
    let mut outlets: HashSet<(String, i64)> = HashSet::new();
    scan_sources(conn, Some((upto, last)), &mut |r| {
        if let Some(claim) = r.claim {
            for o in r.outlet.iter().chain(&r.via) {
                let key = EN.normalize(o);
                if !key.is_empty() {
                    outlets.insert((key, claim));
                }
            }
        }
        g.add(&r);
    })?;
    let mut st = conn.prepare_cached("INSERT OR IGNORE INTO claim_outlets(outlet, claim) VALUES (?1, ?2)")?;
    for (o, c) in &outlets {
        st.execute(params![o, c])?;
    }
    let mut node = conn.prepare_cached(
        "INSERT INTO graph_nodes(key, label, kind, weight) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(key) DO UPDATE SET weight = weight + excluded.weight",
    )?;
    for (key, (label, kind, w)) in &g.nodes {
        node.execute(params![key, label, kind, w])?;
    }
    let mut edge = conn.prepare_cached(
        "INSERT INTO graph_edges(source, target, relation, weight) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(source, target, relation) DO UPDATE SET weight = weight + excluded.weight",
    )?;
    for ((a, b, rel), w) in &g.edges {
        edge.execute(params![a, b, rel, w])?;
    }
    conn.prepare_cached("UPDATE meta SET value = ?1 WHERE key = 'derived_upto'")?.execute([last])?;
    Ok(())
}

/// Indexes the names of the entities stored after the watermark `entity_names_upto`, and the
/// names this batch gave to older entities (`names`: new aliases, renames); a renamed entity's
/// new name also goes to the `claims_fts` rows of its claims.
fn sync_names(conn: &Connection, names: &[(i64, String, bool)]) -> Result<()> {
    let upto: i64 = conn
        .prepare_cached("SELECT value FROM meta WHERE key = 'entity_names_upto'")?
        .query_row([], |r| r.get(0))
        .optional()?
        .unwrap_or(0);
    let last: i64 = conn.prepare_cached("SELECT COALESCE(MAX(id), 0) FROM entities")?.query_row([], |r| r.get(0))?;
    if last > upto {
        conn.prepare_cached(
            "INSERT INTO entity_names_fts(name, entity)
                 SELECT name, id FROM entities WHERE id > ?1 AND id <= ?2
                 UNION ALL SELECT alias, entity FROM entity_aliases WHERE entity > ?1 AND entity <= ?2",
        )?
        .execute([upto, last])?;
        conn.prepare_cached("INSERT OR REPLACE INTO meta(key, value) VALUES ('entity_names_upto', ?1)")?
            .execute([last])?;
    }
    let mut name = conn.prepare_cached("INSERT INTO entity_names_fts(name, entity) VALUES (?1, ?2)")?;
    let mut claims = conn.prepare_cached(
        "UPDATE claims_fts SET names = names || ' ' || ?1
         WHERE rowid IN (SELECT claim FROM claim_participants WHERE entity = ?2)",
    )?;
    // Entities new in this batch got all their names above.
    for (entity, n, renamed) in names.iter().filter(|x| x.0 <= upto) {
        name.execute(params![n, entity])?;
        if *renamed {
            claims.execute(params![n, entity])?;
        }
    }
    Ok(())
}

/// Indexes the gist and participant names of the claims stored after the watermark
/// `claims_fts_upto` (participants are fixed when a claim is stored; a renamed participant's new
/// name is added by [`sync_names`]).
fn sync_claims_fts(conn: &Connection) -> Result<()> {
    let upto: i64 = conn
        .prepare_cached("SELECT value FROM meta WHERE key = 'claims_fts_upto'")?
        .query_row([], |r| r.get(0))
        .optional()?
        .unwrap_or(0);
    let last: i64 = conn.prepare_cached("SELECT COALESCE(MAX(id), 0) FROM claims")?.query_row([], |r| r.get(0))?;
    if last <= upto {
        return Ok(());
    }
    conn.prepare_cached(
        "INSERT INTO claims_fts(rowid, gist, names)
             SELECT c.id, c.gist, COALESCE((SELECT group_concat(e.name, ' ') FROM claim_participants p
                                           JOIN entities e ON e.id = p.entity WHERE p.claim = c.id), '')
             FROM claims c WHERE c.id > ?1 AND c.id <= ?2",
    )?
    .execute([upto, last])?;
    conn.prepare_cached("UPDATE meta SET value = ?1 WHERE key = 'claims_fts_upto'")?.execute([last])?;
    Ok(())
}

/// The source network being counted: nodes (key -> label, kind, weight) and edges.
#[derive(Default)]
pub(super) struct GraphAgg {
    pub(super) nodes: BTreeMap<String, (String, String, u32)>,
    pub(super) edges: BTreeMap<(String, String, &'static str), u32>,
}

impl GraphAgg {
    fn outlet_node(&mut self, name: &str) -> String {
        let key = format!("outlet:{}", EN.normalize(name));
        if !self.nodes.contains_key(&key) {
            self.nodes.insert(key.clone(), (name.to_string(), "outlet".to_string(), 0));
        }
        key
    }

    /// Counts one statement row: speaker -> farthest relay -> ... -> nearest relay -> publishing
    /// outlet. Each node on the path gains 1 (once per row), each edge 1.
    ///
    /// Speakers that name nobody (the own voice of an article without an outlet, pronouns the
    /// pipeline could not resolve: "he", "who") get no node, as in [`super::query`]'s source
    /// list; the outlets on their path still count.
    pub(super) fn add(&mut self, r: &SourceRow) {
        let nameless = (r.kind == "document" && r.outlet.is_none()) || (r.entity.is_none() && is_pronoun(&r.name));
        let speaker = if nameless {
            None
        } else if r.kind == "outlet" || r.kind == "document" {
            Some(self.outlet_node(&r.name))
        } else {
            self.nodes.entry(r.key.clone()).or_insert_with(|| (r.name.clone(), r.kind.clone(), 0));
            Some(r.key.clone())
        };
        let mut on_path: BTreeSet<String> = BTreeSet::new();
        on_path.extend(speaker.clone());
        let mut prev = speaker;
        let mut relation = "cited_by";
        for v in r.via.iter().rev() {
            let hop = self.outlet_node(v);
            if let Some(p) = prev.filter(|p| *p != hop) {
                *self.edges.entry((p, hop.clone(), relation)).or_default() += 1;
            }
            on_path.insert(hop.clone());
            prev = Some(hop);
            relation = "relayed_by";
        }
        if let Some(o) = r.outlet.as_deref() {
            let pubn = self.outlet_node(o);
            if let Some(p) = prev.filter(|p| *p != pubn) {
                let rel = if relation == "cited_by" && r.via.is_empty() { "published_in" } else { relation };
                *self.edges.entry((p, pubn.clone(), rel)).or_default() += 1;
            }
            on_path.insert(pubn);
        }
        for k in on_path {
            if let Some(n) = self.nodes.get_mut(&k) {
                n.2 += 1;
            }
        }
    }

    /// The graph, heaviest nodes first (ties by key); edges by key.
    pub(super) fn into_graph(self, max_nodes: usize) -> SourceGraph {
        let mut nodes: Vec<(String, String, String, u32)> =
            self.nodes.into_iter().map(|(k, (label, kind, w))| (k, label, kind, w)).collect();
        nodes.sort_by(|a, b| b.3.cmp(&a.3).then_with(|| a.0.cmp(&b.0)));
        if max_nodes > 0 {
            nodes.truncate(max_nodes);
        }
        let kept: BTreeSet<&str> = nodes.iter().map(|n| n.0.as_str()).collect();
        let edges = self
            .edges
            .into_iter()
            .filter(|((a, b, _), _)| kept.contains(a.as_str()) && kept.contains(b.as_str()))
            .map(|((a, b, rel), w)| (a, b, rel.to_string(), w))
            .collect();
        let weights = nodes.iter().map(|n| n.3).collect();
        SourceGraph { nodes: nodes.into_iter().map(|(k, l, kind, _)| (k, l, kind)).collect(), weights, edges }
    }
}

/// The source network from the derived tables: the `max_nodes` heaviest nodes (all with 0) and
/// the edges among them. Labels of resolved entities are their current canonical names.
pub(super) fn graph(conn: &Connection, max_nodes: usize) -> Result<SourceGraph> {
    let limit = if max_nodes == 0 { -1 } else { i64::try_from(max_nodes).unwrap_or(i64::MAX) };
    let mut st = conn.prepare_cached(
        "SELECT n.key, COALESCE(e.name, n.label), n.kind, n.weight
         FROM graph_nodes n LEFT JOIN entities e ON n.key LIKE 'e:%' AND e.id = CAST(substr(n.key, 3) AS INTEGER)
         ORDER BY n.weight DESC, n.key LIMIT ?1",
    )?;
    let nodes: Vec<(String, String, String, u32)> = st
        .query_map([limit], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut edges = Vec::new();
    if !nodes.is_empty() {
        // Edges leaving the kept nodes, by primary key, whose target is kept too.
        let kept: BTreeSet<&str> = nodes.iter().map(|n| n.0.as_str()).collect();
        let mut out = conn.prepare_cached(
            "SELECT source, target, relation, weight FROM graph_edges WHERE source = ?1 ORDER BY target, relation",
        )?;
        for k in &kept {
            let rows = out.query_map([k], |r| Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
            for row in rows {
                let e: (String, String, String, u32) = row?;
                if kept.contains(e.1.as_str()) {
                    edges.push(e);
                }
            }
        }
    }
    let weights = nodes.iter().map(|n| n.3).collect();
    Ok(SourceGraph { nodes: nodes.into_iter().map(|(k, l, kind, _)| (k, l, kind)).collect(), weights, edges })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str, kind: &str, entity: Option<i64>, via: &[&str], outlet: Option<&str>) -> SourceRow {
        SourceRow {
            claim: None,
            entity,
            name: name.to_string(),
            kind: kind.to_string(),
            key: entity.map_or_else(|| format!("t:{}", name.to_lowercase()), |e| format!("e:{e}")),
            article: 1,
            original: true,
            via: via.iter().map(|v| v.to_string()).collect(),
            outlet: outlet.map(str::to_string),
        }
    }

    #[test]
    fn graph_paths_and_nameless_speakers() {
        // (row, nodes expected, edges expected as "from>to:relation")
        let cases: Vec<(SourceRow, Vec<&str>, Vec<&str>)> = vec![
            (
                row("Maria Zakharova", "person", Some(7), &["RIA Novosti"], Some("Reuters")),
                vec!["e:7", "outlet:reuters", "outlet:ria novosti"],
                vec!["e:7>outlet:ria novosti:cited_by", "outlet:ria novosti>outlet:reuters:relayed_by"],
            ),
            (
                row("Peskov", "person", Some(9), &[], Some("TASS")),
                vec!["e:9", "outlet:tass"],
                vec!["e:9>outlet:tass:published_in"],
            ),
            // an unresolved pronoun names nobody: only the outlets count
            (
                row("He", "person", None, &["Interfax"], Some("TASS")),
                vec!["outlet:interfax", "outlet:tass"],
                vec!["outlet:interfax>outlet:tass:relayed_by"],
            ),
            (row("who", "unknown", None, &[], Some("TASS")), vec!["outlet:tass"], vec![]),
            // the own voice of an article without an outlet
            (row("the article", "document", None, &[], None), vec![], vec![]),
            (row("TASS", "document", None, &[], Some("TASS")), vec!["outlet:tass"], vec![]),
        ];
        for (r, nodes, edges) in cases {
            let mut g = GraphAgg::default();
            g.add(&r);
            let got_nodes: Vec<&str> = g.nodes.keys().map(String::as_str).collect();
            assert_eq!(got_nodes, nodes, "{}", r.name);
            let got_edges: Vec<String> = g.edges.keys().map(|(a, b, rel)| format!("{a}>{b}:{rel}")).collect();
            assert_eq!(got_edges, edges, "{}", r.name);
            assert!(g.nodes.values().all(|n| n.2 == 1), "each node on the path counts once: {}", r.name);
        }
    }
}
