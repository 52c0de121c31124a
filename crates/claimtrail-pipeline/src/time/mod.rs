//! Time expressions normalized against the publication date.
//!
//! The [`TimeNormalizer`] works on the token layer, one sentence at a time: every token is
//! classified once into a word class ([`lexicon::Lx`]: month, weekday, number, unit, keyword,
//! ...) by a lookup of its lowercased text in small static tables; then a left-to-right scan
//! tries, at each token, a fixed set of patterns and keeps the match, skipping past it. So the
//! output is in text order with no overlaps, and the cost is linear in the number of tokens.
//!
//! Values follow TIMEX3 (TimeBank) conventions: `2015-08-07`, `2015-08`, `2015`, `2015-W40`,
//! `2015-Q3`, `2015-SU`, `199` (the 1990s), `2015-10-07TMO`, `P3Y`, `PT24H`, `PXM`,
//! `PAST_REF`, `PRESENT_REF`, `FUTURE_REF`. Extents follow TimeBank too: prepositions ("on",
//! "in", "at") stay out, determiners and modifiers ("the last twenty four hours", "early next
//! year", "nearly two years") come in. Relative expressions are resolved against
//! `doc.meta.published`; without it they get no value (or a partial one like `XXXX-08-07`) and
//! [`Anchor::None`]. Bare weekdays and month names take the tense of the nearest verb: past by
//! default in news ("Tuesday" is the latest Tuesday up to the publication date), future after
//! "will", "scheduled", "is to", ...; month names without a year take the year that puts them
//! in a window around the publication month, shifted back in a past context and forward in a
//! future one. Anaphoric event anchors ("on the eve of the meeting") are found with no value.
//!
//! Measured with `claimtrail eval timeml` (TempEval-3 value F1, relaxed extent and equal value):
//! TimeBank 0.81, AQUAINT 0.77, Wikinews/MEANTIME 0.78.

mod lexicon;

use claimtrail_core::{Anchor, Date, Document, TimeExpr, TimeKind, Token, TokenKind};

pub(crate) use self::lexicon::is_day_name;
use self::lexicon::{classify, Kw, Lx, Unit};
use crate::{Result, Stage};

/// Finds and normalizes time expressions (rules over the token layer).
#[derive(Debug, Clone, Default)]
pub struct TimeNormalizer;

impl Stage for TimeNormalizer {
    const NAME: &'static str = "time";
    type Output = Vec<TimeExpr>;

    fn run(&self, doc: &Document) -> Result<Vec<TimeExpr>> {
        Ok(normalize(doc.text(), &doc.tokens, &doc.sentences, doc.meta.published))
    }
}

/// Finds time expressions in `text` (with its token and sentence layers), normalized against
/// `published`.
pub fn normalize(
    text: &str,
    tokens: &[Token],
    sentences: &[claimtrail_core::Sentence],
    published: Option<Date>,
) -> Vec<TimeExpr> {
    let mut out = Vec::new();
    let mut state = DocState::default();
    let mut lx = Vec::new();
    let mut low = String::new();
    let mut spans = Vec::new();
    for s in sentences {
        let (a, b) = (s.tokens.start as usize, (s.tokens.end as usize).min(tokens.len()));
        if a >= b {
            continue;
        }
        let toks = &tokens[a..b];
        lx.clear();
        low.clear();
        spans.clear();
        for t in toks {
            let raw = &text[t.range];
            let start = low.len();
            if raw.len() <= 32 {
                for c in raw.chars() {
                    if c == '’' {
                        low.push('\'');
                    } else {
                        low.extend(c.to_lowercase());
                    }
                }
            }
            spans.push((start, low.len()));
            let w = &low[start..];
            lx.push(if matches!(t.kind, TokenKind::Word | TokenKind::Number) || w == "'" {
                classify(w)
            } else {
                Lx::None
            });
        }
        // "second" is an ordinal before "quarter" and "half", not a unit
        for k in 1..lx.len() {
            if matches!(lx[k], Lx::Unit(Unit::Quarter, _) | Lx::Kw(Kw::Half))
                && lx[k - 1] == Lx::Unit(Unit::Second, false)
            {
                lx[k - 1] = Lx::Ord(2, false);
            }
        }
        let m = Matcher { text, toks, lx: &lx, low: &low, spans: &spans, dct: published };
        let mut i = 0;
        while i < toks.len() {
            match m.match_at(i, &state) {
                Some(hit) if hit.e > hit.s => {
                    if let Some(q) = hit.quarter {
                        state.last_quarter = Some(q);
                    }
                    let range = toks[hit.s].range.cover(toks[hit.e - 1].range);
                    let anchor = if hit.value.is_none() || hit.value.as_deref().is_some_and(|v| v.contains('X')) {
                        if hit.kind == TimeKind::Duration || hit.kind == TimeKind::Set {
                            Anchor::Absolute
                        } else {
                            Anchor::None
                        }
                    } else if hit.value.as_deref().is_some_and(|v| v.ends_with("_REF")) {
                        // PAST_REF and the like point back to the publication date
                        if published.is_some() {
                            Anchor::Published
                        } else {
                            Anchor::None
                        }
                    } else {
                        hit.anchor
                    };
                    out.push(TimeExpr { range, kind: hit.kind, value: hit.value, anchor });
                    i = hit.e;
                }
                _ => i += 1,
            }
        }
    }
    out
}

/// What the scan remembers across sentences.
#[derive(Debug, Default)]
struct DocState {
    /// The last fiscal quarter mentioned, for "a year earlier", "the quarter".
    last_quarter: Option<(i32, u8)>,
}

/// A match: token indices `s..e` within the sentence.
#[derive(Debug)]
struct Hit {
    s: usize,
    e: usize,
    kind: TimeKind,
    value: Option<String>,
    anchor: Anchor,
    /// A preceding "the" belongs to the expression ("the third quarter", "the 1990s").
    det: bool,
    /// A date-like expression that modifiers like "early", "late" may extend.
    datey: bool,
    quarter: Option<(i32, u8)>,
}

impl Hit {
    fn new(s: usize, e: usize, kind: TimeKind, value: Option<String>, anchor: Anchor) -> Hit {
        Hit { s, e, kind, value, anchor, det: false, datey: kind == TimeKind::Date, quarter: None }
    }
    fn abs(s: usize, e: usize, kind: TimeKind, value: String) -> Hit {
        Hit::new(s, e, kind, Some(value), Anchor::Absolute)
    }
    fn rel(s: usize, e: usize, kind: TimeKind, value: Option<String>) -> Hit {
        let anchor = if value.is_some() { Anchor::Published } else { Anchor::None };
        Hit::new(s, e, kind, value, anchor)
    }
    fn det(mut self) -> Hit {
        self.det = true;
        self
    }
    fn undatey(mut self) -> Hit {
        self.datey = false;
        self
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
    Past,
    /// Only a word in "-ed" nearby: past participles and passives make it weak evidence.
    WeakPast,
    Future,
    Unknown,
}

fn ymd(d: Date) -> String {
    d.to_string()
}

fn ym(y: i32, m: u8) -> String {
    format!("{y:04}-{m:02}")
}

fn year(y: i32) -> String {
    format!("{y:04}")
}

fn week(d: Date) -> String {
    let (y, w) = d.iso_week();
    format!("{y:04}-W{w:02}")
}

fn quarter_of(d: Date) -> u8 {
    (d.month - 1) / 3 + 1
}

/// Season of a month: (code, its first month).
fn season_of(m: u8) -> &'static str {
    match m {
        3..=5 => "SP",
        6..=8 => "SU",
        9..=11 => "FA",
        _ => "WI",
    }
}

fn season_index(s: &str) -> u8 {
    match s {
        "SP" => 0,
        "SU" => 1,
        "FA" => 2,
        _ => 3,
    }
}

/// Month-shifted date `n` months from `d`.
fn months_from(d: Date, n: i32) -> (i32, u8) {
    let x = d.add_months(n);
    (x.year, x.month)
}

/// How far (in tokens) the tense of a time expression is looked for.
const TENSE_WINDOW: usize = 40;

/// Words that mark a past context.
const PAST_WORDS: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "ago",
    "yesterday",
    "last",
    "met",
    "went",
    "came",
    "took",
    "made",
    "gave",
    "held",
    "left",
    "began",
    "became",
    "saw",
    "got",
    "paid",
    "sold",
    "bought",
    "won",
    "lost",
    "fell",
    "rose",
    "led",
    "found",
    "spent",
    "sent",
    "spoke",
    "wrote",
    "knew",
    "thought",
    "brought",
    "fought",
    "flew",
    "struck",
    "earlier",
    "previously",
    "since",
    "ran",
    "broke",
    "shot",
    "hit",
    "chose",
];

