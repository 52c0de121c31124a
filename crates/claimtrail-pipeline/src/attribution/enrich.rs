//! Giving raw attributions their meaning: source kind and entity, stance, date, via entities.
//!
//! * **Source.** A named mention in the source span gives its entity (a person first); a role
//!   phrase or description linked to an entity gives that entity; pronouns ("he", "they",
//!   "it") resolve to the nearest compatible earlier source, else to a nearby mention;
//!   descriptions without a name ("a senior official", "three sources", "officials in
//!   Washington", "his ex-wife") are anonymous; a place ("Moscow denied") stands for its
//!   government; "the campaign" is an organization and "the poll" a document even unnamed;
//!   "I" / "we" inside a quotation speak for the quotation's source; "who" after a name
//!   (outside a "whether" question) is that person. A source that names several entities
//!   ("Fox News and The Wall Street Journal") gives one attribution per entity, and so does a
//!   "they" that points back to them.
//! * **Stance** from the cue, the content and the words around the cue (see [`stance`]).
//! * **Via** hops resolve to their entities.
//! * **said_on**: a time expression in the cue's sentence, outside every content, nearest
//!   the cue ("August 7, Peskov said ...").

mod gender;
mod stance;

use claimtrail_core::{
    Attribution, Diagnostic, Document, EntityId, EntityKind, Form, Source, SourceKind, Stance, TextRange, TimeId,
    TimeKind, TokenKind, Upos, Via, Why,
};

pub use stance::words;

use super::extract::cues::{candidate, classify, CueClass};
use super::{AttributionLayer, RawAttribution};
use crate::entities::link::roles::{is_role_noun, lower};

/// Heads of anonymous descriptions.
/// People who speak for someone else: "Woods' agent" is not Woods.
const POSSESSED_ROLES: &[&str] = &[
    "agent",
    "publicist",
    "manager",
    "lawyer",
    "lawyers",
    "attorney",
    "attorneys",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "representative",
    "representatives",
    "rep",
    "reps",
    "aide",
    "aides",
    "adviser",
    "advisor",
    "friend",
    "friends",
    "doctor",
    "office",
];

/// People named by their relation to someone: "the wife of X" is not X.
const RELATION_NOUNS: &[&str] = &[
    "wife",
    "husband",
    "ex-wife",
    "ex-husband",
    "widow",
    "widower",
    "mother",
    "father",
    "son",
    "daughter",
    "brother",
    "sister",
    "parents",
    "relatives",
    "relative",
    "cousin",
    "uncle",
    "aunt",
    "nephew",
    "niece",
    "friend",
    "friends",
    "girlfriend",
    "boyfriend",
    "fiancé",
    "fiancée",
    "partner",
    "lawyer",
    "lawyers",
    "attorney",
    "attorneys",
    "agent",
    "publicist",
    "manager",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "representative",
    "rep",
    "aide",
    "aides",
    "adviser",
    "advisor",
    "neighbor",
    "neighbour",
    "colleague",
    "colleagues",
];

const ANON_HEADS: &[&str] = &[
    "allies",
    "associates",
    "loyalists",
    "confidants",
    "backers",
    "official",
    "officials",
    "source",
    "sources",
    "people",
    "person",
    "persons",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokespeople",
    "aide",
    "aides",
    "diplomat",
    "diplomats",
    "officer",
    "officers",
    "insider",
    "insiders",
    "someone",
    "witness",
    "witnesses",
    "analyst",
    "analysts",
    "expert",
    "experts",
    "observer",
    "observers",
    "resident",
    "residents",
    "staffer",
    "staffers",
    "employee",
    "employees",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "investigator",
    "investigators",
    "authorities",
    "representative",
    "representatives",
    "reps",
    "lawmaker",
    "lawmakers",
    "media",
    "reports",
    "report",
    "intelligence",
    "negotiator",
    "negotiators",
    "members",
    "member",
    "politicians",
    "leaders",
    "critics",
    "supporters",
    "opponents",
    "activists",
    "economists",
    "scientists",
    "researchers",
    "doctors",
    "soldiers",
    "workers",
    "protesters",
    "citizens",
    "voters",
    "relatives",
    "colleagues",
    "lawyers",
    "prosecutors",
    "police",
    "hostage",
    "hostages",
    "captive",
    "captives",
    "defector",
    "defectors",
    "survivor",
    "survivors",
    "eyewitness",
    "eyewitnesses",
    "priest",
    "priests",
];

/// Heads of groups around a person that speak for themselves ("Clinton allies", "the Trump
/// family"): a person's name before them names the group, not its speaker.
const GROUP_HEADS: &[&str] = &[
    "allies",
    "ally",
    "associates",
    "loyalists",
    "confidants",
    "family",
    "camp",
    "team",
    "staff",
    "backers",
    "donors",
    "lawyers",
    "attorneys",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "aides",
    "aide",
    "adviser",
    "advisers",
];

/// Collective nouns that pass the head on ("a group of politicians").
const COLLECTIVES: &[&str] = &["group", "number", "couple", "handful", "team", "panel", "delegation", "dozen", "pair"];

/// Words that end the head search of a description ("officials *in* Washington").
const HEAD_STOPS: &[&str] =
    &["of", "in", "for", "with", "from", "at", "familiar", "close", "who", "that", "on", "to", "by", "inside"];

/// What an earlier source was, for pronoun and anaphora resolution.
#[derive(Debug, Clone)]
struct Note {
    start: u32,
    sentence: usize,
    kind: SourceKind,
    entity: Option<EntityId>,
    plural: bool,
    head: Option<String>,
    /// The content of the attribution, whose names are not antecedents of the next speaker.
    content: TextRange,
    /// The mention that names this source: its own span, or the antecedent it was resolved
    /// through (so a chain "the official ... he ... he" points back to the naming mention).
    names: TextRange,
    /// The relaying chain of the statement.
    via: Vec<Via>,
}

/// A speaker known by `kind`, `entity` and the span that names it is the speaker of `src`: the
/// same entity, or (both unnamed) the same kind named by the same span.
fn same_speaker(kind: SourceKind, entity: Option<EntityId>, names: TextRange, src: &Source) -> bool {
    match (entity, src.entity) {
        (Some(a), Some(b)) => a == b,
        (None, None) => kind == src.kind && names == src.antecedent.unwrap_or(src.range),
        _ => false,
    }
}

impl Note {
    /// The same speaker as `src`: the same entity, or the same unnamed source by its naming
    /// mention.
    fn same_speaker(&self, src: &Source) -> bool {
        same_speaker(self.kind, self.entity, self.names, src)
    }
}

impl Note {
    /// A source resolved through this note, from the span `r` as written.
    fn source(&self, r: TextRange) -> Source {
        Source { range: r, kind: self.kind, entity: self.entity, antecedent: Some(self.names) }
    }
}

/// A source resolved through an earlier mention `m` of entity `e`.
fn through(idx: &Index, r: TextRange, m: TextRange, e: EntityId) -> Source {
    Source { range: r, kind: idx.kind(e).into(), entity: Some(e), antecedent: Some(m) }
}

/// Lookups over the entity layers.
struct Index<'a> {
    doc: &'a Document,
    mention_entity: Vec<Option<EntityId>>,
    refs: Vec<(TextRange, EntityId)>,
    /// The gender the article gives each entity, if any; read only when a pronoun is resolved.
    gender: std::cell::OnceCell<Vec<Option<gender::Gender>>>,
}

impl<'a> Index<'a> {
    fn new(doc: &'a Document) -> Self {
        let (mention_entity, refs) = crate::entities::entity_lookup(doc);
        Index { doc, mention_entity, refs, gender: std::cell::OnceCell::new() }
    }

    /// Entity `e` is known to be of another gender than `g`.
    fn other_gender(&self, e: EntityId, g: Option<gender::Gender>) -> bool {
        g.is_some_and(|g| {
            let genders = self.gender.get_or_init(|| gender::genders(self.doc));
            genders.get(e.index()).copied().flatten().is_some_and(|x| x != g)
        })
    }

    /// Mentions overlapping `r` that belong to an entity: (mention range, entity).
    fn mentions_in(&self, r: TextRange) -> Vec<(TextRange, EntityId)> {
        let ms = &self.doc.mentions;
        let i = ms.partition_point(|m| m.range.end() <= r.start());
        ms[i..]
            .iter()
            .enumerate()
            .take_while(|(_, m)| m.range.start() < r.end())
            .filter_map(|(k, m)| self.mention_entity[i + k].map(|e| (m.range, e)))
            .filter(|(m, _)| m.overlaps(r))
            .collect()
    }

    fn kind(&self, e: EntityId) -> EntityKind {
        self.doc.entities[e.index()].kind
    }

    /// An outlet, or an organization with a media word in its name ("the Iraqi paper").
    fn is_outlet(&self, e: EntityId) -> bool {
        self.kind(e) == EntityKind::Outlet
            || self.kind(e) == EntityKind::Organization && is_media_name(&self.doc.entities[e.index()].name)
    }

    /// References of entity `e`.
    fn refs_of(&self, e: EntityId) -> impl Iterator<Item = TextRange> + '_ {
        self.doc.entities[e.index()].references.iter().copied()
    }

    /// The reference (role phrase, description) that best covers `r`.
    fn reference(&self, r: TextRange) -> Option<EntityId> {
        let i = self.refs.partition_point(|(x, _)| x.start() < r.start().saturating_sub(200));
        self.refs[i..]
            .iter()
            .take_while(|(x, _)| x.start() < r.end())
            .filter_map(|(x, e)| x.intersect(r).map(|o| (o.len(), *x, *e)))
            .filter(|(o, x, _)| *o > 0 && (2 * o >= r.len() || r.contains_range(*x)))
            .max_by_key(|(o, _, _)| *o)
            .map(|(_, _, e)| e)
    }
}

fn sentence_of(doc: &Document, offset: u32) -> usize {
    doc.sentence_at(offset).unwrap_or_else(|| doc.sentences.partition_point(|s| s.range.end() <= offset))
}

/// Words of `text` with their byte offsets.
fn word_spans(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = None;
    let mut out = Vec::new();
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (start, c.is_alphanumeric()) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    out.into_iter()
}

/// The head noun of an anonymous description and its byte offset in `text`, if the span
/// opens with one ("a senior official in ...", "officials in Washington").
fn anonymous_head_at(text: &str) -> Option<(String, usize)> {
    let mut after_collective = false;
    for (off, w) in word_spans(text).take(10) {
        let w = w.to_lowercase();
        if COLLECTIVES.contains(&w.as_str()) {
            after_collective = true;
            continue;
        }
        if after_collective && w == "of" {
            after_collective = false;
            continue;
        }
        after_collective = false;
        if HEAD_STOPS.contains(&w.as_str()) {
            return None;
        }
        if ANON_HEADS.contains(&w.as_str()) || is_role_noun(&w) {
            return Some((w, off));
        }
    }
    None
}

/// The head noun of an anonymous description, if the span is one.
fn anonymous_head(text: &str) -> Option<String> {
    anonymous_head_at(text).map(|(h, _)| h)
}

/// Heads of organization descriptions without a recognized name ("the Foreign Ministry").
const ORG_HEADS: &[&str] = &[
    "ministry",
    "government",
    "kremlin",
    "department",
    "office",
    "embassy",
    "administration",
    "army",
    "military",
    "police",
    "party",
    "committee",
    "council",
    "parliament",
    "court",
    "agency",
    "company",
    "commission",
    "cabinet",
    "presidency",
    "secretariat",
    "campaign",
    "group",
    "union",
    "fund",
    "foundation",
    "institute",
    "organization",
    "organisation",
    "association",
    "coalition",
    "firm",
    "board",
    "bureau",
    "center",
    "centre",
    "service",
    "authority",
    "corporation",
    "bank",
    "university",
    "team",
    "league",
    "senate",
    "congress",
    "house",
    "white",
];

fn is_plural_head(h: &str) -> bool {
    (h.ends_with('s') && !h.ends_with("ss")) || matches!(h, "people" | "media" | "spokespeople" | "police")
}

/// Pronoun classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pronoun {
    Singular,
    Plural,
    Neuter,
    /// "who": a person named earlier in the same sentence.
    Relative,
}

fn pronoun(text: &str) -> Option<Pronoun> {
    let text = text.trim();
    // "WHO", "US", "IT": an acronym, not a pronoun
    if text.len() > 1 && !text.chars().any(char::is_lowercase) {
        return None;
    }
    let mut buf = [0u8; 32];
    match lower(text, &mut buf)? {
        "he" | "she" | "him" | "her" => Some(Pronoun::Singular),
        "they" | "them" => Some(Pronoun::Plural),
        "it" => Some(Pronoun::Neuter),
        "who" => Some(Pronoun::Relative),
        "which" => Some(Pronoun::Neuter),
        _ => None,
    }
}

fn source_of(idx: &Index, range: TextRange, e: EntityId) -> Source {
    Source::new(range, idx.kind(e).into(), Some(e))
}

/// Groups of mentions joined by "and" / "," ("Fox News and The Wall Street Journal").
fn coordinated(idx: &Index, ms: &[(TextRange, EntityId)], within: Option<TextRange>) -> bool {
    if ms.len() < 2 {
        return false;
    }
    let text = idx.doc.text();
    // the words between neighbouring mentions (None when two overlap)
    let gaps: Option<Vec<(&str, Vec<String>)>> = ms
        .windows(2)
        .map(|w| {
            (w[0].0.end() <= w[1].0.start()).then(|| {
                let gap = &text[w[0].0.end() as usize..w[1].0.start() as usize];
                (gap, words(gap))
            })
        })
        .collect();
    // ("the National Coordinator for Reproductive Health, Nenad Babici": two names and a comma
    // are one person in apposition; a list ends in "and")
    let joins = gaps.is_some_and(|gaps| {
        gaps.iter().any(|(_, g)| g.iter().any(|x| x == "and"))
            && gaps.iter().all(|(gap, g)| {
                let ok = g.iter().all(|x| matches!(x.as_str(), "and" | "the" | "both"));
                ok && (g.iter().any(|x| x == "and") || gap.trim() == ",")
            })
    });
    let edges = within.is_none_or(|r| {
        if !r.contains_range(ms[0].0.cover(ms[ms.len() - 1].0)) {
            return false;
        }
        let head = &text[r.start() as usize..ms[0].0.start() as usize];
        let tail = &text[ms[ms.len() - 1].0.end() as usize..r.end() as usize];
        // ("the BBC and the Washington Post newspaper")
        words(head).iter().all(|x| matches!(x.as_str(), "the" | "both"))
            && words(tail).iter().all(|x| matches!(x.as_str(), "newspaper" | "newspapers" | "websites" | "website"))
            && words(tail).len() <= 1
    });
    joins && edges
}

/// The speakers of a source made of parts joined by "and" (and commas before it), each part a
/// description ending in a person's name.
fn described_people(idx: &Index, r: TextRange, ms: &[(TextRange, EntityId)]) -> Option<Vec<Source>> {
    let text = idx.doc.slice(r);
    let and = text.rfind(" and ")?;
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut from = 0;
    for (i, sep) in text[..and].match_indices(", ") {
        cuts.push((from, i));
        from = i + sep.len();
    }
    cuts.push((from, and));
    cuts.push((and + 5, text.len()));
    let mut out = Vec::new();
    for (a, b) in cuts {
        let part = TextRange::new(r.start() + a as u32, r.start() + b as u32);
        let &(_, e) = ms
            .iter()
            .find(|(m, e)| idx.kind(*e) == EntityKind::Person && part.contains_range(*m) && m.end() == part.end())?;
        out.push(Source::new(part, SourceKind::Person, Some(e)));
    }
    (out.len() >= 2).then_some(out)
}

/// Resolves a source span; several sources when it names several entities.
/// `own` is the attribution's own content: what a speaker says names whom they speak about,
/// never themselves, so no antecedent is taken from inside it.
fn resolve_source(idx: &Index, r: TextRange, own: TextRange, history: &[Note]) -> Vec<Source> {
    let doc = idx.doc;
    // "Hostages who have survived being held by ISIS in Syria", "the man who was arrested by
    // police": a relative clause describes the head; whoever it names is not the speaker
    let toks = doc.tokens_in(r);
    let relative = (toks.start + 1..toks.end)
        .find(|&k| matches!(doc.slice(doc.tokens[k].range), "who" | "whom" | "which"))
        // (unless it gives the name: "the woman, who is known only as Lana", "who identified
        // himself as Ali")
        .filter(|&k| {
            let rest: Vec<&str> = (k + 1..toks.end).map(|m| doc.slice(doc.tokens[m].range)).collect();
            !rest.windows(2).any(|p| {
                matches!(p[0], "known" | "named" | "called" | "identified" | "nicknamed")
                    && (matches!(p[1], "as" | "only") || p[1].starts_with(char::is_uppercase))
            })
        });
    // (the head ends at its last word: "The man, who was not named")
    let head_end = relative.and_then(|k| (toks.start..k).rev().find(|&m| doc.tokens[m].kind == TokenKind::Word));
    if let Some(h) = head_end {
        let head = TextRange::new(r.start(), doc.tokens[h].range.end());
        let mut out = resolve_source(idx, head, own, history);
        for src in &mut out {
            if src.range == head {
                src.range = r;
            }
        }
        return out;
    }
    let text = doc.slice(r);
    let ms = idx.mentions_in(r);
    if coordinated(idx, &ms, Some(r)) {
        return ms.iter().map(|&(m, e)| source_of(idx, m, e)).collect();
    }
    // "Former LAPD officer David Klinger and CNN analyst Tom Fuentes": described people joined
    // by "and", each part ending in a person's name, are each a speaker
    if let Some(parts) = described_people(idx, r, &ms) {
        return parts;
    }
    // "Woods' agent", "Plant's publicist": someone of the named one's, not that one (whatever
    // kind the name was given)
    let possessed_role = words(text).last().is_some_and(|h| POSSESSED_ROLES.contains(&h.as_str()))
        && ms.last().is_some_and(|(m, _)| {
            let after = &doc.text()[m.end() as usize..r.end() as usize];
            ["'s ", "’s ", "' ", "’ "].iter().any(|p| after.starts_with(p)) && words(after).len() <= 3
        });
    if possessed_role {
        return vec![Source::new(r, SourceKind::Anonymous, None)];
    }
    if let Some(src) = role_link(idx, r, own, history) {
        return vec![src];
    }
    // "The wife of British aid worker Alan Henning", "a friend of Henning": someone related to
    // the named person, not that person
    if let Some(&(m, e)) = ms.iter().find(|(_, e)| idx.kind(*e) == EntityKind::Person) {
        let lead = &doc.text()[r.start() as usize..m.start().max(r.start()) as usize];
        let folded = lead.to_lowercase();
        // where the phrase after "<relation> of" starts (the last such "of"): a relation noun
        // ends right before " of " and starts the text or follows a non-letter ("ex-wife of")
        let relation_ends = |head: &str| {
            RELATION_NOUNS.iter().any(|n| {
                head.strip_suffix(n).is_some_and(|rest| rest.as_bytes().last().is_none_or(|c| !c.is_ascii_alphabetic()))
            })
        };
        let of_at = folded
            .match_indices(" of ")
            .filter(|&(i, _)| relation_ends(&folded[..i]))
            .map(|(i, pat)| i + pat.len())
            .last();
        // (not "the spokeswoman of the foreign Ministry Olga Sidorova": the relation is to an
        // organization or a place, the name is the speaker's; not "A friend of Henning, John
        // Smith": a name in apposition is the speaker)
        let related = of_at.is_some_and(|at| {
            let from = r.start() + at as u32;
            let between = &doc.text()[from as usize..m.start() as usize];
            let org_head = between
                .split_whitespace()
                .any(|w| w.starts_with(char::is_uppercase) && ORG_HEADS.contains(&w.to_lowercase().as_str()));
            !lead.contains(',')
                && !org_head
                && !ms.iter().any(|&(x, k)| {
                    x.start() >= from
                        && x.start() < m.start()
                        && matches!(idx.kind(k), EntityKind::Organization | EntityKind::Location)
                })
        });
        if related && ms.iter().all(|&(_, x)| x == e || idx.kind(x) != EntityKind::Person) {
            return vec![Source::new(r, SourceKind::Anonymous, None)];
        }
    }
    // "A British man who went to fight against Islamic State", "A friend of hers from the IDF",
    // "interviews with former ISIS hostages": a common noun heads the phrase, and the names come
    // after a relative pronoun or a preposition that leads away from the head; none is the speaker
    if let Some(&(m, _)) = ms.first() {
        let before = words(&doc.text()[r.start() as usize..m.start().max(r.start()) as usize]);
        let determiner = before.first().is_some_and(|w| {
            matches!(w.as_str(), "a" | "an" | "the" | "one" | "two" | "three" | "several" | "some" | "many")
        });
        let leads_away = |w: &str| {
            matches!(
                w,
                "who"
                    | "which"
                    | "that"
                    | "from"
                    | "with"
                    | "against"
                    | "linked"
                    | "close"
                    | "near"
                    | "to"
                    | "inside"
                    | "within"
            )
        };
        let away = before.iter().skip(1).position(|w| leads_away(w)).map(|k| k + 1);
        // (a report from or by an outlet is the outlet's: "a new report from The Wall Street Journal")
        // ("A statement attributed to the Islamic State group": the group's, as far as the
        // text goes)
        let attributed = before.iter().any(|w| w == "attributed");
        let document = attributed
            || away.is_some_and(|k| {
                let head = before[k - 1].as_str();
                matches!(before[k].as_str(), "from")
                    && (crate::attribution::is_report_noun(head)
                        || matches!(
                            head,
                            "article"
                                | "video"
                                | "statement"
                                | "translation"
                                | "research"
                                | "study"
                                | "post"
                                | "blog"
                                | "release"
                        ))
            });
        // (a name in apposition names the head: "An adviser to the Institute, Ana Ruiz")
        let apposition = text.contains(',');
        if determiner && away.is_some_and(|k| k >= 2) && !document && !apposition {
            return vec![Source::new(r, SourceKind::Anonymous, None)];
        }
    }
    // A named person, the last one not standing in a possessive ("Putin's spokesman").
    let person = ms
        .iter()
        .rev()
        .find(|(m, e)| {
            idx.kind(*e) == EntityKind::Person && {
                let after = &doc.text()[m.end() as usize..];
                // "the Trump campaign", "Clinton allies": the name modifies a group's head
                let modifies =
                    words(&doc.text()[m.end().min(r.end()) as usize..r.end() as usize]).last().is_some_and(|h| {
                        ORG_HEADS.contains(&h.as_str())
                            || ANON_HEADS.contains(&h.as_str())
                            || GROUP_HEADS.contains(&h.as_str())
                    });
                !(after.starts_with("'s") || after.starts_with("’s") || modifies)
            }
        })
        .copied();
    // An anonymous head before the name ("the official responsible for ... Khamenei appointed
    // General Soleimani") wins, unless it belongs to the person's own role phrase.
    let anon = anonymous_head_at(text);
    let anon_first = match (person, &anon) {
        (Some((m, e)), Some((h, off))) => {
            let at = r.start() + *off as u32;
            // "Nelson's manager, Jean-Pierre Henraux": the name in apposition is the head
            let head_end = (at as usize + h.len()).min(m.start() as usize);
            // ("An adviser to the Institute of Earth Studies, Wilfried Strauch": also after the
            // head's modifiers, when the name closes the span)
            let between = doc.text()[head_end..m.start() as usize].trim();
            let closes = words(&doc.text()[m.end() as usize..r.end().max(m.end()) as usize]).is_empty();
            let apposition = matches!(between, "," | "") || between.ends_with(',') && closes;
            at < m.start() && !idx.refs_of(e).any(|x| x.contains(at)) && !apposition
        }
        _ => false,
    };
    if let (Some((_, e)), false) = (person, anon_first) {
        return vec![Source::new(r, SourceKind::Person, Some(e))];
    }
    // "an NBC source", "a White House official": an unnamed person of a named organization;
    // the organization is not the speaker
    let head_is_anonymous = person.is_none()
        && !ms.is_empty()
        && words(text).last().is_some_and(|h| {
            matches!(
                h.as_str(),
                "source"
                    | "sources"
                    | "official"
                    | "officials"
                    | "insider"
                    | "insiders"
                    | "employee"
                    | "employees"
                    | "staffer"
                    | "staffers"
                    | "aide"
                    | "aides"
            )
        });
    if head_is_anonymous {
        return vec![Source::new(r, SourceKind::Anonymous, None)];
    }
    // (not a reference behind a preposition: "two people inside the agency")
    let behind_preposition = |e: EntityId| {
        idx.refs_of(e).any(|x| {
            r.contains_range(x)
                && after_preposition(
                    doc,
                    r,
                    x,
                    &["in", "at", "from", "of", "for", "with", "inside", "within", "near", "to"],
                )
        })
    };
    if let Some(e) = idx.reference(r).filter(|&e| !anon_first && !behind_preposition(e)) {
        return vec![Source::new(r, idx.kind(e).into(), Some(e))];
    }
    if let Some(src) = by_age(idx, r, own) {
        return vec![src];
    }
    if matches!(text.trim(), "that" | "which" | "Which") {
        if let Some(src) = relative_thing(idx, r, own) {
            return vec![src];
        }
    }
    if let Some(p) = pronoun(text) {
        return resolve_pronoun(idx, r, own, p, history);
    }
    // "Mr. King", "President Obama" missed by the recognizer: a known surname at the end.
    if ms.is_empty() && text.split_whitespace().last().is_some_and(|w| w.starts_with(char::is_uppercase)) {
        if let Some(e) = surname_entity(idx, text) {
            return vec![Source::new(r, SourceKind::Person, Some(e))];
        }
    }
    // "Tarik Jasarevic from the organisation", "Dr. Ali Khan of Johns Hopkins University": a named person
    // heading the phrase, the place or body after a preposition is theirs
    let person_head = ms.first().filter(|(m, e)| {
        idx.kind(*e) == EntityKind::Person
            // (past a title: "Dr. Ali Khan of Johns Hopkins University")
            && m.start() >= r.start()
            && doc.text()[r.start() as usize..m.start() as usize].split_whitespace().all(|w| w.starts_with(char::is_uppercase))
            && {
            let after = words(&doc.text()[m.end() as usize..r.end().max(m.end()) as usize]);
            after.first().is_some_and(|w| matches!(w.as_str(), "from" | "of" | "at" | "with" | "for"))
                // "Toshimitsu Shigemura, a professor at Tokyo's Waseda University"
                || doc.text()[m.end() as usize..r.end().max(m.end()) as usize].starts_with(", ")
                    && !coordinated(idx, &ms, Some(r))
        }
    });
    if let Some(&(_, e)) = person_head {
        return vec![Source::new(r, SourceKind::Person, Some(e))];
    }
    // "The Hollywood Reporter", "The Independent": an outlet or organization whose name ends the
    // span is the source, even when its name holds a word like "reporter"
    // (not one a preposition ties to an earlier head: "Witnesses on the scene at the War
    // Memorial")
    let named_head = ms.iter().rev().find(|(m, e)| {
        matches!(idx.kind(*e), EntityKind::Organization | EntityKind::Outlet)
            && words(&doc.text()[m.end() as usize..r.end().max(m.end()) as usize]).is_empty()
            && !(idx.kind(*e) == EntityKind::Organization
                && after_preposition(doc, r, *m, &["in", "at", "from", "near", "on", "outside", "inside", "within"]))
    });
    if let Some(&(_, e)) = named_head {
        return vec![Source::new(r, idx.kind(e).into(), Some(e))];
    }
    // an organization's head before a place: "the Saudi embassy in Washington"
    let ws = words(text);
    let pp = ws.iter().position(|w| matches!(w.as_str(), "in" | "at" | "from" | "near")).filter(|&p| p >= 1);
    if pp.is_some_and(|p| ORG_HEADS.contains(&ws[p - 1].as_str()))
        && ms.iter().all(|(_, e)| matches!(idx.kind(*e), EntityKind::Location | EntityKind::Other))
    {
        return vec![Source::new(r, SourceKind::Organization, None)];
    }
    if let Some(head) = anonymous_head(text) {
        // "the official": the earlier source with that head, if any.
        let definite = words(text).first().is_some_and(|w| w == "the");
        if definite {
            let s = sentence_of(doc, r.start());
            if let Some(n) = history
                .iter()
                .rev()
                .take_while(|n| s.saturating_sub(n.sentence) <= 4)
                .find(|n| n.head.as_deref() == Some(head.as_str()) && n.start < r.start() && !own.overlaps(n.names))
            {
                return vec![n.source(r)];
            }
        }
        return vec![Source::new(r, SourceKind::Anonymous, None)];
    }
    // "Plant's publicist", "the Manhattan apartment's occupant": a name that only modifies the
    // head is not the speaker
    // ... or one after a preposition behind the head: "the Saudi embassy in Washington"
    let modifier_only = |m: TextRange| {
        let after = &doc.text()[m.end() as usize..r.end().max(m.end()) as usize];
        let in_pp = after_preposition(doc, r, m, &["in", "at", "from", "near"]);
        after.starts_with("'s") || after.starts_with("’s") || !words(after).is_empty() || in_pp
    };
    // A named organization or outlet, else a place that heads the span ("Moscow", not "one
    // occupant of the Manhattan apartment"); never a bare nationality word.
    let named = ms
        .iter()
        .find(|(_, e)| matches!(idx.kind(*e), EntityKind::Organization | EntityKind::Outlet))
        .or_else(|| ms.iter().find(|(m, e)| idx.kind(*e) == EntityKind::Location && !modifier_only(*m)));
    if let Some(&(_, e)) = named {
        return vec![Source::new(r, idx.kind(e).into(), Some(e))];
    }
    if ws.last().is_some_and(|w| ORG_HEADS.contains(&w.as_str())) {
        if let Some(src) = definite_organization(idx, r, own, &ws) {
            return vec![src];
        }
        return vec![Source::new(r, SourceKind::Organization, None)];
    }
    if let Some(&(_, e)) = ms.first().filter(|(m, _)| !modifier_only(*m)) {
        return vec![Source::new(r, idx.kind(e).into(), Some(e))];
    }
    // a document named by its outlet or organization ("The Ikwiz article", "a Golf.com report")
    // is theirs; by anything else ("the Iraqi report") a document of no one known
    // ("Obama's letter", "O'Rourke's complaint": the person's)
    if ws.last().is_some_and(|w| DOC_HEADS.contains(&w.as_str())) {
        let owner = |m: TextRange, e: EntityId| {
            matches!(idx.kind(e), EntityKind::Organization | EntityKind::Outlet)
                || idx.kind(e) == EntityKind::Person && {
                    let after = &doc.text()[m.end() as usize..];
                    after.starts_with("'s") || after.starts_with("’s")
                }
        };
        if let Some(&(_, e)) = ms.iter().find(|(m, e)| owner(*m, *e)) {
            return vec![Source::new(r, idx.kind(e).into(), Some(e))];
        }
        return vec![Source::new(r, SourceKind::Other, None)];
    }
    if !ms.is_empty() {
        // an unnamed person or group described through a name: "Plant's publicist", "some Iraqi
        // news outlets", "at least one occupant of the Manhattan apartment"
        return vec![Source::new(r, SourceKind::Anonymous, None)];
    }
    describe_unnamed(idx, r, own)
}

