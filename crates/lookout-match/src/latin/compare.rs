//! Two Latin-script names compared word by word.

use smallvec::SmallVec;

use super::similar::{
    char_count, is_number, ratio, similarity, sound_bytes_into, word_similarity, Spelling, WORD_MIN, WORD_NEAR,
};
use super::words::{join_initials, parse, Words};
use crate::explain::Explanation;

/// The sound keys of a name's words still to be paired, in one buffer on the stack, by word
/// (empty for the others).
struct Sounds {
    text: SmallVec<[u8; 96]>,
    ends: SmallVec<[usize; 8]>,
}

impl Sounds {
    fn of(words: &Words, used: &[bool]) -> Sounds {
        let mut sounds = Sounds { text: SmallVec::new(), ends: SmallVec::new() };
        for (word, used) in words.words().zip(used) {
            if !used {
                sound_bytes_into(word, &mut sounds.text);
            }
            sounds.ends.push(sounds.text.len());
        }
        sounds
    }

    fn word(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        std::str::from_utf8(&self.text[start..self.ends[i]]).expect("sound keys are whole characters")
    }

    fn spellings(&self) -> SmallVec<[Spelling<'_>; 8]> {
        (0..self.ends.len()).map(|i| Spelling::of(self.word(i))).collect()
    }
}

/// The words of a name, measured for comparison.
fn spellings(words: &Words) -> SmallVec<[Spelling<'_>; 8]> {
    words.words().map(Spelling::of).collect()
}

/// The words of a name no pair took, as (numbers, others).
fn left_over<'w>(words: &'w Words, used: &[bool]) -> (SmallVec<[&'w str; 4]>, SmallVec<[&'w str; 4]>) {
    let (mut numbers, mut others) = (SmallVec::new(), SmallVec::new());
    for (word, _) in words.words().zip(used).filter(|(_, u)| !**u) {
        if is_number(word) {
            numbers.push(word);
        } else {
            others.push(word);
        }
    }
    (numbers, others)
}

