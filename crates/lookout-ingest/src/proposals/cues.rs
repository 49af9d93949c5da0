//! The words by which a sentence reports a step of a station's status, in English and Chinese
//! (searched, under investigation, ordered closed, closed, reported closed, denied, charged,
//! arrested, pleaded guilty, convicted, acquitted, referred to prosecutors, investigation closed,
//! no evidence found), and the words that say who says so.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use lookout_core::StationStatus as S;

use super::cue_guards::{at_the_request, longer_word, mid_word, negated, no_inquiry, NEGATABLE};
use super::cue_words::CUES;
use super::station_words::about_stations;
use crate::char_offsets::CharOffsets;

/// Cues in two words, the second after the first within the same clause and at most `gap`
/// characters on: "ordered China to close two of its stations", "已结束对…的调查",
/// "移交至首尔东部地方检察厅" (the second word may stand in a body's name: the two are looked
/// for in the sentence as written).
const PAIRS: &[(S, &[&str], &[&str], usize)] = &[
    (S::ReferredToProsecutors, &["移交", "移送", "函送"], &["检察", "检方", "法办"], 24),
    (S::InvestigationClosed, &["结束", "终止", "停止", "完成"], &["调查"], 32),
    // "A police investigation into 'secret Chinese police stations' in London has now concluded".
    (
        S::InvestigationClosed,
        &["investigation", "probe", "inquiry"],
        &["has concluded", "has now concluded", "have concluded", "was concluded", "has been concluded", "was dropped"],
        80,
    ),
    (S::InvestigationClosed, &["调查"], &["已结束", "已经结束", "已完成", "已终结", "”结束", "\"结束"], 16),
    (
        S::InvestigationClosed,
        &["ended", "closed", "concluded", "completed", "dropped"],
        &["investigation", "probe"],
        32,
    ),
    (
        S::ClosureOrdered,
        &["ordered", "orders", "an order", "the order", "told", "instructed", "demanded"],
        &["to close", "to shut", "shut down", "closure", "closed"],
        48,
    ),
    (S::ClosureOrdered, &["下达", "下令", "勒令", "要求", "命令"], &["关闭"], 24),
    // 被纽约东区联邦检察官指控: prosecutors' accusation is a charge.
    (S::ChargesFiled, &["检察官", "检方"], &["指控"], 8),
    (S::NoEvidenceFound, &["未在", "未找到", "没有找到", "未能找到"], &["证据"], 24),
    // "China rejects U.S. claims of 'Chinese overseas police stations'".
    // "China on Friday pushed back on claims it was operating 'police stations'".
    (
        S::Denied,
        &["rejects", "rejected", "rejecting", "pushed back", "pushes back", "hit back", "hits back"],
        &["claim", "accusation", "allegation", "report"],
        24,
    ),
    // "my restaurant is not a secret Chinese police station", "they are not so-called police
    // stations".
    (
        S::Denied,
        &["is not", "are not", "was not", "were not", "isn't", "aren't"],
        &["police station", "police service", "police personnel", "police officer"],
        40,
    ),
];

/// The Chinese words of the `Reported` cues for setting something up.
const ESTABLISHING: &[&str] = &["设立", "设置", "成立", "开设", "设有", "启动", "揭牌", "挂牌"];

/// Where the clause `rest` opens ends: at a comma, a semicolon or a full stop, but not at the
/// stops of an abbreviation in single letters ("u.s. claims").
fn clause_end(rest: &str) -> usize {
    let bytes = rest.as_bytes();
    rest.char_indices()
        .find(|&(i, c)| {
            matches!(c, ',' | ';' | '。')
                || (c == '.'
                    && !(i >= 1
                        && bytes[i - 1].is_ascii_alphabetic()
                        && (i < 2 || !bytes[i - 2].is_ascii_alphabetic())))
        })
        .map_or(rest.len(), |(i, _)| i)
}

/// Whether a second word of `pair` follows byte `end` of `lower` within its clause and gap.
fn pair_closes(lower: &str, end: usize, (_, _, seconds, gap): &(S, &[&str], &[&str], usize)) -> bool {
    let rest = &lower[end..];
    let within_gap = &rest[..rest.char_indices().nth(*gap).map_or(rest.len(), |(i, _)| i)];
    let near = &within_gap[..clause_end(within_gap)];
    seconds.iter().any(|w| near.contains(w))
}

