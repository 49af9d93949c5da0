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

use std::collections::{HashMap, HashSet};

use lookout_core::ids::stable_digest;
use lookout_core::{Entity, EntityId, PartialDate, Proposal, ProposalKind, ProposedClaim, Schema, SourceId};

use crate::sentences::Sentences;
use crate::{Kind, Mention, What};

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
];

/// A station of the record, as proposals find it.
#[derive(Debug, Clone)]
pub struct KnownStation {
    /// Its id.
    pub id: EntityId,
    /// Its city, as the record writes it.
    pub city: String,
    /// The GeoNames id of its place, where known.
    pub geonameid: Option<u32>,
}

/// A bureau or organisation of the record.
#[derive(Debug, Clone)]
pub struct KnownBody {
    /// Its id (what an organisation mention's `entity_id` holds once linked).
    pub id: EntityId,
    /// `PublicBody` or `Organization`.
    pub schema: Schema,
    /// Its names and aliases, the first its name.
    pub names: Vec<String>,
}

/// What the record already knows, indexed for the mentions of documents.
#[derive(Debug, Clone, Default)]
pub struct Known {
    stations: Vec<KnownStation>,
    bodies: Vec<KnownBody>,
    /// GeoNames id of their place → stations there (positions).
    stations_at: HashMap<u32, Vec<usize>>,
    /// Lower-case city → stations there (positions).
    stations_named: HashMap<String, Vec<usize>>,
    /// Body id → position.
    body_at: HashMap<String, usize>,
}

impl Known {
    /// The record's stations and bodies.
    pub fn new(stations: Vec<KnownStation>, bodies: Vec<KnownBody>) -> Known {
        let (mut stations_at, mut stations_named): (HashMap<u32, Vec<usize>>, HashMap<String, Vec<usize>>) =
            Default::default();
        for (i, s) in stations.iter().enumerate() {
            if let Some(g) = s.geonameid {
                stations_at.entry(g).or_default().push(i);
            }
            stations_named.entry(s.city.to_lowercase()).or_default().push(i);
        }
        let body_at = bodies.iter().enumerate().map(|(i, b)| (b.id.to_string(), i)).collect();
        Known { stations, bodies, stations_at, stations_named, body_at }
    }

    /// The stations in the place a mention names (by its GeoNames id, or its words).
    fn stations_in(&self, m: &Mention, text: &str) -> Vec<&KnownStation> {
        let place = match m.what {
            What::Place { city: Some(geonameid), .. } => self.stations_at.get(&geonameid),
            _ => None,
        };
        let mut at: Vec<usize> = place.cloned().unwrap_or_default();
        if let Some(by_name) = self.stations_named.get(&m.text_in(text).to_lowercase()) {
            at.extend(by_name.iter().filter(|i| !at.contains(i)).collect::<Vec<_>>());
        }
        at.sort_unstable();
        at.into_iter().map(|i| &self.stations[i]).collect()
    }

    /// The body a linked mention names.
    fn body(&self, m: &Mention) -> Option<&KnownBody> {
        match &m.what {
            What::Organisation { entity: Some(id) } => self.body_at.get(id.as_str()).map(|i| &self.bodies[*i]),
            _ => None,
        }
    }
}

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

