//! Cities from GeoNames (cities15000) with their English, other Latin-script and Chinese names.

use std::collections::HashMap;

use crate::tsv::for_each_row;
use crate::{Countries, GeoError};

const BUNDLED_CITIES: &str = include_str!("../../../data/gazetteer/cities.tsv");
const BUNDLED_ALIASES: &str = include_str!("../../../data/gazetteer/aliases.tsv");

/// A city of the gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub struct City {
    /// GeoNames id.
    pub geonameid: u32,
    /// English (GeoNames main) name.
    pub name: String,
    /// ISO 3166-1 alpha-2 code of its country.
    pub country: String,
    /// GeoNames first-level administrative division code (a province, for China).
    pub admin1: String,
    /// WGS 84 latitude.
    pub latitude: f64,
    /// WGS 84 longitude.
    pub longitude: f64,
    /// Population.
    pub population: u64,
    /// Other Latin-script names (`Den Haag`, `Odessa`).
    pub latin_names: Vec<String>,
    /// Simplified Chinese names.
    pub zh_hans: Vec<String>,
    /// Traditional Chinese names.
    pub zh_hant: Vec<String>,
}

/// The gazetteer: cities and countries, indexed by every name in each country.
#[derive(Debug)]
pub struct Gazetteer {
    cities: Vec<City>,
    by_name: HashMap<String, Vec<u32>>,
    aliases: HashMap<String, (usize, String)>,
    alias_names: Vec<(String, usize)>,
    countries: Countries,
}

/// The index key of a name in a country: one string, to keep the index small.
fn name_key(country: &str, name: &str) -> String {
    format!("{}\u{1f}{}", country.to_ascii_uppercase(), fold_name(name))
}

