//! Document frequencies: how much a shared word says about two texts saying the same thing.
//!
//! The shipped table (`models/df.tsv`) counts, for each stemmed word, the news articles it
//! occurs in, over a general news collection (see `models/README.md`); words seen in fewer than
//! two articles are left out and get the highest weight.

use std::collections::HashMap;

use crate::text::{self, hash};

/// Stemmed word -> inverse document frequency.
#[derive(Debug, Clone)]
pub struct Idf {
    docs: f32,
    map: HashMap<u64, f32>,
    unseen: f32,
}

/// The shipped table.
pub const SHIPPED: &str = include_str!("../models/df.tsv");

impl Idf {
    /// Parses a table written by [`build_table`]: a `docs\tN` line, then `word\tdf` lines.
    /// Malformed lines are skipped; an empty table gives every word the same weight.
    pub fn parse(table: &str) -> Idf {
        let mut docs = 0.0f32;
        let mut map = HashMap::new();
        for line in table.lines() {
            if line.starts_with('#') {
                continue;
            }
            let Some((w, n)) = line.split_once('\t') else { continue };
            let Ok(n) = n.trim().parse::<f32>() else { continue };
            if w == "docs" {
                docs = n;
            } else {
                map.insert(hash(w), n);
            }
        }
        let docs = docs.max(1.0);
        let idf = |df: f32| ((docs + 1.0) / (df + 0.5)).ln().max(0.05);
        for v in map.values_mut() {
            *v = idf(*v);
        }
        Idf { docs, map, unseen: idf(0.0) }
    }

    /// The weight of a stemmed word given by its [`hash`].
    pub fn get(&self, key: u64) -> f32 {
        self.map.get(&key).copied().unwrap_or(self.unseen)
    }

    /// Number of documents the table was counted over.
    pub fn docs(&self) -> f32 {
        self.docs
    }
}

/// Counts document frequencies of stemmed words over `texts` and writes the table (words in
/// at least `min_df` texts, sorted), deterministic for the same texts in any order.
pub fn build_table<'a>(texts: impl IntoIterator<Item = &'a str>, min_df: u32) -> String {
    let mut df: HashMap<String, u32> = HashMap::new();
    let mut docs = 0u32;
    let mut buf = String::new();
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    for t in texts {
        docs += 1;
        seen.clear();
        let chars: Vec<char> = t.chars().collect();
        for w in text::EN.words(&chars) {
            text::EN.lower(&chars, w, &mut buf);
            text::EN.stem_in_place(&mut buf);
            if buf.is_empty() || buf.contains('\t') {
                continue;
            }
            if !seen.contains(buf.as_str()) {
                seen.insert(buf.clone());
            }
        }
        for w in seen.drain() {
            *df.entry(w).or_default() += 1;
        }
    }
    let mut rows: Vec<(String, u32)> = df.into_iter().filter(|(_, n)| *n >= min_df).collect();
    rows.sort();
    let mut out = format!("# claimtrail-check document frequencies of stemmed words\ndocs\t{docs}\n");
    for (w, n) in rows {
        out.push_str(&w);
        out.push('\t');
        out.push_str(&n.to_string());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rare_words_weigh_more() {
        let texts = ["the cat sat", "the dog sat", "the bird flew", "a fish swam"];
        let table = build_table(texts, 1);
        let idf = Idf::parse(&table);
        assert_eq!(idf.docs(), 4.0);
        let w = |s: &str| idf.get(hash(s));
        assert!(w("the") < w("sat"));
        assert!(w("sat") < w("cat"));
        assert!(w("cat") < w("zebra"));
        // order of texts does not change the table
        assert_eq!(table, build_table(texts.iter().rev().copied(), 1));
    }

    #[test]
    fn shipped_table_parses() {
        let idf = Idf::parse(SHIPPED);
        assert!(idf.docs() >= 1.0);
        assert!(Idf::parse("garbage\nno tabs here\n").docs() >= 1.0);
    }
}
