//! RSS and Atom feeds: each entry an article.

use std::collections::VecDeque;

use claimtrail_core::Meta;
use feed_rs::model::{Entry, Text};

use crate::{html, Article, Locator, Origin, Rejected, Source};

/// Yields the entries of a parsed feed.
pub(crate) struct Reader {
    origin: Origin,
    outlet: Option<String>,
    entries: VecDeque<Entry>,
    index: usize,
    max: usize,
}

impl Reader {
    /// Parses a whole feed; a document that is not a feed is one [`Rejected`].
    pub(crate) fn new(bytes: &[u8], origin: Origin, max: usize) -> Result<Reader, Rejected> {
        // An entry without an id gets its link (feed-rs would make a random UUID as a last resort).
        let parser = feed_rs::parser::Builder::new()
            .id_generator(|links, _, _| links.first().map(|l| l.href.trim().to_string()).unwrap_or_default())
            .build();
        let feed =
            parser.parse(bytes).map_err(|e| Rejected::new(origin.clone(), format!("not an RSS or Atom feed: {e}")))?;
        let outlet = feed.title.as_ref().map(plain).filter(|t| !t.is_empty());
        Ok(Reader { origin, outlet, entries: feed.entries.into(), index: 0, max })
    }
}

/// A feed text as plain text (HTML stripped).
fn plain(t: &Text) -> String {
    to_text(&t.content)
}

fn to_text(s: &str) -> String {
    if html::too_deep(s) {
        // Too deep to parse in linear time: drop the tags.
        let mut out = String::with_capacity(s.len());
        let mut in_tag = false;
        for c in s.chars() {
            match c {
                '<' => in_tag = true,
                '>' if in_tag => {
                    in_tag = false;
                    out.push(' ');
                }
                _ if !in_tag => out.push(c),
                _ => {}
            }
        }
        return out.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    if s.contains('<') || s.contains('&') {
        html::fragment_text(s)
    } else {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

impl Source for Reader {
    fn next_pending(&mut self) -> Option<crate::Pending> {
        self.next_item().map(crate::Pending::from)
    }
}

impl Reader {
    pub(crate) fn next_item(&mut self) -> Option<Result<Article, Rejected>> {
        let e = self.entries.pop_front()?;
        self.index += 1;
        let origin = self.origin.at(Locator::Entry(self.index));
        let link = e.links.iter().find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate")).or(e.links.first());
        let url = link.map(|l| l.href.trim().to_string()).filter(|h| !h.is_empty());
        let id = if e.id.trim().is_empty() { url.clone().unwrap_or_else(|| origin.to_string()) } else { e.id.clone() };
        let deep = |t: &str| html::too_deep(t);
        let raw = [e.content.as_ref().and_then(|c| c.body.as_deref()), e.summary.as_ref().map(|t| t.content.as_str())];
        if raw.into_iter().flatten().any(deep) {
            return Some(Err(Rejected::doc(origin, id, html::TOO_DEEP)));
        }
        let content = e.content.as_ref().and_then(|c| c.body.as_deref()).map(to_text).filter(|t| !t.trim().is_empty());
        let text = match content.or_else(|| e.summary.as_ref().map(plain).filter(|t| !t.trim().is_empty())) {
            Some(t) => t,
            None => return Some(Err(Rejected::doc(origin, id, "feed entry has no content or summary"))),
        };
        if text.len() > self.max {
            return Some(Err(Rejected::doc(
                origin,
                id,
                format!("article is {} bytes, more than the limit of {} (see --max-bytes)", text.len(), self.max),
            )));
        }
        let published = e.published.or(e.updated).and_then(|d| crate::parse_date(&d.to_rfc3339()));
        Some(Ok(Article {
            origin,
            meta: Meta {
                id,
                title: e.title.as_ref().map(plain).filter(|t| !t.is_empty()),
                outlet: self.outlet.clone(),
                url,
                published,
                language: None,
            },
            text,
            warnings: Vec::new(),
        }))
    }
}
