//! The web API's queries: paging, the board's order and filters, entity and article pages,
//! the weighted source graph, and read-only stores next to a writer.

mod common;

use std::collections::HashSet;
use std::path::PathBuf;

use claimtrail_core::Stance;
use claimtrail_store::{
    ArticleQuery, ClaimQuery, ClaimSummary, EntityQuery, SourceGraph, SourceQuery, SqliteStore, Store,
};
use common::{story, Rec};

/// Outlets of the filler articles.
const OUTLETS: &[&str] = &["Fox News", "RIA Novosti", "TASS", "Daily Courier"];

/// A small corpus: the contested meeting (asserted by an anonymous source via Reuters in Fox
/// News and its wire copy, denied by Zakharova in RIA Novosti), Lavrov's visit, and 24 filler
/// claims by distinct people with 1 to 4 statements each, some contested.
fn corpus() -> Vec<claimtrail_corpus::ArticleRecord> {
    let told = " Lavrov met Khamenei in Tehran, a senior official told Reuters.";
    let mut out = Vec::new();
    let mut a1 = Rec::new("fox-1", Some("Fox News"), "2015-08-07", &(story(1, 400) + told));
    let lav = a1.entity("Sergey Lavrov", "person");
    let kha = a1.entity("Ali Khamenei", "person");
    let off = a1.entity("a senior official", "anonymous");
    let c = a1.claim("Lavrov met Khamenei", Some("meet"), &[lav, kha], None);
    a1.said(Some(c), Some(off), "a senior official", "anonymous", Stance::Asserts, "Lavrov met Khamenei", &["Reuters"]);
    out.push(a1.build());

    let text = story(1, 400).replacen("minister", "ministers", 1) + told;
    let mut a2 = Rec::new("courier-1", Some("Daily Courier"), "2015-08-07", &text);
    let lav = a2.entity("Sergey Lavrov", "person");
    let kha = a2.entity("Ali Khamenei", "person");
    let off = a2.entity("a senior official", "anonymous");
    let c = a2.claim("Lavrov met Khamenei", Some("meet"), &[lav, kha], None);
    a2.said(Some(c), Some(off), "a senior official", "anonymous", Stance::Asserts, "Lavrov met Khamenei", &["Reuters"]);
    out.push(a2.build());

    let mut a3 = Rec::new("ria-1", Some("RIA Novosti"), "2015-08-08", &story(2, 300));
    let zak = a3.entity("Maria Zakharova", "person");
    let lav = a3.entity("Sergei Lavrov", "person");
    let kha = a3.entity("Khamenei", "person");
    let c = a3.claim("the meeting of Sergei Lavrov and Khamenei", Some("meet"), &[lav, kha], None);
    a3.said(Some(c), Some(zak), "Maria Zakharova", "person", Stance::Denies, "utter nonsense", &[]);
    out.push(a3.build());

    // The quote is the text's first words: the store keeps only its span.
    let text = format!("I will go to Beijing in September, Lavrov said. {}", story(4, 300));
    let mut a4 = Rec::new("tass-1", Some("TASS"), "2015-08-10", &text);
    let lav = a4.entity("Lavrov", "person");
    let c = a4.claim("Lavrov will visit Beijing", Some("visit"), &[lav], Some("2015-09"));
    a4.said(Some(c), Some(lav), "Lavrov", "person", Stance::Asserts, "I will go to Beijing in September", &[]);
    a4.said(None, None, "TASS", "document", Stance::Asserts, "The weather was fine", &[]);
    out.push(a4.build());

    // Filler: claim k has k % 4 + 1 statements in as many articles; every fifth is contested.
    for k in 0..24u64 {
        let person = format!("Person{k} Filler");
        for j in 0..(k % 4 + 1) {
            let outlet = OUTLETS[((k + j) % OUTLETS.len() as u64) as usize];
            let id = format!("fill-{k}-{j}");
            let mut r = Rec::new(&id, Some(outlet), &format!("2016-01-{:02}", j + 1), &story(100 + k * 10 + j, 120));
            let p = r.entity(&person, "person");
            let s = r.entity(&format!("Speaker{k}x{j} Voice"), "person");
            let c = r.claim(&format!("{person} signed treaty{k}"), Some("sign"), &[p], Some("2016-01-01"));
            let stance = if k % 5 == 0 && j == 1 { Stance::Denies } else { Stance::Asserts };
            r.said(Some(c), Some(s), &format!("Speaker{k}x{j} Voice"), "person", stance, "it was signed", &[]);
            out.push(r.build());
        }
    }
    out
}

