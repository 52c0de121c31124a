//! SqliteStore: idempotency, atomic batches, wire copies, cross-article linking, queries, odd input.

mod common;

use claimtrail_core::Stance;
use claimtrail_store::{ClaimQuery, Error, InsertOutcome, SourceQuery, SqliteStore, Store};
use common::{story, Rec};

/// Four articles about one alleged meeting: an anonymous source asserts it (Fox News), a wire
/// copy of that story (Daily Courier), a spokeswoman denies it (RIA Novosti, other spellings),
/// and Lavrov alone speaks about a visit.
fn meeting_articles() -> Vec<claimtrail_corpus::ArticleRecord> {
    let told = " Lavrov met Khamenei in Tehran, a senior official told Reuters.";
    let mut a1 = Rec::new("fox-1", Some("Fox News"), "2015-08-07", &(story(1, 400) + told));
    let lav = a1.entity("Sergey Lavrov", "person");
    let kha = a1.entity("Ali Khamenei", "person");
    let off = a1.entity("a senior official", "anonymous");
    let c = a1.claim("Lavrov met Khamenei", Some("meet"), &[lav, kha], None);
    a1.said(
        Some(c),
        Some(off),
        "a senior official",
        "anonymous",
        Stance::Asserts,
        "Lavrov met Khamenei in Tehran",
        &["Reuters"],
    );

    // The same agency story on another site: one sentence changed.
    let text = story(1, 400).replacen("minister", "ministers", 1) + told;
    let mut a3 = Rec::new("courier-1", Some("Daily Courier"), "2015-08-07", &text);
    let lav3 = a3.entity("Sergey Lavrov", "person");
    let kha3 = a3.entity("Ali Khamenei", "person");
    let off3 = a3.entity("a senior official", "anonymous");
    let c3 = a3.claim("Lavrov met Khamenei", Some("meet"), &[lav3, kha3], None);
    a3.said(
        Some(c3),
        Some(off3),
        "a senior official",
        "anonymous",
        Stance::Asserts,
        "Lavrov met Khamenei in Tehran",
        &["Reuters"],
    );

    let mut a2 = Rec::new("ria-1", Some("RIA Novosti"), "2015-08-08", &story(2, 300));
    let zak = a2.entity("Maria Zakharova", "person");
    a2.role(zak, "Foreign Ministry spokeswoman");
    let lav2 = a2.entity("Sergei Lavrov", "person");
    let kha2 = a2.entity("Khamenei", "person");
    let c2 = a2.claim("the meeting of Sergei Lavrov and Khamenei", Some("meet"), &[lav2, kha2], None);
    a2.said(Some(c2), Some(zak), "Maria Zakharova", "person", Stance::Denies, "utter nonsense", &[]);

    let mut a4 = Rec::new("tass-1", Some("TASS"), "2015-08-10", &story(4, 300));
    let lav4 = a4.entity("Lavrov", "person");
    let c4 = a4.claim("Lavrov will visit Beijing", Some("visit"), &[lav4], Some("2015-09"));
    a4.said(Some(c4), Some(lav4), "Lavrov", "person", Stance::Asserts, "I will go to Beijing in September", &[]);
    a4.said(None, None, "TASS", "document", Stance::Asserts, "The weather was fine", &[]);
    vec![a1.build(), a3.build(), a2.build(), a4.build()]
}

fn stored(o: &InsertOutcome) -> (i64, Option<i64>) {
    match o {
        InsertOutcome::Stored { article, copy_of } => (*article, *copy_of),
        InsertOutcome::Duplicate { article } => panic!("duplicate {article}"),
    }
}

#[test]
fn insert_twice_is_idempotent() {
    let mut s = SqliteStore::open_in_memory().unwrap();
    let recs = meeting_articles();
    let first = s.insert(&recs).unwrap();
    assert_eq!(first.iter().map(|o| stored(o).0).collect::<Vec<_>>(), vec![1, 2, 3, 4]);
    let before = s.stats().unwrap();
    let again = s.insert(&recs).unwrap();
    assert_eq!(
        again,
        (1..=4).map(|article| InsertOutcome::Duplicate { article }).collect::<Vec<_>>(),
        "second insert must only find duplicates"
    );
    let after = s.stats().unwrap();
    assert_eq!(
        (before.articles, before.entities, before.claims, before.statements, before.text_bytes),
        (after.articles, after.entities, after.claims, after.statements, after.text_bytes)
    );
    assert!(s.contains(&recs[0].content_hash).unwrap());
    assert!(!s.contains("nope").unwrap());
    // Duplicates inside one batch too.
    let mut t = SqliteStore::open_in_memory().unwrap();
    let out = t.insert(&[recs[0].clone(), recs[0].clone()]).unwrap();
    assert_eq!(out[1], InsertOutcome::Duplicate { article: 1 });
}

