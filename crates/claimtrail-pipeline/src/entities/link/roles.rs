//! Roles of persons and the phrases that refer back to entities.
//!
//! * Role phrases attached to a person's name: before it ("the press Secretary of the
//!   President of Russia Dmitry Peskov", "Russian foreign Minister Sergei Lavrov") or as an
//!   apposition after it ("Dmitry Peskov, the Kremlin spokesman"). The phrase becomes a role
//!   and its span a reference of the person.
//! * Definite descriptions that refer back ("the Iranian General", "the head and spiritual
//!   leader of Iran"): matched against the roles of the persons mentioned before; a
//!   reference only when exactly one person fits.
//! * "the agency", "the newspaper": the most recent outlet.

use std::collections::HashSet;
use std::sync::OnceLock;

use claimtrail_core::{Document, Entity, EntityKind, Mention, TextRange, TokenKind};

use super::{fold, push_unique};

/// Nouns that name a role or office.
pub(crate) const ROLE_NOUNS: &[&str] = &[
    "minister",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "president",
    "representative",
    "leader",
    "head",
    "chief",
    "general",
    "ambassador",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "governor",
    "senator",
    "mayor",
    "commander",
    "officer",
    "official",
    "envoy",
    "adviser",
    "advisor",
    "aide",
    "premier",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "ayatollah",
    "ceo",
    "founder",
    "executive",
    "diplomat",
    "deputy",
    "lawmaker",
    "congressman",
    "congresswoman",
    "judge",
    "prosecutor",
    "attorney",
    "lawyer",
    "professor",
    "correspondent",
    "reporter",
    "editor",
    "manager",
    "coach",
    "captain",
    "colonel",
    "lieutenant",
    "admiral",
    "sergeant",
    "marshal",
    "sheikh",
    "emir",
    "pope",
    "cardinal",
    "bishop",
    "rabbi",
    "imam",
    "cleric",
    "candidate",
    "nominee",
    "speaker",
    "analyst",
    "economist",
    "expert",
    "scientist",
    "researcher",
    "activist",
    "owner",
    "justice",
    "sheriff",
    "commissioner",
    "administrator",
    "inspector",
    "treasurer",
    "counsel",
    "strategist",
    "dictator",
    "monarch",
    "sultan",
    "ruler",
    "gen.",
    "gen",
    "pres.",
    "sen.",
    "gov.",
    "rep.",
    "dr.",
    "mr.",
    "mrs.",
    "ms.",
    "col.",
    "lt.",
    "capt.",
    "adm.",
    "prof.",
    "vice-president",
    "premier",
    "mullah",
    "patriarch",
    "ceo",
];

/// Words that modify a role noun ("foreign", "press", "senior").
pub(crate) const ROLE_MODIFIERS: &[&str] = &[
    "foreign",
    "defense",
    "defence",
    "press",
    "official",
    "deputy",
    "senior",
    "former",
    "vice",
    "spiritual",
    "supreme",
    "prime",
    "chief",
    "general",
    "interior",
    "finance",
    "economy",
    "justice",
    "state",
    "national",
    "security",
    "executive",
    "first",
    "acting",
    "top",
    "military",
    "presidential",
    "assistant",
    "associate",
    "managing",
    "political",
    "religious",
    "army",
    "navy",
    "intelligence",
    "trade",
    "health",
    "education",
    "energy",
    "agriculture",
    "environment",
    "labor",
    "labour",
    "culture",
    "transport",
    "information",
    "news",
    "public",
    "affairs",
    "relations",
    "palace",
    "government",
    "party",
    "opposition",
    "regional",
    "local",
    "federal",
    "foreign-policy",
    "high-ranking",
    "economic",
    "chief-of-staff",
    "staff",
    "campaign",
    "white",
    "house",
    "communications",
    "development",
    "interim",
    "longtime",
    "then",
    "current",
    "new",
    "outgoing",
    "incoming",
    "retired",
    "exiled",
    "de",
    "facto",
];

