//! A Chinese place's name with the word for what it is, when the text writes it: 墨田 + 區,
//! 萬錦 + 市, 埼玉 + 縣 (the corpus labels 墨田區, 萬錦市). Not before a word it opens: 纽约市民
//! (New Yorkers) and 市场 (a market) leave the place as it is.

use crate::mentions::{Found, What};

/// The words for a city, district, county or province after its name.
const SUFFIXES: &[char] = &['市', '区', '區', '县', '縣', '省'];

/// Characters after a suffix that make it the opening of another word.
const OPENING: &[char] = &['民', '场', '場', '域', '内', '內', '外', '级', '級'];

/// The length in bytes of a numbered district just after a city's name (巴黎13區, 巴黎第十三区:
/// Paris's 13th arrondissement), if one is there.
fn numbered_district(after: &str) -> Option<usize> {
    let rest = after.strip_prefix('第').unwrap_or(after);
    let digits = rest
        .char_indices()
        .take_while(|&(_, c)| c.is_ascii_digit() || ('０'..='９').contains(&c) || "一二三四五六七八九十".contains(c))
        .last()
        .map(|(at, c)| at + c.len_utf8())?;
    let district = rest[digits..].chars().next().filter(|c| matches!(c, '区' | '區'))?;
    Some(after.len() - rest.len() + digits + district.len_utf8())
}

/// Extends each Chinese city's or region's name in `found` by the word for what it is, or by a
/// numbered district of it.
pub(super) fn extend(text: &str, found: &mut [Found]) {
    for f in found.iter_mut() {
        if let Some(district) = numbered_district(&text[f.end..]) {
            if matches!(f.what, What::Place { city: Some(_), .. }) {
                f.end += district;
                continue;
            }
        }
        // A country's name with its form of state, as official texts write it (捷克共和国).
        if matches!(f.what, What::Place { city: None, country: Some(_), .. }) {
            if let Some(form) = ["共和国", "共和國"].iter().find(|w| text[f.end..].starts_with(*w)) {
                f.end += form.len();
                continue;
            }
        }
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
        assert_eq!(places("位於巴黎13區的一棟大樓"), ["巴黎13區"]);
        assert_eq!(places("巴黎第十三区的华人"), ["巴黎第十三区"]);
        assert_eq!(places("巴黎13日电"), ["巴黎"]);
        assert_eq!(places("在捷克共和国的那些派出所"), ["捷克共和国"]);
    }
}
