//! Words of a text with their byte spans: Latin words, and Chinese segmented with jieba.

use lookout_text::is_han;
use rustc_hash::FxHashMap;

/// The segmentations of a document's runs of Han characters that one finder made, kept for the
/// next to read instead of cutting the same run again (segmenting is most of the cost of reading
/// Chinese): each run's word spans, as byte offsets in the text, by the run's first byte.
#[derive(Default)]
pub(crate) struct HanCuts(FxHashMap<usize, Vec<(usize, usize)>>);

impl HanCuts {
    /// Keeps the word spans of the run that opens at byte `run_start`.
    pub(crate) fn keep(&mut self, run_start: usize, spans: Vec<(usize, usize)>) {
        self.0.insert(run_start, spans);
    }

    /// Whether no run is kept.
    #[cfg(test)]
    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The word spans kept for the run that opens at byte `run_start`.
    fn of(&self, run_start: usize) -> Option<&[(usize, usize)]> {
        self.0.get(&run_start).map(Vec::as_slice)
    }
}

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

/// The byte ranges of the lines of `text` that are not all ASCII: the only ones that can hold
/// Chinese (telling a line is ASCII is far cheaper than reading its characters). Found once per
/// text, for every finder that reads Chinese.
pub fn non_ascii_lines(text: &str) -> Vec<(usize, usize)> {
    let mut start = 0;
    text.split_inclusive('\n')
        .filter_map(move |line| {
            let range = (start, start + line.len());
            start += line.len();
            (!line.is_ascii()).then_some(range)
        })
        .collect()
}

/// Whether a word opens with a capital letter.
pub(crate) fn capitalised(w: &str) -> bool {
    w.starts_with(|c: char| c.is_uppercase())
}

/// A word without its possessive ending (`Bureau's` → `Bureau`).
fn word<'a>(text: &'a str, start: usize, end: usize) -> Word<'a> {
    let w = &text[start..end];
    let end = ["'s", "’s", "'S"].iter().find(|p| w.len() > p.len() && w.ends_with(*p)).map_or(end, |p| end - p.len());
    Word { text: &text[start..end], start, end }
}

/// A letter or digit of a Latin word: ASCII told at once, Han characters before the Unicode
/// tables (most of a Chinese text).
fn latin(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        !is_han(c) && c.is_alphanumeric()
    }
}

/// Latin words (letters, digits, `'` and `-` inside; a possessive `'s` left out), in order.
pub fn latin_words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::with_capacity(text.len() / 8);
    let bytes = text.as_bytes();
    // Whether the character at byte `at` (if any) is a letter or digit of a word.
    let latin_at = |at: usize| match bytes.get(at) {
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => text[at..].chars().next().is_some_and(latin),
        None => false,
    };
    let mut i = 0;
    while i < bytes.len() {
        // Outside a word: ASCII that opens none is passed over byte by byte, undecoded.
        while i < bytes.len() && bytes[i].is_ascii() && !bytes[i].is_ascii_alphanumeric() {
            i += 1;
        }
        if i == bytes.len() {
            break;
        }
        // A character of U+4000–U+9FFF (Han, and the Yijing hexagrams) opens no word: told by its
        // first byte (most of a Chinese text).
        if (0xE4..=0xE9).contains(&bytes[i]) {
            i += 3;
            continue;
        }
        if !bytes[i].is_ascii() {
            let c = text[i..].chars().next().expect("at a character");
            if !latin(c) {
                i += c.len_utf8();
                continue;
            }
        }
        // Inside a word, from `start`: letters and digits, and `'`, `-` or `’` between two.
        let start = i;
        loop {
            match bytes.get(i) {
                Some(b) if b.is_ascii_alphanumeric() => i += 1,
                Some(b'\'' | b'-') if latin_at(i + 1) => i += 1,
                Some(b) if !b.is_ascii() => {
                    let c = text[i..].chars().next().expect("at a character");
                    if latin(c) || (c == '’' && latin_at(i + c.len_utf8())) {
                        i += c.len_utf8();
                    } else {
                        break;
                    }
                }
                _ => break,
            }
        }
        out.push(word(text, start, i));
    }
    out
}

