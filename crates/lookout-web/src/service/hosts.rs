//! The organisations a station's sources name as hosting it: each from a `Hosting` link to the
//! station, with the organisation's names and kind and the sources of the link with their words.

use lookout_core::{EntityId, EntityView, Schema, Source, SourceId};
use lookout_store::{EntityRecord, Store};
use std::collections::HashMap;

use crate::error::WebError;

/// An organisation hosting a station, as its page shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostView {
    /// The organisation's names (the first is its name as the sources write it).
    pub names: Vec<String>,
    /// Its kind (`association`, `business`), where a source gives one.
    pub kind: Option<String>,
    /// The words of the sources that name it as the host.
    pub quote: Option<String>,
    /// Those sources: (address, label).
    pub sources: Vec<(String, String)>,
}

/// The hosts of a station among `referencing` (the entities that refer to it).
pub(crate) async fn hosts_of<S: Store>(
    store: &S,
    referencing: &[EntityRecord],
    sources: &HashMap<SourceId, Source>,
) -> Result<Vec<HostView>, WebError> {
    let links: Vec<&EntityRecord> = referencing.iter().filter(|r| r.entity.schema == Schema::Hosting).collect();
    let host_ids: Vec<EntityId> = links
        .iter()
        .filter_map(|l| EntityView::fold(l.entity.clone(), &l.statements).first("host").map(str::to_string))
        .filter_map(|id| EntityId::new(id).ok())
        .collect();
    let hosts: HashMap<EntityId, EntityRecord> =
        store.entities(&host_ids).await?.into_iter().map(|h| (h.entity.id.clone(), h)).collect();
    let mut out = Vec::new();
    for link in links {
        let told: Vec<_> = link.statements.iter().filter(|s| s.prop == "host").collect();
        let Some(host) = told.first().and_then(|s| EntityId::new(s.value.clone()).ok()) else { continue };
        let Some(record) = hosts.get(&host).filter(|h| h.is_public()) else { continue };
        let view = EntityView::fold(record.entity.clone(), &record.statements);
        out.push(HostView {
            names: view.values("name").iter().map(|n| n.to_string()).collect(),
            kind: view.first("legalForm").map(str::to_string),
            quote: told.first().and_then(|s| s.locator.quote.clone()),
            sources: super::source_links(&told.into_iter().cloned().collect::<Vec<_>>(), sources),
        });
    }
    Ok(out)
}
