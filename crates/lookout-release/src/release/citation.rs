//! `CITATION.cff` (Citation File Format 1.2.0): how to cite a release, read by GitHub, Zenodo and
//! reference managers.

use super::manifest::Manifest;

/// Who publishes the releases, named in their citation.
#[derive(Debug, Clone)]
pub struct Publisher {
    /// The name of the person or organisation (`--publisher`).
    pub name: String,
    /// Where the releases are published, if known (`--url`).
    pub url: Option<String>,
}

/// The `CITATION.cff` of a release.
pub fn citation_cff(manifest: &Manifest, publisher: &Publisher) -> String {
    let stations = manifest.counts.entities.get("Station").copied().unwrap_or(0);
    let mut cff = String::new();
    cff.push_str("cff-version: 1.2.0\n");
    cff.push_str("message: \"If you use this dataset, please cite this release by its version, and for any single fact also the source the record gives for it.\"\n");
    cff.push_str("type: dataset\n");
    cff.push_str("title: \"Lookout record of reported overseas police service stations\"\n");
    cff.push_str(&format!(
        "abstract: \"A sourced record of reported overseas police service stations, the bureaus said to run them, the bodies said to host them and governments' responses: {stations} stations and {} accepted statements, each citing its source.\"\n",
        manifest.counts.statements
    ));
    cff.push_str("authors:\n");
    cff.push_str(&format!("  - name: {}\n", yaml_string(&publisher.name)));
    cff.push_str(&format!("version: {}\n", yaml_string(&manifest.id.to_string())));
    cff.push_str(&format!("date-released: {}\n", yaml_string(&manifest.date)));
    cff.push_str("license: CC-BY-4.0\n");
    if let Some(url) = &publisher.url {
        let base = url.trim_end_matches('/');
        cff.push_str(&format!("url: {}\n", yaml_string(&format!("{base}/data/releases/{}/", manifest.id))));
    }
    cff.push_str("keywords:\n  - transnational repression\n  - overseas police service stations\n  - open data\n");
    cff
}

/// A double-quoted YAML string.
fn yaml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
