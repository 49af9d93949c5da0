//! Figures: a number with what it counts — `54 police stations`, `230,000 Chinese nationals`,
//! `1.2 million people`, `102个`, `23万人`, `五十四个海外警务站`.

use super::segment::Word;
use super::{Finder, Found};
use lookout_text::is_han;

/// The figures finder's tables.
pub(crate) struct Tables {
    /// Per first letter (lower case), the lengths of the number words opening with it, a bit each.
    number_word_lengths: [u16; 26],
    /// Where a number may open in Chinese (a digit, a Chinese digit or 十), found by an automaton
    /// rather than by decoding every character of the text.
    han_number_openings: aho_corasick::AhoCorasick,
}

impl Tables {
    /// The tables.
    pub(crate) fn new() -> Tables {
        let mut number_word_lengths = [0u16; 26];
        for (w, _) in NUMBER_WORDS {
            number_word_lengths[usize::from(w.as_bytes()[0] - b'a')] |= 1 << w.len();
        }
        let digits = "0123456789零〇一二两三四五六七八九十";
        let han_number_openings = aho_corasick::AhoCorasick::new(digits.chars().map(String::from))
            .expect("single characters make an automaton");
        Tables { number_word_lengths, han_number_openings }
    }
}

/// Words that end the description of what is counted.
const STOP: &[&str] = &[
    "in",
    "of",
    "across",
    "and",
    "or",
    "the",
    "by",
    "to",
    "from",
    "for",
    "with",
    "at",
    "on",
    "since",
    "were",
    "was",
    "are",
    "is",
    "have",
    "has",
    "had",
    "that",
    "which",
    "who",
    "as",
    "per",
    "than",
    "more",
    "over",
    "under",
    "between",
    "a",
    "an",
    "been",
    "be",
    "will",
    "would",
    "could",
    "said",
    "says",
    "according",
    "during",
    "after",
    "before",
    "around",
    "about",
    "run",
    "operated",
    "linked",
    "opened",
    "closed",
    "set",
    "based",
    "located",
    "used",
    "held",
    "named",
    "reported",
    "identified",
    "found",
    "arrested",
    "questioned",
    "detained",
    "involved",
];

/// Number words.
const NUMBER_WORDS: &[(&str, f64)] = &[
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("dozens", 24.0),
    ("hundreds", 200.0),
    ("thousands", 2000.0),
];

fn multiplier(word: &str) -> Option<f64> {
    [("thousand", 1e3), ("million", 1e6), ("millions", 1e6), ("billion", 1e9)]
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|(_, m)| *m)
}

/// Whether `word` (any case) is one of the words that end the description of what is counted.
fn is_stop(word: &str) -> bool {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static [u8]>> = std::sync::OnceLock::new();
    let set = SET.get_or_init(|| STOP.iter().map(|w| w.as_bytes()).collect());
    let mut lower = [0u8; 16];
    let Some(lower) = lower.get_mut(..word.len()) else { return false };
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    set.contains(&*lower)
}

/// An English number (`230,000`, `54`, `1.2`), if the word is one.
fn number(word: &str) -> Option<f64> {
    let first = word.chars().next()?;
    if !first.is_ascii_digit() {
        return NUMBER_WORDS.iter().find(|(w, _)| w.eq_ignore_ascii_case(word)).map(|(_, v)| *v);
    }
    if !word.contains(',') {
        return whole_number(word).or_else(|| word.parse().ok());
    }
    if !word.split(',').skip(1).all(|g| g.len() == 3) {
        return None;
    }
    let digits = word.replace(',', "");
    whole_number(&digits).or_else(|| digits.parse().ok())
}

/// The value of a string of at most fifteen ASCII digits (exactly what parsing it as `f64`
/// gives, without the general parser); `None` for anything else.
fn whole_number(digits: &str) -> Option<f64> {
    if digits.is_empty() || digits.len() > 15 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let value = digits.bytes().fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
    // Below 2^53: the conversion is exact.
    Some(value as f64)
}

/// Whether a word may open a number: a digit, or the first letter and length of a number word.
fn may_be_number(tables: &Tables, word: &str) -> bool {
    let lengths = &tables.number_word_lengths;
    match word.as_bytes().first() {
        Some(b) if b.is_ascii_digit() => true,
        Some(b) if b.is_ascii_alphabetic() => {
            word.len() < 16 && lengths[usize::from(b.to_ascii_lowercase() - b'a')] & (1 << word.len()) != 0
        }
        _ => false,
    }
}

