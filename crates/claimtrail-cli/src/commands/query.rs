//! The analyst's queries over a store: `claims`, `claim`, `entity`, `sources`, `search`.

use std::io::Write;
use std::process::ExitCode;

use claimtrail_core::Date;
use claimtrail_store::{
    ArticleRef, ClaimQuery, ClaimSummary, ClaimTrail, EntityProfile, EntityStatement, SearchHit, SourceQuery,
    SourceSummary,
};

use crate::db::{self, DbArg};
use crate::output::{clip, opt, Align, Csv, Format, Table};

/// Output options shared by the queries.
#[derive(Debug, Clone, clap::Args)]
pub struct FormatArg {
    /// Output format [default: table on a terminal, json otherwise].
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

/// A date filter: `YYYY-MM-DD`, or a whole month `YYYY-MM` or year `YYYY`.
pub(crate) fn parse_day(s: &str) -> Result<String, String> {
    let s = s.trim();
    let bad = || format!("invalid date {s:?}: expected YYYY-MM-DD, YYYY-MM or YYYY");
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    match b.len() {
        4 if digits(0..4) => Ok(s.to_string()),
        7 if digits(0..4) && b[4] == b'-' && digits(5..7) && (1..=12).contains(&s[5..7].parse::<u8>().unwrap_or(0)) => {
            Ok(s.to_string())
        }
        _ => Date::parse(s).map(|d| d.to_string()).map_err(|_| bad()),
    }
}

/// Arguments of `claims`.
#[derive(Debug, clap::Args)]
pub struct ClaimsArgs {
    #[command(flatten)]
    pub db: DbArg,
    #[command(flatten)]
    pub format: FormatArg,
    /// Only claims some source asserts and another denies.
    #[arg(long)]
    pub contested: bool,
    /// Only claims about this person, organization or place (name, alias or surname).
    #[arg(long, value_name = "NAME")]
    pub about: Option<String>,
    /// Only claims with a statement on or after this date (YYYY-MM-DD, YYYY-MM or YYYY).
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub since: Option<String>,
    /// Only claims with a statement on or before this date (YYYY-MM-DD, YYYY-MM or YYYY).
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub until: Option<String>,
    /// At most this many claims, most cited first.
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
}

/// Arguments of `claim`.
#[derive(Debug, clap::Args)]
pub struct ClaimArgs {
    /// Claim id (as listed by `claims`).
    pub id: i64,
    #[command(flatten)]
    pub db: DbArg,
    #[command(flatten)]
    pub format: FormatArg,
}

/// Arguments of `entity`.
#[derive(Debug, clap::Args)]
pub struct EntityArgs {
    /// Name, alias or surname.
    pub name: String,
    #[command(flatten)]
    pub db: DbArg,
    #[command(flatten)]
    pub format: FormatArg,
}

/// Arguments of `sources`.
#[derive(Debug, clap::Args)]
pub struct SourcesArgs {
    #[command(flatten)]
    pub db: DbArg,
    #[command(flatten)]
    pub format: FormatArg,
    /// Only sources cited by (or relayed through) this outlet.
    #[arg(long, value_name = "NAME")]
    pub outlet: Option<String>,
    /// At most this many sources, most cited first.
    #[arg(long, default_value_t = 100)]
    pub limit: usize,
}

/// Arguments of `search`.
#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// Words to look for in articles and statements.
    pub text: String,
    #[command(flatten)]
    pub db: DbArg,
    #[command(flatten)]
    pub format: FormatArg,
    /// At most this many hits, best first.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
}

fn stdout() -> std::io::BufWriter<std::io::StdoutLock<'static>> {
    std::io::BufWriter::new(std::io::stdout().lock())
}

fn yes(b: bool) -> String {
    if b { "yes" } else { "" }.to_string()
}

fn article_label(a: &ArticleRef) -> String {
    let mut s = a.doc_id.clone();
    if let Some(o) = &a.outlet {
        s.push_str(&format!(" ({o})"));
    }
    s
}

fn gist_with_when(gist: &str, when: &Option<String>) -> String {
    match when {
        Some(w) => format!("{gist} ({w})"),
        None => gist.to_string(),
    }
}

/// The claims table, as `claims` and `demo` print it.
pub(crate) fn claims_table(claims: &[ClaimSummary]) -> String {
    let mut t = Table::new(&[
        ("id", 8, Align::Right),
        ("claim", 60, Align::Left),
        ("participants", 36, Align::Left),
        ("assert", 6, Align::Right),
        ("deny", 6, Align::Right),
        ("hedge", 6, Align::Right),
        ("articles", 8, Align::Right),
        ("contested", 9, Align::Left),
        ("first seen", 10, Align::Left),
    ]);
    for c in claims {
        t.row(vec![
            c.id.to_string(),
            gist_with_when(&c.gist, &c.when),
            c.participants.join(", "),
            c.asserts.to_string(),
            c.denies.to_string(),
            c.hedges.to_string(),
            c.articles.to_string(),
            yes(c.contested),
            opt(&c.first_seen),
        ]);
    }
    t.render()
}

