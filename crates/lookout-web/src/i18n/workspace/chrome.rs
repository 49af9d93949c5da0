//! The workspace's frame: navigation by role, who is signed in, the home page.

/// The workspace's frame.
#[derive(Debug)]
pub struct WsChromeText {
    /// Name of the signed-in area.
    pub workspace: &'static str,
    /// Navigation label.
    pub nav_label: &'static str,
    /// Section.
    pub inbox: &'static str,
    /// Section.
    pub documents: &'static str,
    /// Section.
    pub record: &'static str,
    /// Section.
    pub confirm: &'static str,
    /// Section.
    pub sources: &'static str,
    /// Section.
    pub duplicates: &'static str,
    /// Section.
    pub reports: &'static str,
    /// Section.
    pub accounts: &'static str,
    /// Section.
    pub audit: &'static str,
    /// "Signed in as".
    pub signed_in_as: &'static str,
    /// Button.
    pub sign_out: &'static str,
    /// Link to the public site.
    pub public_site: &'static str,
    /// Home: open proposals.
    pub open_proposals: &'static str,
    /// Home: statements waiting for a second account.
    pub waiting: &'static str,
    /// Home: four eyes is on.
    pub four_eyes_on: &'static str,
    /// Home: four eyes is off.
    pub four_eyes_off: &'static str,
    /// Link that stops a page refreshing itself while work runs.
    pub stop_refreshing: &'static str,
    /// Link that lets it refresh itself again.
    pub refresh_automatically: &'static str,
    /// Role names, by code.
    pub roles: [(&'static str, &'static str); 3],
}

/// English.
pub const EN: WsChromeText = WsChromeText {
    workspace: "Workspace",
    nav_label: "Workspace",
    inbox: "Inbox",
    documents: "Documents",
    record: "Record",
    confirm: "To confirm",
    sources: "Sources",
    duplicates: "Duplicates",
    reports: "Reports",
    accounts: "Accounts",
    audit: "Audit log",
    signed_in_as: "Signed in as",
    sign_out: "Sign out",
    public_site: "Public site",
    open_proposals: "Open proposals",
    waiting: "Statements waiting for a second account",
    four_eyes_on:
        "Four eyes is on: what one account adds or accepts becomes public when a different account confirms it.",
    four_eyes_off: "Four eyes is off on this installation: what an account adds or accepts is public at once.",
    stop_refreshing: "Stop refreshing this page (reload it yourself to see progress)",
    refresh_automatically: "Refresh this page every two seconds until it is done",
    roles: [("analyst", "analyst"), ("reviewer", "reviewer"), ("admin", "admin")],
};

/// Simplified Chinese.
pub const ZH: WsChromeText = WsChromeText {
    workspace: "工作区",
    nav_label: "工作区",
    inbox: "待审建议",
    documents: "文件",
    record: "记录",
    confirm: "待确认",
    sources: "来源",
    duplicates: "重复实体",
    reports: "举报",
    accounts: "账户",
    audit: "审计日志",
    signed_in_as: "当前登录",
    sign_out: "退出",
    public_site: "公开网站",
    open_proposals: "待审建议",
    waiting: "等待另一账户确认的陈述",
    four_eyes_on: "双人复核已开启：一个账户添加或接受的内容，须经另一个账户确认后才会公开。",
    four_eyes_off: "本站已关闭双人复核：账户添加或接受的内容立即公开。",
    stop_refreshing: "停止自动刷新本页（请自行刷新查看进度）",
    refresh_automatically: "每两秒自动刷新本页，直到完成",
    roles: [("analyst", "分析员"), ("reviewer", "审核员"), ("admin", "管理员")],
};
