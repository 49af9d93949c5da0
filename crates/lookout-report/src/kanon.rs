//! Public counts of published incidents that cannot single one out, in releases.
//!
//! Three one-way tables (by country, by category, by month) over the incidents a release counts:
//!
//! - a value is named in a table only once at least k incidents have it; the others are counted
//!   together in one "others" cell (key `None`), shown only when it is at least k too; every table
//!   adds up to the total, so nothing hidden can be recovered by subtraction;
//! - releases only add: an incident counted once stays counted, a value named once stays named;
//! - a release adds a batch of new incidents in which every named value's increase, the others'
//!   increase, and a newly named value's group, are each 0 or at least k. New incidents that would
//!   break this wait for a later release, so that comparing two releases never isolates fewer
//!   than k incidents.
//!
//! ```
//! use lookout_report::kanon::{next_release, Published, ReleaseState};
//! let at = |id: &str, country: &str| Published {
//!     id: id.into(), country: country.into(), category: "approach".into(), month: "2026-10".into(),
//! };
//! let incidents = vec![at("a", "NL"), at("b", "NL"), at("c", "NL"), at("d", "IE")];
//! let (state, counts) = next_release(&ReleaseState::default(), &incidents, 3).unwrap();
//! // Ireland's one incident would be an "others" cell of 1: it waits, named nowhere.
//! assert_eq!(counts.total, 3);
//! assert_eq!(counts.by_country[0].key.as_deref(), Some("NL"));
//! assert!(!state.counted.contains("d"));
//! ```

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

/// A cell of a public table: a value and its count (at least k), or the values each counted
/// fewer than k times together (`key` is `None`, and its count is at least k too).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cell {
    /// The value counted (a country code, a category, a month), or `None` for the others.
    pub key: Option<String>,
    /// How many.
    pub count: u64,
}

/// The public tables.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicCounts {
    /// k.
    pub k: u64,
    /// Incidents counted in the tables.
    pub total: u64,
    /// By country.
    pub by_country: Vec<Cell>,
    /// By category.
    pub by_category: Vec<Cell>,
    /// By month.
    pub by_month: Vec<Cell>,
}

/// One published incident's pseudonymous id and coarse fields.
#[derive(Debug, Clone)]
pub struct Published {
    /// Pseudonymous id.
    pub id: String,
    /// Country code.
    pub country: String,
    /// Category.
    pub category: String,
    /// `YYYY-MM`.
    pub month: String,
}

/// What the releases so far made public (kept with each release, never published itself): the
/// incidents counted and the values named in each table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReleaseState {
    /// The k the releases keep.
    #[serde(default)]
    pub k: u64,
    /// Ids of the incidents counted.
    pub counted: BTreeSet<String>,
    /// Values named: by country, by category, by month.
    pub named: [BTreeSet<String>; 3],
}

type Field = fn(&Published) -> &str;
const FIELDS: [Field; 3] = [|i| &i.country, |i| &i.category, |i| &i.month];

fn tally<'a>(incidents: impl Iterator<Item = &'a Published>, field: Field) -> BTreeMap<&'a str, u64> {
    let mut out = BTreeMap::new();
    for i in incidents {
        *out.entry(field(i)).or_insert(0) += 1;
    }
    out
}

/// 0, or at least k.
fn safe(n: u64, k: u64) -> bool {
    n == 0 || n >= k
}

/// The values of one table that the batch lets join the named ones: groups of at least k, none of
/// whose parts (before and in the batch) is a group smaller than k, and whose leaving does not
/// make the others smaller than k. Largest first.
fn joining(
    old: &BTreeMap<&str, u64>,
    batch: &BTreeMap<&str, u64>,
    named: &BTreeSet<String>,
    k: u64,
) -> BTreeSet<String> {
    let count = |m: &BTreeMap<&str, u64>, v: &str| m.get(v).copied().unwrap_or(0);
    let mut candidates: Vec<(&str, u64)> = old
        .keys()
        .chain(batch.keys())
        .filter(|v| !named.contains(**v))
        .map(|v| (*v, count(old, v)))
        .collect::<BTreeMap<_, _>>()
        .into_iter()
        .filter(|(v, before)| safe(*before, k) && safe(count(batch, v), k) && before + count(batch, v) >= k)
        .collect();
    candidates.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut others_before: u64 = old.iter().filter(|(v, _)| !named.contains(**v)).map(|(_, n)| n).sum();
    let mut out = BTreeSet::new();
    for (v, before) in candidates {
        if safe(others_before - before, k) {
            others_before -= before;
            out.insert(v.to_string());
        }
    }
    out
}

/// The next release after `previous`, from every published incident: its state and its tables;
/// `None` when no batch of new incidents can be released without singling some out.
pub fn next_release(previous: &ReleaseState, incidents: &[Published], k: u64) -> Option<(ReleaseState, PublicCounts)> {
    let k = k.max(1);
    let old: Vec<&Published> = incidents.iter().filter(|i| previous.counted.contains(&i.id)).collect();
    let mut batch: Vec<&Published> = incidents.iter().filter(|i| !previous.counted.contains(&i.id)).collect();
    let mut joined: [BTreeSet<String>; 3] = Default::default();
    loop {
        let before = batch.len();
        for (t, field) in FIELDS.into_iter().enumerate() {
            let old_counts = tally(old.iter().copied(), field);
            let batch_counts = tally(batch.iter().copied(), field);
            joined[t] = joining(&old_counts, &batch_counts, &previous.named[t], k);
            let is_named = |v: &str| previous.named[t].contains(v) || joined[t].contains(v);
            let others: u64 = batch_counts.iter().filter(|(v, _)| !is_named(v)).map(|(_, n)| n).sum();
            // Incidents in a cell that would grow by fewer than k wait for a later release.
            batch.retain(|i| {
                let v = field(i);
                if is_named(v) {
                    safe(batch_counts[v], k)
                } else {
                    safe(others, k)
                }
            });
        }
        if batch.len() == before {
            break;
        }
    }
    if batch.is_empty() {
        return None;
    }
    let mut state = previous.clone();
    state.k = k;
    state.counted.extend(batch.iter().map(|i| i.id.clone()));
    for (named, joined) in state.named.iter_mut().zip(joined) {
        named.extend(joined);
    }
    let counts = tables(&state, incidents, k);
    Some((state, counts))
}

/// The public tables of a release's state.
pub fn tables(state: &ReleaseState, incidents: &[Published], k: u64) -> PublicCounts {
    let counted: Vec<&Published> = incidents.iter().filter(|i| state.counted.contains(&i.id)).collect();
    let [country, category, month] = [0, 1, 2].map(|t| {
        let counts = tally(counted.iter().copied(), FIELDS[t]);
        let mut cells: Vec<Cell> = counts
            .iter()
            .filter(|(v, _)| state.named[t].contains(**v))
            .map(|(v, n)| Cell { key: Some(v.to_string()), count: *n })
            .collect();
        let others: u64 = counts.iter().filter(|(v, _)| !state.named[t].contains(**v)).map(|(_, n)| n).sum();
        if others > 0 {
            cells.push(Cell { key: None, count: others });
        }
        cells
    });
    PublicCounts { k, total: counted.len() as u64, by_country: country, by_category: category, by_month: month }
}

#[cfg(test)]
mod tests;
