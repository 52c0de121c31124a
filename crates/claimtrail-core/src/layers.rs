//! Layer item types.

use claimtrail_text::{Ranged, TextRange};
use std::borrow::Cow;

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$m:meta])* $name:ident) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub struct $name(pub u32);
        impl $name {
            /// As a vector index.
            #[inline]
            pub fn index(self) -> usize {
                self.0 as usize
            }
            /// From a vector index.
            #[inline]
            pub fn from_index(i: usize) -> Self {
                Self(u32::try_from(i).expect("id fits in u32"))
            }
        }
    };
}

id_type!(/// Index into [`crate::Document::tokens`].
    TokenId);
id_type!(/// Index into [`crate::Document::mentions`].
    MentionId);
id_type!(/// Index into [`crate::Document::entities`].
    EntityId);
id_type!(/// Index into [`crate::Document::times`].
    TimeId);
id_type!(/// Index into [`crate::Document::attributions`].
    AttributionId);
id_type!(/// Index into [`crate::Document::claims`].
    ClaimId);

/// A sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Span in the text.
    pub range: TextRange,
    /// Its tokens: indices `tokens.start..tokens.end` into the token layer.
    pub tokens: std::ops::Range<u32>,
    /// Paragraph number (0-based), counting blank-line or newline separated blocks.
    pub paragraph: u32,
}

impl Ranged for Sentence {
    fn range(&self) -> TextRange {
        self.range
    }
}

/// Coarse class of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TokenKind {
    /// Letters (possibly with inner apostrophes, hyphens, periods: `U.S.`, `al-Assad`).
    Word,
    /// Digits (possibly with separators: `1,000`, `3.5`, `24th`, `2015-08-07`).
    Number,
    /// A quotation mark.
    Quote(QuoteKind),
    /// Other punctuation.
    Punct,
    /// Anything else (symbols, emoji, currency).
    Symbol,
}

/// Which side of a quotation a quote mark opens or closes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum QuoteKind {
    /// An opening mark (`“`, `‘`, `«`, or a straight quote judged opening).
    Open,
    /// A closing mark.
    Close,
    /// A straight mark whose side could not be told.
    Ambiguous,
}

/// A token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// Span in the text.
    pub range: TextRange,
    /// Coarse class.
    pub kind: TokenKind,
    /// Index of its sentence.
    pub sentence: u32,
    /// True when whitespace (or the start of the text) precedes it.
    pub space_before: bool,
}

impl Ranged for Token {
    fn range(&self) -> TextRange {
        self.range
    }
}

/// Universal Dependencies part-of-speech tag (UPOS, the 17 tags of UD v2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Upos {
    /// Adjective.
    Adj,
    /// Adposition (preposition, postposition).
    Adp,
    /// Adverb.
    Adv,
    /// Auxiliary ("is" in "is said", "has", "will").
    Aux,
    /// Coordinating conjunction.
    Cconj,
    /// Determiner.
    Det,
    /// Interjection.
    Intj,
    /// Common noun.
    Noun,
    /// Numeral.
    Num,
    /// Particle ("'s", "not", infinitival "to").
    Part,
    /// Pronoun.
    Pron,
    /// Proper noun.
    Propn,
    /// Punctuation.
    Punct,
    /// Subordinating conjunction ("that", "if", "because").
    Sconj,
    /// Symbol.
    Sym,
    /// Verb.
    Verb,
    /// Other.
    X,
}

impl Upos {
    /// All tags, in index order.
    pub const ALL: [Upos; 17] = [
        Upos::Adj,
        Upos::Adp,
        Upos::Adv,
        Upos::Aux,
        Upos::Cconj,
        Upos::Det,
        Upos::Intj,
        Upos::Noun,
        Upos::Num,
        Upos::Part,
        Upos::Pron,
        Upos::Propn,
        Upos::Punct,
        Upos::Sconj,
        Upos::Sym,
        Upos::Verb,
        Upos::X,
    ];

