//! Four eyes: statements waiting for a second account, and the confirm page.

/// The confirm pages' words.
#[derive(Debug)]
pub struct ConfirmText {
    /// Heading.
    pub title: &'static str,
    /// Intro.
    pub intro: &'static str,
    /// Shown when nothing waits.
    pub none: &'static str,
    /// Column.
    pub entity: &'static str,
    /// Column.
    pub statement: &'static str,
    /// Column.
    pub recorded_by: &'static str,
    /// Heading: the public page's facts now.
    pub before: &'static str,
    /// Heading: the public page's facts once confirmed.
    pub after: &'static str,
    /// Button.
    pub confirm: &'static str,
    /// Button.
    pub reject: &'static str,
    /// Note on one's own statement.
    pub own: &'static str,
    /// Shown for a property without values.
    pub nothing: &'static str,
}

/// English.
pub const EN: ConfirmText = ConfirmText {
    title: "To confirm",
    intro: "Statements another account added or accepted. Each becomes public when you confirm it.",
    none: "Nothing waits for confirmation.",
    entity: "Entity",
    statement: "Statement",
    recorded_by: "Recorded by",
    before: "The public page now",
    after: "Once confirmed",
    confirm: "Confirm",
    reject: "Reject",
    own: "You recorded this statement: a different account must confirm it.",
    nothing: "(nothing)",
};

/// Simplified Chinese.
pub const ZH: ConfirmText = ConfirmText {
    title: "待确认",
    intro: "其他账户添加或接受的陈述。经您确认后即公开。",
    none: "没有待确认的内容。",
    entity: "实体",
    statement: "陈述",
    recorded_by: "记录者",
    before: "公开页面现状",
    after: "确认后",
    confirm: "确认",
    reject: "拒绝",
    own: "此陈述由您记录：须由另一个账户确认。",
    nothing: "（无）",
};
