//! Words of a text with their byte spans: Latin words, and Chinese segmented with jieba.

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

/// A word without its possessive ending (`Bureau's` → `Bureau`).
fn word<'a>(text: &'a str, start: usize, end: usize) -> Word<'a> {
    let w = &text[start..end];
    let end = ["'s", "’s", "'S"].iter().find(|p| w.len() > p.len() && w.ends_with(*p)).map_or(end, |p| end - p.len());
    Word { text: &text[start..end], start, end }
}

/// Latin words (letters, digits, `'` and `-` inside; a possessive `'s` left out), in order.
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
                out.push(word(text, s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(word(text, s, bytes.len()));
    }
    out
}

/// jieba's segmentation (no HMM), through the search index's tokenizer: one dictionary in
/// memory for both.
fn segmenter() -> tantivy_jieba::JiebaTokenizer {
    let mut t = tantivy_jieba::JiebaTokenizer::with_hmm(false);
    t.set_search_mode(false);
    t
}

/// The Chinese segments of every run of Han characters, with byte spans.
pub fn han_segments(text: &str) -> Vec<Word<'_>> {
    use tantivy_tokenizer_api::{TokenStream, Tokenizer};
    fn flush<'t>(
        jieba: &mut tantivy_jieba::JiebaTokenizer,
        text: &'t str,
        s: usize,
        e: usize,
        out: &mut Vec<Word<'t>>,
    ) {
        let mut tokens = jieba.token_stream(&text[s..e]);
        while tokens.advance() {
            let token = tokens.token();
            let (start, end) = (s + token.offset_from, s + token.offset_to);
            out.push(Word { text: &text[start..end], start, end });
        }
    }
    let mut jieba = segmenter();
    let mut out: Vec<Word<'_>> = Vec::new();
    let mut run_start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (is_han(c), run_start) {
            (true, None) => run_start = Some(i),
            (false, Some(s)) => {
                flush(&mut jieba, text, s, i, &mut out);
                run_start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = run_start {
        flush(&mut jieba, text, s, text.len(), &mut out);
    }
    out
}
