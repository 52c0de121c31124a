//! `claimtrail bench serve`: a bounded load test of the HTTP server on 127.0.0.1.
//!
//! N client threads, each with one HTTP/1.1 keep-alive connection (plain `TcpStream`), for a
//! fixed time, over the claim board's mix: the board (`GET /`, then a page of contested claims
//! at a random offset) and claim pages (`GET /api/v1/claims/{id}` for an id seen on the board,
//! then `GET /api/v1/articles/{id}` for one of its statements' articles). Prints requests,
//! requests/s, latency percentiles and errors (non-2xx or I/O) per endpoint and overall.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream, ToSocketAddrs};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context;

use super::Rng;

/// Arguments of `bench serve`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Store to serve in-process (ignored with --url). Opening it may write (the store's derived
    /// tables, SQLite's WAL files; ingest stays off): use a copy of a store you must not change.
    #[arg(long, default_value = crate::db::DEFAULT_DB)]
    pub db: PathBuf,
    /// Concurrent clients (threads, one keep-alive connection each).
    #[arg(long, default_value_t = 20)]
    pub clients: usize,
    /// Measured seconds.
    #[arg(long, default_value_t = 20)]
    pub seconds: u64,
    /// Unmeasured seconds of the same load before (fills caches).
    #[arg(long, default_value_t = 2)]
    pub warmup: u64,
    /// A running server (`http://127.0.0.1:8080`) instead of one started in-process.
    #[arg(long)]
    pub url: Option<String>,
    /// Read-only store connections of the in-process server (as `serve --readers`).
    #[arg(long, default_value_t = 8)]
    pub readers: usize,
    /// RNG seed of the clients' choices.
    #[arg(long, default_value_t = 7)]
    pub seed: u64,
}

/// What is measured, in report order: four endpoints, then two pages (a page's latency is the
/// sum of its requests, made one after the other as the UI does).
const ROWS: [&str; 6] = [
    "GET / (the UI's page)",
    "GET /api/v1/claims?order=contested",
    "GET /api/v1/claims/{id}",
    "GET /api/v1/articles/{id}",
    "board page (/ + claims)",
    "claim page (claim + article)",
];
const INDEX: usize = 0;
const BOARD: usize = 1;
const CLAIM: usize = 2;
const ARTICLE: usize = 3;
const BOARD_PAGE: usize = 4;
const CLAIM_PAGE: usize = 5;
/// Rows that are single requests.
const ENDPOINTS: usize = 4;

/// Runs `bench serve`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    anyhow::ensure!(args.clients > 0 && args.seconds > 0, "bench serve: --clients and --seconds must be positive");
    let (addr, host, server) = match &args.url {
        Some(url) => {
            let (host, addr) = parse_url(url)?;
            (addr, host, None)
        }
        None => {
            let server = InProcess::start(&args)?;
            (server.addr, server.addr.to_string(), Some(server))
        }
    };
    // The server answers before the clocks start.
    let mut probe = Conn::open(addr, &host)?;
    let (status, _) = probe.get("/api/v1/stats").context("GET /api/v1/stats")?;
    anyhow::ensure!((200..300).contains(&status), "GET /api/v1/stats: HTTP {status}");
    drop(probe);

    println!(
        "bench serve: {} clients, {} s (after {} s warm-up), against http://{host}{}",
        args.clients,
        args.seconds,
        args.warmup,
        if server.is_some() { format!(" (in-process over {})", args.db.display()) } else { String::new() }
    );
    let stop = Arc::new(AtomicBool::new(false));
    let measuring = Arc::new(AtomicBool::new(args.warmup == 0));
    let handles: Vec<_> = (0..args.clients)
        .map(|i| {
            let (stop, measuring, host) = (stop.clone(), measuring.clone(), host.clone());
            let seed = args.seed.wrapping_mul(0x9E37_79B9_7F4A_7C15).wrapping_add(i as u64 + 1);
            std::thread::spawn(move || client(addr, &host, seed, &stop, &measuring))
        })
        .collect();
    std::thread::sleep(Duration::from_secs(args.warmup));
    measuring.store(true, Ordering::Relaxed);
    let t0 = Instant::now();
    std::thread::sleep(Duration::from_secs(args.seconds));
    stop.store(true, Ordering::Relaxed);
    let mut total = Tally::default();
    for h in handles {
        let t = h.join().map_err(|_| anyhow::anyhow!("a client thread panicked"))?;
        total.merge(t);
    }
    let secs = t0.elapsed().as_secs_f64();
    drop(server);
    print!("{}", total.report(secs));
    Ok(ExitCode::SUCCESS)
}

