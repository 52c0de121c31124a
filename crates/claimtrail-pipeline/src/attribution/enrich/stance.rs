//! The stance of a source toward what it is reported to say: denies, has no knowledge,
//! hedges, or asserts. Word and phrase lists over lower-cased words; the order of the tests
//! is the order of precedence: a denial in the cue, a statement of no knowledge, a denial in
//! the content, a hedge, else an assertion.

use claimtrail_core::Stance;

use crate::claims::lexicon::{event_class, is_deontic};

/// Lower-cased words of `s` (letters and digits; apostrophes split "didn't" into "didn", "t").
pub fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

fn has_phrase(words: &[String], phrase: &[&str]) -> bool {
    !phrase.is_empty() && words.windows(phrase.len()).any(|w| w.iter().zip(phrase).all(|(a, b)| a == b))
}

fn has_any(words: &[String], phrases: &[&[&str]]) -> bool {
    phrases.iter().any(|p| has_phrase(words, p))
}

const DENY_CUES: &[&str] = &[
    "denied",
    "deny",
    "denies",
    "denying",
    "denial",
    "denials",
    "rejected",
    "reject",
    "rejects",
    "rejecting",
    "dismissed",
    "dismiss",
    "dismisses",
    "dismissing",
    "refuted",
    "refute",
    "refutes",
    "rebutted",
    "rebuts",
    "contradicted",
    "disputed",
    "disputes",
    "disputing",
    "debunked",
    "debunk",
    "debunks",
    "debunking",
    "trashed",
    "disavowed",
    "disavows",
    "refuting",
    "rebutting",
    "recanted",
    "recants",
    "retracted",
    "retracts",
];

const NO_KNOWLEDGE: &[&[&str]] = &[
    &["no", "information"],
    &["not", "have", "any", "information"],
    &["t", "have", "any", "information"],
    &["not", "have", "information"],
    &["no", "knowledge"],
    &["no", "credible", "intelligence"],
    &["no", "credible", "information"],
    &["declined", "to", "comment"],
    &["declines", "to", "comment"],
    &["refused", "to", "comment"],
    &["would", "not", "comment"],
    &["wouldn", "t", "comment"],
    &["did", "not", "comment"],
    &["could", "not", "confirm"],
    &["couldn", "t", "confirm"],
    &["cannot", "confirm"],
    &["can", "not", "confirm"],
    &["can", "t", "confirm"],
    &["cannot", "verify"],
    &["can", "t", "verify"],
    &["could", "not", "verify"],
    &["unable", "to", "verify"],
    &["no", "confirmation"],
    &["no", "official", "notification"],
    &["no", "certainty"],
    &["unable", "to", "confirm"],
    &["neither", "confirm", "nor", "deny"],
    &["unaware"],
    &["not", "aware"],
    &["no", "comment"],
    &["does", "not", "know"],
    &["do", "not", "know"],
    &["don", "t", "know"],
    &["did", "not", "know"],
    &["no", "details"],
    &["not", "respond"],
    &["not", "immediately", "respond"],
    &["not", "return"],
    &["not", "immediately", "return"],
    &["didn", "t", "respond"],
    &["didn", "t", "return"],
    &["not", "responded"],
    &["not", "commented"],
    &["not", "yet", "commented"],
    &["no", "immediate", "comment"],
    &["not", "available", "for", "comment"],
    &["could", "not", "be", "reached"],
    &["couldn", "t", "be", "reached"],
    &["declined", "to"],
    &["declines", "to"],
    &["refused", "to", "confirm"],
    &["refused", "to", "say"],
    &["would", "not", "say"],
    &["wouldn", "t", "say"],
    &["would", "not", "confirm"],
    &["neither", "confirmed", "nor", "denied"],
    &["neither", "denied", "nor", "confirmed"],
    &["neither", "confirm", "nor", "deny"],
    &["neither", "deny", "nor", "confirm"],
    &["not", "heard"],
    &["no", "idea"],
];

