//! The text of a PDF's pages as a reader reads it: the lines that stand at the top or bottom of
//! every page (a browser's date and title, the page's address, page numbers) left out, and the
//! lines the layout wrapped joined again — without a space inside Chinese (合作 cut as 合 | 作
//! would read as two words, or a place), with one inside English.

use lookout_text::is_han;

use crate::pdf_lines::Line;

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

/// Han characters and Chinese punctuation, but not the curly quotes English uses too: a
/// wrapped line joins these to a Latin word without a space ("RTL" | "新闻").
fn cjk(c: char) -> bool {
    wide(c) && !"“”‘’".contains(c)
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

/// A browser's print header: the date and time it was printed, then the page's title
/// ("12/5/26, 1:46 PM Title"): furniture even on a page of its own, where nothing repeats.
fn print_stamp(line: &str) -> bool {
    let t = line.trim();
    let Some((date, rest)) = t.split_once(", ") else { return false };
    let parts: Vec<&str> = date.split('/').collect();
    let date_like = parts.len() == 3
        && parts.iter().all(|p| !p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()));
    let time = rest.split_whitespace().next().unwrap_or("");
    let time_like = time.split_once(':').is_some_and(|(h, m)| {
        !h.is_empty() && h.len() <= 2 && m.len() == 2 && (h.to_string() + m).chars().all(|c| c.is_ascii_digit())
    });
    date_like && time_like
}

/// A page's address alone on a line, as a browser prints it in the footer ("file:///…",
/// "https://…"; `ﬁ` is the ligature a PDF may write).
fn address_alone(line: &str) -> bool {
    let t = line.trim().replace('\u{FB01}', "fi");
    ["file://", "http://", "https://"].iter().any(|p| t.starts_with(p)) && !t.contains(' ')
}

/// The step from one line to the next inside a paragraph: the commonest step down between two
/// lines of the same size (a paragraph's own lines outnumber the gaps between paragraphs).
fn line_step(pages: &[Vec<&Line>]) -> Option<f32> {
    let mut steps: std::collections::HashMap<i64, usize> = std::collections::HashMap::new();
    for page in pages {
        for pair in page.windows(2) {
            if let (Some((d1, s1)), Some((d2, s2))) = (pair[0].place, pair[1].place) {
                if d2 > d1 && (s1 - s2).abs() < 0.1 * s1 {
                    *steps.entry(((d2 - d1) * 4.0).round() as i64).or_default() += 1;
                }
            }
        }
    }
    steps.into_iter().max_by_key(|&(step, n)| (n, -step)).map(|(step, _)| step as f32 / 4.0)
}

/// How a line stands from the one before it on its page, when both were placed.
#[derive(Clone, Copy, PartialEq)]
enum Spacing {
    /// One line's step below it, in the same type: the same paragraph.
    Step,
    /// Further below, in another type, or above it: a new block of text.
    Apart,
    /// Not known (the first line of a page, or lines without a place).
    Unknown,
}

fn spacing(before: &Line, line: &Line, step: Option<f32>) -> Spacing {
    match (before.place, line.place, step) {
        (Some((d1, s1)), Some((d2, s2)), Some(step)) => {
            let gap = d2 - d1;
            if (s1 - s2).abs() < 0.1 * s1 && gap > 0.0 && gap < 1.25 * step {
                Spacing::Step
            } else {
                Spacing::Apart
            }
        }
        _ => Spacing::Unknown,
    }
}

