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
mod explain;
mod index;
mod latin;
mod org;
mod person;
mod places;
mod script;
mod symbols;
mod xref;

use serde::Serialize;

use explain::Explanation;

pub use blocking::block_keys;
pub use index::{KeyId, NameIndex, Named};
pub use org::{parse as parse_org, OrgName};
pub use person::{parse as parse_person, PersonName};
pub use script::{readings, spells};
pub use symbols::OrgKind;
pub use xref::{xref, Candidate, XrefOptions};

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

/// Compares two names. `schema` (`Person`, `Organization`, `PublicBody`…) says what they name;
/// without it, a name with a kind of organisation is an organisation, else a person.
pub fn match_names(a: &str, b: &str, schema: Option<&str>) -> MatchResult {
    let mut why = Explanation::new(true);
    let score = score(a, b, schema, &mut why);
    MatchResult { score, is_match: score >= THRESHOLD, explanation: why.into_features() }
}

/// The score [`match_names`] gives, without writing out its explanation: for scoring many pairs
/// (files of pairs, ranking candidates) and explaining only those shown.
pub fn score_names(a: &str, b: &str, schema: Option<&str>) -> f64 {
    score(a, b, schema, &mut Explanation::new(false))
}

fn score(a: &str, b: &str, schema: Option<&str>, why: &mut Explanation) -> f64 {
    let han = a.chars().any(lookout_text::is_han) || b.chars().any(lookout_text::is_han);
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
            let same = person::compare(&parse_person(a), &parse_person(b), why);
            return if same { 0.95 } else { 0.1 };
        }
        return latin::compare(a, b, false, why);
    }
    if let Some((oa, ob)) = &orgs {
        if han || (oa.kind.is_some() && ob.kind.is_some()) {
            return compare_orgs(oa, ob, why);
        }
    }
    latin::compare(a, b, true, why)
}

/// Loads the tables matching needs (gazetteer, character tables, country names) now rather than
/// on the first comparison that needs them, so that timing and first answers are even.
pub fn warm_up() {
    let _ = lookout_geo::CityNames::folded();
    let _ = places::chinese_cities_named("fuzhou");
    let _ = match_names("福州市公安局", "Fuzhou PSB", None);
    let _ = match_names("宋林金", "Song Linjin", Some("Person"));
}

fn compare_orgs(a: &OrgName, b: &OrgName, why: &mut Explanation) -> f64 {
    let likelihood = places::compare_places(a, b, why);
    let mut conflicts = 0;
    match (a.kind, b.kind) {
        (Some(x), Some(y)) if x.compatible(y) => why.add("kind", true, || format!("{} / {}", x.as_str(), y.as_str())),
        (Some(x), Some(y)) => {
            conflicts += 1;
            why.add("kind", false, || format!("{} ≠ {}", x.as_str(), y.as_str()));
        }
        _ => {}
    }
    if let (Some(x), Some(y)) = (&a.country, &b.country) {
        let same = x == y;
        conflicts += usize::from(!same);
        why.add("host country", same, || format!("{x} / {y}"));
    }
    if let (Some(x), Some(y)) = (a.province, b.province) {
        let same = x == y;
        conflicts += usize::from(!same);
        why.add("province", same, || format!("{x} / {y}"));
    }
    // The place decides (0.95 at best, scaled by how likely the place is meant); any conflict of
    // kind, host country or province caps the score well below the threshold.
    if conflicts == 0 {
        0.95 * likelihood
    } else {
        (0.3 * likelihood).min(0.3)
    }
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
