//! Names across scripts: a query for `福州` also looks for `Fuzhou`, one for `Rotterdam` also for
//! `鹿特丹`. The table holds the gazetteer's cities and countries (each Chinese name with its
//! English one, and back) and, for the record's index, the names of each entity written in both
//! scripts (`福州市公安局` with `Fuzhou Public Security Bureau`). A query is read left to right,
//! the longest known name first: runs of Han characters by substrings, Latin text by runs of up
//! to four words.

use std::sync::OnceLock;

use lookout_geo::{without_level, Gazetteer};
use lookout_text::{fold, is_han};
use rustc_hash::FxHashMap;

/// Longest Chinese name looked up, in characters.
const MAX_HAN_CHARS: usize = 12;
/// Longest Latin name looked up, in words.
const MAX_LATIN_WORDS: usize = 4;
/// People from which a city's other Latin names are known too.
const LARGE_CITY: u64 = 100_000;
/// Most alternatives a query is widened with.
const MAX_ALTERNATIVES: usize = 12;

/// Known names (folded: simplified Han, lower-case Latin) → the same thing's names in the other
/// script, as written.
#[derive(Debug, Default, Clone)]
pub struct NameVariants {
    by_name: FxHashMap<String, Vec<String>>,
}

/// The key a name is looked up by: simplified, lower case, single spaces.
fn key(name: &str) -> String {
    fold(name).to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ")
}

fn has_han(name: &str) -> bool {
    name.chars().any(is_han)
}

impl NameVariants {
    /// The gazetteer's cities and countries, built on first use.
    pub fn gazetteer() -> &'static NameVariants {
        static SHARED: OnceLock<NameVariants> = OnceLock::new();
        SHARED.get_or_init(|| {
            let gazetteer = Gazetteer::shared();
            let mut table = NameVariants::default();
            for city in gazetteer.cities() {
                let chinese: Vec<&str> = city.zh_hans.iter().chain(&city.zh_hant).map(String::as_str).collect();
                if chinese.is_empty() {
                    continue;
                }
                let bare: Vec<&str> = chinese.iter().map(|n| without_level(n)).collect();
                // Every Chinese form (simplified, traditional, with and without level) finds the
                // English name and the other forms; the English name finds them all.
                table.add_group(&[&[city.name.as_str()][..], &chinese, &bare].concat());
                // A large city is also known by its other Latin names (New York for New York City).
                if city.population >= LARGE_CITY {
                    for name in city.latin_names.iter().filter(|n| n.chars().count() >= 4) {
                        table.add_one_way(name, &bare);
                    }
                }
            }
            // A curated alias names a place below the gazetteer's cut, placed at a city: its names
            // in both scripts are grouped by that city (each city holds one such place today).
            let mut aliases: FxHashMap<u32, Vec<&str>> = FxHashMap::default();
            for (alias, city) in gazetteer.aliases() {
                aliases.entry(city.geonameid).or_default().push(alias);
            }
            for names in aliases.values() {
                table.add_group(names);
            }
            for c in gazetteer.countries().iter() {
                let chinese: Vec<&str> = [&c.zh_hans, &c.zh_hant].into_iter().flatten().map(String::as_str).collect();
                let bare = c.name.strip_prefix("The ").unwrap_or(&c.name);
                table.add_group(&[&[bare][..], &chinese].concat());
                table.add_one_way(&c.name, &chinese);
            }
            table
        })
    }

    /// Records that these are names of one thing: each Han name finds the Latin ones and the
    /// other Han forms (荷兰 finds 荷蘭, which a text in traditional characters writes), each
    /// Latin name the Han ones.
    pub fn add_group(&mut self, names: &[&str]) {
        let (han, latin): (Vec<&str>, Vec<&str>) = names.iter().partition(|n| has_han(n));
        if han.is_empty() || latin.is_empty() {
            return;
        }
        for name in &han {
            let others: Vec<&str> = latin.iter().chain(han.iter().filter(|h| *h != name)).copied().collect();
            self.add_one_way(name, &others);
        }
        for name in &latin {
            self.add_one_way(name, &han);
        }
    }

    fn add_one_way(&mut self, name: &str, others: &[&str]) {
        let k = key(name);
        if others.is_empty() || k.chars().count() < 2 {
            return;
        }
        let list = self.by_name.entry(k).or_default();
        for other in others {
            if !list.iter().any(|o| o == other) {
                list.push((*other).to_string());
            }
        }
    }

    /// The names in the other script of the known names in `query`, longest first at each place.
    pub fn alternatives(&self, query: &str) -> Vec<String> {
        let mut found: Vec<String> = Vec::new();
        let mut push = |names: &[String]| {
            for n in names {
                if !found.contains(n) {
                    found.push(n.clone());
                }
            }
        };
        let folded = key(query);
        if let Some(names) = self.by_name.get(&folded) {
            push(names);
        }
        for run in han_runs(&folded) {
            let mut i = 0;
            while i < run.len() {
                let longest = (2..=MAX_HAN_CHARS.min(run.len() - i))
                    .rev()
                    .find_map(|n| self.by_name.get(&run[i..i + n].iter().collect::<String>()).map(|names| (n, names)));
                match longest {
                    Some((n, names)) => {
                        push(names);
                        i += n;
                    }
                    None => i += 1,
                }
            }
        }
        let words: Vec<&str> = folded
            .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-') || is_han(c))
            .filter(|w| !w.is_empty())
            .collect();
        let mut i = 0;
        while i < words.len() {
            let longest = (1..=MAX_LATIN_WORDS.min(words.len() - i)).rev().find_map(|n| {
                let name = words[i..i + n].join(" ");
                let long_enough = n > 1 || name.chars().count() >= 3;
                long_enough.then(|| self.by_name.get(&name).map(|names| (n, names))).flatten()
            });
            match longest {
                Some((n, names)) => {
                    push(names);
                    i += n;
                }
                None => i += 1,
            }
        }
        found.truncate(MAX_ALTERNATIVES);
        found
    }

    /// Both tables' alternatives, this one's first.
    pub fn alternatives_with(&self, other: &NameVariants, query: &str) -> Vec<String> {
        let mut all = self.alternatives(query);
        for n in other.alternatives(query) {
            if !all.contains(&n) {
                all.push(n);
            }
        }
        all.truncate(MAX_ALTERNATIVES);
        all
    }
}

