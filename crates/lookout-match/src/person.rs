//! Personal names: Chinese characters, or pinyin in either order, joined or separated, any case.

use crate::explain::Explanation;
use crate::script::{letters, spells_name};
use crate::symbols::COMPOUND_SURNAMES;
use lookout_text::{fold, is_han};

/// A personal name taken apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PersonName {
    /// Chinese characters: surname and given name.
    Chinese {
        /// Surname.
        surname: String,
        /// Given name.
        given: String,
    },
    /// Latin letters: the words, lower case, and which one was written in capitals (a surname marker).
    Latin {
        /// Words, lower case.
        words: Vec<String>,
        /// Index of a word written all in capitals, if exactly one was.
        capitalised: Option<usize>,
    },
}

/// Reads a personal name.
pub fn parse(name: &str) -> PersonName {
    let folded = fold(name);
    let han: String = folded.chars().filter(|c| is_han(*c)).collect();
    if !han.is_empty() {
        let compound = COMPOUND_SURNAMES.iter().find(|s| han.starts_with(*s) && han.chars().count() > 2);
        let split = compound.map_or_else(|| han.chars().next().map_or(0, char::len_utf8), |s| s.len());
        return PersonName::Chinese { surname: han[..split].to_string(), given: han[split..].to_string() };
    }
    // Tone marks and ü (Lǚ Liáng, Lü) fold to plain letters; the readings try u and v for ü.
    let folded = crate::latin::strip_marks(&folded);
    let raw: Vec<&str> = folded.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).collect();
    let caps: Vec<usize> = raw
        .iter()
        .enumerate()
        .filter(|(_, w)| w.chars().filter(|c| c.is_alphabetic()).count() > 1 && w.chars().all(|c| !c.is_lowercase()))
        .map(|(i, _)| i)
        .collect();
    PersonName::Latin {
        words: raw.iter().map(|w| letters(w)).collect(),
        capitalised: (caps.len() == 1).then(|| caps[0]),
    }
}

/// Whether two personal names are the same; the reason goes to `why`.
pub(crate) fn compare(a: &PersonName, b: &PersonName, why: &mut Explanation) -> bool {
    let (same, detail) = compare_explained(a, b, why.wanted());
    why.add("personal name", same, || detail);
    same
}

/// Whether two personal names are the same, with the reason when `explain`.
fn compare_explained(a: &PersonName, b: &PersonName, explain: bool) -> (bool, String) {
    match (a, b) {
        (PersonName::Chinese { surname: s1, given: g1 }, PersonName::Chinese { surname: s2, given: g2 }) => {
            let same = s1 == s2 && g1 == g2;
            let detail = || if same { "same characters".into() } else { format!("{s1}{g1} ≠ {s2}{g2}") };
            (same, if explain { detail() } else { String::new() })
        }
        (PersonName::Chinese { surname, given }, PersonName::Latin { words, capitalised })
        | (PersonName::Latin { words, capitalised }, PersonName::Chinese { surname, given }) => {
            compare_across(surname, given, words, *capitalised, explain)
        }
        (PersonName::Latin { words: w1, .. }, PersonName::Latin { words: w2, .. }) => {
            let mut a: Vec<&String> = w1.iter().collect();
            let mut b: Vec<&String> = w2.iter().collect();
            a.sort();
            b.sort();
            let joined = |w: &[String]| w.concat();
            let same = a == b || joined(w1) == joined(w2) || {
                let mut r = w2.clone();
                r.rotate_left(1);
                joined(w1) == joined(&r)
            };
            let detail = if same { "same words in some order" } else { "different words" };
            (same, if explain { detail.into() } else { String::new() })
        }
    }
}

/// A Chinese name against Latin words: some reading of the surname, then of the given name.
fn compare_across(
    surname: &str,
    given: &str,
    words: &[String],
    capitalised: Option<usize>,
    explain: bool,
) -> (bool, String) {
    let said = |detail: &dyn Fn() -> String| if explain { detail() } else { String::new() };
    for (sur, rest) in orders(words, capitalised) {
        if spells_name(surname, &sur) {
            return if spells_name(given, &rest) {
                (true, said(&|| format!("{surname} = {sur}, {given} = {rest}")))
            } else {
                (false, said(&|| format!("surname {surname} = {sur}, but given name {given} ≠ {rest}")))
            };
        }
    }
    (false, said(&|| format!("surname {surname} is not written in {}", words.join(" "))))
}

/// (surname, given name) readings of Latin words: the capitalised word as surname if there is one,
/// else surname first and surname last.
fn orders(words: &[String], capitalised: Option<usize>) -> Vec<(String, String)> {
    if words.is_empty() {
        return Vec::new();
    }
    if let Some(i) = capitalised {
        let rest: String = words.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, w)| w.as_str()).collect();
        return vec![(words[i].clone(), rest)];
    }
    let mut out = vec![(words[0].clone(), words[1..].concat())];
    if words.len() > 1 {
        out.push((words[words.len() - 1].clone(), words[..words.len() - 1].concat()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &str, b: &str) -> bool {
        compare(&parse(a), &parse(b), &mut Explanation::new(false))
    }

    #[test]
    fn orders_cases_and_spacing() {
        assert!(same("宋林金", "Song Linjin"));
        assert!(same("唐明明", "TANG Mingming"));
        assert!(same("徐伟强", "Weiqiang Xu"));
        assert!(same("徐伟强", "Xu Wei-qiang"));
        assert!(same("欧阳修文", "Ouyang Xiuwen"));
        assert!(!same("宋林金", "Song Linwen"));
        assert!(!same("宋林金", "Lin Linjin"));
        assert!(same("張偉", "张伟"));
        assert!(same("吕良", "Lǚ Liáng") && same("吕良", "Lü Liang") && same("张伟", "ZHANG Wei"));
    }
}