/// Words that mark a future context.
const FUTURE_WORDS: &[&str] = &[
    "will",
    "'ll",
    "shall",
    "wo",
    "tomorrow",
    "upcoming",
    "scheduled",
    "slated",
    "planning",
    "would",
    "soon",
    "payable",
    "effective",
    "intends",
    "expects",
];

/// Words before "to" that make the next verb a future one ("is to meet", "planned to leave").
const INTENT: &[&str] = &[
    "set",
    "is",
    "are",
    "due",
    "going",
    "expected",
    "planned",
    "plans",
    "plan",
    "agreed",
    "decided",
    "hopes",
    "hope",
    "wants",
    "want",
    "intends",
    "scheduled",
    "slated",
    "ready",
    "likely",
];

/// Reporting verbs: their tense is that of the report, not of the event reported.
const REPORTING: &[&str] = &["said", "told", "added", "stated", "reported", "announced", "noted", "explained"];

/// Words ending in "-ed" that are not past verbs.
const NOT_PAST_ED: &[&str] = &[
    "need",
    "needed",
    "feed",
    "seed",
    "speed",
    "proceed",
    "exceed",
    "succeed",
    "indeed",
    "bed",
    "red",
    "united",
    "limited",
    "expected",
    "scheduled",
    "planned",
    "hundred",
    "unidentified",
    "unnamed",
    "alleged",
    "embed",
    "shed",
    "said",
    "told",
    "added",
    "stated",
    "reported",
    "announced",
    "noted",
    "explained",
];

struct Matcher<'a> {
    text: &'a str,
    toks: &'a [Token],
    lx: &'a [Lx],
    low: &'a str,
    spans: &'a [(usize, usize)],
    dct: Option<Date>,
}

