//! Evaluation on PolNeAR gold attributions (brat standoff).
//!
//! A split directory holds `text/NAME.txt` and `attributions/NAME_<annotator>.ann`. The `.ann`
//! offsets are *character* offsets (the texts have curly quotes), converted to byte ranges with
//! [`CharMap`]. Spans may be discontinuous (`Content 10 20;25 40`). When several annotators
//! annotated one text, the first annotation file in name order is the gold.
//!
//! Scoring: a predicted attribution matches a gold one when their cues overlap; pairs are
//! made one-to-one, greedily by the largest cue overlap (then content overlap). Over matched
//! pairs, the source is right when the spans overlap or both are absent, the content is right
//! when its token F1 is at least 0.5, and the full attribution is right when both are.
//! Each part reports precision over all predictions and recall over all gold attributions.
//!
//! Setting the environment variable `CLAIMTRAIL_POLNEAR_ERRORS` to a file path writes a
//! listing of every gold and predicted attribution with its verdict, for error analysis;
//! `CLAIMTRAIL_POLNEAR_RAW` scores the extractor's attributions before enrichment.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use claimtrail_core::{Document, Meta, TextRange};
use claimtrail_pipeline::Pipeline;
use claimtrail_text::CharMap;

use crate::{read, Error, Prf, Report, Result};

/// One gold attribution: byte-range fragments of each part.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GoldAttribution {
    /// Cue fragments.
    pub cue: Vec<TextRange>,
    /// Source fragments (empty when the attribution has no source).
    pub source: Vec<TextRange>,
    /// Content fragments.
    pub content: Vec<TextRange>,
}

/// One gold document.
#[derive(Debug, Clone)]
pub struct GoldDoc {
    /// File stem of the text.
    pub name: String,
    /// The text.
    pub text: String,
    /// Gold attributions.
    pub attributions: Vec<GoldAttribution>,
}

/// Parses a brat `.ann` file against its `text`, giving byte ranges.
///
/// Lines other than `T` and `E` records are ignored, as are text-bound records whose offsets
/// fall outside the text.
pub fn parse_ann(ann: &str, text: &str) -> Vec<GoldAttribution> {
    let map = CharMap::new(text);
    let n_chars = text.chars().count() as u32;
    let mut spans: BTreeMap<&str, Vec<TextRange>> = BTreeMap::new();
    let mut events = Vec::new();
    for line in ann.lines() {
        let mut cols = line.split('\t');
        let (Some(id), Some(body)) = (cols.next(), cols.next()) else { continue };
        if id.starts_with('T') {
            let Some((_, offsets)) = body.split_once(' ') else { continue };
            let mut frags = Vec::new();
            for frag in offsets.split(';') {
                let mut it = frag.split_whitespace().map(str::parse::<u32>);
                if let (Some(Ok(s)), Some(Ok(e))) = (it.next(), it.next()) {
                    if s <= e && e <= n_chars {
                        frags.push(map.byte_range(s, e));
                    }
                }
            }
            spans.insert(id, frags);
        } else if id.starts_with('E') {
            events.push(body);
        }
    }
    let mut out = Vec::new();
    for body in events {
        let mut g = GoldAttribution::default();
        for arg in body.split_whitespace() {
            let Some((role, tid)) = arg.split_once(':') else { continue };
            let Some(frags) = spans.get(tid) else { continue };
            match role {
                "Cue" => g.cue.extend(frags),
                "Source" => g.source.extend(frags),
                r if r.starts_with("Content") => g.content.extend(frags),
                _ => {}
            }
        }
        if !g.cue.is_empty() {
            g.cue.sort();
            g.source.sort();
            g.content.sort();
            out.push(g);
        }
    }
    out.sort_by_key(|g| g.cue[0]);
    out
}