/// Heads of a definite description that may name the person just quoted ("the Michigan-based
/// pro", "the 29-year-old", "the mother of two"), besides role nouns and [`PERSON_NOUNS`].
const DESCRIPTION_HEADS: &[&str] = &[
    "pro",
    "player",
    "golfer",
    "actor",
    "actress",
    "singer",
    "star",
    "rapper",
    "musician",
    "veteran",
    "old",
    "candidate",
    "coach",
    "author",
    "writer",
    "professor",
    "doctor",
    "economist",
    "billionaire",
    "businessman",
    "businesswoman",
    "entrepreneur",
    "comedian",
    "host",
    "anchor",
    "director",
    "filmmaker",
    "producer",
    "athlete",
    "striker",
    "pilot",
    "driver",
    "owner",
    "native",
    "retiree",
    "grandmother",
    "grandfather",
];

const FEMALE_NOUNS: &[&str] = &[
    "woman",
    "mother",
    "wife",
    "daughter",
    "sister",
    "girl",
    "actress",
    "grandmother",
    "businesswoman",
    "congresswoman",
    "chairwoman",
    "spokeswoman",
    "widow",
    "queen",
];
const MALE_NOUNS: &[&str] = &[
    "man",
    "father",
    "husband",
    "son",
    "brother",
    "boy",
    "actor",
    "grandfather",
    "businessman",
    "congressman",
    "chairman",
    "spokesman",
    "widower",
    "king",
];

/// "Dan Olsen said ... The Michigan-based pro added ...", "John Brown said ... The 29-year-old
/// told ...": a definite singular description without a name, as the speaker right after a
/// named person's statement (within two sentences, no other person named in between), is that
/// person, as a reader takes it. Never a head that introduces an unnamed source ("the
/// official", "the spokesman": those link only to an earlier source with the same head), a
/// group, a body, or a description of the other gender.
fn role_link(idx: &Index, r: TextRange, own: TextRange, history: &[Note]) -> Option<Source> {
    let doc = idx.doc;
    let ws = words(doc.slice(r));
    // (a place may modify it: "the Michigan-based pro")
    let named = idx.mentions_in(r).iter().any(|(_, e)| idx.kind(*e) != EntityKind::Location);
    if ws.first().map(String::as_str) != Some("the") || ws.len() < 2 || ws.len() > 6 || named {
        return None;
    }
    // the head: the last word, or the one before "of" + a number ("the mother of two")
    let of = ws.iter().position(|w| w == "of");
    let head = match of {
        Some(k) if k + 2 == ws.len() && matches!(ws[k + 1].as_str(), "two" | "three" | "four" | "five" | "six") => {
            &ws[k - 1]
        }
        Some(_) => return None,
        None => ws.last()?,
    };
    let h = head.as_str();
    if ANON_HEADS.contains(&h) || ORG_HEADS.contains(&h) || DOC_HEADS.contains(&h) || GROUP_HEADS.contains(&h) {
        return None;
    }
    if h.ends_with('s') && !matches!(h, "actress" | "businesswoman") || h == "people" || h == "children" {
        return None;
    }
    if !(DESCRIPTION_HEADS.contains(&h) || PERSON_NOUNS.contains(&h) || is_role_noun(h)) {
        return None;
    }
    // "the man", "the homeless man told him": a bare person word often means someone else
    if ws.iter().any(|w| matches!(w.as_str(), "man" | "woman" | "boy" | "girl" | "child" | "guy" | "lady" | "homeless"))
    {
        return None;
    }
    let n = history.last()?;
    let s = sentence_of(doc, r.start());
    let e = n.entity?;
    if n.kind != SourceKind::Person || n.plural || s.saturating_sub(n.sentence) > 2 || own.overlaps(n.names) {
        return None;
    }
    let gender = if ws.iter().any(|w| FEMALE_NOUNS.contains(&w.as_str())) {
        Some(gender::Gender::Female)
    } else if ws.iter().any(|w| MALE_NOUNS.contains(&w.as_str())) {
        Some(gender::Gender::Male)
    } else {
        None
    };
    // a gendered description needs a person of that gender ("the Congressman" is not a host
    // whose gender the article never shows)
    if let Some(g) = gender {
        let genders = idx.gender.get_or_init(|| gender::genders(doc));
        if genders.get(e.index()).copied().flatten() != Some(g) {
            return None;
        }
    }
    // no other person named between that statement and this one, outside what was said
    let between = TextRange::new(n.start.min(r.start()), r.start());
    let other = idx
        .mentions_in(between)
        .into_iter()
        .any(|(m, x)| x != e && idx.kind(x) == EntityKind::Person && !n.content.contains_range(m) && !own.overlaps(m));
    (!other).then(|| n.source(r))
}

/// The mention `m` inside the source span `r` follows a head and one of `preps`, past a
/// determiner: "Witnesses on the scene at [the War Memorial]", "the embassy in [Washington]".
fn after_preposition(doc: &Document, r: TextRange, m: TextRange, preps: &[&str]) -> bool {
    let before = words(&doc.text()[r.start() as usize..m.start().max(r.start()) as usize]);
    let prep = before.iter().rev().find(|w| !matches!(w.as_str(), "the" | "a" | "an"));
    before.len() >= 2 && prep.is_some_and(|w| preps.contains(&w.as_str()))
}

/// A source span with no mention: a surname the recognizer missed ("Pence" when "Mike Pence"
/// is named), an organization or a document by its head word ("the campaign", "the poll"), an
/// unnamed group or person ("environmentalists", "his ex-wife"), else unresolved.
fn describe_unnamed(idx: &Index, r: TextRange, own: TextRange) -> Vec<Source> {
    let doc = idx.doc;
    let text = doc.slice(r);
    let ws = words(text);
    let unresolved = vec![Source::new(r, SourceKind::Unresolved, None)];
    let Some(last) = ws.last() else { return unresolved };
    // One capitalized word: the surname or alias of a named person.
    let trimmed = text.trim();
    if ws.len() <= 2 && trimmed.split_whitespace().all(|w| w.starts_with(char::is_uppercase)) {
        if let Some(e) = surname_entity(idx, trimmed) {
            return vec![Source::new(r, SourceKind::Person, Some(e))];
        }
        // "Correspondents say", "Militants said": a plural common noun capitalized only by the
        // sentence start is an unnamed group
        let toks = doc.tokens_in(r);
        let sentence_start =
            doc.sentence_at(r.start()).is_some_and(|s| doc.sentences[s].tokens.start as usize == toks.start);
        let people = people_plural(last);
        let common_plural = ws.len() == 1
            && sentence_start
            && doc.pos.get(toks.start) == Some(&Upos::Noun)
            && people
            && !doc.text()[r.end() as usize..].trim_start().starts_with(':');
        return if common_plural { vec![Source::new(r, SourceKind::Anonymous, None)] } else { unresolved };
    }
    if HEAD_STOPS.contains(&ws[0].as_str()) || matches!(ws[0].as_str(), "under" | "after" | "before" | "during") {
        return unresolved;
    }
    if ORG_HEADS.contains(&last.as_str()) {
        if let Some(src) = definite_organization(idx, r, own, &ws) {
            return vec![src];
        }
        return vec![Source::new(r, SourceKind::Organization, None)];
    }
    if DOC_HEADS.contains(&last.as_str()) {
        return vec![Source::new(r, SourceKind::Other, None)];
    }
    // Unnamed people: a quantified or plural group, or a person by relation.
    let lower = text.split_whitespace().skip(1).all(|w| !w.starts_with(char::is_uppercase));
    // ("at least one employee", "more than a dozen officials")
    let bounded = ws.len() > 2
        && matches!((ws[0].as_str(), ws[1].as_str()), ("at", "least" | "most") | ("more" | "fewer" | "less", "than"));
    let quantified = QUANTIFIERS.contains(&ws[0].as_str()) || (ws[0] == "not" && ws.len() > 1) || bounded;
    let plural = last.len() > 3 && last.ends_with('s') && !last.ends_with("ss") && !last.ends_with("ing");
    if ws.len() <= 6 && lower && (quantified || plural || PERSON_NOUNS.contains(&last.as_str())) {
        return vec![Source::new(r, SourceKind::Anonymous, None)];
    }
    unresolved
}

/// Heads that any organization may be called by ("the company" for Durex); other heads
/// ("the ministry") need an organization whose name holds them.
const GENERIC_ORG_HEADS: &[&str] =
    &["company", "firm", "corporation", "group", "organization", "organisation", "business", "campaign"];

/// "the company", "the ministry": the organization named last before it (in this and the
/// four sentences before, outside the statement's own content) that the head fits.
fn definite_organization(idx: &Index, r: TextRange, own: TextRange, ws: &[String]) -> Option<Source> {
    let doc = idx.doc;
    if ws.first().is_none_or(|w| w != "the") || ws.len() > 3 {
        return None;
    }
    let head = ws.last()?;
    let s = sentence_of(doc, r.start());
    let lo = doc.sentences.get(s.saturating_sub(4)).map_or(0, |x| x.range.start());
    let window = TextRange::new(lo.min(r.start()), r.start());
    let generic = GENERIC_ORG_HEADS.contains(&head.as_str());
    idx.mentions_in(window)
        .into_iter()
        .rev()
        .filter(|(m, _)| !own.overlaps(*m) && window.contains_range(*m))
        .find(|(_, e)| {
            idx.kind(*e) == EntityKind::Organization
                && (generic || words(&doc.entities[e.index()].name).iter().any(|w| w == head))
        })
        .map(|(m, e)| through(idx, r, m, e))
}

const QUANTIFIERS: &[&str] =
    &["some", "many", "most", "all", "several", "few", "both", "others", "one", "two", "three", "four", "dozens"];

/// Nouns for a person named by a relation or description ("his ex-wife", "the woman").
const PERSON_NOUNS: &[&str] = &[
    "wife",
    "husband",
    "ex-wife",
    "ex-husband",
    "mother",
    "father",
    "son",
    "daughter",
    "brother",
    "sister",
    "friend",
    "woman",
    "man",
    "girl",
    "boy",
    "child",
    "children",
    "people",
    "neighbor",
    "neighbour",
    "partner",
    "lawyer",
    "attorney",
    "announcer",
    "narrator",
    "questioner",
    "voter",
    "resident",
    "victim",
    "survivor",
    "student",
    "teacher",
];

/// The one person whose name or alias ends with the last word of `text`.
fn surname_entity(idx: &Index, text: &str) -> Option<EntityId> {
    let last = text.split_whitespace().last()?;
    let last = last.trim_end_matches("'s").trim_end_matches("’s");
    let key = crate::entities::link::fold(last);
    let mut found =
        idx.doc.entities.iter().enumerate().filter(|(_, e)| e.kind == EntityKind::Person).filter(|(_, e)| {
            std::iter::once(&e.name)
                .chain(&e.aliases)
                .any(|n| n.split_whitespace().last().is_some_and(|w| crate::entities::link::fold(w) == key))
        });
    match (found.next(), found.next()) {
        (Some((i, _)), None) => Some(EntityId::from_index(i)),
        _ => None,
    }
}

/// Heads of documents that "say" things ("the poll", "the report").
const DOC_HEADS: &[&str] = &[
    "poll",
    "polls",
    "survey",
    "surveys",
    "study",
    "studies",
    "report",
    "statement",
    "ad",
    "ads",
    "analysis",
    "letter",
    "memo",
    "filing",
    "complaint",
    "lawsuit",
    "document",
    "documents",
    "data",
    "figures",
    "records",
    "website",
    "post",
    "tweet",
    "tweets",
    "release",
    "video",
    "book",
    "article",
    "editorial",
    "posting",
    "blog",
    "story",
    "piece",
    "research",
    "review",
    "audit",
];

/// "The 26-year-old says": the person the article introduced with that age ("26-year-old
/// Taugan Tan Kadalim", "Kadalim, 26,") before the statement.
fn by_age(idx: &Index, r: TextRange, own: TextRange) -> Option<Source> {
    let doc = idx.doc;
    let ws = words(doc.slice(r));
    let [the, age, year, old] = ws.as_slice() else { return None };
    if the != "the" || year != "year" || old != "old" || !age.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let text = doc.text();
    let before = &text[..r.start() as usize];
    let spelled = [format!("{age}-year-old "), format!(", {age},")];
    let mut best: Option<(TextRange, EntityId)> = None;
    for (m, e) in idx.mentions_in(TextRange::new(0, r.start())) {
        if idx.kind(e) != EntityKind::Person || own.overlaps(m) {
            continue;
        }
        let lead = &before[..m.start() as usize];
        let trail = &text[m.end() as usize..];
        let aged = lead.ends_with(spelled[0].as_str()) || trail.starts_with(spelled[1].as_str());
        if aged {
            best = Some((m, e));
        }
    }
    best.map(|(m, e)| through(idx, r, m, e))
}

/// "a posting on the National Report website that said", "nationalreport.net, which describes
/// itself as": the noun phrase right before a relative "that" / "which" (in its sentence, back to
/// its determiner) is the source; an outlet or organization named in it is the entity.
fn relative_thing(idx: &Index, r: TextRange, own: TextRange) -> Option<Source> {
    let doc = idx.doc;
    let toks = doc.tokens_in(r);
    let s = sentence_of(doc, r.start());
    let first = doc.sentences.get(s).map_or(0, |x| x.tokens.start as usize);
    let mut k = toks.start;
    // skip the comma of "X, which ..."
    if k > first && doc.slice(doc.tokens[k - 1].range) == "," {
        k -= 1;
    }
    let end = k;
    let mut start = end;
    while start > first && end - start < 10 {
        let w = doc.slice(doc.tokens[start - 1].range);
        if !w.chars().next().is_some_and(char::is_alphanumeric) || matches!(w, "and" | "or" | "but") {
            break;
        }
        start -= 1;
        if matches!(w.to_ascii_lowercase().as_str(), "a" | "an" | "the" | "this" | "one") {
            break;
        }
    }
    if start == end {
        return None;
    }
    let np = TextRange::new(doc.tokens[start].range.start(), doc.tokens[end - 1].range.end());
    if own.overlaps(np) {
        return None;
    }
    let named = idx
        .mentions_in(np)
        .into_iter()
        .rev()
        .find(|(_, e)| matches!(idx.kind(*e), EntityKind::Outlet | EntityKind::Organization));
    Some(match named {
        Some((_, e)) => Source { range: r, kind: idx.kind(e).into(), entity: Some(e), antecedent: Some(np) },
        None => {
            let head = words(doc.slice(np)).pop().unwrap_or_default();
            let kind = if DOC_HEADS.contains(&head.as_str()) { SourceKind::Other } else { SourceKind::Anonymous };
            Source { range: r, kind, entity: None, antecedent: Some(np) }
        }
    })
}

/// The noun phrase a relative pronoun at `r` hangs on, when a common noun (or, with `names`, a
/// name) ends right before it or before its comma: "a man who", "someone in that office who",
/// "The Israeli government, which". `None` for a predicate noun ("Foley was a freelancer who":
/// the subject's) and when a word of another kind comes before.
fn relative_head(idx: &Index, r: TextRange, names: bool) -> Option<TextRange> {
    let doc = idx.doc;
    let s0 = doc.sentences.get(sentence_of(doc, r.start())).map_or(0, |x| x.tokens.start as usize);
    let mut k = doc.tokens_in(r).start;
    if k > s0 + 1 && doc.slice(doc.tokens[k - 1].range) == "," {
        k -= 1;
    }
    let word = |j: usize| doc.tokens[j].kind == TokenKind::Word;
    let named = !idx.mentions_in(doc.tokens.get(k.checked_sub(1)?)?.range).is_empty();
    let noun = doc.pos.get(k - 1) == Some(&Upos::Noun) && !named
        || names && named && matches!(doc.pos.get(k - 1), Some(Upos::Propn | Upos::Noun));
    if k <= s0 || !noun || !word(k - 1) {
        return None;
    }
    let phrase_start = |mut j: usize| {
        while j > s0
            && k - j < 8
            && (matches!(doc.pos.get(j - 1), Some(Upos::Det | Upos::Adj | Upos::Noun | Upos::Num | Upos::Propn))
                && word(j - 1)
                || matches!(doc.slice(doc.tokens[j - 1].range), "'s" | "’s"))
        {
            j -= 1;
        }
        j
    };
    let mut j = phrase_start(k - 1);
    // ("someone in that office who promised", "a spokesperson from Banksy's camp who
    // said": the head the prepositional phrase hangs on)
    if j > s0 + 1 && matches!(doc.slice(doc.tokens[j - 1].range), "in" | "of" | "from" | "at" | "for" | "with") && {
        // (a person's head: not "a call Thursday morning from a man who")
        let h = doc.slice(doc.tokens[j - 2].range).to_lowercase();
        ANON_HEADS.contains(&h.as_str())
            || PERSON_NOUNS.contains(&h.as_str())
            || is_role_noun(&h)
            || matches!(h.as_str(), "someone" | "somebody" | "anyone" | "one")
    } {
        j = phrase_start(j - 2);
    }
    let predicate = j > s0
        && matches!(doc.slice(doc.tokens[j - 1].range), "is" | "was" | "are" | "were" | "been" | "'s" | "’s")
        && doc.pos.get(j - 1) == Some(&Upos::Aux);
    (!predicate).then(|| TextRange::new(doc.tokens[j].range.start(), doc.tokens[k - 1].range.end()))
}

/// A relative pronoun at `r` resolved as the phrase `np` it hangs on.
fn through_phrase(idx: &Index, r: TextRange, np: TextRange, own: TextRange, history: &[Note]) -> Vec<Source> {
    resolve_source(idx, np, own, history)
        .into_iter()
        .map(|src| Source { range: r, antecedent: Some(src.antecedent.unwrap_or(src.range)), ..src })
        .collect()
}

/// "who replied": the phrase the pronoun hangs on ([`relative_head`]), else the last person
/// named before it in the sentence, outside a question clause ("whether Putin met with the
/// general who replied" skips Putin and the general).
fn resolve_relative(idx: &Index, r: TextRange, own: TextRange, history: &[Note]) -> Vec<Source> {
    let doc = idx.doc;
    // "a call from a man who said ...", "officials who said ...": a common noun right before
    // the pronoun is its antecedent, not a person named earlier in the sentence
    if let Some(np) = relative_head(idx, r, false) {
        return through_phrase(idx, r, np, own, history);
    }
    let s = sentence_of(doc, r.start());
    let lo = doc.sentences.get(s).map_or(r.start(), |x| x.range.start()).min(r.start());
    let before = TextRange::new(lo, r.start());
    let question = doc
        .tokens_in(before)
        .rev()
        .find(|&k| {
            let w = doc.slice(doc.tokens[k].range);
            w.eq_ignore_ascii_case("whether") || w.eq_ignore_ascii_case("if")
        })
        .map_or(r.start(), |k| doc.tokens[k].range.start());
    let window = TextRange::new(lo, question.max(lo));
    let person = idx
        .mentions_in(window)
        .into_iter()
        .rev()
        .find(|(m, e)| idx.kind(*e) == EntityKind::Person && window.contains_range(*m) && !own.overlaps(*m));
    match person {
        Some((m, e)) => vec![through(idx, r, m, e)],
        None => {
            // "said a male witness, who said ...": the unnamed source the clause hangs on
            let gap = |n: &Note| {
                n.names.end() <= r.start() && doc.text()[n.names.end() as usize..r.start() as usize].trim() == ","
            };
            match history.iter().rev().take(2).find(|n| gap(n)) {
                Some(n) => vec![n.source(r)],
                None => vec![Source::new(r, SourceKind::Unresolved, None)],
            }
        }
    }
}

fn resolve_pronoun(idx: &Index, r: TextRange, own: TextRange, p: Pronoun, history: &[Note]) -> Vec<Source> {
    if p == Pronoun::Relative {
        return resolve_relative(idx, r, own, history);
    }
    // "The Israeli government, which said", "AppleDaily, which claimed": the phrase before
    if idx.doc.slice(r).eq_ignore_ascii_case("which") {
        if let Some(np) = relative_head(idx, r, true) {
            return through_phrase(idx, r, np, own, history);
        }
    }
    let doc = idx.doc;
    let s = sentence_of(doc, r.start());
    // "he" never takes someone the article calls "she", nor "the spokeswoman"
    let g = gender::of_pronoun(doc.slice(r));
    let fits = |n: &Note| match p {
        Pronoun::Singular => {
            !n.plural
                && (n.kind == SourceKind::Person || (n.kind == SourceKind::Anonymous && n.head.is_some()))
                && !n.entity.is_some_and(|e| idx.other_gender(e, g))
                && !n.head.as_deref().and_then(gender::of_role).is_some_and(|h| g.is_some_and(|g| g != h))
        }
        Pronoun::Plural => n.plural,
        Pronoun::Neuter => {
            !n.plural && matches!(n.kind, SourceKind::Organization | SourceKind::Outlet | SourceKind::Location)
        }
        Pronoun::Relative => false,
    };
    let from_history = history
        .iter()
        .rev()
        .take_while(|n| s.saturating_sub(n.sentence) <= 3)
        .find(|n| n.start < r.start() && !own.contains(n.names.start()) && fits(n));
    // Mentions in this and the three sentences before, outside the attribution's own content.
    let lo = doc.sentences.get(s.saturating_sub(3)).map_or(0, |x| x.range.start());
    let window = TextRange::new(lo.min(r.start()), r.start());
    let mut before = idx.mentions_in(window);
    before.retain(|(m, _)| !own.overlaps(*m));
    let from_mentions: Option<Vec<(TextRange, EntityId)>> = match p {
        Pronoun::Relative => None,
        Pronoun::Singular => {
            // Names inside what earlier sources said are what they spoke about, not speakers.
            let recent: Vec<TextRange> =
                history.iter().rev().take_while(|n| s.saturating_sub(n.sentence) <= 3).map(|n| n.content).collect();
            // (nor is one of a list of people: "Tinky-Winky, Dipsy, Laa Laa and Po had fun"
            // is no "she"; a name right before "and <Name>", or after another name and a comma,
            // whatever kind the tagger gave the others)
            let text = doc.text();
            let listed = |i: usize| {
                let m = before[i].0;
                let after = &text[m.end() as usize..];
                after.strip_prefix(" and ").is_some_and(|x| x.starts_with(char::is_uppercase))
                    || i > 0
                        && before[i - 1].0.end() <= m.start()
                        && text[before[i - 1].0.end() as usize..m.start() as usize].trim() == ","
                        && (after.starts_with(',') || after.starts_with(" and "))
            };
            (0..before.len())
                .rev()
                .find(|&i| {
                    let (m, e) = before[i];
                    idx.kind(e) == EntityKind::Person
                        && !recent.iter().any(|c| c.contains_range(m))
                        && !idx.other_gender(e, g)
                        && !listed(i)
                })
                .map(|i| vec![before[i]])
        }
        Pronoun::Neuter => before
            .iter()
            .rev()
            .find(|(_, e)| matches!(idx.kind(*e), EntityKind::Organization | EntityKind::Outlet))
            .map(|&x| vec![x]),
        Pronoun::Plural => {
            // the last coordinated group of same-kind mentions
            let mut best = None;
            let mut i = before.len();
            while i >= 2 && best.is_none() {
                let mut j = i - 1;
                while j > 0
                    && idx.kind(before[j - 1].1) == idx.kind(before[i - 1].1)
                    && coordinated(idx, &before[j - 1..i], None)
                {
                    j -= 1;
                }
                if i - j >= 2 {
                    best = Some(before[j..i].to_vec());
                }
                i -= 1;
            }
            best
        }
    };
    let hist_pos = from_history.map(|n| n.start);
    let ment_pos = from_mentions.as_ref().and_then(|v| v.last()).map(|(m, _)| m.start());
    // History wins unless a fitting mention group is nearer for "they" / "it".
    let use_mentions = match (hist_pos, ment_pos) {
        (None, Some(_)) => true,
        (Some(h), Some(m)) => m > h,
        _ => false,
    };
    if use_mentions {
        if let Some(v) = from_mentions {
            return v.into_iter().map(|(m, e)| through(idx, r, m, e)).collect();
        }
    }
    if let Some(n) = from_history {
        // A plural antecedent that was a group: every member.
        if n.plural && n.entity.is_some() {
            let mut group: Vec<Source> = history
                .iter()
                .rev()
                .take_while(|m| m.start >= n.start)
                .filter(|m| m.start == n.start && m.plural && m.entity.is_some())
                .map(|m| m.source(r))
                .collect();
            group.reverse();
            return group;
        }
        return vec![n.source(r)];
    }
    vec![Source::new(r, SourceKind::Unresolved, None)]
}

