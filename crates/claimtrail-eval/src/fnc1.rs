//! FNC-1 (Fake News Challenge stage 1) as a claim-matching benchmark for `claimtrail check`.
//!
//! A directory holds `train_stances.csv` (`Headline,Body ID,Stance` with stance `agree`,
//! `disagree`, `discuss` or `unrelated`) and `train_bodies.csv` (`Body ID,articleBody`).
//! Each headline is a query: the bodies are analyzed with the pipeline, indexed with BM25
//! (the candidates a store's FTS5 search would give: the top [`CANDIDATES`]), and each
//! candidate goes through [`Matcher::match_document`]; matches are ranked by score. A pair
//! labelled agree or disagree is *found* when its body is among the matches (at rank 1, 5, 10
//! or any), and its stance is right when found with agree -> asserts, disagree -> denies
//! (discuss -> hedges is reported apart; unrelated pairs report how often the body is matched
//! anyway). Held-out: the pairs of bodies whose id is a multiple of 5 ([`held_out`]); models
//! are trained on the others only.
//!
//! Setting `CLAIMTRAIL_FNC1_ERRORS` to a file path writes a listing of every related pair with
//! its rank, stances and matched statement, for error analysis.

use std::collections::HashMap;
use std::fmt;
use std::path::Path;
use std::time::Instant;

use claimtrail_check::bm25::Bm25Index;
use claimtrail_check::{search_terms, Matcher};
use claimtrail_core::contract::{Analysis, DocumentOut, SCHEMA};
use claimtrail_core::{Meta, Stance};
use claimtrail_pipeline::Pipeline;
use rayon::prelude::*;

use crate::{read, Error, Result};

/// Candidates taken from the BM25 search for each query.
pub const CANDIDATES: usize = 50;

/// An FNC-1 stance label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Label {
    /// The body agrees with the headline.
    Agree,
    /// The body disagrees.
    Disagree,
    /// The body discusses it without taking a side.
    Discuss,
    /// The body is about something else.
    Unrelated,
}

impl Label {
    fn parse(s: &str) -> Option<Label> {
        match s.trim() {
            "agree" => Some(Label::Agree),
            "disagree" => Some(Label::Disagree),
            "discuss" => Some(Label::Discuss),
            "unrelated" => Some(Label::Unrelated),
            _ => None,
        }
    }

    /// Name.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Agree => "agree",
            Label::Disagree => "disagree",
            Label::Discuss => "discuss",
            Label::Unrelated => "unrelated",
        }
    }

    /// The stance `check` should give: agree -> asserts, disagree -> denies, discuss -> hedges.
    pub fn expected(self) -> Option<Stance> {
        match self {
            Label::Agree => Some(Stance::Asserts),
            Label::Disagree => Some(Stance::Denies),
            Label::Discuss => Some(Stance::Hedges),
            Label::Unrelated => None,
        }
    }
}

/// One headline/body pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    /// The headline (the query).
    pub headline: String,
    /// The body id.
    pub body: u32,
    /// The gold label.
    pub label: Label,
}

/// The data set.
#[derive(Debug, Clone, Default)]
pub struct Fnc1 {
    /// Bodies, sorted by id.
    pub bodies: Vec<(u32, String)>,
    /// Pairs in file order.
    pub pairs: Vec<Pair>,
}

/// Whether a body belongs to the held-out part of the split (id divisible by 5).
pub fn held_out(body: u32) -> bool {
    matches!(body % 5, 0)
}

/// Parses CSV (RFC 4180: quoted fields with doubled quotes and line breaks) into records.
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut it = text.chars().peekable();
    let mut any = false;
    while let Some(c) = it.next() {
        any = true;
        if quoted {
            if c == '"' {
                if it.peek() == Some(&'"') {
                    field.push('"');
                    it.next();
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' => quoted = true,
            ',' => row.push(std::mem::take(&mut field)),
            '\r' => {}
            '\n' => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
                any = false;
            }
            _ => field.push(c),
        }
    }
    if any {
        row.push(field);
        rows.push(row);
    }
    rows
}

