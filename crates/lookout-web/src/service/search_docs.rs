//! The public record as search documents: each entity a visitor can open, titled by its name in
//! English and Chinese, its text made of sentences (`Run by Fuzhou Public Security Bureau
//! (福州市公安局).`, `Status: closure ordered (per Irish Department of Foreign Affairs).`), never
//! of raw values or ids. Links (who runs, hosts or belongs to what) are not documents of their
//! own: each is told as a sentence on both its ends, so a search for a bureau finds its stations.
//! Places are told on the stations they locate. Names come from the record only (a bureau's
//! Chinese name is a statement with its source, `data/bureau_names.csv`). Coordinates, GeoNames codes and populations are
//! not searched.

use std::collections::HashMap;

use lookout_core::{EntityView, Schema, StationStatus};
use lookout_search::SearchDoc;
use lookout_store::{EntityFilter, Store};

use crate::error::WebError;
use crate::i18n::{Lang, Localized, Text};

/// Properties that are numbers or codes, not words anyone searches for.
const UNSEARCHED: [&str; 5] = ["latitude", "longitude", "geonamesId", "admin1", "population"];

fn has_han(text: &str) -> bool {
    text.chars().any(lookout_text::is_han)
}

/// An entity's names: in English, in Chinese (as the record and the bureaus' table hold them).
struct Names {
    en: String,
    zh: String,
    all: Vec<String>,
}

impl Names {
    /// The English name, with the Chinese one after it where there is one.
    fn both(&self) -> String {
        if self.zh.is_empty() || self.zh == self.en {
            self.en.clone()
        } else {
            format!("{} ({})", self.en, self.zh)
        }
    }
}

/// The names of every public entity, by id.
fn names_of(views: &[EntityView], countries: &Localized<'_>) -> HashMap<String, Names> {
    let mut names: HashMap<String, Names> = HashMap::with_capacity(views.len());
    let country = |code: Option<&str>, lang: Lang| {
        code.map(|c| Localized { countries: countries.countries, lang }.name(c)).unwrap_or_default()
    };
    // Places first: stations are named by theirs.
    for v in views.iter().filter(|v| v.schema() == Schema::Place) {
        let all: Vec<String> = v.values("name").into_iter().map(str::to_string).collect();
        let en = all.iter().find(|n| !has_han(n)).cloned().unwrap_or_default();
        let zh = all.iter().find(|n| has_han(n)).cloned().unwrap_or_default();
        names.insert(v.entity.id.to_string(), Names { en, zh, all });
    }
    for v in views.iter().filter(|v| v.schema() != Schema::Place) {
        let all: Vec<String> = v.values("name").into_iter().chain(v.values("alias")).map(str::to_string).collect();
        let (en, zh) = match v.schema() {
            Schema::Station => {
                let place = v.first("place").and_then(|p| names.get(p));
                let code = v.first("country");
                match v.first("city") {
                    Some(city) => {
                        let city_zh = place.map(|p| p.zh.as_str()).filter(|z| !z.is_empty()).unwrap_or(city);
                        (
                            format!("{city}, {}", country(code, Lang::En)),
                            format!("{city_zh}，{}", country(code, Lang::Zh)),
                        )
                    }
                    None => {
                        let key = lookout_core::ids::station_key(&v.entity.id);
                        (
                            format!("Station {key}, {} (not located)", country(code, Lang::En)),
                            format!("{key} 站，{}（未定位）", country(code, Lang::Zh)),
                        )
                    }
                }
            }
            Schema::Response => {
                let actors = v.values("actor").join("; ");
                (format!("{}: {actors}", v.first("date").unwrap_or("")), String::new())
            }
            _ => (
                all.iter().find(|n| !has_han(n)).or(all.first()).cloned().unwrap_or_else(|| v.entity.id.to_string()),
                all.iter().find(|n| has_han(n)).cloned().unwrap_or_default(),
            ),
        };
        names.insert(v.entity.id.to_string(), Names { en, zh, all });
    }
    names
}

