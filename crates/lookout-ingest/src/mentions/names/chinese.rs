//! Chinese names in running text: whether a run of Chinese holds a city or country name, and at
//! which lengths a name may open a string, told from the names' first characters before any
//! table of strings is read.

use rustc_hash::FxHashMap as FastMap;

use super::{FastSet, Names, WordHints, MOST_CHARS};

/// The Han characters the first-character bits cover.
const FIRSTS_FROM: u32 = 0x3400;
const FIRSTS_TO: u32 = 0x9FFF;

/// What the names' openings are: the lengths of the names opening with each two characters (a
/// bit per length), the names of one character, every name by digest, and a bit per Han
/// character that opens a name.
pub(super) fn openings<'a>(
    names: impl Iterator<Item = &'a String>,
) -> (FastMap<[char; 2], u32>, FastSet<char>, WordHints, Vec<u64>) {
    let (mut openings, mut singles) = (FastMap::default(), FastSet::default());
    let mut digests = WordHints::default();
    let mut firsts = vec![0u64; ((FIRSTS_TO - FIRSTS_FROM) / 64 + 1) as usize];
    for name in names {
        digests.raise(name, 1);
        if let Some(first) = name.chars().next().map(u32::from).filter(|c| (FIRSTS_FROM..=FIRSTS_TO).contains(c)) {
            let bit = first - FIRSTS_FROM;
            firsts[(bit / 64) as usize] |= 1 << (bit % 64);
        }
        let mut chars = name.chars();
        match (chars.next(), chars.next()) {
            (Some(a), Some(b)) if name.chars().count() <= MOST_CHARS => {
                *openings.entry([a, b]).or_default() |= 1 << name.chars().count()
            }
            (Some(a), None) => {
                singles.insert(a);
            }
            _ => {}
        };
    }
    (openings, singles, digests, firsts)
}

impl Names {
    /// Whether a run of Chinese holds a Chinese city or country name somewhere in it (as
    /// characters, whatever its segmentation): a run that holds none need not be segmented.
    pub(crate) fn names_place(&self, run: &str) -> bool {
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

    /// Whether `s` is, by digest, a Chinese city or country name (never a false "no").
    pub(crate) fn may_be_chinese_name_by_digest(&self, s: &str) -> bool {
        self.chinese_names.get(s) > 0
    }

    /// Whether `s` may be a Chinese city or country name of two characters or more: some name of
    /// its length opens with its first two characters (told without hashing `s`).
    pub(crate) fn may_be_chinese_name(&self, s: &str) -> bool {
        let mut chars = s.chars();
        let (Some(a), Some(b)) = (chars.next(), chars.next()) else { return false };
        let lengths = self.opening_lengths([a, b]);
        lengths != 0 && {
            let count = 2 + chars.count();
            count <= MOST_CHARS && lengths & (1 << count) != 0
        }
    }

    /// The byte length of the longest opening of `s`, of two to `most` characters, that
    /// `is_name` takes, tried only at the lengths that the Chinese city and country names opening
    /// with its first two characters have; `None` when none is taken.
    pub(crate) fn chinese_name_end(
        &self,
        s: &str,
        most: usize,
        mut is_name: impl FnMut(&str) -> bool,
    ) -> Option<usize> {
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
    fn may_open_name(&self, c: char) -> bool {
        let c = u32::from(c);
        if !(FIRSTS_FROM..=FIRSTS_TO).contains(&c) {
            return true;
        }
        let bit = c - FIRSTS_FROM;
        self.chinese_firsts[(bit / 64) as usize] & (1 << (bit % 64)) != 0
    }
}
