//! CoNLL-2003 NER: the reader, and exact-span scoring of the entity recognizer.
//!
//! A file holds `word POS chunk NER` lines, blank lines between sentences and `-DOCSTART-`
//! lines between documents; NER tags are IOB1 (`I-PER`, with `B-PER` only between two
//! adjacent entities of one type) or IOB2. Each gold document becomes a [`Document`] whose text
//! is its words joined by spaces (one sentence per line) and whose sentence and token layers are
//! the gold ones, so predicted and gold spans compare exactly.

use std::path::Path;

use claimtrail_core::{Document, Meta, NerLabel, Sentence, TextRange, Token, TokenKind};
use claimtrail_pipeline::entities::train::{TrainDoc, TrainSentence};
use claimtrail_pipeline::{Pipeline, Stage};

use crate::{Error, Prf, Report, Result};

/// One gold sentence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConllSentence {
    /// Words.
    pub words: Vec<String>,
    /// Entities: `(start, end, label)` in word indices, `end` exclusive.
    pub entities: Vec<(usize, usize, NerLabel)>,
}

/// One gold document (the sentences between two `-DOCSTART-` lines).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConllDoc {
    /// Sentences.
    pub sentences: Vec<ConllSentence>,
}

fn parse_label(s: &str) -> Option<NerLabel> {
    match s {
        "PER" => Some(NerLabel::Per),
        "ORG" => Some(NerLabel::Org),
        "LOC" => Some(NerLabel::Loc),
        "MISC" => Some(NerLabel::Misc),
        _ => None,
    }
}

/// Entity spans of IOB1 or IOB2 tags (`O`, `I-X`, `B-X`); unknown types are skipped.
pub fn entities_of<S: AsRef<str>>(tags: &[S]) -> Vec<(usize, usize, NerLabel)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, NerLabel)> = None;
    for (i, t) in tags.iter().enumerate() {
        let t = t.as_ref();
        let (begin, label) = match t.split_once('-') {
            Some(("B", l)) => (true, parse_label(l)),
            Some(("I", l)) => (false, parse_label(l)),
            _ => (false, None),
        };
        let continues = matches!((open, label), (Some((_, o)), Some(l)) if o == l && !begin);
        if !continues {
            if let Some((s, l)) = open.take() {
                out.push((s, i, l));
            }
            open = label.map(|l| (i, l));
        }
    }
    if let Some((s, l)) = open {
        out.push((s, tags.len(), l));
    }
    out
}

/// Parses CoNLL text: the first column is the word, the last the NER tag.
pub fn parse(text: &str) -> Vec<ConllDoc> {
    let mut docs = vec![ConllDoc::default()];
    let (mut words, mut tags): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
    let flush = |docs: &mut Vec<ConllDoc>, words: &mut Vec<String>, tags: &mut Vec<String>| {
        if !words.is_empty() {
            let entities = entities_of(tags);
            docs.last_mut().expect("one doc").sentences.push(ConllSentence { words: std::mem::take(words), entities });
            tags.clear();
        }
    };
    for line in text.lines() {
        let mut cols = line.split_whitespace();
        let Some(word) = cols.next() else {
            flush(&mut docs, &mut words, &mut tags);
            continue;
        };
        if word == "-DOCSTART-" {
            flush(&mut docs, &mut words, &mut tags);
            if !docs.last().expect("one doc").sentences.is_empty() {
                docs.push(ConllDoc::default());
            }
            continue;
        }
        let tag = cols.next_back().unwrap_or("O");
        words.push(word.to_string());
        tags.push(tag.to_string());
    }
    flush(&mut docs, &mut words, &mut tags);
    docs.retain(|d| !d.sentences.is_empty());
    docs
}

/// Reads a CoNLL file.
///
/// # Errors
/// An unreadable file, or one with no sentences.
pub fn read(path: &Path) -> Result<Vec<ConllDoc>> {
    let docs = parse(&crate::read(path)?);
    if docs.is_empty() {
        return Err(Error::Format { path: path.display().to_string(), message: "no sentences".into() });
    }
    Ok(docs)
}

/// Gold documents as training input for [`claimtrail_pipeline::entities::train`].
pub fn to_train(docs: &[ConllDoc]) -> Vec<TrainDoc> {
    docs.iter()
        .map(|d| TrainDoc {
            sentences: d
                .sentences
                .iter()
                .map(|s| TrainSentence { words: s.words.clone(), entities: s.entities.clone() })
                .collect(),
        })
        .collect()
}

fn token_kind(w: &str) -> TokenKind {
    match w.chars().next() {
        Some(c) if c.is_alphabetic() => TokenKind::Word,
        Some(c) if c.is_numeric() => TokenKind::Number,
        Some('"' | '\'' | '`') => TokenKind::Quote(claimtrail_core::QuoteKind::Ambiguous),
        Some(c) if c.is_ascii_punctuation() => TokenKind::Punct,
        _ => TokenKind::Symbol,
    }
}

