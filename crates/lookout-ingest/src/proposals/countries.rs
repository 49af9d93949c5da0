//! The countries a sentence speaks of beyond the places it names: a demonym ("the Canadian
//! Federal Police are also investigating", "South Korean police raid…") speaks of its country,
//! and a place that says where a body is based ("Spain-based Safeguard Defenders") of none; a
//! text that names one country far more than others speaks of it where a sentence names none.

use crate::{Mention, What};

/// Whether place mention `m` of `text` says where a body is based, not where stations are
/// ("Spain-based Safeguard Defenders", 总部设在西班牙的…).
pub(super) fn is_seat(text: &str, m: &Mention) -> bool {
    let after = &text[m.bytes.end..];
    let before = &text[..m.bytes.start];
    // "总部设在西班牙马德里": the seat's words within the seven characters before, none of
    // them a sign.
    let lead: String = before.chars().rev().take(7).take_while(|c| lookout_text::is_han(*c)).collect();
    // A country before a newspaper's title is where the newspaper is from (英国《每日电讯报》),
    // and a place before a rights group is where the group is (马德里人权组织).
    after.starts_with("-based")
        || after.starts_with(" based")
        || lead.contains("部总")
        || lead.contains("部總")
        || after.starts_with('《')
        || ["人权组织", "人權組織", "的人权组织", "的人權組織"].iter().any(|w| after.starts_with(w))
}

/// The demonyms' countries of a sentence, read when first asked for (most sentences name a
/// place, and their demonyms are never asked for).
pub(super) struct Demonyms<'w> {
    words: &'w str,
    countries: std::cell::OnceCell<Vec<&'static str>>,
}

impl<'w> Demonyms<'w> {
    /// Those of `words` (a sentence).
    pub(super) fn of(words: &'w str) -> Demonyms<'w> {
        Demonyms { words, countries: std::cell::OnceCell::new() }
    }

    /// The countries, in order, once each.
    pub(super) fn get(&self) -> &[&'static str] {
        self.countries.get_or_init(|| of_demonyms(self.words))
    }
}

/// Words for a group or a newsroom, which a demonym before them says where it is from.
const GROUPS: &[&str] = &[
    "organization",
    "organisation",
    "group",
    "ngo",
    "firm",
    "company",
    "newspaper",
    "broadcaster",
    "agency",
    "outlet",
    "daily",
    "magazine",
    "website",
    "researchers",
    "think",
];

/// The countries of the demonyms of `words` (a sentence), in order, once each: "Dutch",
/// "South Korean".
pub(super) fn of_demonyms(words: &str) -> Vec<&'static str> {
    let tokens: Vec<&str> = words.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| !w.is_empty()).collect();
    let mut out = Vec::new();
    let mut key = String::new();
    let mut i = 0;
    while i < tokens.len() {
        // A demonym is written with a capital.
        if !tokens[i].starts_with(|c: char| c.is_ascii_uppercase()) {
            i += 1;
            continue;
        }
        let two = tokens.get(i + 1).and_then(|next| {
            key.clear();
            key.extend([tokens[i], " ", next]);
            key.make_ascii_lowercase();
            lookout_geo::country_of_demonym(&key)
        });
        let (code, len) = match two {
            Some(code) => (Some(code), 2),
            None => (lookout_geo::country_of_demonym(tokens[i]), 1),
        };
        // "the Spanish human rights organization", "a Dutch newspaper": where a group or a
        // newsroom is from, no more a station's place than where it is based.
        let of_a_group = code.is_some()
            && tokens[i + len..].iter().take(4).any(|w| GROUPS.iter().any(|g| g.eq_ignore_ascii_case(w)));
        if let Some(code) = code.filter(|c| !out.contains(c) && !of_a_group) {
            out.push(code);
        }
        i += len;
    }
    out
}

/// The countries whose Chinese names open the names of the bodies among `here` (mentions of
/// `text`), in order, once each: 新西兰政府, 韩国外交部, 加拿大警方 (and 英政府, 加警方) name their country as
/// "the Dutch foreign ministry" does.
pub(super) fn of_chinese_bodies(text: &str, here: &[Mention]) -> Vec<&'static str> {
    let names = lookout_geo::CountryNames::shared();
    let mut out = Vec::new();
    for m in here.iter().filter(|m| m.kind() == crate::Kind::Organisation) {
        let name = m.text_in(text);
        let ends: Vec<usize> = name.char_indices().map(|(i, c)| i + c.len_utf8()).take(6).collect();
        // The longest country name the body's name opens with, of two characters or more; else
        // a country's one-character abbreviation before a word for its state (英政府, 加警方).
        let code =
            ends.iter().skip(1).rev().find_map(|&end| names.by_chinese(&name[..end])).or_else(|| abbreviated(name));
        if let Some(code) = code.filter(|c| !out.contains(c)) {
            out.push(code);
        }
    }
    out
}

