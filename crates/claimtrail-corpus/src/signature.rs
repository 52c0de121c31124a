//! Claim signatures and when two claims are the same proposition.

use serde::{Deserialize, Serialize};

use crate::terms::term_jaccard;
use crate::ClaimRecord;

/// Least term-set Jaccard for two claims without an event class to be one claim.
pub const TERMS_MIN_JACCARD: f32 = 0.6;

/// A claim's signature once its participants are resolved to corpus entities.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimSig {
    /// Event class, when known.
    pub event: Option<String>,
    /// Corpus entity ids of the participants, sorted, distinct.
    pub participants: Vec<i64>,
    /// Normalized time value, when known.
    pub when: Option<String>,
    /// Content terms, for claims without an event class.
    pub terms: Vec<String>,
    /// The participants that are places (a subset of `participants`, sorted, distinct). Places
    /// only decide when a side names no person or organization.
    #[serde(default)]
    pub places: Vec<i64>,
}

impl ClaimSig {
    /// The signature of a claim record, with its participants (indices into the article's
    /// entities) resolved to corpus ids by `resolve`; unresolved participants are left out.
    pub fn from_record(c: &ClaimRecord, mut resolve: impl FnMut(usize) -> Option<i64>) -> ClaimSig {
        let mut participants = Vec::new();
        let mut places = Vec::new();
        for &p in &c.participants {
            if let Some(id) = resolve(p) {
                participants.push(id);
                if c.places.contains(&p) {
                    places.push(id);
                }
            }
        }
        participants.sort_unstable();
        participants.dedup();
        places.sort_unstable();
        places.dedup();
        ClaimSig { event: c.event.clone(), participants, when: c.when.clone(), terms: c.terms.clone(), places }
    }

    /// Participants that are not places.
    fn agents(&self) -> Vec<i64> {
        self.participants.iter().copied().filter(|p| !self.places.contains(p)).collect()
    }
}

/// A calendar prefix of a TIMEX3 value ("2015", "2015-07", "2015-07-24"), if it has one.
fn calendar(v: &str) -> Option<&str> {
    let b = v.as_bytes();
    if b.len() < 4 || !b[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|x| x.iter().all(u8::is_ascii_digit));
    if b.get(4) == Some(&b'-') && digits(5..7) {
        if b.get(7) == Some(&b'-') && digits(8..10) {
            return Some(&v[..10]);
        }
        return Some(&v[..7]);
    }
    Some(&v[..4])
}

/// Whether two time values can name the same time: equal at the coarser granularity
/// ("2015-07" and "2015-07-24" can, two different days cannot). A missing value, or one that
/// is not a calendar date (`PAST_REF`, `P3M`, `2015-W32`), is compatible with anything.
pub fn times_compatible(a: Option<&str>, b: Option<&str>) -> bool {
    let (Some(x), Some(y)) = (a.and_then(calendar), b.and_then(calendar)) else { return true };
    let (x, y) = (x.as_bytes(), y.as_bytes());
    if a.is_some_and(|v| v.contains('W')) || b.is_some_and(|v| v.contains('W')) {
        return true;
    }
    let g = x.len().min(y.len());
    x[..g] == y[..g]
}

/// Shared members when one sorted, distinct set is contained in the other; 0 otherwise.
fn subset_overlap(a: &[i64], b: &[i64]) -> usize {
    let shared = a.iter().filter(|x| b.binary_search(x).is_ok()).count();
    if shared > 0 && (shared == a.len() || shared == b.len()) {
        shared
    } else {
        0
    }
}

/// Least term-set Jaccard that, across articles, lets one shared party (plus the event class)
/// stand for the same proposition, with at least [`STRONG_TERMS_SHARED`] shared terms.
pub const STRONG_TERMS_JACCARD: f32 = 0.5;
/// Least number of shared terms for strong term overlap: a gist's own words ("Islamic State
/// killed") are shared by every claim of its parties and event, and say nothing more.
pub const STRONG_TERMS_SHARED: usize = 5;

