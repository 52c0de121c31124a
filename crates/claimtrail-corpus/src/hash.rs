//! Stable hashing: the same bytes give the same digest on every platform, Rust version and run.
//!
//! std's `DefaultHasher` is explicitly unstable across releases, so the store's keys (content
//! hashes, band keys) use this small hash instead: two 64-bit lanes with different seeds, each
//! absorbing 8-byte little-endian words with a multiply-rotate step (in the style of xxhash's
//! round), finished with the splitmix64 avalanche. It is not cryptographic; it only has to
//! spread news texts evenly and never change.

/// splitmix64's finalizer: a fast, well-mixing bijection on `u64`.
#[inline]
pub fn mix64(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

const P1: u64 = 0x9e37_79b1_85eb_ca87;
const P2: u64 = 0xc2b2_ae3d_27d4_eb4f;
const P3: u64 = 0x1656_67b1_9e37_79f9;

/// A streaming 128-bit hasher (two independent 64-bit lanes).
#[derive(Debug, Clone)]
pub struct Hasher128 {
    a: u64,
    b: u64,
    buf: u64,
    nbuf: u32,
    len: u64,
}

impl Default for Hasher128 {
    fn default() -> Self {
        Self::new()
    }
}

impl Hasher128 {
    /// A hasher with the fixed seeds.
    pub fn new() -> Self {
        Hasher128 { a: 0x243f_6a88_85a3_08d3, b: 0x1319_8a2e_0370_7344, buf: 0, nbuf: 0, len: 0 }
    }

    #[inline]
    fn round(&mut self, w: u64) {
        self.a = (self.a ^ w.wrapping_mul(P2)).rotate_left(31).wrapping_mul(P1);
        self.b = (self.b ^ w.wrapping_mul(P3)).rotate_left(27).wrapping_mul(P2).wrapping_add(self.a >> 17);
    }

    /// Absorbs one byte.
    #[inline]
    pub fn write_u8(&mut self, byte: u8) {
        self.buf |= u64::from(byte) << (8 * self.nbuf);
        self.nbuf += 1;
        self.len += 1;
        if self.nbuf == 8 {
            let w = self.buf;
            self.round(w);
            self.buf = 0;
            self.nbuf = 0;
        }
    }

    /// Absorbs bytes.
    pub fn write(&mut self, bytes: &[u8]) {
        let mut rest = bytes;
        while self.nbuf != 0 && !rest.is_empty() {
            self.write_u8(rest[0]);
            rest = &rest[1..];
        }
        let mut chunks = rest.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.round(w);
            self.len += 8;
        }
        for &byte in chunks.remainder() {
            self.write_u8(byte);
        }
    }

    /// The digest.
    pub fn finish128(&self) -> u128 {
        let mut h = self.clone();
        // The tail, with a marker byte so that "ab" and "ab\0" differ.
        let tail = h.buf | (0x80u64 << (8 * h.nbuf.min(7)));
        h.round(tail);
        let a = mix64(h.a ^ h.len.wrapping_mul(P3));
        let b = mix64(h.b ^ a ^ h.len);
        (u128::from(a) << 64) | u128::from(b)
    }
}

/// 128-bit digest of `bytes`.
pub fn hash128(bytes: &[u8]) -> u128 {
    let mut h = Hasher128::new();
    h.write(bytes);
    h.finish128()
}

/// 64-bit digest of `bytes`.
pub fn hash64(bytes: &[u8]) -> u64 {
    (hash128(bytes) >> 64) as u64
}

/// The idempotency key of an article: a 32-digit hex digest of its document id and its text
/// with whitespace runs collapsed to one space and the ends trimmed. The same id with the same
/// words is the same article, however its lines were wrapped; the same text under another id
/// (a wire copy on another site) is another article.
pub fn content_hash(id: &str, text: &str) -> String {
    let mut h = Hasher128::new();
    h.write(b"claimtrail.content/1\0");
    h.write(&(id.len() as u64).to_le_bytes());
    h.write(id.as_bytes());
    for (i, word) in text.split(char::is_whitespace).filter(|w| !w.is_empty()).enumerate() {
        if i > 0 {
            h.write_u8(b' ');
        }
        h.write(word.as_bytes());
    }
    format!("{:032x}", h.finish128())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streaming_equals_one_shot() {
        let data: Vec<u8> = (0..200u32).map(|i| (i * 37 % 251) as u8).collect();
        for split in [0, 1, 3, 7, 8, 9, 63, 64, 199, 200] {
            let mut h = Hasher128::new();
            h.write(&data[..split]);
            for &b in &data[split..] {
                h.write_u8(b);
            }
            assert_eq!(h.finish128(), hash128(&data), "split {split}");
        }
    }

    #[test]
    fn digests_are_stable() {
        // Fixed values: a change here changes every key in every existing store.
        assert_eq!(content_hash("a", "Peskov said no."), content_hash("a", "  Peskov\n said\tno. \n"));
        assert_eq!(format!("{:032x}", hash128(b"")).len(), 32);
        assert_eq!(hash128(b"claimtrail"), hash128(b"claimtrail"));
        assert_eq!(content_hash("x", "Hello world."), "44c9a1f43ef1d1a3d7e2e2179d108b13");
        assert_eq!(format!("{:032x}", hash128(b"claimtrail")), "cf993704209b0bebab3825fcf6b0e0ae");
    }

    #[test]
    fn distinct_inputs_distinct_digests() {
        let cases = [
            (("a", "Peskov said no."), ("b", "Peskov said no.")),
            (("a", "Peskov said no."), ("a", "Peskov said yes.")),
            (("ab", "c"), ("a", "bc")),
            (("a", "x y"), ("a", "xy")),
        ];
        for (x, y) in cases {
            assert_ne!(content_hash(x.0, x.1), content_hash(y.0, y.1), "{x:?} {y:?}");
        }
        assert_ne!(hash128(b"ab"), hash128(b"ab\0"));
        let mut seen = std::collections::HashSet::new();
        for i in 0..10_000u32 {
            assert!(seen.insert(hash64(&i.to_le_bytes())));
        }
    }
}
