//! Reads inputs with claimtrail-sources and reports throughput; with `--show`, prints each article.
//!
//! `cargo run --release -p claimtrail-sources --example extract -- [--show] PATH...`

use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let mut show = false;
    let mut paths = Vec::new();
    for a in std::env::args().skip(1) {
        if a == "--show" {
            show = true;
        } else {
            paths.push(PathBuf::from(a));
        }
    }
    let bytes: u64 = paths.iter().map(|p| size(p)).sum();
    let t = Instant::now();
    let mut it = claimtrail_sources::read(paths, claimtrail_sources::ReadOptions::default());
    let (mut ok, mut bad, mut text) = (0usize, 0usize, 0usize);
    for item in it.by_ref() {
        match item {
            Ok(a) => {
                ok += 1;
                text += a.text.len();
                if show {
                    println!(
                        "== {} [{}] {:?} | {:?} | {:?} | {:?}",
                        a.origin, a.meta.id, a.meta.title, a.meta.outlet, a.meta.url, a.meta.published
                    );
                    println!("{}\n", a.text);
                }
            }
            Err(e) => {
                bad += 1;
                if show {
                    println!("!! {e}\n");
                }
            }
        }
    }
    let s = t.elapsed().as_secs_f64();
    eprintln!(
        "{ok} articles, {bad} rejected, {:?}; input {:.2} MB in {s:.3} s = {:.1} MB/s, {:.0} items/s; text out {:.2} MB",
        it.counts(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / s,
        (ok + bad) as f64 / s,
        text as f64 / 1e6
    );
}

fn size(p: &std::path::Path) -> u64 {
    match std::fs::metadata(p) {
        Ok(m) if m.is_dir() => std::fs::read_dir(p).map_or(0, |rd| rd.flatten().map(|e| size(&e.path())).sum()),
        Ok(m) => m.len(),
        Err(_) => 0,
    }
}
