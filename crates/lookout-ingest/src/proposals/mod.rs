//! Proposed statements from a document's mentions, each quoting its sentence:
//!
//! - a sentence about a police station that names the city of a known station → "the document
//!   mentions station S in city C" (and, when it also names a known bureau, that the bureau
//!   operates it);
//! - a known bureau or organisation named (in any script) → that name as its name or alias, cited
//!   to the document;
//! - a bureau or association the record does not have → a new entity with that name;
//! - a figure with what it counts → a new figure claimed by the document, as of a date of the same
//!   sentence or the document's date.
//!
//! Each suggestion is made once per document (at its first sentence); none is a statement of the
//! record until someone accepts it.

use std::collections::HashSet;

use lookout_core::ids::{operation_id, stable_digest};
use lookout_core::{Entity, EntityId, PartialDate, Proposal, ProposalKind, ProposedClaim, Schema, SourceId};

mod clauses;
mod concerned;
mod countries;
mod cue_guards;
mod cue_words;
mod cues;
mod inquiries;
mod known;
mod qualifiers;
mod speaker;
mod station_words;
mod step_dates;
mod step_model;
mod steps;

pub use known::{Known, KnownBody, KnownStation};

use crate::sentences::Sentences;
use crate::{Kind, Mention, What};

/// Each sentence of `text` as the status steps read it, with the features the step model reads
/// in it: what `scripts/train_step_model.py` trains the model on.
pub fn step_sentences(text: &str) -> Vec<(String, Vec<String>)> {
    let mut sentences = Sentences::new(text);
    let mut out = Vec::new();
    let mut lower = String::new();
    while let Some(sentence) = sentences.next_sentence() {
        let words = sentences.words(sentence);
        lookout_text::lower_into(&lookout_text::fold(words), &mut lower);
        out.push((words.trim().to_string(), step_model::features(&lower)));
    }
    out
}

/// Most proposals made from one document.
pub const MAX_PER_DOCUMENT: usize = 200;

/// Words that make a sentence one about a police station.
const STATION_WORDS: &[&str] = &[
    "police station",
    "police service station",
    "service station",
    "police office",
    "overseas police",
    "service centre",
    "service center",
    "服务站",
    "服務站",
    "警务站",
    "警務站",
    "警侨",
    "警僑",
    "派出所",
    "服务中心",
    // 秘密警站, 关闭所谓的警崗, 海外警局: short words for a station (not 警局 alone, a city's
    // police).
    "警站",
    "警岗",
    "海外警局",
    "地下警局",
];

/// The document the mentions come from.
#[derive(Debug, Clone)]
pub struct DocumentRef {
    /// Its source.
    pub source_id: SourceId,
    /// Its SHA-256.
    pub sha256: String,
    /// Who the figures are claimed by (publisher, host or file name).
    pub claimant: String,
    /// When it was published, where known.
    pub published: Option<PartialDate>,
}

/// A police or public security body (the kind that runs stations).
fn is_security_bureau(name: &str) -> bool {
    let lower = name.to_lowercase();
    ["公安", "public security", "psb", "police"].iter().any(|w| lower.contains(w))
}

/// A Chinese public security bureau, whose country is China.
fn is_chinese_bureau(name: &str) -> bool {
    let lower = name.to_lowercase();
    ["公安", "public security", "psb"].iter().any(|w| lower.contains(w))
}

/// A body of a state: police, ministries, departments, courts, parliaments, embassies.
fn is_public_body(name: &str) -> bool {
    const EN: &[&str] = &[
        "Ministry",
        "Department",
        "Police",
        "Court",
        "Parliament",
        "Embassy",
        "Consulate",
        "Agency",
        "Bureau",
        "Commission",
        "Government",
        "Senate",
        "Congress",
        "Procuratorate",
        "Prosecutor",
        "Assembly",
        "Legislature",
        "Yuan",
        "Office",
        "Service",
        "Constabulary",
        "Gendarmerie",
        "Oireachtas",
        "Europol",
        "Interpol",
    ];
    const ZH: &[&str] = &[
        "部",
        "局",
        "署",
        "厅",
        "使馆",
        "领事馆",
        "政府",
        "议会",
        "国会",
        "法院",
        "检察",
        "警",
        "公安",
        "国务院",
        "立法院",
    ];
    let folded = lookout_text::fold(name);
    is_security_bureau(name)
        || name.split_whitespace().any(|w| EN.contains(&w))
        || ZH.iter().any(|z| folded.contains(z))
}

