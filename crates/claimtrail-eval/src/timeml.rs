//! Evaluation of time expressions on TIMEX3 gold data, TempEval-3 style.
//!
//! Two inputs:
//! - a directory of TimeML `.tml` files (searched recursively, e.g. TimeBank and AQUAINT):
//!   the text is the content of `<TEXT>` with tags stripped and XML entities decoded; the gold
//!   spans are the `TIMEX3` elements inside `<TEXT>`, mapped to byte offsets of the stripped
//!   text; the publication date is the `TIMEX3` with `functionInDocument="CREATION_TIME"`.
//! - a `.jsonl` corpus (e.g. `wikinews-meantime.jsonl`): records with `text`, `published` and
//!   `timexes[{start, end, type, value, creation_time}]` in character offsets. Gold entries
//!   marked `creation_time` (the dateline inside the text) are left out, and so are
//!   predictions that overlap them, so the dateline counts neither way. MEANTIME annotates
//!   only the start of each article, so only the first six sentences are scored.
//!
//! Parts of the report (TempEval-3): `extent strict` (same span), `extent relaxed` (spans
//! overlap), `type` (overlap and same TIMEX3 type), `value` (overlap and same value). For each,
//! precision is over predictions and recall over gold items.
//!
//! Setting the environment variable `CLAIMTRAIL_TIMEML_ERRORS` to a file path writes every
//! miss, spurious prediction and wrong value there as tab-separated lines, for error analysis.

use std::io::Write;
use std::path::{Path, PathBuf};

use claimtrail_core::{CharMap, Date, Document, Meta, TextRange, TimeExpr, TimeKind};
use claimtrail_pipeline::{Pipeline, Stage};

use crate::{read, Error, Prf, Report, Result};

/// One gold TIMEX3.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldTimex {
    /// Byte span in the document text.
    pub range: TextRange,
    /// TIMEX3 type (`DATE`, `TIME`, `DURATION`, `SET`).
    pub kind: String,
    /// TIMEX3 value.
    pub value: String,
}

/// One gold document.
#[derive(Debug, Clone)]
pub struct GoldDoc {
    /// Document id.
    pub id: String,
    /// Text given to the pipeline.
    pub text: String,
    /// Publication date, if known.
    pub published: Option<Date>,
    /// Scored time expressions.
    pub timexes: Vec<GoldTimex>,
    /// Spans whose predictions are ignored (the dateline of a Wikinews article).
    pub ignore: Vec<TextRange>,
    /// Only the first this many sentences (as segmented) are annotated.
    pub sentences: Option<usize>,
}

/// Scores `pipeline` on the gold data at `path` (a directory of `.tml` files or a `.jsonl`).
pub fn evaluate(pipeline: &Pipeline, path: &Path) -> Result<Report> {
    let docs = load(path)?;
    let mut counts = Counts::default();
    let mut errors = std::env::var_os("CLAIMTRAIL_TIMEML_ERRORS").map(|_| Vec::new());
    for gold in &docs {
        let meta = Meta { id: gold.id.clone(), published: gold.published, ..Meta::default() };
        let mut doc = Document::new(meta, gold.text.as_str());
        let seg = pipeline.segmenter.run(&doc)?;
        doc.sentences = seg.sentences;
        doc.tokens = seg.tokens;
        let mut pred = pipeline.times.run(&doc)?;
        pred.retain(|p| !gold.ignore.iter().any(|r| r.overlaps(p.range)));
        if let Some(k) = gold.sentences {
            let end = doc.sentences.get(k.saturating_sub(1)).map_or(u32::MAX, |s| s.range.end());
            pred.retain(|p| p.range.start() < end);
        }
        counts.add(&score(&pred, &gold.timexes));
        if let Some(errs) = errors.as_mut() {
            collect_errors(gold, &pred, errs);
        }
    }
    if let (Some(errs), Some(out)) = (errors, std::env::var_os("CLAIMTRAIL_TIMEML_ERRORS")) {
        let mut f = std::fs::File::create(&out).map_err(|source| Error::Io { path: format!("{out:?}"), source })?;
        for e in errs {
            let _ = writeln!(f, "{e}");
        }
    }
    Ok(Report {
        title: format!("timeml {}", path.display()),
        documents: docs.len(),
        parts: vec![
            ("extent strict".into(), counts.strict),
            ("extent relaxed".into(), counts.relaxed),
            ("type".into(), counts.kind),
            ("value".into(), counts.value),
        ],
    })
}

