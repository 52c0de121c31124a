//! Universal Dependencies (CoNLL-U): the reader, and UPOS accuracy of the POS tagger.
//!
//! A file holds one token per line (`ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC`, tab
//! separated), `#` comment lines, and a blank line after each sentence. Multiword-token lines
//! (`3-4`) and empty nodes (`8.1`) are skipped: the tagger sees the syntactic words, as UD scores
//! them. Each sentence becomes a line of a [`Document`] built like the CoNLL-2003 ones (words
//! joined by spaces, gold sentence and token layers, see [`crate::conll::document`]), so the
//! tagger runs on gold tokenization.

use std::path::Path;

use claimtrail_core::Upos;
use claimtrail_pipeline::pos::train::TrainSentence;
use claimtrail_pipeline::{Pipeline, Stage};

use crate::conll::{ConllDoc, ConllSentence};
use crate::{Error, Prf, Report, Result};

/// Sentences per evaluation document (the tagger has no document-level features; this only
/// keeps the texts short).
const SENTENCES_PER_DOC: usize = 50;

/// Parses CoNLL-U text into sentences of words and UPOS tags.
///
/// # Errors
/// A token line with fewer than four columns or an unknown UPOS tag (the message names the
/// line number).
pub fn parse(text: &str) -> std::result::Result<Vec<TrainSentence>, String> {
    let mut out = Vec::new();
    let mut cur = TrainSentence::default();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 4 {
            return Err(format!("line {}: expected 10 tab-separated columns", n + 1));
        }
        if cols[0].contains(['-', '.']) {
            continue;
        }
        let tag = Upos::parse(cols[3]).ok_or_else(|| format!("line {}: unknown UPOS {:?}", n + 1, cols[3]))?;
        cur.words.push(cols[1].to_string());
        cur.tags.push(tag);
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// Reads a CoNLL-U file.
///
/// # Errors
/// An unreadable or malformed file, or one with no sentences.
pub fn read(path: &Path) -> Result<Vec<TrainSentence>> {
    let format = |message: String| Error::Format { path: path.display().to_string(), message };
    let sents = parse(&crate::read(path)?).map_err(format)?;
    if sents.is_empty() {
        return Err(format("no sentences".into()));
    }
    Ok(sents)
}

/// Tag counts: `[tag][0]` gold, `[tag][1]` predicted, `[tag][2]` right.
type Counts = [[usize; 3]; 17];

/// Scores predicted against gold tags of one sentence.
fn count(pred: &[Upos], gold: &[Upos], counts: &mut Counts) {
    for (&p, &g) in pred.iter().zip(gold) {
        counts[g.index()][0] += 1;
        counts[p.index()][1] += 1;
        counts[g.index()][2] += usize::from(p == g);
    }
    // A missing prediction counts as wrong (never happens with gold tokenization).
    for &g in gold.iter().skip(pred.len()) {
        counts[g.index()][0] += 1;
    }
}

/// The report of tag counts: `accuracy` (P = R = F1) first, then P/R/F1 per tag.
fn report(title: String, documents: usize, counts: &Counts) -> Report {
    let total: usize = counts.iter().map(|c| c[0]).sum();
    let right: usize = counts.iter().map(|c| c[2]).sum();
    let (right, total) = (right as f64, total as f64);
    let mut parts = vec![("accuracy".to_string(), Prf { tp_pred: right, tp_gold: right, pred: total, gold: total })];
    for t in Upos::ALL {
        let [g, p, r] = counts[t.index()].map(|x| x as f64);
        if g + p > 0.0 {
            parts.push((t.as_str().to_string(), Prf { tp_pred: r, tp_gold: r, pred: p, gold: g }));
        }
    }
    Report { title, documents, parts }
}

/// Scores the POS tagger of `pipeline` on the CoNLL-U file at `path` with gold tokenization:
/// UPOS accuracy, then precision and recall per tag. Set `CLAIMTRAIL_UD_ERRORS=1` to list every
/// wrong tag on stderr.
///
/// # Errors
/// An unreadable file, or a failing stage.
pub fn evaluate(pipeline: &Pipeline, path: &Path) -> Result<Report> {
    let sents = read(path)?;
    let debug = std::env::var_os("CLAIMTRAIL_UD_ERRORS").is_some();
    let mut counts = [[0usize; 3]; 17];
    let mut documents = 0;
    for (i, chunk) in sents.chunks(SENTENCES_PER_DOC).enumerate() {
        let gold = ConllDoc {
            sentences: chunk.iter().map(|s| ConllSentence { words: s.words.clone(), entities: Vec::new() }).collect(),
        };
        let (doc, _) = crate::conll::document(&format!("ud-{i}"), &gold);
        let pred = pipeline.pos.run(&doc)?;
        for (s, g) in doc.sentences.iter().zip(chunk) {
            let p = pred.get(s.tokens.start as usize..s.tokens.end as usize).unwrap_or(&[]);
            count(p, &g.tags, &mut counts);
            if debug {
                for (k, (&p, &g)) in p.iter().zip(&g.tags).enumerate().filter(|(_, (p, g))| p != g) {
                    eprintln!("{} -> {}\t{}\t{}", g.as_str(), p.as_str(), chunk_word(s, &doc, k), doc.slice(s.range));
                }
            }
        }
        documents += 1;
    }
    Ok(report(format!("ud {} (UPOS, gold tokenization; accuracy = P = R = F1)", path.display()), documents, &counts))
}

fn chunk_word<'a>(s: &claimtrail_core::Sentence, doc: &'a claimtrail_core::Document, k: usize) -> &'a str {
    doc.slice(doc.tokens[s.tokens.start as usize + k].range)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tiny CoNLL-U sample in EWT's style (written for this test): a multiword token, an empty
    /// node, comments.
    const SAMPLE: &str = "\
# sent_id = t-1
# text = The minister said it.
1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\tminister\tminister\tNOUN\tNN\t_\t3\tnsubj\t_\t_
3\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_
4\tit\tit\tPRON\tPRP\t_\t3\tobj\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

