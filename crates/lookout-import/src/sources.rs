//! `sources.csv`: every source of a dataset once, described (publisher, title, date, language)
//! and judged by a person: what kind of source it is and, for a copy, the original it copies.
//! The judgement is recorded as the named person's, not as a guess from the address; the other
//! tables of the same import cite each source as described here.

use std::collections::HashMap;

use lookout_core::{Batch, PartialDate, Source, SourceId, SourceJudgement, SourceKind};

use crate::context::checked_url;
use crate::table::{read_table, Record};
use crate::{ImportError, ImportReport};

/// The columns of `sources.csv`.
pub const COLUMNS: &[&str] = &["url", "kind", "judged_by"];
/// Columns it may have.
pub const OPTIONAL: &[&str] = &["publisher", "title", "published", "language", "copy_of", "notes"];

fn optional(record: &Record, column: &str) -> Option<String> {
    Some(record.get(column)).filter(|v| !v.is_empty()).map(str::to_string)
}

fn source_of(record: &Record) -> Result<Source, ImportError> {
    let url = checked_url(record, "url", record.required("url")?)?;
    let kind: SourceKind = record.required("kind")?.parse().map_err(|e| record.error("kind", e))?;
    let published = match record.get("published") {
        "" => None,
        date => Some(date.parse::<PartialDate>().map_err(|e| record.error("published", e))?),
    };
    let mut source = Source::from_url(url);
    source.kind = kind;
    source.kind_guess = None;
    source.title = optional(record, "title");
    source.publisher = optional(record, "publisher").or(source.publisher);
    source.published = published;
    source.lang = optional(record, "language");
    Ok(source)
}

/// Imports a sources table into `batch`: each row's source, and its judgement by `judged_by`.
/// A `copy_of` must name another row of the same table; a repost must name the original it copies.
pub fn import(file: &str, text: &str, batch: &mut Batch, report: &mut ImportReport) -> Result<(), ImportError> {
    let records = read_table(file, text, COLUMNS, OPTIONAL)?;
    let mut line_of: HashMap<SourceId, u64> = HashMap::new();
    let mut described = Vec::with_capacity(records.len());
    for record in &records {
        let source = source_of(record)?;
        if let Some(first) = line_of.insert(source.id.clone(), record.place.line) {
            return Err(record.error("url", format!("{} is already described on line {first}", source.url)));
        }
        described.push((record, source.id.clone(), source.kind));
        batch.add_source(source);
    }
    // The originals are known once every row is read: a copy may come before its original.
    for (record, source, kind) in described {
        let copy_of = match record.get("copy_of") {
            "" if kind == SourceKind::Repost => {
                return Err(
                    record.error("copy_of", "a repost names the original it copies (its url, a row of this table)")
                )
            }
            "" => None,
            url => {
                let original = Source::from_url(checked_url(record, "copy_of", url)?).id;
                if !line_of.contains_key(&original) {
                    return Err(record.error("copy_of", format!("{url} is not a row of this table")));
                }
                Some(original)
            }
        };
        let judgement = SourceJudgement {
            source,
            kind,
            reliability: None,
            copy_of,
            by: record.required("judged_by")?.to_string(),
            at: String::new(),
        };
        batch.add_judgement(judgement).map_err(|e| record.error("copy_of", e))?;
        report.rows += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import_texts as import;

    const SOURCES: &str = "url,publisher,title,published,language,kind,copy_of,judged_by,notes
https://rcmp.example/release,RCMP,RCMP investigating,2022-10-26,en,official,,A. Researcher,its own release
https://mirror.example/rcmp,mirror.example,RCMP investigating,2022-10-27,en,repost,https://rcmp.example/release,A. Researcher,copies the release
";
    const STATIONS: &str = "id,city,country_iso2,country,operating_bureau,first_reported_in,reported_date,status,status_date,address,source_urls
ST900,Markham,CA,Canada,Fuzhou PSB,110 Overseas,2022-09-12,under_investigation,2022-10-26,,https://rcmp.example/release | https://mirror.example/rcmp
";

    #[test]
    fn sources_are_described_and_judged_by_the_person_named() {
        let (batch, report) = import(&[("stations.csv", STATIONS), ("sources.csv", SOURCES)]).unwrap();
        assert_eq!(report.rows, 3);
        let release = batch.source(&Source::from_url("https://rcmp.example/release").id).unwrap();
        assert_eq!(
            (release.kind, release.kind_guess.as_deref(), release.publisher.as_deref()),
            (SourceKind::Official, None, Some("RCMP"))
        );
        assert_eq!(release.published.map(|d| d.to_string()).as_deref(), Some("2022-10-26"));
        let mirror = Source::from_url("https://mirror.example/rcmp").id;
        let judged = batch.judgements.iter().find(|j| j.source == mirror).unwrap();
        assert_eq!((judged.kind, judged.by.as_str()), (SourceKind::Repost, "A. Researcher"));
        assert_eq!(judged.copy_of.as_ref(), Some(&release.id));
        // The station cites the source as judged (an official source grades B), not as guessed.
        let cited = batch.statements.iter().find(|s| s.prop == "city" && s.source_id == release.id).unwrap();
        assert_eq!(cited.grade.reliability, lookout_core::Reliability::B);
    }

    #[test]
    fn a_bad_row_is_named_and_nothing_is_judged() {
        let header = "url,kind,copy_of,judged_by\n";
        let cases = [
            ("https://a.example/1,repost,,R", "s.csv:2", "copy_of"),
            ("https://a.example/1,repost,https://b.example/2,R", "s.csv:2", "copy_of"),
            ("https://a.example/1,rumour,,R", "s.csv:2", "kind"),
            ("https://a.example/1,news,,", "s.csv:2", "judged_by"),
            ("ftp://a.example/1,news,,R", "s.csv:2", "url"),
            ("https://a.example/1,repost,https://a.example/1,R", "s.csv:2", "copy_of"),
            ("https://a.example/1,news,,R\nhttps://a.example/1,news,,R", "s.csv:3", "url"),
        ];
        for (rows, at, field) in cases {
            let error = import(&[("s.csv", &format!("{header}{rows}\n"))]).unwrap_err().to_string();
            assert!(error.contains(at) && error.contains(field), "{rows}: {error}");
        }
        let dated = "url,kind,published,judged_by\nhttps://a.example/1,news,2022-02-30,R\n";
        assert!(import(&[("s.csv", dated)]).unwrap_err().to_string().contains("s.csv:2: field `published`"));
    }
}
