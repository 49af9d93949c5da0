//! Cross-script name matching for Lookout: Fuzhou Public Security Bureau = Fuzhou PSB = 福州市公安局
//! = 福建省福州市公安局, but ≠ 抚州市公安局 (Jiangxi), whose name romanises the same.
//!
//! Names are folded (full-width forms, traditional → simplified), Chinese is read with every
//! pinyin reading of each character, kinds of organisation are compared as symbols (公安局 = Public
//! Security Bureau = PSB; 同乡会 = hometown association; 商会 = chamber of commerce), places are
//! checked against the gazetteer (the province tells homophones apart), and personal names are
//! compared in either order. Every result carries the features that decided it.
//!
//! ```
//! use lookout_match::match_names;
//! assert!(match_names("Fuzhou Public Security Bureau", "福州市公安局", None).is_match);
//! assert!(!match_names("福州市公安局", "抚州市公安局", None).is_match);
//! assert!(!match_names("Fujian Fuzhou PSB", "抚州市公安局", None).is_match);
//! assert!(match_names("Jiangxi Fuzhou PSB", "抚州市公安局", None).is_match);
//! // Without a province, "Fuzhou" most likely means the larger 福州, but may mean 抚州.
//! let (fujian, jiangxi) = (match_names("Fuzhou PSB", "福州市公安局", None), match_names("Fuzhou PSB", "抚州市公安局", None));
//! assert!(fujian.score > jiangxi.score && jiangxi.is_match);
//! assert!(match_names("美国长乐公会", "American Changle Association", None).score >= 0.0);
//! ```

mod blocking;
mod index;
mod latin;
mod org;
mod person;
mod script;
mod symbols;
mod xref;

use serde::Serialize;

pub use blocking::block_keys;
pub use index::NameIndex;
pub use org::{parse as parse_org, OrgName};
pub use person::{parse as parse_person, PersonName};
pub use script::{fold, readings, spells};
pub use symbols::OrgKind;
pub use xref::{xref, Candidate, Named, XrefOptions};

/// Scores at or above this are a match.
pub const THRESHOLD: f64 = 0.7;

/// One feature that contributed to a score.
#[derive(Debug, Clone, Serialize)]
pub struct Feature {
    /// What was compared.
    pub feature: &'static str,
    /// Whether it supports a match.
    pub agrees: bool,
    /// What was found.
    pub detail: String,
}

/// A score in [0, 1], the decision at [`THRESHOLD`], and why.
#[derive(Debug, Clone, Serialize)]
pub struct MatchResult {
    /// The score.
    pub score: f64,
    /// Whether it is a match.
    pub is_match: bool,
    /// The features, in the order checked.
    pub explanation: Vec<Feature>,
}

fn result(score: f64, explanation: Vec<Feature>) -> MatchResult {
    MatchResult { score, is_match: score >= THRESHOLD, explanation }
}

/// Compares two names. `schema` (`Person`, `Organization`, `PublicBody`…) says what they name;
/// without it, a name with a kind of organisation is an organisation, else a person.
pub fn match_names(a: &str, b: &str, schema: Option<&str>) -> MatchResult {
    let han = a.chars().any(script::is_han) || b.chars().any(script::is_han);
    // Names are read as organisations (kind, place, host country) only when they can be: Chinese,
    // or naming a kind of organisation. Others go straight to the word-by-word comparison.
    let orgs = (schema != Some("Person") && (han || symbols::mentions_kind(a) || symbols::mentions_kind(b)))
        .then(|| (parse_org(a), parse_org(b)));
    let is_person = match schema {
        Some("Person") => true,
        Some(_) => false,
        None => orgs.as_ref().is_none_or(|(oa, ob)| oa.kind.is_none() && ob.kind.is_none()),
    };
    if is_person {
        // Chinese characters: compared by reading. Anything else: word by word, tolerantly.
        if han {
            let (same, detail) = person::compare(&parse_person(a), &parse_person(b));
            return result(
                if same { 0.95 } else { 0.1 },
                vec![Feature { feature: "personal name", agrees: same, detail }],
            );
        }
        let (score, features) = latin::compare(a, b, false);
        return result(score, features);
    }
    if let Some((oa, ob)) = &orgs {
        if han || (oa.kind.is_some() && ob.kind.is_some()) {
            return compare_orgs(oa, ob);
        }
    }
    let (score, features) = latin::compare(a, b, true);
    result(score, features)
}

/// Loads the tables matching needs (gazetteer, character tables, country names) now rather than
/// on the first comparison that needs them, so that timing and first answers are even.
pub fn warm_up() {
    let _ = cities_by_chinese_name();
    let _ = match_names("福州市公安局", "Fuzhou PSB", None);
    let _ = match_names("宋林金", "Song Linjin", Some("Person"));
}

fn gazetteer() -> &'static lookout_geo::Gazetteer {
    lookout_geo::Gazetteer::shared()
}