/// Counts of the four TempEval-3 parts.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    /// Same span.
    pub strict: Prf,
    /// Overlapping span.
    pub relaxed: Prf,
    /// Overlap and same type.
    pub kind: Prf,
    /// Overlap and same value.
    pub value: Prf,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.strict.add(o.strict);
        self.relaxed.add(o.relaxed);
        self.kind.add(o.kind);
        self.value.add(o.value);
    }
}

fn kind_name(k: TimeKind) -> &'static str {
    match k {
        TimeKind::Date => "DATE",
        TimeKind::Time => "TIME",
        TimeKind::Duration => "DURATION",
        TimeKind::Set => "SET",
    }
}

/// Scores predictions against gold for one document.
pub fn score(pred: &[TimeExpr], gold: &[GoldTimex]) -> Counts {
    let mut c = Counts::default();
    let n_pred = pred.len() as f64;
    let n_gold = gold.len() as f64;
    for part in [&mut c.strict, &mut c.relaxed, &mut c.kind, &mut c.value] {
        part.pred = n_pred;
        part.gold = n_gold;
    }
    let same_value = |p: &TimeExpr, g: &GoldTimex| p.value.as_deref() == Some(g.value.as_str());
    let same_kind = |p: &TimeExpr, g: &GoldTimex| kind_name(p.kind) == g.kind;
    for p in pred {
        let over = || gold.iter().filter(|g| g.range.overlaps(p.range));
        c.strict.tp_pred += f64::from(u8::from(gold.iter().any(|g| g.range == p.range)));
        c.relaxed.tp_pred += f64::from(u8::from(over().next().is_some()));
        c.kind.tp_pred += f64::from(u8::from(over().any(|g| same_kind(p, g))));
        c.value.tp_pred += f64::from(u8::from(over().any(|g| same_value(p, g))));
    }
    for g in gold {
        let over = || pred.iter().filter(|p| g.range.overlaps(p.range));
        c.strict.tp_gold += f64::from(u8::from(pred.iter().any(|p| g.range == p.range)));
        c.relaxed.tp_gold += f64::from(u8::from(over().next().is_some()));
        c.kind.tp_gold += f64::from(u8::from(over().any(|p| same_kind(p, g))));
        c.value.tp_gold += f64::from(u8::from(over().any(|p| same_value(p, g))));
    }
    c
}

fn collect_errors(gold: &GoldDoc, pred: &[TimeExpr], out: &mut Vec<String>) {
    let text = gold.text.as_str();
    let dct = gold.published.map_or_else(|| "-".to_string(), |d| d.to_string());
    let ctx = |r: TextRange| {
        let s = floor_char(text, (r.start() as usize).saturating_sub(50));
        let e = floor_char(text, (r.end() as usize + 50).min(text.len()));
        text[s..e].replace(['\n', '\t'], " ")
    };
    for g in &gold.timexes {
        let hit = pred.iter().find(|p| p.range.overlaps(g.range));
        match hit {
            None => out.push(format!(
                "MISS\t{}\t{dct}\t{}\t{}\t{}\t\t{}",
                gold.id,
                &text[g.range],
                g.kind,
                g.value,
                ctx(g.range)
            )),
            Some(p) if p.value.as_deref() != Some(g.value.as_str()) || p.range != g.range => out.push(format!(
                "{}\t{}\t{dct}\t{}\t{}\t{}\t{} {} {}\t{}",
                if p.value.as_deref() != Some(g.value.as_str()) { "VALUE" } else { "EXTENT" },
                gold.id,
                &text[g.range],
                g.kind,
                g.value,
                &text[p.range],
                kind_name(p.kind),
                p.value.as_deref().unwrap_or("-"),
                ctx(g.range)
            )),
            Some(_) => {}
        }
    }
    for p in pred {
        if !gold.timexes.iter().any(|g| g.range.overlaps(p.range)) {
            out.push(format!(
                "SPURIOUS\t{}\t{dct}\t\t\t\t{} {} {}\t{}",
                gold.id,
                &text[p.range],
                kind_name(p.kind),
                p.value.as_deref().unwrap_or("-"),
                ctx(p.range)
            ));
        }
    }
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Loads gold documents from a `.tml` directory or a `.jsonl` file.
pub fn load(path: &Path) -> Result<Vec<GoldDoc>> {
    if path.is_dir() {
        let mut files = Vec::new();
        walk(path, &mut files)?;
        files.sort();
        files.iter().map(|f| parse_tml(&read(f)?, &f.display().to_string())).collect()
    } else {
        load_jsonl(path)
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let io = |source| Error::Io { path: dir.display().to_string(), source };
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let p = entry.map_err(io)?.path();
        if p.is_dir() {
            walk(&p, out)?;
        } else if p.extension().is_some_and(|e| e == "tml") {
            out.push(p);
        }
    }
    Ok(())
}

/// The value of attribute `name` in the inside of a tag (`TIMEX3 tid="t1" ...`).
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = tag;
    while let Some(p) = rest.find(name) {
        let before_ok = p == 0 || rest.as_bytes()[p - 1].is_ascii_whitespace();
        let after = &rest[p + name.len()..];
        if before_ok && after.starts_with("=\"") {
            let v = &after[2..];
            return v.find('"').map(|e| &v[..e]);
        }
        rest = &rest[p + name.len()..];
    }
    None
}