/// A document with the gold tokenization of `gold`, and the gold entities as byte ranges.
pub fn document(id: &str, gold: &ConllDoc) -> (Document, Vec<(TextRange, NerLabel)>) {
    let mut text = String::new();
    let (mut sentences, mut tokens, mut entities) = (Vec::new(), Vec::new(), Vec::new());
    for (si, s) in gold.sentences.iter().enumerate() {
        if si > 0 {
            text.push('\n');
        }
        let first = tokens.len();
        let start = text.len();
        for (k, w) in s.words.iter().enumerate() {
            if k > 0 {
                text.push(' ');
            }
            let a = text.len();
            text.push_str(w);
            tokens.push(Token {
                range: TextRange::from_usize(a, text.len()),
                kind: token_kind(w),
                sentence: si as u32,
                space_before: true,
            });
        }
        sentences.push(Sentence {
            range: TextRange::from_usize(start, text.len()),
            tokens: first as u32..tokens.len() as u32,
            paragraph: si as u32,
        });
        for &(a, b, l) in &s.entities {
            entities.push((TextRange::new(tokens[first + a].range.start(), tokens[first + b - 1].range.end()), l));
        }
    }
    let mut doc = Document::new(Meta { id: id.to_string(), language: Some("en".into()), ..Meta::default() }, text);
    doc.sentences = sentences;
    doc.tokens = tokens;
    (doc, entities)
}

fn line_of(doc: &Document, r: TextRange) -> &str {
    let t = doc.text();
    let a = t[..r.start() as usize].rfind('\n').map_or(0, |i| i + 1);
    let b = t[r.end() as usize..].find('\n').map_or(t.len(), |i| i + r.end() as usize);
    &t[a..b]
}

const LABELS: [NerLabel; 4] = [NerLabel::Per, NerLabel::Org, NerLabel::Loc, NerLabel::Misc];

/// Exact-span counts of predicted against gold entities, overall and per label.
pub fn score(pred: &[(TextRange, NerLabel)], gold: &[(TextRange, NerLabel)], parts: &mut [Prf; 5]) {
    for (i, label) in std::iter::once(None).chain(LABELS.iter().copied().map(Some)).enumerate() {
        let keep = |x: &&(TextRange, NerLabel)| label.is_none_or(|l| x.1 == l);
        let p: Vec<_> = pred.iter().filter(keep).collect();
        let g: Vec<_> = gold.iter().filter(keep).collect();
        let tp = p.iter().filter(|x| g.contains(x)).count() as f64;
        parts[i].add(Prf { tp_pred: tp, tp_gold: tp, pred: p.len() as f64, gold: g.len() as f64 });
    }
}

/// Scores the entity recognizer of `pipeline` on the CoNLL file at `path`: exact-span P/R/F1,
/// overall and per label.
///
/// # Errors
/// An unreadable file, or a failing stage.
pub fn evaluate(pipeline: &Pipeline, path: &Path) -> Result<Report> {
    let docs = read(path)?;
    // Lists every error on stderr, for error analysis.
    let debug = std::env::var_os("CLAIMTRAIL_CONLL_ERRORS").is_some();
    let mut parts = [Prf::default(); 5];
    for (i, d) in docs.iter().enumerate() {
        let (doc, gold) = document(&format!("conll-{i}"), d);
        let layer = pipeline.entities.run(&doc)?;
        let pred: Vec<(TextRange, NerLabel)> = layer.mentions.iter().map(|m| (m.range, m.label)).collect();
        score(&pred, &gold, &mut parts);
        if debug {
            for (r, l) in pred.iter().filter(|x| !gold.contains(x)) {
                eprintln!("FP {}\t{}\t{}", l.as_str(), doc.slice(*r), line_of(&doc, *r));
            }
            for (r, l) in gold.iter().filter(|x| !pred.contains(x)) {
                eprintln!("FN {}\t{}\t{}", l.as_str(), doc.slice(*r), line_of(&doc, *r));
            }
        }
    }
    let names = ["overall", "PER", "ORG", "LOC", "MISC"];
    Ok(Report {
        title: format!("conll {} (exact-span entities)", path.display()),
        documents: docs.len(),
        parts: names.iter().zip(parts).map(|(n, p)| (n.to_string(), p)).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob_tags_to_spans() {
        use NerLabel::*;
        type Case<'a> = (&'a [&'a str], &'a [(usize, usize, NerLabel)]);
        let cases: &[Case] = &[
            (&["I-PER", "I-PER", "O", "I-LOC"], &[(0, 2, Per), (3, 4, Loc)]),
            (&["I-PER", "B-PER", "O"], &[(0, 1, Per), (1, 2, Per)]),
            (&["B-ORG", "I-ORG", "I-MISC"], &[(0, 2, Org), (2, 3, Misc)]),
            (&["O", "O"], &[]),
            (&["I-XYZ", "I-LOC"], &[(1, 2, Loc)]),
        ];
        for (tags, want) in cases {
            assert_eq!(entities_of(tags), want.to_vec(), "{tags:?}");
        }
    }

    #[test]
    fn parses_documents_and_builds_aligned_text() {
        let text = "-DOCSTART- -X- O O\n\nAnna NNP I-NP I-PER\nBerg NNP I-NP I-PER\nsang VBD I-VP O\n\n\
                    Oslo NNP I-NP I-LOC\n\n-DOCSTART- -X- O O\n\nHi UH O O\n";
        let docs = parse(text);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences.len(), 2);
        let (doc, gold) = document("x", &docs[0]);
        assert_eq!(doc.text(), "Anna Berg sang\nOslo");
        let spans: Vec<&str> = gold.iter().map(|(r, _)| doc.slice(*r)).collect();
        assert_eq!(spans, ["Anna Berg", "Oslo"]);
        assert_eq!(doc.sentences[1].tokens, 3..4);

        let mut parts = [Prf::default(); 5];
        let pred = vec![gold[0], (gold[1].0, NerLabel::Org)];
        score(&pred, &gold, &mut parts);
        assert_eq!(parts[0], Prf { tp_pred: 1.0, tp_gold: 1.0, pred: 2.0, gold: 2.0 });
        assert_eq!(parts[3].gold, 1.0);
        assert_eq!(parts[3].tp_gold, 0.0);
    }
}
