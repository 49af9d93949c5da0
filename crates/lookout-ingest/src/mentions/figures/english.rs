//! English figures: `54 police stations`, `230,000 Chinese nationals`, `1.2 million people`.

use super::{DateSpans, Tables};
use crate::mentions::segment::Word;
use crate::mentions::Found;

/// Nouns a count reaches past its first three words for ("three unofficial Chinese police
/// stations").
pub(super) const COUNTED_NOUNS: &[&str] =
    &["station", "stations", "office", "offices", "outposts", "bases", "centres", "centers"];

/// Words that end the description of what is counted.
pub(super) const STOP: &[&str] = &[
    "in",
    "of",
    "across",
    "and",
    "or",
    "the",
    "by",
    "to",
    "from",
    "for",
    "with",
    "at",
    "on",
    "since",
    "were",
    "was",
    "are",
    "is",
    "have",
    "has",
    "had",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "where",
    "when",
    "while",
    "as",
    "per",
    "than",
    "more",
    "over",
    "under",
    "between",
    "a",
    "an",
    "been",
    "be",
    "will",
    "would",
    "could",
    "said",
    "says",
    "according",
    "during",
    "after",
    "before",
    "around",
    "about",
    "run",
    "operated",
    "linked",
    "opened",
    "closed",
    "set",
    "based",
    "located",
    "used",
    "held",
    "named",
    "reported",
    "identified",
    "found",
    "arrested",
    "questioned",
    "detained",
    "involved",
    "exist",
    "exists",
    "existed",
    "operate",
    "operating",
    "remain",
    "remained",
];

/// The units after a ten's hyphen ("twenty-one"), one to nine in order.
const UNITS: &[&str] = &["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

/// Number words.
pub(super) const NUMBER_WORDS: &[(&str, f64)] = &[
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("dozens", 24.0),
    ("hundreds", 200.0),
    ("thousands", 2000.0),
];

fn multiplier(word: &str) -> Option<f64> {
    [("thousand", 1e3), ("million", 1e6), ("millions", 1e6), ("billion", 1e9)]
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|(_, m)| *m)
}

/// Whether `word` (any case) is one of the words that end the description of what is counted.
fn is_stop(tables: &Tables, word: &str) -> bool {
    let set = &tables.stop_words;
    let mut lower = [0u8; 16];
    let Some(lower) = lower.get_mut(..word.len()) else { return false };
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    set.contains(&*lower)
}

/// An English number (`230,000`, `54`, `1.2`), if the word is one.
fn number(word: &str) -> Option<f64> {
    let first = word.chars().next()?;
    if !first.is_ascii_digit() {
        let named = |w: &str| NUMBER_WORDS.iter().find(|(n, _)| n.eq_ignore_ascii_case(w)).map(|(_, v)| *v);
        // "Twenty-one": tens and a unit.
        if let Some((tens, unit)) = word.split_once('-') {
            let tens = named(tens).filter(|t| (20.0..=90.0).contains(t) && t % 10.0 == 0.0)?;
            let unit = UNITS.iter().position(|u| u.eq_ignore_ascii_case(unit))?;
            return Some(tens + unit as f64 + 1.0);
        }
        return named(word);
    }
    if !word.contains(',') {
        return whole_number(word).or_else(|| word.parse().ok());
    }
    if !word.split(',').skip(1).all(|g| g.len() == 3) {
        return None;
    }
    let digits = word.replace(',', "");
    whole_number(&digits).or_else(|| digits.parse().ok())
}

/// The value of a string of at most fifteen ASCII digits (exactly what parsing it as `f64`
/// gives, without the general parser); `None` for anything else.
fn whole_number(digits: &str) -> Option<f64> {
    if digits.is_empty() || digits.len() > 15 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let value = digits.bytes().fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
    // Below 2^53: the conversion is exact.
    Some(value as f64)
}

/// Whether a word may open a number: a digit, or the first letter and length of a number word.
fn may_be_number(tables: &Tables, word: &str) -> bool {
    let lengths = &tables.number_word_lengths;
    match word.as_bytes().first() {
        Some(b) if b.is_ascii_digit() => true,
        Some(b) if b.is_ascii_alphabetic() => {
            // A compound's tens ("twenty" of "twenty-one").
            let head = word.split('-').next().unwrap_or(word);
            head.len() < 16 && lengths[usize::from(b.to_ascii_lowercase() - b'a')] & (1 << head.len()) != 0
        }
        _ => false,
    }
}

