//! Reading CSV tables strictly: exact headers, balanced quotes, equal row lengths, line numbers kept.

use std::collections::HashMap;

use crate::{ImportError, Place};

/// One CSV record with its header and its place in the file.
#[derive(Debug)]
pub struct Record {
    /// Where the record starts.
    pub place: Place,
    cells: HashMap<String, String>,
}

impl Record {
    /// The trimmed cell of `column` ("" when empty).
    pub fn get(&self, column: &str) -> &str {
        self.cells.get(column).map(|s| s.trim()).unwrap_or("")
    }

    /// The cell of `column`, or an error if it is empty.
    pub fn required(&self, column: &str) -> Result<&str, ImportError> {
        let v = self.get(column);
        if v.is_empty() {
            Err(self.place.error(column, "required value is missing"))
        } else {
            Ok(v)
        }
    }

    /// An error about `column`.
    pub fn error(&self, column: &str, message: impl std::fmt::Display) -> ImportError {
        self.place.error(column, message)
    }

    /// The cell split on ` | ` into its non-empty parts.
    pub fn list(&self, column: &str) -> Vec<&str> {
        self.get(column).split('|').map(str::trim).filter(|s| !s.is_empty()).collect()
    }
}

/// Finds a quote left open: `Some(line)` where it was opened.
fn unbalanced_quote(text: &str) -> Option<u64> {
    let mut line = 1u64;
    let mut open_at = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => line += 1,
            '"' if open_at.is_some() && chars.peek() == Some(&'"') => {
                chars.next();
            }
            '"' => open_at = if open_at.is_some() { None } else { Some(line) },
            _ => {}
        }
    }
    open_at
}

/// Parses `text` as a CSV table whose header must contain every `required` column and only
/// `required` and `optional` columns.
pub fn read_table(file: &str, text: &str, required: &[&str], optional: &[&str]) -> Result<Vec<Record>, ImportError> {
    let whole = |line: u64, message: String| ImportError { file: file.to_string(), line, field: None, message };
    if let Some(line) = unbalanced_quote(text) {
        return Err(whole(line, "a quoted field opened here is never closed (unbalanced quote)".into()));
    }
    let mut reader = csv::ReaderBuilder::new().has_headers(true).flexible(false).from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| whole(1, format!("cannot read header: {e}")))?
        .iter()
        .map(|h| h.trim().trim_start_matches('\u{feff}').to_string())
        .collect();
    for r in required {
        if !header.iter().any(|h| h == r) {
            return Err(ImportError {
                file: file.to_string(),
                line: 1,
                field: Some((*r).to_string()),
                message: format!("header lacks required column; expected columns: {}", required.join(",")),
            });
        }
    }
    for (i, h) in header.iter().enumerate() {
        if !required.contains(&h.as_str()) && !optional.contains(&h.as_str()) {
            return Err(ImportError {
                file: file.to_string(),
                line: 1,
                field: Some(h.clone()),
                message: format!("unknown column; expected columns: {}", [required, optional].concat().join(",")),
            });
        }
        if header[..i].contains(h) {
            return Err(ImportError {
                file: file.to_string(),
                line: 1,
                field: Some(h.clone()),
                message: "column appears twice".into(),
            });
        }
    }
    // Line numbers from byte offsets. The csv crate may place a record at the terminator of the
    // line before it (it does so for the first record after a header), so skip line ends first.
    let bytes = text.as_bytes();
    let newlines: Vec<usize> = bytes.iter().enumerate().filter(|(_, b)| **b == b'\n').map(|(i, _)| i).collect();
    let line_at = |byte: u64| {
        let mut at = byte as usize;
        while at < bytes.len() && matches!(bytes[at], b'\n' | b'\r') {
            at += 1;
        }
        newlines.partition_point(|&i| i < at) as u64 + 1
    };
    let mut out = Vec::new();
    for result in reader.records() {
        let record = result.map_err(|e| {
            let line = e.position().map_or(0, |p| line_at(p.byte()));
            let message = match e.kind() {
                csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
                    format!("record has {len} fields, the header has {expected_len}")
                }
                csv::ErrorKind::Utf8 { .. } => "not valid UTF-8".to_string(),
                other => format!("{other:?}"),
            };
            whole(line, message)
        })?;
        let line = record.position().map_or(0, |p| line_at(p.byte()));
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let cells = header.iter().cloned().zip(record.iter().map(str::to_string)).collect();
        out.push(Record { place: Place { file: file.to_string(), line }, cells });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_records_with_their_line_numbers() {
        let t = "a,b\n1,\"x\ny\"\n2,z\n";
        let rows = read_table("t.csv", t, &["a", "b"], &[]).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].place.line, 2);
        assert_eq!(rows[0].get("b"), "x\ny");
        assert_eq!(rows[1].place.line, 4);
    }

    #[test]
    fn rejects_bad_tables_naming_the_place() {
        let err = |t: &str| read_table("t.csv", t, &["a", "b"], &["c"]).unwrap_err().to_string();
        assert_eq!(err("a\n1\n"), "t.csv:1: field `b`: header lacks required column; expected columns: a,b");
        assert_eq!(err("a,b,d\n1,2,3\n"), "t.csv:1: field `d`: unknown column; expected columns: a,b,c");
        assert_eq!(err("a,b\n1,2\n3\n"), "t.csv:3: record has 1 fields, the header has 2");
        assert_eq!(
            err("a,b\n1,2\n3,\"oops\n4,5\n"),
            "t.csv:3: a quoted field opened here is never closed (unbalanced quote)"
        );
        assert_eq!(err("a,b,a\n1,2,3\n"), "t.csv:1: field `a`: column appears twice");
    }

    #[test]
    fn line_numbers_are_right_for_the_bundled_file() {
        let t = include_str!("../../../data/stations.csv");
        let rows = read_table("stations.csv", t, crate::stations::COLUMNS, crate::stations::OPTIONAL).unwrap();
        assert_eq!((rows[0].place.line, rows[0].get("id")), (2, "ST001"));
        assert_eq!((rows[28].place.line, rows[28].get("id")), (30, "ST029"));
    }

    #[test]
    fn escaped_quotes_are_balanced() {
        assert!(read_table("t.csv", "a,b\n\"say \"\"hi\"\"\",2\n", &["a", "b"], &[]).is_ok());
    }
}
