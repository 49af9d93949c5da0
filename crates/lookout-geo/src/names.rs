//! Every name question about places, answered in one place for matching and ingest alike:
//! countries by English name, demonym or Chinese name; cities by Latin or Chinese name; and the
//! one rule for a Chinese place name's level (市, 县, 区, in either script).

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::{demonyms, fold_name, Gazetteer, CHINESE_COUNTRY_ALIASES, ENGLISH_COUNTRY_ALIASES};

/// The endings that give a Chinese place's level, simplified and traditional: city, county,
/// district.
pub const LEVEL_SUFFIXES: [char; 5] = ['市', '县', '区', '縣', '區'];

/// A Chinese place name without its level (`福州市` → `福州`, `臺北縣` → `臺北`); the name as it is
/// when fewer than two characters would remain (`沙市` stays `沙市`).
pub fn without_level(name: &str) -> &str {
    let bare = name.trim_end_matches(LEVEL_SUFFIXES);
    if bare.chars().count() >= 2 {
        bare
    } else {
        name
    }
}

/// Countries by name, built once from the gazetteer's table and the everyday aliases.
#[derive(Debug)]
pub struct CountryNames {
    /// Lower-case English names (with and without a leading "the") and aliases → ISO code.
    english: FxHashMap<String, &'static str>,
    /// Chinese names as written (simplified and traditional) and aliases → ISO code.
    chinese: FxHashMap<String, &'static str>,
}

impl CountryNames {
    /// The table of the bundled gazetteer, built on first use.
    pub fn shared() -> &'static CountryNames {
        static SHARED: OnceLock<CountryNames> = OnceLock::new();
        SHARED.get_or_init(|| {
            let (mut english, mut chinese) = (FxHashMap::default(), FxHashMap::default());
            for c in Gazetteer::shared().countries().iter() {
                let name = c.name.to_lowercase();
                english.insert(name.trim_start_matches("the ").to_string(), c.iso2.as_str());
                english.insert(name, c.iso2.as_str());
                for zh in [&c.zh_hans, &c.zh_hant].into_iter().flatten() {
                    chinese.insert(zh.clone(), c.iso2.as_str());
                }
            }
            for (alias, code) in ENGLISH_COUNTRY_ALIASES {
                english.insert(alias.to_string(), code);
            }
            for (alias, code) in CHINESE_COUNTRY_ALIASES {
                chinese.insert(alias.to_string(), code);
            }
            CountryNames { english, chinese }
        })
    }

    /// Every English name and alias (lower case) with its ISO code; demonyms are not names.
    pub fn english(&self) -> impl Iterator<Item = (&str, &'static str)> {
        self.english.iter().map(|(name, code)| (name.as_str(), *code))
    }

    /// Every English name, alias and demonym (lower case) with its ISO code: the words that name
    /// a country in running text.
    pub fn english_and_demonyms(&self) -> impl Iterator<Item = (&str, &'static str)> {
        self.english().chain(demonyms().iter().copied())
    }

    /// Every Chinese name and alias, as written, with its ISO code.
    pub fn chinese(&self) -> impl Iterator<Item = (&str, &'static str)> {
        self.chinese.iter().map(|(name, code)| (name.as_str(), *code))
    }

    /// The country of an English name or alias (lower case; demonyms are not names).
    pub fn by_english(&self, name: &str) -> Option<&'static str> {
        self.english.get(name).copied()
    }

    /// The country of a Chinese name or alias, as written.
    pub fn by_chinese(&self, name: &str) -> Option<&'static str> {
        self.chinese.get(name).copied()
    }
}

/// How a city index keys its names: as running text shows them (ingest finds names in text), or
/// folded (matching compares two names).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKeys {
    /// Latin names that can be told in running text (three characters or more, of letters,
    /// spaces, hyphens and apostrophes, and no airport's code in capitals), lower-cased; Chinese
    /// names as written, with and without their level.
    AsWritten,
    /// Every Latin name folded with [`fold_name`]; Chinese names in simplified characters, without
    /// their level.
    Folded,
}

/// Cities by name, as positions in [`Gazetteer::cities`], in the gazetteer's order; curated
/// aliases are not among them ([`Gazetteer::aliases`]).
#[derive(Debug)]
pub struct CityNames {
    /// Latin name (keyed as [`NameKeys`] says) → cities.
    latin: FxHashMap<String, Vec<u32>>,
    /// Chinese name (keyed as [`NameKeys`] says) → cities.
    chinese: FxHashMap<String, Vec<u32>>,
}

/// Whether a Latin name can be told in running text: three characters or more, of letters,
/// spaces, hyphens and apostrophes.
fn plain_latin(name: &str) -> bool {
    name.chars().count() >= 3
        && name.chars().all(|c| c.is_alphabetic() || c == ' ' || c == '-' || c == '\'')
        && !airport_code(name)
}

/// Whether a name is a code in capitals of at most four letters ("HAS" for Ha'il): lower-cased,
/// it would be a word of running text ("Has any other government …").
fn airport_code(name: &str) -> bool {
    name.len() <= 4 && name.bytes().all(|b| b.is_ascii_uppercase())
}

