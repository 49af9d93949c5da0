//! Times a reader dates by the document's date ("yesterday", "last month", "Feb. 21", 周四,
//! 11月17日, 去年12月) and bare years after a dating word ("in 2018", 2023年): each a date
//! mention, resolved as the reader resolves it. Absolute dates are `dates.rs`'s.

mod calendar;
mod chinese;
mod english;

use lookout_core::PartialDate;

use super::segment::Word;
use super::{Found, What};
use calendar::Anchor;

/// Every time of `text` that is not inside one of the `absolute` dates (in order of the text,
/// none overlapping another), resolved
/// against `published` (without it, only bare years are found).
pub(crate) fn find(
    text: &str,
    words: &[Word<'_>],
    lines: &[(usize, usize)],
    published: Option<PartialDate>,
    absolute: &[Found],
) -> Vec<Found> {
    let anchor = published.map(Anchor::of);
    let mut out = Vec::new();
    english::find(text, words, anchor, &mut out);
    chinese::find(text, lines, anchor, &mut out);
    out.sort_by_key(|t| t.start);
    // The absolute dates come in order and do not overlap: the one that could overlap a time is
    // the last opening before its end.
    out.retain(|t| {
        let at = absolute.partition_point(|a| a.start < t.end);
        at.checked_sub(1).is_none_or(|k| absolute[k].end <= t.start)
    });
    of_the_same_year(text, absolute, &mut out);
    out
}

/// Words after a month that give it the year of the date before ("In June of the same year").
const SAME_YEAR_AFTER: &[&str] =
    &[" of the same year", " of that year", " that same year", " that year", " the same year"];

/// Words before a month that give it the year of the date before (同年6月).
const SAME_YEAR_BEFORE: &[&str] = &["同年", "当年", "當年"];

/// Gives each month of `times` told as of "the same year" the year of the last date before it
/// (of `times` or the `absolute` dates), where the document's date had resolved it: "since
/// 2023 … In June of the same year" is June 2023, not the June before the document.
fn of_the_same_year(text: &str, absolute: &[Found], times: &mut [Found]) {
    for k in 0..times.len() {
        let (start, end) = (times[k].start, times[k].end);
        let What::Date(date) = times[k].what else { continue };
        let Some(month) = date.month() else { continue };
        let same_year = SAME_YEAR_AFTER.iter().any(|w| text[end..].starts_with(w))
            || SAME_YEAR_BEFORE.iter().any(|w| text[..start].ends_with(w));
        if !same_year {
            continue;
        }
        let before = |f: &&Found| f.end <= start;
        let last = times[..k].iter().chain(absolute).filter(before).max_by_key(|f| f.start);
        let Some(&What::Date(then)) = last.map(|f| &f.what) else { continue };
        if let Ok(moved) = PartialDate::new(then.year(), Some(month), date.day()) {
            times[k].what = What::Date(moved);
        }
    }
}

#[cfg(test)]
mod tests;