/// Words that tie a relaying outlet or the cue to the edge of a content ("... told Reuters",
/// "said in an interview with the news agency").
const EDGE_LINKS: &[&str] = &[
    "told",
    "tells",
    "telling",
    "said",
    "says",
    "saying",
    "reported",
    "reports",
    "reporting",
    "wrote",
    "writes",
    "to",
    "by",
    "in",
    "on",
    "with",
    "the",
    "a",
    "an",
    "news",
    "agency",
    "newspaper",
    "channel",
    "interview",
    "citing",
    "according",
    "quoted",
    "cited",
    "that",
    "and",
];

/// A source span that cannot be a noun phrase, from a misparse: it holds a verb phrase that no
/// relative pronoun introduces ("Johnson has disputed a Golf.com report"). (A verb that opens
/// the span is no sign: the tagger takes "Research" in "Research firm Canalys" or "exit" in
/// "exit polls" for one.)
fn malformed_source(doc: &Document, r: TextRange) -> bool {
    let toks = doc.tokens_in(r);
    if toks.is_empty() || doc.pos.len() < toks.end {
        return false;
    }
    let tag = |k: usize| doc.pos[k];
    let w = |k: usize| doc.slice(doc.tokens[k].range).to_ascii_lowercase();
    let relative = toks.clone().position(|k| matches!(w(k).as_str(), "who" | "whom" | "that" | "which" | "whose"));
    // "appeared in a tweet": a verb opening the span
    let verb_first = toks.len() >= 2
        && tag(toks.start) == Upos::Verb
        && matches!(tag(toks.start + 1), Upos::Adp | Upos::Det)
        && doc.slice(doc.tokens[toks.start].range).starts_with(char::is_lowercase)
        && !crate::attribution::is_report_noun(&w(toks.start));
    // "Apple sets production plans based": a finite verb with its object inside
    let finite_inside = toks.clone().enumerate().any(|(i, k)| {
        let v = w(k);
        i > 0
            && k + 1 < toks.end
            && tag(k) == Upos::Verb
            && v.ends_with('s')
            && !v.ends_with("ss")
            && matches!(tag(k + 1), Upos::Noun | Upos::Det)
            && matches!(tag(k - 1), Upos::Propn | Upos::Noun)
            && relative.is_none_or(|p| p > i)
    });
    verb_first
        || finite_inside
        || toks.clone().enumerate().any(|(i, k)| {
            k + 1 < toks.end
                && tag(k) == Upos::Aux
                && tag(k + 1) == Upos::Verb
                && matches!(w(k).as_str(), "has" | "have" | "had" | "is" | "are" | "was" | "were")
                && relative.is_none_or(|p| p > i)
        })
}

/// The source of a participle cue is the noun phrase it modifies, not the clause before it:
/// "Johnson disputed a Golf.com report saying ..." -> "a Golf.com report"; "have not spoken
/// out on the latest hoax claiming ..." -> "the latest hoax". The span is cut after its last
/// verb, and the prepositions, particles and adverbs that follow. After a comma (", saying")
/// the participle speaks for the clause's subject, and the span is kept.
fn participle_head(doc: &Document, r: TextRange, cue: TextRange) -> TextRange {
    let participle = doc.slice(cue).split_whitespace().next().is_some_and(|w| {
        matches!(
            w.to_ascii_lowercase().as_str(),
            "saying" | "claiming" | "stating" | "suggesting" | "alleging" | "reporting" | "asserting" | "insisting"
        )
    });
    let toks = doc.tokens_in(r);
    if !participle || toks.is_empty() || doc.pos.len() < toks.end || cue.start() < r.end() {
        return r;
    }
    // ", saying ...": an adverbial participle speaks for the clause's subject, which the span
    // may run past into its verb ("agent Mark Steinberg released [a statement to X], saying")
    let between = &doc.text()[r.end() as usize..cue.start() as usize];
    if !between.trim().is_empty() {
        return match toks.clone().skip(1).find(|&k| doc.pos[k] == Upos::Verb) {
            Some(verb) => TextRange::new(r.start(), doc.tokens[verb - 1].range.end()),
            None => r,
        };
    }
    let Some(last_verb) = toks.clone().rev().find(|&k| matches!(doc.pos[k], Upos::Verb | Upos::Aux)) else {
        return r;
    };
    let mut k = last_verb + 1;
    while k < toks.end && matches!(doc.pos[k], Upos::Adp | Upos::Adv | Upos::Part) {
        k += 1;
    }
    if k >= toks.end {
        return r;
    }
    // only a report or a document speaks ("the latest hoax claiming"); "he went on national
    // television claiming ...": the subject does
    let head = doc.slice(doc.tokens[toks.end - 1].range).to_lowercase();
    let document = crate::attribution::is_report_noun(&head)
        || matches!(
            head.as_str(),
            "hoax"
                | "post"
                | "posts"
                | "tweet"
                | "tweets"
                | "video"
                | "article"
                | "letter"
                | "statement"
                | "blog"
                | "website"
                | "site"
                | "message"
                | "email"
                | "note"
                | "release"
        );
    if !document {
        return match last_verb > toks.start
            && matches!(doc.pos[toks.start], Upos::Pron | Upos::Propn | Upos::Noun | Upos::Det)
        {
            true => TextRange::new(r.start(), doc.tokens[last_verb - 1].range.end()),
            false => r,
        };
    }
    TextRange::new(doc.tokens[k].range.start(), r.end())
}

/// A content that runs from a quotation before its cue over a quotation in a later sentence
/// ("“A,” said X. “B.”"): the two parts, each from its first to its last quotation mark.
fn continuation_split(doc: &Document, cue: TextRange, content: TextRange) -> Option<(TextRange, TextRange)> {
    if content.start() >= cue.start() || content.end() <= cue.end() {
        return None;
    }
    let toks = doc.tokens_in(content);
    let is_quote = |k: usize| matches!(doc.tokens[k].kind, TokenKind::Quote(_));
    let cue_sentence = doc.sentence_at(cue.start())?;
    let a_end = toks.clone().rev().find(|&k| doc.tokens[k].range.end() <= cue.start() && is_quote(k))?;
    // (or in the cue's sentence, when the quotation opens a sentence of its own: "“A,” X said,
    // “You cannot ...”", not "“Every time you say that,” X said, “you give ...”")
    let capital_after = |k: usize| {
        k + 1 < doc.tokens.len()
            && doc.slice(doc.tokens[k + 1].range).starts_with(char::is_uppercase)
            && doc.slice(doc.tokens[k + 1].range) != "I"
    };
    let b_start = toks.clone().find(|&k| {
        doc.tokens[k].range.start() >= cue.end()
            && is_quote(k)
            && doc.sentence_at(doc.tokens[k].range.start()).is_some_and(|s| s > cue_sentence || capital_after(k))
    })?;
    let a = TextRange::new(content.start(), doc.tokens[a_end].range.end());
    let b = TextRange::new(doc.tokens[b_start].range.start(), content.end());
    (a.end() > a.start() && b.end() > b.start()).then_some((a, b))
}

/// `content` without a wire dateline at its head: "(Reuters) - Iraqi pilots ...", "BEIRUT
/// (Reuters) – ...", "TORONTO – A soldier ..." is the article's byline, not what was said.
fn strip_dateline(doc: &Document, content: TextRange) -> TextRange {
    let toks = doc.tokens_in(content);
    // (a dash set off by spaces: not "U.S.-led")
    let text = doc.text();
    let spaced = |k: usize| {
        let r = doc.tokens[k].range;
        text[..r.start() as usize].ends_with(' ') && text[r.end() as usize..].starts_with(' ')
    };
    let dash =
        toks.clone().take(8).find(|&k| matches!(doc.slice(doc.tokens[k].range), "-" | "–" | "—" | "--") && spaced(k));
    let Some(dash) = dash else { return content };
    let head: Vec<&str> = (toks.start..dash).map(|k| doc.slice(doc.tokens[k].range)).collect();
    // upper-case place names, an outlet in parentheses, or both
    let place = |w: &str| w.len() > 1 && w.chars().all(|c| c.is_uppercase() || c == '.' || c == ',');
    let paren = head.contains(&"(");
    let dateline = !head.is_empty()
        && head.iter().all(|w| place(w) || matches!(*w, "(" | ")" | ",") || paren && w.starts_with(char::is_uppercase))
        && (paren || head.iter().all(|w| place(w) || *w == ","));
    match dateline.then(|| doc.tokens.get(dash + 1)).flatten() {
        Some(next) if next.range.start() < content.end() => TextRange::new(next.range.start(), content.end()),
        _ => content,
    }
}

/// A capitalized word right before a cue, in mid-sentence, that is one part of exactly one
/// person's name mentioned earlier: "but So said that is incorrect" (So Se Pyong), which the
/// extractor, taking "So" for a conjunction, leaves without a source.
fn name_before_cue(idx: &Index, cue: TextRange, content: TextRange) -> Option<Source> {
    let doc = idx.doc;
    let k = doc.tokens_in(cue).start.checked_sub(1)?;
    let s = doc.sentences.get(sentence_of(doc, cue.start()))?;
    if k <= s.tokens.start as usize || content.contains_range(doc.tokens[k].range) {
        return None;
    }
    let word = doc.slice(doc.tokens[k].range);
    let prev = doc.slice(doc.tokens[k - 1].range);
    if word.len() < 2
        || !word.starts_with(|c: char| c.is_uppercase())
        || !word.chars().all(char::is_alphabetic)
        || prev.starts_with(|c: char| c.is_uppercase())
    {
        return None;
    }
    let mut found = doc.entities.iter().enumerate().filter(|(_, e)| {
        let parts: Vec<&str> = e.name.split_whitespace().collect();
        e.kind == EntityKind::Person
            && parts.len() > 1
            && (parts.first() == Some(&word) || parts.last() == Some(&word))
            && e.mentions.first().is_some_and(|m| doc.mentions[m.index()].range.end() <= doc.tokens[k].range.start())
    });
    let (i, e) = found.next()?;
    if found.next().is_some() {
        return None;
    }
    let first = doc.mentions[e.mentions.first()?.index()].range;
    Some(through(idx, doc.tokens[k].range, first, EntityId::from_index(i)))
}

/// The outlet a statement was given to between its source and an adverbial participle cue:
/// "Steinberg released a statement to Golf News Net, saying ..." -> Golf News Net.
fn statement_given_to(idx: &Index, source: TextRange, cue: TextRange) -> Option<Via> {
    let doc = idx.doc;
    let cue_w = words(doc.slice(cue));
    if cue.start() <= source.end() || !matches!(cue_w.first().map(String::as_str), Some("saying" | "stating")) {
        return None;
    }
    let gap = TextRange::new(source.end(), cue.start());
    let gap_text = doc.slice(gap);
    if !gap_text.trim_end().ends_with(',') || gap_text.contains(['.', ';', '"', '“', '”']) {
        return None;
    }
    let (m, e) = idx.mentions_in(gap).into_iter().find(|(_, e)| idx.is_outlet(*e))?;
    let before = words(&doc.text()[gap.start() as usize..m.start() as usize]);
    matches!(before.last().map(String::as_str), Some("to" | "with")).then_some(Via { range: m, entity: Some(e) })
}

/// Puts `hop` first in `via` (the hop nearest the article), unless the chain already has it
/// (the same words, or the same entity named elsewhere).
fn add_nearest_hop(via: &mut Vec<Via>, hop: Via) {
    if !via.iter().any(|v| v.range.overlaps(hop.range) || (v.entity.is_some() && v.entity == hop.entity)) {
        via.insert(0, hop);
    }
}

/// "Hunter was told directly by a senior official that X": the named person told (the subject of
/// the passive, right before "was told") relays the agent's statement.
fn passive_addressee(idx: &Index, source: TextRange, cue: TextRange) -> Option<Via> {
    let doc = idx.doc;
    if source.start() < cue.end()
        || !matches!(words(doc.slice(cue)).last().map(String::as_str), Some("told" | "informed"))
    {
        return None;
    }
    let w = |k: usize| doc.slice(doc.tokens[k].range).to_ascii_lowercase();
    let mut k = doc.tokens_in(cue).start;
    let mut be = false;
    while k > 0 && matches!(w(k - 1).as_str(), "was" | "were" | "been" | "had" | "has" | "have" | "is" | "are") {
        be = true;
        k -= 1;
    }
    if !be || k == 0 {
        return None;
    }
    let end = doc.tokens[k - 1].range.end();
    let (m, e) = idx.mentions_in(TextRange::new(end.saturating_sub(60), end)).into_iter().rev().find(|(m, e)| {
        m.end() == end && matches!(idx.kind(*e), EntityKind::Person | EntityKind::Organization | EntityKind::Outlet)
    })?;
    Some(Via { range: m, entity: Some(e) })
}

/// "in a video sent to Agence France-Presse on Saturday in which Shekau ruled out talks": the
/// outlet a recording or a message was sent to, in the clause that opens on the statement's
/// source, relays the statement.
fn sent_to_outlet(idx: &Index, source: TextRange, cue: TextRange) -> Option<Via> {
    let doc = idx.doc;
    let s = sentence_of(doc, cue.start());
    let sent = doc.sentences.get(s)?;
    let first = sent.tokens.start as usize;
    let src = doc.tokens_in(source).start;
    if src <= first + 4 || source.end() > cue.start() {
        return None;
    }
    let w = |k: usize| doc.slice(doc.tokens[k].range).to_ascii_lowercase();
    // "in which" / "where" right before the source (past a short apposition-free gap)
    let which = (src.saturating_sub(3).max(first + 1)..src).find(|&k| w(k) == "which" && w(k - 1) == "in")?;
    let to = (which.saturating_sub(12).max(first + 1)..which).rev().find(|&k| w(k) == "to")?;
    let sent_verb = matches!(
        w(to - 1).as_str(),
        "sent" | "given" | "handed" | "provided" | "emailed" | "mailed" | "delivered" | "released" | "leaked"
    );
    if !sent_verb {
        return None;
    }
    let gap = TextRange::new(doc.tokens[to].range.end(), doc.tokens[which - 1].range.start());
    let (m, e) = idx.mentions_in(gap).into_iter().find(|(_, e)| idx.is_outlet(*e))?;
    Some(Via { range: m, entity: Some(e) })
}

/// "said Plant’s publicist to the Guardian", "says Smith in an interview with CNN": an outlet
/// named right after a source that follows its speech verb is the one the words were given to.
fn inverted_addressee(idx: &Index, source: TextRange, cue: TextRange) -> Option<Via> {
    let doc = idx.doc;
    let cue_w = words(doc.slice(cue));
    if source.start() < cue.end() || !cue_w.last().is_some_and(|w| matches!(w.as_str(), "said" | "says" | "say")) {
        return None;
    }
    let k = doc.tokens_in(source).end;
    let lead: Vec<&str> = (k..(k + 5).min(doc.tokens.len()))
        .map(|i| doc.slice(doc.tokens[i].range))
        .take_while(|w| w.chars().all(char::is_alphabetic))
        .collect();
    let n = match lead.as_slice() {
        ["to" | "To", ..] => 1,
        ["in", "an", "interview", "with", ..] => 4,
        _ => return None,
    };
    if k + n >= doc.tokens.len() {
        return None;
    }
    let from = doc.tokens[k + n].range.start();
    let (m, e) = idx
        .mentions_in(TextRange::new(from, doc.tokens[(k + n + 4).min(doc.tokens.len() - 1)].range.end()))
        .into_iter()
        .find(|(_, e)| idx.is_outlet(*e))?;
    // the outlet opens the phrase: "to the Guardian", "to The Independent"
    let between = words(&doc.text()[from as usize..m.start() as usize]);
    (between.is_empty() || between == ["the"]).then_some(Via { range: m, entity: Some(e) })
}

/// A lowercase plural that names people by its suffix or by itself ("correspondents",
/// "witnesses"), not "rumors", "photos", "origins" or the verb "keeps".
fn people_plural(w: &str) -> bool {
    ["ers", "ists", "ants", "ents", "ians", "ans", "als"].iter().any(|x| w.ends_with(x))
        || matches!(w, "others" | "witnesses" | "troops" | "police" | "sources" | "officials")
}

/// `r` holds a named mention, or a noun, a proper noun, a pronoun or a number by the tagger;
/// true without tags.
fn names_someone(idx: &Index, r: TextRange) -> bool {
    let doc = idx.doc;
    let toks = doc.tokens_in(r);
    // a capitalized plural opening the sentence is a noun whatever the tagger says ("Witnesses
    // reported gunfire": sentence-initial "Witnesses" is tagged a verb)
    let opening_plural = toks.len() == 1 && {
        let w = doc.slice(doc.tokens[toks.start].range);
        let starts = doc.sentence_at(r.start()).is_some_and(|s| doc.sentences[s].tokens.start as usize == toks.start);
        starts && w.starts_with(char::is_uppercase) && people_plural(&w.to_lowercase())
    };
    // "some note that", "many believe": a quantifier alone stands for people
    let quantifier = toks.len() == 1 && {
        let w = doc.slice(doc.tokens[toks.start].range).to_lowercase();
        matches!(w.as_str(), "some" | "many" | "several" | "most" | "both" | "few" | "others")
    };
    doc.pos.len() < toks.end
        || opening_plural
        || quantifier
        || toks.clone().any(|k| matches!(doc.pos[k], Upos::Noun | Upos::Propn | Upos::Pron | Upos::Num | Upos::X))
        || !idx.mentions_in(r).is_empty()
}

/// "attacked Machado in early-morning tweets", "has not mentioned Machado since the debate": a
/// content that is a noun phrase (no verb) ends before a closing adjunct of when or where it was
/// said.
fn noun_phrase_end(doc: &Document, content: TextRange) -> TextRange {
    let toks = doc.tokens_in(content);
    if toks.len() < 3 || doc.pos.len() < toks.end {
        return content;
    }
    let w = |k: usize| doc.slice(doc.tokens[k].range).to_ascii_lowercase();
    if !matches!(doc.pos[toks.start], Upos::Det | Upos::Propn | Upos::Noun | Upos::Pron | Upos::Adj | Upos::Num) {
        return content;
    }
    let medium = |x: &str| {
        crate::time::is_day_name(x)
            || matches!(
                x,
                "tweet"
                    | "tweets"
                    | "interview"
                    | "interviews"
                    | "statement"
                    | "speech"
                    | "debate"
                    | "rally"
                    | "ad"
                    | "week"
                    | "weekend"
                    | "morning"
                    | "night"
                    | "evening"
                    | "afternoon"
                    | "month"
                    | "year"
                    | "ruling"
                    | "post"
                    | "video"
            )
    };
    // (a relative clause after a comma often holds what is claimed: "the price of the Watch,
    // which will sell for $349"; it stays)
    if toks.clone().any(|k| matches!(doc.pos[k], Upos::Verb | Upos::Aux) || w(k) == "that") {
        return content;
    }
    for k in toks.start + 1..toks.end {
        let cut = match w(k).as_str() {
            // (an adjunct closing the phrase: "this year due to solar storm" goes on)
            "in" | "since" | "during" | "on" | "at" | "after" | "before" => {
                toks.end - k <= 7 && (k + 1..(k + 5).min(toks.end)).any(|m| medium(&w(m)))
            }
            "last" | "this" => toks.end - k <= 3 && k + 1 < toks.end && medium(&w(k + 1)),
            _ => false,
        };
        if cut {
            return TextRange::new(content.start(), doc.tokens[k - 1].range.end());
        }
    }
    content
}

/// "The plan failed, the minister said": the comma that ends a content before its cue is no
/// part of what was said.
fn drop_trailing_separator(doc: &Document, content: TextRange) -> TextRange {
    let toks = doc.tokens_in(content);
    let mut end = toks.end;
    while end > toks.start + 1 && matches!(doc.slice(doc.tokens[end - 1].range), "," | ";" | ":" | "—" | "–" | "--")
    {
        end -= 1;
    }
    if end == toks.end {
        content
    } else {
        TextRange::new(content.start(), doc.tokens[end - 1].range.end())
    }
}

/// The part of `content` from offset `from` on, past a leading "that" ("told Vocativ that he
/// ...", "It was reported that X"); `content` itself when nothing is left.
fn rest_after(doc: &Document, from: u32, content: TextRange) -> TextRange {
    let rest = doc.tokens_in(TextRange::new(from, content.end()));
    let skip = rest.start + usize::from(rest.start < rest.end && doc.slice(doc.tokens[rest.start].range) == "that");
    if skip < rest.end {
        TextRange::new(doc.tokens[skip].range.start(), content.end())
    } else {
        content
    }
}

/// `r` without the words at its end that cannot end a noun phrase (a preposition, a
/// determiner, a conjunction, a possessive pronoun, punctuation); `None` when nothing is left.
fn trim_dangling(doc: &Document, r: TextRange) -> Option<TextRange> {
    let toks = doc.tokens_in(r);
    if doc.pos.len() < toks.end {
        return Some(r);
    }
    let mut end = toks.end;
    // "Williams, on Wednesday": a day after the name is no part of it
    if end >= toks.start + 3 {
        let w = |k: usize| doc.slice(doc.tokens[k].range).to_ascii_lowercase();
        let day = crate::time::is_day_name(&w(end - 1)) || matches!(w(end - 1).as_str(), "yesterday" | "today");
        if day && matches!(w(end - 2).as_str(), "on" | "last" | "this" | ",") {
            end -= 1;
            while end > toks.start + 1 && matches!(w(end - 1).as_str(), "on" | "last" | "this" | ",") {
                end -= 1;
            }
        }
    }
    while end > toks.start {
        let k = end - 1;
        let w = doc.slice(doc.tokens[k].range).to_ascii_lowercase();
        let dangling = matches!(doc.pos[k], Upos::Adp | Upos::Det | Upos::Cconj | Upos::Sconj | Upos::Punct)
            && !matches!(w.as_str(), "\"" | "”" | "'" | "’" | ")")
            // ("some note that", "many believe": a quantifier standing for people)
            && !(end == toks.end && matches!(w.as_str(), "some" | "many" | "several" | "most" | "both" | "few" | "all"))
            || matches!(w.as_str(), "its" | "their" | "his" | "her" | "our" | "my" | "your");
        if !dangling {
            break;
        }
        end = k;
    }
    if end == toks.end {
        return Some(r);
    }
    (end > toks.start).then(|| TextRange::new(r.start(), doc.tokens[end - 1].range.end()))
}

/// Words that open a subordinate clause at the start of a sentence.
const SUBORDINATORS: &[&str] =
    &["if", "although", "though", "while", "when", "whereas", "because", "since", "unless", "once", "after"];

/// "Even if So denies any health problems, Kim has not been seen ...": a cue inside a
/// sentence-opening subordinate clause says only what that clause holds; its content ends at
/// the comma that closes the clause.
fn subordinate_end(doc: &Document, content: TextRange, cue: TextRange) -> TextRange {
    let s = sentence_of(doc, cue.start());
    let Some(sent) = doc.sentences.get(s) else { return content };
    let (a, b) = (sent.tokens.start as usize, (sent.tokens.end as usize).min(doc.tokens.len()));
    let w = |k: usize| doc.slice(doc.tokens[k].range).to_ascii_lowercase();
    let opens = a < b && SUBORDINATORS.contains(&w(a).as_str())
        || a + 1 < b && w(a) == "even" && matches!(w(a + 1).as_str(), "if" | "though");
    if !opens || content.start() < cue.end() {
        return content;
    }
    // no comma between the sentence start and the cue: the cue is inside the clause
    let cue_tok = doc.tokens_in(cue).start;
    if (a..cue_tok).any(|k| w(k) == ",") {
        return content;
    }
    let toks = doc.tokens_in(content);
    match toks.clone().find(|&k| w(k) == "," && k > toks.start) {
        Some(k) => TextRange::new(content.start(), doc.tokens[k - 1].range.end()),
        None => content,
    }
}

/// Participles that report a clause ("a story suggesting that ...").
const REPORTING_PARTICIPLES: &[&str] =
    &["saying", "claiming", "suggesting", "alleging", "stating", "reporting", "insisting", "asserting"];

/// "a story in the Daily Mirror suggesting that Plant ripped up a contract is false": the
/// participle's content ends before the verdict said of the story it hangs on. Only when the
/// content has its own verb before the copula ("saying the report is false" is the content).
fn before_verdict_on_report(doc: &Document, content: TextRange, cue: TextRange) -> TextRange {
    let cue_w = doc.slice(cue).to_ascii_lowercase();
    if !REPORTING_PARTICIPLES.contains(&cue_w.as_str()) || doc.pos.len() < doc.tokens.len() {
        return content;
    }
    let toks = doc.tokens_in(content);
    let lw: Vec<String> = toks.clone().map(|k| doc.slice(doc.tokens[k].range).to_lowercase()).collect();
    for (i, k) in toks.clone().enumerate() {
        if !matches!(lw[i].as_str(), "is" | "are" | "was" | "were") || i < 2 {
            continue;
        }
        if super::verdict::verdict_prefix(&lw[i + 1..]).is_none() {
            continue;
        }
        let own_verb = (toks.start..k).any(|j| matches!(doc.pos[j], Upos::Verb | Upos::Aux));
        if own_verb {
            return TextRange::new(content.start(), doc.tokens[k - 1].range.end());
        }
        break;
    }
    content
}

