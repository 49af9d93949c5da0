//! Cities named in Chinese: a jieba segment or two adjacent ones that the gazetteer's Chinese names
//! hold (福州 + 市), written in simplified or traditional characters, with a city's greater area
//! (大 + 多伦多 + 地区) and without a Chinatown beside it (曼哈顿 + 华埠).

use rustc_hash::FxHashMap as FastMap;

use super::names::{CityFacts, DocCountries, Memo, Names, CHINESE_COMMON_WORDS};
use super::segment::Word;
use super::Found;

/// Whether `word`, written in traditional characters, may be a name the tables hold in
/// simplified ones (a word already simplified, as most are, is not folded again).
fn may_be_name_in_simplified(n: &Names, word: &str) -> bool {
    word.chars().any(|c| lookout_text::to_simplified(c) != c) && n.may_be_chinese_name(&lookout_text::fold(word))
}

/// The cities `text`'s Chinese `segments` name, into `out`.
pub(super) fn find<'t>(
    text: &'t str,
    segments: &[Word<'t>],
    n: &Names,
    memo: &mut Memo,
    doc: &DocCountries,
    out: &mut Vec<Found>,
) {
    // The city each name of this document was found to be (or none), decided once per document.
    let mut cities: FastMap<&'t str, Option<CityFacts>> = FastMap::default();
    let persons = super::zh_people::SpeltPersons::of(text);
    let mut i = 0;
    while i < segments.len() {
        // A place may be one segment (福州市) or two adjacent ones (福州 + 市).
        let mut best: Option<(usize, CityFacts)> = None;
        for len in [2usize, 1] {
            // A Chinatown is a place of its own beside its city's (曼哈顿 + 华埠), though
            // GeoNames names one 曼哈顿华埠.
            if i + len > segments.len()
                || (len == 2
                    && (segments[i].end != segments[i + 1].start || matches!(segments[i + 1].text, "华埠" | "華埠")))
            {
                continue;
            }
            let joined = &text[segments[i].start..segments[i + len - 1].end];
            // Two characters at least (one Han character is three bytes), opening some name,
            // and not an everyday word (中心, 合作) or a count (五間 + 公司: "five companies").
            if joined.len() < 6
                || !(n.may_be_chinese_name(joined) || may_be_name_in_simplified(n, joined))
                || CHINESE_COMMON_WORDS.contains(&lookout_text::fold(joined).as_str())
                || super::segment::count_word(joined)
            {
                continue;
            }
            let city =
                *cities.entry(joined).or_insert_with(|| memo.chinese_entry(n, joined).cities.map(|c| n.pick(c, doc)));
            if let Some(chosen) = city {
                best = Some((len, chosen));
                break;
            }
        }
        if let Some((len, chosen)) = best {
            let (mut start, mut end) = (segments[i].start, segments[i + len - 1].end);
            let mut len = len;
            // A city's greater area (大 + 多伦多 + 地区) is named as one place.
            if i > 0 && segments[i - 1].end == start && segments[i - 1].text == "大" {
                start = segments[i - 1].start;
                if let Some(area) =
                    segments.get(i + len).filter(|s| s.start == end && matches!(s.text, "地区" | "地區"))
                {
                    end = area.end;
                    len += 1;
                }
            }
            if !super::zh_people::in_a_persons_name(text, start, end, &persons) {
                out.push(Found::place(start, end, Some(chosen.geonameid), Some(chosen.country)));
            }
            i += len;
        } else {
            i += 1;
        }
    }
}
