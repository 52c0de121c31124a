//! Training the POS model: an averaged perceptron over the greedy decoder of [`super::decode`],
//! learning from its own predicted history, with the NER's training machinery
//! ([`crate::entities::train`]: weight rows, averaging, several runs averaged again,
//! quantization). Deterministic: sentences are visited in an order shuffled by a fixed seed.

use std::cell::RefCell;

use claimtrail_core::Upos;

use super::{decode, prepare, word_entry};
use crate::entities::features::{tok_info, TokInfo, N_TAGS};
use crate::entities::gazetteer::IdMap;
use crate::entities::model::Model;
use crate::entities::train::{mean_rows, quantize_pruned, run_seed, shuffle, CaseCounts, TrainScorer, Weights};

/// A gold sentence: words and their UPOS tags.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrainSentence {
    /// The words.
    pub words: Vec<String>,
    /// One tag per word.
    pub tags: Vec<Upos>,
}

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Passes over the data.
    pub epochs: usize,
    /// Seed of the sentence order.
    pub seed: u64,
    /// Independent runs (sentence orders) whose averaged weights are averaged again.
    pub runs: usize,
    /// Rows whose quantized weights (of 32767) all stay below this are dropped.
    pub prune: u16,
    /// Features seen fewer times than this in the training data (with gold history) get no
    /// weights: rare words and word pairs, whose affixes and shape carry the same signal. This
    /// is what bounds the model size.
    pub min_count: u32,
    /// A word seen at least this often with one tag in at least `dict_share` of its
    /// occurrences always gets that tag, without scoring (speed).
    pub dict_min: u32,
    /// See `dict_min`.
    pub dict_share: f64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        Self { epochs: 10, seed: 0x00c1_a17a_11ce, runs: 3, prune: 1000, min_count: 3, dict_min: 20, dict_share: 0.99 }
    }
}

/// A prepared sentence: token infos and gold tag indices.
type Prepared = (Vec<TokInfo>, Vec<u8>);

fn prepare_all(sents: &[TrainSentence], case: &impl Fn(u64) -> u8) -> Vec<Prepared> {
    sents
        .iter()
        .map(|s| {
            let toks = prepare(s.words.iter().map(String::as_str), case);
            (toks, s.tags.iter().map(|t| t.index() as u8).collect())
        })
        .collect()
}

/// `(correct, total)` tags of `model` on prepared sentences.
fn accuracy_counts(model: &Model, sents: &[Prepared]) -> (usize, usize) {
    let (mut right, mut total) = (0, 0);
    let (mut feats, mut out) = (Vec::new(), Vec::new());
    for (toks, gold) in sents {
        decode(model, toks, &mut feats, &mut out, |_, _, t| t);
        right += out.iter().zip(gold).filter(|(a, b)| a == b).count();
        total += gold.len();
    }
    (right, total)
}

fn accuracy_line(model: &Model, dev: &[Prepared]) -> String {
    let (right, total) = accuracy_counts(model, dev);
    format!("dev accuracy {:.4} ({} rows)", right as f64 / total.max(1) as f64, model.len())
}

/// Trains a model on `sents`. `texts` are unlabeled articles that only feed the word case
/// statistics. After each epoch, `log` gets a progress line, with accuracy on `dev` when given.
pub fn train(
    sents: &[TrainSentence],
    texts: &[String],
    dev: &[TrainSentence],
    opts: &TrainOptions,
    mut log: impl FnMut(&str),
) -> Model {
    let mut counts = CaseCounts::default();
    for s in sents {
        counts.add_sentence(s.words.iter().map(String::as_str));
    }
    for t in texts {
        let seg = crate::segment::segment(t);
        for s in &seg.sentences {
            let toks = &seg.tokens[s.tokens.start as usize..s.tokens.end as usize];
            counts.add_sentence(toks.iter().map(|tk| &t[tk.range.as_usize()]));
        }
    }
    let case_list = word_entries(&counts.buckets(), &tag_dictionary(sents, opts));
    let case_map: IdMap<u8> = case_list.iter().copied().collect();
    let case = |lw: u64| case_map.get(&lw).copied().unwrap_or(0);
    let prepared = prepare_all(sents, &case);
    let dev = prepare_all(dev, &case);
    log(&format!("{} sentences, {} case entries", prepared.len(), case_list.len()));

    let counts = feature_counts(&prepared);
    let keep = |k: u64| counts.get(&k).copied().unwrap_or(0) >= opts.min_count;
    let mut runs = Vec::with_capacity(opts.runs.max(1));
    for run in 0..opts.runs.max(1) {
        let seed = run_seed(opts.seed, run);
        runs.push(train_run(&prepared, &dev, &case_list, opts, seed, &keep, &mut log));
    }
    let model = quantize_pruned(&mean_rows(&runs), case_list, opts.prune);
    if !dev.is_empty() {
        log(&format!("mean of {} runs: {}", runs.len(), accuracy_line(&model, &dev)));
    }
    model
}

