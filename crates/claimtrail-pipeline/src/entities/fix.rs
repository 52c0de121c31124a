//! General repairs of the tagger's spans on ordinary news text, and outlet detection.
//!
//! - Titles in front of a person's name are not part of it ("President Vladimir Putin").
//! - A listed outlet ("RIA Novosti", "The Wall Street Journal") found in the text replaces the
//!   tagger's partial or missing span, and is an ORG of kind [`EntityKind::Outlet`].
//! - An ORG whose name has the shape of an outlet ("... News", "... Times", "Xinhua News
//!   Agency") or that the text calls one ("the Kommersant newspaper", "news agency Interfax")
//!   is an outlet too.

use claimtrail_core::{Document, EntityKind, NerLabel};

use super::features::lower_hash;
use super::gazetteer::{exact_hash, Gazetteers, GAZ_FIRST};
use super::{kind_of, TokenSpan};

/// Words that name a role in front of a person's name; they are not part of the name.
const TITLES: &[&str] = &[
    "president",
    "vice",
    "prime",
    "minister",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "dr",
    "dr.",
    "gen",
    "gen.",
    "general",
    "senator",
    "sen",
    "sen.",
    "rep",
    "rep.",
    "representative",
    "governor",
    "gov",
    "gov.",
    "secretary",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "chancellor",
    "judge",
    "justice",
    "ambassador",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chairman",
    "chairwoman",
    "director",
    "mayor",
    "premier",
    "sheikh",
    "ayatollah",
    "colonel",
    "col",
    "col.",
    "lt",
    "lt.",
    "captain",
    "capt",
    "capt.",
    "sergeant",
    "sgt",
    "sgt.",
    "commander",
    "admiral",
    "marshal",
    "lieutenant",
    "major",
    "maj",
    "maj.",
    "foreign",
    "defense",
    "defence",
    "deputy",
    "chief",
    "state",
    "sir",
    "lord",
    "lady",
    "dame",
    "professor",
    "prof",
    "prof.",
    "rev",
    "rev.",
    "reverend",
    "father",
    "archbishop",
    "bishop",
    "cardinal",
    "emir",
    "crown",
    "supreme",
    "leader",
    "former",
    "acting",
    "interim",
    "pres.",
    "presidential",
    "envoy",
    "attorney",
    "congressman",
    "congresswoman",
    "speaker",
    "ceo",
    "cfo",
    "coo",
    "officer",
    "executive",
];

/// Last words of outlet names.
const OUTLET_HEADS: &[&str] = &[
    "news",
    "times",
    "post",
    "journal",
    "gazette",
    "herald",
    "tribune",
    "telegraph",
    "chronicle",
    "daily",
    "newspaper",
    "magazine",
    "press",
    "observer",
    "courier",
    "gazeta",
    "izvestia",
    "pravda",
    "zeitung",
    "standard",
    "mirror",
    "inquirer",
    "examiner",
    "dispatch",
    "bulletin",
    "monitor",
    "channel",
    "television",
    "broadcasting",
];

/// Words before "Agency" that make it a news agency ("Xinhua News Agency").
const AGENCY_MODIFIERS: &[&str] = &["news", "press", "information", "telegraph", "telegraphic"];

/// Words that call the neighbouring name an outlet ("the Kommersant newspaper", "daily Vedomosti").
const OUTLET_NOUNS: &[&str] =
    &["newspaper", "daily", "weekly", "tabloid", "broadcaster", "magazine", "agency", "newswire"];

