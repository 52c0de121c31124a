//! Feature extraction for the NER tagger.
//!
//! Every feature is a `u64` hash of a template id and one or more per-token hashes computed once
//! per token ([`TokInfo`]), so extracting the ~50 features of a token allocates nothing. The
//! tagger looks the hashes up in the model's table; unseen features weigh nothing.

use super::gazetteer::Gazetteers;

/// Tags in BILOU over PER/ORG/LOC/MISC: 0 is `O`, `1 + 4 * label + pos` with pos B, I, L, U.
pub const N_TAGS: usize = 17;

/// Position inside an entity.
pub const POS_B: u8 = 0;
/// Inside.
pub const POS_I: u8 = 1;
/// Last.
pub const POS_L: u8 = 2;
/// Unit (single token).
pub const POS_U: u8 = 3;

/// The tag of `label` (0..4) at `pos`.
#[inline]
pub fn tag_of(label: u8, pos: u8) -> u8 {
    1 + 4 * label + pos
}

/// `(label, pos)` of a non-`O` tag.
#[inline]
pub fn split_tag(tag: u8) -> Option<(u8, u8)> {
    (tag != 0).then(|| ((tag - 1) / 4, (tag - 1) % 4))
}

/// True when `tag` may follow `prev` in BILOU (`prev` 0 at sentence start).
#[inline]
pub fn allowed(prev: u8, tag: u8) -> bool {
    let open = split_tag(prev).filter(|&(_, p)| p == POS_B || p == POS_I);
    match (open, split_tag(tag)) {
        (Some((l, _)), Some((l2, p))) => l == l2 && (p == POS_I || p == POS_L),
        (Some(_), None) => false,
        (None, Some((_, p))) => p == POS_B || p == POS_U,
        (None, None) => true,
    }
}

/// True when `tag` may end a sentence.
#[inline]
pub fn may_end(tag: u8) -> bool {
    !matches!(split_tag(tag), Some((_, POS_B)) | Some((_, POS_I)))
}

const K0: u64 = 0x9E37_79B9_7F4A_7C15;

/// A strong 64-bit mixer (splitmix64 finalizer).
#[inline]
pub fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(K0);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// Hash of a feature: a template id and two values.
#[inline]
pub fn fh(template: u32, a: u64, b: u64) -> u64 {
    mix(mix(u64::from(template) ^ a.rotate_left(23)) ^ b)
}

/// Incremental hash over chars.
#[derive(Clone, Copy)]
pub struct CharHash(u64);

impl CharHash {
    /// Empty.
    #[inline]
    pub fn new() -> Self {
        CharHash(0xCBF2_9CE4_8422_2325)
    }
    /// Adds a char.
    #[inline]
    pub fn push(&mut self, c: char) {
        self.0 = (self.0 ^ u64::from(c as u32)).wrapping_mul(0x0000_0100_0000_01B3);
    }
    /// The hash.
    #[inline]
    pub fn finish(self) -> u64 {
        mix(self.0)
    }
}

impl Default for CharHash {
    fn default() -> Self {
        Self::new()
    }
}

/// Lowercases a char to one char (the first of its lowercase mapping); digits become `0`, curly
/// quotes and apostrophes their straight forms, dashes `-` (CoNLL text is ASCII).
#[inline]
pub fn norm_char(c: char) -> char {
    if c.is_ascii() {
        if c.is_ascii_digit() {
            '0'
        } else {
            c.to_ascii_lowercase()
        }
    } else if c.is_numeric() {
        '0'
    } else {
        match c {
            '“' | '”' | '„' | '‟' | '«' | '»' => '"',
            '‘' | '’' | '‚' | '‛' | 'ʼ' => '\'',
            '—' | '–' | '‒' | '―' => '-',
            _ => c.to_lowercase().next().unwrap_or(c),
        }
    }
}

