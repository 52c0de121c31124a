//! The evidence a document gives about a query: its best statement, whether it says the same
//! (the `related` features), and how the document speaks of it (the `stance` features).
//!
//! All features are generic: similarity, coverage, counts of cue words (negation, refuting,
//! hedging, supporting; [`crate::lexicon`]) in the statement, its neighbourhood (two sentences
//! either side) and the whole document, attribution stances, and the polarity of the
//! statement against the query. None is a topic word.

use claimtrail_core::contract::Analysis;
use claimtrail_core::Stance;

use crate::lexicon::{HEDGE, NEG, REFUTE, REPORT, SUPPORT};
use crate::{Evidence, Matcher, PreparedDoc, Query, Stmt, Tok, CLASS_IDF};

/// Stances the stance model chooses among, in class order.
pub const CLASSES: [Stance; 3] = [Stance::Asserts, Stance::Denies, Stance::Hedges];

/// Feature names of the `related` model.
pub const RELATED_FEATURES: &[&str] =
    &["bias", "sim", "cov_q", "cov_bi", "cov_s", "cov_doc", "second", "n_rel", "numbers", "names", "lead", "q_terms"];

/// Feature names of the `stance` model.
pub const STANCE_FEATURES: &[&str] = &[
    "bias",
    "rule_asserts",
    "rule_denies",
    "rule_hedges",
    "rule_noknow",
    "attr",
    "attr_asserts",
    "attr_denies",
    "attr_hedges",
    "attr_noknow",
    "mismatch",
    "s_refute",
    "s_hedge",
    "s_neg",
    "s_support",
    "s_question",
    "w_refute",
    "w_hedge",
    "w_neg",
    "w_support",
    "d_refute",
    "d_hedge",
    "d_neg",
    "d_support",
    "d_question",
    "d_refute_rate",
    "d_hedge_rate",
    "rel_match",
    "rel_mismatch",
    "rel_refute",
    "rel_hedge",
    "att_asserts",
    "att_denies",
    "att_hedges",
    "att_noknow",
    "q_negative",
    "q_refute",
    "q_hedge",
    "q_question",
    "qneg_x_d_refute",
    "qneg_x_mismatch",
    "sim",
    "cov_q",
    "cov_doc",
    "lead",
    "d_len",
    "lead_refute",
    "lead_hedge",
    "near_refute",
    "near_hedge",
    "near_neg",
    "near_support",
    "s_report",
    "w_report",
    "d_report",
    "near_report",
];

/// Words either side of a query term that count as its neighbourhood (`near_*` features).
const NEAR: usize = 5;

/// Similarity above which a sentence counts as relevant to the query.
const RELEVANT: f32 = 0.3;

/// Cue counts over a token range.
#[derive(Debug, Clone, Copy, Default)]
struct Counts {
    refute: f32,
    hedge: f32,
    neg: f32,
    support: f32,
    /// Reporting words alone ("claims", "according"); `hedge` counts them too.
    report: f32,
    /// Hedging words alone ("reportedly", "may"): the article voice's hedges.
    doubt: f32,
}

fn count(toks: &[Tok], qi: &[u8]) -> Counts {
    let mut c = Counts::default();
    for (t, &i) in toks.iter().zip(qi) {
        let f = t.cue.flags;
        if f & NEG != 0 {
            c.neg += 1.0;
        }
        // a refuting or hedging word that is a query term is part of the proposition, not the voice
        if i == u8::MAX {
            if f & REFUTE != 0 {
                c.refute += 1.0;
            }
            if f & (HEDGE | REPORT) != 0 {
                c.hedge += 1.0;
            }
            if f & HEDGE != 0 {
                c.doubt += 1.0;
            }
            if f & SUPPORT != 0 {
                c.support += 1.0;
            }
            if f & REPORT != 0 {
                c.report += 1.0;
            }
        }
    }
    c
}

