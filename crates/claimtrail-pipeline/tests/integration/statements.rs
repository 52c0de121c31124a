//! What is a statement: hedges with no one behind them, statements put out, and actions or
//! names that are none.

use claimtrail_core::Stance;

#[test]
fn a_passive_of_belief_is_a_sourceless_hedge() {
    // (text, cue, content starts with)
    let cases = [
        ("The tape is believed to be a private recording.", "believed", "The tape is believed"),
        ("Very few militants are thought to have travelled from West Africa.", "thought", "Very few militants"),
        ("The minister was understood to have resigned on Monday.", "understood", "The minister"),
        ("The suspect is widely believed to have fled the country.", "widely believed", "The suspect"),
    ];
    for (text, cue, content) in cases {
        let doc = crate::analyze("h", Some("2015-01-05"), text);
        let a = crate::with_cue(&doc, cue);
        assert!(a.source.is_none(), "{text}");
        assert_eq!(a.stance, Stance::Hedges, "{text}");
        assert_eq!(a.why.cue, "passive_belief", "{text}");
        assert!(doc.slice(a.content).starts_with(content), "{text}: {}", doc.slice(a.content));
    }
    // not a passive: the thinker is the source; a reduced relative raises nothing
    let doc = crate::analyze("h", None, "He thought the plan was fine.");
    assert_eq!(doc.attributions.iter().filter(|a| a.why.cue == "passive_belief").count(), 0);
    let doc = crate::analyze(
        "h",
        None,
        "With the aluminum version widely thought to be the cheapest model, Munster expects an average price of $450.",
    );
    assert!(doc.attributions.iter().all(|a| a.why.cue != "passive_belief"), "{:?}", doc.attributions);
}

#[test]
fn a_hedge_does_not_swallow_the_according_to_after_it() {
    let text = "At least three other Americans are believed to be captives in Syria, according to a 2013 \
                GlobalPost article, including Austin Tice, a freelance journalist.";
    let doc = crate::analyze("h", None, text);
    let a = crate::with_cue(&doc, "according to");
    assert_eq!(a.stance, Stance::Hedges);
    assert!(doc.slice(a.content).contains("captives in Syria"));
}

#[test]
fn a_request_inside_a_report_is_part_of_it() {
    let text = "Apple has asked its suppliers in Asia to make six million watches during the first quarter, \
                according to people familiar with the matter.";
    let doc = crate::analyze("h", None, text);
    assert!(doc.attributions.iter().all(|a| doc.slice(a.cue) != "asked"), "{:?}", doc.attributions);
    let a = crate::with_cue(&doc, "according to");
    assert!(doc.slice(a.content).starts_with("Apple has asked"), "{}", doc.slice(a.content));
}

#[test]
fn actions_and_names_are_no_statements() {
    // (text, a cue that must not make a statement)
    let cases = [
        ("The police decided to block access to the apartment.", "decided"),
        ("Apple unveiled its new watch in September.", "unveiled"),
        ("North Korea released several photos of Kim on Monday.", "released"),
        ("The man known as Jihadi John was named on Thursday.", "known"),
        ("Doctors initially thought he had been bitten by an insect.", "initially"),
        ("American authorities discuss their drone strike campaign in Yemen.", "discuss"),
        ("The article mentions a few details about the development of the watch.", "mentions"),
        ("Kindle pop-ups appeared in U.S. malls, selling e-readers.", "appeared"),
        ("The video, titled “A Message To America,” was posted online.", "titled"),
    ];
    for (text, cue) in cases {
        let doc = crate::analyze("n", None, text);
        assert!(doc.attributions.iter().all(|a| doc.slice(a.cue) != cue), "{text}: {:?}", doc.attributions);
    }
    // a statement put out says something
    let doc = crate::analyze(
        "n",
        None,
        "Navarro County officials issued the following news release calling the report untrue.",
    );
    assert!(doc.attributions.iter().any(|a| doc.slice(a.cue) == "issued"), "{:?}", doc.attributions);
}

