//! Figures: a number with what it counts — `54 police stations`, `230,000 Chinese nationals`,
//! `1.2 million people`, `102个`, `23万人`, `五十四个海外警务站`.

mod chinese;
mod english;

use super::segment::Word;
use super::{Finder, Found};

/// The figures finder's tables.
pub(crate) struct Tables {
    /// Per first letter (lower case), the lengths of the number words opening with it, a bit each.
    number_word_lengths: [u16; 26],
    /// Where a number may open in Chinese (a digit, a Chinese digit or 十), found by an automaton
    /// rather than by decoding every character of the text.
    han_number_openings: aho_corasick::AhoCorasick,
    /// The words that end what is counted, as bytes.
    stop_words: rustc_hash::FxHashSet<&'static [u8]>,
}

impl Tables {
    /// The tables.
    pub(crate) fn new() -> Tables {
        let mut number_word_lengths = [0u16; 26];
        for (w, _) in english::NUMBER_WORDS {
            number_word_lengths[usize::from(w.as_bytes()[0] - b'a')] |= 1 << w.len();
        }
        let digits = "0123456789零〇一二两兩三四五六七八九十";
        let han_number_openings = aho_corasick::AhoCorasick::new(digits.chars().map(String::from))
            .expect("single characters make an automaton");
        let stop_words = english::STOP.iter().map(|w| w.as_bytes()).collect();
        Tables { number_word_lengths, han_number_openings, stop_words }
    }
}

