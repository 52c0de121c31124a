//! Disputes inside one article: a denial set against the statements it denies.
//!
//! The event frames of the claim linker see a dispute only when both sides name the same event
//! class with the same parties. Most denials in wire stories do not: "Kim was not in bad
//! health" answers "he suffered from discomfort", "That is rumors, fabricated rumors" answers
//! the report the article opened with. This pass reads each denial's **proposition words**
//! (its content's stems without function words, negations, verdicts and report nouns):
//!
//! - a denial with a proposition of its own ("denied any part of his video had been staged")
//!   meets the asserted or hedged statements that share at least two of its proposition
//!   words, a third of the shorter side;
//! - a denial of a report as a whole ("the reports", "it is a hoax", "a posting on the
//!   National Report website") meets the story the article is about: the asserted or hedged
//!   statement whose words best match the article's title and opening sentence, and the
//!   statements that restate it.
//!
//! A speaker never disputes itself. The denial and the statements it meets are put in one
//! claim (the asserting side's, when it has one). A claim is contested when one speaker
//! asserts or hedges it and another denies it.

use std::collections::HashSet;

use claimtrail_core::{Attribution, AttributionId, Claim, Document, Stance, TextRange};
use claimtrail_text::analyzer::TextAnalyzer;

use crate::attribution::is_report_noun;

/// Words that say how a statement is judged or what kind of report it is, not what it is about
/// (with the report nouns themselves).
const JUDGEMENT_WORDS: &[&str] = &[
    "not",
    "no",
    "never",
    "nothing",
    "none",
    "neither",
    "nor",
    "true",
    "truth",
    "untrue",
    "false",
    "falsely",
    "incorrect",
    "correct",
    "accurate",
    "inaccurate",
    "wrong",
    "hoax",
    "hoaxes",
    "fake",
    "lie",
    "lies",
    "fabricated",
    "fabrication",
    "bogus",
    "nonsense",
    "rubbish",
    "baseless",
    "unfounded",
    "unsubstantiated",
    "absolutely",
    "completely",
    "entirely",
    "totally",
    "utterly",
    "unequivocally",
    "whatsoever",
    "simply",
    "just",
    "reported",
    "reporting",
    "claimed",
    "tale",
    "posting",
    "post",
    "website",
    "site",
    "sites",
    "media",
    "newspaper",
    "paper",
    "tabloid",
    "blog",
    "online",
    "local",
    "social",
    "saying",
    "said",
    "say",
    "says",
    "deny",
    "denied",
    "denies",
    "these",
    "those",
    "this",
    "that",
    "it",
    "they",
    "such",
    "any",
    "premature",
];

/// The fewest proposition words a denial needs to be matched by its own words.
const MIN_OWN_WORDS: usize = 2;

/// Nouns after "no" that say the evidence is missing: "no indications he was ill", "no credible
/// intelligence to that effect". Such a statement sides with a denial, not against it.
const NO_EVIDENCE: &[&str] = &[
    "evidence",
    "indication",
    "indications",
    "sign",
    "signs",
    "proof",
    "truth",
    "basis",
    "intelligence",
    "information",
    "credible",
    "confirmation",
    "reason",
];

/// What the pass knows of one attribution.
struct Side {
    stance: Stance,
    speaker: Option<String>,
    words: Words,
    /// Content range and cue, to tell a statement nested in another's content.
    content: TextRange,
    cue: TextRange,
    /// A denial fit to be matched by its own words: a denial verb, a dismissed report, or a
    /// verdict on a report named in its opening words (not "bothered by Williams' false claims").
    proper_denial: bool,
    /// It says evidence is missing ("no indications that X"): it asserts no X.
    no_evidence: bool,
    /// An asserting statement that says evidence is missing, or whose cue only the cue model
    /// vouches for ("cast doubt over X", "has not made mention of X"): no asserting side.
    weak: bool,
}

/// "There were no indications that X", "no credible evidence": `words` folded.
fn says_no_evidence(words: &[String]) -> bool {
    words
        .windows(3)
        .any(|w| w[0] == "no" && (NO_EVIDENCE.contains(&w[1].as_str()) || NO_EVIDENCE.contains(&w[2].as_str())))
}

