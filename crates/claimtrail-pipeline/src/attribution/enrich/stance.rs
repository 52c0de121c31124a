//! The stance of a source toward what it is reported to say: denies, has no knowledge,
//! hedges, or asserts. Word and phrase lists over lower-cased words; the order of the tests
//! is the order of precedence: a denial in the cue, a statement of no knowledge, a denial in
//! the content, a hedge, else an assertion.

use claimtrail_core::Stance;

use crate::claims::lexicon::{event_class, is_deontic};

/// Lower-cased words of `s` (letters and digits; apostrophes split "didn't" into "didn", "t").
pub(crate) fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

fn has_phrase(words: &[String], phrase: &[&str]) -> bool {
    !phrase.is_empty() && words.windows(phrase.len()).any(|w| w.iter().zip(phrase).all(|(a, b)| a == b))
}

fn has_any(words: &[String], phrases: &[&[&str]]) -> bool {
    phrases.iter().any(|p| has_phrase(words, p))
}

const DENY_CUES: &[&str] = &[
    "denied",
    "deny",
    "denies",
    "denying",
    "denial",
    "denials",
    "rejected",
    "reject",
    "rejects",
    "rejecting",
    "dismissed",
    "dismiss",
    "dismisses",
    "dismissing",
    "refuted",
    "refute",
    "refutes",
    "rebutted",
    "rebuts",
    "contradicted",
    "disputed",
    "disputes",
    "debunked",
];

const NO_KNOWLEDGE: &[&[&str]] = &[
    &["no", "information"],
    &["not", "have", "any", "information"],
    &["t", "have", "any", "information"],
    &["not", "have", "information"],
    &["no", "knowledge"],
    &["declined", "to", "comment"],
    &["declines", "to", "comment"],
    &["refused", "to", "comment"],
    &["would", "not", "comment"],
    &["wouldn", "t", "comment"],
    &["did", "not", "comment"],
    &["could", "not", "confirm"],
    &["couldn", "t", "confirm"],
    &["cannot", "confirm"],
    &["can", "not", "confirm"],
    &["unable", "to", "confirm"],
    &["neither", "confirm", "nor", "deny"],
    &["unaware"],
    &["not", "aware"],
    &["no", "comment"],
    &["does", "not", "know"],
    &["do", "not", "know"],
    &["don", "t", "know"],
    &["did", "not", "know"],
    &["no", "details"],
];

const DENY_CONTENT: &[&[&str]] = &[
    &["not", "true"],
    &["untrue"],
    &["nonsense"],
    &["false"],
    &["fake"],
    &["baseless"],
    &["groundless"],
    &["unfounded"],
    &["fabricated"],
    &["fabrication"],
    &["fabrications"],
    &["lie"],
    &["lies"],
    &["never", "happened"],
    &["never", "took", "place"],
    &["did", "not", "take", "place"],
    &["didn", "t", "take", "place"],
    &["did", "not", "happen"],
    &["didn", "t", "happen"],
    &["absurd"],
    &["ridiculous"],
    &["no", "truth"],
    &["not", "correct"],
    &["incorrect"],
    &["inaccurate"],
    &["misinformation"],
    &["disinformation"],
    &["hoax"],
    &["not", "the", "case"],
];

const REPORT_NOUNS: &[&str] =
    &["reports", "report", "claims", "allegations", "information", "rumors", "rumours", "stories", "articles"];
const DISMISSIVE: &[&str] =
    &["surprising", "surprised", "strange", "puzzling", "laughable", "speculation", "speculative", "propaganda"];

const HEDGES: &[&[&str]] = &[
    &["reportedly"],
    &["allegedly"],
    &["alleged"],
    &["purportedly"],
    &["supposedly"],
    &["rumored"],
    &["rumoured"],
    &["unconfirmed"],
    &["possibly"],
    &["perhaps"],
    &["may", "have"],
    &["might"],
    &["could", "have"],
    &["is", "believed"],
    &["are", "believed"],
    &["was", "believed"],
    &["were", "believed"],
    &["is", "thought", "to"],
    &["it", "is", "possible"],
];

