//! Script classes of characters.

/// Whether `c` is a Han ideograph (CJK Unified Ideographs, Extension A, the compatibility
/// ideographs, and the supplementary planes' extensions).
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// The ordinary form of a full-width ASCII character (`Ｆ` → `F`) or of the ideographic space
/// (→ ` `), as NFKC folds them; `None` for any other character.
pub fn fold_width(c: char) -> Option<char> {
    match c as u32 {
        0x3000 => Some(' '),
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn width_folding_is_what_nfkc_does_to_those_characters() {
        for c in (0x3000..=0xFFFF).filter_map(char::from_u32) {
            if let Some(folded) = fold_width(c) {
                assert_eq!(c.to_string().nfkc().collect::<String>(), folded.to_string(), "U+{:04X}", c as u32);
            }
        }
        assert_eq!(fold_width('Ａ'), Some('A'));
        assert_eq!(fold_width('福'), None);
    }

    #[test]
    fn han_ideographs_and_nothing_else() {
        assert!(['福', '㐀', '豈', '𠀀'].into_iter().all(is_han));
        assert!(!['F', 'ひ', '，', 'é', '　'].into_iter().any(is_han));
    }
}
