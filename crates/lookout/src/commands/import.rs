//! `lookout import FILE...`, and the import of the bundled dataset.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use lookout_core::{Batch, EntityId, Schema};
use lookout_import::{import_files, ImportReport};
use lookout_store::{SqliteStore, Store, WriteReport};

/// Parses files into one batch off the async runtime; prints progress to standard error.
async fn parse(files: Vec<(String, Vec<u8>)>, recorded_by: String) -> anyhow::Result<(Batch, ImportReport)> {
    tokio::task::spawn_blocking(move || {
        let started = Instant::now();
        let gazetteer = lookout_geo::Gazetteer::bundled();
        let result = import_files(&files, &gazetteer, &recorded_by);
        if let Ok((batch, report)) = &result {
            eprintln!(
                "read {} rows into {} statements in {:.1?}",
                report.rows,
                batch.statements.len(),
                started.elapsed()
            );
        }
        result
    })
    .await?
    .map_err(anyhow::Error::from)
}

/// Checks references, writes the batch in one transaction, prints warnings and a summary.
async fn write(store: &SqliteStore, batch: &Batch, report: &ImportReport) -> anyhow::Result<WriteReport> {
    let mut stored: HashMap<EntityId, Schema> = HashMap::new();
    for target in report.targets_to_look_up(batch) {
        if let Some(record) = store.entity(&target).await? {
            stored.insert(target, record.entity.schema);
        }
    }
    report.check_references(batch, |id| stored.get(id).copied())?;
    eprintln!(
        "writing {} entities, {} sources, {} statements…",
        batch.entities.len(),
        batch.sources.len(),
        batch.statements.len()
    );
    let started = Instant::now();
    let written = store.write_batch(batch).await?;
    let secs = started.elapsed().as_secs_f64();
    for w in &report.warnings {
        eprintln!("warning: {w}");
    }
    eprintln!(
        "imported: {} new entities, {} new sources, {} new statements ({} already present) in {:.2}s ({:.0} statements/s written)",
        written.entities_added,
        written.sources_added,
        written.statements_added,
        written.statements_present,
        secs,
        batch.statements.len() as f64 / secs.max(1e-9)
    );
    Ok(written)
}

/// Imports the dataset embedded in the binary.
pub async fn import_bundled(store: &SqliteStore) -> anyhow::Result<WriteReport> {
    let (batch, report) = parse(lookout_import::Bundled::files(), "import:bundled".into()).await?;
    eprintln!("bundled dataset: {} of its stations placed at a city", report.geocoded);
    write(store, &batch, &report).await
}

/// `lookout import`.
pub async fn run(data_dir: &std::path::Path, paths: &[PathBuf]) -> anyhow::Result<()> {
    let started = Instant::now();
    let mut files = Vec::new();
    for p in paths {
        let bytes = std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?;
        files.push((p.display().to_string(), bytes));
    }
    let names: Vec<String> = files.iter().map(|(n, _)| n.clone()).collect();
    let (batch, report) = parse(files, format!("import:{}", names.join(","))).await?;
    let store = super::open_store(data_dir).await?;
    let result = write(&store, &batch, &report).await;
    store.close().await;
    result?;
    let secs = started.elapsed().as_secs_f64();
    eprintln!("done in {secs:.2}s: {:.0} statements/s end to end", batch.statements.len() as f64 / secs.max(1e-9));
    Ok(())
}
