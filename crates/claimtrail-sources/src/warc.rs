//! WARC archives (`.warc`, `.warc.gz`), streamed record by record.
//!
//! Gzipped files are decoded member by member (Common Crawl writes one record per member), so the
//! compressed offset of each record is known and a truncated or corrupt gzip ends the file with
//! one rejection after every record before it. `response` records whose HTTP payload is an HTML
//! page become articles; other records (`warcinfo`, `request`, `metadata`, non-HTML responses,
//! error statuses) are skipped and counted. A malformed record (bad version line, header line or
//! `Content-Length`) is rejected with its offset and reading resynchronises on the next line that
//! starts with `WARC/1.`.

use std::collections::VecDeque;
use std::io::{self, BufRead, Read};

use flate2::bufread::GzDecoder;

use crate::{html, Input, Locator, Origin, Pending, Rejected, Source, RAW_FACTOR};

/// Opens a WARC input, gzipped or not (by its first bytes).
pub(crate) fn open(mut input: Input, origin: Origin, max: usize) -> Result<Box<dyn Source>, Rejected> {
    let gz = match input.fill_buf() {
        Ok(head) => head.starts_with(&[0x1f, 0x8b]),
        Err(e) => return Err(Rejected::new(origin, format!("cannot read: {e}"))),
    };
    Ok(if gz {
        let members =
            GzMembers { inner: Some(Counting { inner: input, count: 0 }), dec: None, out: 0, starts: VecDeque::new() };
        Box::new(Reader::new(members, origin, max, true))
    } else {
        Box::new(Reader::new(Plain(input), origin, max, false))
    })
}

/// A decompressed byte stream that can tell where a position lies in the stored file.
pub(crate) trait Stream: Read + Send {
    /// The stored offset of the data at decompressed position `pos` (for gzip: the start of the
    /// member holding it). Positions are asked in increasing order.
    fn stored_offset(&mut self, pos: u64) -> u64;
}

struct Plain(Input);

impl Read for Plain {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.read(buf)
    }
}

impl Stream for Plain {
    fn stored_offset(&mut self, pos: u64) -> u64 {
        pos
    }
}

/// A buffered reader counting the bytes consumed from it.
struct Counting {
    inner: Input,
    count: u64,
}

impl Read for Counting {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count += n as u64;
        Ok(n)
    }
}

impl BufRead for Counting {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        self.count += amt as u64;
        self.inner.consume(amt);
    }
}

/// Gzip members decoded one after the other.
struct GzMembers {
    inner: Option<Counting>,
    dec: Option<GzDecoder<Counting>>,
    /// Decompressed bytes produced so far.
    out: u64,
    /// (decompressed position, compressed offset) of each member started and not yet passed.
    starts: VecDeque<(u64, u64)>,
}

impl Read for GzMembers {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        loop {
            if let Some(d) = &mut self.dec {
                let n = d.read(buf)?;
                if n > 0 {
                    self.out += n as u64;
                    return Ok(n);
                }
                self.inner = self.dec.take().map(GzDecoder::into_inner);
            }
            let Some(inner) = self.inner.as_mut() else { return Ok(0) };
            if inner.fill_buf()?.is_empty() {
                return Ok(0);
            }
            self.starts.push_back((self.out, inner.count));
            self.dec = self.inner.take().map(GzDecoder::new);
        }
    }
}

impl Stream for GzMembers {
    fn stored_offset(&mut self, pos: u64) -> u64 {
        while self.starts.len() >= 2 && self.starts[1].0 <= pos {
            self.starts.pop_front();
        }
        self.starts.front().map_or(0, |s| s.1)
    }
}

/// A byte source with put-back, tracking the decompressed position.
struct Src<S> {
    s: S,
    buf: Vec<u8>,
    at: usize,
    /// Decompressed position of `buf[at]`.
    pos: u64,
}