fn side(an: &TextAnalyzer, doc: &Document, a: &Attribution) -> Side {
    let text = doc.slice(a.content);
    let lower: Vec<String> = an.split_words(text).map(|w| an.fold(w)).collect();
    let no_evidence = says_no_evidence(&lower);
    // a denial needs someone who denies, or the article's own verdict ("The news of X's death is
    // false"); a row whose source was lost is no side of a dispute
    let someone = a.source.is_some() || a.why.cue == "verdict";
    let proper_denial = someone
        && match a.why.stance.as_ref() {
            "verdict_false" => {
                // a verdict on a report named in the opening words: "the reports that X are false"
                lower
                    .iter()
                    .take(6)
                    .any(|w| is_report_noun(w) || matches!(w.as_str(), "it" | "this" | "that" | "these" | "those"))
                    || matches!(lower.as_slice(), [t, v, n, ..] if t == "there" && (v == "s" || v == "is") && n == "no")
            }
            _ => true,
        };
    Side {
        stance: a.stance,
        speaker: speaker(doc, a),
        words: stems(an, text),
        content: a.content,
        cue: a.cue,
        proper_denial,
        no_evidence,
        weak: no_evidence || a.why.cue == "cue_model",
    }
}

/// A content's proposition words (stems), and those of them that name something: words
/// written with a capital inside the content, and numbers.
#[derive(Default)]
struct Words {
    stems: Vec<String>,
    anchors: Vec<String>,
}

fn stems(an: &TextAnalyzer, text: &str) -> Words {
    let stop = an.stop_words();
    let mut out = Words::default();
    for (i, w) in an.split_words(text).enumerate() {
        let f = an.fold(w);
        if f.len() < 2 || stop.contains(&f.as_str()) || JUDGEMENT_WORDS.contains(&f.as_str()) || is_report_noun(&f) {
            continue;
        }
        let s = an.stem(&f);
        let anchor = i > 0 && w.starts_with(char::is_uppercase) || w.chars().any(|c| c.is_ascii_digit());
        if anchor && !out.anchors.contains(&s) {
            out.anchors.push(s.clone());
        }
        if !out.stems.contains(&s) {
            out.stems.push(s);
        }
    }
    out
}

fn speaker(doc: &Document, a: &Attribution) -> Option<String> {
    let s = a.source.as_ref()?;
    Some(match s.entity {
        Some(e) => format!("e{}", e.index()),
        None => doc.slice(s.range).to_lowercase(),
    })
}

fn shared(a: &[String], b: &[String]) -> usize {
    a.iter().filter(|w| b.contains(w)).count()
}

/// The two sides share enough proposition words to be about the same thing: two or more, a
/// third of the shorter side, and a name or number among them unless three are shared
/// ("create jobs" alone is no proposition).
fn same_proposition(a: &Words, b: &Words) -> bool {
    let n = shared(&a.stems, &b.stems);
    n >= MIN_OWN_WORDS
        && 3 * n >= a.stems.len().min(b.stems.len())
        && (n >= 3 || a.anchors.iter().any(|w| b.stems.contains(w)) || b.anchors.iter().any(|w| a.stems.contains(w)))
}

/// The words of the article's story: its title and its first sentence.
fn story_words(an: &TextAnalyzer, doc: &Document) -> Vec<String> {
    let mut text = doc.meta.title.clone().unwrap_or_default();
    if let Some(s) = doc.sentences.first() {
        text.push(' ');
        text.push_str(doc.slice(s.range));
    }
    stems(an, &text).stems
}

