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
    "photo",
    "photos",
    "picture",
    "pictures",
    "video",
    "videos",
    "image",
    "images",
    "tweet",
    "tweets",
    "quote",
    "account",
    "accounts",
    "post",
    "posts",
    "posting",
    "postings",
    "headline",
    "headlines",
    "message",
    "messages",
    "meme",
    "memes",
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

/// Length of the verdict of falsehood that `words` open with, if any ("is fake and ..." after
/// the copula: `["fake", "and", ...]` -> 1), adverbs of degree before it included.
pub(crate) fn verdict_prefix(words: &[String]) -> Option<usize> {
    let skip = words
        .iter()
        .take_while(|w| matches!(w.as_str(), "also" | "obviously" | "clearly" | "actually" | "apparently"))
        .count();
    let rest = &words[skip..];
    VERDICTS
        .iter()
        .filter(|v| rest.len() >= v.len() && rest.iter().zip(v.iter()).all(|(x, y)| x == y))
        .map(|v| skip + v.len())
        .max()
}

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
            if !other_cue(extent(&r)) {
                out.push(r);
            }
            continue;
        }
        // a non-answer stands beside a statement after it ("It was not possible to reach the
        // government for comment and state media did not mention the report"), not one before
        // it that may carry it ("He said Smith could not be reached")
        if let Some(r) = no_response(doc, a, &lw) {
            let x = extent(&r);
            if !found.iter().any(|f| s.range.contains_range(f.cue) && f.cue.end() <= x.start()) {
                out.push(r);
            }
            continue;
        }
        // the copula, then a verdict that ends the sentence
        let Some(cop) = lw.iter().position(|w| matches!(w.as_str(), "is" | "are" | "was" | "were")) else {
            continue;
        };
        // a related-link label over another article's headline ("MORE: ... story is fake")
        if lw.len() > 1
            && lw[1] == ":"
            && matches!(lw[0].as_str(), "more" | "also" | "see" | "related" | "read" | "trending" | "watch" | "popular")
        {
            continue;
        }
        let rest = &lw[cop + 1..];
        if !VERDICTS.iter().any(|v| rest.len() == v.len() && rest.iter().zip(v.iter()).all(|(x, y)| x == y)) {
            continue;
        }
        let subject = &lw[..cop];
        let noun_at = |i: usize| super::is_report_noun(&subject[i]) || MEDIA_NOUNS.contains(&subject[i].as_str());
        let leads = |i: usize| {
            matches!(
                subject.get(i + 1).map(String::as_str),
                Some("of" | "that" | "about" | "claiming" | "saying" | "suggesting")
            )
        };
        // the report noun the content hangs on ("“breaking news” report saying ..."), else the first
        let Some(noun) =
            (0..subject.len()).find(|&i| noun_at(i) && leads(i)).or_else(|| (0..subject.len()).find(|&i| noun_at(i)))
        else {
            continue;
        };
        // a question or a quotation is no verdict of the article's own (quoted words inside the
        // subject are: A “breaking news” story claiming ... is a hoax)
        let quotes_before = doc.tokens[a..a + cop].iter().filter(|t| matches!(t.kind, TokenKind::Quote(_))).count();
        if quotes_before % 2 == 1
            || doc.tokens[a + cop..b].iter().any(|t| matches!(t.kind, TokenKind::Quote(_)))
            || doc.tokens[a..b].iter().any(|t| &text[t.range] == "?")
        {
            continue;
        }
        // the content: what the report says ("of X", "that X", "about X"), else the report itself
        let after = noun + 1;
        let lead = subject.get(after).map(String::as_str);
        let from = match lead {
            Some("claiming" | "saying" | "suggesting") if after + 2 < cop && subject[after + 1] == "that" => {
                a + after + 2
            }
            Some("of" | "that" | "about" | "claiming" | "saying" | "suggesting") if after + 1 < cop => a + after + 1,
            _ => a,
        };
        let content = TextRange::new(doc.tokens[from].range.start(), doc.tokens[a + cop - 1].range.end());
        let cue = TextRange::new(doc.tokens[a + cop].range.start(), doc.tokens[end - 1].range.end());
        if words(&text[content]).is_empty() {
            continue;
        }
        // "A story claiming that X is a hoax": the participle is the report's statement, which
        // the verdict meets (its content is cut before the copula by [`cut_reported_subjects`])
        let reported = from > a && matches!(lead, Some("claiming" | "saying" | "suggesting"));
        let participle = doc.tokens[a + after].range;
        if !other_cue(cue) || reported && !found.iter().any(|f| s.range.contains_range(f.cue) && f.cue != participle) {
            out.push(RawAttribution { cue, source: None, content, via: Vec::new(), form: Form::Indirect });
        }
    }
    out
}

