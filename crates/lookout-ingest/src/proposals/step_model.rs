//! A learned second reader of status steps: a linear model over a sentence's words (English
//! words and word pairs, Chinese runs of one to three characters) that says which step a
//! sentence reports when no cue of `cues.rs` does ("The Dutch government has started an
//! investigation into the facilities", "With 9, Spain is the country with the most bases").
//!
//! The model is trained by `scripts/train_step_model.py` on the labelled dev documents of issue
//! 17's corpus (never the held-out ones) and shipped as `data/models/step-sentences.tsv`,
//! compiled into the binary. Its features are this module's [`features`], which the training
//! script reads through `lookout_ingest::step_sentences`, so that training and reading see the
//! same words. `LOOKOUT_STEP_MODEL` names another model file (for cross-validation).

use std::hash::Hasher;
use std::str::FromStr;
use std::sync::OnceLock;

use lookout_core::StationStatus;
use lookout_text::is_han;
use rustc_hash::FxHashMap;

/// The model shipped with the binary.
const SHIPPED: &str = include_str!("../../../../data/models/step-sentences.tsv");

/// A linear model of step sentences: TF-IDF features (sublinear term frequency, L2-normalised)
/// and one logistic regression per status.
#[derive(Debug)]
pub(crate) struct StepModel {
    /// What each regression tells: a status, or (`None`, written `any`) whether the sentence
    /// reports any step at all.
    statuses: Vec<Option<StationStatus>>,
    intercepts: Vec<f32>,
    /// Feature (by its hash: [`hash`]) → its row in `idf` and `weights`.
    rows: FxHashMap<u64, u32>,
    /// The low 16 bits of the features' hashes, as a bit set: most words of a sentence are no
    /// feature, and are told so here without a look-up in `rows`.
    present: Vec<u64>,
    /// Each feature's inverse document frequency.
    idf: Vec<f32>,
    /// Each feature's weight for each status, a row of `statuses.len()` per feature.
    weights: Vec<f32>,
    /// Least probability at which a status is proposed, in an English and a Chinese sentence.
    threshold: [f32; 2],
    /// Probability of any step below which a step the cue words read is dropped, in an English
    /// and a Chinese sentence.
    veto: [f32; 2],
}

/// The features of a sentence in lower case with its Chinese folded to simplified: each Latin
/// word of two characters or more and each pair of such words in a row, and each run of one,
/// two and three Han characters within a run of them.
pub fn features(lower: &str) -> Vec<String> {
    let mut out = Vec::new();
    each_feature(lower, |f| out.push(f.to_string()));
    out
}

/// Calls `f` with each of [`features`] in turn, without keeping them: a word and a run of Han
/// characters are slices of `lower`, a pair of words one buffer.
fn each_feature(lower: &str, mut f: impl FnMut(&str)) {
    let mut last_word: Option<&str> = None;
    let mut pair = String::new();
    // The byte offsets of the current run of Han characters, and one past its end.
    let mut han: Vec<usize> = Vec::new();
    let flush_han = |han: &mut Vec<usize>, end: usize, f: &mut dyn FnMut(&str)| {
        han.push(end);
        for n in 1..=3 {
            for gram in han.windows(n + 1) {
                f(&lower[gram[0]..gram[n]]);
            }
        }
        han.clear();
    };
    let mut word_start: Option<usize> = None;
    for (i, c) in lower.char_indices().chain(std::iter::once((lower.len(), ' '))) {
        let is_han = is_han(c);
        if is_han {
            han.push(i);
        } else if !han.is_empty() {
            flush_han(&mut han, i, &mut f);
        }
        let in_word = !is_han && c.is_alphanumeric();
        match (in_word, word_start) {
            (true, None) => word_start = Some(i),
            (false, Some(start)) => {
                let word = &lower[start..i];
                word_start = None;
                if word.chars().nth(1).is_some() {
                    if let Some(last) = last_word {
                        pair.clear();
                        pair.push_str(last);
                        pair.push(' ');
                        pair.push_str(word);
                        f(&pair);
                    }
                    f(word);
                    last_word = Some(word);
                }
            }
            _ => {}
        }
        // A Han character, a full stop or a comma breaks a pair of words.
        if is_han || matches!(c, '.' | ',' | ';' | ':') {
            last_word = None;
        }
    }
    if !han.is_empty() {
        flush_han(&mut han, lower.len(), &mut f);
    }
}

