//! Reading the free-text conventions of the datasets: status chains, "per X" notes, bureau cells.

use lookout_core::StationStatus;

/// One step of a status cell, with its character span in the cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusStep {
    /// A known state, with its note (the text in parentheses after it).
    State {
        /// The state.
        state: StationStatus,
        /// The note, without parentheses.
        note: Option<String>,
        /// Character span of the whole step in the cell.
        span: (u32, u32),
    },
    /// A step written as prose ("review concluded, outcome not published").
    Prose {
        /// The text.
        text: String,
        /// Character span in the cell.
        span: (u32, u32),
    },
}

/// Splits `text` at top-level occurrences of `sep` (not inside parentheses), with character spans
/// of the trimmed parts.
pub fn split_top_level(text: &str, sep: char) -> Vec<(String, (u32, u32))> {
    let chars: Vec<char> = text.chars().collect();
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut start = 0usize;
    for i in 0..=chars.len() {
        let c = chars.get(i).copied();
        match c {
            Some('(') => depth += 1,
            Some(')') => depth -= 1,
            _ => {}
        }
        if c.is_none() || (c == Some(sep) && depth <= 0) {
            let mut a = start;
            let mut z = i;
            while a < z && chars[a].is_whitespace() {
                a += 1;
            }
            while z > a && chars[z - 1].is_whitespace() {
                z -= 1;
            }
            if a < z {
                parts.push((chars[a..z].iter().collect(), (a as u32, z as u32)));
            }
            start = i + 1;
        }
    }
    parts
}

/// Parses a status cell ("under_investigation; reported_closed (per Public Safety Minister)").
/// A step starting with an unknown snake_case word is an error naming it.
pub fn parse_status(cell: &str) -> Result<Vec<StatusStep>, String> {
    let mut steps = Vec::new();
    for (text, span) in split_top_level(cell, ';') {
        let token_end = text.find([' ', '(']).unwrap_or(text.len());
        let (token, rest) = text.split_at(token_end);
        let rest = rest.trim();
        match token.parse::<StationStatus>() {
            Ok(state) => {
                let note = rest.strip_prefix('(').and_then(|r| r.strip_suffix(')')).unwrap_or(rest).trim();
                steps.push(StatusStep::State { state, note: (!note.is_empty()).then(|| note.to_string()), span });
            }
            Err(_) => {
                let looks_like_state = !token.is_empty()
                    && token.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
                    && (token.contains('_') || rest.is_empty() || rest.starts_with('('));
                if looks_like_state {
                    let known: Vec<&str> = StationStatus::ALL.iter().map(|s| s.as_str()).collect();
                    return Err(format!("unknown status {token:?}; known: {}", known.join(", ")));
                }
                steps.push(StatusStep::Prose { text, span });
            }
        }
    }
    if steps.is_empty() {
        return Err("no status given".into());
    }
    Ok(steps)
}

/// Who makes a claim, from a note: "per X" (up to a comma or the end), or "X: …" when X is short
/// and capitalised ("Interior Ministry: DGSI monitoring").
pub fn claimant(note: &str) -> Option<String> {
    let lower = note.to_lowercase();
    let at = if lower.starts_with("per ") { Some(0) } else { lower.find(" per ").map(|i| i + 1) };
    if let Some(i) = at {
        let after = &note[i + 4..];
        let end = after.find([',', ';', ')']).unwrap_or(after.len());
        let who = after[..end].trim();
        return (!who.is_empty()).then(|| who.to_string());
    }
    let (head, _) = note.split_once(':')?;
    let head = head.trim();
    (head.chars().count() <= 60 && head.chars().next().is_some_and(char::is_uppercase)).then(|| head.to_string())
}

/// A bureau named in an `operating_bureau` cell: "Fuzhou PSB (per ABC via al-anwar)" → ("Fuzhou", note).
pub fn parse_bureau(cell: &str) -> Option<(String, Option<String>)> {
    let i = cell.find(" PSB")?;
    let place = cell[..i].trim();
    let after = cell[i + 4..].trim();
    let words: Vec<&str> = place.split_whitespace().collect();
    let plausible = !words.is_empty()
        && words.len() <= 3
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || c == '-')
        });
    if !plausible || !(after.is_empty() || after.starts_with('(')) {
        return None;
    }
    let note = after.strip_prefix('(').map(|r| r.strip_suffix(')').unwrap_or(r).trim().to_string());
    Some((place.to_string(), note.filter(|n| !n.is_empty())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_chains_split_at_top_level_semicolons_with_spans() {
        let cell = "under_investigation; closed_per_host_government (Minister: one station; which is not stated)";
        let steps = parse_status(cell).unwrap();
        assert_eq!(steps.len(), 2);
        match &steps[1] {
            StatusStep::State { state, note, span } => {
                assert_eq!(*state, StationStatus::ClosedPerHostGovernment);
                assert_eq!(note.as_deref(), Some("Minister: one station; which is not stated"));
                let text: String = cell.chars().skip(span.0 as usize).take((span.1 - span.0) as usize).collect();
                assert!(text.starts_with("closed_per_host_government"));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn prose_steps_are_kept_and_unknown_states_rejected() {
        let steps =
            parse_status("under_investigation (multi-agency review); review concluded, outcome not published").unwrap();
        assert!(
            matches!(&steps[1], StatusStep::Prose { text, .. } if text == "review concluded, outcome not published")
        );
        assert!(parse_status("closd").unwrap_err().contains("unknown status \"closd\""));
        assert!(parse_status("reported; under_investgation (police)").is_err());
        assert!(parse_status(" ; ").is_err());
    }

    #[test]
    fn claimants_come_from_per_notes_and_speaker_prefixes() {
        assert_eq!(claimant("per Public Safety Minister").as_deref(), Some("Public Safety Minister"));
        assert_eq!(
            claimant("officially closed in 2024 per Código Vidrio, as reported by Diálogo").as_deref(),
            Some("Código Vidrio")
        );
        assert_eq!(claimant("Interior Ministry: DGSI monitoring").as_deref(), Some("Interior Ministry"));
        assert_eq!(claimant("1 of 2 defendants"), None);
        assert_eq!(claimant("Hesse LKA + state Verfassungsschutz"), None);
    }

    #[test]
    fn bureaus_are_read_from_psb_cells() {
        assert_eq!(parse_bureau("Fuzhou PSB"), Some(("Fuzhou".into(), None)));
        assert_eq!(
            parse_bureau("Fuzhou PSB (per ABC via al-anwar)"),
            Some(("Fuzhou".into(), Some("per ABC via al-anwar".into())))
        );
        assert_eq!(
            parse_bureau("unconfirmed (Chinese embassy: set up at request of a Fuzhou overseas-Chinese association)"),
            None
        );
    }
}
