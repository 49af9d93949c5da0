//! The times a sentence gives, each with where it is: relative words resolved against the
//! document's date ("Monday", "yesterday", "last month", "this week", 昨天, 上月, 周四), days and
//! months without a year (11月17日, 9月), and bare years ("the fall of 2022"). A step takes the
//! time nearest its words (`steps.rs`).

use lookout_core::PartialDate;

/// Days from a date back to the latest `weekday` on or before it (0 = Monday).
fn days_back(date: (i32, u32, u32), weekday: u32) -> i64 {
    let today = weekday_of(date);
    i64::from((today + 7 - weekday) % 7)
}

/// The weekday of a date (0 = Monday), by days since the civil epoch.
fn weekday_of((y, m, d): (i32, u32, u32)) -> u32 {
    ((days_from_civil(y, m, d) + 3).rem_euclid(7)) as u32
}

/// Days since 1970-01-01 (Howard Hinnant's algorithm).
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(if m <= 2 { y - 1 } else { y });
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The date `days` before 1970-01-01 + `epoch_days`.
fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
    (y, m, d)
}

fn day(y: i32, m: u32, d: u32) -> Option<PartialDate> {
    PartialDate::new(u16::try_from(y).ok()?, Some(u8::try_from(m).ok()?), Some(u8::try_from(d).ok()?)).ok()
}

fn month(y: i32, m: u32) -> Option<PartialDate> {
    PartialDate::new(u16::try_from(y).ok()?, Some(u8::try_from(m).ok()?), None).ok()
}

fn year(y: i32) -> Option<PartialDate> {
    PartialDate::new(u16::try_from(y).ok()?, None, None).ok()
}

const WEEKDAYS_EN: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const WEEKDAYS_ZH: [char; 7] = ['一', '二', '三', '四', '五', '六', '日'];

/// A time a sentence gives: where it is (in characters of the sentence) and the date it means.
pub(super) type Time = (usize, PartialDate);

/// The characters before byte `at` of `s`.
fn chars_before(s: &str, at: usize) -> usize {
    s[..at].chars().count()
}

/// Every word of `lower` (the sentence in lower case, Chinese simplified) that dates something
/// relative to `published`, with where it is: days (`yesterday`, `monday`, 昨天, 周四), months
/// (`last month`, `this week`, 上月) and years (`last year`, `last fall`, 去年).
pub(super) fn relative(lower: &str, published: PartialDate) -> Vec<Time> {
    let (y, m) = (i32::from(published.year()), published.month().map(u32::from));
    let full = m.zip(published.day()).map(|(m, d)| (y, m, u32::from(d)));
    let shift = |days: i64| {
        full.and_then(|(y, m, d)| {
            let (y, m, d) = civil_from_days(days_from_civil(y, m, d) - days);
            day(y, m, d)
        })
    };
    let this_month = m.and_then(|m| month(y, m));
    let last_month = m.and_then(|m| if m == 1 { month(y - 1, 12) } else { month(y, m - 1) });
    let mut out: Vec<Time> = Vec::new();
    let mut mark = |word: &str, date: Option<PartialDate>| {
        if let Some(date) = date {
            for (at, _) in lower.match_indices(word) {
                // English words stand alone ("monday", not "mondays'"): a letter may not touch them.
                let alone = !word.is_ascii()
                    || (!lower[..at].ends_with(|c: char| c.is_alphabetic())
                        && !lower[at + word.len()..].starts_with(|c: char| c.is_alphabetic()));
                if alone {
                    out.push((chars_before(lower, at), date));
                }
            }
        }
    };
    for w in ["yesterday", "昨天", "昨日"] {
        mark(w, shift(1));
    }
    for w in ["today", "this morning", "this afternoon", "今天", "今日"] {
        mark(w, shift(0).or(this_month));
    }
    for (i, name) in WEEKDAYS_EN.iter().enumerate() {
        mark(name, full.map(|f| days_back(f, i as u32)).and_then(shift).or(this_month));
    }
    for prefix in ["周", "星期", "礼拜"] {
        for (i, c) in WEEKDAYS_ZH.iter().enumerate() {
            let back = full.map(|f| days_back(f, i as u32)).and_then(shift).or(this_month);
            mark(&format!("{prefix}{c}"), back);
            if i == 6 {
                mark(&format!("{prefix}天"), back);
            }
        }
    }
    // "three weeks ago": the month of that day.
    for (n, words) in
        [(1, &["a week ago", "one week ago"][..]), (2, &["two weeks ago"][..]), (3, &["three weeks ago"][..])]
    {
        let back = shift(7 * n).and_then(|d| month(i32::from(d.year()), u32::from(d.month().unwrap_or(1))));
        for w in words {
            mark(w, back.or(this_month));
        }
    }
    for w in ["last month", "上月", "上个月"] {
        mark(w, last_month);
    }
    for w in ["last week", "上周", "上週"] {
        mark(w, shift(7).and_then(|d| month(i32::from(d.year()), u32::from(d.month().unwrap_or(1)))).or(this_month));
    }
    for w in ["this week", "this month", "earlier this month", "early this month", "本月", "本周", "近日"] {
        mark(w, this_month);
    }
    for w in ["last year", "last fall", "last autumn", "last spring", "last summer", "去年"] {
        mark(w, year(y - 1));
    }
    for w in ["earlier this year", "今年"] {
        mark(w, year(y));
    }
    out
}

