//! HTML pages: the main text with boilerplate dropped, and the page's metadata.
//!
//! The text comes from the page's article container (`[itemprop=articleBody]`, else the `<article>`
//! with the most paragraph text, else `<main>`, else `<body>`). Inside it, navigation, headers,
//! footers, asides, scripts, styles, forms, figures and blocks whose class, id or role names them
//! as sharing, related links, cookie notices, newsletters, ads, comments, bylines or datelines are
//! dropped, as are paragraphs that are mostly link text. Block elements become paragraphs, joined by blank lines;
//! the `<h1>` is left out (it is the title).
//!
//! Metadata: title from `og:title`, JSON-LD `headline`, `<title>` (less a trailing outlet name),
//! or the first `<h1>`; outlet from `og:site_name` or JSON-LD `publisher.name`; URL from
//! `<link rel=canonical>`, `og:url` or JSON-LD `url`; publication date from
//! `article:published_time`, JSON-LD `datePublished`, `<meta name=date>` and kin, or the first
//! `<time datetime>`.

use std::sync::LazyLock;

use claimtrail_core::{Date, Meta};
use scraper::{ElementRef, Html, Node, Selector};

use crate::{Article, Origin, Rejected};

/// What a page yields.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// Main text, paragraphs separated by blank lines.
    pub text: String,
    /// Title.
    pub title: Option<String>,
    /// Outlet (site name).
    pub outlet: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Publication date.
    pub published: Option<Date>,
}

impl Page {
    /// Whether the page has article text: at least [`MIN_WORDS`] words.
    pub fn has_text(&self) -> bool {
        self.text.split_whitespace().nth(MIN_WORDS - 1).is_some()
    }
}

/// Fewer words than this is not an article.
pub const MIN_WORDS: usize = 10;

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap_or_else(|_| unreachable!("static selector {s}"))
}

static META: LazyLock<Selector> = LazyLock::new(|| sel("meta"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| sel("title"));
static H1: LazyLock<Selector> = LazyLock::new(|| sel("h1"));
static LINK: LazyLock<Selector> = LazyLock::new(|| sel("link[rel][href]"));
static LD_JSON: LazyLock<Selector> = LazyLock::new(|| sel("script[type]"));
static TIME: LazyLock<Selector> = LazyLock::new(|| sel("time[datetime]"));
static ARTICLE_BODY: LazyLock<Selector> = LazyLock::new(|| sel("[itemprop=articleBody]"));
static ARTICLE: LazyLock<Selector> = LazyLock::new(|| sel("article"));
static MAIN: LazyLock<Selector> = LazyLock::new(|| sel("main, [role=main]"));
static BODY: LazyLock<Selector> = LazyLock::new(|| sel("body"));
static P: LazyLock<Selector> = LazyLock::new(|| sel("p"));

/// Extracts the main text and metadata of a page.
pub fn extract(html: &str) -> Page {
    let doc = Html::parse_document(html);
    let mut page = metadata(&doc);
    let body = doc.select(&BODY).next().unwrap_or_else(|| doc.root_element());
    let container = container(&doc).unwrap_or(body);
    page.text = text_of(container);
    if page.text.is_empty() && container.id() != body.id() {
        page.text = text_of(body);
    }
    if page.title.is_none() {
        page.title = doc.select(&H1).next().map(|h| collapse(&h.text().collect::<String>())).filter(|t| !t.is_empty());
    }
    page
}

/// The text of an HTML fragment (a feed entry's content), boilerplate dropped.
pub fn fragment_text(html: &str) -> String {
    let frag = Html::parse_fragment(html);
    text_of(frag.root_element())
}

/// Deepest element nesting accepted. HTML parsing is quadratic in the nesting depth (the standard
/// tree builder searches the stack of open elements), so deeper pages are rejected; browsers cap
/// the depth too.
pub const MAX_DEPTH: usize = 1000;

/// The message for a page nested more than [`MAX_DEPTH`] levels.
pub const TOO_DEEP: &str = "HTML nested more than 1000 levels deep";

/// Whether `html` nests elements more than [`MAX_DEPTH`] levels deep, by a linear scan of its tags
/// (elements whose end tag may be omitted and void elements are not counted).
pub fn too_deep(html: &str) -> bool {
    let b = html.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(k) = b[i..].iter().position(|&c| c == b'<') {
        i += k + 1;
        let rest = &b[i..];
        if rest.starts_with(b"!--") {
            i += crate::find(rest, b"-->").map_or(rest.len(), |e| e + 3);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_at = usize::from(closing);
        let name_len = rest[name_at..].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
        if name_len == 0 || !rest[name_at].is_ascii_alphabetic() {
            continue;
        }
        let name = String::from_utf8_lossy(&rest[name_at..name_at + name_len]).to_ascii_lowercase();
        let end = rest.iter().position(|&c| c == b'>').unwrap_or(rest.len());
        let self_closing = end > 0 && rest[end - 1] == b'/';
        i += end.min(rest.len());
        if matches!(name.as_str(), "script" | "style" | "textarea" | "title" | "xmp") && !closing {
            let close = format!("</{name}");
            let lower: Vec<u8> = b[i..].iter().map(u8::to_ascii_lowercase).collect();
            i += crate::find(&lower, close.as_bytes()).unwrap_or(lower.len());
            continue;
        }
        if self_closing || is_void_or_optional(&name) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            if depth > MAX_DEPTH {
                return true;
            }
        }
    }
    false
}

fn is_void_or_optional(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
            | "param"
            | "keygen"
            | "p"
            | "li"
            | "dt"
            | "dd"
            | "tr"
            | "td"
            | "th"
            | "option"
            | "optgroup"
            | "tbody"
            | "thead"
            | "tfoot"
            | "colgroup"
            | "rb"
            | "rt"
            | "rp"
            | "html"
            | "head"
            | "body"
    )
}

