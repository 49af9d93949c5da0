//! The countries one document names.

/// The countries a document names, by ISO code: a bit per code of two capital letters (a long
/// document names a hundred countries, asked about for every city it may name).
#[derive(Debug, Default)]
pub(crate) struct DocCountries {
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
    pub(crate) fn insert(&mut self, code: &'static str) {
        match Self::bit(code) {
            Some(bit) => self.bits[bit / 64] |= 1 << (bit % 64),
            None if !self.other.contains(&code) => self.other.push(code),
            None => {}
        }
    }

    /// Whether the document names the country.
    pub(crate) fn contains(&self, code: &str) -> bool {
        match Self::bit(code) {
            Some(bit) => self.bits[bit / 64] & (1 << (bit % 64)) != 0,
            None => self.other.contains(&code),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
