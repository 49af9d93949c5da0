//! A blocking index over named entities: each name filed under its blocking keys, so that the
//! entities worth comparing with a name are found without comparing it with everything.

use std::collections::HashMap;

use crate::blocking::block_keys;

/// A named entity: what the index holds and cross-referencing compares.
#[derive(Debug, Clone)]
pub struct Named {
    /// Its id.
    pub id: String,
    /// Its schema (`Person`, `Organization`, `PublicBody`…).
    pub schema: String,
    /// Its names.
    pub names: Vec<String>,
}

/// Names per entity that are filed (the first ones).
pub const NAMES_FILED: usize = 5;

/// A blocking key, by its number in the index: each key's text is kept once, however many
/// entities are filed under it.
pub type KeyId = u32;

/// Entities filed under their names' blocking keys.
#[derive(Debug, Default)]
pub struct NameIndex {
    entities: Vec<Named>,
    /// Every entity's keys, one after another, each entity's sorted: entity `i`'s are
    /// `keys[starts[i]..starts[i + 1]]`.
    keys: Vec<KeyId>,
    starts: Vec<u32>,
    /// Each key's number.
    numbers: HashMap<Box<str>, KeyId>,
    /// The entities filed under each key, by its number.
    postings: Vec<Vec<u32>>,
}

impl NameIndex {
    /// Files every entity.
    pub fn build(entities: Vec<Named>) -> NameIndex {
        let mut index = NameIndex { starts: vec![0], ..NameIndex::default() };
        for (i, e) in entities.iter().enumerate() {
            let mut own: Vec<KeyId> = Vec::new();
            for key in e.names.iter().take(NAMES_FILED).flat_map(|n| block_keys(n)) {
                let next = index.postings.len() as KeyId;
                let number = *index.numbers.entry(key.into_boxed_str()).or_insert(next);
                if number == next {
                    index.postings.push(Vec::new());
                }
                own.push(number);
            }
            own.sort_unstable();
            own.dedup();
            for &k in &own {
                index.postings[k as usize].push(i as u32);
            }
            index.keys.extend(own);
            index.starts.push(index.keys.len() as u32);
        }
        index.postings.iter_mut().for_each(|p| p.shrink_to_fit());
        index.keys.shrink_to_fit();
        index.entities = entities;
        index
    }

    /// The entities, in the order given.
    pub fn entities(&self) -> &[Named] {
        &self.entities
    }

    /// The entities, the index let go.
    pub fn into_entities(self) -> Vec<Named> {
        self.entities
    }

    /// The keys of entity `i`.
    pub fn keys_of(&self, i: usize) -> &[KeyId] {
        &self.keys[self.starts[i] as usize..self.starts[i + 1] as usize]
    }

    /// The entities filed under `key`.
    pub fn postings(&self, key: &str) -> &[u32] {
        self.numbers.get(key).map_or(&[], |&k| self.postings[k as usize].as_slice())
    }

    /// Entities sharing a key with `keys`, weighted by how rare the shared keys are, best first;
    /// keys filed under more than `max_frequency` entities are ignored. `keep(j)` filters.
    pub fn ranked(
        &self,
        keys: &[KeyId],
        max_frequency: usize,
        limit: usize,
        keep: impl Fn(usize) -> bool,
    ) -> Vec<usize> {
        let mut weights: HashMap<u32, f32> = HashMap::new();
        for &k in keys {
            let postings = &self.postings[k as usize];
            if postings.len() > max_frequency {
                continue;
            }
            let w = 1.0 / (1.0 + postings.len() as f32).ln();
            for &j in postings.iter().filter(|&&j| keep(j as usize)) {
                *weights.entry(j).or_default() += w;
            }
        }
        let mut ranked: Vec<(u32, f32)> = weights.into_iter().collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.into_iter().take(limit).map(|(j, _)| j as usize).collect()
    }

    /// Candidates for comparison with `names`: every entity when there are few, else those
    /// sharing the rarest keys (at most `limit`).
    pub fn candidates(&self, names: &[&str], limit: usize) -> Vec<usize> {
        if self.entities.len() <= limit {
            return (0..self.entities.len()).collect();
        }
        // Keys no entity is filed under find nothing.
        let mut keys: Vec<KeyId> =
            names.iter().flat_map(|n| block_keys(n)).filter_map(|k| self.numbers.get(k.as_str()).copied()).collect();
        keys.sort_unstable();
        keys.dedup();
        self.ranked(&keys, (self.entities.len() / 20).max(500), limit, |_| true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_share_a_rare_key() {
        let mut entities: Vec<Named> = (0..50)
            .map(|i| Named { id: format!("x{i}"), schema: "PublicBody".into(), names: vec![format!("Town{i} PSB")] })
            .collect();
        entities.push(Named { id: "fz".into(), schema: "PublicBody".into(), names: vec!["福州市公安局".into()] });
        let index = NameIndex::build(entities);
        assert_eq!(index.candidates(&["Fuzhou PSB"], 100).len(), 51, "few entities: all of them");
        let found = index.candidates(&["Fuzhou PSB"], 10);
        assert_eq!(index.entities()[found[0]].id, "fz");
        let fz = index.entities().len() - 1;
        assert!(!index.keys_of(fz).is_empty());
        for &k in index.keys_of(fz) {
            assert!(index.postings[k as usize].contains(&(fz as u32)), "filed under each of its keys");
        }
        assert!(index.postings("town7").contains(&7), "{:?}", index.postings("town7"));
        assert!(index.postings("no such key").is_empty());
    }
}
