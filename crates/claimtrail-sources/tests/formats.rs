//! Each input format and each bad case, on the fixtures in `tests/fixtures` (WARC files are built
//! by `tests/fixtures/make_warc.py`).

use std::path::PathBuf;

use claimtrail_core::Date;
use claimtrail_sources::{read, Article, Format, Locator, ReadOptions, Rejected};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn read_all(names: &[&str], opts: ReadOptions) -> Vec<Result<Article, Rejected>> {
    read(names.iter().map(|n| fixture(n)).collect(), opts).collect()
}

fn one(name: &str) -> Vec<Result<Article, Rejected>> {
    read_all(&[name], ReadOptions::default())
}

fn date(s: &str) -> Option<Date> {
    Some(Date::parse(s).unwrap())
}

fn manifest(file: &str) -> Vec<u64> {
    let text = std::fs::read_to_string(fixture("warc-manifest.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v[file].as_array().unwrap().iter().map(|o| o.as_u64().unwrap()).collect()
}

fn offset(r: &Result<Article, Rejected>) -> Option<u64> {
    let origin = match r {
        Ok(a) => &a.origin,
        Err(e) => &e.origin,
    };
    match origin.locator {
        Some(Locator::Offset(o)) => Some(o),
        _ => None,
    }
}

#[test]
fn html_page_text_and_metadata() {
    let items = one("flood-wall.html");
    assert_eq!(items.len(), 1);
    let a = items[0].as_ref().unwrap();
    assert_eq!(a.meta.id, "https://harborledger.example/news/flood-wall", "canonical URL is the id");
    assert_eq!(a.meta.url.as_deref(), Some("https://harborledger.example/news/flood-wall"));
    assert_eq!(a.meta.title.as_deref(), Some("Port Elling council approves harbor flood wall"));
    assert_eq!(a.meta.outlet.as_deref(), Some("The Harbor Ledger"));
    assert_eq!(a.meta.published, date("2024-03-12"), "JSON-LD datePublished");
    assert!(a.origin.to_string().ends_with("flood-wall.html"));
    let t = &a.text;
    for want in [
        "The city council of Port Elling voted seven to two on Tuesday to build a flood wall along the harbor, \
         a project the mayor called long overdue.",
        "\u{201c}We cannot wait for the next storm,\u{201d} Mayor Dana Ruiz said after the vote.",
        "said the wall would cost twice the official estimate. The city's chief engineer denied",
        "Work to start in May",
        "Construction is expected to begin in May",
    ] {
        assert!(t.contains(want), "missing {want:?} in:\n{t}");
    }
    for unwanted in [
        "cookies",
        "Sport",
        "Advertisement",
        "Share on",
        "artist's drawing",
        "Related stories",
        "Harbor dredging",
        "Read more",
        "bakery",
        "Subscribe",
        "morning briefing",
        "Copyright",
        "analytics",
        "console",
        "font-family",
        "ad slot",
        "By Lena Ortiz",
        "approves harbor flood wall",
    ] {
        assert!(!t.contains(unwanted), "boilerplate {unwanted:?} in:\n{t}");
    }
    let paras: Vec<&str> = t.split("\n\n").collect();
    assert_eq!(paras.len(), 5, "paragraphs joined by blank lines:\n{t}");
    assert!(!t.contains("\n\n\n") && !t.starts_with(char::is_whitespace) && !t.ends_with(char::is_whitespace));
}

#[test]
fn html_page_without_article_element() {
    let items = one("rail-strike.htm");
    let a = items[0].as_ref().unwrap();
    assert_eq!(a.meta.id, "rail-strike", "no canonical URL: the file stem");
    assert_eq!(a.meta.url, None);
    assert_eq!(a.meta.title.as_deref(), Some("Rail workers vote to strike"), "outlet suffix dropped");
    assert_eq!(a.meta.outlet.as_deref(), Some("Valley Courier"));
    assert_eq!(a.meta.published, date("2023-11-02"), "meta name=date before <time>");
    assert!(a.text.contains("Rail workers in the Northern Valley have voted to strike next month"));
    assert!(
        a.text.contains("backed the walkout.\n\nThe rail operator said it was disappointed"),
        "<br> splits paragraphs:\n{}",
        a.text
    );
    for unwanted in ["Home", "Reader comment", "Terms and privacy", "must not appear", "Published"] {
        assert!(!a.text.contains(unwanted), "{unwanted:?} in:\n{}", a.text);
    }
}

#[test]
fn html_page_without_text_is_rejected() {
    let items = one("no-text.html");
    assert_eq!(items.len(), 1);
    let e = items[0].as_ref().unwrap_err();
    assert_eq!(e.message, "no article text");
    assert!(e.to_string().contains("no-text.html"), "{e}");
}

#[test]
fn rss_entries_are_articles() {
    let items = one("harbor.rss");
    assert_eq!(items.len(), 2);
    let a = items[0].as_ref().unwrap();
    assert_eq!(a.origin.locator, Some(Locator::Entry(1)));
    assert!(a.origin.to_string().ends_with("harbor.rss#1"));
    assert_eq!(a.meta.id, "harborledger-ferry-2024");
    assert_eq!(a.meta.title.as_deref(), Some("Ferry service to resume on Monday"));
    assert_eq!(a.meta.url.as_deref(), Some("https://harborledger.example/news/ferry"));
    assert_eq!(a.meta.outlet.as_deref(), Some("The Harbor Ledger: News"));
    assert_eq!(a.meta.published, date("2024-03-15"));
    assert_eq!(
        a.text,
        "The island ferry will resume service on Monday after repairs, the port authority said.\n\n\
         \u{201c}The engines passed every test,\u{201d} harbor master Ines Kowal told reporters."
    );
    let b = items[1].as_ref().unwrap();
    assert_eq!(b.origin.locator, Some(Locator::Entry(2)));
    assert_eq!(b.meta.published, date("2024-03-14"));
    assert_eq!(b.meta.url.as_deref(), Some("https://harborledger.example/news/school-budget"));
    assert_eq!(b.meta.id, "https://harborledger.example/news/school-budget", "no guid: the link is the id");
    assert!(b.text.starts_with("The school board postponed its budget vote"), "summary when no content");
}

#[test]
fn atom_entries_are_articles() {
    let items = one("valley.atom");
    assert_eq!(items.len(), 3);
    let a = items[0].as_ref().unwrap();
    assert_eq!(a.meta.id, "tag:valleycourier.example,2023:mayor-budget");
    assert_eq!(a.meta.title.as_deref(), Some("Mayor denies budget cuts"), "HTML title as text");
    assert_eq!(a.meta.outlet.as_deref(), Some("Valley Courier"));
    assert_eq!(a.meta.url.as_deref(), Some("https://valleycourier.example/mayor-budget"));
    assert_eq!(a.meta.published, date("2023-11-02"), "published before updated");
    assert_eq!(
        a.text,
        "Mayor Tom Becker denied on Thursday that the city plans to cut library funding.\n\n\"No branch will close,\" he said."
    );
    let b = items[1].as_ref().unwrap();
    assert_eq!(b.meta.published, date("2023-11-01"), "updated when not published");
    assert_eq!(b.text, "More than 300 volunteers joined the river cleanup, organisers said.");
    let e = items[2].as_ref().unwrap_err();
    assert!(
        e.to_string().ends_with(
            "valley.atom#3: document \"tag:valleycourier.example,2023:gallery\": feed entry has no content or summary"
        ),
        "{e}"
    );
}

#[test]
fn not_xml_feed_is_rejected_with_its_path() {
    let items = one("not-xml.rss");
    assert_eq!(items.len(), 1);
    let e = items[0].as_ref().unwrap_err();
    assert!(e.origin.path.ends_with("not-xml.rss") && e.origin.locator.is_none());
    assert!(e.message.starts_with("not an RSS or Atom feed"), "{e}");
}

fn check_news_warc(name: &str) {
    let offs = manifest(name);
    let items = one(name);
    assert_eq!(items.len(), 3, "{items:#?}");
    let a: Vec<&Article> = items.iter().map(|r| r.as_ref().unwrap()).collect();
    assert_eq!(a[0].meta.id, "https://coastaltimes.example/bridge");
    assert_eq!(a[0].meta.url.as_deref(), Some("https://coastaltimes.example/bridge"));
    assert_eq!(a[0].meta.title.as_deref(), Some("Bridge reopens after repairs"));
    assert_eq!(a[0].meta.outlet.as_deref(), Some("Coastal Times"));
    assert_eq!(a[0].meta.published, date("2024-04-02"), "the page's date");
    assert_eq!(
        a[0].text,
        "The Kessel river bridge reopened to traffic on Tuesday after six months of repairs, the roads agency said.\n\n\
         \"It is safe and it is stronger than before,\" agency director Mara Lind told reporters."
    );
    assert_eq!(offset(&items[0]), Some(offs[2]), "offset of the record in the file as stored");
    assert_eq!(a[1].meta.id, "https://www.votewatch.example/turnout");
    assert_eq!(a[1].meta.published, date("2024-06-02"), "WARC-Date when the page has none");
    assert_eq!(a[1].meta.outlet.as_deref(), Some("votewatch.example"), "host when the page names no outlet");
    assert_eq!(offset(&items[1]), Some(offs[4]));
    assert!(a[1].text.contains("Turnout in the local election rose to 61 percent"));
    assert!(!a[1].text.contains("Home") && !a[1].text.contains("Copyright"));
    assert_eq!(a[2].meta.outlet.as_deref(), Some("Metro Daily"));
    assert_eq!(offset(&items[2]), Some(offs[7]));
    assert!(items[0].as_ref().unwrap().origin.to_string().ends_with(&format!("{name}@{}", offs[2])));
}

#[test]
fn warc_html_responses_are_articles() {
    check_news_warc("news.warc");
}

#[test]
fn warc_gz_one_member_per_record() {
    check_news_warc("news.warc.gz");
}

#[test]
fn warc_skipped_records_are_counted() {
    let mut it = read(vec![fixture("news.warc.gz")], ReadOptions::default());
    assert_eq!(it.by_ref().filter(Result::is_ok).count(), 3);
    // warcinfo, request, JPEG response, 404 response, metadata.
    assert_eq!(it.counts().skipped_records, 5);
}

#[test]
fn truncated_gzip_yields_the_records_before_it_and_one_rejection() {
    let offs = manifest("truncated.warc.gz");
    let items = one("truncated.warc.gz");
    assert_eq!(items.len(), 3, "{items:#?}");
    assert_eq!(items[0].as_ref().unwrap().meta.id, "https://coastaltimes.example/bridge");
    assert_eq!(items[1].as_ref().unwrap().meta.id, "https://www.votewatch.example/turnout");
    let e = items[2].as_ref().unwrap_err();
    assert_eq!(offset(&items[2]), Some(offs[7]), "{e}");
    assert!(e.message.contains("gzip"), "{e}");
}

#[test]
fn malformed_warc_records_are_rejected_and_reading_resyncs() {
    let offs = manifest("bad.warc");
    let items = one("bad.warc");
    let got: Vec<(Option<u64>, Result<String, String>)> = items
        .iter()
        .map(|r| (offset(r), r.as_ref().map(|a| a.meta.id.clone()).map_err(|e| e.message.clone())))
        .collect();
    let want: Vec<(u64, Result<&str, &str>)> = vec![
        (offs[0], Ok("https://coastaltimes.example/bridge")),
        (offs[1], Err("bad header line")),
        (offs[2], Ok("https://www.votewatch.example/turnout")),
        (offs[3], Err("bad Content-Length")),
        (offs[4], Ok("https://metrodaily.example/painting")),
        (offs[5], Err("bad Content-Length \"12x\"")),
        (offs[6], Err("bad Content-Length")),
        (offs[7], Ok("https://coastaltimes.example/bridge-2")),
        (offs[8], Err("truncated WARC record")),
    ];
    assert_eq!(got.len(), want.len(), "{got:#?}");
    for ((go, g), (wo, w)) in got.iter().zip(&want) {
        assert_eq!(*go, Some(*wo), "{g:?}");
        match (g, w) {
            (Ok(id), Ok(wid)) => assert_eq!(id, wid),
            (Err(m), Err(wm)) => assert!(m.contains(wm), "{m:?} should contain {wm:?}"),
            _ => panic!("at {wo}: got {g:?}, want {w:?}"),
        }
    }
    for r in items.iter().filter_map(|r| r.as_ref().err()) {
        assert!(r.to_string().contains("bad.warc@"), "{r}");
    }
}

#[test]
fn txt_with_sidecar_meta() {
    let items = one("budget.txt");
    let a = items[0].as_ref().unwrap();
    assert_eq!(a.meta.id, "budget");
    assert_eq!(a.meta.title.as_deref(), Some("Budget forecast"));
    assert_eq!(a.meta.outlet.as_deref(), Some("Wire Service"));
    assert_eq!(a.meta.published, date("2024-02-05"));
    assert!(a.text.starts_with("The finance minister said on Monday"));
    // Metadata given by the user wins over the sidecar.
    let mut opts = ReadOptions::default();
    opts.txt_meta.title = Some("Given".into());
    let items = read_all(&["budget.txt"], opts);
    let a = items[0].as_ref().unwrap();
    assert_eq!(a.meta.title.as_deref(), Some("Given"));
    assert_eq!(a.meta.outlet.as_deref(), Some("Wire Service"));
}

#[test]
fn binary_txt_is_rejected() {
    let items = one("binary.txt");
    let e = items[0].as_ref().unwrap_err();
    assert!(e.to_string().contains("binary.txt"), "{e}");
    assert!(e.message.contains("binary file"), "{e}");
}

#[test]
fn jsonl_bad_line_is_rejected_the_rest_read() {
    let items = one("batch.jsonl");
    assert_eq!(items.len(), 3);
    let a = items[0].as_ref().unwrap();
    assert_eq!(
        (a.meta.id.as_str(), a.meta.title.as_deref(), a.meta.outlet.as_deref(), a.meta.url.as_deref()),
        ("w1", Some("Crane arrives"), Some("Harbor Ledger"), Some("https://harborledger.example/crane"))
    );
    assert_eq!(a.meta.published, date("2024-03-01"));
    let e = items[1].as_ref().unwrap_err();
    assert!(e.to_string().contains("batch.jsonl:2: not a JSON article"), "{e}");
    let c = items[2].as_ref().unwrap();
    assert_eq!(c.meta.id, "batch:3");
    assert_eq!(c.warnings.len(), 1, "unreadable date is a warning");
}

#[test]
fn directory_is_read_recursively_in_sorted_order() {
    let dir = std::env::temp_dir().join(format!("claimtrail-sources-dir-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("b/nested")).unwrap();
    std::fs::create_dir_all(dir.join(".hidden")).unwrap();
    for (src, dst) in [
        ("flood-wall.html", "b/nested/page.html"),
        ("harbor.rss", "a.rss"),
        ("budget.txt", "c.txt"),
        ("budget.meta", "c.meta"),
        ("batch.jsonl", ".hidden/x.jsonl"),
        ("news.warc.gz", "b/cc.warc.gz"),
    ] {
        std::fs::copy(fixture(src), dir.join(dst)).unwrap();
    }
    std::fs::write(dir.join("notes.md"), "not news").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&dir, dir.join("b/nested/loop")).unwrap();
    std::fs::write(dir.join("sitemap.xml"), "<?xml version=\"1.0\"?><urlset></urlset>").unwrap();
    let mut it = read(vec![dir.clone()], ReadOptions::default());
    let items: Vec<_> = it.by_ref().collect();
    let shown: Vec<String> = items.iter().map(|r| r.as_ref().unwrap().origin.to_string()).collect();
    let rel: Vec<String> =
        shown.iter().map(|s| s.strip_prefix(&format!("{}/", dir.display())).unwrap_or(s).to_string()).collect();
    let offs = manifest("news.warc.gz");
    let want = vec![
        "a.rss#1".to_string(),
        "a.rss#2".into(),
        format!("b/cc.warc.gz@{}", offs[2]),
        format!("b/cc.warc.gz@{}", offs[4]),
        format!("b/cc.warc.gz@{}", offs[7]),
        "b/nested/page.html".into(),
        "c.txt".into(),
    ];
    assert_eq!(rel, want);
    let c = it.counts();
    assert_eq!(c.files, 4);
    // .hidden, c.meta, notes.md, sitemap.xml, and the link to the top (on Unix).
    assert_eq!(c.skipped_files, if cfg!(unix) { 5 } else { 4 });
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_bad_file_does_not_stop_the_batch() {
    let names = ["not-xml.rss", "binary.txt", "no-text.html", "missing.html", "bad.warc", "rail-strike.htm"];
    let items = read_all(&names, ReadOptions::default());
    let ok: Vec<&str> = items.iter().filter_map(|r| r.as_ref().ok()).map(|a| a.meta.id.as_str()).collect();
    assert_eq!(ok.first(), Some(&"https://coastaltimes.example/bridge"));
    assert_eq!(ok.last(), Some(&"rail-strike"));
    let missing = items.iter().filter_map(|r| r.as_ref().err()).find(|e| e.origin.path.ends_with("missing.html"));
    assert!(missing.unwrap().message.starts_with("cannot open"));
}

#[test]
fn forced_format_and_limits() {
    // A feed read as text is one article.
    let opts = ReadOptions { format: Some(Format::Txt), ..ReadOptions::default() };
    let items = read_all(&["harbor.rss"], opts);
    assert!(items[0].as_ref().unwrap().text.starts_with("<?xml"));
    // max_bytes applies to every format.
    let opts = ReadOptions { max_bytes: 60, ..ReadOptions::default() };
    let items = read_all(&["budget.txt", "flood-wall.html", "valley.atom", "news.warc"], opts);
    assert!(items.iter().all(Result::is_err), "{items:#?}");
    for e in items.iter().filter_map(|r| r.as_ref().err()) {
        assert!(e.message.contains("limit"), "{e}");
    }
}

#[test]
fn pending_items_resolve_on_other_threads_to_the_same_articles() {
    let names = ["flood-wall.html", "news.warc.gz", "harbor.rss", "no-text.html", "batch.jsonl"];
    let paths: Vec<PathBuf> = names.iter().map(|n| fixture(n)).collect();
    let direct: Vec<String> = read(paths.clone(), ReadOptions::default()).map(|r| format!("{r:?}")).collect();
    let pending: Vec<_> = claimtrail_sources::read_pending(paths, ReadOptions::default()).collect();
    let origins: Vec<String> = pending.iter().map(|p| p.origin().to_string()).collect();
    let handles: Vec<_> =
        pending.into_iter().map(|p| std::thread::spawn(move || format!("{:?}", p.resolve()))).collect();
    let resolved: Vec<String> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    assert_eq!(resolved, direct);
    assert_eq!(origins.len(), direct.len());
    assert!(origins[0].ends_with("flood-wall.html"));
}
