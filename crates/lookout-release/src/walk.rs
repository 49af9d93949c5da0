//! Paging through every public entity of the store, with only accepted statements.

use std::collections::HashMap;

use lookout_core::{Decision, EntityId, Resolution, Source, SourceId, StatementStatus};
use lookout_store::{public_records, DocumentStore, EntityRecord, PublicView, Store};

use crate::ExportError;

/// Entities per page while walking the store.
const PAGE: u32 = 2_000;

/// Calls `each` for every public entity in id order, as the public may see it ([`lookout_store::PublicView`]: no
/// link to a restricted person, no statement naming one), its statements reduced to accepted ones.
pub async fn for_each_public_entity<S: Store>(
    store: &S,
    mut each: impl FnMut(EntityRecord) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    let mut after = None;
    loop {
        let page = store.entity_page(after.as_ref(), PAGE, false).await?;
        let Some(last) = page.last() else { return Ok(()) };
        after = Some(last.entity.id.clone());
        for mut record in public_records(store, page).await? {
            record.statements.retain(|s| s.status == StatementStatus::Accepted);
            each(record)?;
        }
    }
}

/// The analysts' decisions that entities are one, among public entities only: a decision that
/// joins a private or unconfirmed entity would give an export its id (as a canonical id or a
/// referent), so it is left out, and the public entity stands alone.
pub async fn public_resolution<S: Store>(store: &S) -> Result<Resolution, ExportError> {
    let decisions = store.decisions().await?;
    let mut ids: Vec<EntityId> = decisions.iter().flat_map(|d| [d.left.clone(), d.right.clone()]).collect();
    ids.sort();
    ids.dedup();
    let view = PublicView::of_ids(store, &ids).await?;
    let public: Vec<Decision> =
        decisions.into_iter().filter(|d| view.is_public(&d.left) && view.is_public(&d.right)).collect();
    Ok(Resolution::from_decisions(&public))
}

/// Every source the public may see, by id.
pub async fn sources_by_id<S: Store>(store: &S) -> Result<HashMap<SourceId, Source>, ExportError> {
    Ok(store.public_sources().await?.into_iter().map(|s| (s.id.clone(), s)).collect())
}

/// The original each copy among `sources` copies (as a person judged it, else as ingest found its
/// document to repost), by the copy's id.
pub async fn originals_by_id<S: Store + DocumentStore>(
    store: &S,
    sources: &HashMap<SourceId, Source>,
) -> Result<HashMap<SourceId, SourceId>, ExportError> {
    let ids: Vec<SourceId> = sources.keys().cloned().collect();
    Ok(store.originals_of(&ids).await?)
}