fn lower_in(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

fn word(doc: &Document, i: usize) -> &str {
    doc.slice(doc.tokens[i].range)
}

/// Role words that split a span: what follows is the person ("Iran Ayatollah Ali Khamenei",
/// "Boeing CEO Scott Carson").
const SPLIT_TITLES: &[&str] = &[
    "president",
    "minister",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ceo",
    "chairman",
    "chairwoman",
    "ayatollah",
    "sheikh",
    "chancellor",
    "governor",
    "senator",
    "mayor",
    "ambassador",
    "envoy",
    "premier",
    "king",
    "queen",
    "prince",
    "pope",
    "general",
    "gen.",
    "col.",
    "lt.",
    "sgt.",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "mr",
    "mrs",
    "ms",
    "dr",
    "director",
    "commander",
    "chief",
];

/// Determiners after which a capitalized common noun is no name ("the Agency").
const DETERMINERS: &[&str] = &["the", "a", "an", "this", "that", "its", "his", "her", "their", "our"];

/// Lowercase words allowed inside a name ("Bank of England", "Bashar al-Assad").
fn namey(w: &str) -> bool {
    w.chars().any(|c| c.is_uppercase() || c.is_numeric())
}

/// Spans after repairs, with their kinds, in text order. `case(word)` is the case statistics
/// bucket of a word (see [`super::features::case_bucket`]; 0 unknown).
pub fn repair(doc: &Document, spans: Vec<TokenSpan>, case: &dyn Fn(&str) -> u8) -> Vec<(TokenSpan, EntityKind)> {
    let gaz = Gazetteers::embedded();
    let spans = split_title_case(doc, spans, case, gaz);
    // Words the tagger puts in names away from sentence starts: evidence that a capitalized
    // word at a sentence start is a name ("Steve Jobs ... Jobs left.").
    let mut named: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for s in &spans {
        let first = doc.sentences.get(doc.tokens[s.start].sentence as usize).map_or(0, |x| x.tokens.start as usize);
        named.extend((s.start.max(first + 1)..s.end).map(|i| word(doc, i)));
    }
    let mut fixed: Vec<TokenSpan> = Vec::with_capacity(spans.len());
    for s in spans {
        for part in split_commas(doc, s).into_iter().flat_map(|p| split_parens(doc, p)) {
            for part in split_titles(doc, part).into_iter().flat_map(|p| split_after_institution(doc, p)) {
                let mut part = trim(doc, part);
                // "General Motors": an organization's head word decides before titles are stripped.
                if part.end - part.start >= 2 && lower_in(word(doc, part.end - 1), ORG_HEADS) {
                    part.label = NerLabel::Org;
                }
                let part = strip_titles(doc, part);
                // "I" is a pronoun, never a name of its own.
                let pronoun = part.end == part.start + 1 && word(doc, part.start) == "I";
                if part.start < part.end
                    && !pronoun
                    && !is_common_noun(doc, &part, case, gaz, &named)
                    && !only_titles(doc, &part, gaz)
                {
                    fixed.push(part);
                }
            }
        }
    }
    for s in &mut fixed {
        person_by_title(doc, s);
    }
    let mut fixed = join_particles(doc, fixed);
    extend_first_names(doc, &mut fixed, gaz);
    extend_org_heads(doc, &mut fixed);
    for s in &mut fixed {
        extend_portfolio(doc, s);
        if s.end - s.start >= 2 && lower_in(word(doc, s.end - 1), ORG_HEADS) {
            s.label = NerLabel::Org;
        }
    }
    relabel_surnames(doc, &mut fixed);
    majority_labels(doc, &mut fixed);
    let mut fixed = add_ministries(doc, fixed);
    for s in &mut fixed {
        let words: Vec<u64> = (s.start..s.end).map(|i| exact_hash(word(doc, i))).collect();
        if gaz.is_org_name(&words) {
            s.label = NerLabel::Org;
        }
    }
    let spans = merge_listed(doc, fixed, gaz);
    spans
        .into_iter()
        .map(|s| {
            if is_outlet(doc, &s, gaz) {
                (TokenSpan { label: NerLabel::Org, ..s }, EntityKind::Outlet)
            } else {
                (s, kind_of(s.label))
            }
        })
        .collect()
}

/// Listed outlets and organizations, matched with exact case inside each sentence (a one-word
/// organization not at the sentence start: "Apple pie"), merged into `spans`: a listed name
/// replaces partial or crossing spans; a span that holds it wins.
fn merge_listed(doc: &Document, spans: Vec<TokenSpan>, gaz: &Gazetteers) -> Vec<TokenSpan> {
    // (span, weak): a weak match ("the Guardian" for the listed "The Guardian") only fills a gap.
    let mut listed: Vec<(TokenSpan, bool)> = Vec::new();
    let mut exact: Vec<u64> = Vec::new();
    let mut with_the: Vec<u64> = Vec::new();
    let the = exact_hash("The");
    for s in &doc.sentences {
        let (a, b) = (s.tokens.start as usize, s.tokens.end as usize);
        exact.clear();
        exact.extend(doc.tokens[a..b].iter().map(|t| exact_hash(doc.slice(t.range))));
        let mut i = 0;
        while i < exact.len() {
            let org = || gaz.org_at(&exact[i..]).filter(|&len| len > 1 || i > 0);
            if let Some(len) = gaz.outlet_at(&exact[i..]).or_else(org) {
                listed.push((TokenSpan { start: a + i, end: a + i + len, label: NerLabel::Org }, false));
                i += len;
                continue;
            }
            if word(doc, a + i) == "the" && i + 1 < exact.len() {
                with_the.clear();
                with_the.push(the);
                with_the.extend(exact[i + 1..].iter().take(gaz.max_len));
                if let Some(len) = gaz.outlet_at(&with_the).filter(|&len| len >= 2) {
                    listed.push((TokenSpan { start: a + i + 1, end: a + i + len, label: NerLabel::Org }, true));
                    i += len;
                    continue;
                }
            }
            i += 1;
        }
    }
    if listed.is_empty() {
        return spans;
    }
    // words of the person names the tagger found
    let person_words: std::collections::HashSet<String> = spans
        .iter()
        .filter(|s| s.label == NerLabel::Per)
        .flat_map(|s| (s.start..s.end).map(|i| word(doc, i).to_lowercase()))
        .collect();
    // Both lists are sorted and each is free of overlaps: one merge pass.
    let mut out: Vec<TokenSpan> = Vec::with_capacity(spans.len() + listed.len());
    let mut spans = spans.into_iter().peekable();
    for (o, weak) in listed {
        while let Some(s) = spans.next_if(|s| s.end <= o.start) {
            out.push(s);
        }
        if out.last().is_some_and(|l| l.end > o.start) {
            continue; // inside a longer span kept before
        }
        let next_overlaps = spans.peek().is_some_and(|s| s.start < o.end);
        let holder = spans.peek().is_some_and(|s| s.start <= o.start && s.end >= o.end);
        // "told Reuters Kim was ...": a span that runs from a listed outlet on into a word that
        // names a person elsewhere is two names, the outlet and the person
        let run_on = spans.peek().filter(|s| s.start == o.start && s.end > o.end && !weak).map(|s| s.end);
        if let Some(end) = run_on.filter(|_| person_words.contains(&word(doc, o.end).to_lowercase())) {
            spans.next();
            out.push(o);
            out.push(TokenSpan { start: o.end, end, label: NerLabel::Per });
            continue;
        }
        if holder || weak && next_overlaps {
            continue;
        }
        while spans.next_if(|s| s.start < o.end).is_some() {}
        out.push(o);
    }
    out.extend(spans);
    out
}

/// Drops tokens that cannot start or end a name (lowercase words, punctuation).
fn trim(doc: &Document, mut s: TokenSpan) -> TokenSpan {
    // "de Silva": a name particle may start a person's name.
    while s.start < s.end
        && !namey(word(doc, s.start))
        && !(s.label == NerLabel::Per && s.end - s.start >= 2 && PARTICLES.contains(&word(doc, s.start)))
    {
        s.start += 1;
    }
    // A possessive the tagger kept is part of a name ("Lord's" the cricket ground).
    // "If I": the pronoun ends no organization or place ("Pedro I", "World War I" keep it).
    while matches!(s.label, NerLabel::Org | NerLabel::Loc) && s.end > s.start && word(doc, s.end - 1) == "I" {
        s.end -= 1;
    }
    while s.start < s.end && !namey(word(doc, s.end - 1)) && !is_possessive(word(doc, s.end - 1)) {
        // "Mladost (BJ)": a bracket closing one inside the name stays.
        if word(doc, s.end - 1) == ")" && (s.start..s.end).any(|i| word(doc, i) == "(") {
            break;
        }
        s.end -= 1;
    }
    s
}

/// Lowercase words inside Arabic, Dutch, German, Spanish, ... names ("Mohammed bin Salman").
const PARTICLES: &[&str] = &[
    "bin", "ibn", "bint", "al", "el", "van", "von", "der", "den", "de", "del", "da", "di", "du", "dos", "das", "la",
    "le",
];

/// "Mohammed bin Salman": a person's name, a name particle and a capitalized name right after it
/// make one person.
fn join_particles(doc: &Document, spans: Vec<TokenSpan>) -> Vec<TokenSpan> {
    let mut out: Vec<TokenSpan> = Vec::with_capacity(spans.len());
    for s in spans {
        if let Some(p) = out.last_mut() {
            if p.label == NerLabel::Per
                && p.end + 1 == s.start
                && PARTICLES.contains(&word(doc, p.end))
                && doc.tokens[p.end].sentence == doc.tokens[s.start].sentence
            {
                p.end = s.end;
                continue;
            }
        }
        out.push(s);
    }
    out
}

/// Titles that only stand before a person's name.
const PERSON_TITLES: &[&str] = &[
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "dr",
    "dr.",
    "gov",
    "gov.",
    "sen",
    "sen.",
    "rep",
    "rep.",
    "governor",
    "senator",
    "congressman",
    "congresswoman",
    "mayor",
    "ayatollah",
    "sheikh",
];

/// "Governor Pence" tagged as an organization is a person: a person's title and one to three
/// capitalized words make a person's name (the title itself is stripped). Lone first names are
/// left alone: "German", "Troy" and "Venice" are first names too.
fn person_by_title(doc: &Document, s: &mut TokenSpan) {
    if s.label == NerLabel::Per {
        return;
    }
    if (2..=4).contains(&(s.end - s.start))
        && lower_in(word(doc, s.start), PERSON_TITLES)
        && (s.start + 1..s.end).all(|i| word(doc, i).starts_with(char::is_uppercase))
    {
        s.label = NerLabel::Per;
        s.start += 1;
    }
}

/// "Ayatollah Ali Khamenei" tagged as "Khamenei": a listed first name or an initial right before a
/// person's name, and outside any other span, belongs to it.
fn extend_first_names(doc: &Document, spans: &mut [TokenSpan], gaz: &Gazetteers) {
    for k in 0..spans.len() {
        if spans[k].label != NerLabel::Per {
            continue;
        }
        let floor = if k > 0 { spans[k - 1].end } else { 0 };
        let s = &mut spans[k];
        while s.start > floor && doc.tokens[s.start - 1].sentence == doc.tokens[s.start].sentence && {
            let w = word(doc, s.start - 1);
            let initial = w.len() == 2 && w.starts_with(|c: char| c.is_ascii_uppercase()) && w.ends_with('.');
            initial || w.starts_with(char::is_uppercase) && gaz.has(lower_hash(w), GAZ_FIRST) && !lower_in(w, TITLES)
        } {
            s.start -= 1;
        }
    }
}

/// "General Motors" tagged as "Motors": a lone organization head word takes in the capitalized
/// words right before it that no other span holds.
fn extend_org_heads(doc: &Document, spans: &mut [TokenSpan]) {
    for k in 0..spans.len() {
        if spans[k].end - spans[k].start != 1 || !lower_in(word(doc, spans[k].start), ORG_HEADS) {
            continue;
        }
        let floor = if k > 0 { spans[k - 1].end } else { 0 };
        let s = &mut spans[k];
        let start = s.start;
        while s.start > floor
            && doc.tokens[s.start - 1].sentence == doc.tokens[start].sentence
            && word(doc, s.start - 1).starts_with(char::is_uppercase)
            && !lower_in(word(doc, s.start - 1), DETERMINERS)
        {
            s.start -= 1;
        }
        if s.start < start {
            s.label = NerLabel::Org;
        }
    }
}

/// Ministry portfolios written in lowercase before a capitalized "Ministry" ("the defense Ministry").
const PORTFOLIOS: &[&str] = &[
    "defense",
    "defence",
    "foreign",
    "interior",
    "finance",
    "justice",
    "health",
    "education",
    "economy",
    "emergencies",
    "energy",
    "agriculture",
    "culture",
    "trade",
    "transport",
    "labor",
    "labour",
    "environment",
    "communications",
];

/// "the defense Ministry": the lowercase portfolio is part of the ministry's name.
fn extend_portfolio(doc: &Document, s: &mut TokenSpan) {
    if s.label == NerLabel::Org
        && s.start > 0
        && word(doc, s.start).eq_ignore_ascii_case("ministry")
        && PORTFOLIOS.contains(&word(doc, s.start - 1))
        && doc.tokens[s.start - 1].sentence == doc.tokens[s.start].sentence
    {
        s.start -= 1;
    }
}

/// A span made of role words only ("CEO", "Prime Minister"); a single one that is also a name
/// ("King") stays.
fn only_titles(doc: &Document, s: &TokenSpan, gaz: &Gazetteers) -> bool {
    let single = s.end - s.start == 1;
    (s.start..s.end).all(|i| {
        let w = word(doc, i);
        (lower_in(w, TITLES) || lower_in(w, SPLIT_TITLES)) && !(single && gaz.in_any(lower_hash(w)))
    })
}

fn is_possessive(w: &str) -> bool {
    matches!(w, "'s" | "’s" | "'" | "’")
}

/// True when the sentence of token `i` is a headline in title case ("Russia Denies Report Of
/// Secret Meeting"): no lowercase word of five letters or more, and three or more capitalized
/// words after the first that are mostly written in lowercase (case bucket 4 or more).
fn title_case_sentence(doc: &Document, i: usize, case: &dyn Fn(&str) -> u8, gaz: &Gazetteers) -> bool {
    let Some(s) = doc.sentences.get(doc.tokens[i].sentence as usize) else { return false };
    let mut common = 0;
    for (k, t) in doc.sentence_tokens(s).iter().enumerate() {
        let w = doc.slice(t.range);
        if w.chars().all(char::is_lowercase) && w.chars().count() >= 5 {
            return false;
        }
        if k > 0 && is_common_capitalized(w, 4, case, gaz) {
            common += 1;
        }
    }
    common >= 3
}

/// A capitalized word mostly written in lowercase (case bucket `min` or more) and in no gazetteer
/// ("Report", "Between").
fn is_common_capitalized(w: &str, min: u8, case: &dyn Fn(&str) -> u8, gaz: &Gazetteers) -> bool {
    w.starts_with(char::is_uppercase)
        && w.chars().skip(1).all(char::is_lowercase)
        && case(w) >= min
        && !gaz.in_any(lower_hash(w))
}

/// In a title-case headline the tagger takes capitalized common words for names: a span made
/// mostly of them is dropped ("Of Secret Meeting Between"), others are cut out of spans.
fn split_title_case(
    doc: &Document,
    spans: Vec<TokenSpan>,
    case: &dyn Fn(&str) -> u8,
    gaz: &Gazetteers,
) -> Vec<TokenSpan> {
    let mut out = Vec::with_capacity(spans.len());
    let mut cache: Option<(u32, bool)> = None;
    for s in spans {
        let sent = doc.tokens[s.start].sentence;
        let title = match cache {
            Some((k, t)) if k == sent => t,
            _ => {
                let t = title_case_sentence(doc, s.start, case, gaz);
                cache = Some((sent, t));
                t
            }
        };
        if !title {
            out.push(s);
            continue;
        }
        let common = |i: usize| is_common_capitalized(word(doc, i), 4, case, gaz);
        // Mostly common words: no name at all ("Of Secret Meeting Between").
        if (s.start..s.end).filter(|&i| common(i)).count() * 2 >= s.end - s.start {
            continue;
        }
        let mut start = s.start;
        for i in s.start..=s.end {
            if i == s.end || common(i) {
                if start < i {
                    out.push(TokenSpan { start, end: i, ..s });
                }
                start = i + 1;
            }
        }
    }
    out
}

/// "the BBC, Prime Minister Boris Johnson", "Trump or Clinton": a name does not run across a
/// comma, a semicolon or "or".
fn split_commas(doc: &Document, s: TokenSpan) -> Vec<TokenSpan> {
    let mut out = Vec::new();
    let mut start = s.start;
    for i in s.start..s.end {
        if matches!(word(doc, i), "," | "or" | ";") {
            if start < i {
                out.push(TokenSpan { start, end: i, ..s });
            }
            start = i + 1;
        }
    }
    if start < s.end {
        out.push(TokenSpan { start, ..s });
    }
    out
}

/// Last words that make a name an organization ("Lehman Brothers", "Acme Corp."). Not "Bank" nor
/// "Federation": "West Bank" and "Russian Federation" are places.
const ORG_HEADS: &[&str] = &[
    "inc",
    "inc.",
    "corp",
    "corp.",
    "co.",
    "ltd",
    "ltd.",
    "llc",
    "plc",
    "gmbh",
    "group",
    "holdings",
    "brothers",
    "bros",
    "bros.",
    "investments",
    "airlines",
    "airways",
    "motors",
    "corporation",
    "company",
    "association",
    "institute",
    "party",
    "council",
    "committee",
    "ministry",
    "department",
    "commission",
    "foundation",
    "organisation",
    "organization",
    "authority",
    "agency",
    // institutions: "Johns Hopkins University" is no person
    "university",
    "college",
    "hospital",
    "academy",
    "school",
    "museum",
];

/// "European Aeronautic Defence and Space Company (EADS)": the name before the bracket and the
/// one inside it are two mentions.
fn split_parens(doc: &Document, s: TokenSpan) -> Vec<TokenSpan> {
    let Some(open) = (s.start..s.end).find(|&i| word(doc, i) == "(") else { return vec![s] };
    // "Mladost (BJ)": a one-word name with a bracketed qualifier stays whole.
    if open < s.start + 2 {
        return vec![s];
    }
    let close = (open..s.end).find(|&i| word(doc, i) == ")").unwrap_or(s.end);
    let mut out = vec![TokenSpan { end: open, ..s }, TokenSpan { start: open + 1, end: close, ..s }];
    if close + 1 < s.end {
        out.push(TokenSpan { start: close + 1, ..s });
    }
    out.retain(|p| p.start < p.end);
    out
}

/// "Iran Ayatollah Ali Khamenei", "Boeing CEO Scott Carson": a role word inside a span with a
/// capitalized name after it splits the span; the name after it is a person. The part before
/// keeps its label unless the span was a person.
fn split_titles(doc: &Document, s: TokenSpan) -> Vec<TokenSpan> {
    let Some(t) = (s.start + 1..s.end.saturating_sub(1)).rev().find(|&i| lower_in(word(doc, i), SPLIT_TITLES)) else {
        return vec![s];
    };
    if !(t + 1..s.end).all(|i| word(doc, i).starts_with(char::is_uppercase)) {
        return vec![s];
    }
    let mut out = Vec::with_capacity(2);
    // The words before the role, minus role modifiers ("Foreign Minister", "Vice President").
    let mut end = t;
    while end > s.start && lower_in(word(doc, end - 1), TITLES) {
        end -= 1;
    }
    if end > s.start && s.label != NerLabel::Per {
        out.push(TokenSpan { end, ..s });
    }
    out.push(TokenSpan { start: t + 1, end: s.end, label: NerLabel::Per });
    out
}

/// Heads of institution names after which a name cannot go on with a person's name.
const INSTITUTION_HEADS: &[&str] = &[
    "Ministry",
    "Department",
    "Office",
    "Commission",
    "Committee",
    "Council",
    "Agency",
    "LLC",
    "Inc.",
    "Corp.",
    "Ltd.",
    "Co.",
];

/// "the defense Ministry Sergei Shoigu": two or more capitalized words after an institution's
/// head word are the person who heads it.
fn split_after_institution(doc: &Document, s: TokenSpan) -> Vec<TokenSpan> {
    if s.label != NerLabel::Org || s.end - s.start < 3 {
        return vec![s];
    }
    let Some(h) = (s.start..s.end - 2).find(|&i| INSTITUTION_HEADS.contains(&word(doc, i))) else { return vec![s] };
    let tail_is_name = (h + 1..s.end).all(|i| {
        let w = word(doc, i);
        w.starts_with(char::is_uppercase)
            && w.chars().skip(1).all(char::is_lowercase)
            && w.len() > 1
            && !lower_in(w, &["of", "for", "and", "the", "on", "in", "to", "at", "affairs"])
    });
    if !tail_is_name {
        return vec![s];
    }
    vec![TokenSpan { end: h + 1, ..s }, TokenSpan { start: h + 1, end: s.end, label: NerLabel::Per }]
}

/// A single capitalized common noun after a determiner or at a sentence start ("the Agency",
/// "Officials said"): a word mostly written in lowercase (case bucket 4 or more); at a sentence
/// start also in no gazetteer and in no name elsewhere in the article.
fn is_common_noun(
    doc: &Document,
    s: &TokenSpan,
    case: &dyn Fn(&str) -> u8,
    gaz: &Gazetteers,
    named: &std::collections::HashSet<&str>,
) -> bool {
    if s.end - s.start != 1 {
        return false;
    }
    let w = word(doc, s.start);
    let bucket = case(w);
    if bucket < 4 || w.chars().skip(1).any(char::is_uppercase) {
        return false;
    }
    let sent = doc.tokens[s.start].sentence as usize;
    let first = doc.sentences.get(sent).is_none_or(|x| x.tokens.start as usize == s.start);
    if first {
        // "Brown said", "Jobs left": names that are also common words stay names at a sentence
        // start when listed or named elsewhere in the article.
        !gaz.in_any(lower_hash(w)) && !named.contains(w)
    } else {
        s.start > 0 && lower_in(word(doc, s.start - 1), DETERMINERS)
    }
}

/// A one-word mention that repeats the surname of a person named in full elsewhere in the
/// article, or a gendered form of it ("Zakharova" / "Zakharov"), is that person.
fn relabel_surnames(doc: &Document, spans: &mut [TokenSpan]) {
    use std::collections::{HashMap, HashSet};
    // First full person's name ending in each word, and how many person spans end in it.
    let mut first_full: HashMap<&str, usize> = HashMap::new();
    let mut per_last: HashMap<&str, usize> = HashMap::new();
    // Words inside longer names of other things ("Ford Motor Company").
    let mut in_other: HashSet<&str> = HashSet::new();
    for (k, s) in spans.iter().enumerate() {
        let last = word(doc, s.end - 1);
        if s.label == NerLabel::Per {
            *per_last.entry(last).or_default() += 1;
            if s.end - s.start >= 2 && last.chars().count() >= 4 {
                first_full.entry(last).or_insert(k);
            }
        } else if s.end - s.start >= 2 {
            in_other.extend((s.start..s.end).map(|i| word(doc, i)));
        }
    }
    if first_full.is_empty() {
        return;
    }
    let candidates: Vec<(usize, Vec<String>)> = (0..spans.len())
        .filter(|&k| !matches!(spans[k].label, NerLabel::Per | NerLabel::Loc) && spans[k].end - spans[k].start == 1)
        .map(|k| (k, surname_variants(word(doc, spans[k].start))))
        .filter(|(_, vs)| vs.iter().any(|v| first_full.contains_key(v.as_str())))
        .collect();
    let mut as_other: HashMap<&str, usize> = HashMap::new();
    for (k, _) in &candidates {
        *as_other.entry(word(doc, spans[*k].start)).or_default() += 1;
    }
    // "Ford" the company, named eight times and once as "Ford Motor Company", stays a company
    // when "William Clay Ford" appears once; names are introduced in full, then shortened.
    for (k, variants) in &candidates {
        let w = word(doc, spans[*k].start);
        let introduced = variants.iter().any(|v| first_full.get(v.as_str()).is_some_and(|&f| f < *k));
        if !introduced {
            continue;
        }
        let as_person: usize = variants.iter().map(|v| per_last.get(v.as_str()).copied().unwrap_or(0)).sum();
        if as_other[w] <= as_person || !in_other.contains(w) {
            spans[*k].label = NerLabel::Per;
        }
    }
}

/// The word and the forms that differ from it by a gendered surname ending of a stem of five or
/// more bytes ("Zakharov" / "Zakharova").
fn surname_variants(w: &str) -> Vec<String> {
    const ENDINGS: [&str; 4] = ["a", "aya", "ova", "eva"];
    let mut out = vec![w.to_string()];
    if w.len() >= 5 {
        out.extend(ENDINGS.iter().map(|e| format!("{w}{e}")));
    }
    for e in ENDINGS {
        if let Some(stem) = w.strip_suffix(e).filter(|s| s.len() >= 5) {
            out.push(stem.to_string());
        }
    }
    out
}

/// One-word mentions of a word take the label the article gives it clearly more often ("Iran"
/// five times a place, once tagged otherwise).
fn majority_labels(doc: &Document, spans: &mut [TokenSpan]) {
    let mut singles: Vec<(&str, usize)> =
        spans.iter().enumerate().filter(|(_, s)| s.end - s.start == 1).map(|(k, s)| (word(doc, s.start), k)).collect();
    singles.sort_unstable();
    for group in singles.chunk_by(|a, b| a.0 == b.0) {
        if group.len() < 3 {
            continue;
        }
        let mut counts = [0usize; 4];
        for &(_, k) in group {
            counts[super::train::label_index(spans[k].label) as usize] += 1;
        }
        let (best, &n) = counts.iter().enumerate().max_by_key(|&(i, &n)| (n, std::cmp::Reverse(i))).expect("4");
        let best = super::train::label_of(best as u8);
        for &(_, k) in group {
            let own = counts[super::train::label_index(spans[k].label) as usize];
            if n >= 2 && n > 2 * own {
                spans[k].label = best;
            }
        }
    }
}

/// Modifiers of a capitalized "Ministry" or "Department" that belong to its name, besides the
/// [`PORTFOLIOS`].
const MINISTRY_MODIFIERS: &[&str] = &["state", "treasury", "commerce", "homeland", "security", "affairs", "home"];

/// "the Russian Foreign Ministry", "the State Department", "the Ministry of Defence": ministries
/// the tagger missed, found by their head word.
fn add_ministries(doc: &Document, spans: Vec<TokenSpan>) -> Vec<TokenSpan> {
    let mut out: Vec<TokenSpan> = Vec::with_capacity(spans.len());
    let mut spans = spans.into_iter().peekable();
    let mut next_free = 0usize;
    for i in 0..doc.tokens.len() {
        while let Some(s) = spans.next_if(|s| s.start <= i) {
            next_free = next_free.max(s.end);
            out.push(s);
        }
        let w = word(doc, i);
        if i < next_free || !(w == "Ministry" || w == "Department") {
            continue;
        }
        let sent = doc.tokens[i].sentence;
        let same = |k: usize| doc.tokens[k].sentence == sent;
        let floor = out.last().map_or(0, |s| s.end);
        let mut start = i;
        while start > floor && same(start - 1) && {
            let m = word(doc, start - 1);
            m.starts_with(char::is_uppercase) && (lower_in(m, PORTFOLIOS) || lower_in(m, MINISTRY_MODIFIERS))
        } {
            start -= 1;
        }
        let ceiling = spans.peek().map_or(doc.tokens.len(), |s| s.start);
        let mut end = i + 1;
        if end + 1 < ceiling
            && same(end + 1)
            && word(doc, end) == "of"
            && word(doc, end + 1).starts_with(char::is_uppercase)
        {
            end += 2;
            while end < ceiling && same(end) && word(doc, end).starts_with(char::is_uppercase) {
                end += 1;
            }
        }
        if start == i && end == i + 1 {
            continue; // a bare "Ministry" names nothing by itself
        }
        out.push(TokenSpan { start, end, label: NerLabel::Org });
        next_free = end;
    }
    out.extend(spans);
    out
}

/// Drops role words in front of a person's name ("President Vladimir Putin"): only when a
/// capitalized word of the name remains; and role words at the end of a nationality or name.
fn strip_titles(doc: &Document, mut s: TokenSpan) -> TokenSpan {
    while s.label == NerLabel::Per && s.end - s.start >= 2 && lower_in(word(doc, s.start), TITLES) {
        let next = word(doc, s.start + 1);
        if !next.starts_with(char::is_uppercase) {
            break;
        }
        s.start += 1;
    }
    // "Iranian General": a trailing role word is no part of a nationality or a name.
    if s.label == NerLabel::Misc {
        while s.end - s.start >= 2 && lower_in(word(doc, s.end - 1), SPLIT_TITLES) {
            s.end -= 1;
        }
    }
    s
}

/// True when the span names a news outlet: a listed name, a name of outlet shape, or a name
/// the text calls an outlet.
fn is_outlet(doc: &Document, s: &TokenSpan, gaz: &Gazetteers) -> bool {
    let words: Vec<u64> = (s.start..s.end).map(|i| lower_hash(word(doc, i))).collect();
    let without_the =
        if s.end - s.start >= 2 && word(doc, s.start).eq_ignore_ascii_case("the") { &words[1..] } else { &words[..] };
    if gaz.is_outlet_name(&words) || gaz.is_outlet_name(without_the) {
        return true;
    }
    // "the Guardian" tagged without its article: the listed name is "The Guardian" (a location
    // stays one, "crossed the Atlantic", unless someone told it: "told the Telegraph")
    let told = s.start > 1 && matches!(word(doc, s.start - 2), "told" | "tells" | "tell");
    if (s.label != NerLabel::Loc || told) && s.start > 0 && word(doc, s.start - 1) == "the" {
        let mut with_the = Vec::with_capacity(words.len() + 1);
        with_the.push(lower_hash("the"));
        with_the.extend_from_slice(&words);
        if gaz.is_outlet_name(&with_the) {
            return true;
        }
    }
    if s.label != NerLabel::Org && s.label != NerLabel::Misc {
        return false;
    }
    let last = word(doc, s.end - 1);
    if s.end - s.start >= 2 && lower_in(last, OUTLET_HEADS) {
        return true;
    }
    if s.end - s.start >= 2 && last.eq_ignore_ascii_case("agency") && lower_in(word(doc, s.end - 2), AGENCY_MODIFIERS) {
        return true;
    }
    if s.label != NerLabel::Org {
        return false;
    }
    let sentence = doc.sentences.get(doc.tokens[s.start].sentence as usize);
    let (sent_start, sent_end) = sentence.map_or((0, 0), |x| (x.tokens.start as usize, x.tokens.end as usize));
    // "the Kommersant newspaper", "Interfax news agency".
    if s.end < sent_end {
        let next = word(doc, s.end);
        let lower = next.chars().all(char::is_lowercase);
        if lower && lower_in(next, OUTLET_NOUNS) && next != "agency" {
            return true;
        }
        if lower
            && next == "news"
            && s.end + 1 < sent_end
            && lower_in(word(doc, s.end + 1), &["agency", "service", "outlet", "website", "network"])
        {
            return true;
        }
    }
    // "the daily Vedomosti", "news agency Interfax".
    if s.start > sent_start {
        let prev = word(doc, s.start - 1);
        if prev.chars().all(char::is_lowercase) && lower_in(prev, OUTLET_NOUNS) {
            // "investigative agency BEA" is no outlet; "news agency Interfax" is.
            return prev != "agency"
                || s.start >= sent_start + 2 && lower_in(word(doc, s.start - 2), &["news", "press"]);
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimtrail_core::Meta;

    /// A document whose sentences and tokens are the given space-separated words.
    fn doc_of(text: &str) -> Document {
        let mut doc = Document::new(Meta::default(), text);
        let seg = crate::segment::segment(text);
        doc.sentences = seg.sentences;
        doc.tokens = seg.tokens;
        doc
    }

    /// The span of `text`, or of its n-th occurrence for `text#n`.
    fn span(doc: &Document, text: &str, label: NerLabel) -> TokenSpan {
        let (text, nth) = text.split_once('#').map_or((text, 1), |(t, n)| (t, n.parse().unwrap()));
        let start = doc.text().match_indices(text).nth(nth - 1).unwrap().0;
        let r = doc.tokens_in(claimtrail_core::TextRange::from_usize(start, start + text.len()));
        TokenSpan { start: r.start, end: r.end, label }
    }

    #[test]
    fn repairs() {
        use EntityKind::*;
        use NerLabel::*;
        type Case<'a> = (&'a str, &'a [(&'a str, NerLabel)], &'a [(&'a str, EntityKind)]);
        let cases: &[Case] = &[
            ("President Vladimir Putin spoke.", &[("President Vladimir Putin", Per)], &[("Vladimir Putin", Person)]),
            ("Mr. Smith left.", &[("Mr. Smith", Per)], &[("Smith", Person)]),
            ("She was quoted by RIA Novosti on Monday.", &[("RIA", Org)], &[("RIA Novosti", Outlet)]),
            (
                // a span running from a listed outlet into a person's name is two names
                "Kim Jong Un is fine, So told Reuters Kim was well.",
                &[("Kim Jong Un", Per), ("Reuters Kim", Org)],
                &[("Kim Jong Un", Person), ("Reuters", Outlet), ("Kim", Person)],
            ),
            (
                "The Wall Street Journal said so.",
                &[("Wall Street Journal", Org)],
                &[("The Wall Street Journal", Outlet)],
            ),
            ("Reuters said so.", &[], &[("Reuters", Outlet)]),
            ("He told the Kommersant newspaper about it.", &[("Kommersant", Org)], &[("Kommersant", Outlet)]),
            ("He told the daily Vedomostix.", &[("Vedomostix", Org)], &[("Vedomostix", Outlet)]),
            ("The Daily Planet Times ran it.", &[("Daily Planet Times", Org)], &[("Daily Planet Times", Outlet)]),
            ("Xinhua News Agency said.", &[("Xinhua News Agency", Org)], &[("Xinhua News Agency", Outlet)]),
            (
                "The Atomic Energy Agency said.",
                &[("Atomic Energy Agency", Org)],
                &[("Atomic Energy Agency", Organization)],
            ),
            ("The Foreign Ministry said.", &[("Foreign Ministry", Org)], &[("Foreign Ministry", Organization)]),
            ("Fox News Channel said.", &[("Fox News Channel", Org)], &[("Fox News Channel", Outlet)]),
            ("Interfax news agency said.", &[("Interfax", Org)], &[("Interfax", Outlet)]),
            ("Russian television said.", &[("Russian", Misc)], &[("Russian", Other)]),
            (
                "Iran Ayatollah Ali Khamenei spoke.",
                &[("Iran Ayatollah Ali Khamenei", Loc)],
                &[("Iran", Location), ("Ali Khamenei", Person)],
            ),
            (
                "Boeing Airplanes CEO Scott Carson spoke.",
                &[("Boeing Airplanes CEO Scott Carson", Org)],
                &[("Boeing Airplanes", Organization), ("Scott Carson", Person)],
            ),
            ("Acme and EADS plan it.", &[("Acme and EADS plan", Org)], &[("Acme and EADS", Organization)]),
            (
                "Acme Corp (ACME) said.",
                &[("Acme Corp (ACME)", Org)],
                &[("Acme Corp", Organization), ("ACME", Organization)],
            ),
            ("He told the Agency so.", &[("Agency", Org)], &[]),
            ("Officials said so.", &[("Officials", Org)], &[]),
            ("The Iranian General left.", &[("Iranian General", Misc)], &[("Iranian", Other)]),
            (
                "Apple CEO Tim Cook spoke.",
                &[("Apple", Org), ("CEO Tim Cook", Per)],
                &[("Apple", Organization), ("Tim Cook", Person)],
            ),
            ("The CEO spoke.", &[("CEO", Org)], &[]),
            (
                "Speaking to the BBC, Prime Minister Boris Johnson said.",
                &[("BBC, Prime Minister", Org), ("Boris Johnson", Per)],
                &[("BBC", Outlet), ("Boris Johnson", Person)],
            ),
            (
                "The Russian Foreign Ministry and the Ministry of Defence said.",
                &[("Russian", Misc)],
                &[("Russian", Other), ("Foreign Ministry", Organization), ("Ministry of Defence", Organization)],
            ),
            ("The State Department said.", &[], &[("State Department", Organization)]),
            ("The Ministry said.", &[], &[]),
            (
                "Iran said. Iran Ayatollah spoke. Iran and Iran agreed.",
                &[("Iran", Loc), ("Iran Ayatollah", Misc), ("Iran#3", Loc), ("Iran#4", Loc)],
                &[("Iran", Location), ("Iran", Location), ("Iran", Location), ("Iran", Location)],
            ),
            ("Lehman Brothers fell.", &[("Lehman Brothers", Loc)], &[("Lehman Brothers", Organization)]),
            ("King said so.", &[("King", Per)], &[("King", Person)]),
            ("Billie Jean King said.", &[("Billie Jean King", Per)], &[("Billie Jean King", Person)]),
            ("Bowling: de Silva 4-0.", &[("de Silva", Per)], &[("de Silva", Person)]),
            ("Mladost (BJ) 4 0", &[("Mladost (BJ)", Org)], &[("Mladost (BJ)", Organization)]),
            (
                "Crown Prince Mohammed bin Salman said.",
                &[("Mohammed", Per), ("Salman", Loc)],
                &[("Mohammed bin Salman", Person)],
            ),
            ("Ayatollah Ali Khamenei said.", &[("Khamenei", Per)], &[("Ali Khamenei", Person)]),
            (
                "The defense Ministry Sergei Shoigu said.",
                &[("Ministry Sergei Shoigu", Org)],
                &[("defense Ministry", Organization), ("Sergei Shoigu", Person)],
            ),
            (
                "The Ministry Of Defence said.",
                &[("Ministry Of Defence", Org)],
                &[("Ministry Of Defence", Organization)],
            ),
            ("General Motors said.", &[("General Motors", Per)], &[("General Motors", Organization)]),
            ("General Motors said.", &[("Motors", Per)], &[("General Motors", Organization)]),
            ("The Group said.", &[("Group", Org)], &[]),
            ("Shares of The Airlines fell.", &[("Airlines", Org)], &[("Airlines", Organization)]),
            ("A spokesperson for Google declined.", &[("Google", Per)], &[("Google", Organization)]),
            ("The automaker General Motors said.", &[], &[("General Motors", Organization)]),
            ("Google said.", &[], &[]),
            ("He told the Guardian so.", &[], &[("Guardian", Outlet)]),
            ("He told the Guardian so.", &[("Guardian", Org)], &[("Guardian", Outlet)]),
            ("They crossed the Atlantic.", &[("Atlantic", Loc)], &[("Atlantic", Location)]),
            (
                "Russia Denies Report Of Secret Meeting Between Lavrov And Khamenei",
                &[("Russia", Loc), ("Of Secret Meeting Between", Per), ("Khamenei", Per)],
                &[("Russia", Location), ("Khamenei", Person)],
            ),
            ("The Bank Of England said.", &[("Bank Of England", Org)], &[("Bank Of England", Organization)]),
            ("The Apple website said.", &[("Apple", Org)], &[("Apple", Organization)]),
            ("The Apple TV is new.", &[("Apple TV", Org)], &[("Apple TV", Organization)]),
            (
                "Chrysler LLC Jim Press said.",
                &[("Chrysler LLC Jim Press", Org)],
                &[("Chrysler LLC", Organization), ("Jim Press", Person)],
            ),
            ("The investigative agency BEA said.", &[("BEA", Org)], &[("BEA", Organization)]),
            ("The news agency Interfax said.", &[("Interfax", Org)], &[("Interfax", Outlet)]),
            ("The news agency Novostix said.", &[("Novostix", Org)], &[("Novostix", Outlet)]),
            ("Then I go and I win.", &[("I", Org), ("I#2", Org)], &[]),
            (
                "Pence: Anna Berg Won’t Be at Debate, Trump Was ‘Mocking’ Clinton Camp.",
                &[("Anna Berg Won’t Be at Debate", Org), ("Trump Was ‘Mocking’ Clinton Camp", Org)],
                &[("Anna Berg", Organization), ("Trump", Organization), ("Clinton Camp", Organization)],
            ),
            ("Governor Pence said.", &[("Governor Pence", Org)], &[("Pence", Person)]),
            ("They met in Georgia.", &[("Georgia", Loc)], &[("Georgia", Location)]),
            ("Trump or Clinton will win.", &[("Trump or Clinton", Loc)], &[("Trump", Location), ("Clinton", Location)]),
            ("If I go.", &[("If I", Org)], &[]),
            ("He met J. Smith.", &[("Smith", Per)], &[("J. Smith", Person)]),
            ("He met Anna de Vries.", &[("Anna", Per), ("Vries", Per)], &[("Anna de Vries", Person)]),
            ("Paris de Boer", &[("Paris", Loc), ("Boer", Per)], &[("Paris", Location), ("Boer", Person)]),
            ("the defense Ministry said.", &[("Ministry", Org)], &[("defense Ministry", Organization)]),
            (
                "Ford Motor hired Anna Ford. Ford grew. Ford sold.",
                &[("Ford Motor", Org), ("Anna Ford", Per), ("Ford#3", Org), ("Ford#4", Org)],
                &[("Ford Motor", Organization), ("Anna Ford", Person), ("Ford", Organization), ("Ford", Organization)],
            ),
            (
                "Apple hired Steve Jobs. Jobs left. Jobs came back.",
                &[("Apple", Org), ("Steve Jobs", Per), ("Jobs#2", Org), ("Jobs#3", Org)],
                &[("Apple", Organization), ("Steve Jobs", Person), ("Jobs", Person), ("Jobs", Person)],
            ),
            (
                "Maria Petrova spoke. Petrov said.",
                &[("Maria Petrova", Per), ("Petrov#2", Org)],
                &[("Maria Petrova", Person), ("Petrov", Person)],
            ),
        ];
        for (text, tagged, want) in cases {
            let doc = doc_of(text);
            let spans = tagged.iter().map(|(t, l)| span(&doc, t, *l)).collect();
            let got: Vec<(String, EntityKind)> = repair(&doc, spans, &|w: &str| {
                crate::entities::model::Model::embedded().map_or(0, |m| m.case_of(lower_hash(w)))
            })
            .into_iter()
            .map(|(s, k)| {
                let r = claimtrail_core::TextRange::new(
                    doc.tokens[s.start].range.start(),
                    doc.tokens[s.end - 1].range.end(),
                );
                (doc.slice(r).to_string(), k)
            })
            .collect();
            let want: Vec<(String, EntityKind)> = want.iter().map(|(s, k)| (s.to_string(), *k)).collect();
            assert_eq!(got, want, "{text}");
        }
    }
}
