//! Lookout's importers. Each reads one format into a [`lookout_core::Batch`] that the store writes
//! in one transaction, so a bad row anywhere means nothing is written. Errors name the file, the
//! line and the field.
//!
//! Formats: the bundled CSV tables (`sources.csv`, `stations.csv`, `status_events.csv`,
//! `hosts.csv`, `bureau_names.csv`, `responses.csv`, `figures.csv`, recognised by their header) and FollowTheMoney
//! JSON lines (`.json`, `.jsonl`, `.ftm`).
//!
//! ```
//! use lookout_import::{import_files, Bundled};
//! let gazetteer = lookout_geo::Gazetteer::bundled();
//! let (batch, report) = import_files(&Bundled::files(), &gazetteer, "import:bundled").unwrap();
//! assert!(report.rows > 150);
//! assert!(batch.statements.len() > 1000);
//! ```

pub mod bureau_names;
mod context;
mod error;
pub mod figures;
pub mod ftm;
pub mod hosts;
mod notes;
pub mod responses;
pub mod sources;
pub mod stations;
pub mod status_events;
mod table;

use std::collections::HashSet;

use lookout_core::{Batch, EntityId, Schema};
use lookout_geo::Gazetteer;

pub use context::{geonames_source, ImportContext};
pub use error::{ImportError, Place};
pub use lookout_core::grading::{corroboration, default_reliability};

/// A reference from an imported row to another entity, checked before anything is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// The entity referred to.
    pub target: EntityId,
    /// The schema it must have, if one.
    pub schema: Option<Schema>,
    /// Where the reference is.
    pub place: Place,
    /// The column or field.
    pub field: &'static str,
    /// Whether the importer itself added the target to the batch (to state something of it), so
    /// that only the store can show it exists.
    pub added_here: bool,
}

/// What an import found, besides the batch.
#[derive(Debug, Clone, Default)]
pub struct ImportReport {
    /// Rows (CSV records or JSON lines) read.
    pub rows: u64,
    /// Stations placed at a city.
    pub geocoded: u64,
    /// Things a user should know (stations placed only at country level, skipped properties…).
    pub warnings: Vec<String>,
    /// References to other entities, to check against the batch and the store.
    pub references: Vec<Reference>,
}

impl ImportReport {
    /// Checks every reference against the batch, then against `stored` (the schema of an entity
    /// already in the store). The first dangling or mistyped reference is an error.
    pub fn check_references(
        &self,
        batch: &Batch,
        stored: impl Fn(&EntityId) -> Option<Schema>,
    ) -> Result<(), ImportError> {
        for r in &self.references {
            let wanted = r.schema.map_or("entity".to_string(), |s| s.to_string());
            let in_batch = if r.added_here { None } else { batch.schema_of(&r.target) };
            match (in_batch.or_else(|| stored(&r.target)), r.schema) {
                (Some(found), Some(s)) if found != s => {
                    return Err(r.place.error(r.field, format!("{} is a {found}, not a {s}", r.target)))
                }
                (Some(_), _) => {}
                (None, _) => {
                    return Err(r
                        .place
                        .error(r.field, format!("no {wanted} with id {} in this import or the store", r.target)))
                }
            }
        }
        Ok(())
    }

    /// The targets to look up in the store: those `batch` does not hold, and those an importer
    /// added to it only to state something of them.
    pub fn targets_to_look_up(&self, batch: &Batch) -> HashSet<EntityId> {
        self.references
            .iter()
            .filter(|r| r.added_here || batch.schema_of(&r.target).is_none())
            .map(|r| r.target.clone())
            .collect()
    }
}

/// The input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `sources.csv`.
    Sources,
    /// `stations.csv`.
    Stations,
    /// `responses.csv`.
    Responses,
    /// `figures.csv`.
    Figures,
    /// `status_events.csv`.
    StatusEvents,
    /// `hosts.csv`.
    Hosts,
    /// `bureau_names.csv`.
    BureauNames,
    /// FollowTheMoney JSON lines.
    Ftm,
}

/// Recognises a file's format from its name and header line.
pub fn detect_format(file: &str, text: &str) -> Result<Format, ImportError> {
    let lower = file.to_lowercase();
    if [".json", ".jsonl", ".ftm", ".ndjson"].iter().any(|e| lower.ends_with(e)) {
        return Ok(Format::Ftm);
    }
    let header: Vec<&str> =
        text.lines().next().unwrap_or("").split(',').map(|h| h.trim().trim_start_matches('\u{feff}')).collect();
    let has = |c: &str| header.contains(&c);
    if has("url") && has("kind") && has("judged_by") {
        Ok(Format::Sources)
    } else if has("status") && has("operating_bureau") {
        Ok(Format::Stations)
    } else if has("station_id") && has("status") && has("claimant") {
        Ok(Format::StatusEvents)
    } else if has("station_id") && has("host_name") {
        Ok(Format::Hosts)
    } else if has("bureau_id") && has("name") {
        Ok(Format::BureauNames)
    } else if has("actor") && has("action") {
        Ok(Format::Responses)
    } else if has("figure") && has("claimed_by") {
        Ok(Format::Figures)
    } else {
        Err(ImportError {
            file: file.to_string(),
            line: 1,
            field: None,
            message: format!(
                "unrecognised header; expected the columns of sources.csv ({}), stations.csv ({}), status_events.csv ({}), hosts.csv ({}), bureau_names.csv ({}), responses.csv ({}) or figures.csv ({}), or a .jsonl file of FollowTheMoney entities",
                sources::COLUMNS.join(","),
                stations::COLUMNS.join(","),
                status_events::COLUMNS.join(","),
                hosts::COLUMNS.join(","),
                bureau_names::COLUMNS.join(","),
                responses::COLUMNS.join(","),
                figures::COLUMNS.join(",")
            ),
        })
    }
}

