//! The jieba segments of a Chinese text's runs, cut where places are told apart: a country's name
//! jieba keeps whole with another place's (美国纽约) cut in two, and a place's name it cuts in
//! pieces (克羅埃西亞, 列治文) joined again.

use super::names::Names;
use super::segment::Word;

/// The segments as the places finder reads them.
pub(super) fn places_cut<'t>(text: &'t str, segments: Vec<Word<'t>>, n: &Names) -> Vec<Word<'t>> {
    join_split_names(text, split_country_openings(segments, n), n)
}

/// Segments jieba kept whole that open with a country's name before another place's (美国纽约,
/// 美国 + 纽约), cut in two.
fn split_country_openings<'t>(segments: Vec<Word<'t>>, n: &Names) -> Vec<Word<'t>> {
    let country =
        |s: &str| n.countries_zh.contains_key(s) || n.countries_zh.contains_key(lookout_text::fold(s).as_str());
    let mut out = Vec::with_capacity(segments.len());
    for s in segments {
        // Four characters at least (a Han character is three bytes); a name that may open it is
        // told by the openings' table before any lookup.
        let cut = (s.text.len() >= 12)
            .then(|| {
                s.text.char_indices().skip(2).take(3).map(|(at, _)| at).find(|&at| {
                    let rest = &s.text[at..];
                    n.may_be_chinese_name(&s.text[..at])
                        && rest.chars().count() >= 2
                        && (n.may_be_chinese_name(rest) || country(rest))
                        && country(&s.text[..at])
                })
            })
            .flatten();
        match cut {
            Some(at) => {
                out.push(Word { text: &s.text[..at], start: s.start, end: s.start + at });
                out.push(Word { text: &s.text[at..], start: s.start + at, end: s.end });
            }
            None => out.push(s),
        }
    }
    out
}

/// Segments jieba cut inside a place's name, joined: 克羅埃西亞 (Croatia as Taiwan writes it) is
/// cut as 克罗 + 埃西亚 once folded to simplified characters, 列治文 (Richmond) as 列治 + 文. Two or
/// three adjacent segments of two characters or fewer whose characters together name a country,
/// or a city by a name of three characters or more (two single characters make too many words:
/// 大 + 同).
fn join_split_names<'t>(text: &'t str, segments: Vec<Word<'t>>, n: &Names) -> Vec<Word<'t>> {
    // A segment's words are as written: the tables hold each name in both scripts. The openings'
    // table answers most asks before any lookup.
    let names_place = |s: &str| {
        n.may_be_chinese_name(s)
            && (n.countries_zh.contains_key(s) || s.chars().count() >= 3 && n.chinese.contains_key(s))
    };
    let mut out: Vec<Word<'t>> = Vec::with_capacity(segments.len());
    let mut i = 0;
    while i < segments.len() {
        let joined = (2..=3).rev().find_map(|k| {
            let run = segments.get(i..i + k)?;
            let short = run.iter().all(|w| w.text.len() <= 6) && run.windows(2).all(|p| p[0].end == p[1].start);
            let (start, end) = (run[0].start, run[k - 1].end);
            (short && names_place(&text[start..end])).then_some((k, start, end))
        });
        match joined {
            Some((k, start, end)) => {
                out.push(Word { text: &text[start..end], start, end });
                i += k;
            }
            None => {
                out.push(segments[i]);
                i += 1;
            }
        }
    }
    out
}
