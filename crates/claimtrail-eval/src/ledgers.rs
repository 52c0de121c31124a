//! Scoring against hand-annotated ledgers (`crates/claimtrail-eval/ledgers/*.jsonl`).
//!
//! Each ledger names an FNC-1 body and lists, exhaustively, the statements a fact-checker reads in
//! it (a quote inside the content, the acceptable speaker names, the stance, the via chain), the
//! statements that must not come out (a wrong speaker, a wrong stance, a non-statement), and the
//! real disputes inside the article. The format is described in `ledgers/README.md`.
//!
//! Matching: a predicted attribution *covers* an expected statement when the statement's quote
//! lies inside the predicted content (character offsets, at least half of the quote). Each expected
//! statement is paired with at most one prediction and each prediction with at most one expected
//! statement, greedily by the smallest content (the tightest span wins). A paired prediction is
//! *right* when its speaker, stance and via are all right. Since the lists are exhaustive, a
//! prediction that covers no expected statement is an error (a non-statement, or a statement cut
//! so that its quote falls outside it).
//!
//! Setting `CLAIMTRAIL_LEDGER_ERRORS` to a file path writes every expected and predicted statement
//! with its verdict.

use std::fmt;
use std::fmt::Write as _;
use std::path::Path;

use claimtrail_core::contract::{Analysis, AttributionOut};
use claimtrail_core::{Meta, Stance};
use claimtrail_pipeline::Pipeline;
use rayon::prelude::*;
use serde::Deserialize;

use crate::{read, Error, Prf, Result};

/// The ledgers shipped with the project.
pub const FNC1_DEV: &str = include_str!("../ledgers/fnc1-dev.jsonl");

/// One hand-written ledger.
#[derive(Debug, Clone, Deserialize)]
pub struct Ledger {
    /// FNC-1 body id.
    pub body: u32,
    /// Expected statements, exhaustive.
    #[serde(default)]
    pub statements: Vec<Expected>,
    /// Statements that must not come out.
    #[serde(default)]
    pub must_not: Vec<MustNot>,
    /// Real disputes inside the article.
    #[serde(default)]
    pub disputes: Vec<Dispute>,
}

/// An expected statement.
#[derive(Debug, Clone, Deserialize)]
pub struct Expected {
    /// Exact substring of the body inside the content.
    pub quote: String,
    /// A longer exact substring of the body that holds the quote, when the quote's words occur
    /// more than once: the quote is the occurrence inside it.
    #[serde(default)]
    pub context: Option<String>,
    /// Acceptable speaker names; `["anonymous"]` for an unnamed source; empty for no source.
    #[serde(default)]
    pub speaker: Vec<String>,
    /// The stance.
    pub stance: Stance,
    /// The relaying chain, nearest hop first.
    #[serde(default)]
    pub via: Vec<String>,
}

/// A statement that must not come out.
#[derive(Debug, Clone, Deserialize)]
pub struct MustNot {
    /// Exact substring of the body.
    pub quote: String,
    /// Names that must not be given as the speaker of a content holding the quote.
    #[serde(default)]
    pub speaker: Vec<String>,
    /// A stance that must not be given to a content holding the quote.
    #[serde(default)]
    pub stance: Option<Stance>,
    /// No content may hold the quote.
    #[serde(default)]
    pub not_a_statement: bool,
    /// Why (for the listing).
    #[serde(default)]
    pub why: String,
}

/// A real dispute: quotes of the asserting and of the denying side.
#[derive(Debug, Clone, Deserialize)]
pub struct Dispute {
    /// Short description.
    #[serde(default)]
    pub about: String,
    /// Quotes of statements asserting the proposition.
    pub asserts: Vec<String>,
    /// Quotes of statements denying it.
    pub denies: Vec<String>,
}

/// Parses JSON Lines ledgers; `origin` names the file in errors.
pub fn parse(text: &str, origin: &str) -> Result<Vec<Ledger>> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let l: Ledger = serde_json::from_str(line)
            .map_err(|e| Error::Format { path: format!("{origin}:{}", i + 1), message: e.to_string() })?;
        out.push(l);
    }
    Ok(out)
}

