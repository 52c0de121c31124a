//! Spans into an article's original text, and the per-language [`analyzer`].
//!
//! Every layer in claimtrail points into the *original* text of a document with a
//! [`TextRange`]: a half-open byte range `start..end` that always lies on UTF-8 character
//! boundaries. The JSON contract speaks in character offsets (Unicode scalar values, like
//! Python string indices); [`CharMap`] converts at the edge.
//!
//! ```
//! use claimtrail_text::{CharMap, TextRange};
//! let text = "“No,” said Peskov.";
//! let r = TextRange::new(15, 21);
//! assert_eq!(&text[r], "Peskov");
//! let map = CharMap::new(text);
//! assert_eq!(map.char_range(r), (11, 17));
//! ```
#![deny(missing_docs)]

pub mod analyzer;

use std::fmt;
use std::ops::{Index, Range};

/// A half-open byte range `start..end` into a text. `start <= end` always holds.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, serde::Serialize, serde::Deserialize)]
pub struct TextRange {
    start: u32,
    end: u32,
}

impl TextRange {
    /// A new range.
    ///
    /// # Panics
    /// When `start > end`.
    #[inline]
    pub fn new(start: u32, end: u32) -> Self {
        assert!(start <= end, "TextRange start {start} > end {end}");
        Self { start, end }
    }

    /// A range from `usize` offsets.
    ///
    /// # Panics
    /// When `start > end` or an offset does not fit in `u32`.
    #[inline]
    pub fn from_usize(start: usize, end: usize) -> Self {
        Self::new(u32::try_from(start).expect("offset fits in u32"), u32::try_from(end).expect("offset fits in u32"))
    }

    /// An empty range at `offset`.
    #[inline]
    pub fn empty(offset: u32) -> Self {
        Self::new(offset, offset)
    }

    /// Start byte offset.
    #[inline]
    pub fn start(self) -> u32 {
        self.start
    }

    /// End byte offset (exclusive).
    #[inline]
    pub fn end(self) -> u32 {
        self.end
    }

    /// Length in bytes.
    #[inline]
    pub fn len(self) -> u32 {
        self.end - self.start
    }

