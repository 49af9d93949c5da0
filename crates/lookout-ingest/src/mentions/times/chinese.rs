//! Times in Chinese that the document's date resolves: 昨天, 今天, 周四, 星期二, 上周四, 上周,
//! 本月, 上个月, 去年, 今年 (本年), 去年12月31日, 9月, 11月17日, 3月底, 22日; and a year alone
//! (2023年). Traditional characters are read as well (週四, 上個月).

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};
use lookout_core::PartialDate;

use super::calendar::{self, Anchor};
use crate::mentions::Found;

/// What a word of time means.
#[derive(Debug, Clone, Copy)]
enum Cue {
    /// A day this many days before the document's.
    DaysBack(i64),
    /// A weekday (0 = Monday) of the document's week.
    Weekday(u32),
    /// A weekday of the week before.
    WeekdayOfLastWeek(u32),
    /// The month of last week.
    LastWeek,
    /// The document's month.
    ThisMonth,
    /// The month before.
    LastMonth,
    /// The year this many years before (去年, 今年), or a month of it when one follows.
    YearBack(i32),
    /// 月 or 日 after digits.
    Sign,
}

fn cues() -> &'static (AhoCorasick, Vec<Cue>) {
    static CUES: OnceLock<(AhoCorasick, Vec<Cue>)> = OnceLock::new();
    CUES.get_or_init(|| {
        let mut words: Vec<String> = Vec::new();
        let mut meant = Vec::new();
        let mut add = |w: &str, c: Cue| {
            words.push(w.to_string());
            meant.push(c);
        };
        for w in ["昨天", "昨日"] {
            add(w, Cue::DaysBack(1));
        }
        add("前天", Cue::DaysBack(2));
        for w in ["今天", "今日"] {
            add(w, Cue::DaysBack(0));
        }
        let days = ['一', '二', '三', '四', '五', '六', '日'];
        for prefix in ["周", "週", "星期", "礼拜", "禮拜"] {
            for (i, d) in days.iter().enumerate() {
                add(&format!("{prefix}{d}"), Cue::Weekday(i as u32));
                add(&format!("上{prefix}{d}"), Cue::WeekdayOfLastWeek(i as u32));
            }
            add(&format!("{prefix}天"), Cue::Weekday(6));
        }
        for w in ["上周", "上週", "上星期", "上个星期", "上個星期"] {
            add(w, Cue::LastWeek);
        }
        // 近日 ("in recent days") is vague, as 最近 is: no time (README-zh).
        for w in [
            "本周",
            "本週",
            "这周",
            "這週",
            "本星期",
            "这星期",
            "這星期",
            "这个星期",
            "這個星期",
            "本月",
            "这个月",
            "這個月",
        ] {
            add(w, Cue::ThisMonth);
        }
        for w in ["上月", "上个月", "上個月"] {
            add(w, Cue::LastMonth);
        }
        add("去年", Cue::YearBack(1));
        add("前年", Cue::YearBack(2));
        add("今年", Cue::YearBack(0));
        add("本年", Cue::YearBack(0));
        add("月", Cue::Sign);
        add("日", Cue::Sign);
        add("年", Cue::Sign);
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&words)
            .expect("the words of time make an automaton");
        (automaton, meant)
    })
}

/// Words after a month that stay part of its time (3月底, 11月初, 5月中旬).
const MONTH_PARTS: &[&str] = &["中旬", "上旬", "下旬", "底", "初", "中", "末"];

/// The ASCII digits just before byte `at` of `text` (at most four; a space may stand between
/// them and `at`, as some sites write "2 月 21 日"): the number, where the digits start, and how
/// many they are.
fn digits_before(text: &str, at: usize) -> Option<(u32, usize, usize)> {
    let b = text.as_bytes();
    let at = if at > 0 && b[at - 1] == b' ' { at - 1 } else { at };
    let mut start = at;
    while start > 0 && b[start - 1].is_ascii_digit() && at - start < 5 {
        start -= 1;
    }
    let len = at - start;
    (1..=4).contains(&len).then(|| text[start..at].parse().ok().map(|n| (n, start, len))).flatten()
}

/// The ASCII digits at the start of `rest` (at most two, after a space if one opens it) and the
/// number they make, with the bytes they take (a space after them too, when a sign follows it).
fn digits_after(rest: &str) -> Option<(u32, usize)> {
    let lead = usize::from(rest.starts_with(' '));
    let n = rest[lead..].bytes().take_while(u8::is_ascii_digit).count();
    let v: u32 = (1..=2).contains(&n).then(|| rest[lead..lead + n].parse().ok()).flatten()?;
    let after = &rest[lead + n..];
    let trail = usize::from(after.starts_with(' ') && after[1..].starts_with(['年', '月', '日', '号']));
    Some((v, lead + n + trail))
}

