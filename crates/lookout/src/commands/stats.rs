//! `lookout stats`.

use std::path::Path;

use lookout_store::Store;

/// Prints counts by schema, countries, sources and statements, and how far the record rests on
/// originals.
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
    let r = &stats.record;
    println!("record:");
    println!("  stations                        {:>6}", r.stations);
    println!("    located at a city             {:>6}", r.stations_located);
    println!("    reported but not located      {:>6}", r.stations_not_located);
    println!("    citing an original source     {:>6}", r.stations_with_original);
    println!("    with a named, cited host      {:>6}", r.stations_with_host);
    println!("  status steps                    {:>6}", r.status_steps);
    println!("    with a date of their own      {:>6}", r.status_steps_dated);
    println!("  sources judged by a person      {:>6}", r.sources_judged);
    Ok(())
}
