//! Claim matching: the fact-checker's first question.
//!
//! Given a sentence (the *query*, "the photo is a fake") and analyzed articles (the
//! [`Analysis`] contract form), [`Matcher::match_document`] finds in each article the statement
//! that says the same as the query, or its negation, and the article's stance toward the query
//! *as written*: an article that says the photo is genuine denies "the photo is a fake".
//!
//! How:
//! 1. [`parse_query`] keeps the query's content words (lowercased and stemmed by
//!    [`claimtrail_text::analyzer`]; antonyms such as fake/genuine share one key), their order
//!    (for bigrams), its negations and cues.
//!    [`search_terms`] gives the words for a full-text candidate search (FTS5/BM25) in a store.
//! 2. Each sentence and each attribution content of an article is scored by IDF-weighted
//!    overlap with the query (unigrams, bigrams; IDF from a shipped news table, [`idf`]).
//! 3. A small logistic model over non-topical features (similarity, coverage) says whether
//!    the best statement says the same as the query; the match score is its probability.
//! 4. The stance combines who says it (the attribution's stance when the statement is an
//!    attribution's content, else the article's own voice: refuting or hedging words) with the
//!    polarity of the statement against the query (negations, antonym signs), then a second
//!    small model over cue counts in the statement, its neighbourhood and the whole article
//!    gives asserts, denies or hedges ([`stance`]). Both models ship in `models/check.model`.
//! 5. [`Matcher::match_statements`] gives every statement of an article that says the same as
//!    the query, each with its own source and statement-local stance: an article that quotes
//!    one source asserting a claim and another denying it answers with both.
//!
//! ```
//! use claimtrail_check::{parse_query, Matcher};
//! use claimtrail_core::contract::{Analysis, DocumentOut, SCHEMA};
//! use claimtrail_core::Stance;
//!
//! let text = "Experts said the viral photo of the flooded museum is genuine. It was taken on Monday.";
//! let doc = Analysis {
//!     schema: SCHEMA.to_string(),
//!     document: DocumentOut { id: "d1".into(), title: None, outlet: None, url: None, published: None,
//!                             language: "en".into(), text: text.into() },
//!     entities: vec![], attributions: vec![], claims: vec![], times: vec![],
//! };
//! let m = Matcher::new().match_document(&parse_query("The photo of the flooded museum is fake"), &doc).unwrap();
//! assert_eq!(m.stance, Stance::Denies);
//! ```

pub mod bm25;
pub mod corpus;
pub mod idf;
pub mod lexicon;
pub mod model;
pub mod stance;
pub mod text;

use claimtrail_core::contract::Analysis;
use claimtrail_core::Stance;

use crate::idf::Idf;
use crate::lexicon::{Cue, Lexicon, HEDGE, NEG, REFUTE};
use crate::model::LinearModel;
use crate::text::{hash, is_stopword, stopwords};

/// The shipped models (`related` and `stance`).
pub const SHIPPED_MODELS: &str = include_str!("../models/check.model");

/// Weight of an antonym-class key ("#authentic"): a moderately rare word.
const CLASS_IDF: f32 = 3.0;
/// Most query terms considered (bit masks are 64 wide).
const MAX_TERMS: usize = 64;

/// One content term of a query.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    /// Lowercase word as written.
    pub word: String,
    /// Match key: the stem, or the antonym class key.
    pub key: String,
    /// Capitalized inside the sentence (a name).
    pub name: bool,
    /// A number.
    pub number: bool,
}

/// An analyzed query sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    /// The sentence as written.
    pub text: String,
    /// Unique content terms, in first-seen order (at most 64).
    pub terms: Vec<Term>,
    /// Consecutive content-term pairs, as term indices.
    pub bigrams: Vec<(u8, u8)>,
    /// Negations ("not", "n't", "never") followed within three words by a content word.
    pub negations: u32,
    /// Refuting words ("hoax", "false") outside the query's antonym classes.
    pub refuting: u32,
    /// Antonym classes (0 for none) of the query's refuting words ("hoax", "denies"): a query
    /// that calls something a hoax says its proposition is not so.
    pub denials: Vec<u8>,
    /// Hedging words ("reportedly", "may").
    pub hedging: u32,
    /// Ends with a question mark.
    pub question: bool,
    /// Antonym classes of the query with their signs.
    pub classes: Vec<(u8, i8)>,
    /// The speaker when the query is about what someone said ("Peskov confirmed the visit",
    /// "The Kremlin denied the talks"): the lowercase words of the name that opens the query
    /// before a speech verb. [`Matcher::match_statements`] then keeps only that speaker's
    /// statements; other sources do not speak for them.
    pub speaker: Vec<String>,
    keys: Vec<u64>,
}

impl Query {
    /// Whether the query is negated (an odd number of negations).
    pub fn negative(&self) -> bool {
        self.negations % 2 == 1
    }

    /// The sign most words of antonym class `class` carry in the query (0 when absent).
    pub fn class_sign(&self, class: u8) -> i8 {
        stance::majority(self.classes.iter().filter(|c| c.0 == class).map(|c| c.1))
    }
}