impl<S: Stream> Src<S> {
    fn fill(&mut self) -> io::Result<&[u8]> {
        if self.at >= self.buf.len() {
            self.buf.resize(1 << 16, 0);
            self.at = 0;
            loop {
                match self.s.read(&mut self.buf) {
                    Ok(n) => {
                        self.buf.truncate(n);
                        break;
                    }
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) => {
                        self.buf.clear();
                        return Err(e);
                    }
                }
            }
        }
        Ok(&self.buf[self.at..])
    }

    fn consume(&mut self, n: usize) {
        self.at += n;
        self.pos += n as u64;
    }

    /// Puts `bytes` back in front of the stream.
    fn unread(&mut self, bytes: &[u8]) {
        let mut v = Vec::with_capacity(bytes.len() + self.buf.len() - self.at);
        v.extend_from_slice(bytes);
        v.extend_from_slice(&self.buf[self.at..]);
        self.buf = v;
        self.at = 0;
        self.pos -= bytes.len() as u64;
    }

    /// Reads a line with its end; keeps at most `cap` bytes of it (the rest is consumed). `None`
    /// at the end of the stream.
    fn read_line(&mut self, cap: usize) -> io::Result<Option<Vec<u8>>> {
        let mut line = Vec::new();
        let mut any = false;
        loop {
            let b = self.fill()?;
            if b.is_empty() {
                return Ok(any.then_some(line));
            }
            any = true;
            let (used, done) = match b.iter().position(|&c| c == b'\n') {
                Some(i) => (i + 1, true),
                None => (b.len(), false),
            };
            let room = cap.saturating_sub(line.len()).min(used);
            line.extend_from_slice(&b[..room]);
            self.consume(used);
            if done {
                return Ok(Some(line));
            }
        }
    }

    /// Passes up to `n` bytes to `sink`, chunk by chunk; fewer only at the end of the stream.
    fn take_n(&mut self, n: u64, mut sink: impl FnMut(&[u8])) -> io::Result<u64> {
        let mut got = 0;
        while got < n {
            let b = self.fill()?;
            if b.is_empty() {
                break;
            }
            let k = b.len().min((n - got) as usize);
            sink(&b[..k]);
            self.consume(k);
            got += k as u64;
        }
        Ok(got)
    }

    /// Appends up to `n` bytes to `out`; fewer only at the end of the stream.
    fn read_n(&mut self, n: u64, out: &mut Vec<u8>) -> io::Result<u64> {
        self.take_n(n, |chunk| out.extend_from_slice(chunk))
    }

    /// Skips up to `n` bytes; fewer only at the end of the stream.
    fn skip_n(&mut self, n: u64) -> io::Result<u64> {
        self.take_n(n, |_| {})
    }
}

/// The WARC headers claimtrail uses.
#[derive(Debug, Default)]
struct Header {
    typ: Option<String>,
    uri: Option<String>,
    date: Option<String>,
    length: Option<u64>,
}

/// A step that rejects the record.
#[allow(clippy::unnecessary_wraps)]
fn fail(r: Rejected) -> io::Result<Step> {
    Ok(Step::Item(Err(r).into()))
}

/// Reads records one at a time.
pub(crate) struct Reader<S> {
    src: Src<S>,
    origin: Origin,
    max: usize,
    gz: bool,
    skipped: usize,
    done: bool,
    resync: bool,
}

/// What one step produced.
#[allow(clippy::large_enum_variant)] // One per record, moved once.
enum Step {
    Item(Pending),
    Skipped,
    End,
}

const LINE_CAP: usize = 64 * 1024;

impl<S: Stream> Reader<S> {
    fn new(s: S, origin: Origin, max: usize, gz: bool) -> Reader<S> {
        Reader {
            src: Src { s, buf: Vec::new(), at: 0, pos: 0 },
            origin,
            max,
            gz,
            skipped: 0,
            done: false,
            resync: false,
        }
    }

    fn origin_at(&mut self, pos: u64) -> Origin {
        let off = self.src.s.stored_offset(pos);
        self.origin.at(Locator::Offset(off))
    }

    /// Moves to the next line starting with `WARC/1.`; false at the end.
    fn resync(&mut self) -> io::Result<bool> {
        while let Some(line) = self.src.read_line(LINE_CAP)? {
            if line.starts_with(b"WARC/1.") && line.ends_with(b"\n") {
                self.src.unread(&line);
                return Ok(true);
            }
        }
        Ok(false)
    }

