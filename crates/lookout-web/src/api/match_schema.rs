//! The exact shape `/match` accepts, for the OpenAPI document: what the handler refuses, the
//! document does not allow (a schema of the list, names that are not blank, at most ten names of
//! at most 300 characters).

use utoipa::openapi::schema::{ArrayBuilder, Object, ObjectBuilder, Type};
use utoipa::openapi::Ref;

/// At most this many queries per request.
pub const MAX_QUERIES: usize = 50;

/// The schemata a query may have.
pub const QUERY_SCHEMATA: [&str; 5] = ["Organization", "PublicBody", "Company", "LegalEntity", "Person"];

/// `schema`: one of [`QUERY_SCHEMATA`].
pub fn query_schema() -> Object {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(QUERY_SCHEMATA))
        .description(Some("Its FtM schema."))
        .build()
}

/// What a text must hold besides spaces, as a JSON Schema (ECMA-262) pattern: a character that is
/// neither `\s` there nor white space to Rust (U+0085).
pub const NOT_BLANK: &str = "[^\\s\\u0085]";

/// Whether a text is blank by both readings of white space ([`NOT_BLANK`] refuses it).
pub fn blank(text: &str) -> bool {
    text.chars().all(|c| c.is_whitespace() || c == '\u{feff}')
}

/// A name: at least one character that is not a space, at most 300.
fn name() -> Object {
    ObjectBuilder::new().schema_type(Type::String).pattern(Some(NOT_BLANK)).max_length(Some(300)).build()
}

/// `properties`: FtM properties, each a list of strings; `name` required, 1 to 10 names.
pub fn query_properties() -> Object {
    let names = ArrayBuilder::new().items(name()).min_items(Some(1)).max_items(Some(10));
    let values = ArrayBuilder::new().items(ObjectBuilder::new().schema_type(Type::String));
    ObjectBuilder::new()
        .schema_type(Type::Object)
        .property("name", names)
        .required("name")
        .additional_properties(Some(values))
        .description(Some("Its properties, FtM's names to lists of values; `name` is required."))
        .build()
}

/// `queries`: 1 to 50 queries by the caller's key.
pub fn queries() -> Object {
    ObjectBuilder::new()
        .schema_type(Type::Object)
        .additional_properties(Some(Ref::from_schema_name("EntityExample")))
        .min_properties(Some(1))
        .max_properties(Some(MAX_QUERIES))
        .description(Some("Queries by the caller's key (1 to 50)."))
        .build()
}