/// Folds a name for lookup: lower case, single spaces, no surrounding punctuation.
pub fn fold_name(name: &str) -> String {
    let trimmed = name.trim();
    // Most names: ASCII, one space between words.
    if trimmed.is_ascii() && !trimmed.contains("  ") && !trimmed.bytes().any(|b| b.is_ascii_whitespace() && b != b' ') {
        return trimmed.to_ascii_lowercase();
    }
    let lowered = trimmed.to_lowercase();
    lowered.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Gazetteer {
    /// The bundled gazetteer, parsed once per process and shared by whoever needs it (matching
    /// and ingest each used to hold a copy).
    pub fn shared() -> &'static Gazetteer {
        static SHARED: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
        SHARED.get_or_init(Gazetteer::bundled)
    }

    /// The gazetteer shipped in `data/gazetteer/`.
    pub fn bundled() -> Gazetteer {
        Gazetteer::parse(BUNDLED_CITIES, BUNDLED_ALIASES, Countries::bundled())
            .expect("bundled gazetteer is checked by tests")
    }

    /// Parses `cities.tsv` and `aliases.tsv`.
    pub fn parse(cities_tsv: &str, aliases_tsv: &str, countries: Countries) -> Result<Gazetteer, GeoError> {
        let mut cities = Vec::new();
        for_each_row("cities.tsv", cities_tsv, |row| {
            let country = row.get("country")?.to_string();
            if countries.get(&country).is_none() {
                return Err(row.error("country", format!("unknown country code {country:?}")));
            }
            cities.push(City {
                geonameid: row.parse("geonameid")?,
                name: row.get("name")?.to_string(),
                country,
                admin1: row.get("admin1")?.to_string(),
                latitude: row.parse("latitude")?,
                longitude: row.parse("longitude")?,
                population: row.parse("population")?,
                latin_names: row.list("latin_names")?,
                zh_hans: row.list("zh_hans")?,
                zh_hant: row.list("zh_hant")?,
            });
            Ok(())
        })?;
        let mut by_name: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, c) in cities.iter().enumerate() {
            let names = std::iter::once(&c.name).chain(&c.latin_names).chain(&c.zh_hans).chain(&c.zh_hant);
            for n in names {
                let entry = by_name.entry(name_key(&c.country, n)).or_default();
                if !entry.contains(&(i as u32)) {
                    entry.push(i as u32);
                }
            }
        }
        // Most populous first, so that the first candidate is the likeliest.
        for list in by_name.values_mut() {
            list.sort_by_key(|&i| std::cmp::Reverse(cities[i as usize].population));
            list.shrink_to_fit();
        }
        by_name.shrink_to_fit();
        let by_id: HashMap<u32, usize> = cities.iter().enumerate().map(|(i, c)| (c.geonameid, i)).collect();
        let mut aliases = HashMap::new();
        let mut alias_names = Vec::new();
        for_each_row("aliases.tsv", aliases_tsv, |row| {
            let id: u32 = row.parse("geonameid")?;
            let index = *by_id.get(&id).ok_or_else(|| row.error("geonameid", format!("no city {id} in cities.tsv")))?;
            let alias = row.get("alias")?;
            aliases.insert(name_key(row.get("country")?, alias), (index, row.get("note")?.to_string()));
            alias_names.push((alias.to_string(), index));
            Ok(())
        })?;
        Ok(Gazetteer { cities, by_name, aliases, alias_names, countries })
    }

    /// The countries table.
    pub fn countries(&self) -> &Countries {
        &self.countries
    }

    /// All cities.
    pub fn cities(&self) -> &[City] {
        &self.cities
    }

    /// Cities in `country` with this exact name (any language, case-insensitive), most populous first.
    pub fn cities_named(&self, name: &str, country: &str) -> Vec<&City> {
        self.by_name
            .get(&name_key(country, name))
            .map(|list| list.iter().map(|&i| &self.cities[i as usize]).collect())
            .unwrap_or_default()
    }

    /// Every curated alias as written, with the city it is placed at.
    pub fn aliases(&self) -> impl Iterator<Item = (&str, &City)> {
        self.alias_names.iter().map(|(alias, i)| (alias.as_str(), &self.cities[*i]))
    }

    /// A curated alias (a region placed at its central city), with its note.
    pub fn alias(&self, name: &str, country: &str) -> Option<(&City, &str)> {
        self.aliases.get(&name_key(country, name)).map(|(i, note)| (&self.cities[*i], note.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_cities_by_english_latin_and_chinese_names() {
        let g = Gazetteer::bundled();
        assert!(g.cities().len() > 30_000);
        let fuzhou = g.cities_named("福州", "CN");
        assert_eq!(fuzhou[0].name, "Fuzhou");
        assert_eq!(fuzhou[0].admin1, "07");
        assert_eq!(g.cities_named("Odessa", "UA")[0].name, "Odesa");
        assert_eq!(g.cities_named("rotterdam", "NL")[0].geonameid, 2747891);
        assert_eq!(g.cities_named("溫州", "CN")[0].name, "Wenzhou");
        assert!(g.cities_named("Rotterdam", "CN").is_empty());
    }

    #[test]
    fn homophones_are_kept_apart_by_their_chinese_names() {
        let g = Gazetteer::bundled();
        let fuzhou = g.cities_named("Fuzhou", "CN");
        assert_eq!(fuzhou.len(), 2, "Fuzhou (Fujian) and Fuzhou (Jiangxi)");
        assert_eq!(g.cities_named("抚州", "CN")[0].admin1, "03");
    }

    #[test]
    fn an_alias_to_a_missing_city_is_an_error_naming_the_line() {
        let err = Gazetteer::parse(
            "geonameid\tname\tcountry\tadmin1\tlatitude\tlongitude\tpopulation\tlatin_names\tzh_hans\tzh_hant\n",
            "alias\tcountry\tgeonameid\tnote\nX\tCA\t42\tn\n",
            Countries::bundled(),
        )
        .unwrap_err();
        assert_eq!(err.to_string(), "aliases.tsv:2: geonameid: no city 42 in cities.tsv");
    }
}
