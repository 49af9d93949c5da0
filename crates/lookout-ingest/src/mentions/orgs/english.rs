//! Bodies of any kind named in English: a run of capitalised words headed by a word that makes
//! it a body ("Justice Department", "Ministry of Public Security", "Embassy of China in
//! Ireland", "Chinese Communist Party"), a body known by a bare name ("Europol", "Twitter"), and
//! acronyms: those the text defines after a body's name ("Royal Canadian Mounted Police
//! (RCMP)") wherever they recur, those of well-known bodies, and a party's or an agency's in
//! parentheses ("(CDA)", "(AP)").

use rustc_hash::FxHashMap;

use super::en_phrases::{acronym, joined, phrases, HEADLINE_VERBS};
use super::en_portfolios;
use super::en_reader::{initials, Reader};
use super::lexicon::{Lexicon, ABBREVIATED_HEADS, EN_JOINERS, EN_LOWER_HEADS, EN_MINISTRY_FIELDS, MISSIONS};
use crate::mentions::names::Names;
use crate::mentions::segment::{capitalised, Word};
use crate::mentions::Found;

impl Reader<'_, '_> {
    /// The bodies named in the phrase `from..to`, as word ranges.
    fn bodies(&self, mut from: usize, to: usize, out: &mut Vec<(usize, usize)>) {
        while from < to && (self.lex.openers.contains(self.word(from)) || EN_JOINERS.contains(&self.word(from))) {
            from += 1;
        }
        if from == to {
            return;
        }
        // Two bodies joined by "and" ("Twitter and Facebook"), unless the second is only the end
        // of the first's name ("Department of Foreign Affairs and Trade").
        if let Some(and) = (from + 1..to).find(|&k| self.word(k) == "and") {
            let (mut first, mut second) = (Vec::new(), Vec::new());
            self.bodies(from, and, &mut first);
            self.bodies(and + 1, to, &mut second);
            // "… of Greater Montreal and the Centre …": a name goes on after "and", not after
            // "and the".
            let second_opens = self.word(and + 1).eq_ignore_ascii_case("the");
            // Words left between the first body and "and" are of one name with what follows
            // ("Senate Homeland Security and Governmental Affairs Committee"), unless a title
            // opens them ("… Security Secretary Alejandro Mayorkas and …").
            let one_name = first
                .last()
                .is_some_and(|&(_, end)| end < and && !(end..and).any(|k| self.lex.titles.contains(self.word(k))));
            // A head's own phrase goes on after "and" to words that end no body ("Standing
            // Committee on Procedure and House Affairs", "School of Global Affairs and Public
            // Policy"): the second part names a body only where one ends it.
            let phrase_goes_on = !second_opens
                && second.last().is_none_or(|&(_, end)| end < to)
                && first.last().is_some_and(|&(start, end)| {
                    end == and
                        && (start + 1..end).any(|k| {
                            matches!(self.word(k), "of" | "on" | "for") && self.lex.heads.contains(self.word(k - 1))
                        })
                });
            if phrase_goes_on {
                // Up to a title or a date, as a head's phrase ("… House Affairs on March 7").
                let mut end = (and + 1..to)
                    .find(|&k| self.lex.titles.contains(self.word(k)) || self.lex.openers.contains(self.word(k)))
                    .unwrap_or(to);
                while end > and + 1 && EN_JOINERS.contains(&self.word(end - 1)) {
                    end -= 1;
                }
                if end > and + 1 {
                    let (start, _) = first.pop().expect("the first part names a body");
                    out.extend(first);
                    out.push((start, end));
                    return;
                }
            }
            if !first.is_empty() && !one_name && (!second.is_empty() || second_opens) {
                out.extend(first.into_iter().chain(second));
                return;
            }
            // "MyLondon and the Local Democracy Reporting Service": no name reaches back over
            // "and the" to words that name no body.
            if first.is_empty() && second_opens && !second.is_empty() {
                out.extend(second);
                return;
            }
        }
        // A title's office is a body ("Attorney General’s Office").
        if self.span(from, to).ends_with("’s Office") || self.span(from, to).ends_with("'s Office") {
            out.push((from, to));
            return;
        }
        // A portfolio before a title names its ministry ("Interior Minister Matteo Piantedosi").
        if let Some(title) = (from + 1..to).find(|&k| self.lex.titles.contains(self.word(k))) {
            let before: Vec<&str> = (from..title).map(|k| self.word(k)).collect();
            if let Some(n) = en_portfolios::before_title(&before) {
                out.push((title - n, title));
                self.bodies(title, to, out);
                return;
            }
        }
        // A title opens a person's name or an office: the body, if any, follows "of", "at" or
        // "for" ("Secretary of State for the Home Department"); a portfolio there names its
        // ministry ("Minister for Foreign Affairs Simon Coveney").
        if self.lex.titles.contains(self.word(from)) {
            if let Some(mut link) = (from + 1..to).find(|&k| matches!(self.word(k), "of" | "at" | "for")) {
                if link + 2 < to && self.word(link + 1) == "State" && self.word(link + 2) == "for" {
                    link += 2;
                }
                let before = out.len();
                self.bodies(link + 1, to, out);
                let after: Vec<&str> = (link + 1..to).map(|k| self.word(k)).collect();
                if out.len() == before {
                    if let Some((s, e)) = en_portfolios::after_title(&after) {
                        out.push((link + 1 + s, link + 1 + e));
                    }
                }
            }
            return;
        }
        if let Some(body) = self.headed(from, to) {
            out.push(body);
            return;
        }
        // Known names inside the phrase ("Yonhap", "Safeguard Defenders"), of at most four words.
        let mut k = from;
        while k < to {
            match self.known_name(k, to) {
                Some((start, e)) => {
                    out.push((start, e));
                    k = e;
                }
                None => k += 1,
            }
        }
    }

