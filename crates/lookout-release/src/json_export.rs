//! JSON: the public record as one document — sources, and entities with their accepted statements.

use std::io::Write;

use lookout_store::{DocumentStore, Store};
use serde_json::json;

use crate::walk::{for_each_public_entity, originals_by_id, sources_by_id};
use crate::ExportError;

/// Writes `{"format", "sources": [...], "entities": [{"id", "schema", "statements": [...]}]}`,
/// streaming entity by entity; returns the number of entities. A source that copies another
/// carries the original's id as `copy_of`.
pub async fn export_json<S: Store + DocumentStore>(store: &S, mut out: impl Write) -> Result<u64, ExportError> {
    let by_id = sources_by_id(store).await?;
    let originals = originals_by_id(store, &by_id).await?;
    let mut sources: Vec<_> = by_id.into_values().collect();
    sources.sort_by(|a, b| a.id.cmp(&b.id));
    let sources: Vec<serde_json::Value> = sources
        .iter()
        .map(|s| {
            let mut value = serde_json::to_value(s)?;
            value["copy_of"] = json!(originals.get(&s.id));
            Ok(value)
        })
        .collect::<Result<_, serde_json::Error>>()?;
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
