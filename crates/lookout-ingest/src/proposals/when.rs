//! When a sentence says a step happened: a date it gives in full, else a relative one resolved
//! against the document's date ("Monday", "yesterday", "last month", "this week", 昨天, 上月,
//! 周四, 11月17日), else a month or a year it gives.

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

/// The date a sentence's relative words give, against `published`; `lower` is the sentence in
/// lower case (Chinese as written, simplified).
pub(super) fn relative(lower: &str, published: PartialDate) -> Option<PartialDate> {
    let (y, m) = (i32::from(published.year()), published.month().map(u32::from));
    let full = m.zip(published.day()).map(|(m, d)| (y, m, u32::from(d)));
    let shift = |days: i64| {
        full.and_then(|(y, m, d)| {
            let (y, m, d) = civil_from_days(days_from_civil(y, m, d) - days);
            day(y, m, d)
        })
    };
    let has = |w: &str| lower.contains(w);
    // Days.
    if has("yesterday") || has("昨天") || has("昨日") {
        return shift(1);
    }
    if has("today") || has("this morning") || has("今天") || has("今日") {
        return shift(0).or_else(|| m.and_then(|m| month(y, m)));
    }
    for (i, name) in WEEKDAYS_EN.iter().enumerate() {
        if lower.split(|c: char| !c.is_alphabetic()).any(|w| w == *name) {
            return full.map(|f| days_back(f, i as u32)).and_then(shift).or_else(|| m.and_then(|m| month(y, m)));
        }
    }
    for prefix in ["周", "星期", "礼拜"] {
        for (i, c) in WEEKDAYS_ZH.iter().enumerate() {
            if has(&format!("{prefix}{c}")) || (i == 6 && has(&format!("{prefix}天"))) {
                return full.map(|f| days_back(f, i as u32)).and_then(shift).or_else(|| m.and_then(|m| month(y, m)));
            }
        }
    }
    // Months and years.
    let month_before = |m: u32| if m == 1 { month(y - 1, 12) } else { month(y, m - 1) };
    if has("last month") || has("上月") || has("上个月") {
        return m.and_then(month_before);
    }
    if has("this week") || has("this month") || has("last week") || has("earlier this month") || has("本月") {
        return m.and_then(|m| month(y, m));
    }
    if has("last year") || has("last fall") || has("last autumn") || has("去年") {
        return year(y - 1);
    }
    None
}

/// A day and month without a year (11月17日, "Nov. 17" is left to the dates finder): in the
/// document's year, or the year before when that would be after the document.
pub(super) fn chinese_day(sentence: &str, published: PartialDate) -> Option<PartialDate> {
    let at = sentence.find('月')?;
    let digits = |s: &str, rev: bool| -> Option<u32> {
        let d: String = if rev {
            let mut v: Vec<char> = s.chars().rev().take_while(char::is_ascii_digit).collect();
            v.reverse();
            v.into_iter().collect()
        } else {
            s.chars().take_while(char::is_ascii_digit).collect()
        };
        d.parse().ok()
    };
    let m = digits(&sentence[..at], true).filter(|m| (1..=12).contains(m))?;
    let rest = &sentence[at + '月'.len_utf8()..];
    let d = digits(rest, false).filter(|d| (1..=31).contains(d))?;
    if !rest[d.to_string().len()..].starts_with(['日', '号']) {
        return None;
    }
    let y = i32::from(published.year());
    let after = published.month().is_some_and(|pm| u32::from(pm) < m);
    day(if after { y - 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    #[test]
    fn relative_words_resolve_against_the_document() {
        let published = at("2023-04-17"); // a Monday
        assert_eq!(relative("two men were arrested monday", published), Some(at("2023-04-17")));
        assert_eq!(relative("police said wednesday", at("2024-02-22")), Some(at("2024-02-21")));
        assert_eq!(relative("the government said yesterday", at("2022-11-02")), Some(at("2022-11-01")));
        assert_eq!(relative("荷兰政府昨天表示", at("2022-11-02")), Some(at("2022-11-01")));
        assert_eq!(relative("雷周四表示", at("2022-11-18")), Some(at("2022-11-17")));
        assert_eq!(relative("reported last week", at("2022-11-02")), Some(at("2022-11")));
        assert_eq!(relative("before closing last fall", at("2023-04-17")), Some(at("2022")));
        assert_eq!(relative("closed last month", at("2023-01-10")), Some(at("2022-12")));
        assert_eq!(relative("no date here", published), None);
    }

    #[test]
    fn chinese_days_take_the_documents_year() {
        assert_eq!(chinese_day("周四(11月17日)表示", at("2022-11-18")), Some(at("2022-11-17")));
        assert_eq!(chinese_day("12月20日表示", at("2023-01-05")), Some(at("2022-12-20")));
        assert_eq!(chinese_day("3个月", at("2023-01-05")), None);
    }
}