fn store() -> SqliteStore {
    let mut s = SqliteStore::open_in_memory().unwrap();
    s.insert(&corpus()).unwrap();
    s
}

fn ids(v: &[ClaimSummary]) -> Vec<i64> {
    v.iter().map(|c| c.id).collect()
}

/// Pages of `size` from offset 0 until a short page: disjoint, and together the whole list.
fn assert_pages_cover<T, K: Eq + std::hash::Hash + std::fmt::Debug>(
    all: &[T],
    size: usize,
    page: impl Fn(usize, usize) -> Vec<T>,
    key: impl Fn(&T) -> K,
) {
    let mut seen = Vec::new();
    let mut offset = 0;
    loop {
        let p = page(size, offset);
        assert!(p.len() <= size);
        seen.extend(p.iter().map(&key));
        if p.len() < size {
            break;
        }
        offset += size;
    }
    let want: Vec<K> = all.iter().map(&key).collect();
    assert_eq!(seen, want, "pages of {size}");
    let distinct: HashSet<&K> = seen.iter().collect();
    assert_eq!(distinct.len(), seen.len(), "pages overlap");
}

#[test]
fn claim_pages_are_disjoint_and_cover_the_list() {
    let s = store();
    for contested_first in [false, true] {
        let all = s.claims(&ClaimQuery { contested_first, ..Default::default() }).unwrap();
        assert_eq!(all.len(), 26);
        for size in [1, 3, 7, 26, 50] {
            assert_pages_cover(
                &all,
                size,
                |limit, offset| s.claims(&ClaimQuery { contested_first, limit, offset, ..Default::default() }).unwrap(),
                |c| c.id,
            );
        }
        let past = s.claims(&ClaimQuery { contested_first, limit: 10, offset: 1000, ..Default::default() }).unwrap();
        assert!(past.is_empty());
    }
}

#[test]
fn board_order_is_contested_first_then_most_statements() {
    let s = store();
    let board = s.claims(&ClaimQuery { contested_first: true, ..Default::default() }).unwrap();
    let contested = board.iter().take_while(|c| c.contested).count();
    assert_eq!(contested, board.iter().filter(|c| c.contested).count(), "contested claims all come first");
    assert!(contested >= 4, "the meeting and the contested fillers: {contested}");
    // Within each group the order is the cited order (most statements first).
    let cited = s.claims(&ClaimQuery::default()).unwrap();
    let in_cited = |want_contested: bool| -> Vec<i64> {
        cited.iter().filter(|c| c.contested == want_contested).map(|c| c.id).collect()
    };
    let mut expected = in_cited(true);
    expected.extend(in_cited(false));
    assert_eq!(ids(&board), expected);
    assert_ne!(ids(&board), ids(&cited), "the fixture must tell the two orders apart");
}

