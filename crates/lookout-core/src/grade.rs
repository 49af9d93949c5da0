//! Admiralty-scale grades: how reliable a source is (A–F) and how credible a piece of information is (1–6).

use crate::vocabulary::vocabulary;

vocabulary!(
    /// Reliability of the source (Admiralty scale).
    Reliability, "reliability grade" {
        /// Completely reliable.
        A => "A",
        /// Usually reliable.
        B => "B",
        /// Fairly reliable.
        C => "C",
        /// Not usually reliable.
        D => "D",
        /// Unreliable.
        E => "E",
        /// Reliability cannot be judged.
        F => "F",
    }
);

vocabulary!(
    /// Credibility of the information (Admiralty scale).
    Credibility, "credibility grade" {
        /// Confirmed by other sources.
        Confirmed => "1",
        /// Probably true.
        Probable => "2",
        /// Possibly true.
        Possible => "3",
        /// Doubtful.
        Doubtful => "4",
        /// Improbable.
        Improbable => "5",
        /// Truth cannot be judged.
        Unknown => "6",
    }
);

/// A statement's grade, written `B2` (reliability then credibility).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Grade {
    /// How reliable the source is.
    pub reliability: Reliability,
    /// How credible the information is.
    pub credibility: Credibility,
}

impl Grade {
    /// Not yet judged: `F6`.
    pub const UNGRADED: Grade = Grade { reliability: Reliability::F, credibility: Credibility::Unknown };
}

impl std::fmt::Display for Grade {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}{}", self.reliability, self.credibility)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grades_parse_and_print() {
        let g = Grade { reliability: "B".parse().unwrap(), credibility: "2".parse().unwrap() };
        assert_eq!(g.to_string(), "B2");
        assert!("G".parse::<Reliability>().is_err());
        assert!("7".parse::<Credibility>().is_err());
        assert_eq!(Grade::UNGRADED.to_string(), "F6");
    }
}
