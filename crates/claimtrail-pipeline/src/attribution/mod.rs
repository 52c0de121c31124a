//! Attribution extraction: source, cue, content, via chain, stance.
//!
//! Two steps inside one stage: [`extract`] finds the spans (cue, source as written, content,
//! via hops, form) — this is what PolNeAR scores; [`enrich`] gives each one its meaning:
//! the source's kind and entity (pronouns and role phrases resolved, anonymous sources
//! recognized), the stance toward the content, and the date of the statement.

use claimtrail_core::{Attribution, Diagnostic, Document, Form, TextRange};

use crate::{Result, Stage};

pub mod enrich;
pub mod extract;
pub mod verdict;

/// Nouns that name a report, a claim or a rumour: what a denial or a verdict can be about, and
/// what a "that" clause after them gives the content of ("reports that X", "the claim that X").
/// One list for every stage that asks.
pub(crate) const REPORT_NOUNS: &[&str] = &[
    "report",
    "reports",
    "claim",
    "claims",
    "allegation",
    "allegations",
    "rumor",
    "rumors",
    "rumour",
    "rumours",
    "story",
    "stories",
    "speculation",
    "suggestion",
    "suggestions",
    "assertion",
    "assertions",
    "news",
    "article",
    "articles",
];

/// `w` (lowercase) is one of the [`REPORT_NOUNS`].
pub(crate) fn is_report_noun(w: &str) -> bool {
    REPORT_NOUNS.contains(&w)
}

/// An attribution as found in the text, before enrichment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawAttribution {
    /// The cue ("said", "according to", "was stated by", "quoted by").
    pub cue: TextRange,
    /// The source as written nearest the cue, if the text gives one.
    pub source: Option<TextRange>,
    /// The content.
    pub content: TextRange,
    /// Relaying hops as written, nearest first ("RIA Novosti" in "quoted by RIA Novosti";
    /// "Reuters" in "told Reuters, citing a senior official").
    pub via: Vec<TextRange>,
    /// Direct, indirect or mixed.
    pub form: Form,
}

/// Output of the [`AttributionExtractor`].
#[derive(Debug, Clone, Default)]
pub struct AttributionLayer {
    /// Attributions in text order of their cue.
    pub attributions: Vec<Attribution>,
    /// Soft failures (unresolved sources, unbalanced quotes).
    pub diagnostics: Vec<Diagnostic>,
}

/// Extracts attributions.
#[derive(Debug, Clone, Copy, Default)]
pub struct AttributionExtractor {
    /// The language bundle it reads its resources from.
    pub bundle: &'static crate::language::Bundle,
}

impl Stage for AttributionExtractor {
    const NAME: &'static str = "attribution";
    type Output = AttributionLayer;

    fn run(&self, doc: &Document) -> Result<AttributionLayer> {
        let mut raw = extract::extract_with(doc, self.bundle.cue_model());
        let own_voice = verdict::verdicts(doc, &raw);
        // a cue word inside a verdict ("information" in "has no information", "calls" in "did
        // not return calls") is part of it
        raw.retain(|r| {
            !own_voice.iter().any(|o| if o.source.is_some() { verdict::extent(o) } else { o.cue }.contains_range(r.cue))
        });
        verdict::cut_reported_subjects(&mut raw, &own_voice);
        raw.extend(own_voice);
        Ok(enrich::enrich(doc, &raw))
    }
}
