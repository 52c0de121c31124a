//! Cue words: negation, refuting, hedging, supporting, and antonym classes.
//!
//! These lists are generic English (no topic words): they tell how a text speaks about a
//! proposition, not what the proposition is about.

use std::collections::HashMap;

/// A negation ("not", "never", "n't").
pub const NEG: u8 = 1;
/// A refuting word ("hoax", "false", "debunked", "denied").
pub const REFUTE: u8 = 2;
/// A hedging word ("reportedly", "may", "unconfirmed").
pub const HEDGE: u8 = 4;
/// A supporting word ("confirmed", "revealed", "proof").
pub const SUPPORT: u8 = 8;
/// A no-knowledge word ("unknown", "unclear", "declined").
pub const UNKNOWN: u8 = 16;
/// A reporting word that distances the writer without doubting ("claims", "according", "sources").
pub const REPORT: u8 = 32;

#[rustfmt::skip]
const NEGATIONS: &[&str] =
    &["not", "no", "never", "none", "nothing", "nobody", "neither", "nor", "without", "cannot", "nowhere", "n't"];

#[rustfmt::skip]
const REFUTING: &[&str] = &[
    "fake",
    "fakes",
    "faked",
    "hoax",
    "hoaxes",
    "false",
    "falsely",
    "falsehood",
    "debunk",
    "debunked",
    "debunks",
    "debunking",
    "deny",
    "denied",
    "denies",
    "denial",
    "denying",
    "refute",
    "refuted",
    "refutes",
    "fraud",
    "fraudulent",
    "bogus",
    "untrue",
    "fabricated",
    "fabrication",
    "doctored",
    "photoshopped",
    "satire",
    "satirical",
    "misleading",
    "myth",
    "nonsense",
    "dismissed",
    "dismisses",
    "rejected",
    "rejects",
    "incorrect",
    "wrong",
    "lie",
    "lies",
    "lied",
    "phony",
    "phoney",
    "fictitious",
    "fictional",
    "prank",
    "spoof",
    "retract",
    "retracted",
    "retraction",
    "mistaken",
    "erroneous",
    "baseless",
    "unfounded",
    "disproved",
    "disproven",
    "scam",
    "forged",
    "forgery",
    "invented",
    "made-up",
    "debunker",
    "rubbish",
    "contradict",
    "contradicts",
    "contradicted",
];

#[rustfmt::skip]
const HEDGING: &[&str] = &[
    "reportedly", "allegedly", "alleged", "alleges", "apparently", "purportedly", "purported", "supposedly",
    "supposed", "rumor", "rumors", "rumour", "rumours", "rumored", "rumoured", "unconfirmed", "unverified", "may",
    "might", "could", "possibly", "possible", "perhaps", "likely", "unlikely", "probably", "appears", "appear",
    "seems", "seem", "seemingly", "speculation", "speculate", "speculated", "uncertain", "potentially",
    "allegation", "allegations",
];

#[rustfmt::skip]
const REPORTING: &[&str] = &[
    "suggest", "suggests", "suggested", "appeared", "believed", "claims", "claimed", "claim", "claiming", "if",
    "whether", "reports", "reported", "report", "according", "sources", "source", "would", "thought", "expected",
    "tipped", "hinted", "hints", "question", "questions",
];

#[rustfmt::skip]
const SUPPORTING: &[&str] = &[
    "confirmed",
    "confirms",
    "confirm",
    "confirmation",
    "announced",
    "announces",
    "revealed",
    "reveals",
    "shows",
    "showed",
    "shown",
    "proved",
    "proves",
    "proof",
    "evidence",
    "official",
    "officially",
    "indeed",
    "actually",
    "verified",
    "verify",
    "admitted",
    "admits",
    "acknowledged",
    "true",
    "fact",
    "really",
    "definitely",
    "certainly",
];

#[rustfmt::skip]
const UNKNOWING: &[&str] = &["unknown", "unclear", "declined", "decline", "declines", "unavailable", "unreachable"];

