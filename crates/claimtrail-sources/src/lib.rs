//! Reading news in the formats it comes in, streamed as articles ready for the pipeline.
//!
//! [`read`] takes paths (files, directories, `-` for standard input) and yields one
//! `Result<`[`Article`]`, `[`Rejected`]`>` per article or per failure, in input order. Nothing is
//! fatal: an unreadable file, a bad JSON line, a malformed WARC record each become one [`Rejected`]
//! naming the path and a [`Locator`] inside it, and reading goes on with the next item.
//!
//! # Formats
//!
//! | format | chosen by | one article is | id |
//! | --- | --- | --- | --- |
//! | [`Format::Txt`] | `.txt`, or `-` | the whole file | file stem |
//! | [`Format::Jsonl`] | `.jsonl`, `.ndjson` | one line: `{"id", "text", "title", "outlet", "url", "published"}` | `id`, else `stem:line` |
//! | [`Format::Html`] | `.html`, `.htm`, `.xhtml` | the page's main text | canonical URL, else file stem |
//! | [`Format::Feed`] | `.rss`, `.atom`, `.xml` (root `<rss>`, `<feed>`, `<rdf:RDF>`) | one feed entry | entry id (RSS guid / Atom id), else its link, else `path#n` |
//! | [`Format::Warc`] | `.warc`, `.warc.gz` | one `response` record with an HTML payload | `WARC-Target-URI` |
//!
//! HTML pages (files and WARC responses) lose their boilerplate as described in [`html`]; feed
//! entries are `content`, else `summary`, as text; a WARC page's URL is its `WARC-Target-URI`, its
//! date the page's own or else `WARC-Date`, its outlet the page's site name or else the host name.
//!
//! Files with another extension named on the command line are sniffed by their first bytes
//! (`WARC/1.`, gzip, `<rss`, `<feed`, `<html`, `{`), and read as text otherwise. In directories
//! (walked recursively, in sorted order) only files with the extensions above are read; hidden
//! files and directories (name starting with `.`) and symbolic links to directories are skipped.
//!
//! A `.txt` file may have a sidecar `NAME.meta` beside it: lines `title: ...`, `outlet: ...`,
//! `url: ...`, `published: YYYY-MM-DD`, or a bare `YYYY-MM-DD` line for the date. Metadata given
//! in [`TxtMeta`] (the command line) takes precedence over the sidecar.
//!
//! # Threads
//!
//! [`read`] extracts HTML on the thread that iterates. [`read_pending`] yields [`Pending`] items
//! instead, whose [`Pending::resolve`] does the extraction: read on one thread, resolve on a pool.
//! [`Articles::counts`] tells how many files were read and what was skipped.
//!
//! # Locators
//!
//! [`Origin`] displays as `path` (whole file), `path:3` (JSON Lines, 1-based line), `path#2` (feed
//! entry, 1-based), `path@1234` (WARC record). The WARC offset is a byte offset in the file as
//! stored: for `.warc` the offset of the record, for `.warc.gz` the offset of the gzip member in
//! which the record starts (with one record per member, as in Common Crawl, the record's own
//! offset, usable to seek).
//!
//! # Limits
//!
//! No big file is loaded whole: JSON Lines and WARC are streamed, one line or record at a time.
//! An article whose text exceeds [`ReadOptions::max_bytes`] is rejected; raw HTML pages, feeds and
//! WARC payloads may be up to [`RAW_FACTOR`] times that (markup is bulkier than text).

use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use claimtrail_core::Date;
pub use claimtrail_core::Meta;

mod feed;
pub mod html;
mod jsonl;
pub use jsonl::parse_json_article;
mod txt;
mod warc;

/// Raw inputs (HTML pages, feeds, WARC payloads) may be this many times [`ReadOptions::max_bytes`].
pub const RAW_FACTOR: usize = 4;

/// Where an article came from: path plus a locator inside the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// File path, or `-` for standard input.
    pub path: String,
    /// Where inside the file, when the file holds more than one article.
    pub locator: Option<Locator>,
}

/// A place inside a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locator {
    /// 1-based line (JSON Lines).
    Line(usize),
    /// Byte offset of a WARC record in the file as stored (for `.warc.gz`, the compressed offset of
    /// the gzip member where the record starts).
    Offset(u64),
    /// 1-based feed entry index.
    Entry(usize),
}

