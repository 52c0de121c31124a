//! JSON Lines: one article a line, streamed.

use std::io::{BufRead, Read};

use claimtrail_core::{Date, Meta};

use crate::{Article, Input, Locator, Origin, Rejected, Source};

#[derive(serde::Deserialize)]
struct JsonArticle {
    id: Option<serde_json::Value>,
    text: Option<String>,
    published: Option<String>,
    title: Option<String>,
    outlet: Option<String>,
    url: Option<String>,
}

/// Reads a JSON Lines input line by line.
pub(crate) struct Reader {
    path: String,
    stem: String,
    input: Input,
    line: usize,
    max: usize,
    done: bool,
}

impl Reader {
    pub(crate) fn new(input: Input, path: String, stem: String, max: usize) -> Reader {
        Reader { path, stem, input, line: 0, max, done: false }
    }
}

impl Source for Reader {
    fn next_pending(&mut self) -> Option<crate::Pending> {
        self.next_item().map(crate::Pending::from)
    }
}

impl Reader {
    pub(crate) fn next_item(&mut self) -> Option<Result<Article, Rejected>> {
        // A line longer than this cannot hold an acceptable article (JSON escapes at most double
        // the text, plus the other fields).
        let cap = self.max.saturating_mul(2).saturating_add(64 * 1024);
        while !self.done {
            self.line += 1;
            let origin = Origin { path: self.path.clone(), locator: Some(Locator::Line(self.line)) };
            let mut buf = Vec::new();
            let n = match (&mut self.input).take(cap as u64 + 1).read_until(b'\n', &mut buf) {
                Ok(n) => n,
                Err(e) => {
                    self.done = true;
                    return Some(Err(Rejected::new(origin, format!("read error: {e}"))));
                }
            };
            if n == 0 {
                self.done = true;
                return None;
            }
            if buf.len() > cap {
                // Skip the rest of the line without keeping it.
                let mut skipped = buf.len();
                loop {
                    let (found, used) = match self.input.fill_buf() {
                        Ok([]) | Err(_) => (true, 0),
                        Ok(b) => match b.iter().position(|&c| c == b'\n') {
                            Some(i) => (true, i + 1),
                            None => (false, b.len()),
                        },
                    };
                    self.input.consume(used);
                    skipped += used;
                    if found {
                        break;
                    }
                }
                return Some(Err(Rejected::new(
                    origin,
                    format!("line is {skipped} bytes, more than the article limit (see --max-bytes)"),
                )));
            }
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let line = match String::from_utf8(buf) {
                Ok(l) => l,
                Err(e) => {
                    let at = e.utf8_error().valid_up_to();
                    return Some(Err(Rejected::new(origin, format!("invalid UTF-8 at byte {at}"))));
                }
            };
            return Some(parse(&line, origin, &self.stem, self.max));
        }
        None
    }
}

/// Parses one JSON line into an article.
pub(crate) fn parse(line: &str, origin: Origin, stem: &str, max: usize) -> Result<Article, Rejected> {
    let ja: JsonArticle =
        serde_json::from_str(line).map_err(|e| Rejected::new(origin.clone(), format!("not a JSON article: {e}")))?;
    let id = match ja.id {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        Some(_) => return Err(Rejected::new(origin, "\"id\" must be a string or number")),
        None => match origin.locator {
            Some(Locator::Line(l)) => format!("{stem}:{l}"),
            _ => stem.to_string(),
        },
    };
    let Some(text) = ja.text else {
        return Err(Rejected::doc(origin, id, "missing \"text\""));
    };
    if text.len() > max {
        return Err(Rejected::doc(
            origin,
            id,
            format!("article is {} bytes, more than the limit of {max} (see --max-bytes)", text.len()),
        ));
    }
    let mut warnings = Vec::new();
    let published = ja.published.as_deref().filter(|s| !s.trim().is_empty()).and_then(|s| match Date::parse(s) {
        Ok(d) => Some(d),
        Err(e) => {
            warnings.push(format!("{e}; relative dates are left unanchored"));
            None
        }
    });
    Ok(Article {
        origin,
        meta: Meta { id, title: ja.title, outlet: ja.outlet, url: ja.url, published, language: None },
        text,
        warnings,
    })
}

