//! Tokens, light stemming, sentences: the text side of matching.
//!
//! Everything here works in *character* offsets (the contract's unit) over a `Vec<char>`
//! of the text, so spans map straight back to [`claimtrail_core::contract::Analysis`].

use claimtrail_corpus::terms::FUNCTION_WORDS;

/// One word of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    /// Start char offset.
    pub start: u32,
    /// End char offset (exclusive).
    pub end: u32,
    /// The word ends in `n't` ("isn't", "don't"): a negation.
    pub nt: bool,
    /// Starts with an uppercase letter.
    pub capital: bool,
}

/// FNV-1a over bytes: the term key used everywhere in this crate.
pub fn hash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Splits `chars` into words: runs of letters and digits, with an inner apostrophe followed by a
/// letter ("don't", "Reuters's") and an inner `.` or `,` between digits ("3.5", "1,000").
pub fn words(chars: &[char]) -> Vec<Word> {
    let mut out = Vec::new();
    let n = chars.len();
    let mut i = 0;
    while i < n {
        if !chars[i].is_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        while i < n {
            let c = chars[i];
            if c.is_alphanumeric() {
                i += 1;
            } else if (is_apostrophe(c) && i + 1 < n && chars[i + 1].is_alphabetic())
                || ((c == '.' || c == ',')
                    && chars[i - 1].is_ascii_digit()
                    && i + 1 < n
                    && chars[i + 1].is_ascii_digit())
            {
                // "don't", "3.5", "1,000"
                i += 2;
            } else {
                break;
            }
        }
        let w = &chars[start..i];
        let nt = w.len() > 3 && {
            let l = w.len();
            is_apostrophe(w[l - 2]) && w[l - 1].eq_ignore_ascii_case(&'t') && w[l - 3].eq_ignore_ascii_case(&'n')
        };
        out.push(Word { start: start as u32, end: i as u32, nt, capital: chars[start].is_uppercase() });
    }
    out
}