impl Origin {
    /// An origin for a whole file.
    pub fn file(path: impl Into<String>) -> Origin {
        Origin { path: path.into(), locator: None }
    }

    /// The same path at `locator`.
    pub fn at(&self, locator: Locator) -> Origin {
        Origin { path: self.path.clone(), locator: Some(locator) }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.locator {
            None => write!(f, "{}", self.path),
            Some(Locator::Line(l)) => write!(f, "{}:{l}", self.path),
            Some(Locator::Offset(o)) => write!(f, "{}@{o}", self.path),
            Some(Locator::Entry(e)) => write!(f, "{}#{e}", self.path),
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
    /// Text: paragraphs separated by blank lines.
    pub text: String,
    /// Non-fatal remarks about the input (an unreadable date, ...).
    pub warnings: Vec<String>,
}

/// An input that could not be turned into an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected {
    /// Where.
    pub origin: Origin,
    /// Document id, when known.
    pub doc: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl Rejected {
    /// A rejection without a document id.
    pub fn new(origin: Origin, message: impl Into<String>) -> Rejected {
        Rejected { origin, doc: None, message: message.into() }
    }

    /// A rejection of the document `doc`.
    pub fn doc(origin: Origin, doc: impl Into<String>, message: impl Into<String>) -> Rejected {
        Rejected { origin, doc: Some(doc.into()), message: message.into() }
    }
}

impl fmt::Display for Rejected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.doc {
            Some(d) => write!(f, "{}: document {:?}: {}", self.origin, d, self.message),
            None => write!(f, "{}: {}", self.origin, self.message),
        }
    }
}

impl std::error::Error for Rejected {}

/// An input format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// One article per file.
    Txt,
    /// One JSON object per line.
    Jsonl,
    /// An HTML page.
    Html,
    /// An RSS or Atom feed.
    Feed,
    /// A WARC archive, plain or gzipped.
    Warc,
}

impl Format {
    /// The format an extension stands for (`warc.gz` is recognised on the whole file name).
    pub fn from_path(path: &Path) -> Option<Format> {
        let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
        if name.ends_with(".warc.gz") || name.ends_with(".warc") {
            return Some(Format::Warc);
        }
        let ext = name.rsplit_once('.')?.1;
        Some(match ext {
            "txt" => Format::Txt,
            "jsonl" | "ndjson" => Format::Jsonl,
            "html" | "htm" | "xhtml" => Format::Html,
            "rss" | "atom" | "xml" => Format::Feed,
            _ => return None,
        })
    }

    /// Guesses a format from the first bytes of a file.
    pub fn sniff(head: &[u8]) -> Format {
        if head.starts_with(b"WARC/1.") || head.starts_with(&[0x1f, 0x8b]) {
            return Format::Warc;
        }
        let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
        let start = head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(head.len());
        let lower: Vec<u8> = head[start..].iter().take(1024).map(u8::to_ascii_lowercase).collect();
        if lower.starts_with(b"{") {
            return Format::Jsonl;
        }
        if lower.starts_with(b"<") {
            return match xml_root(&lower).as_deref() {
                Some("rss" | "feed" | "rdf:rdf") => Format::Feed,
                Some(_) | None if find(&lower, b"<html").is_some() || lower.starts_with(b"<!doctype html") => {
                    Format::Html
                }
                _ => Format::Txt,
            };
        }
        Format::Txt
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Name of the first element of an XML document (lower-cased input), skipping the declaration,
/// comments, processing instructions and the doctype.
fn xml_root(lower: &[u8]) -> Option<String> {
    let mut i = 0;
    loop {
        while i < lower.len() && lower[i].is_ascii_whitespace() {
            i += 1;
        }
        let rest = lower.get(i..)?;
        if rest.starts_with(b"<!--") {
            i += find(rest, b"-->")? + 3;
        } else if rest.starts_with(b"<?") || rest.starts_with(b"<!") {
            i += find(rest, b">")? + 1;
        } else if rest.starts_with(b"<") {
            let name: Vec<u8> = rest[1..]
                .iter()
                .take_while(|b| !b.is_ascii_whitespace() && **b != b'>' && **b != b'/')
                .copied()
                .collect();
            return Some(String::from_utf8_lossy(&name).into_owned());
        } else {
            return None;
        }
    }
}

/// Metadata given by the user for plain-text input.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TxtMeta {
    /// Publication date.
    pub published: Option<Date>,
    /// Title.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
}

/// How to read.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Format of every input; `None` chooses by extension and sniffing (standard input: text).
    pub format: Option<Format>,
    /// Metadata for `.txt` input.
    pub txt_meta: TxtMeta,
    /// Largest article text accepted, in bytes.
    pub max_bytes: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions { format: None, txt_meta: TxtMeta::default(), max_bytes: 8 << 20 }
    }
}

