//! Mentions in a text: places, organisations, figures and dates, with character offsets.
//!
//! A [`Finder`] holds every table the finders read (the name tables of [`names::Names`], built from
//! lookout-geo, and the finders' own automata), built once and passed in; a [`Memo`] is one
//! worker's memory of what the name tables said of the strings it has read. The text goes
//! through: words and non-ASCII lines (`segment`), dates, figures (outside the dates), the
//! record's known names (`known`), organisations by their kind (`orgs`), places (`places`:
//! countries first, which decide among cities of one name), then one ordering of them all.

mod dates;
mod figures;
mod finder;
mod known;
mod names;
mod orgs;
mod place_shapes;
mod places;
mod region_codes;
pub(crate) mod regions;
pub(crate) mod segment;
mod times;
mod us_states;
pub(crate) mod zh_abbreviations;
mod zh_cities;
mod zh_people;
mod zh_place_suffix;
mod zh_regions;
mod zh_segments;

pub use finder::Finder;
pub use known::KnownNames;
pub use names::Memo;

use std::ops::Range;

use lookout_core::{EntityId, PartialDate};
use serde::{Deserialize, Serialize};

/// What a mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A city, region or country.
    Place,
    /// A bureau, association, chamber or other body.
    Organisation,
    /// A number with what it counts.
    Figure,
    /// An absolute date.
    Date,
}

/// What a mention is and what it resolves to.
#[derive(Debug, Clone, PartialEq)]
pub enum What {
    /// A city (with its GeoNames id), a country (with its ISO code) or a region (neither).
    Place {
        /// The city of the gazetteer, by its GeoNames id.
        city: Option<u32>,
        /// The country (ISO code): the city's, or the one named.
        country: Option<&'static str>,
    },
    /// A bureau, association, chamber or other body, with the record's entity when it is one.
    Organisation {
        /// The entity of the record it names (found by name, or linked by the matcher).
        entity: Option<EntityId>,
    },
    /// A number with what it counts.
    Figure {
        /// The number.
        value: f64,
        /// Where the words of what it counts are in the text, in bytes.
        unit: Range<usize>,
    },
    /// A date: written in full, or a time the document's date resolves ("yesterday", 11月2日).
    Date(PartialDate),
}

impl What {
    /// Its kind.
    pub fn kind(&self) -> Kind {
        match self {
            What::Place { .. } => Kind::Place,
            What::Organisation { .. } => Kind::Organisation,
            What::Figure { .. } => Kind::Figure,
            What::Date(_) => Kind::Date,
        }
    }
}

/// One mention of a text: where it is and what it resolves to. Its words are read from the text
/// ([`Mention::text_in`]); nothing of it is copied out of the text ([`Mention::record`] makes the
/// printed form).
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// What it is.
    pub what: What,
    /// Start, in characters from the start of the text.
    pub start: usize,
    /// End (exclusive), in characters.
    pub end: usize,
    /// Where it is in the text, in bytes.
    pub bytes: Range<usize>,
}

impl Mention {
    /// Its kind.
    pub fn kind(&self) -> Kind {
        self.what.kind()
    }

    /// The words of the mention, as written in `text` (the text it was found in).
    pub fn text_in<'t>(&self, text: &'t str) -> &'t str {
        &text[self.bytes.clone()]
    }

    /// The entity it resolves to: a city's place (`place-gn1810821`) or a body of the record.
    pub fn entity(&self) -> Option<EntityId> {
        match &self.what {
            What::Place { city: Some(geonameid), .. } => Some(EntityId::of_place(*geonameid)),
            What::Organisation { entity } => entity.clone(),
            _ => None,
        }
    }

    /// The mention as printed (`lookout ingest --json`), its words read from `text`.
    pub fn record(&self, text: &str) -> MentionRecord {
        let mut record = MentionRecord {
            kind: self.kind(),
            text: self.text_in(text).to_string(),
            start: self.start,
            end: self.end,
            entity_id: self.entity().map(String::from),
            country: None,
            value: None,
            unit: None,
            date: None,
        };
        match &self.what {
            What::Place { country, .. } => record.country = country.map(str::to_string),
            What::Organisation { .. } => {}
            What::Figure { value, unit } => {
                record.value = Some(*value);
                record.unit = Some(text[unit.clone()].to_string());
            }
            What::Date(date) => record.date = Some(date.to_string()),
        }
        record
    }
}

/// A mention as printed: its words and what it resolves to, as text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MentionRecord {
    /// What it is.
    pub kind: Kind,
    /// The words as written.
    pub text: String,
    /// Start, in characters from the start of the text.
    pub start: usize,
    /// End (exclusive), in characters.
    pub end: usize,
    /// The entity it resolves to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity_id: Option<String>,
    /// The country (ISO code) of a place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// A figure's value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// What a figure counts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// A date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// A mention found at byte offsets, before offsets become characters.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub what: What,
    pub start: usize,
    pub end: usize,
}

impl Found {
    /// A place.
    pub(crate) fn place(start: usize, end: usize, city: Option<u32>, country: Option<&'static str>) -> Found {
        Found { what: What::Place { city, country }, start, end }
    }

    /// An organisation.
    pub(crate) fn organisation(start: usize, end: usize, entity: Option<EntityId>) -> Found {
        Found { what: What::Organisation { entity }, start, end }
    }

    /// A figure and the bytes of what it counts.
    pub(crate) fn figure(start: usize, end: usize, value: f64, unit: Range<usize>) -> Found {
        Found { what: What::Figure { value, unit }, start, end }
    }

    /// A date.
    pub(crate) fn date(start: usize, end: usize, date: PartialDate) -> Found {
        Found { what: What::Date(date), start, end }
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! One finder for the crate's tests (its tables take a moment to build).

    use super::{Finder, KnownNames, Memo, Mention};

    /// The tests' finder.
    pub(crate) fn finder() -> &'static Finder {
        static FINDER: std::sync::OnceLock<Finder> = std::sync::OnceLock::new();
        FINDER.get_or_init(Finder::new)
    }

    /// The places [`super::places::find`] finds in `text`, each with its country.
    pub(crate) fn places_of(text: &str) -> Vec<(&str, Option<&'static str>)> {
        let (words, lines) = (super::segment::latin_words(text), super::segment::non_ascii_lines(text));
        super::places::find(&finder().names, &mut Memo::default(), text, &words, &lines, &Default::default())
            .iter()
            .map(|f| match f.what {
                super::What::Place { country, .. } => (&text[f.start..f.end], country),
                _ => unreachable!("places only"),
            })
            .collect()
    }

    /// Every mention in `text`, its relative times resolved against `published`.
    pub(crate) fn mentions_of(text: &str, published: lookout_core::PartialDate) -> Vec<Mention> {
        finder().find(text, &KnownNames::default(), &mut Memo::default(), Some(published))
    }
}