/// Parses one article sent alone as a JSON object (an HTTP request body), with the rules of a
/// JSON line of `ingest`: `text` required, `id` a string or number; a missing or empty `id`
/// becomes `text-` and a 64-bit hex digest of the text, so the same text sent twice without an
/// id is the same article.
///
/// # Errors
/// Not a JSON object with a `text`, a bad `id`, or a text over `max_bytes`.
pub fn parse_json_article(body: &str, max_bytes: usize) -> Result<Article, Rejected> {
    let mut article = parse(body, Origin::file("request body"), "", max_bytes)?;
    if article.meta.id.is_empty() {
        article.meta.id = format!("text-{:016x}", fnv1a(article.text.as_bytes()));
    }
    Ok(article)
}

/// FNV-1a, 64 bits: a stable digest for default ids (not for security).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origin() -> Origin {
        Origin { path: "x.jsonl".into(), locator: Some(Locator::Line(3)) }
    }

    #[test]
    fn json_lines_table() {
        let cases: &[(&str, Result<&str, &str>)] = &[
            (r#"{"id":"a","text":"Hi."}"#, Ok("a")),
            (r#"{"id":7,"text":"Hi."}"#, Ok("7")),
            (r#"{"text":"Hi."}"#, Ok("x:3")),
            (r#"{"id":"a"}"#, Err("missing \"text\"")),
            (r#"{"id":"a","text":"#, Err("not a JSON article")),
            (r#"[1,2]"#, Err("not a JSON article")),
            (r#"{"id":[1],"text":"x"}"#, Err("must be a string")),
        ];
        for (line, want) in cases {
            let got = parse(line, origin(), "x", 1000);
            match (got, want) {
                (Ok(a), Ok(id)) => assert_eq!(a.meta.id, *id, "{line}"),
                (Err(e), Err(msg)) => assert!(e.message.contains(msg), "{line}: {}", e.message),
                (got, want) => panic!("{line}: got {got:?}, want {want:?}"),
            }
        }
    }

    #[test]
    fn one_json_article_table() {
        let cases: &[(&str, Result<&str, &str>)] = &[
            (r#"{"id":"a","text":"Hi."}"#, Ok("a")),
            (r#"{"id":12,"text":"Hi."}"#, Ok("12")),
            (r#"{"text":"Hi."}"#, Ok("text-")),
            (r#"{"id":"","text":"Hi."}"#, Ok("text-")),
            (r#"{"id":"a"}"#, Err("missing \"text\"")),
            (r#""text""#, Err("not a JSON article")),
            (r#"{"id":"a","text":"0123456789A"}"#, Err("more than the limit")),
        ];
        for (body, want) in cases {
            match (parse_json_article(body, 10), want) {
                (Ok(a), Ok(id)) => assert!(a.meta.id.starts_with(id), "{body}: {}", a.meta.id),
                (Err(e), Err(msg)) => assert!(e.message.contains(msg), "{body}: {}", e.message),
                (got, want) => panic!("{body}: got {got:?}, want {want:?}"),
            }
        }
        let a = parse_json_article(r#"{"text":"Hi."}"#, 10).unwrap();
        let b = parse_json_article(r#"{"text":"Hi.","title":"t"}"#, 10).unwrap();
        let c = parse_json_article(r#"{"text":"Ho."}"#, 10).unwrap();
        assert_eq!(a.meta.id, b.meta.id);
        assert_ne!(a.meta.id, c.meta.id);
        assert_eq!(a.meta.id.len(), "text-".len() + 16);
    }

    #[test]
    fn bad_date_is_a_warning_not_a_loss() {
        let a = parse(r#"{"id":"a","text":"Hi.","published":"yesterday"}"#, origin(), "x", 1000).unwrap();
        assert_eq!(a.meta.published, None);
        assert_eq!(a.warnings.len(), 1);
    }

    #[test]
    fn too_large_is_rejected_with_id() {
        let e = parse(r#"{"id":"big","text":"0123456789"}"#, origin(), "x", 5).unwrap_err();
        assert_eq!(e.doc.as_deref(), Some("big"));
        assert!(e.to_string().contains("x.jsonl:3"));
    }

    #[test]
    fn overlong_line_is_skipped_and_reading_goes_on() {
        let data = format!("{{\"id\":\"a\",\"text\":\"{}\"}}\n{{\"id\":\"b\",\"text\":\"ok\"}}\n", "x".repeat(100_000));
        let input: Input = Box::new(std::io::Cursor::new(data.into_bytes()));
        let mut r = Reader::new(input, "x.jsonl".into(), "x".into(), 10);
        let first = r.next_item().unwrap().unwrap_err();
        assert!(first.message.contains("more than the article limit"), "{first}");
        assert_eq!(r.next_item().unwrap().unwrap().meta.id, "b");
        assert!(r.next_item().is_none());
    }
}
