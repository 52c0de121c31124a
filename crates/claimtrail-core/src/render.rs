//! A readable ledger of one document: claims, who asserts, who denies or hedges, through
//! whom, when, with the quoted words.

use std::fmt::Write;

use crate::{Attribution, Document, SourceKind, Stance};

fn clip(s: &str, max: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= max {
        s
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// How an attribution's source reads in the ledger: resolved name and the span as written.
pub fn source_label(doc: &Document, a: &Attribution) -> String {
    match &a.source {
        None => "(no source)".to_string(),
        Some(s) => {
            let written = clip(doc.slice(s.range), 60);
            let kind = match s.kind {
                SourceKind::Anonymous => " [anonymous]",
                SourceKind::Unresolved => " [unresolved]",
                _ => "",
            };
            match s.entity {
                Some(e) if doc.entities[e.index()].name != written => {
                    format!("{} (\"{}\"){}", doc.entities[e.index()].name, written, kind)
                }
                _ => format!("{written}{kind}"),
            }
        }
    }
}

fn line(doc: &Document, a: &Attribution, out: &mut String) {
    let stance = match a.stance {
        Stance::Asserts => "asserts",
        Stance::Denies => "DENIES",
        Stance::Hedges => "hedges",
        Stance::NoKnowledge => "no knowledge",
    };
    let _ = write!(out, "    {stance:<12} {}", source_label(doc, a));
    if !a.via.is_empty() {
        let via: Vec<&str> = a.via.iter().map(|v| doc.slice(v.range)).collect();
        let _ = write!(out, " via {}", via.join(" -> "));
    }
    if let Some(t) = a.said_on {
        let t = &doc.times[t.index()];
        let _ = write!(out, " on {} ({})", doc.slice(t.range), t.value.as_deref().unwrap_or("?"));
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "                 {}: \"{}\"", doc.slice(a.cue), clip(doc.slice(a.content), 160));
}

/// Renders the ledger of `doc` as text.
pub fn ledger(doc: &Document) -> String {
    let mut out = String::new();
    let _ = write!(out, "== {}", doc.meta.id);
    if let Some(t) = &doc.meta.title {
        let _ = write!(out, " — {}", clip(t, 80));
    }
    if let Some(p) = doc.meta.published {
        let _ = write!(out, " (published {p})");
    }
    let _ = writeln!(out, " ==");
    let _ = writeln!(
        out,
        "{} claims ({} contested), {} attributions, {} entities, {} time expressions",
        doc.claims.len(),
        doc.claims.iter().filter(|c| c.contested).count(),
        doc.attributions.len(),
        doc.entities.len(),
        doc.times.len()
    );
    let mut in_claim = vec![false; doc.attributions.len()];
    for (ci, c) in doc.claims.iter().enumerate() {
        let _ = write!(out, "\nclaim c{}: {}", ci + 1, c.gist);
        if c.contested {
            let _ = write!(out, "  [CONTESTED]");
        }
        if let Some(w) = c.when {
            let t = &doc.times[w.index()];
            let _ = write!(out, "  (when: {} = {})", doc.slice(t.range), t.value.as_deref().unwrap_or("?"));
        }
        let _ = writeln!(out);
        for stance in [Stance::Asserts, Stance::Denies, Stance::Hedges, Stance::NoKnowledge] {
            for a in &c.attributions {
                let at = &doc.attributions[a.index()];
                if at.stance == stance {
                    line(doc, at, &mut out);
                }
                if let Some(f) = in_claim.get_mut(a.index()) {
                    *f = true;
                }
            }
        }
    }
    let rest: Vec<&Attribution> =
        doc.attributions.iter().enumerate().filter(|(i, _)| !in_claim[*i]).map(|(_, a)| a).collect();
    if !rest.is_empty() {
        let _ = writeln!(out, "\nother statements:");
        for a in rest {
            line(doc, a, &mut out);
        }
    }
    out
}
