//! Sentences, found lazily for the mentions that need one: the quote a proposal cites.

/// Longest quote kept whole, in characters; a longer sentence is cut around the mention.
pub const MAX_QUOTE_CHARS: usize = 400;

/// Characters after which a sentence ends at its next space or comma: the longest sentence of
/// the corpus is some 830 characters, and every reader of a sentence (cues, clauses, dates) may
/// scan it once per word it finds, so a text with no full stop (a 2 MB line of one phrase
/// over and over) must not be one sentence.
pub const LONG_SENTENCE_CHARS: usize = 1000;

/// Characters at which a sentence ends whatever comes next.
pub const MAX_SENTENCE_CHARS: usize = 1500;

/// A sentence: character and byte ranges in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    start_byte: usize,
    end_byte: usize,
}

/// Walks a text's sentences in order; ask for the sentence around ascending character offsets.
pub struct Sentences<'a> {
    text: &'a str,
    chars: std::iter::Peekable<std::str::CharIndices<'a>>,
    at_char: usize,
    current: Option<Sentence>,
}

/// Whether the character `c` at byte `i` of `text` ends a sentence: Chinese full stops and line
/// ends always; `.`, `!`, `?` before a space and a word that does not start in lower case, unless
/// the `.` closes an initial or an abbreviation of single letters ("U.S."); a closing quotation
/// mark just after one of them, in the same place ("… across these sites.” The reactive …").
fn ends_sentence(text: &str, i: usize, c: char) -> bool {
    match c {
        // A caption's date in parentheses after its full stop is the caption's ("…出庭。(2023年4月17日)").
        '。' => dated_aside(&text[i + c.len_utf8()..]).is_none(),
        ')' | '）' => {
            // A date is a few characters: the opening mark is looked for near, not through the text.
            let near = text.floor_char_boundary(i.saturating_sub(ASIDE_BYTES));
            text[near..i].rfind(['(', '（']).is_some_and(|at| {
                let open = near + at;
                text[..open].ends_with('。') && dated_aside(&text[open..]) == Some(i + c.len_utf8() - open)
            })
        }
        // A line the page broke after a word no sentence ends on goes on ("… including the UK and
        // the\n\nNetherlands. And …").
        '\n' => !ends_on_a_word_that_goes_on(&text[..i]),
        '！' | '？' | '；' => true,
        '”' | '"' | '’' => {
            let after = &text[i + c.len_utf8()..];
            text[..i].ends_with(['.', '!', '?'])
                && after.starts_with(char::is_whitespace)
                && !after.trim_start().chars().next().is_some_and(char::is_lowercase)
        }
        '.' | '!' | '?' => {
            let after = &text[i + c.len_utf8()..];
            if !after.chars().next().is_none_or(char::is_whitespace) {
                return glued(&text[..i], after);
            }
            if after.trim_start().chars().next().is_some_and(char::is_lowercase) {
                return false;
            }
            let mut before = text[..i].chars().rev();
            let initial = c == '.'
                && before.next().is_some_and(char::is_alphabetic)
                && before.next().is_none_or(|p| p == '.' || p.is_whitespace());
            !(initial || c == '.' && abbreviation(&text[..i], after.trim_start()))
        }
        _ => false,
    }
}

/// Titles before a name, whose stop ends no sentence ("Mr. Smith", "Sen. Woo").
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Capt", "Sgt", "Insp", "Supt",
    "Det", "Cst", "Hon", "Rev", "Amb", "Pres",
];

/// Abbreviations before a number, whose stop ends no sentence ("Feb. 22", "No. 3").
const BEFORE_NUMBERS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "No", "Nos", "Vol", "p", "pp",
];

/// Whether the word before a stop (`before` ends with it) is an abbreviation that the text after
/// it (`next`, from its first word) goes on from: a title before a name, a month or "No." before
/// a number.
fn abbreviation(before: &str, next: &str) -> bool {
    let letters = before.bytes().rev().take_while(u8::is_ascii_alphabetic).count();
    let word = &before[before.len() - letters..];
    (TITLES.contains(&word) && next.starts_with(char::is_uppercase))
        || (BEFORE_NUMBERS.contains(&word) && next.starts_with(|c: char| c.is_ascii_digit()))
}

/// English words no sentence ends on: a line that ends on one was broken inside its sentence.
const GOES_ON: &[&str] = &["the", "a", "an", "of", "and", "to", "in", "for", "with", "by", "at", "from", "on", "or"];

/// Whether `before` (a text up to a line break) ends on one of [`GOES_ON`], after at most a few
/// blank characters: read from its end, a few bytes, however long the text (a Chinese text holds
/// no space to stop at, and a page may hold thousands of empty lines).
fn ends_on_a_word_that_goes_on(before: &str) -> bool {
    let bytes = before.as_bytes();
    let blank = bytes.iter().rev().take(4).take_while(|b| b.is_ascii_whitespace()).count();
    let end = bytes.len() - blank;
    let letters = bytes[..end].iter().rev().take(5).take_while(|b| b.is_ascii_lowercase()).count();
    let start = end - letters;
    (1..5).contains(&letters) && (start == 0 || bytes[start - 1] == b' ') && GOES_ON.contains(&&before[start..end])
}

