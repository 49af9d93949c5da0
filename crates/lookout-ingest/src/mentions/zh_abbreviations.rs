//! Countries a Chinese text names by one character, where its words leave no doubt: after a word
//! of being or going there (在韩, 旅美, 驻法), before 媒 ("its media": 韩媒, 法媒), 议员 (荷議員) or
//! 境 ("its territory": 德境, 加境内), in a run of countries before a word of what is between them
//! (韩中关系, 欧中关系, 中美两国, 中克双方, 中意警方), in a run of three or more (中老緬泰湄公河), and
//! in a list of them alone (加、荷也查).

use super::Found;

/// Characters of being or going somewhere, before a country's character: 在韩, 驻法, 旅美.
const THERE: &[char] = &['在', '驻', '駐', '旅', '访', '訪', '赴', '来', '來'];

/// The countries whose character after [`THERE`] is its name and not a word's first (在中心,
/// 在加强, 在意, 在日前, 在西方 are words).
const AFTER_THERE: &[char] = &['美', '英', '法', '德', '韩', '韓', '俄', '澳', '荷', '葡'];

/// Characters after a country's character that make it the first of another word (法律, 英文,
/// 德国 is the full name, found as such).
const NOT_AFTER: &[char] = &[
    '国', '國', '洲', '律', '庭', '院', '规', '規', '案', '治', '官', '理', '定', '制', '令', '条', '條', '典', '文',
    '语', '語', '元', '镑', '鎊', '术', '術', '式', '丽', '麗', '食', '好',
];

/// Words after a pair of countries that say what is between them.
const BETWEEN: &[&str] = &[
    "关系", "關係", "两国", "兩國", "双边", "雙邊", "之间", "之間", "峰会", "峰會", "对话", "對話", "贸易", "貿易",
    "外交", "友好", "双方", "雙方", "三方", "四方", "交涉", "交流", "警方", "合作", "联合", "聯合",
];

/// The countries whose characters, two together and alone, name the pair of them (美日, 中加).
const POWERS: &[char] = &['中', '美', '英', '法', '德', '日', '韩', '韓', '俄', '加', '澳'];

/// Pairs of [`POWERS`] that are other words: virtue, addition, Kathmandu's first two.
const NOT_PAIRS: &[&str] = &["美德", "加法", "加德", "日中"];

/// Words after a country's character that name its people or its ground: 荷議員 (a Dutch member
/// of parliament), 德境 (German territory).
const OF_IT: &[&str] = &["议员", "議員", "境"];

/// The country a character names in a run of countries' characters only (中克两国, 中老緬泰): those
/// of [`country_of`] and the neighbours' that stand alone for another word elsewhere (克, 老, 泰).
fn in_runs(c: char) -> Option<Option<&'static str>> {
    country_of(c).or_else(|| only_in_runs(c))
}

/// Characters that join words, after which a pair of countries opens a word (和 + 中加領事協定).
const JOINING: &[char] = &['和', '与', '與', '及', '对', '對', '的', '为', '為'];

/// The countries of [`in_runs`] that [`country_of`] does not name.
fn only_in_runs(c: char) -> Option<Option<&'static str>> {
    Some(Some(match c {
        '克' => "HR",
        '捷' => "CZ",
        '老' | '寮' => "LA",
        '缅' | '緬' => "MM",
        '泰' => "TH",
        '越' => "VN",
        '柬' => "KH",
        // Switzerland's or Sweden's (中瑞两国 is said of both): a country, not which.
        '瑞' => return Some(None),
        _ => return None,
    }))
}

/// The country a character names alone (`Some(None)`: Europe, a continent), if any.
pub(crate) fn country_of(c: char) -> Option<Option<&'static str>> {
    Some(Some(match c {
        '中' => "CN",
        '美' => "US",
        '英' => "GB",
        '法' => "FR",
        '德' => "DE",
        '日' => "JP",
        '韩' | '韓' => "KR",
        '俄' => "RU",
        '加' => "CA",
        '澳' => "AU",
        '荷' => "NL",
        '意' | '义' | '義' => "IT",
        '西' => "ES",
        '葡' => "PT",
        '欧' | '歐' => return Some(None),
        _ => return None,
    }))
}

/// The countries named by one character in the Chinese `lines` of `text`, none inside a span of
/// `taken` (sorted: places already found).
pub(super) fn find(text: &str, lines: &[(usize, usize)], taken: &[(usize, usize)], out: &mut Vec<Found>) {
    let free = |start: usize, end: usize| {
        let at = taken.partition_point(|&(s, _)| s < end);
        at == 0 || taken[at - 1].1 <= start
    };
    for &(from, to) in lines {
        let line = &text[from..to];
        let mut before: Option<char> = None;
        // Whether a country's character follows another's or a 、: the line may hold a run.
        let (mut paired, mut after_member) = (false, false);
        for (at, c) in line.char_indices() {
            let prior = before.replace(c);
            let code = country_of(c);
            let member = code.is_some() || only_in_runs(c).is_some();
            paired |= member && (after_member || prior == Some('、'));
            after_member = member;
            let Some(code) = code else { continue };
            let rest = &line[at + c.len_utf8()..];
            let mut next = rest.chars();
            let after = next.next();
            let there = prior.is_some_and(|b| THERE.contains(&b))
                && AFTER_THERE.contains(&c)
                && after.is_none_or(|a| !NOT_AFTER.contains(&a));
            let opens_word = prior.is_none_or(|b| !lookout_text::is_han(b) || THERE.contains(&b));
            let media = after == Some('媒') && opens_word;
            let of_it = AFTER_THERE.contains(&c) && OF_IT.iter().any(|w| rest.starts_with(w)) && opens_word;
            let (start, end) = (from + at, from + at + c.len_utf8());
            if (there || media || of_it) && free(start, end) {
                out.push(Found::place(start, end, None, code));
            }
        }
        if paired {
            runs(line, from, &free, out);
        }
    }
}

