//! A document printed to PDF by a browser reads like its text: issue 17's public documents
//! (`research/issue17/corpus/`, each also as `pdf/NAME.pdf`, printed by headless Chromium with
//! its header and footer on every page) give the same mentions from either form.

use std::collections::BTreeMap;

use lookout_ingest::text::{extract, Format};
use lookout_ingest::{Finder, KnownNames, Memo};

fn corpus() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../research/issue17/corpus")
}

/// The mentions of a file, as (kind, words) with how many times each stands.
fn mentions(finder: &Finder, path: &std::path::Path) -> BTreeMap<(String, String), usize> {
    let bytes = std::fs::read(path).unwrap();
    let text = extract(&bytes, Format::of_name(&path.display().to_string()).unwrap()).unwrap();
    let mut out = BTreeMap::new();
    for m in finder.find(&text, &KnownNames::default(), &mut Memo::default(), None) {
        let kind = serde_json::to_value(m.kind()).unwrap().as_str().unwrap().to_string();
        *out.entry((kind, m.text_in(&text).replace('\n', " "))).or_default() += 1;
    }
    out
}

#[test]
fn every_document_gives_the_same_mentions_as_pdf_and_as_text() {
    let finder = Finder::new();
    let (mut both, mut from_text, mut from_pdf) = (0usize, 0usize, 0usize);
    let mut worst = Vec::new();
    let mut documents = 0;
    for entry in std::fs::read_dir(corpus().join("pdf")).unwrap() {
        let pdf = entry.unwrap().path();
        if pdf.extension().is_none_or(|e| e != "pdf") {
            continue;
        }
        documents += 1;
        let stem = pdf.file_stem().unwrap().to_string_lossy().into_owned();
        let path = corpus().join(format!("{stem}.txt"));
        let (text, printed) = (mentions(&finder, &path), mentions(&finder, &pdf));
        let shared: usize = text.iter().map(|(k, n)| (*n).min(printed.get(k).copied().unwrap_or(0))).sum();
        let (t, p): (usize, usize) = (text.values().sum(), printed.values().sum());
        let lost: Vec<_> = text.keys().filter(|k| !printed.contains_key(*k)).collect();
        let gained: Vec<_> = printed.keys().filter(|k| !text.contains_key(*k)).collect();
        eprintln!("{stem}: {shared} of {t} from the text, {p} from the PDF; lost {lost:?}; gained {gained:?}");
        worst.push((shared as f64 / t.max(1) as f64, stem));
        (both, from_text, from_pdf) = (both + shared, from_text + t, from_pdf + p);
    }
    assert!(documents >= 51 && from_text > 500, "the whole corpus was read: {documents} PDFs, {from_text} mentions");
    let (recall, precision) = (both as f64 / from_text as f64, both as f64 / from_pdf as f64);
    eprintln!("PDF against text: {both} shared, recall {recall:.3}, precision {precision:.3}");
    assert!(recall >= 0.99 && precision >= 0.99, "recall {recall:.3}, precision {precision:.3}");
    worst.sort_by(|a, b| a.0.total_cmp(&b.0));
    assert!(worst[0].0 >= 0.9, "the worst document: {:?}", worst[0]);
}

#[test]
fn a_chinese_report_keeps_its_headline_figures_and_its_words() {
    let finder = Finder::new();
    let printed = mentions(&finder, &corpus().join("pdf/zh-09-chinanews-fuzhou-30-stations.pdf"));
    let text = mentions(&finder, &corpus().join("zh-09-chinanews-fuzhou-30-stations.txt"));
    let figures = |m: &BTreeMap<(String, String), usize>| -> Vec<String> {
        m.keys().filter(|(k, _)| k == "figure").map(|(_, w)| w.clone()).collect()
    };
    assert_eq!(figures(&printed), figures(&text));
    assert!(!printed.contains_key(&("place".to_string(), "合作".to_string())), "合作 is a word, not a place");
}
