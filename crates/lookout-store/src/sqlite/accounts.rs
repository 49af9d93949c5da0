//! Accounts of protected reporting over SQLite.

use sqlx::sqlite::SqliteRow;
use sqlx::Row;

use super::audit_log::{append, begin_write};
use super::SqliteStore;
use crate::audit::{AuditEvent, Written};
use crate::reports::{Account, AccountSummary};
use crate::StoreError;

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

pub(crate) async fn add(store: &SqliteStore, a: &Account, event: &AuditEvent) -> Result<(), StoreError> {
    let mut tx = begin_write(store).await?;
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
    .bind(&event.day)
    .execute(&mut *tx)
    .await;
    match result {
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
            return Err(StoreError::Conflict(format!("an account named {} exists", a.name)));
        }
        other => other?,
    };
    let written = [
        Written::Account { name: &a.name, role: &a.role, recipient: &a.recipient },
        Written::Active { name: &a.name, active: a.active },
    ];
    append(&mut tx, event, &written).await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn get(store: &SqliteStore, name: &str) -> Result<Option<Account>, StoreError> {
    let row = sqlx::query("SELECT * FROM accounts WHERE name = ?").bind(name).fetch_optional(&store.pool).await?;
    row.as_ref().map(account_from_row).transpose()
}

pub(crate) async fn list(store: &SqliteStore) -> Result<Vec<AccountSummary>, StoreError> {
    let rows =
        sqlx::query("SELECT name, role, active, created_on FROM accounts ORDER BY name").fetch_all(&store.pool).await?;
    rows.iter()
        .map(|r| {
            Ok(AccountSummary {
                name: r.try_get("name")?,
                role: r.try_get("role")?,
                active: r.try_get::<i64, _>("active")? != 0,
                created_on: r.try_get("created_on")?,
            })
        })
        .collect()
}

pub(crate) async fn set_active(
    store: &SqliteStore,
    name: &str,
    active: bool,
    event: &AuditEvent,
) -> Result<(), StoreError> {
    let mut tx = begin_write(store).await?;
    if !active {
        // Checked in the transaction that writes, so two admins deactivating each other at once
        // cannot both succeed.
        let admins_left: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM accounts WHERE role = 'admin' AND active = 1 AND name <> ?")
                .bind(name)
                .fetch_one(&mut *tx)
                .await?;
        let is_active_admin: Option<i64> =
            sqlx::query_scalar("SELECT 1 FROM accounts WHERE name = ? AND role = 'admin' AND active = 1")
                .bind(name)
                .fetch_optional(&mut *tx)
                .await?;
        if is_active_admin.is_some() && admins_left == 0 {
            return Err(StoreError::Conflict(format!(
                "{name} is the last active admin: add or activate another admin before deactivating it"
            )));
        }
    }
    let done =
        sqlx::query("UPDATE accounts SET active = ? WHERE name = ?").bind(active).bind(name).execute(&mut *tx).await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound(format!("no account {name}")));
    }
    append(&mut tx, event, &[Written::Active { name, active }]).await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn reset(store: &SqliteStore, a: &Account, event: &AuditEvent) -> Result<(), StoreError> {
    let mut tx = begin_write(store).await?;
    let stored: Option<(String, i64)> = sqlx::query_as("SELECT role, active FROM accounts WHERE name = ?")
        .bind(&a.name)
        .fetch_optional(&mut *tx)
        .await?;
    let (role, active) = stored.ok_or_else(|| StoreError::NotFound(format!("no account {}", a.name)))?;
    sqlx::query(
        "UPDATE accounts SET password_hash = ?, totp_sealed = ?, identity_sealed = ?, recipient = ? WHERE name = ?",
    )
    .bind(&a.password_hash)
    .bind(&a.totp_sealed)
    .bind(&a.identity_sealed)
    .bind(&a.recipient)
    .bind(&a.name)
    .execute(&mut *tx)
    .await?;
    let written = [
        Written::Account { name: &a.name, role: &role, recipient: &a.recipient },
        Written::Active { name: &a.name, active: active != 0 },
    ];
    append(&mut tx, event, &written).await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn rewrap(store: &SqliteStore, a: &Account, event: &AuditEvent) -> Result<(), StoreError> {
    let mut tx = begin_write(store).await?;
    let done = sqlx::query(
        "UPDATE accounts SET password_hash = ?, totp_sealed = ?, identity_sealed = ? WHERE name = ? AND recipient = ?",
    )
    .bind(&a.password_hash)
    .bind(&a.totp_sealed)
    .bind(&a.identity_sealed)
    .bind(&a.name)
    .bind(&a.recipient)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound(format!("no account {} with this key", a.name)));
    }
    append(&mut tx, event, &[]).await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn recipients(store: &SqliteStore) -> Result<Vec<String>, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT recipient FROM accounts WHERE active = 1 AND role IN ('reviewer', 'admin') ORDER BY name",
    )
    .fetch_all(&store.pool)
    .await?)
}
