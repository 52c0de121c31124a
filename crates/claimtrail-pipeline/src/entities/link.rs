//! Merging mentions into entities inside one article: aliases (surname to full name,
//! transliteration variants, gendered surname forms, acronyms), roles and titles, role
//! phrases and definite descriptions resolved to their referent.
//!
//! The work is linear in the number of mentions and tokens, apart from small comparisons
//! between distinct surnames (bounded per article).

mod names;
pub(crate) mod roles;

use std::collections::{HashMap, HashSet};

use claimtrail_core::{Document, Entity, EntityKind, Mention, MentionId};

pub(crate) use names::{fold, is_acronym};
use names::{is_honorific, is_name_suffix, is_title, is_title_prefix, name_key, similarity};

/// The written form of one mention, cleaned for comparison.
#[derive(Debug, Clone)]
struct Form {
    /// Display form: the mention without a leading article, a possessive or titles.
    display: String,
    /// Folded words of `display`.
    words: Vec<String>,
    /// Titles stripped from the front of a person's name ("President", "Gen.").
    titles: Vec<String>,
    /// Byte offset of the name inside the mention (after titles and other leading words).
    skip: u32,
}

/// Name particles written in lower case ("al-Assad", "de Gaulle", "van Gogh").
fn is_particle(w: &str) -> bool {
    let w = w.split('-').next().unwrap_or(w);
    ["al", "el", "de", "da", "do", "dos", "du", "van", "von", "der", "den", "la", "le", "bin", "ibn", "ben", "di"]
        .contains(&w)
}

/// Nouns that head organization names.
fn is_org_noun(w: &str) -> bool {
    ["ministry", "department", "office", "agency", "council", "committee", "party", "government", "commission"]
        .iter()
        .any(|o| o.eq_ignore_ascii_case(w))
}

fn class(kind: EntityKind) -> u8 {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Organization | EntityKind::Outlet => 1,
        EntityKind::Location => 2,
        EntityKind::Other => 3,
    }
}

impl Form {
    /// The cleaned form of mention text `text`; `places` holds the folded names of the
    /// article's non-person mentions (a person mention that starts with one, "Russia Dmitry
    /// Peskov", starts its name after it).
    fn new(text: &str, kind: EntityKind, places: &HashSet<String>) -> Form {
        let mut toks: Vec<&str> = text.split_whitespace().collect();
        if let Some(last) = toks.last_mut() {
            let t = last.trim_end_matches([',', ';', ':']);
            *last = t.strip_suffix("'s").or_else(|| t.strip_suffix("’s")).unwrap_or(t);
            if last.is_empty() {
                toks.pop();
            }
        }
        // "The Wall Street Journal" keeps its article in the display form, not in the key.
        let mut article = None;
        if toks.len() > 1 && toks[0].eq_ignore_ascii_case("the") {
            let a = toks.remove(0);
            if kind == EntityKind::Outlet && a == "The" {
                article = Some(a);
            }
        }
        let mut titles = Vec::new();
        if kind == EntityKind::Person {
            let mut k = 0;
            while k + 1 < toks.len() {
                let t = toks[k];
                if is_title(t) || (is_title_prefix(t) && toks.get(k + 1).is_some_and(|n| is_title(n))) {
                    k += 1;
                } else {
                    break;
                }
            }
            if k > 0 {
                titles.push(toks[..k].join(" "));
                toks.drain(..k);
            }
            // Leading words that are not part of a name: "defense Ministry Sergei Shoigu".
            let mut j = 0;
            while j + 1 < toks.len() {
                let t = toks[j];
                let lower_word = t.starts_with(char::is_lowercase) && !is_particle(t);
                if lower_word || is_org_noun(t) || places.contains(&fold(t)) || is_title(t) {
                    j += 1;
                } else {
                    break;
                }
            }
            toks.drain(..j);
        }
        let skip = toks.first().map_or(0, |t| t.as_ptr() as usize - text.as_ptr() as usize) as u32;
        let words = toks.iter().map(|t| fold(t)).filter(|w| !w.is_empty()).collect();
        let display = match article {
            Some(a) => format!("{a} {}", toks.join(" ")),
            None => toks.join(" "),
        };
        Form { display, words, titles, skip }
    }

