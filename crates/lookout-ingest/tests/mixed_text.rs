//! Every finder and the sentence reader over text no one wrote: thousands of pieces of English,
//! Chinese, numbers, money, dates, abbreviations and marks of both scripts, glued in a seeded
//! random order. A finder that slices a text inside a character (as an abbreviation check once
//! did, after "中Mr.") panics here; every mention found must lie on the text's characters.

use lookout_core::PartialDate;
use lookout_ingest::{step_sentences, Finder, KnownNames, Memo};

/// Pieces the texts are made of: words and marks that open, close or stand inside the things the
/// finders look for.
const PIECES: &[&str] = &[
    "Mr.",
    "Feb.",
    "No.",
    "U.K",
    "U.S.",
    "N.Y.",
    "US$",
    "HK$",
    "$",
    "€",
    "£",
    "¥",
    "1",
    "22",
    "2023",
    "4.9",
    "230,000",
    "million",
    "Twenty-one",
    "forty",
    "dollars",
    "Hong Kong",
    "Montreal-area",
    "the",
    "and",
    "of",
    "in",
    "police",
    "station",
    "stations",
    "Police",
    "Station",
    "Has",
    "Closed",
    "RCMP",
    "Quebec",
    "division",
    "Ministry",
    "of Public",
    "Security",
    "Committee",
    "on",
    "Procedure",
    "House",
    "Affairs",
    "School",
    "Project",
    "National Review",
    "alleged",
    "denied",
    "operating",
    "charged",
    "Seoul",
    "Manhattan",
    "Fuzhou",
    "China",
    "’s",
    "'",
    "\"",
    "“",
    "”",
    "(",
    ")",
    ".",
    ",",
    ";",
    ":",
    "!",
    "?",
    "-",
    "—",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "中",
    "国",
    "中共",
    "中央纪律检查委员会",
    "公安局",
    "警務處國家安全處",
    "五間",
    "公司",
    "利用",
    "機構",
    "非盈利",
    "欧盟",
    "被控",
    "被控制",
    "不认罪",
    "不知情",
    "或",
    "的情况",
    "设立",
    "成立",
    "警侨",
    "服务站",
    "电话",
    "本星期",
    "星期一",
    "上周",
    "2023年",
    "4月",
    "17日",
    "。",
    "，",
    "、",
    "（",
    "）",
    "(2023年4月17日)",
    "「",
    "」",
    "尊重各国司法主权",
    "不存在所谓的",
    "秘密警察站",
    "纽约",
    "曼哈顿",
    "鹿特丹",
    "荷兰",
    "政府",
    "美国参议院",
    "和",
    "委员会",
    "六十萬",
    "100萬",
    "兩項",
    "几十名",
    "é",
    "ñ",
    "Ü",
    "ß",
    "🙂",
    "\u{200b}",
    "\t",
];

/// A small deterministic generator (a 64-bit linear congruential one): the same texts every run.
struct Seeded(u64);

impl Seeded {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

#[test]
fn every_finder_survives_mixed_text_and_finds_only_whole_characters() {
    let finder = Finder::new();
    let (known, mut memo) = (KnownNames::default(), Memo::default());
    let published: PartialDate = "2023-04-19".parse().unwrap();
    let mut seeded = Seeded(17);
    let mut mentions = 0;
    for _ in 0..400 {
        let pieces = 1 + seeded.below(120);
        let text: String = (0..pieces)
            .map(|_| {
                let piece = PIECES[seeded.below(PIECES.len())];
                // Half the pieces stand apart, half are glued to the one before.
                if seeded.below(2) == 0 {
                    format!(" {piece}")
                } else {
                    piece.to_string()
                }
            })
            .collect();
        for found in finder.find(&text, &known, &mut memo, Some(published)) {
            assert!(
                text.is_char_boundary(found.bytes.start)
                    && text.is_char_boundary(found.bytes.end)
                    && found.bytes.start < found.bytes.end
                    && found.bytes.end <= text.len(),
                "{:?} in {text:?}",
                found.bytes
            );
            assert_eq!(text[..found.bytes.start].chars().count(), found.start, "{text:?}");
            mentions += 1;
        }
        for (sentence, _) in step_sentences(&text) {
            assert!(text.contains(&sentence), "{sentence:?} is not of {text:?}");
        }
    }
    // The pieces name places, bodies, figures and dates: the texts are not all passed over.
    assert!(mentions > 1_000, "only {mentions} mentions");
}
