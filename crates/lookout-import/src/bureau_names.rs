//! `bureau_names.csv`: names of the bureaus as sources write them in another language or script
//! (福州市公安局 for the Fuzhou Public Security Bureau), each a `name` statement of a bureau the
//! record already holds, cited to a source that writes it, with the source's words.

use lookout_core::{Claim, EntityId, Locator, Schema};

use crate::context::RowSources;
use crate::table::read_table;
use crate::{ImportError, ImportReport, Reference};
use lookout_core::Batch;

/// The columns of `bureau_names.csv`.
pub const COLUMNS: &[&str] = &["bureau_id", "name", "lang", "source_urls"];
/// Columns it may have.
pub const OPTIONAL: &[&str] = &["quote", "notes"];

/// Imports a table of bureaus' names into `batch`. The bureau must be in this import or the store.
pub fn import(file: &str, text: &str, batch: &mut Batch, report: &mut ImportReport) -> Result<(), ImportError> {
    for record in read_table(file, text, COLUMNS, OPTIONAL)? {
        let raw = record.required("bureau_id")?;
        let bureau = EntityId::new(raw.to_string()).map_err(|e| record.error("bureau_id", e))?;
        if !raw.starts_with("publicbody-") {
            return Err(record.error("bureau_id", format!("{raw:?} is not a bureau's id (publicbody-…)")));
        }
        let name = record.required("name")?;
        let lang = record.required("lang")?;
        if !matches!(lang, "zh" | "en") {
            return Err(record.error("lang", format!("{lang:?} is not a language the record names bodies in (zh, en)")));
        }
        let quote = record.get("quote");
        if !quote.is_empty() && !quote.contains(name) {
            return Err(record.error("quote", format!("the quote does not write the name {name:?}")));
        }
        let added_here = batch.schema_of(&bureau).is_none();
        batch.add_entity(&bureau, Schema::PublicBody).map_err(|e| record.error("bureau_id", e))?;
        let sources = RowSources::read(&record, "source_urls", batch)?;
        let said = Locator {
            quote: Some(if quote.is_empty() { name.to_string() } else { quote.to_string() }),
            page: Some(format!("{} line {}", record.place.file, record.place.line)),
            span: quote.find(name).map(|at| {
                let start = quote[..at].chars().count() as u32;
                (start, start + name.chars().count() as u32)
            }),
        };
        sources.claim_each(batch, &record, "name", |s| {
            Claim::new(&bureau, "name", name, s).lang(lang).locator(said.clone())
        })?;
        report.references.push(Reference {
            target: bureau,
            schema: Some(Schema::PublicBody),
            place: record.place.clone(),
            field: "bureau_id",
            added_here,
        });
        report.rows += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::import_texts as import;

    const STATIONS: &str = "id,city,country_iso2,country,operating_bureau,first_reported_in,reported_date,status,status_date,address,source_urls
ST900,New York,US,United States,Fuzhou PSB,110 Overseas,2022-09-12,reported,2022-09-12,,https://news.example/a
";

    #[test]
    fn a_name_is_stated_with_its_source_and_words() {
        let names = "bureau_id,name,lang,source_urls,quote
publicbody-fuzhou-psb,福州市公安局,zh,https://news.example/zh,福州市公安局首批确定了30个海外社团
";
        let (batch, report) = import(&[("stations.csv", STATIONS), ("bureau_names.csv", names)]).unwrap();
        let s = batch.statements.iter().find(|s| s.value == "福州市公安局").expect("the name is stated");
        assert_eq!(
            (s.entity_id.as_str(), s.prop.as_str(), s.lang.as_deref()),
            ("publicbody-fuzhou-psb", "name", Some("zh"))
        );
        assert_eq!(s.locator.span, Some((0, 6)));
        assert!(s.locator.quote.as_deref().unwrap().starts_with("福州市公安局首批"));
        assert_eq!(report.rows, 2);
    }

    #[test]
    fn bad_rows_are_refused_naming_the_cell() {
        for (row, field) in [
            ("station-ST001,福州市公安局,zh,https://news.example/zh,", "bureau_id"),
            ("publicbody-fuzhou-psb,福州市公安局,fr,https://news.example/zh,", "lang"),
            ("publicbody-fuzhou-psb,福州市公安局,zh,,", "source_urls"),
            ("publicbody-fuzhou-psb,福州市公安局,zh,https://news.example/zh,温州市公安局在悉尼", "quote"),
        ] {
            let names = format!("bureau_id,name,lang,source_urls,quote\n{row}\n");
            let e = import(&[("stations.csv", STATIONS), ("bureau_names.csv", &names)]).unwrap_err();
            assert_eq!((e.line, e.field.as_deref()), (2, Some(field)), "{row}: {e}");
        }
    }
}
