//! Near-duplicate detection: MinHash over word shingles, and LSH bands.
//!
//! A text's words are its alphanumeric runs, lowercased; its shingles are the runs of
//! [`SHINGLE`] consecutive words (a text shorter than that is one shingle). Each shingle is
//! hashed once to 64 bits, and the [`SLOTS`] values come from one-permutation hashing with
//! optimal densification (see `minhash`): one pass over the words, no per-slot work per
//! shingle, so a 5 KB article takes microseconds. (Classic MinHash with 128 permutations
//! costs 128 multiplies per shingle, ~100 µs for 5 KB on x86-64 without SIMD multiplies.)
//!
//! Two fingerprints estimate the Jaccard similarity of the shingle sets as the share of equal
//! slots ([`similarity`]). [`band_keys`] cuts the fingerprint into [`BANDS`] bands of [`ROWS`]
//! slots; two texts share a band key with probability `1 - (1 - J^ROWS)^BANDS`:
//!
//! | Jaccard | 0.2 | 0.3 | 0.5 | 0.7 | 0.8 |
//! |---|---|---|---|---|---|
//! | P(candidate) | 0.8% | 5.9% | 55% | 99.0% | 99.99% |
//!
//! so wire copies (a changed headline, a paragraph added or cut: J well above 0.7) become
//! candidates and are then confirmed with [`similarity`], while different stories rarely do.

use crate::hash::mix64;

/// Words per shingle.
pub const SHINGLE: usize = 5;
/// MinHash slots (permutations).
pub const SLOTS: usize = 128;
/// LSH bands.
pub const BANDS: usize = 25;
/// Slots per band.
pub const ROWS: usize = 5;

/// One-permutation MinHash of a set of 64-bit hashes: the top bits of a hash choose its slot,
/// the low 32 bits are its value, each slot keeps its least value. Empty slots are then filled
/// by "optimal densification" (Shrivastava, 2017): slot `i` copies the value of the first
/// filled slot on its own fixed pseudo-random probe sequence, so two similar sets fill their
/// gaps alike and the share of equal slots still estimates the Jaccard similarity.
fn minhash(hashes: impl IntoIterator<Item = u64>) -> Vec<u32> {
    let mut mins = [u32::MAX; SLOTS];
    let mut filled = [false; SLOTS];
    for h in hashes {
        let slot = (h >> 57) as usize % SLOTS;
        let v = h as u32;
        filled[slot] = true;
        mins[slot] = mins[slot].min(v);
    }
    if filled.iter().all(|&f| !f) {
        return mins.to_vec();
    }
    let mut out = mins;
    for i in 0..SLOTS {
        if filled[i] {
            continue;
        }
        for attempt in 1u64.. {
            let j = (mix64(((i as u64) << 32) | attempt) % SLOTS as u64) as usize;
            if filled[j] {
                out[i] = mins[j];
                break;
            }
        }
    }
    out.to_vec()
}

/// Hash of one word, lowercased on the fly (no allocation).
#[inline]
fn word_hash(word: &str) -> u64 {
    // FNV-1a over the lowercased bytes, then mixed.
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for c in word.chars() {
        if c.is_ascii() {
            h = (h ^ u64::from(c.to_ascii_lowercase() as u8)).wrapping_mul(0x100_0000_01b3);
        } else {
            for l in c.to_lowercase() {
                h = (h ^ u64::from(u32::from(l))).wrapping_mul(0x100_0000_01b3);
            }
        }
    }
    mix64(h)
}

/// The shingle hashes of a text.
fn shingles(text: &str) -> Vec<u64> {
    let words: Vec<u64> = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(word_hash).collect();
    if words.is_empty() {
        return Vec::new();
    }
    if words.len() < SHINGLE {
        let h = words.iter().enumerate().fold(0u64, |acc, (i, w)| acc ^ w.rotate_left(13 * i as u32));
        return vec![mix64(h)];
    }
    words
        .windows(SHINGLE)
        .map(|w| {
            mix64(w[0] ^ w[1].rotate_left(13) ^ w[2].rotate_left(26) ^ w[3].rotate_left(39) ^ w[4].rotate_left(52))
        })
        .collect()
}

/// MinHash signature ([`SLOTS`] values) of the word shingles of `text`. An empty text (no
/// words) has every slot at `u32::MAX`.
pub fn fingerprint(text: &str) -> Vec<u32> {
    minhash(shingles(text))
}

/// Estimated Jaccard similarity of two fingerprints: the share of equal slots (0 when the
/// lengths differ, e.g. fingerprints of another version).
pub fn similarity(a: &[u32], b: &[u32]) -> f32 {
    if a.len() != b.len() || a.is_empty() {
        return 0.0;
    }
    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
    same as f32 / a.len() as f32
}

