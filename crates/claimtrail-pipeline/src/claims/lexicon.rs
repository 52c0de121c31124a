//! Event words: a small lemma and synonym table that maps the many ways news writes an event
//! ("met", "meetings", "talks"; "visit", "arrival", "trip") to one event class.

use std::collections::HashMap;
use std::sync::OnceLock;

/// Modal and deontic words that make the event after them advice, obligation or ability
/// ("should not purchase", "must be paid", "we recommend not buying"), or an event put off or
/// intended ("postponed a visit"), not a reported event.
const DEONTIC: &[&str] = &[
    "should",
    "shouldn",
    "need",
    "must",
    "mustn",
    "ought",
    "oughtn",
    "shall",
    "needn",
    "afford",
    "recommend",
    "recommends",
    "recommended",
    "recommending",
    "urge",
    "urges",
    "urged",
    "urging",
    "advise",
    "advises",
    "advised",
    "advising",
    // Events put off or only intended did not happen: "postponed a visit", "planned to meet".
    "postpone",
    "postpones",
    "postponed",
    "postponing",
    "cancel",
    "cancels",
    "cancelled",
    "canceled",
    "cancelling",
    "delayed",
    "planned",
    "plans",
    "planning",
];

/// Whether the lowercased word makes the event after it advice or obligation (see [`DEONTIC`]).
pub(crate) fn is_deontic(lower_word: &str) -> bool {
    DEONTIC.contains(&lower_word)
}

/// A class of events that claims are about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EventClass {
    /// Meetings, talks, discussions, consultations, negotiations.
    Meet,
    /// Visits, trips, arrivals.
    Visit,
    /// Decisions and agreements.
    Decide,
    /// Appointments and nominations.
    Appoint,
    /// Attacks, strikes, bombings.
    Attack,
    /// Killings.
    Kill,
    /// Arrests and detentions.
    Arrest,
    /// Sending, supplying, deploying.
    Send,
    /// Signing.
    Sign,
    /// Support and backing.
    Support,
    /// Resignations.
    Resign,
    /// Winning.
    Win,
    /// Hacking.
    Hack,
    /// Payments and bribes.
    Pay,
    /// Invasions.
    Invade,
    /// Withdrawals.
    Withdraw,
    /// Buying and acquiring.
    Buy,
    /// Selling.
    Sell,
    /// Funding.
    Fund,
    /// Launching.
    Launch,
}

impl EventClass {
    /// Lowercase name of the class ("meet", "visit"): the `event` of a claim.
    pub fn name(self) -> &'static str {
        match self {
            EventClass::Meet => "meet",
            EventClass::Visit => "visit",
            EventClass::Decide => "decide",
            EventClass::Appoint => "appoint",
            EventClass::Attack => "attack",
            EventClass::Kill => "kill",
            EventClass::Arrest => "arrest",
            EventClass::Send => "send",
            EventClass::Sign => "sign",
            EventClass::Support => "support",
            EventClass::Resign => "resign",
            EventClass::Win => "win",
            EventClass::Hack => "hack",
            EventClass::Pay => "pay",
            EventClass::Invade => "invade",
            EventClass::Withdraw => "withdraw",
            EventClass::Buy => "buy",
            EventClass::Sell => "sell",
            EventClass::Fund => "fund",
            EventClass::Launch => "launch",
        }
    }

    /// The past-tense verb used in a claim's gist.
    pub fn verb(self) -> &'static str {
        match self {
            EventClass::Meet => "met",
            EventClass::Visit => "visited",
            EventClass::Decide => "decided",
            EventClass::Appoint => "appointed",
            EventClass::Attack => "attacked",
            EventClass::Kill => "killed",
            EventClass::Arrest => "arrested",
            EventClass::Send => "sent",
            EventClass::Sign => "signed",
            EventClass::Support => "supported",
            EventClass::Resign => "resigned",
            EventClass::Win => "won",
            EventClass::Hack => "hacked",
            EventClass::Pay => "paid",
            EventClass::Invade => "invaded",
            EventClass::Withdraw => "withdrew from",
            EventClass::Buy => "bought",
            EventClass::Sell => "sold",
            EventClass::Fund => "funded",
            EventClass::Launch => "launched",
        }
    }

    /// True when a place is the event's natural object ("visited Moscow", "attacked Aleppo").
    pub fn takes_place(self) -> bool {
        matches!(
            self,
            EventClass::Visit | EventClass::Attack | EventClass::Invade | EventClass::Withdraw | EventClass::Send
        )
    }

    /// The verb with several parties ("A agreed with B").
    pub fn verb_with(self) -> &'static str {
        match self {
            EventClass::Decide => "agreed with",
            other => other.verb(),
        }
    }
}

