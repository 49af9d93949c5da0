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
//! assert!(!match_names("Fuzhou PSB", "抚州市公安局", None).is_match);
//! assert!(match_names("Jiangxi Fuzhou PSB", "抚州市公安局", None).is_match);
//! assert!(match_names("美国长乐公会", "American Changle Association", None).score >= 0.0);
//! ```

mod org;
mod person;
mod script;
mod symbols;

use serde::Serialize;

pub use org::{parse as parse_org, OrgName};
pub use person::{parse as parse_person, PersonName};
pub use script::{fold, readings, spells};
pub use symbols::OrgKind;

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
    let (oa, ob) = (parse_org(a), parse_org(b));
    let is_person = match schema {
        Some("Person") => true,
        Some(_) => false,
        None => oa.kind.is_none() && ob.kind.is_none(),
    };
    if is_person {
        let (same, detail) = person::compare(&parse_person(a), &parse_person(b));
        return result(if same { 0.95 } else { 0.1 }, vec![Feature { feature: "personal name", agrees: same, detail }]);
    }
    compare_orgs(&oa, &ob)
}

/// Chinese cities whose English (GeoNames) name is `english`: their Chinese names (simplified,
/// without 市/县/区), province code and population, most populous first.
fn gazetteer_candidates(english: &str, province: Option<&str>) -> Vec<(Vec<String>, String, u64)> {
    use std::sync::OnceLock;
    static GAZETTEER: OnceLock<lookout_geo::Gazetteer> = OnceLock::new();
    let g = GAZETTEER.get_or_init(lookout_geo::Gazetteer::bundled);
    g.cities_named(english, "CN")
        .into_iter()
        .filter(|c| province.is_none_or(|p| c.admin1 == p))
        .map(|c| {
            let names = c.zh_hans.iter().map(|n| n.trim_end_matches(['市', '县', '区']).to_string()).collect();
            (names, c.admin1.clone(), c.population.max(1))
        })
        .collect()
}

/// Compares the places of two organisation names. Across scripts, the Chinese must read as the
/// English; when the gazetteer knows several Chinese cities of that romanisation (福州 and 抚州 are
/// both Fuzhou), the English most likely means each in proportion to its population, narrowed by a
/// province where either name gives one. Returns the feature and the likelihood it gives.
fn compare_places(a: &OrgName, b: &OrgName) -> (Feature, f64) {
    let province = a.province.or(b.province);
    let agrees = |detail: String, p: f64| (Feature { feature: "place", agrees: true, detail }, p);
    let differs = |detail: String| (Feature { feature: "place", agrees: false, detail }, 0.0);
    if a.chinese == b.chinese {
        return if a.place == b.place && !a.place.is_empty() {
            agrees(format!("{} in both", a.place), 1.0)
        } else {
            differs(format!("{} ≠ {}", a.place, b.place))
        };
    }
    let (zh, en) = if a.chinese { (a, b) } else { (b, a) };
    if !spells(&zh.place, &en.place) {
        return differs(format!("{} is not read {}", zh.place, en.place));
    }
    let candidates = gazetteer_candidates(&en.place, province);
    let total: u64 = candidates.iter().map(|c| c.2).sum();
    let this: u64 = candidates.iter().filter(|c| c.0.contains(&zh.place)).map(|c| c.2).sum();
    if candidates.is_empty() {
        return agrees(format!("{} reads {} (no such city in the gazetteer)", zh.place, en.place), 1.0);
    }
    if this == 0 {
        let likeliest = candidates.iter().max_by_key(|c| c.2).and_then(|c| c.0.first()).cloned().unwrap_or_default();
        return (
            Feature {
                feature: "place",
                agrees: false,
                detail: format!("{} reads {}, but the gazetteer's {} is {likeliest}", zh.place, en.place, en.place),
            },
            0.2,
        );
    }
    let share = this as f64 / total as f64;
    let detail = if candidates.len() > 1 {
        format!(
            "{} = {} for {:.0}% of the population of the {} cities so romanised{}",
            zh.place,
            en.place,
            share * 100.0,
            candidates.len(),
            if share < 1.0 { "; a province would tell them apart" } else { "" }
        )
    } else {
        format!("{} = {} (gazetteer)", zh.place, en.place)
    };
    (Feature { feature: "place", agrees: share >= 0.5, detail }, share)
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
        ] {
            assert!(match_names(a, b, None).is_match, "{a} = {b}: {:?}", match_names(a, b, None));
        }
        for (a, b) in [
            ("Fuzhou PSB", "抚州市公安局"),
            ("浦阳市公安局", "濮阳市公安局"),
            ("Zhoukou PSB", "Zhoushan PSB"),
            ("福州市公安局", "福州商会"),
        ] {
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
