//! Relays: the outlet that receives a statement is its via, never its speaker; nested reports
//! keep both layers in one row ("X said Y denied Z": Y denies Z, via X).

use claimtrail_core::Stance;

/// (text, speaker as written, stance, via hops as written, nearest first)
type Case<'a> = (&'a str, &'a str, Stance, &'a [&'a str]);

#[test]
fn relay_table() {
    let cases: &[Case] = &[
        ("Reuters reported that Dmitry Peskov denied the meeting.", "Dmitry Peskov", Stance::Denies, &["Reuters"]),
        (
            "Interfax reported, citing TASS, that Dmitry Peskov said the meeting never happened.",
            "Dmitry Peskov",
            Stance::Denies,
            &["Interfax", "TASS"],
        ),
        ("“The plant will close,” Ana Ruiz told Reuters.", "Ana Ruiz", Stance::Asserts, &["Reuters"]),
        ("Ana Ruiz told the Daily Mail that the plant will close.", "Ana Ruiz", Stance::Asserts, &["Daily Mail"]),
        // a closing "according to" after a quotation the colon opened
        (
            "Ana Ruiz said: “The plant will close,” according to the Daily Mail.",
            "Ana Ruiz",
            Stance::Asserts,
            &["Daily Mail"],
        ),
        // a recording sent to an outlet, in which the speaker speaks
        (
            "The announcement came in a video sent to Reuters on Saturday in which Ana Ruiz said the plant will close.",
            "Ana Ruiz",
            Stance::Asserts,
            &["Reuters"],
        ),
        // the hop is the subject of the verb phrase before "citing"
        (
            "The leader broke both ankles, Yonhap reported Tuesday, citing an unnamed official.",
            "an unnamed official",
            Stance::Asserts,
            &["Yonhap"],
        ),
        // the speaker is the last of a coordinated subject the report opens with
        (
            "The Daily Sun reported that local officials, the health district and county officials all say there is no truth to the rumour.",
            "county officials",
            Stance::Denies,
            &["Daily Sun"],
        ),
        // the nested speaker's apposition does not end the report's content
        (
            "Reuters reported that Dmitry Peskov, the Kremlin spokesman, told reporters that the meeting never happened.",
            "Dmitry Peskov",
            Stance::Denies,
            &["Reuters"],
        ),
        // a speech verb with its addressee after "to"
        (
            "A police spokesman confirmed to The Associated Press that the man had been arrested.",
            "A police spokesman",
            Stance::Asserts,
            &["Associated Press"],
        ),
        (
            "An anonymous Secret Service official relayed to The Washington Post that the intruder ran upstairs.",
            "An anonymous Secret Service official",
            Stance::Asserts,
            &["Washington Post"],
        ),
        // an opening clause names the outlet that asked
        (
            "When pressed by the Washington Free Beacon, a senior State Department official refused to comment on the reports.",
            "a senior State Department official",
            Stance::NoKnowledge,
            &["Washington Free Beacon"],
        ),
    ];
    for (text, speaker, stance, via) in cases {
        let doc = crate::analyze("r", Some("2015-10-07"), text);
        let a = crate::by_speaker(&doc, speaker);
        assert_eq!(a.stance, *stance, "{text}");
        let hops: Vec<&str> = a.via.iter().map(|v| doc.slice(v.range)).collect();
        assert_eq!(hops.len(), via.len(), "{text}: via {hops:?}");
        for (h, w) in hops.iter().zip(via.iter()) {
            assert!(h.contains(w), "{text}: via {hops:?}");
        }
        // the relaying outlet is never a speaker of its own: the relay is carried by the row
        for b in &doc.attributions {
            if let Some(s) = &b.source {
                let written = doc.slice(s.range);
                assert!(!via.contains(&written), "{text}: {written} speaks");
            }
        }
    }
}

#[test]
fn a_relayed_speaker_goes_on_through_the_relay() {
    // the second statement of the same (anonymous) speaker keeps the outlet of the first;
    // a new speaker does not
    let text = "According to the New York Post, an NBC source says that the anchor will stay.\n\n\
                \"He has the full support of the network,\" said the source.\n\n\
                \"We will see,\" Maria Lopez said.";
    let doc = crate::analyze("r", Some("2015-10-07"), text);
    let via_of = |quote: &str| -> Vec<String> {
        let a = doc
            .attributions
            .iter()
            .find(|a| doc.slice(a.content).contains(quote))
            .unwrap_or_else(|| panic!("no statement {quote:?}"));
        a.via.iter().map(|v| doc.slice(v.range).to_string()).collect()
    };
    assert_eq!(via_of("the anchor will stay"), ["the New York Post"]);
    assert_eq!(via_of("full support"), ["the New York Post"]);
    assert!(via_of("We will see").is_empty());
}

#[test]
fn a_report_noun_with_a_clause_is_a_statement() {
    // (text, source as written, content start, stance); "" source: no statement at all
    let cases: &[(&str, &str, &str, Stance)] = &[
        (
            "Reports that rebels have seized the airport come weeks before the vote.",
            "Reports",
            "rebels have seized the airport",
            Stance::Asserts,
        ),
        (
            "Despite reports on Wednesday in the Iraqi paper, al-Sabah, that two cases of Ebola had been found, \
             the ministry stayed calm.",
            "al-Sabah",
            "two cases of Ebola had been found",
            Stance::Asserts,
        ),
        (
            "Twitter is abuzz with rumours that the singer has died, although the timing is odd.",
            "rumours",
            "the singer has died",
            Stance::Hedges,
        ),
        // the reports a verdict denies still assert what they said
        ("Reports that the ferry had sunk were untrue.", "Reports", "the ferry had sunk", Stance::Asserts),
        // a relative "that", a negated report, a verb read as a noun: nothing
        ("A story that appeared in the Mirror was wrong about the tour.", "", "", Stance::Asserts),
        ("There have been no confirmed reports that he is dead.", "", "", Stance::Asserts),
        ("The story on the website claims that the sun will go dark.", "", "", Stance::Asserts),
    ];
    for (text, source, content, stance) in cases {
        let doc = crate::analyze("r", Some("2015-10-07"), text);
        let rows: Vec<_> = doc.attributions.iter().filter(|a| a.why.cue == "report_noun").collect();
        if source.is_empty() {
            assert!(rows.is_empty(), "{text}: {:?}", rows.iter().map(|a| doc.slice(a.content)).collect::<Vec<_>>());
            continue;
        }
        let a = rows.first().unwrap_or_else(|| panic!("{text}: no report"));
        let written = doc.slice(a.source.as_ref().expect("a source").range);
        assert!(written.contains(source), "{text}: source {written}");
        assert_eq!(doc.slice(a.content), *content, "{text}");
        assert_eq!(a.stance, *stance, "{text}");
    }
}

#[test]
fn a_text_claims_and_a_pronoun_addressee_is_not_said() {
    // (text, cue, source as written, content as extracted)
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "A spokesperson provided a link to a blog claiming sources told it four terrorists were arrested.",
            "claiming",
            "a blog",
            "sources told it four terrorists were arrested",
        ),
        (
            "The doctor told them the hospital was under lockdown.",
            "told",
            "The doctor",
            "the hospital was under lockdown",
        ),
        // "it" opening the content is its subject, not an addressee
        (
            "Michael Madden told the Scotsman it would not surprise him.",
            "told",
            "Michael Madden",
            "it would not surprise him",
        ),
    ];
    for (text, cue, source, content) in cases {
        let doc = crate::analyze("t", Some("2015-10-07"), text);
        let a = crate::with_cue(&doc, cue);
        assert_eq!(a.source.as_ref().map(|s| doc.slice(s.range)), Some(*source), "{text}");
        assert_eq!(doc.slice(a.content), *content, "{text}");
    }
}

