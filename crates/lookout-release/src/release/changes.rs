//! What changed between two releases, statement by statement, read from their `lookout.csv`
//! (one row per accepted public statement, keyed by statement id): added, withdrawn, and changed
//! (the same statement with something about it changed, such as its source's judged kind).
//! Also counts what a release holds, in the same pass.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Read;

use serde::{Deserialize, Serialize};

use super::manifest::{ChangeCounts, Counts};
use super::ReleaseId;

/// The changes of one release, grouped by entity (`changes.json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Changes {
    /// Always `lookout-changes/1`.
    pub format: String,
    /// The release.
    pub release: ReleaseId,
    /// The release they are counted from; none for a first release (everything is added).
    pub previous: Option<ReleaseId>,
    /// How many.
    pub summary: ChangeCounts,
    /// Entities with a change, by id.
    pub entities: Vec<EntityChanges>,
}

impl Changes {
    /// The ids the withdrawn statements are about, and the values of theirs that may be ids: what
    /// [`Changes::withhold`] asks about.
    pub fn withdrawn_ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = self
            .entities
            .iter()
            .filter(|e| !e.withdrawn.is_empty())
            .flat_map(|e| std::iter::once(e.id.clone()).chain(e.withdrawn.iter().map(|c| c.value.clone())))
            .collect();
        ids.sort();
        ids.dedup();
        ids
    }

    /// Leaves out every withdrawn statement `private(entity, prop, value)` says tells of a person
    /// who is not public (the previous release had it; this one has not, as the person was
    /// restricted again or the statement was a link to them): counted in `summary.withheld`,
    /// never listed, and an entity left with no change is left out too.
    pub fn withhold(&mut self, private: impl Fn(&str, &str, &str) -> bool) {
        for entity in &mut self.entities {
            let before = entity.withdrawn.len();
            let id = entity.id.clone();
            entity.withdrawn.retain(|c| !private(&id, &c.prop, &c.value));
            let gone = (before - entity.withdrawn.len()) as u64;
            self.summary.withdrawn = self.summary.withdrawn.saturating_sub(gone);
            self.summary.withheld += gone;
        }
        self.entities.retain(|e| !(e.added.is_empty() && e.withdrawn.is_empty() && e.changed.is_empty()));
    }
}

/// The changed statements of one entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityChanges {
    /// Entity id.
    pub id: String,
    /// Its schema.
    pub schema: String,
    /// Its first name in the release (or in the previous one, if withdrawn).
    pub name: Option<String>,
    /// Statements new in this release.
    pub added: Vec<StatementChange>,
    /// Statements in the previous release and not in this one.
    pub withdrawn: Vec<StatementChange>,
    /// Statements in both, with what changed.
    pub changed: Vec<StatementChange>,
}

/// One statement, with its source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatementChange {
    /// Statement id.
    pub statement_id: String,
    /// Property.
    pub prop: String,
    /// Value.
    pub value: String,
    /// From when it holds, where known.
    pub valid_from: Option<String>,
    /// Its source's id.
    pub source_id: String,
    /// Its source's URL.
    pub source_url: String,
    /// For a changed statement, the columns of `lookout.csv` that differ.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldChange>,
}

/// A column that differs between two releases.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    /// Column of `lookout.csv`.
    pub field: String,
    /// Value in the previous release.
    pub before: String,
    /// Value in this one.
    pub after: String,
}

