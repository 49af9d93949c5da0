//! Foreign people's names written in Chinese, whose characters may spell a place (贝尔伯克 holds
//! 贝尔, 门迪奇诺 holds 奇诺): told by the title before them or the middle dot inside them.

/// Titles before a person's name in Chinese (部长贝尔伯克, 检察官布雷恩·皮斯).
const CHINESE_TITLES: &[&str] = &[
    "部长",
    "部長",
    "检察官",
    "檢察官",
    "局长",
    "局長",
    "大臣",
    "总统",
    "總統",
    "总理",
    "總理",
    "主席",
    "发言人",
    "發言人",
    "议员",
    "議員",
    "大使",
    "市长",
    "市長",
    "州长",
    "州長",
    "官员",
    "官員",
    "首相",
    "参议员",
    "參議員",
];

/// Characters that join words rather than spell a name (部长访问东京 is no name).
const JOINING: &str = "在访訪到赴于於与與和及的对對从從向";

/// Middle dots, which join a foreign person's given name and surname written in Chinese.
const NAME_DOTS: [char; 4] = ['·', '‧', '・', '•'];

/// English words that end the name of a place or a body, not a person's (皇家墨尔本医院 (Royal
/// Melbourne Hospital), 曼哈頓大橋 (Manhattan Bridge)).
const PLACE_AND_BODY_HEADS: &[&str] = &[
    "Hospital",
    "Bridge",
    "Court",
    "Street",
    "Road",
    "Avenue",
    "Square",
    "Park",
    "Airport",
    "Port",
    "Station",
    "University",
    "College",
    "School",
    "Institute",
    "Church",
    "Temple",
    "Centre",
    "Center",
    "Hall",
    "House",
    "Building",
    "Tower",
    "Mall",
    "Market",
    "Town",
    "City",
    "Village",
    "County",
    "District",
    "Province",
    "Region",
    "Island",
    "Islands",
    "Lake",
    "River",
    "Bay",
    "Mount",
    "Mountain",
    "Valley",
    "Beach",
    "Association",
    "Society",
    "Council",
    "Committee",
    "Ministry",
    "Department",
    "Bureau",
    "Office",
    "Police",
    "Embassy",
    "Consulate",
    "Federation",
    "Union",
    "Party",
    "Group",
    "Company",
    "Bank",
    "Club",
    "Foundation",
    "Agency",
    "Service",
];

/// Most names [`SpeltPersons`] keeps of one document.
const MAX_SPELT: usize = 64;

/// The foreign people's names a document writes in Chinese and spells in Latin letters just
/// after, in parentheses (巴登諾克（Kemi Badenoch）, 而施凱爾（Keir Starmer）, 主席蓋拉格(Mike
/// Gallagher)): the Chinese characters before the parenthesis, at most four (a word before the
/// name may come with them), where the Latin is two or three capitalised words, none a head of a
/// place's or a body's name. A place that is a piece of one of them is no place anywhere in the
/// document (巴登 of 巴登諾克, 凱爾 of 施凱爾).
pub(super) struct SpeltPersons {
    /// At most [`MAX_SPELT`].
    spelt: Vec<String>,
}

impl SpeltPersons {
    /// The names `text` spells.
    pub(super) fn of(text: &str) -> SpeltPersons {
        let mut spelt = Vec::new();
        for (at, open) in text.match_indices(['(', '（']) {
            // A document spells a few; a text of thousands is no document.
            if spelt.len() == MAX_SPELT {
                break;
            }
            if !spelt_as_a_person(&text[at + open.len()..]) {
                continue;
            }
            let of_name = |c: char| lookout_text::is_han(c) && !JOINING.contains(c);
            // The last (at most four) characters of the name before the parenthesis, read backwards.
            let mut before = text[..at].chars().rev().peekable();
            let mut run = String::new();
            for _ in 0..4 {
                match before.next_if(|&c| of_name(c)) {
                    Some(c) => run.push(c),
                    None => break,
                }
            }
            // A name in parts joined by a hyphen or a middle dot (卡琳·凯勒-苏特(Karin
            // Keller-Sutter)) is spelt whole; a longer run of characters is no name's part.
            if before.peek().is_none_or(|&c| !of_name(c)) {
                let more: String =
                    before.take_while(|&c| of_name(c) || c == '-' || NAME_DOTS.contains(&c)).take(8).collect();
                run.push_str(more.trim_end_matches(|c: char| c == '-' || NAME_DOTS.contains(&c)));
            }
            if run.chars().count() >= 2 && !spelt.iter().any(|s: &String| s.chars().eq(run.chars().rev())) {
                spelt.push(run.chars().rev().collect());
            }
        }
        SpeltPersons { spelt }
    }
}

/// Whether `inner` (what follows an opening parenthesis) is a person's name in Latin letters: two or
/// three capitalised words up to the closing one, none a head of a place's or a body's name.
fn spelt_as_a_person(inner: &str) -> bool {
    // The closing parenthesis is looked for near, not through a text of openings alone.
    let near = &inner[..inner.floor_char_boundary(48)];
    let Some(close) = near.find([')', '）']) else { return false };
    let words: Vec<&str> = inner[..close].split_whitespace().collect();
    // Each part of a double name is capitalised too (Keller-Sutter).
    let capitalised = |w: &&str| {
        w.split('-').all(|part| {
            let mut chars = part.chars();
            chars.next().is_some_and(|c| c.is_ascii_uppercase())
                && chars.all(|c| c.is_ascii_lowercase() || "'’".contains(c))
        })
    };
    (2..=3).contains(&words.len())
        && words.iter().all(capitalised)
        && !words.iter().any(|w| PLACE_AND_BODY_HEADS.contains(w))
}

/// Whether the Chinese place name at `start..end` of `text` is a piece of a foreign person's name
/// written in Chinese: a title stands just before it, or at most two characters before (部長門迪奇諾);
/// a name's middle dot stands just after it, at most two characters on (布雷恩·皮斯), or just
/// before it, after a Chinese character (詹姆斯·帕特森); or it is a piece of a name the document
/// spells in Latin letters somewhere ([`SpeltPersons`]: 拉格 of 蓋拉格(Mike Gallagher), wherever
/// 拉格 stands in it).
pub(super) fn in_a_persons_name(text: &str, start: usize, end: usize, persons: &SpeltPersons) -> bool {
    if text[end..].chars().take(3).any(|c| NAME_DOTS.contains(&c)) {
        return true;
    }
    let mut back = text[..start].chars().rev();
    if back.next().is_some_and(|c| NAME_DOTS.contains(&c)) && back.next().is_some_and(lookout_text::is_han) {
        return true;
    }
    if persons.spelt.iter().any(|run| run.len() > end - start && run.contains(&text[start..end])) {
        return true;
    }
    let mut before = &text[..start];
    for _ in 0..=2 {
        if CHINESE_TITLES.iter().any(|t| before.ends_with(t)) {
            return true;
        }
        match before.chars().next_back() {
            Some(c) if lookout_text::is_han(c) && !JOINING.contains(c) => {
                before = &before[..before.len() - c.len_utf8()]
            }
            _ => return false,
        }
    }
    false
}