/// A feature's hash, by which the model knows it.
fn hash(feature: &str) -> u64 {
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(feature.as_bytes());
    hasher.finish()
}

/// 1 for a sentence in Chinese (one with a Han character), 0 for one in English: the model's
/// probabilities are not alike in the two, and each has its threshold and veto.
fn language(lower: &str) -> usize {
    usize::from(lower.chars().any(is_han))
}

/// Why a model file could not be read: the line and what is wrong with it.
#[derive(Debug, thiserror::Error)]
#[error("step model, line {line}: {what}")]
pub(crate) struct ModelFileError {
    line: usize,
    what: String,
}

impl StepModel {
    /// Reads a model file: `threshold` and `veto` lines (English, then Chinese), `statuses` (`any`:
    /// whether any step is reported) and `intercepts` lines, then one `f` line per feature (the
    /// feature, its idf, its weight for each status), tab-separated; `#` comments.
    pub(crate) fn parse(text: &str) -> Result<StepModel, ModelFileError> {
        let mut model = StepModel {
            statuses: Vec::new(),
            intercepts: Vec::new(),
            rows: FxHashMap::default(),
            present: vec![0; 1 << 10],
            idf: Vec::new(),
            weights: Vec::new(),
            threshold: [1.0; 2],
            veto: [0.0; 2],
        };
        for (n, line) in text.lines().enumerate() {
            let fail = |what: String| ModelFileError { line: n + 1, what };
            let number = |s: &str| s.parse::<f32>().map_err(|_| fail(format!("{s:?} is not a number")));
            let mut fields = line.split('\t');
            match fields.next() {
                None | Some("") => {}
                Some(c) if c.starts_with('#') => {}
                Some(kind @ ("threshold" | "veto")) => {
                    let pair = [number(fields.next().unwrap_or(""))?, number(fields.next().unwrap_or(""))?];
                    if kind == "threshold" {
                        model.threshold = pair;
                    } else {
                        model.veto = pair;
                    }
                }
                Some("statuses") => {
                    for s in fields {
                        let status = (s != "any").then(|| StationStatus::from_str(s)).transpose();
                        model.statuses.push(status.map_err(|e| fail(e.to_string()))?);
                    }
                }
                Some("intercepts") => model.intercepts = fields.map(number).collect::<Result<_, _>>()?,
                Some("f") => {
                    let feature = fields.next().ok_or_else(|| fail("a feature line without its feature".into()))?;
                    let idf = number(fields.next().unwrap_or(""))?;
                    let weights: Vec<f32> = fields.map(number).collect::<Result<_, _>>()?;
                    if weights.len() != model.statuses.len() {
                        return Err(fail(format!("{} weights for {} statuses", weights.len(), model.statuses.len())));
                    }
                    let h = hash(feature);
                    model.present[(h & 0xffff) as usize / 64] |= 1 << (h % 64);
                    model.rows.insert(h, model.idf.len() as u32);
                    model.idf.push(idf);
                    model.weights.extend(weights);
                }
                Some(other) => return Err(fail(format!("unknown line kind {other:?}"))),
            }
        }
        if model.intercepts.len() != model.statuses.len() {
            return Err(ModelFileError { line: 0, what: "as many intercepts as statuses are needed".into() });
        }
        Ok(model)
    }

