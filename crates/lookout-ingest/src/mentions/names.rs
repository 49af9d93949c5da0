//! Name indexes built once from the bundled gazetteer: cities by their Latin and Chinese names,
//! countries by name, Chinese name and demonym, and Chinese provinces.

use std::collections::HashMap;
use std::sync::OnceLock;

use lookout_geo::{City, Gazetteer};

/// The indexes.
pub struct Names {
    /// The gazetteer.
    pub gazetteer: Gazetteer,
    /// Lower-case Latin name → cities (by position).
    pub latin: HashMap<String, Vec<u32>>,
    /// Chinese name (simplified; with and without 市/县/区) → cities.
    pub chinese: HashMap<String, Vec<u32>>,
    /// Lower-case English country name or demonym → ISO code.
    pub countries: HashMap<String, String>,
    /// Chinese country name → ISO code.
    pub countries_zh: HashMap<String, String>,
}

/// The indexes, built on first use.
pub fn names() -> &'static Names {
    static NAMES: OnceLock<Names> = OnceLock::new();
    NAMES.get_or_init(|| {
        let gazetteer = Gazetteer::bundled();
        let mut latin: HashMap<String, Vec<u32>> = HashMap::new();
        let mut chinese: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, city) in gazetteer.cities().iter().enumerate() {
            let i = i as u32;
            for name in std::iter::once(&city.name).chain(&city.latin_names) {
                if name.chars().count() >= 3
                    && name.chars().all(|c| c.is_alphabetic() || c == ' ' || c == '-' || c == '\'')
                {
                    let list = latin.entry(name.to_lowercase()).or_default();
                    if !list.contains(&i) {
                        list.push(i);
                    }
                }
            }
            for name in city.zh_hans.iter().chain(&city.zh_hant) {
                let bare = name.trim_end_matches(['市', '县', '區', '区', '縣']);
                for n in [name.as_str(), bare] {
                    if n.chars().count() >= 2 {
                        let list = chinese.entry(n.to_string()).or_default();
                        if !list.contains(&i) {
                            list.push(i);
                        }
                    }
                }
            }
        }
        let mut countries = HashMap::new();
        let mut countries_zh = HashMap::new();
        for c in gazetteer.countries().iter() {
            let name = c.name.to_lowercase();
            countries.insert(name.trim_start_matches("the ").to_string(), c.iso2.clone());
            countries.insert(name, c.iso2.clone());
            for zh in [&c.zh_hans, &c.zh_hant].into_iter().flatten() {
                countries_zh.insert(zh.clone(), c.iso2.clone());
            }
        }
        for (d, code) in lookout_geo::demonyms() {
            countries.insert(d.to_string(), code.to_string());
        }
        for (alias, code) in lookout_geo::ENGLISH_COUNTRY_ALIASES {
            countries.insert(alias.to_string(), code.to_string());
        }
        for (alias, code) in lookout_geo::CHINESE_COUNTRY_ALIASES {
            countries_zh.insert(alias.to_string(), code.to_string());
        }
        Names { gazetteer, latin, chinese, countries, countries_zh }
    })
}

impl Names {
    /// The city at a position.
    pub fn city(&self, i: u32) -> &City {
        &self.gazetteer.cities()[i as usize]
    }

    /// Picks among cities of one name: one in a country the document names, else the most
    /// populous.
    pub fn pick(&self, candidates: &[u32], doc_countries: &[String]) -> u32 {
        let in_doc: Vec<u32> =
            candidates.iter().copied().filter(|i| doc_countries.contains(&self.city(*i).country)).collect();
        let pool = if in_doc.is_empty() { candidates.to_vec() } else { in_doc };
        pool.into_iter().max_by_key(|i| self.city(*i).population).unwrap_or(candidates[0])
    }
}
