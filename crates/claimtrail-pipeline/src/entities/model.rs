//! The averaged-perceptron NER model: a hashed feature table with quantized weights, and greedy
//! left-to-right BILOU decoding with tag history and document-level label memory.
//!
//! File format (little endian): magic `CTNER001`, `u32` tag count, `u32` feature count `n`,
//! `f32` weight scale, `u32` case-entry count `m`, then `n` `u64` feature hashes, `n * tags`
//! `i16` weights (row by row), `m` `u64` normalized-word hashes and `m` `u8` case buckets.

use std::sync::OnceLock;

use super::features::{
    allowed, features, may_end, sentence_all_caps, split_tag, tok_info, SentCtx, TokInfo, F_ALPHA, F_DIGIT, F_LOWER,
    N_TAGS,
};
use super::gazetteer::IdMap;

const MAGIC: &[u8; 8] = b"CTNER001";
/// Anything that scores a token's features for every tag.
pub trait Scorer {
    /// Adds the weights of `feats` to `scores`.
    fn score(&self, feats: &[u64], scores: &mut [f32; N_TAGS]);
}

/// A loaded NER model.
#[derive(Debug, Default)]
pub struct Model {
    keys: Vec<u64>,
    weights: Vec<i16>,
    scale: f32,
    /// Open addressing: `(key, row + 1)`, row 0 empty; key and row share a cache line.
    slots: Vec<(u64, u32)>,
    mask: usize,
    case: IdMap<u8>,
}

/// Errors parsing a model file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError(pub String);

struct Reader<'a> {
    b: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        if self.b.len() < n {
            return Err(ModelError("truncated model file".into()));
        }
        let (h, t) = self.b.split_at(n);
        self.b = t;
        Ok(h)
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().expect("4 bytes")))
    }
}

impl Model {
    /// The English bundle's NER model, parsed on first use; `None` if its file is empty or broken.
    pub fn embedded() -> Option<&'static Model> {
        crate::language::ENGLISH.ner_model()
    }

    /// Builds a model from feature rows (`weights.len() == keys.len() * N_TAGS`) and case buckets.
    pub fn new(keys: Vec<u64>, weights: Vec<i16>, scale: f32, case: Vec<(u64, u8)>) -> Model {
        assert_eq!(weights.len(), keys.len() * N_TAGS, "one row of weights per feature");
        let cap = (keys.len() * 2).next_power_of_two().max(16);
        let mut m =
            Model { keys, weights, scale, slots: vec![(0, 0); cap], mask: cap - 1, case: case.into_iter().collect() };
        for row in 0..m.keys.len() {
            let mut i = (m.keys[row] as usize) & m.mask;
            while m.slots[i].1 != 0 {
                i = (i + 1) & m.mask;
            }
            m.slots[i] = (m.keys[row], row as u32 + 1);
        }
        m
    }

    /// Parses a model file.
    ///
    /// # Errors
    /// A wrong magic, tag count or a truncated file.
    pub fn from_bytes(b: &[u8]) -> Result<Model, ModelError> {
        Model::from_bytes_with_magic(b, MAGIC)
    }

    /// Parses a model file in this format under another magic (the POS tagger's table has the
    /// same shape: 17 tags, hashed features, case buckets).
    ///
    /// # Errors
    /// A wrong magic, tag count or a truncated file.
    pub fn from_bytes_with_magic(b: &[u8], magic: &[u8; 8]) -> Result<Model, ModelError> {
        let mut r = Reader { b };
        if r.take(8)? != magic {
            return Err(ModelError(format!("not a {} model", String::from_utf8_lossy(magic))));
        }
        if r.u32()? as usize != N_TAGS {
            return Err(ModelError("wrong tag count".into()));
        }
        let n = r.u32()? as usize;
        let scale = f32::from_bits(r.u32()?);
        let m = r.u32()? as usize;
        let keys = r.take(n.checked_mul(8).ok_or_else(|| ModelError("size".into()))?)?;
        let keys = keys.chunks_exact(8).map(|c| u64::from_le_bytes(c.try_into().expect("8"))).collect();
        let w = r.take(n * N_TAGS * 2)?;
        let weights = w.chunks_exact(2).map(|c| i16::from_le_bytes([c[0], c[1]])).collect();
        let ck = r.take(m * 8)?;
        let cb = r.take(m)?;
        let case = ck.chunks_exact(8).map(|c| u64::from_le_bytes(c.try_into().expect("8"))).zip(cb.iter().copied());
        Ok(Model::new(keys, weights, scale, case.collect()))
    }

    /// Serializes the model.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.to_bytes_with_magic(MAGIC)
    }

    /// Serializes the model under another magic (see [`Model::from_bytes_with_magic`]).
    pub fn to_bytes_with_magic(&self, magic: &[u8; 8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(24 + self.keys.len() * (8 + 2 * N_TAGS) + self.case.len() * 9);
        out.extend_from_slice(magic);
        out.extend_from_slice(&(N_TAGS as u32).to_le_bytes());
        out.extend_from_slice(&(self.keys.len() as u32).to_le_bytes());
        out.extend_from_slice(&self.scale.to_bits().to_le_bytes());
        out.extend_from_slice(&(self.case.len() as u32).to_le_bytes());
        for k in &self.keys {
            out.extend_from_slice(&k.to_le_bytes());
        }
        for w in &self.weights {
            out.extend_from_slice(&w.to_le_bytes());
        }
        let mut case: Vec<(u64, u8)> = self.case.iter().map(|(&k, &v)| (k, v)).collect();
        case.sort_unstable();
        for (k, _) in &case {
            out.extend_from_slice(&k.to_le_bytes());
        }
        out.extend(case.iter().map(|&(_, v)| v));
        out
    }

    /// Number of feature rows.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// True for a model with no features.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Case bucket of a normalized word hash (0 unknown).
    #[inline]
    pub fn case_of(&self, lw: u64) -> u8 {
        self.case.get(&lw).copied().unwrap_or(0)
    }

    #[inline]
    fn row(&self, key: u64) -> Option<usize> {
        let mut i = (key as usize) & self.mask;
        loop {
            let (k, r) = *self.slots.get(i)?;
            if r == 0 {
                return None;
            }
            if k == key {
                return Some(r as usize - 1);
            }
            i = (i + 1) & self.mask;
        }
    }
}