fn number_text(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

struct Builder<'a> {
    doc: &'a DocumentRef,
    out: Vec<Proposal>,
    seen: HashSet<String>,
}

impl Builder<'_> {
    /// Whether a suggestion under `key` would still be made.
    fn wants(&self, key: &str) -> bool {
        self.out.len() < MAX_PER_DOCUMENT && !self.seen.contains(key)
    }

    fn push(
        &mut self,
        key: String,
        kind: ProposalKind,
        summary: String,
        quoted: &(String, (u32, u32)),
        entities: Vec<Entity>,
        claims: Vec<ProposedClaim>,
    ) -> bool {
        if self.out.len() >= MAX_PER_DOCUMENT || !self.seen.insert(key) {
            return false;
        }
        self.out.push(
            Proposal {
                id: String::new(),
                kind,
                source_id: self.doc.source_id.clone(),
                document: self.doc.sha256.clone(),
                summary,
                claimant: None,
                quote: quoted.0.clone(),
                span: Some(quoted.1),
                entities,
                claims,
            }
            .identified(),
        );
        true
    }
}

fn claim(entity: &EntityId, prop: &str, value: impl Into<String>) -> ProposedClaim {
    ProposedClaim { entity_id: entity.clone(), prop: prop.into(), value: value.into(), valid_from: None }
}