    /// The body a phrase names by its head: from its start to its last head, with the head's
    /// "of …" phrase; none when the name is only a head, a station's name or a place.
    fn headed(&self, from: usize, to: usize) -> Option<(usize, usize)> {
        // "Fuzhou Police Overseas Service Station" names a station.
        if self.lex.not_last.contains(self.word(to - 1)) {
            return None;
        }
        let mut head = (from..to).rev().find(|&k| self.lex.heads.contains(self.word(k)))?;
        // "Chinese Consulate General in Rio": the mission's head is in two words.
        if self.word(head) == "Consulate" && head + 1 < to && self.word(head + 1) == "General" {
            head += 1;
        }
        let mission = |k: usize| MISSIONS.contains(&self.word(k)) || self.word(k) == "General";
        // "If China Runs A Police Station In Nigeria", "Police Cooperation Centre": the head
        // opens a station's name.
        if (head + 1..to.min(head + 3)).any(|k| self.lex.not_last.contains(self.word(k))) {
            return None;
        }
        // "Ireland Orders Closure of Chinese Police": a headline's verb before the head makes the
        // phrase a headline, not a name.
        if (from..head).any(|k| HEADLINE_VERBS.contains(&self.word(k))) {
            return None;
        }
        let mut to = to;
        // "United States Department of Justice News": a newsroom's name after a body's names the
        // body.
        if self.lex.media_heads.contains(self.word(head)) {
            if let Some(earlier) = (from..head).rev().find(|&k| self.lex.heads.contains(self.word(k))) {
                (to, head) = (head, earlier);
            }
        }
        // The name opens after the last station's or place's word before its head ("Two
        // Arrested for Operating … Police Station of the Chinese Government").
        let from = (from..head).rev().find(|&k| self.lex.not_last.contains(self.word(k))).map_or(from, |k| k + 1);
        // A title and a person's name before the body open no part of it ("U.S. District Judge
        // Nina Morrison of the U.S. District Court …").
        let from = (from..head)
            .rev()
            .find(|&k| self.lex.titles.contains(self.word(k)))
            .and_then(|title| (title + 1..head).find(|&k| matches!(self.word(k), "of" | "at")))
            .map_or(from, |link| link + 1);
        // "Foyer of the House of Commons", "FMQs in the Scottish Parliament": words before "of
        // the" or "in the" that hold no head are where the body is, not its name ("Victims of
        // Communism Memorial Foundation" is one).
        let from = (from..head)
            .find(|&k| matches!(self.word(k), "of" | "in"))
            .filter(|&of| self.word(of + 1) == "the" && !(from..of).any(|k| self.lex.heads.contains(self.word(k))))
            .map_or(from, |of| of + 1);
        let from = (from..head).find(|&k| !EN_JOINERS.contains(&self.word(k))).unwrap_or(head);
        // "Police in Ontario": where a body is, not its name.
        // A mission's host place is its name's ("Chinese Embassy in Wellington").
        let where_it_is = head + 2 < to && self.word(head + 1) == "in" && !mission(head) && self.place(head + 2, to);
        let mut end = if where_it_is {
            head + 1
        } else if head + 1 < to
            && (matches!(self.word(head + 1), "of" | "for" | "on" | "de" | "du" | "des")
                || (self.word(head + 1) == "in" && mission(head)))
        {
            // The head's own phrase, up to a title or a date ("… of Foreign Affairs Minister
            // Simon Coveney", "… in Ireland in October").
            let end = (head + 1..to)
                .find(|&k| self.lex.titles.contains(self.word(k)) || self.lex.openers.contains(self.word(k)))
                .unwrap_or(to);
            // A mission's host country ends its name ("Embassy in the Netherlands" of "… in the
            // Netherlands Amsterdam").
            if self.word(head + 1) == "in" && head + 2 < end {
                let host = head + 2 + usize::from(self.word(head + 2) == "the");
                (host + 1..=end).rev().find(|&e| self.place(host, e)).unwrap_or(end)
            } else if !mission(head) {
                // Another body's "in" after its own phrase says where it is ("Public Security
                // Bureau of Wenzhou City in China").
                (head + 3..end)
                    .find(|&k| {
                        self.word(k) == "in" && {
                            let place = k + 1 + usize::from(self.word(k + 1) == "the");
                            place < end && self.place(place, end)
                        }
                    })
                    .unwrap_or(end)
            } else {
                end
            }
        } else if head + 2 == to && self.place(head + 1, to) {
            // "Police Scotland": a force named by its place after its head.
            to
        } else {
            head + 1
        };
        // "Public Security Bureau of Tokyo’s Metropolitan Police Department": what follows "of"
        // is another body's name; not so after a portfolio ("Ministry of Interior’s Department").
        if end == to && end > head + 1 && self.possessive_after(to - 1) && (head + 1..to).any(|k| self.place(k, k + 1))
        {
            end = head + 1;
        }
        while end > head + 1 && EN_JOINERS.contains(&self.word(end - 1)) {
            end -= 1;
        }
        let alone = end - from == 1;
        if (alone && !self.lex.sole_heads.contains(self.word(from)))
            || self.lex.not_last.contains(self.word(end - 1))
            || EN_JOINERS.contains(&self.word(end - 1))
            || self.place(from, end)
        {
            return None;
        }
        Some((from, end))
    }
}

