//! English demonyms ("Dutch", "American") of the countries where diaspora associations and
//! reported stations are found, to their ISO codes.

/// (demonym, lower case; ISO 3166-1 alpha-2).
const DEMONYMS: &[(&str, &str)] = &[
    ("afghan", "AF"),
    ("albanian", "AL"),
    ("american", "US"),
    ("argentine", "AR"),
    ("argentinian", "AR"),
    ("australian", "AU"),
    ("austrian", "AT"),
    ("belgian", "BE"),
    ("bolivian", "BO"),
    ("brazilian", "BR"),
    ("british", "GB"),
    ("bulgarian", "BG"),
    ("cambodian", "KH"),
    ("cameroonian", "CM"),
    ("canadian", "CA"),
    ("chilean", "CL"),
    ("colombian", "CO"),
    ("croatian", "HR"),
    ("cuban", "CU"),
    ("czech", "CZ"),
    ("danish", "DK"),
    ("dutch", "NL"),
    ("ecuadorian", "EC"),
    ("english", "GB"),
    ("ethiopian", "ET"),
    ("filipino", "PH"),
    ("finnish", "FI"),
    ("french", "FR"),
    ("german", "DE"),
    ("greek", "GR"),
    ("hungarian", "HU"),
    ("indonesian", "ID"),
    ("irish", "IE"),
    ("israeli", "IL"),
    ("italian", "IT"),
    ("japanese", "JP"),
    ("kazakh", "KZ"),
    ("kenyan", "KE"),
    ("korean", "KR"),
    ("laotian", "LA"),
    ("lesotho", "LS"),
    ("malaysian", "MY"),
    ("mexican", "MX"),
    ("mongolian", "MN"),
    ("mozambican", "MZ"),
    ("myanmar", "MM"),
    ("namibian", "NA"),
    ("nepalese", "NP"),
    ("nigerian", "NG"),
    ("norwegian", "NO"),
    ("pakistani", "PK"),
    ("panamanian", "PA"),
    ("peruvian", "PE"),
    ("polish", "PL"),
    ("portuguese", "PT"),
    ("romanian", "RO"),
    ("russian", "RU"),
    ("scottish", "GB"),
    ("serbian", "RS"),
    ("singaporean", "SG"),
    ("slovak", "SK"),
    ("slovenian", "SI"),
    ("south african", "ZA"),
    ("south korean", "KR"),
    ("spanish", "ES"),
    ("swedish", "SE"),
    ("swiss", "CH"),
    ("tanzanian", "TZ"),
    ("thai", "TH"),
    ("turkish", "TR"),
    ("ukrainian", "UA"),
    ("uzbek", "UZ"),
    ("venezuelan", "VE"),
    ("vietnamese", "VN"),
    ("zambian", "ZM"),
    ("zimbabwean", "ZW"),
];

/// Everyday English names of countries beside the table's (`holland`, `usa`, `america`), lower case.
pub const ENGLISH_ALIASES: &[(&str, &str)] = &[
    ("czech republic", "CZ"),
    ("usa", "US"),
    ("united states of america", "US"),
    ("america", "US"),
    ("uk", "GB"),
    ("britain", "GB"),
    ("great britain", "GB"),
    ("england", "GB"),
    ("holland", "NL"),
    ("the netherlands", "NL"),
    ("korea", "KR"),
    ("republic of korea", "KR"),
    ("russia", "RU"),
    ("uae", "AE"),
    ("prc", "CN"),
    ("people's republic of china", "CN"),
    ("us", "US"),
];

/// Everyday Chinese names of countries where the table gives the formal one (大韩民国 → 韩国).
pub const CHINESE_ALIASES: &[(&str, &str)] = &[
    ("韩国", "KR"),
    ("南韩", "KR"),
    ("朝鲜", "KP"),
    ("北韩", "KP"),
    ("伊朗", "IR"),
    ("叙利亚", "SY"),
    ("老挝", "LA"),
    ("玻利维亚", "BO"),
    ("摩尔多瓦", "MD"),
    ("委内瑞拉", "VE"),
    ("坦桑尼亚", "TZ"),
    ("沙特", "SA"),
    ("捷克共和国", "CZ"),
    ("吉尔吉斯斯坦", "KG"),
    ("刚果金", "CD"),
    ("英格兰", "GB"),
    ("英国", "GB"),
    ("美国", "US"),
    ("加国", "CA"),
    ("加國", "CA"),
    ("澳洲", "AU"),
    ("纽西兰", "NZ"),
    ("义大利", "IT"),
];

/// The country of an English demonym (`"Dutch"` → `NL`), case-insensitively.
pub fn country_of_demonym(word: &str) -> Option<&'static str> {
    // Asked of many words of every text: a map, and no new string for a word already in lower case.
    static BY_DEMONYM: std::sync::OnceLock<rustc_hash::FxHashMap<&'static str, &'static str>> =
        std::sync::OnceLock::new();
    let by_demonym = BY_DEMONYM.get_or_init(|| {
        let mut map = rustc_hash::FxHashMap::default();
        for &(demonym, code) in DEMONYMS {
            map.entry(demonym).or_insert(code);
        }
        map
    });
    let word = word.trim();
    if word.bytes().all(|b| b.is_ascii_lowercase() || b == b' ' || b == b'-') {
        by_demonym.get(word).copied()
    } else {
        by_demonym.get(word.to_lowercase().as_str()).copied()
    }
}

/// Every demonym with its country (lower case), for scanning text.
pub fn demonyms() -> &'static [(&'static str, &'static str)] {
    DEMONYMS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demonyms_name_known_countries() {
        assert_eq!(country_of_demonym("Dutch"), Some("NL"));
        assert_eq!(country_of_demonym("american"), Some("US"));
        assert_eq!(country_of_demonym("Martian"), None);
        let countries = crate::Countries::bundled();
        for (d, code) in DEMONYMS.iter().chain(ENGLISH_ALIASES).chain(CHINESE_ALIASES) {
            assert!(countries.get(code).is_some(), "{d} → {code} is not a known country");
        }
    }
}