/// Writes the lowercase form of `w` into `buf` (cleared first), with `'` for `’`, without the
/// possessive `'s` and with `n't` cut to its verb ("isn't" -> "is", "can't" -> "ca").
pub fn lower(chars: &[char], w: Word, buf: &mut String) {
    buf.clear();
    for &c in &chars[w.start as usize..w.end as usize] {
        if is_apostrophe(c) {
            buf.push('\'');
        } else if c == ',' {
            // "1,000" -> "1000"
        } else {
            buf.extend(c.to_lowercase());
        }
    }
    if buf.ends_with("'s") {
        buf.truncate(buf.len() - 2);
    } else if w.nt && buf.ends_with("n't") {
        buf.truncate(buf.len() - 3);
    }
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// Irregular past tenses and participles of common news verbs, with their base forms (sorted by
/// the inflected form). Ambiguous forms ("left", "found", "led", "lay") are left out.
const IRREGULAR: &[(&str, &str)] = &[
    ("arose", "arise"),
    ("ate", "eat"),
    ("became", "become"),
    ("began", "begin"),
    ("begun", "begin"),
    ("bought", "buy"),
    ("broke", "break"),
    ("broken", "break"),
    ("brought", "bring"),
    ("built", "build"),
    ("came", "come"),
    ("caught", "catch"),
    ("chose", "choose"),
    ("chosen", "choose"),
    ("died", "die"),
    ("drew", "draw"),
    ("drove", "drive"),
    ("dying", "die"),
    ("fell", "fall"),
    ("fled", "flee"),
    ("flew", "fly"),
    ("flown", "fly"),
    ("forbade", "forbid"),
    ("fought", "fight"),
    ("froze", "freeze"),
    ("gave", "give"),
    ("given", "give"),
    ("gone", "go"),
    ("grew", "grow"),
    ("held", "hold"),
    ("hid", "hide"),
    ("hidden", "hide"),
    ("kept", "keep"),
    ("knew", "know"),
    ("known", "know"),
    ("lied", "lie"),
    ("lost", "lose"),
    ("lying", "lie"),
    ("made", "make"),
    ("met", "meet"),
    ("paid", "pay"),
    ("ran", "run"),
    ("rode", "ride"),
    ("rose", "rise"),
    ("said", "say"),
    ("sank", "sink"),
    ("saw", "see"),
    ("seen", "see"),
    ("sent", "send"),
    ("shook", "shake"),
    ("shot", "shoot"),
    ("sold", "sell"),
    ("sought", "seek"),
    ("spent", "spend"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("stole", "steal"),
    ("stolen", "steal"),
    ("struck", "strike"),
    ("swore", "swear"),
    ("sworn", "swear"),
    ("taken", "take"),
    ("taught", "teach"),
    ("thought", "think"),
    ("threw", "throw"),
    ("thrown", "throw"),
    ("told", "tell"),
    ("took", "take"),
    ("tore", "tear"),
    ("went", "go"),
    ("withdrew", "withdraw"),
    ("won", "win"),
    ("wore", "wear"),
    ("written", "write"),
    ("wrote", "write"),
];

/// Light suffix stripping in place: irregular past tenses of common verbs ("met" -> "meet"),
/// plural `-s`, `-ies`, `-ied`, `-ing`, `-ed`, final `-e`.
///
/// Not Porter; it only needs to map the inflections of one word to one key, the same way on
/// both sides of a match. Words with non-ASCII letters and numbers are left alone.
pub fn stem(w: &mut String) {
    if !w.is_ascii() || w.bytes().any(|b| b.is_ascii_digit()) {
        return;
    }
    if let Ok(i) = IRREGULAR.binary_search_by(|(k, _)| (*k).cmp(w.as_str())) {
        w.clear();
        w.push_str(IRREGULAR[i].1);
    }
    let n = w.len();
    if n > 4 && w.ends_with("ied") {
        // "denied", "carried" -> "deny", "carry" (as "denies", "carries")
        w.truncate(n - 3);
        w.push('y');
        return;
    }
    if n > 4 && w.ends_with("ies") {
        w.truncate(n - 3);
        w.push('y');
    } else if w.ends_with("sses") {
        w.truncate(n - 2);
    } else if n > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        w.truncate(n - 1);
    }
    let n = w.len();
    let stripped = if n > 5 && w.ends_with("ing") {
        w.truncate(n - 3);
        true
    } else if n > 4 && w.ends_with("ed") && !w.ends_with("eed") {
        w.truncate(n - 2);
        true
    } else {
        false
    };
    let b = w.as_bytes();
    let n = b.len();
    if stripped && n > 3 && b[n - 1] == b[n - 2] && !is_vowel(b[n - 1]) && !matches!(b[n - 1], b'l' | b's' | b'z') {
        // "stopped" -> "stopp" -> "stop"
        w.truncate(n - 1);
    } else if n > 4 && b[n - 1] == b'e' {
        // "release", "released", "releasing" -> "releas"
        w.truncate(n - 1);
    }
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

/// Words that are never content terms of a query: claimtrail-corpus's function words, and these
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

/// The stop words of `check`: [`FUNCTION_WORDS`] and [`QUERY_STOP`].
pub fn stopwords() -> impl Iterator<Item = &'static str> {
    FUNCTION_WORDS.iter().chain(QUERY_STOP).copied()
}

/// Whether `w` (lowercase) is one of [`stopwords`].
pub fn is_stopword(w: &str) -> bool {
    FUNCTION_WORDS.contains(&w) || QUERY_STOP.contains(&w)
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
    fn words_and_lowercase() {
        let cases: &[(&str, &[&str])] = &[
            ("The mayor's office isn't open.", &["the", "mayor", "office", "is", "open"]),
            ("Costs rose 3.5% to $1,000 on Monday", &["costs", "rose", "3.5", "to", "1000", "on", "monday"]),
            ("“Quoted” — dash-separated words", &["quoted", "dash", "separated", "words"]),
            ("", &[]),
            ("'' ... ??", &[]),
        ];
        for (text, want) in cases {
            let cs = chars(text);
            let mut buf = String::new();
            let got: Vec<String> = words(&cs)
                .into_iter()
                .map(|w| {
                    lower(&cs, w, &mut buf);
                    buf.clone()
                })
                .collect();
            assert_eq!(&got, want, "{text}");
        }
    }

    #[test]
    fn stems_map_inflections_together() {
        let groups: &[&[&str]] = &[
            &["confirm", "confirms", "confirmed", "confirming"],
            &["release", "released", "releases", "releasing"],
            &["stop", "stopped", "stopping", "stops"],
            &["study", "studies"],
            &["agency", "agencies"],
            &["kill", "killed", "killing", "kills"],
            &["meet", "meets", "met", "meeting", "meetings"],
            &["visit", "visited", "visits", "visiting"],
            &["deny", "denies", "denied", "denying"],
            &["die", "dies", "died", "dying"],
            &["tell", "told", "tells", "telling"],
            &["fly", "flew", "flown", "flies"],
            &["give", "gave", "given", "gives"],
            &["leave", "leaves", "leaving"],
        ];
        assert!(IRREGULAR.windows(2).all(|p| p[0].0 < p[1].0), "sorted for binary search");
        for g in groups {
            let stems: Vec<String> = g
                .iter()
                .map(|w| {
                    let mut s = w.to_string();
                    stem(&mut s);
                    s
                })
                .collect();
            assert!(stems.iter().all(|s| s == &stems[0]), "{g:?} -> {stems:?}");
        }
        for keep in ["us", "bus", "this", "2015s", "café"] {
            let mut s = keep.to_string();
            stem(&mut s);
            assert!(!s.is_empty());
        }
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