/// Hash of the normalized (lowercased, digits as `0`) form of a word.
pub fn lower_hash(word: &str) -> u64 {
    let mut h = CharHash::new();
    for c in word.chars() {
        h.push(norm_char(c));
    }
    h.finish()
}

/// Hash of a sequence of normalized-word hashes (for multi-token gazetteer entries).
#[inline]
pub fn seq_hash(prev: u64, next: u64) -> u64 {
    mix(prev.rotate_left(7) ^ next)
}

/// Capitalization flags.
pub const F_INIT_CAP: u8 = 1;
/// All letters uppercase (and at least one letter).
pub const F_ALL_CAP: u8 = 2;
/// Has a digit.
pub const F_DIGIT: u8 = 4;
/// All letters lowercase (and at least one letter).
pub const F_LOWER: u8 = 8;
/// Has a letter.
pub const F_ALPHA: u8 = 16;

/// What the tagger needs of one token, computed once.
#[derive(Clone, Copy, Default, Debug)]
pub struct TokInfo {
    /// Exact form.
    pub w: u64,
    /// Normalized form.
    pub lw: u64,
    /// Collapsed shape (`Xx`, `X.X.`, `d-d`).
    pub shape: u64,
    /// Prefixes of 1..=4 normalized chars (0 when the word is shorter).
    pub pre: [u64; 4],
    /// Suffixes of 1..=4 normalized chars.
    pub suf: [u64; 4],
    /// `F_*` flags.
    pub flags: u8,
    /// Case statistics bucket of the normalized form (0 unknown).
    pub case: u8,
    /// Gazetteer features: per gazetteer, position (`1 + POS_*`) of the longest match, 0 none.
    pub gaz: [u8; 4],
    /// Length in chars, capped at 15.
    pub len: u8,
}

/// Computes the [`TokInfo`] of a word, except `case` and `gaz`.
pub fn tok_info(word: &str) -> TokInfo {
    let mut w = CharHash::new();
    let mut lw = CharHash::new();
    let mut shape = CharHash::new();
    let mut last_class = '\0';
    let (mut upper, mut lower, mut digit, mut n) = (0usize, 0usize, 0usize, 0usize);
    let mut pre = [0u64; 4];
    // Ring of the last 4 normalized chars for suffixes.
    let mut ring = ['\0'; 4];
    for (i, c) in word.chars().enumerate() {
        w.push(c);
        let nc = norm_char(c);
        lw.push(nc);
        if i < 4 {
            pre[i] = lw.finish();
        }
        ring[i % 4] = nc;
        let class = if c.is_uppercase() {
            upper += 1;
            'X'
        } else if c.is_lowercase() {
            lower += 1;
            'x'
        } else if c.is_numeric() {
            digit += 1;
            'd'
        } else if c.is_alphabetic() {
            lower += 1;
            'x'
        } else if c.is_ascii() {
            c
        } else {
            '*'
        };
        if class != last_class {
            shape.push(class);
            last_class = class;
        }
        n += 1;
    }
    let mut suf = [0u64; 4];
    for (k, s) in suf.iter_mut().enumerate() {
        if k < n {
            let mut h = CharHash::new();
            for j in (0..=k).rev() {
                h.push(ring[(n - 1 - j) % 4]);
            }
            *s = h.finish();
        }
    }
    let first_upper = word.chars().next().is_some_and(char::is_uppercase);
    let mut flags = 0;
    if first_upper {
        flags |= F_INIT_CAP;
    }
    if upper > 0 && lower == 0 {
        flags |= F_ALL_CAP;
    }
    if digit > 0 {
        flags |= F_DIGIT;
    }
    if lower > 0 && upper == 0 {
        flags |= F_LOWER;
    }
    if upper + lower > 0 {
        flags |= F_ALPHA;
    }
    TokInfo {
        w: w.finish(),
        lw: lw.finish(),
        shape: shape.finish(),
        pre,
        suf,
        flags,
        case: 0,
        gaz: [0; 4],
        len: n.min(15) as u8,
    }
}

