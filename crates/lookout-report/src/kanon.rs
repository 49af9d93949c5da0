//! Public counts of published incidents with k-anonymity: each table (by country, by category, by
//! month) shows a count only when it is at least k. Since every table sums to the same total, a
//! table with one hidden cell would give it away by subtraction; so a table hiding anything hides
//! at least two cells (the smallest others), and when the total itself is below k nothing is shown.

use std::collections::BTreeMap;

use serde::Serialize;

/// A cell of a public table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cell {
    /// The value counted (a country code, a category, a month).
    pub key: String,
    /// The count, or `None` when suppressed.
    pub count: Option<u64>,
}

/// The public tables.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PublicCounts {
    /// k.
    pub k: u64,
    /// All published incidents, or `None` when fewer than k.
    pub total: Option<u64>,
    /// By country.
    pub by_country: Vec<Cell>,
    /// By category.
    pub by_category: Vec<Cell>,
    /// By month.
    pub by_month: Vec<Cell>,
}

/// One published incident's coarse fields.
#[derive(Debug, Clone)]
pub struct Published {
    /// Country code.
    pub country: String,
    /// Category.
    pub category: String,
    /// `YYYY-MM`.
    pub month: String,
}

/// Suppresses one table: cells below k hidden, and if exactly one is hidden, the next smallest too.
fn table(counts: BTreeMap<String, u64>, k: u64) -> Vec<Cell> {
    let mut cells: Vec<Cell> = counts.into_iter().map(|(key, n)| Cell { key, count: Some(n) }).collect();
    for c in &mut cells {
        if c.count.is_some_and(|n| n < k) {
            c.count = None;
        }
    }
    if cells.iter().filter(|c| c.count.is_none()).count() == 1 {
        if let Some(smallest) = cells.iter_mut().filter(|c| c.count.is_some()).min_by_key(|c| c.count) {
            smallest.count = None;
        }
    }
    cells
}

/// The public tables of `incidents` at k.
pub fn public_counts(incidents: &[Published], k: u64) -> PublicCounts {
    let total = incidents.len() as u64;
    if total < k {
        return PublicCounts { k, total: None, by_country: Vec::new(), by_category: Vec::new(), by_month: Vec::new() };
    }
    let count = |f: &dyn Fn(&Published) -> &str| {
        let mut m = BTreeMap::new();
        for i in incidents {
            *m.entry(f(i).to_string()).or_insert(0u64) += 1;
        }
        table(m, k)
    };
    PublicCounts {
        k,
        total: Some(total),
        by_country: count(&|i| &i.country),
        by_category: count(&|i| &i.category),
        by_month: count(&|i| &i.month),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn incidents(spec: &[(&str, &str, &str, usize)]) -> Vec<Published> {
        spec.iter()
            .flat_map(|(c, k, m, n)| {
                std::iter::repeat_with(|| Published {
                    country: c.to_string(),
                    category: k.to_string(),
                    month: m.to_string(),
                })
                .take(*n)
            })
            .collect()
    }

    /// Whether any suppressed cell of any table can be computed from what is shown: a table
    /// with one hidden cell and a known total.
    fn recoverable(p: &PublicCounts) -> bool {
        p.total.is_some()
            && [&p.by_country, &p.by_category, &p.by_month]
                .iter()
                .any(|t| t.iter().filter(|c| c.count.is_none()).count() == 1)
    }

    #[test]
    fn small_cells_are_hidden_and_cannot_be_recovered() {
        let p = public_counts(
            &incidents(&[
                ("NL", "surveillance", "2026-01", 7),
                ("IE", "surveillance", "2026-01", 2),
                ("CA", "approach", "2026-02", 9),
            ]),
            5,
        );
        assert_eq!(p.total, Some(18));
        let nl = p.by_country.iter().find(|c| c.key == "NL").unwrap();
        let ie = p.by_country.iter().find(|c| c.key == "IE").unwrap();
        assert_eq!(ie.count, None);
        assert_eq!(nl.count, None, "the smallest other cell is hidden with it");
        assert_eq!(p.by_country.iter().find(|c| c.key == "CA").unwrap().count, Some(9));
        assert!(!recoverable(&p));
        let tiny = public_counts(&incidents(&[("NL", "other", "2026-03", 3)]), 5);
        assert_eq!((tiny.total, tiny.by_country.len()), (None, 0));
        // Every mix of small data: no table ever shows exactly one hidden cell with a total.
        for a in 0..8 {
            for b in 0..8 {
                for c in 0..8 {
                    let p = public_counts(
                        &incidents(&[("NL", "x", "2026-01", a), ("IE", "y", "2026-01", b), ("CA", "y", "2026-02", c)]),
                        5,
                    );
                    assert!(!recoverable(&p), "{a} {b} {c}: {p:?}");
                }
            }
        }
    }
}
