//! The stations a sentence concerns (the module `steps` tells how they are chosen): those of the
//! places and bodies it names, of the regions it names, of the countries it names or speaks of by
//! demonym, else the stations the document names when they are few or of one country, else those
//! of the sentence before.

use super::qualifiers::{best_matching, Whole};
use super::{countries, Known, KnownStation};
use crate::{Kind, Mention, What};

/// The stations a sentence concerns, or when it names none those of the sentence before
/// (`before`: empty unless the sentence names no place and follows one of stations).
pub(super) fn or_before<'k>(found: Vec<&'k KnownStation>, before: &[&'k KnownStation]) -> Vec<&'k KnownStation> {
    if found.is_empty() {
        before.to_vec()
    } else {
        found
    }
}

/// The stations a sentence concerns (see the module's words).
pub(super) fn concerned<'k>(
    whole: &Whole<'_>,
    here: &[Mention],
    known: &'k Known,
    named: &[&'k KnownStation],
    by_country: bool,
    worldwide: bool,
    demonyms: &countries::Demonyms<'_>,
) -> Vec<&'k KnownStation> {
    let mut out: Vec<&KnownStation> = Vec::new();
    for m in here {
        // A station's city, or the body that hosts it.
        let stations = match m.kind() {
            Kind::Place => known.stations_in(m, whole.text),
            Kind::Organisation => known.stations_hosted_by(m),
            _ => continue,
        };
        for s in stations {
            if !out.iter().any(|o| o.id == s.id) {
                out.push(s);
            }
        }
    }
    if !out.is_empty() {
        // And the stations of the other countries it names, where it names none of theirs
        // ("popped up in the UK, Germany, the Netherlands and Canada": the record names a station
        // "UK", none "Canada").
        let mut out = best_matching(whole, out);
        for c in named_countries(here) {
            if !out.iter().any(|s| s.country.as_deref() == Some(c)) {
                out.extend(of_country(c, known, named));
            }
        }
        return out;
    }
    // The stations of the regions it names ("in Ontario, Quebec and British Columbia").
    for m in here.iter().filter(|m| m.kind() == Kind::Place) {
        if let Some(region) = crate::mentions::regions::region(m.text_in(whole.text)) {
            for s in known.stations_of_region(region) {
                if !out.iter().any(|o| o.id == s.id) {
                    out.push(s);
                }
            }
        }
    }
    if !out.is_empty() {
        return out;
    }
    // The countries where stations may be that the sentence names (not China: "該餐廳被懷疑是
    // 中國在韓所設祕密警察站").
    let mut countries: Vec<&str> = named_countries(here);
    // Else those its demonyms speak of ("the Canadian Federal Police are investigating").
    if countries.is_empty() {
        countries.extend(demonyms.get().iter().filter(|c| countries::may_host(c)));
    }
    // Else those that open the names of its bodies (新西兰政府).
    if countries.is_empty() {
        countries.extend(countries::of_chinese_bodies(whole.text, here).into_iter().filter(|c| countries::may_host(c)));
    }
    // Of each country, the stations the document names there, else all the record's there
    // ("two in the Netherlands, three each in the UK and Canada" in a text about the Dutch ones).
    let of_countries: Vec<&KnownStation> = countries.iter().flat_map(|c| of_country(c, known, named)).collect();
    if !of_countries.is_empty() {
        return of_countries;
    }
    // A sentence of stations the world over ("102 police bases in 53 countries") is not of
    // these.
    // The stations the text names, when they are few or all of one country ("The Chinese
    // embassy denies those claims" in a text about Canada's).
    let one_country = named.len() <= 6 && named.windows(2).all(|w| w[0].country == w[1].country);
    if (by_country || one_country) && !worldwide {
        return named.to_vec();
    }
    Vec::new()
}

/// The countries where stations may be that a sentence's `here` mentions name as countries.
fn named_countries(here: &[Mention]) -> Vec<&'static str> {
    here.iter()
        .filter_map(|m| match m.what {
            What::Place { city: None, country: Some(c) } if countries::may_host(c) => Some(c),
            _ => None,
        })
        .collect()
}

/// The stations of a country: those the document names there, else all the record's there.
fn of_country<'k>(country: &str, known: &'k Known, named: &[&'k KnownStation]) -> Vec<&'k KnownStation> {
    let in_country: Vec<&KnownStation> =
        named.iter().filter(|s| s.country.as_deref() == Some(country)).copied().collect();
    if in_country.is_empty() {
        known.stations_of_country(country)
    } else {
        in_country
    }
}