impl CityNames {
    /// The bundled gazetteer's cities by folded name, built on first use (matching).
    pub fn folded() -> &'static CityNames {
        static FOLDED: OnceLock<CityNames> = OnceLock::new();
        FOLDED.get_or_init(|| CityNames::of(Gazetteer::shared(), NameKeys::Folded))
    }

    /// The index of a gazetteer's cities.
    pub fn of(gazetteer: &Gazetteer, keys: NameKeys) -> CityNames {
        let (mut latin, mut chinese) = (FxHashMap::default(), FxHashMap::default());
        let add = |map: &mut FxHashMap<String, Vec<u32>>, key: &str, i: u32| match map.get_mut(key) {
            Some(list) if !list.contains(&i) => list.push(i),
            Some(_) => {}
            None => {
                map.insert(key.to_string(), vec![i]);
            }
        };
        for (i, city) in gazetteer.cities().iter().enumerate() {
            let i = i as u32;
            for name in std::iter::once(&city.name).chain(&city.latin_names) {
                match keys {
                    NameKeys::AsWritten if plain_latin(name) => add(&mut latin, &name.to_lowercase(), i),
                    NameKeys::AsWritten => {}
                    NameKeys::Folded => add(&mut latin, &fold_name(name), i),
                }
            }
            for name in city.zh_hans.iter().chain(&city.zh_hant) {
                match keys {
                    NameKeys::AsWritten => {
                        add(&mut chinese, name, i);
                        add(&mut chinese, without_level(name), i);
                    }
                    NameKeys::Folded => add(&mut chinese, without_level(&lookout_text::fold(name)), i),
                }
            }
        }
        CityNames { latin, chinese }
    }

    /// The index's two tables, Latin and Chinese name → cities, for a reader that builds its own
    /// index over them (ingest's name tables) without keeping a second copy.
    pub fn into_tables(self) -> (FxHashMap<String, Vec<u32>>, FxHashMap<String, Vec<u32>>) {
        (self.latin, self.chinese)
    }

    /// Cities with this Latin name (keyed as the index's [`NameKeys`] say).
    pub fn by_latin(&self, key: &str) -> &[u32] {
        self.latin.get(key).map_or(&[], Vec::as_slice)
    }

    /// Cities with this Chinese name (keyed as the index's [`NameKeys`] say).
    pub fn by_chinese(&self, name: &str) -> &[u32] {
        self.chinese.get(name).map_or(&[], Vec::as_slice)
    }

    /// Every Latin key with its cities.
    pub fn latin(&self) -> impl Iterator<Item = (&str, &[u32])> {
        self.latin.iter().map(|(k, v)| (k.as_str(), v.as_slice()))
    }

    /// Every Chinese key with its cities.
    pub fn chinese(&self) -> impl Iterator<Item = (&str, &[u32])> {
        self.chinese.iter().map(|(k, v)| (k.as_str(), v.as_slice()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_level_rule_for_both_scripts() {
        assert_eq!(without_level("福州市"), "福州");
        assert_eq!(without_level("臺北縣"), "臺北");
        assert_eq!(without_level("西城區"), "西城");
        assert_eq!(without_level("沙市"), "沙市");
        assert_eq!(without_level("青田"), "青田");
    }

    #[test]
    fn countries_by_every_name() {
        let c = CountryNames::shared();
        let english: FxHashMap<&str, &str> = c.english().collect();
        assert_eq!(english.get("netherlands"), Some(&"NL"));
        assert_eq!(english.get("holland"), Some(&"NL"));
        assert_eq!(english.get("dutch"), None, "a demonym is not a name");
        assert!(c.english_and_demonyms().any(|(d, code)| d == "dutch" && code == "NL"));
        assert_eq!(
            (c.by_chinese("荷兰"), c.by_chinese("韩国"), c.by_chinese("公安局")),
            (Some("NL"), Some("KR"), None)
        );
    }

    #[test]
    fn cities_as_text_writes_them_and_folded() {
        let g = Gazetteer::shared();
        let name = |i: &u32| g.cities()[*i as usize].name.as_str();
        let written = CityNames::of(g, NameKeys::AsWritten);
        for key in ["福州", "福州市", "溫州", "温州"] {
            assert!(!written.by_chinese(key).is_empty(), "{key}");
        }
        assert_eq!(name(&written.by_chinese("溫州")[0]), "Wenzhou");
        assert!(written.by_latin("fuzhou").len() >= 2, "Fuzhou (Fujian) and Fuzhou (Jiangxi)");
        assert!(written.by_latin("li").is_empty(), "two letters are not told in running text");
        assert!(written.by_latin("has").is_empty(), "Ha'il's code HAS is no word of running text");
        assert!(!written.by_latin("hail").is_empty());
        let folded = CityNames::folded();
        assert!(folded.by_chinese("福州市").is_empty(), "folded keys have no level");
        assert_eq!(name(&folded.by_chinese("温州")[0]), "Wenzhou", "the traditional name folded");
        assert!(folded.by_chinese("溫州").is_empty(), "folded keys are simplified");
        assert!(!folded.by_latin("li").is_empty(), "every Latin name is a folded key");
        assert!(folded.by_latin("Fuzhou").is_empty(), "keys are folded");
    }
}
