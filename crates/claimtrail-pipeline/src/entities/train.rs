//! Training the NER model: an averaged perceptron over the greedy BILOU decoder of
//! [`super::model`], learning from its own predicted history. Deterministic: documents are
//! visited in an order shuffled by a fixed-seed generator.

use std::cell::RefCell;

use claimtrail_core::NerLabel;

use super::features::{
    case_bucket, mark_gazetteers, sentence_all_caps, split_tag, tag_of, tok_info, TokInfo, F_ALL_CAP, F_INIT_CAP,
    F_LOWER, N_TAGS, POS_B, POS_I, POS_L, POS_U,
};
use super::gazetteer::{Gazetteers, IdMap};
use super::model::{DocState, Model, Scorer};

/// A gold sentence: words and entity spans (`start..end` word indices).
#[derive(Debug, Clone, Default)]
pub struct TrainSentence {
    /// The words.
    pub words: Vec<String>,
    /// Entities: `(start, end, label)`, `end` exclusive, not overlapping.
    pub entities: Vec<(usize, usize, NerLabel)>,
}

/// A gold document: its sentences in order (document-level features see earlier sentences).
#[derive(Debug, Clone, Default)]
pub struct TrainDoc {
    /// Sentences.
    pub sentences: Vec<TrainSentence>,
}

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Passes over the data.
    pub epochs: usize,
    /// Seed of the document order.
    pub seed: u64,
    /// Independent runs (document orders) whose averaged weights are averaged again: less
    /// dependence on one order.
    pub runs: usize,
}

impl Default for TrainOptions {
    fn default() -> Self {
        Self { epochs: 8, seed: 0x00c1_a17a_11ce, runs: 3 }
    }
}

/// Label index (0..4) of a CoNLL label.
pub fn label_index(l: NerLabel) -> u8 {
    match l {
        NerLabel::Per => 0,
        NerLabel::Org => 1,
        NerLabel::Loc => 2,
        NerLabel::Misc => 3,
    }
}

/// CoNLL label of an index (0..4).
pub fn label_of(i: u8) -> NerLabel {
    match i {
        0 => NerLabel::Per,
        1 => NerLabel::Org,
        2 => NerLabel::Loc,
        _ => NerLabel::Misc,
    }
}

/// BILOU tags of a sentence's entities.
pub fn gold_tags(n: usize, entities: &[(usize, usize, NerLabel)]) -> Vec<u8> {
    let mut tags = vec![0u8; n];
    for &(s, e, l) in entities {
        let l = label_index(l);
        if s >= e || e > n {
            continue;
        }
        for (k, t) in tags.iter_mut().enumerate().take(e).skip(s) {
            let pos = if e - s == 1 {
                POS_U
            } else if k == s {
                POS_B
            } else if k + 1 == e {
                POS_L
            } else {
                POS_I
            };
            *t = tag_of(l, pos);
        }
    }
    tags
}

/// Entity spans of a BILOU tag sequence (a lone `I`/`L` without `B` still makes a span).
pub fn spans_of(tags: &[u8]) -> Vec<(usize, usize, NerLabel)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, u8)> = None;
    for (i, &t) in tags.iter().enumerate() {
        match split_tag(t) {
            None => {
                if let Some((s, l)) = open.take() {
                    out.push((s, i, label_of(l)));
                }
            }
            Some((l, pos)) => {
                if let Some((s, ol)) = open {
                    if ol != l || pos == POS_B || pos == POS_U {
                        out.push((s, i, label_of(ol)));
                        open = None;
                    }
                }
                if open.is_none() {
                    open = Some((i, l));
                }
                if pos == POS_L || pos == POS_U {
                    let (s, l) = open.take().expect("open");
                    out.push((s, i + 1, label_of(l)));
                }
            }
        }
    }
    if let Some((s, l)) = open {
        out.push((s, tags.len(), label_of(l)));
    }
    out
}

/// Case statistics of words: (lowercase, capitalized) counts of normalized forms, counted away
/// from sentence starts and outside all-caps sentences.
#[derive(Debug, Default)]
pub struct CaseCounts(IdMap<(u32, u32)>);

