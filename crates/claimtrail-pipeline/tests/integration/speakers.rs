//! Who speaks: quotations that go on in the previous speaker's voice, and people named by
//! their relation to someone ("the wife of X" is not X).

use claimtrail_core::{SourceKind, Stance};

/// The speaker (source text as written) of the statement whose content holds `quote`, if any.
fn speaker_of(doc: &claimtrail_core::Document, quote: &str) -> Option<String> {
    doc.attributions
        .iter()
        .find(|a| doc.slice(a.content).contains(quote))
        .map(|a| a.source.as_ref().map_or_else(|| "-".to_string(), |s| doc.slice(s.range).to_string()))
}

#[test]
fn quotations_go_on_in_the_quoted_speakers_voice() {
    // (text, quote of the continuation, its speaker as written; None: no statement)
    let cases: &[(&str, &str, Option<&str>)] = &[
        // a bare quotation after a sentence of the same paragraph with one speaker
        (
            "“A lie,” Mr. Shekau said. The girls, he added, had all been married off. “They have \
             now memorized two chapters of the Quran.”",
            "memorized two chapters",
            Some("he"),
        ),
        // a quotation left open at the paragraph end goes on in the next paragraph
        (
            "Tarik Jasarevic told The Independent: \"WHO is aware of these reports.\n\n\"It is \
             unlikely that this case can be a confirmed Ebola case.\"",
            "It is unlikely",
            Some("Tarik Jasarevic"),
        ),
        // a paragraph that is only a quotation, after one ending in a quoted statement
        (
            "Louise Mensch said: \"You have to be kidding me. Banksy?\"\n\n\"There are so many \
             criminals out there.\"",
            "so many criminals",
            Some("Louise Mensch"),
        ),
        // two speakers in the sentence before: whose voice is unknown
        ("Smith said the talks failed, while Jones said they went well. “We will meet again.”", "meet again", None),
        // a pull quote after a caption is not the caption's
        (
            "Police found him in an alley.\n\nDUMPED: The bag was left in the road [CEN]\n“This sends out a \
             very strong message to anyone.”\nLocal man Aamir Dhawan",
            "very strong message",
            None,
        ),
        // no statement before: a quotation on its own is nobody's
        ("The plant closed in May. “Nothing lasts forever.”", "Nothing lasts", None),
        // a paragraph of narration in between breaks the voice
        ("“We won,” Smith said.\n\nThe team flew home on Monday.\n\n“It was a long season.”", "long season", None),
    ];
    for (text, quote, speaker) in cases {
        let doc = crate::analyze("q", Some("2015-10-07"), text);
        let got = speaker_of(&doc, quote);
        assert_eq!(got.as_deref(), *speaker, "{text}");
        if speaker.is_some() {
            let a = doc.attributions.iter().find(|a| doc.slice(a.content).contains(quote)).unwrap();
            assert_eq!(a.why.cue, "quote_continuation", "{text}");
        }
    }
}

#[test]
fn a_relation_of_a_person_is_not_that_person() {
    // (text, source as written, anonymous?)
    let cases: &[(&str, &str, bool)] = &[
        ("The wife of British aid worker Alan Henning said the video was fake.", "The wife", true),
        ("A friend of Darren Wilson said the officer was attacked.", "A friend", true),
        ("The mother of Steven Sotloff said he was innocent.", "The mother", true),
        // a name in apposition is the speaker
        ("A friend of Henning, John Smith, said he was a good man.", "John Smith", false),
        // a title with "of" is not a relation
        ("Secretary of State John Kerry said the plan was dead.", "John Kerry", false),
    ];
    for (text, source, anonymous) in cases {
        let doc = crate::analyze("r", Some("2015-10-07"), text);
        let a = crate::by_speaker(&doc, source);
        let s = a.source.as_ref().unwrap();
        assert_eq!(s.kind == SourceKind::Anonymous, *anonymous, "{text}: {:?}", s.kind);
        if *anonymous {
            assert!(s.entity.is_none(), "{text}: resolved to {:?}", s.entity);
        }
    }
}

#[test]
fn a_participle_after_its_noun_has_that_noun_for_speaker() {
    // (text, cue, source as written)
    let cases: &[(&str, &str, &str)] = &[
        ("The actor is once again the subject of a hoax claiming that he was found dead.", "claiming", "a hoax"),
        // the object of a verb before the participle, not the verb's subject
        ("Israel Radio reported Kurdish sources denying the claims.", "denying", "Kurdish sources"),
        // ... unless the verb put it out, or the phrase is a time or a medium
        ("Islamic State posted a video on YouTube announcing his death.", "announcing", "Islamic State"),
        (
            "However, the ministry released an identical statement to both Reuters and ABC News denying that \
             there were fighters at the border.",
            "denying",
            "the ministry",
        ),
        (
            "Federal officials have called a sitting U.S. Representative a liar after he went on national television \
             claiming ISIS militants were crossing into the country.",
            "claiming",
            "he",
        ),
        (
            "Government officials have spent recent weeks touting their cease-fire as a success.",
            "touting",
            "Government officials",
        ),
    ];
    for (text, cue, source) in cases {
        let doc = crate::analyze("p", Some("2015-10-07"), text);
        let a = crate::with_cue(&doc, cue);
        let got = a.source.as_ref().map(|s| doc.slice(s.range));
        assert!(got.is_some_and(|g| g.ends_with(source)), "{text}: {got:?}");
    }
}