/// A property's name as words: `legalForm` → `legal form`.
fn words_of(prop: &str) -> String {
    let label = Text::of(Lang::En).prop(prop);
    if label != prop {
        return label;
    }
    let mut words = String::with_capacity(prop.len() + 4);
    for c in prop.chars() {
        if c.is_uppercase() {
            words.push(' ');
        }
        words.extend(c.to_lowercase());
    }
    words
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// What a link says of each of its ends: (the end's property, the sentence's start for that end).
fn link_roles(schema: Schema) -> Option<[(&'static str, &'static str); 2]> {
    match schema {
        Schema::Operation => Some([("station", "Run by"), ("operator", "Runs the station in")]),
        Schema::Hosting => Some([("station", "Hosted by"), ("host", "Hosts the station in")]),
        Schema::Membership => Some([("member", "Member of"), ("organization", "Member:")]),
        Schema::Link => Some([("subject", "Linked to"), ("object", "Linked to")]),
        _ => None,
    }
}

/// Every public entity a visitor can open, as a search document.
pub async fn entity_docs<S: Store>(store: &S, countries: &Localized<'_>) -> Result<Vec<SearchDoc>, WebError> {
    let records = store.list_entities(&EntityFilter::default()).await?;
    let views: Vec<EntityView> = records.into_iter().map(|r| EntityView::fold(r.entity, &r.statements)).collect();
    let names = names_of(&views, countries);
    let en = Text::of(Lang::En);
    // Sentences each entity gets from the links that end at it.
    let mut told: HashMap<String, Vec<String>> = HashMap::new();
    for v in views.iter().filter(|v| v.schema().is_link()) {
        let Some(roles) = link_roles(v.schema()) else { continue };
        let ends: Vec<Option<&str>> = roles.iter().map(|(prop, _)| v.first(prop)).collect();
        let (Some(a), Some(b)) = (ends[0], ends[1]) else { continue };
        let (Some(name_a), Some(name_b)) = (names.get(a), names.get(b)) else { continue };
        let role = v.values("role").join("; ");
        let role = if role.is_empty() { String::new() } else { format!(" ({role})") };
        told.entry(a.to_string()).or_default().push(format!("{} {}{role}.", roles[0].1, name_b.both()));
        told.entry(b.to_string()).or_default().push(format!("{} {}{role}.", roles[1].1, name_a.both()));
    }
    let mut docs = Vec::with_capacity(views.len());
    for v in views.iter().filter(|v| !v.schema().is_link() && v.schema() != Schema::Place) {
        let id = v.entity.id.to_string();
        let Some(own) = names.get(&id) else { continue };
        let mut sentences: Vec<String> = Vec::new();
        for p in v.props.iter().filter(|p| !UNSEARCHED.contains(&p.prop.as_str())) {
            let is_link = v.schema().property(&p.prop).is_ok_and(|q| q.kind.is_entity());
            for value in p.values.iter().filter(|value| !value.asserted_by.is_empty()) {
                let said = if is_link {
                    match names.get(&value.value) {
                        Some(n) => n.all.iter().fold(n.both(), |s, name| {
                            if s.contains(name.as_str()) {
                                s
                            } else {
                                format!("{s} · {name}")
                            }
                        }),
                        None => continue,
                    }
                } else {
                    match p.prop.as_str() {
                        "status" => {
                            value.value.parse::<StationStatus>().map(|s| en.status(s)).unwrap_or(value.value.clone())
                        }
                        "action" => en.action(&value.value),
                        "country" => Names {
                            en: countries.get(&value.value).map(|c| c.name.clone()).unwrap_or(value.value.clone()),
                            zh: countries.get(&value.value).and_then(|c| c.zh_hans.clone()).unwrap_or_default(),
                            all: Vec::new(),
                        }
                        .both(),
                        _ => value.value.clone(),
                    }
                };
                let mut claimants: Vec<&str> = value.asserted_by.iter().filter_map(|s| s.claimant.as_deref()).collect();
                claimants.sort_unstable();
                claimants.dedup();
                let per = if claimants.is_empty() { String::new() } else { format!(" (per {})", claimants.join("; ")) };
                sentences.push(format!("{}: {said}{per}.", capitalised(&words_of(&p.prop))));
            }
        }
        sentences.extend(told.remove(&id).unwrap_or_default());
        sentences.dedup();
        docs.push(SearchDoc {
            id,
            schema: v.schema().to_string(),
            country: v.first("country").map(str::to_string),
            title: own.en.clone(),
            title_zh: own.zh.clone(),
            body: sentences.join("\n"),
            names: own.all.clone(),
        });
    }
    Ok(docs)
}