/// The statement made by a report that an own-voice verdict judges ("A story claiming that Culkin
/// died is a hoax": the story claims that Culkin died) ends where the verdict's content ends.
pub fn cut_reported_subjects(raw: &mut [RawAttribution], own_voice: &[RawAttribution]) {
    for v in own_voice.iter().filter(|v| v.source.is_none()) {
        for r in raw.iter_mut() {
            if r.cue.end() <= v.content.start()
                && r.content.contains_range(v.cue)
                && r.content.start() <= v.content.start()
            {
                r.content = TextRange::new(r.content.start(), v.content.end());
            }
        }
    }
}

/// "An attempt to reach Border Patrol officials was not successful", "Efforts to reach the company
/// for comment were unsuccessful": the one sought gave no answer. The content is the sentence.
fn failed_attempt(doc: &Document, a: usize, lw: &[String]) -> Option<RawAttribution> {
    if let Some(r) = unable_to_reach(doc, a, lw) {
        return Some(r);
    }
    let at = lw.iter().take(6).position(|w| matches!(w.as_str(), "attempt" | "attempts" | "effort" | "efforts"))?;
    if lw.get(at + 1).map(String::as_str) != Some("to") || lw.get(at + 2).map(String::as_str) != Some("reach") {
        return None;
    }
    let cop = (at + 3..lw.len()).find(|&i| matches!(lw[i].as_str(), "was" | "were"))?;
    let failed = matches!(
        lw[cop + 1..].iter().map(String::as_str).collect::<Vec<_>>()[..],
        ["unsuccessful", ..] | ["not", "successful", ..] | ["in", "vain", ..] | ["not", "answered", ..]
    );
    // the one sought: up to "for comment" or the copula
    let end = (at + 3..cop).find(|&i| matches!(lw[i].as_str(), "for" | "on" | "about" | "by")).unwrap_or(cop);
    if !failed || end <= at + 3 || end - at - 3 > 8 {
        return None;
    }
    let tok = |i: usize| doc.tokens[a + i].range;
    Some(RawAttribution {
        cue: TextRange::new(tok(at).start(), tok(at + 2).end()),
        source: Some(TextRange::new(tok(at + 3).start(), tok(end - 1).end())),
        content: TextRange::new(tok(at).start(), tok(clause_end(lw, cop + 1) - 1).end()),
        via: Vec::new(),
        form: Form::Indirect,
    })
}

/// "It was not possible to reach the Syrian government for comment", "Reuters was unable to
/// reach the ministry": the one sought gave no answer. The content is the sentence from the
/// failure on.
fn unable_to_reach(doc: &Document, a: usize, lw: &[String]) -> Option<RawAttribution> {
    let to = lw.iter().take(10).position(|w| w == "to")?;
    if lw.get(to + 1).map(String::as_str) != Some("reach") || to < 1 {
        return None;
    }
    let adj = to - 1;
    let failed = lw[adj] == "unable"
        || matches!(lw[adj].as_str(), "possible" | "able") && adj >= 1 && negation(&lw[adj - 1])
        || lw[adj] == "possible" && adj >= 2 && lw[adj - 1] == "immediately" && negation(&lw[adj - 2]);
    let start = (0..adj).rev().find(|&i| negation(&lw[i]) || lw[i] == "unable").unwrap_or(adj);
    let end =
        (to + 2..lw.len()).find(|&i| matches!(lw[i].as_str(), "for" | "on" | "about" | "," | "by")).unwrap_or(lw.len());
    if !failed || end <= to + 2 || end - to - 2 > 8 {
        return None;
    }
    let tok = |i: usize| doc.tokens[a + i].range;
    // someone one asks for comment (not "the summit"): a name, a body or role, or "for comment"
    let text = doc.text();
    let named = (to + 2..end).any(|i| text[tok(i)].starts_with(char::is_uppercase));
    let body = matches!(
        lw[end - 1].as_str(),
        "ministry"
            | "government"
            | "company"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "officials"
            | "police"
            | "embassy"
            | "office"
            | "family"
            | "lawyer"
            | "representatives"
            | "department"
    );
    let for_comment = lw.get(end).is_some_and(|w| w == "for") && lw.get(end + 1).is_some_and(|w| w == "comment");
    if !(named || body || for_comment) {
        return None;
    }
    Some(RawAttribution {
        cue: TextRange::new(tok(to).start(), tok(to + 1).end()),
        source: Some(TextRange::new(tok(to + 2).start(), tok(end - 1).end())),
        content: TextRange::new(tok(start).start(), tok(clause_end(lw, end) - 1).end()),
        via: Vec::new(),
        form: Form::Indirect,
    })
}