/// Every time of the Chinese `lines` of `text`, resolved against `anchor` (a year alone needs
/// none).
pub(super) fn find(text: &str, lines: &[(usize, usize)], anchor: Option<Anchor>, out: &mut Vec<Found>) {
    let (automaton, meant) = cues();
    for &(line_start, line_end) in lines {
        let line = &text[line_start..line_end];
        let mut consumed = 0;
        for hit in automaton.find_iter(line) {
            if hit.start() < consumed {
                continue;
            }
            let (start, end) = (hit.start(), hit.end());
            let cue = meant[hit.pattern().as_usize()];
            let found = match (cue, anchor) {
                (Cue::Sign, _) => sign(line, start, end, anchor),
                (_, None) => None,
                (Cue::DaysBack(n), Some(a)) => a.days_back(n).map(|d| (start, end, d)),
                (Cue::Weekday(w), Some(a)) => a.weekday(w, false).map(|d| (start, end, d)),
                (Cue::WeekdayOfLastWeek(w), Some(a)) => a.weekday_of_last_week(w).map(|d| (start, end, d)),
                (Cue::LastWeek, Some(a)) => a.month_of_days_back(7).map(|d| (start, end, d)),
                (Cue::ThisMonth, Some(a)) => a.this_month().map(|d| (start, end, d)),
                (Cue::LastMonth, Some(a)) => a.last_month().map(|d| (start, end, d)),
                (Cue::YearBack(n), Some(a)) => Some(year_back(line, start, end, n, a)),
            };
            if let Some((from, to, date)) = found {
                out.push(Found::date(line_start + from, line_start + to, date));
                consumed = to;
            }
        }
    }
}

/// 去年, or a month (and day) of it: 去年12月, 去年12月31日; 去年底 is its December.
fn year_back(line: &str, start: usize, end: usize, n: i32, anchor: Anchor) -> (usize, usize, PartialDate) {
    if let Some((m, m_len)) = digits_after(&line[end..]).filter(|(m, _)| (1..=12).contains(m)) {
        let after_month = end + m_len;
        if line[after_month..].starts_with('月') {
            let (d, to) = day_after(line, after_month + '月'.len_utf8());
            if let Some(date) = anchor.month_day_of_year(n, m, d) {
                return (start, month_part(line, to), date);
            }
        }
    }
    // 去年底: the year's end is its December.
    if line[end..].starts_with(YEAR_END) {
        if let Some(december) = anchor.month_day_of_year(n, 12, None) {
            return (start, end + '底'.len_utf8(), december);
        }
    }
    (start, end, anchor.years_back(n).expect("a year before a year is a year"))
}

/// The end of a year (去年底, 2014年末), which readers date to its December.
const YEAR_END: [char; 2] = ['底', '末'];

/// A day after a month's sign (31日, 5号), if one is there, and where the time ends.
fn day_after(line: &str, at: usize) -> (Option<u32>, usize) {
    match digits_after(&line[at..]) {
        Some((d, n)) if (1..=31).contains(&d) && line[at + n..].starts_with(['日', '号']) => (Some(d), at + n + 3),
        _ => (None, at),
    }
}

/// Where a month's time ends, with its part (3月底) when one follows.
fn month_part(line: &str, at: usize) -> usize {
    MONTH_PARTS.iter().find(|p| line[at..].starts_with(*p)).map_or(at, |p| at + p.len())
}

/// 今(7)日, 今（7）日: "today, the 7th", a day of the document's month, ending at byte `start`
/// (the sign 日).
fn today_in_brackets(line: &str, start: usize, anchor: Option<Anchor>) -> Option<(usize, usize, PartialDate)> {
    let before = &line[..start];
    let inner = before.strip_suffix(')').or_else(|| before.strip_suffix('）'))?;
    let digits = inner.bytes().rev().take_while(u8::is_ascii_digit).count();
    let (opened, n) = inner.split_at(inner.len() - digits);
    let n: u32 = n.parse().ok().filter(|d| (1..=31).contains(d) && digits <= 2)?;
    let today = opened.strip_suffix('(').or_else(|| opened.strip_suffix('（'))?.strip_suffix('今')?;
    Some((today.len(), start + '日'.len_utf8(), anchor?.day_of_month(n)?))
}

/// 月, 日 or 年 after digits: a month (and day) without a year, a day alone, a year alone.
fn sign(line: &str, start: usize, end: usize, anchor: Option<Anchor>) -> Option<(usize, usize, PartialDate)> {
    if &line[start..end] == "日" {
        if let Some(today) = today_in_brackets(line, start, anchor) {
            return Some(today);
        }
    }
    let (n, from, len) = digits_before(line, start)?;
    let before = line[..from].trim_end();
    match &line[start..end] {
        "年" => {
            // A year alone (2023年), not one that opens a date (2023年4月, an absolute date).
            let y = i32::try_from(n).ok().filter(|y| (1900..=2100).contains(y) && len == 4)?;
            let months_follow = digits_after(&line[end..]).is_some_and(|(_, k)| line[end + k..].starts_with('月'));
            (!months_follow).then_some(())?;
            if line[end..].starts_with(YEAR_END) {
                return Some((from, end + '底'.len_utf8(), calendar::month(y, 12)?));
            }
            Some((from, end, calendar::year(y)?))
        }
        "月" => {
            // 9月, 11月17日, 同年12月 (its year is the date's before: `of_the_same_year`); not
            // 2022年10月 (absolute) nor 3个月.
            let a = anchor?;
            let of_a_year = before.ends_with('年') && !super::SAME_YEAR_BEFORE.iter().any(|w| before.ends_with(w));
            if !(1..=12).contains(&n) || of_a_year || len > 2 {
                return None;
            }
            let (d, to) = day_after(line, end);
            let date = a.month_day(n, d, false)?;
            Some((from, month_part(line, to), date))
        }
        _ => {
            // 22日 alone: a day of the document's month; not 30日内 ("within 30 days").
            let a = anchor?;
            let then = &line[end..];
            if !(1..=31).contains(&n)
                || before.ends_with(['月', '年'])
                || len > 2
                || then.starts_with(['内', '以', '之'])
            {
                return None;
            }
            Some((from, end, a.day_of_month(n)?))
        }
    }
}
