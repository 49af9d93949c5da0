//! Analysts' decisions on whether two entities are one: recorded, never changed. The latest
//! decision on a pair is the one in force; an undo is itself a decision.

use crate::vocabulary::vocabulary;
use crate::{EntityId, ModelError, Timestamp};

vocabulary!(
    /// What an analyst decided about two entities.
    Judgement, "judgement" {
        /// They are one.
        Match => "match",
        /// They are not.
        NoMatch => "no-match",
        /// Cannot tell yet.
        Unsure => "unsure",
        /// The pair's earlier decision is withdrawn (a merge undone splits them again).
        Undone => "undone",
    }
);

/// One recorded decision on a pair of entities.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// The pair, in id order (the smaller id first).
    pub left: EntityId,
    /// The other entity.
    pub right: EntityId,
    /// What was decided.
    pub judgement: Judgement,
    /// Who decided.
    pub decided_by: String,
    /// When.
    pub decided_at: Timestamp,
}

impl Decision {
    /// A decision on two distinct entities, now; the pair is put in id order.
    pub fn new(a: &EntityId, b: &EntityId, judgement: Judgement, decided_by: &str) -> Result<Decision, ModelError> {
        if a == b {
            return Err(ModelError::InvalidDecision(format!("an entity cannot be compared with itself ({a})")));
        }
        let by = decided_by.trim();
        if by.is_empty() {
            return Err(ModelError::InvalidDecision("a decision needs the name of who made it".into()));
        }
        let (left, right) = if a < b { (a.clone(), b.clone()) } else { (b.clone(), a.clone()) };
        Ok(Decision { left, right, judgement, decided_by: by.to_string(), decided_at: Timestamp::now() })
    }
}

/// The canonical entities that analysts' decisions make: the union of every pair whose decision in
/// force is a match. Undoing a match splits the union again; no decision is ever lost.
#[derive(Debug, Clone, Default)]
pub struct Resolution {
    /// The decision in force on each decided pair.
    in_force: std::collections::BTreeMap<(EntityId, EntityId), Judgement>,
    /// Entity → canonical id (the smallest id of its cluster), for entities in a cluster of two or more.
    canonical: std::collections::HashMap<EntityId, EntityId>,
}

impl Resolution {
    /// Folds decisions, oldest first: the latest on each pair is in force.
    pub fn from_decisions(decisions: &[Decision]) -> Resolution {
        let mut in_force = std::collections::BTreeMap::new();
        for d in decisions {
            in_force.insert((d.left.clone(), d.right.clone()), d.judgement);
        }
        // Union-find over the matched pairs.
        let mut parent: std::collections::HashMap<EntityId, EntityId> = std::collections::HashMap::new();
        fn root(parent: &mut std::collections::HashMap<EntityId, EntityId>, id: &EntityId) -> EntityId {
            let mut r = id.clone();
            while let Some(p) = parent.get(&r).filter(|p| **p != r) {
                r = p.clone();
            }
            parent.insert(id.clone(), r.clone());
            r
        }
        for ((a, b), j) in &in_force {
            if *j == Judgement::Match {
                let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                let (low, high) = if ra <= rb { (ra, rb) } else { (rb, ra) };
                parent.insert(high, low.clone());
                parent.entry(low.clone()).or_insert(low);
            }
        }
        let ids: Vec<EntityId> = parent.keys().cloned().collect();
        let canonical = ids.into_iter().map(|id| (id.clone(), root(&mut parent, &id))).collect();
        Resolution { in_force, canonical }
    }

    /// The canonical id of an entity: the smallest id of its cluster, or its own id.
    pub fn canonical<'a>(&'a self, id: &'a EntityId) -> &'a EntityId {
        self.canonical.get(id).unwrap_or(id)
    }

    /// The decision in force on a pair, if any.
    pub fn decided(&self, a: &EntityId, b: &EntityId) -> Option<Judgement> {
        let key = if a < b { (a.clone(), b.clone()) } else { (b.clone(), a.clone()) };
        self.in_force.get(&key).copied().filter(|j| *j != Judgement::Undone)
    }

    /// The clusters of two or more entities, each sorted, canonical id first.
    pub fn clusters(&self) -> Vec<Vec<EntityId>> {
        let mut by_root: std::collections::BTreeMap<&EntityId, Vec<EntityId>> = std::collections::BTreeMap::new();
        for (id, root) in &self.canonical {
            by_root.entry(root).or_default().push(id.clone());
        }
        by_root
            .into_values()
            .filter(|c| c.len() > 1)
            .map(|mut c| {
                c.sort();
                c
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decide(a: &str, b: &str, j: Judgement) -> Decision {
        Decision::new(&EntityId::new(a).unwrap(), &EntityId::new(b).unwrap(), j, "ana").unwrap()
    }

    #[test]
    fn matches_unite_and_undo_splits() {
        let id = |s: &str| EntityId::new(s).unwrap();
        let mut log = vec![
            decide("c", "b", Judgement::Match),
            decide("b", "a", Judgement::Match),
            decide("d", "e", Judgement::NoMatch),
        ];
        let r = Resolution::from_decisions(&log);
        assert_eq!(r.canonical(&id("c")).as_str(), "a");
        assert_eq!(r.clusters(), vec![vec![id("a"), id("b"), id("c")]]);
        assert_eq!(r.decided(&id("e"), &id("d")), Some(Judgement::NoMatch));
        log.push(decide("a", "b", Judgement::Undone));
        let r = Resolution::from_decisions(&log);
        assert_eq!(r.canonical(&id("a")).as_str(), "a");
        assert_eq!(r.canonical(&id("c")).as_str(), "b");
        assert_eq!(r.decided(&id("a"), &id("b")), None);
        assert_eq!(log.len(), 4, "the undone decision is still in the log");
    }

    #[test]
    fn pairs_are_ordered_and_checked() {
        let (a, b) = (EntityId::new("b-1").unwrap(), EntityId::new("a-2").unwrap());
        let d = Decision::new(&a, &b, Judgement::Match, " ana ").unwrap();
        assert_eq!((d.left.as_str(), d.right.as_str(), d.decided_by.as_str()), ("a-2", "b-1", "ana"));
        assert!(Decision::new(&a, &a, Judgement::Match, "ana").is_err());
        assert!(Decision::new(&a, &b, Judgement::Match, " ").is_err());
        assert_eq!("no-match".parse::<Judgement>().unwrap(), Judgement::NoMatch);
        assert!("maybe".parse::<Judgement>().is_err());
    }
}