/// Decodes a file's bytes as UTF-8, naming the line of the first invalid byte.
pub fn decode(file: &str, bytes: &[u8]) -> Result<String, ImportError> {
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() as u64 + 1;
        ImportError { file: file.to_string(), line, field: None, message: format!("not valid UTF-8 (byte {at})") }
    })
}

/// Imports one file into `batch`.
pub fn import_file(
    file: &str,
    bytes: &[u8],
    ctx: &ImportContext,
    batch: &mut Batch,
    report: &mut ImportReport,
) -> Result<(), ImportError> {
    let text = decode(file, bytes)?;
    match detect_format(file, &text)? {
        Format::Sources => sources::import(file, &text, batch, report),
        Format::Stations => stations::import(file, &text, ctx, batch, report),
        Format::Responses => responses::import(file, &text, ctx, batch, report),
        Format::Figures => figures::import(file, &text, batch, report),
        Format::StatusEvents => status_events::import(file, &text, batch, report),
        Format::Hosts => hosts::import(file, &text, batch, report),
        Format::BureauNames => bureau_names::import(file, &text, batch, report),
        Format::Ftm => ftm::import(file, &text, ctx, batch, report),
    }
}

/// Imports several files (name, bytes) into one batch: the tables of sources first, so that every
/// other table cites a source as described and judged there; then stations, so that others may
/// refer to them.
pub fn import_files(
    files: &[(String, Vec<u8>)],
    gazetteer: &Gazetteer,
    recorded_by: &str,
) -> Result<(Batch, ImportReport), ImportError> {
    let format_of = |name: &str, bytes: &[u8]| {
        let text = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).into_owned();
        detect_format(name, &text).ok()
    };
    // Stations told by status events have their status from the events alone.
    let told_by_events = files
        .iter()
        .filter(|(name, bytes)| format_of(name, bytes) == Some(Format::StatusEvents))
        .flat_map(|(name, bytes)| status_events::stations_told(name, &String::from_utf8_lossy(bytes)))
        .collect();
    let ctx = ImportContext { gazetteer, told_by_events };
    let mut batch = Batch::new(recorded_by);
    let mut report = ImportReport::default();
    let mut ordered: Vec<&(String, Vec<u8>)> = files.iter().collect();
    ordered.sort_by_key(|(name, bytes)| match format_of(name, bytes) {
        Some(Format::Sources) => 0,
        Some(Format::Stations) => 1,
        _ => 2,
    });
    for (name, bytes) in ordered {
        import_file(name, bytes, &ctx, &mut batch, &mut report)?;
    }
    Ok((batch, report))
}

/// Tests' shorthand: imports files given as (name, text) with the bundled gazetteer.
#[cfg(test)]
pub(crate) fn import_texts(files: &[(&str, &str)]) -> Result<(Batch, ImportReport), ImportError> {
    let files: Vec<(String, Vec<u8>)> = files.iter().map(|(n, t)| (n.to_string(), t.as_bytes().to_vec())).collect();
    import_files(&files, &Gazetteer::bundled(), "test")
}

/// The dataset bundled in `data/` and embedded in the binary.
pub struct Bundled;

impl Bundled {
    /// The bundled files as (name, bytes).
    pub fn files() -> Vec<(String, Vec<u8>)> {
        vec![
            ("data/sources.csv".to_string(), include_bytes!("../../../data/sources.csv").to_vec()),
            ("data/stations.csv".to_string(), include_bytes!("../../../data/stations.csv").to_vec()),
            ("data/status_events.csv".to_string(), include_bytes!("../../../data/status_events.csv").to_vec()),
            ("data/hosts.csv".to_string(), include_bytes!("../../../data/hosts.csv").to_vec()),
            ("data/bureau_names.csv".to_string(), include_bytes!("../../../data/bureau_names.csv").to_vec()),
            ("data/responses.csv".to_string(), include_bytes!("../../../data/responses.csv").to_vec()),
            ("data/figures.csv".to_string(), include_bytes!("../../../data/figures.csv").to_vec()),
        ]
    }
}