/// Error counts by the kinds of issue 9, most misleading first.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct ErrorKinds {
    /// A statement credited to someone else than its speaker.
    pub wrong_speaker: usize,
    /// The wrong stance (a denial read as asserting, a refusal as a claim).
    pub polarity: usize,
    /// A prediction that is no statement of the article (or whose content misses every quote).
    pub not_a_statement: usize,
    /// The via chain wrong: missing, or the relaying outlet taken as the speaker.
    pub relay: usize,
    /// A named speaker left anonymous or unresolved, or an unnamed one given a name.
    pub named_as_anonymous: usize,
    /// A content that swallows another statement, or an expected statement not found.
    pub span: usize,
}

impl ErrorKinds {
    fn total(&self) -> usize {
        self.wrong_speaker + self.polarity + self.not_a_statement + self.relay + self.named_as_anonymous + self.span
    }
}

/// Scores on the hand-annotated ledgers.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct LedgerReport {
    /// Ledgers scored.
    pub documents: usize,
    /// Statements found (content located), whatever their fields.
    pub found: Prf,
    /// Statements entirely right (speaker, stance, via).
    pub right: Prf,
    /// Speakers right among found statements.
    pub speaker: Prf,
    /// Stances right among found statements.
    pub stance: Prf,
    /// Via chains right among found statements.
    pub via: Prf,
    /// Must-not items respected.
    pub must_not: Prf,
    /// The contested flag: contested claims that are a real dispute (precision), real disputes
    /// flagged (recall).
    pub contested: Prf,
    /// Checked items right (expected statements right, must-nots respected, extra predictions
    /// and false disputes counted as wrong items, real disputes found).
    pub items_right: usize,
    /// Checked items.
    pub items: usize,
    /// Errors by kind.
    pub errors: ErrorKinds,
}

impl LedgerReport {
    /// Share of checked items right.
    pub fn item_accuracy(&self) -> f64 {
        if self.items == 0 {
            0.0
        } else {
            self.items_right as f64 / self.items as f64
        }
    }
}

impl fmt::Display for LedgerReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let table = crate::Report {
            title: "ledgers: hand-annotated FNC-1 dev ledgers".into(),
            documents: self.documents,
            parts: [
                ("statement found", self.found),
                ("statement right", self.right),
                ("speaker | found", self.speaker),
                ("stance | found", self.stance),
                ("via | found", self.via),
                ("must-not respected", self.must_not),
                ("contested flag", self.contested),
            ]
            .into_iter()
            .map(|(n, p)| (n.to_string(), p))
            .collect(),
        };
        write!(f, "{table}")?;
        writeln!(f, "checked items right: {}/{} = {:.3}", self.items_right, self.items, self.item_accuracy())?;
        let e = &self.errors;
        writeln!(
            f,
            "errors by kind: wrong speaker {}, polarity {}, not a statement {}, relay {}, named as anonymous {}, span {} (total {})",
            e.wrong_speaker,
            e.polarity,
            e.not_a_statement,
            e.relay,
            e.named_as_anonymous,
            e.span,
            e.total()
        )
    }
}

fn lower(s: &str) -> String {
    s.to_lowercase()
}

/// Names alike: one contains the other (case-insensitive), the shorter at least 3 characters.
fn alike(a: &str, b: &str) -> bool {
    let (a, b) = (lower(a.trim()), lower(b.trim()));
    let a = a.trim_start_matches("the ");
    let b = b.trim_start_matches("the ");
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.len() >= 3 && long.contains(short)
}

/// The speaker names a prediction gives: its resolved name and its text as written.
fn speaker_names(a: &AttributionOut) -> Vec<&str> {
    let mut out = Vec::new();
    if let Some(s) = &a.source {
        if let Some(n) = &s.name {
            out.push(n.as_str());
        }
        if let Some(n) = &s.antecedent {
            out.push(n.text.as_str());
        }
        out.push(s.text.as_str());
    }
    out
}

fn is_anonymous(a: &AttributionOut) -> bool {
    a.source.as_ref().is_some_and(|s| s.kind == "anonymous")
}

