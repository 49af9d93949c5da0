//! One entity of a pair, as the duplicates pages show it beside the other: its names, kind,
//! country and the other statements of the record that tell two entities apart.

use lookout_core::{Stance, StatementStatus};
use lookout_store::EntityRecord;

use crate::i18n::{Localized, Text};

/// At most this many other properties are shown of an entity.
const PROPERTIES_SHOWN: usize = 6;
/// At most this many values of each.
const VALUES_SHOWN: usize = 3;
/// A value longer than this many characters is cut.
const VALUE_CHARS: usize = 120;

/// An entity as one side of a pair.
pub struct Side {
    /// Its id.
    pub id: String,
    /// Its page in the workspace.
    pub href: String,
    /// Its schema, in words.
    pub kind: String,
    /// Its accepted names and aliases.
    pub names: Vec<String>,
    /// Its countries, by name.
    pub countries: Vec<String>,
    /// Other accepted statements: property in words, values.
    pub statements: Vec<(String, String)>,
    /// How many statements it has, whatever their status.
    pub total: usize,
}

impl Side {
    /// An entity's side from its record; `fallback` (its names in the ranking) when the store no
    /// longer has it.
    pub fn of(id: &str, record: Option<&EntityRecord>, fallback: &[String], t: &Text, places: &Localized<'_>) -> Side {
        let mut side = Side {
            id: id.to_string(),
            href: format!("/workspace/record/{id}"),
            kind: String::new(),
            names: Vec::new(),
            countries: Vec::new(),
            statements: Vec::new(),
            total: 0,
        };
        let Some(record) = record else {
            side.names = fallback.to_vec();
            return side;
        };
        side.kind = t.schema(record.entity.schema.as_str());
        side.total = record.statements.len();
        let mut others: Vec<(&str, Vec<&str>)> = Vec::new();
        let accepted =
            record.statements.iter().filter(|s| s.status == StatementStatus::Accepted && s.stance == Stance::Asserts);
        for s in accepted {
            let value = s.value.as_str();
            match s.prop.as_str() {
                "name" | "alias" => push_new(&mut side.names, value),
                "country" => push_new(&mut side.countries, &places.name(value)),
                prop => match others.iter_mut().find(|(p, _)| *p == prop) {
                    Some((_, values)) if !values.contains(&value) => values.push(value),
                    Some(_) => {}
                    None => others.push((prop, vec![value])),
                },
            }
        }
        side.statements = others
            .into_iter()
            .take(PROPERTIES_SHOWN)
            .map(|(prop, values)| {
                let shown: Vec<String> = values.iter().take(VALUES_SHOWN).map(|v| cut(v)).collect();
                let more = if values.len() > VALUES_SHOWN { " …" } else { "" };
                (t.prop(prop), format!("{}{more}", shown.join("; ")))
            })
            .collect();
        if side.names.is_empty() {
            side.names = fallback.to_vec();
        }
        side
    }
}

fn push_new(list: &mut Vec<String>, value: &str) {
    if !list.iter().any(|v| v == value) {
        list.push(value.to_string());
    }
}

fn cut(value: &str) -> String {
    match value.char_indices().nth(VALUE_CHARS) {
        Some((at, _)) => format!("{}…", &value[..at]),
        None => value.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::cut;

    #[test]
    fn long_values_are_cut_on_a_character_boundary() {
        assert_eq!(cut("福州"), "福州");
        let long = "福".repeat(130);
        assert_eq!(cut(&long).chars().count(), 121);
    }
}
