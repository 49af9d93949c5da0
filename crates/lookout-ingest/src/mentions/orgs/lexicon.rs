//! The words organisations are told by: the heads of English names ("Department", "Police",
//! "Association"), acronyms and names of well-known bodies that carry no such head ("FBI",
//! "Europol", "Twitter"), the title and function words that open no name, and the Chinese heads
//! (部, 委员会, 使馆) with the tokens that may stand before them. [`Lexicon`] holds them as sets,
//! built once: the finders ask of every capitalised word and of every Chinese word.

use rustc_hash::FxHashSet;

/// Words that make a capitalised phrase a body's name when they head it (last, or before
/// "of"/"for"/"on"/"in"): "Justice Department", "Ministry of Public Security".
pub(super) const EN_HEADS: &[&str] = &[
    "Academy",
    "Administration",
    "Agency",
    "Airlines",
    "Airways",
    "Alliance",
    "Army",
    "Assembly",
    "Association",
    "Authority",
    "Bank",
    "Branch",
    "Broadcasting",
    "Bureau",
    "Cabinet",
    "Caucus",
    "Chamber",
    "Co",
    "Coalition",
    "College",
    "Command",
    "Commission",
    "Committee",
    "Commons",
    "Company",
    "Congress",
    "Constabulary",
    "Consulate",
    "Corp",
    "Corporation",
    "Council",
    "Court",
    "Defenders",
    "Department",
    "Directorate",
    "Division",
    "Embassy",
    "Federation",
    "Force",
    "Forces",
    "Foundation",
    "Front",
    "Fund",
    "Gendarmerie",
    "Government",
    "Group",
    "Guard",
    "House",
    "Inc",
    "Institute",
    "Institution",
    "International",
    "Legislature",
    "Library",
    "LLC",
    "Lords",
    "Ltd",
    "Ministry",
    "Mission",
    "Museum",
    "Network",
    "Office",
    "Organisation",
    "Organization",
    "Parliament",
    "Party",
    "Police",
    "Procuratorate",
    "Project",
    "Prosecutor",
    "School",
    "Secretariat",
    "Senate",
    "Service",
    "Services",
    "Society",
    "Taskforce",
    "Team",
    "Tribunal",
    "Union",
    "University",
    "Watch",
    "Yuan",
];

/// Heads of newsrooms' names: after another body's head they name the body's newsroom ("United
/// States Department of Justice News"), and the body is the name.
pub(super) const EN_MEDIA_HEADS: &[&str] = &[
    "News",
    "Nieuws",
    "Press",
    "Times",
    "Post",
    "Herald",
    "Tribune",
    "Journal",
    "Radio",
    "Television",
    "Shimbun",
    "Ilbo",
    "Zeitung",
    "Gazette",
    "Telegraph",
    "Chronicle",
    "Observer",
    "Courier",
];

/// Acronyms of places that are not countries' names.
pub(super) const PLACE_ACRONYMS: &[&str] =
    &["PRC", "ROC", "US", "USA", "UK", "NYC", "GTA", "DC", "LA", "HK", "SAR", "UAE"];

/// Words for a newsroom, beside which capitalised words name one ("the publication Directus",
/// "the Frankfurter Allgemeine newspaper").
pub(super) const EN_MEDIA_WORDS: &[&str] = &[
    "newspaper",
    "daily",
    "publication",
    "broadcaster",
    "outlet",
    "magazine",
    "tabloid",
    "weekly",
    "website",
    "agency",
    "portal",
];

/// Heads that name one body standing alone, capitalised: "the Government", "the Commission".
pub(super) const EN_SOLE_HEADS: &[&str] =
    &["Government", "Parliament", "Commission", "Congress", "Senate", "House", "Times"];

/// Heads that count in lower case after a country's name or demonym: "the Chinese embassy".
pub(super) const EN_LOWER_HEADS: &[&str] = &["embassy", "consulate"];

