//! `lookout match`.

use std::io::{BufRead, BufWriter, Write};
use std::path::Path;

use anyhow::{bail, Context};
use lookout_match::match_names;

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
        let file = std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
        let mut out = BufWriter::new(std::io::stdout().lock());
        let loading = std::time::Instant::now();
        lookout_match::warm_up();
        let loaded = loading.elapsed();
        let scoring = std::time::Instant::now();
        let mut n = 0u64;
        for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
            let line = line?;
            if line.trim().is_empty() {
                continue;
            }
            let pair: Pair = serde_json::from_str(&line)
                .with_context(|| format!("{}:{}: not a JudgedPair JSON object", path.display(), i + 1))?;
            let left = first_name(&pair.left, i + 1, "left")?;
            let right = first_name(&pair.right, i + 1, "right")?;
            let r = match_names(left, right, schema.or(pair.left.schema.as_deref()));
            writeln!(out, "{}", serde_json::json!({"score": r.score, "match": r.is_match}))?;
            n += 1;
        }
        out.flush()?;
        let secs = scoring.elapsed().as_secs_f64();
        eprintln!(
            "scored {n} pairs in {secs:.3} s ({:.0} pairs/s, reading and writing included); tables loaded in {:.3} s",
            n as f64 / secs.max(1e-9),
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