const ELLIPTICAL_NO: &[&str] =
    &["no", "not at all", "never", "absolutely not", "of course not", "nope", "certainly not"];

/// True when the content negates an event ("never met", "did not visit", "hasn't decided").
/// A negated modal or infinitive is advice, not a denial: "should not purchase", "mustn't
/// sign", "not to buy", "can't afford to buy".
fn negated_event(w: &[String]) -> bool {
    w.iter().enumerate().any(|(i, x)| {
        let neg = x == "never" || (x == "not" && w.get(i + 1).is_none_or(|n| n != "only")) || x == "t";
        let advice = i.checked_sub(1).is_some_and(|p| is_deontic(&w[p]))
            || w.get(i + 1).is_some_and(|n| n == "to" || n == "afford");
        neg && !advice && w[i + 1..].iter().take(3).any(|n| event_class(n).is_some())
    })
}

/// The stance of a statement with cue `cue`, content `content`, and the words right around the
/// cue outside the content (`around`: "reportedly said").
pub(crate) fn stance(cue: &str, content: &str, around: &str) -> Stance {
    let cue_w = words(cue);
    let content_w = words(content);
    let around_w = words(around);
    if cue_w.iter().any(|w| DENY_CUES.contains(&w.as_str())) {
        return Stance::Denies;
    }
    if has_any(&cue_w, NO_KNOWLEDGE) || has_any(&content_w, NO_KNOWLEDGE) || has_any(&around_w, NO_KNOWLEDGE) {
        return Stance::NoKnowledge;
    }
    let bare = content_w.join(" ");
    if ELLIPTICAL_NO.contains(&bare.as_str()) || has_any(&cue_w, DENY_CONTENT) {
        return Stance::Denies;
    }
    if has_any(&content_w, DENY_CONTENT) || negated_event(&content_w) {
        return Stance::Denies;
    }
    if content_w.iter().chain(&cue_w).any(|w| REPORT_NOUNS.contains(&w.as_str()))
        && content_w.iter().any(|w| DISMISSIVE.contains(&w.as_str()))
    {
        return Stance::Denies;
    }
    if has_any(&content_w, HEDGES) || has_any(&cue_w, HEDGES) || has_any(&around_w, HEDGES) {
        return Stance::Hedges;
    }
    Stance::Asserts
}

#[cfg(test)]
mod tests {
    use super::*;
    use Stance::*;

    #[test]
    fn stance_table() {
        let cases = [
            ("said", "the report was utter nonsense", "", Denies),
            ("denied", "the arrival of the envoy", "", Denies),
            ("replied", "“no”", "", Denies),
            ("answered", "Not at all.", "", Denies),
            ("told reporters", "he did not have any information about the trip", "", NoKnowledge),
            ("declined to comment", "", "", NoKnowledge),
            ("said", "it could not confirm the meeting", "", NoKnowledge),
            ("said", "the minister had reportedly met the envoy", "", Hedges),
            ("said", "the deal was signed", "reportedly", Hedges),
            ("said", "the minister never met the envoy", "", Denies),
            ("said", "the minister didn't visit Oslo", "", Denies),
            ("said", "reports about the envoy's trip were surprising", "", Denies),
            ("said", "talks were held in May", "", Asserts),
            ("said", "the talks were not only long but useful", "", Asserts),
            ("according to", "the alleged meetings are nonsense", "", Denies),
            ("", "", "", Asserts),
            // Advice and obligation are no denial of an event.
            ("said", "local firms should not purchase aircraft from abroad", "", Asserts),
            ("said", "the council mustn't sign the treaty", "", Asserts),
            ("said", "ministers need not visit the region", "", Asserts),
            ("urged", "buyers not to buy the jets", "", Asserts),
            ("said", "the city can't afford to buy new trams", "", Asserts),
            ("said", "the mayor did not buy the land", "", Denies),
            ("said", "the firm shouldn't have bought it, but it never bought it", "", Denies),
        ];
        for (cue, content, around, want) in cases {
            assert_eq!(stance(cue, content, around), want, "{cue} | {content} | {around}");
        }
    }
}