#[test]
fn the_one_told_relays_the_agents_words() {
    // the one told passes the agent's words on, and whoever reports that relays him in turn
    let text = "Duncan Hunter spoke on Fox News.\n\nBut Hunter’s office replied by saying Hunter was told directly \
                by a senior official that fighters have in fact been apprehended.";
    let doc = crate::analyze("t", Some("2015-10-07"), text);
    let a = doc
        .attributions
        .iter()
        .find(|a| a.source.as_ref().is_some_and(|s| doc.slice(s.range) == "a senior official"))
        .expect("the official's statement");
    let hops: Vec<&str> = a.via.iter().map(|v| doc.slice(v.range)).collect();
    assert_eq!(hops, ["Hunter’s office", "Hunter"]);
    assert_eq!(doc.slice(a.content), "fighters have in fact been apprehended");
}

#[test]
fn the_paper_is_the_outlet_last_heard_reporting() {
    // "the paper" is the Post, whose report the article follows, not NBC named in between, nor
    // the show named as a modifier; and "The Post" is the New York Post
    let text = "The New York Post reported the story first. The Post reports that Mr. Williams was \
                making noise at NBC about the Nightly News anchor job. \
                “He is not going anywhere,” a network source told the paper.";
    let doc = crate::analyze("r", Some("2015-02-06"), text);
    let a = crate::with_cue(&doc, "told");
    let hops: Vec<(&str, Option<&str>)> =
        a.via.iter().map(|v| (doc.slice(v.range), v.entity.map(|e| doc.entities[e.index()].name.as_str()))).collect();
    assert_eq!(hops.len(), 1, "{hops:?}");
    assert_eq!(hops[0].0, "the paper");
    assert!(hops[0].1.is_some_and(|n| n.ends_with("New York Post")), "{hops:?}");
}

#[test]
fn a_rare_speech_verb_speaks_only_before_what_was_said() {
    let doc = crate::analyze(
        "v",
        None,
        "The message was relayed to the troops on Monday. She relayed the news to her family.",
    );
    assert!(
        doc.attributions.is_empty(),
        "{:?}",
        doc.attributions.iter().map(|a| doc.slice(a.content)).collect::<Vec<_>>()
    );
    let doc = crate::analyze("v", None, "He divulged that the company had lost money.");
    assert_eq!(doc.slice(crate::with_cue(&doc, "divulged").content), "the company had lost money");
    // the outlet that asked is no relay of a refusal
    let doc = crate::analyze("v", None, "The Pentagon has not replied to The Independent's request for confirmation.");
    assert!(doc.attributions.iter().all(|a| a.via.is_empty()));
}
