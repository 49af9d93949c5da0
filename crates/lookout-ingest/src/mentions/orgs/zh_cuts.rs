//! Mends jieba's cut of a run before bodies are read from it: heads its dictionary lacks, cut in
//! pieces (华 + 助 + 中心), are joined; a ministry inside a minister's title (外交部长,
//! 公共安全 + 部长) is cut from the title, as the corpus labels it (`外交部` in 外交部長), and so
//! is an association's head from its chair's title (协会主席).

use lookout_text::Tag;

use super::zh_words::SPLIT_HEADS;

/// Joins the words jieba cut a head of [`SPLIT_HEADS`] into (华 + 助 + 中心 → 华助中心).
pub(super) fn join_split_heads<'a>(simplified: &'a str, tags: &mut Vec<Tag<'a>>) {
    let mut i = 0;
    while i < tags.len() {
        if SPLIT_HEADS.iter().any(|h| h.starts_with(tags[i].word)) {
            let joined = (2..=3.min(tags.len() - i))
                .find(|&n| SPLIT_HEADS.contains(&&simplified[tags[i].byte_start..tags[i + n - 1].byte_end]));
            if let Some(n) = joined {
                let (end, byte_end) = (tags[i + n - 1].end, tags[i + n - 1].byte_end);
                tags.drain(i + 1..i + n);
                let head = &mut tags[i];
                (head.end, head.byte_end, head.tag) = (end, byte_end, "n");
                head.word = &simplified[head.byte_start..byte_end];
            }
        }
        i += 1;
    }
}

/// Titles of a body's head that jieba keeps whole with the body's head word (协会主席, 商会会长).
const CHAIRS: &[&str] = &["主席", "会长", "秘书长", "理事长"];

/// Cuts a body's head word from the title after it, where jieba keeps the two as one word
/// (上海 + 协会主席 → 上海 + 协会 + 主席, 中华总 + 商会会长 → … + 商会 + 会长).
pub(super) fn split_chairs<'a>(simplified: &'a str, tags: &mut Vec<Tag<'a>>, is_head: impl Fn(&str) -> bool) {
    let title_of = |t: &Tag<'a>| {
        let title = CHAIRS.iter().find(|c| t.word.len() > c.len() && t.word.ends_with(*c))?;
        is_head(&t.word[..t.word.len() - title.len()]).then_some(title.len())
    };
    // Most runs hold none: the words are rebuilt only where one is (one pass, not a splice each).
    if !tags.iter().any(|t| title_of(t).is_some()) {
        return;
    }
    let mut cut = Vec::with_capacity(tags.len() + 4);
    for t in tags.drain(..) {
        let Some(title_len) = title_of(&t) else {
            cut.push(t);
            continue;
        };
        let split = t.byte_end - title_len;
        let title_chars = simplified[split..t.byte_end].chars().count();
        let head =
            Tag { word: &simplified[t.byte_start..split], tag: "n", end: t.end - title_chars, byte_end: split, ..t };
        let chair = Tag { word: &simplified[split..t.byte_end], tag: "n", start: head.end, byte_start: split, ..t };
        cut.extend([head, chair]);
    }
    *tags = cut;
}

/// The title a ministry's name runs into.
const MINISTER: &str = "部长";

/// Words of a minister's rank, not of the ministry's name (助理部长: an assistant minister).
const TITLE_WORDS: &[&str] = &["助理", "代理", "常务", "前任", "现任"];

/// Cuts a ministry from its minister's title: 外交部长 → 外交部 + 长, and 公共安全 + 部长 →
/// 公共安全部 + 长 where the word before is a name's (not a place's: 加拿大 + 部长 names no
/// ministry, nor 安全部 + 部长, already cut).
pub(super) fn split_ministers<'a>(simplified: &'a str, tags: &mut Vec<Tag<'a>>) {
    let title_len = '长'.len_utf8();
    let mut i = 0;
    while i < tags.len() {
        let word = tags[i].word;
        let own = word.ends_with(MINISTER) && word.chars().count() >= 4;
        let after_name = word == MINISTER
            && i > 0
            && tags[i - 1].byte_end == tags[i].byte_start
            && tags[i - 1].word.chars().count() >= 2
            && !tags[i - 1].word.ends_with('部')
            && !TITLE_WORDS.contains(&tags[i - 1].word)
            && matches!(tags[i - 1].tag, "n" | "nr" | "nz" | "vn");
        if !(own || after_name) {
            i += 1;
            continue;
        }
        let first = if own { i } else { i - 1 };
        let (byte_start, start) = (tags[first].byte_start, tags[first].start);
        let split = tags[i].byte_end - title_len;
        let ministry = Tag {
            word: &simplified[byte_start..split],
            tag: "nt",
            start,
            end: tags[i].end - 1,
            byte_start,
            byte_end: split,
        };
        let title = Tag {
            word: &simplified[split..tags[i].byte_end],
            tag: "n",
            start: tags[i].end - 1,
            end: tags[i].end,
            byte_start: split,
            byte_end: tags[i].byte_end,
        };
        tags.splice(first..=i, [ministry, title]);
        i = first + 2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str) -> Vec<String> {
        let mut tags = lookout_text::jieba().tag(text, false);
        split_ministers(text, &mut tags);
        tags.iter().map(|t| format!("{}/{}", t.word, t.tag)).collect()
    }

    #[test]
    fn a_head_is_cut_from_its_chairs_title() {
        let mut tags = lookout_text::jieba().tag("中华总商会会长", false);
        split_chairs("中华总商会会长", &mut tags, |w| w == "商会");
        let words: Vec<_> = tags.iter().map(|t| t.word).collect();
        assert_eq!(words[words.len() - 2..], ["商会", "会长"]);
        let mut tags = lookout_text::jieba().tag("主席", false);
        split_chairs("主席", &mut tags, |_| true);
        assert_eq!(tags.len(), 1, "a title alone is left whole");
    }

    #[test]
    fn a_ministry_is_cut_from_its_ministers_title() {
        assert_eq!(cut("意大利内政部长")[..3], ["意大利/ns", "内政部/nt", "长/n"]);
        assert_eq!(cut("加拿大公共安全部长")[..3], ["加拿大/ns", "公共安全部/nt", "长/n"]);
        assert_eq!(cut("加拿大部长:")[..2], ["加拿大/ns", "部长/n"]);
        assert_eq!(cut("国土安全部部长")[1..], ["安全部/nt", "部长/n"]);
        assert_eq!(cut("负责国家安全事务的助理部长")[5..], ["助理/vn", "部长/n"]);
    }
}
