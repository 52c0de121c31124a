//! A binary averaged perceptron over hashed features: is this word part of an attribution cue?
//!
//! Trained on PolNeAR train by `claimtrail_eval::polnear::train_cue_model` (see
//! [`train`]); the weights ship as `models/attr_cue.bin`: a little-endian list of
//! `(u32 feature index, f32 weight)` pairs for the non-zero weights.

/// Number of hash bits of a feature index.
pub const BITS: u32 = 18;
const SIZE: usize = 1 << BITS;

/// Weights of the cue classifier.
#[derive(Debug, Clone)]
pub struct CueModel {
    weights: Vec<f32>,
}

impl CueModel {
    /// Reads a model from its byte form; a short or empty input gives an all-zero model.
    pub fn from_bytes(bytes: &[u8]) -> Self {
        let mut weights = vec![0.0f32; SIZE];
        for rec in bytes.chunks_exact(8) {
            let idx = u32::from_le_bytes([rec[0], rec[1], rec[2], rec[3]]) as usize;
            let w = f32::from_le_bytes([rec[4], rec[5], rec[6], rec[7]]);
            if idx < SIZE {
                weights[idx] = w;
            }
        }
        Self { weights }
    }

    /// The byte form: non-zero weights as `(index, weight)` pairs.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        for (i, &w) in self.weights.iter().enumerate() {
            if w != 0.0 {
                out.extend_from_slice(&(i as u32).to_le_bytes());
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        out
    }

    /// The English bundle's model.
    pub fn embedded() -> &'static CueModel {
        crate::language::ENGLISH.cue_model()
    }

    /// True when every weight is zero (no model trained).
    pub fn is_empty(&self) -> bool {
        self.weights.iter().all(|&w| w == 0.0)
    }

    /// Score of a feature set (positive: a cue word).
    #[inline]
    pub fn score(&self, feats: &[u32]) -> f32 {
        feats.iter().map(|&f| self.weights[f as usize & (SIZE - 1)]).sum()
    }
}

/// Hashes a feature: template number and up to two string parts (FNV-1a).
#[inline]
pub fn feature(template: u8, a: &str, b: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    let mut eat = |x: u8| {
        h ^= u32::from(x);
        h = h.wrapping_mul(0x0100_0193);
    };
    eat(template);
    for &x in a.as_bytes() {
        eat(x);
    }
    eat(0xff);
    for &x in b.as_bytes() {
        eat(x);
    }
    h & (SIZE as u32 - 1)
}

/// Averaged weights smaller than this are dropped (they hardly change a decision and would
/// only grow the shipped file).
const PRUNE: f32 = 1.0;

/// Trains an averaged perceptron on `(features, is_cue)` examples for `epochs` passes, in a
/// fixed shuffled order (deterministic).
pub fn train(examples: &[(Vec<u32>, bool)], epochs: usize) -> CueModel {
    let mut w = vec![0.0f32; SIZE];
    let mut u = vec![0.0f32; SIZE];
    let mut c = 1.0f32;
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut seed = 0x2545_f491_u64;
    for _ in 0..epochs {
        // Fisher-Yates with xorshift
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        for &k in &order {
            let (f, y) = &examples[k];
            let s: f32 = f.iter().map(|&i| w[i as usize]).sum();
            let pred = s > 0.0;
            if pred != *y {
                let d = if *y { 1.0 } else { -1.0 };
                for &i in f {
                    w[i as usize] += d;
                    u[i as usize] += c * d;
                }
            }
            c += 1.0;
        }
    }
    let weights = w.iter().zip(&u).map(|(&w, &u)| w - u / c).map(|x| if x.abs() < PRUNE { 0.0 } else { x }).collect();
    CueModel { weights }
}