/// The readable text of a PDF's `pages`, each as its lines.
pub(crate) fn readable(pages: &[Vec<Line>]) -> String {
    let lines: Vec<Vec<&Line>> =
        pages.iter().map(|p| p.iter().filter(|l| !l.text.trim().is_empty()).collect()).collect();
    let step = line_step(&lines);
    let pages: Vec<Vec<&str>> = lines.iter().map(|p| p.iter().map(|l| l.text.trim_end()).collect()).collect();
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
    // The long lines of furniture: a page's header and footer may come out as one line ("12/5/26,
    // 1:46 PM Title file:///…"), which opens with the header the other pages have.
    let furniture: Vec<&String> = counts.keys().filter(|s| s.chars().count() >= 12 && repeated(s)).collect();
    let opens_with_furniture = |s: &str| furniture.iter().any(|f| s.starts_with(f.as_str()));
    let mut out = String::new();
    let mut previous: Option<(usize, char)> = None;
    for (page, placed) in pages.iter().zip(&lines) {
        let n = page.len();
        let body: Vec<(&str, &Line)> = page
            .iter()
            .zip(placed)
            .enumerate()
            .filter(|(i, (line, _))| {
                let edge = *i < EDGE_LINES || *i + EDGE_LINES >= n;
                // A number the next line goes on from in Chinese ("2022" "年11月02日") is a piece
                // of the text, not the page's number.
                let piece = line.trim().chars().all(|c| c.is_ascii_digit())
                    && page.get(i + 1).and_then(|next| next.trim_start().chars().next()).is_some_and(wide);
                let shaped = shape(line);
                // The footer's address: below it, page numbers only.
                let footer = address_alone(line) && page[i + 1..].iter().all(|l| page_number(l));
                !(edge
                    && ((page_number(line) && !piece)
                        || repeated(&shaped)
                        || opens_with_furniture(&shaped)
                        || print_stamp(line)
                        || footer))
            })
            .map(|(_, (line, placed))| (line.trim(), *placed))
            .collect();
        // The width of a full line: the page's widest.
        let full = body.iter().map(|(l, _)| width(l)).max().unwrap_or(0);
        let mut before: Option<&Line> = None;
        for (line, placed) in body {
            let spaced = before.map_or(Spacing::Unknown, |b| spacing(b, placed, step));
            before = Some(placed);
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
            // A line of Chinese that stopped well short of the page's width, with a full line
            // after it, is a headline or a paragraph's end, not a piece: "中共非法设警侨站 荷兰
            // 政府要求立即关闭" stands apart from the report under it.
            let short_line = |w: usize| 10 * w < 7 * full;
            let piece_width = 16;
            let stands_apart = |before_width: usize| {
                short_line(before_width) && before_width >= piece_width && width(line) >= piece_width
            };
            let separator = match previous {
                // Placed lines: a block apart is a new paragraph; one step below, a full line
                // before it wrapped (even after a full stop: "U.S." ends no sentence), a short
                // one ended.
                Some(_) if spaced == Spacing::Apart => "\n\n",
                Some((w, last)) if spaced == Spacing::Step && !short_line(w) => {
                    if (wide(last) && wide(first)) || cjk(last) || cjk(first) || last == '-' {
                        ""
                    } else {
                        " "
                    }
                }
                Some(_) if spaced == Spacing::Step => "\n",
                Some((_, last)) if pieces(last) && "。！？.!?".contains(last) => "\n",
                Some((w, last)) if pieces(last) && stands_apart(w) => "\n",
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

    /// Pages as lopdf reads them: lines without places.
    fn readable(pages: &[String]) -> String {
        super::readable(&pages.iter().map(|p| p.lines().map(Line::unplaced).collect()).collect::<Vec<_>>())
    }

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
        // A header and footer that came out as one line are furniture too.
        let pages = [
            "12/5/26, 1:46 PM A report\nThe station closed.\nfile:///tmp/a.html 1/3\n".to_string(),
            "12/5/26, 1:46 PM A report\nIt was raided.\nfile:///tmp/a.html 2/3\n".to_string(),
            "It said so.\n12/5/26, 1:46 PM A report file:///tmp/a.html\n".to_string(),
        ];
        assert_eq!(readable(&pages), "The station closed.\nIt was raided.\nIt said so.\n");
        // A headline stands apart from the report under it.
        let pages = ["中共非法设警侨站 荷兰政府要求立即关闭\n【大纪元2022年11月02日讯】荷兰外交大臣沃普克霍克斯特拉通知中共驻荷大使谈践立即关闭非法设立的警侨站。\n".to_string()];
        assert_eq!(readable(&pages).lines().count(), 2, "{}", readable(&pages));
        // On a page of its own, a browser's stamp and the address above the page number go.
        let pages =
            ["The station closed.\nIt said so.\n12/5/26, 1:46 PM A report\n\u{FB01}le:///tmp/a.html\n1\n/\n1\n"
                .to_string()];
        assert_eq!(readable(&pages), "The station closed.\nIt said so.\n");
        // A number at the top of a page that the next line goes on from is the text's.
        let pages = ["【大纪元\n2022\n年11月02日讯】荷兰外交大臣表示。\n2\n".to_string()];
        assert_eq!(readable(&pages), "【大纪元2022年11月02日讯】荷兰外交大臣表示。\n");
    }

    #[test]
    fn a_single_page_keeps_its_lines_but_not_its_page_number() {
        assert_eq!(readable(&["Title\nOne sentence.\n- 1 -\n".to_string()]), "Title\nOne sentence.\n");
        assert!(page_number("Page 2 of 5") && page_number("第 2 页") && !page_number("54 stations"));
    }
}
