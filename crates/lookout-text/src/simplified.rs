//! Traditional characters read as simplified ones, the form in which names are compared.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::script::fold_width;

const T2S: &str = include_str!("../../../data/zh/t2s.tsv");

/// The characters of the dense table: the Han blocks that hold nearly every traditional form.
const DENSE: std::ops::RangeInclusive<u32> = 0x3400..=0x9FFF;

/// Traditional → simplified: a table indexed by code point over [`DENSE`] (asked of every Han
/// character ingest reads, where a hash lookup was a measurable share of the time), and a map
/// for the few forms outside it.
struct T2s {
    dense: Vec<char>,
    rest: FxHashMap<char, char>,
}

impl T2s {
    fn get(&self, c: char) -> char {
        let code = c as u32;
        if DENSE.contains(&code) {
            self.dense[(code - DENSE.start()) as usize]
        } else {
            *self.rest.get(&c).unwrap_or(&c)
        }
    }
}

fn t2s() -> &'static T2s {
    static TABLE: OnceLock<T2s> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = T2s { dense: DENSE.filter_map(char::from_u32).collect(), rest: FxHashMap::default() };
        for line in T2S.lines() {
            let mut it = line.split('\t');
            let (Some(t), Some(s)) =
                (it.next().and_then(|t| t.chars().next()), it.next().and_then(|s| s.chars().next()))
            else {
                continue;
            };
            if DENSE.contains(&(t as u32)) {
                table.dense[(t as u32 - DENSE.start()) as usize] = s;
            } else {
                table.rest.insert(t, s);
            }
        }
        table
    })
}

/// The simplified form of a traditional Han character (`長` → `长`); any other character as it is.
pub fn to_simplified(c: char) -> char {
    t2s().get(c)
}

/// Folds full-width ASCII and the ideographic space to their ordinary forms (the part of NFKC that
/// matters for names), and traditional Han characters to simplified ones.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_string();
    }
    let t2s = t2s();
    text.chars()
        .map(|c| match c as u32 {
            0..0x3000 => c,
            _ => fold_width(c).unwrap_or_else(|| t2s.get(c)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_and_full_width_fold() {
        assert_eq!(fold("鎮江同鄉會　ＰＳＢ"), "镇江同乡会 PSB");
        assert_eq!(fold("ＰＳＢ　１"), "PSB 1");
        assert_eq!(fold("Fuzhou"), "Fuzhou");
        assert_eq!(to_simplified('縣'), '县');
        assert_eq!(to_simplified('區'), '区');
        assert_eq!(to_simplified('F'), 'F');
    }

    #[test]
    fn every_form_of_the_table_is_read_inside_and_outside_the_dense_blocks() {
        let (mut inside, mut outside) = (0, 0);
        for line in T2S.lines() {
            let mut it = line.split('\t').map(|f| f.chars().next());
            let (Some(Some(t)), Some(Some(s))) = (it.next(), it.next()) else { continue };
            assert_eq!(to_simplified(t), s, "{t}");
            if DENSE.contains(&(t as u32)) {
                inside += 1;
            } else {
                outside += 1;
            }
        }
        assert!(inside > 3000 && outside > 300, "{inside} inside, {outside} outside");
        // Characters of the dense blocks that are not traditional stay as they are.
        assert_eq!(to_simplified('\u{3400}'), '\u{3400}');
        assert_eq!(to_simplified('中'), '中');
        assert_eq!(to_simplified('\u{9FFF}'), '\u{9FFF}');
    }
}