/// A page to extract, with what its container (a file, a WARC record) already tells.
pub(crate) struct Job {
    pub(crate) bytes: Vec<u8>,
    /// Charset declared by HTTP.
    pub(crate) charset: Option<String>,
    pub(crate) origin: Origin,
    /// Id when the page has no canonical URL.
    pub(crate) stem: String,
    /// Id and URL that override the page's (a WARC record's target URI).
    pub(crate) id: Option<String>,
    pub(crate) url: Option<String>,
    /// Date and outlet when the page has none.
    pub(crate) published: Option<Date>,
    pub(crate) outlet: Option<String>,
    pub(crate) max: usize,
}

impl Job {
    pub(crate) fn new(bytes: Vec<u8>, charset: Option<String>, origin: Origin, stem: String, max: usize) -> Job {
        Job { bytes, charset, origin, stem, id: None, url: None, published: None, outlet: None, max }
    }

    /// Extracts the article: id is the given id, else the canonical URL, else the stem.
    pub(crate) fn run(self) -> Result<Article, Rejected> {
        let (text, warning) = decode(&self.bytes, self.charset.as_deref());
        if too_deep(&text) {
            return Err(Rejected::doc(self.origin, self.id.unwrap_or(self.stem), TOO_DEEP));
        }
        let mut page = extract(&text);
        let id = self.id.or_else(|| page.url.clone()).unwrap_or(self.stem);
        if self.url.is_some() {
            page.url = self.url;
        }
        page.published = page.published.or(self.published);
        page.outlet = page.outlet.or(self.outlet);
        let mut a = page_article(page, self.origin, id, self.max)?;
        a.warnings.extend(warning);
        Ok(a)
    }
}

/// Checks a page's text and wraps it as an article with id `id`.
pub(crate) fn page_article(page: Page, origin: Origin, id: String, max: usize) -> Result<Article, Rejected> {
    if !page.has_text() {
        return Err(Rejected::doc(origin, id, "no article text"));
    }
    if page.text.len() > max {
        return Err(Rejected::doc(
            origin,
            id,
            format!("article is {} bytes, more than the limit of {max} (see --max-bytes)", page.text.len()),
        ));
    }
    Ok(Article {
        origin,
        meta: Meta {
            id,
            title: page.title,
            outlet: page.outlet,
            url: page.url,
            published: page.published,
            language: None,
        },
        text: page.text,
        warnings: Vec::new(),
    })
}