/// "A Facebook memorial page announcing the actor's death sparked the rumors": a participle
/// right after a noun phrase that opens its sentence (no verb before it) modifies the
/// sentence's subject, so the sentence's own verb stands in the content: the content ends
/// before it. That verb is the last of two finite verbs the content holds ("An article saying
/// NASA confirmed six days of darkness is fake"), or its only one when the participle takes a
/// noun phrase ("announcing the actor's death").
fn before_subject_predicate(
    doc: &Document,
    content: TextRange,
    cue: TextRange,
    source: Option<TextRange>,
) -> TextRange {
    let Some(src) = source else { return content };
    let cue_w = doc.slice(cue).to_ascii_lowercase();
    // ("telling me footage he saw did not show": an addressee before the content)
    if !cue_w.ends_with("ing")
        || cue_w == "telling"
        || cue_w.contains(' ')
        || src.end() > cue.start()
        || !doc.text()[src.end() as usize..cue.start() as usize].trim().is_empty()
        || content.start() < cue.end()
        || doc.pos.len() < doc.tokens.len()
    {
        return content;
    }
    let sent = &doc.sentences[sentence_of(doc, cue.start())];
    let cue_tok = doc.tokens_in(cue).start;
    let verbal = |k: usize| matches!(doc.pos[k], Upos::Verb | Upos::Aux);
    if (sent.tokens.start as usize..cue_tok).any(verbal)
        || doc.tokens[sent.tokens.start as usize..cue_tok].iter().any(|t| doc.slice(t.range) == ",")
    {
        return content;
    }
    // finite verb groups of the content: a verb or auxiliary right after a noun phrase's end
    let toks = doc.tokens_in(content);
    let groups: Vec<usize> = toks
        .clone()
        .filter(|&k| {
            k > toks.start
                && verbal(k)
                && !verbal(k - 1)
                && matches!(doc.pos[k - 1], Upos::Noun | Upos::Propn | Upos::Num | Upos::Pron)
                && !doc.slice(doc.tokens[k].range).ends_with("ing")
        })
        .collect();
    let clause_taking = REPORTING_PARTICIPLES.contains(&cue_w.as_str())
        || matches!(cue_w.as_str(), "arguing" | "contending" | "warning" | "noting" | "explaining" | "adding")
        || words(doc.slice(content)).first().is_some_and(|w| w == "that")
        || doc.slice(TextRange::new(cue.end(), content.start())).to_ascii_lowercase().contains("that");
    let cut = match groups.as_slice() {
        [.., a, b] if doc.tokens[*a].range.start() < doc.tokens[*b].range.start() => Some(*b),
        [only] if !clause_taking => Some(*only),
        _ => None,
    };
    match cut {
        Some(k) if k > toks.start + 1 => TextRange::new(content.start(), doc.tokens[k - 1].range.end()),
        _ => content,
    }
}

/// Statements whose content ends before the predicate of the sentence they sit in the
/// subject of ("A page announcing the actor's death sparked the rumors", "a story suggesting
/// that X is false"), with what they hold ending there too ("An article saying NASA confirmed
/// six days of darkness is fake": NASA confirmed only "six days of darkness"); and a source
/// that holds another statement's cue starts after it ("An article saying NASA" -> "NASA").
fn subject_participles(doc: &Document, raw: &[RawAttribution]) -> Vec<RawAttribution> {
    let mut out = raw.to_vec();
    let mut cut = Vec::new();
    for r in &mut out {
        if r.form == Form::Direct {
            continue;
        }
        let c = before_subject_predicate(doc, before_verdict_on_report(doc, r.content, r.cue), r.cue, r.source);
        if c != r.content {
            r.content = c;
            cut.push((r.cue, c));
        }
    }
    for r in &mut out {
        if let Some(&(_, c)) = cut.iter().find(|(cue, c)| *cue != r.cue && c.contains_range(r.cue)) {
            if r.content.start() < c.end() && r.content.end() > c.end() {
                r.content = TextRange::new(r.content.start(), c.end());
            }
        }
    }
    for r in &mut out {
        let Some(src) = r.source else { continue };
        let inner = raw
            .iter()
            .filter(|o| o.cue != r.cue && src.contains_range(o.cue) && o.cue.start() > src.start())
            .filter(|o| o.content.contains_range(r.cue))
            // a participle right after the noun it hangs on, not a relative clause or an
            // apposition ("a woman who claims to be ... says", "the author, known only as")
            .filter(|o| {
                let lead = &doc.text()[src.start() as usize..o.cue.start() as usize];
                let lw = words(lead);
                doc.slice(o.cue).ends_with("ing")
                    && !lead.contains(',')
                    && !lw.iter().any(|w| matches!(w.as_str(), "who" | "which" | "that" | "whose"))
            })
            .map(|o| o.cue.end())
            .max();
        if let Some(end) = inner {
            let k = doc.token_at_or_after(end);
            if k < doc.tokens.len() && doc.tokens[k].range.start() < src.end() {
                let from = doc.tokens[k].range.start();
                let from = if doc.slice(doc.tokens[k].range).eq_ignore_ascii_case("that") && k + 1 < doc.tokens.len() {
                    doc.tokens[k + 1].range.start()
                } else {
                    from
                };
                if from < src.end() {
                    r.source = Some(TextRange::new(from, src.end()));
                }
            }
        }
    }
    out
}

/// The content without an edge made of the attribution's own cue or via hops and the words
/// that tie them to it: "On the eve of the talks told Reuters" -> "On the eve of the talks". A
/// content that would be left empty is kept as it is.
fn trim_content(doc: &Document, content: TextRange, cue: TextRange, via: &[TextRange]) -> TextRange {
    let toks = doc.tokens_in(content);
    if toks.len() < 2 {
        return content;
    }
    let own = |k: usize| {
        let r = doc.tokens[k].range;
        cue.overlaps(r) || via.iter().any(|v| v.overlaps(r))
    };
    // At the head only the words that lead into a content ("Reuters reported that ...").
    let link = |k: usize, head: bool| {
        let w = doc.slice(doc.tokens[k].range);
        let mut buf = [0u8; 32];
        let words: &[&str] = if head { &["that", "to", "by", "according", "citing"] } else { EDGE_LINKS };
        own(k)
            || !w.chars().any(char::is_alphanumeric)
            || lower(w, &mut buf).is_some_and(|l| words.contains(&l) || classify(l) == Some(CueClass::Verb))
    };
    let is_word = |k: usize| doc.slice(doc.tokens[k].range).chars().any(char::is_alphanumeric);
    // A run of link words is the attribution's own when it holds a via hop or the cue, and a
    // speech word ties it ("told Reuters", not "a visit to Europe").
    let speech = |k: usize| {
        let w = doc.slice(doc.tokens[k].range);
        let mut buf = [0u8; 32];
        cue.overlaps(doc.tokens[k].range)
            || lower(w, &mut buf).is_some_and(|l| {
                classify(l) == Some(CueClass::Verb)
                    || matches!(l, "told" | "said" | "reported" | "wrote" | "citing" | "according" | "quoted" | "cited")
            })
    };
    let owned = |run: std::ops::Range<usize>| run.clone().any(own) && run.into_iter().any(speech);
    let (mut lo, mut hi) = (toks.start, toks.end);
    // Tail: the run of link words at the end.
    let mut k = hi;
    while k > lo && link(k - 1, false) {
        k -= 1;
    }
    if owned(k..hi) {
        hi = k;
    }
    // Head, likewise.
    let mut k = lo;
    while k < hi && link(k, true) {
        k += 1;
    }
    if owned(lo..k) {
        lo = k;
    }
    // No punctuation left dangling at the cut edges.
    while hi > lo && hi < toks.end && !is_word(hi - 1) {
        hi -= 1;
    }
    while lo < hi && lo > toks.start && !is_word(lo) {
        lo += 1;
    }
    if lo >= hi || (lo == toks.start && hi == toks.end) {
        return content;
    }
    let start = if lo == toks.start { content.start() } else { doc.tokens[lo].range.start() };
    let end = if hi == toks.end { content.end() } else { doc.tokens[hi - 1].range.end() };
    TextRange::new(start, end)
}

fn resolve_via(idx: &Index, r: TextRange) -> Via {
    let entity = idx.mentions_in(r).first().map(|&(_, e)| e).or_else(|| idx.reference(r));
    Via { range: r, entity }
}

/// Words right around the cue, outside the content: "reportedly said".
fn around_cue(doc: &Document, cue: TextRange, content: TextRange) -> String {
    let toks = doc.tokens_in(cue);
    let lo = toks.start.saturating_sub(2);
    let hi = (toks.end + 2).min(doc.tokens.len());
    let mut out = String::new();
    for t in doc.tokens[lo..hi].iter() {
        if content.contains_range(t.range) || cue.contains_range(t.range) {
            continue;
        }
        out.push_str(doc.slice(t.range));
        out.push(' ');
    }
    out
}

/// Up to three words right before the cue, in its sentence and outside the content: "has not"
/// in "has not claimed", "neither" in "neither denied nor confirmed".
fn before_cue(doc: &Document, cue: TextRange, content: TextRange) -> String {
    let toks = doc.tokens_in(cue);
    let floor = doc.sentence_at(cue.start()).map_or(0, |s| doc.sentences[s].range.start());
    let mut picked = Vec::new();
    let mut k = toks.start;
    // a content that holds its cue ("It is not known how many ...") lends the words before it
    let holds_cue = content.contains_range(cue)
        && words(doc.slice(cue)).iter().any(|w| matches!(w.as_str(), "known" | "clear" | "confirmed" | "verified"));
    // (adverbs of time do not count: "no one so far has reported")
    let mut counted = 0;
    while k > 0 && counted < 3 {
        k -= 1;
        let t = &doc.tokens[k];
        if t.range.start() < floor || content.overlaps(t.range) && !holds_cue {
            break;
        }
        let w = doc.slice(t.range);
        picked.push(w);
        if !matches!(w, "so" | "far" | "thus" | "yet" | "still") {
            counted += 1;
        }
    }
    picked.reverse();
    picked.join(" ")
}

/// A time expression in the cue's sentence, outside every content, nearest the cue.
fn said_on(doc: &Document, cue: TextRange, contents: &[TextRange]) -> Option<TimeId> {
    let s = doc.sentence_at(cue.start())?;
    let sr = doc.sentences[s].range;
    let i = doc.times.partition_point(|t| t.range.end() <= sr.start());
    doc.times[i..]
        .iter()
        .enumerate()
        .take_while(|(_, t)| t.range.start() < sr.end())
        .filter(|(_, t)| matches!(t.kind, TimeKind::Date | TimeKind::Time))
        .filter(|(_, t)| !contents.iter().any(|c| c.overlaps(t.range)))
        .filter(|(_, t)| dates_the_cue(doc, t.range, cue))
        .min_by_key(|(_, t)| {
            if t.range.end() <= cue.start() {
                cue.start() - t.range.end()
            } else {
                t.range.start().saturating_sub(cue.end())
            }
        })
        .map(|(k, _)| TimeId::from_index(i + k))
}

/// Most words between a time expression and the cue it dates ("August 7, Kremlin spokesman
/// Dmitry Peskov said").
const SAID_ON_GAP: usize = 8;

/// Whether the time expression at `t` can say when the statement at `cue` was made: near the
/// cue, not the object of "since" / "until" / "after" ("missing since 2012"), and with no
/// clause boundary between them ("His November 22nd disappearance was classified by the FBI,
/// which stated").
fn dates_the_cue(doc: &Document, t: TextRange, cue: TextRange) -> bool {
    let (lo, hi) = if t.end() <= cue.start() { (t.end(), cue.start()) } else { (cue.end(), t.start()) };
    let between: Vec<String> = if lo < hi { words(doc.slice(TextRange::new(lo, hi))) } else { Vec::new() };
    let boundary = between.iter().any(|w| {
        matches!(
            w.as_str(),
            "who" | "which" | "where" | "when" | "while" | "because" | "since" | "after" | "before" | "until" | "if"
        )
    });
    let text = doc.text();
    let mut from = (t.start() as usize).saturating_sub(24);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let before_t = words(&text[from..t.start() as usize]);
    let span_prep = before_t.last().is_some_and(|w| {
        matches!(
            w.as_str(),
            "since" | "until" | "till" | "after" | "before" | "from" | "through" | "between" | "by" | "during"
        )
    });
    // a date fronted before a comma dates the main clause however long its subject ("August 7,
    // the press secretary of the President of Russia Dmitry Peskov, asked whether ..., replied")
    // ("At the end of September, before the strikes, The Wall Street Journal said"; "However, on
    // Thursday, Stars and Stripes, which broke the story, reported")
    let lead = doc
        .sentence_at(t.start())
        .map(|s| words(doc.slice(TextRange::new(doc.sentences[s].range.start(), t.start()))))
        .unwrap_or_default();
    let lead_ok = lead.len() <= 4
        && lead.iter().all(|w| {
            matches!(
                w.as_str(),
                "on" | "at"
                    | "in"
                    | "the"
                    | "late"
                    | "early"
                    | "however"
                    | "but"
                    | "and"
                    | "then"
                    | "meanwhile"
                    | "also"
            )
        });
    // "On Thursday the pilot of the army chinook ... told": a leading "on" needs no comma
    let fronted = t.end() <= cue.start()
        && lead_ok
        && (text[t.end() as usize..].trim_start().starts_with(',') || lead.last().is_some_and(|w| w == "on"));
    fronted || between.len() <= SAID_ON_GAP && !boundary && !span_prep
}

/// Heads of what a report cites that is not a source ("citing federal privacy law",
/// "citing security concerns", "citing the ongoing investigation").
const REASON_HEADS: &[&str] = &[
    "law",
    "laws",
    "rule",
    "rules",
    "regulation",
    "regulations",
    "policy",
    "policies",
    "concern",
    "concerns",
    "reason",
    "reasons",
    "privacy",
    "investigation",
    "litigation",
    "security",
    "grounds",
    "health",
    "confidentiality",
    "protocol",
    "need",
    "lack",
    "fears",
    "risk",
    "risks",
    "costs",
    "problems",
    "issues",
    "statute",
    "clause",
    "amendment",
    "precedent",
];

/// "citing federal privacy law": a reason, not a source.
fn cites_a_reason(cue: &str, source: &str) -> bool {
    let cue = words(cue);
    if !cue.iter().any(|w| w == "citing" || w == "cited") {
        return false;
    }
    let w = words(source);
    // the head: the last word before a preposition or relative ("concerns over its safety")
    let head = w.iter().take_while(|x| !HEAD_STOPS.contains(&x.as_str()) && x.as_str() != "over").last();
    head.is_some_and(|h| REASON_HEADS.contains(&h.as_str()))
}

/// Nouns that stand for an outlet already named ("the news agency", "the paper").
const OUTLET_NOUNS: &[&str] = &[
    "agency",
    "paper",
    "newspaper",
    "outlet",
    "network",
    "channel",
    "broadcaster",
    "magazine",
    "website",
    "site",
    "publication",
    "daily",
    "tabloid",
    "station",
];

/// The outlet a statement was given to: "told Reuters", "told the Daily Mail", "said in an
/// interview with CNN", "told the news agency" (the outlet named last before it). The outlet
/// that receives a statement relays it; it is never its speaker.
fn addressee_outlet(idx: &Index, cue: TextRange, content: TextRange) -> Option<Via> {
    let doc = idx.doc;
    let cue_w = words(doc.slice(cue));
    let last = cue_w.last()?;
    let prev = cue_w.len().checked_sub(2).map(|i| cue_w[i].as_str());
    let to_addressee = matches!(last.as_str(), "told" | "tells" | "tell" | "telling")
        || matches!(last.as_str(), "to" | "with")
            && prev.is_some_and(|p| {
                matches!(p, "said" | "says" | "spoke" | "speaking" | "talking" | "talked" | "interview" | "statement")
            });
    let toks = doc.tokens_in(cue);
    // "said on Fox News", "said on NBC's Meet the Press": the outlet that aired it relays it
    let on_air = matches!(last.as_str(), "said" | "says" | "saying" | "spoke" | "speaking" | "appeared")
        && doc.tokens.get(toks.end).is_some_and(|t| doc.slice(t.range) == "on");
    // "confirmed to The Associated Press that", "explained to Reuters": a speech verb with its
    // addressee after "to" (the addressee must be an outlet below: "is said to be" has none)
    let to_after = !to_addressee
        && !on_air
        && stance::is_speech_verb(last)
        // (not the request an outlet made: "has not replied to The Independent's request")
        && !matches!(last.as_str(), "replied" | "responded" | "answered" | "reply" | "respond")
        && doc.tokens.get(toks.end).is_some_and(|t| doc.slice(t.range) == "to");
    if !to_addressee && !on_air && !to_after {
        return None;
    }
    let toks = if to_after { toks.start..toks.end + 1 } else { toks };
    let mut end = toks.end;
    let mut gap = 0;
    // "told Vocativ he drove ...": a content that starts right after the cue may begin with
    // the addressee; the outlet mention there is read as the addressee too
    let content_starts_here = toks.end < doc.tokens.len()
        && doc.tokens[toks.end].range.start() >= content.start()
        && doc.tokens[toks.end].range.start() <= content.start() + 1;
    while end < doc.tokens.len() && end < toks.end + 8 {
        let t = doc.tokens[end].range;
        // a content that runs around the cue (quotations on both sides) does not end the
        // addressee: '"...," Kadalim told Vocativ, "..."'
        if content.overlaps(t) && !content_starts_here && !content.contains_range(cue) {
            break;
        }
        let w = doc.slice(t);
        if matches!(w, "," | "." | ";" | ":" | "that") {
            break;
        }
        gap += 1;
        end += 1;
    }
    if gap == 0 {
        return None;
    }
    let span = TextRange::new(doc.tokens[toks.end].range.start(), doc.tokens[end - 1].range.end());
    // "in an interview with" may stand before the addressee of "said": skip those words
    let ms = idx.mentions_in(span);
    let ws = words(doc.slice(span));
    let generic = |e: EntityId| {
        words(&doc.entities[e.index()].name).iter().all(|w| w == "news" || OUTLET_NOUNS.contains(&w.as_str()))
    };
    // "told the Texas outlet The Galveston Daily News", "told news site Al-Maalomah": a name
    // right after an outlet noun is the outlet, whatever the recognizer took it for
    // (the noun in lowercase: "Daily" in "The Daily Beast" is part of the name)
    let described = ms.iter().find(|(m, e)| {
        let lead: Vec<&str> = doc.text()[span.start() as usize..m.start().max(span.start()) as usize]
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        !generic(*e) && lead.len() <= 4 && lead.last().is_some_and(|w| OUTLET_NOUNS.contains(w)) && !on_air
    });
    if let Some(&(m, e)) = described {
        return Some(Via { range: m, entity: Some(e) });
    }
    // ... and so is a capitalized name there that the recognizer missed ("told Texas news
    // source KHOU")
    if !on_air {
        let st = doc.tokens_in(span);
        let noun = st.clone().position(|k| {
            let w = doc.slice(doc.tokens[k].range);
            OUTLET_NOUNS.contains(&w) || w == "source" && k > st.start && doc.slice(doc.tokens[k - 1].range) == "news"
        });
        if let Some(p) = noun.map(|p| st.start + p) {
            let cap = |k: usize| {
                let w = doc.slice(doc.tokens[k].range);
                w.starts_with(char::is_uppercase)
                    && !matches!(
                        w,
                        "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday" | "LIVE"
                    )
            };
            let mut e = p + 1;
            while e < st.end && e < p + 6 && cap(e) {
                e += 1;
            }
            if e > p + 1 && (p + 1..e).any(|k| doc.slice(doc.tokens[k].range) != "The") {
                let range = TextRange::new(doc.tokens[p + 1].range.start(), doc.tokens[e - 1].range.end());
                return Some(Via { range, entity: idx.mentions_in(range).first().map(|(_, e)| *e) });
            }
        }
    }
    if let Some(&(m, e)) = ms.first().filter(|(_, e)| !generic(*e)) {
        let media = idx.is_outlet(e);
        // aired: the outlet must come right after "on"
        let next_to_on = !on_air || ws.get(1).is_some_and(|w| words(doc.slice(m)).first() == Some(w));
        return (media && next_to_on).then_some(Via { range: m, entity: Some(e) });
    }
    if on_air {
        return None;
    }
    let definite = ws.first().is_some_and(|w| w == "the") && ws.len() <= 3;
    if definite && ws.last().is_some_and(|w| OUTLET_NOUNS.contains(&w.as_str())) {
        // the outlet named last before the cue, in the article so far
        let before = TextRange::new(cue.start().saturating_sub(3000), cue.start());
        // not a show or outlet named as a modifier ("the Nightly News anchor", "a CNN reporter")
        let modifier = |m: TextRange| {
            let toks = doc.tokens_in(m);
            let next = toks.end;
            let lower = doc.tokens.get(next).is_some_and(|t| doc.text()[t.range].starts_with(char::is_lowercase));
            lower
                && doc.pos.get(next) == Some(&Upos::Noun)
                && !matches!(doc.pos.get(next + 1), Some(Upos::Det | Upos::Sconj))
        };
        // the outlet last heard reporting ("The Post reports", "according to the Post"), else the
        // one named last ("made noise at NBC ... told the paper" is the Post's)
        let reporting = |m: TextRange| {
            let next = doc.tokens_in(m).end;
            let before = doc.text()[..m.start() as usize].trim_end().to_lowercase();
            matches!(doc.pos.get(next), Some(Upos::Verb | Upos::Aux)) || before.ends_with("according to")
        };
        let outlets: Vec<(TextRange, EntityId)> = idx
            .mentions_in(before)
            .into_iter()
            .filter(|(m, e)| idx.kind(*e) == EntityKind::Outlet && !generic(*e) && !modifier(*m))
            .collect();
        let outlet = outlets.iter().rev().find(|(m, _)| reporting(*m)).or(outlets.last());
        return Some(Via { range: span, entity: outlet.map(|&(_, e)| e) });
    }
    None
}

/// "Reached for comment by The Huffington Post, an AutoNation spokesman denied ...", "Contacted
/// by AFP, the ministry said ...", "In an interview with CNN, Smith said ...": an opening clause
/// names the outlet the main clause's statement was given to.
fn opening_addressee(idx: &Index, cue: TextRange) -> Option<Via> {
    let doc = idx.doc;
    let s = doc.sentence_at(cue.start())?;
    let toks = doc.sentences[s].tokens.start as usize..(doc.sentences[s].tokens.end as usize).min(doc.tokens.len());
    let comma = toks.clone().take(14).find(|&k| doc.slice(doc.tokens[k].range) == ",")?;
    if doc.tokens[comma].range.end() > cue.start() {
        return None;
    }
    let span = TextRange::new(doc.tokens[toks.start].range.start(), doc.tokens[comma].range.start());
    let ws = words(doc.slice(span));
    // "When pressed by the Free Beacon,", "After being contacted by AFP,"
    let lead = ws.iter().take_while(|w| matches!(w.as_str(), "when" | "after" | "once" | "being")).count();
    let ws = &ws[lead..];
    let opens = match ws.first().map(String::as_str) {
        Some("reached" | "contacted" | "asked" | "interviewed" | "questioned" | "pressed" | "approached") => {
            ws.get(1).is_some_and(|w| w == "by") || ws.windows(2).any(|p| p[0] == "comment" && p[1] == "by")
        }
        Some("speaking" | "talking") => ws.get(1).is_some_and(|w| w == "to" || w == "with"),
        Some("in") => {
            ws.windows(3).any(|p| p[0] == "interview" && p[1] == "with")
                || ws.windows(2).any(|p| p[0] == "interview" && p[1] == "with")
        }
        _ => false,
    };
    if !opens {
        return None;
    }
    idx.mentions_in(span).into_iter().find(|(_, e)| idx.is_outlet(*e)).map(|(m, e)| Via { range: m, entity: Some(e) })
}

/// Words that make an organization's name a news outlet's ("Washington Free Beacon",
/// "Corsicana Daily Sun"), for names the outlet list does not hold.
const MEDIA_WORDS: &[&str] = &[
    "news",
    "daily",
    "times",
    "post",
    "journal",
    "herald",
    "beacon",
    "tribune",
    "gazette",
    "sun",
    "mail",
    "press",
    "radio",
    "tv",
    "television",
    "magazine",
    "wire",
    "today",
    "telegraph",
    "guardian",
    "observer",
    "chronicle",
    "star",
    "mirror",
    "express",
    "independent",
    "standard",
    "examiner",
    "inquirer",
    "monitor",
    "register",
    "courier",
    "dispatch",
    "bulletin",
    "insider",
    "beast",
    "buzzfeed",
    "mashable",
    "vocativ",
    "inquisitr",
    "broadcasting",
    "network",
    "agency",
    "wochenblatt",
    "zeitung",
    "gazeta",
    "novosti",
    "tass",
    "interfax",
];

fn is_media_name(name: &str) -> bool {
    words(name).iter().any(|w| MEDIA_WORDS.contains(&w.as_str()))
}

/// A question asked is no statement: "asked by the host how he knows this", "asked where he
/// got it", "wondered whether ...".
fn is_question(cue: &str, content: &[String]) -> bool {
    let cue = words(cue);
    let asking = cue
        .iter()
        .any(|w| matches!(w.as_str(), "asked" | "asks" | "ask" | "asking" | "wondered" | "wonders" | "inquired"));
    asking
        && content.first().is_some_and(|w| {
            matches!(
                w.as_str(),
                "how" | "why" | "what" | "where" | "when" | "who" | "whom" | "which" | "whether" | "if" | "by"
            )
        })
}

/// A headline or a related-link title taken for a statement: a content in title case ("Political
/// Official Reveals India's Ban on Vimeo") after a speaker label or a cue word.
fn is_headline(content: &str, cue_rule: &str) -> bool {
    if matches!(cue_rule, "verdict" | "no_information" | "no_response") {
        return false;
    }
    let ws: Vec<&str> = content.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).collect();
    if ws.len() < 5 || content.contains(['“', '"']) {
        return false;
    }
    let small = |w: &str| {
        matches!(
            w,
            "a" | "an"
                | "the"
                | "of"
                | "in"
                | "on"
                | "to"
                | "for"
                | "and"
                | "or"
                | "at"
                | "by"
                | "from"
                | "with"
                | "is"
                | "as"
        )
    };
    let capital = ws.iter().filter(|w| w.starts_with(|c: char| c.is_uppercase())).count();
    let lower_content = ws.iter().filter(|w| !small(w) && w.starts_with(|c: char| c.is_lowercase())).count();
    capital * 10 >= ws.len() * 7 && lower_content == 0
}

