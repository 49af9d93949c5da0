//! Paging through every public entity of the store, with only accepted statements.

use std::collections::HashMap;

use lookout_core::{Source, SourceId, StatementStatus};
use lookout_store::{public_records, DocumentStore, EntityRecord, Store};

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

/// Every source, by id.
pub async fn sources_by_id<S: Store>(store: &S) -> Result<HashMap<SourceId, Source>, ExportError> {
    Ok(store.all_sources().await?.into_iter().map(|s| (s.id.clone(), s)).collect())
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
