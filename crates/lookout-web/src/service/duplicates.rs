//! The candidate duplicates the workspace shows: the pairs `lookout xref` ranks among the
//! record's organisations and public bodies, less the pairs analysts decided.
//!
//! Ranking a large record takes seconds, so it never runs on a request: the first request after
//! a change of the record starts one ranking in the background (a blocking thread, on half the
//! cores, so pages keep being served) and is told it is running; requests meanwhile get the
//! previous ranking, marked stale, or, before the first, "ranking". Decisions do not change the
//! data version: the pairs left open are filtered from the ranking once per decisions version
//! (off the runtime too), so a page is a slice of a list kept in memory. Only the pairs' entity
//! positions, scores and best names' positions are kept; a pair's explanation is written the
//! first time it is shown, and kept with the ranking.

use std::sync::{Arc, Mutex, OnceLock};

use lookout_core::{Decision, EntityId, Resolution, Schema};
use lookout_match::{xref, MatchResult, NameIndex, Named, XrefOptions};
use lookout_store::{Store, WorkspaceStore};

use crate::error::WebError;

/// The schemata whose entities are ranked (those `lookout xref` ranks by default).
pub const SCHEMATA: [Schema; 2] = [Schema::Organization, Schema::PublicBody];

/// One candidate pair of a ranking.
#[derive(Debug, Clone)]
pub struct RankedPair {
    /// Position of one entity in [`Ranking::entities`].
    pub left: u32,
    /// Position of the other.
    pub right: u32,
    /// The score of its best pair of names.
    pub score: f64,
    /// Whether the score is at or above the matcher's threshold.
    pub is_match: bool,
    /// The best pair of names: positions in the left's and the right's names.
    names: (u8, u8),
}

/// The candidates of one version of the record, best first.
pub struct Ranking {
    /// The data version ranked.
    pub version: i64,
    /// The entities ranked, with their names.
    pub entities: Vec<Named>,
    /// Their ids, in the same order.
    pub ids: Vec<EntityId>,
    /// The candidate pairs, best first.
    pub pairs: Vec<RankedPair>,
    /// The explanation of each pair, written the first time it is shown.
    explanations: Vec<OnceLock<Box<MatchResult>>>,
}

impl Ranking {
    /// The best pair of names of the pair at `i` (left's, right's).
    pub fn names(&self, i: u32) -> (&str, &str) {
        let pair = &self.pairs[i as usize];
        let name = |entity: u32, at: u8| self.entities[entity as usize].names[at as usize].as_str();
        (name(pair.left, pair.names.0), name(pair.right, pair.names.1))
    }

    /// The explanation of the score of the pair at `i`, written once, when first shown.
    pub fn explain(&self, i: u32) -> &MatchResult {
        self.explanations[i as usize].get_or_init(|| {
            let (a, b) = self.names(i);
            let schema = &self.entities[self.pairs[i as usize].left as usize].schema;
            Box::new(lookout_match::match_names(a, b, Some(schema)))
        })
    }
}

/// The pairs of a ranking that no decision in force settles.
pub struct OpenPairs {
    /// The ranking.
    pub ranking: Arc<Ranking>,
    /// The decisions version filtered by.
    decisions: i64,
    /// Positions in `ranking.pairs` of the open pairs, best first.
    pub open: Vec<u32>,
}

/// What the duplicates page can show now.
pub enum Candidates {
    /// The first ranking is running.
    Ranking,
    /// The open pairs; `stale` when the record changed since their ranking (a new one runs).
    Ready {
        /// The open pairs.
        pairs: Arc<OpenPairs>,
        /// Whether the ranking is of an earlier version of the record.
        stale: bool,
    },
}

#[derive(Default)]
struct RankState {
    ranked: Option<Arc<Ranking>>,
    running: bool,
    failure: Option<String>,
}

/// The latest ranking and its open pairs.
#[derive(Default)]
pub struct DuplicateCache {
    state: Mutex<RankState>,
    open: tokio::sync::Mutex<Option<Arc<OpenPairs>>>,
}

fn poisoned() -> WebError {
    WebError::Internal("duplicates cache poisoned".into())
}

impl DuplicateCache {
    /// The candidates to show now; starts a ranking when the record changed since the last.
    pub async fn candidates<S: Store + WorkspaceStore>(
        self: &Arc<Self>,
        store: &Arc<S>,
    ) -> Result<Candidates, WebError> {
        let version = store.data_version().await?;
        let ranked = {
            let mut state = self.state.lock().map_err(|_| poisoned())?;
            if let Some(failure) = state.failure.take() {
                return Err(WebError::Internal(format!("ranking duplicates: {failure}")));
            }
            let current = state.ranked.as_ref().is_some_and(|r| r.version == version);
            if !current && !state.running {
                state.running = true;
                self.start_ranking(store.clone(), version);
            }
            state.ranked.clone()
        };
        let Some(ranking) = ranked else { return Ok(Candidates::Ranking) };
        let stale = ranking.version != version;
        let decisions = store.decisions_version().await?;
        // One filtering per decisions version: requests meanwhile wait for it, then share it.
        let mut open = self.open.lock().await;
        if let Some(pairs) = open.as_ref().filter(|o| Arc::ptr_eq(&o.ranking, &ranking) && o.decisions == decisions) {
            return Ok(Candidates::Ready { pairs: pairs.clone(), stale });
        }
        let all = store.decisions().await?;
        let ranked = ranking.clone();
        let indexes = tokio::task::spawn_blocking(move || open_pairs(&ranked, &all))
            .await
            .map_err(|e| WebError::Internal(format!("filtering duplicates: {e}")))?;
        let pairs = Arc::new(OpenPairs { ranking, decisions, open: indexes });
        *open = Some(pairs.clone());
        Ok(Candidates::Ready { pairs, stale })
    }