/// A Chinese place name without its level (`福州市` → `福州`), folded to simplified characters.
fn bare_place(name: &str) -> String {
    let folded = fold(name);
    let bare = folded.trim_end_matches(['市', '县', '区']);
    if bare.chars().count() >= 2 {
        bare.to_string()
    } else {
        folded
    }
}

/// Chinese cities whose English (GeoNames) name is `english`: their Chinese names (simplified,
/// without 市/县/区), province code and population.
fn gazetteer_candidates(english: &str) -> Vec<(Vec<String>, String, u64)> {
    gazetteer()
        .cities_named(english, "CN")
        .into_iter()
        .map(|c| {
            (c.zh_hans.iter().chain(&c.zh_hant).map(|n| bare_place(n)).collect(), c.admin1.clone(), c.population.max(1))
        })
        .collect()
}

/// Chinese cities of the gazetteer by their bare Chinese names (simplified).
fn cities_by_chinese_name() -> &'static std::collections::HashMap<String, Vec<&'static lookout_geo::City>> {
    use std::sync::OnceLock;
    static INDEX: OnceLock<std::collections::HashMap<String, Vec<&'static lookout_geo::City>>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: std::collections::HashMap<String, Vec<&'static lookout_geo::City>> = Default::default();
        for city in gazetteer().cities().iter().filter(|c| c.country == "CN") {
            for name in city.zh_hans.iter().chain(&city.zh_hant) {
                let entry = index.entry(bare_place(name)).or_default();
                if !entry.iter().any(|c| c.geonameid == city.geonameid) {
                    entry.push(city);
                }
            }
        }
        index
    })
}

/// Whether the gazetteer knows one Chinese city by both names (新余 and its old name 新喻).
fn one_city_by_both(a: &str, b: &str) -> Option<String> {
    let index = cities_by_chinese_name();
    let (xs, ys) = (index.get(a)?, index.get(b)?);
    xs.iter().find(|x| ys.iter().any(|y| y.geonameid == x.geonameid)).map(|c| c.name.clone())
}

/// Compares the places of two organisation names. In one script the places must be the same
/// (or, in Chinese, two names the gazetteer gives one city). Across scripts the Chinese must read
/// as the English; when the gazetteer knows several cities of that romanisation (福州 and 抚州 are
/// both Fuzhou) the pair is still a match, less certain in proportion to the other cities'
/// population, unless a province named on either side excludes it.
/// Returns the feature and the likelihood it gives.
fn compare_places(a: &OrgName, b: &OrgName) -> (Feature, f64) {
    let province = a.province.or(b.province);
    let agrees = |detail: String, p: f64| (Feature { feature: "place", agrees: true, detail }, p);
    let differs = |detail: String, p: f64| (Feature { feature: "place", agrees: false, detail }, p);
    if a.place.is_empty() || b.place.is_empty() {
        return differs("a name gives no place".into(), 0.0);
    }
    if a.chinese == b.chinese {
        if a.place == b.place {
            return agrees(format!("{} in both", a.place), 1.0);
        }
        if a.chinese {
            if let Some(city) = one_city_by_both(&a.place, &b.place) {
                return agrees(format!("{} and {} both name {city} (gazetteer)", a.place, b.place), 0.95);
            }
        }
        return differs(format!("{} ≠ {}", a.place, b.place), 0.0);
    }
    let (zh, en) = if a.chinese { (a, b) } else { (b, a) };
    if !spells(&zh.place, &en.place) {
        return differs(format!("{} is not read {}", zh.place, en.place), 0.0);
    }
    let all = gazetteer_candidates(&en.place);
    let this: Vec<&(Vec<String>, String, u64)> = all.iter().filter(|c| c.0.contains(&zh.place)).collect();
    if let Some(p) = province {
        let here = |c: &&(Vec<String>, String, u64)| c.1 == p;
        if !this.is_empty() && !this.iter().any(here) {
            return differs(format!("{} is not in the province named", zh.place), 0.1);
        }
        if this.is_empty() && all.iter().any(|c| c.1 == p) {
            return differs(format!("the {} of that province is not {}", en.place, zh.place), 0.1);
        }
    }
    if this.is_empty() {
        // The gazetteer is the authority for places: a city it knows under other names is not
        // called by a reading that merely spells (重庆 is Chongqing, never Zhongqing).
        if let Some(known) = cities_by_chinese_name().get(&zh.place) {
            let names = known.iter().map(|c| c.name.as_str()).collect::<Vec<_>>().join(" / ");
            return differs(format!("the gazetteer calls {} {names}, not {}", zh.place, en.place), 0.2);
        }
        let detail = if all.is_empty() {
            format!("{} reads {} (transliteration; not in the gazetteer)", zh.place, en.place)
        } else {
            format!("{} reads {}, though the gazetteer's {} is another city", zh.place, en.place, en.place)
        };
        return agrees(detail, 0.85);
    }
    let total: u64 = all.iter().map(|c| c.2).sum();
    let share = this.iter().map(|c| c.2).sum::<u64>() as f64 / total as f64;
    if share >= 0.999 || province.is_some() {
        return agrees(format!("{} = {} (gazetteer)", zh.place, en.place), 1.0);
    }
    let detail = format!(
        "{} = {}, one of {} cities so romanised ({:.0}% of their population); a province would tell them apart",
        zh.place,
        en.place,
        all.len(),
        share * 100.0
    );
    agrees(detail, 0.8 + 0.2 * share)
}

