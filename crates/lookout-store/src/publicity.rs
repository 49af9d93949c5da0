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
/// them counts as private.
const MAX_ROUNDS: usize = 8;

/// What the rule needs to know of one stored entity, without its statements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicityFacts {
    /// The entity.
    pub id: EntityId,
    /// Its schema.
    pub schema: Schema,
    /// Whether it is restricted (a person not marked a public figure).
    pub restricted: bool,
    /// Whether it has an accepted statement.
    pub accepted: bool,
    /// The ids its accepted statements name as values of entity-typed properties.
    pub ends: Vec<EntityId>,
    /// The ids any of its statements names so, whatever its status (withdrawn, proposed): a link
    /// that ever joined a private entity stays private when its statements are withdrawn.
    pub named: Vec<EntityId>,
}

impl PublicityFacts {
    /// The facts of a record at hand, from its statements as read (a record read with its accepted
    /// statements only knows no withdrawn link: [`PublicView::of_ids`] reads them all).
    pub fn of(record: &EntityRecord) -> Self {
        let schema = record.entity.schema;
        let named = |accepted_only: bool| {
            record
                .statements
                .iter()
                .filter(|s| (!accepted_only || s.status == StatementStatus::Accepted) && names_entity(schema, &s.prop))
                .filter_map(|s| EntityId::new(s.value.as_str()).ok())
                .collect()
        };
        PublicityFacts {
            id: record.entity.id.clone(),
            schema,
            restricted: record.restricted,
            accepted: record.statements.iter().any(|s| s.status == StatementStatus::Accepted),
            ends: named(true),
            named: named(false),
        }
    }
}

/// How the rule judges one entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    /// The public may see it.
    Public,
    /// Not public, but no secret either: not yet confirmed, every statement withdrawn, or a link
    /// to such an entity. A withdrawal of it may still be told.
    NotPublic,
    /// Restricted, or a link joining a private entity: nothing about it is told, not even its id.
    Private,
}

/// Which entities, among some records and everything they link, the public may see.
#[derive(Debug, Clone, Default)]
pub struct PublicView {
    verdicts: HashMap<EntityId, (Schema, Verdict)>,
}

impl PublicView {
    /// Judges `records` and the entities they link, reading from `store` the facts of the linked
    /// entities that are not among `records` (one call per round of links).
    pub async fn of<S: Store>(store: &S, records: &[EntityRecord]) -> Result<Self, StoreError> {
        Self::judged(store, records.iter().map(PublicityFacts::of).collect(), Vec::new()).await
    }

    /// Judges the entities `ids` and those they link, all read from `store`.
    pub async fn of_ids<S: Store>(store: &S, ids: &[EntityId]) -> Result<Self, StoreError> {
        Self::judged(store, Vec::new(), ids.to_vec()).await
    }

    async fn judged<S: Store>(
        store: &S,
        at_hand: Vec<PublicityFacts>,
        mut wanted: Vec<EntityId>,
    ) -> Result<Self, StoreError> {
        // A link at hand was read with its accepted statements only: what its withdrawn ones named
        // is read from the store (one call), as a link that ever joined a private entity is private.
        let links: Vec<EntityId> = at_hand.iter().filter(|f| f.schema.is_link()).map(|f| f.id.clone()).collect();
        let mut named: HashMap<EntityId, Vec<EntityId>> = HashMap::new();
        if !links.is_empty() {
            named = store.publicity_facts(&links).await?.into_iter().map(|f| (f.id, f.named)).collect();
        }
        let mut facts: HashMap<EntityId, PublicityFacts> = at_hand
            .into_iter()
            .map(|mut f| {
                f.named.extend(named.remove(&f.id).unwrap_or_default());
                (f.id.clone(), f)
            })
            .collect();
        let asked: HashSet<EntityId> = wanted.iter().cloned().collect();
        wanted.extend(facts.values().flat_map(|f| f.named.iter().cloned()));
        let mut unread: HashSet<EntityId> = HashSet::new();
        for round in 0..=MAX_ROUNDS {
            wanted.retain(|id| !facts.contains_key(id) && !unread.contains(id));
            wanted.sort();
            wanted.dedup();
            if wanted.is_empty() {
                break;
            }
            if round == MAX_ROUNDS {
                unread.extend(wanted.drain(..));
                break;
            }
            let mut next = Vec::new();
            for read in store.publicity_facts(&wanted).await? {
                // What the entities asked about name is judged too (a station's place), and what
                // links name, as a link is judged by its ends.
                if read.schema.is_link() || asked.contains(&read.id) {
                    next.extend(read.named.iter().cloned());
                }
                facts.insert(read.id.clone(), read);
            }
            // An id nothing is stored under is no public entity, and no secret.
            for id in wanted.drain(..) {
                facts.entry(id.clone()).or_insert(PublicityFacts {
                    id,
                    schema: Schema::Link,
                    restricted: false,
                    accepted: false,
                    ends: Vec::new(),
                    named: Vec::new(),
                });
            }
            wanted = next;
        }
        Ok(PublicView { verdicts: judge(&facts, &unread) })
    }

