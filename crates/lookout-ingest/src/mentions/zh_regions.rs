//! Places named in Chinese that the gazetteer of cities does not hold: China's provinces and
//! regions (广东, 福建省, 廣東, 新疆维吾尔自治区) and the world's continents and regions (欧洲, 北美,
//! 東南亞), simplified or traditional. A continent is no country's.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::Found;

/// China's provinces and autonomous regions, simplified and traditional where they differ.
const PROVINCES: &[&str] = &[
    "广东",
    "廣東",
    "福建",
    "浙江",
    "江苏",
    "江蘇",
    "湖南",
    "湖北",
    "四川",
    "河南",
    "河北",
    "山东",
    "山東",
    "山西",
    "陕西",
    "陝西",
    "甘肃",
    "甘肅",
    "青海",
    "云南",
    "雲南",
    "贵州",
    "貴州",
    "广西",
    "廣西",
    "海南",
    "江西",
    "安徽",
    "吉林",
    "辽宁",
    "遼寧",
    "黑龙江",
    "黑龍江",
    "内蒙古",
    "內蒙古",
    "宁夏",
    "寧夏",
    "新疆",
    "西藏",
];

/// The words after a province's name that are part of it.
const PROVINCE_LEVELS: &[&str] =
    &["省", "自治区", "自治區", "维吾尔自治区", "維吾爾自治區", "壮族自治区", "壯族自治區"];

/// Continents and regions of the world.
const REGIONS: &[&str] = &[
    "欧洲",
    "歐洲",
    "亚洲",
    "亞洲",
    "非洲",
    "北美洲",
    "北美",
    "南美洲",
    "南美",
    "拉丁美洲",
    "拉美",
    "大洋洲",
    "中东",
    "中東",
    "中东欧",
    "中東歐",
    "东欧",
    "東歐",
    "西欧",
    "西歐",
    "北欧",
    "北歐",
    "南欧",
    "南歐",
    "东亚",
    "東亞",
    "南亚",
    "南亞",
    "中亚",
    "中亞",
    "东南亚",
    "東南亞",
    "唐人街",
    "华埠",
    "華埠",
    "中国城",
    "中國城",
];

/// A pattern's place: its country (CN for a province, none for a region), and whether it is a
/// region of another country (`regions.rs`: 卑诗省, 苏格兰), which stands over any city or country
/// inside its name.
type Meant = (Option<&'static str>, bool);

/// The automaton of every name (a province with each of its levels too, and the regions of other
/// countries), and what each pattern means.
fn names() -> &'static (AhoCorasick, Vec<Meant>) {
    static NAMES: OnceLock<(AhoCorasick, Vec<Meant>)> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut patterns: Vec<String> = Vec::new();
        let mut countries: Vec<Meant> = Vec::new();
        for p in PROVINCES {
            patterns.push((*p).to_string());
            countries.push((Some("CN"), false));
            for level in PROVINCE_LEVELS {
                patterns.push(format!("{p}{level}"));
                countries.push((Some("CN"), false));
            }
        }
        for r in REGIONS {
            patterns.push((*r).to_string());
            countries.push((None, false));
        }
        for (name, country) in super::regions::chinese_names() {
            patterns.push(name.to_string());
            countries.push((Some(country), true));
        }
        // A DFA: the Chinese lines are read whole, and the names are few enough for one.
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .expect("the names make an automaton");
        (automaton, countries)
    })
}

/// Regions' short names (安省: Ontario) with the characters before them that make their first
/// character the end of another word (公安省, 平安省, 治安省: a ministry, not a province).
const SHORT_NAMES_AFTER: &[(&str, &[char])] = &[("安省", &['公', '平', '治'])];

/// Whether the region named at `start..end` is the end of another word.
fn inside_a_word(text: &str, start: usize, end: usize) -> bool {
    SHORT_NAMES_AFTER.iter().any(|(name, before)| &text[start..end] == *name && text[..start].ends_with(*before))
}

/// The provinces and regions of `text`'s Chinese `lines`, leaving out words `taken` (sorted
/// spans) already hold, into `out`; the regions of other countries, taken or not, into `foreign`.
pub(super) fn find(
    text: &str,
    lines: &[(usize, usize)],
    taken: &[(usize, usize)],
    out: &mut Vec<Found>,
    foreign: &mut Vec<Found>,
) {
    let (automaton, countries) = names();
    let overlaps = |start: usize, end: usize| {
        let at = taken.partition_point(|&(s, _)| s < end);
        at > 0 && taken[at - 1].1 > start
    };
    for &(from, to) in lines {
        for hit in automaton.find_iter(&text[from..to]) {
            let (start, end) = (from + hit.start(), from + hit.end());
            match countries[hit.pattern().as_usize()] {
                (_, true) if inside_a_word(text, start, end) => {}
                (country, true) => foreign.push(Found::place(start, end, None, country)),
                // A province's speech is a language (广东话, 福建话: Cantonese, Hokkien).
                (_, false) if text[end..].starts_with(['话', '話']) => {}
                (country, false) if !overlaps(start, end) => out.push(Found::place(start, end, None, country)),
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mentions::What;

    #[test]
    fn provinces_and_continents() {
        let text = "来自广东和福建省、浙江西部,廣東,新疆维吾尔自治区;欧洲与北美洲,曼哈顿華埠,講廣東話。上海";
        let lines = crate::mentions::segment::non_ascii_lines(text);
        let taken = [(text.find("上海").unwrap(), text.len())];
        let mut out = Vec::new();
        find(text, &lines, &taken, &mut out, &mut Vec::new());
        let found: Vec<(&str, Option<&str>)> = out
            .iter()
            .map(|f| match f.what {
                What::Place { country, .. } => (&text[f.start..f.end], country),
                _ => unreachable!("places only"),
            })
            .collect();
        assert_eq!(
            found,
            [
                ("广东", Some("CN")),
                ("福建省", Some("CN")),
                ("浙江", Some("CN")),
                ("廣東", Some("CN")),
                ("新疆维吾尔自治区", Some("CN")),
                ("欧洲", None),
                ("北美洲", None),
                ("華埠", None)
            ]
        );
    }
}
