//! Cross-referencing a whole collection: a blocking index proposes pairs that share a rare key,
//! the matcher scores them, and the best candidates come first.

use serde::Serialize;

use crate::index::{NameIndex, Named};
use crate::{match_names, score_names, MatchResult, THRESHOLD};

/// A proposed duplicate.
#[derive(Debug, Clone, Serialize)]
pub struct Candidate {
    /// Index of one entity in the input.
    pub left: usize,
    /// Index of the other.
    pub right: usize,
    /// The names that scored best.
    pub names: (String, String),
    /// The score and why.
    pub result: MatchResult,
}

/// How xref runs.
#[derive(Debug, Clone)]
pub struct XrefOptions {
    /// Keys shared by more entities than this are too common to propose pairs (`association`).
    pub max_key_frequency: usize,
    /// At most this many candidates compared per entity, those sharing the most rare keys first.
    pub candidates_per_entity: usize,
    /// Pairs scoring below this are not reported.
    pub min_score: f64,
    /// Worker threads.
    pub threads: usize,
    /// Whether each candidate's [`MatchResult::explanation`] is written (false: scores only, for
    /// a caller that keeps many candidates and explains those it shows).
    pub explain: bool,
}

impl Default for XrefOptions {
    fn default() -> Self {
        XrefOptions {
            max_key_frequency: 500,
            candidates_per_entity: 20,
            min_score: 0.5,
            threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
            explain: true,
        }
    }
}

/// Schemata that can name the same thing (an organisation may be recorded as a public body).
fn comparable(a: &str, b: &str) -> bool {
    let person = |s: &str| s == "Person";
    person(a) == person(b)
}

/// Scores the best pair of names of two entities, explaining that pair only (with `explain`).
fn compare(a: &Named, b: &Named, explain: bool) -> Option<(MatchResult, String, String)> {
    let mut best: Option<(f64, &String, &String)> = None;
    for x in a.names.iter().take(5) {
        for y in b.names.iter().take(5) {
            let score = score_names(x, y, Some(&a.schema));
            if best.is_none_or(|(b, _, _)| score > b) {
                best = Some((score, x, y));
            }
        }
    }
    best.map(|(score, x, y)| {
        let result = if explain {
            match_names(x, y, Some(&a.schema))
        } else {
            MatchResult { score, is_match: score >= THRESHOLD, explanation: Vec::new() }
        };
        (result, x.clone(), y.clone())
    })
}

/// Finds candidate duplicates among the indexed entities, best first (`left` and `right` are
/// positions in [`NameIndex::entities`]). `skip(i, j)` leaves out pairs already decided;
/// `progress(done, total)` is called as entities are compared.
pub fn xref(
    index: &NameIndex,
    options: &XrefOptions,
    skip: &(dyn Fn(usize, usize) -> bool + Sync),
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Vec<Candidate> {
    let entities = index.entities();
    let total = entities.len();
    let done = std::sync::atomic::AtomicUsize::new(0);
    let threads = options.threads.max(1);
    let mut found: Vec<Candidate> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|t| {
                let done = &done;
                scope.spawn(move || {
                    let mut out = Vec::new();
                    for i in (t..total).step_by(threads) {
                        let ranked = index.ranked(
                            index.keys_of(i),
                            options.max_key_frequency,
                            options.candidates_per_entity,
                            |j| j > i,
                        );
                        for j in ranked {
                            let (a, b) = (&entities[i], &entities[j]);
                            if !comparable(&a.schema, &b.schema) || skip(i, j) {
                                continue;
                            }
                            if let Some((result, x, y)) = compare(a, b, options.explain) {
                                if result.score >= options.min_score {
                                    out.push(Candidate { left: i, right: j, names: (x, y), result });
                                }
                            }
                        }
                        let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
                        if n.is_multiple_of(1000) || n == total {
                            progress(n, total);
                        }
                    }
                    out
                })
            })
            .collect();
        workers.into_iter().flat_map(|w| w.join().unwrap_or_default()).collect()
    });
    found.sort_by(|a, b| b.result.score.total_cmp(&a.result.score).then((a.left, a.right).cmp(&(b.left, b.right))));
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(id: &str, schema: &str, name: &str) -> Named {
        Named { id: id.into(), schema: schema.into(), names: vec![name.into()] }
    }

    #[test]
    fn finds_the_cross_script_duplicate_and_skips_decided_pairs() {
        let entities = vec![
            named("a", "PublicBody", "Fuzhou Public Security Bureau"),
            named("b", "PublicBody", "福州市公安局"),
            named("c", "PublicBody", "抚州市公安局"),
            named("d", "PublicBody", "Qingtian County Public Security Bureau"),
            named("e", "Person", "福州"),
        ];
        let none = |_: usize, _: usize| false;
        let quiet = |_: usize, _: usize| {};
        let index = NameIndex::build(entities);
        let found = xref(&index, &XrefOptions::default(), &none, &quiet);
        let first = &found[0];
        assert_eq!((first.left, first.right), (0, 1), "{found:?}");
        assert!(first.result.is_match);
        assert!(found.iter().all(|c| c.left != 4 && c.right != 4), "a person is not compared with a bureau");
        assert!(!found.iter().any(|c| (c.left, c.right) == (1, 2) && c.result.is_match));
        let decided = |i: usize, j: usize| (i, j) == (0, 1);
        let found = xref(&index, &XrefOptions::default(), &decided, &quiet);
        assert!(found.iter().all(|c| (c.left, c.right) != (0, 1)));
        // Unexplained, the same pairs and scores.
        let explained = xref(&index, &XrefOptions::default(), &none, &quiet);
        let bare = xref(&index, &XrefOptions { explain: false, ..XrefOptions::default() }, &none, &quiet);
        let scores = |found: &[Candidate]| found.iter().map(|c| (c.left, c.right, c.result.score)).collect::<Vec<_>>();
        assert_eq!(scores(&bare), scores(&explained));
        assert!(bare.iter().all(|c| c.result.explanation.is_empty()));
    }
}
