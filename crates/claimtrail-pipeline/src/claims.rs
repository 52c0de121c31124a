//! Claims: attributions grouped by the proposition they are about.
//!
//! Each attribution's content (or, for an elliptical answer like “no”, the question it
//! answers) is read as a set of **frames**: an event word normalized to an [`EventClass`]
//! ("met", "meetings", "talks" -> meet; "visit", "arrival", "trip" -> visit), with the
//! entities and time expressions that attach to it (each to the nearest event word before
//! it, else after it). Participants are named mentions and the role phrases and
//! descriptions that refer to an entity ("the Iranian General"); a mention inside another
//! person's role phrase ("Iran" in "the spiritual leader of Iran") is not a participant, and
//! "he"/"she" take the nearest person before them.
//!
//! Two frames are about the same proposition when they share the event class, their times do
//! not contradict each other, and one's parties are a subset of the other's (sharing at least
//! one). Attributions join the claim with the best matching frame, in text order; an
//! attribution whose content has a frame but matches no claim starts its own. Contents with
//! no event word (opinions, evaluations) make no claim.
//!
//! A claim is **contested** when at least one attribution asserts or hedges it and another
//! speaker denies it: a hedged report ("reportedly met") against a denial is a dispute a reader
//! wants to see. "No information" / "declined to comment" is neither side. Denials the event
//! frames miss (different words, a report denied as a whole) are matched in [`disputes`].

use std::collections::HashMap;

use claimtrail_core::{
    AttributionId, Claim, Document, EntityId, EntityKind, Stance, TextRange, TimeId, TimeKind, TokenKind,
};

use crate::{Result, Stage};

mod disputes;
pub(crate) mod lexicon;
#[cfg(test)]
pub(crate) mod testutil;

use lexicon::{event_class, EventClass};

/// Groups attributions into claims.
#[derive(Debug, Clone, Default)]
pub struct ClaimLinker;

impl Stage for ClaimLinker {
    const NAME: &'static str = "claims";
    type Output = Vec<Claim>;

    fn run(&self, doc: &Document) -> Result<Vec<Claim>> {
        Ok(link_claims(doc))
    }
}

/// How many earlier claims an attribution is compared with, at most.
const MAX_CANDIDATES: usize = 64;

/// Words that open a new clause.
const CLAUSE_WORDS: &[&str] = &["but", "while", "which", "who", "whereas", "then", "after", "before", "during"];

/// Prepositions that tie a party to the event before it.
const PREPOSITIONS: &[&str] =
    &["to", "in", "at", "from", "into", "with", "by", "of", "for", "on", "between", "among", "against", "toward"];

/// One event of a proposition with its parties.
#[derive(Debug, Clone)]
struct Frame {
    attribution: usize,
    class: EventClass,
    /// The event word.
    word: TextRange,
    /// Persons, organizations, outlets: in text order, distinct.
    agents: Vec<EntityId>,
    /// Places: in text order, distinct.
    places: Vec<EntityId>,
    time: Option<TimeId>,
    /// The event word is a verb in the past ("met", "visited"), not a noun ("support").
    verbal: bool,
}

/// Per-document lookups.
struct Ctx<'a> {
    doc: &'a Document,
    mention_entity: Vec<Option<EntityId>>,
    /// Role phrases and descriptions of entities, by start.
    refs: Vec<(TextRange, EntityId)>,
}

impl<'a> Ctx<'a> {
    fn new(doc: &'a Document) -> Self {
        let (mention_entity, refs) = crate::entities::entity_lookup(doc);
        Ctx { doc, mention_entity, refs }
    }

    fn kind(&self, e: EntityId) -> EntityKind {
        self.doc.entities[e.index()].kind
    }

    /// References overlapping `r`.
    fn refs_near(&self, r: TextRange) -> impl Iterator<Item = &(TextRange, EntityId)> {
        // References are short (role phrases), so those overlapping `r` start shortly before it.
        let i = self.refs.partition_point(|(x, _)| x.start() + 400 < r.start());
        self.refs[i..].iter().take_while(move |(x, _)| x.start() < r.end()).filter(move |(x, _)| x.overlaps(r))
    }
}

fn is_word(doc: &Document, k: usize, w: &str) -> bool {
    doc.tokens[k].kind == TokenKind::Word && doc.slice(doc.tokens[k].range).eq_ignore_ascii_case(w)
}

fn has_event(doc: &Document, r: TextRange) -> bool {
    doc.tokens_in(r).any(|k| event_class(doc.slice(doc.tokens[k].range)).is_some())
}

/// The text a proposition is read from: the content, or for a bare answer ("no", "yes") the
/// question in the same sentence ("whether Putin met with the general").
fn proposition_range(doc: &Document, a: &claimtrail_core::Attribution) -> TextRange {
    let c = a.content;
    if has_event(doc, c) || doc.tokens_in(c).filter(|&k| doc.tokens[k].kind == TokenKind::Word).count() > 4 {
        return c;
    }
    let Some(s) = doc.sentence_at(a.cue.start()) else { return c };
    let st = &doc.sentences[s];
    let (lo, hi) = (st.tokens.start as usize, st.tokens.end as usize);
    let limit = [a.cue.start(), c.start(), a.source.as_ref().map_or(u32::MAX, |x| x.range.start())];
    for k in lo..hi {
        let starts_question = is_word(doc, k, "whether")
            || (is_word(doc, k, "if") && k > lo && (is_word(doc, k - 1, "asked") || is_word(doc, k - 1, "question")))
            || (is_word(doc, k, "about")
                && k > lo
                && ["asked", "question", "questions", "questioned"].iter().any(|w| is_word(doc, k - 1, w)));
        if !starts_question {
            continue;
        }
        let mut e = k + 1;
        while e < hi {
            let t = &doc.tokens[e];
            let w = doc.slice(t.range);
            if limit.iter().any(|&l| t.range.start() >= l && l > doc.tokens[k].range.start())
                || matches!(w, "," | ";" | "?" | ":")
                || ["who", "which", "he", "she", "they"].iter().any(|x| w.eq_ignore_ascii_case(x))
            {
                break;
            }
            e += 1;
        }
        if e > k + 1 {
            return doc.tokens[k + 1].range.cover(doc.tokens[e - 1].range);
        }
    }
    c
}

/// The frames of attribution `ai`.
fn frames(cx: &Ctx, ai: usize) -> Vec<Frame> {
    let doc = cx.doc;
    let a = &doc.attributions[ai];
    let r = proposition_range(doc, a);
    let source_person = a.source.as_ref().and_then(|s| s.entity).filter(|&e| cx.kind(e) == EntityKind::Person);
    // The attribution's own words are not the proposition: its cue, its source as written and
    // its via hops, even inside the content (a quotation split by "said Djamal"); the outlets
    // it is told to or relayed by are no party of it.
    let mut own: Vec<TextRange> =
        a.via.iter().filter(|v| v.entity.is_none_or(|e| cx.kind(e) != EntityKind::Location)).map(|v| v.range).collect();
    own.push(a.cue);
    // The source as written only where the content runs over the cue too ("... ,” said Bek,
    // “...”): a source span that overlaps the content elsewhere is a stray span, and the
    // content's words stay the proposition's.
    if a.content.overlaps(a.cue) {
        own.extend(a.source.as_ref().map(|s| s.range));
    }
    // (A place is no relay: "a visit to Europe, citing ..." is a stray via span.)
    let relays: Vec<EntityId> =
        a.via.iter().filter_map(|v| v.entity).filter(|&e| cx.kind(e) != EntityKind::Location).collect();
    frames_in(cx, r, source_person, ai, &own, &relays)
}

