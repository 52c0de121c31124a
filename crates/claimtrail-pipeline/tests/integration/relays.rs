//! Relays: the outlet that receives a statement is its via, never its speaker; nested reports
//! keep both layers in one row ("X said Y denied Z": Y denies Z, via X).

use claimtrail_core::Stance;

/// (text, speaker as written, stance, via hops as written, nearest first)
type Case<'a> = (&'a str, &'a str, Stance, &'a [&'a str]);

#[test]
fn relay_table() {
    let cases: &[Case] = &[
        ("Reuters reported that Dmitry Peskov denied the meeting.", "Dmitry Peskov", Stance::Denies, &["Reuters"]),
        (
            "Interfax reported, citing TASS, that Dmitry Peskov said the meeting never happened.",
            "Dmitry Peskov",
            Stance::Denies,
            &["Interfax", "TASS"],
        ),
        ("“The plant will close,” Ana Ruiz told Reuters.", "Ana Ruiz", Stance::Asserts, &["Reuters"]),
        ("Ana Ruiz told the Daily Mail that the plant will close.", "Ana Ruiz", Stance::Asserts, &["Daily Mail"]),
    ];
    for (text, speaker, stance, via) in cases {
        let doc = crate::analyze("r", Some("2015-10-07"), text);
        let a = doc
            .attributions
            .iter()
            .find(|a| a.source.as_ref().is_some_and(|s| doc.slice(s.range).contains(speaker)))
            .unwrap_or_else(|| panic!("{text}: no statement by {speaker}"));
        assert_eq!(a.stance, *stance, "{text}");
        let hops: Vec<&str> = a.via.iter().map(|v| doc.slice(v.range)).collect();
        assert_eq!(hops.len(), via.len(), "{text}: via {hops:?}");
        for (h, w) in hops.iter().zip(via.iter()) {
            assert!(h.contains(w), "{text}: via {hops:?}");
        }
        // the relaying outlet is never a speaker of its own: the relay is carried by the row
        for b in &doc.attributions {
            if let Some(s) = &b.source {
                let written = doc.slice(s.range);
                assert!(!via.contains(&written), "{text}: {written} speaks");
            }
        }
    }
}
