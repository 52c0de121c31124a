//! Finding attribution spans: cue, source, content, via hops, form.
//!
//! One pass per sentence (long sentences are read in windows of `MAX_SENTENCE_TOKENS`
//! tokens, so the work stays linear in the article):
//!
//! 1. **Cues.** Words that the lexicon mined from PolNeAR train (`cues.tsv`) has seen inside
//!    gold cues are candidates; an averaged perceptron ([`cuemodel`], `models/attr_cue.bin`)
//!    over the word, its neighbours, quotation context and the phrase left of it decides.
//!    Fixed patterns always count ("according to", "quoted by", "cited by", "citing",
//!    "reportedly"), and so does a speech verb right before a quotation, "that" or a colon.
//!    Adjacent cue words make one cue; "said in a statement" is one cue. Speaker labels
//!    ("WALLACE: ...", "Pence: ...") and signatures ("“...” ― Jane Doe") are cues too.
//! 2. **Source.** The noun phrase left of the cue (skipping auxiliaries, adverbs and short
//!    time phrases: "has also said", "on Monday announced"; across appositions: "Smith, a
//!    lawyer, said"; a relative pronoun as written: "who said"), or right of an inverted cue
//!    ("”, said the spokesman"), or after "according to" / a passive "by". Participles and
//!    coordinated cues (", adding that", "and criticized") take the previous cue's source or
//!    the subject of the sentence. Agentless passives ("was criticized for") have none.
//! 3. **Content.** The material before ", X said" / "”, X said" (back to the opening quote,
//!    across sentences when a quotation spans them, and on over the quotations that continue
//!    it), or the clause after the cue (after "that", after the addressee of "told", after a
//!    colon), ending at the sentence end, at a new clause for verbs of thought ("criticized
//!    the plan, which ..."), or at the close of a quotation opened right after the cue.
//!    "This was stated by X" takes the previous sentence.
//! 4. **Relays.** "X, quoted by Y, said ..." and "Y, citing X, said ..." become one
//!    attribution with source X and via `[Y]`; a hedge ("reportedly") or a verb of thought
//!    inside another attribution's content is left to that content.
//!
//! Quotation marks are paired once per document (double marks only, reset per paragraph), so
//! an odd number of marks only shortens or drops a quotation, never breaks anything.

use claimtrail_core::{Document, Form, QuoteKind, TextRange, Token, TokenKind, Upos};

use super::RawAttribution;

#[path = "cuemodel.rs"]
pub mod cuemodel;
#[path = "cues.rs"]
pub(crate) mod cues;
use cuemodel::CueModel;
use cues::CueClass;

/// Finds the attributions of `doc` (which has sentences, tokens, mentions and times) with the
/// English bundle's cue classifier.
pub fn extract(doc: &Document) -> Vec<RawAttribution> {
    extract_with(doc, CueModel::embedded())
}

/// Finds the attributions of `doc` with the cue classifier `model`.
pub fn extract_with(doc: &Document, model: &CueModel) -> Vec<RawAttribution> {
    let text = doc.text();
    if doc.tokens.is_empty() {
        return Vec::new();
    }
    let lower = lowercase_keeping_acronyms(text, &doc.tokens);
    let ctx = Ctx::new(text, &lower, &doc.tokens, &doc.pos, Some(model));
    let mut out = Vec::new();
    // token end of each sentence's paragraph
    let mut par_end = vec![0usize; doc.sentences.len()];
    for si in (0..doc.sentences.len()).rev() {
        let s = &doc.sentences[si];
        par_end[si] = match doc.sentences.get(si + 1) {
            Some(n) if n.paragraph == s.paragraph => par_end[si + 1],
            _ => s.tokens.end as usize,
        };
    }
    let mut par_start = 0usize;
    for (si, s) in doc.sentences.iter().enumerate() {
        let (a, b) = (s.tokens.start as usize, s.tokens.end as usize);
        if si == 0 || doc.sentences[si - 1].paragraph != s.paragraph {
            par_start = a;
        }
        if a < b && b <= doc.tokens.len() {
            if let Some(att) = ctx.label_cue(a, b, par_end[si].min(doc.tokens.len())) {
                out.push(att);
            }
            if let Some(att) = ctx.trailing_label(a, b, par_start) {
                out.push(att);
            }
            // very long "sentences" (lists, tables, unpunctuated text) are read in windows,
            // which keeps the per-sentence work bounded
            let mut w0 = a;
            while w0 < b {
                let w1 = (w0 + MAX_SENTENCE_TOKENS).min(b);
                ctx.par_end.set(par_end[si].min(doc.tokens.len()));
                ctx.sentence(w0, w1, &mut out);
                w0 = w1;
            }
            ctx.prev_sentence.set(Some((a, b)));
        }
    }
    let cont = ctx.continuations(doc, &out);
    out.extend(cont);
    out
}

/// Acronyms spelled like function words that stay upper case in the lowercased text, so that no
/// word list reads "WHO spokesman Tarik Jasarevic" as a relative clause. ("US" is left out: the
/// word lists do not stop at "us", and the cue classifier learned it lowercased.)
const ACRONYMS: &[&str] = &["WHO"];

/// The ASCII-lowercased text, except for [`ACRONYMS`] in text that is not all capitals around
/// them ("WHO spokesman Tarik Jasarevic said"; a shouting headline "WHO SAID IT" is lowercased).
fn lowercase_keeping_acronyms(text: &str, toks: &[Token]) -> String {
    let mut lower = text.to_ascii_lowercase();
    let shouting = |k: usize| {
        toks.get(k).is_some_and(|t| {
            let w = &text[t.range];
            w.len() > 1 && w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase)
        })
    };
    for (i, t) in toks.iter().enumerate() {
        let w = &text[t.range];
        if ACRONYMS.contains(&w) && !(i > 0 && shouting(i - 1)) && !shouting(i + 1) {
            let r = t.range.start() as usize..t.range.end() as usize;
            lower.replace_range(r, w);
        }
    }
    lower
}

/// Appends the cue-classifier training examples of a segmented document: one per candidate
/// word, labelled by whether it overlaps one of `gold_cues`.
pub fn cue_examples(doc: &Document, gold_cues: &[TextRange], out: &mut Vec<(Vec<u32>, bool)>) {
    let text = doc.text();
    let lower = lowercase_keeping_acronyms(text, &doc.tokens);
    // (features only: no classifier decides here)
    let ctx = Ctx::new(text, &lower, &doc.tokens, &doc.pos, None);
    for s in &doc.sentences {
        let (a, b) = (s.tokens.start as usize, s.tokens.end as usize);
        for i in a..b.min(doc.tokens.len()) {
            if ctx.is_word(i) && cues::candidate(ctx.w(i)).is_some() {
                let mut f = Vec::with_capacity(32);
                ctx.cue_features(i, a, b, &mut f);
                let y = gold_cues.iter().any(|g| g.overlaps(doc.tokens[i].range));
                out.push((f, y));
            }
        }
    }
}

/// Trains the cue classifier on examples from [`cue_examples`]; returns the model bytes
/// (to be written to `crates/claimtrail-pipeline/models/attr_cue.bin`).
pub fn train_cue_model(examples: &[(Vec<u32>, bool)], epochs: usize) -> Vec<u8> {
    cuemodel::train(examples, epochs).to_bytes()
}

/// Longest token window read as one sentence.
const MAX_SENTENCE_TOKENS: usize = 200;

/// Per-document view: token texts, lowercase texts, quotation regions.
struct Ctx<'a> {
    text: &'a str,
    lower: &'a str,
    toks: &'a [Token],
    /// Part-of-speech tag of each token (empty when the document has none).
    pos: &'a [Upos],
    /// For each token inside a quotation (or on its marks): `(open, close)` token indices.
    quote: Vec<Option<(u32, u32)>>,
    /// The cue classifier, when one is embedded.
    model: Option<&'a CueModel>,
    /// Feature buffer.
    scratch: std::cell::RefCell<Vec<u32>>,
    /// Tokens of the sentence before the current one, for "This was stated by ...".
    prev_sentence: std::cell::Cell<Option<(usize, usize)>>,
    /// End token of the current sentence's paragraph, for "X added:" before a new sentence.
    par_end: std::cell::Cell<usize>,
}

/// Classifier score above which a candidate word is a cue.
const CUE_THRESHOLD: f32 = 0.0;

/// Participles of belief whose passive raises the subject of what is believed ("is believed
/// to be", "are thought to have"): a statement with no one who holds it.
fn is_be(w: &str) -> bool {
    matches!(w, "is" | "are" | "was" | "were" | "be" | "been" | "'s" | "’s")
}

pub(crate) fn is_passive_belief(w: &str) -> bool {
    matches!(w, "believed" | "thought" | "rumoured" | "rumored" | "understood" | "feared" | "suspected" | "presumed")
}

pub(crate) fn is_double_quote(s: &str) -> bool {
    matches!(s, "\"" | "“" | "”" | "„" | "«" | "»" | "``" | "''")
}

/// Words that end a noun phrase going left from a cue.
const LEFT_STOP: &[&str] = &[
    "that", "which", "who", "whom", "whose", "and", "but", "because", "as", "while", "when", "if", "although",
    "though", "since", "after", "before", "where", "whether", "than", "so", "or", "what", "how", "why", "until",
    "unless", "once", "even", "to", "from", "for", "by", "into", "about", "toward", "like", "upon", "without",
    "against", "with", "said", "says", "say", "told", "is", "was", "are", "were", "this", "there",
];

/// Auxiliaries and adverbs skipped between a source and its cue.
const SKIP_LEFT: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "later",
    "then",
    "previously",
    "repeatedly",
    "recently",
    "publicly",
    "would",
    "will",
    "could",
    "can",
    "may",
    "might",
    "should",
    "must",
    "did",
    "does",
    "do",
    "not",
    "yet",
    "n't",
    "never",
    "always",
    "often",
    "still",
    "again",
    "already",
    "just",
    "only",
    "further",
    "first",
    "initially",
    "'s",
    "'ve",
    "'d",
    "'ll",
    "ever",
    "frequently",
    "privately",
    "openly",
    "separately",
    "directly",
    "flatly",
    "strongly",
    "explicitly",
    "simply",
    "earlier",
    "today",
    "yesterday",
    "tonight",
    "reportedly",
    "allegedly",
    "once",
    "famously",
    "clearly",
    "quickly",
    "immediately",
    "finally",
    "subsequently",
    "consistently",
    "continually",
    "similarly",
    "likewise",
    "personally",
    "even",
    "himself",
    "herself",
    "themselves",
    "itself",
    "been",
    "being",
    "is",
    "are",
    "was",
    "were",
    "’s",
    "’ve",
    "’d",
    "’ll",
    "n’t",
    "’re",
    "'re",
    "’m",
    "'m",
    "am",
    "now",
    "currently",
    "actually",
    "really",
    "certainly",
    "probably",
    "also",
    "all",
    "both",
    "each",
];

/// Verbs whose addressee comes before the content ("told reporters that").
const ADDRESSEE_VERBS: &[&str] = &[
    "told",
    "tell",
    "tells",
    "telling",
    "asked",
    "ask",
    "asks",
    "asking",
    "urged",
    "urging",
    "warned",
    "warning",
    "assured",
    "informed",
    "reminded",
    "promised",
    "advised",
    "convinced",
    "persuaded",
    "begged",
    "pressed",
];

/// Words that may stand between a cue and "that" ("said on Monday that", "told CNN that").
const MAX_THAT_GAP: usize = 8;

/// The source of the sentence's main statement so far: the last earlier statement whose source
/// is no part of another's content ("Perdue said he didn't believe it, arguing that X": Perdue
/// argues, not the "he" of the reported belief).
fn main_source(prev: &[RawAttribution], text: &str) -> Option<TextRange> {
    // (after a participle's statement, its speaker: "reported Kurdish sources denying the
    // claims, saying X")
    if let Some(last) = prev.last().filter(|p| text[p.cue.start() as usize..p.cue.end() as usize].ends_with("ing")) {
        if last.source.is_some() {
            return last.source;
        }
    }
    prev.iter()
        .rev()
        .filter_map(|p| p.source)
        .find(|&s| !prev.iter().any(|q| q.content.contains_range(s)))
        .or_else(|| prev.last().and_then(|p| p.source))
}

/// Day names and other words that close a short time phrase ("on Monday", "last week").
fn is_time_word(w: &str) -> bool {
    crate::time::is_day_name(w)
        || matches!(
            w,
            "week" | "month" | "year" | "night" | "morning" | "afternoon" | "evening" | "weekend" | "tonight" | "today"
        )
}

/// A crude English stem for features: "demanding", "demanded", "demands" -> "demand".
fn crude_stem(w: &str) -> &str {
    for suf in ["ing", "ed", "es", "s"] {
        if let Some(st) = w.strip_suffix(suf) {
            if st.len() >= 3 {
                return st;
            }
        }
    }
    w
}

/// Prepositions whose object is never the subject of the cue after it ("violence against
/// people who said"); not "by" ("A statement by Boeing given by spokesman X said" is X's).
const OBJECT_PREPOSITIONS: &[&str] =
    &["to", "from", "for", "into", "about", "toward", "like", "upon", "without", "against", "with"];