/// Analyzes a query sentence.
pub fn parse_query(text: &str) -> Query {
    parse_query_with(text, &Lexicon::new())
}

fn parse_query_with(text: &str, lex: &Lexicon) -> Query {
    let chars: Vec<char> = text.chars().collect();
    let words = text::EN.words(&chars);
    let mut q = Query {
        text: text.to_string(),
        terms: Vec::new(),
        bigrams: Vec::new(),
        negations: 0,
        refuting: 0,
        denials: Vec::new(),
        hedging: 0,
        question: text.trim_end().ends_with('?'),
        classes: Vec::new(),
        speaker: speaker(&chars, &words, lex),
        keys: Vec::new(),
    };
    let mut buf = String::new();
    let mut seq: Vec<u8> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        text::EN.lower(&chars, *w, &mut buf);
        let cue = lex.get(&buf);
        if (w.nt || cue.flags & NEG != 0) && bears_on_content(&chars, &words[i + 1..], lex) {
            q.negations += 1;
        }
        if cue.flags & HEDGE != 0 {
            q.hedging += 1;
        }
        if cue.flags & REFUTE != 0 {
            q.denials.push(cue.class);
        }
        if cue.class != 0 {
            q.classes.push((cue.class, cue.sign));
        } else if cue.flags & REFUTE != 0 {
            q.refuting += 1;
        }
        if buf.is_empty() || (cue.class == 0 && (cue.flags & NEG != 0 || is_stopword(&buf))) {
            continue;
        }
        let word = buf.clone();
        let key = if cue.class != 0 {
            Lexicon::class_key(cue.class).to_string()
        } else {
            text::EN.stem_in_place(&mut buf);
            buf.clone()
        };
        let h = hash(&key);
        let idx = match q.keys.iter().position(|k| *k == h) {
            Some(p) => p,
            None => {
                if q.terms.len() >= MAX_TERMS {
                    continue;
                }
                q.keys.push(h);
                q.terms.push(Term {
                    number: word.chars().any(|c| c.is_ascii_digit()),
                    name: w.capital && i > 0 && cue.class == 0,
                    word,
                    key,
                });
                q.terms.len() - 1
            }
        };
        if seq.last() != Some(&(idx as u8)) {
            seq.push(idx as u8);
        }
    }
    for p in seq.windows(2) {
        let b = (p[0], p[1]);
        if !q.bigrams.contains(&b) && q.bigrams.len() < MAX_TERMS {
            q.bigrams.push(b);
        }
    }
    q
}

/// Verbs of saying that make a query about what its opening name said (besides the words of
/// the confirm/deny antonym class).
const SPEECH: &[&str] =
    &["said", "says", "told", "claimed", "claims", "stated", "states", "announced", "announces", "insisted", "insists"];

/// The name opening the query before a speech verb ("Peskov", "the Kremlin"), as lowercase
/// words without stopwords; empty when the query does not open that way.
fn speaker(chars: &[char], words: &[text::Word], lex: &Lexicon) -> Vec<String> {
    let mut buf = String::new();
    let confirm = (1..=16u8).find(|&c| Lexicon::class_key(c) == "#confirm").unwrap_or(0);
    for (i, w) in words.iter().enumerate().take(8).skip(1) {
        text::EN.lower(chars, *w, &mut buf);
        let verb = (confirm != 0 && lex.get(&buf).class == confirm) || SPEECH.contains(&buf.as_str());
        if !verb {
            if w.capital || is_stopword(&buf) {
                continue;
            }
            return Vec::new();
        }
        if i + 1 >= words.len() || !words[..i].iter().all(|w| w.capital) {
            return Vec::new();
        }
        return words[..i]
            .iter()
            .filter_map(|w| {
                text::EN.lower(chars, *w, &mut buf);
                (!buf.is_empty() && !is_stopword(&buf)).then(|| buf.clone())
            })
            .collect();
    }
    Vec::new()
}

/// Whether a source (its name or words) is the query's speaker: it holds one of the speaker's
/// words as a word.
fn is_speaker(source: &str, speaker: &[String]) -> bool {
    let chars: Vec<char> = source.chars().collect();
    let mut buf = String::new();
    text::EN.words(&chars).iter().any(|w| {
        text::EN.lower(&chars, *w, &mut buf);
        speaker.contains(&buf)
    })
}

/// Whether one of the (up to) three `next` words is a content word.
fn bears_on_content(chars: &[char], next: &[text::Word], lex: &Lexicon) -> bool {
    let mut buf = String::new();
    next.iter().take(3).any(|w| {
        text::EN.lower(chars, *w, &mut buf);
        let cue = lex.get(&buf);
        !buf.is_empty() && (cue.class != 0 || (cue.flags & NEG == 0 && !is_stopword(&buf)))
    })
}

/// Words for a full-text candidate search: the query's content words, lowercased as written
/// (not stemmed: a store's own tokenizer stems), without duplicates.
pub fn search_terms(q: &Query) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in &q.terms {
        if !t.word.is_empty() && !out.contains(&t.word) {
            out.push(t.word.clone());
        }
    }
    out
}

