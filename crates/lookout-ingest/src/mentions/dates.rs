//! Absolute dates: `12 September 2022`, `September 12, 2022`, `September 2022`, `2022-09-12`,
//! `7.12.2022`, `2022年10月`, `2022年10月12日`. Times a reader dates by the document's date are
//! `times`'s.

use lookout_core::PartialDate;

use super::segment::Word;
use super::{Finder, Found};

/// The dates finder's table: an automaton that finds 年 (a vectorised search; a substring
/// search was a twentieth of extraction).
pub(crate) struct Tables {
    year_sign: aho_corasick::AhoCorasick,
}

impl Tables {
    /// The table.
    pub(crate) fn new() -> Tables {
        Tables { year_sign: aho_corasick::AhoCorasick::new(["年"]).expect("one word makes an automaton") }
    }
}

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// The month a capitalised English month name or its abbreviation names.
pub(crate) fn month_of(word: &str) -> Option<u32> {
    // Month names are capitalised in English; "may" in lower case is a verb.
    if !word.starts_with(|c: char| c.is_ascii_uppercase()) || !(3..=9).contains(&word.len()) {
        return None;
    }
    // Only the names opening with the word's letter are compared.
    let first = word.as_bytes()[0].to_ascii_lowercase();
    MONTHS.iter().find(|(m, _)| m.as_bytes()[0] == first && m.eq_ignore_ascii_case(word)).map(|(_, n)| *n)
}

/// A year of four digits (1900–2100).
pub(crate) fn year(word: &str) -> Option<u32> {
    (word.len() == 4).then(|| word.parse().ok()).flatten().filter(|y| (1900..=2100).contains(y))
}