/// Decodes page bytes: UTF-8 when valid, else by the declared charset (Latin-1 and Windows-1252
/// are decoded; others lossily as UTF-8 with a warning). `charset` is the HTTP header's, if any.
pub fn decode(bytes: &[u8], charset: Option<&str>) -> (String, Option<String>) {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (s.to_string(), None);
    }
    let declared = charset.map(str::to_ascii_lowercase).or_else(|| sniff_charset(bytes));
    match declared.as_deref() {
        Some("iso-8859-1" | "latin1" | "latin-1" | "windows-1252" | "cp1252" | "us-ascii" | "ascii") | None => {
            let warning = declared.is_none().then(|| "not UTF-8 and no charset declared; read as Windows-1252".into());
            (bytes.iter().map(|&b| cp1252(b)).collect(), warning)
        }
        Some(other) => (
            String::from_utf8_lossy(bytes).into_owned(),
            Some(format!("charset {other} is not supported; invalid bytes replaced")),
        ),
    }
}

/// The charset a page declares in a `<meta>` near its start.
fn sniff_charset(bytes: &[u8]) -> Option<String> {
    let head: Vec<u8> = bytes.iter().take(4096).map(u8::to_ascii_lowercase).collect();
    let at = crate::find(&head, b"charset=")? + 8;
    let v: String = head[at..]
        .iter()
        .skip_while(|b| **b == b'"' || **b == b'\'')
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b'_')
        .map(|&b| b as char)
        .collect();
    (!v.is_empty()).then_some(v)
}

/// Windows-1252 byte to char (Latin-1 elsewhere).
fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    if (0x80..0xa0).contains(&b) {
        HIGH[(b - 0x80) as usize]
    } else {
        b as char
    }
}

/// Collapses runs of whitespace into single spaces and trims.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn metadata(doc: &Html) -> Page {
    let mut page = Page::default();
    // Candidates, best first.
    let mut titles: [Option<String>; 2] = Default::default(); // og/twitter/dc title, JSON-LD headline
    let mut outlets: [Option<String>; 3] = Default::default(); // og:site_name, JSON-LD publisher, application-name
    let mut urls: [Option<String>; 3] = Default::default(); // canonical, og:url, JSON-LD url
    let mut dates: [Option<Date>; 4] = Default::default(); // article:published_time, JSON-LD, meta date, <time>
    for m in doc.select(&META) {
        let e = m.value();
        let Some(key) = e.attr("property").or_else(|| e.attr("name")).or_else(|| e.attr("itemprop")) else {
            continue;
        };
        let Some(content) = e.attr("content").map(collapse).filter(|c| !c.is_empty()) else { continue };
        let key = key.trim().to_ascii_lowercase();
        match key.as_str() {
            "og:title" | "twitter:title" | "dc.title" => set(&mut titles[0], content),
            "og:site_name" => set(&mut outlets[0], content),
            "application-name" => set(&mut outlets[2], content),
            "og:url" => set(&mut urls[1], content),
            "article:published_time" | "og:article:published_time" | "article.published" => {
                set_date(&mut dates[0], &content)
            }
            "datepublished" | "date" | "pubdate" | "publishdate" | "publish-date" | "publish_date"
            | "publication_date" | "dc.date" | "dc.date.issued" | "dcterms.date" | "dcterms.issued"
            | "dcterms.created" | "sailthru.date" | "parsely-pub-date" | "article:published" => {
                set_date(&mut dates[2], &content)
            }
            _ => {}
        }
    }
    for l in doc.select(&LINK) {
        let e = l.value();
        let canonical =
            e.attr("rel").is_some_and(|r| r.split_whitespace().any(|t| t.eq_ignore_ascii_case("canonical")));
        if canonical {
            if let Some(h) = e.attr("href").map(str::trim).filter(|h| is_absolute(h)) {
                set(&mut urls[0], h.to_string());
            }
        }
    }
    for s in doc.select(&LD_JSON) {
        if !s.value().attr("type").is_some_and(|t| t.to_ascii_lowercase().contains("ld+json")) {
            continue;
        }
        let json: String = s.text().collect();
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(json.trim()) {
            let mut budget = 2000;
            json_ld(&v, 0, &mut budget, &mut titles[1], &mut outlets[1], &mut urls[2], &mut dates[1]);
        }
    }
    if let Some(t) = doc.select(&TIME).find_map(|t| t.value().attr("datetime").and_then(parse_date)) {
        dates[3] = Some(t);
    }
    page.outlet = outlets.into_iter().flatten().next();
    page.url = urls.into_iter().flatten().find(|u| is_absolute(u));
    page.published = dates.into_iter().flatten().next();
    page.title = titles.into_iter().flatten().next().or_else(|| {
        let t = collapse(&doc.select(&TITLE).next()?.text().collect::<String>());
        let t = strip_outlet(&t, page.outlet.as_deref());
        (!t.is_empty()).then_some(t)
    });
    page
}