#[test]
fn a_failing_record_rolls_back_its_whole_batch() {
    let mut s = SqliteStore::open_in_memory().unwrap();
    let mut recs = meeting_articles();
    let mut bad = recs[3].clone();
    bad.statements[0].claim = Some(99);
    bad.content_hash = "bad".into();
    recs.insert(2, bad);
    let err = s.insert(&recs).unwrap_err();
    assert!(matches!(err, Error::Invalid(_)), "{err}");
    let st = s.stats().unwrap();
    assert_eq!((st.articles, st.entities, st.claims, st.statements, st.text_bytes), (0, 0, 0, 0, 0));
    assert!(s.search("minister", 10).unwrap().is_empty(), "full-text index rolled back too");
    // Ids are not burnt by the failed batch.
    recs.remove(2);
    let out = s.insert(&recs).unwrap();
    assert_eq!(stored(&out[0]).0, 1);
}

#[test]
fn wire_copies_count_once() {
    let mut s = SqliteStore::open_in_memory().unwrap();
    let out = s.insert(&meeting_articles()).unwrap();
    assert_eq!(stored(&out[0]), (1, None));
    assert_eq!(stored(&out[1]), (2, Some(1)), "the Daily Courier story is a copy of Fox News'");
    assert_eq!(stored(&out[2]), (3, None));
    assert_eq!(s.stats().unwrap().wire_groups, 1);
    let claims = s.claims(&ClaimQuery { contested: true, ..Default::default() }).unwrap();
    assert_eq!(claims.len(), 1, "{claims:?}");
    let c = &claims[0];
    assert_eq!((c.asserts, c.denies, c.hedges, c.articles), (1, 1, 0, 3), "{c:?}");
    let trail = s.claim(c.id).unwrap().unwrap();
    assert_eq!(trail.statements.len(), 2, "the copy is not a second statement");
    let first = &trail.statements[0];
    assert_eq!(first.stance, Stance::Asserts);
    assert_eq!(first.article.doc_id, "fox-1");
    assert_eq!(first.via, vec!["Reuters".to_string()]);
    assert_eq!(first.copies.iter().map(|a| a.doc_id.as_str()).collect::<Vec<_>>(), vec!["courier-1"]);
    assert_eq!(trail.statements[1].source, "Maria Zakharova");
    assert_eq!(trail.statements[1].stance, Stance::Denies);
    assert_eq!(trail.statements[1].date.as_deref(), Some("2015-08-08"));
}

#[test]
fn entities_and_claims_link_across_articles() {
    let mut s = SqliteStore::open_in_memory().unwrap();
    s.insert(&meeting_articles()).unwrap();
    // Sergey / Sergei / Lavrov are one person.
    let p = s.entity("Lavrov").unwrap();
    assert!(!p.is_empty());
    let lav = &p[0];
    assert_eq!(lav.name, "Sergey Lavrov");
    assert!(lav.aliases.contains(&"Sergei Lavrov".to_string()), "{:?}", lav.aliases);
    assert!(lav.aliases.contains(&"Lavrov".to_string()), "{:?}", lav.aliases);
    assert_eq!(lav.articles, 4);
    assert_eq!(lav.said.len(), 1);
    assert_eq!(lav.said[0].quote, "I will go to Beijing in September");
    assert_eq!(lav.said_about.len(), 2, "{:?}", lav.said_about);
    assert!(lav.said_about[0].date <= lav.said_about[1].date);
    assert_eq!(s.entity("Sergei Lavrov").unwrap()[0].id, lav.id);
    assert_eq!(s.entity("lavr").unwrap()[0].id, lav.id, "prefix lookup");
    // Surname-only Khamenei resolves to Ali Khamenei.
    let k = s.entity("Khamenei").unwrap();
    assert_eq!(k.len(), 1);
    assert_eq!(k[0].name, "Ali Khamenei");
    let z = s.entity("Maria Zakharova").unwrap();
    assert_eq!(z[0].roles, vec!["Foreign Ministry spokeswoman".to_string()]);
    assert!(s.entity("Nobody Atall").unwrap().is_empty());

    let all = s.claims(&ClaimQuery::default()).unwrap();
    assert_eq!(all.len(), 2, "{all:?}");
    assert_eq!(all[0].gist, "Lavrov met Khamenei");
    assert!(all[0].contested);
    assert_eq!(all[0].participants, vec!["Sergey Lavrov".to_string(), "Ali Khamenei".to_string()]);
    assert_eq!((all[0].first_seen.as_deref(), all[0].last_seen.as_deref()), (Some("2015-08-07"), Some("2015-08-08")));
    assert!(!all[1].contested);
    let about = |name: &str| {
        s.claims(&ClaimQuery { about: Some(name.into()), ..Default::default() })
            .unwrap()
            .into_iter()
            .map(|c| c.gist)
            .collect::<Vec<_>>()
    };
    assert_eq!(about("Zakharova"), vec!["Lavrov met Khamenei"]);
    assert_eq!(about("Sergei Lavrov").len(), 2);
    assert!(about("Nobody").is_empty());
    let since = s.claims(&ClaimQuery { since: Some("2015-08-09".into()), ..Default::default() }).unwrap();
    assert_eq!(since.iter().map(|c| c.gist.as_str()).collect::<Vec<_>>(), vec!["Lavrov will visit Beijing"]);
    let until = s.claims(&ClaimQuery { until: Some("2015-08".into()), limit: 1, ..Default::default() }).unwrap();
    assert_eq!(until.len(), 1);
    let until = s.claims(&ClaimQuery { until: Some("2015-08-07".into()), ..Default::default() }).unwrap();
    assert_eq!(until.iter().map(|c| c.gist.as_str()).collect::<Vec<_>>(), vec!["Lavrov met Khamenei"]);
    assert!(s.claim(999).unwrap().is_none());
}

