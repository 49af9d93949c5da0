//! The inbox of proposals: filters, a proposal's page, accepting, rejecting, editing.

/// The inbox's words.
#[derive(Debug)]
pub struct InboxText {
    /// Heading.
    pub title: &'static str,
    /// Filter label.
    pub document: &'static str,
    /// Filter label.
    pub kind: &'static str,
    /// Filter label.
    pub status: &'static str,
    /// Option.
    pub any_kind: &'static str,
    /// Status options: open, accepted, rejected.
    pub statuses: [(&'static str, &'static str); 3],
    /// Kind labels, by code.
    pub kinds: [(&'static str, &'static str); 5],
    /// Button.
    pub filter: &'static str,
    /// Shown when nothing matches.
    pub none: &'static str,
    /// "of" in "1–50 of 300".
    pub of: &'static str,
    /// Pagination.
    pub previous: &'static str,
    /// Pagination.
    pub next: &'static str,
    /// Button: accept every open proposal of the document.
    pub accept_all: &'static str,
    /// Heading: the sentence in its paragraph.
    pub in_context: &'static str,
    /// Heading: the entities it concerns.
    pub concerns: &'static str,
    /// Heading: what accepting adds.
    pub will_add: &'static str,
    /// Note: added statements wait for a second account.
    pub pending_note: &'static str,
    /// Button.
    pub accept: &'static str,
    /// Button.
    pub reject: &'static str,
    /// Label.
    pub reason: &'static str,
    /// Heading of the edit form.
    pub edit_title: &'static str,
    /// Button.
    pub accept_edited: &'static str,
    /// "Reviewed: accepted by … on …".
    pub reviewed: &'static str,
    /// A restricted document's sentence is not shown publicly.
    pub restricted_note: &'static str,
}

/// English.
pub const EN: InboxText = InboxText {
    title: "Inbox",
    document: "Document",
    kind: "Kind",
    status: "Status",
    any_kind: "Any kind",
    statuses: [("open", "Open"), ("accepted", "Accepted"), ("rejected", "Rejected")],
    kinds: [
        ("station-mention", "Station mentioned"),
        ("body-mention", "Known body mentioned"),
        ("new-body", "Body the record lacks"),
        ("figure", "Figure claimed"),
        ("status-step", "Status step reported"),
    ],
    filter: "Filter",
    none: "No proposals match.",
    of: "of",
    previous: "Previous",
    next: "Next",
    accept_all: "Accept all open proposals of this document",
    in_context: "The sentence in its paragraph",
    concerns: "Concerns",
    will_add: "Accepting adds these statements",
    pending_note: "They become public when a different account confirms them.",
    accept: "Accept",
    reject: "Reject",
    reason: "Reason",
    edit_title: "Edit before accepting",
    accept_edited: "Accept as edited",
    reviewed: "Reviewed",
    restricted_note: "The document is restricted: its words stay out of the public record.",
};

/// Simplified Chinese.
pub const ZH: InboxText = InboxText {
    title: "待审建议",
    document: "文件",
    kind: "类型",
    status: "状态",
    any_kind: "所有类型",
    statuses: [("open", "待审"), ("accepted", "已接受"), ("rejected", "已拒绝")],
    kinds: [
        ("station-mention", "提及服务站"),
        ("body-mention", "提及已知机构"),
        ("new-body", "记录中没有的机构"),
        ("figure", "声称的数字"),
        ("status-step", "报道的状态变化"),
    ],
    filter: "筛选",
    none: "没有符合条件的建议。",
    of: "共",
    previous: "上一页",
    next: "下一页",
    accept_all: "接受此文件的全部待审建议",
    in_context: "所在段落中的句子",
    concerns: "涉及",
    will_add: "接受后将添加以下陈述",
    pending_note: "须经另一个账户确认后才会公开。",
    accept: "接受",
    reject: "拒绝",
    reason: "理由",
    edit_title: "修改后接受",
    accept_edited: "按修改接受",
    reviewed: "已审阅",
    restricted_note: "此文件受限：其文字不会进入公开记录。",
};