impl CaseCounts {
    /// Counts the words of one sentence.
    pub fn add_sentence<'a>(&mut self, words: impl IntoIterator<Item = &'a str>) {
        let toks: Vec<TokInfo> = words.into_iter().map(tok_info).collect();
        if sentence_all_caps(&toks) {
            return;
        }
        for (i, t) in toks.iter().enumerate() {
            // Skip the sentence start and words after an opening quote or bracket.
            if i == 0 || toks[i - 1].flags & (F_INIT_CAP | F_LOWER) == 0 && toks[i - 1].len == 1 {
                continue;
            }
            let c = self.0.entry(t.lw).or_default();
            if t.flags & F_LOWER != 0 {
                c.0 += 1;
            } else if t.flags & (F_INIT_CAP | F_ALL_CAP) != 0 {
                c.1 += 1;
            }
        }
    }

    /// Buckets of words seen often enough.
    pub fn buckets(&self) -> Vec<(u64, u8)> {
        let mut v: Vec<(u64, u8)> =
            self.0.iter().map(|(&k, &(l, c))| (k, case_bucket(l, c))).filter(|&(_, b)| b != 0).collect();
        v.sort_unstable();
        v
    }
}

/// Token infos of a sentence with case buckets and gazetteer marks.
pub fn prepare<'a>(
    words: impl IntoIterator<Item = &'a str>,
    case: &impl Fn(u64) -> u8,
    gaz: &Gazetteers,
) -> Vec<TokInfo> {
    let mut toks: Vec<TokInfo> = words.into_iter().map(tok_info).collect();
    for t in &mut toks {
        t.case = case(t.lw);
    }
    mark_gazetteers(&mut toks, gaz);
    toks
}

/// Perceptron weights during training: a row of `N_TAGS` per feature hash, with the running
/// sums for averaging (shared with the POS tagger's training).
#[derive(Default)]
pub(crate) struct Weights {
    index: IdMap<u32>,
    w: Vec<f32>,
    acc: Vec<f64>,
    /// Update counter (starts at 1).
    pub(crate) c: f64,
}

impl Weights {
    /// Empty weights.
    pub(crate) fn new() -> Self {
        Weights { c: 1.0, ..Weights::default() }
    }

    /// Number of feature rows.
    pub(crate) fn len(&self) -> usize {
        self.index.len()
    }

    fn row(&mut self, f: u64) -> usize {
        let n = self.index.len() as u32;
        let r = *self.index.entry(f).or_insert(n) as usize;
        if r * N_TAGS >= self.w.len() {
            self.w.resize((r + 1) * N_TAGS, 0.0);
            self.acc.resize((r + 1) * N_TAGS, 0.0);
        }
        r
    }

    pub(crate) fn update(&mut self, feats: &[u64], gold: u8, pred: u8) {
        for &f in feats {
            let r = self.row(f) * N_TAGS;
            for (tag, d) in [(gold, 1.0f32), (pred, -1.0)] {
                self.w[r + tag as usize] += d;
                self.acc[r + tag as usize] += f64::from(d) * self.c;
            }
        }
    }

    /// The averaged weights, by feature hash.
    pub(crate) fn averaged(&self) -> Vec<(u64, [f32; N_TAGS])> {
        let mut rows: Vec<(u64, [f32; N_TAGS])> = self
            .index
            .iter()
            .map(|(&k, &r)| {
                let r = r as usize * N_TAGS;
                let mut row = [0f32; N_TAGS];
                for (t, x) in row.iter_mut().enumerate() {
                    *x = self.w[r + t] - (self.acc[r + t] / self.c) as f32;
                }
                (k, row)
            })
            .collect();
        rows.sort_unstable_by_key(|&(k, _)| k);
        rows
    }
}

/// Quantizes weight rows (sorted by hash) into a model, dropping rows whose weights all round to
/// less than 8/32767 of the largest.
fn quantize(rows: &[(u64, [f32; N_TAGS])], case: Vec<(u64, u8)>) -> Model {
    quantize_pruned(rows, case, 8)
}

/// Quantizes weight rows (sorted by hash) into a model, dropping rows whose quantized weights
/// are all below `min` in magnitude.
pub(crate) fn quantize_pruned(rows: &[(u64, [f32; N_TAGS])], case: Vec<(u64, u8)>, min: u16) -> Model {
    let max = rows.iter().flat_map(|(_, r)| r.iter()).fold(0f32, |m, &x| m.max(x.abs())).max(1e-6);
    let scale = max / 32767.0;
    let (mut keys, mut weights) = (Vec::new(), Vec::new());
    for (k, row) in rows {
        let q: Vec<i16> = row.iter().map(|&x| (x / scale).round().clamp(-32767.0, 32767.0) as i16).collect();
        // Rows too small to move a decision are dropped.
        if q.iter().all(|&x| x.unsigned_abs() < min) {
            continue;
        }
        keys.push(*k);
        weights.extend(q);
    }
    Model::new(keys, weights, scale, case)
}