const DENY_CONTENT: &[&[&str]] = &[
    &["not", "true"],
    &["none", "of", "it", "is", "true"],
    &["none", "of", "this", "is", "true"],
    &["none", "of", "that", "is", "true"],
    &["nothing", "of", "the", "sort"],
    &["untrue"],
    &["nonsense"],
    &["false"],
    &["fake"],
    &["baseless"],
    &["groundless"],
    &["unfounded"],
    &["fabricated"],
    &["fabrication"],
    &["fabrications"],
    &["lie"],
    &["lies"],
    &["liar"],
    &["liars"],
    &["never", "happened"],
    &["never", "took", "place"],
    &["did", "not", "take", "place"],
    &["didn", "t", "take", "place"],
    &["did", "not", "happen"],
    &["didn", "t", "happen"],
    &["absurd"],
    &["ridiculous"],
    &["no", "truth"],
    &["not", "correct"],
    &["incorrect"],
    &["inaccurate"],
    &["misinformation"],
    &["disinformation"],
    &["hoax"],
    &["hoaxes"],
    &["not", "the", "case"],
    &["unsubstantiated"],
    &["bogus"],
    &["made", "up"],
    &["fictitious"],
    &["fiction"],
    &["not", "accurate"],
    &["erroneous"],
    &["without", "merit"],
    &["no", "basis"],
    &["not", "real"],
    &["not", "genuine"],
    &["doctored"],
    &["photoshopped"],
    &["urban", "legend"],
    &["myth"],
    &["satire"],
    &["satirical"],
    &["rubbish"],
    &["no", "truth"],
    &["nothing", "to", "do", "with"],
];

/// Cue phrases that deny their object ("ruled out talks").
const DENY_PHRASES: &[&[&str]] = &[&["ruled", "out"], &["rules", "out"], &["ruling", "out"], &["rule", "out"]];

/// Cues that put forward without standing behind: "suggested", "speculated".
const HEDGE_CUES: &[&str] = &["suggested", "suggests", "suggest", "suggesting", "speculated", "speculates"];

/// "it was said", "it is rumoured", "it has been reported": the words right before the cue (or
/// the first words of a content that holds them) make an impersonal report.
fn impersonal(before: &[String], cue: &[String], content: &[String]) -> bool {
    let ends_it_is = |w: &[String]| {
        let n = w.len();
        (n >= 2 && w[n - 2] == "it" && matches!(w[n - 1].as_str(), "is" | "was"))
            || (n >= 3 && w[n - 3] == "it" && matches!(w[n - 2].as_str(), "has" | "had") && w[n - 1] == "been")
    };
    let participle = |w: &str| {
        matches!(w, "said" | "rumored" | "rumoured" | "reported" | "claimed" | "alleged" | "believed" | "thought")
    };
    let k = content.iter().take(4).position(|w| participle(w));
    ends_it_is(before) && cue.first().is_some_and(|c| participle(c))
        || k.is_some_and(|k| k >= 2 && ends_it_is(&content[..k]) && k <= 3)
}

const DISMISSIVE: &[&str] = &[
    "surprising",
    "surprised",
    "strange",
    "puzzling",
    "laughable",
    "speculation",
    "speculative",
    "propaganda",
    "premature",
    "exaggerated",
    "overblown",
    "wrong",
    "mistaken",
    "misleading",
];

