//! Lookout's exports of the public record: only accepted statements about unrestricted entities
//! (persons are restricted by default and never exported), each with its source.
//!
//! - [`export_csv`]: one row per statement, with source URL, kind and grade;
//! - [`export_json`]: sources and entities with their statements;
//! - [`export_geojson`]: RFC 7946 FeatureCollection of stations;
//! - [`export_ftm`]: FollowTheMoney JSON lines;
//! - [`export_gexf`]: the link graph, GEXF 1.3;
//! - [`release`]: signed, versioned releases holding all of them, with what changed.

mod csv_export;
mod error;
mod ftm;
mod geojson;
mod gexf;
mod json_export;
pub mod release;
mod walk;

pub use csv_export::{export_csv, COLUMNS as CSV_COLUMNS};
pub use error::ExportError;
pub use ftm::{export_ftm, to_ftm};
pub use geojson::export_geojson;
pub use gexf::export_gexf;
pub use json_export::export_json;

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// CSV, a row per statement.
    Csv,
    /// JSON document.
    Json,
    /// GeoJSON FeatureCollection of stations.
    GeoJson,
    /// FollowTheMoney JSON lines.
    Ftm,
    /// The resolved link graph, GEXF 1.3.
    Gexf,
}

impl ExportFormat {
    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
            ExportFormat::GeoJson => "geojson",
            ExportFormat::Ftm => "ftm.jsonl",
            ExportFormat::Gexf => "gexf",
        }
    }
}

/// Writes the export in `format`; returns the number of records written.
pub async fn export<S: lookout_store::Store + lookout_store::DocumentStore>(
    store: &S,
    format: ExportFormat,
    out: impl std::io::Write,
) -> Result<u64, ExportError> {
    match format {
        ExportFormat::Csv => export_csv(store, out).await,
        ExportFormat::Json => export_json(store, out).await,
        ExportFormat::GeoJson => export_geojson(store, out).await,
        ExportFormat::Ftm => export_ftm(store, out).await,
        ExportFormat::Gexf => export_gexf(store, out).await,
    }
}