/// Reads `train_stances.csv` and `train_bodies.csv` from `dir`.
pub fn load(dir: &Path) -> Result<Fnc1> {
    let bad = |p: &Path, m: String| Error::Format { path: p.display().to_string(), message: m };
    let bp = dir.join("train_bodies.csv");
    let mut bodies = Vec::new();
    for (i, r) in parse_csv(&read(&bp)?).into_iter().enumerate().skip(1) {
        if r.len() < 2 {
            return Err(bad(&bp, format!("record {i}: {} fields", r.len())));
        }
        let id = r[0].trim().parse::<u32>().map_err(|e| bad(&bp, format!("record {i}: body id: {e}")))?;
        bodies.push((id, r[1].clone()));
    }
    bodies.sort_by_key(|b| b.0);
    let sp = dir.join("train_stances.csv");
    let mut pairs = Vec::new();
    for (i, r) in parse_csv(&read(&sp)?).into_iter().enumerate().skip(1) {
        if r.len() < 3 {
            return Err(bad(&sp, format!("record {i}: {} fields", r.len())));
        }
        let body = r[1].trim().parse::<u32>().map_err(|e| bad(&sp, format!("record {i}: body id: {e}")))?;
        let label = Label::parse(&r[2]).ok_or_else(|| bad(&sp, format!("record {i}: stance {:?}", r[2])))?;
        pairs.push(Pair { headline: r[0].clone(), body, label });
    }
    Ok(Fnc1 { bodies, pairs })
}

/// Analyzes every body (in parallel): the contract form, with layers when the pipeline
/// accepts the text, bare text otherwise.
pub fn analyze_bodies(pipeline: &Pipeline, data: &Fnc1) -> Vec<Analysis> {
    data.bodies
        .par_iter()
        .map(|(id, text)| {
            let meta = Meta { id: id.to_string(), language: Some("en".into()), ..Meta::default() };
            match pipeline.analyze(meta, text) {
                Ok(doc) => Analysis::from_document(&doc),
                Err(_) => Analysis {
                    schema: SCHEMA.to_string(),
                    document: DocumentOut {
                        id: id.to_string(),
                        title: None,
                        outlet: None,
                        url: None,
                        published: None,
                        language: "en".into(),
                        text: text.clone(),
                    },
                    entities: Vec::new(),
                    attributions: Vec::new(),
                    claims: Vec::new(),
                    times: Vec::new(),
                },
            }
        })
        .collect()
}

/// Training rows for both models of the matcher, from the pairs whose body passes `keep`.
#[derive(Debug, Clone, Default)]
pub struct Examples {
    /// `related` features.
    pub related_x: Vec<Vec<f32>>,
    /// 1 when the pair is related (agree, disagree, discuss), else 0.
    pub related_y: Vec<usize>,
    /// `stance` features of related pairs.
    pub stance_x: Vec<Vec<f32>>,
    /// 0 agree, 1 disagree, 2 discuss (the order of `claimtrail_check::stance::CLASSES`).
    pub stance_y: Vec<usize>,
}

/// Builds [`Examples`] from `data` with `matcher` (its IDF table; its models are not used).
pub fn examples(matcher: &Matcher, data: &Fnc1, analyses: &[Analysis], keep: impl Fn(u32) -> bool + Sync) -> Examples {
    let index: HashMap<u32, usize> = data.bodies.iter().enumerate().map(|(i, b)| (b.0, i)).collect();
    let prepared: Vec<_> = analyses.par_iter().map(|a| matcher.prepare(a)).collect();
    type Row = (Vec<f32>, usize, Option<(Vec<f32>, usize)>);
    let rows: Vec<Option<Row>> = data
        .pairs
        .par_iter()
        .map(|p| {
            if !keep(p.body) {
                return None;
            }
            let &i = index.get(&p.body)?;
            let q = matcher.parse_query(&p.headline);
            let ev = matcher.evidence(&q, &prepared[i], &analyses[i])?;
            let related = usize::from(p.label != Label::Unrelated);
            let stance = match p.label {
                Label::Agree => Some((ev.stance.clone(), 0)),
                Label::Disagree => Some((ev.stance.clone(), 1)),
                Label::Discuss => Some((ev.stance.clone(), 2)),
                Label::Unrelated => None,
            };
            Some((ev.related, related, stance))
        })
        .collect();
    let mut ex = Examples::default();
    for (rx, ry, st) in rows.into_iter().flatten() {
        ex.related_x.push(rx);
        ex.related_y.push(ry);
        if let Some((sx, sy)) = st {
            ex.stance_x.push(sx);
            ex.stance_y.push(sy);
        }
    }
    ex
}

