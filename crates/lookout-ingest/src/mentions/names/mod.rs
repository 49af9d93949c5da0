//! The name tables mentions are found with, built once from lookout-geo's indexes and passed to
//! the finders as one value ([`Names`]): cities by their Latin and Chinese names, countries by
//! name, Chinese name and demonym, and hints that let most words be passed over unlooked-up.

mod chinese;
mod common_words;
mod countries;
mod hints;
mod memo;

pub(crate) use common_words::CHINESE_COMMON_WORDS;
pub(crate) use countries::DocCountries;
pub(crate) use hints::WordHints;
pub use memo::Memo;

use lookout_geo::{CityNames, CountryNames, Gazetteer, NameKeys};
use rustc_hash::FxHashMap as FastMap;

type FastSet<T> = std::collections::HashSet<T, rustc_hash::FxBuildHasher>;

/// A list of cities (positions in the gazetteer) held by a table, by where it is in the table's
/// one list: a copy, not a borrow, so that what was found of a word can be remembered.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cities {
    from: u32,
    len: u32,
    /// How many of them, first in the list, bear the name as their own, not as one of their
    /// alternate names (Venice in Italy, not Dayton, which GeoNames also calls "Venice").
    own: u32,
}

/// What mentions need of a city, kept together because the gazetteer's records are far apart in
/// memory and each was read for every mention.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CityFacts {
    /// Its GeoNames id.
    pub geonameid: u32,
    /// ISO code of its country.
    pub country: &'static str,
    /// Population.
    pub population: u64,
}

/// The tables.
pub struct Names {
    /// Every list of cities of the tables below, one after another.
    lists: Vec<u32>,
    /// Lower-case Latin name → cities.
    pub(crate) latin: FastMap<String, Cities>,
    /// Chinese name (as written and simplified; with and without 市/县/区) → cities.
    pub(crate) chinese: FastMap<String, Cities>,
    /// Lower-case English country name or demonym → ISO code.
    pub(crate) countries: FastMap<String, &'static str>,
    /// Chinese country name → ISO code.
    pub(crate) countries_zh: FastMap<String, &'static str>,
    /// First word (lower case) of a Latin city name → the most words a name opening with it has.
    pub(crate) latin_words: WordHints,
    /// First word (lower case) of an English country name or demonym → the most words.
    pub(crate) country_words: WordHints,
    /// The second words (lower case) of Latin city names of two words or more: a capitalised
    /// word followed by none of them opens no such name.
    pub(crate) latin_second_words: WordHints,
    /// The first two characters of every Chinese city and country name → the lengths (in
    /// characters, a bit each) of the names opening with them.
    chinese_openings: FastMap<[char; 2], u32>,
    /// Chinese names of one character.
    chinese_singles: FastSet<char>,
    /// Every Chinese city and country name, by digest (see [`WordHints`]).
    chinese_names: WordHints,
    /// The first characters of those names, as a bit per character of the common Han blocks.
    chinese_firsts: Vec<u64>,
    /// What mentions need of each city, by position.
    city_facts: Vec<CityFacts>,
    /// Curated aliases written in capitals ("NYC"), lower case: the only words in capitals that
    /// name a city ("ALB", "BUF" are the gazetteer's airport codes).
    pub(crate) capital_aliases: FastSet<String>,
}

/// The most characters a Chinese name of the tables has: longer ones are left out (the
/// gazetteer's longest has 13), so that the openings have a bit for every length.
pub(crate) const MOST_CHARS: usize = 31;

impl Names {
    /// The tables of the bundled gazetteer (lookout-geo's indexes, and its curated aliases:
    /// places below the gazetteer's population cut that matter here, 青田 Qingtian, 长乐 Changle).
    pub fn new() -> Names {
        let gazetteer = Gazetteer::shared();
        let (mut latin, mut chinese) = CityNames::of(gazetteer, NameKeys::AsWritten).into_tables();
        chinese.retain(|name, _| (2..=MOST_CHARS).contains(&name.chars().count()));
        let index_of: FastMap<u32, u32> =
            gazetteer.cities().iter().enumerate().map(|(i, c)| (c.geonameid, i as u32)).collect();
        let mut capital_aliases = FastSet::default();
        for (alias, city) in gazetteer.aliases() {
            let Some(&i) = index_of.get(&city.geonameid) else { continue };
            if alias.chars().all(|c| c.is_ascii_uppercase()) {
                capital_aliases.insert(alias.to_lowercase());
            }
            let han = alias.chars().any(lookout_text::is_han);
            let key = if han { alias.to_string() } else { alias.to_lowercase() };
            let list = if han { &mut chinese } else { &mut latin }.entry(key).or_default();
            if !list.contains(&i) {
                list.push(i);
            }
        }
        let country_names = CountryNames::shared();
        let countries: FastMap<String, &'static str> =
            country_names.english_and_demonyms().map(|(name, code)| (name.to_string(), code)).collect();
        // Each Chinese name also as its traditional characters fold to simplified ones, which is
        // how runs are cut: 克羅埃西亞 (Taiwan's Croatia) folds to 克罗埃西亚, not 克罗地亚.
        let countries_zh: FastMap<String, &'static str> = country_names
            .chinese()
            .flat_map(|(name, code)| [(name.to_string(), code), (lookout_text::fold(name), code)])
            .collect();
        let latin_words = WordHints::first_words(latin.keys());
        let latin_second_words = WordHints::second_words(latin.keys());
        let country_words = WordHints::first_words(countries.keys());
        let (chinese_openings, chinese_singles, chinese_names, chinese_firsts) =
            chinese::openings(chinese.keys().chain(countries_zh.keys()));
        let city_facts = gazetteer
            .cities()
            .iter()
            .map(|city| CityFacts {
                geonameid: city.geonameid,
                country: city.country.as_str(),
                population: city.population,
            })
            .collect();
        let mut lists = Vec::new();
        let cities = gazetteer.cities();
        let mut listed = |table: FastMap<String, Vec<u32>>| -> FastMap<String, Cities> {
            table
                .into_iter()
                .map(|(key, mut list)| {
                    // Those that bear the name as their own first.
                    let own = |i: &u32| cities[*i as usize].name.to_lowercase() == key.to_lowercase();
                    list.sort_by_key(|i| !own(i));
                    let own = list.iter().filter(|i| own(i)).count() as u32;
                    let from = lists.len() as u32;
                    lists.extend(&list);
                    (key, Cities { from, len: list.len() as u32, own })
                })
                .collect()
        };
        let (latin, chinese) = (listed(latin), listed(chinese));
        Names {
            lists,
            city_facts,
            capital_aliases,
            latin,
            chinese,
            countries,
            countries_zh,
            latin_words,
            country_words,
            latin_second_words,
            chinese_openings,
            chinese_singles,
            chinese_names,
            chinese_firsts,
        }
    }

