//! Name indexes built once from the bundled gazetteer: cities by their Latin and Chinese names,
//! countries by name, Chinese name and demonym, and Chinese provinces.

use rustc_hash::FxHashMap as FastMap;
use std::sync::OnceLock;

use lookout_geo::Gazetteer;

/// The indexes.
pub struct Names {
    /// Lower-case Latin name → cities (by position).
    pub latin: FastMap<String, Vec<u32>>,
    /// Chinese name (simplified; with and without 市/县/区) → cities.
    pub chinese: FastMap<String, Vec<u32>>,
    /// Lower-case English country name or demonym → ISO code.
    pub countries: FastMap<String, String>,
    /// Chinese country name → ISO code.
    pub countries_zh: FastMap<String, String>,
    /// First word (lower case) of a Latin city name → the most words a name opening with it has.
    pub latin_words: WordHints,
    /// First word (lower case) of an English country name or demonym → the most words.
    pub country_words: WordHints,
    /// The second words (lower case) of Latin city names of two words or more: a capitalised
    /// word followed by none of them opens no such name.
    pub latin_second_words: WordHints,
    /// The first two characters of every Chinese city and country name → the lengths (in
    /// characters, a bit each) of the names opening with them: a run of
    /// Chinese is told to name none without segmenting it, and a name is looked up only at the
    /// lengths some name has.
    chinese_openings: FastMap<[char; 2], u32>,
    /// Chinese names of one character.
    pub chinese_singles: FastSet<char>,
    /// Every Chinese city and country name, by digest: a name that is not one is told by one
    /// probe of a table of numbers rather than of the tables of strings (see [`WordHints`]).
    pub chinese_names: WordHints,
    /// The first characters of those names, as a bit per character of the common Han blocks
    /// (U+3400–U+9FFF): most characters of a text open no name, told without hashing.
    chinese_firsts: Vec<u64>,
    /// What mentions need of each city, by position, in one compact table.
    city_facts: Vec<CityFacts>,
}

/// The countries a document names, by ISO code: a bit per code of two capital letters (a long
/// document names a hundred countries, asked about for every city it may name).
#[derive(Debug, Default)]
pub struct DocCountries {
    bits: [u64; 11],
    /// Codes of another shape (none in the bundled data).
    other: Vec<&'static str>,
}

impl DocCountries {
    /// The bit of a code of two capital letters.
    fn bit(code: &str) -> Option<usize> {
        match *code.as_bytes() {
            [a @ b'A'..=b'Z', b @ b'A'..=b'Z'] => Some(usize::from(a - b'A') * 26 + usize::from(b - b'A')),
            _ => None,
        }
    }

    /// Adds a country.
    pub fn insert(&mut self, code: &'static str) {
        match Self::bit(code) {
            Some(bit) => self.bits[bit / 64] |= 1 << (bit % 64),
            None if !self.other.contains(&code) => self.other.push(code),
            None => {}
        }
    }

    /// Whether the document names the country.
    pub fn contains(&self, code: &str) -> bool {
        match Self::bit(code) {
            Some(bit) => self.bits[bit / 64] & (1 << (bit % 64)) != 0,
            None => self.other.contains(&code),
        }
    }
}

/// Chinese strings remembered per thread by [`Names::chinese_entry`].
const NAMES_REMEMBERED: usize = 50_000;

/// What the tables say of a Chinese string.
#[derive(Debug, Clone, Copy)]
pub struct ChineseEntry {
    /// Whether it is a city or country name.
    pub name: bool,
    /// The cities it names, when it names cities and no country.
    pub cities: Option<&'static [u32]>,
}

/// What mentions need of a city: its entity id (`geonames:ID`, borrowed by each place mention
/// rather than written out), country and population, kept together because the gazetteer's
/// records are far apart in memory and each was read for every mention.
#[derive(Debug, Clone, Copy)]
pub struct CityFacts {
    /// `geonames:ID`.
    pub id: &'static str,
    /// ISO code of its country.
    pub country: &'static str,
    /// Population.
    pub population: u64,
}

/// The Han characters [`Names::chinese_firsts`] has a bit for.
const FIRSTS_FROM: u32 = 0x3400;
const FIRSTS_TO: u32 = 0x9FFF;

type FastSet<T> = std::collections::HashSet<T, rustc_hash::FxBuildHasher>;

/// Hints about words, looked up for nearly every capitalised word of a text: a number per word,
/// keyed by a 64-bit digest of the word rather than the word itself, so that a lookup reads one
/// small table instead of following a pointer to each key (the gazetteer's names make these
/// tables larger than any cache). Two words sharing a digest would only make a caller try a
/// name that is then not found: hints never decide a match.
#[derive(Default)]
pub struct WordHints(FastMap<u64, usize>);