#[test]
fn claim_filters_alone_and_together() {
    let s = store();
    let gists = |q: ClaimQuery| -> Vec<String> {
        let mut v: Vec<String> = s.claims(&q).unwrap().into_iter().map(|c| c.gist).collect();
        v.sort();
        v
    };
    let meeting = "Lavrov met Khamenei".to_string();
    let outlet = |o: &str| ClaimQuery { outlet: Some(o.into()), ..Default::default() };
    let text = |t: &str| ClaimQuery { text: Some(t.into()), ..Default::default() };
    // Outlet: publishing outlet or a relay, folded.
    let ria = gists(outlet("ria  novosti"));
    assert!(ria.contains(&meeting), "{ria:?}");
    assert!(!ria.contains(&"Lavrov will visit Beijing".to_string()));
    assert_eq!(gists(outlet("REUTERS")), vec![meeting.clone()], "relayed through Reuters");
    assert_eq!(gists(outlet("Reuters.")), vec![meeting.clone()], "punctuation folds away");
    assert!(gists(outlet("Nobody Times")).is_empty());
    assert_eq!(gists(outlet("  ")).len(), 26, "a blank filter is no filter");
    // Text: gist and participant words (prefixes), or words of the articles.
    for (q, want) in [
        ("beijing", vec!["Lavrov will visit Beijing"]),
        ("BEIJ", vec!["Lavrov will visit Beijing"]),
        ("khamenei lavr", vec!["Lavrov met Khamenei"]),
        ("ali", vec!["Lavrov met Khamenei"]),
        ("treaty7", vec!["Person7 Filler signed treaty7"]),
        ("person7 filler", vec!["Person7 Filler signed treaty7"]),
        ("tehran", vec!["Lavrov met Khamenei"]),
        ("zzzz", vec![]),
        ("\"(", vec![]),
    ] {
        let got = gists(text(q));
        let want: Vec<String> = want.into_iter().map(String::from).collect();
        if q == "\"(" {
            assert_eq!(got.len(), 26, "no words: no filter");
        } else {
            assert_eq!(got, want, "{q:?}");
        }
    }
    // A word found only in the articles' text brings in their claims.
    let minister = gists(text("minister"));
    assert!(minister.contains(&meeting), "{minister:?}");
    // Together.
    let both = gists(ClaimQuery {
        contested: true,
        outlet: Some("Fox News".into()),
        about: Some("Lavrov".into()),
        text: Some("tehran".into()),
        since: Some("2015-08-01".into()),
        ..Default::default()
    });
    assert_eq!(both, vec![meeting.clone()]);
    let none = gists(ClaimQuery { outlet: Some("TASS".into()), text: Some("tehran".into()), ..Default::default() });
    assert!(none.is_empty(), "{none:?}");
    // Odd input never fails.
    for odd in ["", "\"", "NEAR(a b)", "a*", "^", "'; DROP TABLE claims; --", &"x ".repeat(5000)] {
        let q = ClaimQuery { text: Some(odd.into()), outlet: Some(odd.into()), ..Default::default() };
        assert!(s.claims(&q).is_ok(), "{odd:?}");
    }
}

#[test]
fn statements_carry_span_and_attribution() {
    let s = store();
    let c = &s.claims(&ClaimQuery { text: Some("beijing".into()), ..Default::default() }).unwrap()[0];
    let trail = s.claim(c.id).unwrap().unwrap();
    let st = &trail.statements[0];
    assert_eq!(st.quote, "I will go to Beijing in September");
    assert_eq!(st.span, [0, st.quote.chars().count() as u32]);
    assert_eq!(st.attribution.as_deref(), Some("a1"));
    let article = s.article(st.article.id).unwrap().unwrap();
    let text: String = article
        .analysis
        .document
        .text
        .chars()
        .skip(st.span[0] as usize)
        .take((st.span[1] - st.span[0]) as usize)
        .collect();
    assert_eq!(text, st.quote, "the span points at the quote in the article's text");
    let meeting = s.claims(&ClaimQuery { text: Some("tehran".into()), ..Default::default() }).unwrap();
    let trail = s.claim(meeting[0].id).unwrap().unwrap();
    assert_eq!(trail.statements.len(), 2);
    assert_eq!(trail.statements[0].copies.iter().map(|a| a.doc_id.as_str()).collect::<Vec<_>>(), vec!["courier-1"]);
    assert!(trail.statements[1].copies.is_empty());
}