/// One document's answer to a query.
#[derive(Debug, Clone, PartialEq)]
pub struct DocMatch {
    /// The document id.
    pub doc_id: String,
    /// How well the matched statement says the same as the query, for ranking (0..1): the
    /// `related` model's softened probability times `0.5 + 0.5 * similarity`.
    pub score: f32,
    /// The document's stance toward the query as written.
    pub stance: Stance,
    /// Who says it: the attribution's source (entity name or text), else the outlet.
    pub source: Option<String>,
    /// The matched statement's text.
    pub quote: String,
    /// Char offsets of the matched statement.
    pub span: [u32; 2],
    /// Local claim id (`c1`) of the matched attribution, when it belongs to one.
    pub claim: Option<String>,
    /// Local attribution id (`a1`) when the statement is an attribution's content.
    pub attribution: Option<String>,
}

/// A word of a prepared document.
#[derive(Debug, Clone, Copy)]
struct Tok {
    key: u64,
    idf: f32,
    start: u32,
    content: bool,
    cue: Cue,
}

/// A sentence of a prepared document, as token and char ranges.
#[derive(Debug, Clone, Copy)]
struct Sent {
    lo: u32,
    hi: u32,
    start: u32,
    end: u32,
    question: bool,
}

/// A statement candidate: a sentence or an attribution's content.
#[derive(Debug, Clone, Copy)]
struct Stmt {
    lo: u32,
    hi: u32,
    start: u32,
    end: u32,
    sent: usize,
    attr: Option<usize>,
}

/// A document tokenized once for many queries (see [`Matcher::prepare`]).
#[derive(Debug, Clone)]
pub struct PreparedDoc {
    toks: Vec<Tok>,
    cum_idf: Vec<f32>,
    sents: Vec<Sent>,
    stmts: Vec<Stmt>,
}

/// What a document says about a query before any threshold: the best statement and the
/// feature vectors of both models.
#[derive(Debug, Clone)]
pub struct Evidence {
    /// Features of the `related` model (names in [`stance::RELATED_FEATURES`]).
    pub related: Vec<f32>,
    /// Features of the `stance` model (names in [`stance::STANCE_FEATURES`]).
    pub stance: Vec<f32>,
    /// The rule stance (source stance combined with polarity).
    pub rule: Stance,
    /// The stance of whoever says the statement: the attribution's, or the article voice's.
    pub source: Stance,
    /// The statement's polarity is opposite to the query's (negation, antonyms).
    pub mismatch: bool,
    /// The query is negated.
    pub negated_query: bool,
    /// The document has refuting words of its own (outside the query's terms).
    pub refuting_document: bool,
    /// Similarity of the best statement.
    pub similarity: f32,
    stmt: Stmt,
}

/// Matches queries against analyzed documents.
#[derive(Debug, Clone)]
pub struct Matcher {
    lex: Lexicon,
    idf: Idf,
    related: Option<LinearModel>,
    threshold: Option<f32>,
    stance: Option<LinearModel>,
    stop: std::collections::HashSet<&'static str>,
}

impl Default for Matcher {
    fn default() -> Self {
        Self::new()
    }
}

/// In [`Matcher::match_statements`], a statement is kept only when its similarity is at least
/// this share of the document's most similar statement.
const SIBLING_FLOOR: f32 = 0.3;

/// Similarity threshold used when no `related` model is loaded.
const FALLBACK_THRESHOLD: f32 = 0.4;

impl Matcher {
    /// The matcher with the shipped IDF table and models.
    pub fn new() -> Self {
        Self::with_tables(Idf::parse(idf::SHIPPED), SHIPPED_MODELS)
    }

    /// A matcher with a given IDF table and model text; models whose features do not match
    /// this version's feature lists are ignored (rules and a fixed threshold take their place).
    pub fn with_tables(idf: Idf, models: &str) -> Self {
        let mut related = None;
        let mut stance = None;
        for m in LinearModel::parse_all(models) {
            if m.name == "related" && m.classes == 2 && m.features == stance::RELATED_FEATURES {
                related = Some(m);
            } else if m.name == "stance" && m.classes == 3 && m.features == stance::STANCE_FEATURES {
                stance = Some(m);
            }
        }
        Matcher { lex: Lexicon::new(), idf, related, threshold: None, stance, stop: stopwords().collect() }
    }

    /// Keeps only matches whose `related` probability is at least `p` (default 0.5; higher is
    /// stricter: fewer documents about the same topic that say something else). Without the
    /// related model, `p` is a similarity threshold instead (default 0.4).
    pub fn with_threshold(mut self, p: f32) -> Self {
        self.threshold = Some(p);
        self
    }

    /// Whether both learned models are loaded.
    pub fn has_models(&self) -> bool {
        self.related.is_some() && self.stance.is_some()
    }

    /// Analyzes a query with this matcher's lexicon.
    pub fn parse_query(&self, text: &str) -> Query {
        parse_query_with(text, &self.lex)
    }

