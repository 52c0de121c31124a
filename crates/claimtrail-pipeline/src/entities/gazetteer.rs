//! Word lists embedded from `models/gaz/` (see `models/README.md` for their sources), parsed once.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::features::{lower_hash, seq_hash, CharHash};

/// Locations (countries, capitals, cities, states, continents).
pub const GAZ_LOC: usize = 0;
/// First names.
pub const GAZ_FIRST: usize = 1;
/// Surnames.
pub const GAZ_LAST: usize = 2;
/// News outlets and agencies.
pub const GAZ_OUTLET: usize = 3;

/// Hasher for keys that are already well-mixed `u64` hashes.
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A `HashMap` keyed by pre-hashed `u64`s.
pub type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// The embedded gazetteers.
#[derive(Debug, Default)]
pub struct Gazetteers {
    /// Sequence hash of normalized words (see [`seq_hash`]) to a bit set of `GAZ_*`.
    pub lower: IdMap<u8>,
    /// Sequence hash of exact words to outlet entries (the case-sensitive outlet list).
    pub outlets: IdMap<()>,
    /// Sequence hash of exact words of well-known organizations (`orgs.txt`; not a tagger feature).
    pub orgs: IdMap<()>,
    /// Longest entry, in words.
    pub max_len: usize,
}

/// Hash of the exact form of a word, as [`Gazetteers::outlets`] keys it.
pub fn exact_hash(word: &str) -> u64 {
    let mut h = CharHash::new();
    word.chars().for_each(|c| h.push(c));
    h.finish()
}

impl Gazetteers {
    /// The English bundle's gazetteers, parsed on first use.
    pub fn embedded() -> &'static Gazetteers {
        crate::language::ENGLISH.gazetteers()
    }

    /// Parses a bundle's word lists.
    pub fn from_lists(lists: &crate::language::GazetteerLists) -> Gazetteers {
        let (loc, first, last, outlets) = (lists.loc, lists.first, lists.last, lists.outlets);
        let lines = [loc, first, last, outlets].iter().map(|l| l.lines().count()).sum();
        let mut g =
            Gazetteers { lower: IdMap::with_capacity_and_hasher(lines, Default::default()), ..Default::default() };
        for (list, bit) in [(loc, GAZ_LOC), (first, GAZ_FIRST), (last, GAZ_LAST), (outlets, GAZ_OUTLET)] {
            g.add_list(list, bit);
        }
        for line in lists.orgs.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let mut h = 0u64;
            for (i, w) in line.split_whitespace().enumerate() {
                let e = exact_hash(w);
                h = if i == 0 { e } else { seq_hash(h, e) };
            }
            g.orgs.insert(h, ());
        }
        g
    }

    fn add_list(&mut self, list: &str, bit: usize) {
        for line in list.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (mut lh, mut eh, mut n) = (0u64, 0u64, 0usize);
            for w in line.split_whitespace() {
                let (l, e) = (lower_hash(w), exact_hash(w));
                (lh, eh) = if n == 0 { (l, e) } else { (seq_hash(lh, l), seq_hash(eh, e)) };
                n += 1;
            }
            *self.lower.entry(lh).or_default() |= 1 << bit;
            if bit == GAZ_OUTLET {
                self.outlets.insert(eh, ());
            }
            self.max_len = self.max_len.max(n);
        }
    }

    /// True when the one-word entry `lw` (a [`lower_hash`]) is in list `bit` (`GAZ_*`).
    pub fn has(&self, lw: u64, bit: usize) -> bool {
        self.lower.get(&lw).is_some_and(|b| b & (1 << bit) != 0)
    }

    /// True when the one-word entry `lw` (a [`lower_hash`]) is in any list.
    pub fn in_any(&self, lw: u64) -> bool {
        self.lower.contains_key(&lw)
    }

    /// Length in words of the longest outlet name (exact case) starting at `words[0]`.
    pub fn outlet_at(&self, words: &[u64]) -> Option<usize> {
        self.longest(&self.outlets, words)
    }

    /// Length in words of the longest listed organization (exact case) starting at `words[0]`.
    pub fn org_at(&self, words: &[u64]) -> Option<usize> {
        self.longest(&self.orgs, words)
    }

    fn longest(&self, map: &IdMap<()>, words: &[u64]) -> Option<usize> {
        let mut h = 0u64;
        let mut best = None;
        for (len, &w) in words.iter().take(self.max_len).enumerate() {
            h = if len == 0 { w } else { seq_hash(h, w) };
            if map.contains_key(&h) {
                best = Some(len + 1);
            }
        }
        best
    }

    /// True when the words (exact hashes) are a listed organization.
    pub fn is_org_name(&self, words: &[u64]) -> bool {
        let mut h = 0u64;
        for (i, &w) in words.iter().enumerate() {
            h = if i == 0 { w } else { seq_hash(h, w) };
        }
        !words.is_empty() && self.orgs.contains_key(&h)
    }

    /// True when `name` (words separated by spaces) is a listed outlet, case-insensitively.
    pub fn is_outlet_name(&self, words: &[u64]) -> bool {
        let mut h = 0u64;
        for (i, &w) in words.iter().enumerate() {
            h = if i == 0 { w } else { seq_hash(h, w) };
        }
        !words.is_empty() && self.lower.get(&h).is_some_and(|b| b & (1 << GAZ_OUTLET) != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_and_match() {
        let g = Gazetteers::embedded();
        let lw = |s: &str| s.split(' ').map(lower_hash).collect::<Vec<_>>();
        let ex = |s: &str| s.split(' ').map(exact_hash).collect::<Vec<_>>();
        let cases = [
            ("Moscow", GAZ_LOC, true),
            ("France", GAZ_LOC, true),
            ("Maria", GAZ_FIRST, true),
            ("Smith", GAZ_LAST, true),
            ("Reuters", GAZ_OUTLET, true),
            ("The Wall Street Journal", GAZ_OUTLET, true),
            ("Said", GAZ_LOC, false),
        ];
        for (name, bit, want) in cases {
            let mut h = 0;
            for (i, w) in lw(name).into_iter().enumerate() {
                h = if i == 0 { w } else { seq_hash(h, w) };
            }
            let got = g.lower.get(&h).is_some_and(|b| b & (1 << bit) != 0);
            assert_eq!(got, want, "{name}");
        }
        assert_eq!(g.outlet_at(&ex("RIA Novosti said")), Some(2));
        assert_eq!(g.outlet_at(&ex("The Wall Street Journal reported")), Some(4));
        assert_eq!(g.outlet_at(&ex("reuters said")), None);
        assert!(g.is_outlet_name(&lw("associated press")));
        assert!(g.is_org_name(&ex("Goldman Sachs")));
        assert!(!g.is_org_name(&ex("goldman sachs")));
        assert_eq!(g.org_at(&ex("Goldman Sachs said")), Some(2));
    }
}
