//! The features behind a score, written out only when someone will read them: scoring a file of
//! pairs or ranking candidates needs the score alone, and the words of an explanation cost as much
//! as the comparison.

use crate::Feature;

/// Gathers the features of one comparison, or only lets them pass when none is wanted.
pub(crate) struct Explanation {
    wanted: bool,
    features: Vec<Feature>,
}

impl Explanation {
    /// An explanation that keeps its features (`wanted`) or drops them unwritten.
    pub(crate) fn new(wanted: bool) -> Self {
        Explanation { wanted, features: Vec::new() }
    }

    /// Whether the features are kept.
    pub(crate) fn wanted(&self) -> bool {
        self.wanted
    }

    /// Adds a feature; `detail` is only called when the explanation is wanted.
    pub(crate) fn add(&mut self, feature: &'static str, agrees: bool, detail: impl FnOnce() -> String) {
        if self.wanted {
            self.features.push(Feature { feature, agrees, detail: detail() });
        }
    }

    /// The features, in the order added (none when not wanted).
    pub(crate) fn into_features(self) -> Vec<Feature> {
        self.features
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn details_are_written_only_when_wanted() {
        let mut unwanted = Explanation::new(false);
        unwanted.add("place", true, || unreachable!("not written when unwanted"));
        assert!(unwanted.into_features().is_empty());
        let mut wanted = Explanation::new(true);
        wanted.add("place", false, || "福州 ≠ 抚州".into());
        let features = wanted.into_features();
        assert_eq!(
            (features[0].feature, features[0].agrees, features[0].detail.as_str()),
            ("place", false, "福州 ≠ 抚州")
        );
    }
}
