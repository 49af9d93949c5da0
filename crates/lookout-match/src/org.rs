//! Reading organisation names, Chinese or English, into their parts.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::script::letters;
use crate::symbols::{OrgKind, EN_KINDS, LEVELS, PROVINCES, ZH_KINDS};
use lookout_text::{fold, is_han};

/// An organisation name taken apart.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OrgName {
    /// Whether it was written in Chinese.
    pub chinese: bool,
    /// Its kind, if named.
    pub kind: Option<OrgKind>,
    /// The host country (ISO code), for associations abroad.
    pub country: Option<String>,
    /// The Chinese province (GeoNames admin1 code), if named.
    pub province: Option<&'static str>,
    /// The place: simplified Han characters, or lower-case letters.
    pub place: String,
}

/// Country names: English (lower case) → code, and Chinese names with their codes by first
/// character, longest first.
type CountryNames = (FxHashMap<String, String>, FxHashMap<char, Vec<(String, String)>>);

/// English country names as words, by their first word: (words, code).
type CountryWords = FxHashMap<String, Vec<(Vec<String>, String)>>;

fn countries() -> &'static CountryNames {
    static TABLE: OnceLock<CountryNames> = OnceLock::new();
    TABLE.get_or_init(|| {
        let names = lookout_geo::CountryNames::shared();
        let english = names.english().map(|(name, code)| (name.to_string(), code.to_string())).collect();
        let mut chinese: Vec<(String, String)> =
            names.chinese().map(|(name, code)| (fold(name), code.to_string())).collect();
        chinese.sort_by(|a, b| b.0.chars().count().cmp(&a.0.chars().count()).then_with(|| a.cmp(b)));
        let mut by_first: FxHashMap<char, Vec<(String, String)>> = FxHashMap::default();
        for (name, code) in chinese {
            if let Some(first) = name.chars().next() {
                by_first.entry(first).or_default().push((name, code));
            }
        }
        (english, by_first)
    })
}

/// The English country names of [`countries`] by first word, for finding them among a name's words.
fn country_words() -> &'static CountryWords {
    static TABLE: OnceLock<CountryWords> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = CountryWords::default();
        for (name, code) in &countries().0 {
            let words: Vec<String> = name.split(' ').map(str::to_string).collect();
            table.entry(words[0].clone()).or_default().push((words, code.clone()));
        }
        table
    })
}

