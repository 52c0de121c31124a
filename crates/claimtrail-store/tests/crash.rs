//! Crash safety: a child process inserting batches is killed with SIGKILL; rerunning the same
//! input (skipping stored content hashes) ends with exactly the store a clean run makes.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use claimtrail_core::Stance;
use claimtrail_corpus::ArticleRecord;
use claimtrail_store::{SqliteStore, Store};
use common::{story, Rec};

const CHILD_ENV: &str = "CLAIMTRAIL_STORE_CRASH_CHILD";
const BATCH: usize = 8;

/// Varied articles with shared people, claims that link, and wire copies.
fn records(n: usize) -> Vec<ArticleRecord> {
    const PEOPLE: &[&str] = &["Sergey Lavrov", "Maria Zakharova", "Dmitry Peskov", "Ali Khamenei", "Qasem Soleimani"];
    const OUTLETS: &[&str] = &["Reuters", "TASS", "Fox News", "RIA Novosti"];
    const EVENTS: &[&str] = &["meet", "visit", "sign"];
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let copy = i % 7 == 6;
        let seed = if copy { (i - 3) as u64 } else { i as u64 };
        let mut text = story(seed, 200);
        if copy {
            text = text.replacen("said", "stated", 1);
        }
        let outlet = OUTLETS[i % OUTLETS.len()];
        let mut r = Rec::new(&format!("doc-{i}"), Some(outlet), &format!("2015-08-{:02}", 1 + seed % 28), &text);
        let a = r.entity(PEOPLE[(seed % 5) as usize], "person");
        let b = r.entity(PEOPLE[((seed / 5) % 5) as usize], "person");
        let s = r.entity(PEOPLE[((seed / 3) % 5) as usize].split(' ').nth(1).unwrap_or("X"), "person");
        let c = r.claim("something happened", Some(EVENTS[(seed % 3) as usize]), &[a, b], None);
        let stance = if seed % 4 == 0 { Stance::Denies } else { Stance::Asserts };
        r.said(Some(c), Some(s), "speaker", "person", stance, &format!("quote {seed}"), &[outlet]);
        r.said(None, None, outlet, "document", Stance::Asserts, &format!("own {seed}"), &[]);
        out.push(r.build());
    }
    out
}

fn run(path: &Path, recs: &[ArticleRecord]) {
    let mut s = SqliteStore::open(path).unwrap();
    for batch in recs.chunks(BATCH) {
        let todo: Vec<ArticleRecord> =
            batch.iter().filter(|r| !s.contains(&r.content_hash).unwrap()).cloned().collect();
        if !todo.is_empty() {
            s.insert(&todo).unwrap();
        }
    }
}

/// Every table's rows (sorted), the FTS indexes checked against their content and queried.
fn dump(path: &Path) -> Vec<String> {
    SqliteStore::open(path).unwrap().check_integrity().unwrap();
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut out = Vec::new();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for t in tables {
        let mut st = conn.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
        let n = st.column_count();
        let mut rows: Vec<String> = st
            .query_map([], |r| {
                let mut s = t.clone();
                for i in 0..n {
                    s.push_str(&format!(" | {:?}", r.get_ref(i)?));
                }
                Ok(s)
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        rows.sort();
        out.extend(rows);
    }
    drop(conn);
    let s = SqliteStore::open(path).unwrap();
    for q in ["minister talks", "quote", "own 3"] {
        for h in s.search(q, 50).unwrap() {
            out.push(format!("search {q}: {} {:?} {:?}", h.kind, h.article.id, h.statement));
        }
    }
    out
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("claimtrail-crash-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("store.db")
}

#[test]
fn sigkill_then_rerun_equals_clean_run() {
    let recs = records(240);
    if let Ok(path) = std::env::var(CHILD_ENV) {
        run(Path::new(&path), &recs);
        return;
    }
    let t_clean = Instant::now();
    let clean = temp("clean");
    run(&clean, &recs);
    let want = dump(&clean);
    eprintln!("clean run + dump: {:?}", t_clean.elapsed());

    let killed = temp("killed");
    let mut stored_at_kill = Vec::new();
    for round in 0..3 {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "sigkill_then_rerun_equals_clean_run", "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, &killed)
            .spawn()
            .unwrap();
        // Kill once a few more batches are committed than before: mid-ingest, mid-transaction.
        let target = 40 * (round + 1);
        let t0 = Instant::now();
        loop {
            let n: u64 = rusqlite::Connection::open_with_flags(&killed, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
                .and_then(|c| c.query_row("SELECT count(*) FROM articles", [], |r| r.get(0)))
                .unwrap_or(0);
            if n >= target || t0.elapsed() > Duration::from_secs(60) {
                break;
            }
            if child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let n = SqliteStore::open(&killed).unwrap().stats().unwrap().articles;
        assert_eq!(n % BATCH as u64, 0, "only whole batches are stored");
        stored_at_kill.push(n);
    }
    eprintln!("killed at {stored_at_kill:?}");
    assert!(stored_at_kill.iter().any(|&n| n > 0 && n < recs.len() as u64), "never killed mid-run: {stored_at_kill:?}");
    run(&killed, &recs);
    let got = dump(&killed);
    assert_eq!(got.len(), want.len(), "killed at {stored_at_kill:?}");
    for (g, w) in got.iter().zip(&want) {
        assert_eq!(g, w, "killed at {stored_at_kill:?}");
    }
    for p in [clean, killed] {
        let _ = std::fs::remove_dir_all(p.parent().unwrap());
    }
}