/// Sentence-level context.
#[derive(Clone, Copy, Default, Debug)]
pub struct SentCtx {
    /// The sentence is written in capitals (a headline).
    pub all_caps: bool,
}

/// True when a sentence of these tokens is a capitalized headline.
pub fn sentence_all_caps(toks: &[TokInfo]) -> bool {
    let mut caps = 0;
    for t in toks {
        if t.flags & F_ALPHA != 0 {
            if t.flags & F_ALL_CAP == 0 {
                return false;
            }
            if t.len >= 2 {
                caps += 1;
            }
        }
    }
    caps >= 2
}

/// Fills `toks[..].gaz` from the gazetteers: for each gazetteer, the longest match starting at
/// each capitalized token that is not inside an earlier match of the same gazetteer.
pub fn mark_gazetteers(toks: &mut [TokInfo], gaz: &Gazetteers) {
    let n = toks.len();
    let mut covered_until = [0usize; 4];
    for i in 0..n {
        if toks[i].flags & F_INIT_CAP == 0 {
            continue;
        }
        let mut best = [0usize; 4];
        let mut h = 0u64;
        for len in 1..=gaz.max_len.min(n - i) {
            let t = &toks[i + len - 1];
            h = if len == 1 { t.lw } else { seq_hash(h, t.lw) };
            if let Some(&bits) = gaz.lower.get(&h) {
                for (g, b) in best.iter_mut().enumerate() {
                    if bits & (1 << g) != 0 {
                        *b = len;
                    }
                }
            }
        }
        for g in 0..4 {
            let len = best[g];
            if len == 0 || i < covered_until[g] {
                continue;
            }
            for (k, t) in toks[i..i + len].iter_mut().enumerate() {
                let pos = if len == 1 {
                    POS_U
                } else if k == 0 {
                    POS_B
                } else if k + 1 == len {
                    POS_L
                } else {
                    POS_I
                };
                t.gaz[g] = pos + 1;
            }
            covered_until[g] = i + len;
        }
    }
}

// Template ids.
const T_BIAS: u32 = 1;
const T_W: u32 = 2;
const T_LW: u32 = 3;
const T_LWM1: u32 = 4;
const T_LWP1: u32 = 5;
const T_LWM2: u32 = 6;
const T_LWP2: u32 = 7;
const T_BI_M: u32 = 8;
const T_BI_P: u32 = 9;
const T_SH: u32 = 10;
const T_SHM1: u32 = 11;
const T_SHP1: u32 = 12;
const T_SH_M: u32 = 13;
const T_SH_P: u32 = 14;
const T_SH3: u32 = 15;
const T_PRE: u32 = 16;
const T_SUF: u32 = 20;
const T_PREV: u32 = 24;
const T_PREV2: u32 = 25;
const T_PREV_LW: u32 = 26;
const T_PREV_SH: u32 = 27;
const T_FIRST_LW: u32 = 28;
const T_FIRST_SH: u32 = 29;
const T_CAPS_SH: u32 = 30;
const T_CAPS_PREV: u32 = 31;
const T_CASE: u32 = 32;
const T_CASE_M1: u32 = 33;
const T_CASE_P1: u32 = 34;
const T_GAZ: u32 = 35;
const T_GAZ_M1: u32 = 36;
const T_GAZ_P1: u32 = 37;
const T_FLAGS: u32 = 38;
const T_WM1: u32 = 39;
const T_WP1: u32 = 40;
const T_HIST: u32 = 41;
const T_HIST_SH: u32 = 42;
const T_LEN: u32 = 43;
const T_CAPS_LW: u32 = 44;
const T_CASE_SH: u32 = 45;
const T_SHM2: u32 = 46;
const T_SHP2: u32 = 47;
const T_TRI_P: u32 = 48;
const T_PREV_LWM1: u32 = 49;

/// Sentinel hashes for positions outside the sentence.
const PAD: u64 = 0x5eed_0000_0000_0001;

