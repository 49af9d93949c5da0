//! A station's status timeline: its status statements ordered into steps, each dated, or dated
//! "by" the date of the chain it belongs to.

use std::fmt;

use crate::{PartialDate, SourceId, Stance, Statement, StatementStatus, StationStatus};

/// One step of a station's status timeline, with the statements that support it.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineStep {
    /// The state.
    pub status: StationStatus,
    /// When it was reached, where the source dates it.
    pub date: Option<PartialDate>,
    /// The latest date it can have been reached by (the date of the chain it belongs to), where `date` is unknown.
    pub by: Option<PartialDate>,
    /// Who made the claim, where the source reports someone else's.
    pub claimant: Option<String>,
    /// The sources that say so.
    pub sources: Vec<SourceId>,
    /// The statements behind the step.
    pub statements: Vec<Statement>,
}

impl TimelineStep {
    /// When the step was reached: its date, else the date it was reached by; none if neither is known.
    pub fn when(&self) -> Option<StepDate> {
        match (self.date, self.by) {
            (Some(date), _) => Some(StepDate { date, by: false }),
            (None, Some(date)) => Some(StepDate { date, by: true }),
            (None, None) => None,
        }
    }
}

/// When a timeline step was reached: on `date`, or (`by`) at the latest by `date`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepDate {
    /// The date.
    pub date: PartialDate,
    /// Whether the step was reached by that date rather than on it.
    pub by: bool,
}

impl fmt::Display for StepDate {
    /// `2023-05` or `by 2023`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.by {
            write!(f, "by {}", self.date)
        } else {
            write!(f, "{}", self.date)
        }
    }
}

/// Builds the status timeline from a station's statements.
///
/// A source lists status steps as a chain ("under_investigation; reported_closed") whose last step
/// carries the date. Steps of one chain share the chain's quote and place (one cell) and are
/// ordered by their span in it; a step recorded on its own (a row of `status_events.csv`) is a
/// chain of one, dated by itself or not at all;
/// an undated step is placed at its chain's date (shown as "by" that date). Steps from different
/// chains are ordered by date. The same step said by several sources is one step with several sources.
pub fn status_timeline(statements: &[Statement]) -> Vec<TimelineStep> {
    let status: Vec<&Statement> = statements
        .iter()
        .filter(|s| s.prop == "status" && s.status == StatementStatus::Accepted && s.stance == Stance::Asserts)
        .collect();
    let chain_date = |st: &Statement| -> Option<PartialDate> {
        status
            .iter()
            .filter(|o| {
                o.source_id == st.source_id && o.locator.quote == st.locator.quote && o.locator.page == st.locator.page
            })
            .filter_map(|o| o.valid_from)
            .max()
    };
    let mut keyed: Vec<(Option<PartialDate>, u32, &Statement)> = status
        .iter()
        .map(|st| (st.valid_from.or_else(|| chain_date(st)), st.locator.span.map_or(0, |s| s.0), *st))
        .collect();
    keyed.sort_by_key(|k| (k.0, k.1));
    let mut steps: Vec<TimelineStep> = Vec::new();
    for (effective, _, st) in keyed {
        let Ok(state) = st.value.parse::<StationStatus>() else { continue };
        let by = if st.valid_from.is_none() { effective } else { None };
        let same = steps
            .iter_mut()
            .find(|s| s.status == state && s.date == st.valid_from && s.by == by && s.claimant == st.claimant);
        match same {
            Some(step) => {
                if !step.sources.contains(&st.source_id) {
                    step.sources.push(st.source_id.clone());
                }
                step.statements.push(st.clone());
            }
            None => steps.push(TimelineStep {
                status: state,
                date: st.valid_from,
                by,
                claimant: st.claimant.clone(),
                sources: vec![st.source_id.clone()],
                statements: vec![st.clone()],
            }),
        }
    }
    steps
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Batch, Claim, EntityId, Locator, Schema, Source};

    #[test]
    fn chains_keep_their_order_and_sources_merge() {
        let mut b = Batch::new("t");
        let e = EntityId::new("station-1").unwrap();
        b.add_entity(&e, Schema::Station).unwrap();
        let quote = "under_investigation; reported_closed (per Minister)".to_string();
        let date: PartialDate = "2023".parse().unwrap();
        for url in ["https://a.example/", "https://b.example/"] {
            let s = b.add_source(Source::from_url(url));
            let loc = |a, z| Locator { quote: Some(quote.clone()), page: None, span: Some((a, z)) };
            b.add_claim(
                Claim::new(&e, "status", "reported_closed", &s)
                    .locator(loc(21, 36))
                    .valid_from(Some(date))
                    .claimant(Some("Minister".into())),
            )
            .unwrap();
            b.add_claim(Claim::new(&e, "status", "under_investigation", &s).locator(loc(0, 19))).unwrap();
        }
        let steps = status_timeline(&b.statements);
        assert_eq!(steps.len(), 2);
        assert_eq!(steps[0].status, StationStatus::UnderInvestigation);
        assert_eq!(steps[0].date, None);
        assert_eq!(steps[0].by, Some(date));
        assert_eq!(steps[1].status, StationStatus::ReportedClosed);
        assert_eq!(steps[1].claimant.as_deref(), Some("Minister"));
        assert_eq!(steps[1].sources.len(), 2);
        assert_eq!(steps[0].when().map(|w| w.to_string()).as_deref(), Some("by 2023"));
        assert_eq!(steps[1].when().map(|w| w.to_string()).as_deref(), Some("2023"));
    }
}
