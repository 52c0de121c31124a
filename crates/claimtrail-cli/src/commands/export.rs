//! `claimtrail export`: the store as JSON Lines (the analysis contract plus corpus ids), as CSV
//! tables of the ledger, or as the source network in GraphML for Gephi.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use claimtrail_core::contract::Analysis;
use claimtrail_store::{SourceGraph, Store, StoredArticle};
use serde::Serialize;

use crate::db::{self, DbArg};
use crate::output::{opt, Csv};

/// Export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// One `claimtrail.analysis/1` line per article, with its corpus ids.
    Jsonl,
    /// The ledger as tables: articles, entities, claims, statements.
    Csv,
    /// The source network (speaker -> outlet -> citing outlet).
    Graphml,
}

/// Arguments of `export`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to write.
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    #[command(flatten)]
    pub db: DbArg,
    /// Output file (a directory for `csv`: articles.csv, entities.csv, claims.csv, statements.csv)
    /// [default: standard output; statements only for `csv`].
    #[arg(long, value_name = "PATH")]
    pub out: Option<PathBuf>,
}

/// A list of pairs serialized as a JSON object, in order.
struct Pairs<'a>(&'a [(String, i64)]);

impl Serialize for Pairs<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

#[derive(Serialize)]
struct CorpusIds<'a> {
    article: i64,
    copy_of: Option<i64>,
    claims: Pairs<'a>,
    entities: Pairs<'a>,
}

#[derive(Serialize)]
struct ExportLine<'a> {
    #[serde(flatten)]
    analysis: &'a Analysis,
    corpus: CorpusIds<'a>,
}

/// One JSON line of an exported article.
pub(crate) fn jsonl_line(a: &StoredArticle) -> serde_json::Result<String> {
    serde_json::to_string(&ExportLine {
        analysis: &a.analysis,
        corpus: CorpusIds {
            article: a.article.id,
            copy_of: a.copy_of,
            claims: Pairs(&a.claims),
            entities: Pairs(&a.entities),
        },
    })
}

fn writer(out: &Option<PathBuf>) -> anyhow::Result<Box<dyn Write>> {
    Ok(match out {
        Some(p) => Box::new(BufWriter::new(File::create(p).with_context(|| format!("cannot create {}", p.display()))?)),
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    })
}

/// Runs `f` over every stored article. An output error stops the walk and comes back as itself
/// (so a closed pipe stays recognisable as one), not as a store error.
fn each_article(store: &dyn Store, mut f: impl FnMut(&StoredArticle) -> std::io::Result<()>) -> anyhow::Result<()> {
    let mut failed: Option<std::io::Error> = None;
    let walked = store.for_each_article(&mut |a| match f(&a) {
        Ok(()) => Ok(()),
        Err(e) => {
            let stop = claimtrail_store::Error::Database(format!("output: {e}"));
            failed = Some(e);
            Err(stop)
        }
    });
    if let Some(e) = failed {
        return Err(e.into());
    }
    walked?;
    Ok(())
}

fn export_jsonl(store: &dyn Store, mut out: impl Write) -> anyhow::Result<()> {
    each_article(store, |a| {
        let line = jsonl_line(a).map_err(std::io::Error::other)?;
        out.write_all(line.as_bytes())?;
        out.write_all(b"\n")
    })?;
    out.flush()?;
    Ok(())
}

const ARTICLES: &[&str] = &[
    "article",
    "doc_id",
    "title",
    "outlet",
    "url",
    "published",
    "copy_of",
    "chars",
    "entities",
    "attributions",
    "claims",
];
const ENTITIES: &[&str] = &["article", "doc_id", "local", "entity", "name", "kind", "aliases", "roles", "mentions"];
const CLAIMS: &[&str] =
    &["article", "doc_id", "local", "claim", "gist", "participants", "when", "attributions", "contested"];
const STATEMENTS: &[&str] = &[
    "article",
    "doc_id",
    "outlet",
    "published",
    "attribution",
    "source",
    "source_entity",
    "source_kind",
    "stance",
    "form",
    "cue",
    "content",
    "via",
    "said_on",
    "local_claim",
    "claim",
    "start",
    "end",
];

