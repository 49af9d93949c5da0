//! One module per command.

mod backup;
mod desk;
mod export;
mod hardening;
mod import;
mod index;
mod ingest;
mod ingest_worker;
mod matching;
mod password;
mod release;
mod restore;
mod review;
mod sanitize_worker;
mod serve;
mod stats;
mod xref;

use std::path::Path;

use anyhow::Context;
use lookout_core::Verdict;
use lookout_store::SqliteStore;

use crate::cli::operations::{BackupAction, IndexAction};
use crate::cli::{
    AccountAction, AuditAction, Cli, Command, CountsAction, KeysAction, ReleaseAction, ReportAction, ReviewAction,
};

pub use hardening::private_files;

/// `lookout sanitize-worker`.
pub fn sanitize_worker() -> std::process::ExitCode {
    sanitize_worker::run()
}

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
        Command::Release { action: Some(ReleaseAction::Keygen { key }), .. } => release::keygen(&key),
        Command::Release { action: Some(ReleaseAction::Verify { dir, public_key }), .. } => {
            release::verify(&dir, public_key.as_deref())
        }
        Command::Release { action: None, out, key, publisher, url } => {
            let key = key.context("--key FILE is required to sign a release")?;
            let publisher = lookout_release::release::Publisher { name: publisher, url };
            release::cut(&cli.data_dir, out.as_deref(), &key, publisher).await
        }
        Command::Stats { json } => stats::run(&cli.data_dir, json).await,
        Command::Backup { action: Some(BackupAction::Verify { dir }), .. } => backup::run_verify(&dir).await,
        Command::Backup { action: None, dir } => {
            backup::run(&cli.data_dir, &dir.context("lookout backup needs the folder to write to")?).await
        }
        Command::Restore { dir } => restore::run(&dir, &cli.data_dir).await,
        Command::Index { action: IndexAction::Rebuild } => index::rebuild(&cli.data_dir).await,
        Command::Ingest { paths, source, by, json } => {
            ingest::run(&cli.data_dir, &paths, &source.options(by, json)).await
        }
        Command::Review { action } => {
            match action.unwrap_or(ReviewAction::List { status: "proposed".into(), json: false }) {
                ReviewAction::List { status, json } => review::list(&cli.data_dir, &status, json).await,
                ReviewAction::Accept { ids, by } => review::decide(&cli.data_dir, &ids, Verdict::Accepted, &by).await,
                ReviewAction::Reject { ids, by } => review::decide(&cli.data_dir, &ids, Verdict::Rejected, &by).await,
            }
        }
        Command::Search { query, limit, json } => review::search(&cli.data_dir, &query, limit, json),
        Command::Xref { schema, limit, min_score, json } => {
            xref::run_xref(&cli.data_dir, &schema, limit, min_score, json).await
        }
        Command::Decide { a, b, judgement, by } => xref::run_decide(&cli.data_dir, &a, &b, judgement.into(), &by).await,
        Command::Undo { a, b, by } => {
            xref::run_decide(&cli.data_dir, &a, &b, lookout_core::Judgement::Undone, &by).await
        }
        Command::Clusters { json } => xref::run_clusters(&cli.data_dir, json).await,
        Command::Account { action: AccountAction::Add { name, role } } => {
            desk::add_account(&cli.data_dir, &name, &role).await
        }
        Command::Account { action: AccountAction::Deactivate { name } } => {
            desk::set_active(&cli.data_dir, &name, false).await
        }
        Command::Account { action: AccountAction::Activate { name } } => {
            desk::set_active(&cli.data_dir, &name, true).await
        }
        Command::Keys { action: KeysAction::Export { name } } => desk::export_key(&cli.data_dir, &name).await,
        Command::Report { action: ReportAction::Sealed { id, message } } => {
            desk::sealed(&cli.data_dir, &id, message).await
        }
        Command::Report { action: ReportAction::List } => desk::list(&cli.data_dir).await,
        Command::Audit { action: AuditAction::Verify { head } } => {
            desk::verify_audit(&cli.data_dir, head.as_deref()).await
        }
        Command::Audit { action: AuditAction::Head } => desk::audit_head(&cli.data_dir).await,
        Command::Counts { action: CountsAction::Release } => desk::release_counts(&cli.data_dir).await,
        Command::IngestWorker { paths, source, by } => {
            ingest_worker::limit_self()?;
            ingest_worker::run(&cli.data_dir, &paths, &source.options(by, false)).await
        }
        Command::SanitizeWorker => anyhow::bail!("sanitize-worker runs before the runtime starts"),
        Command::Retention { days } => desk::retention(&cli.data_dir, days).await,
        Command::Match { names, schema, pairs } => matching::run(&names, schema.as_deref(), pairs.as_deref()),
    }
}
