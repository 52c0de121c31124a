//! Linking one record into the corpus, inside the caller's transaction.
//!
//! Order matters and is fixed: wire copies, then entities, then claims, then statements; each
//! record sees everything stored before it (also earlier records of the same batch), so the
//! same input order always gives the same ids and the same links.

use std::collections::{HashMap, HashSet};

use super::{deflate, CharOffsets, EN};
use crate::{Error, InsertOutcome, Result};
use claimtrail_core::contract::{Analysis, DocumentOut};
use claimtrail_core::Stance;
use claimtrail_corpus::{ArticleRecord, ClaimSig, EntityRecord};
use rusqlite::{params, Connection, OptionalExtension};

/// Minimum estimated Jaccard similarity of two fingerprints for a wire copy.
pub(crate) const COPY_SIMILARITY: f32 = 0.8;
/// Candidates read per LSH band (bounds the work per record).
const BUCKET_LIMIT: i64 = 16;
/// The writer's memory of the claim index: signatures of stored claims by id (immutable once
/// written) and the claim ids per (event, participant) key, loaded from the database the first
/// time a key is looked up and kept up to date by the writer. Linking a claim then costs a few
/// hash lookups and `same_claim` calls, however big the corpus. Cleared when a batch fails, so
/// claims of a rolled-back batch do not linger.
#[derive(Default)]
pub(crate) struct SigCache {
    sigs: HashMap<i64, ClaimSig>,
    buckets: HashMap<(String, i64), Vec<i64>>,
    /// Stored fingerprints and `copy_of` of wire-copy candidates, by article.
    fingerprints: HashMap<i64, (Vec<u32>, Option<i64>)>,
    /// Names given to existing entities in this batch (new aliases; `true`: a rename), for the
    /// name index (`derived::sync`).
    pub(crate) names: Vec<(i64, String, bool)>,
}

impl SigCache {
    pub(crate) fn clear(&mut self) {
        self.sigs.clear();
        self.buckets.clear();
        self.fingerprints.clear();
        self.names.clear();
    }

    fn bucket(&mut self, tx: &Connection, key: &(String, i64)) -> Result<&Vec<i64>> {
        if !self.buckets.contains_key(key) {
            let mut st =
                tx.prepare_cached("SELECT claim FROM claim_index WHERE event = ?1 AND entity = ?2 ORDER BY claim")?;
            let ids =
                st.query_map(params![key.0, key.1], |row| row.get::<_, i64>(0))?.collect::<rusqlite::Result<_>>()?;
            self.buckets.insert(key.clone(), ids);
        }
        Ok(&self.buckets[key])
    }
}
/// Wire-copy candidates compared exactly per record.
const COPY_CANDIDATES: usize = 32;

/// The part of storing a record that needs no database: encoding and compression. Done for a
/// whole batch in parallel before the write transaction starts.
pub(super) struct Prepared {
    chars: CharOffsets,
    analysis: Vec<u8>,
    text: Vec<u8>,
}

impl Prepared {
    fn new(r: &ArticleRecord) -> Result<Prepared> {
        let text = r.analysis.document.text.as_str();
        let chars = CharOffsets::new(text);
        let analysis = encode_analysis(r, &chars)?;
        Ok(Prepared { analysis, text: deflate(text.as_bytes())?, chars })
    }
}

/// Prepares every record of a batch, on all cores for big batches.
pub(super) fn prepare_all(records: &[ArticleRecord]) -> Result<Vec<Prepared>> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    if threads <= 1 || records.len() < 16 {
        return records.iter().map(Prepared::new).collect();
    }
    let chunk = records.len().div_ceil(threads);
    let parts: Vec<Result<Vec<Prepared>>> = std::thread::scope(|s| {
        let handles: Vec<_> = records
            .chunks(chunk)
            .map(|c| s.spawn(move || c.iter().map(Prepared::new).collect::<Result<Vec<_>>>()))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|_| Err(Error::Invalid("encoding a record panicked".into()))))
            .collect()
    });
    let mut out = Vec::with_capacity(records.len());
    for p in parts {
        out.extend(p?);
    }
    Ok(out)
}