/// `w` is one of `list`.
fn in_list(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

impl<'a> Ctx<'a> {
    /// The context of one document; `model` is the cue classifier (an all-zero one counts as none).
    fn new(text: &'a str, lower: &'a str, toks: &'a [Token], pos: &'a [Upos], model: Option<&'a CueModel>) -> Self {
        let mut quote = vec![None; toks.len()];
        let mut open: Option<usize> = None;
        let mut prev_par: Option<u32> = None;
        // Paragraph of a token via its sentence is not at hand here; a newline in the gap is used.
        let mut par = 0u32;
        for i in 0..toks.len() {
            if i > 0 && text[toks[i - 1].range.end() as usize..toks[i].range.start() as usize].contains('\n') {
                par += 1;
            }
            if prev_par != Some(par) {
                if let Some(o) = open.take() {
                    // An unclosed quotation ends with its paragraph (news style for quotes
                    // running over paragraphs: no closing mark at the paragraph end).
                    let close = i - 1;
                    for q in &mut quote[o..=close] {
                        *q = Some((o as u32, close as u32));
                    }
                }
                prev_par = Some(par);
            }
            let TokenKind::Quote(kind) = toks[i].kind else { continue };
            if !is_double_quote(&text[toks[i].range]) {
                continue;
            }
            let opens = match kind {
                QuoteKind::Open => true,
                QuoteKind::Close => false,
                QuoteKind::Ambiguous => open.is_none(),
            };
            match (opens, open) {
                (true, None) => open = Some(i),
                (true, Some(_)) => open = Some(i), // a stray opener: restart
                (false, Some(o)) => {
                    for q in &mut quote[o..=i] {
                        *q = Some((o as u32, i as u32));
                    }
                    open = None;
                }
                (false, None) => {}
            }
        }
        if let Some(o) = open {
            let close = toks.len() - 1;
            for q in &mut quote[o..=close] {
                *q = Some((o as u32, close as u32));
            }
        }
        let model = model.filter(|m| !m.is_empty());
        Ctx {
            text,
            lower,
            toks,
            pos,
            quote,
            model,
            scratch: std::cell::RefCell::new(Vec::with_capacity(32)),
            prev_sentence: std::cell::Cell::new(None),
            par_end: std::cell::Cell::new(0),
        }
    }

    /// Quotations that go on in the voice of the speaker quoted just before: a sentence (or a
    /// run of sentences, or a whole paragraph) that is nothing but a quotation, with no cue of its
    /// own, right after a sentence with one speaker ("The girls, he added, had all been married
    /// off. “They have now memorized two chapters of the Quran.”"; a quotation running on into the
    /// next paragraph). Each becomes a direct statement of that source (cue: its opening mark).
    /// A quotation after a sentence with two speakers or with no source is left alone.
    fn continuations(&self, doc: &Document, out: &[RawAttribution]) -> Vec<RawAttribution> {
        let sents = &doc.sentences;
        let n = self.toks.len();
        let mut found: Vec<RawAttribution> = Vec::new();
        // the statement the previous sentence continues: (its last sentence index, antecedent)
        let mut last: Option<(usize, RawAttribution)> = None;
        let mut si = 0;
        while si < sents.len() {
            let (a, b) = (sents[si].tokens.start as usize, (sents[si].tokens.end as usize).min(n));
            let next = si + 1;
            if a >= b {
                si = next;
                continue;
            }
            let tok_range = |x: usize, y: usize| self.range(x, y - 1);
            // the one quoting speaker of sentence `k` (attributions whose cue lies in it)
            let speaker_of = |k: usize| -> Option<RawAttribution> {
                let (ka, kb) = (sents[k].tokens.start as usize, (sents[k].tokens.end as usize).min(n));
                if ka >= kb {
                    return None;
                }
                let span = tok_range(ka, kb);
                let tail = self.toks[kb - 1].range;
                let here: Vec<&RawAttribution> =
                    out.iter().filter(|r| span.contains_range(r.cue) || r.content.contains_range(tail)).collect();
                let nearest = here.last()?;
                // (not after a caption or speaker label, "DUMPED: The penis was left in the
                // road": a pull quote after a caption is not the caption's)
                if !doc.slice(nearest.cue).chars().any(char::is_alphabetic) {
                    return None;
                }
                let src = nearest.source?;
                let same = here.iter().all(|r| r.source.is_some_and(|s| doc.slice(s) == doc.slice(src)));
                same.then(|| (*nearest).clone())
            };
            // a quotation opening at the sentence start
            let bare = self.is_quote(a) && self.quote[a].is_some_and(|(o, _)| o as usize == a);
            if !bare {
                last = None;
                si = next;
                continue;
            }
            let (_, c) = self.quote[a].unwrap();
            let c = c as usize;
            // the sentence holding the close, which must end there (or in punctuation after it)
            let Some(sj) = (si..sents.len()).find(|&k| (sents[k].tokens.end as usize) > c) else { break };
            let end = (sents[sj].tokens.end as usize).min(n);
            let ends_here = (c + 1..end).all(|k| !self.is_word(k) && !self.is_quote(k));
            let quote_range = self.range(a, c);
            let span = tok_range(a, end);
            let own_cue = out.iter().any(|r| span.contains_range(r.cue) || r.content.overlaps(quote_range));
            let ante = match &last {
                Some((k, r)) if *k + 1 == si => Some(r.clone()),
                _ if si > 0 => speaker_of(si - 1),
                _ => None,
            };
            let same_par = si > 0 && sents[si - 1].paragraph == sents[si].paragraph;
            let next_par = si > 0
                && sents[si - 1].paragraph + 1 == sents[si].paragraph
                && sents[sj].paragraph == sents[si].paragraph
                && sents.get(sj + 1).is_none_or(|x| x.paragraph != sents[sj].paragraph);
            match ante {
                Some(r) if ends_here && !own_cue && (same_par || next_par) => {
                    found.push(RawAttribution {
                        cue: self.toks[a].range,
                        source: r.source,
                        content: quote_range,
                        via: r.via.clone(),
                        form: Form::Direct,
                    });
                    last = Some((sj, r));
                }
                _ => last = None,
            }
            si = sj + 1;
        }
        found
    }

    fn w(&self, i: usize) -> &'a str {
        &self.lower[self.toks[i].range]
    }

    fn raw(&self, i: usize) -> &'a str {
        &self.text[self.toks[i].range]
    }

    fn is_word(&self, i: usize) -> bool {
        matches!(self.toks[i].kind, TokenKind::Word | TokenKind::Number)
    }

    /// An auxiliary or adverb that stands between a subject and its verb ("has", "also",
    /// "repeatedly", "so far" in "has so far declined", "soon"); the cue classifier's features
    /// keep the list they were trained with.
    fn skipped_left(&self, i: usize) -> bool {
        let w = self.w(i);
        let so_far = w == "far" && i > 0 && matches!(self.w(i - 1), "so" | "thus")
            || matches!(w, "so" | "thus") && i + 1 < self.toks.len() && self.w(i + 1) == "far";
        so_far || w == "soon" || in_list(SKIP_LEFT, w) || self.is_adverb(i)
    }

    /// A lowercase "-ly" adverb ("actively", "publicly").
    fn is_adverb(&self, i: usize) -> bool {
        let w = self.w(i);
        w.len() > 4
            && w.ends_with("ly")
            && self.raw(i).starts_with(|c: char| c.is_lowercase())
            && !matches!(
                w,
                "only"
                    | "early"
                    | "family"
                    | "italy"
                    | "july"
                    | "ally"
                    | "rally"
                    | "supply"
                    | "daily"
                    | "weekly"
                    | "monthly"
                    | "assembly"
            )
    }

    fn is_quote(&self, i: usize) -> bool {
        matches!(self.toks[i].kind, TokenKind::Quote(_))
    }

    fn is_close_quote(&self, i: usize) -> bool {
        self.is_quote(i) && self.quote[i].is_some_and(|(_, c)| c as usize == i)
    }

    /// A closing quotation mark that ends a quoted phrase inside a noun phrase: "a “senior
    /// official” refused", "the so-called “experts” said" (the mark opens after a word of the
    /// sentence starting at `a`, and the quotation ends in a word, not in punctuation). Such a
    /// quotation is a name or a scare quote, never the content of the cue after it.
    fn closes_phrase_quote(&self, x: usize, a: usize) -> bool {
        self.is_close_quote(x)
            && x > 0
            && self.is_word(x - 1)
            && self.quote[x].is_some_and(|(o, _)| {
                let o = o as usize;
                o > a
                    && self.is_word(o - 1)
                    && !in_list(ADDRESSEE_VERBS, self.w(o - 1))
                    && cues::classify(self.w(o - 1)).is_none()
            })
    }

    fn range(&self, a: usize, b_incl: usize) -> TextRange {
        self.toks[a].range.cover(self.toks[b_incl].range)
    }

    /// Coarse kind of token `k` relative to a cue, as a feature value.
    fn kind_of(&self, k: Option<usize>) -> &'static str {
        let Some(k) = k else { return "^" };
        match self.toks[k].kind {
            TokenKind::Quote(_) if self.is_close_quote(k) => "q>",
            TokenKind::Quote(_) => "q<",
            TokenKind::Word if self.w(k) == "that" => "that",
            TokenKind::Word if self.raw(k).starts_with(|c: char| c.is_uppercase()) => "W",
            TokenKind::Word => "w",
            TokenKind::Number => "9",
            _ => match self.w(k) {
                "," => ",",
                ":" => ":",
                "." | "!" | "?" => ".",
                "(" | ")" => "()",
                _ => "p",
            },
        }
    }

    /// Features of candidate cue word `i` in sentence `a..b`.
    fn cue_features(&self, i: usize, a: usize, b: usize, f: &mut Vec<u32>) {
        use cuemodel::feature as h;
        let w = self.w(i);
        let get = |k: isize| -> &str {
            let j = i as isize + k;
            if j < a as isize {
                "<s>"
            } else if j >= b as isize {
                "</s>"
            } else {
                self.w(j as usize)
            }
        };
        let (p1, p2, n1, n2) = (get(-1), get(-2), get(1), get(2));
        let pk = self.kind_of(i.checked_sub(1).filter(|&k| k >= a));
        let nk = self.kind_of(Some(i + 1).filter(|&k| k < b));
        let ratio = cues::candidate(w).map_or(0.0, |c| c.1);
        let rb = ((ratio * 20.0) as u32).min(20);
        let rbs = [
            "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18",
            "19", "20",
        ][rb as usize];
        let inq = if self.quote[i].is_some() { "q" } else { "-" };
        let that_soon = (i + 1..(i + 5).min(b)).any(|k| self.w(k) == "that");
        let pos = match i - a {
            0 => "0",
            1 => "1",
            2 => "2",
            3..=5 => "3",
            6..=10 => "6",
            _ => "x",
        };
        let suffix = if w.ends_with("ing") {
            "ing"
        } else if w.ends_with("ed") {
            "ed"
        } else if w.ends_with('s') {
            "s"
        } else {
            "-"
        };
        // a closing quote shortly before: "“...,” he said"
        let q_before = (i.saturating_sub(4).max(a)..i).any(|k| self.is_close_quote(k));
        let prev_be = matches!(p1, "is" | "was" | "were" | "are" | "be" | "been" | "being");
        f.push(h(0, "", ""));
        f.push(h(1, w, ""));
        f.push(h(2, p1, ""));
        f.push(h(3, n1, ""));
        f.push(h(4, p2, ""));
        f.push(h(5, n2, ""));
        f.push(h(6, p1, w));
        f.push(h(7, w, n1));
        f.push(h(8, rbs, ""));
        f.push(h(9, rbs, pk));
        f.push(h(10, pk, nk));
        f.push(h(11, nk, ""));
        f.push(h(12, w, pk));
        f.push(h(13, w, nk));
        f.push(h(14, inq, w));
        f.push(h(15, if that_soon { "t" } else { "-" }, w));
        f.push(h(16, if prev_be { "be" } else { "-" }, w));
        f.push(h(17, pos, rbs));
        f.push(h(18, suffix, pk));
        f.push(h(19, if q_before { "q" } else { "-" }, rbs));
        f.push(h(20, inq, rbs));
        f.push(h(21, p2, w));
        f.push(h(22, w, n2));
        f.push(h(23, pos, w));
        f.push(h(24, if q_before { "q" } else { "-" }, w));
        f.push(h(25, suffix, nk));
        let shape = |k: Option<usize>| -> &str {
            let Some(k) = k else { return "^" };
            let w = self.w(k);
            if matches!(w, "he" | "she" | "they" | "it" | "i" | "we" | "you" | "who") {
                "pron"
            } else {
                self.kind_of(Some(k))
            }
        };
        let ps = shape(i.checked_sub(1).filter(|&k| k >= a));
        let ns = shape(Some(i + 1).filter(|&k| k < b));
        let sent_quote = self.quote[a..b].iter().any(Option::is_some) || self.quote[i].is_some();
        f.push(h(26, ps, w));
        f.push(h(27, if sent_quote { "q" } else { "-" }, rbs));
        f.push(h(28, ns, w));
        f.push(h(29, ps, rbs));
        // the phrase left of the cue, past auxiliaries: its first word and what precedes it (the
        // same skip as in training: a change here needs the cue model retrained)
        let mut j = i;
        while j > a && (in_list(SKIP_LEFT, self.w(j - 1)) || self.is_adverb(j - 1)) {
            j -= 1;
        }
        let (np_kind, np_bound) = if j > a && self.is_word(j - 1) {
            match self.np_left(a, j - 1) {
                Some(s0) => (shape(Some(s0)), self.kind_of(s0.checked_sub(1).filter(|&k| k >= a))),
                None => ("none", "-"),
            }
        } else {
            ("none", self.kind_of(j.checked_sub(1).filter(|&k| k >= a)))
        };
        f.push(h(36, np_kind, np_bound));
        f.push(h(37, np_kind, rbs));
        f.push(h(38, np_bound, rbs));
        let stem = crude_stem(w);
        f.push(h(30, stem, ""));
        f.push(h(31, stem, pk));
        f.push(h(32, stem, nk));
        f.push(h(33, p1, stem));
        f.push(h(34, stem, n1));
        f.push(h(35, ps, stem));
        // part of speech: "the criticism" (NOUN) against "criticized" (VERB), "report" as a noun
        let tag = |k: Option<usize>| k.and_then(|k| self.pos.get(k)).map_or("^", |t| t.as_str());
        let (tp, t0, tn) =
            (tag(i.checked_sub(1).filter(|&k| k >= a)), tag(Some(i)), tag(Some(i + 1).filter(|&k| k < b)));
        f.push(h(39, t0, ""));
        f.push(h(40, t0, w));
        f.push(h(41, tp, t0));
        f.push(h(42, t0, tn));
        f.push(h(43, t0, rbs));
        f.push(h(44, tp, stem));
    }

    /// The cue class of token `i`, if it starts a cue.
    fn model_says_cue(&self, model: &CueModel, i: usize, a: usize, b: usize) -> bool {
        let mut f = self.scratch.borrow_mut();
        f.clear();
        self.cue_features(i, a, b, &mut f);
        model.score(&f) > CUE_THRESHOLD
    }

    /// "that Peskov, the Kremlin spokesman," / "that the RT editor in chief, Margarita Simonyan,"
    /// between a cue ending before `c1` and the comma at `e`: a "that" opening a noun phrase, a
    /// comma, and an apposition without a verb.
    fn apposed_subject(&self, c1: usize, e: usize) -> bool {
        let Some(t) = (c1..(c1 + MAX_THAT_GAP).min(e)).find(|&k| self.w(k) == "that") else { return false };
        let Some(p) = (t + 1..e).find(|&k| self.w(k) == ",") else { return false };
        let nominal = |k: usize| {
            self.quote[k].is_none()
                && matches!(
                    self.pos.get(k),
                    Some(Upos::Propn | Upos::Noun | Upos::Det | Upos::Adj | Upos::Num | Upos::Adp)
                )
        };
        let head_named = (t + 1..p).any(|k| matches!(self.pos.get(k), Some(Upos::Propn | Upos::Noun)));
        p > t + 1
            && p - t <= 8
            && head_named
            && (t + 1..p).all(nominal)
            && e > p + 1
            && e - p <= 12
            && (p + 1..e).all(|k| nominal(k) || matches!(self.w(k), "'s" | "’s" | "-"))
    }

    /// "..., saying he ...", "“...,” adding that ...": a speech participle after a comma (or a
    /// comma closing a quotation) and before its content (not "adding to the 22 officers").
    fn speech_participle_after_comma(&self, i: usize, a: usize, b: usize) -> bool {
        i > a
            && (self.w(i - 1) == "," || i > a + 1 && self.is_close_quote(i - 1) && self.w(i - 2) == ",")
            && matches!(
                self.w(i),
                "saying"
                    | "adding"
                    | "noting"
                    | "insisting"
                    | "arguing"
                    | "explaining"
                    | "stressing"
                    | "denying"
                    | "dismissing"
                    | "rejecting"
                    | "claiming"
                    | "acknowledging"
                    | "admitting"
            )
            && i + 1 < b
            && self.is_word(i + 1)
            && !matches!(self.w(i + 1), "to" | "up" | "more")
            && self.quote[i].is_none()
    }

    fn cue_at(&self, i: usize, a: usize, b: usize) -> Option<(CueClass, usize)> {
        if !self.is_word(i) {
            return None;
        }
        let w = self.w(i);
        let next = |k: usize| if i + k < b { self.w(i + k) } else { "" };
        match w {
            "according" if next(1) == "to" => return Some((CueClass::According, i + 2)),
            // ", per the New York Times," / "..., per CNN.": "according to"
            "per"
                if i > a
                    && self.w(i - 1) == ","
                    && (next(1) == "the" || next(1).starts_with(char::is_uppercase))
                    && self.raw(i + 1).starts_with(|c: char| c.is_uppercase() || c == 't') =>
            {
                return Some((CueClass::According, i + 1))
            }
            "quoted" | "cited" if next(1) == "by" => return Some((CueClass::Passive, i + 1)),
            "citing" => return Some((CueClass::Citing, i + 1)),
            "reportedly" | "allegedly" | "purportedly" | "supposedly" => return Some((CueClass::NoSource, i + 1)),
            // "the tape is believed to be private", "militants are thought to have travelled":
            // a passive of belief that raises its subject says who-knows-who holds it
            // ("is widely believed to": the adverb opens the cue)
            "widely" | "generally" | "long"
                if is_passive_belief(next(1)) && next(2) == "to" && i > a && is_be(self.w(i - 1)) =>
            {
                return Some((CueClass::NoSource, i + 2))
            }
            _ if is_passive_belief(w)
                && next(1) == "to"
                && i > a
                && (is_be(self.w(i - 1))
                    || i > a + 1
                        && matches!(self.w(i - 1), "widely" | "generally" | "long" | "also" | "now" | "still")
                        && is_be(self.w(i - 2)))
                && self.pos.get(i + 2).is_some_and(|t| matches!(t, Upos::Verb | Upos::Aux)) =>
            {
                return Some((CueClass::NoSource, i + 1))
            }
            _ => {}
        }
        // "responded by helping", "reacted by sending": an action, not a statement
        if next(1) == "by" && next(2).ends_with("ing") && next(2).len() > 4 && cues::candidate(next(2)).is_none() {
            return None;
        }
        // "police responded to a wellness check", "firefighters responded to the scene"
        if matches!(w, "responded" | "respond" | "responds" | "responding")
            && next(1) == "to"
            && (2..=5).any(|k| {
                matches!(next(k), "call" | "calls" | "scene" | "check" | "incident" | "fire" | "emergency" | "alarm")
            })
        {
            return None;
        }
        // "a teacher named Lucita Sandoval", "a group called Ansar al-Deen": a name given, not a
        // statement
        let noun_at = |k: usize| self.pos.get(k).is_some_and(|t| matches!(t, Upos::Noun | Upos::Propn));
        // (after a comma only "named": "X, a senior adviser, called Obama's remarks ...")
        let named_after_noun = i > a
            && (noun_at(i - 1) || w == "named" && i > a + 1 && self.w(i - 1) == "," && noun_at(i - 2))
            && i + 1 < b
            && self.raw(i + 1).starts_with(char::is_uppercase);
        // ("Cruz called Trump a “pathological liar”": a name followed by what it is called is a
        // verdict on someone, not a name given)
        let called_something = || {
            let mut k = i + 1;
            while k < b && self.raw(k).starts_with(char::is_uppercase) {
                k += 1;
            }
            // ("called Friday's decision a huge win": a possessive opens what is called so)
            k < b
                && (matches!(self.w(k), "a" | "an" | "the" | "his" | "her" | "their" | "its" | "'s" | "’s")
                    || self.is_quote(k))
        };
        if matches!(w, "named" | "called" | "dubbed" | "nicknamed" | "titled" | "entitled")
            && named_after_noun
            && !(matches!(w, "called" | "dubbed") && called_something())
        {
            return None;
        }
        // "Boko Haram has been seizing towns": only "seizing on" a remark is a cue
        if matches!(w, "seize" | "seizes" | "seized" | "seizing") && !matches!(next(1), "on" | "upon") {
            return None;
        }
        // idioms of speech that report nothing: "Let's say you think ...", "Having said that,",
        // "That said,", "says something about the media" (is telling of)
        let prev = |d: usize| if i >= a + d { self.w(i - d) } else { "" };
        if w == "say" && (prev(1) == "'s" && prev(2) == "let" || prev(1) == "us" && prev(2) == "let")
            || w == "said" && matches!(prev(1), "having" | "that") && next(1) == ","
            || w == "said" && prev(1) == "having" && next(1) == "that" && next(2) == ","
            || matches!(w, "says" | "said" | "say")
                && matches!((next(1), next(2)), ("something" | "much" | "plenty", "about") | ("a", "lot"))
        {
            return None;
        }
        // "there's no denying it's a powerful image": an idiom that asserts
        if w == "denying" && i > a && self.w(i - 1) == "no" {
            return None;
        }
        // "Despite reports on Wednesday", "with claims that": a report noun after a preposition
        // or a determiner is a noun, whatever the tagger says
        if super::is_report_noun(w)
            && i > a
            && (matches!(self.pos.get(i - 1), Some(Upos::Adp | Upos::Det)) && self.w(i - 1) != "that")
        {
            return None;
        }
        // "most confirmed Ebola cases", "the reported attack": a participle between a
        // determiner and its noun describes the noun
        if w.ends_with("ed")
            && i > a
            && matches!(
                self.w(i - 1),
                "the" | "a" | "an" | "most" | "some" | "all" | "many" | "several" | "these" | "those" | "no" | "any"
            )
            && i + 1 < b
            && self.pos.get(i + 1).is_some_and(|t| matches!(t, Upos::Noun | Upos::Propn))
        {
            return None;
        }
        // "to come out and 'say hello'": a word quoted as a phrase, not a speech act
        let opening_mark = |k: usize| {
            matches!(self.w(k), "'" | "‘" | "\"" | "“")
                && self.toks[k].range.start() > 0
                && self.text[..self.toks[k].range.start() as usize].ends_with(char::is_whitespace)
                // (attached to the word it opens: not the spaced closing mark of ', " saying')
                && self.toks[k].range.end() == self.toks[i].range.start()
        };
        if i > a && opening_mark(i - 1) && self.raw(i).starts_with(char::is_lowercase) {
            return None;
        }
        // "had been asked by Ragdoll Productions to find smiley babies": a request made of
        // someone, no statement
        // ("students were told to say something about themselves": likewise)
        let directive = matches!(w, "asked" | "urged" | "told" | "ordered" | "invited" | "encouraged");
        if directive
            && next(1) == "by"
            && (i + 2..(i + 10).min(b))
                .any(|k| self.w(k) == "to" && self.pos.get(k + 1).is_some_and(|t| *t == Upos::Verb))
        {
            return None;
        }
        if directive
            && i > a
            && matches!(self.w(i - 1), "was" | "were" | "been" | "being" | "be" | "is" | "are")
            && next(1) == "to"
            && self.pos.get(i + 2).is_some_and(|t| *t == Upos::Verb)
        {
            return None;
        }
        // "Officials close to the talks said": a noun before a speech verb heads its subject
        if self.pos.get(i) == Some(&Upos::Noun)
            && i + 1 < b
            && cues::classify(next(1)) == Some(CueClass::Verb)
            && !next(1).ends_with("ing")
            && self.pos.get(i + 1) == Some(&Upos::Verb)
        {
            return None;
        }
        // "Wilson continued to fire": an action going on, not speech
        if matches!(w, "continued" | "continues" | "continue" | "continuing") && next(1) == "to" {
            return None;
        }
        // "best known for his role", "better known as a Mountie", "also known as ISIS": a
        // description of someone, no statement
        let known_as = |k: usize| k < b && self.w(k) == "known" && k + 1 < b && matches!(self.w(k + 1), "for" | "as");
        if matches!(w, "best" | "better" | "also" | "well") && known_as(i + 1)
            || i > a && matches!(self.w(i - 1), "best" | "better" | "also" | "well") && known_as(i)
        {
            return None;
        }
        // "The Ikwiz article states: “...”": a lowercase speech verb right before a quotation
        // or a colon is a cue even where the word is mostly something else
        if cues::candidate(w).is_none()
            && cues::is_speech(w)
            && self.raw(i).starts_with(char::is_lowercase)
            && i + 1 < b
            && (self.is_quote(i + 1)
                || self.w(i + 1) == ":"
                || self.w(i + 1) == "that" && self.pos.get(i) == Some(&Upos::Verb))
            && self.quote[i].is_none()
        {
            return Some((CueClass::Verb, i + 1));
        }
        // "does not believe the patient has Ebola", "don't think he will come": a negated belief
        // verb before a clause is a statement (a denial), whatever the classifier makes of it
        if matches!(w, "believe" | "think")
            && i >= a + 2
            && matches!(self.w(i - 1), "not" | "t" | "n't" | "n’t")
            && matches!(self.w(i - 2), "does" | "do" | "did" | "doesn" | "don" | "didn")
            && i + 2 < b
            && self.is_word(i + 1)
            && !matches!(self.w(i + 1), "so" | "of" | "about" | "in" | "it" | "much" | "me" | "him" | "her" | "you")
            && self.quote[i].is_none()
        {
            return Some((CueClass::Think, i + 1));
        }
        // "relayed to The Washington Post that ...", "divulged that ...": speech verbs too rare
        // in the training texts to be mined, cues only before what was said ("relayed the
        // message to the troops" is no statement)
        if matches!(w, "relayed" | "relays" | "divulged" | "divulges" | "conveyed" | "conveys")
            && self.quote[i].is_none()
        {
            let opens = |k: usize| k < b && (self.is_quote(k) || matches!(self.w(k), "that" | ":"));
            let addressee_then_that = next(1) == "to"
                && (i + 3..(i + 2 + MAX_THAT_GAP).min(b))
                    .find(|&k| !self.is_word(k) || self.w(k) == "that")
                    .is_some_and(|k| self.w(k) == "that");
            if opens(i + 1) || addressee_then_that {
                return Some((CueClass::Verb, i + 1));
            }
        }
        if let Some(model) = self.model {
            let (class, _) = cues::candidate(w)?;
            // a speech verb right before a quotation or "that" is a cue whatever the model says
            let opens_content = i + 1 < b && (self.is_quote(i + 1) || matches!(self.w(i + 1), "that" | ":"));
            // ("are reporting that": a speech verb the tagger reads as a verb, however rare a
            // cue the word is in the training texts)
            let strong = opens_content
                && self.quote[i].is_none()
                && (cues::classify(w) == Some(CueClass::Verb)
                    || cues::is_speech(w)
                        && w.ends_with("ing")
                        && i > a
                        && matches!(self.w(i - 1), "is" | "are" | "was" | "were" | "been" | "be")
                        && self.w(i + 1) == "that");
            // "were refuted by the ministry": a passive speech verb with its agent
            // (not a request: "had been asked by Ragdoll Productions to find smiley babies")
            let passive_speech = cues::classify(w) == Some(CueClass::Verb)
                && !matches!(
                    w,
                    "asked" | "told" | "urged" | "ordered" | "invited" | "questioned" | "interviewed" | "quizzed"
                )
                && i > a
                && matches!(self.w(i - 1), "is" | "are" | "was" | "were" | "been")
                && i + 1 < b
                && matches!(self.w(i + 1), "by" | "as");
            // "a blog claiming sources told it ...": a speech participle right after its noun, before a
            // clause (a subject, then a verb within a few words)
            let noun_participle = matches!(w, "claiming" | "alleging" | "stating")
                && i > a
                // (a text that claims: not "graduated from the University of Westminster claiming")
                && matches!(
                    self.w(i - 1),
                    "blog" | "post" | "posts" | "report" | "reports" | "story" | "stories" | "article" | "articles"
                        | "hoax" | "rumor" | "rumors" | "rumour" | "rumours" | "video" | "tweet" | "tweets"
                        | "message" | "messages" | "statement" | "website" | "site" | "email" | "letter"
                        | "headline" | "headlines" | "petition" | "book" | "paper"
                )
                && matches!(self.pos.get(i + 1), Some(Upos::Noun | Upos::Propn | Upos::Pron | Upos::Det | Upos::Num))
                && (i + 2..(i + 5).min(b)).any(|k| matches!(self.pos.get(k), Some(Upos::Verb | Upos::Aux)));
            let strong = strong || noun_participle && self.quote[i].is_none();
            // "“...,” saying he received the information": a speech participle after a comma
            let comma_participle = self.speech_participle_after_comma(i, a, b);
            if !strong && !passive_speech && !comma_participle && !self.model_says_cue(model, i, a, b) {
                return None;
            }
            let mut end = i + 1;
            while end < b
                && self.is_word(end)
                && cues::candidate(self.w(end)).is_some()
                && self.model_says_cue(model, end, a, b)
            {
                end += 1;
            }
            return Some((class, end));
        }
        let class = cues::classify(w)?;
        // extend over particles that belong to the cue ("pointed out", "called for")
        let mut end = i + 1;
        while end < b && self.is_word(end) && cues::classify(self.w(end)).is_some() {
            end += 1;
        }
        Some((class, end))
    }

    /// A speaker label opening a sentence: "WALLACE: ..." (content to the end of the
    /// paragraph), "Pence: Flowers won't be at debate" (headline), "Jane Doe ― “...”".
    fn label_cue(&self, a: usize, b: usize, par_end: usize) -> Option<RawAttribution> {
        // a transcript turn may open with a quotation mark: "\"WALLACE: ..."
        let a = if self.is_quote(a) && a + 1 < b { a + 1 } else { a };
        let x = (a + 1..(a + 6).min(b)).find(|&k| !self.is_word(k) && self.w(k) != ".")?;
        let w = self.w(x);
        let is_dash = matches!(w, "―" | "—" | "–");
        if !(w == ":" || is_dash) || x + 1 >= b {
            return None;
        }
        let all_caps_words = (a..x)
            .all(|k| self.w(k) == "." || (self.is_word(k) && self.raw(k).starts_with(|c: char| c.is_uppercase())));
        const NOT_SPEAKERS: &[&str] = &[
            "update",
            "note",
            "editor",
            "photo",
            "photos",
            "video",
            "watch",
            "read",
            "related",
            "breaking",
            "correction",
            "source",
            "sources",
            "by",
            "listen",
            "exclusive",
            "opinion",
            "analysis",
            "here",
            "q",
            "a",
            "the",
            "this",
            // related links and captions: "MORE: Masked gang filmed ...", "Pictured: ..."
            "more",
            "also",
            "see",
            "trending",
            "popular",
            "recommended",
            "advertisement",
            "sponsored",
            "pictured",
            "picture",
            "image",
            "credit",
            "caption",
            "follow",
            "click",
            "latest",
        ];
        // ("Said Ellis: ...": the verb is the cue, found as such)
        let speech_verb = (a..x).any(|k| cues::is_speech(self.w(k)));
        if !all_caps_words || speech_verb || in_list(NOT_SPEAKERS, self.w(a)) {
            return None;
        }
        let content = if is_dash {
            let (o, c) = self.quote[x + 1]?;
            if o as usize != x + 1 {
                return None;
            }
            let first = self.range(x + 1, c as usize);
            self.extend_quotes(first, c as usize + 1, b)
        } else {
            // a label over a figure is a table row ("Clinton: 547."), not a statement
            let words = (x + 1..par_end.max(b))
                .filter(|&k| {
                    self.toks[k].kind == TokenKind::Word && !self.w(k).starts_with(|c: char| c.is_ascii_digit())
                })
                .take(2)
                .count();
            if words < 2 {
                return None;
            }
            self.trim_range(x + 1, par_end.max(b))?
        };
        Some(RawAttribution {
            cue: self.toks[x].range,
            source: Some(self.range(a, x - 1)),
            content,
            via: Vec::new(),
            form: self.form(content, &[]),
        })
    }

    /// A signature after a quotation: "“...” ― Jane Doe" at the end of a sentence.
    fn trailing_label(&self, a: usize, b: usize, par_start: usize) -> Option<RawAttribution> {
        let lo = b.saturating_sub(8).max(a + 1);
        let x = (lo..b).find(|&k| matches!(self.w(k), "―" | "—" | "–" | "--") && self.is_quote(k - 1))?;
        let mut e = b;
        while e > x + 1 && matches!(self.toks[e - 1].kind, TokenKind::Punct) {
            e -= 1;
        }
        if e <= x + 1 || e - x - 1 > 6 {
            return None;
        }
        let name_like = (x + 1..e)
            .all(|k| self.w(k) == "." || (self.is_word(k) && self.raw(k).starts_with(|c: char| c.is_uppercase())));
        if !name_like {
            return None;
        }
        let start = match self.quote[x - 1] {
            Some((o, c)) if c as usize == x - 1 => o as usize,
            _ => par_start,
        };
        if start >= x - 1 {
            return None;
        }
        let content = self.range(start, x - 1);
        Some(RawAttribution {
            cue: self.toks[x].range,
            source: Some(self.range(x + 1, e - 1)),
            content,
            via: Vec::new(),
            form: Form::Direct,
        })
    }

    /// Scans sentence tokens `a..b` and pushes its attributions.
    fn sentence(&self, a: usize, b: usize, out: &mut Vec<RawAttribution>) {
        // end of the sentence body, without final punctuation
        let mut body_end = b;
        while body_end > a && matches!(self.toks[body_end - 1].kind, TokenKind::Punct) {
            body_end -= 1;
        }
        let mut found: Vec<(usize, usize, CueClass)> = Vec::new();
        let mut i = a;
        while i < b {
            if let Some((class, end)) = self.cue_at(i, a, b) {
                found.push((i, end, class));
                i = end.max(i + 1);
            } else {
                i += 1;
            }
        }
        // "said in a statement", "told in an interview": one cue
        let mut kept: Vec<(usize, usize, CueClass)> = Vec::with_capacity(found.len());
        for f in found {
            if let Some(last) = kept.last_mut() {
                let between = last.1..f.0;
                if f.0 >= last.1
                    && f.0 - last.1 <= 3
                    && f.0 > last.1
                    && between
                        .clone()
                        .all(|k| matches!(self.w(k), "in" | "a" | "an" | "the" | "his" | "her" | "their" | "its"))
                    && self.w(last.1) == "in"
                {
                    last.1 = f.1;
                    continue;
                }
            }
            kept.push(f);
        }
        let first_new = out.len();
        // "Some theologians cautioned, according to the New York Times, that ...": the
        // inserted "according to" relays the statement whose cue it follows
        let inserted = |k: usize| {
            kept.get(k + 1).is_some_and(|&(n0, _, nclass)| {
                nclass == CueClass::According && n0 >= 2 && n0 == kept[k].1 + 1 && self.w(n0 - 1) == ","
            }) && kept[k].2 != CueClass::According
        };
        let mut relayed: Option<usize> = None;
        for (k, &(c0, c1, class)) in kept.iter().enumerate() {
            let skip = if inserted(k) { 2 } else { 1 };
            let next_cue = kept.get(k + skip).map(|f| f.0);
            if let Some(att) = self.build(a, b, body_end, c0, c1, class, next_cue, &out[first_new..]) {
                if let Some(v) = relayed.take().filter(|_| class == CueClass::According) {
                    if let Some(src) = att.source {
                        // the statement's content is what follows the relay
                        let mut content = att.content;
                        let t = self.tok_after(content.start());
                        if t < self.toks.len() && self.w(t) == "that" {
                            content = TextRange::new(
                                self.toks[(t + 1).min(self.toks.len() - 1)].range.start(),
                                content.end(),
                            );
                        }
                        if !content.is_empty() && out[v].content.contains_range(src) {
                            out[v].content = content;
                            out[v].form = self.form(content, &[]);
                            out[v].via.push(src);
                            continue;
                        }
                    }
                }
                if inserted(k) && att.source.is_some() {
                    relayed = Some(out.len());
                }
                out.push(att);
            }
        }
        self.claim_denied_after(a, body_end, out, first_new);
        self.merge_relays(b, body_end, out, first_new);
    }

    /// "X said Y, a claim the administration disputed", "..., a claim that the PGA Tour and
    /// Woods' agent vehemently deny": the noun in apposition names the clause before it, and the
    /// relative clause's subject denies that clause. The statement whose content ran on into the
    /// apposition stops before it; misread cues inside the apposition go.
    fn claim_denied_after(&self, a: usize, body_end: usize, out: &mut Vec<RawAttribution>, first: usize) {
        let dash_or_comma = |k: usize| matches!(self.w(k), "," | "–" | "—" | "--");
        // ("--" may come as two hyphens)
        let width = |k: usize| if self.w(k) == "-" && self.w(k + 1) == "-" { 2 } else { 1 };
        let Some(sep) = (a + 2..body_end.saturating_sub(4)).find(|&k| {
            let n = k + width(k);
            (dash_or_comma(k) || width(k) == 2)
                && matches!(self.w(n), "a" | "an")
                && matches!(self.w(n + 1), "claim" | "allegation" | "charge" | "accusation" | "assertion" | "report")
        }) else {
            return;
        };
        let mut s0 = sep + width(sep) + 2;
        if s0 < body_end && matches!(self.w(s0), "that" | "which") {
            s0 += 1;
        }
        let deny = |w: &str| {
            matches!(
                w,
                "deny"
                    | "denies"
                    | "denied"
                    | "dispute"
                    | "disputes"
                    | "disputed"
                    | "reject"
                    | "rejects"
                    | "rejected"
                    | "dismiss"
                    | "dismisses"
                    | "dismissed"
                    | "refute"
                    | "refutes"
                    | "refuted"
            )
        };
        // the relative clause: a subject, perhaps adverbs, the denial, then the sentence ends
        // ("a claim the administration disputed"); or a passive with its agent ("a claim that was
        // immediately disputed by the Obama administration")
        let Some(v) = (s0..body_end.min(s0 + 12)).find(|&k| deny(self.w(k))) else { return };
        let passive = matches!(self.w(s0), "was" | "were" | "is" | "has" | "have")
            && (s0 + 1..v).all(|k| self.is_adverb(k) || matches!(self.w(k), "been" | "also"))
            && v + 1 < body_end
            && self.w(v + 1) == "by";
        let (src0, src1, end_tok) = if passive {
            let Some(e) = self.np_right_loose(v + 2, body_end) else { return };
            (v + 2, e, e - 1)
        } else {
            let mut s1 = v;
            while s1 > s0 && (self.is_adverb(s1 - 1) || in_list(SKIP_LEFT, self.w(s1 - 1))) {
                s1 -= 1;
            }
            let clause = (s0..s1).any(|k| {
                matches!(self.pos.get(k), Some(Upos::Verb | Upos::Aux))
                    || !self.is_word(k) && !matches!(self.w(k), "'" | "’" | "'s" | "’s")
            });
            if s1 <= s0 || clause {
                return;
            }
            (s0, s1, v)
        };
        if end_tok + 1 != body_end && !dash_or_comma(end_tok + 1) {
            return;
        }
        let (sep_at, end) = (self.toks[sep].range.start(), self.toks[end_tok].range.end());
        // the statement the apposition follows, if any, ends before it
        let mut start = a;
        let before_sep = self.toks[sep - 1].range.end();
        for r in out[first..].iter_mut() {
            if r.cue.start() < sep_at && r.content.start() < sep_at && r.content.end() >= before_sep {
                start = self.tok_after(r.content.start());
                r.content = self.range(self.tok_after(r.content.start()), sep - 1);
            }
        }
        out.retain(|r| r.cue.start() < self.toks[sep].range.start() || r.cue.start() > end);
        if start >= sep {
            return;
        }
        let content = self.range(start, sep - 1);
        out.push(RawAttribution {
            cue: self.range(v, v),
            source: Some(self.range(src0, src1 - 1)),
            content,
            via: Vec::new(),
            form: Form::Indirect,
        });
    }

    /// Merges the attributions of one sentence that describe one statement: a relay
    /// ("quoted by Interfax", "citing officials") inside the source or content of the
    /// speech verb after it ("The minister, quoted by Interfax, said ..."); drops a
    /// source-less hedge ("reportedly") inside another attribution's content.
    fn merge_relays(&self, b: usize, body_end: usize, out: &mut Vec<RawAttribution>, first: usize) {
        let mut i = first;
        while i < out.len() {
            let r = out[i].clone();
            if r.via.is_empty() {
                i += 1;
                continue;
            }
            let later = (i + 1..out.len()).find(|&j| {
                let v = &out[j];
                v.cue.start() >= r.cue.end()
                    && v.via.is_empty()
                    && (v.source.is_some_and(|s| s.contains_range(r.cue)) || v.content.contains_range(r.cue))
            });
            // "X, Yonhap reported Tuesday, citing an official": the reporting row before the
            // relay is the relay itself (its source is the hop); its content is the statement's
            let earlier = (first..i).find(|&j| {
                let v = &out[j];
                v.via.is_empty()
                    && v.cue.end() <= r.cue.start()
                    && v.source.is_some_and(|s| r.via.iter().any(|h| h.overlaps(s)))
                    && v.content.overlaps(r.content)
            });
            if let Some(j) = earlier {
                // (the relay moves to `i - 1`; `i` is already the row after it)
                let v = out.remove(j);
                out[i - 1].content = v.content;
                out[i - 1].form = v.form;
                continue;
            }
            if let Some(j) = later {
                let v = out.remove(j);
                let after = self.tok_after(v.cue.end());
                if r.content.contains_range(v.cue) || r.content.overlaps(v.cue) {
                    if let Some(c) = self.content_after(after, b, body_end, true) {
                        out[i].content = c;
                        out[i].form = self.form(c, &[]);
                    }
                }
                if r.source.is_none() {
                    out[i].source = v.source;
                }
            }
            i += 1;
        }
        // "X said: “...,” according to the Daily Mirror": a content that ran on over a closing
        // "according to" ends before it; the relay is a row of its own
        let according: Vec<TextRange> = out[first..]
            .iter()
            .filter(|x| {
                let k = self.tok_after(x.cue.start());
                k < self.toks.len() && self.w(k) == "according"
            })
            .map(|x| x.cue)
            .collect();
        for x in out[first..].iter_mut() {
            if let Some(c) = according.iter().find(|c| **c != x.cue && x.content.contains_range(**c)) {
                let k = self.tok_after(c.start());
                let s0 = self.tok_after(x.content.start());
                // (the comma before it, inside a closing quotation mark or not)
                let comma = k >= 2
                    && k < self.toks.len()
                    && (self.w(k - 1) == "," || self.is_close_quote(k - 1) && self.w(k - 2) == ",");
                let tail_only = comma && (k + 2..body_end).all(|m| self.w(m) != ",");
                if tail_only {
                    let end = if self.w(k - 1) == "," { k - 2 } else { k - 1 };
                    if end > s0 {
                        x.content = self.range(s0, end);
                    }
                }
            }
        }
        // a hedge adverb inside another attribution's content is part of that content, and so is
        // a verb of thought
        // (a source-less hedge does not own an "according to": "Three Americans are reportedly
        // held, according to a GlobalPost article, including Austin Tice" keeps the article's row)
        let contents: Vec<(TextRange, TextRange, bool)> =
            out[first..].iter().map(|x| (x.cue, x.content, x.source.is_some() || !x.via.is_empty())).collect();
        let tail = out.split_off(first);
        out.extend(tail.into_iter().filter(|x| {
            let hedge = x.source.is_none() && x.via.is_empty();
            let first = self.tok_after(x.cue.start());
            let according = first < self.toks.len() && self.w(first) == "according";
            let nested = contents.iter().any(|&(cue, c, sourced)| {
                (sourced || !according) && cue.end() <= x.cue.start() && c.contains_range(x.cue)
            });
            let speech = first < self.toks.len() && cues::classify(self.w(first)) == Some(CueClass::Verb);
            // PolNeAR gives each token one attribution: a thought or intention inside a
            // reported statement ("he said she hopes ...") is part of its content; nested speech
            // ("said that Moscow denied ...") is kept, claims need it
            let drop_nested = nested && !speech;
            !(drop_nested || (hedge && contents.iter().any(|&(cue, c, _)| cue != x.cue && c.contains_range(x.cue))))
        }));
    }

    /// The noun phrase opening the sentence `a..`, ending before `limit`: the subject.
    fn subject(&self, a: usize, limit: usize) -> Option<TextRange> {
        let mut a = a;
        // past an opening adverbial: "On Sunday, Rubio ...", "But Rubio ..."
        if matches!(self.w(a), "but" | "and" | "so" | "yet" | "still" | "meanwhile" | "then" | "also" | "however")
            && a + 1 < limit
        {
            a += 1;
            // "However, DHS released ..."
            if self.w(a) == "," && a + 1 < limit {
                a += 1;
            }
        }
        let opener = |w: &str| {
            matches!(
                w,
                "in" | "on"
                    | "at"
                    | "after"
                    | "before"
                    | "during"
                    | "for"
                    | "with"
                    | "when"
                    | "while"
                    | "as"
                    | "although"
                    | "though"
                    | "since"
                    | "despite"
                    | "following"
                    | "earlier"
                    | "later"
                    | "last"
                    | "yesterday"
                    | "if"
                    | "because"
                    | "by"
                    | "from"
                    | "speaking"
                    | "asked"
            )
        };
        if opener(self.w(a)) || (self.w(a).ends_with("ing") && self.w(a).len() > 4) {
            let comma = (a + 1..(a + 16).min(limit)).find(|&k| self.w(k) == ",")?;
            a = comma + 1;
            if a >= limit {
                return None;
            }
        }
        if !self.is_word(a) || in_list(LEFT_STOP, self.w(a)) || opener(self.w(a)) {
            return None;
        }
        let e = self.np_right(a, limit)?;
        // a past form with its object is the verb, not a participle in the phrase: "DHS |
        // released an identical statement"
        let e = (a + 1..e)
            .find(|&k| {
                self.pos.get(k) == Some(&Upos::Verb)
                    && matches!(self.pos.get(k + 1), Some(Upos::Det | Upos::Pron))
                    && self.w(k).ends_with("ed")
            })
            .unwrap_or(e);
        (e < limit).then(|| self.range(a, e - 1))
    }

    /// Token `k` is an auxiliary or a verb the tagger reads as one and that does not look
    /// like a participle ("does", "believe", "has"; not "involved", "speaking", "known").
    fn finite_verb(&self, k: usize) -> bool {
        let w = self.w(k);
        match self.pos.get(k) {
            Some(Upos::Aux) => true,
            Some(Upos::Verb) => {
                !(w.ends_with("ed") || w.ends_with("ing") || w.ends_with("en") || w.ends_with("wn"))
                    && self.raw(k).starts_with(|c: char| c.is_lowercase())
            }
            _ => false,
        }
    }

    /// "Mr. King and Mr. Schultz say", "Smith, Jones and Brown said": the first token of a
    /// coordinated subject whose last member starts at `s`. Only names and nouns joined by
    /// "and" (then commas), the whole starting the clause ("The police arrested the man and
    /// officials said" is no coordination); else `s`.
    fn coordinated_left(&self, a: usize, s: usize) -> usize {
        let boundary = |k: usize| {
            k == a
                || matches!(
                    self.w(k - 1),
                    "," | "but" | "that" | "while" | "because" | "though" | "although" | "when" | "and" | "—" | ":"
                )
                || self.is_close_quote(k - 1)
        };
        let (mut best, mut cur, mut members) = (s, s, 1);
        while cur >= a + 2 && members < 5 {
            let joint = self.w(cur - 1);
            if !(joint == "and" || joint == "&" || joint == "," && members > 1) {
                break;
            }
            if !matches!(self.pos.get(cur - 2), Some(Upos::Propn | Upos::Noun)) || is_time_word(self.w(cur - 2)) {
                break;
            }
            let Some(l) = self.np_left(a, cur - 2) else { break };
            // (no verb, no pronoun, no opening phrase of time or place: "In recent weeks,")
            if (l..cur - 1).any(|k| {
                matches!(self.pos.get(k), Some(Upos::Verb | Upos::Aux | Upos::Pron)) || is_time_word(self.w(k))
            }) || matches!(self.pos.get(l), Some(Upos::Adp))
            {
                break;
            }
            cur = l;
            members += 1;
            // (a comma before the first member opens the clause only when no "and" follows it)
            if boundary(cur) && !(cur > a && self.w(cur - 1) == "and") {
                best = cur;
            }
        }
        best
    }

    /// Walks left from `j` (inclusive) over a noun phrase; returns its first token.
    fn np_left(&self, a: usize, j: usize) -> Option<usize> {
        let mut k = j;
        let mut n = 0;
        loop {
            let t = self.toks[k];
            let w = self.w(k);
            if w == ")" && n < 12 {
                // a parenthesis inside the phrase: "Rep. Smith (D-Ohio)"
                let lo = k.saturating_sub(8).max(a);
                if let Some(p) = (lo..k).rev().find(|&q| self.w(q) == "(") {
                    if p > a && self.is_word(p - 1) {
                        n += k - p + 1;
                        k = p - 1;
                        continue;
                    }
                }
            }
            // a quoted phrase inside the noun phrase: a “senior State Department official”
            // (a name ending in a noun, heading the phrase or before its noun: not “loopholes” he)
            // ("a group known as “Raqqa is Being Slaughtered Silently”": a name, whatever its words;
            // never over a verb already walked: not "“Star Wars” have not released any official")
            let named = self.quote[k].is_some_and(|(o, _)| {
                o > 0 && matches!(self.w(o as usize - 1), "as" | "called" | "named" | "dubbed" | "titled" | "entitled")
            });
            if self.closes_phrase_quote(k, a)
                && (named || matches!(self.pos.get(k - 1), Some(Upos::Noun | Upos::Propn | Upos::Num | Upos::Adj)))
                && (n == 0 || !matches!(self.pos.get(k + 1), Some(Upos::Pron | Upos::Det)))
                && (k + 1..k + 1 + n).all(|m| !matches!(self.pos.get(m), Some(Upos::Verb | Upos::Aux)))
            {
                if let Some((o, _)) = self.quote[k].filter(|(o, _)| k - *o as usize <= 8 && n + k - *o as usize <= 12) {
                    n += k - o as usize + 1;
                    k = o as usize - 1;
                    continue;
                }
            }
            // a preposition inside a short phrase after a boundary: ", attorneys for the family said"
            // ("to" only after a noun: "the eyewitness to the filming", not "according to")
            let inner_prep = (matches!(w, "for" | "from" | "with" | "at" | "by")
                || w == "to"
                    && k > a
                    && (self.pos.get(k - 1) == Some(&Upos::Noun)
                        // "officials close to the talks", "militants loyal to Baghdadi"
                        || matches!(self.w(k - 1), "close" | "loyal" | "linked" | "related" | "opposed" | "allied"))
                    && self.w(k - 1) != "order"
                    && (k.saturating_sub(3).max(a)..k).all(|q| self.pos.get(q) != Some(&Upos::Adp)))
                && n > 0
                && k > a
                && (1..=3).any(|d| {
                    k >= a + d
                        && (k - d == a && self.is_word(a) && !in_list(LEFT_STOP, self.w(a))
                            || k - d > a && matches!(self.w(k - d - 1), "," | "—" | "―")
                            // ("Though reps for the actor denied ...")
                            || k - d > a
                                && matches!(
                                    self.w(k - d - 1),
                                    "though" | "although" | "while" | "when" | "because" | "since" | "but" | "and"
                                )
                            || k - d > a && self.is_close_quote(k - d - 1))
                        && (k - d..k).all(|m| self.is_word(m) && !in_list(LEFT_STOP, self.w(m)))
                });
            let ok = match t.kind {
                TokenKind::Word | TokenKind::Number => !in_list(LEFT_STOP, w) || inner_prep,
                TokenKind::Punct => matches!(w, "." | "-" | "&") && k > a && self.is_word(k - 1),
                _ => false,
            };
            if !ok || n >= 12 {
                return (n > 0).then_some(k + 1);
            }
            n += 1;
            if k == a {
                return Some(a);
            }
            k -= 1;
        }
    }

    /// Walks right from `j` over a noun phrase (up to punctuation or a clause word); returns
    /// the index after its last token.
    fn np_right(&self, j: usize, end: usize) -> Option<usize> {
        if j < end
            && matches!(
                self.w(j),
                "in" | "on"
                    | "at"
                    | "during"
                    | "to"
                    | "from"
                    | "with"
                    | "by"
                    | "for"
                    | "after"
                    | "before"
                    | "of"
                    | "as"
            )
        {
            return None;
        }
        let mut k = j;
        while k < end && k - j < 12 {
            let w = self.w(k);
            let word = self.is_word(k);
            if !word || in_list(LEFT_STOP, w) || (k > j && matches!(w, "on" | "in" | "at" | "during" | "to")) {
                break;
            }
            // a finite verb ends the phrase: "The hospital | does not believe ..." (participles
            // stay inside: "the officials involved", "a source familiar")
            if k > j && self.finite_verb(k) {
                break;
            }
            k += 1;
        }
        // "said Tuesday", "said last week": a time, no one
        let time =
            |m: usize| is_time_word(self.w(m)) || matches!(self.w(m), "last" | "this" | "yesterday" | "early" | "late");
        if (j..k).all(time) {
            return None;
        }
        (k > j).then_some(k)
    }

    #[allow(clippy::too_many_arguments)]
    fn build(
        &self,
        a: usize,
        b: usize,
        body_end: usize,
        c0: usize,
        c1: usize,
        class: CueClass,
        next_cue: Option<usize>,
        prev: &[RawAttribution],
    ) -> Option<RawAttribution> {
        // particles that belong to the cue: "pointed out", "called for", "spoke about"
        let c1 = if matches!(class, CueClass::Verb | CueClass::Think)
            && c1 < body_end
            && !matches!(self.w(c1 - 1), "said" | "says" | "say" | "told" | "tells" | "tell" | "added" | "adds")
            && matches!(self.w(c1), "out" | "for" | "about" | "of" | "on" | "against" | "up")
        {
            c1 + 1
        } else {
            c1
        };
        let cue = self.range(c0, c1 - 1);
        let mut source = None;
        let mut via = Vec::new();
        let mut content;
        // content may not run into the next cue's clause when that cue follows a comma
        let after_limit = next_cue
            .filter(|&n| n > c1 && n > a)
            .and_then(|n| {
                if matches!(self.w(n - 1), "," | "and") {
                    // (not when the comma closes the apposition of a speaker who opens the
                    // content: "reported that Peskov, the Kremlin spokesman, told reporters that")
                    if self.w(n - 1) == "," && self.apposed_subject(c1, n - 1) {
                        return None;
                    }
                    return Some(n - 1);
                }
                // ("“...,” saying ...": the quotation closes before the participle)
                if n > c1 + 2 && self.is_close_quote(n - 1) && self.speech_participle_after_comma(n, a, b) {
                    return Some(n);
                }
                // "..., his team said": the next cue's subject follows a comma
                let mut j = n;
                while j > c1 && self.skipped_left(j - 1) {
                    j -= 1;
                }
                if j <= c1 + 1 || !self.is_word(j - 1) {
                    return None;
                }
                let s0 = self.np_left(c1, j - 1)?;
                // not after "that" or a subordinator: "argued that although X confessed, he showed ..."
                let opened = (c1..s0).any(|k| {
                    matches!(
                        self.w(k),
                        "that"
                            | "although"
                            | "though"
                            | "if"
                            | "when"
                            | "while"
                            | "because"
                            | "since"
                            | "after"
                            | "before"
                            | "as"
                            | "unless"
                            | "once"
                    )
                });
                (s0 > c1 + 1 && self.w(s0 - 1) == "," && self.quote[s0 - 1].is_none() && !opened).then_some(s0 - 1)
            })
            .unwrap_or(body_end)
            .min(body_end);
        // "The website – which describes itself as “...” – said ...": a cue inside a parenthesis
        // between dashes says what the parenthesis holds
        let dash = |k: usize| matches!(self.w(k), "–" | "—" | "―" | "--");
        let opened_by_dash = (a..c0).rev().take_while(|&k| !matches!(self.w(k), "," | ";")).find(|&k| dash(k));
        let after_limit = match opened_by_dash {
            Some(_) => (c1..after_limit).find(|&k| dash(k) && self.quote[k].is_none()).unwrap_or(after_limit),
            None => after_limit,
        };
        match class {
            CueClass::According => {
                let s0 = c1;
                let s1 = self.np_right_loose(s0, body_end);
                if let Some(e) = s1 {
                    source = Some(self.range(s0, e - 1));
                }
                let src_end = s1.unwrap_or(s0);
                let before = self.trim_range(a, c0);
                let after = self.trim_range(src_end, body_end);
                let words = |lo: usize, hi: usize| (lo..hi).filter(|&k| self.is_word(k)).count();
                let (before_len, after_len) = (words(a, c0), words(src_end, body_end));
                // "X, according to Y, Z": which side holds the statement
                let after_clause = src_end < body_end
                    && matches!(self.w(src_end), "," | "—" | "–" | "―")
                    && src_end + 1 < body_end
                    && !matches!(
                        self.w(src_end + 1),
                        "who" | "which" | "where" | "as" | "and" | "but" | "in" | "on" | "at" | "while" | "when"
                    );
                content = match (before, after) {
                    (Some(x), Some(y)) if c0 > a + 2 && after_clause && after_len > before_len => {
                        // (a short opening is an adverbial, "On Monday,", unless it is the
                        // subject: "Her father, according to Madden, used to ...")
                        let subject =
                            matches!(self.pos.get(a), Some(Upos::Det | Upos::Propn | Upos::Noun | Upos::Pron))
                                && !matches!(self.w(a), "this" | "that" | "there" | "it")
                                && (a..c0).all(|k| {
                                    self.w(k) == ","
                                        || self.is_word(k)
                                            && !matches!(
                                                self.pos.get(k),
                                                Some(Upos::Adp | Upos::Verb | Upos::Aux | Upos::Sconj)
                                            )
                                });
                        if before_len <= 5 && !subject {
                            Some(y)
                        } else {
                            Some(x.cover(y))
                        }
                    }
                    (Some(x), _) if c0 > a + 2 => Some(x),
                    (_, Some(y)) => Some(y),
                    (x, None) => x,
                }?;
            }
            CueClass::Passive => {
                // "X, quoted by Y," / "X was quoted by Y": source X, via Y.
                let v0 = c1 + 1;
                if let Some(e) = self.np_right_loose(v0, body_end) {
                    via.push(self.range(v0, e - 1));
                }
                let mut j = c0;
                while j > a && matches!(self.w(j - 1), "," | "was" | "were" | "is" | "are" | "been" | "as") {
                    j -= 1;
                }
                if j > a {
                    if let Some(s) = self.np_left(a, j - 1) {
                        source = Some(self.range(s, j - 1));
                    }
                }
                let after_via = via.last().map_or(c1 + 1, |r: &TextRange| self.tok_after(r.end()));
                let src_start = source.map_or(c0, |r: TextRange| self.tok_after(r.start()));
                content =
                    self.content_after(after_via, b, body_end, false).or_else(|| self.trim_range(a, src_start))?;
            }
            CueClass::Citing => {
                // "X, citing Y, said that ..." / "X told Reuters, citing Y": source Y, via X.
                let s0 = c1;
                let s1 = self.np_right_loose(s0, body_end);
                if let Some(e) = s1 {
                    source = Some(self.range(s0, e - 1));
                }
                let mut j = c0;
                while j > a && self.w(j - 1) == "," {
                    j -= 1;
                }
                if j > a {
                    // the subject of a verb phrase is the hop: "Yonhap reported Tuesday, citing"
                    // is via Yonhap ("reported on Tuesday, citing": none)
                    if let Some(s) = self.np_left(a, j - 1) {
                        match (s..j).find(|&m| self.verb_cue(m)) {
                            None => via.push(self.range(s, j - 1)),
                            Some(m) if m > s => via.push(self.range(s, m - 1)),
                            Some(_) => {}
                        }
                    }
                }
                let rest = s1.unwrap_or(s0);
                content = self.content_after(rest, b, body_end, true).or_else(|| self.trim_range(a, c0))?;
            }
            CueClass::NoSource => {
                // the clause of the cue: past a fronted adverbial ("For someone who ..., the shift
                // seemed so stark") and up to a clause joined by ", but" / ", and" / ";"
                let fronted = (a..c0).rev().find(|&k| self.w(k) == "," && self.quote[k].is_none()).filter(|&k| {
                    c0 - k > 1
                        && c0 - k <= 8
                        && (k + 1..c0).all(|m| self.is_word(m))
                        && !in_list(SKIP_LEFT, self.w(k + 1))
                });
                let s0 = fronted.map_or(a, |k| k + 1);
                let joined = (c1 + 1..body_end).find(|&k| {
                    self.quote[k].is_none()
                        && (self.w(k) == ";"
                            || (self.w(k - 1) == "," && matches!(self.w(k), "but" | "and" | "while" | "which")))
                });
                let mut e = joined.map_or(body_end, |k| if self.w(k) == ";" { k } else { k - 1 });
                // inside a relative clause set off by commas, the clause ends at its closing
                // comma: "The actor, who was reportedly addicted to heroin, is once again the
                // subject of a hoax"
                let relative = (a + 1..c0)
                    .rev()
                    .find(|&k| matches!(self.w(k), "who" | "which") && self.w(k - 1) == "," && self.quote[k].is_none());
                if relative.is_some() {
                    if let Some(k) = (c1..e).find(|&k| self.w(k) == "," && self.quote[k].is_none()) {
                        e = k;
                    }
                }
                // a finite verb the classifier knows mostly without a source that has one here:
                // "Mr. Deese expected that the president would ...", "all agreed that ...": the
                // subject that opens the clause, and what follows "that" / "to"
                let mut j = c0;
                while j > s0 && (self.is_adverb(j - 1) || matches!(self.w(j - 1), "never" | "also" | "not")) {
                    j -= 1;
                }
                let subject = (j > s0 && self.is_word(j - 1))
                    .then(|| self.np_left(s0, j - 1))
                    .flatten()
                    .filter(|&st| st == s0 && !matches!(self.w(st), "it" | "there" | "this" | "that" | "what"));
                // (a speech verb needs no "that": "Witnesses reported gunfire inside the halls")
                // (not an evidential, "The photo appears to show", whose subject says nothing,
                // nor a verb the skipped words negate, "The profile does not seem")
                let evidential = matches!(
                    self.w(c0),
                    "seem" | "seems" | "seemed" | "appear" | "appears" | "appeared" | "known" | "likely"
                ) || is_passive_belief(self.w(c0));
                let negated = (j..c0).any(|k| self.w(k) == "not");
                let finite = self.pos.get(c0) == Some(&Upos::Verb)
                    && !evidential
                    && !negated
                    && c1 < b
                    && (matches!(self.w(c1), "that" | "to") || cues::is_speech(self.w(c0)) && self.is_word(c1));
                if let (Some(st), true) = (subject, finite) {
                    source = Some(self.range(st, j - 1));
                    content = self.trim_range(c1, e).filter(|r| !r.is_empty())?;
                } else {
                    content = self.trim_range(s0, e).filter(|r| !r.overlaps(cue) || r.len() > cue.len())?;
                }
            }
            CueClass::Verb | CueClass::Think => {
                // skip auxiliaries/adverbs left of the cue
                let mut j = c0;
                loop {
                    if j > a && self.skipped_left(j - 1) {
                        j -= 1;
                    } else if j > a + 1
                        && (is_time_word(self.w(j - 1))
                            // "who in 2010 said"
                            || self.w(j - 1).len() == 4
                                && self.w(j - 1).chars().all(|c| c.is_ascii_digit())
                                && matches!(self.w(j - 2), "in" | "since"))
                        && matches!(self.w(j - 2), "on" | "last" | "this" | "late" | "early" | "in" | "since")
                    {
                        // "Scott on Monday announced"
                        j -= 2;
                    } else {
                        break;
                    }
                }
                // (past adverbs too: "The actor was also reported dead")
                let passive_be = (j..c0).any(|k| matches!(self.w(k), "was" | "were" | "been" | "being" | "is" | "are"));
                let mut left_src = None;
                let mut event_participle = false;
                if j > a && matches!(self.w(j - 1), "who" | "which" | "that") {
                    // a relative pronoun is the source as written
                    left_src = Some((j - 1, j - 1));
                } else if j > a + 1
                    && self.is_close_quote(j - 2)
                    && self.is_word(j - 1)
                    && in_list(LEFT_STOP, self.w(j - 1))
                    && self.raw(j - 1).starts_with(|c: char| c.is_uppercase())
                {
                    // "“That is rumors, fabricated rumors,” So said": a capitalized name right
                    // after a quotation, spelled like a function word (the ambassador So Se Pyong)
                    left_src = Some((j - 1, j - 1));
                } else if j > a && (self.is_word(j - 1) || self.w(j - 1) == ")" || self.closes_phrase_quote(j - 1, a)) {
                    left_src = self.np_left(a, j - 1).map(|s| (s, j - 1));
                    // a personal pronoun right before the cue is the whole subject ("the $18
                    // million he says he raised"); an object fronted in a relative clause is no
                    // part of it ("something a 911 caller also told a dispatcher")
                    left_src = left_src.map(|(s, e)| {
                        if e > s && matches!(self.w(e), "he" | "she" | "they" | "i" | "we" | "it") {
                            (e, e)
                        } else if e > s + 1
                            && matches!(self.w(s), "something" | "what" | "everything" | "anything")
                            // (a new noun phrase after it: not "nothing in the report suggests")
                            && matches!(self.pos.get(s + 1), Some(Upos::Det | Upos::Pron | Upos::Num | Upos::Propn))
                        {
                            (s + 1, e)
                        } else {
                            (s, e)
                        }
                    });
                    // "sources who reviewed them told POLITICO": a short relative clause (with its
                    // verb) inside the subject belongs to the noun before it
                    left_src = left_src.map(|(s, e)| {
                        // ("the woman who is teaching English at the school has not commented",
                        // "the man who was arrested by police in May told": a subject relative
                        // clause, its verb right after the pronoun or an auxiliary, holds the
                        // phrase found, which is no subject)
                        let aux = |k: usize| {
                            matches!(self.w(k), "is" | "are" | "was" | "were" | "has" | "have" | "had" | "been")
                        };
                        let rel = (s.saturating_sub(10).max(a + 1)..s).rev().find(|&k| {
                            matches!(self.w(k), "who" | "that")
                                && matches!(self.pos.get(k - 1), Some(Upos::Noun | Upos::Propn))
                                // (one clause: not "a meme that blew up after a Fox contributor
                                // declared", "sources who said intelligence agencies warned")
                                && (k + 1..s).all(|m| {
                                    self.is_word(m)
                                        && !matches!(
                                            self.w(m),
                                            "after" | "before" | "when" | "while" | "because" | "since" | "as" | "if"
                                                | "until" | "although" | "though" | "unless" | "once" | "whether"
                                        )
                                        && !cues::is_speech(self.w(m))
                                        && cues::classify(self.w(m)).is_none()
                                })
                                && (k + 1..(k + 4).min(s + 1)).find(|&m| !aux(m)).is_some_and(|m| {
                                    m <= e && self.pos.get(m) == Some(&Upos::Verb)
                                })
                        });
                        let r = rel.map_or(s, |k| k + 1);
                        let relative = r >= a + 2
                            && matches!(self.w(r - 1), "who" | "that")
                            && matches!(self.pos.get(r - 2), Some(Upos::Noun | Upos::Propn))
                            && e - s < 6
                            && (r..=e).any(|k| self.pos.get(k) == Some(&Upos::Verb));
                        match relative.then(|| self.np_left(a, r - 2)).flatten() {
                            Some(h) => (h, e),
                            None => (s, e),
                        }
                    });
                    if !self.w(c0).ends_with("ing") {
                        left_src = left_src.map(|(s, e)| (self.coordinated_left(a, s), e));
                    }
                    // a participle right after its noun has that noun's phrase for its subject,
                    // not the phrase the noun hangs from: "the subject of a hoax claiming that"
                    if self.w(c0).ends_with("ing") && j == c0 {
                        // (not over a verb: "Israel Radio reported Kurdish sources denying")
                        if let Some((s, e)) = left_src {
                            // (a participle between a determiner and its noun is an adjective:
                            // "the newest perceived flaw")
                            let finite = |k: usize| {
                                matches!(self.pos.get(k), Some(Upos::Verb | Upos::Aux))
                                    && !self.w(k).ends_with("ing")
                                    && !(k > s && matches!(self.pos.get(k - 1), Some(Upos::Det | Upos::Adj)))
                            };
                            if let Some(v) = (s..=e).rev().find(|&k| finite(k)) {
                                // what someone put out speaks for them: "ISIS posted a video
                                // announcing", "Mo Jiwa put a positive spin on it saying"; a
                                // clause after the verb is no speaker ("admitted receiving emails")
                                let put_out = matches!(
                                    self.w(v),
                                    "posted"
                                        | "released"
                                        | "published"
                                        | "issued"
                                        | "aired"
                                        | "put"
                                        | "uploaded"
                                        | "shared"
                                        | "leaked"
                                );
                                let clause = v < e && matches!(self.pos.get(v + 1), Some(Upos::Verb | Upos::Aux));
                                // a time or a medium after the verb is no speaker either: "have
                                // spent recent weeks touting", "went on national television claiming"
                                let setting = (v + 1..=e).any(|k| {
                                    let w = self.w(k);
                                    is_time_word(w.trim_end_matches('s'))
                                        || matches!(
                                            w,
                                            "days"
                                                | "hours"
                                                | "time"
                                                | "television"
                                                | "tv"
                                                | "radio"
                                                | "air"
                                                | "camera"
                                                | "stage"
                                        )
                                });
                                // (the verb's own subject: "after he went on national television claiming")
                                let mut u = v;
                                while u > a && matches!(self.pos.get(u - 1), Some(Upos::Aux | Upos::Adv | Upos::Part)) {
                                    u -= 1;
                                }
                                let verb_subject =
                                    (u > a).then(|| self.np_left(a, u - 1).map(|x| (x, u - 1))).flatten();
                                // ("spoken out on the latest hoax claiming": the phrase after the particle)
                                let mut v = v;
                                while v + 1 < e
                                    && matches!(self.pos.get(v + 1), Some(Upos::Adp | Upos::Adv | Upos::Part))
                                {
                                    v += 1;
                                }
                                // ... nor those told: "contacted some users telling them that"
                                let told_back =
                                    matches!(self.w(c0), "telling" | "asking" | "urging" | "warning" | "informing")
                                        && matches!(
                                            self.w(c1.min(self.toks.len() - 1)),
                                            "them" | "him" | "her" | "us" | "me"
                                        );
                                // ("has reportedly begun telling": nothing after the verb, its subject)
                                left_src = if put_out || setting || told_back || v == e {
                                    event_participle = verb_subject.is_none();
                                    verb_subject
                                } else {
                                    (!clause).then_some((v + 1, e))
                                };
                            }
                        }
                        if let Some((s, e)) = left_src {
                            // (a determined phrase after a lowercase noun: not "People for the
                            // Ethical Treatment of Animals", "a lot of time talking")
                            let determined = |k: usize| {
                                self.raw(k - 1).starts_with(|c: char| c.is_lowercase())
                                    && matches!(
                                        self.w(k + 1),
                                        "a" | "an"
                                            | "the"
                                            | "his"
                                            | "her"
                                            | "their"
                                            | "its"
                                            | "our"
                                            | "this"
                                            | "these"
                                            | "those"
                                    )
                            };
                            if let Some(k) = (s + 1..e).rev().find(|&k| self.w(k) == "of" && determined(k)) {
                                left_src = Some((k + 1, e));
                            }
                            // "she said at a news conference announcing that": an event the
                            // speaker was at announces nothing; the speaker does
                            let prep = |k: usize| matches!(self.w(k), "at" | "during");
                            // nor does the one a statement was given to: "released a statement to
                            // ABC News denying", the issuer denies (looking back over a
                            // coordination of names: "to both The New Republic and ABC News")
                            let mut k = s;
                            while k > a
                                && s - k < 8
                                && (matches!(self.w(k - 1), "and" | "both" | "the" | ",")
                                    || self.raw(k - 1).starts_with(char::is_uppercase))
                            {
                                k -= 1;
                            }
                            let given = (k.saturating_sub(6).max(a)..e).any(|m| {
                                matches!(self.w(m), "statement" | "statements" | "release" | "letter" | "email")
                                    && (m + 1..=e).any(|t| self.w(t) == "to")
                            });
                            if prep(s) || s > a && prep(s - 1) || given {
                                left_src = None;
                                event_participle = true;
                            }
                        }
                    }
                    // "A British man who went to fight against Islamic State in Iraq has said":
                    // the object of a preposition is no subject; the phrase the relative clause
                    // belongs to is
                    // (not after an opening adverbial without its comma: "In a meeting with the
                    // editorial board of the Washington Post Trump said", "With Democratic leaders
                    // increasingly worried about ...", nor before a subject pronoun)
                    let opens_adverbial = self.pos.get(a).is_some_and(|t| matches!(t, Upos::Adp | Upos::Sconj))
                        || matches!(self.w(a), "with" | "in" | "by" | "after" | "during" | "at" | "on" | "for");
                    // (nor for a participle: "with UBS analyst David Strauss saying")
                    let participle_cue = self.w(c0).ends_with("ing");
                    if let Some((s, e)) = left_src.filter(|&(_, e)| {
                        !opens_adverbial
                            && !participle_cue
                            && !matches!(self.w(e), "he" | "she" | "they" | "we" | "i" | "it" | "you")
                    }) {
                        // (not "by": "A statement by Boeing given by spokesman X said" is X's)
                        let object = s > a && in_list(OBJECT_PREPOSITIONS, self.w(s - 1));
                        if object {
                            let preposition = |k: usize| {
                                in_list(OBJECT_PREPOSITIONS, self.w(k))
                                    || matches!(self.w(k), "by" | "in" | "at" | "of" | "on")
                            };
                            let nominal = |k: usize| {
                                matches!(
                                    self.pos.get(k),
                                    Some(Upos::Det | Upos::Noun | Upos::Propn | Upos::Pron | Upos::Num | Upos::Adj)
                                )
                            };
                            // a noun phrase and nothing else from h up to (not including) `to`
                            // ("A hoax report filed by website X": a participle before "by" too)
                            let phrase = |h: usize, to: usize| {
                                nominal(h)
                                    && !(h > a && preposition(h - 1))
                                    && (h..to).all(|k| {
                                        nominal(k)
                                            || matches!(self.w(k), "-" | "&" | "." | "(" | ")" | "of")
                                            || matches!(self.w(k), "'s" | "’s" | "'" | "’")
                                                && k > h
                                                && matches!(self.pos.get(k - 1), Some(Upos::Noun | Upos::Propn))
                                            || k + 2 == s
                                                && self.w(s - 1) == "by"
                                                && (self.w(k).ends_with("ed") || self.w(k).ends_with("en"))
                                            // ("A statement attributed to the group claimed")
                                            || k + 2 == s && self.w(k) == "attributed"
                                    })
                            };
                            // (a relative clause hangs on a noun: "A British man who went to ...",
                            // not "told the Journal that Apple ...")
                            let rel = (a..s).rev().find(|&k| {
                                (matches!(self.w(k), "who" | "which")
                                    || self.w(k) == "that"
                                        && matches!(self.pos.get(k + 1), Some(Upos::Verb | Upos::Aux)))
                                    && k > a
                                    && matches!(self.pos.get(k - 1), Some(Upos::Noun | Upos::Propn))
                            });
                            left_src = match rel {
                                Some(r) => self.np_left(a, r - 1).filter(|&h| phrase(h, r)).map(|h| (h, e)),
                                // "the Syrian Observatory for Human Rights said": the noun phrase
                                // the preposition belongs to, when nothing but a noun phrase comes
                                // between (not "an interview with Mueller from the newspaper", "the
                                // family to help find him", "in Shandong province with a placard")
                                None => (s >= a + 2
                                    && self.is_word(s - 2)
                                    && self.pos.get(s).is_none_or(|t| *t != Upos::Verb))
                                .then(|| self.np_left(a, s - 2))
                                .flatten()
                                .filter(|&h| phrase(h, s - 1))
                                .map(|h| (h, e)),
                            };
                        }
                    }
                    // "the hoax we decided": a subject pronoun after a noun opens a relative
                    // clause; it alone is the subject
                    if let Some((s, e)) = left_src {
                        let pron = matches!(self.w(e), "we" | "i" | "he" | "she" | "they" | "you");
                        if pron && e > s && self.pos.get(e - 1).is_some_and(|t| matches!(t, Upos::Noun | Upos::Propn)) {
                            left_src = Some((e, e));
                        }
                    }
                }
                // "in light of fears that ...": a noun cue after a preposition has no subject
                if class == CueClass::Think
                    && j == c0
                    && j > a
                    && self.pos.get(j - 1) == Some(&Upos::Adp)
                    && self.pos.get(c0) == Some(&Upos::Noun)
                {
                    return None;
                }
                // the token before the source (or cue): what kind of boundary
                let before_idx = left_src.map_or(j, |(s, _)| s);
                let mut boundary = before_idx.checked_sub(1).filter(|&x| x >= a);
                let mut comma_or_quote = boundary.is_some_and(|x| {
                    matches!(self.w(x), "," | "—" | "–" | "--")
                        || self.is_close_quote(x) && !self.closes_phrase_quote(x, a)
                });
                // "..., as Gawker points out.": the clause before the comma is what the source says
                if left_src.is_some() {
                    if let Some(x) = boundary.filter(|&x| self.w(x) == "as" && x > a && self.w(x - 1) == ",") {
                        boundary = Some(x - 1);
                        comma_or_quote = true;
                    }
                }
                // inverted: ", said the spokesman" / "” said Peskov"
                let mut after = c1;
                // never for "told" ("“...,” Smith, a director, told Reuters."): the phrase after it
                // is the addressee
                let addressee_next = matches!(self.w(c1 - 1), "told" | "tell" | "tells" | "informed");
                if left_src.is_none()
                    && comma_or_quote
                    && c1 < body_end
                    && !self.w(c0).ends_with("ing")
                    && !addressee_next
                {
                    if let Some(e) = self.np_right(c1, body_end) {
                        // only when the phrase closes the clause: ", said the spokesman." and not
                        // "Smith, a lawyer, said the states were wrong"
                        let after_quote = boundary.is_some_and(|x| self.is_close_quote(x));
                        let closes =
                            e >= body_end || matches!(self.w(e), "," | "(" | ";" | ":" | "—" | "–") || after_quote;
                        // a verb of thought or action after a comma takes its object, not an inverted
                        // subject ("Ryan, a conservative, insists the GOP must ..."), and a clause is
                        // no source
                        let clause = (c1..e).any(|k| {
                            matches!(
                                self.w(k),
                                "must"
                                    | "will"
                                    | "would"
                                    | "can"
                                    | "could"
                                    | "should"
                                    | "is"
                                    | "are"
                                    | "was"
                                    | "were"
                                    | "has"
                                    | "have"
                                    | "had"
                                    | "may"
                                    | "might"
                            )
                        });
                        if closes && (class == CueClass::Verb || after_quote) && !clause {
                            left_src = Some((c1, e - 1));
                            after = e;
                        }
                    }
                }
                // "Asked about the plan, Clinton said ...": a passive participle opening the sentence
                // has no source; its content is the question, up to the comma
                let asked_opening = j == a
                    && c0 == a
                    && matches!(self.w(c0), "asked" | "told" | "pressed" | "questioned")
                    && self.raw(c0).starts_with(|c: char| c.is_uppercase());
                let mut question_end = None;
                if asked_opening {
                    question_end = (c1..body_end).find(|&k| self.w(k) == "," && self.quote[k].is_none());
                }
                // "Said Ellis: ..." at the start of a sentence
                // "Both said ...", "Many believe ...": a quantifier the loop above took for an
                // adverb is the subject
                if left_src.is_none()
                    && j == a
                    && c0 == a + 1
                    && matches!(self.w(a), "both" | "many" | "some" | "several" | "most" | "others")
                {
                    left_src = Some((a, a));
                }
                if left_src.is_none()
                    && !asked_opening
                    && j == a
                    && class == CueClass::Verb
                    && c1 < body_end
                    && self.is_word(c1)
                {
                    if let Some(e) = self.np_right(c1, body_end) {
                        // ("said it was done": a pronoun before a verb is what was said)
                        let clause_subject = e == c1 + 1
                            && self.pos.get(c1) == Some(&Upos::Pron)
                            && e < body_end
                            && self.pos.get(e).is_some_and(|t| matches!(t, Upos::Verb | Upos::Aux));
                        if !clause_subject {
                            left_src = Some((c1, e - 1));
                            after = e;
                        }
                    }
                }
                // apposition: "Rendell, a Clinton surrogate, called it ..."
                let is_sep = |k: usize| matches!(self.w(k), "," | "—" | "―" | "–" | "--");
                if left_src.is_none() && j > a + 2 && is_sep(j - 1) && !self.w(c0).ends_with("ing") {
                    let sep = self.w(j - 1);
                    let lo = j.saturating_sub(25).max(a);
                    let same = |k: usize| if sep == "," { self.w(k) == "," } else { is_sep(k) && self.w(k) != "," };
                    // "Mr Abdulla, speaking after returning to his home in Keighley, West Yorkshire,
                    // said": a participial or relative clause after the name holds commas of its own
                    let clause_comma = |q: usize| {
                        // (untagged text: by the word's shape)
                        let tag = |k: usize, t: &[Upos]| self.pos.get(k).is_none_or(|p| t.contains(p));
                        q > a
                            && self.w(q) == ","
                            && self.is_word(q - 1)
                            && tag(q - 1, &[Upos::Propn, Upos::Noun])
                            && (self.w(q + 1) == "who" || self.w(q + 1).ends_with("ing") && tag(q + 1, &[Upos::Verb]))
                    };
                    let nearest = (lo..j - 1).rev().find(|&k| same(k));
                    let p = nearest.map(|p| {
                        if sep != "," || clause_comma(p) {
                            return p;
                        }
                        (lo..p).rev().find(|&q| clause_comma(q)).unwrap_or(p)
                    });
                    if let Some(p) = p {
                        if p > a && (self.is_word(p - 1) || self.w(p - 1) == ")") && !self.is_close_quote(p - 1) {
                            if let Some(mut s0) = self.np_left(a, p - 1) {
                                // "Mr Abdulla, from Keighley, West Yorkshire, told": a place
                                // after "from" is the apposition's, the person precedes it
                                if s0 > a + 2
                                    && matches!(self.w(s0 - 1), "from" | "of" | "in" | "at")
                                    && self.w(s0 - 2) == ","
                                {
                                    if let Some(h) = self.np_left(a, s0 - 3) {
                                        s0 = h;
                                    }
                                } else if s0 > a + 2
                                    && matches!(self.w(s0 - 1), "and" | "of" | "for" | "in" | "at")
                                    && self.pos.get(s0) != Some(&Upos::Propn)
                                {
                                    // "Laura Hobgood-Oster, professor of religion and environmental
                                    // studies at Southwestern University in Georgetown, Texas, said":
                                    // the description runs back to the comma after the name
                                    let q = (s0.saturating_sub(12).max(a)..s0).rev().find(|&k| !self.is_word(k));
                                    let described = q.is_some_and(|q| {
                                        self.w(q) == ","
                                            && q > a
                                            && self.pos.get(q - 1) == Some(&Upos::Propn)
                                            && (q + 1..s0)
                                                .all(|m| !matches!(self.pos.get(m), Some(Upos::Verb | Upos::Aux)))
                                    });
                                    let head =
                                        q.filter(|_| described).and_then(|q| self.np_left(a, q - 1).map(|h| (q, h)));
                                    if let Some((q, h)) = head {
                                        let name = (h..q).all(|m| self.pos.get(m) == Some(&Upos::Propn));
                                        let opens = h == a || matches!(self.w(h - 1), "," | "“" | "\"" | "”");
                                        if name && opens {
                                            s0 = h;
                                        }
                                    }
                                }
                                // "John Smith, 45, of Dayton, Ohio, said", "Mary Jones, a teacher from
                                // Austin, Texas, said": over the comma chain of age, place and
                                // description back to the name that opens the clause
                                {
                                    let tag = |k: usize| self.pos.get(k).copied();
                                    let desc = |k: usize| {
                                        matches!(tag(k), Some(Upos::Det | Upos::Num))
                                            || matches!(self.w(k), "of" | "from")
                                            || tag(k) == Some(Upos::Propn)
                                    };
                                    let mut t = s0;
                                    let mut found = None;
                                    for _ in 0..4 {
                                        if !(t > a + 1 && self.w(t - 1) == "," && desc(t)) {
                                            break;
                                        }
                                        let Some(mut h) = self.np_left(a, t - 2) else { break };
                                        if h > a && matches!(self.w(h - 1), "of" | "from") {
                                            h -= 1;
                                        }
                                        let name = (h..t - 1).all(|m| tag(m) == Some(Upos::Propn)) && h < t - 1;
                                        let opens = h == a
                                            || matches!(self.w(h - 1), "“" | "\"" | "”")
                                            || self.is_close_quote(h - 1);
                                        if name && opens {
                                            found = Some(h);
                                            break;
                                        }
                                        t = h;
                                    }
                                    if let Some(h) = found {
                                        s0 = h;
                                    }
                                }
                                // (a quotation closed inside the apposition is part of it)
                                let inside = |k: usize| {
                                    self.quote[k].is_some_and(|(o, c)| o as usize > p && (c as usize) < j - 1)
                                };
                                if (p + 1..j - 1).all(|k| !self.is_quote(k) || inside(k)) {
                                    left_src = Some((s0, j - 2));
                                    // what precedes the whole phrase: "“...,” Ramos, 58, told AFP"
                                    boundary = s0.checked_sub(1).filter(|&x| x >= a);
                                    comma_or_quote = boundary.is_some_and(|x| {
                                        matches!(self.w(x), "," | "—" | "–" | "--") || self.is_close_quote(x)
                                    });
                                }
                            }
                        }
                    }
                }
                // passive with "by": "was stated by the spokeswoman"
                let mut refers_back = None;
                // (past a verdict: "have been refuted as “incorrect” and “unfounded” by the ministry")
                let by_at = if passive_be && c1 < body_end && self.w(c1) == "as" {
                    (c1 + 1..(c1 + 10).min(body_end))
                        .find(|&k| self.w(k) == "by")
                        .filter(|&k| (c1 + 1..k).all(|m| self.w(m) != "," && self.pos.get(m) != Some(&Upos::Verb)))
                } else if passive_be && c1 + 1 < body_end && self.is_adverb(c1) && self.w(c1 + 1) == "by" {
                    // "was told directly by a senior official that"
                    Some(c1 + 1)
                } else {
                    Some(c1)
                };
                let by_at = by_at.unwrap_or(c1);
                // the subject of a passive denial is what was denied: "The claim was denied by
                // the ministry"
                // (a phrase, not a clause: "It's not the first time spider fallacies have been
                // debunked" has none)
                let passive_subject = left_src.filter(|&(s, e2)| {
                    // ("Reports that Isis fighters have contracted Ebola have been refuted": the
                    // clause the report holds)
                    let reported_clause = s > a && self.w(s - 1) == "that";
                    !matches!(self.w(s), "who" | "which" | "that")
                        && (reported_clause
                            || (s..=e2).all(|k| {
                                // (a possessive, not "it's")
                                let possessive = matches!(self.w(k), "'s" | "’s")
                                    && k > s
                                    && self.pos.get(k - 1).is_some_and(|t| matches!(t, Upos::Noun | Upos::Propn));
                                possessive || !matches!(self.pos.get(k), Some(Upos::Verb | Upos::Aux))
                            }))
                });
                // "the officials who were questioned by police": the agent asked, the subject
                // answered; no statement of either here
                if passive_be
                    && by_at < body_end
                    && self.w(by_at) == "by"
                    && matches!(self.w(c1 - 1), "questioned" | "interviewed" | "quizzed" | "asked")
                {
                    return None;
                }
                if passive_be && by_at < body_end && self.w(by_at) == "by" {
                    if let Some(e) = self.np_right_loose(by_at + 1, body_end) {
                        // "This was stated by ...": the content is the previous sentence
                        let back = |k: usize| matches!(self.w(k), "this" | "that" | "it" | "so");
                        if left_src.is_some_and(|(s, e2)| s == e2 && back(s))
                            || (left_src.is_none() && j > a && back(j - 1))
                        {
                            refers_back = self.prev_sentence.get().and_then(|(pa, pb)| self.trim_range(pa, pb));
                        }
                        left_src = Some((by_at + 1, e - 1));
                        after = e;
                        let deny = matches!(
                            self.w(c0),
                            "denied" | "disputed" | "refuted" | "rejected" | "dismissed" | "debunked" | "rebutted"
                        );
                        // (what follows the agent may describe it: "reported by Foxnews.es, a
                        // hoax website")
                        let tail_done = self.tail_is_short(after, after_limit) || self.w(after) == ",";
                        let reported = matches!(self.w(c0), "reported" | "announced" | "confirmed");
                        if refers_back.is_none() && (deny || reported) && tail_done {
                            refers_back = passive_subject.map(|(s, e2)| self.range(s, e2));
                        }
                    }
                }
                let participle = self.w(c0).ends_with("ing")
                    && (j > a && self.w(j - 1) == "," || j == c0 && self.speech_participle_after_comma(c0, a, b));
                if participle && left_src.is_none() && boundary.is_some_and(|x| self.is_close_quote(x)) {
                    boundary = boundary.map(|x| x - 1);
                }
                // participle after a comma (", adding that"): source of the previous cue, or the
                // subject at the start of the sentence
                // (not across an auxiliary: in "a group, now going by the name X, is planning"
                // the subject is the phrase the comma closes, not the sentence's)
                let aux_between = boundary.is_some_and(|x| {
                    (x + 1..c0).any(|k| {
                        matches!(self.w(k), "is" | "are" | "was" | "were" | "has" | "have" | "had" | "will" | "would")
                    })
                });
                // (only a speech or -ing participle: "Culkin, best known for his role," is no
                // statement of the sentence's speaker)
                let speech_participle = !matches!(
                    self.w(c0),
                    "best"
                        | "better"
                        | "well"
                        | "widely"
                        | "known"
                        | "dubbed"
                        | "nicknamed"
                        | "shown"
                        | "entitled"
                        | "titled"
                );
                if left_src.is_none() && speech_participle && boundary.is_some_and(|x| self.w(x) == ",") {
                    source = if aux_between {
                        // unless the sentence's subject is the phrase: "Josh Paler Lin, the
                        // YouTube personality who uploaded it, is telling everyone"
                        self.subject(a, c0).filter(|s| {
                            let k = self.tok_after(s.end());
                            k < c0 && self.w(k) == ","
                        })
                    } else {
                        main_source(prev, self.text).or_else(|| self.subject(a, c0))
                    };
                }
                // coordinated or infinitive cue: "Graham urged ..., and criticized ...",
                // "Stumpf refused to admit ...": the subject of the sentence
                let coordinated = j > a && matches!(self.w(j - 1), "and" | "but" | "or" | "to" | "then" | "nor");
                if left_src.is_none() && coordinated {
                    source = main_source(prev, self.text).or_else(|| self.subject(a, c0));
                }
                // an opening participle clause ("Noting that ..., Tester added", "Backing Obama,
                // Cuban is ..."): the subject after the clause's comma; the content ends there
                let mut after_limit = after_limit;
                let ing = self.w(c0).ends_with("ing") && self.w(c0).len() > 4;
                let sub = |k: usize| {
                    matches!(
                        self.w(k),
                        "after" | "before" | "while" | "in" | "by" | "when" | "since" | "despite" | "without" | "upon"
                    )
                };
                if left_src.is_none() && source.is_none() && ing && (j == a || (j == a + 1 && sub(a))) {
                    let comma =
                        (c1..(after_limit + 1).min(body_end)).find(|&k| self.w(k) == "," && self.quote[k].is_none());
                    if let Some(k) = comma.filter(|&k| k + 1 < body_end && self.is_word(k + 1)) {
                        if let Some(e) = self.np_right(k + 1, body_end) {
                            source = Some(self.range(k + 1, e - 1));
                            after_limit = k;
                        }
                    }
                }
                // "punctuated his list by saying", "charged him after determining that", "refuses
                // to discuss them, aside from saying": the subject
                let aside_from = j > a + 2 && self.w(j - 1) == "from" && matches!(self.w(j - 2), "aside" | "apart");
                if left_src.is_none() && source.is_none() && ing && j > a + 1 && (sub(j - 1) || aside_from) {
                    source = main_source(prev, self.text).or_else(|| self.subject(a, j - 1));
                }
                // (the sentence's subject first: "DHS released a statement to ABC News denying")
                if event_participle {
                    source = self.subject(a, j - 1).or_else(|| main_source(prev, self.text));
                }
                if let Some(k) = question_end {
                    after_limit = k;
                }
                let inverted = left_src.is_some_and(|(s, _)| s >= c1);
                if let Some((s, e)) = left_src {
                    source = Some(self.range(s, e));
                }
                // "“...,” X told CNN." : the addressee is not content
                // "told Fox News’ Greta van Susteren Tuesday that ...": the addressee runs to "that"
                let that_after_addressee =
                    (after..(after + 10).min(after_limit)).find(|&k| self.w(k) == "that").filter(|&k| {
                        k > after
                            && (after..k).all(|m| {
                                (self.is_word(m) || matches!(self.w(m), "’" | "'" | "'s" | "’s" | "." | "-"))
                                && !matches!(self.pos.get(m), Some(Upos::Verb | Upos::Aux))
                                // (one phrase: not "told BuzzFeed News the congressman's assertion that")
                                && (m == after || self.pos.get(m) != Some(&Upos::Det))
                            })
                    });
                if !inverted && in_list(ADDRESSEE_VERBS, self.w(c1 - 1)) && that_after_addressee.is_some() {
                    after = that_after_addressee.unwrap_or(after);
                } else if !inverted
                    && after < after_limit
                    && in_list(ADDRESSEE_VERBS, self.w(c1 - 1))
                    && self.is_word(after)
                {
                    if let Some(e) = self.np_right(after, after_limit) {
                        // "told the newspaper he had visited": the clause's subject pronoun
                        // ends the addressee
                        let pron = (after + 1..e)
                            .find(|&k| matches!(self.w(k), "he" | "she" | "they" | "we" | "i" | "it"))
                            .filter(|&k| {
                                k < after_limit
                                    && self.finite_verb(e.min(self.toks.len() - 1))
                                    && (after..k).all(|m| self.pos.get(m) != Some(&Upos::Adp))
                            });
                        if let Some(k) = pron {
                            after = k;
                        } else if e >= after_limit || matches!(self.w(e), "," | "." | "in" | "on" | "at") {
                            after = e;
                        }
                    }
                }
                let before = if comma_or_quote { boundary.and_then(|x| self.content_before(a, x)) } else { None };
                let closes_quote =
                    boundary.is_some_and(|x| self.is_close_quote(x) || (x > a && self.is_close_quote(x - 1)));
                let tail_short = self.tail_is_short(after, after_limit);
                let before = if participle { None } else { before };
                content = match before {
                    _ if refers_back.is_some() => refers_back?,
                    Some(x) if tail_short || inverted || closes_quote => self.extend_quotes(x, after, b),
                    Some(x) => {
                        let quote_after = after + 1 < b
                            && matches!(self.w(after), "," | ":")
                            && self.quote[after + 1].is_some_and(|(o, _)| o as usize == after + 1);
                        if quote_after {
                            // "Asked if ..., Trump replied, “Well, maybe so.”": the quotation
                            let (_, c) = self.quote[after + 1]?;
                            self.extend_quotes(self.range(after + 1, c as usize), c as usize + 1, b)
                        } else if after < after_limit && self.w(after) == "," {
                            // parenthetical: "The plan, he said, is bad."
                            let y = self.trim_range(after + 1, after_limit);
                            y.map_or(x, |y| x.cover(y))
                        } else {
                            self.content_after(after, b, after_limit, class == CueClass::Verb).unwrap_or(x)
                        }
                    }
                    None => self
                        .content_after(after, b, after_limit, class == CueClass::Verb)
                        .or_else(|| self.colon_before(a, c0))
                        .or_else(|| self.outside_sentence(a, b, after, class))?,
                };
                // a passive with no agent ("Smith was criticized for ..."): no source, and the
                // subject belongs to the content
                let by_agent = passive_be && c1 < body_end && self.w(c1) == "by";
                let participle_form = (c0..c1).any(|k| {
                    let w = self.w(k);
                    w.ends_with("ed")
                        || matches!(
                            w,
                            "said"
                                | "known"
                                | "seen"
                                | "told"
                                | "thought"
                                | "held"
                                | "shown"
                                | "written"
                                | "given"
                                | "heard"
                        )
                });
                // "we are convinced this is ...", "they were worried that ...": the subject of a
                // participle of belief or feeling holds it
                let experiencer = matches!(
                    self.w(c0),
                    "convinced" | "persuaded" | "worried" | "concerned" | "confident" | "determined" | "adamant"
                ) && c1 < body_end
                    && !matches!(self.w(c1), "by" | "about" | "with" | "for" | "of");
                if passive_be && participle_form && !by_agent && refers_back.is_none() && !inverted && !experiencer {
                    if let Some((s, e)) = left_src {
                        if self.range(s, e).end() <= content.start() || content.start() >= cue.end() {
                            content = self.range(s, e).cover(content);
                        }
                    }
                    source = None;
                }
                // a bare article is not a source: "the expectations are ...", "a look at ..."
                if let Some(r) = source {
                    if matches!(&self.lower[r], "the" | "a" | "an") {
                        source = None;
                    }
                }
            }
        }
        let form = self.form(content, &[Some(cue), source]);
        Some(RawAttribution { cue, source, content, via, form })
    }

    /// Like [`Self::np_right`] but also crosses "of", "the", prepositions inside a name
    /// ("a senior official in the region"), stopping at a comma or a clause word.
    fn np_right_loose(&self, j: usize, end: usize) -> Option<usize> {
        let mut k = j;
        while k < end && k - j < 24 {
            let w = self.w(k);
            if !self.is_word(k) && !matches!(w, "-" | "'s" | "’s" | "&") {
                break;
            }
            if matches!(w, "that" | "which" | "who" | "said" | "says" | "and" | "but") {
                break;
            }
            // "by the ministry on Monday": a time is no part of the name
            if k > j && w == "on" && k + 1 < end && is_time_word(self.w(k + 1)) {
                break;
            }
            k += 1;
        }
        (k > j).then_some(k)
    }

    fn tok_after(&self, byte: u32) -> usize {
        self.toks.partition_point(|t| t.range.start() < byte)
    }

    /// The tokens `a..e` trimmed of edge punctuation (keeping quote marks), as a range.
    fn trim_range(&self, mut a: usize, mut e: usize) -> Option<TextRange> {
        while a < e && matches!(self.toks[a].kind, TokenKind::Punct) {
            a += 1;
        }
        while e > a && matches!(self.toks[e - 1].kind, TokenKind::Punct) {
            e -= 1;
        }
        (a < e).then(|| self.range(a, e - 1))
    }

    /// True when nothing that could be content follows the cue: end of sentence, or a
    /// comma then another clause ("..., he said, adding that"), or a short adverbial.
    fn tail_is_short(&self, after: usize, limit: usize) -> bool {
        if after >= limit {
            return true;
        }
        let w = self.w(after);
        if matches!(w, "," | ";" | "—" | "(") {
            // what follows the comma
            let n = after + 1;
            if n >= limit {
                return true;
            }
            let nw = self.w(n);
            return nw.ends_with("ing")
                || matches!(
                    nw,
                    "adding"
                        | "noting"
                        | "citing"
                        | "saying"
                        | "according"
                        | "and"
                        | "but"
                        | "as"
                        | "while"
                        | "who"
                        | "which"
                        | "in"
                        | "on"
                        | "at"
                        | "during"
                        | "when"
                        | "referring"
                        | "pointing"
                        | "explaining"
                        | "arguing"
                        | "because"
                        | "before"
                        | "after"
                        | "though"
                        | "although"
                        | "even"
                )
                || cues::classify(nw).is_some();
        }
        if matches!(
            w,
            "in" | "on"
                | "at"
                | "during"
                | "last"
                | "this"
                | "from"
                | "after"
                | "before"
                | "yesterday"
                | "today"
                | "earlier"
                | "later"
                | "recently"
                | "afterward"
                | "then"
                | "again"
                | "repeatedly"
                | "while"
                | "when"
                | "as"
                | "of"
        ) || crate::time::is_day_name(w)
        {
            // "said in an interview." / "said on Monday, adding ..." — short if no "that" follows soon
            let stop = (after + MAX_THAT_GAP).min(limit);
            let clause_end = (after..limit).find(|&k| matches!(self.w(k), "," | ";")).unwrap_or(limit);
            if clause_end - after > 7 {
                return false;
            }
            return !(after..stop).any(|k| matches!(self.w(k), "that" | ":") || self.is_quote(k));
        }
        false
    }

    /// Content before a boundary token `x` (a comma or a closing quote, kept in the content):
    /// from the sentence start, or from the opening quote when a quotation closes at `x`.
    fn content_before(&self, a: usize, x: usize) -> Option<TextRange> {
        let mut end = x;
        // "“...,” he said": boundary is the closing quote; "..., he said": a comma
        if matches!(self.w(x), "—" | "–" | "--") {
            if x == a {
                return None;
            }
            end = x - 1;
        }
        let mut start = a;
        let q = if self.is_close_quote(x) {
            self.quote[x]
        } else if x > a && self.is_close_quote(x - 1) {
            self.quote[x - 1]
        } else {
            None
        };
        if let Some((o, _)) = q {
            start = (o as usize).min(a);
            // the quotation opened in an earlier sentence of the same paragraph
            if (o as usize) > a {
                start = a;
            }
        }
        if end < start {
            return None;
        }
        // at least one word
        (start..=end).any(|k| self.is_word(k)).then(|| self.range(start, end))
    }

    /// Content after the cue at `i`: skips "that", colons, and (for speech verbs) an addressee
    /// or adverbial before "that"; runs to `limit`, or to the close of a quotation opened here.
    /// "said that is incorrect": the "that" at `k` is a pronoun, the subject of the verb after it.
    fn pronoun_that(&self, k: usize, limit: usize) -> bool {
        self.w(k) == "that"
            && k + 1 < limit
            && matches!(self.pos.get(k + 1), Some(Upos::Aux | Upos::Verb))
            && matches!(self.w(k + 1), "is" | "was" | "'s" | "’s" | "isn't" | "wasn't" | "would" | "will" | "has")
    }

    fn content_after(&self, mut i: usize, b: usize, limit: usize, speech: bool) -> Option<TextRange> {
        // "X said:" closing its sentence, the quotation in the next one
        let n = self.toks.len();
        let rest_is_colon = (i..b).all(|k| matches!(self.toks[k].kind, TokenKind::Punct));
        if rest_is_colon && b > 0 && b < n && self.w(b - 1) == ":" && self.is_quote(b) {
            if let Some((o, c)) = self.quote[b] {
                if o as usize == b && (c as usize) - b < 400 {
                    return Some(self.range(b, c as usize));
                }
            }
        }
        if i >= b {
            return None;
        }
        // a "that" within a few words: skip to after it; the content is then a clause
        let mut that_clause = false;
        if speech || i < limit {
            let stop = (i + MAX_THAT_GAP).min(limit);
            let mut k = i;
            while k < stop {
                let w = self.w(k);
                if w == "that" {
                    // not past a verb or a report noun: "say there is no truth to the claim
                    // that X", "says reports that X are false" (the "that" is the noun's)
                    // ("told the news agency that": "news" there names the addressee)
                    let noun_with_clause =
                        |w: &str| super::is_report_noun(w) && w != "news" || matches!(w, "idea" | "notion");
                    let own = (i..k).all(|m| {
                        !matches!(self.pos.get(m), Some(Upos::Verb | Upos::Aux)) && !noun_with_clause(self.w(m))
                    });
                    if (k == i || speech && own) && !self.pronoun_that(k, limit) {
                        i = k + 1;
                        that_clause = true;
                    }
                    break;
                }
                if self.is_quote(k) || matches!(w, ":" | ";") {
                    break;
                }
                k += 1;
            }
        }
        while i < limit && matches!(self.w(i), "," | ":" | "that") && !self.pronoun_that(i, limit) {
            i += 1;
        }
        // "said Thursday morning: “...”": past a short adverbial to the colon
        if let Some(k) = (i..(i + 6).min(limit)).find(|&k| self.w(k) == ":") {
            if (i..k).all(|m| self.is_word(m)) && k + 1 < limit {
                i = k + 1;
            }
        }
        // "said in an interview “...”", "told reporters on Monday: “...”": the quotation
        if i < limit
            && matches!(self.w(i), "in" | "on" | "at" | "during" | "to" | "after" | "before" | "of" | "from" | "with")
        {
            if let Some(q) = (i + 1..(i + 10).min(limit)).find(|&k| self.is_quote(k) || self.w(k) == "that") {
                if self.w(q) == "that" {
                    i = q + 1;
                } else if self.quote[q].is_some_and(|(o, _)| o as usize == q) {
                    i = q;
                }
            }
        }
        if i >= b {
            return None;
        }
        // a quotation opening here may run past the sentence
        if self.is_quote(i) {
            if let Some((o, c)) = self.quote[i] {
                if o as usize == i && c as usize >= limit {
                    let c = (c as usize).min(self.toks.len() - 1);
                    // stay within a bounded window of the paragraph
                    if c - i < 400 {
                        return Some(self.range(i, c));
                    }
                }
            }
        }
        if i >= limit {
            return None;
        }
        let mut limit = limit;
        if !speech && !that_clause {
            // the object of a verb of thought or action: up to the first clause boundary
            let mut depth_quote = false;
            for k in i + 1..limit {
                if self.is_quote(k) {
                    depth_quote = !depth_quote;
                }
                let w = self.w(k);
                let after_comma = self.w(k - 1) == ",";
                // (a colon after the object opens the writer's own explanation: "touting their
                // cease-fire as a campaign accomplishment: Mr. Jonathan is expected to ...")
                let explains = w == ":"
                    && k + 1 < limit
                    && !self.is_quote(k + 1)
                    && self.raw(k + 1).starts_with(char::is_uppercase)
                    && self.raw(k - 1).starts_with(char::is_lowercase);
                let cut = explains
                    || matches!(
                        w,
                        ";" | "―"
                            | "("
                            | "while"
                            | "because"
                            | "although"
                            | "though"
                            | "during"
                            | "after"
                            | "before"
                            | "until"
                            | "unless"
                            | "whereas"
                    )
                    || (after_comma
                        && (matches!(
                            w,
                            "which"
                                | "but"
                                | "and"
                                | "as"
                                | "after"
                                | "before"
                                | "since"
                                | "when"
                                | "who"
                                | "the"
                                | "a"
                                | "an"
                                | "including"
                                | "with"
                                | "then"
                                | "however"
                                | "whom"
                                | "where"
                                | "if"
                                | "so"
                                | "he"
                                | "she"
                                | "they"
                                | "we"
                                | "i"
                        ) || w.ends_with("ing")));
                // a second predicate of the subject: "endorsed Trump last week and has appeared ..."
                let next_is_verb = k + 1 < limit
                    && (matches!(
                        self.w(k + 1),
                        "has"
                            | "have"
                            | "had"
                            | "is"
                            | "was"
                            | "were"
                            | "are"
                            | "will"
                            | "would"
                            | "could"
                            | "can"
                            | "did"
                            | "then"
                            | "later"
                    ) || self.verb_cue(k + 1));
                let cut = cut || (matches!(w, "and" | "but") && next_is_verb);
                if !depth_quote && cut {
                    let k = if after_comma { k - 1 } else { k };
                    limit = k;
                    break;
                }
            }
        } else if let Some(k) = (i + 1..limit).find(|&k| {
            // ("has run amok, and “we're going to get away from” that": a clause that quotes the
            // speaker, with no cue of its own, goes on with what they said)
            let quotes_on = || {
                matches!(self.w(k), "and" | "but")
                    && (k + 1..limit).any(|m| self.is_quote(m))
                    && !(k + 1..limit).any(|m| self.verb_cue(m) || cues::classify(self.w(m)).is_some())
            };
            matches!(self.w(k), ";" | "―")
                || (self.w(k - 1) == ","
                    && matches!(self.w(k), "but" | "although" | "while" | "and")
                    && self.quote[k].is_none()
                    && !quotes_on())
                // "said he didn't believe it, arguing that ...": the participle says more
                || self.speech_participle_after_comma(k, i, limit) && self.w(k - 1) == ","
        }) {
            limit = if self.w(k - 1) == "," { k - 1 } else { k };
        }
        self.trim_range(i, limit)
    }

    /// Extends a quoted content `x` whose cue clause ends at token `after` over the quotations
    /// that continue it: "“A,” he said, “B.”" and "“A,” he said. “B.” “C.”" (also into the
    /// next paragraph), as long as each quotation is followed by nothing but a sentence end.
    fn extend_quotes(&self, x: TextRange, after: usize, b: usize) -> TextRange {
        let mut out = x;
        let n = self.toks.len();
        // the rest of the cue clause ("said Rep. Smith (D-Ohio), head of ..."): go to the first
        // quotation in it, or to the end of the sentence
        // (a noun there, "said in a statement", is no new cue; a participle with a clause of
        // its own is: "told Vocativ, claiming he was there. “While I think ...”")
        let no_cue = |m: usize| {
            let w = self.w(m);
            // (a relay is no statement of its own: "he said, according to the Daily Record")
            if matches!(w, "according" | "citing") {
                return true;
            }
            let participle = w.ends_with("ing") && cues::classify(w).is_some();
            !self.is_word(m) || !(self.verb_cue(m) || participle)
        };
        let mut i = match (after..b.min(n)).find(|&k| self.is_quote(k)) {
            // "“A,” he said, “B.”": the quotation follows the cue clause directly
            Some(k) if (after..k).all(no_cue) => k,
            Some(_) => return out,
            // (only a participle after a comma blocks here: "said after he was called to testify.
            // “B.”" goes on)
            None if (after..b.min(n)).all(|m| m == 0 || self.w(m - 1) != "," || no_cue(m)) => b,
            None => return out,
        };
        let mut hops = 0;
        loop {
            while i < n && matches!(self.w(i), "," | "." | ":" | ";") {
                i += 1;
            }
            if i >= n || !self.is_quote(i) || hops >= 6 {
                break;
            }
            let Some((o, c)) = self.quote[i] else { break };
            if o as usize != i {
                break;
            }
            let c = c as usize;
            if c - i > 400 {
                break;
            }
            // the quotation must not be attributed by a cue of its own right after it
            let mut k = c + 1;
            while k < n && matches!(self.w(k), "," | "." | "—") {
                k += 1;
            }
            // (a new paragraph after the quotation is not its cue clause)
            let own_cue = k < n
                && k == c + 1 + usize::from(k > c + 1)
                && !self.text[self.toks[c].range.end() as usize..self.toks[k].range.start() as usize].contains('\n')
                && self.is_word(k)
                // "he said", "said Smith", "Maria Lopez said", "the spokesman for the ministry said"
                // (past the next two words only after a comma: “...,” Maria Lopez said; “... .”
                // The official said ... is a new sentence)
                && ((k + 1 < n && cues::classify(self.w(k + 1)).is_some())
                    || cues::classify(self.w(k)).is_some()
                    || (self.w(c - 1) == "," || self.w(c + 1) == ",")
                        && (k..(k + 6).min(n)).take_while(|&m| self.is_word(m)).any(|m| cues::classify(self.w(m)).is_some()));
            if own_cue && !(hops == 0 && i < b) {
                break;
            }
            out = out.cover(self.range(i, c));
            i = c + 1;
            hops += 1;
            if own_cue {
                break;
            }
        }
        out
    }

    /// True when token `m` is a cue word used as a verb: a speech verb, or another cue word
    /// with a verb ending ("criticizing", "warned").
    fn verb_cue(&self, m: usize) -> bool {
        let w = self.w(m);
        match cues::classify(w) {
            Some(CueClass::Verb) => true,
            Some(_) => w.ends_with("ing") || w.ends_with("ed") || w.ends_with('s'),
            None => false,
        }
    }

    /// Content outside a sentence that holds only the source and cue: "The governor added:"
    /// followed by a new sentence (to the end of the paragraph), or "Graham asked." after a
    /// quoted question (the previous sentence).
    fn outside_sentence(&self, a: usize, b: usize, after: usize, class: CueClass) -> Option<TextRange> {
        if class != CueClass::Verb || (after..b).any(|k| self.is_word(k)) {
            return None;
        }
        if b > a && self.w(b - 1) == ":" {
            let end = self.par_end.get();
            return if end > b { self.trim_range(b, end) } else { None };
        }
        let (pa, pb) = self.prev_sentence.get()?;
        // the previous sentence must end in a quotation: "“Why?” Graham asked."
        if pb == 0 || pb > a || !self.is_close_quote(pb - 1) {
            return None;
        }
        match self.quote[pb - 1] {
            Some((o, _)) if (o as usize) >= pa => Some(self.range(o as usize, pb - 1)),
            _ => self.trim_range(pa, pb),
        }
    }

    /// "Trump: ..." style headlines: the material after a colon right of a name.
    fn colon_before(&self, _a: usize, _c0: usize) -> Option<TextRange> {
        None
    }

    fn form(&self, content: TextRange, skip: &[Option<TextRange>]) -> Form {
        let i0 = self.tok_after(content.start());
        let i1 = self.toks.partition_point(|t| t.range.start() < content.end());
        if i0 >= i1 {
            return Form::Indirect;
        }
        let quoted = (i0..i1).filter(|&k| self.quote[k].is_some()).count();
        let outside = |k: usize| !skip.iter().flatten().any(|r| r.overlaps(self.toks[k].range));
        let words = (i0..i1).filter(|&k| self.is_word(k) && (self.quote[k].is_some() || outside(k))).count();
        let quoted_words = (i0..i1).filter(|&k| self.is_word(k) && self.quote[k].is_some()).count();
        if quoted == 0 || quoted_words == 0 {
            Form::Indirect
        } else if quoted_words == words {
            Form::Direct
        } else {
            Form::Mixed
        }
    }
}