/// Role nouns that are too generic to refer back to one named person ("the official").
const GENERIC_NOUNS: &[&str] = &["official", "officer", "expert", "analyst", "executive", "deputy", "reporter"];

/// Nouns for news outlets ("the agency").
const OUTLET_NOUNS: &[&str] = &[
    "agency",
    "newspaper",
    "paper",
    "daily",
    "broadcaster",
    "channel",
    "network",
    "magazine",
    "outlet",
    "website",
    "publication",
    "tabloid",
    "weekly",
    "wire",
    "station",
];

/// The full form of an abbreviated title ("gen." -> "general").
fn canon_noun(w: &str) -> String {
    let w = fold(w);
    let w = w.trim_end_matches('.');
    match w {
        "gen" => "general",
        "pres" => "president",
        "sen" => "senator",
        "gov" => "governor",
        "rep" => "representative",
        "col" => "colonel",
        "lt" => "lieutenant",
        "capt" => "captain",
        "adm" => "admiral",
        "prof" => "professor",
        "spokeswoman" | "spokesperson" => "spokesman",
        "advisor" => "adviser",
        other => other,
    }
    .to_string()
}

fn set(list: &'static [&'static str]) -> HashSet<&'static str> {
    list.iter().copied().collect()
}

fn role_nouns() -> &'static HashSet<&'static str> {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    S.get_or_init(|| set(ROLE_NOUNS))
}

fn role_modifiers() -> &'static HashSet<&'static str> {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    S.get_or_init(|| set(ROLE_MODIFIERS))
}

/// Lower-cases a short ASCII word into `buf`; `None` for long or non-ASCII words.
pub(crate) fn lower<'b>(word: &str, buf: &'b mut [u8; 32]) -> Option<&'b str> {
    if word.len() > 32 || !word.is_ascii() {
        return None;
    }
    let b = &mut buf[..word.len()];
    b.copy_from_slice(word.as_bytes());
    b.make_ascii_lowercase();
    std::str::from_utf8(b).ok()
}

/// True when `word` (any case) is a role noun.
pub(crate) fn is_role_noun(word: &str) -> bool {
    let mut buf = [0u8; 32];
    lower(word, &mut buf).is_some_and(|w| role_nouns().contains(w))
}

fn is_role_modifier(word: &str) -> bool {
    let mut buf = [0u8; 32];
    lower(word, &mut buf).is_some_and(|w| role_modifiers().contains(w))
}

fn is_cap(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn is_possessive(word: &str) -> bool {
    matches!(word, "'s" | "’s" | "'" | "’")
}

fn is_det(word: &str) -> bool {
    ["the", "a", "an", "this", "that", "another"].iter().any(|d| d.eq_ignore_ascii_case(word))
}

/// Conjunctions and clause openers: capitalized at a sentence or quote start ("If President
/// X ..."), they never begin or sit inside a role phrase.
fn is_function_word(word: &str) -> bool {
    let mut buf = [0u8; 32];
    lower(word, &mut buf).is_some_and(|w| {
        [
            "if", "and", "or", "but", "nor", "yet", "so", "when", "while", "as", "because", "although", "though",
            "unless", "whether", "since", "after", "before", "then", "once", "until", "where", "whereas", "with",
        ]
        .contains(&w)
    })
}

fn is_of(word: &str) -> bool {
    word.eq_ignore_ascii_case("of") || word.eq_ignore_ascii_case("for")
}

/// What one role string says, for matching descriptions against it.
#[derive(Debug, Default)]
struct RoleInfo {
    /// Role nouns before any "of" (lower case).
    nouns: Vec<String>,
    /// Capitalized modifiers before the first role noun ("russian", "kremlin").
    caps: Vec<String>,
    /// Folded words after "of"/"for", without articles.
    complement: Option<String>,
}

fn role_info(role: &str) -> RoleInfo {
    let mut info = RoleInfo::default();
    let mut seen_noun = false;
    let words: Vec<&str> = role.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        if is_of(w) {
            let comp: Vec<String> =
                words[i + 1..].iter().filter(|w| !w.eq_ignore_ascii_case("the")).map(|w| fold(w)).collect();
            if !comp.is_empty() {
                info.complement = Some(comp.join(" "));
            }
            break;
        }
        if is_role_noun(w) {
            seen_noun = true;
            info.nouns.push(canon_noun(w));
        } else if !seen_noun && is_cap(w) && !is_role_modifier(w) {
            info.caps.push(fold(w.trim_end_matches("'s").trim_end_matches("’s")));
        }
    }
    info
}