/// Stores one record (or finds it stored) and links it.
pub(super) fn insert_one(
    tx: &Connection,
    r: &ArticleRecord,
    prepared: Prepared,
    sigs: &mut SigCache,
) -> Result<InsertOutcome> {
    let mut st = tx.prepare_cached("SELECT id FROM articles WHERE content_hash = ?1")?;
    if let Some(id) = st.query_row([&r.content_hash], |row| row.get::<_, i64>(0)).optional()? {
        return Ok(InsertOutcome::Duplicate { article: id });
    }
    validate(r)?;
    let doc = &r.analysis.document;
    let copy_of = find_original(tx, r, sigs)?;
    let published = doc.published.map(|d| d.to_string());
    let fp: Vec<u8> = r.fingerprint.iter().map(|&x| x as u8).collect();
    let Prepared { chars, analysis, text: text_z } = prepared;
    // Ids in insertion order (what SQLite would pick): the entities are linked first, so the
    // article row is written once, with its entity map.
    let article: i64 =
        tx.prepare_cached("SELECT COALESCE(MAX(id), 0) + 1 FROM articles")?.query_row([], |row| row.get(0))?;
    let ctx = Ctx { article, outlet_key: outlet_key(doc.outlet.as_deref(), article), published };
    let entities = link_entities(tx, r, &ctx, &mut sigs.names)?;
    // `[5,17]` when the locals are e1, e2, ... in order (always, from `build_record`), else pairs.
    let in_order = r.entities.iter().enumerate().all(|(i, e)| e.local == format!("e{}", i + 1));
    let entity_map = if in_order {
        serde_json::to_string(&entities)
    } else {
        let pairs: Vec<(&str, i64)> =
            r.entities.iter().map(|e| e.local.as_str()).zip(entities.iter().copied()).collect();
        serde_json::to_string(&pairs)
    }
    .unwrap_or_else(|_| "[]".into());
    tx.prepare_cached(
        "INSERT INTO articles(id, doc_id, content_hash, title, outlet, url, published, copy_of, entities, fingerprint,
                              analysis, text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .execute(params![
        article,
        doc.id,
        r.content_hash,
        doc.title,
        doc.outlet,
        doc.url,
        ctx.published,
        copy_of,
        entity_map,
        fp,
        analysis,
        text_z
    ])?;
    if !r.fingerprint.is_empty() {
        let mut st = tx.prepare_cached("INSERT OR IGNORE INTO band_keys(band, article) VALUES (?1, ?2)")?;
        for key in claimtrail_corpus::band_keys(&r.fingerprint) {
            st.execute(params![band_key(key), article])?;
        }
    }
    tx.prepare_cached("INSERT INTO articles_fts(rowid, title, text) VALUES (?1, ?2, ?3)")?
        .execute(params![article, doc.title, doc.text])?;
    tx.prepare_cached("UPDATE meta SET value = value + ?1 WHERE key = 'text_bytes'")?
        .execute([doc.text.len() as i64])?;

    let claims = link_claims(tx, r, &entities, &ctx, sigs)?;
    store_statements(tx, r, &entities, &claims, copy_of, &ctx, &chars)?;
    Ok(InsertOutcome::Stored { article, copy_of })
}

struct Ctx {
    article: i64,
    /// Folded outlet, or a per-article key when the outlet is unknown: the scope within which
    /// anonymous sources with the same description are one source.
    outlet_key: String,
    published: Option<String>,
}

fn outlet_key(outlet: Option<&str>, article: i64) -> String {
    match outlet.map(|s| EN.normalize(s)) {
        Some(o) if !o.is_empty() => o,
        _ => format!("#{article}"),
    }
}

/// Rejects records whose indices point nowhere (the batch is rolled back).
fn validate(r: &ArticleRecord) -> Result<()> {
    let ne = r.entities.len();
    let nc = r.claims.len();
    for c in &r.claims {
        if let Some(p) = c.participants.iter().find(|&&p| p >= ne) {
            return Err(Error::Invalid(format!("claim {} participant {p} out of {ne} entities", c.local)));
        }
    }
    for (i, s) in r.statements.iter().enumerate() {
        if s.claim.is_some_and(|c| c >= nc) {
            return Err(Error::Invalid(format!("statement {i}: claim index out of {nc} claims")));
        }
        if s.source.is_some_and(|e| e >= ne) || s.via.iter().any(|v| v.entity.is_some_and(|e| e >= ne)) {
            return Err(Error::Invalid(format!("statement {i}: entity index out of {ne} entities")));
        }
    }
    Ok(())
}

/// The original of the wire group this record belongs to, if it is a near-duplicate of a stored
/// article (estimated Jaccard similarity at least [`COPY_SIMILARITY`]).
fn find_original(tx: &Connection, r: &ArticleRecord, cache: &mut SigCache) -> Result<Option<i64>> {
    if r.fingerprint.is_empty() {
        return Ok(None);
    }
    let mut shared: HashMap<i64, u32> = HashMap::new();
    let keys: Vec<i64> = claimtrail_corpus::band_keys(&r.fingerprint).into_iter().map(band_key).collect();
    if keys.is_empty() {
        return Ok(None);
    }
    // The oldest articles of each band (a group's original and its first copies): a big wire
    // group does not make every later copy read the whole group.
    let mut st = tx.prepare_cached("SELECT article FROM band_keys WHERE band = ?1 ORDER BY article LIMIT ?2")?;
    for key in &keys {
        for a in st.query_map(params![key, BUCKET_LIMIT], |row| row.get::<_, i64>(0))? {
            *shared.entry(a?).or_default() += 1;
        }
    }
    if shared.is_empty() {
        return Ok(None);
    }
    let mut cands: Vec<(i64, u32)> = shared.into_iter().collect();
    cands.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    cands.truncate(COPY_CANDIDATES);
    let mut st = tx.prepare_cached("SELECT fingerprint, copy_of FROM articles WHERE id = ?1")?;
    let mut best: Option<(f32, i64, i64)> = None;
    let mine: Vec<u32> = r.fingerprint.iter().map(|&x| x & 0xff).collect();
    for (id, _) in cands {
        if let std::collections::hash_map::Entry::Vacant(v) = cache.fingerprints.entry(id) {
            let (fp, copy_of): (Vec<u8>, Option<i64>) = st.query_row([id], |row| Ok((row.get(0)?, row.get(1)?)))?;
            v.insert((decode_fingerprint(&fp), copy_of));
        }
        let Some((fp, copy_of)) = cache.fingerprints.get(&id) else { continue };
        let copy_of = *copy_of;
        let sim = claimtrail_corpus::similarity(&mine, fp);
        if sim >= COPY_SIMILARITY && best.is_none_or(|(s, bid, _)| sim > s || (sim == s && id < bid)) {
            best = Some((sim, id, copy_of.unwrap_or(id)));
        }
    }
    Ok(best.map(|(_, _, root)| root))
}

/// Stored fingerprints keep the low 8 bits of each MinHash slot (b-bit MinHash): two unequal
/// slots look equal with probability 1/256, which raises the estimate by (1 - s)/256 (0.001
/// near the 0.8 threshold), at a quarter of the size.
pub(crate) fn decode_fingerprint(b: &[u8]) -> Vec<u32> {
    b.iter().map(|&x| u32::from(x)).collect()
}

/// Band keys are stored as 32-bit values (4 bytes instead of 8); a rare collision only adds a
/// candidate that the exact comparison rejects.
fn band_key(key: u64) -> i64 {
    i64::from(key as u32 as i32)
}

/// The analysis as stored: without the document text (stored once, in `articles.text`) and
/// without span texts that the offsets give back ([`super::query::decode_analysis`] restores
/// them); deflate-compressed JSON.
fn encode_analysis(r: &ArticleRecord, chars: &CharOffsets) -> Result<Vec<u8>> {
    let a = &r.analysis;
    let d = &a.document;
    let text = d.text.as_str();
    let blank = |t: &mut String, start: u32, end: u32| {
        if chars.slice(text, start, end) == Some(t.as_str()) {
            t.clear();
        }
    };
    let mut attributions = a.attributions.clone();
    for at in &mut attributions {
        blank(&mut at.cue.text, at.cue.start, at.cue.end);
        blank(&mut at.content.text, at.content.start, at.content.end);
        if let Some(src) = &mut at.source {
            blank(&mut src.text, src.start, src.end);
        }
    }
    let mut times = a.times.clone();
    for t in &mut times {
        blank(&mut t.text, t.start, t.end);
    }
    let stored = Analysis {
        schema: a.schema.clone(),
        document: DocumentOut {
            id: d.id.clone(),
            title: d.title.clone(),
            outlet: d.outlet.clone(),
            url: d.url.clone(),
            published: d.published,
            language: d.language.clone(),
            text: String::new(),
        },
        entities: a.entities.clone(),
        attributions,
        claims: a.claims.clone(),
        times,
    };
    let json = serde_json::to_vec(&stored).map_err(|e| Error::Invalid(e.to_string()))?;
    deflate(&json)
}

/// Kind families within which names are merged: an organization and an outlet of the same name
/// are one entity; a person and a place are not.
fn family(kind: &str) -> &'static str {
    match kind {
        "person" => "person",
        "organization" | "outlet" => "org",
        "location" => "location",
        "anonymous" => "anonymous",
        _ => "other",
    }
}