#[test]
fn entity_list_filters_and_pages() {
    let s = store();
    let names = |q: EntityQuery| -> Vec<String> { s.entities(&q).unwrap().into_iter().map(|e| e.name).collect() };
    let by = |name: &str| EntityQuery { name: Some(name.into()), ..Default::default() };
    for (q, want) in [
        ("lav", vec!["Sergey Lavrov"]),
        ("Sergei", vec!["Sergey Lavrov"]),
        ("serg lavrov", vec!["Sergey Lavrov"]),
        ("LAVROV", vec!["Sergey Lavrov"]),
        ("zakh", vec!["Maria Zakharova"]),
        ("senior", vec!["a senior official"; 2]),
        ("avrov", vec![]),
        ("nobody", vec![]),
    ] {
        assert_eq!(names(by(q)), want, "{q:?}");
    }
    let people = s.entities(&EntityQuery { kind: Some("person".into()), ..Default::default() }).unwrap();
    assert!(people.iter().all(|e| e.kind == "person"));
    assert!(people
        .windows(2)
        .all(|w| (w[0].mentions, std::cmp::Reverse(w[0].id)) >= (w[1].mentions, std::cmp::Reverse(w[1].id))));
    assert!(names(EntityQuery { name: Some("senior".into()), kind: Some("person".into()), ..Default::default() })
        .is_empty());
    let all = s.entities(&EntityQuery::default()).unwrap();
    assert_eq!(all.len() as u64, s.stats().unwrap().entities);
    assert_eq!(all[0].name, "Sergey Lavrov", "most mentioned first");
    for size in [1, 5, 13] {
        assert_pages_cover(
            &all,
            size,
            |limit, offset| s.entities(&EntityQuery { limit, offset, ..Default::default() }).unwrap(),
            |e| e.id,
        );
    }
    let speakers = s.entities(&by("speaker")).unwrap();
    assert_eq!(speakers.len(), 60);
    assert_pages_cover(
        &speakers,
        7,
        |limit, offset| {
            s.entities(&EntityQuery { name: Some("speaker".into()), limit, offset, ..Default::default() }).unwrap()
        },
        |e| e.id,
    );
    for odd in ["", "\"", "*", "NEAR(", "a OR b", "'--"] {
        assert!(s.entities(&by(odd)).is_ok(), "{odd:?}");
    }
}

#[test]
fn entity_by_id_is_the_named_profile() {
    let s = store();
    let by_name = s.entity("Lavrov").unwrap().remove(0);
    let by_id = s.entity_by_id(by_name.id).unwrap().unwrap();
    assert_eq!(
        serde_json::to_value(&by_id).unwrap(),
        serde_json::to_value(&by_name).unwrap(),
        "same profile either way"
    );
    assert_eq!(by_id.said.len(), 1);
    assert_eq!(by_id.said_about.len(), 2);
    assert!(s.entity_by_id(0).unwrap().is_none());
    assert!(s.entity_by_id(1_000_000).unwrap().is_none());
}

#[test]
fn article_list_newest_first_with_outlet_filter() {
    let s = store();
    let all = s.articles(&ArticleQuery::default()).unwrap();
    let n = s.stats().unwrap().articles as usize;
    assert_eq!(all.len(), n);
    assert!(all.windows(2).all(|w| w[0].id > w[1].id), "newest stored first");
    for size in [1, 4, 9] {
        assert_pages_cover(
            &all,
            size,
            |limit, offset| s.articles(&ArticleQuery { limit, offset, ..Default::default() }).unwrap(),
            |a| a.id,
        );
    }
    for (outlet, want) in
        [("TASS", "TASS"), ("tass", "TASS"), ("  ria novosti ", "RIA Novosti"), ("FOX-NEWS", "Fox News")]
    {
        let got = s.articles(&ArticleQuery { outlet: Some(outlet.into()), ..Default::default() }).unwrap();
        assert!(!got.is_empty(), "{outlet:?}");
        assert!(got.iter().all(|a| a.outlet.as_deref() == Some(want)), "{outlet:?}");
        let expected: Vec<i64> = all.iter().filter(|a| a.outlet.as_deref() == Some(want)).map(|a| a.id).collect();
        assert_eq!(got.iter().map(|a| a.id).collect::<Vec<_>>(), expected, "{outlet:?}");
        let page = s.articles(&ArticleQuery { outlet: Some(outlet.into()), limit: 2, offset: 1 }).unwrap();
        assert_eq!(page.iter().map(|a| a.id).collect::<Vec<_>>(), expected[1..3.min(expected.len())].to_vec());
    }
    assert!(s.articles(&ArticleQuery { outlet: Some("Reuters".into()), ..Default::default() }).unwrap().is_empty());
}