# sent_id = t-2
# text = She didn't deny the reports.
1\tShe\tshe\tPRON\tPRP\t_\t4\tnsubj\t_\t_
2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_
2\tdid\tdo\tAUX\tVBD\t_\t4\taux\t_\t_
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_
3.1\tgone\tgo\tVERB\tVBN\t_\t_\t_\t_\t_
4\tdeny\tdeny\tVERB\tVB\t_\t0\troot\t_\t_
5\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\t_
6\treports\treport\tNOUN\tNNS\t_\t4\tobj\t_\tSpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_
";

    #[test]
    fn parses_words_and_tags() {
        use Upos::*;
        let sents = parse(SAMPLE).unwrap();
        let want: &[(&[&str], &[Upos])] = &[
            (&["The", "minister", "said", "it", "."], &[Det, Noun, Verb, Pron, Punct]),
            (&["She", "did", "n't", "deny", "the", "reports", "."], &[Pron, Aux, Part, Verb, Det, Noun, Punct]),
        ];
        assert_eq!(sents.len(), want.len());
        for (s, (words, tags)) in sents.iter().zip(want) {
            assert_eq!(&s.words, words);
            assert_eq!(&s.tags, tags);
        }
        let bad = [("1\tx\tx\tNOPE\t_\t_\t_\t_\t_\t_\n", "line 1: unknown UPOS"), ("1\tx\n", "line 1: expected")];
        for (text, err) in bad {
            assert!(parse(text).unwrap_err().starts_with(err), "{text:?}");
        }
    }

    #[test]
    fn counts_accuracy_and_per_tag_scores() {
        use Upos::*;
        let mut counts = [[0usize; 3]; 17];
        count(&[Det, Noun, Verb], &[Det, Noun, Noun], &mut counts);
        let r = report("t".into(), 1, &counts);
        let acc = r.part("accuracy").unwrap();
        assert!((acc.f1() - 2.0 / 3.0).abs() < 1e-9);
        let noun = r.part("NOUN").unwrap();
        assert_eq!((noun.precision(), noun.recall()), (1.0, 0.5));
        assert_eq!(r.part("VERB").unwrap().precision(), 0.0);
        assert!(r.part("ADJ").is_none());
    }

    #[test]
    fn end_to_end_on_a_tiny_file() {
        let dir = std::env::temp_dir().join(format!("claimtrail-ud-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("tiny.conllu");
        std::fs::write(&path, SAMPLE).unwrap();
        let report = evaluate(&Pipeline::new(), &path).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        let acc = report.part("accuracy").unwrap();
        assert_eq!(acc.gold, 12.0);
        // Plain news sentences: the embedded tagger gets them all right.
        assert_eq!(acc.tp_gold, 12.0, "{report}");
        assert_eq!(report.documents, 1);
    }
}
