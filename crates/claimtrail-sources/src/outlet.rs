//! The outlet of an article that names none: the site it was published on, from its URL.
//!
//! News data often carries a URL but no outlet (feeds, crawls, Wikinews dumps). Without an
//! outlet the article's own voice and its quotes hang on no publisher, and the source network
//! has no "published in" edges. The registrable domain of the URL's host is an honest stand-in:
//! `https://edition.cnn.com/...` -> `cnn.com`, `http://en.wikinews.org/...` -> `wikinews.org`,
//! `https://www.bbc.co.uk/...` -> `bbc.co.uk`. Hosts that are addresses or single labels
//! (`localhost`, `10.0.0.1`) give none.

/// Second-level labels under which registrations sit one level deeper (`bbc.co.uk`).
const SECOND_LEVEL: &[&str] = &["co", "com", "org", "net", "ac", "gov", "edu", "or", "ne", "go", "gob", "nic"];

/// The registrable domain of an http(s) URL's host, lowercased, if it has one.
pub fn outlet_from_url(url: &str) -> Option<String> {
    let url = url.trim();
    let rest = strip_prefix_ci(url, "https://").or_else(|| strip_prefix_ci(url, "http://"))?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?;
    let host = host.split(':').next()?.trim_end_matches('.').to_ascii_lowercase();
    if host.is_empty() || host.starts_with('[') || !host.contains('.') {
        return None;
    }
    if host.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None; // an IPv4 address
    }
    if !host.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-') || host.contains("..") {
        return None;
    }
    let labels: Vec<&str> = host.split('.').collect();
    let n = labels.len();
    let keep = if labels[n - 1].len() == 2 && SECOND_LEVEL.contains(&labels[n - 2]) { 3 } else { 2 };
    if n < keep {
        return None;
    }
    Some(labels[n - keep..].join("."))
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| &s[prefix.len()..])
}

/// Fills a missing outlet from the URL (see the module docs).
pub(crate) fn fill(meta: &mut claimtrail_core::Meta) {
    let missing = meta.outlet.as_deref().is_none_or(|o| o.trim().is_empty());
    if missing {
        if let Some(o) = meta.url.as_deref().and_then(outlet_from_url) {
            meta.outlet = Some(o);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registrable_domain_of_news_urls() {
        for (url, want) in [
            ("http://en.wikinews.org/wiki/Boeing_pushes_back", Some("wikinews.org")),
            ("https://edition.cnn.com/2015/10/07/world/x.html", Some("cnn.com")),
            ("https://www.bbc.co.uk/news/world-34465380", Some("bbc.co.uk")),
            ("https://www.smh.com.au/world/x", Some("smh.com.au")),
            ("HTTPS://WWW.Reuters.COM/article?id=1#top", Some("reuters.com")),
            ("https://user:pw@tass.ru:8443/politika/1", Some("tass.ru")),
            ("https://ria.ru", Some("ria.ru")),
            ("https://example.com.", Some("example.com")),
            ("https://co.uk/", None),
            ("http://localhost:8080/a", None),
            ("http://10.0.0.1/a", None),
            ("http://[::1]/a", None),
            ("ftp://example.com/a", None),
            ("javascript:alert(1)", None),
            ("not a url", None),
            ("", None),
            ("https://exa mple.com/", None),
            ("https://a..b.com/", None),
        ] {
            assert_eq!(outlet_from_url(url).as_deref(), want, "{url:?}");
        }
    }

    #[test]
    fn fills_only_a_missing_outlet() {
        let mut m = claimtrail_core::Meta { url: Some("https://www.rferl.org/a/x.html".into()), ..Default::default() };
        fill(&mut m);
        assert_eq!(m.outlet.as_deref(), Some("rferl.org"));
        let mut m = claimtrail_core::Meta {
            url: Some("https://www.rferl.org/a/x.html".into()),
            outlet: Some("RFE/RL".into()),
            ..Default::default()
        };
        fill(&mut m);
        assert_eq!(m.outlet.as_deref(), Some("RFE/RL"));
        let mut m = claimtrail_core::Meta { outlet: Some("  ".into()), ..Default::default() };
        fill(&mut m);
        assert_eq!(m.outlet.as_deref(), Some("  "), "no url: left as is");
    }
}