#[test]
fn article_round_trips_with_its_links() {
    let recs = corpus();
    let s = store();
    for (i, r) in recs.iter().enumerate().take(6) {
        let id = i as i64 + 1;
        let v = s.article(id).unwrap().unwrap();
        assert_eq!(v.article.doc_id, r.analysis.document.id);
        assert_eq!(v.analysis.document.text, r.analysis.document.text, "the text comes back");
        assert_eq!(v.analysis, r.analysis, "the whole analysis comes back");
        assert_eq!(v.claims.len(), r.claims.len());
        assert_eq!(
            v.entities.iter().map(|e| e.0.as_str()).collect::<Vec<_>>(),
            vec!["e1", "e2", "e3"][..r.entities.len()].to_vec()
        );
    }
    // The wire group: fox-1 (1) and its copy courier-1 (2).
    let fox = s.article(1).unwrap().unwrap();
    assert!(fox.copy_of.is_none());
    assert_eq!(fox.copies.iter().map(|a| a.id).collect::<Vec<_>>(), vec![2]);
    let courier = s.article(2).unwrap().unwrap();
    assert_eq!(courier.copy_of.as_ref().map(|a| a.id), Some(1));
    assert!(courier.copies.is_empty(), "no other copies besides itself");
    let ria = s.article(3).unwrap().unwrap();
    assert!(ria.copy_of.is_none() && ria.copies.is_empty());
    // Local ids map to the corpus: both articles' claim c1 is the meeting.
    assert_eq!(fox.claims[0].1, courier.claims[0].1);
    assert_eq!(fox.entities[0].1, ria.entities[1].1, "Sergey / Sergei Lavrov");
    assert!(s.article(0).unwrap().is_none());
    assert!(s.article(99_999).unwrap().is_none());
}

fn same_graph(a: &SourceGraph, b: &SourceGraph) {
    assert_eq!(a.nodes, b.nodes);
    assert_eq!(a.weights, b.weights);
    assert_eq!(a.edges, b.edges);
}

#[test]
fn source_graph_keeps_the_heaviest_nodes() {
    let s = store();
    let full = s.source_graph(0).unwrap();
    assert_eq!(full.nodes.len(), full.weights.len());
    assert!(full.weights.windows(2).all(|w| w[0] >= w[1]), "heaviest first");
    let weight = |label: &str| full.nodes.iter().position(|n| n.1 == label).map(|i| full.weights[i]);
    assert_eq!(weight("Reuters"), Some(2), "relays the official's statement in two articles");
    assert_eq!(weight("Maria Zakharova"), Some(1));
    for max in [1, 2, 5, 10] {
        let g = s.source_graph(max).unwrap();
        assert_eq!(g.nodes.len(), max.min(full.nodes.len()));
        assert_eq!(g.nodes[..], full.nodes[..g.nodes.len()]);
        let kept: HashSet<&str> = g.nodes.iter().map(|n| n.0.as_str()).collect();
        assert!(g.edges.iter().all(|e| kept.contains(e.0.as_str()) && kept.contains(e.1.as_str())));
        let among: Vec<_> =
            full.edges.iter().filter(|e| kept.contains(e.0.as_str()) && kept.contains(e.1.as_str())).cloned().collect();
        assert_eq!(g.edges, among, "max {max}");
    }
}

/// A fresh file path in the temporary directory (removed with its WAL files first).
fn temp_db(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("claimtrail-web-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("t.db");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", p.display()));
    }
    p
}

#[test]
fn read_only_store_reads_while_a_writer_holds_a_transaction() {
    let path = temp_db("ro");
    let recs = corpus();
    let mut w = SqliteStore::open(&path).unwrap();
    w.insert(&recs[..10]).unwrap();
    let r = SqliteStore::open_read_only(&path).unwrap();
    assert!(r.is_read_only());
    let before = r.stats().unwrap();
    assert_eq!(before.articles, 10);
    let claims_before = r.claims(&ClaimQuery::default()).unwrap().len();
    // A second writer connection holds an open write transaction with new rows.
    let raw = rusqlite::Connection::open(&path).unwrap();
    raw.execute_batch(
        "BEGIN IMMEDIATE;
         INSERT INTO claims(gist, participants, terms, places, statements) VALUES ('uncommitted', '[]', '[]', '[]', 99);
         INSERT INTO entities(name, kind) VALUES ('Uncommitted Person', 'person');",
    )
    .unwrap();
    // The reader answers, from the last committed state.
    let st = r.stats().unwrap();
    assert_eq!((st.articles, st.claims, st.entities), (before.articles, before.claims, before.entities));
    let board = r.claims(&ClaimQuery { contested_first: true, limit: 50, ..Default::default() }).unwrap();
    assert_eq!(board.len(), claims_before);
    assert!(board.iter().all(|c| c.gist != "uncommitted"));
    assert!(r.entities(&EntityQuery { name: Some("uncommitted".into()), ..Default::default() }).unwrap().is_empty());
    assert!(r.claim(board[0].id).unwrap().is_some());
    assert!(r.article(1).unwrap().is_some());
    // The store's own writer cannot write meanwhile (one writer at a time); the raw one commits.
    raw.execute_batch("COMMIT;").unwrap();
    assert_eq!(r.stats().unwrap().claims, before.claims + 1, "the reader sees the commit");
    drop(raw);
    // Store::insert through the writer, read-only store reading in between.
    w.insert(&recs[10..]).unwrap();
    assert_eq!(r.stats().unwrap().articles, recs.len() as u64, "the reader sees the writer's batches");
    assert_eq!(r.claims(&ClaimQuery::default()).unwrap().len(), claims_before + 1 + 26 - claims_before);
    let _ = std::fs::remove_dir_all(path.parent().unwrap());
}

