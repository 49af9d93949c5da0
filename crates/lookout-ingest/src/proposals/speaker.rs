//! Who says a step: the body a sentence attributes it to (its claimant), and whether the one who
//! says it is the Chinese embassy or the host country's government, which makes a closure they
//! report theirs (`closed_per_chinese_embassy`, `closed_per_host_government`).

use lookout_core::StationStatus as S;

use crate::{Kind, Mention};

/// Verbs of saying, after the one who says ("the Justice Department said", 外交部发言人表示).
pub(super) const SAYING: &[&str] = &[
    " said",
    " says",
    " stated",
    " announced",
    " told",
    " reported",
    " confirmed",
    " added",
    "表示",
    "称",
    "说",
    "指出",
    "宣布",
    "证实",
    "透露",
];

/// Where each verb of saying of [`SAYING`] first stands in `s` (bytes), by its place there: one
/// pass over the sentence for all of them.
fn first_sayings(s: &str) -> [Option<usize>; SAYING.len()] {
    static AUTOMATON: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    let automaton = AUTOMATON.get_or_init(|| aho_corasick::AhoCorasick::new(SAYING).expect("a few words"));
    let mut first = [None; SAYING.len()];
    for hit in automaton.find_overlapping_iter(s) {
        first[hit.pattern().as_usize()].get_or_insert(hit.start());
    }
    first
}

/// Words before the one who says ("according to the Press Association", 据法新社).
pub(super) const ACCORDING_TO: &[&str] = &["according to", "据"];

/// Who says what a sentence reports, as far as it matters to a closure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Speaker {
    /// A Chinese embassy ("The Chinese Embassy has now stated", 中国驻英国使馆发言人).
    ChineseEmbassy,
    /// The government or police of the country the station is in ("the Security Minister
    /// said", "the RCMP confirmed").
    HostGovernment,
    /// Anyone else, or nobody the sentence names.
    Other,
}

/// Words naming China in who speaks.
const CHINESE: &[&str] = &["chin", "prc", "beijing", "中国", "中方", "中共", "北京"];

/// Words naming a government, its ministers or its police in who speaks.
const GOVERNMENT: &[&str] = &[
    "minister",
    "secretary",
    "government",
    "police",
    "rcmp",
    "ministry",
    "department",
    "commissioner",
    "dgsi",
    "intelligence",
    "情报",
    "prosecutor",
    "attorney general",
    "state department",
    "department of state",
    "国务院",
    "政府",
    "部长",
    "大臣",
    "警方",
    "警察",
    "骑警",
    "检察",
];

/// Who speaks in `lower` (the sentence in lower case, Chinese simplified): the claimant, or else
/// the words just before its verb of saying.
pub(super) fn speaker(lower: &str, claimant: Option<&str>) -> Speaker {
    // The Chinese ambassador's assurance, whoever tells of it ("he assured me", 他向我保证).
    let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    if has(CHINESE) && has(&["ambassador", "大使"]) && has(&["assured", "assurance", "保证"]) {
        return Speaker::ChineseEmbassy;
    }
    // The claimant, when it says who it is ("Chinese Embassy", "RCMP"); else the words just
    // before the verb of saying ("Public Safety Minister Marco Mendicino said").
    if let Some(claimant) = claimant.map(|c| lookout_text::fold(c).to_lowercase()) {
        match of(&claimant) {
            Speaker::Other if CHINESE.iter().any(|w| claimant.contains(w)) => return Speaker::Other,
            Speaker::Other => {}
            said => return said,
        }
    }
    let Some(at) = first_sayings(lower).into_iter().flatten().min() else { return headed(lower) };
    let from = lower[..at].char_indices().rev().nth(40).map_or(0, |(i, _)| i);
    of(&lower[from..at])
}

/// Who a headline gives the word to before a colon: a body ("法国情报局:关闭9座…") or a
/// country other than China ("… 捷克:布拉格关闭两间"), its government; or, in a few words
/// after its last colon, a body ("… Have ‘Ceased’ Operations: RCMP").
fn headed(lower: &str) -> Speaker {
    let Some(colon) = lower.find([':', '：']) else { return Speaker::Other };
    let last = lower.rfind([':', '：']).unwrap_or(colon);
    let tail = lower[last..].trim_start_matches([':', '：']).trim();
    // A few words (a Chinese headline's whole clause after its colon is no source).
    if !tail.is_empty() && tail.split_whitespace().count() <= 3 && tail.chars().count() <= 24 {
        match of(tail) {
            Speaker::Other => {}
            said => return said,
        }
    }
    let who = lower[..colon].split_whitespace().last().unwrap_or("");
    if who.is_empty() || who.chars().count() > 12 {
        return Speaker::Other;
    }
    let names = lookout_geo::CountryNames::shared();
    match names.by_chinese(who).or_else(|| names.by_english(who)) {
        Some(country) if country != "CN" => Speaker::HostGovernment,
        _ => of(who),
    }
}