    fn step(&mut self) -> io::Result<Step> {
        if self.resync {
            self.resync = false;
            if !self.resync()? {
                return Ok(Step::End);
            }
        }
        // Blank lines between records are tolerated.
        let first = loop {
            match self.src.read_line(LINE_CAP)? {
                None => return Ok(Step::End),
                Some(l) if l.iter().all(u8::is_ascii_whitespace) => {}
                Some(l) => break l,
            }
        };
        let start = self.src.pos - first.len() as u64;
        let origin = self.origin_at(start);
        if !first.starts_with(b"WARC/1.") {
            self.resync = true;
            return fail(Rejected::new(origin, "malformed WARC record: no WARC/1.x version line"));
        }
        let mut h = Header::default();
        let mut lines = 0;
        loop {
            let Some(line) = self.src.read_line(LINE_CAP)? else {
                return fail(Rejected::new(origin, "truncated WARC record: header not finished"));
            };
            if line == b"\r\n" || line == b"\n" {
                break;
            }
            lines += 1;
            let text = String::from_utf8_lossy(&line);
            let parsed = text.split_once(':').filter(|(k, _)| !k.is_empty() && !k.contains(char::is_whitespace));
            let Some((name, value)) = parsed.filter(|_| lines <= 500 && line.ends_with(b"\n")) else {
                self.src.unread(&line);
                self.resync = true;
                let shown: String = text.trim_end().chars().take(60).collect();
                return fail(Rejected::new(origin, format!("malformed WARC record: bad header line {shown:?}")));
            };
            let value = value.trim().to_string();
            match name.to_ascii_lowercase().as_str() {
                "warc-type" => h.typ = Some(value),
                "warc-target-uri" => h.uri = Some(value.trim_matches(['<', '>']).to_string()),
                "warc-date" => h.date = Some(value),
                "content-length" => {
                    h.length = match value.parse::<u64>() {
                        Ok(n) => Some(n),
                        Err(_) => {
                            self.resync = true;
                            return fail(Rejected::new(
                                origin,
                                format!("malformed WARC record: bad Content-Length {value:?}"),
                            ));
                        }
                    }
                }
                _ => {}
            }
        }
        let Some(len) = h.length else {
            self.resync = true;
            return fail(Rejected::new(origin, "malformed WARC record: no Content-Length"));
        };
        let doc = h.uri.clone();
        let reject = |origin: Origin, msg: String| match &doc {
            Some(d) => Rejected::doc(origin, d.clone(), msg),
            None => Rejected::new(origin, msg),
        };
        let limit = self.max.saturating_mul(RAW_FACTOR) as u64;
        let wanted = h.typ.as_deref().is_some_and(|t| t.eq_ignore_ascii_case("response"));
        if !wanted || len > limit {
            let got = self.src.skip_n(len)?;
            if got < len {
                return fail(reject(origin, format!("truncated WARC record: {got} of {len} bytes of content")));
            }
            if let Err(e) = self.trailer(&[], &origin) {
                return fail(reject(origin, e));
            }
            if !wanted {
                return Ok(Step::Skipped);
            }
            return fail(reject(
                origin,
                format!("record is {len} bytes, more than the limit of {limit} (see --max-bytes)"),
            ));
        }
        let mut payload = Vec::with_capacity(len.min(1 << 20) as usize);
        let got = self.src.read_n(len, &mut payload)?;
        if got < len {
            if let Some(p) = next_record(&payload) {
                self.src.unread(&payload[p..]);
                return fail(reject(
                    origin,
                    "malformed WARC record: bad Content-Length (runs into the next record)".into(),
                ));
            }
            return fail(reject(origin, format!("truncated WARC record: {got} of {len} bytes of content")));
        }
        if let Err(e) = self.trailer(&payload, &origin) {
            return fail(reject(origin, e));
        }
        Ok(match self.response(&payload, &h, origin) {
            Some(item) => Step::Item(item),
            None => Step::Skipped,
        })
    }

