//! Read queries of [`super::SqliteStore`].

use std::collections::{HashMap, HashSet};

use claimtrail_core::contract::Analysis;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};

use super::derived::{GraphAgg, Have};
use super::insert::stance_of;
use super::{char_slice, inflate, inflate_text, CharOffsets, EN};
use crate::{
    ArticleQuery, ArticleRef, ArticleView, Candidate, ClaimQuery, ClaimSummary, ClaimTrail, EntityProfile, EntityQuery,
    EntityStatement, EntitySummary, Error, Result, SearchHit, SourceGraph, SourceQuery, SourceSummary, StatementRow,
    StoredArticle,
};

/// Entities returned by one `entity` lookup, at most.
const MAX_PROFILES: usize = 5;
/// Timeline rows per list of a profile, at most (oldest first).
const MAX_TIMELINE: i64 = 500;

const ARTICLE_COLS: &str = "a.id, a.doc_id, a.title, a.outlet, a.url, a.published";
/// A statement's quote: stored, or the article text under its span.
const QUOTE: &str = "COALESCE(s.quote, ct_span(a.text, s.span_start, s.span_end))";

fn article_ref(row: &Row<'_>, at: usize) -> rusqlite::Result<ArticleRef> {
    Ok(ArticleRef {
        id: row.get(at)?,
        doc_id: row.get(at + 1)?,
        title: row.get(at + 2)?,
        outlet: row.get(at + 3)?,
        url: row.get(at + 4)?,
        published: row.get(at + 5)?,
    })
}

fn sql_limit(limit: usize) -> i64 {
    if limit == 0 {
        -1
    } else {
        i64::try_from(limit).unwrap_or(i64::MAX)
    }
}

fn json_list(s: &str) -> Vec<String> {
    serde_json::from_str(s).unwrap_or_default()
}

const CLAIM_COLS: &str = r#"c.id, c.gist, c.event, c."when", c.asserts, c.denies, c.hedges, c.no_knowledge,
    c.articles, c.contested, c.first_seen, c.last_seen"#;

fn claim_row(row: &Row<'_>) -> rusqlite::Result<ClaimSummary> {
    Ok(ClaimSummary {
        id: row.get(0)?,
        gist: row.get(1)?,
        event: row.get(2)?,
        when: row.get(3)?,
        participants: Vec::new(),
        asserts: row.get(4)?,
        denies: row.get(5)?,
        hedges: row.get(6)?,
        no_knowledge: row.get(7)?,
        articles: row.get(8)?,
        contested: row.get(9)?,
        first_seen: row.get(10)?,
        last_seen: row.get(11)?,
    })
}

fn fill_participants(conn: &Connection, c: &mut ClaimSummary) -> Result<()> {
    let mut st = conn.prepare_cached(
        "SELECT e.name FROM claim_participants p JOIN entities e ON e.id = p.entity
         WHERE p.claim = ?1 ORDER BY e.id",
    )?;
    c.participants = st.query_map([c.id], |row| row.get(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(())
}

/// Upper bound for "on or before `until`" on ISO dates of any precision: "2015-08" covers
/// "2015-08-31".
fn until_key(until: &str) -> String {
    format!("{until}~")
}

/// Articles holding every word of the board's search box whose claims join the gist matches,
/// at most (the newest).
const TEXT_ARTICLES: i64 = 300;

/// Distinct values of an indexed text column, at most this many (a skip scan: one index seek per
/// value).
const MAX_DISTINCT: i64 = 100_000;

/// The values of an indexed column (`articles.outlet`) that fold to
/// the same words as `want` (already normalized with [`EN`]).
fn matching_values(conn: &Connection, table: &str, column: &str, want: &str) -> Result<Vec<String>> {
    let mut st = conn.prepare_cached(&format!(
        "WITH RECURSIVE k(x, n) AS (
             SELECT (SELECT min({column}) FROM {table}), 0
             UNION ALL
             SELECT (SELECT min({column}) FROM {table} WHERE {column} > k.x), n + 1 FROM k
             WHERE k.x IS NOT NULL AND n < ?1
         )
         SELECT x FROM k WHERE x IS NOT NULL"
    ))?;
    let mut out = Vec::new();
    let mut rows = st.query([MAX_DISTINCT])?;
    while let Some(row) = rows.next()? {
        let v: String = row.get(0)?;
        if EN.normalize(&v) == want {
            out.push(v);
        }
    }
    Ok(out)
}

fn json_ids<T: serde::Serialize>(ids: &[T]) -> String {
    serde_json::to_string(ids).unwrap_or_else(|_| "[]".into())
}

/// A user's words as an FTS5 query matching rows that hold every word, each as a word prefix.
fn prefix_query(text: &str) -> Option<String> {
    let terms = fts_terms(text.split_whitespace());
    (!terms.is_empty()).then(|| terms.iter().map(|t| format!("{t}*")).collect::<Vec<_>>().join(" "))
}

/// The words of `hay` (folded) include a word starting with each of `words` (folded).
fn words_prefix_match(hay: &str, words: &[String]) -> bool {
    let hay = EN.normalize(hay);
    words.iter().all(|w| hay.split(' ').any(|h| h.starts_with(w.as_str())))
}

pub(super) fn claims(conn: &Connection, have: Have, q: &ClaimQuery) -> Result<Vec<ClaimSummary>> {
    let mut sql = format!("SELECT {CLAIM_COLS} FROM claims c WHERE 1");
    let mut args: Vec<rusqlite::types::Value> = Vec::new();
    if q.contested {
        sql.push_str(" AND c.contested = 1");
    }
    if let Some(about) = q.about.as_deref() {
        let ids = lookup_entities(conn, about)?;
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        sql.push_str(
            " AND c.id IN (SELECT claim FROM claim_participants WHERE entity IN (SELECT value FROM json_each(?))
              UNION SELECT claim FROM statements WHERE source_entity IN (SELECT value FROM json_each(?))
                                                   AND claim IS NOT NULL)",
        );
        for _ in 0..2 {
            args.push(json_ids(&ids).into());
        }
    }
    if let Some(want) = q.outlet.as_deref().map(|s| EN.normalize(s)).filter(|o| !o.is_empty()) {
        if have.claim_outlets {
            sql.push_str(" AND c.id IN (SELECT claim FROM claim_outlets WHERE outlet = ?)");
            args.push(want.into());
        } else {
            sql.push_str(
                " AND EXISTS (SELECT 1 FROM statements s JOIN articles a ON a.id = s.article WHERE s.claim = c.id
                   AND (ct_norm(a.outlet) = ? OR EXISTS (SELECT 1 FROM json_each(s.via) j WHERE ct_norm(j.value) = ?)))",
            );
            args.push(want.clone().into());
            args.push(want.into());
        }
    }
    if let Some(text) = q.text.as_deref() {
        let terms = fts_terms(text.split_whitespace());
        if !terms.is_empty() {
            // Claims of statements in the newest articles holding every word.
            let mut st = conn.prepare_cached(
                "SELECT DISTINCT s.claim FROM (SELECT rowid AS id FROM articles_fts WHERE articles_fts MATCH ?1
                                               ORDER BY rowid DESC LIMIT ?2) x
                 JOIN statements s ON s.article = x.id WHERE s.claim IS NOT NULL",
            )?;
            let from_articles: Vec<i64> = st
                .query_map(params![terms.join(" "), TEXT_ARTICLES], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            if have.claims_fts {
                sql.push_str(
                    " AND (c.id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)
                           OR c.id IN (SELECT value FROM json_each(?)))",
                );
                args.push(prefix_query(text).unwrap_or_default().into());
                args.push(json_ids(&from_articles).into());
            } else {
                let words = EN.normalized_words(text).take(MAX_QUERY_TOKENS).collect::<Vec<_>>();
                let mut st = conn.prepare_cached(
                    "SELECT c.id, c.gist || ' ' || COALESCE((SELECT group_concat(e.name, ' ') FROM claim_participants p
                                                            JOIN entities e ON e.id = p.entity WHERE p.claim = c.id), '')
                     FROM claims c",
                )?;
                let mut ids = from_articles;
                let mut rows = st.query([])?;
                while let Some(row) = rows.next()? {
                    if words_prefix_match(row.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?, &words) {
                        ids.push(row.get(0)?);
                    }
                }
                sql.push_str(" AND c.id IN (SELECT value FROM json_each(?))");
                args.push(json_ids(&ids).into());
            }
        }
    }
    finish_claims(conn, sql, args, q)
}

