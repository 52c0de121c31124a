//! Property tests: whatever the text, every span lies inside it on char boundaries, layers
//! are sorted and ids resolve.

use claimtrail_core::{Document, TextRange};
use proptest::prelude::*;

fn check_span(doc: &Document, r: TextRange, what: &str) {
    let text = doc.text();
    assert!(r.end() as usize <= text.len(), "{what} {r:?} past the end ({})", text.len());
    assert!(text.is_char_boundary(r.start() as usize), "{what} {r:?} start not on a char boundary");
    assert!(text.is_char_boundary(r.end() as usize), "{what} {r:?} end not on a char boundary");
}

/// Checks every invariant of a finished document.
pub fn check(doc: &Document) {
    for (i, t) in doc.tokens.iter().enumerate() {
        check_span(doc, t.range, "token");
        assert!(!t.range.is_empty(), "empty token");
        if i > 0 {
            assert!(doc.tokens[i - 1].range.end() <= t.range.start(), "tokens overlap or unsorted");
        }
        assert!((t.sentence as usize) < doc.sentences.len());
    }
    let mut next_tok = 0;
    for s in &doc.sentences {
        check_span(doc, s.range, "sentence");
        assert_eq!(s.tokens.start, next_tok, "sentences must tile the tokens");
        next_tok = s.tokens.end;
    }
    assert_eq!(next_tok as usize, doc.tokens.len());
    for (i, m) in doc.mentions.iter().enumerate() {
        check_span(doc, m.range, "mention");
        if i > 0 {
            assert!(doc.mentions[i - 1].range.start() <= m.range.start(), "mentions unsorted");
        }
    }
    for e in &doc.entities {
        assert!(!e.mentions.is_empty() || !e.references.is_empty(), "entity {} has no mention", e.name);
        for m in &e.mentions {
            assert!(m.index() < doc.mentions.len());
        }
        for r in &e.references {
            check_span(doc, *r, "reference");
        }
    }
    for (i, t) in doc.times.iter().enumerate() {
        check_span(doc, t.range, "time");
        if i > 0 {
            assert!(doc.times[i - 1].range.end() <= t.range.start(), "times overlap or unsorted");
        }
    }
    for a in &doc.attributions {
        check_span(doc, a.cue, "cue");
        check_span(doc, a.content, "content");
        if let Some(s) = &a.source {
            check_span(doc, s.range, "source");
            if let Some(e) = s.entity {
                assert!(e.index() < doc.entities.len());
            }
            // A source resolved through an antecedent: the antecedent comes before the
            // statement or stands in its paragraph, and never inside what the source says.
            if let Some(ante) = s.antecedent {
                check_span(doc, ante, "antecedent");
                let paragraph = |at: u32| doc.sentence_at(at).map(|i| doc.sentences[i].paragraph);
                assert!(
                    ante.start() < a.cue.start() || paragraph(ante.start()) == paragraph(a.cue.start()),
                    "antecedent {:?} after the statement's paragraph",
                    doc.slice(ante)
                );
                assert!(
                    !a.content.contains_range(ante) || a.content.is_empty(),
                    "antecedent {:?} inside the statement's own content {:?}",
                    doc.slice(ante),
                    doc.slice(a.content)
                );
            }
        }
        for v in &a.via {
            check_span(doc, v.range, "via");
            if let Some(e) = v.entity {
                assert!(e.index() < doc.entities.len());
            }
        }
        if let Some(t) = a.said_on {
            assert!(t.index() < doc.times.len());
        }
    }
    let mut seen = vec![0; doc.attributions.len()];
    for c in &doc.claims {
        assert!(!c.attributions.is_empty(), "claim without attributions");
        for a in &c.attributions {
            seen[a.index()] += 1;
        }
        for e in &c.entities {
            assert!(e.index() < doc.entities.len());
        }
        if let Some(t) = c.when {
            assert!(t.index() < doc.times.len());
        }
    }
    assert!(seen.iter().all(|&n| n <= 1), "an attribution belongs to two claims");
    // The contract form must serialize.
    let json = serde_json::to_string(&claimtrail_core::contract::Analysis::from_document(doc)).unwrap();
    assert!(json.starts_with("{\"schema\":\"claimtrail.analysis/1\""));
}

/// Words and marks news text is made of, to build adversarial articles from.
#[rustfmt::skip]
const PIECES: &[&str] = &[
    "said", "told", "Reuters", "“", "”", "\"", "'", "’", ",", ".", " ", "\n", "\n\n", "according to", "Mr.",
    "U.S.", "Peskov", "denied", "no", "August 7", "24 July", "last week", "quoted by", "RIA Novosti", "—",
    "Zakharova", "he", "She", "The official", "citing", "é", "😀", "Москва", "n't", "’s", "(", ")", "2015",
    "several months ago", "reportedly", "was stated by", "Tuesday", "...", "?", "!", ":", "-", "three",
    "he told the paper", "she said", "they said", "it said", "who said", "Ana Ruiz", "the spokeswoman", "I",
    "a senior official", "the official", "TASS", "told the news agency", "Interfax reported",
];

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 1..80).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn spans_are_valid_on_news_like_text(text in article()) {
        if !text.trim().is_empty() {
            check(&crate::analyze("p", Some("2015-10-07"), &text));
        }
    }

    #[test]
    fn spans_are_valid_on_any_text(text in "\\PC{1,300}") {
        if !text.trim().is_empty() {
            check(&crate::analyze("p", None, &text));
        }
    }
}

#[test]
fn fixtures_satisfy_invariants() {
    for (id, published, text) in crate::golden::fixtures() {
        check(&crate::analyze(&id, published.as_deref(), &text));
    }
}

#[test]
fn odd_quotes_and_odd_text_do_not_panic() {
    let cases = [
        "“He said no.",
        "He said no.” And then “",
        "\"\"\"\"\"",
        "said said said",
        "according to",
        ".",
        "“”",
        "A\u{0}B said.",
        "\u{feff}Peskov said.",
    ];
    for text in cases {
        check(&crate::analyze("odd", Some("2015-10-07"), text));
    }
}
