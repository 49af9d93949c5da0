//! The calendar a relative time is resolved on: the document's date, and the days, weeks,
//! months and years before it.

use lookout_core::PartialDate;

/// The date a document bears, which "yesterday", "Monday", "last month" and 11月2日 are read
/// against: a year, perhaps a month, perhaps a day.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Anchor {
    year: i32,
    month: Option<u32>,
    day: Option<u32>,
}

impl Anchor {
    /// The anchor of a document's date.
    pub(crate) fn of(published: PartialDate) -> Anchor {
        Anchor {
            year: i32::from(published.year()),
            month: published.month().map(u32::from),
            day: published.day().map(u32::from),
        }
    }

    fn full(&self) -> Option<(i32, u32, u32)> {
        Some((self.year, self.month?, self.day?))
    }

    /// The day `days` before the document's, when it has a day.
    pub(crate) fn days_back(&self, days: i64) -> Option<PartialDate> {
        let (y, m, d) = self.full()?;
        let (y, m, d) = civil_from_days(days_from_civil(y, m, d) - days);
        day(y, m, d)
    }

    /// The latest `weekday` (0 = Monday) on or before the document's day; strictly before it
    /// when `strictly` ("last Monday" said on a Monday). The document's month when it has no day.
    pub(crate) fn weekday(&self, weekday: u32, strictly: bool) -> Option<PartialDate> {
        let Some(full) = self.full() else { return self.this_month() };
        let mut back = i64::from((weekday_of(full) + 7 - weekday) % 7);
        if strictly && back == 0 {
            back = 7;
        }
        self.days_back(back)
    }

    /// `weekday` (0 = Monday) of the week before the document's (上周四).
    pub(crate) fn weekday_of_last_week(&self, weekday: u32) -> Option<PartialDate> {
        let Some(full) = self.full() else { return self.last_month() };
        let monday = i64::from(weekday_of(full));
        self.days_back(monday + 7 - i64::from(weekday))
    }

    /// The month of the day `days` before the document's ("last week", "three weeks ago"), or
    /// the document's month when it has no day.
    pub(crate) fn month_of_days_back(&self, days: i64) -> Option<PartialDate> {
        match self.days_back(days) {
            Some(d) => month(i32::from(d.year()), u32::from(d.month().unwrap_or(1))),
            None => self.this_month(),
        }
    }

    /// The document's month.
    pub(crate) fn this_month(&self) -> Option<PartialDate> {
        month(self.year, self.month?)
    }

    /// The month before the document's.
    pub(crate) fn last_month(&self) -> Option<PartialDate> {
        self.months_back(1)
    }

    /// The month `n` months before the document's.
    pub(crate) fn months_back(&self, n: u32) -> Option<PartialDate> {
        let m = self.month?;
        let index = self.year * 12 + m as i32 - 1 - n as i32;
        month(index.div_euclid(12), index.rem_euclid(12) as u32 + 1)
    }

    /// The year `n` years before the document's.
    pub(crate) fn years_back(&self, n: i32) -> Option<PartialDate> {
        year(self.year - n)
    }

    /// Month `m` (and day `d`) as a text of this date means it: in the document's year, or the
    /// year before when that would be after the document (a report of 5 January that says "on
    /// 20 December"); the year before even when it would not be, if `strictly` ("last May").
    pub(crate) fn month_day(&self, m: u32, d: Option<u32>, strictly: bool) -> Option<PartialDate> {
        let later = match self.month {
            Some(pm) => (m, d.unwrap_or(0)) > (pm, self.day.unwrap_or(31)) || (strictly && m == pm),
            None => false,
        };
        let y = if later { self.year - 1 } else { self.year };
        self.in_year(y, m, d)
    }

    /// Month `m` (and day `d`) of the year `back` years before the document's ("May last year",
    /// 去年12月31日).
    pub(crate) fn month_day_of_year(&self, back: i32, m: u32, d: Option<u32>) -> Option<PartialDate> {
        self.in_year(self.year - back, m, d)
    }

