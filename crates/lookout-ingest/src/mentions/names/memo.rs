//! What the name tables said of the strings a worker has read, remembered by the worker across
//! its documents: documents name the same places again and again, and the tables are larger than
//! any cache. One [`Memo`] per worker, owned and passed by the caller.

use rustc_hash::FxHashMap as FastMap;

use super::common_words::COMMON_WORDS;
use super::{Cities, Names};

/// Strings remembered of each kind (then the memory starts again).
const REMEMBERED: usize = 50_000;

/// What the tables say of a Chinese string.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ChineseEntry {
    /// Whether it is a city or country name.
    pub name: bool,
    /// The cities it names, when it names cities and no country.
    pub cities: Option<Cities>,
}

/// What the tables say of a Latin word, whatever the document.
#[derive(Debug, Clone, Copy)]
pub(crate) struct WordEntry {
    /// The most words (at most three) of a city name opening with it.
    pub longest: usize,
    /// Whether some city name of two words or more has it second.
    pub second: bool,
    /// The cities it may name alone (none for a common word or a word in capitals).
    pub cities: Option<Cities>,
}

/// A worker's memory of what the name tables said.
#[derive(Debug, Default)]
pub struct Memo {
    chinese: FastMap<Box<str>, ChineseEntry>,
    words: FastMap<Box<str>, WordEntry>,
    key: String,
}

impl Memo {
    /// What the tables say of a Chinese string.
    pub(crate) fn chinese_entry(&mut self, n: &Names, s: &str) -> ChineseEntry {
        if let Some(entry) = self.chinese.get(s) {
            return *entry;
        }
        let look = |s: &str| {
            if !n.may_be_chinese_name_by_digest(s) {
                return ChineseEntry { name: false, cities: None };
            }
            let country = n.countries_zh.contains_key(s);
            let cities = n.chinese.get(s).copied();
            ChineseEntry { name: country || cities.is_some(), cities: cities.filter(|_| !country) }
        };
        // A name written in traditional characters that the tables hold in simplified ones only
        // (馬德里: GeoNames gives Madrid as 马德里).
        let entry = match look(s) {
            found if found.name => found,
            missed => {
                let simplified = lookout_text::fold(s);
                if simplified == s {
                    missed
                } else {
                    look(&simplified)
                }
            }
        };
        if self.chinese.len() >= REMEMBERED {
            self.chinese.clear();
        }
        self.chinese.insert(s.into(), entry);
        entry
    }

    /// Whether `s` is a Chinese city or country name.
    pub(crate) fn is_chinese_name(&mut self, n: &Names, s: &str) -> bool {
        self.chinese_entry(n, s).name
    }

    /// What the tables say of a Latin `word` (as written).
    pub(crate) fn word_entry(&mut self, n: &Names, word: &str) -> WordEntry {
        if let Some(entry) = self.words.get(word) {
            return *entry;
        }
        let key = &mut self.key;
        lookout_text::lower_into(word, key);
        let longest = n.latin_words.get(key).min(3);
        // No name opens with a word without a hint: the names themselves are not looked at.
        let in_capitals = word.chars().all(|c| c.is_uppercase()) && !n.capital_aliases.contains(key.as_str());
        let cities = if longest == 0 || COMMON_WORDS.contains(&key.as_str()) || in_capitals {
            None
        } else {
            n.latin.get(key.as_str()).copied()
        };
        let entry = WordEntry { longest, second: n.latin_second_words.get(key) > 0, cities };
        if self.words.len() >= REMEMBERED {
            self.words.clear();
        }
        self.words.insert(word.into(), entry);
        entry
    }
}