#[test]
fn a_statement_put_out_says_what_follows_saying() {
    // (text, speaker as written, stance, content)
    let cases = [
        (
            "The ministry issued a statement saying the report was untrue.",
            "The ministry",
            Stance::Denies,
            "the report was untrue",
        ),
        (
            "The actor's representatives cleared up the rumours on Friday and issued a statement saying that he is still alive.",
            "The actor's representatives",
            Stance::Asserts,
            "he is still alive",
        ),
    ];
    for (text, speaker, stance, content) in cases {
        let doc = crate::analyze("s", None, text);
        let a = crate::with_cue(&doc, "issued");
        let src = a.source.as_ref().map(|s| doc.slice(s.range));
        assert_eq!(src, Some(speaker), "{text}");
        assert_eq!(a.stance, stance, "{text}");
        assert_eq!(doc.slice(a.content), content, "{text}");
    }
    // issuing it is not saying anything
    let doc = crate::analyze("s", None, "The mufti issued the statement in August via the Saudi Press Agency.");
    assert!(doc.attributions.iter().all(|a| doc.slice(a.cue) != "issued"), "{:?}", doc.attributions);
}

#[test]
fn an_evidential_with_no_one_behind_it_hedges() {
    for text in ["It appears that officers were searching the building.", "It appears we have a new mayor in town."] {
        let doc = crate::analyze("e", None, text);
        let a = crate::with_cue(&doc, "appears");
        assert!(a.source.is_none(), "{text}");
        assert_eq!(a.stance, Stance::Hedges, "{text}");
    }
    // what a source says is mentioned is said
    let doc = crate::analyze("e", None, "The phony report mentions Nelson died last night in his condo.");
    assert_eq!(crate::with_cue(&doc, "mentions").stance, Stance::Asserts);
}

#[test]
fn not_speaking_and_not_confirming_are_no_knowledge() {
    // (text, cue, source as written, content)
    let cases = [
        (
            "Though his representatives denied the April reports, they have not yet spoken out on the latest hoax claiming that he is dead.",
            "spoken out",
            "they",
            "the latest hoax claiming that he is dead",
        ),
        (
            "These reports have not yet been confirmed by Israeli officials.",
            "confirmed",
            "Israeli officials",
            "These reports",
        ),
        ("U.S. officials have not yet confirmed that Godane is among the dead.", "confirmed", "U.S. officials", "Godane is among the dead"),
    ];
    for (text, cue, source, content) in cases {
        let doc = crate::analyze("k", None, text);
        // (the cue may take the adverb before it: "yet confirmed")
        let a = doc.attributions.iter().find(|a| doc.slice(a.cue).ends_with(cue)).expect(text);
        assert_eq!(a.stance, Stance::NoKnowledge, "{text}");
        assert_eq!(a.source.as_ref().map(|s| doc.slice(s.range)), Some(source), "{text}");
        assert_eq!(doc.slice(a.content), content, "{text}");
    }
}

#[test]
fn a_participle_in_the_subject_says_only_what_it_holds() {
    // (text, cue, source as written, content, stance)
    let cases = [
        (
            "A Facebook memorial page announcing the actor's death sparked the rumors, according to the fact-checking site Snopes.com.",
            "announcing",
            "A Facebook memorial page",
            "the actor's death",
            Stance::Asserts,
        ),
        (
            "A report claiming the company will close its plant and fire 200 workers was published on Monday.",
            "claiming",
            "A report",
            "the company will close its plant and fire 200 workers",
            Stance::Asserts,
        ),
        // what the participle's content holds ends with it, and its source is no longer the
        // noun phrase the participle hangs on
        (
            "An article saying NASA confirmed six days of total darkness in December is fake and it is merely an old hoax.",
            "confirmed",
            "NASA",
            "six days of total darkness in December",
            Stance::Asserts,
        ),
    ];
    for (text, cue, source, content, stance) in cases {
        let doc = crate::analyze("p", None, text);
        let a = crate::with_cue(&doc, cue);
        assert_eq!(a.source.as_ref().map(|s| doc.slice(s.range)), Some(source), "{text}");
        assert_eq!(doc.slice(a.content), content, "{text}");
        assert_eq!(a.stance, stance, "{text}");
    }
    // the report that the participle's statement sits in stays a statement of its own
    let doc = crate::analyze("p", None, cases[0].0);
    assert!(doc.attributions.iter().any(|a| doc.slice(a.cue) == "according to"));
    // an own-voice verdict "is not true" denies what the posting claims
    let doc = crate::analyze(
        "p",
        None,
        "An Internet posting claiming a family of five has come down with Ebola is not true.",
    );
    let v = crate::with_cue(&doc, "is not true");
    assert_eq!(v.stance, Stance::Denies);
    assert_eq!(doc.slice(v.content), "a family of five has come down with Ebola");
}

