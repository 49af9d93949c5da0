//! Status steps: a sentence that reports a station raided, under investigation, ordered closed,
//! closed, denied, charged, arrested, pleaded guilty or convicted becomes a proposal of that
//! status for the stations it concerns (one statement each: the analyst who accepts it may drop
//! some), dated from the text and claimed by whoever the sentence says says so.
//!
//! The stations a sentence concerns (of the clause its words stand in, when it names places in
//! several; a list of places is one clause): those of the cities it names (and of a city's area,
//! 蒙特利尔地区: Brossard too); else those of the regions it names (Ontario,
//! 卑诗省); else, when it names countries, their demonyms ("the Canadian Federal Police") or
//! bodies whose names open with them (新西兰政府), of each country the stations the document
//! names elsewhere, or all the record's stations there (at most twelve) when the document names
//! none of them (the embassy that denies "the so-called overseas police stations" in the UK
//! denies each); else the stations the document names, when it names at most two (a text about
//! the Dublin station says "the office" and means it) or at most six of one country, or those
//! of the one country where stations are that a text naming no station city names (alone, or
//! twice as often as any other). Where a body
//! is based ("Spain-based") is no station's place, in the sentence or in the document. A text
//! that never names a police station (a Fox Hunt trial, a spy charged in London) reports no
//! station's steps, whatever city it names.
//!
//! Each step takes the time the sentence gives nearest its words ("arrested Monday …, before
//! closing last fall amid an FBI investigation": arrested on the Monday, closed in the year
//! before), not a time it comes after ("after October") nor one across a turn to another event
//! ("但", "but"); else, for the steps that are news of their day (a closure order, arrests,
//! charges, a referral), the document's date when it gives the day. A headline's
//! steps are undated, and so is a step in a sentence that gives no time (the time of the
//! sentence before was tried and found no step more on the corpus's dev documents). The times
//! and the choice among them are `step_dates.rs`'s.
//!
//! Where no cue word (`cues.rs`) reports a step in a sentence of stations, the step model
//! (`step_model.rs`) may, and its proposal says so; where it is sure a sentence reports none, the
//! cue words' steps there are dropped.

use lookout_core::{Entity, ProposalKind, ProposedClaim, Schema, StationStatus};

use super::concerned::{concerned, or_before};
use super::qualifiers::{best_matching, Whole};
use super::speaker::{self, claimant};
use super::step_dates::{nearest, times_of};
use super::step_model::StepModel;
use super::{clauses, countries, cues, station_words};
use super::{Builder, Known, KnownStation};
use crate::sentences::Sentences;
use crate::{Kind, Mention, What};

/// Statuses reported by words that need no word for a station in the same sentence: a text
/// about a station says "two men were arrested" and means its case.
const STANDING_ALONE: &[StationStatus] = &[
    StationStatus::Arrested,
    StationStatus::ChargesFiled,
    StationStatus::GuiltyPlea,
    StationStatus::Convicted,
    StationStatus::Acquitted,
    StationStatus::ReferredToProsecutors,
    StationStatus::SearchedByPolice,
];

/// Statuses whose undated report in a text is news of its day.
const OF_THE_DAY: &[StationStatus] = &[
    StationStatus::ClosureOrdered,
    StationStatus::Arrested,
    StationStatus::ChargesFiled,
    StationStatus::ReferredToProsecutors,
];

/// Words that put a step before the document's day.
const EARLIER: &[&str] = &["此前", "之前", "早前", "先前", "已经", "previously", "earlier", "already", ", following "];