/// What a ministry is of, in lower case before "ministry": a body however it is introduced ("its
/// foreign ministry", "the Dutch interior ministry").
pub(super) const EN_MINISTRY_FIELDS: &[&str] =
    &["foreign", "interior", "justice", "defence", "defense", "finance", "home", "security", "trade", "economy"];

/// Last words that make a phrase a station's or a place's name, never a body's.
pub(super) const EN_NOT_LAST: &[&str] =
    &["Station", "Stations", "Centre", "Centres", "Center", "Centers", "Street", "Road"];

/// Heads of a country's missions abroad, which name where they are ("Embassy of China in
/// Ireland"); another body's "in" says where it acts ("Royal Canadian Mounted Police in
/// Hemmingford").
pub(super) const MISSIONS: &[&str] = &["Embassy", "Consulate", "Consulate-General", "Mission", "Delegation"];

/// Heads written abbreviated, with a dot after them ("Corp.", "Inc.").
pub(super) const ABBREVIATED_HEADS: &[&str] = &["Corp", "Inc", "Ltd", "Co", "Bros"];

/// Acronyms of bodies, recognised wherever they stand.
pub(super) const EN_ACRONYMS: &[&str] = &[
    "AAP", "ABC", "AfD", "AFP", "AIVD", "ANI", "ANP", "ANSA", "AP", "APA", "ARD", "ASIO", "ASPI", "BBC", "BfV", "BND",
    "CBC", "CBS", "CCP", "CDA", "CDU", "CECC", "CGTN", "CHRD", "CIA", "CNA", "CNN", "CPC", "CSIS", "CSU", "CTK", "CTV",
    "DGSI", "DHS", "DOJ", "DPA", "DW", "EFE", "EPP", "FBI", "FDP", "GCHQ", "HKDC", "HRW", "IANS", "ICIJ", "IPAC",
    "ITV", "KBS", "KMT", "MBC", "MI5", "MI6", "MPS", "MSNBC", "MSS", "MTI", "NATO", "NBC", "NCA", "NDP", "NHK", "NIS",
    "NOS", "NPR", "NRC", "NRK", "NSA", "NTB", "NTD", "NYPD", "OCAC", "OHCHR", "ORF", "OSCE", "PBS", "PLA", "PSOE",
    "PTI", "PvdA", "PVV", "RAI", "RCMP", "RFA", "RFI", "RNZ", "RTBF", "RTE", "RTHK", "RTL", "RTP", "RTVE", "SBS",
    "SCMP", "SIC", "SPD", "SRF", "STT", "SVT", "TASS", "TT", "TVB", "TVE", "TVNZ", "UFWD", "UN", "UNHCR", "UNHRC",
    "USCIRF", "VOA", "VRT", "VVD", "WUC", "YLE", "ZDF",
];