struct Ctx<'a> {
    doc: &'a Document,
    /// For each token inside a mention: (entity index, kind).
    tok_ent: Vec<Option<(usize, EntityKind)>>,
}

impl Ctx<'_> {
    fn word(&self, k: usize) -> &str {
        self.doc.token_text(claimtrail_core::TokenId::from_index(k))
    }
    fn is_word(&self, k: usize) -> bool {
        self.doc.tokens[k].kind == TokenKind::Word
    }
    fn in_person(&self, k: usize) -> bool {
        matches!(self.tok_ent[k], Some((_, EntityKind::Person)))
    }
    fn sentence_bounds(&self, k: usize) -> (usize, usize) {
        let s = &self.doc.sentences[self.doc.tokens[k].sentence as usize];
        (s.tokens.start as usize, s.tokens.end as usize)
    }
    /// A token that may sit inside a role phrase.
    fn role_token(&self, k: usize) -> bool {
        let w = self.word(k);
        if self.in_person(k) || is_function_word(w) {
            return false;
        }
        if is_possessive(w) || w == "-" {
            return true;
        }
        self.is_word(k) && (is_cap(w) || is_role_noun(w) || is_role_modifier(w))
    }
    fn range(&self, a: usize, b: usize) -> TextRange {
        self.doc.tokens[a].range.cover(self.doc.tokens[b].range)
    }
}

/// A role phrase found next to a name: role tokens `start..=end`, reference span from `det`.
struct Phrase {
    det: usize,
    start: usize,
    end: usize,
}

/// Longest role phrase in the tokens right before token `s` (the name's first token).
fn phrase_before(cx: &Ctx, s: usize) -> Option<Phrase> {
    let (lo, _) = cx.sentence_bounds(s);
    let mut start = s;
    let mut det = None;
    let mut k = s;
    while k > lo && s - k < 12 {
        let j = k - 1;
        let w = cx.word(j);
        if is_of(w) {
            // inside "X of Y"
        } else if is_det(w) {
            if j > lo && is_of(cx.word(j - 1)) {
                // "of the President"
            } else {
                det = Some(j);
                break;
            }
        } else if !cx.role_token(j) {
            break;
        }
        start = j;
        k = j;
    }
    while start < s && (is_of(cx.word(start)) || is_possessive(cx.word(start)) || is_det(cx.word(start))) {
        start += 1;
    }
    if start >= s || !(start..s).any(|k| is_role_noun(cx.word(k))) {
        return None;
    }
    // Capitalized words before the first role word that are not modifiers belong to a role
    // only when they lead into it ("Russian foreign Minister"); a sentence-initial word like
    // "Yesterday" does not.
    let first_role = (start..s).find(|&k| is_role_noun(cx.word(k)) || is_role_modifier(cx.word(k)))?;
    if first_role > start
        && start == lo
        && det.is_none()
        && !cx.word(start).ends_with("ian")
        && cx.tok_ent[start].is_none()
    {
        start += 1;
        while start < first_role && !is_cap(cx.word(start)) {
            start += 1;
        }
    }
    // "the spokeswoman for President X": a role "for"/"of" a bare title is someone else's
    // role; the name holds only the title after it. "Secretary of the Prime Minister of Chile X"
    // keeps its whole phrase (the last complement is not a title).
    // "a spokesman for X": the name is the complement of someone else's role.
    if is_of(cx.word(s - 1)) {
        return None;
    }
    if let Some(of) = (start..s).rev().find(|&k| is_of(cx.word(k))) {
        let mut t = of + 1;
        while t < s && is_det(cx.word(t)) {
            t += 1;
        }
        let bare_title = t < s
            && is_cap(cx.word(t))
            && super::names::is_title(cx.word(s - 1))
            && (t..s).all(|k| {
                let w = cx.word(k);
                cx.tok_ent[k].is_none() && (super::names::is_title(w) || super::names::is_title_prefix(w) || is_cap(w))
            });
        if bare_title {
            return Some(Phrase { det: t, start: t, end: s - 1 });
        }
    }
    Some(Phrase { det: det.unwrap_or(start), start, end: s - 1 })
}

