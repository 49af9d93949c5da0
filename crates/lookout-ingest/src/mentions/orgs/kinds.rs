//! Bureaus and associations by their kind: public security bureaus, hometown associations, chambers of commerce and
//! federations of overseas Chinese, in English ("Fuzhou Public Security Bureau", "Fuzhou PSB",
//! "Changle Association of America") and Chinese (福州市公安局, 美国长乐公会), named from the
//! place or country words before their kind.

use crate::mentions::names::Memo;
use crate::mentions::segment::Word;
use crate::mentions::{Finder, Found};
use lookout_text::is_han;
use rustc_hash::FxHashMap;

/// The organisations finder's tables.
pub(crate) struct Tables {
    /// [`EN_KINDS`] as words.
    en_kinds: Vec<Vec<&'static str>>,
    /// Per first byte, the lengths of the kinds' first words opening with it, a bit each: most
    /// words open no kind, told by their first byte and length.
    en_kind_openings: [u32; 256],
    /// Provinces by their first two characters.
    province_openings: FxHashMap<[char; 2], &'static str>,
    /// Every occurrence of a Chinese kind, in one pass: the longest at the leftmost place.
    zh_kinds: aho_corasick::AhoCorasick,
}

impl Tables {
    /// The tables.
    pub(crate) fn new() -> Tables {
        let en_kinds: Vec<Vec<&'static str>> = EN_KINDS.iter().map(|k| k.split(' ').collect()).collect();
        let mut en_kind_openings = [0u32; 256];
        for parts in &en_kinds {
            en_kind_openings[usize::from(parts[0].as_bytes()[0])] |= 1 << parts[0].len();
        }
        let province_openings = PROVINCES
            .iter()
            .map(|p| {
                let mut chars = p.chars();
                ([chars.next().expect("a province"), chars.next().expect("of two characters")], *p)
            })
            .collect();
        let zh_kinds = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(ZH_KINDS)
            .expect("a few short words make an automaton");
        Tables { en_kinds, en_kind_openings, province_openings, zh_kinds }
    }
}

/// Chinese kinds, longest first.
const ZH_KINDS: &[&str] = &[
    "华侨华人联合会",
    "华人华侨联合会",
    "同乡联谊总会",
    "同乡联谊会",
    "同乡总会",
    "同乡会",
    "联谊会",
    "公安局",
    "总商会",
    "商会",
    "侨联",
    "公会",
    "协会",
];

/// English kinds (words), longest first.
const EN_KINDS: &[&str] = &[
    "Federation of Overseas Chinese",
    "Overseas Chinese Federation",
    "Fellow Townsmen Association",
    "Public Security Bureau",
    "Hometown Association",
    "Chamber of Commerce",
    "Business Association",
    "Police Bureau",
    "Association",
    "PSB",
];

/// Words that may stand inside a body's name before its kind.
const EN_NAME_WORDS: &[&str] =
    &["Municipal", "City", "County", "Provincial", "Province", "District", "General", "Overseas", "Chinese"];

/// Provinces (Chinese), which may open a name.
const PROVINCES: &[&str] = &[
    "安徽",
    "浙江",
    "江西",
    "江苏",
    "吉林",
    "青海",
    "福建",
    "黑龙江",
    "河南",
    "河北",
    "湖南",
    "湖北",
    "新疆",
    "西藏",
    "甘肃",
    "广西",
    "贵州",
    "辽宁",
    "内蒙古",
    "宁夏",
    "北京",
    "上海",
    "山西",
    "山东",
    "陕西",
    "天津",
    "云南",
    "广东",
    "海南",
    "四川",
    "重庆",
];

