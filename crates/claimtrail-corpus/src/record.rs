//! The per-article record types and [`build_record`].
//!
//! - **Entities**: one [`EntityRecord`] per entity of the analysis, same order. `keys` are the
//!   folded canonical name ([`fold_name`]), for a person of three words or more also the folded
//!   "first last" ("Mohammad Javad Zarif" is also "Mohammad Zarif"), then folded aliases that
//!   are several words long (or any alias of a non-person: "Moscow" for "the Kremlin" is not a
//!   surname). `surname` is a person's folded last word without suffixes (Jr., III).
//! - **Claims**: first the claims of the analysis (`c1`, ... in order, with the claim linker's
//!   event class, participants, time value), then the article's **own-voice** claims (`o1`,
//!   ...): sentences that overlap no attribution's cue or content, are not questions, and carry
//!   an event frame (an event done, dated, or between two parties), at most
//!   [`MAX_OWN_VOICE`] per article. An own-voice frame that is the same proposition as a claim
//!   already made ([`crate::same_claim_in_article`]) joins that claim instead. Every
//!   claim gets content `terms`. Outlets among other persons or organizations are not parties
//!   (a source leaking into the content: "..., the newspaper X reported").
//! - **Statements**: one per attribution (claim, source, kind, stance, via chain, said-on value,
//!   quoted words, char span), then one per own-voice sentence and frame. The article's own
//!   voice (and an attribution whose cue has no source, "X reportedly met Y") is the outlet
//!   (`meta.outlet`, else "the article") with kind `document`; it asserts, hedges when the
//!   sentence has a hedge cue (reportedly, allegedly, may/might/could have, is said / reported /
//!   believed to, appears to, unconfirmed, rumored, ...), and denies when a negation stands in
//!   the four words before the event word ("did not meet", "never visited", "no such visit").

use claimtrail_core::contract::Analysis;
use claimtrail_core::{CharMap, Document, EntityId, EntityKind, Stance, TextRange, TokenKind};
use claimtrail_pipeline::claims::{EventFinder, EventFrame};
use serde::{Deserialize, Serialize};

use crate::hash::content_hash;
use crate::names::{fold_name, surname};
use crate::signature::{same_claim_in_article, ClaimSig};
use crate::terms::terms;

/// Everything the store needs to know about one analyzed article.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ArticleRecord {
    /// The analysis in the public contract (character offsets).
    pub analysis: Analysis,
    /// Hex digest of the normalized text: equal texts, equal hashes.
    pub content_hash: String,
    /// MinHash signature of word shingles ([`crate::fingerprint()`]).
    pub fingerprint: Vec<u32>,
    /// One record per entity of `analysis.entities`, in the same order.
    pub entities: Vec<EntityRecord>,
    /// Claims: one per claim of `analysis.claims` (same order), then the article's own-voice claims.
    pub claims: Vec<ClaimRecord>,
    /// Statements about claims (or about nothing linkable, `claim: None`).
    pub statements: Vec<StatementRecord>,
}

/// One entity of the article with the keys that link it across articles.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EntityRecord {
    /// Local id in the analysis (`e1`).
    pub local: String,
    /// Canonical name as the article writes it.
    pub name: String,
    /// Contract kind: person, organization, outlet, location, anonymous, ...
    pub kind: String,
    /// Folded name keys, most specific first ([`fold_name`] of the name and each alias).
    pub keys: Vec<String>,
    /// For persons: the folded surname, which may link a surname-only mention elsewhere.
    pub surname: Option<String>,
    /// Roles and descriptions ("Kremlin spokesman").
    pub roles: Vec<String>,
}

/// A claim's wording-independent signature.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ClaimRecord {
    /// Local claim id in the analysis (`c1`), or `o1`, `o2`, ... for own-voice claims.
    pub local: String,
    /// Short statement of the proposition.
    pub gist: String,
    /// Event class ("meet", "visit", ...), when the contents have an event word.
    pub event: Option<String>,
    /// Participants: indices into [`ArticleRecord::entities`].
    pub participants: Vec<usize>,
    /// Normalized time value of the event (TIMEX3-like, "2015-07-24"), when known.
    pub when: Option<String>,
    /// Content terms (lowercased, stemmed) as a fallback for matching claims without an event.
    pub terms: Vec<String>,
    /// The participants that are places (a subset of `participants`): they only decide when
    /// a claim names no person or organization (see [`crate::same_claim`]).
    #[serde(default)]
    pub places: Vec<usize>,
}

