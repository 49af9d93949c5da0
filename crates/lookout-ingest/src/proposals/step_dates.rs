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
            What::Date(d) if !m.text_in(text).is_empty() && !after_it(m) && !dateline(&text[m.bytes.end..]) => {
                Some((m.start.saturating_sub(sentence_start), d))
            }
            _ => None,
        })
        .collect()
}

/// Whether a time is a dateline's, the day a report was written (新华社北京9月24日电,
/// 【大纪元2022年11月02日讯】, 2023年5月15日(德國之聲中文網)): given what follows it. It dates no
/// step; the labels date a step by the day the sentence gives it, or by none.
fn dateline(then: &str) -> bool {
    let then = then.trim_start();
    let wire = ["电", "電", "专电", "專電", "综合外电", "綜合外電"]
        .iter()
        .any(|w| then.strip_prefix(w).is_some_and(|rest| !rest.starts_with(['视', '視', '话', '話', '台', '子'])));
    let newsroom = then
        .strip_prefix(['(', '（'])
        .and_then(|rest| rest.split_once([')', '）']))
        .is_some_and(|(name, _)| name.chars().count() <= 12 && name.ends_with(['网', '網', '社', '台']));
    wire || newsroom || then.starts_with("讯】") || then.starts_with("訊】")
}

/// The ends of a Chinese clause of what came before (在9月发布的报告…后, 爱尔兰已经命令…): a time
/// inside it dates no step after it.
const AFTER_CLAUSE_ENDS: &[&str] = &["后,", "后，"];

/// Words that turn a sentence to another event: a time on one side dates no step on the other
/// ("荷兰政府11月1日要求中国关闭, 但中方回应称并非警务人员").
const CONTRASTS: &[&str] = &["但", "然而", ", but ", "; but ", "however"];

/// Words that report what someone said (in lower case, simplified): a turn after them is in the
/// words said.
const SAYINGS: &[&str] = &["说", "称", "表示", "回应", "指出", " said", " says", " told "];

/// Words that say only that a step was recent (近日, 日前, "recently"): the labels date no step by
/// them, and a step in their clause takes no time from another clause.
const VAGUE: &[&str] = &["近日", "日前", "最近", "近期", "早前", "recently"];

/// The clause of character `at` of the sentence (`lower`), as a range of characters.
fn clause_of(chars: &[char], at: usize) -> std::ops::Range<usize> {
    let breaks = |c: &char| matches!(c, ',' | ';' | '，' | '；');
    let from = chars[..at.min(chars.len())].iter().rposition(breaks).map_or(0, |i| i + 1);
    let to = chars.get(at..).and_then(|rest| rest.iter().position(breaks)).map_or(chars.len(), |i| at + i);
    from..to
}

/// The time nearest character `at` of the sentence (`lower`), if it gives any on the same side
/// of every turn to another event: one of the cue's own clause where that holds a time
/// ("去年秋季於大多倫多地區展開調查,本年3月中旬,…"). `Err` where the cue's clause says only that
/// it was recent and gives no time ("最近又報告另外48所", "Safeguard Defenders recently reported"):
/// no date, not even the document's.
pub(super) fn nearest(times: &[Time], at: usize, lower: &str) -> Result<Option<PartialDate>, Vague> {
    let chars: Vec<char> = lower.chars().collect();
    let clause = clause_of(&chars, at);
    let own: Vec<Time> = times.iter().filter(|(p, _)| clause.contains(p)).copied().collect();
    if own.is_empty() {
        let words: String = chars[clause].iter().collect();
        if VAGUE.iter().any(|w| words.contains(w)) {
            return Err(Vague);
        }
    }
    Ok(nearest_of(if own.is_empty() { times } else { &own }, at, lower))
}

/// A step's clause says only that it was recent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Vague;

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
        // A turn inside the words a speaker is reported to say, after the time they said them
        // ("林剑昨日回应说,他不了解具体情况,但…不存在所谓的秘密警察站"), turns none of theirs.
        let said_at = if p < at { SAYINGS.iter().filter_map(|w| span.find(w)).min() } else { None };
        let turns = |w: &&str| span.find(w).is_some_and(|t| said_at.is_none_or(|s| t < s));
        CONTRASTS.iter().any(turns) || earlier
    };
    times.iter().filter(|(p, _)| !between(*p)).min_by_key(|(p, _)| p.abs_diff(at)).map(|(_, d)| *d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dateline_is_told_by_what_follows_its_day() {
        for then in ["电 福州市公安局", "專電)", "訊】", "讯】美国", "(德國之聲中文網)加拿大", "（德国之声中文网）"]
        {
            assert!(dateline(then), "{then}");
        }
        for then in ["电视台报道", "(週日)向", ",荷兰", "对外表示", "(星期三)"] {
            assert!(!dateline(then), "{then}");
        }
    }

    #[test]
    fn a_turn_inside_what_was_said_keeps_the_day_it_was_said() {
        let day: PartialDate = "2024-12-19".parse().unwrap();
        let lower = "发言人林剑昨日回应说,他不了解具体情况,但中国是法治国家,不存在所谓的秘密警察站";
        let time = lower.chars().position(|c| c == '昨').unwrap();
        let cue = lower.chars().position(|c| c == '存').unwrap() - 1;
        assert_eq!(nearest(&[(time, day)], cue, lower), Ok(Some(day)));
        // A turn before the words said still parts them from the time.
        let lower = "荷兰政府11月1日要求中国关闭,但中方回应称并非警务人员";
        let cue = lower.chars().position(|c| c == '并').unwrap();
        assert_eq!(nearest(&[(4, day)], cue, lower), Ok(None));
    }

    #[test]
    fn a_clause_that_says_only_recently_gives_no_date() {
        let day: PartialDate = "2022-09".parse().unwrap();
        let lower = "今年9月首次披露,最近又报告另外48所新证据";
        let at = lower.chars().position(|c| c == '报').unwrap();
        assert_eq!(nearest(&[(2, day)], at, lower), Err(Vague));
        let first = lower.chars().position(|c| c == '披').unwrap();
        assert_eq!(nearest(&[(2, day)], first, lower), Ok(Some(day)));
        let lower = "safeguard defenders recently reported that china has set up 54 stations";
        assert_eq!(nearest(&[], 30, lower), Err(Vague));
        assert_eq!(nearest(&[], 30, "safeguard defenders reported that china has set up"), Ok(None));
    }
}