pub(super) fn find(tables: &Tables, text: &str, words: &[Word<'_>], dates: &mut DateSpans) -> Vec<Found> {
    let mut out = Vec::new();
    // Commas inside numbers split words: join "230" "," "000" back.
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        if !may_be_number(tables, w.text) {
            i += 1;
            continue;
        }
        let mut end = w.end;
        let mut j = i + 1;
        while let Some(next) = words.get(j) {
            if next.start == end + 1
                && &text[end..next.start] == ","
                && next.text.len() == 3
                && next.text.bytes().all(|b| b.is_ascii_digit())
            {
                end = next.end;
                j += 1;
            } else {
                break;
            }
        }
        // The number as written, groups of thousands joined again.
        let raw = &text[w.start..end];
        let Some(mut value) = number(raw) else {
            i += 1;
            continue;
        };
        // A decimal point splits words too: 1.2 million.
        if let Some(next) = words.get(j) {
            if next.start == end + 1 && &text[end..next.start] == "." && next.text.bytes().all(|b| b.is_ascii_digit()) {
                if let Ok(v) = format!("{raw}.{}", next.text).replace(',', "").parse::<f64>() {
                    value = v;
                    end = next.end;
                    j += 1;
                }
            }
        }
        let is_year = !raw.contains(',') && raw.len() == 4 && (1900.0..=2100.0).contains(&value);
        // A news page's reading time ("2 min read") counts nothing the text is about.
        let reading_time = words.get(j).is_some_and(|w| w.text == "min")
            && words.get(j + 1).is_some_and(|w| w.text.eq_ignore_ascii_case("read"));
        if is_year || reading_time || dates.overlaps(w.start, end) {
            i = j;
            continue;
        }
        if let Some(m) = words.get(j).and_then(|n| multiplier(n.text)) {
            value *= m;
            j += 1;
        }
        // A sum of money: its currency is what it counts ("$4.9 million", "HK$1 million", "€300").
        if let Some(currency) = currency_before(text, w.start) {
            let end = words.get(j.wrapping_sub(1)).map_or(end, |n| n.end).max(end);
            out.push(Found::figure(currency.start, end, value, currency));
            i = j;
            continue;
        }
        // "two of its police stations", "54 of these police stations": what they are of is
        // what is counted.
        let mut last_end = words.get(j.wrapping_sub(1)).map_or(end, |w| w.end).max(end);
        if words.get(j).is_some_and(|w| w.text == "of")
            && words.get(j + 1).is_some_and(|w| OF_WHICH.iter().any(|o| o.eq_ignore_ascii_case(w.text)))
            && text[last_end..words[j + 1].end].split_whitespace().count() == 2
        {
            last_end = words[j + 1].end;
            j += 2;
        }
        // What is counted: up to three words, not across punctuation (an opening quote before
        // the first may stand: two “police stations”) or a stop word.
        let mut unit_end = None;
        let mut unit_start = None;
        let mut k = j;
        while k < words.len() && k < j + 3 {
            let u = words[k];
            let gap = &text[last_end..u.start];
            let quoted = k == j && matches!(gap.trim_start(), "“" | "\"" | "‘");
            if !(gap.chars().all(char::is_whitespace) || quoted) || is_stop(tables, u.text) {
                break;
            }
            if u.text.bytes().any(|b| b.is_ascii_digit()) {
                break;
            }
            unit_start.get_or_insert(u.start);
            unit_end = Some(u.end);
            last_end = u.end;
            k += 1;
            // A plural noun counted ends what is counted ("30 suspected offices outside China",
            // "three centers claim").
            if u.text.ends_with('s') && COUNTED_NOUNS.contains(&u.text) {
                break;
            }
        }
        // "four active Chinese police stations": past three words, on to the noun counted.
        if unit_end.is_some() {
            while let Some(u) = words.get(k).filter(|u| COUNTED_NOUNS.contains(&u.text) && k < j + 5) {
                if !text[last_end..u.start].chars().all(char::is_whitespace) {
                    break;
                }
                unit_end = Some(u.end);
                last_end = u.end;
                k += 1;
            }
        }
        // "three weeks later": a time, not a count.
        let relative_time = unit_start.is_some()
            && words.get(j).is_some_and(|u| TIME_UNITS.contains(&u.text.to_ascii_lowercase().as_str()))
            && words.get(j + 1).is_some_and(|u| RELATIVE.contains(&u.text.to_ascii_lowercase().as_str()));
        if let (Some(us), Some(ue), false) = (unit_start, unit_end, relative_time) {
            out.push(Found::figure(qualified_from(text, w.start), ue, value, us..ue));
            i = k;
        } else {
            i = j.max(i + 1);
        }
    }
    out
}

