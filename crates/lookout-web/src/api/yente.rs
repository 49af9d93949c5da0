//! yente's own paths, so that OpenSanctions tooling (nomenklatura's `YenteEnricher`) can use
//! Lookout as it uses yente, with `api` set to this site's address: `POST /match/{dataset}`
//! (`default` or `lookout`; the body and answer of `/api/v1/match`) and `GET /entities/{id}`, a
//! public entity in FollowTheMoney's shape, with `nested=true` the links that end at it (a
//! bureau's operations, a station's host…) nested under FtM's reverse properties, each with the
//! entity at its other end. A link whose other end is not public is left out whole.

use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::Json;
use lookout_core::{EntityId, EntityView, SourceId};
use lookout_store::{EntityRecord, Store};
use serde::Deserialize;
use serde_json::{json, Value};
use utoipa::IntoParams;

use super::error::ApiError;
use super::extract::ApiQuery;
use super::matching::{match_entities, MatchParams, MatchRequest, MatchResponse};
use crate::error::WebError;
use crate::state::AppState;

/// The datasets `/match/{dataset}` answers for.
pub const DATASETS: [&str; 2] = ["default", "lookout"];

/// Matches entities against the record, at yente's path (`dataset`: `default` or `lookout`).
#[utoipa::path(post, path = "/match/{dataset}", tag = "match",
    params(("dataset" = String, Path, description = "`default` or `lookout`", pattern = "^(default|lookout)$"), MatchParams),
    request_body = MatchRequest,
    responses((status = 200, body = MatchResponse), (status = 400, body = super::error::ErrorBody),
        (status = 404, body = super::error::ErrorBody), (status = 413, body = super::error::ErrorBody)))]
pub async fn match_dataset<S: Store>(
    state: State<AppState<S>>,
    Path(dataset): Path<String>,
    params: ApiQuery<MatchParams>,
    body: Result<Json<MatchRequest>, axum::extract::rejection::JsonRejection>,
) -> Result<Json<MatchResponse>, ApiError> {
    if !DATASETS.contains(&dataset.as_str()) {
        return Err(ApiError(WebError::NotFound(format!("dataset {dataset:?}: this server has default and lookout"))));
    }
    match_entities(state, params, body).await
}

/// Whether to nest the links that end at the entity.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EntityParams {
    /// Nest the links that end at it, each with the entity at its other end (as yente does).
    /// Python clients write `True` and `False`: both spellings are read, and `1` and `0`.
    pub nested: Option<String>,
}

impl EntityParams {
    /// Whether to nest, or what is wrong with the parameter.
    fn nested(&self) -> Result<bool, ApiError> {
        super::contract::nested(self.nested.as_deref())
    }
}

/// The sources the statements of these records cite, in one query.
async fn sources_of<S: Store>(
    store: &S,
    records: &[&EntityRecord],
) -> Result<HashMap<SourceId, lookout_core::Source>, ApiError> {
    let mut ids: Vec<SourceId> =
        records.iter().flat_map(|r| r.statements.iter().map(|s| s.source_id.clone())).collect();
    ids.sort();
    ids.dedup();
    Ok(store.sources(&ids).await?)
}

/// The FtM form of a public record, citing its sources (looked up in `sources`).
fn ftm_of(record: &EntityRecord, sources: &HashMap<SourceId, lookout_core::Source>) -> Option<Value> {
    let mut ids: Vec<SourceId> = record.statements.iter().map(|s| s.source_id.clone()).collect();
    ids.sort();
    ids.dedup();
    let view = EntityView::fold(record.entity.clone(), &record.statements);
    let caption = view.first("name").map(str::to_string);
    lookout_release::to_ftm(&view, sources, &ids).map(|mut doc| {
        doc["caption"] = json!(caption.unwrap_or_else(|| view.entity.id.to_string()));
        doc["datasets"] = json!(["lookout"]);
        doc
    })
}

/// FtM's name, on the entity at one end, of the links that end there.
fn reverse_property(link_schema: &str, end: &str) -> Option<&'static str> {
    match (link_schema, end) {
        ("UnknownLink", "subject") => Some("unknownLinkTo"),
        ("UnknownLink", "object") => Some("unknownLinkFrom"),
        ("Membership", "member") => Some("membershipMember"),
        ("Membership", "organization") => Some("membershipOrganization"),
        _ => None,
    }
}

