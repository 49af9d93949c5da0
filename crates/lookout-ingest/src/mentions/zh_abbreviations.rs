//! Countries a Chinese text names by one character, where its words leave no doubt: after a word
//! of being or going there (在韩, 旅美, 驻法), before 媒 ("its media": 韩媒, 法媒), and in a pair of
//! countries before a word of what is between them (韩中关系, 欧中关系, 中美两国).

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
    "外交", "友好",
];

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
        for (at, c) in line.char_indices() {
            let prior = before.replace(c);
            let Some(code) = country_of(c) else { continue };
            let rest = &line[at + c.len_utf8()..];
            let mut next = rest.chars();
            let after = next.next();
            let there = prior.is_some_and(|b| THERE.contains(&b))
                && AFTER_THERE.contains(&c)
                && after.is_none_or(|a| !NOT_AFTER.contains(&a));
            let media = after == Some('媒') && prior.is_none_or(|b| !lookout_text::is_han(b) || THERE.contains(&b));
            // A pair of countries' characters, then a word of what is between them: this one
            // first (韩 of 韩中关系) or second (中 of 韩中关系).
            let between = |after_pair: &str| BETWEEN.iter().any(|w| after_pair.starts_with(w));
            let first_of_pair = after.is_some_and(|a| a != c && country_of(a).is_some()) && between(next.as_str());
            let second_of_pair = prior.is_some_and(|b| b != c && country_of(b).is_some()) && between(rest);
            let (start, end) = (from + at, from + at + c.len_utf8());
            if (there || media || first_of_pair || second_of_pair) && free(start, end) {
                out.push(Found::place(start, end, None, code));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(&str, Option<&'static str>)> {
        let mut out = Vec::new();
        find(text, &[(0, text.len())], &[], &mut out);
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
        assert!(found("在法律上,在中心,在加强,不在意,在日前,传媒,中美").is_empty());
    }
}
