//! How the workspace names entities: by their first name, accepted names first; a station
//! without one by its city; else by their id.

use std::collections::HashMap;

use lookout_core::{EntityId, StatementStatus};
use lookout_store::{EntityRecord, WorkspaceStore};

use crate::error::WebError;

/// The name to show for an entity record.
pub fn name_of(record: &EntityRecord) -> String {
    let names = record.statements.iter().filter(|s| s.prop == "name" && s.status != StatementStatus::Rejected);
    let mut best: Option<&lookout_core::Statement> = None;
    for s in names {
        if best.is_none_or(|b| b.status != StatementStatus::Accepted && s.status == StatementStatus::Accepted) {
            best = Some(s);
        }
    }
    // A station without a name is known by its city.
    let city = || record.statements.iter().find(|s| s.prop == "city").map(|s| s.value.clone());
    best.map(|s| s.value.clone()).or_else(city).unwrap_or_else(|| record.entity.id.to_string())
}

/// Names of the entities with these ids (one query); an id not stored keeps its id as name.
pub async fn names<S: WorkspaceStore>(store: &S, ids: &[EntityId]) -> Result<HashMap<EntityId, String>, WebError> {
    let mut wanted: Vec<EntityId> = ids.to_vec();
    wanted.sort();
    wanted.dedup();
    let records = store.entities_in_full(&wanted).await?;
    Ok(records.iter().map(|r| (r.entity.id.clone(), name_of(r))).collect())
}
