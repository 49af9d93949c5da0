//! Writes a synthetic FollowTheMoney JSON-lines dataset for import benchmarks: each organisation
//! carries ten importable values (one statement each) and cites one of 1,000 source URLs.
//!
//! `cargo run --release -p lookout-import --example generate_ftm -- STATEMENTS > gen.ftm.jsonl`

use std::io::{BufWriter, Write};

const COUNTRIES: &[&str] = &["nl", "fr", "it", "es", "de", "gb", "us", "ca", "au", "jp", "hu", "cz"];

fn main() -> std::io::Result<()> {
    let statements: u64 = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(1_000_000);
    let entities = statements.div_ceil(10);
    let mut out = BufWriter::new(std::io::stdout().lock());
    for i in 0..entities {
        let country = COUNTRIES[(i % COUNTRIES.len() as u64) as usize];
        let line = serde_json::json!({
            "id": format!("gen-org-{i:08}"),
            "schema": "Organization",
            "properties": {
                "name": [format!("Overseas Hometown Association {i}")],
                "alias": [format!("OHA {i}"), format!("Association no. {i}"), format!("同乡会{i}")],
                "country": [country],
                "address": [format!("{} Example Street, Unit {}", i % 997, i % 13)],
                "notes": [format!("note a {i}"), format!("note b {i}"), format!("note c {i}"), format!("note d {i}")],
                "sourceUrl": [format!("https://news.example/{}/article", i % 1000)],
            }
        });
        serde_json::to_writer(&mut out, &line)?;
        out.write_all(b"\n")?;
    }
    out.flush()
}
