//! Bodies of any kind named in Chinese (simplified or traditional): a word jieba's dictionary
//! tags as an organisation (外交部, 法新社, 美国联邦调查局), or a word that heads a body's name
//! (大使馆, 委员会, 骑警, 警方) after the place and name words that qualify it (中国驻英国大使馆,
//! 参议院国土安全委员会, 加拿大皇家骑警), and bodies known by a bare name (美国之音, 保护卫士).

use lookout_text::{is_han, to_simplified};

use super::lexicon::Lexicon;
use crate::mentions::Found;

/// Words that head a body's name only after words that name it (政府 alone is no body).
pub(super) const HEADS: &[&str] = &[
    "大使馆",
    "使馆",
    "总领事馆",
    "领事馆",
    "代表处",
    "办事处",
    "委员会",
    "总会",
    "协会",
    "商会",
    "联合会",
    "同乡会",
    "公会",
    "侨联",
    "骑警",
    "警方",
    "公安机关",
    "办公室",
    "机关",
    "政府",
    "议会",
    "国会",
    "法院",
    "检察院",
    "检察署",
    "调查局",
    "通讯社",
    "电视台",
    "电台",
    "都市网",
    "公司",
    "集团",
    "大学",
    "学校",
    "研究所",
    "研究院",
    "基金会",
    "组织",
    "党",
    "部",
    "局",
    "署",
    "厅",
];

/// Heads so general that only a name before them makes a body: 中国公安机关, not 人权组织.
const GENERIC_HEADS: &[&str] = &["组织", "机构", "团体", "机关", "政府", "警方", "中心", "办事处", "公司", "集团"];

/// Words that end in a head but name no body.
const NOT_BODIES: &[&str] = &[
    "部分",
    "全部",
    "内部",
    "外部",
    "局部",
    "干部",
    "总部",
    "本部",
    "东部",
    "西部",
    "南部",
    "北部",
    "中部",
    "俱乐部",
    "非政府",
    "非政府组织",
    "结局",
    "布局",
    "格局",
    "大局",
    "当局",
    "政党",
    "社会",
    "机会",
    "会议",
    "大会",
    "晚会",
    "中心",
    "核心",
    "全党",
];

/// Bodies known by a bare name (simplified).
pub(super) const NAMES: &[&str] = &[
    "美国之音",
    "保护卫士",
    "自由亚洲电台",
    "新华社",
    "路透社",
    "美联社",
    "法新社",
    "中央社",
    "共同社",
    "联合早报",
    "明报",
    "大纪元",
    "人民日报",
    "环球时报",
    "推特",
    "脸书",
    "微信",
    "中共",
    "国民党",
    "民进党",
    "侨委会",
    "国台办",
    "联合国",
    "欧洲刑警组织",
    "国际刑警组织",
    "联调局",
];

/// Name words that end the words before a head (记者, 发言人: a body's people, not its name).
const LEFT_STOPS: &[&str] = &[
    "发言人",
    "记者",
    "局长",
    "部长",
    "报告",
    "人员",
    "官员",
    "消息",
    "媒体",
    "网站",
    "地区",
    "全球",
    "海外",
    "当地",
    "警察",
    "民众",
    "公民",
    "一个",
    "这个",
];

/// Tags of words that may stand before a head in a body's name: places, organisations, other
/// nouns, abbreviations and attributes.
fn may_qualify(tag: &str) -> bool {
    matches!(tag, "ns" | "nt" | "nz" | "j" | "n" | "ng" | "an" | "b" | "nrt")
}

/// Characters that end the names jieba's dictionary tags as bodies without a head of [`HEADS`]
/// (国务院, 法新社, 泰晤士报, 广播电台, 中文学校): with the heads and the names, a run that
/// holds none of them is passed over untagged.
pub(super) const TRIGGERS: &[&str] = &["院", "社", "报", "台", "校", "府", "团", "所", "军", "队"];

/// Every body named in Chinese in `text`: `lines` are its non-ASCII lines.
pub(super) fn find(lex: &Lexicon, text: &str, lines: &[(usize, usize)]) -> Vec<Found> {
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
                bodies_in_run(lex, &run, end, after_number, &mut out);
            }
            run.clear();
        }
    }
    out
}

