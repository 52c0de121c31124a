//! The `claimtrail.analysis/1` JSON contract.
//!
//! Offsets are character offsets (Unicode scalar values) into `document.text`, `end`
//! exclusive; ids are `e1`, `a1`, `c1`, ... in layer order. These types are the wire form:
//! they (de)serialize, so the store and other tools can read what `analyze` writes.

use serde::{Deserialize, Serialize};

use crate::{CharMap, Date, Document, Form, Stance, TextRange, TimeId};

/// Schema name written in every analysis.
pub const SCHEMA: &str = "claimtrail.analysis/1";

/// One analyzed document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The document and its metadata.
    pub document: DocumentOut,
    /// Entities.
    pub entities: Vec<EntityOut>,
    /// Attributions.
    pub attributions: Vec<AttributionOut>,
    /// Claims.
    pub claims: Vec<ClaimOut>,
    /// Time expressions.
    pub times: Vec<TimeOut>,
}

/// The document part.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentOut {
    /// Id.
    pub id: String,
    /// Title.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Publication date.
    pub published: Option<Date>,
    /// Language.
    pub language: String,
    /// Original text.
    pub text: String,
}

/// An entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityOut {
    /// `e1`, `e2`, ...
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// `person | organization | outlet | location | other`.
    pub kind: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// Roles and titles.
    pub roles: Vec<String>,
    /// Mentions as `[start, end]` char offsets.
    pub mentions: Vec<[u32; 2]>,
}

/// A span with its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpanOut {
    /// The text under the span.
    pub text: String,
    /// Start char offset.
    pub start: u32,
    /// End char offset (exclusive).
    pub end: u32,
}

/// The source of an attribution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceOut {
    /// Entity id it resolves to.
    pub entity: Option<String>,
    /// Span text as written.
    pub text: String,
    /// Entity kind, `anonymous` or `unresolved`.
    pub kind: String,
    /// Start char offset.
    pub start: u32,
    /// End char offset.
    pub end: u32,
    /// Name of the resolved entity (convenience for readers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The earlier mention the source was resolved through ("he" -> "Dmitry Peskov").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub antecedent: Option<SpanOut>,
}

/// One hop of a via chain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ViaOut {
    /// Entity id.
    pub entity: Option<String>,
    /// Text as written.
    pub text: String,
    /// Name of the resolved entity, for a hop written as a noun ("the paper" -> "New York Post").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// A time reference with its value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WhenOut {
    /// Text as written.
    pub text: String,
    /// Normalized value.
    pub value: Option<String>,
}

/// An attribution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttributionOut {
    /// `a1`, `a2`, ...
    pub id: String,
    /// Source, if any.
    pub source: Option<SourceOut>,
    /// Cue.
    pub cue: SpanOut,
    /// Content.
    pub content: SpanOut,
    /// `direct | indirect | mixed`.
    pub form: Form,
    /// `asserts | denies | hedges | no_knowledge`.
    pub stance: Stance,
    /// Relaying chain, nearest hop first.
    pub via: Vec<ViaOut>,
    /// When it was said.
    pub said_on: Option<WhenOut>,
    /// Claim id.
    pub claim: Option<String>,
    /// How sure the extractor is that the row is right, in [0, 1].
    #[serde(default)]
    pub confidence: f32,
    /// The rules behind the row: `{"cue", "source", "stance"}` codes.
    #[serde(default)]
    pub why: crate::Why,
}

/// A claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimOut {
    /// `c1`, `c2`, ...
    pub id: String,
    /// Short statement.
    pub gist: String,
    /// Participant entity ids.
    pub entities: Vec<String>,
    /// When it happened.
    pub when: Option<WhenOut>,
    /// Attribution ids.
    pub attributions: Vec<String>,
    /// Asserted by some and denied by others.
    pub contested: bool,
    /// Event class ("meet", "visit", ...), when the contents name an event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
}

/// A time expression.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeOut {
    /// Text.
    pub text: String,
    /// Start char offset.
    pub start: u32,
    /// End char offset.
    pub end: u32,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: crate::TimeKind,
    /// Value.
    pub value: Option<String>,
    /// `published | absolute | none`.
    pub anchor: crate::Anchor,
}