/// Why a release's CSV could not be compared.
#[derive(Debug, thiserror::Error)]
pub enum CompareError {
    /// Not CSV, or not Lookout's columns.
    #[error("{0}")]
    Csv(#[from] csv::Error),
    /// A column the comparison needs is missing.
    #[error("column {0:?} is missing")]
    MissingColumn(&'static str),
}

/// The rows of one release's `lookout.csv`, with its column names.
struct Table<R: Read> {
    reader: csv::Reader<R>,
    header: Vec<String>,
    at: HashMap<&'static str, usize>,
}

const KEY_COLUMNS: [&str; 8] =
    ["statement_id", "entity_id", "schema", "prop", "value", "valid_from", "source_id", "source_url"];

impl<R: Read> Table<R> {
    fn new(input: R) -> Result<Self, CompareError> {
        let mut reader = csv::Reader::from_reader(input);
        let header: Vec<String> = reader.headers()?.iter().map(str::to_string).collect();
        let mut at = HashMap::new();
        for name in KEY_COLUMNS {
            at.insert(name, header.iter().position(|h| h == name).ok_or(CompareError::MissingColumn(name))?);
        }
        Ok(Table { reader, header, at })
    }
}

fn change(at: &HashMap<&'static str, usize>, row: &csv::StringRecord) -> StatementChange {
    let get = |name: &str| row.get(at[name]).unwrap_or_default().to_string();
    let valid_from = Some(get("valid_from")).filter(|v| !v.is_empty());
    StatementChange {
        statement_id: get("statement_id"),
        prop: get("prop"),
        value: get("value"),
        valid_from,
        source_id: get("source_id"),
        source_url: get("source_url"),
        fields: Vec::new(),
    }
}

/// Compares a release's CSV with its previous release's (if any); returns the changes and what
/// the release counts.
pub fn compare(
    release: &ReleaseId,
    previous: Option<(&ReleaseId, impl Read)>,
    current: impl Read,
) -> Result<(Changes, Counts), CompareError> {
    let mut before: HashMap<String, (csv::StringRecord, usize)> = HashMap::new();
    let mut before_header = Vec::new();
    let mut before_at = HashMap::new();
    let mut names: HashMap<String, String> = HashMap::new();
    let previous_id = match previous {
        Some((id, input)) => {
            let Table { mut reader, header, at } = Table::new(input)?;
            for (n, row) in reader.records().enumerate() {
                let row = row?;
                note_name(&mut names, &at, &row);
                before.insert(row.get(at["statement_id"]).unwrap_or_default().to_string(), (row, n));
            }
            before_header = header;
            before_at = at;
            Some(id.clone())
        }
        None => None,
    };
    let Table { mut reader, header, at } = Table::new(current)?;
    let mut entities: BTreeMap<String, EntityChanges> = BTreeMap::new();
    let mut counts = Counts::default();
    let mut seen_entities: BTreeSet<String> = BTreeSet::new();
    let mut sources: BTreeSet<String> = BTreeSet::new();
    let mut current_names: HashMap<String, String> = HashMap::new();
    for row in reader.records() {
        let row = row?;
        let get = |name: &str| row.get(at[name]).unwrap_or_default();
        counts.statements += 1;
        if seen_entities.insert(get("entity_id").to_string()) {
            *counts.entities.entry(get("schema").to_string()).or_default() += 1;
        }
        sources.insert(get("source_id").to_string());
        note_name(&mut current_names, &at, &row);
        let id = get("statement_id");
        match before.remove(id) {
            None => group(&mut entities, &at, &row).added.push(change(&at, &row)),
            Some((old, _)) => {
                let fields = differing(&before_header, &old, &header, &row);
                if !fields.is_empty() {
                    let mut c = change(&at, &row);
                    c.fields = fields;
                    group(&mut entities, &at, &row).changed.push(c);
                }
            }
        }
    }
    counts.sources = sources.len() as u64;
    let mut gone: Vec<(csv::StringRecord, usize)> = before.into_values().collect();
    gone.sort_by_key(|(_, n)| *n);
    for (row, _) in gone {
        group(&mut entities, &before_at, &row).withdrawn.push(change(&before_at, &row));
    }
    let mut summary = ChangeCounts::default();
    let entities: Vec<EntityChanges> = entities
        .into_values()
        .map(|mut e| {
            e.name = current_names.get(&e.id).or_else(|| names.get(&e.id)).cloned();
            summary.added += e.added.len() as u64;
            summary.withdrawn += e.withdrawn.len() as u64;
            summary.changed += e.changed.len() as u64;
            e
        })
        .collect();
    let changes = Changes {
        format: "lookout-changes/1".into(),
        release: release.clone(),
        previous: previous_id,
        summary,
        entities,
    };
    Ok((changes, counts))
}

fn group<'a>(
    entities: &'a mut BTreeMap<String, EntityChanges>,
    at: &HashMap<&'static str, usize>,
    row: &csv::StringRecord,
) -> &'a mut EntityChanges {
    let get = |name: &str| row.get(at[name]).unwrap_or_default().to_string();
    entities.entry(get("entity_id")).or_insert_with(|| EntityChanges {
        id: get("entity_id"),
        schema: get("schema"),
        name: None,
        added: Vec::new(),
        withdrawn: Vec::new(),
        changed: Vec::new(),
    })
}

fn note_name(names: &mut HashMap<String, String>, at: &HashMap<&'static str, usize>, row: &csv::StringRecord) {
    if row.get(at["prop"]) == Some("name") {
        let entity = row.get(at["entity_id"]).unwrap_or_default().to_string();
        names.entry(entity).or_insert_with(|| row.get(at["value"]).unwrap_or_default().to_string());
    }
}

/// The columns present in both releases whose values differ (`recorded_at` and the like never do:
/// a statement's words are never changed).
fn differing(
    before_header: &[String],
    before: &csv::StringRecord,
    header: &[String],
    row: &csv::StringRecord,
) -> Vec<FieldChange> {
    header
        .iter()
        .enumerate()
        .filter_map(|(i, name)| {
            let j = before_header.iter().position(|h| h == name)?;
            let (old, new) = (before.get(j).unwrap_or_default(), row.get(i).unwrap_or_default());
            (old != new).then(|| FieldChange { field: name.clone(), before: old.to_string(), after: new.to_string() })
        })
        .collect()
}
