//! The inbox's pages of proposals over SQLite: a filter's conditions, pages cut by position
//! (keyset) rather than by rows skipped, and the filter's total counted once per change of the
//! proposals or their reviews.

use std::collections::HashMap;
use std::sync::Mutex;

use sqlx::{AssertSqlSafe, Row};

use super::documents::{proposal_from_row, PROPOSAL_SELECT};
use super::SqliteStore;
use crate::workspace::{PageAt, ProposalFilter, ProposalPage};
use crate::StoreError;

/// Totals kept for at most this many filters (one per document filtered on, mostly); past it
/// the memory is cleared and refilled.
const COUNTS_KEPT: usize = 256;

/// Where the proposals stand: the last proposal and the last review. Proposals and reviews are
/// only ever added (triggers refuse updates and deletes), so a total counted at one version
/// holds until either grows.
type ProposalsVersion = (i64, i64);

/// Totals of the proposals each filter selects, each with the version it was counted at.
#[derive(Debug, Default)]
pub(super) struct ProposalCounts(Mutex<HashMap<ProposalFilter, (ProposalsVersion, u64)>>);

/// The conditions selecting a filter's proposals, each present only when the filter has it (a
/// condition such as `?1 IS NULL OR p.document = ?1` would keep SQLite from using the index on
/// documents): fixed fragments, every value bound in the order the fragments come.
fn conditions(filter: &ProposalFilter) -> String {
    let mut sql = String::from(match filter.reviewed {
        None => "NOT EXISTS (SELECT 1 FROM proposal_reviews x WHERE x.proposal_key = p.key)",
        Some(_) => "EXISTS (SELECT 1 FROM proposal_reviews x WHERE x.proposal_key = p.key AND x.verdict = ?)",
    });
    if filter.document.is_some() {
        sql.push_str(" AND p.document = ?");
    }
    if filter.kind.is_some() {
        sql.push_str(" AND p.kind = ?");
    }
    sql
}

/// Binds a filter's values in the order of [`conditions`].
fn bind_filter<'q>(
    mut q: sqlx::query::Query<'q, sqlx::Sqlite, sqlx::sqlite::SqliteArguments>,
    filter: &'q ProposalFilter,
) -> sqlx::query::Query<'q, sqlx::Sqlite, sqlx::sqlite::SqliteArguments> {
    if let Some(v) = filter.reviewed {
        q = q.bind(v.as_str());
    }
    if let Some(d) = &filter.document {
        q = q.bind(d.as_str());
    }
    if let Some(k) = filter.kind {
        q = q.bind(k.as_str());
    }
    q
}

impl SqliteStore {
    /// A page of the proposals `filter` selects; see [`crate::WorkspaceStore::proposal_page`].
    pub(super) async fn proposals_at(
        &self,
        filter: &ProposalFilter,
        at: &PageAt,
        limit: u32,
    ) -> Result<ProposalPage, StoreError> {
        // Read the version before counting: a count made after a newer change is only fresher.
        let total = self.proposal_total(filter).await?;
        let (cut, order) = match at {
            PageAt::First => ("", "ASC"),
            PageAt::After(_) => (" AND p.key > ?", "ASC"),
            PageAt::Before(_) => (" AND p.key < ?", "DESC"),
        };
        let sql = format!("{PROPOSAL_SELECT} WHERE {}{cut} ORDER BY p.key {order} LIMIT ?", conditions(filter));
        let mut query = bind_filter(sqlx::query(AssertSqlSafe(sql)), filter);
        if let PageAt::After(id) | PageAt::Before(id) = at {
            query = query.bind(self.proposal_key(id).await?);
        }
        let rows = query.bind(i64::from(limit) + 1).fetch_all(&self.pool).await?;
        let beyond = rows.len() > limit as usize;
        let mut records = rows.iter().take(limit as usize).map(proposal_from_row).collect::<Result<Vec<_>, _>>()?;
        let (earlier, later) = match at {
            PageAt::First => (false, beyond),
            PageAt::After(_) => (true, beyond),
            PageAt::Before(_) => {
                records.reverse();
                (beyond, true)
            }
        };
        Ok(ProposalPage { records, total, earlier, later })
    }

    async fn proposal_key(&self, id: &str) -> Result<i64, StoreError> {
        sqlx::query_scalar("SELECT key FROM proposals WHERE id = ?")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("no proposal {id}")))
    }

    /// How many proposals `filter` selects, counted again only when proposals or reviews were
    /// added since the last count.
    async fn proposal_total(&self, filter: &ProposalFilter) -> Result<u64, StoreError> {
        let row = sqlx::query(
            "SELECT (SELECT IFNULL(MAX(key), 0) FROM proposals) AS p, \
             (SELECT IFNULL(MAX(seq), 0) FROM proposal_reviews) AS r",
        )
        .fetch_one(&self.pool)
        .await?;
        let version: ProposalsVersion = (row.try_get("p")?, row.try_get("r")?);
        let known = self.proposal_counts.0.lock().ok().and_then(|counts| counts.get(filter).copied());
        if let Some((_, total)) = known.filter(|(counted_at, _)| *counted_at == version) {
            return Ok(total);
        }
        let sql = format!("SELECT COUNT(*) FROM proposals p WHERE {}", conditions(filter));
        let total: i64 =
            bind_filter(sqlx::query(AssertSqlSafe(sql)), filter).fetch_one(&self.pool).await?.try_get(0)?;
        let total = total as u64;
        if let Ok(mut counts) = self.proposal_counts.0.lock() {
            if counts.len() >= COUNTS_KEPT {
                counts.clear();
            }
            counts.insert(filter.clone(), (version, total));
        }
        Ok(total)
    }
}