impl Analysis {
    /// The contract form of a finished document.
    pub fn from_document(doc: &Document) -> Analysis {
        let text = doc.text();
        let map = CharMap::new(text);
        let span = |r: TextRange| {
            let (start, end) = map.char_range(r);
            SpanOut { text: text[r].to_string(), start, end }
        };
        let eid = |i: usize| format!("e{}", i + 1);
        let when = |t: TimeId| {
            let t = &doc.times[t.index()];
            WhenOut { text: text[t.range].to_string(), value: t.value.clone() }
        };
        let mut claim_of = vec![None; doc.attributions.len()];
        for (ci, c) in doc.claims.iter().enumerate() {
            for a in &c.attributions {
                if let Some(slot) = claim_of.get_mut(a.index()) {
                    *slot = Some(format!("c{}", ci + 1));
                }
            }
        }
        Analysis {
            schema: SCHEMA.to_string(),
            document: DocumentOut {
                id: doc.meta.id.clone(),
                title: doc.meta.title.clone(),
                outlet: doc.meta.outlet.clone(),
                url: doc.meta.url.clone(),
                published: doc.meta.published,
                language: doc.meta.language.clone().unwrap_or_else(|| "en".to_string()),
                text: text.to_string(),
            },
            entities: doc
                .entities
                .iter()
                .enumerate()
                .map(|(i, e)| EntityOut {
                    id: eid(i),
                    name: e.name.clone(),
                    kind: e.kind.as_str().to_string(),
                    aliases: e.aliases.clone(),
                    roles: e.roles.clone(),
                    mentions: e
                        .mentions
                        .iter()
                        .map(|m| {
                            let (s, e) = map.char_range(doc.mentions[m.index()].range);
                            [s, e]
                        })
                        .collect(),
                })
                .collect(),
            attributions: doc
                .attributions
                .iter()
                .enumerate()
                .map(|(i, a)| AttributionOut {
                    id: format!("a{}", i + 1),
                    source: a.source.as_ref().map(|s| {
                        let sp = span(s.range);
                        SourceOut {
                            entity: s.entity.map(|e| eid(e.index())),
                            text: sp.text,
                            kind: serde_json::to_value(s.kind)
                                .ok()
                                .and_then(|v| v.as_str().map(str::to_string))
                                .unwrap_or_default(),
                            start: sp.start,
                            end: sp.end,
                            name: s.entity.map(|e| doc.entities[e.index()].name.clone()),
                            antecedent: s.antecedent.map(span),
                        }
                    }),
                    cue: span(a.cue),
                    content: span(a.content),
                    form: a.form,
                    stance: a.stance,
                    via: a
                        .via
                        .iter()
                        .map(|v| ViaOut {
                            entity: v.entity.map(|e| eid(e.index())),
                            text: text[v.range].to_string(),
                            name: v.entity.map(|e| doc.entities[e.index()].name.clone()),
                        })
                        .collect(),
                    said_on: a.said_on.map(when),
                    claim: claim_of[i].clone(),
                    confidence: f32::from(a.confidence) / 100.0,
                    why: a.why.clone(),
                })
                .collect(),
            claims: doc
                .claims
                .iter()
                .enumerate()
                .map(|(i, c)| ClaimOut {
                    id: format!("c{}", i + 1),
                    gist: c.gist.clone(),
                    entities: c.entities.iter().map(|e| eid(e.index())).collect(),
                    when: c.when.map(when),
                    attributions: c.attributions.iter().map(|a| format!("a{}", a.index() + 1)).collect(),
                    contested: c.contested,
                    event: c.event.clone(),
                })
                .collect(),
            times: doc
                .times
                .iter()
                .map(|t| {
                    let sp = span(t.range);
                    TimeOut {
                        text: sp.text,
                        start: sp.start,
                        end: sp.end,
                        kind: t.kind,
                        value: t.value.clone(),
                        anchor: t.anchor,
                    }
                })
                .collect(),
        }
    }
}
