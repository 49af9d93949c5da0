//! The names of the record's own bureaus and organisations, found as written: Latin names of two
//! words or more in any case, on word boundaries ("Safeguard Defenders", "America ChangLe
//! Association"); Chinese names of three characters or more as they stand. Each mention carries
//! the entity it names.

use super::segment::Word;
use super::Found;
use lookout_core::EntityId;
use lookout_text::is_han;
use rustc_hash::FxHashMap as FastMap;

/// Names as paths of tokens from a root: each node's children by token, and the entity named by
/// the path ending at a node. Finding the longest name at a place in a text walks as many nodes
/// as the name has tokens, however many names share its first word.
#[derive(Debug)]
struct Trie<T> {
    /// Each node's children by token; node 0 is the root, and every other node is the target of
    /// exactly one edge, so nodes are numbered by the edges made before them.
    children: FastMap<(u32, T), u32>,
    ends: FastMap<u32, EntityId>,
}

impl<T> Default for Trie<T> {
    fn default() -> Self {
        Trie { children: FastMap::default(), ends: FastMap::default() }
    }
}

impl<T: std::hash::Hash + Eq> Trie<T> {
    /// Files a name; the first entity filed under a name keeps it.
    fn insert(&mut self, tokens: impl IntoIterator<Item = T>, id: &EntityId) {
        let mut node = 0;
        for token in tokens {
            let next = self.children.len() as u32 + 1;
            node = *self.children.entry((node, token)).or_insert(next);
        }
        self.ends.entry(node).or_insert_with(|| id.clone());
    }

    fn child(&self, node: u32, token: T) -> Option<u32> {
        self.children.get(&(node, token)).copied()
    }

    /// The longest name the tokens begin with: how many tokens it takes, and its entity.
    fn longest(&self, tokens: impl IntoIterator<Item = Option<T>>) -> Option<(usize, &EntityId)> {
        let (mut node, mut best) = (0, None);
        for (taken, token) in tokens.into_iter().enumerate() {
            let Some(next) = token.and_then(|t| self.child(node, t)) else { break };
            node = next;
            if let Some(id) = self.ends.get(&node) {
                best = Some((taken + 1, id));
            }
        }
        best
    }
}

/// Names known to the record, indexed for one pass over a text.
#[derive(Debug, Default)]
pub struct KnownNames {
    /// Each word of a Latin name (lower case), numbered.
    words: FastMap<String, u32>,
    /// Latin names as paths of word numbers.
    latin: Trie<u32>,
    /// Chinese names as paths of characters.
    han: Trie<char>,
}

impl KnownNames {
    /// Indexes `(name, entity id)` pairs; names too short to be told from ordinary words are left out.
    pub fn new<'a>(names: impl IntoIterator<Item = (&'a str, &'a EntityId)>) -> KnownNames {
        let mut known = KnownNames::default();
        let mut lower = String::new();
        for (name, id) in names {
            let name = name.trim();
            if name.chars().any(is_han) {
                if name.chars().count() >= 3 && name.chars().all(is_han) {
                    known.han.insert(name.chars(), id);
                }
                continue;
            }
            let words = super::segment::latin_words(name);
            if words.len() < 2 {
                continue;
            }
            let mut path = Vec::with_capacity(words.len());
            for w in &words {
                lookout_text::lower_into(w.text, &mut lower);
                let next = known.words.len() as u32;
                path.push(*known.words.entry(lower.clone()).or_insert(next));
            }
            known.latin.insert(path, id);
        }
        known
    }

    /// Whether no name is known.
    pub fn is_empty(&self) -> bool {
        self.latin.ends.is_empty() && self.han.ends.is_empty()
    }

    /// Every known name in `text`, as organisation mentions at byte offsets: at each word, the
    /// longest name starting there.
    pub(crate) fn find(&self, text: &str, words: &[Word<'_>], lines: &[(usize, usize)]) -> Vec<Found> {
        let mut out = Vec::new();
        if self.is_empty() {
            return out;
        }
        let mut lower = String::new();
        let mut i = 0;
        while i < words.len() {
            let tokens = (i..words.len()).map(|j| {
                // A name's words stand together: nothing but spaces between them.
                if j > i && !text[words[j - 1].end..words[j].start].trim().is_empty() {
                    return None;
                }
                lookout_text::lower_into(words[j].text, &mut lower);
                self.words.get(lower.as_str()).copied()
            });
            match self.latin.longest(tokens) {
                Some((taken, id)) => {
                    out.push(Found::organisation(words[i].start, words[i + taken - 1].end, Some(id.clone())));
                    i += taken;
                }
                None => i += 1,
            }
        }
        // Chinese names only on the lines that are not all ASCII.
        let mut resume = 0;
        for at in lines.iter().flat_map(|&(from, to)| text[from..to].char_indices().map(move |(i, _)| from + i)) {
            if at < resume {
                continue;
            }
            let mut ends = text[at..].char_indices().map(|(i, c)| i + c.len_utf8());
            if let Some((taken, id)) = self.han.longest(text[at..].chars().map(Some)) {
                let length = ends.nth(taken - 1).expect("as many characters as taken");
                out.push(Found::organisation(at, at + length, Some(id.clone())));
                resume = at + length;
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
        let ms = finder().find(text, &known, &mut Memo::default(), None);
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

    #[test]
    fn the_longest_name_wins_among_many_sharing_their_first_words() {
        let mut named: Vec<(String, EntityId)> = (0..20_000)
            .flat_map(|n| {
                let id = EntityId::new(format!("organization-gen-{n}")).unwrap();
                let han = char::from_u32(0x4E00 + n).unwrap();
                [(format!("Overseas Hometown Association {n}"), id.clone()), (format!("同乡会{han}"), id)]
            })
            .collect();
        for (name, id) in [
            ("Overseas Chinese", "organization-oc"),
            ("Overseas Chinese Association", "organization-oca"),
            ("同乡会联合", "organization-short"),
            ("同乡会联合总会", "organization-long"),
        ] {
            named.push((name.to_string(), EntityId::new(id).unwrap()));
        }
        let known = KnownNames::new(named.iter().map(|(n, id)| (n.as_str(), id)));
        let text = "The overseas Chinese association met; Overseas Hometown Association 19999 and \
                    overseas hometown association 7 did not. 同乡会联合总会和同乡会丌。Overseas. Chinese";
        let found: Vec<(&str, Option<String>)> = finder()
            .find(text, &known, &mut Memo::default(), None)
            .iter()
            .filter(|m| m.kind() == Kind::Organisation && m.entity().is_some())
            .map(|m| (m.text_in(text), m.entity().map(String::from)))
            .collect();
        let some = |s: &str| Some(s.to_string());
        assert_eq!(
            found,
            [
                ("overseas Chinese association", some("organization-oca")),
                ("Overseas Hometown Association 19999", some("organization-gen-19999")),
                ("overseas hometown association 7", some("organization-gen-7")),
                ("同乡会联合总会", some("organization-long")),
                ("同乡会丌", some("organization-gen-12")),
            ],
            "the longest name at each place; words parted by a full stop are not one name"
        );
    }
}