/// Parses one TimeML document.
pub fn parse_tml(src: &str, id: &str) -> Result<GoldDoc> {
    let fmt = |m: &str| Error::Format { path: id.to_string(), message: m.to_string() };
    // Publication date: the CREATION_TIME timex anywhere in the file.
    let mut published = None;
    let mut pos = 0;
    while let Some(p) = src[pos..].find("<TIMEX3") {
        let s = pos + p;
        let e = src[s..].find('>').map(|e| s + e).ok_or_else(|| fmt("unclosed TIMEX3 tag"))?;
        let tag = &src[s + 1..e];
        if attr(tag, "functionInDocument") == Some("CREATION_TIME") {
            published = attr(tag, "value").and_then(|v| Date::parse(v).ok());
            break;
        }
        pos = e;
    }
    let body_start = src.find("<TEXT>").ok_or_else(|| fmt("no <TEXT>"))? + "<TEXT>".len();
    let body_end = src[body_start..].find("</TEXT>").map_or(src.len(), |e| body_start + e);
    let body = &src[body_start..body_end];
    let mut text = String::with_capacity(body.len());
    let mut timexes = Vec::new();
    let mut open: Option<(usize, String, String)> = None;
    let mut i = 0;
    while i < body.len() {
        let rest = &body[i..];
        if rest.starts_with('<') {
            let e = rest.find('>').ok_or_else(|| fmt("unclosed tag"))?;
            let tag = &rest[1..e];
            if tag.starts_with("TIMEX3") {
                let kind = attr(tag, "type").unwrap_or("").to_string();
                let value = attr(tag, "value").unwrap_or("").to_string();
                open = Some((text.len(), kind, value));
            } else if tag.starts_with("/TIMEX3") {
                if let Some((s, kind, value)) = open.take() {
                    // trim whitespace inside the tag
                    let inner = &text[s..];
                    let lead = inner.len() - inner.trim_start().len();
                    let trail = inner.len() - inner.trim_end().len();
                    let (a, b) = (s + lead, text.len() - trail);
                    if a < b {
                        timexes.push(GoldTimex { range: TextRange::from_usize(a, b), kind, value });
                    }
                }
            }
            i += e + 1;
        } else if rest.starts_with('&') {
            let (ch, len) = match rest {
                r if r.starts_with("&amp;") => ('&', 5),
                r if r.starts_with("&lt;") => ('<', 4),
                r if r.starts_with("&gt;") => ('>', 4),
                r if r.starts_with("&quot;") => ('"', 6),
                r if r.starts_with("&apos;") => ('\'', 6),
                _ => ('&', 1),
            };
            text.push(ch);
            i += len;
        } else {
            let c = rest.chars().next().unwrap_or(' ');
            text.push(c);
            i += c.len_utf8();
        }
    }
    Ok(GoldDoc { id: id.to_string(), text, published, timexes, ignore: Vec::new(), sentences: None })
}

#[derive(serde::Deserialize)]
struct JsonRecord {
    #[serde(default)]
    id: Option<String>,
    text: String,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    timexes: Vec<JsonTimex>,
}

#[derive(serde::Deserialize)]
struct JsonTimex {
    start: u32,
    end: u32,
    #[serde(rename = "type", default)]
    kind: String,
    #[serde(default)]
    value: String,
    #[serde(default)]
    creation_time: bool,
}

