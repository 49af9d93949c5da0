//! The text of a PDF's pages as a reader reads it: the lines that stand at the top or bottom of
//! every page (a browser's date and title, the page's address, page numbers) left out, and the
//! lines the layout wrapped joined again — without a space inside Chinese (合作 cut as 合 | 作
//! would read as two words, or a place), with one inside English.

use lookout_text::is_han;

/// Lines at each end of a page that may be its header or footer (a browser's may come as one
/// line and its page number as three: "1", "/", "2").
const EDGE_LINES: usize = 4;

/// A line's width in columns: a Han character or a full-width sign takes two.
fn width(line: &str) -> usize {
    line.chars().map(|c| if wide(c) { 2 } else { 1 }).sum()
}

/// Han characters and the full-width signs of Chinese text.
fn wide(c: char) -> bool {
    is_han(c) || ('\u{3000}'..='\u{303F}').contains(&c) || ('\u{FF00}'..='\u{FFEF}').contains(&c) || "“”‘’".contains(c)
}

/// Signs that end a sentence: a line ending with one was not wrapped mid-sentence.
fn ends_sentence(c: char) -> bool {
    ".!?:。！？；：".contains(c)
}

/// A line as its header or footer shape: digits as `#`, spaces collapsed (page 1's "1/3" and
/// page 2's "2/3" are one line of furniture).
fn shape(line: &str) -> String {
    let digits: String = line.trim().chars().map(|c| if c.is_ascii_digit() { '#' } else { c }).collect();
    digits.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Signs that stand inside Chinese text between its characters and its numbers: "(11月17日)".
fn inside_chinese(c: char) -> bool {
    wide(c) || c.is_ascii_digit() || "()[],.:;·-/%".contains(c)
}

/// A page number alone, or a piece of one: "3", "2/5", "/", "- 4 -", "Page 2 of 5", "第 2 页".
fn page_number(line: &str) -> bool {
    let t = line.trim();
    if t == "/" {
        return true;
    }
    let words: String = t.chars().filter(|c| !c.is_ascii_digit() && !c.is_whitespace()).collect();
    t.chars().any(|c| c.is_ascii_digit()) && matches!(words.as_str(), "" | "/" | "--" | "Pageof" | "第页" | "第页共页")
}

/// The readable text of a PDF's `pages` (each page's text as extracted, lines by `\n`).
pub(crate) fn readable(pages: &[String]) -> String {
    let pages: Vec<Vec<&str>> =
        pages.iter().map(|p| p.lines().map(str::trim_end).filter(|l| !l.trim().is_empty()).collect()).collect();
    // Furniture: an edge line whose shape stands at an edge of at least two pages and half of them.
    let edges = |lines: &Vec<&str>| -> Vec<String> {
        let n = lines.len();
        lines
            .iter()
            .enumerate()
            .filter(|(i, _)| *i < EDGE_LINES || *i + EDGE_LINES >= n)
            .map(|(_, l)| shape(l))
            .collect()
    };
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for page in &pages {
        let mut seen = edges(page);
        seen.sort();
        seen.dedup();
        for s in seen {
            *counts.entry(s).or_default() += 1;
        }
    }
    let repeated = |s: &str| pages.len() >= 2 && counts.get(s).is_some_and(|&c| c >= 2 && 2 * c >= pages.len());
    let mut out = String::new();
    let mut previous: Option<(usize, char)> = None;
    for page in &pages {
        let n = page.len();
        let body: Vec<&str> = page
            .iter()
            .enumerate()
            .filter(|(i, line)| {
                let edge = *i < EDGE_LINES || *i + EDGE_LINES >= n;
                !(edge && (page_number(line) || repeated(&shape(line))))
            })
            .map(|(_, line)| line.trim())
            .collect();
        // The width of a full line: the page's widest.
        let full = body.iter().map(|l| width(l)).max().unwrap_or(0);
        for line in body {
            let first = line.chars().next().unwrap_or(' ');
            // Chinese cut into pieces (a PDF writes its characters, numbers and signs apart:
            // "周四" "(11" "月" "17" "日" ")"): joined without a space, a new line kept after a
            // full stop.
            let pieces = |last: char| inside_chinese(last) && inside_chinese(first) && (wide(last) || wide(first));
            // Wrapped: the line before ran to the width of the page, or stopped mid-sentence
            // before a word in lower case.
            let wrapped = |before_width: usize, last: char| {
                !ends_sentence(last)
                    && (10 * before_width >= 7 * full || (first.is_lowercase() && last.is_alphanumeric()))
            };
            let separator = match previous {
                Some((_, last)) if pieces(last) && "。！？.!?".contains(last) => "\n",
                Some((_, last)) if pieces(last) => "",
                Some((w, last)) if wrapped(w, last) && ((wide(last) && wide(first)) || last == '-') => "",
                Some((w, last)) if wrapped(w, last) => " ",
                Some(_) => "\n",
                None => "",
            };
            out.push_str(separator);
            out.push_str(line);
            previous = line.chars().last().map(|last| (width(line), last));
        }
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_join_and_furniture_goes() {
        let page = |n: usize, body: &str| format!("12/5/26, 7:00 AM  zh-09\n{body}\nfile:///tmp/zh-09.html  {n}/2\n");
        let pages = [
            page(1, "福州市公安局在二十一个国家设立了三十个海外警务服务站，与当地合\n作开展工作。\nThe police station in Manhattan was run by the\nFuzhou bureau, which the FBI\ninvestigated."),
            page(2, "第二段。"),
        ];
        assert_eq!(
            readable(&pages),
            "福州市公安局在二十一个国家设立了三十个海外警务服务站，与当地合作开展工作。\n\
             The police station in Manhattan was run by the Fuzhou bureau, which the FBI investigated.\n\
             第二段。\n"
        );
    }

    #[test]
    fn chinese_in_pieces_is_joined_again() {
        let pages = ["雷\n周四\n(11\n月\n17\n日\n)\n表\n示\n,\n联调局正在调查。\n他说。\n1\n/\n2\n".to_string()];
        assert_eq!(readable(&pages), "雷周四(11月17日)表示,联调局正在调查。\n他说。\n");
    }

    #[test]
    fn a_single_page_keeps_its_lines_but_not_its_page_number() {
        assert_eq!(readable(&["Title\nOne sentence.\n- 1 -\n".to_string()]), "Title\nOne sentence.\n");
        assert!(page_number("Page 2 of 5") && page_number("第 2 页") && !page_number("54 stations"));
    }
}
