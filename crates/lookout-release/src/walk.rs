//! Paging through every public entity of the store, with only accepted statements.

use std::collections::HashMap;

use lookout_core::{Source, SourceId, StatementStatus};
use lookout_store::{EntityRecord, Store};

use crate::ExportError;

/// Entities per page while walking the store.
const PAGE: u32 = 2_000;

/// Calls `each` for every public (unrestricted) entity in id order, its statements reduced to accepted ones.
pub async fn for_each_public_entity<S: Store>(
    store: &S,
    mut each: impl FnMut(EntityRecord) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    let mut after = None;
    loop {
        let page = store.entity_page(after.as_ref(), PAGE, false).await?;
        let Some(last) = page.last() else { return Ok(()) };
        after = Some(last.entity.id.clone());
        for mut record in page {
            record.statements.retain(|s| s.status == StatementStatus::Accepted);
            each(record)?;
        }
    }
}

/// Every source, by id.
pub async fn sources_by_id<S: Store>(store: &S) -> Result<HashMap<SourceId, Source>, ExportError> {
    Ok(store.all_sources().await?.into_iter().map(|s| (s.id.clone(), s)).collect())
}
