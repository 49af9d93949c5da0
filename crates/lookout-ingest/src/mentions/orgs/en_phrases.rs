//! The runs of capitalised words an English text may name bodies in, and what may join two
//! words of one name: spaces within wrapped prose, the dot of an initial, a possessive, a dash,
//! a word in parentheses.

use super::lexicon::EN_JOINERS;
use crate::mentions::segment::{capitalised, Word};

/// Verbs of headlines written in title case ("Ireland Orders Closure of …", "China Denies …").
pub(super) const HEADLINE_VERBS: &[&str] = &[
    "Orders",
    "Ordered",
    "Says",
    "Said",
    "Urges",
    "Denies",
    "Denied",
    "Rejects",
    "Closes",
    "Closed",
    "Shuts",
    "Calls",
    "Warns",
    "Slams",
    "Accuses",
    "Confirms",
    "Launches",
    "Probes",
    "Bans",
    "Expels",
    "Arrests",
    "Arrested",
    "Charges",
    "Charged",
    "Opens",
    "Investigates",
    "Raids",
    "Raided",
    "Announced",
    "Announces",
    "Sues",
    "Sued",
    "Pleads",
    "Convicted",
    "Sentenced",
    "Jailed",
    "Summons",
    "Summoned",
    "Demands",
    "Reveals",
    "Admits",
];

/// An acronym: two to six capitals and digits, at least two capitals ("FBI", "MI5", "BfV" too).
pub(super) fn acronym(w: &str) -> bool {
    let capitals = w.chars().filter(|c| c.is_ascii_uppercase()).count();
    (2..=6).contains(&w.len()) && capitals >= 2 && capitalised(w) && w.chars().all(|c| c.is_ascii_alphanumeric())
}

/// Whether words `i` and `i + 1` may stand in one name: spaces and at most one line break
/// between them, or the dot or ampersand after a capital ("U.S.", "S&D").
pub(super) fn joined(text: &str, words: &[Word<'_>], i: usize) -> bool {
    let gap = &text[words[i].end..words[i + 1].start];
    let spaces = !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\n') && gap.matches('\n').count() <= 1;
    // A name runs on over a line break only in wrapped prose: the line it leaves holds a word in
    // lower case (an address block's "Secretary of State" line does not).
    let spaces = spaces && (!gap.contains('\n') || prose_line_before(text, words[i].end));
    let letter = words[i].text.len() == 1 && words[i].text.as_bytes()[0].is_ascii_uppercase();
    spaces || (letter && matches!(gap, "." | ". " | "&")) || joined_by_mark(text, words, i, gap)
}

/// Marks inside a name: a possessive before "Office" ("Attorney General’s Office") and in
/// "People’s Republic", a plural's possessive ("Magistrates’ Court"), an en dash ("Canada–People’s Republic of China Relationship"), a word in
/// parentheses ("Public Security (Police) Bureau of Fuzhou").
fn joined_by_mark(text: &str, words: &[Word<'_>], i: usize, gap: &str) -> bool {
    let next = words[i + 1].text;
    match gap {
        "'s " | "’s " => next == "Office" || words[i].text == "People",
        // A plural's possessive: "Westminster Magistrates’ Court", "Veterans' Affairs".
        "' " | "’ " => words[i].text.ends_with('s') && capitalised(next),
        "–" => capitalised(next),
        " (" => text[words[i + 1].end..].starts_with(") ") && words.get(i + 2).is_some_and(|w| capitalised(w.text)),
        // The word in parentheses follows a word of the name: "(NGO) Safeguard" opens none.
        ") " => {
            text[..words[i].start].ends_with(" (")
                && i > 0
                && capitalised(words[i - 1].text)
                && text[words[i - 1].end..words[i].start] == *" ("
                && capitalised(next)
        }
        _ => false,
    }
}

/// Whether the line ending at byte `end` holds a word in lower case other than a joiner.
fn prose_line_before(text: &str, end: usize) -> bool {
    let line = &text[text[..end].rfind('\n').map_or(0, |n| n + 1)..end];
    line.split_whitespace()
        .any(|w| w.starts_with(|c: char| c.is_lowercase()) && (w == "the" || !EN_JOINERS.contains(&w)))
}

/// Words at which a run of capitalised words is cut: the longest name of a body is some 15
/// words, and a phrase is read for bodies joined by "and" one level deeper per "and", so a run
/// of thousands ("… Security and Federal Bureau of Investigation and …" over and over) must not
/// be one phrase.
const MAX_PHRASE_WORDS: usize = 64;

/// The runs of capitalised words of `words`, joiners inside ("Ministry of Public Security"), as
/// word ranges, of at most [`MAX_PHRASE_WORDS`].
pub(super) fn phrases(text: &str, words: &[Word<'_>]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !capitalised(words[i].text) {
            i += 1;
            continue;
        }
        let from = i;
        let mut to = i + 1;
        loop {
            let mut k = to;
            // At most two joiners ("of the") between capitalised words.
            while k < words.len() && k - to < 2 && EN_JOINERS.contains(&words[k].text) && joined(text, words, k - 1) {
                k += 1;
            }
            if k < words.len()
                && k - from < MAX_PHRASE_WORDS
                && capitalised(words[k].text)
                && joined(text, words, k - 1)
            {
                to = k + 1;
            } else {
                break;
            }
        }
        out.push((from, to));
        i = to;
    }
    out
}