/// Counts of what was read, for a summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Files opened.
    pub files: usize,
    /// Files skipped in directories (unknown extension, hidden, `.xml` that is not a feed, links to
    /// directories).
    pub skipped_files: usize,
    /// Items skipped silently: WARC records that are not HTML responses.
    pub skipped_records: usize,
}

/// One open file yielding items.
trait Source: Send {
    fn next_pending(&mut self) -> Option<Pending>;
    /// Records skipped silently so far.
    fn skipped(&self) -> usize {
        0
    }
}

/// Input opened for reading: a buffered reader of a file or standard input.
type Input = Box<dyn BufRead + Send>;

/// An item read but not yet turned into an article. The costly part, HTML extraction, is left to
/// [`Pending::resolve`], so that callers can run it on worker threads while one thread reads.
pub struct Pending(PendingKind);

enum PendingKind {
    Ready(Result<Article, Rejected>),
    Html(html::Job),
}

impl Pending {
    /// Where the item came from.
    pub fn origin(&self) -> &Origin {
        match &self.0 {
            PendingKind::Ready(Ok(a)) => &a.origin,
            PendingKind::Ready(Err(e)) => &e.origin,
            PendingKind::Html(j) => &j.origin,
        }
    }

    /// The article, or why there is none.
    pub fn resolve(self) -> Result<Article, Rejected> {
        match self.0 {
            PendingKind::Ready(r) => r,
            PendingKind::Html(j) => j.run(),
        }
    }

    pub(crate) fn html(job: html::Job) -> Pending {
        Pending(PendingKind::Html(job))
    }
}

impl From<Result<Article, Rejected>> for Pending {
    fn from(r: Result<Article, Rejected>) -> Pending {
        Pending(PendingKind::Ready(r))
    }
}

impl fmt::Debug for Pending {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            PendingKind::Ready(r) => f.debug_tuple("Ready").field(r).finish(),
            PendingKind::Html(j) => f.debug_tuple("Html").field(&j.origin).finish(),
        }
    }
}

/// A stream of articles and failures; see [`read`].
pub struct Articles {
    inner: PendingArticles,
}

impl Articles {
    /// What was read so far.
    pub fn counts(&self) -> Counts {
        self.inner.counts()
    }
}

impl Iterator for Articles {
    type Item = Result<Article, Rejected>;

    fn next(&mut self) -> Option<Self::Item> {
        self.inner.next().map(Pending::resolve)
    }
}

/// A stream of [`Pending`] items; see [`read_pending`].
pub struct PendingArticles {
    /// Paths still to visit, last first; `true` for paths the user named.
    pending: Vec<(PathBuf, bool)>,
    opts: ReadOptions,
    current: Option<Box<dyn Source>>,
    counts: Counts,
}

/// Streams every article of every path (directories recursively, in sorted order). `-` is standard
/// input (text unless [`ReadOptions::format`] says otherwise).
pub fn read(paths: Vec<PathBuf>, opts: ReadOptions) -> Articles {
    Articles { inner: read_pending(paths, opts) }
}

/// Like [`read`], but leaves HTML extraction to [`Pending::resolve`]: read on one thread, resolve
/// on many.
pub fn read_pending(paths: Vec<PathBuf>, opts: ReadOptions) -> PendingArticles {
    let mut pending: Vec<(PathBuf, bool)> = paths.into_iter().map(|p| (p, true)).collect();
    pending.reverse();
    PendingArticles { pending, opts, current: None, counts: Counts::default() }
}

impl PendingArticles {
    /// What was read so far.
    pub fn counts(&self) -> Counts {
        let mut c = self.counts;
        if let Some(cur) = &self.current {
            c.skipped_records += cur.skipped();
        }
        c
    }

    fn finish_current(&mut self) {
        if let Some(cur) = self.current.take() {
            self.counts.skipped_records += cur.skipped();
        }
    }