    fn key(&self) -> String {
        self.words.join(" ")
    }

    /// Surname word: the last word that is not a suffix like "Jr.".
    fn surname(&self) -> Option<&str> {
        let mut it = self.words.iter().rev();
        let last = it.next()?;
        if is_name_suffix(last) && self.words.len() > 2 {
            it.next().map(String::as_str)
        } else {
            Some(last.as_str())
        }
    }
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }
    /// Joins the two sets; the root with the earlier first mention wins.
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi] = lo;
        }
    }
}

/// Upper bound on fuzzy surname comparisons per new surname, to stay linear on huge inputs.
const MAX_FUZZY: usize = 200;

/// Shortest surname key compared fuzzily.
const MIN_FUZZY: usize = 6;

fn first_names_compatible(a: &str, b: &str) -> bool {
    let (ka, kb) = (name_key(a, false), name_key(b, false));
    if ka == kb {
        return true;
    }
    let (ca, cb) = (ka.chars().count(), kb.chars().count());
    if ca == 1 || cb == 1 {
        return ka.chars().next() == kb.chars().next();
    }
    similarity(&ka, &kb) >= 0.7
}

/// Buckets of surname keys, with fuzzy lookup for transliteration variants.
#[derive(Default)]
struct Surnames {
    keys: Vec<String>,
    index: HashMap<String, usize>,
}

impl Surnames {
    /// The bucket of `key`, creating one when no close key exists.
    fn bucket(&mut self, key: &str, create: bool) -> Option<usize> {
        if let Some(&b) = self.index.get(key) {
            return Some(b);
        }
        let first = key.chars().next();
        // Short names differ in one letter too often ("Osama", "Obama") to be spelling variants.
        let found = if key.chars().count() >= MIN_FUZZY {
            self.keys
                .iter()
                .take(MAX_FUZZY)
                .position(|k| k.chars().next() == first && k.chars().count() >= MIN_FUZZY && similarity(k, key) >= 0.8)
        } else {
            None
        };
        let b = match found {
            Some(b) => b,
            None if create => {
                self.keys.push(key.to_string());
                self.keys.len() - 1
            }
            None => return None,
        };
        self.index.insert(key.to_string(), b);
        Some(b)
    }
}

