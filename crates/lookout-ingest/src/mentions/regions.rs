//! Regions within a country, named in English or Chinese: the provinces, states and nations of
//! the countries where stations were reported ("Ontario, Quebec and British Columbia", 卑诗省,
//! Tuscany, 苏格兰). Each is a place mention of its country, not of a city ("British Columbia" is
//! no mention of Columbia, South Carolina), and knows its first-level division (GeoNames
//! `admin1`, read from the gazetteer's city named for it) so that a step reported of a region is
//! proposed for the stations there.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use lookout_geo::Gazetteer;

use super::place_shapes::STREETS;
use super::segment::Word;
use super::us_states::US_STATES;
use super::Found;

/// Regions: (country, a city of the gazetteer in the region, the region's names: English, then
/// Chinese simplified and traditional).
const REGIONS: &[(&str, &str, &[&str])] = &[
    ("CA", "Toronto", &["Ontario", "安大略省", "安大略", "安省"]),
    ("CA", "Montréal", &["Quebec", "Québec", "魁北克省", "魁北克", "魁省"]),
    (
        "CA",
        "Vancouver",
        &[
            "British Columbia",
            "卑诗省",
            "卑詩省",
            "不列颠哥伦比亚省",
            "不列顛哥倫比亞省",
            "卑诗",
            "卑詩",
            "BC省",
            "卑省",
        ],
    ),
    ("CA", "Calgary", &["Alberta", "阿尔伯塔省", "亚伯达省", "亞伯達省", "阿尔伯塔"]),
    ("CA", "Winnipeg", &["Manitoba", "曼尼托巴省", "曼尼托巴"]),
    ("CA", "Halifax", &["Nova Scotia", "新斯科舍省"]),
    ("CA", "Saskatoon", &["Saskatchewan", "萨斯喀彻温省", "薩斯喀徹溫省"]),
    ("CA", "Moncton", &["New Brunswick", "新不伦瑞克省", "新不倫瑞克省", "纽宾士域省", "紐賓士域省"]),
    ("CA", "St. John's", &["Newfoundland and Labrador", "Newfoundland", "纽芬兰与拉布拉多省", "紐芬蘭與拉布拉多省"]),
    ("CA", "Charlottetown", &["Prince Edward Island", "爱德华王子岛省", "愛德華王子島省"]),
    ("US", "Los Angeles", &["California", "加利福尼亚州", "加利福尼亞州", "加州"]),
    ("US", "Houston", &["Texas", "得克萨斯州", "德克萨斯州", "德州"]),
    ("US", "Chicago", &["Illinois", "伊利诺伊州"]),
    ("US", "Boston", &["Massachusetts", "马萨诸塞州", "麻州"]),
    ("US", "Miami", &["Florida", "佛罗里达州", "佛羅里達州"]),
    ("US", "Philadelphia", &["Pennsylvania", "宾夕法尼亚州", "賓夕法尼亞州"]),
    ("US", "New York City", &["New York State", "纽约州", "紐約州"]),
    ("US", "Newark", &["New Jersey", "新泽西州", "新澤西州", "新泽西", "新澤西"]),
    ("AU", "Sydney", &["New South Wales", "新南威尔士州", "新南威爾士州", "新州"]),
    ("AU", "Melbourne", &["维多利亚州", "維多利亞州"]),
    ("AU", "Brisbane", &["Queensland", "昆士兰州", "昆士蘭州", "昆州"]),
    ("AU", "Perth", &["Western Australia", "西澳大利亚州", "西澳"]),
    ("AU", "Adelaide", &["South Australia", "南澳大利亚州", "南澳"]),
    ("GB", "London", &["England", "英格兰", "英格蘭"]),
    ("GB", "Edinburgh", &["Scotland", "苏格兰", "蘇格蘭"]),
    ("GB", "Cardiff", &["Wales", "威尔士", "威爾斯", "威爾士"]),
    ("GB", "Belfast", &["Northern Ireland", "北爱尔兰", "北愛爾蘭"]),
    ("IT", "Florence", &["Tuscany", "托斯卡纳", "托斯卡納", "托斯卡尼"]),
    ("IT", "Milan", &["Lombardy", "伦巴第", "倫巴第"]),
    ("IT", "Venice", &["Veneto", "威尼托"]),
    ("IT", "Rome", &["Lazio", "拉齐奥", "拉齊奧"]),
    ("IT", "Turin", &["Piedmont", "皮埃蒙特"]),
    ("IT", "Bologna", &["Emilia-Romagna", "艾米利亚-罗马涅"]),
    ("IT", "Bolzano", &["South Tyrol", "Trentino-Alto Adige", "特伦蒂诺-上阿迪杰"]),
    ("IT", "Palermo", &["Sicily", "西西里"]),
    ("ES", "Barcelona", &["Catalonia", "加泰罗尼亚", "加泰隆尼亞"]),
    ("ES", "Santiago de Compostela", &["Galicia", "加利西亚", "加利西亞"]),
    ("FR", "Paris", &["Île-de-France", "Ile-de-France", "法兰西岛", "法蘭西島"]),
    ("NL", "Rotterdam", &["South Holland", "南荷兰省", "南荷蘭省"]),
    ("NL", "Amsterdam", &["North Holland", "北荷兰省", "北荷蘭省"]),
    ("DE", "Munich", &["Bavaria", "巴伐利亚", "巴伐利亞"]),
    ("DE", "Frankfurt am Main", &["Hesse", "黑森州"]),
    ("PT", "Funchal", &["Madeira", "马德拉", "馬德拉"]),
];

