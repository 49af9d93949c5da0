//! The audit log over SQLite: appending an entry inside a writer's transaction, reading the
//! chain, and reading everything the chain covers in one snapshot.

use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqliteConnection};

use super::SqliteStore;
use crate::audit::{detail_of, entry_hash, AppendOnly, AuditEvent, AuditRow, Written, AUDIT_GENESIS};
use crate::reports::AuditView;
use crate::StoreError;

/// Begins a transaction that holds the write lock from its first statement (`BEGIN IMMEDIATE`):
/// a transaction that reads and then writes cannot fail halfway with "database is locked", and
/// concurrent writers wait their turn (up to the busy timeout) instead.
pub(crate) async fn begin_write(store: &SqliteStore) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>, StoreError> {
    Ok(store.pool.begin_with("BEGIN IMMEDIATE").await?)
}

/// Appends `event`, with the digests of what it wrote, to the chain; call inside the
/// transaction that wrote it.
pub(crate) async fn append(
    conn: &mut SqliteConnection,
    event: &AuditEvent,
    written: &[Written<'_>],
) -> Result<(), StoreError> {
    let last: Option<(i64, String)> =
        sqlx::query_as("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetch_optional(&mut *conn).await?;
    let (seq, prev) = last.map_or((1, AUDIT_GENESIS.to_string()), |(s, h)| (s + 1, h));
    let detail = detail_of(written);
    let hash = entry_hash(&prev, seq, &event.day, &event.actor, &event.action, &event.subject, &detail);
    sqlx::query(
        "INSERT INTO audit_log (seq, at, actor, action, subject, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(seq)
    .bind(&event.day)
    .bind(&event.actor)
    .bind(&event.action)
    .bind(&event.subject)
    .bind(&detail)
    .bind(&prev)
    .bind(&hash)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A row's columns as [`AppendOnly::columns`] reads them, from index `from` on.
fn columns_of(r: &SqliteRow, from: usize) -> Result<Vec<Option<String>>, StoreError> {
    (from..r.len()).map(|i| Ok(r.try_get::<Option<String>, _>(i)?)).collect()
}

/// Appends `event` recording the rows `seqs` of `table`, just written in this transaction, each
/// read back as the verifier reads it.
pub(crate) async fn append_rows(
    conn: &mut SqliteConnection,
    event: &AuditEvent,
    table: AppendOnly,
    seqs: &[i64],
) -> Result<(), StoreError> {
    // The table and columns are fixed text; the position is bound.
    let sql = format!("SELECT {} FROM {} WHERE seq = ?", table.columns(), table.table());
    let mut columns = Vec::with_capacity(seqs.len());
    for &seq in seqs {
        let r = sqlx::query(sqlx::AssertSqlSafe(sql.clone())).bind(seq).fetch_one(&mut *conn).await?;
        columns.push(columns_of(&r, 0)?);
    }
    let written: Vec<Written<'_>> =
        seqs.iter().zip(&columns).map(|(&seq, columns)| Written::Row { table, seq, columns }).collect();
    append(conn, event, &written).await
}

fn row(r: &SqliteRow) -> Result<AuditRow, StoreError> {
    Ok(AuditRow {
        seq: r.try_get("seq")?,
        at: r.try_get("at")?,
        actor: r.try_get("actor")?,
        action: r.try_get("action")?,
        subject: r.try_get("subject")?,
        detail: r.try_get("detail")?,
        prev_hash: r.try_get("prev_hash")?,
        hash: r.try_get("hash")?,
    })
}

const SELECT: &str = "SELECT seq, at, actor, action, subject, detail, prev_hash, hash FROM audit_log ORDER BY seq";

/// The whole chain, in order.
pub(crate) async fn log(conn: &mut SqliteConnection) -> Result<Vec<AuditRow>, StoreError> {
    sqlx::query(SELECT).fetch_all(&mut *conn).await?.iter().map(row).collect()
}

/// The chain and the digests of every covered row, from one read transaction.
pub(crate) async fn view(store: &SqliteStore) -> Result<AuditView, StoreError> {
    let mut tx = store.pool.begin().await?;
    let mut out = AuditView { entries: log(&mut tx).await?, ..AuditView::default() };
    for r in sqlx::query("SELECT name, role, recipient, active FROM accounts ORDER BY name").fetch_all(&mut *tx).await?
    {
        let (name, role, recipient): (String, String, String) =
            (r.try_get("name")?, r.try_get("role")?, r.try_get("recipient")?);
        let active = r.try_get::<i64, _>("active")? != 0;
        let account = Written::Account { name: &name, role: &role, recipient: &recipient }.detail();
        let active = Written::Active { name: &name, active }.detail();
        out.accounts.push((name, account, active));
    }
    let reports = sqlx::query(
        "SELECT id, lookup, reply_recipient, reply_key_sealed, received_on, status, linked_entity, closed_on, purged_on
         FROM reports ORDER BY id",
    )
    .fetch_all(&mut *tx)
    .await?;
    for r in reports {
        let id: String = r.try_get("id")?;
        let (lookup, recipient, received): (String, String, String) =
            (r.try_get("lookup")?, r.try_get("reply_recipient")?, r.try_get("received_on")?);
        let key: Option<Vec<u8>> = r.try_get("reply_key_sealed")?;
        let (status, linked): (String, Option<String>) = (r.try_get("status")?, r.try_get("linked_entity")?);
        let closed_on: Option<String> = r.try_get("closed_on")?;
        let purged = r.try_get::<Option<String>, _>("purged_on")?.is_some();
        let record = Written::Report {
            id: &id,
            lookup: &lookup,
            reply_recipient: &recipient,
            reply_key_sealed: key.as_deref().unwrap_or_default(),
            received_on: &received,
        }
        .detail();
        let status = Written::Status {
            report_id: &id,
            status: &status,
            linked: linked.as_deref(),
            closed_on: closed_on.as_deref(),
        }
        .detail();
        out.reports.push((id, record, status, purged));
    }
    // Messages one at a time: attachments make them large.
    let keys: Vec<(String, i64)> = sqlx::query_as("SELECT report_id, seq FROM report_messages ORDER BY report_id, seq")
        .fetch_all(&mut *tx)
        .await?;
    for (report_id, seq) in keys {
        let (author, sealed): (String, Vec<u8>) =
            sqlx::query_as("SELECT author, sealed FROM report_messages WHERE report_id = ? AND seq = ?")
                .bind(&report_id)
                .bind(seq)
                .fetch_one(&mut *tx)
                .await?;
        let digest = Written::Message { report_id: &report_id, seq, author: &author, sealed: &sealed }.detail();
        out.messages.push((report_id, seq, digest));
    }
    for r in sqlx::query("SELECT id, report_id, country, category, month FROM published_incidents ORDER BY id")
        .fetch_all(&mut *tx)
        .await?
    {
        let (id, report_id): (String, String) = (r.try_get("id")?, r.try_get("report_id")?);
        let (country, category, month): (String, String, String) =
            (r.try_get("country")?, r.try_get("category")?, r.try_get("month")?);
        let digest =
            Written::Incident { id: &id, report_id: &report_id, country: &country, category: &category, month: &month }
                .detail();
        out.incidents.push((report_id, digest));
    }
    let releases = sqlx::query("SELECT seq, released_on, counts, state FROM count_releases ORDER BY seq");
    for r in releases.fetch_all(&mut *tx).await? {
        let (seq, day): (i64, String) = (r.try_get("seq")?, r.try_get("released_on")?);
        let (counts, state): (String, String) = (r.try_get("counts")?, r.try_get("state")?);
        out.releases.push((seq, Written::Release { seq, released_on: &day, counts: &counts, state: &state }.detail()));
    }
    for table in AppendOnly::ALL {
        let sql = format!("SELECT seq, {} FROM {} ORDER BY seq", table.columns(), table.table());
        for r in sqlx::query(sqlx::AssertSqlSafe(sql)).fetch_all(&mut *tx).await? {
            let seq: i64 = r.try_get(0)?;
            let columns = columns_of(&r, 1)?;
            out.appended.push((table, seq, Written::Row { table, seq, columns: &columns }.detail()));
        }
    }
    tx.commit().await?;
    Ok(out)
}