/// Services the Chinese side says the stations give (simplified).
const SERVICES: &[&str] = &["驾照", "驾驶证", "驾驶执照", "换证", "证照", "行政服务", "行政事务"];

/// Whether `lower`, a Chinese sentence (simplified), has the Chinese side explain the stations
/// as services ("中国当局表示,这些服务站是为了方便中国公民更换驾照"): a denial that they are
/// police stations, as the corpus's Chinese labels read it.
pub(super) fn chinese_side_explains_services(lower: &str) -> bool {
    let Some(at) = first_sayings(lower).into_iter().flatten().min() else { return false };
    let from = lower[..at].char_indices().rev().nth(12).map_or(0, |(i, _)| i);
    let who = &lower[from..at];
    (CHINESE.iter().any(|w| who.contains(w)) || who.contains("外交部"))
        && who.contains(lookout_text::is_han)
        && SERVICES.iter().any(|w| lower[at..].contains(w))
}

/// Who `who` (in lower case, simplified) is.
fn of(who: &str) -> Speaker {
    let has = |words: &[&str]| words.iter().any(|w| who.contains(w));
    if has(CHINESE) {
        if who.contains("embassy") || who.contains("使馆") {
            return Speaker::ChineseEmbassy;
        }
        return Speaker::Other;
    }
    if has(GOVERNMENT) {
        return Speaker::HostGovernment;
    }
    Speaker::Other
}

/// A closure the Chinese embassy or the host government reports is theirs, as is one the host
/// government's own people made, named just before it in its clause ("the DGSI has shut down
/// these stations"); `lower` is the sentence (in lower case, simplified).
pub(super) fn closure_by_speaker(statuses: &mut [(S, usize)], speaker: Speaker, lower: &str) {
    for (s, at) in statuses.iter_mut().filter(|(s, _)| matches!(s, S::Closed | S::ReportedClosed)) {
        let said = match speaker {
            // The Chinese side's answer to the host, told by the host ("德国外交部发言人表示,
            // 中方回复说, 这些'服务站'已经关闭"), is the embassy's word.
            Speaker::Other | Speaker::HostGovernment if chinese_side_answers(lower, *at) => Speaker::ChineseEmbassy,
            // The clause's words for stations name no police ("the police station, which closed").
            Speaker::Other => of(&super::STATION_WORDS
                .iter()
                .chain(&["police stations", "警察站", "警察局"])
                .fold(closing_clause(lower, *at).to_string(), |clause, w| clause.replace(w, " "))),
            said => said,
        };
        match said {
            Speaker::ChineseEmbassy => *s = S::ClosedPerChineseEmbassy,
            Speaker::HostGovernment => *s = S::ClosedPerHostGovernment,
            // A closure nobody answers for, told with a hedge ("was allegedly “shut down”",
            // "seems to have been shut down"), is a report of one.
            Speaker::Other if HEDGES.iter().any(|w| closing_clause(lower, *at).contains(w)) => *s = S::ReportedClosed,
            Speaker::Other => {}
        }
    }
}

/// Words that hedge a closure (simplified, lower case).
const HEDGES: &[&str] = &["allegedly", "seems to", "seem to", "appears to", "apparently", "据称", "似乎", "疑似"];

/// Whether the Chinese side (中方) answers, tells or says, within a few characters, before
/// `lower`'s character `at`: diplomatic Chinese for the embassy's reply to the host.
fn chinese_side_answers(lower: &str, at: usize) -> bool {
    let end = byte_of(lower, at);
    let Some(side) = lower[..end].rfind("中方") else { return false };
    let after: String = lower[side + "中方".len()..end].chars().take(14).collect();
    SAYING.iter().chain(&["回复", "答复", "回应", "告知"]).any(|w| after.contains(w))
}

/// The byte where `lower`'s character `at` stands (its end when `at` is past it).
fn byte_of(lower: &str, at: usize) -> usize {
    lower.char_indices().nth(at).map_or(lower.len(), |(i, _)| i)
}

/// The words of `lower`'s clause before its character `at` (a closure's cue).
fn closing_clause(lower: &str, at: usize) -> &str {
    let end = byte_of(lower, at);
    let start = lower[..end].rfind([',', ';', ':', '，', '；', '：']).map_or(0, |i| i + 1);
    &lower[start..end]
}