/// The most bytes a date in parentheses takes ("(2023年12月31日)" is 21).
const ASIDE_BYTES: usize = 32;

/// The length in bytes of a date in parentheses that opens `after` ("(2023年4月17日)"), if one does.
fn dated_aside(after: &str) -> Option<usize> {
    let inner = after.strip_prefix(['(', '（'])?;
    let close = inner[..inner.floor_char_boundary(ASIDE_BYTES)].find([')', '）'])?;
    let date = &inner[..close];
    let dated = date.chars().any(|c| c.is_ascii_digit())
        && date.chars().all(|c| c.is_ascii_digit() || matches!(c, '年' | '月' | '日' | ' '))
        && date.contains(['年', '月', '日']);
    let closing = inner[close..].chars().next().map_or(0, char::len_utf8);
    dated.then(|| after.len() - inner.len() + close + closing)
}

/// Whether a stop with no space after it still ends a sentence, as pages that lost their spaces
/// print them ("… rumors and slanders”.The statement came …", "… as false.“You are …"): after a
/// closing quotation mark or a lower-case word of three letters or more, and before an opening
/// quotation mark or a capitalised word. Not in a web address ("Yorkregion.com") or an
/// abbreviation ("U.S.The", "Mr.Smith").
fn glued(before: &str, after: &str) -> bool {
    let mut next = after.chars();
    let opens = match next.next() {
        Some('“') => true,
        Some(c) if c.is_uppercase() => next.next().is_some_and(char::is_lowercase),
        _ => false,
    };
    let mut back = before.chars().rev();
    let closes = match back.next() {
        Some('”' | '"') => true,
        Some(c) if c.is_lowercase() => back.take(2).filter(|c| c.is_lowercase()).count() == 2,
        _ => false,
    };
    opens && closes
}

impl<'a> Sentences<'a> {
    /// Sentences of `text`.
    pub fn new(text: &'a str) -> Sentences<'a> {
        Sentences { text, chars: text.char_indices().peekable(), at_char: 0, current: None }
    }

    /// The next sentence (for a caller that reads every sentence, not only those around offsets).
    pub fn next_sentence(&mut self) -> Option<Sentence> {
        // Skip leading whitespace.
        while let Some(&(_, c)) = self.chars.peek() {
            if !c.is_whitespace() {
                break;
            }
            self.chars.next();
            self.at_char += 1;
        }
        let &(start_byte, _) = self.chars.peek()?;
        let start = self.at_char;
        let mut end_byte = self.text.len();
        for (i, c) in self.chars.by_ref() {
            self.at_char += 1;
            let long = self.at_char - start;
            let cut = long >= MAX_SENTENCE_CHARS
                || long >= LONG_SENTENCE_CHARS && (c.is_whitespace() || matches!(c, ',' | '，' | '、'));
            if cut || ends_sentence(self.text, i, c) {
                end_byte = i + c.len_utf8();
                break;
            }
        }
        Some(Sentence { start, end: self.at_char, start_byte, end_byte })
    }

    /// The words of `sentence`, as written.
    pub fn words(&self, sentence: Sentence) -> &'a str {
        &self.text[sentence.start_byte..sentence.end_byte]
    }

