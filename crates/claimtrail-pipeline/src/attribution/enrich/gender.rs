//! The gender the article itself gives a person, for pronoun agreement: "he" never resolves to
//! someone the article calls "she".
//!
//! Evidence, each a vote: a title before a mention ("Mr.", "Ms.", "Sir"), a gendered role the
//! article links to the person ("actress", "spokeswoman", "husband"), and the pronoun a speech
//! or thought verb right after a mention takes ("Chandler said she met Phelps"). A person with
//! votes both ways, or none, has no gender: the pronoun may take them.

use claimtrail_core::{Document, EntityKind, TokenKind};

/// A gender a pronoun agrees with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Male,
    Female,
}

const MALE_TITLES: &[&str] = &["mr", "sir", "lord", "king", "prince", "duke", "father", "brother"];
const FEMALE_TITLES: &[&str] =
    &["mrs", "ms", "miss", "mme", "madam", "lady", "dame", "queen", "princess", "duchess", "sister"];

const MALE_ROLES: &[&str] = &[
    "man",
    "boy",
    "husband",
    "father",
    "son",
    "brother",
    "boyfriend",
    "uncle",
    "nephew",
    "grandfather",
    "widower",
    "king",
    "prince",
    "duke",
    "spokesman",
    "chairman",
    "congressman",
    "businessman",
    "councilman",
    "actor",
    "sir",
    "mr",
];
const FEMALE_ROLES: &[&str] = &[
    "woman",
    "girl",
    "wife",
    "mother",
    "daughter",
    "sister",
    "girlfriend",
    "aunt",
    "niece",
    "grandmother",
    "widow",
    "queen",
    "princess",
    "duchess",
    "spokeswoman",
    "chairwoman",
    "congresswoman",
    "businesswoman",
    "councilwoman",
    "actress",
    "waitress",
    "lady",
    "mrs",
    "ms",
    "miss",
];

/// Verbs after which a pronoun is most often the subject's own ("X said she ...").
const REPORTING: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "claimed",
    "claims",
    "insisted",
    "explained",
    "wrote",
    "stated",
    "believes",
    "believed",
    "thinks",
    "thought",
    "recalled",
    "admitted",
    "noted",
    "argued",
    "hopes",
    "hoped",
    "confirmed",
    "denied",
    "revealed",
];

/// The gender `word` (any case, a title's period ignored) marks by the two lists.
fn marked(word: &str, male: &[&str], female: &[&str]) -> Option<Gender> {
    let w = word.to_lowercase();
    let w = w.trim_end_matches('.');
    if male.contains(&w) {
        Some(Gender::Male)
    } else if female.contains(&w) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// The gender a word marks, as a role or title.
pub(crate) fn of_role(word: &str) -> Option<Gender> {
    marked(word, MALE_ROLES, FEMALE_ROLES)
}

/// The gender of a third-person singular pronoun.
pub(crate) fn of_pronoun(word: &str) -> Option<Gender> {
    match word.trim().to_lowercase().as_str() {
        "he" | "him" | "his" | "himself" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

/// The gender of every entity of `doc` (indexed like `doc.entities`), where the article's
/// evidence points one way only.
pub(crate) fn genders(doc: &Document) -> Vec<Option<Gender>> {
    let text = doc.text();
    let tok = |k: usize| doc.tokens.get(k).map_or("", |t| &text[t.range]);
    let mut out = Vec::with_capacity(doc.entities.len());
    for e in &doc.entities {
        if e.kind != EntityKind::Person {
            out.push(None);
            continue;
        }
        let (mut male, mut female) = (0u32, 0u32);
        let mut vote = |g: Option<Gender>| match g {
            Some(Gender::Male) => male += 1,
            Some(Gender::Female) => female += 1,
            None => {}
        };
        for role in &e.roles {
            // the role's head, its last word ("the former actress" -> actress)
            vote(role.split_whitespace().last().and_then(of_role));
        }
        for mid in &e.mentions {
            let m = &doc.mentions[mid.index()];
            let first = doc.tokens.partition_point(|t| t.range.start() < m.range.start());
            let after = doc.tokens.partition_point(|t| t.range.start() < m.range.end());
            // a title: the mention's first word or the word before it
            let title = |k: usize| marked(tok(k), MALE_TITLES, FEMALE_TITLES);
            // ("Mr and Mrs Islam" is a couple: no vote)
            let couple = first.checked_sub(2).is_some_and(|k| matches!(tok(k), "and" | "&"));
            if !couple {
                vote(title(first).or_else(|| first.checked_sub(1).and_then(title)));
            }
            // "Chandler said she", "Smith, 42, told reporters he": a reporting verb within four
            // tokens, then (past "that") a pronoun
            let verb = (after..(after + 4).min(doc.tokens.len()))
                .take_while(|&k| doc.tokens[k].kind != TokenKind::Quote(claimtrail_core::QuoteKind::Open))
                .find(|&k| REPORTING.contains(&tok(k).to_lowercase().as_str()));
            if let Some(v) = verb {
                let mut k = v + 1;
                if tok(k).eq_ignore_ascii_case("that") {
                    k += 1;
                }
                if matches!(tok(k).to_lowercase().as_str(), "he" | "she") {
                    vote(of_pronoun(tok(k)));
                }
            }
        }
        out.push(match (male, female) {
            (m, 0) if m > 0 => Some(Gender::Male),
            (0, f) if f > 0 => Some(Gender::Female),
            _ => None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::testutil::{add_mentions, doc, link};
    use EntityKind::Person;

    #[test]
    fn gender_table() {
        // (text, person, expected gender)
        let cases: &[(&str, &str, Option<Gender>)] = &[
            ("Chandler said she met Phelps in August.", "Chandler", Some(Gender::Female)),
            ("Phelps said that he was tired.", "Phelps", Some(Gender::Male)),
            ("Mr. Smith left early.", "Smith", Some(Gender::Male)),
            ("Ms. Ruiz left early.", "Ruiz", Some(Gender::Female)),
            ("Mr and Mrs Islam are not keen.", "Islam", None),
            // no evidence, or the pronoun is someone else's (the verb is too far)
            ("Jordan left early.", "Jordan", None),
            ("Jordan met the mayor in the park and later said he was tired.", "Jordan", None),
        ];
        for (text, who, want) in cases {
            let mut d = doc(text);
            add_mentions(&mut d, &[(who, Person)]);
            link(&mut d);
            let g = genders(&d);
            let e = d.entities.iter().position(|e| e.name == *who).expect("entity");
            assert_eq!(g[e], *want, "{text}");
        }
    }
}
