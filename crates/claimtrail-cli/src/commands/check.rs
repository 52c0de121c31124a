//! `claimtrail check "TEXT"`: which stored claims say the same as this sentence, and whether
//! each article asserts, denies or hedges it (stance toward the sentence as written).

use std::io::Write;
use std::process::ExitCode;

use claimtrail_check::corpus::{check, CheckResult};
use claimtrail_check::Matcher;

use super::query::FormatArg;
use crate::db::{self, DbArg};
use crate::output::{clip, Align, Csv, Format, Table};

/// Arguments of `check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The claim to check, one sentence as a reader would write it.
    pub text: String,
    #[command(flatten)]
    pub db: DbArg,
    #[command(flatten)]
    pub format: FormatArg,
    /// At most this many matching claims, best first.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
}

fn table(r: &CheckResult) -> String {
    if r.matches.is_empty() {
        return format!("no stored claim matches {:?}\n", r.query);
    }
    let mut s = format!("check: {}\n", r.query);
    for m in &r.matches {
        let id = m.claim.map_or_else(|| "(unlinked)".to_string(), |c| format!("claim {c}"));
        s.push_str(&format!("\n{id}: {}  (score {:.2})\n", clip(&m.gist, 100), m.score));
        let mut t = Table::new(&[
            ("stance", 12, Align::Left),
            ("document", 28, Align::Left),
            ("source", 30, Align::Left),
            ("quote", 80, Align::Left),
        ]);
        for d in &m.documents {
            t.row(vec![d.stance.clone(), d.id.clone(), d.source.clone(), format!("\"{}\"", d.quote)]);
        }
        for l in t.render().lines() {
            s.push_str(&format!("  {l}\n"));
        }
    }
    s
}

/// Runs `check`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = db::open_existing(&args.db.db)?;
    let result = check(store.as_ref(), &Matcher::new(), &args.text, args.limit)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match Format::resolve(args.format.format) {
        Format::Json => crate::output::json(&mut out, &result)?,
        Format::Csv => {
            let mut w =
                Csv::new(&mut out, &["query", "claim", "gist", "score", "document", "stance", "source", "quote"])?;
            for m in &result.matches {
                for d in &m.documents {
                    w.record(&[
                        result.query.clone(),
                        m.claim.map_or_else(String::new, |c| c.to_string()),
                        m.gist.clone(),
                        format!("{:.3}", m.score),
                        d.id.clone(),
                        d.stance.clone(),
                        d.source.clone(),
                        d.quote.clone(),
                    ])?;
                }
            }
            w.finish()?;
        }
        Format::Table => out.write_all(table(&result).as_bytes())?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