/// Who says so: the body named before a verb of saying, or after "according to"; none when the
/// sentence attributes it to no body (the document's publisher is then the claimant).
pub(super) fn claimant(text: &str, here: &[Mention], words: &str, sentence_start: usize) -> Option<String> {
    let bodies: Vec<&Mention> = here.iter().filter(|m| m.kind() == Kind::Organisation).collect();
    if bodies.is_empty() {
        return None;
    }
    let offset_of = |b: usize| sentence_start + words[..b].chars().count();
    for cue in ACCORDING_TO {
        if let Some(at) = words.find(cue).map(offset_of) {
            if let Some(m) = bodies.iter().find(|m| m.start >= at) {
                return Some(m.text_in(text).to_string());
            }
        }
    }
    // The verbs in the order of `SAYING`, each where it first stands.
    for at in first_sayings(words).into_iter().flatten().map(offset_of) {
        if let Some(m) = bodies.iter().rev().find(|m| m.end <= at) {
            return Some(m.text_in(text).to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closure_is_the_embassy_s_or_the_government_s_when_they_say_it() {
        let closed = |lower: &str, claimant: Option<&str>| {
            let mut s = vec![(S::Closed, 0)];
            closure_by_speaker(&mut s, speaker(lower, claimant), lower);
            s[0].0
        };
        assert_eq!(
            closed("the chinese embassy has now stated that the office has ceased", Some("Chinese Embassy")),
            S::ClosedPerChineseEmbassy
        );
        assert_eq!(closed("中国驻英国使馆发言人表示,相关站点已关闭", None), S::ClosedPerChineseEmbassy);
        assert_eq!(
            closed("the security minister told parliament the sites had closed", None),
            S::ClosedPerHostGovernment
        );
        assert_eq!(closed("the rcmp said the stations have shut down", Some("RCMP")), S::ClosedPerHostGovernment);
        assert_eq!(closed("chinese officials said the stations have closed", None), S::Closed);
        assert_eq!(closed("the station closed last fall", None), S::Closed);
        let shut = |lower: &str| {
            let at = lower.find("shut").map(|b| lower[..b].chars().count()).unwrap();
            let mut s = vec![(S::Closed, at)];
            closure_by_speaker(&mut s, speaker(lower, None), lower);
            s[0].0
        };
        assert_eq!(
            shut("according to french media, the dgsi has shut down these stations"),
            S::ClosedPerHostGovernment
        );
        assert_eq!(shut("the office, which police raided last year, was shut down"), S::Closed);
        assert_eq!(shut("the police station – which shut in the fall of 2022"), S::Closed);
        assert!(chinese_side_explains_services("中国当局表示,这些服务站是为了方便中国公民更换驾照和身分证"));
        assert!(chinese_side_explains_services("中共坚称,这些办事处为海外的中国公民提供行政服务,如驾照续期"));
        assert!(!chinese_side_explains_services("荷兰华人可以联系这些办事处处理行政事务,例如更新驾驶执照"));
        assert!(!chinese_side_explains_services("保护卫士表示,这些站点以更换驾照为名监视侨民"));
        assert_eq!(closed("中国涉设非法警察局 捷克:布拉格关闭两间", None), S::ClosedPerHostGovernment);
        assert_eq!(closed("法国情报局:关闭9座中国警察站", None), S::ClosedPerHostGovernment);
        assert_eq!(closed("北京:相关站点已关闭", None), S::Closed);
        let closed_at = |lower: &str, cue: &str| {
            let at = lower.find(cue).map(|b| lower[..b].chars().count()).unwrap();
            let mut s = vec![(S::Closed, at)];
            closure_by_speaker(&mut s, speaker(lower, Some("德国外交部")), lower);
            s[0].0
        };
        assert_eq!(
            closed_at("而德国外交部发言人则表示,“中方在2023年2月初回复说,这些所谓的'服务站'已经关闭。", "已经关闭"),
            S::ClosedPerChineseEmbassy,
            "the Chinese side's reply, told by the host"
        );
        assert_eq!(closed_at("德国外交部表示,中方不愿合作,服务站已经关闭", "已经关闭"), S::Closed);
        assert_eq!(
            closed("i discussed it with the chinese ambassador and he assured me that they were closed, the minister added", None),
            S::ClosedPerChineseEmbassy
        );
        assert_eq!(
            closed("public safety minister marco mendicino said the stations have shut down", Some("Public Safety")),
            S::ClosedPerHostGovernment,
            "the claimant says no more than a name: the words before the verb say who"
        );
        assert_eq!(
            closed("the chinese foreign ministry said the minister's sites closed", Some("Chinese Foreign Ministry")),
            S::Closed
        );
    }
}
