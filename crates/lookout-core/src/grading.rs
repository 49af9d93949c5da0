//! Grades given at import, before an analyst has judged: reliability from the kind of source,
//! credibility from how many independent publishers the row cites. Documented on the about page.

use std::collections::HashSet;

use crate::{Credibility, Grade, Reliability, Source, SourceKind};

/// Reliability assumed for a kind of source until an analyst grades it.
pub fn default_reliability(kind: SourceKind) -> Reliability {
    match kind {
        SourceKind::Court | SourceKind::Official | SourceKind::NgoReport | SourceKind::Reference => Reliability::B,
        SourceKind::News => Reliability::C,
        SourceKind::Repost => Reliability::D,
        SourceKind::Social => Reliability::E,
        SourceKind::Testimony | SourceKind::File => Reliability::F,
    }
}

/// Credibility of a claim cited to `sources`: probably true (2) when at least two independent
/// publishers (not reposts) say it, possibly true (3) with one such publisher or several reposts,
/// cannot be judged (6) on a single repost. "Confirmed" (1) is left to analysts.
pub fn corroboration(sources: &[&Source]) -> Credibility {
    let independent: HashSet<&str> =
        sources.iter().filter(|s| s.kind != SourceKind::Repost).filter_map(|s| s.publisher.as_deref()).collect();
    match (independent.len(), sources.len()) {
        (n, _) if n >= 2 => Credibility::Probable,
        (1, _) => Credibility::Possible,
        (0, n) if n >= 2 => Credibility::Possible,
        _ => Credibility::Unknown,
    }
}

/// The grade of a statement cited to `source`, among the row's `all` sources.
pub fn grade(source: &Source, all: &[&Source]) -> Grade {
    Grade { reliability: default_reliability(source.kind), credibility: corroboration(all) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corroboration_counts_independent_publishers() {
        let a = Source::from_url("https://www.bbc.co.uk/x");
        let b = Source::from_url("https://www.nrc.nl/y");
        let r1 = Source::from_url("https://liveactioneating.com/1");
        let r2 = Source::from_url("https://pledgetimes.com/2");
        assert_eq!(corroboration(&[&a, &b]), Credibility::Probable);
        assert_eq!(corroboration(&[&a, &r1]), Credibility::Possible);
        assert_eq!(corroboration(&[&r1, &r2]), Credibility::Possible);
        assert_eq!(corroboration(&[&r1]), Credibility::Unknown);
        assert_eq!(grade(&r1, &[&a, &b, &r1]).to_string(), "D2");
    }
}
