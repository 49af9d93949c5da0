//! Regions named by their postal codes where a text uses them as such: a member of Congress's
//! state after the party ("Rep. Mark Green (R-TN)"), a state or province after a city found
//! ("Houston, TX"; not a doctor's "Green, MD"), and New South Wales's NSW, which names nothing
//! else. Each is a place mention of its country.

use super::segment::Word;
use super::Found;

/// The United States' states by postal code (DC, after Washington, is the city's own name).
const US_STATES: &[&str] = &[
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME",
    "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA",
    "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
];

/// Canada's provinces and territories by postal code.
const CA_PROVINCES: &[&str] = &["AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"];

/// The country of a state's or province's code after a city: a code both countries use is the
/// United States' unless a Canadian city's text says otherwise, which this does not guess.
fn country_of_code(code: &str) -> Option<&'static str> {
    if US_STATES.contains(&code) {
        Some("US")
    } else if CA_PROVINCES.contains(&code) {
        Some("CA")
    } else {
        None
    }
}

/// Canada's provinces as the Canadian Press abbreviates them after a city ("Markham, Ont.").
const CA_PRESS_ABBREVIATIONS: &[&str] =
    &["Ont.", "Que.", "B.C.", "Alta.", "Sask.", "Man.", "N.S.", "N.B.", "N.L.", "Nfld.", "P.E.I.", "N.W.T."];

/// Every region `text` names by code, by its `words`, into `out`; `places` are the places found
/// so far, the cities a code may follow.
pub(super) fn find(text: &str, words: &[Word<'_>], places: &[Found], out: &mut Vec<Found>) {
    for city in places {
        let Some(after) = text[city.end..].strip_prefix(", ") else { continue };
        let at = city.end + 2;
        if let Some(abbreviation) = CA_PRESS_ABBREVIATIONS
            .iter()
            .find(|a| after.starts_with(**a) && !after[a.len()..].starts_with(char::is_alphanumeric))
        {
            out.push(Found::place(at, at + abbreviation.len(), None, Some("CA")));
        }
    }
    for (i, w) in words.iter().enumerate() {
        let bytes = w.text.as_bytes();
        // Most words are not two or three capitals, or a party's letter and a state: asked first.
        if !(2..=4).contains(&bytes.len()) || !bytes[bytes.len() - 1].is_ascii_uppercase() {
            continue;
        }
        if w.text == "NSW" {
            out.push(Found::place(w.start, w.end, None, Some("AU")));
            continue;
        }
        // "(R-TN)", "(D-NY)": a member of Congress's party and state.
        if let Some(code) =
            w.text.strip_prefix("R-").or_else(|| w.text.strip_prefix("D-")).or(w.text.strip_prefix("I-"))
        {
            if text[..w.start].ends_with('(') && text[w.end..].starts_with(')') && US_STATES.contains(&code) {
                out.push(Found::place(w.end - code.len(), w.end, None, Some("US")));
            }
            continue;
        }
        // "Houston, TX": a city, a comma, the code, and no letter after it.
        let after_city = i > 0
            && text[words[i - 1].end..w.start] == *", "
            && places.iter().any(|p| p.end == words[i - 1].end)
            && !text[w.end..].starts_with(char::is_alphanumeric);
        if after_city && bytes.len() == 2 && bytes.iter().all(u8::is_ascii_uppercase) {
            if let Some(country) = country_of_code(w.text) {
                out.push(Found::place(w.start, w.end, None, Some(country)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Vec<(&str, Option<&str>)> {
        let words = crate::mentions::segment::latin_words(text);
        let cities: Vec<Found> = ["Houston", "St. Paul"]
            .iter()
            .filter_map(|c| text.find(c).map(|at| Found::place(at, at + c.len(), None, Some("US"))))
            .collect();
        let mut out = Vec::new();
        find(text, &words, &cities, &mut out);
        out.iter()
            .map(|f| match f.what {
                crate::mentions::What::Place { country, .. } => (&text[f.start..f.end], country),
                _ => unreachable!("places only"),
            })
            .collect()
    }

    #[test]
    fn a_state_s_code_is_a_place_where_it_is_used_as_one() {
        assert_eq!(
            codes("Chairman Mark E. Green, MD (R-TN) and Chairman August Pfluger (R-TX) wrote"),
            [("TN", Some("US")), ("TX", Some("US"))]
        );
        assert_eq!(codes("Kildonan—St. Paul, MB and Houston, TX."), [("MB", Some("CA")), ("TX", Some("US"))]);
        assert_eq!(codes("a NSW man was charged"), [("NSW", Some("AU"))]);
        assert_eq!(codes("in Houston, Ont., and Houston, Que"), [("Ont.", Some("CA"))]);
        // A code not after a city (a doctor's MD), or an acronym that is no code, is none.
        assert!(codes("IN the US, OR in Canada; Beijing, PRC; Mark Green, MD said; (R-XX)").is_empty());
    }
}
