//! Sources: what a source is, and every statement it supports.

use std::collections::{BTreeMap, HashMap};

use lookout_core::{Schema, Source, SourceId};
use lookout_store::{DocumentStore, Store};

use crate::service::documents::SourceLink;

use crate::error::WebError;
use lookout_core::ids::station_key;

/// A statement a source supports, as shown on the source's page.
#[derive(Debug, Clone)]
pub struct Supported {
    /// Property.
    pub prop: String,
    /// Value.
    pub value: String,
    /// Grade.
    pub grade: String,
    /// Who makes the claim.
    pub claimant: Option<String>,
}

/// The statements about one entity.
#[derive(Debug, Clone)]
pub struct SupportedEntity {
    /// Schema, as a word.
    pub schema: String,
    /// A link to the entity's page, where it has one.
    pub href: Option<String>,
    /// Its id.
    pub id: String,
    /// The statements.
    pub statements: Vec<Supported>,
}

/// The document captured for a source, as its page shows it.
#[derive(Debug, Clone)]
pub struct CapturedDocument {
    /// Language.
    pub language: String,
    /// Characters of text.
    pub characters: u64,
    /// Whether its text is kept out of public search.
    pub restricted: bool,
}

/// A source's page.
#[derive(Debug, Clone)]
pub struct SourcePage {
    /// The source.
    pub source: Source,
    /// What it supports, by entity.
    pub entities: Vec<SupportedEntity>,
    /// The ingested document behind it, if one was ingested.
    pub document: Option<CapturedDocument>,
    /// The original it copies: as a person judged it, or else as ingest found its document to repost.
    pub copy_of: Option<SourceLink>,
    /// The copies of it.
    pub copies: Vec<SourceLink>,
}

/// Where an entity's page is.
pub(crate) fn entity_href(schema: Schema, id: &lookout_core::EntityId) -> Option<String> {
    match schema {
        Schema::Station => Some(format!("/stations/{}", station_key(id))),
        Schema::PublicBody => Some(format!("/bureaus/{id}")),
        Schema::Response => Some(format!("/responses#{id}")),
        Schema::Figure => Some(format!("/figures#{id}")),
        _ => None,
    }
}

/// The ingested document behind a source.
async fn captured<S: Store + DocumentStore>(store: &S, id: &SourceId) -> Result<Option<CapturedDocument>, WebError> {
    let Some(doc) = store.document_of(id).await? else { return Ok(None) };
    Ok(Some(CapturedDocument { language: doc.language, characters: doc.characters, restricted: doc.restricted }))
}

/// The original a source copies and the copies of it.
async fn copy_links<S: Store + DocumentStore>(
    store: &S,
    id: &SourceId,
) -> Result<(Option<SourceLink>, Vec<SourceLink>), WebError> {
    let original = store.originals_of(std::slice::from_ref(id)).await?.remove(id);
    let copies = store.copies_of(id).await?;
    let mut wanted: Vec<SourceId> = copies.clone();
    wanted.extend(original.clone());
    let sources = super::documents::public_sources_among(store, &wanted).await?;
    let link = |id: &SourceId| sources.get(id).map(SourceLink::of);
    Ok((original.as_ref().and_then(link), copies.iter().filter_map(link).collect()))
}

/// Loads a source's page.
pub async fn source_page<S: Store + DocumentStore>(store: &S, id: &str) -> Result<SourcePage, WebError> {
    let not_found = || WebError::NotFound(format!("source {id:?}"));
    let source_id = SourceId::new(id).map_err(|_| not_found())?;
    let source = store.public_source(&source_id).await?.ok_or_else(not_found)?;
    let statements = store.statements_of_source(&source_id).await?;
    let mut by_entity: BTreeMap<String, Vec<Supported>> = BTreeMap::new();
    for s in statements.iter().filter(|s| s.status == lookout_core::StatementStatus::Accepted) {
        by_entity.entry(s.entity_id.to_string()).or_default().push(Supported {
            prop: s.prop.clone(),
            value: s.value.clone(),
            grade: s.grade.to_string(),
            claimant: s.claimant.clone(),
        });
    }
    // The schemata of the entities, read in one query.
    let ids = by_entity
        .keys()
        .map(|e| lookout_core::EntityId::new(e.clone()).map_err(|e| WebError::Internal(e.to_string())))
        .collect::<Result<Vec<_>, _>>()?;
    let schemata: HashMap<lookout_core::EntityId, Schema> =
        store.entities(&ids).await?.into_iter().map(|r| (r.entity.id.clone(), r.entity.schema)).collect();
    let mut entities = Vec::new();
    for ((entity, statements), id) in by_entity.into_iter().zip(ids) {
        let Some(&schema) = schemata.get(&id) else { continue };
        entities.push(SupportedEntity {
            schema: schema.to_string(),
            href: entity_href(schema, &id),
            id: entity,
            statements,
        });
    }
    let document = captured(store, &source_id).await?;
    let (copy_of, copies) = copy_links(store, &source_id).await?;
    Ok(SourcePage { source, entities, document, copy_of, copies })
}
