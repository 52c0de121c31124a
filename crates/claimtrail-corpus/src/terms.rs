//! Content terms of a claim: the fallback key for claims without an event class.

/// Most terms kept per claim.
pub const MAX_TERMS: usize = 24;

/// English function words: never a content term, neither of a claim here nor of a `check` query
/// (claimtrail-check adds its own few to them).
pub const FUNCTION_WORDS: &[&str] = &[
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

/// More words that say nothing about a proposition in a claim's terms (reporting verbs,
/// connectives).
const CLAIM_STOP: &[&str] =
    &["stated", "added", "claimed", "dr", "yes", "shall", "however", "since", "although", "though"];

fn is_stop(w: &str) -> bool {
    static SET: std::sync::OnceLock<std::collections::HashSet<&'static str>> = std::sync::OnceLock::new();
    w.len() <= 10 && SET.get_or_init(|| FUNCTION_WORDS.iter().chain(CLAIM_STOP).copied().collect()).contains(w)
}

/// A light English stemmer: plural and verb endings ("meetings" → `meeting`... → `meet`,
/// "visited" → `visit`, "talks" → `talk`, "policies" → `policy`). Words of four letters or
/// fewer are left alone.
pub fn stem(w: &str) -> String {
    let n = w.len();
    if n <= 4 || !w.is_ascii() {
        return w.to_string();
    }
    let mut s = w.to_string();
    if let Some(x) = s.strip_suffix("ies") {
        s = format!("{x}y");
    } else if s.ends_with("sses") || s.ends_with("xes") || s.ends_with("ches") || s.ends_with("shes") {
        s.truncate(s.len() - 2);
    } else if s.ends_with('s') && !s.ends_with("ss") && !s.ends_with("us") && !s.ends_with("is") {
        s.pop();
    }
    for suf in ["ing", "ed"] {
        if s.len() > suf.len() + 3 && s.ends_with(suf) {
            s.truncate(s.len() - suf.len());
            // "stopp" -> "stop", "planned" -> "plan"
            let b = s.as_bytes();
            let k = b.len();
            if k >= 2 && b[k - 1] == b[k - 2] && !matches!(b[k - 1], b'l' | b's' | b'z') {
                s.pop();
            }
            break;
        }
    }
    s
}

/// Content terms of `texts`: lowercased, stemmed words of two letters or more that are not stop
/// words or numbers, distinct, in order of first appearance, at most [`MAX_TERMS`].
pub fn terms<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for text in texts {
        for w in text.split(|c: char| !c.is_alphanumeric()) {
            if out.len() >= MAX_TERMS {
                return out;
            }
            if w.chars().count() < 2 || w.chars().all(|c| c.is_numeric()) {
                continue;
            }
            let mut lower = String::with_capacity(w.len());
            for c in w.chars().flat_map(char::to_lowercase) {
                crate::names::fold_char(c, &mut lower);
            }
            if is_stop(&lower) {
                continue;
            }
            let t = stem(&lower);
            if !out.contains(&t) {
                out.push(t);
            }
        }
    }
    out
}

/// Jaccard similarity of two term sets.
pub fn term_jaccard(a: &[String], b: &[String]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let inter = a.iter().filter(|t| b.contains(t)).count();
    let union = a.len() + b.len() - inter;
    inter as f32 / union as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claim_stops_are_the_function_words_and_the_claim_extras() {
        for (w, want) in [
            ("the", true),
            ("would", true),
            ("claimed", true),
            ("however", true),
            // query-only stops of claimtrail-check: words of a claim here
            ("allegedly", false),
            ("reports", false),
            ("moscow", false),
        ] {
            assert_eq!(is_stop(w), want, "{w}");
        }
    }

    #[test]
    fn stems() {
        let cases = [
            ("meetings", "meet"),
            ("visited", "visit"),
            ("talks", "talk"),
            ("policies", "policy"),
            ("planned", "plan"),
            ("discussing", "discuss"),
            ("crisis", "crisis"),
            ("news", "news"),
            ("boxes", "box"),
            ("Москвы", "Москвы"),
        ];
        for (w, want) in cases {
            assert_eq!(stem(w), want, "{w}");
        }
    }

    #[test]
    fn terms_of_texts() {
        let t = terms(["Lavrov met Zarif in Geneva on March 3, the ministries said.", "Zarif's talks"]);
        assert_eq!(t, vec!["lavrov", "met", "zarif", "geneva", "march", "ministry", "talk"]);
        let long = "alpha beta gamma delta epsilon zeta theta iota kappa lambda omicron sigma tau upsilon \
                    phi chi psi omega aa bb cc dd ee ff gg hh";
        assert_eq!(terms([long]).len(), MAX_TERMS);
        assert!(terms(["", "the of and 2015"]).is_empty());
        assert_eq!(terms(["Erdoğan"]), terms(["Erdogan"]));
        assert_eq!(term_jaccard(&terms(["oil prices rose"]), &terms(["Prices of oil rose sharply"])), 0.75);
    }
}