/// The years a sentence gives as four digits ("the fall of 2022", 2023年), with where they are.
pub(super) fn years(sentence: &str) -> Vec<Time> {
    let bytes = sentence.as_bytes();
    let mut out = Vec::new();
    for at in 0..bytes.len().saturating_sub(3) {
        let four = &bytes[at..at + 4];
        let digits = four.iter().all(u8::is_ascii_digit);
        let bounded = (at == 0 || !bytes[at - 1].is_ascii_alphanumeric())
            && bytes.get(at + 4).is_none_or(|b| !b.is_ascii_alphanumeric());
        if digits && bounded && (four.starts_with(b"19") || four.starts_with(b"20")) {
            let y: i32 = std::str::from_utf8(four).ok().and_then(|s| s.parse().ok()).unwrap_or(0);
            if let Some(date) = year(y) {
                out.push((chars_before(sentence, at), date));
            }
        }
    }
    out
}

/// Days and months without a year (11月17日), with where they are: in the document's year, or
/// the year before when that would be after the document.
pub(super) fn chinese_days(sentence: &str, published: PartialDate) -> Vec<Time> {
    let mut out = Vec::new();
    for (at, _) in sentence.match_indices('月') {
        let before: String = {
            let mut v: Vec<char> = sentence[..at].chars().rev().take_while(char::is_ascii_digit).collect();
            v.reverse();
            v.into_iter().collect()
        };
        let Some(m) = before.parse::<u32>().ok().filter(|m| (1..=12).contains(m)) else { continue };
        let rest = &sentence[at + '月'.len_utf8()..];
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let y = i32::from(published.year());
        let after = published.month().is_some_and(|pm| u32::from(pm) < m);
        let y = if after { y - 1 } else { y };
        let start = chars_before(sentence, at) - before.chars().count();
        let date = match digits.parse::<u32>().ok().filter(|d| (1..=31).contains(d)) {
            Some(d) if rest[digits.len()..].starts_with(['日', '号']) => day(y, m, d),
            _ if digits.is_empty() => month(y, m),
            _ => None,
        };
        if let Some(date) = date {
            out.push((start, date));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    fn dates(times: Vec<Time>) -> Vec<String> {
        times.into_iter().map(|(_, d)| d.to_string()).collect()
    }

    #[test]
    fn relative_words_resolve_against_the_document() {
        let published = at("2023-04-17"); // a Monday
        assert_eq!(dates(relative("two men were arrested monday", published)), ["2023-04-17"]);
        assert_eq!(dates(relative("police said wednesday", at("2024-02-22"))), ["2024-02-21"]);
        assert_eq!(dates(relative("the government said yesterday", at("2022-11-02"))), ["2022-11-01"]);
        assert_eq!(dates(relative("荷兰政府昨天表示", at("2022-11-02"))), ["2022-11-01"]);
        assert_eq!(dates(relative("雷周四表示", at("2022-11-18"))), ["2022-11-17"]);
        assert_eq!(dates(relative("reported last week", at("2022-11-02"))), ["2022-10"]);
        assert_eq!(dates(relative("reported last week", at("2022-11-20"))), ["2022-11"]);
        assert_eq!(dates(relative("closed last month", at("2023-01-10"))), ["2022-12"]);
        assert_eq!(dates(relative("three weeks ago, the rcmp denied", at("2023-03-22"))), ["2023-03"]);
        assert_eq!(dates(relative("two weeks ago", at("2023-03-05"))), ["2023-02"]);
        assert!(relative("no date here on mondays", published).is_empty());
        let both = relative("announced monday, before closing last fall", published);
        assert_eq!(both.len(), 2, "{both:?}");
        assert_eq!(both.iter().find(|(_, d)| d.to_string() == "2022").map(|(p, _)| *p), Some(33));
        assert_eq!(both.iter().find(|(_, d)| d.to_string() == "2023-04-17").map(|(p, _)| *p), Some(10));
    }

    #[test]
    fn years_and_chinese_days_with_where_they_are() {
        assert_eq!(years("it closed in the fall of 2022, not in 12022"), [(25, at("2022"))]);
        assert_eq!(dates(chinese_days("周四(11月17日)表示", at("2022-11-18"))), ["2022-11-17"]);
        assert_eq!(dates(chinese_days("12月20日表示", at("2023-01-05"))), ["2022-12-20"]);
        assert_eq!(dates(chinese_days("在9月发布的一份报告中", at("2022-11-18"))), ["2022-09"]);
        assert!(chinese_days("3个月", at("2023-01-05")).is_empty());
    }
}