fn speaker_right(want: &[String], a: &AttributionOut) -> bool {
    match want.first().map(String::as_str) {
        None => a.source.is_none() || a.source.as_ref().is_some_and(|s| s.entity.is_none() && s.kind == "unresolved"),
        Some("anonymous") => is_anonymous(a),
        Some(_) => {
            let names = speaker_names(a);
            let resolved = a.source.as_ref().is_some_and(|s| s.entity.is_some() || s.antecedent.is_some());
            // a pronoun as written only counts through what it resolves to
            let names: Vec<&str> = if resolved { names } else { names.into_iter().filter(|n| n.len() > 4).collect() };
            want.iter().any(|w| names.iter().any(|n| alike(w, n)))
        }
    }
}

fn via_right(want: &[String], a: &AttributionOut) -> bool {
    want.len() == a.via.len()
        && want.iter().zip(&a.via).all(|(w, v)| alike(w, &v.text) || v.name.as_deref().is_some_and(|n| alike(w, n)))
}

/// Character range of the unique occurrence of `quote` in `text`.
fn locate(text: &str, quote: &str) -> Option<(u32, u32)> {
    locate_in(text, quote, None)
}

/// [`locate`], the occurrence inside `context` when one is given.
fn locate_in(text: &str, quote: &str, context: Option<&str>) -> Option<(u32, u32)> {
    let from = match context {
        Some(c) => text.find(c)?,
        None => 0,
    };
    let within = context.map_or(&text[from..], |c| &text[from..from + c.len()]);
    let b = from + within.find(quote)?;
    let s = text[..b].chars().count() as u32;
    Some((s, s + quote.chars().count() as u32))
}

/// The quote lies (at least half of it) inside the content.
fn covers(a: &AttributionOut, q: (u32, u32)) -> bool {
    let (s, e) = (a.content.start.max(q.0), a.content.end.min(q.1));
    e > s && 2 * (e - s) >= q.1 - q.0
}