const SURNAMES: &str = "person#s";

fn single_token(name: &str) -> bool {
    name.split_whitespace().count() <= 1
}

/// Resolves each entity of the record to a corpus entity (creating new ones), records aliases,
/// roles and counts, and returns the corpus id per record entity.
fn link_entities(
    tx: &Connection,
    r: &ArticleRecord,
    ctx: &Ctx,
    names: &mut Vec<(i64, String, bool)>,
) -> Result<Vec<i64>> {
    let mut ids = Vec::with_capacity(r.entities.len());
    let mut seen = HashSet::new();
    for (i, er) in r.entities.iter().enumerate() {
        let out = r.analysis.entities.get(i);
        let id = resolve_entity(tx, er, ctx, names)?;
        let mentions = out.map_or(1, |e| e.mentions.len().max(1)) as i64;
        let first_here = seen.insert(id);
        tx.prepare_cached("UPDATE entities SET mentions = mentions + ?2, articles = articles + ?3 WHERE id = ?1")?
            .execute(params![id, mentions, first_here as i64])?;
        let canonical: String =
            tx.prepare_cached("SELECT name FROM entities WHERE id = ?1")?.query_row([id], |row| row.get(0))?;
        let mut alias = tx.prepare_cached("INSERT OR IGNORE INTO entity_aliases(entity, alias) VALUES (?1, ?2)")?;
        let aliases = out.map(|e| e.aliases.as_slice()).unwrap_or_default();
        for a in std::iter::once(&er.name).chain(aliases) {
            if *a != canonical && !a.trim().is_empty() && alias.execute(params![id, a])? > 0 {
                names.push((id, a.clone(), false));
            }
        }
        let mut role = tx.prepare_cached("INSERT OR IGNORE INTO entity_roles(entity, role) VALUES (?1, ?2)")?;
        for ro in &er.roles {
            if !ro.trim().is_empty() {
                role.execute(params![id, ro])?;
            }
        }
        ids.push(id);
    }
    Ok(ids)
}