/// Every body named in English in `text`.
pub(super) fn find(names: &Names, lex: &Lexicon, text: &str, words: &[Word<'_>]) -> Vec<Found> {
    let r = Reader { names, lex, text, words };
    let mut spans: Vec<(usize, usize)> = Vec::new();
    // Acronyms a text defines: true for a body's, false for a place's or anything else's.
    let mut defined: FxHashMap<&str, bool> = FxHashMap::default();
    let runs = phrases(text, words);
    for &(from, to) in &runs {
        let before = spans.len();
        r.bodies(from, to, &mut spans);
        // "Royal Canadian Mounted Police (RCMP)", "Chinese Family Services of Greater Montreal,
        // or CFSGM,": an acronym of the phrase's initials.
        let Some(next) = words.get(to) else { continue };
        let gap = text[words[to - 1].end..next.start].trim();
        let or = gap == "," && next.text == "or";
        let Some(next) = (if or { words.get(to + 1) } else { Some(next) }) else { continue };
        let at = if or { to + 1 } else { to };
        // What follows the acronym: the text's end, or the mark that closes the definition.
        let closing: &[char] = match gap {
            "(" => &[')'],
            "," if or => &[',', '.', ')', ';'],
            _ => &[],
        };
        let closes = !closing.is_empty()
            && words.get(at + 1).is_none_or(|w| text[next.end..w.start].trim_start().starts_with(closing));
        if acronym(next.text) && closes {
            let letters: String = next.text.chars().filter(|c| c.is_ascii_uppercase()).collect();
            let tail = (from..to).find(|&s| initials(&r, s, to) == letters);
            if let Some(s) = tail {
                let body = spans[before..].iter().any(|&(_, e)| e == to);
                defined.insert(next.text, body && !r.place(s, to));
            }
        }
    }
    // "the Greek publication Directus", "the daily “Denik N”", "the Frankfurter Allgemeine
    // newspaper": a newsroom named beside the word for what it is.
    for &(from, to) in &runs {
        if to - from <= 4 && r.beside_media_word(from, to) {
            spans.push((from, to));
        }
    }
    // Acronyms: defined as a body's, a well-known body's, or standing in parentheses alone.
    for (i, w) in words.iter().enumerate() {
        // A known name in capitals ("REUTERS", "INTERPOL").
        if w.text.len() > 2 && w.text.bytes().all(|b| b.is_ascii_uppercase()) {
            let mut name = w.text.to_ascii_lowercase();
            name[..1].make_ascii_uppercase();
            if lex.names.contains(name.as_str()) {
                spans.push((i, i + 1));
                continue;
            }
        }
        // A kind of body, not one ("(NGO)").
        if !acronym(w.text) || r.place_acronym(i) || lex.openers.contains(w.text) {
            continue;
        }
        let in_parentheses = text[..w.start].ends_with('(') && text[w.end..].trim_start_matches(' ').starts_with(')');
        let body = match defined.get(w.text) {
            Some(&body) => body,
            None => lex.acronyms.contains(w.text) || in_parentheses,
        };
        if body {
            spans.push((i, r.branch_end(i)));
        }
    }
    // "(S&D)": a party's acronym with an ampersand, in parentheses.
    for (at, _) in text.match_indices('&') {
        let open = text[..at].rfind('(');
        let close = text[at..].find(')').map(|c| at + c);
        if let (Some(open), Some(close)) = (open, close) {
            let inner = &text[open + 1..close];
            if inner.len() <= 8 && inner.chars().all(|c| c.is_ascii_uppercase() || c == '&') {
                let first = words.partition_point(|w| w.start <= open);
                let last = words.partition_point(|w| w.end <= close);
                if first < last {
                    spans.push((first, last));
                }
            }
        }
    }
    // "the Chinese embassy": a country or demonym before a body's head in lower case. "its
    // foreign ministry", "the Dutch foreign ministry": a ministry is a body however introduced.
    for i in 1..words.len() {
        let ministry = words[i].text == "ministry"
            && EN_MINISTRY_FIELDS.contains(&words[i - 1].text)
            && joined(text, words, i - 1);
        let head = if ministry { i - 1 } else { i };
        let qualified = head > 0 && {
            let qualifier = words[head - 1].text;
            capitalised(qualifier) && !lex.openers.contains(qualifier) && joined(text, words, head - 1)
        };
        if qualified && (ministry || EN_LOWER_HEADS.contains(&words[i].text)) {
            // "the Chinese consulate general": the head's two words.
            let last = if words[i].text == "consulate"
                && words.get(i + 1).is_some_and(|w| w.text == "general")
                && joined(text, words, i)
            {
                i + 1
            } else {
                i
            };
            // "the Chinese embassy in Seoul": a mission's host place is its name's.
            let host = (last + 3..(last + 5).min(words.len() + 1))
                .rev()
                .find(|&e| words[last + 1].text == "in" && joined(text, words, last) && r.place(last + 2, e));
            spans.push((head - 1, host.filter(|_| !ministry).unwrap_or(last + 1)));
        } else if ministry {
            spans.push((head, i + 1));
        }
    }
    // "The Epoch Times", "The Canadian Press": a newsroom's "The" is its name's.
    for (s, e) in spans.iter_mut() {
        if *s > 0
            && words[*s - 1].text == "The"
            && joined(text, words, *s - 1)
            && lex.media_heads.contains(words[*e - 1].text)
        {
            *s -= 1;
        }
    }
    spans.sort_unstable_by_key(|&(s, e)| (s, std::cmp::Reverse(e)));
    let mut out: Vec<Found> = Vec::new();
    for (mut s, e) in spans {
        // "Spain-based NGO Safeguard Defenders": where a body is based is no part of its name,
        // nor the opening word after it.
        let seat = s;
        while s + 1 < e && words[s].text.ends_with("-based") {
            s += 1;
        }
        if s > seat && s + 1 < e && lex.openers.contains(words[s].text) {
            s += 1;
        }
        // "the Fuzhou branch of the MPS": a place's branch of a body is named with it.
        let the = usize::from(s > 0 && words[s - 1].text == "the");
        if let Some(k) = (s - the).checked_sub(3) {
            let branch = words[k + 1].text == "branch" && words[k + 2].text == "of";
            if branch
                && capitalised(words[k].text)
                && !lex.openers.contains(words[k].text)
                && (k..s - 1).all(|j| joined(text, words, j))
            {
                s = k;
            }
        }
        let (start, mut end) = (words[s].start, words[e - 1].end);
        // "Australian Broadcasting Corp.": an abbreviated head keeps its dot.
        if ABBREVIATED_HEADS.contains(&words[e - 1].text) && text[end..].starts_with('.') {
            end += 1;
        }
        if out.last().is_some_and(|f| start < f.end) {
            continue;
        }
        out.push(Found::organisation(start, end, None));
    }
    out
}

#[cfg(test)]
#[path = "english_tests.rs"]
mod tests;