impl Scorer for Model {
    fn score(&self, feats: &[u64], scores: &mut [f32; N_TAGS]) {
        let mut acc = [0i32; N_TAGS];
        for &f in feats {
            if let Some(row) = self.row(f) {
                accumulate(&mut acc, &self.weights[row * N_TAGS..(row + 1) * N_TAGS]);
            }
        }
        for (s, a) in scores.iter_mut().zip(acc) {
            *s += a as f32 * self.scale;
        }
    }
}

#[inline]
fn accumulate(acc: &mut [i32; N_TAGS], w: &[i16]) {
    for (a, &x) in acc.iter_mut().zip(w) {
        *a += i32::from(x);
    }
}

/// Normalized-form hashes of the lowercase words that open names.
fn name_particles() -> &'static [u64] {
    static P: OnceLock<Vec<u64>> = OnceLock::new();
    P.get_or_init(|| {
        [
            "van", "von", "de", "del", "della", "der", "den", "di", "da", "du", "des", "la", "le", "al", "el", "bin",
            "ibn", "ben", "abu", "ter", "ten", "dos", "das", "e", "y",
        ]
        .iter()
        .map(|w| tok_info(w).lw)
        .collect()
    })
}

/// Per-document decoding state: the labels given so far to each normalized word.
#[derive(Debug, Default)]
pub struct DocState {
    hist: IdMap<[u16; 4]>,
    feats: Vec<u64>,
}

impl DocState {
    /// A fresh state for a new document.
    pub fn new() -> Self {
        Self::default()
    }

    fn hist_of(&self, t: &TokInfo) -> u8 {
        if t.flags & super::features::F_INIT_CAP == 0 {
            return 0;
        }
        match self.hist.get(&t.lw) {
            Some(c) => {
                let (best, n) = c.iter().enumerate().max_by_key(|&(i, &n)| (n, std::cmp::Reverse(i))).expect("4");
                if *n == 0 {
                    0
                } else {
                    best as u8 + 1
                }
            }
            None => 0,
        }
    }

    /// Tags one sentence greedily. `toks` must have `case` and `gaz` filled. `visit(i, feats,
    /// best)` sees each token's features and the best allowed tag, and returns the tag to keep
    /// as history (training passes the prediction through; decoding too). Tags go to `out`.
    pub fn decode<S: Scorer>(
        &mut self,
        scorer: &S,
        toks: &[TokInfo],
        out: &mut Vec<u8>,
        visit: impl FnMut(usize, &[u64], u8) -> u8,
    ) {
        self.decode_inner(scorer, toks, out, false, visit);
    }

    /// Tags a sentence for use (not training): outside an entity, a lowercase word or a
    /// punctuation mark stays outside without scoring ("the", "said", ","), bar the particles
    /// that open names ("van Gogh", "al-Assad"). Most tokens of news are such.
    pub fn tag<S: Scorer>(&mut self, scorer: &S, toks: &[TokInfo], out: &mut Vec<u8>) {
        self.decode_inner(scorer, toks, out, true, |_, _, t| t);
    }

    fn decode_inner<S: Scorer>(
        &mut self,
        scorer: &S,
        toks: &[TokInfo],
        out: &mut Vec<u8>,
        shortcut: bool,
        mut visit: impl FnMut(usize, &[u64], u8) -> u8,
    ) {
        out.clear();
        let ctx = SentCtx { all_caps: sentence_all_caps(toks) };
        let (mut prev, mut prev2) = (0u8, 0u8);
        let n = toks.len();
        let particles = name_particles();
        for i in 0..n {
            if shortcut && prev == 0 && !ctx.all_caps {
                let f = toks[i].flags;
                let plain_word = f & F_LOWER != 0 && f & F_DIGIT == 0 && !particles.contains(&toks[i].lw);
                let punct = f & (F_ALPHA | F_DIGIT) == 0;
                if plain_word || punct {
                    out.push(0);
                    prev2 = prev;
                    prev = 0;
                    continue;
                }
            }
            let hist = self.hist_of(&toks[i]);
            self.feats.clear();
            features(toks, i, ctx, prev, prev2, hist, &mut self.feats);
            let mut scores = [0f32; N_TAGS];
            scorer.score(&self.feats, &mut scores);
            let last = i + 1 == n;
            let mut best = None::<(u8, f32)>;
            for (tag, &s) in scores.iter().enumerate() {
                let tag = tag as u8;
                if !allowed(prev, tag) || (last && !may_end(tag)) {
                    continue;
                }
                if best.is_none_or(|(_, b)| s > b) {
                    best = Some((tag, s));
                }
            }
            let best = best.map_or(0, |(t, _)| t);
            let tag = visit(i, &self.feats, best);
            out.push(tag);
            prev2 = prev;
            prev = tag;
        }
        for (t, &tag) in toks.iter().zip(out.iter()) {
            if let Some((label, _)) = split_tag(tag) {
                if t.flags & super::features::F_INIT_CAP != 0 {
                    let c = self.hist.entry(t.lw).or_default();
                    c[label as usize] = c[label as usize].saturating_add(1);
                }
            }
        }
    }
}