    /// Day `d` of the document's month, or of the month before when that is after the document
    /// (22日 in a text of the 23rd is the 22nd; in a text of the 3rd, last month's). A document
    /// dated by its month only means that month's day.
    pub(crate) fn day_of_month(&self, d: u32) -> Option<PartialDate> {
        let Some((y, m, today)) = self.full() else { return day(self.year, self.month?, d) };
        if d <= today {
            return day(y, m, d);
        }
        let last = self.last_month()?;
        day(i32::from(last.year()), u32::from(last.month()?), d)
    }

    fn in_year(&self, y: i32, m: u32, d: Option<u32>) -> Option<PartialDate> {
        match d {
            Some(d) => day(y, m, d),
            None => month(y, m),
        }
    }
}

/// The weekday of a date (0 = Monday), by days since the civil epoch.
fn weekday_of((y, m, d): (i32, u32, u32)) -> u32 {
    ((days_from_civil(y, m, d) + 3).rem_euclid(7)) as u32
}

/// Days since 1970-01-01 (Howard Hinnant's algorithm).
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(if m <= 2 { y - 1 } else { y });
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The date `z` days after 1970-01-01.
fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
    (y, m, d)
}

fn day(y: i32, m: u32, d: u32) -> Option<PartialDate> {
    PartialDate::new(u16::try_from(y).ok()?, Some(u8::try_from(m).ok()?), Some(u8::try_from(d).ok()?)).ok()
}

/// Month `m` of year `y` as a date.
pub(crate) fn month(y: i32, m: u32) -> Option<PartialDate> {
    PartialDate::new(u16::try_from(y).ok()?, Some(u8::try_from(m).ok()?), None).ok()
}

/// Year `y` as a date.
pub(crate) fn year(y: i32) -> Option<PartialDate> {
    PartialDate::new(u16::try_from(y).ok()?, None, None).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchor(s: &str) -> Anchor {
        Anchor::of(s.parse().unwrap())
    }

    fn show(d: Option<PartialDate>) -> String {
        d.map(|d| d.to_string()).unwrap_or_default()
    }

    #[test]
    fn days_weeks_months_and_years_before_a_document() {
        let monday = anchor("2023-04-17");
        assert_eq!(show(monday.weekday(0, false)), "2023-04-17");
        assert_eq!(show(monday.weekday(0, true)), "2023-04-10");
        assert_eq!(show(monday.weekday(3, false)), "2023-04-13");
        assert_eq!(show(anchor("2022-11-18").weekday_of_last_week(3)), "2022-11-10");
        assert_eq!(show(anchor("2023-03-01").days_back(1)), "2023-02-28");
        assert_eq!(show(anchor("2023-01-10").last_month()), "2022-12");
        assert_eq!(show(anchor("2022-11-02").month_of_days_back(7)), "2022-10");
        assert_eq!(show(anchor("2023-01-05").month_day(12, Some(20), false)), "2022-12-20");
        assert_eq!(show(anchor("2022-11-18").month_day(9, None, false)), "2022-09");
        assert_eq!(show(anchor("2023-05-18").month_day(5, None, true)), "2022-05");
        assert_eq!(show(anchor("2024-02-21").month_day_of_year(1, 5, None)), "2023-05");
        assert_eq!(show(anchor("2023-04-23").day_of_month(22)), "2023-04-22");
        assert_eq!(show(anchor("2023-04-03").day_of_month(22)), "2023-03-22");
        assert_eq!(show(anchor("2023-04").weekday(2, false)), "2023-04", "a month has no weekday");
        assert_eq!(show(anchor("2023-04").day_of_month(17)), "2023-04-17", "17日 of a text dated April");
        assert_eq!(show(anchor("2023").day_of_month(17)), "", "a year has no month to take a day of");
        assert_eq!(show(anchor("2023").last_month()), "", "a year has no month before");
    }
}
