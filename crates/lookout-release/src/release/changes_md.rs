//! `CHANGES.md`: a release's changes for people, grouped by entity, each statement with its source.

use std::fmt::Write;

use super::changes::{Changes, StatementChange};

/// Values longer than this many characters are cut in `CHANGES.md` (`changes.json` has them whole).
const VALUE_CHARS: usize = 200;

/// The Markdown text of `changes`.
pub fn changes_markdown(changes: &Changes) -> String {
    let mut md = String::new();
    let s = &changes.summary;
    let _ = writeln!(md, "# Changes in release {}\n", changes.release);
    match &changes.previous {
        Some(previous) => {
            let _ = writeln!(
                md,
                "Since release {previous}: {} statements added, {} withdrawn, {} changed, about {} entities.\n",
                s.added,
                s.withdrawn,
                s.changed,
                changes.entities.len()
            );
            if s.withheld > 0 {
                let _ = writeln!(
                    md,
                    "{} more statements of the previous release are no longer public: they concern a person who is not public, or a link to one, and are counted here, not listed.\n",
                    s.withheld
                );
            }
        }
        None => {
            let _ = writeln!(
                md,
                "First release: {} statements about {} entities, all listed as added.\n",
                s.added,
                changes.entities.len()
            );
        }
    }
    let _ =
        writeln!(md, "Every statement below is one claim of one source; `changes.json` has the same list in full.\n");
    for entity in &changes.entities {
        let title = entity.name.as_deref().map_or_else(|| escape(&entity.id), escape);
        let _ = writeln!(md, "## {title} ({}, {})\n", escape(&entity.id), entity.schema);
        for (label, list) in [("added", &entity.added), ("withdrawn", &entity.withdrawn), ("changed", &entity.changed)]
        {
            for c in list {
                let _ = writeln!(md, "- {label}: {}", line(c));
                for f in &c.fields {
                    let _ = writeln!(md, "  - {}: {} → {}", f.field, quoted(&f.before), quoted(&f.after));
                }
            }
        }
        md.push('\n');
    }
    md
}

fn line(c: &StatementChange) -> String {
    let from = c.valid_from.as_deref().map(|d| format!(" from {d}")).unwrap_or_default();
    format!("{} {}{from}; source: {} ({})", c.prop, quoted(&c.value), escape(&c.source_url), c.statement_id)
}

fn quoted(value: &str) -> String {
    if value.is_empty() {
        return "(none)".into();
    }
    let mut cut: String = value.chars().take(VALUE_CHARS).collect();
    if cut.len() < value.len() {
        cut.push('…');
    }
    format!("“{}”", escape(&cut.replace(['\n', '\r'], " ")))
}

/// Escapes what Markdown would read as markup or HTML.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::release::changes::EntityChanges;
    use crate::release::manifest::ChangeCounts;

    #[test]
    fn markup_in_values_is_escaped_and_long_values_cut() {
        let change = StatementChange {
            statement_id: "stmt-1".into(),
            prop: "name".into(),
            value: format!("<script>*x*</script>{}", "a".repeat(300)),
            valid_from: Some("2023-01".into()),
            source_id: "src-1".into(),
            source_url: "https://example.org/a_b".into(),
            fields: Vec::new(),
        };
        let changes = Changes {
            format: "lookout-changes/1".into(),
            release: "2026-12-05".parse().unwrap(),
            previous: None,
            summary: ChangeCounts { added: 1, ..Default::default() },
            entities: vec![EntityChanges {
                id: "station-ST001".into(),
                schema: "Station".into(),
                name: Some("New York".into()),
                added: vec![change],
                withdrawn: Vec::new(),
                changed: Vec::new(),
            }],
        };
        let md = changes_markdown(&changes);
        assert!(md.contains("First release: 1 statements about 1 entities"));
        assert!(md.contains("## New York (station-ST001, Station)"));
        assert!(md.contains("\\<script\\>\\*x\\*"), "{md}");
        assert!(md.contains("from 2023-01; source: https://example.org/a\\_b (stmt-1)"));
        assert!(md.contains("a…”"), "long values are cut");
    }
}
