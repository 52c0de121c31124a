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

/// Whether two claim signatures are about the same proposition: same event class, compatible
/// times, and participants of one contained in the other's (sharing at least one). When both
/// name persons or organizations, places do not count ("Lavrov met Zarif in Geneva" is "Lavrov
/// met Zarif"); when one side names only places, two shared participants are needed. Claims
/// with no event class match when their terms overlap (Jaccard ≥ [`TERMS_MIN_JACCARD`]) and
/// they share a participant.
pub fn same_claim(a: &ClaimSig, b: &ClaimSig) -> bool {
    if !times_compatible(a.when.as_deref(), b.when.as_deref()) {
        return false;
    }
    let sorted = |v: &[i64]| {
        let mut v = v.to_vec();
        v.sort_unstable();
        v.dedup();
        v
    };
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
        // 1 Lavrov, 2 Zarif, 3 Geneva (place), 4 Putin, 5 Moscow (place), 6 Iran (place)
        let cases = [
            // same event, same parties, one adds a place
            (sig(meet, &[1, 2], &[], Some("2021-03-03"), ""), sig(meet, &[1, 2, 3], &[3], None, ""), true),
            // places differ, persons agree: still one meeting
            (sig(meet, &[1, 2, 3], &[3], None, ""), sig(meet, &[1, 2, 6], &[6], Some("2021-03"), ""), true),
            // one party named, contained in the other's
            (sig(meet, &[1], &[], None, ""), sig(meet, &[1, 2], &[], None, ""), true),
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
            // only places on one side: one shared place is not enough
            (sig(visit, &[5], &[5], None, ""), sig(visit, &[4, 5], &[5], None, ""), false),
            // places only, two shared
            (sig(meet, &[5, 6], &[5, 6], None, ""), sig(meet, &[5, 6, 3], &[5, 6, 3], None, ""), true),
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
}
