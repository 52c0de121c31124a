//! Part-of-speech tagging: a UPOS tag for every token.
//!
//! An averaged perceptron over the 17 Universal Dependencies tags, trained on UD English EWT
//! ([`train`]; `claimtrail train pos`), decoded greedily left to right with the two previous
//! tags as features ([`features`]). The weight table is the NER's ([`crate::entities::model`]:
//! hashed features, rows of 17 quantized `i16` weights, word case statistics) under its own
//! magic, in `models/pos.bin`, embedded and parsed once.
//!
//! ```
//! use claimtrail_core::{Meta, Upos};
//! use claimtrail_pipeline::Pipeline;
//! let doc = Pipeline::new().analyze(Meta::default(), "The minister said it.").unwrap();
//! assert_eq!(doc.pos, [Upos::Det, Upos::Noun, Upos::Verb, Upos::Pron, Upos::Punct]);
//! ```

use claimtrail_core::{Document, Upos};

use crate::entities::features::{tok_info, TokInfo, N_TAGS};
use crate::entities::gazetteer::Gazetteers;
use crate::entities::model::{Model, Scorer};
use crate::{Result, Stage};

pub mod features;
pub mod train;

/// Magic of the POS model file (the NER's format, see [`Model::from_bytes_with_magic`]).
pub const MAGIC: &[u8; 8] = b"CTPOS001";

// The POS tagger shares the NER's 17-column weight table.
const _: () = assert!(Upos::ALL.len() == N_TAGS);

/// The English bundle's POS model (trained by `claimtrail train pos`), parsed on first use;
/// `None` if its file is empty or broken.
pub fn embedded() -> Option<&'static Model> {
    crate::language::ENGLISH.pos_model()
}

/// The model's per-word byte (the NER format's case table): the case-statistics bucket in the
/// low 3 bits and, above them, `1 +` the tag of a frequent word that training data always gives
/// one tag ("the", "said", ","), 0 for others. Such words are tagged without scoring.
#[inline]
pub fn word_entry(case: u8, dict: Option<Upos>) -> u8 {
    case & 7 | dict.map_or(0, |t| (t.index() as u8 + 1) << 3)
}

/// The [`TokInfo`] of a word: its case bucket, in `gaz[0]` the bits of the NER gazetteers
/// (places, first names, surnames, outlets) that list the word alone, in any case (web and news
/// text write proper nouns in lowercase too: "kerala", "ipod"), and in `gaz[1]` its dictionary
/// tag + 1 (see [`word_entry`]), 0 for none.
#[inline]
pub fn token(word: &str, entry: &impl Fn(u64) -> u8, gaz: &Gazetteers) -> TokInfo {
    let mut t = tok_info(word);
    let e = entry(t.lw);
    t.case = e & 7;
    t.gaz = [gaz.lower.get(&t.lw).copied().unwrap_or(0), e >> 3, 0, 0];
    t
}

/// Token infos of a sentence's words (see [`token`]).
pub fn prepare<'a>(words: impl IntoIterator<Item = &'a str>, case: &impl Fn(u64) -> u8) -> Vec<TokInfo> {
    let gaz = Gazetteers::embedded();
    words.into_iter().map(|w| token(w, case, gaz)).collect()
}

/// Tags one sentence greedily left to right. A word with a dictionary tag gets it without
/// scoring; for the others `visit(i, feats, best)` sees the token's features and best-scoring
/// tag index and returns the tag to keep as history (decoding passes the best through; training
/// too, so it learns from its own mistakes). Tag indices go to `out`.
pub fn decode<S: Scorer>(
    scorer: &S,
    toks: &[TokInfo],
    feats: &mut Vec<u64>,
    out: &mut Vec<u8>,
    mut visit: impl FnMut(usize, &[u64], u8) -> u8,
) {
    out.clear();
    let (mut prev, mut prev2) = (0u8, 0u8);
    for i in 0..toks.len() {
        if toks[i].gaz[1] != 0 {
            let tag = toks[i].gaz[1] - 1;
            out.push(tag);
            prev2 = prev;
            prev = tag + 1;
            continue;
        }
        feats.clear();
        features::features(toks, i, prev, prev2, feats);
        let mut scores = [0f32; N_TAGS];
        scorer.score(feats, &mut scores);
        let mut best = 0u8;
        for (tag, &s) in scores.iter().enumerate() {
            if s > scores[best as usize] {
                best = tag as u8;
            }
        }
        let tag = visit(i, feats, best);
        out.push(tag);
        prev2 = prev;
        prev = tag + 1;
    }
}

