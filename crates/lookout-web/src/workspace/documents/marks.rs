//! A document's text cut into runs, each plain or a mention to mark (`<mark>`, rendered by the
//! template, which escapes the words). Mentions come with character offsets, in order; one that
//! starts inside the previous one, or does not fit the text, is left unmarked.

use lookout_ingest::{Kind, MentionRecord};

/// A run of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// Its words.
    pub text: String,
    /// The mention's kind (`place`, `organisation`, `figure`, `date`) when it is one.
    pub kind: Option<&'static str>,
    /// What the mention resolves to (an entity id, a country, a value, a date), for its title.
    pub about: String,
}

fn kind_code(kind: Kind) -> &'static str {
    match kind {
        Kind::Place => "place",
        Kind::Organisation => "organisation",
        Kind::Figure => "figure",
        Kind::Date => "date",
    }
}

/// What a mention resolves to, in a few words.
fn about(m: &MentionRecord) -> String {
    let value = m.value.map(|v| format!("{v} {}", m.unit.as_deref().unwrap_or_default()).trim().to_string());
    [m.entity_id.clone(), m.country.clone(), value, m.date.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ")
}

/// `text` in runs, its `mentions` marked.
pub fn runs(text: &str, mentions: &[MentionRecord]) -> Vec<Run> {
    // Character offset → byte offset, for every character boundary.
    let bytes: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
    let chars = bytes.len() - 1;
    let mut out = Vec::new();
    let mut at = 0; // characters
    let plain = |from: usize, to: usize| Run {
        text: text[bytes[from]..bytes[to]].to_string(),
        kind: None,
        about: String::new(),
    };
    for m in mentions {
        if m.start < at || m.end <= m.start || m.end > chars {
            continue;
        }
        if m.start > at {
            out.push(plain(at, m.start));
        }
        out.push(Run {
            text: text[bytes[m.start]..bytes[m.end]].to_string(),
            kind: Some(kind_code(m.kind)),
            about: about(m),
        });
        at = m.end;
    }
    if at < chars {
        out.push(plain(at, chars));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(kind: Kind, start: usize, end: usize) -> MentionRecord {
        MentionRecord {
            kind,
            text: String::new(),
            start,
            end,
            entity_id: Some("place-gn3169070".into()),
            country: None,
            value: None,
            unit: None,
            date: None,
        }
    }

    #[test]
    fn mentions_are_marked_by_characters_not_bytes() {
        let text = "福州市公安局 opened a station in Prato.";
        let runs = runs(text, &[mention(Kind::Organisation, 0, 6), mention(Kind::Place, 27, 32)]);
        let shown: Vec<(&str, Option<&str>)> = runs.iter().map(|r| (r.text.as_str(), r.kind)).collect();
        assert_eq!(
            shown,
            [
                ("福州市公安局", Some("organisation")),
                (" opened a station in ", None),
                ("Prato", Some("place")),
                (".", None)
            ]
        );
        assert_eq!(runs[2].about, "place-gn3169070");
    }

    #[test]
    fn overlapping_or_outlying_mentions_are_left_unmarked() {
        let text = "Fuzhou PSB";
        let runs =
            runs(text, &[mention(Kind::Organisation, 0, 10), mention(Kind::Place, 0, 6), mention(Kind::Date, 8, 40)]);
        assert_eq!(runs.len(), 1);
        assert_eq!(runs[0].text, "Fuzhou PSB");
        let all: String = super::runs("abc", &[mention(Kind::Date, 5, 9)]).into_iter().map(|r| r.text).collect();
        assert_eq!(all, "abc", "nothing of the text is lost");
    }
}