/// MEANTIME annotates only the beginning of each article: the title, the dateline and the
/// first body sentences. All its gold timexes lie in the first six sentences as our segmenter
/// splits them, so predictions after those are not scored.
const MEANTIME_SENTENCES: usize = 6;

/// Parses `YYYY-MM-DD`, or `DD-MM-YYYY` as some records write it.
fn parse_published(s: &str) -> Option<Date> {
    if let Ok(d) = Date::parse(s) {
        return Some(d);
    }
    let b = s.as_bytes();
    if b.len() == 10 && b[2] == b'-' && b[5] == b'-' {
        let d: u8 = s[..2].parse().ok()?;
        let m: u8 = s[3..5].parse().ok()?;
        let y: i32 = s[6..].parse().ok()?;
        return Date::new(y, m, d);
    }
    None
}

fn load_jsonl(path: &Path) -> Result<Vec<GoldDoc>> {
    let src = read(path)?;
    let mut docs = Vec::new();
    for (n, line) in src.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let rec: JsonRecord = serde_json::from_str(line)
            .map_err(|e| Error::Format { path: format!("{}:{}", path.display(), n + 1), message: e.to_string() })?;
        let map = CharMap::new(&rec.text);
        let mut timexes = Vec::new();
        let mut ignore = Vec::new();
        for t in &rec.timexes {
            if t.start >= t.end {
                continue;
            }
            let range = map.byte_range(t.start, t.end);
            if t.creation_time {
                ignore.push(range);
            } else {
                timexes.push(GoldTimex { range, kind: t.kind.clone(), value: t.value.clone() });
            }
        }
        docs.push(GoldDoc {
            id: rec.id.unwrap_or_else(|| format!("line{}", n + 1)),
            published: rec.published.as_deref().and_then(parse_published),
            text: rec.text,
            timexes,
            ignore,
            sentences: Some(MEANTIME_SENTENCES),
        });
    }
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimtrail_core::Anchor;

    #[test]
    fn tml_is_stripped_with_offsets() {
        let src = r#"<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>Prices &amp; wages rose <TIMEX3 tid="t1" type="DATE" value="1998-01-07" functionInDocument="NONE">yesterday</TIMEX3>, <EVENT eid="e1">said</EVENT> X.</TEXT></TimeML>"#;
        let d = parse_tml(src, "x").unwrap();
        assert_eq!(d.published, Date::parse("1998-01-08").ok());
        assert_eq!(d.text, "Prices & wages rose yesterday, said X.");
        assert_eq!(d.timexes.len(), 1);
        assert_eq!(&d.text.as_str()[d.timexes[0].range], "yesterday");
        assert_eq!(d.timexes[0].value, "1998-01-07");
    }

    #[test]
    fn scoring_counts() {
        let gold = vec![
            GoldTimex { range: TextRange::new(0, 9), kind: "DATE".into(), value: "1998-01-07".into() },
            GoldTimex { range: TextRange::new(20, 30), kind: "DURATION".into(), value: "P3Y".into() },
        ];
        let pred = vec![
            TimeExpr {
                range: TextRange::new(0, 9),
                kind: TimeKind::Date,
                value: Some("1998-01-07".into()),
                anchor: Anchor::Published,
            },
            TimeExpr {
                range: TextRange::new(22, 30),
                kind: TimeKind::Duration,
                value: Some("P2Y".into()),
                anchor: Anchor::Absolute,
            },
            TimeExpr { range: TextRange::new(40, 45), kind: TimeKind::Date, value: None, anchor: Anchor::None },
        ];
        let c = score(&pred, &gold);
        assert_eq!((c.strict.tp_pred, c.relaxed.tp_pred, c.kind.tp_pred, c.value.tp_pred), (1.0, 2.0, 2.0, 1.0));
        assert_eq!((c.strict.tp_gold, c.relaxed.tp_gold, c.value.tp_gold), (1.0, 2.0, 1.0));
        assert_eq!((c.value.pred, c.value.gold), (3.0, 2.0));
    }

    #[test]
    fn published_formats() {
        assert_eq!(parse_published("2009-02-03"), Date::new(2009, 2, 3));
        assert_eq!(parse_published("03-02-2009"), Date::new(2009, 2, 3));
        assert_eq!(parse_published("soon"), None);
    }
}