impl WordHints {
    fn digest(word: &str) -> u64 {
        use std::hash::Hasher;
        let mut hasher = rustc_hash::FxHasher::default();
        hasher.write(word.as_bytes());
        hasher.finish()
    }

    /// The number for `word` (0 for a word without one).
    pub fn get(&self, word: &str) -> usize {
        self.0.get(&Self::digest(word)).copied().unwrap_or(0)
    }

    /// Raises the number for `word` to at least `n`.
    fn raise(&mut self, word: &str, n: usize) {
        let entry = self.0.entry(Self::digest(word)).or_default();
        *entry = (*entry).max(n);
    }
}

/// First word → the most words of a key opening with it.
fn first_words<'a>(keys: impl Iterator<Item = &'a String>) -> WordHints {
    let mut out = WordHints::default();
    for key in keys {
        let mut words = key.split_whitespace();
        let Some(first) = words.next() else { continue };
        out.raise(first, 1 + words.count());
    }
    out
}

/// Second word of every key of two words or more → 1.
fn second_words<'a>(keys: impl Iterator<Item = &'a String>) -> WordHints {
    let mut out = WordHints::default();
    for second in keys.filter_map(|k| k.split_whitespace().nth(1)) {
        out.raise(second, 1);
    }
    out
}

/// The indexes, built on first use.
pub fn names() -> &'static Names {
    static NAMES: OnceLock<Names> = OnceLock::new();
    NAMES.get_or_init(|| {
        let gazetteer = Gazetteer::shared();
        let city_names = lookout_geo::CityNames::shared();
        let mut latin: FastMap<String, Vec<u32>> =
            city_names.latin().map(|(name, cities)| (name.to_string(), cities.to_vec())).collect();
        let mut chinese: FastMap<String, Vec<u32>> = city_names
            .chinese()
            .filter(|(name, _)| (2..=MOST_CHARS).contains(&name.chars().count()))
            .map(|(name, cities)| (name.to_string(), cities.to_vec()))
            .collect();
        // Curated aliases: places below the gazetteer's population cut that matter here
        // (青田 Qingtian, 长乐 Changle), placed at the city they belong to.
        let index_of: std::collections::HashMap<u32, u32> =
            gazetteer.cities().iter().enumerate().map(|(i, c)| (c.geonameid, i as u32)).collect();
        for (alias, city) in gazetteer.aliases() {
            let Some(&i) = index_of.get(&city.geonameid) else { continue };
            let key = if alias.chars().any(lookout_text::is_han) { alias.to_string() } else { alias.to_lowercase() };
            let map = if alias.chars().any(lookout_text::is_han) { &mut chinese } else { &mut latin };
            let list = map.entry(key).or_default();
            if !list.contains(&i) {
                list.push(i);
            }
        }
        let country_names = lookout_geo::CountryNames::shared();
        let countries: FastMap<String, String> =
            country_names.english_and_demonyms().map(|(name, code)| (name.to_string(), code.to_string())).collect();
        let countries_zh: FastMap<String, String> =
            country_names.chinese().map(|(name, code)| (name.to_string(), code.to_string())).collect();
        let latin_words = first_words(latin.keys());
        let latin_second_words = second_words(latin.keys());
        let country_words = first_words(countries.keys());
        let (mut chinese_openings, mut chinese_singles) = (FastMap::default(), FastSet::default());
        let mut chinese_names = WordHints::default();
        let mut chinese_firsts = vec![0u64; ((FIRSTS_TO - FIRSTS_FROM) / 64 + 1) as usize];
        for name in chinese.keys().chain(countries_zh.keys()) {
            chinese_names.raise(name, 1);
            if let Some(first) = name.chars().next().map(u32::from).filter(|c| (FIRSTS_FROM..=FIRSTS_TO).contains(c)) {
                let bit = first - FIRSTS_FROM;
                chinese_firsts[(bit / 64) as usize] |= 1 << (bit % 64);
            }
            let mut chars = name.chars();
            match (chars.next(), chars.next()) {
                (Some(a), Some(b)) if name.chars().count() <= MOST_CHARS => {
                    *chinese_openings.entry([a, b]).or_default() |= 1 << name.chars().count()
                }
                (Some(a), None) => {
                    chinese_singles.insert(a);
                }
                _ => {}
            };
        }
        // The ids in one string for the life of the process (the indexes are built once).
        let mut ids = String::new();
        let mut spans = Vec::with_capacity(gazetteer.cities().len());
        for city in gazetteer.cities() {
            use std::fmt::Write;
            let start = ids.len();
            write!(ids, "geonames:{}", city.geonameid).expect("writing to a string");
            spans.push(start..ids.len());
        }
        let ids: &'static str = Box::leak(ids.into_boxed_str());
        let city_facts = gazetteer
            .cities()
            .iter()
            .zip(spans)
            .map(|(city, span)| CityFacts {
                id: &ids[span],
                country: city.country.as_str(),
                population: city.population,
            })
            .collect();
        Names {
            city_facts,
            latin,
            chinese,
            countries,
            countries_zh,
            latin_words,
            country_words,
            latin_second_words,
            chinese_openings,
            chinese_singles,
            chinese_names,
            chinese_firsts,
        }
    })
}

