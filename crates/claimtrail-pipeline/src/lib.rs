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
    /// The default pipeline (embedded models).
    pub fn new() -> Self {
        Self::default()
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
