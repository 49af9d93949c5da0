//! What the record knows, as proposals look it up: its stations by place and city, its bodies by id.

use std::collections::HashMap;

use lookout_core::{EntityId, Schema};

use crate::mentions::regions::Region;
use crate::{Mention, What};

/// A station of the record, as proposals find it.
#[derive(Debug, Clone)]
pub struct KnownStation {
    /// Its id.
    pub id: EntityId,
    /// Its city, as the record writes it (empty for a station placed in a country only).
    pub city: String,
    /// The GeoNames id of its place, where known.
    pub geonameid: Option<u32>,
    /// Its country (ISO code), where known.
    pub country: Option<String>,
}

/// A bureau or organisation of the record.
#[derive(Debug, Clone)]
pub struct KnownBody {
    /// Its id (what an organisation mention's `entity_id` holds once linked).
    pub id: EntityId,
    /// `PublicBody` or `Organization`.
    pub schema: Schema,
    /// Its names and aliases, the first its name.
    pub names: Vec<String>,
}

/// What the record already knows, indexed for the mentions of documents.
#[derive(Debug, Clone, Default)]
pub struct Known {
    stations: Vec<KnownStation>,
    bodies: Vec<KnownBody>,
    /// GeoNames id of their place → stations there (positions).
    stations_at: HashMap<u32, Vec<usize>>,
    /// Lower-case city → stations there (positions).
    stations_named: HashMap<String, Vec<usize>>,
    /// Body id → position.
    body_at: HashMap<String, usize>,
    /// Body id → the stations it hosts (positions): a text that names the host names them.
    hosted: HashMap<String, Vec<usize>>,
    /// Each station's first-level division (GeoNames `admin1`), where its place is a city of
    /// the gazetteer.
    admin1: Vec<Option<&'static str>>,
}

impl Known {
    /// The record's stations and bodies.
    pub fn new(stations: Vec<KnownStation>, bodies: Vec<KnownBody>) -> Known {
        let (mut stations_at, mut stations_named): (HashMap<u32, Vec<usize>>, HashMap<String, Vec<usize>>) =
            Default::default();
        for (i, s) in stations.iter().enumerate() {
            if let Some(g) = s.geonameid {
                stations_at.entry(g).or_default().push(i);
            }
            if !s.city.is_empty() {
                stations_named.entry(s.city.to_lowercase()).or_default().push(i);
            }
        }
        let body_at = bodies.iter().enumerate().map(|(i, b)| (b.id.to_string(), i)).collect();
        let division: HashMap<u32, &'static str> = lookout_geo::Gazetteer::shared()
            .cities()
            .iter()
            .filter(|c| stations_at.contains_key(&c.geonameid))
            .map(|c| (c.geonameid, c.admin1.as_str()))
            .collect();
        let admin1 = stations.iter().map(|s| s.geonameid.and_then(|g| division.get(&g).copied())).collect();
        Known { stations, bodies, stations_at, stations_named, body_at, hosted: HashMap::new(), admin1 }
    }

    /// The same, knowing which body hosts which station (`(host, station)` pairs; a station the
    /// record does not have is passed over).
    pub fn with_hostings(mut self, hostings: impl IntoIterator<Item = (EntityId, EntityId)>) -> Known {
        for (host, station) in hostings {
            if let Some(at) = self.stations.iter().position(|s| s.id == station) {
                let list = self.hosted.entry(host.to_string()).or_default();
                if !list.contains(&at) {
                    list.push(at);
                }
            }
        }
        self
    }

    /// The stations hosted by the body a linked mention names ("Centre Sino-Québec de la
    /// Rive-Sud" is the Brossard station's host).
    pub(super) fn stations_hosted_by(&self, m: &Mention) -> Vec<&KnownStation> {
        match &m.what {
            What::Organisation { entity: Some(id) } => {
                self.hosted.get(id.as_str()).into_iter().flatten().map(|&i| &self.stations[i]).collect()
            }
            _ => Vec::new(),
        }
    }

    /// The stations in the place a mention names (by its GeoNames id, or its words).
    pub(super) fn stations_in(&self, m: &Mention, text: &str) -> Vec<&KnownStation> {
        let place = match m.what {
            What::Place { city: Some(geonameid), .. } => self.stations_at.get(&geonameid),
            _ => None,
        };
        let mut at: Vec<usize> = place.cloned().unwrap_or_default();
        if let Some(by_name) = self.stations_named.get(&m.text_in(text).to_lowercase()) {
            at.extend(by_name.iter().filter(|i| !at.contains(i)).collect::<Vec<_>>());
        }
        at.sort_unstable();
        at.into_iter().map(|i| &self.stations[i]).collect()
    }

    /// Whether the record has stations in a country (ISO code).
    pub(super) fn has_stations_in(&self, country: &str) -> bool {
        self.stations.iter().any(|s| s.country.as_deref() == Some(country))
    }

    /// The record's stations in a region (a province, a state).
    pub(super) fn stations_of_region(&self, region: Region) -> Vec<&KnownStation> {
        self.stations
            .iter()
            .zip(&self.admin1)
            .filter(|(s, a)| s.country.as_deref() == Some(region.country) && **a == Some(region.admin1))
            .map(|(s, _)| s)
            .collect()
    }

    /// The record's stations in a country (ISO code), at most twelve: more would bury a reviewer.
    /// Those it places in a city; where it places none in a city, those it places in the country
    /// only (Croatia's).
    pub(super) fn stations_of_country(&self, country: &str) -> Vec<&KnownStation> {
        let there = self.stations.iter().filter(|s| s.country.as_deref() == Some(country));
        let in_cities: Vec<&KnownStation> = there.clone().filter(|s| !s.city.is_empty()).collect();
        let all = if in_cities.is_empty() { there.collect() } else { in_cities };
        if all.len() > 12 {
            return Vec::new();
        }
        all
    }

    /// The body a linked mention names.
    pub(super) fn body(&self, m: &Mention) -> Option<&KnownBody> {
        match &m.what {
            What::Organisation { entity: Some(id) } => self.body_at.get(id.as_str()).map(|i| &self.bodies[*i]),
            _ => None,
        }
    }
}