/// The most characters a Chinese name of the indexes has: longer ones are left out (the
/// gazetteer's longest has 13), so that [`Names::chinese_openings`] has a bit for every length.
const MOST_CHARS: usize = 31;

impl Names {
    /// Whether a run of Chinese holds a Chinese city or country name somewhere in it (as
    /// characters, whatever its segmentation): a run that holds none need not be segmented.
    pub fn names_place(&self, run: &str) -> bool {
        let mut chars = run.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            // Most characters open no name, told by a bit (names of one character among them).
            if !self.may_open_name(c) {
                continue;
            }
            if self.chinese_singles.contains(&c) {
                return true;
            }
            let Some(&(_, next)) = chars.peek() else { return false };
            if self.chinese_openings.contains_key(&[c, next]) && self.names_place_at(&run[at..]) {
                return true;
            }
        }
        false
    }

    /// Whether a Chinese city or country name opens `s` (or, rarely, a string with a name's
    /// digest: then a run is segmented that did not need to be).
    fn names_place_at(&self, s: &str) -> bool {
        self.chinese_name_end(s, MOST_CHARS, |head| self.chinese_names.get(head) > 0).is_some()
    }

    /// Whether `s` may be a Chinese city or country name of two characters or more: some name of
    /// its length opens with its first two characters (told without hashing `s`).
    pub fn may_be_chinese_name(&self, s: &str) -> bool {
        let mut chars = s.chars();
        let (Some(a), Some(b)) = (chars.next(), chars.next()) else { return false };
        let lengths = self.opening_lengths([a, b]);
        lengths != 0 && {
            let count = 2 + chars.count();
            count <= MOST_CHARS && lengths & (1 << count) != 0
        }
    }

    /// Whether `s` is a Chinese city or country name.
    pub fn is_chinese_name(&'static self, s: &str) -> bool {
        self.chinese_entry(s).name
    }

    /// What the tables say of a Chinese string, from the thread's strings when it is among them
    /// (documents name the same places again and again, and the tables are larger than any
    /// cache; up to [`NAMES_REMEMBERED`] are kept).
    pub fn chinese_entry(&'static self, s: &str) -> ChineseEntry {
        thread_local! {
            static SEEN: std::cell::RefCell<FastMap<Box<str>, ChineseEntry>> = std::cell::RefCell::default();
        }
        SEEN.with_borrow_mut(|seen| {
            if let Some(entry) = seen.get(s) {
                return *entry;
            }
            let entry = if self.chinese_names.get(s) == 0 {
                ChineseEntry { name: false, cities: None }
            } else {
                let country = self.countries_zh.contains_key(s);
                let cities = self.chinese.get(s).map(Vec::as_slice);
                ChineseEntry { name: country || cities.is_some(), cities: cities.filter(|_| !country) }
            };
            if seen.len() >= NAMES_REMEMBERED {
                seen.clear();
            }
            seen.insert(s.into(), entry);
            entry
        })
    }

    /// The byte length of the longest opening of `s`, of two to `most` characters, that
    /// `is_name` takes, tried only at the lengths that the Chinese city and country names opening
    /// with its first two characters have; `None` when none is taken.
    pub fn chinese_name_end(&self, s: &str, most: usize, is_name: impl Fn(&str) -> bool) -> Option<usize> {
        let mut chars = s.chars();
        let lengths = self.opening_lengths([chars.next()?, chars.next()?]);
        if lengths == 0 {
            return None;
        }
        let longest = ((31 - lengths.leading_zeros()) as usize).min(most);
        // The byte end of the first `len` characters, for each `len` a name could have.
        let mut ends = [0usize; 32];
        let mut count = 0;
        for (i, c) in s.char_indices().take(longest) {
            count += 1;
            ends[count] = i + c.len_utf8();
        }
        (2..=count).rev().filter(|len| lengths & (1 << len) != 0).map(|len| ends[len]).find(|&end| is_name(&s[..end]))
    }

    /// The lengths of the names opening with two characters (a bit per length).
    fn opening_lengths(&self, opening: [char; 2]) -> u32 {
        if !self.may_open_name(opening[0]) {
            return 0;
        }
        self.chinese_openings.get(&opening).copied().unwrap_or(0)
    }

    /// Whether a Chinese city or country name may open with `c` (always, outside the common Han
    /// blocks: the caller then asks the table).
    pub fn may_open_name(&self, c: char) -> bool {
        let c = u32::from(c);
        if !(FIRSTS_FROM..=FIRSTS_TO).contains(&c) {
            return true;
        }
        let bit = c - FIRSTS_FROM;
        self.chinese_firsts[(bit / 64) as usize] & (1 << (bit % 64)) != 0
    }

    /// What mentions need of the city at a position.
    pub fn city_facts(&self, i: u32) -> CityFacts {
        self.city_facts[i as usize]
    }

    /// Picks among cities of one name: one in a country the document names, else the most
    /// populous.
    pub fn pick(&self, candidates: &[u32], doc_countries: &DocCountries) -> u32 {
        if let [only] = candidates {
            return *only;
        }
        let in_doc = |i: &u32| {
            let country = self.city_facts(*i).country;
            doc_countries.contains(country)
        };
        let pool_is_doc = candidates.iter().any(in_doc);
        candidates
            .iter()
            .copied()
            .filter(|i| !pool_is_doc || in_doc(i))
            .max_by_key(|i| self.city_facts(*i).population)
            .unwrap_or(candidates[0])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_city_s_facts_are_its_own() {
        let n = names();
        let cities = Gazetteer::shared().cities();
        assert_eq!(n.city_facts.len(), cities.len());
        for (i, city) in cities.iter().enumerate() {
            let facts = n.city_facts(i as u32);
            assert_eq!(facts.id, format!("geonames:{}", city.geonameid));
            assert_eq!((facts.country, facts.population), (city.country.as_str(), city.population));
        }
    }

    #[test]
    fn a_document_s_countries_are_told_by_code() {
        let mut doc = DocCountries::default();
        for code in ["NL", "ZZ", "AA", "x1", "NL"] {
            doc.insert(code);
        }
        assert!(["NL", "ZZ", "AA", "x1"].iter().all(|c| doc.contains(c)));
        assert!(!["CN", "NM", "x2", "", "N"].iter().any(|c| doc.contains(c)));
        assert_eq!(doc.other, ["x1"]);
    }

    #[test]
    fn chinese_strings_are_what_the_tables_say_remembered_or_not() {
        let n = names();
        for _ in 0..2 {
            let fuzhou = n.chinese_entry("福州");
            assert!(fuzhou.name && fuzhou.cities.is_some_and(|c| !c.is_empty()));
            let netherlands = n.chinese_entry("荷兰");
            assert!(netherlands.name && netherlands.cities.is_none(), "a country is no city");
            let none = n.chinese_entry("公安局");
            assert!(!none.name && none.cities.is_none());
            assert!(n.is_chinese_name("福州") && !n.is_chinese_name("负责人"));
        }
    }

    #[test]
    fn a_run_names_a_place_only_if_a_whole_name_is_in_it() {
        let n = names();
        assert!(n.names_place("米兰的兴义同乡会负责人于"));
        assert!(n.names_place("在荷兰设立"));
        assert!(!n.names_place("报告称"));
        // Names of three characters or more whose first two are no name: the two alone open a
        // name but name none.
        let mut tried = 0;
        for name in n.chinese.keys().filter(|k| k.chars().count() >= 3).take(2000) {
            let two: String = name.chars().take(2).collect();
            if n.chinese.contains_key(&two)
                || n.countries_zh.contains_key(&two)
                || two.chars().any(|c| n.chinese_singles.contains(&c))
            {
                continue;
            }
            tried += 1;
            assert!(!n.names_place(&two), "{two} (from {name})");
            assert!(n.names_place(&format!("在{name}设立")), "{name}");
            let longest = n.chinese_name_end(&format!("{name}设立"), MOST_CHARS, |h| n.chinese.contains_key(h));
            assert!(longest.is_some_and(|end| end >= name.len()), "{name}: {longest:?}");
        }
        assert!(tried > 100, "{tried}");
    }
}