    /// True when the range is empty.
    #[inline]
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// As a `usize` range, for slicing.
    #[inline]
    pub fn as_usize(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// True when `offset` lies inside the range.
    #[inline]
    pub fn contains(self, offset: u32) -> bool {
        self.start <= offset && offset < self.end
    }

    /// True when `other` lies completely inside `self`.
    #[inline]
    pub fn contains_range(self, other: TextRange) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two ranges share at least one byte.
    #[inline]
    pub fn overlaps(self, other: TextRange) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest range covering both.
    #[inline]
    pub fn cover(self, other: TextRange) -> TextRange {
        TextRange::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The shared part of two ranges, if any.
    #[inline]
    pub fn intersect(self, other: TextRange) -> Option<TextRange> {
        let s = self.start.max(other.start);
        let e = self.end.min(other.end);
        (s <= e).then(|| TextRange::new(s, e))
    }
}

impl fmt::Debug for TextRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl fmt::Display for TextRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl Index<TextRange> for str {
    type Output = str;
    #[inline]
    fn index(&self, r: TextRange) -> &str {
        &self[r.as_usize()]
    }
}

impl From<Range<usize>> for TextRange {
    fn from(r: Range<usize>) -> Self {
        TextRange::from_usize(r.start, r.end)
    }
}

/// Something that has a range in the text.
pub trait Ranged {
    /// The item's range.
    fn range(&self) -> TextRange;
    /// Start byte offset.
    fn start(&self) -> u32 {
        self.range().start()
    }
    /// End byte offset.
    fn end(&self) -> u32 {
        self.range().end()
    }
}

impl Ranged for TextRange {
    fn range(&self) -> TextRange {
        *self
    }
}

/// Converts byte offsets to character (Unicode scalar) offsets and back.
///
/// Built once per document in O(n); lookups are O(log k) where k is the number of
/// non-ASCII characters (ASCII-only text converts in O(1)).
#[derive(Debug, Clone)]
pub struct CharMap {
    /// Byte offsets of every non-ASCII character, with the char index of it.
    wide: Vec<(u32, u32, u32)>, // (byte offset, char index, byte len)
    len_bytes: u32,
    len_chars: u32,
}

impl CharMap {
    /// Builds the map for `text`.
    pub fn new(text: &str) -> Self {
        let mut wide = Vec::new();
        let mut chars = 0u32;
        for (b, c) in text.char_indices() {
            if !c.is_ascii() {
                wide.push((b as u32, chars, c.len_utf8() as u32));
            }
            chars += 1;
        }
        Self { wide, len_bytes: text.len() as u32, len_chars: chars }
    }

    /// Character offset of byte offset `byte` (which must be on a char boundary).
    pub fn char_offset(&self, byte: u32) -> u32 {
        if byte >= self.len_bytes {
            return self.len_chars;
        }
        // number of wide chars strictly before `byte`
        let i = self.wide.partition_point(|&(b, _, _)| b < byte);
        if i == 0 {
            return byte;
        }
        let (b, c, l) = self.wide[i - 1];
        c + 1 + (byte - b - l)
    }

    /// Byte offset of character offset `ch`.
    pub fn byte_offset(&self, ch: u32) -> u32 {
        if ch >= self.len_chars {
            return self.len_bytes;
        }
        let i = self.wide.partition_point(|&(_, c, _)| c < ch);
        if i == 0 {
            return ch;
        }
        let (b, c, l) = self.wide[i - 1];
        b + l + (ch - c - 1)
    }

    /// A byte range as a `(start, end)` char range.
    pub fn char_range(&self, r: TextRange) -> (u32, u32) {
        (self.char_offset(r.start()), self.char_offset(r.end()))
    }

    /// A char range as a byte range.
    pub fn byte_range(&self, start: u32, end: u32) -> TextRange {
        TextRange::new(self.byte_offset(start), self.byte_offset(end))
    }
}

/// Collapses whitespace and shortens `s` to at most `max` characters, ending in `…` when cut.
pub fn clip(s: &str, max: usize) -> String {
    let mut out = String::with_capacity(s.len().min(max.saturating_mul(4)));
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    if out.chars().count() <= max {
        return out;
    }
    if max == 0 {
        return String::new();
    }
    let mut cut: String = out.chars().take(max - 1).collect();
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_map_round_trips() {
        let cases = ["", "abc", "“No,” — said Пешков.", "ü", "a😀b€c"];
        for text in cases {
            let map = CharMap::new(text);
            for (ci, (b, _)) in text.char_indices().enumerate() {
                assert_eq!(map.char_offset(b as u32), ci as u32, "{text:?} byte {b}");
                assert_eq!(map.byte_offset(ci as u32), b as u32, "{text:?} char {ci}");
            }
            let n = text.chars().count() as u32;
            assert_eq!(map.char_offset(text.len() as u32), n);
            assert_eq!(map.byte_offset(n), text.len() as u32);
        }
    }

    #[test]
    fn range_ops() {
        let a = TextRange::new(2, 5);
        let b = TextRange::new(4, 9);
        assert!(a.overlaps(b));
        assert!(!a.overlaps(TextRange::new(5, 6)));
        assert_eq!(a.cover(b), TextRange::new(2, 9));
        assert_eq!(a.intersect(b), Some(TextRange::new(4, 5)));
        assert_eq!(format!("{a:?}"), "2..5");
    }

    #[test]
    #[should_panic]
    fn inverted_range_panics() {
        let _ = TextRange::new(5, 2);
    }

    #[test]
    fn clip_table() {
        let cases = [
            ("short", 10, "short"),
            ("  many   spaces\nhere ", 40, "many spaces here"),
            ("abcdefghij", 5, "abcd…"),
            ("ab cd ef", 6, "ab cd…"),
            ("ünïcödé wörds", 8, "ünïcödé…"),
            ("x", 0, ""),
        ];
        for (input, max, want) in cases {
            let got = clip(input, max);
            assert_eq!(got, want, "{input:?} {max}");
            assert!(got.chars().count() <= max, "{got:?}");
        }
    }
}
