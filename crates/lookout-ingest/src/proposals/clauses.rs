//! Clauses: a sentence that names places in more than one clause reports each step of the
//! places of the clause its words stand in ("荷兰和爱尔兰…下达了关闭命令，加拿大和德国…展开调查":
//! the closures are Dutch and Irish, the investigations Canadian and German).

use lookout_text::is_han;

use crate::Mention;

/// The mentions of the clause of `lower` (a sentence, folded, starting at character
/// `sentence_start` of the text) that holds character `at`, when the sentence names places
/// where stations may be (`may_host`) in more than one clause and that clause names some; else
/// all of `here`.
pub(super) fn of_clause<'m>(
    lower: &str,
    here: &'m [Mention],
    sentence_start: usize,
    at: usize,
    may_host: impl Fn(&Mention) -> bool,
) -> &'m [Mention] {
    // Commas, semicolons, colons, and a space between Chinese words (a headline's clauses:
    // "爱尔兰关闭中国警局 德国加拿大跟进调查").
    let chars: Vec<char> = lower.chars().collect();
    let between_han = |i: usize| i > 0 && chars.get(i + 1).is_some_and(|&n| is_han(n)) && is_han(chars[i - 1]);
    // An English list of places parts no clauses ("in Benin City in Nigeria, Maseru in
    // Lesotho and …", "the UK, Germany, the Netherlands", "Sicily, and Prato"): a comma and a
    // space just before a place, or before "the" or "and" and a place.
    let word = |i: usize, w: &[char]| chars.get(i..i + w.len()) == Some(w);
    let place_at = |i: usize| here.iter().any(|m| may_host(m) && m.start.saturating_sub(sentence_start) == i);
    // "and" goes on with a list only after a place ("Sicily, and Prato", not "raided the
    // station, and North Holland ordered …").
    let after_place = |i: usize| here.iter().any(|m| may_host(m) && m.end.saturating_sub(sentence_start) == i);
    let before_place = |i: usize| {
        chars.get(i + 1) == Some(&' ')
            && (place_at(i + 2)
                || (word(i + 2, &['t', 'h', 'e', ' ']) && place_at(i + 6))
                || (word(i + 2, &['a', 'n', 'd', ' ']) && place_at(i + 6) && after_place(i)))
    };
    let breaks: Vec<usize> = chars
        .iter()
        .enumerate()
        .filter(|&(i, c)| {
            (matches!(c, ';' | ':') || (*c == ',' && !before_place(i)))
                || (matches!(c, ' ' | '\u{3000}') && between_han(i))
        })
        .map(|(i, _)| i)
        .collect();
    if breaks.is_empty() {
        return here;
    }
    // The clause of character `i` of the sentence: how many breaks stand before it.
    let clause = |i: usize| breaks.partition_point(|&b| b < i);
    let places: Vec<usize> =
        here.iter().filter(|m| may_host(m)).map(|m| clause(m.start.saturating_sub(sentence_start))).collect();
    if places.windows(2).all(|w| w[0] == w[1]) {
        return here;
    }
    let mine = clause(at);
    let first = here.partition_point(|m| clause(m.start.saturating_sub(sentence_start)) < mine);
    let end = here.partition_point(|m| clause(m.start.saturating_sub(sentence_start)) <= mine);
    let within = &here[first..end];
    if within.iter().any(may_host) {
        within
    } else {
        here
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::What;

    fn place(start: usize, end: usize, country: &'static str) -> Mention {
        Mention { what: What::Place { city: None, country: Some(country) }, start, end, bytes: 0..0 }
    }

    #[test]
    fn a_step_is_of_the_places_of_its_own_clause() {
        // "Germany and the Netherlands have launched investigations, while Italy is reluctant".
        let lower = "germany and the netherlands investigate, while italy is reluctant";
        let here = [place(0, 7, "DE"), place(16, 27, "NL"), place(46, 51, "IT")];
        let hosts = |_: &Mention| true;
        assert_eq!(of_clause(lower, &here, 0, 28, hosts), &here[..2]);
        // A cue in a clause naming no place is of the whole sentence's.
        let lower = "in germany, in italy, they investigate";
        let here = [place(3, 10, "DE"), place(15, 20, "IT")];
        assert_eq!(of_clause(lower, &here, 0, 27, hosts), &here[..]);
        // A space between Chinese words parts a headline's clauses.
        let lower = "爱尔兰关闭中国警局 德国跟进调查";
        let here = [place(0, 3, "IE"), place(10, 12, "DE")];
        assert_eq!(of_clause(lower, &here, 0, 14, hosts), &here[1..]);
        assert_eq!(of_clause(lower, &here, 0, 3, hosts), &here[..1]);
        // A list of places is one clause.
        let lower = "they are in benin city in nigeria, maseru in lesotho";
        let here = [place(12, 22, "NG"), place(26, 33, "NG"), place(35, 41, "LS"), place(45, 52, "LS")];
        assert_eq!(of_clause(lower, &here, 0, 5, hosts), &here[..]);
        let lower = "stations popped up in the uk, germany, the netherlands and canada";
        let here = [place(26, 28, "GB"), place(30, 37, "DE"), place(43, 54, "NL"), place(59, 65, "CA")];
        assert_eq!(of_clause(lower, &here, 0, 9, hosts), &here[..]);
        let lower = "they are in rome, sicily, and prato";
        let here = [place(12, 16, "IT"), place(18, 24, "IT"), place(30, 35, "IT")];
        assert_eq!(of_clause(lower, &here, 0, 5, hosts), &here[..]);
        // Places in one clause only: the whole sentence.
        let lower = "germany and italy investigate, it said";
        let here = [place(0, 7, "DE"), place(12, 17, "IT")];
        assert_eq!(of_clause(lower, &here, 0, 33, hosts), &here[..]);
    }
}