/// The runs of Han characters in a text, as characters.
fn han_runs(text: &str) -> Vec<Vec<char>> {
    let mut runs: Vec<Vec<char>> = vec![Vec::new()];
    for c in text.chars() {
        match (is_han(c), runs.last_mut()) {
            (true, Some(run)) => run.push(c),
            (false, Some(run)) if !run.is_empty() => runs.push(Vec::new()),
            _ => {}
        }
    }
    runs.retain(|r| r.len() >= 2);
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cities_and_countries_in_both_directions() {
        let g = NameVariants::gazetteer();
        assert!(g.alternatives("福州").contains(&"Fuzhou".to_string()));
        assert!(g.alternatives("福州市").contains(&"Fuzhou".to_string()));
        assert!(g.alternatives("fuzhou").contains(&"福州".to_string()));
        assert!(g.alternatives("Rotterdam").contains(&"鹿特丹".to_string()));
        assert!(g.alternatives("鹿特丹").contains(&"Rotterdam".to_string()));
        assert!(g.alternatives("荷兰").contains(&"Netherlands".to_string()));
        assert!(g.alternatives("荷兰").contains(&"荷蘭".to_string()), "the traditional form too");
        assert!(g.alternatives("Netherlands").contains(&"荷蘭".to_string()));
        assert!(g.alternatives("the Netherlands").contains(&"荷兰".to_string()));
        assert!(g.alternatives("青田").contains(&"Qingtian".to_string()), "curated aliases count");
        let in_sentence = g.alternatives("福州市公安局在都柏林");
        assert!(in_sentence.contains(&"Fuzhou".to_string()) && in_sentence.contains(&"Dublin".to_string()));
        assert!(g.alternatives("new york police").contains(&"纽约".to_string()), "names of several words");
        assert!(g.alternatives("公安局").is_empty() && g.alternatives("of").is_empty());
    }

    #[test]
    fn groups_of_one_entity() {
        let mut t = NameVariants::default();
        t.add_group(&["Fuzhou Public Security Bureau", "Fuzhou PSB", "福州市公安局"]);
        assert_eq!(t.alternatives("福州市公安局"), ["Fuzhou Public Security Bureau", "Fuzhou PSB"]);
        assert_eq!(t.alternatives("fuzhou psb"), ["福州市公安局"]);
        let both = t.alternatives_with(NameVariants::gazetteer(), "福州市公安局");
        assert_eq!(both[..2], ["Fuzhou Public Security Bureau", "Fuzhou PSB"]);
        assert!(both.contains(&"Fuzhou".to_string()));
    }
}