    /// The model shipped (or the one `LOOKOUT_STEP_MODEL` names), read once.
    pub(crate) fn shared() -> &'static StepModel {
        static MODEL: OnceLock<StepModel> = OnceLock::new();
        MODEL.get_or_init(|| {
            let text = std::env::var_os("LOOKOUT_STEP_MODEL")
                .map(|path| std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("LOOKOUT_STEP_MODEL: {e}")));
            StepModel::parse(text.as_deref().unwrap_or(SHIPPED)).unwrap_or_else(|e| panic!("{e}"))
        })
    }

    /// The probability each regression gives a sentence (lower case, simplified); `None` when
    /// it holds no feature the model knows.
    fn probabilities(&self, lower: &str) -> Option<Vec<f32>> {
        // The rows of the model's features the sentence holds, and how often.
        let mut held: Vec<u32> = Vec::new();
        each_feature(lower, |f| {
            let h = hash(f);
            if self.present[(h & 0xffff) as usize / 64] & (1 << (h % 64)) != 0 {
                held.extend(self.rows.get(&h));
            }
        });
        if held.is_empty() {
            return None;
        }
        held.sort_unstable();
        let k = self.statuses.len();
        let mut scores = vec![0f32; k];
        let mut norm = 0f32;
        for run in held.chunk_by(|a, b| a == b) {
            let row = run[0] as usize;
            let x = (1.0 + (run.len() as f32).ln()) * self.idf[row];
            norm += x * x;
            for (s, w) in scores.iter_mut().zip(&self.weights[row * k..(row + 1) * k]) {
                *s += x * w;
            }
        }
        let norm = norm.sqrt();
        Some(scores.iter().zip(&self.intercepts).map(|(s, b)| 1.0 / (1.0 + (-(s / norm + b)).exp())).collect())
    }

    /// The status a sentence (lower case, simplified) most likely reports, with its
    /// probability, when that is at least the model's threshold.
    pub(crate) fn status_of(&self, lower: &str) -> Option<(StationStatus, f32)> {
        let probabilities = self.probabilities(lower)?;
        let (status, p) = self
            .statuses
            .iter()
            .zip(probabilities)
            .filter_map(|(s, p)| s.map(|s| (s, p)))
            .max_by(|a, b| a.1.total_cmp(&b.1))?;
        (p >= self.threshold[language(lower)]).then_some((status, p))
    }

    /// Whether the model is sure a sentence reports no step at all, whatever its words for one
    /// ("calls on the UK Government to follow the Irish Government and order …").
    pub(crate) fn reports_none(&self, lower: &str) -> bool {
        let veto = self.veto[language(lower)];
        let Some(any) = self.statuses.iter().position(Option::is_none).filter(|_| veto > 0.0) else { return false };
        self.probabilities(lower).is_some_and(|p| p[any] < veto)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_are_words_pairs_and_han_runs() {
        assert_eq!(
            features("the rcmp, said 警方调查"),
            ["the", "the rcmp", "rcmp", "said", "警", "方", "调", "查", "警方", "方调", "调查", "警方调", "方调查"]
        );
    }

    #[test]
    fn a_model_scores_by_its_weights_and_a_bad_file_names_its_line() {
        let text = "threshold\t0.6\t0.99\nveto\t0.3\t0\nstatuses\tdenied\tclosed\tany\nintercepts\t-1\t-1\t0\n\
                    f\tdenied\t1.5\t4\t-1\t1\nf\tshut\t1.5\t-1\t4\t1\nf\tcalls\t1\t0\t0\t-3\nf\t否\t1.5\t4\t-1\t1\n";
        let model = StepModel::parse(text).expect("a model");
        assert_eq!(model.status_of("china denied it").map(|s| s.0), Some(StationStatus::Denied));
        assert_eq!(model.status_of("they were shut").map(|s| s.0), Some(StationStatus::Closed));
        assert_eq!(model.status_of("nothing here"), None);
        // Chinese has its own threshold (0.99 here), and its own veto (none here).
        assert_eq!(model.status_of("否"), None);
        assert!(model.reports_none("calls") && !model.reports_none("they were shut") && !model.reports_none("否"));
        let bad = StepModel::parse("statuses\tdenied\nintercepts\t0\nf\tx\t1\t2\t3\n").unwrap_err();
        assert_eq!(bad.to_string(), "step model, line 3: 2 weights for 1 statuses");
        assert!(StepModel::parse("statuses\tsunk\n").unwrap_err().to_string().contains("line 1"));
        // The shipped model reads.
        assert!(!StepModel::parse(SHIPPED).expect("the shipped model").statuses.is_empty());
    }
}
