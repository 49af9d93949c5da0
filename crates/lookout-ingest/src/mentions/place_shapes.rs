//! Places told by their shape rather than by the gazetteer: China's provinces by their English
//! names ("Fujian Province"), streets ("Capel Street", "Pennsylvania Avenue"), a dateline in
//! capitals ("SEOUL, Dec. 23", "NEW YORK (AP)"), a country before a hyphen ("Spain-based") and a
//! city before "-area", "-based", "-born" or "-region" ("Montreal-area groups").

use super::names::{DocCountries, Names};
use super::segment::{capitalised, Word};
use super::Found;

/// China's provinces and regions by their English names.
const PROVINCES: &[&str] = &[
    "Anhui",
    "Fujian",
    "Gansu",
    "Guangdong",
    "Guangxi",
    "Guizhou",
    "Hainan",
    "Hebei",
    "Heilongjiang",
    "Henan",
    "Hubei",
    "Hunan",
    "Jiangsu",
    "Jiangxi",
    "Jilin",
    "Liaoning",
    "Qinghai",
    "Shaanxi",
    "Shandong",
    "Shanxi",
    "Sichuan",
    "Yunnan",
    "Zhejiang",
    "Xinjiang",
    "Tibet",
    "Ningxia",
];

/// Last words of a street's name (a region before one names the street: "Pennsylvania Avenue").
pub(super) const STREETS: &[&str] = &["Street", "Avenue", "Road", "Boulevard", "Lane", "Square"];

/// Last words of a division's or an airport's name, capitalised: after one to three capitalised
/// words, a name's particle among them ("Songpa District", "Charles de Gaulle Airport"), or after
/// a known place's name ("Saitama Prefecture"). In lower case ("Nagano province") they are no
/// part of it.
pub(super) const DIVISIONS: &[&str] = &["District", "Ward", "Prefecture", "Province", "County", "Borough", "Airport"];

/// Words in lower case inside places' Latin names (Charles de Gaulle, Castellammare di Stabia).
pub(super) const NAME_PARTICLES: &[&str] = &[
    "de", "del", "della", "di", "da", "do", "dos", "das", "des", "du", "la", "le", "sur", "am", "an", "der", "upon",
    "es",
];

/// The article, prepositions and conjunction a headline or a sentence opens with, capitalised: no
/// place's name opens with one ("In Songpa District"), and a city's name beside one is not beside a
/// person's ("In Paris").
pub(super) const OPENING_WORDS: &[&str] = &["The", "In", "At", "From", "To", "Of", "And", "For", "On", "By"];

/// Capitalised words that open no district's name: directions, kinds and determiners ("Eastern
/// District of New York", "School District"), and the words after a city's name ("Phnom Penh
/// International Airport" is the city's, found with it).
const NOT_DIVISION_NAMES: &[&str] = &[
    "A",
    "An",
    "This",
    "That",
    "Each",
    "Every",
    "Its",
    "Their",
    "Eastern",
    "Western",
    "Northern",
    "Southern",
    "Central",
    "Middle",
    "Federal",
    "School",
    "Police",
    "Congressional",
    "Judicial",
    "Electoral",
    "Special",
    "International",
    "National",
];

/// Words after a hyphen that leave the city before it a place ("Montreal-area groups").
const CITY_HYPHENED: &[&str] = &["area", "based", "born", "region"];

/// The gap between two words of one name: a single space.
fn next_to(text: &str, a: &Word<'_>, b: &Word<'_>) -> bool {
    &text[a.end..b.start] == " "
}

