use std::fmt;

use crate::{Error, Result};

/// A calendar date (proleptic Gregorian).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month, 1..=12.
    pub month: u8,
    /// Day, 1..=31.
    pub day: u8,
}

impl Date {
    /// A date, if valid.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month) {
            Some(Date { year, month, day })
        } else {
            None
        }
    }

    /// Parses `YYYY-MM-DD`, ignoring a trailing time part (`T...` or ` ...`).
    pub fn parse(s: &str) -> Result<Date> {
        let err = || Error::InvalidDate(s.to_string());
        let s = s.trim();
        let head = s.get(..10).ok_or_else(err)?;
        let rest = &s[10..];
        if !(rest.is_empty() || rest.starts_with('T') || rest.starts_with(' ')) {
            return Err(err());
        }
        let b = head.as_bytes();
        if b[4] != b'-' || b[7] != b'-' {
            return Err(err());
        }
        let y: i32 = head[..4].parse().map_err(|_| err())?;
        let m: u8 = head[5..7].parse().map_err(|_| err())?;
        let d: u8 = head[8..10].parse().map_err(|_| err())?;
        Date::new(y, m, d).ok_or_else(err)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
        Date { year: y, month: m, day: d }
    }

    /// This date moved by `n` days.
    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.to_days() + n)
    }

    /// Day of the week, Monday = 1 ... Sunday = 7 (ISO).
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (4).
        ((self.to_days() + 3).rem_euclid(7) + 1) as u8
    }

    /// ISO week-numbering year and week.
    pub fn iso_week(self) -> (i32, u8) {
        let wd = i64::from(self.weekday());
        let thursday = self.add_days(4 - wd);
        let jan1 = Date { year: thursday.year, month: 1, day: 1 };
        let week = (thursday.to_days() - jan1.to_days()) / 7 + 1;
        (thursday.year, week as u8)
    }

    /// This date moved by `n` months, the day clamped to the month's length.
    pub fn add_months(self, n: i32) -> Date {
        let total = self.year * 12 + i32::from(self.month) - 1 + n;
        let year = total.div_euclid(12);
        let month = (total.rem_euclid(12) + 1) as u8;
        let day = self.day.min(days_in_month(year, month));
        Date { year, month, day }
    }
}

/// Number of days in `month` of `year`.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip() {
        for days in -1000..30000 {
            let d = Date::from_days(days);
            assert_eq!(d.to_days(), days);
            assert!(Date::new(d.year, d.month, d.day).is_some());
        }
    }

    #[test]
    fn known_dates() {
        let cases = [("2015-10-07", 3, (2015, 41)), ("1998-01-08", 4, (1998, 2)), ("2016-01-01", 5, (2015, 53))];
        for (s, wd, wk) in cases {
            let d = Date::parse(s).unwrap();
            assert_eq!(d.to_string(), s);
            assert_eq!(d.weekday(), wd, "{s}");
            assert_eq!(d.iso_week(), wk, "{s}");
        }
    }

    #[test]
    fn parse_rejects_bad_dates() {
        for s in ["", "2015-13-01", "2015-02-30", "20151007", "2015-10-07x", "abcd-ef-gh"] {
            assert!(Date::parse(s).is_err(), "{s}");
        }
        assert_eq!(Date::parse("2015-10-07T10:00:00Z").unwrap().day, 7);
    }

    #[test]
    fn add_months_clamps() {
        let d = Date::parse("2015-01-31").unwrap();
        assert_eq!(d.add_months(1).to_string(), "2015-02-28");
        assert_eq!(d.add_months(-2).to_string(), "2014-11-30");
    }
}