/// One statement: a source's stance toward a claim.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StatementRecord {
    /// Index into [`ArticleRecord::claims`].
    pub claim: Option<usize>,
    /// Local attribution id (`a3`), `None` for the article's own voice.
    pub attribution: Option<String>,
    /// The source entity: index into [`ArticleRecord::entities`].
    pub source: Option<usize>,
    /// The source as written ("a senior official"); the outlet for own voice.
    pub source_text: String,
    /// person | organization | outlet | anonymous | document (own voice) | unknown.
    pub source_kind: String,
    /// Stance toward the claim.
    pub stance: Stance,
    /// Relay chain, nearest hop first.
    pub via: Vec<ViaRecord>,
    /// When it was said (normalized value), if the text says.
    pub said_on: Option<String>,
    /// The quoted or reported words.
    pub quote: String,
    /// Character offsets of `quote` in the text.
    pub span: [u32; 2],
}

/// One hop of a relay chain.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ViaRecord {
    /// Index into [`ArticleRecord::entities`].
    pub entity: Option<usize>,
    /// As written ("RIA Novosti").
    pub text: String,
}

/// Most own-voice claims kept per article, so that a long report does not drown the ledger.
pub const MAX_OWN_VOICE: usize = 20;

/// Words that hedge a sentence in the outlet's own voice.
const HEDGE_WORDS: &[&str] = &[
    "reportedly",
    "allegedly",
    "alleged",
    "purportedly",
    "supposedly",
    "apparently",
    "rumored",
    "rumoured",
    "unconfirmed",
    "possibly",
    "perhaps",
    "presumably",
];

/// Words that, just before an event word, negate it ("did not meet", "never visited", "no
/// meeting", "no such visit").
const NEGATIONS: &[&str] = &["not", "n't", "never", "no", "neither", "nor", "without"];

/// Builds the record of one analyzed document.
pub fn build_record(doc: &Document) -> ArticleRecord {
    let analysis = Analysis::from_document(doc);
    let text = doc.text();
    let content_hash = content_hash(&doc.meta.id, text);
    let fingerprint = crate::fingerprint(text);
    let entities: Vec<EntityRecord> = doc.entities.iter().enumerate().map(|(i, e)| entity_record(i, e)).collect();
    let is_place = |e: EntityId| doc.entities.get(e.index()).is_some_and(|x| x.kind == EntityKind::Location);

    // Claims of the attributions.
    let mut claims: Vec<ClaimRecord> = Vec::with_capacity(doc.claims.len());
    for (i, c) in doc.claims.iter().enumerate() {
        let contents =
            c.attributions.iter().filter_map(|a| doc.attributions.get(a.index())).map(|a| doc.slice(a.content));
        let participants = participants_of(doc, &c.entities);
        claims.push(ClaimRecord {
            local: format!("c{}", i + 1),
            gist: c.gist.clone(),
            event: c.event.clone(),
            places: participants.iter().copied().filter(|&e| is_place(EntityId::from_index(e))).collect(),
            participants,
            when: c.when.and_then(|t| doc.times.get(t.index())).and_then(|t| t.value.clone()),
            terms: terms(std::iter::once(c.gist.as_str()).chain(contents)),
        });
    }

    // Statements of the attributions.
    let mut claim_of = vec![None; doc.attributions.len()];
    for (ci, c) in doc.claims.iter().enumerate() {
        for a in &c.attributions {
            if let Some(slot) = claim_of.get_mut(a.index()) {
                *slot = Some(ci);
            }
        }
    }
    let outlet = outlet_name(doc);
    let mut statements: Vec<StatementRecord> = Vec::with_capacity(analysis.attributions.len());
    for (i, a) in analysis.attributions.iter().enumerate() {
        let idx = |id: &Option<String>| id.as_deref().and_then(local_index);
        let (source, source_text, source_kind) = match &a.source {
            Some(s) => {
                let kind = if s.kind == "unresolved" || s.kind.is_empty() { "unknown" } else { s.kind.as_str() };
                (idx(&s.entity), s.text.clone(), kind.to_string())
            }
            // "X reportedly met Y": a cue with no source is the article's own hedged voice.
            None => (None, outlet.clone(), "document".to_string()),
        };
        statements.push(StatementRecord {
            claim: claim_of.get(i).copied().flatten(),
            attribution: Some(a.id.clone()),
            source,
            source_text,
            source_kind,
            stance: sourceless_stance(doc, i, a.stance),
            via: a.via.iter().map(|v| ViaRecord { entity: idx(&v.entity), text: v.text.clone() }).collect(),
            said_on: a.said_on.as_ref().and_then(|w| w.value.clone()),
            quote: a.content.text.clone(),
            span: [a.content.start, a.content.end],
        });
    }

    own_voice(doc, &mut claims, &mut statements);

    ArticleRecord { analysis, content_hash, fingerprint, entities, claims, statements }
}