fn compare_orgs(a: &OrgName, b: &OrgName) -> MatchResult {
    let mut features = Vec::new();
    let (place, likelihood) = compare_places(a, b);
    features.push(place);
    let mut conflicts = 0;
    match (a.kind, b.kind) {
        (Some(x), Some(y)) if x.compatible(y) => {
            features.push(Feature { feature: "kind", agrees: true, detail: format!("{} / {}", x.as_str(), y.as_str()) })
        }
        (Some(x), Some(y)) => {
            conflicts += 1;
            features.push(Feature {
                feature: "kind",
                agrees: false,
                detail: format!("{} ≠ {}", x.as_str(), y.as_str()),
            });
        }
        _ => {}
    }
    if let (Some(x), Some(y)) = (&a.country, &b.country) {
        let same = x == y;
        conflicts += usize::from(!same);
        features.push(Feature { feature: "host country", agrees: same, detail: format!("{x} / {y}") });
    }
    if let (Some(x), Some(y)) = (a.province, b.province) {
        let same = x == y;
        conflicts += usize::from(!same);
        features.push(Feature { feature: "province", agrees: same, detail: format!("{x} / {y}") });
    }
    // The place decides (0.95 at best, scaled by how likely the place is meant); any conflict of
    // kind, host country or province caps the score well below the threshold.
    let score = if conflicts == 0 { 0.95 * likelihood } else { (0.3 * likelihood).min(0.3) };
    result(score, features)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bureaus_across_scripts_and_their_homophones() {
        for (a, b) in [
            ("Fuzhou Public Security Bureau", "福州市公安局"),
            ("Fuzhou PSB", "福建省福州市公安局"),
            ("福州市公安局", "福建省福州市公安局"),
            ("鎮江市公安局", "镇江市公安局"),
            ("Chongqing Municipal Public Security Bureau", "重庆市公安局"),
            ("新余市公安局", "新喻市公安局"),
            ("Jinjiang Chamber of Commerce in South Korea", "韩国晉江商会"),
        ] {
            assert!(match_names(a, b, None).is_match, "{a} = {b}: {:?}", match_names(a, b, None));
        }
        for (a, b) in [
            ("Fujian Fuzhou PSB", "抚州市公安局"),
            ("Fuzhou (Jiangxi) Public Security Bureau", "福州市公安局"),
            ("Zhongqing Public Security Bureau", "重庆市公安局"),
            ("新余市公安局", "新宇市公安局"),
            ("浦阳市公安局", "濮阳市公安局"),
            ("Zhoukou PSB", "Zhoushan PSB"),
            ("福州市公安局", "福州商会"),
        ] {
            assert!(!match_names(a, b, None).is_match, "{a} ≠ {b}: {:?}", match_names(a, b, None));
        }
    }

    #[test]
    fn other_phrasings_of_kinds_and_hosts() {
        for (a, b) in [
            ("American Changle Association", "美国长乐公会"),
            ("Changle Association of America", "美国长乐公会"),
            ("Italian Wenzhou Association", "意大利温州同乡会"),
            ("Fuzhou Municipal Bureau of Public Security", "福州市公安局"),
            ("Fuzhou police", "福州公安"),
            ("Public Security Bureau of Fuzhou", "福州市公安局"),
        ] {
            assert!(match_names(a, b, None).is_match, "{a} = {b}: {:?}", match_names(a, b, None));
        }
        for (a, b) in [("Wenzhou Association of Italy", "西班牙温州同乡会"), ("Fuzhou Police", "福州市商会")]
        {
            assert!(!match_names(a, b, None).is_match, "{a} ≠ {b}: {:?}", match_names(a, b, None));
        }
    }

    #[test]
    fn associations_need_the_same_place_kind_and_host() {
        assert!(match_names("Nanping Association of Czech Republic", "捷克南平同乡会", None).is_match);
        assert!(!match_names("Nanping Association of Czech Republic", "意大利南平同乡会", None).is_match);
        assert!(!match_names("Nanping Hometown Association in Czech Republic", "捷克南平商会", None).is_match);
        let r = match_names("Zhenjiang Hometown Association in Spain", "西班牙景洪同乡会", None);
        assert!(!r.is_match);
        assert!(r.explanation.iter().any(|f| f.feature == "place" && !f.agrees));
    }
}
