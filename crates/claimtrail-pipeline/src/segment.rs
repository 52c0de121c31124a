//! Sentence and token segmentation.
//!
//! A single pass over the characters of the original text makes tokens (PTB-like: clitics
//! `'s` and `n't` split off, abbreviations and initialisms keep their period, numbers keep
//! their separators, every quote mark is its own token with a guessed side); a second pass
//! over the tokens draws sentence boundaries at final punctuation, at paragraph breaks and
//! after an initialism that ends a sentence.

use claimtrail_core::{Document, QuoteKind, Sentence, TextRange, Token, TokenKind};

use crate::{Result, Stage};

/// Output of the [`Segmenter`].
#[derive(Debug, Clone, Default)]
pub struct Segmentation {
    /// Sentences.
    pub sentences: Vec<Sentence>,
    /// Tokens.
    pub tokens: Vec<Token>,
}

/// Rule-based tokenizer and sentence splitter for English news.
#[derive(Debug, Clone, Default)]
pub struct Segmenter;

impl Stage for Segmenter {
    const NAME: &'static str = "segment";
    type Output = Segmentation;

    fn run(&self, doc: &Document) -> Result<Segmentation> {
        Ok(segment(doc.text()))
    }
}

/// Abbreviations that keep their period (lowercased, without the period).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt", "cpl", "pvt", "sen",
    "rep", "gov", "pres", "sec", "amb", "rev", "hon", "st", "jr", "sr", "inc", "corp", "co", "ltd", "bros", "dept",
    "univ", "assn", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue",
    "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "vs", "etc", "approx", "est", "fig", "ft", "mt", "no",
    "nos", "vol", "ave", "blvd", "rd", "p.m", "a.m", "e.g", "i.e", "ala", "ariz", "ark", "calif", "colo", "conn",
    "del", "fla", "ga", "ill", "ind", "kan", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb",
    "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo", "op", "ed", "al", "det", "insp",
    "supt", "atty",
];

/// Titles: an abbreviation after which a name always follows, never a sentence end.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt", "cpl", "pvt", "sen",
    "rep", "gov", "pres", "amb", "rev", "hon", "st", "det", "insp", "supt", "atty",
];

/// Words that start sentences but rarely follow an initialism inside a name ("U.S. The").
const SENTENCE_STARTERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "this",
    "that",
    "these",
    "those",
    "in",
    "on",
    "at",
    "but",
    "and",
    "or",
    "so",
    "if",
    "when",
    "while",
    "after",
    "before",
    "as",
    "his",
    "her",
    "their",
    "its",
    "our",
    "there",
    "here",
    "what",
    "who",
    "why",
    "how",
    "some",
    "many",
    "most",
    "one",
    "however",
    "meanwhile",
    "still",
    "yet",
    "for",
    "by",
    "with",
    "from",
    "to",
    "according",
    "last",
    "mr",
    "ms",
    "mrs",
    "dr",
];

fn is_abbreviation(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

fn is_quote_char(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '‟' | '«' | '»' | '‘' | '’' | '‚' | '‛' | '\'' | '`' | '‹' | '›')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn is_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '―' | '‒')
}

/// Segments `text` into sentences and tokens.
pub fn segment(text: &str) -> Segmentation {
    let tokens = tokenize(text);
    split_sentences(text, tokens)
}