/// A region: its country and first-level division.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Region {
    /// ISO code of its country.
    pub country: &'static str,
    /// GeoNames `admin1` code, as the gazetteer's cities carry it.
    pub admin1: &'static str,
}

/// The first words of the regions' English names (and, by their first letter A–Z, the lengths
/// they have: most words are told apart without hashing them), and the regions by name.
struct Table {
    english_firsts: HashSet<&'static str>,
    first_lengths: [u64; 26],
    by_name: HashMap<&'static str, Region>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let gazetteer = Gazetteer::shared();
        let mut english_firsts = HashSet::default();
        let mut by_name = HashMap::default();
        // Each region by a city of the gazetteer in it, and the United States' states by code.
        let by_city = REGIONS.iter().filter_map(|(country, city, names)| {
            let city = gazetteer.cities_named(city, country).into_iter().max_by_key(|c| c.population)?;
            Some((Region { country, admin1: city.admin1.as_str() }, *names))
        });
        let states = US_STATES.iter().map(|(admin1, names)| (Region { country: "US", admin1 }, *names));
        for (region, region_names) in by_city.chain(states) {
            for name in region_names {
                if !name.chars().any(lookout_text::is_han) {
                    english_firsts.insert(name.split(' ').next().unwrap_or(name));
                }
                by_name.insert(*name, region);
            }
        }
        let mut first_lengths = [0u64; 26];
        for w in &english_firsts {
            if let (Some(b @ b'A'..=b'Z'), true) = (w.bytes().next(), w.len() < 64) {
                first_lengths[usize::from(b - b'A')] |= 1 << w.len();
            }
        }
        Table { english_firsts, first_lengths, by_name }
    })
}

/// The regions' Chinese names, each with its country.
pub(super) fn chinese_names() -> impl Iterator<Item = (&'static str, &'static str)> {
    let states = US_STATES.iter().map(|(_, names)| ("US", *names));
    REGIONS.iter().map(|(country, _, names)| (*country, *names)).chain(states).flat_map(|(country, names)| {
        names.iter().filter(|n| n.chars().any(lookout_text::is_han)).map(move |n| (*n, country))
    })
}

/// The region a place mention's words name, if they name one.
pub(crate) fn region(name: &str) -> Option<Region> {
    table().by_name.get(name).copied()
}