/// Whether a content can be what someone said: not a short bare prepositional phrase ("about
/// the ailment", "by The Inquisitr", "with theatrical rage"; a long one may be a fronted
/// content: "On the eve of the talks of A and B [told Reuters]"), not a fragment led by a conjunction
/// ("and the International Business Times"), not one word. A quotation always can.
fn says_something(w: &[String], form: Form, infinitive: bool) -> bool {
    if form != Form::Indirect {
        return true;
    }
    let Some(first) = w.first() else { return false };
    // ("claim Friday on radio station WVFN to host David DeMarco": when and where, no what)
    let when =
        matches!(
            first.as_str(),
            "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
                | "yesterday"
                | "today"
                | "tonight"
                | "earlier"
        ) && w.get(1).is_some_and(|x| matches!(x.as_str(), "on" | "in" | "at" | "to" | "during" | "while" | "after"));
    let bare_pp = !infinitive
        && (when
            || matches!(
                first.as_str(),
                "about" | "by" | "with" | "in" | "to" | "on" | "for" | "from" | "at" | "into" | "over"
            ))
        && w.len() <= if when { 12 } else { 8 }
        && !w.iter().any(|x| {
            matches!(x.as_str(), "that" | "is" | "are" | "was" | "were" | "will" | "would" | "has" | "have" | "had")
        });
    let fragment = matches!(first.as_str(), "and" | "or" | "but" | "nor") && w.len() <= 6;
    !(bare_pp || fragment || w.len() == 1 && !matches!(first.as_str(), "no" | "yes" | "never"))
}

/// How the cue was found: a fixed pattern, a speaker label, a speech verb of the lexicon, or a
/// word the cue classifier accepted.
fn cue_rule(cue: &str) -> &'static str {
    let w = words(cue);
    let joined = w.join(" ");
    if ["according to", "quoted by", "cited by", "citing", "reportedly", "in an interview"]
        .iter()
        .any(|p| joined.contains(p))
        || joined == "per"
    {
        "pattern"
    } else if super::extract::is_double_quote(cue) {
        // the opening mark of a quotation that goes on in the previous speaker's voice
        "quote_continuation"
    } else if w.is_empty() {
        "label"
    } else if stance::has_verdict(&w) {
        "verdict"
    } else if w.len() == 3 && w[1] == "no" && matches!(w[0].as_str(), "has" | "have" | "had") {
        "no_information"
    } else if super::verdict::is_no_response(&w) {
        "no_response"
    } else if w.iter().any(|x| stance::is_speech_verb(x)) {
        "speech_verb"
    } else {
        "cue_model"
    }
}

/// Participles the cue classifier takes for cues that name an action or a topic, not a statement.
const ACTION_PARTICIPLES: &[&str] = &[
    "attempting",
    "offering",
    "referring",
    "describing",
    "listing",
    "detailing",
    "introducing",
    "thanking",
    "mulling",
    "aiming",
    "launching",
    "delivering",
    "determining",
    "deciding",
    "considering",
    "planning",
    "seeking",
    "circulating",
    "talking",
    "showing",
    "mentioning",
    "quoting",
    "questioning",
    "pointing",
    "wondering",
    "defending",
];

/// "the actor's representatives cleared up the rumours on Friday and issued a statement": a
/// source that runs over the first of two coordinated verbs ends before it.
fn before_coordinated_verb(doc: &Document, r: TextRange) -> TextRange {
    let toks = doc.tokens_in(r);
    if doc.pos.len() < toks.end || toks.len() < 3 {
        return r;
    }
    // (a finite verb takes an object, "confirmed his death", "locked down Parliament"; a
    // participle that modifies the noun takes its agent or place, "a transcript released by
    // SITE", "pictures published in local media", or names it, "a think tank called ...")
    let w = |k: usize| doc.slice(doc.tokens[k].range).to_ascii_lowercase();
    let verb = (toks.start + 1..toks.end - 1).find(|&k| {
        let object = matches!(doc.pos[k + 1], Upos::Det | Upos::Pron)
            || matches!(w(k + 1).as_str(), "up" | "down" | "off" | "out")
                && k + 2 < toks.end
                && matches!(doc.pos[k + 2], Upos::Det | Upos::Propn | Upos::Noun);
        doc.pos[k] == Upos::Verb
            && matches!(doc.pos[k - 1], Upos::Noun | Upos::Propn)
            && w(k).ends_with("ed")
            && !matches!(w(k).as_str(), "called" | "named" | "dubbed" | "titled" | "entitled" | "nicknamed" | "labeled")
            && object
    });
    match verb {
        Some(k) => TextRange::new(r.start(), doc.tokens[k - 1].range.end()),
        None => r,
    }
}

/// "a statement saying X", "a brief statement to Reuters saying that X", "the following news
/// release stating X": the part of a content that a document put out says.
fn statement_saying(doc: &Document, content: TextRange) -> Option<TextRange> {
    let toks = doc.tokens_in(content);
    let w = |k: usize| doc.slice(doc.tokens[k].range).to_lowercase();
    if toks.len() < 4 || !matches!(w(toks.start).as_str(), "a" | "an" | "the" | "its" | "his" | "her" | "their") {
        return None;
    }
    let noun = (toks.start + 1..(toks.start + 4).min(toks.end)).find(|&k| {
        matches!(w(k).as_str(), "statement" | "release" | "letter" | "note" | "message" | "memo" | "communique")
    })?;
    let verb = (noun + 1..(noun + 6).min(toks.end)).find(|&k| matches!(w(k).as_str(), "saying" | "stating"))?;
    let mut start = verb + 1;
    while start < toks.end && matches!(w(start).as_str(), "that" | ",") {
        start += 1;
    }
    (toks.end > start + 1).then(|| TextRange::new(doc.tokens[start].range.start(), content.end()))
}

/// [`cue_rule`] of a raw attribution's cue.
fn cue_rule_of(doc: &Document, r: &RawAttribution) -> &'static str {
    cue_rule(doc.slice(r.cue))
}

/// Least share of a word's PolNeAR train occurrences inside a gold cue for a cue the
/// classifier accepted to stand as a statement by itself ("accused" 0.74, "warned" yes;
/// "discussed", "highlighted", "once" no).
const RELIABLE_CUE_RATIO: f32 = 0.25;

/// A cue with a word that marks attributions most of the time it occurs, or a class that is
/// speech by definition.
fn reliable_cue(cue: &str) -> bool {
    let w = words(cue);
    // "points out", "pointed out", "shot back": speech, though "points" and "shot" mostly are not
    let phrase = |p: &[String]| {
        p[0].starts_with("point") && p[1] == "out"
            || matches!(p[0].as_str(), "shot" | "fired" | "hit") && p[1] == "back"
    };
    if w.windows(2).any(phrase) {
        return true;
    }
    w.iter().any(|w| {
        matches!(classify(w), Some(CueClass::Verb | CueClass::According | CueClass::Passive | CueClass::Citing))
            || candidate(w).is_some_and(|(_, ratio)| ratio >= RELIABLE_CUE_RATIO)
    })
}

/// How the source was resolved.
fn source_rule(idx: &Index, src: Option<&Source>) -> &'static str {
    let Some(src) = src else { return "none" };
    let written = idx.doc.slice(src.range);
    match (src.kind, src.entity, src.antecedent) {
        (SourceKind::Unresolved, _, _) => "unresolved",
        (_, _, Some(_)) if pronoun(written) == Some(Pronoun::Relative) => "relative_pronoun",
        (_, _, Some(_)) if pronoun(written).is_some() => "pronoun_antecedent",
        (_, _, Some(_)) => "description_antecedent",
        (SourceKind::Anonymous, _, None) => "anonymous_description",
        (_, Some(_), None) if !idx.mentions_in(src.range).is_empty() => "named",
        (_, Some(_), None) => "role_link",
        (_, None, None) => "unnamed_organization",
    }
}

/// A prior of how often a row of this kind is right: the cue's and the source's reliability
/// multiplied, in hundredths. Fixed patterns and speech verbs are surer than words the cue
/// classifier accepted; a named source surer than one reached through an antecedent; an
/// unresolved source is a weak row.
fn confidence(why: &Why, form: Form) -> u8 {
    let cue = match why.cue.as_ref() {
        "pattern" | "verdict" | "no_information" | "no_response" | "passive_belief" => 0.92,
        "speech_verb" => 0.9,
        "nested_speech_verb" => 0.8,
        "label" => 0.75,
        "quote_continuation" => 0.8,
        _ => 0.65,
    };
    let source = match why.source.as_ref() {
        "named" | "anonymous_description" | "first_person_in_quote" => 1.0,
        "role_link" | "unnamed_organization" => 0.92,
        "relative_pronoun" | "description_antecedent" => 0.9,
        "pronoun_antecedent" => 0.85,
        "none" => 0.8,
        _ => 0.55,
    };
    let form = if form == Form::Direct { 1.0 } else { 0.97 };
    let stance = if why.stance == "default" { 1.0 } else { 0.95 };
    ((cue * source * form * stance) * 100.0f64).round().clamp(0.0, 100.0) as u8
}

/// Marks that open a quotation, double or single.
const OPENING_QUOTES: [char; 4] = ['"', '“', '‘', '\''];

/// "The man, who said he was innocent, was released": the content of a relative clause set off
/// by commas ends at the comma that closes it, before the main clause's verb.
fn relative_clause_end(doc: &Document, source: Option<TextRange>, content: TextRange) -> TextRange {
    let Some(src) = source else { return content };
    let s = doc.tokens_in(src).start;
    let set_off = matches!(doc.slice(src), "who" | "which")
        && s > 0
        && doc.slice(doc.tokens[s - 1].range) == ","
        && !doc.slice(content).starts_with(OPENING_QUOTES);
    if !set_off {
        return content;
    }
    let toks = doc.tokens_in(content);
    // (the first comma: a later one may close an apposition inside the content, "found the
    // fence jumper, Omar Gonzalez, got further")
    let close =
        (toks.start + 1..toks.end.saturating_sub(1)).find(|&k| doc.slice(doc.tokens[k].range) == ",").filter(|&k| {
            matches!(doc.pos.get(k + 1), Some(Upos::Aux | Upos::Verb))
                && !doc.slice(doc.tokens[k + 1].range).ends_with("ing")
        });
    match close {
        Some(k) => TextRange::new(content.start(), doc.tokens[k - 1].range.end()),
        None => content,
    }
}

/// Turns raw attributions into full ones.
pub fn enrich(doc: &Document, raw: &[RawAttribution]) -> AttributionLayer {
    let raw = &subject_participles(doc, raw);
    let idx = Index::new(doc);
    let mut attributions = Vec::with_capacity(raw.len());
    let mut diagnostics = Vec::new();
    let mut history: Vec<Note> = Vec::new();
    let mut resolved: Vec<(TextRange, Vec<Source>)> = Vec::new();
    let mut order: Vec<usize> = (0..raw.len()).collect();
    order.sort_by_key(|&i| raw[i].cue.start());
    // Contents per sentence, to keep event dates out of said_on.
    let mut contents: Vec<TextRange> = raw.iter().map(|r| r.content).collect();
    contents.sort_by_key(|c| c.start());
    for &i in &order {
        let r = &raw[i];
        let cue_w = words(doc.slice(r.cue));
        // "could not be reached for comment": no proposition, the predicate is all there is
        let no_response = super::verdict::is_no_response(&cue_w);
        let mut content = if no_response { r.content } else { trim_content(doc, r.content, r.cue, &r.via) };
        if r.form == Form::Indirect {
            content = subordinate_end(doc, content, r.cue);
        }
        content = drop_trailing_separator(doc, content);
        content = relative_clause_end(doc, r.source, content);
        if r.form == Form::Indirect {
            content = noun_phrase_end(doc, content);
        }
        if r.source.is_some_and(|x| cites_a_reason(doc.slice(r.cue), doc.slice(x))) {
            continue;
        }
        // "The priest, identified as, Father John": a content inside its own source says nothing
        if r.source.is_some_and(|x| x.contains_range(content)) {
            continue;
        }
        // "issued a statement saying the report was untrue": what the statement says
        let statement_says = statement_saying(doc, content);
        if let Some(said) = statement_says {
            content = said;
        }
        // "the tape is believed to be private": a passive of belief with no one who holds it
        let passive_belief = r.source.is_none()
            && cue_w.last().is_some_and(|w| super::extract::is_passive_belief(w))
            && doc.text()[r.cue.end() as usize..].trim_start().starts_with("to ");
        let (stance, stance_rule) = if no_response {
            (Stance::NoKnowledge, "no_response")
        } else if passive_belief && !cue_w.iter().any(|w| w == "not") {
            (Stance::Hedges, "hedge_word")
        } else {
            stance::stance(
                doc.slice(r.cue),
                doc.slice(content),
                &around_cue(doc, r.cue, content),
                &before_cue(doc, r.cue, content),
            )
        };
        // "No group, Islamic or otherwise, has claimed responsibility", "None of the officials
        // confirmed it": a subject that negates says no one made the statement
        // (a speech verb: the classifier's words are too loose for it; not the answer "No.")
        let none_speaks = cue_rule(doc.slice(r.cue)) == "speech_verb"
            && r.source.is_some_and(|x| {
                let written = doc.slice(x);
                let sw = words(written);
                matches!(sw.first().map(String::as_str), Some("no" | "none" | "nobody" | "neither"))
                    && !written.starts_with("No.")
                    && !matches!(sw.get(1).map(String::as_str), Some("doubt" | "matter" | "longer"))
            });
        let (stance, stance_rule) = if none_speaks && stance == Stance::Asserts {
            (Stance::NoKnowledge, "negated_cue")
        } else {
            (stance, stance_rule)
        };
        // "they have not yet spoken out on the latest hoax claiming that X": what was not
        // spoken about is the report the preposition names, with its claim
        if stance == Stance::NoKnowledge && content.start() >= r.cue.end() && !no_response {
            let k = doc.token_at_or_after(content.start());
            let opens_on = doc.tokens.get(k).is_some_and(|t| matches!(doc.slice(t.range), "on" | "about"));
            if let (true, Some(t)) = (opens_on, doc.tokens.get(k + 1)) {
                content = TextRange::new(t.range.start(), content.end());
            }
            let gap = &doc.text()[r.cue.end() as usize..content.start() as usize];
            let gw = words(gap);
            if matches!(gw.first().map(String::as_str), Some("on" | "about")) && gw.len() <= 8 {
                let k = doc.token_at_or_after(r.cue.end() + (gap.len() - gap.trim_start().len()) as u32);
                if let Some(t) = doc.tokens.get(k + 1) {
                    content = TextRange::new(t.range.start(), content.end());
                }
            }
        }
        // "It appears that officers were searching the building": an evidential with no one
        // behind it puts its clause forward without standing behind it
        let evidential = r.source.is_none()
            && cue_w
                .last()
                .is_some_and(|w| matches!(w.as_str(), "seems" | "seem" | "seemed" | "appears" | "appear" | "appeared"));
        let (stance, stance_rule) = if evidential && stance == Stance::Asserts {
            (Stance::Hedges, "hedge_word")
        } else {
            (stance, stance_rule)
        };
        // ("When Bill Gates appeared on-screen": appearing somewhere is no evidential)
        // (a clause after it, "It appears we have ...", is what appears)
        let next = words(&doc.text()[r.cue.end() as usize..]).into_iter().next().unwrap_or_default();
        let next_pos = doc.pos.get(doc.token_at_or_after(r.cue.end()));
        if evidential
            && cue_w.last().is_some_and(|w| w.starts_with("appear"))
            && !matches!(next.as_str(), "to" | "that" | "as" | "like" | "likely" | "unlikely")
            && matches!(next_pos, Some(Upos::Adp | Upos::Adj | Upos::Adv))
        {
            continue;
        }
        // "It was reported that the plant closed": the report is what follows the cue
        // ("It is not known how many pilots defected": what is not known follows the cue too)
        let it_lead = words(doc.slice(content)).first().is_some_and(|w| w == "it");
        let impersonal = stance_rule == "impersonal" || stance_rule == "negated_cue" && it_lead && r.source.is_none();
        let mut content =
            if impersonal && content.contains_range(r.cue) { rest_after(doc, r.cue.end(), content) } else { content };
        // "declined to comment on X", "denied the reports": a refusal or denial may take a
        // bare object; a statement that asserts needs something said
        let content_w = words(doc.slice(content));
        // the agent of a passive ("was not confirmed by Boko Haram") is never what was said, nor
        // the second half of "neither denied nor confirmed the reports" (the first holds it)
        let agent_only = r.form == Form::Indirect
            && content_w
                .first()
                .is_some_and(|w| w == "by" || (matches!(w.as_str(), "nor" | "or") && content_w.len() <= 6));
        // "the police decided to block access", "Conal opted to bypass customer service": a
        // decision to act is an action, not a statement
        let decision = cue_w.last().is_some_and(|w| {
            matches!(w.as_str(), "decided" | "decides" | "decide" | "chose" | "chooses" | "opted" | "opts")
        });
        if decision && content_w.first().is_some_and(|w| w == "to") {
            continue;
        }
        // "Apple unveiled its new watch", "North Korea released several photos": putting a
        // thing out is an action; only a statement, report or warning put out says something
        let put_out = cue_w.last().is_some_and(|w| {
            matches!(
                w.as_str(),
                "unveiled"
                    | "unveils"
                    | "released"
                    | "releases"
                    | "issued"
                    | "issues"
                    | "shared"
                    | "shares"
                    | "launched"
            )
        });
        let names_a_statement = content_w.iter().take(4).any(|w| {
            matches!(
                w.as_str(),
                "statement"
                    | "statements"
                    | "report"
                    | "reports"
                    | "warning"
                    | "warnings"
                    | "note"
                    | "letter"
                    | "memo"
                    | "message"
                    | "apology"
                    | "denial"
                    | "disavowal"
                    | "release"
                    | "communique"
                    | "communiqué"
                    | "advisory"
                    | "that"
            )
        }) || doc.slice(content).contains(['“', '"', ':']);
        // ("police have not released the name": what they have not said is no knowledge)
        if put_out
            && cue_rule_of(doc, r) == "cue_model"
            && !names_a_statement
            && statement_says.is_none()
            && stance != Stance::NoKnowledge
        {
            continue;
        }
        // "Ellen Miller will discuss how it might dig into money in politics", "the ad also
        // mentions Percy Walton": a topic is no proposition (one not commented on is no
        // knowledge)
        let topic_verb = |w: &str| w.starts_with("discuss") || matches!(w, "mentioned" | "mentions" | "mention");
        if cue_w.last().is_some_and(|w| topic_verb(w)) && stance != Stance::NoKnowledge {
            let k = doc.token_at_or_after(content.start());
            let discuss = cue_w.last().is_some_and(|w| w.starts_with("discuss"));
            // ("mentions Nelson died last night": a clause, said)
            let clause = doc.tokens_in(content).any(|t| matches!(doc.pos.get(t), Some(Upos::Verb | Upos::Aux)));
            let np = k < doc.tokens.len()
                && matches!(doc.pos.get(k), Some(Upos::Det | Upos::Noun | Upos::Propn | Upos::Adj | Upos::Num))
                && !clause;
            if discuss || np {
                continue;
            }
        }
        // "initially", "previously": an adverb the classifier took for a cue is none by itself
        let toks = doc.tokens_in(r.cue);
        if cue_rule_of(doc, r) == "cue_model"
            && !toks.is_empty()
            && toks.clone().all(|k| doc.pos.get(k) == Some(&Upos::Adv))
        {
            continue;
        }
        // "The man known as Jihadi John", "little is known about her": a name or a fact known to
        // no one in particular is no statement
        // ("footage titled “A Message to America”", "a man dubbed Jihadi John")
        let naming = |w: &str| matches!(w, "known" | "titled" | "entitled" | "dubbed" | "nicknamed");
        if r.source.is_none() && cue_w.len() == 1 && naming(&cue_w[0]) && stance != Stance::NoKnowledge {
            continue;
        }
        // "Apple has asked its suppliers to make six million units, according to people
        // familiar": a request inside what another statement reports is part of that report,
        // no statement of its own
        let directive = cue_w.last().is_some_and(|w| {
            matches!(
                w.as_str(),
                "asked" | "asks" | "urged" | "urges" | "ordered" | "orders" | "instructed" | "requested"
            )
        });
        if directive
            && raw.iter().any(|o| {
                o.cue != r.cue
                    && o.source.is_some()
                    && doc.slice(o.cue).contains(char::is_alphabetic)
                    && o.content.contains_range(r.cue)
            })
        {
            let after = words(&doc.text()[r.cue.end() as usize..content.end().max(r.cue.end()) as usize]);
            let to = after.iter().take(8).position(|w| w == "to");
            let clause =
                after.iter().take(to.unwrap_or(0)).any(|w| matches!(w.as_str(), "that" | "if" | "whether" | "about"));
            if to.is_some() && !clause {
                continue;
            }
        }
        // "vowed to crush the insurgency", "threatened to kill Haines": a promise or a threat
        // says what its infinitive holds ("asked to remain anonymous", "offered to buy" say
        // nothing)
        let commits = cue_w
            .iter()
            .any(|w| ["vow", "promis", "pledg", "threat", "swear", "swore", "sworn"].iter().any(|p| w.starts_with(p)));
        let infinitive = commits && content_w.first().is_some_and(|w| w == "to") && {
            let k = doc.token_at_or_after(content.start()) + 1;
            doc.pos.get(k).is_some_and(|t| *t == Upos::Verb)
        };
        // ("told them what to say", "showed him how to vote": a way to act, no proposition)
        let wh_infinitive = r.form == Form::Indirect
            && content_w.len() <= 8
            && content_w.iter().position(|w| w == "to").is_some_and(|k| {
                k >= 1
                    && matches!(content_w[k - 1].as_str(), "what" | "how" | "where" | "when" | "whether" | "whom")
                    && k <= 2
            });
        if agent_only
            || wh_infinitive
            || matches!(stance, Stance::Asserts | Stance::Hedges) && !says_something(&content_w, r.form, infinitive)
        {
            continue;
        }
        let cue_rule = if passive_belief { "passive_belief" } else { cue_rule(doc.slice(r.cue)) };
        // Only real statements: a speech or cognition act, a fixed pattern or a speaker label.
        // Words the cue classifier accepts beyond those ("discussed", "trending", "bristled")
        // are actions as often as statements.
        // "released a statement saying “...”": the statement's words follow in the content
        let issued_statement = statement_says.is_some()
            || content_w.len() > 8
                && doc.slice(content).contains(['“', '"', ':'])
                && matches!(
                    (content_w[0].as_str(), content_w[1].as_str()),
                    ("a" | "the", "statement" | "release" | "letter")
                );
        // ("they have not spoken out on the hoax": not speaking is no knowledge; speaking "for
        // the first time about", "with scientists" says nothing by itself)
        let not_spoken = stance == Stance::NoKnowledge
            && cue_w.first().is_some_and(|w| matches!(w.as_str(), "spoke" | "spoken" | "speak"));
        let cue_rule = if not_spoken { "speech_verb" } else { cue_rule };
        if cue_rule == "cue_model" && !issued_statement && !reliable_cue(doc.slice(r.cue)) {
            continue;
        }
        // "Autopsy reports conducted by St. Louis County found ...": the noun before its
        // participle, not a report of what follows
        if matches!(cue_w.as_slice(), [w] if w == "reports" || w == "report")
            && content.start() >= r.cue.end()
            && content_w.len() > 2
            && content_w[0].ends_with("ed")
            && content_w[1] == "by"
        {
            continue;
        }
        // "responded well to treatment", "responded with machine gun fire", "responds to the
        // shooting": an action, unless words follow ("responded that", "“...,” he responded");
        // not answering at all is a refusal, kept ("did not respond to requests")
        if !no_response
            && stance != Stance::NoKnowledge
            && cue_w.last().is_some_and(|w| matches!(w.as_str(), "respond" | "responds" | "responded" | "responding"))
        {
            let gap = &doc.text()[r.cue.end() as usize..content.start().max(r.cue.end()) as usize];
            let says = content.end() <= r.cue.start()
                || doc.slice(content).starts_with(OPENING_QUOTES)
                || gap.contains(':')
                || words(gap).iter().any(|w| matches!(w.as_str(), "that" | "saying" | "by"))
                || content_w.windows(2).take(12).any(|p| p[0] == "by" && p[1] == "saying");
            if !says {
                continue;
            }
        }
        // a participle only the classifier vouches for that names an action or a topic
        // ("officials attempting to determine", "Branson offering the band money", "a post
        // describing her early life", "referring to the scandal") is no statement ("describing
        // him as a romantic" is)
        if cue_rule == "cue_model"
            && cue_w.len() == 1
            && ACTION_PARTICIPLES.contains(&cue_w[0].as_str())
            && !(cue_w[0] == "describing" && content_w.iter().any(|x| x == "as"))
        {
            continue;
        }
        // "released a statement to Golf News Net": the act of issuing, not what it says
        // ("issued the statement in August via the Saudi Press Agency": no words of it, no
        // participle that says what it does)
        let says_within = doc.slice(content).contains(['“', '"', ':'])
            || content_w.iter().skip(2).any(|w| w == "that" || w.len() > 5 && w.ends_with("ing"));
        let issuing_only = (content_w.len() <= 8 || put_out && !says_within)
            && matches!(content_w.first().map(String::as_str), Some("a" | "the" | "an"))
            && matches!(content_w.get(1).map(String::as_str), Some("statement" | "release" | "letter" | "press"));
        // "Pence: Trump Was 'Mocking' Clinton Camp": a headline that a named person's label opens
        // is that person's statement
        let named_label = cue_rule == "label"
            && r.source.is_some_and(|x| {
                idx.mentions_in(x).iter().any(|(m, e)| {
                    idx.kind(*e) == EntityKind::Person && m.start() <= x.start() + 1 && m.end() + 1 >= x.end()
                })
            });
        // "he said, citing witnesses near the base, which is 70 km south of the border": a
        // relative clause about the source is no content ("According to DHS, which has been
        // rebutting similar claims, that's bogus": what follows the clause is)
        let opens_relative = doc
            .slice(content)
            .trim_start()
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .is_some_and(|w| matches!(w, "which" | "who" | "whom" | "whose"));
        let relative_lead =
            r.form == Form::Indirect && r.source.is_some_and(|x| x.start() >= r.cue.end()) && opens_relative;
        // a word only the classifier vouches for inside a relative clause ("the family, who no
        // longer seem to want anything to do with her") is no statement
        let mut relative_only = r.source.is_none() && cue_rule == "cue_model" && opens_relative;
        if relative_lead {
            let text = doc.text();
            match doc.slice(content).find(',') {
                Some(k) if words(&text[content.start() as usize + k + 1..content.end() as usize]).len() >= 2 => {
                    // ("that" here is the clause's subject: "that's bogus")
                    let next = doc.token_at_or_after(content.start() + k as u32 + 1);
                    content = TextRange::new(doc.tokens[next].range.start(), content.end());
                }
                _ => relative_only = true,
            }
        }
        // "Former White House Doctor Says Clinton Hid Past Health Problems": the article's own
        // title (its first line) with a source before a verb cue is a statement; a title-case
        // line further down is a related link
        let first_line = doc.text().find('\n').map_or(doc.text().len(), |k| k) as u32;
        let sourced_title = cue_rule != "label"
            && content.end() <= first_line
            && r.source.is_some_and(|x| x.end() <= r.cue.start() && names_someone(&idx, x));
        if issuing_only
            || relative_only
            || is_question(doc.slice(r.cue), &content_w)
            || !named_label && !sourced_title && is_headline(doc.slice(content), cue_rule)
        {
            continue;
        }
        // "said Woods' agent, Mark Steinberg, in a statement": words that cannot end a noun
        // phrase are no part of the source
        content = strip_dateline(doc, content);
        let source_span = r
            .source
            .map(|x| participle_head(doc, x, r.cue))
            .map(|x| trim_dangling(doc, before_coordinated_verb(doc, x)));
        if r.source.is_some() && source_span.flatten().is_none_or(|x| malformed_source(doc, x)) {
            continue;
        }
        // "left little", "A passionate", "together": a span without a noun or pronoun names no
        // one; the statement keeps no source rather than a fragment
        let source_span = source_span.flatten().filter(|&x| names_someone(&idx, x));
        let mut via: Vec<Via> = r.via.iter().map(|&v| resolve_via(&idx, v)).collect();
        if let Some(hop) = addressee_outlet(&idx, r.cue, content) {
            // "told Vocativ he drove ...": the addressee is no part of what was said
            if content.contains_range(hop.range) && hop.range.start() <= content.start() + 1 {
                content = rest_after(doc, hop.range.end(), content);
            }
            add_nearest_hop(&mut via, hop);
        }
        // "Witnesses told the SOHR the planes were MiGs": whoever was told, named at the head of
        // the content, is no part of what was said (an outlet among them relays it, above)
        let told = cue_w.last().is_some_and(|w| matches!(w.as_str(), "told" | "tells" | "tell"));
        if told && content.start() >= r.cue.end() {
            if let Some(&(m, _)) = idx.mentions_in(content).first().filter(|(m, _)| m.start() >= content.start()) {
                // right after the cue, not after an addressee already taken off
                let lead = words(&doc.text()[r.cue.end() as usize..m.start().max(r.cue.end()) as usize]);
                let rest = rest_after(doc, m.end(), content);
                // the whole name: not "South Korea" of "South Korea's largest newspaper", nor
                // "Burlington" of "the Burlington Times-News"
                let after = doc.text()[m.end() as usize..content.end() as usize].trim_start();
                let whole = !after.starts_with(['\'', '’']) && !after.starts_with(char::is_uppercase);
                if (lead.is_empty() || lead == ["the"]) && whole && rest != content && words(doc.slice(rest)).len() >= 3
                {
                    content = rest;
                }
            }
        }
        // "sources told it four terrorists were arrested", "told him that ...": a pronoun
        // addressee is no part of what was said either
        if told && content.start() >= r.cue.end() {
            // ("told it was ..." and "told her office ...": "it" and "her" there open the content)
            let cw = words(doc.slice(content));
            let first = doc.token_at_or_after(content.start());
            let lead = doc.tokens.get(first).map(|t| doc.slice(t.range).to_ascii_lowercase());
            let next_is_word =
                doc.tokens.get(first + 1).is_some_and(|t| doc.slice(t.range).starts_with(char::is_alphanumeric));
            let object = match lead.as_deref() {
                Some("him" | "them" | "us" | "me") => true,
                Some("it") => next_is_word && !matches!(doc.pos.get(first + 1), Some(Upos::Verb | Upos::Aux) | None),
                _ => false,
            };
            if cw.len() >= 4 && object {
                content = rest_after(doc, doc.tokens[first].range.end(), content);
            }
        }
        if let Some(hop) = opening_addressee(&idx, r.cue) {
            add_nearest_hop(&mut via, hop);
        }
        // "“...,” said Plant’s publicist to the Guardian": the outlet after an inverted source
        if let Some(hop) = source_span.and_then(|x| inverted_addressee(&idx, x, r.cue)) {
            add_nearest_hop(&mut via, hop);
        }
        // "Hunter was told by a senior official that X": the one told passes it on
        if let Some(hop) = source_span.and_then(|x| passive_addressee(&idx, x, r.cue)) {
            add_nearest_hop(&mut via, hop);
        }
        // "a video sent to AFP in which Shekau said": the outlet the video went to
        if let Some(hop) = source_span.and_then(|x| sent_to_outlet(&idx, x, r.cue)) {
            add_nearest_hop(&mut via, hop);
        }
        // "released a statement to Golf News Net, saying ...": the outlet given the statement
        // before an adverbial participle relays it
        if let Some(hop) = source_span.and_then(|x| statement_given_to(&idx, x, r.cue)) {
            add_nearest_hop(&mut via, hop);
        }
        let s = sentence_of(doc, r.cue.start());
        let sr = doc.sentences.get(s).map_or(r.cue, |x| x.range);
        let lo = contents.partition_point(|c| c.start() + 4000 < sr.start());
        let near: Vec<TextRange> =
            contents[lo..].iter().take_while(|c| c.start() < sr.end()).copied().filter(|c| c.overlaps(sr)).collect();
        let when = said_on(doc, r.cue, &near);
        let sources: Vec<Option<Source>> = match source_span {
            None => vec![name_before_cue(&idx, r.cue, content)],
            // (a source written once for two statements is one speaker: "The group's leader
            // denied knowing X, saying Y" resolves as its first statement did)
            Some(range) => match resolved.iter().find(|(r, _)| *r == range) {
                Some((_, done)) => done.clone(),
                None => {
                    let done = resolve_source(&idx, range, content, &history);
                    resolved.push((range, done.clone()));
                    done
                }
            }
            .into_iter()
            .map(|mut src| {
                // what a source says never names the source itself: rather unresolved
                if src.antecedent.is_some_and(|a| content.overlaps(a)) {
                    src = Source::new(src.range, SourceKind::Unresolved, None);
                }
                Some(src)
            })
            .collect(),
        };
        let group = sources.len() > 1;
        for src in sources {
            let mut via = via.clone();
            // A speaker who told an outlet goes on speaking through it: "Kadalim told Vocativ
            // ... Kadalim says ..." (the nearest earlier statement of the same speaker, within
            // two sentences).
            if via.is_empty() {
                if let Some(src) = &src {
                    let earlier = history
                        .iter()
                        .rev()
                        .take_while(|n| s.saturating_sub(n.sentence) <= 2)
                        .find(|n| n.same_speaker(src));
                    if let Some(n) = earlier {
                        via = n.via.clone();
                    }
                }
            }
            // an outlet is never its own relay
            via.retain(|v| v.entity.is_none() || src.as_ref().is_none_or(|x| x.entity != v.entity));
            if let Some(src) = &src {
                if src.kind == SourceKind::Unresolved {
                    diagnostics.push(Diagnostic {
                        stage: "attribution",
                        range: Some(src.range),
                        message: format!("unresolved source {:?}", doc.slice(src.range)),
                    });
                }
                let head = anonymous_head(doc.slice(src.range));
                let plural = group
                    || head.as_deref().is_some_and(is_plural_head)
                    || pronoun(doc.slice(src.range)) == Some(Pronoun::Plural) && src.entity.is_some();
                history.push(Note {
                    start: r.source.map_or(r.cue.start(), |x| x.start()),
                    sentence: s,
                    kind: src.kind,
                    entity: src.entity,
                    plural,
                    head,
                    content,
                    names: src.antecedent.unwrap_or(src.range),
                    via: via.clone(),
                });
            }
            let source_rule = source_rule(&idx, src.as_ref());
            // "“A is false,” said X. “We have no information about B.”": a quotation continued in
            // a later sentence that takes another stance is a statement of its own
            let parts = continuation_split(doc, r.cue, content).and_then(|(a, b)| {
                let of = |c: TextRange| {
                    stance::stance(
                        doc.slice(r.cue),
                        doc.slice(c),
                        &around_cue(doc, r.cue, c),
                        &before_cue(doc, r.cue, c),
                    )
                };
                // (only when the later quotation takes a marked stance: "“We have nothing to do
                // with terror,” X said. “It's crazy.”" stays one denial)
                let (sa, sb) = (of(a), of(b));
                // (a hedge does not carry over as a denial does: "“It's very unlikely,” X said,
                // “You cannot catch it unless ...”" asserts the second)
                (sa.0 != sb.0 && (sb.0 != Stance::Asserts || sa.0 == Stance::Hedges))
                    .then_some([(a, sa.0, sa.1), (b, sb.0, sb.1)])
            });
            let parts = parts.map_or_else(|| vec![(content, stance, stance_rule)], |p| p.to_vec());
            for (content, stance, stance_rule) in parts {
                let why = Why { cue: cue_rule.into(), source: source_rule.into(), stance: stance_rule.into() };
                attributions.push(Attribution {
                    confidence: confidence(&why, r.form),
                    source: src.clone(),
                    cue: r.cue,
                    content,
                    form: r.form,
                    stance,
                    via: via.clone(),
                    said_on: when,
                    why,
                });
            }
        }
    }
    resolve_first_person(doc, &mut attributions);
    // A word the cue classifier accepted whose "content" holds a real statement's cue ("Two
    // killed in Kabul blast, officials say": "blast" over "officials say") is no statement.
    let strong: Vec<TextRange> = attributions.iter().filter(|a| a.why.cue != "cue_model").map(|a| a.cue).collect();
    attributions.retain(|a| a.why.cue != "cue_model" || !strong.iter().any(|c| a.content.contains_range(*c)));
    // Nor is one inside what "according to" / "citing" / "reportedly" report: in "JJ Abrams is
    // considering releasing the film, according to unconfirmed reports", Abrams states nothing.
    let reported: Vec<TextRange> = attributions.iter().filter(|a| a.why.cue == "pattern").map(|a| a.content).collect();
    attributions.retain(|a| a.why.cue != "cue_model" || !reported.iter().any(|c| c.contains_range(a.cue)));
    let nested = nested_in_content(&idx, &attributions);
    attributions.extend(nested);
    attributions.sort_by_key(|a| a.cue.start());
    relay_nested(doc, &mut attributions);
    carry_relays(doc, &mut attributions);
    // (after the carry-over: an excerpt's relay ends with the excerpt)
    excerpt_relays(&idx, &mut attributions);
    let mut reported = reports_in_content(&idx, &attributions);
    reported.extend(nominal_reports(&idx, &attributions));
    if !reported.is_empty() {
        attributions.extend(reported);
        attributions.sort_by_key(|a| a.cue.start());
    }
    // A sourceless hedge ("reportedly") whose content holds another statement's cue is that
    // statement's hedge, not a statement of its own: "..., one official reportedly told X".
    // Likewise a sourceless statement whose content a sourced one already holds ("offered a
    // statement: “...”" read twice).
    let sourced: Vec<(TextRange, TextRange)> =
        attributions.iter().filter(|a| a.source.is_some()).map(|a| (a.cue, a.content)).collect();
    // (an own-voice verdict on what a report says stays: "A story claiming that X is a hoax")
    attributions.retain(|a| {
        a.source.is_some()
            || !sourced.iter().any(|(c, content)| {
                (*c != a.cue && a.content.contains_range(*c))
                    || content.contains_range(a.content) && (a.stance != Stance::Denies || content.overlaps(a.cue))
            })
    });
    diagnostics.retain(|d| {
        d.range.is_none_or(|r| {
            attributions
                .iter()
                .any(|a| a.source.as_ref().is_some_and(|s| s.range == r && s.kind == SourceKind::Unresolved))
        })
    });
    AttributionLayer { attributions, diagnostics }
}

