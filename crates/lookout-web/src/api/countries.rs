//! `/api/v1/countries`.

use axum::extract::{Path, State};
use axum::Json;
use lookout_store::Store;

use super::docs::CountryDoc;
use super::error::ApiError;
use crate::error::WebError;
use crate::i18n::Lang;
use crate::service::countries::map_data;
use crate::state::AppState;

/// Countries with reported stations, most first.
#[utoipa::path(get, path = "/api/v1/countries", tag = "countries",
    responses((status = 200, body = Vec<CountryDoc>)))]
pub async fn list<S: Store>(State(app): State<AppState<S>>) -> Result<Json<Vec<CountryDoc>>, ApiError> {
    let data = map_data(app.store.as_ref(), &app.localized(Lang::En)).await?;
    Ok(Json(
        data.countries
            .into_iter()
            .map(|c| CountryDoc {
                code: c.code,
                name: c.name,
                stations: c.count,
                station_keys: c.stations.into_iter().map(|s| s.0).collect(),
            })
            .collect(),
    ))
}

/// One country with its reported stations (a country with none has zero).
#[utoipa::path(get, path = "/api/v1/countries/{code}", tag = "countries",
    params(("code" = String, Path, description = "ISO 3166-1 alpha-2 code")),
    responses((status = 200, body = CountryDoc), (status = 404, body = super::error::ErrorBody)))]
pub async fn get<S: Store>(
    State(app): State<AppState<S>>,
    Path(code): Path<String>,
) -> Result<Json<CountryDoc>, ApiError> {
    let names = app.localized(Lang::En);
    let country = names
        .get(&code)
        .filter(|_| code.len() == 2)
        .ok_or_else(|| ApiError(WebError::NotFound(format!("country {code:?}"))))?;
    let data = map_data(app.store.as_ref(), &names).await?;
    let found = data.countries.into_iter().find(|c| c.code == country.iso2);
    Ok(Json(match found {
        Some(c) => CountryDoc {
            code: c.code,
            name: c.name,
            stations: c.count,
            station_keys: c.stations.into_iter().map(|s| s.0).collect(),
        },
        None => {
            CountryDoc { code: country.iso2.clone(), name: country.name.clone(), stations: 0, station_keys: Vec::new() }
        }
    }))
}
