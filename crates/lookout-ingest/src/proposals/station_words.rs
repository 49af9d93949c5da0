//! The words that tell a station: those that make a sentence one about stations, and those by
//! which a whole text names China's police stations (not the host's: "their local police
//! station", "Swedish secret police"; not a consulate's 领事保护服务站).

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;

/// Words that make a sentence one about stations (beyond the words that make it about one
/// station: `STATION_WORDS`).
pub(super) const STATION_HINTS: &[&str] = &[
    "station",
    "police base",
    "outpost",
    "office",
    "premises",
    "site",
    "restaurant",
    "centre",
    "center",
    "agencies",
    "服务站",
    "警察站",
    "警察局",
    "警察署",
    "警务站",
    "站点",
    "据点",
    "服务点",
    "联络点",
    "联络站",
    "机构",
];

/// Words that name police stations outright, with [`STATION_WORDS`](super::STATION_WORDS).
const POLICE_STATION_WORDS: &[&str] = &[
    "警察站",
    "警察署",
    "秘密警察",
    "地下警",
    "海外警",
    // Not 警务 alone: 警务合作 and 警务联合巡逻 are police cooperation and joint patrols.
    "警务服务",
    "警务活动",
    "联络站",
    "服务点",
    "police base",
    "police post",
    "outpost",
    "overseas service",
    "secret police",
    "contact point",
];

/// Whether `lower` (a whole document in lower case, Chinese simplified) names police stations
/// outright: a text on another case (Operation Fox Hunt, a spy charged in London) reports no
/// station's arrests. A word is whole where it ends ("police office" is not "police officer";
/// "police stations" is "police station").
pub(super) fn names_police_stations(lower: &str) -> bool {
    automata().police_stations.find_iter(lower).any(|m| whole_word(lower, m.range()) && of_china(lower, m.range()))
        // "a New Zealand-based station run by the Nantong security bureau", not "the train
        // station" of a text that speaks of the police elsewhere.
        || lower.match_indices("station").any(|(at, w)| {
            let near = &lower[lower.floor_char_boundary(at.saturating_sub(60))..lower.ceil_char_boundary(at + 60)];
            whole_word(lower, at..at + w.len())
                && (near.contains("police") || near.contains("security bureau"))
                && of_china(lower, at..at + w.len())
        })
}

/// Whether the station word at `range` of `lower` (a whole text) is one of China's police: a
/// Chinese word unless a consulate's (领事保护服务站); an English one unless the host's: "their
/// local police station", "Rio's Tourist Police Station", "Swedish secret police".
fn of_china(lower: &str, range: std::ops::Range<usize>) -> bool {
    if !lower[range.clone()].starts_with(|c: char| c.is_ascii_alphabetic()) {
        // A consulate's 领事保护服务站 ("consular protection service station") is no police's.
        let before = &lower[lower.floor_char_boundary(range.start.saturating_sub(12))..range.start];
        return !before.ends_with("领事保护") && !before.ends_with("领保");
    }
    let before = &lower[lower.floor_char_boundary(range.start.saturating_sub(16))..range.start];
    let before = before.strip_suffix("police ").unwrap_or(before);
    if ["local ", "tourist ", "nearest ", "nearby "].iter().any(|w| before.ends_with(w)) {
        return false;
    }
    // "Swedish secret police": another country's.
    let word_before = before.split_whitespace().next_back().unwrap_or("");
    lookout_geo::country_of_demonym(word_before).is_none_or(|c| c == "CN")
}

/// Whether `lower` holds a word about stations (`STATION_WORDS` or [`STATION_HINTS`]), whole:
/// an officer is no office, a website no site.
pub(super) fn about_stations(lower: &str) -> bool {
    automata().stations.find_overlapping_iter(lower).any(|m| whole_word(lower, m.range()))
}

/// Whether the words at `range` of `lower` stand whole: an English word has no letter just
/// before it and none after but a plural's s; a Chinese word stands whole wherever it is
/// (RTL服务站).
fn whole_word(lower: &str, range: std::ops::Range<usize>) -> bool {
    let letter = |c: char| c.is_ascii_alphabetic();
    let word = &lower[range.clone()];
    let rest = &lower[range.end..];
    let rest = rest.strip_prefix('s').unwrap_or(rest);
    let joined_before = word.starts_with(letter) && lower[..range.start].ends_with(letter);
    let joined_after = word.ends_with(letter) && rest.starts_with(letter);
    !(joined_before || joined_after)
}

/// The station words as automata, built on first use.
struct Automata {
    /// [`STATION_WORDS`](super::STATION_WORDS) and [`STATION_HINTS`].
    stations: AhoCorasick,
    /// [`STATION_WORDS`](super::STATION_WORDS) and [`POLICE_STATION_WORDS`].
    police_stations: AhoCorasick,
}

fn automata() -> &'static Automata {
    static AUTOMATA: OnceLock<Automata> = OnceLock::new();
    AUTOMATA.get_or_init(|| {
        // Read for overlapping matches: "police station" and "station" both stand in "police
        // stations", and a word that is not whole (an officer) must not hide one that is.
        let stations = AhoCorasick::new(super::STATION_WORDS.iter().chain(STATION_HINTS))
            .expect("the station words make an automaton");
        let police_stations = AhoCorasick::new(super::STATION_WORDS.iter().chain(POLICE_STATION_WORDS))
            .expect("the police stations' words make an automaton");
        Automata { stations, police_stations }
    })
}
