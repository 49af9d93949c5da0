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

/// Whether `text` has the shape of an action name ([`ACTION_PATTERN`]).
fn action_shaped(text: &str) -> bool {
    text.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
}

/// The values `nested` takes and what each means (yente's clients write Python's `True` and
/// `False`).
const NESTED_VALUES: [(&str, bool); 6] =
    [("true", true), ("false", false), ("True", true), ("False", false), ("1", true), ("0", false)];

/// What a value of `nested` means, or an error that names the values it takes.
pub fn nested(value: Option<&str>) -> Result<bool, super::error::ApiError> {
    let Some(v) = value else { return Ok(false) };
    NESTED_VALUES.iter().find(|(text, _)| *text == v).map(|&(_, nest)| nest).ok_or_else(|| {
        let texts: Vec<&str> = NESTED_VALUES.iter().map(|(text, _)| *text).collect();
        super::error::ApiError::invalid(format!("nested: {v:?} is not one of {texts:?}"))
    })
}

/// What a table-bound query parameter allows: written once, read both by the handlers
/// ([`check`]) and by the document ([`TableBound`]).
enum Allowed {
    /// One of these values, or empty for any: `description` is the document's, `wanted` the
    /// error's.
    OneOfOrEmpty { values: Vec<&'static str>, description: &'static str, wanted: &'static str },
    /// An entity id, or (if `or_empty`) empty for any.
    Id { or_empty: bool },
    /// An action name.
    Action,
}

impl Allowed {
    /// What the parameter `name` allows; `None` for a parameter no table binds.
    fn of(name: &str) -> Option<Allowed> {
        Some(match name {
            "country" => Allowed::OneOfOrEmpty {
                values: country_codes().iter().map(String::as_str).collect(),
                description: "ISO 3166-1 alpha-2 code; empty for any",
                wanted: "an ISO 3166-1 alpha-2 code this server knows (upper case; see /api/v1/countries)",
            },
            "status" => Allowed::OneOfOrEmpty {
                values: StationStatus::ALL.iter().map(|s| s.as_str()).collect(),
                description: "A station status; empty for any",
                wanted: "a station status (see /api/openapi.json)",
            },
            "bureau" => Allowed::Id { or_empty: true },
            "entity" => Allowed::Id { or_empty: false },
            "action" => Allowed::Action,
            _ => return None,
        })
    }

    /// Whether `value` is allowed, exactly (no trimming, no change of case).
    fn admits(&self, value: &str) -> bool {
        match self {
            Allowed::OneOfOrEmpty { values, .. } => value.is_empty() || values.contains(&value),
            Allowed::Id { or_empty } => (*or_empty && value.is_empty()) || id_shaped(value),
            Allowed::Action => action_shaped(value),
        }
    }

    /// What a refused value should have been, for the error that names it.
    fn wanted(&self) -> &'static str {
        match self {
            Allowed::OneOfOrEmpty { wanted, .. } => wanted,
            Allowed::Id { .. } => "an entity id",
            Allowed::Action => "an action name (lower case letters and _)",
        }
    }

    /// The parameter's schema in the OpenAPI document.
    fn schema(self) -> Schema {
        let text = ObjectBuilder::new().schema_type(Type::String);
        match self {
            Allowed::OneOfOrEmpty { values, description, .. } => {
                text.enum_values(Some(std::iter::once("").chain(values))).description(Some(description)).build().into()
            }
            Allowed::Id { or_empty: true } => text.pattern(Some(format!("^$|{ID_PATTERN}"))).build().into(),
            Allowed::Id { or_empty: false } => text.pattern(Some(ID_PATTERN)).build().into(),
            Allowed::Action => text.pattern(Some(ACTION_PATTERN)).build().into(),
        }
    }
}

/// Checks a table-bound query parameter against what the document says of it, exactly (no
/// trimming, no change of case): a value the document does not allow is refused, naming it.
pub fn check(name: &str, value: &Option<String>) -> Result<(), super::error::ApiError> {
    let Some(v) = value.as_deref() else { return Ok(()) };
    let Some(allowed) = Allowed::of(name) else { return Ok(()) };
    if allowed.admits(v) {
        return Ok(());
    }
    Err(super::error::ApiError::invalid(format!("{name}: {v:?} is not {}", allowed.wanted())))
}

/// The schema of a query parameter, by its name; `None` leaves it as derived.
fn schema_of(name: &str) -> Option<Schema> {
    match name {
        "nested" => {
            let texts = NESTED_VALUES.iter().map(|(text, _)| *text);
            Some(ObjectBuilder::new().schema_type(Type::String).enum_values(Some(texts)).build().into())
        }
        _ => Allowed::of(name).map(Allowed::schema),
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
