//! `lookout restore DIR`: a backup made by `lookout backup`, checked, into an empty data
//! directory; its database brought up to this version's schema, its documents' index rebuilt
//! from the originals, and its audit chain verified.

use std::path::Path;

use anyhow::{bail, Context};

use super::backup::{copy_hashed, current_schema_version, private_dir, verify, DATABASE};

/// `lookout restore DIR`.
pub async fn run(backup: &Path, data_dir: &Path) -> anyhow::Result<()> {
    if data_dir.exists() && std::fs::read_dir(data_dir).map(|mut d| d.next().is_some()).unwrap_or(true) {
        bail!("{} is not empty: restore only into an empty data directory", data_dir.display());
    }
    let manifest = verify(backup).await?;
    let current = current_schema_version().await?;
    if manifest.schema_version > current {
        bail!(
            "the backup's database has schema version {}, newer than this Lookout's {current}: restore it with Lookout {} or later",
            manifest.schema_version,
            manifest.lookout_version
        );
    }
    eprintln!("backup verified: {} files", manifest.files.len());
    let name = data_dir.file_name().context("the data directory needs a name")?.to_string_lossy().into_owned();
    let parent = data_dir.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    private_dir(parent)?;
    let staging = parent.join(format!(".{name}.restoring-{}", std::process::id()));
    let copied = copy_all(backup, &staging, &manifest.files);
    if let Err(e) = copied {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(e);
    }
    if data_dir.exists() {
        std::fs::remove_dir(data_dir).with_context(|| format!("cannot replace the empty {}", data_dir.display()))?;
    }
    std::fs::rename(&staging, data_dir)
        .with_context(|| format!("cannot move the restored files to {}", data_dir.display()))?;

    let store = super::open_store(data_dir).await?;
    let migrated = store.schema_version().await?;
    if migrated != manifest.schema_version {
        eprintln!("database migrated from schema version {} to {migrated}", manifest.schema_version);
    }
    let rebuilt = lookout_ingest::pipeline::rebuild_index(data_dir, &store, |done, of| {
        if done % 100 == 0 || done == of {
            eprintln!("documents' index: {done} of {of} documents read");
        }
    })
    .await;
    let audit = lookout_report::desk::verify_audit(&store, None).await;
    store.close().await;
    let rebuilt = rebuilt.context("cannot rebuild the documents' index")?;
    for (sha256, why) in &rebuilt.missing {
        eprintln!("warning: document {sha256} is not searchable: {why}");
    }
    let audit = audit.context("the restored audit log does not verify")?;
    println!(
        "restored {} into {}: {} files, {} documents indexed, audit log verified ({} entries)",
        backup.display(),
        data_dir.display(),
        manifest.files.len(),
        rebuilt.indexed,
        audit.entries
    );
    Ok(())
}

/// Copies every file of the manifest into `to`, checking each against its checksum again.
fn copy_all(backup: &Path, to: &Path, files: &[lookout_release::release::FileEntry]) -> anyhow::Result<()> {
    private_dir(to)?;
    for (i, entry) in files.iter().enumerate() {
        let copied = copy_hashed(&backup.join(&entry.name), &to.join(&entry.name), &entry.name)?;
        if copied.sha256 != entry.sha256 {
            bail!("{} changed while it was restored", entry.name);
        }
        if (i + 1) % 500 == 0 {
            eprintln!("{} of {} files restored", i + 1, files.len());
        }
    }
    if !to.join(DATABASE).exists() {
        bail!("the backup holds no {DATABASE}");
    }
    Ok(())
}