/// Words before an outlet's name that make it the reporter, not a party ("according to
/// Reuters", "the media, in particular Fox News").
const REPORTER_BEFORE: &[&str] =
    &["according", "told", "citing", "particular", "media", "newspaper", "newspapers", "outlets", "including"];

/// Whether the outlet mention at `m` reports the sentence rather than takes part in it:
/// followed by a speech verb ("Fox News and The Wall Street Journal reported"), or after
/// "according to", "told", "citing", "the media, in particular". Coordinated outlet names
/// ("X, Y and Z") count as one.
fn reporting_outlet(cx: &Ctx, sentence: TextRange, m: TextRange) -> bool {
    let doc = cx.doc;
    let toks = doc.tokens_in(sentence);
    let in_outlet = |k: usize| {
        let r = doc.tokens[k].range;
        let i = doc.mentions.partition_point(|x| x.range.end() <= r.start());
        doc.mentions.get(i).is_some_and(|x| {
            x.range.contains_range(r) && cx.mention_entity[i].is_some_and(|e| cx.kind(e) == EntityKind::Outlet)
        })
    };
    let filler = |k: usize| {
        let w = doc.slice(doc.tokens[k].range);
        matches!(w, "," | "and" | "the" | "The" | "&") || in_outlet(k)
    };
    let first = doc.token_at_or_after(m.start());
    let mut before = first;
    while before > toks.start && filler(before - 1) {
        before -= 1;
    }
    let mut after = doc.tokens_in(m).end;
    while after < toks.end && filler(after) {
        after += 1;
    }
    let lower_at = |k: usize| doc.slice(doc.tokens[k].range).to_ascii_lowercase();
    let reporter_after = after < toks.end && {
        let w = lower_at(after);
        crate::attribution::extract::cues::classify(&w) == Some(crate::attribution::extract::cues::CueClass::Verb)
            || ["reported", "reports", "wrote", "writes", "said", "says", "quoted", "cited"].contains(&w.as_str())
    };
    let reporter_before = before > toks.start && {
        let w = lower_at(before - 1);
        REPORTER_BEFORE.contains(&w.as_str())
            || (w == "to" && before > toks.start + 1 && lower_at(before - 2) == "according")
    };
    reporter_after || reporter_before
}

/// Whether the event word at token `k` is advice, obligation or ability rather than a reported
/// event: a modal or deontic word shortly before it ("should not purchase", "must be paid",
/// "recommend not buying", "cannot afford to buy"), or "not to" / "never to" ("told them not to
/// buy").
fn irrealis(doc: &Document, k: usize, lo: usize) -> bool {
    generic(doc, k, lo) || deontic(doc, k, lo)
}

/// Whether the event word at token `k` is a present-tense verb of a relative clause: a habit or
/// a class of doers ("airlines that buy the plane", "a man who visits Oslo"), not an event.
/// After "that" only when an object follows ("that visit the city"), so that "that visit" with
/// a determiner stays a noun.
fn generic(doc: &Document, k: usize, lo: usize) -> bool {
    if k <= lo || k + 1 >= doc.tokens.len() {
        return false;
    }
    let w = doc.slice(doc.tokens[k].range);
    if lexicon::is_past_verb(w) || w.ends_with("ing") {
        return false;
    }
    let prev = doc.slice(doc.tokens[k - 1].range);
    let next = doc.slice(doc.tokens[k + 1].range);
    let object_follows = ["the", "a", "an", "their", "its", "his", "her", "our", "from", "to", "(", "["]
        .iter()
        .any(|d| next.eq_ignore_ascii_case(d));
    ["who", "which"].iter().any(|r| prev.eq_ignore_ascii_case(r))
        || (prev.eq_ignore_ascii_case("that") && object_follows)
}

/// A modal or deontic word shortly before the event word at `k` (see [`irrealis`]).
fn deontic(doc: &Document, k: usize, lo: usize) -> bool {
    let from = k.saturating_sub(4).max(lo);
    let mut prev = String::new();
    for j in (from..k).rev() {
        let t = &doc.tokens[j];
        let raw = doc.slice(t.range).to_lowercase();
        if matches!(raw.as_str(), "'" | "’" | "n't" | "n’t" | "t") {
            continue;
        }
        if t.kind != TokenKind::Word {
            return false;
        }
        let w = raw.strip_suffix("n't").or_else(|| raw.strip_suffix("n’t")).unwrap_or(&raw);
        if lexicon::is_deontic(w) || ((w == "not" || w == "never") && prev == "to") {
            return true;
        }
        prev = w.to_string();
    }
    false
}

