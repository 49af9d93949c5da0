//! When a step was: the times a sentence gives, each where it stands, and the one nearest a
//! step's words on its side of a turn to another event ("但", "but") and not inside a clause of
//! what came before it ("after … had", ", following", "…后,").

use lookout_core::PartialDate;

use crate::{Mention, What};

/// A time a sentence gives: where it is (in characters of the sentence) and the date it means.
pub(super) type Time = (usize, PartialDate);

/// Every time a sentence gives (its dates, written in full or resolved against the document's
/// date by the finder: "Monday", 去年12月), each with where it is in the sentence's characters.
/// A time that a step comes after ("after the report in September", 9月以后) dates none.
pub(super) fn times_of(text: &str, here: &[Mention], sentence_start: usize) -> Vec<Time> {
    let after_it = |m: &Mention| {
        let then = text[m.bytes.end..].trim_start();
        let before = text[..m.bytes.start].trim_end();
        ["以后", "以後", "之后", "之後", "后,", "後,", "后，", "後，"].iter().any(|w| then.starts_with(w))
            || before.ends_with(" after")
            || before.ends_with("After")
    };
    here.iter()
        .filter_map(|m| match m.what {
            What::Date(d) if !m.text_in(text).is_empty() && !after_it(m) => {
                Some((m.start.saturating_sub(sentence_start), d))
            }
            _ => None,
        })
        .collect()
}

/// The ends of a Chinese clause of what came before (在9月发布的报告…后, 爱尔兰已经命令…): a time
/// inside it dates no step after it.
const AFTER_CLAUSE_ENDS: &[&str] = &["后,", "后，"];

/// Words that turn a sentence to another event: a time on one side dates no step on the other
/// ("荷兰政府11月1日要求中国关闭, 但中方回应称并非警务人员").
const CONTRASTS: &[&str] = &["但", "然而", ", but ", "; but ", "however"];

/// The time nearest character `at` of the sentence (`lower`), if it gives any on the same side
/// of every turn to another event: one of the cue's own clause where that holds a time
/// ("去年秋季於大多倫多地區展開調查,本年3月中旬,…").
pub(super) fn nearest(times: &[Time], at: usize, lower: &str) -> Option<PartialDate> {
    let chars: Vec<char> = lower.chars().collect();
    let breaks = |c: &char| matches!(c, ',' | ';' | '，' | '；');
    let from = chars[..at.min(chars.len())].iter().rposition(breaks).map_or(0, |i| i + 1);
    let to = chars.get(at..).and_then(|rest| rest.iter().position(breaks)).map_or(chars.len(), |i| at + i);
    let own: Vec<Time> = times.iter().filter(|(p, _)| (from..to).contains(p)).copied().collect();
    nearest_of(if own.is_empty() { times } else { &own }, at, lower)
}

/// The time of `times` nearest character `at`, on the same side of every turn to another event,
/// and not before an "after … had" (", following", "…后,") that the step follows: in "China
/// slammed the UK on Wednesday … after the UK had ordered China to close", Wednesday dates the
/// slamming, not the order (but "closed in the fall of 2022 after those operating it became
/// aware of the FBI's investigation" dates the investigation).
fn nearest_of(times: &[Time], at: usize, lower: &str) -> Option<PartialDate> {
    let between = |p: usize| {
        let (from, to) = (p.min(at), p.max(at));
        let start = lower.char_indices().nth(from).map_or(lower.len(), |(i, _)| i);
        let end = lower.char_indices().nth(to).map_or(lower.len(), |(i, _)| i);
        let span = &lower[start..end];
        let earlier = p < at
            && (span.find(" after ").is_some_and(|a| span[a..].contains(" had "))
                || span.contains(", following ")
                || AFTER_CLAUSE_ENDS.iter().any(|w| span.contains(w)));
        CONTRASTS.iter().any(|w| span.contains(w)) || earlier
    };
    times.iter().filter(|(p, _)| !between(*p)).min_by_key(|(p, _)| p.abs_diff(at)).map(|(_, d)| *d)
}
