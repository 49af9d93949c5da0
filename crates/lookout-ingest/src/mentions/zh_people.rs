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

/// Characters that join words rather than spell a name (部长访问东京 is no name).
const JOINING: &str = "在访訪到赴于於与與和及的对對从從向";

/// Whether the Chinese place name at `start..end` of `text` is a piece of a foreign person's name
/// written in Chinese: a title stands just before it, or at most two characters before (部長門迪奇諾),
/// or a name's middle dot just after it, at most two characters on (布雷恩·皮斯).
pub(super) fn in_a_persons_name(text: &str, start: usize, end: usize) -> bool {
    if text[end..].chars().take(3).any(|c| matches!(c, '·' | '‧' | '・' | '•')) {
        return true;
    }
    let mut before = &text[..start];
    for _ in 0..=2 {
        if CHINESE_TITLES.iter().any(|t| before.ends_with(t)) {
            return true;
        }
        match before.chars().next_back() {
            Some(c) if lookout_text::is_han(c) && !JOINING.contains(c) => {
                before = &before[..before.len() - c.len_utf8()]
            }
            _ => return false,
        }
    }
    false
}