/// Bytes a clause is read for around a word of setting up: some 80 Chinese characters each way.
const CLAUSE_REACH: usize = 240;

/// The bytes of the clause around bytes `start..end` of `text`, from the stop before to the stop
/// after, read no further than [`CLAUSE_REACH`] each way (a text without stops is not one
/// clause).
fn clause_around(text: &str, start: usize, end: usize) -> std::ops::Range<usize> {
    let from = text.floor_char_boundary(start.saturating_sub(CLAUSE_REACH));
    let opens = text[from..start].rfind([',', ';', '。']).map_or(from, |i| from + i + 1);
    let rest = &text[end..text.floor_char_boundary(end + CLAUSE_REACH)];
    opens..end + clause_end(rest)
}

/// The first positions of a status kept in a sentence: each later one is read in its own clause,
/// and no sentence of the corpus holds more than a few.
const MAX_CUES_PER_STATUS: usize = 8;

/// The statuses a sentence reports, in the order of [`CUES`], at most one of each, each with
/// where its first word is (in characters of `lower`, the sentence in lower case; `unnamed` is
/// the same with the names of bodies blanked, where the cues are looked for: "Federal Bureau of
/// Investigation" reports no investigation, but "transferred to the Seoul Eastern District
/// Prosecutors' Office" is a referral). "Closed" yields to a closure order or an
/// embassy's word in the same sentence, "charged" to a plea or a conviction, and "reported" to
/// any other step (a sentence that reports a closure reports the station too).
pub(super) fn statuses(unnamed: &str, lower: &str) -> Vec<(S, usize)> {
    let automata = automata();
    // The characters where each status's words stand, by its place in `CUES`.
    let mut places: Vec<Vec<usize>> = vec![Vec::new(); CUES.len()];
    let mut mark = |status: usize, at: usize| places[status].push(at);
    // Pairs are read in the sentence as written: in the pass over the cues when no name was
    // blanked (most sentences), else in a pass of their own.
    let as_written = std::ptr::eq(unnamed, lower);
    let pair = |pair: usize, start: usize, end: usize, at: usize, mark: &mut dyn FnMut(usize, usize)| {
        let pair = &PAIRS[pair];
        if pair_closes(lower, end, pair) && !at_the_request(lower, start, end) {
            let status = CUES.iter().position(|(s, _)| *s == pair.0).expect("each pair's status has cues");
            mark(status, at);
        }
    };
    // In the order they start: the cues a cue may stand inside are the few that start at most
    // the longest cue's length before it.
    let mut hits: Vec<(usize, usize, usize)> = automata
        .cues
        .find_overlapping_iter(unnamed)
        .map(|hit| (automata.cue_status[hit.pattern().as_usize()], hit.start(), hit.end()))
        .collect();
    hits.sort_unstable_by_key(|&(_, start, end)| (start, end));
    let mut chars = CharOffsets::new(unnamed);
    for &(meant, start, end) in &hits {
        if mid_word(unnamed, start) || no_inquiry(unnamed, start, end) || longer_word(unnamed, start, end) {
            continue;
        }
        if meant >= CUES.len() {
            if as_written {
                pair(meant - CUES.len(), start, end, chars.at(start), &mut mark);
            }
            continue;
        }
        // A cue inside a longer one of another status is that one's ("there are" in "there are
        // no").
        // An order "at the request of" (应…要求关闭) is none, and holds no other cue.
        let requested_closure =
            |o: usize, s: usize, e: usize| CUES[o].0 == S::ClosureOrdered && at_the_request(unnamed, s, e);
        let near =
            &hits[hits.partition_point(|h| h.1 + automata.longest_cue < end)..hits.partition_point(|h| h.1 <= start)];
        let inside = near.iter().any(|&(o, s, e)| {
            o != meant && o < CUES.len() && s <= start && end <= e && e - s > end - start && !requested_closure(o, s, e)
        });
        let requested = requested_closure(meant, start, end);
        if inside || requested || (NEGATABLE.contains(&CUES[meant].0) && negated(&unnamed[..start])) {
            continue;
        }
        // A Chinese word of setting up reports a station only where its clause speaks of one
        // (设立了"警侨服务室", 服务站正式启动; not 設立了電話舉報專線 or 我会成立以来).
        if ESTABLISHING.contains(&&unnamed[start..end]) {
            let clause = clause_around(unnamed, start, end);
            if !(about_stations(&unnamed[clause.clone()]) || unnamed[end..clause.end].contains('警')) {
                continue;
            }
        }
        mark(meant, chars.at(start));
    }
    if !as_written {
        let mut chars = CharOffsets::new(lower);
        for hit in automata.pair_firsts.find_overlapping_iter(lower).filter(|hit| !mid_word(lower, hit.start())) {
            let at = chars.at(hit.start());
            pair(automata.pair_of[hit.pattern().as_usize()], hit.start(), hit.end(), at, &mut mark);
        }
    }
    for at in &mut places {
        at.sort_unstable();
        at.dedup();
        at.truncate(MAX_CUES_PER_STATUS);
    }
    let mut out: Vec<(S, usize)> =
        CUES.iter().zip(&places).filter_map(|((status, _), at)| at.first().map(|at| (*status, *at))).collect();
    // A rights group's "investigation" is its report of the stations.
    if out.iter().any(|(s, _)| *s == S::UnderInvestigation) && super::inquiries::by_a_rights_group(lower) {
        let reported = out.iter().any(|(s, _)| *s == S::Reported);
        out.retain(|(s, _)| *s != S::UnderInvestigation || !reported);
        out.iter_mut().filter(|(s, _)| *s == S::UnderInvestigation).for_each(|step| step.0 = S::Reported);
    }
    // "成员们呼吁结束调查", members call for an end to it: the investigation goes on.
    for step in out.iter_mut().filter(|(s, _)| *s == S::InvestigationClosed) {
        let before: String = lower.chars().skip(step.1.saturating_sub(6)).take(step.1.min(6)).collect();
        if DEMANDS.iter().any(|w| before.contains(w)) {
            step.0 = S::UnderInvestigation;
        }
    }
    let has = |s: S| out.iter().any(|(o, _)| *o == s);
    let ordered_or_told = has(S::ClosureOrdered) || has(S::ReportedClosed) || has(S::InvestigationClosed);
    // "An investigation did not reveal any illegal activity": what it found, not that it was.
    let concluded = has(S::NoEvidenceFound) || has(S::InvestigationClosed);
    let decided = has(S::GuiltyPlea) || has(S::Convicted);
    // "There were stations in Toronto, but the RCMP denied it": a report and its denial.
    let other = out.iter().any(|(s, _)| !matches!(s, S::Reported | S::Denied));
    // "China pushed back on claims it was operating stations": what a denial denies, after it,
    // is no report.
    let denied_at = out.iter().find(|(s, _)| *s == S::Denied).map(|&(_, at)| at);
    // "上述报道毫无事实依据": the news a denial answers is no report of a station.
    let news = denied_at.is_some() && only_news(lower);
    // "MPs urge the government to close them": lawmakers ask for a closure, they order none.
    // Whole words only ("mps" is not "camps"); asked only of a sentence with a closure order.
    let holds = |words: &[&str]| words.iter().any(|w| lower.match_indices(w).any(|(at, _)| !mid_word(lower, at)));
    let asked_by_lawmakers = has(S::ClosureOrdered) && holds(LAWMAKERS) && holds(DEMANDS);
    // A rights group's "investigation" is its report of the stations.
    out.retain(|(s, at)| {
        !((*s == S::ClosureOrdered && asked_by_lawmakers)
            || (*s == S::Closed && ordered_or_told)
            || (*s == S::ChargesFiled && decided)
            || (*s == S::UnderInvestigation && concluded)
            || (*s == S::Reported && (other || denied_at.is_some_and(|d| d < *at) || (denied_at.is_some() && news))))
    });
    // Each status once, at its first cue, then again at its later cues: a later cue may stand in
    // a clause of other places and dates ("…於大多倫多地區展開調查,本年3月中旬,…亦正調查於溫哥華…"),
    // which the steps read apart.
    let later: Vec<(S, usize)> = out
        .iter()
        .flat_map(|&(status, first)| {
            let at = CUES.iter().position(|(s, _)| *s == status).map_or(&[][..], |i| &places[i][..]);
            at.iter().filter(move |&&a| a > first).map(move |&a| (status, a))
        })
        .collect();
    out.extend(later);
    out
}