/// The mean of several runs' weight rows (each sorted by hash); a row missing from a run is zero.
pub(crate) fn mean_rows(runs: &[Vec<(u64, [f32; N_TAGS])>]) -> Vec<(u64, [f32; N_TAGS])> {
    let mut all: Vec<(u64, [f32; N_TAGS])> = runs.iter().flatten().copied().collect();
    all.sort_unstable_by_key(|&(k, _)| k);
    let n = runs.len().max(1) as f32;
    let mut out: Vec<(u64, [f32; N_TAGS])> = Vec::with_capacity(all.len());
    for (k, row) in all {
        match out.last_mut() {
            Some((lk, acc)) if *lk == k => acc.iter_mut().zip(row).for_each(|(a, x)| *a += x),
            _ => out.push((k, row)),
        }
    }
    for (_, row) in &mut out {
        row.iter_mut().for_each(|x| *x /= n);
    }
    out
}

fn f1_line(model: &Model, dev: &[Prepared]) -> String {
    let (tp, np, ng) = span_counts(model, dev);
    let (p, r) = (tp as f64 / np.max(1) as f64, tp as f64 / ng.max(1) as f64);
    let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    format!("dev P {p:.4} R {r:.4} F1 {f:.4} ({} rows)", model.len())
}

/// Scores with the current (not averaged) training weights.
pub(crate) struct TrainScorer<'a>(pub(crate) &'a RefCell<Weights>);

impl Scorer for TrainScorer<'_> {
    fn score(&self, feats: &[u64], scores: &mut [f32; N_TAGS]) {
        let w = self.0.borrow();
        for f in feats {
            if let Some(&r) = w.index.get(f) {
                let row = &w.w[r as usize * N_TAGS..(r as usize + 1) * N_TAGS];
                for (s, x) in scores.iter_mut().zip(row) {
                    *s += x;
                }
            }
        }
    }
}

/// A prepared document: token infos and gold tags per sentence.
type Prepared = Vec<(Vec<TokInfo>, Vec<u8>)>;

fn prepare_docs(docs: &[TrainDoc], case: &impl Fn(u64) -> u8, gaz: &Gazetteers) -> Vec<Prepared> {
    docs.iter()
        .map(|d| {
            d.sentences
                .iter()
                .map(|s| {
                    let toks = prepare(s.words.iter().map(String::as_str), case, gaz);
                    (toks, gold_tags(s.words.len(), &s.entities))
                })
                .collect()
        })
        .collect()
}

/// Exact-span counts `(correct, predicted, gold)` of `model` on prepared documents.
fn span_counts(model: &Model, docs: &[Prepared]) -> (usize, usize, usize) {
    let (mut tp, mut np, mut ng) = (0, 0, 0);
    let mut out = Vec::new();
    for d in docs {
        let mut st = DocState::new();
        for (toks, gold) in d {
            st.decode(model, toks, &mut out, |_, _, t| t);
            let (p, g) = (spans_of(&out), spans_of(gold));
            tp += p.iter().filter(|x| g.contains(x)).count();
            np += p.len();
            ng += g.len();
        }
    }
    (tp, np, ng)
}

/// Trains a model on `docs`. `texts` are unlabeled articles that only feed the word case
/// statistics. After each epoch, `log` gets a progress line, with exact-span F1 on `dev` when given.
pub fn train(
    docs: &[TrainDoc],
    texts: &[String],
    dev: &[TrainDoc],
    opts: &TrainOptions,
    mut log: impl FnMut(&str),
) -> Model {
    let gaz = Gazetteers::embedded();
    let mut counts = CaseCounts::default();
    for d in docs {
        for s in &d.sentences {
            counts.add_sentence(s.words.iter().map(String::as_str));
        }
    }
    for t in texts {
        let seg = crate::segment::segment(t);
        for s in &seg.sentences {
            let toks = &seg.tokens[s.tokens.start as usize..s.tokens.end as usize];
            counts.add_sentence(toks.iter().map(|tk| &t[tk.range.as_usize()]));
        }
    }
    let case_list = counts.buckets();
    let case_map: IdMap<u8> = case_list.iter().copied().collect();
    let case = |lw: u64| case_map.get(&lw).copied().unwrap_or(0);
    let prepared = prepare_docs(docs, &case, gaz);
    let dev = prepare_docs(dev, &case, gaz);
    log(&format!("{} documents, {} case entries", prepared.len(), case_list.len()));

    let mut runs = Vec::with_capacity(opts.runs.max(1));
    for run in 0..opts.runs.max(1) {
        let seed = run_seed(opts.seed, run);
        runs.push(train_run(&prepared, &dev, &case_list, opts.epochs, seed, &mut log));
    }
    let model = quantize(&mean_rows(&runs), case_list);
    if !dev.is_empty() {
        log(&format!("mean of {} runs: {}", runs.len(), f1_line(&model, &dev)));
    }
    model
}