    fn start_ranking<S: Store>(self: &Arc<Self>, store: Arc<S>, version: i64) {
        let cache = self.clone();
        tokio::spawn(async move {
            let result = rank(store.as_ref(), version).await;
            let Ok(mut state) = cache.state.lock() else { return };
            state.running = false;
            match result {
                Ok(ranking) => state.ranked = Some(Arc::new(ranking)),
                Err(e) => {
                    eprintln!("lookout-web: ranking duplicates: {e}");
                    state.failure = Some(e.to_string());
                }
            }
        });
    }
}

/// Ranks the record's names as `lookout xref` does, on a blocking thread.
async fn rank<S: Store>(store: &S, version: i64) -> Result<Ranking, WebError> {
    // Restricted entities too, as the command line ranks them: the workspace is signed in.
    let named: Vec<Named> = store
        .names(&SCHEMATA, true)
        .await?
        .into_iter()
        .map(|e| Named { id: e.id.to_string(), schema: e.schema.as_str().to_string(), names: e.names })
        .collect();
    tokio::task::spawn_blocking(move || rank_names(named, version))
        .await
        .map_err(|e| WebError::Internal(format!("ranking duplicates: {e}")))?
}

fn rank_names(named: Vec<Named>, version: i64) -> Result<Ranking, WebError> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    // Scores only: a pair's explanation is written when it is shown.
    let options = XrefOptions { threads: (cores / 2).max(1), explain: false, ..XrefOptions::default() };
    let index = NameIndex::build(named);
    let none = |_: usize, _: usize| false;
    let quiet = |_: usize, _: usize| {};
    let found = xref(&index, &options, &none, &quiet);
    let entities = index.entities();
    let at = |entity: usize, name: &str| entities[entity].names.iter().position(|n| n == name).unwrap_or(0) as u8;
    let pairs: Vec<RankedPair> = found
        .into_iter()
        .map(|c| RankedPair {
            left: c.left as u32,
            right: c.right as u32,
            score: c.result.score,
            is_match: c.result.is_match,
            names: (at(c.left, &c.names.0), at(c.right, &c.names.1)),
        })
        .collect();
    let entities = index.into_entities();
    let ids = entities
        .iter()
        .map(|e| EntityId::new(&e.id).map_err(|err| WebError::Internal(format!("entity id {:?}: {err}", e.id))))
        .collect::<Result<_, _>>()?;
    let explanations = (0..pairs.len()).map(|_| OnceLock::new()).collect();
    Ok(Ranking { version, entities, ids, pairs, explanations })
}

/// The positions of the pairs no decision settles: neither decided (match, no match or unsure,
/// and not undone) nor already in one cluster.
fn open_pairs(ranking: &Ranking, decisions: &[Decision]) -> Vec<u32> {
    let resolution = Resolution::from_decisions(decisions);
    let ids = &ranking.ids;
    (0..ranking.pairs.len() as u32)
        .filter(|&i| {
            let pair = &ranking.pairs[i as usize];
            let (a, b) = (&ids[pair.left as usize], &ids[pair.right as usize]);
            resolution.decided(a, b).is_none() && resolution.canonical(a) != resolution.canonical(b)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use lookout_core::Judgement;

    fn named(id: &str, name: &str) -> Named {
        Named { id: id.into(), schema: "PublicBody".into(), names: vec![name.into()] }
    }

    #[test]
    fn decided_pairs_and_pairs_in_one_cluster_are_not_open() {
        let ranking = rank_names(
            vec![
                named("psb-a", "Fuzhou Public Security Bureau"),
                named("psb-b", "福州市公安局"),
                named("psb-c", "福建省福州市公安局"),
            ],
            1,
        )
        .unwrap();
        let pair_of = |i: u32| {
            let p = &ranking.pairs[i as usize];
            (ranking.ids[p.left as usize].as_str(), ranking.ids[p.right as usize].as_str())
        };
        let all = open_pairs(&ranking, &[]);
        assert_eq!(all.len(), 3, "{:?}", all.iter().map(|&i| pair_of(i)).collect::<Vec<_>>());
        let explained = ranking.explain(0);
        assert!(!explained.explanation.is_empty());
        assert!(std::ptr::eq(explained, ranking.explain(0)), "written once");
        assert!((explained.score - ranking.pairs[0].score).abs() < 1e-9, "the explanation is of the same score");

        let id = |s: &str| EntityId::new(s).unwrap();
        let decide = |a: &str, b: &str, j| Decision::new(&id(a), &id(b), j, "ana").unwrap();
        // a = b and b = c: a ~ c is settled by the cluster.
        let decisions = [decide("psb-a", "psb-b", Judgement::Match), decide("psb-b", "psb-c", Judgement::Match)];
        assert!(open_pairs(&ranking, &decisions).is_empty());
        let undone = [decide("psb-a", "psb-b", Judgement::Unsure), decide("psb-a", "psb-b", Judgement::Undone)];
        assert_eq!(open_pairs(&ranking, &undone).len(), 3, "an undone decision reopens its pair");
    }
}
