//! Countries: ISO 3166-1 codes with English and Chinese names.

use std::collections::BTreeMap;

use crate::tsv::for_each_row;
use crate::GeoError;

const BUNDLED: &str = include_str!("../../../data/gazetteer/countries.tsv");

/// A country (or `EU`, the exceptionally reserved code used for EU institutions).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-2.
    pub iso2: String,
    /// ISO 3166-1 alpha-3.
    pub iso3: String,
    /// ISO 3166-1 numeric (`528`), where there is one.
    pub isonumeric: Option<String>,
    /// English name.
    pub name: String,
    /// Continent code (GeoNames).
    pub continent: String,
    /// Capital city.
    pub capital: String,
    /// Simplified Chinese name.
    pub zh_hans: Option<String>,
    /// Traditional Chinese name.
    pub zh_hant: Option<String>,
}

/// The table of countries, by ISO code. Small: load it whenever codes need checking.
#[derive(Debug, Clone)]
pub struct Countries {
    by_iso2: BTreeMap<String, Country>,
}

impl Countries {
    /// The countries shipped in `data/gazetteer/countries.tsv`.
    pub fn bundled() -> Countries {
        Countries::parse(BUNDLED).expect("bundled countries.tsv is checked by tests")
    }

    /// Parses a `countries.tsv`.
    pub fn parse(text: &str) -> Result<Countries, GeoError> {
        let mut by_iso2 = BTreeMap::new();
        for_each_row("countries.tsv", text, |row| {
            let iso2 = row.get("iso2")?;
            if iso2.len() != 2 || !iso2.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(row.error("iso2", format!("{iso2:?} is not a two-letter code")));
            }
            let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
            by_iso2.insert(
                iso2.to_string(),
                Country {
                    iso2: iso2.to_string(),
                    iso3: row.get("iso3")?.to_string(),
                    isonumeric: opt(row.get("isonumeric")?),
                    name: row.get("name")?.to_string(),
                    continent: row.get("continent")?.to_string(),
                    capital: row.get("capital")?.to_string(),
                    zh_hans: opt(row.get("zh_hans")?),
                    zh_hant: opt(row.get("zh_hant")?),
                },
            );
            Ok(())
        })?;
        Ok(Countries { by_iso2 })
    }

    /// The country with this alpha-2 code (case-insensitive).
    pub fn get(&self, iso2: &str) -> Option<&Country> {
        self.by_iso2.get(&iso2.to_ascii_uppercase())
    }

    /// The country with this ISO 3166-1 numeric code (`"528"`).
    pub fn by_numeric(&self, numeric: &str) -> Option<&Country> {
        self.by_iso2.values().find(|c| c.isonumeric.as_deref() == Some(numeric))
    }

    /// All countries, by code.
    pub fn iter(&self) -> impl Iterator<Item = &Country> {
        self.by_iso2.values()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_countries_have_english_and_chinese_names() {
        let c = Countries::bundled();
        assert!(c.iter().count() > 240);
        let nl = c.get("nl").unwrap();
        assert_eq!(nl.iso3, "NLD");
        assert_eq!(c.by_numeric("528").unwrap().iso2, "NL");
        assert_eq!(c.get("XK").unwrap().isonumeric, None);
        assert_eq!(nl.zh_hans.as_deref(), Some("荷兰"));
        assert_eq!(nl.zh_hant.as_deref(), Some("荷蘭"));
        assert_eq!(c.get("EU").unwrap().name, "European Union");
        assert_eq!(c.get("TW").unwrap().zh_hans.as_deref(), Some("台湾"));
        assert!(c.get("ZZ").is_none());
    }

    #[test]
    fn a_bad_line_is_reported_with_file_line_and_field() {
        let err = Countries::parse(
            "iso2\tiso3\tisonumeric\tname\tcontinent\tcapital\tzh_hans\tzh_hant\nnl1\tNLD\t528\tX\tEU\tA\t\t\n",
        )
        .unwrap_err();
        assert_eq!(err.to_string(), "countries.tsv:2: iso2: \"nl1\" is not a two-letter code");
    }
}
