//! Releases of the public counts. Publishing a report does not change what the public sees: the
//! tables are released in batches, at most once per interval, each adding only new incidents that
//! grow every cell by 0 or at least k (see [`crate::kanon`]), so that comparing two releases never
//! isolates fewer than k incidents. Each release is kept (append-only) with its audit entry and
//! its state (which incidents it counts, which values it names), from which the next one starts.

use lookout_store::{CountRelease, ReportStore};

use super::{days_ago, event, today, DeskError};
use crate::kanon::{next_release, PublicCounts, Published, ReleaseState};

/// What an attempt to release did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReleaseOutcome {
    /// A new release.
    Released(CountRelease),
    /// The last release is too recent.
    NotDue {
        /// Day of the last release.
        last: String,
        /// Days between releases.
        interval_days: u32,
    },
    /// Too few incidents were published since the last release.
    TooFew {
        /// Published since the last release.
        new: u64,
        /// k.
        k: u64,
    },
    /// k is not the one the releases so far kept: a release with another k would show cells
    /// below the new k, or change what earlier releases left out.
    KChanged {
        /// The releases' k.
        was: u64,
        /// The k asked for.
        now: u64,
    },
    /// Incidents wait, but no batch of them can be released without singling some out yet.
    Waiting {
        /// Published and not yet counted.
        new: u64,
        /// k.
        k: u64,
    },
}

impl std::fmt::Display for ReleaseOutcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReleaseOutcome::Released(r) => {
                write!(f, "released the public counts (release {}, {})", r.seq, r.released_on)
            }
            ReleaseOutcome::NotDue { last, interval_days } => {
                write!(f, "no release: the last was on {last}, and releases are at least {interval_days} days apart")
            }
            ReleaseOutcome::TooFew { new, k } => write!(
                f,
                "no release: {new} incident(s) published since the last release, fewer than {k} incidents \
                 (k): a release of fewer could single one out"
            ),
            ReleaseOutcome::KChanged { was, now } => write!(
                f,
                "no release: the releases so far keep k = {was}, and k is now {now}; set LOOKOUT_PUBLIC_K back to \
                 {was} (a new k would need the counts started anew)"
            ),
            ReleaseOutcome::Waiting { new, k } => write!(
                f,
                "no release: {new} incident(s) wait, but no group of at least {k} of them (k) can be added \
                 to the tables yet without singling some out"
            ),
        }
    }
}

/// Releases the public counts if one is due: the last release at least `interval_days` ago and
/// at least `k` incidents published since.
pub async fn release_counts<S: ReportStore>(
    store: &S,
    by: &str,
    k: u64,
    interval_days: u32,
) -> Result<ReleaseOutcome, DeskError> {
    let last = store.latest_count_release().await?;
    if let Some(last) = &last {
        if last.released_on > days_ago(interval_days) {
            return Ok(ReleaseOutcome::NotDue { last: last.released_on.clone(), interval_days });
        }
    }
    let incidents: Vec<Published> = store
        .published_incidents()
        .await?
        .into_iter()
        .map(|i| Published { id: i.id, country: i.country, category: i.category, month: i.month })
        .collect();
    let corrupt = |seq: i64, e: serde_json::Error| lookout_store::StoreError::Corrupt {
        table: "count_releases",
        id: seq.to_string(),
        reason: e.to_string(),
    };
    let previous: ReleaseState = match &last {
        Some(l) => serde_json::from_str(&l.state).map_err(|e| corrupt(l.seq, e))?,
        None => ReleaseState::default(),
    };
    if previous.k != 0 && previous.k != k {
        return Ok(ReleaseOutcome::KChanged { was: previous.k, now: k });
    }
    let published = incidents.len() as u64;
    let new = published.saturating_sub(previous.counted.len() as u64);
    if new < k {
        return Ok(ReleaseOutcome::TooFew { new, k });
    }
    let Some((state, counts)) = next_release(&previous, &incidents, k) else {
        return Ok(ReleaseOutcome::Waiting { new, k });
    };
    let release = CountRelease {
        seq: 0,
        released_on: today(),
        k,
        published,
        counts: serde_json::to_string(&counts).expect("counts serialise"),
        state: serde_json::to_string(&state).expect("a state serialises"),
    };
    let release = store.add_count_release(&release, &event(by, "counts.released", "public counts")).await?;
    Ok(ReleaseOutcome::Released(release))
}

/// The latest released counts, with the day of their release.
pub async fn published_counts<S: ReportStore>(store: &S) -> Result<Option<(String, PublicCounts)>, DeskError> {
    let Some(release) = store.latest_count_release().await? else { return Ok(None) };
    let counts = serde_json::from_str(&release.counts).map_err(|e| lookout_store::StoreError::Corrupt {
        table: "count_releases",
        id: release.seq.to_string(),
        reason: e.to_string(),
    })?;
    Ok(Some((release.released_on, counts)))
}