/// The frames of the text in `r`; `source_person` is who "he"/"she" fall back to, `ai` is
/// recorded in each frame.
/// Text in `own` (the attribution's cue, source and via hops) is neither event nor party, and
/// the entities in `relays` are no party.
fn frames_in(
    cx: &Ctx,
    r: TextRange,
    source_person: Option<EntityId>,
    ai: usize,
    own: &[TextRange],
    relays: &[EntityId],
) -> Vec<Frame> {
    let doc = cx.doc;
    let toks = doc.tokens_in(r);
    if toks.is_empty() {
        return Vec::new();
    }
    let is_own = |x: TextRange| own.iter().any(|o| o.overlaps(x));
    let sentence = doc.sentence_at(r.start()).map_or(r, |s| doc.sentences[s].range);
    // Participants: (token position, entity).
    let mut parts: Vec<(usize, EntityId)> = Vec::new();
    let mut covered: Vec<TextRange> = Vec::new();
    let ms = &doc.mentions;
    let i0 = ms.partition_point(|m| m.range.end() <= r.start());
    for (k, m) in ms[i0..].iter().enumerate().take_while(|(_, m)| m.range.start() < r.end()) {
        let Some(e) = cx.mention_entity[i0 + k] else { continue };
        if !r.contains_range(m.range) || cx.kind(e) == EntityKind::Other {
            continue;
        }
        if is_own(m.range)
            || relays.contains(&e)
            || (cx.kind(e) == EntityKind::Outlet && reporting_outlet(cx, sentence, m.range))
        {
            covered.push(m.range);
            continue;
        }
        // Inside another person's role phrase: part of the description, not a party.
        let inside_role = cx
            .refs_near(m.range)
            .any(|(x, o)| *o != e && cx.kind(*o) == EntityKind::Person && x.contains_range(m.range));
        covered.push(m.range);
        if !inside_role {
            parts.push((doc.token_at_or_after(m.range.start()), e));
        }
    }
    for (x, e) in cx.refs_near(r) {
        if r.contains_range(*x) {
            covered.push(*x);
            if !is_own(*x) && !relays.contains(e) {
                parts.push((doc.token_at_or_after(x.start()), *e));
            }
        }
    }
    covered.extend(own.iter().copied().filter(|o| o.overlaps(r)));
    // he / she / him / his / her: the nearest person before in the content, else the source
    // when it is a person, else the last person named earlier in the sentence.
    let sentence_person = || {
        let s = doc.sentence_at(r.start())?;
        let lo = doc.sentences[s].range.start().min(r.start());
        let i = doc.mentions.partition_point(|m| m.range.end() <= lo);
        doc.mentions[i..]
            .iter()
            .enumerate()
            .take_while(|(_, m)| m.range.end() <= r.start())
            .filter_map(|(k, _)| cx.mention_entity[i + k])
            .filter(|&e| cx.kind(e) == EntityKind::Person)
            .last()
    };
    parts.sort_unstable_by_key(|p| p.0);
    let mut pronouns = Vec::new();
    for k in toks.clone() {
        let w = doc.slice(doc.tokens[k].range);
        if is_own(doc.tokens[k].range) {
            continue;
        }
        if ["he", "she", "him", "his", "her"].iter().any(|p| w.eq_ignore_ascii_case(p)) {
            let before = parts.iter().rev().find(|(p, e)| *p < k && cx.kind(*e) == EntityKind::Person).map(|x| x.1);
            // Only a pronoun that is a party of an event near it ("he travelled", "met him").
            let near_event = (k.saturating_sub(3)..(k + 4).min(toks.end))
                .any(|j| j != k && event_class(doc.slice(doc.tokens[j].range)).is_some());
            if let (true, Some(e)) = (near_event, before.or(source_person).or_else(sentence_person)) {
                pronouns.push((k, e));
            }
        }
    }
    parts.extend(pronouns);
    parts.sort_unstable_by_key(|p| p.0);
    // Events: event words not inside a named mention or reference.
    let events: Vec<(usize, EventClass)> = toks
        .clone()
        .filter(|&k| !covered.iter().any(|c| c.contains_range(doc.tokens[k].range)))
        .filter_map(|k| event_class(doc.slice(doc.tokens[k].range)).map(|c| (k, c)))
        .collect();
    // Advice, obligation, habits: no event of their own, but they keep their parties from
    // wandering to another event.
    let unreal: Vec<bool> = events.iter().map(|&(k, _)| irrealis(doc, k, toks.start)).collect();
    if unreal.iter().all(|&u| u) {
        return Vec::new();
    }
    let relative: Vec<bool> = events.iter().map(|&(k, _)| generic(doc, k, toks.start)).collect();
    if events.is_empty() {
        return Vec::new();
    }
    // Clause breaks between a party and an event make the attachment less likely.
    let base = toks.start;
    let mut breaks = vec![0u32; toks.len() + 1];
    for (i, k) in toks.clone().enumerate() {
        let w = doc.slice(doc.tokens[k].range);
        let is_break =
            matches!(w, "," | ";" | ":" | "—" | "–") || CLAUSE_WORDS.iter().any(|c| w.eq_ignore_ascii_case(c));
        breaks[i + 1] = breaks[i] + u32::from(is_break);
    }
    let cost = |pos: usize, ev: usize| -> u32 {
        let (a, b) = if pos < ev { (pos, ev) } else { (ev, pos) };
        let (a, b) = (a.clamp(base, toks.end) - base, b.clamp(base, toks.end) - base);
        (b - a) as u32 + 4 * (breaks[b] - breaks[a])
    };
    // A party after a preposition ("to Moscow", "of Lavrov") belongs to the event before it;
    // others to the nearest event.
    let attach = |pos: usize| -> usize {
        let after_prep = pos > toks.start && {
            let w = doc.slice(doc.tokens[pos - 1].range);
            PREPOSITIONS.iter().any(|p| w.eq_ignore_ascii_case(p))
        };
        let preceding = events.iter().any(|(k, _)| *k < pos);
        (0..events.len())
            .filter(|&i| !(after_prep && preceding) || events[i].0 < pos)
            // The doer before a relative clause ("Ana, who visits Oslo, met ...") is the main
            // clause's.
            .filter(|&i| !(relative[i] && pos < events[i].0))
            .min_by_key(|&i| (cost(pos, events[i].0), usize::from(events[i].0 > pos)))
            .unwrap_or(0)
    };
    let mut out: Vec<Frame> = events
        .iter()
        .map(|&(k, class)| Frame {
            attribution: ai,
            class,
            word: doc.tokens[k].range,
            agents: Vec::new(),
            places: Vec::new(),
            time: None,
            verbal: lexicon::is_past_verb(doc.slice(doc.tokens[k].range)),
        })
        .collect();
    for (pos, e) in parts {
        let f = &mut out[attach(pos)];
        let list = if cx.kind(e) == EntityKind::Location { &mut f.places } else { &mut f.agents };
        if !list.contains(&e) {
            list.push(e);
        }
    }
    let ti = doc.times.partition_point(|t| t.range.end() <= r.start());
    for (k, t) in doc.times[ti..].iter().enumerate().take_while(|(_, t)| t.range.start() < r.end()) {
        if !matches!(t.kind, TimeKind::Date | TimeKind::Time) || !r.contains_range(t.range) {
            continue;
        }
        let f = &mut out[attach(doc.token_at_or_after(t.range.start()))];
        if f.time.is_none() {
            f.time = Some(TimeId::from_index(ti + k));
        }
    }
    // Places alone make a proposition only for events between states ("talks between Russia
    // and Iran", "Russia invaded Ukraine"), not "Europe bought Indonesia".
    let mut unreal = unreal.into_iter();
    out.retain(|f| {
        !unreal.next().unwrap_or(false)
            && (!f.agents.is_empty()
                || (f.places.len() >= 2
                    && matches!(
                        f.class,
                        EventClass::Meet
                            | EventClass::Attack
                            | EventClass::Invade
                            | EventClass::Sign
                            | EventClass::Decide
                    )))
    });
    out
}

/// Times that do not contradict: equal at the coarser of the two granularities.
fn times_compatible(doc: &Document, a: Option<TimeId>, b: Option<TimeId>) -> bool {
    let value = |t: Option<TimeId>| {
        t.and_then(|t| doc.times[t.index()].value.as_deref())
            .filter(|v| v.len() >= 4 && v.as_bytes()[..4].iter().all(u8::is_ascii_digit) && !v.contains('W'))
    };
    match (value(a), value(b)) {
        (Some(x), Some(y)) => {
            let g = [10, 7, 4].into_iter().find(|&g| x.len() >= g && y.len() >= g).unwrap_or(4);
            x.get(..g) == y.get(..g)
        }
        _ => true,
    }
}

fn overlap_subset(a: &[EntityId], b: &[EntityId]) -> usize {
    let inter = a.iter().filter(|x| b.contains(x)).count();
    if inter > 0 && (inter == a.len() || inter == b.len()) {
        inter
    } else {
        0
    }
}

/// How well two frames match (0: not the same proposition).
fn match_score(doc: &Document, f: &Frame, g: &Frame) -> usize {
    if f.class != g.class || !times_compatible(doc, f.time, g.time) {
        return 0;
    }
    let shared = if !f.agents.is_empty() && !g.agents.is_empty() {
        overlap_subset(&f.agents, &g.agents)
    } else {
        let all = |x: &Frame| x.agents.iter().chain(&x.places).copied().collect::<Vec<_>>();
        let s = overlap_subset(&all(f), &all(g));
        if s >= 2 {
            s
        } else {
            0
        }
    };
    if shared == 0 {
        return 0;
    }
    2 * shared + usize::from(f.places.iter().any(|p| g.places.contains(p)))
}

/// An event named in a span of text, with its parties and time: what claims are made of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventFrame {
    /// Event class name ("meet", "visit", ...), as in [`Claim::event`].
    pub class: &'static str,
    /// Past-tense verb for a gist ("met", "visited", "withdrew from").
    pub verb: &'static str,
    /// A place is the event's natural object ("visited Moscow").
    pub takes_place: bool,
    /// The event word ("met", "visit", "talks").
    pub word: TextRange,
    /// Persons, organizations and outlets taking part, in text order, distinct.
    pub agents: Vec<EntityId>,
    /// Places, in text order, distinct.
    pub places: Vec<EntityId>,
    /// When it happened, if a date or time attaches to it.
    pub time: Option<TimeId>,
    /// The event word is a verb in the past ("met"), not a noun ("the meeting").
    pub verbal: bool,
}

