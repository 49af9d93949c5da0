//! What keeps a cue word from reporting a step: a negation before it in its clause ("it hasn't
//! said whether anyone was arrested"), a longer word it stands inside ("disclosed", 被控制,
//! 调查记者), and a request it answers (应英方要求关闭).

use lookout_core::StationStatus as S;

/// Steps that a word before them in the clause denies happened ("it hasn't said whether
/// anyone was arrested", "并且不会提出起诉").
pub(super) const NEGATABLE: &[S] = &[
    S::Arrested,
    S::ChargesFiled,
    S::GuiltyPlea,
    S::Convicted,
    S::SearchedByPolice,
    S::ClosureOrdered,
    S::Closed,
    S::LawsuitFiled,
];

/// Words that deny what follows them in a clause, or make it a wish or a supposition ("want
/// them closed", "would have sued", "if they are closed").
const NEGATIONS: &[&str] = &[
    "not ",
    "n't ",
    "n’t ",
    "never ",
    " no ",
    "yet to ",
    "whether ",
    "no one ",
    "nobody ",
    "would have ",
    "want them ",
    "wants them ",
    "want it ",
    "wants it ",
    "if ",
    "不会",
    "拒绝",
    "没有",
    "并未",
    "尚未",
    "未曾",
    "不予",
    "如果",
    "会被",
    "要求",
    "could ",
    "might ",
    "是否",
    "不清楚",
    "无法",
    "不能",
    "未有",
    "可能",
];

/// Whether the clause that `before` (a sentence up to a cue) ends in denies the cue: a negation
/// stands within its last few words.
pub(super) fn negated(before: &str) -> bool {
    // The clause is read in the sentence's last few words, not through it: the negation's 25
    // characters and the 4 before it where 应 of "应…要求" may stand.
    let tail = before.char_indices().rev().nth(32).map_or(before, |(i, _)| &before[i..]);
    let clause = &tail[tail.rfind([',', ';', ':']).map_or(0, |i| i + 1)..];
    let near = clause.char_indices().rev().nth(24).map_or(clause, |(i, _)| &clause[i..]);
    let from = clause.len() - near.len();
    NEGATIONS
        .iter()
        .any(|n| near.match_indices(n).any(|(at, n)| !at_the_request(clause, from + at, from + at + n.len())))
}

/// Whether an English word found at byte `start` of `lower` starts inside a longer word:
/// "closed" in "disclosed", "sued" in "issued", "charged" in "discharged" are no cues.
pub(super) fn mid_word(lower: &str, start: usize) -> bool {
    let bytes = lower.as_bytes();
    start > 0 && bytes[start].is_ascii_alphabetic() && bytes[start - 1].is_ascii_alphanumeric()
}

/// Whether the cue at bytes `start..end` of `lower` opens longer words of no status: 被控
/// ("charged") in 被控制 ("controlled"), 不知情 ("unaware") in 在它不知情或未批准的情况下
/// ("without its knowledge or approval"), "protested" in "protested against the regime" (a
/// dissident's protest, no denial; an embassy that "protested against the report" denies it).
pub(super) fn longer_word(lower: &str, start: usize, end: usize) -> bool {
    let after = &lower[end..];
    match &lower[start..end] {
        "被控" => after.starts_with('制'),
        "不知情" => after.starts_with(['或', '的']),
        "protested" => after.strip_prefix(" against ").is_some_and(|rest| {
            ["the regime", "the ccp", "the communist", "the party", "the chinese government", "china's", "beijing"]
                .iter()
                .any(|w| rest.starts_with(w))
        }),
        _ => false,
    }
}

/// Whether the cue at bytes `start..end` of `lower` is part of a word for journalism or
/// censorship, not an inquiry ("调查新闻平台", "调查记者": investigative; "言论审查": censorship).
pub(super) fn no_inquiry(lower: &str, start: usize, end: usize) -> bool {
    let cue = &lower[start..end];
    let after = |words: &[&str]| words.iter().any(|w| lower[end..].starts_with(w));
    let by_reporters = lower[..start].chars().rev().take(3).collect::<String>().contains("者记");
    (cue == "调查" && (after(&["新闻", "记者", "报道", "性", "媒体", "节目"]) || by_reporters))
        || (cue == "审查"
            && (["言论", "新闻", "网络", "内容"].iter().any(|w| lower[..start].ends_with(w)) || after(&["制度"])))
}

/// Whether the word at bytes `start..end` of `lower` is 要求 in "应…要求" ("at the request of":
/// 中方已应英方要求关闭警察站 closed them, no one orders it there).
pub(super) fn at_the_request(lower: &str, start: usize, end: usize) -> bool {
    lower[start..end].starts_with("要求") && lower[..start].chars().rev().take(4).any(|c| c == '应')
}
