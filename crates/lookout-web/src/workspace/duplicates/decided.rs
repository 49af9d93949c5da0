//! `GET /workspace/duplicates/decided`: the decision in force on each pair, newest first, each
//! with an undo; `GET /workspace/duplicates/clusters`: the canonical entities match decisions make.

use std::collections::{BTreeMap, HashMap};

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use lookout_core::{Decision, EntityId, Judgement, Resolution};
use lookout_store::{EntityRecord, ReportStore, Store, WorkspaceStore};

use super::super::chrome::{Chrome, Section};
use super::{page_number, PageQuery};
use crate::error::WebError;
use crate::i18n::Locale;
use crate::reporting::review::no_store;
use crate::reporting::session::AnyAccount;
use crate::state::AppState;

/// Rows on a page of decisions or clusters.
const PER_PAGE: usize = 50;

/// An entity named in a list: id, its workspace page, its first name.
pub struct Named {
    /// Id.
    pub id: String,
    /// `/workspace/record/{id}`.
    pub href: String,
    /// Its first accepted name, or its id.
    pub name: String,
}

fn named(id: &EntityId, records: &HashMap<&str, &EntityRecord>) -> Named {
    let name = records
        .get(id.as_str())
        .and_then(|r| {
            r.statements.iter().find(|s| s.prop == "name" && s.status == lookout_core::StatementStatus::Accepted)
        })
        .map_or_else(|| id.to_string(), |s| s.value.clone());
    Named { id: id.to_string(), href: format!("/workspace/record/{id}"), name }
}

/// A decision in force.
pub struct DecisionRow {
    /// One entity.
    pub left: Named,
    /// The other.
    pub right: Named,
    /// The judgement, in words.
    pub judgement: &'static str,
    /// Who.
    pub by: String,
    /// The day.
    pub day: String,
}

/// The decisions page.
#[derive(Template)]
#[template(path = "ws_decided.html")]
pub struct DecidedPage {
    /// The frame.
    pub chrome: Chrome,
    /// The page's rows.
    pub rows: Vec<DecisionRow>,
    /// This page, from 1.
    pub page: usize,
    /// Pages in all.
    pub pages: usize,
}

/// A cluster: its canonical entity first.
pub struct ClusterRow {
    /// The members, canonical first.
    pub members: Vec<Named>,
}

/// The clusters page.
#[derive(Template)]
#[template(path = "ws_clusters.html")]
pub struct ClustersPage {
    /// The frame.
    pub chrome: Chrome,
    /// The page's clusters.
    pub clusters: Vec<ClusterRow>,
    /// This page, from 1.
    pub page: usize,
    /// Pages in all.
    pub pages: usize,
}

/// The latest decision on each pair, when it is not an undo, newest first.
fn in_force(decisions: Vec<Decision>) -> Vec<Decision> {
    let mut latest: BTreeMap<(EntityId, EntityId), (usize, Decision)> = BTreeMap::new();
    for (seq, d) in decisions.into_iter().enumerate() {
        latest.insert((d.left.clone(), d.right.clone()), (seq, d));
    }
    let mut rows: Vec<(usize, Decision)> =
        latest.into_values().filter(|(_, d)| d.judgement != Judgement::Undone).collect();
    rows.sort_by_key(|row| std::cmp::Reverse(row.0));
    rows.into_iter().map(|(_, d)| d).collect()
}

/// `GET /workspace/duplicates/decided`.
pub async fn decided<S: Store + ReportStore + WorkspaceStore>(
    State(app): State<AppState<S>>,
    AnyAccount(session): AnyAccount,
    loc: Locale,
    Query(query): Query<PageQuery>,
) -> Result<Response, WebError> {
    let page = page_number(&query)?;
    let all = in_force(app.store.decisions().await?);
    let pages = all.len().div_ceil(PER_PAGE).max(1);
    let page = page.min(pages);
    let shown: Vec<Decision> = all.into_iter().skip((page - 1) * PER_PAGE).take(PER_PAGE).collect();
    let ids: Vec<EntityId> = shown.iter().flat_map(|d| [d.left.clone(), d.right.clone()]).collect();
    let records = app.store.entities(&ids).await?;
    let by_id: HashMap<&str, &EntityRecord> = records.iter().map(|r| (r.entity.id.as_str(), r)).collect();
    let words = &loc.t.ws.duplicates.judgements;
    let rows = shown
        .iter()
        .map(|d| DecisionRow {
            left: named(&d.left, &by_id),
            right: named(&d.right, &by_id),
            judgement: words.iter().find(|(code, _)| *code == d.judgement.as_str()).map_or("", |(_, w)| w),
            by: d.decided_by.clone(),
            day: d.decided_at.day(),
        })
        .collect();
    let page = DecidedPage { chrome: Chrome::new(&loc, &session, Section::Duplicates), rows, page, pages };
    Ok(no_store(page.render()?))
}

/// `GET /workspace/duplicates/clusters`.
pub async fn clusters<S: Store + ReportStore + WorkspaceStore>(
    State(app): State<AppState<S>>,
    AnyAccount(session): AnyAccount,
    loc: Locale,
    Query(query): Query<PageQuery>,
) -> Result<Response, WebError> {
    let page = page_number(&query)?;
    let all = Resolution::from_decisions(&app.store.decisions().await?).clusters();
    let pages = all.len().div_ceil(PER_PAGE).max(1);
    let page = page.min(pages);
    let shown: Vec<Vec<EntityId>> = all.into_iter().skip((page - 1) * PER_PAGE).take(PER_PAGE).collect();
    let ids: Vec<EntityId> = shown.iter().flatten().cloned().collect();
    let records = app.store.entities(&ids).await?;
    let by_id: HashMap<&str, &EntityRecord> = records.iter().map(|r| (r.entity.id.as_str(), r)).collect();
    let clusters =
        shown.iter().map(|c| ClusterRow { members: c.iter().map(|id| named(id, &by_id)).collect() }).collect();
    let page = ClustersPage { chrome: Chrome::new(&loc, &session, Section::Duplicates), clusters, page, pages };
    Ok(no_store(page.render()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_latest_decision_on_a_pair_is_in_force_and_undone_pairs_are_not() {
        let id = |s: &str| EntityId::new(s).unwrap();
        let d = |a: &str, b: &str, j| Decision::new(&id(a), &id(b), j, "ana").unwrap();
        let rows = in_force(vec![
            d("a", "b", Judgement::Unsure),
            d("c", "d", Judgement::Match),
            d("b", "a", Judgement::NoMatch),
            d("e", "f", Judgement::Match),
            d("e", "f", Judgement::Undone),
        ]);
        let shown: Vec<(&str, Judgement)> = rows.iter().map(|d| (d.left.as_str(), d.judgement)).collect();
        assert_eq!(shown, [("a", Judgement::NoMatch), ("c", Judgement::Match)]);
    }
}
