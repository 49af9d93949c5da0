//! What the OpenAPI document says of parameters whose values come from tables: the country codes
//! the server knows, the station statuses, the shape of ids and action names. The document then
//! allows exactly what the handlers accept, so a client (or schemathesis) that keeps to it is
//! never refused.

use lookout_core::StationStatus;
use utoipa::openapi::path::Parameter;
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::{OpenApi, RefOr, Schema};

/// The shape of an entity id (`lookout_core::ids`): 1 to 128 letters, digits, `.`, `_`, `:`, `-`.
pub const ID_PATTERN: &str = "^[A-Za-z0-9._:-]{1,128}$";
/// The shape of an action name.
const ACTION_PATTERN: &str = "^[a-z_]*$";

/// The country codes the API accepts: those of the bundled table, upper case, as the document
/// lists them.
fn country_codes() -> &'static Vec<String> {
    static CODES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    CODES.get_or_init(|| {
        let mut codes: Vec<String> = lookout_geo::Countries::bundled().iter().map(|c| c.iso2.clone()).collect();
        codes.sort();
        codes
    })
}

/// Whether `text` has the shape of an entity id ([`ID_PATTERN`]).
fn id_shaped(text: &str) -> bool {
    (1..=128).contains(&text.len())
        && text.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b':' | b'-'))
}

/// Checks a table-bound query parameter against what the document says of it, exactly (no
/// trimming, no change of case): a value the document does not allow is refused, naming it.
pub fn check(name: &str, value: &Option<String>) -> Result<(), super::error::ApiError> {
    let Some(v) = value.as_deref() else { return Ok(()) };
    let fits = match name {
        "country" => v.is_empty() || country_codes().iter().any(|c| c == v),
        "status" => v.is_empty() || StationStatus::ALL.iter().any(|s| s.as_str() == v),
        "bureau" => v.is_empty() || id_shaped(v),
        "entity" => id_shaped(v),
        "action" => v.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
        _ => true,
    };
    if fits {
        return Ok(());
    }
    let what = match name {
        "country" => "an ISO 3166-1 alpha-2 code this server knows (upper case; see /api/v1/countries)",
        "status" => "a station status (see /api/openapi.json)",
        "bureau" | "entity" => "an entity id",
        _ => "an action name (lower case letters and _)",
    };
    Err(super::error::ApiError::invalid(format!("{name}: {v:?} is not {what}")))
}

/// The values `nested` takes (yente's clients write Python's `True` and `False`).
pub const NESTED_VALUES: [&str; 6] = ["true", "false", "True", "False", "1", "0"];

/// The schema of a query parameter, by its name; `None` leaves it as derived.
fn schema_of(name: &str) -> Option<Schema> {
    let text = || ObjectBuilder::new().schema_type(Type::String);
    match name {
        "country" => {
            let codes: Vec<&str> = std::iter::once("").chain(country_codes().iter().map(String::as_str)).collect();
            Some(
                text()
                    .enum_values(Some(codes))
                    .description(Some("ISO 3166-1 alpha-2 code; empty for any"))
                    .build()
                    .into(),
            )
        }
        "nested" => Some(text().enum_values(Some(NESTED_VALUES)).build().into()),
        "status" => {
            let mut statuses: Vec<&str> = StationStatus::ALL.iter().map(|s| s.as_str()).collect();
            statuses.insert(0, "");
            Some(text().enum_values(Some(statuses)).description(Some("A station status; empty for any")).build().into())
        }
        "bureau" => Some(text().pattern(Some(format!("^$|{ID_PATTERN}"))).build().into()),
        "entity" => Some(text().pattern(Some(ID_PATTERN)).build().into()),
        "action" => Some(text().pattern(Some(ACTION_PATTERN)).build().into()),
        _ => None,
    }
}

/// Sets the schemas of the table-bound query parameters of every operation.
pub struct TableBound;

impl utoipa::Modify for TableBound {
    fn modify(&self, openapi: &mut OpenApi) {
        for item in openapi.paths.paths.values_mut() {
            for operation in [&mut item.get, &mut item.post].into_iter().flatten() {
                for parameter in operation.parameters.iter_mut().flatten() {
                    bind(parameter);
                }
            }
        }
    }
}

fn bind(parameter: &mut Parameter) {
    if parameter.parameter_in != utoipa::openapi::path::ParameterIn::Query {
        return;
    }
    if let Some(schema) = schema_of(&parameter.name) {
        parameter.schema = Some(RefOr::T(schema));
    }
}