/// Reads a PolNeAR split directory (`text/`, `attributions/`).
pub fn read_split(dir: &Path) -> Result<Vec<GoldDoc>> {
    let ann_dir = dir.join("attributions");
    let entries =
        std::fs::read_dir(&ann_dir).map_err(|source| Error::Io { path: ann_dir.display().to_string(), source })?;
    let mut anns: Vec<std::path::PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    anns.sort();
    let mut docs: Vec<GoldDoc> = Vec::new();
    for ann_path in anns {
        let stem = ann_path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let Some((name, _annotator)) = stem.rsplit_once('_') else { continue };
        if docs.last().is_some_and(|d| d.name == name) {
            continue;
        }
        let text_path = dir.join("text").join(format!("{name}.txt"));
        if !text_path.exists() {
            return Err(Error::Format {
                path: ann_path.display().to_string(),
                message: format!("no text file {}", text_path.display()),
            });
        }
        let text = read(&text_path)?;
        let ann = read(&ann_path)?;
        let attributions = parse_ann(&ann, &text);
        docs.push(GoldDoc { name: name.to_string(), text, attributions });
    }
    Ok(docs)
}

/// A predicted attribution in scoring terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PredAttribution {
    /// Cue.
    pub cue: TextRange,
    /// Source, if any.
    pub source: Option<TextRange>,
    /// Content fragments (more than one when a quotation continued the statement).
    pub content: Vec<TextRange>,
}

/// Counts of one document (or a sum): cue, source, content, full.
#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    /// Cue matches.
    pub cue: Prf,
    /// Source right among matches.
    pub source: Prf,
    /// Content right among matches.
    pub content: Prf,
    /// Source and content right.
    pub full: Prf,
}

impl Counts {
    fn add(&mut self, o: Counts) {
        self.cue.add(o.cue);
        self.source.add(o.source);
        self.content.add(o.content);
        self.full.add(o.full);
    }
}

fn overlap_len(a: &[TextRange], b: &[TextRange]) -> u32 {
    let mut n = 0;
    for x in a {
        for y in b {
            if let Some(i) = x.intersect(*y) {
                n += i.len();
            }
        }
    }
    n
}