/// The kinds of [`EN_KINDS`] as word sequences, in the same order.
fn kind_phrases() -> &'static [(Vec<&'static str>, OrgKind)] {
    static TABLE: OnceLock<Vec<(Vec<&'static str>, OrgKind)>> = OnceLock::new();
    TABLE.get_or_init(|| EN_KINDS.iter().map(|(phrase, kind)| (phrase.split(' ').collect(), *kind)).collect())
}

/// The longest country named by up to five consecutive words (the earliest of equal length):
/// (first word, end, code).
fn find_country(words: &[&str]) -> Option<(usize, usize, &'static str)> {
    let table = country_words();
    let mut best: Option<(usize, usize, &'static str)> = None;
    for start in 0..words.len() {
        let Some(names) = table.get(words[start]) else { continue };
        let longest = names
            .iter()
            .filter(|(name, _)| {
                name.len() <= 5
                    && start + name.len() <= words.len()
                    && name.iter().zip(&words[start..]).all(|(a, b)| a == b)
            })
            .max_by_key(|(name, _)| name.len());
        if let Some((name, code)) = longest {
            if best.is_none_or(|b| name.len() > b.1 - b.0) {
                best = Some((start, start + name.len(), code));
            }
        }
    }
    best
}

/// Reads a Chinese organisation name (`西班牙鎮江同乡会`, `河南省周口市公安局`).
pub fn parse_chinese(name: &str) -> OrgName {
    let mut rest: String = fold(name).chars().filter(|c| !c.is_whitespace()).collect();
    let mut out = OrgName { chinese: true, ..Default::default() };
    if let Some((suffix, kind)) = ZH_KINDS.iter().find(|(s, _)| rest.ends_with(s)) {
        out.kind = Some(*kind);
        rest.truncate(rest.len() - suffix.len());
    }
    if let Some((zh, code)) = rest
        .chars()
        .next()
        .and_then(|first| countries().1.get(&first))
        .into_iter()
        .flatten()
        .find(|(zh, _)| rest.starts_with(zh.as_str()) && rest.len() > zh.len())
    {
        out.country = Some(code.clone());
        rest = rest[zh.len()..].to_string();
    }
    // A province before the place (河南省周口市); a province-level city (重庆市) is the place itself.
    if let Some((zh, _, code)) = PROVINCES
        .iter()
        .find(|(zh, _, _)| rest.starts_with(zh) && rest[zh.len()..].trim_start_matches("省").chars().count() >= 2)
    {
        out.province = Some(code);
        rest = rest[zh.len()..].trim_start_matches("省").to_string();
    }
    // 周口市 → 周口, but 沙市 stays: a place keeps at least two characters.
    if let Some(stripped) = LEVELS.iter().find_map(|(s, _)| rest.strip_suffix(s)) {
        if stripped.chars().count() >= 2 {
            rest = stripped.to_string();
        }
    }
    out.place = rest;
    out
}

/// Reads an English organisation name (`Zhoukou (Henan) Public Security Bureau`,
/// `Nanping Chamber of Commerce in Czech Republic`).
pub fn parse_english(name: &str) -> OrgName {
    let folded = fold(name);
    let folded: String = if folded.is_ascii() {
        folded.bytes().filter(|b| *b != b'\'').map(|b| char::from(b.to_ascii_lowercase())).collect()
    } else {
        folded.chars().filter(|c| !matches!(c, '\'' | '’')).flat_map(char::to_lowercase).collect()
    };
    let mut out = OrgName::default();
    // Parenthesised parts: a province or a country.
    let mut text = String::new();
    let mut extra = Vec::new();
    let mut depth = 0;
    let mut current = String::new();
    for c in folded.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => {
                depth -= 1;
                extra.push(std::mem::take(&mut current));
            }
            _ if depth > 0 => current.push(c),
            _ => text.push(c),
        }
    }
    let mut words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let take_phrase = |words: &mut Vec<&str>, phrase: &[&str]| -> bool {
        let found = (0..words.len()).find(|&i| {
            words.len() >= i + phrase.len() && words[i..i + phrase.len()].iter().zip(phrase).all(|(a, b)| a == b)
        });
        if let Some(at) = found {
            words.drain(at..at + phrase.len());
        }
        found.is_some()
    };
    if let Some((_, kind)) = kind_phrases().iter().find(|(phrase, _)| take_phrase(&mut words, phrase)) {
        out.kind = Some(*kind);
    }
    let (english, _) = countries();
    // The longest country name present, with the "of"/"in" before it.
    let best = find_country(&words);
    // A demonym names the host country ("Italian Wenzhou Association"), unless it is all there is.
    if best.is_none() && words.len() > 1 {
        if let Some((i, code)) =
            words.iter().enumerate().find_map(|(i, w)| Some((i, lookout_geo::country_of_demonym(w)?)))
        {
            out.country = Some(code.to_string());
            words.remove(i);
        }
    }
    for e in &extra {
        let e = e.trim();
        if let Some(code) = english.get(e) {
            out.country = Some(code.clone());
        } else if let Some((_, _, code)) =
            PROVINCES.iter().find(|(_, en, _)| e == *en || e.strip_suffix(" province") == Some(*en))
        {
            out.province = Some(code);
        }
    }
    if let Some((start, end, code)) = best {
        // A place that shares its name with a country is the place when nothing else is left.
        if words.len() > end - start {
            out.country = Some(code.to_string());
            words.drain(start..end);
            if start > 0 && matches!(words[start - 1], "of" | "in") {
                words.remove(start - 1);
            }
        }
    }
    let filler = ["the", "of", "in", "overseas", "chinese"];
    let is_filler = |w: &str| filler.contains(&w) || LEVELS.iter().any(|(_, en)| en.contains(&w));
    if out.province.is_none() {
        if let Some(i) = words.iter().position(|w| PROVINCES.iter().any(|(_, en, _)| en == w)) {
            let next_is_level = words.get(i + 1).is_some_and(|w| *w == "province" || *w == "provincial");
            let others = words.iter().enumerate().any(|(j, w)| j != i && !is_filler(w));
            if others {
                out.province = PROVINCES.iter().find(|(_, en, _)| *en == words[i]).map(|(_, _, c)| *c);
                words.remove(i);
                if next_is_level {
                    words.remove(i);
                }
            }
        }
    }
    words.retain(|w| !is_filler(w));
    out.place = letters(&words.concat());
    out
}

/// Reads a name in whichever script it is written.
pub fn parse(name: &str) -> OrgName {
    if name.chars().any(is_han) {
        parse_chinese(name)
    } else {
        parse_english(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_names_come_apart() {
        let n = parse("河南省周口市公安局");
        assert_eq!((n.kind, n.province, n.place.as_str()), (Some(OrgKind::PublicSecurityBureau), Some("09"), "周口"));
        let n = parse("西班牙鎮江同乡会");
        assert_eq!((n.country.as_deref(), n.place.as_str()), (Some("ES"), "镇江"));
        assert_eq!(parse("真州公安局").place, "真州");
        assert_eq!(parse("青田县公安局").place, "青田");
    }

    #[test]
    fn english_names_come_apart() {
        let n = parse("Zhoukou (Henan) Public Security Bureau");
        assert_eq!(
            (n.kind, n.province, n.place.as_str()),
            (Some(OrgKind::PublicSecurityBureau), Some("09"), "zhoukou")
        );
        let n = parse("Nanping Chamber of Commerce in Czech Republic");
        assert_eq!(
            (n.kind, n.country.as_deref(), n.place.as_str()),
            (Some(OrgKind::ChamberOfCommerce), Some("CZ"), "nanping")
        );
        assert_eq!(parse("Zhoukou Municipal Public Security Bureau").place, "zhoukou");
        assert_eq!(parse("Fujian Province Fuzhou PSB").province, Some("07"));
    }
}
