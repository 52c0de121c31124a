//! Language bundles: everything a language's stages read, in one place.
//!
//! A [`Bundle`] holds the models and word lists of one language (part-of-speech tagger, NER
//! model, gazetteers, cue lexicon and cue classifier) and the text analyzer (folding, stop
//! words, stemming) that the pipeline, the corpus records and `check` share. Stages are built
//! from a bundle ([`crate::Pipeline::for_language`]); each resource is parsed on first use and
//! kept for the life of the process. Adding a language is adding a bundle: its models are
//! trained by the same `train` commands on that language's data.
//!
//! English is the only bundle today. The stance and verdict word lists (refutation verbs,
//! hedges, no-comment phrases) are still English constants inside their stages; they are the
//! next resources to move here.

use std::sync::OnceLock;

use claimtrail_text::analyzer::{Language, TextAnalyzer};

use crate::attribution::extract::cuemodel::CueModel;
use crate::entities::gazetteer::Gazetteers;
use crate::entities::model::Model;

/// The resources of one language.
#[derive(Debug)]
pub struct Bundle {
    /// ISO 639-1 code ("en").
    pub code: &'static str,
    /// English name of the language.
    pub name: &'static str,
    text: Language,
    pos_bytes: &'static [u8],
    ner_bytes: &'static [u8],
    cue_bytes: &'static [u8],
    cue_lexicon: &'static str,
    gazetteers: GazetteerLists,
    pos: OnceLock<Option<Model>>,
    ner: OnceLock<Option<Model>>,
    cue: OnceLock<CueModel>,
    gaz: OnceLock<Gazetteers>,
}

/// The gazetteer word lists of a bundle (one entry per line).
#[derive(Debug, Clone, Copy)]
pub struct GazetteerLists {
    /// Places.
    pub loc: &'static str,
    /// First names.
    pub first: &'static str,
    /// Surnames.
    pub last: &'static str,
    /// News outlets and agencies.
    pub outlets: &'static str,
    /// Organizations (multiword names).
    pub orgs: &'static str,
}

/// English: models trained on UD English EWT (tagger), CoNLL-2003 (NER) and PolNeAR (cues).
pub static ENGLISH: Bundle = Bundle {
    code: "en",
    name: "English",
    text: Language::En,
    pos_bytes: include_bytes!("../models/pos.bin"),
    ner_bytes: include_bytes!("../models/ner.bin"),
    cue_bytes: include_bytes!("../models/attr_cue.bin"),
    cue_lexicon: include_str!("attribution/cues.tsv"),
    gazetteers: GazetteerLists {
        loc: include_str!("../models/gaz/loc.txt"),
        first: include_str!("../models/gaz/first.txt"),
        last: include_str!("../models/gaz/last.txt"),
        outlets: include_str!("../models/gaz/outlets.txt"),
        orgs: include_str!("../models/gaz/orgs.txt"),
    },
    pos: OnceLock::new(),
    ner: OnceLock::new(),
    cue: OnceLock::new(),
    gaz: OnceLock::new(),
};

/// The English bundle: what a stage built with `Default` reads.
impl Default for &'static Bundle {
    fn default() -> Self {
        &ENGLISH
    }
}

/// Every bundle.
pub static BUNDLES: &[&Bundle] = &[&ENGLISH];

/// The bundle of a language tag: its primary subtag ("en", "en-US", "EN_gb") or English name.
pub fn bundle(tag: &str) -> Option<&'static Bundle> {
    let primary = tag.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    BUNDLES.iter().copied().find(|b| b.code == primary || b.name.eq_ignore_ascii_case(tag.trim()))
}

/// The codes of every bundle ("en").
pub fn supported() -> Vec<&'static str> {
    BUNDLES.iter().map(|b| b.code).collect()
}

impl Bundle {
    /// The text analyzer (folding, stop words, stemming) of this language.
    pub fn analyzer(&self) -> TextAnalyzer {
        TextAnalyzer::new(self.text)
    }

    /// The part-of-speech model; `None` if the bundle's file is empty or broken.
    pub fn pos_model(&self) -> Option<&Model> {
        self.pos.get_or_init(|| Model::from_bytes_with_magic(self.pos_bytes, crate::pos::MAGIC).ok()).as_ref()
    }

    /// The NER model; `None` if the bundle's file is empty or broken.
    pub fn ner_model(&self) -> Option<&Model> {
        self.ner.get_or_init(|| Model::from_bytes(self.ner_bytes).ok()).as_ref()
    }

    /// The attribution cue classifier (all-zero when none was trained).
    pub fn cue_model(&self) -> &CueModel {
        self.cue.get_or_init(|| CueModel::from_bytes(self.cue_bytes))
    }

    /// The cue lexicon as shipped (`word\tas_cue\toccurrences\tas_cue_without_source`).
    pub fn cue_lexicon(&self) -> &'static str {
        self.cue_lexicon
    }

    /// The gazetteers, parsed.
    pub fn gazetteers(&self) -> &Gazetteers {
        self.gaz.get_or_init(|| Gazetteers::from_lists(&self.gazetteers))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_find_bundles() {
        let cases = [
            ("en", Some("en")),
            ("en-US", Some("en")),
            ("EN_gb", Some("en")),
            ("English", Some("en")),
            ("ru", None),
            ("", None),
        ];
        for (tag, want) in cases {
            assert_eq!(bundle(tag).map(|b| b.code), want, "{tag}");
        }
    }

    #[test]
    fn pipelines_are_built_per_language() {
        use crate::{Error, Pipeline};
        assert_eq!(Pipeline::for_language("en-GB").unwrap().bundle().code, "en");
        assert!(matches!(Pipeline::for_language("ru"), Err(Error::UnsupportedLanguage { .. })));
        // an article labelled with another language is analyzed and says so
        let p = Pipeline::new();
        let meta = claimtrail_core::Meta { id: "x".into(), language: Some("ru".into()), ..Default::default() };
        let doc = p.analyze(meta, "Peskov said the meeting never happened.").unwrap();
        assert!(doc.diagnostics.iter().any(|d| d.stage == "pipeline" && d.message.contains("\"ru\"")));
        let meta = claimtrail_core::Meta { id: "y".into(), language: Some("en-US".into()), ..Default::default() };
        let doc = p.analyze(meta, "Peskov said the meeting never happened.").unwrap();
        assert!(doc.diagnostics.iter().all(|d| d.stage != "pipeline"));
    }

    #[test]
    fn english_resources_load() {
        assert!(ENGLISH.pos_model().is_some());
        assert!(ENGLISH.ner_model().is_some());
        assert!(!ENGLISH.cue_model().is_empty());
        assert!(ENGLISH.cue_lexicon().lines().count() > 100);
        assert_eq!(ENGLISH.analyzer().stem("denied"), ENGLISH.analyzer().stem("denies"));
    }
}
