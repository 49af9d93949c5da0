//! How the workspace names entities: by their first name, accepted names first; a station
//! without one by its city; else by their id.

use std::collections::HashMap;

use lookout_core::{EntityId, StatementStatus};
use lookout_store::{EntityRecord, WorkspaceStore};

use crate::error::WebError;

/// The name of the entity `id` from its statements, as (property, value, status), in the order
/// recorded: its first name not rejected, accepted ones first; else its first city; else its id.
fn name_from<'a>(id: &EntityId, values: impl Iterator<Item = (&'a str, &'a str, StatementStatus)>) -> String {
    let (mut accepted, mut other, mut city) = (None, None, None);
    for (prop, value, status) in values {
        match (prop, status) {
            ("name", StatementStatus::Accepted) => _ = accepted.get_or_insert(value),
            ("name", StatementStatus::Rejected) => {}
            ("name", _) => _ = other.get_or_insert(value),
            // A station without a name is known by its city.
            ("city", _) => _ = city.get_or_insert(value),
            _ => {}
        }
    }
    accepted.or(other).or(city).map_or_else(|| id.to_string(), str::to_string)
}

/// The name to show for an entity record.
pub fn name_of(record: &EntityRecord) -> String {
    name_from(&record.entity.id, record.statements.iter().map(|s| (s.prop.as_str(), s.value.as_str(), s.status)))
}

/// Names of the stored entities with these ids (one query, reading only their names and cities);
/// an id not stored is left out.
pub async fn names<S: WorkspaceStore>(store: &S, ids: &[EntityId]) -> Result<HashMap<EntityId, String>, WebError> {
    let mut wanted: Vec<EntityId> = ids.to_vec();
    wanted.sort();
    wanted.dedup();
    let namings = store.namings(&wanted).await?;
    Ok(namings
        .iter()
        .map(|n| {
            let name = name_from(&n.id, n.values.iter().map(|v| (v.prop.as_str(), v.value.as_str(), v.status)));
            (n.id.clone(), name)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use StatementStatus::{Accepted, Proposed, Rejected};

    #[test]
    fn accepted_names_first_then_a_city_then_the_id() {
        let id = EntityId::new("station-x").unwrap();
        let name = |values: &[(&'static str, &'static str, StatementStatus)]| name_from(&id, values.iter().copied());
        assert_eq!(name(&[("name", "A", Proposed), ("name", "B", Accepted), ("name", "C", Accepted)]), "B");
        assert_eq!(name(&[("name", "A", Rejected), ("name", "B", Proposed)]), "B");
        assert_eq!(name(&[("name", "A", Rejected), ("city", "Rotterdam", Proposed)]), "Rotterdam");
        assert_eq!(name(&[]), "station-x");
    }
}
