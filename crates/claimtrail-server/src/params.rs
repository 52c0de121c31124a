//! Query-string parameters, validated into the store's filters; every failure is a 400 with a
//! message that names the parameter.

use std::collections::HashMap;

use axum::extract::{FromRequestParts, Query};
use axum::http::request::Parts;
use claimtrail_core::Date;
use serde::Serialize;

use crate::error::ApiError;

/// Default page size.
pub const DEFAULT_LIMIT: usize = 50;
/// Largest page size.
pub const MAX_LIMIT: usize = 500;
/// Largest offset accepted (deeper pages are not a browsing pattern; it bounds the work).
pub const MAX_OFFSET: usize = 1_000_000;

/// The query string's parameters (the last value wins when one is repeated).
#[derive(Debug, Clone, Default)]
pub struct Params(pub HashMap<String, String>);

impl<S: Send + Sync> FromRequestParts<S> for Params {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Query::<HashMap<String, String>>::try_from_uri(&parts.uri)
            .map(|q| Params(q.0))
            .map_err(|e| ApiError::bad_request(format!("bad query string: {e}")))
    }
}

impl Params {
    /// A parameter's value; an empty value counts as absent.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.get(name).map(String::as_str).filter(|v| !v.is_empty())
    }

    /// A trimmed text value.
    pub fn text(&self, name: &str) -> Option<String> {
        self.get(name).map(str::trim).filter(|v| !v.is_empty()).map(str::to_string)
    }

    /// A required text value.
    pub fn required(&self, name: &str) -> Result<String, ApiError> {
        self.text(name).ok_or_else(|| ApiError::bad_request(format!("missing parameter {name:?}")))
    }

    /// An integer in `min..=max`, `default` when absent.
    pub fn int(&self, name: &str, default: usize, min: usize, max: usize) -> Result<usize, ApiError> {
        let Some(v) = self.get(name) else { return Ok(default) };
        match v.parse::<usize>() {
            Ok(n) if (min..=max).contains(&n) => Ok(n),
            _ => Err(ApiError::bad_request(format!("{name} must be an integer from {min} to {max}, not {v:?}"))),
        }
    }

    /// `limit` (1..=`max`, default `default`) and `offset`.
    pub fn paging(&self, default: usize, max: usize) -> Result<(usize, usize), ApiError> {
        Ok((self.int("limit", default, 1, max)?, self.int("offset", 0, 0, MAX_OFFSET)?))
    }

    /// A boolean (`true`/`false`, `1`/`0`).
    pub fn flag(&self, name: &str) -> Result<bool, ApiError> {
        match self.get(name) {
            None | Some("false" | "0") => Ok(false),
            Some("true" | "1") => Ok(true),
            Some(v) => Err(ApiError::bad_request(format!("{name} must be true or false, not {v:?}"))),
        }
    }

    /// An ISO date of any precision (`2015`, `2015-10`, `2015-10-07`), normalized.
    pub fn date(&self, name: &str) -> Result<Option<String>, ApiError> {
        let Some(v) = self.get(name) else { return Ok(None) };
        iso_date(v.trim())
            .map(Some)
            .ok_or_else(|| ApiError::bad_request(format!("{name} must be a date such as 2015-10-07, not {v:?}")))
    }

    /// One of `choices`, `default` when absent.
    pub fn choice(
        &self,
        name: &str,
        choices: &[&'static str],
        default: &'static str,
    ) -> Result<&'static str, ApiError> {
        let Some(v) = self.get(name) else { return Ok(default) };
        choices
            .iter()
            .find(|c| **c == v)
            .copied()
            .ok_or_else(|| ApiError::bad_request(format!("{name} must be one of {}, not {v:?}", choices.join(", "))))
    }
}

/// `YYYY`, `YYYY-MM` or a valid `YYYY-MM-DD`.
fn iso_date(s: &str) -> Option<String> {
    if !s.is_ascii() {
        return None;
    }
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    match s.len() {
        4 if digits(s) => Some(s.to_string()),
        7 if digits(&s[..4]) && s.as_bytes()[4] == b'-' && digits(&s[5..]) => {
            matches!(s[5..].parse::<u8>(), Ok(1..=12)).then(|| s.to_string())
        }
        10 => Date::parse(s).ok().map(|d| d.to_string()),
        _ => None,
    }
}