    /// UD tag name (`NOUN`).
    pub fn as_str(self) -> &'static str {
        match self {
            Upos::Adj => "ADJ",
            Upos::Adp => "ADP",
            Upos::Adv => "ADV",
            Upos::Aux => "AUX",
            Upos::Cconj => "CCONJ",
            Upos::Det => "DET",
            Upos::Intj => "INTJ",
            Upos::Noun => "NOUN",
            Upos::Num => "NUM",
            Upos::Part => "PART",
            Upos::Pron => "PRON",
            Upos::Propn => "PROPN",
            Upos::Punct => "PUNCT",
            Upos::Sconj => "SCONJ",
            Upos::Sym => "SYM",
            Upos::Verb => "VERB",
            Upos::X => "X",
        }
    }

    /// The tag of a UD name, `None` for anything else.
    pub fn parse(s: &str) -> Option<Upos> {
        Upos::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// Index in [`Upos::ALL`].
    #[inline]
    pub fn index(self) -> usize {
        self as usize
    }

    /// The tag at an index of [`Upos::ALL`] (`X` past the end).
    #[inline]
    pub fn from_index(i: usize) -> Upos {
        Upos::ALL.get(i).copied().unwrap_or(Upos::X)
    }

    /// A noun or proper noun.
    #[inline]
    pub fn is_nominal(self) -> bool {
        matches!(self, Upos::Noun | Upos::Propn)
    }
}

/// NER label in the CoNLL-2003 scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum NerLabel {
    /// Person.
    Per,
    /// Organization.
    Org,
    /// Location.
    Loc,
    /// Miscellaneous (nationalities, events, ...).
    Misc,
}

impl NerLabel {
    /// CoNLL tag name.
    pub fn as_str(self) -> &'static str {
        match self {
            NerLabel::Per => "PER",
            NerLabel::Org => "ORG",
            NerLabel::Loc => "LOC",
            NerLabel::Misc => "MISC",
        }
    }
}

/// Kind of an entity in the claimtrail contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A person.
    Person,
    /// An organization other than a news outlet.
    Organization,
    /// A news outlet or agency.
    Outlet,
    /// A place, country, city; also a government named by its capital ("Moscow").
    Location,
    /// Anything else.
    Other,
}

impl EntityKind {
    /// Contract name.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Outlet => "outlet",
            EntityKind::Location => "location",
            EntityKind::Other => "other",
        }
    }
}

/// A mention of a named entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Span in the text.
    pub range: TextRange,
    /// CoNLL label (for evaluation and features).
    pub label: NerLabel,
    /// claimtrail kind (an `Org` may be an `Outlet`).
    pub kind: EntityKind,
}

impl Ranged for Mention {
    fn range(&self) -> TextRange {
        self.range
    }
}

/// An entity: mentions of one referent merged inside the article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Canonical name (the longest full form seen).
    pub name: String,
    /// Kind.
    pub kind: EntityKind,
    /// Other names seen for it (surnames, transliteration variants, ...).
    pub aliases: Vec<String>,
    /// Roles and titles ("press secretary of the President of Russia").
    pub roles: Vec<String>,
    /// Its mentions, in text order.
    pub mentions: Vec<MentionId>,
    /// Extra spans that refer to it but are not named mentions (role phrases, pronouns).
    pub references: Vec<TextRange>,
}

/// Type of a time expression (TIMEX3 `type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimeKind {
    /// A calendar date or period (`2015-08-07`, `2015-W32`, `PAST_REF`).
    Date,
    /// A time of day.
    Time,
    /// A duration (`P3M`).
    Duration,
    /// A recurring time (`every week`).
    Set,
}

/// How a time value was fixed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Anchor {
    /// Computed from the publication date.
    Published,
    /// The text fixes it by itself.
    Absolute,
    /// Could not be fixed.
    None,
}

/// A normalized time expression.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeExpr {
    /// Span in the text.
    pub range: TextRange,
    /// TIMEX3 type.
    pub kind: TimeKind,
    /// TIMEX3-style value (`2015-08-07`, `2015-08`, `P3M`, `PAST_REF`), if any.
    pub value: Option<String>,
    /// How the value was fixed.
    pub anchor: Anchor,
}

impl Ranged for TimeExpr {
    fn range(&self) -> TextRange {
        self.range
    }
}

/// Kind of an attribution's source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// A person.
    Person,
    /// An organization.
    Organization,
    /// A news outlet.
    Outlet,
    /// A place standing for its government ("Moscow denied ...").
    Location,
    /// Something else.
    Other,
    /// An anonymous description ("a senior official", "sources").
    Anonymous,
    /// A source that could not be resolved (a pronoun with no antecedent).
    Unresolved,
}

