//! Times in English that the document's date resolves: "yesterday", "this morning", "Monday",
//! "last Tuesday", "last week", "earlier this month", "last fall", "three weeks ago", "October",
//! "Feb. 21", "3 May", "May last year", "the end of September"; and bare years after a word that
//! dates ("in 2018", "the fall of 2022").

use lookout_core::PartialDate;

use super::calendar::{self, Anchor};
use crate::mentions::dates::{self, month_of};
use crate::mentions::segment::Word;
use crate::mentions::Found;

const WEEKDAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// Words after which a month name or a bare year is a time ("in May", "since 2018").
const DATING_WORDS: &[&str] = &[
    "in",
    "on",
    "since",
    "until",
    "till",
    "by",
    "from",
    "to",
    "of",
    "during",
    "early",
    "late",
    "mid",
    "last",
    "this",
    "before",
    "after",
    "through",
    "throughout",
    "around",
    "end",
    "beginning",
    "start",
    "spring",
    "summer",
    "fall",
    "autumn",
    "winter",
    "as",
];

/// Month names that are also common words, a time only after a dating word or beside a day.
const AMBIGUOUS_MONTHS: &[&str] = &["May", "March", "August"];

const SMALL_NUMBERS: &[(&str, i64)] = &[
    ("a", 1),
    ("an", 1),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
];

/// Every time of `words` (the text's Latin words) that `anchor` resolves, and every bare year
/// after a dating word; none inside `taken` (the absolute dates).
pub(super) fn find(text: &str, words: &[Word<'_>], anchor: Option<Anchor>, out: &mut Vec<Found>) {
    let lower = |k: usize| words.get(k).map(|w| w.text.to_ascii_lowercase()).unwrap_or_default();
    let is = |k: usize, s: &str| words.get(k).is_some_and(|w| w.text.eq_ignore_ascii_case(s));
    // Whether word `k` follows word `k - 1` with nothing but spaces between.
    let joined = |k: usize| k > 0 && k < words.len() && text[words[k - 1].end..words[k].start].trim().is_empty();
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        // Most words are none of these: told without a copy.
        if !may_be_time(w.text, || is(i + 2, "ago")) {
            i += 1;
            continue;
        }
        let mut push = |from: usize, to: usize, date: Option<PartialDate>| -> bool {
            match date {
                Some(d) => {
                    out.push(Found::date(words[from].start, words[to].end, d));
                    true
                }
                None => false,
            }
        };
        // A bare year after a dating word: "in 2018", "the fall of 2022".
        if let Some(y) = dates::year(w.text).and_then(|y| i32::try_from(y).ok()) {
            let dated = i > 0 && joined(i) && DATING_WORDS.contains(&lower(i - 1).as_str());
            let then = &text[w.end..];
            if dated && !then.starts_with(['-', '/']) && push(i, i, calendar::year(y)) {
                i += 1;
                continue;
            }
        }
        let Some(anchor) = anchor else {
            i += 1;
            continue;
        };
        // A number opens only "3 weeks ago" ("3 May" is read at the month).
        if w.text.as_bytes()[0].is_ascii_digit() && !is(i + 2, "ago") {
            i += 1;
            continue;
        }
        let before_last = i > 0 && joined(i) && is(i - 1, "last");
        let before_this = i > 0 && joined(i) && is(i - 1, "this");
        let from = if before_last || before_this { i - 1 } else { i };
        // Days.
        let day = match lower(i).as_str() {
            "yesterday" => anchor.days_back(1).map(|d| (i, d)),
            "today" | "tonight" => anchor.days_back(0).or(anchor.this_month()).map(|d| (i, d)),
            "morning" | "afternoon" | "evening" if before_this => anchor.days_back(0).map(|d| (i - 1, d)),
            _ => None,
        };
        if let Some((from, d)) = day {
            push(from, i, Some(d));
            i += 1;
            continue;
        }
        if let Some(weekday) = WEEKDAYS.iter().position(|d| *d == w.text) {
            push(from, i, anchor.weekday(weekday as u32, before_last));
            i += 1;
            continue;
        }
        // Weeks, months, years and seasons: "last week", "earlier this month", "last fall".
        if before_last || before_this {
            let this = before_this;
            let date = match lower(i).as_str() {
                "week" if this => anchor.this_month(),
                "week" => anchor.month_of_days_back(7),
                "month" if this => anchor.this_month(),
                "month" => anchor.last_month(),
                "year" if this => anchor.years_back(0),
                "year" => anchor.years_back(1),
                "spring" | "summer" | "fall" | "autumn" | "winter" if this => anchor.years_back(0),
                "spring" | "summer" | "fall" | "autumn" | "winter" => anchor.years_back(season_back(&lower(i), anchor)),
                _ => None,
            };
            if date.is_some() {
                // "earlier this month", "late last year": the word before is the time's too.
                let from =
                    if from > 0 && joined(from) && matches!(lower(from - 1).as_str(), "earlier" | "early" | "late") {
                        from - 1
                    } else {
                        from
                    };
                push(from, i, date);
                i += 1;
                continue;
            }
        }
        // "three weeks ago".
        if is(i + 2, "ago") {
            if let Some(n) = count(&lower(i)) {
                let date = match lower(i + 1).trim_end_matches('s') {
                    "day" => anchor.days_back(n),
                    "week" => anchor.month_of_days_back(7 * n),
                    "month" => anchor.months_back(n as u32),
                    "year" => anchor.years_back(n as i32),
                    _ => None,
                };
                if push(i, i + 2, date) {
                    i += 3;
                    continue;
                }
            }
        }
        // A month without a year: "October", "Feb. 21", "3 May", "May last year".
        if let Some((end, date)) = month_time(text, words, i, anchor, &lower, &is, &joined) {
            let from = if i > 0 && joined(i) && dates::day(words[i - 1].text).is_some() { i - 1 } else { from };
            push(from, end, Some(date));
            i = end + 1;
            continue;
        }
        i += 1;
    }
}

