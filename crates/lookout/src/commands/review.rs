//! `lookout review` (proposals from ingested documents) and `lookout search` (their text).

use std::io::Write;
use std::path::Path;

use anyhow::Context;
use lookout_core::{ProposalRecord, Verdict};
use lookout_search::DocumentIndex;
use lookout_store::{DocumentStore, Store};

const STATUSES: &[&str] = &["proposed", "accepted", "rejected", "all"];

/// Lists proposals with one status (or all).
pub async fn list(data_dir: &Path, status: &str, json: bool) -> anyhow::Result<()> {
    if !STATUSES.contains(&status) {
        anyhow::bail!("--status: {status:?} is not one of {}", STATUSES.join(", "));
    }
    let store = super::open_store(data_dir).await?;
    let records = store.proposals((status != "all").then_some(status)).await?;
    let sources = store.sources(&records.iter().map(|r| r.proposal.source_id.clone()).collect::<Vec<_>>()).await?;
    store.close().await;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for r in &records {
        if json {
            serde_json::to_writer(
                &mut out,
                &serde_json::json!({
                    "id": r.proposal.id,
                    "status": r.status(),
                    "kind": r.proposal.kind,
                    "summary": r.proposal.summary,
                    "quote": r.proposal.quote,
                    "source_id": r.proposal.source_id,
                    "document": r.proposal.document,
                    "claims": r.proposal.claims,
                    "claimant": r.proposal.claimant,
                    "proposed_at": r.proposed_at,
                    "reviewed_by": r.review.as_ref().map(|x| &x.1),
                }),
            )?;
            writeln!(out)?;
        } else {
            let source = sources.get(&r.proposal.source_id);
            let cite = source.map(|s| s.title.clone().unwrap_or_else(|| s.url.clone())).unwrap_or_default();
            let reviewed = r.review.as_ref().map(|(v, by, at)| format!(" [{v} by {by}, {at}]")).unwrap_or_default();
            let claimed = r.proposal.claimant.as_ref().map(|c| format!(", says {c}")).unwrap_or_default();
            writeln!(out, "{}  {}  {}{claimed}{reviewed}", r.proposal.id, r.proposal.kind, r.proposal.summary)?;
            writeln!(out, "    “{}” — {cite}", r.proposal.quote)?;
        }
    }
    out.flush()?;
    if !json {
        eprintln!("{} proposal(s) {}", records.len(), if status == "all" { "in all" } else { status });
        if status == "proposed" && !records.is_empty() {
            eprintln!(
                "accept or reject them: lookout review accept ID... --by NAME / lookout review reject ID... --by NAME"
            );
        }
    }
    Ok(())
}

/// The proposal an id or unique prefix (12 characters or more) names.
fn resolve<'a>(records: &'a [ProposalRecord], id: &str) -> anyhow::Result<&'a ProposalRecord> {
    if let Some(r) = records.iter().find(|r| r.proposal.id == id) {
        return Ok(r);
    }
    if id.len() < 12 {
        anyhow::bail!("no proposal {id} (a prefix needs at least 12 characters)");
    }
    let found: Vec<&ProposalRecord> = records.iter().filter(|r| r.proposal.id.starts_with(id)).collect();
    match found.as_slice() {
        [one] => Ok(one),
        [] => anyhow::bail!("no proposal {id}"),
        many => anyhow::bail!("{id} names {} proposals; give more of the id", many.len()),
    }
}

/// Accepts or rejects proposals, each in its own transaction, after checking all the ids.
pub async fn decide(data_dir: &Path, ids: &[String], verdict: Verdict, by: &str) -> anyhow::Result<()> {
    if by.trim().is_empty() {
        anyhow::bail!("--by: name the reviewer");
    }
    let store = super::open_store(data_dir).await?;
    let records = store.proposals(None).await?;
    let mut chosen = Vec::new();
    for id in ids {
        let r = resolve(&records, id)?;
        if let Some((v, who, at)) = &r.review {
            anyhow::bail!("proposal {} was already {v} by {who} at {at}; nothing was changed", r.proposal.id);
        }
        chosen.push(r);
    }
    for r in chosen {
        let report = store
            .review_proposal(&r.proposal.id, verdict, by)
            .await
            .with_context(|| format!("reviewing {}", r.proposal.id))?;
        println!("{} {verdict}: {} ({} statements added)", r.proposal.id, r.proposal.summary, report.statements_added);
    }
    store.close().await;
    Ok(())
}

/// Searches the ingested documents (restricted ones too: this runs on the server's own machine).
pub fn search(data_dir: &Path, query: &str, limit: usize, json: bool) -> anyhow::Result<()> {
    let dir = super::ingest::index_dir(data_dir);
    let Some(index) = DocumentIndex::open_existing(&dir)? else {
        anyhow::bail!("no document has been ingested into {} yet (lookout ingest)", data_dir.display());
    };
    let results = index.search(query, true, limit)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for hit in &results.hits {
        if json {
            serde_json::to_writer(
                &mut out,
                &serde_json::json!({
                    "document": hit.sha256, "source_id": hit.source_id, "title": hit.title,
                    "language": hit.language, "passage_html": hit.passage_html, "score": hit.score,
                }),
            )?;
            writeln!(out)?;
        } else {
            // On a terminal, marks become reverse video; elsewhere, [brackets].
            let (on, off) =
                if std::io::IsTerminal::is_terminal(&std::io::stdout()) { ("\x1b[7m", "\x1b[0m") } else { ("[", "]") };
            let passage = hit
                .passage_html
                .replace("<mark>", on)
                .replace("</mark>", off)
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#x27;", "'")
                .replace("&amp;", "&");
            writeln!(
                out,
                "{}  {} ({})\n    {}",
                &hit.sha256[..12],
                hit.title,
                hit.source_id,
                passage.replace('\n', " ")
            )?;
        }
    }
    out.flush()?;
    eprintln!("{} document(s) match", results.total);
    Ok(())
}
