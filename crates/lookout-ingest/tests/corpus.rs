//! The team's test corpus (written for Lookout, not copied from articles): every expected mention
//! found, per kind, with precision and recall printed and held above a floor.

use std::collections::BTreeMap;

use lookout_ingest::text::{extract, Format};

#[test]
fn the_corpus_is_read_with_high_precision_and_recall() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let expected: BTreeMap<String, Vec<(String, String)>> =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    // kind → (true positives, found, expected)
    let mut counts: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    for (file, wanted) in &expected {
        let bytes = std::fs::read(dir.join(file)).unwrap();
        let text = extract(&bytes, Format::of_name(file).unwrap()).unwrap();
        let found: Vec<(String, String)> = lookout_ingest::extract_mentions(&text)
            .into_iter()
            .map(|m| (serde_json::to_value(m.kind).unwrap().as_str().unwrap().to_string(), m.text))
            .collect();
        let mut unmatched = wanted.clone();
        for f in &found {
            let c = counts.entry(f.0.clone()).or_default();
            c.1 += 1;
            if let Some(at) = unmatched.iter().position(|w| w == f) {
                unmatched.remove(at);
                c.0 += 1;
            } else {
                misses.push(format!("{file}: unexpected {f:?}"));
            }
        }
        for w in wanted {
            counts.entry(w.0.clone()).or_default().2 += 1;
        }
        misses.extend(unmatched.iter().map(|w| format!("{file}: missed {w:?}")));
    }
    for m in &misses {
        eprintln!("{m}");
    }
    for (kind, (tp, found, wanted)) in &counts {
        let p = *tp as f64 / (*found).max(1) as f64;
        let r = *tp as f64 / (*wanted).max(1) as f64;
        eprintln!("{kind:13} precision {p:.3} recall {r:.3} ({tp} of {found} found, {wanted} expected)");
        assert!(p >= 0.8 && r >= 0.8, "{kind}: precision {p:.3}, recall {r:.3}");
    }
}