/// Every figure in `text`, leaving out numbers inside `dates`.
pub(crate) fn find(
    finder: &Finder,
    text: &str,
    words: &[Word<'_>],
    lines: &[(usize, usize)],
    dates: &[Found],
) -> Vec<Found> {
    let tables = &finder.figures;
    let mut spans: Vec<(usize, usize)> = dates.iter().map(|d| (d.start, d.end)).collect();
    spans.sort_unstable();
    let mut in_date = DateSpans { spans, at: 0 };
    let mut out = english::find(tables, text, words, &mut in_date);
    join_years_and_months(text, &mut out);
    in_date.at = 0;
    out.extend(chinese::find(tables, text, lines, &mut in_date));
    out.retain_mut(|f| counts_something(text, f, &finder.names));
    out
}

/// A term in years and months is one figure, in months ("sentenced to four years and nine
/// months" is 57 months, not 4 years and 9 months).
fn join_years_and_months(text: &str, out: &mut Vec<Found>) {
    let unit_of = |f: &Found| match &f.what {
        super::What::Figure { value, unit } => Some((*value, &text[unit.clone()], unit.clone())),
        _ => None,
    };
    let mut joined: Vec<Found> = Vec::with_capacity(out.len());
    for f in out.drain(..) {
        if let Some(last) = joined.last_mut() {
            if let (Some((y, "years" | "year", _)), Some((m, "months" | "month", unit))) = (unit_of(last), unit_of(&f))
            {
                if text.get(last.end..f.start) == Some(" and ") {
                    *last = Found::figure(last.start, f.end, y * 12.0 + m, unit);
                    continue;
                }
            }
        }
        joined.push(f);
    }
    *out = joined;
}

/// Whether a figure counts something named, and its value read whole: what it counts opens on
/// its line (not "20520\n\nHonorable …", a ZIP code before a name), is not a name (every word
/// capitalised: "2201 C Street", "110 Overseas", "28 Oct"), and the number is no footnote's
/// marker ("pandemic.3 According"), and a capitalised word after the number names a people or a
/// country ("230,000 Chinese nationals"), not a title ("the 110 Overseas investigation"); "three
/// dozen officers" is 36. "110 overseas service posts" names the stations' programme. A sum of
/// money counts its currency ("HK$1 million").
fn counts_something(text: &str, f: &mut Found, names: &super::names::Names) -> bool {
    let super::What::Figure { value, unit } = &mut f.what else { return true };
    // A sum of money, its currency written before it ("US$127,700").
    if unit.start == f.start {
        return true;
    }
    if text[f.start..unit.start].contains('\n') {
        return false;
    }
    // A footnote's marker: a number written onto the word or full stop before it ("pandemic.3").
    if text[..f.start].ends_with(|c: char| c == '.' || c.is_ascii_alphabetic())
        && text[f.start..].starts_with(|c: char| c.is_ascii_digit())
    {
        return false;
    }
    // A clock's time ("3:21:09 p.m.", "04:49 am"), or a number that refers to a part of a text
    // ("section 22 of the Constitution", "page 4").
    let before = text[..f.start].trim_end_matches(' ');
    let clock = before.ends_with(':') && before[..before.len() - 1].ends_with(|c: char| c.is_ascii_digit());
    // The word before, read in the last few bytes, not back through a text without spaces.
    let near = &before[before.floor_char_boundary(before.len().saturating_sub(16))..];
    let reference = near.rsplit([' ', '\n', '(']).next().is_some_and(|w| REFERENCE_WORDS.contains(&w));
    let counted = &text[unit.clone()];
    let first = counted.split_whitespace().next().unwrap_or("");
    if clock || reference || matches!(first, "am" | "pm" | "a.m." | "p.m." | "a" | "p" | "AM" | "PM") {
        return false;
    }
    // The stations' programme, "110 Overseas" however written ("110 overseas service posts").
    // The last word counted (what is counted is a few words on one line).
    let last = counted.rsplit(' ').next().unwrap_or("");
    if *value == 110.0 && first.eq_ignore_ascii_case("overseas") && !english::COUNTED_NOUNS.contains(&last) {
        return false;
    }
    // A heading's number: "1.2 Co-opting other countries" at the start of its line.
    let number = text[f.start..unit.start].trim_end();
    let blank_before = text[..f.start].trim_end_matches(|c: char| c.is_whitespace() && c != '\n');
    let opens_line = blank_before.is_empty() || blank_before.ends_with('\n');
    if opens_line && number.contains('.') && number.bytes().all(|b| b.is_ascii_digit() || b == b'.') && *value < 100.0 {
        return false;
    }
    // A sum of money in a currency named after it ("1 million Hong Kong dollars").
    if last.ends_with('s') && CURRENCY_WORDS.contains(&last) || matches!(last, "yuan" | "renminbi" | "yen" | "won") {
        return true;
    }
    // A people without a country of its own, counted ("40 Uyghurs", "16 Uyghur students").
    if PEOPLES.contains(&first) {
        return true;
    }
    if counted.is_ascii() && counted.split_whitespace().all(|w| w.starts_with(|c: char| c.is_ascii_uppercase())) {
        return false;
    }
    if let Some(first) = counted.split_whitespace().next().filter(|w| w.starts_with(|c: char| c.is_ascii_uppercase())) {
        // "two Montreal-area sites", "Toronto-based groups": a place that describes them.
        let describing =
            first.split_once('-').is_some_and(|(_, rest)| rest.starts_with(|c: char| c.is_ascii_lowercase()));
        let people = describing
            || first == "Chinese"
            || lookout_geo::country_of_demonym(first).is_some()
            || names.countries.contains_key(&first.to_lowercase());
        if !people {
            return false;
        }
    }
    if let Some(rest) = counted.strip_prefix("dozen ") {
        *value *= 12.0;
        unit.start = unit.end - rest.len();
    }
    true
}

/// Peoples and faiths a count names that are no country's demonym ("three Tibetan monks", "40
/// Uyghurs", "five Hong Kong activists").
const PEOPLES: &[&str] = &[
    "Uyghur",
    "Uyghurs",
    "Uighur",
    "Uighurs",
    "Tibetan",
    "Tibetans",
    "Hongkonger",
    "Hongkongers",
    "Hong",
    "Kazakh",
    "Kazakhs",
    "Mongolian",
    "Mongolians",
    "Rohingya",
    "Kurdish",
    "Kurds",
    "Falun",
    "Muslim",
    "Muslims",
    "Christian",
    "Christians",
    "Catholic",
    "Catholics",
    "Buddhist",
    "Buddhists",
    "Sikh",
    "Sikhs",
];

/// Currencies named after a sum, in the plural ("Hong Kong dollars", "euros"); yuan, renminbi, yen
/// and won have none.
const CURRENCY_WORDS: &[&str] = &["dollars", "euros", "pounds", "francs", "rupees"];

/// Words before a number that make it a reference to a part of a text or a list.
const REFERENCE_WORDS: &[&str] = &[
    "section",
    "Section",
    "article",
    "Article",
    "chapter",
    "Chapter",
    "paragraph",
    "Paragraph",
    "clause",
    "Clause",
    "rule",
    "Rule",
    "page",
    "Page",
    "p.",
    "pp.",
    "No.",
    "no.",
    "Nos.",
    "volume",
    "Volume",
    "vol.",
    "Vol.",
    "item",
    "Item",
    "question",
    "Question",
    "room",
    "Room",
    "Suite",
    "suite",
    "Floor",
    "floor",
    "Unit",
    "unit",
    "Bill",
    "bill",
    "Act",
    "Title",
    "title",
    "§",
];

/// The spans of a text's dates, in order, asked about numbers mostly in order of the text: a
/// cursor moves on with the questions (a search from the start each time read most of the
/// spans' memory again and again).
pub(super) struct DateSpans {
    spans: Vec<(usize, usize)>,
    /// How many spans open before the end of the last number asked about.
    at: usize,
}

impl DateSpans {
    /// Whether `start..end` overlaps a date.
    pub(super) fn overlaps(&mut self, start: usize, end: usize) -> bool {
        // Asked about a number before the last one: searched for from the start.
        if self.at > 0 && self.spans[self.at - 1].0 >= end {
            self.at = self.spans.partition_point(|(s, _)| *s < end);
        }
        while self.at < self.spans.len() && self.spans[self.at].0 < end {
            self.at += 1;
        }
        self.at > 0 && self.spans[self.at - 1].1 > start
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(text: &str) -> Vec<String> {
        let lines = super::super::segment::non_ascii_lines(text);
        find(crate::mentions::testing::finder(), text, &super::super::segment::latin_words(text), &lines, &[])
            .into_iter()
            .map(|f| match f.what {
                super::super::What::Figure { value, unit } => {
                    format!("{}|{value}|{}", &text[f.start..f.end], &text[unit])
                }
                other => panic!("not a figure: {other:?}"),
            })
            .collect()
    }

    #[test]
    fn date_spans_answer_in_any_order() {
        let spans = vec![(10, 20), (30, 40), (50, 60)];
        let search = |start: usize, end: usize| {
            let at = spans.partition_point(|(s, _)| *s < end);
            at > 0 && spans[at - 1].1 > start
        };
        let mut dates = DateSpans { spans: spans.clone(), at: 0 };
        for (start, end) in [(0, 5), (12, 14), (21, 29), (35, 45), (15, 16), (5, 11), (61, 70), (0, 100), (20, 30)] {
            assert_eq!(dates.overlaps(start, end), search(start, end), "{start}..{end}");
        }
    }

    #[test]
    fn english_figures() {
        assert!(figures("2 min read WASHINGTON (Reuters)").is_empty(), "a page's reading time");
        assert_eq!(
            figures("It found 54 police stations in 30 countries, and 230,000 Chinese nationals were persuaded."),
            [
                "54 police stations|54|police stations",
                "30 countries|30|countries",
                "230,000 Chinese nationals|230000|Chinese nationals"
            ]
        );
        assert_eq!(figures("some 1.2 million people"), ["1.2 million people|1200000|people"]);
        assert_eq!(
            figures("more than 30 suspected offices outside China; all three centers claim"),
            ["more than 30 suspected offices|30|suspected offices", "three centers|3|centers"]
        );
        assert_eq!(figures("at least 80 instances where it happened"), ["at least 80 instances|80|instances"]);
        assert!(figures("In 2022 the police").is_empty());
        assert!(figures("three weeks later, the RCMP").is_empty(), "a time is no count");
        assert!(figures("at 3:21:09 p.m. and 04:49 am").is_empty(), "a clock's time is no count");
        assert!(
            figures("section 22 of the Nigerian constitution, page 4 books").is_empty(),
            "references count nothing"
        );
        assert!(figures("1.1 direct attacks\n  1.2 co-opting other countries").is_empty(), "headings' numbers");
        assert!(figures("it found 110 overseas service posts").is_empty(), "the programme's name");
        assert_eq!(figures("1.5 million people."), ["1.5 million people|1500000|people"]);
        assert_eq!(figures("two Montreal-area sites"), ["two Montreal-area sites|2|Montreal-area sites"]);
        assert_eq!(figures("Twenty-one officers"), ["Twenty-one officers|21|officers"]);
        assert_eq!(
            figures("it had found 110 overseas Chinese police stations"),
            ["110 overseas Chinese police stations|110|overseas Chinese police stations"]
        );
        // Sums of money count their currency.
        assert_eq!(
            figures("a bounty of HK$1 million (US$127,700) each, and $4.9 million in damages"),
            ["HK$1 million|1000000|HK$", "US$127,700|127700|US$", "$4.9 million|4900000|$"]
        );
        assert_eq!(
            figures("a bounty of 1 million Hong Kong dollars"),
            ["1 million Hong Kong dollars|1000000|Hong Kong dollars"]
        );
        assert_eq!(
            figures(
                "China closes two “police stations”; 54 of these police stations; more than 100 such facilities exist"
            ),
            [
                "two “police stations|2|police stations",
                "54 of these police stations|54|police stations",
                "more than 100 such facilities|100|such facilities"
            ]
        );
    }

    #[test]
    fn a_term_in_years_and_months_is_one_figure_in_months() {
        assert_eq!(
            figures("sentenced to four years and nine months in prison"),
            ["four years and nine months|57|months"]
        );
        assert_eq!(figures("in two years and 30 stations"), ["two years|2|years", "30 stations|30|stations"]);
    }

    #[test]
    fn a_people_without_a_country_is_counted() {
        assert_eq!(
            figures("At least 22 Uyghur students and 40 Uyghurs; three Tibetan monks"),
            [
                "At least 22 Uyghur students|22|Uyghur students",
                "40 Uyghurs|40|Uyghurs",
                "three Tibetan monks|3|Tibetan monks"
            ]
        );
        assert!(figures("the 110 Overseas report").is_empty());
    }

    #[test]
    fn chinese_figures() {
        assert_eq!(figures("共102个海外警务站分布在53个国家"), ["102个|102|个海外警务站", "53个|53|个国家"]);
        assert_eq!(figures("劝返23万人"), ["23万人|230000|人"]);
        assert_eq!(figures("抓回經濟犯罪嫌疑人730餘人。"), ["730餘人|730|人"]);
        assert_eq!(figures("五十四个服务站"), ["五十四个|54|个服务站"]);
        // What is counted is the nouns after the measure word.
        assert_eq!(figures("兩人涉嫌"), ["兩人|2|人"]);
        assert_eq!(figures("两名纽约居民因涉嫌,两家媒体详细揭露"), ["两名|2|名纽约居民", "两家|2|家媒体"]);
        assert!(figures("第21次全體委員會議,第一个警侨站点").is_empty(), "ordinals count nothing");
        assert!(figures("在一次聽證會上,一起").is_empty(), "an article counts nothing");
        assert_eq!(figures("其中一个在纽约市"), ["一个|1|个"]);
        // Spaces after the number, as some sites write them; sums of money.
        assert_eq!(figures("在全球 53 個國家"), ["53 個|53|個國家"]);
        assert_eq!(
            figures("提起490万加元的诉讼,罚款 100 萬日圓"),
            ["490万加元|4900000|加元", "100 萬日圓|1000000|日圓"]
        );
        // Times counted, not years named; places counted before 和.
        assert_eq!(figures("长达两年的调查,一个月后,过去50年"), ["两年|2|年", "一个|1|个", "50年|50|年"]);
        assert!(figures("2022年11月,22年11月,80年代,100周年,数十年").is_empty(), "years, anniversaries, vague times");
        assert!(figures("民國114年,數十個國家,几十名").is_empty(), "Taiwan's years and vague counts");
        assert_eq!(figures("分别对2处和1处"), ["2处|2|处", "1处|1|处"]);
        assert_eq!(figures("超过102个的秘密警察局"), ["102个|102|个"]);
        assert!(figures("判囚4年零9個月,判囚4年9個月").is_empty(), "months after years are of one term");
        assert!(figures("中瑞两国双边关系,中、美兩國國旗").is_empty(), "both countries' relations count nothing");
        assert_eq!(figures("中克两国警察"), ["两国|2|国"]);
    }
}