/// A role phrase in apposition right after token `e` (the name's last token): ", the X,".
fn phrase_after(cx: &Ctx, e: usize) -> Option<Phrase> {
    let (_, hi) = cx.sentence_bounds(e);
    let mut k = e + 1;
    if k >= hi || cx.word(k) != "," {
        return None;
    }
    k += 1;
    let det = k;
    if k < hi && is_det(cx.word(k)) {
        k += 1;
    }
    let start = k;
    let mut end = None;
    while k < hi && k - start < 12 {
        let w = cx.word(k);
        if is_of(w) || (is_det(w) && k > start && is_of(cx.word(k - 1))) || cx.role_token(k) {
            if !is_of(w) && !is_det(w) {
                end = Some(k);
            }
            k += 1;
        } else {
            break;
        }
    }
    let end = end?;
    if !(start..=end).any(|k| is_role_noun(cx.word(k))) {
        return None;
    }
    // The apposition must close: a comma, the sentence end, or a verb-like word after it.
    let after = (end + 1 < hi).then(|| cx.word(end + 1));
    if after.is_some_and(|w| is_cap(w) && cx.is_word(end + 1)) {
        return None;
    }
    Some(Phrase { det, start, end })
}

/// Adds roles and references to `entities` (built from `mentions` of `doc`).
///
/// `name_starts[i]` is where the name of mention `i` begins (after titles and leading words
/// that are part of a role, "defense Ministry Sergei Shoigu").
pub(crate) fn attach(doc: &Document, mentions: &[Mention], name_starts: &[u32], entities: &mut [Entity]) {
    let mut tok_ent = vec![None; doc.tokens.len()];
    let mut ent_of_mention = vec![usize::MAX; mentions.len()];
    for (e, ent) in entities.iter().enumerate() {
        for m in &ent.mentions {
            ent_of_mention[m.index()] = e;
        }
    }
    for (i, m) in mentions.iter().enumerate() {
        let e = ent_of_mention[i];
        if e == usize::MAX {
            continue;
        }
        let start = name_starts.get(i).copied().unwrap_or(m.range.start()).clamp(m.range.start(), m.range.end());
        for t in doc.tokens_in(TextRange::new(start, m.range.end())) {
            tok_ent[t] = Some((e, entities[e].kind));
        }
    }
    let cx = Ctx { doc, tok_ent };
    let mut in_role = vec![false; doc.tokens.len()];

    // 1. Role phrases attached to person names.
    for (i, m) in mentions.iter().enumerate() {
        let e = ent_of_mention[i];
        if e == usize::MAX || entities[e].kind != EntityKind::Person {
            continue;
        }
        let start = name_starts.get(i).copied().unwrap_or(m.range.start()).clamp(m.range.start(), m.range.end());
        let toks = doc.tokens_in(TextRange::new(start, m.range.end()));
        if toks.is_empty() {
            continue;
        }
        let phrases = [phrase_before(&cx, toks.start), phrase_after(&cx, toks.end - 1)];
        for p in phrases.into_iter().flatten() {
            // "the spiritual leader of Iran Ayatollah": the phrase and the title are two roles.
            let split = p.end > p.start
                && super::names::is_title(cx.word(p.end))
                && !is_of(cx.word(p.end - 1))
                && (p.start..p.end).any(|k| is_role_noun(cx.word(k)));
            if split {
                push_unique(&mut entities[e].roles, &doc.text()[cx.range(p.start, p.end - 1)]);
                push_unique(&mut entities[e].roles, cx.word(p.end));
            } else {
                push_unique(&mut entities[e].roles, &doc.text()[cx.range(p.start, p.end)]);
            }
            let r = cx.range(p.det.min(p.start), p.end);
            if !entities[e].references.contains(&r) {
                entities[e].references.push(r);
            }
            for flag in &mut in_role[p.det.min(p.start)..=p.end] {
                *flag = true;
            }
        }
    }

    // 2. Definite descriptions that refer back to one person.
    let infos: Vec<Vec<RoleInfo>> = entities
        .iter()
        .map(|e| if e.kind == EntityKind::Person { e.roles.iter().map(|r| role_info(r)).collect() } else { Vec::new() })
        .collect();
    // Persons by the role nouns they carry.
    let mut by_noun: std::collections::HashMap<&str, Vec<usize>> = std::collections::HashMap::new();
    for (e, roles) in infos.iter().enumerate() {
        for r in roles {
            for n in &r.nouns {
                let l = by_noun.entry(n.as_str()).or_default();
                if l.last() != Some(&e) {
                    l.push(e);
                }
            }
        }
    }
    let first_mention: Vec<u32> =
        entities.iter().map(|e| e.mentions.first().map_or(u32::MAX, |m| mentions[m.index()].range.start())).collect();
    let mut last_outlet: Option<usize> = None;
    let mut buf = [0u8; 32];
    #[allow(clippy::needless_range_loop)] // k indexes tokens, tok_ent and in_role alike
    for k in 0..doc.tokens.len() {
        if let Some((e, kind)) = cx.tok_ent[k] {
            if kind == EntityKind::Outlet {
                last_outlet = Some(e);
            }
            continue;
        }
        if in_role[k] || !cx.is_word(k) {
            continue;
        }
        let Some(w) = lower(cx.word(k), &mut buf) else { continue };
        if OUTLET_NOUNS.contains(&w) {
            if let (Some(o), Some(det)) = (last_outlet, outlet_description(&cx, k)) {
                let r = cx.range(det, k);
                if !entities[o].references.contains(&r) {
                    entities[o].references.push(r);
                }
            }
            continue;
        }
        if !role_nouns().contains(w) || GENERIC_NOUNS.contains(&w) {
            continue;
        }
        let noun = canon_noun(w);
        let Some(desc) = description(&cx, k) else { continue };
        let span = cx.range(desc.start, desc.end);
        let mut found = None;
        let mut count = 0;
        for &e in by_noun.get(noun.as_str()).map_or(&[][..], |v| v.as_slice()) {
            let roles = &infos[e];
            if first_mention[e] >= span.start() {
                continue;
            }
            let fits = roles.iter().any(|r| {
                r.nouns.contains(&noun)
                    && (desc.caps.is_empty() || r.caps.is_empty() || desc.caps.iter().any(|c| r.caps.contains(c)))
                    && match (&desc.complement, &r.complement) {
                        (Some(a), Some(b)) => a == b || a.ends_with(b.as_str()) || b.ends_with(a.as_str()),
                        _ => true,
                    }
            });
            if fits {
                count += 1;
                found = Some(e);
            }
        }
        if let (1, Some(e)) = (count, found) {
            if !entities[e].references.contains(&span) {
                entities[e].references.push(span);
            }
        }
    }
    for e in entities.iter_mut() {
        e.references.sort_by_key(|r| (r.start(), r.end()));
    }
}