/// How many paragraphs after an excerpt label ("From Vocativ:") are the outlet's words.
const EXCERPT_PARAGRAPHS: usize = 2;

/// "From Vocativ:" / "Via TMZ:" on a line of its own, or "The report read:" closing a paragraph
/// that names the outlet or web site, introduces an excerpt: the statements in the paragraphs
/// after it reach the article through that outlet.
fn excerpt_relays(idx: &Index, attributions: &mut [Attribution]) {
    let doc = idx.doc;
    let text = doc.text();
    for s in &doc.sentences {
        let line = doc.slice(s.range).trim();
        let Some(rest) = line.strip_suffix(':') else { continue };
        let ws = words(rest);
        let line_start = text[..s.range.start() as usize].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[s.range.end() as usize..].find('\n').map_or(text.len(), |i| s.range.end() as usize + i);
        // "The report read:" closing a paragraph that names the site: the report's words follow
        let report_read = ws.len() == 3
            && matches!(ws[0].as_str(), "the" | "this" | "that")
            && matches!(ws[1].as_str(), "report" | "story" | "article" | "post")
            && matches!(ws[2].as_str(), "read" | "reads" | "said" | "says" | "stated" | "states")
            && text[s.range.end() as usize..line_end].trim().is_empty();
        let outlet = if report_read {
            // the last outlet or web site named earlier in the paragraph
            let par = TextRange::new(line_start as u32, s.range.start());
            idx.mentions_in(par).into_iter().rev().find(|&(m, e)| {
                idx.is_outlet(e) || {
                    let t = doc.slice(m);
                    t.ends_with(".com") || t.ends_with(".net") || t.ends_with(".org")
                }
            })
        } else {
            if ws.len() < 2 || ws.len() > 6 || !matches!(ws[0].as_str(), "from" | "via") {
                continue;
            }
            // the label stands alone on its line
            if !text[line_start..s.range.start() as usize].trim().is_empty()
                || !text[s.range.end() as usize..line_end].trim().is_empty()
            {
                continue;
            }
            idx.mentions_in(s.range).into_iter().find(|(_, e)| idx.is_outlet(*e))
        };
        let Some((m, e)) = outlet else { continue };
        // the excerpt: the next paragraphs (non-empty lines)
        let mut end = line_end;
        let mut paragraphs = 0;
        while paragraphs < EXCERPT_PARAGRAPHS && end < text.len() {
            let next = text[end + 1..].find('\n').map_or(text.len(), |i| end + 1 + i);
            if !text[end..next].trim().is_empty() {
                paragraphs += 1;
            }
            end = next;
        }
        let excerpt = TextRange::new(line_end as u32, end as u32);
        for a in attributions.iter_mut() {
            let own = a.source.as_ref().is_some_and(|x| x.entity == Some(e));
            if excerpt.contains_range(a.cue) && a.via.is_empty() && !own {
                a.via.push(Via { range: m, entity: Some(e) });
            }
        }
    }
}

/// Words that may stand before a report noun: "the recent media reports".
const REPORT_MODIFIERS: &[&str] = &[
    "the",
    "a",
    "an",
    "these",
    "those",
    "recent",
    "earlier",
    "unconfirmed",
    "media",
    "press",
    "local",
    "online",
    "internet",
    "widespread",
    "persistent",
    "some",
    "several",
    "new",
    "initial",
    "previous",
    "false",
];

/// The report a statement is about, as a statement of its own: "denied reports in a local
/// newspaper that militants in Mosul had Ebola" holds the newspaper asserting that militants in
/// Mosul had Ebola; "dismissed Hunter's claim that ..." holds Hunter's claim. Only a report
/// that names who made it (a possessive, or a phrase after in / by / from / on) counts; rumors
/// and speculation hedge.
fn reports_in_content(idx: &Index, attributions: &[Attribution]) -> Vec<Attribution> {
    let doc = idx.doc;
    let w = |k: usize| doc.slice(doc.tokens[k].range).to_ascii_lowercase();
    let mut out = Vec::new();
    for a in attributions.iter().filter(|a| a.form == Form::Indirect) {
        // the content, or the words from the cue on when the report was trimmed off it
        // ("denied reports on Scottish media sites that" + content)
        let region =
            if a.cue.end() <= a.content.start() { TextRange::new(a.cue.end(), a.content.end()) } else { a.content };
        let toks = doc.tokens_in(region);
        let mut k = toks.start;
        let mut owner: Option<TextRange> = None;
        let in_time = |k: usize| doc.times.iter().any(|t| t.range.contains_range(doc.tokens[k].range));
        let in_time_after =
            |k: usize| matches!(w(k).as_str(), "on" | "in" | "last" | "this") && k + 1 < toks.end && in_time(k + 1);
        while k < toks.end && k < toks.start + 7 {
            let wk = w(k);
            if super::is_report_noun(&wk) {
                break;
            }
            // "denied on Wednesday a claim": a time before the noun
            if REPORT_MODIFIERS.contains(&wk.as_str()) || in_time(k) || in_time_after(k) {
                k += 1;
                continue;
            }
            // a possessive owner: "Hunter's claim"
            let m = idx
                .mentions_in(doc.tokens[k].range)
                .into_iter()
                .find(|(m, _)| m.start() == doc.tokens[k].range.start());
            match m {
                Some((m, _)) if m.end() < region.end() => {
                    let after = doc.tokens_in(TextRange::new(m.end(), region.end())).start;
                    if after < toks.end && matches!(w(after).as_str(), "'s" | "’s" | "'" | "’") {
                        owner = Some(m);
                        k = after + 1;
                    } else {
                        break;
                    }
                }
                _ => break,
            }
        }
        if k >= toks.end || !super::is_report_noun(&w(k)) {
            continue;
        }
        let head = k;
        let mut venue: Option<TextRange> = None;
        let mut j = head + 1;
        if j < toks.end && matches!(w(j).as_str(), "in" | "by" | "from" | "on" | "of") && owner.is_none() {
            let from = j + 1;
            while j < toks.end && j < head + 14 && w(j) != "that" {
                j += 1;
            }
            // the venue ends before a time: "sites on Monday that"
            let end = (from..j).find(|&t| in_time(t) || in_time_after(t)).unwrap_or(j);
            if end > from && j < toks.end {
                let r = TextRange::new(doc.tokens[from].range.start(), doc.tokens[end - 1].range.end());
                venue = trim_dangling(doc, r);
            }
        } else if j < toks.end && matches!(w(j).as_str(), "on" | "last" | "this" | "earlier") {
            // "claims on Thursday that": a time between the noun and its clause
            while j < toks.end && j < head + 4 && w(j) != "that" {
                j += 1;
            }
        }
        if j + 3 >= toks.end || w(j) != "that" {
            continue;
        }
        let Some(speaker) = owner.or(venue) else { continue };
        let content = TextRange::new(doc.tokens[j + 1].range.start(), a.content.end());
        let cue = doc.tokens[head].range;
        if attributions.iter().any(|b| b.cue.overlaps(cue) || !std::ptr::eq(a, b) && b.content == content) {
            continue;
        }
        let named = idx
            .mentions_in(speaker)
            .into_iter()
            .find(|(_, e)| matches!(idx.kind(*e), EntityKind::Person | EntityKind::Organization | EntityKind::Outlet));
        let source = match named {
            Some((m, e)) if owner.is_some() || m == speaker => Source::new(m, idx.kind(e).into(), Some(e)),
            Some((_, e)) => Source::new(speaker, idx.kind(e).into(), Some(e)),
            None if owner.is_none() => Source::new(speaker, SourceKind::Anonymous, None),
            None => continue,
        };
        let hedged = matches!(
            w(head).as_str(),
            "rumor" | "rumors" | "rumour" | "rumours" | "speculation" | "suggestion" | "suggestions"
        );
        let why = Why {
            cue: "report_noun".into(),
            source: if source.entity.is_some() { "named" } else { "anonymous" }.into(),
            stance: if hedged { "rumour" } else { "report_noun" }.into(),
        };
        out.push(Attribution {
            confidence: confidence(&why, Form::Indirect),
            source: Some(source),
            cue,
            content,
            form: Form::Indirect,
            stance: if hedged { Stance::Hedges } else { Stance::Asserts },
            via: Vec::new(),
            said_on: None,
            why,
        });
    }
    out
}

/// Words that open a sentence with an adjunct before its main clause: a report named inside
/// it ("Despite reports that X, the ministry said ...") holds what runs up to the comma.
const ADJUNCT_OPENERS: &[&str] =
    &["despite", "amid", "after", "following", "given", "with", "although", "though", "while", "as", "since"];

/// Reports a noun names with their content, outside any statement: "Reports that Islamist
/// militias have seized the jetliners come weeks before ...", "laughing away government reports
/// that he had died", "Despite reports on Wednesday in the Iraqi paper, al-Sabah, that two cases
/// of Ebola had been reported ...". The report is a statement of its own: of the outlet named
/// after in / by / from / on, else of whoever the noun phrase names (an unnamed source when it
/// names no one: "reports", "government reports"). A relative "that" ("a story that appeared in
/// the Mirror") opens no content; "the news that X" is the article's own telling; a report a
/// statement already holds ("denied reports that X") is [`reports_in_content`]'s.
fn nominal_reports(idx: &Index, attributions: &[Attribution]) -> Vec<Attribution> {
    let doc = idx.doc;
    let mut out = Vec::new();
    if doc.pos.len() < doc.tokens.len() {
        return out;
    }
    let w = |k: usize| doc.slice(doc.tokens[k].range).to_ascii_lowercase();
    let in_time = |k: usize| doc.times.iter().any(|t| t.range.contains_range(doc.tokens[k].range));
    let verbal = |k: usize| matches!(doc.pos[k], Upos::Verb | Upos::Aux);
    for sent in &doc.sentences {
        let (a, b) = (sent.tokens.start as usize, (sent.tokens.end as usize).min(doc.tokens.len()));
        let mut body_end = b;
        while body_end > a && !doc.slice(doc.tokens[body_end - 1].range).chars().any(char::is_alphanumeric) {
            body_end -= 1;
        }
        for head in a..body_end {
            let hw = w(head);
            // ("Reports that X come ...": a sentence opens with no finite verb, whatever the tagger says)
            let noun_tag = doc.pos[head] == Upos::Noun || head == a && hw.ends_with('s');
            if !super::is_report_noun(&hw) || hw == "news" || !noun_tag {
                continue;
            }
            let noun = doc.tokens[head].range;
            // a statement's own cue, or a report a statement holds (a word the cue classifier
            // took, with no source, holds none: "a video showed him laughing away reports that")
            if attributions.iter().any(|x| x.cue.overlaps(noun) || x.source.is_some() && x.content.contains_range(noun))
            {
                continue;
            }
            // a time first: "reports on Wednesday in the Iraqi paper"
            let mut j = head + 1;
            while j < body_end && j < head + 4 && (in_time(j) || matches!(w(j).as_str(), "on" | "last" | "this")) {
                j += 1;
            }
            if j < body_end && w(j) == "," && j > head + 1 {
                j += 1;
            }
            // the venue: "reports in the Iraqi paper, al-Sabah, that"
            let mut venue: Option<TextRange> = None;
            if j < body_end && matches!(w(j).as_str(), "in" | "by" | "from" | "on") {
                let from = j + 1;
                // (one phrase: not "a report from 2011 on fears that", whose "that" is the
                // fears'; nor "a report from Asia claims that", the verb's)
                while j < body_end
                    && j < head + 14
                    && w(j) != "that"
                    && !verbal(j)
                    && (j + 1 == from || doc.pos[j] != Upos::Adp || w(j) == "of")
                    && !super::is_report_noun(&w(j))
                    && classify(&w(j)) != Some(CueClass::Verb)
                {
                    j += 1;
                }
                let end = (from..j).find(|&t| in_time(t)).unwrap_or(j);
                let end = (from..end).find(|&t| w(t) == "on" && t + 1 < j && in_time(t + 1)).unwrap_or(end);
                if end > from && j < body_end {
                    let r = TextRange::new(doc.tokens[from].range.start(), doc.tokens[end - 1].range.end());
                    venue = trim_dangling(doc, r);
                }
            }
            // a complement clause: "that" then a subject, and a verb after it
            if j + 3 >= body_end || w(j) != "that" {
                continue;
            }
            let opens = j + 1;
            if verbal(opens) || matches!(doc.pos[opens], Upos::Adv | Upos::Punct | Upos::Adp | Upos::Sconj) {
                continue;
            }
            let Some(first_verb) = (opens + 1..body_end.min(opens + 8)).find(|&k| verbal(k)) else { continue };
            // the noun phrase the report noun heads: "government reports", "Hunter's claim"
            let mut start = head;
            while start > a
                && head - start < 5
                && (matches!(doc.pos[start - 1], Upos::Det | Upos::Adj | Upos::Noun | Upos::Propn)
                    || matches!(w(start - 1).as_str(), "'s" | "’s"))
                && !ADJUNCT_OPENERS.contains(&w(start - 1).as_str())
            {
                start -= 1;
            }
            // "no confirmed reports that he is dead": no report; "some claim that X": a verb
            let denied = (start.saturating_sub(3)..head)
                .any(|k| k >= a && matches!(w(k).as_str(), "no" | "any" | "not" | "n't" | "never"));
            let singular = !hw.ends_with('s') && hw != "speculation";
            let determined = (start..head).any(|k| {
                let m = w(k);
                matches!(doc.pos[k], Upos::Det | Upos::Propn)
                    && !matches!(m.as_str(), "some" | "many" | "few" | "most" | "all")
                    || m == "'s"
                    || m == "’s"
            });
            // a bare plural after a noun phrase is a verb: "The story on the website claims that"
            let verb_reading = start == head
                && head > a
                && (matches!(doc.pos[head - 1], Upos::Noun | Upos::Propn | Upos::Pron)
                    || matches!(w(head - 1).as_str(), "\"" | "”" | "'" | "’" | ")"));
            if denied || singular && !determined || verb_reading {
                continue;
            }
            // where the content ends: before the main clause an adjunct opens onto ("Despite
            // reports that X, the ministry ..."), before the main verb of a sentence the report
            // is the subject of ("Reports that X come weeks before ..."), else at the sentence end
            let lead = w(a);
            let mut end = body_end;
            if ADJUNCT_OPENERS.contains(&lead.as_str()) {
                if let Some(c) = (first_verb..body_end).find(|&k| w(k) == ",") {
                    end = c;
                }
            } else if start == a || start == a + 1 && matches!(lead.as_str(), "but" | "and" | "yet" | "so") {
                // the next verb group past the clause's own (an auxiliary after a full verb opens
                // one: "Reports that the ferry sank are untrue")
                let opens_group = |m: usize| {
                    verbal(m)
                        && (!verbal(m - 1) && w(m - 1) != "to"
                            || doc.pos[m] == Upos::Aux && doc.pos[m - 1] == Upos::Verb)
                };
                let mut k = first_verb + 1;
                while k < body_end && verbal(k) && !opens_group(k) {
                    k += 1;
                }
                // (a subject report needs a verb of its own after the clause's: without two, the
                // tagger lost one and the clause's end is a guess)
                match (k..body_end).find(|&m| opens_group(m)) {
                    Some(v) => end = v,
                    None => continue,
                }
            }
            // "rumours that Castro has died, although the timing is suspicious": the writer's aside
            if let Some(c) = (first_verb..end.saturating_sub(1)).find(|&k| {
                w(k) == ","
                    && matches!(w(k + 1).as_str(), "although" | "though" | "but" | "while" | "whereas" | "which")
            }) {
                end = c;
            }
            while end > opens + 1 && !doc.slice(doc.tokens[end - 1].range).chars().any(char::is_alphanumeric) {
                end -= 1;
            }
            if end < opens + 3 {
                continue;
            }
            let content = TextRange::new(doc.tokens[opens].range.start(), doc.tokens[end - 1].range.end());
            // a clause a statement already holds ("reported in a story that X")
            if attributions.iter().any(|x| x.source.is_some() && x.content.overlaps(content)) {
                continue;
            }
            let phrase = TextRange::new(doc.tokens[start].range.start(), noun.end());
            let named = |r: TextRange| {
                idx.mentions_in(r).into_iter().find(|(_, e)| {
                    matches!(idx.kind(*e), EntityKind::Person | EntityKind::Organization | EntityKind::Outlet)
                })
            };
            let source = match (venue.and_then(named), named(phrase)) {
                (Some((m, e)), _) | (None, Some((m, e))) => Source::new(m, idx.kind(e).into(), Some(e)),
                (None, None) => match venue {
                    // "reports in a local newspaper": an outlet not named
                    Some(v) => Source::new(v, SourceKind::Anonymous, None),
                    None => match resolve_source(idx, phrase, content, &[]).into_iter().next() {
                        Some(s) if s.kind != SourceKind::Unresolved => s,
                        _ => continue,
                    },
                },
            };
            let (mut stance, stance_rule) = stance::stance(
                doc.slice(noun),
                doc.slice(content),
                &around_cue(doc, noun, content),
                &before_cue(doc, noun, content),
            );
            let rumour = matches!(
                hw.as_str(),
                "rumor" | "rumors" | "rumour" | "rumours" | "speculation" | "suggestion" | "suggestions"
            );
            if rumour && stance == Stance::Asserts {
                stance = Stance::Hedges;
            }
            let why = Why {
                cue: "report_noun".into(),
                source: source_rule(idx, Some(&source)).into(),
                stance: if rumour { "rumour".into() } else { stance_rule.into() },
            };
            out.push(Attribution {
                confidence: confidence(&why, Form::Indirect),
                source: Some(source),
                cue: noun,
                content,
                form: Form::Indirect,
                stance,
                via: Vec::new(),
                said_on: None,
                why,
            });
        }
    }
    out
}

