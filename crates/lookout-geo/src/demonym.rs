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

/// The country of an English demonym (`"Dutch"` → `NL`), case-insensitively.
pub fn country_of_demonym(word: &str) -> Option<&'static str> {
    let lower = word.trim().to_lowercase();
    DEMONYMS.iter().find(|(d, _)| *d == lower).map(|(_, code)| *code)
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
        for (d, code) in DEMONYMS {
            assert!(countries.get(code).is_some(), "{d} → {code} is not a known country");
        }
    }
}