fn set(slot: &mut Option<String>, v: String) {
    if slot.is_none() {
        *slot = Some(v);
    }
}

fn set_date(slot: &mut Option<Date>, v: &str) {
    if slot.is_none() {
        *slot = parse_date(v);
    }
}

fn is_absolute(u: &str) -> bool {
    u.starts_with("http://") || u.starts_with("https://")
}

/// `"Minister resigns | The Daily Wire"` less the outlet name.
fn strip_outlet(title: &str, outlet: Option<&str>) -> String {
    if let Some(o) = outlet {
        for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
            if let Some((head, tail)) = title.rsplit_once(sep) {
                if tail.trim().eq_ignore_ascii_case(o.trim()) {
                    return head.trim().to_string();
                }
            }
            if let Some((head, tail)) = title.split_once(sep) {
                if head.trim().eq_ignore_ascii_case(o.trim()) {
                    return tail.trim().to_string();
                }
            }
        }
    }
    title.to_string()
}

#[allow(clippy::too_many_arguments)]
fn json_ld(
    v: &serde_json::Value,
    depth: usize,
    budget: &mut usize,
    title: &mut Option<String>,
    outlet: &mut Option<String>,
    url: &mut Option<String>,
    date: &mut Option<Date>,
) {
    use serde_json::Value;
    if depth > 8 || *budget == 0 {
        return;
    }
    *budget -= 1;
    match v {
        Value::Array(items) => {
            for i in items {
                json_ld(i, depth + 1, budget, title, outlet, url, date);
            }
        }
        Value::Object(o) => {
            let typ =
                |t: &Value| t.as_str().is_some_and(|s| s.ends_with("Article") || s == "BlogPosting" || s == "Report");
            let is_article = o.get("@type").is_some_and(|t| typ(t) || t.as_array().is_some_and(|a| a.iter().any(typ)))
                || o.contains_key("datePublished");
            if is_article {
                if let Some(d) = o.get("datePublished").and_then(Value::as_str) {
                    set_date(date, d);
                }
                if let Some(h) = o.get("headline").and_then(Value::as_str).map(collapse).filter(|h| !h.is_empty()) {
                    set(title, h);
                }
                let publisher = o.get("publisher").map(|p| p.as_array().and_then(|a| a.first()).unwrap_or(p));
                if let Some(n) = publisher.and_then(|p| p.get("name")).and_then(Value::as_str).map(collapse) {
                    if !n.is_empty() {
                        set(outlet, n);
                    }
                }
                let u = o.get("url").and_then(Value::as_str).or_else(|| {
                    let m = o.get("mainEntityOfPage")?;
                    m.as_str().or_else(|| m.get("@id").and_then(Value::as_str))
                });
                if let Some(u) = u.filter(|u| is_absolute(u)) {
                    set(url, u.to_string());
                }
            }
            for (k, child) in o {
                if k == "@graph" || child.is_object() || child.is_array() {
                    json_ld(child, depth + 1, budget, title, outlet, url, date);
                }
            }
        }
        _ => {}
    }
}