/// Scores of one label.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct LabelScore {
    /// The label (`agree`, `disagree`, `discuss`, `unrelated`, or `overall` = agree + disagree).
    pub label: String,
    /// Pairs.
    pub pairs: usize,
    /// Body matched at rank 1.
    pub found_top1: usize,
    /// Body matched within rank 5.
    pub found_top5: usize,
    /// Body matched within rank 10.
    pub found_top10: usize,
    /// Body matched at any rank.
    pub found: usize,
    /// Found with the expected stance.
    pub both: usize,
    /// Found within rank 10 with the expected stance.
    pub both_top10: usize,
    /// Stances given to found bodies: asserts, denies, hedges, no_knowledge.
    pub confusion: [usize; 4],
}

impl LabelScore {
    fn rate(n: usize, d: usize) -> f64 {
        if d == 0 {
            0.0
        } else {
            n as f64 / d as f64
        }
    }
    /// Found rate (any rank).
    pub fn found_rate(&self) -> f64 {
        Self::rate(self.found, self.pairs)
    }
    /// Stance accuracy among found pairs.
    pub fn stance_accuracy(&self) -> f64 {
        Self::rate(self.both, self.found)
    }
    /// Found and stance right, over all pairs.
    pub fn both_rate(&self) -> f64 {
        Self::rate(self.both, self.pairs)
    }
    fn add(&mut self, o: &LabelScore) {
        self.pairs += o.pairs;
        self.found_top1 += o.found_top1;
        self.found_top5 += o.found_top5;
        self.found_top10 += o.found_top10;
        self.found += o.found;
        self.both += o.both;
        self.both_top10 += o.both_top10;
        for (a, b) in self.confusion.iter_mut().zip(o.confusion) {
            *a += b;
        }
    }
}

/// Scores of one part of the split.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct PartScore {
    /// `held-out` or `all`.
    pub part: String,
    /// agree, disagree, overall (agree + disagree), discuss, unrelated.
    pub labels: Vec<LabelScore>,
}

/// The FNC-1 report.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Fnc1Report {
    /// Bodies.
    pub bodies: usize,
    /// Pairs.
    pub pairs: usize,
    /// Seconds to analyze all bodies.
    pub analyze_seconds: f64,
    /// Distinct headlines checked.
    pub queries: usize,
    /// Seconds for all checks (query parsing, BM25 search, matching of every candidate).
    pub check_seconds: f64,
    /// Queries per second.
    pub queries_per_second: f64,
    /// Worker threads.
    pub threads: usize,
    /// Mean number of matched documents per query (of the BM25 candidates).
    pub matches_per_query: f64,
    /// Whether the matcher had its learned models.
    pub models: bool,
    /// Held-out part, then all pairs.
    pub parts: Vec<PartScore>,
}