    /// Tokenizes a document once; reuse it for many queries.
    pub fn prepare(&self, doc: &Analysis) -> PreparedDoc {
        let chars: Vec<char> = doc.document.text.chars().collect();
        let words = text::EN.words(&chars);
        let mut toks = Vec::with_capacity(words.len());
        let mut buf = String::new();
        let class_keys: Vec<u64> = (1..=16u8).map(|c| hash(Lexicon::class_key(c))).collect();
        for w in &words {
            text::EN.lower(&chars, *w, &mut buf);
            let mut cue = self.lex.get(&buf);
            if w.nt {
                cue.flags |= NEG;
            }
            let content =
                !buf.is_empty() && (cue.class != 0 || (cue.flags & NEG == 0 && !self.stop.contains(buf.as_str())));
            let key = if cue.class != 0 {
                class_keys.get(usize::from(cue.class) - 1).copied().unwrap_or(0)
            } else {
                text::EN.stem_in_place(&mut buf);
                hash(&buf)
            };
            let idf = if !content {
                0.0
            } else if cue.class != 0 {
                CLASS_IDF
            } else {
                self.idf.get(key)
            };
            toks.push(Tok { key, idf, start: w.start, content, cue });
        }
        let mut cum_idf = Vec::with_capacity(toks.len() + 1);
        cum_idf.push(0.0f32);
        let mut acc = 0.0;
        for t in &toks {
            acc += t.idf;
            cum_idf.push(acc);
        }
        let tok_at = |c: u32| toks.partition_point(|t| t.start < c) as u32;
        let sents: Vec<Sent> = text::sentences(&chars)
            .iter()
            .map(|s| Sent {
                lo: tok_at(s.start),
                hi: tok_at(s.end),
                start: s.start,
                end: s.end,
                question: chars[s.start as usize..s.end as usize]
                    .iter()
                    .rev()
                    .find(|c| !matches!(c, '"' | '\'' | '\u{201d}' | '\u{2019}' | ')'))
                    == Some(&'?'),
            })
            .collect();
        let sent_at = |c: u32| sents.partition_point(|s| s.end <= c).min(sents.len().saturating_sub(1));
        let mut stmts: Vec<Stmt> = sents
            .iter()
            .enumerate()
            .map(|(i, s)| Stmt { lo: s.lo, hi: s.hi, start: s.start, end: s.end, sent: i, attr: None })
            .collect();
        let n_chars = chars.len() as u32;
        for (ai, a) in doc.attributions.iter().enumerate() {
            let (s, e) = (a.content.start.min(n_chars), a.content.end.min(n_chars));
            if e <= s || sents.is_empty() {
                continue;
            }
            stmts.push(Stmt { lo: tok_at(s), hi: tok_at(e), start: s, end: e, sent: sent_at(s), attr: Some(ai) });
        }
        PreparedDoc { toks, cum_idf, sents, stmts }
    }

    /// The best statement of `doc` for `q` with both feature vectors, whatever its score;
    /// `None` when the document shares no content word with the query.
    pub fn evidence(&self, q: &Query, prep: &PreparedDoc, doc: &Analysis) -> Option<Evidence> {
        stance::evidence(self, q, prep, doc)
    }

    /// The document's match for `q`, or `None` when no statement says the same.
    pub fn match_document(&self, q: &Query, doc: &Analysis) -> Option<DocMatch> {
        let prep = self.prepare(doc);
        self.match_prepared(q, &prep, doc)
    }