/// Words seen at least `dict_min` times in `sents` with one tag at least `dict_share` of the
/// time: normalized-word hash and tag.
fn tag_dictionary(sents: &[TrainSentence], opts: &TrainOptions) -> Vec<(u64, Upos)> {
    let mut counts: IdMap<[u32; N_TAGS]> = IdMap::default();
    for s in sents {
        for (w, t) in s.words.iter().zip(&s.tags) {
            counts.entry(tok_info(w).lw).or_insert([0; N_TAGS])[t.index()] += 1;
        }
    }
    let mut out: Vec<(u64, Upos)> = counts
        .into_iter()
        .filter_map(|(lw, c)| {
            let total: u32 = c.iter().sum();
            let (best, &n) = c.iter().enumerate().max_by_key(|&(i, &n)| (n, std::cmp::Reverse(i)))?;
            (total >= opts.dict_min && f64::from(n) >= opts.dict_share * f64::from(total))
                .then(|| (lw, Upos::from_index(best)))
        })
        .collect();
    out.sort_unstable_by_key(|&(lw, _)| lw);
    out
}

/// The model's per-word bytes (see [`word_entry`]) from case buckets and dictionary tags.
fn word_entries(case: &[(u64, u8)], dict: &[(u64, Upos)]) -> Vec<(u64, u8)> {
    let mut m: IdMap<u8> = case.iter().copied().collect();
    for &(lw, t) in dict {
        let e = m.entry(lw).or_insert(0);
        *e = word_entry(*e, Some(t));
    }
    let mut out: Vec<(u64, u8)> = m.into_iter().collect();
    out.sort_unstable();
    out
}

/// How often each feature fires on the training sentences decoded with gold history.
fn feature_counts(prepared: &[Prepared]) -> IdMap<u32> {
    let mut counts = IdMap::default();
    let (mut feats, mut out) = (Vec::new(), Vec::new());
    let none = Model::default();
    for (toks, gold) in prepared {
        decode(&none, toks, &mut feats, &mut out, |i, feats, _| {
            for &f in feats {
                *counts.entry(f).or_insert(0u32) += 1;
            }
            gold[i]
        });
    }
    counts
}

/// One perceptron run over the sentences in an order shuffled from `seed`; averaged weights.
fn train_run(
    prepared: &[Prepared],
    dev: &[Prepared],
    case_list: &[(u64, u8)],
    opts: &TrainOptions,
    seed: u64,
    keep: &impl Fn(u64) -> bool,
    log: &mut impl FnMut(&str),
) -> Vec<(u64, [f32; N_TAGS])> {
    let weights = RefCell::new(Weights::new());
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let mut rng = seed | 1;
    let (mut feats, mut out, mut kept) = (Vec::new(), Vec::new(), Vec::new());
    for epoch in 0..opts.epochs {
        shuffle(&mut order, &mut rng);
        let (mut errors, mut total) = (0usize, 0usize);
        for &k in &order {
            let (toks, gold) = &prepared[k];
            decode(&TrainScorer(&weights), toks, &mut feats, &mut out, |i, feats, pred| {
                let mut w = weights.borrow_mut();
                if pred != gold[i] {
                    // Rare features never get a row, so the model learns to do without them.
                    kept.clear();
                    kept.extend(feats.iter().copied().filter(|&f| keep(f)));
                    w.update(&kept, gold[i], pred);
                    errors += 1;
                }
                w.c += 1.0;
                pred
            });
            total += toks.len();
        }
        let mut line =
            format!("epoch {}: {} tag errors of {} ({} features)", epoch + 1, errors, total, weights.borrow().len());
        if !dev.is_empty() {
            let model = quantize_pruned(&weights.borrow().averaged(), case_list.to_vec(), opts.prune);
            line += "; ";
            line += &accuracy_line(&model, dev);
        }
        log(&line);
    }
    let rows = weights.borrow().averaged();
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pos::{tag_with, MAGIC};

    fn sent(text: &str, tags: &[Upos]) -> TrainSentence {
        TrainSentence { words: text.split(' ').map(String::from).collect(), tags: tags.to_vec() }
    }

    #[test]
    fn learns_a_toy_set_deterministically() {
        use Upos::*;
        let sents = vec![
            sent("the dog runs .", &[Det, Noun, Verb, Punct]),
            sent("a cat sleeps .", &[Det, Noun, Verb, Punct]),
            sent("Anna runs .", &[Propn, Verb, Punct]),
            sent("the cat runs home .", &[Det, Noun, Verb, Adv, Punct]),
        ];
        let opts = TrainOptions { epochs: 5, seed: 7, runs: 2, prune: 1, min_count: 1, ..TrainOptions::default() };
        let a = train(&sents, &[], &[], &opts, |_| {}).to_bytes_with_magic(MAGIC);
        let b = train(&sents, &[], &[], &opts, |_| {}).to_bytes_with_magic(MAGIC);
        assert_eq!(a, b);
        let model = Model::from_bytes_with_magic(&a, MAGIC).unwrap();
        assert!(Model::from_bytes(&a).is_err(), "not an NER model");
        assert_eq!(tag_with(&model, &["a", "dog", "sleeps", "."]), [Det, Noun, Verb, Punct]);
    }
}
