//! Words that mean the same across languages: kinds of organisation, administrative levels,
//! Chinese provinces.

/// A kind of organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrgKind {
    /// 公安局, Public Security Bureau, PSB.
    PublicSecurityBureau,
    /// 同乡会, hometown / fellow townsmen / natives' association.
    HometownAssociation,
    /// 商会, chamber of commerce, business association.
    ChamberOfCommerce,
    /// 华侨华人联合会, federation of overseas Chinese.
    OverseasChineseFederation,
    /// 协会, an association of no stated kind.
    Association,
}

impl OrgKind {
    /// A name for explanations.
    pub fn as_str(self) -> &'static str {
        match self {
            OrgKind::PublicSecurityBureau => "public security bureau",
            OrgKind::HometownAssociation => "hometown association",
            OrgKind::ChamberOfCommerce => "chamber of commerce",
            OrgKind::OverseasChineseFederation => "overseas Chinese federation",
            OrgKind::Association => "association",
        }
    }

    /// Whether two kinds can name the same body ("Association" in English often renders 同乡会).
    pub fn compatible(self, other: OrgKind) -> bool {
        self == other
            || matches!(
                (self, other),
                (OrgKind::Association, OrgKind::HometownAssociation)
                    | (OrgKind::HometownAssociation, OrgKind::Association)
            )
    }
}

/// Chinese suffixes of organisation kinds, longest first.
pub const ZH_KINDS: &[(&str, OrgKind)] = &[
    ("华侨华人联合会", OrgKind::OverseasChineseFederation),
    ("华人华侨联合会", OrgKind::OverseasChineseFederation),
    ("同乡联谊总会", OrgKind::HometownAssociation),
    ("同乡联谊会", OrgKind::HometownAssociation),
    ("同乡总会", OrgKind::HometownAssociation),
    ("同乡会", OrgKind::HometownAssociation),
    ("联谊会", OrgKind::HometownAssociation),
    ("公安局", OrgKind::PublicSecurityBureau),
    ("公安", OrgKind::PublicSecurityBureau),
    ("警察局", OrgKind::PublicSecurityBureau),
    ("总商会", OrgKind::ChamberOfCommerce),
    ("商会", OrgKind::ChamberOfCommerce),
    ("侨联", OrgKind::OverseasChineseFederation),
    ("协会", OrgKind::Association),
    ("公会", OrgKind::Association),
];

/// English phrases of organisation kinds (lower case, words), longest first.
pub const EN_KINDS: &[(&str, OrgKind)] = &[
    ("federation of overseas chinese", OrgKind::OverseasChineseFederation),
    ("overseas chinese federation", OrgKind::OverseasChineseFederation),
    ("overseas chinese association", OrgKind::OverseasChineseFederation),
    ("fellow townsmen association", OrgKind::HometownAssociation),
    ("fellow villagers association", OrgKind::HometownAssociation),
    ("bureau of public security", OrgKind::PublicSecurityBureau),
    ("public security bureau", OrgKind::PublicSecurityBureau),
    ("municipal public security", OrgKind::PublicSecurityBureau),
    ("hometown association", OrgKind::HometownAssociation),
    ("natives association", OrgKind::HometownAssociation),
    ("native place association", OrgKind::HometownAssociation),
    ("chamber of commerce", OrgKind::ChamberOfCommerce),
    ("business association", OrgKind::ChamberOfCommerce),
    ("commerce association", OrgKind::ChamberOfCommerce),
    ("police bureau", OrgKind::PublicSecurityBureau),
    ("police department", OrgKind::PublicSecurityBureau),
    ("public security", OrgKind::PublicSecurityBureau),
    ("police", OrgKind::PublicSecurityBureau),
    ("psb", OrgKind::PublicSecurityBureau),
    ("association", OrgKind::Association),
];

/// Whether a Latin-script name may name one of the [`EN_KINDS`] (it has the last word of one).
pub fn mentions_kind(name: &str) -> bool {
    use std::sync::OnceLock;
    static LAST_WORDS: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    LAST_WORDS
        .get_or_init(|| {
            let mut words: Vec<&str> =
                EN_KINDS.iter().map(|(phrase, _)| phrase.rsplit(' ').next().unwrap_or(phrase)).collect();
            words.sort_unstable();
            words.dedup();
            aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(words)
                .expect("a few short words make an automaton")
        })
        .is_match(name)
}

/// Administrative levels: Chinese suffix, English words.
pub const LEVELS: &[(&str, &[&str])] = &[
    ("市", &["municipal", "city", "prefecture"]),
    ("县", &["county"]),
    ("区", &["district"]),
    ("省", &["province", "provincial"]),
];

/// Chinese provinces and province-level divisions: Chinese, English, GeoNames admin1 code.
pub const PROVINCES: &[(&str, &str, &str)] = &[
    ("安徽", "anhui", "01"),
    ("浙江", "zhejiang", "02"),
    ("江西", "jiangxi", "03"),
    ("江苏", "jiangsu", "04"),
    ("吉林", "jilin", "05"),
    ("青海", "qinghai", "06"),
    ("福建", "fujian", "07"),
    ("黑龙江", "heilongjiang", "08"),
    ("河南", "henan", "09"),
    ("河北", "hebei", "10"),
    ("湖南", "hunan", "11"),
    ("湖北", "hubei", "12"),
    ("新疆", "xinjiang", "13"),
    ("西藏", "tibet", "14"),
    ("甘肃", "gansu", "15"),
    ("广西", "guangxi", "16"),
    ("贵州", "guizhou", "18"),
    ("辽宁", "liaoning", "19"),
    ("内蒙古", "inner mongolia", "20"),
    ("宁夏", "ningxia", "21"),
    ("北京", "beijing", "22"),
    ("上海", "shanghai", "23"),
    ("山西", "shanxi", "24"),
    ("山东", "shandong", "25"),
    ("陕西", "shaanxi", "26"),
    ("天津", "tianjin", "28"),
    ("云南", "yunnan", "29"),
    ("广东", "guangdong", "30"),
    ("海南", "hainan", "31"),
    ("四川", "sichuan", "32"),
    ("重庆", "chongqing", "33"),
];

/// Two-character and longer Chinese surnames.
pub const COMPOUND_SURNAMES: &[&str] = &[
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "司徒", "夏侯", "长孙", "宇文",
    "端木", "轩辕",
];
