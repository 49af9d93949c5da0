//! FollowTheMoney JSON lines: each public entity mapped to the nearest FtM schema.
//!
//! Station → Organization; PublicBody → PublicBody; Organization → Organization; Person (public
//! figures only, as restricted persons are never exported) → Person; Place → Address; Response and
//! Incident → Event; Figure → Note; Operation, Hosting and Link → UnknownLink; Membership → Membership.
//! Every entity carries the URLs of its sources as `sourceUrl`.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Write;

use lookout_core::{EntityView, Schema, Source, SourceId};
use lookout_store::Store;
use serde_json::json;

use crate::walk::{for_each_public_entity, sources_by_id};
use crate::ExportError;

/// FtM properties of one entity.
type Props = BTreeMap<&'static str, BTreeSet<String>>;

fn put(props: &mut Props, key: &'static str, values: Vec<&str>) {
    let set = props.entry(key).or_default();
    set.extend(values.into_iter().map(str::to_string));
}

/// Maps one entity; `None` for an entity with nothing FtM can hold (e.g. a link missing an end).
pub fn to_ftm(
    view: &EntityView,
    sources: &HashMap<SourceId, Source>,
    source_ids: &[SourceId],
) -> Option<serde_json::Value> {
    let mut p = Props::new();
    let v = |name: &str| view.values(name);
    let country: Vec<String> = v("country").iter().filter(|c| **c != "EU").map(|c| c.to_lowercase()).collect();
    let country: Vec<&str> = country.iter().map(String::as_str).collect();
    let schema = match view.schema() {
        Schema::Station => {
            let city = v("city").first().copied().unwrap_or("not located");
            let name = match v("country").first() {
                Some(cc) => format!("Reported overseas police service station: {city} ({cc})"),
                None => format!("Reported overseas police service station: {city}"),
            };
            put(&mut p, "name", vec![&name]);
            put(&mut p, "country", country);
            put(&mut p, "address", v("address"));
            let notes: Vec<String> = v("status")
                .iter()
                .map(|s| format!("status: {s}"))
                .chain(v("statusNote").iter().map(|s| s.to_string()))
                .chain(v("unlocatedReason").iter().map(|s| format!("not located: {s}")))
                .collect();
            put(&mut p, "notes", notes.iter().map(String::as_str).collect());
            put(&mut p, "description", v("firstReportedIn"));
            "Organization"
        }
        Schema::PublicBody | Schema::Organization | Schema::Person => {
            if v("name").is_empty() {
                return None;
            }
            put(&mut p, "name", v("name"));
            put(&mut p, "alias", v("alias"));
            put(&mut p, "country", country);
            put(&mut p, "notes", v("notes"));
            match view.schema() {
                Schema::PublicBody => "PublicBody",
                Schema::Person => {
                    put(&mut p, "position", v("position"));
                    "Person"
                }
                _ => {
                    put(&mut p, "address", v("address"));
                    put(&mut p, "legalForm", v("legalForm"));
                    "Organization"
                }
            }
        }
        Schema::Place => {
            put(&mut p, "name", v("name"));
            put(&mut p, "city", v("name").into_iter().take(1).collect());
            put(&mut p, "country", country);
            put(&mut p, "latitude", v("latitude"));
            put(&mut p, "longitude", v("longitude"));
            "Address"
        }
        Schema::Response | Schema::Incident => {
            let label = [v("actor").join("; "), v("action").join(", "), v("category").join(", ")]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(": ");
            put(&mut p, "name", vec![if label.is_empty() { "Incident" } else { &label }]);
            put(&mut p, "date", v("date"));
            put(&mut p, "country", country);
            put(&mut p, "summary", v("summary"));
            put(&mut p, "involved", v("station"));
            "Event"
        }
        Schema::Figure => {
            put(&mut p, "name", v("name"));
            put(&mut p, "description", v("value"));
            let summary: Vec<String> = v("claimedBy")
                .iter()
                .map(|c| format!("claimed by {c}"))
                .chain(v("asOf").iter().map(|d| format!("as of {d}")))
                .collect();
            put(&mut p, "summary", vec![&summary.join("; ")]);
            let notes: Vec<String> = v("contradicts").iter().map(|c| format!("contradicts {c}")).collect();
            put(&mut p, "notes", notes.iter().map(String::as_str).collect());
            "Note"
        }
        Schema::Operation | Schema::Hosting | Schema::Link | Schema::Membership => {
            let (subject, object, role, schema) = match view.schema() {
                Schema::Operation => (v("operator"), v("station"), "operates", "UnknownLink"),
                Schema::Hosting => (v("host"), v("station"), "hosts", "UnknownLink"),
                Schema::Membership => (v("member"), v("organization"), "", "Membership"),
                _ => (v("subject"), v("object"), "", "UnknownLink"),
            };
            if subject.is_empty() || object.is_empty() {
                return None;
            }
            let (sk, ok) = if schema == "Membership" { ("member", "organization") } else { ("subject", "object") };
            put(&mut p, sk, subject);
            put(&mut p, ok, object);
            let roles: Vec<&str> = if role.is_empty() { v("role") } else { vec![role] };
            put(&mut p, "role", roles);
            put(&mut p, "startDate", v("startDate"));
            put(&mut p, "description", v("notes"));
            schema
        }
    };
    let urls: Vec<&str> = source_ids
        .iter()
        .filter_map(|id| sources.get(id))
        .map(|s| s.url.as_str())
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
        .collect();
    put(&mut p, "sourceUrl", urls);
    p.retain(|_, values| {
        values.retain(|s| !s.trim().is_empty());
        !values.is_empty()
    });
    Some(json!({"id": view.entity.id, "schema": schema, "properties": p}))
}

