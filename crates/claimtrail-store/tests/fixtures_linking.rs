//! Cross-document linking through the real pipeline and corpus records, on the hand-built
//! articles of `claimtrail-corpus/tests/fixtures/linking/` (same events told by several outlets,
//! spelling variants, a wire copy, a denial and a hedge).

use std::path::PathBuf;

use claimtrail_core::{Date, Meta};
use claimtrail_corpus::{build_record, ArticleRecord};
use claimtrail_pipeline::Pipeline;
use claimtrail_store::{ClaimQuery, ClaimSummary, InsertOutcome, SqliteStore, Store};

/// Arrival order: the agency story before its copy.
const ORDER: &[&str] = &[
    "globalwire-geneva",
    "courier-geneva-copy",
    "anatolia-post-visit",
    "tehran-daily-geneva",
    "moscow-herald-denial",
    "baltic-times-hedge",
];

fn record(id: &str, p: &Pipeline) -> ArticleRecord {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../claimtrail-corpus/tests/fixtures/linking");
    let text = std::fs::read_to_string(dir.join(format!("{id}.txt"))).unwrap();
    let mut meta = Meta { id: id.to_string(), ..Meta::default() };
    for line in std::fs::read_to_string(dir.join(format!("{id}.meta"))).unwrap().lines() {
        let Some((k, v)) = line.split_once(':') else { continue };
        let v = v.trim().to_string();
        match k.trim() {
            "published" => meta.published = Date::parse(&v).ok(),
            "outlet" => meta.outlet = Some(v),
            "title" => meta.title = Some(v),
            _ => {}
        }
    }
    build_record(&p.analyze(meta, &text).unwrap())
}

fn records() -> Vec<ArticleRecord> {
    let p = Pipeline::new();
    ORDER.iter().map(|id| record(id, &p)).collect()
}

fn store() -> (SqliteStore, Vec<InsertOutcome>) {
    let mut s = SqliteStore::open_in_memory().unwrap();
    let out = s.insert(&records()).unwrap();
    (s, out)
}

#[test]
fn analyses_and_quotes_come_back_intact() {
    let recs = records();
    let mut s = SqliteStore::open_in_memory().unwrap();
    s.insert(&recs).unwrap();
    s.check_integrity().unwrap();
    let mut i = 0;
    s.for_each_article(&mut |a| {
        assert_eq!(a.analysis, recs[i].analysis, "{}", a.article.doc_id);
        i += 1;
        Ok(())
    })
    .unwrap();
    assert_eq!(i, recs.len());
    let mut quotes: Vec<String> = Vec::new();
    for c in s.claims(&ClaimQuery::default()).unwrap() {
        for st in s.claim(c.id).unwrap().unwrap().statements {
            quotes.push(st.quote);
        }
    }
    let want: Vec<String> = recs
        .iter()
        .flat_map(|r| r.statements.iter().filter(|st| st.claim.is_some()).map(|st| st.quote.clone()))
        .collect();
    assert!(quotes.iter().all(|q| want.contains(q)), "{quotes:#?}");
    assert!(!quotes.is_empty());
}

fn find<'a>(claims: &'a [ClaimSummary], event: &str, who: &[&str]) -> &'a ClaimSummary {
    claims
        .iter()
        .find(|c| c.event.as_deref() == Some(event) && who.iter().all(|w| c.participants.iter().any(|p| p.contains(w))))
        .unwrap_or_else(|| panic!("no {event} claim with {who:?} in {claims:#?}"))
}

#[test]
fn wire_copy_is_grouped_and_its_statements_are_copies() {
    let (s, out) = store();
    assert_eq!(out[1], InsertOutcome::Stored { article: 2, copy_of: Some(1) }, "{out:?}");
    assert!(out.iter().enumerate().all(|(i, o)| i == 1 || matches!(o, InsertOutcome::Stored { copy_of: None, .. })));
    let claims = s.claims(&ClaimQuery::default()).unwrap();
    let meet = find(&claims, "meet", &["Lavrov", "Zarif"]);
    let trail = s.claim(meet.id).unwrap().unwrap();
    assert!(trail.statements.iter().all(|st| st.article.doc_id != "courier-geneva-copy"), "copies are not statements");
    assert!(trail.statements.iter().any(|st| st.copies.iter().any(|a| a.doc_id == "courier-geneva-copy")));
    assert!(meet.articles >= 4, "copies count as articles carrying the claim: {meet:?}");
}

