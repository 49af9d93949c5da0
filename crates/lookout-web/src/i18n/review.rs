//! The reviewers' pages (`/review`): sign-in, the list of reports, a report's thread and its
//! actions, and the audit log. Workflow words are the reviewers' own (the reporter-facing words
//! of a status are `Text::report_status`).

/// The reviewers' pages' words.
#[derive(Debug)]
pub struct ReviewText {
    /// Sign-in: heading and title.
    pub login_title: &'static str,
    /// Sign-in: label.
    pub account: &'static str,
    /// Sign-in: label.
    pub password: &'static str,
    /// Sign-in: label.
    pub code: &'static str,
    /// Sign-in: button.
    pub sign_in: &'static str,
    /// Sign-in refused: name, password or code.
    pub not_accepted: &'static str,
    /// Sign-in: a code used already, or from before the server started.
    pub wait: &'static str,
    /// Sign-in: the site-wide budget is spent.
    pub too_many: &'static str,
    /// Sign-in: the account's budget from unknown browsers is spent.
    pub too_many_for_account: &'static str,
    /// Sign-in: the form's token expired.
    pub form_expired: &'static str,
    /// List: heading.
    pub reports: &'static str,
    /// List: "Signed in as".
    pub signed_in_as: &'static str,
    /// List: link to the workspace.
    pub workspace: &'static str,
    /// List: link to the public counts.
    pub public_counts: &'static str,
    /// List: link to the audit log.
    pub audit_log: &'static str,
    /// Button.
    pub sign_out: &'static str,
    /// List: none.
    pub no_reports: &'static str,
    /// Column.
    pub report: &'static str,
    /// Column.
    pub received: &'static str,
    /// Column.
    pub status: &'static str,
    /// Column.
    pub linked_to: &'static str,
    /// Column.
    pub closed: &'static str,
    /// After a closing day.
    pub contents_deleted: &'static str,
    /// Report: link back.
    pub all_reports: &'static str,
    /// Report: "Received" before its day.
    pub received_on: &'static str,
    /// Report: "status" before it.
    pub status_is: &'static str,
    /// Report: "linked to" before the entity.
    pub linked_is: &'static str,
    /// Report: purged.
    pub purged: &'static str,
    /// Message authors, by code.
    pub authors: [(&'static str, &'static str); 2],
    /// A reporter's coarse fields, by code.
    pub fields: [(&'static str, &'static str); 5],
    /// "Attachment" before its number.
    pub attachment: &'static str,
    /// "bytes" after a size.
    pub bytes: &'static str,
    /// Nothing was removed from an attachment.
    pub nothing_removed: &'static str,
    /// What was removed (its list follows, in English).
    pub removed: &'static str,
    /// Heading.
    pub reply_title: &'static str,
    /// Label.
    pub reply_label: &'static str,
    /// Button.
    pub send_reply: &'static str,
    /// Heading and label.
    pub status_title: &'static str,
    /// Workflow statuses, by code.
    pub statuses: [(&'static str, &'static str); 8],
    /// Label.
    pub linked_label: &'static str,
    /// Button.
    pub set_status: &'static str,
    /// Heading.
    pub publish_title: &'static str,
    /// What publishing publishes.
    pub publish_note: &'static str,
    /// Label.
    pub country: &'static str,
    /// Label.
    pub category: &'static str,
    /// Label.
    pub month: &'static str,
    /// Button.
    pub publish: &'static str,
    /// Audit: heading.
    pub audit_title: &'static str,
    /// Audit: columns (#, when, who, what, on).
    pub audit_columns: [&'static str; 5],
    /// Audit: the chain verifies, around its number of entries.
    pub verifies: [&'static str; 2],
    /// Audit: the chain does not verify (the reason follows, in English).
    pub broken: &'static str,
}

/// English.
pub const EN: ReviewText = ReviewText {
    login_title: "Reviewer sign-in",
    account: "Account",
    password: "Password",
    code: "Code from your authenticator app",
    sign_in: "Sign in",
    not_accepted: "Name, password or code not accepted.",
    wait: "This code was used already, or the server started just now: wait for the next code from your \
           authenticator app and sign in with it.",
    too_many: "Too many sign-in attempts just now; wait a few minutes.",
    too_many_for_account: "Too many sign-in attempts for this account from browsers it has not signed in from; \
                           wait fifteen minutes, or sign in from a browser you used before.",
    form_expired: "The form expired; try again.",
    reports: "Reports",
    signed_in_as: "Signed in as",
    workspace: "Workspace",
    public_counts: "Public counts",
    audit_log: "Audit log",
    sign_out: "Sign out",
    no_reports: "No reports.",
    report: "Report",
    received: "Received",
    status: "Status",
    linked_to: "Linked to",
    closed: "Closed",
    contents_deleted: "(contents deleted)",
    all_reports: "All reports",
    received_on: "Received",
    status_is: "status",
    linked_is: "linked to",
    purged: "Its contents were deleted under the retention rule.",
    authors: [("reporter", "reporter"), ("reviewer", "reviewer")],
    fields: [
        ("category", "category"),
        ("country", "country"),
        ("city", "city"),
        ("month", "month"),
        ("organisation", "organisation"),
    ],
    attachment: "Attachment",
    bytes: "bytes",
    nothing_removed: "Nothing besides the image or pages was found in it.",
    removed: "Removed before it was sealed:",
    reply_title: "Reply to the reporter",
    reply_label: "Reply (the reporter reads it with their receipt code)",
    send_reply: "Send reply",
    status_title: "Status",
    statuses: [
        ("new", "new"),
        ("triaged", "triaged"),
        ("needs-information", "needs information"),
        ("verified", "verified"),
        ("unverified", "unverified"),
        ("linked", "linked"),
        ("published", "published"),
        ("closed", "closed"),
    ],
    linked_label: "Linked station, bureau or organisation (id, for \"linked\")",
    set_status: "Set status",
    publish_title: "Publish as a pseudonymous incident",
    publish_note: "Only the country, category and month are published, and only in counts of at least k.",
    country: "Country (ISO code)",
    category: "Category",
    month: "Month",
    publish: "Publish",
    audit_title: "Audit log",
    audit_columns: ["#", "When", "Who", "What", "On"],
    verifies: [
        "The chain of ",
        " entries verifies, and the accounts, reports, messages and releases are as it recorded them.",
    ],
    broken: "The chain does NOT verify:",
};

/// Simplified Chinese.
pub const ZH: ReviewText = ReviewText {
    login_title: "审核员登录",
    account: "账户",
    password: "密码",
    code: "身份验证器应用中的验证码",
    sign_in: "登录",
    not_accepted: "账户名、密码或验证码不正确。",
    wait: "此验证码已使用过，或服务器刚刚启动：请等待身份验证器应用中的下一个验证码，再用它登录。",
    too_many: "登录尝试过多，请等几分钟再试。",
    too_many_for_account: "此账户在未曾登录过的浏览器上尝试登录的次数过多；请等十五分钟，或使用你以前登录过的浏览器。",
    form_expired: "表单已过期，请重试。",
    reports: "举报",
    signed_in_as: "当前登录",
    workspace: "工作区",
    public_counts: "公开统计",
    audit_log: "审计日志",
    sign_out: "退出",
    no_reports: "没有举报。",
    report: "举报",
    received: "收到日期",
    status: "状态",
    linked_to: "关联到",
    closed: "结案日期",
    contents_deleted: "（内容已删除）",
    all_reports: "全部举报",
    received_on: "收到于",
    status_is: "状态",
    linked_is: "关联到",
    purged: "其内容已按保存期限规则删除。",
    authors: [("reporter", "举报人"), ("reviewer", "审核员")],
    fields: [("category", "类别"), ("country", "国家"), ("city", "城市"), ("month", "月份"), ("organisation", "组织")],
    attachment: "附件",
    bytes: "字节",
    nothing_removed: "其中除图像或页面外未发现其他内容。",
    removed: "加密保存前已移除：",
    reply_title: "回复举报人",
    reply_label: "回复（举报人凭回执码阅读）",
    send_reply: "发送回复",
    status_title: "状态",
    statuses: [
        ("new", "新收到"),
        ("triaged", "已分流"),
        ("needs-information", "需要更多信息"),
        ("verified", "已核实"),
        ("unverified", "未能核实"),
        ("linked", "已关联"),
        ("published", "已发布"),
        ("closed", "已结案"),
    ],
    linked_label: "关联的服务站、公安机关或组织（编号，用于“已关联”）",
    set_status: "设置状态",
    publish_title: "作为匿名事件发布",
    publish_note: "只发布国家、类别和月份，且只出现在不少于 k 件的统计中。",
    country: "国家（ISO 代码）",
    category: "类别",
    month: "月份",
    publish: "发布",
    audit_title: "审计日志",
    audit_columns: ["#", "时间", "操作者", "操作", "对象"],
    verifies: ["共 ", " 条记录的哈希链验证通过，账户、举报、消息和发布均与记录一致。"],
    broken: "哈希链验证未通过：",
};

impl ReviewText {
    /// The words of `code` in one of this table's lists (the code itself when unknown).
    pub fn word<'a>(list: &'a [(&'static str, &'static str)], code: &'a str) -> &'a str {
        list.iter().find(|(c, _)| *c == code).map_or(code, |(_, w)| w)
    }
}