/// The attributions each denial meets: `(denial, asserting or hedging statements)`; `sides`
/// are those of `doc`'s attributions.
fn pairs(doc: &Document, sides: &[Side]) -> Vec<(usize, Vec<usize>)> {
    let an = TextAnalyzer::english();
    let pro = |i: usize| matches!(sides[i].stance, Stance::Asserts | Stance::Hedges) && !sides[i].weak;
    // an asserting statement that does not hold the denial ("activists said, although Turkey
    // denied X, ..."), by another speaker
    let other_speaker = |a: usize, d: usize| {
        !sides[a].content.contains_range(sides[d].cue)
            && match (&sides[a].speaker, &sides[d].speaker) {
                (Some(a), Some(b)) => a != b,
                _ => true,
            }
    };
    let story = story_words(&an, doc);
    let mut out = Vec::new();
    for d in 0..sides.len() {
        if sides[d].stance != Stance::Denies {
            continue;
        }
        if !sides[d].proper_denial {
            continue;
        }
        let met: Vec<usize> = if sides[d].words.stems.len() >= MIN_OWN_WORDS {
            // the statement that shares most words with the denial (the nearest of equals),
            // and those that restate it
            let candidates: Vec<usize> = (0..sides.len())
                .filter(|&a| a != d && pro(a) && other_speaker(a, d))
                .filter(|&a| same_proposition(&sides[d].words, &sides[a].words))
                .collect();
            let best = candidates.iter().copied().max_by_key(|&a| {
                (shared(&sides[d].words.stems, &sides[a].words.stems), std::cmp::Reverse(a.abs_diff(d)))
            });
            match best {
                Some(b) => candidates
                    .into_iter()
                    .filter(|&a| a == b || same_proposition(&sides[a].words, &sides[b].words))
                    .collect(),
                None => Vec::new(),
            }
        } else {
            // a report denied as a whole: the statement it answers in its own sentence ("It
            // has been rumored X, but So said that is incorrect"), else the story the article
            // tells
            let sentence = doc.sentence_at(sides[d].cue.start());
            let same_sentence = (0..d)
                .rev()
                .filter(|&a| pro(a) && other_speaker(a, d) && sides[a].content.end() <= sides[d].cue.start())
                .find(|&a| sentence.is_some() && doc.sentence_at(sides[a].cue.start()) == sentence);
            let best = same_sentence.or_else(|| {
                (0..sides.len())
                    .filter(|&a| a != d && pro(a) && other_speaker(a, d) && sides[a].words.stems.len() >= 3)
                    .map(|a| (shared(&sides[a].words.stems, &story), a))
                    .filter(|&(n, _)| n >= 2)
                    .max_by_key(|&(n, a)| (n, std::cmp::Reverse(a)))
                    .map(|(_, a)| a)
            });
            match best {
                Some(b) => (0..sides.len())
                    .filter(|&a| {
                        a == b
                            || (a != d
                                && pro(a)
                                && other_speaker(a, d)
                                && same_proposition(&sides[a].words, &sides[b].words))
                    })
                    .collect(),
                None => Vec::new(),
            }
        };
        if !met.is_empty() {
            out.push((d, met));
        }
    }
    out
}

/// A short gist in the source's own words: the first words of the content.
fn gist_of(doc: &Document, r: TextRange) -> String {
    const MAX_WORDS: usize = 16;
    let text = doc.slice(r).trim().trim_start_matches("that ").trim_end_matches(['.', ',', ';', ':']);
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= MAX_WORDS {
        words.join(" ")
    } else {
        format!("{} …", words[..MAX_WORDS].join(" "))
    }
}

