//! One text analyzer per language: word tokenizing, case and accent folding, stop words and
//! stemming, shared by every crate that compares words (claim terms, `check` queries, name keys,
//! the store's normalized columns).
//!
//! ```
//! use claimtrail_text::analyzer::TextAnalyzer;
//! let en = TextAnalyzer::english();
//! assert_eq!(en.fold("Łukasz Müller"), "lukasz muller");
//! assert_eq!(en.stem("meetings"), en.stem("met"));
//! assert_eq!(en.normalize("  «Utter nonsense!» "), "utter nonsense");
//! ```
//!
//! A language brings its stemmer (Snowball, through `rust-stemmers`), its exceptions to it and
//! its stop words; tokenizing and folding are the same for all.

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// A language the analyzer knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Language {
    /// English: Snowball English stemmer, irregular verbs, English function words.
    En,
}

impl Language {
    fn algorithm(self) -> Algorithm {
        match self {
            Language::En => Algorithm::English,
        }
    }
}

/// The text operations of one language. Cheap to make and `Copy`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextAnalyzer {
    language: Language,
}

/// One word of a text, as [`TextAnalyzer::words`] finds it.
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

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Letters that compatibility decomposition leaves alone (or splits badly), with their ASCII
/// transliteration (lowercase input).
fn transliterate(c: char) -> Option<&'static str> {
    Some(match c {
        'æ' => "ae",
        'œ' => "oe",
        'ß' => "ss",
        'þ' => "th",
        'ø' => "o",
        'ł' => "l",
        'đ' | 'ð' => "d",
        'ı' => "i",
        'ħ' => "h",
        'ŧ' => "t",
        'ŋ' | 'ŉ' => "n",
        'ĸ' => "k",
        'ŀ' => "l",
        _ => return None,
    })
}

impl TextAnalyzer {
    /// The analyzer of `language`.
    pub const fn new(language: Language) -> Self {
        TextAnalyzer { language }
    }

    /// The English analyzer.
    pub const fn english() -> Self {
        Self::new(Language::En)
    }

    /// Its language.
    pub fn language(&self) -> Language {
        self.language
    }

    /// Splits `chars` into words: runs of letters and digits, with an inner apostrophe followed
    /// by a letter ("don't", "Reuters's") and an inner `.` or `,` between digits ("3.5",
    /// "1,000"). Offsets are in characters.
    pub fn words(&self, chars: &[char]) -> Vec<Word> {
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
            let l = w.len();
            let nt = l > 3
                && is_apostrophe(w[l - 2])
                && w[l - 1].eq_ignore_ascii_case(&'t')
                && w[l - 3].eq_ignore_ascii_case(&'n');
            out.push(Word { start: start as u32, end: i as u32, nt, capital: chars[start].is_uppercase() });
        }
        out
    }

    /// Writes the lowercase form of `w` into `buf` (cleared first), with `'` for `’`, without
    /// the possessive `'s` and with `n't` cut to its verb ("isn't" -> "is", "can't" -> "ca").
    /// Accents are kept.
    pub fn lower(&self, chars: &[char], w: Word, buf: &mut String) {
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

    /// The runs of letters and digits of `text` (every other character separates), as written.
    pub fn split_words<'a>(&self, text: &'a str) -> impl Iterator<Item = &'a str> {
        text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
    }

    /// The [`split_words`](Self::split_words) of `text`, lowercased (accents kept).
    pub fn normalized_words<'a>(&self, text: &'a str) -> impl Iterator<Item = String> + 'a {
        self.split_words(text).map(str::to_lowercase)
    }

    /// `text` as its [`normalized_words`](Self::normalized_words) joined by one space: case
    /// and punctuation folded, accents kept (`"Łódź-city"` -> `"łódź city"`).
    pub fn normalize(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        for w in self.split_words(text) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.extend(w.chars().flat_map(char::to_lowercase));
        }
        out
    }

    /// Appends `c` lowercased and without accents to `out`: compatibility decomposition (NFKD)
    /// without combining marks (`é` -> `e`, `ğ` -> `g`, `ﬁ` -> `fi`), and ASCII
    /// transliterations of the letters that do not decompose (`ß` -> `ss`, `æ` -> `ae`, `ø` ->
    /// `o`, `ł` -> `l`, `þ` -> `th`). Curly apostrophes become `'`. Other scripts are lowercased
    /// only (besides their own marks: `й` -> `и`).
    pub fn fold_char(&self, c: char, out: &mut String) {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            return;
        }
        if matches!(c, '\u{2019}' | '\u{2018}' | '\u{02bc}') {
            out.push('\'');
            return;
        }
        for l in c.to_lowercase() {
            if let Some(s) = transliterate(l) {
                out.push_str(s);
                continue;
            }
            decompose_compatible(l, |d| {
                if is_combining_mark(d) {
                    return;
                }
                match transliterate(d) {
                    Some(s) => out.push_str(s),
                    None => out.extend(d.to_lowercase()),
                }
            });
        }
    }

    /// `s` with every character through [`fold_char`](Self::fold_char).
    pub fn fold(&self, s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            self.fold_char(c, &mut out);
        }
        out
    }

    /// The stop words of the language: function words (and, for news, reporting verbs and
    /// forms of address) that are never content terms. Lowercase.
    pub fn stop_words(&self) -> &'static [&'static str] {
        match self.language {
            Language::En => EN_STOP_WORDS,
        }
    }

    /// The stem of `w` (lowercase): the language's exceptions (irregular English verbs:
    /// "met" -> "meet"), then its Snowball stemmer ("meetings" -> "meet", "policies" ->
    /// "polici"). Words with digits are left alone.
    pub fn stem(&self, w: &str) -> String {
        let mut s = w.to_string();
        self.stem_in_place(&mut s);
        s
    }

    /// [`stem`](Self::stem) in place.
    pub fn stem_in_place(&self, w: &mut String) {
        if w.is_empty() || w.chars().any(|c| c.is_numeric()) {
            return;
        }
        let base = match self.language {
            Language::En => {
                EN_IRREGULAR.binary_search_by(|(k, _)| (*k).cmp(w.as_str())).ok().map(|i| EN_IRREGULAR[i].1)
            }
        };
        let stemmer = Stemmer::create(self.language.algorithm());
        let stemmed = stemmer.stem(base.unwrap_or(w.as_str()));
        if stemmed != w.as_str() {
            *w = stemmed.into_owned();
        }
    }
}

