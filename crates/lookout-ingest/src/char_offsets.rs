//! Character offsets of byte offsets, counted once through a text rather than from its start
//! for each one asked.

/// Character offsets of ascending byte offsets in a text, counted on from the last one asked.
pub(crate) struct CharOffsets<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharOffsets<'a> {
    /// Offsets in `text`, counted from its start.
    pub(crate) fn new(text: &'a str) -> Self {
        CharOffsets { text, byte: 0, chars: 0 }
    }

    /// The character at byte `at` (a char boundary); an offset before the last one counts again.
    pub(crate) fn at(&mut self, at: usize) -> usize {
        if at < self.byte {
            (self.byte, self.chars) = (0, 0);
        }
        self.chars += char_count(&self.text[self.byte..at]);
        self.byte = at;
        self.chars
    }
}

/// Characters in `s` (its length when ASCII).
pub(crate) fn char_count(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

#[cfg(test)]
mod tests {
    use super::CharOffsets;

    #[test]
    fn offsets_count_on_and_count_again_when_asked_backwards() {
        let text = "福州市 police 公安局";
        let mut offsets = CharOffsets::new(text);
        let byte = |w: &str| text.find(w).unwrap();
        assert_eq!(offsets.at(byte("police")), 4);
        assert_eq!(offsets.at(byte("公安局")), 11);
        assert_eq!(offsets.at(byte("police")), 4);
        assert_eq!(offsets.at(0), 0);
        assert_eq!(offsets.at(text.len()), text.chars().count());
    }
}