/// Entity-valued FtM properties, whose values are rewritten to canonical ids.
const FTM_LINKS: &[&str] = &["subject", "object", "member", "organization", "involved"];

/// Writes every public entity as one FtM JSON line, resolved: entities that analysts decided are
/// one (`lookout decide … match`) are merged under their canonical id with the others' ids as
/// `referents`, and links point at canonical ids. Returns the number of lines.
pub async fn export_ftm<S: Store>(store: &S, mut out: impl Write) -> Result<u64, ExportError> {
    let sources = sources_by_id(store).await?;
    let resolution = crate::walk::public_resolution(store).await?;
    let clustered: BTreeSet<lookout_core::EntityId> = resolution.clusters().into_iter().flatten().collect();
    let mut merged: BTreeMap<String, serde_json::Value> = BTreeMap::new();
    let mut n = 0;
    for_each_public_entity(store, |record| {
        let mut ids: Vec<SourceId> = record.statements.iter().map(|s| s.source_id.clone()).collect();
        ids.sort();
        ids.dedup();
        let id = record.entity.id.clone();
        let view = EntityView::fold(record.entity, &record.statements);
        let Some(mut doc) = to_ftm(&view, &sources, &ids) else { return Ok(()) };
        if let Some(props) = doc["properties"].as_object_mut() {
            for link in FTM_LINKS {
                if let Some(values) = props.get_mut(*link).and_then(|v| v.as_array_mut()) {
                    for v in values.iter_mut() {
                        if let Some(target) = v.as_str().and_then(|t| lookout_core::EntityId::new(t).ok()) {
                            *v = json!(resolution.canonical(&target).as_str());
                        }
                    }
                }
            }
        }
        if clustered.contains(&id) {
            let canonical = resolution.canonical(&id);
            merge_into(&mut merged, canonical.as_str(), doc, (*canonical != id).then_some(id.as_str()));
        } else {
            serde_json::to_writer(&mut out, &doc)?;
            out.write_all(b"\n")?;
            n += 1;
        }
        Ok(())
    })
    .await?;
    for doc in merged.values() {
        serde_json::to_writer(&mut out, doc)?;
        out.write_all(b"\n")?;
        n += 1;
    }
    out.flush()?;
    Ok(n)
}

/// Adds one entity's FtM document to the merged entity `canonical`: properties are united, the
/// canonical entity's schema wins, and a merged-in id is listed in `referents`.
fn merge_into(
    merged: &mut BTreeMap<String, serde_json::Value>,
    canonical: &str,
    doc: serde_json::Value,
    referent: Option<&str>,
) {
    let entry = merged
        .entry(canonical.to_string())
        .or_insert_with(|| json!({"id": canonical, "schema": doc["schema"], "properties": {}, "referents": []}));
    if referent.is_none() {
        entry["schema"] = doc["schema"].clone();
    }
    if let Some(r) = referent {
        if let Some(list) = entry["referents"].as_array_mut() {
            list.push(json!(r));
        }
    }
    let (Some(target), Some(props)) = (entry["properties"].as_object_mut(), doc["properties"].as_object()) else {
        return;
    };
    for (key, values) in props {
        let list = target.entry(key.clone()).or_insert_with(|| json!([]));
        if let (Some(list), Some(values)) = (list.as_array_mut(), values.as_array()) {
            for v in values {
                if !list.contains(v) {
                    list.push(v.clone());
                }
            }
        }
    }
}