/// The CSV tables, each optional (only statements go to standard output).
struct Tables<W: Write> {
    articles: Option<Csv<W>>,
    entities: Option<Csv<W>>,
    claims: Option<Csv<W>>,
    statements: Csv<W>,
}

fn lookup(pairs: &[(String, i64)], local: &str) -> String {
    pairs.iter().find(|(l, _)| l == local).map_or_else(String::new, |(_, id)| id.to_string())
}

fn write_tables<W: Write>(a: &StoredArticle, t: &mut Tables<W>) -> std::io::Result<()> {
    let an = &a.analysis;
    let id = a.article.id.to_string();
    let doc = &an.document.id;
    let name_of = |e: &Option<String>| {
        e.as_ref().and_then(|e| an.entities.iter().find(|x| &x.id == e)).map(|x| x.name.clone()).unwrap_or_default()
    };
    if let Some(w) = &mut t.articles {
        w.record(&[
            id.clone(),
            doc.clone(),
            opt(&an.document.title),
            opt(&an.document.outlet),
            opt(&an.document.url),
            opt(&an.document.published),
            opt(&a.copy_of),
            an.document.text.chars().count().to_string(),
            an.entities.len().to_string(),
            an.attributions.len().to_string(),
            an.claims.len().to_string(),
        ])?;
    }
    if let Some(w) = &mut t.entities {
        for e in &an.entities {
            w.record(&[
                id.clone(),
                doc.clone(),
                e.id.clone(),
                lookup(&a.entities, &e.id),
                e.name.clone(),
                e.kind.clone(),
                e.aliases.join("; "),
                e.roles.join("; "),
                e.mentions.len().to_string(),
            ])?;
        }
    }
    if let Some(w) = &mut t.claims {
        for c in &an.claims {
            let names: Vec<String> = c.entities.iter().map(|e| name_of(&Some(e.clone()))).collect();
            w.record(&[
                id.clone(),
                doc.clone(),
                c.id.clone(),
                lookup(&a.claims, &c.id),
                c.gist.clone(),
                names.join("; "),
                c.when.as_ref().map(|w| w.value.clone().unwrap_or_else(|| w.text.clone())).unwrap_or_default(),
                c.attributions.join(" "),
                c.contested.to_string(),
            ])?;
        }
    }
    for at in &an.attributions {
        let (source, source_entity, kind) = match &at.source {
            Some(s) => (
                s.name.clone().unwrap_or_else(|| s.text.clone()),
                s.entity.as_ref().map(|e| lookup(&a.entities, e)).unwrap_or_default(),
                s.kind.clone(),
            ),
            None => (String::new(), String::new(), String::new()),
        };
        let via: Vec<String> = at.via.iter().map(|v| v.text.clone()).collect();
        let local_claim = opt(&at.claim);
        let claim = at.claim.as_ref().map(|c| lookup(&a.claims, c)).unwrap_or_default();
        t.statements.record(&[
            id.clone(),
            doc.clone(),
            opt(&an.document.outlet),
            opt(&an.document.published),
            at.id.clone(),
            source,
            source_entity,
            kind,
            at.stance.as_str().to_string(),
            serde_json::to_value(at.form).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default(),
            at.cue.text.clone(),
            at.content.text.clone(),
            via.join(", citing "),
            at.said_on.as_ref().map(|w| w.value.clone().unwrap_or_else(|| w.text.clone())).unwrap_or_default(),
            local_claim,
            claim,
            at.content.start.to_string(),
            at.content.end.to_string(),
        ])?;
    }
    Ok(())
}

fn csv_file(dir: &Path, name: &str, header: &[&str]) -> anyhow::Result<Csv<Box<dyn Write>>> {
    let p = dir.join(name);
    let f: Box<dyn Write> =
        Box::new(BufWriter::new(File::create(&p).with_context(|| format!("cannot create {}", p.display()))?));
    Ok(Csv::new(f, header)?)
}

