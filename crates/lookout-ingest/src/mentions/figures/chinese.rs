//! Chinese figures: `102个`, `23万人`, `五十四个海外警务站`.

use super::{DateSpans, Tables};
use crate::mentions::Found;
use lookout_text::is_han;

const HAN_DIGITS: &[(char, u32)] = &[
    ('零', 0),
    ('〇', 0),
    ('一', 1),
    ('二', 2),
    ('两', 2),
    ('兩', 2),
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
const MEASURES: &[char] = &[
    '个', '個', '家', '名', '人', '座', '处', '處', '所', '间', '間', '位', '起', '次', '国', '國', '批', '宗', '件',
    '年', '周', '週', '天',
];

/// Measure words of time: a number before them counts years, weeks or days (两年, 一周); 一个月
/// counts months.
const TIME_MEASURES: &[char] = &['年', '周', '週', '天'];

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
    // "54 个": a space may stand after the number.
    if next == Some(' ') {
        next = chars.next().map(|(_, c)| c);
    }
    for optional in ['万', '亿', '萬', '億'] {
        if next == Some(optional) {
            next = chars.next().map(|(_, c)| c);
        }
    }
    if matches!(next, Some('多' | '余' | '餘')) {
        next = chars.next().map(|(_, c)| c);
    }
    match next {
        Some(c) if MEASURES.contains(&c) || CURRENCY_FIRSTS.contains(&c) => None,
        // The window ran out: the careful reading decides.
        None => None,
        Some(_) => Some(end),
    }
}

/// Currencies: a sum of money counts them (490万加元, 100 萬日圓).
const CURRENCIES: &[&str] = &[
    "元",
    "美元",
    "加元",
    "日圆",
    "日圓",
    "日元",
    "欧元",
    "歐元",
    "英镑",
    "英鎊",
    "澳元",
    "港元",
    "港币",
    "港幣",
    "人民币",
    "人民幣",
];

/// The first characters of [`CURRENCIES`].
const CURRENCY_FIRSTS: &[char] = &['元', '美', '加', '日', '欧', '歐', '英', '澳', '港', '人'];

/// How many of `chars` (after a measure word) are the nouns it opens, by jieba's tags (nouns,
/// names, places, abbreviations, nouns of action and of place, attributes): 纽约居民 of
/// 纽约居民因涉, 媒体 of 媒体详细揭露, 海外警务站 (站 alone is tagged a verb). Remembered per
/// thread: texts count the same things in the same words again and again.
fn nouns(chars: &[(usize, char)]) -> usize {
    thread_local! {
        static SEEN: std::cell::RefCell<rustc_hash::FxHashMap<String, usize>> = Default::default();
    }
    if chars.is_empty() {
        return 0;
    }
    let simplified: String = chars.iter().map(|&(_, c)| lookout_text::to_simplified(c)).collect();
    SEEN.with_borrow_mut(|seen| {
        if let Some(&n) = seen.get(&simplified) {
            return n;
        }
        let n = lookout_text::jieba()
            .tag(&simplified, false)
            .iter()
            .take_while(|t| {
                t.tag.starts_with('n')
                    || matches!(t.tag, "vn" | "j" | "s" | "b")
                    || matches!(t.word, "站" | "点" | "处")
            })
            .map(|t| t.word.chars().count())
            .sum();
        // A bound on what is kept (a thread reads many documents).
        if seen.len() >= 1 << 16 {
            seen.clear();
        }
        seen.insert(simplified, n);
        n
    })
}

/// Characters looked at from a number's first: the number, its scale, measure word and unit.
const WINDOW: usize = 48;

