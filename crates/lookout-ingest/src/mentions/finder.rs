//! The finder: every table mentions are found with, and the pass that takes a text through the
//! finders and puts their mentions in order with character offsets.

use super::names::{Memo, Names};
use lookout_core::PartialDate;

use super::{dates, figures, orgs, segment, times, Found, KnownNames, Mention};
use crate::char_offsets::{char_count, CharOffsets};

/// Every table the finders read, built once (a fraction of a second) and shared by the threads
/// of a run.
pub struct Finder {
    pub(crate) names: Names,
    pub(crate) dates: dates::Tables,
    pub(crate) figures: figures::Tables,
    pub(crate) orgs: orgs::Tables,
}

impl Finder {
    /// The finder of the bundled gazetteer.
    pub fn new() -> Finder {
        Finder {
            names: Names::new(),
            dates: dates::Tables::new(),
            figures: figures::Tables::new(),
            orgs: orgs::Tables::new(),
        }
    }

    /// Every mention in `text`, in order, the record's `known` bureaus and organisations among
    /// them by name (each with its entity). Where a known name and a name found by its kind
    /// overlap, the known name stands. `memo` is the calling worker's. `published`, the
    /// document's date, resolves its relative times ("yesterday", 11月2日).
    pub fn find(
        &self,
        text: &str,
        known: &KnownNames,
        memo: &mut Memo,
        published: Option<PartialDate>,
    ) -> Vec<Mention> {
        let words = segment::latin_words(text);
        let lines = segment::non_ascii_lines(text);
        let mut dates = dates::find(self, text, &words);
        dates.sort_by_key(|d| d.start);
        let times = times::find(text, &words, &lines, published, &dates);
        // Two sorted runs, merged.
        dates.extend(times);
        dates.sort_by_key(|d| d.start);
        let figures = figures::find(self, text, &words, &lines, &dates);
        let named = known.find(text, &words, &lines);
        let named_spans = Spans::of(&named);
        // The runs of Han characters the organisations finder cuts, which the places finder reads.
        let mut cuts = segment::HanCuts::default();
        let orgs: Vec<Found> = orgs::find(self, memo, text, &words, &lines, &mut cuts)
            .into_iter()
            .filter(|f| !named_spans.overlaps(f.start, f.end))
            .collect();
        // A place inside a body's name ("Brooklyn Federal Court", 中国驻英国大使馆) is the body's.
        let org_spans = Spans::of(&orgs);
        let in_body = |f: &Found| named_spans.holds(f.start, f.end) || org_spans.holds(f.start, f.end);
        let places: Vec<Found> = super::places::find(&self.names, memo, text, &words, &lines, &cuts)
            .into_iter()
            .filter(|f| !in_body(f))
            .collect();
        let found: Vec<Found> = dates.into_iter().chain(figures).chain(named).chain(orgs).chain(places).collect();
        in_order(text, found)
    }
}

impl Default for Finder {
    fn default() -> Finder {
        Finder::new()
    }
}

/// One finder's spans (none overlapping another), in order: whether a span overlaps or holds
/// another is found by a binary search, not by a walk over them all (a long text has tens of
/// thousands of each).
struct Spans(Vec<(usize, usize)>);

impl Spans {
    fn of(found: &[Found]) -> Spans {
        let mut spans: Vec<(usize, usize)> = found.iter().map(|f| (f.start, f.end)).collect();
        spans.sort_unstable();
        Spans(spans)
    }

    /// The last span opening before `end`: of spans that do not overlap, the one reaching furthest.
    fn last_before(&self, end: usize) -> Option<(usize, usize)> {
        let at = self.0.partition_point(|&(s, _)| s < end);
        at.checked_sub(1).map(|i| self.0[i])
    }

    /// Whether a span overlaps `start..end`.
    fn overlaps(&self, start: usize, end: usize) -> bool {
        self.last_before(end).is_some_and(|(_, e)| e > start)
    }

    /// Whether a span holds `start..end`.
    fn holds(&self, start: usize, end: usize) -> bool {
        self.last_before(start + 1).is_some_and(|(s, e)| s <= start && end <= e)
    }
}

/// The mentions in order of the text, with character offsets: small keys sorted (each finder
/// gives its mentions in order, so the keys are a few sorted runs, which a stable sort merges),
/// the mentions themselves moved once.
fn in_order(text: &str, found: Vec<Found>) -> Vec<Mention> {
    let mut order: Vec<(usize, std::cmp::Reverse<usize>, super::Kind, u32)> =
        found.iter().enumerate().map(|(i, f)| (f.start, std::cmp::Reverse(f.end), f.what.kind(), i as u32)).collect();
    order.sort();
    // Byte offsets → character offsets: starts come in order, so one cursor walks the text once;
    // an end is its start plus the characters of the mention.
    let mut offsets = CharOffsets::new(text);
    let mut found: Vec<Option<Found>> = found.into_iter().map(Some).collect();
    order
        .into_iter()
        .map(|(.., i)| {
            let f = found[i as usize].take().expect("each mention is taken once");
            let start = offsets.at(f.start);
            let end = start + char_count(&text[f.start..f.end]);
            Mention { what: f.what, start, end, bytes: f.start..f.end }
        })
        .collect()
}