/// Distinct entity indices of a claim's parties. An outlet among other persons or organizations
/// is a source that leaked into the content ("..., the newspaper X reported"), not a party.
fn participants_of(doc: &Document, ents: &[EntityId]) -> Vec<usize> {
    let kind = |e: EntityId| doc.entities.get(e.index()).map(|x| x.kind);
    let others = ents.iter().any(|&e| matches!(kind(e), Some(EntityKind::Person | EntityKind::Organization)));
    let mut out: Vec<usize> = Vec::with_capacity(ents.len());
    for &e in ents {
        if kind(e).is_none() || (others && kind(e) == Some(EntityKind::Outlet)) || out.contains(&e.index()) {
            continue;
        }
        out.push(e.index());
    }
    out
}

/// A cue with no source ("is said to have met") in a hedged sentence hedges, whatever the cue's
/// own stance.
fn sourceless_stance(doc: &Document, ai: usize, stance: Stance) -> Stance {
    let Some(a) = doc.attributions.get(ai) else { return stance };
    if a.source.is_some() || stance != Stance::Asserts {
        return stance;
    }
    let Some(s) = doc.sentence_at(a.cue.start()) else { return stance };
    let st = &doc.sentences[s];
    if hedged(doc, st.tokens.start as usize..st.tokens.end as usize) {
        Stance::Hedges
    } else {
        stance
    }
}

/// The article's own voice: its outlet, else "the article".
fn outlet_name(doc: &Document) -> String {
    doc.meta.outlet.as_deref().map(str::trim).filter(|o| !o.is_empty()).unwrap_or("the article").to_string()
}

/// `e12` -> 11.
fn local_index(id: &str) -> Option<usize> {
    id.get(1..)?.parse::<usize>().ok()?.checked_sub(1)
}

fn entity_record(i: usize, e: &claimtrail_core::Entity) -> EntityRecord {
    let person = e.kind == EntityKind::Person;
    let mut keys: Vec<String> = Vec::new();
    let mut push = |k: String| {
        if !k.is_empty() && !keys.contains(&k) {
            keys.push(k);
        }
    };
    let full = fold_name(&e.name);
    // "Mohammad Javad Zarif" is also "Mohammad Zarif".
    let words: Vec<&str> = full.split(' ').collect();
    push(full.clone());
    if person && words.len() >= 3 {
        push(format!("{} {}", words[0], words[words.len() - 1]));
    }
    for a in &e.aliases {
        let k = fold_name(a);
        if !person || k.contains(' ') {
            push(k);
        }
    }
    EntityRecord {
        local: format!("e{}", i + 1),
        name: e.name.clone(),
        kind: e.kind.as_str().to_string(),
        keys,
        surname: if person { surname(&e.name) } else { None },
        roles: e.roles.clone(),
    }
}

