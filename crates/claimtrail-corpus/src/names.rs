//! Name keys: folding the many spellings of one name to one key.
//!
//! [`fold_name`] applies, in order:
//!
//! 1. **Letters.** Lowercase; letters lose their accents through the shared analyzer
//!    ([`TextAnalyzer::fold_char`]: `Erdoğan` → `erdogan`, `Łukasz` → `lukasz`, `ß` → `ss`,
//!    `æ` → `ae`). Apostrophes vanish
//!    (`O'Brien` → `obrien`); other punctuation separates words, but initials run together
//!    (`U.S.` → `us`, `J.K. Rowling` → `jk rowling`). Other scripts
//!    (Cyrillic, Arabic script) are kept, lowercased (their marks go: `й` → `и`).
//! 2. **Articles and titles.** A hyphen-attached Arabic article goes (`al-Assad`, `el-Sisi` →
//!    `assad`, `sisi`), as does a free-standing `al` inside a name; leading titles go
//!    (`Mr`, `Dr`, `President`, `Ayatollah`, `Prime Minister`, ...: only at the start, and never
//!    the last word); trailing generational suffixes go (`Jr`, `Sr`, `II`, `III`, `IV`).
//! 3. **Transliteration.** Per word: `ph` → `f`, `kh` → `h`, `ks` → `x`, `tch` → `ch`,
//!    `dj` → `j`, `q` → `k`, a leading `ye` → `e`, every `y` → `i` (`Sergey`/`Sergei`,
//!    `Yuri`/`Iuri`, `Mariya`/`Maria`), `ou` → `u` (`Iouri`), a final `off`/`eff` → `ov`/`ev`
//!    (`Smirnoff`), then doubled letters are collapsed (`-iy` → `-ii` → `-i`, `Mohammed` →
//!    `mohamed`).
//! 4. **Vowel classes.** In a word still [`VOWEL_CLASS_MIN`] letters or longer, a final `-der` /
//!    `-ter` loses its `e` (`Alexander` / `Aleksandr`, `Peter` / `Petr`) and each run of vowels
//!    becomes one letter for the class of its first vowel, `a`/`e` → `a`, `o`/`u` → `u`, `i` →
//!    `i`: the short vowels that transliterations of Arabic and Persian write either way
//!    (`Mohammed`, `Muhammad`, `Mohamed` → `muhamad`; `Soleimani`, `Suleimani`, `Sulaimani` →
//!    `sulamani`). Consonants and the number of vowel runs stay, so `Khamenei` (`hamana`) and
//!    `Khomeini` (`humani`) stay apart, and so do gendered forms (`Zakharova` / `Zakharov`): the
//!    store decides whether those are one person (when the first names agree too).
//!
//! Everything is general: there is no per-name table.

use claimtrail_text::analyzer::TextAnalyzer;

/// The analyzer that folds case and accents: English.
const EN: TextAnalyzer = TextAnalyzer::english();

/// Words at least this long (after the transliteration rules) have their vowels reduced to
/// classes.
pub const VOWEL_CLASS_MIN: usize = 4;

/// Titles dropped at the start of a name.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mister",
    "madam",
    "dr",
    "doctor",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "president",
    "vice",
    "prime",
    "minister",
    "premier",
    "chancellor",
    "secretary",
    "general",
    "gen",
    "lt",
    "col",
    "colonel",
    "maj",
    "major",
    "capt",
    "captain",
    "sgt",
    "adm",
    "admiral",
    "marshal",
    "commander",
    "sen",
    "senator",
    "rep",
    "representative",
    "gov",
    "governor",
    "mayor",
    "judge",
    "justice",
    "rev",
    "reverend",
    "father",
    "pope",
    "cardinal",
    "bishop",
    "archbishop",
    "rabbi",
    "imam",
    "sheikh",
    "sheik",
    "shaikh",
    "ayatollah",
    "grand",
    "mullah",
    "king",
    "queen",
    "prince",
    "princess",
    "emir",
    "sultan",
    "crown",
    "hon",
    "honorable",
    "ambassador",
    "spokesman",
    "spokeswoman",
    "the",
];

/// Generational suffixes dropped at the end of a name.
const SUFFIXES: &[&str] = &["jr", "sr", "junior", "senior", "ii", "iii", "iv"];

