//! A value a person types, checked exactly as imports check it: the property must be one of the
//! entity's schema, the value must fit its type, a country code must name a country, and an
//! entity it refers to must be in the record, of the schema the property expects; a web address
//! (a new source's, an upload's) must be one.

use lookout_core::{PropType, Property, Schema};
use lookout_store::Store;

use super::forms::field_error;
use crate::error::WebError;
use crate::state::AppState;

/// The property `prop` of `schema`, or an error naming `field`.
pub fn property_of(schema: Schema, prop: &str, field: &str) -> Result<&'static Property, WebError> {
    schema.property(prop.trim()).map_err(|e| field_error(field, e))
}

/// `value` in canonical form for `property`, or an error naming `field`.
pub async fn checked_value<S: Store>(
    app: &AppState<S>,
    property: &Property,
    value: &str,
    field: &str,
) -> Result<String, WebError> {
    let value = property.check(value).map_err(|e| field_error(field, e))?;
    match property.kind {
        PropType::Country if app.countries.get(&value).is_none() => {
            Err(field_error(field, format!("unknown country code {value:?} (expected ISO 3166-1 alpha-2, e.g. NL)")))
        }
        PropType::Entity(_) | PropType::AnyEntity => {
            let id = lookout_core::EntityId::new(value.clone()).map_err(|e| field_error(field, e))?;
            let stored = app.store.entity(&id).await?.map(|r| r.entity.schema);
            match (property.kind, stored) {
                (_, None) => Err(field_error(field, format!("no entity {value} in the record"))),
                (PropType::Entity(wanted), Some(schema)) if schema != wanted => {
                    Err(field_error(field, format!("{value} is a {schema}, not a {wanted}")))
                }
                _ => Ok(value),
            }
        }
        _ => Ok(value),
    }
}

/// A web address a person gives (a new source's, an uploaded document's): `http` or `https`, a
/// host, no spaces or control characters, at most 2,000 bytes.
pub fn web_address(url: &str) -> Result<(), String> {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://")).ok_or("not an http(s) address")?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if host.is_empty() || !host.contains('.') && !host.starts_with("localhost") {
        return Err("the address has no host".into());
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) || url.len() > 2000 {
        return Err("not an address (spaces, or longer than 2000 characters)".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_need_a_scheme_and_a_host() {
        assert!(web_address("https://nos.nl/artikel/1").is_ok());
        assert!(web_address("http://localhost:8080/x").is_ok());
        assert!(web_address("ftp://nos.nl/").is_err());
        assert!(web_address("https:///path").is_err());
        assert!(web_address("https://nos.nl/a b").is_err());
        assert!(web_address("https://nos.nl/a\u{7}").is_err());
        assert!(web_address("javascript:alert(1)").is_err());
        assert!(web_address(&format!("https://nos.nl/{}", "a".repeat(2_000))).is_err());
    }
}