/// Whether a statement's polarity is opposite to the query's. Two signs are compared: the
/// parity of negations that bear on a query term (one of the next three words is a query term:
/// "is not genuine", not "he was not there when the bridge closed"), and, for each antonym
/// class the query and the statement share, the sign most of its words carry ("genuine" +
/// against "fake" -). Each difference flips the polarity once. A refuting word of the query
/// ("hoax", "denies") whose class the statement does not share counts as a query negation.
/// Returns the mismatch, whether the query counted as negated and whether the statement is
/// (an odd number of negations bearing on query terms).
fn mismatch(toks: &[Tok], qi: &[u8], q: &Query) -> (bool, bool, bool) {
    let mut negs = 0u32;
    for (i, t) in toks.iter().enumerate() {
        if t.cue.flags & NEG != 0 && qi[i + 1..(i + 4).min(qi.len())].iter().any(|&k| k != u8::MAX) {
            negs += 1;
        }
    }
    let shared = |c: u8| c != 0 && toks.iter().any(|t| t.cue.class == c);
    let q_negs = q.negations + q.denials.iter().filter(|&&c| !shared(c)).count() as u32;
    let mut flip = negs % 2 != q_negs % 2;
    let mut done: Vec<u8> = Vec::new();
    for &(class, _) in &q.classes {
        if done.contains(&class) {
            continue;
        }
        done.push(class);
        let sign = majority(toks.iter().filter(|t| t.cue.class == class).map(|t| t.cue.sign));
        if sign != 0 && sign != q.class_sign(class) {
            flip = !flip;
        }
    }
    (flip, q_negs % 2 == 1, negs % 2 == 1)
}

/// The stance of an attribution's source toward its content *as the polarity compares it*.
/// The attribution stage calls "X said they never met" a denial (of the meeting); the
/// polarity already counts that negation against the query, so the source asserts its
/// (negated) words. A denial carried by the cue ("X denied that they met") stays one.
fn source_stance(attributed: Stance, negated: bool) -> Stance {
    if attributed == Stance::Denies && negated {
        Stance::Asserts
    } else {
        attributed
    }
}

/// The sign most of `signs` carry; the first one on a tie; 0 for none.
pub(crate) fn majority(signs: impl Iterator<Item = i8>) -> i8 {
    let (mut sum, mut first) = (0i32, 0i8);
    for s in signs {
        if first == 0 {
            first = s;
        }
        sum += i32::from(s);
    }
    match sum.signum() {
        0 => first,
        x => x as i8,
    }
}

fn ln1(x: f32) -> f32 {
    x.ln_1p()
}

/// Scores of one statement.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Score {
    /// Similarity to the query.
    pub(crate) sim: f32,
    cov_q: f32,
    cov_bi: f32,
    cov_s: f32,
}

fn score(p: &PreparedDoc, s: &Stmt, qi: &[u8], q: &Query, qw: &[f32], qtotal: f32) -> Score {
    let (lo, hi) = (s.lo as usize, (s.hi as usize).min(p.toks.len()));
    if lo >= hi || qtotal <= 0.0 {
        return Score::default();
    }
    let mut mask = 0u64;
    let mut bimask = 0u64;
    let mut prev = u8::MAX;
    let mut matched_idf = 0.0f32;
    for (t, &i) in p.toks[lo..hi].iter().zip(&qi[lo..hi]) {
        if !t.content {
            continue;
        }
        if i != u8::MAX {
            mask |= 1 << i;
            matched_idf += t.idf;
            if prev != u8::MAX {
                if let Some(b) = q.bigrams.iter().position(|b| *b == (prev, i)) {
                    bimask |= 1 << b;
                }
            }
        }
        prev = i;
    }
    let cov_q: f32 = (0..q.terms.len()).filter(|i| mask & (1 << i) != 0).map(|i| qw[i]).sum::<f32>() / qtotal;
    let cov_bi = if q.bigrams.is_empty() { cov_q } else { bimask.count_ones() as f32 / q.bigrams.len() as f32 };
    let total = p.cum_idf[hi] - p.cum_idf[lo];
    let cov_s = if total > 0.0 { (matched_idf / total).min(1.0) } else { 0.0 };
    Score { sim: 0.7 * cov_q + 0.2 * cov_bi + 0.1 * cov_s, cov_q, cov_bi, cov_s }
}

fn combine(source: Stance, mismatch: bool) -> Stance {
    match (source, mismatch) {
        (Stance::Asserts, true) => Stance::Denies,
        (Stance::Denies, true) => Stance::Asserts,
        (s, _) => s,
    }
}

