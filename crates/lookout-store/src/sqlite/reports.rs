//! [`ReportStore`] over SQLite.

use sqlx::sqlite::SqliteRow;
use sqlx::Row;

use super::SqliteStore;
use crate::reports::{
    Account, AuditHasher, AuditRow, NewReport, PublishedIncident, ReportRecord, ReportStore, SealedMessage,
};
use crate::StoreError;

const REPORT_COLUMNS: &str = "id, status, linked_entity, received_on, closed_on, purged_on, reply_recipient";

fn report_from_row(row: &SqliteRow) -> Result<ReportRecord, StoreError> {
    Ok(ReportRecord {
        id: row.try_get("id")?,
        status: row.try_get("status")?,
        linked_entity: row.try_get("linked_entity")?,
        received_on: row.try_get("received_on")?,
        closed_on: row.try_get("closed_on")?,
        purged_on: row.try_get("purged_on")?,
        reply_recipient: row.try_get("reply_recipient")?,
    })
}

fn account_from_row(row: &SqliteRow) -> Result<Account, StoreError> {
    Ok(Account {
        name: row.try_get("name")?,
        role: row.try_get("role")?,
        password_hash: row.try_get("password_hash")?,
        totp_sealed: row.try_get("totp_sealed")?,
        identity_sealed: row.try_get("identity_sealed")?,
        recipient: row.try_get("recipient")?,
        active: row.try_get::<i64, _>("active")? != 0,
    })
}

impl ReportStore for SqliteStore {
    async fn installation_secret(&self, name: &str, fresh: Vec<u8>) -> Result<Vec<u8>, StoreError> {
        sqlx::query("INSERT OR IGNORE INTO installation_secrets (name, value) VALUES (?, ?)")
            .bind(name)
            .bind(fresh)
            .execute(&self.pool)
            .await?;
        Ok(sqlx::query_scalar("SELECT value FROM installation_secrets WHERE name = ?")
            .bind(name)
            .fetch_one(&self.pool)
            .await?)
    }

    async fn add_account(&self, a: &Account, today: &str) -> Result<(), StoreError> {
        let result = sqlx::query(
            "INSERT INTO accounts (name, role, password_hash, totp_sealed, identity_sealed, recipient, active, created_on)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(&a.name)
        .bind(&a.role)
        .bind(&a.password_hash)
        .bind(&a.totp_sealed)
        .bind(&a.identity_sealed)
        .bind(&a.recipient)
        .bind(a.active)
        .bind(today)
        .execute(&self.pool)
        .await;
        match result {
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
                Err(StoreError::Conflict(format!("an account named {} exists", a.name)))
            }
            other => other.map(|_| ()).map_err(Into::into),
        }
    }

    async fn account(&self, name: &str) -> Result<Option<Account>, StoreError> {
        let row = sqlx::query("SELECT * FROM accounts WHERE name = ?").bind(name).fetch_optional(&self.pool).await?;
        row.as_ref().map(account_from_row).transpose()
    }

