//! Ingested documents: their public text searched (the index `lookout ingest` writes, opened once
//! it exists and followed as it grows), and the grouping of a record's sources into originals and
//! the reposts that copy them.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use lookout_core::{Source, SourceId};
use lookout_search::{DocumentIndex, DocumentResults};
use lookout_store::DocumentStore;

use crate::error::WebError;

/// The documents' index, opened when first there.
#[derive(Default)]
pub struct DocumentSearch {
    dir: Option<PathBuf>,
    index: Mutex<Option<Arc<DocumentIndex>>>,
}

impl DocumentSearch {
    /// The index kept in `dir` (it may not exist yet).
    pub fn at(dir: PathBuf) -> DocumentSearch {
        DocumentSearch { dir: Some(dir), index: Mutex::new(None) }
    }

    fn index(&self) -> Result<Option<Arc<DocumentIndex>>, WebError> {
        let Some(dir) = &self.dir else { return Ok(None) };
        let mut slot = self.index.lock().map_err(|_| WebError::Internal("document index poisoned".into()))?;
        if slot.is_none() {
            *slot = DocumentIndex::open_existing(dir).map_err(|e| WebError::Internal(e.to_string()))?.map(Arc::new);
        }
        Ok(slot.clone())
    }

    /// Public documents matching `text` (restricted ones never), off the async runtime.
    pub async fn search(&self, text: &str, limit: usize) -> Result<DocumentResults, WebError> {
        let Some(index) = self.index()? else { return Ok(DocumentResults::default()) };
        let text = text.to_string();
        tokio::task::spawn_blocking(move || index.search(&text, false, limit))
            .await
            .map_err(|e| WebError::Internal(e.to_string()))?
            .map_err(|e| match e {
                lookout_search::SearchError::BadQuery(m) => WebError::BadRequest(format!("q: {m}")),
                other => WebError::Internal(other.to_string()),
            })
    }
}

/// A source as a link: its page here, its label, its address.
#[derive(Debug, Clone)]
pub struct SourceLink {
    /// `/sources/{id}`.
    pub href: String,
    /// Publisher, title or address.
    pub label: String,
    /// Where it was found.
    pub url: String,
}

impl SourceLink {
    /// The link of `source`.
    pub fn of(source: &Source) -> SourceLink {
        SourceLink {
            href: format!("/sources/{}", source.id),
            label: super::source_label(source),
            url: super::source_address(source),
        }
    }
}

/// Those of `ids` the public may see ([`lookout_store::Store::public_source`]), by id: an original
/// or a copy named beside a public source may itself be cited only by private statements.
pub async fn public_sources_among<S: lookout_store::Store>(
    store: &S,
    ids: &[SourceId],
) -> Result<HashMap<SourceId, Source>, WebError> {
    let mut out = HashMap::new();
    for id in ids {
        if let Some(source) = store.public_source(id).await? {
            out.insert(id.clone(), source);
        }
    }
    Ok(out)
}

/// An original and the reposts of it among a record's sources.
#[derive(Debug, Clone)]
pub struct SourceGroup {
    /// The original.
    pub original: SourceLink,
    /// Its copies.
    pub copies: Vec<SourceLink>,
}

/// `sources` grouped: each original with the copies of it, in the order given; a copy whose
/// original the record does not cite still shows under it.
pub async fn group_sources<S: DocumentStore + lookout_store::Store>(
    store: &S,
    sources: &HashMap<SourceId, Source>,
    order: &[SourceId],
) -> Result<Vec<SourceGroup>, WebError> {
    let originals = store.originals_of(order).await?;
    let missing: Vec<SourceId> = originals.values().filter(|o| !sources.contains_key(*o)).cloned().collect();
    let extra = public_sources_among(store, &missing).await?;
    let lookup = |id: &SourceId| sources.get(id).or_else(|| extra.get(id));
    let mut groups: Vec<(SourceId, SourceGroup)> = Vec::new();
    for id in order {
        let head = originals.get(id).unwrap_or(id);
        let Some(head_source) = lookup(head) else { continue };
        let at = match groups.iter().position(|(g, _)| g == head) {
            Some(i) => i,
            None => {
                groups.push((head.clone(), SourceGroup { original: SourceLink::of(head_source), copies: Vec::new() }));
                groups.len() - 1
            }
        };
        if head != id {
            if let Some(copy) = lookup(id) {
                groups[at].1.copies.push(SourceLink::of(copy));
            }
        }
    }
    Ok(groups.into_iter().map(|(_, g)| g).collect())
}
