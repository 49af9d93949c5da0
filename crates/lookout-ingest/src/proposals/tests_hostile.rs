//! Texts written to stall or crash the readers: one phrase over and over, with no full stop, so
//! that a whole upload is one sentence, one clause or one run of capitalised words. Each must be
//! read through (a reader that scans its sentence once per word it finds took minutes on a few
//! hundred kilobytes; one that reads "A and B and …" one level deeper per "and" overflowed its
//! stack), and what it reports must still be read.

use super::*;

/// `phrase` repeated to some 60 kB, after `opening`.
fn repeated(opening: &str, phrase: &str) -> String {
    format!("{opening}{}", phrase.repeat(60_000 / phrase.len()))
}

#[test]
fn a_text_of_one_phrase_over_and_over_is_read_through() {
    let cases = [
        (repeated("鹿特丹警察站", "被关闭了"), Some("closed")),
        (repeated("", "鹿特丹警察站被关闭，"), Some("closed")),
        (repeated("鹿特丹警察站", "设立服务"), Some("reported")),
        (repeated("", "2023年4月17日鹿特丹警察站被关闭"), Some("closed")),
        // No full stop: pieces of a sentence, which report nothing, but are read.
        (repeated("", "The Rotterdam police station was closed and officers arrested "), None),
        (repeated("", "The Rotterdam police station was closed. "), Some("closed")),
        (repeated("", "Ministry of Public Security and Federal Bureau of Investigation and "), None),
        // Openings of a name's Latin spelling that never close.
        (repeated("鹿特丹警察站被关闭了。", "巴登諾克（Kemi "), Some("closed")),
    ];
    for (text, status) in cases {
        let ms = mentions(&text);
        assert!(!ms.is_empty(), "no mention in {}", &text[..60]);
        let got = steps(&propose(&text, &ms, &known(), &doc()));
        if let Some(status) = status {
            assert!(
                got.iter().any(|(station, s, ..)| station == "station-ST033" && s == status),
                "{status} not read in {}: {got:?}",
                &text[..60]
            );
        }
        assert!(got.len() <= MAX_PER_DOCUMENT);
    }
}

#[test]
fn a_sentence_of_one_cue_over_and_over_keeps_a_few_of_its_places() {
    let lower = "警察站".to_string() + &"被关闭了".repeat(5_000);
    let found = cues::statuses(&lower, &lower);
    assert!(!found.is_empty() && found.len() <= 8, "{} places", found.len());
}
