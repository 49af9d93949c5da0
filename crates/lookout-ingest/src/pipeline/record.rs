//! What the record already knows, for ingest: its stations (to recognise them in sentences, by
//! their cities and by the bodies that host them) and its bureaus and organisations (to find by
//! name and to link mentions to, across scripts).

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

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
    /// Bodies by name, for matching a mention across scripts (built off the path: see [`Building`]).
    index: Building,
    /// Bodies' names as written, found in texts.
    pub(crate) names: KnownNames,
    /// Mention text → the body it was linked to, for this run (the store does not change during
    /// it, and documents repeat names).
    linked: Mutex<HashMap<String, Option<EntityId>>>,
}

/// A name index built on a thread of its own from the start of a run: a large record's takes
/// about a second, which the run spends reading its first document meanwhile; the first link
/// that needs the index waits for it, and a run whose documents need none never does.
struct Building {
    built: OnceLock<NameIndex>,
    thread: Mutex<Option<std::thread::JoinHandle<NameIndex>>>,
}

impl Building {
    fn start(named: Vec<Named>) -> Building {
        // The names wait in a slot: the thread takes them, or, when no thread can be had, the
        // index is built here and now.
        let slot = std::sync::Arc::new(Mutex::new(Some(named)));
        let for_thread = slot.clone();
        let take = |slot: &Mutex<Option<Vec<Named>>>| slot.lock().ok().and_then(|mut s| s.take()).unwrap_or_default();
        let thread =
            std::thread::Builder::new().name("name-index".into()).spawn(move || NameIndex::build(take(&for_thread)));
        match thread {
            Ok(thread) => Building { built: OnceLock::new(), thread: Mutex::new(Some(thread)) },
            Err(_) => Building { built: OnceLock::from(NameIndex::build(take(&slot))), thread: Mutex::new(None) },
        }
    }

    /// The index, waiting for it to be built. A build that failed (it panicked) links nothing.
    fn get(&self) -> &NameIndex {
        self.built.get_or_init(|| {
            let thread = self.thread.lock().ok().and_then(|mut t| t.take());
            thread.and_then(|t| t.join().ok()).unwrap_or_default()
        })
    }
}

/// Most link answers remembered in a run.
const LINKS_REMEMBERED: usize = 100_000;

impl Record {
    /// The record of `stations` and `bodies`, indexed.
    pub(crate) fn new(
        stations: Vec<KnownStation>,
        bodies: Vec<KnownBody>,
        hostings: Vec<(EntityId, EntityId)>,
    ) -> Record {
        let index = Building::start(
            bodies
                .iter()
                .map(|b| Named { id: b.id.to_string(), schema: b.schema.as_str().to_string(), names: b.names.clone() })
                .collect(),
        );
        let names = KnownNames::new(bodies.iter().flat_map(|b| b.names.iter().map(|n| (n.as_str(), &b.id))));
        Record { known: Known::new(stations, bodies).with_hostings(hostings), index, names, linked: Mutex::default() }
    }

    /// Reads what the store knows: its stations, and its bureaus and organisations with every name.
    pub(crate) async fn read(store: &SqliteStore) -> Result<Record, StoreError> {
        let stations =
            store.list_entities(&EntityFilter { schema: Some(Schema::Station), ..Default::default() }).await?;
        let stations = stations
            .into_iter()
            .map(|r| {
                let view = EntityView::fold(r.entity, &r.statements);
                // A station the record places in a country only (ST076, Croatia) is known by it.
                let city = view.first("city").unwrap_or_default().to_string();
                let geonameid = view.first("place").and_then(|p| EntityId::new(p).ok()?.geonameid());
                let country = view.first("country").map(str::to_string);
                KnownStation { id: view.entity.id.clone(), city, geonameid, country }
            })
            .collect();
        // Which body hosts which station: a text that names a host speaks of its station.
        let links = store.list_entities(&EntityFilter { schema: Some(Schema::Hosting), ..Default::default() }).await?;
        let hostings = links
            .into_iter()
            .filter_map(|r| {
                let view = EntityView::fold(r.entity, &r.statements);
                let host = EntityId::new(view.first("host")?).ok()?;
                let station = EntityId::new(view.first("station")?).ok()?;
                Some((host, station))
            })
            .collect();
        let named = store.names(&[Schema::Organization, Schema::PublicBody], true).await?;
        let bodies = named.into_iter().map(|e| KnownBody { id: e.id, schema: e.schema, names: e.names }).collect();
        Ok(Record::new(stations, bodies, hostings))
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
            let index = self.index.get();
            let best = index
                .candidates(&[words], 500)
                .into_iter()
                .filter_map(|i| {
                    let e = &index.entities()[i];
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
