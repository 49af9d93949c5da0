//! What of the record the public may see once links are counted: a link (a membership, an
//! operation…) is a fact about each entity it joins, so it is public only when every entity it
//! joins is; and no public statement names an entity that is not public, not even by its id.
//!
//! [`EntityRecord::is_public`] judges a record alone (not restricted, an accepted statement). A
//! membership of a restricted person passes that test, yet it tells who the person is, or at
//! least their id. Every public page, API answer and export reads records through
//! [`PublicView`], which applies the rule to the records and to whatever they link.

use std::collections::{HashMap, HashSet};

use lookout_core::{EntityId, Schema, Statement, StatementStatus};

use crate::{EntityRecord, Store, StoreError};

/// Rounds of reading linked entities (a link to a link to a link…); an end still unread after
/// them counts as not public.
const MAX_ROUNDS: usize = 8;

/// Which entities, among some records and everything they link, the public may see.
#[derive(Debug, Clone, Default)]
pub struct PublicView {
    public: HashSet<EntityId>,
}

/// What the rule needs of one entity.
struct Node {
    schema: Schema,
    alone_public: bool,
    ends: Vec<EntityId>,
}

impl Node {
    fn of(record: &EntityRecord) -> Self {
        Node { schema: record.entity.schema, alone_public: record.is_public(), ends: linked_ids(record) }
    }
}

impl PublicView {
    /// Judges `records` and the entities they link, reading from `store` the linked entities that
    /// are not among `records` (one call per round of links).
    pub async fn of<S: Store>(store: &S, records: &[EntityRecord]) -> Result<Self, StoreError> {
        let mut nodes: HashMap<EntityId, Node> = records.iter().map(|r| (r.entity.id.clone(), Node::of(r))).collect();
        // Every end of the records, then the ends of the links among those, and so on.
        let mut wanted: Vec<EntityId> = records.iter().flat_map(linked_ids).collect();
        for _ in 0..MAX_ROUNDS {
            wanted.retain(|id| !nodes.contains_key(id));
            wanted.sort();
            wanted.dedup();
            if wanted.is_empty() {
                break;
            }
            let read = store.entities(&wanted).await?;
            let mut next = Vec::new();
            for record in &read {
                let node = Node::of(record);
                if node.schema.is_link() {
                    next.extend(node.ends.iter().cloned());
                }
                nodes.insert(record.entity.id.clone(), node);
            }
            // Ids not stored at all are no public entity.
            for id in wanted.drain(..) {
                nodes.entry(id).or_insert(Node { schema: Schema::Link, alone_public: false, ends: Vec::new() });
            }
            wanted = next;
        }
        Ok(PublicView { public: judge(&nodes) })
    }

    /// Whether the public may see the entity `id` (false for one this view never read).
    pub fn is_public(&self, id: &EntityId) -> bool {
        self.public.contains(id)
    }

    /// Whether the public may see `statement`, said of an entity of `schema`: its entity is
    /// public, and if its value is an entity's id, that entity is public too.
    pub fn keeps(&self, schema: Schema, statement: &Statement) -> bool {
        self.is_public(&statement.entity_id)
            && (!names_entity(schema, &statement.prop)
                || EntityId::new(statement.value.as_str()).is_ok_and(|id| self.is_public(&id)))
    }

    /// `records` as the public may see them: those not public left out, and from the others every
    /// statement that names an entity not public (a record left with no accepted statement goes too).
    pub fn apply(&self, records: Vec<EntityRecord>) -> Vec<EntityRecord> {
        records
            .into_iter()
            .filter(|r| self.is_public(&r.entity.id))
            .map(|mut r| {
                let schema = r.entity.schema;
                r.statements.retain(|s| self.keeps(schema, s));
                r
            })
            .filter(EntityRecord::is_public)
            .collect()
    }
}

/// `records` as the public may see them (see [`PublicView::apply`]), reading what they link from `store`.
pub async fn public_records<S: Store>(store: &S, records: Vec<EntityRecord>) -> Result<Vec<EntityRecord>, StoreError> {
    let view = PublicView::of(store, &records).await?;
    Ok(view.apply(records))
}

/// The entity `id` as the public may see it, or `None` when it is not public.
pub async fn public_entity<S: Store>(store: &S, id: &EntityId) -> Result<Option<EntityRecord>, StoreError> {
    let Some(record) = store.entity(id).await? else { return Ok(None) };
    Ok(public_records(store, vec![record]).await?.pop())
}

/// The entities public under the rule: public alone, and for a link, every end public, until
/// nothing changes (links to links settle in as many passes as the chain is long).
fn judge(nodes: &HashMap<EntityId, Node>) -> HashSet<EntityId> {
    let mut public: HashSet<EntityId> =
        nodes.iter().filter(|(_, n)| n.alone_public).map(|(id, _)| id.clone()).collect();
    loop {
        let withheld: Vec<EntityId> = public
            .iter()
            .filter(|id| nodes[*id].schema.is_link() && !nodes[*id].ends.iter().all(|end| public.contains(end)))
            .cloned()
            .collect();
        if withheld.is_empty() {
            return public;
        }
        for id in withheld {
            public.remove(&id);
        }
    }
}

/// The ids a record's accepted statements name as values of entity-typed properties (a value
/// that is no valid id names no entity, and `apply` leaves its statement out).
fn linked_ids(record: &EntityRecord) -> Vec<EntityId> {
    record
        .statements
        .iter()
        .filter(|s| s.status == StatementStatus::Accepted && names_entity(record.entity.schema, &s.prop))
        .filter_map(|s| EntityId::new(s.value.as_str()).ok())
        .collect()
}

/// Whether `prop` of `schema` holds an entity's id.
fn names_entity(schema: Schema, prop: &str) -> bool {
    schema.property(prop).is_ok_and(|p| p.kind.is_entity())
}