/// The end of the clause that goes on at `from`: the next comma, semicolon, "and" or "but".
fn clause_end(lw: &[String], from: usize) -> usize {
    (from..lw.len()).find(|&i| matches!(lw[i].as_str(), "," | ";" | "but" | "and")).unwrap_or(lw.len())
}

/// The words a statement of no knowledge spans, its source to its content's end: a cue word
/// inside ("calls" in "did not return calls") is part of it.
pub(crate) fn extent(r: &RawAttribution) -> TextRange {
    r.source.map_or(r.cue, |s| s.cover(r.cue)).cover(r.content)
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

/// A negation as a token: "not", "n't", "never".
fn negation(w: &str) -> bool {
    matches!(w, "not" | "n't" | "n’t" | "never")
}

/// The words of a cue that says someone gave no answer ("could not be reached", "did not return
/// calls"); [`no_response`] makes them.
pub(crate) fn is_no_response(cue: &[String]) -> bool {
    let Some(last) = cue.last() else { return false };
    let reach = cue.len() >= 2 && cue[cue.len() - 2] == "to" && last == "reach";
    let none = cue.first().is_some_and(|w| w == "no")
        && cue.len() <= 3
        && matches!(last.as_str(), "comment" | "response" | "reply" | "answer");
    let negated = cue.iter().any(|w| negation(w) || w == "t")
        || cue.windows(2).any(|p| p[0] == "yet" && p[1] == "to") && cue.first().is_some_and(|w| has(w));
    reach
        || none
        || negated
            && matches!(
                last.as_str(),
                "reached"
                    | "return"
                    | "answer"
                    | "respond"
                    | "responded"
                    | "reply"
                    | "replied"
                    | "comment"
                    | "commented"
            )
}

/// "X could not be reached for comment", "X did not (immediately) return calls seeking comment":
/// the subject (at most twelve words from the sentence start, holding no verb of speech) gave
/// no answer. The content is the whole predicate, for want of a proposition.
fn no_response(doc: &Document, a: usize, lw: &[String]) -> Option<RawAttribution> {
    if let Some(r) = failed_attempt(doc, a, lw).or_else(|| none_from(doc, a, lw)) {
        return Some(r);
    }
    // the negation ("could not", "didn't") or "has yet to"
    let neg = lw.iter().take(16).enumerate().position(|(i, w)| {
        negation(w) || (w == "yet" && lw.get(i + 1).is_some_and(|n| n == "to") && i > 0 && has(&lw[i - 1]))
    })?;
    if neg < 2 {
        return None;
    }
    let aux = neg - 1;
    let modal = matches!(lw[aux].as_str(), "could" | "can" | "ca" | "was" | "were" | "has" | "have");
    let did = matches!(lw[aux].as_str(), "did" | "does" | "has" | "have" | "had");
    let any_aux = did || modal || matches!(lw[aux].as_str(), "would" | "will" | "wo");
    let mut k = neg + 1;
    while matches!(lw.get(k).map(String::as_str), Some("immediately" | "yet" | "be" | "been" | "to" | "publicly")) {
        k += 1;
    }
    let verb = lw.get(k)?.as_str();
    let rest = || lw[k + 1..].iter().take(5);
    let asked = |w: &String| REQUESTS.contains(&w.as_str());
    let reached = modal && verb == "reached" && lw[neg + 1..k].iter().any(|w| w == "be" || w == "been");
    let returned = did && matches!(verb, "return" | "answer") && rest().any(asked);
    // "did not respond to requests for comment", "Smith did not respond." (not "did not respond
    // to treatment")
    let responded = any_aux
        && matches!(verb, "respond" | "responded" | "reply" | "replied")
        && (k + 1 == lw.len() || rest().any(asked));
    let commented = any_aux && matches!(verb, "comment" | "commented");
    if !(reached || returned || responded || commented) {
        return None;
    }
    let (from, to) = subject_span(&lw[..aux])?;
    // the predicate up to the clause's end
    let end = clause_end(lw, k + 1);
    let tok = |i: usize| doc.tokens[a + i].range;
    Some(RawAttribution {
        cue: TextRange::new(tok(aux).start(), tok(k).end()),
        source: Some(TextRange::new(tok(from).start(), tok(to - 1).end())),
        content: TextRange::new(tok(aux).start(), tok(end - 1).end()),
        via: Vec::new(),
        form: Form::Indirect,
    })
}

/// Nouns of a request for comment that a non-answer leaves unanswered.
const REQUESTS: &[&str] = &[
    "call",
    "calls",
    "message",
    "messages",
    "email",
    "emails",
    "request",
    "requests",
    "phone",
    "inquiry",
    "inquiries",
    "enquiries",
    "queries",
    "questions",
    "comment",
];

fn has(w: &str) -> bool {
    matches!(w, "has" | "have" | "had")
}

/// Where the subject of a non-answer lies in `subject` (the words before its auxiliary): past
/// "But" and an opening "Contacted by AFP," clause, before a closing "also" or "himself"; `None`
/// when the words are no noun phrase (a speech verb or a negation inside, more than sixteen
/// words).
fn subject_span(subject: &[String]) -> Option<(usize, usize)> {
    let mut from = usize::from(matches!(subject.first()?.as_str(), "but" | "and" | "however"));
    if matches!(
        subject.get(from).map(String::as_str),
        Some("contacted" | "reached" | "asked" | "when" | "in" | "on" | "so" | "thus")
    ) {
        from = subject.iter().rposition(|w| w == ",")? + 1;
    }
    // a label or headline run into the sentence: "Still on?: Phelps has yet to comment"
    if let Some(p) = subject.iter().rposition(|w| matches!(w.as_str(), ":" | "?" | "!")) {
        from = from.max(p + 1);
    }
    // "Langer also", "Islam himself", "the ministry, so far,": not part of the name
    let mut to = subject.len();
    while to > from
        && (matches!(
            subject[to - 1].as_str(),
            "also" | "too" | "himself" | "herself" | "itself" | "themselves" | "still" | "," | "far" | "so" | "thus"
        ) || subject[to - 1].len() > 4 && subject[to - 1].ends_with("ly") && to - 1 > from)
    {
        to -= 1;
    }
    let words = &subject[from..to];
    // an apposition or relative clause between commas is part of the subject ("Sandoval, who
    // teaches English, has not commented"), a speech verb is not
    if words.is_empty()
        || words.len() > 16
        || words.first().is_some_and(|w| w == ",")
        || words.iter().any(|w| classify(w) == Some(CueClass::Verb) || negation(w))
    {
        return None;
    }
    Some((from, to))
}

/// "There has been no comment from the CDC", "There was no immediate response from the embassy":
/// the one after "from" gave no answer.
fn none_from(doc: &Document, a: usize, lw: &[String]) -> Option<RawAttribution> {
    let there = lw.iter().take(5).position(|w| w == "there")?;
    let no = (there + 1..(there + 4).min(lw.len())).find(|&i| lw[i] == "no")?;
    if !lw[there + 1..no].iter().all(|w| matches!(w.as_str(), "has" | "have" | "had" | "been" | "was" | "is")) {
        return None;
    }
    let mut n = no + 1;
    if lw.get(n).is_some_and(|w| w == "immediate") {
        n += 1;
    }
    if !matches!(lw.get(n).map(String::as_str), Some("comment" | "response" | "reply" | "answer")) {
        return None;
    }
    let f = (n + 1..lw.len()).find(|&i| lw[i] == "from")?;
    let end = (f + 1..lw.len())
        .find(|&i| {
            matches!(lw[i].as_str(), "," | ";" | "which" | "who" | "about" | "on" | "regarding" | "to" | "over" | "as")
        })
        .unwrap_or(lw.len());
    if end <= f + 1 || end - f - 1 > 8 {
        return None;
    }
    let tok = |i: usize| doc.tokens[a + i].range;
    Some(RawAttribution {
        cue: TextRange::new(tok(no).start(), tok(n).end()),
        source: Some(TextRange::new(tok(f + 1).start(), tok(end - 1).end())),
        content: TextRange::new(tok(no).start(), tok(f - 1).end()),
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
            // a report's statement inside the subject: the verdict judges what it says
            ("A story claiming that Culkin died is a hoax.", Some(("is a hoax", "Culkin died"))),
            ("MORE: The ‘teacher filmed with student’ story is fake.", None),
            ("A “breaking news” report saying the actor died was fake.", Some(("was fake", "the actor died"))),
            (
                "The Kremlin has no information about the general's visit.",
                Some(("has no information", "the general's visit")),
            ),
            (
                "The ministry had no comment on the reports of a strike.",
                Some(("had no comment", "the reports of a strike")),
            ),
            ("He said the Kremlin has no information about it.", None),
            (
                "Edelman could not be reached for comment on Tuesday.",
                Some(("could not be reached", "could not be reached for comment on Tuesday")),
            ),
            ("Representatives for Culkin couldn't immediately be reached.", Some(("couldn't immediately be reached", "couldn't immediately be reached"))),
            (
                "Hunter's office did not return calls seeking comment.",
                Some(("did not return", "did not return calls seeking comment")),
            ),
            (
                "Officials working for President Goodluck Jonathan and Nigeria’s defense ministry didn’t answer calls to their mobile phones.",
                Some(("didn’t answer", "didn’t answer calls to their mobile phones")),
            ),
            (
                "An AOL News attempt to reach Texas Border Patrol officials was not successful.",
                Some(("attempt to reach", "attempt to reach Texas Border Patrol officials was not successful")),
            ),
            ("Efforts to reach the company for comment were unsuccessful.", Some(("Efforts to reach", "Efforts to reach the company for comment were unsuccessful"))),
            ("An attempt to reach the summit was successful.", None),
            (
                "It was not possible to reach the Syrian government for comment.",
                Some(("to reach", "not possible to reach the Syrian government for comment")),
            ),
            ("Reuters was unable to reach the ministry.", Some(("to reach", "unable to reach the ministry"))),
            ("It was not possible to reach the summit, he said.", None),
            ("Warner Bros representatives did not respond to inquiries.", Some(("did not respond", "did not respond to inquiries"))),
            ("Phelps has yet to comment on the split.", Some(("has yet to comment", "has yet to comment on the split"))),
            (
                "Contacted by AFP, the interior ministry could not immediately comment on the reports.",
                Some(("could not immediately comment", "could not immediately comment on the reports")),
            ),
            (
                "Miss Sandoval has not commented but is suspended from work.",
                Some(("has not commented", "has not commented")),
            ),
            ("So far there has been no comment from the CDC.", Some(("no comment", "no comment"))),
            ("The patient did not respond to treatment.", None),
            // no subject left once "also" is set aside
            ("Also could not be reached for comment.", None),
            // a goal not reached, a ball not returned: no one asked for comment
            ("The two sides have not reached an agreement.", None),
            ("He did not return to the team.", None),
            ("The talks, he said, could not be reached.", None),
        ];
        for (text, want) in cases {
            let d = doc(text);
            let got = verdicts(&d, &[]);
            let got = got.first().map(|r| (d.slice(r.cue), d.slice(r.content)));
            assert_eq!(got, *want, "{text}");
        }
    }

    #[test]
    fn no_response_sources() {
        let cases = [
            ("Edelman could not be reached for comment.", "Edelman"),
            ("Contacted by AFP, the interior ministry could not immediately comment.", "the interior ministry"),
            ("Langer also would not comment on the allegation.", "Langer"),
            ("He reportedly has yet to respond.", "He"),
            ("Still on?: Phelps has yet to comment on any of this.", "Phelps"),
            (
                "There was no immediate comment from the Obama administration about the raid.",
                "the Obama administration",
            ),
            (
                "Miss Sandoval, who teaches English at the school, has not commented.",
                "Miss Sandoval, who teaches English at the school",
            ),
            ("So far there has been no comment from the CDC, which had a team there.", "the CDC"),
            ("But representatives for Culkin didn't return messages.", "representatives for Culkin"),
            (
                "An AOL News attempt to reach Texas Border Patrol officials was not successful.",
                "Texas Border Patrol officials",
            ),
        ];
        for (text, want) in cases {
            let d = doc(text);
            let got = verdicts(&d, &[]);
            assert_eq!(got.first().and_then(|r| r.source).map(|s| d.slice(s)), Some(want), "{text}");
        }
    }
}