/// Words that may open or end a time: capitalised (a weekday, a month), digits (a year, a day,
/// a count), or one of the few lower-case words that date ("yesterday", "week", "three").
fn may_be_time(word: &str, ago_follows: impl Fn() -> bool) -> bool {
    let bytes = word.as_bytes();
    let Some(&first) = bytes.first() else { return false };
    if first.is_ascii_digit() {
        return true;
    }
    // "mid-March", "early-May": the hyphen stands fourth to sixth.
    if bytes.len() >= 7 && bytes[3..6].contains(&b'-') && month_of(part_of_month(word)).is_some() {
        return true;
    }
    if bytes.len() > 9 {
        return false;
    }
    if first.is_ascii_uppercase() && ((word.ends_with("day") && WEEKDAYS.contains(&word)) || month_of(word).is_some()) {
        return true;
    }
    let mut buf = [0u8; 9];
    for (b, c) in buf.iter_mut().zip(bytes) {
        *b = c.to_ascii_lowercase();
    }
    match &buf[..bytes.len()] {
        b"yesterday" | b"today" | b"tonight" | b"morning" | b"afternoon" | b"evening" | b"week" | b"month"
        | b"year" | b"spring" | b"summer" | b"fall" | b"autumn" | b"winter" => true,
        // "a week ago", "three weeks ago".
        _ => ago_follows() && count(word).is_some(),
    }
}

/// A word without its "mid-", "early-" or "late-" ("mid-March" → "March").
fn part_of_month(word: &str) -> &str {
    ["mid-", "early-", "late-", "Mid-", "Early-", "Late-"].iter().find_map(|p| word.strip_prefix(p)).unwrap_or(word)
}

/// The month time that opens at word `i`, if any: where it ends (a word index) and its date.
fn month_time(
    text: &str,
    words: &[Word<'_>],
    i: usize,
    anchor: Anchor,
    lower: &dyn Fn(usize) -> String,
    is: &dyn Fn(usize, &str) -> bool,
    joined: &dyn Fn(usize) -> bool,
) -> Option<(usize, PartialDate)> {
    let w = words[i];
    let part_of = part_of_month(w.text);
    let m = month_of(part_of)?;
    let abbreviated = part_of.len() <= 4 && !matches!(part_of, "May" | "June" | "July");
    let dotted = text[w.end..].starts_with('.');
    // "Feb. 21", "May 3rd": a day after; "3 May": a day before.
    let day_after = words.get(i + 1).filter(|_| joined(i + 1) || dotted).and_then(|n| dates::day(n.text));
    let day_before = (i > 0 && joined(i)).then(|| dates::day(words[i - 1].text)).flatten();
    let day = day_after.or(day_before);
    // A year after it (an absolute date) or a figure after it ("May 3,000 people") is no time of
    // this kind.
    let next_end = if day_after.is_some() { i + 1 } else { i };
    if words.get(next_end + 1).is_some_and(|n| n.text.len() == 4 && n.text.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    if abbreviated && !dotted && day.is_none() {
        return None;
    }
    let dating = (i > 0 && joined(i) && DATING_WORDS.contains(&lower(i - 1).as_str())) || part_of != w.text;
    let last_year = is(next_end + 1, "last") && is(next_end + 2, "year");
    let this_year = is(next_end + 1, "this") && is(next_end + 2, "year");
    if AMBIGUOUS_MONTHS.contains(&part_of) && !dating && day.is_none() && !last_year && !this_year {
        return None;
    }
    let strictly = i > 0 && joined(i) && is(i - 1, "last");
    if last_year || this_year {
        let date = anchor.month_day_of_year(i32::from(last_year), m, day)?;
        return Some((next_end + 2, date));
    }
    Some((next_end, anchor.month_day(m, day, strictly)?))
}

/// A small count in digits or words, any case ("3", "Three", "a").
fn count(word: &str) -> Option<i64> {
    if let Ok(n) = word.parse::<i64>() {
        return (1..=100).contains(&n).then_some(n);
    }
    SMALL_NUMBERS.iter().find(|(w, _)| w.eq_ignore_ascii_case(word)).map(|(_, n)| *n)
}

/// How many years back "last <season>" is: this year's when the season is over by the
/// document's month, else last year's.
fn season_back(season: &str, anchor: Anchor) -> i32 {
    let ends = match season {
        "spring" => 5,
        "summer" => 8,
        "fall" | "autumn" => 11,
        _ => 13,
    };
    let month = anchor.this_month().and_then(|d| d.month()).map(u32::from);
    i32::from(month.is_none_or(|m| m <= ends))
}
