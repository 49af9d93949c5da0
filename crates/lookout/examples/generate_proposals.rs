//! Adds synthetic ingested documents and open proposals to a store, for the workspace benchmark:
//! `PROPOSALS` proposals spread over documents of 100 each, every one a known organisation of
//! `generate_ftm`'s dataset (`gen-org-…`) mentioned under another name.
//!
//! `cargo run --release -p lookout --example generate_proposals -- DATA_DIR 10000`

use lookout_core::{
    Batch, Document, Entity, EntityId, Proposal, ProposalKind, ProposedClaim, Schema, Source, SourceKind,
};
use lookout_store::{SqliteStore, Store};

const PER_DOCUMENT: u64 = 100;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().ok_or("usage: generate_proposals DATA_DIR PROPOSALS")?);
    let proposals: u64 = args.next().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let store = SqliteStore::open(&dir.join("lookout.db")).await?;
    for d in 0..proposals.div_ceil(PER_DOCUMENT) {
        let mut batch = Batch::new("lookout ingest");
        let mut source = Source::from_url(&format!("https://docs.example/generated/{d}"));
        source.kind = SourceKind::News;
        let source_id = batch.add_source(source);
        let sha256 = lookout_core::ids::sha256_hex(format!("generated document {d}").as_bytes());
        batch.add_document(Document {
            sha256: sha256.clone(),
            source_id: source_id.clone(),
            language: "en".into(),
            characters: 40_000,
            simhash: d,
            copy_of: None,
            restricted: false,
        })?;
        for k in 0..PER_DOCUMENT.min(proposals - d * PER_DOCUMENT) {
            let i = (d * PER_DOCUMENT + k) * 7 % 100_000;
            let org = EntityId::new(format!("gen-org-{i:08}"))?;
            let written = format!("the Hometown Association no. {i}");
            let quote = format!("Members of {written} met the consul on {k} May, the paper reported.");
            batch.add_proposal(
                Proposal {
                    id: String::new(),
                    kind: ProposalKind::BodyMention,
                    source_id: source_id.clone(),
                    document: sha256.clone(),
                    summary: format!("mentions {org} as \"{written}\""),
                    claimant: None,
                    span: Some((11, 11 + written.chars().count() as u32)),
                    quote,
                    entities: vec![Entity { id: org.clone(), schema: Schema::Organization }],
                    claims: vec![ProposedClaim {
                        entity_id: org,
                        prop: "alias".into(),
                        value: written,
                        valid_from: None,
                    }],
                }
                .identified(),
            )?;
        }
        store.write_batch(&batch).await?;
    }
    store.close().await;
    eprintln!("added {proposals} open proposals in {} documents", proposals.div_ceil(PER_DOCUMENT));
    Ok(())
}
