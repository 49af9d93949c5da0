//! `lookout match`.

use std::io::{BufWriter, Write};
use std::path::Path;

use anyhow::{bail, Context};
use lookout_match::{match_names, score_names};

/// One side of a JudgedPair, as much of it as matching reads (names borrowed from the line).
#[derive(serde::Deserialize, Default)]
struct Side<'a> {
    #[serde(borrow, default)]
    schema: Option<std::borrow::Cow<'a, str>>,
    #[serde(borrow, default)]
    properties: Properties<'a>,
}

#[derive(serde::Deserialize, Default)]
struct Properties<'a> {
    #[serde(borrow, default)]
    name: Vec<std::borrow::Cow<'a, str>>,
}

/// A JudgedPair line; other fields are ignored.
#[derive(serde::Deserialize)]
struct Pair<'a> {
    #[serde(borrow, default)]
    left: Side<'a>,
    #[serde(borrow, default)]
    right: Side<'a>,
}

/// The first name of one side of a JudgedPair.
fn first_name<'a>(side: &'a Side<'_>, line: usize, which: &str) -> anyhow::Result<&'a str> {
    side.properties
        .name
        .first()
        .map(|n| n.as_ref())
        .with_context(|| format!("line {line}: {which}.properties.name[0] is missing"))
}

/// Compares two names, or scores a file of JudgedPair lines.
pub fn run(names: &[String], schema: Option<&str>, pairs: Option<&Path>) -> anyhow::Result<()> {
    if let Some(path) = pairs {
        let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
        let mut out = BufWriter::new(std::io::stdout().lock());
        let loading = std::time::Instant::now();
        lookout_match::warm_up();
        let loaded = loading.elapsed();
        let started = std::time::Instant::now();
        // Read every pair first, as the peer's benchmark does, so that scoring is timed alone.
        let mut pairs: Vec<(&str, &str, Option<String>)> = Vec::new();
        let mut parsed = Vec::new();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let pair: Pair = serde_json::from_str(line)
                .with_context(|| format!("{}:{}: not a JudgedPair JSON object", path.display(), i + 1))?;
            parsed.push((i, pair));
        }
        for (i, pair) in &parsed {
            let left = first_name(&pair.left, i + 1, "left")?;
            let right = first_name(&pair.right, i + 1, "right")?;
            pairs.push((left, right, pair.left.schema.as_deref().map(str::to_string)));
        }
        let scoring = std::time::Instant::now();
        let results: Vec<(f64, bool)> = pairs
            .iter()
            .map(|(a, b, s)| {
                let score = score_names(a, b, schema.or(s.as_deref()));
                (score, score >= lookout_match::THRESHOLD)
            })
            .collect();
        let scored = scoring.elapsed().as_secs_f64();
        for (score, is_match) in &results {
            writeln!(out, "{}", serde_json::json!({"score": score, "match": is_match}))?;
        }
        out.flush()?;
        let secs = started.elapsed().as_secs_f64();
        let n = results.len() as f64;
        eprintln!(
            "scored {n} pairs: {:.0} pairs/s scoring alone ({scored:.3} s), {:.0} pairs/s with reading and writing ({secs:.3} s); tables loaded in {:.3} s",
            n / scored.max(1e-9),
            n / secs.max(1e-9),
            loaded.as_secs_f64()
        );
        return Ok(());
    }
    let [a, b] = names else { bail!("give two names, or --pairs FILE") };
    let r = match_names(a, b, schema);
    println!("score {:.2}: {}", r.score, if r.is_match { "match" } else { "no match" });
    for f in &r.explanation {
        println!("  {} {}: {}", if f.agrees { "+" } else { "-" }, f.feature, f.detail);
    }
    Ok(())
}