/// Lawmakers, who may ask a government to close a station but order nothing themselves.
const LAWMAKERS: &[&str] = &["lawmakers", "mps ", "members of parliament", "parliamentarians", "legislators", "议员"];

/// Words of asking for something.
const DEMANDS: &[&str] =
    &["urge", "call for", "called for", "calls for", "calling for", "demand", "要求", "促", "呼吁"];

/// Words of a sentence about stations the world over ("102 police bases in 53 countries"), not
/// the ones a document is about.
const WORLDWIDE: &[&str] = &[
    "countries",
    "continents",
    "around the world",
    "worldwide",
    "the globe",
    "全球",
    "世界各地",
    "各国",
    "多国",
    "在海外",
];

/// Whether `lower` speaks of stations the world over, by its words or by a count of countries
/// (在21国, 21个国家).
pub(super) fn worldwide(lower: &str) -> bool {
    let counts_countries = lower.match_indices('国').any(|(at, _)| {
        let before = lower[..at].strip_suffix('个').unwrap_or(&lower[..at]);
        let before = before.strip_suffix("个国家").unwrap_or(before);
        before.ends_with(|c: char| c.is_ascii_digit() || "十百几多".contains(c))
    });
    // "尊重各国司法主权", respect for every country's sovereignty: the stock words of a denial.
    let every_country = |at: usize, w: &str| w == "各国" && lower[..at].ends_with("尊重");
    counts_countries || WORLDWIDE.iter().any(|w| lower.match_indices(w).any(|(at, _)| !every_country(at, w)))
}

