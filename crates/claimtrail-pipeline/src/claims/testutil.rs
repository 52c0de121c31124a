//! Hand-built documents for the tests of the meaning layer: segmented text plus mentions and
//! time expressions placed by string search.

use claimtrail_core::{Anchor, Document, EntityKind, Mention, Meta, NerLabel, TextRange, TimeExpr, TimeKind};

use crate::attribution::RawAttribution;
use claimtrail_core::Form;

/// A segmented document over `text`.
pub(crate) fn doc(text: &str) -> Document {
    let mut d = Document::new(Meta { id: "t".into(), ..Meta::default() }, text);
    let seg = crate::segment::segment(text);
    d.sentences = seg.sentences;
    d.tokens = seg.tokens;
    d
}

/// A segmented document over `text`, tagged by the embedded part-of-speech model.
pub(crate) fn tagged_doc(text: &str) -> Document {
    use crate::Stage;
    let mut d = doc(text);
    d.pos = crate::pos::PosTagger::default().run(&d).expect("the embedded tagger runs");
    d
}

fn word_bounded(text: &str, s: usize, e: usize) -> bool {
    let before = text[..s].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
    let after = text[e..].chars().next().is_none_or(|c| !c.is_alphanumeric());
    before && after
}

/// The `nth` (0-based) word-bounded occurrence of `needle`.
pub(crate) fn find(doc: &Document, needle: &str, nth: usize) -> TextRange {
    let text = doc.text();
    let mut from = 0;
    let mut seen = 0;
    while let Some(i) = text[from..].find(needle) {
        let s = from + i;
        let e = s + needle.len();
        if word_bounded(text, s, e) {
            if seen == nth {
                return TextRange::from_usize(s, e);
            }
            seen += 1;
        }
        from = s + needle.len().max(1);
    }
    panic!("{needle:?} #{nth} not in {text:?}")
}

/// Adds every word-bounded occurrence of each name as a mention (longer names first; no
/// overlaps), then sorts the mentions.
pub(crate) fn add_mentions(doc: &mut Document, names: &[(&str, EntityKind)]) {
    let mut names = names.to_vec();
    names.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
    let text = doc.text().to_string();
    for (name, kind) in names {
        let mut from = 0;
        while let Some(i) = text[from..].find(name) {
            let s = from + i;
            let e = s + name.len();
            from = e;
            let r = TextRange::from_usize(s, e);
            if !word_bounded(&text, s, e) || doc.mentions.iter().any(|m| m.range.overlaps(r)) {
                continue;
            }
            let label = match kind {
                EntityKind::Person => NerLabel::Per,
                EntityKind::Organization | EntityKind::Outlet => NerLabel::Org,
                EntityKind::Location => NerLabel::Loc,
                EntityKind::Other => NerLabel::Misc,
            };
            doc.mentions.push(Mention { range: r, label, kind });
        }
    }
    doc.mentions.sort_by_key(|m| m.range.start());
}

/// Adds a dated time expression at the first occurrence of `needle`.
pub(crate) fn add_time(doc: &mut Document, needle: &str, value: &str) {
    let range = find(doc, needle, 0);
    doc.times.push(TimeExpr { range, kind: TimeKind::Date, value: Some(value.to_string()), anchor: Anchor::Published });
    doc.times.sort_by_key(|t| t.range.start());
}

/// Links the mentions into entities (the entity stage's second half).
pub(crate) fn link(doc: &mut Document) {
    let mentions = doc.mentions.clone();
    doc.entities = crate::entities::link::link_entities(doc, &mentions);
}

/// A raw attribution from the first occurrences of its parts (`source` and `via` may be empty).
pub(crate) fn raw(doc: &Document, source: &str, cue: &str, content: &str, via: &[&str]) -> RawAttribution {
    raw_at(doc, (source, 0), (cue, 0), (content, 0), via)
}

/// A raw attribution from given occurrences `(needle, nth)` of its parts.
pub(crate) fn raw_at(
    doc: &Document,
    source: (&str, usize),
    cue: (&str, usize),
    content: (&str, usize),
    via: &[&str],
) -> RawAttribution {
    let content_r = find(doc, content.0, content.1);
    let quoted = {
        let t = doc.text();
        let before = t[..content_r.start() as usize].chars().next_back();
        matches!(before, Some('“' | '"'))
    };
    RawAttribution {
        cue: find(doc, cue.0, cue.1),
        source: (!source.0.is_empty()).then(|| find(doc, source.0, source.1)),
        content: content_r,
        via: via.iter().map(|v| find(doc, v, 0)).collect(),
        form: if quoted { Form::Direct } else { Form::Indirect },
    }
}
