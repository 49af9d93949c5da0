//! Headline figures: what is counted, how many, as of when, claimed by whom; conflicting claims
//! side by side with the figure they contradict.

use std::collections::HashMap;

use lookout_core::{EntityView, PartialDate, Schema, Source, SourceId};
use lookout_store::{EntityFilter, Store};

use crate::error::WebError;

/// A figure as pages show it.
#[derive(Debug, Clone)]
pub struct FigureView {
    /// Entity id (page anchor).
    pub id: String,
    /// What is counted.
    pub name: String,
    /// The claimed value, as the source words it.
    pub value: String,
    /// As of when, where known.
    pub as_of: Option<PartialDate>,
    /// Note on the date.
    pub as_of_note: Option<String>,
    /// Who claims it.
    pub claimed_by: String,
    /// Sources: (URL, publisher).
    pub sources: Vec<(String, String)>,
    /// Ids of the figures it contradicts.
    pub contradicts: Vec<String>,
}

/// A figure with the claims that contradict it.
#[derive(Debug, Clone)]
pub struct FigureGroup {
    /// The figure.
    pub figure: FigureView,
    /// Figures that contradict it.
    pub conflicting: Vec<FigureView>,
}

/// All figures, grouped: each figure that contradicts none, with those that contradict it.
pub async fn figure_groups<S: Store>(store: &S) -> Result<Vec<FigureGroup>, WebError> {
    let records = store.list_entities(&EntityFilter { schema: Some(Schema::Figure), ..Default::default() }).await?;
    let ids = super::source_ids_of(records.iter().flat_map(|r| &r.statements));
    let sources: HashMap<SourceId, Source> = store.sources(&ids).await?;
    let views: Vec<FigureView> = records
        .iter()
        .map(|r| {
            let v = EntityView::fold(r.entity.clone(), &r.statements);
            let urls = super::source_links(&r.statements, &sources);
            FigureView {
                id: r.entity.id.to_string(),
                name: v.first("name").unwrap_or("").to_string(),
                value: v.values("value").join(" / "),
                as_of: v.first("asOf").and_then(|d| d.parse().ok()),
                as_of_note: v.first("asOfNote").map(str::to_string),
                claimed_by: v.values("claimedBy").join("; "),
                sources: urls,
                contradicts: v.values("contradicts").iter().map(|s| s.to_string()).collect(),
            }
        })
        .collect();
    Ok(views
        .iter()
        .filter(|f| f.contradicts.is_empty())
        .map(|f| FigureGroup {
            figure: f.clone(),
            conflicting: views.iter().filter(|c| c.contradicts.contains(&f.id)).cloned().collect(),
        })
        .collect())
}
