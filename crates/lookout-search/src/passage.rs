//! Snippets of whole sentences: a record's text is one sentence per line, and a hit shows the
//! sentences holding the most matches, whole, rather than a window cut mid-word.

use tantivy::snippet::SnippetGenerator;

/// Most characters of sentences a snippet shows (a single longer sentence is shown whole).
const MAX_SNIPPET_CHARS: usize = 260;

/// `text` with `<`, `>`, `&`, `"` and `'` escaped for HTML.
fn escaped(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            c => out.push(c),
        }
    }
}

/// A sentence, escaped, with the byte ranges in `marks` wrapped in `<mark>`; overlapping ranges
/// (a word and its parts: 公安局, 公安) are one mark.
fn marked(sentence: &str, marks: &[std::ops::Range<usize>]) -> String {
    let mut merged: Vec<std::ops::Range<usize>> = Vec::with_capacity(marks.len());
    let mut sorted = marks.to_vec();
    sorted.sort_by_key(|m| m.start);
    for m in sorted
        .into_iter()
        .filter(|m| m.end <= sentence.len() && sentence.is_char_boundary(m.start) && sentence.is_char_boundary(m.end))
    {
        match merged.last_mut() {
            Some(last) if m.start < last.end => last.end = last.end.max(m.end),
            _ => merged.push(m),
        }
    }
    let mut html = String::with_capacity(sentence.len() + 16 * merged.len());
    let mut at = 0;
    for m in &merged {
        escaped(&sentence[at..m.start], &mut html);
        html.push_str("<mark>");
        escaped(&sentence[m.start..m.end], &mut html);
        html.push_str("</mark>");
        at = m.end;
    }
    escaped(&sentence[at..], &mut html);
    html
}

/// The sentences of `body` (one per line) that best show the matches `generator` looks for, in
/// their order in the body, escaped, matches in `<mark>`; the first sentence when none matches.
pub(crate) fn best_sentences(generator: &SnippetGenerator, body: &str) -> String {
    let mut scored: Vec<(usize, usize, String)> = Vec::new();
    for (i, sentence) in body.lines().map(str::trim).filter(|s| !s.is_empty()).enumerate() {
        let snippet = generator.snippet(sentence);
        if snippet.highlighted().is_empty() {
            continue;
        }
        let offset = snippet.fragment_range().start;
        let marks: Vec<_> = snippet.highlighted().iter().map(|r| r.start + offset..r.end + offset).collect();
        scored.push((marks.len(), i, marked(sentence, &marks)));
    }
    if scored.is_empty() {
        return body.lines().map(str::trim).find(|s| !s.is_empty()).map(|s| marked(s, &[])).unwrap_or_default();
    }
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut chosen: Vec<(usize, String)> = Vec::new();
    let mut chars = 0;
    for (_, i, html) in scored {
        let n = html.chars().count();
        if !chosen.is_empty() && chars + n > MAX_SNIPPET_CHARS {
            break;
        }
        chars += n;
        chosen.push((i, html));
    }
    chosen.sort_by_key(|c| c.0);
    chosen.into_iter().map(|c| c.1).collect::<Vec<_>>().join(" … ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_placed_in_escaped_text() {
        assert_eq!(
            marked("a <b> Fuzhou & c", std::slice::from_ref(&(6..12))),
            "a &lt;b&gt; <mark>Fuzhou</mark> &amp; c"
        );
        assert_eq!(marked("福州市公安局", std::slice::from_ref(&(0..6))), "<mark>福州</mark>市公安局");
        assert_eq!(marked("plain", &[]), "plain");
        assert_eq!(marked("南通市公安局", &[9..15, 9..18, 15..18]), "南通市<mark>公安局</mark>");
    }
}
