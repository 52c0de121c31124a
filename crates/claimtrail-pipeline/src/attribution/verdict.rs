//! Verdicts in the article's own voice: "The news of Cesar Millan's death is false", "Reports
//! that the plant closed are untrue", "The photo is a fake". No one is quoted, yet the article
//! denies something: a statement with no source (the outlet's own voice), the verdict as its
//! cue, and as its content what the report says ("Cesar Millan's death"), so the denial meets
//! the claim it denies.

use claimtrail_core::{Document, Form, TextRange, TokenKind};

use super::enrich::words;
use super::extract::cues::{classify, CueClass};
use super::RawAttribution;

/// Nouns of media a verdict can be about besides the [`super::REPORT_NOUNS`] ("the photo is a fake").
const MEDIA_NOUNS: &[&str] = &[
    "photo", "photos", "picture", "pictures", "video", "videos", "image", "images", "tweet", "tweets", "quote",
    "account", "accounts", "post", "posts",
];

/// Verdicts of falsehood after a copula, as lower-cased word sequences.
const VERDICTS: &[&[&str]] = &[
    &["false"],
    &["fake"],
    &["a", "fake"],
    &["a", "hoax"],
    &["hoax"],
    &["untrue"],
    &["not", "true"],
    &["fabricated"],
    &["a", "fabrication"],
    &["baseless"],
    &["bogus"],
    &["unfounded"],
    &["groundless"],
    &["a", "lie"],
    &["lies"],
    &["not", "real"],
    &["a", "myth"],
    &["satire"],
    &["entirely", "false"],
    &["completely", "false"],
    &["totally", "false"],
    &["simply", "false"],
    &["just", "a", "rumor"],
    &["just", "a", "rumour"],
];

/// Longest sentence read, in tokens: a verdict is short.
const MAX_TOKENS: usize = 30;

/// Own-voice verdicts and cue-less statements of no knowledge of `doc`, in sentences where no
/// cue of `found` stands outside theirs.
pub fn verdicts(doc: &Document, found: &[RawAttribution]) -> Vec<RawAttribution> {
    let text = doc.text();
    let mut out = Vec::new();
    for s in &doc.sentences {
        let (a, b) = (s.tokens.start as usize, (s.tokens.end as usize).min(doc.tokens.len()));
        if b <= a || b - a > MAX_TOKENS {
            continue;
        }
        // another statement in the sentence (a cue outside this one's) carries it
        let other_cue =
            |cue: TextRange| found.iter().any(|f| s.range.contains_range(f.cue) && !cue.contains_range(f.cue));
        // words of the sentence, without the closing punctuation
        let mut end = b;
        while end > a && doc.tokens[end - 1].kind != TokenKind::Word {
            end -= 1;
        }
        let lw: Vec<String> = doc.tokens[a..end].iter().map(|t| text[t.range].to_lowercase()).collect();
        if let Some(r) = no_information(doc, a, &lw) {
            if !other_cue(r.cue) {
                out.push(r);
            }
            continue;
        }
        // the copula, then a verdict that ends the sentence
        let Some(cop) = lw.iter().position(|w| matches!(w.as_str(), "is" | "are" | "was" | "were")) else {
            continue;
        };
        let rest = &lw[cop + 1..];
        if !VERDICTS.iter().any(|v| rest.len() == v.len() && rest.iter().zip(v.iter()).all(|(x, y)| x == y)) {
            continue;
        }
        let subject = &lw[..cop];
        let Some(noun) = subject.iter().position(|w| super::is_report_noun(w) || MEDIA_NOUNS.contains(&w.as_str()))
        else {
            continue;
        };
        // a question or a quotation is no verdict of the article's own
        if doc.tokens[a..b].iter().any(|t| matches!(t.kind, TokenKind::Quote(_)) || &text[t.range] == "?") {
            continue;
        }
        // the content: what the report says ("of X", "that X", "about X"), else the report itself
        let after = noun + 1;
        let lead = subject.get(after).map(String::as_str);
        let from = match lead {
            Some("of" | "that" | "about" | "claiming" | "saying" | "suggesting") if after + 1 < cop => a + after + 1,
            _ => a,
        };
        let content = TextRange::new(doc.tokens[from].range.start(), doc.tokens[a + cop - 1].range.end());
        let cue = TextRange::new(doc.tokens[a + cop].range.start(), doc.tokens[end - 1].range.end());
        if words(&text[content]).is_empty() {
            continue;
        }
        if !other_cue(cue) {
            out.push(RawAttribution { cue, source: None, content, via: Vec::new(), form: Form::Indirect });
        }
    }
    out
}

/// "X has no information about Y": the subject (at most six words, from the sentence start)
/// has no knowledge of Y.
fn no_information(doc: &Document, a: usize, lw: &[String]) -> Option<RawAttribution> {
    let have = lw.iter().take(7).position(|w| matches!(w.as_str(), "has" | "have" | "had"))?;
    let speech_in_subject = lw[..have].iter().any(|w| classify(w) == Some(CueClass::Verb));
    if have == 0
        || speech_in_subject
        || lw.get(have + 1).map(String::as_str) != Some("no")
        || !matches!(
            lw.get(have + 2).map(String::as_str),
            Some("information" | "knowledge" | "comment" | "idea" | "details")
        )
        || !matches!(lw.get(have + 3).map(String::as_str), Some("about" | "on" | "of" | "regarding" | "concerning"))
        || lw.len() <= have + 4
    {
        return None;
    }
    let tok = |i: usize| doc.tokens[a + i].range;
    Some(RawAttribution {
        cue: TextRange::new(tok(have).start(), tok(have + 2).end()),
        source: Some(TextRange::new(tok(0).start(), tok(have - 1).end())),
        content: TextRange::new(tok(have + 4).start(), tok(lw.len() - 1).end()),
        via: Vec::new(),
        form: Form::Indirect,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::testutil::doc;

    #[test]
    fn verdict_table() {
        // (text, expected (cue, content) or None)
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            ("The news of Cesar Millan's death is false.", Some(("is false", "Cesar Millan's death"))),
            ("Reports that the plant closed are untrue.", Some(("are untrue", "the plant closed"))),
            ("The viral photo is a fake.", Some(("is a fake", "The viral photo"))),
            (
                "The rumors about a pumpkin spice condom were just a rumor.",
                Some(("were just a rumor", "a pumpkin spice condom")),
            ),
            // no report noun: a plain statement of the article, not a verdict on a report
            ("The answer is false.", None),
            // not at the end: the verdict is part of something else
            ("The report is false and misleading, critics said.", None),
            // questions and quotations are not the article's verdict
            ("Is the news of his death false?", None),
            ("“The report is false.”", None),
            (
                "The Kremlin has no information about the general's visit.",
                Some(("has no information", "the general's visit")),
            ),
            (
                "The ministry had no comment on the reports of a strike.",
                Some(("had no comment", "the reports of a strike")),
            ),
            ("He said the Kremlin has no information about it.", None),
        ];
        for (text, want) in cases {
            let d = doc(text);
            let got = verdicts(&d, &[]);
            let got = got.first().map(|r| (d.slice(r.cue), d.slice(r.content)));
            assert_eq!(got, *want, "{text}");
        }
    }
}