/// Tokenizes `text`. Every token's `sentence` is 0 until [`split_sentences`] sets it.
pub fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let at = |i: usize| -> Option<char> { chars.get(i).map(|&(_, c)| c) };
    let off = |i: usize| -> usize { chars.get(i).map_or(text.len(), |&(b, _)| b) };
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut space_before = true;
    let mut i = 0;
    while i < n {
        let c = chars[i].1;
        if c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}' {
            space_before = true;
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if (c == 'n' || c == 'N')
            && !space_before
            && at(i + 1).is_some_and(is_apostrophe)
            && at(i + 2).is_some_and(|e| e == 't' || e == 'T')
        {
            // the n't clitic, right after a word split before it
            i += 3;
            kind = TokenKind::Word;
        } else if c.is_alphanumeric() {
            // A word or number: alphanumerics joined by inner connectors.
            let mut j = i + 1;
            loop {
                match at(j) {
                    Some(d) if d.is_alphanumeric() || d == '\u{0301}' => j += 1,
                    Some(d)
                        if (d == '-' || d == '.' || d == '/' || d == '&' || d == '_' || d == '@')
                            && at(j + 1).is_some_and(|e| e.is_alphanumeric()) =>
                    {
                        j += 2
                    }
                    Some(',')
                        if at(j - 1).is_some_and(|e| e.is_ascii_digit())
                            && (1..=3).all(|k| at(j + k).is_some_and(|e| e.is_ascii_digit()))
                            && !at(j + 4).is_some_and(|e| e.is_ascii_digit()) =>
                    {
                        j += 4
                    }
                    Some(a) if is_apostrophe(a) && at(j + 1).is_some_and(|e| e.is_alphabetic()) => {
                        // Clitics split off: 's, 're, 've, 'll, 'd, 'm; n't below.
                        let rest: String =
                            chars[j + 1..(j + 4).min(n)].iter().map(|&(_, c)| c.to_ascii_lowercase()).collect();
                        let clitic_len = ["s", "re", "ve", "ll", "d", "m"].iter().find_map(|cl| {
                            (rest.starts_with(cl) && !at(j + 1 + cl.len()).is_some_and(|e| e.is_alphanumeric()))
                                .then_some(cl.len())
                        });
                        let nt = at(j - 1).is_some_and(|e| e == 'n' || e == 'N')
                            && rest.starts_with('t')
                            && !at(j + 2).is_some_and(|e| e.is_alphanumeric());
                        if clitic_len.is_some() || nt {
                            break;
                        }
                        j += 2; // O'Brien, D'Souza
                    }
                    _ => break,
                }
            }
            // n't: "don't" -> "do" "n't"
            if j - i >= 3
                && at(j - 1).is_some_and(|e| e == 'n' || e == 'N')
                && at(j).is_some_and(is_apostrophe)
                && at(j + 1).is_some_and(|e| e == 't' || e == 'T')
                && !at(j + 2).is_some_and(|e| e.is_alphanumeric())
            {
                j -= 1;
            }
            // A final period that belongs to the word: abbreviations, initialisms, initials.
            if at(j) == Some('.') {
                let word = &text[off(i)..off(j)];
                let initialism = word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2);
                let initial = word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase());
                if is_abbreviation(word) || initialism || initial {
                    j += 1;
                }
            }
            let word = &text[off(i)..off(j)];
            kind = if word.starts_with(|c: char| c.is_ascii_digit()) { TokenKind::Number } else { TokenKind::Word };
            i = j;
        } else if is_apostrophe(c)
            && at(i + 1).is_some_and(|e| e.is_alphabetic())
            && i > 0
            && chars[i - 1].1.is_alphanumeric()
        {
            // A clitic: 's 're 've 'll 'd 'm
            let mut j = i + 1;
            while at(j).is_some_and(|e| e.is_alphabetic()) {
                j += 1;
            }
            kind = TokenKind::Word;
            i = j;
        } else if is_quote_char(c) {
            let prev = if i == 0 { None } else { Some(chars[i - 1].1) };
            let next = at(i + 1);
            let q = match c {
                '“' | '„' | '‟' | '«' | '‘' | '‚' | '‛' | '‹' | '`' => QuoteKind::Open,
                '”' | '»' | '’' | '›' => QuoteKind::Close,
                _ => {
                    let before_open =
                        prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '-'));
                    let after_close = next.is_none_or(|d| d.is_whitespace() || (d.is_ascii_punctuation() && d != '('));
                    match (before_open, after_close) {
                        (true, false) => QuoteKind::Open,
                        (false, true) => QuoteKind::Close,
                        _ => QuoteKind::Ambiguous,
                    }
                }
            };
            // `` and '' as in PTB text
            if (c == '`' && next == Some('`')) || (c == '\'' && next == Some('\'')) {
                i += 2;
            } else {
                i += 1;
            }
            kind = TokenKind::Quote(q);
        } else if c == '.' && at(i + 1) == Some('.') {
            let mut j = i;
            while at(j) == Some('.') {
                j += 1;
            }
            i = j;
            kind = TokenKind::Punct;
        } else if c == '-' && at(i + 1) == Some('-') {
            let mut j = i;
            while at(j) == Some('-') {
                j += 1;
            }
            i = j;
            kind = TokenKind::Punct;
        } else if c.is_ascii_punctuation() || is_dash(c) || matches!(c, '…' | '•' | '·' | '¿' | '¡') {
            i += 1;
            kind = TokenKind::Punct;
        } else {
            i += 1;
            kind = TokenKind::Symbol;
        }
        tokens.push(Token { range: TextRange::from_usize(off(start), off(i)), kind, sentence: 0, space_before });
        space_before = false;
    }
    tokens
}