const HEDGES: &[&[&str]] = &[
    &["reportedly"],
    &["allegedly"],
    &["alleged"],
    &["purportedly"],
    &["supposedly"],
    &["rumored"],
    &["rumoured"],
    &["unconfirmed"],
    &["possibly"],
    &["perhaps"],
    &["maybe"],
    &["may", "have"],
    &["might"],
    &["could", "have"],
    &["would", "not", "surprise"],
    &["wouldn't", "surprise"],
    &["is", "believed"],
    &["are", "believed"],
    &["was", "believed"],
    &["were", "believed"],
    &["is", "thought", "to"],
    &["are", "thought", "to"],
    &["was", "thought", "to"],
    &["were", "thought", "to"],
    &["widely", "believed"],
    &["is", "understood", "to"],
    &["are", "understood", "to"],
    &["is", "feared", "to"],
    &["are", "feared", "to"],
    &["is", "suspected", "to"],
    &["are", "suspected", "to"],
    &["is", "presumed", "to"],
    &["was", "understood", "to"],
    &["were", "understood", "to"],
    &["was", "feared", "to"],
    &["were", "feared", "to"],
    &["was", "suspected", "to"],
    &["were", "suspected", "to"],
    &["are", "rumoured", "to"],
    &["are", "rumored", "to"],
    &["it", "is", "possible"],
    &["rumor"],
    &["rumors"],
    &["rumour"],
    &["rumours"],
    &["unverified"],
    &["unlikely"],
    &["not", "likely"],
    &["apparently"],
    &["purported"],
    &["is", "reported", "to"],
    &["are", "reported", "to"],
    &["was", "reported", "to"],
    &["were", "reported", "to"],
    &["is", "said", "to"],
    &["was", "said", "to"],
    &["were", "said", "to"],
    &["are", "said", "to"],
    // hearsay and expectation: "I've heard that he's on a suspension", "is expected to be"
    &["i", "ve", "heard"],
    &["i", "have", "heard"],
    &["is", "expected", "to"],
    &["are", "expected", "to"],
    &["was", "expected", "to"],
    &["were", "expected", "to"],
];