#[test]
fn read_only_store_refuses_writes() {
    let path = temp_db("refuse");
    let recs = corpus();
    SqliteStore::open(&path).unwrap().insert(&recs[..3]).unwrap();
    let mut r = SqliteStore::open_read_only(&path).unwrap();
    assert!(r.insert(&recs[3..5]).is_err());
    assert_eq!(r.stats().unwrap().articles, 3);
    assert!(SqliteStore::open_read_only(path.with_file_name("missing.db")).is_err());
    let junk = path.with_file_name("junk.db");
    std::fs::write(&junk, b"not a database at all, just some bytes").unwrap();
    assert!(SqliteStore::open_read_only(&junk).is_err());
    let empty = path.with_file_name("empty.db");
    drop(rusqlite::Connection::open(&empty).unwrap());
    assert!(SqliteStore::open_read_only(&empty).is_err(), "an empty SQLite file is not a store");
    let _ = std::fs::remove_dir_all(path.parent().unwrap());
}

/// The derived tables dropped: a store as an older claimtrail wrote it.
fn drop_derived(path: &PathBuf) {
    let raw = rusqlite::Connection::open(path).unwrap();
    raw.execute_batch(
        "DROP INDEX articles_outlet; DROP INDEX statements_trail; DROP TABLE claim_outlets; DROP TABLE claims_fts;
         DROP TABLE entity_names_fts; DROP TABLE graph_nodes; DROP TABLE graph_edges;
         DELETE FROM meta WHERE key IN ('derived_upto', 'claims_fts_upto', 'entity_names_upto');",
    )
    .unwrap();
}

/// Every web query's answer, as JSON, for comparing stores.
fn answers(s: &SqliteStore) -> Vec<serde_json::Value> {
    let j = |v: serde_json::Result<serde_json::Value>| v.unwrap();
    let mut out = Vec::new();
    let claim_queries = [
        ClaimQuery { contested_first: true, ..Default::default() },
        ClaimQuery { outlet: Some("reuters".into()), ..Default::default() },
        ClaimQuery {
            outlet: Some("Fox News".into()),
            contested_first: true,
            limit: 3,
            offset: 1,
            ..Default::default()
        },
        ClaimQuery { text: Some("lavr".into()), ..Default::default() },
        ClaimQuery { text: Some("filler sign".into()), limit: 5, ..Default::default() },
        ClaimQuery { text: Some("minister".into()), ..Default::default() },
    ];
    for q in &claim_queries {
        out.push(j(serde_json::to_value(s.claims(q).unwrap())));
    }
    for name in ["lav", "speaker1", "senior off", "zz"] {
        let q = EntityQuery { name: Some(name.into()), ..Default::default() };
        out.push(j(serde_json::to_value(s.entities(&q).unwrap())));
    }
    for outlet in ["tass", "Daily Courier", "nope"] {
        let q = ArticleQuery { outlet: Some(outlet.into()), ..Default::default() };
        out.push(j(serde_json::to_value(s.articles(&q).unwrap())));
    }
    out.push(j(serde_json::to_value(s.source_graph(0).unwrap())));
    out.push(j(serde_json::to_value(s.source_graph(4).unwrap())));
    out.push(j(serde_json::to_value(s.sources(&SourceQuery { limit: 3, offset: 2, ..Default::default() }).unwrap())));
    out
}

