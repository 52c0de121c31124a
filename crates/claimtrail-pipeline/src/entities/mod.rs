//! Entity recognition: named mentions and entities merged inside the article.
//!
//! Mentions come from an averaged-perceptron BILOU tagger trained on CoNLL-2003
//! ([`model`], [`features`], [`train`]; the model is `models/ner.bin`, embedded and parsed once),
//! then general repairs for ordinary news text ([`fix`]): titles and role words around names
//! ("President Vladimir Putin" → "Vladimir Putin", "Boeing CEO Scott Carson"), name particles
//! ("Mohammed bin Salman"), ministries ("the defense Ministry"), surnames of people named in full
//! earlier, capitalized common words ("the Agency", title-case headlines), and the curated lists
//! of [`gazetteer`]: outlets ("RIA Novosti", "The Wall Street Journal") and well-known
//! organizations are added when missed and relabelled when mislabelled. Outlets, listed or of
//! outlet shape ("... News", "the ... newspaper"), are ORG mentions of kind
//! [`EntityKind::Outlet`]. Mentions are then merged into entities by [`link`].
//!
//! ```
//! use claimtrail_core::{EntityKind, Meta};
//! use claimtrail_pipeline::Pipeline;
//! let doc = Pipeline::new().analyze(Meta::default(), "Dmitry Peskov told Reuters in Moscow.").unwrap();
//! let found: Vec<(&str, EntityKind)> = doc.mentions.iter().map(|m| (doc.slice(m.range), m.kind)).collect();
//! assert_eq!(
//!     found,
//!     [("Dmitry Peskov", EntityKind::Person), ("Reuters", EntityKind::Outlet), ("Moscow", EntityKind::Location)]
//! );
//! ```

use claimtrail_core::{Diagnostic, Document, Entity, EntityKind, Mention, NerLabel, TextRange};

use crate::{Result, Stage};

pub mod features;
pub mod fix;
pub mod gazetteer;
pub mod link;
pub mod model;
pub mod train;

use gazetteer::Gazetteers;
use model::{DocState, Model};

/// Output of the [`EntityRecognizer`].
#[derive(Debug, Clone, Default)]
pub struct EntityLayer {
    /// Named mentions, in text order.
    pub mentions: Vec<Mention>,
    /// Entities.
    pub entities: Vec<Entity>,
    /// Soft failures.
    pub diagnostics: Vec<Diagnostic>,
}

/// Finds named entities with the embedded perceptron model and the outlet gazetteer.
#[derive(Debug, Clone, Copy, Default)]
pub struct EntityRecognizer {
    /// The language bundle it reads its resources from.
    pub bundle: &'static crate::language::Bundle,
}

/// A mention found in one sentence, as token indices into the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenSpan {
    /// First token (document index).
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// CoNLL label.
    pub label: NerLabel,
}

/// Tags the words of one sentence with the embedded model (no document context); returns
/// `(start, end, label)` word spans. Empty when no model is embedded.
pub fn tag_words(words: &[&str]) -> Vec<(usize, usize, NerLabel)> {
    let Some(model) = Model::embedded() else { return Vec::new() };
    let toks = train::prepare(words.iter().copied(), &|lw| model.case_of(lw), Gazetteers::embedded());
    let mut out = Vec::new();
    DocState::new().tag(model, &toks, &mut out);
    train::spans_of(&out)
}

/// Runs the statistical tagger over every sentence of `doc`; spans in token indices.
pub fn model_spans(doc: &Document, model: &Model, gaz: &Gazetteers) -> Vec<TokenSpan> {
    let mut state = DocState::new();
    let mut tags = Vec::new();
    let mut spans = Vec::new();
    let case = |lw: u64| model.case_of(lw);
    for s in &doc.sentences {
        let base = s.tokens.start as usize;
        let toks = doc.sentence_tokens(s);
        if toks.is_empty() {
            continue;
        }
        let infos = train::prepare(toks.iter().map(|t| doc.slice(t.range)), &case, gaz);
        state.tag(model, &infos, &mut tags);
        for (a, b, label) in train::spans_of(&tags) {
            spans.push(TokenSpan { start: base + a, end: base + b, label });
        }
    }
    spans
}

/// The claimtrail kind of a CoNLL label (before outlet detection).
pub fn kind_of(label: NerLabel) -> EntityKind {
    match label {
        NerLabel::Per => EntityKind::Person,
        NerLabel::Org => EntityKind::Organization,
        NerLabel::Loc => EntityKind::Location,
        NerLabel::Misc => EntityKind::Other,
    }
}

impl Stage for EntityRecognizer {
    const NAME: &'static str = "entities";
    const VERSION: &'static str = "2";
    type Output = EntityLayer;

    fn run(&self, doc: &Document) -> Result<EntityLayer> {
        let mut diagnostics = Vec::new();
        let spans = match self.bundle.ner_model() {
            Some(model) => model_spans(doc, model, self.bundle.gazetteers()),
            None => {
                diagnostics.push(Diagnostic {
                    stage: Self::NAME,
                    range: None,
                    message: "no NER model embedded: only gazetteer mentions".into(),
                });
                Vec::new()
            }
        };
        let case = |w: &str| self.bundle.ner_model().map_or(0, |m| m.case_of(features::lower_hash(w)));
        let spans = fix::repair(doc, spans, &case);
        let mentions: Vec<Mention> = spans
            .iter()
            .map(|(s, kind)| Mention {
                range: TextRange::new(doc.tokens[s.start].range.start(), doc.tokens[s.end - 1].range.end()),
                label: s.label,
                kind: *kind,
            })
            .collect();
        let entities = link::link_entities(doc, &mentions);
        Ok(EntityLayer { mentions, entities, diagnostics })
    }
}

