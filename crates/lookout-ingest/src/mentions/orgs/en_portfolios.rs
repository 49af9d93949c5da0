//! A ministry named inside a minister's title: "Minister of the Interior" names the Interior
//! ministry, "Public Safety Minister" Public Safety, "Minister Wopke Hoekstra of Foreign
//! Affairs" Foreign Affairs. A title's adjective names none: "Foreign Minister", "Prime
//! Minister", "Home Secretary", "Security Minister" (the corpus's convention, README-en.md).

/// The words a portfolio's name is made of.
const PORTFOLIO_WORDS: &[&str] = &[
    "Affairs",
    "Agriculture",
    "Citizenship",
    "Commerce",
    "Culture",
    "Defence",
    "Defense",
    "Development",
    "Economy",
    "Education",
    "Emergency",
    "Energy",
    "Environment",
    "Finance",
    "Foreign",
    "Health",
    "Home",
    "Immigration",
    "Industry",
    "Interior",
    "Internal",
    "International",
    "Justice",
    "Labour",
    "National",
    "Preparedness",
    "Public",
    "Safety",
    "Security",
    "Trade",
    "Transport",
];

/// Portfolio words that only qualify the next one ("Foreign Affairs", "Public Safety"): a
/// portfolio never ends in one.
const QUALIFIERS: &[&str] = &["Foreign", "Home", "Internal", "International", "National", "Public"];

/// Whether `word` may stand in a portfolio's name.
fn portfolio_word(word: &str) -> bool {
    PORTFOLIO_WORDS.contains(&word)
}

/// The portfolio's words trimmed to end in a noun ("Foreign Affairs and" → "Foreign Affairs"),
/// as their count; none when nothing is left or the portfolio is a lone "Security" (the UK's
/// Security Minister is one of the Home Office's).
fn trimmed(words: &[&str]) -> Option<usize> {
    let end = words.iter().rposition(|w| portfolio_word(w) && !QUALIFIERS.contains(w))? + 1;
    (words[..end] != ["Security"]).then_some(end)
}

/// How many words after a title's "of"/"for" name its portfolio ("the Interior", "Public
/// Safety Marco Mendicino" → 2, "State for the Home Department" is left to the body finder).
pub(super) fn after_title(words: &[&str]) -> Option<(usize, usize)> {
    let from = usize::from(words.first() == Some(&"the"));
    let run = words[from..].iter().take_while(|w| portfolio_word(w) || **w == "and").count();
    trimmed(&words[from..from + run]).map(|n| (from, from + n))
}

/// How many words before a title name its portfolio ("Interior" of "Italian Interior
/// Minister", "Public Safety" of "Public Safety Minister"), counted back from the title.
pub(super) fn before_title(words: &[&str]) -> Option<usize> {
    let run = words.iter().rev().take_while(|w| portfolio_word(w) || **w == "and").count();
    let start = words.len() - run;
    let start = start + words[start..].iter().take_while(|w| **w == "and").count();
    let n = trimmed(&words[start..])?;
    (start + n == words.len()).then_some(words.len() - start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn portfolios_after_a_title() {
        assert_eq!(after_title(&["the", "Interior"]), Some((1, 2)));
        assert_eq!(after_title(&["Public", "Safety", "Marco", "Mendicino"]), Some((0, 2)));
        assert_eq!(after_title(&["Foreign", "Affairs", "and", "Trade"]), Some((0, 4)));
        assert_eq!(after_title(&["State"]), None);
        assert_eq!(after_title(&["Foreign", "Simon"]), None);
    }

    #[test]
    fn portfolios_before_a_title() {
        assert_eq!(before_title(&["Italian", "Interior"]), Some(1));
        assert_eq!(before_title(&["Public", "Safety"]), Some(2));
        assert_eq!(before_title(&["Dutch", "Foreign"]), None);
        assert_eq!(before_title(&["Security"]), None);
        assert_eq!(before_title(&["Prime"]), None);
    }
}