#[test]
fn older_stores_answer_the_same_read_only_and_after_upgrade() {
    let path = temp_db("upgrade");
    let recs = corpus();
    {
        let mut w = SqliteStore::open(&path).unwrap();
        w.insert(&recs[..20]).unwrap();
        w.insert(&recs[20..]).unwrap();
    }
    let want = answers(&SqliteStore::open_read_only(&path).unwrap());
    drop_derived(&path);
    // Read-only: the slow paths give the same answers.
    let old = SqliteStore::open_read_only(&path).unwrap();
    for (i, (got, want)) in answers(&old).iter().zip(&want).enumerate() {
        assert_eq!(got, want, "query {i} without derived tables");
    }
    drop(old);
    // A writer adds and fills the derived tables.
    drop(SqliteStore::open(&path).unwrap());
    let upgraded = SqliteStore::open_read_only(&path).unwrap();
    for (i, (got, want)) in answers(&upgraded).iter().zip(&want).enumerate() {
        assert_eq!(got, want, "query {i} after the upgrade");
    }
    let _ = std::fs::remove_dir_all(path.parent().unwrap());
}

#[test]
fn graph_tables_follow_every_batch() {
    // One record per batch, against a full scan of a store built in one batch.
    let recs = corpus();
    let mut one = SqliteStore::open_in_memory().unwrap();
    for r in &recs {
        one.insert(std::slice::from_ref(r)).unwrap();
    }
    let all = store();
    same_graph(&one.source_graph(0).unwrap(), &all.source_graph(0).unwrap());
    same_graph(&one.source_graph(3).unwrap(), &all.source_graph(3).unwrap());
    // A failed batch leaves the graph as it was.
    let before = one.source_graph(0).unwrap();
    let mut bad = recs[3].clone();
    bad.content_hash = "bad".into();
    bad.statements[0].claim = Some(99);
    assert!(one.insert(&[recs[0].clone(), bad]).is_err());
    same_graph(&one.source_graph(0).unwrap(), &before);
}

#[test]
fn a_long_trail_keeps_the_oldest_of_each_stance() {
    let per = claimtrail_store::MAX_TRAIL_PER_STANCE;
    let mut recs = Vec::new();
    for i in 0..per + 7 {
        let day = format!("2017-{:02}-{:02}", 1 + i / 28, 1 + i % 28);
        let mut r = Rec::new(&format!("long-{i}"), Some(OUTLETS[i % 4]), &day, &story(5000 + i as u64, 90));
        let p = r.entity("Ivo Target", "person");
        let s = r.entity(&format!("Witness{i} Person"), "person");
        let c = r.claim("Ivo Target resigned", Some("resign"), &[p], Some("2017-01-01"));
        let stance = if i % 40 == 3 { Stance::Denies } else { Stance::Asserts };
        r.said(Some(c), Some(s), &format!("Witness{i} Person"), "person", stance, &format!("words {i}"), &[]);
        recs.push(r.build());
    }
    let mut s = SqliteStore::open_in_memory().unwrap();
    s.insert(&recs).unwrap();
    let c = s.claims(&ClaimQuery::default()).unwrap();
    assert_eq!(c.len(), 1);
    let trail = s.claim(c[0].id).unwrap().unwrap();
    let denies = trail.statements.iter().filter(|x| x.stance == Stance::Denies).count();
    let asserts = trail.statements.iter().filter(|x| x.stance == Stance::Asserts).count();
    assert_eq!((asserts, denies), (per, 3), "every denial is kept; asserts are bounded");
    assert_eq!(trail.omitted as usize, per + 7 - per - 3);
    assert!(trail.statements.windows(2).all(|w| w[0].date <= w[1].date), "oldest first");
    let last_kept = trail.statements.iter().rfind(|x| x.stance == Stance::Asserts).unwrap();
    assert_eq!(last_kept.quote, format!("words {}", per + 2), "the oldest asserts are kept");
}