    /// Opens `path`: either yields one item (a whole-file article or a failure), sets
    /// `self.current`, or queues a directory's entries.
    fn open(&mut self, path: PathBuf, explicit: bool) -> Option<Pending> {
        let shown = path.display().to_string();
        let origin = Origin::file(shown.clone());
        if shown == "-" {
            self.counts.files += 1;
            let input: Input = Box::new(BufReader::new(io::stdin()));
            let format = self.opts.format.unwrap_or(Format::Txt);
            return self.start(format, input, &path, origin);
        }
        let meta = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(e) => return Some(Err(Rejected::new(origin, format!("cannot open: {e}"))).into()),
        };
        if meta.is_dir() {
            // Symbolic links to directories are followed only when named: inside a walk, a link to a
            // parent would read everything again.
            if !explicit && std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
                self.counts.skipped_files += 1;
                return None;
            }
            let mut entries: Vec<PathBuf> = match std::fs::read_dir(&path) {
                Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
                Err(e) => return Some(Err(Rejected::new(origin, format!("cannot read directory: {e}"))).into()),
            };
            entries.sort();
            for p in entries.into_iter().rev() {
                let hidden = p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
                if hidden {
                    self.counts.skipped_files += 1;
                } else {
                    self.pending.push((p, false));
                }
            }
            return None;
        }
        let by_ext = Format::from_path(&path);
        if !explicit && by_ext.is_none() {
            self.counts.skipped_files += 1;
            return None;
        }
        let file = match File::open(&path) {
            Ok(f) => f,
            Err(e) => return Some(Err(Rejected::new(origin, format!("cannot open: {e}"))).into()),
        };
        let mut input: Input = Box::new(BufReader::with_capacity(1 << 16, file));
        let format = match (self.opts.format, by_ext) {
            (Some(f), _) => f,
            (None, Some(Format::Feed)) if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("xml")) => {
                let head = input.fill_buf().map(<[u8]>::to_vec).unwrap_or_default();
                if Format::sniff(&head) != Format::Feed {
                    if explicit {
                        return Some(Err(Rejected::new(origin, "not an RSS or Atom feed")).into());
                    }
                    self.counts.skipped_files += 1;
                    return None;
                }
                Format::Feed
            }
            (None, Some(f)) => f,
            (None, None) => Format::sniff(input.fill_buf().unwrap_or_default()),
        };
        self.counts.files += 1;
        if meta.is_file() && format != Format::Jsonl && format != Format::Warc {
            let limit = self.limit_for(format);
            if meta.len() > limit as u64 {
                return Some(
                    Err(Rejected::doc(
                        origin,
                        stem_of(&path),
                        format!(
                            "file is {} bytes, more than the limit of {limit} for this format (see --max-bytes)",
                            meta.len()
                        ),
                    ))
                    .into(),
                );
            }
        }
        self.start(format, input, &path, origin)
    }

    /// The largest raw input accepted for a whole-file format.
    fn limit_for(&self, format: Format) -> usize {
        match format {
            Format::Txt => self.opts.max_bytes,
            _ => self.opts.max_bytes.saturating_mul(RAW_FACTOR),
        }
    }

    fn start(&mut self, format: Format, input: Input, path: &Path, origin: Origin) -> Option<Pending> {
        let stem = stem_of(path);
        let max = self.opts.max_bytes;
        match format {
            Format::Txt => Some(txt::read(input, path, origin, &self.opts.txt_meta, max).into()),
            Format::Html => Some(match read_whole(input, self.limit_for(format), &origin, &stem) {
                Ok(bytes) => Pending::html(html::Job::new(bytes, None, origin, stem, max)),
                Err(e) => Err(e).into(),
            }),
            Format::Jsonl => {
                self.current = Some(Box::new(jsonl::Reader::new(input, origin.path, stem, max)));
                None
            }
            Format::Feed => match read_whole(input, self.limit_for(format), &origin, &stem) {
                Ok(bytes) => match feed::Reader::new(&bytes, origin, max) {
                    Ok(r) => {
                        self.current = Some(Box::new(r));
                        None
                    }
                    Err(e) => Some(Err(e).into()),
                },
                Err(e) => Some(Err(e).into()),
            },
            Format::Warc => match warc::open(input, origin, max) {
                Ok(r) => {
                    self.current = Some(r);
                    None
                }
                Err(e) => Some(Err(e).into()),
            },
        }
    }
}

