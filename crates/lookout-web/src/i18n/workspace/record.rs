//! The record in the workspace: finding entities, an entity's statements and history, and the
//! forms that add, withdraw and create.

/// The record pages' words.
#[derive(Debug)]
pub struct WsRecordText {
    /// Heading.
    pub title: &'static str,
    /// Search label.
    pub find: &'static str,
    /// Option.
    pub any_schema: &'static str,
    /// Button.
    pub search: &'static str,
    /// Links to the creation forms.
    pub new_station: &'static str,
    /// Link.
    pub new_body: &'static str,
    /// Link.
    pub new_organization: &'static str,
    /// Link to the public page.
    pub public_page: &'static str,
    /// Heading.
    pub statements: &'static str,
    /// Column.
    pub property: &'static str,
    /// Column.
    pub value: &'static str,
    /// Column.
    pub source: &'static str,
    /// Column.
    pub grade: &'static str,
    /// Column.
    pub status: &'static str,
    /// Column.
    pub recorded: &'static str,
    /// Button.
    pub withdraw: &'static str,
    /// Label.
    pub reason: &'static str,
    /// Heading.
    pub add_statement: &'static str,
    /// Label.
    pub existing_source: &'static str,
    /// Label.
    pub new_source_url: &'static str,
    /// Label.
    pub source_kind: &'static str,
    /// Label.
    pub reliability: &'static str,
    /// Label.
    pub credibility: &'static str,
    /// Label.
    pub quote: &'static str,
    /// Label.
    pub locator: &'static str,
    /// Label.
    pub claimant: &'static str,
    /// Label.
    pub stance: &'static str,
    /// Stance options.
    pub stances: [(&'static str, &'static str); 2],
    /// Label.
    pub valid_from: &'static str,
    /// Label.
    pub valid_to: &'static str,
    /// Hint for dates.
    pub date_hint: &'static str,
    /// Button.
    pub add: &'static str,
    /// Shown above an add form refused because the entity changed since it was shown.
    pub entity_changed: &'static str,
    /// Heading.
    pub history: &'static str,
    /// History line: recorded.
    pub recorded_event: &'static str,
    /// Statuses, by code.
    pub statuses: [(&'static str, &'static str); 4],
    /// Decisions on whether two entities are one, by code (history lines).
    pub decisions: [(&'static str, &'static str); 4],
    /// Heading of the creation form.
    pub create: &'static str,
    /// Label.
    pub name: &'static str,
    /// Label.
    pub city: &'static str,
    /// Hint.
    pub city_hint: &'static str,
    /// Label.
    pub country: &'static str,
    /// Label.
    pub bureau: &'static str,
    /// Button.
    pub create_button: &'static str,
    /// Heading: public figure.
    pub public_figure: &'static str,
    /// Intro: what marking does.
    pub public_figure_intro: &'static str,
    /// Button.
    pub mark_public: &'static str,
    /// Button.
    pub mark_restricted: &'static str,
    /// Shown when nothing matches.
    pub none: &'static str,
}

/// English.
pub const EN: WsRecordText = WsRecordText {
    title: "Record",
    find: "Name or id",
    any_schema: "Any kind",
    search: "Find",
    new_station: "New station",
    new_body: "New public body",
    new_organization: "New organisation",
    public_page: "Public page",
    statements: "Statements",
    property: "Property",
    value: "Value",
    source: "Source",
    grade: "Grade",
    status: "Status",
    recorded: "Recorded",
    withdraw: "Withdraw",
    reason: "Reason",
    add_statement: "Add a statement",
    existing_source: "A source of the record (its id)",
    new_source_url: "or a new source's address",
    source_kind: "Kind of the new source",
    reliability: "Reliability (A–F)",
    credibility: "Credibility (1–6)",
    quote: "Quote",
    locator: "Page or place in the source",
    claimant: "Claimant (who says so, if the source reports someone else's claim)",
    stance: "Stance",
    stances: [("asserts", "asserts"), ("denies", "denies")],
    valid_from: "Valid from",
    valid_to: "Valid to",
    date_hint: "YYYY, YYYY-MM or YYYY-MM-DD",
    add: "Add",
    entity_changed: "This entity changed after you opened the form (another account recorded something about it), so nothing was added. Its statements and history above are as they are now; your input is kept below: check it against them and add again if it is still needed.",
    history: "History",
    recorded_event: "recorded",
    statuses: [("proposed", "waiting for confirmation"), ("accepted", "public"), ("rejected", "rejected"), ("retracted", "withdrawn")],
    decisions: [
        ("match", "decided the same entity as"),
        ("no-match", "decided a different entity from"),
        ("unsure", "left undecided against"),
        ("undone", "undid the decision on"),
    ],
    create: "Create",
    name: "Name",
    city: "City",
    city_hint: "As the gazetteer knows it, in English or Chinese (Fuzhou, 福州)",
    country: "Country (two-letter code)",
    bureau: "Operating bureau (its id or name)",
    create_button: "Create",
    public_figure: "Public figure",
    public_figure_intro: "A person stays out of every public page unless a reviewer or admin marks them a public figure (an official, a defendant named in court records), citing the source that makes them one.",
    mark_public: "Mark a public figure",
    mark_restricted: "Restrict again",
    none: "Nothing found.",
};

/// Simplified Chinese.
pub const ZH: WsRecordText = WsRecordText {
    title: "记录",
    find: "名称或编号",
    any_schema: "所有类别",
    search: "查找",
    new_station: "新建服务站",
    new_body: "新建公共机构",
    new_organization: "新建组织",
    public_page: "公开页面",
    statements: "陈述",
    property: "属性",
    value: "值",
    source: "来源",
    grade: "评级",
    status: "状态",
    recorded: "记录",
    withdraw: "撤回",
    reason: "理由",
    add_statement: "添加陈述",
    existing_source: "记录中已有的来源（编号）",
    new_source_url: "或新来源的网址",
    source_kind: "新来源的类型",
    reliability: "可靠性（A–F）",
    credibility: "可信度（1–6）",
    quote: "引文",
    locator: "来源中的页码或位置",
    claimant: "声称者（来源转述他人说法时）",
    stance: "立场",
    stances: [("asserts", "肯定"), ("denies", "否认")],
    valid_from: "起始日期",
    valid_to: "截止日期",
    date_hint: "YYYY、YYYY-MM 或 YYYY-MM-DD",
    add: "添加",
    entity_changed: "您打开此表单后，该实体已有变更（其他账户记录了与之相关的内容），因此没有添加任何内容。上方的陈述和历史为当前状态；您的输入保留在下方：请对照核实，如仍需要请再次添加。",
    history: "历史",
    recorded_event: "记录",
    statuses: [("proposed", "等待确认"), ("accepted", "已公开"), ("rejected", "已拒绝"), ("retracted", "已撤回")],
    decisions: [
        ("match", "判定为同一实体："),
        ("no-match", "判定为不同实体："),
        ("unsure", "暂未判定："),
        ("undone", "撤销判定："),
    ],
    create: "新建",
    name: "名称",
    city: "城市",
    city_hint: "地名库中的英文或中文名（Fuzhou、福州）",
    country: "国家（两字母代码）",
    bureau: "运营机构（编号或名称）",
    create_button: "新建",
    public_figure: "公众人物",
    public_figure_intro:
        "个人不会出现在任何公开页面，除非审核员或管理员引用来源将其标记为公众人物（官员、法庭记录中的被告）。",
    mark_public: "标记为公众人物",
    mark_restricted: "重新设为受限",
    none: "没有找到。",
};
