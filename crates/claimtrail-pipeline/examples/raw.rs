//! Prints the raw attributions the extractor finds in a text read from standard input, before
//! enrichment filters them: for tracing why a statement is missing from a ledger.
//!
//! `echo 'Cruz called Trump a liar.' | cargo run --release -p claimtrail-pipeline --example raw`

use std::io::Read as _;

use claimtrail_core::Meta;
use claimtrail_pipeline::attribution::extract;
use claimtrail_pipeline::Pipeline;

fn main() {
    let mut text = String::new();
    if std::io::stdin().read_to_string(&mut text).is_err() || text.trim().is_empty() {
        eprintln!("raw: give an article on standard input");
        std::process::exit(2);
    }
    let pipeline = Pipeline::new();
    let doc = match pipeline.analyze(Meta { id: "stdin".into(), ..Meta::default() }, &text) {
        Ok(doc) => doc,
        Err(e) => {
            eprintln!("raw: {e}");
            std::process::exit(1);
        }
    };
    if std::env::var_os("RAW_POS").is_some() {
        let tags: Vec<String> =
            (0..doc.tokens.len()).map(|k| format!("{}/{:?}", doc.slice(doc.tokens[k].range), doc.pos[k])).collect();
        println!("POS  {}", tags.join(" "));
    }
    for r in extract::extract_with(&doc, pipeline.bundle().cue_model()) {
        let source = r.source.map_or("-".to_string(), |s| {
            let tags: Vec<String> = doc.tokens_in(s).map(|k| format!("{:?}", doc.pos[k])).collect();
            format!("{} [{}]", doc.slice(s), tags.join(" "))
        });
        println!("RAW  {:?} | {} | {} | {:?}", r.form, source, doc.slice(r.cue), doc.slice(r.content));
    }
    for a in &doc.attributions {
        let source = a.source.as_ref().map_or("-", |s| doc.slice(s.range));
        println!("OUT  {:?} | {} | {} | {:?}", a.stance, source, doc.slice(a.cue), doc.slice(a.content));
    }
}