/// Runs the benchmark on the FNC-1 directory `dir`.
pub fn evaluate(pipeline: &Pipeline, matcher: &Matcher, dir: &Path) -> Result<Fnc1Report> {
    let data = load(dir)?;
    let t0 = Instant::now();
    let analyses = analyze_bodies(pipeline, &data);
    let analyze_seconds = t0.elapsed().as_secs_f64();
    let index = Bm25Index::build(analyses.iter().map(|a| a.document.text.as_str()));
    let mut headlines: Vec<&str> = data.pairs.iter().map(|p| p.headline.as_str()).collect();
    headlines.sort_unstable();
    headlines.dedup();
    let t1 = Instant::now();
    // per headline: matched body ids with their stance, best first
    let results: Vec<Vec<(u32, Stance)>> = headlines
        .par_iter()
        .map(|h| {
            let q = matcher.parse_query(h);
            let terms = search_terms(&q);
            let mut matches: Vec<(f32, usize, u32, Stance)> = index
                .search(&terms, CANDIDATES)
                .into_iter()
                .enumerate()
                .filter_map(|(rank, (d, _))| {
                    let m = matcher.match_document(&q, &analyses[d])?;
                    Some((m.score, rank, data.bodies[d].0, m.stance))
                })
                .collect();
            matches.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            matches.into_iter().map(|m| (m.2, m.3)).collect()
        })
        .collect();
    let check_seconds = t1.elapsed().as_secs_f64();
    let by_headline: HashMap<&str, &Vec<(u32, Stance)>> = headlines.iter().copied().zip(&results).collect();

    if let Some(path) = std::env::var_os("CLAIMTRAIL_FNC1_ERRORS") {
        write_listing(Path::new(&path), matcher, &data, &analyses, &by_headline)?;
    }
    let labels = [Label::Agree, Label::Disagree, Label::Discuss, Label::Unrelated];
    let mut parts = Vec::new();
    for (name, only_held_out) in [("held-out", true), ("all", false)] {
        let mut scores: Vec<LabelScore> =
            labels.iter().map(|l| LabelScore { label: l.as_str().to_string(), ..LabelScore::default() }).collect();
        for p in &data.pairs {
            if only_held_out && !held_out(p.body) {
                continue;
            }
            let li = labels.iter().position(|l| *l == p.label).unwrap_or(3);
            let s = &mut scores[li];
            s.pairs += 1;
            let Some(found) = by_headline.get(p.headline.as_str()) else { continue };
            let Some(rank) = found.iter().position(|m| m.0 == p.body) else { continue };
            let stance = found[rank].1;
            s.found += 1;
            s.found_top1 += usize::from(rank < 1);
            s.found_top5 += usize::from(rank < 5);
            s.found_top10 += usize::from(rank < 10);
            s.confusion[match stance {
                Stance::Asserts => 0,
                Stance::Denies => 1,
                Stance::Hedges => 2,
                Stance::NoKnowledge => 3,
            }] += 1;
            if p.label.expected() == Some(stance) {
                s.both += 1;
                s.both_top10 += usize::from(rank < 10);
            }
        }
        let mut overall = LabelScore { label: "overall".into(), ..LabelScore::default() };
        overall.add(&scores[0]);
        overall.add(&scores[1]);
        scores.insert(2, overall);
        parts.push(PartScore { part: name.to_string(), labels: scores });
    }
    Ok(Fnc1Report {
        bodies: data.bodies.len(),
        pairs: data.pairs.len(),
        analyze_seconds,
        queries: headlines.len(),
        check_seconds,
        queries_per_second: if check_seconds > 0.0 { headlines.len() as f64 / check_seconds } else { 0.0 },
        threads: rayon::current_num_threads(),
        matches_per_query: results.iter().map(Vec::len).sum::<usize>() as f64 / results.len().max(1) as f64,
        models: matcher.has_models(),
        parts,
    })
}

/// Writes one line per related pair for error analysis: label, rank (or `-`), stance, rule
/// stance, source stance, polarity mismatch, headline, matched statement.
fn write_listing(
    path: &Path,
    matcher: &Matcher,
    data: &Fnc1,
    analyses: &[Analysis],
    by_headline: &HashMap<&str, &Vec<(u32, Stance)>>,
) -> Result<()> {
    use std::fmt::Write as _;
    let index: HashMap<u32, usize> = data.bodies.iter().enumerate().map(|(i, b)| (b.0, i)).collect();
    let mut out = String::new();
    for p in data.pairs.iter().filter(|p| p.label != Label::Unrelated) {
        let Some(&i) = index.get(&p.body) else { continue };
        let q = matcher.parse_query(&p.headline);
        let prep = matcher.prepare(&analyses[i]);
        let Some(ev) = matcher.evidence(&q, &prep, &analyses[i]) else { continue };
        let found = by_headline.get(p.headline.as_str()).and_then(|f| f.iter().position(|m| m.0 == p.body));
        let quote = matcher.match_prepared(&q, &prep, &analyses[i]).map(|m| m.quote).unwrap_or_default();
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            p.label.as_str(),
            p.body,
            found.map_or("-".to_string(), |r| r.to_string()),
            matcher.decide(&ev).as_str(),
            ev.rule.as_str(),
            ev.source.as_str(),
            ev.mismatch,
            p.headline,
            quote.replace(['\t', '\n'], " ")
        );
    }
    std::fs::write(path, out).map_err(|source| Error::Io { path: path.display().to_string(), source })
}