    async fn report_recipients(&self) -> Result<Vec<String>, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT recipient FROM accounts WHERE active = 1 AND role IN ('reviewer', 'admin') ORDER BY name",
        )
        .fetch_all(&self.pool)
        .await?)
    }

    async fn insert_report(&self, r: &NewReport) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO reports (id, lookup, reply_key_sealed, reply_recipient, status, received_on) VALUES (?, ?, ?, ?, 'new', ?)",
        )
        .bind(&r.id)
        .bind(&r.lookup)
        .bind(&r.reply_key_sealed)
        .bind(&r.reply_recipient)
        .bind(&r.received_on)
        .execute(&mut *tx)
        .await?;
        sqlx::query("INSERT INTO report_messages (report_id, seq, author, sealed) VALUES (?, 1, 'reporter', ?)")
            .bind(&r.id)
            .bind(&r.sealed)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn report_by_lookup(&self, lookup: &str) -> Result<Option<crate::reports::ReportWithReplyKey>, StoreError> {
        let sql = format!("SELECT {REPORT_COLUMNS}, reply_key_sealed FROM reports WHERE lookup = ?");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(lookup).fetch_optional(&self.pool).await?;
        row.map(|row| Ok((report_from_row(&row)?, row.try_get("reply_key_sealed")?))).transpose()
    }

    async fn report(&self, id: &str) -> Result<Option<ReportRecord>, StoreError> {
        let sql = format!("SELECT {REPORT_COLUMNS} FROM reports WHERE id = ?");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(&self.pool).await?;
        row.as_ref().map(report_from_row).transpose()
    }

    async fn reports(&self) -> Result<Vec<ReportRecord>, StoreError> {
        let sql = format!("SELECT {REPORT_COLUMNS} FROM reports ORDER BY received_on DESC, rowid DESC");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).fetch_all(&self.pool).await?;
        rows.iter().map(report_from_row).collect()
    }

    async fn messages(&self, report_id: &str) -> Result<Vec<SealedMessage>, StoreError> {
        let rows = sqlx::query("SELECT seq, author, sealed FROM report_messages WHERE report_id = ? ORDER BY seq")
            .bind(report_id)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| {
                Ok(SealedMessage { seq: r.try_get("seq")?, author: r.try_get("author")?, sealed: r.try_get("sealed")? })
            })
            .collect()
    }

    async fn add_message(&self, report_id: &str, author: &str, sealed: &[u8]) -> Result<i64, StoreError> {
        let mut tx = self.pool.begin().await?;
        let next: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(seq), 0) + 1 FROM report_messages WHERE report_id = ?")
            .bind(report_id)
            .fetch_one(&mut *tx)
            .await?;
        sqlx::query("INSERT INTO report_messages (report_id, seq, author, sealed) VALUES (?, ?, ?, ?)")
            .bind(report_id)
            .bind(next)
            .bind(author)
            .bind(sealed)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(next)
    }

    async fn set_status(
        &self,
        report_id: &str,
        status: &str,
        linked: Option<&str>,
        today: &str,
    ) -> Result<(), StoreError> {
        let done = sqlx::query(
            "UPDATE reports SET status = ?1, linked_entity = COALESCE(?2, linked_entity),
                 closed_on = CASE WHEN ?1 = 'closed' THEN ?3 ELSE NULL END WHERE id = ?4",
        )
        .bind(status)
        .bind(linked)
        .bind(today)
        .bind(report_id)
        .execute(&self.pool)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("no report {report_id}")));
        }
        Ok(())
    }

    async fn publish_incident(&self, report_id: &str, i: &PublishedIncident, today: &str) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("INSERT INTO published_incidents (id, report_id, country, category, month, published_on) VALUES (?, ?, ?, ?, ?, ?)")
            .bind(&i.id)
            .bind(report_id)
            .bind(&i.country)
            .bind(&i.category)
            .bind(&i.month)
            .bind(today)
            .execute(&mut *tx)
            .await?;
        sqlx::query("UPDATE reports SET status = 'published' WHERE id = ?").bind(report_id).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn published_incidents(&self) -> Result<Vec<PublishedIncident>, StoreError> {
        let rows = sqlx::query("SELECT id, country, category, month FROM published_incidents ORDER BY id")
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| {
                Ok(PublishedIncident {
                    id: r.try_get("id")?,
                    country: r.try_get("country")?,
                    category: r.try_get("category")?,
                    month: r.try_get("month")?,
                })
            })
            .collect()
    }

    async fn purge_closed(&self, closed_by: &str, today: &str) -> Result<Vec<String>, StoreError> {
        let mut tx = self.pool.begin().await?;
        let ids: Vec<String> = sqlx::query_scalar(
            "SELECT id FROM reports WHERE status = 'closed' AND closed_on <= ? AND purged_on IS NULL ORDER BY id",
        )
        .bind(closed_by)
        .fetch_all(&mut *tx)
        .await?;
        for id in &ids {
            sqlx::query("DELETE FROM report_messages WHERE report_id = ?").bind(id).execute(&mut *tx).await?;
            sqlx::query("UPDATE reports SET reply_key_sealed = NULL, purged_on = ? WHERE id = ?")
                .bind(today)
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        if !ids.is_empty() {
            // Deleted pages are overwritten, not left in the file's free list.
            sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)").execute(&self.pool).await?;
            sqlx::query("VACUUM").execute(&self.pool).await?;
        }
        Ok(ids)
    }

    async fn append_audit(
        &self,
        at: &str,
        actor: &str,
        action: &str,
        subject: &str,
        hasher: AuditHasher,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        let last: Option<(i64, String)> = sqlx::query_as("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
            .fetch_optional(&mut *tx)
            .await?;
        let (seq, prev) = last.map_or((1, crate::AUDIT_GENESIS.to_string()), |(s, h)| (s + 1, h));
        let hash = hasher(&prev, seq, at, actor, action, subject);
        sqlx::query(
            "INSERT INTO audit_log (seq, at, actor, action, subject, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(seq)
        .bind(at)
        .bind(actor)
        .bind(action)
        .bind(subject)
        .bind(&prev)
        .bind(&hash)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn audit_log(&self) -> Result<Vec<AuditRow>, StoreError> {
        let rows = sqlx::query("SELECT seq, at, actor, action, subject, prev_hash, hash FROM audit_log ORDER BY seq")
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| {
                Ok(AuditRow {
                    seq: r.try_get("seq")?,
                    at: r.try_get("at")?,
                    actor: r.try_get("actor")?,
                    action: r.try_get("action")?,
                    subject: r.try_get("subject")?,
                    prev_hash: r.try_get("prev_hash")?,
                    hash: r.try_get("hash")?,
                })
            })
            .collect()
    }
}
