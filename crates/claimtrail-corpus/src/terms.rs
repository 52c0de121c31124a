//! Content terms of a claim: the fallback key for claims without an event class.

use claimtrail_text::analyzer::TextAnalyzer;

/// The analyzer of claim terms (folding, stop words, stems): English.
const EN: TextAnalyzer = TextAnalyzer::english();

/// Most terms kept per claim.
pub const MAX_TERMS: usize = 24;

/// More words that say nothing about a proposition in a claim's terms (reporting verbs,
/// connectives).
const CLAIM_STOP: &[&str] =
    &["stated", "added", "claimed", "dr", "yes", "shall", "however", "since", "although", "though"];

fn is_stop(w: &str) -> bool {
    static SET: std::sync::OnceLock<std::collections::HashSet<&'static str>> = std::sync::OnceLock::new();
    w.len() <= 10 && SET.get_or_init(|| EN.stop_words().iter().chain(CLAIM_STOP).copied().collect()).contains(w)
}

/// Content terms of `texts`: case- and accent-folded, stemmed words of two letters or more that
/// are not stop words or numbers, distinct, in order of first appearance, at most [`MAX_TERMS`].
pub fn terms<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for text in texts {
        for w in EN.split_words(text) {
            if out.len() >= MAX_TERMS {
                return out;
            }
            if w.chars().count() < 2 || w.chars().all(|c| c.is_numeric()) {
                continue;
            }
            let lower = EN.fold(w);
            if is_stop(&lower) {
                continue;
            }
            let t = EN.stem(&lower);
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
    fn terms_of_texts() {
        let t = terms(["Lavrov met Zarif in Geneva on March 3, the ministries said.", "Zarif's talks"]);
        assert_eq!(t, vec!["lavrov", "meet", "zarif", "geneva", "march", "ministri", "talk"]);
        let long = "alpha beta gamma delta epsilon zeta theta iota kappa lambda omicron sigma tau upsilon \
                    phi chi psi omega aa bb cc dd ee ff gg hh";
        assert_eq!(terms([long]).len(), MAX_TERMS);
        assert!(terms(["", "the of and 2015"]).is_empty());
        assert_eq!(terms(["Erdoğan"]), terms(["Erdogan"]));
        assert_eq!(term_jaccard(&terms(["oil prices rose"]), &terms(["Prices of oil rose sharply"])), 0.75);
    }
}
