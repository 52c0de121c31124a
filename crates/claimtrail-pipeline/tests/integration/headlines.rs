//! Headlines as the first line of an article: a headline that denies a claim is a denial, and
//! "X, officials say" is attributed to the officials, not the outlet's own assertion.

use claimtrail_core::{SourceKind, Stance};

#[test]
fn headline_stance_table() {
    // (headline, expected source as written (None: the article's own voice), stance, a word of the content)
    let cases: &[(&str, Option<&str>, Stance, &str)] = &[
        ("Durex denies rumors of a pumpkin spice condom", Some("Durex"), Stance::Denies, "pumpkin"),
        ("The news of Cesar Millan's death is false", None, Stance::Denies, "death"),
        ("Reports that the ferry sank are untrue", None, Stance::Denies, "ferry"),
        ("Two killed in Kabul blast, officials say", Some("officials"), Stance::Asserts, "killed"),
        ("Kremlin has no information about the general's visit", Some("Kremlin"), Stance::NoKnowledge, "visit"),
        (
            "Minister declined to comment on the report of his resignation",
            Some("Minister"),
            Stance::NoKnowledge,
            "resignation",
        ),
    ];
    for (headline, source, stance, word) in cases {
        let text = format!("{headline}\n\nThe story developed over the weekend.\n");
        let doc = crate::analyze("h", Some("2015-10-07"), &text);
        // (the reports a headline denies assert on a row of their own: relays.rs)
        let a = doc
            .attributions
            .iter()
            .filter(|a| a.why.cue != "report_noun")
            .find(|a| a.content.end() as usize <= headline.len() + 1 && doc.slice(a.content).contains(word))
            .unwrap_or_else(|| panic!("{headline}: no statement about {word:?}: {:?}", doc.attributions));
        assert_eq!(a.stance, *stance, "{headline}");
        match (source, &a.source) {
            (None, None) => {}
            (Some(want), Some(got)) => {
                assert!(doc.slice(got.range).contains(want), "{headline}: source {:?}", doc.slice(got.range));
                assert_ne!(got.kind, SourceKind::Unresolved, "{headline}");
            }
            (want, got) => panic!("{headline}: source {want:?}, got {:?}", got.as_ref().map(|g| doc.slice(g.range))),
        }
    }
}
