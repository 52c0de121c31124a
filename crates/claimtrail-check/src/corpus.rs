//! Checking a sentence against a corpus store: which stored claims say the same, and who
//! asserts, denies or hedges it (stance toward the sentence as written). Used by `claimtrail
//! check` and `GET /api/v1/check`.

use claimtrail_store::Candidate;
use serde::Serialize;

use crate::{search_terms, DocMatch, Matcher};

/// Candidate articles fetched from the full-text index per query.
pub const CANDIDATES: usize = 50;

/// The answer of a check against a store (`claimtrail check --format json`, `GET /api/v1/check`).
#[derive(Debug, Clone, Serialize)]
pub struct CheckResult {
    /// The sentence as the user wrote it.
    pub query: String,
    /// Matching claims, best first.
    pub matches: Vec<ClaimMatch>,
}

/// One stored claim that says the same as the query, with the articles that speak of it.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimMatch {
    /// Corpus claim id; `null` for a match outside any linked claim.
    pub claim: Option<i64>,
    /// The claim's gist (or the quoted words for an unlinked match).
    pub gist: String,
    /// Best document score.
    pub score: f64,
    /// The articles, best first.
    pub documents: Vec<DocumentMatch>,
}

/// One article's stance toward the query.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentMatch {
    /// Store-wide article id.
    pub article: i64,
    /// Document id.
    pub id: String,
    /// asserts | denies | hedges | no_knowledge, toward the query as written.
    pub stance: String,
    /// Who says it (the outlet for the article's own voice).
    pub source: String,
    /// The matching words.
    pub quote: String,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum GroupKey {
    Claim(i64),
    Article(i64),
}

/// The corpus claim a document match belongs to: its local claim, else the own-voice statement
/// whose span holds the match.
fn corpus_claim(c: &Candidate, m: &DocMatch) -> Option<(i64, Option<String>)> {
    if let Some(local) = &m.claim {
        if let Some((_, id, gist)) = c.claims.iter().find(|(l, _, _)| l == local) {
            return Some((*id, Some(gist.clone())));
        }
    }
    let [s, e] = m.span;
    c.own_voice.iter().find(|(span, _)| span[0] <= s && e <= span[1]).map(|&(_, id)| {
        let gist = c.claims.iter().find(|(_, cid, _)| *cid == id).map(|(_, _, g)| g.clone());
        (id, gist)
    })
}

/// Groups statement matches by corpus claim, best first. Within a claim, each (document,
/// source) pair appears once, with its best statement: an article that quotes two sources on
/// the same claim lists both, with their own stances.
pub fn group(query: &str, mut found: Vec<(&Candidate, DocMatch)>, limit: usize) -> CheckResult {
    // best first, so the first statement of a (claim, document, source) is the one kept
    found.sort_by(|a, b| b.1.score.total_cmp(&a.1.score));
    // (key, match, document scores, whether the gist is the claim's own rather than a quote)
    let mut groups: Vec<(GroupKey, ClaimMatch, Vec<f64>, bool)> = Vec::new();
    for (c, m) in found {
        let (key, claim, known) = match corpus_claim(c, &m) {
            Some((id, gist)) => (GroupKey::Claim(id), Some(id), gist),
            None => (GroupKey::Article(c.article.id), None, None),
        };
        let has_gist = known.is_some();
        let gist = known.unwrap_or_else(|| claimtrail_core::clip(&m.quote, 200));
        let score = f64::from(m.score);
        let doc = DocumentMatch {
            article: c.article.id,
            id: m.doc_id.clone(),
            stance: m.stance.as_str().to_string(),
            // No source: the article's own voice, which its outlet publishes.
            source: m
                .source
                .clone()
                .or_else(|| c.article.outlet.clone())
                .unwrap_or_else(|| "(the article)".to_string()),
            quote: m.quote.clone(),
        };
        match groups.iter_mut().find(|(k, _, _, _)| *k == key) {
            Some((_, g, scores, known)) => {
                if has_gist && !*known {
                    g.gist = gist;
                    *known = true;
                }
                if g.documents.iter().any(|d| d.id == doc.id && d.source.to_lowercase() == doc.source.to_lowercase()) {
                    continue;
                }
                g.score = g.score.max(score);
                g.documents.push(doc);
                scores.push(score);
            }
            None => groups.push((key, ClaimMatch { claim, gist, score, documents: vec![doc] }, vec![score], has_gist)),
        }
    }
    for (_, g, scores, _) in &mut groups {
        let mut docs: Vec<(f64, DocumentMatch)> = scores.drain(..).zip(g.documents.drain(..)).collect();
        docs.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.id.cmp(&b.1.id)));
        g.documents = docs.into_iter().map(|(_, d)| d).collect();
    }
    groups.sort_by(|a, b| b.1.score.total_cmp(&a.1.score).then_with(|| a.0.cmp(&b.0)));
    groups.truncate(limit);
    CheckResult { query: query.to_string(), matches: groups.into_iter().map(|(_, g, _, _)| g).collect() }
}