/// "the militants could use it as a weapon", "the virus may spread": the content's own clause
/// says only that something is possible. The modal comes after a subject within the first
/// words and before a verb; "could not" (an inability, or a denial handled before), an ability
/// to perceive ("could see the smoke") and the name "May" are no hedge.
fn modal_possibility(content: &str) -> bool {
    // words, with "," for a clause break ("In the event ISIS does have Ebola, the militants
    // could ...": the clause that holds the modal starts after the comma)
    let mut toks: Vec<&str> = Vec::new();
    for piece in content.split_inclusive([',', ';']).take(4) {
        toks.extend(piece.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')).filter(|w| !w.is_empty()));
        if piece.ends_with([',', ';']) {
            toks.push(",");
        }
    }
    toks.truncate(18);
    toks.iter().enumerate().take(16).skip(1).any(|(i, w)| {
        if !matches!(*w, "may" | "might" | "could") {
            return false;
        }
        // (a modal right after a comma follows an apposition or an inserted "they say": its
        // clause is all that came before)
        let after_comma = &toks[toks[..i].iter().rposition(|t| *t == ",").map_or(0, |c| c + 1)..i];
        let clause = if after_comma.is_empty() { &toks[..i] } else { after_comma };
        toks.get(i + 1).is_some_and(|next| {
                next.chars().all(|c| c.is_lowercase())
                    && !matches!(
                        *next,
                        "not" | "never" | "no" | "see" | "hear" | "feel" | "tell" | "sleep" | "only" | "say" | "as"
                            | "even" | "kind"
                    )
            })
            // "I could walk": a first-person "could" tells of an ability
            && (*w != "could" || !matches!(toks[i - 1], "I" | "you" | "You"))
            // ("the amount of fuel the plane could carry": the modal of a clause inside one whose
            // verb came before)
            && !clause.iter().any(|p| matches!(*p, "is" | "was" | "are" | "were" | "has" | "had" | "have"))
            // ("things that it could be": a relative clause; "That could happen" still hedges)
            && !clause.iter().skip(1).any(|t| *t == "that")
            // "if they could", "so that it may", "what we could do", "though the deal could":
            // a condition, a purpose, a question, a concession, not the content's claim
            && !toks[..i].iter().any(|p| {
                matches!(
                    p.to_lowercase().as_str(),
                    "if" | "whether" | "unless" | "so" | "what" | "how" | "who" | "where" | "when" | "which"
                        | "while" | "as" | "before" | "after" | "until" | "once" | "because" | "since" | "time"
                        | "than" | "fears" | "fear" | "though" | "although" | "but"
                )
            })
    })
}

/// Verdict adjectives that deny only when they are said of something ("the report is false"),
/// not when they name it ("calls about this false report").
const VERDICT_ADJECTIVES: &[&str] =
    &["false", "fake", "bogus", "fabricated", "unsubstantiated", "baseless", "groundless", "unfounded", "fictitious"];

/// Verdict nouns, which can also be what a statement is about ("the fabrication was known").
const VERDICT_NOUNS: &[&str] = &[
    "fabrication",
    "fabrications",
    "lie",
    "lies",
    "liar",
    "liars",
    "hoax",
    "hoaxes",
    "myth",
    "fiction",
    "misinformation",
    "satire",
];

/// A verdict of falsehood in the content: a phrase of [`DENY_CONTENT`], except a verdict
/// adjective used attributively after a determiner ("this false report", "the fake account").
pub(crate) fn has_verdict(w: &[String]) -> bool {
    DENY_CONTENT.iter().any(|p| {
        (0..w.len().saturating_sub(p.len() - 1)).any(|i| {
            if !w[i..i + p.len()].iter().zip(p.iter()).all(|(a, b)| a == b) {
                return false;
            }
            let attributive = p.len() == 1
                && VERDICT_ADJECTIVES.contains(&p[0])
                && i > 0
                && matches!(
                    w[i - 1].as_str(),
                    "this" | "that" | "the" | "a" | "an" | "these" | "those" | "its" | "his" | "her" | "their" | "such"
                )
                && w.get(i + 1).is_some_and(|n| n.len() > 2 && !matches!(n.as_str(), "and" | "or" | "but"));
            // "his fabrication was long-known": the noun is the subject of what is said, not a
            // verdict on it
            // ("Williams' fabrication was ...": any determiner or possessive, but not "a hoax
            // was spread", which calls something a hoax)
            let subject = p.len() == 1
                && VERDICT_NOUNS.contains(&p[0])
                && i > 0
                && !matches!(
                    w[i - 1].as_str(),
                    "a" | "an" | "is" | "was" | "are" | "were" | "be" | "been" | "complete" | "total"
                )
                && w.get(i + 1).is_some_and(|n| {
                    matches!(n.as_str(), "was" | "is" | "were" | "are" | "has" | "had" | "have" | "will" | "would")
                });
            !attributive && !subject
        })
    })
}

/// Verbs of speech and cognition: a cue made of one of them is a statement by itself.
const SPEECH_VERBS: &[&str] = &[
    // too rare to be mined from the training texts; the extractor takes them only before
    // what was said ("relayed to the Post that X")
    "relayed",
    "relays",
    "divulged",
    "divulges",
    "conveyed",
    "conveys",
    // participles and base forms of the verbs below ("a story suggesting that X")
    "suggesting",
    "suggest",
    "alleging",
    "allege",
    "stating",
    "insisting",
    "explaining",
    "noting",
    "warning",
    "confirming",
    "announcing",
    "declaring",
    "asserting",
    "asserted",
    "asserts",
    "contending",
    "arguing",
    "adding",
    "rumored",
    "rumoured",
    "said",
    "say",
    "says",
    "saying",
    "told",
    "tell",
    "tells",
    "telling",
    "stated",
    "states",
    "state",
    "added",
    "adds",
    "claimed",
    "claims",
    "claim",
    "claiming",
    "announced",
    "announces",
    "announce",
    "reported",
    "reports",
    "report",
    "wrote",
    "writes",
    "write",
    "written",
    "tweeted",
    "tweets",
    "posted",
    "explained",
    "explains",
    "noted",
    "notes",
    "insisted",
    "insists",
    "argued",
    "argues",
    "confirmed",
    "confirms",
    "confirm",
    "denied",
    "denies",
    "deny",
    "acknowledged",
    "admitted",
    "admits",
    "warned",
    "warns",
    "asked",
    "asks",
    "replied",
    "answered",
    "responded",
    "declared",
    "maintained",
    "suggested",
    "suggests",
    "alleged",
    "alleges",
    "believe",
    "believes",
    "believed",
    "think",
    "thinks",
    "thought",
    "predicted",
    "estimated",
    "revealed",
    "disclosed",
    "conceded",
    "stressed",
    "emphasized",
    "contended",
    "countered",
    "testified",
    "recalled",
    "commented",
    "remarked",
    "observed",
    "speculated",
    "quipped",
    "joked",
    "acknowledges",
    "informed",
    "assured",
    "promised",
    "vowed",
    "pledged",
    "urged",
    "called",
    "described",
    "dismissed",
    "rejected",
    "refuted",
    "debunked",
    "disputed",
    "according",
    "quoted",
    "cited",
    "citing",
    "reportedly",
    "learned",
    "learnt",
    "indicated",
    "signaled",
    "signalled",
    "insist",
    "argue",
    "decline",
    "declined",
    "refused",
    "agreed",
    "disagreed",
    "questioned",
    "doubted",
    "feared",
    "fears",
    "hoped",
    "hopes",
    "expects",
    "expected",
    "knew",
    "know",
    "knows",
    "wondered",
];

/// True for a verb of speech or cognition ("said", "told", "believes", "denied").
pub(crate) fn is_speech_verb(w: &str) -> bool {
    // (with the extractor's list of speech verbs: one notion of "a speech verb")
    SPEECH_VERBS.contains(&w) || crate::attribution::extract::cues::is_speech(w)
}

/// Words that negate the speech act when they stand right before the cue ("has not claimed",
/// "did not say", "never said").
const NEGATORS: &[&str] = &["not", "never", "t", "neither", "nor", "no"];

const ELLIPTICAL_NO: &[&str] =
    &["no", "not at all", "never", "absolutely not", "of course not", "nope", "certainly not"];

/// Belief verbs that raise a negation into their clause: "I don't think he came" means "I
/// think he did not come".
fn is_neg_raising(w: &str) -> bool {
    matches!(w, "think" | "thinks" | "thought" | "believe" | "believes" | "believed")
}

/// True when the content negates an event ("never met", "did not visit", "hasn't decided").
/// A negated modal or infinitive is advice, not a denial: "should not purchase", "mustn't
/// sign", "not to buy", "can't afford to buy".
fn negated_event(w: &[String]) -> bool {
    // a negation inside a relative clause ("the service, which would not require a
    // subscription, ...") describes its noun, it does not deny the content's event
    let relative_from =
        w.iter().position(|x| matches!(x.as_str(), "which" | "who" | "whom" | "whose")).unwrap_or(w.len());
    w[..relative_from].iter().enumerate().any(|(i, x)| {
        let neg = x == "never" || (x == "not" && w.get(i + 1).is_none_or(|n| n != "only")) || x == "t";
        // (nor a gerund after a preposition: "their policy of not negotiating")
        let advice =
            i.checked_sub(1).is_some_and(|p| is_deontic(&w[p]) || matches!(w[p].as_str(), "of" | "for" | "about"))
                || w.get(i + 1).is_some_and(|n| n == "to" || n == "afford");
        // "does not believe the report is accurate": a negated belief denies its clause
        // (after "do": "couldn't believe it" is surprise, "can't think of" no belief)
        let belief = i > 0
            && matches!(w[i - 1].as_str(), "do" | "does" | "did" | "don" | "doesn" | "didn")
            && w.get(i + 1).is_some_and(|n| is_neg_raising(n))
            && w.get(i + 2)
                .is_some_and(|n| !matches!(n.as_str(), "it" | "so" | "of" | "about" | "in" | "that" | "this"))
            && w.len() > i + 4;
        // "could not have been registered", "can't have happened": a past event said impossible
        let impossible = i > 0
            && matches!(w[i - 1].as_str(), "could" | "couldn" | "can" | "ca")
            && w.get(i + 1).is_some_and(|n| n == "have")
            && match w.get(i + 2).map(String::as_str) {
                // ("could not have been happier" is no denial)
                Some("been") => w.get(i + 3).is_some_and(|n| n.ends_with("ed") || n.ends_with("en")),
                Some(n) => n.ends_with("ed"),
                None => false,
            }
            // ("could not have resolved the issue any faster" judges a speed, denies nothing)
            && !w[i + 2..].iter().take(6).any(|n| matches!(n.as_str(), "any" | "more" | "better" | "sooner"));
        neg && !advice && (belief || impossible || w[i + 1..].iter().take(3).any(|n| event_class(n).is_some()))
    })
}

/// The stance of a statement with cue `cue`, content `content`, the words right around the cue
/// outside the content (`around`: "reportedly said") and the words right before the cue
/// (`before`: "has not" in "has not claimed"), with the code of the rule that decided it.
pub(crate) fn stance(cue: &str, content: &str, around: &str, before: &str) -> (Stance, &'static str) {
    let cue_w = words(cue);
    let content_w = words(content);
    let around_w = words(around);
    let before_w = words(before);
    let deny_cue = cue_w.iter().any(|w| DENY_CUES.contains(&w.as_str()));
    // "has neither denied nor confirmed", "could neither confirm nor deny": no knowledge
    // the words before the cue, the cue, and the first words of the content ("declined" +
    // "to comment on ...")
    let all_cue: Vec<String> = before_w.iter().chain(&cue_w).chain(content_w.iter().take(2)).cloned().collect();
    if has_any(&all_cue, NO_KNOWLEDGE) {
        return (Stance::NoKnowledge, "no_knowledge_cue");
    }
    // an own-voice verdict, a copula and one of the verdicts ("is not true", "is not real"): a
    // denial, no negated speech act
    if cue_w.first().is_some_and(|w| matches!(w.as_str(), "is" | "are" | "was" | "were"))
        && crate::attribution::verdict::verdict_prefix(&cue_w[1..]) == Some(cue_w.len() - 1)
    {
        return (Stance::Denies, "verdict_false");
    }
    // A negated speech act: "has not claimed Y", "did not say Y" -> no knowledge of Y; "did not
    // deny Y" -> a hedge toward Y.
    let negated = before_w.last().is_some_and(|w| NEGATORS.contains(&w.as_str()))
        // "neither side has confirmed", "no one has said"
        || before_w.first().is_some_and(|w| matches!(w.as_str(), "neither" | "nobody" | "nowhere"))
        || before_w.windows(2).any(|p| p[0] == "no" && p[1] == "one")
        // ("has not yet confirmed", "have not yet been confirmed by")
        || before_w
            .iter()
            .rev()
            .find(|w| {
                !matches!(
                    w.as_str(),
                    "yet" | "actually" | "publicly" | "directly" | "explicitly" | "even" | "ever" | "officially"
                        | "been" | "be"
                )
            })
            .is_some_and(|w| NEGATORS.contains(&w.as_str()))
        || cue_w.iter().take(3).any(|w| NEGATORS.contains(&w.as_str()));
    // "does not believe Y", "don't think Y": a belief verb raises its negation into the
    // content (it means "believes not Y"), unlike a speech act ("did not say Y")
    if negated && cue_w.first().is_some_and(|w| is_neg_raising(w)) {
        return (Stance::Denies, "negated_belief");
    }
    if negated {
        return if deny_cue { (Stance::Hedges, "negated_denial") } else { (Stance::NoKnowledge, "negated_cue") };
    }
    if deny_cue || has_any(&cue_w, DENY_PHRASES) {
        return (Stance::Denies, "deny_cue");
    }
    // "It was said ...", "it has been rumoured": a report nobody stands behind
    if impersonal(&before_w, &cue_w, &content_w) {
        return (Stance::Hedges, "impersonal");
    }
    if has_any(&content_w, NO_KNOWLEDGE) || has_any(&around_w, NO_KNOWLEDGE) {
        return (Stance::NoKnowledge, "no_knowledge_content");
    }
    let bare = content_w.join(" ");
    if ELLIPTICAL_NO.contains(&bare.as_str()) {
        return (Stance::Denies, "elliptical_no");
    }
    // "there is no way we're making this up", "is in no way involved": a denial ("no way to
    // know" is none)
    // ("Oh no way," is surprise)
    let no_way = content_w.windows(4).any(|p| {
        matches!(p[0].as_str(), "is" | "s" | "was" | "in")
            && p[1] == "no"
            && p[2] == "way"
            && !matches!(p[3].as_str(), "to" | "of" | "out" | "for" | "around" | "back")
    });
    if has_any(&cue_w, DENY_CONTENT) || has_verdict(&content_w) || no_way {
        return (Stance::Denies, "verdict_false");
    }
    if negated_event(&content_w) {
        return (Stance::Denies, "negated_event");
    }
    if content_w.iter().chain(&cue_w).any(|w| crate::attribution::is_report_noun(w) || w == "information")
        && content_w.iter().enumerate().any(|(i, w)| {
            // "is not surprising to us": a report believed, not dismissed
            DISMISSIVE.contains(&w.as_str())
                && !content_w[i.saturating_sub(2)..i].iter().any(|n| matches!(n.as_str(), "not" | "no" | "t" | "never"))
        })
    {
        return (Stance::Denies, "dismissive_of_report");
    }
    if has_any(&content_w, HEDGES)
        || has_any(&cue_w, HEDGES)
        || has_any(&around_w, HEDGES)
        || cue_w.iter().any(|w| HEDGE_CUES.contains(&w.as_str()))
    {
        return (Stance::Hedges, "hedge_word");
    }
    if modal_possibility(content) {
        return (Stance::Hedges, "modal");
    }
    (Stance::Asserts, "default")
}

#[cfg(test)]
mod tests {
    use super::*;
    use Stance::*;

    #[test]
    fn stance_table() {
        let cases = [
            ("said", "the report was utter nonsense", "", Denies),
            ("denied", "the arrival of the envoy", "", Denies),
            ("replied", "“no”", "", Denies),
            ("answered", "Not at all.", "", Denies),
            ("told reporters", "he did not have any information about the trip", "", NoKnowledge),
            ("declined to comment", "", "", NoKnowledge),
            ("said", "I've heard that he's on a month-long suspension", "", Hedges),
            ("said", "the phone is expected to cost more than any before it", "", Hedges),
            ("said", "the phone cost more than any before it", "", Asserts),
            ("said", "it could not confirm the meeting", "", NoKnowledge),
            ("said", "the minister had reportedly met the envoy", "", Hedges),
            ("said", "the deal was signed", "reportedly", Hedges),
            ("reported", "Abrams is reported to have made the comments at the awards", "", Hedges),
            ("said", "the minister never met the envoy", "", Denies),
            ("said", "it does not believe the report is accurate", "", Denies),
            ("said", "he did not think the envoy would come", "", Denies),
            ("said", "he did not think so", "", Asserts),
            ("said", "the disease could not have been registered in Mosul", "", Denies),
            ("said", "she could not have been happier", "", Asserts),
            ("said", "the company could not have resolved the issue any faster", "", Asserts),
            ("said", "the gunman could not have acted alone", "", Denies),
            ("called", "a sitting U.S. Representative a liar", "", Denies),
            ("urged", "officials to reconsider their policy of not negotiating", "", Asserts),
            ("said", "they will not negotiate with anyone", "", Denies),
            ("said", "she couldn't believe he was so generous", "", Asserts),
            ("said", "we didn't expect it to be as big as it was", "", Asserts),
            ("said", "the minister didn't visit Oslo", "", Denies),
            ("said", "reports about the envoy's trip were surprising", "", Denies),
            ("said", "talks were held in May", "", Asserts),
            // A possibility is no assertion of the event.
            ("reported", "the militants could use it as a biological weapon", "", Hedges),
            ("said", "the virus may spread to Europe", "", Hedges),
            ("said", "he could see the smoke from his house", "", Asserts),
            ("said", "she could not sleep for days", "", Asserts),
            ("said", "talks with Theresa May could resume", "", Hedges),
            ("said", "Theresa May met the envoy", "", Asserts),
            ("said", "he would do what he could to help", "", Asserts),
            ("said", "there is a wide range of things that it could be", "", Asserts),
            ("said", "I thought I may as well tell them", "", Asserts),
            ("said", "the key decision was the amount of fuel the bigger plane could carry", "", Asserts),
            ("reported", "in the event the group does have the virus, the militants could use it", "", Hedges),
            ("said", "if they are serious, we could do something", "", Asserts),
            ("said", "I could find a better watch for less", "", Asserts),
            ("said", "he had to wait before he could call the police", "", Asserts),
            ("said", "that could happen at any time", "", Hedges),
            ("said", "the company hired more staff so that it could grow", "", Asserts),
            ("said", "the talks were not only long but useful", "", Asserts),
            ("according to", "the alleged meetings are nonsense", "", Denies),
            ("", "", "", Asserts),
            // Advice and obligation are no denial of an event.
            ("said", "local firms should not purchase aircraft from abroad", "", Asserts),
            ("said", "the council mustn't sign the treaty", "", Asserts),
            ("said", "ministers need not visit the region", "", Asserts),
            ("urged", "buyers not to buy the jets", "", Asserts),
            ("said", "the city can't afford to buy new trams", "", Asserts),
            ("said", "the mayor did not buy the land", "", Denies),
            ("said", "the firm shouldn't have bought it, but it never bought it", "", Denies),
            ("said", "the price for the service, which would not require a subscription, would be $15", "", Asserts),
        ];
        for (cue, content, around, want) in cases {
            assert_eq!(stance(cue, content, around, "").0, want, "{cue} | {content} | {around}");
        }
    }

    #[test]
    fn negated_and_refuting_speech_acts() {
        // (words before the cue, cue, content, stance)
        let cases = [
            ("has not actually", "claimed", "the senator took the money", NoKnowledge),
            ("he did not", "say", "the plant would close", NoKnowledge),
            ("the ministry has neither", "denied nor confirmed", "the reports", NoKnowledge),
            ("the company has", "not commented", "on the reports", NoKnowledge),
            ("the firm did", "not respond", "to a request for comment", NoKnowledge),
            ("the minister", "declined", "to comment on the report", NoKnowledge),
            ("neither side has", "confirmed", "the trip", NoKnowledge),
            ("she did not", "deny", "that she met him", Hedges),
            ("the hospital does not", "believe", "the patient has Ebola", Denies),
            ("officials do not", "think", "the virus spread", Denies),
            ("the agency", "debunked", "the claim that the photo was real", Denies),
            ("he", "trashed", "reports of a rift", Denies),
            ("she", "called", "the report unsubstantiated", Denies),
            ("police", "said", "the news is false", Denies),
            ("the story", "is not true", "", Denies),
            ("Lin", "told", "there is no way we're making this up", Denies),
            ("the firm", "said", "there was no way to know who sent it", Asserts),
            ("the star", "said", "the story was a hoax", Denies),
            ("the paper", "reported", "the minister allegedly took bribes", Hedges),
            ("the minister", "said", "the talks will go on", Asserts),
            ("he", "said", "there was no deal yet", Asserts),
            ("the judge", "said", "he was inundated with calls about this false report", Asserts),
            ("the judge", "said", "this report is entirely false", Denies),
            ("she", "said", "these are false claims", Denies),
            ("it was", "said", "the leader had surgery", Hedges),
            ("the paper", "reports", "his fabrication was long-known at the network", Asserts),
            ("the paper", "reports", "Williams' fabrication was long-known at the network", Asserts),
            ("police", "said", "a hoax was spread on social media", Denies),
            ("the spokesman", "said", "it was a fabrication", Denies),
            ("it has been", "rumored", "the leader had surgery", Hedges),
            ("", "said", "It was said the leader had surgery", Hedges),
            ("it was", "announced", "the plant would close", Asserts),
            ("the army", "ruled out", "talks with the rebels", Denies),
            ("some officials", "suggested", "the leader had died", Hedges),
            ("Gawker", "points out", "almost none of it is true", Denies),
            ("the anchor", "recanted", "his story about taking incoming fire", Denies),
            ("Madden", "told", "it would not surprise me at all if they opened a restaurant", Hedges),
            ("his agent", "confirmed", "the news of his death was premature", Denies),
            ("the mayor", "said", "the rumor that the bridge was closed is wrong", Denies),
            ("the elders", "said", "the information that the girls were married is not surprising", Asserts),
            ("the hospital", "says", "some local reports that the patient has Ebola are false", Denies),
        ];
        for (before, cue, content, want) in cases {
            assert_eq!(stance(cue, content, "", before).0, want, "{before} | {cue} | {content}");
        }
    }
}