/// Merges `mentions` (in text order) of `doc` into entities.
///
/// Mentions merge when their cleaned names are equal; a person's surname alone, or a
/// transliteration or gendered variant of it, joins the full name with that surname; full names
/// join when surnames and first names are close; an acronym joins the long form it abbreviates
/// (by initials, by containment, or by "Long Form (LF)"); a shorter organization name joins the
/// single longer one it ends. The canonical name is the longest full form; the other forms are
/// aliases. Roles come from titles and role phrases next to a person's mentions; role phrases
/// and definite descriptions that refer back become references (see [`roles`]).
pub fn link_entities(doc: &Document, mentions: &[Mention]) -> Vec<Entity> {
    let text = doc.text();
    let n = mentions.len();
    let places: HashSet<String> = mentions
        .iter()
        .filter(|m| m.kind != EntityKind::Person && !text[m.range].contains(char::is_whitespace))
        .map(|m| fold(&text[m.range]))
        .collect();
    // Two person mentions side by side ("Russia Dmitry" + "Peskov") are one name.
    let mut cont = vec![false; n];
    for i in 1..n {
        let (a, b) = (&mentions[i - 1], &mentions[i]);
        let gap = &text[a.range.end() as usize..(b.range.start() as usize).max(a.range.end() as usize)];
        if !cont[i - 1] && a.kind == EntityKind::Person && b.kind == EntityKind::Person && gap == " " {
            cont[i] = true;
        }
    }
    // A person mention cut short before a surname the article names elsewhere ("Dmitry" +
    // "Peskov") takes the surname along.
    let single_names: HashSet<String> = mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Person && !text[m.range].contains(char::is_whitespace))
        .map(|m| fold(&text[m.range]))
        .collect();
    let surname_after = |i: usize| -> Option<u32> {
        let m = &mentions[i];
        let t = doc.tokens.get(doc.token_at_or_after(m.range.end()))?;
        let w = &text[t.range];
        let free = mentions.get(i + 1).is_none_or(|n| n.range.start() > t.range.start());
        (m.kind == EntityKind::Person
            && t.range.start() == m.range.end() + 1
            && t.kind == claimtrail_core::TokenKind::Word
            && w.starts_with(char::is_uppercase)
            && free
            && single_names.contains(&fold(w)))
        .then_some(t.range.end())
    };
    let forms: Vec<Form> = (0..n)
        .map(|i| {
            let m = &mentions[i];
            if cont[i] {
                return Form { display: String::new(), words: Vec::new(), titles: Vec::new(), skip: 0 };
            }
            let end = if i + 1 < n && cont[i + 1] {
                mentions[i + 1].range.end()
            } else {
                surname_after(i).unwrap_or(m.range.end())
            };
            Form::new(&text[m.range.start() as usize..end as usize], m.kind, &places)
        })
        .collect();
    let mut uf = UnionFind((0..n).collect());

    // 1. Equal cleaned names of the same class. A person's single name ("Obama") is left to
    // step 2: merged here, it would bridge every full name it joins (Barack and Michelle Obama).
    let mut exact: HashMap<(u8, String), usize> = HashMap::new();
    for (i, f) in forms.iter().enumerate() {
        if f.words.is_empty() || (mentions[i].kind == EntityKind::Person && f.words.len() == 1) {
            continue;
        }
        let key = (class(mentions[i].kind), f.key());
        match exact.get(&key) {
            Some(&j) => uf.union(i, j),
            None => {
                exact.insert(key, i);
            }
        }
    }

    // 2. Persons: full names by surname bucket, then single names to full names.
    let mut surnames = Surnames::default();
    let mut full_by_bucket: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
    for i in 0..n {
        if mentions[i].kind != EntityKind::Person || forms[i].words.len() < 2 {
            continue;
        }
        let Some(sur) = forms[i].surname() else { continue };
        let Some(b) = surnames.bucket(&name_key(sur, true), true) else { continue };
        let list = full_by_bucket.entry(b).or_default();
        for &j in list.iter() {
            if first_names_compatible(&forms[i].words[0], &forms[j].words[0]) {
                uf.union(i, j);
                break;
            }
        }
        list.push(i);
        by_first.entry(name_key(&forms[i].words[0], false)).or_default().push(i);
    }
    let cues: Vec<Vec<String>> = (0..n)
        .map(|i| {
            if mentions[i].kind != EntityKind::Person || forms[i].words.is_empty() {
                return Vec::new();
            }
            let mut c = title_words(&forms[i]);
            let end = mentions[i].range.start() as usize;
            let mut start = end.saturating_sub(64);
            while !text.is_char_boundary(start) {
                start += 1;
            }
            c.extend(cue_words(&text[start..end]));
            c
        })
        .collect();
    let mut short_by_bucket: HashMap<usize, usize> = HashMap::new();
    for i in 0..n {
        if mentions[i].kind != EntityKind::Person || forms[i].words.len() != 1 {
            continue;
        }
        let key = name_key(&forms[i].words[0], true);
        let bucket = surnames.bucket(&key, false);
        let candidates = bucket.and_then(|b| full_by_bucket.get(&b));
        let target = match candidates {
            Some(list) => {
                let list = by_title(&cues, &mut uf, list, i);
                nearest_group(&mut uf, &list, i)
            }
            None => by_first.get(&name_key(&forms[i].words[0], false)).and_then(|list| nearest_group(&mut uf, list, i)),
        };
        match target {
            Some(j) => uf.union(i, j),
            None => {
                // Surnames seen only alone still merge with their variants.
                let b = surnames.bucket(&key, true).unwrap_or(usize::MAX);
                match short_by_bucket.get(&b) {
                    Some(&j) => uf.union(i, j),
                    None => {
                        short_by_bucket.insert(b, i);
                    }
                }
            }
        }
    }

    // 3. Organizations: acronyms and shorter names.
    link_organizations(text, mentions, &forms, &mut uf);

    build_entities(doc, mentions, &forms, &cont, &mut uf)
}

