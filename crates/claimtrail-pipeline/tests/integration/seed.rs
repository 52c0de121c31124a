//! The seed article's ledger (DESIGN.md): speakers resolved, stances, via chains, the three
//! contested claims and the statement dates.

use claimtrail_core::{Document, SourceKind, Stance};

fn doc() -> Document {
    let text = include_str!("../fixtures/articles/seed.txt");
    crate::analyze("seed", Some("2015-10-07"), text)
}

/// `(source entity name or text, stance, via texts, said_on value)` of every attribution.
fn rows(doc: &Document) -> Vec<(String, Stance, Vec<String>, Option<String>)> {
    doc.attributions
        .iter()
        .map(|a| {
            let src = a
                .source
                .as_ref()
                .map(|s| match s.entity {
                    Some(e) => doc.entities[e.index()].name.clone(),
                    None => doc.slice(s.range).to_string(),
                })
                .unwrap_or_default();
            let via = a.via.iter().map(|v| doc.slice(v.range).to_string()).collect();
            let when = a.said_on.and_then(|t| doc.times[t.index()].value.clone());
            (src, a.stance, via, when)
        })
        .collect()
}

fn has(
    rows: &[(String, Stance, Vec<String>, Option<String>)],
    src: &str,
    stance: Stance,
    via: &[&str],
    when: Option<&str>,
) -> bool {
    rows.iter().any(|(s, st, v, w)| {
        s == src && *st == stance && v.iter().map(String::as_str).eq(via.iter().copied()) && w.as_deref() == when
    })
}

#[test]
fn seed_statements() {
    let doc = doc();
    let r = rows(&doc);
    let cases: &[(&str, Stance, &[&str], Option<&str>)] = &[
        ("Maria Zakharova", Stance::Denies, &[], None),
        ("Maria Zakharova", Stance::Denies, &["RIA Novosti"], None),
        ("Moscow", Stance::Denies, &[], None),
        ("Dmitry Peskov", Stance::Denies, &[], Some("2015-08-07")),
        ("Dmitry Peskov", Stance::NoKnowledge, &[], Some("2015-09-15")),
        ("Fox News", Stance::Hedges, &[], None),
        ("Fox News", Stance::Asserts, &[], None),
        ("The Wall Street Journal", Stance::Asserts, &[], None),
        ("officials in Washington", Stance::Asserts, &["The Wall Street Journal"], Some("2015-09")),
    ];
    for (src, stance, via, when) in cases {
        assert!(has(&r, src, *stance, via, *when), "missing {src} {stance:?} via {via:?} on {when:?}\n{r:#?}");
    }
    let official = doc.attributions.iter().find(|a| a.via.iter().any(|v| doc.slice(v.range) == "Reuters")).unwrap();
    let src = official.source.as_ref().unwrap();
    assert_eq!(src.kind, SourceKind::Anonymous);
    assert!(doc.slice(src.range).starts_with("a senior official"));
}

#[test]
fn seed_claims_and_times() {
    let doc = doc();
    let contested: Vec<&str> = doc.claims.iter().filter(|c| c.contested).map(|c| c.gist.as_str()).collect();
    assert!(contested.len() >= 3, "{contested:?}");
    for want in [["Lavrov", "Khamenei"], ["Soleimani", "Moscow"], ["Soleimani", "Putin"]] {
        assert!(
            contested.iter().any(|g| want.iter().all(|w| g.contains(w))),
            "no contested claim {want:?} in {contested:?}"
        );
    }
    let times: Vec<(&str, Option<&str>)> = doc.times.iter().map(|t| (doc.slice(t.range), t.value.as_deref())).collect();
    for want in [("24 July", "2015-07-24"), ("August 7", "2015-08-07"), ("September 15", "2015-09-15")] {
        assert!(times.contains(&(want.0, Some(want.1))), "{want:?} not in {times:?}");
    }
    let zakharova = doc.entities.iter().find(|e| e.name == "Maria Zakharova").unwrap();
    assert!(zakharova.aliases.iter().any(|a| a == "Zakharov"));
    let lavrov = doc.entities.iter().find(|e| e.name == "Sergei Lavrov").unwrap();
    assert!(lavrov.aliases.iter().any(|a| a == "Sergey Lavrov"));
}