/// Keys of a record entity: its folded names, scoped to the outlet for anonymous sources.
fn entity_keys(er: &EntityRecord, ctx: &Ctx) -> Vec<String> {
    let anonymous = er.kind == "anonymous";
    let mut keys: Vec<String> = Vec::with_capacity(er.keys.len());
    for k in er.keys.iter().filter(|k| !k.is_empty()) {
        let k = if anonymous { format!("{}|{k}", ctx.outlet_key) } else { k.clone() };
        if !keys.contains(&k) {
            keys.push(k);
        }
    }
    if keys.is_empty() {
        let n = EN.normalize(&er.name);
        if !n.is_empty() {
            keys.push(if anonymous { format!("{}|{n}", ctx.outlet_key) } else { n });
        }
    }
    keys
}

/// True when two person names share a surname but have different, incompatible given names
/// ("Barack Obama" / "Michelle Obama"); an initial or a shortened form is compatible ("B. Obama",
/// "Barack H. Obama", "Alex Ivanov" / "Alexander Ivanov").
fn given_names_clash(a: &str, b: &str) -> bool {
    let (fa, fb) = (claimtrail_corpus::fold_name(a), claimtrail_corpus::fold_name(b));
    let (wa, wb): (Vec<&str>, Vec<&str>) = (fa.split(' ').collect(), fb.split(' ').collect());
    let (Some((ga, sa)), Some((gb, sb))) = (wa.first().zip(wa.last()), wb.first().zip(wb.last())) else {
        return false;
    };
    if wa.len() < 2 || wb.len() < 2 || sa != sb || ga == gb {
        return false;
    }
    let initial = |x: &str, y: &str| x.chars().count() == 1 && y.starts_with(x);
    let short = |x: &str, y: &str| x.chars().count() >= 3 && y.starts_with(x);
    !(initial(ga, gb) || initial(gb, ga) || short(ga, gb) || short(gb, ga))
}

/// Picks the most mentioned of `cands` (id, mentions); with `strict`, `None` when the top two tie.
fn most_mentioned(mut cands: Vec<(i64, i64)>, strict: bool) -> Option<i64> {
    cands.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    cands.dedup_by_key(|c| c.0);
    match cands.as_slice() {
        [] => None,
        [one] => Some(one.0),
        [a, b, ..] if strict && a.1 == b.1 => None,
        [a, ..] => Some(a.0),
    }
}