/// Latencies (microseconds) and errors of each endpoint.
#[derive(Debug, Default)]
struct Tally {
    lat: [Vec<u32>; ROWS.len()],
    errors: [u64; ROWS.len()],
    /// First few error descriptions, for the report.
    samples: Vec<String>,
}

impl Tally {
    /// One request (or page) of `row`: its latency, and its status or I/O error.
    fn record(&mut self, row: usize, elapsed: Duration, ok: &Result<u16, String>) {
        self.lat[row].push(u32::try_from(elapsed.as_micros()).unwrap_or(u32::MAX));
        match ok {
            Ok(s) if (200..300).contains(s) => {}
            Ok(s) => self.error(row, format!("{}: HTTP {s}", ROWS[row])),
            Err(e) => self.error(row, format!("{}: {e}", ROWS[row])),
        }
    }

    fn error(&mut self, row: usize, what: String) {
        self.errors[row] += 1;
        if self.samples.len() < 5 && row < ENDPOINTS {
            self.samples.push(what);
        }
    }

    fn merge(&mut self, other: Tally) {
        for (a, b) in self.lat.iter_mut().zip(other.lat) {
            a.extend(b);
        }
        for (a, b) in self.errors.iter_mut().zip(other.errors) {
            *a += b;
        }
        for s in other.samples {
            if self.samples.len() < 5 {
                self.samples.push(s);
            }
        }
    }

    fn report(mut self, secs: f64) -> String {
        use std::fmt::Write as _;
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{:<36} {:>9} {:>9} {:>8} {:>8} {:>8} {:>8} {:>7}",
            "endpoint", "requests", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "errors"
        );
        let mut all = Vec::new();
        let row = |name: &str, lat: &mut Vec<u32>, errors: u64, out: &mut String| {
            lat.sort_unstable();
            let ms =
                |p: f64| percentile(lat, p).map_or_else(|| "-".to_string(), |us| format!("{:.2}", us as f64 / 1e3));
            let _ = writeln!(
                out,
                "{:<36} {:>9} {:>9.1} {:>8} {:>8} {:>8} {:>8} {:>7}",
                name,
                lat.len(),
                lat.len() as f64 / secs,
                ms(50.0),
                ms(90.0),
                ms(99.0),
                ms(100.0),
                errors
            );
        };
        for (i, name) in ROWS.iter().enumerate().take(ENDPOINTS) {
            all.extend_from_slice(&self.lat[i]);
            row(name, &mut self.lat[i], self.errors[i], &mut out);
        }
        row("all requests", &mut all, self.errors[..ENDPOINTS].iter().sum(), &mut out);
        for (i, name) in ROWS.iter().enumerate().skip(ENDPOINTS) {
            row(name, &mut self.lat[i], self.errors[i], &mut out);
        }
        let _ = writeln!(out, "measured: {secs:.2} s");
        for s in &self.samples {
            let _ = writeln!(out, "error: {s}");
        }
        out
    }
}

/// Nearest-rank percentile (`p` in 0..=100) of sorted values; `None` when empty.
fn percentile(sorted: &[u32], p: f64) -> Option<u32> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (p / 100.0 * sorted.len() as f64).ceil() as usize;
    Some(sorted[rank.clamp(1, sorted.len()) - 1])
}