fn is_public_body(name: &str) -> bool {
    let lower = name.to_lowercase();
    ["公安", "public security", "psb", "police"].iter().any(|w| lower.contains(w))
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
    ) {
        if self.out.len() >= MAX_PER_DOCUMENT || !self.seen.insert(key) {
            return;
        }
        self.out.push(
            Proposal {
                id: String::new(),
                kind,
                source_id: self.doc.source_id.clone(),
                document: self.doc.sha256.clone(),
                summary,
                quote: quoted.0.clone(),
                span: Some(quoted.1),
                entities,
                claims,
            }
            .identified(),
        );
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
            ms.iter().any(|m| m.kind() == Kind::Organisation && is_public_body(m.text_in(text)))
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
                        let op = EntityId::new(format!(
                            "operation-{}-{}",
                            s.id.as_str().trim_start_matches("station-"),
                            body.id.as_str().trim_start_matches("publicbody-")
                        ));
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
                    if schema == Schema::PublicBody {
                        claims.push(claim(&id, "country", "CN"));
                    }
                    b.push(
                        key,
                        ProposalKind::NewBody,
                        format!(
                            "names {} not in the record: “{}”",
                            if schema == Schema::PublicBody { "a bureau" } else { "an organisation" },
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
    b.out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mentions::testing;

    fn known() -> Known {
        Known::new(
            vec![
                KnownStation {
                    id: EntityId::new("station-ST033").unwrap(),
                    city: "Rotterdam".into(),
                    geonameid: Some(2747891),
                },
                KnownStation {
                    id: EntityId::new("station-ST034").unwrap(),
                    city: "Amsterdam".into(),
                    geonameid: Some(2759794),
                },
            ],
            vec![KnownBody {
                id: EntityId::new("publicbody-fuzhou-psb").unwrap(),
                schema: Schema::PublicBody,
                names: vec!["Fuzhou Public Security Bureau".into(), "Fuzhou PSB".into()],
            }],
        )
    }

    fn doc() -> DocumentRef {
        DocumentRef {
            source_id: SourceId::for_url("https://nos.nl/x"),
            sha256: "a".repeat(64),
            claimant: "nos.nl".into(),
            published: Some("2022-11-01".parse().unwrap()),
        }
    }

    /// Mentions with bodies linked the way `lookout ingest` links them (here: by a known name).
    fn mentions(text: &str) -> Vec<Mention> {
        let mut ms = testing::mentions(text);
        for m in ms.iter_mut().filter(|m| m.kind() == Kind::Organisation) {
            if m.text_in(text).starts_with("Fuzhou") || m.text_in(text).starts_with("福州") {
                m.what = What::Organisation { entity: Some(EntityId::new("publicbody-fuzhou-psb").unwrap()) };
            }
        }
        ms
    }

    #[test]
    fn a_station_sentence_proposes_the_station_and_its_operator() {
        let text = "Officials said the police station in Rotterdam was run by the Fuzhou PSB. \
                    Rotterdam has a large port.";
        let ps = propose(text, &mentions(text), &known(), &doc());
        let station: Vec<_> = ps.iter().filter(|p| p.kind == ProposalKind::StationMention).collect();
        assert_eq!(station.len(), 1, "{ps:#?}");
        let p = station[0];
        assert_eq!(p.quote, "Officials said the police station in Rotterdam was run by the Fuzhou PSB.");
        let (a, b) = p.span.unwrap();
        assert_eq!(p.quote.chars().skip(a as usize).take((b - a) as usize).collect::<String>(), "Rotterdam");
        let claims: Vec<(&str, &str)> = p.claims.iter().map(|c| (c.prop.as_str(), c.value.as_str())).collect();
        assert_eq!(
            claims,
            [("city", "Rotterdam"), ("station", "station-ST033"), ("operator", "publicbody-fuzhou-psb")]
        );
        assert!(p.summary.contains("operated by Fuzhou Public Security Bureau"), "{}", p.summary);
        let alias = ps.iter().find(|p| p.kind == ProposalKind::BodyMention).unwrap();
        assert_eq!((alias.claims[0].prop.as_str(), alias.claims[0].value.as_str()), ("alias", "Fuzhou PSB"));
    }

    #[test]
    fn two_bureaus_and_two_stations_in_one_sentence_say_nothing_of_who_runs_which() {
        let text = "据报道，福州市公安局和青田县公安局在荷兰鹿特丹和阿姆斯特丹设立了海外服务站。";
        let ps = propose(text, &mentions(text), &known(), &doc());
        let stations: Vec<_> = ps.iter().filter(|p| p.kind == ProposalKind::StationMention).collect();
        assert_eq!(stations.len(), 2);
        assert!(stations.iter().all(|p| p.claims.len() == 1), "{stations:#?}");
    }

    #[test]
    fn chinese_city_names_find_the_station_and_figures_take_the_sentence_date() {
        let text = "据报道，福州市公安局在鹿特丹设立了海外警务服务站。2022年12月，共有102个海外警务站。";
        let ps = propose(text, &mentions(text), &known(), &doc());
        let station = ps.iter().find(|p| p.kind == ProposalKind::StationMention).expect("station");
        assert_eq!(station.claims[0].value, "Rotterdam");
        assert_eq!(station.claims.len(), 3, "the bureau in the sentence operates it");
        let figure = ps.iter().find(|p| p.kind == ProposalKind::Figure).expect("figure");
        let get = |prop: &str| figure.claims.iter().find(|c| c.prop == prop).map(|c| c.value.clone());
        assert_eq!(get("value").as_deref(), Some("102"));
        assert_eq!(get("asOf").as_deref(), Some("2022-12"));
        assert_eq!(get("claimedBy").as_deref(), Some("nos.nl"));
        assert!(figure.quote.starts_with("2022年12月"));
    }

    #[test]
    fn unknown_bodies_are_proposed_once_and_places_without_station_words_are_not_stations() {
        let text = "The Lishui PSB issued a notice. The Lishui PSB denied it. Amsterdam has many canals. \
                    54 police stations were counted; the document was published later.";
        let ps = propose(text, &mentions(text), &known(), &doc());
        assert!(ps.iter().all(|p| p.kind != ProposalKind::StationMention), "{ps:#?}");
        let new: Vec<_> = ps.iter().filter(|p| p.kind == ProposalKind::NewBody).collect();
        assert_eq!(new.len(), 1, "one proposal per name and document");
        assert_eq!(new[0].entities[0].schema, Schema::PublicBody);
        assert_eq!(new[0].claims[1].value, "CN");
        let figure = ps.iter().find(|p| p.kind == ProposalKind::Figure).unwrap();
        assert!(figure.claims.iter().any(|c| c.prop == "asOf" && c.value == "2022-11-01"), "the document's date");
        let mut batch = lookout_core::Batch::new("test");
        batch.add_source(lookout_core::Source::from_url("https://nos.nl/x"));
        for p in ps {
            batch.add_proposal(p).expect("every proposal fits the schemata");
        }
    }
}