fn resolve_entity(tx: &Connection, er: &EntityRecord, ctx: &Ctx, names: &mut Vec<(i64, String, bool)>) -> Result<i64> {
    let fam = family(&er.kind);
    let keys = entity_keys(er, ctx);
    let single = single_token(&er.name);
    let mut by_key = tx.prepare_cached(
        "SELECT e.id, e.mentions, e.name FROM entity_keys k JOIN entities e ON e.id = k.entity
         WHERE k.key = ?1 AND k.family = ?2",
    )?;
    // 1. Any shared folded name within the kind family.
    let mut cands = Vec::new();
    let mut holders: Vec<Vec<i64>> = Vec::with_capacity(keys.len());
    for k in &keys {
        let mut ids = Vec::new();
        let rows = by_key.query_map(params![k, fam], |row| {
            Ok((row.get::<_, i64>(0)?, row.get::<_, i64>(1)?, row.get::<_, String>(2)?))
        })?;
        for row in rows {
            let (id, m, name) = row?;
            ids.push(id);
            // "Barack Obama" never joins "Michelle Obama", whatever alias an article gave them.
            if fam != "person" || !given_names_clash(&er.name, &name) {
                cands.push((id, m));
            }
        }
        holders.push(ids);
    }
    let mut found = most_mentioned(cands, false);
    let mut via_surname = false;
    if found.is_none() && fam == "person" {
        if single {
            // 2a. "Lavrov": the unique (or clearly most mentioned) person with that surname.
            if let Some(s) = er.surname.as_ref().or(keys.first()) {
                let rows = by_key.query_map(params![s, SURNAMES], |row| Ok((row.get(0)?, row.get(1)?)))?;
                found = most_mentioned(rows.collect::<rusqlite::Result<_>>()?, true);
                via_surname = found.is_some();
            }
        } else if let Some(s) = &er.surname {
            // 2b. "Sergey Lavrov" after a surname-only (or untyped) "Lavrov" entity: upgrade that
            // entity to the full name.
            let mut singles = Vec::new();
            for f in ["person", "other"] {
                let rows = by_key.query_map(params![s, f], |row| {
                    Ok((row.get::<_, i64>(0)?, row.get::<_, i64>(1)?, row.get::<_, String>(2)?))
                })?;
                for row in rows {
                    let (id, m, name) = row?;
                    if single_token(&name) {
                        singles.push((id, m));
                    }
                }
            }
            if let Some(id) = most_mentioned(singles, true) {
                let old: String = tx.query_row("SELECT name FROM entities WHERE id = ?1", [id], |row| row.get(0))?;
                tx.execute("UPDATE entities SET name = ?2, kind = ?3 WHERE id = ?1", params![id, er.name, er.kind])?;
                names.push((id, er.name.clone(), true));
                tx.execute("INSERT OR IGNORE INTO entity_aliases(entity, alias) VALUES (?1, ?2)", params![id, old])?;
                tx.execute("DELETE FROM entity_aliases WHERE entity = ?1 AND alias = ?2", params![id, er.name])?;
                found = Some(id);
            }
        }
    }
    if found.is_none() && fam == "other" {
        // An untyped name ("Lavrov" the tagger could not type): the one typed entity with that
        // name, else the one person with that surname.
        let mut any = tx.prepare_cached(
            "SELECT e.id, e.mentions FROM entity_keys k JOIN entities e ON e.id = k.entity
             WHERE k.key = ?1 AND k.family NOT IN ('anonymous', 'person#s')",
        )?;
        let mut cands = Vec::new();
        for k in &keys {
            for row in any.query_map([k], |row| Ok((row.get::<_, i64>(0)?, row.get::<_, i64>(1)?)))? {
                cands.push(row?);
            }
        }
        found = most_mentioned(cands, true);
        if found.is_none() && single {
            if let Some(k) = keys.first() {
                let rows = by_key.query_map(params![k, SURNAMES], |row| Ok((row.get(0)?, row.get(1)?)))?;
                found = most_mentioned(rows.collect::<rusqlite::Result<_>>()?, true);
            }
        }
        via_surname = found.is_some();
    }
    let id = match found {
        Some(id) => id,
        None => {
            tx.prepare_cached("INSERT INTO entities(name, kind) VALUES (?1, ?2)")?
                .execute(params![er.name, er.kind])?;
            tx.last_insert_rowid()
        }
    };
    // A bare surname (or untyped name) linked to a typed entity adds no key: "Lavrov" must
    // stay ambiguous once a second Lavrov appears.
    if !via_surname {
        let mut add =
            tx.prepare_cached("INSERT OR IGNORE INTO entity_keys(key, family, entity) VALUES (?1, ?2, ?3)")?;
        for (k, h) in keys.iter().zip(&holders) {
            // Keys that already name this entity need no write.
            if !h.contains(&id) {
                add.execute(params![k, fam, id])?;
            }
        }
        if fam == "person" && !single {
            if let Some(s) = er.surname.as_ref().filter(|s| !s.is_empty()) {
                add.execute(params![s, SURNAMES, id])?;
            }
        }
    }
    Ok(id)
}