#[test]
fn an_action_participle_is_no_statement() {
    for (text, cue) in [
        ("Officials attempting to determine if the students are alive met on Monday.", "attempting"),
        ("Sir Richard Branson was offering the band an obscene amount of money.", "offering"),
        ("He was referring to the personal scandal the golfer endured in 2009.", "referring"),
    ] {
        let doc = crate::analyze("q", None, text);
        assert!(doc.attributions.iter().all(|a| doc.slice(a.cue) != cue), "{text}: {:?}", doc.attributions);
    }
}

#[test]
fn coordinated_speakers_each_say_it() {
    // (text, cue, speakers as written)
    let cases: [(&str, &str, &[&str]); 4] = [
        ("John King and Ed Schultz said the plan failed.", "said", &["John King", "Ed Schultz"]),
        (
            "Fox News and The Wall Street Journal reported that the plan failed.",
            "reported",
            &["Fox News", "The Wall Street Journal"],
        ),
        (
            "Former LAPD officer David Klinger and CNN law enforcement analyst Tom Fuentes told CNN the tape was edited.",
            "told",
            &["Former LAPD officer David Klinger", "CNN law enforcement analyst Tom Fuentes"],
        ),
        // an opening phrase of time is no speaker
        (
            "In recent weeks, administration and defense officials said the city was not essential.",
            "said",
            &["administration and defense officials"],
        ),
    ];
    for (text, cue, speakers) in cases {
        let doc = crate::analyze("c", None, text);
        let got: Vec<&str> = doc
            .attributions
            .iter()
            .filter(|a| doc.slice(a.cue) == cue)
            .filter_map(|a| a.source.as_ref().map(|s| doc.slice(s.range)))
            .collect();
        assert_eq!(got, speakers, "{text}");
    }
    // a name in apposition to a title is one speaker
    let doc = crate::analyze(
        "c",
        None,
        "Meenakshi Ganguly, South Asia director at Human Rights Watch, wrote that the law will not help.",
    );
    assert_eq!(doc.attributions.iter().filter(|a| doc.slice(a.cue) == "wrote").count(), 1);
    // a clause joined by "and" is no coordinated subject
    let doc = crate::analyze("c", None, "The police arrested the man and officials said he was armed.");
    assert_eq!(doc.slice(crate::with_cue(&doc, "said").source.as_ref().unwrap().range), "officials");
}

#[test]
fn a_clause_that_quotes_the_speaker_goes_on_with_the_content() {
    let text = "Trump says political correctness has run amok in the military, and “we’re going to get away from” that if he’s elected.";
    let doc = crate::analyze("k", None, text);
    assert!(doc.slice(crate::with_cue(&doc, "says").content).ends_with("if he’s elected"));
    // one with a cue of its own is a statement of its own
    let doc =
        crate::analyze("k", None, "The minister said the talks went well, but the president denied it was “done.”");
    assert_eq!(doc.slice(crate::with_cue(&doc, "said").content), "the talks went well");
}