#[test]
fn surnames_resolve_only_when_unambiguous() {
    let mut s = SqliteStore::open_in_memory().unwrap();
    let mut a = Rec::new("a", None, "2020-01-01", &story(10, 50));
    a.entity("Ivan Petrov", "person");
    let mut b = Rec::new("b", None, "2020-01-02", &story(11, 50));
    b.entity("Pavel Petrov", "person");
    let mut c = Rec::new("c", None, "2020-01-03", &story(12, 50));
    c.entity("Petrov", "person");
    // A surname-only mention first, then the full name: one entity, named in full.
    let mut d = Rec::new("d", None, "2020-01-04", &story(13, 50));
    d.entity("Shoigu", "person");
    let mut e = Rec::new("e", None, "2020-01-05", &story(14, 50));
    e.entity("Sergei Shoigu", "person");
    s.insert(&[a.build(), b.build(), c.build(), d.build(), e.build()]).unwrap();
    assert_eq!(s.stats().unwrap().entities, 4, "ambiguous Petrov is its own entity; Shoigu merges");
    let shoigu = s.entity("Shoigu").unwrap();
    assert_eq!(shoigu.len(), 1);
    assert_eq!(shoigu[0].name, "Sergei Shoigu");
    assert_eq!(shoigu[0].aliases, vec!["Shoigu".to_string()]);
    assert_eq!(shoigu[0].articles, 2);
}

#[test]
fn anonymous_sources_merge_only_within_an_outlet() {
    let mut s = SqliteStore::open_in_memory().unwrap();
    let mut recs = Vec::new();
    for (i, outlet) in ["Reuters", "Reuters", "AP"].iter().enumerate() {
        let mut r = Rec::new(&format!("n{i}"), Some(outlet), "2020-02-01", &story(20 + i as u64, 80));
        let o = r.entity("a senior official", "anonymous");
        let p = r.entity("Javad Zarif", "person");
        // One named party: across articles the same day makes it one claim.
        let c = r.claim("Zarif left the talks", Some("leave"), &[p], Some("2020-02-01"));
        r.said(Some(c), Some(o), "a senior official", "anonymous", Stance::Asserts, &format!("quote {i}"), &[]);
        recs.push(r.build());
    }
    s.insert(&recs).unwrap();
    assert_eq!(s.stats().unwrap().entities, 3);
    let c = s.claims(&ClaimQuery::default()).unwrap();
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].asserts, 2, "two distinct anonymous sources: one per outlet");
    let src = s.sources(&SourceQuery::default()).unwrap();
    let reuters = src.iter().find(|x| x.name == "Reuters").unwrap();
    assert_eq!(reuters.anonymous_share, Some(1.0));
    assert_eq!(reuters.articles, 2);
    let only_ap = s.sources(&SourceQuery { outlet: Some("ap".into()), limit: 0, offset: 0 }).unwrap();
    assert!(only_ap.iter().all(|x| x.name != "Reuters"), "{only_ap:?}");
}