fn one_hot(s: Stance) -> [f32; 4] {
    let mut v = [0.0; 4];
    v[match s {
        Stance::Asserts => 0,
        Stance::Denies => 1,
        Stance::Hedges => 2,
        Stance::NoKnowledge => 3,
    }] = 1.0;
    v
}

/// What the whole document tells about a query, computed once for all its statements.
pub(crate) struct Context<'a> {
    q: &'a Query,
    p: &'a PreparedDoc,
    doc: &'a Analysis,
    qi: Vec<u8>,
    /// Scores of every statement (sentences first, then attribution contents).
    pub(crate) scores: Vec<Score>,
    /// The best and second-best sentence similarity, with the best one's index.
    top: (usize, f32, f32),
    n_rel: f32,
    cov_doc: f32,
    names: f32,
    numbers: f32,
    lead: f32,
    d: Counts,
    questions: f32,
    rel: [f32; 4],
    att: [f32; 4],
    lead_counts: Counts,
    near: Counts,
}

impl Context<'_> {
    fn range(&self, lo: u32, hi: u32) -> Counts {
        let hi = (hi as usize).min(self.p.toks.len());
        let lo = (lo as usize).min(hi);
        count(&self.p.toks[lo..hi], &self.qi[lo..hi])
    }

    fn mismatch(&self, st: &Stmt) -> (bool, bool, bool) {
        let hi = (st.hi as usize).min(self.p.toks.len());
        let lo = (st.lo as usize).min(hi);
        mismatch(&self.p.toks[lo..hi], &self.qi[lo..hi], self.q)
    }
}