/// Reads a whole input of at most `limit` bytes.
fn read_whole(input: Input, limit: usize, origin: &Origin, stem: &str) -> Result<Vec<u8>, Rejected> {
    let mut bytes = Vec::new();
    input
        .take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Rejected::new(origin.clone(), format!("cannot read: {e}")))?;
    if bytes.len() > limit {
        return Err(Rejected::doc(
            origin.clone(),
            stem,
            format!("input is more than the limit of {limit} bytes for this format (see --max-bytes)"),
        ));
    }
    Ok(bytes)
}

fn stem_of(path: &Path) -> String {
    if path.as_os_str() == "-" {
        return "stdin".to_string();
    }
    let name = path.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "stdin".to_string());
    let lower = name.to_ascii_lowercase();
    for ext in [".warc.gz"] {
        if lower.ends_with(ext) {
            return name[..name.len() - ext.len()].to_string();
        }
    }
    path.file_stem().map_or(name, |s| s.to_string_lossy().into_owned())
}

/// Parses a date, keeping the day of an ISO timestamp.
pub(crate) fn parse_date(s: &str) -> Option<Date> {
    Date::parse(s.trim()).ok()
}

impl Iterator for PendingArticles {
    type Item = Pending;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(cur) = &mut self.current {
                match cur.next_pending() {
                    Some(item) => return Some(item),
                    None => self.finish_current(),
                }
            }
            let (path, explicit) = self.pending.pop()?;
            if let Some(item) = self.open(path, explicit) {
                return Some(item);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origin_display_table() {
        let cases = [
            (None, "a.txt"),
            (Some(Locator::Line(3)), "a.txt:3"),
            (Some(Locator::Offset(1234)), "a.txt@1234"),
            (Some(Locator::Entry(2)), "a.txt#2"),
        ];
        for (loc, want) in cases {
            assert_eq!(Origin { path: "a.txt".into(), locator: loc }.to_string(), want);
        }
    }

    #[test]
    fn format_from_path_table() {
        let cases = [
            ("a.txt", Some(Format::Txt)),
            ("a.JSONL", Some(Format::Jsonl)),
            ("a.ndjson", Some(Format::Jsonl)),
            ("a.htm", Some(Format::Html)),
            ("a.html", Some(Format::Html)),
            ("a.rss", Some(Format::Feed)),
            ("a.atom", Some(Format::Feed)),
            ("a.xml", Some(Format::Feed)),
            ("CC-NEWS-1.warc.gz", Some(Format::Warc)),
            ("a.warc", Some(Format::Warc)),
            ("a.gz", None),
            ("a.meta", None),
            ("README", None),
        ];
        for (p, want) in cases {
            assert_eq!(Format::from_path(Path::new(p)), want, "{p}");
        }
    }

    #[test]
    fn sniff_table() {
        let cases: &[(&[u8], Format)] = &[
            (b"WARC/1.0\r\n", Format::Warc),
            (&[0x1f, 0x8b, 8, 0], Format::Warc),
            (b"<?xml version=\"1.0\"?>\n<!-- c -->\n<rss version=\"2.0\">", Format::Feed),
            (b"\xef\xbb\xbf<?xml version=\"1.0\"?><feed xmlns=\"x\">", Format::Feed),
            (b"<rdf:RDF>", Format::Feed),
            (b"<!DOCTYPE html><html>", Format::Html),
            (b"  <html lang=en>", Format::Html),
            (b"<?xml version=\"1.0\"?><urlset>", Format::Txt),
            (b"{\"id\":1}", Format::Jsonl),
            (b"The minister said.", Format::Txt),
            (b"", Format::Txt),
            (b"<", Format::Txt),
        ];
        for (head, want) in cases {
            assert_eq!(Format::sniff(head), *want, "{}", String::from_utf8_lossy(head));
        }
    }

    #[test]
    fn streams_move_between_threads() {
        fn send<T: Send>() {}
        send::<Articles>();
        send::<PendingArticles>();
        send::<Pending>();
        send::<Rejected>();
    }

    #[test]
    fn stems() {
        assert_eq!(stem_of(Path::new("/x/CC-NEWS.warc.gz")), "CC-NEWS");
        assert_eq!(stem_of(Path::new("/x/a.b.txt")), "a.b");
        assert_eq!(stem_of(Path::new("-")), "stdin");
    }
}