/// The bodies of one run of Han characters (byte offset and simplified character each) ending at
/// byte `end`; `after_number` when a number stands just before it (its first word is then what
/// the number counts: 3處).
fn bodies_in_run(lex: &Lexicon, run: &[(usize, char)], end: usize, after_number: bool, out: &mut Vec<Found>) {
    let simplified: String = run.iter().map(|&(_, c)| c).collect();
    if !lex.zh_triggers.is_match(&simplified) {
        return;
    }
    let byte_at = |char_index: usize| run.get(char_index).map_or(end, |&(b, _)| b);
    let tags = lookout_text::jieba().tag(&simplified, false);
    // Where the last body ended (in characters): a name does not reach back into it.
    let mut floor = 0;
    // Bodies known by name, found in the characters (jieba may cut them: 保护 + 卫士).
    let known_at: Vec<(usize, usize)> = lex
        .zh_names
        .find_iter(&simplified)
        .map(|hit| {
            let start = simplified[..hit.start()].chars().count();
            (start, start + simplified[hit.range()].chars().count())
        })
        .collect();
    let mut j = 0;
    while j < tags.len() {
        let t = &tags[j];
        // A known name that opens here, or covers this word, stands as it is.
        if let Some(&(start, stop)) = known_at.iter().find(|(s, e)| *s <= t.start && t.start < *e && *s >= floor) {
            out.push(Found::organisation(byte_at(start), byte_at(stop), None));
            floor = stop;
            while j < tags.len() && tags[j].start < stop {
                j += 1;
            }
            continue;
        }
        // A head, or a word ending in one (国防委员会, 联邦调查局).
        let ends_in_head = t.word.char_indices().skip(1).any(|(at, _)| lex.zh_heads.contains(&t.word[at..]));
        let head = lex.zh_heads.contains(t.word) || ends_in_head && may_qualify(t.tag) && !NOT_BODIES.contains(&t.word);
        let organisation = t.tag == "nt" && t.word.chars().count() >= 2 && !NOT_BODIES.contains(&t.word);
        if !(head || organisation) || t.start < floor {
            j += 1;
            continue;
        }
        // The words before it that qualify it ("中国" "驻" "英国" before "大使馆").
        let mut first = j;
        while first > 0 && j - first < 5 {
            let before = &tags[first - 1];
            // 驻 ("stationed in") joins a body to its host country: 中国驻英国大使馆, 中国驻英大使馆.
            let drives = before.word.starts_with('驻')
                && (before.word != "驻" || tags.get(first).is_some_and(|n| n.tag == "ns"));
            let joins = matches!(before.word, "及" | "与") && first >= 2 && tags[first - 2].tag == "n";
            // A word after a number is what it counts (3處), not a name.
            let counted = first == 1 && after_number;
            let qualifies = may_qualify(before.tag) && !LEFT_STOPS.contains(&before.word) && !counted;
            if before.start < floor || !(qualifies || drives || joins) {
                break;
            }
            first -= 1;
        }
        // A head alone names no body (政府, 委员会); a body's own name (外交部, 法新社) does.
        if (first == j && !organisation) || t.end - tags[first].start < 2 {
            j += 1;
            continue;
        }
        // A name opens with a word that names, not with a joining word (驻 may open one:
        // 驻英国使馆).
        while matches!(tags[first].word, "及" | "与") && first < j {
            first += 1;
        }
        // A generic head (组织, 政府) names a body only after a name (中国公安机关, not 人权组织).
        let named = tags[first..j].iter().any(|q| matches!(q.tag, "ns" | "nt" | "nz" | "j"));
        if GENERIC_HEADS.iter().any(|h| t.word.ends_with(h)) && !named && !organisation {
            j += 1;
            continue;
        }
        out.push(Found::organisation(byte_at(tags[first].start), byte_at(t.end), None));
        floor = t.end;
        j += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bodies(text: &str) -> Vec<&str> {
        let lines = crate::mentions::segment::non_ascii_lines(text);
        find(&crate::mentions::testing::finder().orgs.lexicon, text, &lines)
            .iter()
            .map(|f| &text[f.start..f.end])
            .collect()
    }

    #[test]
    fn bodies_by_tag_head_and_name() {
        assert_eq!(bodies("外交部发言人赵立坚表示"), ["外交部"]);
        assert_eq!(bodies("中国驻英国大使馆发言人称"), ["中国驻英国大使馆"]);
        assert_eq!(bodies("美国联邦调查局局长周四表示"), ["美国联邦调查局"]);
        assert_eq!(bodies("与司法部和国务院商讨"), ["司法部", "国务院"]);
        assert_eq!(bodies("加拿大皇家骑警说"), ["加拿大皇家骑警"]);
        assert_eq!(bodies("人权监督机构“保护卫士”"), ["保护卫士"]);
        assert_eq!(bodies("荷蘭政府昨天表示"), ["荷蘭政府"]);
    }

    #[test]
    fn heads_alone_and_common_words_are_no_bodies() {
        assert!(bodies("政府表示，部分会议在社会中心举行").is_empty());
    }
}
