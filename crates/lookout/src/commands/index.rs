//! `lookout index rebuild`: the documents' search index made again from the store and the
//! originals (the record's own index is built in memory by `serve` for each data version and
//! needs no rebuilding).

use std::path::Path;

use anyhow::Context;

/// `lookout index rebuild`.
pub async fn rebuild(data_dir: &Path) -> anyhow::Result<()> {
    let store = super::open_store(data_dir).await?;
    let result = lookout_ingest::pipeline::rebuild_index(data_dir, &store, |done, of| {
        if done % 100 == 0 || done == of {
            eprintln!("{done} of {of} documents read");
        }
    })
    .await;
    store.close().await;
    let rebuilt = result.context("cannot rebuild the documents' index")?;
    if let Some(aside) = &rebuilt.set_aside {
        eprintln!("the old index could not be opened: it was set aside as {}", aside.display());
    }
    for (sha256, why) in &rebuilt.missing {
        eprintln!("warning: document {sha256} is not searchable: {why}");
    }
    println!(
        "documents' index rebuilt: {} documents indexed, {} without a readable original",
        rebuilt.indexed,
        rebuilt.missing.len()
    );
    Ok(())
}