/// Lookups over a finished entity layer, shared by the stages that read it: the entity of each
/// mention (by mention index), and every reference span (role phrase, description) with its
/// entity, sorted by position.
pub(crate) fn entity_lookup(
    doc: &Document,
) -> (Vec<Option<claimtrail_core::EntityId>>, Vec<(TextRange, claimtrail_core::EntityId)>) {
    let mut mention_entity = vec![None; doc.mentions.len()];
    let mut refs = Vec::new();
    for (e, ent) in doc.entities.iter().enumerate() {
        let id = claimtrail_core::EntityId::from_index(e);
        for m in &ent.mentions {
            if let Some(slot) = mention_entity.get_mut(m.index()) {
                *slot = Some(id);
            }
        }
        refs.extend(ent.references.iter().map(|&r| (r, id)));
    }
    refs.sort_by_key(|(r, _)| (r.start(), r.end()));
    (mention_entity, refs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Pipeline;
    use claimtrail_core::Meta;

    fn mentions(text: &str) -> Vec<(String, EntityKind)> {
        let doc = Pipeline::new().analyze(Meta { id: "t".into(), ..Meta::default() }, text).unwrap();
        doc.mentions.iter().map(|m| (doc.slice(m.range).to_string(), m.kind)).collect()
    }

    #[test]
    fn tagging_without_scoring_plain_words_changes_nothing() {
        let model = Model::embedded().expect("embedded model parses");
        let gaz = Gazetteers::embedded();
        for s in [
            "Vincent van Gogh painted in Arles , the Dutch embassy said on Monday .",
            "Bashar al-Assad met officials of the Bank of America in New York .",
            "the minister , speaking to reporters , denied the report by Reuters .",
            "PRESIDENT OBAMA SAID THE DEAL WAS DONE .",
        ] {
            let toks = train::prepare(s.split(' '), &|lw| model.case_of(lw), gaz);
            let (mut full, mut fast) = (Vec::new(), Vec::new());
            DocState::new().decode(model, &toks, &mut full, |_, _, t| t);
            DocState::new().tag(model, &toks, &mut fast);
            assert_eq!(train::spans_of(&full), train::spans_of(&fast), "{s}");
        }
    }

    #[test]
    fn embedded_model_loads_and_tags() {
        let model = Model::embedded().expect("embedded model parses");
        assert!(model.len() > 1000);
        let spans = tag_words(&["John", "Smith", "flew", "to", "Paris", "on", "Monday", "."]);
        assert_eq!(spans, vec![(0, 2, NerLabel::Per), (4, 5, NerLabel::Loc)]);
    }

    #[test]
    fn recognizes_entities_in_news_sentences() {
        use EntityKind::*;
        let cases: &[(&str, &[(&str, EntityKind)])] = &[
            (
                "Angela Merkel met Emmanuel Macron in Berlin on Tuesday.",
                &[("Angela Merkel", Person), ("Emmanuel Macron", Person), ("Berlin", Location)],
            ),
            (
                "President Vladimir Putin spoke to reporters in Moscow.",
                &[("Vladimir Putin", Person), ("Moscow", Location)],
            ),
            (
                "The Wall Street Journal reported the deal, citing people familiar with it.",
                &[("The Wall Street Journal", Outlet)],
            ),
            ("The spokeswoman, quoted by RIA Novosti, called the report nonsense.", &[("RIA Novosti", Outlet)]),
            (
                "A spokesman for Microsoft Corp. declined to comment, Reuters said.",
                &[("Microsoft Corp.", Organization), ("Reuters", Outlet)],
            ),
            ("Nobody said anything about it yesterday.", &[]),
        ];
        for (text, want) in cases {
            let got = mentions(text);
            let want: Vec<(String, EntityKind)> = want.iter().map(|(s, k)| (s.to_string(), *k)).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn odd_inputs_give_ordered_spans_in_bounds() {
        let long = "The Reuters News Agency said Anna Berg of Oslo met RIA Novosti. ".repeat(300);
        let inputs = [
            "\u{201c}\u{201d} \u{2019}s ( ) -- The",
            "ALL CAPS HEADLINE ABOUT MOSCOW AND REUTERS",
            "the the the The The The",
            "Mr. Mr. Mr. President",
            "(((( Anna )))) Berg's \"Oslo",
            "Москва и Пекин. 東京 Reuters",
            "President",
            "Mohammed bin",
            long.as_str(),
        ];
        for text in inputs {
            let doc = Pipeline::new().analyze(Meta { id: "t".into(), ..Meta::default() }, text).unwrap();
            let mut last_end = 0;
            for m in &doc.mentions {
                assert!(m.range.start() >= last_end, "{text}: overlapping or unordered mentions");
                assert!(m.range.end() as usize <= text.len() && !m.range.is_empty());
                assert!(text.is_char_boundary(m.range.start() as usize));
                last_end = m.range.end();
            }
        }
    }
}
