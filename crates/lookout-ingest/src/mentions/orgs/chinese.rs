//! Bodies of any kind named in Chinese (simplified or traditional): a word jieba's dictionary
//! tags as an organisation (外交部, 法新社, 美国联邦调查局), or a word that heads a body's name
//! (大使馆, 委员会, 骑警, 警方) after the place and name words that qualify it (中国驻英国大使馆,
//! 参议院国土安全委员会, 加拿大皇家骑警), and bodies known by a bare name (美国之音, 保护卫士).

use lookout_text::{is_han, to_simplified};

use super::lexicon::Lexicon;
use super::zh_cuts;
use super::zh_words::{
    AFTER_FORCE, BRANCH_HEADS, FORCE_HEADS, GENERIC_HEADS, LEFT_STOPS, NAME_VERBS, NOT_BODIES, SOLE_HEADS, WORD_NAMES,
};
use crate::mentions::segment::{count_word, HanCuts};
use crate::mentions::Found;

/// Tags of words that may stand before a head in a body's name: places, organisations, other
/// nouns, abbreviations and attributes.
fn may_qualify(tag: &str) -> bool {
    matches!(tag, "ns" | "nt" | "nz" | "j" | "n" | "ng" | "an" | "b" | "nrt")
}

/// Words just before a generic head that describe a group rather than name it: 西班牙人权组织
/// ("a Spanish rights group"), 中国秘密组织 ("a Chinese secret organisation"), 荷兰非法组织,
/// 中國極權政府 ("China's totalitarian government").
const DESCRIBING: &[&str] = &[
    "人权",
    "权",
    "秘密",
    "非法",
    "地下",
    "民间",
    "相关",
    "有关",
    "特务",
    "极权",
    "独裁",
    "专制",
    "非营利",
    "非盈利",
    "佛教",
    "宗教",
    "反华",
];

/// Whether a word is a single character that stands for a country (法, 加, 英).
fn one_country(word: &lookout_text::Tag) -> bool {
    let mut chars = word.word.chars();
    chars.next().is_some_and(one_country_char) && chars.next().is_none()
}

/// Whether a character stands for a country (加, 美, 英).
fn one_country_char(c: char) -> bool {
    crate::mentions::zh_abbreviations::country_of(c).is_some()
}

/// Every body named in Chinese in `text`: `lines` are its non-ASCII lines; `is_place` tells a
/// city or country name of the gazetteer (jieba's dictionary tags 首尔 an adverb and 南韩 a
/// person's name).
pub(super) fn find(
    lex: &Lexicon,
    text: &str,
    lines: &[(usize, usize)],
    cuts: &mut HanCuts,
    is_place: &mut dyn FnMut(&str) -> bool,
) -> Vec<Found> {
    let mut out = Vec::new();
    for &(from, to) in lines {
        let line = &text[from..to];
        let mut run: Vec<(usize, char)> = Vec::new();
        for (i, c) in line.char_indices().chain(std::iter::once((line.len(), '\n'))) {
            if is_han(c) {
                run.push((from + i, to_simplified(c)));
                continue;
            }
            if run.len() >= 2 {
                let end = from + i;
                let after_number = text[..run[0].0].ends_with(|c: char| c.is_ascii_digit());
                bodies_in_run(lex, &run, end, after_number, cuts, is_place, &mut out);
            }
            run.clear();
        }
    }
    out
}