/// Title words of a form, folded; honorifics by the sex they address ("mrs", "ms" -> "f").
fn title_words(f: &Form) -> Vec<String> {
    f.titles
        .iter()
        .flat_map(|t| t.split_whitespace())
        .map(|w| match fold(w.trim_end_matches('.')).as_str() {
            "mr" | "messrs" => "m".to_string(),
            "mrs" | "ms" | "miss" | "mme" => "f".to_string(),
            other => other.to_string(),
        })
        .collect()
}

/// Words right before a mention that tell a title or the person's sex ("President", "his sister",
/// "the spokeswoman"), as [`title_words`] writes them: up to two words, skipping punctuation,
/// articles and possessive pronouns.
fn cue_words(before: &str) -> Vec<String> {
    let mut out = Vec::new();
    let words = before
        .rsplit(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .filter(|w| !["the", "his", "her", "their", "a", "an"].iter().any(|d| d.eq_ignore_ascii_case(w)))
        .take(2);
    for w in words {
        let f = fold(w.trim_end_matches('.'));
        let sex = match f.as_str() {
            "sister" | "mother" | "wife" | "daughter" | "widow" | "grandmother" | "aunt" | "niece" | "lady"
            | "woman" | "girl" | "girlfriend" | "actress" | "spokeswoman" | "chairwoman" | "congresswoman"
            | "businesswoman" | "mrs" | "ms" | "miss" => Some("f"),
            "brother" | "father" | "husband" | "son" | "widower" | "grandfather" | "uncle" | "nephew" | "man"
            | "boy" | "boyfriend" | "actor" | "spokesman" | "congressman" | "businessman" | "mr" => Some("m"),
            _ => None,
        };
        match sex {
            Some(x) => out.push(x.to_string()),
            None if is_title(w) => out.push(f),
            None => {}
        }
    }
    out
}

/// Of the full names `list` a titled single name `i` may join ("President Obama", "Mrs. Obama"):
/// those that share a title with it when any does, else those not addressed as the other sex.
/// `cues[k]` holds the title and sex words of mention `k` ([`title_words`], [`cue_words`]).
fn by_title(cues: &[Vec<String>], uf: &mut UnionFind, list: &[usize], i: usize) -> Vec<usize> {
    let mine = &cues[i];
    if mine.is_empty() {
        return list.to_vec();
    }
    // The cues of a full name's whole group ("his sister, Lucy Somers" ... "Lucy Somers").
    let roots: Vec<usize> = list.iter().map(|&j| uf.find(j)).collect();
    let mut of_root: HashMap<usize, Vec<&String>> = HashMap::new();
    for (&j, &r) in list.iter().zip(&roots) {
        of_root.entry(r).or_default().extend(&cues[j]);
    }
    let titles: Vec<&Vec<&String>> = roots.iter().filter_map(|r| of_root.get(r)).collect();
    let shared: Vec<usize> =
        list.iter().zip(&titles).filter(|(_, t)| t.iter().any(|w| mine.contains(w))).map(|(&j, _)| j).collect();
    if !shared.is_empty() {
        return shared;
    }
    let other =
        |w: &&String| (*w == "m" && mine.iter().any(|x| x == "f")) || (*w == "f" && mine.iter().any(|x| x == "m"));
    list.iter().zip(&titles).filter(|(_, t)| !t.iter().any(other)).map(|(&j, _)| j).collect()
}

/// Of the mentions `list`, the group of the nearest one before `i` (else after), when the list
/// holds one group only or a nearest one exists.
fn nearest_group(uf: &mut UnionFind, list: &[usize], i: usize) -> Option<usize> {
    let before = list.iter().copied().filter(|&j| j < i).max();
    let after = list.iter().copied().filter(|&j| j > i).min();
    before.or(after).map(|j| uf.find(j))
}

fn is_org(kind: EntityKind) -> bool {
    matches!(kind, EntityKind::Organization | EntityKind::Outlet | EntityKind::Other)
}

fn link_organizations(text: &str, mentions: &[Mention], forms: &[Form], uf: &mut UnionFind) {
    let n = mentions.len();
    // Long forms: by initials, by the acronym-like words they contain, by their suffixes.
    let mut by_initials: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_word: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_suffix: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_last: HashMap<String, Vec<usize>> = HashMap::new();
    for i in 0..n {
        if !is_org(mentions[i].kind) || forms[i].words.len() < 2 {
            continue;
        }
        let initials: String = forms[i]
            .words
            .iter()
            .filter(|w| !matches!(w.as_str(), "and" | "of" | "the" | "for" | "&" | "de" | "in" | "on"))
            .filter_map(|w| w.chars().next())
            .collect();
        by_initials.entry(initials).or_default().push(i);
        for w in forms[i].display.split_whitespace() {
            if is_acronym(w) {
                by_word.entry(fold(w)).or_default().push(i);
            }
        }
        let k = forms[i].words.len();
        for s in 1..k.saturating_sub(1) {
            by_suffix.entry(forms[i].words[s..].join(" ")).or_default().push(i);
        }
        // an outlet goes by the last word of its name: "the New York Post" ... "The Post"
        if mentions[i].kind == EntityKind::Outlet {
            by_last.entry(forms[i].words[k - 1].clone()).or_default().push(i);
        }
    }
    for i in 0..n {
        if !is_org(mentions[i].kind) && mentions[i].kind != EntityKind::Location {
            continue;
        }
        let f = &forms[i];
        if f.words.len() == 1 && is_acronym(&f.display) {
            // "Long Form (LF)": the mention right before the parenthesis.
            if i > 0 {
                let gap = &text[mentions[i - 1].range.end() as usize..mentions[i].range.start() as usize];
                if gap.trim() == "(" && mentions[i - 1].kind != EntityKind::Person {
                    uf.union(i, i - 1);
                    continue;
                }
            }
            let key = fold(&f.display);
            let list = by_initials.get(&key).or_else(|| by_word.get(&key));
            if let Some(j) = list.and_then(|l| nearest_group(uf, l, i)) {
                uf.union(i, j);
            }
            continue;
        }
        let suffixes = if f.words.len() >= 2 { &by_suffix } else { &by_last };
        if is_org(mentions[i].kind) {
            if let Some(list) = suffixes.get(&f.key()) {
                let mut roots: Vec<usize> = list.iter().map(|&j| uf.find(j)).collect();
                roots.sort_unstable();
                roots.dedup();
                if roots.len() == 1 {
                    uf.union(i, roots[0]);
                }
            }
        }
    }
}

fn build_entities(
    doc: &Document,
    mentions: &[Mention],
    forms: &[Form],
    cont: &[bool],
    uf: &mut UnionFind,
) -> Vec<Entity> {
    let mut entity_of_root: HashMap<usize, usize> = HashMap::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    for (i, f) in forms.iter().enumerate() {
        if f.words.is_empty() {
            continue;
        }
        let r = uf.find(i);
        let e = *entity_of_root.entry(r).or_insert_with(|| {
            members.push(Vec::new());
            members.len() - 1
        });
        members[e].push(i);
        if cont.get(i + 1).copied().unwrap_or(false) {
            members[e].push(i + 1);
        }
    }
    let mut entities: Vec<Entity> = members
        .iter()
        .map(|ms| {
            let mut counts = [0usize; 5];
            for &m in ms.iter().filter(|&&m| !cont[m]) {
                counts[kind_index(mentions[m].kind)] += 1;
            }
            let name_of = ms
                .iter()
                .copied()
                .max_by_key(|&m| {
                    let f = &forms[m];
                    let acr = usize::from(!(f.words.len() == 1 && is_acronym(&f.display)));
                    let caps = f.display.split_whitespace().filter(|w| w.starts_with(char::is_uppercase)).count();
                    (acr, f.words.len(), f.display.len(), caps, std::cmp::Reverse(m))
                })
                .unwrap_or(ms[0]);
            // an outlet by its full name is one however often it is shortened ("The Post" ...)
            let kind = if counts[2] > 0 && (counts[2] >= counts[1] || mentions[name_of].kind == EntityKind::Outlet) {
                EntityKind::Outlet
            } else {
                let first = mentions[ms[0]].kind;
                let best = (0..5).max_by_key(|&k| (counts[k], usize::from(k == kind_index(first)))).unwrap_or(0);
                KINDS[best]
            };
            let name = forms[name_of].display.clone();
            let mut aliases: Vec<String> = Vec::new();
            let mut roles: Vec<String> = Vec::new();
            for &m in ms.iter().filter(|&&m| !cont[m]) {
                let d = &forms[m].display;
                if !d.eq_ignore_ascii_case(&name) && !aliases.iter().any(|a| a.eq_ignore_ascii_case(d)) {
                    aliases.push(d.clone());
                }
                for t in &forms[m].titles {
                    // "Mr." and "Dr." address a person; they are no role.
                    let role = t.split_whitespace().filter(|w| !is_honorific(w)).collect::<Vec<_>>().join(" ");
                    push_unique(&mut roles, &role);
                }
            }
            Entity {
                name,
                kind,
                aliases,
                roles,
                mentions: ms.iter().map(|&m| MentionId::from_index(m)).collect(),
                references: Vec::new(),
            }
        })
        .collect();
    if !doc.tokens.is_empty() {
        let name_starts: Vec<u32> = mentions
            .iter()
            .zip(forms)
            .zip(cont)
            .map(|((m, f), &c)| if c { m.range.start() } else { (m.range.start() + f.skip).min(m.range.end()) })
            .collect();
        roles::attach(doc, mentions, &name_starts, &mut entities);
        for e in &mut entities {
            e.roles.retain(|r| !r.split_whitespace().all(is_honorific));
        }
    }
    entities
}

const KINDS: [EntityKind; 5] =
    [EntityKind::Person, EntityKind::Organization, EntityKind::Outlet, EntityKind::Location, EntityKind::Other];

fn kind_index(k: EntityKind) -> usize {
    KINDS.iter().position(|&x| x == k).unwrap_or(4)
}

/// Pushes `s` unless an equal string (ignoring case) is there.
pub(crate) fn push_unique(list: &mut Vec<String>, s: &str) {
    if !s.is_empty() && !list.iter().any(|x| x.eq_ignore_ascii_case(s)) {
        list.push(s.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::testutil::{add_mentions, doc, find};
    use EntityKind::*;

    type Names<'a> = &'a [(&'a str, EntityKind)];
    type Groups<'a> = &'a [(&'a str, &'a [&'a str])];

    fn linked(text: &str, names: &[(&str, EntityKind)]) -> (claimtrail_core::Document, Vec<Entity>) {
        let mut d = doc(text);
        add_mentions(&mut d, names);
        let e = link_entities(&d, &d.mentions.clone());
        (d, e)
    }

    fn groups(es: &[Entity]) -> Vec<(String, Vec<String>)> {
        es.iter().map(|e| (e.name.clone(), e.aliases.clone())).collect()
    }

    #[test]
    fn aliases_table() {
        let cases: &[(&str, Names, Groups)] = &[
            (
                "Anna Petrova spoke first. Later Petrov added more, and Petrova left.",
                &[("Anna Petrova", Person), ("Petrov", Person), ("Petrova", Person)],
                &[("Anna Petrova", &["Petrov", "Petrova"])],
            ),
            (
                "Sergei Ivanov arrived. Sergey Ivanov then left, said Ivanov's aide.",
                &[("Sergei Ivanov", Person), ("Sergey Ivanov", Person), ("Ivanov's", Person)],
                &[("Sergei Ivanov", &["Sergey Ivanov", "Ivanov"])],
            ),
            (
                "Bill Clinton and Hillary Clinton came. Hillary spoke.",
                &[("Bill Clinton", Person), ("Hillary Clinton", Person), ("Hillary", Person)],
                &[("Bill Clinton", &[]), ("Hillary Clinton", &["Hillary"])],
            ),
            (
                "Then Yevgeny Sokolovsky wrote. Evgeny Sokolovskiy replied.",
                &[("Yevgeny Sokolovsky", Person), ("Evgeny Sokolovskiy", Person)],
                &[("Yevgeny Sokolovsky", &["Evgeny Sokolovskiy"])],
            ),
            (
                "The Northern Grain Trading Company NGT Ltd. (NGT) grew. NGT hired.",
                &[("Northern Grain Trading Company NGT Ltd.", Organization), ("NGT", Organization)],
                &[("Northern Grain Trading Company NGT Ltd.", &["NGT"])],
            ),
            (
                "The New York Post reported it first. The Post said the Times was wrong.",
                &[("New York Post", Outlet), ("Post", Organization), ("Times", Organization)],
                &[("New York Post", &["Post"]), ("Times", &[])],
            ),
            (
                "The World Health Organization met. The WHO said so.",
                &[("World Health Organization", Organization), ("WHO", Organization)],
                &[("World Health Organization", &["WHO"])],
            ),
            (
                "The Brazilian Interior Ministry said so. The Interior Ministry agreed.",
                &[("Brazilian Interior Ministry", Organization), ("Interior Ministry", Organization)],
                &[("Brazilian Interior Ministry", &["Interior Ministry"])],
            ),
            (
                "The head of Oslandia Ivo Brant spoke in Oslandia. Ivo Brant left.",
                &[("Oslandia Ivo", Person), ("Brant", Person), ("Ivo Brant", Person), ("Oslandia", Location)],
                &[("Ivo Brant", &[]), ("Oslandia", &[])],
            ),
            (
                "The head of the army Ivo Brant spoke. Brant left.",
                &[("Ivo", Person), ("Brant", Person)],
                &[("Ivo Brant", &["Brant"])],
            ),
            (
                "The head of the army Ministry Ivo Brant spoke. Brant left.",
                &[("Ministry Ivo Brant", Person), ("Brant", Person)],
                &[("Ivo Brant", &["Brant"])],
            ),
            (
                "President Ana Lima spoke in Lisbon. Lima was calm in Lisbon.",
                &[("President Ana Lima", Person), ("Lima", Person), ("Lisbon", Location)],
                &[("Ana Lima", &["Lima"]), ("Lisbon", &[])],
            ),
            (
                "Tomas Varga and Ilona Varga arrived. Varga spoke. Ilona left.",
                &[("Tomas Varga", Person), ("Ilona Varga", Person), ("Varga", Person), ("Ilona", Person)],
                &[("Tomas Varga", &[]), ("Ilona Varga", &["Varga", "Ilona"])],
            ),
            (
                // Each bare surname joins one full name; it does not bridge the two.
                "Tomas Varga spoke. Varga left. Ilona Varga came. Varga stayed.",
                &[("Tomas Varga", Person), ("Varga", Person), ("Ilona Varga", Person), ("Varga", Person)],
                &[("Tomas Varga", &["Varga"]), ("Ilona Varga", &["Varga"])],
            ),
            (
                "Tomas Varga spoke. T. Varga left. Tomas H. Varga stayed.",
                &[("Tomas Varga", Person), ("T. Varga", Person), ("Tomas H. Varga", Person)],
                &[("Tomas H. Varga", &["Tomas Varga", "T. Varga"])],
            ),
            (
                "Kemal Odara spoke. Later Omara arrived.",
                &[("Kemal Odara", Person), ("Omara", Person)],
                &[("Kemal Odara", &[]), ("Omara", &[])],
            ),
            (
                "His wife, Ilona Varga, met Tomas Varga. Mrs. Varga smiled.",
                &[("Ilona Varga", Person), ("Tomas Varga", Person), ("Mrs. Varga", Person)],
                &[("Ilona Varga", &["Varga"]), ("Tomas Varga", &[])],
            ),
            (
                "President Tomas Varga met Ilona Varga. Later President Varga left.",
                &[("Tomas Varga", Person), ("Ilona Varga", Person), ("President Varga", Person)],
                &[("Tomas Varga", &["Varga"]), ("Ilona Varga", &[])],
            ),
        ];
        for (text, names, want) in cases {
            let (_, es) = linked(text, names);
            let want: Vec<(String, Vec<String>)> =
                want.iter().map(|(n, a)| (n.to_string(), a.iter().map(|s| s.to_string()).collect())).collect();
            assert_eq!(groups(&es), want, "{text}");
        }
    }

    #[test]
    fn roles_table() {
        let cases: &[(&str, Names, &str, &[&str])] = &[
            (
                "The Spanish foreign Minister Pablo Ruiz spoke.",
                &[("Pablo Ruiz", Person)],
                "Pablo Ruiz",
                &["Spanish foreign Minister"],
            ),
            (
                "He met the press Secretary of the Prime Minister of Chile Luis Soto in May.",
                &[("Luis Soto", Person), ("Chile", Location)],
                "Luis Soto",
                &["press Secretary of the Prime Minister of Chile"],
            ),
            (
                "Luis Soto, the palace spokesman, declined.",
                &[("Luis Soto", Person)],
                "Luis Soto",
                &["palace spokesman"],
            ),
            ("Yesterday Gen. Omar Haddad left.", &[("Gen. Omar Haddad", Person)], "Omar Haddad", &["Gen."]),
            ("She met Omar Haddad and Luis Soto.", &[("Omar Haddad", Person), ("Luis Soto", Person)], "Luis Soto", &[]),
            ("Then Mr. Omar Haddad and Dr. Ana Lima left.", &[("Mr. Omar Haddad", Person)], "Omar Haddad", &[]),
            ("Then Dr. Ana Lima left.", &[("Dr. Ana Lima", Person)], "Ana Lima", &[]),
            ("\"If President Ana Lima agrees, we go,\" he said.", &[("Ana Lima", Person)], "Ana Lima", &["President"]),
            (
                "Luis Soto, the spokesman for President Ana Lima, declined.",
                &[("Luis Soto", Person), ("Ana Lima", Person)],
                "Ana Lima",
                &["President"],
            ),
            ("A spokesman for Ana Lima declined.", &[("Ana Lima", Person)], "Ana Lima", &[]),
            (
                "A spokeswoman for Prime Minister Ivo Brant said so.",
                &[("Ivo Brant", Person)],
                "Ivo Brant",
                &["Prime Minister"],
            ),
        ];
        for (text, names, who, want) in cases {
            let (_, es) = linked(text, names);
            let e = es.iter().find(|e| e.name == *who).unwrap_or_else(|| panic!("{who} in {text}"));
            assert_eq!(e.roles, want.iter().map(|s| s.to_string()).collect::<Vec<_>>(), "{text}");
        }
    }

    #[test]
    fn references_table() {
        // (text, mentions, description, its occurrence, expected referent or None)
        let cases: &[(&str, Names, &str, usize, Option<&str>)] = &[
            (
                "The talks were led by General Karim Nadir. Later the Egyptian General left Rome.",
                &[("General Karim Nadir", Person), ("Rome", Location)],
                "the Egyptian General",
                0,
                Some("Karim Nadir"),
            ),
            (
                "The Peruvian Minister Ana Ruiz and the Chilean Minister Luis Soto met. The Chilean minister left.",
                &[("Ana Ruiz", Person), ("Luis Soto", Person)],
                "The Chilean minister",
                0,
                Some("Luis Soto"),
            ),
            (
                "Ana Ruiz, a minister, and Luis Soto, a minister, met. The minister left.",
                &[("Ana Ruiz", Person), ("Luis Soto", Person)],
                "The minister",
                0,
                None,
            ),
            (
                "The head of the army Ivo Brant and the supreme leader of Oslandia Mir Tavi met. \
                 Talks with the head and supreme leader of Oslandia went on.",
                &[("Ivo Brant", Person), ("Mir Tavi", Person), ("Oslandia", Location)],
                "the head and supreme leader of Oslandia",
                0,
                Some("Mir Tavi"),
            ),
            (
                "The story ran in Daily Planet. The newspaper said it was true.",
                &[("Daily Planet", Outlet)],
                "The newspaper",
                0,
                Some("Daily Planet"),
            ),
        ];
        for (text, names, desc, nth, want) in cases {
            let (d, es) = linked(text, names);
            let r = find(&d, desc, *nth);
            let got: Vec<&str> = es.iter().filter(|e| e.references.contains(&r)).map(|e| e.name.as_str()).collect();
            match want {
                Some(w) => assert_eq!(got, vec![*w], "{text}"),
                None => assert!(got.is_empty(), "{text}: {got:?}"),
            }
        }
    }

    #[test]
    fn empty_and_odd_inputs() {
        let (_, es) = linked("", &[]);
        assert!(es.is_empty());
        let (_, es) = linked("’s ’s the", &[("’s", Person)]);
        assert!(es.len() <= 1);
    }
}
