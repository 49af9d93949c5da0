//! A Chinese place's name with the word for what it is, when the text writes it: 墨田 + 區,
//! 萬錦 + 市, 埼玉 + 縣 (the corpus labels 墨田區, 萬錦市). Not before a word it opens: 纽约市民
//! (New Yorkers) and 市场 (a market) leave the place as it is.

use crate::mentions::{Found, What};

/// The words for a city, district, county or province after its name.
const SUFFIXES: &[char] = &['市', '区', '區', '县', '縣', '省'];

/// Characters after a suffix that make it the opening of another word.
const OPENING: &[char] = &['民', '场', '場', '域', '内', '內', '外', '级', '級'];

/// Extends each Chinese city's or region's name in `found` by the word for what it is.
pub(super) fn extend(text: &str, found: &mut [Found]) {
    for f in found.iter_mut() {
        // Most places are followed by no such word: that is asked first.
        let mut after = text[f.end..].chars();
        let Some(suffix) = after.next().filter(|c| SUFFIXES.contains(c)) else { continue };
        let han_end = text[..f.end].chars().next_back().is_some_and(|c| c > '\u{2E80}');
        if !han_end || text[..f.end].ends_with(SUFFIXES) || after.next().is_some_and(|c| OPENING.contains(&c)) {
            continue;
        }
        let name: String = text[f.start..f.end].chars().map(lookout_text::to_simplified).collect();
        let is_city_or_region =
            matches!(f.what, What::Place { .. }) && lookout_geo::CountryNames::shared().by_chinese(&name).is_none();
        if is_city_or_region {
            f.end += suffix.len_utf8();
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_place_takes_the_word_for_what_it_is() {
        let places = |text: &str| -> Vec<String> {
            crate::mentions::testing::places_of(text).into_iter().map(|(t, _)| t.to_string()).collect()
        };
        assert!(
            places("住在東京都墨田區的女子").contains(&"墨田區".to_string()),
            "{:?}",
            places("住在東京都墨田區的女子")
        );
        assert!(places("安大略省萬錦市的華人").contains(&"萬錦市".to_string()));
        assert_eq!(places("纽约市民表示"), ["纽约"]);
        assert_eq!(places("中国省份"), ["中国"]);
    }
}