fn finish_claims(
    conn: &Connection,
    mut sql: String,
    mut args: Vec<rusqlite::types::Value>,
    q: &ClaimQuery,
) -> Result<Vec<ClaimSummary>> {
    let since = q.since.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let until = q.until.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(until_key);
    if since.is_some() || until.is_some() {
        let mut cond = String::from("EXISTS (SELECT 1 FROM statements s WHERE s.claim = c.id");
        if let Some(s) = since {
            sql.push_str(" AND c.last_seen >= ?");
            args.push(s.to_string().into());
            cond.push_str(" AND s.date >= ?");
        }
        if let Some(u) = &until {
            sql.push_str(" AND c.first_seen <= ?");
            args.push(u.clone().into());
            cond.push_str(" AND s.date <= ?");
        }
        sql.push_str(" AND ");
        sql.push_str(&cond);
        sql.push(')');
        if let Some(s) = since {
            args.push(s.to_string().into());
        }
        if let Some(u) = until {
            args.push(u.into());
        }
    }
    let run = |extra: &str, limit: i64, offset: usize| -> Result<Vec<ClaimSummary>> {
        let mut st = conn.prepare_cached(&format!("{sql}{extra} ORDER BY c.statements DESC, c.id LIMIT ? OFFSET ?"))?;
        let mut args = args.clone();
        args.push(limit.into());
        args.push(i64::try_from(offset).unwrap_or(i64::MAX).into());
        let rows = st.query_map(params_from_iter(args), claim_row)?.collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    };
    let mut out = if q.contested_first && !q.contested {
        // The board's order: the contested claims, then the others, each by the index on
        // (contested, statements DESC, id); the page may span both.
        let upto = (q.limit > 0).then(|| q.offset.saturating_add(q.limit));
        let contested = run(" AND c.contested = 1", upto.map_or(-1, sql_limit), 0)?;
        let n = contested.len();
        let mut out: Vec<ClaimSummary> = contested.into_iter().skip(q.offset).collect();
        let rest = q.limit.saturating_sub(out.len());
        if upto.is_none_or(|u| n < u) && (q.limit == 0 || rest > 0) {
            let limit = if q.limit == 0 { -1 } else { sql_limit(rest) };
            out.extend(run(" AND c.contested = 0", limit, q.offset.saturating_sub(n))?);
        }
        out
    } else {
        run("", sql_limit(q.limit), q.offset)?
    };
    for c in &mut out {
        fill_participants(conn, c)?;
    }
    Ok(out)
}

fn claim_summary(conn: &Connection, id: i64) -> Result<Option<ClaimSummary>> {
    let mut st = conn.prepare_cached(&format!("SELECT {CLAIM_COLS} FROM claims c WHERE c.id = ?1"))?;
    let Some(mut c) = st.query_row([id], claim_row).optional()? else { return Ok(None) };
    fill_participants(conn, &mut c)?;
    Ok(Some(c))
}

