//! `lookout stats`.

use std::path::Path;

use lookout_store::Store;

/// Prints counts by schema, countries, sources and statements.
pub async fn run(data_dir: &Path, json: bool) -> anyhow::Result<()> {
    let store = super::open_store(data_dir).await?;
    let stats = store.stats().await?;
    store.close().await;
    if json {
        println!("{}", serde_json::to_string_pretty(&stats)?);
        return Ok(());
    }
    println!("entities by schema:");
    for (schema, n) in &stats.entities_by_schema {
        println!("  {schema:<14} {n:>9}");
    }
    println!("countries        {:>9}", stats.countries);
    println!("sources          {:>9}", stats.sources);
    println!("statements       {:>9}", stats.statements);
    for (status, n) in &stats.statements_by_status {
        println!("  {status:<14} {n:>9}");
    }
    Ok(())
}
