//! A Latin-script name read into comparable words: ASCII lower case, number words as digits,
//! legal forms (for organisations) and particles set aside. The words live in one buffer with
//! their spans: a name is read for every comparison, and a string per word cost more than the
//! comparison itself.

use std::fmt::Write;

use smallvec::SmallVec;

use super::fold::ascii_fold;
use super::similar::char_count;

/// Where a word lies in [`Words`]' buffer: start and end byte.
type Span = (u32, u32);

/// A name reduced to comparable words.
#[derive(Debug, Clone)]
pub struct Words {
    /// Every word read, one after another (the name's letters first, then words put in later:
    /// numbers as digits, joined initials).
    text: String,
    /// Where the name's own letters end in `text`.
    letters_end: usize,
    /// The words, in order.
    spans: SmallVec<[Span; 8]>,
    /// The father's name, after `bin`/`ibn`, if given.
    father: Option<Span>,
    /// The canonical legal forms found (`jsc`, `llc`, `ltd`…).
    pub forms: Vec<&'static str>,
}

impl Words {
    /// How many words.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Whether no word is left.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The `i`th word.
    pub fn word(&self, i: usize) -> &str {
        self.at(self.spans[i])
    }

    /// The words, in order.
    pub fn words(&self) -> impl Iterator<Item = &str> + '_ {
        self.spans.iter().map(|s| self.at(*s))
    }

    /// Every letter and digit of the name, in order (`Siemens AG` → `siemensag`).
    pub fn letters(&self) -> &str {
        &self.text[..self.letters_end]
    }

    /// The father's name, after `bin`/`ibn`, if given.
    pub fn father(&self) -> Option<&str> {
        self.father.map(|s| self.at(s))
    }

    /// The words written together (`kkr asian fund` → `kkrasianfund`).
    pub fn joined(&self) -> String {
        self.words().collect()
    }

    fn at(&self, (start, end): Span) -> &str {
        &self.text[start as usize..end as usize]
    }

    /// Puts a word into the buffer, returning its span.
    fn put(&mut self, word: impl std::fmt::Display) -> Span {
        let start = self.text.len() as u32;
        let _ = write!(self.text, "{word}");
        (start, self.text.len() as u32)
    }

    /// Whether the words from `at` on begin with `phrase`.
    fn starts_with_at(&self, at: usize, phrase: &[&str]) -> bool {
        self.len() >= at + phrase.len() && phrase.iter().enumerate().all(|(k, p)| self.word(at + k) == *p)
    }
}

/// Legal forms, as word sequences, and their canonical symbol; longest first.
const LEGAL_FORMS: &[(&str, &str)] = &[
    ("societatea cu raspundere limitata", "srl"),
    ("gesellschaft mit beschrankter haftung", "gmbh"),
    ("open joint stock company", "jsc"),
    ("public joint stock company", "jsc"),
    ("closed joint stock company", "jsc"),
    ("limited liability company", "llc"),
    ("public limited company", "plc"),
    ("joint stock company", "jsc"),
    ("sp z o o", "llc"),
    ("aktiengesellschaft", "ag"),
    ("incorporated", "inc"),
    ("corporation", "corp"),
    ("company", "co"),
    ("limited", "ltd"),
    ("ojsc", "jsc"),
    ("pjsc", "jsc"),
    ("cjsc", "jsc"),
    ("jsc", "jsc"),
    ("oao", "jsc"),
    ("pao", "jsc"),
    ("zao", "jsc"),
    ("ooo", "llc"),
    ("llc", "llc"),
    ("plc", "plc"),
    ("ltd", "ltd"),
    ("pty", "pty"),
    ("inc", "inc"),
    ("corp", "corp"),
    ("co", "co"),
    ("gmbh", "gmbh"),
    ("ag", "ag"),
    ("akg", "ag"),
    ("srl", "srl"),
    ("sa", "sa"),
    ("spa", "spa"),
    ("bv", "bv"),
    ("nv", "nv"),
    ("lp", "lp"),
    ("llp", "llp"),
];