    /// The matches of `q` among `docs`, best first (ties keep the input order, e.g. a search
    /// engine's ranking).
    pub fn match_all<'a>(&self, q: &Query, docs: impl IntoIterator<Item = &'a Analysis>) -> Vec<DocMatch> {
        let mut out: Vec<(usize, DocMatch)> =
            docs.into_iter().enumerate().filter_map(|(i, d)| Some((i, self.match_document(q, d)?))).collect();
        out.sort_by(|a, b| b.1.score.total_cmp(&a.1.score).then(a.0.cmp(&b.0)));
        out.into_iter().map(|(_, m)| m).collect()
    }

    /// [`Matcher::match_document`] over a [`PreparedDoc`] of `doc`.
    ///
    /// The document's stance is that of its best statement (the most similar one; see
    /// [`Matcher::decide`]): one answer per document, as FNC-1 scores it. An article that quotes
    /// several sources with different stances has them all in [`Matcher::match_statements`].
    pub fn match_prepared(&self, q: &Query, prep: &PreparedDoc, doc: &Analysis) -> Option<DocMatch> {
        let ev = self.evidence(q, prep, doc)?;
        let score = self.related_score(&ev)?;
        let stance = self.decide(&ev);
        Some(self.doc_match(doc, &ev, score, stance))
    }

    /// Every statement of `doc` that says the same as `q` (passes the same threshold as
    /// [`Matcher::match_document`]), each with its own source and stance toward the query, best
    /// first: each attribution's content, and each sentence of the article's own voice (one
    /// that holds no attribution content). An attributed statement's stance is its source's
    /// combined with its polarity against the query ("X said they met" denies "they did not
    /// meet"); an own-voice statement's is the article's voice in that statement (refuting
    /// words deny, hedging words or a question hedge, else it asserts) combined the same way.
    /// Both are the rule stance of [`Evidence`]: local to the statement, so two statements of
    /// one article can disagree, and a negated query gets exactly the opposite answers. The
    /// stance model, which weighs the whole article, decides only the one-per-document answer
    /// of [`Matcher::match_document`].
    pub fn match_statements(&self, q: &Query, prep: &PreparedDoc, doc: &Analysis) -> Vec<DocMatch> {
        let Some(ctx) = stance::context(self, q, prep, doc) else {
            return Vec::new();
        };
        let n_sents = prep.sents.len();
        // sentences that hold (part of) an attribution's content are not the article's voice
        let mut quoted = vec![false; n_sents];
        for st in &prep.stmts[n_sents..] {
            let mut i = st.sent;
            while i < n_sents && prep.sents[i].start < st.end {
                quoted[i] = true;
                i += 1;
            }
        }
        // a statement that shares a word or two with the query while a sibling says it all is
        // about something else ("Soleimani met Putin" beside "Lavrov met Khamenei")
        let floor = (0..prep.stmts.len())
            .filter(|&i| prep.stmts[i].attr.is_some() || !quoted[prep.stmts[i].sent])
            .map(|i| ctx.scores[i].sim)
            .fold(0.0f32, f32::max)
            * SIBLING_FLOOR;
        let mut out: Vec<(usize, DocMatch)> = Vec::new();
        for (i, st) in prep.stmts.iter().enumerate() {
            let sim = ctx.scores[i].sim;
            if sim <= 0.0 || sim < floor || (st.attr.is_none() && quoted[st.sent]) {
                continue;
            }
            let ev = stance::evidence_at(&ctx, i);
            let Some(score) = self.related_score(&ev) else {
                continue;
            };
            let m = self.doc_match(doc, &ev, score, ev.rule);
            if !q.speaker.is_empty()
                && (m.attribution.is_none() || !m.source.as_deref().is_some_and(|s| is_speaker(s, &q.speaker)))
            {
                continue;
            }
            out.push((i, m));
        }
        out.sort_by(|a, b| b.1.score.total_cmp(&a.1.score).then(a.0.cmp(&b.0)));
        out.into_iter().map(|(_, m)| m).collect()
    }

    /// The ranking score of a piece of evidence, or `None` below the threshold. Kept when the
    /// related model's probability reaches the threshold (even odds by default). The score
    /// ranks: the model's log-odds softened (divided by 4, so strong matches do not all round
    /// to 1.0), times the statement's similarity (so the closer wording ranks first among
    /// related ones).
    fn related_score(&self, ev: &Evidence) -> Option<f32> {
        let (keep, score) = match &self.related {
            Some(m) => {
                let z = m.scores(&ev.related);
                let logit = z[1] - z[0];
                let p = 1.0 / (1.0 + (-logit).exp());
                let soft = 1.0 / (1.0 + (-logit / 4.0).exp());
                (p >= self.threshold.unwrap_or(0.5), soft * (0.5 + 0.5 * ev.similarity))
            }
            None => (ev.similarity >= self.threshold.unwrap_or(FALLBACK_THRESHOLD), ev.similarity),
        };
        keep.then_some(score)
    }

    fn doc_match(&self, doc: &Analysis, ev: &Evidence, score: f32, stance: Stance) -> DocMatch {
        let attr = ev.stmt.attr.and_then(|i| doc.attributions.get(i));
        let source = match (attr, ev.stmt.attr) {
            (Some(a), Some(ai)) => a.source.as_ref().map(|s| match &s.name {
                Some(name) => name.clone(),
                None if is_person_pronoun(&s.text) => antecedent(doc, ai).unwrap_or_else(|| s.text.clone()),
                None => s.text.clone(),
            }),
            _ => doc.document.outlet.clone(),
        };
        let quote: String = doc
            .document
            .text
            .chars()
            .skip(ev.stmt.start as usize)
            .take((ev.stmt.end - ev.stmt.start) as usize)
            .collect();
        DocMatch {
            doc_id: doc.document.id.clone(),
            score,
            stance,
            source,
            quote,
            span: [ev.stmt.start, ev.stmt.end],
            claim: attr.and_then(|a| a.claim.clone()),
            attribution: attr.map(|a| a.id.clone()),
        }
    }

    /// The stance of a piece of evidence. Explicit evidence in the statement itself decides (the
    /// rule stance): a source that says it does not know, a source that denies it, a statement
    /// whose own negation or antonym opposes the query ("is genuine" against "is a fake").
    /// A negated query against a plainly positive statement is denied by the rule only when the
    /// document refutes nothing: a document that calls things false often restates the rumour
    /// it debunks, and the stance model weighs that. Otherwise the stance model weighs the
    /// statement's neighbourhood and the whole document; the rule when no model is loaded.
    pub fn decide(&self, ev: &Evidence) -> Stance {
        let attributed = ev.stmt.attr.is_some();
        let explicit_mismatch = ev.mismatch && (!ev.negated_query || !ev.refuting_document);
        if ev.rule == Stance::NoKnowledge || explicit_mismatch || (attributed && ev.source == Stance::Denies) {
            return ev.rule;
        }
        match &self.stance {
            Some(m) => stance::CLASSES[m.predict(&ev.stance)],
            None => ev.rule,
        }
    }
}

