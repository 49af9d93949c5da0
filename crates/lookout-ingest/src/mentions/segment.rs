//! Words of a text with their byte spans: Latin words, and Chinese segmented with jieba.

use std::sync::OnceLock;

/// A word and where it is.
#[derive(Debug, Clone, Copy)]
pub struct Word<'a> {
    /// The word.
    pub text: &'a str,
    /// Byte start.
    pub start: usize,
    /// Byte end.
    pub end: usize,
}

/// Whether `c` is a Han character.
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Latin words (letters, digits, `'` and `-` inside), in order.
pub fn latin_words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        let inside = c.is_alphanumeric() && !is_han(c)
            || ((c == '\'' || c == '-' || c == '’')
                && start.is_some()
                && text[i + c.len_utf8()..].chars().next().is_some_and(|n| n.is_alphanumeric() && !is_han(n)));
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Word { text: &text[s..i], start: s, end: i });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Word { text: &text[s..], start: s, end: bytes.len() });
    }
    out
}

fn jieba() -> &'static jieba_rs::Jieba {
    static JIEBA: OnceLock<jieba_rs::Jieba> = OnceLock::new();
    JIEBA.get_or_init(jieba_rs::Jieba::new)
}

/// The Chinese segments of every run of Han characters, with byte spans.
pub fn han_segments(text: &str) -> Vec<Word<'_>> {
    fn flush<'t>(text: &'t str, s: usize, e: usize, out: &mut Vec<Word<'t>>) {
        for token in jieba().cut(&text[s..e], false) {
            let (start, end) = (s + token.byte_start, s + token.byte_end);
            out.push(Word { text: &text[start..end], start, end });
        }
    }
    let mut out = Vec::new();
    let mut run_start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (is_han(c), run_start) {
            (true, None) => run_start = Some(i),
            (false, Some(s)) => {
                flush(text, s, i, &mut out);
                run_start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = run_start {
        flush(text, s, text.len(), &mut out);
    }
    out
}
