//! Characters: Han detection, full-width folding, traditional → simplified, pinyin readings.

use std::collections::HashMap;
use std::sync::OnceLock;

use pinyin::ToPinyinMulti;

const T2S: &str = include_str!("../../../data/zh/t2s.tsv");

fn t2s() -> &'static HashMap<char, char> {
    static TABLE: OnceLock<HashMap<char, char>> = OnceLock::new();
    TABLE.get_or_init(|| {
        T2S.lines()
            .filter_map(|l| {
                let mut it = l.split('\t');
                Some((it.next()?.chars().next()?, it.next()?.chars().next()?))
            })
            .collect()
    })
}

/// Whether `c` is a Han character.
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Folds full-width ASCII and the ideographic space to their ordinary forms (the part of NFKC that
/// matters for names), and traditional Han characters to simplified ones.
pub fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match c as u32 {
            0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            0x3000 => ' ',
            _ => *t2s().get(&c).unwrap_or(&c),
        })
        .collect()
}

/// Every toneless pinyin reading of each character (`重` → `zhong`, `chong`); a character without
/// a reading yields itself.
pub fn readings(text: &str) -> Vec<Vec<String>> {
    text.chars()
        .map(|c| {
            let mut out: Vec<String> = Vec::new();
            if let Some(multi) = c.to_pinyin_multi() {
                for p in multi {
                    let plain = p.plain().replace('ü', "v");
                    if !out.contains(&plain) {
                        out.push(plain);
                    }
                }
            }
            if out.is_empty() {
                out.push(c.to_lowercase().collect());
            }
            out
        })
        .collect()
}

/// Whether some choice of readings of `han` spells `latin` (lower case, letters only).
pub fn spells(han: &str, latin: &str) -> bool {
    fn go(readings: &[Vec<String>], rest: &str) -> bool {
        match readings.split_first() {
            None => rest.is_empty(),
            Some((options, tail)) => options.iter().any(|r| {
                let r = r.replace('v', "u");
                (rest.starts_with(r.as_str()) && go(tail, &rest[r.len()..]))
                    || (rest.starts_with(options[0].as_str()) && go(tail, &rest[options[0].len()..]))
            }),
        }
    }
    go(&readings(han), latin)
}

/// Lower-case letters and digits only (`Xi'an-Shi` → `xianshi`).
pub fn letters(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_width_and_traditional_characters() {
        assert_eq!(fold("鎮江市公安局"), "镇江市公安局");
        assert_eq!(fold("ＰＳＢ　１"), "PSB 1");
    }

    #[test]
    fn every_reading_is_considered() {
        assert!(spells("重庆", "chongqing"));
        assert!(spells("福州", "fuzhou"));
        assert!(spells("抚州", "fuzhou"));
        assert!(!spells("福州", "fuzhoushi"));
        assert!(spells("吕梁", "lvliang") || spells("吕梁", "luliang"));
        assert_eq!(letters("Xi'an-Shi"), "xianshi");
    }
}
