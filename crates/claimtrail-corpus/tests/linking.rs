//! Cross-document linking on the hand-built fixtures in `tests/fixtures/linking/`: the same
//! events told by several outlets, with spelling variants, a wire copy, a denial and a hedge.

use std::collections::HashMap;
use std::path::PathBuf;

use claimtrail_core::{Date, Meta, Stance};
use claimtrail_corpus::{band_keys, build_record, same_claim, similarity, ArticleRecord, ClaimSig};
use claimtrail_pipeline::Pipeline;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/linking")
}

/// `(meta, text)` of every fixture, sorted by id. `.meta` holds `key: value` lines.
fn fixtures() -> Vec<(Meta, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let id = path.file_stem().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        let mut meta = Meta { id, ..Meta::default() };
        for line in std::fs::read_to_string(path.with_extension("meta")).unwrap().lines() {
            let Some((k, v)) = line.split_once(':') else { continue };
            let v = v.trim().to_string();
            match k.trim() {
                "published" => meta.published = Some(Date::parse(&v).unwrap()),
                "outlet" => meta.outlet = Some(v),
                "title" => meta.title = Some(v),
                _ => {}
            }
        }
        out.push((meta, text));
    }
    out.sort_by(|a, b| a.0.id.cmp(&b.0.id));
    out
}

fn records() -> &'static Vec<ArticleRecord> {
    static R: std::sync::OnceLock<Vec<ArticleRecord>> = std::sync::OnceLock::new();
    R.get_or_init(|| {
        let p = Pipeline::new();
        fixtures().into_iter().map(|(m, t)| build_record(&p.analyze(m, &t).unwrap())).collect()
    })
}

fn rec(id: &str) -> &'static ArticleRecord {
    records().iter().find(|r| r.analysis.document.id == id).unwrap_or_else(|| panic!("{id}"))
}

/// A toy version of the store's entity resolution: an entity joins a known one that shares a
/// name key (of the same person / non-person class), or, for a surname-only person, the one
/// known person with that surname.
#[derive(Default)]
struct Resolver {
    by_key: HashMap<(bool, String), i64>,
    by_surname: HashMap<String, Vec<i64>>,
    next: i64,
}

impl Resolver {
    fn resolve(&mut self, e: &claimtrail_corpus::EntityRecord) -> i64 {
        let person = e.kind == "person";
        let known = e.keys.iter().find_map(|k| self.by_key.get(&(person, k.clone())).copied()).or_else(|| {
            let s = e.surname.as_ref()?;
            let single = !e.name.trim().contains(' ');
            let c = self.by_surname.get(s)?;
            (single && c.len() == 1).then(|| c[0])
        });
        let id = known.unwrap_or_else(|| {
            self.next += 1;
            self.next
        });
        for k in &e.keys {
            self.by_key.entry((person, k.clone())).or_insert(id);
        }
        if let Some(s) = &e.surname {
            let l = self.by_surname.entry(s.clone()).or_default();
            if !l.contains(&id) {
                l.push(id);
            }
        }
        id
    }
}

/// Corpus ids of every entity of every record, resolved in record order.
fn resolved() -> (Resolver, Vec<Vec<i64>>) {
    let mut r = Resolver::default();
    // Full names first, as a store that has seen more of the corpus would have them.
    let mut ids: Vec<Vec<i64>> = records().iter().map(|a| vec![0; a.entities.len()]).collect();
    for pass in 0..2 {
        for (ai, a) in records().iter().enumerate() {
            for (ei, e) in a.entities.iter().enumerate() {
                if (pass == 0) == e.name.trim().contains(' ') {
                    ids[ai][ei] = r.resolve(e);
                }
            }
        }
    }
    (r, ids)
}

fn entity_id(ids: &[Vec<i64>], article: &str, name: &str) -> i64 {
    let ai = records().iter().position(|r| r.analysis.document.id == article).unwrap();
    let ei = records()[ai].entities.iter().position(|e| e.name == name).unwrap_or_else(|| panic!("{article}: {name}"));
    ids[ai][ei]
}

