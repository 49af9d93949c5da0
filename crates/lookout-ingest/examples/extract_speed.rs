//! Extraction alone, on one core: text (HTML/PDF/plain, NFKC) and mentions of every document in
//! a directory, read into memory first so that the disk is not measured.
//!
//! `cargo run --release -p lookout-ingest --example extract_speed -- DIR`

use std::time::Instant;

use lookout_ingest::text::{extract, Format};

/// The allocator the `lookout` binary runs ingest with.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let dir = std::env::args().nth(1).expect("usage: extract_speed DIR");
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
    // Warm up: the gazetteer and the segmenter are loaded once per process.
    let _ = lookout_ingest::extract_mentions("Fuzhou 福州市公安局 12 September 2022");
    let (mut text_time, mut mention_time, mut mentions) = (0.0, 0.0, 0usize);
    for (format, b) in &files {
        let t = Instant::now();
        let text = extract(b, *format).expect("readable text");
        text_time += t.elapsed().as_secs_f64();
        let t = Instant::now();
        mentions += lookout_ingest::extract_mentions(&text).len();
        mention_time += t.elapsed().as_secs_f64();
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "{} documents, {mb:.1} MB, {mentions} mentions: text {:.1} MB/s, mentions {:.1} MB/s, extraction {:.1} MB/s (one core)",
        files.len(),
        mb / text_time,
        mb / mention_time,
        mb / (text_time + mention_time)
    );
}
