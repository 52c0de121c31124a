//! Plain text: the whole file is one article, with an optional `NAME.meta` sidecar.

use std::io::Read;
use std::path::Path;

use claimtrail_core::{Date, Meta};

use crate::{stem_of, Article, Input, Origin, Rejected, TxtMeta};

/// Reads one text article of at most `max` bytes.
pub(crate) fn read(input: Input, path: &Path, origin: Origin, user: &TxtMeta, max: usize) -> Result<Article, Rejected> {
    let id = stem_of(path);
    let mut bytes = Vec::new();
    if let Err(e) = input.take(max as u64 + 1).read_to_end(&mut bytes) {
        return Err(Rejected::new(origin, format!("cannot read: {e}")));
    }
    if bytes.len() > max {
        return Err(Rejected::doc(
            origin,
            id,
            format!("article is more than the limit of {max} bytes (see --max-bytes)"),
        ));
    }
    let text = text_of(bytes).map_err(|m| Rejected::doc(origin.clone(), id.clone(), m))?;
    let mut warnings = Vec::new();
    let side = if path.as_os_str() == "-" { Sidecar::default() } else { sidecar(path, &mut warnings) };
    Ok(Article {
        origin,
        meta: Meta {
            id,
            title: user.title.clone().or(side.title),
            outlet: user.outlet.clone().or(side.outlet),
            url: side.url,
            published: user.published.or(side.published),
            language: None,
        },
        text,
        warnings,
    })
}

/// Checks that `bytes` are text: UTF-8 without NUL bytes.
pub(crate) fn text_of(bytes: Vec<u8>) -> Result<String, String> {
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(format!("binary file, not text (NUL byte at byte {at})"));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        format!("not UTF-8 text: invalid UTF-8 at byte {at}")
    })
}

#[derive(Debug, Default, PartialEq, Eq)]
struct Sidecar {
    title: Option<String>,
    outlet: Option<String>,
    url: Option<String>,
    published: Option<Date>,
}

/// Reads `NAME.meta` beside `NAME.txt`, when there is one.
fn sidecar(path: &Path, warnings: &mut Vec<String>) -> Sidecar {
    let side = path.with_extension("meta");
    match std::fs::metadata(&side) {
        Ok(m) if m.is_file() && m.len() <= 64 * 1024 => {}
        _ => return Sidecar::default(),
    }
    match std::fs::read_to_string(&side) {
        Ok(s) => parse_sidecar(&s, warnings),
        Err(e) => {
            warnings.push(format!("{}: cannot read: {e}", side.display()));
            Sidecar::default()
        }
    }
}

fn parse_sidecar(s: &str, warnings: &mut Vec<String>) -> Sidecar {
    let mut out = Sidecar::default();
    for line in s.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let (key, value) = match line.split_once(':') {
            Some((k, v)) if k.chars().all(|c| c.is_ascii_alphabetic() || c == '_') => {
                (k.trim().to_ascii_lowercase(), v.trim())
            }
            _ => ("published".to_string(), line),
        };
        let value = value.to_string();
        match key.as_str() {
            "published" | "date" => match Date::parse(&value) {
                Ok(d) => out.published = Some(d),
                Err(e) => warnings.push(format!("sidecar .meta: {e}; relative dates are left unanchored")),
            },
            "title" => out.title = Some(value),
            "outlet" => out.outlet = Some(value),
            "url" => out.url = Some(value),
            _ => warnings.push(format!("sidecar .meta: unknown key {key:?}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_checks_table() {
        let cases: &[(&[u8], Result<&str, &str>)] = &[
            (b"Hello.", Ok("Hello.")),
            (b"", Ok("")),
            (b"ab\0cd", Err("NUL byte at byte 2")),
            (b"ab\xe9cd", Err("invalid UTF-8 at byte 2")),
        ];
        for (bytes, want) in cases {
            match (text_of(bytes.to_vec()), want) {
                (Ok(t), Ok(w)) => assert_eq!(t, *w),
                (Err(e), Err(w)) => assert!(e.contains(w), "{e}"),
                (got, want) => panic!("{got:?} vs {want:?}"),
            }
        }
    }

    #[test]
    fn sidecar_table() {
        let mut w = Vec::new();
        let s = parse_sidecar("2015-10-07\n", &mut w);
        assert_eq!(s.published, Date::new(2015, 10, 7));
        let s = parse_sidecar("title: A: B\noutlet: Wire\nurl: https://x.org/a\n# note\n", &mut w);
        assert_eq!(s.title.as_deref(), Some("A: B"));
        assert_eq!(s.outlet.as_deref(), Some("Wire"));
        assert_eq!(s.url.as_deref(), Some("https://x.org/a"));
        assert!(w.is_empty(), "{w:?}");
        let s = parse_sidecar("published: soon\ncolour: red\n", &mut w);
        assert_eq!(s.published, None);
        assert_eq!(w.len(), 2);
    }
}
