//! No input makes the readers panic or hang: truncated and corrupted copies of every fixture, read
//! as every format, and pathological nesting.

use std::path::PathBuf;

use claimtrail_sources::{read, Format, ReadOptions};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

const FORMATS: [Option<Format>; 6] =
    [None, Some(Format::Txt), Some(Format::Jsonl), Some(Format::Html), Some(Format::Feed), Some(Format::Warc)];

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn read_bytes(dir: &std::path::Path, name: &str, bytes: &[u8], format: Option<Format>) -> usize {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    let opts = ReadOptions { format, max_bytes: 1 << 20, ..ReadOptions::default() };
    let items: Vec<_> = read(vec![p], opts).take(10_000).collect();
    for e in items.iter().filter_map(|r| r.as_ref().err()) {
        assert!(e.origin.path.ends_with(name), "{e}");
    }
    items.len()
}

#[test]
fn truncated_and_corrupted_inputs_never_panic() {
    let dir = std::env::temp_dir().join(format!("claimtrail-sources-robust-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut names: Vec<_> = std::fs::read_dir(fixtures()).unwrap().flatten().map(|e| e.path()).collect();
    names.sort();
    for path in names {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&path).unwrap();
        for format in FORMATS {
            // Truncations at a few places.
            for k in 0..6 {
                let cut = (rng.next() as usize) % (bytes.len() + 1);
                let _ = read_bytes(&dir, &name, &bytes[..cut], format);
                let _ = k;
            }
            // Random byte changes.
            for _ in 0..4 {
                let mut b = bytes.clone();
                for _ in 0..8 {
                    if b.is_empty() {
                        break;
                    }
                    let i = (rng.next() as usize) % b.len();
                    b[i] = rng.next() as u8;
                }
                let _ = read_bytes(&dir, &name, &b, format);
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn deep_nesting_is_read_or_rejected_in_linear_time() {
    let dir = std::env::temp_dir().join(format!("claimtrail-sources-deep-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let t = std::time::Instant::now();
    let n = 100_000;
    let para = "<p>The mayor said the bridge would reopen on Monday after a long repair.</p>";
    let read_one = |name: &str, text: &str| {
        let p = dir.join(name);
        std::fs::write(&p, text).unwrap();
        let items: Vec<_> = read(vec![p], ReadOptions::default()).collect();
        assert_eq!(items.len(), 1, "{name}");
        items.into_iter().next().unwrap()
    };
    let deep = format!("<html><body>{}{para}{}</body></html>", "<div>".repeat(n), "</div>".repeat(n));
    let e = read_one("deep.html", &deep).unwrap_err();
    assert!(e.message.contains("nested more than"), "{e}");
    // Unclosed paragraphs and list items do not count as nesting.
    let flat =
        format!("<html><body><div>{}</div></body></html>", "<p>Officials said the plan was sound.<li>x".repeat(3000));
    assert!(read_one("flat.html", &flat).is_ok());
    let feed = |body: &str| {
        format!(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>{}x</title><item><title>t</title>{body}</item></channel></rss>",
            "&lt;b&gt;".repeat(n)
        )
    };
    let e =
        read_one("deep.rss", &feed(&format!("<description>{}</description>", "&lt;div&gt;".repeat(n)))).unwrap_err();
    assert!(e.message.contains("nested more than"), "{e}");
    let xml = feed(&format!("<description>ok</description>{}{}", "<x>".repeat(n), "</x>".repeat(n)));
    let _ = read_one("deep2.rss", &xml);
    assert!(t.elapsed().as_secs() < 20, "took {:?}", t.elapsed());
    let _ = std::fs::remove_dir_all(&dir);
}