/// Indices of the tokens (by start offset list) that overlap any of `frags`.
fn token_set(starts: &[(u32, u32)], frags: &[TextRange]) -> Vec<usize> {
    let mut out = Vec::new();
    for f in frags {
        let mut i = starts.partition_point(|&(_, e)| e <= f.start());
        while i < starts.len() && starts[i].0 < f.end() {
            if starts[i].1 > f.start() {
                out.push(i);
            }
            i += 1;
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Token F1 of two sorted index sets.
fn set_f1(a: &[usize], b: &[usize]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

/// A verdict on one matched pair.
#[derive(Debug, Clone, Copy)]
struct Verdict {
    source_ok: bool,
    content_f1: f64,
}

/// Scores predictions against gold for one document; `tokens` are `(start, end)` byte offsets
/// of the document's tokens, in order. Returns the counts and the matching (pred → gold, verdict).
fn score_doc(
    tokens: &[(u32, u32)],
    gold: &[GoldAttribution],
    pred: &[PredAttribution],
) -> (Counts, Vec<Option<(usize, Verdict)>>) {
    let mut pairs = Vec::new();
    for (pi, p) in pred.iter().enumerate() {
        for (gi, g) in gold.iter().enumerate() {
            let ov = overlap_len(&[p.cue], &g.cue);
            if ov > 0 {
                let cov = overlap_len(&p.content, &g.content);
                pairs.push((ov, cov, pi, gi));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)).then(a.3.cmp(&b.3)));
    let mut pred_used = vec![None; pred.len()];
    let mut gold_used = vec![false; gold.len()];
    let mut c = Counts::default();
    for (_, _, pi, gi) in pairs {
        if pred_used[pi].is_some() || gold_used[gi] {
            continue;
        }
        gold_used[gi] = true;
        let (p, g) = (&pred[pi], &gold[gi]);
        let source_ok = match (p.source, g.source.is_empty()) {
            (None, true) => true,
            (Some(s), false) => overlap_len(&[s], &g.source) > 0,
            _ => false,
        };
        let content_f1 = set_f1(&token_set(tokens, &p.content), &token_set(tokens, &g.content));
        let v = Verdict { source_ok, content_f1 };
        pred_used[pi] = Some((gi, v));
        let content_ok = content_f1 >= 0.5;
        c.cue.tp_pred += 1.0;
        c.cue.tp_gold += 1.0;
        if source_ok {
            c.source.tp_pred += 1.0;
            c.source.tp_gold += 1.0;
        }
        if content_ok {
            c.content.tp_pred += 1.0;
            c.content.tp_gold += 1.0;
        }
        if source_ok && content_ok {
            c.full.tp_pred += 1.0;
            c.full.tp_gold += 1.0;
        }
    }
    for prf in [&mut c.cue, &mut c.source, &mut c.content, &mut c.full] {
        prf.pred = pred.len() as f64;
        prf.gold = gold.len() as f64;
    }
    (c, pred_used)
}

/// The predictions of an analyzed document.
///
/// A quotation that continues the previous statement of the same source ("“A,” he said. “B.”")
/// joins that statement's content as a second fragment, as PolNeAR annotates it; the rows of
/// one statement made by several speakers ("Smith and Jones said": a row for each) are one
/// attribution whose source spans them all, as PolNeAR annotates one per cue.
pub fn predictions(doc: &Document) -> Vec<PredAttribution> {
    let text = doc.text();
    let quoted = |p: &PredAttribution| p.content.first().is_some_and(|c| text[*c].starts_with(['"', '“', '\'', '‘']));
    let mut out: Vec<PredAttribution> = Vec::with_capacity(doc.attributions.len());
    for a in &doc.attributions {
        let source = a.source.as_ref().map(|s| s.range);
        if a.why.cue == "quote_continuation" {
            // (the statement that quoted, when the speaker has two: "“A,” she said, emphasizing
            // B. “C.”" continues the quotation)
            let same: Vec<usize> =
                (0..out.len()).rev().filter(|&i| out[i].source.is_some() && out[i].source == source).take(3).collect();
            if let Some(&i) = same.iter().find(|&&i| quoted(&out[i])) {
                out[i].content.push(a.content);
                continue;
            }
        }
        if let Some(p) = out.iter_mut().find(|p| p.cue == a.cue && p.content == [a.content]) {
            if let (Some(x), Some(y)) = (p.source, source) {
                p.source = Some(x.cover(y));
                continue;
            }
        }
        out.push(PredAttribution { cue: a.cue, source, content: vec![a.content] });
    }
    out
}

/// The extractor's attributions before enrichment filters and reshapes them (for measuring
/// what the filters cost: `CLAIMTRAIL_POLNEAR_RAW=1`).
fn raw_predictions(pipeline: &Pipeline, doc: &Document) -> Vec<PredAttribution> {
    claimtrail_pipeline::attribution::extract::extract_with(doc, pipeline.bundle().cue_model())
        .into_iter()
        .map(|r| PredAttribution { cue: r.cue, source: r.source, content: vec![r.content] })
        .collect()
}

fn frag_text(text: &str, frags: &[TextRange]) -> String {
    frags.iter().map(|r| &text[*r]).collect::<Vec<_>>().join(" … ")
}

fn clip(s: &str) -> String {
    let s = s.replace('\n', " ");
    if s.chars().count() > 160 {
        let head: String = s.chars().take(100).collect();
        let tail: String = s.chars().rev().take(50).collect::<Vec<_>>().into_iter().rev().collect();
        format!("{head} … {tail}")
    } else {
        s
    }
}

/// Scores `pipeline` on the gold data at `path` (a split directory).
pub fn evaluate(pipeline: &Pipeline, path: &Path) -> Result<Report> {
    let docs = read_split(path)?;
    let mut total = Counts::default();
    let mut listing = std::env::var_os("CLAIMTRAIL_POLNEAR_ERRORS").map(|p| (p, String::new()));
    let raw = std::env::var_os("CLAIMTRAIL_POLNEAR_RAW").is_some();
    for gd in &docs {
        let meta = Meta { id: gd.name.clone(), ..Meta::default() };
        let doc = match pipeline.analyze(meta, &gd.text) {
            Ok(d) => d,
            Err(claimtrail_pipeline::Error::Empty { .. }) => continue,
            Err(e) => return Err(e.into()),
        };
        let tokens: Vec<(u32, u32)> = doc.tokens.iter().map(|t| (t.range.start(), t.range.end())).collect();
        let pred = if raw { raw_predictions(pipeline, &doc) } else { predictions(&doc) };
        let (c, matching) = score_doc(&tokens, &gd.attributions, &pred);
        total.add(c);
        if let Some((_, out)) = listing.as_mut() {
            write_listing(out, gd, &pred, &matching);
        }
    }
    if let Some((p, out)) = listing {
        std::fs::write(&p, out).map_err(|source| Error::Io { path: p.to_string_lossy().into_owned(), source })?;
    }
    Ok(Report {
        title: format!("polnear {}", path.display()),
        documents: docs.len(),
        parts: vec![
            ("cue".into(), total.cue),
            ("source".into(), total.source),
            ("content".into(), total.content),
            ("attribution".into(), total.full),
        ],
    })
}

fn write_listing(out: &mut String, gd: &GoldDoc, pred: &[PredAttribution], matching: &[Option<(usize, Verdict)>]) {
    let t = gd.text.as_str();
    let _ = writeln!(out, "=== {}", gd.name);
    let mut gold_match = vec![None; gd.attributions.len()];
    for (pi, m) in matching.iter().enumerate() {
        if let Some((gi, v)) = m {
            gold_match[*gi] = Some((pi, *v));
        }
    }
    for (gi, g) in gd.attributions.iter().enumerate() {
        let tag = match gold_match[gi] {
            None => "MISS".to_string(),
            Some((_, v)) if v.source_ok && v.content_f1 >= 0.5 => "OK".to_string(),
            Some((_, v)) => {
                format!("{}{}", if v.source_ok { "" } else { "SRC " }, if v.content_f1 >= 0.5 { "" } else { "CONT" })
            }
        };
        let _ = writeln!(
            out,
            "G {tag:9} cue=[{}] src=[{}] content=[{}]",
            frag_text(t, &g.cue),
            frag_text(t, &g.source),
            clip(&frag_text(t, &g.content))
        );
        if let Some((pi, v)) = gold_match[gi] {
            if !(v.source_ok && v.content_f1 >= 0.5) {
                let p = &pred[pi];
                let _ = writeln!(
                    out,
                    "  P cf1={:.2} cue=[{}] src=[{}] content=[{}]",
                    v.content_f1,
                    &t[p.cue],
                    p.source.map(|s| &t[s]).unwrap_or(""),
                    clip(&frag_text(t, &p.content))
                );
            }
        }
    }
    for (pi, m) in matching.iter().enumerate() {
        if m.is_none() {
            let p = &pred[pi];
            let ctx_s = p.cue.start().saturating_sub(60) as usize;
            let ctx_e = (p.cue.end() as usize + 60).min(t.len());
            let ctx_s = (0..=ctx_s).rev().find(|&i| t.is_char_boundary(i)).unwrap_or(0);
            let ctx_e = (ctx_e..=t.len()).find(|&i| t.is_char_boundary(i)).unwrap_or(t.len());
            let _ = writeln!(
                out,
                "P FALSE    cue=[{}] src=[{}] content=[{}] ctx=[{}]",
                &t[p.cue],
                p.source.map(|s| &t[s]).unwrap_or(""),
                clip(&frag_text(t, &p.content)),
                clip(&t[ctx_s..ctx_e])
            );
        }
    }
}

/// Mines the cue lexicon from a PolNeAR split: for every lowercased word that is part of a gold
/// cue at least twice, a line `word<TAB>as_cue<TAB>occurrences<TAB>as_cue_without_source`.
/// The attribution extractor embeds this file (`attribution/cues.tsv`); `claimtrail train`
/// can rebuild it from the train split.
pub fn mine_cue_lexicon(dir: &Path) -> Result<String> {
    let docs = read_split(dir)?;
    // word -> (as cue, occurrences, as cue with no source)
    let mut stats: BTreeMap<String, (u32, u32, u32)> = BTreeMap::new();
    for gd in &docs {
        let tokens = claimtrail_pipeline::segment::tokenize(&gd.text);
        for t in &tokens {
            if t.kind != claimtrail_core::TokenKind::Word {
                continue;
            }
            let w = gd.text.as_str()[t.range].to_lowercase();
            let e = stats.entry(w).or_default();
            e.1 += 1;
            if let Some(g) = gd.attributions.iter().find(|g| g.cue.iter().any(|c| c.overlaps(t.range))) {
                e.0 += 1;
                if g.source.is_empty() {
                    e.2 += 1;
                }
            }
        }
    }
    let mut out = String::from("# word\tas_cue\toccurrences\tas_cue_without_source (mined from PolNeAR train)\n");
    for (w, (c, n, ns)) in stats {
        if c >= 2 {
            let _ = writeln!(out, "{w}\t{c}\t{n}\t{ns}");
        }
    }
    Ok(out)
}

/// Trains the attribution cue classifier on a PolNeAR split; returns the model bytes for
/// `crates/claimtrail-pipeline/models/attr_cue.bin`.
pub fn train_cue_model(dir: &Path, epochs: usize) -> Result<Vec<u8>> {
    use claimtrail_pipeline::attribution::extract;
    let docs = read_split(dir)?;
    let mut examples = Vec::new();
    for gd in &docs {
        let mut doc = Document::new(Meta { id: gd.name.clone(), ..Meta::default() }, gd.text.as_str());
        let seg = claimtrail_pipeline::segment::segment(&gd.text);
        doc.sentences = seg.sentences;
        doc.tokens = seg.tokens;
        doc.pos = claimtrail_pipeline::Stage::run(&claimtrail_pipeline::pos::PosTagger::default(), &doc)?;
        let cues: Vec<TextRange> = gd.attributions.iter().flat_map(|g| g.cue.iter().copied()).collect();
        extract::cue_examples(&doc, &cues, &mut examples);
    }
    Ok(extract::train_cue_model(&examples, epochs))
}

/// Token-level precision and recall of a cue classifier trained on `train` (bytes from
/// [`train_cue_model`]) on the candidate words of `dev`: `(tp, predicted, gold)` at threshold 0.
pub fn cue_model_scores(model: &[u8], dev: &Path) -> Result<(usize, usize, usize)> {
    use claimtrail_pipeline::attribution::extract;
    let model = claimtrail_pipeline::attribution::extract::cuemodel::CueModel::from_bytes(model);
    let docs = read_split(dev)?;
    let (mut tp, mut pred, mut gold) = (0, 0, 0);
    for gd in &docs {
        let mut doc = Document::new(Meta { id: gd.name.clone(), ..Meta::default() }, gd.text.as_str());
        let seg = claimtrail_pipeline::segment::segment(&gd.text);
        doc.sentences = seg.sentences;
        doc.tokens = seg.tokens;
        doc.pos = claimtrail_pipeline::Stage::run(&claimtrail_pipeline::pos::PosTagger::default(), &doc)?;
        let cues: Vec<TextRange> = gd.attributions.iter().flat_map(|g| g.cue.iter().copied()).collect();
        let mut examples = Vec::new();
        extract::cue_examples(&doc, &cues, &mut examples);
        for (f, y) in examples {
            let p = model.score(&f) > 0.0;
            tp += usize::from(p && y);
            pred += usize::from(p);
            gold += usize::from(y);
        }
    }
    Ok((tp, pred, gold))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rebuilds the embedded cue lexicon: `cargo test -p claimtrail-eval -- --ignored mine_cues`.
    #[test]
    #[ignore]
    fn mine_cues() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let lex = mine_cue_lexicon(&root.join("../shared/data/polnear/train")).unwrap();
        std::fs::write(root.join("crates/claimtrail-pipeline/src/attribution/cues.tsv"), lex).unwrap();
    }

    /// Retrains the cue classifier: `cargo test --release -p claimtrail-eval -- --ignored train_cues`
    /// (`CUE_TRAIN_DIR` and `CUE_MODEL_OUT` train on another split or write elsewhere, e.g. to
    /// cross-validate on two halves of train).
    #[test]
    #[ignore]
    fn train_cues() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let epochs = std::env::var("CUE_EPOCHS").ok().and_then(|e| e.parse().ok()).unwrap_or(6);
        let dir = std::env::var_os("CUE_TRAIN_DIR").map_or(root.join("../shared/data/polnear/train"), Into::into);
        let out = std::env::var_os("CUE_MODEL_OUT")
            .map_or(root.join("crates/claimtrail-pipeline/models/attr_cue.bin"), Into::into);
        let model = train_cue_model(&dir, epochs).unwrap();
        std::fs::write(out, model).unwrap();
    }

    /// Trains on train and scores on dev at the token level:
    /// `cargo test --release -p claimtrail-eval -- --ignored --nocapture cue_model_dev`.
    #[test]
    #[ignore]
    fn cue_model_dev() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/polnear");
        let epochs = std::env::var("CUE_EPOCHS").ok().and_then(|e| e.parse().ok()).unwrap_or(6);
        let model = train_cue_model(&root.join("train"), epochs).unwrap();
        let (tp, pred, gold) = cue_model_scores(&model, &root.join("dev")).unwrap();
        let (p, r) = (tp as f64 / pred as f64, tp as f64 / gold as f64);
        println!("cue tokens on dev: P {p:.3} R {r:.3} F1 {:.3} ({tp} / {pred} / {gold})", 2.0 * p * r / (p + r));
    }

    #[test]
    fn parses_char_offsets_and_fragments() {
        let text = "“No,” said Peskov. Later he added more.";
        let ann = "T1\tContent 0 5\t“No,”\nT2\tCue 6 10\tsaid\nT3\tSource 11 17\tPeskov\n\
                   T4\tAttribution 6 10\tsaid\nE1\tAttribution:T4 Cue:T2 Source:T3 Content:T1\n\
                   #1\tAnnotatorNotes T1\tnote\nstray line\nT5\tCue 25 30\tadded\n\
                   T6\tContent 31 35;35 39\tmore.\nE2\tAttribution-no-source:T5 Cue:T5 Content:T6\n";
        let g = parse_ann(ann, text);
        assert_eq!(g.len(), 2);
        assert_eq!(&text[g[0].cue[0]], "said");
        assert_eq!(&text[g[0].source[0]], "Peskov");
        assert_eq!(&text[g[0].content[0]], "“No,”");
        assert!(g[1].source.is_empty());
        assert_eq!(g[1].content.len(), 2);
    }

    #[test]
    fn scoring_table() {
        let r = |s, e| TextRange::new(s, e);
        // ten tokens of two bytes: 0..2 2..4 ... 18..20
        let tokens: Vec<(u32, u32)> = (0..10).map(|i| (i * 2, i * 2 + 2)).collect();
        let gold = vec![GoldAttribution { cue: vec![r(2, 4)], source: vec![r(0, 2)], content: vec![r(4, 20)] }];
        let cases = [
            (PredAttribution { cue: r(2, 4), source: Some(r(0, 2)), content: vec![r(4, 20)] }, (1.0, 1.0, 1.0, 1.0)),
            (PredAttribution { cue: r(2, 4), source: None, content: vec![r(4, 16)] }, (1.0, 0.0, 1.0, 0.0)),
            (PredAttribution { cue: r(3, 4), source: Some(r(1, 2)), content: vec![r(18, 20)] }, (1.0, 1.0, 0.0, 0.0)),
            (PredAttribution { cue: r(4, 6), source: Some(r(0, 2)), content: vec![r(4, 20)] }, (0.0, 0.0, 0.0, 0.0)),
        ];
        for (p, (cue, src, cont, full)) in cases {
            let (c, _) = score_doc(&tokens, &gold, std::slice::from_ref(&p));
            assert_eq!(
                (c.cue.tp_gold, c.source.tp_gold, c.content.tp_gold, c.full.tp_gold),
                (cue, src, cont, full),
                "{p:?}"
            );
        }
    }

    #[test]
    fn one_to_one_matching() {
        let r = |s, e| TextRange::new(s, e);
        let tokens: Vec<(u32, u32)> = (0..10).map(|i| (i * 2, i * 2 + 2)).collect();
        let gold = vec![GoldAttribution { cue: vec![r(2, 6)], source: vec![], content: vec![r(8, 12)] }];
        let pred = vec![
            PredAttribution { cue: r(2, 4), source: None, content: vec![r(8, 12)] },
            PredAttribution { cue: r(2, 6), source: None, content: vec![r(8, 12)] },
        ];
        let (c, m) = score_doc(&tokens, &gold, &pred);
        assert_eq!(c.cue.tp_pred, 1.0);
        assert_eq!(c.cue.pred, 2.0);
        assert!(m[0].is_none() && m[1].is_some());
    }
}
