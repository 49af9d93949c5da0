//! Lookout's gazetteer: GeoNames cities (population ≥ 15,000) and countries with English and
//! Chinese (simplified and traditional) names, shipped in `data/gazetteer/` and embedded in the
//! binary; geocoding of the city cells the datasets use.
//!
//! ```
//! let g = lookout_geo::Gazetteer::bundled();
//! let qingtian = &g.cities_named("青田", "CN");
//! assert!(qingtian.is_empty() || qingtian[0].country == "CN");
//! assert_eq!(g.countries().get("NL").unwrap().zh_hans.as_deref(), Some("荷兰"));
//! ```

mod country;
mod demonym;
mod error;
mod gazetteer;
mod geocode;
pub mod map;
mod names;
pub mod projection;
pub mod topojson;
mod tsv;

pub use country::{Countries, Country};
pub use demonym::{
    country_of_demonym, demonyms, CHINESE_ALIASES as CHINESE_COUNTRY_ALIASES,
    ENGLISH_ALIASES as ENGLISH_COUNTRY_ALIASES,
};
pub use error::GeoError;
pub use gazetteer::{fold_name, City, Gazetteer};
pub use geocode::{candidate_names, Geocode};
pub use map::{MapDot, MapText, WorldMap};
pub use names::{without_level, CityNames, CountryNames, NameKeys, LEVEL_SUFFIXES};