/// The legal forms that start with `word`, as word sequences, longest first.
fn legal_forms_from(word: &str) -> &'static [(Vec<&'static str>, &'static str)] {
    use std::sync::OnceLock;
    type Table = rustc_hash::FxHashMap<&'static str, Vec<(Vec<&'static str>, &'static str)>>;
    static TABLE: OnceLock<Table> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut table = Table::default();
        for (phrase, symbol) in LEGAL_FORMS {
            let parts: Vec<&'static str> = phrase.split(' ').collect();
            table.entry(parts[0]).or_default().push((parts, symbol));
        }
        table
    });
    table.get(word).map_or(&[], Vec::as_slice)
}

/// Whether a word carries no identity on its own: a name particle, a title.
fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "al" | "el"
            | "bin"
            | "ibn"
            | "bint"
            | "ben"
            | "de"
            | "del"
            | "la"
            | "le"
            | "van"
            | "von"
            | "der"
            | "den"
            | "du"
            | "da"
            | "di"
            | "mr"
            | "mrs"
            | "ms"
            | "dr"
            | "prof"
            | "president"
    )
}

/// Whether a word introduces a father's name (`Salman bin Muhammad`).
fn is_patronymic(word: &str) -> bool {
    matches!(word, "bin" | "ibn" | "bint" | "ben")
}

/// Whether a word only joins the words of an organisation's name.
fn is_joiner(word: &str) -> bool {
    matches!(word, "the" | "of" | "and" | "for")
}

/// The value of a number word (`forty` → 40, `first` → 1, `1st` → 1), and whether it is a multiple
/// of ten that a unit may follow (`forty four`).
fn number_value(word: &str) -> Option<(u32, bool)> {
    if !matches!(word.as_bytes().first(), Some(b'0'..=b'9' | b'e' | b'f' | b'n' | b'o' | b's' | b't' | b'z')) {
        return None;
    }
    let unit = match word {
        "zero" => 0,
        "one" | "first" => 1,
        "two" | "second" => 2,
        "three" | "third" => 3,
        "four" | "fourth" => 4,
        "five" | "fifth" => 5,
        "six" | "sixth" => 6,
        "seven" | "seventh" => 7,
        "eight" | "eighth" => 8,
        "nine" | "ninth" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => return Some((20, true)),
        "thirty" => return Some((30, true)),
        "forty" | "fourty" => return Some((40, true)),
        "fifty" => return Some((50, true)),
        "sixty" => return Some((60, true)),
        "seventy" => return Some((70, true)),
        "eighty" => return Some((80, true)),
        "ninety" => return Some((90, true)),
        _ => {
            // 1st, 2nd, 3rd, 4th…
            let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            if digits.is_empty() || !matches!(&word[digits.len()..], "st" | "nd" | "rd" | "th") {
                return None;
            }
            return digits.parse().ok().map(|n| (n, false));
        }
    };
    Some((unit, false))
}

/// Reads the words of a name: `&` is "and", dots and apostrophes join (`p.l.c.` → `plc`,
/// `Qa'ida` → `qaida`), everything else separates.
fn read_words(name: &str) -> Words {
    let folded =
        if name.is_ascii() { std::borrow::Cow::Borrowed(name) } else { std::borrow::Cow::Owned(ascii_fold(name)) };
    let mut words = Words {
        text: String::with_capacity(folded.len() + 8),
        letters_end: 0,
        spans: SmallVec::new(),
        father: None,
        forms: Vec::new(),
    };
    let mut start = 0;
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() || (!c.is_ascii() && c.is_alphanumeric()) {
            words.text.push(c.to_ascii_lowercase());
        } else if !matches!(c, '.' | '\'' | '`') {
            if words.text.len() > start {
                words.spans.push((start as u32, words.text.len() as u32));
            }
            if c == '&' {
                let and = words.put("and");
                words.spans.push(and);
            }
            start = words.text.len();
        }
    }
    if words.text.len() > start {
        words.spans.push((start as u32, words.text.len() as u32));
    }
    words.letters_end = words.text.len();
    words
}