/// Appends the feature hashes of token `i` to `out`. `prev`/`prev2` are the tags already given
/// to tokens `i-1` and `i-2` (0 outside the sentence); `hist` is the label (1 + type) most
/// often given earlier in the document to this token's normalized form, 0 when none.
#[allow(clippy::too_many_arguments)]
pub fn features(toks: &[TokInfo], i: usize, ctx: SentCtx, prev: u8, prev2: u8, hist: u8, out: &mut Vec<u64>) {
    let t = &toks[i];
    let get = |j: isize| -> Option<&TokInfo> {
        let k = i as isize + j;
        (k >= 0 && (k as usize) < toks.len()).then(|| &toks[k as usize])
    };
    let lw = |j: isize| get(j).map_or(PAD ^ j as u64, |t| t.lw);
    let sh = |j: isize| get(j).map_or(PAD ^ j as u64, |t| t.shape);
    let caps = u64::from(ctx.all_caps);
    let first = i == 0 || (i == 1 && toks[0].flags & F_ALPHA == 0 && toks[0].flags & F_DIGIT == 0);

    out.push(fh(T_BIAS, 0, 0));
    out.push(fh(T_W, t.w, 0));
    out.push(fh(T_LW, t.lw, 0));
    out.push(fh(T_LWM1, lw(-1), 0));
    out.push(fh(T_LWP1, lw(1), 0));
    out.push(fh(T_LWM2, lw(-2), 0));
    out.push(fh(T_LWP2, lw(2), 0));
    out.push(fh(T_BI_M, lw(-1), t.lw));
    out.push(fh(T_BI_P, t.lw, lw(1)));
    out.push(fh(T_SH, t.shape, caps));
    out.push(fh(T_SHM1, sh(-1), caps));
    out.push(fh(T_SHP1, sh(1), caps));
    out.push(fh(T_SH_M, sh(-1), t.shape));
    out.push(fh(T_SH_P, t.shape, sh(1)));
    out.push(fh(T_SH3, mix(sh(-1) ^ t.shape.rotate_left(11)), sh(1)));
    for k in 0..4 {
        if t.pre[k] != 0 && (k as u8) < t.len {
            out.push(fh(T_PRE + k as u32, t.pre[k], 0));
        }
        if t.suf[k] != 0 && (k as u8) < t.len {
            out.push(fh(T_SUF + k as u32, t.suf[k], 0));
        }
    }
    out.push(fh(T_PREV, u64::from(prev), 0));
    out.push(fh(T_PREV2, u64::from(prev2), u64::from(prev)));
    out.push(fh(T_PREV_LW, u64::from(prev), t.lw));
    out.push(fh(T_PREV_SH, u64::from(prev), t.shape));
    out.push(fh(T_FLAGS, u64::from(t.flags), u64::from(first) | caps << 1));
    out.push(fh(T_LEN, u64::from(t.len), u64::from(t.flags & F_INIT_CAP)));
    if first {
        out.push(fh(T_FIRST_LW, t.lw, 0));
        out.push(fh(T_FIRST_SH, t.shape, 0));
    } else {
        out.push(fh(T_WM1, get(-1).map_or(PAD, |t| t.w), 0));
    }
    out.push(fh(T_WP1, get(1).map_or(PAD, |t| t.w), 0));
    out.push(fh(T_SHM2, sh(-2), sh(-1)));
    out.push(fh(T_SHP2, sh(1), sh(2)));
    out.push(fh(T_TRI_P, lw(1), lw(2)));
    out.push(fh(T_PREV_LWM1, u64::from(prev), lw(-1)));
    if ctx.all_caps {
        out.push(fh(T_CAPS_SH, t.shape, 0));
        out.push(fh(T_CAPS_PREV, u64::from(prev), 0));
        out.push(fh(T_CAPS_LW, t.lw, 0));
    }
    let flags_case = |t: &TokInfo| u64::from(t.case) << 8 | u64::from(t.flags & (F_INIT_CAP | F_ALL_CAP));
    out.push(fh(T_CASE, flags_case(t), u64::from(first) | caps << 1));
    out.push(fh(T_CASE_SH, u64::from(t.case), t.shape));
    out.push(fh(T_CASE_M1, get(-1).map_or(PAD, flags_case), 0));
    out.push(fh(T_CASE_P1, get(1).map_or(PAD, flags_case), 0));
    for g in 0..4 {
        if t.gaz[g] != 0 {
            out.push(fh(T_GAZ, g as u64, u64::from(t.gaz[g])));
        }
        if let Some(p) = get(-1).filter(|p| p.gaz[g] != 0) {
            out.push(fh(T_GAZ_M1, g as u64, u64::from(p.gaz[g])));
        }
        if let Some(p) = get(1).filter(|p| p.gaz[g] != 0) {
            out.push(fh(T_GAZ_P1, g as u64, u64::from(p.gaz[g])));
        }
    }
    if hist != 0 {
        out.push(fh(T_HIST, u64::from(hist), 0));
        out.push(fh(T_HIST_SH, u64::from(hist), t.shape));
    }
}

