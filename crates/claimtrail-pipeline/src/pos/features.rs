//! Feature extraction for the POS tagger: the NER's per-token hashes ([`TokInfo`]) combined in
//! templates of its own (word, affixes, shape and case of the token, words and suffixes of its
//! neighbours, the two tags already given to its left). Nothing is allocated per token.

use crate::entities::features::{fh, mix, TokInfo, F_ALL_CAP, F_ALPHA, F_DIGIT, F_INIT_CAP};

// Template ids (a hash space of their own: the POS model is a separate table).
const T_BIAS: u32 = 1;
const T_W: u32 = 2;
const T_LW: u32 = 3;
const T_PRE: u32 = 4; // ..=7
const T_SUF: u32 = 8; // ..=11
const T_SHAPE: u32 = 12;
const T_FLAGS: u32 = 13;
const T_LWM1: u32 = 14;
const T_LWP1: u32 = 15;
const T_LWM2: u32 = 16;
const T_LWP2: u32 = 17;
const T_BI_M: u32 = 18;
const T_BI_P: u32 = 19;
const T_SUFM1: u32 = 20;
const T_SUFP1: u32 = 21;
const T_SHM1: u32 = 22;
const T_SHP1: u32 = 23;
const T_PREV: u32 = 24;
const T_PREV2: u32 = 25;
const T_PREV_LW: u32 = 26;
const T_PREV_SUF: u32 = 27;
const T_PREV_LWP1: u32 = 28;
const T_CASE: u32 = 29;
const T_AROUND: u32 = 30;
const T_FIRST_LW: u32 = 31;
const T_SUF2M1: u32 = 32;
const T_LEN: u32 = 33;
const T_LW_SUFP1: u32 = 34;
const T_TRI_P: u32 = 35;
const T_PREV_SH: u32 = 36;
const T_SUF_SHP1: u32 = 37;
const T_GAZ: u32 = 38;

/// Sentinel hashes for positions outside the sentence.
const PAD: u64 = 0x5eed_0000_0000_0002;

/// True when token `i` opens its sentence (or follows only an opening punctuation mark).
fn sentence_initial(toks: &[TokInfo], i: usize) -> bool {
    i == 0 || (i == 1 && toks[0].flags & (F_ALPHA | F_DIGIT) == 0)
}

/// Appends the feature hashes of token `i` to `out`; `prev`/`prev2` are the tags (index + 1)
/// already given to tokens `i-1` and `i-2`, 0 outside the sentence.
pub fn features(toks: &[TokInfo], i: usize, prev: u8, prev2: u8, out: &mut Vec<u64>) {
    let t = &toks[i];
    let get = |j: isize| -> Option<&TokInfo> {
        let k = i as isize + j;
        (k >= 0 && (k as usize) < toks.len()).then(|| &toks[k as usize])
    };
    let lw = |j: isize| get(j).map_or(PAD ^ j as u64, |t| t.lw);
    let sh = |j: isize| get(j).map_or(PAD ^ j as u64, |t| t.shape);
    // Suffix of `k + 1` chars, or the whole word when shorter.
    let suf = |j: isize, k: usize| get(j).map_or(PAD ^ j as u64, |t| if (k as u8) < t.len { t.suf[k] } else { t.lw });
    let first = sentence_initial(toks, i);
    let (p, p2) = (u64::from(prev), u64::from(prev2));

    out.push(fh(T_BIAS, 0, 0));
    out.push(fh(T_W, t.w, 0));
    out.push(fh(T_LW, t.lw, 0));
    for k in 0..4 {
        if (k as u8) < t.len {
            out.push(fh(T_PRE + k as u32, t.pre[k], 0));
            out.push(fh(T_SUF + k as u32, t.suf[k], 0));
        }
    }
    out.push(fh(T_SHAPE, t.shape, u64::from(first)));
    out.push(fh(T_FLAGS, u64::from(t.flags), u64::from(first)));
    out.push(fh(T_LEN, u64::from(t.len), u64::from(t.flags & F_INIT_CAP)));
    out.push(fh(T_LWM1, lw(-1), 0));
    out.push(fh(T_LWP1, lw(1), 0));
    out.push(fh(T_LWM2, lw(-2), 0));
    out.push(fh(T_LWP2, lw(2), 0));
    out.push(fh(T_BI_M, lw(-1), t.lw));
    out.push(fh(T_BI_P, t.lw, lw(1)));
    out.push(fh(T_AROUND, lw(-1), lw(1)));
    out.push(fh(T_SUFM1, suf(-1, 2), 0));
    out.push(fh(T_SUF2M1, suf(-1, 1), p));
    out.push(fh(T_SUFP1, suf(1, 2), 0));
    out.push(fh(T_SHM1, sh(-1), 0));
    out.push(fh(T_SHP1, sh(1), t.shape));
    out.push(fh(T_PREV, p, 0));
    out.push(fh(T_PREV2, p2, p));
    out.push(fh(T_PREV_LW, p, t.lw));
    out.push(fh(T_PREV_SUF, p, suf(0, 2)));
    out.push(fh(T_PREV_LWP1, p, lw(1)));
    // Case statistics (how often the word is written in lowercase mid-sentence) against the
    // token's own capitalization: PROPN against NOUN/ADJ at the sentence start and in headlines.
    let caps = u64::from(t.flags & (F_INIT_CAP | F_ALL_CAP));
    out.push(fh(T_CASE, mix(u64::from(t.case) << 8 | caps), u64::from(first)));
    if first {
        out.push(fh(T_FIRST_LW, t.lw, 0));
    }
    if t.gaz[0] != 0 {
        out.push(fh(T_GAZ, u64::from(t.gaz[0]), caps));
    }
    out.push(fh(T_LW_SUFP1, t.lw, suf(1, 2)));
    out.push(fh(T_TRI_P, lw(1), lw(2)));
    out.push(fh(T_PREV_SH, p, t.shape));
    out.push(fh(T_SUF_SHP1, suf(0, 2), sh(1)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::features::tok_info;

    #[test]
    fn features_depend_on_context_and_history() {
        let toks: Vec<TokInfo> = ["The", "talks", "ended", "."].iter().map(|w| tok_info(w)).collect();
        let mut a = Vec::new();
        features(&toks, 1, 6, 0, &mut a);
        let mut b = Vec::new();
        features(&toks, 1, 6, 0, &mut b);
        assert_eq!(a, b, "deterministic");
        let mut c = Vec::new();
        features(&toks, 1, 8, 0, &mut c);
        assert_ne!(a, c, "the previous tag is a feature");
        // Out-of-sentence neighbours hash to fixed sentinels, not to a word.
        let mut first = Vec::new();
        features(&toks, 0, 0, 0, &mut first);
        let mut last = Vec::new();
        features(&toks, 3, 13, 16, &mut last);
        assert!(first.len() > 25 && last.len() > 25);
        assert!(sentence_initial(&toks, 0) && !sentence_initial(&toks, 1));
        let quoted: Vec<TokInfo> = ["\"", "Yes", "."].iter().map(|w| tok_info(w)).collect();
        assert!(sentence_initial(&quoted, 1));
    }
}
