//! NFKC for lines of documents, fast where text is plain: ASCII, Han ideographs, the usual CJK
//! punctuation and full-width forms (which NFKC folds one for one to ASCII) are handled character
//! by character; anything else goes through the full normalisation.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

use crate::script::fold_width;

/// NFKC of a character whose normalisation is a single character independent of its
/// neighbours, or `None` for any other character.
fn simple(c: char) -> Option<char> {
    match c as u32 {
        0..=0x7F => Some(c),
        // CJK Unified Ideographs and Extension A: no decomposition, no combining class.
        0x3400..=0x4DBF | 0x4E00..=0x9FFF => Some(c),
        // Ideographic comma and full stop, corner and angle brackets.
        0x3001 | 0x3002 | 0x3008..=0x3011 => Some(c),
        // Quotation marks and dashes in Chinese text.
        0x2013 | 0x2014 | 0x2018 | 0x2019 | 0x201C | 0x201D => Some(c),
        // The ideographic space and full-width ASCII.
        _ => fold_width(c),
    }
}

/// The NFKC form of `line`: borrowed when it is already, as most lines are.
pub fn nfkc(line: &str) -> Cow<'_, str> {
    if line.is_ascii() {
        return Cow::Borrowed(line);
    }
    // One pass: the line is copied only from its first change on, in runs between changes.
    let mut out: Option<String> = None;
    let mut copied = 0;
    let bytes = line.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        // ASCII and U+5000–U+9FFF (Han ideographs) are as they are, told by their first byte.
        match bytes[at] {
            b if b.is_ascii() => {
                at += 1;
                continue;
            }
            0xE5..=0xE9 => {
                at += 3;
                continue;
            }
            _ => {}
        }
        let c = line[at..].chars().next().expect("at a character");
        let width = c.len_utf8();
        match simple(c) {
            Some(n) if n == c => {}
            Some(n) => {
                let out = out.get_or_insert_with(|| String::with_capacity(line.len()));
                out.push_str(&line[copied..at]);
                out.push(n);
                copied = at + width;
            }
            None => {
                if unicode_normalization::is_nfkc_quick(line.chars()) == unicode_normalization::IsNormalized::Yes {
                    return Cow::Borrowed(line);
                }
                return Cow::Owned(line.nfkc().collect());
            }
        }
        at += width;
    }
    match out {
        Some(mut out) => {
            out.push_str(&line[copied..]);
            Cow::Owned(out)
        }
        None => Cow::Borrowed(line),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_characters_normalise_as_nfkc_does() {
        let ranges =
            [(0u32, 0x7F), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0x3000, 0x3011), (0x2013, 0x201D), (0xFF01, 0xFF5E)];
        for (from, to) in ranges {
            for c in (from..=to).filter_map(char::from_u32) {
                if let Some(n) = simple(c) {
                    assert_eq!(c.to_string().nfkc().collect::<String>(), n.to_string(), "U+{:04X}", c as u32);
                }
            }
        }
    }

    #[test]
    fn characters_told_by_their_first_byte_are_as_nfkc_leaves_them() {
        for c in (0x5000u32..=0x9FFF).filter_map(char::from_u32) {
            let mut bytes = [0u8; 4];
            assert!((0xE5..=0xE9).contains(&c.encode_utf8(&mut bytes).as_bytes()[0]));
            assert_eq!(c.to_string().nfkc().collect::<String>(), c.to_string(), "U+{:04X}", c as u32);
        }
        let line = "福州市公安局，在Ｒｏｔｔｅｒｄａｍ设立了１０２个ﬁve①站。";
        assert_eq!(nfkc(line), line.nfkc().collect::<String>());
    }

    #[test]
    fn lines_are_borrowed_unless_they_change() {
        assert!(matches!(nfkc("福州市公安局 in Rotterdam。"), Cow::Borrowed(_)));
        assert_eq!(nfkc("报告称，全球共有１０２个"), "报告称,全球共有102个");
        assert_eq!(nfkc("ﬁve ① café"), "five 1 café");
        assert!(matches!(nfkc("café"), Cow::Borrowed(_)));
    }
}
