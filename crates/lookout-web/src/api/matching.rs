//! `POST /api/v1/match`: yente's `/match` shape — named queries in, scored public entities out —
//! answered by Lookout's cross-script matcher. Only public organisations and public bodies are
//! candidates; persons are never matched or returned.

use std::collections::BTreeMap;

use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::Json;
use lookout_match::NameIndex;
use lookout_store::Store;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::error::ApiError;
use super::extract::ApiQuery;
use crate::service::matching::CANDIDATES_PER_QUERY;
use crate::state::AppState;

/// Largest `POST /api/v1/match` body accepted.
pub const MATCH_BODY_LIMIT: usize = 256 * 1024;

pub use super::match_schema::MAX_QUERIES;
/// At most this many characters per name.
const MAX_NAME_CHARS: usize = 300;

/// One entity to match, as FollowTheMoney gives it.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct EntityExample {
    /// The caller's id for it (echoed back).
    #[serde(default)]
    pub id: Option<String>,
    /// Its FtM schema: `Organization`, `PublicBody`, `Company`, `LegalEntity` or `Person`.
    #[schema(schema_with = super::match_schema::query_schema)]
    pub schema: String,
    /// Its properties; `name` is required.
    #[schema(schema_with = super::match_schema::query_properties)]
    pub properties: BTreeMap<String, Vec<String>>,
}

/// The request body.
#[derive(Debug, Deserialize, ToSchema)]
pub struct MatchRequest {
    /// Queries by the caller's key (1 to 50).
    #[schema(schema_with = super::match_schema::queries)]
    pub queries: BTreeMap<String, EntityExample>,
}

/// Query parameters, as yente names them.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MatchParams {
    /// Results per query (1–50; default 5).
    #[param(minimum = 1, maximum = 50)]
    pub limit: Option<usize>,
    /// Score from which a result is a match, 0 to 1 (default 0.7).
    #[param(minimum = 0.0, maximum = 1.0)]
    pub threshold: Option<f64>,
    /// Results scoring below this are left out, 0 to 1 (default 0.5).
    #[param(minimum = 0.0, maximum = 1.0)]
    pub cutoff: Option<f64>,
}

/// A total, as yente gives it.
#[derive(Debug, Serialize, ToSchema)]
pub struct Total {
    /// How many.
    pub value: usize,
    /// Always `eq`.
    pub relation: &'static str,
}

/// One scored candidate.
#[derive(Debug, Serialize, ToSchema)]
pub struct ScoredEntity {
    /// Its id in Lookout.
    pub id: String,
    /// The name that matched best.
    pub caption: String,
    /// Its schema (`Organization` or `PublicBody`, as in FtM).
    pub schema: String,
    /// Its names.
    pub properties: BTreeMap<String, Vec<String>>,
    /// Always `["lookout"]`.
    pub datasets: Vec<String>,
    /// Other ids it is known by (none).
    pub referents: Vec<String>,
    /// Always false: Lookout has no sanctions targets.
    pub target: bool,
    /// The score in [0, 1].
    pub score: f64,
    /// Whether the score reaches the threshold.
    #[serde(rename = "match")]
    pub is_match: bool,
    /// Each feature compared: 1 if it supports the match, 0 if not.
    pub features: BTreeMap<String, f64>,
    /// What each feature found, in words.
    pub explanation: Vec<String>,
}

/// The answer to one query.
#[derive(Debug, Serialize, ToSchema)]
pub struct QueryResponse {
    /// 200.
    pub status: u16,
    /// The best candidates, best first.
    pub results: Vec<ScoredEntity>,
    /// How many candidates scored at or above the cutoff.
    pub total: Total,
    /// The query as received.
    pub query: EntityExample,
}

/// The matcher that scored.
#[derive(Debug, Serialize, ToSchema)]
pub struct MatcherInfo {
    /// `lookout-match`.
    pub name: &'static str,
    /// Lookout's version.
    pub version: &'static str,
}

/// The response body.
#[derive(Debug, Serialize, ToSchema)]
pub struct MatchResponse {
    /// Answers by the caller's key.
    pub responses: BTreeMap<String, QueryResponse>,
    /// The matcher.
    pub matcher: MatcherInfo,
    /// Results per query.
    pub limit: usize,
}

