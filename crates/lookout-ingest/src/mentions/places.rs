//! Places: countries by name and demonym ("the Netherlands", "Dutch", "荷兰"), and cities of the
//! gazetteer by their English and Chinese names, matched on word boundaries (Chinese on jieba's
//! segment boundaries), disambiguated by the countries the document names and by population.

use super::names::{CityFacts, DocCountries, Memo, Names};
use super::place_shapes::{DIVISIONS, NAME_PARTICLES, OPENING_WORDS};
use super::segment::{capitalised, han_segments_where, HanCuts, Word};
use super::{Found, What};
use lookout_text::lower_into;
use rustc_hash::FxHashMap as FastMap;

/// Regions named in the record that are not countries, and the quarter most stations stood in.
const REGIONS: &[&str] = &[
    "Europe",
    "Asia",
    "Africa",
    "Oceania",
    "North America",
    "South America",
    "Latin America",
    "Central America",
    "Middle East",
    "Chinatown",
];

/// Abbreviations of countries written with dots, which the words of a text split.
const DOTTED: &[(&str, &str)] = &[("U.S.A.", "US"), ("U.S.", "US"), ("U.K.", "GB"), ("U.K", "GB"), ("N.Y.", "US")];

/// The end of a place's name: after a division's word that follows it ("Saitama Prefecture"), or
/// after the words of its airport ("Honiara International Airport").
fn with_level(text: &str, words: &[Word<'_>], last: usize) -> usize {
    let spaced = |k: usize| words.get(k).filter(|w| &text[words[k - 1].end..w.start] == " ").map(|w| w.text);
    match (spaced(last + 1), spaced(last + 2)) {
        (Some(level), _) if DIVISIONS.contains(&level) => words[last + 1].end,
        (Some("International"), Some("Airport")) => words[last + 2].end,
        _ => words[last].end,
    }
}

/// Words before a city's name that name a part of it ("Lower Manhattan", "east London").
const CITY_PARTS: &[&str] = &[
    "Lower", "Upper", "Downtown", "Midtown", "Central", "Greater", "Inner", "Outer", "North", "South", "East", "West",
    "north", "south", "east", "west",
];

/// The start of a city's name: at a word for its part just before it ("Lower Manhattan").
fn with_part(text: &str, words: &[Word<'_>], first: usize) -> usize {
    match first.checked_sub(1).map(|k| &words[k]) {
        Some(part) if CITY_PARTS.contains(&part.text) && &text[part.end..words[first].start] == " " => part.start,
        _ => words[first].start,
    }
}

/// A place mention of a city.
fn city_mention(city: CityFacts, start: usize, end: usize) -> Found {
    Found::place(start, end, Some(city.geonameid), Some(city.country))
}

/// Every place in `text`; `cuts` holds the runs of Han characters the organisations finder cut.
pub(crate) fn find(
    n: &Names,
    memo: &mut Memo,
    text: &str,
    words: &[Word<'_>],
    lines: &[(usize, usize)],
    cuts: &HanCuts,
) -> Vec<Found> {
    let segments =
        super::zh_segments::places_cut(text, han_segments_where(text, lines, cuts, &|run| n.names_place(run)), n);
    let mut out = Vec::new();
    // Regions of countries: no city or country inside them is named ("British Columbia",
    // "Northern Ireland").
    let mut regions = Vec::new();
    super::regions::find(text, words, &mut regions);
    // Countries first: they disambiguate cities.
    let countries = english_countries(text, words, n, &mut out);
    let mut doc_countries = DocCountries::default();
    for code in countries.into_iter().chain(chinese_countries(&segments, n, &mut out)) {
        doc_countries.insert(code);
    }
    english_cities(text, words, n, memo, &doc_countries, &mut out);
    super::region_codes::find(text, words, &out, &mut regions);
    super::zh_cities::find(text, &segments, n, memo, &doc_countries, &mut out);
    let mut taken: Vec<(usize, usize)> = out.iter().map(|f| (f.start, f.end)).collect();
    taken.sort_unstable();
    super::place_shapes::find(n, &doc_countries, text, words, &taken, &mut out);
    super::zh_regions::find(text, lines, &taken, &mut out, &mut regions);
    let mut taken: Vec<(usize, usize)> = out.iter().map(|f| (f.start, f.end)).collect();
    taken.sort_unstable();
    super::zh_abbreviations::find(text, lines, &taken, &mut out);
    if !regions.is_empty() {
        regions.sort_unstable_by_key(|r| r.start);
        // Regions are few and sorted: the one that could overlap a place is the last opening
        // before its end.
        out.retain(|f| {
            let at = regions.partition_point(|r| r.start < f.end);
            at.checked_sub(1).is_none_or(|k| regions[k].end <= f.start)
        });
        out.extend(regions);
    }
    super::zh_place_suffix::extend(text, &mut out);
    out
}

/// Whether `after` (the text after a country's name) opens with a channel's number: a space and
/// one or two digits ("France 2", "France 24"), not a year or a count.
fn channel_number(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(' ') else { return false };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    (1..=2).contains(&digits)
        && !rest[digits..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '.' || c == ',')
}

fn english_countries(text: &str, words: &[Word<'_>], n: &Names, out: &mut Vec<Found>) -> Vec<&'static str> {
    let mut seen = Vec::new();
    let mut key = String::new();
    // "U.S.", "U.K.": the dots split them into letters. Two overlap only where they start
    // together ("U.S.A." and "U.S."): the longer is the name.
    let mut found: Vec<(usize, usize, &'static str)> = Vec::new();
    for (abbreviation, code) in DOTTED {
        for (at, _) in text.match_indices(abbreviation) {
            let end = at + abbreviation.len();
            let bounded = !text[..at].ends_with(|c: char| c.is_alphanumeric() || c == '.')
                && !text[end..].starts_with(|c: char| c.is_alphanumeric());
            if bounded {
                found.push((at, end, code));
            }
        }
    }
    found.sort_unstable_by_key(|&(at, end, _)| (at, std::cmp::Reverse(end)));
    // In the order they start, and apart: a word is looked up among them by halving.
    let mut dotted: Vec<(usize, usize)> = Vec::new();
    for (at, end, code) in found {
        if dotted.last().is_none_or(|&(_, e)| e <= at) {
            out.push(Found::place(at, end, None, Some(code)));
            dotted.push((at, end));
            seen.push(code);
        }
    }
    let mut i = 0;
    while i < words.len() {
        let before = dotted.partition_point(|&(s, _)| s <= words[i].start);
        if before.checked_sub(1).is_some_and(|k| words[i].start < dotted[k].1) {
            i += 1;
            continue;
        }
        let mut matched = false;
        // "North America" is a region, not a mention of the United States.
        let in_region = i > 0 && REGIONS.contains(&&text[words[i - 1].start..words[i].end]);
        if !capitalised(words[i].text) || in_region {
            i += 1;
            continue;
        }
        lower_into(words[i].text, &mut key);
        let plain = n.country_words.get(&key);
        // "People’s Republic of China": the hint is of the word with its possessive ("China’s"
        // is China's).
        if text[words[i].end..].starts_with(['’', '\'']) {
            key.push('\'');
            key.push('s');
        }
        let longest = n.country_words.get(&key).max(plain).min(4);
        for len in (1..=longest).rev() {
            if i + len > words.len() {
                continue;
            }
            let span = &text[words[i].start..words[i + len - 1].end];
            if !span.split_whitespace().count().eq(&len) {
                continue;
            }
            lower_into(span, &mut key);
            if key.contains('’') {
                key = key.replace('’', "'");
            }
            // "Benin City", "Mexico City": a city's name, not its country's.
            let city_of_the_name =
                words.get(i + len).is_some_and(|w| w.text == "City" && text[words[i + len - 1].end..w.start] == *" ");
            // "France 2", "France 24": a channel's name, not its country's.
            let channel = channel_number(&text[words[i + len - 1].end..]);
            // "US$127,700", "HK$1 million": a currency's letters, not a place.
            let currency = text[words[i + len - 1].end..].starts_with('$');
            if let Some(&code) = n.countries.get(key.as_str()).filter(|_| !city_of_the_name && !channel && !currency) {
                // A demonym ("Dutch", "South Korean") tells the document's countries but names
                // no place, unless it is the country's name too ("Lesotho police").
                if lookout_geo::country_of_demonym(span).is_none()
                    || lookout_geo::CountryNames::shared().by_english(&key).is_some()
                {
                    // "The Netherlands" names the Netherlands: the article is no part of the name.
                    let article = len > 1 && words[i].text.eq_ignore_ascii_case("the");
                    let start = words[i + usize::from(article)].start;
                    out.push(Found::place(start, words[i + len - 1].end, None, Some(code)));
                }
                seen.push(code);
                i += len;
                matched = true;
                break;
            }
        }
        if !matched {
            i += 1;
        }
    }
    seen
}

fn chinese_countries(segments: &[Word<'_>], n: &Names, out: &mut Vec<Found>) -> Vec<&'static str> {
    let mut seen = Vec::new();
    for s in segments {
        let folded = lookout_text::fold(s.text);
        if let Some(&code) = n.countries_zh.get(s.text).or_else(|| n.countries_zh.get(folded.as_str())) {
            out.push(Found::place(s.start, s.end, None, Some(code)));
            seen.push(code);
        }
    }
    seen
}

/// Words of a headline in title case, which stand beside a city's name and make no person's
/// ("Police Station in Manhattan Has Closed Its Doors").
const HEADLINE_WORDS: &[&str] = &[
    "Has", "Have", "Had", "Is", "Are", "Was", "Were", "Will", "Says", "Said", "Closes", "Closed", "Shuts", "Opens",
    "Opened", "Denies", "Denied", "Orders", "Ordered", "Raids", "Raided", "Probes", "Confirms", "Arrests", "Charges",
];

fn english_cities<'t>(
    text: &'t str,
    words: &[Word<'t>],
    n: &Names,
    memo: &mut Memo,
    doc: &DocCountries,
    out: &mut Vec<Found>,
) {
    // Spans already taken by countries, in order, walked along with the words: `before` counts
    // the spans that open at or before the current word.
    let mut spans: Vec<(usize, usize)> = out.iter().map(|f| (f.start, f.end)).collect();
    spans.sort_unstable();
    let mut before = 0;
    let mut i = 0;
    let mut phrase_key = String::new();
    // What this document's words and phrases were found to be, remembered for the document (a
    // text names its places and opens its sentences with the same words again and again, and the
    // gazetteer's tables are larger than any cache): one lookup per word.
    let mut facts: FastMap<&'t str, WordFacts> = FastMap::default();
    let mut facts_of = |word: &'t str| {
        *facts.entry(word).or_insert_with(|| {
            let entry = memo.word_entry(n, word);
            // A lone word names a city only if the city is large or in a country the text names
            // (or, below, in the country of another city it names).
            let city = entry.cities.map(|c| n.pick(c, doc));
            let named = |city: &CityFacts| city.population >= 100_000 || doc.contains(city.country);
            WordFacts {
                longest: entry.longest,
                second: entry.second,
                alone: city.filter(named),
                small: city.filter(|c| !named(c)),
            }
        })
    };
    // Small cities a lone word may name, kept until the document's cities are known: "Brossard"
    // is a place in a text that names Montreal.
    let mut small: Vec<(usize, CityFacts)> = Vec::new();
    let found_before = out.len();
    let mut cities: FastMap<&'t str, Option<CityFacts>> = FastMap::default();
    while i < words.len() {
        let mut advanced = false;
        if !capitalised(words[i].text) {
            i += 1;
            continue;
        }
        let first = words[i].text.as_bytes()[0];
        let region = matches!(first, b'A' | b'C' | b'E' | b'L' | b'M' | b'N' | b'O' | b'S')
            && REGIONS.iter().any(|r| r.starts_with(words[i].text));
        let word = facts_of(words[i].text);
        let mut longest = word.longest;
        // A name of two words or more needs a second word that some name has.
        if longest > 1 && !words.get(i + 1).is_some_and(|w| facts_of(w.text).second) {
            longest = 1;
        }
        let longest = longest.max(if region { 2 } else { 0 });
        let start = words[i].start;
        while before < spans.len() && spans[before].0 <= start {
            before += 1;
        }
        let taken = before > 0 && spans[before - 1].1 > start;
        for len in (1..=longest).rev() {
            // Inside a name, a particle in lower case ("Viña del Mar", "Rio de Janeiro").
            let of_name = |k: usize| {
                capitalised(words[i + k].text) || (k > 0 && k + 1 < len && NAME_PARTICLES.contains(&words[i + k].text))
            };
            if taken || i + len > words.len() || !(0..len).all(of_name) {
                continue;
            }
            let span = &text[words[i].start..words[i + len - 1].end];
            if len > 1 && span.split_whitespace().count() != len {
                continue;
            }
            // "Edo State", "New York state": a state's name, not its city's.
            if words.get(i + len).is_some_and(|w| {
                matches!(w.text, "State" | "state" | "STATE") && text[words[i + len - 1].end..w.start] == *" "
            }) {
                continue;
            }
            if region && REGIONS.contains(&span) {
                out.push(Found::place(words[i].start, words[i + len - 1].end, None, None));
                i += len;
                advanced = true;
                break;
            }
            // The city a span names, if any.
            // A lone word beside another capitalised one names a person ("Merrick Garland"), not
            // a city, unless that word is a country's, a division's ("Ward"; not "Airport": "Logan
            // Airport" is no Logan) or a sentence's.
            let beside_name = |k: usize| {
                words.get(k).is_some_and(|o| {
                    capitalised(o.text)
                        && (if k > i { &text[words[i].end..o.start] } else { &text[o.end..words[i].start] }) == " "
                        && (!DIVISIONS.contains(&o.text) || o.text == "Airport")
                        && (k > i || !CITY_PARTS.contains(&o.text))
                        && !n.countries.contains_key(&o.text.to_lowercase())
                        && !OPENING_WORDS.contains(&o.text)
                        && !HEADLINE_WORDS.contains(&o.text)
                })
            };
            // A lone word before a verb of saying is a person ("Mao said", "Luo said"), unless
            // it names a large city ("Beijing said").
            let says = |city: &CityFacts| {
                city.population < 1_000_000
                    && [" said", " says", " told", " added", " stated"].iter().any(|v| {
                        text[words[i].end..].starts_with(v)
                            && !text[words[i].end + v.len()..].starts_with(|c: char| c.is_alphanumeric())
                    })
            };
            let chosen = if len == 1 {
                if beside_name(i + 1) || (i > 0 && beside_name(i - 1)) {
                    None
                } else {
                    if let Some(city) = word.small.filter(|city| !says(city)) {
                        small.push((i, city));
                    }
                    word.alone.filter(|city| !says(city))
                }
            } else {
                *cities.entry(span).or_insert_with(|| {
                    lower_into(span, &mut phrase_key);
                    n.latin.get(phrase_key.as_str()).map(|c| n.pick(*c, doc))
                })
            };
            let Some(chosen) = chosen else { continue };
            out.push(city_mention(chosen, with_part(text, words, i), with_level(text, words, i + len - 1)));
            i += len;
            advanced = true;
            break;
        }
        if !advanced {
            i += 1;
        }
    }
    let mut cities_countries = DocCountries::default();
    for found in &out[found_before..] {
        if let What::Place { city: Some(_), country: Some(country) } = found.what {
            cities_countries.insert(country);
        }
    }
    for (i, city) in small {
        if cities_countries.contains(city.country) {
            out.push(city_mention(city, words[i].start, with_level(text, words, i)));
        }
    }
}

/// What a word of a document was found to be, decided once per document.
#[derive(Clone, Copy)]
struct WordFacts {
    /// The most words (at most three) of a city name opening with it.
    longest: usize,
    /// Whether some city name of two words or more has it second.
    second: bool,
    /// The city it names alone, if any (a common word or a word in capitals names none; a city
    /// neither large nor in a country the document names is not named by one word).
    alone: Option<CityFacts>,
    /// The city it would name alone but is small, in a country the document does not name.
    small: Option<CityFacts>,
}

#[cfg(test)]
#[path = "places_tests.rs"]
mod tests;
