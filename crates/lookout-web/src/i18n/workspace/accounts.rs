//! Accounts (admins): the list, adding one, deactivating and reactivating, resetting one's
//! password and TOTP secret, and the page that shows a new TOTP secret once.

/// The accounts section's words.
#[derive(Debug)]
pub struct AccountsText {
    /// Heading.
    pub title: &'static str,
    /// What the page is for.
    pub intro: &'static str,
    /// Column.
    pub name: &'static str,
    /// Column.
    pub role: &'static str,
    /// Column.
    pub state: &'static str,
    /// Column.
    pub added_on: &'static str,
    /// Column.
    pub actions: &'static str,
    /// State of an account that may sign in.
    pub active: &'static str,
    /// State of one that may not.
    pub inactive: &'static str,
    /// After the signed-in admin's own name.
    pub you: &'static str,
    /// Button.
    pub deactivate: &'static str,
    /// Button.
    pub activate: &'static str,
    /// Link to the reset form.
    pub reset: &'static str,
    /// Heading of the form that adds an account.
    pub add_title: &'static str,
    /// Hint under the name field.
    pub name_hint: &'static str,
    /// Label.
    pub password: &'static str,
    /// Hint under the password field.
    pub password_hint: &'static str,
    /// Label.
    pub password_again: &'static str,
    /// Button.
    pub add: &'static str,
    /// Heading of the page showing a new account's secret.
    pub added_title: &'static str,
    /// Heading of the page showing a reset account's secret.
    pub reset_done_title: &'static str,
    /// What to do with the secret, and that it is shown once.
    pub secret_once: &'static str,
    /// Label of the `otpauth://` URI.
    pub otpauth: &'static str,
    /// Label of the base32 secret.
    pub secret: &'static str,
    /// What the person does next.
    pub next_step: &'static str,
    /// Link back to the list.
    pub back: &'static str,
    /// Heading of the reset form (before the name).
    pub reset_title: &'static str,
    /// What a reset does, and why the identity cannot be kept.
    pub reset_explained: &'static str,
    /// What happens to reports.
    pub reset_reports: &'static str,
    /// Warning when nobody else can read reports.
    pub sole_reader: &'static str,
    /// Checkbox label acknowledging the warning.
    pub sole_reader_ack: &'static str,
    /// Label.
    pub new_password: &'static str,
    /// Button.
    pub reset_button: &'static str,
}

/// English.
pub const EN: AccountsText = AccountsText {
    title: "Accounts",
    intro: "Who can sign in, and with which role. Every change here is in the audit log.",
    name: "Name",
    role: "Role",
    state: "State",
    added_on: "Added on",
    actions: "Actions",
    active: "active",
    inactive: "deactivated",
    you: "(you)",
    deactivate: "Deactivate",
    activate: "Activate",
    reset: "Reset password and TOTP",
    add_title: "Add an account",
    name_hint: "1–64 letters, digits, '.', '_' or '-'.",
    password: "Initial password",
    password_hint: "At least 12 characters and hard to guess. Give it to the person by a safe channel.",
    password_again: "The same password again",
    add: "Add the account",
    added_title: "Account added",
    reset_done_title: "Account reset",
    secret_once: "Give this TOTP secret to the person, for their authenticator app, by a safe channel. It is shown once: it is kept only sealed under the password, and this page cannot be shown again.",
    otpauth: "otpauth URI",
    secret: "Secret (base32)",
    next_step: "The person signs in with the password and a code from the app.",
    back: "Back to the accounts",
    reset_title: "Reset",
    reset_explained: "The account's TOTP secret and its key for reading reports are sealed under a key derived from its password, which you do not know. A reset gives the account a new password, a new TOTP secret and a new key, and ends its sessions; its old password and codes stop working.",
    reset_reports: "Reports that arrived before the reset stay sealed to the old key, which is gone: this account can no longer read them. Every other reviewer and admin who was active when they arrived still can. Reports that arrive after the reset are sealed to the new key.",
    sole_reader: "No other active reviewer or admin can read reports: after this reset, reports that arrived before it can be read by nobody.",
    sole_reader_ack: "I understand that earlier reports will then be unreadable",
    new_password: "New password",
    reset_button: "Reset the account",
};

/// Simplified Chinese.
pub const ZH: AccountsText = AccountsText {
    title: "账户",
    intro: "谁可以登录，以及各自的角色。此处的每项变更都记入审计日志。",
    name: "名称",
    role: "角色",
    state: "状态",
    added_on: "添加日期",
    actions: "操作",
    active: "已启用",
    inactive: "已停用",
    you: "（你）",
    deactivate: "停用",
    activate: "启用",
    reset: "重置密码和动态验证码",
    add_title: "添加账户",
    name_hint: "1–64 个字母、数字、'.'、'_' 或 '-'。",
    password: "初始密码",
    password_hint: "至少 12 个字符，且不易猜到。请通过安全渠道交给本人。",
    password_again: "再次输入密码",
    add: "添加账户",
    added_title: "账户已添加",
    reset_done_title: "账户已重置",
    secret_once: "请通过安全渠道把此动态验证码密钥交给本人，用于其身份验证器应用。它只显示一次：系统只保存以密码加密的版本，本页无法再次显示。",
    otpauth: "otpauth 链接",
    secret: "密钥（base32）",
    next_step: "本人使用密码和应用中的验证码登录。",
    back: "返回账户列表",
    reset_title: "重置",
    reset_explained: "账户的动态验证码密钥及其阅读举报的密钥，都以由其密码派生的密钥加密，而你并不知道该密码。重置会给账户新的密码、新的动态验证码密钥和新的密钥，并结束其所有会话；旧密码和旧验证码随即失效。",
    reset_reports: "重置之前收到的举报仍以旧密钥加密，而旧密钥已不复存在：此账户将无法再阅读这些举报。举报到达时处于启用状态的其他审核员和管理员仍可阅读。重置之后收到的举报将以新密钥加密。",
    sole_reader: "没有其他已启用的审核员或管理员可以阅读举报：重置之后，此前收到的举报将无人能够阅读。",
    sole_reader_ack: "我明白此前的举报将因此无法阅读",
    new_password: "新密码",
    reset_button: "重置账户",
};