/// The country (other than China) a text names alone, or at least twice as often as any other.
pub(super) fn main_country(text: &str, mentions: &[Mention]) -> Option<&'static str> {
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    // Where a body is based is not a country the text is about.
    for m in mentions.iter().filter(|m| !is_seat(text, m)) {
        if let What::Place { city: None, country: Some(c) } = m.what {
            if !may_host(c) {
                continue;
            }
            match counts.iter_mut().find(|(k, _)| *k == c) {
                Some((_, n)) => *n += 1,
                None => counts.push((c, 1)),
            }
        }
    }
    counts.sort_unstable_by_key(|&(_, n)| std::cmp::Reverse(n));
    match counts.as_slice() {
        [(only, _)] => Some(only),
        [(first, n), (_, m), ..] if *n >= 2 * m => Some(first),
        _ => None,
    }
}

/// Whether stations may be in country `c`: not China, whose bureaus run them, nor Taiwan.
pub(super) fn may_host(c: &str) -> bool {
    c != "CN" && c != "TW"
}

/// Words for a state's organs that follow a one-character country: 英政府, 加警方, 美司法部.
const STATE_WORDS: &[&str] = &[
    "政府",
    "警方",
    "警察",
    "外交部",
    "外长",
    "外長",
    "司法部",
    "国会",
    "國會",
    "议会",
    "議會",
    "当局",
    "當局",
    "官方",
    "内政部",
    "內政部",
    "检方",
    "檢方",
    "联邦",
    "聯邦",
    "国安",
    "國安",
];

/// The country of a body's name that opens with a one-character country before a word for a
/// state's organ (英政府稱…), if it does.
fn abbreviated(name: &str) -> Option<&'static str> {
    let first = name.chars().next()?;
    let rest = &name[first.len_utf8()..];
    let code = crate::mentions::zh_abbreviations::country_of(first).flatten()?;
    STATE_WORDS.iter().any(|w| rest.starts_with(w)).then_some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demonyms_speak_of_their_countries() {
        assert_eq!(of_demonyms("The Canadian Federal Police are also investigating."), ["CA"]);
        assert_eq!(of_demonyms("South Korean police raid a Dutch restaurant"), ["KR", "NL"]);
        assert!(of_demonyms("The police raided the station.").is_empty());
        // A demonym is written with a capital; a two-word one is read whole.
        assert!(of_demonyms("a dutch oven").is_empty());
        assert_eq!(of_demonyms("SOUTH KOREAN police and South African ones"), ["KR", "ZA"]);
        assert!(of_demonyms("the Spanish human rights organization and a Dutch newspaper").is_empty());
    }

    #[test]
    fn a_one_character_country_opens_only_a_state_s_organ() {
        assert_eq!(abbreviated("英政府"), Some("GB"));
        assert_eq!(abbreviated("加警方"), Some("CA"));
        assert_eq!(abbreviated("英雄联盟"), None);
        assert_eq!(abbreviated("法治中心"), None);
        assert_eq!(abbreviated("日报社"), None);
    }

    #[test]
    fn where_a_body_is_based_is_no_station_s_place() {
        let text = "the Spain-based Safeguard Defenders; 总部设在西班牙马德里的组织; 马德里人权组织; stations in Spain; 在马德里,警方";
        let at = |w: &str, nth: usize| {
            let start = text.match_indices(w).nth(nth).map(|(i, _)| i).unwrap();
            Mention {
                what: What::Place { city: None, country: Some("ES") },
                start: 0,
                end: 0,
                bytes: start..start + w.len(),
            }
        };
        assert!(is_seat(text, &at("Spain", 0)));
        assert!(is_seat(text, &at("西班牙", 0)));
        assert!(!is_seat(text, &at("Spain", 1)));
        assert!(is_seat(text, &at("马德里", 0)) && is_seat(text, &at("马德里", 1)));
        assert!(!is_seat(text, &at("马德里", 2)));
        let paper = "据英国《每日电讯报》披露,英国有三个";
        let british = |nth: usize| {
            let start = paper.match_indices("英国").nth(nth).map(|(i, _)| i).unwrap();
            Mention { what: What::Place { city: None, country: Some("GB") }, start: 0, end: 0, bytes: start..start + 6 }
        };
        assert!(is_seat(paper, &british(0)));
        assert!(!is_seat(paper, &british(1)));
    }
}
