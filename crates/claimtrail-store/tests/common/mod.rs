//! Hand-built article records for the store tests.
#![allow(dead_code)]

use claimtrail_core::contract::{Analysis, DocumentOut, EntityOut};
use claimtrail_core::{Date, Stance};
use claimtrail_corpus::{ArticleRecord, ClaimRecord, EntityRecord, StatementRecord, ViaRecord};

/// Builds one record by hand: entities, claims and statements as the corpus crate would.
pub struct Rec(pub ArticleRecord);

fn hash(text: &str) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in text.bytes() {
        h = (h ^ b as u64).wrapping_mul(0x100000001b3);
    }
    format!("{h:016x}")
}

impl Rec {
    pub fn new(id: &str, outlet: Option<&str>, published: &str, text: &str) -> Rec {
        Rec(ArticleRecord {
            analysis: Analysis {
                schema: claimtrail_core::contract::SCHEMA.to_string(),
                document: DocumentOut {
                    id: id.to_string(),
                    title: Some(format!("Title of {id}")),
                    outlet: outlet.map(str::to_string),
                    url: Some(format!("https://example.org/{id}")),
                    published: Date::parse(published).ok(),
                    language: "en".to_string(),
                    text: text.to_string(),
                },
                entities: Vec::new(),
                attributions: Vec::new(),
                claims: Vec::new(),
                times: Vec::new(),
            },
            content_hash: hash(text),
            fingerprint: claimtrail_corpus::fingerprint(text),
            entities: Vec::new(),
            claims: Vec::new(),
            statements: Vec::new(),
        })
    }

    /// Adds an entity; returns its index.
    pub fn entity(&mut self, name: &str, kind: &str) -> usize {
        let i = self.0.entities.len();
        let local = format!("e{}", i + 1);
        let surname = (kind == "person").then(|| claimtrail_corpus::names::surname(name)).flatten();
        self.0.entities.push(EntityRecord {
            local: local.clone(),
            name: name.to_string(),
            kind: kind.to_string(),
            keys: vec![claimtrail_corpus::fold_name(name)],
            surname,
            roles: Vec::new(),
        });
        self.0.analysis.entities.push(EntityOut {
            id: local,
            name: name.to_string(),
            kind: kind.to_string(),
            aliases: Vec::new(),
            roles: Vec::new(),
            mentions: vec![[0, 1]],
        });
        i
    }

    pub fn role(&mut self, e: usize, role: &str) {
        self.0.entities[e].roles.push(role.to_string());
    }

    /// Adds a claim; returns its index.
    pub fn claim(&mut self, gist: &str, event: Option<&str>, participants: &[usize], when: Option<&str>) -> usize {
        let i = self.0.claims.len();
        self.0.claims.push(ClaimRecord {
            local: format!("c{}", i + 1),
            gist: gist.to_string(),
            event: event.map(str::to_string),
            participants: participants.to_vec(),
            when: when.map(str::to_string),
            terms: claimtrail_corpus::terms::terms([gist]),
            places: Vec::new(),
        });
        i
    }

    /// Adds a statement.
    #[allow(clippy::too_many_arguments)]
    pub fn said(
        &mut self,
        claim: Option<usize>,
        source: Option<usize>,
        source_text: &str,
        kind: &str,
        stance: Stance,
        quote: &str,
        via: &[&str],
    ) -> &mut Self {
        let n = self.0.statements.len();
        self.0.statements.push(StatementRecord {
            claim,
            attribution: (kind != "document").then(|| format!("a{}", n + 1)),
            source,
            source_text: source_text.to_string(),
            source_kind: kind.to_string(),
            stance,
            via: via.iter().map(|v| ViaRecord { entity: None, text: v.to_string() }).collect(),
            said_on: None,
            quote: quote.to_string(),
            span: [0, quote.chars().count() as u32],
        });
        self
    }

    pub fn build(&self) -> ArticleRecord {
        self.0.clone()
    }
}

/// A long, varied text so that fingerprints are meaningful.
pub fn story(seed: u64, words: usize) -> String {
    const W: &[&str] = &[
        "minister",
        "talks",
        "meeting",
        "officials",
        "said",
        "report",
        "capital",
        "agreement",
        "week",
        "leaders",
        "security",
        "council",
        "visit",
        "foreign",
        "spokesman",
        "denied",
        "claims",
        "sources",
        "region",
        "military",
        "operation",
        "joint",
        "statement",
        "press",
        "conference",
        "government",
        "election",
        "court",
        "ruling",
        "border",
        "trade",
        "deal",
        "energy",
        "prices",
        "market",
        "bank",
        "rates",
        "budget",
        "parliament",
        "vote",
    ];
    let mut x = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    let mut out = String::new();
    for i in 0..words {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        if i > 0 {
            out.push(' ');
        }
        out.push_str(W[(x % W.len() as u64) as usize]);
        if x.is_multiple_of(11) {
            out.push('.');
        }
    }
    out
}