#[test]
fn a_participle_after_a_comma_is_the_main_speakers() {
    // (text, quote of the participle's content, speaker as written, quote that must not be in the
    // main statement's content)
    let cases: &[(&str, &str, &str, &str)] = &[
        // not the subject of the belief reported inside the main statement
        (
            "Sen. David Perdue said he didn't believe those claims hurt Romney, arguing that divisions in the \
             party were a bigger hurdle.",
            "divisions in the party",
            "Sen. David Perdue",
            "divisions",
        ),
        // an event the speaker was at announces nothing
        (
            "“This is bad,” Lynch said at a news conference announcing that her department was suing the state.",
            "was suing the state",
            "Lynch",
            "",
        ),
        // a time after the cue is no inverted speaker
        (
            "“The veto will be overridden,” Senate Majority Leader Mitch McConnell, R-Ky., said Tuesday.",
            "The veto will be",
            "Senate Majority Leader Mitch McConnell, R-Ky",
            "",
        ),
        (
            "McAuliffe refuses to discuss potential appointees, aside from saying he wants a diverse delegation.",
            "a diverse delegation",
            "McAuliffe",
            "",
        ),
    ];
    for (text, quote, speaker, not_in_main) in cases {
        let doc = crate::analyze("p", Some("2015-10-07"), text);
        assert_eq!(speaker_of(&doc, quote).as_deref(), Some(*speaker), "{text}");
        if !not_in_main.is_empty() {
            let main = crate::with_cue(&doc, "said");
            assert!(!doc.slice(main.content).contains(not_in_main), "{text}: {}", doc.slice(main.content));
        }
    }
}

#[test]
fn denials_in_participles_and_idioms() {
    // (text, quote of the content, stance, or None: no statement of it)
    let cases: &[(&str, &str, Option<Stance>)] = &[
        (
            "The company said it would close the plant, denying reports that it was bankrupt.",
            "it was bankrupt",
            Some(Stance::Denies),
        ),
        ("Regardless of who drew it, there's no denying it's a powerful image.", "a powerful image", None),
        // a report noun after a preposition is no verb: the later cue is found
        (
            "Despite reports on Wednesday in a local paper that two cases had been found, the spokesman dismissed the \
             speculation.",
            "the speculation",
            Some(Stance::Denies),
        ),
    ];
    for (text, quote, stance) in cases {
        let doc = crate::analyze("d", Some("2015-10-07"), text);
        let a = doc
            .attributions
            .iter()
            .filter(|a| a.why.cue != "report_noun")
            .find(|a| doc.slice(a.content).contains(quote));
        assert_eq!(a.map(|a| a.stance), *stance, "{text}");
    }
}

#[test]
fn what_stands_between_a_speaker_and_the_cue_is_no_speaker() {
    // (text, quote, speaker as written)
    let cases: &[(&str, &str, &str)] = &[
        // a year between a relative pronoun and its verb
        (
            "Mitch McConnell, who in 2010 said the party's goal was to make Obama a one-term president, spoke.",
            "a one-term president",
            "who",
        ),
        // an adverb between a passive speech verb and its agent
        (
            "Hunter was told directly by a senior official that fighters have been apprehended.",
            "fighters have been apprehended",
            "a senior official",
        ),
        // age, place and description after a name: the name stays
        (
            "John Smith, 45, of Dayton, Ohio, said the plant will close.",
            "the plant will close",
            "John Smith, 45, of Dayton, Ohio",
        ),
        (
            "Mary Jones, a teacher from Austin, Texas, said the school was closed.",
            "the school was closed",
            "Mary Jones, a teacher from Austin, Texas",
        ),
        (
            "Donna Rawlings, 59, of Ashton, Md., who watched the ceremony on a screen, said it brought back memories.",
            "brought back memories",
            "Donna Rawlings, 59, of Ashton, Md., who watched the ceremony on a screen",
        ),
    ];
    for (text, quote, speaker) in cases {
        let doc = crate::analyze("n", Some("2015-10-07"), text);
        assert_eq!(speaker_of(&doc, quote).as_deref(), Some(*speaker), "{text}");
    }
}

