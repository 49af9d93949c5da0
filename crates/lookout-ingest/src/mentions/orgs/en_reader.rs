//! The English organisations finder's view of one text: its words, and what a span of them is
//! (a place, a place's acronym, a name beside a newsroom's word, an acronym's branch).

use super::en_phrases::joined;
use super::lexicon::{Lexicon, EN_MEDIA_WORDS, PLACE_ACRONYMS};
use crate::mentions::names::Names;
use crate::mentions::segment::{capitalised, Word};

/// The finder's view of one text.
pub(super) struct Reader<'a, 't> {
    pub(super) names: &'a Names,
    pub(super) lex: &'a Lexicon,
    pub(super) text: &'t str,
    pub(super) words: &'a [Word<'t>],
}

impl Reader<'_, '_> {
    pub(super) fn word(&self, i: usize) -> &str {
        self.words[i].text
    }

    /// The body known by name (`EN_NAMES`) that opens at word `k` of the phrase ending at word
    /// `to`, of at most four words, as the words it spans. A masthead's "The" is of its name
    /// where the list writes it so ("The Guardian", "The Herald": "Herald" alone names none),
    /// but not as the first words of a longer name ("The National Security Act").
    pub(super) fn known_name(&self, k: usize, to: usize) -> Option<(usize, usize)> {
        let after_the = k > 0 && self.word(k - 1) == "The" && self.words[k - 1].end + 1 == self.words[k].start;
        let most = *self.lex.name_firsts.get(self.word(k))?;
        (k + 1..=to.min(k + most.min(4))).rev().find_map(|e| {
            let name = self.span(k, e);
            let ends = e == to || !self.word(e).starts_with(|c: char| c.is_uppercase());
            let with_the = after_the && ends && self.lex.after_the.contains(name);
            (with_the || self.lex.names.contains(name)).then_some((if with_the { k - 1 } else { k }, e))
        })
    }

    /// The words `from..to` as written.
    pub(super) fn span(&self, from: usize, to: usize) -> &str {
        &self.text[self.words[from].start..self.words[to - 1].end]
    }

    /// Whether the words name a country, a demonym or a city.
    pub(super) fn place(&self, from: usize, to: usize) -> bool {
        // A name that ends in a body's head is none (most spans asked of: told without a copy).
        if self.lex.heads.contains(self.word(to - 1)) {
            return false;
        }
        let span = self.span(from, to);
        let key = span.to_lowercase();
        self.names.countries.contains_key(&key)
            || self.names.latin.contains_key(&key)
            || crate::mentions::regions::region(span).is_some()
    }

    /// Whether an acronym names a place: a country's ("PRC", "UK") or a city's ("NYC"); the
    /// gazetteer's other short names are airport codes and the like ("CCP" is Concepción's).
    pub(super) fn place_acronym(&self, i: usize) -> bool {
        let word = self.word(i);
        self.names.countries.contains_key(&word.to_lowercase()) || PLACE_ACRONYMS.contains(&word)
    }

    /// Whether the capitalised words `from..to` stand just after or just before a word for a
    /// newsroom ("publication", "newspaper") and name no place, people or opening word ("the
    /// Dutch newspaper", "In the newspaper" are none).
    pub(super) fn beside_media_word(&self, from: usize, to: usize) -> bool {
        let gap = |a: usize, b: usize| self.text[self.words[a].end..self.words[b].start].trim();
        let after_word = from > 0
            && EN_MEDIA_WORDS.contains(&self.word(from - 1))
            && matches!(gap(from - 1, from), "" | "," | "“" | "\"" | ", “" | ",“");
        let before_word =
            to < self.words.len() && EN_MEDIA_WORDS.contains(&self.word(to)) && gap(to - 1, to).is_empty();
        (after_word || before_word)
            && !self.place(from, to)
            && !self.lex.openers.contains(self.word(from))
            && !self.lex.titles.contains(self.word(from))
            && lookout_geo::country_of_demonym(&self.word(from).to_lowercase()).is_none()
    }

    /// Where a body's acronym at word `i` ends its name: after the place or language of a branch
    /// or service that follows it ("FBI New York", "BBC Scotland", "BBC News Swahili").
    pub(super) fn branch_end(&self, i: usize) -> usize {
        let next = i + 1 + usize::from(self.words.get(i + 1).is_some_and(|w| w.text == "News"));
        let on = |k: usize| k < self.words.len() && joined(self.text, self.words, k - 1) && capitalised(self.word(k));
        if !on(i + 1) || !on(next) {
            return i + 1;
        }
        if SERVICE_LANGUAGES.contains(&self.word(next)) {
            return next + 1;
        }
        let Some(end) = (next + 1..(next + 3).min(self.words.len()) + 1)
            .rev()
            .find(|&end| (next + 1..end).all(&on) && self.place(next, end))
        else {
            return i + 1;
        };
        // The branch's word after its place is its name's too ("RCMP Quebec division").
        let unit = self
            .words
            .get(end)
            .is_some_and(|w| BRANCH_WORDS.contains(&w.text) && self.text[self.words[end - 1].end..w.start] == *" ");
        end + usize::from(unit)
    }

    /// Whether word `i` is followed by a possessive ending ("Tokyo’s").
    pub(super) fn possessive_after(&self, i: usize) -> bool {
        let after = &self.text[self.words[i].end..];
        after.starts_with("'s") || after.starts_with("’s")
    }
}

/// Words for a branch, after an acronym's place ("RCMP Quebec division").
const BRANCH_WORDS: &[&str] = &["division", "detachment", "branch", "bureau"];

/// Languages a broadcaster's service is named by ("BBC Swahili", "VOA Mandarin").
const SERVICE_LANGUAGES: &[&str] = &[
    "Arabic",
    "Cantonese",
    "Chinese",
    "Hindi",
    "Korean",
    "Mandarin",
    "Mundo",
    "Persian",
    "Russian",
    "Swahili",
    "Turkish",
    "Ukrainian",
    "Urdu",
];

/// The initials of a phrase's capitalised words ("Royal Canadian Mounted Police" → "RCMP").
pub(super) fn initials(r: &Reader<'_, '_>, from: usize, to: usize) -> String {
    (from..to).filter(|&k| capitalised(r.word(k))).filter_map(|k| r.word(k).chars().next()).collect()
}
