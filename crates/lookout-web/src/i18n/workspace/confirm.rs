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
    intro: "Changes another account made: what it added, accepted or created at one moment. A change becomes public when you confirm it.",
    none: "Nothing waits for confirmation.",
    before: "The public page now",
    after: "Once confirmed",
    confirm: "Confirm",
    reject: "Reject",
    own: "You made this change: a different account must confirm it.",
    nothing: "(nothing)",
};

/// Simplified Chinese.
pub const ZH: ConfirmText = ConfirmText {
    title: "待确认",
    intro: "其他账户所做的更改：一次添加、接受或新建的内容。经您确认后即公开。",
    none: "没有待确认的内容。",
    before: "公开页面现状",
    after: "确认后",
    confirm: "确认",
    reject: "拒绝",
    own: "此更改由您做出：须由另一个账户确认。",
    nothing: "（无）",
};
