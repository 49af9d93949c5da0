//! `lookout xref`, `lookout decide`, `lookout undo`, `lookout clusters`: finding duplicate entities
//! and recording analysts' decisions on them.

use std::io::IsTerminal;
use std::path::Path;

use anyhow::{bail, Context};
use lookout_core::{Decision, EntityId, Judgement, Resolution, Schema};
use lookout_match::{xref, NameIndex, Named, XrefOptions};
use lookout_store::Store;

/// Finds candidate duplicates among the stored entities of `schemata`, best first, leaving out
/// pairs already decided and pairs already in one cluster.
pub async fn run_xref(
    data_dir: &Path,
    schemata: &[String],
    limit: usize,
    min_score: f64,
    json: bool,
) -> anyhow::Result<()> {
    let schemata: Vec<Schema> = schemata
        .iter()
        .map(|s| s.parse::<Schema>().with_context(|| format!("--schema {s}")))
        .collect::<anyhow::Result<_>>()?;
    let store = super::open_store(data_dir).await?;
    let named = store.names(&schemata, true).await?;
    let resolution = Resolution::from_decisions(&store.decisions().await?);
    store.close().await;
    let entities: Vec<Named> = named
        .iter()
        .map(|e| Named { id: e.id.to_string(), schema: e.schema.as_str().to_string(), names: e.names.clone() })
        .collect();
    let skip = |i: usize, j: usize| {
        let (a, b) = (&named[i].id, &named[j].id);
        resolution.decided(a, b).is_some() || resolution.canonical(a) == resolution.canonical(b)
    };
    let show_progress = std::io::stderr().is_terminal();
    let progress = |done: usize, total: usize| {
        if show_progress {
            eprint!("\rxref: {done}/{total} entities compared");
        }
    };
    let started = std::time::Instant::now();
    let options = XrefOptions { min_score, ..XrefOptions::default() };
    let index = NameIndex::build(entities);
    let found = xref(&index, &options, &skip, &progress);
    if show_progress {
        eprintln!();
    }
    eprintln!(
        "xref: {} entities, {} candidate pairs in {:.1} s",
        index.entities().len(),
        found.len(),
        started.elapsed().as_secs_f64()
    );
    for c in found.iter().take(limit) {
        let (a, b) = (&index.entities()[c.left], &index.entities()[c.right]);
        if json {
            println!(
                "{}",
                serde_json::json!({
                    "left": a.id, "right": b.id, "left_name": c.names.0, "right_name": c.names.1,
                    "score": c.result.score, "match": c.result.is_match, "explanation": c.result.explanation,
                })
            );
        } else {
            println!(
                "{:.2} {}  {} ({})  ~  {} ({})",
                c.result.score,
                if c.result.is_match { "match" } else { "maybe" },
                a.id,
                c.names.0,
                b.id,
                c.names.1
            );
        }
    }
    Ok(())
}

/// Records an analyst's decision on a pair.
pub async fn run_decide(data_dir: &Path, a: &str, b: &str, judgement: Judgement, by: &str) -> anyhow::Result<()> {
    let (a, b) = (EntityId::new(a)?, EntityId::new(b)?);
    let decision = Decision::new(&a, &b, judgement, by)?;
    let store = super::open_store(data_dir).await?;
    if judgement == Judgement::Undone {
        let resolution = Resolution::from_decisions(&store.decisions().await?);
        if resolution.decided(&a, &b).is_none() {
            store.close().await;
            bail!("there is no decision on {a} and {b} to undo");
        }
    }
    store.record_decision(&decision).await?;
    let resolution = Resolution::from_decisions(&store.decisions().await?);
    store.close().await;
    println!(
        "recorded: {} {} {} (by {}, {}); {a} now stands under {}",
        decision.left,
        decision.judgement,
        decision.right,
        decision.decided_by,
        decision.decided_at,
        resolution.canonical(&a)
    );
    Ok(())
}

/// Prints the canonical entities that decisions have made (clusters of two or more).
pub async fn run_clusters(data_dir: &Path, json: bool) -> anyhow::Result<()> {
    let store = super::open_store(data_dir).await?;
    let resolution = Resolution::from_decisions(&store.decisions().await?);
    store.close().await;
    for cluster in resolution.clusters() {
        let ids: Vec<&str> = cluster.iter().map(EntityId::as_str).collect();
        if json {
            println!("{}", serde_json::json!({"canonical": ids[0], "members": ids}));
        } else {
            println!("{}: {}", ids[0], ids.join(" "));
        }
    }
    Ok(())
}