    /// Whether the public may see the entity `id` (false for one this view never read).
    pub fn is_public(&self, id: &EntityId) -> bool {
        matches!(self.verdicts.get(id), Some((_, Verdict::Public)))
    }

    /// Whether nothing about `id` may be told, not even that it was withdrawn: it is restricted,
    /// or a link joining such an entity (true for one this view never read).
    pub fn is_private(&self, id: &EntityId) -> bool {
        !matches!(self.verdicts.get(id), Some((_, Verdict::Public | Verdict::NotPublic)))
    }

    /// Whether `prop` of the entity `id` holds an entity's id, and that entity is private (also
    /// true when `id` itself was never read, or `value` is no valid id).
    pub fn names_private(&self, id: &EntityId, prop: &str, value: &str) -> bool {
        match self.verdicts.get(id) {
            None => true,
            Some((schema, _)) => {
                names_entity(*schema, prop) && EntityId::new(value).map_or(true, |v| self.is_private(&v))
            }
        }
    }

    /// Whether the public may see `statement`: its entity is public, and if its value is an
    /// entity's id, that entity is public too.
    pub fn keeps(&self, statement: &Statement) -> bool {
        match self.verdicts.get(&statement.entity_id) {
            Some((schema, Verdict::Public)) => {
                !names_entity(*schema, &statement.prop)
                    || EntityId::new(statement.value.as_str()).is_ok_and(|id| self.is_public(&id))
            }
            _ => false,
        }
    }

    /// `records` as the public may see them: those not public left out, and from the others every
    /// statement that names an entity not public (a record left with no accepted statement goes too).
    pub fn apply(&self, records: Vec<EntityRecord>) -> Vec<EntityRecord> {
        records
            .into_iter()
            .filter(|r| self.is_public(&r.entity.id))
            .map(|mut r| {
                r.statements.retain(|s| self.keeps(s));
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

/// Each entity's verdict. Private: restricted, or a link that names (in a statement of any status)
/// an entity private or unread, growing
/// until nothing changes. Public: public alone and not private, and for a link every end public,
/// shrinking until nothing changes (links to links settle in as many passes as the chain is long).
fn judge(
    facts: &HashMap<EntityId, PublicityFacts>,
    unread: &HashSet<EntityId>,
) -> HashMap<EntityId, (Schema, Verdict)> {
    let is_link = |f: &PublicityFacts| f.schema.is_link();
    let mut private: HashSet<&EntityId> = facts.values().filter(|f| f.restricted).map(|f| &f.id).collect();
    loop {
        let joining: Vec<&EntityId> = facts
            .values()
            .filter(|f| is_link(f) && !private.contains(&f.id))
            .filter(|f| f.named.iter().any(|end| private.contains(end) || unread.contains(end)))
            .map(|f| &f.id)
            .collect();
        if joining.is_empty() {
            break;
        }
        private.extend(joining);
    }
    let mut public: HashSet<&EntityId> =
        facts.values().filter(|f| f.accepted && !private.contains(&f.id)).map(|f| &f.id).collect();
    loop {
        let withheld: Vec<&EntityId> = public
            .iter()
            .filter(|id| {
                let f = &facts[**id];
                is_link(f) && !f.ends.iter().all(|end| public.contains(end))
            })
            .copied()
            .collect();
        if withheld.is_empty() {
            break;
        }
        for id in withheld {
            public.remove(id);
        }
    }
    facts
        .values()
        .map(|f| {
            let verdict = if public.contains(&f.id) {
                Verdict::Public
            } else if private.contains(&f.id) {
                Verdict::Private
            } else {
                Verdict::NotPublic
            };
            (f.id.clone(), (f.schema, verdict))
        })
        .collect()
}

/// Whether `prop` of `schema` holds an entity's id.
fn names_entity(schema: Schema, prop: &str) -> bool {
    schema.property(prop).is_ok_and(|p| p.kind.is_entity())
}