    /// Checks the blank line after a record's content. On a mismatch the Content-Length was wrong:
    /// puts back what belongs to the next record and says so.
    fn trailer(&mut self, payload: &[u8], _origin: &Origin) -> Result<(), String> {
        let mut t = Vec::with_capacity(4);
        self.src.read_n(4, &mut t).map_err(|e| format!("read error: {e}"))?;
        // "\r\n\r\n" as the standard says, "\n\n" from some writers, or the end of the file.
        let crlf = t.iter().take_while(|&&b| b == b'\r' || b == b'\n').count();
        if crlf == t.len() || t.starts_with(b"\n\n") {
            self.src.unread(&t[crlf..]);
            return Ok(());
        }
        if let Some(p) = next_record(payload) {
            let mut back = payload[p..].to_vec();
            back.extend_from_slice(&t);
            self.src.unread(&back);
        } else {
            self.src.unread(&t);
            self.resync = true;
        }
        Err("malformed WARC record: bad Content-Length (content does not end where it says)".into())
    }

    /// Turns a response record into a page to extract; `None` for responses that are not HTML pages.
    fn response(&mut self, payload: &[u8], h: &Header, origin: Origin) -> Option<Pending> {
        let id = h.uri.clone().unwrap_or_else(|| origin.to_string());
        let (body, charset) = match http_html(payload, self.max.saturating_mul(RAW_FACTOR)) {
            Ok(Some(x)) => x,
            Ok(None) => return None,
            Err(m) => return Some(Err(Rejected::doc(origin, id, m)).into()),
        };
        let mut job = html::Job::new(body, charset, origin, id.clone(), self.max);
        job.id = Some(id);
        job.url = h.uri.clone();
        job.published = h.date.as_deref().and_then(crate::parse_date);
        job.outlet = h.uri.as_deref().and_then(host);
        Some(Pending::html(job))
    }
}

/// The host of a URL, less a leading `www.`.
fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// Where the next record starts inside `payload`, after a blank line.
fn next_record(payload: &[u8]) -> Option<usize> {
    let needle = b"\nWARC/1.";
    let mut from = 0;
    while let Some(i) = crate::find(&payload[from..], needle) {
        let at = from + i;
        let before = &payload[..=at];
        if before.ends_with(b"\n\r\n") || before.ends_with(b"\n\n") {
            return Some(at + 1);
        }
        from = at + 1;
    }
    None
}

/// An HTML body and its declared charset.
type HtmlBody = (Vec<u8>, Option<String>);

/// The HTML body and charset of an HTTP response; `None` when it is not a successful HTML page.
fn http_html(payload: &[u8], limit: usize) -> Result<Option<HtmlBody>, String> {
    let (head_end, body_at) = match crate::find(payload, b"\r\n\r\n") {
        Some(i) => (i, i + 4),
        None => match crate::find(payload, b"\n\n") {
            Some(i) => (i, i + 2),
            None => return Err("malformed HTTP response: no end of headers".into()),
        },
    };
    let head = String::from_utf8_lossy(&payload[..head_end]);
    let mut lines = head.lines();
    let status = lines.next().unwrap_or_default();
    if !status.starts_with("HTTP/") {
        return Err("malformed HTTP response: no status line".into());
    }
    let code = status.split_whitespace().nth(1).and_then(|c| c.parse::<u16>().ok());
    if !code.is_some_and(|c| (200..300).contains(&c)) {
        return Ok(None);
    }
    let (mut ctype, mut tenc, mut cenc) = (None, None, None);
    for l in lines {
        if let Some((k, v)) = l.split_once(':') {
            let v = v.trim().to_ascii_lowercase();
            match k.trim().to_ascii_lowercase().as_str() {
                "content-type" => ctype = Some(v),
                "transfer-encoding" => tenc = Some(v),
                "content-encoding" => cenc = Some(v),
                _ => {}
            }
        }
    }
    let mut body = payload[body_at..].to_vec();
    if tenc.as_deref().is_some_and(|t| t.contains("chunked")) {
        if let Some(b) = dechunk(&body) {
            body = b;
        }
    }
    match cenc.as_deref().map(str::trim) {
        None | Some("" | "identity") => {}
        Some("gzip" | "x-gzip") => {
            let mut out = Vec::new();
            let r = flate2::read::MultiGzDecoder::new(&body[..]).take(limit as u64 + 1).read_to_end(&mut out);
            if r.is_err() || out.len() > limit {
                return Err("cannot decode the gzip Content-Encoding of the page".into());
            }
            body = out;
        }
        Some(other) => return Err(format!("Content-Encoding {other} is not supported")),
    }
    let html = match ctype.as_deref() {
        Some(c) => c.contains("text/html") || c.contains("application/xhtml"),
        None => crate::Format::sniff(&body[..body.len().min(1024)]) == crate::Format::Html,
    };
    if !html {
        return Ok(None);
    }
    let charset = ctype.as_deref().and_then(|c| c.split_once("charset=")).map(|(_, cs)| {
        cs.trim_matches(|c: char| c == '"' || c == '\'' || c.is_whitespace())
            .split(';')
            .next()
            .unwrap_or("")
            .to_string()
    });
    Ok(Some((body, charset.filter(|c| !c.is_empty()))))
}