/// Every figure in `text`, leaving out numbers inside `dates`.
pub(crate) fn find(
    finder: &Finder,
    text: &str,
    words: &[Word<'_>],
    lines: &[(usize, usize)],
    dates: &[Found],
) -> Vec<Found> {
    let tables = &finder.figures;
    let mut spans: Vec<(usize, usize)> = dates.iter().map(|d| (d.start, d.end)).collect();
    spans.sort_unstable();
    let mut in_date = DateSpans { spans, at: 0 };
    let mut out = english(tables, text, words, &mut in_date);
    in_date.at = 0;
    out.extend(chinese(tables, text, lines, &mut in_date));
    out
}

/// The spans of a text's dates, in order, asked about numbers mostly in order of the text: a
/// cursor moves on with the questions (a search from the start each time read most of the
/// spans' memory again and again).
struct DateSpans {
    spans: Vec<(usize, usize)>,
    /// How many spans open before the end of the last number asked about.
    at: usize,
}

impl DateSpans {
    /// Whether `start..end` overlaps a date.
    fn overlaps(&mut self, start: usize, end: usize) -> bool {
        // Asked about a number before the last one: searched for from the start.
        if self.at > 0 && self.spans[self.at - 1].0 >= end {
            self.at = self.spans.partition_point(|(s, _)| *s < end);
        }
        while self.at < self.spans.len() && self.spans[self.at].0 < end {
            self.at += 1;
        }
        self.at > 0 && self.spans[self.at - 1].1 > start
    }
}

fn english(tables: &Tables, text: &str, words: &[Word<'_>], dates: &mut DateSpans) -> Vec<Found> {
    let mut out = Vec::new();
    // Commas inside numbers split words: join "230" "," "000" back.
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        if !may_be_number(tables, w.text) {
            i += 1;
            continue;
        }
        let mut end = w.end;
        let mut j = i + 1;
        while let Some(next) = words.get(j) {
            if next.start == end + 1
                && &text[end..next.start] == ","
                && next.text.len() == 3
                && next.text.bytes().all(|b| b.is_ascii_digit())
            {
                end = next.end;
                j += 1;
            } else {
                break;
            }
        }
        // The number as written, groups of thousands joined again.
        let raw = &text[w.start..end];
        let Some(mut value) = number(raw) else {
            i += 1;
            continue;
        };
        // A decimal point splits words too: 1.2 million.
        if let Some(next) = words.get(j) {
            if next.start == end + 1 && &text[end..next.start] == "." && next.text.bytes().all(|b| b.is_ascii_digit()) {
                if let Ok(v) = format!("{raw}.{}", next.text).replace(',', "").parse::<f64>() {
                    value = v;
                    end = next.end;
                    j += 1;
                }
            }
        }
        let is_year = !raw.contains(',') && raw.len() == 4 && (1900.0..=2100.0).contains(&value);
        if is_year || dates.overlaps(w.start, end) {
            i = j;
            continue;
        }
        if let Some(m) = words.get(j).and_then(|n| multiplier(n.text)) {
            value *= m;
            j += 1;
        }
        // What is counted: up to three words, not across punctuation or a stop word.
        let mut unit_end = None;
        let mut unit_start = None;
        let mut k = j;
        let mut last_end = words.get(j.wrapping_sub(1)).map_or(end, |w| w.end).max(end);
        while k < words.len() && k < j + 3 {
            let u = words[k];
            let gap = &text[last_end..u.start];
            if !gap.chars().all(char::is_whitespace) || is_stop(u.text) {
                break;
            }
            if u.text.bytes().any(|b| b.is_ascii_digit()) {
                break;
            }
            unit_start.get_or_insert(u.start);
            unit_end = Some(u.end);
            last_end = u.end;
            k += 1;
        }
        if let (Some(us), Some(ue)) = (unit_start, unit_end) {
            out.push(Found::figure(w.start, ue, value, us..ue));
            i = k;
        } else {
            i = j.max(i + 1);
        }
    }
    out
}

const HAN_DIGITS: &[(char, u32)] = &[
    ('零', 0),
    ('〇', 0),
    ('一', 1),
    ('二', 2),
    ('两', 2),
    ('三', 3),
    ('四', 4),
    ('五', 5),
    ('六', 6),
    ('七', 7),
    ('八', 8),
    ('九', 9),
];
const HAN_UNITS: &[(char, u32)] = &[('十', 10), ('百', 100), ('千', 1000)];
/// Measure words that make a number a count.
const MEASURES: &[char] = &['个', '家', '名', '人', '座', '处', '所', '间', '位', '起', '次', '国', '批', '宗', '件'];

/// The value of a Chinese numeral (`五十四` → 54, `一百零二` → 102), if it is one.
fn han_number(s: &str) -> Option<f64> {
    let (mut total, mut current) = (0u32, 0u32);
    let mut any = false;
    for c in s.chars() {
        if let Some((_, d)) = HAN_DIGITS.iter().find(|(h, _)| *h == c) {
            current = *d;
            any = true;
        } else if let Some((_, u)) = HAN_UNITS.iter().find(|(h, _)| *h == c) {
            total += if current == 0 { 1 } else { current } * u;
            current = 0;
            any = true;
        } else {
            return None;
        }
    }
    any.then(|| f64::from(total + current))
}

/// Where the number opening `text` ends (in bytes, at least one character), when no measure word
/// follows it within the window, so that it counts nothing; `None` when one may.
fn counted_from(text: &str, is_num: &dyn Fn(char) -> bool) -> Option<usize> {
    let mut chars = text.char_indices().take(WINDOW).peekable();
    let mut end = 0;
    let mut run = 0;
    while let Some(&(at, c)) = chars.peek() {
        if !is_num(c) {
            break;
        }
        end = at + c.len_utf8();
        run += 1;
        chars.next();
    }
    if run == 0 {
        end = text.chars().next().map_or(0, char::len_utf8);
    }
    let mut next = chars.next().map(|(_, c)| c);
    for optional in ['万', '亿'] {
        if next == Some(optional) {
            next = chars.next().map(|(_, c)| c);
        }
    }
    if matches!(next, Some('多' | '余')) {
        next = chars.next().map(|(_, c)| c);
    }
    match next {
        Some(c) if MEASURES.contains(&c) => None,
        // The window ran out: the careful reading decides.
        None => None,
        Some(_) => Some(end),
    }
}

/// Characters looked at from a number's first: the number, its scale, measure word and unit.
const WINDOW: usize = 48;

fn chinese(tables: &Tables, text: &str, lines: &[(usize, usize)], dates: &mut DateSpans) -> Vec<Found> {
    let mut out = Vec::new();
    let is_han_digit =
        |c: char| matches!(c, '零' | '〇' | '一' | '二' | '两' | '三' | '四' | '五' | '六' | '七' | '八' | '九');
    let is_num =
        |c: char| c.is_ascii_digit() || c == ',' || c == '.' || is_han_digit(c) || matches!(c, '十' | '百' | '千');
    let openings = &tables.han_number_openings;
    let mut resume = 0usize;
    // The characters from a candidate on (no copy of the whole text).
    let mut chars: Vec<(usize, char)> = Vec::with_capacity(WINDOW);
    for &(line_start, to) in lines {
        let mut at = line_start;
        loop {
            // Searched on from where the last number read ended (the digits inside a number are not
            // reported one by one).
            at = at.max(resume).min(to);
            let Some(found) = openings.find(aho_corasick::Input::new(text).span(at..to)) else { break };
            let start = found.start();
            at = found.end();
            if text[..start].chars().next_back().is_some_and(|p| is_num(p) && p != ',') {
                continue;
            }
            // Most numbers (years, days, English counts) are not followed by a measure word: told
            // without reading the window.
            if let Some(after) = counted_from(&text[start..], &is_num) {
                resume = start + after;
                continue;
            }
            chars.clear();
            // Only as far as can matter: the number, its scale and "more than", the measure word and
            // a unit of at most six characters.
            let run = text[start..].chars().take(WINDOW).take_while(|c| is_num(*c)).count();
            let reach = (run + 12).min(WINDOW);
            chars.extend(text[start..].char_indices().take(reach).map(|(o, ch)| (start + o, ch)));
            // The byte offset of window position `idx` (the end of the last one past it).
            let end_of = |idx: usize| match chars.get(idx) {
                Some(x) => x.0,
                None => chars.last().map_or(text.len(), |(o, ch)| o + ch.len_utf8()),
            };
            let mut j = 0;
            while j < chars.len() && is_num(chars[j].1) {
                j += 1;
            }
            let raw = text[start..end_of(j)].trim_end_matches([',', '.']);
            let value = if raw.starts_with(|c: char| c.is_ascii_digit()) {
                raw.replace(',', "").parse::<f64>().ok()
            } else {
                han_number(raw)
            };
            let Some(mut value) = value else {
                resume = end_of(j.max(1));
                continue;
            };
            let mut k = raw.chars().count();
            let mut scale = |ch: char, m: f64, k: &mut usize| {
                if chars.get(*k).map(|x| x.1) == Some(ch) {
                    value *= m;
                    *k += 1;
                }
            };
            scale('万', 1e4, &mut k);
            scale('亿', 1e8, &mut k);
            // Words like 多 and 余 ("more than") may stand between the number and its measure word.
            if matches!(chars.get(k).map(|x| x.1), Some('多' | '余')) {
                k += 1;
            }
            let Some(&(m_at, _)) = chars.get(k).filter(|(_, ch)| MEASURES.contains(ch)) else {
                resume = end_of(j.max(1));
                continue;
            };
            if dates.overlaps(start, end_of(k + 1)) {
                resume = end_of(k + 1);
                continue;
            }
            // The unit: the measure word and the noun after it (a run of Han characters, at most six,
            // cut at the segmentation boundary nearest six).
            let mut u = k + 1;
            while u < chars.len()
                && u < k + 7
                && is_han(chars[u].1)
                && !is_num(chars[u].1)
                && !"在于和与及的了是有遍布分布设立位于被已曾将来去到上中".contains(chars[u].1)
            {
                u += 1;
            }
            // A measure word alone, cut short by a function word (三个与…), counts nothing named.
            if u == k + 1 && chars.get(u).is_some_and(|x| "与和及的".contains(x.1)) {
                resume = end_of(u);
                continue;
            }
            out.push(Found::figure(start, end_of(u), value, m_at..end_of(u)));
            resume = end_of(u.max(1));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(text: &str) -> Vec<String> {
        let lines = super::super::segment::non_ascii_lines(text);
        find(crate::mentions::testing::finder(), text, &super::super::segment::latin_words(text), &lines, &[])
            .into_iter()
            .map(|f| match f.what {
                super::super::What::Figure { value, unit } => {
                    format!("{}|{value}|{}", &text[f.start..f.end], &text[unit])
                }
                other => panic!("not a figure: {other:?}"),
            })
            .collect()
    }

    #[test]
    fn date_spans_answer_in_any_order() {
        let spans = vec![(10, 20), (30, 40), (50, 60)];
        let search = |start: usize, end: usize| {
            let at = spans.partition_point(|(s, _)| *s < end);
            at > 0 && spans[at - 1].1 > start
        };
        let mut dates = DateSpans { spans: spans.clone(), at: 0 };
        for (start, end) in [(0, 5), (12, 14), (21, 29), (35, 45), (15, 16), (5, 11), (61, 70), (0, 100), (20, 30)] {
            assert_eq!(dates.overlaps(start, end), search(start, end), "{start}..{end}");
        }
    }

    #[test]
    fn numbers_and_stop_words_are_read_as_the_general_parser_and_the_list_read_them() {
        for digits in ["0", "7", "054", "2022", "230000", "999999999999999", "9999999999999999", "1e5", "", "12a"] {
            assert_eq!(whole_number(digits).or_else(|| digits.parse().ok()), digits.parse::<f64>().ok(), "{digits}");
        }
        assert_eq!(number("230,000"), Some(230_000.0));
        assert_eq!(number("23,00"), None);
        for word in STOP {
            assert!(is_stop(word) && is_stop(&word.to_uppercase()), "{word}");
        }
        assert!(!is_stop("police") && !is_stop("countries") && !is_stop("a-very-long-word-indeed"));
    }

    #[test]
    fn english_figures() {
        assert_eq!(
            figures("It found 54 police stations in 30 countries, and 230,000 Chinese nationals were persuaded."),
            [
                "54 police stations|54|police stations",
                "30 countries|30|countries",
                "230,000 Chinese nationals|230000|Chinese nationals"
            ]
        );
        assert_eq!(figures("some 1.2 million people"), ["1.2 million people|1200000|people"]);
        assert!(figures("In 2022 the police").is_empty());
    }

    #[test]
    fn chinese_figures() {
        assert_eq!(
            figures("共102个海外警务站分布在53个国家"),
            ["102个海外警务站|102|个海外警务站", "53个国家|53|个国家"]
        );
        assert_eq!(figures("劝返23万人"), ["23万人|230000|人"]);
        assert_eq!(figures("五十四个服务站"), ["五十四个服务站|54|个服务站"]);
    }
}
