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

/// Entities filed under their names' blocking keys.
#[derive(Debug, Default)]
pub struct NameIndex {
    entities: Vec<Named>,
    keys: Vec<Vec<String>>,
    postings: HashMap<String, Vec<u32>>,
}

impl NameIndex {
    /// Files every entity.
    pub fn build(entities: Vec<Named>) -> NameIndex {
        let keys: Vec<Vec<String>> = entities
            .iter()
            .map(|e| {
                let mut k: Vec<String> = e.names.iter().take(NAMES_FILED).flat_map(|n| block_keys(n)).collect();
                k.sort();
                k.dedup();
                k
            })
            .collect();
        let mut postings: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, ks) in keys.iter().enumerate() {
            for k in ks {
                postings.entry(k.clone()).or_default().push(i as u32);
            }
        }
        NameIndex { entities, keys, postings }
    }

    /// The entities, in the order given.
    pub fn entities(&self) -> &[Named] {
        &self.entities
    }

    /// The keys of entity `i`.
    pub fn keys_of(&self, i: usize) -> &[String] {
        &self.keys[i]
    }

    /// The entities filed under `key`.
    pub fn postings(&self, key: &str) -> &[u32] {
        self.postings.get(key).map_or(&[], Vec::as_slice)
    }

    /// Entities sharing a key with `keys`, weighted by how rare the shared keys are, best first;
    /// keys filed under more than `max_frequency` entities are ignored. `keep(j)` filters.
    pub fn ranked(
        &self,
        keys: &[String],
        max_frequency: usize,
        limit: usize,
        keep: impl Fn(usize) -> bool,
    ) -> Vec<usize> {
        let mut weights: HashMap<u32, f32> = HashMap::new();
        for k in keys {
            let postings = self.postings(k);
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
        let mut keys: Vec<String> = names.iter().flat_map(|n| block_keys(n)).collect();
        keys.sort();
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
    }
}