pub(super) fn claim(conn: &Connection, id: i64) -> Result<Option<ClaimTrail>> {
    let Some(claim) = claim_summary(conn, id)? else { return Ok(None) };
    // Pick the statements (the oldest of each stance, by index), then read just those.
    let counts: Vec<(i64, i64)> = conn
        .prepare_cached(
            "SELECT stance, count(*) FROM statements WHERE claim = ?1 AND copy_of_statement IS NULL
             GROUP BY stance ORDER BY stance",
        )?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let max = crate::MAX_TRAIL_PER_STANCE as i64;
    let mut dated = conn.prepare_cached(
        "SELECT id FROM statements WHERE claim = ?1 AND stance = ?2 AND copy_of_statement IS NULL
                                         AND date IS NOT NULL
         ORDER BY date, id LIMIT ?3",
    )?;
    let mut undated = conn.prepare_cached(
        "SELECT id FROM statements WHERE claim = ?1 AND stance = ?2 AND copy_of_statement IS NULL AND date IS NULL
         ORDER BY id LIMIT ?3",
    )?;
    let mut picked: Vec<i64> = Vec::new();
    let mut omitted = 0u32;
    for (stance, n) in counts {
        let before = picked.len();
        for r in dated.query_map(params![id, stance, max], |r| r.get(0))? {
            picked.push(r?);
        }
        let got = (picked.len() - before) as i64;
        if got < max {
            for r in undated.query_map(params![id, stance, max - got], |r| r.get(0))? {
                picked.push(r?);
            }
        }
        omitted += u32::try_from(n - (picked.len() - before) as i64).unwrap_or(0);
    }
    let picked = json_ids(&picked);
    // The article text only for quotes that are its words under the span: decoded once per
    // article, only as far as the last such quote.
    let mut st = conn.prepare_cached(&format!(
        "SELECT s.id, s.source_entity, COALESCE(e.name, s.source_text), s.source_kind, s.stance, s.via, s.date,
                s.quote, s.span_start, s.span_end, s.attribution, CASE WHEN s.quote IS NULL THEN a.text END,
                {ARTICLE_COLS}
         FROM statements s JOIN articles a ON a.id = s.article LEFT JOIN entities e ON e.id = s.source_entity
         WHERE s.id IN (SELECT value FROM json_each(?1))
         ORDER BY s.date IS NULL, s.date, s.id"
    ))?;
    let mut statements = Vec::new();
    // Article -> (compressed text, characters needed).
    let mut texts: HashMap<i64, (Vec<u8>, u32)> = HashMap::new();
    let mut rows = st.query([&picked])?;
    while let Some(row) = rows.next()? {
        let (start, end): (u32, u32) = (row.get(8)?, row.get(9)?);
        let article = article_ref(row, 12)?;
        let quote: Option<String> = row.get(7)?;
        if quote.is_none() {
            if let Some(blob) = row.get_ref(11)?.as_blob_or_null().map_err(rusqlite::Error::from)? {
                let t = texts.entry(article.id).or_insert_with(|| (blob.to_vec(), 0));
                t.1 = t.1.max(end);
            }
        }
        statements.push(StatementRow {
            id: row.get(0)?,
            source_entity: row.get(1)?,
            source: row.get(2)?,
            source_kind: row.get(3)?,
            stance: stance_of(row.get(4)?),
            via: json_list(&row.get::<_, String>(5)?),
            date: row.get(6)?,
            quote: quote.unwrap_or_default(),
            article,
            span: [start, end],
            attribution: row.get(10)?,
            copies: Vec::new(),
        });
    }
    drop(rows);
    let texts: HashMap<i64, String> = texts
        .into_iter()
        .map(|(a, (blob, chars))| Ok((a, super::inflate_chars(&blob, chars as usize)?)))
        .collect::<Result<_>>()?;
    for s in &mut statements {
        if s.quote.is_empty() {
            if let Some(t) = texts.get(&s.article.id) {
                s.quote = char_slice(t, s.span[0], s.span[1]).to_string();
            }
        }
    }
    // Wire copies of the picked statements, in one pass.
    let mut copies = conn.prepare_cached(&format!(
        "SELECT c.copy_of_statement, {ARTICLE_COLS} FROM statements c JOIN articles a ON a.id = c.article
         WHERE c.copy_of_statement IN (SELECT value FROM json_each(?1)) ORDER BY c.copy_of_statement, a.id"
    ))?;
    let mut by_statement: HashMap<i64, Vec<ArticleRef>> = HashMap::new();
    let mut rows = copies.query([&picked])?;
    while let Some(row) = rows.next()? {
        by_statement.entry(row.get(0)?).or_default().push(article_ref(row, 1)?);
    }
    for s in &mut statements {
        if let Some(c) = by_statement.remove(&s.id) {
            s.copies = c;
        }
    }
    Ok(Some(ClaimTrail { claim, statements, omitted }))
}