/// One client: a keep-alive connection, the board/claim-page mix until `stop`.
fn client(addr: SocketAddr, host: &str, seed: u64, stop: &AtomicBool, measuring: &AtomicBool) -> Tally {
    let mut rng = Rng(seed | 1);
    let mut tally = Tally::default();
    let mut conn: Option<Conn> = None;
    // Claim ids seen on the board, newest last (bounded).
    let mut claims: Vec<i64> = Vec::new();
    let mut body = Vec::new();
    while !stop.load(Ordering::Relaxed) {
        let claim_page = !claims.is_empty() && rng.below(2) == 0;
        let mut steps: Vec<(usize, String)> = if claim_page {
            vec![(CLAIM, format!("/api/v1/claims/{}", claims[rng.below(claims.len())]))]
        } else {
            vec![
                (INDEX, "/".to_string()),
                (BOARD, format!("/api/v1/claims?order=contested&limit=50&offset={}", 50 * rng.below(20))),
            ]
        };
        let page = if claim_page { CLAIM_PAGE } else { BOARD_PAGE };
        // Pages begun in the warm-up are not counted, not even in part.
        let record = measuring.load(Ordering::Relaxed);
        let mut page_time = Duration::ZERO;
        let mut page_res = Ok(200);
        let mut next = 0;
        while next < steps.len() {
            let (endpoint, path) = (steps[next].0, std::mem::take(&mut steps[next].1));
            next += 1;
            let t = Instant::now();
            let res = match conn.as_mut() {
                Some(c) => c.get_into(&path, &mut body),
                None => Conn::open(addr, host).and_then(|c| conn.insert(c).get_into(&path, &mut body)),
            };
            let elapsed = t.elapsed();
            page_time += elapsed;
            let res = match res {
                Ok((status, close)) => {
                    if close {
                        conn = None;
                    }
                    Ok(status)
                }
                Err(e) => {
                    conn = None;
                    Err(e.to_string())
                }
            };
            let ok = matches!(res, Ok(s) if (200..300).contains(&s));
            if record {
                tally.record(endpoint, elapsed, &res);
            }
            if !ok {
                page_res = res;
                break;
            }
            match endpoint {
                BOARD => {
                    for id in board_ids(&body) {
                        if claims.len() >= 1000 {
                            claims.swap_remove(rng.below(claims.len()));
                        }
                        claims.push(id);
                    }
                }
                CLAIM => {
                    let articles = trail_article_ids(&body);
                    if !articles.is_empty() {
                        steps.push((ARTICLE, format!("/api/v1/articles/{}", articles[rng.below(articles.len())])));
                    }
                }
                _ => {}
            }
        }
        // A page is finished even when the run ends in its middle: every page counted is whole.
        if record {
            tally.record(page, page_time, &page_res);
        }
    }
    tally
}

/// An object of which only the id is read (other fields are skipped without being kept).
#[derive(serde::Deserialize)]
struct Id {
    id: i64,
}

/// A page of a list: only the items' ids.
#[derive(serde::Deserialize)]
struct Items {
    items: Vec<Id>,
}

/// A statement of a claim trail: only its article's id.
#[derive(serde::Deserialize)]
struct Statement {
    article: Id,
}

/// A claim trail: only its statements' articles.
#[derive(serde::Deserialize)]
struct Trail {
    statements: Vec<Statement>,
}

/// The claim ids of a board page (none when the body is not one).
fn board_ids(body: &[u8]) -> Vec<i64> {
    serde_json::from_slice::<Items>(body).map(|p| p.items.into_iter().map(|i| i.id).collect()).unwrap_or_default()
}

/// The article ids of a claim trail's statements (none when the body is not one).
fn trail_article_ids(body: &[u8]) -> Vec<i64> {
    serde_json::from_slice::<Trail>(body)
        .map(|t| t.statements.into_iter().map(|s| s.article.id).collect())
        .unwrap_or_default()
}

/// `http://HOST:PORT[/...]` -> (Host header, socket address).
fn parse_url(url: &str) -> anyhow::Result<(String, SocketAddr)> {
    let rest = url.strip_prefix("http://").context("bench serve: --url must start with http://")?;
    let host = rest.split('/').next().unwrap_or_default();
    anyhow::ensure!(!host.is_empty(), "bench serve: no host in {url}");
    let with_port = if host.rsplit_once(':').is_some_and(|(_, p)| p.parse::<u16>().is_ok()) {
        host.to_string()
    } else {
        format!("{host}:80")
    };
    let addr = with_port.to_socket_addrs()?.next().with_context(|| format!("bench serve: cannot resolve {host}"))?;
    anyhow::ensure!(addr.ip().is_loopback(), "bench serve: the load test only targets this machine (127.0.0.1)");
    Ok((host.to_string(), addr))
}