/// Scores one analysis against its ledger; appends to `report` and the listing.
fn score_one(l: &Ledger, an: &Analysis, report: &mut LedgerReport, listing: &mut String) -> Result<()> {
    let text = &an.document.text;
    let missing = |q: &str| Error::Format {
        path: format!("ledger of body {}", l.body),
        message: format!("quote not in the body: {q:?}"),
    };
    let _ = writeln!(listing, "\n== body {}", l.body);
    let atts: Vec<&AttributionOut> = an.attributions.iter().filter(|a| a.content.end > a.content.start).collect();
    let quotes: Vec<(u32, u32)> = l
        .statements
        .iter()
        .map(|s| locate_in(text, &s.quote, s.context.as_deref()).ok_or_else(|| missing(&s.quote)))
        .collect::<Result<_>>()?;
    // candidate pairs: a row whose speaker is the expected one first (two rows can hold the
    // same words: "denied reports in the Sun that X" is the Sun asserting X and the denial of
    // X), then the tightest content
    let mut pairs = Vec::new();
    for (ei, q) in quotes.iter().enumerate() {
        for (ai, a) in atts.iter().enumerate() {
            if covers(a, *q) {
                let other_speaker = !speaker_right(&l.statements[ei].speaker, a);
                pairs.push((other_speaker, a.content.end - a.content.start, ei, ai));
            }
        }
    }
    pairs.sort();
    let mut exp_pair = vec![None; quotes.len()];
    let mut att_pair = vec![None; atts.len()];
    for (_, _, ei, ai) in pairs {
        if exp_pair[ei].is_none() && att_pair[ai].is_none() {
            exp_pair[ei] = Some(ai);
            att_pair[ai] = Some(ei);
        }
    }
    let n_exp = quotes.len() as f64;
    let n_att = atts.len() as f64;
    let mut counts = [0usize; 5]; // found, right, speaker, stance, via
    for (ei, e) in l.statements.iter().enumerate() {
        let Some(ai) = exp_pair[ei] else {
            report.errors.span += 1;
            let _ = writeln!(listing, "MISSED   {:?} [{}] {:?}", e.speaker, e.stance.as_str(), e.quote);
            continue;
        };
        let a = atts[ai];
        let sp = speaker_right(&e.speaker, a);
        let st = a.stance == e.stance;
        let via = via_right(&e.via, a);
        counts[0] += 1;
        counts[2] += sp as usize;
        counts[3] += st as usize;
        counts[4] += via as usize;
        let right = sp && st && via;
        counts[1] += right as usize;
        if !sp {
            let named_want = e.speaker.first().is_some_and(|w| w != "anonymous");
            let names_given = a.source.as_ref().is_some_and(|s| s.entity.is_some() || s.antecedent.is_some());
            let relay_as_speaker = e.via.iter().any(|v| speaker_names(a).iter().any(|n| alike(v, n)));
            if relay_as_speaker {
                report.errors.relay += 1;
            } else if names_given && !e.speaker.is_empty() && (named_want || !is_anonymous(a)) {
                report.errors.wrong_speaker += 1;
            } else {
                report.errors.named_as_anonymous += 1;
            }
        } else if !via {
            report.errors.relay += 1;
        }
        if !st {
            report.errors.polarity += 1;
        }
        // a content holding two expected quotes swallowed the other statement
        if quotes.iter().enumerate().any(|(o, q)| o != ei && covers(a, *q) && exp_pair[o] != Some(ai)) {
            report.errors.span += 1;
        }
        let _ = writeln!(
            listing,
            "{} {:?} [{}] via {:?} {:?}\n         got {:?} [{}] via {:?} (cue {:?})",
            if right { "RIGHT   " } else { "WRONG   " },
            e.speaker,
            e.stance.as_str(),
            e.via,
            e.quote,
            speaker_names(a),
            a.stance.as_str(),
            a.via.iter().map(|v| v.text.as_str()).collect::<Vec<_>>(),
            a.cue.text
        );
    }
    for (ai, a) in atts.iter().enumerate() {
        if att_pair[ai].is_none() {
            report.errors.not_a_statement += 1;
            let _ = writeln!(
                listing,
                "EXTRA    {:?} [{}] cue {:?}: {:?}",
                speaker_names(a),
                a.stance.as_str(),
                a.cue.text,
                crate::clip(&a.content.text, 120)
            );
        }
    }
    let prf = |tp: usize| Prf { tp_pred: tp as f64, tp_gold: tp as f64, pred: n_att, gold: n_exp };
    report.found.add(prf(counts[0]));
    report.right.add(prf(counts[1]));
    let given =
        |tp: usize| Prf { tp_pred: tp as f64, tp_gold: tp as f64, pred: counts[0] as f64, gold: counts[0] as f64 };
    report.speaker.add(given(counts[2]));
    report.stance.add(given(counts[3]));
    report.via.add(given(counts[4]));
    // must-nots
    let mut kept = 0;
    for m in &l.must_not {
        let q = locate(text, &m.quote).ok_or_else(|| missing(&m.quote))?;
        let holding: Vec<&&AttributionOut> = atts.iter().filter(|a| covers(a, q)).collect();
        let broken = holding.iter().any(|a| {
            m.not_a_statement
                || m.stance.is_some_and(|s| a.stance == s)
                || (!m.speaker.is_empty() && speaker_names(a).iter().any(|n| m.speaker.iter().any(|w| alike(w, n))))
        });
        if broken {
            let _ = writeln!(listing, "BROKEN   must-not {:?}: {}", m.quote, m.why);
        } else {
            kept += 1;
        }
    }
    let nm = l.must_not.len() as f64;
    report.must_not.add(Prf { tp_pred: kept as f64, tp_gold: kept as f64, pred: nm, gold: nm });
    // disputes: a contested claim holding statements of both sides
    let att_by_id = |id: &str| an.attributions.iter().find(|a| a.id == id);
    let contested: Vec<_> = an.claims.iter().filter(|c| c.contested).collect();
    // a side is held by a statement of that side: the same words can be asserted by one row
    // and denied by another ("denied reports in the Sun that X")
    let side_in = |claim: &claimtrail_core::contract::ClaimOut, side: &[String], denies: bool| -> Result<bool> {
        for q in side {
            let q = locate(text, q).ok_or_else(|| missing(q))?;
            let on_side =
                |a: &AttributionOut| (a.stance == Stance::Denies) == denies && a.stance != Stance::NoKnowledge;
            if claim.attributions.iter().filter_map(|id| att_by_id(id)).any(|a| on_side(a) && covers(a, q)) {
                return Ok(true);
            }
        }
        Ok(false)
    };
    let mut real = vec![false; contested.len()];
    let mut found = 0;
    for d in &l.disputes {
        let mut hit = false;
        for (ci, c) in contested.iter().enumerate() {
            if side_in(c, &d.asserts, false)? && side_in(c, &d.denies, true)? {
                real[ci] = true;
                hit = true;
            }
        }
        found += hit as usize;
        let _ = writeln!(listing, "{} dispute {:?}", if hit { "FOUND   " } else { "MISSED  " }, d.about);
    }
    for (ci, c) in contested.iter().enumerate() {
        if !real[ci] {
            let _ = writeln!(listing, "FALSE    dispute {:?}", c.gist);
        }
    }
    let real_n = real.iter().filter(|r| **r).count();
    report.contested.add(Prf {
        tp_pred: real_n as f64,
        tp_gold: found as f64,
        pred: contested.len() as f64,
        gold: l.disputes.len() as f64,
    });
    let extra = atts.iter().enumerate().filter(|(i, _)| att_pair[*i].is_none()).count();
    report.items += l.statements.len() + l.must_not.len() + extra + l.disputes.len() + (contested.len() - real_n);
    report.items_right += counts[1] + kept + found;
    report.documents += 1;
    Ok(())
}