/// The document-wide part of the evidence; `None` when the document shares no content word
/// with the query. Linear in the document's length.
pub(crate) fn context<'a>(m: &Matcher, q: &'a Query, p: &'a PreparedDoc, doc: &'a Analysis) -> Option<Context<'a>> {
    if q.terms.is_empty() || p.toks.is_empty() || p.sents.is_empty() {
        return None;
    }
    let qw: Vec<f32> = q
        .terms
        .iter()
        .zip(&q.keys)
        .map(|(t, k)| {
            let w = if t.key.starts_with('#') { CLASS_IDF } else { m.idf.get(*k) };
            if t.name {
                w * 1.3
            } else {
                w
            }
        })
        .collect();
    let qtotal: f32 = qw.iter().sum();
    let qi: Vec<u8> = p
        .toks
        .iter()
        .map(|t| if t.content { q.keys.iter().position(|k| *k == t.key).map_or(u8::MAX, |i| i as u8) } else { u8::MAX })
        .collect();
    let doc_mask = qi.iter().filter(|&&i| i != u8::MAX).fold(0u64, |m, &i| m | (1 << i));
    if doc_mask == 0 {
        return None;
    }
    let scores: Vec<Score> = p.stmts.iter().map(|s| score(p, s, &qi, q, &qw, qtotal)).collect();
    let n_sents = p.sents.len();
    let sent_sims = &scores[..n_sents];
    let mut top = (0usize, 0.0f32, 0.0f32);
    for (i, s) in sent_sims.iter().enumerate() {
        if s.sim > top.1 {
            top = (i, s.sim, top.1);
        } else if s.sim > top.2 {
            top.2 = s.sim;
        }
    }
    let n_rel = sent_sims.iter().filter(|s| s.sim >= RELEVANT).count() as f32;
    let present = |pred: &dyn Fn(&crate::Term) -> bool| {
        let (mut n, mut k) = (0.0f32, 0.0f32);
        for (i, t) in q.terms.iter().enumerate() {
            if pred(t) {
                n += 1.0;
                if doc_mask & (1 << i) != 0 {
                    k += 1.0;
                }
            }
        }
        if n == 0.0 {
            1.0
        } else {
            k / n
        }
    };
    let cov_doc: f32 =
        (0..q.terms.len()).filter(|i| doc_mask & (1 << i) != 0).map(|i| qw[i]).sum::<f32>() / qtotal.max(1e-6);
    let lead = sent_sims.iter().take(2).map(|s| s.sim).fold(0.0f32, f32::max);
    let (numbers, names) = (present(&|t| t.number), present(&|t| t.name));
    let mut ctx = Context {
        q,
        p,
        doc,
        qi,
        scores,
        top,
        n_rel,
        cov_doc,
        names,
        numbers,
        lead,
        d: Counts::default(),
        questions: p.sents.iter().filter(|s| s.question).count() as f32,
        rel: [0.0; 4],
        att: [0.0; 4],
        lead_counts: Counts::default(),
        near: Counts::default(),
    };
    ctx.d = ctx.range(0, p.toks.len() as u32);
    ctx.lead_counts = ctx.range(0, p.sents[n_sents.min(2) - 1].hi);
    // relevant sentences: matching, mismatching, refuting and hedging words in them
    let mut rel = [0.0f32; 4];
    for (i, sn) in p.sents.iter().enumerate() {
        if ctx.scores[i].sim >= RELEVANT {
            let c = ctx.range(sn.lo, sn.hi);
            let st = Stmt { lo: sn.lo, hi: sn.hi, start: sn.start, end: sn.end, sent: i, attr: None };
            if ctx.mismatch(&st).0 {
                rel[1] += 1.0;
            } else {
                rel[0] += 1.0;
            }
            rel[2] += c.refute;
            rel[3] += c.hedge;
        }
    }
    ctx.rel = rel;
    let mut att = [0.0f32; 4];
    for (st, scr) in p.stmts.iter().zip(&ctx.scores).skip(n_sents) {
        if scr.sim >= RELEVANT {
            if let Some(a) = st.attr.and_then(|i| doc.attributions.get(i)) {
                let (mm, _, negated) = ctx.mismatch(st);
                let oh = one_hot(combine(source_stance(a.stance, negated), mm));
                for (x, v) in att.iter_mut().zip(oh) {
                    *x += v;
                }
            }
        }
    }
    ctx.att = att;
    // cue words close to a query term anywhere in the document
    let qi = &ctx.qi;
    let mut near = Counts::default();
    let mut close = vec![false; p.toks.len()];
    let mut since = usize::MAX;
    for (j, c) in close.iter_mut().enumerate() {
        since = if qi[j] != u8::MAX { 0 } else { since.saturating_add(1) };
        *c = since > 0 && since <= NEAR;
    }
    let mut until = usize::MAX;
    for j in (0..p.toks.len()).rev() {
        until = if qi[j] != u8::MAX { 0 } else { until.saturating_add(1) };
        close[j] |= until > 0 && until <= NEAR;
    }
    for (t, _) in p.toks.iter().zip(&close).filter(|(_, c)| **c) {
        let f = t.cue.flags;
        near.refute += f32::from(u8::from(f & REFUTE != 0));
        near.hedge += f32::from(u8::from(f & (HEDGE | REPORT) != 0));
        near.neg += f32::from(u8::from(f & NEG != 0));
        near.support += f32::from(u8::from(f & SUPPORT != 0));
        near.report += f32::from(u8::from(f & REPORT != 0));
    }
    ctx.near = near;
    Some(ctx)
}

/// The statement `evidence` picks: the most similar one (attribution contents win ties by a
/// small margin: they say who speaks).
pub(crate) fn best_statement(ctx: &Context) -> usize {
    let bonus = |s: &Stmt| if s.attr.is_some() { 0.02 } else { 0.0 };
    let (p, scores) = (ctx.p, &ctx.scores);
    (0..p.stmts.len())
        .max_by(|&a, &b| {
            let (sa, sb) = (scores[a].sim + bonus(&p.stmts[a]), scores[b].sim + bonus(&p.stmts[b]));
            sa.total_cmp(&sb).then(b.cmp(&a))
        })
        .unwrap_or(0)
}

/// The document's best statement for the query with both feature vectors.
pub(crate) fn evidence(m: &Matcher, q: &Query, p: &PreparedDoc, doc: &Analysis) -> Option<Evidence> {
    let ctx = context(m, q, p, doc)?;
    Some(evidence_at(&ctx, best_statement(&ctx)))
}

