//! A readable ledger of one document: claims, who asserts, who denies or hedges, through
//! whom, when, with the quoted words.

use std::fmt::Write;

use crate::{Attribution, Claim, Document, SourceKind, Stance};

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
            match (s.entity, s.antecedent) {
                (Some(e), _) if doc.entities[e.index()].name != written => {
                    format!("{} (\"{}\"){}", doc.entities[e.index()].name, written, kind)
                }
                // "He -> a senior official in the region [anonymous]": the reader can check it
                (None, Some(ante)) => format!("{written} → {}{kind}", clip(doc.slice(ante), 60)),
                _ => format!("{written}{kind}"),
            }
        }
    }
}

/// A short label of the source for the summary table: the entity's name, else the span.
fn short_source(doc: &Document, a: &Attribution) -> String {
    match &a.source {
        None => "(no source)".to_string(),
        Some(s) => match (s.entity, s.kind) {
            (Some(e), _) => doc.entities[e.index()].name.clone(),
            (None, _) if s.antecedent.is_some() => {
                let ante = s.antecedent.map_or("", |r| doc.slice(r));
                let tag = if s.kind == SourceKind::Anonymous { " [anonymous]" } else { "" };
                format!("{}{tag}", clip(ante, 40))
            }
            // A bare pronoun or short description says little by itself: mark what it is.
            (None, SourceKind::Anonymous) if doc.slice(s.range).split_whitespace().count() <= 2 => {
                format!("{} [anonymous]", clip(doc.slice(s.range), 40))
            }
            (None, SourceKind::Unresolved) => format!("{} [unresolved]", clip(doc.slice(s.range), 40)),
            (None, _) => clip(doc.slice(s.range), 40),
        },
    }
}

/// The via chain as read: each hop as written, with the entity it resolves to.
fn via_label(doc: &Document, a: &Attribution) -> String {
    let hops: Vec<String> = a
        .via
        .iter()
        .map(|v| {
            let written = clip(doc.slice(v.range), 40);
            match v.entity.map(|e| &doc.entities[e.index()].name) {
                Some(name) if *name != written => format!("{written} ({name})"),
                _ => written,
            }
        })
        .collect();
    // nearest hop first: "via AP, citing TASS" (AP relays what TASS reported)
    hops.join(", citing ")
}

/// One cell of the summary table: distinct sources with their via chains.
fn cell(doc: &Document, c: &Claim, pick: &[Stance]) -> String {
    let mut items: Vec<String> = Vec::new();
    for id in &c.attributions {
        let Some(a) = doc.attributions.get(id.index()) else { continue };
        if !pick.contains(&a.stance) {
            continue;
        }
        let mut item = short_source(doc, a);
        let mut notes = Vec::new();
        if !a.via.is_empty() {
            notes.push(format!("via {}", via_label(doc, a)));
        }
        match a.stance {
            Stance::Hedges => notes.push("hedged".to_string()),
            Stance::NoKnowledge => notes.push("no information".to_string()),
            _ => {}
        }
        if !notes.is_empty() {
            item = format!("{item} ({})", notes.join(", "));
        }
        if !items.contains(&item) {
            items.push(item);
        }
    }
    if items.is_empty() {
        "—".to_string()
    } else {
        items.join("; ")
    }
}

/// The summary table of claims, as an analyst writes it: claim, who asserts, who denies.
pub fn claim_table(doc: &Document) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "| claim | who asserts | who denies |");
    let _ = writeln!(out, "|---|---|---|");
    for c in &doc.claims {
        let mut gist = c.gist.clone();
        if let Some(w) = c.when.and_then(|w| doc.times.get(w.index())) {
            let _ = write!(gist, " ({})", doc.slice(w.range));
        }
        if c.contested {
            gist.push_str(" [contested]");
        }
        let _ = writeln!(
            out,
            "| {gist} | {} | {} |",
            cell(doc, c, &[Stance::Asserts, Stance::Hedges]),
            cell(doc, c, &[Stance::Denies, Stance::NoKnowledge])
        );
    }
    out
}