/// One HTTP/1.1 keep-alive connection.
struct Conn {
    reader: BufReader<TcpStream>,
    writer: TcpStream,
    host: String,
}

impl Conn {
    fn open(addr: SocketAddr, host: &str) -> io::Result<Conn> {
        let stream = TcpStream::connect_timeout(&addr, Duration::from_secs(5))?;
        stream.set_nodelay(true)?;
        stream.set_read_timeout(Some(Duration::from_secs(30)))?;
        let writer = stream.try_clone()?;
        Ok(Conn { reader: BufReader::with_capacity(64 << 10, stream), writer, host: host.to_string() })
    }

    /// GET `path`: (status, body).
    fn get(&mut self, path: &str) -> io::Result<(u16, Vec<u8>)> {
        let mut body = Vec::new();
        let (status, _) = self.get_into(path, &mut body)?;
        Ok((status, body))
    }

    /// GET `path` into `body`: (status, whether the server closes the connection).
    fn get_into(&mut self, path: &str, body: &mut Vec<u8>) -> io::Result<(u16, bool)> {
        let req =
            format!("GET {path} HTTP/1.1\r\nHost: {}\r\nAccept: */*\r\nConnection: keep-alive\r\n\r\n", self.host);
        self.writer.write_all(req.as_bytes())?;
        let head = read_response(&mut self.reader, body)?;
        Ok((head.status, head.close))
    }
}

/// What [`read_response`] learns besides the body.
#[derive(Debug, PartialEq, Eq)]
struct Head {
    status: u16,
    /// `Connection: close` (or HTTP/1.0 without keep-alive, or a body delimited by the close).
    close: bool,
}

/// Largest body accepted (a guard against a runaway length).
const MAX_BODY: usize = 256 << 20;

/// Reads one HTTP/1.1 response (status line, headers, body by `Content-Length`, chunked
/// transfer coding, or until the connection closes) into `body`.
fn read_response<R: BufRead>(r: &mut R, body: &mut Vec<u8>) -> io::Result<Head> {
    let bad = |what: &str| io::Error::new(io::ErrorKind::InvalidData, what.to_string());
    body.clear();
    let mut line = String::new();
    if r.read_line(&mut line)? == 0 {
        return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "connection closed before a response"));
    }
    let mut parts = line.trim_end().splitn(3, ' ');
    let version = parts.next().unwrap_or_default();
    let status: u16 = parts.next().and_then(|s| s.parse().ok()).ok_or_else(|| bad("bad status line"))?;
    if !version.starts_with("HTTP/1.") || !(100..600).contains(&status) {
        return Err(bad("bad status line"));
    }
    let mut close = version == "HTTP/1.0";
    let mut length: Option<usize> = None;
    let mut chunked = false;
    loop {
        line.clear();
        if r.read_line(&mut line)? == 0 {
            return Err(bad("connection closed in the headers"));
        }
        let h = line.trim_end_matches(['\r', '\n']);
        if h.is_empty() {
            break;
        }
        let Some((name, value)) = h.split_once(':') else { return Err(bad("bad header line")) };
        let value = value.trim();
        if name.eq_ignore_ascii_case("content-length") {
            length = Some(value.parse().map_err(|_| bad("bad Content-Length"))?);
        } else if name.eq_ignore_ascii_case("transfer-encoding") {
            chunked = value.to_ascii_lowercase().split(',').any(|c| c.trim() == "chunked");
        } else if name.eq_ignore_ascii_case("connection") {
            let v = value.to_ascii_lowercase();
            if v.split(',').any(|t| t.trim() == "close") {
                close = true;
            } else if v.split(',').any(|t| t.trim() == "keep-alive") {
                close = false;
            }
        }
    }
    if (100..200).contains(&status) {
        // An interim answer (100 Continue): the real one follows.
        return read_response(r, body);
    }
    if status == 204 || status == 304 {
        return Ok(Head { status, close });
    }
    if chunked {
        loop {
            line.clear();
            if r.read_line(&mut line)? == 0 {
                return Err(bad("connection closed in a chunk size"));
            }
            let size = line.trim_end().split(';').next().unwrap_or_default().trim();
            let size = usize::from_str_radix(size, 16).map_err(|_| bad("bad chunk size"))?;
            if size == 0 {
                // Trailers, then the blank line.
                loop {
                    line.clear();
                    if r.read_line(&mut line)? == 0 || line.trim_end().is_empty() {
                        break;
                    }
                }
                break;
            }
            if body.len() + size > MAX_BODY {
                return Err(bad("body too large"));
            }
            let start = body.len();
            body.resize(start + size, 0);
            r.read_exact(&mut body[start..])?;
            let mut crlf = [0u8; 2];
            r.read_exact(&mut crlf)?;
            if &crlf != b"\r\n" {
                return Err(bad("chunk not followed by CRLF"));
            }
        }
    } else if let Some(n) = length {
        if n > MAX_BODY {
            return Err(bad("body too large"));
        }
        body.resize(n, 0);
        r.read_exact(body)?;
    } else {
        r.take(MAX_BODY as u64).read_to_end(body)?;
        close = true;
    }
    Ok(Head { status, close })
}

