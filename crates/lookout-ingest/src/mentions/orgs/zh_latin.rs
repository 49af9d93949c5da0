//! A body named in Latin letters inside Chinese text, with the Chinese words that finish its name:
//! a newsroom's kind (RTL新闻, BBC 中文, CTV電視網) or a branch named after it (RCMP魁北克分部).

use lookout_text::to_simplified;

use super::zh_words::BRANCH_HEADS;
use crate::mentions::Found;

/// Chinese words that finish a Latin newsroom's name (simplified).
const MEDIA_SUFFIXES: &[&str] =
    &["新闻网", "新闻", "中文网", "中文", "电视网", "电视台", "电台", "日报", "广播公司", "广播电台", "广播"];

/// The text after byte `end` in simplified characters, as far as `chars` characters.
fn simplified_after(text: &str, end: usize, chars: usize) -> String {
    text[end..].chars().take(chars).map(to_simplified).collect()
}

/// Every acronym in capitals (two to six letters) that a Chinese newsroom's word follows
/// (JTBC電視台, SBS 电视台): a newsroom, named or not in the lexicon; `join` adds the word.
pub(super) fn acronym_newsrooms(text: &str) -> Vec<Found> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        if !bytes[at].is_ascii_uppercase() {
            at += 1;
            continue;
        }
        let end = at + bytes[at..].iter().take_while(|b| b.is_ascii_uppercase()).count();
        let letter_before = at > 0 && bytes[at - 1].is_ascii_alphanumeric();
        let letter_after = bytes.get(end).is_some_and(u8::is_ascii_alphanumeric);
        let bounded = !letter_before && !letter_after;
        if bounded && (2..=6).contains(&(end - at)) {
            let gap = usize::from(text[end..].starts_with(' '));
            // Most acronyms have no newsroom's word after them: its first character is asked first.
            let first = text[end + gap..].chars().next().map(to_simplified);
            let may_be = first.is_some_and(|c| MEDIA_SUFFIXES.iter().any(|s| s.starts_with(c)));
            if may_be && MEDIA_SUFFIXES.iter().any(|s| simplified_after(text, end + gap, 3).starts_with(s)) {
                out.push(Found::organisation(at, end, None));
            }
        }
        at = end;
    }
    out
}

/// Extends, in `found` (sorted, none overlapping), each name in Latin letters by the Chinese
/// words that finish it, and joins it to a branch named just after it.
pub(super) fn join(text: &str, found: &mut Vec<Found>) {
    let mut i = 0;
    while i < found.len() {
        let (start, end) = (found[i].start, found[i].end);
        let gap = usize::from(text[end..].starts_with(' '));
        // Most names have no Chinese word after them: that is asked first.
        let han_after = text[end + gap..].chars().next().is_some_and(lookout_text::is_han);
        if !han_after || !text[start..end].chars().all(|c| c.is_ascii() && c != '\n') {
            i += 1;
            continue;
        }
        let after = simplified_after(text, end + gap, 3);
        let next_starts = found.get(i + 1).map(|n| n.start);
        if next_starts == Some(end + gap) {
            // A branch just after it (RCMP + 魁北克分部), or a newsroom's word the Chinese finder
            // read as a name of its own (CBS + 广播公司).
            let next = &found[i + 1];
            let branch: String = text[next.start..next.end].chars().map(to_simplified).collect();
            if BRANCH_HEADS.iter().any(|h| branch.ends_with(h)) || MEDIA_SUFFIXES.contains(&branch.as_str()) {
                found[i].end = next.end;
                found.remove(i + 1);
            }
        } else if let Some(suffix) = MEDIA_SUFFIXES.iter().find(|s| after.starts_with(*s)) {
            let bytes: usize = text[end + gap..].chars().take(suffix.chars().count()).map(char::len_utf8).sum();
            let new_end = end + gap + bytes;
            if next_starts.is_none_or(|s| s >= new_end) {
                found[i].end = new_end;
            }
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use crate::mentions::names::Memo;
    use crate::mentions::segment::{latin_words, non_ascii_lines, HanCuts};

    fn orgs(text: &str) -> Vec<&str> {
        let words = latin_words(text);
        let lines = non_ascii_lines(text);
        let finder = crate::mentions::testing::finder();
        super::super::find(finder, &mut Memo::default(), text, &words, &lines, &mut HanCuts::default())
            .into_iter()
            .map(|f| &text[f.start..f.end])
            .collect()
    }

    #[test]
    fn a_latin_name_takes_the_chinese_words_that_finish_it() {
        assert_eq!(orgs("据BBC 中文报道"), ["BBC 中文"]);
        assert_eq!(orgs("加拿大CTV電視網報導"), ["CTV電視網"]);
        assert_eq!(orgs("RCMP魁北克分部表示"), ["RCMP魁北克分部"]);
        assert_eq!(orgs("据BBC报道"), ["BBC"]);
        // An acronym the lexicon lacks, by the newsroom's word after it.
        assert_eq!(orgs("韓媒JTBC電視台日前報導"), ["JTBC電視台"]);
        assert_eq!(orgs("据CBS广播公司报道"), ["CBS广播公司"]);
        assert!(orgs("JTBC日前報導,ABCD").is_empty());
    }
}
