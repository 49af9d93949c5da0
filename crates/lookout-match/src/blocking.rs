//! Blocking keys: the few strings under which a name is filed so that names that may match share at
//! least one — words (Latin, accents and legal forms dropped), pinyin readings of a Chinese place or
//! personal name, and the Chinese place itself.

use crate::latin;
use crate::org;
use crate::person::{self, PersonName};
use crate::script::readings;
use lookout_text::is_han;

/// Readings combined at most this many ways per name part (a part of several polyphones).
const MAX_SPELLINGS: usize = 8;

/// The pinyin spellings of Han text, every reading combined, at most [`MAX_SPELLINGS`].
fn spellings(han: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    for options in readings(han) {
        let mut next = Vec::new();
        for prefix in &out {
            for r in &options {
                if next.len() < MAX_SPELLINGS {
                    next.push(format!("{prefix}{r}"));
                }
            }
        }
        out = next;
    }
    out
}

/// The blocking keys of one name.
pub fn block_keys(name: &str) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    if name.chars().any(is_han) {
        let parsed = org::parse(name);
        if parsed.kind.is_some() && !parsed.place.is_empty() {
            keys.push(parsed.place.clone());
            keys.extend(spellings(&parsed.place));
        } else if let PersonName::Chinese { surname, given } = person::parse(name) {
            keys.push(format!("{surname}{given}"));
            keys.extend(spellings(&given).into_iter().filter(|g| g.len() > 1));
        }
    } else {
        let words = latin::parse(name, true);
        for (i, w) in words.words().enumerate() {
            if w.len() > 1 {
                keys.push(w.to_string());
            }
            // Given names written apart (Wei Qiang) or joined (Weiqiang).
            if i + 1 < words.len() {
                keys.push(format!("{w}{}", words.word(i + 1)));
            }
        }
    }
    keys.sort();
    keys.dedup();
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    fn share(a: &str, b: &str) -> bool {
        let kb = block_keys(b);
        block_keys(a).iter().any(|k| kb.contains(k))
    }

    #[test]
    fn names_that_may_match_share_a_key() {
        assert!(share("Fuzhou Public Security Bureau", "福州市公安局"));
        assert!(share("福建省福州市公安局", "福州市公安局"));
        assert!(share("重庆市公安局", "Chongqing PSB"));
        assert!(share("宋林金", "Linjin Song"));
        assert!(share("Xu Wei Qiang", "徐伟强"));
        assert!(share("OAO Gazprom", "Gazprom JSC"));
        // Shared common words (psb) are left to the index's frequency cap.
        assert_eq!(block_keys("Zhoukou PSB"), ["psb", "zhoukou", "zhoukoupsb"]);
    }
}
