//! Name normalization for linking: case and accent folding, transliteration keys (Sergei /
//! Sergey, Dmitry / Dmitriy, ph / f, kh / h), gendered Slavic surnames (Zakharova / Zakharov),
//! and a normalized edit distance.

use claimtrail_text::analyzer::TextAnalyzer;

/// The analyzer that folds case and accents: English.
const EN: TextAnalyzer = TextAnalyzer::english();

/// Lower-case, accent-folded form of `s`, with periods dropped ("N.V." -> "nv").
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c != '.' {
            EN.fold_char(c, &mut out);
        }
    }
    out
}

/// Transliteration key of one name word: folded, `al-`/`el-` particles dropped, common
/// romanization variants merged, doubled letters collapsed. With `gendered`, Slavic feminine
/// surname endings are mapped to the masculine form.
pub(crate) fn name_key(word: &str, gendered: bool) -> String {
    let f = fold(word);
    let f = f.trim_end_matches("'s").trim_matches(|c: char| !c.is_alphanumeric());
    let f = ["al-", "el-", "ad-", "as-", "ar-"].iter().find_map(|p| f.strip_prefix(p)).unwrap_or(f);
    let letters: String = f.chars().filter(|c| c.is_alphanumeric()).collect();
    let mut s = letters.replace("ph", "f").replace("kh", "h").replace("ck", "k").replace("ks", "x");
    s = s
        .chars()
        .map(|c| {
            if c == 'y' {
                'i'
            } else if c == 'w' {
                'v'
            } else {
                c
            }
        })
        .collect();
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    if gendered && out.chars().count() >= 5 {
        for (fem, masc) in
            [("skaia", "ski"), ("tskaia", "tski"), ("ska", "ski"), ("ova", "ov"), ("eva", "ev"), ("ina", "in")]
        {
            if let Some(stem) = out.strip_suffix(fem) {
                out = format!("{stem}{masc}");
                break;
            }
        }
    }
    out
}

/// `1 - levenshtein / max length`, over characters; 1.0 for equal strings.
pub(crate) fn similarity(a: &str, b: &str) -> f32 {
    if a == b {
        return 1.0;
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let n = a.len().max(b.len());
    if n == 0 || a.len().abs_diff(b.len()) * 4 > n {
        return 0.0;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    1.0 - prev[b.len()] as f32 / n as f32
}

/// Titles that may stand right before a person's name ("President", "Gen.", "Ayatollah").
pub(crate) const TITLES: &[&str] = &[
    "president",
    "gen",
    "general",
    "ayatollah",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sen",
    "senator",
    "rep",
    "gov",
    "governor",
    "minister",
    "premier",
    "secretary",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "sheikh",
    "lt",
    "col",
    "capt",
    "adm",
    "judge",
    "mayor",
    "ambassador",
    "colonel",
    "admiral",
    "captain",
    "sergeant",
    "lieutenant",
    "cardinal",
    "imam",
    "sultan",
    "emir",
    "prof",
    "professor",
    "rev",
    "reverend",
    "sir",
    "lord",
    "lady",
    "dame",
    "marshal",
    "chairman",
    "commander",
    "sheik",
    "pres",
    "amb",
    "hon",
    "mullah",
    "rabbi",
    "bishop",
    "archbishop",
];

/// True when `word` (any case, a trailing period allowed) is an honorific ("Mr.", "Mrs.",
/// "Ms.", "Dr."): a form of address, not a role.
pub(crate) fn is_honorific(word: &str) -> bool {
    let w = word.trim().trim_end_matches('.');
    ["mr", "mrs", "ms", "miss", "dr", "mme", "messrs"].iter().any(|t| t.eq_ignore_ascii_case(w))
}

/// Words that form a title together with the next title word ("Prime Minister").
pub(crate) const TITLE_PREFIXES: &[&str] =
    &["prime", "deputy", "vice", "foreign", "defense", "defence", "former", "supreme", "field", "grand", "chief"];

/// True when `word` (any case, a trailing period allowed) is a title.
pub(crate) fn is_title(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    TITLES.iter().any(|t| t.eq_ignore_ascii_case(w))
}

/// True when `word` is a title prefix.
pub(crate) fn is_title_prefix(word: &str) -> bool {
    TITLE_PREFIXES.iter().any(|t| t.eq_ignore_ascii_case(word))
}

/// Name suffixes that are not surnames.
pub(crate) fn is_name_suffix(word: &str) -> bool {
    matches!(fold(word).as_str(), "jr" | "sr" | "ii" | "iii" | "iv")
}

/// True when `word` looks like an acronym: 2 to 8 upper-case letters, periods allowed.
pub(crate) fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|&c| c != '.').count();
    (2..=8).contains(&letters) && word.chars().all(|c| c == '.' || c.is_ascii_uppercase() || c == '&')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_merge_variants() {
        let same = [
            ("Sergei", "Sergey", false),
            ("Dmitry", "Dmitriy", false),
            ("Dmitri", "Dmitry", false),
            ("Zakharova", "Zakharov", true),
            ("Petrovskaya", "Petrovsky", true),
            ("Kowalska", "Kowalski", true),
            ("Karenina", "Karenin", true),
            ("Stephanopoulos", "Stefanopoulos", false),
            ("Mikhail", "Mihail", false),
            ("al-Assad", "Assad", false),
            ("Müller", "Muller", false),
            ("Soleimani’s", "Soleimani", false),
        ];
        for (a, b, g) in same {
            assert_eq!(name_key(a, g), name_key(b, g), "{a} / {b}");
        }
        assert_ne!(name_key("Lavrov", true), name_key("Lavrova_x", true));
        assert_ne!(name_key("Maria", false), name_key("Mario", false));
    }

    #[test]
    fn similarity_table() {
        let cases = [("soleimani", "suleimani", true), ("ievgeni", "evgeni", true), ("putin", "peskov", false)];
        for (a, b, close) in cases {
            assert_eq!(similarity(a, b) >= 0.8, close, "{a} {b}");
        }
        assert_eq!(similarity("", ""), 1.0);
        assert_eq!(similarity("a", ""), 0.0);
    }

    #[test]
    fn word_classes() {
        assert!(is_title("Gen."));
        assert!(is_title("President"));
        assert!(!is_title("Vladimir"));
        assert!(is_acronym("EADS"));
        assert!(is_acronym("U.N."));
        assert!(!is_acronym("Eads"));
        assert!(!is_acronym("A"));
        assert!(is_name_suffix("Jr."));
        for (w, want) in
            [("Mr.", true), ("Mrs", true), ("MS.", true), ("Dr.", true), ("President", false), ("Mrs.Y", false)]
        {
            assert_eq!(is_honorific(w), want, "{w}");
        }
    }
}