/// The status steps of one document, into `b`.
pub(super) fn propose(text: &str, mentions: &[Mention], known: &Known, b: &mut Builder<'_>) {
    // The stations the document names, in order of first mention (not where a body is based:
    // "the Madrid-based Safeguard Defenders").
    let mut named: Vec<&KnownStation> = Vec::new();
    for m in mentions {
        let stations = match m.kind() {
            Kind::Place if countries::is_seat(text, m) => continue,
            Kind::Place => known.stations_in(m, text),
            Kind::Organisation => known.stations_hosted_by(m),
            _ => continue,
        };
        for s in stations {
            if !named.iter().any(|n| n.id == s.id) {
                named.push(s);
            }
        }
    }
    let whole = Whole::of(text);
    let mut named = best_matching(&whole, named);
    // Whether the stations are the country's, for a text that names no station's city: every
    // sentence of it then speaks of them all.
    let mut by_country = false;
    if named.is_empty() {
        // No station's city: the stations of the one country (other than China) the text names,
        // or names at least twice as often as any other (a British minister's answer that names
        // the Netherlands once).
        if let Some(country) = countries::main_country(text, mentions) {
            named = known.stations_of_country(country);
            by_country = true;
        }
    }
    // Whether the whole text names police stations outright: asked only of a sentence that
    // needs it, and answered once.
    let mut answer: Option<bool> = None;
    let mut names_stations =
        || *answer.get_or_insert_with(|| station_words::names_police_stations(&whole.simplified().to_lowercase()));
    let mut last_spoke_of_stations = false;
    let mut last_sentence = 0..0;
    let mut sentences = Sentences::new(text);
    let mut at = 0;
    // Whether the sentence before is of the same paragraph.
    let mut in_paragraph = false;
    // The sentence in lower case (simplified), one buffer for them all.
    let mut lower = String::new();
    while let Some(sentence) = sentences.next_sentence() {
        let here_from = at;
        while at < mentions.len() && mentions[at].start < sentence.end {
            at += 1;
        }
        let here = &mentions[here_from..at];
        let words = sentences.words(sentence);
        // A line's end after a sentence ends its paragraph.
        let after = sentences.after(sentence);
        let ends_paragraph = words.ends_with('\n') || after[..after.len() - after.trim_start().len()].contains('\n');
        let follows_in_paragraph = std::mem::replace(&mut in_paragraph, !ends_paragraph);
        // A line with no full stop: a headline, which reports steps undated ("Czech Republic:
        // China closes two police stations in Prague"), or a piece of a sentence the layout
        // wrapped, or a subheading, which report none.
        let headline = !words.trim_end().ends_with(['.', '!', '?', '。', '！', '？', '”', '"', '」', ')', '）']);
        if headline && !is_headline(words, sentences.after(sentence)) {
            continue;
        }
        // The mentions of the sentence before (their stations are looked up only when asked).
        let mentions_before = &mentions[std::mem::replace(&mut last_sentence, here_from..at)];
        lookout_text::lower_into(&lookout_text::fold(words), &mut lower);
        // A word that may mean a station ("office", "site") means one only in a text that names
        // police stations ("the Paris office of China's Ministry of State Security" is none).
        let speaks_of_stations = station_words::about_stations(&lower) && names_stations();
        // The sentence before, in the same paragraph, spoke of stations: "China denies the
        // allegations" denies what it said.
        let follows_stations =
            std::mem::replace(&mut last_spoke_of_stations, speaks_of_stations) && follows_in_paragraph;
        // Most sentences hold no cue, and most name no body: the names of bodies are blanked
        // out, and the cues looked for again, only in a sentence that has both.
        let mut statuses = cues::statuses(&lower, &lower);
        if !statuses.is_empty() && here.iter().any(|m| m.kind() == Kind::Organisation) {
            let unnamed = lookout_text::fold(&without_bodies(words, here, sentence.start)).to_lowercase();
            statuses = cues::statuses(&unnamed, &lower);
        }
        // The Chinese side's account of the stations as services denies what they are said to be.
        if !statuses.iter().any(|(s, _)| *s == StationStatus::Denied) && speaker::chinese_side_explains_services(&lower)
        {
            statuses.retain(|(s, _)| *s != StationStatus::Reported);
            statuses.push((StationStatus::Denied, 0));
        }
        // A place of stations: a station's city, or a country where the record has some
        // ("在西班牙,內政部已經啟動了一項專門調查").
        let names_a_city_of_stations =
            || here.iter().any(|m| m.kind() == Kind::Place && !known.stations_in(m, text).is_empty());
        let names_a_country_of_stations = || {
            here.iter().any(|m| {
                matches!(m.what, What::Place { city: None, country: Some(c) } if countries::may_host(c) && known.has_stations_in(c))
            })
        };
        // A sentence of stations that names a station's city and no step reports the station
        // ("One of the stations is on Capel Street in Dublin"), as does a headline that names
        // a country of stations ("Expose China's Secret Police Stations in Japan"). (A country
        // in any sentence was tried: on the dev documents it found more steps in Chinese and
        // fewer in English.)
        let reports_stations = names_a_city_of_stations() || (headline && names_a_country_of_stations());
        // About stations: by its words, by the sentence before, or by a place of stations in a
        // text about stations ("The Chinese embassy has denied any wrong-doing in Dublin").
        // Asked only of a sentence that may report a step: one with a cue, or one of stations.
        let mut about_stations = || {
            // By its words or the sentence before, a sentence is about stations whatever places
            // it names; only otherwise are they looked for (most sentences ask this).
            let by_words = speaks_of_stations || follows_stations;
            // "The Dutch government has started an investigation into the facilities": a
            // demonym of a country of stations, in a text that names police stations.
            let names_a_station = !by_words
                && (names_a_city_of_stations()
                    || names_a_country_of_stations()
                    || (names_stations()
                        && countries::of_demonyms(words)
                            .iter()
                            .any(|c| countries::may_host(c) && known.has_stations_in(c))));
            // In a text about stations that names one or two, or whose stations are its
            // country's, a step with no word for a station is of them ("The Loon Fung previously
            // denied any wrongdoing", "Ardern said she had received no indications").
            let few = !named.is_empty() && (named.len() <= 2 || by_country);
            (names_a_station, by_words || ((names_a_station || few) && names_stations()))
        };
        let mut about: Option<(bool, bool)> = None;
        // A sentence of stations that no cue word reports a step in: the step model's reading
        // ("The Dutch government has started an investigation into the facilities"), told as
        // such to whoever reviews it, with how sure the model is.
        let mut by_the_model: Option<f32> = None;
        if statuses.is_empty() && about.get_or_insert_with(&mut about_stations).1 {
            if let Some((status, p)) = StepModel::shared().status_of(&lower) {
                statuses.push((status, 0));
                by_the_model = Some(p);
            }
        }
        if statuses.is_empty() && speaks_of_stations && reports_stations {
            statuses.push((StationStatus::Reported, 0));
        }
        if statuses.is_empty() {
            continue;
        }
        let (names_a_station, about_stations) = *about.get_or_insert_with(&mut about_stations);
        // A report that a station is there needs a word for it or its place: "成立" in a
        // sentence of neither is some other body's founding.
        let by_few_alone = !(speaks_of_stations || follows_stations || names_a_station);
        // Arrests, charges and a search stand alone only in a text that names police stations.
        let mut statuses: Vec<(StationStatus, usize)> = statuses
            .into_iter()
            .filter(|(s, _)| {
                about_stations && !(by_few_alone && *s == StationStatus::Reported)
                    || STANDING_ALONE.contains(s) && names_stations()
            })
            .collect();
        // A newsroom's "reported" (报道指, "it reported") says a station is there only in a
        // sentence with a word for one.
        if !speaks_of_stations && statuses.iter().all(|(s, _)| *s == StationStatus::Reported) && cues::only_news(&lower)
        {
            statuses.clear();
        }
        // A step the cue words read where the step model is sure none is reported is dropped.
        if statuses.is_empty() || StepModel::shared().reports_none(&lower) {
            continue;
        }
        // Where a body is based is not where its words' stations are.
        let is_seat = |m: &Mention| m.kind() == Kind::Place && countries::is_seat(text, m);
        let unseated: Vec<Mention>;
        let here = if here.iter().any(is_seat) {
            unseated = here.iter().filter(|m| !is_seat(m)).cloned().collect();
            unseated.as_slice()
        } else {
            here
        };
        let worldwide = cues::worldwide(&lower);
        let demonyms = countries::Demonyms::of(words);
        // A sentence that names no place, after one of stations in the same paragraph that named
        // their cities, speaks of those ("The police have visited each of the locations").
        let before = if follows_stations && !here.iter().any(|m| m.kind() == Kind::Place) {
            let stations = mentions_before
                .iter()
                .filter(|m| m.kind() == Kind::Place && !countries::is_seat(text, m))
                .flat_map(|m| known.stations_in(m, text))
                .collect();
            best_matching(&whole, stations)
        } else {
            Vec::new()
        };
        // A denial that names no place and no station of its own ("中國官員說,這些站點協助…更新
        // 駕照", "such posts do not exist") denies them all: it is of every station the text names.
        let denies_all =
            statuses.iter().all(|(s, _)| *s == StationStatus::Denied) && !here.iter().any(|m| m.kind() == Kind::Place);
        let stations_of = |clause: &[Mention]| {
            let found = or_before(concerned(&whole, clause, known, &named, by_country, worldwide, &demonyms), &before);
            if found.is_empty() && denies_all {
                named.clone()
            } else {
                found
            }
        };
        if stations_of(here).is_empty() {
            continue;
        }
        let times = times_of(text, here, sentence.start);
        let claimant = claimant(text, here, words, sentence.start);
        speaker::closure_by_speaker(&mut statuses, speaker::speaker(&lower, claimant.as_deref()), &lower);
        let quoted = sentences.quote(sentence, sentence.start, sentence.start);
        // The clauses each status was read in: a status's later cue is read only in a clause
        // of its own places.
        let mut read: Vec<(StationStatus, &[Mention])> = Vec::new();
        for (status, at) in &statuses {
            let clause = clauses::of_clause(
                &lower,
                here,
                sentence.start,
                *at,
                |m| matches!(m.what, What::Place { country: Some(c), .. } if countries::may_host(c)),
            );
            if read.iter().any(|(s, c)| s == status && std::ptr::eq(*c, clause)) {
                continue;
            }
            read.push((*status, clause));
            // News of the day: a step a text reports undated as it happens ("must be closed
            // immediately", "were charged") is of the text's date.
            // A text known only by its month gives no day to its news, and a step it says came
            // earlier (此前曾报道, "had previously ordered") is not of its day.
            let of_the_day = b.doc.published.filter(|d| {
                d.day().is_some()
                    && !headline
                    && OF_THE_DAY.contains(status)
                    && !EARLIER.iter().any(|w| lower.contains(w))
            });
            let date = nearest(&times, *at, &lower).ok().and_then(|date| date.or(of_the_day));
            let dated = date.map(|d| d.to_string()).unwrap_or_default();
            // One proposal for the stations the sentence reports the step of, each a statement;
            // a station already proposed this step at this date (an earlier sentence) is left out.
            let fresh: Vec<&KnownStation> = stations_of(clause)
                .into_iter()
                .filter(|s| b.seen.insert(format!("status {} {status} {dated}", s.id)))
                .collect();
            if fresh.is_empty() {
                continue;
            }
            let ids: Vec<&str> = fresh.iter().map(|s| s.id.as_str()).collect();
            let cities: Vec<&str> = fresh
                .iter()
                .map(|s| if s.city.is_empty() { s.country.as_deref().unwrap_or("?") } else { s.city.as_str() })
                .collect();
            let key = format!("step {} {status} {dated}", ids.join(" "));
            let summary = format!(
                "reports {} {} in {}: {}{}",
                if fresh.len() == 1 { "station" } else { "stations" },
                ids.join(", "),
                cities.join("; "),
                status.as_str().replace('_', " "),
                date.map(|d| format!(" ({d})")).unwrap_or_default()
            );
            let summary = match by_the_model {
                Some(p) => format!("{summary}; no cue word: the step model's reading, {:.0} % sure", p * 100.0),
                None => summary,
            };
            let claims = fresh
                .iter()
                .map(|s| ProposedClaim {
                    entity_id: s.id.clone(),
                    prop: "status".into(),
                    value: status.to_string(),
                    valid_from: date,
                })
                .collect();
            let entities = fresh.iter().map(|s| Entity { id: s.id.clone(), schema: Schema::Station }).collect();
            if b.push(key, ProposalKind::StatusStep, summary, &quoted, entities, claims) {
                if let Some(last) = b.out.last_mut() {
                    last.claimant = claimant.clone();
                }
            }
        }
    }
}