/// A day of the month: `21`, `3rd`.
pub(crate) fn day(word: &str) -> Option<u32> {
    if !word.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// A date that exists (not the 31st of April), if `y`, `m` and `d` make one.
fn date(y: u32, m: u32, d: Option<u32>) -> Option<PartialDate> {
    PartialDate::new(u16::try_from(y).ok()?, Some(u8::try_from(m).ok()?), d.map(u8::try_from).transpose().ok()?).ok()
}

/// Every date in `text`.
pub(crate) fn find(finder: &Finder, text: &str, words: &[Word<'_>]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = |k: usize| words.get(k).map(|w| w.text);
        // 12 September 2022
        let day_month_year = || date(w(i + 2).and_then(year)?, w(i + 1).and_then(month_of)?, Some(w(i).and_then(day)?));
        if let Some(d) = day_month_year() {
            out.push(Found::date(words[i].start, words[i + 2].end, d));
            i += 3;
            continue;
        }
        if let Some(m) = w(i).and_then(month_of) {
            // September 12, 2022
            if let (Some(d), Some(y)) = (w(i + 1).and_then(day), w(i + 2).and_then(year)) {
                if let Some(d) = date(y, m, Some(d)) {
                    out.push(Found::date(words[i].start, words[i + 2].end, d));
                    i += 3;
                    continue;
                }
            }
            // September 2022
            if let Some(d) = w(i + 1).and_then(year).and_then(|y| date(y, m, None)) {
                out.push(Found::date(words[i].start, words[i + 1].end, d));
                i += 2;
                continue;
            }
        }
        // 7.12.2022 (day, month, year, as a European text writes them)
        let dotted = |k: usize| words.get(k + 1).is_some_and(|n| &text[words[k].end..n.start] == ".");
        if dotted(i) && dotted(i + 1) {
            let day_month = w(i).and_then(day).zip(w(i + 1).and_then(|m| m.parse::<u32>().ok()));
            if let Some(d) = day_month.and_then(|(d, m)| date(w(i + 2).and_then(year)?, m, Some(d))) {
                out.push(Found::date(words[i].start, words[i + 2].end, d));
                i += 3;
                continue;
            }
        }
        // 2022-09-12
        let t = words[i].text;
        if t.len() == 10 && t.as_bytes()[4] == b'-' && t.as_bytes()[7] == b'-' {
            if let (Some(y), Ok(m), Ok(d)) = (year(&t[..4]), t[5..7].parse::<u32>(), t[8..].parse::<u32>()) {
                if let Some(d) = date(y, m, Some(d)) {
                    out.push(Found::date(words[i].start, words[i].end, d));
                }
            }
        }
        i += 1;
    }
    out.extend(chinese(&finder.dates, text));
    out
}

/// `2022年10月` and `2022年10月12日` (a space may stand beside each number: `2022 年 10 月`).
fn chinese(tables: &Tables, text: &str) -> Vec<Found> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut from = 0;
    let year_sign = &tables.year_sign;
    // The digits (one or two) at the start of `rest`, after a space if one opens it, and the
    // bytes up to the sign `after` them (a space may stand before it).
    let number = |rest: &str, after: &[char]| -> Option<(u32, usize, usize)> {
        let lead = usize::from(rest.starts_with(' '));
        let n = rest[lead..].bytes().take_while(u8::is_ascii_digit).count();
        let value = (1..=2).contains(&n).then(|| rest[lead..lead + n].parse().ok()).flatten()?;
        let trail = usize::from(rest[lead + n..].starts_with(' '));
        let sign = rest[lead + n + trail..].chars().next().filter(|c| after.contains(c))?;
        Some((value, lead + n + trail, sign.len_utf8()))
    };
    while let Some(found) = year_sign.find(&text[from..]) {
        let at = from + found.start();
        from = at + "年".len();
        let digits_end = if at > 0 && b[at - 1] == b' ' { at - 1 } else { at };
        if digits_end < 4
            || !b[digits_end - 4..digits_end].iter().all(u8::is_ascii_digit)
            || (digits_end > 4 && b[digits_end - 5].is_ascii_digit())
        {
            continue;
        }
        let Some(y) = year(&text[digits_end - 4..digits_end]) else { continue };
        let Some((m, m_len, sign_len)) = number(&text[from..], &['月']) else { continue };
        let Some(mut found_date) = date(y, m, None) else { continue };
        let mut end = from + m_len + sign_len;
        if let Some((d, d_len, sign_len)) = number(&text[end..], &['日', '号']) {
            // A day the month does not have leaves the month alone.
            if let Some(day) = date(y, m, Some(d)) {
                found_date = day;
                end += d_len + sign_len;
            }
        }
        out.push(Found::date(digits_end - 4, end, found_date));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str) -> Vec<String> {
        find(crate::mentions::testing::finder(), text, &super::super::segment::latin_words(text))
            .into_iter()
            .map(|f| match f.what {
                super::super::What::Date(d) => format!("{}={d}", &text[f.start..f.end]),
                other => panic!("not a date: {other:?}"),
            })
            .collect()
    }

    #[test]
    fn english_and_chinese_dates() {
        assert_eq!(dates("On 12 September 2022 the report"), ["12 September 2022=2022-09-12"]);
        assert_eq!(
            dates("By December 2022, and on March 3rd, 2023"),
            ["December 2022=2022-12", "March 3rd, 2023=2023-03-03"]
        );
        assert_eq!(dates("posted 2023-04-17."), ["2023-04-17=2023-04-17"]);
        assert_eq!(dates("Last updated: 7.12.2022 and 1.2.3"), ["7.12.2022=2022-12-07"]);
        assert_eq!(dates("2022年10月，荷兰；2023年4月17日"), ["2022年10月=2022-10", "2023年4月17日=2023-04-17"]);
        assert_eq!(dates("在 2022 年 12 月初發布"), ["2022 年 12 月=2022-12"]);
        assert!(dates("they may 2022 stations").is_empty());
        assert!(dates("in 2022 there were 54").is_empty(), "a bare year is not an absolute date");
        // A day the month does not have is no date; its month and year still are.
        assert_eq!(dates("on 31 April 2023 or 2023-02-29"), ["April 2023=2023-04"]);
        assert_eq!(dates("2024年2月29日与2023年2月29日"), ["2024年2月29日=2024-02-29", "2023年2月=2023-02"]);
    }
}
