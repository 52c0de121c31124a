//! The cue lexicon: words that mark attributions, mined from PolNeAR train (`cues.tsv`:
//! word, times inside a gold cue, occurrences, times inside a cue with no source). The file
//! holds only lowercased words and counts, no text; `claimtrail_eval::polnear::mine_cue_lexicon`
//! rebuilds it (`cargo test -p claimtrail-eval -- --ignored mine_cues`), and the cue model
//! must be retrained after (`... --ignored train_cues`), since its features use the ratios.
//!
//! Every word seen in a gold cue in at least [`CANDIDATE_RATIO`] of its occurrences is a
//! candidate for the classifier; without a classifier, a word is a cue when it is inside a
//! gold cue in at least [`MIN_RATIO`] of its occurrences (and at least [`MIN_COUNT`] times).
//! Function words that only belong to multiword cues ("to" of "according to") are left out.

use std::collections::HashMap;
use std::sync::OnceLock;

/// Least share of a word's occurrences inside a gold cue.
pub const MIN_RATIO: f32 = 0.35;
/// Least number of times inside a gold cue.
pub const MIN_COUNT: u32 = 3;

/// What kind of cue a word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueClass {
    /// A speech or communication verb ("said", "told", "wrote").
    Verb,
    /// A verb of thought or intention ("believes", "wants"), or any other cue word.
    Think,
    /// "according to".
    According,
    /// "quoted by", "cited by".
    Passive,
    /// "citing".
    Citing,
    /// A cue that takes no source ("reportedly", "seemed", "is expected").
    NoSource,
}

/// Function words never taken as cues by themselves.
const FUNCTION_WORDS: &[&str] = &[
    "to", "of", "a", "an", "the", "on", "in", "for", "about", "with", "has", "have", "had", "is", "was", "are", "were",
    "be", "been", "being", "also", "not", "out", "that", "by", "as", "at", "from", "it", "he", "she", "they", "we",
    "i", "you", "his", "her", "their", "its", "this", "and", "but", "or", "would", "will", "could", "can", "should",
    "do", "does", "did", "n't", "up", "into", "over", "'s", "so", "if", "than", "then", "there", "what", "who",
    "which", "when", "how", "why", "all", "more", "most", "very", "just", "now", "again", "still", "even", "only",
];

/// Speech verbs: content usually follows after "that" or an addressee.
const SPEECH: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tell",
    "tells",
    "telling",
    "added",
    "adding",
    "adds",
    "wrote",
    "writes",
    "write",
    "writing",
    "stated",
    "states",
    "state",
    "announced",
    "announces",
    "declared",
    "claimed",
    "claims",
    "insisted",
    "insists",
    "argued",
    "argues",
    "arguing",
    "noted",
    "notes",
    "noting",
    "explained",
    "explains",
    "warned",
    "warns",
    "replied",
    "responded",
    "answered",
    "denied",
    "denies",
    "denying",
    "confirmed",
    "reported",
    "reports",
    "reporting",
    "tweeted",
    "posted",
    "asked",
    "asks",
    "asking",
    "suggested",
    "suggests",
    "acknowledged",
    "admitted",
    "conceded",
    "stressed",
    "emphasized",
    "recalled",
    "predicted",
    "promised",
    "vowed",
    "pledged",
    "alleged",
    "alleges",
    "contended",
    "contends",
    "countered",
    "continued",
    "concluded",
    "observed",
    "remarked",
    "commented",
    "quipped",
    "joked",
    "believes",
    "thinks",
    "rumored",
    "rumoured",
    // refutations: speech acts that deny their object ("debunked the story")
    "debunked",
    "debunks",
    "refuted",
    "refutes",
    "rebutted",
    "rebuts",
    // ... and taking back one's own ("recanted his story")
    "recanted",
    "recants",
    "retracted",
    "retracts",
];

/// Verbs that are never cues though they could be mined as such in some contexts.
const NEVER: &[&str] = &["show", "shows", "showed", "see", "know", "support", "call", "view", "read", "saw"];

struct Lexicon {
    /// Cue words by the ratio threshold.
    words: HashMap<&'static str, CueClass>,
    /// Every word worth asking the classifier about: class and ratio.
    candidates: HashMap<&'static str, (CueClass, f32)>,
}

/// Least share of a word's occurrences inside a gold cue for the classifier to consider it.
pub const CANDIDATE_RATIO: f32 = 0.03;

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut words = HashMap::new();
        let mut candidates = HashMap::new();
        for line in crate::language::ENGLISH.cue_lexicon().lines() {
            if line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(w), Some(c), Some(n), Some(ns)) = (cols.next(), cols.next(), cols.next(), cols.next()) else {
                continue;
            };
            let (Ok(c), Ok(n), Ok(ns)) = (c.parse::<u32>(), n.parse::<u32>(), ns.parse::<u32>()) else { continue };
            if n == 0 || FUNCTION_WORDS.contains(&w) {
                continue;
            }
            let ratio = c as f32 / n as f32;
            let class = if ns * 2 > c {
                CueClass::NoSource
            } else if SPEECH.contains(&w) {
                CueClass::Verb
            } else {
                CueClass::Think
            };
            if ratio >= CANDIDATE_RATIO {
                candidates.insert(w, (class, ratio));
            }
            if c >= MIN_COUNT && ratio >= MIN_RATIO && !NEVER.contains(&w) {
                words.insert(w, class);
            }
        }
        // speech verbs too rare in train to be mined ("quipped") are cues all the same
        let mined: std::collections::HashSet<&str> =
            crate::language::ENGLISH.cue_lexicon().lines().filter_map(|l| l.split('\t').next()).collect();
        for w in SPEECH {
            if !mined.contains(w) {
                words.insert(w, CueClass::Verb);
                candidates.insert(w, (CueClass::Verb, 0.5));
            }
        }
        Lexicon { words, candidates }
    })
}

/// The class of a lowercased word, if it is a cue.
pub fn classify(word: &str) -> Option<CueClass> {
    lexicon().words.get(word).copied()
}

/// A lowercased verb of speech ("said", "states"), however rarely it is a cue in the training
/// texts ("states" is mostly "the United States").
pub fn is_speech(word: &str) -> bool {
    SPEECH.contains(&word)
}

/// The class and cue ratio of a lowercased word the classifier should look at.
pub fn candidate(word: &str) -> Option<(CueClass, f32)> {
    lexicon().candidates.get(word).copied()
}
