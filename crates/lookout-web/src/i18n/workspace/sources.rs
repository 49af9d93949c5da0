//! Sources: finding them, judging their kind and reliability, marking copies, and the statements
//! citing one.

/// The sources section's words.
#[derive(Debug)]
pub struct SourcesText {
    /// Heading.
    pub title: &'static str,
    /// Label of the search field.
    pub find: &'static str,
    /// Button.
    pub find_button: &'static str,
    /// Heading of the newest sources (no query).
    pub newest: &'static str,
    /// Shown when nothing matches.
    pub none: &'static str,
    /// Column.
    pub address: &'static str,
    /// Column.
    pub kind: &'static str,
    /// A kind guessed from the address; before the reason.
    pub guessed: &'static str,
    /// A kind judged by a person.
    pub judged: &'static str,
    /// Label.
    pub publisher: &'static str,
    /// Label.
    pub published: &'static str,
    /// Label.
    pub document: &'static str,
    /// Link to the public page.
    pub public_page: &'static str,
    /// Heading of the judgement in force.
    pub in_force: &'static str,
    /// Nobody has judged it.
    pub not_judged: &'static str,
    /// "by".
    pub by: &'static str,
    /// "on".
    pub on: &'static str,
    /// Heading of the form.
    pub judge_title: &'static str,
    /// Label.
    pub reliability: &'static str,
    /// Option: reliability not judged.
    pub reliability_none: &'static str,
    /// Reliability grades with their meaning.
    pub reliabilities: [(&'static str, &'static str); 6],
    /// Label.
    pub copy_of: &'static str,
    /// Hint.
    pub copy_of_hint: &'static str,
    /// Button.
    pub save: &'static str,
    /// Heading.
    pub copies: &'static str,
    /// "A copy of".
    pub copy_of_heading: &'static str,
    /// "Copied by".
    pub copied_by: &'static str,
    /// Heading.
    pub statements: &'static str,
    /// None.
    pub no_statements: &'static str,
    /// Column.
    pub entity: &'static str,
    /// Column.
    pub property: &'static str,
    /// Column.
    pub value: &'static str,
    /// Column.
    pub status: &'static str,
    /// Statement statuses, by code.
    pub statuses: [(&'static str, &'static str); 4],
    /// Shown when the list is cut.
    pub more: &'static str,
}

impl SourcesText {
    /// A statement's status in words.
    pub fn status(&self, code: &str) -> &'static str {
        self.statuses.iter().find(|(c, _)| *c == code).map_or("", |(_, w)| w)
    }

    /// A reliability grade with its meaning.
    pub fn reliability_words(&self, code: &str) -> &'static str {
        self.reliabilities.iter().find(|(c, _)| *c == code).map_or("", |(_, w)| w)
    }
}

/// English.
pub const EN: SourcesText = SourcesText {
    title: "Sources",
    find: "Address or host",
    find_button: "Find",
    newest: "Newest sources",
    none: "No source matches.",
    address: "Address",
    kind: "Kind",
    guessed: "guessed",
    judged: "judged",
    publisher: "Publisher",
    published: "Published",
    document: "Document",
    public_page: "Public page",
    in_force: "Judgement in force",
    not_judged: "No one has judged this source yet: its kind is a guess.",
    by: "by",
    on: "on",
    judge_title: "Judge this source",
    reliability: "Reliability",
    reliability_none: "Not judged",
    reliabilities: [
        ("A", "A — completely reliable"),
        ("B", "B — usually reliable"),
        ("C", "C — fairly reliable"),
        ("D", "D — not usually reliable"),
        ("E", "E — unreliable"),
        ("F", "F — cannot be judged"),
    ],
    copy_of: "A copy of",
    copy_of_hint: "The original's address or source id; empty: not a copy of anything.",
    save: "Save the judgement",
    copies: "Copies",
    copy_of_heading: "A copy of",
    copied_by: "Copied by",
    statements: "Statements citing it",
    no_statements: "No statement cites this source.",
    entity: "Entity",
    property: "Property",
    value: "Value",
    status: "Status",
    statuses: [("proposed", "waiting"), ("accepted", "accepted"), ("rejected", "rejected"), ("retracted", "withdrawn")],
    more: "Only the first 500 are listed.",
};

/// Simplified Chinese.
pub const ZH: SourcesText = SourcesText {
    title: "来源",
    find: "地址或域名",
    find_button: "查找",
    newest: "最新来源",
    none: "没有符合条件的来源。",
    address: "地址",
    kind: "类型",
    guessed: "推测",
    judged: "已判定",
    publisher: "发布者",
    published: "发布日期",
    document: "文件",
    public_page: "公开页面",
    in_force: "现行判定",
    not_judged: "尚无人判定此来源：其类型为推测。",
    by: "判定人",
    on: "日期",
    judge_title: "判定此来源",
    reliability: "可靠性",
    reliability_none: "未判定",
    reliabilities: [
        ("A", "A — 完全可靠"),
        ("B", "B — 通常可靠"),
        ("C", "C — 较为可靠"),
        ("D", "D — 通常不可靠"),
        ("E", "E — 不可靠"),
        ("F", "F — 无法判断"),
    ],
    copy_of: "转载自",
    copy_of_hint: "原始来源的地址或编号；留空表示不是任何来源的副本。",
    save: "保存判定",
    copies: "副本",
    copy_of_heading: "转载自",
    copied_by: "被以下来源转载",
    statements: "引用此来源的陈述",
    no_statements: "没有陈述引用此来源。",
    entity: "实体",
    property: "属性",
    value: "值",
    status: "状态",
    statuses: [("proposed", "待确认"), ("accepted", "已接受"), ("rejected", "已拒绝"), ("retracted", "已撤回")],
    more: "仅列出前 500 条。",
};
