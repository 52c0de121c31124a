//! `claimtrail serve` as a real process: it prints its URL, answers a raw HTTP request, honours
//! the ingest token from the environment, stops on SIGTERM, and refuses a missing store.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_claimtrail"))
}

fn tmpdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("claimtrail-serve-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Kills the server if a test fails before stopping it.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// One raw HTTP/1.1 request; the status code and the body.
fn request(addr: &str, method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str(&format!("Content-Length: {}\r\n\r\n{body}", body.len()));
    s.write_all(req.as_bytes()).unwrap();
    let mut answer = String::new();
    s.read_to_string(&mut answer).unwrap();
    let status = answer.split(' ').nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    let body = answer.split_once("\r\n\r\n").map_or("", |(_, b)| b).to_string();
    (status, body)
}

#[test]
fn serve_answers_over_tcp_and_stops_on_sigterm() {
    let dir = tmpdir("run");
    let db = dir.join("s.db");
    let seed = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/seed.txt");
    let out = bin().arg("ingest").arg(&seed).arg("--db").arg(&db).args(["--published", "2015-10-07"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    let child = bin()
        .args(["serve", "--addr", "127.0.0.1:0", "--readers", "2", "--db"])
        .arg(&db)
        .env("CLAIMTRAIL_INGEST_TOKEN", "env-token")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut server = Server(child);
    let mut line = String::new();
    BufReader::new(server.0.stdout.take().unwrap()).read_line(&mut line).unwrap();
    assert!(line.contains("ingest enabled"), "{line}");
    let url =
        line.split_whitespace().find(|w| w.starts_with("http://")).unwrap_or_else(|| panic!("no URL in {line:?}"));
    let addr = url.trim_start_matches("http://").trim_end_matches('/').to_string();

    let (status, body) = request(&addr, "GET", "/api/v1/stats", &[], "");
    assert_eq!(status, 200, "{body}");
    let stats: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(stats["articles"], 1);

    let article = r#"{"id":"post-1","text":"The mayor said the bridge will reopen on Monday."}"#;
    let json = ("Content-Type", "application/json");
    let (status, body) = request(&addr, "POST", "/api/v1/articles", &[json], article);
    assert_eq!(status, 401, "{body}");
    let (status, body) =
        request(&addr, "POST", "/api/v1/articles", &[json, ("Authorization", "Bearer env-token")], article);
    assert_eq!(status, 201, "{body}");
    let (status, body) = request(&addr, "GET", "/", &[], "");
    assert_eq!(status, 200);
    assert!(body.contains("<html"), "{body}");

    #[cfg(unix)]
    {
        let pid = server.0.id().to_string();
        assert!(Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
        let start = Instant::now();
        let status = loop {
            if let Some(s) = server.0.try_wait().unwrap() {
                break s;
            }
            assert!(start.elapsed() < Duration::from_secs(20), "serve did not stop on SIGTERM");
            std::thread::sleep(Duration::from_millis(50));
        };
        assert!(status.success(), "{status:?}");
    }
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn serve_refuses_a_missing_store() {
    let dir = tmpdir("missing");
    let db = dir.join("none.db");
    let out = bin().args(["serve", "--addr", "127.0.0.1:0", "--db"]).arg(&db).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no store at"), "{stderr}");
    assert!(!db.exists());
    let _ = std::fs::remove_dir_all(&dir);
}
