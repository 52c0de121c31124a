//! Golden snapshots: the full analysis of each shipped article, rendered as text.
//!
//! Fixtures live in `tests/fixtures/articles/`: `ID.txt` with the text and `ID.meta` with
//! the publication date. Wikinews articles are CC BY 4.0 (see the README's credits).

use std::fmt::Write;
use std::path::PathBuf;

use claimtrail_core::{render, Document};

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles")
}

/// `(id, published, text)` for every fixture, sorted by id.
pub fn fixtures() -> Vec<(String, Option<String>, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let id = path.file_stem().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&path).unwrap();
            let published = std::fs::read_to_string(path.with_extension("meta")).ok().map(|s| s.trim().to_string());
            out.push((id, published, text));
        }
    }
    out.sort();
    out
}

/// Every layer, one item a line, with the text under each span.
pub fn render_layers(doc: &Document) -> String {
    let mut out = String::new();
    let t = |r| doc.slice(r).replace('\n', "⏎");
    let _ = writeln!(out, "sentences: {}, tokens: {}", doc.sentences.len(), doc.tokens.len());
    let _ = writeln!(out, "\n# entities");
    for (i, e) in doc.entities.iter().enumerate() {
        let _ = writeln!(
            out,
            "e{} {:?} {:?} aliases={:?} roles={:?} mentions={}",
            i + 1,
            e.kind,
            e.name,
            e.aliases,
            e.roles,
            e.mentions.len()
        );
    }
    let _ = writeln!(out, "\n# times");
    for x in &doc.times {
        let _ = writeln!(out, "{:?} {:?} {:?} {:?}", t(x.range), x.kind, x.value, x.anchor);
    }
    let _ = writeln!(out, "\n# attributions");
    for (i, a) in doc.attributions.iter().enumerate() {
        let src = a.source.as_ref().map(|s| format!("{:?}:{:?}", t(s.range), s.kind)).unwrap_or_default();
        let via: Vec<String> = a.via.iter().map(|v| t(v.range)).collect();
        let _ = writeln!(
            out,
            "a{} cue={:?} source={} via={:?} form={:?} stance={:?}\n   content={:?}",
            i + 1,
            t(a.cue),
            src,
            via,
            a.form,
            a.stance,
            t(a.content)
        );
    }
    let _ = writeln!(out, "\n# ledger\n{}", render::ledger(doc));
    out
}

#[test]
fn golden_ledgers() {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for (id, published, text) in fixtures() {
            let doc = crate::analyze(&id, published.as_deref(), &text);
            insta::assert_snapshot!(id.clone(), render_layers(&doc));
        }
    });
}