#[test]
fn a_relative_clause_in_the_subject_names_no_speaker() {
    // (text, quote, a name the speaker must not resolve to, the speaker's text must start with)
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "The man who was arrested by police in May told reporters he was innocent.",
            "he was innocent",
            "police",
            "The man",
        ),
        (
            "Enoch Mark, whose daughter is among the schoolgirls who have been held by Boko Haram since April, \
             said there had been another attack.",
            "another attack",
            "Boko Haram",
            "Enoch Mark",
        ),
        (
            "Hostages who have survived being held by ISIS in Syria and Iraq have said Jihadi John was obsessed with Somalia.",
            "obsessed with Somalia",
            "ISIS",
            "Hostages",
        ),
        (
            "Dino Ferrari caught the fish on Monday. Rod manufacturer Sportex Italia, which sponsors Mr Ferrari, \
             claimed the catfish was a world record.",
            "a world record",
            "Ferrari",
            "Rod manufacturer",
        ),
        (
            "The woman who is teaching English at the school has so far not commented on the scandal.",
            "the scandal",
            "school",
            "The woman",
        ),
    ];
    for (text, quote, not_name, starts) in cases {
        let doc = crate::analyze("r", None, text);
        let a = doc.attributions.iter().find(|a| doc.slice(a.content).contains(quote)).expect(text);
        let src = a.source.as_ref().expect("a source");
        assert!(doc.slice(src.range).starts_with(starts), "{text}: {}", doc.slice(src.range));
        let name = src.entity.map(|e| doc.entities[e.index()].name.clone()).unwrap_or_default();
        assert!(!name.contains(not_name), "{text}: resolved to {name}");
        // the agent of a passive in the subject is no speaker of its own
        assert!(
            doc.attributions.iter().all(|b| b.source.as_ref().is_none_or(|s| doc.slice(s.range) != *not_name)),
            "{text}"
        );
    }
    // "the woman, who is known only as Lana": the clause gives her name
    let doc =
        crate::analyze("r", None, "The woman, who is known only as Lana, said she had fought for women's rights.");
    let a = crate::with_cue(&doc, "said");
    let src = a.source.as_ref().expect("a source");
    assert_ne!(src.kind, SourceKind::Anonymous, "{:?}", doc.slice(src.range));
}

#[test]
fn no_one_and_nowhere_say_nothing() {
    let cases = [
        ("The biggest mystery is that no one so far has reported seeing a flash of light.", "seeing a flash"),
        ("Nowhere does it say that the case is plated.", "the case is plated"),
        ("No group, Islamic or otherwise, has claimed responsibility for the attack.", "responsibility"),
    ];
    for (text, quote) in cases {
        let doc = crate::analyze("n", None, text);
        let a = doc.attributions.iter().find(|a| doc.slice(a.content).contains(quote)).expect(text);
        assert_eq!(a.stance, Stance::NoKnowledge, "{text}");
    }
}

#[test]
fn a_relative_pronoun_takes_the_noun_it_follows() {
    // (text, quote, the entity it must not resolve to, the kind wanted)
    let cases: &[(&str, &str, &str, SourceKind)] = &[
        (
            "Brian LeFevre said he received a call from a man who said they wanted one pizza delivered.",
            "one pizza",
            "Brian LeFevre",
            SourceKind::Anonymous,
        ),
        (
            "After tracking down Daiane DeJeus, the reporters spoke with family and friends who confirmed that she made the videos.",
            "she made the videos",
            "Daiane DeJeus",
            SourceKind::Anonymous,
        ),
        (
            "“Branson tried everything,” claimed the Mirror’s source, who claimed it was enough to convince Jimmy Page.",
            "enough to convince",
            "Branson",
            SourceKind::Anonymous,
        ),
    ];
    for (text, quote, not_name, kind) in cases {
        let doc = crate::analyze("w", None, text);
        let a = doc
            .attributions
            .iter()
            .find(|a| {
                doc.slice(a.content).contains(quote) && a.source.as_ref().is_some_and(|s| doc.slice(s.range) == "who")
            })
            .expect(text);
        let src = a.source.as_ref().expect("source");
        assert_eq!(src.kind, *kind, "{text}");
        let name = src.entity.map(|e| doc.entities[e.index()].name.clone()).unwrap_or_default();
        assert!(!name.contains(not_name), "{text}");
    }
    // a predicate noun is the subject's: "Foley was a freelancer who reported"
    let doc = crate::analyze("w", None, "James Foley was a freelancer who said the war would go on for years.");
    let a = crate::with_cue(&doc, "said");
    let name = a.source.as_ref().and_then(|s| s.entity).map(|e| doc.entities[e.index()].name.clone());
    assert_eq!(name.as_deref(), Some("James Foley"));
}

#[test]
fn a_name_in_a_list_is_no_singular_antecedent() {
    let text = "Jess Smith was nine months old when she first appeared on television.\n\nJess was selected to \
                overlook the garden as Tinky-Winky, Dipsy, Laa Laa and Po had fun below.\n\nAfter holding back \
                due to shyness, she eventually said: \"I thought I may as well tell them.\"";
    let doc = crate::analyze("l", None, text);
    let a = crate::with_cue(&doc, "eventually said");
    let name = a.source.as_ref().and_then(|s| s.entity).map(|e| doc.entities[e.index()].name.clone());
    assert_ne!(name.as_deref(), Some("Laa Laa"));
    assert_ne!(name.as_deref(), Some("Po"));
}