/// Every region `text` names in English, by its `words` (a name of up to three of them, not a
/// street's). Chinese names are found with China's provinces (`zh_regions.rs`, one pass over the
/// Chinese lines): [`chinese_names`].
pub(super) fn find(text: &str, words: &[Word<'_>], out: &mut Vec<Found>) {
    let t = table();
    let mut i = 0;
    while i < words.len() {
        // Most words open no region's name: told by their first letter and length before any
        // lookup (a name opening with another letter, Île-de-France, is looked up).
        let w = words[i].text;
        if let Some(len) = federal_district(text, words, i, t) {
            let (start, end) = (words[i].start, words[i + len - 1].end);
            out.push(Found::place(start, end, None, Some("US")));
            i += len;
            continue;
        }
        let may_open = match w.as_bytes()[0] {
            b @ b'A'..=b'Z' => w.len() < 64 && t.first_lengths[usize::from(b - b'A')] & (1 << w.len()) != 0,
            b => !b.is_ascii(),
        };
        if !may_open || !t.english_firsts.contains(w) {
            i += 1;
            continue;
        }
        let found = (1..=3).rev().filter(|len| i + len <= words.len()).find_map(|len| {
            let (start, end) = (words[i].start, words[i + len - 1].end);
            let span = &text[start..end];
            let spaced = span.split(' ').count() == len;
            let street = text[end..].strip_prefix(' ').is_some_and(|r| STREETS.iter().any(|s| r.starts_with(s)));
            t.by_name
                .get(span)
                .filter(|_| spaced && !street)
                .map(|r| (len, Found::place(start, end, None, Some(r.country))))
        });
        match found {
            Some((len, place)) => {
                out.push(place);
                i += len;
            }
            None => i += 1,
        }
    }
}

/// The directions that name a United States federal judicial district with its state.
const DISTRICT_DIRECTIONS: &[&str] = &["Eastern", "Western", "Northern", "Southern", "Central", "Middle"];

/// The words of a federal judicial district opening at word `i` ("Eastern District of New York",
/// "Southern District of Texas"), if one does: a region of the United States.
fn federal_district(text: &str, words: &[Word<'_>], i: usize, t: &Table) -> Option<usize> {
    // Most words open no district: told by their first letter before any comparison.
    if !matches!(words[i].text.as_bytes()[0], b'E' | b'W' | b'N' | b'S' | b'C' | b'M')
        || words.get(i + 1)?.text != "District"
        || !DISTRICT_DIRECTIONS.contains(&words[i].text)
        || words.get(i + 2)?.text != "of"
    {
        return None;
    }
    (1..=2).rev().find_map(|len| {
        let last = words.get(i + 2 + len)?;
        let name = &text[words[i + 3].start..last.end];
        let state = name == "New York" || t.by_name.get(name).is_some_and(|r| r.country == "US");
        (state && name.split(' ').count() == len).then_some(3 + len)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_are_their_country_s_and_know_their_division() {
        let text = "in Ontario, Quebec and British Columbia; 卑诗省与安大略; 安省、魁省與BC省; 日本公安省; Columbian, Walesby, Texas Avenue";
        let mut out = Vec::new();
        let words = crate::mentions::segment::latin_words(text);
        find(text, &words, &mut out);
        let lines = crate::mentions::segment::non_ascii_lines(text);
        super::super::zh_regions::find(text, &lines, &[], &mut Vec::new(), &mut out);
        out.sort_by_key(|f| f.start);
        let found: Vec<&str> = out.iter().map(|f| &text[f.start..f.end]).collect();
        assert_eq!(found, ["Ontario", "Quebec", "British Columbia", "卑诗省", "安大略", "安省", "魁省", "BC省"]);
        let bc = region("British Columbia").expect("a region");
        assert_eq!(bc, region("卑詩省").unwrap());
        assert_eq!(bc.country, "CA");
        assert_ne!(bc.admin1, region("Ontario").unwrap().admin1);
        assert_eq!(region("Columbia"), None);
        assert_eq!(region("Saskatchewan").map(|r| r.country), Some("CA"));
        assert_eq!(region("Prince Edward Island").map(|r| r.country), Some("CA"));
        let nebraska = region("Nebraska").expect("a state");
        assert_eq!((nebraska.country, nebraska.admin1), ("US", "NE"));
        assert_eq!(region("內布拉斯加州"), Some(nebraska));
        assert_eq!(region("Georgia"), None, "a country's name");
        let text = "the Eastern District of New York and the Southern District of Texas, the District of Columbia";
        let mut out = Vec::new();
        find(text, &crate::mentions::segment::latin_words(text), &mut out);
        let found: Vec<&str> = out.iter().map(|f| &text[f.start..f.end]).collect();
        assert_eq!(found, ["Eastern District of New York", "Southern District of Texas"]);
    }
}