/// The Chinese segments of the runs of Han characters that `wanted` picks, with byte spans:
/// jieba's segmentation without its HMM, with the dictionary the search indexes use (one in
/// memory for both). Segmenting is most of the cost of reading Chinese, and most runs hold
/// nothing a caller looks for; a run another finder has cut already is read from `cuts`.
pub(crate) fn han_segments_where<'t>(
    text: &'t str,
    lines: &[(usize, usize)],
    cuts: &HanCuts,
    wanted: &dyn Fn(&str) -> bool,
) -> Vec<Word<'t>> {
    let flush = |text: &'t str, s: usize, e: usize, out: &mut Vec<Word<'t>>| {
        // Traditional characters are cut as their simplified forms (jieba's dictionary is
        // simplified): 荷蘭 as 荷兰. The offsets hold when every character keeps its width.
        let run = &text[s..e];
        let folded: String = run.chars().map(lookout_text::to_simplified).collect();
        let cut_on = if folded.len() == run.len() { folded.as_str() } else { run };
        if !wanted(cut_on) {
            return;
        }
        if let Some(spans) = cuts.of(s) {
            out.extend(spans.iter().map(|&(start, end)| Word { text: &text[start..end], start, end }));
            return;
        }
        for token in lookout_text::jieba().cut(cut_on, false) {
            let (start, end) = (s + token.byte_start, s + token.byte_end);
            out.push(Word { text: &text[start..end], start, end });
        }
    };
    let mut out: Vec<Word<'_>> = Vec::new();
    let bytes = text.as_bytes();
    for &(from, to) in lines {
        let mut run_start: Option<usize> = None;
        let mut i = from;
        while i < to {
            // U+5000–U+9FFF is all Han, told by its first byte; ASCII is none.
            let (han, width) = match bytes[i] {
                0xE5..=0xE9 => (true, 3),
                b if b.is_ascii() => (false, 1),
                _ => {
                    let c = text[i..].chars().next().expect("at a character");
                    (is_han(c), c.len_utf8())
                }
            };
            match (han, run_start) {
                (true, None) => run_start = Some(i),
                (false, Some(s)) => {
                    flush(text, s, i, &mut out);
                    run_start = None;
                }
                _ => {}
            }
            i += width;
        }
        if let Some(s) = run_start {
            flush(text, s, to, &mut out);
        }
    }
    out
}

/// Whether a Chinese word is a number with its measure word (五间, 三家, 两个): what follows is
/// what it counts ("five companies"), and the word names nothing (五間 is also a town's name).
pub(crate) fn count_word(word: &str) -> bool {
    let mut chars = word.chars();
    let opens = chars.next().is_some_and(|c| "一二两兩三四五六七八九十几幾数數多".contains(c));
    let measure = chars.next_back().is_some_and(|c| "个個间間家名所座处處位条條项項".contains(c));
    opens && measure && word.chars().count() <= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_told_by_their_first_byte_open_no_word() {
        for c in (0x4000u32..=0x9FFF).filter_map(char::from_u32) {
            let mut bytes = [0u8; 4];
            assert!((0xE4..=0xE9).contains(&c.encode_utf8(&mut bytes).as_bytes()[0]));
            assert!(!latin(c), "U+{:04X}", c as u32);
            if c as u32 >= 0x5000 {
                assert!(is_han(c), "U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn words_of_mixed_text() {
        let text = "福州市公安局 in Fuzhou's co-op, l’Aquila 和 ひらがな－ café 54个";
        let words: Vec<&str> = latin_words(text).iter().map(|w| w.text).collect();
        assert_eq!(words, ["in", "Fuzhou", "co-op", "l’Aquila", "ひらがな", "café", "54"]);
        for w in latin_words(text) {
            assert_eq!(&text[w.start..w.end], w.text);
        }
    }
}
