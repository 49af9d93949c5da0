//! The world map, projected once at start-up and rendered once per version of the data and language.

use std::sync::{Arc, Mutex};

use lookout_geo::{Countries, MapText, WorldMap};
use lookout_store::Store;

use crate::error::WebError;
use crate::i18n::{Lang, Localized, Text};
use crate::service::countries::{map_data, MapData};

/// A rendered map and the data it shows.
#[derive(Clone)]
pub struct RenderedMap {
    /// The SVG element.
    pub svg: Arc<str>,
    /// Counts per country and the dots.
    pub data: MapData,
}

/// The projected world and its renderings for the current data version, one per language.
pub struct MapCache {
    world: WorldMap,
    rendered: Mutex<Vec<(i64, Lang, RenderedMap)>>,
}

impl MapCache {
    /// Projects the bundled world map.
    pub fn new(countries: &Countries) -> Result<MapCache, lookout_geo::GeoError> {
        Ok(MapCache { world: WorldMap::bundled(countries)?, rendered: Mutex::new(Vec::new()) })
    }

    /// The map for the store's current data in a language, rendered again only when the data changed.
    pub async fn rendered<S: Store>(
        &self,
        store: &S,
        names: &Localized<'_>,
        t: &Text,
    ) -> Result<RenderedMap, WebError> {
        let version = store.data_version().await?;
        let poisoned = || WebError::Internal("map cache poisoned".into());
        {
            let cache = self.rendered.lock().map_err(|_| poisoned())?;
            if let Some((_, _, map)) = cache.iter().find(|(v, l, _)| *v == version && *l == names.lang) {
                return Ok(map.clone());
            }
        }
        let data = map_data(store, names).await?;
        let counts = data.countries.iter().map(|c| (c.code.clone(), c.count)).collect();
        let label = |code: &str, n: usize| t.map_country_label(&names.name(code), n);
        let text = MapText { title: t.chrome.map_title, description: t.chrome.map_description, country_label: &label };
        let svg: Arc<str> = self.world.render(&counts, &|code| format!("/countries/{code}"), &data.dots, &text).into();
        let map = RenderedMap { svg, data };
        let mut cache = self.rendered.lock().map_err(|_| poisoned())?;
        cache.retain(|(v, l, _)| *v == version && *l != names.lang);
        cache.push((version, names.lang, map.clone()));
        Ok(map)
    }
}
