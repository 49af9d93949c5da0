//! Telling a city's stations apart: of several stations in one city (two in New York, two in
//! London), those whose qualifiers the document names ("New York (Manhattan, Chinatown)" in a
//! text that says Manhattan, or 曼哈頓), read once over the document's whole text.

use super::KnownStation;

/// A document's whole text, and the same in simplified characters once asked for.
pub(super) struct Whole<'t> {
    pub(super) text: &'t str,
    simplified: std::cell::OnceCell<String>,
}

impl<'t> Whole<'t> {
    pub(super) fn of(text: &'t str) -> Whole<'t> {
        Whole { text, simplified: std::cell::OnceCell::new() }
    }

    /// Whether the text names qualifier `w` ("Manhattan"), in English or, in a Chinese text, as
    /// Chinese writes it (曼哈頓).
    pub(super) fn names(&self, w: &str) -> bool {
        if self.text.contains(w) {
            return true;
        }
        if self.text.is_ascii() {
            return false;
        }
        let zh = self.simplified();
        QUALIFIERS_IN_CHINESE.iter().any(|(en, names)| *en == w && names.iter().any(|n| zh.contains(n)))
    }

    /// The text in simplified characters (folded once, when first asked for).
    pub(super) fn simplified(&self) -> &str {
        self.simplified.get_or_init(|| lookout_text::fold(self.text))
    }
}

/// The words that tell a city's stations apart, as Chinese texts write them (simplified).
const QUALIFIERS_IN_CHINESE: &[(&str, &[&str])] = &[
    ("Manhattan", &["曼哈顿"]),
    ("Chinatown", &["华埠", "唐人街", "中国城"]),
    ("Croydon", &["克罗伊登", "克罗伊顿"]),
    ("Hendon", &["亨登", "亨顿"]),
    ("Markham", &["万锦"]),
    ("Songpa-gu", &["松坡"]),
    ("Epsom", &["艾普森", "爱普森"]),
    ("Madeira", &["马德拉", "马德伊拉"]),
];

/// Of several stations (two in New York, two in London), those whose qualifiers the document
/// names ("New York (Manhattan, Chinatown)" in a text that says Manhattan), or all when it names
/// none.
pub(super) fn best_matching<'k>(whole: &Whole<'_>, stations: Vec<&'k KnownStation>) -> Vec<&'k KnownStation> {
    if stations.len() < 2 {
        return stations;
    }
    let named = |w: &str| whole.names(w);
    let score = |s: &KnownStation| -> usize {
        let Some(open) = s.city.find('(') else { return 0 };
        s.city[open + 1..]
            .split(|c: char| c == ',' || c == ')' || c == ';' || c.is_whitespace())
            .filter(|w| w.chars().count() >= 4 && w.starts_with(char::is_uppercase))
            .filter(|w| named(w))
            .count()
    };
    // Stations are told apart within their city ("London (Croydon)" from "London (Hendon)"),
    // not across cities.
    let city = |s: &KnownStation| s.city.split('(').next().unwrap_or("").trim().to_string();
    let best_in = |c: &str| stations.iter().filter(|s| city(s) == c).map(|s| score(s)).max().unwrap_or(0);
    let best: Vec<usize> = stations.iter().map(|s| best_in(&city(s))).collect();
    stations.iter().zip(best).filter(|(s, best)| score(s) == *best).map(|(s, _)| *s).collect()
}
