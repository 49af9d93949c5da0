//! The names of the record's own bureaus and organisations, found as written: Latin names of two
//! words or more in any case, on word boundaries ("Safeguard Defenders", "America ChangLe
//! Association"); Chinese names of three characters or more as they stand. Each mention carries
//! the entity it names.

use super::segment::Word;
use super::Found;
use lookout_core::EntityId;
use lookout_text::is_han;
use rustc_hash::FxHashMap as FastMap;

/// Names known to the record, indexed for one pass over a text.
#[derive(Debug, Default)]
pub struct KnownNames {
    /// First word (lower case) → (every word, lower case; entity id).
    latin: FastMap<String, Vec<(Vec<String>, EntityId)>>,
    /// First character → (name; entity id), longest first.
    han: FastMap<char, Vec<(String, EntityId)>>,
}

impl KnownNames {
    /// Indexes `(name, entity id)` pairs; names too short to be told from ordinary words are left out.
    pub fn new<'a>(names: impl IntoIterator<Item = (&'a str, &'a EntityId)>) -> KnownNames {
        let mut known = KnownNames::default();
        for (name, id) in names {
            let name = name.trim();
            if name.chars().any(is_han) {
                if name.chars().count() >= 3 && name.chars().all(is_han) {
                    let first = name.chars().next().expect("not empty");
                    known.han.entry(first).or_default().push((name.to_string(), id.clone()));
                }
                continue;
            }
            let words: Vec<String> = super::segment::latin_words(name).iter().map(|w| w.text.to_lowercase()).collect();
            if words.len() >= 2 {
                known.latin.entry(words[0].clone()).or_default().push((words, id.clone()));
            }
        }
        for list in known.han.values_mut() {
            list.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
        }
        for list in known.latin.values_mut() {
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        known
    }

    /// Whether no name is known.
    pub fn is_empty(&self) -> bool {
        self.latin.is_empty() && self.han.is_empty()
    }

    /// Every known name in `text`, as organisation mentions at byte offsets.
    pub(crate) fn find(&self, text: &str, words: &[Word<'_>], lines: &[(usize, usize)]) -> Vec<Found> {
        let mut out = Vec::new();
        if self.is_empty() {
            return out;
        }
        let mut lower = String::new();
        let mut i = 0;
        while i < words.len() {
            lookout_text::lower_into(words[i].text, &mut lower);
            let hit = self.latin.get(lower.as_str()).and_then(|names| {
                names.iter().find(|(name, _)| {
                    i + name.len() <= words.len()
                        && name.iter().zip(&words[i..]).all(|(n, w)| w.text.eq_ignore_ascii_case(n) || w.text.to_lowercase() == *n)
                        // A name's words stand together: nothing but spaces between them.
                        && words[i..i + name.len()].windows(2).all(|p| text[p[0].end..p[1].start].trim().is_empty())
                })
            });
            match hit {
                Some((name, id)) => {
                    out.push(Found::organisation(words[i].start, words[i + name.len() - 1].end, Some(id.clone())));
                    i += name.len();
                }
                None => i += 1,
            }
        }
        // Chinese names only on the lines that are not all ASCII.
        let mut resume = 0;
        for (at, c) in
            lines.iter().flat_map(|&(from, to)| text[from..to].char_indices().map(move |(i, c)| (from + i, c)))
        {
            if at < resume {
                continue;
            }
            let Some(names) = self.han.get(&c) else { continue };
            if let Some((name, id)) = names.iter().find(|(n, _)| text[at..].starts_with(n.as_str())) {
                out.push(Found::organisation(at, at + name.len(), Some(id.clone())));
                resume = at + name.len();
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::mentions::{testing::finder, Memo};
    use crate::{Kind, KnownNames};
    use lookout_core::EntityId;

    #[test]
    fn the_records_own_names_are_found_with_their_entities() {
        let ids: Vec<(&str, EntityId)> = [
            ("Safeguard Defenders", "organization-sd"),
            ("America ChangLe Association", "organization-acla"),
            ("美国长乐公会", "organization-acla"),
            ("Fuzhou Public Security Bureau", "publicbody-fuzhou-psb"),
            ("Police", "organization-too-short"),
            ("公安局", "publicbody-too-short"),
        ]
        .into_iter()
        .map(|(name, id)| (name, EntityId::new(id).unwrap()))
        .collect();
        let known = KnownNames::new(ids.iter().map(|(name, id)| (*name, id)));
        let text = "SAFEGUARD DEFENDERS counted them; the America Changle Association and 美国长乐公会 \
                    denied it. The Fuzhou Public Security Bureau did not answer the police.";
        let ms = finder().find(text, &known, &mut Memo::default());
        let orgs: Vec<(&str, Option<String>)> = ms
            .iter()
            .filter(|m| m.kind() == Kind::Organisation)
            .map(|m| (m.text_in(text), m.entity().map(String::from)))
            .collect();
        assert_eq!(
            orgs,
            [
                ("SAFEGUARD DEFENDERS", Some("organization-sd".to_string())),
                ("America Changle Association", Some("organization-acla".to_string())),
                ("美国长乐公会", Some("organization-acla".to_string())),
                ("Fuzhou Public Security Bureau", Some("publicbody-fuzhou-psb".to_string())),
            ],
            "a known name stands for the mention its kind would also find; short names are left out"
        );
        let chars: Vec<char> = text.chars().collect();
        for m in &ms {
            assert_eq!(chars[m.start..m.end].iter().collect::<String>(), m.text_in(text));
        }
    }
}