/// Least term-set Jaccard, with at least [`SAME_PARTY_TERMS_SHARED`] shared terms, for two
/// claims that name the same single party and no other: they contradict no party, so a looser
/// overlap than [`STRONG_TERMS_JACCARD`] tells the same story told in other words.
pub const SAME_PARTY_TERMS_JACCARD: f32 = 0.3;
/// Least number of shared terms for [`SAME_PARTY_TERMS_JACCARD`].
pub const SAME_PARTY_TERMS_SHARED: usize = 6;

/// Whether two term sets overlap by at least `jaccard` (given as `jac`) and `shared` terms.
fn terms_overlap(a: &[String], b: &[String], jac: f32, jaccard: f32, shared: usize) -> bool {
    jac >= jaccard && a.iter().filter(|t| b.contains(t)).count() >= shared
}

/// Whether both values name the same calendar day ("2015-07-24" and "2015-07-24T10:00").
fn same_day(a: Option<&str>, b: Option<&str>) -> bool {
    match (a.and_then(calendar), b.and_then(calendar)) {
        (Some(x), Some(y)) => x.len() == 10 && x == y,
        _ => false,
    }
}

/// Whether both values are known calendar times of month precision or finer that can name the
/// same time ("2021-01" and "2021-01-20"; not a year alone, not `PAST_REF`).
fn known_compatible(a: Option<&str>, b: Option<&str>) -> bool {
    let month =
        |v: Option<&str>| v.and_then(calendar).is_some_and(|c| c.len() >= 7) && !v.is_some_and(|v| v.contains('W'));
    month(a) && month(b) && times_compatible(a, b)
}

fn sorted(v: &[i64]) -> Vec<i64> {
    let mut v = v.to_vec();
    v.sort_unstable();
    v.dedup();
    v
}

/// How strongly two claim signatures, from different articles, are the same proposition; `None`
/// when they are not. Both need the same event class and compatible times, and neither may
/// name a party (person or organization) that the other contradicts: the parties of one are
/// contained in the other's. A subset match is evidence only when the smaller side is specific:
/// - two or more shared parties ("Lavrov met Zarif" in Geneva and in "talks" told otherwise);
/// - one shared party only with further evidence: the same day, strongly overlapping terms
///   (Jaccard ≥ [`STRONG_TERMS_JACCARD`], [`STRONG_TERMS_SHARED`] shared), or, when both name
///   exactly that party, a shared place and known, compatible times of month precision ("Zarif
///   visited Moscow in January") or a looser term overlap (Jaccard ≥ [`SAME_PARTY_TERMS_JACCARD`],
///   [`SAME_PARTY_TERMS_SHARED`] shared).
///
/// So "Islamic State killed" does not absorb "Islamic State killed Foley" nor "... killed Sotloff".
/// Places never make two claims one on their own: claims naming only places match only on the
/// same day or with strong terms, and two shared places. Claims without an event class match when
/// their terms overlap (Jaccard ≥ [`TERMS_MIN_JACCARD`]) and they share a party (or, naming no
/// party, a place). The score orders candidates: shared parties first, then term overlap.
pub fn match_score(a: &ClaimSig, b: &ClaimSig) -> Option<f32> {
    let (wa, wb) = (a.when.as_deref(), b.when.as_deref());
    if !times_compatible(wa, wb) {
        return None;
    }
    let jac = term_jaccard(&a.terms, &b.terms);
    let (ga, gb) = (sorted(&a.agents()), sorted(&b.agents()));
    let (la, lb) = (sorted(&a.places), sorted(&b.places));
    let shared_places = la.iter().filter(|p| lb.binary_search(p).is_ok()).count();
    match (&a.event, &b.event) {
        (Some(x), Some(y)) if x == y => {
            let day = same_day(wa, wb);
            let strong = terms_overlap(&a.terms, &b.terms, jac, STRONG_TERMS_JACCARD, STRONG_TERMS_SHARED);
            let same_party =
                ga == gb && terms_overlap(&a.terms, &b.terms, jac, SAME_PARTY_TERMS_JACCARD, SAME_PARTY_TERMS_SHARED);
            let ok = match (ga.is_empty(), gb.is_empty()) {
                (false, false) => match subset_overlap(&ga, &gb) {
                    0 => false,
                    1 => day || strong || same_party || (ga == gb && shared_places > 0 && known_compatible(wa, wb)),
                    _ => true,
                },
                (true, true) => shared_places >= 2 && (day || strong),
                _ => false,
            };
            let shared = subset_overlap(&ga, &gb) as f32;
            ok.then_some(shared + f32::from(u8::from(day)) * 0.5 + jac)
        }
        (None, None) => {
            let shared = if ga.is_empty() || gb.is_empty() {
                if !ga.is_empty() || !gb.is_empty() {
                    return None;
                }
                shared_places
            } else {
                ga.iter().filter(|p| gb.binary_search(p).is_ok()).count()
            };
            (shared > 0 && jac >= TERMS_MIN_JACCARD).then_some(shared as f32 + jac)
        }
        _ => None,
    }
}

