//! `lookout backup DIR` and `lookout backup verify DIR`: a consistent copy of a live installation
//! with a manifest of checksums, and its check.
//!
//! A backup holds the database (a snapshot made while the server runs, see
//! [`SqliteStore::copy_to`]: the record, the workspace, the sealed reports, the audit log and the
//! installation's secrets), the originals kept as evidence with their capture records, the
//! readings derived from them, and the signed releases. The documents' search index is not
//! copied: it is derived from the originals, and `restore` rebuilds it. Everything is written
//! into a hidden folder beside DIR, synced, and renamed to DIR last, so an interrupted backup
//! leaves no folder that looks whole. Files are private to their owner: a backup holds what the
//! server holds.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use lookout_release::release::{hash_file, sync_dir, FileEntry, HashingFile};
use lookout_store::SqliteStore;
use serde::{Deserialize, Serialize};

/// What a backup's manifest says it is.
pub const BACKUP_FORMAT: &str = "lookout-backup/1";
/// The database's name in a data directory and in a backup.
pub const DATABASE: &str = "lookout.db";
/// The manifest's name.
const MANIFEST: &str = "manifest.json";
/// The folders of a data directory a backup copies beside the database.
pub const KEPT_DIRS: [&str; 3] = ["evidence", "readings", "releases"];

/// A backup's manifest: what made it, when, and every file with its size and SHA-256.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct BackupManifest {
    /// [`BACKUP_FORMAT`].
    pub format: String,
    /// The version of Lookout that made it.
    pub lookout_version: String,
    /// The newest migration of its database.
    pub schema_version: i64,
    /// When it was made (RFC 3339, UTC).
    pub created_at: String,
    /// Its files, by path within the backup, in name order.
    pub files: Vec<FileEntry>,
}

/// Creates a folder private to its owner.
pub fn private_dir(path: &Path) -> anyhow::Result<()> {
    #[cfg(unix)]
    let created = {
        use std::os::unix::fs::DirBuilderExt;
        std::fs::DirBuilder::new().recursive(true).mode(0o700).create(path)
    };
    #[cfg(not(unix))]
    let created = std::fs::create_dir_all(path);
    created.with_context(|| format!("cannot create {}", path.display()))
}