/// Every organisation in `text`.
pub(crate) fn find(finder: &Finder, memo: &mut Memo, text: &str, words: &[Word<'_>]) -> Vec<Found> {
    let mut out = chinese(finder, memo, text);
    out.extend(english(finder, text, words));
    out
}

/// The length of the known place, province or country name (of at most six characters) that
/// opens `s`, if any: the longest.
fn known_prefix(finder: &Finder, memo: &mut Memo, s: &str) -> Option<usize> {
    let n = &finder.names;
    let place = n.chinese_name_end(s, 6, |head| memo.is_chinese_name(n, head));
    place.max(province_prefix(&finder.orgs.kinds, s))
}

/// The length of the province that opens `s`, if one does (told by its first two characters).
fn province_prefix(tables: &Tables, s: &str) -> Option<usize> {
    let openings = &tables.province_openings;
    let mut chars = s.chars();
    let province = openings.get(&[chars.next()?, chars.next()?])?;
    s.starts_with(province).then_some(province.len())
}

/// Whether `s` (the words before a kind) is a name: known places, provinces and countries with
/// their levels (市, 县, 区, 省), the last possibly a two-character place the gazetteer lacks
/// (长乐 after 美国, 青田 before 县).
fn is_name(finder: &Finder, memo: &mut Memo, s: &str) -> bool {
    let mut rest = s;
    let mut known = 0;
    loop {
        if rest.is_empty() {
            return known > 0;
        }
        if let Some(len) = known_prefix(finder, memo, rest) {
            rest = &rest[len..];
            known += 1;
            continue;
        }
        if known > 0 && rest.starts_with(['市', '县', '区', '省']) {
            rest = &rest[3..];
            continue;
        }
        let count = rest.chars().count();
        let with_level = rest.ends_with(['市', '县', '区']);
        return (count == 2 && known > 0) || (count == 3 && with_level);
    }
}

fn chinese(finder: &Finder, memo: &mut Memo, text: &str) -> Vec<Found> {
    let mut out = Vec::new();
    // Every occurrence of a kind, then on after it.
    let mut from = 0;
    for hit in finder.orgs.kinds.zh_kinds.find_iter(text) {
        let (at, end) = (hit.start(), hit.end());
        let floor = from;
        from = end;
        // The run of Han characters before the kind, at most 12, not reaching back into the
        // body found before.
        let mut starts = [0usize; 12];
        let mut count = 0;
        for (i, _) in text[..at].char_indices().rev().take_while(|(i, c)| is_han(*c) && *i >= floor).take(12) {
            starts[count] = i;
            count += 1;
        }
        // The earliest start from which the name opens with a known place or country.
        let start = starts[..count].iter().rev().copied().find(|&s| is_name(finder, memo, &text[s..at]));
        let Some(start) = start else { continue };
        if out.last().is_some_and(|f: &Found| f.start < end && start < f.end) {
            continue;
        }
        out.push(Found::organisation(start, end, None));
    }
    out
}

fn english(finder: &Finder, text: &str, words: &[Word<'_>]) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let (n, tables) = (&finder.names, &finder.orgs.kinds);
    let mut i = 0;
    while i < words.len() {
        // Most words open no kind: told by their first byte and length.
        let openings = &tables.en_kind_openings;
        let word = words[i].text;
        if word.len() >= 32 || openings[usize::from(word.as_bytes()[0])] & (1 << word.len()) == 0 {
            i += 1;
            continue;
        }
        let matched = tables.en_kinds.iter().filter(|parts| parts[0] == word).find_map(|parts| {
            (i + parts.len() <= words.len() && (0..parts.len()).all(|k| words[i + k].text == parts[k]))
                .then_some(parts.len())
        });
        let Some(len) = matched else {
            i += 1;
            continue;
        };
        // Capitalised words before the kind: the place and qualifiers.
        let mut s = i;
        while s > 0
            && i - s < 5
            && words[s - 1].text.starts_with(|c: char| c.is_uppercase())
            && text[words[s - 1].end..words[s].start].chars().all(|c| c == ' ')
        {
            s -= 1;
        }
        // A sentence's article is not part of the name.
        while s < i && matches!(words[s].text, "The" | "A" | "An" | "This" | "That") {
            s += 1;
        }
        let mut end = words[i + len - 1].end;
        // "… of America", "… in the Netherlands", "Public Security Bureau of Fuzhou".
        let mut k = i + len;
        if let Some(link) = words.get(k).filter(|w| matches!(w.text, "of" | "in")) {
            let mut t = k + 1;
            if words.get(t).is_some_and(|w| w.text == "the") {
                t += 1;
            }
            for span in (1..=3).rev() {
                if t + span > words.len() {
                    continue;
                }
                let phrase = &text[words[t].start..words[t + span - 1].end];
                let known = n.countries.contains_key(&phrase.to_lowercase())
                    || (n.latin.contains_key(&phrase.to_lowercase()) && s == i);
                if known && phrase.starts_with(|c: char| c.is_uppercase()) {
                    end = words[t + span - 1].end;
                    k = t + span;
                    let _ = link;
                    break;
                }
            }
        }
        let named = s < i || end > words[i + len - 1].end;
        let only_qualifiers = (s..i).all(|q| EN_NAME_WORDS.contains(&words[q].text));
        if named && !(only_qualifiers && end == words[i + len - 1].end) {
            out.push(Found::organisation(words[s].start, end, None));
        }
        i = k.max(i + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn orgs(text: &str) -> Vec<&str> {
        let words = crate::mentions::segment::latin_words(text);
        find(crate::mentions::testing::finder(), &mut Memo::default(), text, &words)
            .into_iter()
            .map(|f| &text[f.start..f.end])
            .collect()
    }

    #[test]
    fn bodies_in_both_languages() {
        assert_eq!(orgs("由福州市公安局和青田县公安局设立"), ["福州市公安局", "青田县公安局"]);
        assert_eq!(orgs("美国长乐公会的负责人"), ["美国长乐公会"]);
        assert_eq!(orgs("据荷兰温州同乡会称"), ["荷兰温州同乡会"]);
        assert_eq!(
            orgs("The Fuzhou Public Security Bureau and the Qingtian PSB; the Changle Association of America."),
            ["Fuzhou Public Security Bureau", "Qingtian PSB", "Changle Association of America"]
        );
        assert_eq!(orgs("the Public Security Bureau of Fuzhou said"), ["Public Security Bureau of Fuzhou"]);
        assert!(orgs("a public security bureau somewhere").is_empty());
        assert_eq!(orgs("the Fuzhou Public Security Bureau's contacts"), ["Fuzhou Public Security Bureau"]);
    }

    #[test]
    fn names_open_with_the_longest_known_place_or_province() {
        let finder = crate::mentions::testing::finder();
        let province_prefix = |s| province_prefix(&finder.orgs.kinds, s);
        let known_prefix = |s| known_prefix(finder, &mut Memo::default(), s);
        assert_eq!(province_prefix("黑龙江省"), Some("黑龙江".len()));
        assert_eq!(province_prefix("河北省"), Some("河北".len()));
        assert_eq!(province_prefix("河"), None);
        assert_eq!(province_prefix("河流"), None);
        assert_eq!(known_prefix("福州市公安局"), Some("福州市".len()));
        assert_eq!(known_prefix("浙江青田"), Some("浙江".len()));
        assert_eq!(known_prefix("公安局"), None);
    }
}