/// Whether two claim signatures from different articles are about the same proposition (see
/// [`match_score`]).
pub fn same_claim(a: &ClaimSig, b: &ClaimSig) -> bool {
    match_score(a, b).is_some()
}

/// Whether two claims of one article are about the same proposition: within an article a
/// one-party claim ("Islamic State killed") is the article's event told in short, so the rule
/// is looser than [`same_claim`]: same event class, compatible times, and parties of one contained
/// in the other's (sharing at least one). When both name persons or organizations, places do not
/// count; when one side names only places, two shared participants are needed. Claims with no
/// event class match when their terms overlap (Jaccard ≥ [`TERMS_MIN_JACCARD`]) and they share
/// a participant.
pub fn same_claim_in_article(a: &ClaimSig, b: &ClaimSig) -> bool {
    if !times_compatible(a.when.as_deref(), b.when.as_deref()) {
        return false;
    }
    let (pa, pb) = (sorted(&a.participants), sorted(&b.participants));
    match (&a.event, &b.event) {
        (Some(x), Some(y)) if x == y => {
            let (ga, gb) = (sorted(&a.agents()), sorted(&b.agents()));
            if !ga.is_empty() && !gb.is_empty() {
                subset_overlap(&ga, &gb) > 0
            } else {
                subset_overlap(&pa, &pb) >= 2
            }
        }
        (None, None) => {
            pa.iter().any(|p| pb.binary_search(p).is_ok()) && term_jaccard(&a.terms, &b.terms) >= TERMS_MIN_JACCARD
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sig(event: Option<&str>, participants: &[i64], places: &[i64], when: Option<&str>, terms: &str) -> ClaimSig {
        ClaimSig {
            event: event.map(str::to_string),
            participants: participants.to_vec(),
            when: when.map(str::to_string),
            terms: crate::terms::terms([terms]),
            places: places.to_vec(),
        }
    }

    #[test]
    fn times() {
        let cases = [
            (None, None, true),
            (Some("2015-07"), Some("2015-07-24"), true),
            (Some("2015-07-24"), Some("2015-07-25"), false),
            (Some("2015"), Some("2015-07-25"), true),
            (Some("2014"), Some("2015-07-25"), false),
            (Some("PAST_REF"), Some("2015-07-25"), true),
            (Some("P3M"), Some("2015-07-25"), true),
            (Some("2015-W30"), Some("2015-07-25"), true),
            (Some("2015-07-24TEV"), Some("2015-07-24"), true),
            (Some("2015-08"), None, true),
            (Some("x"), Some(""), true),
        ];
        for (a, b, want) in cases {
            assert_eq!(times_compatible(a, b), want, "{a:?} {b:?}");
        }
    }

    #[test]
    fn same_claim_table() {
        let meet = Some("meet");
        let visit = Some("visit");
        let kill = Some("kill");
        // 1 Lavrov, 2 Zarif, 3 Geneva (place), 4 Putin, 5 Moscow (place), 6 Iran (place),
        // 7 a militant group, 8 and 9 two different victims
        let cases = [
            // same event, same parties, one adds a place
            (sig(meet, &[1, 2], &[], Some("2021-03-03"), ""), sig(meet, &[1, 2, 3], &[3], None, ""), true),
            // places differ, persons agree: still one meeting
            (sig(meet, &[1, 2, 3], &[3], None, ""), sig(meet, &[1, 2, 6], &[6], Some("2021-03"), ""), true),
            // two shared parties, the bigger side names a third
            (sig(meet, &[1, 2], &[], None, ""), sig(meet, &[1, 2, 4], &[], None, ""), true),
            // one party named, contained in the other's: not specific enough on its own
            (sig(meet, &[1], &[], None, ""), sig(meet, &[1, 2], &[], None, ""), false),
            // ... unless on the same day
            (sig(meet, &[1], &[], Some("2021-03-03"), ""), sig(meet, &[1, 2], &[], Some("2021-03-03"), ""), true),
            // ... or with strongly overlapping terms
            (
                sig(meet, &[1], &[], None, "Lavrov met Zarif Geneva talks nuclear"),
                sig(meet, &[1, 2], &[], None, "Lavrov met Zarif Geneva nuclear talks"),
                true,
            ),
            // a month is not a day
            (sig(meet, &[1], &[], Some("2021-03"), ""), sig(meet, &[1, 2], &[], Some("2021-03-03"), ""), false),
            // a one-party claim does not absorb claims that name different victims
            (
                sig(kill, &[7], &[], None, "group killed"),
                sig(kill, &[7, 8], &[], None, "group killed journalist"),
                false,
            ),
            (sig(kill, &[7], &[], None, "group killed"), sig(kill, &[7, 9], &[], None, "killed aid worker"), false),
            (sig(kill, &[7, 8], &[], None, ""), sig(kill, &[7, 9], &[], None, ""), false),
            // the same one party, no other, told in overlapping words
            (
                sig(
                    kill,
                    &[7],
                    &[],
                    None,
                    "group agreed ceasefire release schoolgirls talks government army weekend mediator",
                ),
                sig(
                    kill,
                    &[7],
                    &[],
                    None,
                    "ceasefire agreed group government release schoolgirls truce hope doubt insurgency",
                ),
                true,
            ),
            // ... but not when the other names a second party
            (
                sig(
                    kill,
                    &[7],
                    &[],
                    None,
                    "group agreed ceasefire release schoolgirls talks government army weekend mediator",
                ),
                sig(
                    kill,
                    &[7, 8],
                    &[],
                    None,
                    "ceasefire agreed group government release schoolgirls truce hope doubt insurgency",
                ),
                false,
            ),
            // the same one party and place, no known time: not enough
            (sig(kill, &[7, 6], &[6], None, ""), sig(kill, &[7, 6], &[6], None, ""), false),
            // the same one party and place in the same month: one visit
            (sig(visit, &[2, 5], &[5], Some("2021-01"), ""), sig(visit, &[2, 5], &[5], Some("2021-01-20"), ""), true),
            // ... a year alone is not known enough
            (sig(visit, &[2, 5], &[5], Some("2021"), ""), sig(visit, &[2, 5], &[5], Some("2021"), ""), false),
            // ... a relative time is not known
            (sig(visit, &[2, 5], &[5], Some("PAST_REF"), ""), sig(visit, &[2, 5], &[5], Some("2021-01"), ""), false),
            // ... another place is not the same visit
            (sig(visit, &[2, 5], &[5], Some("2021-01"), ""), sig(visit, &[2, 6], &[6], Some("2021-01"), ""), false),
            // different second party
            (sig(meet, &[1, 2], &[], None, ""), sig(meet, &[1, 4], &[], None, ""), false),
            // different event class
            (sig(meet, &[1, 2], &[], None, ""), sig(visit, &[1, 2], &[], None, ""), false),
            // different days
            (
                sig(visit, &[4, 5], &[5], Some("2021-03-02"), ""),
                sig(visit, &[4, 5], &[5], Some("2021-03-10"), ""),
                false,
            ),
            // month against day
            (sig(visit, &[4, 5], &[5], Some("2021-03"), ""), sig(visit, &[4, 5], &[5], Some("2021-03-10"), ""), true),
            // no shared participant
            (sig(meet, &[1], &[], None, ""), sig(meet, &[4], &[], None, ""), false),
            // only places on one side: never one claim with a party's
            (sig(visit, &[5], &[5], None, ""), sig(visit, &[4, 5], &[5], None, ""), false),
            (sig(visit, &[5], &[5], Some("2021-03-02"), ""), sig(visit, &[4, 5], &[5], Some("2021-03-02"), ""), false),
            // places only, two shared: not on their own
            (sig(meet, &[5, 6], &[5, 6], None, ""), sig(meet, &[5, 6, 3], &[5, 6, 3], None, ""), false),
            // ... but on the same day
            (
                sig(meet, &[5, 6], &[5, 6], Some("2021-03-02"), ""),
                sig(meet, &[5, 6, 3], &[5, 6, 3], Some("2021-03-02"), ""),
                true,
            ),
            // one event, one without
            (sig(meet, &[1], &[], None, "x"), sig(None, &[1], &[], None, "x"), false),
            // no events: terms decide, with a shared participant
            (
                sig(None, &[1], &[], None, "the sanctions against Iran failed badly"),
                sig(None, &[1, 4], &[], None, "sanctions against Iran failed"),
                true,
            ),
            (
                sig(None, &[1], &[], None, "the sanctions against Iran failed badly"),
                sig(None, &[4], &[], None, "sanctions against Iran failed badly"),
                false,
            ),
            // no events: a shared place with a party on one side only is not enough
            (
                sig(None, &[1, 6], &[6], None, "the sanctions against Iran failed badly"),
                sig(None, &[6], &[6], None, "the sanctions against Iran failed badly"),
                false,
            ),
            (
                sig(None, &[1], &[], None, "the sanctions against Iran failed"),
                sig(None, &[1], &[], None, "oil prices rose in Europe"),
                false,
            ),
            (sig(None, &[1], &[], None, ""), sig(None, &[1], &[], None, ""), false),
            // unsorted input is fine
            (sig(meet, &[2, 1], &[], None, ""), sig(meet, &[1, 2], &[], None, ""), true),
        ];
        for (i, (a, b, want)) in cases.iter().enumerate() {
            assert_eq!(same_claim(a, b), *want, "case {i}: {a:?} {b:?}");
            assert_eq!(same_claim(b, a), *want, "case {i} reversed");
        }
    }

    #[test]
    fn within_an_article_one_party_joins() {
        let kill = Some("kill");
        let cases = [
            (sig(kill, &[7], &[], None, ""), sig(kill, &[7, 8], &[], None, ""), true),
            (sig(kill, &[7, 8], &[], None, ""), sig(kill, &[7, 9], &[], None, ""), false),
            (sig(kill, &[5], &[5], None, ""), sig(kill, &[7, 5], &[5], None, ""), false),
            (sig(kill, &[7], &[], Some("2021-03-02"), ""), sig(kill, &[7], &[], Some("2021-03-05"), ""), false),
            (sig(kill, &[7], &[], None, ""), sig(Some("meet"), &[7], &[], None, ""), false),
        ];
        for (i, (a, b, want)) in cases.iter().enumerate() {
            assert_eq!(same_claim_in_article(a, b), *want, "case {i}");
            assert_eq!(same_claim_in_article(b, a), *want, "case {i} reversed");
        }
    }

    #[test]
    fn scores_prefer_more_shared_parties() {
        let meet = Some("meet");
        let probe = sig(meet, &[1, 2, 4], &[], None, "");
        let two = match_score(&probe, &sig(meet, &[1, 2], &[], None, "")).unwrap();
        let three = match_score(&probe, &sig(meet, &[1, 2, 4], &[], None, "")).unwrap();
        assert!(three > two, "{three} {two}");
        assert!(match_score(&probe, &sig(meet, &[1], &[], None, "")).is_none());
    }
}