/// Corpus entities a user-typed name refers to, best first: an exact folded name or alias,
/// else a surname, else names starting with it; most mentioned first within a tier.
pub(super) fn lookup_entities(conn: &Connection, name: &str) -> Result<Vec<i64>> {
    let folded = claimtrail_corpus::fold_name(name);
    let folded = if folded.is_empty() { EN.normalize(name) } else { folded };
    if folded.is_empty() {
        return Ok(Vec::new());
    }
    // Tier 0: a typed entity's folded name or alias; 1: a person's surname; 2: an untyped name.
    let mut st = conn.prepare_cached(
        "SELECT e.id, k.family, e.mentions FROM entity_keys k JOIN entities e ON e.id = k.entity
         WHERE k.key = ?1 AND k.family != 'anonymous' ORDER BY e.mentions DESC, e.id LIMIT 50",
    )?;
    let mut hits: Vec<(u8, i64, i64)> = st
        .query_map([&folded], |row| {
            let family: String = row.get(1)?;
            let tier = match family.as_str() {
                "person#s" => 1,
                "other" => 2,
                _ => 0,
            };
            Ok((tier, -row.get::<_, i64>(2)?, row.get::<_, i64>(0)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    hits.sort_unstable();
    let mut ids: Vec<i64> = hits.into_iter().map(|h| h.2).collect();
    if ids.is_empty() {
        // Prefix of a folded name ("lavr" -> "lavrov", "sergey lav" -> "sergey lavrov").
        let mut prefix = conn.prepare_cached(
            "SELECT e.id FROM entity_keys k JOIN entities e ON e.id = k.entity
             WHERE k.key >= ?1 AND k.key < ?2 AND k.family != 'anonymous'
             ORDER BY e.mentions DESC, e.id LIMIT 50",
        )?;
        let hi = format!("{folded}\u{10FFFF}");
        ids = prefix.query_map(params![&folded, hi], |row| row.get(0))?.collect::<rusqlite::Result<_>>()?;
    }
    let mut seen = HashSet::new();
    ids.retain(|i| seen.insert(*i));
    Ok(ids)
}

fn entity_statement(row: &Row<'_>) -> rusqlite::Result<EntityStatement> {
    let quote: String = row.get(4)?;
    let gist: Option<String> = row.get(2)?;
    Ok(EntityStatement {
        date: row.get(0)?,
        claim: row.get(1)?,
        gist: gist.unwrap_or_else(|| quote.clone()),
        source: row.get(3)?,
        quote,
        stance: stance_of(row.get(5)?),
        via: json_list(&row.get::<_, String>(6)?),
        article: article_ref(row, 7)?,
    })
}

pub(super) fn entity(conn: &Connection, name: &str) -> Result<Vec<EntityProfile>> {
    let ids = lookup_entities(conn, name)?;
    let mut out = Vec::new();
    for id in ids.into_iter().take(MAX_PROFILES) {
        out.extend(profile(conn, id)?);
    }
    Ok(out)
}

/// One entity's profile: names, roles and timelines.
pub(super) fn profile(conn: &Connection, id: i64) -> Result<Option<EntityProfile>> {
    let Some((name, kind, articles)) = conn
        .prepare_cached("SELECT name, kind, articles FROM entities WHERE id = ?1")?
        .query_row([id], |row| Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?, row.get::<_, u32>(2)?)))
        .optional()?
    else {
        return Ok(None);
    };
    let aliases = conn
        .prepare_cached("SELECT alias FROM entity_aliases WHERE entity = ?1 ORDER BY alias")?
        .query_map([id], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let roles = conn
        .prepare_cached("SELECT role FROM entity_roles WHERE entity = ?1 ORDER BY role")?
        .query_map([id], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    // Pick the rows first (ids only, by index), then build just those: quotes of derived
    // spans need the article text inflated.
    let timeline = |pick: &str| -> Result<Vec<EntityStatement>> {
        let sql = format!(
            "SELECT s.date, s.claim, c.gist, COALESCE(e.name, s.source_text), {QUOTE}, s.stance, s.via,
                    {ARTICLE_COLS}
             FROM ({pick}) x JOIN statements s ON s.id = x.id JOIN articles a ON a.id = s.article
                  LEFT JOIN claims c ON c.id = s.claim LEFT JOIN entities e ON e.id = s.source_entity
             ORDER BY s.date IS NULL, s.date, s.id"
        );
        let mut st = conn.prepare_cached(&sql)?;
        let rows = st.query_map(params![id, MAX_TIMELINE], entity_statement)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    };
    let said = timeline(
        "SELECT s.id FROM statements s WHERE s.source_entity = ?1 AND s.copy_of_statement IS NULL
         ORDER BY s.date IS NULL, s.date, s.id LIMIT ?2",
    )?;
    let said_about = timeline(
        "SELECT s.id FROM claim_participants p JOIN statements s ON s.claim = p.claim
         WHERE p.entity = ?1 AND s.copy_of_statement IS NULL AND (s.source_entity IS NULL OR s.source_entity != ?1)
         ORDER BY s.date IS NULL, s.date, s.id LIMIT ?2",
    )?;
    Ok(Some(EntityProfile { id, name, kind, aliases, roles, articles, said, said_about }))
}

/// Entities of a kind whose name or an alias has a word starting with each of the query's
/// words, most mentioned first.
pub(super) fn entities(conn: &Connection, have: Have, q: &EntityQuery) -> Result<Vec<EntitySummary>> {
    let kind = q.kind.as_deref().map(str::trim).filter(|k| !k.is_empty());
    let limit = sql_limit(q.limit);
    let offset = i64::try_from(q.offset).unwrap_or(i64::MAX);
    let row = |r: &Row<'_>| {
        Ok(EntitySummary {
            id: r.get(0)?,
            name: r.get(1)?,
            kind: r.get(2)?,
            mentions: r.get::<_, i64>(3)? as u64,
            articles: r.get::<_, i64>(4)? as u64,
        })
    };
    let name = q.name.as_deref().filter(|n| EN.normalized_words(n).next().is_some());
    let Some(name) = name else {
        let mut st = conn.prepare_cached(
            "SELECT id, name, kind, mentions, articles FROM entities WHERE ?1 IS NULL OR kind = ?1
             ORDER BY mentions DESC, id LIMIT ?2 OFFSET ?3",
        )?;
        return Ok(st.query_map(params![kind, limit, offset], row)?.collect::<rusqlite::Result<_>>()?);
    };
    let ids: String = if have.entity_names_fts {
        let Some(expr) = prefix_query(name) else { return Ok(Vec::new()) };
        let mut st =
            conn.prepare_cached("SELECT DISTINCT entity FROM entity_names_fts WHERE entity_names_fts MATCH ?1")?;
        let ids: Vec<i64> = st.query_map([expr], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        json_ids(&ids)
    } else {
        let words = EN.normalized_words(name).take(MAX_QUERY_TOKENS).collect::<Vec<_>>();
        let mut st =
            conn.prepare_cached("SELECT id, name FROM entities UNION ALL SELECT entity, alias FROM entity_aliases")?;
        let mut ids = Vec::new();
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            if words_prefix_match(r.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?, &words) {
                ids.push(r.get::<_, i64>(0)?);
            }
        }
        json_ids(&ids)
    };
    let mut st = conn.prepare_cached(
        "SELECT id, name, kind, mentions, articles FROM entities
         WHERE id IN (SELECT value FROM json_each(?1)) AND (?2 IS NULL OR kind = ?2)
         ORDER BY mentions DESC, id LIMIT ?3 OFFSET ?4",
    )?;
    let rows = st.query_map(params![ids, kind, limit, offset], row)?.collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Stored articles, newest stored first, of an outlet (folded match) if asked.
pub(super) fn articles(conn: &Connection, have: Have, q: &ArticleQuery) -> Result<Vec<ArticleRef>> {
    let limit = sql_limit(q.limit);
    let offset = i64::try_from(q.offset).unwrap_or(i64::MAX);
    let Some(want) = q.outlet.as_deref().map(|s| EN.normalize(s)).filter(|o| !o.is_empty()) else {
        let mut st = conn
            .prepare_cached(&format!("SELECT {ARTICLE_COLS} FROM articles a ORDER BY a.id DESC LIMIT ?1 OFFSET ?2"))?;
        return Ok(st.query_map(params![limit, offset], |r| article_ref(r, 0))?.collect::<rusqlite::Result<_>>()?);
    };
    if !have.articles_outlet {
        let mut st = conn.prepare_cached(&format!(
            "SELECT {ARTICLE_COLS} FROM articles a WHERE ct_norm(a.outlet) = ?1 ORDER BY a.id DESC LIMIT ?2 OFFSET ?3"
        ))?;
        return Ok(st
            .query_map(params![want, limit, offset], |r| article_ref(r, 0))?
            .collect::<rusqlite::Result<_>>()?);
    }
    let spellings = matching_values(conn, "articles", "outlet", &want)?;
    if spellings.is_empty() {
        return Ok(Vec::new());
    }
    let mut st = conn.prepare_cached(&format!(
        "SELECT {ARTICLE_COLS} FROM articles a WHERE a.outlet IN (SELECT value FROM json_each(?1))
         ORDER BY a.id DESC LIMIT ?2 OFFSET ?3"
    ))?;
    let rows = st.query_map(params![json_ids(&spellings), limit, offset], |r| article_ref(r, 0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Wire-group members listed with an article, at most.
const MAX_COPIES: i64 = 500;

/// One article with its analysis (text included), wire group and corpus links.
pub(super) fn article(conn: &Connection, id: i64) -> Result<Option<ArticleView>> {
    let mut st = conn.prepare_cached(&format!(
        "SELECT {ARTICLE_COLS}, a.analysis, a.text, a.copy_of, a.entities FROM articles a WHERE a.id = ?1"
    ))?;
    let mut rows = st.query([id])?;
    let Some(row) = rows.next()? else { return Ok(None) };
    let article = article_ref(row, 0)?;
    let text = inflate_text(row.get_ref(7)?.as_blob().map_err(rusqlite::Error::from)?)?;
    let analysis = decode_analysis(row.get_ref(6)?.as_blob().map_err(rusqlite::Error::from)?, text)?;
    let copy_of: Option<i64> = row.get(8)?;
    let entities = entity_map(&row.get::<_, String>(9)?).map_err(|e| Error::Corrupt(format!("article {id}: {e}")))?;
    drop(rows);
    let by_id = |aid: i64| -> Result<Option<ArticleRef>> {
        let mut st = conn.prepare_cached(&format!("SELECT {ARTICLE_COLS} FROM articles a WHERE a.id = ?1"))?;
        Ok(st.query_row([aid], |r| article_ref(r, 0)).optional()?)
    };
    let original = match copy_of {
        Some(o) => by_id(o)?,
        None => None,
    };
    let root = copy_of.unwrap_or(id);
    let copies = conn
        .prepare_cached(&format!(
            "SELECT {ARTICLE_COLS} FROM articles a WHERE a.copy_of = ?1 AND a.id != ?2 ORDER BY a.id LIMIT ?3"
        ))?
        .query_map(params![root, id, MAX_COPIES], |r| article_ref(r, 0))?
        .collect::<rusqlite::Result<_>>()?;
    let claims = conn
        .prepare_cached("SELECT local, claim FROM article_claims WHERE article = ?1")?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Some(ArticleView {
        article,
        analysis,
        copy_of: original,
        copies,
        claims: sort_local(claims),
        entities: sort_local(entities),
    }))
}

/// One statement as the source queries see it; a wire copy speaks with its original's source.
pub(super) struct SourceRow {
    /// The statement's claim (a wire copy's own link).
    pub(super) claim: Option<i64>,
    pub(super) entity: Option<i64>,
    pub(super) name: String,
    pub(super) kind: String,
    pub(super) key: String,
    pub(super) article: i64,
    pub(super) original: bool,
    pub(super) via: Vec<String>,
    pub(super) outlet: Option<String>,
}

/// Calls `f` for every statement (with `range = Some((after, upto))`, for those with
/// `after < id <= upto`).
pub(super) fn scan_sources(conn: &Connection, range: Option<(i64, i64)>, f: &mut dyn FnMut(SourceRow)) -> Result<()> {
    let (after, upto) = range.unwrap_or((i64::MIN, i64::MAX));
    let mut st = conn.prepare_cached(
        "SELECT o.source_entity, COALESCE(e.name, o.source_text), COALESCE(e.kind, o.source_kind), o.source_kind,
                COALESCE(o.source_key, 'e:' || o.source_entity), s.article, s.copy_of_statement IS NULL, s.via, a.outlet,
                s.claim
         FROM statements s JOIN statements o ON o.id = COALESCE(s.copy_of_statement, s.id)
              JOIN articles a ON a.id = s.article LEFT JOIN entities e ON e.id = o.source_entity
         WHERE s.id > ?1 AND s.id <= ?2",
    )?;
    let mut rows = st.query([after, upto])?;
    while let Some(row) = rows.next()? {
        let source_kind: String = row.get(3)?;
        let kind: String = if source_kind == "anonymous" { source_kind } else { row.get(2)? };
        f(SourceRow {
            entity: row.get(0)?,
            name: row.get(1)?,
            kind,
            key: row.get(4)?,
            article: row.get(5)?,
            original: row.get(6)?,
            via: json_list(&row.get::<_, String>(7)?),
            outlet: row.get(8)?,
            claim: row.get(9)?,
        });
    }
    Ok(())
}

#[derive(Default)]
struct SourceAgg {
    entity: Option<i64>,
    name: String,
    kind: String,
    statements: u32,
    articles: HashSet<i64>,
    cited_by: HashMap<String, u32>,
    carried: u32,
    anonymous: u32,
}

/// Personal and relative pronouns: a source written this way and left unresolved names nobody.
pub(super) fn is_pronoun(name: &str) -> bool {
    const PRONOUNS: &[&str] = &["i", "he", "she", "we", "they", "you", "it", "who", "which", "that", "one", "this"];
    let n = name.trim();
    PRONOUNS.iter().any(|p| n.eq_ignore_ascii_case(p))
}

pub(super) fn sources(conn: &Connection, q: &SourceQuery) -> Result<Vec<SourceSummary>> {
    let filter = q.outlet.as_deref().map(|s| EN.normalize(s)).filter(|o| !o.is_empty());
    let mut aggs: HashMap<String, SourceAgg> = HashMap::new();
    scan_sources(conn, None, &mut |r| {
        let outlet_norm = r.outlet.as_deref().map(|s| EN.normalize(s)).unwrap_or_default();
        if let Some(f) = &filter {
            if outlet_norm != *f && !r.via.iter().any(|v| EN.normalize(v) == *f) {
                return;
            }
        }
        // The article's own voice with no known outlet, and pronouns the pipeline could not
        // resolve ("he", "who"), are nobody an analyst can count: they still count for the outlet
        // that carries them below, not as speakers.
        let nameless = (r.kind == "document" && r.outlet.is_none()) || (r.entity.is_none() && is_pronoun(&r.name));
        // The speaker. Outlets speaking (own voice, or cited by name) share the outlet's row.
        let speaker_key = if r.kind == "outlet" || r.kind == "document" {
            format!("outlet:{}", EN.normalize(&r.name))
        } else {
            r.key.clone()
        };
        if !nameless {
            let a = aggs.entry(speaker_key).or_insert_with(|| SourceAgg {
                entity: r.entity,
                name: r.name.clone(),
                kind: if r.kind == "document" { "outlet".to_string() } else { r.kind.clone() },
                ..Default::default()
            });
            if r.original {
                a.statements += 1;
            }
            a.articles.insert(r.article);
            let speaker_norm = EN.normalize(&r.name);
            for v in &r.via {
                if EN.normalize(v) != speaker_norm {
                    *a.cited_by.entry(v.clone()).or_default() += 1;
                }
            }
            if let Some(o) = &r.outlet {
                if outlet_norm != speaker_norm {
                    *a.cited_by.entry(o.clone()).or_default() += 1;
                }
            }
        }
        if let Some(o) = &r.outlet {
            // The publishing outlet carries the statement.
            let oa = aggs.entry(format!("outlet:{outlet_norm}")).or_insert_with(|| SourceAgg {
                name: o.clone(),
                kind: "outlet".to_string(),
                ..Default::default()
            });
            oa.carried += 1;
            oa.anonymous += (r.kind == "anonymous") as u32;
            oa.articles.insert(r.article);
        }
    })?;
    let mut out: Vec<SourceSummary> = aggs
        .into_values()
        .map(|a| {
            let mut cited_by: Vec<(String, u32)> = a.cited_by.into_iter().collect();
            cited_by.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
            SourceSummary {
                entity: a.entity,
                name: a.name,
                kind: a.kind,
                statements: a.statements,
                articles: a.articles.len() as u32,
                cited_by,
                anonymous_share: (a.carried > 0).then(|| a.anonymous as f32 / a.carried as f32),
            }
        })
        .collect();
    out.sort_by(|x, y| (y.statements, y.articles).cmp(&(x.statements, x.articles)).then_with(|| x.name.cmp(&y.name)));
    out.drain(..q.offset.min(out.len()));
    if q.limit > 0 {
        out.truncate(q.limit);
    }
    Ok(out)
}

/// The source network: from the derived tables when the store has them, else by a scan of
/// every statement.
pub(super) fn source_graph(conn: &Connection, have: Have, max_nodes: usize) -> Result<SourceGraph> {
    if have.graph {
        return super::derived::graph(conn, max_nodes);
    }
    source_graph_scan(conn, max_nodes)
}

/// The source network counted from every statement.
pub(super) fn source_graph_scan(conn: &Connection, max_nodes: usize) -> Result<SourceGraph> {
    let mut g = GraphAgg::default();
    scan_sources(conn, None, &mut |r| g.add(&r))?;
    Ok(g.into_graph(max_nodes))
}

/// Words of user text as FTS5 string literals: each word split into its tokens (letters and
/// digits), every token double-quoted, so `AND`, `OR`, `NEAR`, `*`, `:`, quotes and parentheses
/// are plain text, never syntax.
/// Query tokens used at most (a pasted article is not a query).
const MAX_QUERY_TOKENS: usize = 64;

pub(crate) fn fts_terms<'a>(words: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut out = Vec::new();
    for w in words {
        for tok in w.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()) {
            if out.len() >= MAX_QUERY_TOKENS {
                return out;
            }
            let lit = format!("\"{tok}\"");
            if !out.contains(&lit) {
                out.push(lit);
            }
        }
    }
    out
}

/// A statement for text matching: id, claim, stored quote, span, source text.
type StatementText = (i64, Option<i64>, Option<String>, u32, u32, String);

/// Articles ranked by bm25 in `search` at most; beyond, the newest come first.
const BM25_RERANK_MAX: usize = 2_000;

/// Articles searched for statement hits, per hit asked for.
const STATEMENT_ARTICLES_PER_HIT: usize = 3;

pub(super) fn search(conn: &Connection, text: &str, limit: usize) -> Result<Vec<SearchHit>> {
    let terms = fts_terms(text.split_whitespace().take(64));
    if terms.is_empty() {
        return Ok(Vec::new());
    }
    let expr = terms.join(" ");
    let want = if limit == 0 { 200 } else { limit.min(200) };
    let scan = (want * STATEMENT_ARTICLES_PER_HIT).max(30);
    // Articles holding every word: few enough, ranked by FTS5's bm25 (which re-reads them, the
    // index keeping no positions); else the newest first.
    let matching: i64 = conn
        .prepare_cached("SELECT count(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ?1 LIMIT ?2)")?
        .query_row(params![expr, (BM25_RERANK_MAX + 1) as i64], |r| r.get(0))?;
    let order =
        if matching as usize <= BM25_RERANK_MAX { "bm25(articles_fts, 2.0, 1.0)" } else { "articles_fts.rowid DESC" };
    let mut st = conn.prepare_cached(&format!(
        "SELECT snippet(articles_fts, 1, '[', ']', '…', 16), bm25(articles_fts, 2.0, 1.0), {ARTICLE_COLS}
         FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
         WHERE articles_fts MATCH ?1 ORDER BY {order} LIMIT ?2"
    ))?;
    let articles: Vec<SearchHit> = st
        .query_map(params![expr, scan as i64], |row| {
            Ok(SearchHit {
                kind: "article".into(),
                snippet: row.get(0)?,
                score: -row.get::<_, f64>(1)?,
                article: article_ref(row, 2)?,
                statement: None,
                claim: None,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    // Statements of those articles that hold every query word (in the quote or the source).
    let words: Vec<String> =
        text.split_whitespace().take(64).map(|s| EN.normalize(s)).filter(|w| !w.is_empty()).collect();
    let words: Vec<&str> = words.iter().flat_map(|w| w.split(' ')).take(MAX_QUERY_TOKENS).collect();
    let mut hits = Vec::new();
    let mut stmts = conn.prepare_cached(
        "SELECT id, claim, quote, span_start, span_end, source_text FROM statements
         WHERE article = ?1 AND copy_of_statement IS NULL ORDER BY id",
    )?;
    for a in &articles {
        let rows: Vec<StatementText> = stmts
            .query_map([a.article.id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut text: Option<(String, CharOffsets)> = None;
        for (id, claim, quote, start, end, source) in rows {
            let quote = match quote {
                Some(q) => q,
                None => {
                    if text.is_none() {
                        let blob: Vec<u8> = conn
                            .prepare_cached("SELECT text FROM articles WHERE id = ?1")?
                            .query_row([a.article.id], |r| r.get(0))?;
                        let t = inflate_text(&blob)?;
                        let offs = CharOffsets::new(&t);
                        text = Some((t, offs));
                    }
                    let (t, offs) = text.as_ref().expect("just set");
                    offs.slice(t, start, end).unwrap_or_default().to_string()
                }
            };
            let hay = EN.normalize(&format!("{quote} {source}"));
            let hay_words: HashSet<&str> = hay.split(' ').collect();
            if !words.iter().all(|w| hay_words.contains(w)) {
                continue;
            }
            hits.push(SearchHit {
                kind: "statement".into(),
                snippet: mark_words(&quote, &words),
                // Just above its article: the statement is the more precise hit.
                score: a.score + 1e-6,
                article: a.article.clone(),
                statement: Some(id),
                claim,
            });
        }
    }
    hits.extend(articles.into_iter().take(want));
    hits.sort_by(|a, b| b.score.total_cmp(&a.score));
    if limit > 0 {
        hits.truncate(limit);
    }
    Ok(hits)
}

/// The words of `text` that fold to one of `words`, in brackets, within a window of 32 words
/// around the first.
fn mark_words(text: &str, words: &[&str]) -> String {
    let toks: Vec<&str> = text.split_whitespace().collect();
    let hit = |t: &str| EN.normalize(t).split(' ').any(|w| words.contains(&w));
    let first = toks.iter().position(|t| hit(t)).unwrap_or(0);
    let from = first.saturating_sub(8);
    let to = (from + 32).min(toks.len());
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    for (i, t) in toks[from..to].iter().enumerate() {
        if i > 0 || from > 0 {
            out.push(' ');
        }
        if hit(t) {
            out.push('[');
            out.push_str(t);
            out.push(']');
        } else {
            out.push_str(t);
        }
    }
    if to < toks.len() {
        out.push_str(" …");
    }
    out
}

/// The stored analysis back in contract form: the text put back, and the span texts that were
/// left out restored from their offsets.
pub(crate) fn decode_analysis(blob: &[u8], text: String) -> Result<Analysis> {
    let json = inflate(blob).map_err(|e| Error::Corrupt(format!("analysis: {e}")))?;
    let mut a: Analysis = serde_json::from_slice(&json).map_err(|e| Error::Corrupt(format!("analysis: {e}")))?;
    let chars = CharOffsets::new(&text);
    let fill = |t: &mut String, start: u32, end: u32| {
        if t.is_empty() && start < end {
            if let Some(s) = chars.slice(&text, start, end) {
                t.push_str(s);
            }
        }
    };
    for at in &mut a.attributions {
        fill(&mut at.cue.text, at.cue.start, at.cue.end);
        fill(&mut at.content.text, at.content.start, at.content.end);
        if let Some(src) = &mut at.source {
            fill(&mut src.text, src.start, src.end);
        }
    }
    for t in &mut a.times {
        fill(&mut t.text, t.start, t.end);
    }
    a.document.text = text;
    Ok(a)
}

fn load_article(conn: &Connection, id: i64) -> Result<(ArticleRef, Analysis, Option<i64>)> {
    let mut st = conn.prepare_cached(&format!(
        "SELECT {ARTICLE_COLS}, a.analysis, a.text, a.copy_of FROM articles a WHERE a.id = ?1"
    ))?;
    let (r, blob, text, copy_of): (ArticleRef, Vec<u8>, Vec<u8>, Option<i64>) =
        st.query_row([id], |row| Ok((article_ref(row, 0)?, row.get(6)?, row.get(7)?, row.get(8)?)))?;
    Ok((r, decode_analysis(&blob, inflate_text(&text)?)?, copy_of))
}

/// Postings read per query term at most; a term in more articles than this says little about
/// which article is meant, and reading its whole list would cost more than the rest of the query.
const MAX_POSTINGS: usize = 20_000;

/// Articles holding any of the terms (FTS5 string literals), ranked by the summed inverse
/// document frequency of the terms they hold (BM25 without term frequencies), best first, ties
/// to the newest. The index keeps no positions (`detail=column`), so FTS5's own `bm25()` would
/// re-read and re-tokenize every matching article; this reads only posting lists.
pub(crate) fn rank_any(conn: &Connection, lits: &[String], limit: usize) -> Result<Vec<(i64, f64)>> {
    let n: f64 = conn.query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0))? as f64;
    let mut postings =
        conn.prepare_cached("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2")?;
    let mut scores: HashMap<i64, f64> = HashMap::new();
    let mut common: Vec<&String> = Vec::new();
    for lit in lits {
        let ids: Vec<i64> = postings
            .query_map(params![lit, (MAX_POSTINGS + 1) as i64], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        if ids.len() > MAX_POSTINGS {
            common.push(lit);
            continue;
        }
        let df = ids.len() as f64;
        let idf = ((n - df + 0.5) / (df + 0.5) + 1.0).ln();
        for id in ids {
            *scores.entry(id).or_default() += idf;
        }
    }
    if scores.is_empty() && !common.is_empty() {
        // Only very common words: the newest articles holding all of them.
        let expr = common.iter().map(|l| l.as_str()).collect::<Vec<_>>().join(" ");
        let ids: Vec<i64> =
            postings.query_map(params![expr, sql_limit(limit)], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        return Ok(ids.into_iter().map(|id| (id, 0.0)).collect());
    }
    let mut ranked: Vec<(i64, f64)> = scores.into_iter().collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(b.0.cmp(&a.0)));
    if limit > 0 {
        ranked.truncate(limit);
    }
    Ok(ranked)
}

pub(super) fn candidates(conn: &Connection, terms: &[String], limit: usize) -> Result<Vec<Candidate>> {
    let lits = fts_terms(terms.iter().flat_map(|t| t.split_whitespace()).take(64));
    if lits.is_empty() {
        return Ok(Vec::new());
    }
    let ids = rank_any(conn, &lits, limit)?;
    let mut out = Vec::with_capacity(ids.len());
    for (id, _) in ids {
        let (article, analysis, _) = load_article(conn, id)?;
        let claims = conn
            .prepare_cached(
                "SELECT ac.local, ac.claim, c.gist FROM article_claims ac JOIN claims c ON c.id = ac.claim
                 WHERE ac.article = ?1",
            )?
            .query_map([id], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
            .collect::<rusqlite::Result<Vec<(String, i64, String)>>>()?;
        let own_voice = conn
            .prepare_cached(
                "SELECT span_start, span_end, claim FROM statements
                 WHERE article = ?1 AND attribution IS NULL AND claim IS NOT NULL ORDER BY id",
            )?
            .query_map([id], |row| Ok(([row.get(0)?, row.get(1)?], row.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        out.push(Candidate { article, analysis, claims: sort_local(claims), own_voice });
    }
    Ok(out)
}

/// Orders local ids naturally (`c2` before `c10`, claims before own-voice `o1`).
fn sort_local<T>(mut v: Vec<T>) -> Vec<T>
where
    T: LocalId,
{
    v.sort_by_key(|x| {
        let l = x.local();
        let (p, n) = l.split_at(l.find(|c: char| c.is_ascii_digit()).unwrap_or(l.len()));
        (p.to_string(), n.parse::<u64>().unwrap_or(u64::MAX))
    });
    v
}

trait LocalId {
    fn local(&self) -> &str;
}
impl LocalId for (String, i64, String) {
    fn local(&self) -> &str {
        &self.0
    }
}
impl LocalId for (String, i64) {
    fn local(&self) -> &str {
        &self.0
    }
}

pub(super) fn for_each_article(conn: &Connection, f: &mut dyn FnMut(StoredArticle) -> Result<()>) -> Result<()> {
    let mut st = conn.prepare(&format!(
        "SELECT {ARTICLE_COLS}, a.analysis, a.text, a.copy_of, a.entities FROM articles a ORDER BY a.id"
    ))?;
    let mut rows = st.query([])?;
    let mut claims = conn.prepare_cached("SELECT local, claim FROM article_claims WHERE article = ?1")?;
    while let Some(row) = rows.next()? {
        let article = article_ref(row, 0)?;
        let text = inflate_text(row.get_ref(7)?.as_blob().map_err(rusqlite::Error::from)?)?;
        let analysis = decode_analysis(row.get_ref(6)?.as_blob().map_err(rusqlite::Error::from)?, text)?;
        let id = article.id;
        let c = claims.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        let e = entity_map(&row.get::<_, String>(9)?).map_err(|e| Error::Corrupt(format!("article {id}: {e}")))?;
        f(StoredArticle { article, analysis, claims: sort_local(c), entities: sort_local(e), copy_of: row.get(8)? })?;
    }
    Ok(())
}

/// An article's entity map: `[5,17]` (locals e1, e2, ...) or `[["e1",5],...]`.
fn entity_map(json: &str) -> serde_json::Result<Vec<(String, i64)>> {
    match serde_json::from_str::<Vec<i64>>(json) {
        Ok(ids) => Ok(ids.into_iter().enumerate().map(|(i, id)| (format!("e{}", i + 1), id)).collect()),
        Err(_) => serde_json::from_str(json),
    }
}

/// Outlets by article count (the `articles_outlet` index keeps this a scan of one index).
pub(super) fn outlets(conn: &Connection, limit: usize, offset: usize) -> Result<Vec<crate::OutletSummary>> {
    let mut st = conn.prepare_cached(
        "SELECT outlet, count(*) AS n FROM articles WHERE outlet IS NOT NULL AND outlet <> ''
         GROUP BY outlet ORDER BY n DESC, outlet LIMIT ?1 OFFSET ?2",
    )?;
    let offset = i64::try_from(offset).unwrap_or(i64::MAX);
    let rows = st.query_map(params![sql_limit(limit), offset], |r| {
        Ok(crate::OutletSummary { name: r.get(0)?, articles: r.get::<_, i64>(1)? as u64 })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fts_terms_quote_everything() {
        let t = |s: &str| fts_terms(s.split_whitespace());
        assert_eq!(t("Lavrov AND Khamenei"), vec!["\"Lavrov\"", "\"AND\"", "\"Khamenei\""]);
        assert_eq!(t("say \"no\""), vec!["\"say\"", "\"no\""]);
        assert_eq!(t("*** \" ( )"), Vec::<String>::new());
        assert_eq!(t("NEAR(a b) col:x U.S."), vec!["\"NEAR\"", "\"a\"", "\"b\"", "\"col\"", "\"x\"", "\"U\"", "\"S\""]);
        assert_eq!(t("Шойгу Шойгу"), vec!["\"Шойгу\""]);
    }

    #[test]
    fn mark_words_brackets_matches() {
        for (text, words, want) in [
            ("Lavrov met Zarif in Geneva.", &["geneva"][..], "Lavrov met Zarif in [Geneva.]"),
            ("\"No,\" he said", &["no"][..], "[\"No,\"] he said"),
            ("", &["x"][..], ""),
        ] {
            assert_eq!(mark_words(text, words), want);
        }
    }

    #[test]
    fn entity_maps_in_both_forms() {
        let want = vec![("e1".to_string(), 5), ("e2".to_string(), 17)];
        assert_eq!(entity_map("[5,17]").unwrap(), want);
        assert_eq!(entity_map(r#"[["e1",5],["e2",17]]"#).unwrap(), want);
        assert!(entity_map("{").is_err());
    }

    #[test]
    fn until_covers_finer_dates() {
        assert!("2015-08-31" <= until_key("2015-08").as_str());
        assert!("2015-09-01" > until_key("2015-08").as_str());
        assert!("2015-08-07" <= until_key("2015-08-07").as_str());
    }
}