/// Runs the pipeline on the ledgers' bodies (from the FNC-1 directory `dir`) and scores them.
pub fn evaluate(pipeline: &Pipeline, ledgers: &[Ledger], dir: &Path) -> Result<LedgerReport> {
    let data = crate::fnc1::load(dir)?;
    let body = |id: u32| data.bodies.binary_search_by_key(&id, |b| b.0).ok().map(|i| data.bodies[i].1.as_str());
    let analyses: Vec<Result<Analysis>> = ledgers
        .par_iter()
        .map(|l| {
            let text = body(l.body).ok_or_else(|| Error::Format {
                path: dir.display().to_string(),
                message: format!("no body {} in train_bodies.csv", l.body),
            })?;
            let meta = Meta { id: l.body.to_string(), language: Some("en".into()), ..Meta::default() };
            Ok(Analysis::from_document(&pipeline.analyze(meta, text)?))
        })
        .collect();
    let mut report = LedgerReport::default();
    let mut listing = String::new();
    for (l, an) in ledgers.iter().zip(analyses) {
        score_one(l, &an?, &mut report, &mut listing)?;
    }
    write_listing(&listing)?;
    Ok(report)
}

/// Scores analyses made beforehand (contract JSON Lines whose document ids are the body ids, as
/// `claimtrail analyze --format json` writes them, from this or another version or system).
pub fn evaluate_analyses(ledgers: &[Ledger], analyses: &str, origin: &str) -> Result<LedgerReport> {
    let mut by_id = std::collections::HashMap::new();
    for (i, line) in analyses.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let an: Analysis = serde_json::from_str(line)
            .map_err(|e| Error::Format { path: format!("{origin}:{}", i + 1), message: e.to_string() })?;
        by_id.insert(an.document.id.clone(), an);
    }
    let mut report = LedgerReport::default();
    let mut listing = String::new();
    for l in ledgers {
        let an = by_id.get(&l.body.to_string()).ok_or_else(|| Error::Format {
            path: origin.to_string(),
            message: format!("no analysis of body {}", l.body),
        })?;
        score_one(l, an, &mut report, &mut listing)?;
    }
    write_listing(&listing)?;
    Ok(report)
}

fn write_listing(listing: &str) -> Result<()> {
    if let Some(path) = std::env::var_os("CLAIMTRAIL_LEDGER_ERRORS") {
        std::fs::write(&path, listing)
            .map_err(|source| Error::Io { path: Path::new(&path).display().to_string(), source })?;
    }
    Ok(())
}