#[test]
fn a_quotation_resumed_after_its_cue_takes_its_own_stance() {
    let text = "“It’s very unlikely they will even be exposed to it,” Hershberger said, “You cannot catch Ebola unless you touch the bodily fluids of a patient.”";
    let doc = crate::analyze("h", None, text);
    let rows: Vec<(Stance, &str)> = doc
        .attributions
        .iter()
        .filter(|a| doc.slice(a.cue) == "said")
        .map(|a| (a.stance, doc.slice(a.content)))
        .collect();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[0].0, Stance::Hedges);
    assert_eq!(rows[1].0, Stance::Asserts);
    assert!(rows[1].1.starts_with("“You cannot"));
    // a quotation that goes on mid-sentence stays one statement
    let text =
        "“Every time you say that,” Tester said, “you give ammunition to the people who want to break up the banks.”";
    let doc = crate::analyze("h", None, text);
    assert_eq!(doc.attributions.iter().filter(|a| doc.slice(a.cue) == "said").count(), 1);
}

#[test]
fn a_subject_before_an_inserted_according_to_is_part_of_the_content() {
    let doc = crate::analyze("a", None, "Her father, according to Madden, used to tell his friends about her.");
    assert!(doc.slice(crate::with_cue(&doc, "according to").content).starts_with("Her father"));
    // an opening adverbial is not
    let doc = crate::analyze("a", None, "On Monday, according to police, two men were arrested.");
    assert_eq!(doc.slice(crate::with_cue(&doc, "according to").content), "two men were arrested");
    // "has so far declined": the subject, past the adverb
    let doc = crate::analyze("a", None, "The company has so far declined to comment.");
    let a = crate::with_cue(&doc, "declined");
    assert_eq!(a.source.as_ref().map(|s| doc.slice(s.range)), Some("The company"));
    let doc = crate::analyze("a", None, "His reps soon debunked the rumors.");
    let a = crate::with_cue(&doc, "debunked");
    assert_eq!(a.source.as_ref().map(|s| doc.slice(s.range)), Some("His reps"));
    // a report noun before its participle reports nothing of what follows
    let doc =
        crate::analyze("a", None, "Autopsy reports conducted by the county found that he had been shot six times.");
    assert!(doc.attributions.iter().all(|a| doc.slice(a.cue) != "reports"));
    // the one questioned and the one who asked: no statement
    let doc = crate::analyze("a", None, "The officials who were questioned by police said the fire was an accident.");
    assert!(doc.attributions.iter().all(|a| doc.slice(a.cue) != "questioned"));
}

#[test]
fn responding_is_speech_only_with_words() {
    for text in [
        "He responded well to treatment and was released Monday.",
        "The South responded with machine gun fire towards the guard posts.",
        "A police team responds to the shooting at the Parliament building.",
    ] {
        let doc = crate::analyze("r", None, text);
        assert!(doc.attributions.is_empty(), "{text}");
    }
    for text in [
        "The spokesman responded that the report was false.",
        "Obama responded to a mother by saying the issue was manufactured.",
        "The company did not respond to requests for comment.",
    ] {
        let doc = crate::analyze("r", None, text);
        assert!(!doc.attributions.is_empty(), "{text}");
    }
}

#[test]
fn a_relative_clause_set_off_by_commas_ends_at_its_comma() {
    let cases = [
        ("The man, who said he was innocent, was released on Monday.", "he was innocent"),
        (
            "The government, which on Sunday said it was investigating the reports, had also stressed that they were dubious.",
            "it was investigating the reports",
        ),
        // a comma inside the content closes an apposition of its own
        (
            "Carol Leonnig, who reported that the fence jumper, Omar Gonzalez, got further than thought, wrote the story.",
            "the fence jumper, Omar Gonzalez, got further than thought",
        ),
    ];
    for (text, content) in cases {
        let doc = crate::analyze("c", None, text);
        let a = doc
            .attributions
            .iter()
            .find(|a| a.source.as_ref().is_some_and(|s| matches!(doc.slice(s.range), "who" | "which")))
            .expect(text);
        assert_eq!(doc.slice(a.content), content, "{text}");
    }
}