#[test]
fn sources_and_graph() {
    let mut s = SqliteStore::open_in_memory().unwrap();
    s.insert(&meeting_articles()).unwrap();
    let src = s.sources(&SourceQuery::default()).unwrap();
    let official = src.iter().find(|x| x.name == "a senior official").unwrap();
    assert_eq!(official.kind, "anonymous");
    assert_eq!(official.statements, 1, "the wire copy is not a second statement");
    assert_eq!(official.articles, 2);
    let cited: Vec<&str> = official.cited_by.iter().map(|c| c.0.as_str()).collect();
    assert_eq!(cited[0], "Reuters");
    assert!(cited.contains(&"Fox News") && cited.contains(&"Daily Courier"), "{cited:?}");
    let fox = src.iter().find(|x| x.name == "Fox News").unwrap();
    assert_eq!(fox.anonymous_share, Some(1.0));
    let tass = src.iter().find(|x| x.name == "TASS").unwrap();
    assert_eq!(tass.anonymous_share, Some(0.0));
    let limited = s.sources(&SourceQuery { outlet: None, limit: 2, offset: 0 }).unwrap();
    assert_eq!(limited.len(), 2);
    let g = s.source_graph(0).unwrap();
    let has = |from: &str, to: &str, rel: &str| {
        g.edges.iter().any(|(a, b, r, _)| {
            let label = |k: &str| g.nodes.iter().find(|n| n.0 == k).map(|n| n.1.clone()).unwrap_or_default();
            label(a) == from && label(b) == to && r == rel
        })
    };
    assert!(has("a senior official", "Reuters", "cited_by"), "{g:?}");
    assert!(has("Reuters", "Fox News", "relayed_by"), "{g:?}");
    assert!(has("Maria Zakharova", "RIA Novosti", "published_in"), "{g:?}");
}

#[test]
fn search_finds_articles_and_statements_and_survives_odd_input() {
    let mut s = SqliteStore::open_in_memory().unwrap();
    s.insert(&meeting_articles()).unwrap();
    let hits = s.search("tehran", 10).unwrap();
    let statements: Vec<_> = hits.iter().filter(|h| h.kind == "statement").collect();
    assert_eq!(statements.len(), 1, "the copy's statement is not a second hit: {hits:?}");
    assert!(statements[0].snippet.contains("[Tehran]"), "{}", statements[0].snippet);
    assert!(statements[0].claim.is_some());
    assert_eq!(hits.iter().filter(|h| h.kind == "article").count(), 2, "{hits:?}");
    assert!(s.search("Tehran Zakharova", 10).unwrap().is_empty(), "every word must match");
    let hits = s.search("minister", 3).unwrap();
    assert_eq!(hits.len(), 3);
    assert!(hits.iter().all(|h| h.kind == "article"));
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
    for odd in [
        "",
        "\"",
        "\"\"\"",
        "AND",
        "OR OR",
        "NOT minister",
        "NEAR(minister talks)",
        "minister*",
        "title:minister",
        "(((",
        "-minister",
        "^",
        "Шойгу «nonsense» 日本語 👍",
        "a\u{0}b",
        "'; DROP TABLE articles; --",
        &"x ".repeat(10_000),
        &"a,b;c.".repeat(200_000),
    ] {
        let r = s.search(odd, 10);
        assert!(r.is_ok(), "{odd:?}: {r:?}");
        let c = s.candidates(&[odd.to_string()], 5);
        assert!(c.is_ok(), "{odd:?}: {c:?}");
        let e = s.entity(odd);
        assert!(e.is_ok(), "{odd:?}: {e:?}");
        let q = s.claims(&ClaimQuery { about: Some(odd.into()), since: Some(odd.into()), ..Default::default() });
        assert!(q.is_ok(), "{odd:?}: {q:?}");
    }
    // Operators are words: "AND" is not in any text, so nothing matches.
    assert!(s.search("minister AND", 10).unwrap().is_empty());
    assert_eq!(s.stats().unwrap().articles, 4);
}

#[test]
fn candidates_and_export_restore_the_analysis() {
    let mut s = SqliteStore::open_in_memory().unwrap();
    let recs = meeting_articles();
    s.insert(&recs).unwrap();
    let c = s.candidates(&["Beijing".into(), "nonsense".into(), "September".into()], 10).unwrap();
    // Only articles' text and title are searched: the stories do not hold these words.
    assert!(c.is_empty());
    let c = s.candidates(&["minister".into(), "zzz".into()], 2).unwrap();
    assert_eq!(c.len(), 2);
    assert!(!c[0].claims.is_empty());
    assert_eq!(
        c[0].analysis.document.text,
        recs.iter().find(|r| r.analysis.document.id == c[0].article.doc_id).unwrap().analysis.document.text
    );
    let mut seen = Vec::new();
    s.for_each_article(&mut |a| {
        seen.push(a);
        Ok(())
    })
    .unwrap();
    assert_eq!(seen.len(), 4);
    for (a, r) in seen.iter().zip(&recs) {
        assert_eq!(a.analysis, r.analysis, "analysis round-trips through the store");
        assert_eq!(a.entities.len(), r.entities.len());
        assert_eq!(a.claims.len(), r.claims.len());
    }
    assert_eq!(seen[1].copy_of, Some(1));
    assert_eq!(seen[3].claims[0].0, "c1");
    // Own-voice statements are candidates' spans.
    let own = s.candidates(&["parliament".into(), "weather".into()], 10).unwrap();
    assert!(own.iter().all(|c| c.own_voice.is_empty()), "the own-voice statement has no claim");
}