/// Tags the words of one sentence with `model`.
pub fn tag_with(model: &Model, words: &[&str]) -> Vec<Upos> {
    let toks = prepare(words.iter().copied(), &|lw| model.case_of(lw));
    let mut out = Vec::new();
    decode(model, &toks, &mut Vec::new(), &mut out, |_, _, t| t);
    out.into_iter().map(|t| Upos::from_index(t.into())).collect()
}

/// Tags the words of one sentence with the embedded model; empty when none is embedded.
pub fn tag_words(words: &[&str]) -> Vec<Upos> {
    embedded().map_or_else(Vec::new, |m| tag_with(m, words))
}

/// Tags every token of a document, sentence by sentence, after the [`crate::segment::Segmenter`].
#[derive(Debug, Clone, Copy, Default)]
pub struct PosTagger {
    /// The language bundle it reads its resources from.
    pub bundle: &'static crate::language::Bundle,
}

impl Stage for PosTagger {
    const NAME: &'static str = "pos";
    type Output = Vec<Upos>;

    /// One tag per token (tokens outside every sentence get `X`); empty when no model is
    /// embedded.
    fn run(&self, doc: &Document) -> Result<Vec<Upos>> {
        let Some(model) = self.bundle.pos_model() else { return Ok(Vec::new()) };
        let mut tags = vec![Upos::X; doc.tokens.len()];
        let gaz = self.bundle.gazetteers();
        let case = |lw| model.case_of(lw);
        let (mut infos, mut feats, mut out) = (Vec::new(), Vec::new(), Vec::new());
        for s in &doc.sentences {
            let range = s.tokens.start as usize..s.tokens.end as usize;
            infos.clear();
            infos.extend(doc.tokens[range.clone()].iter().map(|t| token(doc.slice(t.range), &case, gaz)));
            decode(model, &infos, &mut feats, &mut out, |_, _, t| t);
            for (slot, &t) in tags[range].iter_mut().zip(&out) {
                *slot = Upos::from_index(t.into());
            }
        }
        Ok(tags)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::Segmenter;
    use claimtrail_core::Meta;

    #[test]
    fn tags_news_sentences() {
        use Upos::*;
        let cases: &[(&str, &[Upos])] = &[
            ("The minister said it.", &[Det, Noun, Verb, Pron, Punct]),
            (
                "Peskov told reporters on Monday that the talks would resume.",
                &[Propn, Verb, Noun, Adp, Propn, Sconj, Det, Noun, Aux, Verb, Punct],
            ),
            ("Heavy criticism followed, officials said.", &[Adj, Noun, Verb, Punct, Noun, Verb, Punct]),
            ("He denied the reports.", &[Pron, Verb, Det, Noun, Punct]),
        ];
        for (text, want) in cases {
            let mut doc = Document::new(Meta::default(), *text);
            let seg = Segmenter.run(&doc).unwrap();
            doc.sentences = seg.sentences;
            doc.tokens = seg.tokens;
            let tags = PosTagger::default().run(&doc).unwrap();
            assert_eq!(tags.len(), doc.tokens.len());
            assert_eq!(&tags, want, "{text}");
        }
    }

    #[test]
    fn tag_words_matches_the_stage() {
        let words = ["She", "agreed", "."];
        assert_eq!(tag_words(&words), [Upos::Pron, Upos::Verb, Upos::Punct]);
        assert!(tag_words(&[]).is_empty());
    }
}
