//! The public view of an entity: a fold over its accepted statements, grouped by property and value.

use serde::Serialize;

use crate::{Entity, Schema, Stance, Statement, StatementStatus};

/// One value of a property, with every statement that asserts or denies it.
#[derive(Debug, Clone, Serialize)]
pub struct ValueView {
    /// The value.
    pub value: String,
    /// Statements asserting it.
    pub asserted_by: Vec<Statement>,
    /// Statements denying it.
    pub denied_by: Vec<Statement>,
}

/// One property of an entity with its values, in the order first stated.
#[derive(Debug, Clone, Serialize)]
pub struct PropertyView {
    /// The property's name.
    pub prop: String,
    /// Whether the schema expects one value (so that several accepted values are a conflict).
    pub single: bool,
    /// Its values.
    pub values: Vec<ValueView>,
}

impl PropertyView {
    /// A single-valued property with more than one asserted value: shown side by side, never resolved silently.
    pub fn is_conflict(&self) -> bool {
        self.single && self.values.iter().filter(|v| !v.asserted_by.is_empty()).count() > 1
    }
}

/// An entity as the public sees it: accepted statements folded by property and value.
#[derive(Debug, Clone, Serialize)]
pub struct EntityView {
    /// The entity.
    pub entity: Entity,
    /// Its properties in schema order.
    pub props: Vec<PropertyView>,
}

impl EntityView {
    /// Folds `statements` (any status; only accepted ones are kept) about `entity`.
    pub fn fold(entity: Entity, statements: &[Statement]) -> EntityView {
        let mut props: Vec<PropertyView> = Vec::new();
        for st in statements.iter().filter(|s| s.status == StatementStatus::Accepted && s.entity_id == entity.id) {
            let pv = match props.iter_mut().position(|p| p.prop == st.prop) {
                Some(i) => &mut props[i],
                None => {
                    let single = entity.schema.property(&st.prop).map(|p| p.single).unwrap_or(false);
                    props.push(PropertyView { prop: st.prop.clone(), single, values: Vec::new() });
                    props.last_mut().expect("just pushed")
                }
            };
            let vv = match pv.values.iter_mut().position(|v| v.value == st.value) {
                Some(i) => &mut pv.values[i],
                None => {
                    pv.values.push(ValueView {
                        value: st.value.clone(),
                        asserted_by: Vec::new(),
                        denied_by: Vec::new(),
                    });
                    pv.values.last_mut().expect("just pushed")
                }
            };
            match st.stance {
                Stance::Asserts => vv.asserted_by.push(st.clone()),
                Stance::Denies => vv.denied_by.push(st.clone()),
            }
        }
        let order =
            |p: &PropertyView| entity.schema.properties().iter().position(|q| q.name == p.prop).unwrap_or(usize::MAX);
        props.sort_by_key(order);
        EntityView { entity, props }
    }

    /// The schema.
    pub fn schema(&self) -> Schema {
        self.entity.schema
    }

    /// The property, if any statement gives it.
    pub fn prop(&self, name: &str) -> Option<&PropertyView> {
        self.props.iter().find(|p| p.prop == name)
    }

    /// The asserted values of a property, in the order first stated.
    pub fn values(&self, name: &str) -> Vec<&str> {
        self.prop(name)
            .map(|p| p.values.iter().filter(|v| !v.asserted_by.is_empty()).map(|v| v.value.as_str()).collect())
            .unwrap_or_default()
    }

    /// The first asserted value of a property.
    pub fn first(&self, name: &str) -> Option<&str> {
        self.values(name).into_iter().next()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Batch, Claim, EntityId, Source};

    #[test]
    fn conflicting_values_are_kept_side_by_side_and_proposals_left_out() {
        let mut b = Batch::new("t");
        let e = EntityId::new("station-1").unwrap();
        b.add_entity(&e, Schema::Station).unwrap();
        let s1 = b.add_source(Source::from_url("https://a.example/1"));
        let s2 = b.add_source(Source::from_url("https://b.example/2"));
        b.add_claim(Claim::new(&e, "city", "Paris", &s1)).unwrap();
        b.add_claim(Claim::new(&e, "city", "Noisy-le-Grand", &s2)).unwrap();
        b.add_claim(Claim::new(&e, "city", "Paris", &s2)).unwrap();
        b.add_claim(Claim::new(&e, "country", "FR", &s1)).unwrap();
        b.add_claim(Claim::new(&e, "address", "rumour", &s2).status(StatementStatus::Proposed)).unwrap();
        b.add_claim(Claim::new(&e, "status", "closed", &s2).stance(Stance::Denies)).unwrap();
        let view = EntityView::fold(b.entities[0].clone(), &b.statements);
        let city = view.prop("city").unwrap();
        assert!(city.is_conflict());
        assert_eq!(city.values[0].asserted_by.len(), 2);
        assert_eq!(view.values("city"), ["Paris", "Noisy-le-Grand"]);
        assert!(view.prop("address").is_none());
        assert!(view.values("status").is_empty());
        assert_eq!(view.prop("status").unwrap().values[0].denied_by.len(), 1);
        assert_eq!(view.props.iter().map(|p| p.prop.as_str()).collect::<Vec<_>>(), ["city", "country", "status"]);
    }
}