/// `(article, claim index, signature)` of every claim.
fn signatures(ids: &[Vec<i64>]) -> Vec<(String, usize, ClaimSig)> {
    let mut out = Vec::new();
    for (ai, a) in records().iter().enumerate() {
        for (ci, c) in a.claims.iter().enumerate() {
            out.push((a.analysis.document.id.clone(), ci, ClaimSig::from_record(c, |e| ids[ai].get(e).copied())));
        }
    }
    out
}

#[test]
fn wire_copy_is_a_near_duplicate_and_others_are_not() {
    let rs = records();
    for (i, a) in rs.iter().enumerate() {
        for b in &rs[i + 1..] {
            let (x, y) = (&a.analysis.document.id, &b.analysis.document.id);
            let s = similarity(&a.fingerprint, &b.fingerprint);
            let shared = band_keys(&a.fingerprint).iter().filter(|k| band_keys(&b.fingerprint).contains(k)).count();
            let copies = [x.as_str(), y.as_str()] == ["courier-geneva-copy", "globalwire-geneva"];
            eprintln!("{x} / {y}: similarity {s:.3}, {shared} shared bands");
            if copies {
                assert!(s > 0.8, "{x} / {y}: {s}");
                assert!(shared > 0, "{x} / {y}: no shared band");
                assert_ne!(a.content_hash, b.content_hash, "a copy on another site is another article");
            } else {
                assert!(s < 0.3, "{x} / {y}: {s}");
                assert_eq!(shared, 0, "{x} / {y}");
            }
        }
    }
}

#[test]
fn records_are_deterministic() {
    let (meta, text) = fixtures().into_iter().next().unwrap();
    let p = Pipeline::new();
    let a = build_record(&p.analyze(meta.clone(), &text).unwrap());
    let rewrapped = text.replace('\n', " \n  ");
    let b = build_record(&p.analyze(meta, &rewrapped).unwrap());
    assert_eq!(a.content_hash, b.content_hash, "whitespace does not change the content");
    assert_eq!(a.fingerprint, b.fingerprint);
    assert_eq!(serde_json::to_string(&a).unwrap(), serde_json::to_string(&records()[0]).unwrap());
}

#[test]
fn spelling_variants_fold_to_one_entity() {
    let (_, ids) = resolved();
    let same: &[&[(&str, &str)]] = &[
        &[
            ("globalwire-geneva", "Sergei Lavrov"),
            ("tehran-daily-geneva", "Sergey Lavrov"),
            ("moscow-herald-denial", "Sergey Lavrov"),
            ("baltic-times-hedge", "Lavrov"),
        ],
        &[
            ("globalwire-geneva", "Mohammad Javad Zarif"),
            ("tehran-daily-geneva", "Mohammed Javad Zarif"),
            ("moscow-herald-denial", "Mohammad Zarif"),
        ],
        &[
            ("globalwire-geneva", "Dmitry Peskov"),
            ("moscow-herald-denial", "Dmitri Peskov"),
            ("baltic-times-hedge", "Peskov"),
        ],
        &[
            ("anatolia-post-visit", "Recep Tayyip Erdogan"),
            ("moscow-herald-denial", "Recep Tayyip Erdoğan"),
            ("baltic-times-hedge", "Recep Erdogan"),
        ],
        &[("globalwire-geneva", "Vladimir Putin"), ("anatolia-post-visit", "Vladimir Putin")],
        &[("globalwire-geneva", "Geneva"), ("tehran-daily-geneva", "Geneva"), ("moscow-herald-denial", "Geneva")],
    ];
    let mut groups = Vec::new();
    for group in same {
        let first = entity_id(&ids, group[0].0, group[0].1);
        for (a, n) in group.iter() {
            assert_eq!(entity_id(&ids, a, n), first, "{a}: {n} is not {} of {}", group[0].1, group[0].0);
        }
        groups.push(first);
    }
    let mut distinct = groups.clone();
    distinct.sort_unstable();
    distinct.dedup();
    assert_eq!(distinct.len(), groups.len(), "different people stay apart");
    assert_ne!(
        entity_id(&ids, "moscow-herald-denial", "Maria Zakharova"),
        entity_id(&ids, "globalwire-geneva", "Dmitry Peskov")
    );
}