/// The evidence of statement `idx` of the document (an index into its statements).
pub(crate) fn evidence_at(ctx: &Context, idx: usize) -> Evidence {
    let (q, p, doc) = (ctx.q, ctx.p, ctx.doc);
    let stmt = p.stmts[idx];
    let sc = ctx.scores[idx];
    let n_sents = p.sents.len();
    let second = if ctx.top.0 == stmt.sent { ctx.top.2 } else { ctx.top.1 };
    let related = vec![
        1.0,
        sc.sim,
        sc.cov_q,
        sc.cov_bi,
        sc.cov_s,
        ctx.cov_doc,
        second,
        ln1(ctx.n_rel),
        ctx.numbers,
        ctx.names,
        ctx.lead,
        ln1(q.terms.len() as f32),
    ];

    // who says it, and with which polarity
    let sc_counts = ctx.range(stmt.lo, stmt.hi);
    let attr = stmt.attr.and_then(|i| doc.attributions.get(i));
    let (mismatch, negated_query, negated) = ctx.mismatch(&stmt);
    let source = match attr {
        Some(a) => source_stance(a.stance, negated),
        None if sc_counts.refute > 0.0 => Stance::Denies,
        None if sc_counts.doubt > 0.0 || p.sents[stmt.sent].question => Stance::Hedges,
        None => Stance::Asserts,
    };
    let rule = combine(source, mismatch);

    // the sentence of the statement, its neighbourhood, the whole document
    let s = &p.sents[stmt.sent];
    let sent_counts = ctx.range(s.lo, s.hi);
    let (wlo, whi) = (stmt.sent.saturating_sub(2), (stmt.sent + 3).min(n_sents));
    let before = ctx.range(p.sents[wlo].lo, s.lo);
    let after = ctx.range(s.hi, p.sents[whi - 1].hi);
    let (d, near, lead_counts, questions) = (ctx.d, ctx.near, ctx.lead_counts, ctx.questions);
    let [rel_match, rel_mismatch, rel_refute, rel_hedge] = ctx.rel;
    let att = ctx.att;
    let cov_doc = ctx.cov_doc;
    let rh = one_hot(rule);
    let ah = attr.map_or([0.0; 4], |a| one_hot(a.stance));
    let qneg = if negated_query { 1.0 } else { 0.0 };
    let mm = if mismatch { 1.0 } else { 0.0 };
    let ns = n_sents as f32;
    let stance = vec![
        1.0,
        rh[0],
        rh[1],
        rh[2],
        rh[3],
        if attr.is_some() { 1.0 } else { 0.0 },
        ah[0],
        ah[1],
        ah[2],
        ah[3],
        mm,
        ln1(sent_counts.refute),
        ln1(sent_counts.hedge),
        ln1(sent_counts.neg),
        ln1(sent_counts.support),
        if s.question { 1.0 } else { 0.0 },
        ln1(before.refute + after.refute),
        ln1(before.hedge + after.hedge),
        ln1(before.neg + after.neg),
        ln1(before.support + after.support),
        ln1(d.refute),
        ln1(d.hedge),
        ln1(d.neg),
        ln1(d.support),
        ln1(questions),
        d.refute / ns,
        d.hedge / ns,
        ln1(rel_match),
        ln1(rel_mismatch),
        ln1(rel_refute),
        ln1(rel_hedge),
        ln1(att[0]),
        ln1(att[1]),
        ln1(att[2]),
        ln1(att[3]),
        qneg,
        ln1(q.refuting as f32),
        ln1(q.hedging as f32),
        if q.question { 1.0 } else { 0.0 },
        qneg * ln1(d.refute),
        qneg * mm,
        sc.sim,
        sc.cov_q,
        cov_doc,
        if stmt.sent < 3 { 1.0 } else { 0.0 },
        ln1(ns),
        ln1(lead_counts.refute),
        ln1(lead_counts.hedge),
        ln1(near.refute),
        ln1(near.hedge),
        ln1(near.neg),
        ln1(near.support),
        ln1(sent_counts.report),
        ln1(before.report + after.report),
        ln1(d.report),
        ln1(near.report),
    ];
    debug_assert_eq!(related.len(), RELATED_FEATURES.len());
    debug_assert_eq!(stance.len(), STANCE_FEATURES.len());
    Evidence {
        related,
        stance,
        rule,
        mismatch,
        source,
        negated_query,
        refuting_document: d.refute > 0.0,
        similarity: sc.sim,
        stmt,
    }
}
