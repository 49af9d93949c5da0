//! The shipped step model (`data/models/step-sentences.tsv`, compiled into `lookout`) was trained
//! on exactly the rows that the corpus's current dev labels and this crate's sentence features
//! give: `scripts/train_step_model.py` writes a digest of its training rows into the model, and
//! this test computes the same digest from the labels and the code. A label corrected, a document
//! moved to dev, or a change to how sentences or features are read makes the model stale, and
//! this test says to retrain it.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The SHA-256 of the training rows, as `training_digest` in the script computes it: per dev
/// document by id, per sentence, "id TAB sentence TAB features joined by U+001F TAB the statuses
/// labelled in it, sorted and joined by commas", each row ending in a line feed.
fn training_digest() -> String {
    let corpus = root().join("research/issue17/corpus");
    let split = read(&corpus.join("split.csv"));
    let mut dev: Vec<&str> = split.lines().skip(1).filter_map(|line| line.strip_suffix(",dev")).collect();
    dev.sort_unstable();
    let mut hasher = Sha256::new();
    for id in dev {
        let text = read(&corpus.join(format!("{id}.txt")));
        let labels: serde_json::Value =
            serde_json::from_str(&read(&corpus.join("labels").join(format!("{id}.json")))).expect("labels are JSON");
        let steps: Vec<(&str, &str)> = labels["status_events"]
            .as_array()
            .map(|steps| {
                steps
                    .iter()
                    .filter_map(|s| Some((s["quote"].as_str()?, s["status"].as_str()?)))
                    .filter(|(quote, _)| !quote.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        for (sentence, features) in lookout_ingest::step_sentences(&text) {
            let mut labelled: Vec<&str> = steps
                .iter()
                .filter(|(quote, _)| sentence.contains(quote) || quote.contains(sentence.as_str()))
                .map(|(_, status)| *status)
                .collect();
            labelled.sort_unstable();
            labelled.dedup();
            hasher.update(format!("{id}\t{sentence}\t{}\t{}\n", features.join("\u{1f}"), labelled.join(",")));
        }
    }
    hasher.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn the_shipped_step_model_is_trained_on_the_current_labels_and_features() {
    let model = read(&root().join("data/models/step-sentences.tsv"));
    let shipped = model
        .lines()
        .find_map(|line| line.strip_prefix("# training rows\t"))
        .expect("the model names its training rows (retrain: python3 scripts/train_step_model.py --cross-validate 5)");
    assert_eq!(
        shipped,
        training_digest(),
        "the step model is stale: the dev labels or the sentence features changed since it was trained; \
         retrain it with python3 scripts/train_step_model.py --cross-validate 5"
    );
}
