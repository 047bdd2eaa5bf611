//! Publication dates. Editors write `2026-11-20` or `2026-11-20T09:30:00+08:00`; a date without a
//! time is taken as the start of that day in China Standard Time (UTC+8), the portal's own zone.

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::{Offset, TimeZone};
use serde::{Serialize, Serializer};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PubDate {
    pub date: Date,
    pub time: Option<Time>,
}

impl PubDate {
    pub fn parse(text: &str) -> Option<PubDate> {
        let text = text.trim();
        if let Ok(date) = text.parse::<Date>()
            && text.len() <= 10
        {
            return Some(PubDate { date, time: None });
        }
        if let Ok(ts) = text.parse::<jiff::Timestamp>() {
            let dt = ts.to_zoned(china()).datetime();
            return Some(PubDate {
                date: dt.date(),
                time: Some(dt.time()),
            });
        }
        let dt = text.parse::<DateTime>().ok()?;
        Some(PubDate {
            date: dt.date(),
            time: Some(dt.time()),
        })
    }

    pub fn from_date(date: Date) -> PubDate {
        PubDate { date, time: None }
    }

    /// `2026-11-20`
    pub fn iso_date(&self) -> String {
        self.date.to_string()
    }

    /// `2026-11-20 09:30`, as the government-site `PubDate` meta asks.
    pub fn minutes(&self) -> String {
        let t = self.time.unwrap_or(Time::midnight());
        format!("{} {:02}:{:02}", self.date, t.hour(), t.minute())
    }

    /// RFC 3339 in UTC+8, for Atom feeds and `<time datetime>`.
    pub fn rfc3339(&self) -> String {
        let t = self.time.unwrap_or(Time::midnight());
        format!(
            "{}T{:02}:{:02}:{:02}+08:00",
            self.date,
            t.hour(),
            t.minute(),
            t.second()
        )
    }
}

impl Serialize for PubDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso_date())
    }
}

fn china() -> TimeZone {
    TimeZone::fixed(Offset::constant(8))
}

/// Human date for a language: `2026年11月25日` / `25 November 2026`.
pub fn format_long(date: Date, lang: crate::lang::Lang) -> String {
    match lang {
        crate::lang::Lang::Zh => format!("{}年{}月{}日", date.year(), date.month(), date.day()),
        crate::lang::Lang::En => {
            const MONTHS: [&str; 12] = [
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
            ];
            let month = MONTHS[(date.month() as usize).saturating_sub(1) % 12];
            format!("{} {} {}", date.day(), month, date.year())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn parses_date_and_datetime_forms() {
        let d = PubDate::parse("2026-11-20").unwrap();
        assert_eq!(d.minutes(), "2026-11-20 00:00");
        let t = PubDate::parse("2026-11-20T01:30:00Z").unwrap();
        assert_eq!(t.minutes(), "2026-11-20 09:30");
        assert_eq!(
            PubDate::parse("2026-11-20 09:30").unwrap().rfc3339(),
            "2026-11-20T09:30:00+08:00"
        );
        assert!(PubDate::parse("2026-13-01").is_none());
        assert!(PubDate::parse("next tuesday").is_none());
    }

    #[test]
    fn formats_per_language() {
        let d = Date::new(2026, 11, 25).unwrap();
        assert_eq!(format_long(d, Lang::Zh), "2026年11月25日");
        assert_eq!(format_long(d, Lang::En), "25 November 2026");
    }
}