/// The start of "the (news) agency" ending at token `k`.
fn outlet_description(cx: &Ctx, k: usize) -> Option<usize> {
    let (lo, hi) = cx.sentence_bounds(k);
    if k + 1 < hi && is_cap(cx.word(k + 1)) && cx.is_word(k + 1) {
        return None;
    }
    let mut j = k;
    while j > lo && k - j < 4 {
        j -= 1;
        let w = cx.word(j);
        if w.eq_ignore_ascii_case("the") {
            return Some(j);
        }
        if !cx.is_word(j) || cx.tok_ent[j].is_some() {
            return None;
        }
    }
    None
}

/// A description around role noun `k`.
struct Description {
    start: usize,
    end: usize,
    caps: Vec<String>,
    complement: Option<String>,
}

fn description(cx: &Ctx, k: usize) -> Option<Description> {
    let (lo, hi) = cx.sentence_bounds(k);
    // Right: coordinated role nouns ("head and spiritual leader"), then "of X".
    let mut end = k;
    let mut j = k + 1;
    if j + 1 < hi && cx.word(j).eq_ignore_ascii_case("and") {
        let mut m = j + 1;
        while m < hi && (is_role_modifier(cx.word(m)) || is_role_noun(cx.word(m))) && !cx.in_person(m) {
            m += 1;
        }
        if m > j + 1 && is_role_noun(cx.word(m - 1)) {
            end = m - 1;
            j = m;
        }
    }
    let mut complement = None;
    if j < hi && is_of(cx.word(j)) {
        let mut m = j + 1;
        if m < hi && cx.word(m).eq_ignore_ascii_case("the") {
            m += 1;
        }
        let cs = m;
        while m < hi
            && m - cs < 4
            && cx.is_word(m)
            && !cx.in_person(m)
            && (is_cap(cx.word(m)) || is_role_modifier(cx.word(m)))
        {
            m += 1;
        }
        if m > cs {
            complement = Some((cs..m).map(|t| fold(cx.word(t))).collect::<Vec<_>>().join(" "));
            end = m - 1;
            j = m;
        }
    }
    // A name right after it: an attached role, handled elsewhere.
    if j < hi && cx.in_person(j) {
        return None;
    }
    // Left: modifiers back to a determiner.
    let mut caps = Vec::new();
    let mut start = k;
    let mut definite = false;
    let mut m = k;
    while m > lo && k - m < 6 {
        let p = m - 1;
        let w = cx.word(p);
        if w.eq_ignore_ascii_case("the") {
            definite = true;
            start = p;
            break;
        }
        if is_det(w) {
            return None;
        }
        let coordinated = w.eq_ignore_ascii_case("and") && p > lo && is_role_noun(cx.word(p - 1));
        let ok = is_possessive(w)
            || coordinated
            || (cx.is_word(p) && !cx.in_person(p) && (is_cap(w) || is_role_modifier(w) || is_role_noun(w)));
        if !ok {
            break;
        }
        if is_cap(w) && !is_role_modifier(w) && !is_role_noun(w) && p != lo {
            caps.push(fold(w));
        }
        start = p;
        m = p;
    }
    if !definite {
        // A bare description only when capitalized mid-sentence ("of Iranian General").
        let noun_cap = is_cap(cx.word(k)) && k > lo;
        if !noun_cap || caps.is_empty() {
            return None;
        }
    }
    Some(Description { start, end, caps, complement })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_info_table() {
        let cases = [
            ("press Secretary of the President of Russia", vec!["secretary"], vec![], Some("president of russia")),
            ("Russian foreign Minister", vec!["minister"], vec!["russian"], None),
            ("Gen.", vec!["general"], vec![], None),
            ("head of the defense Ministry", vec!["head"], vec![], Some("defense ministry")),
        ];
        for (role, nouns, caps, comp) in cases {
            let info = role_info(role);
            assert_eq!(info.nouns, nouns, "{role}");
            assert_eq!(info.caps, caps, "{role}");
            assert_eq!(info.complement.as_deref(), comp, "{role}");
        }
    }
}