/// Antonym classes: words of one class speak of the same property with a sign.
/// "fake" (-) and "genuine" (+) are the same question answered both ways.
#[rustfmt::skip]
const ANTONYMS: &[(&str, &[&str], &[&str])] = &[
    (
        "#authentic",
        &["genuine", "real", "authentic", "true", "legit", "legitimate", "accurate", "correct"],
        &[
            "fake",
            "faked",
            "fakes",
            "hoax",
            "hoaxes",
            "false",
            "fabricated",
            "doctored",
            "photoshopped",
            "bogus",
            "phony",
            "phoney",
            "forged",
            "fictitious",
            "untrue",
            "inaccurate",
            "incorrect",
            "satire",
            "satirical",
            "prank",
            "spoof",
        ],
    ),
    ("#alive", &["alive", "survived", "survives", "survivor", "living"], &["dead", "died", "dies", "death", "killed"]),
    (
        "#confirm",
        &["confirmed", "confirms", "confirm", "confirmation", "admitted", "admits", "acknowledged"],
        &["denied", "denies", "deny", "denial", "refuted", "refutes", "debunked", "dismissed", "disproved"],
    ),
    ("#guilty", &["guilty", "convicted"], &["innocent", "acquitted", "exonerated", "cleared"]),
    (
        "#accept",
        &["accepted", "accepts", "accept", "approved", "approves", "approve"],
        &["rejected", "rejects", "reject", "refused", "refuses", "refuse", "declined", "vetoed"],
    ),
    ("#win", &["won", "wins", "win", "victory", "winner"], &["lost", "loses", "lose", "defeat", "defeated", "loser"]),
    ("#safe", &["safe", "harmless"], &["dangerous", "harmful", "unsafe", "toxic"]),
    ("#found", &["found", "located", "discovered", "rescued"], &["missing", "disappeared", "vanished"]),
];

/// What the lexicon knows of one lowercase word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cue {
    /// [`NEG`], [`REFUTE`], [`HEDGE`], [`SUPPORT`], [`UNKNOWN`] bits.
    pub flags: u8,
    /// Antonym class (index + 1), 0 for none.
    pub class: u8,
    /// Sign within the class: +1 or -1 (0 without a class).
    pub sign: i8,
}

/// The cue lexicon.
#[derive(Debug, Clone)]
pub struct Lexicon {
    words: HashMap<&'static str, Cue>,
}

impl Default for Lexicon {
    fn default() -> Self {
        Self::new()
    }
}

impl Lexicon {
    /// Builds the lexicon from the lists above.
    pub fn new() -> Self {
        let mut words: HashMap<&'static str, Cue> = HashMap::new();
        for (list, flag) in [
            (NEGATIONS, NEG),
            (REFUTING, REFUTE),
            (HEDGING, HEDGE),
            (SUPPORTING, SUPPORT),
            (UNKNOWING, UNKNOWN),
            (REPORTING, REPORT),
        ] {
            for w in list {
                words.entry(w).or_default().flags |= flag;
            }
        }
        for (ci, (_, pos, neg)) in ANTONYMS.iter().enumerate() {
            for (list, sign) in [(pos, 1i8), (neg, -1i8)] {
                for w in list.iter() {
                    let c = words.entry(w).or_default();
                    if c.class == 0 {
                        c.class = ci as u8 + 1;
                        c.sign = sign;
                    }
                }
            }
        }
        Lexicon { words }
    }

    /// The cue of a lowercase word (default when it is none).
    pub fn get(&self, lower: &str) -> Cue {
        self.words.get(lower).copied().unwrap_or_default()
    }

    /// The shared key of antonym class `class` (1-based).
    pub fn class_key(class: u8) -> &'static str {
        ANTONYMS.get(usize::from(class).wrapping_sub(1)).map_or("", |a| a.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues() {
        let lex = Lexicon::new();
        let cases: &[(&str, u8, i8)] = &[
            ("not", NEG, 0),
            ("hoax", REFUTE, -1),
            ("reportedly", HEDGE, 0),
            ("genuine", 0, 1),
            ("dead", 0, -1),
            ("confirmed", SUPPORT, 1),
            ("denied", REFUTE, -1),
            ("table", 0, 0),
        ];
        for &(w, flag, sign) in cases {
            let c = lex.get(w);
            assert_eq!(c.flags & flag, flag, "{w}");
            assert_eq!(c.sign, sign, "{w}");
            if flag == 0 {
                assert_eq!(c.flags & (NEG | REFUTE | HEDGE), 0, "{w}");
            }
        }
        assert_eq!(Lexicon::class_key(lex.get("fake").class), "#authentic");
        assert_eq!(Lexicon::class_key(0), "");
    }
}