/// The places of these shapes in `text`, leaving out words `taken` (sorted spans) already hold.
pub(super) fn find(
    n: &Names,
    doc: &DocCountries,
    text: &str,
    words: &[Word<'_>],
    taken: &[(usize, usize)],
    out: &mut Vec<Found>,
) {
    let is_taken = |start: usize| {
        let at = taken.partition_point(|&(s, _)| s <= start);
        at > 0 && taken[at - 1].1 > start
    };
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        if !capitalised(w.text) || is_taken(w.start) {
            i += 1;
            continue;
        }
        // "Fujian Province", "Zhejiang"; "Fujian province" is Fujian, as "province" is no part of
        // the name in lower case.
        if PROVINCES.contains(&w.text) {
            let end = match words.get(i + 1) {
                Some(l) if l.text == "Province" && next_to(text, w, l) => {
                    i += 1;
                    l.end
                }
                _ => w.end,
            };
            out.push(Found::place(w.start, end, None, Some("CN")));
            i += 1;
            continue;
        }
        // "Capel Street", "C Street", "Pennsylvania Avenue": one or two capitalised words before.
        if let Some(k) = (i + 1..(i + 3).min(words.len())).find(|&k| STREETS.contains(&words[k].text)) {
            let joined = (i..k).all(|j| capitalised(words[j].text) && next_to(text, &words[j], &words[j + 1]));
            if joined {
                out.push(Found::place(w.start, words[k].end, None, None));
                i = k + 1;
                continue;
            }
        }
        // "Songpa District", "Phnom Penh International Airport", "Charles de Gaulle Airport":
        // capitalised words (and a name's particles inside) before a division's word.
        if let Some(k) = (i + 1..(i + 4).min(words.len())).find(|&k| DIVISIONS.contains(&words[k].text)) {
            let opens = !NOT_DIVISION_NAMES.contains(&w.text) && !OPENING_WORDS.contains(&w.text);
            // A particle stands between name words (not "an Airport"); a Chinese province is
            // found as one, with its country ("Coastal Zhejiang Province" holds Zhejiang Province).
            let of_name = |j: usize| {
                (capitalised(words[j].text) && !PROVINCES.contains(&words[j].text))
                    || (j > i && j + 1 < k && NAME_PARTICLES.contains(&words[j].text))
            };
            if opens && (i..k).all(|j| of_name(j) && next_to(text, &words[j], &words[j + 1])) {
                out.push(Found::place(w.start, words[k].end, None, None));
                i = k + 1;
                continue;
            }
        }
        // "Spain-based", "China-linked": a country before a hyphen; "Montreal-area": a city
        // before a word that leaves it a place; "New York-based": the two words' city.
        if let Some((name, after)) = w.text.split_once('-') {
            let pair = i.checked_sub(1).map(|p| &words[p]).filter(|p| capitalised(p.text) && next_to(text, p, w));
            let pair_key = pair.map(|p| format!("{} {}", p.text, name).to_lowercase());
            if let Some((p, &cities)) =
                pair.zip(pair_key.and_then(|k| n.latin.get(&k)).filter(|_| CITY_HYPHENED.contains(&after)))
            {
                let city = n.pick(cities, doc);
                out.push(Found::place(p.start, w.start + name.len(), Some(city.geonameid), Some(city.country)));
                i += 1;
                continue;
            }
            let key = name.to_lowercase();
            if let Some(&code) = n.countries.get(&key) {
                if lookout_geo::country_of_demonym(name).is_none() {
                    out.push(Found::place(w.start, w.start + name.len(), None, Some(code)));
                }
            } else if let Some(&cities) = n.latin.get(&key).filter(|_| CITY_HYPHENED.contains(&after)) {
                let city = n.pick(cities, doc);
                out.push(Found::place(w.start, w.start + name.len(), Some(city.geonameid), Some(city.country)));
            }
        }
        i += 1;
    }
    // A dateline: the first words of a line in capitals, before "," or " (" ("SEOUL, Dec. 23"), a
    // colon ("BERLIN:") or a dash ("BUDAPEST --").
    for (at, _) in std::iter::once((0, "")).chain(text.match_indices('\n')) {
        let start = if at == 0 { 0 } else { at + 1 };
        let line = &text[start..text[start..].find('\n').map_or(text.len(), |e| start + e)];
        let dash = [" -", " —", " –"].iter().filter_map(|d| line.find(d)).min();
        let Some(cut) = line.find([',', '(', ':']).into_iter().chain(dash).min() else { continue };
        let head = line[..cut].trim_end();
        let capitals = head.len() >= 3 && head.chars().all(|c| c.is_ascii_uppercase() || c == ' ');
        if !capitals || head.split(' ').count() > 3 || is_taken(start) {
            continue;
        }
        if let Some(&cities) = n.latin.get(&head.to_lowercase()) {
            let city = n.pick(cities, doc);
            out.push(Found::place(start, start + head.len(), Some(city.geonameid), Some(city.country)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn places(text: &str) -> Vec<&str> {
        let words = super::super::segment::latin_words(text);
        let mut out = Vec::new();
        find(&crate::mentions::testing::finder().names, &DocCountries::default(), text, &words, &[], &mut out);
        out.iter().map(|f| &text[f.start..f.end]).collect()
    }

    #[test]
    fn provinces_streets_datelines_and_hyphens() {
        assert_eq!(places("in Fujian Province and Zhejiang"), ["Fujian Province", "Zhejiang"]);
        assert_eq!(places("in Fujian province"), ["Fujian"], "a province in lower case is no part of the name");
        assert_eq!(
            places("the office on Capel Street and 950 Pennsylvania Avenue"),
            ["Capel Street", "Pennsylvania Avenue"]
        );
        assert_eq!(places("SEOUL, Dec. 23 (Yonhap) -- the Spain-based group"), ["Spain", "SEOUL"]);
        assert_eq!(
            places("BERLIN: Authorities in Germany\nBUDAPEST -- Recent allegations\nPARIS-MATCH, a weekly"),
            ["BERLIN", "BUDAPEST"],
            "a hyphen inside a name cuts no dateline"
        );
        assert_eq!(places("two Montreal-area groups; a Paris-Match reporter"), ["Montreal"]);
        assert!(places("Street food in the Main hall").is_empty());
        assert_eq!(places("a New York-based group"), ["New York"], "not York, England");
    }

    #[test]
    fn districts_and_airports() {
        assert_eq!(
            places("a restaurant in Songpa District, flown from Phnom Penh International Airport"),
            ["Songpa District", "Phnom Penh International Airport"]
        );
        assert_eq!(places("escorted to Charles de Gaulle Airport"), ["Charles de Gaulle Airport"], "a name's particle");
        assert!(places("Plans For an Airport").is_empty(), "a particle stands between name words");
        assert_eq!(places("In Songpa District"), ["Songpa District"], "a preposition opens no division");
        assert!(
            places("the Eastern District of New York; the School District; The County").is_empty(),
            "directions, kinds and determiners open no district"
        );
    }
}
