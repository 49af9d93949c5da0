//! Places in organisation names, checked against the gazetteer: the authority for what a Chinese
//! city is called in English, and for which cities share a romanisation (福州 and 抚州 are both
//! Fuzhou).

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::explain::Explanation;
use crate::org::OrgName;
use crate::script::spells;
use lookout_text::fold;

fn gazetteer() -> &'static lookout_geo::Gazetteer {
    lookout_geo::Gazetteer::shared()
}

/// A Chinese place name without its level (`福州市` → `福州`), folded to simplified characters.
fn bare_place(name: &str) -> String {
    lookout_geo::without_level(&fold(name)).to_string()
}

/// A Chinese city as place comparison needs it.
pub(crate) struct ChineseCity {
    /// Its Chinese names, simplified, without 市/县/区.
    pub(crate) bare_names: Vec<String>,
    /// Its province (GeoNames admin1 code).
    pub(crate) province: &'static str,
    /// Its population (at least 1).
    pub(crate) population: u64,
}

/// Chinese cities whose English (GeoNames main or other Latin) name is `english` (folded as the
/// gazetteer folds names), most populous first. Built once: a comparison of places looks it up
/// every time.
pub(crate) fn chinese_cities_named(english: &str) -> &'static [ChineseCity] {
    static INDEX: OnceLock<FxHashMap<String, Vec<ChineseCity>>> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let cities = gazetteer().cities();
        lookout_geo::CityNames::folded()
            .latin()
            .filter_map(|(name, at)| {
                let mut chinese: Vec<ChineseCity> = at
                    .iter()
                    .map(|&i| &cities[i as usize])
                    .filter(|c| c.country == "CN")
                    .map(|city| ChineseCity {
                        bare_names: city.zh_hans.iter().chain(&city.zh_hant).map(|n| bare_place(n)).collect(),
                        province: &city.admin1,
                        population: city.population.max(1),
                    })
                    .collect();
                // Stable, as the gazetteer's own list: the same order for equal populations.
                chinese.sort_by_key(|c| std::cmp::Reverse(c.population));
                (!chinese.is_empty()).then(|| (name.to_string(), chinese))
            })
            .collect()
    });
    let cities = if english.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()) {
        index.get(english)
    } else {
        index.get(&lookout_geo::fold_name(english))
    };
    cities.map_or(&[], Vec::as_slice)
}

/// Chinese cities of the gazetteer with this Chinese name (simplified, without its level).
fn chinese_cities_called(place: &str) -> impl Iterator<Item = &'static lookout_geo::City> + Clone {
    let cities = gazetteer().cities();
    lookout_geo::CityNames::folded()
        .by_chinese(place)
        .iter()
        .map(|&i| &cities[i as usize])
        .filter(|c| c.country == "CN")
}

/// Whether the gazetteer knows one Chinese city by both names (新余 and its old name 新喻).
fn one_city_by_both(a: &str, b: &str) -> Option<&'static str> {
    chinese_cities_called(a)
        .find(|x| chinese_cities_called(b).any(|y| y.geonameid == x.geonameid))
        .map(|c| c.name.as_str())
}

/// Compares the places of two organisation names. In one script the places must be the same
/// (or, in Chinese, two names the gazetteer gives one city). Across scripts the Chinese must read
/// as the English; when the gazetteer knows several cities of that romanisation (福州 and 抚州 are
/// both Fuzhou) the pair is still a match, less certain in proportion to the other cities'
/// population, unless a province named on either side excludes it.
/// Adds the feature to `why` and returns the likelihood it gives.
pub(crate) fn compare_places(a: &OrgName, b: &OrgName, why: &mut Explanation) -> f64 {
    let province = a.province.or(b.province);
    let mut place = |detail: &dyn Fn() -> String, p: f64| {
        why.add("place", p > 0.5, detail);
        p
    };
    if a.place.is_empty() || b.place.is_empty() {
        return place(&|| "a name gives no place".into(), 0.0);
    }
    if a.chinese == b.chinese {
        if a.place == b.place {
            return place(&|| format!("{} in both", a.place), 1.0);
        }
        if a.chinese {
            if let Some(city) = one_city_by_both(&a.place, &b.place) {
                return place(&|| format!("{} and {} both name {city} (gazetteer)", a.place, b.place), 0.95);
            }
        }
        return place(&|| format!("{} ≠ {}", a.place, b.place), 0.0);
    }
    let (zh, en) = if a.chinese { (a, b) } else { (b, a) };
    if !spells(&zh.place, &en.place) {
        return place(&|| format!("{} is not read {}", zh.place, en.place), 0.0);
    }
    let all = chinese_cities_named(&en.place);
    let this = || all.iter().filter(|c| c.bare_names.contains(&zh.place));
    if let Some(p) = province {
        if this().next().is_some() && !this().any(|c| c.province == p) {
            return place(&|| format!("{} is not in the province named", zh.place), 0.1);
        }
        if this().next().is_none() && all.iter().any(|c| c.province == p) {
            return place(&|| format!("the {} of that province is not {}", en.place, zh.place), 0.1);
        }
    }
    if this().next().is_none() {
        // The gazetteer is the authority for places: a city it knows under other names is not
        // called by a reading that merely spells (重庆 is Chongqing, never Zhongqing).
        let known = chinese_cities_called(&zh.place);
        if known.clone().next().is_some() {
            let names = || known.clone().map(|c| c.name.as_str()).collect::<Vec<_>>().join(" / ");
            return place(&|| format!("the gazetteer calls {} {}, not {}", zh.place, names(), en.place), 0.2);
        }
        let detail = || {
            if all.is_empty() {
                format!("{} reads {} (transliteration; not in the gazetteer)", zh.place, en.place)
            } else {
                format!("{} reads {}, though the gazetteer's {} is another city", zh.place, en.place, en.place)
            }
        };
        return place(&detail, 0.85);
    }
    let total: u64 = all.iter().map(|c| c.population).sum();
    let share = this().map(|c| c.population).sum::<u64>() as f64 / total as f64;
    if share >= 0.999 || province.is_some() {
        return place(&|| format!("{} = {} (gazetteer)", zh.place, en.place), 1.0);
    }
    let detail = || {
        format!(
            "{} = {}, one of {} cities so romanised ({:.0}% of their population); a province would tell them apart",
            zh.place,
            en.place,
            all.len(),
            share * 100.0
        )
    };
    place(&detail, 0.8 + 0.2 * share)
}
