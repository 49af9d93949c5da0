//! Times a reader dates by the document's date ("yesterday", "last month", "Feb. 21", 周四,
//! 11月17日, 去年12月) and bare years after a dating word ("in 2018", 2023年): each a date
//! mention, resolved as the reader resolves it. Absolute dates are `dates.rs`'s.

mod calendar;
mod chinese;
mod english;

use lookout_core::PartialDate;

use super::segment::Word;
use super::Found;
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
    out
}

#[cfg(test)]
mod tests;