/// Statements of every article about claims that match `probe`: (article, stance).
fn stances_toward(sigs: &[(String, usize, ClaimSig)], probe: &ClaimSig) -> Vec<(String, Stance)> {
    let mut out = Vec::new();
    for (article, ci, sig) in sigs {
        if !same_claim(sig, probe) {
            continue;
        }
        let r = rec(article);
        for st in r.statements.iter().filter(|s| s.claim == Some(*ci)) {
            if !out.contains(&(article.clone(), st.stance)) {
                out.push((article.clone(), st.stance));
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.as_str().cmp(b.1.as_str())));
    out
}

#[test]
fn the_same_claim_across_articles() {
    let (_, ids) = resolved();
    let sigs = signatures(&ids);
    let lavrov = entity_id(&ids, "globalwire-geneva", "Sergei Lavrov");
    let zarif = entity_id(&ids, "globalwire-geneva", "Mohammad Javad Zarif");
    let erdogan = entity_id(&ids, "anatolia-post-visit", "Recep Tayyip Erdogan");
    let moscow = entity_id(&ids, "anatolia-post-visit", "Moscow");
    let ankara = entity_id(&ids, "anatolia-post-visit", "Ankara");
    let probe = |event: &str, participants: Vec<i64>, places: Vec<i64>, when: &str| ClaimSig {
        event: Some(event.into()),
        participants,
        when: Some(when.into()),
        terms: Vec::new(),
        places,
    };
    use Stance::*;
    let s = |a: &str, st: Stance| (a.to_string(), st);

    // Lavrov met Zarif in Geneva on March 3: told by four articles, denied by one.
    let meeting = probe("meet", vec![lavrov, zarif], vec![], "2021-03-03");
    assert_eq!(
        stances_toward(&sigs, &meeting),
        vec![
            s("courier-geneva-copy", Asserts),
            s("globalwire-geneva", Asserts),
            s("moscow-herald-denial", Denies),
            s("tehran-daily-geneva", Asserts),
        ]
    );
    // Every pair of those claims is one claim, whatever the wording.
    let of_meeting: Vec<&ClaimSig> = sigs.iter().filter(|x| same_claim(&x.2, &meeting)).map(|x| &x.2).collect();
    assert_eq!(of_meeting.len(), 4);
    for a in &of_meeting {
        for b in &of_meeting {
            assert!(same_claim(a, b), "{a:?} / {b:?}");
        }
    }

    // Erdogan visited Moscow on March 2: asserted (via officials), denied (Peskov), hedged
    // (the Baltic Times' own voice, "reportedly").
    let visit = probe("visit", vec![erdogan, moscow], vec![moscow], "2021-03-02");
    assert_eq!(
        stances_toward(&sigs, &visit),
        vec![s("anatolia-post-visit", Asserts), s("baltic-times-hedge", Hedges), s("moscow-herald-denial", Denies)]
    );

    // Other events stay other claims: Lavrov's visit to Ankara on March 10, Zarif's visit to
    // Moscow in January, a meeting of Putin and Zarif.
    let ankara_visit = probe("visit", vec![lavrov, ankara], vec![ankara], "2021-03-10");
    let found: Vec<&(String, usize, ClaimSig)> = sigs.iter().filter(|x| same_claim(&x.2, &ankara_visit)).collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "baltic-times-hedge");
    assert!(!same_claim(&found[0].2, &visit));
    assert!(!same_claim(&found[0].2, &meeting));
    let zarif_moscow = probe("visit", vec![zarif, moscow], vec![moscow], "2021-01");
    let in_january: Vec<&str> = sigs.iter().filter(|x| same_claim(&x.2, &zarif_moscow)).map(|x| x.0.as_str()).collect();
    assert_eq!(in_january, vec!["courier-geneva-copy", "globalwire-geneva"], "not the visit planned for March");
}

