//! Cursor pagination: items in id order; the cursor is the last id of the previous page.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::error::ApiError;

/// Page size when none is asked for.
pub const DEFAULT_LIMIT: usize = 50;
/// The largest page.
pub const MAX_LIMIT: usize = 500;

/// Paging parameters.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// Return items after this cursor (the `next_cursor` of the previous page).
    pub cursor: Option<String>,
    /// Items per page, 1 to 500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<usize>,
}

/// A page of items.
#[derive(Debug, Serialize, ToSchema)]
pub struct Page<T> {
    /// The items.
    pub data: Vec<T>,
    /// Pass as `cursor` to get the next page; absent on the last page.
    pub next_cursor: Option<String>,
}

/// Cuts `items` (any order; sorted here by `id`) into the page `params` asks for.
pub fn paginate<T>(mut items: Vec<T>, params: &PageParams, id: impl Fn(&T) -> &str) -> Result<Page<T>, ApiError> {
    let limit = params.limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(ApiError::invalid(format!("limit: {limit} is not between 1 and {MAX_LIMIT}")));
    }
    items.sort_by(|a, b| id(a).cmp(id(b)));
    let start = match &params.cursor {
        Some(c) => items.partition_point(|x| id(x) <= c.as_str()),
        None => 0,
    };
    let mut data: Vec<T> = items.into_iter().skip(start).collect();
    let next_cursor = if data.len() > limit {
        data.truncate(limit);
        data.last().map(|x| id(x).to_string())
    } else {
        None
    };
    Ok(Page { data, next_cursor })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_follow_each_other_without_gaps_or_repeats() {
        let items: Vec<String> = (0..7).map(|i| format!("id-{i}")).rev().collect();
        let mut params = PageParams { cursor: None, limit: Some(3) };
        let mut seen = Vec::new();
        loop {
            let page = paginate(items.clone(), &params, |s| s.as_str()).unwrap();
            seen.extend(page.data);
            match page.next_cursor {
                Some(c) => params.cursor = Some(c),
                None => break,
            }
        }
        assert_eq!(seen, (0..7).map(|i| format!("id-{i}")).collect::<Vec<_>>());
        assert!(paginate(items.clone(), &PageParams { cursor: None, limit: Some(0) }, |s| s.as_str()).is_err());
        assert!(paginate(items, &PageParams { cursor: None, limit: Some(501) }, |s| s.as_str()).is_err());
    }
}