/// Matches `text` against the store: candidate articles from its full-text index, every
/// statement in them that says the same as `text`, grouped by corpus claim ([`group`]), at most
/// `limit` claims.
///
/// # Errors
/// The store fails.
pub fn check(
    store: &dyn claimtrail_store::Store,
    matcher: &Matcher,
    text: &str,
    limit: usize,
) -> claimtrail_store::Result<CheckResult> {
    let query = matcher.parse_query(text);
    let terms = search_terms(&query);
    let candidates = store.candidates(&terms, CANDIDATES)?;
    let found: Vec<(&Candidate, DocMatch)> = candidates
        .iter()
        .flat_map(|c| {
            let prep = matcher.prepare(&c.analysis);
            matcher.match_statements(&query, &prep, &c.analysis).into_iter().map(move |m| (c, m))
        })
        .collect();
    Ok(group(text, found, limit))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DocMatch;
    use claimtrail_core::contract::{Analysis, DocumentOut, SCHEMA};
    use claimtrail_core::Stance;
    use claimtrail_store::ArticleRef;

    fn candidate(id: i64, doc: &str, claims: &[(&str, i64)], own_voice: &[([u32; 2], i64)]) -> Candidate {
        Candidate {
            article: ArticleRef {
                id,
                doc_id: doc.into(),
                title: None,
                outlet: Some(format!("Outlet {id}")),
                url: None,
                published: None,
            },
            analysis: Analysis {
                schema: SCHEMA.into(),
                document: DocumentOut {
                    id: doc.into(),
                    title: None,
                    outlet: None,
                    url: None,
                    published: None,
                    language: "en".into(),
                    text: String::new(),
                },
                entities: vec![],
                attributions: vec![],
                claims: vec![],
                times: vec![],
            },
            claims: claims.iter().map(|&(l, c)| (l.to_string(), c, format!("gist {c}"))).collect(),
            own_voice: own_voice.to_vec(),
        }
    }

    fn m(doc: &str, score: f32, stance: Stance, span: [u32; 2], claim: Option<&str>) -> DocMatch {
        DocMatch {
            doc_id: doc.into(),
            score,
            stance,
            source: None,
            quote: format!("quote of {doc}"),
            span,
            claim: claim.map(str::to_string),
            attribution: None,
        }
    }

    #[test]
    fn matches_group_by_corpus_claim_best_first() {
        let a = candidate(1, "a", &[("c1", 17)], &[]);
        let b = candidate(2, "b", &[], &[([10, 80], 17)]);
        let c = candidate(3, "c", &[], &[([0, 5], 9)]);
        let d = candidate(4, "d", &[("c1", 5)], &[]);
        let found = vec![
            (&a, m("a", 0.6, Stance::Asserts, [0, 40], Some("c1"))),
            // Inside an own-voice statement of claim 17.
            (&b, m("b", 0.9, Stance::Denies, [20, 60], None)),
            // Outside any linked statement: a group of its own.
            (&c, m("c", 0.7, Stance::Hedges, [30, 50], None)),
            // A local claim the store does not know, and no own-voice span: unlinked too.
            (&d, m("d", 0.2, Stance::Asserts, [0, 3], Some("c9"))),
        ];
        let r = group("q", found, 10);
        let got: Vec<(Option<i64>, Vec<&str>)> =
            r.matches.iter().map(|g| (g.claim, g.documents.iter().map(|d| d.id.as_str()).collect())).collect();
        assert_eq!(got, vec![(Some(17), vec!["b", "a"]), (None, vec!["c"]), (None, vec!["d"])]);
        assert_eq!(r.matches[0].gist, "gist 17");
        assert!((r.matches[0].score - 0.9).abs() < 1e-6);
        assert_eq!(r.matches[0].documents[0].stance, "denies");
        // No source: the article's outlet speaks.
        assert_eq!(r.matches[0].documents[0].source, "Outlet 2");
        assert_eq!(r.matches[1].gist, "quote of c");
        assert_eq!(group("q", vec![], 10).matches.len(), 0);
        let json =
            serde_json::to_value(group("q", vec![(&c, m("c", 0.5, Stance::NoKnowledge, [30, 50], None))], 1)).unwrap();
        assert_eq!(json["matches"][0]["claim"], serde_json::Value::Null);
        assert_eq!(json["matches"][0]["documents"][0]["stance"], "no_knowledge");
        let keys: Vec<&str> = json["matches"][0].as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys.len(), 4, "{keys:?}");
        assert_eq!(json["matches"][0]["documents"][0]["article"], 3);
    }

    #[test]
    fn one_entry_per_document_and_source() {
        let a = candidate(1, "a", &[("c1", 17), ("c2", 17)], &[([0, 20], 17)]);
        let said = |source: Option<&str>, score: f32, stance: Stance, claim: Option<&str>, span: [u32; 2]| {
            let mut x = m("a", score, stance, span, claim);
            x.source = source.map(str::to_string);
            x.quote = format!("{source:?} {score}");
            (&a, x)
        };
        // (source, score, stance): two sources of one article on one claim, one of them twice,
        // and the article's own voice
        let found = vec![
            said(Some("Police"), 0.5, Stance::Asserts, Some("c1"), [30, 40]),
            said(Some("the mayor"), 0.8, Stance::Denies, Some("c2"), [50, 60]),
            said(Some("police"), 0.7, Stance::Asserts, Some("c2"), [70, 80]),
            said(None, 0.4, Stance::Hedges, None, [2, 10]),
        ];
        let r = group("q", found, 10);
        assert_eq!(r.matches.len(), 1, "{r:?}");
        let got: Vec<(&str, &str, &str)> =
            r.matches[0].documents.iter().map(|d| (d.source.as_str(), d.stance.as_str(), d.quote.as_str())).collect();
        assert_eq!(
            got,
            vec![
                ("the mayor", "denies", "Some(\"the mayor\") 0.8"),
                ("police", "asserts", "Some(\"police\") 0.7"),
                ("Outlet 1", "hedges", "None 0.4"),
            ]
        );
    }
}
