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
    text.chars().map(|c| char_readings(c, usize::MAX)).collect()
}

/// The first `limit` readings of a character, each written with ü as v and as u.
fn char_readings(c: char, limit: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if let Some(multi) = c.to_pinyin_multi() {
        for p in multi.into_iter().take(limit) {
            // ü is written v or u (lv, lu): both are readings.
            let plain = p.plain().replace('ü', "v");
            for form in [plain.replace('v', "u"), plain] {
                if !out.contains(&form) {
                    out.push(form);
                }
            }
        }
    }
    if out.is_empty() {
        out.push(c.to_lowercase().collect());
    }
    out
}

/// Characters read otherwise than usual in personal names, with those readings: surnames
/// (单 Shan, 曾 Zeng, 解 Xie, 仇 Qiu, 区 Ou, 朴 Piao…) and common polyphones of given names
/// (长 Chang/Zhang, 乐 Le/Yue, 重 Zhong/Chong…). Other characters keep their usual reading only, so
/// that a rare dictionary reading (英 as yang) does not make two names alike.
const NAME_READINGS: &[(char, &[&str])] = &[
    ('单', &["shan", "dan"]),
    ('曾', &["zeng", "ceng"]),
    ('解', &["xie", "jie"]),
    ('仇', &["qiu", "chou"]),
    ('区', &["ou", "qu"]),
    ('朴', &["piao", "pu"]),
    ('查', &["zha", "cha"]),
    ('盖', &["ge", "gai"]),
    ('覃', &["qin", "tan"]),
    ('尉', &["yu", "wei"]),
    ('乐', &["yue", "le"]),
    ('缪', &["miao", "mou"]),
    ('翟', &["zhai", "di"]),
    ('召', &["shao", "zhao"]),
    ('繁', &["po", "fan"]),
    ('句', &["gou", "ju"]),
    ('柏', &["bai", "bo"]),
    ('宿', &["su", "xiu"]),
    ('车', &["che", "ju"]),
    ('冼', &["xian"]),
    ('洗', &["xian", "xi"]),
    ('员', &["yuan", "yun"]),
    ('叶', &["ye", "xie"]),
    ('贾', &["jia", "gu"]),
    ('隗', &["wei", "kui"]),
    ('秘', &["bi", "mi"]),
    ('长', &["chang", "zhang"]),
    ('重', &["zhong", "chong"]),
    ('朝', &["chao", "zhao"]),
    ('行', &["xing", "hang"]),
    ('觉', &["jue", "jiao"]),
    ('传', &["chuan", "zhuan"]),
    ('蔚', &["wei", "yu"]),
    ('强', &["qiang", "jiang"]),
    ('省', &["sheng", "xing"]),
    ('还', &["huan", "hai"]),
    ('茜', &["qian", "xi"]),
    ('大', &["da", "dai"]),
    ('参', &["can", "shen"]),
    ('奇', &["qi", "ji"]),
    ('会', &["hui", "kuai"]),
    ('谷', &["gu", "yu"]),
    ('盛', &["sheng", "cheng"]),
    ('降', &["jiang", "xiang"]),
    ('率', &["shuai", "lv"]),
    ('识', &["shi", "zhi"]),
    ('都', &["du", "dou"]),
    ('冯', &["feng", "ping"]),
    ('祭', &["ji", "zhai"]),
    ('万', &["wan", "mo"]),
    ('俟', &["si", "qi"]),
    ('藏', &["zang", "cang"]),
    ('石', &["shi", "dan"]),
    ('种', &["chong", "zhong"]),
    ('燕', &["yan"]),
    ('华', &["hua"]),
    ('阿', &["a", "e"]),
    ('亚', &["ya"]),
    ('莎', &["sha", "suo"]),
    ('露', &["lu", "lou"]),
    ('泊', &["bo", "po"]),
    ('折', &["zhe", "she"]),
    ('能', &["neng", "nai"]),
];

/// The readings of each character of a personal name: its usual reading, and the others only for
/// the characters of [`NAME_READINGS`].
pub fn name_readings(text: &str) -> Vec<Vec<String>> {
    text.chars()
        .map(|c| {
            let mut out = char_readings(c, 1);
            if let Some((_, extra)) = NAME_READINGS.iter().find(|(k, _)| *k == c) {
                for r in extra.iter() {
                    if !out.iter().any(|o| o == r) {
                        out.push(r.to_string());
                    }
                }
            }
            out
        })
        .collect()
}

/// Whether the usual readings of a personal name in `han` spell `latin` (see [`name_readings`]).
pub fn spells_name(han: &str, latin: &str) -> bool {
    spell_with(&name_readings(han), latin)
}

/// Whether some choice of readings of `han` spells `latin` (lower case, letters only).
pub fn spells(han: &str, latin: &str) -> bool {
    spell_with(&readings(han), latin)
}

fn spell_with(readings: &[Vec<String>], latin: &str) -> bool {
    fn go(readings: &[Vec<String>], rest: &str) -> bool {
        match readings.split_first() {
            None => rest.is_empty(),
            Some((options, tail)) => options.iter().any(|r| rest.starts_with(r.as_str()) && go(tail, &rest[r.len()..])),
        }
    }
    go(readings, latin)
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
        assert!(spells_name("单田芳", "shantianfang") && spells_name("曾国藩", "zengguofan"));
        assert!(spells("英", "yang") && !spells_name("孙军英", "sunjunyang"));
        assert_eq!(letters("Xi'an-Shi"), "xianshi");
    }
}
