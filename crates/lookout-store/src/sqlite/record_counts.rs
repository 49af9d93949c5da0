//! How far the record rests on originals: the counts `lookout stats` prints under "record" and
//! that `data/README.md` states for the bundled data. Accepted statements only, as the public
//! pages show them.

use sqlx::SqlitePool;

use super::documents::COPY_PAIRS;
use crate::{RecordCounts, StoreError};

/// The record's counts; each query is one number.
pub(crate) async fn record_counts(pool: &SqlitePool) -> Result<RecordCounts, StoreError> {
    let count = |sql: String| async move {
        sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(sql)).fetch_one(pool).await.map(|n| n as u64)
    };
    let stations = "SELECT e.key FROM entities e WHERE e.schema = 'Station' AND EXISTS
        (SELECT 1 FROM statements a WHERE a.entity_key = e.key AND a.status = 'accepted')";
    let having = |prop: &str| {
        format!(
            "SELECT COUNT(*) FROM ({stations}) st WHERE EXISTS (SELECT 1 FROM statements s
             WHERE s.entity_key = st.key AND s.prop = '{prop}' AND s.status = 'accepted')"
        )
    };
    // A station's steps: one per station, state, date and claimant, however many sources report it.
    let steps = "SELECT DISTINCT s.entity_key, s.value, s.valid_from, s.claimant FROM statements s
        JOIN entities e ON e.key = s.entity_key
        WHERE e.schema = 'Station' AND s.prop = 'status' AND s.status = 'accepted'";
    Ok(RecordCounts {
        stations: count(format!("SELECT COUNT(*) FROM ({stations})")).await?,
        stations_located: count(having("city")).await?,
        stations_not_located: count(having("unlocatedReason")).await?,
        stations_with_original: count(format!(
            "{COPY_PAIRS} SELECT COUNT(*) FROM ({stations}) st WHERE EXISTS (
                SELECT 1 FROM statements s JOIN sources src ON src.key = s.source_key
                WHERE s.entity_key = st.key AND s.status = 'accepted' AND s.prop IN ('city', 'unlocatedReason')
                  AND src.kind <> 'repost'
                  AND src.kind <> 'reference' AND src.key NOT IN (SELECT copy_key FROM pairs))"
        ))
        .await?,
        stations_with_host: count(
            "SELECT COUNT(DISTINCT s.link_value) FROM statements s JOIN entities e ON e.key = s.entity_key
             WHERE e.schema = 'Hosting' AND s.prop = 'station' AND s.status = 'accepted'"
                .to_string(),
        )
        .await?,
        status_steps: count(format!("SELECT COUNT(*) FROM ({steps})")).await?,
        status_steps_dated: count(format!("SELECT COUNT(*) FROM ({steps}) WHERE valid_from IS NOT NULL")).await?,
        sources_judged: count("SELECT COUNT(DISTINCT source_key) FROM source_judgements".to_string()).await?,
    })
}
