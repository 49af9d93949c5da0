//! The world map, projected once at start-up and rendered once per version of the data.

use std::sync::{Arc, Mutex};

use lookout_geo::{Countries, MapText, WorldMap};
use lookout_store::Store;

use crate::service::countries::{map_data, MapData};
use crate::WebError;

/// A rendered map and the data it shows.
#[derive(Clone)]
pub struct RenderedMap {
    /// The SVG element.
    pub svg: Arc<str>,
    /// Counts per country and the dots.
    pub data: MapData,
}

/// The projected world and the last rendering, keyed by the store's data version.
pub struct MapCache {
    world: WorldMap,
    rendered: Mutex<Option<(i64, RenderedMap)>>,
}

impl MapCache {
    /// Projects the bundled world map.
    pub fn new(countries: &Countries) -> Result<MapCache, lookout_geo::GeoError> {
        Ok(MapCache { world: WorldMap::bundled(countries)?, rendered: Mutex::new(None) })
    }

    /// The map for the store's current data, rendered again only when the data changed.
    pub async fn rendered<S: Store>(&self, store: &S, countries: &Countries) -> Result<RenderedMap, WebError> {
        let version = store.data_version().await?;
        if let Some((v, map)) =
            self.rendered.lock().map_err(|_| WebError::Internal("map cache poisoned".into()))?.as_ref()
        {
            if *v == version {
                return Ok(map.clone());
            }
        }
        let data = map_data(store, countries).await?;
        let counts = data.countries.iter().map(|c| (c.code.clone(), c.count)).collect();
        let label = |name: &str, n: usize| format!("{name}: {n} reported station{}", if n == 1 { "" } else { "s" });
        let text = MapText {
            title: "Reported overseas police service stations by country",
            description: "Countries shaded by the number of stations reported there; dots mark the cities. The same data is listed as a table below the map.",
            country_label: &label,
        };
        let svg: Arc<str> = self.world.render(&counts, &|code| format!("/countries/{code}"), &data.dots, &text).into();
        let map = RenderedMap { svg, data };
        *self.rendered.lock().map_err(|_| WebError::Internal("map cache poisoned".into()))? =
            Some((version, map.clone()));
        Ok(map)
    }
}
