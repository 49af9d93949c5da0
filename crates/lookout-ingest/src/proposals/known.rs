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
    /// Each station's place (latitude, longitude in degrees), where its place is a city of the
    /// gazetteer.
    coordinates: Vec<Option<(f64, f64)>>,
}

/// How far from a city its area reaches ("蒙特利尔地区", "Montreal-area": Brossard too), in km.
const AREA_KM: f64 = 40.0;

/// Words after a city's name that speak of its area.
const AREA_WORDS: &[&str] = &["地区", "地區", "一带", "一帶", "都会区", "都會區", "-area", " area"];

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
            // The district a station's city names it by ("London (Croydon)" is Croydon's).
            for district in districts(&s.city) {
                stations_named.entry(district.to_lowercase()).or_default().push(i);
            }
        }
        let body_at = bodies.iter().enumerate().map(|(i, b)| (b.id.to_string(), i)).collect();
        let places: HashMap<u32, (&'static str, (f64, f64))> = lookout_geo::Gazetteer::shared()
            .cities()
            .iter()
            .filter(|c| stations_at.contains_key(&c.geonameid))
            .map(|c| (c.geonameid, (c.admin1.as_str(), (c.latitude, c.longitude))))
            .collect();
        let place = |s: &KnownStation| s.geonameid.and_then(|g| places.get(&g).copied());
        let admin1 = stations.iter().map(|s| place(s).map(|(a, _)| a)).collect();
        let coordinates = stations.iter().map(|s| place(s).map(|(_, c)| c)).collect();
        Known { stations, bodies, stations_at, stations_named, body_at, hosted: HashMap::new(), admin1, coordinates }
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
        // By name, in the place's country where it has one ("Lord Sharpe of Epsom" is not of
        // Auckland's Epsom).
        let country = match &m.what {
            What::Place { country, .. } => *country,
            _ => None,
        };
        if let Some(by_name) = self.stations_named.get(&m.text_in(text).to_lowercase()) {
            let same_country = |i: &usize| country.is_none_or(|c| self.stations[*i].country.as_deref() == Some(c));
            at.extend(by_name.iter().filter(|i| !at.contains(i) && same_country(i)).collect::<Vec<_>>());
        }
        // The city's area: the stations near it; or as many of the nearest as a count after the
        // city says it has, where the record places fewer in the city itself ("蒙特利爾的2個站點":
        // Montreal's and Brossard's).
        let centre = at.iter().find_map(|&i| self.coordinates[i]);
        let after = past_spelling(&text[m.bytes.end..]);
        let wanted =
            if AREA_WORDS.iter().any(|w| after.starts_with(w)) { Some(usize::MAX) } else { count_after(after) };
        if let (Some(centre), Some(wanted)) = (centre, wanted.filter(|&n| n > at.len())) {
            let mut near: Vec<(f64, usize)> = (0..self.stations.len())
                .filter(|i| !at.contains(i))
                .filter_map(|i| self.coordinates[i].map(|c| (km_between(centre, c), i)))
                .filter(|(km, _)| *km <= AREA_KM)
                .collect();
            near.sort_by(|a, b| a.0.total_cmp(&b.0));
            let room = wanted - at.len();
            at.extend(near.into_iter().take(room).map(|(_, i)| i));
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

/// What follows a city's name past its spelling in parentheses, if one stands there
/// ("蒙特利爾(Montreal)的2個站點"): at most 40 bytes of it, not a text's every parenthesis.
fn past_spelling(after: &str) -> &str {
    let Some(inside) = after.strip_prefix(['(', '（']) else { return after };
    let near = &inside[..inside.floor_char_boundary(40)];
    match near.find([')', '）']) {
        Some(close) if near[..close].chars().all(|c| c.is_ascii_alphabetic() || c == ' ' || c == '-' || c == '.') => {
            let close_len = near[close..].chars().next().map_or(1, char::len_utf8);
            &inside[close + close_len..]
        }
        _ => after,
    }
}

/// The number of places a Chinese text gives just after a city's name (的2個站點, 有兩間, 的两个中心),
/// if it gives one.
fn count_after(after: &str) -> Option<usize> {
    let rest = ["的", "有", "共有"].iter().find_map(|w| after.strip_prefix(w)).unwrap_or(after);
    let mut chars = rest.chars();
    let n = match chars.next()? {
        '2' | '两' | '兩' | '二' => 2,
        '3' | '三' => 3,
        '4' | '四' => 4,
        _ => return None,
    };
    chars.next().filter(|c| "个個间間所家处處座".contains(*c)).map(|_| n)
}

/// The distance between two places (latitude, longitude in degrees), in km, on a sphere.
fn km_between(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (a.0.to_radians(), a.1.to_radians(), b.0.to_radians(), b.1.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2) + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

/// The districts a station's city names in parentheses, each a single proper name ("Croydon" of
/// "London (Croydon)", "Manhattan" of "New York (Manhattan, Chinatown)"); not a Chinatown, which
/// many cities have, nor a note ("site 2", "suburbs", "Paris region").
fn districts(city: &str) -> impl Iterator<Item = &str> {
    let inside = city.find('(').and_then(|open| city[open + 1..].strip_suffix(')')).unwrap_or("");
    inside.split(',').map(str::trim).filter(|part| {
        part.chars().count() >= 4
            && part.starts_with(char::is_uppercase)
            && !part.contains(char::is_whitespace)
            && *part != "Chinatown"
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_station_is_known_by_the_district_its_city_names() {
        fn of(city: &str) -> Vec<&str> {
            super::districts(city).collect()
        }
        assert_eq!(of("London (Croydon)"), ["Croydon"]);
        assert_eq!(of("New York (Manhattan, Chinatown)"), ["Manhattan"]);
        assert!(of("Greater Toronto Area (site 2; address not in sources read)").is_empty());
        assert!(of("Paris (suburbs)").is_empty());
        assert!(of("Amsterdam").is_empty());
    }

    #[test]
    fn a_count_after_a_city_is_read_past_its_spelling_in_parentheses() {
        assert_eq!(super::count_after(super::past_spelling("(Montreal)的2個站點展開調查")), Some(2));
        assert_eq!(super::count_after(super::past_spelling("的兩間")), Some(2));
        // Not a note in parentheses, nor one that never closes.
        assert_eq!(super::count_after(super::past_spelling("(據報)的2個站點")), None);
        assert_eq!(super::count_after(super::past_spelling("(Montreal 的2個站點")), None);
    }
}
