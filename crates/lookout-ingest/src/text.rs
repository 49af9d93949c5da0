//! Text from documents: plain text and Markdown as they are, HTML without markup, scripts and
//! navigation, PDF from its text layer; then NFKC (full-width forms folded) and whitespace tidied.

use std::borrow::Cow;
/// Most bytes of a document read for text; a larger file is kept whole as evidence and its text
/// read from the start up to this size.
pub const MAX_TEXT_BYTES: usize = 64 * 1024 * 1024;

/// The kinds of document read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `.txt`.
    Text,
    /// `.md`.
    Markdown,
    /// `.html`, `.htm`.
    Html,
    /// `.pdf`.
    Pdf,
}

impl Format {
    /// From a file name's extension.
    pub fn of_name(name: &str) -> Option<Format> {
        let lower = name.to_ascii_lowercase();
        let ext = lower.rsplit('.').next()?;
        Some(match ext {
            "txt" | "text" => Format::Text,
            "md" | "markdown" => Format::Markdown,
            "html" | "htm" | "xhtml" => Format::Html,
            "pdf" => Format::Pdf,
            _ => return None,
        })
    }

    /// The media type.
    pub fn media_type(self) -> &'static str {
        match self {
            Format::Text => "text/plain",
            Format::Markdown => "text/markdown",
            Format::Html => "text/html",
            Format::Pdf => "application/pdf",
        }
    }
}

/// The text of a document's bytes, or why there is none.
pub fn extract(bytes: &[u8], format: Format) -> Result<String, String> {
    if bytes.is_empty() {
        return Err("the file is empty".into());
    }
    let raw: Cow<'_, str> = match format {
        Format::Pdf => Cow::Owned(pdf_text(bytes)?),
        _ => {
            if bytes.iter().take(8192).any(|b| *b == 0) {
                return Err("a binary file, not text".into());
            }
            let text = match std::str::from_utf8(bytes) {
                Ok(t) => t,
                // A cut at the size limit may split a character: keep what is whole.
                Err(e) if e.error_len().is_none() => std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default(),
                Err(e) => return Err(format!("invalid UTF-8 at byte {}", e.valid_up_to())),
            };
            if format == Format::Html {
                Cow::Owned(html_text(text))
            } else {
                Cow::Borrowed(text)
            }
        }
    };
    Ok(tidy(&raw))
}

/// NFKC-normalises each line (a line already in NFKC, as most are, is copied as it is) and
/// collapses runs of spaces and blank lines.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        // NFKC may make line breaks (U+2028 stays one; others do not appear).
        let line = lookout_text::nfkc(line);
        if !line.is_empty() && spaced_once(&line) {
            // Already tidy: one copy of the whole line rather than one per word.
            if !out.is_empty() {
                out.push_str(if blank > 0 { "\n\n" } else { "\n" });
            }
            blank = 0;
            out.push_str(&line);
            continue;
        }
        let mut words = line.split_whitespace().peekable();
        if words.peek().is_none() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        for (i, w) in words.enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(w);
        }
    }
    out
}

/// Whether the words of a line are already separated by single spaces, with none around them:
/// what splitting at whitespace and joining with spaces would give back unchanged.
fn spaced_once(line: &str) -> bool {
    let bytes = line.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    // ASCII whitespace other than a space, and two spaces in a row: looked for without a branch
    // per byte (the compiler makes vector code of it).
    let other_space =
        bytes.iter().fold(0u8, |any, &b| any | u8::from(matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r')));
    let pairs = bytes.len().saturating_sub(1);
    let two_spaces = bytes[..pairs]
        .iter()
        .zip(&bytes[1..])
        .fold(0u8, |any, (&a, &b)| any | (u8::from(a == b' ') & u8::from(b == b' ')));
    if other_space | two_spaces != 0 {
        return false;
    }
    // (The last two bytes are no window of three: a character of two bytes may end the line.)
    line.is_ascii() || !(bytes.windows(3).any(non_ascii_space) || non_ascii_space(&bytes[pairs.saturating_sub(1)..]))
}

/// Whether the bytes open a whitespace character outside ASCII (U+0085, U+00A0, U+1680,
/// U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000), told from its UTF-8 bytes.
fn non_ascii_space(bytes: &[u8]) -> bool {
    matches!(
        *bytes,
        [0xC2, 0x85 | 0xA0, ..]
            | [0xE1, 0x9A, 0x80]
            | [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF]
            | [0xE2, 0x81, 0x9F]
            | [0xE3, 0x80, 0x80]
    )
}

use crate::pdf_lines::Line;

fn pdf_text(bytes: &[u8]) -> Result<String, String> {
    let doc = lopdf::Document::load_mem(bytes).map_err(|_| "a damaged PDF file".to_string())?;
    if doc.is_encrypted() {
        return Err("an encrypted PDF".into());
    }
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err("a PDF without pages".into());
    }
    // Each page's lines where they stand; a page whose content cannot be followed so far gives
    // its text as lopdf reads it, line by line, without places.
    let lines: Vec<Vec<Line>> = pages
        .iter()
        .map(|(&number, &id)| {
            crate::pdf_lines::page_lines(&doc, id).unwrap_or_else(|_| {
                doc.extract_text(&[number]).unwrap_or_default().lines().map(Line::unplaced).collect()
            })
        })
        .collect();
    let out = crate::pdf_layout::readable(&lines);
    if out.trim().is_empty() {
        return Err("a PDF without a text layer (scanned?)".into());
    }
    Ok(out)
}

/// Elements whose content is not the document's text.
const SKIPPED: &[&str] =
    &["script", "style", "nav", "header", "footer", "aside", "noscript", "template", "svg", "form", "head"];
/// Elements that end a block of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "blockquote",
    "table",
    "ul",
    "ol",
    "pre",
    "figcaption",
    "dd",
    "dt",
];