/// A page of a list: `{"items", "limit", "offset", "next_offset"}`.
#[derive(Debug, Clone, Serialize)]
pub struct Page<T> {
    /// The rows.
    pub items: Vec<T>,
    /// Page size asked for.
    pub limit: usize,
    /// Rows skipped.
    pub offset: usize,
    /// The next page's offset, `null` on the last page.
    pub next_offset: Option<usize>,
}

impl<T> Page<T> {
    /// A page from up to `limit + 1` rows fetched at `offset` (the extra row says whether there
    /// is a next page).
    pub fn new(mut items: Vec<T>, limit: usize, offset: usize) -> Page<T> {
        let more = items.len() > limit;
        items.truncate(limit);
        Page { items, limit, offset, next_offset: more.then_some(offset + limit) }
    }
}

/// A path id: a positive integer, else 404 (no such thing can exist).
pub fn id(raw: &str, what: &str) -> Result<i64, ApiError> {
    match raw.parse::<i64>() {
        Ok(n) if n > 0 && !raw.starts_with('+') => Ok(n),
        _ => Err(ApiError::not_found(format!("no {what} {raw:?} (ids are positive integers)"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(q: &[(&str, &str)]) -> Params {
        Params(q.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect())
    }

    #[test]
    fn paging_table() {
        type Case = (&'static [(&'static str, &'static str)], Option<(usize, usize)>);
        let cases: &[Case] = &[
            (&[], Some((50, 0))),
            (&[("limit", "1")], Some((1, 0))),
            (&[("limit", "500"), ("offset", "20")], Some((500, 20))),
            (&[("limit", "")], Some((50, 0))),
            (&[("limit", "0")], None),
            (&[("limit", "501")], None),
            (&[("limit", "-1")], None),
            (&[("limit", "ten")], None),
            (&[("offset", "-5")], None),
            (&[("offset", "99999999999999999999999")], None),
        ];
        for (q, want) in cases {
            let got = params(q).paging(DEFAULT_LIMIT, MAX_LIMIT);
            match (got, want) {
                (Ok(g), Some(w)) => assert_eq!(g, *w, "{q:?}"),
                (Err(e), None) => assert_eq!(e.code, "bad_request", "{q:?}"),
                (got, want) => panic!("{q:?}: got {got:?}, want {want:?}"),
            }
        }
    }

    #[test]
    fn dates_flags_choices_ids() {
        let p = params(&[("since", "2015-10"), ("until", "yesterday"), ("contested", "yes"), ("order", "cited")]);
        assert_eq!(p.date("since").unwrap().as_deref(), Some("2015-10"));
        assert_eq!(p.date("none").unwrap(), None);
        for (v, ok) in [
            ("2015", true),
            ("2015-02", true),
            ("2015-02-28", true),
            ("2015-02-30", false),
            ("2015-13", false),
            ("15-02", false),
            ("2015-1", false),
            ("2015-10-07T12:00", false),
            ("é015", false),
            ("éé-éé", false),
        ] {
            assert_eq!(params(&[("d", v)]).date("d").is_ok(), ok, "{v}");
        }
        assert!(p.date("until").is_err());
        assert!(p.flag("contested").is_err());
        assert!(!p.flag("absent").unwrap());
        assert_eq!(p.choice("order", &["contested", "cited"], "contested").unwrap(), "cited");
        assert!(p.choice("order", &["contested"], "contested").is_err());
        for (raw, ok) in
            [("1", true), ("42", true), ("0", false), ("-3", false), ("+3", false), ("x", false), ("", false)]
        {
            assert_eq!(id(raw, "claim").is_ok(), ok, "{raw}");
        }
    }

    #[test]
    fn pages_know_their_next_offset() {
        let p = Page::new(vec![1, 2, 3], 2, 10);
        assert_eq!((p.items, p.next_offset), (vec![1, 2], Some(12)));
        let p = Page::new(vec![1, 2], 2, 10);
        assert_eq!((p.items, p.next_offset), (vec![1, 2], None));
        let v = serde_json::to_value(Page::new(Vec::<u8>::new(), 5, 0)).unwrap();
        assert_eq!(v, serde_json::json!({"items": [], "limit": 5, "offset": 0, "next_offset": null}));
    }
}