#[test]
fn claim_search_follows_renamed_participants() {
    let mut d = Rec::new("d", None, "2020-01-04", &story(13, 50));
    let sh = d.entity("Shoigu", "person");
    d.claim("Shoigu inspected the troops", Some("inspect"), &[sh], None);
    let mut e = Rec::new("e", None, "2020-01-05", &story(14, 50));
    e.entity("Sergei Shoigu", "person");
    let search = |s: &SqliteStore, t: &str| -> Vec<String> {
        s.claims(&ClaimQuery { text: Some(t.into()), ..Default::default() })
            .unwrap()
            .into_iter()
            .map(|c| c.gist)
            .collect()
    };
    // The full name arrives in a later batch (the entity is renamed) or in the same one.
    let mut apart = SqliteStore::open_in_memory().unwrap();
    apart.insert(&[d.build()]).unwrap();
    assert!(search(&apart, "sergei").is_empty());
    apart.insert(&[e.build()]).unwrap();
    let mut together = SqliteStore::open_in_memory().unwrap();
    together.insert(&[d.build(), e.build()]).unwrap();
    for s in [&apart, &together] {
        assert_eq!(s.entity("Shoigu").unwrap()[0].name, "Sergei Shoigu");
        assert_eq!(search(s, "sergei shoig"), vec!["Shoigu inspected the troops"]);
        assert_eq!(search(s, "inspected"), vec!["Shoigu inspected the troops"]);
        let names = s.entities(&EntityQuery { name: Some("serg".into()), ..Default::default() }).unwrap();
        assert_eq!(names.len(), 1);
    }
}

#[test]
fn readers_keep_answering_while_the_writer_ingests() {
    let path = temp_db("concurrent");
    let recs = corpus();
    let mut w = SqliteStore::open(&path).unwrap();
    w.insert(&recs[..4]).unwrap();
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let readers: Vec<_> = (0..2)
        .map(|_| {
            let (path, done) = (path.clone(), done.clone());
            std::thread::spawn(move || {
                let r = SqliteStore::open_read_only(&path).unwrap();
                let (mut last, mut reads) = (0, 0);
                while !done.load(std::sync::atomic::Ordering::Relaxed) || reads == 0 {
                    let n = r.stats().unwrap().articles;
                    assert!(n >= last, "counts never go back");
                    last = n;
                    let board =
                        r.claims(&ClaimQuery { contested_first: true, limit: 50, ..Default::default() }).unwrap();
                    if let Some(c) = board.first() {
                        assert!(r.claim(c.id).unwrap().is_some());
                    }
                    r.source_graph(10).unwrap();
                    r.articles(&ArticleQuery { limit: 5, ..Default::default() }).unwrap();
                    reads += 1;
                }
                reads
            })
        })
        .collect();
    for r in recs[4..].chunks(3) {
        w.insert(r).unwrap();
    }
    done.store(true, std::sync::atomic::Ordering::Relaxed);
    for h in readers {
        assert!(h.join().unwrap() > 0);
    }
    let r = SqliteStore::open_read_only(&path).unwrap();
    assert_eq!(r.stats().unwrap().articles, recs.len() as u64);
    let _ = std::fs::remove_dir_all(path.parent().unwrap());
}

#[test]
fn names_written_by_an_older_claimtrail_are_indexed_by_the_next_writer() {
    let path = temp_db("older-writer");
    SqliteStore::open(&path).unwrap().insert(&corpus()[..4]).unwrap();
    // An older claimtrail (no derived tables in mind) adds an entity and an alias.
    let raw = rusqlite::Connection::open(&path).unwrap();
    raw.execute_batch(
        "INSERT INTO entities(name, kind) VALUES ('Zelda Rawlings', 'person');
         INSERT INTO entity_aliases(entity, alias) VALUES (last_insert_rowid(), 'Zee Rawl');
         INSERT INTO claims(gist, participants, terms, places) VALUES ('Rawlings won the cup', '[]', '[]', '[]');",
    )
    .unwrap();
    drop(raw);
    let find = |s: &SqliteStore, q: &str| {
        s.entities(&EntityQuery { name: Some(q.into()), ..Default::default() }).unwrap().len()
    };
    drop(SqliteStore::open(&path).unwrap());
    let r = SqliteStore::open_read_only(&path).unwrap();
    assert_eq!(find(&r, "zelda"), 1);
    assert_eq!(find(&r, "zee"), 1, "the alias of a new entity");
    let c = r.claims(&ClaimQuery { text: Some("rawlings cup".into()), ..Default::default() }).unwrap();
    assert_eq!(c.len(), 1);
    let _ = std::fs::remove_dir_all(path.parent().unwrap());
}
