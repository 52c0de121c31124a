//! Records over the Wikinews corpus (CC BY 4.0, `../shared/corpus/wikinews-meantime.jsonl`):
//! no two of its articles are wire copies, own-voice claims stay bounded, and record building
//! is cheap next to the analysis. Ignored by default: the corpus lives outside the repository.

use std::collections::HashMap;

use claimtrail_core::{Date, Meta};
use claimtrail_corpus::{band_keys, build_record, similarity, ArticleRecord};
use claimtrail_pipeline::Pipeline;

#[test]
#[ignore = "needs ../shared/corpus/wikinews-meantime.jsonl; run with --release -- --ignored --nocapture"]
fn wikinews_records() {
    let path = std::env::var("CLAIMTRAIL_WIKINEWS").unwrap_or_else(|_| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/wikinews-meantime.jsonl").into()
    });
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: no {path}");
        return;
    };
    let p = Pipeline::new();
    let (mut t_analyze, mut t_build) = (std::time::Duration::ZERO, std::time::Duration::ZERO);
    let mut recs: Vec<ArticleRecord> = Vec::new();
    for line in data.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let s = |k: &str| v[k].as_str().map(str::to_string);
        let meta = Meta {
            id: s("id").unwrap(),
            title: s("title"),
            published: s("published").and_then(|d| Date::parse(&d).ok()),
            ..Meta::default()
        };
        let t0 = std::time::Instant::now();
        let doc = p.analyze(meta, &s("text").unwrap()).unwrap();
        let t1 = std::time::Instant::now();
        recs.push(build_record(&doc));
        t_build += t1.elapsed();
        t_analyze += t1 - t0;
    }
    let n = recs.len();
    let mut max_sim = (0.0f32, String::new());
    let mut collisions = 0;
    for (i, a) in recs.iter().enumerate() {
        let ka = band_keys(&a.fingerprint);
        for b in &recs[i + 1..] {
            let s = similarity(&a.fingerprint, &b.fingerprint);
            if s > max_sim.0 {
                max_sim = (s, format!("{} / {}", a.analysis.document.id, b.analysis.document.id));
            }
            if band_keys(&b.fingerprint).iter().any(|k| ka.contains(k)) {
                collisions += 1;
            }
        }
    }
    let own: usize = recs.iter().map(|r| r.claims.iter().filter(|c| c.local.starts_with('o')).count()).sum();
    let attributed: usize = recs.iter().map(|r| r.analysis.claims.len()).sum();
    let own_statements: usize =
        recs.iter().map(|r| r.statements.iter().filter(|s| s.attribution.is_none()).count()).sum();
    // Persons sharing a key across articles.
    let mut by_key: HashMap<&str, Vec<&str>> = HashMap::new();
    for r in &recs {
        for e in r.entities.iter().filter(|e| e.kind == "person") {
            for k in &e.keys {
                let l = by_key.entry(k.as_str()).or_default();
                if !l.contains(&e.name.as_str()) {
                    l.push(e.name.as_str());
                }
            }
        }
    }
    let mut merged: Vec<String> =
        by_key.iter().filter(|(_, v)| v.len() > 1).map(|(k, v)| format!("{k}: {v:?}")).collect();
    merged.sort();
    eprintln!(
        "{n} articles: analyze {:?}/article, build_record {:?}/article; max similarity {:.3} ({}); \
         band collisions {collisions} of {} pairs; claims {attributed} attributed + {own} own-voice; \
         {own_statements} own-voice statements\nname variants merged:\n  {}",
        t_analyze / n as u32,
        t_build / n as u32,
        max_sim.0,
        max_sim.1,
        n * (n - 1) / 2,
        merged.join("\n  ")
    );
    if std::env::var_os("CLAIMTRAIL_SHOW_OWN").is_some() {
        for r in &recs {
            for st in r.statements.iter().filter(|s| s.attribution.is_none()) {
                let c = &r.claims[st.claim.unwrap_or_default()];
                eprintln!("{} {:?} {:?} {:?} <- {:?}", c.local, c.gist, c.when, st.stance, st.quote);
            }
        }
    }
    assert!(max_sim.0 < 0.5);
    assert!(recs.iter().all(|r| r.claims.iter().filter(|c| c.local.starts_with('o')).count() <= 20));
}