/// Words a newsroom reports with, which say nothing of a station's being there.
const NEWS_WORDS: &[&str] = &["reported", "report ", "revealed", "报告", "报道", "披露", "揭露", "曝光"];

/// Whether the only words of `lower` (a sentence) that report a station are a newsroom's
/// ([`NEWS_WORDS`]): "據報道, … 流亡荷蘭" reports no station, "set up in Rotterdam" does.
pub(super) fn only_news(lower: &str) -> bool {
    let reported = CUES.iter().find(|(s, _)| *s == S::Reported).map_or(&[][..], |(_, w)| *w);
    !reported.iter().any(|w| !NEWS_WORDS.contains(w) && lower.contains(w))
}

/// The cues as one automaton (a sentence is read once, not once per word), built on first use.
struct Automata {
    cues: AhoCorasick,
    /// Each cue's status, by its place in `CUES`.
    cue_status: Vec<usize>,
    /// The first words of [`PAIRS`], and each one's pair (by its place in `PAIRS`); `cues` holds
    /// them too, meaning `CUES.len()` + their pair.
    pair_firsts: AhoCorasick,
    pair_of: Vec<usize>,
    /// Bytes of the longest word `cues` holds.
    longest_cue: usize,
}

fn automata() -> &'static Automata {
    static AUTOMATA: OnceLock<Automata> = OnceLock::new();
    AUTOMATA.get_or_init(|| {
        let mut words = Vec::new();
        let mut cue_status = Vec::new();
        for (i, (_, cue_words)) in CUES.iter().enumerate() {
            for w in *cue_words {
                words.push(*w);
                cue_status.push(i);
            }
        }
        let (firsts, pair_of): (Vec<&str>, Vec<usize>) =
            PAIRS.iter().enumerate().flat_map(|(i, (_, firsts, ..))| firsts.iter().map(move |f| (*f, i))).unzip();
        words.extend(&firsts);
        cue_status.extend(pair_of.iter().map(|p| CUES.len() + p));
        // DFAs: every sentence of every document is read by them.
        let dfa = |patterns: &[&str]| AhoCorasick::builder().kind(Some(AhoCorasickKind::DFA)).build(patterns);
        let cues = dfa(&words).expect("the cues make an automaton");
        let pair_firsts = dfa(&firsts).expect("the pairs' first words make an automaton");
        let longest_cue = words.iter().map(|w| w.len()).max().unwrap_or(0);
        Automata { cues, cue_status, pair_firsts, pair_of, longest_cue }
    })
}

#[cfg(test)]
#[path = "cues_tests.rs"]
mod tests;