/// The claim-index keys of a signature. [`claimtrail_corpus::same_claim`] needs a shared
/// participant, so keys are (event, participant) pairs; claims without an event class are keyed by
/// (`~term`, participant) for their first terms (a match shares most terms). A claim without
/// participants can match nothing and gets no key.
fn claim_keys(sig: &ClaimSig) -> Vec<(String, i64)> {
    let events: Vec<String> = match &sig.event {
        Some(e) => vec![e.clone()],
        None => sig.terms.iter().take(MAX_TERM_KEYS).map(|t| format!("~{t}")).collect(),
    };
    let mut keys = Vec::with_capacity(events.len() * sig.participants.len());
    for e in &events {
        for &p in &sig.participants {
            keys.push((e.clone(), p));
        }
    }
    keys
}

/// Most stored claims compared with one new claim (the newest of its keys' buckets).
const MAX_CANDIDATES: usize = 512;

/// Terms of an event-less claim used as index keys.
const MAX_TERM_KEYS: usize = 6;

pub(crate) fn stored_sig(tx: &Connection, id: i64) -> Result<ClaimSig> {
    let (event, when, parts, terms, places): (Option<String>, Option<String>, String, String, String) = tx
        .prepare_cached(r#"SELECT event, "when", participants, terms, places FROM claims WHERE id = ?1"#)?
        .query_row([id], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?)))?;
    fn list<T: serde::de::DeserializeOwned>(id: i64, s: &str) -> Result<Vec<T>> {
        serde_json::from_str(s).map_err(|e| Error::Corrupt(format!("claim {id}: {e}")))
    }
    Ok(ClaimSig { event, participants: list(id, &parts)?, when, terms: list(id, &terms)?, places: list(id, &places)? })
}

/// Resolves each claim of the record to a corpus claim (creating new ones).
fn link_claims(
    tx: &Connection,
    r: &ArticleRecord,
    entities: &[i64],
    ctx: &Ctx,
    sigs: &mut SigCache,
) -> Result<Vec<i64>> {
    let mut ids = Vec::with_capacity(r.claims.len());
    for c in &r.claims {
        let sig = ClaimSig::from_record(c, |i| entities.get(i).copied());
        let keys = claim_keys(&sig);
        let mut cands = Vec::new();
        for key in &keys {
            cands.extend_from_slice(sigs.bucket(tx, key)?);
        }
        cands.sort_unstable();
        cands.dedup();
        // Bounded work per claim however big a key's bucket grows: the newest candidates (a news
        // stream retells recent events).
        if cands.len() > MAX_CANDIDATES {
            cands.drain(..cands.len() - MAX_CANDIDATES);
        }
        // The best-matching candidate (most shared parties, then the same day, then term
        // overlap); the oldest claim on ties.
        let mut found: Option<(f32, i64)> = None;
        for cand in cands {
            if let std::collections::hash_map::Entry::Vacant(v) = sigs.sigs.entry(cand) {
                v.insert(stored_sig(tx, cand)?);
            }
            let score = sigs.sigs.get(&cand).and_then(|stored| claimtrail_corpus::match_score(&sig, stored));
            if let Some(score) = score {
                if found.is_none_or(|(best, _)| score > best) {
                    found = Some((score, cand));
                }
            }
        }
        let id = match found {
            Some((_, id)) => id,
            None => {
                let parts = serde_json::to_string(&sig.participants).unwrap_or_else(|_| "[]".into());
                let terms = serde_json::to_string(&sig.terms).unwrap_or_else(|_| "[]".into());
                let places = serde_json::to_string(&sig.places).unwrap_or_else(|_| "[]".into());
                tx.prepare_cached(
                    r#"INSERT INTO claims(gist, event, "when", participants, terms, places)
                       VALUES (?1, ?2, ?3, ?4, ?5, ?6)"#,
                )?
                .execute(params![c.gist, sig.event, sig.when, parts, terms, places])?;
                let id = tx.last_insert_rowid();
                let mut st =
                    tx.prepare_cached("INSERT OR IGNORE INTO claim_participants(entity, claim) VALUES (?1, ?2)")?;
                for p in &sig.participants {
                    st.execute(params![p, id])?;
                }
                let mut st =
                    tx.prepare_cached("INSERT OR IGNORE INTO claim_index(event, entity, claim) VALUES (?1, ?2, ?3)")?;
                for key in &keys {
                    st.execute(params![key.0, key.1, id])?;
                    // Load the bucket first (so it holds the older claims too), then add.
                    sigs.bucket(tx, key)?;
                    if let Some(b) = sigs.buckets.get_mut(key) {
                        if b.last() != Some(&id) {
                            b.push(id);
                        }
                    }
                }
                sigs.sigs.insert(id, sig);
                id
            }
        };
        tx.prepare_cached("INSERT OR IGNORE INTO article_claims(article, local, claim) VALUES (?1, ?2, ?3)")?
            .execute(params![ctx.article, c.local, id])?;
        ids.push(id);
    }
    Ok(ids)
}

