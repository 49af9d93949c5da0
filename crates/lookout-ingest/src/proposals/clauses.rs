//! Clauses: a sentence that names places in more than one clause reports each step of the
//! places of the clause its words stand in ("荷兰和爱尔兰…下达了关闭命令，加拿大和德国…展开调查":
//! the closures are Dutch and Irish, the investigations Canadian and German).

use crate::Mention;

/// Whether place mention `m` of `text` says where a body is based, not where stations are
/// ("Spain-based Safeguard Defenders", 总部设在西班牙的…).
pub(super) fn is_seat(text: &str, m: &Mention) -> bool {
    let after = &text[m.bytes.end..];
    let before = &text[..m.bytes.start];
    let lead: String = before.chars().rev().take(4).collect();
    after.starts_with("-based") || after.starts_with(" based") || lead.contains("部总") || lead.contains("部總")
}

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
    let breaks: Vec<usize> =
        lower.chars().enumerate().filter(|(_, c)| matches!(c, ',' | ';' | ':')).map(|(i, _)| i).collect();
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
        // Places in one clause only: the whole sentence.
        let lower = "germany and italy investigate, it said";
        let here = [place(0, 7, "DE"), place(12, 17, "IT")];
        assert_eq!(of_clause(lower, &here, 0, 33, hosts), &here[..]);
    }

    #[test]
    fn where_a_body_is_based_is_no_station_s_place() {
        let text = "the Spain-based Safeguard Defenders; 总部设在西班牙的组织; stations in Spain";
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
    }
}