    /// The cities of a list.
    pub(crate) fn cities(&self, list: Cities) -> &[u32] {
        &self.lists[list.from as usize..(list.from + list.len) as usize]
    }

    /// What mentions need of the city at a position.
    pub(crate) fn city_facts(&self, i: u32) -> CityFacts {
        self.city_facts[i as usize]
    }

    /// Picks among cities of one name: one in a country the document names, else the most
    /// populous.
    pub(crate) fn pick(&self, list: Cities, doc_countries: &DocCountries) -> CityFacts {
        let candidates = self.cities(list);
        if let [only] = candidates {
            return self.city_facts(*only);
        }
        let in_doc = |i: &u32| doc_countries.contains(self.city_facts(*i).country);
        // A city of the text's countries that bears the name as its own stands before one that
        // has it only as an alternate name.
        let own = &candidates[..list.own as usize];
        let candidates = if own.iter().any(in_doc) { own } else { candidates };
        let pool_is_doc = candidates.iter().any(in_doc);
        let chosen = candidates
            .iter()
            .copied()
            .filter(|i| !pool_is_doc || in_doc(i))
            .max_by_key(|i| self.city_facts(*i).population)
            .unwrap_or(candidates[0]);
        self.city_facts(chosen)
    }
}

impl Default for Names {
    fn default() -> Names {
        Names::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mentions::testing::finder;

    #[test]
    fn each_city_s_facts_are_its_own() {
        let n = &finder().names;
        let cities = Gazetteer::shared().cities();
        assert_eq!(n.city_facts.len(), cities.len());
        for (i, city) in cities.iter().enumerate() {
            let facts = n.city_facts(i as u32);
            assert_eq!(facts.geonameid, city.geonameid);
            assert_eq!((facts.country, facts.population), (city.country.as_str(), city.population));
        }
    }

    #[test]
    fn every_list_holds_the_cities_of_its_name() {
        let n = &finder().names;
        let cities = Gazetteer::shared().cities();
        let fuzhou = n.cities(n.chinese["福州"]);
        assert!(
            !fuzhou.is_empty()
                && fuzhou.iter().all(|&i| cities[i as usize].zh_hans.iter().any(|z| z.starts_with("福州")))
        );
        let rotterdam = n.cities(n.latin["rotterdam"]);
        assert!(rotterdam.iter().any(|&i| cities[i as usize].geonameid == 2747891));
    }

    #[test]
    fn chinese_strings_are_what_the_tables_say_remembered_or_not() {
        let n = &finder().names;
        let mut memo = Memo::default();
        for _ in 0..2 {
            let fuzhou = memo.chinese_entry(n, "福州");
            assert!(fuzhou.name && fuzhou.cities.is_some_and(|c| !n.cities(c).is_empty()));
            let netherlands = memo.chinese_entry(n, "荷兰");
            assert!(netherlands.name && netherlands.cities.is_none(), "a country is no city");
            let none = memo.chinese_entry(n, "公安局");
            assert!(!none.name && none.cities.is_none());
            assert!(memo.is_chinese_name(n, "福州") && !memo.is_chinese_name(n, "负责人"));
        }
    }

    #[test]
    fn a_run_names_a_place_only_if_a_whole_name_is_in_it() {
        let n = &finder().names;
        assert!(n.names_place("米兰的兴义同乡会负责人于"));
        assert!(n.names_place("在荷兰设立"));
        assert!(!n.names_place("报告称"));
        // Names of three characters or more whose first two are no name: the two alone open a
        // name but name none.
        let mut tried = 0;
        for name in n.chinese.keys().filter(|k| k.chars().count() >= 3).take(2000) {
            let two: String = name.chars().take(2).collect();
            if n.chinese.contains_key(&two)
                || n.countries_zh.contains_key(&two)
                || two.chars().any(|c| n.chinese_singles.contains(&c))
            {
                continue;
            }
            tried += 1;
            assert!(!n.names_place(&two), "{two} (from {name})");
            assert!(n.names_place(&format!("在{name}设立")), "{name}");
            let longest = n.chinese_name_end(&format!("{name}设立"), MOST_CHARS, |h| n.chinese.contains_key(h));
            assert!(longest.is_some_and(|end| end >= name.len()), "{name}: {longest:?}");
        }
        assert!(tried > 100, "{tried}");
    }
}