/// The proposals of one document: `mentions` are those of `text`, in order, organisation
/// mentions already linked to the record's bodies where they match.
pub fn propose(text: &str, mentions: &[Mention], known: &Known, doc: &DocumentRef) -> Vec<Proposal> {
    let mut sentences = Sentences::new(text);
    let mut b = Builder { doc, out: Vec::new(), seen: HashSet::new() };
    // Mentions grouped by sentence, in order.
    let mut groups: Vec<(crate::sentences::Sentence, Vec<&Mention>)> = Vec::new();
    for m in mentions {
        let Some(s) = sentences.around(m.start) else { continue };
        match groups.last_mut() {
            Some((last, ms)) if *last == s => ms.push(m),
            _ => groups.push((s, vec![m])),
        }
    }
    for (sentence, ms) in &groups {
        if b.out.len() >= MAX_PER_DOCUMENT {
            break;
        }
        let quote_of = |m: &Mention| sentences.quote(*sentence, m.start, m.end.min(sentence.end));
        let bodies_here: Vec<&KnownBody> = ms.iter().filter_map(|m| known.body(m)).collect();
        // Places of known stations, not yet proposed from this document.
        let found: Vec<(&Mention, Vec<&KnownStation>)> = ms
            .iter()
            .filter(|m| m.kind() == Kind::Place)
            .map(|m| (*m, known.stations_in(m, text)))
            .filter(|(_, at)| at.iter().any(|s| b.wants(&format!("station {}", s.id))))
            .collect();
        // About a station: station words, or a bureau named in the same sentence as a station's city.
        let about_station = || {
            let words = sentences.quote(*sentence, sentence.start, sentence.start).0.to_lowercase();
            ms.iter().any(|m| m.kind() == Kind::Organisation && is_security_bureau(m.text_in(text)))
                || STATION_WORDS.iter().any(|w| words.contains(w))
        };
        if !found.is_empty() && about_station() {
            // The operator is said only when the sentence names one station and one bureau.
            let bureaus: Vec<&&KnownBody> = bodies_here.iter().filter(|k| k.schema == Schema::PublicBody).collect();
            let one_station = found.iter().map(|(_, s)| s.len()).sum::<usize>() == 1;
            let operator = if let ([body], true) = (bureaus.as_slice(), one_station) { Some(**body) } else { None };
            for (m, stations) in &found {
                let quoted = quote_of(m);
                for s in stations {
                    let mut entities = vec![Entity { id: s.id.clone(), schema: Schema::Station }];
                    let mut claims = vec![claim(&s.id, "city", &s.city)];
                    let mut summary = format!("mentions station {} in {}", s.id, s.city);
                    if let Some(body) = operator {
                        let op = operation_id(&s.id, &body.id);
                        if let Ok(op) = op {
                            entities.push(Entity { id: body.id.clone(), schema: Schema::PublicBody });
                            entities.push(Entity { id: op.clone(), schema: Schema::Operation });
                            claims.push(claim(&op, "station", s.id.as_str()));
                            claims.push(claim(&op, "operator", body.id.as_str()));
                            summary.push_str(&format!(
                                ", operated by {}",
                                body.names.first().unwrap_or(&body.id.to_string())
                            ));
                        }
                    }
                    if stations.len() > 1 {
                        summary.push_str(&format!(" (one of {} stations there)", stations.len()));
                    }
                    b.push(
                        format!("station {}", s.id),
                        ProposalKind::StationMention,
                        summary,
                        &quoted,
                        entities,
                        claims,
                    );
                }
            }
        }
        for m in ms.iter().filter(|m| m.kind() == Kind::Organisation) {
            let body = known.body(m);
            let words = m.text_in(text);
            let key = match body {
                Some(body) => format!("body {} {words}", body.id),
                None => format!("new {words}"),
            };
            if !b.wants(&key) {
                continue;
            }
            let quoted = quote_of(m);
            match body {
                Some(body) => {
                    let label = body.names.first().cloned().unwrap_or_else(|| body.id.to_string());
                    // A name the record has (in any case) is corroborated as the record writes it;
                    // another spelling is proposed as an alias.
                    let known = body.names.iter().position(|n| n.to_lowercase() == words.to_lowercase());
                    let (prop, value, summary) = match known {
                        Some(0) => ("name", label.clone(), format!("names {label}")),
                        Some(i) => ("alias", body.names[i].clone(), format!("names {label} as “{}”", body.names[i])),
                        None => ("alias", words.to_string(), format!("names {label} as “{words}”, a new spelling")),
                    };
                    b.push(
                        key,
                        ProposalKind::BodyMention,
                        summary,
                        &quoted,
                        vec![Entity { id: body.id.clone(), schema: body.schema }],
                        vec![claim(&body.id, prop, value)],
                    );
                }
                None => {
                    let (schema, prefix) = if is_public_body(words) {
                        (Schema::PublicBody, "publicbody")
                    } else {
                        (Schema::Organization, "organization")
                    };
                    let digest = stable_digest(&[&words.to_lowercase()]);
                    let Ok(id) = EntityId::new(format!("{prefix}-x{}", &digest[..12])) else { continue };
                    let mut claims = vec![claim(&id, "name", words)];
                    if is_chinese_bureau(words) {
                        claims.push(claim(&id, "country", "CN"));
                    }
                    b.push(
                        key,
                        ProposalKind::NewBody,
                        format!(
                            "names {} not in the record: “{}”",
                            if schema == Schema::PublicBody { "a public body" } else { "an organisation" },
                            words
                        ),
                        &quoted,
                        vec![Entity { id: id.clone(), schema }],
                        claims,
                    );
                }
            }
        }
        for m in ms.iter() {
            let What::Figure { value, unit } = &m.what else { continue };
            let (value, unit) = (*value, &text[unit.clone()]);
            let value = number_text(value);
            let key = format!("figure {value} {unit}");
            if !b.wants(&key) {
                continue;
            }
            // As of the nearest date before it in the sentence ("by December 2022 it listed 102"),
            // else the document's date.
            let date_here: Option<PartialDate> = ms
                .iter()
                .filter(|d| d.end <= m.start)
                .filter_map(|d| match d.what {
                    What::Date(date) => Some(date),
                    _ => None,
                })
                .next_back();
            let digest = stable_digest(&[doc.source_id.as_str(), &value, unit]);
            let Ok(id) = EntityId::new(format!("figure-x{}", &digest[..12])) else { continue };
            let mut claims = vec![
                claim(&id, "name", m.text_in(text)),
                claim(&id, "value", &value),
                claim(&id, "claimedBy", &doc.claimant),
            ];
            let as_of: Option<PartialDate> = date_here.or(doc.published);
            if let Some(d) = as_of {
                claims.push(ProposedClaim { valid_from: Some(d), ..claim(&id, "asOf", d.to_string()) });
            }
            b.push(
                key,
                ProposalKind::Figure,
                format!("claims {value} {unit}{}", as_of.map(|d| format!(" as of {d}")).unwrap_or_default()),
                &quote_of(m),
                vec![Entity { id, schema: Schema::Figure }],
                claims,
            );
        }
    }
    steps::propose(text, mentions, known, &mut b);
    b.out
}

#[cfg(test)]
mod tests;
