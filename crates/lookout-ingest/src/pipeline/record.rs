//! What the record already knows, for ingest: its stations (to recognise them in sentences) and
//! its bureaus and organisations (to find by name and to link mentions to, across scripts).

use std::collections::HashMap;
use std::sync::Mutex;

use lookout_core::{EntityId, EntityView, Schema};
use lookout_match::{NameIndex, Named};
use lookout_store::{EntityFilter, SqliteStore, Store, StoreError};

use crate::proposals::{Known, KnownBody, KnownStation};
use crate::{KnownNames, Mention, What};

/// What the record already knows, as one value: its stations (for proposals) and its bureaus and
/// organisations (found by name as written, and linked to across scripts by the matcher).
pub(crate) struct Record {
    /// For proposals.
    pub(crate) known: Known,
    /// Bodies by name, for matching a mention across scripts.
    index: NameIndex,
    /// Bodies' names as written, found in texts.
    pub(crate) names: KnownNames,
    /// Mention text → the body it was linked to, for this run (the store does not change during
    /// it, and documents repeat names).
    linked: Mutex<HashMap<String, Option<EntityId>>>,
}

/// Most link answers remembered in a run.
const LINKS_REMEMBERED: usize = 100_000;

impl Record {
    /// The record of `stations` and `bodies`, indexed.
    pub(crate) fn new(stations: Vec<KnownStation>, bodies: Vec<KnownBody>) -> Record {
        let names = KnownNames::new(bodies.iter().flat_map(|b| b.names.iter().map(|n| (n.as_str(), &b.id))));
        let index = NameIndex::build(
            bodies
                .iter()
                .map(|b| Named { id: b.id.to_string(), schema: b.schema.as_str().to_string(), names: b.names.clone() })
                .collect(),
        );
        Record { known: Known::new(stations, bodies), index, names, linked: Mutex::default() }
    }

    /// Reads what the store knows: its stations, and its bureaus and organisations with every name.
    pub(crate) async fn read(store: &SqliteStore) -> Result<Record, StoreError> {
        let stations =
            store.list_entities(&EntityFilter { schema: Some(Schema::Station), ..Default::default() }).await?;
        let stations = stations
            .into_iter()
            .filter_map(|r| {
                let view = EntityView::fold(r.entity, &r.statements);
                let city = view.first("city")?.to_string();
                let geonameid = view.first("place").and_then(|p| EntityId::new(p).ok()?.geonameid());
                Some(KnownStation { id: view.entity.id.clone(), city, geonameid })
            })
            .collect();
        let named = store.names(&[Schema::Organization, Schema::PublicBody], true).await?;
        let bodies = named.into_iter().map(|e| KnownBody { id: e.id, schema: e.schema, names: e.names }).collect();
        Ok(Record::new(stations, bodies))
    }
}

impl Record {
    /// Links each organisation mention not yet linked (found by its kind rather than by a known
    /// name) to the stored body whose name matches it best, if any does.
    pub(crate) fn link(&self, text: &str, mentions: &mut [Mention]) {
        for m in mentions.iter_mut() {
            let What::Organisation { entity: entity @ None } = &mut m.what else { continue };
            let words = &text[m.bytes.clone()];
            if let Some(known) = self.linked.lock().ok().and_then(|l| l.get(words).cloned()) {
                *entity = known;
                continue;
            }
            let best = self
                .index
                .candidates(&[words], 500)
                .into_iter()
                .filter_map(|i| {
                    let e = &self.index.entities()[i];
                    let score = e
                        .names
                        .iter()
                        .map(|n| lookout_match::score_names(words, n, Some(&e.schema)))
                        .fold(0.0, f64::max);
                    (score >= lookout_match::THRESHOLD).then(|| Some((score, EntityId::new(e.id.as_str()).ok()?)))?
                })
                .max_by(|a, b| a.0.total_cmp(&b.0));
            if let Ok(mut linked) = self.linked.lock() {
                if linked.len() >= LINKS_REMEMBERED {
                    linked.clear();
                }
                linked.insert(words.to_string(), best.as_ref().map(|(_, id)| id.clone()));
            }
            *entity = best.map(|(_, id)| id);
        }
    }
}
