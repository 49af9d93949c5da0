//! JSON: the public record as one document — sources, and entities with their accepted statements.

use std::io::Write;

use lookout_store::Store;
use serde_json::json;

use crate::walk::{for_each_public_entity, sources_by_id};
use crate::ExportError;

/// Writes `{"format", "sources": [...], "entities": [{"id", "schema", "statements": [...]}]}`,
/// streaming entity by entity; returns the number of entities.
pub async fn export_json<S: Store>(store: &S, mut out: impl Write) -> Result<u64, ExportError> {
    let mut sources: Vec<_> = sources_by_id(store).await?.into_values().collect();
    sources.sort_by(|a, b| a.id.cmp(&b.id));
    write!(out, "{{\"format\":\"lookout-statements/1\",\"sources\":")?;
    serde_json::to_writer(&mut out, &sources)?;
    write!(out, ",\"entities\":[")?;
    let mut n = 0u64;
    for_each_public_entity(store, |record| {
        if n > 0 {
            out.write_all(b",")?;
        }
        let doc = json!({"id": record.entity.id, "schema": record.entity.schema, "statements": record.statements});
        serde_json::to_writer(&mut out, &doc)?;
        n += 1;
        Ok(())
    })
    .await?;
    writeln!(out, "]}}")?;
    out.flush()?;
    Ok(n)
}