/// Parses a date in the forms pages use: ISO 8601 (`2015-10-07`, `2015-10-07T09:00:00Z`,
/// `2015/10/07`), `20151007`, or with a month name (`Wed, 07 Oct 2015 09:00 GMT`, `October 7, 2015`).
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if let Ok(d) = Date::parse(s) {
        return Some(d);
    }
    let b = s.as_bytes();
    if b.len() >= 10 && b[..4].iter().all(u8::is_ascii_digit) && (b[4] == b'/' || b[4] == b'.') && b[7] == b[4] {
        let iso = s.get(..10)?.replace(['/', '.'], "-");
        return Date::parse(&iso).ok();
    }
    if b.len() >= 8 && b[..8].iter().all(u8::is_ascii_digit) && b.get(8).is_none_or(|c| !c.is_ascii_digit()) {
        let (y, m, d) = (s[..4].parse().ok()?, s[4..6].parse().ok()?, s[6..8].parse().ok()?);
        return Date::new(y, m, d);
    }
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let (mut year, mut month, mut day) = (None, None, None);
    for tok in s.split(|c: char| !c.is_ascii_alphanumeric()).filter(|t| !t.is_empty()).take(8) {
        let lower = tok.to_ascii_lowercase();
        if tok.len() == 4 && tok.bytes().all(|c| c.is_ascii_digit()) && year.is_none() {
            year = tok.parse::<i32>().ok();
        } else if tok.len() <= 2 && tok.bytes().all(|c| c.is_ascii_digit()) && day.is_none() {
            day = tok.parse::<u8>().ok();
        } else if lower.len() >= 3 && month.is_none() {
            month = MONTHS.iter().position(|m| lower.starts_with(m)).map(|i| i as u8 + 1);
        }
    }
    Date::new(year?, month?, day?)
}

/// The element holding the article.
fn container(doc: &Html) -> Option<ElementRef<'_>> {
    if let Some(e) = doc.select(&ARTICLE_BODY).next() {
        return Some(e);
    }
    let mut best: Option<(usize, ElementRef<'_>)> = None;
    for a in doc.select(&ARTICLE).take(50) {
        let score: usize = a.select(&P).take(500).map(|p| p.text().map(str::len).sum::<usize>()).sum();
        if score > 0 && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, a));
        }
    }
    if let Some((_, a)) = best {
        return Some(a);
    }
    doc.select(&MAIN).next()
}

/// Elements dropped with their content.
fn is_boilerplate_tag(name: &str) -> bool {
    matches!(
        name,
        "nav"
            | "header"
            | "footer"
            | "aside"
            | "script"
            | "style"
            | "noscript"
            | "form"
            | "button"
            | "iframe"
            | "svg"
            | "template"
            | "select"
            | "textarea"
            | "input"
            | "label"
            | "figure"
            | "figcaption"
            | "object"
            | "embed"
            | "video"
            | "audio"
            | "canvas"
            | "map"
            | "dialog"
            | "menu"
            | "head"
            | "h1"
    )
}

/// Words in a class or id that mark a block as boilerplate.
fn is_boilerplate_word(w: &str) -> bool {
    matches!(
        w,
        "share"
            | "sharing"
            | "social"
            | "related"
            | "cookie"
            | "cookies"
            | "consent"
            | "gdpr"
            | "newsletter"
            | "subscribe"
            | "subscription"
            | "signup"
            | "advert"
            | "advertisement"
            | "ad"
            | "ads"
            | "adslot"
            | "sponsor"
            | "sponsored"
            | "promo"
            | "comments"
            | "comment"
            | "disqus"
            | "breadcrumb"
            | "breadcrumbs"
            | "sidebar"
            | "footer"
            | "header"
            | "masthead"
            | "nav"
            | "navbar"
            | "navigation"
            | "menu"
            | "popup"
            | "modal"
            | "banner"
            | "recommended"
            | "recirculation"
            | "trending"
            | "outbrain"
            | "taboola"
            | "paywall"
            | "byline"
            | "dateline"
            | "timestamp"
            | "author"
            | "toolbar"
    )
}