/// Fisher-Yates with xorshift64 (`rng` must not be 0).
pub(crate) fn shuffle(order: &mut [usize], rng: &mut u64) {
    for i in (1..order.len()).rev() {
        *rng ^= *rng << 13;
        *rng ^= *rng >> 7;
        *rng ^= *rng << 17;
        order.swap(i, (*rng % (i as u64 + 1)) as usize);
    }
}

/// Seed of run `run` derived from the base seed.
pub(crate) fn run_seed(seed: u64, run: usize) -> u64 {
    seed.wrapping_add(0x9E37_79B9_7F4A_7C15u64.wrapping_mul(run as u64))
}

/// One perceptron run over the documents in an order shuffled from `seed`; averaged weights.
fn train_run(
    prepared: &[Prepared],
    dev: &[Prepared],
    case_list: &[(u64, u8)],
    epochs: usize,
    seed: u64,
    log: &mut impl FnMut(&str),
) -> Vec<(u64, [f32; N_TAGS])> {
    let weights = RefCell::new(Weights::new());
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let mut rng = seed | 1;
    let mut out = Vec::new();
    for epoch in 0..epochs {
        shuffle(&mut order, &mut rng);
        let mut errors = 0usize;
        let mut total = 0usize;
        for &d in &order {
            let mut st = DocState::new();
            for (toks, gold) in &prepared[d] {
                st.decode(&TrainScorer(&weights), toks, &mut out, |i, feats, pred| {
                    let mut w = weights.borrow_mut();
                    if pred != gold[i] {
                        w.update(feats, gold[i], pred);
                        errors += 1;
                    }
                    w.c += 1.0;
                    pred
                });
                total += toks.len();
            }
        }
        let mut line =
            format!("epoch {}: {} token errors of {} ({} features)", epoch + 1, errors, total, weights.borrow().len());
        if !dev.is_empty() {
            let model = quantize(&weights.borrow().averaged(), case_list.to_vec());
            line += "; ";
            line += &f1_line(&model, dev);
        }
        log(&line);
    }
    let rows = weights.borrow().averaged();
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip_to_spans() {
        type Spans = Vec<(usize, usize, NerLabel)>;
        let cases: Vec<(usize, Spans)> = vec![
            (5, vec![(0, 2, NerLabel::Per), (3, 4, NerLabel::Loc)]),
            (4, vec![(0, 1, NerLabel::Org), (1, 4, NerLabel::Misc)]),
            (3, vec![]),
        ];
        for (n, spans) in cases {
            assert_eq!(spans_of(&gold_tags(n, &spans)), spans);
        }
        // A broken sequence still yields spans.
        let i_per = tag_of(0, POS_I);
        assert_eq!(spans_of(&[0, i_per, i_per]), vec![(1, 3, NerLabel::Per)]);
    }

    fn sent(text: &str, entities: Vec<(usize, usize, NerLabel)>) -> TrainSentence {
        TrainSentence { words: text.split(' ').map(String::from).collect(), entities }
    }

    #[test]
    fn learns_a_toy_set_deterministically() {
        let docs = vec![TrainDoc {
            sentences: vec![
                sent("Anna Berg visited Oslo .", vec![(0, 2, NerLabel::Per), (3, 4, NerLabel::Loc)]),
                sent("The talks in Oslo ended .", vec![(3, 4, NerLabel::Loc)]),
                sent("Anna Berg said it ended .", vec![(0, 2, NerLabel::Per)]),
            ],
        }];
        let opts = TrainOptions { epochs: 5, seed: 7, runs: 2 };
        let a = train(&docs, &[], &[], &opts, |_| {}).to_bytes();
        let b = train(&docs, &[], &[], &opts, |_| {}).to_bytes();
        assert_eq!(a, b);
        let model = Model::from_bytes(&a).unwrap();
        let gaz = Gazetteers::embedded();
        let toks = prepare("Anna Berg visited Oslo .".split(' '), &|lw| model.case_of(lw), gaz);
        let mut out = Vec::new();
        DocState::new().decode(&model, &toks, &mut out, |_, _, t| t);
        assert_eq!(spans_of(&out), vec![(0, 2, NerLabel::Per), (3, 4, NerLabel::Loc)]);
    }
}