/// Statements reported inside a content that the extractor leaves to it: "Reuters reported that
/// Peskov denied the meeting" holds "Peskov denied the meeting". A named person or organization
/// right at the start of the content (after "that"), followed by a speech or denial verb and more
/// words, speaks inside it.
fn nested_in_content(idx: &Index, attributions: &[Attribution]) -> Vec<Attribution> {
    let doc = idx.doc;
    let mut out = Vec::new();
    for a in attributions.iter().filter(|a| a.source.is_some() && a.form == Form::Indirect) {
        let toks = doc.tokens_in(a.content);
        let mut k = toks.start;
        if k < toks.end && doc.slice(doc.tokens[k].range).eq_ignore_ascii_case("that") {
            k += 1;
        }
        if k >= toks.end {
            continue;
        }
        let Some(&(m, e)) = idx.mentions_in(doc.tokens[k].range).first() else { continue };
        if m.start() != doc.tokens[k].range.start()
            || m.end() >= a.content.end()
            || !matches!(idx.kind(e), EntityKind::Person | EntityKind::Organization)
        {
            continue;
        }
        let verb = doc.tokens_in(TextRange::new(m.end(), a.content.end())).start;
        if verb + 1 >= toks.end {
            continue;
        }
        let vr = doc.tokens[verb].range;
        let mut buf = [0u8; 32];
        let is_cue = lower(doc.slice(vr), &mut buf).is_some_and(|w| {
            stance::is_speech_verb(w)
                && !matches!(
                    w,
                    "according"
                        | "called"
                        | "described"
                        | "urged"
                        | "asked"
                        | "reportedly"
                        | "quoted"
                        | "cited"
                        | "citing"
                        // ("continued to fire", "concluded": an action, a finding)
                        | "continued"
                        | "concluded"
                        | "asking"
                        | "writing"
                )
        });
        if !is_cue || attributions.iter().any(|b| b.cue.overlaps(vr)) {
            continue;
        }
        let mut c = verb + 1;
        if doc.slice(doc.tokens[c].range).eq_ignore_ascii_case("that") && c + 1 < toks.end {
            c += 1;
        }
        let content = TextRange::new(doc.tokens[c].range.start(), a.content.end());
        let (stance, rule) = stance::stance(doc.slice(vr), doc.slice(content), "", "");
        let source = Source::new(m, idx.kind(e).into(), Some(e));
        let why = Why { cue: "nested_speech_verb".into(), source: "named".into(), stance: rule.into() };
        out.push(Attribution {
            confidence: confidence(&why, Form::Indirect),
            source: Some(source),
            cue: vr,
            content,
            form: Form::Indirect,
            stance,
            via: Vec::new(),
            said_on: a.said_on,
            why,
        });
    }
    out
}

/// A speaker relayed by an outlet goes on speaking through it: "According to the New York
/// Post, an NBC source says ... “...,” said the source." keeps the Post for the second statement
/// (the nearest earlier statement of the same speaker, within two sentences, whose relay the
/// nesting of reports found; the same carry-over for "told X" is done while resolving).
fn carry_relays(doc: &Document, attributions: &mut [Attribution]) {
    for i in 0..attributions.len() {
        let Some(src) = attributions[i].source.as_ref() else { continue };
        if !attributions[i].via.is_empty() || src.kind == SourceKind::Unresolved {
            continue;
        }
        let s = sentence_of(doc, attributions[i].cue.start());
        let same = |o: &Attribution| {
            o.source.as_ref().is_some_and(|x| same_speaker(x.kind, x.entity, x.antecedent.unwrap_or(x.range), src))
        };
        let earlier = (0..i)
            .rev()
            .take_while(|&j| s.saturating_sub(sentence_of(doc, attributions[j].cue.start())) <= 2)
            .find(|&j| same(&attributions[j]));
        // only hops that name an entity, none that is the speaker's own name ("the monitoring
        // group" via "the monitoring group SITE")
        let names = doc.slice(src.antecedent.unwrap_or(src.range));
        let own = |v: &Via| {
            let hop = doc.slice(v.range);
            hop.contains(names) || names.contains(hop)
        };
        if let Some(j) = earlier {
            let via = &attributions[j].via;
            if via.iter().all(|v| v.entity.is_some() && v.entity != src.entity && !own(v)) {
                let via = via.clone();
                attributions[i].via = via;
            }
        }
    }
}

/// Nested reports keep both layers in one row: "Reuters reported that Peskov denied the
/// meeting" is Peskov denying the meeting via Reuters; "Interfax reported, citing TASS, that
/// Peskov said ..." is Peskov via [Interfax, TASS] (nearest hop first). An attribution inside the
/// content of a sourced one takes the outer source as its farthest relay hop; an outer
/// attribution whose content is nothing but the inner statement (its speaker, cue and content)
/// is only the relay, and is dropped, since the inner row carries it: it asserts no proposition
/// of its own, and reading it as asserting the inner content would invert a denial.
fn relay_nested(doc: &Document, attributions: &mut Vec<Attribution>) {
    let n = attributions.len();
    let mut relay_only = vec![false; n];
    for i in 0..n {
        let inner = &attributions[i];
        let Some(inner_src) = inner.source.as_ref() else { continue };
        // the innermost sourced attribution holding this one's cue and source
        let outer = (0..n)
            .filter(|&j| j != i)
            .filter(|&j| {
                let o = &attributions[j];
                o.source.is_some()
                    && o.content.contains_range(inner.cue)
                    && o.content.contains_range(inner.content)
                    && inner.why.cue != "cue_model"
                    && o.content.contains_range(inner_src.range)
                    && o.source.as_ref().is_some_and(|s| !s.range.overlaps(inner_src.range))
            })
            .min_by_key(|&j| attributions[j].content.len());
        let Some(j) = outer else { continue };
        let o = &attributions[j];
        // ("saying Hunter was told by an official that X": the one told opens the outer content;
        // the outer speaker relays him)
        let told_opens =
            inner.via.first().is_some_and(|v| v.range.start() == rest_after(doc, o.content.start(), o.content).start());
        if !inner.via.is_empty() && !told_opens {
            continue;
        }
        let outer_src = o.source.as_ref().expect("filtered on a source");
        // "Johnson disputed a Golf.com report saying ...": a denial or a refusal does not relay
        // what it denies (a report whose content denies does: "Interfax reported that Peskov
        // said it never happened")
        if o.why.stance == "deny_cue" || o.stance == Stance::NoKnowledge {
            continue;
        }
        // "X and Y say the management has never told them what to say": a negated act inside
        // a report is what the report says, no statement it relays
        if inner.why.stance == "negated_cue" {
            continue;
        }
        // an unresolved "they" relays nothing a reader could check: no hop (the outer row, a
        // pure relay, still goes)
        let checkable = outer_src.entity.is_some() || pronoun(doc.slice(outer_src.range)).is_none();
        // "I know ...", "he told me ...", inside a speaker's own quotation: the speaker's own
        // words, no relay
        if pronoun(doc.slice(inner_src.range)).is_some()
            || inner_src.entity.is_some() && inner_src.entity == outer_src.entity
            || inner_src.kind == SourceKind::Unresolved
        {
            continue;
        }
        let mut via: Vec<Via> = o.via.clone();
        via.push(Via { range: outer_src.antecedent.unwrap_or(outer_src.range), entity: outer_src.entity });
        if told_opens {
            via.extend(inner.via.iter().cloned());
            if checkable {
                attributions[i].via = via;
            }
            continue;
        }
        // the outer content is just "<speaker> <cue> <content>": a pure relay
        let lead =
            words(&doc.text()[o.content.start() as usize..inner_src.range.start().max(o.content.start()) as usize]);
        let covers_all = inner.content.end() + 2 >= o.content.end();
        // only a statement that the outer content opens with is relayed by it ("reported that
        // Peskov denied ..."); one further on may be the article's own sentence that an overlong
        // content ran into
        // ("reported that local officials, the health district and county officials all say":
        // the speaker is the last of a coordinated subject that opens the content)
        let lead_toks =
            doc.tokens_in(TextRange::new(o.content.start(), inner_src.range.start().max(o.content.start())));
        // (not a name that holds a conjunction, "the Globe and Mail", nor a clause the outer
        // content ran on into, "... and Forbes reported")
        let in_name =
            doc.mentions.iter().any(|m| m.range.overlaps(inner_src.range) && m.range.start() < inner_src.range.start());
        let coordinated = doc.pos.len() >= lead_toks.end
            && !in_name
            && lead_toks.clone().next().is_some_and(|k| !matches!(doc.pos[k], Upos::Cconj | Upos::Punct))
            && lead_toks.clone().any(|k| doc.pos[k] == Upos::Cconj)
            && lead_toks.clone().all(|k| {
                matches!(
                    doc.pos[k],
                    Upos::Det | Upos::Noun | Upos::Propn | Upos::Adj | Upos::Cconj | Upos::Punct | Upos::Num
                ) || doc.slice(doc.tokens[k].range) == "that"
            });
        if !coordinated && !lead.iter().all(|w| w == "that") {
            continue;
        }
        if covers_all {
            relay_only[j] = true;
        }
        if checkable {
            attributions[i].via = via;
        }
    }
    let mut k = 0;
    attributions.retain(|_| {
        k += 1;
        !relay_only[k - 1]
    });
}