/// Puts each denial and the statements it meets into one contested claim.
pub(crate) fn link(doc: &Document, claims: &mut Vec<Claim>) {
    let an = TextAnalyzer::english();
    let sides: Vec<Side> = doc.attributions.iter().map(|a| side(&an, doc, a)).collect();
    for (d, met) in pairs(doc, &sides) {
        let claim_of =
            |claims: &[Claim], i: usize| claims.iter().position(|c| c.attributions.iter().any(|x| x.index() == i));
        // a denial the event frames already set against its claim stays there (an elliptical
        // "no" answers its question)
        let pro = |x: &AttributionId| matches!(doc.attributions[x.index()].stance, Stance::Asserts | Stance::Hedges);
        if claim_of(claims, d).is_some_and(|c| claims[c].attributions.iter().any(pro)) {
            continue;
        }
        // the asserting side's claim, else the denial's own, else a new one
        let target = met.iter().find_map(|&a| claim_of(claims, a)).or_else(|| claim_of(claims, d));
        let target = match target {
            Some(t) => t,
            None => {
                claims.push(Claim {
                    gist: gist_of(doc, doc.attributions[met[0]].content),
                    entities: Vec::new(),
                    when: None,
                    attributions: Vec::new(),
                    contested: false,
                    event: None,
                });
                claims.len() - 1
            }
        };
        let members: HashSet<usize> = met.iter().copied().chain([d]).collect();
        for (ci, c) in claims.iter_mut().enumerate() {
            if ci != target {
                c.attributions.retain(|x| !members.contains(&x.index()));
            }
        }
        let c = &mut claims[target];
        for &m in &members {
            if !c.attributions.iter().any(|x| x.index() == m) {
                c.attributions.push(AttributionId::from_index(m));
            }
        }
        c.attributions.sort_unstable_by_key(|x| x.index());
    }
    claims.retain(|c| !c.attributions.is_empty());
    // contested: asserted or hedged by one speaker, denied by another (a speaker who takes
    // back his word, or the article's narration, is not a dispute)
    for c in claims.iter_mut() {
        let side = |x: &AttributionId| {
            let s = &sides[x.index()];
            // "no indications that X" asserts no X
            let stance = if s.stance == Stance::Asserts && s.no_evidence { Stance::NoKnowledge } else { s.stance };
            (stance, &s.speaker)
        };
        let members: Vec<(Stance, &Option<String>)> = c.attributions.iter().map(side).collect();
        c.contested = members.iter().any(|(s, who)| {
            matches!(s, Stance::Asserts | Stance::Hedges)
                && members.iter().any(|(t, other)| *t == Stance::Denies && other != who)
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::attribution::enrich::enrich;
    use crate::claims::link_claims;
    use crate::claims::testutil::{add_mentions, doc, link, raw};
    use claimtrail_core::EntityKind::*;

    /// (text, [(source, cue, content)], contested claims as sorted attribution indices)
    type Case = (&'static str, &'static [(&'static str, &'static str, &'static str)], &'static [&'static [usize]]);

    #[test]
    fn denials_meet_what_they_deny() {
        let cases: &[Case] = &[
            // a denial in its own words meets the report that shares them
            (
                "The Sun reported that Ana Ruiz resigned from Northbank. Northbank denied that Ruiz had resigned from Northbank.",
                &[("The Sun", "reported", "Ana Ruiz resigned from Northbank"), ("Northbank", "denied", "Ruiz had resigned from Northbank")],
                &[&[0, 1]],
            ),
            // a report denied as a whole meets the story the article opens with
            (
                "Ana Ruiz resigned from Northbank, the Sun said. Northbank said the report was false.",
                &[("the Sun", "said", "Ana Ruiz resigned from Northbank"), ("Northbank", "said", "the report was false")],
                &[&[0, 1]],
            ),
            // a denial by pronoun answers the report before it in its sentence
            (
                "Ana Ruiz resigned from Northbank, the Sun said. It has been rumored Ruiz was ill, but Northbank stated that is incorrect.",
                &[("the Sun", "said", "Ana Ruiz resigned from Northbank"), ("", "rumored", "Ruiz was ill"), ("Northbank", "stated", "that is incorrect")],
                &[&[1, 2]],
            ),
            // a denial whose speaker was lost is no side of a dispute
            (
                "Ana Ruiz resigned from Northbank, the Sun said. Others insisted that is false.",
                &[("the Sun", "said", "Ana Ruiz resigned from Northbank"), ("", "insisted", "that is false")],
                &[],
            ),
            // two common words and no name in common are no proposition
            (
                "The Air Force denied that creating jobs was a factor. Tom Reed said the deal would create jobs in Kansas.",
                &[("The Air Force", "denied", "creating jobs was a factor"), ("Tom Reed", "said", "the deal would create jobs in Kansas")],
                &[],
            ),
            // a statement that evidence is missing sides with the denial
            (
                "Northbank denied that Ana Ruiz had resigned from Northbank. Tom Reed said there were no indications that Ruiz resigned from Northbank.",
                &[("Northbank", "denied", "Ana Ruiz had resigned from Northbank"), ("Tom Reed", "said", "there were no indications that Ruiz resigned from Northbank")],
                &[],
            ),
            // nobody disputes himself
            (
                "Ana Ruiz said she resigned from Northbank. Ruiz later denied she resigned from Northbank.",
                &[("Ana Ruiz", "said", "she resigned from Northbank"), ("Ruiz", "denied", "she resigned from Northbank")],
                &[],
            ),
        ];
        for &(text, rows, want) in cases {
            let mut d = doc(text);
            add_mentions(
                &mut d,
                &[
                    ("Ana Ruiz", Person),
                    ("Ruiz", Person),
                    ("Tom Reed", Person),
                    ("Northbank", Organization),
                    ("Sun", Outlet),
                    ("Air Force", Organization),
                ],
            );
            link(&mut d);
            let raws: Vec<_> = rows.iter().map(|&(s, c, x)| raw(&d, s, c, x, &[])).collect();
            d.attributions = enrich(&d, &raws).attributions;
            assert_eq!(d.attributions.len(), rows.len(), "{text}");
            let contested: Vec<Vec<usize>> = link_claims(&d)
                .iter()
                .filter(|c| c.contested)
                .map(|c| c.attributions.iter().map(|a| a.index()).collect())
                .collect();
            let want: Vec<Vec<usize>> = want.iter().map(|w| w.to_vec()).collect();
            assert_eq!(contested, want, "{text}");
        }
    }
}
