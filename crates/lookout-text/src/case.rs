//! Lower case without a new string per word.

/// `s` in lower case, into `buf` (cleared first; ASCII without the Unicode tables).
pub fn lower_into(s: &str, buf: &mut String) {
    buf.clear();
    if s.is_ascii() {
        buf.push_str(s);
        buf.make_ascii_lowercase();
    } else {
        buf.extend(s.chars().flat_map(char::to_lowercase));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn lower_case_as_the_standard_library_gives_it() {
        let mut buf = String::from("left over");
        for s in ["Fuzhou PSB", "ÉCOLE", "İstanbul", "福州 ABC"] {
            super::lower_into(s, &mut buf);
            assert_eq!(buf, s.to_lowercase());
        }
    }
}