/// The currency written just before a number at byte `at`: its symbol, with the capitals of a
/// country's dollar glued to it ("$", "€", "US$", "HK$", "NT$").
fn currency_before(text: &str, at: usize) -> Option<std::ops::Range<usize>> {
    let symbol = text[..at].chars().next_back().filter(|c| matches!(c, '$' | '€' | '£' | '¥'))?;
    let symbol_at = at - symbol.len_utf8();
    let capitals = text[..symbol_at].bytes().rev().take_while(u8::is_ascii_uppercase).count();
    let glued_at = symbol_at - capitals;
    let bounded = !text[..glued_at].ends_with(|c: char| c.is_alphanumeric());
    let start = if symbol == '$' && (1..=3).contains(&capitals) && bounded { glued_at } else { symbol_at };
    Some(start..at)
}

/// Where a count opens with the words that bound it, which are part of what it claims ("more
/// than 50", "at least 200 people"): from the number at byte `at`, back over one of
/// [`BOUNDS`] just before it.
fn qualified_from(text: &str, at: usize) -> usize {
    let Some(before) = text[text.floor_char_boundary(at.saturating_sub(14))..at].strip_suffix(' ') else {
        return at;
    };
    BOUNDS
        .iter()
        .find_map(|b| {
            let start = at.checked_sub(b.len() + 1)?;
            let whole = before.ends_with(b) && !text[..start].ends_with(|c: char| c.is_alphanumeric());
            whole.then_some(start)
        })
        .unwrap_or(at)
}

/// Words before a number that bound it, as written inside a sentence and at its start.
const BOUNDS: &[&str] = &[
    "more than",
    "at least",
    "fewer than",
    "less than",
    "nearly",
    "almost",
    "up to",
    "over",
    "More than",
    "At least",
    "Fewer than",
    "Less than",
    "Nearly",
    "Almost",
    "Up to",
    "Over",
];

/// Words after "of" that say a count is of a group named after them ("two of its stations").
const OF_WHICH: &[&str] = &["its", "these", "those", "their", "the", "them"];

/// Units of time, which a word after them makes a time ("three weeks later").
const TIME_UNITS: &[&str] = &["day", "days", "week", "weeks", "month", "months", "year", "years", "hours", "hour"];

/// Words after a span of time that make it a time, not a count.
const RELATIVE: &[&str] = &["later", "earlier", "after", "before", "ago", "afterwards", "prior"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_stop_words_are_read_as_the_general_parser_and_the_list_read_them() {
        for digits in ["0", "7", "054", "2022", "230000", "999999999999999", "9999999999999999", "1e5", "", "12a"] {
            assert_eq!(whole_number(digits).or_else(|| digits.parse().ok()), digits.parse::<f64>().ok(), "{digits}");
        }
        assert_eq!(number("230,000"), Some(230_000.0));
        let text = "paid US$127,700, HK$1 million, $6,600 and €3; ABCD$5";
        let at = |s: &str| text.find(s).unwrap();
        assert_eq!(currency_before(text, at("127")).map(|r| &text[r]), Some("US$"));
        assert_eq!(currency_before(text, at("1 m")).map(|r| &text[r]), Some("HK$"));
        assert_eq!(currency_before(text, at("6,6")).map(|r| &text[r]), Some("$"));
        assert_eq!(currency_before(text, at("3;")).map(|r| &text[r]), Some("€"));
        assert_eq!(currency_before(text, at("5")).map(|r| &text[r]), Some("$"));
        assert_eq!(currency_before(text, at("paid")), None);
        assert_eq!(number("23,00"), None);
        assert_eq!(number("Twenty-one"), Some(21.0));
        assert_eq!(number("ninety-nine"), Some(99.0));
        assert_eq!(number("twelve-one"), None);
        assert_eq!(number("Forty"), Some(40.0));
        let text = "among more than 50 globally, at least 200 people, moreover 3, a turnover 4";
        let from = |n: &str| &text[qualified_from(text, text.find(n).unwrap())..];
        assert!(from("50").starts_with("more than 50"));
        assert!(from("200").starts_with("at least 200"));
        assert!(from("3,").starts_with("3,"), "not the end of another word");
        assert!(from("4").starts_with('4'), "not the end of another word");
        let text = "At least 22 students";
        assert_eq!(&text[qualified_from(text, 9)..], text, "a bound opening a sentence");
        let tables = &crate::mentions::testing::finder().figures;
        for word in STOP {
            assert!(is_stop(tables, word) && is_stop(tables, &word.to_uppercase()), "{word}");
        }
        assert!(
            !is_stop(tables, "police") && !is_stop(tables, "countries") && !is_stop(tables, "a-very-long-word-indeed")
        );
    }
}
