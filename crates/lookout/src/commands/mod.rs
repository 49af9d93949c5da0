//! One module per command.

mod export;
mod import;
mod matching;
mod serve;
mod stats;
mod xref;

use std::path::Path;

use anyhow::Context;
use lookout_store::SqliteStore;

use crate::cli::{Cli, Command};

/// Opens (creating) the store in the data directory.
pub async fn open_store(data_dir: &Path) -> anyhow::Result<SqliteStore> {
    std::fs::create_dir_all(data_dir)
        .with_context(|| format!("cannot create data directory {}", data_dir.display()))?;
    let path = data_dir.join("lookout.db");
    SqliteStore::open(&path).await.with_context(|| format!("cannot open database {}", path.display()))
}

/// Runs a command.
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Serve { addr } => serve::run(&cli.data_dir, addr).await,
        Command::Import { files } => import::run(&cli.data_dir, &files).await,
        Command::Export { format, out } => export::run(&cli.data_dir, format.into(), out.as_deref()).await,
        Command::Stats { json } => stats::run(&cli.data_dir, json).await,
        Command::Xref { schema, limit, min_score, json } => {
            xref::run_xref(&cli.data_dir, &schema, limit, min_score, json).await
        }
        Command::Decide { a, b, judgement, by } => xref::run_decide(&cli.data_dir, &a, &b, judgement.into(), &by).await,
        Command::Undo { a, b, by } => {
            xref::run_decide(&cli.data_dir, &a, &b, lookout_core::Judgement::Undone, &by).await
        }
        Command::Clusters { json } => xref::run_clusters(&cli.data_dir, json).await,
        Command::Match { names, schema, pairs } => matching::run(&names, schema.as_deref(), pairs.as_deref()),
    }
}