#[test]
fn people_link_across_spellings_and_surnames() {
    let (s, _) = store();
    for (query, name, variants) in [
        ("Lavrov", "Lavrov", &["Sergey Lavrov", "Sergei Lavrov"][..]),
        ("Zarif", "Zarif", &["Mohammed Javad Zarif", "Mohammad Javad Zarif"][..]),
        ("Peskov", "Peskov", &["Dmitri Peskov", "Dmitry Peskov"][..]),
        ("Erdogan", "Erdogan", &["Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"][..]),
        ("Sergey Lavrov", "Lavrov", &["Lavrov"][..]),
    ] {
        let p = s.entity(query).unwrap();
        let e = p.first().unwrap_or_else(|| panic!("{query}: no entity"));
        assert_eq!(e.kind, "person", "{query}: {e:?}");
        assert!(e.name.contains(name), "{query}: {}", e.name);
        let names: Vec<&str> = std::iter::once(e.name.as_str()).chain(e.aliases.iter().map(String::as_str)).collect();
        for v in variants {
            assert!(names.contains(v), "{query}: {v} not among {names:?}");
        }
        assert_eq!(p.iter().filter(|x| x.kind == "person" && x.name.contains(name)).count(), 1, "{query}: {p:#?}");
    }
}

#[test]
fn claims_link_across_articles_and_are_contested() {
    let (s, _) = store();
    let claims = s.claims(&ClaimQuery::default()).unwrap();
    let meet = find(&claims, "meet", &["Lavrov", "Zarif"]);
    assert!(meet.contested, "{meet:?}");
    assert!(meet.asserts >= 2 && meet.denies >= 1, "{meet:?}");
    let trail = s.claim(meet.id).unwrap().unwrap();
    let outlets: std::collections::BTreeSet<&str> =
        trail.statements.iter().filter_map(|st| st.article.outlet.as_deref()).collect();
    for o in ["Global Wire", "Tehran Daily", "Moscow Herald"] {
        assert!(outlets.contains(o), "{o} not in the trail of {meet:?}: {outlets:?}");
    }
    assert!(trail.statements.windows(2).all(|w| w[0].date <= w[1].date), "oldest first");

    let visit = find(&claims, "visit", &["Erdogan"]);
    assert!(visit.contested && visit.asserts >= 1 && visit.denies >= 1 && visit.hedges >= 1, "{visit:?}");

    let ankara = find(&claims, "visit", &["Lavrov", "Ankara"]);
    assert_ne!(ankara.id, meet.id);
    assert!(!ankara.contested);
    assert_eq!(ankara.when.as_deref(), Some("2021-03-10"));

    let contested = s.claims(&ClaimQuery { contested: true, ..Default::default() }).unwrap();
    assert!(contested.iter().all(|c| c.contested));
    assert!(contested.iter().any(|c| c.id == meet.id) && contested.iter().any(|c| c.id == visit.id));
    let about = s.claims(&ClaimQuery { about: Some("Zakharova".into()), ..Default::default() }).unwrap();
    assert!(about.iter().any(|c| c.id == meet.id), "{about:?}");
    let about = s.claims(&ClaimQuery { about: Some("Sergei Lavrov".into()), ..Default::default() }).unwrap();
    assert!(about.iter().any(|c| c.id == meet.id) && about.iter().any(|c| c.id == ankara.id));

    let hits = s.search("Geneva nonsense", 10).unwrap();
    assert!(hits.iter().any(|h| h.kind == "statement" && h.claim == Some(meet.id)), "{hits:#?}");
    let cands = s.candidates(&["Lavrov".into(), "Zarif".into(), "Geneva".into()], 5).unwrap();
    assert!(cands.iter().any(|c| c.claims.iter().any(|x| x.1 == meet.id)));
}
