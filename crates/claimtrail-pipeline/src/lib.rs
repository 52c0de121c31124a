//! claimtrail's analysis pipeline.
//!
//! A [`Pipeline`] runs fixed, ordered stages over a [`Document`]; each stage reads the layers
//! below it and returns one new layer, which the pipeline inserts:
//!
//! 1. [`segment::Segmenter`]: sentences and tokens.
//! 2. [`pos::PosTagger`]: a UPOS tag per token (a perceptron trained on UD English EWT).
//! 3. [`entities::EntityRecognizer`]: named mentions (a perceptron trained on CoNLL-2003 plus
//!    gazetteers and rules) merged into entities with aliases and roles.
//! 4. [`time::TimeNormalizer`]: time expressions normalized against the publication date.
//! 5. [`attribution::AttributionExtractor`]: source, cue, content, via chain, stance.
//! 6. [`claims::ClaimLinker`]: attributions grouped into claims; contested claims.
//!
//! The stages read their models and word lists from a [`language::Bundle`];
//! [`Pipeline::for_language`] builds a pipeline for a language tag, [`Pipeline::new`] the
//! English one.
//!
//! ```
//! use claimtrail_core::Meta;
//! use claimtrail_pipeline::Pipeline;
//! let pipeline = Pipeline::new();
//! let doc = pipeline.analyze(Meta { id: "x".into(), ..Meta::default() }, "Peskov said no.").unwrap();
//! assert_eq!(doc.sentences.len(), 1);
//! ```

pub mod attribution;
pub mod claims;
pub mod entities;
mod error;
pub mod language;
pub mod pos;
pub mod segment;
pub mod time;

use claimtrail_core::{Document, Meta, Provenance};

pub use error::{Error, Result};

/// Largest article the pipeline accepts, in bytes. Offsets are `u32`, and no news article
/// comes near this; bigger inputs are rejected with [`Error::TooLarge`].
pub const MAX_TEXT_BYTES: usize = 64 * 1024 * 1024;

/// One analysis stage: reads a document, returns one layer.
pub trait Stage {
    /// Stage name, recorded in provenance.
    const NAME: &'static str;
    /// Stage version, recorded in provenance.
    const VERSION: &'static str = "1";
    /// The layer it makes.
    type Output;
    /// Runs the stage.
    fn run(&self, doc: &Document) -> Result<Self::Output>;
}

/// The full analysis pipeline with its fixed stage slots.
#[derive(Debug, Default)]
pub struct Pipeline {
    /// Sentences and tokens.
    pub segmenter: segment::Segmenter,
    /// Part-of-speech tags.
    pub pos: pos::PosTagger,
    /// Entities.
    pub entities: entities::EntityRecognizer,
    /// Time expressions.
    pub times: time::TimeNormalizer,
    /// Attributions.
    pub attributions: attribution::AttributionExtractor,
    /// Claims.
    pub claims: claims::ClaimLinker,
}

fn provenance<S: Stage>(layer: &'static str) -> Provenance {
    Provenance { layer, stage: S::NAME, version: S::VERSION }
}

impl Pipeline {
    /// The default pipeline: the English bundle.
    pub fn new() -> Self {
        Self::default()
    }

    /// The pipeline of a language tag ("en", "en-US", "English").
    ///
    /// # Errors
    /// [`Error::UnsupportedLanguage`] when no bundle serves the language.
    pub fn for_language(tag: &str) -> Result<Self> {
        let bundle = language::bundle(tag).ok_or_else(|| Error::UnsupportedLanguage {
            tag: tag.to_string(),
            supported: language::supported().join(", "),
        })?;
        Ok(Self {
            pos: pos::PosTagger { bundle },
            entities: entities::EntityRecognizer { bundle },
            attributions: attribution::AttributionExtractor { bundle },
            ..Self::default()
        })
    }

    /// The language bundle the stages read.
    pub fn bundle(&self) -> &'static language::Bundle {
        self.attributions.bundle
    }

    /// Analyzes one article.
    ///
    /// # Errors
    /// [`Error::Empty`] for a text with no visible characters, [`Error::TooLarge`] past
    /// [`MAX_TEXT_BYTES`]. Soft failures are recorded in `doc.diagnostics`.
    pub fn analyze(&self, meta: Meta, text: &str) -> Result<Document> {
        if text.trim().is_empty() {
            return Err(Error::Empty { doc: meta.id });
        }
        if text.len() > MAX_TEXT_BYTES {
            return Err(Error::TooLarge { doc: meta.id, bytes: text.len(), max: MAX_TEXT_BYTES });
        }
        let mut doc = Document::new(meta, text);
        self.run(&mut doc)?;
        // an article tagged with a language this pipeline does not serve is analyzed all the
        // same (feeds mislabel often), and says so
        let bundle = self.bundle();
        if let Some(tag) = doc.meta.language.as_deref() {
            if language::bundle(tag).is_none_or(|b| b.code != bundle.code) {
                doc.diagnostics.push(claimtrail_core::Diagnostic {
                    stage: "pipeline",
                    range: None,
                    message: format!("article language {tag:?} analyzed with the {} bundle", bundle.code),
                });
            }
        }
        Ok(doc)
    }

    /// Runs all stages on a document with no layers.
    pub fn run(&self, doc: &mut Document) -> Result<()> {
        let seg = self.segmenter.run(doc)?;
        doc.sentences = seg.sentences;
        doc.tokens = seg.tokens;
        doc.provenance.push(provenance::<segment::Segmenter>("tokens"));

        doc.pos = self.pos.run(doc)?;
        doc.provenance.push(provenance::<pos::PosTagger>("pos"));

        let ents = self.entities.run(doc)?;
        doc.mentions = ents.mentions;
        doc.entities = ents.entities;
        doc.diagnostics.extend(ents.diagnostics);
        doc.provenance.push(provenance::<entities::EntityRecognizer>("entities"));

        let times = self.times.run(doc)?;
        doc.times = times;
        doc.provenance.push(provenance::<time::TimeNormalizer>("times"));

        let attrs = self.attributions.run(doc)?;
        doc.attributions = attrs.attributions;
        doc.diagnostics.extend(attrs.diagnostics);
        doc.provenance.push(provenance::<attribution::AttributionExtractor>("attributions"));

        let claims = self.claims.run(doc)?;
        doc.claims = claims;
        doc.provenance.push(provenance::<claims::ClaimLinker>("claims"));
        Ok(())
    }
}
