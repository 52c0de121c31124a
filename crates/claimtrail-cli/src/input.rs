//! Reading articles from `.txt` files, JSON Lines files and standard input, one at a time.
//!
//! Every article or failure carries its [`Origin`] (path and line), so a bad line is reported
//! precisely and skipped while the rest of the batch goes on.

use std::fmt;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use claimtrail_core::{Date, Meta};

/// Where an article came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// File path, or `-` for standard input.
    pub path: String,
    /// 1-based line for JSON Lines input.
    pub line: Option<usize>,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}", self.path, l),
            None => write!(f, "{}", self.path),
        }
    }
}

/// One article ready for analysis.
#[derive(Debug, Clone)]
pub struct Article {
    /// Where it came from.
    pub origin: Origin,
    /// Metadata.
    pub meta: Meta,
    /// Text.
    pub text: String,
    /// Non-fatal remarks about the input (an unreadable date, ...).
    pub warnings: Vec<String>,
}

/// An input that could not be turned into an article.
#[derive(Debug, Clone)]
pub struct InputError {
    /// Where.
    pub origin: Origin,
    /// Document id, when known.
    pub doc: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.doc {
            Some(d) => write!(f, "{}: document {:?}: {}", self.origin, d, self.message),
            None => write!(f, "{}: {}", self.origin, self.message),
        }
    }
}

/// How to read an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// By extension: `.jsonl`/`.ndjson` are JSON Lines, anything else plain text.
    Auto,
    /// One article per file.
    Txt,
    /// One JSON object per line.
    Jsonl,
}

/// Metadata given on the command line for plain-text input.
#[derive(Debug, Clone, Default)]
pub struct TxtMeta {
    /// Publication date.
    pub published: Option<Date>,
    /// Title.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
}

/// Options for reading.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Format.
    pub format: InputFormat,
    /// Metadata for `.txt` input.
    pub txt_meta: TxtMeta,
    /// Largest article accepted, in bytes.
    pub max_bytes: usize,
}

#[derive(serde::Deserialize)]
struct JsonArticle {
    id: Option<serde_json::Value>,
    text: Option<String>,
    published: Option<String>,
    title: Option<String>,
    outlet: Option<String>,
    url: Option<String>,
}

/// A stream of articles and failures from a list of paths, in order.
pub struct Articles {
    paths: std::vec::IntoIter<PathBuf>,
    opts: ReadOptions,
    current: Option<JsonlReader>,
}

struct JsonlReader {
    path: String,
    stem: String,
    reader: Box<dyn BufRead>,
    line: usize,
}

/// Reads `paths` (`-` is standard input) as a stream of articles.
pub fn articles(paths: Vec<PathBuf>, opts: ReadOptions) -> Articles {
    Articles { paths: paths.into_iter(), opts, current: None }
}

fn stem_of(path: &Path) -> String {
    path.file_stem().map_or_else(|| "stdin".to_string(), |s| s.to_string_lossy().into_owned())
}

fn is_jsonl(path: &Path, format: InputFormat) -> bool {
    match format {
        InputFormat::Jsonl => true,
        InputFormat::Txt => false,
        InputFormat::Auto => {
            path.extension().is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"))
        }
    }
}

fn utf8_error(bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        format!("invalid UTF-8 at byte {at}")
    })
}

impl Articles {
    fn open(&mut self, path: PathBuf) -> Option<Result<Article, InputError>> {
        let shown = path.display().to_string();
        let origin = Origin { path: shown.clone(), line: None };
        let err = |message: String| Some(Err(InputError { origin: origin.clone(), doc: None, message }));
        let is_stdin = shown == "-";
        if is_jsonl(&path, self.opts.format) {
            let reader: Box<dyn BufRead> = if is_stdin {
                Box::new(BufReader::new(std::io::stdin()))
            } else {
                match File::open(&path) {
                    Ok(f) => Box::new(BufReader::with_capacity(1 << 16, f)),
                    Err(e) => return err(format!("cannot open: {e}")),
                }
            };
            self.current = Some(JsonlReader { path: shown, stem: stem_of(&path), reader, line: 0 });
            return None;
        }
        let id = if is_stdin { "stdin".to_string() } else { stem_of(&path) };
        let bytes = if is_stdin {
            let mut b = Vec::new();
            if let Err(e) = std::io::stdin().take(self.opts.max_bytes as u64 + 1).read_to_end(&mut b) {
                return err(format!("cannot read standard input: {e}"));
            }
            b
        } else {
            match std::fs::metadata(&path) {
                Ok(m) if m.is_dir() => return err("is a directory".to_string()),
                Ok(m) if m.len() as usize > self.opts.max_bytes => {
                    return Some(Err(InputError {
                        origin,
                        doc: Some(id),
                        message: format!(
                            "article is {} bytes, more than the limit of {} (see --max-bytes)",
                            m.len(),
                            self.opts.max_bytes
                        ),
                    }))
                }
                Ok(_) => {}
                Err(e) => return err(format!("cannot open: {e}")),
            }
            match std::fs::read(&path) {
                Ok(b) => b,
                Err(e) => return err(format!("cannot read: {e}")),
            }
        };
        if bytes.len() > self.opts.max_bytes {
            return Some(Err(InputError {
                origin,
                doc: Some(id),
                message: format!("article is more than the limit of {} bytes (see --max-bytes)", self.opts.max_bytes),
            }));
        }
        let text = match utf8_error(bytes) {
            Ok(t) => t,
            Err(m) => return Some(Err(InputError { origin, doc: Some(id), message: m })),
        };
        let m = &self.opts.txt_meta;
        Some(Ok(Article {
            origin,
            meta: Meta {
                id,
                title: m.title.clone(),
                outlet: m.outlet.clone(),
                published: m.published,
                ..Meta::default()
            },
            text,
            warnings: Vec::new(),
        }))
    }
}

