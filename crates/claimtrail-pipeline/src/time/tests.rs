//! Table-driven tests of the time normalizer.

use claimtrail_core::{Anchor, Date, Document, Meta, TimeKind};

use super::TimeNormalizer;
use crate::segment::Segmenter;
use crate::Stage;

fn run(text: &str, published: Option<&str>) -> Vec<(String, Option<String>, TimeKind, Anchor)> {
    let meta = Meta { id: "t".into(), published: published.map(|p| Date::parse(p).unwrap()), ..Meta::default() };
    let mut doc = Document::new(meta, text);
    let seg = Segmenter.run(&doc).unwrap();
    doc.sentences = seg.sentences;
    doc.tokens = seg.tokens;
    let times = TimeNormalizer.run(&doc).unwrap();
    for w in times.windows(2) {
        assert!(w[0].range.end() <= w[1].range.start(), "overlap or order in {text:?}");
    }
    times.into_iter().map(|t| (doc.slice(t.range).to_string(), t.value, t.kind, t.anchor)).collect()
}

fn pairs(text: &str, published: Option<&str>) -> Vec<(String, String)> {
    run(text, published).into_iter().map(|(t, v, _, _)| (t, v.unwrap_or_else(|| "-".into()))).collect()
}

/// (text, publication date, [(expression, value)]).
type Case = (&'static str, Option<&'static str>, &'static [(&'static str, &'static str)]);

#[test]
fn expressions_table() {
    let cases: &[Case] = &[
        (
            "August 7, the spokesman said no. On 24 July the general flew in.",
            Some("2015-10-07"),
            &[("August 7", "2015-08-07"), ("24 July", "2015-07-24")],
        ),
        (
            "The treaty was signed on Sept. 15, 2015 and ratified on 15 September 2016.",
            Some("2017-01-01"),
            &[("Sept. 15, 2015", "2015-09-15"), ("15 September 2016", "2016-09-15")],
        ),
        ("The file is dated 2015-08-07.", None, &[("2015-08-07", "2015-08-07")]),
        (
            "Prices rose in 2014 and fell in March 2008 and in the 1990s.",
            Some("2015-10-07"),
            &[("2014", "2014"), ("March 2008", "2008-03"), ("the 1990s", "199")],
        ),
        ("The minister resigned on Tuesday.", Some("2015-10-07"), &[("Tuesday", "2015-10-06")]),
        ("The minister will resign on Tuesday.", Some("2015-10-07"), &[("Tuesday", "2015-10-13")]),
        (
            "He left yesterday and returns today.",
            Some("2015-10-07"),
            &[("yesterday", "2015-10-06"), ("today", "2015-10-07")],
        ),
        ("They met last week.", Some("2015-10-07"), &[("last week", "2015-W40")]),
        (
            "Sales fell last month and last year.",
            Some("2015-10-07"),
            &[("last month", "2015-09"), ("last year", "2014")],
        ),
        ("Growth slowed this year.", Some("2015-10-07"), &[("this year", "2015")]),
        ("They agreed several months ago.", Some("2015-10-07"), &[("several months ago", "PAST_REF")]),
        ("The deal fell apart two days ago.", Some("2015-10-07"), &[("two days ago", "2015-10-05")]),
        ("At the end of September the talks resumed.", Some("2015-10-07"), &[("the end of September", "2015-09")]),
        ("Prices rose earlier this month.", Some("2015-10-07"), &[("earlier this month", "2015-10")]),
        (
            "The party is now in power and was recently reelected.",
            Some("2015-10-07"),
            &[("now", "PRESENT_REF"), ("recently", "PAST_REF")],
        ),
        (
            "He spent three years and 24 hours there.",
            Some("2015-10-07"),
            &[("three years", "P3Y"), ("24 hours", "PT24H")],
        ),
        ("It lasted several months.", Some("2015-10-07"), &[("several months", "PXM")]),
        (
            "In the last twenty four hours, the index fell.",
            Some("1998-01-08"),
            &[("the last twenty four hours", "PT24H")],
        ),
        (
            "They deliver 15 a year and meet every week.",
            Some("2015-10-07"),
            &[("a year", "P1Y"), ("every week", "P1W")],
        ),
        ("The paper comes out weekly.", None, &[("weekly", "P1W")]),
        ("Guards watch 24 hours a day.", None, &[("24 hours", "PT24H"), ("a day", "P1D")]),
        (
            "The vote is at 3 p.m. on Friday.",
            Some("2015-10-07"),
            &[("3 p.m.", "2015-10-02T15:00"), ("Friday", "2015-10-02")],
        ),
        ("The launch is at 18:00 UTC.", Some("2009-12-15"), &[("18:00 UTC", "2009-12-15T18:00Z")]),
        ("Results for the third quarter were weak.", Some("1989-10-26"), &[("the third quarter", "1989-Q3")]),
        (
            "Output fell in the second half of 2014 and in the second quarter.",
            Some("2015-10-07"),
            &[("the second half of 2014", "2014-H2"), ("the second quarter", "2015-Q2")],
        ),
        (
            "The strike began at 6:40 p.m. on Monday.",
            Some("2015-10-07"),
            &[("6:40 p.m.", "2015-10-05T18:40"), ("Monday", "2015-10-05")],
        ),
        (
            "The summit is on April 24 and 25, after Election Day.",
            Some("1999-02-10"),
            &[("April 24", "1999-04-24"), ("25", "1999-04-25"), ("Election Day", "1998-11-03")],
        ),
        (
            "Rates may fall in coming months, as in the 20th century; refugees waited 2 1/2 years.",
            Some("2015-10-07"),
            &[("coming months", "FUTURE_REF"), ("the 20th century", "19"), ("2 1/2 years", "P2.5Y")],
        ),
        (
            "Profits fell in the last half of 2012, as in the summer of nineteen eighty-two.",
            Some("2015-10-07"),
            &[("the last half of 2012", "2012-H2"), ("the summer of nineteen eighty-two", "1982-SU")],
        ),
        ("The firm was ailing months ago.", Some("2015-10-07"), &[("months ago", "PAST_REF")]),
        ("Analysts watched 60 Minutes and This Week.", Some("2015-10-07"), &[]),
        ("The index peaked this summer.", Some("2015-10-07"), &[("this summer", "2015-SU")]),
        ("He was born in nineteen seventy-nine.", None, &[("nineteen seventy-nine", "1979")]),
        ("The debt rose for nearly two years.", None, &[("nearly two years", "P2Y")]),
        ("A five-year plan.", None, &[("five-year", "P5Y")]),
        ("Over the past year costs rose.", Some("1998-02-01"), &[("the past year", "1997")]),
        ("The talks stalled in the past two months.", None, &[("the past two months", "P2M")]),
        ("They will vote next year.", Some("2015-10-07"), &[("next year", "2016")]),
        ("Turnout was high last night.", Some("2015-10-07"), &[("last night", "2015-10-06TNI")]),
        ("Trading resumed this morning.", Some("2015-10-07"), &[("this morning", "2015-10-07TMO")]),
        ("He visited Moscow in August.", Some("2015-10-07"), &[("August", "2015-08")]),
        ("He was in Moscow in December.", Some("2015-10-07"), &[("December", "2014-12")]),
        (
            "The dividend, declared today, is payable Dec. 15.",
            Some("2015-10-07"),
            &[("today", "2015-10-07"), ("Dec. 15", "2015-12-15")],
        ),
        (
            "Christmas is on a weekday this year.",
            Some("2015-10-07"),
            &[("Christmas", "2015-12-25"), ("this year", "2015")],
        ),
        ("He will visit Moscow in December.", Some("2015-10-07"), &[("December", "2015-12")]),
    ];
    for (text, published, want) in cases {
        let got = pairs(text, *published);
        let want: Vec<(String, String)> = want.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn ambiguous_words_table() {
    let cases: &[(&str, &[&str])] = &[
        ("Officials may decide soon.", &[]),
        ("Theresa May spoke.", &[]),
        ("Protesters march on the capital.", &[]),
        ("The Sun reported it. Wed said no.", &[]),
        ("He sold 1,990 cars for $2015.", &[]),
        ("The Sunday Times reported it.", &[]),
        ("It happened in May.", &["May"]),
        ("Elections were held on March 4.", &["March 4"]),
        ("April Ryan asked a question.", &[]),
    ];
    for (text, want) in cases {
        let got: Vec<String> = pairs(text, Some("2015-10-07")).into_iter().map(|(t, _)| t).collect();
        assert_eq!(got, *want, "{text}");
    }
}

#[test]
fn no_publication_date() {
    let got = run("He left on August 7 and came back yesterday. The war lasted three years.", None);
    assert_eq!(got[0].0, "August 7");
    assert_eq!(got[0].1.as_deref(), Some("XXXX-08-07"));
    assert_eq!(got[0].3, Anchor::None);
    assert_eq!(got[1].0, "yesterday");
    assert_eq!(got[1].1, None);
    assert_eq!(got[1].3, Anchor::None);
    assert_eq!(got[2].1.as_deref(), Some("P3Y"));
    assert_eq!(got[2].2, TimeKind::Duration);
}

#[test]
fn odd_input_does_not_panic() {
    let long =
        "Tuesday will ".repeat(20000) + &"May ".repeat(5000) + &"the end of ".repeat(2000) + &"twenty ".repeat(3000);
    for text in
        ["", "   ", "’’’", "31 February 2015", "99:99 p.m.", "9999999999999 years", "the the the", "a.m. p.m.", &long]
    {
        let _ = run(text, Some("2015-10-07"));
        let _ = run(text, None);
    }
}
