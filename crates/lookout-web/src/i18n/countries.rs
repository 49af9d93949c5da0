//! Country names in the interface language.

use super::lang::Lang;

/// The country table seen in one language: names in that language, codes as they are.
#[derive(Clone, Copy)]
pub struct Localized<'a> {
    /// The table.
    pub countries: &'a lookout_geo::Countries,
    /// The language.
    pub lang: Lang,
}

impl Localized<'_> {
    /// The country with this code.
    pub fn get(&self, code: &str) -> Option<&lookout_geo::Country> {
        self.countries.get(code)
    }

    /// The country's name in the language (English where no translation exists; the code if unknown).
    pub fn name(&self, code: &str) -> String {
        match (self.countries.get(code), self.lang) {
            (Some(c), Lang::Zh) => c.zh_hans.clone().unwrap_or_else(|| c.name.clone()),
            (Some(c), Lang::En) => c.name.clone(),
            (None, _) => code.to_string(),
        }
    }
}
