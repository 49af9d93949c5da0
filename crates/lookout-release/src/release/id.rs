//! A release's id: the day it was cut, and a counter when more than one is cut that day
//! (`2026-12-05`, `2026-12-05.2`, …). Ids order by day, then counter.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// A release's id.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ReleaseId {
    day: String,
    counter: u32,
}

impl ReleaseId {
    /// The first release of `day` (`YYYY-MM-DD`).
    pub fn first_of(day: &str) -> Result<ReleaseId, InvalidReleaseId> {
        match day.parse::<ReleaseId>() {
            Ok(id) if id.counter == 1 => Ok(id),
            _ => Err(InvalidReleaseId(day.to_string())),
        }
    }

    /// The day it was cut, `YYYY-MM-DD`.
    pub fn day(&self) -> &str {
        &self.day
    }

    /// The id of a release cut on `day` after all of `existing`: the day itself, or the next
    /// counter of that day.
    pub fn next(day: &str, existing: &[ReleaseId]) -> Result<ReleaseId, InvalidReleaseId> {
        let mut id = ReleaseId::first_of(day)?;
        if let Some(last) = existing.iter().filter(|e| e.day == id.day).map(|e| e.counter).max() {
            id.counter = last + 1;
        }
        Ok(id)
    }
}

/// Text that is not a release id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a release id (YYYY-MM-DD, or YYYY-MM-DD.N for the N-th release of a day)")]
pub struct InvalidReleaseId(pub String);

impl FromStr for ReleaseId {
    type Err = InvalidReleaseId;

    fn from_str(s: &str) -> Result<ReleaseId, InvalidReleaseId> {
        let invalid = || InvalidReleaseId(s.to_string());
        let (day, counter) = match s.split_once('.') {
            Some((day, n)) if !n.starts_with('0') && n.len() <= 4 && n.bytes().all(|b| b.is_ascii_digit()) => {
                (day, n.parse::<u32>().map_err(|_| invalid())?)
            }
            Some(_) => return Err(invalid()),
            None => (s, 1),
        };
        let b = day.as_bytes();
        let shape = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !shape || counter < 2 && s.contains('.') {
            return Err(invalid());
        }
        let month: u32 = day[5..7].parse().map_err(|_| invalid())?;
        let date: u32 = day[8..10].parse().map_err(|_| invalid())?;
        if !(1..=12).contains(&month) || !(1..=31).contains(&date) {
            return Err(invalid());
        }
        Ok(ReleaseId { day: day.to_string(), counter })
    }
}

impl fmt::Display for ReleaseId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.counter {
            1 => f.write_str(&self.day),
            n => write!(f, "{}.{n}", self.day),
        }
    }
}

impl Ord for ReleaseId {
    fn cmp(&self, other: &Self) -> Ordering {
        self.day.cmp(&other.day).then(self.counter.cmp(&other.counter))
    }
}

impl PartialOrd for ReleaseId {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl serde::Serialize for ReleaseId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for ReleaseId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_read_write_and_order_by_day_then_counter() {
        let ids: Vec<ReleaseId> =
            ["2026-12-05.10", "2026-12-05", "2026-12-04", "2026-12-05.2"].iter().map(|s| s.parse().unwrap()).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        let text: Vec<String> = sorted.iter().map(ToString::to_string).collect();
        assert_eq!(text, ["2026-12-04", "2026-12-05", "2026-12-05.2", "2026-12-05.10"]);
        assert_eq!(ReleaseId::next("2026-12-05", &ids).unwrap().to_string(), "2026-12-05.11");
        assert_eq!(ReleaseId::next("2026-12-06", &ids).unwrap().to_string(), "2026-12-06");
    }

    #[test]
    fn anything_else_is_refused() {
        for bad in ["", "2026-12-05.1", "2026-12-05.02", "2026-13-01", "2026-12-5", "../etc", "2026-12-05.x", ".hidden"]
        {
            assert!(bad.parse::<ReleaseId>().is_err(), "{bad:?} accepted");
        }
    }
}