/// The server, started in-process on 127.0.0.1:0 over the store; stopped on drop.
struct InProcess {
    addr: SocketAddr,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl InProcess {
    fn start(args: &Args) -> anyhow::Result<InProcess> {
        anyhow::ensure!(args.db.is_file(), "bench serve: no store at {}", args.db.display());
        let state = claimtrail_server::AppState::open(&args.db, None, args.readers.max(1))
            .with_context(|| format!("opening {}", args.db.display()))?;
        let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
        let listener = rt.block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))?;
        let addr = listener.local_addr()?;
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let shutdown = async move {
                let _ = rx.await;
            };
            if let Err(e) = rt.block_on(claimtrail_server::serve(listener, state, shutdown)) {
                eprintln!("bench serve: server error: {e}");
            }
        });
        Ok(InProcess { addr, shutdown: Some(tx), thread: Some(thread) })
    }
}

impl Drop for InProcess {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn parse(raw: &str) -> io::Result<(Head, String)> {
        let mut body = Vec::new();
        let head = read_response(&mut Cursor::new(raw.as_bytes()), &mut body)?;
        Ok((head, String::from_utf8(body).unwrap()))
    }

    #[test]
    fn responses_parse() {
        let cases: &[(&str, u16, bool, &str)] = &[
            ("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", 200, false, "hello"),
            ("HTTP/1.1 404 Not Found\r\ncontent-length: 2\r\nConnection: close\r\n\r\n{}", 404, true, "{}"),
            (
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nWiki\r\n5;ext=1\r\npedia\r\n0\r\nX-T: 1\r\n\r\n",
                200,
                false,
                "Wikipedia",
            ),
            ("HTTP/1.0 200 OK\r\n\r\nuntil close", 200, true, "until close"),
            ("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 1\r\n\r\nx", 200, false, "x"),
            ("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n", 201, false, ""),
            ("HTTP/1.1 204 No Content\r\n\r\n", 204, false, ""),
            ("HTTP/1.1 200 OK\nContent-Length: 3\n\nabc", 200, false, "abc"),
        ];
        for &(raw, status, close, body) in cases {
            let (head, got) = parse(raw).unwrap_or_else(|e| panic!("{raw:?}: {e}"));
            assert_eq!(head, Head { status, close }, "{raw:?}");
            assert_eq!(got, body, "{raw:?}");
        }
    }

    #[test]
    fn bad_responses_are_errors() {
        for raw in [
            "",
            "garbage\r\n\r\n",
            "HTTP/1.1 abc OK\r\n\r\n",
            "SIP/2.0 200 OK\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort",
            "HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n",
            "HTTP/1.1 200 OK\r\nno colon\r\n\r\n",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n0\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: 99999999999\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n",
        ] {
            assert!(parse(raw).is_err(), "{raw:?} should not parse");
        }
    }

