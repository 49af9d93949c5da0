//! Duplicates (`/workspace/duplicates`, analysts and up): the candidate pairs `lookout xref`
//! ranks, both entities side by side with the explanation of the score, and a decision on each;
//! the decisions in force, each undoable (`decided.rs`); the clusters they make. Ranking never
//! runs on a request (`service/duplicates.rs`): a page is a slice of the ranking kept in memory
//! and the store's records of the twenty entities it shows.

mod decide;
mod decided;
mod side;

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use lookout_match::Feature;
use lookout_store::{ReportStore, Store, WorkspaceStore};
use serde::Deserialize;

pub use decide::{decide, undo};
pub use decided::{clusters, decided};
use side::Side;

use super::chrome::{Chrome, Section};
use super::forms::field_error;
use crate::error::WebError;
use crate::i18n::Locale;
use crate::reporting::review::no_store;
use crate::reporting::session::AnyAccount;
use crate::service::duplicates::Candidates;
use crate::state::AppState;

/// Candidate pairs on a page.
const PER_PAGE: usize = 20;

/// A candidate pair as the page shows it.
pub struct PairView<'a> {
    /// Position on the page, for its anchor.
    pub n: usize,
    /// One entity.
    pub left: Side,
    /// The other.
    pub right: Side,
    /// The score, two decimals.
    pub score: String,
    /// Whether the score is at or above the threshold.
    pub likely: bool,
    /// The names compared.
    pub names: (String, String),
    /// Why: the matcher's features, in the order checked (its words are English).
    pub features: &'a [Feature],
}

impl PairView<'_> {
    /// Both sides, left first.
    pub fn sides(&self) -> [&Side; 2] {
        [&self.left, &self.right]
    }
}

/// Where the ranking stands.
#[derive(PartialEq, Eq)]
pub enum RankingState {
    /// The first ranking runs: the page reloads itself.
    Running,
    /// A ranking of an earlier version of the record is shown while a new one runs.
    Stale,
    /// The ranking is of the record as it is.
    Current,
}

/// The candidates page.
#[derive(Template)]
#[template(path = "ws_duplicates.html")]
pub struct DuplicatesPage<'a> {
    /// The frame.
    pub chrome: Chrome,
    /// Where the ranking stands.
    pub state: RankingState,
    /// The page's pairs.
    pub pairs: Vec<PairView<'a>>,
    /// Open pairs in all.
    pub total: usize,
    /// This page, from 1.
    pub page: usize,
    /// Pages in all (at least 1).
    pub pages: usize,
    /// Whether the reader lets the page refresh itself while ranking runs.
    pub auto_refresh: bool,
}

/// The page's query: `?page=N`.
#[derive(Deserialize)]
pub struct PageQuery {
    page: Option<String>,
    #[serde(default)]
    refresh: String,
}

/// The page number a query asks for (1 when none); a field error when it is not a number from 1.
pub(crate) fn page_number(query: &PageQuery) -> Result<usize, WebError> {
    match query.page.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        None => Ok(1),
        Some(p) => {
            p.parse::<usize>().ok().filter(|n| *n >= 1).ok_or_else(|| field_error("page", "a whole number from 1"))
        }
    }
}

/// `GET /workspace/duplicates`.
pub async fn candidates<S: Store + ReportStore + WorkspaceStore>(
    State(app): State<AppState<S>>,
    AnyAccount(session): AnyAccount,
    loc: Locale,
    Query(query): Query<PageQuery>,
) -> Result<Response, WebError> {
    let page = page_number(&query)?;
    let chrome = Chrome::new(&loc, &session, Section::Duplicates);
    let (pairs, stale) = match app.duplicates.candidates(&app.store).await? {
        Candidates::Ranking => {
            let page = DuplicatesPage {
                chrome,
                state: RankingState::Running,
                pairs: Vec::new(),
                total: 0,
                page,
                pages: 1,
                auto_refresh: query.refresh != "off",
            };
            return Ok(no_store(page.render()?));
        }
        Candidates::Ready { pairs, stale } => (pairs, stale),
    };
    let total = pairs.open.len();
    let pages = total.div_ceil(PER_PAGE).max(1);
    // A page past the last (its pairs decided meanwhile) shows the last.
    let page = page.min(pages);
    let shown: Vec<u32> = pairs.open.iter().skip((page - 1) * PER_PAGE).take(PER_PAGE).copied().collect();
    let ranking = &pairs.ranking;
    let ids: Vec<_> = shown
        .iter()
        .flat_map(|&i| {
            let p = &ranking.pairs[i as usize];
            [ranking.ids[p.left as usize].clone(), ranking.ids[p.right as usize].clone()]
        })
        .collect();
    let records = app.store.entities(&ids).await?;
    let by_id: HashMap<&str, _> = records.iter().map(|r| (r.entity.id.as_str(), r)).collect();
    let places = app.localized(loc.lang);
    let side = |i: u32| {
        let id = ranking.ids[i as usize].as_str();
        Side::of(id, by_id.get(id).copied(), &ranking.entities[i as usize].names, loc.t, &places)
    };
    let views = shown
        .iter()
        .enumerate()
        .map(|(n, &i)| {
            let pair = &ranking.pairs[i as usize];
            let (a, b) = ranking.names(i);
            PairView {
                n: n + 1,
                left: side(pair.left),
                right: side(pair.right),
                score: format!("{:.2}", pair.score),
                likely: pair.is_match,
                names: (a.to_string(), b.to_string()),
                features: &ranking.explain(i).explanation,
            }
        })
        .collect();
    let state = if stale { RankingState::Stale } else { RankingState::Current };
    let page = DuplicatesPage { chrome, state, pairs: views, total, page, pages, auto_refresh: false };
    Ok(no_store(page.render()?))
}
