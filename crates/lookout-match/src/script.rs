//! Pinyin readings of Han characters, and whether a Latin spelling reads a Chinese name (the
//! characters themselves, their script and folding, are `lookout_text`'s).

use pinyin::ToPinyinMulti;
use smallvec::SmallVec;

/// Every toneless pinyin reading of each character (`重` → `zhong`, `chong`); a character without
/// a reading yields itself.
pub fn readings(text: &str) -> Vec<Vec<String>> {
    text.chars()
        .map(|c| {
            let found = char_readings(c, usize::MAX);
            if found.is_empty() {
                vec![c.to_lowercase().collect()]
            } else {
                found.iter().map(|r| r.to_string()).collect()
            }
        })
        .collect()
}

/// The syllables with ü, written as u and as v (lu, lv): both are readings.
const WITH_U_UMLAUT: &[(&str, [&str; 2])] =
    &[("lü", ["lu", "lv"]), ("nü", ["nu", "nv"]), ("lüe", ["lue", "lve"]), ("nüe", ["nue", "nve"])];

/// The first `limit` readings of a character, each written with ü as u and as v; none for a
/// character without a reading. Borrowed from the pinyin tables: reading a name allocates nothing.
fn char_readings(c: char, limit: usize) -> SmallVec<[&'static str; 4]> {
    let mut out: SmallVec<[&'static str; 4]> = SmallVec::new();
    let mut add = |form: &'static str| {
        if !out.contains(&form) {
            out.push(form);
        }
    };
    if let Some(multi) = c.to_pinyin_multi() {
        for p in multi.into_iter().take(limit) {
            let plain = p.plain();
            match WITH_U_UMLAUT.iter().find(|(syllable, _)| *syllable == plain) {
                Some((_, forms)) => forms.iter().for_each(|f| add(f)),
                None => add(plain),
            }
        }
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

/// The readings of a character of a personal name: its usual reading, and the others only for the
/// characters of [`NAME_READINGS`].
fn name_char_readings(c: char) -> SmallVec<[&'static str; 4]> {
    let mut out = char_readings(c, 1);
    if let Some((_, extra)) = NAME_READINGS.iter().find(|(k, _)| *k == c) {
        for r in extra.iter() {
            if !out.contains(r) {
                out.push(r);
            }
        }
    }
    out
}

/// Whether the usual readings of a personal name in `han` spell `latin` (see [`NAME_READINGS`]).
pub fn spells_name(han: &str, latin: &str) -> bool {
    spell_with(han, latin, &name_char_readings)
}

/// Whether some choice of readings of `han` spells `latin` (lower case, letters only).
pub fn spells(han: &str, latin: &str) -> bool {
    spell_with(han, latin, &|c| char_readings(c, usize::MAX))
}

/// Whether some choice among `readings` of each character of `han`, in order, spells `latin`
/// exactly; a character without a reading stands for itself (lower case).
fn spell_with(han: &str, latin: &str, readings: &dyn Fn(char) -> SmallVec<[&'static str; 4]>) -> bool {
    let mut chars = han.chars();
    let Some(c) = chars.next() else { return latin.is_empty() };
    let tail = chars.as_str();
    let options = readings(c);
    if options.is_empty() {
        let mut lower = c.to_lowercase();
        let mut rest = latin;
        for l in lower.by_ref() {
            match rest.strip_prefix(l) {
                Some(r) => rest = r,
                None => return false,
            }
        }
        return spell_with(tail, rest, readings);
    }
    options.iter().any(|r| latin.strip_prefix(r).is_some_and(|rest| spell_with(tail, rest, readings)))
}

/// Lower-case letters and digits only (`Xi'an-Shi` → `xianshi`).
pub fn letters(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_syllable_with_u_umlaut_is_written_both_ways() {
        let mut seen = std::collections::BTreeSet::new();
        for c in (0x3400..=0x9FFF).filter_map(char::from_u32) {
            for p in c.to_pinyin_multi().into_iter().flatten() {
                if p.plain().contains('ü') {
                    seen.insert(p.plain());
                }
            }
        }
        let listed: std::collections::BTreeSet<&str> = WITH_U_UMLAUT.iter().map(|(s, _)| *s).collect();
        assert_eq!(seen, listed);
        assert_eq!(readings("女"), [["nu", "nv", "ru"]]);
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
