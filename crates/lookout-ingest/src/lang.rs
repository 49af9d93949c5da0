//! Language of a text, from its letters: Chinese (Han characters), English (Latin letters), or
//! mixed when neither has three quarters.

/// `zh`, `en`, `mixed` or `und` (no letters).
pub fn detect(text: &str) -> &'static str {
    let (mut han, mut latin) = (0usize, 0usize);
    for c in text.chars().take(200_000) {
        if lookout_text::is_han(c) {
            han += 1;
        } else if c.is_ascii_alphabetic() {
            latin += 1;
        }
    }
    // A Han character carries about as much as a short English word: weigh them so.
    let (han, latin) = (han * 4, latin);
    let total = han + latin;
    if total == 0 {
        "und"
    } else if han * 4 >= total * 3 {
        "zh"
    } else if latin * 4 >= total * 3 {
        "en"
    } else {
        "mixed"
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn scripts_decide() {
        assert_eq!(super::detect("福州市公安局在海外设立了服务站。"), "zh");
        assert_eq!(super::detect("The Fuzhou Public Security Bureau opened stations abroad."), "en");
        assert_eq!(
            super::detect("The 福州市公安局 (Fuzhou PSB) opened 海外110 stations in many places abroad."),
            "mixed"
        );
        assert_eq!(super::detect("1234 —"), "und");
    }
}