const TABLE: &[(EventClass, &[&str])] = &[
    (
        EventClass::Meet,
        &[
            "meet",
            "meets",
            "met",
            "meeting",
            "meetings",
            "talks",
            "talked",
            "discuss",
            "discusses",
            "discussed",
            "discussing",
            "discussion",
            "discussions",
            "consultation",
            "consultations",
            "consulted",
            "negotiation",
            "negotiations",
            "negotiated",
            "negotiate",
            "negotiates",
            "negotiating",
            "summit",
            "conversation",
            "conversations",
        ],
    ),
    (
        EventClass::Visit,
        &[
            "visit",
            "visits",
            "visited",
            "visiting",
            "arrival",
            "arrived",
            "arrives",
            "arrive",
            "trip",
            "trips",
            "travelled",
            "traveled",
            "travel",
            "travels",
            "travelling",
            "traveling",
            "flew",
            "toured",
        ],
    ),
    (
        EventClass::Decide,
        &["decision", "decisions", "decided", "decide", "decides", "agreed", "agreement", "agree", "agrees", "adopted"],
    ),
    (EventClass::Appoint, &["appointed", "appoint", "appoints", "appointment", "nominated", "nomination"]),
    (
        EventClass::Attack,
        &[
            "attack",
            "attacks",
            "attacked",
            "strike",
            "strikes",
            "struck",
            "bombed",
            "bombing",
            "bombings",
            "airstrike",
            "airstrikes",
            "shelled",
            "shelling",
            "raid",
            "raids",
        ],
    ),
    (EventClass::Kill, &["killed", "kill", "kills", "killing", "murdered", "murder", "assassinated", "assassination"]),
    (EventClass::Arrest, &["arrested", "arrest", "arrests", "detained", "detention"]),
    (
        EventClass::Send,
        &[
            "sent",
            "send",
            "sends",
            "sending",
            "supplied",
            "supplies",
            "delivered",
            "delivery",
            "deliveries",
            "shipped",
            "shipment",
            "shipments",
            "deployed",
            "deployment",
            "dispatched",
        ],
    ),
    (EventClass::Sign, &["signed", "sign", "signs", "signing"]),
    (EventClass::Support, &["supported", "supports", "backed", "backing", "support"]),
    (EventClass::Resign, &["resigned", "resign", "resigns", "resignation"]),
    (EventClass::Win, &["won", "win", "wins", "victory"]),
    (EventClass::Hack, &["hacked", "hack", "hacking", "hacks"]),
    (EventClass::Pay, &["paid", "pay", "pays", "payment", "payments", "bribe", "bribes", "bribed"]),
    (EventClass::Invade, &["invaded", "invade", "invasion", "invades"]),
    (EventClass::Withdraw, &["withdrew", "withdraw", "withdrawal", "withdrawn", "withdraws"]),
    (EventClass::Buy, &["bought", "buy", "buys", "purchase", "purchased", "acquired", "acquisition"]),
    (EventClass::Sell, &["sold", "sell", "sells", "sale"]),
    (EventClass::Fund, &["funded", "funding", "financed", "funds"]),
    (EventClass::Launch, &["launched", "launch", "launches"]),
];

fn table() -> &'static HashMap<&'static str, EventClass> {
    static MAP: OnceLock<HashMap<&'static str, EventClass>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = HashMap::new();
        for (class, words) in TABLE {
            for w in *words {
                m.insert(*w, *class);
            }
        }
        m
    })
}

/// True when `word` is a past-tense verb form ("met", "visited", "flew").
pub fn is_past_verb(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    (w.ends_with("ed") && w.len() > 4)
        || matches!(
            w.as_str(),
            "met"
                | "won"
                | "sold"
                | "bought"
                | "paid"
                | "sent"
                | "struck"
                | "flew"
                | "withdrew"
                | "withdrawn"
                | "held"
                | "killed"
        )
}

/// The event class of a word (any case), if it names an event.
pub fn event_class(word: &str) -> Option<EventClass> {
    if word.len() > 16 || word.is_empty() {
        return None;
    }
    if word.bytes().all(|b| !b.is_ascii_uppercase()) {
        return table().get(word).copied();
    }
    let lower = word.to_ascii_lowercase();
    table().get(lower.as_str()).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_map_to_classes() {
        let cases = [
            ("met", Some(EventClass::Meet)),
            ("Meetings", Some(EventClass::Meet)),
            ("talks", Some(EventClass::Meet)),
            ("arrival", Some(EventClass::Visit)),
            ("travelled", Some(EventClass::Visit)),
            ("trip", Some(EventClass::Visit)),
            ("decision", Some(EventClass::Decide)),
            ("agreed", Some(EventClass::Decide)),
            ("said", None),
            ("", None),
            ("nonsense", None),
        ];
        for (w, want) in cases {
            assert_eq!(event_class(w), want, "{w}");
        }
    }
}
