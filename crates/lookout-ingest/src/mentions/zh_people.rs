//! Foreign people's names written in Chinese, whose characters may spell a place (贝尔伯克 holds
//! 贝尔, 门迪奇诺 holds 奇诺): told by the title before them or the middle dot inside them.

/// Titles before a person's name in Chinese (部长贝尔伯克, 检察官布雷恩·皮斯).
const CHINESE_TITLES: &[&str] = &[
    "部长",
    "部長",
    "检察官",
    "檢察官",
    "局长",
    "局長",
    "大臣",
    "总统",
    "總統",
    "总理",
    "總理",
    "主席",
    "发言人",
    "發言人",
    "议员",
    "議員",
    "大使",
    "市长",
    "市長",
    "州长",
    "州長",
    "官员",
    "官員",
    "首相",
    "参议员",
    "參議員",
];

/// Whether the Chinese place name at `start..end` of `text` is a piece of a foreign person's name
/// written in Chinese: a title stands just before it, at most two characters before (部長門迪奇諾),
/// or a name's middle dot just after it, at most two characters on (布雷恩·皮斯).
pub(super) fn in_a_persons_name(text: &str, start: usize, end: usize) -> bool {
    let before: Vec<char> = text[..start].chars().rev().take(2 + 3).collect();
    let titled = (0..=2).any(|skip| {
        let lead: String = before.iter().skip(skip).take(3).rev().collect();
        before.iter().take(skip).all(|c| lookout_text::is_han(*c) && !"在访訪到赴于於与與和及的对對从從向".contains(*c))
            && CHINESE_TITLES.iter().any(|t| lead.ends_with(t))
    });
    let dotted = text[end..].chars().take(3).any(|c| matches!(c, '·' | '‧' | '・' | '•'));
    titled || dotted
}

#[cfg(test)]
mod tests {
    use crate::mentions::names::Memo;
    use crate::mentions::places::find;

    #[test]
    fn a_foreign_person_s_name_in_chinese_is_no_place() {
        let text = "德国外交部长贝尔伯克表示;检察官布雷恩·皮斯;公共安全部長門迪奇諾;部长访问东京";
        let lines = crate::mentions::segment::non_ascii_lines(text);
        let words = crate::mentions::segment::latin_words(text);
        let found = find(&crate::mentions::testing::finder().names, &mut Memo::default(), text, &words, &lines);
        let places: Vec<&str> = found.iter().map(|f| &text[f.start..f.end]).collect();
        assert_eq!(places, ["德国", "东京"]);
    }
}
