//! Public counts of published incidents that cannot single one out.
//!
//! Three one-way tables (by country, by category, by month) over one population:
//!
//! - a value counted fewer than k times is never named: it is folded into the table's "others"
//!   cell (key `None`);
//! - when a table's "others" would itself be below k, the incidents in it are left out of every
//!   table (they are counted in a later release, once their values reach k), and the tables are
//!   recomputed until nothing changes;
//! - so every number shown is at least k, every table adds up to the one total shown, and there is
//!   nothing hidden to recover by subtraction, across tables or from the total.
//!
//! Differences between publications are handled by releasing the tables in batches (see
//! `desk::counts`): a new release only when at least k incidents were published since the last.
//!
//! ```
//! use lookout_report::kanon::{public_counts, Published};
//! let at = |country: &str| Published { country: country.into(), category: "approach".into(), month: "2026-10".into() };
//! let incidents: Vec<Published> = ["NL", "NL", "NL", "IE"].iter().map(|c| at(c)).collect();
//! let counts = public_counts(&incidents, 3);
//! // Ireland's one incident would be an "others" cell of 1: it is left out, and named nowhere.
//! assert_eq!(counts.total, 3);
//! assert_eq!(counts.by_country.len(), 1);
//! assert_eq!(counts.by_country[0].key.as_deref(), Some("NL"));
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A cell of a public table: a value and its count (at least k), or the fold of values each
/// counted fewer than k times (`key` is `None`, and its count is at least k too).
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
    /// Incidents counted in the tables (0 when fewer than k could be shown).
    pub total: u64,
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

type Field = fn(&Published) -> &str;
const FIELDS: [Field; 3] = [|i| &i.country, |i| &i.category, |i| &i.month];

fn tally<'a>(incidents: &'a [Published], counted: &[bool], field: Field) -> BTreeMap<&'a str, u64> {
    let mut out = BTreeMap::new();
    for (i, _) in incidents.iter().zip(counted).filter(|(_, c)| **c) {
        *out.entry(field(i)).or_insert(0) += 1;
    }
    out
}

fn table(counts: &BTreeMap<&str, u64>, k: u64) -> Vec<Cell> {
    let mut cells: Vec<Cell> = counts
        .iter()
        .filter(|(_, n)| **n >= k)
        .map(|(key, n)| Cell { key: Some(key.to_string()), count: *n })
        .collect();
    let others: u64 = counts.values().filter(|n| **n < k).sum();
    if others > 0 {
        cells.push(Cell { key: None, count: others });
    }
    cells
}

/// The public tables of `incidents` at k.
pub fn public_counts(incidents: &[Published], k: u64) -> PublicCounts {
    let k = k.max(1);
    let mut counted = vec![true; incidents.len()];
    loop {
        let mut changed = false;
        for field in FIELDS {
            let counts = tally(incidents, &counted, field);
            let others: u64 = counts.values().filter(|n| **n < k).sum();
            if others > 0 && others < k {
                for (i, c) in incidents.iter().zip(counted.iter_mut()) {
                    if *c && counts[field(i)] < k {
                        *c = false;
                        changed = true;
                    }
                }
            }
        }
        if !changed {
            break;
        }
    }
    let total = counted.iter().filter(|c| **c).count() as u64;
    if total < k {
        return PublicCounts { k, total: 0, by_country: Vec::new(), by_category: Vec::new(), by_month: Vec::new() };
    }
    let [country, category, month] = FIELDS.map(|f| table(&tally(incidents, &counted, f), k));
    PublicCounts { k, total, by_country: country, by_category: category, by_month: month }
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

    /// What an attacker checks: every number shown is at least k, every table adds up to the
    /// total, and no value counted fewer than k times among all published incidents is named.
    fn safe(p: &PublicCounts, all: &[Published], k: u64) -> Result<(), String> {
        for (name, t, field) in [
            ("country", &p.by_country, FIELDS[0]),
            ("category", &p.by_category, FIELDS[1]),
            ("month", &p.by_month, FIELDS[2]),
        ] {
            if t.iter().map(|c| c.count).sum::<u64>() != p.total {
                return Err(format!("{name} does not add up to the total"));
            }
            if let Some(c) = t.iter().find(|c| c.count < k) {
                return Err(format!("{name}: a cell below k: {c:?}"));
            }
            let everywhere = tally(all, &vec![true; all.len()], field);
            if let Some(c) = t.iter().find(|c| c.key.as_deref().is_some_and(|key| everywhere[key] < k)) {
                return Err(format!("{name}: a small value is named: {c:?}"));
            }
        }
        Ok(())
    }

    #[test]
    fn small_values_are_never_named_and_every_table_adds_up() {
        let all = incidents(&[
            ("NL", "surveillance", "2026-01", 7),
            ("IE", "surveillance", "2026-01", 2),
            ("CA", "approach", "2026-02", 9),
        ]);
        let p = public_counts(&all, 5);
        // IE (2) would be "others" of 2 < 5 in the country table: left out everywhere.
        assert_eq!(p.total, 16);
        assert_eq!(
            p.by_country,
            vec![Cell { key: Some("CA".into()), count: 9 }, Cell { key: Some("NL".into()), count: 7 }]
        );
        safe(&p, &all, 5).unwrap();
        let tiny = public_counts(&incidents(&[("NL", "other", "2026-03", 3)]), 5);
        assert_eq!((tiny.total, tiny.by_country.len()), (0, 0));
        // Two small values together reach k: shown as "others", neither named.
        let folded = incidents(&[("NL", "x", "2026-01", 6), ("IE", "x", "2026-01", 3), ("BE", "x", "2026-01", 2)]);
        let p = public_counts(&folded, 5);
        assert_eq!(p.by_country, vec![Cell { key: Some("NL".into()), count: 6 }, Cell { key: None, count: 5 }]);
        safe(&p, &folded, 5).unwrap();
    }

    #[test]
    fn every_mix_of_small_data_is_safe() {
        let countries = ["NL", "IE", "CA"];
        let categories = ["x", "y"];
        for a in 0..7 {
            for b in 0..7 {
                for c in 0..7 {
                    for d in 0..4 {
                        let all = incidents(&[
                            (countries[0], categories[0], "2026-01", a),
                            (countries[1], categories[1], "2026-01", b),
                            (countries[2], categories[1], "2026-02", c),
                            (countries[1], categories[0], "2026-03", d),
                        ]);
                        for k in [2, 3, 5] {
                            let p = public_counts(&all, k);
                            assert!(safe(&p, &all, k).is_ok(), "{a} {b} {c} {d} k={k}: {p:?}");
                            assert!(p.total == 0 || p.total >= k);
                        }
                    }
                }
            }
        }
    }
}