/// Capitalised words that open a sentence or a phrase but no body's name.
pub(super) const EN_OPENERS: &[&str] = &[
    "A",
    "According",
    "After",
    "Copyright",
    "All",
    "Also",
    "An",
    "And",
    "As",
    "At",
    "Before",
    "Both",
    "But",
    "By",
    "Dear",
    "During",
    "Each",
    "Earlier",
    "For",
    "From",
    "He",
    "Her",
    "Here",
    "His",
    "However",
    "I",
    "If",
    "In",
    "It",
    "Its",
    "Last",
    "Many",
    "Meanwhile",
    "Mr",
    "Mrs",
    "NGO",
    "Ms",
    "My",
    "On",
    "Or",
    "Our",
    "Several",
    "She",
    "Since",
    "So",
    "Some",
    "That",
    "The",
    "Their",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Under",
    "We",
    "When",
    "While",
    "With",
    "Yesterday",
    "Today",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Words of a person's title: a phrase that opens with one names a person or an office, not a body.
pub(super) const EN_TITLES: &[&str] = &[
    "Agent",
    "Ambassador",
    "Assistant",
    "Attorney",
    "Chair",
    "Chairman",
    "Chairwoman",
    "Chancellor",
    "Chief",
    "Commander",
    "Commander-in-Chief",
    "Commissioner",
    "Congressman",
    "Congresswoman",
    "Deputy",
    "Director",
    "Dr",
    "Governor",
    "Inspector",
    "Judge",
    "MEP",
    "MP",
    "Officers",
    "Officials",
    "Mayor",
    "Members",
    "Minister",
    "Premier",
    "President",
    "Prime",
    "Rep",
    "Representative",
    "Secretary",
    "Sen",
    "Senator",
    "Spokesman",
    "Spokesperson",
    "Spokeswoman",
    "Superintendent",
    "TD",
    "Vice",
];

/// Lower-case words that may join a body's name: "Ministry of Public Security", "Committee on
/// Foreign Affairs", "Embassy of China in Ireland", "Department of Foreign Affairs and Trade".
pub(super) const EN_JOINERS: &[&str] = &["of", "for", "on", "in", "and", "the", "de", "du", "des"];

/// The word lists as sets (each asked of nearly every word of a text).
pub(crate) struct Lexicon {
    pub(super) heads: FxHashSet<&'static str>,
    pub(super) sole_heads: FxHashSet<&'static str>,
    pub(super) media_heads: FxHashSet<&'static str>,
    pub(super) not_last: FxHashSet<&'static str>,
    pub(super) openers: FxHashSet<&'static str>,
    pub(super) titles: FxHashSet<&'static str>,
    pub(super) acronyms: FxHashSet<&'static str>,
    pub(super) names: FxHashSet<&'static str>,
    /// The names of [`super::en_names::EN_NAMES`] written with a masthead's "The" ("The
    /// Herald"), without it: each names its body only after "The".
    pub(super) after_the: FxHashSet<&'static str>,
    /// The first words of [`super::en_names::EN_NAMES`], with the most words a name opening with
    /// each has: a phrase opening with none of them holds no such name.
    pub(super) name_firsts: rustc_hash::FxHashMap<&'static str, usize>,
    /// The Chinese bodies known by name, found in one pass.
    pub(super) zh_names: aho_corasick::AhoCorasick,
    /// The Chinese heads.
    pub(super) zh_heads: FxHashSet<&'static str>,
    /// Heads, names and the last characters of bodies' names: a run of Han characters holding
    /// none names no body.
    pub(super) zh_triggers: aho_corasick::AhoCorasick,
}

impl Lexicon {
    /// The sets.
    pub(crate) fn new() -> Lexicon {
        let set = |words: &[&'static str]| words.iter().copied().collect::<FxHashSet<&'static str>>();
        Lexicon {
            heads: EN_HEADS.iter().chain(EN_MEDIA_HEADS).copied().collect(),
            sole_heads: set(EN_SOLE_HEADS),
            media_heads: set(EN_MEDIA_HEADS),
            not_last: set(EN_NOT_LAST),
            openers: set(EN_OPENERS),
            titles: set(EN_TITLES),
            acronyms: set(EN_ACRONYMS),
            names: set(super::en_names::EN_NAMES),
            after_the: super::en_names::EN_NAMES.iter().filter_map(|name| name.strip_prefix("The ")).collect(),
            name_firsts: super::en_names::EN_NAMES.iter().fold(rustc_hash::FxHashMap::default(), |mut firsts, name| {
                let words = crate::mentions::segment::latin_words(name.strip_prefix("The ").unwrap_or(name));
                let most = firsts.entry(words[0].text).or_insert(0);
                *most = (*most).max(words.len());
                firsts
            }),
            zh_names: aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .build(super::zh_words::NAMES)
                .expect("a few names make an automaton"),
            zh_heads: set(super::zh_words::HEADS),
            zh_triggers: aho_corasick::AhoCorasick::new(
                super::zh_words::HEADS
                    .iter()
                    .chain(super::zh_words::NAMES)
                    .chain(super::zh_words::WORD_NAMES)
                    .chain(super::zh_words::TRIGGERS),
            )
            .expect("a few words make an automaton"),
        }
    }
}