/// The countries of the runs of countries' characters in `line` (which starts at byte `from`):
/// two or more before a word of what is between them (中克两国), three or more (中老緬泰), or two
/// or more parted by 、 after no other character (加、荷); the last two kinds before no character
/// that makes a word with the last (中英文 is no run).
fn runs(line: &str, from: usize, free: &dyn Fn(usize, usize) -> bool, out: &mut Vec<Found>) {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        if in_runs(chars[i].1).is_none() {
            i += 1;
            continue;
        }
        let mut members: Vec<(usize, char)> = Vec::new();
        let mut listed = false;
        let mut k = i;
        while let Some(&(at, c)) = chars.get(k) {
            if in_runs(c).is_none() || members.iter().any(|&(_, m)| m == c) {
                break;
            }
            members.push((at, c));
            let parted = chars.get(k + 1).is_some_and(|&(_, n)| n == '、')
                && chars.get(k + 2).is_some_and(|&(_, n)| in_runs(n).is_some());
            listed |= parted;
            k += if parted { 2 } else { 1 };
        }
        let (last_at, last) = *members.last().expect("a run holds its first character");
        let rest = &line[last_at + last.len_utf8()..];
        let between = BETWEEN.iter().any(|w| rest.starts_with(w));
        let alone = i == 0 || {
            let b = chars[i - 1].1;
            !lookout_text::is_han(b) || THERE.contains(&b)
        };
        let ends = rest.chars().next().is_none_or(|n| !NOT_AFTER.contains(&n));
        // Two of the great powers' characters standing alone as a word (美日示警, "中加"): a pair
        // that is no other word, after no letter, digit or Han character (18日中国 is a day).
        let paired_powers = members.len() == 2 && ends && {
            let pair: String = members.iter().map(|&(_, c)| c).collect();
            let apart = i == 0 || {
                let b = chars[i - 1].1;
                !b.is_alphanumeric() || JOINING.contains(&b) || THERE.contains(&b)
            };
            apart && members.iter().all(|&(_, c)| POWERS.contains(&c)) && !NOT_PAIRS.contains(&pair.as_str())
        };
        let run = members.len() >= 2 && (between || paired_powers || (members.len() >= 3 || listed && alone) && ends);
        if run {
            for &(at, c) in &members {
                let (start, end) = (from + at, from + at + c.len_utf8());
                if let (Some(code), true) = (in_runs(c), free(start, end)) {
                    out.push(Found::place(start, end, None, code));
                }
            }
        }
        i = k.max(i + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(&str, Option<&'static str>)> {
        let mut out = Vec::new();
        find(text, &[(0, text.len())], &[], &mut out);
        out.sort_by_key(|f| f.start);
        out.iter()
            .map(|f| match f.what {
                crate::What::Place { country, .. } => (&text[f.start..f.end], country),
                _ => panic!("not a place"),
            })
            .collect()
    }

    #[test]
    fn one_character_countries_where_the_words_leave_no_doubt() {
        assert_eq!(
            found("中国在韩所设,韩媒报道,恐对韩中关系,旅美华人"),
            [("韩", Some("KR")), ("韩", Some("KR")), ("韩", Some("KR")), ("中", Some("CN")), ("美", Some("US"))]
        );
        assert_eq!(found("僵化的欧中关系"), [("欧", None), ("中", Some("CN"))]);
        assert!(found("在法律上,在中心,在加强,不在意,在日前,传媒,中美洲").is_empty());
    }

    #[test]
    fn runs_and_lists_of_countries_characters() {
        let codes = |text: &str| found(text).into_iter().map(|(w, c)| (w.to_string(), c)).collect::<Vec<_>>();
        let pairs = |v: &[(&str, &'static str)]| v.iter().map(|&(w, c)| (w.to_string(), Some(c))).collect::<Vec<_>>();
        assert_eq!(codes("中克两国警方"), pairs(&[("中", "CN"), ("克", "HR")]));
        assert_eq!(
            codes("第56次中老緬泰湄公河聯合巡邏"),
            pairs(&[("中", "CN"), ("老", "LA"), ("緬", "MM"), ("泰", "TH")])
        );
        assert_eq!(codes("加、荷也查"), pairs(&[("加", "CA"), ("荷", "NL")]));
        assert_eq!(codes("指出,德境這些機構"), pairs(&[("德", "DE")]));
        assert_eq!(codes("荷議員促勒令關閉"), pairs(&[("荷", "NL")]));
        // Two great powers alone: a pair; not a day (18日中国), a word (美德, 加法) or inside one.
        assert_eq!(codes("美日示警曼谷有恐袭风险"), pairs(&[("美", "US"), ("日", "JP")]));
        assert!(codes("18日中方表示,美德与加法,尊重中美").is_empty());
        assert_eq!(codes("根據和中加領事協定"), pairs(&[("中", "CN"), ("加", "CA")]));
        assert_eq!(found("根据中瑞两国"), [("中", Some("CN")), ("瑞", None)]);
        // Words, not runs: 中英文, 老中青, a list inside a word (东、西), 克 alone.
        assert!(codes("中英文版本,老中青三代,东、西两侧,克服困难,马克、泰国").is_empty());
    }
}