/// Finds event frames in arbitrary spans of one document (own-voice sentences, headlines),
/// with the same rules the claim linker applies to attribution contents.
pub struct EventFinder<'a> {
    cx: Ctx<'a>,
}

impl std::fmt::Debug for EventFinder<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EventFinder").field("doc", &self.cx.doc.meta.id).finish()
    }
}

impl<'a> EventFinder<'a> {
    /// Builds the per-document lookups once (entity of each mention, role phrases).
    pub fn new(doc: &'a Document) -> Self {
        EventFinder { cx: Ctx::new(doc) }
    }

    /// The event frames in the byte range `r`: each event word with the entities and times that
    /// attach to it. Frames with no party are dropped, as the claim linker drops them.
    pub fn frames(&self, r: TextRange) -> Vec<EventFrame> {
        let r = TextRange::new(
            r.start().min(self.cx.doc.text().len() as u32),
            r.end().min(self.cx.doc.text().len() as u32),
        );
        frames_in(&self.cx, r, None, usize::MAX, &[], &[])
            .into_iter()
            .map(|f| EventFrame {
                class: f.class.name(),
                verb: f.class.verb(),
                takes_place: f.class.takes_place(),
                word: f.word,
                agents: f.agents,
                places: f.places,
                time: f.time,
                verbal: f.verbal,
            })
            .collect()
    }
}

/// The event frames in the byte range `r` of `doc` (see [`EventFinder`] to query many ranges).
pub fn event_frames(doc: &Document, r: TextRange) -> Vec<EventFrame> {
    EventFinder::new(doc).frames(r)
}

struct Group {
    frames: Vec<Frame>,
    members: Vec<usize>,
}

/// Groups the attributions of `doc` into claims.
pub fn link_claims(doc: &Document) -> Vec<Claim> {
    let cx = Ctx::new(doc);
    let mut groups: Vec<Group> = Vec::new();
    let mut by_entity: HashMap<EntityId, Vec<usize>> = HashMap::new();
    for ai in 0..doc.attributions.len() {
        let fs = frames(&cx, ai);
        if fs.is_empty() {
            continue;
        }
        let mut candidates: Vec<usize> = fs
            .iter()
            .flat_map(|f| f.agents.iter().chain(&f.places))
            .filter_map(|e| by_entity.get(e))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        // The most recent claims only: an article-long pile-up must not make this quadratic.
        let keep = candidates.len().saturating_sub(MAX_CANDIDATES);
        candidates.drain(..keep);
        let mut best: Option<(usize, usize)> = None; // (score, group)
        for &g in &candidates {
            let score: usize = fs
                .iter()
                .map(|f| groups[g].frames.iter().map(|h| match_score(doc, f, h)).max().unwrap_or(0))
                .max()
                .unwrap_or(0);
            if score > 0 && best.is_none_or(|(s, _)| score > s) {
                best = Some((score, g));
            }
        }
        let g = match best {
            Some((_, g)) => {
                let matched: Vec<Frame> =
                    fs.into_iter().filter(|f| groups[g].frames.iter().any(|h| match_score(doc, f, h) > 0)).collect();
                for f in &matched {
                    for e in f.agents.iter().chain(&f.places) {
                        let l = by_entity.entry(*e).or_default();
                        if !l.contains(&g) {
                            l.push(g);
                        }
                    }
                }
                groups[g].frames.extend(matched);
                groups[g].members.push(ai);
                g
            }
            None => {
                let g = groups.len();
                for f in &fs {
                    for e in f.agents.iter().chain(&f.places) {
                        let l = by_entity.entry(*e).or_default();
                        if !l.contains(&g) {
                            l.push(g);
                        }
                    }
                }
                groups.push(Group { frames: fs, members: vec![ai] });
                g
            }
        };
        let _ = g;
    }
    // A statement nobody else speaks of makes a claim when it reports an event done ("met",
    // "visited"), a dated or two-party event ("the trip to Oslo on 9 June"), or denies one; a
    // noun with one party ("support for X", "the decision") is too often no proposition.
    let mut claims: Vec<Claim> = groups
        .iter()
        .filter(|g| {
            g.members.len() > 1
                || g.frames.iter().any(|f| f.verbal || f.time.is_some() || f.agents.len() + f.places.len() >= 2)
                || g.members.iter().any(|&a| doc.attributions[a].stance == Stance::Denies)
        })
        .map(|g| claim_of(doc, g))
        .collect();
    disputes::link(doc, &mut claims);
    claims
}

fn short_name(doc: &Document, e: EntityId) -> &str {
    let ent = &doc.entities[e.index()];
    if ent.kind == EntityKind::Person {
        ent.name.split_whitespace().last().unwrap_or(&ent.name)
    } else {
        &ent.name
    }
}

fn join_names(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [a] => a.to_string(),
        [init @ .., last] => format!("{} and {}", init.join(", "), last),
    }
}

