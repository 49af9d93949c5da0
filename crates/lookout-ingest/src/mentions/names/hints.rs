//! Hints about words, keyed by a digest of the word.

use rustc_hash::FxHashMap as FastMap;

/// Hints about words, looked up for nearly every capitalised word of a text: a number per word,
/// keyed by a 64-bit digest of the word rather than the word itself, so that a lookup reads one
/// small table instead of following a pointer to each key (the gazetteer's names make these
/// tables larger than any cache). Two words sharing a digest would only make a caller try a
/// name that is then not found: hints never decide a match.
#[derive(Default)]
pub(crate) struct WordHints(FastMap<u64, usize>);

impl WordHints {
    fn digest(word: &str) -> u64 {
        use std::hash::Hasher;
        let mut hasher = rustc_hash::FxHasher::default();
        hasher.write(word.as_bytes());
        hasher.finish()
    }

    /// The number for `word` (0 for a word without one).
    pub(crate) fn get(&self, word: &str) -> usize {
        self.0.get(&Self::digest(word)).copied().unwrap_or(0)
    }

    /// Raises the number for `word` to at least `n`.
    pub(crate) fn raise(&mut self, word: &str, n: usize) {
        let entry = self.0.entry(Self::digest(word)).or_default();
        *entry = (*entry).max(n);
    }

    /// First word of each key → the most words of a key opening with it.
    pub(crate) fn first_words<'a>(keys: impl Iterator<Item = &'a String>) -> WordHints {
        let mut out = WordHints::default();
        for key in keys {
            let mut words = key.split_whitespace();
            let Some(first) = words.next() else { continue };
            out.raise(first, 1 + words.count());
        }
        out
    }

    /// Second word of every key of two words or more → 1.
    pub(crate) fn second_words<'a>(keys: impl Iterator<Item = &'a String>) -> WordHints {
        let mut out = WordHints::default();
        for second in keys.filter_map(|k| k.split_whitespace().nth(1)) {
            out.raise(second, 1);
        }
        out
    }
}