/// Number words as digits: `forty four` → `44`, `first` → `1`, `1st` → `1`.
fn numbers_as_digits(words: &mut Words) {
    let mut i = 0;
    while i < words.len() {
        match number_value(words.word(i)) {
            Some((tens, true)) => match (i + 1 < words.len()).then(|| number_value(words.word(i + 1))).flatten() {
                Some((unit, false)) if unit < 10 => {
                    words.spans[i] = words.put(tens + unit);
                    words.spans.remove(i + 1);
                }
                _ => words.spans[i] = words.put(tens),
            },
            Some((n, false)) => words.spans[i] = words.put(n),
            None => {}
        }
        i += 1;
    }
}

/// Where a word of one name is the initials of a run of words of the other (`PLA`, `People's
/// Liberation Army`; `JC`, `Jean-Claude`), the run becomes that word.
pub(super) fn join_initials(a: &Words, b: &mut Words) {
    for word in a.words() {
        let n = char_count(word);
        if !(2..=5).contains(&n) || n > b.len() || b.words().any(|w| w == word) {
            continue;
        }
        let initials = |s: usize| {
            (s..s + n).zip(word.chars()).all(|(k, c)| b.word(k).starts_with(c))
                && (s..s + n).any(|k| b.word(k).len() > 1)
        };
        if let Some(start) = (0..b.len().saturating_sub(n - 1)).find(|&s| initials(s)) {
            let joined = b.put(word);
            b.spans.drain(start..start + n);
            b.spans.insert(start, joined);
        }
    }
}

/// Reads a name: words, with legal forms (for organisations) and particles set aside.
pub fn parse(text: &str, organisation: bool) -> Words {
    let mut words = read_words(text);
    numbers_as_digits(&mut words);
    if organisation {
        let mut i = 0;
        'scan: while i < words.len() {
            for (parts, symbol) in legal_forms_from(words.word(i)) {
                // A legal form that is the whole name is the name.
                if words.starts_with_at(i, parts) && parts.len() < words.len() {
                    words.spans.drain(i..i + parts.len());
                    words.forms.push(*symbol);
                    continue 'scan;
                }
            }
            i += 1;
        }
    }
    if !organisation {
        let patronymic = words.words().position(is_patronymic);
        if let Some(at) = patronymic {
            words.father = words.spans[at + 1..].iter().copied().find(|s| !is_particle(words.at(*s)));
        }
    }
    let skip = if organisation { is_joiner } else { is_particle };
    if words.words().any(|w| !skip(w)) {
        let text = &words.text;
        words.spans.retain(|(start, end)| !skip(&text[*start as usize..*end as usize]));
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(name: &str, organisation: bool) -> Vec<String> {
        parse(name, organisation).words().map(str::to_string).collect()
    }

    #[test]
    fn reads_words_numbers_legal_forms_and_particles() {
        assert_eq!(words("HSBC Holdings p.l.c.", true), ["hsbc", "holdings"]);
        assert_eq!(parse("OAO Gazprom", true).forms, ["jsc"]);
        assert_eq!(words("Open Joint Stock Company Gasprom", true), ["gasprom"]);
        assert_eq!(words("AT&T Inc.", true), ["at", "t"]);
        assert_eq!(words("AT&T", false), ["at", "and", "t"]);
        assert_eq!(parse("AT&T Inc.", true).letters(), "atandtinc");
        assert_eq!(words("Brigade Forty-Four", true), ["brigade", "44"]);
        assert_eq!(words("The First Fund of Kazan", true), ["1", "fund", "kazan"]);
        assert_eq!(words("Limited", true), ["limited"]);
        let salman = parse("Salman bin al-Muhammad al-Rawi", false);
        assert_eq!((salman.father(), salman.joined().as_str()), (Some("muhammad"), "salmanmuhammadrawi"));
        assert_eq!(words("Al", false), ["al"]);
    }

    #[test]
    fn initials_join_the_words_they_stand_for() {
        let (pla, mut army) = (parse("PLA", true), parse("People's Liberation Army", true));
        join_initials(&pla, &mut army);
        assert_eq!(army.words().collect::<Vec<_>>(), ["pla"]);
        let (jc, mut jean) = (parse("JC Juncker", false), parse("Jean-Claude Juncker", false));
        join_initials(&jc, &mut jean);
        assert_eq!(jean.words().collect::<Vec<_>>(), ["jc", "juncker"]);
        assert_eq!(jean.letters(), "jeanclaudejuncker");
    }
}
