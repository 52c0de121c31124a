//! The `claimtrail` binary end to end: input formats, output formats, bad input.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_claimtrail"))
}

fn tmpdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("claimtrail-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn run(cmd: &mut Command) -> (Output, String, String) {
    let out = cmd.output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (out, stdout, stderr)
}

fn seed() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/seed.txt")
}

#[test]
fn analyze_txt_as_json_follows_the_contract() {
    let (out, stdout, stderr) =
        run(bin().args(["analyze", "--format", "json", "--published", "2015-10-07"]).arg(seed()));
    assert!(out.status.success(), "{stderr}");
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["schema"], "claimtrail.analysis/1");
    assert_eq!(v["document"]["id"], "seed");
    assert_eq!(v["document"]["published"], "2015-10-07");
    for key in ["entities", "attributions", "claims", "times"] {
        assert!(v[key].is_array(), "{key}");
    }
    // Offsets are character offsets into document.text.
    let text: Vec<char> = v["document"]["text"].as_str().unwrap().chars().collect();
    for a in v["attributions"].as_array().unwrap() {
        let cue = &a["cue"];
        let (s, e) = (cue["start"].as_u64().unwrap() as usize, cue["end"].as_u64().unwrap() as usize);
        assert_eq!(text[s..e].iter().collect::<String>(), cue["text"].as_str().unwrap());
    }
}

#[test]
fn analyze_text_format_prints_a_ledger() {
    let (out, stdout, _) = run(bin().args(["analyze", "--format", "text", "--published", "2015-10-07"]).arg(seed()));
    assert!(out.status.success());
    assert!(stdout.starts_with("== seed (published 2015-10-07) =="), "{stdout}");
}

#[test]
fn one_bad_article_does_not_stop_the_batch() {
    let dir = tmpdir("batch");
    let jsonl = write(
        &dir,
        "batch.jsonl",
        concat!(
            "{\"id\":\"good1\",\"text\":\"Peskov said no.\",\"published\":\"2015-10-07\"}\n",
            "{\"id\":\"broken\",\"text\":\n",
            "\n",
            "{\"id\":\"empty\",\"text\":\"   \"}\n",
            "{\"id\":\"notext\"}\n",
            "{\"id\":\"good2\",\"text\":\"“Nonsense,” she said.\"}\n",
        )
        .as_bytes(),
    );
    let (out, stdout, stderr) = run(bin().args(["analyze", "--format", "json"]).arg(&jsonl));
    assert_eq!(out.status.code(), Some(1), "exit code says something failed");
    let ids: Vec<String> = stdout
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["document"]["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["good1", "good2"], "the rest of the batch goes on, in input order");
    assert!(stderr.contains("batch.jsonl:2"), "names the line: {stderr}");
    assert!(stderr.contains("not a JSON article"), "{stderr}");
    assert!(stderr.contains("\"empty\"") && stderr.contains("is empty"), "{stderr}");
    assert!(stderr.contains("\"notext\"") && stderr.contains("missing \"text\""), "{stderr}");
    assert!(stderr.contains("2 documents analyzed, 3 failed"), "{stderr}");
}

#[test]
fn invalid_utf8_empty_and_oversized_files_are_reported() {
    let dir = tmpdir("bad");
    let bad = write(&dir, "latin1.txt", b"Caf\xe9 said no.");
    let empty = write(&dir, "empty.txt", b"");
    let big = write(&dir, "big.txt", "Peskov said no. ".repeat(100).as_bytes());
    let good = write(&dir, "good.txt", "“It is not true,” Zakharova said.".as_bytes());
    let (out, stdout, stderr) =
        run(bin().args(["analyze", "--format", "json", "--max-bytes", "1000"]).args([&bad, &empty, &big, &good]));
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr.contains("latin1.txt") && stderr.contains("invalid UTF-8 at byte 3"), "{stderr}");
    assert!(stderr.contains("empty.txt") && stderr.contains("is empty"), "{stderr}");
    assert!(stderr.contains("big.txt") && stderr.contains("limit"), "{stderr}");
    assert_eq!(stdout.lines().count(), 1);
    assert!(stdout.contains("\"id\":\"good\""));
    assert!(!stderr.contains("panicked"));
}

#[test]
fn invalid_utf8_json_line_is_skipped() {
    let dir = tmpdir("utf8jsonl");
    let mut bytes = b"{\"id\":\"a\",\"text\":\"ok said he.\"}\n{\"id\":\"b\",\"text\":\"bad \xff\"}\n".to_vec();
    bytes.extend_from_slice(b"{\"id\":\"c\",\"text\":\"fine.\"}\n");
    let f = write(&dir, "x.jsonl", &bytes);
    let (out, stdout, stderr) = run(bin().args(["analyze", "--format", "json"]).arg(&f));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout.lines().count(), 2);
    assert!(stderr.contains("x.jsonl:2") && stderr.contains("invalid UTF-8"), "{stderr}");
}

#[test]
fn stdin_is_read_as_one_article() {
    let mut child = bin()
        .args(["analyze", "--format", "json", "--published", "2015-10-07", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all("Moscow denied the report.".as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["document"]["id"], "stdin");
}

#[test]
fn odd_quotes_are_fine() {
    let dir = tmpdir("quotes");
    let f = write(&dir, "odd.txt", "“This is nonsense, he said. Then “more” and “yet more.".as_bytes());
    let (out, _, stderr) = run(bin().args(["analyze", "--format", "json"]).arg(&f));
    assert!(out.status.success(), "{stderr}");
}

#[test]
fn bad_arguments_fail_clearly() {
    let (out, _, stderr) = run(bin().args(["analyze", "--published", "07/10/2015", "x.txt"]));
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr.contains("invalid date"), "{stderr}");
    let (out, _, stderr) = run(bin().args(["analyze", "/nonexistent/file.txt"]));
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr.contains("/nonexistent/file.txt") && stderr.contains("cannot open"), "{stderr}");
}