    /// The text after `sentence`.
    pub fn after(&self, sentence: Sentence) -> &'a str {
        &self.text[sentence.end_byte..]
    }

    /// The sentence holding character `offset` (offsets asked for must not decrease).
    pub fn around(&mut self, offset: usize) -> Option<Sentence> {
        loop {
            match self.current {
                Some(s) if offset < s.end => return (offset >= s.start).then_some(s),
                _ => self.current = Some(self.next_sentence()?),
            }
        }
    }

    /// The words of `sentence`, trimmed, and the span `[start, end)` (sentence characters) inside
    /// them; a sentence longer than [`MAX_QUOTE_CHARS`] is cut to a window around the span.
    pub fn quote(&self, sentence: Sentence, start: usize, end: usize) -> (String, (u32, u32)) {
        let words = self.text[sentence.start_byte..sentence.end_byte].trim_end();
        let len = words.chars().count();
        let (from, to) = if len <= MAX_QUOTE_CHARS {
            (0, len)
        } else {
            let rel = start - sentence.start;
            let from = rel.saturating_sub(MAX_QUOTE_CHARS / 3);
            (from, (from + MAX_QUOTE_CHARS).min(len))
        };
        let quote: String = words.chars().skip(from).take(to - from).collect();
        let (a, b) = (start - sentence.start - from, (end - sentence.start - from).min(to - from));
        let quote = quote.replace(['\n', '\r', '\t'], " ");
        (quote, (a as u32, b as u32))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_in_both_languages() {
        let text = "In 2022 it opened. The U.S.A. office closed!  福州市公安局在荷兰开设了服务站。后来关闭了";
        let mut s = Sentences::new(text);
        let first = s.around(3).unwrap();
        assert_eq!(s.quote(first, 3, 7).0, "In 2022 it opened.");
        let second = s.around(24).unwrap();
        assert_eq!(s.quote(second, 24, 30), ("The U.S.A. office closed!".into(), (5, 11)));
        let zh_start = text.chars().position(|c| c == '福').unwrap();
        let zh = s.around(zh_start + 8).unwrap();
        assert_eq!(s.quote(zh, zh_start + 7, zh_start + 9), ("福州市公安局在荷兰开设了服务站。".into(), (7, 9)));
        let last = s.around(text.chars().count() - 1).unwrap();
        assert_eq!(s.quote(last, last.start, last.start + 2).0, "后来关闭了");
        // A quotation ends with its sentence.
        let text = "He said: “None was found.” The FBI made arrests. “Is it?” he asked.";
        let mut s = Sentences::new(text);
        let first = s.around(0).unwrap();
        assert_eq!(s.quote(first, 0, 2).0, "He said: “None was found.”");
        let next = s.next_sentence().unwrap();
        assert_eq!(s.words(next), "The FBI made arrests.");
        let asked = s.next_sentence().unwrap();
        assert_eq!(s.words(asked), "“Is it?” he asked.");
        assert!(s.around(text.chars().count() + 5).is_none());
    }

    /// Every sentence of `text`, trimmed.
    fn every_sentence(text: &str) -> Vec<&str> {
        let mut s = Sentences::new(text);
        std::iter::from_fn(|| s.next_sentence().map(|x| s.words(x).trim())).collect()
    }

    #[test]
    fn a_title_or_a_months_stop_ends_no_sentence() {
        let text = "On Feb. 22, Seoul police searched it. Mr. Smith and Sen. Woo spoke in Feb. The end came. 中Mr. X";
        assert_eq!(
            every_sentence(text),
            [
                "On Feb. 22, Seoul police searched it.",
                "Mr. Smith and Sen. Woo spoke in Feb.",
                "The end came.",
                "中Mr. X"
            ]
        );
    }

    #[test]
    fn a_captions_date_and_a_broken_line_stay_in_their_sentence() {
        let text = "两人在联邦法院出庭。(2023年4月17日)\n他们被捕。(图)下一句。\nincluding the UK and the\n\nNetherlands. And then";
        assert_eq!(
            every_sentence(text),
            [
                "两人在联邦法院出庭。(2023年4月17日)",
                "他们被捕。",
                "(图)下一句。",
                "including the UK and the\n\nNetherlands.",
                "And then"
            ]
        );
    }

    #[test]
    fn a_stop_without_its_space_ends_a_sentence_between_words() {
        let text = "It was false.“You are wrong,” it said, of rumors and slanders”.The statement came. \
                    See Yorkregion.com and the U.S.The end. Mr.Smith left.";
        let mut s = Sentences::new(text);
        let mut words = Vec::new();
        while let Some(sentence) = s.next_sentence() {
            words.push(s.words(sentence));
        }
        assert_eq!(
            words,
            [
                "It was false.",
                "“You are wrong,” it said, of rumors and slanders”.",
                "The statement came.",
                "See Yorkregion.com and the U.S.The end.",
                "Mr.Smith left."
            ]
        );
    }

    #[test]
    fn a_long_sentence_is_cut_around_the_mention() {
        let text = format!("{} Rotterdam {}", "word ".repeat(200), "more ".repeat(200));
        let mut s = Sentences::new(&text);
        let at = text.find("Rotterdam").unwrap();
        let sentence = s.around(at).unwrap();
        let (quote, (a, b)) = s.quote(sentence, at, at + 9);
        assert!(quote.chars().count() <= MAX_QUOTE_CHARS);
        assert_eq!(quote.chars().skip(a as usize).take((b - a) as usize).collect::<String>(), "Rotterdam");
    }

    #[test]
    fn a_text_without_stops_is_cut_into_bounded_sentences() {
        // English: at the first space after the long mark, never inside a word.
        let english = "station closed ".repeat(200);
        let pieces = every_sentence(&english);
        assert!(pieces.len() >= 2, "{} sentences", pieces.len());
        assert!(pieces.iter().all(|p| p.chars().count() <= LONG_SENTENCE_CHARS + "station".len()));
        assert!(pieces.iter().all(|p| p.split_whitespace().all(|w| w == "station" || w == "closed")), "{pieces:?}");
        // Chinese without a comma: at the hard limit; with commas, at the first one after the mark.
        let chinese = "设立服务".repeat(1000);
        let pieces = every_sentence(&chinese);
        assert_eq!(pieces.iter().map(|p| p.chars().count()).collect::<Vec<_>>(), [1500, 1500, 1000]);
        let commas = "警察站被关闭，".repeat(300);
        let pieces = every_sentence(&commas);
        assert!(pieces.iter().all(|p| p.ends_with('，') && p.chars().count() <= LONG_SENTENCE_CHARS + 7));
        assert_eq!(pieces.concat(), commas);
    }
}
