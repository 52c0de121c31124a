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
use super::gazetteer::{exact_hash, Gazetteers};
use super::{kind_of, TokenSpan};

/// Words that name a role in front of a person's name; they are not part of the name.
const TITLES: &[&str] = &[
    "president", "vice", "prime", "minister", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "gen", "gen.",
    "general", "senator", "sen", "sen.", "rep", "rep.", "representative", "governor", "gov", "gov.", "secretary",
    "king", "queen", "prince", "princess", "pope", "chancellor", "judge", "justice", "ambassador", "spokesman",
    "spokeswoman", "spokesperson", "chairman", "chairwoman", "director", "mayor", "premier", "sheikh", "ayatollah",
    "colonel", "col", "col.", "lt", "lt.", "captain", "capt", "capt.", "sergeant", "sgt", "sgt.", "commander",
    "admiral", "marshal", "lieutenant", "major", "maj", "maj.", "foreign", "defense", "defence", "deputy", "chief",
    "state", "sir", "lord", "lady", "dame", "professor", "prof", "prof.", "rev", "rev.", "reverend", "father",
    "archbishop", "bishop", "cardinal", "emir", "crown", "supreme", "leader", "former", "acting", "interim",
    "pres.", "presidential", "envoy", "attorney", "congressman", "congresswoman", "speaker",
];

/// Last words of outlet names.
const OUTLET_HEADS: &[&str] = &[
    "news", "times", "post", "journal", "gazette", "herald", "tribune", "telegraph", "chronicle", "daily", "newspaper",
    "magazine", "press", "observer", "courier", "gazeta", "izvestia", "pravda", "zeitung", "standard", "mirror",
    "inquirer", "examiner", "dispatch", "bulletin", "monitor", "channel", "tv", "radio", "television", "broadcasting",
];

/// Words before "Agency" that make it a news agency ("Xinhua News Agency").
const AGENCY_MODIFIERS: &[&str] = &["news", "press", "information", "telegraph", "telegraphic"];

/// Words that call the neighbouring name an outlet ("the Kommersant newspaper", "daily Vedomosti").
const OUTLET_NOUNS: &[&str] = &[
    "newspaper",
    "daily",
    "weekly",
    "tabloid",
    "broadcaster",
    "magazine",
    "agency",
    "outlet",
    "channel",
    "network",
    "newswire",
    "wire",
    "website",
    "paper",
    "radio",
    "television",
    "tv",
];

fn lower_in(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

fn word(doc: &Document, i: usize) -> &str {
    doc.slice(doc.tokens[i].range)
}

/// Spans after repairs, with their kinds, in text order.
pub fn repair(doc: &Document, spans: Vec<TokenSpan>) -> Vec<(TokenSpan, EntityKind)> {
    let gaz = Gazetteers::embedded();
    let mut spans: Vec<TokenSpan> = spans.into_iter().map(|s| strip_titles(doc, s)).collect();
    let exact: Vec<u64> = doc.tokens.iter().map(|t| exact_hash(doc.slice(t.range))).collect();

    // Listed outlets, matched with exact case inside a sentence.
    let mut outlet_spans: Vec<TokenSpan> = Vec::new();
    for s in &doc.sentences {
        let (a, b) = (s.tokens.start as usize, s.tokens.end as usize);
        let mut i = a;
        while i < b {
            match gaz.outlet_at(&exact[i..b]) {
                Some(len) => {
                    outlet_spans.push(TokenSpan { start: i, end: i + len, label: NerLabel::Org });
                    i += len;
                }
                None => i += 1,
            }
        }
    }
    for o in outlet_spans {
        let overlapping: Vec<usize> =
            (0..spans.len()).filter(|&k| spans[k].start < o.end && o.start < spans[k].end).collect();
        // A longer tagged name that holds the outlet's name ("Fox News Channel") wins.
        if overlapping.iter().any(|&k| spans[k].start <= o.start && spans[k].end >= o.end) {
            continue;
        }
        // Otherwise the listed name replaces partial or crossing spans.
        for &k in overlapping.iter().rev() {
            spans.remove(k);
        }
        let at = spans.partition_point(|s| s.start < o.start);
        spans.insert(at, o);
    }

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

/// Drops role words in front of a person's name ("President Vladimir Putin"): only when a
/// capitalized word of the name remains.
fn strip_titles(doc: &Document, mut s: TokenSpan) -> TokenSpan {
    if s.label != NerLabel::Per {
        return s;
    }
    while s.end - s.start >= 2 && lower_in(word(doc, s.start), TITLES) {
        let next = word(doc, s.start + 1);
        if !next.starts_with(char::is_uppercase) {
            break;
        }
        s.start += 1;
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
    if s.label != NerLabel::Org && s.label != NerLabel::Misc {
        return false;
    }
    let last = word(doc, s.end - 1);
    if s.end - s.start >= 2 && lower_in(last, OUTLET_HEADS) {
        return true;
    }
    if s.end - s.start >= 2 && last.eq_ignore_ascii_case("agency") && lower_in(word(doc, s.end - 2), AGENCY_MODIFIERS)
    {
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
            return true;
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

    fn span(doc: &Document, text: &str, label: NerLabel) -> TokenSpan {
        let start = doc.text().find(text).unwrap();
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
            ("The Wall Street Journal said so.", &[("Wall Street Journal", Org)], &[("The Wall Street Journal", Outlet)]),
            ("Reuters said so.", &[], &[("Reuters", Outlet)]),
            ("He told the Kommersant newspaper about it.", &[("Kommersant", Org)], &[("Kommersant", Outlet)]),
            ("He told the daily Vedomostix.", &[("Vedomostix", Org)], &[("Vedomostix", Outlet)]),
            ("The Daily Planet Times ran it.", &[("Daily Planet Times", Org)], &[("Daily Planet Times", Outlet)]),
            ("Xinhua News Agency said.", &[("Xinhua News Agency", Org)], &[("Xinhua News Agency", Outlet)]),
            ("The Atomic Energy Agency said.", &[("Atomic Energy Agency", Org)], &[("Atomic Energy Agency", Organization)]),
            ("The Foreign Ministry said.", &[("Foreign Ministry", Org)], &[("Foreign Ministry", Organization)]),
            ("Fox News Channel said.", &[("Fox News Channel", Org)], &[("Fox News Channel", Outlet)]),
            ("Interfax news agency said.", &[("Interfax", Org)], &[("Interfax", Outlet)]),
            ("Russian television said.", &[("Russian", Misc)], &[("Russian", Other)]),
        ];
        for (text, tagged, want) in cases {
            let doc = doc_of(text);
            let spans = tagged.iter().map(|(t, l)| span(&doc, t, *l)).collect();
            let got: Vec<(String, EntityKind)> = repair(&doc, spans)
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