impl fmt::Display for Fnc1Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "FNC-1 claim matching ({} bodies, {} pairs; {} learned models)",
            self.bodies,
            self.pairs,
            if self.models { "with" } else { "without" }
        )?;
        writeln!(
            f,
            "analysis: {:.1} s; check: {} queries in {:.1} s = {:.1} queries/s on {} threads",
            self.analyze_seconds, self.queries, self.check_seconds, self.queries_per_second, self.threads
        )?;
        writeln!(
            f,
            "candidates: top {} of BM25 per query; {:.1} documents matched per query on average",
            CANDIDATES, self.matches_per_query
        )?;
        for part in &self.parts {
            writeln!(
                f,
                "\n[{}]  found@1/@5/@10/any = body among matched documents at that rank; \
                 acc = stance right among found; both = found (any) and stance right",
                part.part
            )?;
            writeln!(
                f,
                "{:<10} {:>6} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7} {:>8}   {:>7} {:>7} {:>7} {:>7}",
                "label",
                "pairs",
                "found@1",
                "@5",
                "@10",
                "any",
                "acc",
                "both",
                "both@10",
                "asserts",
                "denies",
                "hedges",
                "no_know"
            )?;
            for s in &part.labels {
                let r = |n: usize| LabelScore::rate(n, s.pairs);
                writeln!(
                    f,
                    "{:<10} {:>6} {:>7.3} {:>7.3} {:>7.3} {:>7.3} {:>7.3} {:>7.3} {:>8.3}   {:>7} {:>7} {:>7} {:>7}",
                    s.label,
                    s.pairs,
                    r(s.found_top1),
                    r(s.found_top5),
                    r(s.found_top10),
                    s.found_rate(),
                    s.stance_accuracy(),
                    s.both_rate(),
                    r(s.both_top10),
                    s.confusion[0],
                    s.confusion[1],
                    s.confusion[2],
                    s.confusion[3]
                )?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_records() {
        let cases: &[(&str, &[&[&str]])] = &[
            ("a,b\n1,2\n", &[&["a", "b"], &["1", "2"]]),
            ("a,\"x, \"\"y\"\"\nz\"\r\n", &[&["a", "x, \"y\"\nz"]]),
            ("last,line", &[&["last", "line"]]),
            ("", &[]),
        ];
        for (text, want) in cases {
            let got = parse_csv(text);
            let want: Vec<Vec<String>> = want.iter().map(|r| r.iter().map(|s| s.to_string()).collect()).collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn split_and_labels() {
        assert!(held_out(0) && held_out(35) && !held_out(36));
        assert_eq!(Label::parse("disagree"), Some(Label::Disagree));
        assert_eq!(Label::parse("maybe"), None);
        assert_eq!(Label::Agree.expected(), Some(Stance::Asserts));
        assert_eq!(Label::Unrelated.expected(), None);
    }

    #[test]
    fn end_to_end_on_a_tiny_set() {
        let dir = std::env::temp_dir().join(format!("claimtrail-fnc1-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("train_bodies.csv"),
            "Body ID,articleBody\n\
             10,\"The city council voted on Monday to close the old harbour bridge for repairs. Traffic will be diverted.\"\n\
             11,\"Claims that the harbour bridge will close are false, the council said. The bridge stays open.\"\n\
             12,\"A bakery won a prize for its rye bread.\"\n",
        )
        .unwrap();
        std::fs::write(
            dir.join("train_stances.csv"),
            "Headline,Body ID,Stance\n\
             Council closes harbour bridge for repairs,10,agree\n\
             Council closes harbour bridge for repairs,11,disagree\n\
             Council closes harbour bridge for repairs,12,unrelated\n",
        )
        .unwrap();
        let report = evaluate(&Pipeline::new(), &Matcher::new(), &dir).unwrap();
        std::fs::remove_dir_all(&dir).ok();
        assert_eq!(report.bodies, 3);
        assert_eq!(report.queries, 1);
        let all = &report.parts[1];
        let agree = &all.labels[0];
        assert_eq!((agree.label.as_str(), agree.pairs, agree.found), ("agree", 1, 1));
        let unrelated = all.labels.iter().find(|l| l.label == "unrelated").unwrap();
        assert_eq!(unrelated.found, 0);
        assert!(report.to_string().contains("overall"));
    }
}