/// Reads ledgers from a file (the shipped ones when `path` is `None`).
pub fn load(path: Option<&Path>) -> Result<Vec<Ledger>> {
    match path {
        Some(p) => parse(&read(p)?, &p.display().to_string()),
        None => parse(FNC1_DEV, "ledgers/fnc1-dev.jsonl"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimtrail_core::contract::{SourceOut, SpanOut};

    fn att(
        source: Option<(&str, &str, Option<&str>)>,
        content: (u32, u32),
        stance: Stance,
        via: &[&str],
    ) -> AttributionOut {
        AttributionOut {
            id: "a1".into(),
            source: source.map(|(text, kind, name)| SourceOut {
                entity: name.map(|_| "e1".into()),
                text: text.into(),
                kind: kind.into(),
                start: 0,
                end: 0,
                name: name.map(str::to_string),
                antecedent: None,
            }),
            cue: SpanOut { text: "said".into(), start: 0, end: 0 },
            content: SpanOut { text: String::new(), start: content.0, end: content.1 },
            form: claimtrail_core::Form::Indirect,
            stance,
            via: via
                .iter()
                .map(|v| claimtrail_core::contract::ViaOut { entity: None, text: v.to_string(), name: None })
                .collect(),
            said_on: None,
            claim: None,
            confidence: 1.0,
            why: Default::default(),
        }
    }

    #[test]
    fn speaker_table() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let cases = [
            (
                s(&["Dmitry Peskov", "Peskov"]),
                att(Some(("Peskov", "person", Some("Dmitry Peskov"))), (0, 9), Stance::Asserts, &[]),
                true,
            ),
            (
                s(&["Dmitry Peskov", "Peskov"]),
                att(Some(("he", "unresolved", None)), (0, 9), Stance::Asserts, &[]),
                false,
            ),
            (
                s(&["anonymous"]),
                att(Some(("a senior official", "anonymous", None)), (0, 9), Stance::Asserts, &[]),
                true,
            ),
            (
                s(&["anonymous"]),
                att(Some(("Trump", "person", Some("Donald Trump"))), (0, 9), Stance::Asserts, &[]),
                false,
            ),
            (s(&[]), att(None, (0, 9), Stance::Asserts, &[]), true),
            (
                s(&["Pentagon"]),
                att(Some(("the Pentagon", "organization", Some("Pentagon"))), (0, 9), Stance::Asserts, &[]),
                true,
            ),
            (
                s(&["Melania Trump"]),
                att(Some(("the Trump campaign", "organization", Some("Donald Trump"))), (0, 9), Stance::Asserts, &[]),
                false,
            ),
        ];
        for (want, a, ok) in cases {
            assert_eq!(speaker_right(&want, &a), ok, "{want:?} vs {:?}", a.source);
        }
    }

    #[test]
    fn coverage_and_via() {
        let a = att(None, (10, 50), Stance::Denies, &["Daily Mail"]);
        assert!(covers(&a, (20, 30)));
        assert!(covers(&a, (40, 60)));
        assert!(!covers(&a, (45, 60)));
        assert!(via_right(&["the Daily Mail".to_string()], &a));
        assert!(!via_right(&[], &a));
    }

    #[test]
    fn a_context_picks_the_occurrence() {
        let text = "A hoax claimed that he is dead. The latest hoax claiming that he is dead spread.";
        assert_eq!(locate(text, "he is dead"), Some((20, 30)));
        assert_eq!(locate_in(text, "he is dead", Some("latest hoax claiming that he is dead")), Some((62, 72)));
        assert_eq!(locate_in(text, "he is dead", Some("no such context")), None);
        assert_eq!(locate_in(text, "she", Some("The latest hoax")), None);
    }

    #[test]
    fn shipped_ledgers_parse() {
        let ls = load(None).unwrap();
        assert!(ls.len() >= 20, "{} ledgers", ls.len());
        assert!(ls.iter().all(|l| l.body % 5 == 0), "dev ledgers come from the held-out part");
    }
}
