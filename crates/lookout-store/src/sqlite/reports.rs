//! [`ReportStore`] over SQLite. Every write is one `BEGIN IMMEDIATE` transaction that also
//! appends its audit entry.

use sqlx::sqlite::SqliteRow;
use sqlx::Row;

use super::audit_log::{append, begin_write};
use super::{accounts, audit_log, SqliteStore};
use crate::audit::{AuditEvent, AuditRow, Written};
use crate::reports::{
    Account, AccountSummary, AuditView, CountRelease, NewReport, PublishedIncident, ReportRecord, ReportStore,
    ReportWithReplyKey, SealedMessage,
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

/// A report's linked entity and closing day, as a write left them.
async fn linked_and_closed(
    conn: &mut sqlx::SqliteConnection,
    report_id: &str,
) -> Result<(Option<String>, Option<String>), StoreError> {
    Ok(sqlx::query_as("SELECT linked_entity, closed_on FROM reports WHERE id = ?")
        .bind(report_id)
        .fetch_one(conn)
        .await?)
}

fn no_report(id: &str) -> StoreError {
    StoreError::NotFound(format!("no report {id}"))
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

    async fn add_account(&self, account: &Account, event: &AuditEvent) -> Result<(), StoreError> {
        accounts::add(self, account, event).await
    }

    async fn account(&self, name: &str) -> Result<Option<Account>, StoreError> {
        accounts::get(self, name).await
    }

    async fn accounts(&self) -> Result<Vec<AccountSummary>, StoreError> {
        accounts::list(self).await
    }

    async fn set_account_active(&self, name: &str, active: bool, event: &AuditEvent) -> Result<(), StoreError> {
        accounts::set_active(self, name, active, event).await
    }

    async fn rewrap_account(&self, account: &Account, event: &AuditEvent) -> Result<(), StoreError> {
        accounts::rewrap(self, account, event).await
    }

    async fn reset_account(&self, account: &Account, event: &AuditEvent) -> Result<(), StoreError> {
        accounts::reset(self, account, event).await
    }

    async fn report_recipients(&self) -> Result<Vec<String>, StoreError> {
        accounts::recipients(self).await
    }

    async fn insert_report(&self, r: &NewReport, event: &AuditEvent) -> Result<(), StoreError> {
        let mut tx = begin_write(self).await?;
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
        let written = [
            Written::Report {
                id: &r.id,
                lookup: &r.lookup,
                reply_recipient: &r.reply_recipient,
                reply_key_sealed: &r.reply_key_sealed,
                received_on: &r.received_on,
            },
            Written::Message { report_id: &r.id, seq: 1, author: "reporter", sealed: &r.sealed },
        ];
        append(&mut tx, event, &written).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn report_by_lookup(&self, lookup: &str) -> Result<Option<ReportWithReplyKey>, StoreError> {
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

    async fn add_message(
        &self,
        report_id: &str,
        author: &str,
        sealed: &[u8],
        event: &AuditEvent,
    ) -> Result<i64, StoreError> {
        let mut tx = begin_write(self).await?;
        let purged: Option<Option<String>> = sqlx::query_scalar("SELECT purged_on FROM reports WHERE id = ?")
            .bind(report_id)
            .fetch_optional(&mut *tx)
            .await?;
        match purged {
            None => return Err(no_report(report_id)),
            Some(Some(_)) => return Err(StoreError::Conflict(format!("report {report_id} was purged"))),
            Some(None) => {}
        }
        let seq: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(seq), 0) + 1 FROM report_messages WHERE report_id = ?")
            .bind(report_id)
            .fetch_one(&mut *tx)
            .await?;
        sqlx::query("INSERT INTO report_messages (report_id, seq, author, sealed) VALUES (?, ?, ?, ?)")
            .bind(report_id)
            .bind(seq)
            .bind(author)
            .bind(sealed)
            .execute(&mut *tx)
            .await?;
        append(&mut tx, event, &[Written::Message { report_id, seq, author, sealed }]).await?;
        tx.commit().await?;
        Ok(seq)
    }

    async fn sealed_bytes(&self) -> Result<u64, StoreError> {
        let total: i64 = sqlx::query_scalar("SELECT COALESCE(SUM(LENGTH(sealed)), 0) FROM report_messages")
            .fetch_one(&self.pool)
            .await?;
        Ok(u64::try_from(total).unwrap_or(0))
    }

    async fn set_status(
        &self,
        report_id: &str,
        status: &str,
        linked: Option<&str>,
        event: &AuditEvent,
    ) -> Result<(), StoreError> {
        let mut tx = begin_write(self).await?;
        let done = sqlx::query(
            "UPDATE reports SET status = ?1, linked_entity = COALESCE(?2, linked_entity),
                 closed_on = CASE WHEN ?1 = 'closed' THEN ?3 ELSE NULL END WHERE id = ?4",
        )
        .bind(status)
        .bind(linked)
        .bind(&event.day)
        .bind(report_id)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(no_report(report_id));
        }
        let (linked, closed_on) = linked_and_closed(&mut tx, report_id).await?;
        let written = Written::Status { report_id, status, linked: linked.as_deref(), closed_on: closed_on.as_deref() };
        append(&mut tx, event, &[written]).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn publish_incident(
        &self,
        report_id: &str,
        i: &PublishedIncident,
        event: &AuditEvent,
    ) -> Result<(), StoreError> {
        let mut tx = begin_write(self).await?;
        sqlx::query("INSERT INTO published_incidents (id, report_id, country, category, month, published_on) VALUES (?, ?, ?, ?, ?, ?)")
            .bind(&i.id)
            .bind(report_id)
            .bind(&i.country)
            .bind(&i.category)
            .bind(&i.month)
            .bind(&event.day)
            .execute(&mut *tx)
            .await?;
        sqlx::query("UPDATE reports SET status = 'published' WHERE id = ?").bind(report_id).execute(&mut *tx).await?;
        let (linked, closed_on) = linked_and_closed(&mut tx, report_id).await?;
        let written = [
            Written::Incident { id: &i.id, report_id, country: &i.country, category: &i.category, month: &i.month },
            Written::Status {
                report_id,
                status: "published",
                linked: linked.as_deref(),
                closed_on: closed_on.as_deref(),
            },
        ];
        append(&mut tx, event, &written).await?;
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

    async fn reports_closed_by(&self, closed_by: &str) -> Result<Vec<String>, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT id FROM reports WHERE status = 'closed' AND closed_on <= ? AND purged_on IS NULL ORDER BY id",
        )
        .bind(closed_by)
        .fetch_all(&self.pool)
        .await?)
    }

    async fn purge_report(&self, report_id: &str, event: &AuditEvent) -> Result<(), StoreError> {
        let mut tx = begin_write(self).await?;
        // Still closed (a reviewer may have reopened it since the caller looked).
        let closed: Option<String> =
            sqlx::query_scalar("SELECT status FROM reports WHERE id = ? AND status = 'closed' AND purged_on IS NULL")
                .bind(report_id)
                .fetch_optional(&mut *tx)
                .await?;
        if closed.is_none() {
            return Err(StoreError::Conflict(format!("report {report_id} is no longer closed")));
        }
        sqlx::query("DELETE FROM report_messages WHERE report_id = ?").bind(report_id).execute(&mut *tx).await?;
        // The receipt digest goes too: the code no longer finds anything, not even that it existed.
        let done = sqlx::query(
            "UPDATE reports SET reply_key_sealed = NULL, lookup = 'purged:' || id, purged_on = ? WHERE id = ? AND purged_on IS NULL",
        )
        .bind(&event.day)
        .bind(report_id)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(no_report(report_id));
        }
        append(&mut tx, event, &[Written::Purged { report_id, purged_on: &event.day }]).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn compact(&self) -> Result<bool, StoreError> {
        // secure_delete zeroes deleted cells as they go; the checkpoint writes the zeroed pages
        // over the old ones and truncates the log. No VACUUM: on a large store it would hold the
        // write lock longer than a report waits for it.
        for _ in 0..20 {
            let (busy, _, _): (i64, i64, i64) =
                sqlx::query_as("PRAGMA wal_checkpoint(TRUNCATE)").fetch_one(&self.pool).await?;
            if busy == 0 {
                return Ok(true);
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        Ok(false)
    }

    async fn latest_count_release(&self) -> Result<Option<CountRelease>, StoreError> {
        let row = sqlx::query(
            "SELECT seq, released_on, k, published, counts, state FROM count_releases ORDER BY seq DESC LIMIT 1",
        )
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| {
            Ok(CountRelease {
                seq: r.try_get("seq")?,
                released_on: r.try_get("released_on")?,
                k: u64::try_from(r.try_get::<i64, _>("k")?).unwrap_or(0),
                published: u64::try_from(r.try_get::<i64, _>("published")?).unwrap_or(0),
                counts: r.try_get("counts")?,
                state: r.try_get("state")?,
            })
        })
        .transpose()
    }

    async fn add_count_release(&self, release: &CountRelease, event: &AuditEvent) -> Result<CountRelease, StoreError> {
        let mut tx = begin_write(self).await?;
        let seq: i64 =
            sqlx::query_scalar("SELECT COALESCE(MAX(seq), 0) + 1 FROM count_releases").fetch_one(&mut *tx).await?;
        let out = CountRelease { seq, ..release.clone() };
        sqlx::query(
            "INSERT INTO count_releases (seq, released_on, k, published, counts, state) VALUES (?, ?, ?, ?, ?, ?)",
        )
        .bind(seq)
        .bind(&out.released_on)
        .bind(i64::try_from(out.k).unwrap_or(i64::MAX))
        .bind(i64::try_from(out.published).unwrap_or(i64::MAX))
        .bind(&out.counts)
        .bind(&out.state)
        .execute(&mut *tx)
        .await?;
        let written = Written::Release { seq, released_on: &out.released_on, counts: &out.counts, state: &out.state };
        append(&mut tx, event, &[written]).await?;
        tx.commit().await?;
        Ok(out)
    }

    async fn append_audit(&self, event: &AuditEvent) -> Result<(), StoreError> {
        let mut tx = begin_write(self).await?;
        append(&mut tx, event, &[]).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn audit_log(&self) -> Result<Vec<AuditRow>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        audit_log::log(&mut conn).await
    }

    async fn audit_view(&self) -> Result<AuditView, StoreError> {
        audit_log::view(self).await
    }
}
