//! What backups and upgrades ask of the database: a consistent copy made while it is in use, the
//! version of its schema, and SQLite's own check of the file.

use std::path::Path;

use super::SqliteStore;
use crate::StoreError;

impl SqliteStore {
    /// Writes a consistent copy of the database to `path`, which must not exist, while the store
    /// stays in use: SQLite's `VACUUM INTO` reads one snapshot of the database (a read
    /// transaction, so writers carry on and nothing written after it is half in the copy) and
    /// writes it compacted, with the write-ahead log folded in (a file of its own, not the WAL
    /// mode: it opens anywhere). The copy is readable by its owner only.
    pub async fn copy_to(&self, path: &Path) -> Result<(), StoreError> {
        if path.exists() {
            return Err(StoreError::Conflict(format!("{} already exists: a copy never overwrites", path.display())));
        }
        let target = path.to_str().ok_or_else(|| StoreError::Io(format!("{} is not UTF-8", path.display())))?;
        // Created empty and private first: SQLite fills an empty file.
        super::owner_only(path)?;
        sqlx::query("VACUUM INTO ?").bind(target).execute(&self.pool).await?;
        Ok(())
    }

    /// The newest migration applied: the version of the database's schema.
    pub async fn schema_version(&self) -> Result<i64, StoreError> {
        let version: Option<i64> =
            sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations WHERE success").fetch_one(&self.pool).await?;
        Ok(version.unwrap_or(0))
    }

    /// SQLite's check of the whole file (`PRAGMA integrity_check`): empty when it is sound, else
    /// what it found.
    pub async fn integrity_problems(&self) -> Result<Vec<String>, StoreError> {
        let rows: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check").fetch_all(&self.pool).await?;
        Ok(rows.into_iter().filter(|r| r != "ok").collect())
    }
}

/// What a database file is, read without changing it (a backup's copy is checked this way): the
/// version of its schema and SQLite's check of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileCheck {
    /// The newest migration applied.
    pub schema_version: i64,
    /// What `PRAGMA integrity_check` found (empty when the file is sound).
    pub problems: Vec<String>,
}

/// Checks the database file at `path` read-only and immutable: no journal, no migration, not a
/// byte written.
pub async fn check_file(path: &Path) -> Result<FileCheck, StoreError> {
    let options = sqlx::sqlite::SqliteConnectOptions::new().filename(path).read_only(true).immutable(true);
    let pool = sqlx::sqlite::SqlitePoolOptions::new().max_connections(1).connect_with(options).await?;
    let version: Option<i64> =
        sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations WHERE success").fetch_one(&pool).await?;
    let rows: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check").fetch_all(&pool).await?;
    pool.close().await;
    Ok(FileCheck { schema_version: version.unwrap_or(0), problems: rows.into_iter().filter(|r| r != "ok").collect() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_copy_opens_with_the_same_schema_and_is_sound() {
        let dir = std::env::temp_dir().join(format!("lookout-store-copy-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let store = SqliteStore::open(&dir.join("a.db")).await.unwrap();
        let copy = dir.join("b.db");
        store.copy_to(&copy).await.unwrap();
        let e = store.copy_to(&copy).await.unwrap_err().to_string();
        assert!(e.contains("already exists"), "{e}");
        let reopened = SqliteStore::open(&copy).await.unwrap();
        assert_eq!(reopened.schema_version().await.unwrap(), store.schema_version().await.unwrap());
        assert!(reopened.schema_version().await.unwrap() >= 8);
        assert_eq!(reopened.integrity_problems().await.unwrap(), Vec::<String>::new());
        reopened.close().await;
        let before = std::fs::read(&copy).unwrap();
        let check = check_file(&copy).await.unwrap();
        assert_eq!((check.schema_version, check.problems.len()), (store.schema_version().await.unwrap(), 0));
        assert_eq!(std::fs::read(&copy).unwrap(), before, "checking writes nothing");
        // A damaged file is named as such: the header of every page but the first overwritten.
        let mut bytes = before.clone();
        let page = usize::from(u16::from_be_bytes([bytes[16], bytes[17]]));
        for start in (page..bytes.len()).step_by(page) {
            bytes[start..start + 8].fill(0x5a);
        }
        std::fs::write(dir.join("c.db"), &bytes).unwrap();
        match check_file(&dir.join("c.db")).await {
            Ok(check) => assert!(!check.problems.is_empty(), "damage goes unseen"),
            Err(e) => assert!(!e.to_string().is_empty()),
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