/// "I" / "we" inside a quotation speak for the quotation's source: an unresolved first-person
/// source takes the source of the attribution whose content holds it.
fn resolve_first_person(doc: &Document, attributions: &mut [Attribution]) {
    let mut by_content: Vec<(TextRange, Source)> = attributions
        .iter()
        .filter_map(|a| a.source.as_ref().filter(|s| s.kind != SourceKind::Unresolved).map(|s| (a.content, s.clone())))
        .collect();
    by_content.sort_by_key(|(c, _)| (c.start(), std::cmp::Reverse(c.end())));
    for a in attributions.iter_mut() {
        let Some(src) = a.source.as_mut() else { continue };
        if src.kind != SourceKind::Unresolved {
            continue;
        }
        let mut buf = [0u8; 32];
        let first_person =
            lower(doc.slice(src.range).trim(), &mut buf).is_some_and(|w| matches!(w, "i" | "we" | "me" | "us"));
        if !first_person {
            continue;
        }
        // The innermost content that holds the pronoun.
        let i = by_content.partition_point(|(c, _)| c.start() <= src.range.start());
        let holder = by_content[..i].iter().rev().take(64).find(|(c, _)| c.contains_range(src.range));
        if let Some((_, s)) = holder.filter(|(_, s)| !a.content.overlaps(s.antecedent.unwrap_or(s.range))) {
            src.kind = s.kind;
            src.entity = s.entity;
            src.antecedent = Some(s.antecedent.unwrap_or(s.range));
            a.why.source = "first_person_in_quote".into();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::testutil::{add_mentions, add_time, doc, find, link, raw, raw_at, tagged_doc};
    use claimtrail_core::Stance;
    use EntityKind::*;

    #[test]
    fn content_edges_drop_own_cue_and_via() {
        // (text, cue, content as found, via, content after trimming)
        let cases: &[(&str, &str, &str, &[&str], &str)] = &[
            (
                "On the eve of the vote the mayor resigned told Radio Nord, citing an aide.",
                "citing",
                "On the eve of the vote the mayor resigned told Radio Nord",
                &["Radio Nord"],
                "On the eve of the vote the mayor resigned",
            ),
            (
                "The mayor resigned, said in an interview with Radio Nord an aide.",
                "said",
                "The mayor resigned, said in an interview with Radio Nord",
                &["Radio Nord"],
                "The mayor resigned",
            ),
            (
                "Radio Nord reported that the mayor resigned.",
                "reported",
                "Radio Nord reported that the mayor resigned",
                &["Radio Nord"],
                "the mayor resigned",
            ),
            // own words inside, not at an edge: kept
            (
                "“The mayor,” said Ana Ruiz, “resigned.”",
                "said",
                "The mayor,” said Ana Ruiz, “resigned.",
                &[],
                "The mayor,” said Ana Ruiz, “resigned.",
            ),
            // a tail of link words without the cue or a via hop: kept
            (
                "An aide said the mayor told the press.",
                "said",
                "the mayor told the press",
                &[],
                "the mayor told the press",
            ),
            // nothing would be left: kept
            ("Radio Nord reported.", "reported", "Radio Nord reported", &["Radio Nord"], "Radio Nord reported"),
            // a hop taken for a via with no speech word to tie it: kept
            (
                "The mayor made a visit to Lima, citing an aide.",
                "citing",
                "The mayor made a visit to Lima",
                &["Lima"],
                "The mayor made a visit to Lima",
            ),
        ];
        for (text, cue, content, via, want) in cases {
            let mut d = doc(text);
            add_mentions(&mut d, &[("Radio Nord", Outlet), ("Ana Ruiz", Person), ("Lima", Location)]);
            link(&mut d);
            let r = raw(&d, "", cue, content, via);
            let got = trim_content(&d, r.content, r.cue, &r.via);
            assert_eq!(d.slice(got), *want, "{text}");
        }
    }

    fn name(d: &Document, s: &Source) -> String {
        s.entity.map_or_else(|| format!("{:?}", s.kind), |e| d.entities[e.index()].name.clone())
    }

    #[test]
    fn sources_table() {
        // (text, mentions, [(source, cue, content)], expected per attribution: (kind, name))
        type Case<'a> =
            (&'a str, &'a [(&'a str, EntityKind)], &'a [(&'a str, &'a str, &'a str)], &'a [(SourceKind, &'a str)]);
        let cases: &[Case] = &[
            // a definite description right after a named person's statement is that person ...
            (
                "Dan Olsen said Woods was suspended. The Michigan-based pro added that Woods was faking.",
                &[("Dan Olsen", Person), ("Michigan", Location)],
                &[("Dan Olsen", "said", "Woods was suspended"), ("The Michigan-based pro", "added", "Woods was faking")],
                &[(SourceKind::Person, "Dan Olsen"), (SourceKind::Person, "Dan Olsen")],
            ),
            // ... but not a bare "the man", nor across another person named in between
            (
                "Josh Lin said he gave him money. The man told Lin that he was grateful.",
                &[("Josh Lin", Person), ("Lin", Person)],
                &[("Josh Lin", "said", "he gave him money"), ("The man", "told", "he was grateful")],
                &[(SourceKind::Person, "Josh Lin"), (SourceKind::Anonymous, "Anonymous")],
            ),
            (
                "Dan Olsen said Woods was suspended. Mary Ruiz disagreed. The pro added that Woods was faking.",
                &[("Dan Olsen", Person), ("Mary Ruiz", Person)],
                &[("Dan Olsen", "said", "Woods was suspended"), ("The pro", "added", "Woods was faking")],
                &[(SourceKind::Person, "Dan Olsen"), (SourceKind::Unresolved, "Unresolved")],
            ),
            // a named person heading the phrase speaks, not the body or the place after it
            (
                "Tarik Jasarevic from the organisation told the paper that the case was unlikely.",
                &[("Tarik Jasarevic", Person)],
                &[("Tarik Jasarevic from the organisation", "told", "the case was unlikely")],
                &[(SourceKind::Person, "Tarik Jasarevic")],
            ),
            (
                "Dr. Ali Khan of Johns Hopkins University said the case was unlikely.",
                &[("Ali Khan", Person), ("Johns Hopkins University", Organization)],
                &[("Dr. Ali Khan of Johns Hopkins University", "said", "the case was unlikely")],
                &[(SourceKind::Person, "Ali Khan")],
            ),
            (
                "Toshimitsu Shigemura, a professor at Tokyo's Waseda University, said there was a coup.",
                &[("Toshimitsu Shigemura", Person), ("Tokyo", Location), ("Waseda University", Organization)],
                &[("Toshimitsu Shigemura, a professor at Tokyo's Waseda University", "said", "there was a coup")],
                &[(SourceKind::Person, "Toshimitsu Shigemura")],
            ),
            (
                "The foreign Minister of Oslandia Ivo Brant said the talks went well.",
                &[("Ivo Brant", Person), ("Oslandia", Location)],
                &[("The foreign Minister of Oslandia Ivo Brant", "said", "the talks went well")],
                &[(SourceKind::Person, "Ivo Brant")],
            ),
            (
                "A senior official in one of the northern provinces told the paper that taxes will rise.",
                &[],
                &[("A senior official in one of the northern provinces", "told", "taxes will rise")],
                &[(SourceKind::Anonymous, "Anonymous")],
            ),
            (
                "Officials in Lisbon said the port had closed. Four well-placed sources said it reopened.",
                &[("Lisbon", Location)],
                &[("Officials in Lisbon", "said", "the port had closed"), ("Four well-placed sources", "said", "it reopened")],
                &[(SourceKind::Anonymous, "Anonymous"), (SourceKind::Anonymous, "Anonymous")],
            ),
            (
                "Madrid flatly denied the reports.",
                &[("Madrid", Location)],
                &[("Madrid", "denied", "the reports")],
                &[(SourceKind::Location, "Madrid")],
            ),
            (
                "Ana Ruiz spoke on Monday. She said the vote was delayed.",
                &[("Ana Ruiz", Person)],
                &[("She", "said", "the vote was delayed")],
                &[(SourceKind::Person, "Ana Ruiz")],
            ),
            (
                "The Daily Planet, citing a former aide, said the mayor resigned. He told the newspaper that the mayor left town.",
                &[("Daily Planet", Outlet)],
                &[("a former aide", "said", "the mayor resigned"), ("He", "told", "the mayor left town")],
                &[(SourceKind::Anonymous, "Anonymous"), (SourceKind::Anonymous, "Anonymous")],
            ),
            (
                "The story was picked up by Radio Nord and Kanal Sud. According to them, the bridge fell.",
                &[("Radio Nord", Outlet), ("Kanal Sud", Outlet)],
                &[("them", "According to", "the bridge fell")],
                &[(SourceKind::Outlet, "Radio Nord"), (SourceKind::Outlet, "Kanal Sud")],
            ),
            (
                "Radio Nord and Kanal Sud reported that the bridge fell.",
                &[("Radio Nord", Outlet), ("Kanal Sud", Outlet)],
                &[("Radio Nord and Kanal Sud", "reported", "the bridge fell")],
                &[(SourceKind::Outlet, "Radio Nord"), (SourceKind::Outlet, "Kanal Sud")],
            ),
            (
                "The aide responsible for the budget Ana Ruiz hired said the plan failed.",
                &[("Ana Ruiz", Person)],
                &[("The aide responsible for the budget Ana Ruiz hired", "said", "the plan failed")],
                &[(SourceKind::Anonymous, "Anonymous")],
            ),
            (
                "According to the aide in charge of the fund Ana Ruiz hired General Omar Haddad to run it.",
                &[("Ana Ruiz", Person), ("Omar Haddad", Person)],
                &[("the aide in charge of the fund Ana Ruiz hired General Omar Haddad", "According to", "run it")],
                &[(SourceKind::Anonymous, "Anonymous")],
            ),
            (
                "On Monday the palace spokesman Karim Nadir on a question whether Ana Ruiz left the city who answered “no”.",
                &[("Karim Nadir", Person), ("Ana Ruiz", Person)],
                &[("who", "answered", "no")],
                &[(SourceKind::Person, "Karim Nadir")],
            ),
            (
                "The Brazilian Interior Ministry said the road was closed.",
                &[("Brazilian", Other)],
                &[("The Brazilian Interior Ministry", "said", "the road was closed")],
                &[(SourceKind::Organization, "Organization")],
            ),
            (
                "A group of Lisbon politicians said the bridge fell.",
                &[("Lisbon", Location)],
                &[("A group of Lisbon politicians", "said", "the bridge fell")],
                &[(SourceKind::Anonymous, "Anonymous")],
            ),
            (
                "Penn said the bill failed. Mike Penn spoke first.",
                &[("Mike Penn", Person)],
                &[("Penn", "said", "the bill failed")],
                &[(SourceKind::Person, "Mike Penn")],
            ),
            (
                "“I know the bill failed,” Ana Ruiz said. The campaign said it lost. The poll found support for the bill. His ex-wife answered no.",
                &[("Ana Ruiz", Person)],
                &[
                    ("I", "know", "the bill failed"),
                    ("Ana Ruiz", "said", "I know the bill failed"),
                    ("The campaign", "said", "it lost"),
                    ("The poll", "found", "support for the bill"),
                    ("His ex-wife", "answered", "no"),
                ],
                &[
                    (SourceKind::Person, "Ana Ruiz"),
                    (SourceKind::Person, "Ana Ruiz"),
                    (SourceKind::Organization, "Organization"),
                    (SourceKind::Other, "Other"),
                    (SourceKind::Anonymous, "Anonymous"),
                ],
            ),
            (
                "Ana Ruiz said that Ivo Brant met the envoy. Later Luis Soto arrived. He said the talks failed.",
                &[("Ana Ruiz", Person), ("Ivo Brant", Person), ("Luis Soto", Person)],
                &[("Ana Ruiz", "said that", "Ivo Brant met the envoy"), ("He", "said the", "the talks failed")],
                &[(SourceKind::Person, "Ana Ruiz"), (SourceKind::Person, "Luis Soto")],
            ),
            (
                "Ana Ruiz said that Ivo Brant met the envoy. He said the talks failed.",
                &[("Ana Ruiz", Person), ("Ivo Brant", Person)],
                &[("Ana Ruiz", "said that", "Ivo Brant met the envoy"), ("He", "said the", "the talks failed")],
                &[(SourceKind::Person, "Ana Ruiz"), (SourceKind::Person, "Ana Ruiz")],
            ),
            (
                "It rained. They said the bridge fell.",
                &[],
                &[("They", "said", "the bridge fell")],
                &[(SourceKind::Unresolved, "Unresolved")],
            ),
            (
                // an unnamed person of a named organization is anonymous, not the organization
                "An NBC source said the anchor would stay.",
                &[("NBC", Organization)],
                &[("An NBC source", "said", "the anchor would stay")],
                &[(SourceKind::Anonymous, "Anonymous")],
            ),
            (
                // the name modifies a group's head: the campaign speaks, not the candidate
                "The Ana Ruiz campaign said the vote was rigged.",
                &[("Ana Ruiz", Person)],
                &[("The Ana Ruiz campaign", "said", "the vote was rigged")],
                &[(SourceKind::Organization, "Organization")],
            ),
            (
                "Karim Nadir, the palace spokesman, spoke. Later the palace spokesman said no.",
                &[("Karim Nadir", Person)],
                &[("the palace spokesman", "said", "no")],
                &[(SourceKind::Person, "Karim Nadir")],
            ),
            (
                // a possessive name modifies the head: the publicist speaks, not the singer
                "Ana Ruiz's publicist said the tale was rubbish.",
                &[("Ana Ruiz", Person)],
                &[("Ana Ruiz's publicist", "said", "the tale was rubbish")],
                &[(SourceKind::Anonymous, "Anonymous")],
            ),
            (
                // a name after a relative pronoun or a preposition leading away from a common
                // head is not the speaker
                "A British man who went to fight against Islamic State said the woman was fed.",
                &[("British", Other), ("Islamic State", Organization)],
                &[("A British man who went to fight against Islamic State", "said", "the woman was fed")],
                &[(SourceKind::Anonymous, "Anonymous")],
            ),
            (
                "A friend of hers from the IDF said she was kind.",
                &[("IDF", Organization)],
                &[("A friend of hers from the IDF", "said", "she was kind")],
                &[(SourceKind::Anonymous, "Anonymous")],
            ),
            (
                // (a bare apostrophe after a name in s, whatever kind the name was given)
                "Ana Ruiz withdrew. Olsen said so, which Ruiz' agent denied.",
                &[("Ana Ruiz", Organization), ("Ruiz", Organization)],
                &[("Ruiz' agent", "denied", "so")],
                &[(SourceKind::Anonymous, "Anonymous")],
            ),
            (
                // ... unless the name stands in apposition to the head
                "Lee's manager, Ana Ruiz, said he was fine.",
                &[("Lee", Person), ("Ana Ruiz", Person)],
                &[("Lee's manager, Ana Ruiz", "said", "he was fine")],
                &[(SourceKind::Person, "Ana Ruiz")],
            ),
            (
                // a place inside the description is no speaker
                "One occupant of the Lisbon apartment confirmed the body was found.",
                &[("Lisbon", Location)],
                &[("One occupant of the Lisbon apartment", "confirmed", "the body was found")],
                &[(SourceKind::Anonymous, "Anonymous")],
            ),
            (
                // a relative "that" speaks for the noun phrase before it
                "Officials rejected a posting on the Daily Planet website that said the town was closed.",
                &[("Daily Planet", Outlet)],
                &[("that", "said", "the town was closed")],
                &[(SourceKind::Outlet, "Daily Planet")],
            ),
            (
                // "the 26-year-old": the person the article gave that age
                "Witness 26-year-old Ana Ruiz saw it. The 26-year-old says the car was red.",
                &[("Ana Ruiz", Person)],
                &[("The 26-year-old", "says", "the car was red")],
                &[(SourceKind::Person, "Ana Ruiz")],
            ),
            (
                // "he" never takes someone the article calls "she"; the man she spoke of stays
                // a topic, so "he" is left unresolved rather than guessed
                "Ana Ruiz said she met Ivo Brant. He said the car was red.",
                &[("Ana Ruiz", Person), ("Ivo Brant", Person)],
                &[("Ana Ruiz", "said", "she met Ivo Brant"), ("He", "said", "the car was red")],
                &[(SourceKind::Person, "Ana Ruiz"), (SourceKind::Unresolved, "Unresolved")],
            ),
            (
                // the place after the head only locates the organization
                "The Oslandian embassy in Lisbon said the port had closed.",
                &[("Lisbon", Location), ("Oslandian", Other)],
                &[("The Oslandian embassy in Lisbon", "said", "the port had closed")],
                &[(SourceKind::Organization, "Organization")],
            ),
            (
                // a place or body a preposition ties to the head is not the speaker
                "Witnesses at the Oslandian War Memorial said they were in shock.",
                &[("Oslandian War Memorial", EntityKind::Organization)],
                &[("Witnesses at the Oslandian War Memorial", "said", "they were in shock")],
                &[(SourceKind::Anonymous, "Anonymous")],
            ),
            (
                // "who" after an unnamed source's comma is that source
                "“It is hard,” said a male witness, who said the soldiers were marching.",
                &[],
                &[("a male witness", "said", "“It is hard,”"), ("who", "said", "the soldiers were marching")],
                &[(SourceKind::Anonymous, "Anonymous"), (SourceKind::Anonymous, "Anonymous")],
            ),
            (
                // a document is its outlet's, or no one's known: not an anonymous person ("reports"
                // stay anonymous sourcing)
                "The Daily Planet article said the port closed. The Oslandian article said it reopened.",
                &[("Daily Planet", Outlet), ("Oslandian", EntityKind::Other)],
                &[
                    ("The Daily Planet article", "said", "the port closed"),
                    ("The Oslandian article", "said", "it reopened"),
                ],
                &[(SourceKind::Outlet, "Daily Planet"), (SourceKind::Other, "Other")],
            ),
            (
                "Ana Ruiz’s letter said the port closed.",
                &[("Ana Ruiz", Person)],
                &[("Ana Ruiz’s letter", "said", "the port closed")],
                &[(SourceKind::Person, "Ana Ruiz")],
            ),
            (
                // "they" after "Police said": the police
                "Police said the man fled. They said he was armed.",
                &[],
                &[("Police", "said", "the man fled"), ("They", "said", "he was armed")],
                &[(SourceKind::Anonymous, "Anonymous"), (SourceKind::Anonymous, "Anonymous")],
            ),
            (
                // a name in apposition closing the span is the head's name
                "An adviser to the Oslandian Institute of Earth Studies, Ana Ruiz, said the car was red.",
                &[("Ana Ruiz", Person), ("Oslandian Institute of Earth Studies", EntityKind::Organization)],
                &[("An adviser to the Oslandian Institute of Earth Studies, Ana Ruiz", "said", "the car was red")],
                &[(SourceKind::Person, "Ana Ruiz")],
            ),
            (
                // a name after "Reps for" is whom they represent (even when tagged a person)
                "Reps for Ana Ruiz said the car was red.",
                &[("Ana Ruiz", Person)],
                &[("Reps for Ana Ruiz", "said", "the car was red")],
                &[(SourceKind::Anonymous, "Anonymous")],
            ),
        ];
        for (text, names, raws, want) in cases {
            let mut d = doc(text);
            add_mentions(&mut d, names);
            link(&mut d);
            let rs: Vec<RawAttribution> = raws.iter().map(|(s, c, t)| raw(&d, s, c, t, &[])).collect();
            let out = enrich(&d, &rs);
            let got: Vec<(SourceKind, String)> = out
                .attributions
                .iter()
                .map(|a| {
                    let s = a.source.as_ref().expect("source");
                    (s.kind, name(&d, s))
                })
                .collect();
            let want: Vec<(SourceKind, String)> = want.iter().map(|(k, n)| (*k, n.to_string())).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn a_cue_in_an_opening_subordinate_clause_says_only_the_clause() {
        let cases = [
            ("Even if Ruiz denies any problems, Lee has not been seen since May.", "any problems"),
            ("Although Ruiz said the car was red, it was blue.", "the car was red"),
            // a main-clause cue keeps its whole content
            ("Ruiz said the car, a sedan, was red.", "the car, a sedan, was red"),
        ];
        for (text, want) in cases {
            let mut d = doc(text);
            add_mentions(&mut d, &[("Ruiz", Person), ("Lee", Person)]);
            link(&mut d);
            let (cue, content) = if text.contains("denies") {
                ("denies", "any problems, Lee has not been seen since May")
            } else if text.starts_with("Although") {
                ("said", "the car was red, it was blue")
            } else {
                ("said", "the car, a sedan, was red")
            };
            let out = enrich(&d, &[raw(&d, "Ruiz", cue, content, &[])]).attributions;
            assert_eq!(d.slice(out[0].content), want, "{text}");
        }
    }

    #[test]
    fn excerpt_label_relays_the_next_paragraphs() {
        let text = "Ana Ruiz spoke to the Daily Planet.\n\nFrom the Daily Planet:\n\nRuiz says the car was red.\n\nRuiz adds it was late.\n\nRuiz notes it rained.";
        let mut d = doc(text);
        add_mentions(&mut d, &[("Ana Ruiz", Person), ("Ruiz", Person), ("Daily Planet", Outlet)]);
        link(&mut d);
        let rs = vec![
            raw(&d, "Ruiz", "says", "the car was red", &[]),
            raw(&d, "Ruiz", "adds", "it was late", &[]),
            raw(&d, "Ruiz", "notes", "it rained", &[]),
        ];
        let out = enrich(&d, &rs).attributions;
        let vias: Vec<usize> = out.iter().map(|a| a.via.len()).collect();
        assert_eq!(vias, [1, 1, 0], "two paragraphs after the label are the excerpt");
    }

    #[test]
    fn report_read_relays_the_next_paragraphs() {
        let text = "Users linked to a story on fakenews.com. The report read:\n\nSources say the actor died.\n\nOfficials say he lives.\n\nRuiz notes it rained.";
        let mut d = doc(text);
        add_mentions(&mut d, &[("fakenews.com", Organization), ("Ruiz", Person)]);
        link(&mut d);
        let rs = vec![
            raw(&d, "Sources", "say", "the actor died", &[]),
            raw(&d, "Officials", "say", "he lives", &[]),
            raw(&d, "Ruiz", "notes", "it rained", &[]),
        ];
        let out = enrich(&d, &rs).attributions;
        let vias: Vec<Vec<&str>> = out.iter().map(|a| a.via.iter().map(|v| d.slice(v.range)).collect()).collect();
        assert_eq!(
            vias,
            [vec!["fakenews.com"], vec!["fakenews.com"], vec![]],
            "two paragraphs after 'The report read:'"
        );
    }

    #[test]
    fn stance_via_and_date() {
        let text = "Omar Haddad, quoted by Radio Nord, called the story nonsense. \
                    On March 3, Haddad told reporters that the visit of the envoy on March 1 took place.";
        let mut d = doc(text);
        add_mentions(&mut d, &[("Omar Haddad", Person), ("Haddad", Person), ("Radio Nord", Outlet)]);
        add_time(&mut d, "March 3", "2020-03-03");
        add_time(&mut d, "March 1", "2020-03-01");
        link(&mut d);
        let rs = vec![
            raw(&d, "Omar Haddad", "called", "the story nonsense", &["Radio Nord"]),
            raw(&d, "Haddad", "told", "the visit of the envoy on March 1 took place", &[]),
        ];
        let out = enrich(&d, &rs).attributions;
        assert_eq!(out[0].stance, Stance::Denies);
        assert_eq!(out[0].via.len(), 1);
        let via = out[0].via[0].entity.expect("via entity");
        assert_eq!(d.entities[via.index()].name, "Radio Nord");
        assert_eq!(out[0].said_on, None);
        assert_eq!(out[1].stance, Stance::Asserts);
        let when = out[1].said_on.expect("said_on");
        assert_eq!(d.slice(d.times[when.index()].range), "March 3");
        assert_eq!(out[1].source.as_ref().and_then(|s| s.entity), out[0].source.as_ref().and_then(|s| s.entity));
        let _ = find(&d, "March 1", 0);
    }
    #[test]
    fn said_on_is_a_time_that_dates_the_statement() {
        // (text, time, source, cue, content, the time dates the statement)
        let cases = [
            ("On March 3, Haddad said the port closed.", "March 3", "Haddad", "said", "the port closed", true),
            ("Haddad said on March 3 that the port closed.", "March 3", "Haddad", "said", "the port closed", true),
            (
                "March 3, the deputy minister of the interior Omar Haddad, asked about it, said no.",
                "March 3",
                "the deputy minister of the interior Omar Haddad",
                "said",
                "no",
                true,
            ),
            // the time of something else in the sentence
            (
                "Ruiz, who has been missing since 2012, said the port closed.",
                "2012",
                "Ruiz",
                "said",
                "the port closed",
                false,
            ),
            (
                "His March 3 disappearance was classified as a kidnapping by the police, which stated he was taken.",
                "March 3",
                "which",
                "stated",
                "he was taken",
                false,
            ),
            (
                "Stocks rose on Friday, after Haddad said the port closed.",
                "Friday",
                "Haddad",
                "said",
                "the port closed",
                false,
            ),
        ];
        for (text, time, src, cue, content, want) in cases {
            let mut d = doc(text);
            add_mentions(&mut d, &[("Haddad", Person), ("Ruiz", Person)]);
            add_time(&mut d, time, "2020-03-03");
            link(&mut d);
            let out = enrich(&d, &[raw(&d, src, cue, content, &[])]).attributions;
            assert_eq!(out.first().and_then(|a| a.said_on).is_some(), want, "{text}");
        }
    }

    #[test]
    fn source_spans_end_as_noun_phrases() {
        // (text, source as found, source kept, or None when the row is dropped)
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "Woods' agent, Mark Steinberg, in a statement said it was false.",
                "Mark Steinberg, in a",
                Some("Mark Steinberg"),
            ),
            ("Officials from the ministry said it was false.", "Officials from the", Some("Officials")),
            ("The mayor said it was false.", "The mayor", Some("The mayor")),
            (
                "Johnson has disputed a Golf.com report and said it was false.",
                "Johnson has disputed a Golf.com report",
                None,
            ),
            // a verb phrase inside a relative clause is part of a noun phrase
            (
                "The man who has worked there said it was false.",
                "The man who has worked there",
                Some("The man who has worked there"),
            ),
        ];
        for &(text, found, want) in cases {
            let d = tagged_doc(text);
            assert_eq!(d.pos.len(), d.tokens.len(), "the embedded tagger tags every token");
            let r = find(&d, found, 0);
            let kept = trim_dangling(&d, r).filter(|&x| !malformed_source(&d, x));
            assert_eq!(kept.map(|x| d.slice(x)), want, "{text}");
        }
    }
    #[test]
    fn a_denied_report_speaks_for_itself() {
        let text = "Johnson disputed a Golf.com report saying he was suspended for six months.";
        let mut d = tagged_doc(text);
        add_mentions(&mut d, &[("Johnson", Person)]);
        link(&mut d);
        let rs = vec![
            raw(&d, "Johnson", "disputed", "a Golf.com report saying he was suspended for six months", &[]),
            raw(&d, "Johnson disputed a Golf.com report", "saying", "he was suspended for six months", &[]),
        ];
        let out = enrich(&d, &rs).attributions;
        assert_eq!(out.len(), 2, "the denial is no relay of what it denies");
        assert_eq!(out[0].stance, Stance::Denies);
        let inner = out[1].source.as_ref().expect("source");
        assert_eq!(d.slice(inner.range), "a Golf.com report", "a participle's source is the noun it modifies");
        assert!(out[1].via.is_empty());
    }
    #[test]
    fn a_statement_released_to_an_outlet_saying() {
        let text =
            "Woods’ agent Mark Steinberg released a statement to Golf News Net, saying, “These claims are false.”";
        let mut d = tagged_doc(text);
        add_mentions(&mut d, &[("Mark Steinberg", Person), ("Golf News Net", Outlet)]);
        link(&mut d);
        let rs = vec![raw(&d, "agent Mark Steinberg released a", "saying", "“These claims are false.”", &[])];
        let out = enrich(&d, &rs).attributions;
        let src = out[0].source.as_ref().expect("source");
        assert_eq!(d.slice(src.range), "agent Mark Steinberg", "the subject, not its verb");
        let via: Vec<&str> = out[0].via.iter().map(|v| d.slice(v.range)).collect();
        assert_eq!(via, ["Golf News Net"]);
        assert_eq!(out[0].stance, Stance::Denies);
    }
    #[test]
    fn a_name_part_before_a_cue_is_the_source() {
        let text = "So Se Pyong, the ambassador, spoke on Monday. Even if So denies any health problems, Kim is ill.";
        let mut d = doc(text);
        add_mentions(&mut d, &[("So Se Pyong", Person), ("Kim", Person)]);
        link(&mut d);
        let out = enrich(&d, &[raw(&d, "", "denies", "any health problems", &[])]).attributions;
        let src = out[0].source.as_ref().expect("source from the name part");
        assert_eq!(d.slice(src.range), "So");
        assert_eq!(d.entities[src.entity.expect("entity").index()].name, "So Se Pyong");
        // a capitalized word that opens the sentence is no name part
        let text = "So Se Pyong spoke on Monday. So denies the reports.";
        let mut d = doc(text);
        add_mentions(&mut d, &[("So Se Pyong", Person)]);
        link(&mut d);
        let out = enrich(&d, &[raw_at(&d, ("", 0), ("denies", 0), ("the reports", 0), &[])]).attributions;
        assert!(out.iter().all(|a| a.source.is_none()));
    }
    #[test]
    fn a_title_case_headline_is_a_statement_only_under_a_named_label() {
        // (text, label as source, content, kept)
        let cases = [
            ("Rush Limbaugh: Hillary Asking Moderator To Fact Check Trump Reeks of Fear", "Rush Limbaugh", true),
            ("Breaking News: Political Official Reveals India's Ban on Vimeo Site", "Breaking News", false),
        ];
        for (text, label, kept) in cases {
            let mut d = doc(text);
            add_mentions(&mut d, &[("Rush Limbaugh", Person)]);
            link(&mut d);
            let at = text.find(':').expect("a label");
            let colon = TextRange::from_usize(at, at + 1);
            let content = TextRange::from_usize(at + 2, text.len());
            let r = RawAttribution {
                cue: colon,
                source: Some(find(&d, label, 0)),
                content,
                via: Vec::new(),
                form: Form::Indirect,
            };
            assert_eq!(!enrich(&d, &[r]).attributions.is_empty(), kept, "{text}");
        }
    }
    #[test]
    fn a_source_that_is_a_clause_is_malformed() {
        for (text, source, malformed) in [
            ("The truck appeared in a tweet posted by Weiss.", "appeared in a tweet", true),
            ("Apple sets production plans based on a forecast of demand.", "Apple sets production plans based", true),
            ("According to reports from Ottawa Police, the man was armed.", "reports from Ottawa Police", false),
            ("A man named John Smith said so.", "A man named John Smith", false),
        ] {
            let d = tagged_doc(text);
            assert_eq!(malformed_source(&d, find(&d, source, 0)), malformed, "{text}");
        }
    }
    #[test]
    fn a_noun_phrase_content_ends_before_when_and_where() {
        for (text, content, want) in [
            ("Trump attacked Machado in early-morning tweets.", "Machado in early-morning tweets", "Machado"),
            (
                "She has not mentioned Machado since the Monday night debate.",
                "Machado since the Monday night debate",
                "Machado",
            ),
            (
                // a relative clause after a comma may hold the claim: it stays
                "Apple announced the price of the Watch, which will sell for $349.",
                "the price of the Watch, which will sell for $349",
                "the price of the Watch, which will sell for $349",
            ),
            // a clause, or an adjunct that goes on, is kept whole
            ("He said the plan failed in a speech.", "the plan failed in a speech", "the plan failed in a speech"),
            (
                "NASA confirmed 3 days of total darkness this year due to a solar storm and more.",
                "3 days of total darkness this year due to a solar storm and more",
                "3 days of total darkness this year due to a solar storm and more",
            ),
        ] {
            let d = tagged_doc(text);
            let got = noun_phrase_end(&d, find(&d, content, 0));
            assert_eq!(d.slice(got), want, "{text}");
        }
    }
    #[test]
    fn a_day_after_the_source_is_no_part_of_it() {
        for (text, source, want) in [
            ("Williams, on Wednesday, recanted the story.", "Williams, on Wednesday", "Williams"),
            ("The minister on Monday denied it.", "The minister on Monday", "The minister"),
            ("The Monday club denied it.", "The Monday club", "The Monday club"),
        ] {
            let d = tagged_doc(text);
            let got = trim_dangling(&d, find(&d, source, 0)).map(|r| d.slice(r));
            assert_eq!(got, Some(want), "{text}");
        }
    }
    #[test]
    fn the_articles_own_title_with_a_source_is_a_statement_a_later_title_case_line_is_not() {
        // (text, kept)
        let cases = [
            ("Former White House Doctor Says Clinton Hid Past Health Problems From Public\nThe doctor spoke.", true),
            ("The doctor spoke.\nFormer White House Doctor Says Clinton Hid Past Health Problems From Public", false),
        ];
        for (text, kept) in cases {
            let d = doc(text);
            let at = text.find("Says").expect("a cue");
            let r = RawAttribution {
                cue: TextRange::from_usize(at, at + 4),
                source: Some(find(&d, "Former White House Doctor", 0)),
                content: TextRange::from_usize(at + 5, text[at..].find(" From Public").map_or(0, |k| at + k + 12)),
                via: Vec::new(),
                form: Form::Indirect,
            };
            assert_eq!(!enrich(&d, &[r]).attributions.is_empty(), kept, "{text}");
        }
    }
    #[test]
    fn an_impersonal_report_says_what_follows_its_cue() {
        for (text, cue) in [
            ("It was reported that the plant closed.", "reported"),
            ("It has been rumored the plant closed.", "rumored"),
        ] {
            let d = doc(text);
            let out = enrich(&d, &[raw(&d, "", cue, text.trim_end_matches('.'), &[])]).attributions;
            assert_eq!(d.slice(out[0].content), "the plant closed", "{text}");
            assert_eq!(out[0].stance, Stance::Hedges, "{text}");
        }
    }
    #[test]
    fn an_unresolved_pronoun_relays_nothing() {
        let text = "The figures came out on Monday. They indicate Apple expects its watch to sell well.";
        let mut d = doc(text);
        add_mentions(&mut d, &[("Apple", Organization)]);
        link(&mut d);
        let rs = vec![
            raw(&d, "They", "indicate", "Apple expects its watch to sell well", &[]),
            raw(&d, "Apple", "expects", "its watch to sell well", &[]),
        ];
        let out = enrich(&d, &rs).attributions;
        let apple = out.iter().find(|a| d.slice(a.cue) == "expects").expect("the inner statement");
        assert!(apple.via.is_empty(), "no hop through an unresolved 'They'");
    }
    #[test]
    fn a_source_names_someone() {
        // (text, source as found, names someone)
        let cases = [
            ("The data left little doubt that the planet was warming.", "left little", false),
            ("A passionate defender of the network, he stayed.", "A passionate", false),
            ("The minister said the talks were over.", "The minister", true),
            ("Mashable reported the group had no fighters there.", "Mashable", true),
            ("Witnesses reported gunfire inside the halls.", "Witnesses", true),
        ];
        for (text, found, want) in cases {
            let mut d = tagged_doc(text);
            add_mentions(&mut d, &[("Mashable", Outlet)]);
            link(&mut d);
            let idx = Index::new(&d);
            assert_eq!(names_someone(&idx, find(&d, found, 0)), want, "{text}");
        }
    }

    #[test]
    fn the_outlet_told_relays_the_statement() {
        // (text, raw (source, cue, content), expected via texts)
        let cases = [
            (
                "Ruiz told the Texas outlet The Galveston Daily News that the truck was sold.",
                ("Ruiz", "told", "the truck was sold"),
                vec!["The Galveston Daily News"],
            ),
            (
                "Ruiz told news site Al-Maalomah that the truck was sold.",
                ("Ruiz", "told", "the truck was sold"),
                vec!["Al-Maalomah"],
            ),
            (
                "Reached for comment by The Huffington Post, a spokesman said the truck was sold.",
                ("a spokesman", "said", "the truck was sold"),
                vec!["The Huffington Post"],
            ),
            ("Speaking to CNN, Ruiz said the truck was sold.", ("Ruiz", "said", "the truck was sold"), vec!["CNN"]),
            // "Daily" in a name is no outlet noun before another name
            (
                "Ruiz told The Daily Planet that the truck was sold.",
                ("Ruiz", "told", "the truck was sold"),
                vec!["The Daily Planet"],
            ),
            // an opening clause with no outlet relays nothing
            ("Speaking to reporters, Ruiz said the truck was sold.", ("Ruiz", "said", "the truck was sold"), vec![]),
            // after an inverted source
            ("“The truck was sold,” said Ruiz to CNN.", ("Ruiz", "said", "“The truck was sold,”"), vec!["CNN"]),
            ("“The truck was sold,” said Ruiz to his son.", ("Ruiz", "said", "“The truck was sold,”"), vec![]),
        ];
        for (text, (src, cue, content), want) in cases {
            let mut d = doc(text);
            add_mentions(
                &mut d,
                &[
                    ("Ruiz", Person),
                    ("Al-Maalomah", EntityKind::Organization),
                    ("The Huffington Post", Outlet),
                    ("CNN", Outlet),
                    ("The Daily Planet", Outlet),
                    ("The Galveston Daily News", Outlet),
                ],
            );
            link(&mut d);
            let out = enrich(&d, &[raw(&d, src, cue, content, &[])]).attributions;
            let got: Vec<&str> = out[0].via.iter().map(|v| d.slice(v.range)).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn a_participle_speaks_for_a_report_not_a_medium() {
        // (text, source as found, cue, the span the source is cut to)
        let cases = [
            (
                "They have not spoken out on the latest hoax claiming he died.",
                "They have not spoken out on the latest hoax",
                "the latest hoax",
            ),
            ("He went on national television claiming the border was open.", "He went on national television", "He"),
        ];
        for (text, found, want) in cases {
            let d = tagged_doc(text);
            let got = participle_head(&d, find(&d, found, 0), find(&d, "claiming", 0));
            assert_eq!(d.slice(got), want, "{text}");
        }
    }

    #[test]
    fn what_according_to_reports_states_nothing_itself() {
        let text = "Ana Ruiz is considering releasing the film this summer, according to unconfirmed reports.";
        let mut d = tagged_doc(text);
        add_mentions(&mut d, &[("Ana Ruiz", Person)]);
        link(&mut d);
        let outer = raw(
            &d,
            "unconfirmed reports",
            "according to",
            "Ana Ruiz is considering releasing the film this summer",
            &[],
        );
        let inner = raw(&d, "Ana Ruiz", "considering", "releasing the film this summer", &[]);
        let out = enrich(&d, &[outer, inner]).attributions;
        let cues: Vec<&str> = out.iter().map(|a| d.slice(a.cue)).collect();
        assert_eq!(cues, ["according to"]);
    }

    #[test]
    fn a_dateline_is_no_part_of_what_was_said() {
        let cases = [
            ("(Reuters) - Iraqi pilots are training members, a group said.", "Iraqi pilots are training members,"),
            (
                "BEIRUT (Reuters) – Iraqi pilots are training members, a group said.",
                "Iraqi pilots are training members,",
            ),
            ("TORONTO – A soldier was shot, police said.", "A soldier was shot,"),
            ("U.S.-led planes hit targets, officials said.", "U.S.-led planes hit targets,"),
            // a dash inside what was said stays
            ("The plan – a bold one – failed, he said.", "The plan – a bold one – failed,"),
        ];
        for (text, want) in cases {
            let d = doc(text);
            // the content: up to the comma before the cue clause
            let whole = TextRange::new(0, text.rfind(", ").expect("a comma") as u32 + 1);
            assert_eq!(d.slice(strip_dateline(&d, whole)), want, "{text}");
        }
    }

    #[test]
    fn a_continued_quotation_with_its_own_stance_is_its_own_statement() {
        // (text, expected (stance, content) per row)
        let cases: &[(&str, &[(Stance, &str)])] = &[
            (
                "“The report is false,” said Ana Ruiz. “We have no information about the visit.”",
                &[
                    (Stance::Denies, "“The report is false,”"),
                    (Stance::NoKnowledge, "“We have no information about the visit.”"),
                ],
            ),
            // a continuation that only goes on asserting stays with the first quotation
            (
                "“The report is false,” said Ana Ruiz. “It is crazy.”",
                &[(Stance::Denies, "“The report is false,” said Ana Ruiz. “It is crazy.”")],
            ),
        ];
        for (text, want) in cases {
            let mut d = doc(text);
            add_mentions(&mut d, &[("Ana Ruiz", Person)]);
            link(&mut d);
            let out = enrich(&d, &[raw(&d, "Ana Ruiz", "said", text, &[])]).attributions;
            let got: Vec<(Stance, &str)> = out.iter().map(|a| (a.stance, d.slice(a.content))).collect();
            assert_eq!(got, *want, "{text}");
        }
    }

    #[test]
    fn rows_read_as_a_reader_would() {
        // (text, raw (source, cue, content), expected (source kind, stance, content)); None: no row
        type Case<'a> = (&'a str, (&'a str, &'a str, &'a str), Option<(SourceKind, Stance, &'a str)>);
        let cases: &[Case] = &[
            // a plural common noun capitalized by the sentence start is an unnamed group
            (
                "Correspondents say the port closed.",
                ("Correspondents", "say", "the port closed"),
                Some((SourceKind::Anonymous, Stance::Asserts, "the port closed")),
            ),
            // whoever was told, named first in the content, is not what was said
            (
                "Witnesses told the Observatory the planes were old.",
                ("Witnesses", "told", "the Observatory the planes were old"),
                Some((SourceKind::Anonymous, Stance::Asserts, "the planes were old")),
            ),
            // a relative clause about a source after the cue is no content ...
            (
                "He said so, citing witnesses near the base, which is 70 km from the border.",
                ("witnesses near the base", "citing", "which is 70 km from the border"),
                None,
            ),
            // ... but what follows it is
            (
                "According to the ministry, which has rebutted such claims for weeks, that is bogus.",
                ("the ministry", "According to", "which has rebutted such claims for weeks, that is bogus"),
                Some((SourceKind::Organization, Stance::Denies, "that is bogus")),
            ),
            // an impersonal "it is not known" knows nothing
            (
                "It is not known how many pilots defected.",
                ("", "known", "It is not known how many pilots defected"),
                Some((SourceKind::Unresolved, Stance::NoKnowledge, "how many pilots defected")),
            ),
        ];
        for (text, (src, cue, content), want) in cases {
            let mut d = tagged_doc(text);
            add_mentions(&mut d, &[("Observatory", EntityKind::Organization)]);
            link(&mut d);
            let mut r = raw(&d, if src.is_empty() { cue } else { src }, cue, content, &[]);
            if src.is_empty() {
                r.source = None;
            }
            let out = enrich(&d, &[r]).attributions;
            let got = out
                .first()
                .map(|a| (a.source.as_ref().map_or(SourceKind::Unresolved, |s| s.kind), a.stance, d.slice(a.content)));
            assert_eq!(got, *want, "{text}");
        }
    }
}