/// "he" or "she" as a whole source.
fn is_person_pronoun(text: &str) -> bool {
    let t = text.trim();
    t.eq_ignore_ascii_case("he") || t.eq_ignore_ascii_case("she")
}

/// The source a "he"/"she" source of attribution `ai` most likely stands for: the nearest
/// earlier attribution's source that is not a pronoun, within the two sentences before
/// (the same speaker goes on: "X told Reuters ... He said ...").
fn antecedent(doc: &Analysis, ai: usize) -> Option<String> {
    let this = doc.attributions.get(ai)?.source.as_ref()?.start;
    let text = &doc.document.text;
    doc.attributions
        .iter()
        .filter_map(|a| a.source.as_ref())
        .filter(|s| s.end <= this && !is_person_pronoun(&s.text))
        .max_by_key(|s| s.end)
        .filter(|s| {
            // at most two sentence ends (and a few hundred words) between the antecedent and
            // the pronoun
            let gap = (this - s.end) as usize;
            gap <= 2000
                && text.chars().skip(s.end as usize).take(gap).filter(|c| matches!(c, '.' | '!' | '?')).count() <= 2
        })
        .map(|s| s.name.clone().unwrap_or_else(|| s.text.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_terms_and_polarity() {
        let cases: &[(&str, &[&str], bool, u32)] = &[
            ("The photo is a fake", &["photo", "#authentic"], false, 0),
            ("The photo is not genuine", &["photo", "#authentic"], true, 0),
            ("He is not, as far as we know", &["far", "know"], true, 0),
            ("Was it true or not?", &["#authentic"], false, 0),
            ("The mayor of Springfield resigned on Tuesday", &["mayor", "springfield", "resign", "tuesday"], false, 0),
            ("Reportedly, 12 miners are alive", &["12", "miner", "#alive"], false, 1),
            ("Nobody was hurt", &["hurt"], true, 0),
            ("", &[], false, 0),
        ];
        for &(text, keys, negative, hedging) in cases {
            let q = parse_query(text);
            let got: Vec<&str> = q.terms.iter().map(|t| t.key.as_str()).collect();
            assert_eq!(got, keys, "{text}");
            assert_eq!(q.negative(), negative, "{text}");
            assert_eq!(q.hedging, hedging, "{text}");
        }
        assert_eq!(parse_query("The photo is a fake, a hoax").class_sign(1), -1);
        assert_eq!(parse_query("The real photo is not fake").class_sign(1), 1);
        assert_eq!(parse_query("A real hoax").class_sign(1), 1);
        assert_eq!(parse_query("The photo").class_sign(1), 0);
        // a query about what someone said
        let cases: &[(&str, &[&str])] = &[
            ("Peskov confirmed the visit", &["peskov"]),
            ("The Kremlin denied the talks took place", &["kremlin"]),
            ("Maria Zakharova said the meeting never happened", &["maria", "zakharova"]),
            ("The visit was confirmed", &[]),
            ("Experts say the photo is fake", &[]),
            ("Lavrov met Khamenei", &[]),
            ("Peskov confirmed", &[]),
            ("", &[]),
        ];
        for &(text, want) in cases {
            assert_eq!(parse_query(text).speaker, want, "{text}");
        }
        let q = parse_query("Acme Corp buys Widget Inc for 5 billion dollars");
        assert_eq!(search_terms(&q), ["acme", "corp", "buys", "widget", "inc", "5", "billion", "dollars"]);
        assert!(q.terms[1].name && !q.terms[0].name && q.terms[5].number);
        assert_eq!(q.bigrams.len(), 7);
    }
}

#[cfg(test)]
mod match_tests {
    use super::*;
    use claimtrail_core::Meta;
    use claimtrail_pipeline::Pipeline;

    fn analyze(text: &str) -> Analysis {
        let doc = Pipeline::new().analyze(Meta { id: "t".into(), ..Meta::default() }, text).unwrap();
        Analysis::from_document(&doc)
    }

    #[test]
    fn stance_toward_the_query_as_written() {
        // (query, article, expected stance, words the matched statement contains)
        let cases: &[(&str, &str, Stance, &str)] = &[
            (
                "The photo of the flooded museum is a fake",
                "The photo of the flooded museum is genuine, experts concluded after a long review. \
                 The museum reopened on Friday.",
                Stance::Denies,
                "genuine",
            ),
            (
                "The photo of the flooded museum is a fake",
                "The viral photo of the flooded museum is a fake. It was edited from a picture taken in 2009.",
                Stance::Asserts,
                "fake",
            ),
            (
                "The photo of the flooded museum is genuine",
                "The viral photo of the flooded museum is not genuine. It was edited from a picture taken in 2009.",
                Stance::Denies,
                "not genuine",
            ),
            (
                "Farmers in the valley will not receive drought subsidies",
                "Farmers in the valley will receive drought subsidies next month. The payments start in May.",
                Stance::Denies,
                "subsidies",
            ),
            (
                "The singer Lara Voss died in a car crash",
                "The singer Lara Voss is alive and well. A hoax story claimed she died in a car crash, \
                 but her agent posted a new photo of her on Tuesday.",
                Stance::Denies,
                "Voss",
            ),
            (
                "The harbour bridge in Tarnow will close for repairs",
                "The harbour bridge in Tarnow will close for repairs in June. The city council approved \
                 the plan on Monday after engineers found cracks in two pillars.",
                Stance::Asserts,
                "close for repairs",
            ),
        ];
        let m = Matcher::new();
        for &(query, text, want, contains) in cases {
            let doc = analyze(text);
            let got = m.match_document(&m.parse_query(query), &doc);
            let got = got.unwrap_or_else(|| panic!("no match: {query} / {text}"));
            assert_eq!(got.stance, want, "{query} / {text}: {got:?}");
            assert!(got.quote.contains(contains), "{query}: {got:?}");
            let span: String =
                text.chars().skip(got.span[0] as usize).take((got.span[1] - got.span[0]) as usize).collect();
            assert_eq!(span, got.quote);
            assert!(got.score > 0.0 && got.score <= 1.0);
        }
    }

    #[test]
    fn who_says_it() {
        // (query, article, stance, source contains)
        let cases: &[(&str, &str, Stance, &str)] = &[
            (
                "The Orlen dam cracked during the storm",
                "The Orlen dam cracked during the storm, engineers said on Sunday. Repairs will take a month.",
                Stance::Asserts,
                "engineers",
            ),
            (
                "The Orlen dam cracked during the storm",
                "The regional water authority denied that the Orlen dam cracked during the storm. \
                 Inspectors found no damage.",
                Stance::Denies,
                "authority",
            ),
            (
                "The Orlen dam cracked during the storm",
                "The Orlen dam reportedly cracked during the storm, though no official has confirmed it.",
                Stance::Hedges,
                "",
            ),
            (
                "The Orlen dam cracked during the storm",
                "Police said the Orlen dam did not crack during the storm. Traffic resumed on the road.",
                Stance::Denies,
                "Police",
            ),
            (
                "The Orlen dam cracked during the storm",
                "The ministry said it has no information on whether the Orlen dam cracked during the storm.",
                Stance::NoKnowledge,
                "ministry",
            ),
            (
                "The Orlen dam did not crack during the storm",
                "Police said the Orlen dam did not crack during the storm. Traffic resumed on the road.",
                Stance::Asserts,
                "Police",
            ),
        ];
        let m = Matcher::new();
        for &(query, text, want, source) in cases {
            let doc = analyze(text);
            let got = m.match_document(&m.parse_query(query), &doc).unwrap_or_else(|| panic!("no match: {text}"));
            assert_eq!(got.stance, want, "{text}: {got:?}");
            assert!(got.source.as_deref().unwrap_or("").contains(source), "{text}: {got:?}");
        }
    }

    #[test]
    fn unrelated_documents_do_not_match() {
        let m = Matcher::new();
        let q = m.parse_query("The photo of the flooded museum is a fake");
        for text in [
            "Wheat prices rose sharply on Monday as traders worried about the harvest.",
            "A new bakery opened on Main Street, selling rye bread and pastries.",
        ] {
            assert_eq!(m.match_document(&q, &analyze(text)), None, "{text}");
        }
        assert_eq!(m.match_document(&m.parse_query(""), &analyze("Anything at all.")), None);
        assert_eq!(m.match_document(&m.parse_query("the of and"), &analyze("The end of it.")), None);
    }

    #[test]
    fn match_all_ranks_best_first() {
        let m = Matcher::new();
        let docs = [
            "Bakers in Lyon went on strike over flour prices.",
            "The harbour bridge in Tarnow will close for repairs in June, the council said.",
            "Tarnow residents discussed the harbour and the old bridge at a meeting about tourism and repairs.",
        ]
        .map(analyze);
        let got = m.match_all(&m.parse_query("The harbour bridge in Tarnow will close for repairs"), &docs);
        assert!(!got.is_empty());
        assert!(got.windows(2).all(|w| w[0].score >= w[1].score));
        assert!(got[0].quote.contains("will close for repairs"), "{got:?}");
        assert!(got.iter().all(|g| !g.quote.contains("Bakers")));
    }

    /// (source words, stance) of every statement `match_statements` keeps.
    fn statements(m: &Matcher, query: &str, text: &str) -> Vec<(String, Stance, String)> {
        let doc = analyze(text);
        let prep = m.prepare(&doc);
        m.match_statements(&m.parse_query(query), &prep, &doc)
            .into_iter()
            .map(|s| (s.source.unwrap_or_default(), s.stance, s.quote))
            .collect()
    }

    #[test]
    fn negation_bears_on_inflected_words() {
        // (query, article, source, stance of that source's statement toward the query)
        let cases: &[(&str, &str, &str, Stance)] = &[
            (
                "The envoy did not meet the rebel commander",
                "Officials said the envoy met the rebel commander in Geneva. Talks resume next week.",
                "Officials",
                Stance::Denies,
            ),
            (
                "The envoy did not meet the rebel commander",
                "Diplomats said the meeting of the envoy and the rebel commander lasted two hours.",
                "Diplomats",
                Stance::Denies,
            ),
            (
                "The envoy met the rebel commander",
                "The ministry said the envoy has never met the rebel commander. Talks resume next week.",
                "ministry",
                Stance::Denies,
            ),
            (
                "The envoy never met the rebel commander",
                "The ministry said the envoy did not meet the rebel commander. Talks resume next week.",
                "ministry",
                Stance::Asserts,
            ),
            (
                "The minister visited the flooded villages",
                "The minister has not visited the flooded villages, his spokesman said on Monday.",
                "spokesman",
                Stance::Denies,
            ),
            (
                "The minister did not visit the flooded villages",
                "Residents said the minister visits the flooded villages every week.",
                "Residents",
                Stance::Denies,
            ),
            (
                "The drone flew over the border",
                "The army said the drone did not fly over the border. Patrols continue.",
                "army",
                Stance::Denies,
            ),
        ];
        let m = Matcher::new();
        for &(query, text, source, want) in cases {
            let got = statements(&m, query, text);
            assert!(
                got.iter().any(|(s, stance, _)| s.contains(source) && *stance == want),
                "{query} / {text}: {got:?}"
            );
        }
    }

    #[test]
    fn every_source_of_an_article_has_its_own_stance() {
        let text = "Police said the mayor met the smuggler in March. \
                    The mayor's spokeswoman denied that the mayor met the smuggler. \
                    The city council will discuss the budget on Friday.";
        // (query, [(source words, stance)])
        let cases: &[(&str, &[(&str, Stance)])] = &[
            ("The mayor met the smuggler", &[("Police", Stance::Asserts), ("spokeswoman", Stance::Denies)]),
            ("The mayor did not meet the smuggler", &[("Police", Stance::Denies), ("spokeswoman", Stance::Asserts)]),
            ("The mayor never had a meeting with the smuggler", &[("Police", Stance::Denies)]),
        ];
        let m = Matcher::new();
        // a query about what one source said keeps that source's statements only
        let named = "Police chief Anna Berg said the mayor met the smuggler in March. \
                     The mayor's spokeswoman denied that the mayor met the smuggler.";
        let got = statements(&m, "Anna Berg confirmed the mayor met the smuggler", named);
        assert!(!got.is_empty() && got.iter().all(|(s, _, _)| s.contains("Berg")), "{got:?}");
        assert!(statements(&m, "The mayor met the smuggler", named).len() >= 2);
        // a "he" goes on for the source before it
        let got = statements(
            &m,
            "The mayor met the smuggler",
            "A former aide told reporters that the mayor met the smuggler twice. \
             He said the mayor met the smuggler at a hotel in March.",
        );
        assert!(got.len() >= 2 && got.iter().all(|(s, _, _)| s.contains("aide")), "{got:?}");
        for &(query, want) in cases {
            let got = statements(&m, query, text);
            for &(source, stance) in want {
                assert!(got.iter().any(|(s, st, _)| s.contains(source) && *st == stance), "{query}: {got:?}");
            }
            assert!(got.iter().all(|(_, _, q)| !q.contains("budget")), "{query}: {got:?}");
            // the document-level answer is one of them
            let one = m.match_document(&m.parse_query(query), &analyze(text)).unwrap();
            assert!(got.iter().any(|(_, _, q)| *q == one.quote), "{query}: {one:?}");
        }
        // a negated query gets exactly the opposite answers, statement by statement
        let flip = |s: Stance| match s {
            Stance::Asserts => Stance::Denies,
            Stance::Denies => Stance::Asserts,
            s => s,
        };
        for article in [
            text,
            "Rumours that the mayor met the smuggler spread online. The mayor met the smuggler, a blog claimed, \
             but no evidence was shown. Reporters found nothing to support the story.",
        ] {
            let pos = statements(&m, "The mayor met the smuggler", article);
            let neg = statements(&m, "The mayor did not meet the smuggler", article);
            assert!(!pos.is_empty(), "{article}");
            let flipped: Vec<_> = pos.iter().map(|(s, st, q)| (s.clone(), flip(*st), q.clone())).collect();
            assert_eq!(neg, flipped, "{article}");
        }
        let unrelated = "Wheat prices rose sharply on Monday as traders worried about the harvest.";
        assert!(statements(&m, "The mayor met the smuggler", unrelated).is_empty());
        assert!(statements(&m, "", text).is_empty());
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        let m = Matcher::new();
        let long = "The committee said the plan is sound. ".repeat(2000);
        for text in ["\"", "?!?!", "«»“”’", "a\n\n\n\nb", long.as_str(), "x. Y. z? \"Q.\" (R.)"] {
            let doc = analyze(text);
            let prep = m.prepare(&doc);
            for q in ["", "\"", "the plan is sound", "plan plan plan not not"] {
                let _ = m.match_document(&m.parse_query(q), &doc);
                let _ = m.match_statements(&m.parse_query(q), &prep, &doc);
            }
        }
    }
}