impl From<EntityKind> for SourceKind {
    fn from(k: EntityKind) -> Self {
        match k {
            EntityKind::Person => SourceKind::Person,
            EntityKind::Organization => SourceKind::Organization,
            EntityKind::Outlet => SourceKind::Outlet,
            EntityKind::Location => SourceKind::Location,
            EntityKind::Other => SourceKind::Other,
        }
    }
}

/// The source of an attribution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The span as written nearest the cue (it can be a pronoun).
    pub range: TextRange,
    /// What it is.
    pub kind: SourceKind,
    /// The entity it resolves to, if any.
    pub entity: Option<EntityId>,
    /// The earlier mention it was resolved through, when the span as written does not name the
    /// source itself ("he" -> "Dmitry Peskov"; "the official" -> "a senior official in ...").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub antecedent: Option<TextRange>,
}

impl Source {
    /// A source named by its own span (no antecedent).
    pub fn new(range: TextRange, kind: SourceKind, entity: Option<EntityId>) -> Source {
        Source { range, kind, entity, antecedent: None }
    }
}

/// Why an attribution says what it says: short machine-readable codes of the rule or model
/// behind each part, so a reader can check a row and filter weak ones.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Why {
    /// How the cue was found (`speech_verb`, `cue_model`, `pattern`, `label`, ...).
    pub cue: Cow<'static, str>,
    /// How the source was resolved (`named`, `pronoun`, `role`, `anonymous`, `none`, ...).
    pub source: Cow<'static, str>,
    /// The rule behind the stance (`default`, `deny_cue`, `negated_cue`, `refutation`, ...).
    pub stance: Cow<'static, str>,
}

/// Whether the content is quoted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Form {
    /// Inside quotation marks.
    Direct,
    /// Reported speech.
    Indirect,
    /// Partly quoted.
    Mixed,
}

/// The source's stance toward the content's proposition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    /// Says it is so.
    Asserts,
    /// Says it is not so.
    Denies,
    /// Says it may be so ("reportedly", "alleged").
    Hedges,
    /// Says they do not know, or declines to comment.
    NoKnowledge,
}

impl Stance {
    /// Contract name.
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Asserts => "asserts",
            Stance::Denies => "denies",
            Stance::Hedges => "hedges",
            Stance::NoKnowledge => "no_knowledge",
        }
    }
}

/// One hop of the chain that relayed a statement ("quoted by RIA Novosti").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Via {
    /// The hop as written.
    pub range: TextRange,
    /// The entity it resolves to, if any.
    pub entity: Option<EntityId>,
}

/// An attribution: a source, a cue, a content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribution {
    /// Who is said to have said it; `None` when the text gives no source at all.
    pub source: Option<Source>,
    /// The cue words ("said", "according to", "quoted by").
    pub cue: TextRange,
    /// What was said.
    pub content: TextRange,
    /// Direct, indirect or mixed.
    pub form: Form,
    /// Stance toward the content.
    pub stance: Stance,
    /// The relaying chain, nearest hop first.
    pub via: Vec<Via>,
    /// When it was said, if the text says so.
    pub said_on: Option<TimeId>,
    /// How sure the extractor is that the row is right, in hundredths (0-100).
    #[serde(default)]
    pub confidence: u8,
    /// The rules behind the row.
    #[serde(default)]
    pub why: Why,
}

impl Ranged for Attribution {
    fn range(&self) -> TextRange {
        self.cue
    }
}

/// A claim: the proposition that attributions are about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    /// A short statement of the proposition ("Lavrov met Khamenei").
    pub gist: String,
    /// Its participants.
    pub entities: Vec<EntityId>,
    /// When it happened, if the contents say.
    pub when: Option<TimeId>,
    /// Attributions about it.
    pub attributions: Vec<AttributionId>,
    /// True when some attribution asserts it and another denies it.
    pub contested: bool,
    /// Event class of the proposition ("meet", "visit"), when the contents name an event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upos_names_round_trip() {
        for (i, t) in Upos::ALL.into_iter().enumerate() {
            assert_eq!(t.index(), i);
            assert_eq!(Upos::from_index(i), t);
            assert_eq!(Upos::parse(t.as_str()), Some(t));
        }
        let cases = [("NOUN", Some(Upos::Noun)), ("PROPN", Some(Upos::Propn)), ("noun", None), ("_", None)];
        for (name, want) in cases {
            assert_eq!(Upos::parse(name), want, "{name}");
        }
        assert_eq!(serde_json::to_string(&Upos::Cconj).unwrap(), "\"CCONJ\"");
    }
}