fn export_csv(store: &dyn Store, out: &Option<PathBuf>) -> anyhow::Result<()> {
    let mut tables = match out {
        Some(dir) => {
            std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
            Tables {
                articles: Some(csv_file(dir, "articles.csv", ARTICLES)?),
                entities: Some(csv_file(dir, "entities.csv", ENTITIES)?),
                claims: Some(csv_file(dir, "claims.csv", CLAIMS)?),
                statements: csv_file(dir, "statements.csv", STATEMENTS)?,
            }
        }
        None => {
            Tables { articles: None, entities: None, claims: None, statements: Csv::new(writer(&None)?, STATEMENTS)? }
        }
    };
    each_article(store, |a| write_tables(a, &mut tables))?;
    for w in [tables.articles, tables.entities, tables.claims].into_iter().flatten() {
        w.finish()?;
    }
    tables.statements.finish()?;
    Ok(())
}

/// Escapes text for XML attribute values and character data.
pub(crate) fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 does not allow are dropped; tabs and line breaks stay.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The source network as GraphML.
pub(crate) fn graphml(g: &SourceGraph) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n\
         \x20 <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n\
         \x20 <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n\
         \x20 <key id=\"size\" for=\"node\" attr.name=\"weight\" attr.type=\"double\"/>\n\
         \x20 <key id=\"relation\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n\
         \x20 <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n\
         \x20 <graph id=\"sources\" edgedefault=\"directed\">\n",
    );
    for (i, (key, label, kind)) in g.nodes.iter().enumerate() {
        let weight = g.weights.get(i).copied().unwrap_or(0);
        s.push_str(&format!(
            "    <node id=\"{}\">\n      <data key=\"label\">{}</data>\n      <data key=\"kind\">{}</data>\n      <data key=\"size\">{weight}</data>\n    </node>\n",
            xml_escape(key),
            xml_escape(label),
            xml_escape(kind)
        ));
    }
    for (i, (from, to, relation, weight)) in g.edges.iter().enumerate() {
        s.push_str(&format!(
            "    <edge id=\"x{i}\" source=\"{}\" target=\"{}\">\n      <data key=\"relation\">{}</data>\n      <data key=\"weight\">{weight}</data>\n    </edge>\n",
            xml_escape(from),
            xml_escape(to),
            xml_escape(relation)
        ));
    }
    s.push_str("  </graph>\n</graphml>\n");
    s
}

/// Runs `export`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = db::open_existing(&args.db.db)?;
    match args.format {
        ExportFormat::Jsonl => export_jsonl(store.as_ref(), writer(&args.out)?)?,
        ExportFormat::Csv => export_csv(store.as_ref(), &args.out)?,
        ExportFormat::Graphml => {
            let g = store.source_graph(0)?;
            let mut w = writer(&args.out)?;
            w.write_all(graphml(&g).as_bytes())?;
            w.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_escape_table() {
        let cases = [
            ("plain", "plain"),
            ("A & B", "A &amp; B"),
            ("<b>\"x\"</b>", "&lt;b&gt;&quot;x&quot;&lt;/b&gt;"),
            ("O'Brien", "O&apos;Brien"),
            ("bell\u{7}", "bell"),
            ("Ünïcode", "Ünïcode"),
        ];
        for (input, want) in cases {
            assert_eq!(xml_escape(input), want, "{input:?}");
        }
    }

    #[test]
    fn graphml_is_well_formed() {
        let g = SourceGraph {
            nodes: vec![
                ("p:1".into(), "Dmitry \"D\" Peskov".into(), "person".into()),
                ("o:2".into(), "Fox & Friends".into(), "outlet".into()),
            ],
            weights: vec![3, 5],
            edges: vec![("p:1".into(), "o:2".into(), "cited_by".into(), 3)],
        };
        let x = graphml(&g);
        assert!(x.contains("<data key=\"label\">Fox &amp; Friends</data>"), "{x}");
        assert!(x.contains("source=\"p:1\" target=\"o:2\""), "{x}");
        assert!(x.contains("<data key=\"size\">5</data>"), "{x}");
        // Every opened element is closed (a rough well-formedness check without an XML parser).
        for tag in ["graphml", "graph", "node", "edge"] {
            let open = x.matches(&format!("<{tag} ")).count() + x.matches(&format!("<{tag}>")).count();
            let close = x.matches(&format!("</{tag}>")).count();
            assert_eq!(open, close, "{tag}");
        }
    }
}