/// Checks a request, naming the first problem by its place in the body.
fn validate(request: &MatchRequest) -> Result<(), ApiError> {
    if request.queries.is_empty() {
        return Err(ApiError::invalid("queries: give at least one query"));
    }
    if request.queries.len() > MAX_QUERIES {
        return Err(ApiError::invalid(format!("queries: at most {MAX_QUERIES} per request")));
    }
    for (key, q) in &request.queries {
        if !super::match_schema::QUERY_SCHEMATA.contains(&q.schema.as_str()) {
            return Err(ApiError::invalid(format!(
                "queries.{key}.schema: {:?} is not one of Organization, PublicBody, Company, LegalEntity, Person",
                q.schema
            )));
        }
        let names = q.properties.get("name").map(Vec::as_slice).unwrap_or_default();
        if names.is_empty() {
            return Err(ApiError::invalid(format!("queries.{key}.properties.name: give at least one name")));
        }
        if let Some(i) = names.iter().position(|n| super::match_schema::blank(n)) {
            return Err(ApiError::invalid(format!("queries.{key}.properties.name.{i}: a name cannot be blank")));
        }
        if names.len() > 10 || names.iter().any(|n| n.chars().count() > MAX_NAME_CHARS) {
            return Err(ApiError::invalid(format!(
                "queries.{key}.properties.name: at most 10 names of at most {MAX_NAME_CHARS} characters"
            )));
        }
    }
    Ok(())
}

/// Matches entities against the public record's organisations and public bodies, in English,
/// Chinese or pinyin. Same shape as yente's `/match`.
#[utoipa::path(post, path = "/api/v1/match", tag = "match",
    params(MatchParams),
    request_body = MatchRequest,
    responses((status = 200, body = MatchResponse), (status = 400, body = super::error::ErrorBody),
        (status = 413, body = super::error::ErrorBody)))]
pub async fn match_entities<S: Store>(
    State(app): State<AppState<S>>,
    ApiQuery(params): ApiQuery<MatchParams>,
    body: Result<Json<MatchRequest>, JsonRejection>,
) -> Result<Json<MatchResponse>, ApiError> {
    let Json(request) = body.map_err(|e| {
        if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
            ApiError(crate::error::WebError::TooLarge(format!("request body: at most {} KiB", MATCH_BODY_LIMIT / 1024)))
        } else {
            ApiError::invalid(format!("request body: {}", e.body_text()))
        }
    })?;
    validate(&request)?;
    let limit = params.limit.unwrap_or(5);
    if !(1..=50).contains(&limit) {
        return Err(ApiError::invalid("limit: must be from 1 to 50"));
    }
    let threshold = params.threshold.unwrap_or(lookout_match::THRESHOLD);
    let cutoff = params.cutoff.unwrap_or(0.5);
    for (name, v) in [("threshold", threshold), ("cutoff", cutoff)] {
        if !(0.0..=1.0).contains(&v) {
            return Err(ApiError::invalid(format!("{name}: must be from 0 to 1")));
        }
    }
    let index = app.matcher.index(app.store.as_ref()).await?;
    let responses = tokio::task::spawn_blocking(move || {
        request
            .queries
            .into_iter()
            .map(|(key, query)| {
                let answer = answer(&query, &index, limit, threshold, cutoff);
                (key, answer)
            })
            .collect::<BTreeMap<_, _>>()
    })
    .await
    .map_err(|e| ApiError(crate::error::WebError::Internal(format!("matching failed: {e}"))))?;
    Ok(Json(MatchResponse {
        responses,
        matcher: MatcherInfo { name: "lookout-match", version: env!("CARGO_PKG_VERSION") },
        limit,
    }))
}

fn answer(query: &EntityExample, index: &NameIndex, limit: usize, threshold: f64, cutoff: f64) -> QueryResponse {
    let names: Vec<&String> =
        query.properties.get("name").into_iter().flatten().filter(|n| !n.trim().is_empty()).collect();
    let schema = query.schema.as_str();
    let mut scored: Vec<ScoredEntity> = Vec::new();
    if schema != "Person" {
        let queried: Vec<&str> = names.iter().map(|n| n.as_str()).collect();
        for i in index.candidates(&queried, CANDIDATES_PER_QUERY) {
            let c = &index.entities()[i];
            // Every pair scored, the best one explained.
            let mut best: Option<(f64, &String, &String)> = None;
            for q in &names {
                for n in c.names.iter().take(10) {
                    let score = lookout_match::score_names(q, n, Some(schema));
                    if best.is_none_or(|(b, _, _)| score > b) {
                        best = Some((score, q, n));
                    }
                }
            }
            let Some((score, q, caption)) = best else { continue };
            if score < cutoff {
                continue;
            }
            let r = lookout_match::match_names(q, caption, Some(schema));
            scored.push(ScoredEntity {
                id: c.id.clone(),
                caption: caption.clone(),
                schema: c.schema.clone(),
                properties: BTreeMap::from([("name".to_string(), c.names.clone())]),
                datasets: vec!["lookout".into()],
                referents: Vec::new(),
                target: false,
                score: r.score,
                is_match: r.score >= threshold,
                features: r
                    .explanation
                    .iter()
                    .map(|f| (f.feature.to_string(), f64::from(u8::from(f.agrees))))
                    .collect(),
                explanation: r.explanation.iter().map(|f| format!("{}: {}", f.feature, f.detail)).collect(),
            });
        }
    }
    scored.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.id.cmp(&b.id)));
    let total = Total { value: scored.len(), relation: "eq" };
    scored.truncate(limit);
    QueryResponse { status: 200, results: scored, total, query: query.clone() }
}
