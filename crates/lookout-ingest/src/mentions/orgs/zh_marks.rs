//! Bodies a Chinese text marks by its punctuation: the outlet of a dateline (【大纪元2022年11月02日讯】,
//! 〔中央社〕), a publication in 《》 that reports something (《紐約時報》報導), and the English name
//! in parentheses after a body's Chinese name (保护卫士(Safeguard Defenders), 《國家評論》(National
//! Review)).

use lookout_text::is_han;

use crate::mentions::Found;

/// How a publication's name ends (日报, 時報, 周刊, 评论, 电视台 …).
const MEDIA_ENDS: &[&str] = &[
    "报",
    "報",
    "刊",
    "志",
    "誌",
    "评论",
    "評論",
    "新闻",
    "新聞",
    "电视台",
    "電視台",
    "电台",
    "電台",
    "网",
    "網",
    "社",
];

/// Words after a publication's name that say it reports (《紐約時報》報導稱).
const REPORTING: &[&str] =
    &["报道", "報導", "报导", "報道", "称", "稱", "指出", "引述", "披露", "援引", "报告", "報告", "揭露"];

/// The marks that open a dateline or a publication's name, as one automaton (a search for rare
/// bytes, not a walk over every character).
fn marks() -> &'static aho_corasick::AhoCorasick {
    static MARKS: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    MARKS.get_or_init(|| aho_corasick::AhoCorasick::new(["【", "〔", "《"]).expect("three marks make an automaton"))
}

/// Every body `text`'s Chinese `lines` mark by punctuation; `bodies` are the Chinese bodies
/// found by name, whose English names in parentheses are bodies too.
pub(super) fn find(text: &str, lines: &[(usize, usize)], bodies: &[Found]) -> Vec<Found> {
    let mut out = Vec::new();
    for &(from, to) in lines {
        let line = &text[from..to];
        for hit in marks().find_iter(line) {
            let at = hit.start();
            let open = line[at..].chars().next().expect("a mark is a character");
            let inner_start = at + open.len_utf8();
            let run: usize = line[inner_start..].chars().take_while(|c| is_han(*c)).map(char::len_utf8).sum();
            // A dateline's time zone is no part of the outlet's name (【新唐人北京时间2022年…讯】).
            let zone = ["时间", "時間"].iter().any(|t| line[inner_start..inner_start + run].ends_with(t));
            let han = if zone && open == '【' {
                let zone_bytes: usize =
                    line[inner_start..inner_start + run].chars().rev().take(4).map(char::len_utf8).sum();
                run.saturating_sub(zone_bytes)
            } else {
                run
            };
            let name = &line[inner_start..inner_start + han];
            let chars = name.chars().count();
            if !(2..=12).contains(&chars) {
                continue;
            }
            let rest = &line[inner_start + run..];
            let marked = match open {
                // A dateline: the outlet, then the date or the bracket's end.
                '【' => chars <= 8 && rest.starts_with(|c: char| c.is_ascii_digit()),
                '〔' => chars <= 8 && rest.starts_with('〕'),
                _ => {
                    rest.starts_with('》') && {
                        let after = skip_parenthesis(&rest['》'.len_utf8()..]);
                        MEDIA_ENDS.iter().any(|e| name.ends_with(e)) || REPORTING.iter().any(|r| after.starts_with(r))
                    }
                }
            };
            if marked {
                out.push(Found::organisation(from + inner_start, from + inner_start + han, None));
            }
        }
    }
    // English names in parentheses after the Chinese ones.
    let english: Vec<Found> = bodies.iter().chain(out.iter()).filter_map(|b| english_after(text, b.end)).collect();
    out.extend(english);
    out
}

/// What follows a parenthesis that opens `s`, or `s`.
fn skip_parenthesis(s: &str) -> &str {
    let close = if s.starts_with('(') {
        ')'
    } else if s.starts_with('（') {
        '）'
    } else {
        return s;
    };
    s.find(close).map_or(s, |at| &s[at + close.len_utf8()..])
}

/// The English name in parentheses just after byte `end` (past a closing mark): a capitalised
/// run of Latin words, at most 60 bytes.
fn english_after(text: &str, end: usize) -> Option<Found> {
    let rest = &text[end..];
    let marks: usize =
        rest.chars().take_while(|c| matches!(c, '》' | '」' | '”' | '"' | '’')).map(char::len_utf8).sum();
    let rest = &rest[marks..];
    let open = rest.chars().next().filter(|c| matches!(c, '(' | '（'))?;
    let inner = &rest[open.len_utf8()..];
    let len = inner.find([')', '）'])?;
    let name = &inner[..len];
    let latin = name.chars().all(|c| c.is_ascii_alphanumeric() || " &.'-".contains(c));
    if !latin || len > 60 || !name.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let start = end + marks + open.len_utf8();
    Some(Found::organisation(start, start + len, None))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str, bodies: &[(usize, usize)]) -> Vec<String> {
        let lines = crate::mentions::segment::non_ascii_lines(text);
        let bodies: Vec<Found> = bodies.iter().map(|&(s, e)| Found::organisation(s, e, None)).collect();
        find(text, &lines, &bodies).iter().map(|f| text[f.start..f.end].to_string()).collect()
    }

    #[test]
    fn datelines_publications_and_english_names() {
        assert_eq!(marked("【看中國2023年2月1日訊】美媒", &[]), ["看中國"]);
        assert_eq!(marked("【新唐人北京时间2022年09月16日讯】中共", &[]), ["新唐人"]);
        assert_eq!(marked("〔中央社〕法國國內情報總局", &[]), ["中央社"]);
        assert_eq!(marked("美媒《國家評論》(National Review)1月30日報導", &[]), ["國家評論", "National Review"]);
        assert_eq!(marked("《紐約時報》報導稱", &[]), ["紐約時報"]);
        let text = "人权组织“保护卫士”(Safeguard Defenders)称";
        let start = text.find("保护卫士").unwrap();
        assert_eq!(marked(text, &[(start, start + "保护卫士".len())]), ["Safeguard Defenders"]);
        // A law, a book, a parenthesis that is no name.
        assert!(marked("違反《出入境管理法》相關規定", &[]).is_empty());
        let text = "外交部(2023)称";
        assert!(marked(text, &[(0, "外交部".len())]).is_empty());
    }
}
