//! The Atom feeds' entries: recent confirmed changes of the public record (a statement published
//! or withdrawn), each with its entity, its source and where to read more.

use std::collections::HashMap;

use lookout_core::{EntityId, EntityView, Schema, SourceId};
use lookout_store::{ChangeKind, ChangeScope, PublicChange, PublicView, Store};

use super::sources::entity_href;
use crate::error::WebError;

/// Entries per feed.
pub(crate) const FEED_ENTRIES: u32 = 100;

/// How many times a feed's length of changes is read, for those left out as private.
const READ_AHEAD: u32 = 4;

/// One entry of a feed.
#[derive(Debug, Clone)]
pub(crate) struct FeedEntry {
    /// A permanent id (an IRI): the change and the statement.
    pub id: String,
    /// What happened, in a line.
    pub title: String,
    /// When, RFC 3339.
    pub updated: String,
    /// The entity's page, if it has one; else the source's page on this site.
    pub href: String,
    /// The statement's words: property, value, validity, claimant, grade.
    pub summary: String,
    /// The source's URL.
    pub source_url: String,
    /// The source's title, or its URL.
    pub source_title: String,
}

/// The latest changes in `scope`, newest first.
pub(crate) async fn feed_entries<S: Store>(store: &S, scope: &ChangeScope) -> Result<Vec<FeedEntry>, WebError> {
    // Read beyond a feed's length, so that changes left out as private do not shorten it.
    let changes = store.public_changes(scope, FEED_ENTRIES * READ_AHEAD).await?;
    let mut ids: Vec<EntityId> = changes.iter().map(|c| c.statement.entity_id.clone()).collect();
    ids.extend(
        changes
            .iter()
            .filter(|c| links(c.schema, &c.statement.prop))
            .filter_map(|c| EntityId::new(&c.statement.value).ok()),
    );
    // What the public may see of them: `entities` also returns restricted ones (persons), and
    // links to them (a membership) are theirs to withhold too.
    let records = store.entities(&ids).await?;
    // Read whole (withdrawn statements too): a membership of a restricted person whose every
    // statement was withdrawn is still theirs.
    let view = PublicView::of_ids(store, &ids).await?;
    let changes: Vec<PublicChange> =
        changes.into_iter().filter(|c| shown(&view, c)).take(FEED_ENTRIES as usize).collect();
    let labels: HashMap<EntityId, String> = records
        .into_iter()
        .filter(|r| view.is_public(&r.entity.id))
        .map(|r| {
            let view = EntityView::fold(r.entity.clone(), &r.statements);
            (r.entity.id.clone(), label(&view))
        })
        .collect();
    let source_ids: Vec<SourceId> = changes.iter().map(|c| c.statement.source_id.clone()).collect();
    let sources = store.sources(&source_ids).await?;
    Ok(changes
        .into_iter()
        .map(|c| {
            let s = &c.statement;
            let entity = labels.get(&s.entity_id).cloned().unwrap_or_else(|| s.entity_id.to_string());
            let value = if links(c.schema, &s.prop) {
                EntityId::new(&s.value).ok().and_then(|id| labels.get(&id).cloned()).unwrap_or_else(|| s.value.clone())
            } else {
                s.value.clone()
            };
            let (verb, tag) = match c.kind {
                ChangeKind::Published => ("added", "published"),
                ChangeKind::Withdrawn => ("withdrawn", "withdrawn"),
            };
            let source = sources.get(&s.source_id);
            let mut summary = format!("{}: {value}", s.prop);
            if let Some(from) = &s.valid_from {
                summary.push_str(&format!(" (from {from})"));
            }
            if let Some(claimant) = &s.claimant {
                summary.push_str(&format!(", per {claimant}"));
            }
            summary.push_str(&format!(". Grade {}{}.", s.grade.reliability, s.grade.credibility));
            FeedEntry {
                id: format!("urn:lookout:{tag}:{}", s.id),
                title: xml_text(&format!("{entity} ({}): {} {verb}", c.schema, s.prop)),
                updated: c.at.clone(),
                href: entity_href(c.schema, &s.entity_id).unwrap_or_else(|| format!("/sources/{}", s.source_id)),
                summary: xml_text(&summary),
                source_url: xml_text(&source.map(|x| x.url.clone()).unwrap_or_default()),
                source_title: xml_text(
                    &source.and_then(|x| x.title.clone().or_else(|| Some(x.url.clone()))).unwrap_or_default(),
                ),
            }
        })
        .collect())
}

/// Whether a feed shows `change`: nothing about a private entity (a restricted person, or a link
/// joining one) is told, not even its id, and no change names one. Everything else is, a
/// withdrawal included.
fn shown(view: &PublicView, change: &PublicChange) -> bool {
    let s = &change.statement;
    !view.is_private(&s.entity_id) && !view.names_private(&s.entity_id, &s.prop, &s.value)
}

/// `text` with only the characters XML 1.0 allows (its `Char` production: no control characters
/// but tab and line breaks, no U+FFFE or U+FFFF), which a source's words might break; escaping is
/// the template's.
fn xml_text(text: &str) -> String {
    text.chars().filter(|&c| matches!(c, '\t' | '\n' | '\r' | ' '..='\u{fffd}' | '\u{10000}'..='\u{10ffff}')).collect()
}

/// Whether a property of `schema` holds another entity's id.
fn links(schema: Schema, prop: &str) -> bool {
    schema.property(prop).is_ok_and(|p| p.kind.is_entity())
}

fn label(view: &EntityView) -> String {
    match view.schema() {
        Schema::Station => {
            let key = lookout_core::ids::station_key(&view.entity.id);
            match view.first("city") {
                Some(city) => format!("{city} station {key}"),
                None => format!("station {key}"),
            }
        }
        Schema::Response => {
            let actors = view.values("actor").join("; ");
            match view.first("date") {
                Some(date) => format!("{actors} ({date})"),
                None => actors,
            }
        }
        _ => view.first("name").unwrap_or(view.entity.id.as_str()).to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn text_xml_forbids_is_left_out() {
        assert_eq!(super::xml_text("a\u{1}b\u{b}c\td\u{fffe}é\u{7f}"), "abc\tdé\u{7f}");
    }
}