impl Matcher<'_> {
    fn n(&self) -> usize {
        self.toks.len()
    }
    fn lx(&self, i: usize) -> Lx {
        self.lx.get(i).copied().unwrap_or(Lx::None)
    }
    fn kw(&self, i: usize) -> Option<Kw> {
        match self.lx(i) {
            Lx::Kw(k) => Some(k),
            _ => None,
        }
    }
    fn is(&self, i: usize, k: Kw) -> bool {
        self.kw(i) == Some(k)
    }
    fn w(&self, i: usize) -> &str {
        match self.spans.get(i) {
            Some(&(a, b)) => &self.low[a..b],
            None => "",
        }
    }
    fn raw(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => &self.text[t.range],
            None => "",
        }
    }
    fn cap(&self, i: usize) -> bool {
        self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }
    /// A capitalized word inside the sentence after a capitalized one: part of a name or title
    /// ("60 Minutes", "This Week", "High Noon").
    fn title_case(&self, i: usize) -> bool {
        i > 1 && self.cap(i) && self.raw(i).chars().skip(1).all(char::is_lowercase)
    }

    /// True when tokens `i` and `i + 1` touch (no space between).
    fn glued(&self, i: usize) -> bool {
        self.toks.get(i + 1).is_some_and(|t| !t.space_before)
    }

    /// A number at `i`, digits or words ("twenty four", "a"), with its end.
    fn number(&self, i: usize) -> Option<(f64, usize)> {
        match self.lx(i) {
            Lx::Num(n, _) => {
                // "2 1/2"
                if self.raw(i + 1) == "1/2" {
                    return Some((f64::from(n) + 0.5, i + 2));
                }
                Some((f64::from(n), i + 1))
            }
            Lx::Dec(x) => Some((x, i + 1)),
            Lx::NumWord(n) => {
                let mut v = n;
                let mut j = i + 1;
                // twenty four; one hundred; two thousand
                if n >= 20 && n % 10 == 0 && n < 100 {
                    if let Lx::NumWord(k) = self.lx(j) {
                        if (1..10).contains(&k) {
                            v += k;
                            j += 1;
                        }
                    }
                }
                if let Lx::NumWord(100) = self.lx(j) {
                    if v < 100 {
                        v *= 100;
                        j += 1;
                    }
                }
                if let Lx::NumWord(1000) = self.lx(j) {
                    if v < 1000 {
                        v *= 1000;
                        j += 1;
                    }
                }
                Some((f64::from(v), j))
            }
            Lx::Kw(Kw::A) => Some((1.0, i + 1)),
            _ => None,
        }
    }

    /// The nearest tense marker to tokens `s..e`.
    fn tense(&self, s: usize, e: usize) -> Tense {
        let n = self.n();
        // a bounded window keeps the scan linear on run-on "sentences"
        for d in 1..n.clamp(1, TENSE_WINDOW) {
            let left = s.checked_sub(d);
            let right = e + d - 1;
            if left.is_none() && right >= n {
                break;
            }
            for i in [left, Some(right)].into_iter().flatten() {
                if i >= n {
                    continue;
                }
                let w = self.w(i);
                // passives ("will be paid", "is expected") carry the tense of their auxiliary
                if i > 0
                    && matches!(self.w(i - 1), "be" | "been" | "being" | "is" | "are" | "am")
                    && (w.ends_with("ed") || PAST_WORDS.contains(&w))
                {
                    continue;
                }
                if REPORTING.contains(&w) {
                    if d <= 2 {
                        return Tense::Past;
                    }
                    continue;
                }
                if FUTURE_WORDS.contains(&w) {
                    return Tense::Future;
                }
                // "set to resume", "is to meet", "agreed to meet"
                if w == "to" && i > 0 && INTENT.contains(&self.w(i - 1)) {
                    return Tense::Future;
                }
                if PAST_WORDS.contains(&w) {
                    return Tense::Past;
                }
                if w.len() > 4 && w.ends_with("ed") && !NOT_PAST_ED.contains(&w) && self.lx(i) == Lx::None {
                    return Tense::WeakPast;
                }
            }
        }
        Tense::Unknown
    }

    fn match_at(&self, i: usize, st: &DocState) -> Option<Hit> {
        let lx = self.lx(i);
        if lx == Lx::None
            && !matches!(
                self.w(i),
                "final" | "christmas" | "thanksgiving" | "halloween" | "easter" | "new" | "election"
            )
        {
            return None;
        }
        // Modifiers of durations: "nearly two years", "more than four hours".
        let first = if self.w(i) == "no" && matches!(self.kw(i + 1), Some(Kw::More | Kw::Less)) { i + 1 } else { i };
        if let Some(j) = self.approx(first) {
            if let Some(mut h) = self.quantity(j, st).or_else(|| self.time_of_day(j)) {
                h.s = i;
                return Some(h);
            }
        }
        match lx {
            Lx::Kw(Kw::The) => {
                if let Some(h) = self.the_phrase(i, st) {
                    return Some(h);
                }
                let mut h = if matches!(self.kw(i + 1), Some(Kw::Early | Kw::Late | Kw::Mid)) {
                    self.match_at(i + 1, st)?
                } else {
                    self.core(i + 1, st)?
                };
                if h.det && h.s == i + 1 {
                    h.s = i;
                    return Some(h);
                }
                None
            }
            Lx::Kw(k @ (Kw::Early | Kw::Late | Kw::Mid | Kw::Earlier | Kw::Later)) => {
                if let Some(mut h) = self.core(i + 1, st) {
                    let ok = h.datey
                        && h.s == i + 1
                        && (matches!(k, Kw::Early | Kw::Late | Kw::Mid)
                            || matches!(
                                self.kw(i + 1),
                                Some(Kw::This | Kw::Last | Kw::Next | Kw::Today | Kw::Yesterday | Kw::Tomorrow)
                            )
                            || matches!(self.lx(i + 1), Lx::Weekday(..)) && k == Kw::Late);
                    if ok {
                        h.s = i;
                        return Some(h);
                    }
                }
                None
            }
            _ => self.core(i, st),
        }
    }

    /// Approximators before a quantity; returns the index after them.
    fn approx(&self, i: usize) -> Option<usize> {
        let j = match self.kw(i)? {
            Kw::Approx => i + 1,
            Kw::More | Kw::Less if self.is(i + 1, Kw::Than) => i + 2,
            Kw::At if self.is(i + 1, Kw::Least) => i + 2,
            Kw::Up if self.is(i + 1, Kw::To) => i + 2,
            _ => return None,
        };
        // "no more than"
        matches!(self.lx(j), Lx::Num(..) | Lx::NumWord(_) | Lx::Dec(_) | Lx::Kw(Kw::A)).then_some(j)
    }

    /// Phrases that start with "the".
    fn the_phrase(&self, i: usize, st: &DocState) -> Option<Hit> {
        let j = i + 1;
        match self.lx(j) {
            // the end of September, the beginning of the year
            Lx::Kw(Kw::End | Kw::Beginning | Kw::Middle) if self.is(j + 1, Kw::Of) => {
                let k = j + 2;
                let inner = if self.is(k, Kw::The) {
                    match self.lx(k + 1) {
                        Lx::Unit(u, false) => self.this_unit(k, k + 2, u, 0),
                        _ => None,
                    }
                } else {
                    self.core(k, st)
                };
                let mut h = inner?;
                if h.kind != TimeKind::Date || h.s != k && !self.is(k, Kw::The) {
                    return None;
                }
                h.s = i;
                Some(h)
            }
            Lx::Kw(Kw::Eve) => Some(Hit::new(i, j + 1, TimeKind::Date, None, Anchor::None)),
            Lx::Kw(Kw::Future) => Some(Hit::abs(i, j + 1, TimeKind::Date, "FUTURE_REF".into())),
            Lx::Kw(Kw::Past)
                if self.kw_end(j + 1)
                    && !matches!(self.lx(j + 1), Lx::Kw(Kw::Few | Kw::Several | Kw::Many | Kw::Couple | Kw::A)) =>
            {
                Some(Hit::abs(i, j + 1, TimeKind::Date, "PAST_REF".into()))
            }
            Lx::Kw(Kw::Present) if self.kw_end(j + 1) => Some(Hit::abs(i, j + 1, TimeKind::Date, "PRESENT_REF".into())),
            Lx::None => match self.w(j) {
                w @ ("twenties" | "thirties" | "forties" | "fifties" | "sixties" | "seventies" | "eighties"
                | "nineties") => {
                    let d = match w {
                        "twenties" => 2,
                        "thirties" => 3,
                        "forties" => 4,
                        "fifties" => 5,
                        "sixties" => 6,
                        "seventies" => 7,
                        "eighties" => 8,
                        _ => 9,
                    };
                    Some(Hit::abs(i, j + 1, TimeKind::Date, format!("19{d}")))
                }
                "near" | "short" | "long" | "medium" if matches!(self.w(j + 1), "future" | "term") => {
                    Some(Hit::abs(i, j + 2, TimeKind::Date, "FUTURE_REF".into()))
                }
                "time" if self.w(j + 1) == "being" => Some(Hit::abs(i, j + 2, TimeKind::Date, "PRESENT_REF".into())),
                _ => None,
            },
            // the latest quarter, the same period
            Lx::Kw(Kw::Current) if matches!(self.lx(j + 1), Lx::Unit(..)) => None,
            Lx::Kw(Kw::Latest) if self.lx(j + 1) == Lx::Unit(Unit::Quarter, false) || self.w(j + 1) == "period" => {
                let (y, q) = st.last_quarter.or_else(|| self.dct.map(prev_quarter))?;
                Some(quarter_hit(i, j + 2, y, q, true))
            }
            Lx::Unit(Unit::Weekend, false) => {
                let v = self.dct.map(|d| {
                    let wd = d.weekday();
                    let w = if wd >= 6 || self.tense(i, j + 1) == Tense::Future { d } else { d.add_days(-7) };
                    format!("{}-WE", week(w))
                });
                Some(Hit::rel(i, j + 1, TimeKind::Date, v))
            }
            Lx::Unit(Unit::Quarter, false) => {
                let (y, q) = st.last_quarter.or_else(|| self.dct.map(prev_quarter))?;
                let mut h = quarter_hit(i, j + 1, y, q, true);
                h.quarter = None;
                Some(h)
            }
            // the year-earlier period / quarter
            Lx::YearAgo => {
                let mut e = j + 1;
                if let Lx::Ord(1..=4, false) = self.lx(e) {
                    if self.lx(e + 1) == Lx::Unit(Unit::Quarter, false) {
                        let Lx::Ord(q, _) = self.lx(e) else { return None };
                        let d = self.dct?;
                        let (y, _) = self.quarter_year(q as u8, e, e + 2).unwrap_or((d.year, 1));
                        return Some(quarter_hit(i, e + 2, y - 1, q as u8, false));
                    }
                }
                if !matches!(self.w(e), "period" | "quarter") {
                    return None;
                }
                e += 1;
                match st.last_quarter {
                    Some((y, q)) => Some(quarter_hit(i, e, y - 1, q, false)),
                    None => {
                        let d = self.dct?;
                        Some(Hit::rel(i, e, TimeKind::Date, Some(year(d.year - 1))))
                    }
                }
            }
            // the 1988 third quarter, the 1989 period
            Lx::Num(y, 4) if (1000..=2100).contains(&y) => {
                let mut e = j + 1;
                let mut q = None;
                if let Lx::Ord(n @ 1..=4, false) = self.lx(e) {
                    q = Some(n as u8);
                    e += 1;
                }
                match self.w(e) {
                    "quarter" => {}
                    "period" if q.is_none() => {}
                    _ => return None,
                }
                let q = q.or(st.last_quarter.map(|x| x.1))?;
                Some(quarter_hit(i, e + 1, y as i32, q, false))
            }
            // the weeks ahead
            Lx::Unit(u, true) if self.w(j + 1) == "ahead" => {
                Some(Hit::abs(i, j + 2, TimeKind::Duration, u.duration(None)))
            }
            // the year two thousand, the year 2000
            Lx::Unit(Unit::Year, false) if matches!(self.lx(j + 1), Lx::NumWord(_) | Lx::Num(_, 4)) => {
                let (n, e) = self.number(j + 1)?;
                if !(1000.0..=2100.0).contains(&n) {
                    return None;
                }
                Some(Hit::abs(i, e, TimeKind::Date, year(n as i32)))
            }
            // the first nine months, the latest nine months
            Lx::Ord(1, false) | Lx::Kw(Kw::Latest) => {
                let (n, k) = self.number(j + 1)?;
                if self.lx(j + 1) == Lx::Kw(Kw::A) {
                    return None;
                }
                match self.lx(k) {
                    Lx::Unit(u, true) => Some(Hit::abs(i, k + 1, TimeKind::Duration, u.duration(Some(n)))),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// True when token `i` ends a noun phrase (no noun follows).
    fn kw_end(&self, i: usize) -> bool {
        i >= self.n()
            || !matches!(self.toks[i].kind, TokenKind::Word | TokenKind::Number)
            || matches!(self.lx(i), Lx::Kw(_))
    }

    /// Main patterns at `i`.
    fn core(&self, i: usize, st: &DocState) -> Option<Hit> {
        if i >= self.n() {
            return None;
        }
        match self.lx(i) {
            Lx::None => self.quarter_phrase(i).or_else(|| self.holiday(i)),
            Lx::Kw(k) => self.keyword(i, k, st),
            Lx::Month(..) | Lx::ModMonth(_) => self.month_phrase(i),
            Lx::Weekday(d, ab) => self.weekday_phrase(i, d, ab),
            Lx::Num(n, k) => self
                .time_of_day(i)
                .or_else(|| self.day_month(i))
                .or_else(|| self.second_day(i))
                .or_else(|| self.quantity(i, st))
                .or_else(|| self.year_number(i, n, k)),
            Lx::NumWord(_) | Lx::Dec(_) => {
                self.time_of_day(i).or_else(|| self.quantity(i, st)).or_else(|| self.word_year(i))
            }
            Lx::Ord(n, _) if (1..=30).contains(&n) && self.lx(i + 1) == Lx::Unit(Unit::Century, false) => {
                Some(Hit::abs(i, i + 2, TimeKind::Date, format!("{:02}", n - 1)).det())
            }
            Lx::Ord(..) => self.quarter_phrase(i).or_else(|| self.day_month(i)),
            Lx::Iso(y, m, d) => {
                let d = Date::new(y, m, d)?;
                Some(Hit::abs(i, i + 1, TimeKind::Date, ymd(d)))
            }
            Lx::Slash(y, m, d) => {
                let d = Date::new(y, m, d)?;
                Some(Hit::abs(i, i + 1, TimeKind::Date, ymd(d)))
            }
            Lx::Decade(p) => Some(Hit::abs(i, i + 1, TimeKind::Date, format!("{p:03}")).det()),
            Lx::ModDecade(p) => Some(Hit::abs(i, i + 1, TimeKind::Date, format!("{p:03}")).det()),
            Lx::ModYear(y) => Some(Hit::abs(i, i + 1, TimeKind::Date, year(y))),
            Lx::QuarterAdj(q) => {
                let (y, q) = self.quarter_year(q, i, i + 1)?;
                let mut h = quarter_hit(i, i + 1, y, q, true);
                h.det = false;
                Some(h)
            }
            Lx::YearAgo => {
                if let Some((y, q)) = st.last_quarter {
                    return Some(quarter_hit(i, i + 1, y - 1, q, false));
                }
                let d = self.dct?;
                Some(Hit::rel(i, i + 1, TimeKind::Date, Some(year(d.year - 1))))
            }
            Lx::YearEnd => {
                let d = self.dct?;
                Some(Hit::rel(i, i + 1, TimeKind::Date, Some(year(d.year))))
            }
            Lx::SetAdv(u) => {
                // adjectives: "daily volume", "weekly magazine"
                if u == Unit::Quarter {
                    return None;
                }
                if u == Unit::Day && self.w(i) == "nightly" {
                    return Some(Hit::abs(i, i + 1, TimeKind::Set, "XXXX-XX-XXTNI".into()));
                }
                Some(Hit::abs(i, i + 1, TimeKind::Set, u.duration(Some(1.0))))
            }
            Lx::UnitAdj(n, u) => {
                let v = if n == 0.0 { u.duration(None) } else { u.duration(Some(n)) };
                Some(Hit::abs(i, i + 1, TimeKind::Duration, v))
            }
            Lx::Season(s) => self.season(i, s),
            Lx::Unit(u, true) => {
                // "months ago", "for years", "in minutes"
                let prev = i.checked_sub(1).map(|p| self.w(p)).unwrap_or("");
                if self.is(i + 1, Kw::Ago) {
                    Some(Hit::abs(i, i + 2, TimeKind::Date, "PAST_REF".into()))
                } else if matches!(prev, "for" | "over" | "within") && u != Unit::Weekend && self.kw_end(i + 1) {
                    Some(Hit::abs(i, i + 1, TimeKind::Duration, u.duration(None)))
                } else {
                    None
                }
            }
            Lx::Unit(..) | Lx::PartOfDay(_) => None,
        }
    }

    /// "of 1990", "of this year", "of last year" after `e`: (year, end).
    fn of_year(&self, e: usize) -> Option<(i32, usize)> {
        if !self.is(e, Kw::Of) {
            return None;
        }
        if let Lx::Num(y, 4) = self.lx(e + 1) {
            if (1000..=2100).contains(&y) {
                return Some((y as i32, e + 2));
            }
        }
        let shift = match self.kw(e + 1)? {
            Kw::This => 0,
            Kw::Last => -1,
            Kw::Next => 1,
            _ => return None,
        };
        if self.lx(e + 2) != Lx::Unit(Unit::Year, false) {
            return None;
        }
        Some((self.dct?.year + shift, e + 3))
    }

    /// "first quarter", "second half" (with "of 1990" and the like).
    fn quarter_phrase(&self, i: usize) -> Option<Hit> {
        let n = match self.lx(i) {
            Lx::Ord(n @ 1..=4, false) => n as u8,
            _ if self.w(i) == "final" => 4,
            _ => return None,
        };
        let j = i + 1;
        let half = match self.lx(j) {
            Lx::Unit(Unit::Quarter, false) => false,
            Lx::Kw(Kw::Half) if n <= 2 => true,
            _ => return None,
        };
        let (y, e, anchored) = match self.of_year(j + 1) {
            Some((y, e)) => (Some(y), e, !matches!(self.kw(j + 2), Some(Kw::This | Kw::Last | Kw::Next))),
            None => (None, j + 1, false),
        };
        if half {
            let y = match y {
                Some(y) => y,
                None => self.dct?.year,
            };
            let h = if anchored {
                Hit::abs(i, e, TimeKind::Date, format!("{y:04}-H{n}"))
            } else {
                Hit::rel(i, e, TimeKind::Date, Some(format!("{y:04}-H{n}")))
            };
            return Some(h.det());
        }
        let (y, q) = match y {
            Some(y) => (y, n),
            None => self.quarter_year(if self.w(i) == "final" { 4 } else { n }, i, e)?,
        };
        let mut h = quarter_hit(i, e, y, q, true);
        if anchored {
            h.anchor = Anchor::Absolute;
        }
        Some(h)
    }

    /// A 4-digit year.
    fn year_number(&self, i: usize, n: u32, k: u8) -> Option<Hit> {
        if k != 4 || !(1000..=2100).contains(&n) || self.raw(i).contains(',') {
            return None;
        }
        // not an amount: $1990, 1990 people, 1990%
        if let Some(p) = i.checked_sub(1) {
            let r = self.raw(p);
            if matches!(self.toks[p].kind, TokenKind::Symbol)
                || matches!(r, "#" | "No." | "no." | "$" | "€" | "£" | "¥")
            {
                return None;
            }
            if matches!(self.w(p), "number" | "no." | "page" | "route" | "flight" | "room" | "of")
                && !self.month_like(p)
                && self.w(p) != "of"
            {
                return None;
            }
        }
        let next = self.w(i + 1);
        if matches!(next, "%" | "percent" | "people" | "km" | "kilometers" | "metres" | "meters" | "feet" | "miles")
            || matches!(self.lx(i + 1), Lx::Unit(..))
        {
            return None;
        }
        let mut h = Hit::abs(i, i + 1, TimeKind::Date, year(n as i32));
        // fiscal 1989
        if let Some(p) = i.checked_sub(1) {
            if self.is(p, Kw::Fiscal) {
                h.s = p;
            }
        }
        Some(h)
    }

    fn month_like(&self, i: usize) -> bool {
        matches!(self.lx(i), Lx::Month(..))
    }

    /// "nineteen ninety-six", "the year two thousand".
    fn word_year(&self, i: usize) -> Option<Hit> {
        let Lx::NumWord(a) = self.lx(i) else { return None };
        if (11..=20).contains(&a) {
            if let Lx::NumWord(b) = self.lx(i + 1) {
                if (10..100).contains(&b) && !matches!(self.lx(i + 2), Lx::Unit(..)) {
                    return Some(Hit::abs(i, i + 2, TimeKind::Date, year((a * 100 + b) as i32)));
                }
            }
        }
        None
    }

    /// Quarter `q` with the year chosen from the publication date and tense.
    fn quarter_year(&self, q: u8, s: usize, e: usize) -> Option<(i32, u8)> {
        // the third quarter of 1990, of this year, of last year
        if self.is(e, Kw::Of) {
            if let Lx::Num(y, 4) = self.lx(e + 1) {
                return Some((y as i32, q));
            }
        }
        let d = self.dct?;
        let cur = quarter_of(d);
        let y = if q > cur && self.tense(s, e) != Tense::Future { d.year - 1 } else { d.year };
        Some((y, q))
    }

    fn keyword(&self, i: usize, k: Kw, st: &DocState) -> Option<Hit> {
        let date_off = |n: i64| self.dct.map(|d| ymd(d.add_days(n)));
        match k {
            Kw::Today | Kw::Yesterday | Kw::Tomorrow | Kw::Tonight => {
                let off = match k {
                    Kw::Yesterday => -1,
                    Kw::Tomorrow => 1,
                    _ => 0,
                };
                // yesterday morning, last night
                if let Lx::PartOfDay(p) = self.lx(i + 1) {
                    let v = date_off(off).map(|v| format!("{v}T{p}"));
                    return Some(Hit::rel(i, i + 2, TimeKind::Time, v));
                }
                if k == Kw::Tonight {
                    return Some(Hit::rel(i, i + 1, TimeKind::Time, date_off(0).map(|v| format!("{v}TNI"))));
                }
                // "today's" generic use stays a date
                Some(Hit::rel(i, i + 1, TimeKind::Date, date_off(off)))
            }
            Kw::Now => {
                if self.w(i + 1) == "that" || self.w(i + 1) == "," && i == 0 {
                    // "now that ..." is still present; "Now, ..." is a discourse marker
                    if self.w(i + 1) == "," {
                        return None;
                    }
                }
                Some(Hit::abs(i, i + 1, TimeKind::Date, "PRESENT_REF".into()))
            }
            Kw::Currently | Kw::Nowadays => Some(Hit::abs(i, i + 1, TimeKind::Date, "PRESENT_REF".into())),
            Kw::These if self.w(i + 1) == "days" => Some(Hit::abs(i, i + 2, TimeKind::Date, "PRESENT_REF".into())),
            Kw::Current => {
                // "current" before a time unit: the current year / quarter
                match self.lx(i + 1) {
                    Lx::Unit(u, false) => self.this_unit(i, i + 2, u, 0).map(Hit::det),
                    _ => None,
                }
            }
            Kw::Recently => {
                let s = if i > 0 && self.kw(i - 1) == Some(Kw::More) { i - 1 } else { i };
                Some(Hit::abs(s, i + 1, TimeKind::Date, "PAST_REF".into()))
            }
            Kw::Recent => match self.lx(i + 1) {
                Lx::Unit(u, true) => Some(Hit::abs(i, i + 2, TimeKind::Duration, u.duration(None))),
                _ => None,
            },
            Kw::Last | Kw::This | Kw::Next | Kw::Past | Kw::Coming | Kw::Previous | Kw::Following => {
                self.relative(i, k, st)
            }
            Kw::Every | Kw::Each => self.set(i),
            Kw::Per => match self.lx(i + 1) {
                Lx::Unit(u, false) => Some(Hit::abs(i, i + 2, TimeKind::Set, u.duration(Some(1.0)))),
                _ => None,
            },
            Kw::A | Kw::Several | Kw::Few | Kw::Many | Kw::Some | Kw::Couple => self.quantity(i, st),
            Kw::Fiscal => {
                let mut h = match self.lx(i + 1) {
                    Lx::Num(n, k) => self.year_number(i + 1, n, k),
                    Lx::QuarterAdj(_) | Lx::Ord(..) => self.core(i + 1, st),
                    _ => None,
                }?;
                h.s = i;
                Some(h.det())
            }
            Kw::Noon | Kw::Midnight if self.title_case(i) => None,
            Kw::Noon | Kw::Midnight => {
                let hm = if k == Kw::Noon { "12:00" } else { "24:00" };
                let (date, e) = self.day_after_time(i + 1);
                let v = date.map(|d| format!("{d}T{hm}"));
                Some(Hit::rel(i, e, TimeKind::Time, v))
            }
            Kw::Half if self.is(i + 1, Kw::A) => match self.lx(i + 2) {
                Lx::Unit(u, false) => Some(Hit::abs(i, i + 3, TimeKind::Duration, u.duration(Some(0.5)))),
                _ => None,
            },
            _ => None,
        }
    }

    /// A day named after a time of day: "Tuesday", "today"; (its date, the end index).
    fn day_after_time(&self, j: usize) -> (Option<Date>, usize) {
        match self.lx(j) {
            Lx::Weekday(d, false) => {
                let t = self.tense(j, j + 1);
                (self.dct.map(|dct| weekday_date(dct, d, t)), j + 1)
            }
            Lx::Kw(Kw::Today) => (self.dct, j + 1),
            Lx::Kw(Kw::Yesterday) => (self.dct.map(|d| d.add_days(-1)), j + 1),
            Lx::Kw(Kw::Tomorrow) => (self.dct.map(|d| d.add_days(1)), j + 1),
            _ => (self.dct, j),
        }
    }

    /// The unit containing the publication date moved by `shift` units.
    fn this_unit(&self, s: usize, e: usize, u: Unit, shift: i32) -> Option<Hit> {
        let Some(d) = self.dct else {
            return Some(Hit::rel(s, e, TimeKind::Date, None).det());
        };
        let v = match u {
            Unit::Day => ymd(d.add_days(i64::from(shift))),
            Unit::Week => week(d.add_days(7 * i64::from(shift))),
            Unit::Weekend => {
                let w = d.add_days(7 * i64::from(shift));
                format!("{}-WE", week(w))
            }
            Unit::Month => {
                let (y, m) = months_from(d, shift);
                ym(y, m)
            }
            Unit::Quarter => {
                let (y, m) = months_from(d, 3 * shift);
                format!("{y:04}-Q{}", (m - 1) / 3 + 1)
            }
            Unit::Year => year(d.year + shift),
            Unit::Decade => format!("{:03}", (d.year + 10 * shift).div_euclid(10)),
            Unit::Century => format!("{:02}", (d.year + 100 * shift).div_euclid(100)),
            Unit::Second | Unit::Minute | Unit::Hour => return None,
        };
        let mut h = Hit::rel(s, e, TimeKind::Date, Some(v)).det();
        if u == Unit::Quarter {
            let (y, m) = months_from(d, 3 * shift);
            h.quarter = Some((y, (m - 1) / 3 + 1));
        }
        Some(h)
    }

    /// last / this / next / past / coming / previous / following + ...
    fn relative(&self, i: usize, k: Kw, st: &DocState) -> Option<Hit> {
        let mut j = i + 1;
        // "this past spring", "this coming week"
        if k == Kw::This && matches!(self.kw(j), Some(Kw::Past | Kw::Coming)) {
            return self.relative(j, self.kw(j)?, st).map(|mut h| {
                h.s = i;
                h
            });
        }
        let shift = match k {
            Kw::Last | Kw::Past | Kw::Previous => -1,
            Kw::Next | Kw::Coming | Kw::Following => 1,
            _ => 0,
        };
        // "in coming months", "the coming years"
        // "the last half of 1989"
        if k == Kw::Last && self.is(j, Kw::Half) {
            let (y, e) = self.of_year(j + 1)?;
            return Some(Hit::abs(i, e, TimeKind::Date, format!("{y:04}-H2")).det());
        }
        if k == Kw::Coming && matches!(self.lx(j), Lx::Unit(_, true)) {
            return Some(Hit::abs(i, j + 1, TimeKind::Date, "FUTURE_REF".into()).det());
        }
        // last few weeks, past 20 years, next two years
        let vague = matches!(self.kw(j), Some(Kw::Few | Kw::Several | Kw::Many | Kw::Couple));
        if k != Kw::This && (self.number(j).is_some() && !self.is(j, Kw::A) || vague) {
            let (n, mut e) = if vague {
                let mut e = j + 1;
                if self.is(e, Kw::Of) {
                    e += 1;
                }
                (if self.is(j, Kw::Couple) { Some(2.0) } else { None }, e)
            } else {
                let (n, e) = self.number(j)?;
                (Some(n), e)
            };
            if let Lx::Unit(u, _) = self.lx(e) {
                e += 1;
                // "the past several quarters" etc.
                let v = u.duration(n);
                return Some(Hit::abs(i, e, TimeKind::Duration, v).det());
            }
            return None;
        }
        if k == Kw::This && matches!(self.lx(j), Lx::Kw(Kw::Whole)) {
            j += 1;
        }
        if self.title_case(j) && matches!(self.lx(j), Lx::Unit(..)) {
            // a name: ABC's "This Week"
            return None;
        }
        match self.lx(j) {
            Lx::Unit(Unit::Year, false) if self.w(j + 1) == "'s" && matches!(k, Kw::This | Kw::Last | Kw::Next) => {
                // this year's third quarter, last year's quarter
                let d = self.dct?;
                let y = d.year + shift;
                let mut e = j + 2;
                let q = match self.lx(e) {
                    Lx::Ord(n @ 1..=4, false) if self.lx(e + 1) == Lx::Unit(Unit::Quarter, false) => {
                        e += 1;
                        Some(n as u8)
                    }
                    Lx::QuarterAdj(n) => Some(n),
                    Lx::Unit(Unit::Quarter, false) => st.last_quarter.map(|x| x.1),
                    _ => None,
                };
                match q {
                    Some(q) => Some(quarter_hit(i, e + 1, y, q, false)),
                    None => Some(Hit::rel(i, j + 1, TimeKind::Date, Some(year(y)))),
                }
            }
            Lx::Unit(u, false) => {
                if matches!(u, Unit::Second | Unit::Minute | Unit::Hour) {
                    return None;
                }
                // "the past year" is a date in TimeBank; "past week" too.
                if u == Unit::Day && k == Kw::Past {
                    return Some(Hit::abs(i, j + 1, TimeKind::Duration, "P1D".into()).det());
                }
                if u == Unit::Decade && matches!(k, Kw::Past | Kw::Last) {
                    return Some(Hit::abs(i, j + 1, TimeKind::Duration, "P10Y".into()).det());
                }
                let mut h = self.this_unit(i, j + 1, u, shift)?;
                if u == Unit::Day && shift == 0 {
                    // "this day" is rare; "the next day" is anaphoric
                    return None;
                }
                if matches!(k, Kw::Following | Kw::Previous) && u == Unit::Day {
                    h.value = None;
                    h.anchor = Anchor::None;
                }
                Some(h)
            }
            Lx::None if k == Kw::Last && matches!(self.w(j), "christmas" | "thanksgiving" | "easter" | "halloween") => {
                let mut h = self.holiday(j)?;
                h.s = i;
                Some(h)
            }
            Lx::Month(m, ab) => {
                if ab && !self.cap(j) {
                    return None;
                }
                let d = self.dct;
                let v = d.map(|d| {
                    let y = match shift {
                        -1 => {
                            if m + 1 < d.month {
                                d.year
                            } else {
                                d.year - 1
                            }
                        }
                        1 => {
                            if m > d.month {
                                d.year
                            } else {
                                d.year + 1
                            }
                        }
                        _ => d.year,
                    };
                    ym(y, m)
                });
                Some(Hit::rel(i, j + 1, TimeKind::Date, v))
            }
            Lx::Weekday(wd, false) => {
                let v = self.dct.map(|d| {
                    let t = match shift {
                        -1 => {
                            let back = (i64::from(d.weekday()) - i64::from(wd)).rem_euclid(7);
                            return ymd(d.add_days(-if back == 0 { 7 } else { back }));
                        }
                        1 => {
                            let fwd = (i64::from(wd) - i64::from(d.weekday())).rem_euclid(7);
                            return ymd(d.add_days(if fwd == 0 { 7 } else { fwd }));
                        }
                        _ => self.tense(i, j + 1),
                    };
                    ymd(weekday_date(d, wd, t))
                });
                let mut e = j + 1;
                let mut kind = TimeKind::Date;
                let mut v = v;
                if let Lx::PartOfDay(p) = self.lx(e) {
                    v = v.map(|v| format!("{v}T{p}"));
                    e += 1;
                    kind = TimeKind::Time;
                }
                Some(Hit::rel(i, e, kind, v))
            }
            Lx::Season(s) => {
                let v = self.dct.map(|d| {
                    let cur = season_index(season_of(d.month));
                    let si = season_index(s);
                    // seasons counted from December: winter 2015 starts in December 2015
                    let season_year = if d.month == 1 || d.month == 2 { d.year - 1 } else { d.year };
                    let y = match shift {
                        -1 => {
                            if si < cur {
                                season_year
                            } else {
                                season_year - 1
                            }
                        }
                        1 => {
                            if si > cur {
                                d.year
                            } else {
                                d.year + 1
                            }
                        }
                        _ => d.year,
                    };
                    format!("{y:04}-{s}")
                });
                Some(Hit::rel(i, j + 1, TimeKind::Date, v))
            }
            Lx::PartOfDay(p) => {
                let off = match (k, p) {
                    (Kw::Last, "NI" | "EV") => -1,
                    (Kw::This, _) => 0,
                    _ => return None,
                };
                let v = self.dct.map(|d| format!("{}T{p}", d.add_days(off)));
                Some(Hit::rel(i, j + 1, TimeKind::Time, v))
            }
            _ => None,
        }
    }

    /// every week, each Monday, every other month.
    fn set(&self, i: usize) -> Option<Hit> {
        let mut j = i + 1;
        let mut n = 1.0;
        if self.is(j, Kw::Other) {
            n = 2.0;
            j += 1;
        } else if let Some((x, e)) = self.number(j) {
            if !self.is(j, Kw::A) {
                n = x;
                j = e;
            }
        }
        match self.lx(j) {
            Lx::Unit(u, _) => Some(Hit::abs(i, j + 1, TimeKind::Set, u.duration(Some(n)))),
            Lx::Weekday(d, false) => Some(Hit::abs(i, j + 1, TimeKind::Set, format!("XXXX-WXX-{d}"))),
            Lx::Month(m, _) if self.cap(j) => Some(Hit::abs(i, j + 1, TimeKind::Set, format!("XXXX-{m:02}"))),
            Lx::PartOfDay(p) => Some(Hit::abs(i, j + 1, TimeKind::Set, format!("XXXX-XX-XXT{p}"))),
            _ => None,
        }
    }

    /// A quantity of units: "three years", "24 hours", "several months", "a year", "two days
    /// ago", "15 a year".
    fn quantity(&self, i: usize, st: &DocState) -> Option<Hit> {
        let (n, mut j) = match self.kw(i) {
            Some(Kw::Several | Kw::Many | Kw::Some) => (None, i + 1),
            Some(Kw::Few) => (None, i + 1),
            Some(Kw::A) if self.is(i + 1, Kw::Few) => (None, i + 2),
            Some(Kw::A) if self.is(i + 1, Kw::Couple) && self.is(i + 2, Kw::Of) => (Some(2.0), i + 3),
            Some(Kw::Couple) if self.is(i + 1, Kw::Of) => (Some(2.0), i + 2),
            _ => {
                let (n, j) = self.number(i)?;
                (Some(n), j)
            }
        };
        let mut n = n;
        // "two and a half years"
        if n.is_some() && self.is(j, Kw::And) && self.is(j + 1, Kw::A) && self.is(j + 2, Kw::Half) {
            n = n.map(|x| x + 0.5);
            j += 3;
        }
        let (u, plural) = match self.lx(j) {
            Lx::Unit(u, p) => (u, p),
            // "a 20 year", "six straight days", "two consecutive quarters"
            Lx::Kw(Kw::Straight | Kw::Consecutive) => match self.lx(j + 1) {
                Lx::Unit(u, p) => {
                    j += 1;
                    (u, p)
                }
                _ => return None,
            },
            _ => return None,
        };
        // "two year" is fine in speech; ten million years is not news time
        if n.is_some_and(|x| x > 100_000.0) {
            return None;
        }
        if n.is_none() && !plural {
            return None;
        }
        if self.title_case(j) {
            return None;
        }
        // ages: "52 years old"; fractions: "a quarter of"; ordinals: "a second group"
        if self.w(j + 1) == "old"
            || (u == Unit::Quarter && !plural && self.is(j + 1, Kw::Of))
            || (u == Unit::Second
                && !plural
                && matches!(self.toks.get(j + 1).map(|t| t.kind), Some(TokenKind::Word))
                && !matches!(self.kw(j + 1), Some(Kw::Ago | Kw::Later | Kw::Earlier)))
        {
            return None;
        }
        // vague "some" needs a plural unit: "some years"
        let mut e = j + 1;
        let is_a = self.is(i, Kw::A);
        // "a year" after an amount: a set ("15 a year", "$5 million a year", "twice a week")
        if is_a && !plural && i > 0 {
            let p = self.w(i - 1);
            let amount = matches!(self.lx(i - 1), Lx::Num(..) | Lx::NumWord(_) | Lx::Dec(_) | Lx::Unit(_, true))
                || matches!(p, "twice" | "once" | "times" | "percent" | "%" | "million" | "billion" | "thousand")
                || p.ends_with("illion");
            if amount && !matches!(self.kw(e), Some(Kw::Ago | Kw::Earlier | Kw::Later)) {
                return Some(Hit::abs(i, e, TimeKind::Set, u.duration(Some(1.0))));
            }
        }
        // ago / earlier / later / from now
        let dir = match self.kw(e) {
            Some(Kw::Ago) => Some(-1),
            Some(Kw::Earlier) if self.kw_end(e + 1) || self.is(e + 1, Kw::Than) => Some(-1),
            Some(Kw::Later) if self.kw_end(e + 1) => Some(1),
            Some(Kw::From) if self.is(e + 1, Kw::Now) => Some(1),
            Some(Kw::Hence) => Some(1),
            _ => None,
        };
        if let Some(dir) = dir {
            e += if self.is(e, Kw::From) { 2 } else { 1 };
            if self.is(e - 1, Kw::Than) {
                e -= 1;
            }
            let Some(x) = n else {
                let v = if dir < 0 { "PAST_REF" } else { "FUTURE_REF" };
                return Some(Hit::abs(i, e, TimeKind::Date, v.into()));
            };
            if x.fract() != 0.0 {
                return Some(Hit::rel(i, e, TimeKind::Date, None));
            }
            let k = (x as i64) * dir;
            if u == Unit::Year && x == 1.0 {
                if let Some((y, q)) = st.last_quarter {
                    return Some(quarter_hit(i, e, y - 1, q, false));
                }
            }
            let Some(d) = self.dct else {
                return Some(Hit::rel(i, e, TimeKind::Date, None));
            };
            let k32 = k.clamp(-100_000, 100_000) as i32;
            let v = match u {
                Unit::Second | Unit::Minute | Unit::Hour => ymd(d),
                Unit::Day => ymd(d.add_days(k)),
                // "two weeks ago" names a day in TimeBank and MEANTIME
                Unit::Week | Unit::Weekend => ymd(d.add_days(7 * k)),
                Unit::Month => {
                    let (y, m) = months_from(d, k32);
                    ym(y, m)
                }
                Unit::Quarter => {
                    let (y, m) = months_from(d, 3 * k32);
                    format!("{y:04}-Q{}", (m - 1) / 3 + 1)
                }
                Unit::Year => year(d.year + k32),
                Unit::Decade => year(d.year + 10 * k32),
                Unit::Century => year(d.year + 100 * k32),
            };
            return Some(Hit::rel(i, e, TimeKind::Date, Some(v)));
        }
        // "a year" alone is a duration; "a day" before a noun too
        if u == Unit::Weekend && !plural {
            return None;
        }
        // "one day" (some day), "a day" as an article in "a day of mourning": keep as duration
        if is_a && matches!(u, Unit::Day) && self.is(e, Kw::Of) {
            return None;
        }
        // "some" only with a plural unit
        Some(Hit::abs(i, e, TimeKind::Duration, u.duration(n)).det().undatey())
    }

    /// A time of day: "3 p.m.", "6:40 p.m.", "18:00 UTC", "9 a.m. Tuesday".
    fn time_of_day(&self, i: usize) -> Option<Hit> {
        let (h, mut j) = match self.lx(i) {
            Lx::Num(h, _) => (h, i + 1),
            Lx::NumWord(h) => (h, i + 1),
            Lx::Dec(x) => {
                // 6.30 p.m.
                let h = x.trunc() as u32;
                let m = ((x.fract() * 100.0).round()) as u32;
                if !matches!(self.kw(i + 1), Some(Kw::Am | Kw::Pm)) || m >= 60 || h > 12 {
                    return None;
                }
                return self.finish_time(i, i + 1, h, m);
            }
            _ => return None,
        };
        let raw = self.raw(i);
        // 1800 UTC
        if raw.len() == 4 && self.is(j, Kw::Zone) {
            if let Lx::Num(hm, 4) = self.lx(i) {
                let (hh, mm) = (hm / 100, hm % 100);
                if hh < 24 && mm < 60 {
                    return self.finish_time(i, j, hh, mm);
                }
            }
        }
        if h > 24 {
            return None;
        }
        let mut m = 0;
        let mut colon = false;
        if self.raw(j) == ":" && self.glued(i) && self.glued(j) {
            if let Lx::Num(mm, 2) = self.lx(j + 1) {
                if mm < 60 {
                    m = mm;
                    j += 2;
                    colon = true;
                }
            }
        }
        let ampm = matches!(self.kw(j), Some(Kw::Am | Kw::Pm));
        if !ampm && !(colon && (self.is(j, Kw::Zone) || i > 0 && self.is(i - 1, Kw::At))) {
            // "o'clock"
            if self.w(j) == "o'clock" && h <= 12 {
                return self.finish_time(i, j, h, m).map(|mut x| {
                    x.e = j + 1;
                    x
                });
            }
            return None;
        }
        if ampm && h > 12 {
            return None;
        }
        self.finish_time(i, j, h, m)
    }

    /// Finishes a time of day at `j` (the token after the hour/minutes): am/pm, zone, day.
    fn finish_time(&self, i: usize, mut j: usize, h: u32, m: u32) -> Option<Hit> {
        let mut h = h;
        match self.kw(j) {
            Some(Kw::Am) => {
                if h == 12 {
                    h = 0;
                }
                j += 1;
            }
            Some(Kw::Pm) => {
                if h < 12 {
                    h += 12;
                }
                j += 1;
            }
            _ => {}
        }
        let mut zone = "";
        if self.is(j, Kw::Zone) {
            if matches!(self.w(j), "utc" | "gmt") {
                zone = "Z";
            }
            j += 1;
        }
        // "(GMT +8)" and similar are left out; "5 p.m. EST Nov. 9"
        let k = if self.raw(j) == "," { j + 1 } else { j };
        if let Lx::Month(..) = self.lx(k) {
            if let Some(dh) = self.month_phrase(k) {
                if let Some(v) = dh.value.as_deref().filter(|v| v.len() == 10 && !v.contains('X')) {
                    let v = format!("{v}T{h:02}:{m:02}{zone}");
                    return Some(Hit::rel(i, dh.e, TimeKind::Time, Some(v)).undatey());
                }
            }
        }
        let (mut date, e) = self.day_after_time(j);
        if e == j && self.w(j) == "on" {
            // "at 6:40 p.m. on Monday": the day stays its own expression but fixes the date
            let (d2, e2) = self.day_after_time(j + 1);
            if e2 > j + 1 {
                date = d2;
            }
        }
        let v = date.map(|d| format!("{d}T{h:02}:{m:02}{zone}"));
        Some(Hit::rel(i, e, TimeKind::Time, v).undatey())
    }

    /// "24 July", "24 July 2015", "24th of July".
    fn day_month(&self, i: usize) -> Option<Hit> {
        let d = match self.lx(i) {
            Lx::Num(d, 1..=2) => d,
            Lx::Ord(d, _) => d,
            _ => return None,
        };
        if !(1..=31).contains(&d) {
            return None;
        }
        let mut j = i + 1;
        if self.is(j, Kw::Of) {
            j += 1;
        }
        let Lx::Month(m, amb) = self.lx(j) else { return None };
        if !self.cap(j) && amb {
            return None;
        }
        if self.w(j) == "may" && !self.cap(j) {
            return None;
        }
        self.finish_md(i, j + 1, m, d as u8)
    }

    /// The second day of "April 24 and 25", "March 3-5".
    fn second_day(&self, i: usize) -> Option<Hit> {
        let Lx::Num(d, 1..=2) = self.lx(i) else { return None };
        if i < 3 || !(1..=31).contains(&d) || !matches!(self.w(i - 1), "and" | "or" | "to" | "-" | "–" | "through") {
            return None;
        }
        let (Lx::Month(m, _), Lx::Num(1..=31, 1..=2) | Lx::Ord(1..=31, true)) = (self.lx(i - 3), self.lx(i - 2)) else {
            return None;
        };
        if matches!(self.lx(i + 1), Lx::Unit(..)) || matches!(self.w(i + 1), "%" | "percent") {
            return None;
        }
        self.finish_md(i, i + 1, m, d as u8)
    }

    /// After month and day: an optional year, then the value.
    fn finish_md(&self, s: usize, j: usize, m: u8, d: u8) -> Option<Hit> {
        let mut e = j;
        let mut yr = None;
        let k = if self.raw(e) == "," { e + 1 } else { e };
        if let Lx::Num(y, 4) = self.lx(k) {
            if (1000..=2100).contains(&y) {
                yr = Some(y as i32);
                e = k + 1;
            }
        }
        if let Some(y) = yr {
            let date = Date::new(y, m, d)?;
            return Some(Hit::abs(s, e, TimeKind::Date, ymd(date)));
        }
        let v = match self.dct {
            Some(dct) => {
                let t = self.tense(s, e);
                let y = resolve_year(dct, m, t);
                Date::new(y, m, d).map(ymd)
            }
            None => {
                return Some(Hit::new(s, e, TimeKind::Date, Some(format!("XXXX-{m:02}-{d:02}")), Anchor::None));
            }
        };
        Some(Hit::rel(s, e, TimeKind::Date, v))
    }

    /// A phrase starting with a month name.
    fn month_phrase(&self, i: usize) -> Option<Hit> {
        let (m, amb) = match self.lx(i) {
            Lx::Month(m, amb) => (m, amb),
            Lx::ModMonth(m) => (m, false),
            _ => return None,
        };
        let modm = matches!(self.lx(i), Lx::ModMonth(_));
        let j = i + 1;
        let cap = self.cap(i);
        if !cap && !modm {
            return None;
        }
        // Month day
        if !modm {
            let day = match self.lx(j) {
                Lx::Num(d, 1..=2) if (1..=31).contains(&d) => Some(d),
                Lx::Ord(d, _) if (1..=31).contains(&d) => Some(d),
                _ => None,
            };
            if let Some(d) = day {
                // not "May 2 percent", not "March 15 people"
                if !matches!(self.lx(j + 1), Lx::Unit(..)) && !matches!(self.w(j + 1), "%" | "percent") {
                    return self.finish_md(i, j + 1, m, d as u8);
                }
            }
        }
        // Month year
        let k = if self.raw(j) == "," { j + 1 } else { j };
        if let Lx::Num(y, 4) = self.lx(k) {
            if (1000..=2100).contains(&y) {
                return Some(Hit::abs(i, k + 1, TimeKind::Date, ym(y as i32, m)));
            }
        }
        if let Some(h) = self.word_year(k) {
            let y = h.value.as_deref().and_then(|v| v.parse::<i32>().ok())?;
            return Some(Hit::abs(i, h.e, TimeKind::Date, ym(y, m)));
        }
        // "October of 2009", "October of next year"
        if let Some((y, e)) = self.of_year(j) {
            let anchored = matches!(self.lx(j + 1), Lx::Num(..));
            let v = ym(y, m);
            return Some(if anchored {
                Hit::abs(i, e, TimeKind::Date, v)
            } else {
                Hit::rel(i, e, TimeKind::Date, Some(v))
            });
        }
        // "June last year", "January this year"
        if let (Some(kw @ (Kw::Last | Kw::This | Kw::Next)), Lx::Unit(Unit::Year, false)) = (self.kw(j), self.lx(j + 1))
        {
            let shift = match kw {
                Kw::Last => -1,
                Kw::Next => 1,
                _ => 0,
            };
            let v = self.dct.map(|d| ym(d.year + shift, m));
            return Some(Hit::rel(i, j + 2, TimeKind::Date, v));
        }
        // Month alone: guard the ambiguous ones (May, March, abbreviations).
        if amb && !modm {
            if self.raw(i).ends_with('.') && self.raw(i).len() > 2 && !matches!(self.w(i), "may" | "march") {
                // "Sept." alone is a month
            } else {
                let prev = i.checked_sub(1).map(|p| self.w(p)).unwrap_or("");
                let prep = matches!(
                    prev,
                    "in" | "since"
                        | "until"
                        | "till"
                        | "by"
                        | "of"
                        | "during"
                        | "from"
                        | "through"
                        | "to"
                        | "early"
                        | "late"
                        | "mid"
                        | "last"
                        | "next"
                        | "this"
                        | "and"
                        | "or"
                        | "before"
                        | "after"
                        | "between"
                        | "throughout"
                        | "last,"
                        | "that"
                );
                let short = self.raw(i).len() <= 4 && !matches!(self.w(i), "may" | "june" | "july");
                if !prep || short {
                    return None;
                }
            }
        }
        // a name: "April Ryan", "June Carter", "the October Revolution"
        if !modm
            && self.cap(j)
            && self.lx(j) == Lx::None
            && matches!(self.toks.get(j).map(|t| t.kind), Some(TokenKind::Word))
        {
            return None;
        }
        let v = match self.dct {
            Some(d) => {
                let t = self.tense(i, j);
                Some(ym(resolve_year(d, m, t), m))
            }
            None => None,
        };
        let mut h = Hit::rel(i, j, TimeKind::Date, v);
        if h.value.is_none() {
            h.value = Some(format!("XXXX-{m:02}"));
        }
        Some(h)
    }

    /// A phrase starting with a weekday.
    fn weekday_phrase(&self, i: usize, wd: u8, ab: bool) -> Option<Hit> {
        let j = i + 1;
        // Tuesday, April 25 / Friday Oct. 13 / Monday 12 May
        let k = if self.raw(j) == "," { j + 1 } else { j };
        if let Lx::Month(..) = self.lx(k) {
            if let Some(mut h) = self.month_phrase(k) {
                if h.value.as_deref().is_some_and(|v| v.len() == 10)
                    || matches!(self.lx(k + 1), Lx::Num(..) | Lx::Ord(..))
                {
                    h.s = i;
                    return Some(h);
                }
            }
        }
        if let Some(mut h) = self.day_month(k) {
            h.s = i;
            return Some(h);
        }
        if ab {
            return None;
        }
        if !self.cap(i) {
            return None;
        }
        // The Sunday Times, Black Monday, Good Friday
        let next = self.w(j);
        if matches!(
            next,
            "times"
                | "telegraph"
                | "express"
                | "mirror"
                | "herald"
                | "post"
                | "tribune"
                | "sport"
                | "independent"
                | "star"
                | "mail"
                | "night"
                | "morning"
                | "evening"
                | "afternoon"
        ) && self.cap(j)
        {
            return None;
        }
        if i > 0
            && matches!(
                self.w(i - 1),
                "black" | "good" | "bloody" | "super" | "cyber" | "ash" | "palm" | "easter" | "holy" | "mail"
            )
            && self.cap(i - 1)
        {
            return None;
        }
        let mut e = j;
        let mut kind = TimeKind::Date;
        let mut part = None;
        if let Lx::PartOfDay(p) = self.lx(j) {
            part = Some(p);
            e = j + 1;
            kind = TimeKind::Time;
        }
        let v = self.dct.map(|d| {
            let t = self.tense(i, e);
            let date = weekday_date(d, wd, t);
            match part {
                Some(p) => format!("{date}T{p}"),
                None => ymd(date),
            }
        });
        let mut h = Hit::rel(i, e, kind, v);
        if h.value.is_none() {
            h.value = Some(format!("XXXX-WXX-{wd}"));
        }
        Some(h)
    }

    /// Christmas, Thanksgiving, New Year's Day, Halloween, Easter.
    fn holiday(&self, i: usize) -> Option<Hit> {
        if !self.cap(i) {
            return None;
        }
        let mut e = i + 1;
        // which holiday: a function of the year
        let day: fn(i32) -> Option<Date> = match self.w(i) {
            "christmas" if self.w(e) == "eve" => {
                e += 1;
                |y| Date::new(y, 12, 24)
            }
            "christmas" => {
                if self.w(e) == "day" {
                    e += 1;
                }
                |y| Date::new(y, 12, 25)
            }
            "halloween" => |y| Date::new(y, 10, 31),
            // US election day: the Tuesday after the first Monday of November
            "election" if self.w(e) == "day" && self.cap(e) => {
                e += 1;
                |y| {
                    let first = Date::new(y, 11, 1)?;
                    let to_mon = (1 - i64::from(first.weekday())).rem_euclid(7);
                    Some(first.add_days(to_mon + 1))
                }
            }
            "thanksgiving" => {
                if self.w(e) == "day" {
                    e += 1;
                }
                // the fourth Thursday of November (US)
                |y| {
                    let first = Date::new(y, 11, 1)?;
                    let to_thu = (4 - i64::from(first.weekday())).rem_euclid(7);
                    Some(first.add_days(to_thu + 21))
                }
            }
            "easter" => {
                if self.w(e) == "sunday" {
                    e += 1;
                }
                easter
            }
            "new" if self.w(e) == "year" && self.w(e + 1) == "'s" && matches!(self.w(e + 2), "day" | "eve") => {
                let eve = self.w(e + 2) == "eve";
                e += 3;
                if eve {
                    |y| Date::new(y - 1, 12, 31)
                } else {
                    |y| Date::new(y, 1, 1)
                }
            }
            _ => return None,
        };
        let e2 = if self.raw(e) == "," { e + 1 } else { e };
        if let Lx::Num(y, 4) = self.lx(e2) {
            if (1000..=2100).contains(&y) {
                return Some(Hit::abs(i, e2 + 1, TimeKind::Date, ymd(day(y as i32)?)));
            }
        }
        let v = self.dct.and_then(|d| {
            let probe = day(d.year)?;
            let y = resolve_year(d, probe.month, self.tense(i, e));
            day(y).map(ymd)
        });
        Some(Hit::rel(i, e, TimeKind::Date, v))
    }

    fn season(&self, i: usize, s: &str) -> Option<Hit> {
        // of 1990 / 1990
        let j = i + 1;
        let k = if self.is(j, Kw::Of) { j + 1 } else { j };
        if let Lx::Num(y, 4) = self.lx(k) {
            if (1000..=2100).contains(&y) {
                return Some(Hit::abs(i, k + 1, TimeKind::Date, format!("{y:04}-{s}")).det());
            }
        }
        if let Some(h) = self.word_year(k) {
            let v = h.value.as_deref().map(|y| format!("{y}-{s}"))?;
            return Some(Hit::abs(i, h.e, TimeKind::Date, v).det());
        }
        let prev = i.checked_sub(1).map(|p| self.w(p)).unwrap_or("");
        if !matches!(
            prev,
            "in" | "the" | "this" | "during" | "by" | "until" | "since" | "early" | "late" | "mid" | "next" | "last"
        ) {
            return None;
        }
        if !self.kw_end(j) {
            return None;
        }
        let v = self.dct.map(|d| {
            let t = self.tense(i, j);
            let cur = season_index(season_of(d.month));
            let si = season_index(s);
            let y = if t == Tense::Past && si > cur {
                d.year - 1
            } else if t == Tense::Future && si < cur {
                d.year + 1
            } else {
                d.year
            };
            format!("{y:04}-{s}")
        });
        Some(Hit::rel(i, j, TimeKind::Date, v).det())
    }
}

/// Easter Sunday of year `y` (Gregorian computus).
fn easter(y: i32) -> Option<Date> {
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(y, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
}

fn quarter_hit(s: usize, e: usize, y: i32, q: u8, remember: bool) -> Hit {
    let mut h = Hit::rel(s, e, TimeKind::Date, Some(format!("{y:04}-Q{q}"))).det();
    if remember {
        h.quarter = Some((y, q));
    }
    h
}

/// The quarter before the one holding `d`.
fn prev_quarter(d: Date) -> (i32, u8) {
    let q = quarter_of(d);
    if q == 1 {
        (d.year - 1, 4)
    } else {
        (d.year, q - 1)
    }
}

/// The date of weekday `wd` near `dct`: the latest one up to `dct` in a past or unknown
/// context, the next one from `dct` on in a future context.
fn weekday_date(dct: Date, wd: u8, t: Tense) -> Date {
    let cur = i64::from(dct.weekday());
    let wd = i64::from(wd);
    match t {
        Tense::Future => dct.add_days((wd - cur).rem_euclid(7)),
        _ => dct.add_days(-(cur - wd).rem_euclid(7)),
    }
}

/// The year of month `m` mentioned without a year, by the tense of its context. A month in
/// the publication month keeps its year.
fn resolve_year(dct: Date, m: u8, t: Tense) -> i32 {
    // The year is the one that puts the month in a window around the publication month: mostly
    // behind it in a past context, mostly ahead in a future one.
    let (lo, hi) = match t {
        Tense::Past => (-11, 1),
        Tense::WeakPast => (-10, 3),
        Tense::Future => (-2, 11),
        Tense::Unknown => (-8, 4),
    };
    let off = i32::from(m) - i32::from(dct.month);
    if off < lo {
        dct.year + 1
    } else if off > hi {
        dct.year - 1
    } else {
        dct.year
    }
}

#[cfg(test)]
mod tests;
