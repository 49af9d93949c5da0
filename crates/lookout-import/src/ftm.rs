//! FollowTheMoney entities, one JSON object per line: `{"id", "schema", "properties": {prop: [values]}}`.

use std::collections::BTreeMap;

use lookout_core::{Batch, Claim, EntityId, PropType, Schema, Source, SourceId, SourceKind};
use serde::Deserialize;

use crate::context::ImportContext;
use crate::{ImportError, ImportReport, Place, Reference};

#[derive(Deserialize)]
struct FtmEntity {
    id: Option<String>,
    schema: Option<String>,
    #[serde(default)]
    properties: BTreeMap<String, serde_json::Value>,
}

/// The Lookout schema an FtM schema is imported as.
pub fn schema_for(ftm: &str) -> Option<Schema> {
    Some(match ftm {
        "Organization" | "Company" | "LegalEntity" => Schema::Organization,
        "PublicBody" => Schema::PublicBody,
        "Person" => Schema::Person,
        "Address" => Schema::Place,
        "Membership" => Schema::Membership,
        "UnknownLink" => Schema::Link,
        _ => return None,
    })
}

/// The schemata of FollowTheMoney 4 (followthemoney 4.11). Entities of those Lookout does not import
/// are skipped and counted; a schema not in this list is an error.
const FTM_SCHEMATA: &[&str] = &[
    "Address",
    "Airplane",
    "Analyzable",
    "Article",
    "Asset",
    "Associate",
    "Audio",
    "BankAccount",
    "Call",
    "CallForTenders",
    "Company",
    "Contract",
    "ContractAward",
    "Control",
    "CourtCase",
    "CourtCaseParty",
    "CryptoWallet",
    "Debt",
    "Directorship",
    "Document",
    "Documentation",
    "EconomicActivity",
    "Email",
    "Employment",
    "Event",
    "Family",
    "Folder",
    "HyperText",
    "Identification",
    "Image",
    "Interest",
    "Interval",
    "LegalEntity",
    "License",
    "Membership",
    "Mention",
    "Message",
    "Note",
    "Occupancy",
    "Organization",
    "Ownership",
    "Package",
    "Page",
    "Pages",
    "Passport",
    "Payment",
    "Person",
    "PlainText",
    "Position",
    "Project",
    "ProjectParticipant",
    "PublicBody",
    "RealEstate",
    "Representation",
    "Risk",
    "Sanction",
    "Security",
    "Similar",
    "Succession",
    "Table",
    "TaxRoll",
    "Territory",
    "Thing",
    "Trip",
    "UnknownLink",
    "UserAccount",
    "Value",
    "Vehicle",
    "Vessel",
    "Video",
    "Workbook",
];

/// The source standing for the file itself, for entities that cite no `sourceUrl`.
fn file_source(file: &str, bytes: &[u8]) -> Source {
    let sha = lookout_core::ids::sha256_hex(bytes);
    let name = std::path::Path::new(file).file_name().map_or(file.to_string(), |n| n.to_string_lossy().into_owned());
    let mut s = Source::from_url(&format!("sha256:{sha}"));
    s.id = SourceId::for_url(&format!("sha256:{sha}"));
    s.url = format!("file:{name}");
    s.title = Some(name);
    s.publisher = None;
    s.kind = SourceKind::File;
    s.kind_guess = None;
    s.sha256 = Some(sha);
    s
}

/// Imports FtM JSON lines into `batch`. Properties Lookout does not model are skipped and counted.
pub fn import(
    file: &str,
    text: &str,
    ctx: &ImportContext,
    batch: &mut Batch,
    report: &mut ImportReport,
) -> Result<(), ImportError> {
    let whole_file = file_source(file, text.as_bytes());
    let mut file_source_id: Option<SourceId> = None;
    let mut skipped: BTreeMap<String, u64> = BTreeMap::new();
    let mut skipped_schemata: BTreeMap<String, u64> = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let place = Place { file: file.to_string(), line: i as u64 + 1 };
        let entity: FtmEntity =
            serde_json::from_str(line).map_err(|e| place.record_error(format!("not a JSON object: {e}")))?;
        let raw_id =
            entity.id.filter(|s| !s.is_empty()).ok_or_else(|| place.error("id", "required value is missing"))?;
        let id = EntityId::new(raw_id).map_err(|e| place.error("id", e))?;
        let ftm_schema = entity.schema.ok_or_else(|| place.error("schema", "required value is missing"))?;
        let Some(schema) = schema_for(&ftm_schema) else {
            if FTM_SCHEMATA.contains(&ftm_schema.as_str()) {
                *skipped_schemata.entry(ftm_schema).or_default() += 1;
                continue;
            }
            return Err(place.error("schema", format!("{ftm_schema:?} is not a FollowTheMoney schema")));
        };
        batch.add_entity(&id, schema).map_err(|e| place.error("schema", e))?;

        let mut values: Vec<(String, String)> = Vec::new();
        let mut urls: Vec<String> = Vec::new();
        for (prop, list) in &entity.properties {
            let field = format!("properties.{prop}");
            let list = list.as_array().ok_or_else(|| place.error(&field, "expected a list of strings"))?;
            for v in list {
                let v = v.as_str().ok_or_else(|| place.error(&field, "expected a list of strings"))?;
                if prop == "sourceUrl" {
                    urls.push(v.to_string());
                } else {
                    values.push((prop.clone(), v.to_string()));
                }
            }
        }
        let mut sources = Vec::new();
        for url in urls {
            if !(url.starts_with("http://") || url.starts_with("https://")) {
                return Err(place.error("properties.sourceUrl", format!("{url:?} is not an http(s) URL")));
            }
            sources.push(batch.add_source(Source::from_url(&url)));
        }
        if sources.is_empty() {
            sources.push(file_source_id.get_or_insert_with(|| batch.add_source(whole_file.clone())).clone());
        }
        for (prop, value) in values {
            let field = format!("properties.{prop}");
            let Ok(property) = schema.property(&prop) else {
                *skipped.entry(format!("{ftm_schema}:{prop}")).or_default() += 1;
                continue;
            };
            if property.kind == PropType::Country && ctx.gazetteer.countries().get(&value).is_none() {
                return Err(place.error(&field, format!("unknown country code {value:?}")));
            }
            if property.kind.is_entity() {
                let target_id = EntityId::new(value.clone()).map_err(|e| place.error(&field, e))?;
                let schema = match property.kind {
                    PropType::Entity(target) => Some(target),
                    _ => None,
                };
                report.references.push(Reference {
                    target: target_id,
                    schema,
                    place: place.clone(),
                    field: "properties",
                    added_here: false,
                });
            }
            for source in &sources {
                batch.add_claim(Claim::new(&id, &prop, value.as_str(), source)).map_err(|e| place.error(&field, e))?;
            }
        }
        report.rows += 1;
    }
    for (schema, n) in skipped_schemata {
        report
            .warnings
            .push(format!("{file}: skipped {n} entities of FtM schema {schema}, which Lookout does not import"));
    }
    for (prop, n) in skipped {
        report.warnings.push(format!("{file}: skipped {n} value(s) of {prop}, which Lookout does not model"));
    }
    Ok(())
}
