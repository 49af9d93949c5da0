//! Mentions in a text: places, organisations, figures and dates, with character offsets.

mod dates;
mod figures;
mod known;
mod names;
mod orgs;
mod places;
pub(crate) mod segment;

pub use known::KnownNames;

use std::borrow::Cow;
use std::ops::Range;

use lookout_core::PartialDate;
use serde::Serialize;

/// What a mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
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

/// One mention of a text: where it is and what it resolves to. Its words are read from the text
/// ([`Mention::text_in`]); nothing of it is copied out of the text, so that finding the mentions
/// of a document makes no string per mention ([`Mention::record`] makes the printable form).
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// What it is.
    pub kind: Kind,
    /// Start, in characters from the start of the text.
    pub start: usize,
    /// End (exclusive), in characters.
    pub end: usize,
    /// Where it is in the text, in bytes.
    pub bytes: Range<usize>,
    /// The entity it resolves to (`geonames:ID` for a city, an id of the store for a body).
    pub entity_id: Option<Cow<'static, str>>,
    /// The country (ISO code) of a place.
    pub country: Option<&'static str>,
    /// A figure's value.
    pub value: Option<f64>,
    /// Where the words of what a figure counts are in the text, in bytes.
    pub unit: Option<Range<usize>>,
    /// A date.
    pub date: Option<PartialDate>,
}

impl Mention {
    /// The words of the mention, as written in `text` (the text it was found in).
    pub fn text_in<'t>(&self, text: &'t str) -> &'t str {
        &text[self.bytes.clone()]
    }

    /// What a figure counts, as written in `text`.
    pub fn unit_in<'t>(&self, text: &'t str) -> Option<&'t str> {
        self.unit.clone().map(|u| &text[u])
    }

    /// The mention as printed (`lookout ingest --json`), its words read from `text`.
    pub fn record(&self, text: &str) -> MentionRecord {
        MentionRecord {
            kind: self.kind,
            text: self.text_in(text).to_string(),
            start: self.start,
            end: self.end,
            entity_id: self.entity_id.as_deref().map(str::to_string),
            country: self.country.map(str::to_string),
            value: self.value,
            unit: self.unit_in(text).map(str::to_string),
            date: self.date.map(|d| d.to_string()),
        }
    }
}

/// A mention as printed: its words and what it resolves to, as text.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    pub entity_id: Option<Cow<'static, str>>,
    pub country: Option<&'static str>,
    pub value: Option<f64>,
    pub unit: Option<Range<usize>>,
    pub date: Option<PartialDate>,
}

impl Found {
    pub(crate) fn new(kind: Kind, start: usize, end: usize) -> Found {
        Found { kind, start, end, entity_id: None, country: None, value: None, unit: None, date: None }
    }
}

/// Every mention in `text`, in order.
pub fn extract_mentions(text: &str) -> Vec<Mention> {
    extract_mentions_knowing(text, &KnownNames::default())
}

/// Every mention in `text`, in order, the record's `known` bureaus and organisations among them
/// by name (each with its entity). Where a known name and a name found by its kind overlap, the
/// known name stands.
pub fn extract_mentions_knowing(text: &str, known: &KnownNames) -> Vec<Mention> {
    let words = segment::latin_words(text);
    let lines = segment::non_ascii_lines(text);
    let dates = dates::find(text, &words);
    let figures = figures::find(text, &words, &lines, &dates);
    let named = known.find(text, &words, &lines);
    let overlaps_named = |f: &Found| named.iter().any(|n| f.start < n.end && n.start < f.end);
    let orgs: Vec<Found> = orgs::find(text, &words).into_iter().filter(|f| !overlaps_named(f)).collect();
    let places = places::find(text, &words, &lines);
    let found: Vec<Found> = dates.into_iter().chain(figures).chain(named).chain(orgs).chain(places).collect();
    // In order of the text: small keys sorted (each finder gives its mentions in order, so the
    // keys are a few sorted runs, which a stable sort merges), the mentions themselves moved once.
    let mut order: Vec<(usize, std::cmp::Reverse<usize>, Kind, u32)> =
        found.iter().enumerate().map(|(i, f)| (f.start, std::cmp::Reverse(f.end), f.kind, i as u32)).collect();
    order.sort();
    // Byte offsets → character offsets: starts come in order, so one cursor walks the text once;
    // an end is its start plus the characters of the mention.
    let (mut byte, mut chars) = (0usize, 0usize);
    let mut found = found;
    order
        .into_iter()
        .map(|(.., i)| {
            // Each mention's parts are taken from it once (no copy of the mentions themselves).
            let f = &mut found[i as usize];
            chars += char_count(&text[byte..f.start]);
            byte = f.start;
            let words = &text[f.start..f.end];
            Mention {
                kind: f.kind,
                start: chars,
                end: chars + char_count(words),
                bytes: f.start..f.end,
                entity_id: f.entity_id.take(),
                country: f.country,
                value: f.value,
                unit: f.unit.take(),
                date: f.date,
            }
        })
        .collect()
}

/// Characters in `s` (its length when ASCII).
fn char_count(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}
