//! Geocoding the place cells of the datasets ("Markham (Greater Toronto Area)", "unknown", "Paris (suburbs)").

use crate::{City, Gazetteer};

/// The result of geocoding a city cell within a country.
#[derive(Debug, Clone, PartialEq)]
pub enum Geocode<'a> {
    /// Placed at a city.
    City {
        /// The city.
        city: &'a City,
        /// The part of the cell that matched.
        matched: String,
        /// Set when the match went through a curated alias (a region placed at its central city).
        alias_note: Option<String>,
    },
    /// Only the country is known or could be placed; `reason` says why, for the import report.
    CountryOnly {
        /// Why no city could be placed.
        reason: String,
    },
}

/// The candidate names in a city cell, most specific first: the text before any parenthesis, its
/// parts separated by `/`, then the parts inside the parentheses.
pub fn candidate_names(cell: &str) -> Vec<String> {
    let cell = cell.trim();
    let (head, inner) = match cell.find('(') {
        Some(i) => (&cell[..i], cell[i + 1..].trim_end_matches(')')),
        None => (cell, ""),
    };
    let mut out = Vec::new();
    let mut push = |s: &str| {
        let s = s.trim().trim_matches(|c: char| c == ',' || c == ';' || c.is_whitespace());
        if !s.is_empty() && !out.iter().any(|o: &String| o == s) {
            out.push(s.to_string());
        }
    };
    push(head);
    head.split('/').for_each(&mut push);
    inner.split([',', ';', '/']).for_each(&mut push);
    out
}

fn is_unknown(cell: &str) -> bool {
    let lower = cell.trim().to_lowercase();
    lower.is_empty() || lower.starts_with("unknown") || lower.starts_with("unspecified")
}

impl Gazetteer {
    /// Places a city cell (as the datasets write it) in `country`.
    ///
    /// ```
    /// use lookout_geo::{Gazetteer, Geocode};
    /// let g = Gazetteer::bundled();
    /// match g.geocode("Markham (Greater Toronto Area)", "CA") {
    ///     Geocode::City { city, .. } => assert_eq!(city.name, "Markham"),
    ///     other => panic!("{other:?}"),
    /// }
    /// assert!(matches!(g.geocode("unknown", "PE"), Geocode::CountryOnly { .. }));
    /// ```
    pub fn geocode(&self, cell: &str, country: &str) -> Geocode<'_> {
        if is_unknown(cell) {
            return Geocode::CountryOnly { reason: format!("city not given ({:?})", cell.trim()) };
        }
        let candidates = candidate_names(cell);
        for name in &candidates {
            if let Some(city) = self.cities_named(name, country).first() {
                return Geocode::City { city, matched: name.clone(), alias_note: None };
            }
        }
        for name in &candidates {
            if let Some((city, note)) = self.alias(name, country) {
                return Geocode::City { city, matched: name.clone(), alias_note: Some(note.to_string()) };
            }
        }
        Geocode::CountryOnly {
            reason: format!("no city of the gazetteer in {country} is called {}", candidates.join(" or ")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_come_from_head_slashes_and_parentheses() {
        assert_eq!(candidate_names("New York (Manhattan, Chinatown)"), ["New York", "Manhattan", "Chinatown"]);
        assert_eq!(candidate_names("Ribeira Brava (Madeira)"), ["Ribeira Brava", "Madeira"]);
        assert_eq!(candidate_names("Quito"), ["Quito"]);
    }

    #[test]
    fn geocodes_cells_of_the_bundled_data() {
        let g = Gazetteer::bundled();
        let name = |cell: &str, cc: &str| match g.geocode(cell, cc) {
            Geocode::City { city, .. } => city.name.clone(),
            Geocode::CountryOnly { reason } => format!("none: {reason}"),
        };
        assert_eq!(name("New York (Manhattan, Chinatown)", "US"), "New York City");
        assert_eq!(name("Odessa", "UA"), "Odesa");
        assert_eq!(name("Bogotá", "CO"), "Bogotá");
        assert_eq!(name("Paris (13th arrondissement)", "FR"), "Paris");
        assert_eq!(name("Greater Toronto Area (site 2; address not in sources read)", "CA"), "Toronto");
        assert!(name("unknown (country-level only)", "KH").starts_with("none: city not given"));
        assert!(name("Atlantis", "GR").contains("no city of the gazetteer in GR is called Atlantis"));
    }
}
