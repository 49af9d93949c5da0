//! The checks that keep the bundled record resting on originals (issue 16): each fails when the
//! data in `data/` drifts from what `data/README.md` promises.

use std::collections::{HashMap, HashSet};

use lookout_core::{guess_kind, Batch, Source, SourceId, SourceJudgement, SourceKind, Statement};
use lookout_import::{import_files, Bundled, ImportReport};

/// Stations no source read establishes except a copy, with why. The test fails if one of them
/// gains an original (take it off this list) or another station loses its last one.
const KNOWN_ONLY_FROM_COPIES: &[(&str, &str)] = &[(
    "station-ST006",
    "Guayaquil is named only by copies of Newsweek's list and of Diálogo; the originals were not found",
)];

/// Responses that rest on copies alone, by the copy they cite, with why: parliamentary records
/// read in a mirror whose official page was not in the stored pages, and reports seen only in a
/// reprint. The test fails if one of them gains an original or another response loses its last.
const RESPONSES_ONLY_FROM_COPIES: &[(&str, &str)] = &[
    ("https://www.kildarestreet.com/wrans/?id=2022-12-13a.749", "Dáil written answer read in a mirror"),
    ("https://www.kildarestreet.com/wrans/?id=2022-10-25a.785", "Dáil written answer read in a mirror"),
    ("https://www.openkamer.org/kamervraag/2022Z20802/", "Tweede Kamer answers read in a mirror"),
    ("https://www.indiandefensenews.in/2023/02/greek-mp-raises-alarm-over-pakistani.html", "Directus seen in a reprint"),
    (
        "https://megalodon.jp/ref/2025-0904-1335-08/https://dialogo-americas.com:443/articles/chinas-police-activities-in-latin-america-draw-scrutiny",
        "Diálogo read in an archive copy",
    ),
];

/// Figures that rest on copies alone (or an encyclopaedia), with why. The test fails if one of
/// them gains an original or another figure loses its last.
const FIGURES_ONLY_FROM_COPIES: &[(&str, &str)] = &[
    ("figure-F05", "Nikkei Asia's figure read in a copy: the stored page stops before it"),
    ("figure-F29", "known from Wikipedia only"),
    ("figure-F30", "known from copies of Wikipedia only"),
];

/// Hosting links that rest on copies alone, with why.
const HOSTS_ONLY_FROM_COPIES: &[(&str, &str)] = &[
    (
        "hosting-ST074-association-franco-chinoise-de-commerce-d-aubervilliers-afcc",
        "Marianne's article read through a newsletter's redirect",
    ),
    ("hosting-ST074-edf4512dafff", "Libération's article read on its staging site"),
];

struct Bundle {
    batch: Batch,
    report: ImportReport,
    judged: HashMap<SourceId, SourceJudgement>,
}

impl Bundle {
    fn load() -> Bundle {
        let gazetteer = lookout_geo::Gazetteer::bundled();
        let (batch, report) = import_files(&Bundled::files(), &gazetteer, "test").expect("the bundled data imports");
        let judged = batch.judgements.iter().map(|j| (j.source.clone(), j.clone())).collect();
        Bundle { batch, report, judged }
    }

    fn source(&self, id: &SourceId) -> &Source {
        self.batch.source(id).expect("every statement's source is in the batch")
    }

    /// Whether a source is a copy: judged a repost, or a copy of an original.
    fn is_copy(&self, id: &SourceId) -> bool {
        self.judged.get(id).is_some_and(|j| j.kind == SourceKind::Repost || j.copy_of.is_some())
    }

    /// Whether a source can establish a fact: judged by a person, not a copy, not a reference work.
    fn is_original(&self, id: &SourceId) -> bool {
        self.judged.contains_key(id) && !self.is_copy(id) && self.source(id).kind != SourceKind::Reference
    }

    fn statements<'b>(&'b self, entity_prefix: &'b str) -> impl Iterator<Item = &'b Statement> + 'b {
        self.batch.statements.iter().filter(move |s| s.entity_id.as_str().starts_with(entity_prefix))
    }

    fn entities(&self, prefix: &str) -> Vec<String> {
        let ids: HashSet<String> = self.statements(prefix).map(|s| s.entity_id.to_string()).collect();
        let mut ids: Vec<String> = ids.into_iter().collect();
        ids.sort();
        ids
    }

    /// Entities of `prefix` none of whose statements cites an original.
    fn resting_on_copies(&self, prefix: &str, props: Option<&[&str]>) -> Vec<String> {
        self.entities(prefix)
            .into_iter()
            .filter(|e| {
                !self
                    .statements(prefix)
                    .filter(|s| s.entity_id.as_str() == e && props.is_none_or(|p| p.contains(&s.prop.as_str())))
                    .any(|s| self.is_original(&s.source_id))
            })
            .collect()
    }
}

#[test]
fn every_station_is_established_by_an_original() {
    let bundle = Bundle::load();
    bundle.report.check_references(&bundle.batch, |_| None).expect("every reference within the bundle");
    let lacking = bundle.resting_on_copies("station-", Some(&["city", "unlocatedReason"]));
    let known: Vec<String> = KNOWN_ONLY_FROM_COPIES.iter().map(|(id, _)| id.to_string()).collect();
    assert_eq!(lacking, known, "stations whose city (or why it is unknown) cites no original");
}