/// The bodies of one run of Han characters (byte offset and simplified character each) ending at
/// byte `end`; `after_number` when a number stands just before it (its first word is then what
/// the number counts: 3處). The run's cut is kept in `cuts` for the places finder.
fn bodies_in_run(
    lex: &Lexicon,
    run: &[(usize, char)],
    end: usize,
    after_number: bool,
    cuts: &mut HanCuts,
    is_place: &mut dyn FnMut(&str) -> bool,
    out: &mut Vec<Found>,
) {
    let simplified: String = run.iter().map(|&(_, c)| c).collect();
    if !lex.zh_triggers.is_match(&simplified) {
        return;
    }
    let byte_at = |char_index: usize| run.get(char_index).map_or(end, |&(b, _)| b);
    let mut tags = lookout_text::jieba().tag(&simplified, false);
    // The places finder cuts the run as it is written when folding it changes its width.
    if simplified.len() == end - run[0].0 {
        cuts.keep(run[0].0, tags.iter().map(|t| (byte_at(t.start), byte_at(t.end))).collect());
    }
    zh_cuts::join_split_heads(&simplified, &mut tags);
    zh_cuts::split_ministers(&simplified, &mut tags);
    zh_cuts::split_chairs(&simplified, &mut tags, |w| lex.zh_heads.contains(w));
    // A place of the gazetteer is a place whatever jieba's dictionary says of it.
    for t in tags.iter_mut().filter(|t| t.tag != "ns" && t.word.chars().count() >= 2) {
        if is_place(t.word) {
            t.tag = "ns";
        }
    }
    // Where the last body ended (in characters): a name does not reach back into it.
    let mut floor = 0;
    // Whether the last body is a word that names itself (参议院), which a body after it extends.
    let mut last_self_named = false;
    // Whether the last body is the Party (中共), whose organ just after it is one name with it
    // (中共福州市公安局, 中共政府, 中共大使館), as the labels have it.
    let mut last_party = false;
    // Bodies known by name, found in the characters (jieba may cut them: 保护 + 卫士).
    // In characters, in the order they stand (apart: the automaton finds no overlaps), with
    // whether each is the Party's own name.
    let mut chars = crate::char_offsets::CharOffsets::new(&simplified);
    let known_at: Vec<(usize, usize, bool)> = lex
        .zh_names
        .find_iter(&simplified)
        .map(|hit| (chars.at(hit.start()), chars.at(hit.end()), &simplified[hit.range()] == "中共"))
        .collect();
    let mut j = 0;
    while j < tags.len() {
        let t = &tags[j];
        // A known name that opens here, or covers this word, stands as it is.
        let covering = known_at.partition_point(|&(s, ..)| s <= t.start).checked_sub(1).map(|k| known_at[k]);
        // Not one that opens inside a place jieba keeps whole (上海 + 协会: no 海协会).
        // The word the name opens in is the last to open before it (the words are in order).
        let in_place = |s: usize| {
            let at = tags.partition_point(|p| p.start < s);
            at > 0 && tags[at - 1].tag == "ns" && s < tags[at - 1].end
        };
        if let Some((start, stop, party)) = covering.filter(|&(s, e, _)| t.start < e && s >= floor && !in_place(s)) {
            last_party = party;
            // The Party's word jieba keeps whole with a head (中共政府), and a body's name its
            // dictionary holds whole from the known name on (中共中央纪律检查委员会).
            let whole_with_head = t.end > stop
                && (t.start == start && t.tag == "nt"
                    || last_party && {
                        let rest: String = t.word.chars().skip(stop.saturating_sub(t.start)).collect();
                        GENERIC_HEADS.contains(&rest.as_str())
                    });
            let stop = if whole_with_head {
                last_party = false;
                t.end
            } else {
                stop
            };
            out.push(Found::organisation(byte_at(start), byte_at(stop), None));
            last_self_named = false;
            floor = stop;
            while j < tags.len() && tags[j].start < stop {
                j += 1;
            }
            continue;
        }
        // A head, or a word ending in one (国防委员会, 联邦调查局).
        // The characters before the longest head the word ends in (新华 of 新华日报).
        let stem = t
            .word
            .char_indices()
            .skip(1)
            .find(|(at, _)| lex.zh_heads.contains(&t.word[*at..]))
            .map(|(at, _)| &t.word[..at]);
        let ends_in_head = stem.is_some();
        // A force's word before what it runs is no body's head (中国警察 + 站); 联合 after it
        // is what the force does (意大利警察联合巡逻).
        let runs_more = FORCE_HEADS.contains(&t.word)
            && tags.get(j + 1).is_some_and(|n| n.start == t.end && n.word.starts_with(AFTER_FORCE) && n.word != "联合");
        // A chamber names itself whatever jieba tags it (立法院 is an "idiom" to it).
        let head = !runs_more
            && (lex.zh_heads.contains(t.word)
                || SOLE_HEADS.contains(&t.word)
                || ends_in_head && may_qualify(t.tag) && !NOT_BODIES.contains(&t.word));
        // A federation is a state, not a body (瑞士联邦), though it opens one's name (瑞士联邦 +
        // 移民事务秘书处).
        let organisation = (t.tag == "nt" || WORD_NAMES.contains(&t.word))
            && !t.word.ends_with("联邦")
            && t.word.chars().count() >= 2
            && !NOT_BODIES.contains(&t.word);
        let party_head = last_party && !runs_more && t.start == floor && GENERIC_HEADS.contains(&t.word);
        if !(head || organisation || party_head) || t.start < floor {
            j += 1;
            continue;
        }
        // A head just after a body extends it (协会 + 总会: 中国在韩侨民协会总会); a party is a body
        // of its own (美國眾議院 + 共和黨).
        if (head && !t.word.ends_with('党') || party_head) && floor > 0 && t.start == floor {
            if let Some(last) = out.last_mut().filter(|l| l.end == byte_at(t.start)) {
                last.end = byte_at(t.end);
                (last_self_named, last_party) = (false, false);
                floor = t.end;
                j += 1;
                continue;
            }
        }
        // The words before it that qualify it ("中国" "驻" "英国" before "大使馆").
        let mut first = j;
        while first > 0 && j - first < 6 {
            let before = &tags[first - 1];
            // 驻 ("stationed in") joins a body to its host country: 中国驻英国大使馆, 中国驻英大使馆.
            let drives = before.word.starts_with('驻')
                && (before.word != "驻" || tags.get(first).is_some_and(|n| matches!(n.tag, "ns" | "j")));
            // 及 and 与 join two words of one name (外交及国防委员会), not a body to a place or
            // to people (部门与韩国警方, 被告人与公安部).
            let joins = matches!(before.word, "及" | "与")
                && first >= 2
                && tags[first - 2].tag == "n"
                && !tags[first - 2].word.ends_with(['人', '长', '员', '官'])
                && tags[first].tag != "ns";
            // 在 between two places: the body of one in the other (中国在韩侨民协会).
            let in_place = before.word == "在"
                && first >= 2
                && tags[first - 2].tag == "ns"
                && tags.get(first).is_some_and(|n| matches!(n.tag, "ns" | "j"));
            // A quarter of a place (首尔东部地方检察厅).
            // So is 中 + 区, a Central District (加州中区联邦法院) jieba cuts in two.
            let quarter = (before.tag == "f" && before.word.chars().count() == 2 && before.word.ends_with('部'))
                || before.word == "国内"
                || (before.word == "中" && tags[first].word == "区");
            // 中 beside a country's character is a pair of countries (中 + 法 + 协会, 加 + 中 +
            // 关系 + 委员会), whatever jieba tags the two.
            let pair = (before.word == "中"
                && (one_country(&tags[first]) || first >= 2 && one_country(&tags[first - 2])))
                || (one_country(before) && tags[first].word == "中");
            // A word after a number is what it counts (3處, 五間 + 公司), not a name.
            let counted = first == 1 && after_number || count_word(before.word);
            // A stop jieba cuts in two (官 + 媒) stops as one.
            let cut_stop =
                first >= 2 && LEFT_STOPS.iter().any(|s| s.strip_suffix(before.word) == Some(tags[first - 2].word));
            // A word that names no body (秘密警察) names none with a head after it either
            // (中國秘密警察組織).
            // 联邦地区法院, a federal district court: the region word is of its name.
            let federal_district = before.word == "地区" && first >= 2 && tags[first - 2].word == "联邦";
            // An ordinal numbers a body of its kind (郑州市 + 第三 + 看守所).
            let ordinal = before.word.strip_prefix('第').is_some_and(|n| {
                !n.is_empty()
                    && n.chars().all(|c| "一二三四五六七八九十".contains(c))
                    && first >= 2
                    && tags[first - 2].tag == "ns"
            });
            let qualifies = (may_qualify(before.tag) || NAME_VERBS.contains(&before.word) || ordinal)
                && (!LEFT_STOPS.contains(&before.word) || federal_district)
                && !NOT_BODIES.contains(&before.word)
                && !cut_stop
                && !counted;
            if before.start < floor || !(qualifies || drives || joins || in_place || quarter || pair) {
                break;
            }
            first -= 1;
        }
        // A head alone names no body (政府, 委员会); a body's own name (外交部, 法新社) does.
        // A word that is a name and its head in one (新华日报) names a body by itself.
        let self_named = head && (stem.is_some_and(|s| s.chars().count() >= 2) || SOLE_HEADS.contains(&t.word));
        if (first == j && !organisation && !self_named) || t.end - tags[first].start < 2 {
            j += 1;
            continue;
        }
        // A name opens with a word that names, not with a joining word (驻 may open one:
        // 驻英国使馆).
        while matches!(tags[first].word, "及" | "与") && first < j {
            first += 1;
        }
        // A country before a place of its own names no more of the body (中国 + 上海市公安,
        // 德国 + 黑森州内政部): the country is a place beside it. An association abroad is named
        // by its country and its members' home (法国福建工商联合会).
        if first + 1 < j
            && !t.word.ends_with('会')
            && tags[first + 1].tag == "ns"
            && lookout_geo::CountryNames::shared().by_chinese(tags[first].word).is_some()
        {
            first += 1;
        }
        // A branch just after a body, in a place, is the body's (美国联邦调查局 + 纽约办事处), as
        // is a body just after one that names itself (参议院 + 国土安全委员会) and a committee
        // just after a body (国会程序及议会 + 事务常设委员会).
        let branch = BRANCH_HEADS.iter().any(|h| t.word.ends_with(h)) || t.word.ends_with("委员会");
        // So is a mission just after a body (中共 + 驻柏林使馆, 外交部 + 驻港公署).
        let stationed = tags[first].word.starts_with('驻');
        // The Party's organ just after it is its own (中共 + 福州市公安局), not an association (中共
        // + 福建商會: a chamber that sides with the Party).
        let party_organ = last_party && (!t.word.ends_with('会') || t.word.ends_with("委员会"));
        if (branch || last_self_named || stationed || party_organ)
            && !t.word.ends_with('党')
            && floor > 0
            && tags[first].start == floor
        {
            if let Some(last) = out.last_mut().filter(|l| l.end == byte_at(floor)) {
                last.end = byte_at(t.end);
                (last_self_named, last_party) = (false, false);
                floor = t.end;
                j += 1;
                continue;
            }
        }
        // A police service centre is a station, not a body (巴黎警务服务中心), and so is "a
        // Chinese police station" (中国警察局: the stations' name in Chinese news; 温州警察局 is a
        // bureau).
        let chinese_station = ["警察局", "警局", "警察署"].iter().any(|h| t.word.ends_with(h))
            && first < j
            && tags[first..j].iter().all(|q| matches!(q.word, "中国" | "中共" | "中方"));
        if chinese_station || (t.word.ends_with("中心") && tags[first..j].iter().any(|q| q.word.contains('警'))) {
            j += 1;
            continue;
        }
        // A generic head (组织, 政府) names a body only after a name (中国公安机关, not 人权组织).
        // A place and a cause before one describe a group, not name it (西班牙人权组织, "a
        // Spanish rights group").
        let named = tags[first..j].iter().any(|q| matches!(q.tag, "ns" | "nt" | "nz" | "j"))
            && !(j > first && DESCRIBING.contains(&tags[j - 1].word));
        if GENERIC_HEADS.iter().any(|h| t.word.ends_with(h)) && !named && !organisation {
            j += 1;
            continue;
        }
        // 国 after a country's character is of its name (加 + 国骑警: jieba does not keep 加国).
        let start = tags[first].start;
        let start =
            if start > 0 && run[start].1 == '国' && one_country_char(run[start - 1].1) { start - 1 } else { start };
        out.push(Found::organisation(byte_at(start), byte_at(t.end), None));
        last_self_named = first == j && self_named;
        last_party = false;
        floor = t.end;
        j += 1;
    }
}

#[cfg(test)]
#[path = "chinese_tests.rs"]
mod tests;