fn line(doc: &Document, a: &Attribution, explain: bool, out: &mut String) {
    let stance = match a.stance {
        Stance::Asserts => "asserts",
        Stance::Denies => "DENIES",
        Stance::Hedges => "hedges",
        Stance::NoKnowledge => "no knowledge",
    };
    let _ = write!(out, "    {stance:<12} {}", source_label(doc, a));
    if !a.via.is_empty() {
        let _ = write!(out, " via {}", via_label(doc, a));
    }
    if let Some(t) = a.said_on {
        let t = &doc.times[t.index()];
        let _ = write!(out, " on {} ({})", doc.slice(t.range), t.value.as_deref().unwrap_or("?"));
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "                 {}: \"{}\"", doc.slice(a.cue), clip(doc.slice(a.content), 160));
    if explain {
        let w = &a.why;
        let _ = writeln!(
            out,
            "                 why: confidence {:.2}; cue {}; source {}; stance {}",
            f32::from(a.confidence) / 100.0,
            w.cue,
            w.source,
            w.stance
        );
    }
}

/// Renders the ledger of `doc` as text.
pub fn ledger(doc: &Document) -> String {
    ledger_with(doc, false)
}

/// Renders the ledger of `doc` as text; with `explain`, each statement also shows its
/// confidence and the rules behind it.
pub fn ledger_with(doc: &Document, explain: bool) -> String {
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
    if !doc.claims.is_empty() {
        let _ = writeln!(out);
        out.push_str(&claim_table(doc));
    }
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
                    line(doc, at, explain, &mut out);
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
            line(doc, a, explain, &mut out);
        }
    }
    let people: Vec<&crate::Entity> =
        doc.entities.iter().filter(|e| !e.roles.is_empty() || !e.aliases.is_empty()).collect();
    if !people.is_empty() {
        let _ = writeln!(out, "\nwho is who:");
        for e in people {
            let _ = write!(out, "    {} ({})", e.name, e.kind.as_str());
            if !e.roles.is_empty() {
                let _ = write!(out, ": {}", e.roles.join("; "));
            }
            if !e.aliases.is_empty() {
                let _ = write!(out, " — also {}", e.aliases.join(", "));
            }
            let _ = writeln!(out);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{AttributionId, Entity, EntityKind, Form, Meta, Source, TextRange, Via};

    fn at(text: &str, needle: &str) -> TextRange {
        let s = text.find(needle).expect("needle");
        TextRange::from_usize(s, s + needle.len())
    }

    #[test]
    fn ledger_shows_table_and_chain() {
        let text = "Radio Nord said Ana Ruiz met Ivo Brant. Brant denied it, quoted by Kanal Sud.";
        let mut doc = Document::new(Meta { id: "x".into(), ..Meta::default() }, text);
        let ent = |name: &str, kind| Entity {
            name: name.into(),
            kind,
            aliases: vec![],
            roles: vec![],
            mentions: vec![],
            references: vec![],
        };
        doc.entities = vec![
            ent("Radio Nord", EntityKind::Outlet),
            ent("Ivo Brant", EntityKind::Person),
            ent("Kanal Sud", EntityKind::Outlet),
        ];
        doc.entities[1].aliases.push("Brant".into());
        let src =
            |needle: &str, e: u32| Some(Source::new(at(text, needle), SourceKind::Person, Some(crate::EntityId(e))));
        doc.attributions = vec![
            Attribution {
                source: src("Radio Nord", 0),
                cue: at(text, "said"),
                content: at(text, "Ana Ruiz met Ivo Brant"),
                form: Form::Indirect,
                stance: Stance::Asserts,
                via: vec![],
                said_on: None,
                confidence: 90,
                why: Default::default(),
            },
            Attribution {
                source: src("Brant denied", 1),
                cue: at(text, "denied"),
                content: at(text, "it"),
                form: Form::Indirect,
                stance: Stance::Denies,
                via: vec![Via { range: at(text, "Kanal Sud"), entity: Some(crate::EntityId(2)) }],
                said_on: None,
                confidence: 90,
                why: Default::default(),
            },
        ];
        doc.claims = vec![Claim {
            gist: "Ruiz met Brant".into(),
            entities: vec![],
            when: None,
            attributions: vec![AttributionId(0), AttributionId(1)],
            contested: true,
            event: Some("meet".into()),
        }];
        let out = ledger(&doc);
        assert!(out.contains("| Ruiz met Brant [contested] | Radio Nord | Ivo Brant (via Kanal Sud) |"), "{out}");
        assert!(out.contains("who is who:"), "{out}");
        assert!(out.contains("Ivo Brant (\"Brant denied\") via Kanal Sud"), "{out}");
    }
}