/// English function words, with the reporting verbs and forms of address of news text.
const EN_STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "may",
    "me",
    "might",
    "more",
    "most",
    "must",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "said",
    "says",
    "say",
    "told",
    "tell",
    "according",
    "reported",
    "reportedly",
    "mr",
    "mrs",
    "ms",
    "one",
    "two",
    "new",
    "s",
    "t",
    "per",
    "via",
    "yet",
    "because",
];

/// Irregular past tenses and participles of common news verbs, with their base forms (sorted by
/// the inflected form), mapped before Snowball. Ambiguous forms ("left", "found", "led", "lay")
/// are left out.
const EN_IRREGULAR: &[(&str, &str)] = &[
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
    ("drew", "draw"),
    ("drove", "drive"),
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
    ("lost", "lose"),
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

#[cfg(test)]
mod tests {
    use super::*;

    const EN: TextAnalyzer = TextAnalyzer::english();

    #[test]
    fn folds_case_accents_and_special_letters() {
        let cases = [
            ("Zoë", "zoe"),
            ("Łukasz", "lukasz"),
            ("Müller", "muller"),
            ("MÜLLER", "muller"),
            ("Straße", "strasse"),
            ("Søren Kierkegaard", "soren kierkegaard"),
            ("Ærø", "aero"),
            ("Œuvre", "oeuvre"),
            ("Þór", "thor"),
            ("Đorđević", "dordevic"),
            ("Erdoğan", "erdogan"),
            ("İstanbul", "istanbul"),
            ("Işık", "isik"),
            ("François Hollande", "francois hollande"),
            ("Ñandú", "nandu"),
            ("Dvořák", "dvorak"),
            ("ﬁnance", "finance"),
            ("Soleimani’s", "soleimani's"),
            ("N.V.", "n.v."),
            ("Sergey Lavrov", "sergey lavrov"),
            ("Москва", "москва"),
            ("", ""),
        ];
        for (input, want) in cases {
            assert_eq!(EN.fold(input), want, "{input}");
        }
    }

    #[test]
    fn fold_char_appends() {
        let mut out = String::from("x");
        for c in ['Ł', 'ß', 'Ø', 'é', '7', '-'] {
            EN.fold_char(c, &mut out);
        }
        assert_eq!(out, "xlssoe7-");
    }

    #[test]
    fn stems_map_inflections_together() {
        let groups: &[&[&str]] = &[
            &["confirm", "confirms", "confirmed", "confirming"],
            &["release", "released", "releases", "releasing"],
            &["stop", "stopped", "stopping", "stops"],
            &["study", "studies", "studied"],
            &["agency", "agencies"],
            &["policy", "policies"],
            &["kill", "killed", "killing", "kills"],
            &["meet", "meets", "met", "meeting", "meetings"],
            &["visit", "visited", "visits", "visiting"],
            &["deny", "denies", "denied", "denying"],
            &["die", "dies", "died", "dying"],
            &["tell", "told", "tells", "telling"],
            &["fly", "flew", "flown", "flies"],
            &["give", "gave", "given", "gives"],
            &["leave", "leaves", "leaving"],
            &["plan", "planned", "planning", "plans"],
            &["box", "boxes"],
            &["talk", "talks", "talked"],
        ];
        assert!(EN_IRREGULAR.windows(2).all(|p| p[0].0 < p[1].0), "sorted for binary search");
        for g in groups {
            let stems: Vec<String> = g.iter().map(|w| EN.stem(w)).collect();
            assert!(stems.iter().all(|s| s == &stems[0]), "{g:?} -> {stems:?}");
        }
    }

    #[test]
    fn stems_exact() {
        let cases = [
            ("meetings", "meet"),
            ("discussing", "discuss"),
            ("news", "news"),
            ("us", "us"),
            ("this", "this"),
            ("2015s", "2015s"),
            ("3.5", "3.5"),
            ("café", "café"),
            ("sergei", "sergei"),
            ("москвы", "москвы"),
            ("", ""),
        ];
        for (w, want) in cases {
            assert_eq!(EN.stem(w), want, "{w}");
            let mut s = w.to_string();
            EN.stem_in_place(&mut s);
            assert_eq!(s, want, "{w} in place");
        }
        // Different words stay apart.
        for (a, b) in [("denies", "dense"), ("news", "new"), ("general", "generous"), ("lavrov", "lavrova")] {
            assert_ne!(EN.stem(a), EN.stem(b), "{a} / {b}");
        }
    }

    fn lowered(text: &str) -> Vec<String> {
        let cs: Vec<char> = text.chars().collect();
        let mut buf = String::new();
        EN.words(&cs)
            .into_iter()
            .map(|w| {
                EN.lower(&cs, w, &mut buf);
                buf.clone()
            })
            .collect()
    }

    #[test]
    fn words_and_lowercase() {
        let cases: &[(&str, &[&str])] = &[
            ("The mayor's office isn't open.", &["the", "mayor", "office", "is", "open"]),
            ("Costs rose 3.5% to $1,000 on Monday", &["costs", "rose", "3.5", "to", "1000", "on", "monday"]),
            ("“Quoted” — dash-separated words", &["quoted", "dash", "separated", "words"]),
            ("Zoë Müller met Łukasz", &["zoë", "müller", "met", "łukasz"]),
            ("Sergey Lavrov’s deputy can't", &["sergey", "lavrov", "deputy", "ca"]),
            ("", &[]),
            ("'' ... ??", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(&lowered(text), want, "{text}");
        }
    }

    #[test]
    fn word_flags_and_offsets() {
        let cs: Vec<char> = "Zoë doesn't".chars().collect();
        let ws = EN.words(&cs);
        assert_eq!(
            ws,
            vec![
                Word { start: 0, end: 3, nt: false, capital: true },
                Word { start: 4, end: 11, nt: true, capital: false }
            ]
        );
    }

    #[test]
    fn splits_and_normalizes() {
        let cases: &[(&str, &[&str], &str)] = &[
            ("A senior  official,", &["A", "senior", "official"], "a senior official"),
            ("  «Utter nonsense!» ", &["Utter", "nonsense"], "utter nonsense"),
            ("Łódź-city", &["Łódź", "city"], "łódź city"),
            ("Zarif's talks", &["Zarif", "s", "talks"], "zarif s talks"),
            ("", &[], ""),
        ];
        for (text, words, norm) in cases {
            assert_eq!(&EN.split_words(text).collect::<Vec<_>>(), words, "{text}");
            assert_eq!(EN.normalize(text), *norm, "{text}");
            assert_eq!(EN.normalized_words(text).collect::<Vec<_>>().join(" "), *norm, "{text}");
        }
    }

    #[test]
    fn stop_words() {
        let stops = EN.stop_words();
        for (w, want) in [("the", true), ("said", true), ("mr", true), ("moscow", false), ("claimed", false)] {
            assert_eq!(stops.contains(&w), want, "{w}");
        }
        let distinct: std::collections::HashSet<&str> = stops.iter().copied().collect();
        assert_eq!(distinct.len(), stops.len(), "no word listed twice");
        assert_eq!(EN.language(), Language::En);
    }
}
