//! An in-memory BM25 index, as SQLite FTS5's `bm25()` ranks: for evaluation and tests where
//! no store is at hand. Words are lowercased and stemmed like the matcher's.

use std::collections::HashMap;

use crate::text::{self, hash};

/// BM25 over a fixed set of texts.
#[derive(Debug, Clone, Default)]
pub struct Bm25Index {
    lens: Vec<u32>,
    avg: f32,
    postings: HashMap<u64, Vec<(u32, u32)>>,
}

const K1: f32 = 1.2;
const B: f32 = 0.75;

fn key(word: &str, buf: &mut String) -> u64 {
    buf.clear();
    buf.extend(word.chars().flat_map(char::to_lowercase));
    text::EN.stem_in_place(buf);
    hash(buf)
}

impl Bm25Index {
    /// Indexes `texts`; document `i` is the `i`-th text.
    pub fn build<'a>(texts: impl IntoIterator<Item = &'a str>) -> Self {
        let mut idx = Bm25Index::default();
        let mut buf = String::new();
        let mut tf: HashMap<u64, u32> = HashMap::new();
        for (d, t) in texts.into_iter().enumerate() {
            let chars: Vec<char> = t.chars().collect();
            let words = text::EN.words(&chars);
            tf.clear();
            for w in &words {
                text::EN.lower(&chars, *w, &mut buf);
                text::EN.stem_in_place(&mut buf);
                *tf.entry(hash(&buf)).or_default() += 1;
            }
            let mut entries: Vec<(u64, u32)> = tf.iter().map(|(k, v)| (*k, *v)).collect();
            entries.sort_unstable();
            for (k, n) in entries {
                idx.postings.entry(k).or_default().push((d as u32, n));
            }
            idx.lens.push(words.len() as u32);
        }
        let n = idx.lens.len().max(1) as f32;
        idx.avg = idx.lens.iter().map(|&l| l as f32).sum::<f32>() / n;
        idx
    }

    /// Number of indexed texts.
    pub fn len(&self) -> usize {
        self.lens.len()
    }

    /// Whether nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.lens.is_empty()
    }

    /// The `k` best texts for any of `terms` (an OR query), best first, ties by index.
    pub fn search(&self, terms: &[String], k: usize) -> Vec<(usize, f32)> {
        let n = self.lens.len() as f32;
        let mut acc: HashMap<u32, f32> = HashMap::new();
        let mut buf = String::new();
        let mut seen = Vec::new();
        for t in terms {
            let h = key(t, &mut buf);
            if seen.contains(&h) {
                continue;
            }
            seen.push(h);
            let Some(post) = self.postings.get(&h) else { continue };
            let df = post.len() as f32;
            let idf = ((n - df + 0.5) / (df + 0.5)).ln().max(1e-6);
            for &(d, tf) in post {
                let tf = tf as f32;
                let len = self.lens[d as usize] as f32;
                let s = idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len / self.avg.max(1.0)));
                *acc.entry(d).or_default() += s;
            }
        }
        let mut out: Vec<(usize, f32)> = acc.into_iter().map(|(d, s)| (d as usize, s)).collect();
        out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        out.truncate(k);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_by_shared_rare_words() {
        let texts = [
            "The river flooded the old town after days of rain.",
            "A new bridge opened over the river on Friday.",
            "Markets fell sharply on Friday.",
            "Rain is expected to continue; the town prepares for floods.",
        ];
        let idx = Bm25Index::build(texts);
        assert_eq!(idx.len(), 4);
        let hits = idx.search(&["flooded".into(), "town".into(), "rain".into()], 10);
        let ids: Vec<usize> = hits.iter().map(|h| h.0).collect();
        assert_eq!(&ids[..2], &[0, 3]);
        assert!(!ids.contains(&2));
        assert!(idx.search(&["zebra".into()], 10).is_empty());
        assert_eq!(idx.search(&["friday".into()], 1).len(), 1);
    }
}
