//! Prints each sentence of the given text files with the features the step model reads in it,
//! one JSON line each (`{"file", "sentence", "features"}`): what `scripts/train_step_model.py`
//! trains on. Run: `cargo run --release -p lookout-ingest --example step_sentences -- FILE…`

use std::io::Write;

fn main() -> std::io::Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path)?;
        for (sentence, features) in lookout_ingest::step_sentences(&text) {
            let line = serde_json::json!({"file": path, "sentence": sentence, "features": features});
            writeln!(out, "{line}")?;
        }
    }
    out.flush()
}