    #[test]
    fn keep_alive_reads_responses_in_turn() {
        let raw = "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nAHTTP/1.1 500 Oops\r\nContent-Length: 2\r\n\r\nBC";
        let mut r = Cursor::new(raw.as_bytes());
        let mut body = Vec::new();
        assert_eq!(read_response(&mut r, &mut body).unwrap().status, 200);
        assert_eq!(body, b"A");
        assert_eq!(read_response(&mut r, &mut body).unwrap().status, 500);
        assert_eq!(body, b"BC");
        assert!(read_response(&mut r, &mut body).is_err());
    }

    #[test]
    fn percentiles_are_nearest_rank() {
        let v: Vec<u32> = (1..=100).collect();
        let cases = [(50.0, 50), (90.0, 90), (99.0, 99), (100.0, 100), (0.0, 1), (99.5, 100)];
        for (p, want) in cases {
            assert_eq!(percentile(&v, p), Some(want), "p{p}");
        }
        assert_eq!(percentile(&[], 50.0), None);
        assert_eq!(percentile(&[7], 99.0), Some(7));
        assert_eq!(percentile(&[1, 2, 3], 50.0), Some(2));
        assert_eq!(percentile(&[1, 2, 3, 4], 50.0), Some(2));
    }

    #[test]
    fn tally_reports_errors_and_rows() {
        let mut t = Tally::default();
        t.record(CLAIM, Duration::from_millis(3), &Ok(200));
        t.record(CLAIM, Duration::from_millis(5), &Ok(404));
        t.record(BOARD, Duration::from_millis(1), &Err("reset".into()));
        t.record(CLAIM_PAGE, Duration::from_millis(9), &Ok(404));
        let r = t.report(1.0);
        assert!(r.contains("GET /api/v1/claims/{id}"), "{r}");
        let line = |name: &str| r.lines().find(|l| l.starts_with(name)).unwrap_or_default().to_string();
        let cols = |name: &str| line(name).split_whitespace().rev().take(6).map(str::to_string).collect::<Vec<_>>();
        // errors, max, p99, p90, p50, req/s (from the right)
        assert_eq!(cols("all requests"), ["2", "5.00", "5.00", "5.00", "3.00", "3.0"], "{r}");
        assert_eq!(cols("claim page"), ["1", "9.00", "9.00", "9.00", "9.00", "1.0"], "{r}");
        assert_eq!(cols("GET /api/v1/articles/{id}"), ["0", "-", "-", "-", "-", "0.0"], "{r}");
        assert!(r.contains("HTTP 404") && r.contains("reset"), "{r}");
    }

    #[test]
    fn urls_are_loopback_only() {
        assert_eq!(parse_url("http://127.0.0.1:8080").unwrap().1, "127.0.0.1:8080".parse().unwrap());
        assert_eq!(parse_url("http://127.0.0.1:9/x").unwrap().0, "127.0.0.1:9");
        assert!(parse_url("https://127.0.0.1:8080").is_err());
        assert!(parse_url("http://10.0.0.1:80").is_err());
        assert!(parse_url("http://").is_err());
    }

    #[test]
    fn ids_come_from_json() {
        let board = br#"{"items": [{"id": 3, "gist": "x", "participants": ["a"]}, {"id": 9}], "next_offset": null}"#;
        assert_eq!(board_ids(board), vec![3, 9]);
        let trail = br#"{"claim": {"id": 1}, "omitted": 0,
            "statements": [{"id": 5, "article": {"id": 12, "title": null}}, {"id": 6, "article": {"id": 14}}]}"#;
        assert_eq!(trail_article_ids(trail), vec![12, 14]);
        for bad in [&b"not json"[..], b"{}", br#"{"items": [{"no": 1}]}"#, br#"{"statements": [{"article": 3}]}"#] {
            assert!(board_ids(bad).is_empty() && trail_article_ids(bad).is_empty(), "{bad:?}");
        }
    }
}