/// Decodes a chunked transfer encoding; `None` if it is not well formed.
fn dechunk(mut b: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(b.len());
    loop {
        let eol = crate::find(b, b"\r\n")?;
        let size_str = std::str::from_utf8(&b[..eol]).ok()?.split(';').next()?.trim();
        let size = usize::from_str_radix(size_str, 16).ok()?;
        b = &b[eol + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(b.get(..size)?);
        b = b.get(size..)?;
        b = b.strip_prefix(b"\r\n").unwrap_or(b);
    }
}

impl<S: Stream> Source for Reader<S> {
    fn next_pending(&mut self) -> Option<Pending> {
        while !self.done {
            let at = self.src.pos;
            match self.step() {
                Ok(Step::Item(item)) => return Some(item),
                Ok(Step::Skipped) => self.skipped += 1,
                Ok(Step::End) => self.done = true,
                Err(e) => {
                    self.done = true;
                    let origin = self.origin_at(at);
                    let what = if self.gz { "truncated or corrupt gzip" } else { "read error" };
                    return Some(Err(Rejected::new(origin, format!("{what}: {e}"))).into());
                }
            }
        }
        None
    }

    fn skipped(&self) -> usize {
        self.skipped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_table() {
        let cases = [
            ("https://www.example.com/a/b", Some("example.com")),
            ("http://News.Example.org:8080?x", Some("news.example.org")),
            ("http://user@host.net/", Some("host.net")),
            ("nonsense", None),
        ];
        for (u, want) in cases {
            assert_eq!(host(u).as_deref(), want, "{u}");
        }
    }

    #[test]
    fn dechunk_table() {
        assert_eq!(dechunk(b"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n").as_deref(), Some(&b"hello world"[..]));
        assert_eq!(dechunk(b"zz\r\nhello"), None);
        assert_eq!(dechunk(b"10\r\nshort"), None);
    }

    #[test]
    fn http_table() {
        let ok = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n<html>x</html>";
        let (body, cs) = http_html(ok, 1000).unwrap().unwrap();
        assert_eq!(body, b"<html>x</html>");
        assert_eq!(cs.as_deref(), Some("utf-8"));
        assert!(http_html(b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\nx", 1000).unwrap().is_none());
        assert!(http_html(b"HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n\r\n\xff\xd8", 1000).unwrap().is_none());
        assert!(http_html(b"garbage", 1000).is_err());
        assert!(http_html(b"HTTP/1.1 200 OK\r\nContent-Encoding: br\r\nContent-Type: text/html\r\n\r\nx", 10).is_err());
    }

    #[test]
    fn next_record_table() {
        assert_eq!(next_record(b"abc\r\n\r\nWARC/1.0\r\n"), Some(7));
        assert_eq!(next_record(b"abc WARC/1.0"), None);
        assert_eq!(next_record(b"WARC/1.0"), None);
    }
}
