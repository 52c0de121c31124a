//! `claimtrail serve`: the claim board and the JSON API over a store (docs/api.md).

use std::net::SocketAddr;
use std::process::ExitCode;

use anyhow::Context;

use crate::db::DbArg;

/// Environment variable holding the ingest token (keeps it out of `ps`).
pub const TOKEN_ENV: &str = "CLAIMTRAIL_INGEST_TOKEN";

/// Arguments of `serve`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub db: DbArg,
    /// Address to listen on (port 0: any free port).
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Accept `POST /api/v1/articles` from requests with `Authorization: Bearer TOKEN`
    /// [also from the environment variable CLAIMTRAIL_INGEST_TOKEN]. Without it the server is
    /// read-only.
    #[arg(long)]
    pub ingest_token: Option<String>,
    /// Read-only database connections (concurrent queries).
    #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u16).range(1..=256))]
    pub readers: u16,
}

/// Completes on Ctrl-C or (on Unix) SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = term => {}
    }
    eprintln!("claimtrail serve: shutting down");
}

/// Runs `serve` until Ctrl-C or SIGTERM.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let token = args.ingest_token.or_else(|| std::env::var(TOKEN_ENV).ok().filter(|t| !t.is_empty()));
    if token.as_deref().is_some_and(|t| t.trim().is_empty()) {
        anyhow::bail!("the ingest token is empty");
    }
    let ingest = token.is_some();
    let state = claimtrail_server::AppState::open(&args.db.db, token, usize::from(args.readers))?;
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().context("starting the runtime")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .with_context(|| format!("cannot listen on {}", args.addr))?;
        let local = listener.local_addr()?;
        let mode = if ingest { "ingest enabled" } else { "read-only" };
        println!("claimtrail: serving {} on http://{local}/ ({mode})", args.db.db.display());
        use std::io::Write;
        std::io::stdout().flush()?;
        claimtrail_server::serve(listener, state, shutdown_signal()).await.context("serving")?;
        anyhow::Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}
