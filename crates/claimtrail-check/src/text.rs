//! Sentences, term hashes and query stop words: the text side of matching (words, lowercasing
//! and stems come from [`claimtrail_text::analyzer`]).
//!
//! Everything here works in *character* offsets (the contract's unit) over a `Vec<char>`
//! of the text, so spans map straight back to [`claimtrail_core::contract::Analysis`].

use claimtrail_text::analyzer::TextAnalyzer;
pub use claimtrail_text::analyzer::Word;

/// The analyzer of `check` (words, lowercasing, stems, stop words): English.
pub const EN: TextAnalyzer = TextAnalyzer::english();

/// FNV-1a over bytes: the term key used everywhere in this crate.
pub fn hash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A sentence as a char range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Start char offset.
    pub start: u32,
    /// End char offset (exclusive).
    pub end: u32,
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "jr", "sr", "inc", "corp", "co", "lt", "col", "capt",
    "prof", "vs", "sgt", "maj", "rev", "ltd", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "u.s", "u.k",
];

fn is_opening(c: char) -> bool {
    matches!(c, '"' | '\'' | '\u{201c}' | '\u{2018}' | '(' | '[')
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '\u{201d}' | '\u{2019}' | ')' | ']')
}

/// Splits `chars` into sentences: at line breaks, and after `.`, `!` or `?` (and closing quotes)
/// followed by space and an uppercase letter, a digit or an opening quote; a period after a
/// single letter or a common abbreviation ("Mr.", "U.S.") does not end a sentence. Sentences
/// are trimmed; empty ones are dropped.
pub fn sentences(chars: &[char]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let n = chars.len();
    let mut start = 0usize;
    let push = |s: usize, e: usize, out: &mut Vec<Sentence>| {
        let (mut s, mut e) = (s, e);
        while s < e && chars[s].is_whitespace() {
            s += 1;
        }
        while e > s && chars[e - 1].is_whitespace() {
            e -= 1;
        }
        if e > s {
            out.push(Sentence { start: s as u32, end: e as u32 });
        }
    };
    let mut i = 0;
    while i < n {
        let c = chars[i];
        if c == '\n' {
            push(start, i, &mut out);
            start = i + 1;
        } else if matches!(c, '.' | '!' | '?') {
            let mut j = i + 1;
            while j < n && (is_closing(chars[j]) || matches!(chars[j], '.' | '!' | '?')) {
                j += 1;
            }
            if j < n && chars[j].is_whitespace() && chars[j] != '\n' {
                let mut k = j;
                while k < n && chars[k].is_whitespace() && chars[k] != '\n' {
                    k += 1;
                }
                let next_ok = k < n && (chars[k].is_uppercase() || chars[k].is_ascii_digit() || is_opening(chars[k]));
                if next_ok && !(c == '.' && abbreviation_before(chars, i)) {
                    push(start, j, &mut out);
                    start = j;
                }
            }
            i = j;
            continue;
        }
        i += 1;
    }
    push(start, n, &mut out);
    out
}

/// Whether the word before the period at `dot` is a single letter or an abbreviation.
fn abbreviation_before(chars: &[char], dot: usize) -> bool {
    let mut s = dot;
    while s > 0 && (chars[s - 1].is_alphabetic() || chars[s - 1] == '.') {
        s -= 1;
    }
    let word: String = chars[s..dot].iter().flat_map(|c| c.to_lowercase()).collect();
    if word.is_empty() {
        return false;
    }
    let number_follows = chars[dot + 1..].iter().find(|c| !c.is_whitespace()).is_some_and(|c| c.is_ascii_digit());
    word.chars().count() == 1 || ABBREVIATIONS.contains(&word.as_str()) || (word == "no" && number_follows)
}

/// Words that are never content terms of a query: the analyzer's stop words, and these
/// (web debris, reporting and hedging words, more pronouns).
const QUERY_STOP: &[&str] = &[
    "ca",
    "cannot",
    "done",
    "neither",
    "never",
    "ourselves",
    "themselves",
    "upon",
    "us",
    "whose",
    "wo",
    "yours",
    "yourself",
    "yourselves",
    "allegedly",
    "report",
    "reports",
    "get",
    "gets",
    "got",
    "make",
    "made",
    "like",
    "even",
    "still",
    "http",
    "https",
    "www",
    "com",
];

/// The stop words of `check`: the analyzer's [`stop_words`](TextAnalyzer::stop_words) and
/// [`QUERY_STOP`].
pub fn stopwords() -> impl Iterator<Item = &'static str> {
    EN.stop_words().iter().chain(QUERY_STOP).copied()
}

/// Whether `w` (lowercase) is one of [`stopwords`].
pub fn is_stopword(w: &str) -> bool {
    EN.stop_words().contains(&w) || QUERY_STOP.contains(&w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopwords_are_the_function_words_and_the_query_extras() {
        for (w, want) in [
            ("the", true),
            ("would", true),
            ("allegedly", true),
            ("reports", true),
            ("https", true),
            // claim-term stops of claimtrail-corpus that a query keeps
            ("claimed", false),
            ("however", false),
            ("moscow", false),
            ("visited", false),
        ] {
            assert_eq!(is_stopword(w), want, "{w}");
            assert_eq!(stopwords().any(|s| s == w), want, "{w}");
        }
        let all: Vec<&str> = stopwords().collect();
        let distinct: std::collections::HashSet<&str> = all.iter().copied().collect();
        assert_eq!(distinct.len(), all.len(), "no word listed twice");
    }

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn sentence_split() {
        let cases: &[(&str, &[&str])] = &[
            ("One. Two three! Four?", &["One.", "Two three!", "Four?"]),
            ("Mr. Smith went to Washington. He left.", &["Mr. Smith went to Washington.", "He left."]),
            ("The U.S. Army said so. \"Yes,\" he said.", &["The U.S. Army said so.", "\"Yes,\" he said."]),
            ("He said \"no.\" Then left.", &["He said \"no.\"", "Then left."]),
            ("line one\n\nline two", &["line one", "line two"]),
            ("It cost 3.5 million. ok then", &["It cost 3.5 million. ok then"]),
            ("   ", &[]),
        ];
        for (text, want) in cases {
            let cs = chars(text);
            let got: Vec<String> =
                sentences(&cs).iter().map(|s| cs[s.start as usize..s.end as usize].iter().collect()).collect();
            assert_eq!(&got, want, "{text}");
        }
    }
}