/// Byte ranges covered by attributions (contents and cues), merged and sorted.
fn covered_ranges(doc: &Document) -> Vec<(u32, u32)> {
    let mut v: Vec<(u32, u32)> = doc
        .attributions
        .iter()
        .flat_map(|a| [a.content, a.cue])
        .map(|r| (r.start(), r.end()))
        .filter(|(s, e)| s < e)
        .collect();
    v.sort_unstable();
    let mut out: Vec<(u32, u32)> = Vec::with_capacity(v.len());
    for (s, e) in v {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// At least half of the sentence `r` lies in attributions' cues and contents: what it says is
/// someone else's. A short attribution at its edge ("..., but neither side has confirmed the
/// trip") leaves the rest to the article's own voice.
fn mostly_covered(covered: &[(u32, u32)], r: TextRange) -> bool {
    let i = covered.partition_point(|x| x.1 <= r.start());
    let inside: u32 = covered[i..]
        .iter()
        .take_while(|x| x.0 < r.end())
        .map(|x| x.1.min(r.end()).saturating_sub(x.0.max(r.start())))
        .sum();
    2 * inside >= r.len()
}

/// Lowercase word of token `k`, if it is a word.
fn word_at(doc: &Document, k: usize) -> Option<String> {
    let t = doc.tokens.get(k)?;
    (t.kind == TokenKind::Word).then(|| doc.slice(t.range).to_lowercase())
}

/// The stance of the outlet's own sentence toward the event at `f.word`.
fn own_stance(doc: &Document, sentence: std::ops::Range<usize>, f: &EventFrame) -> Stance {
    let ev = doc.token_at_or_after(f.word.start());
    let lo = ev.saturating_sub(4).max(sentence.start);
    let negated = (lo..ev).any(|k| {
        word_at(doc, k).is_some_and(|w| NEGATIONS.contains(&w.as_str()) || w.ends_with("n't"))
            || doc.tokens.get(k).is_some_and(|t| doc.slice(t.range) == "n't")
    });
    if negated {
        return Stance::Denies;
    }
    if hedged(doc, sentence) {
        Stance::Hedges
    } else {
        Stance::Asserts
    }
}

/// Whether the sentence whose tokens are `sentence` carries a hedge cue ("reportedly", "may
/// have", "is said to", "appears to").
fn hedged(doc: &Document, sentence: std::ops::Range<usize>) -> bool {
    let words: Vec<String> = sentence.filter_map(|k| word_at(doc, k)).collect();
    let pair = |a: &str, bs: &[&str]| words.windows(2).any(|w| w[0] == a && bs.contains(&w[1].as_str()));
    let hedged = words.iter().any(|w| HEDGE_WORDS.contains(&w.as_str()))
        || pair("may", &["have", "be"])
        || pair("might", &["have", "be"])
        || pair("could", &["have"])
        || pair("reported", &["to"])
        || pair("said", &["to"])
        || pair("believed", &["to"])
        || pair("appears", &["to"])
        || pair("appeared", &["to"])
        || pair("seems", &["to"]);
    hedged
}

fn short_name(doc: &Document, e: EntityId) -> String {
    let ent = &doc.entities[e.index()];
    if ent.kind == EntityKind::Person {
        ent.name.split_whitespace().last().unwrap_or(&ent.name).to_string()
    } else {
        ent.name.clone()
    }
}

fn own_gist(doc: &Document, f: &EventFrame) -> String {
    let parties: Vec<EntityId> = if f.agents.is_empty() { f.places.clone() } else { f.agents.clone() };
    let mut names: Vec<String> = parties.iter().map(|&e| short_name(doc, e)).collect();
    if names.is_empty() {
        return f.verb.to_string();
    }
    let first = names.remove(0);
    if f.takes_place && !f.agents.is_empty() {
        if let Some(&p) = f.places.first() {
            names.push(short_name(doc, p));
        }
    }
    match names.as_slice() {
        [] => format!("{first} {}", f.verb),
        [one] => format!("{first} {} {one}", f.verb),
        [init @ .., last] => format!("{first} {} {} and {last}", f.verb, init.join(", ")),
    }
}

/// Claims and statements in the article's own voice: sentences outside every attribution that
/// report an event ("Soleimani visited Moscow on July 24.").
fn own_voice(doc: &Document, claims: &mut Vec<ClaimRecord>, statements: &mut Vec<StatementRecord>) {
    if doc.sentences.is_empty() {
        return;
    }
    let covered = covered_ranges(doc);
    let finder = EventFinder::new(doc);
    let map = CharMap::new(doc.text());
    let source_text = outlet_name(doc);
    let is_place = |e: &EntityId| doc.entities.get(e.index()).is_some_and(|x| x.kind == EntityKind::Location);
    let attributed = claims.len();
    let mut own = 0usize;
    for s in &doc.sentences {
        if own >= MAX_OWN_VOICE {
            break;
        }
        let r = s.range;
        if mostly_covered(&covered, r) || doc.slice(r).trim_end().ends_with('?') {
            continue;
        }
        let toks = s.tokens.start as usize..s.tokens.end as usize;
        for f in finder.frames(r) {
            // Like the claim linker: an event done, dated, or between two parties.
            if !(f.verbal || f.time.is_some() || f.agents.len() + f.places.len() >= 2) {
                continue;
            }
            let all: Vec<EntityId> = f.agents.iter().chain(&f.places).copied().collect();
            let participants = participants_of(doc, &all);
            let sentence_text = doc.slice(r);
            let record = ClaimRecord {
                local: String::new(),
                gist: own_gist(doc, &f),
                event: Some(f.class.to_string()),
                places: participants.iter().copied().filter(|&e| is_place(&EntityId::from_index(e))).collect(),
                participants,
                when: f.time.and_then(|t| doc.times.get(t.index())).and_then(|t| t.value.clone()),
                terms: terms([sentence_text]),
            };
            let stance = own_stance(doc, toks.clone(), &f);
            // The same proposition as a claim already made: the article's voice joins it.
            let sig = |c: &ClaimRecord| {
                let ids = |v: &[usize]| {
                    let mut v: Vec<i64> = v.iter().map(|&i| i as i64).collect();
                    v.sort_unstable();
                    v.dedup();
                    v
                };
                ClaimSig {
                    event: c.event.clone(),
                    participants: ids(&c.participants),
                    when: c.when.clone(),
                    // Terms only matter for claims without an event.
                    terms: if c.event.is_none() { c.terms.clone() } else { Vec::new() },
                    places: ids(&c.places),
                }
            };
            let mine = sig(&record);
            let claim = match claims.iter().position(|c| same_claim_in_article(&sig(c), &mine)) {
                Some(ci) => {
                    let dup = statements.iter().any(|st| {
                        st.claim == Some(ci) && st.attribution.is_none() && st.span[0] == map.char_range(r).0
                    });
                    if dup {
                        continue;
                    }
                    ci
                }
                None => {
                    if own >= MAX_OWN_VOICE {
                        continue;
                    }
                    own += 1;
                    claims.push(ClaimRecord { local: format!("o{}", claims.len() - attributed + 1), ..record });
                    claims.len() - 1
                }
            };
            let (start, end) = map.char_range(r);
            statements.push(StatementRecord {
                claim: Some(claim),
                attribution: None,
                source: None,
                source_text: source_text.clone(),
                source_kind: "document".to_string(),
                stance,
                via: Vec::new(),
                said_on: None,
                quote: sentence_text.to_string(),
                span: [start, end],
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimtrail_core::{Date, Meta};
    use claimtrail_pipeline::Pipeline;

    fn pipeline() -> &'static Pipeline {
        static P: std::sync::OnceLock<Pipeline> = std::sync::OnceLock::new();
        P.get_or_init(Pipeline::new)
    }

    fn record(text: &str, outlet: Option<&str>) -> ArticleRecord {
        let meta = Meta {
            id: "t".into(),
            outlet: outlet.map(str::to_string),
            published: Date::parse("2021-03-04").ok(),
            ..Meta::default()
        };
        build_record(&pipeline().analyze(meta, text).unwrap())
    }

    /// (gist, event, when, stance) of the statements in the article's own voice (own-voice
    /// claims, and cues with no source such as "reportedly").
    fn own(r: &ArticleRecord) -> Vec<(String, Option<String>, Option<String>, Stance)> {
        r.statements
            .iter()
            .filter(|s| s.source_kind == "document" && s.claim.is_some())
            .map(|s| {
                let c = &r.claims[s.claim.unwrap()];
                (c.gist.clone(), c.event.clone(), c.when.clone(), s.stance)
            })
            .collect()
    }

    #[test]
    fn own_voice_stances() {
        use Stance::*;
        let cases: &[(&str, Stance)] = &[
            ("Vladimir Putin met Angela Merkel in Berlin on March 2.", Asserts),
            ("Vladimir Putin reportedly met Angela Merkel in Berlin on March 2.", Hedges),
            ("Vladimir Putin may have met Angela Merkel in Berlin on March 2.", Hedges),
            ("Vladimir Putin is said to have met Angela Merkel in Berlin on March 2.", Hedges),
            ("Vladimir Putin did not meet Angela Merkel in Berlin on March 2.", Denies),
            ("Vladimir Putin never met Angela Merkel in Berlin on March 2.", Denies),
            ("Vladimir Putin didn't meet Angela Merkel in Berlin on March 2.", Denies),
        ];
        for (text, want) in cases {
            let r = record(text, Some("Kanal Sud"));
            let got = own(&r);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].1.as_deref(), Some("meet"), "{text}");
            assert_eq!(got[0].2.as_deref(), Some("2021-03-02"), "{text}");
            assert_eq!(got[0].3, *want, "{text}");
            let st = r.statements.iter().find(|s| s.source_kind == "document").unwrap();
            assert_eq!(st.source_text, "Kanal Sud");
            let parties: Vec<&str> =
                r.claims[st.claim.unwrap()].participants.iter().map(|&p| r.entities[p].name.as_str()).collect();
            assert!(parties.contains(&"Vladimir Putin") && parties.contains(&"Angela Merkel"), "{text}: {parties:?}");
        }
    }

    #[test]
    fn own_voice_gists_and_advice() {
        // (text, gists of the own-voice claims, a name that must be no participant)
        let cases: &[(&str, &[&str], &str)] = &[
            // outlets named as the reporters are no party; the place is the visit's destination
            (
                "News of Angela Merkel's visits to Berlin in May came from Western media, in particular Fox News \
                 and The Wall Street Journal.",
                &["Merkel visited Berlin"],
                "Fox News",
            ),
            // advice and obligation report no event
            ("Local airlines should not buy aircraft from Airbus.", &[], "Airbus"),
            ("Angela Merkel urged airlines not to buy aircraft from Airbus.", &[], "Airbus"),
            // a habit in a relative clause reports no event
            ("Airlines that buy the Airbus planes in Europe pay more.", &[], "Airbus"),
        ];
        for (text, want, absent) in cases {
            let r = record(text, None);
            let got: Vec<String> = own(&r).into_iter().map(|x| x.0).collect();
            assert_eq!(got, want.iter().map(|w| w.to_string()).collect::<Vec<_>>(), "{text}");
            for c in &r.claims {
                let names: Vec<&str> = c.participants.iter().map(|&p| r.entities[p].name.as_str()).collect();
                assert!(!names.contains(absent), "{text}: {names:?}");
            }
        }
    }

    #[test]
    fn own_voice_skips_attributed_and_eventless_sentences() {
        let r = record(
            "The economy grew by two percent. Reuters said Vladimir Putin met Angela Merkel in Berlin on March 2. \
             Did Putin meet Merkel in Berlin on March 2?",
            None,
        );
        assert!(own(&r).is_empty(), "{:?}", own(&r));
        assert!(r.statements.iter().any(|s| s.attribution.is_some() && s.claim.is_some()));
        // The outlet's own voice repeating an attributed claim joins it.
        let r = record(
            "Vladimir Putin met Angela Merkel in Berlin on March 2, Reuters said. \n\nPutin met Merkel on March 2 in Berlin.",
            None,
        );
        let o = own(&r);
        assert_eq!(o.len(), 1, "{o:?}");
        assert!(r.claims.iter().all(|c| c.local.starts_with('c')), "no new claim: {:?}", r.claims);
        assert_eq!(r.statements.iter().find(|s| s.attribution.is_none()).unwrap().source_text, "the article");
    }

    #[test]
    fn own_voice_is_capped() {
        let text = (1..=40)
            .map(|d| format!("Vladimir Putin met Angela Merkel in Berlin on March {}, 2020. ", d % 28 + 1))
            .collect::<String>()
            + &(1..=30)
                .map(|d| format!("Angela Merkel visited Paris on May {}, 2019. ", d % 28 + 1))
                .collect::<String>();
        let r = record(&text, None);
        let own_claims = r.claims.iter().filter(|c| c.local.starts_with('o')).count();
        assert!((10..=MAX_OWN_VOICE).contains(&own_claims), "{own_claims}");
    }

    #[test]
    fn entity_keys() {
        let r = record(
            "Russian Foreign Minister Sergey Lavrov and Mohammad Javad Zarif met in Geneva. Lavrov said the \
             talks went well. Dr. Martin Luther King Jr. was mentioned by Reuters.",
            None,
        );
        let ent = |n: &str| r.entities.iter().find(|e| e.name == n).unwrap_or_else(|| panic!("{n}: {:?}", r.entities));
        assert_eq!(ent("Sergey Lavrov").keys, vec![fold_name("Sergei Lavrov")]);
        assert_eq!(ent("Sergey Lavrov").surname.as_deref(), Some("lavruv"));
        assert_eq!(
            ent("Mohammad Javad Zarif").keys,
            vec![fold_name("Muhammad Javad Zarif"), fold_name("Mohammed Zarif")]
        );
        assert_eq!(ent("Reuters").surname, None);
        assert_eq!(ent("Reuters").keys, vec![fold_name("Reuters")]);
    }

    #[test]
    fn odd_documents_do_not_panic() {
        for text in ["x", "“", "Met. Met met met.", "No. Never. Not.", "Reportedly, allegedly, may have — did not?"]
        {
            let r = record(text, Some(""));
            assert_eq!(r.content_hash.len(), 32);
            assert_eq!(r.fingerprint.len(), crate::fingerprint::SLOTS);
        }
        let empty = Document::new(Meta::default(), "");
        let r = build_record(&empty);
        assert!(r.claims.is_empty() && r.statements.is_empty());
    }

    #[test]
    #[ignore = "timing; run with --release -- --ignored --nocapture"]
    fn build_record_is_cheap() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/linking/globalwire-geneva.txt"
        ))
        .unwrap()
        .repeat(4);
        let meta = Meta { id: "t".into(), published: Date::parse("2021-03-04").ok(), ..Meta::default() };
        let n = 300;
        let t0 = std::time::Instant::now();
        let docs: Vec<Document> = (0..n).map(|_| pipeline().analyze(meta.clone(), &text).unwrap()).collect();
        let analyze = t0.elapsed() / n;
        let t1 = std::time::Instant::now();
        for d in &docs {
            std::hint::black_box(build_record(d));
        }
        let build = t1.elapsed() / n;
        let t2 = std::time::Instant::now();
        for d in &docs {
            std::hint::black_box(Analysis::from_document(d));
        }
        let contract = t2.elapsed() / n;
        let t3 = std::time::Instant::now();
        for d in &docs {
            let (mut c, mut s) = (Vec::new(), Vec::new());
            own_voice(d, &mut c, &mut s);
            std::hint::black_box((c, s));
        }
        let own = t3.elapsed() / n;
        let t4 = std::time::Instant::now();
        for d in &docs {
            std::hint::black_box(crate::fingerprint(d.text()));
            std::hint::black_box(content_hash("x", d.text()));
        }
        let fp = t4.elapsed() / n;
        let t5 = std::time::Instant::now();
        for d in &docs {
            for (i, e) in d.entities.iter().enumerate() {
                std::hint::black_box(entity_record(i, e));
            }
        }
        let ents = t5.elapsed() / n;
        eprintln!(
            "{} bytes: analyze {analyze:?}, build_record {build:?} (contract {contract:?}, own voice {own:?}, \
             fingerprint+hash {fp:?}, entities {ents:?})",
            text.len()
        );
        assert!(build < analyze / 2);
    }
}
