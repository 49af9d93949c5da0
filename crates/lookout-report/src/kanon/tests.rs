//! What an attacker checks of the public counts, on one release and across releases.

use super::*;

fn incidents(spec: &[(&str, &str, &str, usize)]) -> Vec<Published> {
    let mut out = Vec::new();
    for (c, k, m, n) in spec {
        for _ in 0..*n {
            let id = format!("i{}", out.len());
            out.push(Published { id, country: c.to_string(), category: k.to_string(), month: m.to_string() });
        }
    }
    out
}

/// One release: every cell at least k, every table adds up to the total, no value counted fewer
/// than k times among all published incidents named.
fn safe_release(p: &PublicCounts, all: &[Published], k: u64) -> Result<(), String> {
    for (t, table) in [&p.by_country, &p.by_category, &p.by_month].into_iter().enumerate() {
        if table.iter().map(|c| c.count).sum::<u64>() != p.total {
            return Err(format!("table {t} does not add up to the total"));
        }
        if let Some(c) = table.iter().find(|c| c.count < k) {
            return Err(format!("table {t}: a cell below k: {c:?}"));
        }
        let everywhere = tally(all.iter(), FIELDS[t]);
        if let Some(c) = table.iter().find(|c| c.key.as_deref().is_some_and(|key| everywhere[key] < k)) {
            return Err(format!("table {t}: a small value is named: {c:?}"));
        }
    }
    Ok(())
}

fn cell(table: &[Cell], key: Option<&str>) -> u64 {
    table.iter().find(|c| c.key.as_deref() == key).map_or(0, |c| c.count)
}

/// Two releases: nothing named disappears, nothing counted is uncounted, and every named value's
/// increase (and a newly named value's count) is 0 or at least k.
fn safe_step(a: &PublicCounts, b: &PublicCounts, k: u64) -> Result<(), String> {
    if b.total < a.total || !safe(b.total - a.total, k) {
        return Err(format!("total {} → {}", a.total, b.total));
    }
    for (t, (ta, tb)) in [(&a.by_country, &b.by_country), (&a.by_category, &b.by_category), (&a.by_month, &b.by_month)]
        .into_iter()
        .enumerate()
    {
        for c in ta.iter().filter(|c| c.key.is_some()) {
            let after = cell(tb, c.key.as_deref());
            if after < c.count || !safe(after - c.count, k) {
                return Err(format!("table {t}: {:?} {} → {after}", c.key, c.count));
            }
        }
    }
    Ok(())
}

#[test]
fn small_values_wait_and_are_never_named() {
    let all = incidents(&[
        ("NL", "surveillance", "2026-01", 7),
        ("IE", "surveillance", "2026-01", 2),
        ("CA", "approach", "2026-02", 9),
    ]);
    let (state, p) = next_release(&ReleaseState::default(), &all, 5).unwrap();
    // IE (2) would be "others" of 2 < 5: its incidents wait.
    assert_eq!(p.total, 16);
    assert_eq!(
        p.by_country,
        vec![Cell { key: Some("CA".into()), count: 9 }, Cell { key: Some("NL".into()), count: 7 }]
    );
    safe_release(&p, &all, 5).unwrap();
    assert_eq!(state.counted.len(), 16);
    assert!(next_release(&ReleaseState::default(), &incidents(&[("NL", "other", "2026-03", 3)]), 5).is_none());
    // Two small values together reach k: counted as "others", neither named.
    let folded = incidents(&[("NL", "x", "2026-01", 6), ("IE", "x", "2026-01", 3), ("BE", "x", "2026-01", 2)]);
    let (_, p) = next_release(&ReleaseState::default(), &folded, 5).unwrap();
    assert_eq!(p.by_country, vec![Cell { key: Some("NL".into()), count: 6 }, Cell { key: None, count: 5 }]);
    safe_release(&p, &folded, 5).unwrap();
}

/// The reviewer's example: a value leaving "others" must not expose the rest, and a few more
/// incidents must not change a cell by fewer than k. Such a batch waits; once enough arrive, the
/// next release is safe against the first.
#[test]
fn a_second_release_isolates_nothing() {
    let k = 5;
    let mut all = incidents(&[("NL", "x", "M1", 6), ("DE", "x", "M2", 5), ("IE", "x", "M1", 3), ("BE", "x", "M2", 2)]);
    let (state, first) = next_release(&ReleaseState::default(), &all, k).unwrap();
    safe_release(&first, &all, k).unwrap();
    assert_eq!(first.total, 16);
    let late = |spec: &[(&str, &str, &str, usize)], from: usize| -> Vec<Published> {
        incidents(spec)
            .into_iter()
            .enumerate()
            .map(|(n, mut i)| {
                i.id = format!("late{}", from + n);
                i
            })
            .collect()
    };
    all.extend(late(&[("IE", "x", "M1", 2), ("NL", "x", "M1", 3)], 0));
    assert!(next_release(&state, &all, k).is_none(), "NL +3 and IE +2 would each isolate a small group");
    all.extend(late(&[("NL", "x", "M1", 2), ("IE", "x", "M1", 3)], 5));
    let (_, second) = next_release(&state, &all, k).expect("NL +5, others +5, M1 +10: a safe batch");
    safe_release(&second, &all, k).unwrap();
    safe_step(&first, &second, k).unwrap();
    assert_eq!(second.total, 26);
}

/// Many histories: each release safe alone and against the one before.
#[test]
fn every_history_of_small_data_is_safe() {
    let countries = ["NL", "IE", "CA", "DE"];
    let categories = ["x", "y", "z"];
    let months = ["M1", "M2"];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let mut steps = 0;
    for history in 0..300 {
        let k = [2, 3, 5][history % 3];
        let mut all: Vec<Published> = Vec::new();
        let mut state = ReleaseState::default();
        let mut last: Option<PublicCounts> = None;
        for _ in 0..12 {
            for _ in 0..next(6) {
                let id = format!("h{history}-{}", all.len());
                all.push(Published {
                    id,
                    country: countries[next(4)].into(),
                    category: categories[next(3)].into(),
                    month: months[next(2)].into(),
                });
            }
            if let Some((s, counts)) = next_release(&state, &all, k as u64) {
                safe_release(&counts, &all, k as u64).unwrap_or_else(|e| panic!("history {history}: {e}: {counts:?}"));
                if let Some(before) = &last {
                    safe_step(before, &counts, k as u64).unwrap_or_else(|e| panic!("history {history}: {e}"));
                    steps += 1;
                }
                assert!(s.counted.is_superset(&state.counted));
                state = s;
                last = Some(counts);
            }
        }
    }
    assert!(steps > 500, "the histories must release again and again: {steps} second releases");
}
