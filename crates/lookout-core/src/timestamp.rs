//! UTC timestamps in RFC 3339 form, without a date-time dependency.

use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

/// A UTC instant, second precision, written `2026-11-29T04:42:37Z`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct Timestamp(i64);

impl Timestamp {
    /// Now.
    pub fn now() -> Timestamp {
        let secs = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0);
        Timestamp(secs)
    }

    /// From seconds since the Unix epoch.
    pub fn from_unix(secs: i64) -> Timestamp {
        Timestamp(secs)
    }

    /// Seconds since the Unix epoch.
    pub fn unix(self) -> i64 {
        self.0
    }

    /// The day it falls on, written `2026-11-29`.
    pub fn day(self) -> String {
        let (y, mo, d) = civil_from_days(self.0.div_euclid(86_400));
        format!("{y:04}-{mo:02}-{d:02}")
    }

    /// The day of a timestamp written as text (RFC 3339, as stored); text that is not one is
    /// returned as it stands, so that nothing is hidden.
    pub fn day_of(text: &str) -> String {
        text.parse::<Timestamp>().map_or_else(|_| text.to_string(), Timestamp::day)
    }
}

/// Days since 1970-01-01 → (year, month, day), after Howard Hinnant's `civil_from_days`.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// (year, month, day) → days since 1970-01-01, after Howard Hinnant's `days_from_civil`.
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = if m > 2 { m - 3 } else { m + 9 } as i64;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, mo, d) = civil_from_days(self.0.div_euclid(86_400));
        let s = self.0.rem_euclid(86_400);
        write!(f, "{y:04}-{mo:02}-{d:02}T{:02}:{:02}:{:02}Z", s / 3600, s / 60 % 60, s % 60)
    }
}

impl From<Timestamp> for String {
    fn from(t: Timestamp) -> String {
        t.to_string()
    }
}

impl TryFrom<String> for Timestamp {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        s.parse()
    }
}

impl std::str::FromStr for Timestamp {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("invalid timestamp {s:?}: expected YYYY-MM-DDTHH:MM:SSZ");
        let b = s.as_bytes();
        if b.len() != 20
            || b[4] != b'-'
            || b[7] != b'-'
            || b[10] != b'T'
            || b[13] != b':'
            || b[16] != b':'
            || b[19] != b'Z'
        {
            return Err(bad());
        }
        let n = |r: std::ops::Range<usize>| s[r].parse::<i64>().map_err(|_| bad());
        let (y, mo, d, h, mi, se) = (n(0..4)?, n(5..7)?, n(8..10)?, n(11..13)?, n(14..16)?, n(17..19)?);
        if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || se > 59 {
            return Err(bad());
        }
        Ok(Timestamp(days_from_civil(y, mo as u32, d as u32) * 86_400 + h * 3600 + mi * 60 + se))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_and_parses_known_instants() {
        assert_eq!(Timestamp::from_unix(0).to_string(), "1970-01-01T00:00:00Z");
        assert_eq!(Timestamp::from_unix(1_669_852_800).to_string(), "2022-12-01T00:00:00Z");
        assert_eq!(Timestamp::from_unix(951_827_696).to_string(), "2000-02-29T12:34:56Z");
        for t in [0, 1_669_852_800, 951_827_696, 4_102_444_799] {
            let ts = Timestamp::from_unix(t);
            assert_eq!(ts.to_string().parse::<Timestamp>().unwrap(), ts);
        }
        assert!("2022-13-01T00:00:00Z".parse::<Timestamp>().is_err());
    }

    #[test]
    fn the_day_of_an_instant() {
        assert_eq!(Timestamp::from_unix(951_827_696).day(), "2000-02-29");
        assert_eq!(Timestamp::from_unix(-1).day(), "1969-12-31");
        assert_eq!(Timestamp::day_of("2026-11-29T04:42:37Z"), "2026-11-29");
        assert_eq!(Timestamp::day_of("yesterday"), "yesterday");
    }
}