fn claim_of(doc: &Document, g: &Group) -> Claim {
    let stance = |ai: usize| doc.attributions[ai].stance;
    // The event class most of the members speak of.
    let mut classes: Vec<(EventClass, usize, usize)> = Vec::new(); // (class, members, first frame)
    for (i, f) in g.frames.iter().enumerate() {
        match classes.iter_mut().find(|c| c.0 == f.class) {
            Some(c) => {
                if !g.frames[..i].iter().any(|h| h.class == f.class && h.attribution == f.attribution) {
                    c.1 += 1;
                }
            }
            None => classes.push((f.class, 1, i)),
        }
    }
    let class = classes.iter().max_by_key(|c| (c.1, std::cmp::Reverse(c.2))).map_or(EventClass::Meet, |c| c.0);
    let of_class: Vec<&Frame> = g.frames.iter().filter(|f| f.class == class).collect();
    let lead = of_class
        .iter()
        .find(|f| matches!(stance(f.attribution), Stance::Asserts | Stance::Hedges))
        .or(of_class.first())
        .copied();
    let mut agents: Vec<EntityId> = lead.map(|f| f.agents.clone()).unwrap_or_default();
    let mut places: Vec<(EntityId, usize)> = Vec::new();
    let mut entities: Vec<EntityId> = agents.clone();
    for f in &of_class {
        for &e in &f.agents {
            if !entities.contains(&e) {
                entities.push(e);
            }
        }
        for &p in &f.places {
            match places.iter_mut().find(|x| x.0 == p) {
                Some(x) => x.1 += 1,
                None => places.push((p, 1)),
            }
        }
    }
    for (p, _) in &places {
        if !entities.contains(p) {
            entities.push(*p);
        }
    }
    if agents.is_empty() {
        agents = lead.map(|f| f.places.clone()).unwrap_or_default();
    }
    let place = places.iter().max_by_key(|x| x.1).map(|x| x.0).filter(|p| !agents.contains(p));
    let names: Vec<&str> = agents.iter().map(|&e| short_name(doc, e)).collect();
    let gist = match (class, names.as_slice()) {
        (EventClass::Meet, [a, rest @ ..]) if !rest.is_empty() => {
            if doc.entities[agents[0].index()].kind == EntityKind::Location {
                format!("{} met", join_names(&names))
            } else {
                format!("{a} met {}", join_names(rest))
            }
        }
        (c, [a, rest @ ..]) => {
            let mut objects: Vec<&str> = rest.to_vec();
            if let Some(p) = place.filter(|_| c.takes_place()) {
                objects.push(short_name(doc, p));
            }
            if objects.is_empty() {
                format!("{a} {}", c.verb())
            } else {
                let verb = if rest.is_empty() { c.verb() } else { c.verb_with() };
                format!("{a} {verb} {}", join_names(&objects))
            }
        }
        (c, []) => c.verb().to_string(),
    };
    // When: a dated time of the class's frames, else any.
    let times: Vec<TimeId> = of_class.iter().filter_map(|f| f.time).collect();
    let when = times
        .iter()
        .copied()
        .find(|t| doc.times[t.index()].value.as_deref().is_some_and(|v| v.len() >= 10))
        .or_else(|| times.iter().copied().find(|t| doc.times[t.index()].value.is_some()))
        .or_else(|| times.first().copied());
    let mut members = g.members.clone();
    members.sort_unstable();
    let pro = members.iter().any(|&a| matches!(stance(a), Stance::Asserts | Stance::Hedges));
    let con = members.iter().any(|&a| stance(a) == Stance::Denies);
    Claim {
        gist,
        entities,
        when,
        attributions: members.into_iter().map(AttributionId::from_index).collect(),
        contested: pro && con,
        event: Some(class.name().to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::enrich::enrich;
    use crate::claims::testutil::{add_mentions, add_time, doc, link, raw, raw_at};
    use EntityKind::*;

    type Raw<'a> = (&'a str, &'a str, &'a str);

    fn analyze(text: &str, names: &[(&str, EntityKind)], times: &[(&str, &str)], raws: &[Raw]) -> Document {
        let mut d = doc(text);
        add_mentions(&mut d, names);
        for (t, v) in times {
            add_time(&mut d, t, v);
        }
        link(&mut d);
        let rs: Vec<_> = raws.iter().map(|(s, c, t)| raw(&d, s, c, t, &[])).collect();
        d.attributions = enrich(&d, &rs).attributions;
        d.claims = link_claims(&d);
        d
    }

    fn summary(d: &Document) -> Vec<(String, Vec<usize>, bool)> {
        d.claims
            .iter()
            .map(|c| (c.gist.clone(), c.attributions.iter().map(|a| a.index()).collect(), c.contested))
            .collect()
    }

    #[test]
    fn grouping_table() {
        type Case<'a> = (
            &'a str,
            &'a [(&'a str, EntityKind)],
            &'a [(&'a str, &'a str)],
            &'a [Raw<'a>],
            &'a [(&'a str, &'a [usize], bool)],
        );
        let cases: &[Case] = &[
            (
                // synonyms (met / talks), a denial by phrase: one contested claim
                "Radio Nord said Ana Ruiz met Luis Soto in Lima. Kanal Sud said talks between Soto and Ruiz never took place.",
                &[("Ana Ruiz", Person), ("Luis Soto", Person), ("Ruiz", Person), ("Soto", Person), ("Lima", Location), ("Radio Nord", Outlet), ("Kanal Sud", Outlet)],
                &[],
                &[
                    ("Radio Nord", "said", "Ana Ruiz met Luis Soto in Lima"),
                    ("Kanal Sud", "said", "talks between Soto and Ruiz never took place"),
                ],
                &[("Ruiz met Soto", &[0, 1], true)],
            ),
            (
                // different parties: two claims
                "Radio Nord said Ana Ruiz met Luis Soto. Kanal Sud said Ana Ruiz met Ivo Brant.",
                &[("Ana Ruiz", Person), ("Luis Soto", Person), ("Ivo Brant", Person), ("Radio Nord", Outlet), ("Kanal Sud", Outlet)],
                &[],
                &[("Radio Nord", "said", "Ana Ruiz met Luis Soto"), ("Kanal Sud", "said", "Ana Ruiz met Ivo Brant")],
                &[("Ruiz met Soto", &[0], false), ("Ruiz met Brant", &[1], false)],
            ),
            (
                // times that contradict: two visits
                "Radio Nord said Ivo Brant visited Oslo on 3 May. Kanal Sud said Brant's trip to Oslo was on 9 June.",
                &[("Ivo Brant", Person), ("Brant", Person), ("Oslo", Location), ("Radio Nord", Outlet), ("Kanal Sud", Outlet)],
                &[("3 May", "2020-05-03"), ("9 June", "2020-06-09")],
                &[
                    ("Radio Nord", "said", "Ivo Brant visited Oslo on 3 May"),
                    ("Kanal Sud", "said", "Brant's trip to Oslo was on 9 June"),
                ],
                &[("Brant visited Oslo", &[0], false), ("Brant visited Oslo", &[1], false)],
            ),
            (
                // an opinion makes no claim; an arrival denied joins the visit
                "Ivo Brant said the economy is strong. Radio Nord reported Brant's arrival in Oslo. Oslo denied the visit of Brant.",
                &[("Ivo Brant", Person), ("Brant", Person), ("Oslo", Location), ("Radio Nord", Outlet)],
                &[],
                &[
                    ("Ivo Brant", "said", "the economy is strong"),
                    ("Radio Nord", "reported", "Brant's arrival in Oslo"),
                    ("Oslo denied", "denied", "the visit of Brant"),
                ],
                &[("Brant visited Oslo", &[1, 2], true)],
            ),
            (
                // "he" in a content that starts after the name: the person named before it
                "Radio Nord reported Brant's trip to Oslo. According to an aide, Ana Ruiz hired Ivo Brant and then he travelled to Oslo.",
                &[("Ivo Brant", Person), ("Brant", Person), ("Ana Ruiz", Person), ("Oslo", Location), ("Radio Nord", Outlet)],
                &[],
                &[("Radio Nord", "reported", "Brant's trip to Oslo"), ("an aide", "According to", "he travelled to Oslo")],
                &[("Brant visited Oslo", &[0, 1], false)],
            ),
            (
                // gists: "agreed with" for two parties; no place as the object of a decision
                "Radio Nord said Ana Ruiz and Ivo Brant agreed on a truce. Kanal Sud said Ivo Brant decided in Oslo.",
                &[("Ana Ruiz", Person), ("Ivo Brant", Person), ("Oslo", Location), ("Radio Nord", Outlet), ("Kanal Sud", Outlet)],
                &[],
                &[("Radio Nord", "said", "Ana Ruiz and Ivo Brant agreed on a truce"), ("Kanal Sud", "said", "Ivo Brant decided in Oslo")],
                &[("Ruiz agreed with Brant", &[0, 1], false)],
            ),
            (
                // a lone noun is no claim; a lone past event is
                "Ivo Brant said support for Ana Ruiz is growing. Radio Nord said Ivo Brant visited Oslo.",
                &[("Ivo Brant", Person), ("Ana Ruiz", Person), ("Oslo", Location), ("Radio Nord", Outlet)],
                &[],
                &[("Ivo Brant", "said", "support for Ana Ruiz is growing"), ("Radio Nord", "said", "Ivo Brant visited Oslo")],
                &[("Brant visited Oslo", &[1], false)],
            ),
            (
                // no information is neither side
                "Radio Nord said Ivo Brant visited Oslo. Ana Ruiz said she had no information about Brant's visit.",
                &[("Ivo Brant", Person), ("Brant", Person), ("Ana Ruiz", Person), ("Oslo", Location), ("Radio Nord", Outlet)],
                &[],
                &[
                    ("Radio Nord", "said", "Ivo Brant visited Oslo"),
                    ("Ana Ruiz", "said", "she had no information about Brant's visit"),
                ],
                &[("Brant visited Oslo", &[0, 1], false)],
            ),
        ];
        for (text, names, times, raws, want) in cases {
            let d = analyze(text, names, times, raws);
            let want: Vec<(String, Vec<usize>, bool)> =
                want.iter().map(|(g, a, c)| (g.to_string(), a.to_vec(), *c)).collect();
            assert_eq!(summary(&d), want, "{text}");
        }
    }

    /// (gist, attribution contents) of the claims, for attributions given with their via hops.
    fn gists_with_via(text: &str, names: &[(&str, EntityKind)], raws: &[(&str, &str, &str, &[&str])]) -> Vec<String> {
        let mut d = doc(text);
        add_mentions(&mut d, names);
        link(&mut d);
        let rs: Vec<_> = raws.iter().map(|(s, c, t, v)| raw(&d, s, c, t, v)).collect();
        d.attributions = enrich(&d, &rs).attributions;
        d.claims = link_claims(&d);
        let contents = d.attributions.iter().map(|a| format!("content: {}", d.slice(a.content)));
        d.claims.iter().map(|c| c.gist.clone()).chain(contents).collect()
    }

    #[test]
    fn own_words_of_an_attribution_are_no_party() {
        type Case<'a> =
            (&'a str, &'a [(&'a str, EntityKind)], &'a [(&'a str, &'a str, &'a str, &'a [&'a str])], &'a [&'a str]);
        let cases: &[Case] = &[
            (
                // the content runs over "told <outlet>": the tail is cut, the outlet is no party
                "On the eve of the talks of Ana Ruiz and Luis Soto told Radio Nord, citing an aide.",
                &[("Ana Ruiz", Person), ("Luis Soto", Person), ("Radio Nord", Outlet)],
                &[(
                    "an aide",
                    "citing",
                    "On the eve of the talks of Ana Ruiz and Luis Soto told Radio Nord",
                    &["Radio Nord"],
                )],
                &["Ruiz met Soto", "content: On the eve of the talks of Ana Ruiz and Luis Soto"],
            ),
            (
                // a via hop at the content's edge with no speech word to tie it stays in the
                // content, but is no party
                "Ivo Brant met Luis Soto and Radio Nord, an aide said.",
                &[("Ivo Brant", Person), ("Luis Soto", Person), ("Radio Nord", Outlet)],
                &[("an aide", "said", "Ivo Brant met Luis Soto and Radio Nord", &["Radio Nord"])],
                &["Brant met Soto", "content: Ivo Brant met Luis Soto and Radio Nord"],
            ),
            (
                // a via hop inside the content (not at its edge) stays in it, but is no party
                "Ivo Brant met Radio Nord staff and Luis Soto, an aide said.",
                &[("Ivo Brant", Person), ("Luis Soto", Person), ("Radio Nord", Outlet)],
                &[("an aide", "said", "Ivo Brant met Radio Nord staff and Luis Soto", &["Radio Nord"])],
                &["Brant met Soto", "content: Ivo Brant met Radio Nord staff and Luis Soto"],
            ),
            (
                // a quotation split by its own cue and source: the source is not the object
                "“Kanto Air bought two jets,” said Omar Bek, “and more will come.”",
                &[("Kanto Air", Organization), ("Omar Bek", Person)],
                &[("Omar Bek", "said", "Kanto Air bought two jets,” said Omar Bek, “and more will come.", &[])],
                &["Kanto Air bought", "content: Kanto Air bought two jets,” said Omar Bek, “and more will come."],
            ),
            (
                // a content with no own words keeps its parties
                "Radio Nord said Ivo Brant visited Lima.",
                &[("Ivo Brant", Person), ("Radio Nord", Outlet), ("Lima", Location)],
                &[("Radio Nord", "said", "Ivo Brant visited Lima", &[])],
                &["Brant visited Lima", "content: Ivo Brant visited Lima"],
            ),
        ];
        for (text, names, raws, want) in cases {
            assert_eq!(
                gists_with_via(text, names, raws),
                want.iter().map(|w| w.to_string()).collect::<Vec<_>>(),
                "{text}"
            );
        }
    }

    #[test]
    fn reporters_and_advice_make_no_frame_party() {
        let text = "Ivo Brant visited Lima in May, Radio Nord and Kanal Sud reported. \
                    According to Radio Nord, Ana Ruiz met Luis Soto. \
                    Radio Nord bought Kanal Sud. \
                    Local firms should not purchase jets from Kanto Air. \
                    Ana Ruiz urged firms not to buy jets from Kanto Air. \
                    Kanto Air must be paid by Ivo Brant. \
                    Firms that buy the jets of Kanto Air pay Luis Soto. \
                    Ana Ruiz postponed a visit to Lima. \
                    Ana Ruiz, who visits Lima often, met Luis Soto. \
                    Ivo Brant did not buy Kanto Air.";
        let names = [
            ("Ivo Brant", Person),
            ("Ana Ruiz", Person),
            ("Luis Soto", Person),
            ("Radio Nord", Outlet),
            ("Kanal Sud", Outlet),
            ("Kanto Air", Organization),
            ("Lima", Location),
        ];
        let mut d = doc(text);
        add_mentions(&mut d, &names);
        link(&mut d);
        let finder = EventFinder::new(&d);
        let name = |e: &EntityId| d.entities[e.index()].name.clone();
        // (sentence, [(class, agents, places)])
        type Want<'a> = &'a [(&'a str, &'a [&'a str], &'a [&'a str])];
        let cases: &[(usize, Want)] = &[
            // outlets that report the sentence are no party; the place is the destination
            (0, &[("visit", &["Ivo Brant"], &["Lima"])]),
            (1, &[("meet", &["Ana Ruiz", "Luis Soto"], &[])]),
            // an outlet that takes part is a party
            (2, &[("buy", &["Radio Nord", "Kanal Sud"], &[])]),
            // advice, obligation: no reported event
            (3, &[]),
            (4, &[]),
            (5, &[]),
            // present tense in a relative clause: a habit or a class of doers, no event
            (6, &[("pay", &["Luis Soto"], &[])]),
            // an event put off did not happen
            (7, &[]),
            (8, &[("meet", &["Ana Ruiz", "Luis Soto"], &[])]),
            // a negated past event is still an event (its stance is a denial)
            (9, &[("buy", &["Ivo Brant", "Kanto Air"], &[])]),
        ];
        assert_eq!(d.sentences.len(), cases.len());
        for (si, want) in cases {
            let got: Vec<_> = finder
                .frames(d.sentences[*si].range)
                .iter()
                .map(|f| {
                    (
                        f.class,
                        f.agents.iter().map(name).collect::<Vec<_>>(),
                        f.places.iter().map(name).collect::<Vec<_>>(),
                    )
                })
                .collect();
            let want: Vec<_> = want
                .iter()
                .map(|(c, a, p)| {
                    (*c, a.iter().map(|x| x.to_string()).collect(), p.iter().map(|x| x.to_string()).collect())
                })
                .collect();
            assert_eq!(got, want, "sentence {si}");
        }
    }

    #[test]
    fn event_frames_in_any_span() {
        let text = "Ivo Brant visited Oslo on 3 May. The economy is strong. Ana Ruiz met Brant and Luis Soto. \
                    Talks in Oslo.";
        let names =
            [("Ivo Brant", Person), ("Brant", Person), ("Ana Ruiz", Person), ("Luis Soto", Person), ("Oslo", Location)];
        let mut d = doc(text);
        add_mentions(&mut d, &names);
        add_time(&mut d, "3 May", "2020-05-03");
        link(&mut d);
        let finder = EventFinder::new(&d);
        let name = |e: &EntityId| d.entities[e.index()].name.clone();
        // (sentence, [(class, agents, places, dated, verbal)])
        type Want<'a> = &'a [(&'a str, &'a [&'a str], &'a [&'a str], bool, bool)];
        let cases: &[(usize, Want)] = &[
            (0, &[("visit", &["Ivo Brant"], &["Oslo"], true, true)]),
            (1, &[]),
            (2, &[("meet", &["Ana Ruiz", "Ivo Brant", "Luis Soto"], &[], false, true)]),
            // a place alone is no proposition
            (3, &[]),
        ];
        for (si, want) in cases {
            let r = d.sentences[*si].range;
            let got: Vec<_> = finder
                .frames(r)
                .iter()
                .map(|f| {
                    assert!(event_class(d.slice(f.word)).is_some());
                    (
                        f.class,
                        f.agents.iter().map(name).collect::<Vec<_>>(),
                        f.places.iter().map(name).collect::<Vec<_>>(),
                        f.time.is_some(),
                        f.verbal,
                    )
                })
                .collect();
            let want: Vec<_> = want
                .iter()
                .map(|(c, a, p, t, v)| {
                    (*c, a.iter().map(|x| x.to_string()).collect(), p.iter().map(|x| x.to_string()).collect(), *t, *v)
                })
                .collect();
            assert_eq!(got, want, "sentence {si}");
        }
        // Out-of-bounds and empty ranges are no frames, not a panic.
        assert!(event_frames(&d, TextRange::new(5000, 6000)).is_empty());
        assert!(event_frames(&d, TextRange::new(0, 0)).is_empty());
    }

    #[test]
    fn elliptical_answer_takes_the_question() {
        let text = "Radio Nord said Ivo Brant met Ana Ruiz. \
                    Asked whether Ruiz met with Brant, the palace spokesman Karim Nadir replied “no”.";
        let d = analyze(
            text,
            &[
                ("Ivo Brant", Person),
                ("Ana Ruiz", Person),
                ("Ruiz", Person),
                ("Brant", Person),
                ("Karim Nadir", Person),
                ("Radio Nord", Outlet),
            ],
            &[],
            &[("Radio Nord", "said", "Ivo Brant met Ana Ruiz"), ("the palace spokesman Karim Nadir", "replied", "no")],
        );
        assert_eq!(d.attributions[1].stance, Stance::Denies);
        assert_eq!(summary(&d), vec![("Brant met Ruiz".to_string(), vec![0, 1], true)]);
    }

    /// The seed article's situation, in other words: a denied meeting, a visit reported by
    /// two outlets and denied, a hedged meeting answered "no"; roles, transliteration and
    /// gendered surname variants, pronouns, definite descriptions, via chains, dates.
    #[test]
    fn seed_like_ledger() {
        let text = "Reports that the Oslandian foreign Minister Ivan Petrov and the supreme leader of Vestria \
Ayatollah Reza Karimi discussed a joint plan are “complete nonsense”. This was stated by the official \
spokeswoman of the Oslandian foreign Ministry Olga Sidorova.
“Information about the alleged meetings of Ivan Petrov with the head and supreme leader of Vestria is not true”, \
— Sidorov quoted by Radio Nord.
A senior official in the region told Kanal Sud that the plan was agreed at the meeting of Petrov with Karimi \
“several months ago”. According to the official, Karimi appointed General Hamid Farzan, and then he travelled \
several times to Oslograd.
Fox Daily and The Morning Ledger reported Farzan's trip to Oslograd. According to them, the visit of the Vestrian \
General took place on 24 July. Fox Daily said that Farzan reportedly met with President Anton Volkov.
Oslograd repeatedly denied the arrival of Farzan. August 7, the press Secretary of the President of Oslandia \
Pavel Orlov, asked whether Volkov met with the Vestrian General, replied “no”. September 15, Orlov told reporters \
that he did not have any information about Farzan's visit to Oslandia.";
        let mut d = doc(text);
        add_mentions(
            &mut d,
            &[
                ("Ivan Petrov", Person),
                ("Petrov", Person),
                ("Vestria", Location),
                ("Reza Karimi", Person),
                ("Karimi", Person),
                ("Olga Sidorova", Person),
                ("Sidorov", Person),
                ("Radio Nord", Outlet),
                ("Kanal Sud", Outlet),
                ("Hamid Farzan", Person),
                ("Farzan", Person),
                ("Oslograd", Location),
                ("Fox Daily", Outlet),
                ("The Morning Ledger", Outlet),
                ("Anton Volkov", Person),
                ("Volkov", Person),
                ("Pavel Orlov", Person),
                ("Orlov", Person),
                ("Oslandia", Location),
            ],
        );
        for (t, v) in [
            ("several months ago", "PAST_REF"),
            ("24 July", "2020-07-24"),
            ("August 7", "2020-08-07"),
            ("September 15", "2020-09-15"),
        ] {
            add_time(&mut d, t, v);
        }
        link(&mut d);
        let ent = |name: &str| d.entities.iter().find(|e| e.name == name).unwrap_or_else(|| panic!("{name}"));
        assert_eq!(ent("Olga Sidorova").aliases, vec!["Sidorov"]);
        assert_eq!(ent("Olga Sidorova").roles, vec!["official spokeswoman of the Oslandian foreign Ministry"]);
        assert_eq!(ent("Reza Karimi").roles, vec!["supreme leader of Vestria", "Ayatollah"]);
        assert_eq!(ent("Pavel Orlov").roles, vec!["press Secretary of the President of Oslandia"]);
        assert_eq!(ent("Anton Volkov").roles, vec!["President"]);
        assert!(ent("Hamid Farzan").references.len() >= 2, "the Vestrian General");

        let q = "“Information about the alleged meetings of Ivan Petrov with the head and supreme leader of Vestria is not true”";
        let quote = &q[3..q.len() - 3];
        let raws = vec![
            raw(&d, "the official spokeswoman of the Oslandian foreign Ministry Olga Sidorova", "stated", "Reports that the Oslandian foreign Minister Ivan Petrov and the supreme leader of Vestria Ayatollah Reza Karimi discussed a joint plan are “complete nonsense”", &[]),
            raw(&d, "Sidorov", "quoted by", quote, &["Radio Nord"]),
            raw(&d, "A senior official in the region", "told", "the plan was agreed at the meeting of Petrov with Karimi “several months ago”", &["Kanal Sud"]),
            raw_at(&d, ("the official", 1), ("According to", 0), ( "Karimi appointed General Hamid Farzan, and then he travelled several times to Oslograd", 0), &[]),
            raw(&d, "Fox Daily and The Morning Ledger", "reported", "Farzan's trip to Oslograd", &[]),
            raw_at(&d, ("them", 0), ("According to", 1), ("the visit of the Vestrian General took place on 24 July", 0), &[]),
            raw_at(&d, ("Fox Daily", 1), ("said", 0), ("Farzan reportedly met with President Anton Volkov", 0), &[]),
            raw_at(&d, ("Oslograd", 2), ("denied", 0), ("the arrival of Farzan", 0), &[]),
            raw(&d, "the press Secretary of the President of Oslandia Pavel Orlov", "replied", "no", &[]),
            raw_at(&d, ("Orlov", 1), ("told", 1), ("he did not have any information about Farzan's visit to Oslandia", 0), &[]),
        ];
        let layer = enrich(&d, &raws);
        d.attributions = layer.attributions;
        d.claims = link_claims(&d);

        let src = |i: usize| {
            let s = d.attributions[i].source.as_ref().expect("source");
            (s.kind, s.entity.map(|e| d.entities[e.index()].name.clone()))
        };
        let person = |n: &str| (SourceKind::Person, Some(n.to_string()));
        use claimtrail_core::SourceKind;
        // Fox Daily and The Morning Ledger split into two attributions, and so does "them".
        assert_eq!(d.attributions.len(), 12);
        assert_eq!(src(0), person("Olga Sidorova"));
        assert_eq!(src(1), person("Olga Sidorova"));
        assert_eq!(src(2), (SourceKind::Anonymous, None));
        assert_eq!(src(3), (SourceKind::Anonymous, None));
        assert_eq!(src(4), (SourceKind::Outlet, Some("Fox Daily".into())));
        assert_eq!(src(5), (SourceKind::Outlet, Some("The Morning Ledger".into())));
        assert_eq!(src(6), (SourceKind::Outlet, Some("Fox Daily".into())));
        assert_eq!(src(7), (SourceKind::Outlet, Some("The Morning Ledger".into())));
        assert_eq!(src(9), (SourceKind::Location, Some("Oslograd".into())));
        assert_eq!(src(10), person("Pavel Orlov"));
        assert_eq!(src(11), person("Pavel Orlov"));
        let stances: Vec<Stance> = d.attributions.iter().map(|a| a.stance).collect();
        use Stance::*;
        assert_eq!(
            stances,
            vec![
                Denies,
                Denies,
                Asserts,
                Asserts,
                Asserts,
                Asserts,
                Asserts,
                Asserts,
                Hedges,
                Denies,
                Denies,
                NoKnowledge
            ]
        );
        let via = |i: usize| -> Vec<String> {
            d.attributions[i].via.iter().filter_map(|v| v.entity).map(|e| d.entities[e.index()].name.clone()).collect()
        };
        assert_eq!(via(1), vec!["Radio Nord"]);
        assert_eq!(via(2), vec!["Kanal Sud"]);
        let said = |i: usize| d.attributions[i].said_on.map(|t| d.slice(d.times[t.index()].range).to_string());
        assert_eq!(said(10).as_deref(), Some("August 7"));
        assert_eq!(said(11).as_deref(), Some("September 15"));
        assert_eq!(said(6), None);

        let claims = summary(&d);
        assert_eq!(
            claims,
            vec![
                ("Petrov met Karimi".to_string(), vec![0, 1, 2], true),
                ("Farzan visited Oslograd".to_string(), vec![3, 4, 5, 6, 7, 9, 11], true),
                ("Farzan met Volkov".to_string(), vec![8, 10], true),
            ]
        );
        let when = |c: usize| d.claims[c].when.map(|t| d.slice(d.times[t.index()].range).to_string());
        assert_eq!(when(0).as_deref(), Some("several months ago"));
        assert_eq!(when(1).as_deref(), Some("24 July"));
        let ledger = claimtrail_core::render::ledger(&d);
        assert!(ledger.contains("Farzan visited Oslograd"), "{ledger}");
    }
}

#[cfg(test)]
mod robustness {
    use super::*;
    use crate::attribution::enrich::enrich;
    use crate::attribution::RawAttribution;
    use crate::claims::testutil::doc;
    use claimtrail_core::{Anchor, Form, Mention, NerLabel, TimeExpr};

    /// xorshift: deterministic randomness without a dependency.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n.max(1) as u64) as usize
        }
    }

    /// Random token-aligned layers over `text`; every stage of the meaning layer must run.
    fn run_random(text: &str, seed: u64, n_attr: usize) -> Document {
        let mut d = doc(text);
        let mut rng = Rng(seed);
        let nt = d.tokens.len();
        let span = |rng: &mut Rng, d: &Document| {
            let a = rng.next(nt);
            let b = (a + 1 + rng.next(4)).min(nt);
            d.tokens[a].range.cover(d.tokens[b - 1].range)
        };
        if nt > 0 {
            let kinds = [EntityKind::Person, EntityKind::Organization, EntityKind::Outlet, EntityKind::Location];
            let mut k = 0;
            loop {
                k += rng.next(6);
                if k >= nt {
                    break;
                }
                let e = (k + 1 + rng.next(3)).min(nt);
                let r = d.tokens[k].range.cover(d.tokens[e - 1].range);
                d.mentions.push(Mention { range: r, label: NerLabel::Per, kind: kinds[rng.next(4)] });
                k = e;
            }
            d.mentions.sort_by_key(|m| m.range.start());
            for _ in 0..nt / 10 {
                let r = span(&mut rng, &d);
                d.times.push(TimeExpr {
                    range: r,
                    kind: TimeKind::Date,
                    value: Some("2020-01-02".into()),
                    anchor: Anchor::Published,
                });
            }
            d.times.sort_by_key(|t| t.range.start());
        }
        let t0 = std::time::Instant::now();
        let mentions = d.mentions.clone();
        d.entities = crate::entities::link::link_entities(&d, &mentions);
        let t1 = t0.elapsed();
        let raws: Vec<RawAttribution> = if nt == 0 {
            Vec::new()
        } else {
            (0..n_attr)
                .map(|_| RawAttribution {
                    cue: span(&mut rng, &d),
                    source: (rng.next(5) > 0).then(|| span(&mut rng, &d)),
                    content: span(&mut rng, &d),
                    via: (0..rng.next(3)).map(|_| span(&mut rng, &d)).collect(),
                    form: Form::Indirect,
                })
                .collect()
        };
        let t2 = std::time::Instant::now();
        d.attributions = enrich(&d, &raws).attributions;
        let t3 = t2.elapsed();
        d.claims = link_claims(&d);
        let t4 = t2.elapsed();
        if text.len() > 100_000 || seed == 7 {
            eprintln!(
                "link {t1:?} enrich {t3:?} enrich+claims {t4:?} mentions {} ents {}",
                d.mentions.len(),
                d.entities.len()
            );
        }
        for c in &d.claims {
            assert!(c.attributions.iter().all(|a| a.index() < d.attributions.len()));
            assert!(c.entities.iter().all(|e| e.index() < d.entities.len()));
        }
        d
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        let texts = [
            "",
            "“",
            "He said. She said. They said “no”.",
            "“Unbalanced quote, said the General of the. Of the the of.",
            "— — „ « » ‘ ’ ” “ ...\n\n\n!?",
            "Ms. Ана Петрова said he met him and her and it in 2020, the Agency's paper reported whether.",
            "The head and and and leader of of of the President President said whether whether",
        ];
        for (i, t) in texts.iter().enumerate() {
            for seed in 1..20u64 {
                run_random(t, seed * 7919 + i as u64, 6);
            }
        }
    }

    #[test]
    #[ignore = "timing; run with --release -- --ignored"]
    fn big_article_is_fast() {
        let para = "Radio Nord said that Ana Ruiz met Ivo Brant in Oslo on 3 May, according to officials. \
                    He told the agency the visit never happened. Kanal Sud and Radio Nord reported the talks. \
                    The minister, the General of Oslandia, said whether Brant met Ruiz, replied no. ";
        let text = para.repeat(2000);
        let t0 = std::time::Instant::now();
        let d = run_random(&text, 42, 4000);
        let dt = t0.elapsed();
        eprintln!("{} bytes, {} attributions, {} claims in {:?}", text.len(), d.attributions.len(), d.claims.len(), dt);
        assert!(dt.as_secs_f64() < 5.0);
        // A normal article: ~4 KB with ~15 attributions.
        let small = para.repeat(10);
        let t0 = std::time::Instant::now();
        for s in 0..200 {
            run_random(&small, s + 1, 15);
        }
        eprintln!("200 small articles (incl. segmentation) in {:?}", t0.elapsed());
        let t0 = std::time::Instant::now();
        for _ in 0..200 {
            let _ = doc(&small);
        }
        eprintln!("of which segmentation {:?}", t0.elapsed());
    }
}