fn is_boilerplate(e: &scraper::node::Element) -> bool {
    if is_boilerplate_tag(e.name()) || e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(role) = e.attr("role") {
        if matches!(
            role.trim().to_ascii_lowercase().as_str(),
            "navigation" | "banner" | "contentinfo" | "complementary" | "menu" | "menubar" | "dialog" | "search"
        ) {
            return true;
        }
    }
    let words = |s: &str| {
        s.split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| !w.is_empty() && is_boilerplate_word(&w.to_ascii_lowercase()))
    };
    e.attr("class").is_some_and(words) || e.id().is_some_and(words)
}

/// Elements that start and end a paragraph.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "br"
            | "hr"
            | "body"
            | "address"
            | "center"
    )
}

/// Gathers paragraphs.
struct Paragraphs {
    out: String,
    cur: String,
    /// Characters of `cur` inside links.
    link_chars: usize,
    link_depth: usize,
}

impl Paragraphs {
    fn push_text(&mut self, t: &str) {
        let mut words = t.split_whitespace().peekable();
        if words.peek().is_none() {
            if !t.is_empty() && !self.cur.is_empty() && !self.cur.ends_with(' ') {
                self.cur.push(' ');
            }
            return;
        }
        if t.starts_with(char::is_whitespace) && !self.cur.is_empty() && !self.cur.ends_with(' ') {
            self.cur.push(' ');
        }
        let mut first = true;
        for w in words {
            if !first {
                self.cur.push(' ');
            }
            first = false;
            self.cur.push_str(w);
            if self.link_depth > 0 {
                self.link_chars += w.len();
            }
        }
        if t.ends_with(char::is_whitespace) {
            self.cur.push(' ');
        }
    }

    fn flush(&mut self) {
        let para = self.cur.trim();
        let chars = para.len();
        // Paragraphs that are mostly link text are navigation ("Read more: ...").
        if chars > 0 && self.link_chars * 2 <= chars {
            if !self.out.is_empty() {
                self.out.push_str("\n\n");
            }
            self.out.push_str(para);
        }
        self.cur.clear();
        self.link_chars = 0;
    }
}