fn is_final_punct(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "..." | "…" | "?!" | "!?") || (s.len() > 1 && s.bytes().all(|b| b == b'.'))
}

/// Draws sentence boundaries over `tokens` and returns both layers.
pub fn split_sentences(text: &str, mut tokens: Vec<Token>) -> Segmentation {
    let mut sentences = Vec::new();
    if tokens.is_empty() {
        return Segmentation { sentences, tokens };
    }
    let tok = |t: &Token| &text[t.range];
    let gap = |a: &Token, b: &Token| &text[a.range.end() as usize..b.range.start() as usize];
    let mut start = 0usize;
    let mut paragraph = 0u32;
    let n = tokens.len();
    let mut i = 0;
    while i < n {
        let t = tokens[i];
        let mut end_here = false;
        let mut new_paragraph = false;
        if i + 1 < n {
            let g = gap(&t, &tokens[i + 1]);
            let newlines = g.matches('\n').count();
            if newlines >= 2 || (newlines == 1 && line_break_ends_sentence(text, &tokens, i)) {
                end_here = true;
                new_paragraph = true;
            }
        }
        if !end_here && i + 1 < n {
            let s = tok(&t);
            if is_final_punct(s) || (t.kind == TokenKind::Word && s.ends_with('.') && s.len() > 1) {
                // Attach closing quotes and brackets that follow directly.
                let mut j = i + 1;
                while j < n
                    && !tokens[j].space_before
                    && (matches!(
                        tokens[j].kind,
                        TokenKind::Quote(QuoteKind::Close) | TokenKind::Quote(QuoteKind::Ambiguous)
                    ) || matches!(tok(&tokens[j]), ")" | "]"))
                {
                    j += 1;
                }
                if j < n {
                    let next = &tokens[j];
                    let ns = tok(next);
                    let starts_upper = ns.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                        || matches!(
                            next.kind,
                            TokenKind::Quote(QuoteKind::Open) | TokenKind::Quote(QuoteKind::Ambiguous)
                        )
                        || matches!(ns, "(" | "[" | "—" | "–");
                    let ok = if t.kind == TokenKind::Word {
                        // abbreviation with its period
                        let bare = s.trim_end_matches('.').to_ascii_lowercase();
                        let is_title = TITLES.contains(&bare.as_str());
                        let single_initial = bare.chars().count() == 1;
                        !is_title
                            && !single_initial
                            && starts_upper
                            && (SENTENCE_STARTERS.contains(&ns.to_ascii_lowercase().as_str())
                                || matches!(next.kind, TokenKind::Quote(_)))
                    } else {
                        starts_upper && (next.space_before || matches!(next.kind, TokenKind::Quote(_)))
                    };
                    if ok {
                        i = j - 1;
                        end_here = true;
                        if i + 1 < n {
                            let g = gap(&tokens[i], &tokens[i + 1]);
                            new_paragraph = g.contains('\n');
                        }
                    }
                }
            }
        }
        if end_here || i + 1 == n {
            push_sentence(&mut sentences, &mut tokens, start, i + 1, paragraph);
            start = i + 1;
            if new_paragraph {
                paragraph += 1;
            }
        }
        i += 1;
    }
    Segmentation { sentences, tokens }
}