/// Readable text of an HTML page: the content of `<main>` or `<article>` when there is one,
/// navigation, headers, footers, scripts and styles left out, entities decoded.
pub fn html_text(html: &str) -> String {
    let lower = html.to_ascii_lowercase();
    let body = ["<main", "<article"]
        .iter()
        .find_map(|tag| {
            let start = lower.find(tag)?;
            let close = format!("</{}", &tag[1..]);
            let end = lower.rfind(&close).filter(|e| *e > start)?;
            Some(&html[start..end])
        })
        .unwrap_or(html);
    let mut out = String::with_capacity(body.len() / 2);
    let mut skip_depth: Vec<String> = Vec::new();
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        if skip_depth.is_empty() {
            out.push_str(&decode_entities(&rest[..lt]));
        }
        let after = &rest[lt..];
        if after.starts_with("<!--") {
            rest = after.find("-->").map_or("", |e| &after[e + 3..]);
            continue;
        }
        let Some(gt) = after.find('>') else { break };
        let tag = &after[1..gt];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if SKIPPED.contains(&name.as_str()) && !tag.ends_with('/') {
            if closing {
                if skip_depth.last() == Some(&name) {
                    skip_depth.pop();
                }
            } else {
                skip_depth.push(name.clone());
            }
        }
        if BLOCKS.contains(&name.as_str()) {
            out.push('\n');
        }
        rest = &after[gt + 1..];
    }
    if skip_depth.is_empty() {
        out.push_str(&decode_entities(rest));
    }
    out
}

fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp..];
        let Some(semi) = after.find(';').filter(|s| *s <= 10) else {
            out.push('&');
            rest = &after[1..];
            continue;
        };
        let entity = &after[1..semi];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" | "#39" => Some('\''),
            "nbsp" => Some(' '),
            "mdash" => Some('—'),
            "ndash" => Some('–'),
            "hellip" => Some('…'),
            "rsquo" => Some('’'),
            "lsquo" => Some('‘'),
            "ldquo" => Some('“'),
            "rdquo" => Some('”'),
            e if e.starts_with("#x") || e.starts_with("#X") => {
                u32::from_str_radix(&e[2..], 16).ok().and_then(char::from_u32)
            }
            e if e.starts_with('#') => e[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &after[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_outside_ascii_is_told_from_its_bytes() {
        for c in (0x80u32..=0xFFFF).filter_map(char::from_u32) {
            let mut bytes = [0u8; 4];
            let encoded = c.encode_utf8(&mut bytes).as_bytes();
            let padded = [encoded, b"xx"].concat();
            assert_eq!(non_ascii_space(&padded[..3]), c.is_whitespace(), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn tidy_lines_are_kept_whole_and_others_respaced() {
        for line in [
            "Fuzhou PSB",
            "福州市公安局。 54 stations",
            " lead",
            "trail ",
            "two  spaces",
            "tab\there",
            "nbsp\u{a0}here",
            "ideo\u{3000}space",
            "em\u{2003}space",
            "。、",
            "a\u{3000}",
            "中文\u{3000}中文",
            "ab\rcd",
            "form\u{c}feed",
            "ab\u{a0}",
            "\u{a0}",
            "\u{85}x",
            "x\u{2028}",
        ]
        .into_iter()
        .map(String::from)
        // Two spaces, or one at the end, at and around the blocks the search reads.
        .chain([62, 63, 64, 65, 127, 128].map(|at| format!("{}  {}", "x".repeat(at), "y".repeat(70))))
        .chain([63, 64].map(|at| format!("{} {}", "x".repeat(at), "y".repeat(70))))
        {
            let line = line.as_str();
            let words: Vec<&str> = line.split_whitespace().collect();
            assert_eq!(spaced_once(line), words.join(" ") == line, "{line:?}");
        }
        assert_eq!(tidy("  a  b \n\n\n c\u{3000}d\nplain line"), "a b\n\nc d\nplain line");
    }

    #[test]
    fn html_loses_markup_navigation_and_scripts() {
        let html = "<html><head><title>t</title><style>p{}</style></head><body><nav>Home | News</nav><main><h1>Stations</h1><p>The &quot;110&quot; station&nbsp;in Prato &amp; Milan.</p><script>track()</script><p>福州市公安局</p></main><footer>© 2022</footer></body></html>";
        let text = extract(html.as_bytes(), Format::Html).unwrap();
        assert_eq!(text, "Stations\n\nThe \"110\" station in Prato & Milan.\n\n福州市公安局");
    }

    #[test]
    fn bad_inputs_are_named() {
        assert_eq!(extract(b"", Format::Text).unwrap_err(), "the file is empty");
        assert_eq!(extract(b"ab\0cd", Format::Text).unwrap_err(), "a binary file, not text");
        assert_eq!(extract(b"ok \xff\xfe", Format::Text).unwrap_err(), "invalid UTF-8 at byte 3");
        assert_eq!(extract(b"%PDF-1.4 nonsense", Format::Pdf).unwrap_err(), "a damaged PDF file");
        assert_eq!(extract("ＰＳＢ　１０２个".as_bytes(), Format::Text).unwrap(), "PSB 102个");
    }
}