/// Every file under `root/dir`, as paths relative to `root` with `/` between parts, in name
/// order; hidden names (a release being cut, a file being written) are left out. A symbolic link
/// is refused, named: Lookout makes none, and following one would copy a file from outside the
/// data folder into a backup (or out of a backup into one).
pub fn files_under(root: &Path, dir: &str) -> anyhow::Result<Vec<String>> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_string()];
    while let Some(rel) = pending.pop() {
        let path = root.join(&rel);
        let entries = match std::fs::read_dir(&path) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
        };
        for entry in entries {
            let entry = entry.with_context(|| format!("cannot read {}", path.display()))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let child = format!("{rel}/{name}");
            let kind = entry.file_type()?;
            if kind.is_symlink() {
                bail!("{child} in {} is a symbolic link; Lookout makes none: replace it with the file it points to, or remove it", root.display());
            }
            if kind.is_dir() {
                pending.push(child);
            } else {
                found.push(child);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// Copies `from` to the new file `to`, hashing as it goes; the entry is named `name`.
pub fn copy_hashed(from: &Path, to: &Path, name: &str) -> anyhow::Result<FileEntry> {
    if let Some(parent) = to.parent() {
        private_dir(parent)?;
    }
    let mut source = std::fs::File::open(from).with_context(|| format!("cannot read {}", from.display()))?;
    let mut target = HashingFile::create(to)?;
    std::io::copy(&mut source, &mut target)
        .with_context(|| format!("cannot copy {} to {}", from.display(), to.display()))?;
    Ok(target.finish(to, name)?)
}

/// `lookout backup DIR`.
pub async fn run(data_dir: &Path, out: &Path) -> anyhow::Result<()> {
    let database = data_dir.join(DATABASE);
    if !database.exists() {
        bail!("{} holds no Lookout database ({DATABASE}): nothing to back up", data_dir.display());
    }
    if out.exists() && std::fs::read_dir(out).map(|mut d| d.next().is_some()).unwrap_or(true) {
        bail!("{} already exists and is not empty: a backup never overwrites", out.display());
    }
    let name = out.file_name().context("the backup folder needs a name")?.to_string_lossy().into_owned();
    let parent = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    private_dir(parent)?;
    let staging = parent.join(format!(".{name}.partial-{}", std::process::id()));
    let result = write_backup(data_dir, &staging).await;
    match result {
        Ok(manifest) => {
            if out.exists() {
                std::fs::remove_dir(out).with_context(|| format!("cannot replace the empty {}", out.display()))?;
            }
            std::fs::rename(&staging, out).with_context(|| format!("cannot move the backup to {}", out.display()))?;
            sync_dir(parent)?;
            let bytes: u64 = manifest.files.iter().map(|f| f.bytes).sum();
            println!(
                "backup written to {}: {} files, {} bytes, schema version {}",
                out.display(),
                manifest.files.len(),
                bytes,
                manifest.schema_version
            );
            Ok(())
        }
        Err(e) => {
            let _ = std::fs::remove_dir_all(&staging);
            Err(e)
        }
    }
}

async fn write_backup(data_dir: &Path, staging: &Path) -> anyhow::Result<BackupManifest> {
    private_dir(staging)?;
    let store = super::open_store(data_dir).await?;
    let copied = store.copy_to(&staging.join(DATABASE)).await;
    let schema_version = store.schema_version().await;
    store.close().await;
    copied.context("cannot copy the database")?;
    let (bytes, sha256) = hash_file(&staging.join(DATABASE))?;
    eprintln!("database copied: {bytes} bytes");
    let mut files = vec![FileEntry { name: DATABASE.to_string(), bytes, sha256 }];
    for dir in KEPT_DIRS {
        let names = files_under(data_dir, dir)?;
        for (i, rel) in names.iter().enumerate() {
            files.push(copy_hashed(&data_dir.join(rel), &staging.join(rel), rel)?);
            if (i + 1) % 500 == 0 || i + 1 == names.len() {
                eprintln!("{dir}: {} of {} files copied", i + 1, names.len());
            }
        }
        if staging.join(dir).exists() {
            sync_tree(&staging.join(dir))?;
        }
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    let manifest = BackupManifest {
        format: BACKUP_FORMAT.to_string(),
        lookout_version: env!("CARGO_PKG_VERSION").to_string(),
        schema_version: schema_version?,
        created_at: lookout_core::Timestamp::now().to_string(),
        files,
    };
    let path = staging.join(MANIFEST);
    let mut file = HashingFile::create(&path)?;
    file.write_all(&serde_json::to_vec_pretty(&manifest)?)?;
    file.finish(&path, MANIFEST)?;
    sync_dir(staging)?;
    Ok(manifest)
}

/// Syncs every folder under `dir` (the files were synced as they were written).
fn sync_tree(dir: &Path) -> anyhow::Result<()> {
    let mut pending: Vec<PathBuf> = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        sync_dir(&d)?;
        for entry in std::fs::read_dir(&d)? {
            let entry = entry?;
            if entry.file_type()?.is_dir() {
                pending.push(entry.path());
            }
        }
    }
    Ok(())
}

/// Checks a backup: its manifest, every file's size and SHA-256, that it holds no other file,
/// and SQLite's check of its database (read-only). Names the first problem.
pub async fn verify(dir: &Path) -> anyhow::Result<BackupManifest> {
    let path = dir.join(MANIFEST);
    let text = std::fs::read(&path).with_context(|| format!("{} is not a backup: no {MANIFEST}", dir.display()))?;
    let manifest: BackupManifest =
        serde_json::from_slice(&text).with_context(|| format!("{} is not a backup manifest", path.display()))?;
    if manifest.format != BACKUP_FORMAT {
        bail!("{}: format {:?}, not {BACKUP_FORMAT}", path.display(), manifest.format);
    }
    for (i, entry) in manifest.files.iter().enumerate() {
        let file = dir.join(&entry.name);
        if entry.name.split('/').any(|part| part == ".." || part.is_empty()) {
            bail!("{}: the manifest names {:?}, outside the backup", path.display(), entry.name);
        }
        // Nor through a link: a file or folder of the backup that points elsewhere would restore
        // what is outside it.
        let mut within = PathBuf::new();
        for part in entry.name.split('/') {
            within.push(part);
            if std::fs::symlink_metadata(dir.join(&within)).is_ok_and(|m| m.file_type().is_symlink()) {
                bail!("{} in the backup is a symbolic link; a backup holds none", within.display());
            }
        }
        let (bytes, sha256) = hash_file(&file).with_context(|| format!("{} is missing or unreadable", entry.name))?;
        if bytes != entry.bytes || sha256 != entry.sha256 {
            bail!("{} does not match the manifest ({bytes} bytes, SHA-256 {sha256})", entry.name);
        }
        if (i + 1) % 500 == 0 {
            eprintln!("{} of {} files checked", i + 1, manifest.files.len());
        }
    }
    let listed: std::collections::HashSet<&str> = manifest.files.iter().map(|f| f.name.as_str()).collect();
    let mut present = Vec::new();
    for dir_name in KEPT_DIRS {
        present.extend(files_under(dir, dir_name)?);
    }
    if let Some(foreign) = present.iter().find(|p| !listed.contains(p.as_str())) {
        bail!("{foreign} is not in the manifest");
    }
    if !listed.contains(DATABASE) {
        bail!("the manifest lists no {DATABASE}");
    }
    let check = lookout_store::check_file(&dir.join(DATABASE))
        .await
        .with_context(|| format!("{DATABASE} is damaged or not a database"))?;
    if let Some(problem) = check.problems.first() {
        bail!("{DATABASE} is damaged: {problem}");
    }
    if check.schema_version != manifest.schema_version {
        bail!("{DATABASE} has schema version {}, the manifest says {}", check.schema_version, manifest.schema_version);
    }
    Ok(manifest)
}

/// `lookout backup verify DIR`.
pub async fn run_verify(dir: &Path) -> anyhow::Result<()> {
    let manifest = verify(dir).await?;
    let bytes: u64 = manifest.files.iter().map(|f| f.bytes).sum();
    println!(
        "backup verified: {} files, {bytes} bytes, every checksum matches; database sound, schema version {}; made {} by Lookout {}",
        manifest.files.len(),
        manifest.schema_version,
        manifest.created_at,
        manifest.lookout_version
    );
    Ok(())
}

/// The schema version this build of Lookout migrates to.
pub async fn current_schema_version() -> anyhow::Result<i64> {
    let store = SqliteStore::open_in_memory().await?;
    Ok(store.schema_version().await?)
}
