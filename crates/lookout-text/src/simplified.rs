//! Traditional characters read as simplified ones, the form in which names are compared.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::script::fold_width;

const T2S: &str = include_str!("../../../data/zh/t2s.tsv");

fn t2s() -> &'static FxHashMap<char, char> {
    static TABLE: OnceLock<FxHashMap<char, char>> = OnceLock::new();
    TABLE.get_or_init(|| {
        T2S.lines()
            .filter_map(|l| {
                let mut it = l.split('\t');
                Some((it.next()?.chars().next()?, it.next()?.chars().next()?))
            })
            .collect()
    })
}

/// The simplified form of a traditional Han character (`長` → `长`); any other character as it is.
pub fn to_simplified(c: char) -> char {
    *t2s().get(&c).unwrap_or(&c)
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
            _ => fold_width(c).unwrap_or_else(|| *t2s.get(&c).unwrap_or(&c)),
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
}
