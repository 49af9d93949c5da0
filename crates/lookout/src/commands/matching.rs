//! `lookout match`.

use std::io::{BufRead, BufWriter, Write};
use std::path::Path;

use anyhow::{bail, Context};
use lookout_match::match_names;

/// The first name of one side of a JudgedPair, and its schema.
fn side(value: &serde_json::Value, line: usize, which: &str) -> anyhow::Result<(String, Option<String>)> {
    let name = value["properties"]["name"][0]
        .as_str()
        .with_context(|| format!("line {line}: {which}.properties.name[0] is missing"))?;
    Ok((name.to_string(), value["schema"].as_str().map(str::to_string)))
}

/// Compares two names, or scores a file of JudgedPair lines.
pub fn run(names: &[String], schema: Option<&str>, pairs: Option<&Path>) -> anyhow::Result<()> {
    if let Some(path) = pairs {
        let file = std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
        let mut out = BufWriter::new(std::io::stdout().lock());
        for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
            let line = line?;
            if line.trim().is_empty() {
                continue;
            }
            let pair: serde_json::Value =
                serde_json::from_str(&line).with_context(|| format!("{}:{}: not JSON", path.display(), i + 1))?;
            let (left, schema_l) = side(&pair["left"], i + 1, "left")?;
            let (right, _) = side(&pair["right"], i + 1, "right")?;
            let r = match_names(&left, &right, schema.or(schema_l.as_deref()));
            writeln!(out, "{}", serde_json::json!({"score": r.score, "match": r.is_match}))?;
        }
        out.flush()?;
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