/// Lowercased, accent-folded words of a name; apostrophes join, other punctuation splits.
/// `al-`/`el-` attached by a hyphen are dropped.
fn words(name: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut chars = name.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() {
            EN.fold_char(c, &mut cur);
        } else if matches!(c, '\'' | '’' | '`' | 'ʼ' | '‘') {
            // O'Brien, Ma'ariv: one word
        } else {
            let hyphen = matches!(c, '-' | '‐' | '‑');
            if hyphen && (cur == "al" || cur == "el") && chars.peek().is_some_and(|n| n.is_alphabetic()) {
                cur.clear();
                continue;
            }
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    // Initials spelled with periods are one word: "U.S." / "US", "J.K. Rowling" / "JK Rowling".
    let mut joined: Vec<String> = Vec::with_capacity(out.len());
    let mut prev_initial = false;
    for w in out {
        let initial = w.chars().count() == 1;
        match joined.last_mut() {
            Some(last) if initial && prev_initial => last.push_str(&w),
            _ => joined.push(w),
        }
        prev_initial = initial;
    }
    joined
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// The transliteration rules and the skeleton for one word (ASCII letters only; other words
/// are returned as they are).
fn fold_word(w: &str) -> String {
    if !w.bytes().all(|b| b.is_ascii_lowercase()) {
        return w.to_string();
    }
    let mut s = w.to_string();
    if s.starts_with("ye") && s.len() > 3 {
        s.replace_range(..2, "e");
    }
    for (from, to) in
        [("tch", "ch"), ("ph", "f"), ("kh", "h"), ("ks", "x"), ("dj", "j"), ("q", "k"), ("y", "i"), ("ou", "u")]
    {
        if s.contains(from) {
            s = s.replace(from, to);
        }
    }
    if s.len() > 4 {
        if let Some(stem) = s.strip_suffix("off") {
            s = format!("{stem}ov");
        } else if let Some(stem) = s.strip_suffix("eff") {
            s = format!("{stem}ev");
        }
    }
    // Collapse doubled letters.
    let mut b: Vec<u8> = Vec::with_capacity(s.len());
    for x in s.bytes() {
        if b.last() != Some(&x) {
            b.push(x);
        }
    }
    if b.len() >= VOWEL_CLASS_MIN {
        // A final "-der"/"-ter" loses its vowel: Alexander / Aleksandr, Peter / Petr.
        if b.ends_with(b"der") || b.ends_with(b"ter") {
            let n = b.len();
            b.remove(n - 2);
        }
        // Vowel runs to their class: a/e -> a, o/u -> u, i -> i (by the run's first vowel).
        let mut k: Vec<u8> = Vec::with_capacity(b.len());
        let mut prev_vowel = false;
        for &x in &b {
            if is_vowel(x) {
                if !prev_vowel {
                    k.push(match x {
                        b'a' | b'e' => b'a',
                        b'o' | b'u' => b'u',
                        _ => b'i',
                    });
                }
                prev_vowel = true;
            } else {
                k.push(x);
                prev_vowel = false;
            }
        }
        b = k;
    }
    String::from_utf8(b).unwrap_or_default()
}

/// The words of a name after titles, articles and suffixes are dropped (not yet transliterated).
fn core_words(name: &str) -> Vec<String> {
    let mut ws = words(name);
    // A free-standing Arabic article inside a name ("Bashar al Assad").
    if ws.len() > 2 {
        let last = ws.len() - 1;
        let mut i = 0;
        ws.retain(|w| {
            let keep = !(w == "al" && i > 0 && i < last);
            i += 1;
            keep
        });
    }
    while ws.len() > 1 && ws.last().is_some_and(|w| SUFFIXES.contains(&w.as_str())) {
        ws.pop();
    }
    let lead = ws.iter().take_while(|w| TITLES.contains(&w.as_str())).count();
    let lead = lead.min(ws.len().saturating_sub(1));
    ws.drain(..lead);
    ws
}

/// Folds a name for matching across articles: lowercase, accents and punctuation removed,
/// leading titles and trailing suffixes dropped, transliteration variants unified ("Sergey" /
/// "Sergei", "Aleksandr" / "Alexander", "Mohammed" / "Muhammad"). See the module docs for the
/// rules. The empty string for a name with no letters or digits.
pub fn fold_name(name: &str) -> String {
    let ws = core_words(name);
    let mut out = String::with_capacity(name.len());
    for w in &ws {
        let f = fold_word(w);
        if f.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&f);
    }
    out
}

/// The folded surname of a person's name: its last word after titles and suffixes
/// ("Dr. Martin Luther King Jr." → `king`). `None` for a name with no words.
pub fn surname(name: &str) -> Option<String> {
    core_words(name).last().map(|w| fold_word(w)).filter(|w| !w.is_empty())
}

/// The folded given name of a person's name, when it has one besides the surname.
pub fn given_name(name: &str) -> Option<String> {
    let ws = core_words(name);
    (ws.len() >= 2).then(|| fold_word(&ws[0])).filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_merge() {
        let same = [
            ("Sergey Lavrov", "Sergei Lavrov"),
            ("Dmitry Peskov", "Dmitri Peskov"),
            ("Dmitriy Peskov", "Dmitry Peskov"),
            ("Aleksandr Lukashenko", "Alexander Lukashenko"),
            ("Mohammed bin Salman", "Muhammad bin Salman"),
            ("Mohamed Morsi", "Mohammed Morsi"),
            ("Qasem Soleimani", "Qassem Suleimani"),
            ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"),
            ("Yuri Gagarin", "Iouri Gagarin"),
            ("Yury Ushakov", "Yuri Ushakov"),
            ("Mariya Zakharova", "Maria Zakharova"),
            ("Yevgeny Prigozhin", "Evgeniy Prigozhin"),
            ("Mikhail Gorbachev", "Mihail Gorbachev"),
            ("Anatoly Antonov", "Anatoliy Antonov"),
            ("Ayatollah Ali Khamenei", "Ali Khamenei"),
            ("President Vladimir Putin", "Vladimir Putin"),
            ("Mr. Bashar al-Assad", "Bashar Assad"),
            ("Bashar al Assad", "Bashar al-Assad"),
            ("Abdel Fattah el-Sisi", "Abdel Fattah Sisi"),
            ("Martin Luther King Jr.", "Martin Luther King"),
            ("Smirnoff", "Smirnov"),
            ("Tchaikovsky", "Chaikovsky"),
            ("Novak Djokovic", "Novak Jokovic"),
            ("Łukasz Kowalski", "Lukasz Kowalski"),
            ("Conan O'Brien", "Conan OBrien"),
            ("  RIA   Novosti ", "RIA Novosti"),
            ("Iraq", "Irak"),
            ("Peter Ivanov", "Petr Ivanov"),
            ("Sulaimani", "Soleimani"),
            ("Osama", "Usama"),
            ("Ahmed Shah", "Ahmad Shah"),
            ("U.S.", "US"),
            ("J.K. Rowling", "JK Rowling"),
        ];
        for (a, b) in same {
            assert_eq!(fold_name(a), fold_name(b), "{a} / {b}");
            assert!(!fold_name(a).is_empty(), "{a}");
        }
    }

    #[test]
    fn different_names_stay_apart() {
        let apart = [
            ("Maria Zakharova", "Maria Zakharov"),
            ("Ivanova", "Ivanov"),
            ("Alexandra Petrova", "Alexander Petrova"),
            ("Sergei Lavrov", "Sergei Shoigu"),
            ("Hassan Rouhani", "Hussein Rouhani"),
            ("Martin Smith", "Morton Smith"),
            ("Ali Khamenei", "Ali Khomeini"),
            ("El Salvador", "Salvador"),
            ("President", "Prime Minister"),
            ("Dmitry Peskov", "Dmitry Medvedev"),
            ("Reuters", "Reuter"),
        ];
        for (a, b) in apart {
            assert_ne!(fold_name(a), fold_name(b), "{a} / {b}");
        }
    }

    #[test]
    fn exact_keys() {
        let cases = [
            ("Sergei Lavrov", "sarga lavruv"),
            ("Ivan Petrov", "ivan patruv"),
            ("Mohammed", "muhamad"),
            ("Dr. Zakharova", "zaharuva"),
            ("President", "prasidant"),
            ("The Wall Street Journal", "wal strat jurnal"),
            ("Ms.", "ms"),
            ("Putin's", "putins"),
            ("Москва", "москва"),
            ("", ""),
            ("--", ""),
        ];
        for (name, want) in cases {
            assert_eq!(fold_name(name), want, "{name}");
        }
    }

    #[test]
    fn surnames_and_given_names() {
        let cases = [
            ("Dr. Martin Luther King Jr.", Some("king"), Some("martin")),
            ("Sergey Lavrov", Some("lavruv"), Some("sarga")),
            ("Peskov", Some("paskuv"), None),
            ("Henry Ford III", Some("furd"), Some("hanri")),
            ("", None, None),
        ];
        for (name, s, g) in cases {
            assert_eq!(surname(name).as_deref(), s, "{name}");
            assert_eq!(given_name(name).as_deref(), g, "{name}");
        }
    }
}
