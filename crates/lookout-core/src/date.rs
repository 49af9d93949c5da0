//! Partial dates: a year, a month or a day, as sources give them.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::ModelError;

/// A calendar date known to the year, the month or the day (`2023`, `2022-11`, `2022-11-01`).
///
/// Ordering is chronological, a less precise date sorting before the more precise dates it contains
/// (`2022` < `2022-01` < `2022-01-01`); the ISO text form sorts the same way.
///
/// ```
/// use lookout_core::PartialDate;
/// let d: PartialDate = "2022-11".parse().unwrap();
/// assert_eq!(d.year(), 2022);
/// assert_eq!(d.month(), Some(11));
/// assert!("2022-02-30".parse::<PartialDate>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    year: u16,
    month: Option<u8>,
    day: Option<u8>,
}

/// How much of a [`PartialDate`] is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatePrecision {
    /// Only the year.
    Year,
    /// Year and month.
    Month,
    /// The full date.
    Day,
}

impl PartialDate {
    /// Builds a date, checking that the month and day exist (a day needs a month).
    pub fn new(year: u16, month: Option<u8>, day: Option<u8>) -> Result<Self, ModelError> {
        let text = || match (month, day) {
            (None, _) => format!("{year:04}"),
            (Some(m), None) => format!("{year:04}-{m:02}"),
            (Some(m), Some(d)) => format!("{year:04}-{m:02}-{d:02}"),
        };
        if !(1..=9999).contains(&year) {
            return Err(ModelError::InvalidDate(text()));
        }
        match (month, day) {
            (None, Some(_)) => return Err(ModelError::InvalidDate(text())),
            (Some(m), _) if !(1..=12).contains(&m) => return Err(ModelError::InvalidDate(text())),
            (Some(m), Some(d)) if d == 0 || d > days_in_month(year, m) => return Err(ModelError::InvalidDate(text())),
            _ => {}
        }
        Ok(PartialDate { year, month, day })
    }

    /// The year.
    pub fn year(&self) -> u16 {
        self.year
    }

    /// The month (1-12), if known.
    pub fn month(&self) -> Option<u8> {
        self.month
    }

    /// The day of the month, if known.
    pub fn day(&self) -> Option<u8> {
        self.day
    }

    /// How much of the date is known.
    pub fn precision(&self) -> DatePrecision {
        match (self.month, self.day) {
            (None, _) => DatePrecision::Year,
            (Some(_), None) => DatePrecision::Month,
            (Some(_), Some(_)) => DatePrecision::Day,
        }
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => 29,
        2 => 28,
        _ => 0,
    }
}

impl FromStr for PartialDate {
    type Err = ModelError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || ModelError::InvalidDate(s.to_string());
        let parts: Vec<&str> = s.trim().split('-').collect();
        let number = |p: &str, len: usize| -> Result<u16, ModelError> {
            if p.len() != len || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
            p.parse().map_err(|_| bad())
        };
        match parts.as_slice() {
            [y] => Self::new(number(y, 4)?, None, None),
            [y, m] => Self::new(number(y, 4)?, Some(number(m, 2)? as u8), None),
            [y, m, d] => Self::new(number(y, 4)?, Some(number(m, 2)? as u8), Some(number(d, 2)? as u8)),
            _ => Err(bad()),
        }
        .map_err(|_| bad())
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision_and_round_trips() {
        for text in ["2023", "2022-11", "2022-11-01", "2024-02-29"] {
            let d: PartialDate = text.parse().unwrap();
            assert_eq!(d.to_string(), text);
        }
        assert_eq!("2022-11".parse::<PartialDate>().unwrap().precision(), DatePrecision::Month);
    }

    #[test]
    fn rejects_impossible_and_malformed_dates() {
        for text in
            ["2023-02-29", "2022-13", "2022-00", "2022-04-31", "22-01", "2022/01/01", "", "2022-1", "abcd", "0000"]
        {
            assert!(text.parse::<PartialDate>().is_err(), "{text} should be rejected");
        }
    }

    #[test]
    fn orders_chronologically_with_coarse_before_fine() {
        let mut dates: Vec<PartialDate> =
            ["2022-11-01", "2022", "2021-12", "2022-01"].iter().map(|s| s.parse().unwrap()).collect();
        dates.sort();
        let texts: Vec<String> = dates.iter().map(|d| d.to_string()).collect();
        assert_eq!(texts, ["2021-12", "2022", "2022-01", "2022-11-01"]);
    }
}