/// Compares two names word by word: the words are paired best first; a word left over on one side
/// is extra detail (a middle name, a branch), left over on both sides it is a conflict. The
/// features go to `why`.
pub(crate) fn compare(a: &str, b: &str, organisation: bool, why: &mut Explanation) -> f64 {
    let (mut wa, mut wb) = (parse(a, organisation), parse(b, organisation));
    if wa.is_empty() || wb.is_empty() {
        why.add("words", false, || "a name has no words".into());
        return 0.0;
    }
    if wa.letters() == wb.letters() {
        why.add("words", true, || "the same letters, spaced otherwise".into());
        return 0.98;
    }
    join_initials(&wa, &mut wb);
    join_initials(&wb, &mut wa);
    if wa.len() != wb.len() {
        let (ja, jb) = (wa.joined(), wb.joined());
        let joined = ratio(&Spelling::of(&ja), &Spelling::of(&jb), 0.9);
        if joined >= 0.9 && ja.len() >= 6 {
            why.add("words", true, || format!("{ja} ≈ {jb} when the words are joined"));
            return 0.9 * joined + 0.08;
        }
    }
    // Pairs are taken best first. The same word on both sides is the best there is (1.0, which no
    // other likeness reaches): those pairs are taken first, in order, and only the words left are
    // measured against each other.
    let (mut used_a, mut used_b): (SmallVec<[bool; 8]>, SmallVec<[bool; 8]>) =
        (SmallVec::from_elem(false, wa.len()), SmallVec::from_elem(false, wb.len()));
    let mut matched: SmallVec<[(f64, usize, usize); 8]> = SmallVec::new();
    for (i, x) in wa.words().enumerate() {
        if let Some(j) = wb.words().enumerate().position(|(j, y)| !used_b[j] && x == y) {
            used_a[i] = true;
            used_b[j] = true;
            matched.push((1.0, i, j));
        }
    }
    let (sa, sb) = (Sounds::of(&wa, &used_a), Sounds::of(&wb, &used_b));
    let (xa, xb, ya, yb) = (spellings(&wa), spellings(&wb), sa.spellings(), sb.spellings());
    let mut pairs: SmallVec<[(f64, usize, usize); 16]> = SmallVec::new();
    for (i, x) in xa.iter().enumerate().filter(|(i, _)| !used_a[*i]) {
        for (j, y) in xb.iter().enumerate().filter(|(j, _)| !used_b[*j]) {
            let s = similarity(x, || ya[i], y, || yb[j], WORD_MIN);
            if s >= WORD_MIN {
                pairs.push((s, i, j));
            }
        }
    }
    pairs.sort_by(|p, q| q.0.total_cmp(&p.0).then(p.1.cmp(&q.1)).then(p.2.cmp(&q.2)));
    for (s, i, j) in pairs {
        if !used_a[i] && !used_b[j] {
            used_a[i] = true;
            used_b[j] = true;
            matched.push((s, i, j));
        }
    }
    // One pair of long words left on both sides, every other word agreeing: a misspelling.
    let lone_open = |used: &[bool]| {
        let mut open = used.iter().enumerate().filter(|(_, u)| !**u).map(|(i, _)| i);
        match (open.next(), open.next()) {
            (Some(i), None) => Some(i),
            _ => None,
        }
    };
    if let (Some(i), Some(j)) = (lone_open(&used_a), lone_open(&used_b)) {
        let (x, y) = (wa.word(i), wb.word(j));
        let s = similarity(&xa[i], || ya[i], &xb[j], || yb[j], WORD_NEAR);
        if s >= WORD_NEAR && char_count(x).min(char_count(y)) >= 4 && !matched.is_empty() {
            used_a[i] = true;
            used_b[j] = true;
            matched.push((s, i, j));
        }
    }
    if matched.is_empty() {
        why.add("words", false, || {
            format!(
                "no word of {} is in {}",
                wa.words().collect::<Vec<_>>().join(" "),
                wb.words().collect::<Vec<_>>().join(" ")
            )
        });
        return 0.0;
    }
    let weight: f64 = matched.iter().map(|(_, i, _)| wa.word(*i).len() as f64).sum();
    let mean = matched.iter().map(|(s, i, _)| s * wa.word(*i).len() as f64).sum::<f64>() / weight;
    why.add("words", true, || {
        let shown: Vec<String> = matched
            .iter()
            .map(|(s, i, j)| {
                if *s == 1.0 {
                    wa.word(*i).to_string()
                } else {
                    format!("{} ≈ {} ({s:.2})", wa.word(*i), wb.word(*j))
                }
            })
            .collect();
        shown.join(", ")
    });
    let mut score = mean;
    // Words left over: numbers (a fund's series, a ship's number) are noted, not held against a
    // match; others are extra detail on one side or a conflict on both.
    let ((numbers_a, extra_a), (numbers_b, extra_b)) = (left_over(&wa, &used_a), left_over(&wb, &used_b));
    if !numbers_a.is_empty() || !numbers_b.is_empty() {
        why.add("numbers", false, || {
            format!("only in one name: {}", [&numbers_a[..], &numbers_b[..]].concat().join(" "))
        });
        score -= 0.05;
    }
    let fathers_differ = match (wa.father(), wb.father()) {
        (Some(x), Some(y)) => word_similarity(x, y) < WORD_NEAR,
        _ => false,
    };
    let forms_differ =
        organisation && !wa.forms.is_empty() && !wb.forms.is_empty() && !wa.forms.iter().any(|f| wb.forms.contains(f));
    if fathers_differ {
        why.add("father", false, || {
            format!("son of {} / son of {}", wa.father().unwrap_or(""), wb.father().unwrap_or(""))
        });
        score = score.min(0.6) * 0.6;
    } else if forms_differ {
        why.add("legal form", false, || format!("{} ≠ {}", wa.forms.join(" "), wb.forms.join(" ")));
        score = score.min(0.6) * 0.6;
    } else if !extra_a.is_empty() && !extra_b.is_empty() {
        why.add("conflict", false, || format!("{} / {}", extra_a.join(" "), extra_b.join(" ")));
        score = score.min(0.6) * 0.6;
    } else if !extra_a.is_empty() || !extra_b.is_empty() {
        let extra = extra_a.len() + extra_b.len();
        why.add("extra words", true, || {
            format!("only one name has {}", [&extra_a[..], &extra_b[..]].concat().join(" "))
        });
        // A company with a word more is often another company (a branch, a subsidiary); a lone
        // word against a fuller personal name is weak evidence.
        let lone = matched.len() == 1 && !organisation;
        score -= 0.02 * extra as f64
            + if organisation {
                0.3
            } else if lone {
                0.25
            } else {
                0.0
            };
    }
    if organisation && !wa.forms.is_empty() && !wb.forms.is_empty() && !forms_differ {
        why.add("legal form", true, || format!("{} / {}", wa.forms.join(" "), wb.forms.join(" ")));
    }
    score.clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &str, b: &str, org: bool) -> bool {
        compare(a, b, org, &mut Explanation::new(false)) >= crate::THRESHOLD
    }

    #[test]
    fn persons_tolerate_spelling_order_and_extra_names() {
        assert!(same("Boris Jonson", "Boris Johnson", false));
        assert!(same("Usama bin Ladin", "Osama bin Laden", false));
        assert!(same("John Smith", "Smith, John", false));
        assert!(same("Vladimir Vladimirovich Putin", "Vladimir Putin", false));
        assert!(same("Sergei Lavrov", "Сергей Лавров", false));
        assert!(same("Ted Doe", "Theodore Doe", false));
        assert!(!same("Sergey Viktorovich Lavrov", "Sergey Ivanevich Lavrov", false));
        assert!(!same("Bashar al-Assad", "Hafez al-Assad", false));
        assert!(!same("Mark Zuckermann", "Mark Zuckerberg", false));
        assert!(!same("Frederik Richter", "Frank Richter", false));
        assert!(same("Olaf Schloz", "Olaf Scholz", false));
        assert!(same("Donlad Trump", "Donald Trump", false));
        assert!(!same("SALMAN BIN MUHAMMAD AL-RAWI", "MUHAMMAD BIN SALMAN AL-RAWI", false));
        assert!(!same("WALIJAN", "WALIJAN ABDUL GHAFOOR HAQQANI", false));
    }

    #[test]
    fn companies_ignore_legal_forms_but_not_numbers_or_conflicts() {
        assert!(same("OAO Gazprom", "Open Joint Stock Company Gasprom", true));
        assert!(same("AT&T Inc.", "AT and T Inc.", true));
        assert!(same("Siemens AG", "SiemensAG", true));
        assert!(!same("Volkswagen AG", "Siemens AG", true));
        assert!(same("KKR Asian Fund III L.P.", "KKR Asian Fund IV L.P.", true));
        assert!(!same("Deutsche Bank AG", "Deutsche Bank GmbH", true));
        assert!(same("Brigade Forty-Four", "Brigade 44", true));
        assert!(same("U.S. Department of State", "United States Department of State", true));
        assert!(same("JC Juncker", "Jean-Claude Juncker", false));
        assert!(!same("CRYSTALORD SYSTEMS LIMITED", "CRYSTALORD LTD", true));
        assert!(!same("BAE Systems, Inc.", "BAE Industries, Inc.", true));
    }
}