pub(super) fn find(tables: &Tables, text: &str, lines: &[(usize, usize)], dates: &mut DateSpans) -> Vec<Found> {
    let mut out = Vec::new();
    let is_han_digit =
        |c: char| matches!(c, '零' | '〇' | '一' | '二' | '两' | '兩' | '三' | '四' | '五' | '六' | '七' | '八' | '九');
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
            // An ordinal (第21次, 第一个) counts nothing.
            if text[..start].ends_with('第') {
                resume = start + text[start..].chars().take_while(|c| is_num(*c)).map(char::len_utf8).sum::<usize>();
                resume = resume.max(start + 1);
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
            // "54 个", "100 萬日圓": a space may stand after the number.
            if chars.get(k).map(|x| x.1) == Some(' ') {
                k += 1;
            }
            let mut scale = |ch: char, m: f64, k: &mut usize| {
                if chars.get(*k).map(|x| x.1) == Some(ch) {
                    value *= m;
                    *k += 1;
                }
            };
            scale('万', 1e4, &mut k);
            scale('萬', 1e4, &mut k);
            scale('亿', 1e8, &mut k);
            scale('億', 1e8, &mut k);
            // Words like 多 and 余 (餘: "more than") may stand between the number and its measure word.
            if matches!(chars.get(k).map(|x| x.1), Some('多' | '余' | '餘')) {
                k += 1;
            }
            // A sum of money: the currency is what it counts.
            let rest_at = end_of(k);
            let currency = chars
                .get(k)
                .filter(|x| CURRENCY_FIRSTS.contains(&x.1))
                .and_then(|_| CURRENCIES.iter().filter(|w| text[rest_at..].starts_with(*w)).max_by_key(|w| w.len()));
            if let Some(currency) = currency {
                if raw != "一" && !dates.overlaps(start, rest_at + currency.len()) {
                    out.push(Found::figure(start, rest_at + currency.len(), value, rest_at..rest_at + currency.len()));
                }
                resume = rest_at + currency.len();
                continue;
            }
            let Some(&(m_at, measure)) = chars.get(k).filter(|(_, ch)| MEASURES.contains(ch)) else {
                resume = end_of(j.max(1));
                continue;
            };
            let after_measure = chars.get(k + 1).map(|x| x.1);
            let time =
                TIME_MEASURES.contains(&measure) || (matches!(measure, '个' | '個') && after_measure == Some('月'));
            // Years counted, not a year (两年, 50年; not 2022年, 22年11月, 80年代, nor 114年 of
            // Taiwan's calendar, 民國114年), nor an anniversary (100周年) or a vague count
            // (数十年, 數十個國家: no number a reader could quote).
            let vague = text[..start].ends_with(['数', '數', '几', '幾']);
            let roc_year =
                raw.len() == 3 && raw.bytes().all(|b| b.is_ascii_digit()) && (100.0..=130.0).contains(&value);
            let not_counted = match measure {
                '年' => {
                    value >= 200.0
                        || roc_year
                        || after_measure.is_some_and(|c| is_num(c) || matches!(c, '代' | '级' | '級'))
                }
                '周' | '週' => after_measure == Some('年'),
                _ => false,
            };
            // Months after years are of one duration (4年9個月, 1年零9個月), which the labels
            // write whole, and "both countries'" relations or flags (两国关系, 中瑞两国双边关系,
            // 中、美兩國國旗) count no countries.
            let months_of_years = time && measure != '年' && text[..start].ends_with(['年', '零']);
            let bilateral = matches!(measure, '国' | '國')
                && ["关系", "關係", "双边", "雙邊", "国旗", "國旗"]
                    .iter()
                    .any(|w| text[end_of(k + 1)..].starts_with(w));
            if not_counted || vague || months_of_years || bilateral {
                resume = end_of(k + 1);
                continue;
            }
            // 一 before a measure word is mostly the indefinite article (一次聽證會 "a hearing",
            // 一起 "together"); "one of them" (其中一个) and a time (一个月, 一周) count.
            if raw == "一" && !time && !text[..start].ends_with("其中") {
                resume = end_of(k + 1);
                continue;
            }
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
            // The general measure word alone, cut short by a function word (三个与…), counts nothing
            // named; a place's (2处和1处) does.
            if u == k + 1 && matches!(measure, '个' | '個') && chars.get(u).is_some_and(|x| "与和及".contains(x.1))
            {
                resume = end_of(u);
                continue;
            }
            // What it counts: the nouns after the measure word (两名纽约居民因涉嫌: 纽约居民).
            let u = k + 1 + nouns(&chars[k + 1..u]);
            // The figure as a reader quotes it is the number and its measure word (两名, 102个);
            // what it counts runs on (名纽约居民).
            out.push(Found::figure(start, end_of(k + 1), value, m_at..end_of(u)));
            resume = end_of(u.max(1));
        }
    }
    out
}