/// Stances are stored as small integers (0 asserts, 1 denies, 2 hedges, 3 no knowledge).
pub(crate) fn stance_code(s: Stance) -> i64 {
    match s {
        Stance::Asserts => 0,
        Stance::Denies => 1,
        Stance::Hedges => 2,
        Stance::NoKnowledge => 3,
    }
}

/// The stance of a stored code (unknown codes read as `asserts`).
pub(crate) fn stance_of(code: i64) -> Stance {
    match code {
        1 => Stance::Denies,
        2 => Stance::Hedges,
        3 => Stance::NoKnowledge,
        _ => Stance::Asserts,
    }
}

/// A normalized value that is a calendar date (or month/year), usable on a timeline.
fn date_like(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() >= 4 && b[..4].iter().all(u8::is_ascii_digit) && (b.len() == 4 || b[4] == b'-')
}

struct OrigStatement {
    id: i64,
    claim: Option<i64>,
    source: String,
    stance: i64,
    quote: String,
}

/// Stores the statements, marks wire copies of the original's statements, and updates the claim
/// counters (distinct (source, stance) pairs; copies are not counted).
fn store_statements(
    tx: &Connection,
    r: &ArticleRecord,
    entities: &[i64],
    claims: &[i64],
    copy_of: Option<i64>,
    ctx: &Ctx,
    chars: &CharOffsets,
) -> Result<()> {
    let originals: Vec<OrigStatement> = match copy_of {
        None => Vec::new(),
        Some(orig) => {
            let mut st = tx.prepare_cached(
                "SELECT s.id, s.claim, s.source_text, s.stance, COALESCE(s.quote, ct_span(a.text, s.span_start, s.span_end))
                 FROM statements s JOIN articles a ON a.id = s.article
                 WHERE s.article = ?1 AND s.copy_of_statement IS NULL ORDER BY s.id",
            )?;
            let rows = st.query_map([orig], |row| {
                Ok(OrigStatement {
                    id: row.get(0)?,
                    claim: row.get(1)?,
                    source: EN.normalize(&row.get::<_, String>(2)?),
                    stance: row.get(3)?,
                    quote: EN.normalize(&row.get::<_, Option<String>>(4)?.unwrap_or_default()),
                })
            })?;
            rows.collect::<rusqlite::Result<_>>()?
        }
    };
    let mut claims_here: HashSet<i64> = HashSet::new();
    let text = r.analysis.document.text.as_str();
    for s in &r.statements {
        let derived = chars.slice(text, s.span[0], s.span[1]) == Some(s.quote.as_str());
        let stored_quote = (!derived).then_some(s.quote.as_str());
        let claim = s.claim.and_then(|c| claims.get(c).copied());
        let source_entity = s.source.and_then(|e| entities.get(e).copied());
        let source_norm = EN.normalize(&s.source_text);
        // The counters' source key; for resolved sources it is `e:<entity>`, which the row
        // stores as NULL (the entity column says it).
        let source_key = match (source_entity, s.source_kind.as_str()) {
            (Some(e), _) => format!("e:{e}"),
            (None, "document") => format!("o:{}", ctx.outlet_key),
            (None, "anonymous") => format!("n:{}|{source_norm}", ctx.outlet_key),
            (None, _) => format!("t:{source_norm}"),
        };
        let stance = stance_code(s.stance);
        let date = s.said_on.as_deref().filter(|v| date_like(v)).map(str::to_string).or_else(|| ctx.published.clone());
        // a hop written as a noun ("told the paper") is stored by the outlet it resolves to,
        // so that outlet filters and the spread graph do not merge every "the paper"
        let via: Vec<&str> = s
            .via
            .iter()
            .map(|v| v.entity.and_then(|e| r.entities.get(e)).map_or(v.text.as_str(), |e| e.name.as_str()))
            .collect();
        let via = serde_json::to_string(&via).unwrap_or_else(|_| "[]".into());
        let quote_norm = EN.normalize(&s.quote);
        let copy = originals
            .iter()
            .find(|o| {
                (claim.is_some() && o.claim == claim && o.source == source_norm && o.stance == stance)
                    || (!quote_norm.is_empty() && o.quote == quote_norm)
            })
            .map(|o| o.id);
        tx.prepare_cached(
            "INSERT INTO statements(claim, article, attribution, source_entity, source_text, source_kind, source_key,
                                    stance, via, date, span_start, span_end, copy_of_statement, quote)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        )?
        .execute(params![
            claim,
            ctx.article,
            s.attribution,
            source_entity,
            s.source_text,
            s.source_kind,
            source_entity.is_none().then_some(source_key.as_str()),
            stance,
            via,
            date,
            s.span[0],
            s.span[1],
            copy,
            stored_quote
        ])?;
        let Some(claim) = claim else { continue };
        let new_article = claims_here.insert(claim) as i64;
        let (mut n, mut a, mut d, mut h, mut k) = (0i64, 0i64, 0i64, 0i64, 0i64);
        if copy.is_none() {
            n = 1;
            let added = tx
                .prepare_cached("INSERT OR IGNORE INTO claim_sources(claim, source_key, stance) VALUES (?1, ?2, ?3)")?
                .execute(params![claim, source_key, stance])?;
            if added > 0 {
                match s.stance {
                    Stance::Asserts => a = 1,
                    Stance::Denies => d = 1,
                    Stance::Hedges => h = 1,
                    Stance::NoKnowledge => k = 1,
                }
            }
        }
        tx.prepare_cached(
            "UPDATE claims SET statements = statements + ?2, asserts = asserts + ?3, denies = denies + ?4,
                 hedges = hedges + ?5, no_knowledge = no_knowledge + ?6, articles = articles + ?7,
                 contested = ((asserts + ?3 + hedges + ?5) > 0 AND (denies + ?4) > 0),
                 first_seen = CASE WHEN ?8 IS NOT NULL AND (first_seen IS NULL OR ?8 < first_seen)
                                   THEN ?8 ELSE first_seen END,
                 last_seen = CASE WHEN ?8 IS NOT NULL AND (last_seen IS NULL OR ?8 > last_seen)
                                  THEN ?8 ELSE last_seen END
             WHERE id = ?1",
        )?
        .execute(params![claim, n, a, d, h, k, new_article, date])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn most_mentioned_breaks_ties_only_when_strict() {
        for (cands, strict, want) in [
            (vec![], true, None),
            (vec![(3, 1)], true, Some(3)),
            (vec![(3, 1), (2, 5)], true, Some(2)),
            (vec![(3, 5), (2, 5)], true, None),
            (vec![(3, 5), (2, 5)], false, Some(2)),
            (vec![(2, 5), (2, 5)], true, Some(2)),
        ] {
            assert_eq!(most_mentioned(cands.clone(), strict), want, "{cands:?} strict={strict}");
        }
    }

    #[test]
    fn given_names_clash_table() {
        let cases = [
            ("Barack Obama", "Michelle Obama", true),
            ("Tomas Varga", "Ilona Varga", true),
            ("Barack Obama", "B. Obama", false),
            ("Barack Obama", "Barack H. Obama", false),
            ("Alex Ivanov", "Alexander Ivanov", false),
            ("Sergey Lavrov", "Sergei Lavrov", false),
            ("Barack Obama", "Obama", false),
            ("Tomas Varga", "Ilona Kovacs", false),
            ("", "Ilona Varga", false),
        ];
        for (a, b, want) in cases {
            assert_eq!(given_names_clash(a, b), want, "{a} / {b}");
            assert_eq!(given_names_clash(b, a), want, "{b} / {a}");
        }
    }

    #[test]
    fn date_like_values() {
        for (v, want) in
            [("2015-08-07", true), ("2015-08", true), ("2015", true), ("PAST_REF", false), ("P3M", false), ("", false)]
        {
            assert_eq!(date_like(v), want, "{v}");
        }
    }

    #[test]
    fn claim_keys_cover_participants_or_terms() {
        let sig = |event: Option<&str>, participants: Vec<i64>, terms: &[&str]| ClaimSig {
            event: event.map(str::to_string),
            participants,
            when: None,
            terms: terms.iter().map(|t| t.to_string()).collect(),
            places: Vec::new(),
        };
        assert_eq!(claim_keys(&sig(Some("meet"), vec![1, 2], &[])), vec![("meet".into(), 1), ("meet".into(), 2)]);
        assert!(claim_keys(&sig(Some("meet"), vec![], &[])).is_empty());
        assert!(claim_keys(&sig(None, vec![], &["photo"])).is_empty());
        assert_eq!(
            claim_keys(&sig(None, vec![4], &["photo", "fake"])),
            vec![("~photo".into(), 4), ("~fake".into(), 4)]
        );
    }
}