#[cfg(test)]
mod tests_support {
    use super::*;
    use claimtrail_core::Meta;

    pub(super) type Row = (String, String, String, Vec<String>, Form);

    pub(super) fn run(text: &str) -> Vec<Row> {
        let mut doc = claimtrail_core::Document::new(Meta::default(), text);
        let seg = crate::segment::segment(text);
        doc.sentences = seg.sentences;
        doc.tokens = seg.tokens;
        extract(&doc)
            .into_iter()
            .map(|r| {
                (
                    text[r.cue].to_string(),
                    r.source.map(|s| text[s].to_string()).unwrap_or_default(),
                    text[r.content].to_string(),
                    r.via.iter().map(|v| text[*v].to_string()).collect(),
                    r.form,
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::extract;
    use super::tests_support::run;

    #[test]
    fn basic_patterns() {
        let cases: &[(&str, &str, &str, &str)] = &[
            (
                "The mayor said that the bridge will reopen in May.",
                "said",
                "The mayor",
                "the bridge will reopen in May",
            ),
            ("“We will win,” Smith said.", "said", "Smith", "“We will win,”"),
            ("“We will win,” said the coach.", "said", "the coach", "“We will win,”"),
            ("The talks failed, the minister told reporters.", "told", "the minister", "The talks failed,"),
            ("According to the police, two men were arrested.", "according to", "the police", "two men were arrested"),
            ("Two men were arrested, according to the police.", "according to", "the police", "Two men were arrested"),
            ("She told reporters that prices would rise.", "told", "She", "prices would rise"),
            // "states" is mostly a noun in the training texts, a verb before a quotation
            (
                "The Ikwiz article states: “Disney is looking at a summer release.”",
                "states",
                "The Ikwiz article",
                "“Disney is looking at a summer release.”",
            ),
            // the phrase after "told" is the addressee, never an inverted speaker
            (
                "“We are fine,” John Smith, director of the agency, told Reuters.",
                "told",
                "John Smith, director of the agency",
                "“We are fine,”",
            ),
            // a participle after the cue has a clause of its own: the next quotation is not
            // joined to the first
            (
                "“We won,” Smith said, claiming the referees were fair. “It was close.”",
                "said",
                "Smith",
                "“We won,”",
            ),
            // a name spelled like a function word, right after a quotation
            ("“That is false,” So said about the report.", "said", "So", "“That is false,”"),
            // a hedge inside a relative clause set off by commas hedges that clause only
            (
                "The actor, who was reportedly addicted to heroin, is the subject of a new hoax.",
                "reportedly",
                "",
                "who was reportedly addicted to heroin",
            ),
            // a participial clause after the name holds a comma of its own
            (
                "Mr Abdulla, speaking after returning to his home in Keighley, West Yorkshire, said the group was weak.",
                "said",
                "Mr Abdulla, speaking after returning to his home in Keighley, West Yorkshire",
                "the group was weak",
            ),
            (
                "Sutter, who was also a writer, producer, and director on the series, said he was done.",
                "said",
                "Sutter, who was also a writer, producer, and director on the series",
                "he was done",
            ),
            // "WHO" the organization, not a relative pronoun
            (
                "“We are fine,” WHO director John Smith told Reuters.",
                "told",
                "WHO director John Smith",
                "“We are fine,”",
            ),
        ];
        for (text, cue, src, content) in cases {
            let got = run(text);
            assert!(
                got.iter().any(|g| g.0.eq_ignore_ascii_case(cue) && g.1 == *src && g.2 == *content),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn subject_sources_table() {
        // (text, source); "to" after a noun belongs to the phrase, "according to" does not
        let cases = [
            ("The eyewitness to the filming said the prank was staged.", "The eyewitness to the filming"),
            ("A senior adviser to the president said the talks failed.", "A senior adviser to the president"),
            ("In order to save money, the firm said it would close.", "the firm"),
            ("In response to critics, Jobs said the phone was fine.", "Jobs"),
            // a verb mostly seen without a source has one when a subject opens its clause
            ("Mr. Deese expected that the president would hand him some changes to his speech.", "Mr. Deese"),
            // the subject ends at its verb, a coordinated cue takes it
            ("The hospital has isolated the patient, and says the patient has the flu.", "The hospital"),
            // across an apposition closed by a comma before an auxiliary
            ("Josh Lin, the man who uploaded the video, is telling everyone that it is real.", "Josh Lin"),
            // a preposition inside the phrase after a subordinator
            ("Though reps for the actor denied the reports, nothing changed.", "reps for the actor"),
            // a quantifier is a subject; a pronoun before a verb is what was said
            ("Both said it was done.", "Both"),
            // a subject pronoun after a noun opens a relative clause
            ("In the blog she says she was pregnant in 2012.", "she"),
            // the object of a preposition is no subject: the phrase its relative clause or its
            // preposition hangs on is
            (
                "A British man who went to fight against Islamic State in Iraq has said the woman was fed.",
                "A British man who went to fight against Islamic State in Iraq",
            ),
            (
                "The Syrian Observatory for Human Rights said the planes hit Raqqa.",
                "The Syrian Observatory for Human Rights",
            ),
            (
                "Mr Abdulla, from Keighley, West Yorkshire, told The Sun that she was fed.",
                "Mr Abdulla, from Keighley, West Yorkshire",
            ),
            (
                "Laura Hobgood-Oster, professor of religion and environmental studies at Southwestern University in Georgetown, Texas, said the church was unclear.",
                "Laura Hobgood-Oster, professor of religion and environmental studies at Southwestern University in Georgetown, Texas",
            ),
            // the subject of a participle of belief holds it
            ("The officials were worried that the virus would spread.", "The officials"),
            // calling someone something is no name given
            ("Cruz called Trump a “pathological liar” on Tuesday.", "Cruz"),
            ("Pepper called Friday’s decision a huge win for voters.", "Pepper"),
            ("The campaign will use the $18 million he says he raised on the debate day.", "he"),
            ("The deals bar cooperation with Congress, sources who reviewed them told the paper.", "sources who reviewed them"),
            // a quoted phrase inside the subject is part of it, not what was said
            (
                "When pressed, a “senior State Department official” refused to comment on the reports.",
                "a “senior State Department official”",
            ),
            ("The so-called “experts” said the plan would fail.", "The so-called “experts”"),
            (
                "A group known as “Raqqa is Being Slaughtered Silently” said the planes hit.",
                "“Raqqa is Being Slaughtered Silently”",
            ),
            // a quotation that ends in a word and opens a sentence is still a quotation
            ("“We will win” said Smith.", "Smith"),
        ];
        for (text, want) in cases {
            let d = crate::claims::testutil::tagged_doc(text);
            let got: Vec<&str> = extract(&d).iter().filter_map(|r| r.source.map(|s| d.slice(s))).collect();
            assert_eq!(got, [want], "{text}");
        }
    }

    #[test]
    fn refutations_and_trailing_as_clauses() {
        // (text, source, cue, content)
        let cases = [
            (
                "Local newspaper Nuevo Diario debunked the sex tape story.",
                "Local newspaper Nuevo Diario",
                "debunked",
                "the sex tape story",
            ),
            ("The claim was denied by the ministry on Monday.", "the ministry", "denied", "The claim"),
            (
                "Reports that fighters have contracted Ebola have been refuted as “unfounded” by the ministry.",
                "the ministry",
                "refuted",
                "fighters have contracted Ebola",
            ),
            ("Almost none of it is true, as Gawker points out.", "Gawker", "points out", "Almost none of it is true,"),
        ];
        for (text, source, cue, content) in cases {
            let d = crate::claims::testutil::tagged_doc(text);
            let got: Vec<(&str, &str, &str)> = extract(&d)
                .iter()
                .map(|r| (r.source.map_or("", |s| d.slice(s)), d.slice(r.cue), d.slice(r.content)))
                .collect();
            assert_eq!(got, [(source, cue, content)], "{text}");
        }
    }

    #[test]
    fn a_claim_in_apposition_is_denied_by_the_relative_clause_subject() {
        // (text, denier)
        let cases = [
            ("Hunter said 10 fighters were caught, a claim the administration disputed.", "the administration"),
            ("Olsen said Woods had been suspended -- a claim that the Tour vehemently denies.", "the Tour"),
            ("Hunter said 10 fighters were caught, a claim that was quickly disputed by the agency.", "the agency"),
        ];
        for (text, denier) in cases {
            let d = crate::claims::testutil::tagged_doc(text);
            let got: Vec<(&str, &str)> =
                extract(&d).iter().map(|r| (r.source.map_or("", |s| d.slice(s)), d.slice(r.content))).collect();
            let claim = if text.starts_with("Hunter") { "10 fighters were caught" } else { "Woods had been suspended" };
            let speaker = if text.starts_with("Hunter") { "Hunter" } else { "Olsen" };
            assert_eq!(got, [(speaker, claim), (denier, claim)], "{text}");
        }
    }

    #[test]
    fn a_speech_participle_after_a_closing_quotation_is_a_statement_of_its_own() {
        let text = "He told reporters that “we won the game,” saying the team was great.";
        let d = crate::claims::testutil::tagged_doc(text);
        let got: Vec<(&str, &str)> = extract(&d).iter().map(|r| (d.slice(r.cue), d.slice(r.content))).collect();
        assert_eq!(got, [("told", "“we won the game,”"), ("saying", "the team was great")]);
        // (not "adding to": a sum, no statement)
        let text = "He said eight more people had been arrested, adding to the 22 officers detained.";
        let d = crate::claims::testutil::tagged_doc(text);
        assert!(extract(&d).iter().all(|r| d.slice(r.cue) != "adding"));
    }

    #[test]
    fn told_addressee_ends_at_the_clause_subject() {
        // (text, content)
        let cases = [
            ("The mayor told the newspaper he had visited the family.", "he had visited the family"),
            ("Doctors told him it was an insect bite.", "it was an insect bite"),
            ("Davies told reporters Monday it is essential that talks resume.", "it is essential that talks resume"),
            // the addressee runs to "that" across a possessive and a day
            ("Hunter told Fox News’ Greta van Susteren Tuesday that fighters were caught.", "fighters were caught"),
        ];
        for (text, want) in cases {
            let d = crate::claims::testutil::tagged_doc(text);
            let got: Vec<&str> = extract(&d).iter().map(|r| d.slice(r.content)).collect();
            assert_eq!(got, [want], "{text}");
        }
    }

    #[test]
    fn negated_beliefs_are_cues() {
        // (text, cue or "" for none)
        let cases = [
            ("The hospital does not believe the patient has Ebola.", "believe"),
            ("Officials don't think the virus spread in the city.", "think"),
            ("I don't think so.", ""),
            // a speech verb in the progressive before "that"
            ("Sources are reporting that the actor has been found dead.", "reporting"),
            ("He does not believe in ghosts.", ""),
        ];
        for (text, want) in cases {
            let d = crate::claims::testutil::tagged_doc(text);
            let got: Vec<&str> = extract(&d).iter().map(|r| d.slice(r.cue)).collect();
            let want: Vec<&str> = [want].into_iter().filter(|w| !w.is_empty()).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn actions_and_names_are_no_cues() {
        // (text, the cue word that must not come out)
        let cases = [
            ("Police responded to a wellness check requested by a family member.", "responded"),
            ("A story is circulating about a teacher from Salta, Argentina, named Lucia Sandoval.", "named"),
            ("The group, a militia called Ansar al-Deen, has 200 fighters.", "called"),
            ("Culkin, best known for his role in Home Alone, was found dead.", "known"),
            ("The Islamic State, also known as ISIS, holds the city.", "known"),
            ("The officer continued to fire on the teenager.", "continued"),
            ("Also, most confirmed Ebola cases in this outbreak have originated in West Africa.", "confirmed"),
            ("The agency bolstered border enforcement in light of fears that fighters could enter.", "fears"),
            ("Boko Haram has spent the past few weeks seizing a series of small towns.", "seizing"),
            (
                "Despite reports on Wednesday in a local paper that two cases were found, the minister said nothing.",
                "reports",
            ),
            ("Regardless of who drew it, there's no denying it's a powerful image.", "denying"),
            ("Let's say you think a degree will cost $160,000 in 18 years.", "say"),
            ("Having said that, there are some economists who argue that taxes should be low.", "said"),
            ("That the group did so says something about the cynical media relativism of our time.", "says"),
            // requests made of someone, a phrase in quotation marks
            ("A health visitor, who had been asked by the studio to find smiley babies, came.", "asked"),
            ("Anyone with information is urged to contact the charity.", "urged"),
            ("Her decision to come out and 'say hello' came after a week.", "say"),
            // a related link, not a speaker's label
            ("MORE: Masked gang filmed smashing into jewellers in daring daylight robbery", ":"),
        ];
        for (text, cue) in cases {
            let d = crate::claims::testutil::tagged_doc(text);
            let got: Vec<&str> = extract(&d).iter().map(|r| d.slice(r.cue)).collect();
            // (nor a longer cue it opens: "reports on")
            assert!(!got.iter().any(|g| g.split_whitespace().next() == Some(cue)), "{text}: {got:?}");
        }
    }

    #[test]
    fn huge_unpunctuated_input_is_fine() {
        let text = "he said “ that they said ".repeat(5000);
        let got = run(&text);
        assert!(!got.is_empty());
        for g in &got {
            assert!(!g.0.is_empty());
        }
    }

    #[test]
    fn random_token_soup_gives_valid_spans() {
        const PARTS: &[&str] = &[
            "said",
            "told",
            "according to",
            "quoted by",
            "citing",
            "reportedly",
            "“",
            "”",
            "\"",
            "'",
            ",",
            ".",
            ":",
            "—",
            "―",
            "(",
            ")",
            "\n",
            "\n\n",
            "Smith",
            "the minister",
            "that",
            "he",
            "was",
            "by",
            "This",
            "Reuters",
            "believes",
            "added",
            "asked",
            "no",
            "Пешков",
            "😀",
            "and",
            "who",
            "on Monday",
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        for _ in 0..3000 {
            let mut text = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let n = (seed % 40) as usize;
            for _ in 0..n {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(PARTS[(seed % PARTS.len() as u64) as usize]);
                text.push(' ');
            }
            let mut doc = claimtrail_core::Document::new(claimtrail_core::Meta::default(), text.as_str());
            let seg = crate::segment::segment(&text);
            doc.sentences = seg.sentences;
            doc.tokens = seg.tokens;
            for r in extract(&doc) {
                for range in [Some(r.cue), r.source, Some(r.content)].into_iter().flatten().chain(r.via.iter().copied())
                {
                    assert!(range.end() as usize <= text.len(), "{text:?}");
                    assert!(
                        text.is_char_boundary(range.start() as usize) && text.is_char_boundary(range.end() as usize)
                    );
                }
            }
        }
    }

    #[test]
    fn odd_quotes_do_not_break() {
        for text in ["“He said", "He said ”no", "\"", "said", "“a” “b said", "\u{201c}\u{201c}\u{201d}"] {
            let _ = run(text);
        }
    }
}

#[cfg(test)]
mod news_tests {
    use super::tests_support::run;
    use claimtrail_core::Form;

    /// (text, cue, source, content, via, form): one attribution expected among those found.
    #[allow(clippy::type_complexity)]
    const CASES: &[(&str, &str, &str, &str, &[&str], Form)] = &[
        (
            "The ministry called the reports absurd. This was stated by the spokeswoman Anna Petrova.",
            "stated",
            "the spokeswoman Anna Petrova",
            "The ministry called the reports absurd",
            &[],
            Form::Indirect,
        ),
        (
            "The minister, quoted by Interfax, said the talks were useful.",
            "quoted",
            "The minister",
            "the talks were useful",
            &["Interfax"],
            Form::Indirect,
        ),
        (
            "“The report is nonsense,” — the spokeswoman quoted by Interfax.",
            "quoted",
            "the spokeswoman",
            "“The report is nonsense,”",
            &["Interfax"],
            Form::Direct,
        ),
        (
            "Reuters, citing officials in Washington, said that the two sides held talks.",
            "citing",
            "officials in Washington",
            "the two sides held talks",
            &["Reuters"],
            Form::Indirect,
        ),
        (
            "He told the news Agency that the decision was made months ago.",
            "told",
            "He",
            "the decision was made months ago",
            &[],
            Form::Indirect,
        ),
        (
            "According to the official, the general travelled to Moscow several times.",
            "According to",
            "the official",
            "the general travelled to Moscow several times",
            &[],
            Form::Indirect,
        ),
        (
            "Moscow repeatedly denied the arrival of the general.",
            "repeatedly denied",
            "Moscow",
            "the arrival of the general",
            &[],
            Form::Indirect,
        ),
        (
            "Asked whether the two men had met, the spokesman replied “no”.",
            "replied",
            "the spokesman",
            "“no”",
            &[],
            Form::Direct,
        ),
        (
            "Peskov told reporters that they do not have any information about the visit.",
            "told",
            "Peskov",
            "they do not have any information about the visit",
            &[],
            Form::Indirect,
        ),
        (
            "Fox News said that the general was reportedly met with the president.",
            "said",
            "Fox News",
            "the general was reportedly met with the president",
            &[],
            Form::Indirect,
        ),
        (
            "The plan was widely criticized as reckless.",
            "widely criticized",
            "",
            "The plan was widely criticized as reckless",
            &[],
            Form::Indirect,
        ),
        ("Sources said the talks had stalled.", "said", "Sources", "the talks had stalled", &[], Form::Indirect),
        (
            "The newspaper has learned that the minister will resign.",
            "learned",
            "The newspaper",
            "the minister will resign",
            &[],
            Form::Indirect,
        ),
        (
            "The minister reportedly met the envoy in July.",
            "reportedly",
            "",
            "The minister reportedly met the envoy in July",
            &[],
            Form::Indirect,
        ),
        (
            "The company said in a statement that profits rose.",
            "said in a statement",
            "The company",
            "profits rose",
            &[],
            Form::Indirect,
        ),
        (
            "“We are ready,” she said. “The plan is simple. We start tomorrow.”",
            "said",
            "she",
            "“We are ready,” she said. “The plan is simple. We start tomorrow.”",
            &[],
            Form::Direct,
        ),
        (
            "“It is a mistake,” he said, “and we will fix it.”",
            "said",
            "he",
            "“It is a mistake,” he said, “and we will fix it.”",
            &[],
            Form::Direct,
        ),
        (
            "The senator said the bill was “dead on arrival” in the House.",
            "said",
            "The senator",
            "the bill was “dead on arrival” in the House",
            &[],
            Form::Mixed,
        ),
    ];

    #[test]
    fn news_patterns() {
        for &(text, cue, src, content, via, form) in CASES {
            let got = run(text);
            let want_via: Vec<String> = via.iter().map(|v| v.to_string()).collect();
            assert!(
                got.iter().any(|g| g.0 == cue && g.1 == src && g.2 == content && g.3 == want_via && g.4 == form),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn an_inserted_according_to_relays_the_statement() {
        // (text, cue, source, content, via)
        let cases: &[(&str, &str, &str, &str, &[&str])] = &[
            (
                "Some theologians cautioned, per the New York Times, that the pope had spoken casually.",
                "cautioned",
                "Some theologians",
                "the pope had spoken casually",
                &["the New York Times"],
            ),
            (
                "Some theologians said, according to the New York Times, that the pope had spoken casually.",
                "said",
                "Some theologians",
                "the pope had spoken casually",
                &["the New York Times"],
            ),
            // a final "per" is "according to"; "per cent" is no cue
            (
                "Police confirmed a shooting took place at his home, per the KLAS-TV story.",
                "per",
                "the KLAS-TV story",
                "Police confirmed a shooting took place at his home",
                &[],
            ),
        ];
        for &(text, cue, src, content, via) in cases {
            let d = crate::claims::testutil::tagged_doc(text);
            let got: Vec<(&str, &str, &str, Vec<&str>)> = super::extract(&d)
                .iter()
                .map(|r| {
                    (
                        d.slice(r.cue),
                        r.source.map_or("", |s| d.slice(s)),
                        d.slice(r.content),
                        r.via.iter().map(|v| d.slice(*v)).collect(),
                    )
                })
                .collect();
            // (the inserted relay is no row of its own)
            assert!(got.contains(&(cue, src, content, via.to_vec())), "{text}: {got:?}");
            assert!(via.is_empty() || got.len() == 1, "{text}: {got:?}");
        }
        let d = crate::claims::testutil::tagged_doc("The tax rose by 5 per cent per year, officials said.");
        assert!(super::extract(&d).iter().all(|r| d.slice(r.cue) != "per"));
    }

    #[test]
    fn that_before_a_verb_is_a_pronoun() {
        for (text, want) in [
            ("The ambassador said that is incorrect.", "that is incorrect"),
            ("The ambassador said that the report is incorrect.", "the report is incorrect"),
        ] {
            let doc = crate::claims::testutil::tagged_doc(text);
            let got: Vec<&str> = super::extract(&doc).iter().map(|r| &text[r.content]).collect();
            assert_eq!(got, [want], "{text}");
        }
    }

    #[test]
    fn hedge_inside_content_is_not_separate() {
        let got = run("Fox News said that the general was reportedly met with the president.");
        assert_eq!(got.len(), 1, "{got:?}");
    }
}