const CLAIM_CSV: &[&str] = &[
    "id",
    "gist",
    "event",
    "when",
    "participants",
    "asserts",
    "denies",
    "hedges",
    "no_knowledge",
    "articles",
    "contested",
    "first_seen",
    "last_seen",
];

fn claim_csv_row(c: &ClaimSummary) -> Vec<String> {
    vec![
        c.id.to_string(),
        c.gist.clone(),
        opt(&c.event),
        opt(&c.when),
        c.participants.join("; "),
        c.asserts.to_string(),
        c.denies.to_string(),
        c.hedges.to_string(),
        c.no_knowledge.to_string(),
        c.articles.to_string(),
        c.contested.to_string(),
        opt(&c.first_seen),
        opt(&c.last_seen),
    ]
}

/// Runs `claims`.
pub fn claims(args: ClaimsArgs) -> anyhow::Result<ExitCode> {
    let store = db::open_existing(&args.db.db)?;
    let query = ClaimQuery {
        contested: args.contested,
        about: args.about,
        since: args.since,
        until: args.until,
        limit: args.limit,
        ..ClaimQuery::default()
    };
    let rows = store.claims(&query)?;
    let mut out = stdout();
    match Format::resolve(args.format.format) {
        Format::Json => crate::output::json(&mut out, &rows)?,
        Format::Csv => {
            let mut w = Csv::new(&mut out, CLAIM_CSV)?;
            for c in &rows {
                w.record(&claim_csv_row(c))?;
            }
            w.finish()?;
        }
        Format::Table => {
            if rows.is_empty() {
                writeln!(out, "no claims match")?;
            } else {
                out.write_all(claims_table(&rows).as_bytes())?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn claim_header(c: &ClaimSummary) -> String {
    let mut s = format!("claim {}: {}", c.id, gist_with_when(&c.gist, &c.when));
    if c.contested {
        s.push_str("  [contested]");
    }
    s.push('\n');
    if let Some(e) = &c.event {
        s.push_str(&format!("  event: {e}\n"));
    }
    if !c.participants.is_empty() {
        s.push_str(&format!("  participants: {}\n", c.participants.join(", ")));
    }
    s.push_str(&format!(
        "  {} asserting, {} denying, {} hedging, {} without knowledge; {} articles",
        c.asserts, c.denies, c.hedges, c.no_knowledge, c.articles
    ));
    if let (Some(a), Some(b)) = (&c.first_seen, &c.last_seen) {
        s.push_str(&format!("; {a} to {b}"));
    }
    s.push('\n');
    s
}

fn trail_table(trail: &ClaimTrail) -> String {
    let mut s = claim_header(&trail.claim);
    s.push('\n');
    let mut t = Table::new(&[
        ("date", 10, Align::Left),
        ("stance", 12, Align::Left),
        ("source", 32, Align::Left),
        ("via", 30, Align::Left),
        ("quote", 70, Align::Left),
        ("article", 30, Align::Left),
        ("copies", 6, Align::Right),
    ]);
    for st in &trail.statements {
        t.row(vec![
            opt(&st.date),
            st.stance.as_str().to_string(),
            format!("{} [{}]", st.source, st.source_kind),
            st.via.join(", citing "),
            format!("\"{}\"", clip(&st.quote, 200)),
            article_label(&st.article),
            st.copies.len().to_string(),
        ]);
    }
    s.push_str(&t.render());
    if trail.omitted > 0 {
        s.push_str(&format!(
            "({} more statements not shown: the trail keeps the oldest {} of each stance)\n",
            trail.omitted,
            claimtrail_store::MAX_TRAIL_PER_STANCE
        ));
    }
    s
}

/// Runs `claim`.
pub fn claim(args: ClaimArgs) -> anyhow::Result<ExitCode> {
    let store = db::open_existing(&args.db.db)?;
    let Some(trail) = store.claim(args.id)? else {
        eprintln!("claimtrail: no claim {} in {}", args.id, args.db.db.display());
        return Ok(ExitCode::from(1));
    };
    let mut out = stdout();
    match Format::resolve(args.format.format) {
        Format::Json => crate::output::json(&mut out, &trail)?,
        Format::Csv => {
            let mut w = Csv::new(
                &mut out,
                &[
                    "claim",
                    "gist",
                    "statement",
                    "date",
                    "stance",
                    "source",
                    "source_kind",
                    "source_entity",
                    "via",
                    "quote",
                    "article",
                    "doc_id",
                    "outlet",
                    "title",
                    "url",
                    "published",
                    "copies",
                ],
            )?;
            for st in &trail.statements {
                let copies: Vec<String> = st.copies.iter().map(|a| a.doc_id.clone()).collect();
                w.record(&[
                    trail.claim.id.to_string(),
                    trail.claim.gist.clone(),
                    st.id.to_string(),
                    opt(&st.date),
                    st.stance.as_str().to_string(),
                    st.source.clone(),
                    st.source_kind.clone(),
                    opt(&st.source_entity),
                    st.via.join(", citing "),
                    st.quote.clone(),
                    st.article.id.to_string(),
                    st.article.doc_id.clone(),
                    opt(&st.article.outlet),
                    opt(&st.article.title),
                    opt(&st.article.url),
                    opt(&st.article.published),
                    copies.join("; "),
                ])?;
            }
            w.finish()?;
        }
        Format::Table => out.write_all(trail_table(&trail).as_bytes())?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn timeline(rows: &[EntityStatement], with_source: bool) -> String {
    let mut cols = vec![("date", 10, Align::Left)];
    if with_source {
        cols.push(("source", 28, Align::Left));
    }
    cols.extend([
        ("stance", 12, Align::Left),
        ("claim", 8, Align::Right),
        ("what", 70, Align::Left),
        ("via", 24, Align::Left),
        ("article", 28, Align::Left),
    ]);
    let mut t = Table::new(&cols);
    for r in rows {
        let mut cells = vec![opt(&r.date)];
        if with_source {
            cells.push(r.source.clone());
        }
        cells.extend([
            r.stance.as_str().to_string(),
            opt(&r.claim),
            r.gist.clone(),
            r.via.join(", citing "),
            article_label(&r.article),
        ]);
        t.row(cells);
    }
    t.render()
}

fn profile_text(p: &EntityProfile) -> String {
    let mut s = format!("{} ({}, entity {}), in {} articles\n", p.name, p.kind, p.id, p.articles);
    if !p.aliases.is_empty() {
        s.push_str(&format!("  also: {}\n", p.aliases.join(", ")));
    }
    if !p.roles.is_empty() {
        s.push_str(&format!("  roles: {}\n", p.roles.join("; ")));
    }
    s.push_str(&format!("\n  said ({}):\n", p.said.len()));
    if !p.said.is_empty() {
        for l in timeline(&p.said, false).lines() {
            s.push_str(&format!("    {l}\n"));
        }
    }
    s.push_str(&format!("\n  said about them ({}):\n", p.said_about.len()));
    if !p.said_about.is_empty() {
        for l in timeline(&p.said_about, true).lines() {
            s.push_str(&format!("    {l}\n"));
        }
    }
    s
}

/// Runs `entity`.
pub fn entity(args: EntityArgs) -> anyhow::Result<ExitCode> {
    let store = db::open_existing(&args.db.db)?;
    let profiles = store.entity(&args.name)?;
    let mut out = stdout();
    match Format::resolve(args.format.format) {
        Format::Json => crate::output::json(&mut out, &profiles)?,
        Format::Csv => {
            let mut w = Csv::new(
                &mut out,
                &[
                    "entity", "name", "kind", "relation", "date", "claim", "gist", "source", "stance", "quote", "via",
                    "article", "doc_id", "outlet",
                ],
            )?;
            for p in &profiles {
                for (relation, rows) in [("said", &p.said), ("said_about", &p.said_about)] {
                    for r in rows {
                        w.record(&[
                            p.id.to_string(),
                            p.name.clone(),
                            p.kind.clone(),
                            relation.to_string(),
                            opt(&r.date),
                            opt(&r.claim),
                            r.gist.clone(),
                            r.source.clone(),
                            r.stance.as_str().to_string(),
                            r.quote.clone(),
                            r.via.join(", citing "),
                            r.article.id.to_string(),
                            r.article.doc_id.clone(),
                            opt(&r.article.outlet),
                        ])?;
                    }
                }
            }
            w.finish()?;
        }
        Format::Table => {
            if profiles.is_empty() {
                writeln!(out, "no entity matches {:?}", args.name)?;
            }
            for (i, p) in profiles.iter().enumerate() {
                if i > 0 {
                    writeln!(out)?;
                }
                out.write_all(profile_text(p).as_bytes())?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn cited_by(s: &SourceSummary, sep: &str) -> String {
    s.cited_by.iter().map(|(o, n)| format!("{o} ({n})")).collect::<Vec<_>>().join(sep)
}

fn share(s: &SourceSummary) -> String {
    s.anonymous_share.map_or_else(String::new, |x| format!("{:.0}%", x * 100.0))
}

/// Runs `sources`.
pub fn sources(args: SourcesArgs) -> anyhow::Result<ExitCode> {
    let store = db::open_existing(&args.db.db)?;
    let rows = store.sources(&SourceQuery { outlet: args.outlet, limit: args.limit, offset: 0 })?;
    let mut out = stdout();
    match Format::resolve(args.format.format) {
        Format::Json => crate::output::json(&mut out, &rows)?,
        Format::Csv => {
            let mut w = Csv::new(
                &mut out,
                &["entity", "name", "kind", "statements", "articles", "anonymous_share", "cited_by"],
            )?;
            for s in &rows {
                w.record(&[
                    opt(&s.entity),
                    s.name.clone(),
                    s.kind.clone(),
                    s.statements.to_string(),
                    s.articles.to_string(),
                    s.anonymous_share.map_or_else(String::new, |x| format!("{x:.3}")),
                    cited_by(s, "; "),
                ])?;
            }
            w.finish()?;
        }
        Format::Table => {
            let mut t = Table::new(&[
                ("source", 40, Align::Left),
                ("kind", 12, Align::Left),
                ("statements", 10, Align::Right),
                ("articles", 8, Align::Right),
                ("anonymous", 9, Align::Right),
                ("cited by", 60, Align::Left),
            ]);
            for s in &rows {
                t.row(vec![
                    if s.name.is_empty() { "(no source)".to_string() } else { s.name.clone() },
                    s.kind.clone(),
                    s.statements.to_string(),
                    s.articles.to_string(),
                    share(s),
                    cited_by(s, ", "),
                ]);
            }
            if t.is_empty() {
                writeln!(out, "no sources match")?;
            } else {
                out.write_all(t.render().as_bytes())?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn search_csv(hits: &[SearchHit], out: impl Write) -> std::io::Result<()> {
    let mut w = Csv::new(
        out,
        &["kind", "score", "article", "doc_id", "title", "outlet", "published", "statement", "claim", "snippet"],
    )?;
    for h in hits {
        w.record(&[
            h.kind.clone(),
            format!("{:.3}", h.score),
            h.article.id.to_string(),
            h.article.doc_id.clone(),
            opt(&h.article.title),
            opt(&h.article.outlet),
            opt(&h.article.published),
            opt(&h.statement),
            opt(&h.claim),
            h.snippet.clone(),
        ])?;
    }
    w.finish()?;
    Ok(())
}

/// Runs `search`.
pub fn search(args: SearchArgs) -> anyhow::Result<ExitCode> {
    let store = db::open_existing(&args.db.db)?;
    let hits = store.search(&args.text, args.limit)?;
    let mut out = stdout();
    match Format::resolve(args.format.format) {
        Format::Json => crate::output::json(&mut out, &hits)?,
        Format::Csv => search_csv(&hits, &mut out)?,
        Format::Table => {
            let mut t = Table::new(&[
                ("kind", 9, Align::Left),
                ("article", 30, Align::Left),
                ("date", 10, Align::Left),
                ("claim", 8, Align::Right),
                ("snippet", 90, Align::Left),
            ]);
            for h in &hits {
                t.row(vec![
                    h.kind.clone(),
                    article_label(&h.article),
                    opt(&h.article.published),
                    opt(&h.claim),
                    h.snippet.clone(),
                ]);
            }
            if t.is_empty() {
                writeln!(out, "nothing found for {:?}", args.text)?;
            } else {
                out.write_all(t.render().as_bytes())?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_filters_table() {
        let cases = [
            ("2015-10-07", Some("2015-10-07")),
            ("2015-08", Some("2015-08")),
            ("2015", Some("2015")),
            (" 2015-08-07 ", Some("2015-08-07")),
            ("2015-13", None),
            ("2015-02-30", None),
            ("15-08-07", None),
            ("yesterday", None),
            ("", None),
        ];
        for (input, want) in cases {
            assert_eq!(parse_day(input).ok().as_deref(), want, "{input:?}");
        }
    }

    #[test]
    fn claims_table_marks_contested_and_when() {
        let c = ClaimSummary {
            id: 7,
            gist: "Soleimani visited Moscow".into(),
            event: Some("visit".into()),
            when: Some("2015-07-24".into()),
            participants: vec!["Qasem Soleimani".into(), "Moscow".into()],
            asserts: 3,
            denies: 1,
            hedges: 0,
            no_knowledge: 1,
            articles: 4,
            contested: true,
            first_seen: Some("2015-08-07".into()),
            last_seen: Some("2015-10-07".into()),
        };
        let t = claims_table(std::slice::from_ref(&c));
        let row = t.lines().nth(2).unwrap();
        assert!(row.contains("Soleimani visited Moscow (2015-07-24)"), "{t}");
        assert!(row.contains("yes"), "{t}");
        let csv = claim_csv_row(&c);
        assert_eq!(csv.len(), CLAIM_CSV.len());
        assert_eq!(csv[4], "Qasem Soleimani; Moscow");
    }
}
