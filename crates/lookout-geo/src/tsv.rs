//! Reading the gazetteer's tab-separated files.

use crate::GeoError;

/// One data line of a TSV file, with its line number, for error messages.
pub(crate) struct Row<'a, 'h> {
    pub file: &'static str,
    pub line: usize,
    cells: Vec<&'a str>,
    header: &'h [&'a str],
}

impl<'a> Row<'a, '_> {
    /// The cell in column `field`, or an error naming it.
    pub fn get(&self, field: &'static str) -> Result<&'a str, GeoError> {
        let i = self
            .header
            .iter()
            .position(|h| *h == field)
            .ok_or_else(|| self.error(field, "column missing from header".into()))?;
        self.cells.get(i).copied().ok_or_else(|| self.error(field, "line has too few cells".into()))
    }

    /// A multi-valued cell, split on `|`.
    pub fn list(&self, field: &'static str) -> Result<Vec<String>, GeoError> {
        Ok(self.get(field)?.split('|').filter(|s| !s.is_empty()).map(str::to_string).collect())
    }

    /// A cell parsed as `T`.
    pub fn parse<T: std::str::FromStr>(&self, field: &'static str) -> Result<T, GeoError> {
        let text = self.get(field)?;
        text.parse().map_err(|_| self.error(field, format!("cannot parse {text:?}")))
    }

    /// An error at this row.
    pub fn error(&self, field: &'static str, reason: String) -> GeoError {
        GeoError { file: self.file, line: self.line, field, reason }
    }
}

/// Calls `each` for every data line of `text` (a header line, then tab-separated rows).
pub(crate) fn for_each_row<'a>(
    file: &'static str,
    text: &'a str,
    mut each: impl FnMut(Row<'a, '_>) -> Result<(), GeoError>,
) -> Result<(), GeoError> {
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
    for (i, line) in lines.enumerate() {
        if line.is_empty() {
            continue;
        }
        each(Row { file, line: i + 2, cells: line.split('\t').collect(), header: &header })?;
    }
    Ok(())
}
