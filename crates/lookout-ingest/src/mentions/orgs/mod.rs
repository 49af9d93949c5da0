//! Organisations: bodies of any kind named in English and Chinese (`english`, `chinese`), those
//! a Chinese text marks by punctuation (`zh_marks`: 〔中央社〕, 《紐約時報》報導), and the bureaus
//! and associations named from their place (`kinds`: "Fuzhou PSB", 美国长乐公会).
//! Where two finders name overlapping words, the longer name stands.

mod chinese;
mod en_names;
mod en_phrases;
mod en_portfolios;
mod en_reader;
mod english;
mod kinds;
mod lexicon;
mod zh_cuts;
mod zh_latin;
mod zh_marks;
mod zh_words;

use super::names::Memo;
use super::segment::{HanCuts, Word};
use super::{Finder, Found};

/// The organisations finders' tables, built once.
pub(crate) struct Tables {
    /// The bureaus' and associations' kinds.
    pub(crate) kinds: kinds::Tables,
    /// The word lists of names of any kind, as sets.
    pub(crate) lexicon: lexicon::Lexicon,
}

impl Tables {
    /// The tables.
    pub(crate) fn new() -> Tables {
        Tables { kinds: kinds::Tables::new(), lexicon: lexicon::Lexicon::new() }
    }
}

/// Every organisation in `text`, in order, none overlapping another; the runs of Han characters
/// cut on the way are kept in `cuts`.
pub(crate) fn find(
    finder: &Finder,
    memo: &mut Memo,
    text: &str,
    words: &[Word<'_>],
    lines: &[(usize, usize)],
    cuts: &mut HanCuts,
) -> Vec<Found> {
    let mut found = kinds::find(finder, memo, text, words);
    found.extend(english::find(&finder.names, &finder.orgs.lexicon, text, words));
    let chinese =
        chinese::find(&finder.orgs.lexicon, text, lines, cuts, &mut |w| memo.is_chinese_name(&finder.names, w));
    found.extend(zh_marks::find(text, lines, &chinese));
    found.extend(chinese);
    if !lines.is_empty() {
        found.extend(zh_latin::acronym_newsrooms(text));
    }
    found.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    for f in found {
        match out.last() {
            Some(last) if f.start < last.end => {
                // The longer of two overlapping names.
                if f.end - f.start > last.end - last.start {
                    out.pop();
                    out.push(f);
                }
            }
            _ => out.push(f),
        }
    }
    zh_latin::join(text, &mut out);
    out
}