/// The paragraphs under `root`, boilerplate dropped.
fn text_of(root: ElementRef<'_>) -> String {
    use ego_tree::iter::Edge;
    let mut p = Paragraphs { out: String::new(), cur: String::new(), link_chars: 0, link_depth: 0 };
    let mut skip = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skip.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Element(e) => {
                        if node.id() != root.id() && is_boilerplate(e) {
                            skip = Some(node.id());
                            continue;
                        }
                        if is_block(e.name()) {
                            p.flush();
                        }
                        if e.name() == "a" {
                            p.link_depth += 1;
                        }
                    }
                    Node::Text(t) => p.push_text(t),
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some(id) = skip {
                    if id == node.id() {
                        skip = None;
                    }
                    continue;
                }
                if let Node::Element(e) = node.value() {
                    if is_block(e.name()) {
                        p.flush();
                    }
                    if e.name() == "a" {
                        p.link_depth = p.link_depth.saturating_sub(1);
                    }
                }
            }
        }
    }
    p.flush();
    p.out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_table() {
        let cases = [
            ("2015-10-07", Some((2015, 10, 7))),
            ("2015-10-07T09:30:00+02:00", Some((2015, 10, 7))),
            (" 2015/10/07 ", Some((2015, 10, 7))),
            ("2015.10.07", Some((2015, 10, 7))),
            ("20151007", Some((2015, 10, 7))),
            ("Wed, 07 Oct 2015 09:00:00 GMT", Some((2015, 10, 7))),
            ("October 7, 2015", Some((2015, 10, 7))),
            ("7 October 2015 10:30", Some((2015, 10, 7))),
            ("2015-02-30", None),
            ("yesterday", None),
            ("", None),
            ("12345678901", None),
        ];
        for (s, want) in cases {
            assert_eq!(parse_date(s), want.and_then(|(y, m, d)| Date::new(y, m, d)), "{s}");
        }
    }

    #[test]
    fn title_outlet_suffix_table() {
        let cases = [
            ("Flood wall approved | The Ledger", Some("The Ledger"), "Flood wall approved"),
            ("The Ledger - Flood wall approved", Some("the ledger"), "Flood wall approved"),
            ("Flood wall approved - Harbor news", Some("The Ledger"), "Flood wall approved - Harbor news"),
            ("Flood wall approved | The Ledger", None, "Flood wall approved | The Ledger"),
        ];
        for (t, o, want) in cases {
            assert_eq!(strip_outlet(t, o), want, "{t}");
        }
    }

    #[test]
    fn depth_table() {
        let deep = "<div>".repeat(MAX_DEPTH + 1);
        let cases = [
            (deep.as_str(), true),
            (&*"<div></div>".repeat(5000), false),
            (&*"<p>unclosed<li>item<br><img src=x>".repeat(5000), false),
            (&*"<span/>".repeat(5000), false),
            (&*format!("<script>{}</script>", "<div>".repeat(5000)), false),
            (&*format!("<!--{}-->", "<div>".repeat(5000)), false),
            ("a < b and c <3 d", false),
            ("<", false),
        ];
        for (html, want) in cases {
            assert_eq!(too_deep(html), want, "{}", &html[..html.len().min(40)]);
        }
    }

    #[test]
    fn decode_table() {
        assert_eq!(decode("caf\u{e9}".as_bytes(), None), ("caf\u{e9}".to_string(), None));
        assert_eq!(decode(b"\xef\xbb\xbfhi", None).0, "hi");
        assert_eq!(
            decode(b"caf\xe9 \x93ok\x94", Some("iso-8859-1")),
            ("caf\u{e9} \u{201c}ok\u{201d}".to_string(), None)
        );
        let (t, w) = decode(b"<meta charset=\"windows-1252\">caf\xe9", None);
        assert!(t.ends_with("caf\u{e9}") && w.is_none());
        let (t, w) = decode(b"caf\xe9", None);
        assert_eq!(t, "caf\u{e9}");
        assert!(w.is_some());
        let (_, w) = decode(b"\x82\xa0", Some("shift_jis"));
        assert!(w.unwrap().contains("shift_jis"));
    }

    #[test]
    fn fragments_table() {
        let cases = [
            ("<p>One.</p><p>Two <b>bold</b>.</p>", "One.\n\nTwo bold."),
            ("Plain   text\n here", "Plain text here"),
            ("<p>Kept.</p><div class=\"share-bar\">Share</div><script>x()</script>", "Kept."),
            (
                "<p><a href=\"/x\">Only a link here</a></p><p>Text with <a href=\"/y\">a link</a> inside it.</p>",
                "Text with a link inside it.",
            ),
            ("a&amp;b", "a&b"),
            ("", ""),
        ];
        for (html, want) in cases {
            assert_eq!(fragment_text(html), want, "{html}");
        }
    }

    #[test]
    fn boilerplate_words_are_whole_words() {
        let page = |class: &str| {
            format!("<html><body><div class=\"{class}\"><p>The council said the budget was balanced this year.</p></div></body></html>")
        };
        for (class, kept) in [
            ("story-body", true),
            ("shareholders", true),
            ("header-image", false),
            ("social-links", false),
            ("loaded", true),
            ("ad-slot", false),
        ] {
            assert_eq!(!extract(&page(class)).text.is_empty(), kept, "{class}");
        }
    }
}