impl JsonlReader {
    fn next(&mut self, max_bytes: usize) -> Option<Result<Article, InputError>> {
        loop {
            let mut buf = Vec::new();
            self.line += 1;
            let origin = Origin { path: self.path.clone(), line: Some(self.line) };
            match self.reader.read_until(b'\n', &mut buf) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => return Some(Err(InputError { origin, doc: None, message: format!("read error: {e}") })),
            }
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            if buf.len() > max_bytes.saturating_mul(2).saturating_add(4096) {
                return Some(Err(InputError {
                    origin,
                    doc: None,
                    message: format!("line is {} bytes, more than the article limit (see --max-bytes)", buf.len()),
                }));
            }
            let line = match utf8_error(buf) {
                Ok(l) => l,
                Err(m) => return Some(Err(InputError { origin, doc: None, message: m })),
            };
            return Some(parse_json_article(&line, origin, &self.stem, max_bytes));
        }
    }
}

fn parse_json_article(line: &str, origin: Origin, stem: &str, max_bytes: usize) -> Result<Article, InputError> {
    let ja: JsonArticle = serde_json::from_str(line).map_err(|e| InputError {
        origin: origin.clone(),
        doc: None,
        message: format!("not a JSON article: {e}"),
    })?;
    let id = match ja.id {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        Some(_) => return Err(InputError { origin, doc: None, message: "\"id\" must be a string or number".into() }),
        None => format!("{stem}:{}", origin.line.unwrap_or(0)),
    };
    let Some(text) = ja.text else {
        return Err(InputError { origin, doc: Some(id), message: "missing \"text\"".into() });
    };
    if text.len() > max_bytes {
        return Err(InputError {
            origin,
            doc: Some(id),
            message: format!("article is {} bytes, more than the limit of {max_bytes} (see --max-bytes)", text.len()),
        });
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

impl Iterator for Articles {
    type Item = Result<Article, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(cur) = &mut self.current {
                match cur.next(self.opts.max_bytes) {
                    Some(item) => return Some(item),
                    None => self.current = None,
                }
            }
            let path = self.paths.next()?;
            if let Some(item) = self.open(path) {
                return Some(item);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origin() -> Origin {
        Origin { path: "x.jsonl".into(), line: Some(3) }
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
            let got = parse_json_article(line, origin(), "x", 1000);
            match (got, want) {
                (Ok(a), Ok(id)) => assert_eq!(a.meta.id, *id, "{line}"),
                (Err(e), Err(msg)) => assert!(e.message.contains(msg), "{line}: {}", e.message),
                (got, want) => panic!("{line}: got {got:?}, want {want:?}"),
            }
        }
    }

    #[test]
    fn bad_date_is_a_warning_not_a_loss() {
        let a = parse_json_article(r#"{"id":"a","text":"Hi.","published":"yesterday"}"#, origin(), "x", 1000).unwrap();
        assert_eq!(a.meta.published, None);
        assert_eq!(a.warnings.len(), 1);
    }

    #[test]
    fn too_large_is_rejected_with_id() {
        let e = parse_json_article(r#"{"id":"big","text":"0123456789"}"#, origin(), "x", 5).unwrap_err();
        assert_eq!(e.doc.as_deref(), Some("big"));
        assert!(e.to_string().contains("x.jsonl:3"));
    }
}