#[test]
fn every_source_is_judged_and_every_repost_names_its_original() {
    let bundle = Bundle::load();
    let geonames = lookout_import::geonames_source().id;
    for source in bundle.batch.sources.iter().filter(|s| s.id != geonames) {
        let judged =
            bundle.judged.get(&source.id).unwrap_or_else(|| panic!("{} is not in data/sources.csv", source.url));
        assert!(source.kind_guess.is_none(), "{}: its kind is judged, not guessed", source.url);
        let on_repost_host = guess_kind(&source.url).0 == SourceKind::Repost;
        if on_repost_host || judged.kind == SourceKind::Repost {
            let original = judged.copy_of.as_ref().unwrap_or_else(|| panic!("{} copies no original", source.url));
            assert!(!bundle.is_copy(original), "{}: its original {original} is itself a copy", source.url);
        }
    }
}

#[test]
fn every_status_step_has_a_source_and_a_date_or_says_why_not() {
    let bundle = Bundle::load();
    let undated_lines: HashSet<String> =
        csv::Reader::from_path(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/status_events.csv"))
            .unwrap()
            .records()
            .map(Result::unwrap)
            .filter(|r| r[1].trim().is_empty() && r[6].to_lowercase().contains("undated"))
            .map(|r| format!("data/status_events.csv line {}", r.position().unwrap().line()))
            .collect();
    let steps: Vec<&Statement> = bundle.statements("station-").filter(|s| s.prop == "status").collect();
    assert!(steps.len() > 250, "{} steps", steps.len());
    for step in steps {
        let source = bundle.source(&step.source_id);
        assert!(source.url.starts_with("http"), "{}: a step cites a web source", step.entity_id);
        let page = step.locator.page.clone().unwrap_or_default();
        assert!(
            step.valid_from.is_some() || undated_lines.contains(&page),
            "{} {} ({page}): no date, and no note saying why",
            step.entity_id,
            step.value
        );
    }
}

#[test]
fn every_response_and_figure_cites_an_original() {
    let bundle = Bundle::load();
    let mut copies: Vec<String> = bundle
        .resting_on_copies("response-", None)
        .iter()
        .flat_map(|r| bundle.statements(r).map(|s| bundle.source(&s.source_id).url.clone()).collect::<Vec<_>>())
        .collect();
    copies.sort();
    copies.dedup();
    let mut known: Vec<String> = RESPONSES_ONLY_FROM_COPIES.iter().map(|(url, _)| url.to_string()).collect();
    known.sort();
    assert_eq!(copies, known, "the sources of the responses that cite no original");
    let known: Vec<String> = FIGURES_ONLY_FROM_COPIES.iter().map(|(id, _)| id.to_string()).collect();
    assert_eq!(bundle.resting_on_copies("figure-", None), known, "figures that cite no original");
    let known: Vec<String> = HOSTS_ONLY_FROM_COPIES.iter().map(|(id, _)| id.to_string()).collect();
    assert_eq!(bundle.resting_on_copies("hosting-", None), known, "hosting links that cite no original");
}

/// The counts `data/README.md` states, as `| what | n |` rows between its `counts` markers.
fn stated_counts() -> HashMap<String, u64> {
    let readme = include_str!("../../../data/README.md");
    let table = readme.split("<!-- counts -->").nth(1).expect("data/README.md has a counts table");
    table
        .lines()
        .filter_map(|l| {
            let cells: Vec<&str> = l.trim().trim_matches('|').split('|').map(str::trim).collect();
            Some((cells.first()?.to_string(), cells.get(1)?.replace(',', "").parse().ok()?))
        })
        .collect()
}

#[test]
fn the_counts_data_readme_states_are_the_files() {
    let bundle = Bundle::load();
    let stations = bundle.entities("station-");
    let with = |prop: &str| {
        stations.iter().filter(|e| bundle.statements(e).any(|s| s.entity_id.as_str() == *e && s.prop == prop)).count()
    };
    let steps: HashSet<(String, String, Option<String>, Option<String>)> = bundle
        .statements("station-")
        .filter(|s| s.prop == "status")
        .map(|s| (s.entity_id.to_string(), s.value.clone(), s.valid_from.map(|d| d.to_string()), s.claimant.clone()))
        .collect();
    let hosted: HashSet<&str> =
        bundle.statements("hosting-").filter(|s| s.prop == "station").map(|s| s.value.as_str()).collect();
    let actual: HashMap<&str, u64> = [
        ("stations in the record", stations.len()),
        ("located at a city", with("city")),
        ("reported but not located", with("unlocatedReason")),
        ("established by an original source", stations.len() - KNOWN_ONLY_FROM_COPIES.len()),
        ("with a named, cited host", hosted.len()),
        ("status steps", steps.len()),
        ("status steps with a date of their own", steps.iter().filter(|s| s.2.is_some()).count()),
        ("sources", bundle.batch.sources.len() - 1),
        ("sources judged by a person", bundle.judged.len()),
        ("responses", bundle.entities("response-").len()),
        (
            "responses citing an original source",
            bundle.entities("response-").len() - bundle.resting_on_copies("response-", None).len(),
        ),
        ("figures", bundle.entities("figure-").len()),
        ("figures citing an original source", bundle.entities("figure-").len() - FIGURES_ONLY_FROM_COPIES.len()),
    ]
    .into_iter()
    .map(|(k, v)| (k, v as u64))
    .collect();
    let stated = stated_counts();
    for (what, n) in &actual {
        assert_eq!(stated.get(*what), Some(n), "data/README.md's count of {what:?}");
    }
    assert_eq!(stated.len(), actual.len(), "data/README.md states a count this test does not check: {stated:?}");
    let readme = include_str!("../../../README.md");
    let claim = format!("{} reported stations", actual["stations in the record"]);
    assert!(readme.contains(&claim), "README.md says {claim:?}");
}