/// Case statistics bucket: how often a normalized form is written in lowercase, given counts of
/// lowercase and capitalized (not sentence-initial) occurrences.
pub fn case_bucket(lower: u32, capital: u32) -> u8 {
    let total = lower + capital;
    if total < 2 {
        return 0;
    }
    let r = f64::from(lower) / f64::from(total);
    match r {
        r if r < 0.02 => 1,
        r if r < 0.3 => 2,
        r if r < 0.7 => 3,
        r if r < 0.98 => 4,
        _ => 5,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bilou_transitions() {
        let b_per = tag_of(0, POS_B);
        let i_per = tag_of(0, POS_I);
        let l_per = tag_of(0, POS_L);
        let u_loc = tag_of(2, POS_U);
        let l_org = tag_of(1, POS_L);
        let cases = [
            (0, b_per, true),
            (0, i_per, false),
            (b_per, i_per, true),
            (b_per, l_per, true),
            (b_per, 0, false),
            (b_per, l_org, false),
            (l_per, u_loc, true),
            (u_loc, 0, true),
            (i_per, u_loc, false),
        ];
        for (prev, tag, ok) in cases {
            assert_eq!(allowed(prev, tag), ok, "{prev} -> {tag}");
        }
        assert!(may_end(l_per) && may_end(0) && !may_end(b_per));
    }

    #[test]
    fn token_info_flags_and_shape() {
        let cases = [
            ("Moscow", F_INIT_CAP | F_ALPHA, "Xx"),
            ("NATO", F_INIT_CAP | F_ALL_CAP | F_ALPHA, "X"),
            ("said", F_LOWER | F_ALPHA, "x"),
            ("1996", F_DIGIT, "d"),
            ("U.S.", F_INIT_CAP | F_ALL_CAP | F_ALPHA, "X.X."),
        ];
        for (w, flags, shape) in cases {
            let t = tok_info(w);
            assert_eq!(t.flags, flags, "{w}");
            let mut h = CharHash::new();
            shape.chars().for_each(|c| h.push(c));
            assert_eq!(t.shape, h.finish(), "{w}");
        }
        assert_eq!(tok_info("Moscow").lw, tok_info("MOSCOW").lw);
        assert_eq!(tok_info("Moscow").suf[2], tok_info("Dacow").suf[2]);
        assert_ne!(tok_info("Moscow").suf[3], tok_info("Dacow").suf[3]);
        assert_eq!(tok_info("Moscow").pre[1], tok_info("mostly").pre[1]);
        assert_eq!(tok_info("é").len, 1);
        assert_eq!(tok_info("’s").lw, tok_info("'s").lw);
        assert_eq!(tok_info("“").lw, tok_info("\"").lw);
    }
}
