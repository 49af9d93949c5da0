//! Extraction alone, on one core: text (HTML/PDF/plain, NFKC) and mentions of every document in
//! a directory, read into memory first so that the disk is not measured.
//!
//! `cargo run --release -p lookout-ingest --example extract_speed -- DIR [ROUNDS]`
//!
//! With `ROUNDS` (default 1) each document is extracted that many times and its fastest time
//! kept: steadier when comparing two builds on a machine whose speed drifts (run them in turn).

use std::time::Instant;

use lookout_ingest::text::{extract, Format};

/// The allocator the `lookout` binary runs ingest with.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().expect("usage: extract_speed DIR [ROUNDS]");
    let rounds: usize = args.next().map_or(1, |r| r.parse().expect("ROUNDS is a number")).max(1);
    let mut files: Vec<(Format, Vec<u8>)> = Vec::new();
    let mut paths: Vec<_> =
        std::fs::read_dir(&dir).expect("a directory").filter_map(|e| e.ok()).map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if let Some(format) = Format::of_name(&p.to_string_lossy()) {
            files.push((format, std::fs::read(&p).expect("readable")));
        }
    }
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    // The tables, built once; the gazetteer and the segmenter are loaded once per process.
    let finder = lookout_ingest::Finder::new();
    let (known, mut memo) = (lookout_ingest::KnownNames::default(), lookout_ingest::Memo::default());
    // Each document dated, as a sidecar dates it: its relative times ("yesterday", 11月2日) are
    // resolved too.
    let published = "2022-11-02".parse().ok();
    let _ = finder.find("Fuzhou 福州市公安局 12 September 2022", &known, &mut memo, published);
    // Per document, the fastest text and mention times over the rounds.
    let (mut text_times, mut mention_times) = (vec![f64::MAX; files.len()], vec![f64::MAX; files.len()]);
    let mut mentions = 0usize;
    for _ in 0..rounds {
        mentions = 0;
        for (k, (format, b)) in files.iter().enumerate() {
            let t = Instant::now();
            let text = extract(b, *format).expect("readable text");
            text_times[k] = text_times[k].min(t.elapsed().as_secs_f64());
            let t = Instant::now();
            mentions += finder.find(&text, &known, &mut memo, published).len();
            mention_times[k] = mention_times[k].min(t.elapsed().as_secs_f64());
        }
    }
    let (text_time, mention_time): (f64, f64) = (text_times.iter().sum(), mention_times.iter().sum());
    let mb = bytes as f64 / 1e6;
    println!(
        "{} documents, {mb:.1} MB, {mentions} mentions: text {:.1} MB/s, mentions {:.1} MB/s, extraction {:.1} MB/s (one core{})",
        files.len(),
        mb / text_time,
        mb / mention_time,
        mb / (text_time + mention_time),
        if rounds > 1 { format!(", fastest of {rounds} per document") } else { String::new() }
    );
}
