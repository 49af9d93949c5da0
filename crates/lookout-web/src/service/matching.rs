//! The name index `POST /api/v1/match` compares queries against: public organisations and public
//! bodies with their names, kept per data version and rebuilt off the async runtime after a change.

use std::sync::{Arc, Mutex};

use lookout_core::Schema;
use lookout_match::{NameIndex, Named};
use lookout_store::Store;

use crate::error::WebError;

/// Candidates compared per query name when the record is large.
pub const CANDIDATES_PER_QUERY: usize = 2_000;

/// The current index, per data version.
#[derive(Default)]
pub struct MatchCache {
    index: Mutex<Option<(i64, Arc<NameIndex>)>>,
}

impl MatchCache {
    /// The index of the store's current data.
    pub async fn index<S: Store>(&self, store: &S) -> Result<Arc<NameIndex>, WebError> {
        let version = store.data_version().await?;
        let poisoned = || WebError::Internal("match cache poisoned".into());
        if let Some((v, index)) = self.index.lock().map_err(|_| poisoned())?.as_ref() {
            if *v == version {
                return Ok(index.clone());
            }
        }
        // Public (unrestricted) entities only: persons are restricted, so never candidates.
        let named: Vec<Named> = store
            .names(&[Schema::Organization, Schema::PublicBody], false)
            .await?
            .into_iter()
            .map(|e| Named { id: e.id.to_string(), schema: e.schema.as_str().to_string(), names: e.names })
            .collect();
        let index = tokio::task::spawn_blocking(move || NameIndex::build(named))
            .await
            .map_err(|e| WebError::Internal(format!("building the match index: {e}")))?;
        let index = Arc::new(index);
        *self.index.lock().map_err(|_| poisoned())? = Some((version, index.clone()));
        Ok(index)
    }
}