#[test]
fn statements_carry_sources_chains_and_quotes() {
    let mh = rec("moscow-herald-denial");
    let denial = mh
        .statements
        .iter()
        .find(|s| s.stance == Stance::Denies && s.quote.contains("nonsense"))
        .expect("Zakharova's denial");
    assert_eq!(mh.entities[denial.source.unwrap()].name, "Maria Zakharova");
    assert_eq!(denial.source_kind, "person");
    let text: Vec<char> = mh.analysis.document.text.chars().collect();
    let quoted: String = text[denial.span[0] as usize..denial.span[1] as usize].iter().collect();
    assert_eq!(quoted, denial.quote);
    assert_eq!(mh.claims[denial.claim.unwrap()].event.as_deref(), Some("meet"));

    let bt = rec("baltic-times-hedge");
    // "Erdogan reportedly visited Moscow on March 2, according to Turkish media, but neither side
    // has confirmed the trip": attributed all through (Turkish media hedges, neither side
    // confirmed), so the outlet's own voice adds nothing; any own-voice statement is the outlet's
    let media = bt.statements.iter().find(|s| s.source_text == "Turkish media").expect("Turkish media");
    assert_eq!(media.stance, Stance::Hedges);
    assert!(bt.statements.iter().any(|s| s.source_text == "neither side" && s.stance == Stance::NoKnowledge));
    let own: Vec<_> = bt.statements.iter().filter(|s| s.attribution.is_none()).collect();
    for s in &own {
        assert_eq!((s.source_kind.as_str(), s.source_text.as_str()), ("document", "Baltic Times"));
        assert!(
            bt.claims[s.claim.unwrap()].local.starts_with('o') || bt.claims[s.claim.unwrap()].local.starts_with('c')
        );
    }
    let relayed = bt
        .statements
        .iter()
        .find(|s| s.source_kind == "anonymous" && s.source_text == "unnamed sources")
        .expect("unnamed sources");
    assert_eq!(relayed.via.len(), 1);
    assert_eq!(relayed.via[0].entity.map(|e| bt.entities[e].name.as_str()), Some("Hurriyet"));
    // "neither side has confirmed the trip" is a no-knowledge statement too, with no one named
    let no_info = bt.statements.iter().find(|s| s.stance == Stance::NoKnowledge && s.source.is_some()).expect("Peskov");
    assert_eq!(bt.entities[no_info.source.unwrap()].name, "Peskov");

    // Every claim has terms; every index points inside the record.
    for r in records() {
        for c in &r.claims {
            assert!(!c.terms.is_empty() && c.terms.len() <= 24, "{}", c.gist);
            assert!(c.participants.iter().all(|&p| p < r.entities.len()));
            assert!(c.places.iter().all(|p| c.participants.contains(p)));
        }
        for s in &r.statements {
            assert!(s.claim.is_none_or(|c| c < r.claims.len()));
            assert!(s.source.is_none_or(|e| e < r.entities.len()));
        }
    }
}

#[test]
#[ignore = "prints every record; run with --nocapture"]
fn dump() {
    for r in records() {
        println!("=== {} {}", r.analysis.document.id, r.content_hash);
        for e in &r.entities {
            println!("  {} {:?} {} keys={:?} surname={:?}", e.local, e.name, e.kind, e.keys, e.surname);
        }
        for (i, c) in r.claims.iter().enumerate() {
            let names: Vec<&str> = c.participants.iter().map(|&p| r.entities[p].name.as_str()).collect();
            println!(
                "  [{i}] {} {:?} event={:?} parts={:?} places={:?} when={:?} terms={:?}",
                c.local, c.gist, c.event, names, c.places, c.when, c.terms
            );
        }
        for s in &r.statements {
            println!(
                "  st claim={:?} attr={:?} src={:?} {:?}/{} {:?} via={:?} said={:?} quote={:?}",
                s.claim,
                s.attribution,
                s.source,
                s.source_text,
                s.source_kind,
                s.stance,
                s.via.iter().map(|v| &v.text).collect::<Vec<_>>(),
                s.said_on,
                s.quote
            );
        }
    }
}