/// LSH band keys of a fingerprint ([`BANDS`] keys, the band index mixed in): two
/// near-duplicates share at least one key with high probability. Empty texts have none.
pub fn band_keys(fingerprint: &[u32]) -> Vec<u64> {
    if fingerprint.iter().all(|&v| v == u32::MAX) {
        return Vec::new();
    }
    fingerprint
        .chunks_exact(ROWS)
        .take(BANDS)
        .enumerate()
        .map(|(band, rows)| {
            let mut h = mix64(0x6c62_272e_07bb_0142 ^ band as u64);
            for &r in rows {
                h = mix64(h ^ u64::from(r));
            }
            h
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "The central bank of Oslandia raised its main interest rate by half a point on Tuesday, \
        the third increase this year, as prices of food and fuel kept climbing. Governor Ana Ruiz told \
        reporters in Oslograd that the bank would act again if inflation did not slow by the summer. \
        Economists had expected a smaller step. The currency rose against the euro after the decision, \
        and shares of the largest lenders fell. Exporters warned that a stronger currency would hurt \
        sales abroad, while unions welcomed the move as a defence of wages. The bank's board meets \
        again in six weeks, when it will publish new forecasts for growth and prices.";

    fn jaccard_exact(x: &str, y: &str) -> f32 {
        let a: std::collections::HashSet<u64> = shingles(x).into_iter().collect();
        let b: std::collections::HashSet<u64> = shingles(y).into_iter().collect();
        a.intersection(&b).count() as f32 / a.union(&b).count().max(1) as f32
    }

    #[test]
    fn wire_copies_are_near_duplicates() {
        let copy = format!("Oslandia raises rates again\n\n{STORY}\n\nReporting by the Kanal Sud business desk.");
        let shuffled_case = STORY.to_uppercase().replace(',', " ,");
        let other = "Heavy rain flooded the old town of Vestria on Sunday, closing schools and roads. The mayor \
            said the river had not risen so fast in forty years and asked residents of the lower streets to \
            leave their homes. Volunteers filled sandbags through the night while the army sent boats.";
        let same_topic = "Oslandia's central bank left its interest rate unchanged on Thursday, saying inflation \
            had begun to slow. Governor Ana Ruiz said the board saw no need to act before the autumn. \
            The currency fell slightly after the announcement and exporters welcomed the pause.";
        let fp = fingerprint(STORY);
        assert_eq!(fp.len(), SLOTS);
        let cases: &[(&str, f32, f32)] =
            &[(&copy, 0.75, 1.0), (&shuffled_case, 1.0, 1.0), (other, 0.0, 0.05), (same_topic, 0.0, 0.1)];
        for (text, lo, hi) in cases {
            let s = similarity(&fp, &fingerprint(text));
            let j = jaccard_exact(STORY, text);
            assert!(s >= *lo && s <= *hi, "similarity {s} (exact {j}) not in {lo}..{hi}: {text}");
            assert!((s - j).abs() < 0.15, "estimate {s} far from exact {j}");
        }
        let shared = |x: &str| {
            let k = band_keys(&fingerprint(x));
            band_keys(&fp).iter().filter(|b| k.contains(b)).count()
        };
        assert!(shared(&copy) > 0);
        assert_eq!(shared(other), 0);
        assert_eq!(band_keys(&fp).len(), BANDS);
    }

    #[test]
    fn small_and_empty_texts() {
        assert_eq!(fingerprint(""), vec![u32::MAX; SLOTS]);
        assert!(band_keys(&fingerprint(" ... ")).is_empty());
        assert_eq!(similarity(&fingerprint("Peskov said no"), &fingerprint("peskov SAID no!")), 1.0);
        assert!(similarity(&fingerprint("Peskov said no"), &fingerprint("Peskov said yes")) < 0.1);
        assert_eq!(similarity(&[1, 2], &[1, 2, 3]), 0.0);
        assert_eq!(band_keys(&fingerprint("Peskov said no")).len(), BANDS);
    }

    #[test]
    fn band_collision_rates_follow_the_curve() {
        // Synthetic sets with a known Jaccard: `n` shared shingles out of `total`.
        let rate = |j: f64| {
            let trials = 400;
            let mut hits = 0;
            for t in 0..trials {
                let total = 300u64;
                let shared = (total as f64 * 2.0 * j / (1.0 + j)).round() as u64;
                let base = t as u64 * 1_000_000;
                let x: Vec<u64> = (0..total).map(|i| mix64(base + i)).collect();
                let y: Vec<u64> = (0..shared).chain(total..2 * total - shared).map(|i| mix64(base + i)).collect();
                let sig = |s: &[u64]| minhash(s.iter().copied());
                let (kx, ky) = (band_keys(&sig(&x)), band_keys(&sig(&y)));
                if kx.iter().any(|k| ky.contains(k)) {
                    hits += 1;
                }
            }
            hits as f64 / trials as f64
        };
        assert!(rate(0.8) > 0.98, "0.8: {}", rate(0.8));
        assert!(rate(0.2) < 0.05, "0.2: {}", rate(0.2));
    }

    #[test]
    #[ignore = "timing; run with --release -- --ignored"]
    fn fingerprint_is_fast() {
        let text = STORY.repeat(8); // ~5 KB
        let t0 = std::time::Instant::now();
        let n = 2000;
        for _ in 0..n {
            std::hint::black_box(fingerprint(std::hint::black_box(&text)));
        }
        let per = t0.elapsed() / n;
        eprintln!("{} bytes: {per:?} per fingerprint", text.len());
        assert!(per.as_micros() < 100);
    }
}