/// A public entity in FollowTheMoney's shape, as yente gives it.
#[utoipa::path(get, path = "/entities/{id}", tag = "match",
    params(("id" = String, Path, description = "Entity id", pattern = "^[A-Za-z0-9._:-]{1,128}$"), EntityParams),
    responses((status = 200, description = "The entity as FtM JSON (`id`, `schema`, `caption`, `properties`, `datasets`)", body = Object),
        (status = 400, body = super::error::ErrorBody), (status = 404, body = super::error::ErrorBody)))]
pub async fn entity<S: Store>(
    State(app): State<AppState<S>>,
    Path(id): Path<String>,
    ApiQuery(params): ApiQuery<EntityParams>,
) -> Result<Json<Value>, ApiError> {
    let nested = params.nested()?;
    let store = app.store.as_ref();
    let not_found = || ApiError(WebError::NotFound(format!("entity {id:?}")));
    let entity_id = EntityId::new(id.clone()).map_err(|_| not_found())?;
    let record = lookout_store::public_entity(store, &entity_id).await?.ok_or_else(not_found)?;
    if !nested {
        let sources = sources_of(store, &[&record]).await?;
        return Ok(Json(ftm_of(&record, &sources).ok_or_else(not_found)?));
    }
    // A record with no FtM form (whatever its sources) is not found, before its links are read.
    if ftm_of(&record, &HashMap::new()).is_none() {
        return Err(not_found());
    }
    // However many links end here, the same few calls to the store: the entity, its links, their
    // other ends, and the sources of each (each read judged with what it links: one call more).
    let links: Vec<EntityRecord> =
        store.referencing(&entity_id).await?.into_iter().filter(|l| l.entity.schema.is_link()).collect();
    let mut held: Vec<&EntityRecord> = links.iter().collect();
    held.push(&record);
    let mut sources = sources_of(store, &held).await?;
    let mut doc = ftm_of(&record, &sources).ok_or_else(not_found)?;
    // Each link's FtM form, with its ends: the property that names this entity and the others.
    let mut nesting = Vec::new();
    for link in &links {
        let Some(link_doc) = ftm_of(link, &sources) else { continue };
        let link_schema = link_doc["schema"].as_str().unwrap_or("").to_string();
        let ends: Vec<(String, Vec<String>)> = link_doc["properties"]
            .as_object()
            .map(|p| {
                p.iter()
                    .filter(|(k, _)| reverse_property(&link_schema, k).is_some())
                    .map(|(k, v)| {
                        (
                            k.clone(),
                            v.as_array().into_iter().flatten().filter_map(|x| x.as_str().map(str::to_string)).collect(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        let Some((here, _)) = ends.iter().find(|(_, ids)| ids.contains(&id)) else { continue };
        let Some(reverse) = reverse_property(&link_schema, here) else { continue };
        let here = here.clone();
        nesting.push((link_doc, reverse, here, ends));
    }
    let mut other_ids: Vec<EntityId> = nesting
        .iter()
        .flat_map(|(_, _, here, ends)| ends.iter().filter(move |(end, _)| end != here))
        .flat_map(|(_, ids)| ids.iter().filter_map(|o| EntityId::new(o.clone()).ok()))
        .collect();
    other_ids.sort();
    other_ids.dedup();
    let others = store.entities(&other_ids).await?;
    let others: HashMap<String, EntityRecord> =
        lookout_store::public_records(store, others).await?.into_iter().map(|r| (r.entity.id.to_string(), r)).collect();
    sources.extend(sources_of(store, &others.values().collect::<Vec<_>>()).await?);
    for (mut link_doc, reverse, here, ends) in nesting {
        // A link whose other end is not public is left out whole.
        let mut whole = true;
        for (end, ids) in ends.iter().filter(|(end, _)| *end != here) {
            let mut nested = Vec::new();
            for other in ids {
                match others.get(other) {
                    Some(r) => nested.extend(ftm_of(r, &sources)),
                    None => whole = false,
                }
            }
            link_doc["properties"][end.as_str()] = json!(nested);
        }
        if whole {
            let list = doc["properties"][reverse].as_array().cloned().unwrap_or_default();
            doc["properties"][reverse] = json!([list, vec![link_doc]].concat());
        }
    }
    Ok(Json(doc))
}