/// A single line break ends a sentence unless the line is hard-wrapped prose: the line does
/// not end in final punctuation and the next starts in lower case.
fn line_break_ends_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    let here = &text[tokens[i].range];
    let next = &text[tokens[i + 1].range];
    let ends = is_final_punct(here) || matches!(tokens[i].kind, TokenKind::Quote(_)) || here.ends_with(':');
    let lower_next = next.chars().next().is_some_and(|c| c.is_lowercase());
    ends || !lower_next
}

fn push_sentence(sentences: &mut Vec<Sentence>, tokens: &mut [Token], s: usize, e: usize, paragraph: u32) {
    if s >= e {
        return;
    }
    let idx = sentences.len() as u32;
    for t in &mut tokens[s..e] {
        t.sentence = idx;
    }
    sentences.push(Sentence {
        range: tokens[s].range.cover(tokens[e - 1].range),
        tokens: s as u32..e as u32,
        paragraph,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| &text[t.range]).collect()
    }

    fn sents(text: &str) -> Vec<&str> {
        segment(text).sentences.iter().map(|s| &text[s.range]).collect()
    }

    #[test]
    fn tokens_table() {
        let cases: &[(&str, &[&str])] = &[
            ("Mr. Smith's car.", &["Mr.", "Smith", "'s", "car", "."]),
            (
                "The U.S. said $1,000.50 isn't 24-hour.",
                &["The", "U.S.", "said", "$", "1,000.50", "is", "n't", "24-hour", "."],
            ),
            ("“No,” he said — twice.", &["“", "No", ",", "”", "he", "said", "—", "twice", "."]),
            ("D’Souza’s book", &["D’Souza", "’s", "book"]),
            ("\"Yes\" -- maybe...", &["\"", "Yes", "\"", "--", "maybe", "..."]),
            ("Sept. 15, 2015", &["Sept.", "15", ",", "2015"]),
            ("J. Smith", &["J.", "Smith"]),
            ("e-mail: a@b.com", &["e-mail", ":", "a@b.com"]),
        ];
        for (text, want) in cases {
            assert_eq!(toks(text), *want, "{text}");
        }
    }

    #[test]
    fn quote_sides() {
        let text = "He said \"no\" and 'yes'.";
        let kinds: Vec<_> = tokenize(text)
            .iter()
            .filter_map(|t| match t.kind {
                TokenKind::Quote(q) => Some(q),
                _ => None,
            })
            .collect();
        assert_eq!(kinds, vec![QuoteKind::Open, QuoteKind::Close, QuoteKind::Open, QuoteKind::Close]);
    }

    #[test]
    fn sentences_table() {
        let cases: &[(&str, &[&str])] = &[
            ("Mr. Smith went to Washington. He said no.", &["Mr. Smith went to Washington.", "He said no."]),
            ("It is in the U.S. The end.", &["It is in the U.S.", "The end."]),
            ("The U.S. Army left.", &["The U.S. Army left."]),
            ("“Go home.” He left.", &["“Go home.”", "He left."]),
            ("Title line\n\nBody here. More.", &["Title line", "Body here.", "More."]),
            ("Gen. Qasem Soleimani left. Sept. 15 came.", &["Gen. Qasem Soleimani left.", "Sept. 15 came."]),
            ("Det. James Patterson said it was clean.", &["Det. James Patterson said it was clean."]),
            ("Is it? Yes! Fine", &["Is it?", "Yes!", "Fine"]),
            ("wrapped line\ncontinues here.", &["wrapped line\ncontinues here."]),
        ];
        for (text, want) in cases {
            assert_eq!(sents(text), *want, "{text}");
        }
    }

    #[test]
    fn paragraphs_counted() {
        let s = segment("One. Two.\n\nThree.\nFour.");
        let p: Vec<u32> = s.sentences.iter().map(|s| s.paragraph).collect();
        assert_eq!(p, vec![0, 0, 1, 2]);
    }

    #[test]
    fn tokens_know_their_sentence() {
        let text = "A b. C d.";
        let s = segment(text);
        for (si, sent) in s.sentences.iter().enumerate() {
            for t in &s.tokens[sent.tokens.start as usize..sent.tokens.end as usize] {
                assert_eq!(t.sentence as usize, si);
            }
        }
    }
}