/// Whether `line`, a line with no full stop followed by `after`, is a headline: not a piece of
/// a sentence wrapped by the layout (the line, or the next one without a blank line between,
/// opens in lower case) nor a subheading of a few words.
fn is_headline(line: &str, after: &str) -> bool {
    let opens_low = |t: &str| t.trim_start().starts_with(char::is_lowercase);
    // What follows a blank line ("mm-logo" under a headline) goes on with no sentence.
    let breaks = |t: &str| t.matches('\n').count();
    let gap = breaks(&line[line.trim_end().len()..]) + breaks(&after[..after.len() - after.trim_start().len()]);
    let after = if gap >= 2 { "" } else { after };
    let line = line.trim();
    // Four words, or in Chinese eight characters.
    let chinese = line.chars().any(|c| c >= '\u{2E80}');
    let long = if chinese { line.chars().count() >= 8 } else { line.split_whitespace().count() >= 4 };
    long && !opens_low(line) && !opens_low(after)
}

/// The sentence with the names of the bodies it names blanked out: a step's words inside a name
/// ("Federal Bureau of Investigation", 新闻调查平台) report no step.
fn without_bodies(words: &str, here: &[Mention], sentence_start: usize) -> String {
    let bodies: Vec<(usize, usize)> = here
        .iter()
        .filter(|m| m.kind() == Kind::Organisation)
        .map(|m| (m.start.saturating_sub(sentence_start), m.end.saturating_sub(sentence_start)))
        .collect();
    words
        .chars()
        .enumerate()
        .map(|(i, c)| if bodies.iter().any(|&(s, e)| (s..e).contains(&i)) { ' ' } else { c })
        .collect()
}
